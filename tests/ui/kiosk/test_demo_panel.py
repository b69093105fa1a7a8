"""The kiosk demo's panel (``demo --kiosk`` only): the Demo menu's faults, beside a kiosk that
shows no menu bar, off the window's thread, and out of the manager's corner."""

from __future__ import annotations

import asyncio
import threading

import pytest
from PySide6.QtCore import QRect
from pytestqt.qtbot import QtBot

from app.ui.kiosk.boot import demo_panel
from app.ui.kiosk.demo_panel import KioskDemoPanel
from app.ui.kiosk.lockdown import CORNER_PX
from app.ui.kiosk.view import KioskWindowView

from ..test_demo_menu import FakeShop

#: A window kept on top is raised as it shows, which the offscreen platform cannot do.
pytestmark = pytest.mark.qt_log_ignore("does not support raise")


def test_the_panel_cuts_and_restores_the_network_and_makes_the_server_fail(
    qtbot: QtBot, qasync_loop: asyncio.AbstractEventLoop
) -> None:
    shop = FakeShop()
    panel = KioskDemoPanel(shop)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.toggle.isVisible() and not panel.cut.isVisible()  # folded: one button
    panel.toggle.click()
    assert panel.cut.isVisible() and panel.reset.isVisible()

    panel.cut.click()
    qtbot.waitUntil(lambda: shop.calls == ["cut"] and panel.body.isEnabled())
    assert panel.done.text() == "Network cut: the server refuses."
    panel.cut.click()
    qtbot.waitUntil(lambda: shop.calls[-1] == "restore" and panel.body.isEnabled())
    assert panel.done.text() == "Network restored."
    panel.fault_buttons["server_errors"].click()
    qtbot.waitUntil(lambda: shop.calls[-1] == "fault server_errors" and panel.body.isEnabled())
    panel.cut.click()
    qtbot.waitUntil(lambda: shop.calls[-1] == "cut" and panel.body.isEnabled())
    panel.reset.click()  # the shop's reset brings the network back, and no fault
    qtbot.waitUntil(lambda: shop.calls[-1] == "reset" and panel.body.isEnabled())
    assert shop.calls.count("restore") == 1
    assert not panel.cut.isChecked() and panel.fault_buttons["none"].isChecked()
    assert threading.main_thread().name not in shop.threads


def test_the_panel_sits_in_the_kiosk_s_top_right_corner_clear_of_the_way_out(
    qtbot: QtBot, qasync_loop: asyncio.AbstractEventLoop
) -> None:
    view = KioskWindowView(["en", "id"])
    qtbot.addWidget(view)
    view.setGeometry(QRect(0, 0, 1366, 768))
    panel = demo_panel(view, FakeShop())
    qtbot.addWidget(panel)
    for unfolded in (False, True):
        panel.toggle.setChecked(unfolded)
        frame = panel.geometry()
        assert QRect(0, 0, 1366, 768).contains(frame)
        assert frame.right() >= 1366 - 20 and frame.top() <= 20
        assert not frame.intersects(QRect(0, 0, CORNER_PX, CORNER_PX))
