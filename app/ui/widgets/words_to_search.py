"""A name typed where nothing on the cashier's page takes words goes to the member search.

A cashier types the next customer's name wherever the keyboard is: after "Print slip", a dialog
closed back to its button, on a reward tile or in a list. Those take no words: the name was lost,
and its space pressed the button ("Print slip" again, "Deduct from saldo…"). A scan already finds
the member from anywhere (scanner_filter.py); this is the same for a name typed by hand.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QWidget

from app.ui.widgets.member_search import MemberSearch
from app.ui.widgets.scanned_keys import is_typed_character


class WordsToSearch(QObject):
    """Watches the cashier's page, where a key no widget used arrives (a button's, a tile's),
    the lists, which would have searched their own rows for it, and the amounts, which swallow
    a letter: a letter, a digit or a sign goes to the member search (an amount keeps its
    digits), the name on screen selected to be typed over; the keys after it follow it there.
    Enter, Tab, the arrows, Space and the function keys are left alone."""

    def __init__(self, search: MemberSearch, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._search = search

    def watch(self, *widgets: QWidget) -> None:
        """Watch the page (keys no widget used reach it) and lists (which use every key)."""
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not isinstance(event, QKeyEvent)
            or event.type() != QEvent.Type.KeyPress
            or not self._is_a_word_key(event)
        ):
            return False
        field = self._search.field
        if watched is field or not field.isEnabled() or not field.isVisible():
            return False
        if isinstance(watched, QAbstractSpinBox) and event.text().isdigit():
            return False  # the amount's own
        if watched is self._search.suggestions:
            field.setFocus()  # typing on from the list: the query goes on
        elif not field.hasFocus():
            self._search.focus()  # the name on screen selected: the new one replaces it
        copy = QKeyEvent(event.type(), event.key(), event.modifiers(), event.text())
        QCoreApplication.sendEvent(field, copy)
        return True

    @staticmethod
    def _is_a_word_key(event: QKeyEvent) -> bool:
        # as the scanner filter reads a typed character; a space is left to what has the keyboard
        return is_typed_character(event) and not event.text().isspace()
