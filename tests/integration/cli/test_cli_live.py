"""The headless till, as a shell script or a support engineer would drive it, against a live
sandbox: exit codes, JSON, and what lands in the outbox."""

from __future__ import annotations

import asyncio
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.config import Settings
from app.core.services.upkeep import NOTE, fold_all_attempts
from app.core.storage import Database

from ..conftest import SandboxControl
from .conftest import MANAGER_PIN, Cli

pytestmark = pytest.mark.integration

ENTRY_KEYS = {
    "id",
    "kind",
    "status",
    "attempts",
    "lane",
    "provisional",
    "server_redemption_id",
    "last_error",
}
BUDI = 123  # the sandbox's PIN member (budi.santoso@contoh.co.id): 180 stamps, PIN 123456
AGUS_ID = 126  # the sandbox's agus.setiawan@contoh.co.id: 0 stamps


def test_member_find_prints_the_member(cli: Cli) -> None:
    code, member = cli.json("member", "find", "081210000006")
    assert code == 0
    assert member["name"] == "Ayu Pratiwi"
    assert member["stamps"] == 250


@pytest.mark.parametrize(
    "typed",
    ["ＫＲ２４０００００６", "\u3000KR２４０００００６", "٠٨١٢١٠٠٠٠٠٠٦", "۰۸۱۲۱۰۰۰۰۰۰۶"],
    ids=["full-width card", "wide space and digits", "Arabic-Indic phone", "Persian phone"],
)
def test_an_identifier_typed_in_wide_or_other_digits_finds_the_member(cli: Cli, typed: str) -> None:
    # An input method in its wide mode, or a keyboard set to Arabic digits, types the card or
    # phone the server knows: it answered "No member matches “ＫＲ２４０００００６”".
    code, member = cli.json("member", "find", typed)
    assert code == 0
    assert member["name"] == "Ayu Pratiwi"


def test_redeem_waits_for_the_server_and_exits_0_when_confirmed(
    cli: Cli, sandbox: SandboxControl
) -> None:
    code, entry = cli.json("redeem", "reward", "--user", "KR24000006", "--reward", "1")
    assert code == 0
    assert entry.keys() >= ENTRY_KEYS
    assert entry["kind"] == "reward"
    assert entry["status"] == "synced"
    assert isinstance(entry["server_redemption_id"], int)
    assert entry["last_error"] is None
    assert sandbox.stamps("customer@stamps.co.id") == 230


def test_queue_only_prints_the_queued_entry_and_sync_once_sends_it(
    cli: Cli, sandbox: SandboxControl
) -> None:
    code, entry = cli.json(
        "redeem",
        "multi",
        "--user",
        "customer@stamps.co.id",
        "--reward",
        "KR-001:2",
        "--queue-only",
    )
    # queued is not confirmed: exit 3, as the README says
    assert (code, entry["status"], entry["kind"]) == (3, "queued", "multi")
    assert sandbox.ledger() == []
    synced = cli("sync", "--once", "--timeout", "20")
    assert synced.returncode == 0, synced.stderr
    code, listing = cli.json("outbox", "list")
    assert [e["status"] for e in listing] == ["synced"]
    assert len(sandbox.ledger()) == 1
    # sent as a cart, it holds one reward: counted and listed as one, as the window's End of day
    # and History do (they said "Several rewards" of it)
    code, rows = cli.json("history")
    assert (code, [r["kind"] for r in rows]) == (0, ["reward"])
    code, day = cli.json("summary")
    assert (code, [line["kind"] for line in day["lines"]]) == (0, ["reward"])


@pytest.mark.parametrize(
    ("rewards", "kind"), [(["NOPE:3"], "reward"), (["NOPE", "KR-001"], "multi")]
)
def test_a_cart_refused_before_it_is_an_order_is_counted_as_what_it_holds(
    cli: Cli, rewards: list[str], kind: str
) -> None:
    asked = [arg for code in rewards for arg in ("--reward", code)]
    done = cli("redeem", "multi", "--user", "customer@stamps.co.id", *asked)
    assert done.returncode == 1 and "NOPE" in done.stderr, done.stderr
    code, day = cli.json("summary")
    assert (code, [(line["kind"], line["standing"]) for line in day["lines"]]) == (
        0,
        [(kind, "refused")],
    )


def test_a_server_refusal_exits_1_with_the_reason(cli: Cli, sandbox: SandboxControl) -> None:
    # A balance the server does not give: the till cannot judge the cost, the server refuses it
    sandbox.change_member(AGUS_ID, stamps=None)
    done = cli("redeem", "reward", "--user", "agus.setiawan@contoh.co.id", "--reward", "1")
    assert done.returncode == 1
    assert "refused" in done.stderr.lower()


def test_a_cost_over_the_balance_just_read_exits_1_and_enqueues_nothing(cli: Cli) -> None:
    # Agus has no stamps, read a moment ago: the till refuses it without sending
    done = cli("redeem", "reward", "--user", "agus.setiawan@contoh.co.id", "--reward", "1")
    assert done.returncode == 1
    assert "Not enough stamps" in done.stderr
    assert cli.json("outbox", "list")[1] == []


def test_a_policy_refusal_exits_1_and_enqueues_nothing(cli: Cli) -> None:
    done = cli("redeem", "reward", "--user", "hendra.gunawan@contoh.co.id", "--reward", "4")
    assert done.returncode == 1
    assert "blocked" in done.stderr
    assert cli.json("outbox", "list")[1] == []
    listed = cli("outbox", "list")  # a person's listing says it is empty, not a blank
    assert (listed.returncode, listed.stdout) == (0, "no outbox entries match\n")


def test_pin_from_stdin_authorises_then_redeems(cli: Cli, sandbox: SandboxControl) -> None:
    base = ("redeem", "reward", "--user", "budi.santoso@contoh.co.id", "--reward", "1")
    needs_pin = cli(*base)
    assert needs_pin.returncode == 1
    assert "need their PIN" in needs_pin.stderr and "--pin-stdin" in needs_pin.stderr
    assert sandbox.pin_checks(BUDI) == 0
    wrong = cli(*base, "--pin-stdin", stdin="000000\n")
    assert wrong.returncode == 1
    assert "(2 attempts left)" in wrong.stderr
    assert "000000" not in wrong.stderr + wrong.stdout
    code, entry = cli.json(*base, "--pin-stdin", stdin="123456\n")
    assert (code, entry["status"]) == (0, "synced")
    assert sandbox.stamps("budi.santoso@contoh.co.id") == 160


@pytest.mark.parametrize(
    ("standing", "words", "pin"),
    [
        ({"is_blocked": True}, "This member is blocked", "000000\n"),
        ({"redemption_allowed": False}, "Redemptions are not allowed", "123456\n"),
    ],
)
def test_an_order_the_till_refuses_spends_no_pin_check(
    cli: Cli, sandbox: SandboxControl, standing: dict[str, bool], words: str, pin: str
) -> None:
    # The till's own rules refuse it before the server is asked to check the PIN, as the
    # window's do: a wrong PIN the server sees costs Budi one of his three attempts.
    base = ("redeem", "reward", "--user", "budi.santoso@contoh.co.id", "--reward", "1")
    sandbox.change_member(BUDI, **standing)
    refused = cli(*base, "--pin-stdin", stdin=pin)
    assert refused.returncode == 1
    assert words in refused.stderr, refused.stderr
    assert sandbox.pin_checks(BUDI) == 0
    sandbox.change_member(BUDI, is_blocked=False, redemption_allowed=True)
    wrong = cli(*base, "--pin-stdin", stdin="000000\n")
    assert "(2 attempts left)" in wrong.stderr, wrong.stderr


def test_a_pin_for_a_member_who_needs_none_is_not_checked(
    cli: Cli, sandbox: SandboxControl
) -> None:
    done = cli(
        "redeem", "reward", "--user", "KR24000006", "--reward", "1", "--pin-stdin",
        stdin="123456\n",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "need no PIN" in done.stderr
    assert not sandbox.server.sandbox.state.world.authorizations
    assert sandbox.stamps("customer@stamps.co.id") == 230


def test_a_pin_members_voucher_code_is_redeemed_without_asking_their_pin(
    cli: Cli, sandbox: SandboxControl
) -> None:
    # by-voucher-code takes no request_id: "needs their PIN. Give it on standard input with
    # --pin-stdin" asked for a check the server would never be told of
    done = cli("redeem", "code", "--user", "budi.santoso@contoh.co.id", "--code", "ABCD100k")
    assert done.returncode == 0, done.stdout + done.stderr
    given = cli(
        "redeem", "code", "--user", "budi.santoso@contoh.co.id", "--code", "RINDANG-100K-7H2K",
        "--pin-stdin", stdin="123456\n",
    )  # fmt: skip
    assert given.returncode == 0, given.stdout + given.stderr
    assert "a voucher code needs no PIN: the one given was not checked" in given.stderr
    assert not sandbox.server.sandbox.state.world.authorizations
    assert sandbox.pin_checks(BUDI) == 0


def test_not_confirmed_exits_3(cli: Cli, sandbox: SandboxControl) -> None:
    sandbox.faults(error_rate=1.0, error_statuses=[502], scope="redemptions")
    code, entry = cli.json(
        "redeem", "voucher", "--user", "customer@stamps.co.id", "--voucher", "20"
    )
    assert code == 3
    assert entry["status"] in ("queued", "unknown")
    assert entry["verdict"] == "not_confirmed"


def test_outbox_show_says_each_attempt_in_a_sentence_with_the_record_behind_it(
    cli: Cli, sandbox: SandboxControl
) -> None:
    # Each attempt read "ambiguous (502) ServerError: 502 Bad Gateway": a record, no sentence.
    sandbox.faults(error_rate=1.0, error_statuses=[502], scope="redemptions")
    code, entry = cli.json("redeem", "reward", "--user", "customer@stamps.co.id", "--reward", "4")
    assert code == 3
    shown = cli("outbox", "show", entry["id"])
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    [at] = [n for n, line in enumerate(lines) if line.startswith("  attempt 1, ")]
    assert lines[at].endswith(
        ": The Stamps server failed while handling it: the server may have applied it."
    )
    # "outcome ambiguous" was the outbox's word; the window's details say what it means
    assert lines[at + 1] == (
        "      detail: no clear answer: not known whether it was applied; HTTP 502; "
        "ServerError: 502 Bad Gateway"
    )
    code, as_json = cli.json("outbox", "show", entry["id"])
    first = as_json["attempts_detail"][0]
    assert (first["outcome"], first["status_code"], first["error"]) == (
        "ambiguous",  # a script's key, as recorded
        502,
        "ServerError: 502 Bad Gateway",
    )
    assert first["error_words"].startswith("The Stamps server failed while handling it")


def test_cancel_then_show_the_attempts(cli: Cli, sandbox: SandboxControl) -> None:
    code, entry = cli.json("redeem", "reward", "--user", "customer@stamps.co.id", "--reward", "2")
    assert code == 0
    cli.first_manager()
    code, cancel = cli.json(
        "cancel",
        "--server-id",
        str(entry["server_redemption_id"]),
        "--manager",
        "Ayu",
        stdin=MANAGER_PIN,
    )
    assert (code, cancel["kind"], cancel["status"]) == (0, "cancel", "synced")
    assert sandbox.stamps("customer@stamps.co.id") == 250
    code, shown = cli.json("outbox", "show", entry["id"])
    assert code == 0
    assert [a["outcome"] for a in shown["attempts_detail"]] == ["applied"]
    # the outcome said once, in the details' words (it read "the Stamps server applied it",
    # then "outcome applied" on the line under it)
    lines = cli("outbox", "show", entry["id"]).stdout.splitlines()
    [at] = [n for n, line in enumerate(lines) if line.startswith("  attempt 1, ")]
    assert lines[at].endswith(": applied by the server")
    assert lines[at + 1] == "      detail: HTTP 200"


def test_outbox_list_says_what_history_says_of_the_same_entry(cli: Cli) -> None:
    # outbox list said "synced", "member:6" and the time in UTC; history said "Confirmed", the
    # member's name and the till's own time: a maintainer reading both had to translate.
    cli.env["TZ"] = "Asia/Jakarta"
    code, entry = cli.json("redeem", "reward", "--user", "customer@stamps.co.id", "--reward", "1")
    assert code == 0, entry
    [row] = cli("history").stdout.splitlines()
    at = row[:16]  # the till's clock, to the minute
    assert cli("outbox", "list").stdout.splitlines() == [
        f"{entry['id']}  {at}  reward  Confirmed  [synced]  "
        f"server {entry['server_redemption_id']}  Ayu Pratiwi ({entry['lane']})"
    ]
    assert "  Confirmed  " in row and "  Ayu Pratiwi  " in row
    # the machine's words stay as they were
    code, [listed] = cli.json("outbox", "list")
    assert (listed["status"], listed["verdict"], listed["lane"]) == (
        "synced",
        "confirmed",
        "member:6",
    )


def test_usage_and_configuration_errors_exit_2(cli: Cli) -> None:
    assert cli("redeem", "reward", "--user", "x").returncode == 2
    cli.env["STAMPS_POS_LANES"] = "zero"
    done = cli("outbox", "list")
    assert done.returncode == 2
    assert "setting 'lanes'" in done.stderr
    del cli.env["STAMPS_POS_LANES"]
    del cli.env["STAMPS_POS_TOKEN"]
    done = cli("outbox", "list")
    assert done.returncode == 2
    assert "no API token" in done.stderr


def test_manager_decisions_on_an_unknown_entry(cli: Cli, sandbox: SandboxControl) -> None:
    cli.env["STAMPS_POS_IDEMPOTENCY"] = "unknown"
    # Without the store's code the feed line cannot be proven to be this store's: the entry
    # stays unknown for the manager instead of being reconciled.
    del cli.env["STAMPS_POS_STORE_CODE"]
    sandbox.faults(drop_rate=1.0, drop_after_apply=True, scope="redemptions")
    code, entry = cli.json("redeem", "reward", "--user", "customer@stamps.co.id", "--reward", "4")
    assert (code, entry["status"]) == (3, "unknown")
    sandbox.faults(drop_rate=0.0, drop_after_apply=False)  # fine again; the entry stays unknown
    unsettled = cli("sync", "--once", "--timeout", "10")
    # an unknown entry is not confirmed: a script's `sync --once && …` must not read it as done
    assert unsettled.returncode == 3, unsettled.stdout
    assert "unknown 1" in unsettled.stdout
    cli.first_manager()
    manager = ("--manager", "Ayu")
    dismiss = cli("outbox", "dismiss", entry["id"], *manager, stdin=MANAGER_PIN)
    assert dismiss.returncode == 2  # a note is required
    done = cli(
        "outbox",
        "mark-applied",
        entry["id"],
        "--note",
        "seen on the dashboard",
        *manager,
        stdin=MANAGER_PIN,
    )
    assert done.returncode == 0, done.stderr
    code, shown = cli.json("outbox", "show", entry["id"])
    assert shown["status"] == "synced"
    assert cli("sync", "--once", "--timeout", "10").returncode == 0


def test_doctor_checks_the_setup_and_tells_bad_credentials_apart(cli: Cli) -> None:
    good = cli("doctor")
    assert good.returncode == 0, good.stdout
    assert "all checks passed" in good.stdout
    cli.env["STAMPS_POS_TOKEN"] = "not-the-token"
    bad = cli("doctor")
    assert bad.returncode == 4
    assert "refuses this token" in bad.stdout
    assert "not-the-token" not in bad.stdout + bad.stderr


def test_doctor_says_when_the_server_cannot_be_reached(cli: Cli) -> None:
    cli.env["STAMPS_POS_BASE_URL"] = "http://127.0.0.1:9"  # discard port: nothing listens
    done = cli("doctor")
    assert done.returncode == 3
    assert "could not reach" in done.stdout


def test_offline_a_members_redemptions_are_each_accepted_offline_at_once(cli: Cli) -> None:
    code, _ = cli.json("redeem", "reward", "--user", "KR24000006", "--reward", "1")
    assert code == 0  # online: the till now remembers her and the rewards
    cli.env["STAMPS_POS_BASE_URL"] = "http://127.0.0.1:9"  # discard port: nothing listens
    # A request timeout longer than the command is given to run: the second entry, which waits
    # behind the first, must not be waited for.
    cli.env["STAMPS_POS_READ_TIMEOUT"] = "300"
    for _ in range(2):
        code, entry = cli.json("redeem", "reward", "--user", "KR24000006", "--reward", "1")
        assert (code, entry["verdict"], entry["provisional"]) == (3, "accepted_offline", True)
    code, entries = cli.json("outbox", "list")
    assert code == 0
    assert sorted(e["status"] for e in entries) == ["queued", "queued", "synced"]


def test_a_pin_refusal_before_queueing_is_on_the_days_record(
    cli: Cli, sandbox: SandboxControl
) -> None:
    # Budi's first redemption waits in the queue (queued only: no worker sends it); a second one
    # with his PIN is refused before anything is queued, his lane busy: the day counts it, as it
    # counts the window's
    base = ("redeem", "reward", "--user", "70140000000123", "--reward", "1", "--cashier", "Rina")
    code, first = cli.json(*base, "--pin-stdin", "--queue-only", stdin="123456\n")
    assert (code, first["status"]) == (3, "queued")
    busy = cli(*base, "--pin-stdin", "--queue-only", stdin="123456\n")
    assert busy.returncode == 1 and "waiting to sync" in busy.stderr, busy.stderr
    code, day = cli.json("summary")
    assert code == 0
    assert [(line["cashier"], line["standing"], line["count"]) for line in day["lines"]] == [
        ("Rina", "not_confirmed", 1),
        ("Rina", "refused", 1),
    ]
    # The history lists it beside what was queued, marked as refused at the counter: it gave
    # only a count of them, and a manager reconciling the day read none of them there.
    listed = cli("history")
    assert listed.returncode == 0 and listed.stderr == "", listed.stderr
    newest, oldest = listed.stdout.splitlines()
    assert "refused at the counter  Rina  Budi Santoso" in newest
    assert "waiting to sync" in newest  # why, in the words the cashier was shown
    assert "refused at the counter" not in oldest
    code, rows = cli.json("history")
    assert code == 0
    assert [(r["at_the_counter"], r["status"], r["id"] is None) for r in rows] == [
        (True, "refused", True),
        (False, "queued", False),
    ]
    assert rows[0]["refusal_id"] is not None and rows[0]["member_name"] == "Budi Santoso"
    for asked, refusals in (
        (("--cashier", "rina", "--status", "refused-at-the-counter"), 1),
        # what the server refused once sent: it listed the counter's refusals too
        (("--status", "refused"), 0),
        (("--status", "rejected"), 0),
        (("--member", "budi"), 1),
        (("--member", "ayu"), 0),
        (("--cashier", "Sari"), 0),
        (("--status", "confirmed"), 0),
        (("--status", "not_redeemed"), 0),
    ):
        code, rows = cli.json("history", *asked)
        # Ayu and Sari are on none of this till's records: said so, exit 1, nothing listed
        assert code == (1 if asked[1] in ("ayu", "Sari") else 0), asked
        assert sum(r["at_the_counter"] for r in rows) == refusals, asked


def test_a_flexible_reward_without_its_stamps_is_no_refusal_of_the_day(cli: Cli) -> None:
    # The till asks for the stamps before anything is sent: the summary counted it "refused",
    # and listed it as refused at the counter, as if a customer had been turned away.
    done = cli("redeem", "reward", "--user", "KR24000006", "--reward", "12", "--cashier", "Rina")
    assert done.returncode == 1 and "stamps" in done.stderr, done.stderr
    code, day = cli.json("summary")
    assert code == 0
    assert (day["lines"], day["refused_at_the_counter"]) == ([], [])
    with sqlite3.connect(cli.settings.database_path) as db:
        assert db.execute("SELECT count(*) FROM refusals").fetchone() == (0,)


def test_sync_warns_in_one_line_when_the_clock_reads_earlier_than_what_it_recorded(
    cli: Cli,
) -> None:
    code, _entry = cli.json(
        "redeem", "reward", "--user", "customer@stamps.co.id", "--reward", "1", "--queue-only"
    )
    assert code == 3
    settled = cli("sync", "--once", "--timeout", "20")
    assert (settled.returncode, settled.stderr) == (0, "")  # the clock is right: nothing said
    # As if the clock was moved back two hours since the redemption was recorded.
    with sqlite3.connect(cli.settings.database_path) as db:
        db.execute(
            "UPDATE outbox_entries SET created_at = datetime(created_at, '+2 hours', '+30 seconds')"
        )
    db.close()
    warned = cli("sync", "--once", "--timeout", "20")
    assert warned.returncode == 0  # a warning, not a failure: the queue is settled
    assert warned.stdout.startswith("queued 0, sending 0, unknown 0, rejected 0")
    lines = warned.stderr.splitlines()
    assert len(lines) == 1, warned.stderr
    assert (
        "the till's clock reads 2 h 0 min earlier than the last redemption it recorded" in lines[0]
    )


def _until(condition: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the condition never came true"
        time.sleep(0.05)  # another process's state: nothing to wait on but asking again


@pytest.mark.parametrize(
    ("signum", "code", "said"),
    [(signal.SIGINT, 130, "Ctrl-C"), (signal.SIGTERM, 143, "SIGTERM")],
    ids=["Ctrl-C", "SIGTERM"],
)
def test_a_stop_while_the_answer_is_awaited_names_the_entry_that_stands(
    cli: Cli, sandbox: SandboxControl, signum: signal.Signals, code: int, said: str
) -> None:
    # exit 130 alone (and SIGTERM's death, silent) read as "nothing happened", though the
    # redemption was queued and went through: run again, the member's stamps were spent twice
    sandbox.faults(held=True, scope="redemptions")
    running = subprocess.Popen(
        [sys.executable, "-m", "app", "redeem", "reward", "--user", "KR24000006", "--reward", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli.env,
    )
    try:
        _until(lambda: sandbox.holding() == 1)  # the redemption is on its way
    finally:
        running.send_signal(signum)
        sandbox.faults(held=False)
        out, err = running.communicate(timeout=60)
    assert running.returncode == code, err
    assert f"stopped by {said} while waiting" in err
    assert out == ""  # no receipt: the command did not see how it ended
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert "do not redeem it again" in err
    named = re.search(r"entry ([0-9a-f-]{36}) was queued", err)
    assert named, err
    shown, entry = cli.json("outbox", "show", named.group(1))
    assert shown in (0, 3) and entry["id"] == named.group(1)


def test_outbox_show_says_every_try_of_an_entry_whose_attempts_were_folded(
    cli: Cli, till_settings: Settings
) -> None:
    # Queued, then (as if offline for days) tried 30 times, none arriving; the upkeep folds
    # attempts 4 to 10. The entry still says 30 attempts, lists 23 and says the 7 in one line.
    code, entry = cli.json(
        "redeem", "reward", "--user", "customer@stamps.co.id", "--reward", "4", "--queue-only"
    )
    assert code == 3
    database = till_settings.till_config().database_path
    with sqlite3.connect(database) as db:
        db.executemany(
            "INSERT INTO outbox_attempts (entry_id, number, lease_owner, started_at, ended_at, "
            "outcome, error) VALUES (?, ?, 'w', '2026-12-01 09:00:00', '2026-12-01 09:00:03', "
            "'never_arrived', 'ConnectionFailed: could not reach the Stamps server (refused)')",
            [(entry["id"], n) for n in range(1, 31)],
        )
        db.execute("UPDATE outbox_entries SET attempts = 30 WHERE id = ?", (entry["id"],))
    db.close()
    assert asyncio.run(_fold(database)) == 7

    shown = cli("outbox", "show", entry["id"])
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert any("30 attempts)" in line for line in lines)
    assert "  23 attempts of 30 listed; the others never reached the Stamps server" in (
        shown.stdout
    )
    numbered = [line.split(",")[0] for line in lines if line.startswith("  attempt")]
    assert numbered == [f"  attempt {n}" for n in (1, 2, 3, *range(11, 31))]
    assert "no words for" not in shown.stdout  # each listed attempt says why it failed
    [folded] = [n for n, line in enumerate(lines) if line.startswith("  7 more attempts, ")]
    assert lines[folded - 2].startswith("  attempt 3, ")
    assert lines[folded].endswith(": never reached the server: nothing applied")
    code, as_json = cli.json("outbox", "show", entry["id"])
    assert as_json["attempts"] == 30 and len(as_json["attempts_detail"]) == 23
    assert [(f["outcome"], f["count"]) for f in as_json["attempts_folded"]] == [
        ("never_arrived", 7)
    ]


async def _fold(database: Path) -> int:
    db = Database(database)
    try:
        return await fold_all_attempts(db)
    finally:
        await db.close()


def test_a_till_run_only_by_sync_once_does_the_daily_upkeep_once_a_day(
    cli: Cli, till_settings: Settings
) -> None:
    # A store whose till is cron's `sync --once` every few minutes: it never folded an entry's
    # attempts nor forgot a settled entry older than the retention, as the window does daily.
    database = till_settings.till_config().database_path

    def queued() -> str:
        code, entry = cli.json(
            "redeem", "reward", "--user", "customer@stamps.co.id", "--reward", "4", "--queue-only"
        )
        assert code == 3
        return str(entry["id"])

    def settled_long_ago(entry_id: str) -> None:
        with sqlite3.connect(database) as db:
            db.execute(
                "UPDATE outbox_entries SET status = 'synced', created_at = '2024-01-10 09:00:00', "
                "updated_at = '2024-01-10 09:00:00' WHERE id = ?",
                (entry_id,),
            )
        db.close()

    def listed() -> set[str]:
        code, entries = cli.json("outbox", "list")
        assert code == 0
        return {e["id"] for e in entries}

    tried, old = queued(), queued()
    with sqlite3.connect(database) as db:  # tried 30 times while offline, none arriving
        db.executemany(
            "INSERT INTO outbox_attempts (entry_id, number, lease_owner, started_at, ended_at, "
            "outcome, error) VALUES (?, ?, 'w', '2026-12-01 09:00:00', '2026-12-01 09:00:03', "
            "'never_arrived', 'ConnectionFailed: [Errno 111] Connection refused')",
            [(tried, n) for n in range(1, 31)],
        )
        db.execute("UPDATE outbox_entries SET attempts = 30 WHERE id = ?", (tried,))
    db.close()
    settled_long_ago(old)

    synced = cli("sync", "--once", "--timeout", "20")
    assert synced.returncode == 0, synced.stderr
    shown = cli("outbox", "show", tried)
    assert "  23 attempts of 31 listed; the others never reached the Stamps server" in (
        shown.stdout
    ), shown.stdout
    assert old not in listed()

    # the next run, minutes later, does not go over it all again; a day later it does
    older = queued()
    settled_long_ago(older)
    assert cli("sync", "--once", "--timeout", "20").returncode == 0
    assert older in listed()
    yesterday = datetime.now(UTC) - timedelta(days=1, minutes=1)
    (till_settings.data_dir / NOTE).write_text(yesterday.isoformat(), encoding="utf-8")
    assert cli("sync", "--once", "--timeout", "20").returncode == 0
    assert older not in listed()
