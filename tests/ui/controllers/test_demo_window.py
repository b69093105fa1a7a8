"""The demo's window says which till it runs: one that trusts no idempotency key
(``demo --exceptions``) leaves the Demo menu's failures for a manager, and its title says so."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from app.config import Settings
from app.core.services.till import Till
from app.ui.cashier_window import CashierWindow
from app.ui.controllers import tasks
from app.ui.main_window import CashierWindowView

from ..test_demo_menu import FakeShop
from .conftest import WAIT_MS


@pytest.mark.parametrize(
    ("idempotency", "title"),
    [
        ("unknown", "Demo: failures stay exceptions for a manager"),
        ("honoured", "Stamps POS"),
    ],
)
def test_the_demo_window_says_when_failures_stay_exceptions(
    qtbot: QtBot,
    open_running_till: Callable[..., Till],
    till_settings: Settings,
    idempotency: str,
    title: str,
) -> None:
    till = open_running_till(till_settings.model_copy(update={"idempotency": idempotency}))
    view = CashierWindowView()
    window = CashierWindow(view, till, use_printer=False, demo=FakeShop())

    def before_close(_view: object) -> None:
        qtbot.waitUntil(lambda: not tasks._running, timeout=WAIT_MS)
        window.close()

    qtbot.addWidget(view, before_close_func=before_close)
    qtbot.waitUntil(lambda: window.is_ready, timeout=WAIT_MS)
    assert view.windowTitle() == title
