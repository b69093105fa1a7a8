"""The Demo menu (``make demo`` only): each action reaches the demo's controls, off the window's
thread; there is no such menu without them."""

from __future__ import annotations

import asyncio
import threading

from PySide6.QtWidgets import QLabel, QWidgetAction
from pytestqt.qtbot import QtBot

from app.ui.demo import DemoMenu, Fault
from app.ui.main_window import CashierWindowView


class FakeShop:
    """Records what the menu asks, and on which thread."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.threads: set[str] = set()

    def _note(self, call: str) -> None:
        self.calls.append(call)
        self.threads.add(threading.current_thread().name)

    def cut_network(self) -> None:
        self._note("cut")

    def restore_network(self) -> None:
        self._note("restore")

    def set_fault(self, fault: Fault) -> None:
        self._note(f"fault {fault}")

    def reset_shop(self) -> None:
        self._note("reset")


def test_the_demo_menu_drives_the_shop_off_the_windows_thread(
    qtbot: QtBot, qasync_loop: asyncio.AbstractEventLoop
) -> None:
    view = CashierWindowView()
    qtbot.addWidget(view)
    shop = FakeShop()
    menu = DemoMenu(view, shop)
    assert "&Demo" in [action.text() for action in view.menuBar().actions()]

    menu.cut.trigger()
    qtbot.waitUntil(lambda: shop.calls == ["cut"] and menu.menu.isEnabled())
    menu.cut.trigger()
    qtbot.waitUntil(lambda: shop.calls[-1] == "restore" and menu.menu.isEnabled())
    menu.fault_actions["applied_then_500"].trigger()
    qtbot.waitUntil(lambda: shop.calls[-1] == "fault applied_then_500" and menu.menu.isEnabled())
    menu.cut.trigger()
    qtbot.waitUntil(lambda: shop.calls[-1] == "cut" and menu.menu.isEnabled())
    menu.reset.trigger()  # the shop's reset brings the network back, and no fault
    qtbot.waitUntil(lambda: shop.calls[-1] == "reset" and menu.menu.isEnabled())
    assert menu.fault_actions["none"].isChecked()
    assert not menu.cut.isChecked() and shop.calls.count("restore") == 1
    assert threading.main_thread().name not in shop.threads
    assert view.status.note_text() == "The shop is reset."


def test_without_demo_controls_there_is_no_demo_menu(qtbot: QtBot) -> None:
    view = CashierWindowView()
    qtbot.addWidget(view)
    assert "&Demo" not in [action.text() for action in view.menuBar().actions()]


def test_a_demo_that_leaves_exceptions_says_so_in_its_title_and_menu(qtbot: QtBot) -> None:
    # Started with --exceptions, the demo's failures stay for a manager: the window says so, or
    # a person learning the till wonders why the plain demo's resends no longer happen.
    view = CashierWindowView()
    qtbot.addWidget(view)
    menu = DemoMenu(view, FakeShop(), exceptions_stay=True)
    assert view.windowTitle() == "Demo: failures stay exceptions for a manager"
    said = menu.menu.actions()[0]
    # A line to read, not an item to pick: it looked like one (seen under Xvfb, in the menu's
    # own colour and font). It is a label of the menu's muted words, never highlighted nor
    # picked by a click or the arrows.
    assert isinstance(said, QWidgetAction)
    line = said.defaultWidget()
    assert isinstance(line, QLabel)
    assert line.text() == "Failures stay exceptions: F8, then Exceptions"
    assert line.property("role") == "muted"
    assert not said.isEnabled()


def test_the_plain_demo_keeps_the_windows_title(qtbot: QtBot) -> None:
    view = CashierWindowView()
    qtbot.addWidget(view)
    menu = DemoMenu(view, FakeShop())
    assert view.windowTitle() == "Stamps POS"
    assert menu.menu.actions()[0] is menu.cut
