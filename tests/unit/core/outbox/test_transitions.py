"""The state diagram of architecture §3, as a table and end to end through the worker."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.core.clock import ManualClock
from app.core.domain import EntryStatus, Outcome
from app.core.outbox import Outbox, OutboxPolicy, RetryPolicy, SyncWorker, next_state
from app.core.outbox.claim import KIOSK_EXPIRED, PIN_EXPIRED
from app.core.outbox.remote import SubmitResult
from app.core.outbox.transitions import key_vouches
from app.core.stamps.errors import CredentialsUnusable

from .conftest import NOT_HONOURED, OutboxFactory, enqueue_reward
from .fakes import FakeTransport, rate_limited

Q, U, R, S = EntryStatus.QUEUED, EntryStatus.UNKNOWN, EntryStatus.REJECTED, EntryStatus.SYNCED


@pytest.mark.parametrize(
    ("outcome", "earlier_ambiguous", "vouches", "status", "backoff"),
    [
        (Outcome.APPLIED, False, False, S, False),
        (Outcome.APPLIED, True, False, S, False),
        (Outcome.NEVER_ARRIVED, False, False, Q, True),
        (Outcome.NEVER_ARRIVED, True, False, Q, True),
        (Outcome.AMBIGUOUS, False, True, Q, True),
        (Outcome.AMBIGUOUS, False, False, U, False),
        (Outcome.AMBIGUOUS, True, True, Q, True),
        (Outcome.REFUSED, False, False, R, False),
        (Outcome.REFUSED, False, True, R, False),
        (Outcome.REFUSED, True, True, R, False),
        (Outcome.REFUSED, True, False, U, False),
    ],
)
def test_outcome_to_state(
    outcome: Outcome,
    earlier_ambiguous: bool,
    vouches: bool,
    status: EntryStatus,
    backoff: bool,
) -> None:
    decision = next_state(outcome, earlier_ambiguous=earlier_ambiguous, key_vouches=vouches)
    assert (decision.status, decision.backoff, decision.pause) == (status, backoff, False)


def test_bad_credentials_pause_and_requeue() -> None:
    decision = next_state(
        Outcome.NEVER_ARRIVED, earlier_ambiguous=False, key_vouches=False, credentials_rejected=True
    )
    assert (decision.status, decision.pause, decision.backoff) == (Q, True, False)


def test_key_window_covers_the_whole_flight(clock: ManualClock) -> None:
    now = clock.now()
    honoured = OutboxPolicy(idempotency_honoured=True, key_window_hours=1)
    flight = timedelta(seconds=honoured.lease_seconds)
    assert key_vouches(honoured, None, now)
    assert key_vouches(honoured, now - timedelta(hours=1) + flight + timedelta(seconds=1), now)
    assert not key_vouches(honoured, now - timedelta(hours=1) + flight, now)
    assert not key_vouches(NOT_HONOURED, now, now)


@pytest.mark.parametrize(
    ("action", "honoured", "status", "outcome", "code"),
    [
        ("apply", True, S, Outcome.APPLIED, 200),
        ("refuse", True, R, Outcome.REFUSED, 400),
        ("connect", False, Q, Outcome.NEVER_ARRIVED, None),
        # the docs promise nothing about a 503: it may have been applied; a key the server
        # honours lets it be resent, as after any ambiguous attempt
        ("503", True, Q, Outcome.AMBIGUOUS, 503),
        ("503", False, U, Outcome.AMBIGUOUS, 503),
        # a 2xx that names no redemption proves nothing
        ("nameless", True, Q, Outcome.AMBIGUOUS, 200),
        ("nameless", False, U, Outcome.AMBIGUOUS, 200),
        ("lost", True, Q, Outcome.AMBIGUOUS, None),
        ("lost", False, U, Outcome.AMBIGUOUS, None),
        ("500", True, Q, Outcome.AMBIGUOUS, 500),
        ("500", False, U, Outcome.AMBIGUOUS, 500),
        ("boom", False, U, Outcome.AMBIGUOUS, None),
    ],
)
async def test_one_attempt_end_to_end(
    make_outbox: OutboxFactory,
    transport: FakeTransport,
    clock: ManualClock,
    action: str,
    honoured: bool,
    status: EntryStatus,
    outcome: Outcome,
    code: int | None,
) -> None:
    outbox = await make_outbox(OutboxPolicy(idempotency_honoured=honoured))
    worker = SyncWorker(outbox, transport)
    entry = await enqueue_reward(outbox)
    transport.script = [action]
    assert await worker.run_once() == 1
    after = await outbox.get(entry.id)
    assert after is not None and after.status == status
    assert after.lease_owner is None
    (attempt,) = await outbox.attempts(entry.id)
    assert (attempt.outcome, attempt.status_code) == (outcome, code)
    assert attempt.ended_at == clock.now()
    await worker.stop()


async def test_synced_keeps_server_answer_and_balance(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport
) -> None:
    entry = await enqueue_reward(outbox, stamps=30)
    await worker.run_once()
    synced = await outbox.get(entry.id)
    assert synced is not None
    assert synced.server_redemption_id == transport.server.next_id
    assert synced.response == {
        "redemption": {"id": synced.server_redemption_id},
        "stamps_remaining": 970,
    }
    balance = await outbox.balance("m1")
    assert balance is not None and (balance.stamps, balance.entry_id) == (970, entry.id)


async def test_never_arrived_backs_off_then_succeeds(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport, clock: ManualClock
) -> None:
    entry = await enqueue_reward(outbox)
    transport.script = ["connect"]
    await worker.run_once()
    queued = await outbox.get(entry.id)
    assert queued is not None and queued.status == Q
    # jitter 0.5 × min(300, 1 × 2^1)
    assert queued.next_attempt_at == clock.now() + timedelta(seconds=1)
    assert await worker.run_once() == 0  # not due yet
    clock.advance(1)
    assert await worker.run_once() == 1
    done = await outbox.get(entry.id)
    assert done is not None and done.status == S and done.attempts == 2
    assert {key for _, _, key in transport.calls} == {entry.id}


async def test_ambiguous_resent_under_same_key_is_applied_once(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport, clock: ManualClock
) -> None:
    entry = await enqueue_reward(outbox)
    transport.script = ["applied_lost", "applied_500"]
    for _ in range(3):
        await worker.run_once()
        clock.advance(10)
    done = await outbox.get(entry.id)
    assert done is not None and done.status == S
    assert transport.server.applications[entry.id] == 1
    assert [key for _, _, key in transport.calls] == [entry.id] * 3


async def test_refused_after_ambiguous_is_unknown_without_a_vouching_key(
    make_outbox: OutboxFactory, clock: ManualClock
) -> None:
    # the setting changed to "unknown" while a resend was in flight: the refusal cannot be trusted
    honoured = await make_outbox()
    await enqueue_reward(honoured)
    first = await honoured.claim("a")
    assert first is not None
    await honoured.record(first, Outcome.AMBIGUOUS)
    clock.advance(5)
    second = await honoured.claim("b")
    assert second is not None
    now_unknown = await make_outbox(NOT_HONOURED)
    assert await now_unknown.record(second, Outcome.REFUSED) == U


async def test_a_resend_too_close_to_the_window_end_is_not_made(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    # a 1-minute window is shorter than a request's longest flight: never resend into it
    outbox = await make_outbox(OutboxPolicy(idempotency_honoured=True, key_window_hours=1 / 60))
    worker = SyncWorker(outbox, transport)
    entry = await enqueue_reward(outbox)
    transport.script = ["lost"]
    await worker.run_once()
    after = await outbox.get(entry.id)
    assert after is not None and after.status == U
    assert len(transport.calls) == 1
    await worker.stop()


async def test_refused_after_ambiguous_with_a_vouching_key_is_rejected(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport, clock: ManualClock
) -> None:
    entry = await enqueue_reward(outbox)
    transport.script = ["lost", "refuse"]
    await worker.run_once()
    clock.advance(5)
    await worker.run_once()
    done = await outbox.get(entry.id)
    assert done is not None and done.status == R


async def test_ambiguous_past_the_key_window_becomes_unknown_before_resending(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    outbox = await make_outbox(OutboxPolicy(idempotency_honoured=True, key_window_hours=1))
    worker = SyncWorker(outbox, transport)
    entry = await enqueue_reward(outbox)
    transport.script = ["lost"]
    await worker.run_once()
    queued = await outbox.get(entry.id)
    assert queued is not None and queued.status == Q
    clock.advance(3600 - outbox.policy.lease_seconds)
    assert await worker.run_once() == 0
    after = await outbox.get(entry.id)
    assert after is not None and after.status == U
    assert len(transport.calls) == 1
    await worker.stop()


async def test_rate_limit_honours_retry_after(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport, clock: ManualClock
) -> None:
    entry = await enqueue_reward(outbox)
    transport.script = [rate_limited(120)]
    await worker.run_once()
    queued = await outbox.get(entry.id)
    assert queued is not None and queued.next_attempt_at == clock.now() + timedelta(seconds=120)
    clock.advance(119)
    assert await worker.run_once() == 0
    clock.advance(1)
    assert await worker.run_once() == 1


async def test_a_huge_retry_after_waits_the_cap_and_is_recorded(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport, clock: ManualClock
) -> None:
    # 1e308 s used to raise OverflowError while recording: the entry stayed "sending"
    entry = await enqueue_reward(outbox)
    transport.script = [rate_limited(1e308)]
    await worker.run_once()
    queued = await outbox.get(entry.id)
    assert queued is not None and queued.status == Q and queued.lease_owner is None
    assert queued.next_attempt_at == clock.now() + timedelta(hours=1)
    (attempt,) = await outbox.attempts(entry.id)
    assert attempt.outcome == Outcome.NEVER_ARRIVED and attempt.status_code == 429


async def test_bad_credentials_pause_the_whole_queue(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport, clock: ManualClock
) -> None:
    first = await enqueue_reward(outbox, lane="m1")
    second = await enqueue_reward(outbox, lane="m2")
    transport.script = ["creds"]
    outbox.policy = OutboxPolicy(idempotency_honoured=True, lanes=1)
    worker.policy = outbox.policy
    await worker.run_once()
    status = await outbox.status()
    assert status.paused and status.paused_reason and "CredentialsRejected" in status.paused_reason
    assert status.queued == 2
    clock.advance(3600)
    assert await worker.run_once() == 0
    await outbox.resume_after_credentials_change(who="mgr", terminal="till-1")
    assert not (await outbox.status()).paused
    await worker.run_once()
    await worker.run_once()
    for entry in (first, second):
        done = await outbox.get(entry.id)
        assert done is not None and done.status == S
    actions = [a.action for a in await outbox.audit_log()]
    assert actions == ["paused", "resumed"]


async def test_pin_authorisation_expires_when_nothing_can_have_arrived(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport, clock: ManualClock
) -> None:
    expiring = await enqueue_reward(outbox, expires_at=clock.now() + timedelta(seconds=900))
    transport.script = ["connect"]
    await worker.run_once()
    clock.advance(900)
    await worker.run_once()
    after = await outbox.get(expiring.id)
    assert after is not None and after.status == EntryStatus.EXPIRED
    assert after.last_error == PIN_EXPIRED
    assert len(transport.calls) == 1


async def test_expiry_never_hides_a_possibly_applied_attempt(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport, clock: ManualClock
) -> None:
    entry = await enqueue_reward(outbox, expires_at=clock.now() + timedelta(seconds=60))
    transport.script = ["lost"]
    await worker.run_once()
    clock.advance(120)
    await worker.run_once()
    after = await outbox.get(entry.id)
    assert after is not None and after.status == S  # resent under its key, not expired


async def test_a_kiosk_entry_past_its_bound_goes_to_reconciliation_not_out_again(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport, clock: ManualClock
) -> None:
    # A PIN's entry is resent under its key past its expiry (above): the server checks the
    # authorisation. A kiosk's has no such check, and its customer has gone: resent, it could be
    # applied now, after the counter redeemed the same reward for them.
    entry = await enqueue_reward(outbox, channel=3, expires_at=clock.now() + timedelta(seconds=120))
    transport.script = ["lost", "apply"]
    await worker.run_once(reconcile=False)
    clock.advance(180)
    await worker.run_once(reconcile=False)
    after = await outbox.get(entry.id)
    assert after is not None and after.status == U  # for the feed to prove; never voided
    assert len(transport.calls) == 1


async def test_a_kiosk_entry_inside_its_bound_is_resent_under_its_key(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport, clock: ManualClock
) -> None:
    entry = await enqueue_reward(outbox, channel=3, expires_at=clock.now() + timedelta(seconds=120))
    transport.script = ["lost", "apply"]
    await worker.run_once(reconcile=False)
    clock.advance(60)
    await worker.run_once(reconcile=False)
    after = await outbox.get(entry.id)
    assert after is not None and after.status == S
    assert len(transport.calls) == 2


async def test_a_kiosk_entry_never_sent_within_its_bound_expires_unsent(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport, clock: ManualClock
) -> None:
    entry = await enqueue_reward(outbox, channel=3, expires_at=clock.now() + timedelta(seconds=120))
    transport.script = ["connect"]
    await worker.run_once(reconcile=False)
    clock.advance(120)
    await worker.run_once(reconcile=False)
    after = await outbox.get(entry.id)
    assert after is not None and after.status == EntryStatus.EXPIRED
    # what happened is the kiosk's bound, not a PIN's authorisation (it may have had no PIN)
    assert after.last_error == KIOSK_EXPIRED
    assert len(transport.calls) == 1


async def test_connectivity_restored_wakes_only_never_arrived(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    # backoffs of 10 s (0.5 × 10 × 2^1); a spread of 1 s and the fixed jitter of one half: the
    # entry that never arrived is woken for 0.5 s from now
    outbox = await make_outbox(
        OutboxPolicy(idempotency_honoured=True, reconnect_spread=1.0),
        RetryPolicy(base=10, random=lambda: 0.5),
    )
    worker = SyncWorker(outbox, transport)
    offline = await enqueue_reward(outbox, lane="m1")
    erroring = await enqueue_reward(outbox, lane="m2")
    transport.script = ["connect", "500"]
    await worker.run_once()
    assert await worker.connectivity_restored() == 1
    woken = await outbox.get(offline.id)
    waiting = await outbox.get(erroring.id)
    assert woken is not None and woken.next_attempt_at == clock.now() + timedelta(seconds=0.5)
    assert waiting is not None and waiting.next_attempt_at is not None
    assert waiting.next_attempt_at == clock.now() + timedelta(seconds=10)  # its own backoff
    clock.advance(0.5)
    await worker.run_once()
    assert [key for _, _, key in transport.calls][-1] == offline.id
    assert len(transport.calls) == 3


async def test_a_503_out_of_the_key_window_is_ambiguous(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    # honoured, but the window is shorter than a flight: the key cannot vouch for the resend
    outbox = await make_outbox(OutboxPolicy(idempotency_honoured=True, key_window_hours=1 / 60))
    worker = SyncWorker(outbox, transport)
    entry = await enqueue_reward(outbox)
    transport.script = ["503"]
    await worker.run_once()
    after = await outbox.get(entry.id)
    assert after is not None and after.status == U
    (attempt,) = await outbox.attempts(entry.id)
    assert attempt.outcome == Outcome.AMBIGUOUS
    await worker.stop()


@pytest.mark.parametrize("honoured", [True, False])
async def test_after_a_503_a_cancel_never_voids_locally(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock, honoured: bool
) -> None:
    # a server that applied the request and then answered 503: the till must not believe the
    # 503 and void the redemption it cannot see, even where the key lets it resend
    outbox = await make_outbox(OutboxPolicy(idempotency_honoured=honoured))
    worker = SyncWorker(outbox, transport)
    entry = await enqueue_reward(outbox)
    transport.script = ["applied_503"]
    await worker.run_once(reconcile=False)
    cancel = await outbox.cancel(entry.id, who="cashier", terminal="till-1")
    assert cancel.id != entry.id  # a cancel entry, never a local void
    assert transport.server.applications[entry.id] == 1
    if honoured:  # resent under its key, answered as the first time; then the cancel goes
        for _ in range(3):
            clock.advance(10)
            await worker.run_once(reconcile=False)
        done, cancelled = await outbox.get(entry.id), await outbox.get(cancel.id)
        assert done is not None and done.status == S
        assert cancelled is not None and cancelled.status == S
        assert transport.server.applications[entry.id] == 1
        assert transport.server.cancelled == {done.server_redemption_id}
    await worker.stop()


async def test_errors_beside_a_named_redemption_are_kept_on_the_entry(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport
) -> None:
    entry = await enqueue_reward(outbox)
    transport.script = ["noted"]
    await worker.run_once()
    done = await outbox.get(entry.id)
    assert done is not None and done.status == S
    assert done.server_redemption_id == transport.server.next_id
    assert done.last_error == "Stamps could not be added to the receipt"


@pytest.mark.parametrize("honoured", [False, True])
async def test_an_answer_naming_another_entrys_redemption_confirms_nothing(
    make_outbox: OutboxFactory, transport: FakeTransport, honoured: bool
) -> None:
    # A server (or a cache in front of it) that answers a second redemption with the first one's
    # answer names redemption 1001 twice: the second cup was marked confirmed, with the first
    # cup's id, while nothing shows the server made a second redemption.
    outbox = await make_outbox(OutboxPolicy(idempotency_honoured=honoured))
    worker = SyncWorker(outbox, transport)
    first = await enqueue_reward(outbox, lane="m1")
    await worker.run_once()
    done = await outbox.get(first.id)
    assert done is not None and done.status == S and done.server_redemption_id is not None
    second = await enqueue_reward(outbox, lane="m2")
    transport.script = [SubmitResult(redemption_id=done.server_redemption_id, raw=done.response)]
    await worker.run_once()
    after = await outbox.get(second.id)
    assert after is not None and after.status != S
    assert after.server_redemption_id is None
    assert after.last_error and str(done.server_redemption_id) in after.last_error
    (attempt,) = await outbox.attempts(second.id)
    assert attempt.outcome == Outcome.AMBIGUOUS
    await worker.stop()


async def test_an_unusable_token_pauses_the_queue_and_says_why(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport
) -> None:
    entry = await enqueue_reward(outbox)
    transport.script = [CredentialsUnusable("the API token cannot be sent in a header")]
    await worker.run_once()
    status = await outbox.status()
    assert status.paused
    assert status.paused_reason and "cannot be sent" in status.paused_reason
    waiting = await outbox.get(entry.id)
    assert waiting is not None and waiting.status == Q
    assert waiting.last_error and "cannot be sent" in waiting.last_error
    assert await worker.run_once() == 0  # it does not spin


async def test_a_queue_paused_for_an_unusable_token_sends_at_once_when_resumed(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport
) -> None:
    # The token never left the till: no network to wait for. Once a manager has set a token the
    # queue resumes, and what waited goes at once, not after a network outage's backoff.
    entry = await enqueue_reward(outbox)
    transport.script = [CredentialsUnusable("the API token cannot be sent in a header")]
    await worker.run_once()
    await outbox.resume_after_credentials_change(who="till")
    assert await worker.run_once() == 1
    done = await outbox.get(entry.id)
    assert done is not None and done.status == S


async def test_an_ambiguous_answer_after_the_clock_moved_back_in_flight_is_not_resent(
    outbox: Outbox, clock: ManualClock
) -> None:
    await enqueue_reward(outbox)
    claimed = await outbox.claim("w")
    assert claimed is not None
    clock.set_wall(clock.now() - timedelta(hours=2))  # corrected while the request travelled
    assert await outbox.record(claimed, Outcome.AMBIGUOUS) == U


def test_the_key_does_not_vouch_when_now_is_earlier_than_the_till_recorded(
    clock: ManualClock,
) -> None:
    now = clock.now()
    honoured = OutboxPolicy(idempotency_honoured=True)
    tolerance = timedelta(seconds=honoured.clock_tolerance)
    assert key_vouches(honoured, now, now, now + tolerance)  # two processes' writes crossing
    assert not key_vouches(honoured, now, now, now + tolerance + timedelta(seconds=1))
    assert not key_vouches(honoured, now + timedelta(hours=2), now)
