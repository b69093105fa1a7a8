"""Manager mode's people: managers and cashiers added, renamed, disabled or enabled, their PINs
set, reset or removed, each through ``till.manager`` (a manager in manager mode, audited). Every
field is checked before anything is written, and refused beside itself."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox

from app.core.services import (
    Account,
    FieldRefused,
    Role,
    Secret,
    StaffRefused,
    StorageProblem,
    Till,
    check_name,
    check_new_pin,
    clock,
    same_pin,
    say,
)
from app.ui.controllers.changes import TillChanges
from app.ui.controllers.manager_mode import ManagerModeController
from app.ui.controllers.shift import ShiftController
from app.ui.controllers.storage import fact_for, not_written
from app.ui.controllers.tasks import LatestOnly, spawn
from app.ui.main_window import CashierWindowView
from app.ui.manager.people import AccountDialog
from app.ui.widgets.member_card import local_time_text
from app.ui.widgets.rows_table import TableRow
from app.ui.wording import words


class PeopleController(QObject):
    """``changed(Account)`` after a change the till made; ``refused(str)`` with the reason."""

    changed = Signal(object)
    refused = Signal(str)

    def __init__(
        self,
        view: CashierWindowView,
        till: Till,
        mode: ManagerModeController,
        shift: ShiftController,
        changes: TillChanges,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.till = till
        self.mode = mode
        self.shift = shift
        self.people = view.manager.people
        self.dialog: AccountDialog | None = None
        #: "Disable Dewi?", while it waits for an answer.
        self.confirm: QMessageBox | None = None
        self.people.change_requested.connect(self.ask)
        changes.changed.connect(self.refresh)
        self._reading = LatestOnly("people")

    def refresh(self) -> None:
        """Read the accounts again (another process may have changed them)."""
        if self.view.pages.currentWidget() is self.view.manager:
            self._reading.start(self.load())

    async def load(self) -> None:
        """Read both lists."""
        for role in (Role.MANAGER, Role.CASHIER):
            accounts = await self.till.staff.accounts(role)
            self.people.set_accounts(
                role.value,
                [self._row(account) for account in accounts],
                {a.name: (a.active, a.has_pin) for a in accounts},
            )

    def _row(self, account: Account) -> TableRow:
        if not account.active:
            state = self.tr("disabled")
        elif account.locked_until is not None and account.locked_until > clock.now():
            state = self.tr("locked until {time}").format(
                time=local_time_text(account.locked_until)
            )
        else:
            state = self.tr("active")
        pin = self.tr("yes") if account.has_pin else self.tr("no")
        return TableRow(key=account.name, cells=(account.name, pin, state))

    # -- asking ------------------------------------------------------------------------------

    def ask(self, role: str, change: str, name: str) -> None:
        """A manager picked ``change`` for ``role``'s account ``name``."""
        spawn(self._ask(Role(role), change, name), name="people")

    async def _ask(self, role: Role, change: str, name: str) -> None:
        self.people.show_refusal("")
        if not await self.mode.ensure(self.tr("A manager changes the accounts.")):
            return
        if change == "disable" and role is Role.CASHIER and await self._shift_open(name):
            self._confirm_disable(name)
            return
        if change in ("disable", "enable", "remove_pin"):
            await self._change_directly(role, change, name)
            return
        dialog = AccountDialog(change, role.value, name, self.view)
        dialog.submitted.connect(
            lambda new_name, pin, again: spawn(
                self._submit(dialog, role, change, name, new_name, Secret(pin), Secret(again)),
                name="account",
            )
        )
        dialog.finished.connect(lambda _r: self._forget(dialog))
        self.dialog = dialog
        dialog.open()
        self.mode.own(dialog)

    async def _change_directly(self, role: Role, change: str, name: str) -> None:
        if await self._run(lambda: self._direct(role, change, name)) is not None:
            self._say_done(change, name, name)

    async def _shift_open(self, name: str) -> bool:
        return any(
            s.cashier.casefold() == name.casefold()
            for s in await self.till.shift_record.open_shifts()
        )

    def _confirm_disable(self, name: str) -> None:
        """Disabling a cashier closes their open shift, which Enable does not give back: one
        click aimed at Rename (the page moved under it) closed Dewi's. Asked first, "Go back"
        the default."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Disable {name}?").format(name=name),
            self.tr(
                "{name}'s shift is open on this till. Disabling {name} closes it now; its "
                "redemptions stay theirs."
            ).format(name=name),
            QMessageBox.StandardButton.NoButton,
            self.view,
        )
        box.setObjectName("disableCashierConfirm")
        disable = box.addButton(
            self.tr("Disable and close the shift"), QMessageBox.ButtonRole.DestructiveRole
        )
        back = box.addButton(self.tr("Go back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        disable.clicked.connect(
            lambda: spawn(self._change_directly(Role.CASHIER, "disable", name), name="people")
        )
        box.finished.connect(lambda _r: self._forget_confirm(box))
        self.confirm = box
        box.open()
        self.mode.own(box)

    def _forget_confirm(self, box: QMessageBox) -> None:
        if self.confirm is box:
            self.confirm = None
        box.deleteLater()

    def _forget(self, dialog: AccountDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    async def _direct(self, role: Role, change: str, name: str) -> Account:
        if change == "disable":
            return await self.till.manager.disable(role, name)
        if change == "enable":
            return await self.till.manager.enable(role, name)
        return await self.till.manager.set_pin(role, name, None)

    async def _run(self, change: Callable[[], Awaitable[Account]]) -> Account | None:
        try:
            account = await change()
        except (StaffRefused, FieldRefused) as exc:
            reason = words(exc.said)
            self.people.show_refusal(reason)
            self.refused.emit(reason)
            return None
        except StorageProblem as problem:  # the disk refused it: said under the lists
            reason = not_written(fact_for(problem))
            self.people.show_refusal(reason)
            self.refused.emit(reason)
            return None
        await self._changed(account)
        return account

    async def _changed(self, account: Account) -> None:
        await self.load()
        await self.shift.reload_accounts()
        self.changed.emit(account)

    def check_form(
        self, role: Role, change: str, new_name: str, pin: Secret, again: Secret
    ) -> dict[str, str]:
        """Why the account form is refused, field by field (empty: it may be saved)."""
        errors: dict[str, str] = {}
        if change in ("add", "rename"):
            try:
                check_name(new_name, "new name" if change == "rename" else "name")
            except FieldRefused as exc:
                errors["name"] = words(exc.said)
        if change in ("add", "set_pin"):
            optional = role is Role.CASHIER and change == "add"
            if optional and not pin.reveal() and not again.reveal():
                return errors  # a cashier who signs in with their name alone
            try:
                check_new_pin(pin, role.value)
            except FieldRefused as exc:
                errors["pin"] = words(exc.said)
            else:
                if not same_pin(pin, again):
                    errors["again"] = self.tr("The two PINs differ: type the same PIN twice.")
        return errors

    async def _submit(
        self,
        dialog: AccountDialog,
        role: Role,
        change: str,
        name: str,
        new_name: str,
        pin: Secret,
        again: Secret,
    ) -> None:
        errors = self.check_form(role, change, new_name, pin, again)
        if errors:
            dialog.show_errors(errors)
            return
        given = pin if pin.reveal() else None
        try:
            if change == "add":
                account = await self.add(role, new_name, given)
            elif change == "rename":
                account = await self.till.manager.rename(role, name, new_name)
            else:
                account = await self.till.manager.set_pin(role, name, given)
        except FieldRefused as exc:
            field = "name" if "name" in exc.field else "pin"
            dialog.show_errors({field: words(exc.said)})
            return
        except StaffRefused as exc:
            dialog.show_errors({"": words(exc.said)})
            self.refused.emit(words(exc.said))
            return
        except StorageProblem as problem:
            # The disk refused it (full, read-only): said in the form, whose Save comes back;
            # the crash hook left it to the banner, and Save stayed grey, saying nothing.
            dialog.show_errors({"": not_written(fact_for(problem))})
            self.refused.emit(not_written(fact_for(problem)))
            return
        finally:
            del pin, again, given
        dialog.accept()
        if change != "add":  # add() has shown it already
            await self._changed(account)
        self._say_done(change, name, account.name)

    def _say_done(self, change: str, name: str, now: str) -> None:
        # A new PIN changes nothing the lists show ("PIN: yes" before as after): each change
        # says it was done, as manager mode's decisions do.
        notes = {
            "add": self.tr("{name} is added."),
            "rename": self.tr("{old} is now called {name}."),
            "set_pin": self.tr("{name}'s new PIN is saved."),
            "remove_pin": self.tr("{name}'s PIN is removed."),
            "disable": self.tr("{name} is disabled."),
            "enable": self.tr("{name} is enabled."),
        }
        self.view.status.show_note(notes[change].format(name=now, old=name), 10_000)

    async def add(self, role: Role, name: str, pin: Secret | None) -> Account:
        """Add an account (through manager mode: refused without a manager), and show it."""
        if role is Role.MANAGER:
            if pin is None:
                raise FieldRefused("PIN", "is required", say("field.manager_pin"))
            account = await self.till.manager.add_manager(name, pin)
        else:
            account = await self.till.manager.add_cashier(name, pin)
        await self._changed(account)
        return account
