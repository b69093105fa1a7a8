"""The cashier's window while its till is still opening: a card scanned then, or on the sign-in
page before anyone has signed in, is said not to be read, never lost without a word.

Real key events through the scanner filter, at a scanner's pace."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.config import Settings
from app.core.services.till import Till
from app.ui.cashier import cashier_names, listening, take_held_scan
from app.ui.cashier_window import CashierWindow
from app.ui.controllers import tasks
from app.ui.main_window import CashierWindowView
from app.ui.sign_in import SignInView
from app.ui.widgets.held_scan import HeldScan
from app.ui.wording import words

from ..support.languages import speaking
from .controllers.conftest import WAIT_MS, open_running_till

__all__ = ["open_running_till"]  # a fixture

AYU_CARD = "70140000000006"
NOT_READ = "Card not read: sign in first, then scan it again."


def scan(qtbot: QtBot, window: QWidget, code: str) -> None:
    """``code`` and Enter as a wedge scanner types them, where the keyboard is."""
    for key in [*code, Qt.Key.Key_Return]:
        qtbot.keyClick(QApplication.focusWidget() or window, key)


class Opening:
    """The window from its first frame ("Starting…"), shown; :meth:`open` opens the till as
    ``run_cashier`` does, on the sign-in page."""

    def __init__(self, qtbot: QtBot, open_till: Callable[[], Till]) -> None:
        self.qtbot = qtbot
        self.view = CashierWindowView(starting=True)
        self._open_till = open_till
        self.held: HeldScan
        self.window: CashierWindow | None = None

    def open(self) -> CashierWindow:
        self.view.build()
        self.view.show_sign_in()
        self.window = window = CashierWindow(
            self.view,
            self._open_till(),
            cashiers=["Agus", "Dewi"],
            use_printer=False,
            scanner=self.held.scanner,
        )
        take_held_scan(self.held, window)
        self.qtbot.waitUntil(lambda: window.is_ready, timeout=WAIT_MS)
        return window


@pytest.fixture
def opening(
    qtbot: QtBot, open_running_till: Callable[..., Till], till_settings: Settings
) -> Opening:
    opening = Opening(qtbot, lambda: open_running_till(till_settings))

    def before_close(_view: object) -> None:
        qtbot.waitUntil(lambda: not tasks._running, timeout=WAIT_MS)
        if opening.window is not None:
            opening.window.close()
        opening.held.scanner.remove()  # before the window that owns it goes

    qtbot.addWidget(opening.view, before_close_func=before_close)
    opening.view.show()
    opening.view.activateWindow()
    qtbot.waitExposed(opening.view)
    opening.held = listening(opening.view)  # as run_cashier does after the first frame
    return opening


def test_a_card_scanned_while_the_till_starts_is_said_not_read_on_the_sign_in_page(
    qtbot: QtBot, opening: Opening
) -> None:
    scan(qtbot, opening.view, AYU_CARD)
    window = opening.open()
    sign_in = window.view.sign_in
    assert sign_in.error.isVisibleTo(window.view)
    assert sign_in.error.text() == NOT_READ
    assert window.session.member is None


def test_a_card_scanned_on_the_sign_in_page_is_said_not_read(
    qtbot: QtBot, opening: Opening
) -> None:
    window = opening.open()
    sign_in = window.view.sign_in
    assert not sign_in.error.isVisibleTo(window.view)
    scan(qtbot, window.view, AYU_CARD)
    assert sign_in.error.isVisibleTo(window.view)
    assert sign_in.error.text() == NOT_READ
    # Nobody was picked by the card's digits, nor a shift started by its Enter.
    assert sign_in.cashiers.currentItem().text() == "Agus"
    assert window.view.pages.currentWidget() is sign_in


def test_a_cashiers_file_that_is_not_utf8_is_said_and_the_till_still_starts(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Saved as Windows' "ANSI" ("José"), it stopped the window before its first page, with a
    # UnicodeDecodeError on stderr and a black screen. Then the sign-in page said only "No
    # cashier accounts yet", and why went to a stderr nobody at the till reads.
    path = tmp_path / "cashiers.txt"
    path.write_bytes(b"Dewi\r\nJos\xe9\r\n")
    with caplog.at_level(logging.WARNING):
        names, unread = cashier_names(tmp_path)
    assert names is None  # nothing imported, nor marked imported
    assert f"{path} cannot be read: it is not UTF-8 text: not imported" in caplog.text
    assert unread is not None
    page = SignInView()
    qtbot.addWidget(page)
    page.set_accounts([])
    page.set_cashiers_unread(words(unread))
    assert page.unread.isVisibleTo(page)
    assert page.unread.text() == (
        f"{path} cannot be read: it is not UTF-8 text. The cashiers it names were not added: "
        "fix the file, then start the till again."
    )
    with speaking("id"):
        page.set_cashiers_unread(words(unread))
        assert page.unread.text().startswith(f"{path} tidak bisa dibaca: isinya bukan teks UTF-8. ")


def test_cashiers_file_names_are_read_a_line_each(tmp_path: Path) -> None:
    assert cashier_names(tmp_path) == (None, None)  # no file: nothing to import, nothing said
    (tmp_path / "cashiers.txt").write_bytes(b"# the shop\r\nDewi\r\n\r\n Putu \r\n")
    assert cashier_names(tmp_path) == ({2: "Dewi", 4: "Putu"}, None)
