"""The cashier's window, put together: the view, its controllers, the till they share, and the
process around them (one instance per data folder, the till opened and closed with the loop)."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject
from PySide6.QtWidgets import QApplication, QWidget

from app.config import Settings
from app.core.credentials import Secret
from app.core.services.runtime import RuntimeOptions, open_till
from app.core.services.till import Till
from app.ui.controllers.member import MemberController
from app.ui.controllers.promo import PromoController
from app.ui.controllers.redemption import RedemptionController
from app.ui.controllers.rewards import RewardsController
from app.ui.controllers.session import CashierSession
from app.ui.controllers.shift import ShiftController
from app.ui.controllers.status import StatusController
from app.ui.controllers.vouchers import VouchersController
from app.ui.main_window import CashierWindowView
from app.ui.widgets.scanner_filter import ScannerFilter

LOCK_NAME = "gui.lock"
CASHIERS_FILE = "cashiers.txt"


def cashier_names(folder: Path) -> list[str] | None:
    """The store's cashiers, one name a line, from ``cashiers.txt`` in ``folder`` (if any)."""
    path = folder / CASHIERS_FILE
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    names = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return names or None


class CashierWindow(QObject):
    """The controllers of one :class:`CashierWindowView` over one :class:`Till`."""

    def __init__(
        self,
        view: CashierWindowView,
        till: Till,
        settings: Settings,
        *,
        cashiers: list[str] | None = None,
        use_printer: bool = True,
        scanner: ScannerFilter | None = None,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.session = CashierSession(till, settings, self)
        self.redemption = RedemptionController(view, self.session)
        self.vouchers = VouchersController(view, self.session, self.redemption)
        self.member = MemberController(view, self.session, unmatched_scan=self.vouchers.use_code)
        self.rewards = RewardsController(view, self.session, self.redemption)
        self.promo = PromoController(view, self.session, self.redemption)
        self.status = StatusController(view, self.session)
        self.shift = ShiftController(
            view, self.session, self.redemption, cashiers=cashiers, use_printer=use_printer
        )
        self.scanner = scanner
        if scanner is not None:
            scanner.scanned.connect(self.scanned)

    def scanned(self, code: str) -> None:
        """A scan, wherever focus was: into the invoice field when the cursor is there, else a
        member identifier first and a voucher code second (DESIGN.md §5)."""
        view = self.view
        if view.pages.currentWidget() is not view.cashier_page:
            return
        if self.redemption.pin_dialog is not None:
            return
        focus = QApplication.focusWidget()
        if focus is view.invoice_field.field:
            view.invoice_field.set_text(code)
        elif focus is view.promo_panel.code_field:
            view.promo_panel.code_field.setText(code)
            view.promo_panel.submit()
        elif focus is view.voucher_panel.code_field and self.session.member is not None:
            self.vouchers.use_code(code)
        else:
            self.member.scanned(code)

    def close(self) -> None:
        """Stop listening to the till (before it closes)."""
        self.status.close()
        self.redemption.close()
        if self.scanner is not None:
            self.scanner.scanned.disconnect(self.scanned)


class SecondInstance(Exception):
    """Another window already runs on this data folder."""


@contextlib.contextmanager
def single_instance(data_dir: Path) -> Iterator[None]:
    """Hold the GUI's lock in ``data_dir`` for the block; raise :class:`SecondInstance` if
    another process holds it. A lock left by a crashed process is taken over."""
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    lock = QLockFile(str(data_dir / LOCK_NAME))
    lock.setStaleLockTime(0)
    if not lock.tryLock(100):
        raise SecondInstance(
            f"another Stamps POS window is already open on {data_dir}; use that one"
        )
    try:
        yield
    finally:
        lock.unlock()


def freeze_long_lived_objects() -> None:
    """Everything built at start-up lives for the whole shift: move it out of the collector's
    reach. Its full passes walked it all and took ~55 ms on the GUI thread mid-drain (make bench),
    a visible stall; frozen, a few milliseconds."""
    gc.collect()
    gc.freeze()


def run_cashier(
    settings: Settings,
    token: Secret,
    *,
    kiosk: bool = False,
    cashiers: list[str] | None = None,
) -> int:
    """Run the cashier window until it closes; returns the exit code. Raises
    :class:`SecondInstance` when another window holds the data folder."""
    from app.ui.app import run

    stack = contextlib.AsyncExitStack()
    parts: dict[str, CashierWindow] = {}
    scanner = ScannerFilter()

    def window_factory() -> QWidget:
        return CashierWindowView()

    async def startup(window: QWidget) -> None:
        assert isinstance(window, CashierWindowView)
        till = await stack.enter_async_context(
            open_till(settings, token, RuntimeOptions(kiosk=kiosk, start_worker=True))
        )
        scanner.setParent(window)
        scanner.install()
        parts["window"] = CashierWindow(window, till, settings, cashiers=cashiers, scanner=scanner)
        freeze_long_lived_objects()

    async def shutdown() -> None:
        if "window" in parts:
            parts.pop("window").close()
            scanner.remove()
        # The worker stops, then the client and the database close (open_till's own order).
        await stack.aclose()

    with single_instance(settings.data_dir):
        return run(window_factory, startup=startup, shutdown=shutdown)
