"""A manager's decisions that reach past this till: cancelling by the server's redemption id, and
sending a PIN-authorised redemption again under a new authorisation."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlmodel import Session

from app.core.clock import ManualClock
from app.core.domain import AcceptedAs, Channel, EntryStatus, OperationKind
from app.core.messages import say
from app.core.outbox import Outbox, OutboxError, SyncWorker
from app.core.outbox.outbox import EntryRecord
from app.core.storage.tables import OutboxEntry

from .conftest import enqueue_reward
from .fakes import FakeTransport

WHO = {"who": "Ayu", "terminal": "till-1"}
ELSEWHERE = 777  # a redemption another till or a kiosk made


async def test_a_redemption_made_elsewhere_gets_a_cancel_entry_of_its_own(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport
) -> None:
    cancel = await outbox.cancel_by_server_id(
        ELSEWHERE, True, lane="m1", user="m1", note="wrong member at the kiosk", **WHO
    )
    assert (cancel.kind, cancel.status, cancel.lane, cancel.cancels) == (
        "cancel",
        "queued",
        "m1",
        None,
    )
    assert cancel.payload == {"id": ELSEWHERE, "create_replacement_voucher": True}
    again = await outbox.cancel_by_server_id(ELSEWHERE, lane="m1", user="m1", **WHO)
    assert again.id == cancel.id  # asking twice: the same cancel
    await worker.run_once()
    done = await outbox.get(cancel.id)
    assert done is not None and done.status == EntryStatus.SYNCED
    assert transport.server.cancelled == {ELSEWHERE}
    [line] = await outbox.audit_log(cancel.id)
    assert (line.who, line.action) == ("Ayu", "cancel_by_server_id")
    assert line.detail == {
        "server_redemption_id": ELSEWHERE,
        "replacement_voucher": True,
        "note": "wrong member at the kiosk",
    }


async def test_a_remote_cancel_waits_behind_the_members_queued_entries(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport
) -> None:
    first = await enqueue_reward(outbox, lane="m1")
    cancel = await outbox.cancel_by_server_id(ELSEWHERE, lane="m1", user="m1", **WHO)
    await worker.run_once()  # one entry of a lane at a time: the member's redemption first
    assert [kind for kind, _, _ in transport.calls] == [OperationKind.REWARD]
    await worker.run_once()
    assert [key for _, _, key in transport.calls] == [first.id, cancel.id]


async def test_a_server_id_of_this_till_cancels_its_entry(
    outbox: Outbox, worker: SyncWorker
) -> None:
    entry = await enqueue_reward(outbox, lane="m1")
    await worker.run_once()
    synced = await outbox.get(entry.id)
    assert synced is not None and synced.server_redemption_id is not None
    assert (await outbox.local_redemption(synced.server_redemption_id)) == synced
    cancel = await outbox.cancel_by_server_id(
        synced.server_redemption_id, lane="other", user="other", **WHO
    )
    assert (cancel.cancels, cancel.lane) == (entry.id, "m1")  # its own lane, not the one given
    assert [line.action for line in await outbox.audit_log(entry.id)] == ["cancel"]


async def pin_entry(outbox: Outbox, worker: SyncWorker, transport: FakeTransport) -> str:
    """A PIN-authorised redemption the server refused."""
    request_id = str(uuid.uuid4())
    entry = await outbox.enqueue(
        OperationKind.MULTI,
        {"user": "m1", "store": 7, "rewards": [{"code": "A", "qty": 1, "request_id": request_id}]},
        lane="m1",
        user="m1",
        cashier="Rina",
        terminal="till-1",
        entry_id=request_id,
    )
    transport.script = ["refuse"]
    await worker.run_once()
    refused = await outbox.get(entry.id)
    assert refused is not None and refused.status == EntryStatus.REJECTED
    return entry.id


async def test_a_pin_redemption_is_sent_again_only_under_a_new_authorisation(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport, clock: ManualClock
) -> None:
    original = await pin_entry(outbox, worker, transport)
    with pytest.raises(OutboxError, match="ask for their PIN again"):
        await outbox.retry(original, note="member back at the counter", **WHO)
    still = await outbox.get(original)
    assert still is not None and still.status == EntryStatus.REJECTED  # nothing written

    fresh = str(uuid.uuid4())
    expires = clock.now() + timedelta(minutes=15)
    retried = await outbox.retry(
        original, note="member back", request_id=fresh, expires_at=expires, **WHO
    )
    assert (retried.id, retried.depends_on, retried.expires_at) == (fresh, original, expires)
    assert retried.payload["rewards"][0]["request_id"] == fresh
    await worker.run_once()
    kind, payload, key = transport.calls[-1]
    assert (kind, key) == (OperationKind.MULTI, fresh)
    assert payload["rewards"] == [{"code": "A", "qty": 1, "request_id": fresh}]


async def test_a_redemption_without_a_pin_is_not_given_one(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport
) -> None:
    entry = await enqueue_reward(outbox)
    transport.script = ["refuse"]
    await worker.run_once()
    with pytest.raises(OutboxError, match="not made with a PIN"):
        await outbox.retry(entry.id, request_id=str(uuid.uuid4()), **WHO)


async def test_a_retry_is_sent_on_the_sending_tills_channel(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport
) -> None:
    # a kiosk's redemption the server refused, retried by a manager at the counter
    entry = await enqueue_reward(outbox, channel=Channel.KIOSK)
    transport.script = ["refuse"]
    await worker.run_once()
    retried = await outbox.retry(
        entry.id, note="at the counter", channel=Channel.POS, store=33, **WHO
    )
    await worker.run_once()
    _, payload, key = transport.calls[-1]
    assert (key, payload["channel"], payload["store"]) == (retried.id, Channel.POS, 33)
    assert retried.expect_store == 33  # found in the member's feed at the store it went for
    assert retried.expires_at is None  # the counter bounds nothing without a PIN


async def test_a_retry_keeps_what_the_record_said_of_the_redemption(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport
) -> None:
    # The day's totals and the history read the member's name, the cashier's words and the
    # rupiah from the entry: a retry that lost them counted a voucher's Rp 50.000 as nothing.
    record = EntryRecord(
        shift_id=7, member_name="Ayu Pratiwi", description="Rp 50.000 from Saldo", rupiah=50_000
    )
    entry = await enqueue_reward(outbox, record=record)
    transport.script = ["refuse"]
    await worker.run_once()
    retried = await outbox.retry(entry.id, note="at the counter", **WHO)
    assert (retried.member_name, retried.description, retried.rupiah) == (
        "Ayu Pratiwi",
        "Rp 50.000 from Saldo",
        50_000,
    )
    # a manager's decision, not a cashier's sale: no shift of the till's claims it
    assert retried.shift_id is None


async def test_a_retried_cancel_names_no_channel(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport
) -> None:
    cancel = await outbox.cancel_by_server_id(ELSEWHERE, lane="m1", user="m1", **WHO)
    transport.script = ["refuse"]
    await worker.run_once()
    retried = await outbox.retry(cancel.id, note="again", channel=Channel.POS, store=33, **WHO)
    assert retried.payload == {"id": ELSEWHERE, "create_replacement_voucher": False}


async def test_a_cancel_carries_the_managers_note(outbox: Outbox) -> None:
    entry = await enqueue_reward(outbox)
    voided = await outbox.cancel(entry.id, note="customer changed their mind", **WHO)
    assert voided.note == "cancelled by Ayu before it was sent: customer changed their mind"
    [line] = await outbox.audit_log(entry.id)
    assert line.detail == {"note": "customer changed their mind"}


async def test_a_redemption_dismissed_by_a_manager_has_nothing_to_cancel_in_words(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport
) -> None:
    entry = await enqueue_reward(outbox)
    transport.script = ["refuse"]
    await worker.run_once()
    await outbox.dismiss(entry.id, note="member left", **WHO)
    with pytest.raises(OutboxError) as refused:
        await outbox.cancel(entry.id, **WHO)
    # the till's word for the status ("dismissed") is no parameter: a screen says it all
    assert refused.value.said is not None and refused.value.said.params == {}
    assert str(refused.value) == (
        "Nothing to cancel: a manager closed this redemption. If it was sent again, cancel the "
        "new one."
    )


async def test_a_decision_on_an_entry_settled_meanwhile_says_so_in_words(
    outbox: Outbox, worker: SyncWorker
) -> None:
    # A manager had the entry open while the worker confirmed it: the refusal is a sentence of
    # its own in either language, not the till's words for statuses ("rejected or unknown").
    entry = await enqueue_reward(outbox)
    await worker.run_once()
    with pytest.raises(OutboxError) as refused:
        await outbox.retry(entry.id, note="again", **WHO)
    assert refused.value.said is not None and refused.value.said.params == {}
    assert str(refused.value) == (
        "This redemption has been confirmed meanwhile: there is nothing left to decide."
    )


@pytest.mark.parametrize("status", list(EntryStatus))
def test_every_state_an_entry_can_be_in_has_a_refusal_of_its_own(status: EntryStatus) -> None:
    # a state added without its sentence would fail here, not in a manager's hands
    assert say(f"decision.wrong_state.{status.value}").params == {}


@pytest.mark.parametrize(
    ("last_error", "recorded"),
    [
        ("RateLimited: Too Many Requests", AcceptedAs.SLOWED),
        ("RequestTimedOut: Request Timeout", AcceptedAs.TIMED_OUT),
        ("RequestTimedOut", AcceptedAs.TIMED_OUT),
        ("ConnectionFailed: connection refused", AcceptedAs.OFFLINE),
        (None, AcceptedAs.OFFLINE),  # no attempt made: the till knew itself offline
    ],
)
async def test_an_unsent_redemption_accepted_records_why(
    outbox: Outbox, last_error: str | None, recorded: AcceptedAs
) -> None:
    # Its screens said why from its attempts, which go on after it is accepted: a till offline
    # when it accepted, whose attempts once the line came back were 408s, read "sent again".
    entry = await enqueue_reward(outbox)
    await outbox.db.write(lambda s: _last_error(s, entry.id, last_error))
    accepted = await outbox.accept_unsent_offline(entry.id)
    assert accepted is not None and accepted.provisional
    assert accepted.accepted_as == recorded


def _last_error(session: Session, entry_id: str, error: str | None) -> None:
    found = session.get(OutboxEntry, entry_id)
    assert found is not None
    found.last_error = error
    session.add(found)
