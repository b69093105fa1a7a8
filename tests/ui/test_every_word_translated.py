"""No English left on an Indonesian till: every text a cashier sees in every screenshot state
(labels, buttons, menus, tooltips, placeholders, table headers and cells, tabs, spin box
affixes, window titles, screen-reader names) differs from its English render, unless it is what
the till shows as it comes (names, the server's words, codes, numbers, money, dates) or a word
Indonesian shares with English (PIN, Voucher, Member, Online…).

Each state is built twice, in English and in the translation, and the two windows' texts are
paired in widget order: a text the translation left equal to its English source fails the test,
named with where it is.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app import DISPLAY_NAME, version
from app.ui.demo import DemoMenu, Fault
from app.ui.main_window import CashierWindowView
from app.ui.screenshots import AS_THE_SERVER_SAYS, STATES, _window

from ..support.languages import TRANSLATED, speaking
from ..support.window_texts import menu_texts, plain, visible_texts

#: Words Indonesian writes as English does, in a till's register (and the keys' names).
SAME_IN_INDONESIAN = frozenset(
    {
        "PIN", "OK", "Rp", "Stamps", "POS", "Promo", "Voucher", "Member", "Saldo", "Online",
        "Offline", "Status", "Total", "Shift", "Demo", "CSV", "API", "QR", "ID", "F", "Enter",
        "Esc", "Ctrl", "Tab", "Delete", "Python", "Qt", "PySide",
    }
)  # fmt: skip


def _allowed_fragments() -> list[str]:
    runtime = {DISPLAY_NAME, version(), QGuiApplication.platformName()}
    return sorted(AS_THE_SERVER_SAYS | runtime, key=len, reverse=True)


def _month_names() -> set[str]:
    names = set()
    for name in ("en_ID", "id_ID"):
        locale = QLocale(name)
        for month in range(1, 13):
            for kind in (QLocale.FormatType.ShortFormat, QLocale.FormatType.LongFormat):
                names.add(locale.monthName(month, kind))
    return names


MONTHS = _month_names()
_MONTH = re.compile(r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b")


def skeleton(text: str) -> str:
    """``text`` with what may differ between two renders of one untranslated sentence blanked:
    digits and month names (a date is written in each locale)."""
    return re.sub(r"\d+", "#", _MONTH.sub("MONTH", text))


#: An entry's id (a UUID) where a manager may need it whole, and the kiosk's reference of it
#: ("K-9A8057"): their hex letters are no words.
_ENTRY_ID = re.compile(
    r"\b([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|K-[0-9A-F]{6})\b"
)


def english_words(text: str) -> list[str]:
    """The words of ``text`` that would need translating: what remains once names, the server's
    words (whole, wrapped or cut short with "…"), entry ids, codes, numbers and shared words are
    taken out."""
    text = " ".join(_ENTRY_ID.sub(" ", text).split())
    for fragment in _allowed_fragments():
        text = text.replace(fragment, " ")
        if "…" in text:
            for end in range(len(fragment) - 1, 2, -1):
                text = text.replace(fragment[:end].rstrip() + "…", " ")
    words = re.findall(r"[^\W\d_]+", text)
    return [word for word in words if word not in SAME_IN_INDONESIAN and word not in MONTHS]


def left_in_english(english: list[tuple[str, str]], translated: list[tuple[str, str]]) -> list[str]:
    """What the translated render still says as the English one does: ``"<where>: <text>"``."""
    assert [where for where, _ in english] == [where for where, _ in translated], (
        "the two renders differ in their widgets"
    )
    left = []
    for (where, source), (_, text) in zip(english, translated, strict=True):
        if skeleton(source) == skeleton(text) and english_words(text):
            left.append(f"{where}: {text!r}")
    return left


def _render(qtbot: QtBot, state: str) -> list[tuple[str, str]]:
    window = _window()
    qtbot.addWidget(window)
    STATES[state](window)
    QApplication.processEvents()
    try:
        return visible_texts(window)
    finally:
        for widget in window.findChildren(QWidget):
            if widget.isWindow() and widget is not window:
                widget.close()


@pytest.fixture(params=TRANSLATED)
def language(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.mark.parametrize("state", sorted(STATES))
def test_every_visible_word_of_every_state_is_translated(
    qtbot: QtBot, language: str, state: str
) -> None:
    english = _render(qtbot, state)
    with speaking(language):
        translated = _render(qtbot, state)

    assert english, "the walk found no text at all"
    assert left_in_english(english, translated) == []


class _DemoControls:
    def cut_network(self) -> None: ...
    def restore_network(self) -> None: ...
    def set_fault(self, fault: Fault) -> None: ...
    def reset_shop(self) -> None: ...


def test_the_demo_menu_is_translated(qtbot: QtBot, language: str) -> None:
    def menus() -> list[tuple[str, str]]:
        window = CashierWindowView()
        qtbot.addWidget(window)
        DemoMenu(window, _DemoControls())
        return list(menu_texts(window.menuBar().actions(), ""))

    english = [(where, plain(text)) for where, text in menus() if text]
    with speaking(language):
        translated = [(where, plain(text)) for where, text in menus() if text]

    assert any("Cut the network" in text for _, text in english)
    assert left_in_english(english, translated) == []


def test_the_walk_finds_a_sentence_left_in_english() -> None:
    english = [("resultDetails label", "Offline copy — as of 25 Dec 14.02")]
    untranslated = [("resultDetails label", "Offline copy — as of 25 Des 14.02")]
    translated = [("resultDetails label", "Salinan offline — per 25 Des 14.02")]
    shared = [("memberName label", "Member Budi Santoso · Rp 250.000 · Tumbler Limited\nEdit…")]
    counted = [("rewardCost label", "120 stamps")]

    assert left_in_english(english, untranslated) == [
        "resultDetails label: 'Offline copy — as of 25 Des 14.02'"
    ]
    assert left_in_english(english, translated) == []
    assert left_in_english(shared, shared) == []
    assert left_in_english(counted, counted) == ["rewardCost label: '120 stamps'"]
