"""One way in: the window and the command line make the same decision, in the same words, for
the same member and order, online and offline (they share the till's services and its memory)."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.config import Settings
from app.ui.cashier_window import CashierWindow
from app.ui.controllers.tasks import spawn

from ...support.cli import TillCli as Cli
from ...support.network import Network
from .conftest import WAIT_MS, find_member

pytestmark = pytest.mark.integration

AYU = "customer@stamps.co.id"
#: The window's cashier: a till with cashier accounts takes a redemption only under one.
AS_DEWI = ("--cashier", "Dewi")


def window_says(
    qtbot: QtBot, cashier: CashierWindow, flow: Coroutine[Any, Any, object]
) -> tuple[str, str]:
    """Run a redemption flow in the window; the outcome's look and its reason."""
    qtbot.waitUntil(lambda: not cashier.redemption.busy, timeout=WAIT_MS)
    cashier.redemption.show(None)
    spawn(flow)
    qtbot.waitUntil(
        lambda: (
            getattr(cashier.view.result_panel.result(), "kind", "working")
            not in ("working", "waiting_pin")
        ),
        timeout=WAIT_MS,
    )
    result = cashier.view.result_panel.result()
    assert result is not None
    return result.kind, result.details


def test_the_window_and_the_command_line_decide_alike_online_and_offline(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    network_settings: Settings,
    network: Network,
    tmp_path: Path,
) -> None:
    cli = Cli(network_settings, tmp_path)
    cashier = make_cashier(network_settings)
    find_member(qtbot, cashier, AYU)

    # Online: a balance voucher is not used up whole by mistake.
    kind, reason = window_says(qtbot, cashier, cashier.vouchers.redeem_voucher(12))
    done = cli("redeem", "voucher", *AS_DEWI, "--user", AYU, "--voucher", "12")
    assert (kind, done.returncode) == ("refused", 1)
    assert reason in done.stderr

    network.down()
    find_member(qtbot, cashier, AYU)  # the window learns it is offline: Ayu from its memory
    assert not cashier.session.member.live  # type: ignore[union-attr]

    # Offline, within the rules: both accept it offline.
    kind, _ = window_says(qtbot, cashier, cashier.rewards.redeem_one(2, 1, None))
    code, entry = cli.json("redeem", "reward", *AS_DEWI, "--user", AYU, "--reward", "1")
    assert (kind, code, entry["verdict"]) == ("accepted_offline", 3, "accepted_offline")

    # Offline, past the rules: neither redeems it, and both say why in the same words. What the
    # offline rules would not take is "not redeemed" (as the same order voided after an attempt
    # that never arrived is); a saldo too small is refused, online or not.
    for window_flow, command, verdict in [
        (
            cashier.rewards.redeem_one(7, 1, None),
            ("redeem", "reward", "--reward", "7"),
            "not_redeemed",
        ),
        (
            cashier.vouchers.redeem_code("RINDANG-100K-7H2K"),
            ("redeem", "code", "--code", "RINDANG-100K-7H2K"),
            "not_redeemed",
        ),
        (
            cashier.vouchers.deduct(12, 200_000),
            ("redeem", "deduct", "--voucher", "12", "--value", "200000"),
            "refused",
        ),
    ]:
        kind, reason = window_says(qtbot, cashier, window_flow)
        done = cli(*command[:2], *AS_DEWI, "--user", AYU, *command[2:])
        assert (kind, done.returncode) == (verdict, 1), done.stderr
        assert reason and reason in done.stderr
    network.up()
