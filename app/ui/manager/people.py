"""Manager mode's people: the till's managers and cashiers, and what a manager changes about them
(add, rename, disable or enable, set, reset or remove a PIN). The account dialog says beside each
field why a value is refused; nothing is written until every field passes."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.form import FormField, focus_pin_to_type_again, line_edit, make_room
from app.ui.widgets.rows_table import RowsModel, RowsView, TableRow

NAME_INPUT_MAX = 100
PIN_INPUT_MAX = 64
#: The changes a manager makes to an account, in the order their buttons stand.
CHANGES = ("add", "rename", "set_pin", "remove_pin", "disable", "enable")


class PeopleView(QWidget):
    """Managers and cashiers side by side, each list with its buttons.
    ``change_requested(role, change, name)``: ``role`` is ``manager`` or ``cashier``, ``change``
    one of :data:`CHANGES`, ``name`` the account picked (``""`` for ``add``)."""

    change_requested = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("peopleView")
        self.tables: dict[str, RowsView] = {}
        self.buttons: dict[tuple[str, str], QPushButton] = {}
        #: (active, has a PIN) by (role, name).
        self._states: dict[tuple[str, str], tuple[bool, bool]] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        words = {
            "add": self.tr("Add…"),
            "rename": self.tr("Rename…"),
            "set_pin": self.tr("Set PIN…"),
            "remove_pin": self.tr("Remove PIN"),
            "disable": self.tr("Disable"),
            "enable": self.tr("Enable"),
        }
        for column, (role, title_text) in enumerate(
            (("manager", self.tr("Managers")), ("cashier", self.tr("Cashiers")))
        ):
            title = QLabel(title_text)
            title.setProperty("role", "heading")
            model = RowsModel([self.tr("Name"), self.tr("PIN"), self.tr("Account")], parent=self)
            table = RowsView(model, stretch=0)
            table.setObjectName(f"{role}Accounts")
            table.setAccessibleName(title_text)
            table.selectionModel().currentRowChanged.connect(
                lambda *_args, r=role: self._refresh_buttons(r)
            )
            self.tables[role] = table
            row = QGridLayout()
            for number, change in enumerate(CHANGES):
                if role == "manager" and change == "remove_pin":
                    continue  # a manager always has a PIN
                button = QPushButton(words[change])
                button.setObjectName(f"{role}_{change}")
                button.clicked.connect(lambda _checked=False, r=role, c=change: self._request(r, c))
                self.buttons[(role, change)] = button
                row.addWidget(button, number // 3, number % 3)
            grid.addWidget(title, 0, column)
            grid.addWidget(table, 1, column)
            grid.addLayout(row, 2, column)
        self.refusal = QLabel()
        self.refusal.setObjectName("peopleRefusal")
        self.refusal.setProperty("role", "error")
        self.refusal.setWordWrap(True)
        self.refusal.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(grid, 1)
        layout.addWidget(self.refusal)
        for role in self.tables:
            self._refresh_buttons(role)

    def set_accounts(
        self, role: str, rows: list[TableRow], states: dict[str, tuple[bool, bool]]
    ) -> None:
        """``role``'s accounts; ``states`` by name: (active, has a PIN)."""
        table = self.tables[role]
        picked = table.current_key()
        self._states = {key: value for key, value in self._states.items() if key[0] != role}
        self._states.update({(role, name): state for name, state in states.items()})
        table.rows_model.set_rows(rows)
        if picked is not None:
            table.select_key(picked)
        self._refresh_buttons(role)

    def start_afresh(self) -> None:
        """No account picked, no refusal said."""
        for role, table in self.tables.items():
            table.forget()
            self._refresh_buttons(role)
        self.show_refusal("")

    def show_refusal(self, reason: str) -> None:
        """Why the till refused the last change (``""`` hides it)."""
        self.refusal.setText(reason)
        self.refusal.setVisible(bool(reason))

    def picked(self, role: str) -> str:
        """The account picked in ``role``'s list, or ``""``."""
        key = self.tables[role].current_key()
        return str(key) if key is not None else ""

    def _request(self, role: str, change: str) -> None:
        self.change_requested.emit(role, change, "" if change == "add" else self.picked(role))

    def _refresh_buttons(self, role: str) -> None:
        name = self.picked(role)
        active, has_pin = self._states.get((role, name), (True, False))
        wanted: dict[str, bool] = {}
        for button_role, change in self.buttons:
            if button_role != role:
                continue
            enabled = bool(name)
            if change == "add":
                enabled = True
            elif change == "disable":
                enabled = enabled and active
            elif change == "enable":
                enabled = enabled and not active
            elif change == "remove_pin":
                enabled = enabled and has_pin
            wanted[change] = enabled
        # Greyed with the keyboard on it (Disable once pressed), a button let Qt pass the
        # keyboard on down the chain, round to the banner's "Settings…": it goes back to the
        # list the account was picked in, where the next one is picked (not onto "Enable",
        # where a Space would undo what was just done).
        if any(not on and self.buttons[(role, c)].hasFocus() for c, on in wanted.items()):
            self.tables[role].setFocus()
        for change, enabled in wanted.items():
            self.buttons[(role, change)].setEnabled(enabled)


class AccountDialog(QDialog):
    """Add an account (name, and a PIN twice: optional for a cashier), rename one (the new name),
    or set its PIN (twice). ``submitted(name, pin, again)``; the PIN fields are wiped at once."""

    submitted = Signal(str, str, str)

    def __init__(
        self, change: str, role: str, name: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"account_{change}")
        self.change, self.role = change, role
        titles = {
            ("add", "manager"): self.tr("Add a manager"),
            ("add", "cashier"): self.tr("Add a cashier"),
            ("rename", "manager"): self.tr("Rename {name}"),
            ("rename", "cashier"): self.tr("Rename {name}"),
            ("set_pin", "manager"): self.tr("A new PIN for {name}"),
            ("set_pin", "cashier"): self.tr("A new PIN for {name}"),
        }
        title_text = titles[(change, role)].format(name=name)
        self.setWindowTitle(title_text)
        self.setMinimumWidth(480)
        title = QLabel(title_text)
        title.setProperty("role", "title")
        title.setWordWrap(True)
        hints = {
            "manager": self.tr("A manager's PIN has 6 to 8 digits, not one repeated nor a run."),
            "cashier": self.tr(
                "A cashier's PIN has 4 to 8 digits; leave it empty for a cashier who signs in "
                "with their name alone."
            ),
        }
        if change == "set_pin" and role == "cashier":
            # A new PIN cannot be empty here ("Type a PIN."): taking it away is "Remove PIN".
            hints["cashier"] = self.tr(
                "A cashier's PIN has 4 to 8 digits. To let them sign in with their name alone, "
                'use "Remove PIN" instead.'
            )
        hint = QLabel(hints[role])
        hint.setObjectName("accountHint")
        hint.setProperty("role", "muted")
        hint.setWordWrap(True)
        self.name_edit = line_edit(max_length=NAME_INPUT_MAX)
        self.name_edit.setText(name if change != "rename" else "")
        self.pin_edit = line_edit(max_length=PIN_INPUT_MAX, secret=True)
        self.again_edit = line_edit(max_length=PIN_INPUT_MAX, secret=True)
        name_label = self.tr("New name") if change == "rename" else self.tr("Name")
        self.name = FormField(name_label, self.name_edit, name="accountName")
        self.pin = FormField(self.tr("PIN"), self.pin_edit, name="accountPin")
        self.again = FormField(self.tr("PIN again"), self.again_edit, name="accountPinAgain")
        self.refusal = QLabel()
        self.refusal.setObjectName("accountRefusal")
        self.refusal.setProperty("role", "error")
        self.refusal.setWordWrap(True)
        self.refusal.hide()
        buttons = QDialogButtonBox()
        self.confirm = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setObjectName("accountSave")
        self.confirm.setProperty("role", "primary")
        back = buttons.addButton(self.tr("Go back"), QDialogButtonBox.ButtonRole.RejectRole)
        back.setObjectName("accountBack")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(self.name)
        self.name.setVisible(change in ("add", "rename"))
        if change in ("add", "set_pin"):
            layout.addWidget(hint)
        layout.addWidget(self.pin)
        layout.addWidget(self.again)
        self.pin.setVisible(change in ("add", "set_pin"))
        self.again.setVisible(change in ("add", "set_pin"))
        layout.addWidget(self.refusal)
        layout.addWidget(buttons)
        (self.name_edit if change != "set_pin" else self.pin_edit).setFocus()

    def submit(self) -> None:
        """Hand the fields to the controller (the PINs are wiped from the dialog at once)."""
        for field in (self.name, self.pin, self.again):
            field.set_error("")
        self.refusal.hide()
        name, pin, again = self.name_edit.text(), self.pin_edit.text(), self.again_edit.text()
        self.pin_edit.clear()
        self.again_edit.clear()
        self.confirm.setEnabled(False)
        self.submitted.emit(name, pin, again)

    def show_errors(self, errors: dict[str, str]) -> None:
        """Reasons by field (``name``, ``pin``, ``again``) or for the whole (``""``)."""
        fields = {"name": self.name, "pin": self.pin, "again": self.again}
        for key, reason in errors.items():
            if key in fields:
                fields[key].set_error(reason)
            else:
                self.refusal.setText(reason)
                self.refusal.show()
                make_room(self)
        self.confirm.setEnabled(True)
        if "" in errors:
            # Refused whole (a name already taken): the name, or the new PIN to type again.
            (self.pin_edit if self.name.isHidden() else self.name_edit).setFocus()
        else:
            focus_pin_to_type_again(self.name, self.pin, self.again)
