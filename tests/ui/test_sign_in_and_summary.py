"""Starting and closing a shift."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from app.core.services import DatabaseLogLost, StorageProblem
from app.ui.controllers.storage import at_sign_in, fact_for, sentence_for
from app.ui.shift_summary import ShiftSummaryView
from app.ui.sign_in import SignInView
from app.ui.viewmodels import ShiftSummaryData

from ..support.screens import inside_the_frame, window_in


def test_a_cashier_signs_in_with_their_pin_and_the_pin_field_is_wiped(qtbot: QtBot):
    view = SignInView()
    qtbot.addWidget(view)
    view.set_cashiers(["Rina", "Agus"])
    view.set_pin_required(True)
    view.cashiers.setCurrentRow(1)
    qtbot.keyClicks(view.pin_field, "2468")

    with qtbot.waitSignal(view.sign_in_requested) as request:
        qtbot.keyClick(view.pin_field, Qt.Key.Key_Return)

    assert request.args == ["Agus", "2468"]
    assert view.pin_field.text() == ""
    assert view.pin_field.echoMode() == view.pin_field.EchoMode.Password


def test_a_pin_typed_on_the_list_goes_into_the_pin_field(qtbot: QtBot):
    # Under Xvfb: Down to Rina, then her PIN typed at once; the digits went to the list's own
    # search and were lost, and Enter asked again for the PIN she had typed.
    view = SignInView()
    qtbot.addWidget(view)
    view.set_accounts([("Dewi", False), ("Rina", True)])
    view.cashiers.setCurrentRow(1)
    qtbot.keyClicks(view.cashiers, "2580")
    assert view.pin_field.text() == "2580"
    with qtbot.waitSignal(view.sign_in_requested) as request:
        qtbot.keyClick(view.pin_field, Qt.Key.Key_Return)
    assert request.args == ["Rina", "2580"]
    # Dewi has no PIN: a digit on the list is the list's, and fills nothing.
    view.cashiers.setCurrentRow(0)
    qtbot.keyClicks(view.cashiers, "7")
    assert view.pin_field.text() == "" and view.pin_field.isHidden()


def test_without_cashier_pins_picking_a_name_is_enough(qtbot: QtBot):
    view = SignInView()
    qtbot.addWidget(view)
    view.set_cashiers(["Rina"])
    assert view.pin_field.isHidden()
    with qtbot.waitSignal(view.sign_in_requested) as request:
        view.start_button.click()
    assert request.args == ["Rina", ""]
    view.show_error("Locked for 5 minutes")
    assert not view.error.isHidden()


def test_no_cashiers_no_sign_in(qtbot: QtBot):
    # Under Xvfb, a new till's first start: an empty list and a greyed "Start shift", and not
    # a word of why, though the page has one.
    view = SignInView()
    qtbot.addWidget(view)
    view.set_cashiers([])
    assert not view.start_button.isEnabled()
    assert not view.empty.isHidden() and "manager mode (F8)" in view.empty.text()
    view.set_cashiers(["Rina"])
    assert view.empty.isHidden() and view.start_button.isEnabled()


def test_the_summary_counts_by_outcome_and_flags_what_is_not_confirmed(qtbot: QtBot):
    view = ShiftSummaryView()
    qtbot.addWidget(view)
    view.set_summary(
        ShiftSummaryData(
            "Rina",
            "08:00",
            "16:00",
            confirmed=41,
            accepted_offline=6,
            not_confirmed=1,
            refused=3,
            cancelled=2,
            stamps_redeemed=812,
            vouchers_used=9,
        )
    )
    counts = {kind: label.text() for kind, label in view.counts.items()}
    assert counts == {
        "confirmed": "41",
        "accepted_offline": "6",
        "not_confirmed": "1",
        "refused": "3",
        "not_redeemed": "0",
        "cancelled": "2",
    }
    assert "Stamps redeemed: 812" in view.totals.text()
    assert not view.pending_warning.isHidden()

    with qtbot.waitSignal(view.export_csv_requested):
        view.export_button.click()
    with qtbot.waitSignal(view.close_shift_confirmed):
        view.close_button.click()


def test_what_expired_or_a_manager_closed_is_counted_too(qtbot: QtBot):
    # The six boxes left them out: a shift of five redemptions read four, with nothing saying
    # where the fifth went.
    view = ShiftSummaryView()
    qtbot.addWidget(view)
    view.set_summary(ShiftSummaryData("Rina", "08:00", "16:00", confirmed=3, expired=1, closed=2))
    assert not view.others.isHidden()
    assert view.others.text() == "Expired, never sent: 1   ·   Closed by a manager: 2"
    view.set_summary(ShiftSummaryData("Rina", "08:00", "16:00", confirmed=3, expired=1))
    assert view.others.text() == "Expired, never sent: 1"
    view.set_summary(ShiftSummaryData("Rina", "08:00", "16:00", confirmed=3))
    assert view.others.isHidden()


def test_a_clean_shift_has_no_warning(qtbot: QtBot):
    view = ShiftSummaryView()
    qtbot.addWidget(view)
    view.set_summary(ShiftSummaryData("Rina", "08:00", "16:00", confirmed=3))
    assert view.pending_warning.isHidden()


def test_enter_presses_the_summary_button_the_keyboard_is_on(qtbot: QtBot):
    # The summary opens on "Close shift", drawn as focused: Enter closes the shift (the keyboard
    # help's "Enter: confirm"), as Space does; on "Back to the till", Enter goes back.
    view = ShiftSummaryView()
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    for button, signal in (
        (view.close_button, view.close_shift_confirmed),
        (view.back_button, view.back_requested),
    ):
        button.setFocus()
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            with qtbot.waitSignal(signal, timeout=1000):
                qtbot.keyClick(button, key)


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_cashier_picked_stays_in_sight_under_the_pin_the_note_and_a_refusal(
    qtbot: QtBot, size: tuple[int, int]
) -> None:
    # Seen under Xvfb: with the PIN field, the lock's note and a refusal all showing, the list
    # shrank to a row or two and the cashier picked (the one whose PIN is asked) went out of
    # sight above or below them.
    window = window_in(qtbot, "35-locked", size)
    page = window.sign_in
    names = [f"Kasir {n}" for n in range(1, 10)]
    page.set_accounts([(name, True) for name in names])
    for picked in (names[-1], names[0], names[4]):
        page.set_locked(picked, idle=False)
        page.show_error(
            f"Wrong PIN for {picked}: 4 more wrong PINs lock the account for 5 minutes."
        )
        for _ in range(8):
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()
        assert not page.pin_field.isHidden() and not page.note.isHidden()
        list_ = page.cashiers
        assert list_.currentItem().text() == picked
        # The one picked and a name either side of it, none cut.
        row = list_.currentRow()
        for near in range(max(row - 1, 0), min(row + 2, list_.count())):
            shown = list_.visualItemRect(list_.item(near))
            assert list_.viewport().rect().contains(shown), (picked, near, shown)


@pytest.mark.parametrize("size", [(1366, 768), (1093, 614)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_after_a_wrong_pin_every_cashier_of_a_small_store_is_still_in_sight(
    qtbot: QtBot, language: str, size: tuple[int, int]
) -> None:
    # Seen under X at 1366×768: after Rina's wrong PIN the list shrank under the refusal, got
    # a scroll bar, and Agus scrolled out of sight. The card turns side by side instead.
    window = window_in(qtbot, "01-sign-in", size)
    page = window.sign_in
    page.set_accounts([("Agus", False), ("Dewi", False), ("Rina", True)])
    page.select_cashier("Rina")
    page.show_error(
        "Wrong PIN for Rina: 4 more wrong PINs lock the account for 5 minutes, then a manager "
        "can clear it."
    )
    for _ in range(8):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    QApplication.processEvents()
    list_ = page.cashiers
    for row in range(list_.count()):
        shown = list_.visualItemRect(list_.item(row))
        assert list_.viewport().rect().contains(shown), (list_.item(row).text(), shown)
    assert not page.start_button.visibleRegion().isEmpty()


#: The screens the cashier's pages are looked at on (a scaled desktop's among them).
PAGE_SIZES = [(1366, 768), (1280, 720), (1093, 614), (1024, 600)]


def _laid_out() -> None:
    for _ in range(8):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    QApplication.processEvents()


@pytest.mark.parametrize("size", PAGE_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_clean_shift_reads_whose_it_is_right_under_the_title(
    qtbot: QtBot, language: str, size: tuple[int, int]
) -> None:
    # Seen under X: with no refusal the table is hidden, and its room went to the card's words
    # instead, "Shift summary" a hand's width above "Rina · 08.00 – 16.02".
    window = window_in(qtbot, "22-shift-summary", inside_the_frame(size))
    page = window.summary
    page.set_summary(ShiftSummaryData("Rina", "08.00", "16.02", confirmed=3))
    _laid_out()
    title_bottom = page.title.geometry().top() + page.title.sizeHint().height()
    assert page.who.geometry().top() - title_bottom < page.title.sizeHint().height()
    assert page.who.height() <= page.who.sizeHint().height()
    assert not page.close_button.visibleRegion().isEmpty()


def _in_sight(widget: QWidget) -> bool:
    """``widget`` whole in the scrolled page's view, not scrolled past nor cut."""
    area = widget.parentWidget()
    while not isinstance(area, QScrollArea):
        area = area.parentWidget()
    view = area.viewport()
    return view.rect().contains(QRect(widget.mapTo(view, QPoint(0, 0)), widget.size()))


@pytest.mark.parametrize("said", [at_sign_in, fact_for], ids=["what-to-do", "what-happened"])
@pytest.mark.parametrize("size", PAGE_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_storage_refusal_at_sign_in_keeps_the_logo_its_words_and_the_button_in_sight(
    qtbot: QtBot, language: str, size: tuple[int, int], said: Callable[[StorageProblem], str]
) -> None:
    # Seen under X: the database file deleted under the till, a sign-in refused, and its four
    # lines over the banner's three at 1024×600: the logo went, and "Start shift" was under
    # the page's fold. Side by side, the list beside the PIN, every part is in sight.
    window = window_in(qtbot, "01-sign-in", inside_the_frame(size))
    page = window.sign_in
    database = Path("/var/lib/stamps-pos/stamps-pos.db")
    problem = DatabaseLogLost(database, str(database), rescued=True)
    window.set_storage_problem(sentence_for(problem))
    page.select_cashier(page.cashiers.item(0).text())
    page.show_error(said(problem))
    _laid_out()
    for part in (page.logo, page.title, page.cashiers, page.error, page.start_button):
        assert not part.isHidden() and _in_sight(part), (part.objectName(), size)
    error = page.error
    assert error.heightForWidth(error.width()) <= error.height()
