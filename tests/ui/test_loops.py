"""The two ways UI tests run asyncio code (see tests/ui/conftest.py)."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from qasync import asyncSlot

from app.ui.loop import GuiLoop


class Lookup(QObject):
    """A controller-like object: a button starts I/O, a signal reports it."""

    found = Signal(str)

    @asyncSlot()
    async def run(self) -> None:
        await asyncio.sleep(0.01)
        self.found.emit("Budi")


async def test_async_tests_run_on_a_qasync_loop():
    loop = asyncio.get_running_loop()
    assert isinstance(loop, GuiLoop)  # the window's own, a qasync loop

    # Qt timers and asyncio futures move together on it.
    fired = asyncio.Event()
    QTimer.singleShot(0, fired.set)
    await asyncio.wait_for(fired.wait(), 5)


async def test_a_click_on_an_async_slot_in_an_async_test(qtbot: QtBot):
    button = QPushButton("Find")
    qtbot.addWidget(button)
    lookup = Lookup()
    button.clicked.connect(lookup.run)
    names: asyncio.Queue[str] = asyncio.Queue()
    lookup.found.connect(names.put_nowait)

    button.click()

    assert await asyncio.wait_for(names.get(), 5) == "Budi"


def test_the_qasync_loop_fixture_runs_async_slots_in_a_plain_test(qtbot: QtBot, qasync_loop):
    button = QPushButton("Find")
    qtbot.addWidget(button)
    lookup = Lookup()
    button.clicked.connect(lookup.run)

    with qtbot.waitSignal(lookup.found) as found:
        button.click()

    assert found.args == ["Budi"]


def test_a_later_plain_test_still_gets_qt_event_loops(qtbot: QtBot):
    # The fixture's teardown must not leave Qt believing the application quit: a quitting
    # application makes every later event loop (every waitSignal) return at once.
    timer = QTimer()
    timer.setSingleShot(True)
    with qtbot.waitSignal(timer.timeout) as blocker:
        timer.start(20)
    assert blocker.signal_triggered
