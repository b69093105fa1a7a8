"""The kiosk's keypads hold still: a customer taps where a key was a moment ago, so nothing may
move when the display fills (a real X server laid the empty display out shorter than a filled
one, and the second tap of a PIN landed between keys)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.config import Settings
from app.core.services import say
from app.ui.kiosk.view import KioskWindowView
from app.ui.kiosk.window import KioskWindow
from app.ui.wording import words

from ...support.languages import LANGUAGES, speaking
from .conftest import MANAGER


def _key_places(keypad: QWidget) -> dict[str, tuple[QPoint, int, int]]:
    QApplication.processEvents()
    window = keypad.window()
    return {
        key.objectName(): (key.mapTo(window, QPoint(0, 0)), key.width(), key.height())
        for key in keypad.findChildren(QPushButton)
    }


@pytest.mark.parametrize("size", [(1366, 768), (1080, 1920)])
@pytest.mark.parametrize("which", ["phone", "manager"])
def test_no_key_moves_while_digits_are_typed_or_wiped(
    qtbot: QtBot,
    make_kiosk: Callable[..., KioskWindow],
    till_settings: Settings,
    size: tuple[int, int],
    which: str,
) -> None:
    view = make_kiosk(till_settings, size).view
    if which == "phone":
        view.show_page(view.phone)
        keypad = view.phone.keypad
    else:
        view.show_page(view.manager)
        view.manager.ask_name([MANAGER])
        view.manager.ask_pin(MANAGER)
        keypad = view.manager.keypad
    qtbot.waitUntil(keypad.isVisible)
    before = _key_places(keypad)
    display_height = keypad.display.height()

    for digit in "0812":
        keypad.press(digit)
        assert _key_places(keypad) == before, f"a key moved after typing {digit}"
    assert keypad.display.height() == display_height
    keypad.wipe()
    assert _key_places(keypad) == before


def _pin_page_shown(qtbot: QtBot, size: tuple[int, int]) -> KioskWindowView:
    """The kiosk at ``size`` on its PIN page, in the language being spoken, exposed."""
    view = KioskWindowView(["en", "id"])
    qtbot.addWidget(view, before_close_func=lambda v: v.allow_close())
    view.resize(*size)
    view.pin.retranslate()
    view.show_page(view.pin)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.mark.parametrize("size", [(1366, 768), (1080, 1920), (768, 1366), (1280, 800)])
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_pin_key_moves_when_a_wrong_pin_is_said(
    qtbot: QtBot, size: tuple[int, int], language: str
) -> None:
    # Budi types a wrong PIN: the prompt says so and "2 attempts left" appears above the keys,
    # which must stay where his finger expects them.
    with speaking(language):
        view = _pin_page_shown(qtbot, size)
        pad = view.pin.pad
        before = _key_places(pad)

        view.pin.say(words(say("kiosk.pin_wrong")), 2)
        assert pad.attempts_text() != ""
        assert _key_places(pad) == before, "a key moved when the wrong PIN was said"
        view.pin.say(words(say("kiosk.pin_wrong")), 1)
        assert _key_places(pad) == before
        view.pin.retranslate()  # the next customer: the prompt again, no attempts line
        pad.set_attempts_left(None)
        assert _key_places(pad) == before


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600), (768, 1366), (1080, 1920)])
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_card_not_read_on_the_pin_pad_is_said_whole_and_moves_no_key(
    qtbot: QtBot, size: tuple[int, int], language: str
) -> None:
    # "…, or Cancel." took a second line at 768×1366 in Bahasa Indonesia, and the prompt, one
    # line high, showed only its first: the way out was cut off.
    with speaking(language):
        view = _pin_page_shown(qtbot, size)
        pad = view.pin.pad
        before = _key_places(pad)

        view.pin.card_not_read()
        QApplication.processEvents()
        prompt = pad.findChild(QLabel, "pinPrompt")
        assert prompt is not None and prompt.text() == pad.prompt_text()
        needed = prompt.heightForWidth(prompt.width())
        assert prompt.height() >= needed, "the prompt's last line is cut off"
        assert _key_places(pad) == before, "a key moved when the card was said not read"
        ok = pad.findChild(QPushButton, "pinOk")
        assert ok is not None
        assert ok.mapTo(view, QPoint(0, ok.height())).y() <= view.height()  # the keys all show


@pytest.mark.parametrize("size", [(1366, 768), (1080, 1920), (768, 1366), (1280, 800)])
def test_no_manager_key_moves_when_a_wrong_pin_is_said(
    qtbot: QtBot,
    make_kiosk: Callable[..., KioskWindow],
    till_settings: Settings,
    size: tuple[int, int],
) -> None:
    # A wrong manager PIN put "Wayan's PIN is wrong: 4 more…" above the pad and pushed every key
    # down under the manager's finger, typing the PIN again (seen under Xvfb at 1366×768).
    view = make_kiosk(till_settings, size).view
    view.show_page(view.manager)
    view.manager.ask_name([MANAGER])
    view.manager.ask_pin(MANAGER)
    keypad = view.manager.keypad
    qtbot.waitUntil(keypad.isVisible)
    before = _key_places(keypad)
    view.manager.show_refusal(
        "Wrong PIN for Wayan: 4 more wrong PINs lock the account for 5 minutes."
    )
    assert _key_places(keypad) == before, "a key moved when the wrong PIN was said"


#: The key that empties a pad, as a customer reads it beside ⌫ (which deletes one digit).
CLEAR_ALL = {"en": "Clear all", "id": "Hapus semua"}


@pytest.mark.parametrize("size", [(1024, 768), (768, 1366), (1080, 1920)])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pin_pad_and_the_phone_keypad_say_clear_all_beside_delete_one(
    qtbot: QtBot, size: tuple[int, int], language: str
) -> None:
    # The PIN pad's "Hapus" beside ⌫ read as "delete", where the phone keypad said "Hapus
    # semua": one key, two names, and one of them the delete-one key's.
    with speaking(language):
        view = KioskWindowView(["en", "id"])
        qtbot.addWidget(view, before_close_func=lambda v: v.allow_close())
        view.resize(*size)
        view.pin.retranslate()
        view.show()
        qtbot.waitExposed(view)
        pad = view.pin.pad
        for page, clear, back in [
            (
                view.pin,
                pad.findChild(QPushButton, "pinClear"),
                pad.findChild(QPushButton, "pinBackspace"),
            ),
            (view.phone, view.phone.keypad.clear_key, view.phone.keypad.back_key),
        ]:
            view.show_page(page)
            qtbot.waitUntil(clear.isVisible)
            assert clear.text() == CLEAR_ALL[language]
            # the words fit on the key, on one line, and the key is no wider than ⌫ beside it
            room = clear.contentsRect().width()
            assert clear.fontMetrics().horizontalAdvance(clear.text()) < room, (page, size)
            assert clear.width() == back.width(), (page, size)
