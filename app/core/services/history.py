"""What a manager reads: this till's redemptions, one entry in detail, and the exceptions.

Rows come straight from the outbox tables, read on a reader connection. A redemption's row
follows its cancel to the end ("Cancel pending", "Cancelled", "Cancel refused: …"); a cancel of
a redemption made elsewhere (by its server id) is a row of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

import sqlalchemy as sa
from sqlmodel import Session

from app.core.domain import EntryStatus, OperationKind
from app.core.messages import Message, english, say
from app.core.outbox.claim import NEEDS_DASHBOARD, needs_dashboard
from app.core.outbox.decisions import LIVE_CANCEL, authorised_by_pin
from app.core.outbox.reconcile import (
    AMBIGUOUS,
    CANNOT_RECONCILE,
    DEFERRED,
    LOOK_BEFORE,
    STORE_UNKNOWN,
    line_status_of,
)
from app.core.outbox.remote import LineStatus
from app.core.services.cancel_words import no_such_redemption
from app.core.services.history_filter import HistoryFilter, matching
from app.core.services.manager_decision import (
    DECIDING_ACTIONS,
    ManagerDecision,
    decision_in,
    decision_of,
    holding,
)
from app.core.services.order_kinds import cart_lines, counted_kind
from app.core.services.receipts import (
    Verdict,
    on_kiosk,
    reason_of,
    receipt_for,
    refusal_words,
    server_reason,
)
from app.core.storage.cache_tables import MEMBERS
from app.core.storage.tables import ATTEMPTS, AUDIT, ENTRIES, TALLIES, OutboxEntry
from app.core.storage.writer import Database

#: The states a manager has to decide on.
EXCEPTIONS = (EntryStatus.REJECTED, EntryStatus.UNKNOWN)


@dataclass(frozen=True)
class AttemptLine:
    """One try at sending an entry, as the details show it."""

    number: int
    started_at: datetime
    ended_at: datetime | None
    outcome: str
    status_code: int | None
    error: str | None


@dataclass(frozen=True)
class FoldedAttempts:
    """Attempts of an entry counted, not listed (:mod:`app.core.outbox.retention`): ``count``
    of them ended ``outcome``, the first started at ``first_started_at``, the last ended at
    ``last_ended_at``. They come after the entry's first
    :data:`~app.core.outbox.retention.FIRST_KEPT` attempts."""

    outcome: str
    count: int
    first_started_at: datetime
    last_ended_at: datetime


@dataclass(frozen=True)
class CancelState:
    """Where a redemption's cancel stands; ``headline`` is what its row says. ``asked_by`` and
    ``asked_at`` say which manager asked for it and when; ``settled_at`` when the server's answer
    (or a manager's decision) settled it, ``None`` while it is still open; ``reason`` why the
    server refused it, or why the till did not send it; ``note`` what the manager wrote when they
    asked; ``needs_dashboard`` that the till never sent it, having no server id to cancel the
    redemption by (only the Stamps dashboard can: the server refused nothing);
    ``no_such_redemption`` that the server refused it having no redemption by its id (a 404)."""

    entry_id: str
    status: EntryStatus
    headline: Message
    replacement_voucher: bool
    asked_by: str = ""
    asked_at: datetime | None = None
    settled_at: datetime | None = None
    reason: Message | None = None
    note: str | None = None
    needs_dashboard: bool = False
    no_such_redemption: bool = False

    def words(self) -> Message:
        """Where the cancel stands as the CSVs give the redemption's reason: the headline with
        who asked and their note ("Cancelled by Wayan: wrong reward scanned"); the headline
        alone when they wrote none. "Cancelled" alone lost why the manager cancelled it."""
        if not self.note or self.status is EntryStatus.DISMISSED:
            # a dismissed cancel's note is the dismissing manager's, not the asker's
            return self.headline
        return say(
            f"{self.headline.id}.noted", **self.headline.params, who=self.asked_by, note=self.note
        )


@dataclass(frozen=True)
class HistoryRow:
    """One redemption of this till (or a cancel by server id), with its attempts.

    ``stamps`` is what it spends; ``rupiah`` the voucher's worth it spends (what it takes from a
    dynamic voucher, or a voucher's value used whole), as the shift's record holds it;
    ``invoice`` the POS invoice number when one was given; ``reason`` why it was refused or not
    redeemed, in words (``None`` when it was not); ``kiosk`` whether it was
    made on the kiosk (expired, it was not sent in time: no PIN of it ran out); ``member_name``
    the member's name as the till knows it (the cache, else as the entry recorded it), ``None``
    when it knows them only by ``user``, the identifier the till sent.
    """

    entry_id: str
    seq: int
    created_at: datetime
    kind: OperationKind
    status: EntryStatus
    verdict: Verdict
    headline: Message
    cashier: str
    terminal: str
    user: str
    lane: str
    description: str | None
    server_redemption_id: int | None
    invoice: str | None
    stamps: int
    rupiah: int
    provisional: bool
    reconciled: bool
    note: str | None
    last_error: str | None
    attempts: tuple[AttemptLine, ...] = ()
    #: How many times it was sent: every attempt, listed or folded into :attr:`folded`.
    tries: int = 0
    folded: tuple[FoldedAttempts, ...] = ()
    cancel: CancelState | None = None
    reason: Message | None = None
    kiosk: bool = False
    member_name: str | None = None
    #: The manager's decision that settled it, while it is the one that holds (:func:`holding`).
    decision: ManagerDecision | None = None
    #: A cancel by server id: the server redemption it cancels, as the manager typed it. Its
    #: ``server_redemption_id`` is the server's answer, which a refused cancel never gets.
    cancels_server_id: int | None = None
    #: Accepted by the offline rules because the server answered and applied nothing (it asked
    #: the till to slow down, or timed out waiting for the request), not because it could not
    #: be reached (``Receipt.answered``).
    answered: bool = False
    #: What the feed line that reconciled it says of it (``"stands"``, ``"cancelled"``, or
    #: ``"unread"``: a status the till does not know; ``"not_kept"``: reconciled before the till
    #: kept it); ``None`` when no line reconciled it.
    line_status: str | None = None
    #: A cancel of one of this till's redemptions: what that redemption was (its reward, its
    #: voucher), which names it where no server id does.
    cancels_what: str | None = None
    #: The rewards a cart holds (its lines); ``None`` for any other kind.
    lines: int | None = None

    @property
    def counted_kind(self) -> str:
        """The kind it counts as and is named by: a cart of one line is a reward
        (:mod:`order_kinds`)."""
        return counted_kind(self.kind.value, self.lines)

    @property
    def member(self) -> str:
        """Who the member is, as a manager looks for them: by name where the till knows it."""
        return self.member_name or self.user

    @property
    def standing(self) -> Message:
        """What the row says: the cancel's state once there is one, else the entry's."""
        return self.cancel.headline if self.cancel is not None else self.headline

    @property
    def marked_applied(self) -> bool:
        """Confirmed because a manager marked it applied, not because the server said so: its
        row reads "Confirmed by a manager", and the day's summary counts it apart."""
        return (
            self.status is EntryStatus.SYNCED
            and self.decision is not None
            and self.decision.action == "mark_applied"
        )

    @property
    def confirmed_without_id(self) -> Literal["marked_applied", "reconciled"] | None:
        """How a confirmed redemption with no server id was confirmed: a manager marked it
        applied, or reconciliation found it in the member's activity. Neither gives the till the
        server's id, and nothing ever will (``None`` of one that may still get an id)."""
        if self.server_redemption_id is not None or self.status is not EntryStatus.SYNCED:
            return None
        if self.marked_applied:
            return "marked_applied"
        return "reconciled" if self.reconciled else None

    @property
    def needs_dashboard(self) -> bool:
        """A cancel the till never sent: its redemption was confirmed without a server id, so
        only the Stamps dashboard can cancel it. Sent again, it would be held and ended so again."""
        return (
            self.kind is OperationKind.CANCEL
            and self.status is EntryStatus.REJECTED
            and self.last_error == NEEDS_DASHBOARD
        )

    @property
    def no_such_redemption(self) -> bool:
        """A cancel the server refused with a 404: it has no redemption by the id it named, so
        no redemption of it can be said to still stand."""
        return no_such_redemption(self.kind, self.status, self.last_error)


@dataclass(frozen=True)
class MemberContact:
    """How to reach the member about an entry, as far as the till knows."""

    user: str
    name: str | None = None
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class ExceptionItem:
    """A rejected or unknown entry for a manager to decide on.

    ``said`` is the server's refusal, or what reconciliation found in the member's activity
    (``evidence`` in full); ``reason`` its English (the command line's); ``needs_pin`` when
    sending it again needs the member's PIN; ``others`` the rows of the redemptions its evidence
    names by id (:data:`NAMED_IN_EVIDENCE`), still in the till, so a manager is told them by
    member, reward and time rather than by id.
    """

    row: HistoryRow
    said: Message
    evidence: dict[str, Any] | None
    contact: MemberContact
    needs_pin: bool
    others: tuple[HistoryRow, ...] = ()

    @property
    def reason(self) -> str:
        """The reason in English."""
        return english(self.said)


@dataclass(frozen=True)
class EntryDetails:
    """Everything about one entry: its row, request, evidence, audit trail and linked entries,
    which decisions it allows, and the manager's decision that settled it (voided, marked
    applied, dismissed, sent again), if one did."""

    row: HistoryRow
    payload: dict[str, Any]
    evidence: dict[str, Any] | None
    contact: MemberContact
    audit: tuple[dict[str, Any], ...]
    retry_of: str | None
    retried_as: tuple[str, ...]
    cancels: tuple[HistoryRow, ...]
    needs_pin: bool
    dashboard_only: Message | None = None
    allowed: frozenset[str] = field(default_factory=frozenset)
    decision: ManagerDecision | None = None


def _value(entry: OutboxEntry) -> int:
    # The shift's record holds the worth of a voucher used whole too, as the shift's summary
    # and the day's CSV count it: read from the payload alone, End of day said Rp 0 for it.
    if entry.rupiah is not None:
        return int(entry.rupiah)
    # an entry made before the record kept its worth (migration 0005)
    value = entry.payload.get("value") if entry.kind == OperationKind.DEDUCT else None
    return int(value) if isinstance(value, int) else 0


def _cancel_state(cancel: OutboxEntry) -> CancelState:
    status = EntryStatus(cancel.status)
    replacement = bool(cancel.payload.get("create_replacement_voucher"))
    if status is EntryStatus.SYNCED:
        headline = say("cancel.done")
    elif needs_dashboard(cancel):
        headline = say("cancel.needs_dashboard")
    elif status is EntryStatus.REJECTED:
        words = server_reason(cancel.last_error)
        headline = (
            say("cancel.refused_by_server", reason=words)
            if words
            else say("cancel.refused_silently")
        )
    elif status is EntryStatus.UNKNOWN:
        headline = say("cancel.not_confirmed")
    elif status is EntryStatus.DISMISSED:
        headline = say("cancel.closed")
    else:
        headline = say("cancel.pending")
    settled = status in (EntryStatus.SYNCED, EntryStatus.REJECTED, EntryStatus.DISMISSED)
    return CancelState(
        cancel.id,
        status,
        headline,
        replacement,
        asked_by=cancel.cashier,
        asked_at=cancel.created_at,
        settled_at=cancel.updated_at if settled else None,
        reason=refusal_words(cancel.last_error) if status is EntryStatus.REJECTED else None,
        note=cancel.note,
        needs_dashboard=needs_dashboard(cancel),
        no_such_redemption=no_such_redemption(cancel.kind, cancel.status, cancel.last_error),
    )


#: A redemption's "NOT CONFIRMED — do not hand over yet" (and its voucher's, balance's and
#: promo's twins): the cashier's words for the unknown state, with what to do. Accepted offline
#: or to send again are apart: the reward went over, which a manager must know. (Queued or
#: sending, it keeps them: the History lists it under "Queued", where "Not confirmed" misled.)
_NOT_CONFIRMED_HEADLINES = frozenset(
    f"receipt.not_confirmed{said_as}" for said_as in ("", ".voucher", ".deduct", ".promo")
)


def _row(
    entry: OutboxEntry,
    attempts: Sequence[AttemptLine],
    cancel: OutboxEntry | None,
    member_name: str | None = None,
    decision: ManagerDecision | None = None,
    cancels_what: str | None = None,
    folded: Sequence[FoldedAttempts] = (),
) -> HistoryRow:
    ended_ambiguous = any(a.outcome == "ambiguous" and a.ended_at is not None for a in attempts)
    receipt = receipt_for(entry, ambiguous_attempt=ended_ambiguous)
    invoice = entry.payload.get("invoice_number")
    decision = holding(decision, EntryStatus(entry.status))
    headline = receipt.headline
    if decision is not None and decision.action == "mark_applied":
        # counted as confirmed, but the server never said so: a manager did
        headline = say("receipt.confirmed.by_manager")
    elif entry.status == EntryStatus.UNKNOWN and headline.id in _NOT_CONFIRMED_HEADLINES:
        # the unknown state by its one name: "NOT CONFIRMED — do not hand over yet" is the
        # cashier's instruction, and a manager's row said it beside "Not confirmed (unknown)"
        headline = say("standing.not_confirmed")
    elif decision is not None and decision.action == "retry":
        # closed only because its redemption went again as a new entry, whose row says how it
        # went: nothing is left to do on this one
        headline = say("receipt.closed.sent_again")
    return HistoryRow(
        entry_id=entry.id,
        seq=entry.seq,
        created_at=entry.created_at,
        kind=OperationKind(entry.kind),
        status=EntryStatus(entry.status),
        verdict=receipt.verdict,
        headline=headline,
        cashier=entry.cashier,
        terminal=entry.terminal,
        user=entry.user,
        lane=entry.lane,
        description=entry.description or entry.expect_name,
        server_redemption_id=entry.server_redemption_id,
        invoice=invoice if isinstance(invoice, str) else None,
        stamps=entry.expect_stamps or 0,
        rupiah=_value(entry),
        provisional=entry.provisional,
        reconciled=entry.reconciled,
        note=entry.note,
        last_error=entry.last_error,
        attempts=tuple(attempts),
        tries=entry.attempts,
        folded=tuple(folded),
        cancel=_cancel_state(cancel) if cancel is not None else None,
        reason=reason_of(entry),
        kiosk=on_kiosk(entry),
        member_name=member_name or entry.member_name,
        decision=decision,
        cancels_server_id=_cancelled_server_id(entry),
        answered=receipt.answered,
        line_status=_line_status(entry),
        cancels_what=cancels_what,
        lines=cart_lines(entry.kind, entry.payload),
    )


def _line_status(entry: OutboxEntry) -> str | None:
    said = line_status_of(entry)
    return said.value if said is not None else None


def _cancelled_server_id(entry: OutboxEntry) -> int | None:
    if entry.kind != OperationKind.CANCEL or entry.cancels is not None:
        return None
    target = entry.payload.get("id")
    return target if isinstance(target, int) else None


def _rows(session: Session, entries: Sequence[OutboxEntry]) -> list[HistoryRow]:
    """Rows for ``entries``, with their attempts, latest cancels and members' names in three more
    queries."""
    ids = [e.id for e in entries]
    attempts: dict[str, list[AttemptLine]] = {i: [] for i in ids}
    for chunk in _chunks(ids):
        # plain rows, not ORM objects: a long history has as many attempts as entries
        for a in session.execute(
            sa.select(
                ATTEMPTS.c.entry_id,
                ATTEMPTS.c.number,
                ATTEMPTS.c.started_at,
                ATTEMPTS.c.ended_at,
                ATTEMPTS.c.outcome,
                ATTEMPTS.c.status_code,
                ATTEMPTS.c.error,
            )
            .where(ATTEMPTS.c.entry_id.in_(chunk))
            .order_by(ATTEMPTS.c.number)
        ):
            attempts[a.entry_id].append(
                AttemptLine(a.number, a.started_at, a.ended_at, a.outcome, a.status_code, a.error)
            )
    folded = _folded(session, ids)
    cancels = _latest_cancels(session, ids)
    known = _cached_members(session, entries)
    decisions = _latest_decisions(session, ids)
    cancelled = _what_they_cancel(session, entries)
    return [
        _row(
            e,
            attempts[e.id],
            cancels.get(e.id),
            _cached_name(known, e),
            decisions.get(e.id),
            cancelled.get(e.cancels) if e.cancels is not None else None,
            folded.get(e.id, ()),
        )
        for e in entries
    ]


def _folded(session: Session, ids: Sequence[str]) -> dict[str, list[FoldedAttempts]]:
    """The attempts folded away of the entries ``ids``, by entry (most have none)."""
    found: dict[str, list[FoldedAttempts]] = {}
    for chunk in _chunks(list(ids)):
        for entry_id, outcome, count, first, last in session.execute(
            sa.select(
                TALLIES.c.entry_id,
                TALLIES.c.outcome,
                TALLIES.c.count,
                TALLIES.c.first_started_at,
                TALLIES.c.last_ended_at,
            )
            .where(TALLIES.c.entry_id.in_(chunk))
            .order_by(TALLIES.c.outcome)
        ):
            found.setdefault(entry_id, []).append(FoldedAttempts(outcome, count, first, last))
    return found


def _what_they_cancel(session: Session, entries: Sequence[OutboxEntry]) -> dict[str, str]:
    """What each redemption the cancels among ``entries`` cancel was, by its id: a cancel of a
    redemption the till has no server id for read "Cancel of server redemption ?"."""
    ids = sorted({e.cancels for e in entries if e.cancels is not None})
    found: dict[str, str] = {}
    for chunk in _chunks(ids):
        for entry_id, description, expect_name in session.execute(
            sa.select(ENTRIES.c.id, ENTRIES.c.description, ENTRIES.c.expect_name).where(
                ENTRIES.c.id.in_(chunk)
            )
        ):
            if description or expect_name:
                found[entry_id] = description or expect_name
    return found


#: The evidence's lists of other entries of the member: those reconciliation waited for, and
#: the unknown ones that could own the same lines of the activity.
NAMED_IN_EVIDENCE = ("waiting_on", "rivals")


def _ids_in_evidence(evidence: dict[str, Any] | None) -> list[str]:
    """The entry ids the evidence names, in its order, each once."""
    found: list[str] = []
    # a failed look's record keeps the last look that read the feed apart, with its lists
    before = (evidence or {}).get(LOOK_BEFORE)
    for record in (evidence or {}, before if isinstance(before, dict) else {}):
        for key in NAMED_IN_EVIDENCE:
            listed = record.get(key)
            if isinstance(listed, list):
                found += [i for i in listed if isinstance(i, str) and i not in found]
    return found


def _named_in_evidence(session: Session, entries: Sequence[OutboxEntry]) -> dict[str, HistoryRow]:
    """The rows of the entries the ``entries``' evidence names, by id (one gone is left out)."""
    ids = sorted({i for e in entries for i in _ids_in_evidence(e.evidence)})
    named: list[OutboxEntry] = []
    for chunk in _chunks(ids):
        named += session.execute(sa.select(OutboxEntry).where(ENTRIES.c.id.in_(chunk))).scalars()
    return {row.entry_id: row for row in _rows(session, named)}


def _latest_decisions(session: Session, ids: Sequence[str]) -> dict[str, ManagerDecision]:
    """The latest of a manager's own decisions on each of the entries ``ids`` names that has one
    (whether it still holds is the entry's status's to say: :func:`holding`)."""
    decisions: dict[str, ManagerDecision] = {}
    for chunk in _chunks(ids):
        for line in session.execute(
            sa.select(AUDIT.c.entry_id, AUDIT.c.who, AUDIT.c.action, AUDIT.c.at, AUDIT.c.detail)
            .where(AUDIT.c.entry_id.in_(chunk), AUDIT.c.action.in_(DECIDING_ACTIONS))
            .order_by(AUDIT.c.id)
        ):
            decisions[line.entry_id] = decision_of(
                line.action, line.who, line.at, line.detail or {}
            )
    return decisions


def _latest_cancels(session: Session, ids: Sequence[str]) -> dict[str, OutboxEntry]:
    """Each of the redemptions ``ids`` names that a cancel was asked for: its latest cancel."""
    cancels: dict[str, OutboxEntry] = {}
    for chunk in _chunks(ids):
        for cancel in session.execute(
            sa.select(OutboxEntry)
            .where(ENTRIES.c.cancels.in_(chunk), ENTRIES.c.kind == OperationKind.CANCEL)
            .order_by(ENTRIES.c.seq)
        ).scalars():
            assert cancel.cancels is not None
            # the latest cancel speaks; a voided one (nothing was left to cancel) says nothing
            if cancel.status != EntryStatus.VOIDED:
                cancels[cancel.cancels] = cancel
    return cancels


def _chunks(ids: Sequence[str], size: int = 500) -> Iterable[Sequence[str]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _cached_members(session: Session, entries: Sequence[OutboxEntry]) -> dict[str, Any]:
    """The cache's name, email and phone of the entries' members, by server id, in one query a
    chunk (a member not seen for the cache's retention is not there)."""
    server_ids = sorted({e.lane.removeprefix("member:") for e in entries})
    known: dict[str, Any] = {}
    for chunk in _chunks(server_ids):
        for row in session.execute(
            sa.select(MEMBERS.c.server_id, MEMBERS.c.name, MEMBERS.c.email, MEMBERS.c.phone).where(
                MEMBERS.c.server_id.in_(chunk)
            )
        ):
            known[row.server_id] = row
    return known


def _cached_name(known: dict[str, Any], entry: OutboxEntry) -> str | None:
    found = known.get(entry.lane.removeprefix("member:"))
    return found.name if found is not None else None


def _contacts(session: Session, entries: Sequence[OutboxEntry]) -> list[MemberContact]:
    """Each entry's member as the cache knows them (a member not seen for the cache's retention
    is known only by the ``user`` the entry was sent for)."""
    known = _cached_members(session, entries)
    contacts = []
    for entry in entries:
        found = known.get(entry.lane.removeprefix("member:"))
        contacts.append(
            MemberContact(user=entry.user)
            if found is None
            else MemberContact(
                user=entry.user, name=found.name, email=found.email, phone=found.phone
            )
        )
    return contacts


def _reason(entry: OutboxEntry) -> Message:
    """Why the entry waits for a manager: the server's refusal in its own words, or what
    reconciliation found in the member's activity."""
    if entry.status == EntryStatus.REJECTED:
        return refusal_words(entry.last_error)  # as the cashier's result panel said it
    evidence = entry.evidence or {}
    result = evidence.get("result")
    if result is None:
        return say("exception.unchecked")
    if result == "not_found":
        return say(
            "exception.not_found",
            lines=int(evidence.get("lines_read", 0) or 0),
            since=str(evidence.get("since", "?")),
        )
    if result == STORE_UNKNOWN:
        unplaced = evidence.get("store_unknown")
        return say(
            "exception.store_unknown", lines=len(unplaced) if isinstance(unplaced, list) else 1
        )
    if result == "cannot_reconcile":
        why = evidence.get("why")
        known = (i for i, said in CANNOT_RECONCILE.items() if said == why)
        return say(next(known, "exception.cannot_reconcile"))
    if result == "feed_unreadable":
        return say("exception.feed_unreadable")
    verdict = str(result).split(":", 1)[0]
    if verdict == DEFERRED:
        return say("exception.deferred")
    if verdict == AMBIGUOUS:
        return _ambiguous(evidence)
    return say("exception.other")


def _ambiguous(evidence: dict[str, Any]) -> Message:
    """Lines in the feed that several unknown entries could each own: how many of each."""
    candidates = evidence.get("candidates")
    rivals = evidence.get("rivals")
    accounted = evidence.get("accounted_by_other_entries")
    lines = len(candidates) if isinstance(candidates, list) else 0
    lines -= accounted if isinstance(accounted, int) else 0
    entries = 1 + (len(rivals) if isinstance(rivals, list) else 0)
    return say("exception.ambiguous", entries=entries, lines=max(lines, 1))


def _dashboard_only(entry: OutboxEntry) -> Message:
    """Why a redemption confirmed without a server id is not cancelled from the till: only the
    dashboard can, unless its line in the member's activity says the server cancelled it
    already ("cancel it on the Stamps dashboard" was said of one cancelled there)."""
    if line_status_of(entry) is LineStatus.CANCELLED:
        return say("decision.nothing_to_cancel.on_server")
    return say("decision.needs_dashboard")


def _allowed(entry: OutboxEntry, cancel: OutboxEntry | None) -> frozenset[str]:
    status = EntryStatus(entry.status)
    allowed: set[str] = set()
    if status in EXCEPTIONS:
        allowed |= {"retry", "dismiss"}
    if needs_dashboard(entry):
        allowed.discard("retry")  # held and ended so again: only the dashboard can cancel it
    if status is EntryStatus.UNKNOWN:
        allowed.add("mark_applied")
    cancellable = status in (
        EntryStatus.QUEUED,
        EntryStatus.SENDING,
        EntryStatus.UNKNOWN,
        EntryStatus.REJECTED,
    ) or (status is EntryStatus.SYNCED and entry.server_redemption_id is not None)
    live_cancel = cancel is not None and cancel.status in LIVE_CANCEL
    if entry.kind != OperationKind.CANCEL and cancellable and not live_cancel:
        allowed.add("cancel")
    return frozenset(allowed)


class History:
    """Manager-mode reading of one till's database (see the module's docstring)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def rows(self, wanted: HistoryFilter | None = None) -> list[HistoryRow]:
        """This till's redemptions and cancels by server id, newest first, as ``wanted``."""
        wanted = wanted or HistoryFilter()

        def read(session: Session) -> list[HistoryRow]:
            query = matching(session, sa.select(OutboxEntry), wanted)
            query = query.order_by(ENTRIES.c.seq.desc()).limit(wanted.limit)
            return _rows(session, list(session.execute(query).scalars()))

        return await self.db.read(read)

    async def count(self, wanted: HistoryFilter | None = None) -> int:
        """How many rows ``wanted`` describes, whatever its ``limit``: a page that shows the
        newest says how many more there are (a month of a busy till is some 25,000)."""
        wanted = wanted or HistoryFilter()

        def read(session: Session) -> int:
            query = sa.select(sa.func.count()).select_from(ENTRIES)
            found: int = session.execute(matching(session, query, wanted)).scalar_one()
            return found

        return await self.db.read(read)

    async def cancels(self, entry_ids: Iterable[str]) -> dict[str, CancelState]:
        """Where the cancel of each of these redemptions stands, for those a manager asked to
        cancel (made in any shift, on any day: a cancel follows its redemption)."""
        ids = sorted(set(entry_ids))

        def read(session: Session) -> dict[str, CancelState]:
            return {i: _cancel_state(c) for i, c in _latest_cancels(session, ids).items()}

        return await self.db.read(read)

    async def decisions(self, entry_ids: Iterable[str]) -> dict[str, ManagerDecision]:
        """The latest of a manager's own decisions on each of these entries that has one
        (voided, marked applied, dismissed, sent again), whether or not it still holds
        (:func:`holding`): the CSVs' reason."""
        ids = sorted(set(entry_ids))
        return await self.db.read(lambda session: _latest_decisions(session, ids))

    async def details(self, entry_id: str) -> EntryDetails | None:
        """One entry in full, or ``None`` when there is no such entry."""

        def read(session: Session) -> EntryDetails | None:
            entry = session.get(OutboxEntry, entry_id)
            if entry is None:
                return None
            (row,) = _rows(session, [entry])
            linked = list(
                session.execute(
                    sa.select(OutboxEntry)
                    .where(sa.or_(ENTRIES.c.depends_on == entry.id, ENTRIES.c.cancels == entry.id))
                    .order_by(ENTRIES.c.seq)
                ).scalars()
            )
            cancels = [e for e in linked if e.kind == OperationKind.CANCEL and e.cancels]
            retried = [e.id for e in linked if e.kind == entry.kind and e.cancels == entry.cancels]
            ids = [entry.id, *(c.id for c in cancels)]
            audit = [
                {
                    "at": r.at,
                    "who": r.who,
                    "action": r.action,
                    "terminal": r.terminal,
                    "entry_id": r.entry_id,
                    "detail": r.detail or {},
                }
                for r in session.execute(
                    sa.select(AUDIT).where(AUDIT.c.entry_id.in_(ids)).order_by(AUDIT.c.id)
                )
            ]
            original = session.get(OutboxEntry, entry.depends_on) if entry.depends_on else None
            live = [c for c in cancels if c.status != EntryStatus.VOIDED]
            latest_cancel = live[-1] if live else None
            synced_idless = (
                entry.status == EntryStatus.SYNCED
                and entry.server_redemption_id is None
                and entry.kind != OperationKind.CANCEL
            )
            return EntryDetails(
                row=row,
                payload=dict(entry.payload),
                evidence=entry.evidence,
                contact=_contacts(session, [entry])[0],
                audit=tuple(audit),
                retry_of=original.id
                if original is not None and original.kind == entry.kind
                else None,
                retried_as=tuple(retried),
                cancels=tuple(_rows(session, cancels)),
                needs_pin=authorised_by_pin(entry.payload),
                dashboard_only=_dashboard_only(entry) if synced_idless else None,
                allowed=_allowed(entry, latest_cancel),
                decision=decision_in(entry.id, audit),
            )

        return await self.db.read(read)

    async def exceptions(self) -> list[ExceptionItem]:
        """Rejected and unknown entries, oldest first, with the reason and the member's contact."""

        def read(session: Session) -> list[ExceptionItem]:
            entries = list(
                session.execute(
                    sa.select(OutboxEntry)
                    .where(ENTRIES.c.status.in_([s.value for s in EXCEPTIONS]))
                    .order_by(ENTRIES.c.seq)
                ).scalars()
            )
            named = _named_in_evidence(session, entries)
            return [
                ExceptionItem(
                    row=row,
                    said=_reason(entry),
                    evidence=entry.evidence,
                    contact=contact,
                    needs_pin=authorised_by_pin(entry.payload),
                    others=tuple(named[i] for i in _ids_in_evidence(entry.evidence) if i in named),
                )
                for entry, row, contact in zip(
                    entries, _rows(session, entries), _contacts(session, entries), strict=True
                )
            ]

        return await self.db.read(read)

    async def exception_count(self) -> int:
        """How many entries wait for a manager's decision (the status bar's badge)."""

        def read(session: Session) -> int:
            count: int = session.execute(
                sa.select(sa.func.count()).where(
                    ENTRIES.c.status.in_([s.value for s in EXCEPTIONS])
                )
            ).scalar_one()
            return count

        return await self.db.read(read)
