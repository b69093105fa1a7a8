"""``stamps-pos demo``: its shop's network can be cut and restored and its server made to fail;
``--exceptions`` leaves those failures for a manager to clear; and Ctrl-C or SIGTERM end it
cleanly, leaving no folder behind."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import keyring
import keyring.backend
import pytest

from app.cli.demo_shop import DemoShop
from app.cli.gui_commands import demo_hint, demo_settings, demo_till_start, demo_token_source
from app.cli.parser import build_parser
from app.core.credentials import Secret, keep_off_the_keyring, store_token
from app.core.domain import EntryStatus
from app.core.services.codes import ScanFormats
from app.core.services.runtime import RuntimeOptions, open_till
from app.core.services.till import Sale
from app.sandbox import DEMO_TOKEN
from app.sandbox.data import build_world

pytestmark = pytest.mark.integration

AUTH = {"Authorization": f"Token {DEMO_TOKEN}"}


def redeem_reward(url: str) -> httpx.Response:
    return httpx.post(
        f"{url}/api/v2/redemptions/redeem-reward",
        json={"user": "customer@stamps.co.id", "reward": 1, "store": 32},
        headers=AUTH,
        timeout=5,
    )


def test_the_demo_shop_cuts_restores_fails_and_resets(tmp_path: Path) -> None:
    shop = DemoShop(tmp_path)
    try:
        first = redeem_reward(shop.url)
        assert first.status_code == 200
        shop.cut_network()
        with pytest.raises(httpx.ConnectError):  # refused: what a till sees when a line is down
            httpx.get(f"{shop.url}/_sandbox/ledger", timeout=2)
        shop.restore_network()
        ledger = httpx.get(f"{shop.url}/_sandbox/ledger", timeout=5).json()["entries"]
        assert len(ledger) == 1  # the same shop, on the same address

        shop.set_fault("server_errors")
        assert redeem_reward(shop.url).status_code >= 500
        assert httpx.get(  # lookups still work: only redemptions fail
            f"{shop.url}/api/v2/memberships/details",
            params={"user": "customer@stamps.co.id", "merchant": 14},
            headers=AUTH,
            timeout=5,
        ).is_success
        shop.cut_network()
        shop.restore_network()
        assert redeem_reward(shop.url).status_code >= 500  # the fault outlives a cut

        shop.reset_shop()
        after = redeem_reward(shop.url)
        assert after.status_code == 200
        # The demo's till keeps its records: an id it holds is never handed out again.
        assert after.json()["redemption"]["id"] > first.json()["redemption"]["id"]
        assert len(httpx.get(f"{shop.url}/_sandbox/ledger", timeout=5).json()["entries"]) == 1
    finally:
        shop.stop()


def test_the_demo_shop_listens_on_the_port_it_is_given(tmp_path: Path) -> None:
    # A tester sharing the machine keeps the demo to their own port: it always took a free one.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    args = build_parser({}).parse_args(["demo", "--port", str(port)])
    shop = DemoShop(tmp_path, args.port)
    try:
        assert shop.url == f"http://127.0.0.1:{port}"
        assert redeem_reward(shop.url).status_code == 200
    finally:
        shop.stop()


async def test_demo_exceptions_leaves_the_menus_faults_for_a_manager(tmp_path: Path) -> None:
    # The plain demo's till resends under its key until confirmed: Exceptions stays empty, and
    # manager mode had nothing to clear. With --exceptions a fault stays an unknown redemption,
    # and what the member's activity proves is read there as a real till reads it: the demo's
    # till had no store code, and Exceptions said of the "applied, then 500" one that a line
    # of the member's activity might be it, where a till set up whole confirms it.
    args = build_parser({}).parse_args(["demo", "--exceptions"])
    shop = DemoShop(tmp_path / "shop")
    try:
        settings, _fixed = demo_settings(args, shop.url, tmp_path)
        assert settings.idempotency == "unknown"
        async with open_till(settings.till_config(), Secret(DEMO_TOKEN)) as till:
            sent = []
            # Two members: a member's redemptions go one at a time, and Ayu's first stays unknown.
            for fault, user in [
                ("applied_then_500", "KR24000006"),
                ("server_errors", "putri.maharani@contoh.co.id"),
            ]:
                shop.set_fault(fault)
                member = await till.lookup.find_member(user)
                order = await till.catalogue.reward_order(member, 1)
                receipt = await till.redeemer.redeem(order, member, Sale("Dewi"))
                status = (await till.wait(receipt.entry_id, 10.0)).status
                assert status in (EntryStatus.UNKNOWN, EntryStatus.SYNCED)
                sent.append(receipt.entry_id)
            shop.set_fault("none")  # the server answers again: nothing resends them
            till.worker.wake()
            applied, never_applied = sent
            for _turn in range(30):  # each wait ends when the entry settles, or after 1 s
                if (await till.wait(applied, 1.0)).status is EntryStatus.SYNCED:
                    break
            assert (await till.wait(applied, 0.0)).status is EntryStatus.SYNCED
            exceptions = await till.history.exceptions()
        assert [item.row.entry_id for item in exceptions] == [never_applied]
    finally:
        shop.stop()


async def test_a_token_saved_in_the_demos_settings_is_the_one_its_till_sends(
    tmp_path: Path,
) -> None:
    # Under Xvfb: F8, Settings, a wrong token saved: "Saved. The new token is in use.", and the
    # next redemption was confirmed, sent with the sandbox's token the till had never let go.
    args = build_parser({}).parse_args(["demo"])
    shop = DemoShop(tmp_path / "shop")
    try:
        settings, fixed = demo_settings(args, shop.url, tmp_path)
        start = demo_till_start(settings, fixed, tmp_path)
        assert start.token_source is not None and start.options.token_folder == tmp_path
        assert start.token_source().reveal() == DEMO_TOKEN  # none saved yet: the sandbox's
        runtime = RuntimeOptions(token_source=start.token_source)  # as run_cashier opens it
        async with open_till(start.config, start.token, runtime) as till:
            assert await till.line.token_accepted() is True
            store_token(Secret("not-the-sandbox-token"), tmp_path)  # as the settings save it
            await till.line.resume_after_credentials_change()
            assert await till.line.token_accepted() is False  # the server sees the token saved
    finally:
        shop.stop()


class _ShopsKeyring(keyring.backend.KeyringBackend):
    """The keyring of a shop's computer, holding its own till's token."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)


def test_the_demo_keeps_a_token_saved_in_its_settings_out_of_the_shops_keyring(
    tmp_path: Path,
) -> None:
    shops = _ShopsKeyring()
    before = keyring.get_keyring()
    keyring.set_keyring(shops)
    try:
        keep_off_the_keyring()  # what the demo does first
        where = store_token(Secret("typed-in-the-demo"), tmp_path)
    finally:
        keyring.set_keyring(before)
    assert shops.kept == {} and where == str(tmp_path / "token")
    assert demo_token_source(tmp_path)().reveal() == "typed-in-the-demo"


def test_the_plain_demo_honours_the_key() -> None:
    args = build_parser({}).parse_args(["demo"])
    settings, _fixed = demo_settings(args, "http://127.0.0.1:9", Path("/nonexistent"))
    assert settings.idempotency == "honoured"


@contextlib.contextmanager
def demo_running(temp: Path, *options: str) -> Iterator[subprocess.Popen[str]]:
    """``stamps-pos demo`` with ``options``, its temporary folders in ``temp`` and its output
    to read; ended (SIGTERM, else SIGKILL) when the block leaves it running."""
    env = {**os.environ, "TMPDIR": str(temp), "QT_QPA_PLATFORM": "offscreen"}
    with subprocess.Popen(
        [sys.executable, "-m", "app", "demo", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    ) as demo:
        try:
            yield demo
        finally:
            if demo.poll() is None:
                demo.terminate()
                try:
                    demo.wait(timeout=60)
                except subprocess.TimeoutExpired:
                    demo.kill()
                    demo.wait()


@pytest.mark.parametrize(
    ("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)], ids=["SIGTERM", "Ctrl-C"]
)
def test_a_signal_ends_the_demo_cleanly_and_removes_its_folder(
    tmp_path: Path, signum: int, code: int
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    with demo_running(temp) as demo:
        assert demo.stdout is not None
        for line in demo.stdout:  # waits on the process's own output, no sleep
            if line.startswith("Ready."):
                break
        else:
            pytest.fail("the demo ended before it was ready")
        assert [p.name for p in temp.iterdir() if p.name.startswith("stamps-pos-demo-")]
        demo.send_signal(signum)
        assert demo.wait(timeout=60) == code
    assert [p.name for p in temp.iterdir() if p.name.startswith("stamps-pos-demo-")] == []


def test_the_kiosk_demo_says_how_to_use_the_kiosk_not_the_cashiers_window(tmp_path: Path) -> None:
    # It printed the cashier's hint first: pick a cashier, type into Member, F4, F8, the Demo
    # menu, none of which the kiosk has.
    said: list[str] = []
    with demo_running(tmp_path, "--kiosk") as demo:
        assert demo.stdout is not None
        for line in demo.stdout:  # waits on the process's own output, no sleep
            said.append(line)
            if line.startswith("Hold the top-left corner"):
                break
        else:
            pytest.fail(f"the kiosk demo ended before its hint: {said}")
    hint = "".join(said)
    assert hint.startswith("Stamps POS demo: the kiosk runs against a sandbox at http://127.0.0.1:")
    assert "70140000000123 is Budi, PIN 123456" in hint
    for cashiers_only in ("Pick a cashier", "Member, then Enter", "F8", "Demo menu", "F4"):
        assert cashiers_only not in hint


def test_the_demo_sets_the_shops_formats_to_its_own_data_and_says_them() -> None:
    # The demo's till had no formats: a receipt or a voucher code scanned showed none of the
    # rules at work, and the hint never said they were there.
    args = build_parser({}).parse_args(["demo"])
    settings, fixed = demo_settings(args, "http://127.0.0.1:9", Path("/nonexistent"))
    formats = ScanFormats.read(
        settings.card_prefixes, settings.invoice_prefixes, settings.voucher_prefixes
    )
    world = build_world(0.0)
    for member in world.members.values():
        for card in (*member.member_ids, member.card_number):
            if card:
                assert formats.kind_of(card) == "card", card
        for other in (member.email, member.phone):
            if other:
                assert formats.kind_of(other) is None, other
    codes = [voucher.code for voucher in world.vouchers.values()]
    assert {formats.kind_of(code) for code in codes if code != "ABCD100k"} == {"voucher"}
    for promo in world.promo_codes.values():
        assert formats.kind_of(promo.code) is None, promo.code
    assert formats.kind_of("INV-0042") == "invoice"
    assert not {"card_prefixes", "invoice_prefixes", "voucher_prefixes"} & set(fixed)
    hint = demo_hint("http://127.0.0.1:9", settings)
    for prefix in (*formats.card, *formats.invoice, *formats.voucher):
        assert prefix in hint
