"""At the cashier's till, sharing the kiosk's data folder: the QR code of a kiosk result, scanned,
opens that redemption as the till knows it, and the cashier marks the reward handed over once,
audited; an unconfirmed one cannot be, and a code the till has no record of says so."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from app.config import Settings
from app.core.services import AuditFilter, HandoverRefused, Kiosk, Sale, qr_payload, reference_of
from app.core.services.kiosk import KIOSK_CASHIER
from app.ui.cashier_window import CashierWindow
from app.ui.kiosk.handover import KioskHandoverDialog

from ...support.network import Network
from ...support.sandbox import SandboxControl
from ..controllers.conftest import cashier, make_cashier
from .conftest import AYU_CARD, WAIT_MS, run_async

__all__ = ["cashier", "make_cashier"]

pytestmark = pytest.mark.integration


def _kiosk_redemption(qtbot: QtBot, window: CashierWindow) -> str:
    """A kiosk redemption of Ayu's in the till's database (the kiosk shares its folder)."""
    kiosk = Kiosk(window.till)
    member = run_async(qtbot, kiosk.identify(AYU_CARD, typed=False))
    queued = run_async(qtbot, kiosk.redeem(member, 1, None))
    run_async(qtbot, kiosk.wait(queued))
    return queued.entry_id


def _scan(qtbot: QtBot, window: CashierWindow, code: str) -> KioskHandoverDialog:
    with qtbot.waitSignal(window.kiosk_pickup.shown, timeout=WAIT_MS):
        window.scanned(code)
    dialog = window.kiosk_pickup.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_a_scanned_kiosk_qr_is_handed_over_once_and_audited(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    entry_id = _kiosk_redemption(qtbot, cashier)
    dialog = _scan(qtbot, cashier, qr_payload(entry_id))
    assert dialog.title.text() == f"Kiosk {reference_of(entry_id)}"
    assert dialog.standing.text() == "Confirmed"
    assert "Member: Ayu Pratiwi" in dialog.facts.text()
    assert dialog.hand_over.isEnabled()
    assert cashier.session.member is None  # not taken for a member identifier

    with qtbot.waitSignal(cashier.kiosk_pickup.shown, timeout=WAIT_MS):
        dialog.hand_over.click()
    assert dialog.handed.text().startswith("Handed over by Dewi at ")
    assert dialog.hand_over.isHidden()
    lines = run_async(qtbot, cashier.till.audit.lines(AuditFilter(action="handed_over")))
    assert [(line.who, line.entry_id) for line in lines] == [("Dewi", entry_id)]

    dialog.reject()
    again = _scan(qtbot, cashier, qr_payload(entry_id))
    assert again.handed.text().startswith("Handed over by Dewi")
    assert again.hand_over.isHidden()
    marked = run_async(
        qtbot, cashier.kiosk_pickup.handover.mark_handed_over(qr_payload(entry_id), "Rina")
    )
    assert marked.handed_over_by == "Dewi"  # the first one stands; nothing written twice
    lines = run_async(qtbot, cashier.till.audit.lines(AuditFilter(action="handed_over")))
    assert len(lines) == 1


def test_an_unconfirmed_kiosk_redemption_cannot_be_handed_over(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    sandbox.faults(applied_then_500_rate=1.0, scope="redemptions")
    entry_id = _kiosk_redemption(qtbot, cashier)
    dialog = _scan(qtbot, cashier, qr_payload(entry_id))
    assert dialog.standing.property("outcome") == "not_confirmed"
    assert not dialog.hand_over.isEnabled()
    with pytest.raises(HandoverRefused, match="do not hand over"):
        run_async(
            qtbot, cashier.kiosk_pickup.handover.mark_handed_over(qr_payload(entry_id), "Dewi")
        )


@pytest.mark.usefixtures("no_retry_meanwhile")  # judged on the first attempt, not a retry
def test_a_kiosk_redemption_the_server_never_got_shows_not_redeemed(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    network: Network,
    network_settings: Settings,
) -> None:
    window = make_cashier(network_settings)
    kiosk = Kiosk(window.till)
    member = run_async(qtbot, kiosk.identify(AYU_CARD, typed=False))
    run_async(qtbot, kiosk.offer(member))  # the rewards she is shown, read before the line goes
    network.down()  # the kiosk's send is refused a connection: the kiosk's policy voids it
    queued = run_async(qtbot, kiosk.redeem(member, 1, None))
    run_async(qtbot, kiosk.wait(queued))

    dialog = _scan(qtbot, window, qr_payload(queued.entry_id))
    assert dialog.standing.text() == "Not redeemed"
    assert dialog.standing.property("outcome") == "not_redeemed"  # the till's own maroon
    assert "no stamps were taken" in dialog.facts.text()
    # the kiosk will never send it: the counter may redeem it for the customer, once
    assert dialog.todo.text() == (
        "The kiosk could not send it and never will: nothing was redeemed. Redeem it here if "
        "the customer still wants it."
    )
    assert dialog.hand_over.isVisible() and not dialog.hand_over.isEnabled()
    with pytest.raises(HandoverRefused, match="nothing to hand over"):
        run_async(
            qtbot,
            window.kiosk_pickup.handover.mark_handed_over(qr_payload(queued.entry_id), "Dewi"),
        )


def test_a_kiosk_code_the_till_has_no_record_of_says_so(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    code = qr_payload("019a5f3e-7c21-7d4e-9b6a-2f41c09a8057")
    dialog = _scan(qtbot, cashier, code)
    assert "no record of kiosk redemption K-9A8057" in dialog.refusal.text()
    assert dialog.hand_over.isHidden()
    # A till's own redemption is no kiosk redemption, even scanned as one.
    member = run_async(qtbot, cashier.till.lookup.find_member(AYU_CARD))
    order = run_async(qtbot, cashier.till.catalogue.reward_order(member, 1))
    own = run_async(qtbot, cashier.till.redeemer.redeem(order, member, Sale(cashier="Dewi")))
    assert own.cashier != KIOSK_CASHIER
    dialog.reject()
    dialog = _scan(qtbot, cashier, qr_payload(own.entry_id))
    assert "no record of kiosk redemption" in dialog.refusal.text()


def test_what_the_dialog_says_once_it_is_read_fits_whole(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    # Seen by hand at 1366×768: the dialog opened empty, was filled once the till had read the
    # redemption, and kept its first size: "NOT CONFIRMED — do not hand over yet" wrapped onto
    # two lines in a banner one line high, both cut through.
    sandbox.faults(applied_then_500_rate=1.0, scope="redemptions")
    entry_id = _kiosk_redemption(qtbot, cashier)
    dialog = _scan(qtbot, cashier, qr_payload(entry_id))
    assert dialog.standing.text() == "NOT CONFIRMED — do not hand over yet"
    for label in (dialog.title, dialog.standing, dialog.facts, dialog.todo):
        qtbot.waitUntil(
            lambda label=label: label.height() >= label.heightForWidth(label.width()),
            timeout=WAIT_MS,
        )
