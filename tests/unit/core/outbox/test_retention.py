"""What the outbox lets go on a till that runs for years, and what it never does: an entry's
attempts past its first and last few that never arrived are counted, not listed; settled rows
older than the retention go, a batch at a time; nothing unsettled, nor anything a kept row
needs, ever does."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from app.core.domain import EntryStatus, Outcome
from app.core.outbox import Outbox
from app.core.outbox.retention import FIRST_KEPT, LAST_KEPT
from app.core.services.receipts import accepted_to_send_again, receipt_for
from app.core.services.upkeep import fold_all_attempts, forget_all_settled
from app.core.storage.tables import ATTEMPTS, BALANCES, ENTRIES, REFUSALS, SHIFTS

from ..conftest import OldRows

# Long enough ago that the audit log's trigger (90 days by SQLite's own clock) lets it go.
LONG_AGO = datetime(2024, 1, 10, 9, 0, tzinfo=UTC)
KEEP = timedelta(days=400)


async def test_an_entry_retried_for_days_keeps_its_first_and_last_attempts_and_counts_the_rest(
    outbox: Outbox, old_rows: OldRows
) -> None:
    # Offline for days: 1,204 tries, none arrived, one on its way now; the fifth was ambiguous
    # (a read timeout), evidence the reconciliation needs, and stays listed.
    tries = [Outcome.NEVER_ARRIVED] * 1_203 + [None]
    tries[4] = Outcome.AMBIGUOUS
    start = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)

    def seed(session: Any) -> None:
        old_rows.entry(session, "e1", EntryStatus.SENDING, start, attempts=len(tries))
        old_rows.attempts(session, "e1", tries, start)

    await outbox.db.write(seed)
    folded = await fold_all_attempts(outbox.db, batch=100)  # thirteen batches
    assert folded == 1_204 - FIRST_KEPT - 1 - LAST_KEPT
    listed = [a.number for a in await outbox.attempts("e1")]
    assert listed == [1, 2, 3, 5, *range(1_204 - LAST_KEPT + 1, 1_205)]
    assert (await outbox.get("e1")).attempts == 1_204  # type: ignore[union-attr]
    (tally,) = await outbox.folded_attempts("e1")
    assert (tally.outcome, tally.count) == (Outcome.NEVER_ARRIVED, folded)
    assert tally.first_started_at == start + timedelta(minutes=5 * 3)  # attempt 4
    assert tally.last_ended_at == start + timedelta(minutes=5 * (1_184 - 1) + 1)  # 1,184
    # the next day's round folds what has fallen out of the last 20 since, into the same count
    await outbox.db.write(
        lambda s: (
            s.execute(
                sa.update(ATTEMPTS)
                .where(ATTEMPTS.c.entry_id == "e1", ATTEMPTS.c.number == 1_204)
                .values(outcome=Outcome.NEVER_ARRIVED, ended_at=start + timedelta(days=5))
            ),
            s.execute(
                sa.insert(ATTEMPTS).values(
                    entry_id="e1",
                    number=1_205,
                    lease_owner="w1",
                    started_at=start + timedelta(days=5, minutes=5),
                    ended_at=start + timedelta(days=5, minutes=6),
                    outcome=Outcome.NEVER_ARRIVED,
                )
            ),
            s.execute(sa.update(ENTRIES).where(ENTRIES.c.id == "e1").values(attempts=1_205)),
        )
    )
    assert await fold_all_attempts(outbox.db) == 1
    (tally,) = await outbox.folded_attempts("e1")
    assert tally.count == folded + 1
    assert len(await outbox.attempts("e1")) == FIRST_KEPT + 1 + LAST_KEPT


async def test_an_entry_with_few_attempts_keeps_every_one(
    outbox: Outbox, old_rows: OldRows
) -> None:
    start = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)

    def seed(session: Any) -> None:
        old_rows.entry(session, "e1", EntryStatus.QUEUED, start, attempts=FIRST_KEPT + LAST_KEPT)
        old_rows.attempts(session, "e1", [Outcome.NEVER_ARRIVED] * (FIRST_KEPT + LAST_KEPT), start)

    await outbox.db.write(seed)
    assert await fold_all_attempts(outbox.db) == 0
    assert len(await outbox.attempts("e1")) == FIRST_KEPT + LAST_KEPT


@pytest.mark.parametrize(
    ("between", "said"),
    [("ConnectionFailed: offline", "offline"), ("RateLimited: slow down", "sent_again")],
)
async def test_a_redemption_accepted_before_the_till_recorded_why_keeps_its_words_once_folded(
    outbox: Outbox, old_rows: OldRows, between: str, said: str
) -> None:
    # Accepted before migration 0013 recorded why, its words are guessed from its attempts:
    # "accepted to send again" when every failure was a 429 or a 408. 429s, then a day the line
    # was down, then 408s, then confirmed: "handed over when the till accepted it offline".
    # Folded, only the 429s and 408s were listed and it read "accepted to send again".
    errors: list[str | None] = [
        *["RateLimited: slow down"] * FIRST_KEPT,
        *[between] * 30,
        *["RequestTimedOut: Request Timeout"] * LAST_KEPT,
        None,
    ]
    start = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)

    def seed(session: Any) -> None:
        old_rows.entry(
            session,
            "e1",
            EntryStatus.SYNCED,
            start,
            attempts=len(errors),
            provisional=True,
            response={"redemption": {"id": 3}},
        )
        outcomes = [Outcome.NEVER_ARRIVED if e else Outcome.APPLIED for e in errors]
        old_rows.attempts(session, "e1", outcomes, start, errors)

    async def words() -> str:
        confirmed = await outbox.get("e1")
        assert confirmed is not None
        sent_again = accepted_to_send_again(confirmed, await outbox.attempts("e1"))
        return receipt_for(confirmed, sent_again=sent_again).what_to_do.id

    await outbox.db.write(seed)
    assert await words() == f"receipt.confirmed.{said}.todo"
    folded = await fold_all_attempts(outbox.db)
    assert await words() == f"receipt.confirmed.{said}.todo"
    # one failure of another kind is kept, not the day of them: still bounded
    kept = 1 if said == "offline" else 0
    assert folded == len(errors) - FIRST_KEPT - LAST_KEPT - kept


#: Nothing more will happen to these: forgotten once old. The others wait for the server or
#: a manager (a rejected one until it is dismissed or sent again), whatever their age.
FORGOTTEN_WHEN_OLD = {"synced", "voided", "expired", "dismissed"}


@pytest.mark.parametrize("status", list(EntryStatus))
async def test_an_old_entry_goes_only_when_it_is_settled(
    outbox: Outbox, old_rows: OldRows, status: EntryStatus
) -> None:
    assert {s.value for s in EntryStatus} - FORGOTTEN_WHEN_OLD == {
        "queued",
        "sending",
        "unknown",
        "rejected",
    }  # a new status must be placed here on purpose

    def seed(session: Any) -> None:
        old_rows.entry(session, "e1", status, LONG_AGO, attempts=1)
        old_rows.attempts(session, "e1", [Outcome.NEVER_ARRIVED], LONG_AGO)
        old_rows.audit(session, LONG_AGO, "e1")
        session.execute(
            sa.insert(BALANCES).values(
                lane="member:6", stamps=4, updated_at=LONG_AGO, entry_id="e1"
            )
        )

    await outbox.db.write(seed)
    gone = await forget_all_settled(outbox.db, KEEP)
    settled = status.value in FORGOTTEN_WHEN_OLD
    assert gone.entries == gone.audit_lines == int(settled)
    left = old_rows.read("SELECT id FROM outbox_entries")
    assert left == ([] if settled else [("e1",)])
    assert len(old_rows.read("SELECT id FROM outbox_attempts")) == int(not settled)
    assert len(old_rows.read("SELECT id FROM audit_log")) == int(not settled)
    # the member's balance stays whatever happens to the entry that last said it
    assert old_rows.read("SELECT stamps FROM member_balances") == [(4,)]


async def test_what_a_kept_row_needs_stays_and_the_rest_goes_in_batches(
    outbox: Outbox, old_rows: OldRows
) -> None:
    recent = datetime.now(UTC) - timedelta(days=30)

    def seed(session: Any) -> None:
        # a synced redemption whose cancel still waits to be sent: both stay
        old_rows.entry(session, "redeemed", EntryStatus.SYNCED, LONG_AGO)
        old_rows.entry(
            session,
            "its-cancel",
            EntryStatus.QUEUED,
            LONG_AGO,
            kind="cancel",
            cashier="Wayan",
            cancels="redeemed",
            shift_id=1,
        )
        # an old redemption and its settled cancel: the cancel goes, then the redemption
        old_rows.entry(session, "old", EntryStatus.SYNCED, LONG_AGO)
        old_rows.entry(
            session,
            "old-cancel",
            EntryStatus.SYNCED,
            LONG_AGO,
            kind="cancel",
            cashier="Wayan",
            cancels="old",
        )
        # settled long ago but changed within the retention (a late reconcile): stays
        old_rows.entry(session, "late", EntryStatus.SYNCED, LONG_AGO)
        session.execute(sa.update(ENTRIES).where(ENTRIES.c.id == "late").values(updated_at=recent))
        # a month old: stays
        old_rows.entry(session, "recent", EntryStatus.SYNCED, recent)
        for n in range(5):
            old_rows.entry(session, f"plain-{n}", EntryStatus.SYNCED, LONG_AGO)
        old_rows.audit(session, LONG_AGO)  # a sign-in two years ago: goes
        old_rows.audit(session, recent)  # last month's: stays
        old_rows.audit(session, LONG_AGO, "its-cancel")  # about an unsettled entry: stays
        session.execute(
            sa.insert(REFUSALS).values(
                at=LONG_AGO,
                cashier="Dewi",
                terminal="t1",
                kind="reward",
                description="Kopi",
                reason={"id": "policy.x", "params": {}},
                source="till",
            )
        )
        # shifts: 1 holds the waiting cancel, 2 nothing left, 3 still open, 4 closed last month
        session.execute(
            sa.insert(SHIFTS),
            [
                {"id": n, "cashier": "Wayan", "terminal": "t1", "opened_at": o, "closed_at": c}
                for n, o, c in [
                    (1, LONG_AGO, LONG_AGO),
                    (2, LONG_AGO, LONG_AGO),
                    (3, LONG_AGO, None),
                    (4, recent, recent),
                ]
            ],
        )

    await outbox.db.write(seed)
    gone = await forget_all_settled(outbox.db, KEEP, batch=2)
    assert (gone.entries, gone.audit_lines, gone.refusals, gone.shifts) == (7, 1, 1, 1)
    assert old_rows.read("SELECT id FROM shifts ORDER BY id") == [(1,), (3,), (4,)]
    left = sorted(r[0] for r in old_rows.read("SELECT id FROM outbox_entries"))
    assert left == ["its-cancel", "late", "recent", "redeemed"]
    assert len(old_rows.read("SELECT id FROM audit_log")) == 2
    assert old_rows.read("SELECT id FROM refusals") == []


async def test_the_database_refuses_to_delete_an_audit_line_less_than_90_days_old(
    outbox: Outbox, old_rows: OldRows
) -> None:
    await outbox.db.write(lambda s: old_rows.audit(s, datetime.now(UTC) - timedelta(days=89)))
    # the purge leaves it (a till whose clock runs a year ahead cannot take it either) ...
    assert (await forget_all_settled(outbox.db, timedelta(days=-365))).audit_lines == 0
    # ... and the database itself refuses a delete that would
    with closing(sqlite3.connect(old_rows.db_path)) as connection:
        with pytest.raises(sqlite3.IntegrityError, match="keeps its last 90 days"):
            connection.execute("DELETE FROM audit_log")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            connection.execute("UPDATE audit_log SET who = 'someone else'")
