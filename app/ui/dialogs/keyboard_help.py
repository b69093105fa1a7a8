"""Help → Keyboard: the till's function keys."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
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
        ("F4", QCoreApplication.translate("Keyboard", "Vouchers")),
        ("F5", QCoreApplication.translate("Keyboard", "Promo code")),
        ("F6", QCoreApplication.translate("Keyboard", "Invoice number")),
        ("F9", QCoreApplication.translate("Keyboard", "Redeem the cart")),
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
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, (key, action) in enumerate(shortcuts):
            self.table.setItem(row, 0, QTableWidgetItem(key))
            self.table.setItem(row, 1, QTableWidgetItem(action))
        self.table.setColumnWidth(0, 90)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 440)
