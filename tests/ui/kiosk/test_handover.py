"""The kiosk redemption a cashier scans at the till, named in the server's words."""

from __future__ import annotations

from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from app.core.domain import EntryStatus, OperationKind
from app.core.messages import say
from app.core.services import KioskRedemption, Receipt, Verdict
from app.ui.kiosk.handover import KioskHandoverDialog


def test_a_name_of_two_thousand_characters_keeps_the_handover_on_the_screen(
    qtbot: QtBot,
) -> None:
    # One word the facts cannot wrap made the dialog as wide as the name: "Hand over" and the
    # rest of the facts were off the till's 1366 px screen.
    long_name = "Panjang" * 290
    receipt = Receipt(
        entry_id="e1", kind=OperationKind.REWARD, status=EntryStatus.SYNCED,
        verdict=Verdict.CONFIRMED, headline=say("receipt.confirmed"),
        what_to_do=say("receipt.confirmed.todo"), details=None, description=long_name,
        attempts=1, lane="member:6", provisional=False, server_redemption_id=2001,
        last_error=None, voucher_code=None, stamps_remaining=230,
        created_at=datetime(2026, 12, 1, 14, 2, tzinfo=UTC), cashier="kiosk",
    )  # fmt: skip
    dialog = KioskHandoverDialog()
    qtbot.addWidget(dialog)
    dialog.show_redemption(KioskRedemption("K-88561D", receipt, long_name, long_name))
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.sizeHint().width() < 1366
    assert "Reward: PanjangPanjang" in dialog.facts.text() and "…" in dialog.facts.text()
