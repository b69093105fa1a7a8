"""Manager mode's exceptions: the redemptions the server refused and those nobody can prove
went through, each with the reason or the evidence, whether it was accepted offline, and how to
reach the member; send again, mark applied, dismiss."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.flow_layout import FlowLayout
from app.ui.widgets.redemptions_table import StatusDelegate
from app.ui.widgets.rows_table import RowsModel, RowsView, TableRow
from app.ui.widgets.short_screen import WordsThatScroll

MEMBER, REDEMPTION, OFFLINE, STATUS = 1, 2, 3, 4


@dataclass(frozen=True)
class ExceptionData:
    """One exception as its pane tells it: the row, the reason in full, the evidence read in the
    member's activity (``""`` for a refusal, its own proof), the member's contact, and the
    decisions it allows; ``evidence_tip`` the full ids of the redemptions the evidence names by
    member, reward and time."""

    row: TableRow
    reason: str
    evidence: str
    contact: str
    allowed: frozenset[str]
    evidence_tip: str = ""


class ExceptionsView(QWidget):
    """The list, and beside it the selected one's reason, evidence and contact with its buttons.
    ``decision_requested(decision, entry_id)`` (``retry``, ``mark_applied``, ``dismiss``);
    ``open_requested(entry_id)`` for the details (Enter, double-click, "Details…")."""

    decision_requested = Signal(str, str)
    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exceptionsView")
        self._items: dict[str, ExceptionData] = {}
        self.model = RowsModel(
            [
                self.tr("Time"),
                self.tr("Member"),
                self.tr("Redemption"),
                self.tr("Offline"),
                self.tr("Status"),
            ],
            coloured=STATUS,
            parent=self,
        )
        # As in the history: a long standing ("Belum dikonfirmasi (belum pasti)") takes two lines,
        # and the member and the redemption share what is left (elided, whole in their tooltips;
        # neither narrower than its heading), so the list fits beside its pane on a 1024 px
        # screen without scrolling sideways.
        # Narrower still (819 and 911 px), "Offline" gives way (the details, Enter, say it),
        # then the member (Indonesian at 819 px), named in the pane beside as the contact: the
        # time stays, which tells one member's two exceptions apart.
        self.table = RowsView(self.model, share=(MEMBER, REDEMPTION), give_way=(OFFLINE, MEMBER))
        self.table.setObjectName("exceptionsTable")
        self.table.verticalHeader().setDefaultSectionSize(52)
        self._status = StatusDelegate(self.table)
        self.table.setItemDelegateForColumn(STATUS, self._status)
        self.table.setAccessibleName(self.tr("Exceptions"))
        self.table.activated.connect(lambda _index: self._open())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.empty = QLabel(self.tr("Nothing waits for a manager's decision."))
        self.empty.setObjectName("exceptionsEmpty")
        self.empty.setProperty("role", "muted")
        self.empty.setWordWrap(True)

        reason_title = QLabel(self.tr("Why"))
        reason_title.setProperty("role", "heading")
        self.reason = QLabel()
        self.reason.setObjectName("exceptionReason")
        self.reason.setWordWrap(True)
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        contact_title = QLabel(self.tr("Member's contact"))
        contact_title.setProperty("role", "heading")
        self.contact = QLabel()
        self.contact.setObjectName("exceptionContact")
        self.contact.setWordWrap(True)
        self.contact.setTextFormat(Qt.TextFormat.PlainText)
        self.contact.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.evidence_title = evidence_title = QLabel(self.tr("What the member's activity showed"))
        evidence_title.setProperty("role", "heading")
        evidence_title.setWordWrap(True)
        self.evidence = QPlainTextEdit()
        self.evidence.setObjectName("exceptionEvidence")
        self.evidence.setReadOnly(True)
        self.buttons: dict[str, QPushButton] = {}
        # The buttons wrap onto a second line rather than hold the pane (and so the list beside
        # it) to the width of all four side by side.
        buttons = QWidget()
        row = FlowLayout(buttons)
        for decision, text in (
            ("retry", self.tr("Send again…")),
            ("mark_applied", self.tr("Mark applied…")),
            ("dismiss", self.tr("Dismiss…")),
        ):
            button = QPushButton(text)
            button.setObjectName(f"exception_{decision}")
            button.clicked.connect(lambda _checked=False, d=decision: self._decide(d))
            self.buttons[decision] = button
            row.addWidget(button)
        details = QPushButton(self.tr("Details…"))
        details.setObjectName("exceptionDetails")
        details.clicked.connect(self._open)
        row.addWidget(details)

        # The words scroll where the screen is too short for them (1024×600); the buttons under
        # them stay in sight: the second line of them ("Dismiss…", "Details…") had been cut at
        # the page's foot, a scroll of the whole page away.
        self.words = WordsThatScroll()
        self.words.setObjectName("exceptionWords")
        words_layout = QVBoxLayout(self.words.words)
        words_layout.setContentsMargins(0, 0, 0, 0)
        words_layout.addWidget(reason_title)
        words_layout.addWidget(self.reason)
        words_layout.addWidget(contact_title)
        words_layout.addWidget(self.contact)
        words_layout.addWidget(evidence_title)
        words_layout.addWidget(self.evidence, 1)
        self.pane = QWidget()
        pane = QVBoxLayout(self.pane)
        pane.setContentsMargins(8, 0, 0, 0)
        pane.addWidget(self.words, 1)
        pane.addWidget(buttons)
        # What is left of the pane's height goes below the buttons, not between its lines: a
        # refusal (no evidence) reads as one block from the top. The evidence, when shown, has
        # the stretch and takes that room itself (_fill_pane).
        self._below = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)
        pane.addItem(self._below)
        self.pane.hide()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([820, 500])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(splitter, 1)

    def set_items(self, items: list[ExceptionData]) -> None:
        """The exceptions, oldest first; the selection stays on the same entry when it can."""
        selected = self.table.current_key()
        self._items = {str(item.row.key): item for item in items}
        self.model.set_rows([item.row for item in items])
        self.empty.setVisible(not items)
        if items:
            self.table.select_key(selected if selected in self._items else items[0].row.key)
        self._show_selected()

    def start_afresh(self) -> None:
        """No exception picked: read again, the list opens on its first."""
        self._items = {}
        self.table.forget()
        self._fill_pane(None)

    def selected(self) -> ExceptionData | None:
        """The exception selected, or ``None``."""
        key = self.table.current_key()
        return self._items.get(str(key)) if key is not None else None

    def _show_selected(self) -> None:
        # The window's keyboard, even while a decision's dialog has it: that dialog gives it
        # back here when it closes.
        had = self.window().focusWidget()
        try:
            self._fill_pane(self.selected())
        finally:
            if (
                self.isVisible()  # else it is hidden with the page, not with its entry
                and had is not None
                and self.pane.isAncestorOf(had)
                and not had.isVisible()
            ):
                # Its button went with the entry a decision settled (the last one, or one the
                # next entry does not allow): Qt would pass the keyboard on round the page to
                # the banner's "Settings…". The list is where the next one is picked.
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill_pane(self, item: ExceptionData | None) -> None:
        self.pane.setVisible(item is not None)
        if item is None:
            return
        self.reason.setText(item.reason)
        self.contact.setText(item.contact)
        self.evidence.setPlainText(item.evidence)
        self.evidence.setToolTip(item.evidence_tip)
        # A refusal is its own proof; only an unknown one has evidence to read.
        self.evidence_title.setVisible(bool(item.evidence))
        self.evidence.setVisible(bool(item.evidence))
        pane = self.pane.layout()
        assert isinstance(pane, QVBoxLayout)
        # Without evidence the words are as tall as they need, the rest of the pane below the
        # buttons (a scroll area would take as much room as it is given).
        policy = self.words.sizePolicy()
        policy.setVerticalPolicy(
            QSizePolicy.Policy.Expanding if item.evidence else QSizePolicy.Policy.Preferred
        )
        self.words.setSizePolicy(policy)
        pane.setStretchFactor(self.words, 1 if item.evidence else 0)
        for decision, button in self.buttons.items():
            button.setVisible(decision in item.allowed)

    def _decide(self, decision: str) -> None:
        item = self.selected()
        if item is not None:
            self.decision_requested.emit(decision, str(item.row.key))

    def _open(self) -> None:
        item = self.selected()
        if item is not None:
            self.open_requested.emit(str(item.row.key))
