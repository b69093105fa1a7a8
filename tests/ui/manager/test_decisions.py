"""A decision dialog about a redemption whose name came from the server."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui.manager.decisions import DecisionDialog


def test_a_name_of_two_thousand_characters_leaves_the_buttons_on_the_screen(
    qtbot: QtBot,
) -> None:
    # One word the label cannot wrap made the cancel dialog as wide as the name: its own
    # sentence was cut and the dialog reached past the screen's edge.
    dialog = DecisionDialog("cancel", "Panjang" * 290)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    screen = QApplication.primaryScreen().availableGeometry()
    assert dialog.width() <= screen.width()
    assert dialog.sizeHint().width() < 1000
    assert "cancel is sent to the Stamps server" in dialog.about.text()
