"""Help → Keyboard: the till's keys, as :mod:`app.ui.shortcuts` has them."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.shortcuts import keyboard_shortcuts


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
        for row, shortcut in enumerate(shortcuts):
            self.table.setItem(row, 0, QTableWidgetItem(shortcut.shown))
            self.table.setItem(row, 1, QTableWidgetItem(shortcut.does))
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
