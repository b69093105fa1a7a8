"""What reconciliation read in a member's activity, in a manager's words.

The core keeps its evidence as a record (app/core/outbox/reconcile.py: moments as UTC stamps,
the lines it compared, the entries it waited on), which ``stamps-pos exceptions --json`` prints
as it is; the exceptions' pane and the audit trail say it as lines a manager reads, in the
window's language and the till's local time.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.core.services import Channel, failure_words, feed_line_said, format_count
from app.ui.widgets.member_card import local_time_text
from app.ui.wording import words


def moment(text: str) -> datetime | None:
    """The moment an ISO stamp of the core's names (``None`` for anything else)."""
    try:
        found = datetime.fromisoformat(text)
    except ValueError:
        return None
    return found if found.tzinfo is not None else None


def _when(value: Any) -> str:
    found = moment(value) if isinstance(value, str) else None
    return local_time_text(found) if found is not None else str(value)


def stamps_text(count: int) -> str:
    """``1 stamp``, ``15 stamps``."""
    return (
        QCoreApplication.translate("ManagerWords", "{n} stamp")
        if count == 1
        else QCoreApplication.translate("ManagerWords", "{n} stamps")
    ).format(n=format_count(count))


def channel_words(name: str) -> str:
    """Where a line of the activity was made (the feed's channel name, any case)."""
    channel = Channel.named(name)
    known = {
        Channel.MOBILE_APP: QCoreApplication.translate("ManagerWords", "in the Stamps app"),
        Channel.POS: QCoreApplication.translate("ManagerWords", "at a till"),
        Channel.KIOSK: QCoreApplication.translate("ManagerWords", "at a kiosk"),
        Channel.WEB: QCoreApplication.translate("ManagerWords", "on the web"),
        Channel.ANDROID: QCoreApplication.translate("ManagerWords", "in the Android app"),
        Channel.IOS: QCoreApplication.translate("ManagerWords", "in the iOS app"),
        Channel.CALL_CENTER: QCoreApplication.translate("ManagerWords", "by the call centre"),
        Channel.GRABFOOD: QCoreApplication.translate("ManagerWords", "through GrabFood"),
        Channel.GOFOOD: QCoreApplication.translate("ManagerWords", "through GoFood"),
    }
    return known.get(channel, name) if channel is not None else name


def feed_line_text(line: dict[str, Any]) -> str:
    """One line of the member's activity: ``Croissant Mentega, 15 stamps, 1 Dec 13.41, at a
    kiosk, server id 2031``."""
    parts = [
        str(
            line.get("name")
            or QCoreApplication.translate("ManagerWords", "a reward without a name")
        )
    ]
    if isinstance(line.get("stamps"), int):
        parts.append(stamps_text(line["stamps"]))
    if line.get("created"):
        parts.append(_when(line["created"]))
    if line.get("channel"):
        parts.append(channel_words(str(line["channel"])))
    server_id = line.get("redemption_id")
    parts.append(
        QCoreApplication.translate("ManagerWords", "server id {id}").format(id=server_id)
        if server_id is not None
        else QCoreApplication.translate("ManagerWords", "no server id")
    )
    # what the line said of the redemption (the audit trail's "found in the member's activity"
    # read the same of one cancelled there since); nothing for one that stands
    said = feed_line_said(line)
    if said is not None:
        parts.append(words(said))
    return ", ".join(parts)


def _entries(value: Any, named: Mapping[str, str]) -> list[str]:
    """The redemptions an evidence's list names, a line each, as ``named`` tells them (one the
    till no longer has, by its id: nothing else is known of it)."""
    listed = value if isinstance(value, list) else [value]
    return [f"  • {named.get(str(item), str(item))}" for item in listed]


def evidence_text(
    evidence: dict[str, Any] | None,
    *,
    base_url: str,
    named: Mapping[str, str] | None = None,
    store_codes: Mapping[int, str] | None = None,
) -> str:
    """What reconciliation read, a line for each thing it recorded. Why it could not read the
    member's activity is said as everywhere else (``base_url``, the till's, as
    :func:`app.core.services.failure_words` takes it): a server refusing plain http is quoted,
    with the https address to set, not told as a refused token. The other redemptions it names
    by id are told as ``named`` tells them (by id: entry's words), as a manager recognises
    them. A store the till knows the code of (``store_codes``, by store id) is told by that
    code, as the sign-in page names it: a manager knows "RDG-KMG", not "32"."""
    named = named or {}
    store_codes = store_codes or {}
    if not evidence:
        return QCoreApplication.translate(
            "ManagerWords", "The member's activity has not been read for this one."
        )
    lines: list[str] = []
    checks, checked = evidence.get("checks"), evidence.get("checked_at")
    if checked:
        lines.append(
            (
                QCoreApplication.translate("ManagerWords", "Looked at it once, at {when}.")
                if checks in (None, 1)
                else QCoreApplication.translate(
                    "ManagerWords", "Looked at it {count} times, last at {when}."
                )
            ).format(count=checks, when=_when(checked))
        )
    if evidence.get("since") and evidence.get("until"):
        lines.append(
            QCoreApplication.translate(
                "ManagerWords", "Lines looked for: made between {since} and {until}."
            ).format(since=_when(evidence["since"]), until=_when(evidence["until"]))
        )
    expected = evidence.get("expected")
    if isinstance(expected, dict):
        shown = [str(expected.get("name") or "?")]
        if isinstance(expected.get("stamps"), int):
            shown.append(stamps_text(expected["stamps"]))
        if expected.get("store") is not None:
            shown.append(
                QCoreApplication.translate("ManagerWords", "store {store}").format(
                    store=store_codes.get(expected["store"], expected["store"])
                )
            )
        lines.append(
            QCoreApplication.translate("ManagerWords", "Looked for: {line}.").format(
                line=", ".join(shown)
            )
        )
    if "lines_read" in evidence:
        lines.append(
            QCoreApplication.translate("ManagerWords", "Lines read: {count}.").format(
                count=evidence["lines_read"]
            )
        )
    candidates = evidence.get("candidates")
    if isinstance(candidates, list):
        lines.append(
            QCoreApplication.translate("ManagerWords", "Lines that match: {count}.").format(
                count=len(candidates)
            )
        )
        lines += [f"  • {feed_line_text(c)}" for c in candidates if isinstance(c, dict)]
    unplaced = evidence.get("store_unknown")
    if isinstance(unplaced, list) and unplaced:
        lines.append(
            QCoreApplication.translate(
                "ManagerWords",
                "Lines alike at a store the till cannot tell (it has no store code): {count}.",
            ).format(count=len(unplaced))
        )
        lines += [f"  • {feed_line_text(c)}" for c in unplaced if isinstance(c, dict)]
    if evidence.get("accounted_by_other_entries"):
        lines.append(
            QCoreApplication.translate(
                "ManagerWords", "Of these, owned by other redemptions of this till: {count}."
            ).format(count=evidence["accounted_by_other_entries"])
        )
    if evidence.get("waiting_on"):
        lines.append(
            QCoreApplication.translate(
                "ManagerWords",
                "Waiting for these redemptions of the member to reach the server:",
            )
        )
        lines += _entries(evidence["waiting_on"], named)
    if evidence.get("rivals"):
        lines.append(
            QCoreApplication.translate(
                "ManagerWords",
                "Other unconfirmed redemptions that could own the same lines:",
            )
        )
        lines += _entries(evidence["rivals"], named)
    error = evidence.get("error")
    said = failure_words(error, base_url=base_url) if isinstance(error, str) else None
    if said is not None:
        lines.append(
            QCoreApplication.translate("ManagerWords", "Why it could not be read: {why}").format(
                why=words(said)
            )
        )
    return "\n".join(lines)
