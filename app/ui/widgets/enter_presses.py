"""Enter on a page's buttons: a page is no dialog, so a button with the keyboard takes Space
only and Enter reached the page unused, though the keyboard help says Enter confirms."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QWidget


def press_focused_button(page: QWidget, event: QKeyEvent) -> bool:
    """Press the enabled button of ``page`` the keyboard is on when ``event`` is Enter; whether
    it did (the page's ``keyPressEvent`` then stops there)."""
    focused = page.focusWidget()
    if (
        event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        and isinstance(focused, QPushButton)
        and focused.isEnabled()
    ):
        focused.animateClick()
        return True
    return False
