"""A cancel still on its way after its first note: the status bar says how it ends, in its
receipt's words, when it comes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.config import Settings
from app.core.credentials import Secret
from app.core.services.receipts import Verdict
from app.ui.cashier_window import CashierWindow
from app.ui.manager.decisions import DecisionDialog

from ...support.cli import TillCli
from ...support.gates import Held
from ...support.sandbox import SandboxControl
from .conftest import WAIT_MS, run_async

pytestmark = pytest.mark.integration

AYU = "customer@stamps.co.id"
MANAGER, PIN = "Wayan", "246810"


def test_a_cancel_that_waited_says_in_the_status_bar_when_the_server_confirms_it(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Seen in the demo: a cancel queued while the server could not answer it went through
    # when it could, and nothing said so: "Cancel queued" stood until it faded.
    till = cashier.till
    run_async(qtbot, till.staff.add_first_manager(MANAGER, Secret(PIN)))
    member = run_async(qtbot, till.lookup.find_member(AYU))
    order = run_async(qtbot, till.catalogue.reward_order(member, 1))
    queued = run_async(qtbot, till.redeemer.redeem(order, member, cashier.session.sale("INV-0042")))
    assert run_async(qtbot, till.wait(queued.entry_id)).verdict is Verdict.CONFIRMED
    with qtbot.waitSignal(cashier.mode.entered, timeout=WAIT_MS):
        run_async(qtbot, cashier.mode.sign_in(MANAGER, Secret(PIN)))
    status = cashier.view.status
    notes: list[str] = []
    shown = status.show_note
    monkeypatch.setattr(
        status, "show_note", lambda text, ms=6000: (notes.append(text), shown(text, ms))
    )
    # The first answer's wait has run out with nothing known (it is never let through here):
    # whatever is said of the cancel's end comes from following it after.
    first_answer = Held(monkeypatch, till, "answer")
    sandbox.faults(held=True, scope="redemptions")
    cashier.decisions.ask("cancel", queued.entry_id)
    qtbot.waitUntil(lambda: isinstance(cashier.decisions.dialog, DecisionDialog), timeout=WAIT_MS)
    dialog = cashier.decisions.dialog
    assert isinstance(dialog, DecisionDialog)
    with qtbot.waitSignal(cashier.decisions.decided, timeout=WAIT_MS):
        dialog.confirm.click()
    try:
        qtbot.waitUntil(lambda: sandbox.holding() == 1, timeout=WAIT_MS)
        assert notes[-1].startswith("Cancel queued: the till sends it to the Stamps server")
        sandbox.faults(held=False)
        qtbot.waitUntil(lambda: notes[-1].startswith("Cancel confirmed"), timeout=WAIT_MS)
        assert notes[-1] == status.note_text() == "Cancel confirmed: 250 stamps left."
        assert sandbox.stamps(AYU) == 250
    finally:
        first_answer.release()


def _confirmed_reward(qtbot: QtBot, cashier: CashierWindow) -> str:
    """Ayu's reward redeemed and confirmed at the window, and a manager to cancel it; its id."""
    till = cashier.till
    run_async(qtbot, till.staff.add_first_manager(MANAGER, Secret(PIN)))
    member = run_async(qtbot, till.lookup.find_member(AYU))
    order = run_async(qtbot, till.catalogue.reward_order(member, 1))
    queued = run_async(qtbot, till.redeemer.redeem(order, member, cashier.session.sale("INV-0042")))
    assert run_async(qtbot, till.wait(queued.entry_id)).verdict is Verdict.CONFIRMED
    return queued.entry_id


def _status_notes(cashier: CashierWindow, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    status = cashier.view.status
    notes: list[str] = []
    shown = status.show_note
    monkeypatch.setattr(
        status, "show_note", lambda text, ms=6000: (notes.append(text), shown(text, ms))
    )
    return notes


def test_a_cancel_made_by_the_command_line_is_said_in_the_window_s_status_bar(
    qtbot: QtBot,
    cashier: CashierWindow,
    sandbox: SandboxControl,
    till_settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Seen: `stamps-pos cancel` while the window was open went through, and the window said
    # nothing of it (its own cancels are said, on the till's own notices only).
    redeemed = _confirmed_reward(qtbot, cashier)
    notes = _status_notes(cashier, monkeypatch)
    done = TillCli(till_settings, tmp_path)(
        "cancel", redeemed, "--manager", MANAGER, stdin=f"{PIN}\n"
    )
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: bool(notes), timeout=WAIT_MS)
    assert notes == ["Cancel confirmed: 250 stamps left."]
    assert sandbox.stamps(AYU) == 250


def test_a_cancel_the_command_line_only_queued_is_followed_and_said_when_it_goes_through(
    qtbot: QtBot,
    cashier: CashierWindow,
    sandbox: SandboxControl,
    till_settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The command could not reach the server (exit 3, queued): the window's own worker sends
    # the cancel, and the status bar says so when the server confirms it.
    redeemed = _confirmed_reward(qtbot, cashier)
    notes = _status_notes(cashier, monkeypatch)
    cli = TillCli(till_settings, tmp_path)
    cli.env["STAMPS_POS_BASE_URL"] = "http://127.0.0.1:9"  # nothing listens there
    done = cli("cancel", redeemed, "--manager", MANAGER, stdin=f"{PIN}\n")
    assert done.returncode == 3, (done.stdout, done.stderr)
    # The window's worker hears no other process's entry: it finds it on its idle look (every
    # 30 s), here at once.
    cashier.till.worker.wake()
    qtbot.waitUntil(lambda: bool(notes), timeout=WAIT_MS)
    assert notes == ["Cancel confirmed: 250 stamps left."]
    assert sandbox.stamps(AYU) == 250
