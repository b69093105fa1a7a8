"""The pieces manager mode's filter forms share: the History and Audit pages lay their filters out
the same way, and a refused range shows its reason under them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.ui.manager.audit import AuditView
from app.ui.manager.history import HistoryView
from app.ui.widgets.choice_box import ChoiceBox
from app.ui.widgets.form import (
    FormField,
    day_edit,
    error_line,
    filter_row,
    line_edit,
    picked_day,
    show_reason,
)


def test_a_filter_row_puts_each_heading_over_its_control_and_fields_take_the_rest(
    qtbot: QtBot,
) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    status = QComboBox()
    member = FormField("Member", line_edit(max_length=10), name="member")
    row = filter_row([("Status", status)], [member])
    page.setLayout(row)
    heading = row.itemAtPosition(0, 0).widget()
    assert isinstance(heading, QLabel) and heading.text() == "Status"
    assert heading.buddy() is status and status.accessibleName() == "Status"
    assert row.itemAtPosition(1, 0).widget() is status
    assert row.itemAtPosition(0, 1).widget() is member
    assert (row.columnStretch(0), row.columnStretch(1)) == (0, 1)
    assert row.rowCount() == 2  # no row held for reasons under them: they go beside "Show"


def _typed_names() -> QComboBox:
    names = QComboBox()  # the manager sign-in's: a name picked or typed
    names.setEditable(True)
    names.addItems(["Wayan"])
    return names


def _statuses() -> ChoiceBox:
    box = ChoiceBox("status", cap_chars=19)
    box.addItems(["All statuses", "Confirmed"])
    return box


@pytest.mark.parametrize("make", [_statuses, _typed_names, lambda: day_edit("since")])
def test_a_drop_down_s_right_end_is_the_box_s_own_background(
    qtbot: QtBot, make: Callable[[], QWidget]
) -> None:
    """Fusion drew a sunken button's dark edges inside the rounded border at the box's right
    end: the drop-downs of History, Audit, End of day and the manager sign-in read as clipped
    there. Inside the border, that end is the box's white, the arrow alone drawn on it."""
    box = make()
    qtbot.addWidget(box)
    box.resize(220, box.sizeHint().height())
    box.show()
    qtbot.waitExposed(box)
    image = box.grab().toImage()
    inside, corner = 2, 6  # past a 1 px border; clear of the rounded corners
    right, bottom = image.width() - 1 - inside, image.height() - 1 - inside
    edge = [image.pixelColor(right, y).name() for y in range(corner, bottom - corner)]
    edge += [image.pixelColor(x, bottom).name() for x in range(right - 28, right - corner)]
    assert set(edge) == {"#ffffff"}


def test_a_day_edit_starts_today_and_reads_back_the_day_picked(qtbot: QtBot) -> None:
    edit = day_edit("since")
    qtbot.addWidget(edit)
    assert edit.date() == QDate.currentDate() and edit.displayFormat() == "yyyy-MM-dd"
    edit.setDate(QDate(2026, 12, 25))
    assert picked_day(edit) == date(2026, 12, 25)


def test_a_reason_line_shows_only_while_there_is_a_reason(qtbot: QtBot) -> None:
    line = error_line("rangeError")
    qtbot.addWidget(line)
    show_reason(line, "“From” is after “To”.")
    assert not line.isHidden() and line.text() == "“From” is after “To”."
    show_reason(line, "")
    assert line.isHidden()


def test_history_and_audit_lay_their_filters_out_alike(qtbot: QtBot) -> None:
    history, audit = HistoryView(), AuditView()
    qtbot.addWidget(history)
    qtbot.addWidget(audit)
    for view in (history, audit):
        for edit in (view.since, view.until):
            assert edit.displayFormat() == "yyyy-MM-dd" and edit.calendarPopup()
        assert view.since.accessibleName() == "From" and view.until.accessibleName() == "To"
        assert view.range_error.isHidden()
    history.show_errors("", "“From” is after “To”.")
    audit.show_errors({"dates": "“From” is after “To”."})
    assert history.range_error.text() == audit.range_error.text() == "“From” is after “To”."
    assert not history.range_error.isHidden() and not audit.range_error.isHidden()


def test_enter_on_a_list_filter_shows_what_it_picked(qtbot: QtBot) -> None:
    # Under X: a manager picked "Not confirmed" in the History's Status with the arrows and
    # pressed Enter, as in the days and the member beside it; the list stayed on every status
    # until Tab reached "Show". The Cashier and the Audit log's Action did the same.
    from PySide6.QtCore import Qt

    history, audit = HistoryView(), AuditView()
    for view in (history, audit):
        qtbot.addWidget(view)
    history.set_choices([("unknown", "Not confirmed")], ["Dewi"])
    audit.set_actions([("dismiss", "dismissed")])
    for view, box, field, value in (
        (history, history.status, "status", "unknown"),
        (history, history.cashier, "cashier", "Dewi"),
        (audit, audit.action, "action", "dismiss"),
    ):
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Down)  # the arrows pick, the list closed
        with qtbot.waitSignal(view.query_requested) as asked:
            qtbot.keyClick(box, Qt.Key.Key_Return)
        assert getattr(asked.args[0], field) == value
        with qtbot.waitSignal(view.query_requested):
            qtbot.keyClick(box, Qt.Key.Key_Enter)  # the keypad's Enter too
