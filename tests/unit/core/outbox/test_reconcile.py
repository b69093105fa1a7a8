"""Reconciling unknown entries against the member's activity feed."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest

from app.core.clock import ManualClock
from app.core.domain import Channel, EntryStatus, OperationKind
from app.core.outbox import ActivityRecord, Outbox, SyncWorker
from app.core.outbox.reconcile import line_status_of
from app.core.outbox.remote import LineStatus
from app.core.stamps.errors import ConnectionFailed
from app.core.storage import OutboxEntry

from .conftest import NOT_HONOURED, OutboxFactory, enqueue_reward
from .fakes import STORE, FakeTransport, reward_name


async def _unknown(outbox: Outbox, worker: SyncWorker, transport: FakeTransport) -> OutboxEntry:
    """An entry the server applied but whose answer was lost: ``unknown`` (not honoured)."""
    entry = await enqueue_reward(outbox)
    transport.script.insert(0, "applied_lost")
    await worker.run_once(reconcile=False)
    after = await outbox.get(entry.id)
    assert after is not None and after.status == EntryStatus.UNKNOWN
    return entry


async def _never_applied(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport, **fields: Any
) -> OutboxEntry:
    """An entry whose answer was lost and which the server never applied: ``unknown``, not yet
    looked for in the feed."""
    entry = await enqueue_reward(outbox, **fields)
    transport.script = ["lost"]
    await worker.run_once(reconcile=False)
    return entry


async def test_a_matching_line_reconciles_to_synced(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    outbox = await make_outbox(NOT_HONOURED)
    worker = SyncWorker(outbox, transport)
    entry = await _unknown(outbox, worker, transport)
    assert await worker.reconcile_due() == 1
    done = await outbox.get(entry.id)
    assert done is not None and done.status == EntryStatus.SYNCED
    assert done.reconciled and done.server_redemption_id is None
    assert done.evidence is not None and done.evidence["result"] == "matched"
    ((user, since),) = transport.activity_calls
    assert user == "m1"
    assert since == clock.now() - timedelta(seconds=60)  # the ambiguous attempt's start, less skew
    assert [a.action for a in await outbox.audit_log(entry.id)] == ["reconciled"]
    await worker.stop()


async def test_no_line_stays_unknown_with_evidence_and_checks_again_later(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    outbox = await make_outbox(NOT_HONOURED)
    worker = SyncWorker(outbox, transport)
    entry = await enqueue_reward(outbox)
    transport.script = ["lost"]  # never applied
    await worker.run_once()
    after = await outbox.get(entry.id)
    assert after is not None and after.status == EntryStatus.UNKNOWN
    assert after.evidence is not None and after.evidence["result"] == "not_found"
    assert after.evidence["expected"] == {"store": STORE, "name": reward_name(1), "stamps": 10}
    assert after.next_check_at == clock.now() + timedelta(seconds=60)
    assert await worker.reconcile_due() == 0 and len(transport.activity_calls) == 1
    clock.advance(60)
    await worker.reconcile_due()
    assert len(transport.activity_calls) == 2
    await worker.stop()


async def test_one_line_two_unknown_entries_that_could_own_it_reconcile_neither(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    outbox = await make_outbox(NOT_HONOURED)
    worker = SyncWorker(outbox, transport)
    first = await _unknown(outbox, worker, transport)
    second = await enqueue_reward(outbox)
    transport.script = ["lost"]  # the second never reached the server, but nothing says so
    await worker.run_once(reconcile=False)
    assert await worker.reconcile_due() == 0
    for entry in (first, second):
        after = await outbox.get(entry.id)
        assert after is not None and after.status == EntryStatus.UNKNOWN
        assert after.evidence is not None
        assert after.evidence["result"] == "ambiguous: 2 unknown entries could own 1 line"
    await worker.stop()


async def test_an_unknown_entry_whose_attempts_ended_before_the_line_is_no_rival(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    # A 503 the server never applied leaves the member's first entry unknown for good. Minutes
    # later the same reward's answer is lost after it was applied: its line was made long after
    # the first entry's only attempt ended, so the first cannot own it and must not keep the
    # second "not confirmed" for ever.
    outbox = await make_outbox(NOT_HONOURED)
    worker = SyncWorker(outbox, transport)
    first = await _never_applied(outbox, worker, transport)
    assert await worker.reconcile_due() == 0
    clock.advance(5 * 60)
    second = await _unknown(outbox, worker, transport)
    assert await worker.reconcile_due() == 1
    found = await outbox.get(second.id)
    assert found is not None and found.status == EntryStatus.SYNCED
    assert found.evidence is not None and found.evidence["rivals"] == []
    still = await outbox.get(first.id)
    assert still is not None and still.status == EntryStatus.UNKNOWN
    await worker.stop()


async def test_identical_lines_in_one_second_are_told_apart(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    outbox = await make_outbox(NOT_HONOURED)
    worker = SyncWorker(outbox, transport)
    first = await _unknown(outbox, worker, transport)
    second = await _unknown(outbox, worker, transport)  # same reward, same clock second
    assert await worker.reconcile_due() == 2
    one, two = await outbox.get(first.id), await outbox.get(second.id)
    assert one is not None and two is not None
    assert one.status == two.status == EntryStatus.SYNCED
    assert one.reconciled_with != two.reconciled_with
    assert {one.reconciled_with, two.reconciled_with} == {
        f"{STORE}|{reward_name(1)}|10|{clock.now().isoformat()}#{n}" for n in (0, 1)
    }
    await worker.stop()


async def test_a_line_another_entry_was_answered_for_is_accounted(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    outbox = await make_outbox(NOT_HONOURED)
    worker = SyncWorker(outbox, transport)
    lost = await enqueue_reward(outbox)
    later = await enqueue_reward(outbox)
    transport.script = ["lost", "apply"]  # the first never applied; the second did, same reward
    await worker.run_once(reconcile=False)
    await worker.run_once(reconcile=False)
    synced = await outbox.get(later.id)
    assert synced is not None and synced.status == EntryStatus.SYNCED
    assert await worker.reconcile_due() == 0
    still = await outbox.get(lost.id)
    assert still is not None and still.status == EntryStatus.UNKNOWN
    assert still.evidence is not None and still.evidence["candidates"]
    await worker.stop()


async def test_feed_ids_match_exactly(make_outbox: OutboxFactory, transport: FakeTransport) -> None:
    transport.server.feed_has_ids = True
    outbox = await make_outbox(NOT_HONOURED)
    worker = SyncWorker(outbox, transport)
    entry = await _unknown(outbox, worker, transport)
    assert await worker.reconcile_due() == 1
    done = await outbox.get(entry.id)
    assert done is not None and done.reconciled_with == f"id:{transport.server.next_id}"
    await worker.stop()


async def test_a_line_a_manager_marked_applied_by_its_server_id_is_that_entry_s(
    make_outbox: OutboxFactory, transport: FakeTransport
) -> None:
    # Marked applied without the id, the entry owned no line the feed names by id: an unknown
    # entry for the same reward, never applied, was matched to the marked one's line.
    transport.server.feed_has_ids = True
    outbox = await make_outbox(NOT_HONOURED)
    worker = SyncWorker(outbox, transport)
    marked = await _unknown(outbox, worker, transport)
    seen = transport.server.next_id  # as the dashboard shows it
    await outbox.mark_applied(
        marked.id, note="on the dashboard", who="mgr", terminal="t", server_redemption_id=seen
    )
    never = await _never_applied(outbox, worker, transport)
    assert await worker.reconcile_due() == 0
    after = await outbox.get(never.id)
    assert after is not None and after.status == EntryStatus.UNKNOWN
    assert after.evidence is not None and after.evidence["result"] == "not_found"
    assert after.evidence["accounted_by_other_entries"] == 1
    await worker.stop()


async def test_wrong_store_name_stamps_or_time_do_not_match(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    outbox = await make_outbox(NOT_HONOURED)
    worker = SyncWorker(outbox, transport)
    entry = await enqueue_reward(outbox)
    transport.script = ["lost"]
    started = clock.now()
    early = started - timedelta(minutes=5)
    transport.server.feed += [
        ("m1", ActivityRecord(store=STORE + 1, stamps=10, name=reward_name(1), created=started)),
        ("m1", ActivityRecord(store=STORE, stamps=11, name=reward_name(1), created=started)),
        ("m1", ActivityRecord(store=STORE, stamps=10, name=reward_name(2), created=started)),
        ("m1", ActivityRecord(store=STORE, stamps=10, name=reward_name(1), created=early)),
    ]
    await worker.run_once()
    after = await outbox.get(entry.id)
    assert after is not None and after.status == EntryStatus.UNKNOWN
    await worker.stop()


async def test_a_line_at_a_store_the_till_cannot_tell_is_not_called_not_found(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    # A till without its store's code cannot tell its lines from another store's: a line alike
    # may be this redemption. "Not in the member's activity" would have a manager send it again.
    outbox = await make_outbox(NOT_HONOURED)
    worker = SyncWorker(outbox, transport)
    entry = await _never_applied(outbox, worker, transport)
    alike = ActivityRecord(store=None, stamps=10, name=reward_name(1), created=clock.now())
    other = replace(alike, name=reward_name(2))
    transport.server.feed += [("m1", alike), ("m1", other)]
    assert await worker.reconcile_due() == 0
    after = await outbox.get(entry.id)
    assert after is not None and after.status == EntryStatus.UNKNOWN
    assert after.evidence is not None and after.evidence["result"] == "store_unknown"
    assert [line["name"] for line in after.evidence["store_unknown"]] == [reward_name(1)]
    # none alike at any store: that one is not found
    transport.server.feed[-2] = ("m1", replace(alike, stamps=11))
    clock.advance(3600)
    assert await worker.reconcile_due() == 0
    after = await outbox.get(entry.id)
    assert after is not None and after.evidence is not None
    assert after.evidence["result"] == "not_found"
    await worker.stop()


async def test_a_feed_that_dates_a_line_after_the_look_proves_nothing(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    # The server applied it and stamped its line by a clock an hour ahead: outside the
    # attempt's window, it read "not in the member's activity", and a manager sent it again.
    outbox = await make_outbox(NOT_HONOURED)
    worker = SyncWorker(outbox, transport)
    entry = await _never_applied(outbox, worker, transport)
    ahead = ActivityRecord(
        store=STORE, stamps=10, name=reward_name(1), created=clock.now() + timedelta(hours=1)
    )
    transport.server.feed.append(("m1", ahead))
    assert await worker.reconcile_due() == 0
    after = await outbox.get(entry.id)
    assert after is not None and after.status == EntryStatus.UNKNOWN
    assert after.evidence is not None and after.evidence["result"] == "feed_unreadable"
    assert after.next_check_at is not None and after.next_check_at > clock.now()
    # within the clock skew it is a line like any other: this one is not the redemption's
    clock.advance(3600)
    transport.server.feed[-1] = ("m1", replace(ahead, created=clock.now() + timedelta(seconds=30)))
    assert await worker.reconcile_due() == 0
    after = await outbox.get(entry.id)
    assert after is not None and after.evidence is not None
    assert after.evidence["result"] == "not_found"
    await worker.stop()


async def test_a_line_made_after_the_attempt_ended_is_another_tills(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    # The feed names no till: a customer told "not confirmed" who redeems the same reward at the
    # next till (or the kiosk) minutes later leaves a line this entry's request cannot have made.
    outbox = await make_outbox(NOT_HONOURED)
    worker = SyncWorker(outbox, transport)
    entry = await _never_applied(outbox, worker, transport)
    clock.advance(5 * 60)
    line = ActivityRecord(store=STORE, stamps=10, name=reward_name(1), created=clock.now())
    transport.server.feed.append(("m1", line))
    assert await worker.reconcile_due() == 0
    after = await outbox.get(entry.id)
    assert after is not None and after.status == EntryStatus.UNKNOWN
    assert after.evidence is not None and after.evidence["result"] == "not_found"
    # one made within the skew of the attempt's end may still be its own
    transport.server.feed[-1] = ("m1", replace(line, created=clock.now() - timedelta(minutes=4)))
    clock.advance(60)
    assert await worker.reconcile_due() == 1
    await worker.stop()


async def test_a_line_the_feed_says_another_channel_made_is_not_the_kiosks(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    # The kiosk tells a customer "not confirmed"; they redeem the same reward at the counter at
    # once. The feed names the counter's line "POS": it is not the kiosk's entry's.
    outbox = await make_outbox(NOT_HONOURED)
    worker = SyncWorker(outbox, transport)
    entry = await _never_applied(outbox, worker, transport, channel=int(Channel.KIOSK))
    counter = ActivityRecord(
        store=STORE, stamps=10, name=reward_name(1), created=clock.now(), channel=Channel.POS
    )
    transport.server.feed.append(("m1", counter))
    assert await worker.reconcile_due() == 0
    after = await outbox.get(entry.id)
    assert after is not None and after.status == EntryStatus.UNKNOWN
    # a line the feed says the kiosk made (or says nothing of) may be its own
    transport.server.feed[-1] = ("m1", replace(counter, channel=Channel.KIOSK))
    clock.advance(60)
    assert await worker.reconcile_due() == 1
    await worker.stop()


@pytest.mark.parametrize(
    ("said", "channel"),
    [
        ("POS", Channel.POS),
        ("Kiosk", Channel.KIOSK),
        ("mobile app", Channel.MOBILE_APP),
        ("Call Center", Channel.CALL_CENTER),
        ("", None),
        ("Teleport", None),
    ],
)
def test_the_feeds_channel_names_are_read(said: str, channel: Channel | None) -> None:
    assert Channel.named(said) is channel


async def test_waits_while_another_entry_of_the_member_is_unsettled(
    make_outbox: OutboxFactory, transport: FakeTransport
) -> None:
    outbox = await make_outbox(NOT_HONOURED)
    worker = SyncWorker(outbox, transport)
    entry = await _unknown(outbox, worker, transport)
    await enqueue_reward(outbox)
    assert await outbox.claim("other") is not None  # in flight: its line could be the match
    assert await worker.reconcile_due() == 0
    after = await outbox.get(entry.id)
    assert after is not None and after.evidence is not None
    assert after.evidence["result"].startswith("deferred")
    await worker.stop()


async def test_an_unreadable_feed_is_tried_again_later(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    outbox = await make_outbox(NOT_HONOURED)
    worker = SyncWorker(outbox, transport)
    transport.activity_error = ConnectionFailed("offline")
    entry = await _unknown(outbox, worker, transport)
    assert await worker.reconcile_due() == 0
    after = await outbox.get(entry.id)
    assert after is not None and after.evidence is not None
    assert after.evidence["result"] == "feed_unreadable"
    transport.activity_error = None
    clock.advance(60)
    assert await worker.reconcile_due() == 1
    await worker.stop()


async def test_entries_without_an_expected_line_are_left_to_the_manager(
    make_outbox: OutboxFactory, transport: FakeTransport
) -> None:
    outbox = await make_outbox(NOT_HONOURED)
    worker = SyncWorker(outbox, transport)
    entry = await outbox.enqueue(
        OperationKind.VOUCHER,
        {"user": "m1", "voucher": 5, "store": STORE},
        lane="m1",
        user="m1",
        cashier="c",
        terminal="t",
    )
    transport.script = ["lost"]
    await worker.run_once()
    after = await outbox.get(entry.id)
    assert after is not None and after.status == EntryStatus.UNKNOWN
    assert after.evidence is not None and after.evidence["result"] == "cannot_reconcile"
    assert after.next_check_at is None and transport.activity_calls == []
    await worker.stop()


async def test_a_member_without_email_or_phone_is_not_looked_up_in_the_feed(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    # the feed takes "email/mobile number": without either the till cannot ask it
    outbox = await make_outbox(NOT_HONOURED)
    worker = SyncWorker(outbox, transport)
    entry = await enqueue_reward(outbox, user="")
    transport.script = ["applied_lost"]
    await worker.run_once()
    after = await outbox.get(entry.id)
    assert after is not None and after.status == EntryStatus.UNKNOWN
    assert after.evidence is not None and after.evidence["result"] == "cannot_reconcile"
    assert "email or phone" in after.evidence["why"]
    assert transport.activity_calls == []
    await worker.stop()


async def test_a_clock_moved_back_does_not_put_off_the_next_look_at_the_feed(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    outbox = await make_outbox(NOT_HONOURED)
    worker = SyncWorker(outbox, transport)
    await enqueue_reward(outbox)
    transport.script = ["lost"]
    await worker.run_once()  # unknown, not found: the next look in a minute
    assert len(transport.activity_calls) == 1
    clock.set_wall(clock.now() - timedelta(hours=2))
    clock.advance(60)
    await worker.reconcile_due()
    assert len(transport.activity_calls) == 2
    await worker.stop()


async def test_a_line_the_server_cancelled_since_proves_arrival_but_not_that_it_stands(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    # Ayu's answer was lost; a manager cancelled the redemption from the Stamps dashboard before
    # the till looked. The line proves it arrived (sending it again would apply what the
    # merchant cancelled), and says it no longer stands: its stamps went back to her.
    outbox = await make_outbox(NOT_HONOURED)
    worker = SyncWorker(outbox, transport)
    entry = await _unknown(outbox, worker, transport)
    user, line = transport.server.feed[-1]
    transport.server.feed[-1] = (user, replace(line, status=2))
    as_of = clock.now() - timedelta(seconds=1)
    assert await outbox.held_stamps(entry.lane, as_of=as_of) == 10  # unknown: held
    assert await worker.reconcile_due() == 1
    done = await outbox.get(entry.id)
    assert done is not None and done.status == EntryStatus.SYNCED and done.reconciled
    assert done.attempts == 1  # never sent again
    assert done.evidence is not None
    assert (done.evidence["line_status"], done.evidence["line_status_said"]) == ("cancelled", 2)
    assert line_status_of(done) is LineStatus.CANCELLED
    assert await outbox.held_stamps(entry.lane, as_of=as_of) == 0  # the server gave them back
    [event] = await outbox.audit_log(entry.id)
    assert (event.action, event.detail["line"]["line_status"]) == ("reconciled", "cancelled")
    await worker.stop()


@pytest.mark.parametrize(
    ("said", "reads"),
    [(1, LineStatus.STANDS), (3, LineStatus.UNREAD), (7, LineStatus.UNREAD), ("x", "unread")],
)
async def test_a_reconciled_entry_keeps_what_its_lines_status_said(
    make_outbox: OutboxFactory,
    transport: FakeTransport,
    clock: ManualClock,
    said: int | str,
    reads: LineStatus,
) -> None:
    # The match is the same whatever the status says: the line proves the request arrived.
    outbox = await make_outbox(NOT_HONOURED)
    worker = SyncWorker(outbox, transport)
    entry = await _unknown(outbox, worker, transport)
    user, line = transport.server.feed[-1]
    transport.server.feed[-1] = (user, replace(line, status=said))
    assert await worker.reconcile_due() == 1
    done = await outbox.get(entry.id)
    assert done is not None and done.status == EntryStatus.SYNCED
    assert line_status_of(done) is LineStatus(reads)
    assert done.evidence is not None and done.evidence["line_status_said"] == said
    # the audit trail's line says it too, beside the status as the feed wrote it
    [event] = await outbox.audit_log(entry.id)
    assert event.detail["line"]["line_status"] == LineStatus(reads).value
    assert event.detail["line"]["status"] == said
    held = await outbox.held_stamps(entry.lane, as_of=clock.now() - timedelta(seconds=1))
    assert held == 10  # not known to be cancelled: still taken off the balance read before
    await worker.stop()


async def test_a_failed_look_keeps_the_look_that_read_the_feed_apart_with_its_time(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    # The failed look's error was merged into the earlier look's lines read and matches: the
    # Exceptions said both under one "Looked at it twice, last at …"
    outbox = await make_outbox(NOT_HONOURED)
    worker = SyncWorker(outbox, transport)
    entry = await _never_applied(outbox, worker, transport)
    assert await worker.reconcile_due() == 0
    read = await outbox.get(entry.id)
    assert read is not None and read.evidence is not None
    assert read.evidence["result"] == "not_found"
    transport.activity_error = ConnectionFailed("offline")
    for _ in range(2):  # and the look that read it stays, whatever fails after it
        clock.advance(3600)
        assert await worker.reconcile_due() == 0
        after = await outbox.get(entry.id)
        assert after is not None and after.evidence is not None
        assert after.evidence["result"] == "feed_unreadable"
        assert after.evidence["checked_at"] == clock.now().isoformat()
        assert "lines_read" not in after.evidence and "candidates" not in after.evidence
        assert after.evidence["look_before"] == {
            k: v for k, v in read.evidence.items() if k != "checks"
        }
    assert after.evidence["checks"] == 3
    await worker.stop()
