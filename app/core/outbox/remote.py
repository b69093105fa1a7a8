"""What the outbox needs from the Stamps client, and nothing more.

The services layer adapts the real HTTP client to :class:`OutboxTransport`; tests use a fake. A call
that fails raises a :class:`~app.core.stamps.errors.StampsError` whose ``outcome`` says what the
failure proves about the server.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, Protocol

from app.core.domain import Channel, OperationKind


@dataclass(frozen=True)
class SubmitResult:
    """A 2xx answer: the server's redemption id and the member's new balance, when it says them,
    and what it reported in ``errors`` beside the redemption.

    Only an answer that names its redemption (``redemption_id``) proves it was applied; the
    worker takes one without as proving nothing.
    """

    redemption_id: int | None = None
    stamps_remaining: int | None = None
    raw: dict[str, Any] = field(default_factory=dict)
    errors: str | None = None

    @property
    def names_redemption(self) -> bool:
        """Whether the answer names the redemption it made (architecture §3)."""
        return self.redemption_id is not None and self.redemption_id > 0


#: The evidence's keys for what the line that reconciled an entry says of it (:class:`LineStatus`),
#: and for its ``status`` as the feed wrote it.
LINE_STATUS, LINE_STATUS_SAID = "line_status", "line_status_said"


class LineStatus(StrEnum):
    """What a redemption line's ``status`` says of the redemption (the feed's Status table).

    Any line proves its request reached the server; only "created" proves it still stands. A
    status the till does not know (3 "Open", a number the docs do not list, a word, none at all)
    is ``unread``: neither standing nor cancelled, and said so wherever the row is read. One
    reconciled before the till kept what its line said is ``not_kept``: its line may have said
    "cancelled", so it is not read as standing either.
    """

    STANDS = "stands"
    CANCELLED = "cancelled"
    UNREAD = "unread"
    NOT_KEPT = "not_kept"

    @classmethod
    def of(cls, said: object) -> LineStatus:
        """The status the feed gave (1 Created, 2 Canceled), as the till reads it."""
        if isinstance(said, bool) or not isinstance(said, int):
            return cls.UNREAD
        return {1: cls.STANDS, 2: cls.CANCELLED}.get(said, cls.UNREAD)

    @classmethod
    def recorded(cls, evidence: Mapping[str, Any] | None) -> LineStatus:
        """What a reconciled entry's evidence (or the audit trail's line) keeps of its line
        (:data:`LINE_STATUS`); ``not_kept`` when it keeps nothing: reconciled before the till
        kept it, when such a row read "Confirmed" with nothing said, though its line may have
        said the server had cancelled it."""
        said = (evidence or {}).get(LINE_STATUS)
        if not isinstance(said, str):
            return cls.NOT_KEPT
        try:
            return cls(said)
        except ValueError:
            return cls.UNREAD


@dataclass(frozen=True)
class ActivityRecord:
    """One redemption in a member's activity feed, as reconciliation compares it."""

    #: The till's store id when the feed names this till's store, 0 for another store, ``None``
    #: when the till cannot tell (it has no store code to know its own by).
    store: int | None
    stamps: int
    name: str
    created: datetime
    redemption_id: int | None = None
    #: The channel the feed says made it; ``None`` when it names none the API maps.
    channel: Channel | None = None
    #: The line's ``status`` as the feed wrote it (a JSON scalar, ``None`` when it gave none).
    status: int | float | str | None = None
    #: How long ``created`` lasts as the feed wrote it: a line written to the minute
    #: (``"03-12-2026 23:10"``) was made at any second of that minute, not at its first.
    created_within: timedelta = timedelta(seconds=1)

    def made_within(self, opened: datetime, closed: datetime) -> bool:
        """Whether the line may have been made between ``opened`` and ``closed``."""
        return opened < self.created + self.created_within and self.created <= closed

    @property
    def line_status(self) -> LineStatus:
        """Whether the redemption still stands on the server, as far as the line says."""
        return LineStatus.of(self.status)

    def fingerprint(self) -> str:
        """A stable identity for this line, so two entries never account for the same one."""
        if self.redemption_id is not None:
            return f"id:{self.redemption_id}"
        return f"{self.store}|{self.name}|{self.stamps}|{self.created.isoformat()}"


class OutboxTransport(Protocol):
    """Sends an entry's request and reads a member's activity feed."""

    async def submit(
        self, kind: OperationKind, payload: Mapping[str, Any], *, idempotency_key: str
    ) -> SubmitResult:
        """Send one request with ``Idempotency-Key: idempotency_key``; raise a ``StampsError``."""
        ...

    async def member_activity(self, user: str, *, since: datetime) -> Sequence[ActivityRecord]:
        """The redemptions in ``user``'s activity feed created at or after ``since``."""
        ...
