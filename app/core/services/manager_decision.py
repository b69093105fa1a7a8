"""A manager's own word on an entry, read from the audit log: voided, marked applied,
dismissed or sent again, who decided it and their note, and whether it still holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.core.domain import EntryStatus
from app.core.messages import Message, say

#: The audit actions by which a manager settles an entry themselves (a cancel is an entry of its
#: own, with its own state). A retry settles its original too: closed, the manager's own note
#: read from the audit line (the entry's note holds the till's record, "retried as <id>: …").
DECIDING_ACTIONS = ("void", "mark_applied", "dismiss", "retry")


@dataclass(frozen=True)
class ManagerDecision:
    """A manager's own word on an entry, from the audit log: ``action`` is one of
    :data:`DECIDING_ACTIONS`; ``note`` what they wrote, if anything; ``new_entry`` the
    redemption a retry sent."""

    action: str
    who: str
    at: datetime
    note: str | None = None
    new_entry: str | None = None

    def words(self) -> Message:
        """The decision as the CSVs give its reason: what was done, by whom, and their note
        ("Marked applied by Wayan: seen on the dashboard as 2001")."""
        who = {"who": self.who}
        if self.action == "retry":
            # the new redemption's first characters: enough to find its row (entry_id) beside it
            who["ref"] = (self.new_entry or "?")[:SHORT_REF]
        if self.note:
            return say(f"decided.{self.action}", note=self.note, **who)
        return say(f"decided.{self.action}.bare", **who)


#: How many characters of an entry's id name it in a sentence.
SHORT_REF = 8
#: The state each decision leaves its entry in: a decision holds while the entry is still there.
_LEAVES = {
    "void": EntryStatus.VOIDED,
    "mark_applied": EntryStatus.SYNCED,
    "retry": EntryStatus.DISMISSED,
    "dismiss": EntryStatus.DISMISSED,
}


def holding(decision: ManagerDecision | None, status: EntryStatus) -> ManagerDecision | None:
    """``decision`` if it is what settled an entry now in ``status``, else ``None``."""
    if decision is not None and _LEAVES.get(decision.action) is status:
        return decision
    return None


def decision_in(entry_id: str, audit: Sequence[dict[str, Any]]) -> ManagerDecision | None:
    """The latest of a manager's own decisions on the entry in its audit lines, if any."""
    for line in reversed(audit):
        if line["entry_id"] == entry_id and line["action"] in DECIDING_ACTIONS:
            return decision_of(line["action"], line["who"], line["at"], line["detail"])
    return None


def decision_of(action: str, who: str, at: datetime, detail: dict[str, Any]) -> ManagerDecision:
    """A deciding audit line as a decision: its note and, a retry's, the entry it sent."""
    note, new_entry = detail.get("note"), detail.get("new_entry")
    return ManagerDecision(
        action,
        who,
        at,
        note if isinstance(note, str) else None,
        new_entry if isinstance(new_entry, str) else None,
    )
