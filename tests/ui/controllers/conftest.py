"""A till against the session's live sandbox, and the real cashier window over it.

Tests here are plain ``def`` tests on the ``qasync_loop`` fixture: the controllers' tasks run
while ``qtbot.waitSignal`` / ``waitUntil`` process events, as they would in the app.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Iterator
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from app.config import Settings
from app.core.clock import ManualClock, installed
from app.core.credentials import Secret
from app.core.services.manager_mode import IDLE_LIMIT
from app.core.services.offer import Offer
from app.core.services.receipts import Receipt
from app.core.services.runtime import RuntimeOptions, open_till
from app.core.services.till import Till
from app.sandbox import DEMO_TOKEN
from app.ui.cashier_window import CashierWindow
from app.ui.controllers import tasks
from app.ui.main_window import CashierWindowView
from app.ui.widgets.scanner_filter import ScannerFilter

from ...support.retries import no_retry_meanwhile
from ...support.sandbox import SandboxControl

__all__ = ["no_retry_meanwhile"]  # a fixture, for the tests here and the kiosk's

# How long a test waits for the window's signal: generous, because the wait ends when the signal
# comes, and on a loaded shared machine a sandbox round trip with its commits can take seconds.
WAIT_MS = 30_000
T = TypeVar("T")


@pytest.fixture
def open_running_till(
    qasync_loop: asyncio.AbstractEventLoop, qtbot: QtBot
) -> Iterator[Callable[..., Till]]:
    """``open_running_till(settings, options=None, token=DEMO_TOKEN)``: a till opened on the
    test's loop, closed at teardown."""
    stops: list[tuple[asyncio.Event, asyncio.Task[None]]] = []

    def opener(
        settings: Settings, options: RuntimeOptions | None = None, token: str = DEMO_TOKEN
    ) -> Till:
        holder: list[Till] = []
        stop = asyncio.Event()

        async def hold() -> None:
            async with open_till(settings.till_config(), Secret(token), options) as till:
                holder.append(till)
                await stop.wait()

        task = qasync_loop.create_task(hold())
        stops.append((stop, task))
        qtbot.waitUntil(lambda: bool(holder) or task.done(), timeout=WAIT_MS)
        if task.done():
            task.result()
        return holder[0]

    yield opener
    # Let the window's own work finish before the till under it closes.
    qtbot.waitUntil(lambda: not tasks._running, timeout=WAIT_MS)
    for stop, task in stops:
        stop.set()
        qtbot.waitUntil(task.done, timeout=WAIT_MS)
        task.result()


@pytest.fixture
def make_cashier(
    qtbot: QtBot, open_running_till: Callable[..., Till]
) -> Callable[..., CashierWindow]:
    """``make_cashier(settings, signed_in="Dewi", options=None, token=DEMO_TOKEN,
    scanner=None)``: the window over a till, shown."""

    def make(
        settings: Settings,
        *,
        signed_in: str | None = "Dewi",
        options: RuntimeOptions | None = None,
        token: str = DEMO_TOKEN,
        scanner: ScannerFilter | None = None,
    ) -> CashierWindow:
        till = open_running_till(settings, options, token)
        view = CashierWindowView()
        window = CashierWindow(
            view, till, cashiers=["Dewi", "Rina"], use_printer=False, scanner=scanner
        )

        def before_close(_view: object) -> None:
            # pytest-qt closes widgets before fixtures end: let the window's work finish first.
            qtbot.waitUntil(lambda: not tasks._running, timeout=WAIT_MS)
            window.close()

        qtbot.addWidget(view, before_close_func=before_close)
        view.show()
        qtbot.waitUntil(lambda: window.is_ready, timeout=WAIT_MS)
        if signed_in:
            with qtbot.waitSignal(window.shift.signed_in, timeout=WAIT_MS):
                window.shift.sign_in(signed_in)
        return window

    return make


@pytest.fixture
def cashier(make_cashier: Callable[..., CashierWindow], till_settings: Settings) -> CashierWindow:
    """The window over a till on the reset sandbox, with Dewi signed in."""
    return make_cashier(till_settings)


def with_formats(window: CashierWindow, settings: Settings, **prefixes: str) -> None:
    """The store's prefix rules set as a manager saves them in Settings (``card_prefixes``,
    ``invoice_prefixes``, ``voucher_prefixes``), in force from the next scan."""
    window.formats_changed(settings.model_copy(update=prefixes))


def find_member(qtbot: QtBot, window: CashierWindow, query: str) -> None:
    """Type ``query`` into member search, press Enter, and wait for the found member's offer.

    The offer waited for is that member's: the last customer's offer can still be reloading
    (their balance moved as a redemption settled) while this one is looked up."""
    field = window.view.member_search.field
    field.clear()
    offers: list[Offer] = []
    keep = offers.append
    window.session.offer_loaded.connect(keep)
    try:
        with qtbot.waitSignal(window.member.lookup_finished, timeout=WAIT_MS) as found:
            qtbot.keyClicks(field, query)
            qtbot.keyClick(field, Qt.Key.Key_Return)
        member = found.args[0]
        assert member is not None, f"no member found for {query!r}"
        qtbot.waitUntil(
            lambda: any(offer.member.server_id == member.server_id for offer in offers),
            timeout=WAIT_MS,
        )
    finally:
        window.session.offer_loaded.disconnect(keep)


def redeem(qtbot: QtBot, window: CashierWindow, action: Callable[[], object]) -> Receipt:
    """Run ``action`` (a click) and wait for the redemption's outcome."""
    with qtbot.waitSignal(window.redemption.receipt_ready, timeout=WAIT_MS) as blocker:
        action()
    receipt = blocker.args[0]
    assert isinstance(receipt, Receipt)
    return receipt


def redeemed_as_the_window_reads(
    qtbot: QtBot, window: CashierWindow, sandbox: SandboxControl, monkeypatch: pytest.MonkeyPatch
) -> asyncio.Event:
    """The first reward of the member on screen redeemed in the order a loaded machine gives:
    the worker has the request at the server (held there) while the window still reads whether
    it waits its turn, which it goes on to do only once the event returned is set."""
    sandbox.faults(held=True, scope="redemptions")
    controller = window.redemption
    reading, go_on = asyncio.Event(), asyncio.Event()
    working_words = controller._working_words

    async def read_slowly(entry_id: str) -> tuple[str, bool]:
        reading.set()
        await go_on.wait()
        return await working_words(entry_id)

    monkeypatch.setattr(controller, "_working_words", read_slowly)
    picker = window.view.reward_picker
    picker.select_reward(1)
    picker.redeem_button.click()
    qtbot.waitUntil(lambda: reading.is_set() and sandbox.holding() > 0, timeout=WAIT_MS)
    return go_on


def run_async(qtbot: QtBot, coro: Coroutine[Any, Any, T]) -> T:
    """Run ``coro`` on the test's loop while Qt processes events; its result."""
    task = asyncio.ensure_future(coro)
    qtbot.waitUntil(task.done, timeout=WAIT_MS)
    return task.result()


def lock_after_idle_time(qtbot: QtBot, window: CashierWindow) -> None:
    """Nobody touches the till for its idle time, on the till's clock: it locks."""
    clock = ManualClock()
    # The clock is put back before the signal is waited for: while the loop runs, the worker
    # must not write an entry at the moved time (the real time after it would read as a clock
    # moved back, and the outbox would trust no idempotency key).
    with qtbot.waitSignal(window.lock.locked, timeout=WAIT_MS), installed(clock):
        window.lock.touch()
        clock.advance(window.lock.minutes * 60 + 1)
        assert window.lock.check()
    assert window.view.pages.currentWidget() is window.view.sign_in


def manager_goes_idle(qtbot: QtBot, cashier: CashierWindow, back_to: QWidget | None = None) -> None:
    """Nobody touches the till for manager mode's idle time, on the till's clock: it ends, and
    the page it replaced (``back_to``, the cashier's unless said) comes back."""
    clock = ManualClock()
    # The clock is put back before the signal is waited for: the worker and the sandbox's
    # round trips run on the real one.
    with qtbot.waitSignal(cashier.mode.left, timeout=WAIT_MS) as left, installed(clock):
        cashier.till.manager.touch()
        clock.advance(IDLE_LIMIT + 1)
        assert cashier.mode.check_idle()
    assert left.args == ["idle"]
    assert cashier.view.pages.currentWidget() is (back_to or cashier.view.cashier_page)


def open_dialogs(window: CashierWindow) -> list[QDialog]:
    """The window's dialogs on screen."""
    return [d for d in window.view.findChildren(QDialog) if d.isVisible()]
