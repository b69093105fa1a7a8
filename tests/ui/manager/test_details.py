"""A redemption's details are read, not acted on, by default: Enter closes them. The decisions
(cancel, send again, mark applied, dismiss) are chosen with a click or Tab, never by the key a
manager presses to open a row."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QScrollArea
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


def test_a_name_of_two_thousand_characters_does_not_widen_the_details(qtbot: QtBot) -> None:
    # A reward or member name from the server has no length limit. Shown whole, one such word
    # made the details as wide as itself: the attempts' error column and the status sat far
    # off to the right, behind a horizontal scroll bar.
    long_name = "Panjang" * 290
    data = details_data(_details())
    facts = tuple((label, long_name) if i == 2 else (label, value)
                  for i, (label, value) in enumerate(data.facts))  # fmt: skip
    dialog = EntryDetailsDialog()
    qtbot.addWidget(dialog)
    dialog.set_details(replace(data, what=long_name, facts=facts))
    dialog.show()
    qtbot.waitExposed(dialog)
    scroll = dialog.findChild(QScrollArea)
    assert scroll is not None
    qtbot.waitUntil(lambda: scroll.widget().width() <= scroll.viewport().width())
    assert scroll.horizontalScrollBar().maximum() == 0
    assert dialog.what.text().startswith("PanjangPanjang") and "…" in dialog.what.text()


def test_an_attempts_outcome_in_words_leaves_its_error_readable(
    qtbot: QtBot, language: str
) -> None:
    # Seen under X: "no clear answer: not known whether it was applied" fitted whole on one line
    # cut the error beside it to "T…" and its heading to "rro".
    from app.core.services import AttemptLine

    from ..test_room_to_read import crowded_columns, cut_cells

    details = _details()
    started = details.row.created_at
    failed = AttemptLine(1, started, started, "ambiguous", 502, "ServerError: 502 Bad Gateway")
    details = replace(details, row=replace(details.row, attempts=(failed,)))
    dialog = EntryDetailsDialog()
    qtbot.addWidget(dialog)
    dialog.set_details(details_data(details))
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.attempts
    qtbot.waitUntil(lambda: crowded_columns(table) == [])
    assert cut_cells(table) == []
