"""An audit line in the window's words: the action, and its details as ``key: value``.

The core writes each line's details as it knows them (a reason in its own English, a failure as
recorded, a line of the member's activity, a moment as an ISO stamp); the command line prints
them so (``stamps-pos audit``). Here each is said in the manager's language: the till's own
values translated, a failure in the words of :func:`app.core.services.failure_words`, a moment in
the till's local time. A note, a name, an id or the server's words are shown as they were written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.core.services import AuditLine, EntryStatus, failure_words, moment
from app.ui.controllers.activity_words import feed_line_text
from app.ui.controllers.manager_words import outcome_words, status_words
from app.ui.controllers.setting_words import setting_names
from app.ui.language import current as current_language
from app.ui.widgets.member_card import local_time_text
from app.ui.widgets.rows_table import TableRow
from app.ui.wording import words


def _once_per_language(build: Callable[[], dict[str, str]]) -> Callable[[], dict[str, str]]:
    """``build``'s words, made once for each language the window speaks: an audit page of
    5,000 lines translated every action's and every detail's words for each line, some 300,000
    look-ups and 0.4 s of the GUI thread."""
    made: dict[str, dict[str, str]] = {}

    def words_now() -> dict[str, str]:
        language = current_language()
        if language not in made:
            made[language] = build()
        return made[language]

    return words_now


@_once_per_language
def _detail_keys() -> dict[str, str]:
    return {
        "role": QCoreApplication.translate("ManagerWords", "role"),
        "reason": QCoreApplication.translate("ManagerWords", "reason"),
        "paused_for": QCoreApplication.translate("ManagerWords", "it was paused for"),
        "note": QCoreApplication.translate("ManagerWords", "note"),
        "name": QCoreApplication.translate("ManagerWords", "name"),
        "new_name": QCoreApplication.translate("ManagerWords", "new name"),
        "pin": QCoreApplication.translate("ManagerWords", "PIN"),
        "first": QCoreApplication.translate("ManagerWords", "first manager"),
        "locked_until": QCoreApplication.translate("ManagerWords", "locked until"),
        "replacement_voucher": QCoreApplication.translate("ManagerWords", "replacement voucher"),
        "server_redemption_id": QCoreApplication.translate("ManagerWords", "server redemption id"),
        "cancel_entry": QCoreApplication.translate("ManagerWords", "cancel entry"),
        "new_entry": QCoreApplication.translate("ManagerWords", "new entry"),
        "added": QCoreApplication.translate("ManagerWords", "added"),
        "skipped": QCoreApplication.translate("ManagerWords", "skipped"),
        "outcome": QCoreApplication.translate("ManagerWords", "outcome"),
        "error": QCoreApplication.translate("ManagerWords", "error"),
        "line": QCoreApplication.translate("ManagerWords", "line"),
        "from": QCoreApplication.translate("ManagerWords", "from"),
        "status": QCoreApplication.translate("ManagerWords", "status"),
        "settings": QCoreApplication.translate("ManagerWords", "settings"),
        "reference": QCoreApplication.translate("ManagerWords", "reference"),
        "export": QCoreApplication.translate("ManagerWords", "what"),
        "file": QCoreApplication.translate("ManagerWords", "file"),
        "rows": QCoreApplication.translate("ManagerWords", "rows"),
        "shifts_closed": QCoreApplication.translate("ManagerWords", "open shifts closed"),
        "shift": QCoreApplication.translate("ManagerWords", "shift"),
        "opened_at": QCoreApplication.translate("ManagerWords", "opened"),
    }


@_once_per_language
def _export_words() -> dict[str, str]:
    """What a CSV export wrote, by the till's name for it."""
    return {
        "audit_log": QCoreApplication.translate("ManagerWords", "the audit log"),
        "day_summary": QCoreApplication.translate("ManagerWords", "the day's summary"),
        "day_redemptions": QCoreApplication.translate("ManagerWords", "the day's redemptions"),
        "shift": QCoreApplication.translate("ManagerWords", "the shift's redemptions"),
    }


@_once_per_language
def _till_words() -> dict[str, str]:
    """The values the till writes in its own words: roles, why a sign-in was refused, why
    manager mode ended."""
    return {
        "manager": QCoreApplication.translate("ManagerWords", "manager"),
        "cashier": QCoreApplication.translate("ManagerWords", "cashier"),
        "wrong PIN": QCoreApplication.translate("ManagerWords", "wrong PIN"),
        "not a name": QCoreApplication.translate("ManagerWords", "not a name"),
        "no such account": QCoreApplication.translate("ManagerWords", "no such account"),
        "account disabled": QCoreApplication.translate("ManagerWords", "account disabled"),
        "locked": QCoreApplication.translate("ManagerWords", "locked"),
        "no PIN typed": QCoreApplication.translate("ManagerWords", "no PIN typed"),
        "left": QCoreApplication.translate("ManagerWords", "left"),
        "idle": QCoreApplication.translate("ManagerWords", "idle too long"),
        "another manager signed in": QCoreApplication.translate(
            "ManagerWords", "another manager signed in"
        ),
        "left kiosk mode": QCoreApplication.translate("ManagerWords", "left kiosk mode"),
        "back to the kiosk": QCoreApplication.translate("ManagerWords", "back to the kiosk"),
        "command finished": QCoreApplication.translate("ManagerWords", "command line finished"),
    }


def _failure_text(value: str, base_url: str) -> str:
    said = failure_words(value, base_url=base_url)
    return words(said) if said is not None else value


def _plain(value: Any, base_url: str) -> str:
    """A value as written, or in words when the till wrote it in its own (a dictionary's as
    :func:`audit_detail` says them, with the till's ``base_url``)."""
    if value is None:
        return QCoreApplication.translate("ManagerWords", "none")
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("ManagerWords", "yes")
            if value
            else QCoreApplication.translate("ManagerWords", "no")
        )
    if isinstance(value, str):
        return _till_words().get(value, value)
    if isinstance(value, list | tuple):
        return ", ".join(_plain(item, base_url) for item in value)
    if isinstance(value, dict):
        return audit_detail(value, base_url=base_url)
    return str(value)


def _detail_value(key: str, value: Any, base_url: str) -> str:
    """A detail's value in the manager's words."""
    if key == "line" and isinstance(value, dict):
        return feed_line_text(value)
    if key == "outcome" and isinstance(value, str):
        return outcome_words(value)
    if key == "status" and value in {s.value for s in EntryStatus}:
        return status_words(EntryStatus(value))
    if key in ("locked_until", "at", "opened_at") and isinstance(value, str):
        when = moment(value)
        return local_time_text(when) if when is not None else value
    if key == "export" and isinstance(value, str):
        return _export_words().get(value, value)
    if key == "settings" and isinstance(value, list):
        # by the labels the manager changed them under, not the settings file's keys
        return setting_names(str(name) for name in value)
    if key == "error" and isinstance(value, str):
        return _failure_text(value, base_url)
    if key in ("reason", "paused_for") and isinstance(value, str) and value not in _till_words():
        # a pause's reason: the failure that refused the token, as recorded
        return _failure_text(value, base_url)
    return _plain(value, base_url)


#: The details that name another entry by its id, and how much of it the audit table shows:
#: its start, as a decision's "Sent again by Wayan as 01a234f2" does. Whole, a cancel's 36
#: characters filled the detail's two lines at 1024 px and hid the manager's note.
_ENTRY_KEYS = frozenset({"cancel_entry", "new_entry"})
ID_START = 8
#: The audit table's detail column: its cells' tooltip holds the ids whole.
_DETAIL_COLUMN = 5


def audit_detail(detail: dict[str, Any], *, base_url: str, id_starts: bool = False) -> str:
    """An audit line's details, ``key: value`` in the manager's words (``base_url``, the
    till's, as :func:`app.core.services.failure_words` takes it, down to a dictionary nested in
    them: required, so no detail is said without it); with ``id_starts``, another entry's id
    by its first :data:`ID_START` characters."""
    keys = _detail_keys()
    return ", ".join(
        f"{keys.get(key, key.replace('_', ' '))}: {_detail_value(key, value, base_url)}"
        if not (id_starts and key in _ENTRY_KEYS and isinstance(value, str))
        else f"{keys[key]}: {_id_start(value)}"
        for key, value in sorted(detail.items())
    )


def _id_start(entry_id: str) -> str:
    return entry_id if len(entry_id) <= ID_START else f"{entry_id[:ID_START]}…"


def action_words(action: str) -> str:
    """An audit action, as a manager reads it (an action this window does not know is shown as
    it is stored)."""
    return _action_names().get(action, action.replace("_", " "))


@_once_per_language
def _action_names() -> dict[str, str]:
    return {
        "sign_in": QCoreApplication.translate("ManagerWords", "signed in"),
        "sign_in_failed": QCoreApplication.translate("ManagerWords", "sign-in refused"),
        "sign_in_locked": QCoreApplication.translate("ManagerWords", "sign-in while locked"),
        "manager_mode_left": QCoreApplication.translate("ManagerWords", "left manager mode"),
        "cancel": QCoreApplication.translate("ManagerWords", "cancel"),
        "cancel_by_server_id": QCoreApplication.translate("ManagerWords", "cancel by server id"),
        "void": QCoreApplication.translate("ManagerWords", "voided"),
        "voided: offline policy": QCoreApplication.translate(
            "ManagerWords", "not redeemed: the offline rules did not allow it"
        ),
        "retry": QCoreApplication.translate("ManagerWords", "sent again"),
        "mark_applied": QCoreApplication.translate("ManagerWords", "marked applied"),
        "dismiss": QCoreApplication.translate("ManagerWords", "dismissed"),
        "imported": QCoreApplication.translate("ManagerWords", "imported"),
        "reconciled": QCoreApplication.translate("ManagerWords", "found in the member's activity"),
        "paused": QCoreApplication.translate("ManagerWords", "sync paused"),
        "resumed": QCoreApplication.translate("ManagerWords", "sync resumed"),
        "late_result_discarded": QCoreApplication.translate(
            "ManagerWords", "late answer set aside"
        ),
        "cashiers_imported": QCoreApplication.translate("ManagerWords", "cashiers imported"),
        "manager_added": QCoreApplication.translate("ManagerWords", "manager added"),
        "cashier_added": QCoreApplication.translate("ManagerWords", "cashier added"),
        "manager_renamed": QCoreApplication.translate("ManagerWords", "manager renamed"),
        "cashier_renamed": QCoreApplication.translate("ManagerWords", "cashier renamed"),
        "manager_disabled": QCoreApplication.translate("ManagerWords", "manager disabled"),
        "cashier_disabled": QCoreApplication.translate("ManagerWords", "cashier disabled"),
        "manager_enabled": QCoreApplication.translate("ManagerWords", "manager enabled"),
        "cashier_enabled": QCoreApplication.translate("ManagerWords", "cashier enabled"),
        "manager_pin_set": QCoreApplication.translate("ManagerWords", "manager's PIN set"),
        "cashier_pin_set": QCoreApplication.translate("ManagerWords", "cashier's PIN set"),
        "cashier_pin_removed": QCoreApplication.translate("ManagerWords", "cashier's PIN removed"),
        "handed_over": QCoreApplication.translate("ManagerWords", "kiosk reward handed over"),
        "kiosk_left": QCoreApplication.translate("ManagerWords", "left kiosk mode"),
        "settings_changed": QCoreApplication.translate("ManagerWords", "settings changed"),
        "csv_exported": QCoreApplication.translate("ManagerWords", "exported as CSV"),
        "shift_closed": QCoreApplication.translate("ManagerWords", "shift closed"),
    }


def actor_words(who: str) -> str:
    """Who did it, as a manager reads it: a person by their name, the till's own parts (stored
    as ``till``, ``sync`` and ``settings``) in the window's words: "till" stood in the
    Indonesian audit page."""
    return _actor_names().get(who, who)


@_once_per_language
def _actor_names() -> dict[str, str]:
    return {
        "till": QCoreApplication.translate("ManagerWords", "till", "who: the till itself"),
        "sync": QCoreApplication.translate("ManagerWords", "sync", "who: the till's sync"),
        "settings": QCoreApplication.translate(
            "ManagerWords", "settings", "who: a change of the settings"
        ),
    }


def audit_row(line: AuditLine, *, base_url: str) -> TableRow:
    """A row of the audit table; ``base_url`` is the till's, for a refusal of its credentials
    (a pause's reason) said with https when the server asked for it over plain http."""
    said = _as_said(line.action, line.detail)
    detail = audit_detail(said, base_url=base_url, id_starts=True)
    # the whole ids in the tooltip; worked out only for the lines that name one
    named = not _ENTRY_KEYS.isdisjoint(said)
    return TableRow(
        key=f"{line.at.isoformat()}-{line.who}-{line.action}-{line.entry_id}",
        cells=(
            local_time_text(line.at),
            actor_words(line.who),
            action_words(line.action),
            line.terminal,
            line.entry_id or "",
            detail,
        ),
        tips={_DETAIL_COLUMN: audit_detail(said, base_url=base_url)} if named else {},
    )


def _as_said(action: str, detail: dict[str, Any]) -> dict[str, Any]:
    """``detail`` under the keys its action means: a resume keeps the reason of the pause it
    ended, which read "sync resumed — reason: the server refuses this till's API token" once
    the token worked again."""
    if action == "resumed" and "reason" in detail:
        said = dict(detail)
        said["paused_for"] = said.pop("reason")
        return said
    return detail
