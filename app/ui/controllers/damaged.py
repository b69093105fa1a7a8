"""A damaged database at the window's start (issue 11): nothing is moved until a manager says so.

The window lists what the damaged file still holds. One of its own managers, whose row can still
be read, confirms with their PIN (the file cannot count wrong PINs, so this controller does: five
wrong in a row wait five minutes, on the till's clock; what cannot be a manager's PIN is refused
as manager sign-in refuses it, and not counted). When none can be read, the first-manager
setup comes first, and the person set up confirms. Either way that person becomes the first
manager of the new database. Closing the window instead leaves the file exactly as it was.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication

from app.core.services import (
    DatabaseDamaged,
    EntryStatus,
    SalvagedEntry,
    Secret,
    clock,
    look_at_damaged,
    manager_vouches,
    not_a_managers_pin,
)
from app.ui.controllers.first_manager import first_manager_errors
from app.ui.controllers.manager_words import kind_words, status_words
from app.ui.controllers.tasks import spawn
from app.ui.main_window import CashierWindowView
from app.ui.widgets.member_card import local_time_text
from app.ui.wording import words

log = logging.getLogger(__name__)

#: Wrong PINs in a row before the page waits, and how long (as the till's own lockout).
MAX_WRONG = 5
WAIT_S = 300.0


def entry_words(entry: SalvagedEntry) -> str:
    """One entry of the damaged database as a manager reads it: when, what kind, where it stood,
    for whom, and its id (which ``stamps-pos outbox import`` names). What damage left odd is
    shown as it was read."""
    made = (
        local_time_text(entry.made)
        if entry.made is not None
        else QCoreApplication.translate("DamagedDatabase", "time unreadable")
    )
    try:
        status = status_words(EntryStatus(entry.status))
    except ValueError:
        status = entry.status
    return "  ·  ".join((made, kind_words(entry.kind), status, entry.user, entry.entry_id))


@dataclass(frozen=True)
class SetAsideDecision:
    """Who decided to set the damaged database aside, and their PIN (they become the new
    database's first manager)."""

    manager: str
    pin: Secret


class DamagedDatabaseController(QObject):
    """Asks for the decision; ``refused(str)`` when a confirmation is refused."""

    refused = Signal(str)

    def __init__(self, view: CashierWindowView) -> None:
        super().__init__(view)
        self.view = view
        self._decision: asyncio.Future[SetAsideDecision | None] | None = None
        self._set_up: SetAsideDecision | None = None
        self._wrong = 0
        self._waiting_until = 0.0
        self._path: Path | None = None
        self._listening_first = False

    async def decide(self, damage: DatabaseDamaged) -> SetAsideDecision | None:
        """Show the damage and wait for a manager's decision; ``None`` when the window closed
        (or "Leave it") instead."""
        log.warning(
            "the database %s is damaged; the window asks a manager before anything is moved",
            damage.path,
        )
        found = await asyncio.to_thread(look_at_damaged, damage)
        self._path = damage.path
        page = self.view.damaged
        page.set_damage(
            str(damage.path),
            found.problems[0] if found.problems else damage.sentence,
            [entry_words(entry) for entry in found.entries],
            found.complete,
            ask_manager=found.has_managers,
        )
        self._decision = asyncio.get_running_loop().create_future()
        page.confirm_requested.connect(self._confirm)
        page.quit_requested.connect(self._quit)
        app = QApplication.instance()
        if app is not None:
            app.lastWindowClosed.connect(self._quit)  # type: ignore[attr-defined]
        if found.has_managers:
            self.view.show_damaged()
        else:
            self._ask_first_manager()
        try:
            return await self._decision
        finally:
            page.confirm_requested.disconnect(self._confirm)
            page.quit_requested.disconnect(self._quit)
            if app is not None:
                app.lastWindowClosed.disconnect(self._quit)  # type: ignore[attr-defined]
            if self._listening_first:
                self.view.first_manager.create_requested.disconnect(self._first_manager)
                self._listening_first = False

    def _ask_first_manager(self) -> None:
        first = self.view.first_manager
        first.set_purpose(
            self.tr("First, this till's manager"),
            self.tr(
                "The till's database is damaged and none of its managers can be read. Set up "
                "the manager who decides what becomes of it: they will be the first manager of "
                "the new database."
            ),
        )
        first.create_requested.connect(self._first_manager)
        self._listening_first = True
        self.view.show_first_manager()

    def _first_manager(self, name: str, pin: str, again: str) -> None:
        typed, repeated = Secret(pin), Secret(again)
        del pin, again
        errors = first_manager_errors(
            name, typed, repeated, self.tr("The two PINs differ: type the same PIN twice.")
        )
        self.view.first_manager.show_errors(errors)
        if errors:
            return
        self._set_up = SetAsideDecision(" ".join(name.split()), typed)
        self.view.damaged.show_refusal("")
        self.view.damaged.refusal.hide()
        self.view.show_damaged()

    def _confirm(self, name: str, pin: str) -> None:
        if self._set_up is not None:
            self._decided(self._set_up)
            return
        typed = Secret(pin)
        del pin
        spawn(self._check(name, typed), name="damaged database")

    async def _check(self, name: str, pin: Secret) -> None:
        now = clock.monotonic()
        if now < self._waiting_until:
            minutes = max(1, int((self._waiting_until - now + 59) // 60))
            self._refuse(
                (
                    self.tr("Too many wrong PINs: try again in {minutes} minute.")
                    if minutes == 1
                    else self.tr("Too many wrong PINs: try again in {minutes} minutes.")
                ).format(minutes=minutes)
            )
            return
        unlike = not_a_managers_pin(pin)
        if unlike is not None:
            # as manager sign-in refuses it: no guess at a PIN, so not counted towards the wait
            self._refuse(words(unlike))
            return
        assert self._path is not None
        if await asyncio.to_thread(manager_vouches, self._path, name, pin):
            self._wrong = 0
            self._decided(SetAsideDecision(" ".join(name.split()), pin))
            return
        self._wrong += 1
        if self._wrong >= MAX_WRONG:
            self._wrong = 0
            self._waiting_until = clock.monotonic() + WAIT_S
        self._refuse(
            self.tr("That is not a manager of this till with that PIN. Nothing was changed.")
        )

    def _refuse(self, reason: str) -> None:
        self.view.damaged.show_refusal(reason)
        self.refused.emit(reason)

    def _decided(self, decision: SetAsideDecision) -> None:
        if self._decision is not None and not self._decision.done():
            self._decision.set_result(decision)

    def _quit(self) -> None:
        if self._decision is not None and not self._decision.done():
            self._decision.set_result(None)
