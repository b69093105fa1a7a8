"""One redemption in full, for a manager: what it was, who made it, for whom, each attempt with
its outcome class, the server's id, the invoice, the value, the audit trail, and the decisions it
allows (cancel, retry, mark applied, dismiss). Opened from the history, the exceptions and the
shift's list alike."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.ui.plain_text import short_words
from app.ui.viewmodels import OutcomeKind
from app.ui.widgets.focus_in_sight import FocusInSight
from app.ui.widgets.properties import set_style_property
from app.ui.widgets.rows_table import RowsModel, RowsView, TableRow
from app.ui.widgets.till_room import size_within_the_till

#: The decisions a redemption may allow, in the order their buttons stand.
DECISIONS = ("cancel", "retry", "mark_applied", "dismiss")


#: The attempts table's outcome and error columns.
OUTCOME, ERROR = 3, 5


@dataclass(frozen=True)
class DetailsData:
    """What the details show, in words: ``facts`` are (label, value) lines; ``attempts`` rows of
    the attempts table; ``allowed`` the decisions the entry allows now."""

    entry_id: str
    what: str
    standing: str
    kind: OutcomeKind | None
    facts: tuple[tuple[str, str], ...]
    attempts: tuple[TableRow, ...] = ()
    trail: tuple[str, ...] = ()
    dashboard_only: str = ""
    allowed: frozenset[str] = field(default_factory=frozenset)
    #: A customer turned away at the counter: nothing was sent, so no attempts and no trail.
    at_the_counter: bool = False


class EntryDetailsDialog(QDialog):
    """The details of one entry; ``decision_requested(decision, entry_id)`` when a manager picks
    one of :data:`DECISIONS` (the controller asks for the note, then decides). Non-modal, opened
    with ``open()``; :meth:`set_details` refreshes it as the entry moves on."""

    decision_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entryDetails")
        self.setWindowTitle(self.tr("Redemption details"))
        # Room for the attempts table and the trail whatever opens it (the screenshots' too).
        size_within_the_till(self, QSize(860, 600), QSize(900, 640))
        self.entry_id = ""
        self._shown_facts: dict[str, str] = {}
        self.what = QLabel()
        self.what.setObjectName("detailsWhat")
        self.what.setProperty("role", "title")
        self.what.setWordWrap(True)
        self.standing = QLabel()
        self.standing.setObjectName("detailsStanding")
        self.standing.setWordWrap(True)
        self.facts = QFormLayout()
        self.facts.setHorizontalSpacing(16)
        self.facts.setVerticalSpacing(4)
        self.dashboard = QLabel()
        self.dashboard.setObjectName("detailsDashboardOnly")
        self.dashboard.setProperty("role", "error")
        self.dashboard.setWordWrap(True)
        self.dashboard.hide()
        self.attempts_title = attempts_title = QLabel(self.tr("Attempts"))
        attempts_title.setProperty("role", "heading")
        self.attempts_model = RowsModel(
            [
                self.tr("No."),
                self.tr("Started"),
                self.tr("Ended"),
                self.tr("Outcome"),
                self.tr("Status code"),
                self.tr("Error"),
            ],
            parent=self,
        )
        # The outcome ("no clear answer: not known whether it was applied") and the error share
        # the width the others leave, each wrapped at its words on as many lines as it takes:
        # the outcome fitted whole cut the error to "T…" beside it.
        self.attempts = RowsView(self.attempts_model, share=(OUTCOME, ERROR))
        self.attempts.setWordWrap(True)
        self.attempts.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.attempts.setObjectName("detailsAttempts")
        self.attempts.setMinimumHeight(130)
        self.trail_title = trail_title = QLabel(self.tr("Audit trail"))
        trail_title.setProperty("role", "heading")
        self.trail = QPlainTextEdit()
        self.trail.setObjectName("detailsTrail")
        self.trail.setReadOnly(True)
        self.trail.setMinimumHeight(90)

        self.buttons: dict[str, QPushButton] = {}
        words = {
            "cancel": self.tr("Cancel redemption…"),
            "retry": self.tr("Send again…"),
            "mark_applied": self.tr("Mark applied…"),
            "dismiss": self.tr("Dismiss…"),
        }
        row = QHBoxLayout()
        for decision in DECISIONS:
            button = QPushButton(words[decision])
            button.setObjectName(f"details_{decision}")
            button.clicked.connect(
                lambda _checked=False, d=decision: self.decision_requested.emit(d, self.entry_id)
            )
            self.buttons[decision] = button
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("detailsClose")
        close.clicked.connect(self.reject)
        # Enter closes: the details are opened with Enter on a row, and a second Enter must not
        # start a cancel. A decision is a click, or Tab to its button.
        close.setDefault(True)
        self.close_button = close
        row.addWidget(close)

        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(10)
        inner.addWidget(self.what)
        inner.addWidget(self.standing)
        inner.addLayout(self.facts)
        inner.addWidget(self.dashboard)
        inner.addWidget(attempts_title)
        inner.addWidget(self.attempts)
        inner.addWidget(trail_title)
        inner.addWidget(self.trail)
        # Without the attempts and the trail (a refusal at the counter), the room they took
        # goes here: given to the title and the standing, each stood in a band 170 px tall.
        self._room_left = QWidget()
        self._room_left.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._room_left.hide()
        inner.addWidget(self._room_left)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        # The attempts and the trail take the keyboard, not the area around them: focused, it
        # showed nothing, and a Tab seemed lost between "Close" and the attempts.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        FocusInSight(scroll)  # Shift+Tab from the buttons comes in at its foot
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(scroll, 1)
        layout.addLayout(row)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.close_button.setFocus()  # else the first decision button takes it, and Enter

    def set_details(self, data: DetailsData) -> None:
        """Show ``data`` (the buttons follow what the entry allows now)."""
        self.entry_id = data.entry_id
        self.what.setText(short_words(data.what))
        self.standing.setText(data.standing)
        set_style_property(self.standing, "outcome", data.kind or "none")
        while self.facts.rowCount():
            self.facts.removeRow(0)
        self._shown_facts = dict(data.facts)
        for label, value in data.facts:
            shown = QLabel(short_words(value))
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setTextFormat(Qt.TextFormat.PlainText)
            title = QLabel(label)
            title.setProperty("role", "muted")
            self.facts.addRow(title, shown)
        self.dashboard.setText(data.dashboard_only)
        self.dashboard.setVisible(bool(data.dashboard_only))
        self.attempts_model.set_rows(list(data.attempts))
        self.trail.setPlainText("\n".join(data.trail))
        for sent_only in (self.attempts_title, self.attempts, self.trail_title, self.trail):
            sent_only.setVisible(not data.at_the_counter)
        self._room_left.setVisible(data.at_the_counter)
        for decision, button in self.buttons.items():
            button.setVisible(decision in data.allowed)

    def fact(self, label: str) -> str:
        """The value shown beside ``label`` (tests and screen readers)."""
        return self._shown_facts.get(label, "")
