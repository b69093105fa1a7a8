"""Every kiosk screen, on every screen size a counter has (standing 1080×1920 and 768×1366, lying
1920×1080, 1366×768 and 1280×800), as a finger and a passer-by meet it: every target at least
48 px, body text at least 20 px and headings at least 32 px, no field that needs a hardware
keyboard, nothing that only shows on hover; everything inside the window, nothing cut and no
button over another, in every language; and no English left on it in Bahasa Indonesia. The
language switch offers the languages there are."""

from __future__ import annotations

import re
from itertools import combinations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.ui.kiosk.languages import available_languages
from app.ui.kiosk.screenshots import AS_THE_SERVER_SAYS, ORIENTATIONS, STATES, kiosk_in
from app.ui.kiosk.view import KioskWindowView

from ...support.languages import LANGUAGES, TRANSLATED, speaking
from ...support.window_texts import _widget_texts, plain
from ..test_every_word_translated import SAME_IN_INDONESIAN, skeleton

MIN_TARGET, MIN_BODY, MIN_HEADING = 48, 20, 32
HEADING_ROLES = ("kioskHeading", "kioskTitle")
#: Widgets that take typing from a keyboard, or scrolling from a wheel: none belongs on a kiosk.
KEYBOARD_ONLY = (QLineEdit, QAbstractSpinBox, QComboBox, QAbstractScrollArea)
#: The screens a counter has: the screenshots' two, and the common smaller touch screens (a
#: 1366×768 panel, the one a bare X session gives too; 1280×800; a 768×1366 one standing; a
#: small 1024×600 one), and those at a desktop scale of 125% as Qt sees them (1366×768 lying and
#: standing, 1024×768).
SCREENS = {
    **ORIENTATIONS,
    "1366x768": (1366, 768),
    "1280x800": (1280, 800),
    "768x1366": (768, 1366),
    "1093x614": (1093, 614),
    "614x1093": (614, 1093),
    "819x614": (819, 614),
    "1024x600": (1024, 600),
}


def _shown(view: KioskWindowView) -> list[QWidget]:
    return [w for w in view.findChildren(QWidget) if w.isVisibleTo(view)]


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.objectName()!r}"


def _text_px(widget: QWidget) -> float:
    return float(QFontInfo(widget.font()).pixelSize())


def _unreadable(button: QAbstractButton) -> bool:
    """Whether nothing on the button's middle line stands out from its background: its words
    are written in the background's colour."""
    image = button.grab().toImage()
    middle, inset = image.height() // 2, min(16, image.width() // 4)
    background = image.pixelColor(inset, middle).lightness()
    line = (image.pixelColor(x, middle).lightness() for x in range(inset, image.width() - inset))
    return all(abs(shade - background) < 96 for shade in line)


def touch_problems(view: KioskWindowView) -> list[str]:
    """Whatever on the kiosk's screen a finger or an eye cannot use."""
    problems = []
    for widget in _shown(view):
        if isinstance(widget, KEYBOARD_ONLY):
            problems.append(f"{_name(widget)} needs a keyboard")
        if widget.toolTip() or widget.statusTip() or widget.whatsThis():
            problems.append(f"{_name(widget)} says something only on hover")
        if isinstance(widget, QAbstractButton):
            if widget.width() < MIN_TARGET or widget.height() < MIN_TARGET:
                problems.append(f"{_name(widget)} is {widget.width()}×{widget.height()} px")
            if _text_px(widget) < MIN_BODY:
                problems.append(f"{_name(widget)} writes {_text_px(widget)} px")
            if widget.isEnabled() and widget.text() and _unreadable(widget):
                problems.append(f"{_name(widget)} writes in its background's colour")
        if isinstance(widget, QLabel) and widget.text():
            heading = widget.property("role") in HEADING_ROLES
            least = MIN_HEADING if heading else MIN_BODY
            if _text_px(widget) < least:
                problems.append(f"{_name(widget)} writes {_text_px(widget)} px, not {least}")
    return problems


def _on_screen(view: KioskWindowView, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(view, QPoint(0, 0)), widget.size())


def _cut(widget: QWidget) -> str:
    """How a widget's own content does not fit it ("" when it does)."""
    if isinstance(widget, QLabel) and (widget.text() or widget.pixmap()):
        if widget.wordWrap() and widget.text():
            need = widget.heightForWidth(widget.width())
            return f"needs {need} px high, has {widget.height()}" if need > widget.height() else ""
        need_size = widget.minimumSizeHint()
        fits = need_size.width() <= widget.width() and need_size.height() <= widget.height()
        return "" if fits else f"needs {need_size.toTuple()}, has {widget.size().toTuple()}"
    if isinstance(widget, QAbstractButton) and widget.text():
        need = widget.sizeHint().width()
        return f"needs {need} px wide, has {widget.width()}" if need > widget.width() else ""
    return ""


def fit_problems(view: KioskWindowView) -> list[str]:
    """Whatever on the kiosk's screen is cut off or covered: a widget even partly outside the
    window or its parent, a text or picture larger than its room, a button over another."""
    problems = []
    window = view.rect()
    shown = _shown(view)
    for widget in shown:
        where = _on_screen(view, widget)
        if not window.contains(where):
            problems.append(f"{_name(widget)} at {where.getRect()} leaves the window")
        parent = widget.parentWidget()
        if parent is not None and not parent.rect().contains(widget.geometry()):
            problems.append(f"{_name(widget)} at {where.getRect()} leaves {_name(parent)}")
        if cut := _cut(widget):
            problems.append(f"{_name(widget)} {cut}")
    buttons = [widget for widget in shown if isinstance(widget, QAbstractButton)]
    for one, other in combinations(buttons, 2):
        if _on_screen(view, one).intersects(_on_screen(view, other)):
            problems.append(f"{_name(one)} overlaps {_name(other)}")
    return problems


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("state", sorted(STATES))
def test_every_kiosk_screen_is_made_for_a_finger(qtbot: QtBot, state: str, screen: str) -> None:
    view = kiosk_in(state, SCREENS[screen])
    qtbot.addWidget(view, before_close_func=lambda v: v.allow_close())
    assert view.size().toTuple() == SCREENS[screen]
    assert len(_shown(view)) > 1
    assert touch_problems(view) == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("state", sorted(STATES))
def test_every_kiosk_screen_fits_whole(
    qtbot: QtBot, state: str, screen: str, language: str
) -> None:
    with speaking(language):
        view = kiosk_in(state, SCREENS[screen])
        qtbot.addWidget(view, before_close_func=lambda v: v.allow_close())
        assert view.size().toTuple() == SCREENS[screen]
        assert fit_problems(view) == []


def test_the_walk_finds_what_is_cut_off_or_covered(qtbot: QtBot) -> None:
    view = kiosk_in("01-welcome", SCREENS["1366x768"])
    qtbot.addWidget(view, before_close_func=lambda v: v.allow_close())
    assert fit_problems(view) == []
    english, indonesian = view.welcome.languages["en"], view.welcome.languages["id"]
    view.welcome.phone.setGeometry(indonesian.geometry().translated(0, -10))
    english.move(english.x(), view.height() - english.height() // 2)
    view.welcome.prompt.resize(view.welcome.prompt.width() // 4, view.welcome.prompt.height())
    problems = fit_problems(view)
    assert any("kioskLanguage_en" in p and "leaves the window" in p for p in problems)
    assert any("kioskLanguage_en" in p and "leaves KioskWelcomePage" in p for p in problems)
    assert any("kioskPhoneButton" in p and "overlaps" in p for p in problems)
    assert any("kioskWelcomePrompt" in p and "px high" in p for p in problems)


def test_the_walk_finds_what_a_finger_cannot_use(qtbot: QtBot) -> None:
    view = kiosk_in("01-welcome", ORIENTATIONS["portrait"])
    qtbot.addWidget(view, before_close_func=lambda v: v.allow_close())
    view.welcome.phone.setMinimumHeight(0)
    view.welcome.phone.setFixedHeight(30)
    view.welcome.prompt.setStyleSheet("font-size: 14px")
    view.welcome.title.setToolTip("hello")
    view.welcome.languages["id"].setStyleSheet("color: white; background: white")
    field = QLineEdit(view.welcome)
    field.show()
    problems = touch_problems(view)
    assert any("kioskPhoneButton" in p and "30 px" in p for p in problems)
    assert any("kioskWelcomePrompt" in p and "14.0 px" in p for p in problems)
    assert any("kioskWelcomeTitle" in p and "hover" in p for p in problems)
    assert any("QLineEdit" in p for p in problems)
    assert any("kioskLanguage_id" in p and "background's colour" in p for p in problems)


def _english_words(text: str) -> list[str]:
    for fragment in sorted(AS_THE_SERVER_SAYS, key=len, reverse=True):
        text = text.replace(fragment, " ")
    found = re.findall(r"[^\W\d_]+", text)
    return [word for word in found if word not in SAME_IN_INDONESIAN and word != "K"]


def _texts(qtbot: QtBot, state: str) -> list[tuple[str, str]]:
    view = kiosk_in(state, ORIENTATIONS["portrait"])
    qtbot.addWidget(view, before_close_func=lambda v: v.allow_close())
    return [
        (f"{widget.objectName() or type(widget).__name__} {kind}", plain(text))
        for widget in _shown(view)
        for kind, text in _widget_texts(widget)
        if plain(text)
    ]


@pytest.mark.parametrize("language", TRANSLATED)
@pytest.mark.parametrize("state", sorted(STATES))
def test_no_english_is_left_on_a_kiosk_screen(qtbot: QtBot, language: str, state: str) -> None:
    english = _texts(qtbot, state)
    with speaking(language):
        translated = _texts(qtbot, state)
    assert [where for where, _ in english] == [where for where, _ in translated]
    left = [
        f"{where}: {text!r}"
        for (where, source), (_, text) in zip(english, translated, strict=True)
        if skeleton(source) == skeleton(text) and _english_words(text)
    ]
    assert english
    assert left == []


@pytest.mark.parametrize("language", TRANSLATED)
@pytest.mark.parametrize("state", sorted(STATES))
def test_a_language_picked_on_welcome_speaks_on_every_screen(
    qtbot: QtBot, language: str, state: str
) -> None:
    # The customer taps their language on welcome: the screens built in English follow it,
    # word for word as if the kiosk had started in it (the PIN pad's keys too).
    view = kiosk_in("01-welcome", ORIENTATIONS["portrait"])
    qtbot.addWidget(view, before_close_func=lambda v: v.allow_close())
    changed: list[bool] = []
    view.language_changed.connect(lambda: changed.append(True))
    with speaking(language):
        qtbot.waitUntil(lambda: bool(changed))
        STATES[state](view)
        QApplication.processEvents()
        switched = [
            (f"{widget.objectName() or type(widget).__name__} {kind}", plain(text))
            for widget in _shown(view)
            for kind, text in _widget_texts(widget)
            if plain(text)
        ]
        assert switched == _texts(qtbot, state)


def test_the_language_switch_offers_the_languages_there_are() -> None:
    assert available_languages() == ["en", *sorted(TRANSLATED)]
    view = KioskWindowView(available_languages())
    try:
        assert sorted(view.welcome.languages) == sorted(available_languages())
        assert view.welcome.languages["id"].text() == "Bahasa Indonesia"
    finally:
        view.allow_close()
        view.close()
        view.deleteLater()
