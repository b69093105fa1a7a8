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

from app.core.services import CONTEXT, Message
from app.ui.os_reasons import OS_REASON_MESSAGES, os_reason


def words(message: Message) -> str:
    """``message`` as the cashier reads it, in the language of the installed translator."""
    template = QCoreApplication.translate(CONTEXT, message.template, message.id)
    params = message.params
    if message.id in OS_REASON_MESSAGES and isinstance(params.get("reason"), str):
        # the OS's own words, which are English whatever the language (os_reasons)
        params = {**params, "reason": os_reason(str(params["reason"]))}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        # A translation with a mistyped field must not hide the message: say it in English.
        return message.template.format(**message.params)
