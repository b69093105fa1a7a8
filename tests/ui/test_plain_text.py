"""What the server (or a person) writes is shown as typed, never read as markup: a member's level,
a reward's name or a refusal's words holding '<b>' or '<font size=7>' reached QLabels that take
text that looks like HTML as rich text, so a merchant's '<h1>' broke the card's layout and a
server's '<img>' would be drawn."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from app.ui.screenshots import STATES, _window
from app.ui.viewmodels import MemberCardData
from app.ui.widgets.member_card import MemberCard

MARKUP = "<font size=7><b>Gold</b></font>"


def test_a_level_written_in_markup_is_shown_as_typed(qtbot: QtBot) -> None:
    card = MemberCard()
    qtbot.addWidget(card)
    card.set_member(MemberCardData("Ayu Pratiwi", MARKUP, 250, "250 stamps"))
    card.show()
    qtbot.waitExposed(card)
    level = card.findChild(QLabel, "memberLevel")
    assert level is not None
    one_line = QLabel("Gold")
    one_line.setFont(level.font())
    assert level.sizeHint().height() <= one_line.sizeHint().height() + 2  # not a size-7 line
    assert level.sizeHint().width() >= level.fontMetrics().horizontalAdvance(MARKUP)  # the tags


def test_no_label_of_the_window_reads_its_text_as_markup(qtbot: QtBot) -> None:
    window = _window((1366, 768))
    qtbot.addWidget(window)
    STATES["04-member-found"](window)
    QApplication.processEvents()
    reading_markup = [
        label.objectName() or label.text()[:30]
        for label in window.findChildren(QLabel)
        if label.textFormat() is not Qt.TextFormat.PlainText
    ]
    assert reading_markup == []
