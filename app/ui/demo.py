"""The Demo menu of ``make demo``: cut and restore the network, make the server fail in the ways a
till must survive, and reset the shop, from the window itself.

The window never touches the sandbox: the command line builds a :class:`DemoControls` over it and
hands it in, and only then is there a Demo menu.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Literal, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QLabel, QWidgetAction

from app.ui.controllers.tasks import spawn
from app.ui.main_window import CashierWindowView

#: The server's failures the menu can turn on, one at a time.
Fault = Literal[
    "none", "server_errors", "timeouts", "applied_then_500", "turned_away", "redirected"
]


class DemoControls(Protocol):
    """What the demo's sandbox lets the window do. Each call may take a moment (a server stops
    or starts); the menu runs it off the window's thread."""

    def cut_network(self) -> None:
        """Connections to the server are refused from now on."""

    def restore_network(self) -> None:
        """The server answers again (with what it held when the network was cut)."""

    def set_fault(self, fault: Fault) -> None:
        """Every redemption fails that way from now on (``"none"``: none does)."""

    def reset_shop(self) -> None:
        """The shop's demo data afresh: members, stamps, vouchers; no faults."""


def fault_choices() -> tuple[tuple[Fault, str], ...]:
    """The server's behaviours the demo can choose, each with its words (the cashier's Demo
    menu and the kiosk's demo panel offer the same)."""
    return (
        ("none", QCoreApplication.translate("DemoMenu", "Server works normally")),
        (
            "server_errors",
            QCoreApplication.translate("DemoMenu", "Server errors (5xx) on redemptions"),
        ),
        ("timeouts", QCoreApplication.translate("DemoMenu", "Redemptions time out")),
        (
            "applied_then_500",
            QCoreApplication.translate("DemoMenu", "Applied, then answered 500"),
        ),
        (
            "turned_away",
            QCoreApplication.translate(
                "DemoMenu", "Server asks to send again (408, 429) on redemptions"
            ),
        ),
        (
            "redirected",
            QCoreApplication.translate(
                "DemoMenu", "Redemptions redirected to a sign-in page (302)"
            ),
        ),
    )


def network_done(cut: bool) -> str:
    """What cutting or restoring the demo's network did, in a line."""
    if cut:
        return QCoreApplication.translate("DemoMenu", "Network cut: the server refuses.")
    return QCoreApplication.translate("DemoMenu", "Network restored.")


class Tickable(Protocol):
    """A menu action or a button that stays checked: what the driver sets back on a reset."""

    def setChecked(self, checked: bool, /) -> None: ...

    def blockSignals(self, blocked: bool, /) -> bool: ...


class DemoDriver:
    """What the cashier's Demo menu and the kiosk demo's panel do with the sandbox's
    ``controls``: each call off the window's thread (a server stops or starts), the controls
    ``busy`` meanwhile, then ``say`` what it did. ``cut`` and ``no_fault`` are the controls to
    set back when the shop is reset."""

    def __init__(
        self,
        controls: DemoControls,
        *,
        cut: Tickable,
        no_fault: Tickable,
        busy: Callable[[bool], None],
        say: Callable[[str], None],
    ) -> None:
        self.controls = controls
        self.cut = cut
        self.no_fault = no_fault
        self.busy = busy
        self.say = say
        #: What the last control did, in the language installed when it is called: the
        #: kiosk's panel says it again when the customer picks another language.
        self.last_done: Callable[[], str] | None = None

    def network(self, cut: bool) -> None:
        work = self.controls.cut_network if cut else self.controls.restore_network
        self._run(work, lambda: network_done(cut))

    def fault(self, fault: Fault) -> None:
        self._run(
            lambda: self.controls.set_fault(fault),
            lambda: QCoreApplication.translate("DemoMenu", "Server behaviour changed."),
        )

    def reset(self) -> None:
        self.no_fault.setChecked(True)
        # The shop's reset brings the network back itself: "Cut the network" stayed ticked.
        # Unticked quietly, or it would ask for a restore of its own.
        self.cut.blockSignals(True)
        self.cut.setChecked(False)
        self.cut.blockSignals(False)
        self._run(
            self.controls.reset_shop,
            lambda: QCoreApplication.translate("DemoMenu", "The shop is reset."),
        )

    def _run(self, work: Callable[[], None], done: Callable[[], str]) -> None:
        async def run() -> None:
            self.busy(True)
            try:
                await asyncio.to_thread(work)
            finally:
                self.busy(False)
            self.last_done = done
            self.say(done())

        spawn(run(), name="demo control")


class DemoMenu:
    """The "Demo" menu of the cashier window; what each action did shows in the sync bar.

    ``exceptions_stay`` (``demo --exceptions``: the till trusts no idempotency key) is said in
    the window's title and atop the menu: the failures the menu makes are then left for a
    manager to clear, where the plain demo's till sends them again until they are confirmed.
    """

    def __init__(
        self, view: CashierWindowView, controls: DemoControls, *, exceptions_stay: bool = False
    ) -> None:
        self.view = view
        self.controls = controls
        # Not a QObject, so no tr(): its words are looked up in a context of their own.
        menu = view.menuBar().addMenu(QCoreApplication.translate("DemoMenu", "&Demo"))
        self.menu = menu
        if exceptions_stay:
            # Qt adds " — Stamps POS" (the application's name) to a title that is not it.
            view.setWindowTitle(
                QCoreApplication.translate(
                    "DemoMenu", "Demo: failures stay exceptions for a manager"
                )
            )
            # A line to read, not a choice: a disabled action was drawn in the menu's own
            # colour and font, like the items below it, and a person tried to pick it. A label
            # in the till's muted words is never highlighted; disabled, neither a click nor the
            # arrows land on it.
            line = QLabel(
                QCoreApplication.translate(
                    "DemoMenu", "Failures stay exceptions: F8, then Exceptions"
                )
            )
            line.setProperty("role", "muted")
            line.setStyleSheet("font-style: italic; padding: 6px 12px;")
            said = QWidgetAction(view)
            said.setDefaultWidget(line)
            said.setEnabled(False)
            menu.addAction(said)
            menu.addSeparator()
        self.cut = QAction(QCoreApplication.translate("DemoMenu", "Cut the network"), view)
        self.cut.setCheckable(True)
        menu.addAction(self.cut)
        menu.addSeparator()
        self.faults = QActionGroup(view)
        self.fault_actions: dict[Fault, QAction] = {}
        choices = fault_choices()
        for fault, text in choices:
            action = QAction(text, view)
            action.setCheckable(True)
            action.setChecked(fault == "none")
            self.faults.addAction(action)
            menu.addAction(action)
            self.fault_actions[fault] = action
        menu.addSeparator()
        self.reset = QAction(QCoreApplication.translate("DemoMenu", "Reset the shop"), view)
        menu.addAction(self.reset)
        self.driver = DemoDriver(
            controls,
            cut=self.cut,
            no_fault=self.fault_actions["none"],
            busy=lambda busy: menu.setEnabled(not busy),
            say=view.status.show_note,
        )
        self.cut.toggled.connect(self.driver.network)
        for fault, action in self.fault_actions.items():
            action.triggered.connect(lambda _checked=False, f=fault: self.driver.fault(f))
        self.reset.triggered.connect(self.driver.reset)
