"""Manager mode on the command line: accounts, PINs on standard input only, every manager action
refused without its manager and audited under their name, what managers read (history, exceptions,
audit and summary CSV), and a CLI cancel heard by an open view of the same database."""

from __future__ import annotations

import asyncio
import csv
import io
import itertools
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.config import Settings
from app.core import clock
from app.core.clock import ManualClock
from app.core.credentials import Secret
from app.core.services import ChangeWatch, History, HistoryFilter
from app.core.services.kiosk import Kiosk
from app.core.services.runtime import RuntimeOptions, open_till
from app.core.storage import Database
from app.sandbox import DEMO_TOKEN

from ..conftest import SandboxControl
from .conftest import MANAGER, MANAGER_PIN, Cli

pytestmark = pytest.mark.integration

AYU = "customer@stamps.co.id"
AYU_CARD = "70140000000006"
AS_MANAGER = ("--manager", MANAGER)
GUARD = 60.0  # seconds: only reached when the behaviour is broken


def test_accounts_need_a_manager_except_the_first_and_the_lists(cli: Cli) -> None:
    assert cli("manager", "list").stdout.strip() == "no managers yet"
    weak = cli("manager", "add", MANAGER, stdin="123456\n")
    assert weak.returncode == 2 and "straight run" in weak.stderr
    cli.first_manager()
    second = cli("manager", "add", "Budi", stdin="135790\n")  # no acting manager: usage
    assert second.returncode == 2 and "--manager" in second.stderr
    no_pin = cli("manager", "add", "Budi", *AS_MANAGER)  # nothing on standard input
    assert no_pin.returncode == 2 and "standard input" in no_pin.stderr
    wrong = cli("manager", "add", "Budi", *AS_MANAGER, stdin="999999\n135790\n")
    assert wrong.returncode == 1 and "wrong PIN" in wrong.stderr
    added = cli("manager", "add", "Budi", *AS_MANAGER, stdin=MANAGER_PIN + "135790\n")
    assert added.returncode == 0, added.stderr
    assert "135790" not in added.stdout + added.stderr

    cashier = ("--manager", "Budi")
    steps = [
        (("cashier", "add", "Rina", *cashier), "135790\n2580\n"),
        (("cashier", "add", "Wayan", "--no-pin", *cashier), "135790\n"),
        (("cashier", "rename", "wayan", "Wayan Putra", *cashier), "135790\n"),
        (("cashier", "reset-pin", "Rina", *cashier), "135790\n1357\n"),
        (("cashier", "disable", "Rina", *cashier), "135790\n"),
    ]
    for command, stdin in steps:
        done = cli(*command, stdin=stdin)
        assert done.returncode == 0, (command, done.stderr)
    bad = cli("cashier", "add", "<i>Eve</i>", "--no-pin", *cashier, stdin="135790\n")
    assert bad.returncode == 2 and "may not contain" in bad.stderr
    listing = cli("cashier", "list")
    assert listing.returncode == 0
    assert listing.stdout.splitlines() == ["Rina  (disabled)", "Wayan Putra  (no PIN)"]
    code, managers = cli.json("manager", "list")
    assert (code, managers) == (
        0,
        [{"name": "Ayu", "active": True}, {"name": "Budi", "active": True}],
    )
    last = cli("manager", "disable", "Budi", *cashier, stdin="135790\n")
    assert last.returncode == 0
    alone = cli("manager", "disable", MANAGER, *AS_MANAGER, stdin=MANAGER_PIN)
    assert alone.returncode == 1 and "only active manager" in alone.stderr

    code, lines = cli.json("audit", "--who", "budi")
    assert code == 0
    assert [line["action"] for line in lines if line["action"] != "sign_in"][:-1] == [
        "cashier_added",
        "manager_mode_left",
        "cashier_added",
        "manager_mode_left",
        "cashier_renamed",
        "manager_mode_left",
        "cashier_pin_set",
        "manager_mode_left",
        "cashier_disabled",
        "manager_mode_left",
        "manager_mode_left",  # the refused <i>Eve</i>: signed in, nothing written
        "manager_disabled",
    ]
    everything = cli("audit").stdout
    for pin in ("246810", "135790", "2580", "1357", "999999"):
        assert pin not in everything


def test_a_new_pin_is_asked_for_by_the_name_the_till_keeps(cli: Cli) -> None:
    cli.first_manager()
    untrimmed = cli("cashier", "add", "  Rina   Wati ", *AS_MANAGER, stdin=MANAGER_PIN)
    assert untrimmed.returncode == 2
    assert "Rina Wati's new PIN must come on standard input" in untrimmed.stderr
    refused = cli("cashier", "add", "<i>Eve</i>", *AS_MANAGER, stdin=MANAGER_PIN)
    assert refused.returncode == 2 and "may not contain" in refused.stderr


def test_five_wrong_pins_lock_the_manager_across_processes(cli: Cli) -> None:
    cli.first_manager()
    for _ in range(4):
        assert cli("cashier", "add", "Rina", *AS_MANAGER, stdin="111111\n").returncode == 1
    locked = cli("cashier", "add", "Rina", "--no-pin", *AS_MANAGER, stdin="111111\n")
    assert locked.returncode == 1 and "locked" in locked.stderr
    still = cli("cashier", "add", "Rina", "--no-pin", *AS_MANAGER, stdin=MANAGER_PIN)
    assert still.returncode == 1 and "try again in 5 minutes." in still.stderr
    assert cli("cashier", "list").stdout.strip() == "no cashiers yet"


def test_a_cashier_no_account_has_is_refused_on_a_till_with_accounts(
    cli: Cli, sandbox: SandboxControl
) -> None:
    # `--cashier Rina` went on the record of a till whose cashiers were Dewi and Wayan.
    cli.first_manager()
    for name in ("Dewi", "Wayan"):
        added = cli("cashier", "add", name, "--no-pin", *AS_MANAGER, stdin=MANAGER_PIN)
        assert added.returncode == 0, added.stderr
    assert cli("cashier", "disable", "Wayan", *AS_MANAGER, stdin=MANAGER_PIN).returncode == 0
    redeem = ("redeem", "reward", "--user", AYU, "--reward", "1", "--cashier")
    for name, says in (
        ("Rina", "There is no cashier named Rina."),
        ("Wayan", "Wayan's account is disabled"),
    ):
        refused = cli(*redeem, name)
        # refused (1) as any name that names no one here; it exited 2, a usage error
        assert refused.returncode == 1, refused.stderr
        assert says in refused.stderr and "`stamps-pos cashier list`" in refused.stderr
    # Nor under the login name, the default: "root" went on the record among Dewi's redemptions.
    cli.env["USER"] = "root"
    unnamed = cli(*redeem[:-1])
    assert unnamed.returncode == 2, unnamed.stderr
    assert unnamed.stderr == (
        "stamps-pos redeem reward: this till has cashier accounts, and the login name root is "
        "none of them: pass --cashier NAME; `stamps-pos cashier list` shows this till's cashiers\n"
    )
    assert sandbox.stamps(AYU) == 250  # nothing redeemed under a name no account has
    code, done = cli.json(*redeem, "dewi")
    assert code == 0 and done["cashier"] == "Dewi"  # as the account spells it


def test_cancels_from_the_command_line(cli: Cli, sandbox: SandboxControl, tmp_path: Path) -> None:
    cli.first_manager()
    code, synced = cli.json("redeem", "reward", "--user", AYU, "--reward", "1", "--cashier", "Rina")
    assert code == 0 and sandbox.stamps(AYU) == 230
    refused = cli("cancel", synced["id"])  # no manager
    assert refused.returncode == 2
    code, cancel = cli.json(
        "cancel", synced["id"], *AS_MANAGER, "--note", "wrong", stdin=MANAGER_PIN
    )
    assert (code, cancel["kind"], cancel["status"]) == (0, "cancel", "synced")
    assert sandbox.stamps(AYU) == 250

    # a redemption another till made: by its server id, with its member
    kiosk = Cli(cli.settings, tmp_path / "kiosk")
    kiosk.env["STAMPS_POS_DATA_DIR"] = str(tmp_path / "kiosk-data")
    code, elsewhere = kiosk.json("redeem", "reward", "--user", AYU, "--reward", "1")
    assert code == 0 and sandbox.stamps(AYU) == 230
    server_id = str(elsewhere["server_redemption_id"])
    needs_member = cli("cancel", "--server-id", server_id, *AS_MANAGER, stdin=MANAGER_PIN)
    assert needs_member.returncode == 2 and "--user" in needs_member.stderr
    code, remote = cli.json(
        "cancel",
        "--server-id",
        server_id,
        "--user",
        "081210000006",
        *AS_MANAGER,
        stdin=MANAGER_PIN,
    )
    assert (code, remote["kind"], remote["status"]) == (0, "cancel", "synced")
    assert sandbox.stamps(AYU) == 250

    code, rows = cli.json("history", "--cashier", "rina")
    assert code == 0 and [(r["id"], r["standing"]) for r in rows] == [(synced["id"], "Cancelled")]
    # --status names what the window's History names: it took the stored statuses only, so
    # the window's "Cancelled" had none (and the stored "synced" still takes every synced one)
    for status, listed in (
        ("cancelled", [synced["id"]]),
        ("confirmed", []),
        ("synced", [synced["id"]]),
    ):
        code, rows = cli.json("history", "--cashier", "rina", "--status", status)
        assert (code, [r["id"] for r in rows]) == (0, listed), status
    code, lines = cli.json("audit", "--action", "cancel_by_server_id")
    assert [(line["who"], line["detail"]["server_redemption_id"]) for line in lines] == [
        (MANAGER, int(server_id))
    ]


def test_the_first_manager_added_again_is_told_they_are_there_already(cli: Cli) -> None:
    # The README's step 3 run a second time (a setup script run twice) said "this is a manager
    # action: give --manager NAME …", as if the first manager had not been added.
    cli.first_manager()
    again = cli("manager", "add", MANAGER.upper(), stdin=MANAGER_PIN)
    assert (again.returncode, again.stdout) == (1, "")
    assert again.stderr == f"stamps-pos manager add: There is already a manager named {MANAGER}.\n"
    other = cli("manager", "add", "Budi", stdin="135790\n")
    assert (other.returncode, other.stdout) == (2, "")
    assert other.stderr == (
        "stamps-pos manager add: this till has its first manager already (`stamps-pos manager "
        "list`), so adding another is a manager action: give --manager NAME and that manager's "
        "PIN on standard input, then the new manager's PIN\n"
    )
    assert cli("manager", "list").stdout.splitlines() == [MANAGER]


def test_history_of_a_cashier_the_till_has_no_account_for_says_so(cli: Cli) -> None:
    # `history --cashier Rna` (Rina, typed wrong) printed "no redemptions match", exit 0: a
    # manager read it as a shift in which Rina redeemed nothing.
    cli.first_manager()
    added = cli("cashier", "add", "Rina", "--no-pin", *AS_MANAGER, stdin=MANAGER_PIN)
    assert added.returncode == 0, added.stderr
    typo = cli("history", "--cashier", "Rna")
    assert (typo.returncode, typo.stdout) == (1, "no redemptions match\n")
    assert typo.stderr == (
        "stamps-pos history: There is no cashier named Rna. `stamps-pos cashier list` shows "
        "this till's cashiers\n"
    )
    as_json = cli("history", "--cashier", "Rna", "--json")
    assert (as_json.returncode, as_json.stdout) == (1, "[]\n")
    rina = cli("history", "--cashier", "rina")  # an account with nothing yet: nothing to say
    assert (rina.returncode, rina.stdout, rina.stderr) == (0, "no redemptions match\n", "")


def test_history_of_a_cashier_typed_wrong_on_a_till_without_accounts_says_so(cli: Cli) -> None:
    # A till driven from the command line has no cashier accounts: its redemptions are recorded
    # under the name given, and `history --cashier Rna` (Rina typed wrong) still read "no
    # redemptions match", exit 0. The names its records hold are its cashiers.
    code, _ = cli.json("redeem", "reward", "--user", AYU, "--reward", "1", "--cashier", "Rina")
    assert code == 0
    typo = cli("history", "--cashier", "Rna")
    assert (typo.returncode, typo.stdout) == (1, "no redemptions match\n")
    assert typo.stderr.startswith("stamps-pos history: There is no cashier named Rna.")
    then = cli("history", "--cashier", "rina", "--until", "2000-01-01")
    assert (then.returncode, then.stdout, then.stderr) == (0, "no redemptions match\n", "")


def test_a_reading_filter_naming_no_one_the_records_know_says_so(cli: Cli) -> None:
    # `audit --who Rna` (Rina typed wrong) printed "no audit lines match", exit 0: a manager
    # reconciling a day believed Rina did nothing. So did `history --member` of a name typed
    # wrong, and `audit --entry` of an id no entry has.
    cli.first_manager()
    added = cli("cashier", "add", "Rina", "--no-pin", *AS_MANAGER, stdin=MANAGER_PIN)
    assert added.returncode == 0, added.stderr
    code, redeemed = cli.json(
        "redeem", "reward", "--user", AYU, "--reward", "1", "--cashier", "Rina"
    )
    assert code == 0

    typo = cli("audit", "--who", "Rna")
    assert (typo.returncode, typo.stdout) == (1, "no audit lines match\n")
    assert typo.stderr == (
        "stamps-pos audit: No one named Rna is in this till's audit log or among its managers "
        "and cashiers. `stamps-pos manager list` and `stamps-pos cashier list` show them\n"
    )
    as_json = cli("audit", "--who", "Rna", "--json")
    assert (as_json.returncode, as_json.stdout) == (1, "[]\n")
    missing = "01a22c17-05e4-7955-a363-5020063cb488"
    no_entry = cli("audit", "--entry", missing)
    assert (no_entry.returncode, no_entry.stdout) == (1, "no audit lines match\n")
    assert no_entry.stderr == f"stamps-pos audit: There is no outbox entry {missing}.\n"
    member = cli("history", "--member", "Ayy")
    assert (member.returncode, member.stdout) == (1, "no redemptions match\n")
    assert member.stderr == (
        "stamps-pos history: This till has no record of a member answering to Ayy: check the "
        "spelling, or give their email, member ID, phone or card number.\n"
    )

    # Names and ids the records know read as before, nothing matching or not: an account with
    # no line of its own, a span with nothing in it, an entry with no audit line, a member
    # looked up here who redeemed nothing.
    looked_up = cli("member", "find", "agus.setiawan@contoh.co.id")
    assert looked_up.returncode == 0, looked_up.stderr
    for known in (
        ("audit", "--who", "rina"),
        ("audit", "--who", MANAGER, "--until", "2000-01-01"),
        ("audit", "--entry", redeemed["id"]),
        ("history", "--member", "ayu", "--until", "2000-01-01"),
        ("history", "--member", "setiawan"),
    ):
        done = cli(*known)
        assert (done.returncode, done.stderr) == (0, ""), known


def test_a_csv_refused_for_a_filter_naming_no_one_leaves_no_file(cli: Cli, tmp_path: Path) -> None:
    # `audit --who Rna --csv x.csv` (Rina typed wrong) wrote a CSV of its header alone, then
    # exited 1 saying the records know no Rna: the manager's folder held an empty audit of
    # "Rna", and with --replace last month's export was written over with that header.
    # (`history` and `summary` write no CSV; `audit --entry` is the other filter that names.)
    cli.first_manager()
    missing = "01a22c17-05e4-7955-a363-5020063cb488"
    kept = tmp_path / "kept.csv"
    kept.write_text("at,who\nlast month's line\n", encoding="utf-8")
    new = tmp_path / "new.csv"
    for naming_no_one in (("--who", "Rna"), ("--entry", missing)):
        fresh = cli("audit", *naming_no_one, "--csv", str(new))
        assert (fresh.returncode, fresh.stdout) == (1, ""), naming_no_one
        assert fresh.stderr.startswith("stamps-pos audit: "), fresh.stderr
        assert not new.exists(), naming_no_one
        over = cli("audit", *naming_no_one, "--csv", str(kept), "--replace")
        assert (over.returncode, over.stdout) == (1, ""), naming_no_one
        assert kept.read_text(encoding="utf-8") == "at,who\nlast month's line\n"
        piped = cli("audit", *naming_no_one, "--csv", "-")  # no header on standard output
        assert (piped.returncode, piped.stdout) == (1, ""), naming_no_one
    assert sorted(p.name for p in tmp_path.glob("*.csv*")) == ["kept.csv"]  # no .partial
    # A name the records know, with no line in the span, is still a CSV of its header
    known = cli("audit", "--who", MANAGER, "--until", "2000-01-01", "--csv", str(new))
    assert (known.returncode, known.stderr) == (0, ""), known.stderr
    assert len(new.read_text(encoding="utf-8").splitlines()) == 1


def test_history_of_a_cashier_renamed_since_is_not_refused(cli: Cli) -> None:
    # A cashier renamed since keeps their redemptions under the old name, which an auditor may
    # rightly ask for: a span with none of them was refused, "There is no cashier named Rina."
    cli.first_manager()
    added = cli("cashier", "add", "Rina", "--no-pin", *AS_MANAGER, stdin=MANAGER_PIN)
    assert added.returncode == 0, added.stderr
    code, _ = cli.json("redeem", "reward", "--user", AYU, "--reward", "1", "--cashier", "Rina")
    assert code == 0
    renamed = cli("cashier", "rename", "Rina", "Rina Putri", *AS_MANAGER, stdin=MANAGER_PIN)
    assert renamed.returncode == 0, renamed.stderr
    then = cli("history", "--cashier", "Rina", "--until", "2000-01-01")
    assert (then.returncode, then.stdout, then.stderr) == (0, "no redemptions match\n", "")
    assert len(cli("history", "--cashier", "Rina").stdout.splitlines()) == 1


def test_a_cancel_the_server_refuses_is_said_under_the_command_s_name(cli: Cli) -> None:
    # Every refusal names its command ("stamps-pos cancel: …") but the server's, after sending:
    # "stamps-pos: Cancel refused: …", which a manager reading a script's log cannot place.
    cli.first_manager()
    unknown = ("cancel", "--server-id", "999999", "--user", AYU, *AS_MANAGER)
    refused = cli(*unknown, stdin=MANAGER_PIN)
    assert refused.returncode == 1
    assert refused.stderr == (
        "stamps-pos cancel: Cancel refused: The Stamps server refused it: Redemption 999999 not "
        "found\n"
    )


def test_an_entry_id_that_names_no_entry_is_refused_alike_by_every_command(cli: Cli) -> None:
    # Refused (1), as an unknown member, cashier or manager is: the id is well formed and names
    # nothing on this till. `outbox show` said it in words of its own ("no outbox entry …").
    cli.first_manager()
    missing = "01a22c17-05e4-7955-a363-5020063cb488"
    commands = [
        ("outbox", "show", missing),
        ("outbox", "show", missing, "--json"),
        ("cancel", missing, *AS_MANAGER),
        ("outbox", "retry", missing, "--note", "again", *AS_MANAGER),
        ("outbox", "mark-applied", missing, "--note", "seen", *AS_MANAGER),
        ("outbox", "dismiss", missing, "--note", "not ours", *AS_MANAGER),
    ]
    for command in commands:
        done = cli(*command, stdin=MANAGER_PIN)
        said = f"stamps-pos {' '.join(command[:2]) if command[0] == 'outbox' else 'cancel'}"
        assert (done.returncode, done.stdout, done.stderr) == (
            1,
            "",
            f"{said}: There is no outbox entry {missing}.\n",
        ), command


def test_mark_applied_with_the_dashboard_s_server_id_then_cancel_from_the_till(
    till_settings: Settings, sandbox: SandboxControl, tmp_path: Path
) -> None:
    # Without idempotency or the store's code an answer lost after applying stays unknown.
    settings = till_settings.model_copy(update={"idempotency": "unknown", "store_code": None})
    cli = Cli(settings, tmp_path)
    del cli.env["STAMPS_POS_STORE_CODE"]  # none: an empty one is refused
    cli.first_manager()
    sandbox.faults(drop_rate=1.0, drop_after_apply=True, scope="redemptions")
    _code, lost = cli.json("redeem", "reward", "--user", AYU, "--reward", "1", "--cashier", "Rina")
    sandbox.faults(drop_rate=0.0)
    assert lost["status"] == "unknown"
    server_id = str(sandbox.ledger()[-1]["redemption_id"])
    decide = ("outbox", "mark-applied", lost["id"], "--note", "seen on the dashboard")
    zero = cli(*decide, "--server-id", "0", *AS_MANAGER, stdin=MANAGER_PIN)
    assert zero.returncode == 2 and "from 1 to" in zero.stderr
    marked = cli(*decide, "--server-id", server_id, *AS_MANAGER, stdin=MANAGER_PIN)
    assert marked.returncode == 0, marked.stderr
    assert f"server redemption id  {server_id}" in marked.stdout
    assert "no server id" not in marked.stdout
    history = cli("history").stdout
    assert f"server {server_id}" in history and "no server id" not in history
    cancelled = cli("cancel", lost["id"], *AS_MANAGER, stdin=MANAGER_PIN)
    assert cancelled.returncode == 0, cancelled.stderr
    assert "dashboard" not in cancelled.stdout + cancelled.stderr


def test_sync_and_doctor_say_a_cancel_for_the_dashboard_apart_from_the_rejected(
    till_settings: Settings, sandbox: SandboxControl, tmp_path: Path
) -> None:
    # Without idempotency or the store's code an answer lost after applying stays unknown.
    settings = till_settings.model_copy(update={"idempotency": "unknown", "store_code": None})
    cli = Cli(settings, tmp_path)
    del cli.env["STAMPS_POS_STORE_CODE"]
    cli.first_manager()
    sandbox.faults(drop_rate=1.0, drop_after_apply=True, scope="redemptions")
    _code, lost = cli.json("redeem", "reward", "--user", AYU, "--reward", "1", "--cashier", "Rina")
    sandbox.faults(drop_rate=0.0)
    assert lost["status"] == "unknown"
    # cancelled while unknown, then marked applied without the dashboard's id: only the
    # dashboard can cancel it now
    held = cli("cancel", lost["id"], *AS_MANAGER, stdin=MANAGER_PIN)
    assert held.returncode in (0, 3), held.stderr
    marked = cli(
        "outbox", "mark-applied", lost["id"], "--note", "seen", *AS_MANAGER, stdin=MANAGER_PIN
    )
    assert marked.returncode == 0, marked.stderr
    synced = cli("sync", "--once", "--timeout", "20")
    assert synced.stdout.startswith(
        "queued 0, sending 0, unknown 0, rejected 0, cancel on dashboard 1"
    ), synced.stdout
    _code, report = cli.json("doctor")
    queue = next(check for check in report["checks"] if check["name"] == "queue")
    assert "0 rejected, 1 to cancel on the Stamps dashboard" in queue["detail"]
    assert (queue["data"]["rejected"], queue["data"]["failed"]) == (1, 0)
    assert queue["data"]["dashboard_cancels"] == 1


def test_outbox_show_prints_an_unknown_entry_s_evidence_as_exceptions_does(
    till_settings: Settings, sandbox: SandboxControl, tmp_path: Path
) -> None:
    # `outbox show` of an entry waiting on a manager printed none of what the member's activity
    # showed, which Exceptions (the window's and `stamps-pos exceptions`) say.
    cli = Cli(till_settings.model_copy(update={"idempotency": "unknown"}), tmp_path)
    sandbox.faults(drop_rate=1.0, scope="redemptions")  # never applied, its answer lost
    _code, lost = cli.json("redeem", "reward", "--user", AYU, "--reward", "1", "--cashier", "Rina")
    sandbox.faults(drop_rate=0.0)
    assert lost["status"] == "unknown"
    cli("sync", "--once")  # a look at the member's activity (exit 3: one is still unknown)
    listed = cli("exceptions").stdout.splitlines()
    block = _evidence_block(listed)
    assert any(line.startswith("    Lines read: ") for line in block), listed
    shown = cli("outbox", "show", lost["id"]).stdout.splitlines()
    assert _evidence_block(shown) == block, shown
    # why it waits, on the till's clock as the evidence under it (not "since …T05:30:28+00:00")
    [reason] = [line for line in listed if line.startswith("  reason  ")]
    assert reason.startswith("  reason  Not in the member's activity: 0 lines read since ")
    assert "+00:00" not in reason and reason in shown
    _code, [item] = cli.json("exceptions")
    _code, detail = cli.json("outbox", "show", lost["id"])
    assert detail["evidence"] == item["evidence"] and detail["evidence"] is not None
    assert detail["evidence_words"] == item["evidence_words"] == [b.strip() for b in block]


def _evidence_block(lines: list[str]) -> list[str]:
    """The lines under "  evidence", as `exceptions` and `outbox show` print them."""
    assert "  evidence" in lines, lines
    after = lines[lines.index("  evidence") + 1 :]
    return list(itertools.takewhile(lambda line: line.startswith("    "), after))


def test_exceptions_retry_dismiss_and_the_summary(
    cli: Cli, sandbox: SandboxControl, tmp_path: Path
) -> None:
    cli.first_manager()
    sandbox.faults(error_rate=1.0, error_statuses=[400], scope="redemptions")
    code, rejected = cli.json(
        "redeem", "reward", "--user", AYU, "--reward", "1", "--cashier", "Rina"
    )
    assert (code, rejected["status"]) == (1, "rejected")
    sandbox.faults(error_rate=0.0)
    code, items = cli.json("exceptions")
    assert [(i["id"], i["contact"]["name"]) for i in items] == [(rejected["id"], "Ayu Pratiwi")]
    # A member's PIN of the wrong shape never reaches the server; full-width digits are six
    # digits to str.isdigit, but not the six a member's PIN is: the server counted a miss.
    for member_pin in ("12", "１２３４５６"):
        refused = cli(
            "outbox",
            "retry",
            rejected["id"],
            "--note",
            "x",
            "--member-pin-stdin",
            *AS_MANAGER,
            stdin=f"{MANAGER_PIN}{member_pin}\n",
        )
        assert refused.returncode == 2 and "exactly 6 digits (0-9)" in refused.stderr
    retried = cli(
        "outbox", "retry", rejected["id"], "--note", "server hiccup", *AS_MANAGER, stdin=MANAGER_PIN
    )

    assert retried.returncode == 0, retried.stderr
    assert sandbox.stamps(AYU) == 230
    again = cli(
        "outbox",
        "retry",
        rejected["id"],
        "--note",
        "x",
        "--member-pin-stdin",
        *AS_MANAGER,
        stdin=MANAGER_PIN + "12\n",
    )  # retried already: refused before the member's PIN is even read
    assert again.returncode == 1 and "already closed" in again.stderr, again.stderr
    assert cli.json("exceptions")[1] == []

    summary_csv = tmp_path / "summary.csv"
    assert cli("summary", "--csv", str(summary_csv)).returncode == 0
    rows = list(csv.DictReader(io.StringIO(summary_csv.read_text(encoding="utf-8"))))
    assert [(r["cashier"], r["kind"], r["standing"], r["count"], r["stamps"]) for r in rows] == [
        (MANAGER, "reward", "confirmed", "1", "20"),  # the retry is the manager's entry
        ("Rina", "reward", "sent_again", "1", "20"),  # its stamps went with the retry
    ]
    audit_csv = tmp_path / "audit.csv"
    assert cli("audit", "--action", "retry", "--csv", str(audit_csv)).returncode == 0
    [header, line] = list(csv.reader(io.StringIO(audit_csv.read_text(encoding="utf-8"))))
    assert header == ["time (UTC)", "who", "action", "terminal", "entry", "detail"]
    assert line[1:5] == [MANAGER, "retry", "till-1", rejected["id"]]
    assert '"note": "server hiccup"' in line[5]


async def test_a_cli_cancel_is_heard_by_an_open_view(
    cli: Cli, sandbox: SandboxControl, till_settings: Settings
) -> None:
    cli.first_manager()
    code, synced = cli.json("redeem", "reward", "--user", AYU, "--reward", "1")
    assert code == 0
    db = Database(till_settings.database_path)
    history = History(db)
    watch = ChangeWatch(till_settings.database_path, interval=0.05)
    heard = asyncio.Event()
    watch.subscribe(heard.set)
    watch.start()
    try:
        [before] = await history.rows(HistoryFilter())
        assert str(before.standing) == "Confirmed"
        # the window stays open while another process cancels
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "app",
            "cancel",
            synced["id"],
            *AS_MANAGER,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.DEVNULL,
            env=cli.env,
        )
        assert process.stdin is not None
        process.stdin.write(MANAGER_PIN.encode())
        process.stdin.close()
        standing = str(before.standing)
        async with asyncio.timeout(GUARD):
            while standing != "Cancelled":
                await heard.wait()  # re-read only when the watch hears of a commit
                heard.clear()
                standing = str((await history.rows(HistoryFilter()))[0].standing)
            assert await process.wait() == 0
    finally:
        await watch.stop()
        await db.close()


async def test_a_kiosk_redemption_not_sent_in_time_reads_so_not_as_a_pin_that_ran_out(
    cli: Cli, sandbox: SandboxControl, till_settings: Settings
) -> None:
    # The kiosk's worker was down while its customer waited; two minutes later the sweep ended
    # it unsent. It had no PIN: nothing of a PIN belongs in what the command line says of it.
    config, options = till_settings.till_config(kiosk=True), RuntimeOptions(start_worker=False)
    with clock.installed(ManualClock(datetime.now(UTC))) as moved:
        assert isinstance(moved, ManualClock)
        async with open_till(config, Secret(DEMO_TOKEN), options) as till:
            kiosk = Kiosk(till)
            queued = await kiosk.redeem(await kiosk.identify(AYU_CARD, typed=False), 1, None)
            moved.advance(121)
            await till.worker.run_once()
    assert sandbox.ledger() == []

    history = cli("history")
    assert history.returncode == 0, history.stderr
    assert "Not redeemed: not sent in time" in history.stdout and "PIN" not in history.stdout
    summary = cli("summary")
    assert summary.returncode == 0, summary.stderr
    assert "Not sent in time" in summary.stdout and "xpired" not in summary.stdout
    code, shown = cli.json("outbox", "show", queued.entry_id)
    assert (code, shown["last_error"]) == (0, "not sent within the kiosk's bound")


def test_history_says_when_its_limit_may_have_left_some_out(cli: Cli) -> None:
    # It stopped at 200 without a word: a manager took the 200 for the whole span.
    for _ in range(2):
        code, _ = cli.json("redeem", "reward", "--user", AYU, "--reward", "5", "--cashier", "Rina")
        assert code == 0
    cut = cli("history", "--limit", "1")
    assert len(cut.stdout.splitlines()) == 1
    assert "the newest 1 shown; older ones may match too" in cut.stderr
    whole = cli("history", "--limit", "5")
    assert len(whole.stdout.splitlines()) == 2 and whole.stderr == ""


def test_an_audit_csv_holds_every_line_unless_cut_and_then_says_so(
    cli: Cli, tmp_path: Path
) -> None:
    # A month's audit CSV stopped at 1000 lines without a word: the record a manager files.
    cli.first_manager()
    for name in ("Rina", "Sari"):
        added = cli("cashier", "add", name, "--no-pin", *AS_MANAGER, stdin=MANAGER_PIN)
        assert added.returncode == 0
    _, every = cli.json("audit")
    target = tmp_path / "audit.csv"
    whole = cli("audit", "--csv", str(target))
    assert whole.returncode == 0 and whole.stderr == ""
    assert len(target.read_text(encoding="utf-8").splitlines()) == len(every) + 1  # a header
    cut = cli("audit", "--limit", "2", "--csv", str(target), "--replace")
    assert cut.returncode == 0
    assert "the newest 2 shown; older ones may match too" in cut.stderr
    assert len(target.read_text(encoding="utf-8").splitlines()) == 3  # the header and two
