"""The window's keys, in one place: the keys the window binds are taken from here, and Help →
Keyboard (F1) lists this. Manager mode's Ctrl+Tab was bound on its page alone and F1 never
said it; a key bound anywhere but here now fails ``tests/ui/test_main_window.py``."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence

_CTRL, _SHIFT = Qt.Modifier.CTRL, Qt.Modifier.SHIFT

FIND_MEMBER = QKeySequence(Qt.Key.Key_F2)
REWARDS = QKeySequence(Qt.Key.Key_F3)
VOUCHERS = QKeySequence(Qt.Key.Key_F4)
PROMO_CODE = QKeySequence(Qt.Key.Key_F5)
INVOICE = QKeySequence(Qt.Key.Key_F6)
MANAGER_MODE = QKeySequence(Qt.Key.Key_F8)
REDEEM_CART = QKeySequence(Qt.Key.Key_F9)
REMOVE_FROM_CART = QKeySequence(Qt.Key.Key_Delete)
LOCK = QKeySequence(Qt.Key.Key_F12)
BACK_OUT = QKeySequence(Qt.Key.Key_Escape)
KEYBOARD_HELP = QKeySequence(Qt.Key.Key_F1)
NEXT_TAB = QKeySequence(_CTRL | Qt.Key.Key_Tab)
# Ctrl+Shift+Tab comes as Backtab, and X11 matches it as Ctrl+Backtab or Ctrl+Shift+Tab where
# another platform matches Ctrl+Shift+Backtab: the page binds all three.
PREVIOUS_TAB = (
    QKeySequence(_CTRL | _SHIFT | Qt.Key.Key_Backtab),
    QKeySequence(_CTRL | Qt.Key.Key_Backtab),
    QKeySequence(_CTRL | _SHIFT | Qt.Key.Key_Tab),
)


@dataclass(frozen=True)
class Shortcut:
    """A line of F1's list: the key as it is written there, what it does, and the sequences the
    window binds for it (none for keys a control reads itself: the arrows, Enter)."""

    shown: str
    does: str
    keys: tuple[QKeySequence, ...] = ()


def keyboard_shortcuts() -> list[Shortcut]:
    """Every key of the window, in the order F1 lists them."""
    # Literal calls, so that pyside6-lupdate finds each source text (make translations).
    return [
        Shortcut("F2", QCoreApplication.translate("Keyboard", "Find a member"), (FIND_MEMBER,)),
        Shortcut("F3", QCoreApplication.translate("Keyboard", "Rewards"), (REWARDS,)),
        # The grid is walked with the arrows as it shows the rewards (reward_picker.py).
        Shortcut("← ↑ → ↓", QCoreApplication.translate("Keyboard", "Move between the rewards")),
        Shortcut("F4", QCoreApplication.translate("Keyboard", "Vouchers"), (VOUCHERS,)),
        Shortcut("F5", QCoreApplication.translate("Keyboard", "Promo code"), (PROMO_CODE,)),
        Shortcut("F6", QCoreApplication.translate("Keyboard", "Invoice number"), (INVOICE,)),
        Shortcut("F9", QCoreApplication.translate("Keyboard", "Redeem the cart"), (REDEEM_CART,)),
        Shortcut(
            "Delete",
            QCoreApplication.translate("Keyboard", "Remove the picked line from the cart"),
            (REMOVE_FROM_CART,),
        ),
        Shortcut("F8", QCoreApplication.translate("Keyboard", "Manager mode"), (MANAGER_MODE,)),
        Shortcut(
            "Ctrl+Tab",
            QCoreApplication.translate("Keyboard", "Manager mode: the next tab"),
            (NEXT_TAB,),
        ),
        Shortcut(
            "Ctrl+Shift+Tab",
            QCoreApplication.translate("Keyboard", "Manager mode: the tab before"),
            PREVIOUS_TAB,
        ),
        Shortcut("F12", QCoreApplication.translate("Keyboard", "Lock the till"), (LOCK,)),
        Shortcut("Enter", QCoreApplication.translate("Keyboard", "Confirm")),
        Shortcut(
            "Esc",
            QCoreApplication.translate(
                "Keyboard", "Back out: close the list, then clear the member"
            ),
            (BACK_OUT,),
        ),
        Shortcut("F1", QCoreApplication.translate("Keyboard", "This list"), (KEYBOARD_HELP,)),
    ]
