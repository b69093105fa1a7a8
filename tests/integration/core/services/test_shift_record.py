"""The shift's record is whole and survives a restart: every redemption and every refusal (those
made before anything was queued too), its summary with rupiah totals, and the CSV a manager
reconciles the day from."""

from __future__ import annotations

import asyncio
import csv
import errno
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.config import Settings
from app.core.credentials import Secret
from app.core.domain import EntryStatus, OperationKind
from app.core.messages import english, say
from app.core.services.audit_log import AuditFilter
from app.core.services.history_filter import HistoryFilter
from app.core.services.receipts import Verdict
from app.core.services.refusals import Refused
from app.core.services.runtime import RuntimeOptions, open_till
from app.core.services.shift import CSV_COLUMNS
from app.core.services.till import Sale
from app.sandbox import DEMO_TOKEN

from ...conftest import SandboxControl

pytestmark = pytest.mark.integration

AYU, HENDRA = "customer@stamps.co.id", "hendra.gunawan@contoh.co.id"


async def test_the_shift_records_everything_and_survives_a_restart(
    till_settings: Settings, sandbox: SandboxControl, tmp_path: Path
) -> None:
    config = till_settings.till_config()
    async with open_till(config, Secret(DEMO_TOKEN)) as till:
        shift = await till.shift_record.open_shift("Dewi")
        sale = Sale("Dewi", shift.id, invoice_number="INV-0002")
        ayu = await till.lookup.find_member(AYU)
        coffee = await till.redeemer.redeem(await till.catalogue.reward_order(ayu, 1), ayu, sale)
        assert (await till.wait(coffee.entry_id)).verdict is Verdict.CONFIRMED
        order, facts = await till.catalogue.deduct_order(ayu, 12, 50_000)
        deduct = await till.redeemer.redeem(order, ayu, sale, voucher=facts)
        assert (await till.wait(deduct.entry_id)).verdict is Verdict.CONFIRMED
        # A refusal by the till's own rules, before anything is queued: on the record.
        hendra = await till.lookup.find_member(HENDRA)
        with pytest.raises(Refused):
            await till.redeemer.redeem(await till.catalogue.reward_order(hendra, 1), hendra, sale)
        # One the window or the command line records (an order the catalogue refused).
        await till.redeemer.record_refusal(
            ayu,
            sale,
            kind=OperationKind.VOUCHER,
            what=say("what.voucher", name="#5098"),
            reason=say("order.voucher_not_members", voucher=5098),
        )

    async with open_till(config, Secret(DEMO_TOKEN), RuntimeOptions(start_worker=False)) as till:
        [still_open] = await till.shift_record.open_shifts()
        assert still_open.id == shift.id and still_open.cashier == "Dewi"
        again = await till.shift_record.open_shift(
            "Dewi"
        )  # signing in after the restart continues it
        assert again.id == shift.id
        summary = await till.shift_record.shift_summary(shift.id)
        assert summary.count(Verdict.CONFIRMED) == 2
        assert summary.count(Verdict.REFUSED) == 2
        assert summary.stamps_redeemed == 20
        assert summary.rupiah_redeemed == 50_000
        assert summary.vouchers_used == 1
        reasons = {row.member: str(row.reason) for row in summary.refusals}
        assert reasons["Hendra Gunawan"] == "This member is blocked. Ask them to contact the store."
        assert reasons["Ayu Pratiwi"] == "Voucher 5098 is not one of this member's vouchers."

        path = await till.shift_record.export_shift(shift.id, tmp_path / "shift.csv")
        # its members' names left the till: on record, under the shift's cashier
        exported = (await till.audit.lines(AuditFilter(action="csv_exported")))[-1]
        assert (exported.who, exported.entry_id) == ("Dewi", None)
        assert exported.detail == {"export": "shift", "file": str(path), "rows": 4}
        closed = await till.shift_record.close_shift(shift.id)
        assert closed is not None and closed.closed_at is not None
        assert await till.shift_record.open_shifts() == []
        # on the audit log under its cashier, once: closing it again changes nothing
        await till.shift_record.close_shift(shift.id)
        [ended] = await till.audit.lines(AuditFilter(action="shift_closed"))
        assert (ended.who, ended.at, ended.terminal) == ("Dewi", closed.closed_at, config.terminal)
        assert ended.detail == {"shift": shift.id, "opened_at": shift.opened_at.isoformat()}

    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
        rows = list(reader)
    assert [(r["kind"], r["what"], r["status"]) for r in rows] == [
        ("reward", "Es Kopi Susu Gula Aren", "confirmed"),
        ("deduct", "Rp 50.000 from Saldo Hadiah Rindang", "confirmed"),
        ("reward", "Es Kopi Susu Gula Aren", "refused"),
        ("voucher", "Voucher used: #5098", "refused"),
    ]
    for row in rows:
        assert datetime.fromisoformat(row["time"]).utcoffset() is not None  # ISO 8601, zoned
        assert row["cashier"] == "Dewi" and row["invoice"] == "INV-0002"
    assert [r["rupiah"] for r in rows] == ["0", "50000", "0", "0"]
    assert [r["stamps"] for r in rows] == ["20", "0", "20", "0"]
    assert rows[0]["member"] == "Ayu Pratiwi" and rows[0]["server_redemption_id"].isdigit()
    assert rows[2]["reason"] == "This member is blocked. Ask them to contact the store."


async def test_the_day_joins_every_shift_and_counts_refusals_made_before_queueing(
    till_settings: Settings, sandbox: SandboxControl, tmp_path: Path
) -> None:
    async with open_till(till_settings.till_config(), Secret(DEMO_TOKEN)) as till:
        started = datetime.now().astimezone()
        first = await till.shift_record.open_shift("Dewi")
        ayu = await till.lookup.find_member(AYU)
        coffee = await till.redeemer.redeem(
            await till.catalogue.reward_order(ayu, 1), ayu, Sale("Dewi", first.id)
        )
        assert (await till.wait(coffee.entry_id)).verdict is Verdict.CONFIRMED
        await till.shift_record.close_shift(first.id)
        second = await till.shift_record.open_shift("Rina")
        hendra = await till.lookup.find_member(HENDRA)
        with pytest.raises(Refused):
            await till.redeemer.redeem(
                await till.catalogue.reward_order(hendra, 1), hendra, Sale("Rina", second.id)
            )
        # What the till asked Rina to put right first, as a release before recorded it: no
        # customer was turned away, so neither her shift nor the day counts or lists it.
        for reason in (say("code.invoice_too_long", limit=64), say("order.cart_empty")):
            await till.redeemer.record_refusal(
                hendra,
                Sale("Rina", second.id),
                kind=OperationKind.REWARD,
                what=say("what.reward", name="Kopi"),
                reason=reason,
            )
        until = datetime.now().astimezone()

        day = await till.shift_record.day(started, until)
        path = tmp_path / "day.csv"
        await till.shift_record.export_day(started, until, path)
        rinas = await till.shift_record.shift_summary(second.id)
        shift_csv = await till.shift_record.export_shift(second.id, tmp_path / "shift.csv")
        kept = await till.shifts.refusals(second.id)

    assert len(kept) == 3  # the old rows stay on the record, as they were written
    assert [(row.status, row.what) for row in rinas.refusals] == [
        (Verdict.REFUSED, "Es Kopi Susu Gula Aren")
    ]
    assert rinas.count(Verdict.REFUSED) == 1
    with shift_csv.open(encoding="utf-8", newline="") as handle:
        assert [r["status"] for r in csv.DictReader(handle)] == ["refused"]
    assert [row.member for row in day.refused_at_the_counter] == ["Hendra Gunawan"]

    assert [(s.cashier, s.closed_at is not None) for s in day.shifts] == [
        ("Dewi", True),
        ("Rina", False),
    ]
    per_cashier = {
        name: [(line.kind, line.standing, line.count) for line in lines]
        for name, lines in day.summary.per_cashier().items()
    }
    assert per_cashier == {
        "Dewi": [("reward", "confirmed", 1)],
        "Rina": [("reward", "refused", 1)],
    }
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["cashier"], r["status"]) for r in rows] == [
        ("Dewi", "confirmed"),
        ("Rina", "refused"),
    ]


async def test_a_redemption_cancelled_on_the_server_is_not_counted_as_redeemed(
    till_settings: Settings, sandbox: SandboxControl, tmp_path: Path
) -> None:
    # A manager reconciles the shift and the day against the server: a cancel the server
    # confirmed gave the stamps back; one it has not confirmed yet leaves the redemption standing.
    config = till_settings.till_config()
    started = datetime.now().astimezone()
    async with open_till(config, Secret(DEMO_TOKEN)) as till:
        await till.staff.add_first_manager("Wayan", Secret("246810"))
        await till.manager.enter("Wayan", Secret("246810"))
        shift = await till.shift_record.open_shift("Dewi")
        ayu = await till.lookup.find_member(AYU)
        made = []
        for invoice in ("INV-1", "INV-2", "INV-3"):
            sale = Sale("Dewi", shift.id, invoice_number=invoice)
            receipt = await till.redeemer.redeem(
                await till.catalogue.reward_order(ayu, 1), ayu, sale
            )
            assert (await till.wait(receipt.entry_id)).verdict is Verdict.CONFIRMED
            made.append(receipt.entry_id)
        cancel = await till.manager.cancel(made[0])
        assert (await till.wait(cancel.entry_id)).verdict is Verdict.CONFIRMED
    assert sandbox.stamps(AYU) == 250 - 2 * 20

    # The second one's cancel is asked for while nothing is sent: not done yet.
    options = RuntimeOptions(start_worker=False)
    async with open_till(config, Secret(DEMO_TOKEN), options) as till:
        await till.manager.enter("Wayan", Secret("246810"))
        pending = await till.manager.cancel(made[1])
        assert pending.status == "queued"
        summary = await till.shift_record.shift_summary(shift.id)
        path = await till.shift_record.export_shift(shift.id, tmp_path / "shift.csv")
        until = datetime.now().astimezone()
        day = await till.shift_record.day(started, until)
        day_path = tmp_path / "day.csv"
        await till.shift_record.export_day(started, until, day_path)

    assert summary.stamps_redeemed == 40
    assert summary.count(Verdict.CONFIRMED) == 2
    assert summary.count(Verdict.CANCELLED) == 1
    expected = [
        ("INV-1", "cancelled", "Cancelled"),
        ("INV-2", "confirmed", "Cancel pending"),
        ("INV-3", "confirmed", ""),
    ]
    for written in (path, day_path):
        with written.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert [(r["invoice"], r["status"], r["reason"]) for r in rows] == expected
    totals = [(line.kind, line.standing, line.count, line.stamps) for line in day.summary.totals()]
    assert totals == [("reward", "confirmed", 2, 40), ("reward", "cancelled", 1, 20)]


async def test_what_a_manager_decided_is_the_reason_in_the_shift_and_the_days_csv(
    till_settings: Settings, sandbox: SandboxControl, tmp_path: Path
) -> None:
    # A manager reconciling a bad day from the CSV tells a redemption they closed, sent again,
    # marked applied or voided from one another, and from what the server itself confirmed: each
    # reason names the decision, who took it and their note (it was empty for all four).
    # Without idempotency or the store's code an answer lost after applying stays unknown.
    settings = till_settings.model_copy(update={"idempotency": "unknown", "store_code": None})
    config = settings.till_config()
    started = datetime.now().astimezone()
    async with open_till(config, Secret(DEMO_TOKEN), RuntimeOptions(start_worker=False)) as till:
        await till.staff.add_first_manager("Wayan", Secret("246810"))
        await till.manager.enter("Wayan", Secret("246810"))
        shift = await till.shift_record.open_shift("Dewi")
        ayu = await till.lookup.find_member(AYU)

        async def redeem(invoice: str) -> str:
            sale = Sale("Dewi", shift.id, invoice_number=invoice)
            receipt = await till.redeemer.redeem(
                await till.catalogue.reward_order(ayu, 1), ayu, sale
            )
            return receipt.entry_id

        voided = await redeem("INV-VOID")
        await till.manager.cancel(voided, note="wrong reward")

    async with open_till(config, Secret(DEMO_TOKEN)) as till:
        await till.manager.enter("Wayan", Secret("246810"))
        sandbox.faults(drop_rate=1.0, drop_after_apply=True, scope="redemptions")
        applied = await redeem("INV-APPLIED")
        await till.wait(applied, 10.0)
        sandbox.faults(drop_rate=0.0, error_rate=1.0, error_statuses=[400], scope="redemptions")
        closed = await redeem("INV-CLOSED")
        again = await redeem("INV-AGAIN")
        await till.wait(closed, 10.0)
        await till.wait(again, 10.0)
        sandbox.faults(error_rate=0.0)
        confirmed = await redeem("INV-OK")
        assert (await till.wait(confirmed, 10.0)).verdict is Verdict.CONFIRMED
        cancelled = await redeem("INV-CANCEL")
        assert (await till.wait(cancelled, 10.0)).verdict is Verdict.CONFIRMED
        cancel = await till.manager.cancel(cancelled, note="the member changed their mind")
        assert (await till.wait(cancel.entry_id, 10.0)).status is EntryStatus.SYNCED
        await till.manager.mark_applied(applied, note="seen on the dashboard as 2001")
        await till.manager.dismiss(closed, note="told the member")
        new = await till.manager.retry(again, note="=the member asked again")
        assert (await till.wait(new.entry_id, 10.0)).verdict is Verdict.CONFIRMED
        [marked] = await till.history.rows(HistoryFilter(entry_ids=frozenset({applied})))
        shift_csv = await till.shift_record.export_shift(shift.id, tmp_path / "shift.csv")
        until = datetime.now().astimezone()
        day_csv = tmp_path / "day.csv"
        await till.shift_record.export_day(started, until, day_csv)

    # counted as confirmed, as the totals count it, but on whose word is said
    assert (marked.verdict, english(marked.standing)) == (
        Verdict.CONFIRMED,
        "Confirmed by a manager",
    )
    expected = {
        voided: ("cancelled", "Cancelled before it was sent by Wayan: wrong reward"),
        applied: ("confirmed", "Marked applied by Wayan: seen on the dashboard as 2001"),
        closed: ("closed", "Closed by Wayan: told the member"),
        # the note stays the manager's, inside a cell that starts with the till's words
        again: ("closed", f"Sent again by Wayan as {new.entry_id[:8]}: =the member asked again"),
        confirmed: ("confirmed", ""),
        # the note typed in the Cancel dialog, not a bare "Cancelled"
        cancelled: ("cancelled", "Cancelled by Wayan: the member changed their mind"),
    }
    # The shift counts the one sent again as the retry went (the retry is no sale of its own
    # there); the day lists the retry itself, so its original stays closed: counted once each.
    in_the_shift = {**expected, again: ("confirmed", expected[again][1])}
    for written, wanted in ((shift_csv, in_the_shift), (day_csv, expected)):
        with written.open(encoding="utf-8", newline="") as handle:
            rows = {r["entry_id"]: r for r in csv.DictReader(handle)}
        assert {k: (rows[k]["status"], rows[k]["reason"]) for k in wanted} == wanted
    # the day's CSV has the redemption sent again too: the manager's own, and confirmed
    assert (rows[new.entry_id]["cashier"], rows[new.entry_id]["status"]) == ("Wayan", "confirmed")
    assert rows[new.entry_id]["reason"] == ""


async def test_a_cashier_signing_in_leaves_another_cashiers_shift_open(
    till_settings: Settings, sandbox: SandboxControl
) -> None:
    # Rina covering the till while Dewi was on her break closed Dewi's shift without a word:
    # Dewi came back to a new shift, her summary never shown, her day cut in two.
    async with open_till(till_settings.till_config(), Secret(DEMO_TOKEN)) as till:
        dewi = await till.shift_record.open_shift("Dewi")
        rina = await till.shift_record.open_shift("Rina")
        assert [s.cashier for s in await till.shift_record.open_shifts()] == ["Dewi", "Rina"]
        back = await till.shift_record.open_shift("Dewi")
        assert back.id == dewi.id and back.closed_at is None
        await till.shift_record.close_shift(rina.id)
        assert [s.id for s in await till.shift_record.open_shifts()] == [dewi.id]


async def test_the_end_of_day_counts_a_voucher_used_whole_at_its_value_as_the_shift_does(
    till_settings: Settings, sandbox: SandboxControl
) -> None:
    # Seen at the counter: Sari's shift summary said "Vouchers: Rp 25.000" for a voucher used
    # whole, the day's CSV said 25000, and End of day said Rp 0 for the same redemption.
    async with open_till(till_settings.till_config(), Secret(DEMO_TOKEN)) as till:
        started = datetime.now().astimezone()
        shift = await till.shift_record.open_shift("Sari")
        putri = await till.lookup.find_member("putri.maharani@contoh.co.id")
        order, facts = await till.catalogue.voucher_order(putri, 21)  # DSK50-PUTRI-A, Rp 50.000
        used = await till.redeemer.redeem(order, putri, Sale("Sari", shift.id), voucher=facts)
        assert (await till.wait(used.entry_id)).verdict is Verdict.CONFIRMED
        summary = await till.shift_record.shift_summary(shift.id)
        day = await till.shift_record.day(started, datetime.now().astimezone())
        [history_row] = await till.history.rows(HistoryFilter(since=started))

    assert summary.rupiah_redeemed == 50_000
    assert [(t.kind, t.standing, t.rupiah) for t in day.summary.totals()] == [
        ("voucher", "confirmed", 50_000)
    ]
    assert [row.rupiah for row in day.rows] == [50_000]
    assert history_row.rupiah == 50_000  # the History's "Stamps / Rp" column


async def test_a_cart_is_counted_by_what_it_holds_in_the_day_the_history_and_the_csv(
    till_settings: Settings, sandbox: SandboxControl, tmp_path: Path
) -> None:
    # Seen in End of day: three Croissants put in the cart and redeemed with F9 read "Several
    # rewards", beside the same three redeemed alone as "Reward". A cart of one line is a
    # reward; only one of several lines is a cart.
    async with open_till(till_settings.till_config(), Secret(DEMO_TOKEN)) as till:
        started = datetime.now().astimezone()
        shift = await till.shift_record.open_shift("Dewi")
        ayu = await till.lookup.find_member(AYU)
        sale = Sale("Dewi", shift.id)
        for lines in ([("2", 3, None)], [("2", 1, None), ("1", 1, None)]):
            order = await till.catalogue.cart_order(ayu, lines)
            receipt = await till.redeemer.redeem(order, ayu, sale)
            assert (await till.wait(receipt.entry_id)).verdict is Verdict.CONFIRMED
        with pytest.raises(Refused):  # 300 of her 170 stamps: refused at the counter
            await till.redeemer.redeem(
                await till.catalogue.cart_order(ayu, [("1", 15, None)]), ayu, sale
            )
        until = datetime.now().astimezone()
        day = await till.shift_record.day(started, until)
        await till.shift_record.export_day(started, until, tmp_path / "day.csv")
        history = await till.history.rows(HistoryFilter(since=started))

    totals = [(line.kind, line.standing, line.count, line.stamps) for line in day.summary.totals()]
    assert totals == [
        ("multi", "confirmed", 1, 35),
        ("reward", "confirmed", 1, 45),
        ("reward", "refused", 1, 300),
    ]
    with (tmp_path / "day.csv").open(encoding="utf-8", newline="") as handle:
        written = {(r["kind"], r["what"]) for r in csv.DictReader(handle)}
    assert written == {
        ("reward", "3 × Croissant Mentega"),
        ("multi", "Croissant Mentega, Es Kopi Susu Gula Aren"),
        ("reward", "15 × Es Kopi Susu Gula Aren"),
    }
    assert sorted((row.counted_kind, row.lines) for row in history) == [
        ("multi", 2),
        ("reward", 1),
    ]


class _FillsUp:
    """A file on a disk that fills after a few bytes."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle

    def write(self, text: str) -> int:
        self.handle.write(text[:20])
        self.handle.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name: str) -> Any:
        return getattr(self.handle, name)

    def __enter__(self) -> _FillsUp:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()


@pytest.mark.parametrize("export", ["shift", "day"])
async def test_a_shift_or_day_csv_the_disk_cut_short_leaves_the_file_that_was_there(
    till_settings: Settings,
    sandbox: SandboxControl,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    export: str,
) -> None:
    # The docs promise every CSV whole or not at all; these two truncated the file first, and a
    # full disk left yesterday's reconciliation an empty file or a day cut short.
    config = till_settings.till_config()
    async with open_till(config, Secret(DEMO_TOKEN)) as till:
        shift = await till.shift_record.open_shift("Dewi")
        ayu = await till.lookup.find_member(AYU)
        sale = Sale("Dewi", shift.id, invoice_number="INV-0003")
        coffee = await till.redeemer.redeem(await till.catalogue.reward_order(ayu, 1), ayu, sale)
        assert (await till.wait(coffee.entry_id)).verdict is Verdict.CONFIRMED
        path = tmp_path / f"{export}.csv"
        await asyncio.to_thread(path.write_text, "yesterday\n", encoding="utf-8")
        opened = Path.open

        def filling(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            handle = opened(self, mode, *args, **kwargs)
            return _FillsUp(handle) if "w" in mode and self.parent == tmp_path else handle

        monkeypatch.setattr(Path, "open", filling)
        now = datetime.now(UTC)
        writing = (
            till.shift_record.export_shift(shift.id, path)
            if export == "shift"
            else till.shift_record.export_day(
                now - timedelta(days=1), now + timedelta(days=1), path
            )
        )
        with pytest.raises(OSError, match="No space"):
            await writing
        monkeypatch.undo()
    assert _csv_files(tmp_path) == {path.name: "yesterday\n"}


def _csv_files(folder: Path) -> dict[str, str]:
    """The CSV files in ``folder`` (a partial one too, hidden or not) and what each holds."""
    return {
        p.name: p.read_text(encoding="utf-8")
        for p in folder.iterdir()
        if p.suffix in (".csv", ".partial")
    }
