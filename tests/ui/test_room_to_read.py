"""Room to read: at the till's 1366×768, at 1920×1080 and on the smaller counter screens
(1280×720, 1024×768), no text a cashier must read is cut.
Every visible label either shows its whole text (wrapped where it wraps) or carries it in a
tooltip; every button is wide enough for its words; every empty field's placeholder (the hint
in a field the cashier is to fill) fits the field, since Qt cuts one that does not with "…" and
carries it nowhere else. A table that wraps its words (the member's
vouchers) shows every cell whole, however many lines it takes; one that keeps each cell to its
lines (the shift's list, the manager's) may carry a cut cell's words in its tooltip instead.
Every table fits its view: nothing to scroll sideways for, and every heading whole (a heading
has no tooltip to carry it).

Parametrised by language: each translation in resources/translations runs the same walk, so a
longer language is checked the day it lands.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionFrame,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.core.services import AuditLine
from app.ui.controllers.audit_words import audit_row
from app.ui.screenshots import STATES, _window
from app.ui.viewmodels import StatusData
from app.ui.widgets.elided_label import ElidedLabel
from app.ui.widgets.result_panel import outcome_title
from app.ui.widgets.status_bar import SyncStatusBar

from ..support.screens import SCALED_SCREENS as DESKTOP_SCALED
from ..support.screens import SMALLEST_SCREEN, inside_the_frame, window_in

SIZES = [(1024, 768), (1280, 720), (1366, 768), (1920, 1080)]


def _has_whole_text_in_a_tooltip(widget: QWidget, text: str) -> bool:
    while widget is not None and not widget.isWindow():
        if text.replace("\n", " ") in widget.toolTip().replace("\n", " "):
            return True
        widget = widget.parentWidget()
    return False


#: Rounds of posted layout requests to deliver before looking: a label given new words asks its
#: layout to grow, which asks its parent's, one posted event a level.
LAYOUT_ROUNDS = 8


def cut_texts(window: QWidget) -> list[str]:
    """What a cashier cannot read whole: "<widget>: <text>" for each, once the layouts have
    taken the latest words in (as they have by the frame the cashier sees): looked at before,
    a text set a moment ago still has its old geometry, and a busy machine is all it takes."""
    for _ in range(LAYOUT_ROUNDS):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    cut = []
    others = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]
    roots = [window, *others]
    # A dialog is the window's child and a window of its own: each widget is looked at once.
    widgets = dict.fromkeys(w for root in roots for w in root.findChildren(QWidget))
    for widget in widgets:
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and widget.text() and not widget.pixmap():
            if isinstance(widget, ElidedLabel) or _fits(widget):
                continue
            if not _has_whole_text_in_a_tooltip(widget, widget.text()):
                cut.append(f"{widget.objectName() or type(widget).__name__}: {widget.text()!r}")
        elif (
            isinstance(widget, QAbstractButton)
            and widget.text()
            and widget.width() + 1 < widget.sizeHint().width()
        ):
            cut.append(f"button {widget.objectName()}: {widget.text()!r}")
        elif isinstance(widget, QTableView):
            cut.extend(crowded_columns(widget))
            cut.extend(cut_cells(widget))
        elif (
            isinstance(widget, QLineEdit)
            and widget.placeholderText()
            and not widget.text()  # what it shows is its placeholder
            and widget.fontMetrics().horizontalAdvance(widget.placeholderText())
            > placeholder_room(widget)
        ):
            cut.append(f"placeholder {widget.objectName()}: {widget.placeholderText()!r}")
    return cut


def placeholder_room(edit: QLineEdit) -> int:
    """The width ``edit`` draws its placeholder in, as QLineEdit::paintEvent works it out: the
    style's contents rectangle (the style sheet's border and padding out), less the text
    margins, the icon of each action shown (the member icon; the clear button only while there
    is text) with the style's gap beside it, and 2 px each side; wider, Qt elides it."""
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    style = edit.style()
    area = style.subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    area = area.marginsRemoved(edit.textMargins())
    gap = style.pixelMetric(QStyle.PixelMetric.PM_LineEditIconMargin, None, edit)
    icons = edit.findChildren(QToolButton, options=Qt.FindChildOption.FindDirectChildrenOnly)
    shown = sum(icon.width() + gap for icon in icons if icon.isVisibleTo(edit))
    return area.width() - shown - 2 * 2


def cut_cells(table: QTableView) -> list[str]:
    """The cells of ``table`` a cashier cannot read: in a table that wraps its words, a cell
    not whole; in one that keeps to its lines, a cell not whole and not in its tooltip."""
    name = table.objectName() or type(table).__name__
    model = table.model()
    columns = [c for c in range(model.columnCount()) if not table.isColumnHidden(c)]
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    cut = []
    for row in (r for r in range(model.rowCount()) if not table.isRowHidden(r)):
        for column in columns:
            index = model.index(row, column)
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if not text:
                continue
            # What the cell's words need at its width (wrapped, if the table wraps), as Qt
            # measures them for a row's height; the cell is inside the grid's lines.
            option.rect = table.visualRect(index)
            needed = table.itemDelegateForIndex(index).sizeHint(option, index)
            if needed.width() <= option.rect.width() and needed.height() <= option.rect.height():
                continue
            if not table.wordWrap() and _in_tooltip(index, text):
                continue
            cut.append(f"{name} cell: {text!r}")
    return cut


def crowded_columns(table: QTableView) -> list[str]:
    """What of ``table``'s width a cashier would scroll sideways for, and its cut headings."""
    name = table.objectName() or type(table).__name__
    header, model = table.horizontalHeader(), table.model()
    crowded = []
    if header.length() > table.viewport().width():
        crowded.append(f"{name}: {header.length()} px of columns in {table.viewport().width()}")
    shown = [
        c for c in range(header.count()) if header.isVisible() and not header.isSectionHidden(c)
    ]
    for column in shown:
        if header.sectionSizeFromContents(column).width() > header.sectionSize(column):
            title = model.headerData(column, Qt.Orientation.Horizontal)
            crowded.append(f"{name} heading: {title!r}")
    return crowded


def _in_tooltip(index: QModelIndex, text: str) -> bool:
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole) or ""
    return text.replace("\n", " ") in tooltip.replace("\n", " ")


def _fits(label: QLabel) -> bool:
    area = label.contentsRect()
    metrics = label.fontMetrics()
    if label.wordWrap():
        # The height the wrapped text needs at the label's width (padding in), and no line
        # wider than the label: Qt breaks a word longer than the line nowhere and draws it past
        # the edge, with no line more ("NOT CONFIRMED" beside the result's icon at 819 px).
        # Measured as Qt lays the words out, breaking where it may (a path's zero-width spaces).
        flags = int(Qt.TextFlag.TextWordWrap)
        laid = metrics.boundingRect(QRect(0, 0, area.width(), 100_000), flags, label.text())
        return (
            label.heightForWidth(label.width()) <= label.height() + 1
            and laid.width() <= area.width() + 1
        )
    return all(
        metrics.horizontalAdvance(line) <= area.width() + 1 for line in label.text().split("\n")
    )


#: Where a till keeps its files (platformdirs on Linux), for the notes that name one.
DATA = "/home/kasir/.local/share/stamps-pos"


def status_note(name: str) -> str:
    """One of the longest notes the status bar says, in the words (and the translation context)
    of the controller that says it: a retry's answer (seen cut as "Dikirim ulang: BELUM
    DIKON…"), a decision taken, the first manager set up, a slip kept as a PDF, the damaged
    database set aside and the day's CSV, each with the path it names."""
    said = QCoreApplication.translate
    notes = {
        "sent-again": lambda: said("DecisionsController", "Sent again: {outcome}").format(
            outcome=outcome_title("not_confirmed")
        ),
        "sent-as-new": lambda: said(
            "DecisionsController", "Sent again as a new redemption, linked to the first."
        ),
        "cancel-made": lambda: said(
            "DecisionsController",
            "Cancel queued: the till sends it to the Stamps server; the redemption's row "
            "shows how it ends.",
        ),
        "first-manager": lambda: said(
            "FirstManagerController",
            "{name} is this till's first manager. F8 opens manager mode.",
        ).format(name="Wayan Sudarsana"),
        "slip": lambda: said("ShiftController", "Slip sent to {where}").format(
            where=f"{DATA}/slips/0193a7c2-5d1e-7b44-9f0a-2c6e8d4b1a37.pdf"
        ),
        "database-aside": lambda: said(
            "DamagedDatabaseController",
            "The damaged database was kept as {path}. Add its entries back with: "
            "stamps-pos outbox import {path} --manager NAME",
        ).format(path=f"{DATA}/stamps-pos.db.damaged-20261201T154300Z"),
        "day-written": lambda: said("DayController", "Written to {path}").format(
            path="/home/kasir/Dokumen/Laporan harian/stamps-pos-ringkasan-2026-12-01.csv"
        ),
    }
    return notes[name]()


def note_as_read(bar: SyncStatusBar, note: str) -> list[str]:
    """Why ``note`` cannot be read whole in ``bar`` (empty: it can): it must show somewhere in
    the bar's window (on the cashier's page a long one is under the invoice), every label
    showing it whole."""
    showing = [
        label
        for label in bar.window().findChildren(QLabel)
        if label.isVisible() and label.text().replace("\u200b", "") == note
    ]
    if not showing:
        return ["the note shows nowhere"]
    return [
        f"{label.objectName()}: cut"
        for label in showing
        if not (
            label.displayed_text() == label.text()
            if isinstance(label, ElidedLabel)
            else _fits(label)
        )
    ]


@pytest.mark.parametrize("size", [*SIZES, (1024, 600)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(
    "note",
    [
        "sent-again",
        "sent-as-new",
        "cancel-made",
        "first-manager",
        "slip",
        "database-aside",
        "day-written",
    ],
)
def test_a_long_note_is_read_whole_beside_the_busiest_status_bar(
    qtbot: QtBot, language: str, note: str, size: tuple[int, int]
) -> None:
    # The bar at its fullest (a slow server, every count, the oldest entry's age, the badge of
    # redemptions for a manager, the cashier), which is when such notes come.
    window = _window(size)
    qtbot.addWidget(window)
    bar = window.status
    bar.set_status(
        StatusData("degraded", queued=12, not_confirmed=3, failed=2, oldest_queued_age_s=7500)
    )
    bar.set_exceptions(5)
    bar.set_cashier("Dewi Lestari")
    words = status_note(note)
    bar.show_note(words)
    QApplication.processEvents()
    cut = cut_texts(window)
    assert (window.width(), window.height()) == size
    assert note_as_read(bar, words) == []
    assert cut == []
    assert bar.note_text() == words


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("state", sorted(STATES))
def test_nothing_a_cashier_must_read_is_cut(
    qtbot: QtBot, language: str, state: str, size: tuple[int, int]
) -> None:
    window = window_in(qtbot, state, size)
    try:
        # A window pushed wider or taller than the screen is cut by the screen itself.
        assert (window.width(), window.height()) == size
        assert cut_texts(window) == []
    finally:
        for dialog in window.findChildren(QWidget):
            if dialog.isWindow() and dialog is not window:
                dialog.close()


@pytest.mark.parametrize("state", sorted(STATES))
def test_nothing_a_cashier_must_read_is_cut_on_a_desktop_scaled_to_125_percent(
    qtbot: QtBot, language: str, state: str
) -> None:
    # 1366×768 at 125% is 1093×614 to Qt, less the title bar. The page was squeezed to the
    # window: the offline card's "Projected" line, the shift summary's outcomes, the damaged
    # database's explanation were cut at their foot; the exceptions' reason (four lines in
    # Indonesian) too, its splitter asking its pane for one line. They are read whole; the page
    # scrolls.
    room = inside_the_frame(DESKTOP_SCALED[0])
    window = window_in(qtbot, state, room)
    try:
        assert (window.width(), window.height()) == room
        assert cut_texts(window) == []
    finally:
        for dialog in window.findChildren(QWidget):
            if dialog.isWindow() and dialog is not window:
                dialog.close()


#: 1024×768 at 125% and 1366×768 at 150%, where the cashier's page is tight (below 998 px).
TIGHT_SCREENS = [DESKTOP_SCALED[1], SMALLEST_SCREEN]


@pytest.mark.parametrize("screen", TIGHT_SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(
    "state", ["02-empty", "04-member-found", "06-cart", "09-balance-voucher", "17-not-confirmed"]
)
def test_on_a_tight_scaled_screen_the_cashier_s_page_is_read_whole(
    qtbot: QtBot, language: str, state: str, screen: tuple[int, int]
) -> None:
    # Seen at 819 and 911 px: the empty fields' hints ("Name, phone, e…", "Type or scan the
    # r…"), the empty card's "an a card or search (F", the shift list's heading ("edemptio"),
    # "NOT CONFIRMED" beside the result's icon past the banner's edge, "Tukar keranjang
    # (F9)" 4 px short of its words, "Deduct from saldo…" read "luct from salc" and the
    # voucher list's "Voucher · code" heading "/oucher · code"; in Indonesian at 819 px, beside
    # "Saldo Rp 145.000 / sampai 30 Jun 2027", the codes under the names ("VC-7Q2M-8…").
    room = inside_the_frame(screen)
    window = window_in(qtbot, state, room)
    assert (window.width(), window.height()) == room
    assert cut_texts(window) == []


#: The longest voucher code the till takes (64 characters), without a space to wrap at.
LONGEST_CODE = "RINDANG-2026-12-03-" + "A7K9" * 11 + "X"


@pytest.mark.parametrize(
    "screen", [*TIGHT_SCREENS, DESKTOP_SCALED[0]], ids=lambda s: f"{s[0]}x{s[1]}"
)
@pytest.mark.parametrize(
    ("redemption_id", "voucher_code"),
    [
        ("9223372036854775807", None),
        (None, "RINDANG-2026-12-03-ABCDEFGH"),
        ("9223372036854775807", LONGEST_CODE),
    ],
    ids=["server-id", "voucher-code", "both-longest"],
)
def test_a_long_reference_beside_the_qr_code_is_read_whole(
    qtbot: QtBot,
    language: str,
    screen: tuple[int, int],
    redemption_id: str | None,
    voucher_code: str | None,
) -> None:
    # What a cashier reads aloud to support. Seen at 911 and 819 px: the longest server id
    # the till keeps (a 64-bit number) and a store's dated voucher code, neither with a space
    # to wrap at, ran past the column beside the QR code; "Cetak bukti" under them read
    # "etak buk".
    window = window_in(qtbot, "14-confirmed", inside_the_frame(screen))
    panel = window.result_panel
    shown = replace(panel.result(), redemption_id=redemption_id, voucher_code=voucher_code)
    panel.set_result(shown)
    QApplication.processEvents()
    assert cut_texts(window) == []
    for reference in (redemption_id, voucher_code):
        assert reference is None or reference in panel.reference.toolTip()
    if voucher_code != LONGEST_CODE:
        assert panel.has_qr()


@pytest.mark.parametrize("screen", TIGHT_SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_on_a_tight_scaled_screen_the_history_s_member_field_says_whole_what_to_type(
    qtbot: QtBot, language: str, screen: tuple[int, int]
) -> None:
    # "name, email, ID, phone or card" read "name, email," at 911 px: a shorter hint there, the
    # rest in the field's tooltip. (The manager's page is wider than 819 px, its table wider
    # than 911: left for later.)
    window = window_in(qtbot, "26-history", inside_the_frame(screen))
    edit = window.manager.history.member_edit
    assert not edit.text()
    hint = edit.placeholderText()
    assert hint
    assert edit.fontMetrics().horizontalAdvance(hint) <= placeholder_room(edit), hint


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_promo_tab_says_whole_what_to_type_before_a_code_is_in(
    qtbot: QtBot, language: str, size: tuple[int, int]
) -> None:
    # The promo screenshot has a code typed in; the cashier first meets the field empty, its
    # hint showing (seen cut as "Ketik atau pindai kod…" at 1024 px).
    window = window_in(qtbot, "12-promo", size)
    window.promo_panel.code_field.clear()
    assert window.promo_panel.code_field.placeholderText()
    assert cut_texts(window) == []


#: The longest invoice number the till takes (``INVOICE_MAX_LENGTH``), as a shop's POS might print.
LONG_INVOICE = "INV-2026-12-03-TOKO-SANUR-KASIR-02-" + "0" * 28 + "1"


def _status_column_whole(table: QTableView, column: int) -> list[str]:
    """The statuses of ``table`` not drawn whole: their column must be on screen (not past the
    viewport's right edge) and as wide as each status needs."""
    header, model = table.horizontalHeader(), table.model()
    right = header.sectionViewportPosition(column) + header.sectionSize(column)
    cut = [f"status column ends at {right} px of {table.viewport().width()}"]
    if right <= table.viewport().width():
        cut = []
    return cut + [
        f"status {model.index(row, column).data()!r} in {header.sectionSize(column)} px"
        for row in range(model.rowCount())
        if table.sizeHintForIndex(model.index(row, column)).width() > header.sectionSize(column)
    ]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_long_invoice_number_leaves_the_history_s_status_whole(
    qtbot: QtBot, language: str, size: tuple[int, int]
) -> None:
    # Seen under Xvfb: a 64-character invoice widened its column until Status read "Confirme"
    # at 1366 px, and went past the table's right edge at 1024 px.
    window = window_in(qtbot, "26-history", size)
    history = window.manager.history
    rows = history.model.rows()
    first = rows[0]
    cells = (*first.cells[:6], LONG_INVOICE, *first.cells[7:])
    history.set_rows([replace(first, cells=cells), *rows[1:]])
    QApplication.processEvents()
    assert _status_column_whole(history.table, 7) == []
    assert cut_texts(window) == []
    invoice = history.model.index(0, 6)
    assert invoice.data(Qt.ItemDataRole.ToolTipRole) == LONG_INVOICE


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_audit_log_gives_its_detail_the_room_an_entry_id_took(
    qtbot: QtBot, language: str, size: tuple[int, int]
) -> None:
    # Seen under Xvfb at 1024 px: a cancel's line gave its whole entry id 343 px and left the
    # detail, what the manager reads, "cancel entry: 01a23ab5-b14…", its note out of sight;
    # given two lines, the cancel's own whole id filled them in Indonesian.
    window = window_in(qtbot, "30-audit-log", size)
    audit = window.manager.audit
    entry_id = "01a22cb8-e2fd-7cc6-bbe3-c599681dca62"
    cancel = AuditLine(
        datetime(2026, 12, 3, 7, 1, tzinfo=UTC),
        "Wayan",
        "cancel",
        "till-2",
        entry_id,
        {
            "cancel_entry": "01a22cb9-0f4a-734b-9602-3e19e2f1141e",
            "note": "wrong reward picked",
            "replacement_voucher": True,
        },
    )
    audit.set_rows([audit_row(cancel, base_url="https://stamps.co.id")])
    QApplication.processEvents()
    table = audit.table
    detail = audit.model.index(0, 5)
    needed = table.sizeHintForIndex(detail).width()
    assert needed <= table.horizontalHeader().sectionSize(5), detail.data()
    assert "01a22cb9-0f4a-734b-9602-3e19e2f1141e" in detail.data(Qt.ItemDataRole.ToolTipRole)
    entry = audit.model.index(0, 4)
    assert entry.data(Qt.ItemDataRole.ToolTipRole) == entry_id
    assert cut_texts(window) == []


#: Screens of 1366×768 at a desktop scale of 125% and 1600×900 at 150%, in Qt's pixels.
SCALED_SCREENS = [(1093, 614), (1067, 600)]


@pytest.mark.parametrize("size", SCALED_SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("state", ["27-details", "33-settings"])
def test_a_manager_s_dialog_fits_a_short_till_with_its_buttons_in_reach(
    qtbot: QtBot, language: str, state: str, size: tuple[int, int]
) -> None:
    # Seen at 1366×768 with QT_SCALE_FACTOR=1.25: Settings kept its smallest size, 620 px, on a
    # 614 px screen, its Save and Close below the edge; the details' 600 px did with a title bar.
    window = window_in(qtbot, state, size)
    dialog = next(w for w in window.findChildren(QDialog) if w.isVisible())
    try:
        title_bar = dialog.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight, None, dialog)
        assert dialog.height() + title_bar <= window.frameGeometry().height()
        assert dialog.width() <= window.width()
        buttons = [b for b in dialog.findChildren(QPushButton) if b.isVisibleTo(dialog)]
        assert buttons
        for button in buttons:
            place = QRect(button.mapTo(dialog, QPoint(0, 0)), button.size())
            assert dialog.rect().contains(place), button.text()
        assert cut_texts(window) == []
    finally:
        dialog.close()


#: The manager's pages, as F8 and the demo's manager Wayan open them.
MANAGER_STATES = ["26-history", "29-exceptions", "30-audit-log", "31-end-of-day", "32-people"]


@pytest.mark.parametrize(
    "screen", [*TIGHT_SCREENS, DESKTOP_SCALED[0]], ids=lambda s: f"{s[0]}x{s[1]}"
)
@pytest.mark.parametrize("state", MANAGER_STATES)
def test_on_a_tight_scaled_screen_manager_mode_is_read_whole(
    qtbot: QtBot, language: str, state: str, screen: tuple[int, int]
) -> None:
    # Seen at 819 px: the manager's page 876 px wide, scrolled sideways; the history's columns
    # 914 px in 834 (855 at 911), the exceptions' 536 in 524, the end of day's cells and its
    # "Closed" heading cut.
    room = inside_the_frame(screen)
    window = window_in(qtbot, state, room)
    area = window.findChild(QWidget, "pagesThatScroll")
    assert (window.width(), window.height()) == room
    page = area.widget().width()
    assert page <= area.viewport().width(), f"the page is {page} px wide"
    assert cut_texts(window) == []


@pytest.mark.parametrize(
    ("size", "at"),
    [
        ((1366, 768), Qt.AlignmentFlag.AlignHCenter),
        (DESKTOP_SCALED[0], Qt.AlignmentFlag.AlignLeft),
    ],
    ids=lambda s: f"{s[0]}x{s[1]}" if isinstance(s, tuple) else "",
)
def test_the_empty_shift_list_s_heading_stands_over_its_words(
    qtbot: QtBot, size: tuple[int, int], at: Qt.AlignmentFlag
) -> None:
    # Seen at 1093 px: with the time in the redemption's cell, "Redemption" centred over a
    # 239 px column of nothing read as a blank column; its rows' words start at its left.
    window = window_in(qtbot, "02-empty", inside_the_frame(size))
    table = window.redemptions
    header = table.horizontalHeader()
    column = 1  # the redemption's
    assert header.isVisible()
    said = table.model().headerData(
        column, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole
    )
    alignment = Qt.AlignmentFlag(said) if said is not None else header.defaultAlignment()
    assert alignment & Qt.AlignmentFlag.AlignHorizontal_Mask == at


@pytest.mark.parametrize("size", [(1366, 768), (1024, 768)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(
    ("state", "table"), [("26-history", "history"), ("29-exceptions", "exceptions")]
)
def test_where_there_is_room_no_column_gives_way(
    qtbot: QtBot, state: str, table: str, size: tuple[int, int]
) -> None:
    # The server id, the cashier, "Offline" and the member give way only on a scaled desktop.
    window = window_in(qtbot, state, size)
    view = getattr(window.manager, table).table
    hidden = [c for c in range(view.model().columnCount()) if view.isColumnHidden(c)]
    assert hidden == []
    assert cut_texts(window) == []
