"""Closing a shift: what the cashier's shift did, by outcome, with a CSV export."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.services import format_count
from app.ui.plain_text import short_words
from app.ui.viewmodels import OUTCOME_KINDS, ShiftSummaryData
from app.ui.widgets.enter_presses import press_focused_button
from app.ui.widgets.outcome_style import outcome_short_text


class ShiftSummaryView(QWidget):
    """Counts by outcome (the server's refusals apart from what the till's offline rules did not
    redeem) and of what a manager cancelled, stamps and rupiah redeemed, vouchers and promo codes
    used, and every refusal with its reason.

    Signals: ``export_csv_requested()``, ``close_shift_confirmed()``, ``back_requested()``.
    Anything not confirmed is called out, because it is still the till's business after the
    cashier goes home.
    """

    export_csv_requested = Signal()
    close_shift_confirmed = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shiftSummaryPage")
        self.title = title = QLabel(self.tr("Shift summary"))
        title.setProperty("role", "title")
        self.who = QLabel()
        self.who.setObjectName("summaryWho")
        self.who.setProperty("role", "muted")

        self.counts: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(6)
        # The cancelled are counted too: a redemption a manager cancelled is no longer
        # confirmed, and a cashier reconciling the drawer must see where it went.
        # What a manager closed is counted in the line of rarer ends below, with the expired.
        columns: list[tuple[str, str]] = [
            (k, outcome_short_text(k)) for k in OUTCOME_KINDS if k != "closed"
        ]
        columns.append(("cancelled", self.tr("Cancelled")))
        for column, (kind, words) in enumerate(columns):
            name = QLabel(words)
            name.setObjectName("summaryOutcome")
            name.setProperty("outcome", kind)
            name.setAlignment(Qt.AlignmentFlag.AlignCenter)
            # Six side by side: a longer language's words wrap rather than run out of the badge.
            name.setWordWrap(True)
            count = QLabel("0")
            count.setObjectName("summaryCount")
            count.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.counts[kind] = count
            grid.addWidget(name, 0, column)
            grid.addWidget(count, 1, column)

        self.totals = QLabel()
        self.totals.setObjectName("summaryTotals")
        self.totals.setWordWrap(True)
        # The rarer ends, in a line of their own when there are any: every redemption of the
        # shift is counted somewhere, or the boxes do not add up to the shift's list.
        self.others = QLabel()
        self.others.setObjectName("summaryOthers")
        self.others.setWordWrap(True)
        self.refusals_title = QLabel(self.tr("Not redeemed, and why"))
        self.refusals_title.setProperty("role", "heading")
        self.refusals = QTableWidget(0, 4)
        self.refusals.setObjectName("summaryRefusals")
        self.refusals.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Member"), self.tr("What"), self.tr("Why")]
        )
        self.refusals.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab leaves the table (the arrows move in it): Qt's default walked Tab cell by cell
        # and never let the keyboard out.
        self.refusals.setTabKeyNavigation(False)
        self.refusals.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.refusals.verticalHeader().hide()
        self.refusals.setWordWrap(True)
        header = self.refusals.horizontalHeader()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.pending_warning = QLabel()
        self.pending_warning.setObjectName("summaryPending")
        self.pending_warning.setProperty("badge", "warn")
        self.pending_warning.setWordWrap(True)

        self.back_button = QPushButton(self.tr("Back to the till"))
        self.back_button.setObjectName("summaryBack")
        self.back_button.clicked.connect(self.back_requested)
        self.export_button = QPushButton(self.tr("Export CSV"))
        self.export_button.setObjectName("summaryExport")
        self.export_button.clicked.connect(self.export_csv_requested)
        self.close_button = QPushButton(self.tr("Close shift"))
        self.close_button.setObjectName("summaryClose")
        self.close_button.setProperty("role", "primary")
        self.close_button.clicked.connect(self.close_shift_confirmed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)

        card = QFrame()
        card.setProperty("role", "card")
        card.setFixedWidth(900)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(14)
        inner.addWidget(title)
        inner.addWidget(self.who)
        inner.addLayout(grid)
        inner.addWidget(self.totals)
        inner.addWidget(self.others)
        inner.addWidget(self.pending_warning)
        inner.addWidget(self.refusals_title)
        inner.addWidget(self.refusals, 1)
        # A shift without refusals hides the table, and the card's spare height went to its
        # words instead: "Shift summary" stood a hand's width above "Rina · …". It goes here,
        # over the buttons (the table, shown, takes it all: its stretch is the only one).
        inner.addStretch(0)
        inner.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(card, 1, Qt.AlignmentFlag.AlignHCenter)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The page opens on "Close shift", drawn as focused: Enter presses it.
        if not press_focused_button(self, event):
            super().keyPressEvent(event)

    def set_summary(self, summary: ShiftSummaryData) -> None:
        """Show a shift's totals."""
        self.who.setText(
            self.tr("{cashier} · {start} – {end}").format(
                cashier=summary.cashier, start=summary.started_text, end=summary.ended_text
            )
        )
        for kind, count in self.counts.items():
            count.setText(str(getattr(summary, kind)))
        self.totals.setText(
            self.tr(
                "Stamps redeemed: {stamps}   ·   Vouchers: {rupiah}   ·   Vouchers used: "
                "{vouchers}   ·   Promo codes: {promos}"
            ).format(
                stamps=format_count(summary.stamps_redeemed),
                rupiah=summary.rupiah_text,
                vouchers=summary.vouchers_used,
                promos=summary.promo_codes_used,
            )
        )
        others = []
        if summary.expired:
            others.append(self.tr("Expired, never sent: {n}").format(n=summary.expired))
        if summary.closed:
            others.append(self.tr("Closed by a manager: {n}").format(n=summary.closed))
        self.others.setText("   ·   ".join(others))
        self.others.setVisible(bool(others))
        self.refusals.setRowCount(len(summary.refusals))
        for row, refusal in enumerate(summary.refusals):
            for column, text in enumerate(
                (refusal.time_text, refusal.member, refusal.what, refusal.reason)
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(short_words(text))  # a tooltip wraps at spaces only
                self.refusals.setItem(row, column, item)
        self.refusals.resizeRowsToContents()
        self.refusals_title.setVisible(bool(summary.refusals))
        self.refusals.setVisible(bool(summary.refusals))
        pending = summary.not_confirmed
        self.pending_warning.setVisible(pending > 0)
        self.pending_warning.setText(
            self.tr("{n} not confirmed: a manager must check them before the day closes.").format(
                n=pending
            )
        )
