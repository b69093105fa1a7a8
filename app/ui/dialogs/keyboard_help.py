"""Help → Keyboard: the till's function keys."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def keyboard_shortcuts() -> list[tuple[str, str]]:
    """(key, what it does): the one list the window binds and this dialog shows."""
    # Literal calls, so that pyside6-lupdate finds each source text (make translations).
    return [
        ("F2", QCoreApplication.translate("Keyboard", "Find a member")),
        ("F3", QCoreApplication.translate("Keyboard", "Rewards")),
        # The grid is walked with the arrows as it shows the rewards (reward_picker.py).
        ("← ↑ → ↓", QCoreApplication.translate("Keyboard", "Move between the rewards")),
        ("F4", QCoreApplication.translate("Keyboard", "Vouchers")),
        ("F5", QCoreApplication.translate("Keyboard", "Promo code")),
        ("F6", QCoreApplication.translate("Keyboard", "Invoice number")),
        ("F9", QCoreApplication.translate("Keyboard", "Redeem the cart")),
        ("F8", QCoreApplication.translate("Keyboard", "Manager mode")),
        ("F12", QCoreApplication.translate("Keyboard", "Lock the till")),
        ("Enter", QCoreApplication.translate("Keyboard", "Confirm")),
        (
            "Esc",
            QCoreApplication.translate(
                "Keyboard", "Back out: close the list, then clear the member"
            ),
        ),
        ("F1", QCoreApplication.translate("Keyboard", "This list")),
    ]


class KeyboardHelpDialog(QDialog):
    """Lists the function keys; opened with ``open()``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyboardHelp")
        self.setWindowTitle(self.tr("Keyboard"))
        shortcuts = keyboard_shortcuts()
        self.table = QTableWidget(len(shortcuts), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Does")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab leaves the table (the arrows move in it): Qt's default walked Tab cell by cell
        # and never let the keyboard out.
        self.table.setTabKeyNavigation(False)
        for row, (key, action) in enumerate(shortcuts):
            self.table.setItem(row, 0, QTableWidgetItem(key))
            self.table.setItem(row, 1, QTableWidgetItem(action))
        # The list is never smaller than its words in the style sheet's font, so the dialog
        # shows every key's words whole with no scrolling, in any language: a size set by hand
        # (560×440) was no floor, and laid out by its hint (as the screenshots are) the list
        # took a table's default size and cut "Back out: close the list, then clear the member".
        self.table.ensurePolished()
        self.table.resizeColumnsToContents()
        header, frame = self.table.horizontalHeader(), 2 * self.table.frameWidth()
        self.table.setMinimumSize(
            header.length() + frame,
            header.sizeHint().height() + self.table.verticalHeader().length() + frame,
        )
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
