"""The settings, for a manager: every setting of the settings file, grouped, each with its
control and the reason beside it when a value is refused; a setting fixed by an environment
variable is shown locked with the variable's name. The API token has its own field (kept where
``stamps-pos token set`` keeps it, never in the file) and a "Check" button that tries the URL and
the credentials typed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.focus_in_sight import FocusInSight
from app.ui.widgets.form import FormField, line_edit
from app.ui.widgets.pin_field_guard import NOT_A_PIN_PROPERTY
from app.ui.widgets.till_room import size_within_the_till

#: Longer than any setting takes (a URL is at most 2048): the check says why, nothing is cut.
TEXT_INPUT_MAX = 4096
TOKEN_INPUT_MAX = 8192


@dataclass(frozen=True)
class SettingField:
    """One setting as the dialog shows it: ``choices`` (value, words) for a choice, ``flag`` for
    a tick; ``locked_by`` names what fixes it (an environment variable) when it cannot change
    here; ``value`` is what it is now, as text."""

    name: str
    label: str
    group: str
    value: str | bool
    help: str = ""
    choices: tuple[tuple[str, str], ...] = ()
    flag: bool = False
    locked_by: str | None = None
    default_text: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


class SettingsDialog(QDialog):
    """The settings, by group in tabs. ``save_requested(values, token)``: ``values`` the changed
    settings by name (text, a tick, or ``None`` back to the default), ``token`` the token typed
    (``""``: unchanged). ``check_requested(values, token)`` tries the server with them."""

    save_requested = Signal(object, str)
    check_requested = Signal(object, str)

    def __init__(
        self,
        fields: list[SettingField],
        token_locked_by: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        size_within_the_till(self, QSize(900, 620), QSize(980, 680))
        self.fields = {f.name: f for f in fields}
        self.forms: dict[str, FormField] = {}
        self.controls: dict[str, QLineEdit | QComboBox | QCheckBox] = {}
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        pages: dict[str, QVBoxLayout] = {}
        for item in fields:
            page = pages.get(item.group)
            if page is None:
                page = pages[item.group] = self._add_page(item.group)
            form = self._form(item)
            page.addWidget(form)
            self.forms[item.name] = form
        for page in pages.values():
            page.addStretch(1)

        self.token_edit = line_edit(max_length=TOKEN_INPUT_MAX, secret=True)
        self.token_edit.setProperty(NOT_A_PIN_PROPERTY, True)  # typed fast, it is still a token
        self.token_edit.setPlaceholderText(self.tr("unchanged"))
        self.token = FormField(self.tr("API token"), self.token_edit, name="settingToken")
        self.token_edit.textChanged.connect(self._token_edited)
        if token_locked_by:
            self.token_edit.setEnabled(False)
            self.token.set_error("")
            self.token_edit.setPlaceholderText(
                self.tr("set by {variable}").format(variable=token_locked_by)
            )
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.setObjectName("settingsCheck")
        self.check_button.clicked.connect(self.check)
        self.check_result = QLabel()
        self.check_result.setObjectName("settingsCheckResult")
        self.check_result.setWordWrap(True)
        self.check_result.hide()
        token_row = QHBoxLayout()
        token_row.addWidget(self.token, 1)
        token_row.addWidget(self.check_button)

        self.outcome = QLabel()
        self.outcome.setObjectName("settingsOutcome")
        self.outcome.setWordWrap(True)
        self.outcome.hide()
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("settingsSave")
        self.save_button.setProperty("role", "primary")
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setObjectName("settingsClose")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.close_asked)
        self.leave_box: QMessageBox | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addLayout(token_row)
        layout.addWidget(self.check_result)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.outcome)
        layout.addWidget(buttons)

    def _add_page(self, group: str) -> QVBoxLayout:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(12, 12, 24, 12)
        column.setSpacing(14)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(page)
        # The settings take the keyboard, not the page around them: focused, it showed
        # nothing, and a Tab seemed lost between the group's tab and its first setting.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        FocusInSight(scroll)  # Shift+Tab from the buttons comes in at its foot
        self.tabs.addTab(scroll, group)
        return column

    def _form(self, item: SettingField) -> FormField:
        control: QLineEdit | QComboBox | QCheckBox
        if item.flag:
            control = QCheckBox(item.label)
            control.setChecked(bool(item.value))
        elif item.choices:
            control = QComboBox()
            for value, words in item.choices:
                control.addItem(words, value)
            control.setCurrentIndex(max(control.findData(str(item.value)), 0))
        else:
            control = line_edit(max_length=TEXT_INPUT_MAX)
            control.setText(str(item.value))
            if item.default_text:
                control.setPlaceholderText(item.default_text)
        self.controls[item.name] = control
        form = FormField("" if item.flag else item.label, control, name=f"setting_{item.name}")
        form.label.setVisible(not item.flag)
        notes = []
        if item.help:
            notes.append(item.help)
        if item.locked_by:
            control.setEnabled(False)
            notes.append(
                self.tr("Set by {variable}: change it there.").format(variable=item.locked_by)
                if item.locked_by.startswith("STAMPS_POS_")
                else self.tr("Fixed when the till was started.")
            )
        if notes:
            note = QLabel(" ".join(notes))
            note.setObjectName(f"setting_{item.name}Note")
            note.setProperty("role", "muted")
            note.setWordWrap(True)
            form.layout().insertWidget(2, note)  # type: ignore[union-attr]
        return form

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.close_asked()
            return
        super().keyPressEvent(event)

    def close_asked(self) -> None:
        """Esc or "Close": the settings close, once the manager says so if a change typed is
        not saved. (``reject()`` itself closes at once: manager mode ending, the till locked.)"""
        if not (self.changes() or self.token_edit.text()):
            self.reject()
            return
        # Esc after a change went back without a word: the setting typed was lost unsaved.
        box = QMessageBox(self)
        box.setObjectName("settingsLeaveUnsaved")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Leave the settings?"))
        # The question in the words too: a till with no window manager shows no title.
        box.setText(self.tr("Leave the settings? What you changed here is not saved."))
        leave = box.addButton(
            self.tr("Leave without saving"), QMessageBox.ButtonRole.DestructiveRole
        )
        leave.setObjectName("settingsLeaveWithoutSaving")
        keep = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("settingsKeepEditing")
        box.setDefaultButton(keep)  # Enter, or a second Esc, keeps what was typed
        box.setEscapeButton(keep)
        leave.clicked.connect(self.reject)
        box.finished.connect(self._forget_leave_box)
        self.leave_box = box
        box.open()

    def _forget_leave_box(self) -> None:
        if self.leave_box is not None:
            self.leave_box.deleteLater()
        self.leave_box = None

    def check(self) -> None:
        """ "Check": try the server with what is typed."""
        self.token.set_error("")
        self.show_check(self.tr("Checking…"))
        self.check_button.setEnabled(False)
        self.check_requested.emit(self.changes(), self.token_edit.text())

    def _token_edited(self, text: str) -> None:
        # Emptied, the field means "unchanged": the token refused is no longer typed, and its
        # reason stayed beside the empty field as if Save would be refused again.
        if not text:
            self.token.set_error("")

    def value_of(self, name: str) -> str | bool:
        """What a setting's control holds now."""
        control = self.controls[name]
        if isinstance(control, QCheckBox):
            return control.isChecked()
        if isinstance(control, QComboBox):
            return str(control.currentData())
        return control.text()

    def changes(self) -> dict[str, str | bool | None]:
        """The settings whose control no longer holds what it was opened with (an emptied text
        goes back to the default: ``None``)."""
        changed: dict[str, str | bool | None] = {}
        for name, item in self.fields.items():
            if item.locked_by:
                continue
            value = self.value_of(name)
            if value != item.value:
                changed[name] = None if value == "" else value
        return changed

    def submit(self) -> None:
        """Hand the changes to the controller."""
        for form in self.forms.values():
            form.set_error("")
        self.token.set_error("")
        self.outcome.hide()
        self.save_button.setEnabled(False)
        token = self.token_edit.text()
        self.save_requested.emit(self.changes(), token)

    def show_errors(self, errors: dict[str, str]) -> None:
        """Reasons by setting (``token`` for the token, ``""`` for the file); the first tab with
        one comes forward. Nothing was written."""
        first: FormField | None = None
        for name, reason in errors.items():
            form = self.token if name == "token" else self.forms.get(name)
            if form is None:
                self.show_outcome(reason, error=True)
                continue
            form.set_error(reason)
            if first is None and name != "token":
                first = form
        if first is not None:
            for index in range(self.tabs.count()):
                page = self.tabs.widget(index)
                if isinstance(page, QScrollArea) and page.isAncestorOf(first):
                    self.tabs.setCurrentIndex(index)
                    page.ensureWidgetVisible(first)
                    break
            first.control.setFocus()
        elif "token" in errors and self.token_edit.isEnabled():
            # The token refused alone (the server's "no", a question answered "Don't save"):
            # the keyboard was left on Close, one Enter from losing what was typed. The dialog
            # is made the active window again too: the question's box closing may hand that to
            # the cashier's window behind, and the field would have the focus of a window that
            # takes no key.
            self.activateWindow()
            self.token_edit.setFocus()
            self.token_edit.selectAll()
        self.save_button.setEnabled(True)

    def show_outcome(self, text: str, *, error: bool = False) -> None:
        """What the save did (saved, and what needs a restart), or why it did not."""
        self.outcome.setText(text)
        self.outcome.setProperty("role", "error" if error else "muted")
        self.outcome.style().unpolish(self.outcome)
        self.outcome.style().polish(self.outcome)
        self.outcome.setVisible(bool(text))
        self.save_button.setEnabled(True)

    def show_progress(self, text: str) -> None:
        """What the save waits on (the server asked about a new token): Save stays grey."""
        self.show_outcome(text)
        self.save_button.setEnabled(False)

    def show_check(self, text: str) -> None:
        """What "Check" found, in words."""
        self.check_result.setText(text)
        self.check_result.setVisible(bool(text))
        self.check_button.setEnabled(True)

    def opened_with(self, name: str, value: str | bool) -> None:
        """After a save: ``value`` is what the setting now holds (the next save compares to it)."""
        item = self.fields[name]
        self.fields[name] = SettingField(**{**item.__dict__, "value": value})

    def error_of(self, name: str) -> str:
        """The reason shown beside a setting (``token`` for the token), or ``""``."""
        form = self.token if name == "token" else self.forms[name]
        return form.error_text()
