"""What the till tells a cashier about a redemption: one of a few outcomes, never blurred.

Confirmed (the server applied it), accepted offline (provisional, within policy: it will sync),
not confirmed (sent, no answer yet, or unknown: do not hand anything over; or, once accepted
offline and handed over, the server has not confirmed it yet: the till finds out), refused (by the
server; before anything is queued, by a rule of the till's that holds online too), not redeemed
(the server could not be asked and the till's offline rules would not take it, queued first or
not). architecture §4. Every word is a message (:mod:`app.core.messages`), so a screen can
translate it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from app.core import clock
from app.core.domain import AcceptedAs, Channel, EntryStatus, Member, OperationKind, Outcome
from app.core.messages import TEMPLATES, Message, say
from app.core.outbox.claim import NEEDS_DASHBOARD
from app.core.outbox.reconcile import line_status_of
from app.core.outbox.remote import LINE_STATUS_SAID, LineStatus
from app.core.outbox.transitions import read_error_text
from app.core.services.cancel_words import (
    asked_a_replacement,
    cancel_details,
    cancel_gives_back,
    cancel_words,
    never_sent_cancel,
)
from app.core.stamps.models.common import code_text
from app.core.storage.tables import Attempt, OutboxEntry


class Verdict(StrEnum):
    """The outcome a screen shows. Each has its own colour and words."""

    CONFIRMED = "confirmed"
    ACCEPTED_OFFLINE = "accepted_offline"
    NOT_CONFIRMED = "not_confirmed"
    REFUSED = "refused"
    NOT_REDEEMED = "not_redeemed"
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    CLOSED = "closed"


#: The server answered with a failure of its own (a 503 is ambiguous when the server's keys are
#: not known to be honoured): it answered, so "no answer came back" would be false.
_SERVER_FAILED = frozenset({"ServerError", "ServiceUnavailable"})
#: An answer that sent the till to another address (a 3xx), which it does not follow: the
#: Server URL is wrong or a network's sign-in page is in the way, and whether the server
#: applied it is not known (a server may apply a POST and then redirect).
_REDIRECTED = "Redirected"
#: A 409 to a redemption sent again under its key: the server is still handling the first
#: send, which may yet go through (errors.Conflict). It answered: "no answer came back" is false.
_STILL_HANDLED = "Conflict"
#: Something answered, but what it said cannot show whether the redemption went through.
_UNREADABLE = frozenset({"MalformedResponse", "AnswerTooLarge", "UnprovenAnswer"})
#: A 2xx that named no redemption and said why in its ``errors``: quoted, as the server's.
_UNPROVEN = "UnprovenAnswer"
#: The server asked the till to slow down (a 429): it is there, nothing was applied, and the
#: entry goes again by itself once the wait it asked for is over. No outage.
_SLOWED = "RateLimited"
#: The server timed out waiting for the request (a 408): it answered, applied nothing, and the
#: worker sends the entry again by itself. No outage either, nor a wait the server asked for.
_TIMED_OUT = "RequestTimedOut"
#: The server answered and turned the entry away for now, as these words say of it (the ids'
#: part: ``receipt.accepted_offline.slowed``): "when the network is back" would be false.
_TURNED_AWAY = {_SLOWED: "slowed", _TIMED_OUT: "timed_out"}
#: The details that count the seconds or minutes to the entry's next attempt.
_COUNTING_DOWN = frozenset(
    f"receipt.detail.{why}{unit}" for why in _TURNED_AWAY.values() for unit in ("", ".minutes")
)
#: Failures that prove the request never reached the server (the client's taxonomy names them).
_NEVER_ARRIVED = frozenset(
    {
        "ConnectionFailed",
        "Unauthorized",
        "Forbidden",
        "RequestTimedOut",
        "RateLimited",
        "ServiceUnavailable",
        "InvalidRequest",
        "StaleClaim",
        "StoppedBeforeSending",
    }
)


@dataclass(frozen=True)
class Receipt:
    """An outbox entry as the cashier and the command line see it.

    ``headline`` names the outcome, ``details`` says what is known (stamps left, the server's
    reason, why it is not confirmed) and ``what_to_do`` what the cashier does next.
    ``last_error`` is the raw record, for logs and ``outbox show``, never for a cashier.
    """

    entry_id: str
    kind: OperationKind
    status: EntryStatus
    verdict: Verdict
    headline: Message
    what_to_do: Message
    details: Message | None
    description: str | None
    attempts: int
    lane: str
    provisional: bool
    server_redemption_id: int | None
    last_error: str | None
    voucher_code: str | None
    stamps_remaining: int | None
    created_at: datetime
    cashier: str
    #: Held by a queue paused for credentials: nothing of it goes until a manager has set them
    #: right, so there is no answer worth waiting for.
    paused: bool = False
    #: Accepted before the server's answer because it asked the till to slow down (a 429), not
    #: because it could not be reached: a screen's "offline" would tell of an outage there is
    #: not. Said of it as long as it is followed (not confirmed, refused, confirmed since).
    slowed: bool = False
    #: Accepted before the server's answer because it timed out waiting for the request (a
    #: 408): it answered, so "offline" would tell of an outage there is not.
    timed_out: bool = False
    #: The entry's next attempt, when ``details`` count the time to it ("sends it again in
    #: 12 s"): a screen that keeps them up reads the receipt again as time passes. Read once,
    #: the count stayed "in 2 s" while the backoff grew.
    sends_again_at: datetime | None = None
    #: The member as the till read them again before queuing it (their balance as looked up
    #: fell short of the cost: :meth:`Redeemer.redeem`): a screen's card shows them so.
    member_read: Member | None = None
    #: The member as the entry recorded them: their name, else the identifier the till sent.
    member: str = ""

    @property
    def answered(self) -> bool:
        """Accepted offline while the server was there and answered, applying nothing
        (``slowed``, ``timed_out``): a screen's headline does not say "offline"."""
        return self.slowed or self.timed_out

    @property
    def gives(self) -> str:
        """What the order gives the customer, as the cashier's words for it differ: ``reward``
        (a reward, a cart, a cancel's redemption), ``voucher`` (a voucher or a voucher code),
        ``deduct`` (rupiah off the bill) or ``promo``."""
        gives = _GIVES.get(self.kind, "reward")
        return "reward" if gives == "cart" else gives

    def as_json(self) -> dict[str, Any]:
        """The entry for ``--json``: stable keys, plain values."""
        return {
            "id": self.entry_id,
            "kind": self.kind.value,
            "status": self.status.value,
            "verdict": self.verdict.value,
            "what": self.description,
            "details": str(self.details) if self.details else None,
            "attempts": self.attempts,
            "lane": self.lane,
            "provisional": self.provisional,
            "server_redemption_id": self.server_redemption_id,
            "last_error": self.last_error,
            "voucher_code": self.voucher_code,
            "stamps_remaining": self.stamps_remaining,
            "created_at": self.created_at.isoformat(),
            "cashier": self.cashier,
        }


def on_kiosk(entry: OutboxEntry) -> bool:
    """The entry was made on the kiosk's channel (a till configured as a kiosk sends on it too):
    its customer was alone, and has gone by the time anything about it is read."""
    return bool(entry.payload.get("channel") == Channel.KIOSK)


def verdict_of(entry: OutboxEntry, *, ambiguous_attempt: bool = False) -> Verdict:
    """Which of the outcomes the entry is in. A provisional entry stays "accepted offline" until
    the server answers, unless an attempt may have reached it and was not answered."""
    status = EntryStatus(entry.status)
    if status is EntryStatus.SYNCED:
        # found in the member's activity on a line that says the server cancelled it since
        cancelled = line_status_of(entry) is LineStatus.CANCELLED
        return Verdict.CANCELLED if cancelled else Verdict.CONFIRMED
    if status is EntryStatus.REJECTED:
        return Verdict.REFUSED
    if status is EntryStatus.VOIDED:
        return Verdict.NOT_REDEEMED if entry.policy_refusal else Verdict.CANCELLED
    if status is EntryStatus.EXPIRED:
        return Verdict.EXPIRED
    if status is EntryStatus.DISMISSED:
        return Verdict.CLOSED
    if status is EntryStatus.UNKNOWN:
        return Verdict.NOT_CONFIRMED
    if entry.provisional and not ambiguous_attempt:
        return Verdict.ACCEPTED_OFFLINE
    return Verdict.NOT_CONFIRMED


def receipt_for(
    entry: OutboxEntry,
    *,
    ambiguous_attempt: bool = False,
    paused: bool = False,
    paused_over_http: bool = False,
    behind: bool = False,
    behind_a_retry: bool = False,
    held: bool = False,
    handed_over: bool = False,
    sent_again: bool = False,
    accepted_as: AcceptedAs | None = None,
    cancelled: OperationKind | None = None,
) -> Receipt:
    """The receipt of an entry as it stands (``paused``: the queue waits for credentials;
    ``paused_over_http``: because the server refuses plain http, not the token; ``behind``:
    never sent, it waits for an earlier entry of its member's lane; ``behind_a_retry``: that
    earlier entry was tried already and is being sent again; ``held``: a cancel that waits for
    its redemption to be synced before it may go; ``handed_over``: what it
    gives went over the counter already, as a manager's "Send again" of a redemption the till
    had accepted offline, which the entry itself does not record; ``accepted_as``: why that
    redemption was accepted, as recorded on it). Why the entry itself was accepted is its
    record (``OutboxEntry.accepted_as``); an entry accepted before the till recorded it is
    said as it was until then: ``sent_again`` (:func:`accepted_to_send_again`) for a confirmed
    one, its last attempt for one still accepted, offline for the rest. ``cancelled``: of a
    cancel, the kind of the redemption it cancels (``None``: the till does not know it)."""
    verdict = verdict_of(entry, ambiguous_attempt=ambiguous_attempt)
    handed_over = handed_over or entry.provisional
    why = (accepted_as or recorded_acceptance(entry)) if handed_over else None
    headline, what_to_do, details = _words(
        entry, verdict, ambiguous_attempt, paused, handed_over, _Acceptance(why, sent_again)
    )
    if behind and details is not None and details.id == "receipt.detail.sending":
        details = say(
            "receipt.detail.behind.retried" if behind_a_retry else "receipt.detail.behind"
        )
    if what_to_do.id == "receipt.cancel.waiting.queued.todo" and (behind or held):
        # it waits its turn behind the member's redemption, or for the till to find out whether
        # the redemption went through (a held cancel): no outage
        what_to_do = say(
            "receipt.cancel.waiting.behind.todo" if behind else "receipt.cancel.waiting.held.todo"
        )
    if entry.kind == OperationKind.CANCEL and details is not None:
        details = cancel_details(details, cancelled, asked_a_replacement(entry))
    if what_to_do.id == "receipt.cancel.confirmed.todo":
        what_to_do = cancel_gives_back(cancelled, asked_a_replacement(entry))
    if paused_over_http and details is not None and details.id == "receipt.detail.paused":
        details = say("receipt.detail.paused.https")
        if what_to_do.id == "receipt.waiting.paused.todo":
            what_to_do = say("receipt.waiting.paused.https.todo")
        elif what_to_do.id == "receipt.accepted_offline.paused.todo":
            what_to_do = say("receipt.accepted_offline.paused.https.todo")
    response = entry.response or {}
    gives = _gives_for(OperationKind(entry.kind), response, entry.issues_voucher)
    headline, what_to_do = _for_order(headline, gives), _for_order(what_to_do, gives)
    # accepted while the server answered and applied nothing: no screen says "offline" of it
    answered: str | None = None
    if why is not None and not paused:
        answered = why.value if why.sent_again else None
    elif verdict is Verdict.ACCEPTED_OFFLINE and not paused:
        answered = _turned_away(entry)  # not recorded: guessed from its last attempt, as before
    return Receipt(
        entry_id=entry.id,
        kind=OperationKind(entry.kind),
        status=EntryStatus(entry.status),
        verdict=verdict,
        headline=headline,
        what_to_do=what_to_do,
        details=details,
        description=entry.description,
        attempts=entry.attempts,
        lane=entry.lane,
        provisional=entry.provisional,
        server_redemption_id=entry.server_redemption_id,
        last_error=entry.last_error,
        voucher_code=_voucher_code(response),
        stamps_remaining=_stamps_remaining(response),
        created_at=entry.created_at,
        cashier=entry.cashier,
        member=entry.member_name or entry.user,
        paused=paused,
        slowed=answered == "slowed",
        timed_out=answered == "timed_out",
        sends_again_at=(
            entry.next_attempt_at if details is not None and details.id in _COUNTING_DOWN else None
        ),
    )


def what_to_do(verdict: Verdict, *, line_checked: bool = False) -> Message:
    """What the cashier does next for a redemption ending ``verdict`` with no entry to say more
    (one refused, or not redeemed, before anything was queued): the receipt's own words; for
    one not redeemed after a check of the line found it still down (``line_checked``), so."""
    if line_checked and verdict is Verdict.NOT_REDEEMED:
        return say("receipt.not_redeemed.line_checked.todo")
    return say(f"receipt.{verdict.value}.todo")


def what_the_feed_said(entry: OutboxEntry) -> Message | None:
    """What the feed line that reconciled the entry says of it, when it does not simply stand:
    cancelled on the server since, or a status the till does not know (``None`` otherwise)."""
    status = line_status_of(entry)
    if status is LineStatus.CANCELLED:
        return say("receipt.detail.cancelled_on_server")
    if status is LineStatus.UNREAD:
        # the line proves it arrived, and says nothing the till knows of whether it stands
        said = (entry.evidence or {}).get(LINE_STATUS_SAID)
        if said is None or not str(said).strip():  # "(None)" read as a status the server gave
            return say("receipt.detail.reconciled.status_none")
        return say("receipt.detail.reconciled.status_unread", status=str(said))
    if status is LineStatus.NOT_KEPT:
        return say("receipt.detail.reconciled.status_not_kept")
    return None


def feed_line_said(line: Mapping[str, Any]) -> Message | None:
    """What a feed line an audit line records (its ``line``) says of the redemption, when it
    does not simply stand: cancelled there since, a status the till does not know, or one
    recorded before the till kept it. ``None`` for one that stands."""
    status = LineStatus.recorded(line)
    if status is LineStatus.CANCELLED:
        return say("audit.line.cancelled")
    if status is LineStatus.UNREAD:
        said = line.get("status")
        if said is None or not str(said).strip():
            return say("audit.line.status_none")
        return say("audit.line.status_unread", status=str(said))
    if status is LineStatus.NOT_KEPT:
        return say("audit.line.status_not_kept")
    return None


def reason_of(entry: OutboxEntry) -> Message | None:
    """Why the entry was refused or not redeemed, in words for the cashier (``None`` if it
    was not)."""
    if entry.policy_refusal:
        return stored_message(entry.policy_refusal)
    if entry.status == EntryStatus.REJECTED:
        return refusal_words(entry.last_error)
    return None


def refusal_words(last_error: str | None) -> Message:
    """Why an entry was refused, from its record: the server's words, or the till's own when it
    would not send a cancel only the dashboard can make (quoted as the server's, its English
    record read "The Stamps server refused it: … cancel it in the Stamps dashboard")."""
    if last_error == NEEDS_DASHBOARD:
        return say("decision.needs_dashboard")
    return server_words(last_error)


def server_words(last_error: str | None) -> Message:
    """The server's reason for a refusal, from the entry's record: its own words when it gave
    any. Every screen that says why the server refused something says it with these words."""
    reason = server_reason(last_error)
    if reason is not None:
        return say("server.refused", reason=reason)
    return say("server.refused_silently")


def server_reason(last_error: str | None) -> str | None:
    """The server's own words in a recorded refusal; ``None`` when it gave none. A bare status
    line such as ``400 Bad Request`` is the till's, written when the body held no reason: no
    reason to quote to anyone."""
    _, words = read_error_text(last_error)
    if words and not words[:3].isdigit():
        return words
    return None


def stored_message(data: dict[str, Any]) -> Message:
    """A message as the database keeps it (``{"id", "params"}``)."""
    message_id = str(data.get("id", ""))
    params = data.get("params")
    if message_id in TEMPLATES and isinstance(params, dict):
        try:
            return Message(message_id, {str(k): v for k, v in params.items()})
        except ValueError:
            pass  # a template changed since it was written: say it plainly
    return say("server.refused_silently")


def stored(message: Message) -> dict[str, Any]:
    """A message as the database keeps it."""
    return {"id": message.id, "params": dict(message.params)}


def _words(
    entry: OutboxEntry,
    verdict: Verdict,
    ambiguous: bool,
    paused: bool,
    handed_over: bool,
    acceptance: _Acceptance,
) -> tuple[Message, Message, Message | None]:
    name = verdict.value
    headline, todo = say(f"receipt.{name}"), say(f"receipt.{name}.todo")
    details: Message | None = None
    kiosk = on_kiosk(entry)
    if verdict is Verdict.CONFIRMED:
        # Confirmed by the server's own answer, which the worker keeps, or without one: found in
        # the member's activity, or marked applied by a manager. Without one, ``last_error`` is
        # still the till's record of the attempt that went unanswered, not the server's words.
        answered = entry.response is not None
        if (said := what_the_feed_said(entry)) is not None:
            details = said
        elif entry.reconciled:
            details = say("receipt.detail.reconciled")
        elif not answered and entry.server_redemption_id is not None:
            # the manager gave the id the dashboard shows: a cancel is the till's own again
            details = say(
                "receipt.detail.marked_applied.server_id", server_id=entry.server_redemption_id
            )
        elif not answered:
            details = say("receipt.detail.marked_applied")
        else:
            details = _answered_details(entry)
        if handed_over:
            # handed over when the till accepted it: a second "hand over" would be a gift. Said
            # offline only when it was: after a 408 or 429 the server was there all along.
            todo = say(f"receipt.confirmed.{acceptance.confirmed_as}.todo")
        elif entry.reconciled or not answered:
            # it read "do not hand over yet" until now: now it may be given
            todo = say("receipt.confirmed.later.todo")
    elif verdict is Verdict.ACCEPTED_OFFLINE and paused:
        # The network is back and the server answered (it refuses the till's token): "when the
        # network is back" has come, and the entry waits for a manager instead. Nothing was
        # applied, so it is still only accepted offline, handed over then.
        todo = say("receipt.accepted_offline.paused.todo")
        details = say("receipt.detail.paused")
        if (why := acceptance.why) is not None and why.sent_again:
            headline = say(f"receipt.accepted_offline.{why}")
    elif verdict is Verdict.ACCEPTED_OFFLINE:
        # Judged by the offline rules when the server asked the till to wait, or timed out
        # waiting for the request (architecture §4): the server is there, and "when the network
        # is back" spoke of an outage there was not. The headline says why it was accepted (its
        # record); what happens next follows its last attempt, which may have been turned away
        # since a till accepted it offline.
        now = _turned_away(entry)
        if (named := acceptance.accepted_as(now)) is not None:
            headline = say(f"receipt.accepted_offline.{named}")
        if now is not None:
            todo = say(f"receipt.accepted_offline.{now}.todo")
            details = turned_away_words(entry)
        elif named is not None:
            # turned away when accepted, then not answered at all: it goes again by itself
            todo = say("receipt.accepted_offline.timed_out.todo")
    elif verdict is Verdict.CANCELLED and entry.status == EntryStatus.SYNCED:
        # It reached the server (its line is in the member's activity), and was cancelled
        # there since: "it was never sent" would be false, and it is never sent again.
        headline = say("receipt.cancelled.on_server")
        todo = say("receipt.cancelled.on_server.todo")
        details = what_the_feed_said(entry)
    elif verdict is Verdict.CLOSED and entry.last_outcome == Outcome.REFUSED:
        # A manager closed a refusal: the server's reason for it still stands beside "see the
        # manager's note" (the cashier's panel, following it, lost the reason it showed).
        details = server_words(entry.last_error)
    elif verdict is Verdict.CLOSED:
        # A manager closed it unanswered: closing leaves on the server whatever the lost
        # attempt did there, so it is not said to be refused, nor undone.
        details = say("receipt.detail.closed.unknown")
    elif verdict is Verdict.EXPIRED and kiosk:
        # the kiosk's bound ran out (architecture §3), not a PIN's authorisation
        headline, todo = say("receipt.expired.kiosk"), say("receipt.expired.kiosk.todo")
    elif verdict in (Verdict.REFUSED, Verdict.NOT_REDEEMED):
        details = reason_of(entry)
        if verdict is Verdict.REFUSED and handed_over and entry.kind != OperationKind.CANCEL:
            # Refused when the network came back: the reward went over the counter when the till
            # accepted it offline, and its customer has gone. "Tell the customer why" cannot be
            # done; the refusal is a manager's to settle (its exception says it was offline).
            said_as = acceptance.handed_over_as
            headline, todo = (
                say(f"receipt.refused.{said_as}"),
                say(f"receipt.refused.{said_as}.todo"),
            )
        if verdict is Verdict.NOT_REDEEMED and kiosk:
            # its customer is at the counter now: nothing stands in the way of redeeming there
            todo = say("receipt.not_redeemed.kiosk.todo")
        elif verdict is Verdict.NOT_REDEEMED and (turned := _turned_away(entry)):
            # the server answered (asked the till to wait, or timed out waiting for the
            # request), and could not be reached is not what happened
            todo = say(f"receipt.not_redeemed.{turned}.todo")
    elif verdict is Verdict.NOT_CONFIRMED:
        kind, words = read_error_text(entry.last_error)
        # what a 2xx that named nothing said ("Out of stock"): the server's, beside "not
        # confirmed", which it does not change (it proves nothing either way)
        its_words = words if kind == _UNPROVEN and words else None
        if entry.status == EntryStatus.UNKNOWN and its_words:
            details = say("receipt.detail.unknown.said", said=its_words)
        elif entry.status == EntryStatus.UNKNOWN:
            details = say("receipt.detail.unknown")
        elif paused:
            if not ambiguous:  # the server answered (it refused the token): nothing was applied
                headline, todo = say("receipt.waiting"), say("receipt.waiting.paused.todo")
            details = say("receipt.detail.paused")
        elif kind == "CredentialsReplaced":
            # refused under the token a manager has replaced since: on its way again now
            details = say("receipt.detail.sending")
        elif kind in _TURNED_AWAY and not ambiguous:
            headline, todo = say("receipt.waiting"), say("receipt.waiting.slowed.todo")
            details = turned_away_words(entry)
        elif kind in _NEVER_ARRIVED and not ambiguous:
            headline, todo = say("receipt.waiting"), say("receipt.waiting.todo")
            details = say("receipt.detail.unreachable")
        elif kind == _REDIRECTED:
            details = say("receipt.detail.redirected")
        elif kind in _SERVER_FAILED:
            details = say("receipt.detail.server_error")
        elif kind == _STILL_HANDLED:
            details = say("receipt.detail.still_handled")
        elif its_words:
            details = say("receipt.detail.unproven", said=its_words)
        elif kind == "WebPageAnswer":
            details = say("receipt.detail.web_page")
        elif kind in _UNREADABLE:
            details = say("receipt.detail.unreadable")
        elif kind is not None:
            details = say("receipt.detail.lost")
        else:
            details = say("receipt.detail.sending")
            if never_sent_cancel(entry, ambiguous):
                # No attempt has carried it (the till knew itself offline, or it waits behind
                # its member's entries): "NOT CONFIRMED" told a manager it may have reached the
                # server, beside the details' "not sent to the Stamps server yet".
                headline = say("receipt.waiting")
        if handed_over and entry.kind != OperationKind.CANCEL:
            # The till told the cashier to hand it over when it accepted it offline: "keep the
            # reward back" would be false now. What is known (details) stands as it is.
            said_as = acceptance.handed_over_as
            headline = say(f"receipt.not_confirmed.{said_as}")
            todo = say(f"receipt.not_confirmed.{said_as}.todo")
    if entry.kind == OperationKind.CANCEL:
        headline, todo, details = cancel_words(entry, headline, todo, details)
    return headline, todo, details


def recorded_acceptance(entry: OutboxEntry) -> AcceptedAs | None:
    """Why the till accepted ``entry`` before the server's answer, as it recorded then; ``None``
    for an entry accepted before the till recorded it (migration 0013), or never accepted so."""
    try:
        return None if entry.accepted_as is None else AcceptedAs(entry.accepted_as)
    except ValueError:  # written by a later version of the till: said as before
        return None


@dataclass(frozen=True)
class _Acceptance:
    """Why a redemption handed over before the server's answer was accepted: ``why``, as its
    entry recorded it, or ``None`` before the till recorded it, when the words are those the
    till said until then (``sent_again``, guessed from its attempts, for a confirmed one)."""

    why: AcceptedAs | None
    sent_again: bool

    @property
    def confirmed_as(self) -> str:
        """The part of a confirmed one's message ids: ``sent_again`` or ``offline``."""
        turned_away = self.sent_again if self.why is None else self.why.sent_again
        return "sent_again" if turned_away else "offline"

    @property
    def handed_over_as(self) -> str:
        """The part of the message ids of one not confirmed or refused since it was accepted."""
        return "sent_again" if self.why is not None and self.why.sent_again else "offline"

    def accepted_as(self, last_attempt: str | None) -> str | None:
        """How the server turned it away, when that is why it was accepted (``slowed``,
        ``timed_out``), for the headline of one still accepted; not recorded, its last
        attempt's (``last_attempt``), as before."""
        if self.why is None:
            return last_attempt
        return self.why.value if self.why.sent_again else None


def accepted_to_send_again(entry: OutboxEntry, attempts: list[Attempt]) -> bool:
    """Whether the till accepted ``entry`` (provisional) because the server turned its attempts
    away to be sent again (a 408 or 429), not because it could not be reached: an attempt
    failed, and every one that failed was turned away so. A till that knew itself offline
    accepts before any attempt (none failed), and one that could not connect was offline. The
    upkeep's fold keeps such an entry's first failure of another kind listed
    (:mod:`app.core.outbox.retention`), so the attempts listed answer as all of them did."""
    if not entry.provisional:
        return False
    failed = [
        read_error_text(a.error)[0] for a in attempts if a.outcome != Outcome.APPLIED and a.error
    ]
    return bool(failed) and all(kind in _TURNED_AWAY for kind in failed)


def _turned_away(entry: OutboxEntry) -> str | None:
    """How the server turned the entry's last attempt away, applying nothing (``slowed``,
    ``timed_out``); ``None`` when it did not."""
    kind, _ = read_error_text(entry.last_error)
    return _TURNED_AWAY.get(kind or "")


def turned_away_words(entry: OutboxEntry, now: datetime | None = None) -> Message:
    """What the server said of the entry's last attempt (it asked the till to slow down, or
    timed out waiting for the request), and when the till sends it again by itself: its next
    attempt, which waits a 429's ``Retry-After`` when the server gave one."""
    why = _turned_away(entry) or "slowed"
    due = entry.next_attempt_at
    if due is None:
        return say(f"receipt.detail.{why}.now")
    seconds = math.ceil((due - (now or clock.now())).total_seconds())
    if seconds <= 0:
        return say(f"receipt.detail.{why}.now")
    if seconds >= 120:
        return say(f"receipt.detail.{why}.minutes", minutes=math.ceil(seconds / 60))
    return say(f"receipt.detail.{why}", seconds=seconds)


def _answered_details(entry: OutboxEntry) -> Message | None:
    """What the server's answer to a confirmed redemption says beside it: the stamps left, and
    any words of its own."""
    stamps = _stamps_remaining(entry.response or {})
    said = entry.last_error
    if stamps is not None and said:
        return say("receipt.stamps_left_also_said", stamps=stamps, said=said)
    if said:
        return say("receipt.also_said", said=said)
    if stamps is not None:
        return say("receipt.stamps_left", stamps=stamps)
    return None


#: What each kind of order gives, where a reward's words ("hand over the reward") would tell the
#: cashier the wrong thing: the suffix of its own messages (``receipt.confirmed.todo.deduct``).
_GIVES = {
    OperationKind.MULTI: "cart",
    OperationKind.VOUCHER: "voucher",
    OperationKind.CODE: "voucher",  # a voucher code is one of a template's vouchers
    OperationKind.DEDUCT: "deduct",
    OperationKind.PROMO: "promo",
}


def _gives_for(
    kind: OperationKind, response: dict[str, Any], issues_voucher: bool
) -> tuple[str, ...]:
    """The suffixes of the messages in the words of what an order of ``kind`` gives, the closest
    first. A reward (or a cart's) that is a voucher comes back with the voucher the server added
    to the member's vouchers (redemption_api §1): there is nothing to hand over for it. Before
    any answer, ``issues_voucher`` says so of a reward the catalogue called a voucher (accepted
    offline), or of a cart with one among its rewards. A voucher's own redemption names the
    voucher it used, which it still gives."""
    gives = _GIVES.get(kind)
    if kind in (OperationKind.REWARD, OperationKind.MULTI) and (
        issues_voucher or _voucher_code(response)
    ):
        issued = "issued" if gives is None else f"{gives}_issued"
        return (issued,) if gives is None else (issued, gives)
    return () if gives is None else (gives,)


def _for_order(message: Message, gives: tuple[str, ...]) -> Message:
    """``message`` in the words of what the order gives (``_gives_for``), where it has words of
    its own for it (a cart's "not confirmed" headline is a reward's: both are handed over)."""
    for suffix in gives:
        own = f"{message.id}.{suffix}"
        if own in TEMPLATES:
            return Message(own, message.params)
    return message


def _voucher_code(response: dict[str, Any]) -> str | None:
    for holder in (response, response.get("redemption") or {}):
        voucher = holder.get("voucher") if isinstance(holder, dict) else None
        # a code of digits written as a number is that code (models.common.code_text)
        if isinstance(voucher, dict) and (code := code_text(voucher.get("code"))) is not None:
            return code
    return None


def _stamps_remaining(response: dict[str, Any]) -> int | None:
    """The member's stamps after the operation, as ``RedemptionResponse.stamps_remaining`` reads
    them: the examples write ``membership.stamps`` and ``customer.stamps_remaining``, the
    response tables ``membership``'s ``stamps_remaining`` (seed 000 §1-3) and the rewards list's
    customer ``stamps``."""
    for block, names in (
        ("membership", ("stamps", "stamps_remaining")),
        ("customer", ("stamps_remaining", "stamps")),
    ):
        holder = response.get(block)
        if not isinstance(holder, dict):
            continue
        for name in names:
            value = holder.get(name)
            if isinstance(value, int) and not isinstance(value, bool):
                return value
    return None
