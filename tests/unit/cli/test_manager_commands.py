"""What a manager reads on the command line (``app/cli/manager_commands.py``): the days they
read by default, on the till's clock, and the members named as the window names them."""

from __future__ import annotations

import asyncio
import csv
import dataclasses
import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.cli import main
from app.cli.common import local_time
from app.cli.manager_commands import _exception_text, _row_json, _row_text
from app.config import load_settings
from app.core.clock import ManualClock, installed
from app.core.credentials import Secret
from app.core.messages import say
from app.core.services import (
    EntryStatus,
    HistoryRow,
    ManagerDecision,
    OperationKind,
    RuntimeOptions,
    Sale,
    open_till,
)
from app.core.services.receipts import Verdict
from app.sandbox import DEMO_TOKEN

from ...support.cli import NOWHERE, till_in_environment


def _jakarta(day: int, hour: int, minute: int = 0) -> datetime:
    """A time in November 2026 on the till's clock in Jakarta (UTC+7: the ``in_jakarta`` zone)."""
    return datetime(2026, 11, day, hour, minute).astimezone(UTC)


@pytest.fixture
def till_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A till's settings in the environment, as ``stamps-pos`` reads them; its data folder."""
    data = tmp_path / "till"
    till_in_environment(monkeypatch, tmp_path / "settings.toml", data)
    return data


@pytest.fixture
def late_shift(till_env: Path, in_jakarta: None) -> Iterator[ManualClock]:
    """Rina's shift begun at 22.00 on the 25th, a redemption refused in it at 22.15 (and at 22.20
    an invoice number to put right, on the record as an older release wrote it); the till's
    clock at 00.30 on the 26th, her shift still open."""
    settings = load_settings(
        base_url=NOWHERE, merchant=14, store=32, data_dir=till_env, terminal="till-1"
    )

    async def work(moved: ManualClock) -> None:
        options = RuntimeOptions(start_worker=False)
        async with open_till(settings.till_config(), Secret(DEMO_TOKEN), options) as till:
            shift = await till.shift_record.open_shift("Rina")
            moved.set_wall(_jakarta(25, 22, 15))
            await till.redeemer.record_refusal(
                None,
                Sale("Rina", shift.id),
                kind=OperationKind.REWARD,
                what=say("what.reward", name="Kopi susu"),
                reason=say("order.reward_not_offered", reward="Kopi susu"),
                stamps=20,
            )
            # An invoice number typed too long, as a release before recorded it: a field the
            # cashier put right, no refusal (the summary counted and listed it).
            moved.set_wall(_jakarta(25, 22, 20))
            await till.redeemer.record_refusal(
                None,
                Sale("Rina", shift.id),
                kind=OperationKind.PROMO,
                what=say("what.promo", code="NGOPIPAGI"),
                reason=say("code.invoice_too_long", limit=64),
            )

    with installed(ManualClock(_jakarta(25, 22))) as moved:
        assert isinstance(moved, ManualClock)
        asyncio.run(work(moved))
        moved.set_wall(_jakarta(26, 0, 30))
        yield moved


def test_after_midnight_the_summary_reads_the_day_the_late_shift_began_and_says_so(
    late_shift: ManualClock, capfd: pytest.CaptureFixture[str]
) -> None:
    # At 00.30 the summary printed the new, empty day ("nothing was redeemed") where the
    # window's End of day showed Rina's shift: the same rule now picks the 25th, and says it is
    # yesterday's, so a manager does not read it as today's.
    assert main(["summary"]) == 0
    out = capfd.readouterr().out
    heading = out.splitlines()[0]
    assert "2026-11-25" in heading and "yesterday" in heading
    assert "Rina" in out and "refused" in out

    assert main(["summary", "--json"]) == 0
    read = json.loads(capfd.readouterr().out)
    assert read["day"] == "2026-11-25"
    assert read["since"].startswith("2026-11-25T00:00:00")


def test_the_summary_lists_apart_what_was_refused_at_the_counter(
    late_shift: ManualClock, capfd: pytest.CaptureFixture[str]
) -> None:
    # Counted as "refused" but never queued: `history` lists it with the redemptions, marked
    # as such (it listed none, and a manager reconciling found a number they could not read).
    assert main(["history"]) == 0
    [listed] = [line for line in capfd.readouterr().out.splitlines() if "Kopi susu" in line]
    assert listed.startswith("2026-11-25 22:15  reward   refused at the counter  Rina  Kopi susu")
    assert main(["summary"]) == 0
    out = capfd.readouterr().out.splitlines()
    assert not any("promo" in line for line in out)  # the invoice put right is no refusal
    [at] = [n for n, line in enumerate(out) if line.startswith("refused at the counter")]
    assert "before anything was queued: 1" in out[at] and "`history`" in out[at]
    assert out[at + 1].startswith("  2026-11-25 22:15  Rina  reward  Kopi susu: ")
    assert main(["summary", "--json"]) == 0
    [refused] = json.loads(capfd.readouterr().out)["refused_at_the_counter"]
    assert (refused["cashier"], refused["what"], refused["standing"]) == (
        "Rina",
        "Kopi susu",
        "refused",
    )


def test_a_day_asked_for_is_read_and_named_against_the_tills_today(
    late_shift: ManualClock, capfd: pytest.CaptureFixture[str]
) -> None:
    assert main(["summary", "--date", "2026-11-26"]) == 0
    out = capfd.readouterr().out
    assert "2026-11-26" in out.splitlines()[0] and "today" in out.splitlines()[0]
    assert "nothing was redeemed" in out


def _ayu_row(member_name: str | None) -> HistoryRow:
    at = datetime(2026, 12, 1, 7, 0, tzinfo=UTC)
    return HistoryRow(
        entry_id="e-1", seq=1, created_at=at, kind=OperationKind.REWARD,
        status=EntryStatus.SYNCED, verdict=Verdict.CONFIRMED, headline=say("receipt.confirmed"),
        cashier="Rina", terminal="till-1", user="customer@stamps.co.id", lane="member:6",
        description="Kopi susu", server_redemption_id=7, invoice=None, stamps=20, rupiah=0,
        provisional=False, reconciled=False, note=None, last_error=None, member_name=member_name,
    )  # fmt: skip


def test_history_names_the_member_as_the_window_does_and_keeps_the_identifier() -> None:
    # The line said 'customer@stamps.co.id' where the window's History says 'Ayu Pratiwi'.
    named = _ayu_row("Ayu Pratiwi")
    assert "Ayu Pratiwi" in _row_text(named)
    assert "customer@stamps.co.id" not in _row_text(named)  # the line keeps a terminal's width
    read = _row_json(named)
    assert (read["member_name"], read["user"]) == ("Ayu Pratiwi", "customer@stamps.co.id")
    # a member the till knows only by the identifier it sent is listed by that
    unnamed = _ayu_row(None)
    assert "customer@stamps.co.id" in _row_text(unnamed)
    assert _row_json(unnamed)["member_name"] is None


def test_history_shows_escape_codes_in_what_it_kept_instead_of_obeying_them() -> None:
    # An invoice imported before imports refused it ("\x1b[31mINV\u202e") turned the terminal
    # red and printed the rest of the line backwards.
    row = dataclasses.replace(_ayu_row("Ayu Pratiwi"), invoice="\x1b[31mINV\u202e-7")
    line = _row_text(row)
    assert "\x1b" not in line and "\u202e" not in line
    assert "\\x1b[31mINV\\u202e-7" in line


def test_history_says_why_a_redemption_confirmed_without_a_server_id_has_none() -> None:
    # "no server id" read as if the till were still waiting for the server's answer
    marked = dataclasses.replace(
        _ayu_row("Ayu Pratiwi"),
        server_redemption_id=None,
        headline=say("receipt.confirmed.by_manager"),
        decision=ManagerDecision("mark_applied", "Wayan", datetime(2026, 12, 1, 8, tzinfo=UTC)),
    )
    assert "no server id (marked applied by a manager)" in _row_text(marked)
    reconciled = dataclasses.replace(_ayu_row(None), server_redemption_id=None, reconciled=True)
    assert "no server id (confirmed from the member's activity)" in _row_text(reconciled)
    waiting = dataclasses.replace(
        _ayu_row(None), server_redemption_id=None, status=EntryStatus.UNKNOWN
    )
    assert "no server id" in _row_text(waiting) and "(" not in _row_text(waiting)


def test_history_names_the_server_id_a_refused_cancel_by_server_id_was_for() -> None:
    # A refused cancel by server id has no answer, so no server id of its own: the line said
    # "no server id", where the window names the redemption the manager asked to cancel.
    refused = dataclasses.replace(
        _ayu_row("Ayu Pratiwi"),
        kind=OperationKind.CANCEL,
        status=EntryStatus.REJECTED,
        verdict=Verdict.REFUSED,
        description=None,
        server_redemption_id=None,
        stamps=0,
        cancels_server_id=2001,
    )
    assert "cancel of server redemption 2001" in _row_text(refused)
    assert "no server id" not in _row_text(refused)
    assert _row_json(refused)["cancels_server_id"] == 2001


def test_the_summary_csv_on_stdout_says_which_day_it_covers(
    late_shift: ManualClock, capfd: pytest.CaptureFixture[str]
) -> None:
    # Piped on (`summary --csv - | ...`), the CSV had no day in it: only the file's name did.
    assert main(["summary", "--csv", "-"]) == 0
    rows = list(csv.reader(io.StringIO(capfd.readouterr().out)))
    header = ["cashier", "terminal", "kind", "standing", "count", "stamps", "rupiah"]
    assert rows[0][: len(header)] == header  # a spreadsheet reading the columns by place
    assert rows[0][len(header) :] == ["day"]
    assert len(rows) > 1
    assert all(row[-1] == "2026-11-25" for row in rows[1:])
    assert rows[1][0] == "Rina"


@pytest.mark.parametrize("command", ["history", "audit"])
def test_a_span_that_ends_before_it_starts_is_refused_in_one_line(
    till_env: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    # Seen: a traceback ending "app.cli.common.Stop: --until must be after --since", exit 1.
    assert main([command, "--since", "2026-12-04", "--until", "2026-12-01"]) == 2
    assert capsys.readouterr().err == f"stamps-pos {command}: --until must be after --since\n"


@pytest.mark.parametrize(
    ("answered", "said"),
    [
        (True, "  accepted to send again (provisional): the member may have had the reward"),
        (False, "  accepted offline (provisional): the member may have had the reward"),
    ],
)
def test_an_exception_accepted_after_a_408_is_not_said_accepted_offline(
    answered: bool, said: str
) -> None:
    # `stamps-pos exceptions` said "accepted offline" of one the server had asked for again
    from app.core.services.history import ExceptionItem, MemberContact

    refused = dataclasses.replace(
        _ayu_row("Ayu Pratiwi"),
        status=EntryStatus.REJECTED,
        verdict=Verdict.REFUSED,
        provisional=True,
        answered=answered,
    )
    item = ExceptionItem(
        row=refused,
        said=say("server.refused_silently"),
        evidence=None,
        contact=MemberContact("customer@stamps.co.id", "Ayu Pratiwi"),
        needs_pin=False,
    )
    assert said in _exception_text(item)


def test_an_audit_action_the_till_does_not_record_is_refused_naming_the_ones_it_does(
    till_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Seen: `audit --action cancle` said "no audit lines match", exit 0: a typo read as a day
    # when nothing was cancelled.
    with pytest.raises(SystemExit) as stopped:
        main(["audit", "--action", "cancle"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err == (
        "stamps-pos audit: argument --action: 'cancle' is not an action the till records (did "
        "you mean cancel?); --help lists every one (see stamps-pos audit --help)\n"
    )
    assert not till_env.exists()  # refused before the till opened


def test_an_audit_action_the_till_records_is_taken(
    till_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["audit", "--action", "voided: offline policy"]) == 0
    assert capsys.readouterr().out == "no audit lines match\n"


def test_the_audit_s_help_lists_every_action_it_takes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["audit", "--help"])
    listed = " ".join(capsys.readouterr().out.split())
    assert "cancel, cancel_by_server_id, cashier_added," in listed
    assert "sign_in_locked, void, 'voided: offline policy'" in listed


def test_an_exceptions_evidence_reads_as_the_windows_pane_says_it() -> None:
    # `stamps-pos exceptions` printed the record's keys and values ("result  not_found"), the
    # store by its number, where the window's pane says sentences and names it RDG-KMG.
    from app.core.services.history import ExceptionItem, MemberContact

    unknown = dataclasses.replace(
        _ayu_row("Ayu Pratiwi"), status=EntryStatus.UNKNOWN, verdict=Verdict.NOT_CONFIRMED
    )
    evidence = {
        "result": "not_found",
        "checks": 2,
        "checked_at": "2026-11-25T06:30:00+00:00",
        "expected": {"name": "Kopi susu", "stamps": 20, "store": 32},
        "lines_read": 3,
        "candidates": [],
    }
    item = ExceptionItem(
        row=unknown,
        said=say("exception.not_found", lines=3, since="25 Nov 13.10"),
        evidence=evidence,
        contact=MemberContact("customer@stamps.co.id", "Ayu Pratiwi"),
        needs_pin=False,
    )
    lines = _exception_text(item, store_codes={32: "RDG-KMG"})
    at = local_time(datetime(2026, 11, 25, 6, 30, tzinfo=UTC))
    assert lines[lines.index("  evidence") + 1 :] == [
        f"    Looked at it 2 times, last at {at}.",
        "    Looked for: Kopi susu, 20 stamps, store RDG-KMG.",
        "    Lines read: 3.",
        "    Lines that match: 0.",
    ]
    assert not any("result" in line or "32" in line for line in lines)


def test_a_summary_line_names_its_standing_as_history_does_and_a_reward_has_no_rupiah() -> None:
    # `stamps-pos summary` printed "confirmed_by_manager"-less counts ("confirmed" took them),
    # the raw key "not_confirmed", and "Rp 0" for rewards, which have no Rupiah value.
    from app.cli.manager_commands import _summary_line
    from app.core.services import SummaryLine

    marked = _summary_line(SummaryLine("", "", "reward", "confirmed_by_manager", 1, 5, 0))
    assert "Confirmed by a manager" in marked
    assert marked.endswith("—") and "Rp" not in marked
    unknown = _summary_line(SummaryLine("", "", "reward", "not_confirmed", 2, 15, 0))
    assert "Not confirmed" in unknown and "not_confirmed" not in unknown
    voucher = _summary_line(SummaryLine("", "", "deduct", "confirmed", 1, 0, 50_000))
    assert voucher.endswith("Rp 50.000")
