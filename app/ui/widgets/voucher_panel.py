"""The member's vouchers: redeem one, deduct from a balance voucher (or use it up whole, on
purpose), or scan/type a voucher code.

Every row shows its voucher whole (name, notes, code, value, dates), on as many lines as that
takes: the name and its notes ("Already used on this till; waiting to sync") are what the
cashier reads to choose, and a till's screen has no pointer to hover for a tooltip. On a narrow
page (1024 px, see app/ui/widgets/cashier_columns.py) the code goes under the name, so the
name's column is not left a word wide.

The code and the buttons are above the list, the list at the foot of the tab: a banner across
the bottom of the window (app/ui/widgets/banner_room.py) makes the tab shorter, and what it
gives comes from the foot of the list, which scrolls. Under the list, the buttons and the code
moved up as the banner came, under the cashier's next click.
"""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.dialogs.deduct_dialog import DeductDialog
from app.ui.plain_text import short_words
from app.ui.resources import icon
from app.ui.viewmodels import VoucherRowData
from app.ui.widgets.fitting_hint import FittingHint
from app.ui.widgets.form import add_leading_icon
from app.ui.widgets.scanner_filter import WHOLE_CODE_PROPERTY


class VoucherPanel(QWidget):
    """The vouchers tab.

    Signals: ``voucher_redeem_requested(id)`` for a whole voucher; ``deduct_requested(id, rupiah)``
    after the deduct dialog for a balance voucher; ``whole_balance_requested(id)`` once the
    cashier has confirmed that using a balance voucher up whole loses what it has left;
    ``code_entered(code)`` for a code scanned or typed (the member's own or any valid code of
    the store).
    """

    voucher_redeem_requested = Signal(object)
    deduct_requested = Signal(object, int)
    whole_balance_requested = Signal(object)
    code_entered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vouchers: list[VoucherRowData] = []
        self._narrow = False
        self._tight = False
        self.deduct_dialog: DeductDialog | None = None
        self.whole_dialog: QMessageBox | None = None

        title = QLabel(self.tr("Member's vouchers"))
        title.setProperty("role", "heading")
        # Three columns, the value and its dates sharing one: at 1366 px four left the voucher's
        # own name, what the cashier reads first, a few letters wide.
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("voucherTable")
        self.table.setHorizontalHeaderLabels(
            [self._name_title(), self.tr("Code"), self._value_title()]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        # Tab leaves the table (the arrows move in it): Qt's default walked Tab cell by cell
        # and never let the keyboard out.
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        # A row is as tall as its words at its columns' widths, whenever those change: the tab
        # first shown, the window resized, other vouchers (their widest code or value). Fitted
        # once when the vouchers came, the rows kept the heights of a hidden tab's columns.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # A long voucher name wraps onto a second line rather than losing its end.
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._refresh_buttons)
        self.table.itemActivated.connect(lambda _item: self.redeem_selected())

        self.empty_label = QLabel(self.tr("No vouchers for this member."))
        self.empty_label.setProperty("role", "muted")
        # Where the vouchers come from when not live, or why they could not be read. Room for it
        # is kept, so its coming and going never moves the list's foot.
        self.note = QLabel()
        self.note.setObjectName("voucherNote")
        self.note.setProperty("role", "muted")
        self.note.setWordWrap(True)
        self.note.ensurePolished()  # the style sheet's font, not the default one
        self.note.setMinimumHeight(self.note.fontMetrics().lineSpacing() * 2 + 4)

        self.redeem_button = QPushButton(self.tr("Redeem voucher"))
        self.redeem_button.setObjectName("voucherRedeem")
        self.redeem_button.setProperty("role", "primary")
        self.redeem_button.clicked.connect(self.redeem_selected)
        # A balance voucher's "redeem" is a deduction; using it up whole is this other button,
        # which says what will be lost before it does anything.
        self.whole_button = QPushButton(self.tr("Use up whole…"))
        self.whole_button.setObjectName("voucherUseWhole")
        self.whole_button.clicked.connect(self.ask_use_whole)
        # Over the list they act on, on a row of their own: beside the heading they cut it and
        # their own words at 1024 px.
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.whole_button)
        actions.addWidget(self.redeem_button)

        code_title = QLabel(self.tr("Voucher code"))
        code_title.setProperty("role", "heading")
        self.code_field = QLineEdit()
        self.code_field.setObjectName("voucherCodeField")
        # One whole code, typed or scanned: a scan whose sender stalled is read whole here, with
        # or without the shop's voucher format.
        self.code_field.setProperty(WHOLE_CODE_PROPERTY, True)
        # "code", not "voucher code": the heading above says whose, and the longer hint was cut
        # at 1024 px.
        add_leading_icon(self.code_field, icon("voucher"))
        # At 819 px (1024×768 at a desktop scale of 125%) the heading alone says it is a code.
        FittingHint(
            self.code_field,
            [self.tr("Scan or type the code"), self.tr("Scan or type"), self.tr("Code")],
        )
        self.code_field.setAccessibleName(self.tr("Voucher code"))
        code_title.setBuddy(self.code_field)
        self.code_button = QPushButton(self.tr("Use code"))
        self.code_button.setObjectName("voucherUseCode")
        self.code_field.returnPressed.connect(self.submit_code)
        self.code_button.clicked.connect(self.submit_code)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_field, 1)
        code_row.addWidget(self.code_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        # At the top as the promo's code is on its tab: F4 and F5 put the cursor at one place.
        layout.addWidget(code_title)
        layout.addLayout(code_row)
        layout.addSpacing(8)
        layout.addWidget(title)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.note)
        layout.addStretch(0)  # without vouchers, the room is under their words
        self.set_vouchers([])

    # -- public API --------------------------------------------------------------------------

    def heightForWidth(self, width: int) -> int:
        # The least the tab needs at ``width``: its list at the foot gives (it scrolls). With a
        # note under the list (words that wrap) the tabs ask their page for a height at their
        # width, and were told the one it would like, the whole list's: at 1093x614 an offline
        # copy's note made the cashier's page scroll.
        layout = self.layout()
        assert layout is not None
        return layout.totalMinimumHeightForWidth(width)

    def set_vouchers(self, vouchers: list[VoucherRowData], *, read: bool = True) -> None:
        """Show the member's vouchers; ``read`` false while they are read, or when they could not
        be: a list never read is unknown, and "No vouchers" would say it is empty."""
        self._vouchers = list(vouchers)
        self.table.setRowCount(len(vouchers))
        for row, voucher in enumerate(vouchers):
            self._show_row(row, voucher)
        self.empty_label.setVisible(not vouchers and read)
        self.table.setVisible(bool(vouchers))
        if vouchers:
            self.table.selectRow(0)
        self._refresh_buttons()

    def set_narrow(self, narrow: bool) -> None:
        """On a narrow page each voucher's code goes under its name, in the name's column: the
        code's own column left the name a word wide at 1024 px."""
        if narrow == self._narrow:
            return
        self._narrow = narrow
        self.table.setColumnHidden(1, narrow)
        self.table.setHorizontalHeaderItem(0, QTableWidgetItem(self._name_title()))
        # New items in the same cells: the selected row stays selected.
        for row, voucher in enumerate(self._vouchers):
            self._show_row(row, voucher)

    def set_tight(self, tight: bool) -> None:
        """On a tight page (819 and 911 px: a scaled desktop) the deduction's button says
        "Deduct…" (its full words in its tooltip), the list's first heading "Voucher" and its
        last "Value", that column sharing the width with the names: beside "Use up whole…",
        "Deduct from saldo…" read "luct from salc", and "Voucher · code" lost its first letter
        over a column some 120 px wide."""
        if tight == self._tight:
            return
        self._tight = tight
        self.table.setHorizontalHeaderItem(0, QTableWidgetItem(self._name_title()))
        self.table.setHorizontalHeaderItem(2, QTableWidgetItem(self._value_title()))
        # The value and its dates share the width with the names and wrap, as the names do:
        # fitted to their words ("Saldo Rp 145.000 · sampai 30 Jun 2027"), they left the codes
        # under the names ("GC-1200-4431", no space to wrap at) cut in Indonesian at 819 px.
        value = QHeaderView.ResizeMode.Stretch if tight else QHeaderView.ResizeMode.ResizeToContents
        self.table.horizontalHeader().setSectionResizeMode(2, value)
        self._refresh_buttons()

    def selected_voucher(self) -> VoucherRowData | None:
        """The voucher whose row is selected."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self._vouchers[rows[0].row()]

    def select_voucher(self, voucher_id: Hashable) -> None:
        """Select a voucher's row."""
        for row, voucher in enumerate(self._vouchers):
            if voucher.id == voucher_id:
                self.table.selectRow(row)
                return

    def set_note(self, text: str) -> None:
        """The line under the list: where the vouchers come from, or why there are none."""
        self.note.setText(text)

    def redeem_selected(self) -> None:
        """Emit ``voucher_redeem_requested`` for the selected voucher (a balance one deducts)."""
        voucher = self.selected_voucher()
        if voucher is None or not voucher.usable:
            return
        if voucher.balance:
            self.open_deduct_dialog()
            return
        self.voucher_redeem_requested.emit(voucher.id)

    def ask_use_whole(self) -> None:
        """Ask, saying what will be lost, before using the selected balance voucher up whole
        (``open()``; ``whole_balance_requested`` only on "Use it up whole")."""
        voucher = self.selected_voucher()
        if voucher is None or not voucher.balance or not voucher.usable:
            return
        box = QMessageBox(self)
        box.setObjectName("useWholeDialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Use up the whole voucher?"))
        box.setText(
            self.tr("Use up {name} whole? {left} left on it will be lost.").format(
                name=voucher.name, left=voucher.value_text
            )
        )
        box.setInformativeText(self.tr("To keep the rest, deduct the amount instead."))
        use = box.addButton(self.tr("Use it up whole"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep it"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        use.clicked.connect(lambda: self.whole_balance_requested.emit(voucher.id))
        box.finished.connect(self._forget_whole_dialog)
        self.whole_dialog = box
        box.open()

    def open_deduct_dialog(self) -> None:
        """Ask how much to deduct from the selected balance voucher (non-modal ``open()``)."""
        voucher = self.selected_voucher()
        if voucher is None or not voucher.balance or not voucher.usable:
            return
        dialog = DeductDialog(voucher, self)
        self.deduct_dialog = dialog
        dialog.accepted.connect(lambda: self.deduct_requested.emit(voucher.id, dialog.value()))
        dialog.finished.connect(self._forget_dialog)
        dialog.open()

    def submit_code(self) -> None:
        """Emit ``code_entered`` with the code field's text."""
        code = self.code_field.text().strip()
        if code:
            self.code_entered.emit(code)

    def clear_code(self) -> None:
        """Empty the code field (after the code was used)."""
        self.code_field.clear()

    # -- view --------------------------------------------------------------------------------

    def _show_row(self, row: int, voucher: VoucherRowData) -> None:
        # A kind no one confirmed is said under the "Saldo" it qualifies: the value column
        # keeps its width on the narrowest screens.
        unsure = "" if voucher.kind_known else self.tr("kind not confirmed")
        value = "\n".join(t for t in (voucher.value_text, voucher.dates_text, unsure) if t)
        cells = (self._name_text(voucher), voucher.code, value)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, voucher.id)
            item.setToolTip(short_words(text + self._why(voucher)))
            if not voucher.usable:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, column, item)

    def _name_title(self) -> str:
        return self.tr("Voucher · code") if self._narrow and not self._tight else self.tr("Voucher")

    def _value_title(self) -> str:
        # "Nilai · berlaku" over half the tight list was cut; "sampai 30 Jun 2027" says itself.
        return self.tr("Value") if self._tight else self.tr("Value · valid")

    def _name_text(self, voucher: VoucherRowData) -> str:
        name = f"{voucher.name} — {voucher.note}" if voucher.note else voucher.name
        return f"{name}\n{voucher.code}" if self._narrow else name

    def _why(self, voucher: VoucherRowData) -> str:
        """What a cell's tooltip adds to its words: why an unconfirmed kind matters."""
        if voucher.kind_known:
            return ""
        return "\n" + self.tr(
            "No one has confirmed that this is a balance voucher: it is treated as one, "
            "and offline nothing can be deducted from it."
        )

    def _forget_whole_dialog(self) -> None:
        if self.whole_dialog is not None:
            self.whole_dialog.deleteLater()
        self.whole_dialog = None

    def _forget_dialog(self) -> None:
        if self.deduct_dialog is not None:
            self.deduct_dialog.deleteLater()
        self.deduct_dialog = None

    def _refresh_buttons(self) -> None:
        voucher = self.selected_voucher()
        usable = voucher is not None and voucher.usable
        balance = voucher is not None and voucher.balance
        self.redeem_button.setEnabled(usable)
        deduct = self.tr("Deduct from saldo…")
        words = self.tr("Deduct…") if self._tight else deduct
        self.redeem_button.setText(words if balance else self.tr("Redeem voucher"))
        self.redeem_button.setToolTip(deduct if balance and self._tight else "")
        self.whole_button.setVisible(balance)
        self.whole_button.setEnabled(usable and balance)
