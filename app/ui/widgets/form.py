"""A manager's form field: its label, the control, and the reason beside it when a value is
refused (docs/manager-mode.md, "Names and notes"). A refusal never clears what was typed, so the
manager sees what to fix. And the pieces manager mode's filter forms share (the history's, the
audit log's, the day's): a day to pick, a row of filters, a reason line, the "Show" button."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from PySide6.QtCore import QDate, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QDateEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.numpad import NumpadDigits
from app.ui.widgets.pin_field_guard import EXEMPT_PROPERTY
from app.ui.widgets.short_screen import WordsInPlace
from app.ui.widgets.till_room import till_room


def make_room(widget: QWidget) -> None:
    """Grow the dialog ``widget`` is in so a reason just shown fits: a dialog keeps the size it
    opened at, and the reason would otherwise squeeze the fields over each other. Never
    shrinks what the manager resized. It grows at the width it has (wider only when something
    cannot wrap): a reason wrapped wider moved the buttons aimed at sideways. It grows up first,
    as far as the screen has room above it, so its foot (the buttons) stays where it was under
    the pointer; only the rest of the growth is down."""
    window = widget.window()
    if not isinstance(window, QDialog) or not window.isVisible():
        return
    layout = window.layout()
    if layout is not None:
        layout.activate()
    width = max(window.width(), window.minimumSizeHint().width())
    if layout is not None and layout.hasHeightForWidth():
        height = layout.totalHeightForWidth(width)
    else:
        height = window.sizeHint().height()
    # No larger than the till (its buttons kept on the screen): the fields then scroll or
    # squeeze, never past its foot.
    wanted = window.size().expandedTo(QSize(width, height).boundedTo(till_room(window)))
    if wanted != window.size():
        above = window.frameGeometry().top() - window.screen().availableGeometry().top()
        up = max(0, min(wanted.height() - window.height(), above))
        window.move(window.pos() - QPoint(0, up))
        window.resize(wanted)


def hold_reason_room(reason: QLabel, lines: int = 2) -> None:
    """Keep room for ``lines`` of ``reason`` whether it is said or not, so what is under it
    stays where it was when a reason comes: a refused filter pushed "Show" and "Cancel by
    server id…" down under the pointer aimed at them (the kiosk's manager pad holds its
    refusal's room the same way). Measured in the reason's own font, from the style sheet."""
    policy = reason.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    reason.setSizePolicy(policy)
    reason.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    reason.ensurePolished()
    reason.setMinimumHeight(lines * reason.fontMetrics().lineSpacing())


class FormField(QWidget):
    """``label`` over ``control``, and a red reason under it (hidden while there is none).

    ``control`` is any input widget; :meth:`text` reads a line edit's text.
    """

    def __init__(
        self, label: str, control: QWidget, *, name: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        if name:
            self.setObjectName(name)
            control.setObjectName(f"{name}Input")
        self.control = control
        self.label = QLabel(label)
        self.label.setProperty("role", "heading")
        self.label.setWordWrap(True)
        self.label.setBuddy(control)
        control.setAccessibleName(label.replace("&", ""))
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        if name:
            self.error.setObjectName(f"{name}Error")
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.label)
        layout.addWidget(control)
        layout.addWidget(self.error)

    def set_error(self, reason: str) -> None:
        """Show why the value is refused (``""`` hides the reason)."""
        self.error.setText(reason)
        self.error.setVisible(bool(reason))
        if reason:
            make_room(self)

    def error_text(self) -> str:
        """The reason shown, or ``""``."""
        return self.error.text() if not self.error.isHidden() else ""

    def text(self) -> str:
        """What was typed into a line edit (``""`` for another control)."""
        return self.control.text() if isinstance(self.control, QLineEdit) else ""


def focus_first_refused(fields: Iterable[FormField]) -> None:
    """Put the cursor in the first of ``fields`` that shows a reason: the one to type again (a
    refused PIN's fields are emptied, and the cursor left in the next one had the new PIN typed
    into "PIN again")."""
    for field in fields:
        if field.error_text():
            field.control.setFocus()
            return


def focus_pin_to_type_again(name: FormField, pin: FormField, again: FormField) -> None:
    """The cursor after a form with a PIN typed twice was refused: in the name if it was,
    else in "PIN" when either PIN was. Both PIN fields are emptied on submit, and the cursor left
    in "PIN again" beside "The two PINs differ" had the new PIN typed there alone, under an
    empty "PIN", to be refused again as too short."""
    if name.error_text():
        name.control.setFocus()
    elif pin.error_text() or again.error_text():
        pin.control.setFocus()


def add_leading_icon(edit: QLineEdit, picture: QIcon) -> None:
    """Show ``picture`` before ``edit``'s words. Qt draws it over the style sheet's left
    padding, so the field drops that padding (``leadingIcon`` in till.qss): kept, it would only
    push the words away from the icon, and cut a hint sooner on a 1024 px screen."""
    edit.addAction(picture, QLineEdit.ActionPosition.LeadingPosition)
    edit.setProperty("leadingIcon", True)


def line_edit(*, max_length: int, secret: bool = False, placeholder: str = "") -> QLineEdit:
    """A line edit for a form. ``max_length`` is generous on purpose: the till's own check says
    why a value is too long, where a silent cut would store something the manager did not type.
    A ``secret`` one hides what is typed and never goes through the scanner filter (a PIN must
    not sit in its buffer) and takes a USB numpad's digits with NumLock off too."""
    edit = QLineEdit()
    edit.setMaxLength(max_length)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    if secret:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setProperty(EXEMPT_PROPERTY, True)
        NumpadDigits(edit)
    return edit


class DayEdit(QDateEdit):
    """A day to pick that is one stop for Tab, as every other field: Qt's date field took a Tab
    for each of its year, month and day, so a manager pressed Tab three times to leave it. The
    digits move on by themselves, and the arrows move in it. ``entered`` on Enter (the form's
    "Show")."""

    entered = Signal()

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.entered.emit()


def day_edit(name: str) -> DayEdit:
    """A day to pick, today to start with, written ``2026-12-25`` (the same in every language)
    with a calendar to pick from."""
    edit = DayEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate.currentDate())
    return edit


def picked_day(edit: QDateEdit) -> date:
    """The day ``edit`` holds."""
    picked = edit.date()
    return date(picked.year(), picked.month(), picked.day())


def pick_day(edit: QDateEdit, day: date) -> None:
    """Put ``day`` in ``edit`` (:func:`picked_day` reads it back)."""
    edit.setDate(QDate(day.year, day.month, day.day))


def error_line(name: str) -> QLabel:
    """A red reason under a form (hidden until there is one): set it with :func:`show_reason`."""
    line = QLabel()
    line.setObjectName(name)
    line.setProperty("role", "error")
    line.setWordWrap(True)
    line.hide()
    return line


def show_reason(line: QLabel, reason: str) -> None:
    """Show ``reason`` on an :func:`error_line` (``""`` hides it)."""
    line.setText(reason)
    line.setVisible(bool(reason))


def show_button(text: str, name: str) -> QPushButton:
    """A filter form's primary button ("Show")."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.setProperty("role", "primary")
    return button


def filter_row(choices: Sequence[tuple[str, QWidget]], fields: Sequence[FormField]) -> QGridLayout:
    """Filters side by side: each of ``choices`` is a heading over its control, as narrow as it
    allows; then each of ``fields`` shares the width that is left. Their reasons are said beside
    "Show" (:func:`filter_buttons`), not under the row: room held there for a reason not said
    was an empty band between the filters and "Show" on every page."""
    row = QGridLayout()
    row.setHorizontalSpacing(12)
    row.setVerticalSpacing(4)
    for column, (text, control) in enumerate(choices):
        label = QLabel(text)
        label.setProperty("role", "heading")
        label.setBuddy(control)
        control.setAccessibleName(text)
        row.addWidget(label, 0, column)
        row.addWidget(control, 1, column)
    for column, form in enumerate(fields, start=len(choices)):
        row.addWidget(form, 0, column, 2, 1)
        row.setColumnStretch(column, 1)
    return row


def filter_buttons(
    show: QPushButton, reasons: Sequence[QLabel | FormField], other: QPushButton
) -> QHBoxLayout:
    """ "Show", why the filters were refused beside it (a field's reason, or an :func:`error_line`
    such as the days'; or a note on the list shown), and the page's other button at the right. A
    reason takes room only
    while it is said, and never moves the buttons: they keep to the row's top while the reasons
    grow it downwards (a refused filter had pushed "Show" from under the pointer aimed at it)."""
    row = QHBoxLayout()
    row.setSpacing(12)
    top = Qt.AlignmentFlag.AlignTop
    row.addWidget(show, 0, top)
    pane = WordsInPlace()
    said = QVBoxLayout(pane)
    said.setContentsMargins(0, 0, 0, 0)
    said.setSpacing(2)
    said.addStretch(1)  # a line or two is centred on the buttons
    for reason in reasons:
        label = reason.error if isinstance(reason, FormField) else reason
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        said.addWidget(label)  # a field's reason leaves the field for here
    said.addStretch(1)
    row.addWidget(pane, 1)
    row.addWidget(other, 0, top)
    return row


def empty_note(text: str, name: str) -> QLabel:
    """What a filtered list says when nothing matches (hidden until it is empty)."""
    note = QLabel(text)
    note.setObjectName(name)
    note.setProperty("role", "muted")
    note.setWordWrap(True)  # why a filter names no one takes a sentence, not clipped at 1024 px
    note.hide()
    return note


def stack_filter_page(
    page: QWidget,
    filters: QBoxLayout | QGridLayout,
    buttons: QBoxLayout,
    table: QWidget,
    empty: QLabel,
    more: QLabel | None = None,
) -> None:
    """A filter page, top to bottom: its filters (their reasons among them, :func:`filter_row`),
    its buttons, the table (which takes the height), the note shown when nothing matches and
    the one shown when more match than the table holds."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 8, 0, 0)
    layout.setSpacing(8)
    layout.addLayout(filters)
    layout.addLayout(buttons)
    layout.addWidget(table, 1)
    layout.addWidget(empty)
    if more is not None:
        layout.addWidget(more)
