"""Fixtures for the UI tests (run with ``QT_QPA_PLATFORM=offscreen``).

- One QApplication for the whole session: pytest-qt's ``qapp``, themed once with ``till.qss`` by
  the autouse ``till_app`` fixture, so colours seen in a test are the ones a cashier sees; in
  English (``language="en"``: the words the tests read, dates as ``en_ID`` writes them) unless
  a test installs another language (``in_language`` in tests/ui/test_every_word_translated.py).
- Every widget a test makes goes through ``qtbot.addWidget`` (the ``add`` helper fixtures below
  do it), so pytest-qt closes it at teardown.
- Waits are ``qtbot.waitSignal`` / ``qtbot.waitUntil``; nothing sleeps.

Two ways to run asyncio code, because pytest-qt starts no asyncio loop:

``qasync_loop`` (a fixture, for plain ``def`` tests)
    Registers a qasync loop as *the running loop* while Qt's event loop is driven by pytest-qt.
    A button wired to an ``@asyncSlot`` can then be clicked with ``qtbot.mouseClick`` and its
    task runs whenever Qt processes events, i.e. inside ``qtbot.waitUntil``/``waitSignal``::

        def test_lookup(qtbot, qasync_loop):
            qtbot.mouseClick(view.search_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: view.member_card.name_text() == "Budi")

    Tasks still pending at teardown are cancelled.

``async def`` tests under ``tests/ui/``
    pytest-asyncio runs them on the window's own qasync loop (``app.ui.loop.GuiLoop``; the
    ``pytest_asyncio_loop_factories`` hook below), so an awaited coroutine and Qt signals share
    one loop, as in the app::

        async def test_flow(qtbot):
            view.submit()
            await asyncio.wait_for(result_shown.wait(), 5)

    Do not use ``qtbot.wait*`` inside an ``async def`` test: it would nest a Qt loop inside the
    running one; await instead.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pytest

# pytest-qt (qt_api = pyside6) has imported PySide6 before this file, and qasync (imported by
# app.ui.loop) takes the binding already imported; the app itself sets QT_API in app/ui/__init__.py.
import shiboken6
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.ui.app import create_application
from app.ui.loop import GuiLoop

from ..support.languages import LANGUAGES, speaking

W = TypeVar("W", bound=QWidget)


@pytest.fixture(scope="session", autouse=True)
def till_app(qapp: QApplication) -> QApplication:
    """The session's QApplication with the till's name, icon and style sheet, in English."""
    return create_application(language="en")


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """A test that takes it runs once in each of the window's languages (English back after)."""
    with speaking(request.param):
        yield request.param


def pytest_asyncio_loop_factories(config: pytest.Config, item: pytest.Item) -> dict[str, Any]:
    """``async def`` tests in tests/ui run on a qasync loop over the session's QApplication."""

    def qasync_loop_factory() -> asyncio.AbstractEventLoop:
        app = QApplication.instance()
        assert isinstance(app, QApplication), "the till_app fixture makes the QApplication first"
        return GuiLoop(app)  # the window's own

    return {"qasync": qasync_loop_factory}


@pytest.fixture
def qasync_loop(qapp: QApplication, qtbot: QtBot) -> Iterator[asyncio.AbstractEventLoop]:
    """A qasync loop registered as running while pytest-qt drives Qt (see the module doc)."""
    loop = GuiLoop(qapp, already_running=True)
    try:
        yield loop
    finally:
        pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
        for task in pending:
            task.cancel()
        if pending:
            qtbot.waitUntil(lambda: all(task.done() for task in pending), timeout=5000)
        # Undo what already_running=True did, without loop.stop(): that calls
        # QApplication.exit(), which would make every later Qt event loop in the session return
        # at once. The running flag is qasync's private name (qasync is pinned to 0.28).
        qapp.aboutToQuit.disconnect(loop._after_run_forever)
        asyncio.events._set_running_loop(None)
        loop._QEventLoop__is_running = False  # type: ignore[attr-defined]
        loop.close()
        # Delete the loop's Qt objects now, on this thread. Left to Python's cyclic GC they can be
        # freed on whichever thread happens to collect (a database writer, the sandbox's), where
        # Qt cannot unregister their timers, and a later timer event lands on freed memory.
        shiboken6.delete(loop._timer)
        shiboken6.delete(loop._QEventLoop__call_soon_signaller)  # type: ignore[attr-defined]


@pytest.fixture
def add(qtbot: QtBot) -> Callable[[W], W]:
    """``add(widget)``: register a widget with qtbot (closed at teardown) and return it."""

    def register(widget: W) -> W:
        qtbot.addWidget(widget)
        return widget

    return register


@pytest.fixture
def shown(qtbot: QtBot) -> Callable[[W], W]:
    """``shown(widget)``: register, show and activate a widget, and wait until it has focus
    rights (function keys and focus tests need an active window)."""

    def show(widget: W) -> W:
        qtbot.addWidget(widget)
        widget.show()
        widget.activateWindow()
        qtbot.waitExposed(widget)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window())
        return widget

    return show


# --- a till against a live sandbox, for whole flows through the window -----------------------

from ..support.network import network, network_settings  # noqa: E402
from ..support.sandbox import (  # noqa: E402  (fixtures, re-exported for tests/ui)
    SandboxControl,
    _control_client,
    live_sandbox,
    sandbox,
    till_settings,
)

__all__ = [
    "SandboxControl",
    "_control_client",
    "live_sandbox",
    "network",
    "network_settings",
    "sandbox",
    "till_settings",
]
