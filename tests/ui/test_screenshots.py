"""``python -m app.ui.screenshots`` renders every state at the till's size, and every kiosk screen
standing and lying (``kiosk-*``), in English or, with ``SCREENSHOT_LANG=id``, in Bahasa
Indonesia."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from app.ui import language, screenshots
from app.ui.cannot_start import CannotStartPage
from app.ui.kiosk import screenshots as kiosk_screenshots
from app.ui.kiosk.screenshots import ORIENTATIONS, kiosk_in
from app.ui.kiosk.screenshots import STATES as KIOSK_STATES
from app.ui.screenshots import LANGUAGE_ENV, STATES, main

from ..support.languages import speaking
from ..support.screens import window_in
from ..support.window_texts import visible_texts

CANNOT_START = "45-cannot-start"


@pytest.fixture
def rendered(qapp: QApplication) -> Iterator[None]:
    """main() for a test: the windows it renders, closed and left to deleteLater(), deleted
    after it. A process that only takes screenshots ends there; a test worker lives on, and
    with some 17,000 widgets left over every later language change (retranslating them all),
    and every test after, would run slower on that worker."""
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_every_state_is_rendered_at_1366_by_768(
    rendered, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.delenv(LANGUAGE_ENV, raising=False)
    assert main([str(tmp_path)]) == 0

    written = sorted(tmp_path.glob("[0-9]*.png"))
    assert [path.stem for path in written] == sorted(STATES)
    for path in written:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1366, 768), path.name
    for state in KIOSK_STATES:
        for orientation, size in ORIENTATIONS.items():
            image = QImage(str(tmp_path / f"kiosk-{state}-{orientation}.png"))
            assert (image.width(), image.height()) == size, (state, orientation)
    kiosk = len(KIOSK_STATES) * len(ORIENTATIONS) + 1  # and the till's hand-over dialog
    assert (tmp_path / "kiosk-19-till-handover.png").is_file()
    assert capsys.readouterr().out.count(".png") == len(STATES) + kiosk
    assert language.current() == "en"


def test_screenshot_lang_id_renders_them_in_indonesian(
    rendered, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # One cashier state and one kiosk state, through main() and the real rendering: what only
    # this test checks is that SCREENSHOT_LANG=id reaches the renders. Every state is built in
    # Indonesian by test_every_word_translated.py (the cashier's) and kiosk/test_screens.py (the
    # kiosk's, standing and lying), and every file is written by the English test above;
    # rendering all of them again here cost a worker a minute.
    english_page = visible_texts(window_in(qtbot, "01-sign-in", (1366, 768)))
    english_kiosk = kiosk_in("01-welcome", ORIENTATIONS["portrait"])
    qtbot.addWidget(english_kiosk, before_close_func=lambda view: view.allow_close())
    english_title = english_kiosk.welcome.title.text()  # read now: it follows the language
    shown: dict[str, list[str]] = {}

    def sign_in(window):
        shot = STATES["01-sign-in"](window)
        shown.setdefault("01-sign-in", []).append(str(visible_texts(window)))
        return shot

    def welcome(view):
        KIOSK_STATES["01-welcome"](view)
        shown.setdefault("kiosk-01-welcome", []).append(view.welcome.title.text())

    monkeypatch.setattr(screenshots, "STATES", {"01-sign-in": sign_in})
    monkeypatch.setattr(kiosk_screenshots, "STATES", {"01-welcome": welcome})
    with speaking("id"):  # its .qm built, as make builds it first
        pass
    monkeypatch.setenv(LANGUAGE_ENV, "id")
    try:
        assert main([str(tmp_path)]) == 0
        assert language.current() == "id"
    finally:
        language.install("en")

    assert sorted(path.name for path in tmp_path.glob("*.png")) == [
        "01-sign-in.png",
        *sorted(f"kiosk-01-welcome-{orientation}.png" for orientation in ORIENTATIONS),
        "kiosk-19-till-handover.png",
    ]
    assert shown["01-sign-in"] != [str(english_page)], "the till's page was rendered in English"
    kiosk_titles = shown["kiosk-01-welcome"]
    assert len(kiosk_titles) == len(ORIENTATIONS)
    assert english_title not in kiosk_titles


def test_usage(capsys, monkeypatch: pytest.MonkeyPatch):
    assert main([]) == 2
    assert "usage" in capsys.readouterr().err
    monkeypatch.setenv(LANGUAGE_ENV, "fr")
    assert main(["out"]) == 2
    assert "SCREENSHOT_LANG must be en or id, not 'fr'" in capsys.readouterr().err


def test_the_page_of_a_till_that_cannot_start_is_among_the_states(qtbot) -> None:
    # Shown full size in place of the window when the settings stop the till: reviewed, and
    # read for room and for English left over in Bahasa Indonesia, as every other screen is.
    window = window_in(qtbot, CANNOT_START, (1280, 720))
    [page] = [w for w in window.findChildren(CannotStartPage) if w.isVisible()]
    assert page.size() == window.size()
    lines = page.shown_text().splitlines()
    assert lines[:2] == ["Stamps POS cannot start", "These settings are missing or refused:"]
    assert lines[2:4] == ["merchant: This setting is required.", "store: This setting is required."]


def test_the_readme_s_picture_says_whose_sale_the_invoice_is_for(qtbot) -> None:
    # As the till says it under the field: docs/cashier-window.png (14-confirmed) showed the
    # invoice number with no "For Budi Santoso" under it.
    window = window_in(qtbot, "14-confirmed", (1366, 768))
    owner = window.invoice_field.owner
    assert owner.isVisible() and owner.text() == f"For {window.member_card.name_text()}"
