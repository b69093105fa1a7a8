"""The command line keeps the same promises as the window: a balance voucher is deducted from
(used up whole only when asked), and a credentials pause lifts when ``token set`` gives a token
the server takes."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.services import token_file
from app.sandbox import DEMO_TOKEN

from ...support.disk import UNWRITABLE, unwritable_folder
from ...support.odd_servers import LoginRequired, serving
from ..conftest import SandboxControl
from .conftest import Cli

pytestmark = pytest.mark.integration

AYU = "customer@stamps.co.id"


def test_a_balance_voucher_is_deducted_from_and_used_up_whole_only_when_asked(
    cli: Cli, sandbox: SandboxControl
) -> None:
    whole = cli("redeem", "voucher", "--user", AYU, "--voucher", "12")
    assert whole.returncode == 1
    assert "Saldo Hadiah Rindang is a balance voucher: deduct an amount from it" in whole.stderr
    too_much = cli("redeem", "deduct", "--user", AYU, "--voucher", "12", "--value", "150001")
    assert too_much.returncode == 1
    assert "has only Rp 150.000 left" in too_much.stderr
    assert sandbox.ledger() == []

    code, entry = cli.json("redeem", "deduct", "--user", AYU, "--voucher", "12", "--value", "50000")
    assert (code, entry["status"], entry["what"]) == (
        0,
        "synced",
        "Rp 50.000 from Saldo Hadiah Rindang",
    )
    code, entry = cli.json("redeem", "voucher", "--user", AYU, "--voucher", "12", "--whole")
    assert (code, entry["status"], entry["what"]) == (
        0,
        "synced",
        "Saldo Hadiah Rindang, used up whole",
    )
    assert [e["kind"] for e in sandbox.ledger()] == ["redeem_deduct", "redeem_voucher"]


def test_a_deduct_names_the_voucher_it_used_not_one_it_issued(cli: Cli) -> None:
    # The server's answer names the voucher the deduction came from; "voucher issued" told the
    # cashier a new voucher had been made for the member.
    done = cli("redeem", "deduct", "--user", AYU, "--voucher", "12", "--value", "10000")
    assert done.returncode == 0, done.stderr
    assert "voucher code  SALDO-AYU-150K" in done.stdout
    assert "issued" not in done.stdout


def test_a_refused_token_pauses_the_queue_and_token_set_lifts_the_pause(
    cli: Cli, sandbox: SandboxControl, tmp_path: Path
) -> None:
    del cli.env["STAMPS_POS_TOKEN"]  # the token lives where `token set` puts it
    assert cli("token", "set", stdin=f"{DEMO_TOKEN}\n").returncode == 0
    code, queued = cli.json("redeem", "reward", "--user", AYU, "--reward", "1", "--queue-only")
    assert (code, queued["status"]) == (3, "queued")  # queued only: not confirmed
    # The token is revoked before the queue is sent: the server refuses the one the till keeps
    # (`token set` would not store a token the server refuses), and the queue pauses.
    token_file(Path(cli.env["STAMPS_POS_CONFIG"]).parent).write_text("not-the-token\n")
    paused = cli("sync", "--once", "--timeout", "5")
    assert paused.returncode == 4, paused.stdout + paused.stderr
    assert "refuses this till's API token" in paused.stderr
    refused = cli("member", "find", AYU)  # no outage: the till does not serve from memory
    assert refused.returncode == 4
    assert "refuses this till's API token" in refused.stderr

    changed = cli("token", "set", stdin=f"{DEMO_TOKEN}\n")
    assert changed.returncode == 0, changed.stderr
    assert "The API token works again: sync has resumed." in changed.stdout
    drained = cli("sync", "--once", "--timeout", "20")
    assert drained.returncode == 0, drained.stdout + drained.stderr
    code, listing = cli.json("outbox", "list")
    assert [e["status"] for e in listing] == ["synced"]
    assert len(sandbox.ledger()) == 1
    assert DEMO_TOKEN not in changed.stdout + changed.stderr


def test_token_set_keeps_the_token_it_had_when_the_server_refuses_the_new_one(cli: Cli) -> None:
    # A token typed wrong replaced one that worked ("token stored", exit 0): the first
    # customer's redemption then paused the queue.
    del cli.env["STAMPS_POS_TOKEN"]
    first = cli("token", "set", stdin=f"{DEMO_TOKEN}\n")
    assert first.returncode == 0, first.stderr
    assert "Checked with the Stamps server: accepted for Kopi Rindang" in first.stdout
    typo = cli("token", "set", stdin="sandbox-demo-tokem\n")
    assert typo.returncode == 4, typo.stdout + typo.stderr
    assert typo.stderr.startswith(
        "stamps-pos token set: the token is not saved: the server refuses this token"
    )
    assert "The token kept before is unchanged" in typo.stderr
    assert "token stored" not in typo.stdout
    assert cli("member", "find", AYU).returncode == 0  # on the token it kept


def test_token_set_behind_a_login_page_that_answers_401_does_not_call_the_token_refused(
    cli: Cli,
) -> None:
    # A shop's Wi-Fi login page answers 401 to every address: "the server refuses this token"
    # was false, and a right token was not saved.
    del cli.env["STAMPS_POS_TOKEN"]
    typed = "portal-hides-this-token-77"
    with serving(LoginRequired) as url:
        cli.env["STAMPS_POS_BASE_URL"] = url
        done = cli("token", "set", stdin=f"{typed}\n")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "refuses" not in done.stdout + done.stderr
    assert (
        "Not checked with the Stamps server: a web page answered instead of the Stamps server"
        in done.stdout
    )
    assert typed not in done.stdout + done.stderr


def test_token_set_says_when_the_token_is_another_merchants(cli: Cli) -> None:
    # The server took it, "token stored", exit 0: every redemption then went under the settings'
    # merchant with another merchant's token (or the merchant was typed wrong).
    del cli.env["STAMPS_POS_TOKEN"]
    cli.env["STAMPS_POS_MERCHANT"] = "15"
    done = cli("token", "set", stdin=f"{DEMO_TOKEN}\n")
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stdout.startswith("token stored in ")  # the settings may be the wrong side
    assert done.stderr == (
        "stamps-pos token set: the token belongs to merchant 14; the settings say 15: set "
        "merchant to the token's, or use this merchant's token\n"
    )


@pytest.mark.parametrize("way", UNWRITABLE)
def test_token_set_on_a_folder_it_cannot_write_says_which_and_what_to_do(
    cli: Cli, tmp_path: Path, way: str
) -> None:
    # It printed the system's words, "Read-only file system", naming no folder to change.
    del cli.env["STAMPS_POS_TOKEN"]
    with unwritable_folder(tmp_path / "settings", way) as folder:
        cli.env["STAMPS_POS_CONFIG"] = str(folder / "settings.toml")
        done = cli("token", "set", stdin=f"{DEMO_TOKEN}\n")
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.startswith("stamps-pos token set: the token is not saved: ")
    assert f"folder {folder}" in done.stderr and "store the token again" in done.stderr
    assert "Traceback" not in done.stderr and "Errno" not in done.stderr
    assert DEMO_TOKEN not in done.stdout + done.stderr


def test_a_voucher_redemption_s_confirmed_cancel_says_no_stamps_came_back(cli: Cli) -> None:
    # Seen: `stamps-pos cancel` of a deduction said "250 stamps left." (the member's stamps,
    # which the deduction never spent), and `outbox show` said it again.
    cli.first_manager()
    code, entry = cli.json("redeem", "deduct", "--user", AYU, "--voucher", "12", "--value", "5000")
    assert code == 0
    cancelled = cli("cancel", entry["id"], "--manager", "Ayu", stdin="246810\n")
    assert cancelled.returncode == 0, cancelled.stderr
    said = (
        "The deduction from the voucher no longer stands; it spent no stamps, and no "
        "replacement voucher was asked for."
    )
    assert f"  {said}\n" in cancelled.stdout
    assert "stamps left" not in cancelled.stdout
    cancel_id = cancelled.stdout.split("entry   ")[1].split()[0]
    shown = cli("outbox", "show", cancel_id)
    assert f"  {said}\n" in shown.stdout
    code, listed = cli.json("outbox", "list")
    assert [e["details"] for e in listed if e["id"] == cancel_id] == [said]
