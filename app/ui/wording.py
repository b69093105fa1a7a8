"""The core's messages in the window's language.

The core hands the window a :class:`~app.core.services.Message` (an id and its parameters), never a
finished sentence. Its English template is the translator's source text in the ``messages``
context, with the message's id as the disambiguation (two ids with the same English words may
need different ones, and the translator sees which message it is), so a ``.ts`` file can give
each one in Bahasa Indonesia; the parameters (names, numbers, money, the server's own words) are
filled in after translation and never translated themselves. ``make translations`` writes every
template into the ``.ts`` (packaging/translations.py).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.services import CONTEXT, Message, format_count
from app.ui.os_reasons import OS_REASON_MESSAGES, os_reason
from app.ui.toml_reasons import TOML_REASON_MESSAGES, toml_reason

#: The core's messages whose parameters count stamps, written as Indonesia groups a number
#: (``9.980 stamps left``); the others' numbers are ids, minutes or counts that stay small.
STAMP_COUNTS: dict[str, frozenset[str]] = {
    "receipt.stamps_left": frozenset({"stamps"}),
    "receipt.stamps_left_also_said": frozenset({"stamps"}),
    "policy.not_enough_stamps": frozenset({"cost", "stamps"}),
    "policy.short_of_stamps": frozenset({"cost", "stamps"}),
    "policy.short_of_stamps_now": frozenset({"cost", "stamps"}),
    "policy.too_costly_offline": frozenset({"limit", "cost"}),
    "order.stamps_range": frozenset({"least", "most"}),
    "policy.outage_stamps_cap": frozenset({"total", "limit"}),
}


def words(message: Message) -> str:
    """``message`` as the cashier reads it, in the language of the installed translator."""
    template = QCoreApplication.translate(CONTEXT, message.template, message.id)
    params = message.params
    if message.id in OS_REASON_MESSAGES and isinstance(params.get("reason"), str):
        # the OS's own words, which are English whatever the language (os_reasons)
        params = {**params, "reason": os_reason(str(params["reason"]))}
    if message.id in TOML_REASON_MESSAGES and isinstance(params.get("reason"), str):
        # tomllib's own words, English whatever the language (toml_reasons)
        params = {**params, "reason": toml_reason(str(params["reason"]))}
    for name in STAMP_COUNTS.get(message.id, ()):
        value = params.get(name)
        if isinstance(value, int) and not isinstance(value, bool):
            params = {**params, name: format_count(value)}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        # A translation with a mistyped field must not hide the message: say it in English.
        return message.template.format(**message.params)
