"""A scan the window cannot take is said, never lost without a word and never typed where it was
not meant to go: real key events through the scanner filter, at a wedge scanner's pace."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.ui.cashier_window import CashierWindow
from app.ui.widgets.scanner_filter import ScannerFilter

from ...support.gates import ScriptedClock
from .conftest import WAIT_MS, find_member

pytestmark = pytest.mark.integration

AYU_CARD = "70140000000006"
#: Ayu's card as a scanner set up for a US keyboard types it on a French (AZERTY) one: the keys
#: of the digits' row, unshifted.
AYU_CARD_ON_AZERTY = "èà&'àààààààà-"


@pytest.fixture
def clock() -> ScriptedClock:
    return ScriptedClock()


@pytest.fixture
def scanner(cashier: CashierWindow, clock: ScriptedClock) -> Iterator[ScannerFilter]:
    scanner = ScannerFilter(clock_ms=clock)
    cashier.listen_to(scanner)
    scanner.install()
    yield scanner
    scanner.remove()


def keyboard(cashier: CashierWindow) -> QWidget:
    """Where a key goes now: the keyboard's widget, else the window."""
    return QApplication.focusWidget() or cashier.view


def typed(qtbot: QtBot, cashier: CashierWindow, clock: ScriptedClock, text: str, ms: float) -> None:
    """``text`` typed a key every ``ms``, each key to wherever the keyboard is as it is pressed.
    The events are made here: QTest turns "è" into "Ã" on its way to Qt."""
    for character in text:
        clock.advance(ms)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(
                kind, ord(character.upper()), Qt.KeyboardModifier.NoModifier, character
            )
            QApplication.sendEvent(keyboard(cashier), event)


def scan(qtbot: QtBot, cashier: CashierWindow, clock: ScriptedClock, code: str) -> None:
    """``code`` and Enter, a key every 6 ms, as a wedge scanner types them."""
    typed(qtbot, cashier, clock, code, 6)
    clock.advance(6)
    qtbot.keyClick(keyboard(cashier), Qt.Key.Key_Return)


def test_a_card_scanned_on_another_keyboard_layout_is_said_not_read_not_tried_as_a_code(
    qtbot: QtBot, cashier: CashierWindow, scanner: ScannerFilter, clock: ScriptedClock
) -> None:
    # Seen under Xvfb (setxkbmap fr): with Ayu on screen, her own card came back "Refused:
    # Voucher not found", as her voucher code, and nothing said the scanner had misread.
    find_member(qtbot, cashier, AYU_CARD)
    with (
        qtbot.waitSignal(scanner.scanned, timeout=WAIT_MS),
        qtbot.assertNotEmitted(cashier.member.lookup_finished, wait=300),
        qtbot.assertNotEmitted(cashier.redemption.refused, wait=300),
    ):
        scan(qtbot, cashier, clock, AYU_CARD_ON_AZERTY)
    said = cashier.view.member_search.message_text()
    layout = "the scanner's keyboard layout is not the till's."
    assert said == f"Card not read (“{AYU_CARD_ON_AZERTY}”): {layout}"
    assert cashier.view.member_card.name_text() == "Ayu Pratiwi"  # still served
