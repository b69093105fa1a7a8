"""The shift's list on a narrow page (1024 px): a full shift scrolls down, never sideways, its
headings are whole, and each row still says when it was made. Beside the Time and Status columns
and the list's scroll bar, "Redemption" ("Penukaran") had no room for its heading."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QTableView
from pytestqt.qtbot import QtBot

from app.core.messages import say
from app.core.services import ShiftRow, Verdict
from app.ui.controllers.counter_words import counter_history_row
from app.ui.controllers.redemption import counter_row
from app.ui.viewmodels import RedemptionRowData
from app.ui.widgets.outcome_style import OUTCOME_COLOURS
from app.ui.widgets.redemptions_table import (
    ShiftRedemptionsModel,
    ShiftRedemptionsView,
    StatusDelegate,
)

from ...support.languages import speaking
from ...support.screens import window_in
from ...support.tooltips import shown_tooltip
from ..test_room_to_read import crowded_columns

#: More redemptions than the list shows at once: its scroll bar takes its share of the width.
FULL_SHIFT = "19-not-redeemed"


def _times_shown(window: object) -> list[str]:
    """Each row's time as the list shows it, in whichever column holds it."""
    table = window.redemptions  # type: ignore[attr-defined]
    model: ShiftRedemptionsModel = window.redemptions_model  # type: ignore[attr-defined]
    shown = []
    for row in range(model.rowCount()):
        cells = [
            str(model.index(row, column).data())
            for column in range(model.columnCount())
            if not table.isColumnHidden(column)
        ]
        time = model.row_data(row).time_text
        shown.append(time if any(time in cell for cell in cells) else "")
    return shown


@pytest.mark.usefixtures("language")
@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_full_shift_has_whole_headings_and_says_each_time(
    qtbot: QtBot, size: tuple[int, int]
) -> None:
    window = window_in(qtbot, FULL_SHIFT, size)
    table = window.redemptions
    assert table.verticalScrollBar().isVisible()  # the case that cut the heading
    assert crowded_columns(table) == []
    model = window.redemptions_model
    assert _times_shown(window) == [model.row_data(r).time_text for r in range(model.rowCount())]


@pytest.mark.qt_log_ignore("does not support raise")  # the offscreen platform's tooltip
def test_a_row_s_tooltip_of_a_two_thousand_character_name_fits_the_screen(qtbot: QtBot) -> None:
    # Qt wraps a tooltip at spaces only: the row's tooltip, one 2,000-character word, was a
    # 13,000 px line and the member's name before it read as the whole tooltip.
    model = ShiftRedemptionsModel()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    long_name = "Panjang" * 290
    model.set_rows([RedemptionRowData("e1", "14.02", "Ayu Pratiwi", long_name, "confirmed")])
    view.show()
    qtbot.waitExposed(view)
    text = model.index(0, ShiftRedemptionsModel.REDEMPTION).data(Qt.ItemDataRole.ToolTipRole)
    tip = shown_tooltip(qtbot, view, text)
    assert tip.width() <= QApplication.primaryScreen().availableGeometry().width()
    assert tip.text().startswith("Ayu Pratiwi\nPanjangPanjang")


@pytest.mark.parametrize("focused", [False, True], ids=["selected", "selected-focused"])
def test_a_selected_row_keeps_its_status_colour(qtbot: QtBot, focused: bool) -> None:
    # Seen: the row a cashier clicked lost its "NOT CONFIRMED" orange (and "Confirmed" green…)
    # to the selection's light blue: the state of the row just picked could not be read.
    model = ShiftRedemptionsModel()
    model.set_rows(
        [
            RedemptionRowData("e1", "10.01", "Ayu Pratiwi", "Es Kopi Susu", "not_confirmed"),
            RedemptionRowData("e2", "10.02", "Budi Santoso", "Croissant", "confirmed"),
        ]
    )
    view = ShiftRedemptionsView(model)
    qtbot.addWidget(view)
    view.resize(560, 240)
    view.show()
    qtbot.waitExposed(view)
    for row, kind in ((0, "not_confirmed"), (1, "confirmed")):
        view.selectRow(row)
        if focused:
            view.setFocus()
        image = view.viewport().grab().toImage()
        cell = view.visualRect(model.index(row, ShiftRedemptionsModel.STATUS))
        # the cell's middle, left of its words (they start after its padding)
        colour = image.pixelColor(cell.left() + cell.width() // 2, cell.top() + 10)
        assert colour.name() == OUTCOME_COLOURS[kind][0], (row, kind)
        # and the row still reads selected beside it
        other = view.visualRect(model.index(row, ShiftRedemptionsModel.TIME))
        assert image.pixelColor(other.left() + 2, other.top() + 4).name() != "#ffffff"


@pytest.mark.parametrize("kind", ["not_confirmed", "accepted_offline", "confirmed"])
def test_the_shift_s_first_redemption_has_room_for_its_status(qtbot: QtBot, kind: str) -> None:
    # Seen under Xvfb: the first redemption of a shift, not confirmed, read "NOT / CONFI…" in a
    # column as wide as its heading; the next change of a row widened it.
    model = ShiftRedemptionsModel()
    view = ShiftRedemptionsView(model)
    qtbot.addWidget(view)
    view.resize(420, 200)
    view.show()
    qtbot.waitExposed(view)
    model.upsert(RedemptionRowData("e1", "05.51", "Ayu Pratiwi", "Es Kopi Susu", kind))
    status = ShiftRedemptionsModel.STATUS
    # the width its words ask for, on one line or two (the status delegate's own measure)
    assert view.columnWidth(status) >= view.sizeHintForColumn(status)
    assert view.sizeHintForColumn(status) > view.horizontalHeader().sectionSizeHint(status)


def count_status_measures(view: QTableView) -> list[int]:
    """The status cells ``view`` measures from now on (one item each), through a status delegate
    that counts: Qt fits the column by asking each measured cell's size."""
    measured: list[int] = []

    class Counting(StatusDelegate):
        def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:
            measured.append(1)
            return super().sizeHint(option, index)

    view.setItemDelegateForColumn(ShiftRedemptionsModel.STATUS, Counting(view))
    return measured


def test_a_redemption_on_top_of_a_long_shift_measures_the_rows_in_sight_not_all(
    qtbot: QtBot,
) -> None:
    # By the afternoon a busy till's list holds 600 rows: each new one on top had the status
    # column fitted to all of them, 601 cells read through the delegate.
    model = ShiftRedemptionsModel()
    view = ShiftRedemptionsView(model)
    qtbot.addWidget(view)
    view.resize(600, 500)
    view.show()
    qtbot.waitExposed(view)
    for n in range(600):
        model.upsert(_row(n))
    QApplication.processEvents()
    measured = count_status_measures(view)
    model.upsert(_row(600, "not_confirmed"))
    QApplication.processEvents()
    assert model.row_data(0).entry_id == "e600"
    assert 0 < len(measured) < 300, f"{len(measured)} statuses measured for one new row"


def _row(n: int, status: str = "confirmed") -> RedemptionRowData:
    return RedemptionRowData(
        entry_id=f"e{n}",
        time_text="10.00",
        member=f"Member {n}",
        what="Upgrade ke Ukuran Large",
        status=status,  # type: ignore[arg-type]
    )


def _turned_away(status: Verdict) -> ShiftRow:
    """A customer turned away at the counter, as the shift's record holds them."""
    return ShiftRow(
        time=datetime(2026, 12, 1, 6, 30, tzinfo=UTC),
        cashier="Rina",
        member="Ayu Pratiwi",
        kind="code",
        what="Voucher code RINDANG-100K-LAMA",
        stamps=0,
        rupiah=Decimal(0),
        invoice="INV-0042",
        status=status,
        server_redemption_id=None,
        reason=say("order.reward_not_offered", reward="Kopi susu"),
        entry_id=None,
        refusal_id=7,
    )


@pytest.mark.parametrize(
    ("status", "english"),
    [
        (Verdict.REFUSED, "Refused at the counter"),
        (Verdict.NOT_REDEEMED, "Not redeemed at the counter"),
    ],
)
@pytest.mark.parametrize("language", ["en", "id"])
def test_a_customer_turned_away_reads_in_the_shift_s_list_as_in_the_history(
    qtbot: QtBot, status: Verdict, english: str, language: str
) -> None:
    # Seen: a voucher code refused before anything was queued read "Refused" in "This shift"
    # and "Refused at the counter" in the History's row for the same customer.
    with speaking(language):
        row = _turned_away(status)
        model = ShiftRedemptionsModel()
        model.set_rows([counter_row(row)])
        shown = model.index(0, ShiftRedemptionsModel.STATUS).data()
        assert shown == counter_history_row(row).cells[7]
        if language == "en":
            assert shown == english
        tip = model.index(0, ShiftRedemptionsModel.STATUS).data(Qt.ItemDataRole.ToolTipRole)
        assert tip.startswith(f"{shown}\n")
