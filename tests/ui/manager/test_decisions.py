"""A decision dialog about a redemption whose name came from the server."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtWidgets import QApplication, QDialog, QPushButton
from pytestqt.qtbot import QtBot

from app.ui.manager.decisions import NOTE_INPUT_MAX, CancelByServerIdDialog, DecisionDialog, NoteBox


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


def _settled_where(dialog: QDialog, button: QPushButton) -> QPoint:
    for _ in range(8):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    QApplication.processEvents()
    return button.mapToGlobal(QPoint(0, 0))


def test_cancel_by_server_id_says_its_reasons_without_moving_its_buttons(qtbot: QtBot) -> None:
    # Seen under Xvfb: the note's reason pushed "Cancel the redemption" down, and a click aimed
    # at it landed in the note.
    dialog = CancelByServerIdDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    buttons = (dialog.confirm, dialog.back)
    before = [_settled_where(dialog, button) for button in buttons]
    dialog.show_errors(
        {
            "server_id": "A server redemption id runs from 1 to 9223372036854775807: no "
            "redemption has this one.",
            "member": "This is longer than 254 characters.",
            "note": "A note is at most 500 characters: this one has 10000.",
        }
    )
    assert [_settled_where(dialog, button) for button in buttons] == before
    dialog.submit()
    dialog.show_refusal("The Stamps server cannot be reached: the cancel is queued instead.")
    assert [_settled_where(dialog, button) for button in buttons] == before
    screen = QApplication.primaryScreen().availableGeometry()
    assert dialog.frameGeometry().bottom() <= screen.bottom()


def test_cancel_by_server_id_opens_with_its_buttons_right_under_its_fields(qtbot: QtBot) -> None:
    # Seen under X: room held for two lines of reason under each of its three fields kept a
    # gap of 150 px between the note and "Cancel the redemption". A reason grows the dialog
    # upwards instead, its buttons staying where they were (the test above).
    dialog = CancelByServerIdDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _settled_where(dialog, dialog.confirm)
    note_foot = dialog.note.mapTo(dialog, QPoint(0, dialog.note.height())).y()
    buttons_top = dialog.buttons.mapTo(dialog, QPoint(0, 0)).y()
    assert buttons_top - note_foot <= 2 * dialog.body.spacing()


def test_a_decision_s_note_refused_leaves_its_button_where_it_was(qtbot: QtBot) -> None:
    dialog = DecisionDialog("mark_applied", "Reward Kopi susu for Ayu")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    before = _settled_where(dialog, dialog.confirm)
    dialog.show_server_id_error("A server redemption id is a whole number, 0-9 only.")
    dialog.show_note_error("A note is at most 500 characters: this one has 10000.")
    assert _settled_where(dialog, dialog.confirm) == before


def test_a_note_typed_past_what_the_box_takes_keeps_its_start(qtbot: QtBot) -> None:
    # Seen under Xvfb: 10,000 characters pasted key by key into a cancel's note. Past 2,000 the
    # box cut the text and its cursor went back to the start, so every key after it was typed
    # in front: the note read "nayaW edaM utuP iweD" for "Wayan Dewi Putu Made".
    box = NoteBox()
    qtbot.addWidget(box)
    box.setFocus()
    typed = ("Wayan Dewi Putu Made " * 100)[:NOTE_INPUT_MAX]
    box.insertPlainText(typed)
    qtbot.keyClicks(box, "XYZ")
    assert box.text() == typed
    assert box.textCursor().position() == NOTE_INPUT_MAX


def test_a_retry_s_answer_shows_whole_without_scrolling(qtbot: QtBot) -> None:
    # Seen under X at 1366x768: Budi's retry came back confirmed, and the dialog showed its
    # banner and three lines in an 80 px box with a scroll bar, the redemption id and the QR
    # code below it, though the screen had room for all.
    from app.ui.viewmodels import ResultData

    dialog = DecisionDialog("retry", "Es Kopi Susu Gula Aren", may_be_applied=True, pin_of="Budi")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.show_sent(ResultData("working", "Sending…", details="Sending to Stamps…"))
    _settled_where(dialog, dialog.back)
    dialog.show_result(
        ResultData(
            "confirmed",
            "Es Kopi Susu Gula Aren",
            details="160 stamps left.",
            what_to_do="Hand it over.",
            redemption_id="2003",
        )
    )
    _settled_where(dialog, dialog.back)
    words = dialog.result_panel.body
    assert words.verticalScrollBar().maximum() == 0, (words.height(), words.widget().height())
    screen = QApplication.primaryScreen().availableGeometry()
    assert dialog.frameGeometry().bottom() <= screen.bottom()
