"""A redemption's details are read, not acted on, by default: Enter closes them. The decisions
(cancel, send again, mark applied, dismiss) are chosen with a click or Tab, never by the key a
manager presses to open a row."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.ui.controllers.details_words import details_data
from app.ui.manager.details import EntryDetailsDialog
from app.ui.screenshots import _details


def test_enter_closes_the_details_and_asks_for_no_decision(qtbot: QtBot) -> None:
    dialog = EntryDetailsDialog()
    qtbot.addWidget(dialog)
    dialog.set_details(details_data(_details()))  # a confirmed redemption: cancel is offered
    assert dialog.buttons["cancel"].isEnabled()
    asked: list[tuple[str, str]] = []
    dialog.decision_requested.connect(lambda decision, entry: asked.append((decision, entry)))
    dialog.show()
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.finished) as closed:
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
    assert closed.args == [QDialog.DialogCode.Rejected]
    assert asked == []
