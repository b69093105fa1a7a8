"""The first real start of the window on a till without a manager: one is set up (name, and a
PIN typed twice) before anyone signs in. The demo, the screenshots, the kiosk and the headless
commands never ask (the demo plants its own)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app.core.services import (
    Account,
    FieldRefused,
    Secret,
    StaffRefused,
    Till,
    check_name,
    check_new_pin,
    same_pin,
)
from app.ui.controllers.tasks import spawn
from app.ui.main_window import CashierWindowView
from app.ui.wording import words

if TYPE_CHECKING:
    from app.ui.first_manager import FirstManagerView


def first_manager_errors(name: str, pin: Secret, again: Secret, differ: str) -> dict[str, str]:
    """Why a first manager's name and PINs are refused, by field (``name``, ``pin``, ``again``);
    ``differ`` is what to say when the two PINs are not the same."""
    errors: dict[str, str] = {}
    try:
        check_name(name)
    except FieldRefused as exc:
        errors["name"] = words(exc.said)
    try:
        check_new_pin(pin, "manager")
    except FieldRefused as exc:
        errors["pin"] = words(exc.said)
    else:
        if not same_pin(pin, again):
            errors["again"] = differ
    return errors


class FirstManagerController(QObject):
    """Shows the setup page when the till has no manager (``ask``), and creates the first one.
    ``created(Account)`` once it exists."""

    created = Signal(object)

    def __init__(self, view: CashierWindowView, till: Till) -> None:
        super().__init__(view)
        self.view = view
        self.till = till
        self._wired = False

    async def ask_if_needed(self) -> bool:
        """Show the setup page if the till has no manager; whether it was shown."""
        if await self.till.staff.has_manager():
            return False
        self._page()  # built and wired before it shows
        self.view.show_first_manager()
        return True

    async def create(self, name: str, pin: Secret, again: Secret) -> Account | None:
        """Create the first manager; ``None`` with the reasons beside the fields when refused."""
        differ = self.tr("The two PINs differ: type the same PIN twice.")
        errors = first_manager_errors(name, pin, again, differ)
        try:
            if errors:
                self._show(errors)
                return None
            account = await self.till.staff.add_first_manager(name, pin)
        except FieldRefused as exc:
            self._show({"pin" if "PIN" in exc.field else "name": words(exc.said)})
            return None
        except StaffRefused as exc:
            self._show({"name": words(exc.said)})
            return None
        finally:
            del pin, again
        self.view.show_sign_in()
        self.view.status.show_note(
            self.tr("{name} is this till's first manager. F8 opens manager mode.").format(
                name=account.name
            ),
            12_000,
        )
        self.created.emit(account)
        return account

    def _page(self) -> FirstManagerView:
        # Built the first time it is wanted (most tills have a manager, and their window's start
        # does not build it), and wired to this controller then.
        page = self.view.first_manager
        if not self._wired:
            page.create_requested.connect(
                lambda name, pin, again: spawn(
                    self.create(name, Secret(pin), Secret(again)), name="first manager"
                )
            )
            self._wired = True
        return page

    def _show(self, errors: dict[str, str]) -> None:
        self._page().show_errors(errors)
