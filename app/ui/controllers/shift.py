"""The shift: signing in, the summary and its CSV when it closes, and the customer's slip."""

from __future__ import annotations

import asyncio
import csv
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog

from app.core import clock
from app.core.domain import OperationKind
from app.core.services.receipts import Verdict, verdict_of
from app.core.storage.tables import OutboxEntry
from app.ui.controllers.redemption import RedemptionController
from app.ui.controllers.session import CashierSession
from app.ui.controllers.tasks import spawn
from app.ui.main_window import CashierWindowView
from app.ui.slip import SlipData, print_slip
from app.ui.viewmodels import ShiftSummaryData
from app.ui.widgets.member_card import local_time_text

DEFAULT_CASHIERS = ("Dewi", "Rina", "Agus", "Manager")
CSV_COLUMNS = (
    "created",
    "entry_id",
    "kind",
    "what",
    "member",
    "status",
    "outcome",
    "stamps",
    "server_redemption_id",
    "cashier",
    "terminal",
)
_VOUCHER_KINDS = (OperationKind.VOUCHER, OperationKind.DEDUCT, OperationKind.CODE)


#: ``ask(window, suggested, chosen)``: ask where to save, and call ``chosen(path)`` once picked.
PathAsker = Callable[[CashierWindowView, Path, Callable[[Path], None]], object]


def ask_csv_path(
    parent: CashierWindowView, suggested: Path, chosen: Callable[[Path], None]
) -> QFileDialog:
    """Ask where to save the shift's CSV with a save dialog opened with ``open()`` (never a
    nested ``exec()``: the loop keeps syncing); a test replaces ``ShiftController.ask_path``."""
    dialog = QFileDialog(
        parent, parent.tr("Export the shift"), str(suggested), parent.tr("CSV files (*.csv)")
    )
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix("csv")
    dialog.fileSelected.connect(lambda name: chosen(Path(name)))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


class ShiftController(QObject):
    """Sign-in, shift summary, CSV export and slip printing.

    ``ask_path(window, suggested, chosen)`` picks the CSV file; ``slip_printed(str)``
    says where a slip went (printer name or PDF path), ``exported(Path)`` where the CSV went.
    """

    summary_shown = Signal(object)
    exported = Signal(object)
    slip_printed = Signal(str)

    def __init__(
        self,
        view: CashierWindowView,
        session: CashierSession,
        redemption: RedemptionController,
        *,
        cashiers: list[str] | None = None,
        use_printer: bool = True,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.session = session
        self.redemption = redemption
        self.use_printer = use_printer
        self.ask_path: PathAsker = ask_csv_path
        self._ended: datetime | None = None

        settings = session.settings
        view.sign_in.set_cashiers(list(cashiers or DEFAULT_CASHIERS))
        view.sign_in.set_store(
            self.tr("Store {store} · till {terminal}").format(
                store=settings.store_code or settings.store, terminal=settings.terminal
            )
        )
        view.sign_in.sign_in_requested.connect(self.sign_in)
        view.close_shift_requested.connect(lambda: spawn(self.show_summary()))
        view.summary.back_requested.connect(view.show_cashier)
        view.summary.export_csv_requested.connect(self.ask_export)
        view.summary.close_shift_confirmed.connect(self.close_shift)
        view.result_panel.print_requested.connect(self.print_slip)

    # -- signing in and out ------------------------------------------------------------------

    def sign_in(self, name: str, _pin: str = "") -> None:
        """Start ``name``'s shift (cashier PINs come with the manager's accounts, later)."""
        self.session.sign_in(name)
        self.redemption.clear_shift()
        self.view.show_cashier()

    def close_shift(self) -> None:
        """End the shift and go back to the sign-in page."""
        self.session.sign_out()
        self.redemption.clear_shift()
        self.view.member_search.clear()
        self.view.invoice_field.clear()
        self.view.show_sign_in()

    # -- the summary -------------------------------------------------------------------------

    async def shift_entries(self) -> list[OutboxEntry]:
        """The redemptions the signed-in cashier made on this till since signing in."""
        started = self.session.shift_started
        cashier = self.session.cashier
        terminal = self.session.settings.terminal
        return [
            entry
            for entry in await self.session.till.outbox.entries()
            if entry.kind != OperationKind.CANCEL
            and entry.cashier == cashier
            and entry.terminal == terminal
            and (started is None or entry.created_at >= started)
        ]

    async def summary(self) -> ShiftSummaryData:
        """The shift's totals as they stand."""
        entries = await self.shift_entries()
        counts = dict.fromkeys(("confirmed", "accepted_offline", "not_confirmed", "refused"), 0)
        stamps = vouchers = promos = 0
        for entry in entries:
            verdict = verdict_of(entry)
            key = {
                Verdict.CONFIRMED: "confirmed",
                Verdict.ACCEPTED_OFFLINE: "accepted_offline",
                Verdict.NOT_CONFIRMED: "not_confirmed",
            }.get(verdict, "refused")
            counts[key] += 1
            if key in ("confirmed", "accepted_offline"):
                stamps += entry.expect_stamps or 0
                vouchers += entry.kind in _VOUCHER_KINDS
                promos += entry.kind == OperationKind.PROMO
        started = self.session.shift_started or clock.now()
        self._ended = clock.now()
        return ShiftSummaryData(
            cashier=self.session.cashier or "",
            started_text=local_time_text(started),
            ended_text=local_time_text(self._ended),
            stamps_redeemed=stamps,
            vouchers_used=vouchers,
            promo_codes_used=promos,
            **counts,
        )

    async def show_summary(self) -> None:
        """Shift → Close shift: show the summary page."""
        if self.session.cashier is None:
            return
        data = await self.summary()
        self.view.summary.set_summary(data)
        self.view.show_summary()
        self.summary_shown.emit(data)

    def ask_export(self) -> None:
        """Export CSV: ask where, then write the shift's redemptions there."""
        cashier = self.session.cashier or "shift"
        day = clock.now().astimezone().strftime("%Y-%m-%d")
        suggested = Path.home() / f"stamps-pos-{cashier}-{day}.csv"

        def chosen(path: Path) -> None:
            spawn(self.export_csv(path), name="export CSV")

        self.ask_path(self.view, suggested, chosen)

    async def export_csv(self, path: Path) -> Path:
        """Write the shift's redemptions to ``path`` as CSV."""
        entries = await self.shift_entries()
        rows = [
            {
                "created": entry.created_at.isoformat(),
                "entry_id": entry.id,
                "kind": entry.kind,
                "what": entry.expect_name or entry.kind,
                "member": entry.user,
                "status": entry.status,
                "outcome": verdict_of(entry).value,
                "stamps": entry.expect_stamps or 0,
                "server_redemption_id": entry.server_redemption_id or "",
                "cashier": entry.cashier,
                "terminal": entry.terminal,
            }
            for entry in entries
        ]

        def write() -> None:
            with path.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
                writer.writeheader()
                writer.writerows(rows)

        await asyncio.to_thread(write)
        self.exported.emit(path)
        return path

    # -- the slip ----------------------------------------------------------------------------

    def print_slip(self) -> None:
        """Print the slip of the result on screen (a PDF in the data folder without a printer)."""
        result = self.view.result_panel.result()
        receipt = self.redemption.last_receipt
        if result is None or result.kind not in ("confirmed", "accepted_offline"):
            return
        member = self.session.member
        settings = self.session.settings
        slip = SlipData(
            store=settings.store_code or str(settings.store),
            cashier=self.session.cashier or "",
            member=member.name if member else "",
            outcome=result.kind,
            when_text=local_time_text(receipt.created_at if receipt else clock.now()),
            lines=(result.headline,),
            redemption_id=result.redemption_id,
            voucher_code=result.voucher_code,
            invoice_number=self.view.invoice_field.text() or None,
        )
        name = receipt.entry_id if receipt else clock.now().strftime("%Y%m%d-%H%M%S")
        where = print_slip(
            slip,
            pdf_path=settings.data_dir / "slips" / f"{name}.pdf",
            use_printer=self.use_printer,
        )
        self.view.statusBar().showMessage(self.tr("Slip sent to {where}").format(where=where), 8000)
        self.slip_printed.emit(where)
