"""The shift: signing in, the summary and its CSV when it closes, and the customer's slip.

The shift lives in the till's database (its redemptions and refusals), so what the summary says
is the same after a restart as before it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog

from app.core.services import (
    SLIPS_FOLDER,
    AccountExists,
    Role,
    Secret,
    ShiftSummary,
    StaffRefused,
    StorageProblem,
    Verdict,
    clock,
    format_rupiah,
    recorded_what,
)
from app.ui.controllers.csv_path import ask_save_path, export_folder, write_csv
from app.ui.controllers.redemption import RedemptionController
from app.ui.controllers.session import CashierSession
from app.ui.controllers.storage import at_sign_in
from app.ui.controllers.tasks import spawn
from app.ui.dates import full_moment_text, time_text
from app.ui.main_window import CashierWindowView
from app.ui.options import StaffSeed
from app.ui.slip import SlipData, print_slip
from app.ui.viewmodels import OutcomeKind, RefusalRowData, ShiftSummaryData
from app.ui.widgets.member_card import local_time_text
from app.ui.wording import words

if TYPE_CHECKING:
    from app.ui.shift_summary import ShiftSummaryView

log = logging.getLogger(__name__)

#: While the sign-in page shows, how often its list of cashiers is read again. A cashier added
#: from the command line (``stamps-pos cashier add``) or by another till on the same data stayed
#: out of it until a manager went through manager mode and back, or the till restarted: seen
#: under Xvfb, the page said "No cashier accounts yet" of a till that had one.
ACCOUNTS_REREAD_MS = 10_000

#: Who the one-time import of ``cashiers.txt`` is audited as.
CASHIERS_FILE = "cashiers.txt"


#: ``ask(window, suggested, chosen)``: ask where to save, and call ``chosen(path)`` once picked.
PathAsker = Callable[[CashierWindowView, Path, Callable[[Path], None]], object]


def ask_csv_path(
    parent: CashierWindowView, suggested: Path, chosen: Callable[[Path], None]
) -> QFileDialog:
    """Ask where to save the shift's CSV (a test replaces ``ShiftController.ask_path``)."""
    return ask_save_path(
        parent, QCoreApplication.translate("ShiftController", "Export the shift"), suggested, chosen
    )


def summary_data(summary: ShiftSummary) -> ShiftSummaryData:
    """A shift's summary as the summary page shows it."""
    shift = summary.shift
    ended = shift.closed_at or clock.now()
    return ShiftSummaryData(
        cashier=shift.cashier,
        started_text=local_time_text(shift.opened_at),
        ended_text=local_time_text(ended),
        confirmed=summary.count(Verdict.CONFIRMED),
        accepted_offline=summary.count(Verdict.ACCEPTED_OFFLINE),
        not_confirmed=summary.count(Verdict.NOT_CONFIRMED),
        refused=summary.count(Verdict.REFUSED),
        not_redeemed=summary.count(Verdict.NOT_REDEEMED),
        cancelled=summary.count(Verdict.CANCELLED),
        expired=summary.count(Verdict.EXPIRED),
        closed=summary.count(Verdict.CLOSED),
        stamps_redeemed=summary.stamps_redeemed,
        rupiah_text=format_rupiah(summary.rupiah_redeemed),
        vouchers_used=summary.vouchers_used,
        promo_codes_used=summary.promo_codes_used,
        refusals=tuple(
            RefusalRowData(
                time_text=time_text(row.time),
                member=row.member,
                what=words(recorded_what(row.what)),
                reason=words(row.reason) if row.reason else "",
            )
            for row in summary.refusals
        ),
    )


class ShiftController(QObject):
    """Sign-in, shift summary, CSV export and slip printing.

    Cashiers sign in against their accounts (their PIN checked, a lockout said in words);
    ``cashiers`` (the names of ``cashiers.txt``) are imported as accounts once, and ``seed``
    plants the demo's accounts on a database without a manager.

    ``ask_path(window, suggested, chosen)`` picks the CSV file; ``signed_in(str)`` once a shift
    is open; ``sign_in_refused(str)`` with the reason shown; ``summary_shown(ShiftSummaryData)``;
    ``slip_printed(str)`` says where a slip went (printer name or PDF path), ``exported(Path)``
    where the CSV went; ``accounts_loaded()`` once the sign-in list is read.
    """

    signed_in = Signal(str)
    sign_in_refused = Signal(str)
    accounts_loaded = Signal()
    summary_shown = Signal(object)
    exported = Signal(object)
    slip_printed = Signal(str)

    def __init__(
        self,
        view: CashierWindowView,
        session: CashierSession,
        redemption: RedemptionController,
        *,
        cashiers: dict[int, str] | None = None,
        use_printer: bool = True,
        seed: StaffSeed | None = None,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.session = session
        self.redemption = redemption
        self.use_printer = use_printer
        self.ask_path: PathAsker = ask_csv_path
        self.summary: ShiftSummary | None = None

        config = session.till.config
        view.sign_in.set_store(
            self.tr("Store {store} · till {terminal}").format(
                store=config.store_code or config.store, terminal=config.terminal
            )
        )
        view.sign_in.sign_in_requested.connect(self.sign_in)
        view.close_shift_requested.connect(lambda: spawn(self.show_summary()))
        self._summary_wired = False
        self._active: frozenset[str] | None = None  # the active cashiers, casefolded, once read
        view.result_panel.print_requested.connect(self.print_slip)
        self.prepared = spawn(self._prepare(cashiers, seed), name="accounts")
        self._rereading = False
        self._reread = QTimer(self)
        self._reread.setInterval(ACCOUNTS_REREAD_MS)
        self._reread.timeout.connect(self._reread_if_shown)
        self._reread.start()

    def close(self) -> None:
        """Stop reading the accounts again (the window is closing)."""
        self._reread.stop()

    # -- the accounts ------------------------------------------------------------------------

    async def _prepare(self, cashiers: dict[int, str] | None, seed: StaffSeed | None) -> None:
        staff = self.session.till.staff
        try:
            if seed is not None and not await staff.has_manager():
                await staff.add_first_manager(seed.manager, seed.manager_pin)
                for name, pin in seed.cashiers:
                    with contextlib.suppress(AccountExists):
                        await staff.add(seed.manager, Role.CASHIER, name, pin)
            if cashiers:
                # The file seeds the accounts once; after that the accounts are the source.
                result = await staff.import_cashiers(cashiers, who=CASHIERS_FILE, once=True)
                # The audit counts them; which, and why, is for whoever puts the file right. A
                # refused line is named by its number: its text failed the rules that make a
                # name safe to show (a NUL, a right-to-left override, 10,000 characters).
                for what, why in result.skipped:
                    log.warning("%s %s not imported: %s", CASHIERS_FILE, what, why)
        except StorageProblem:
            pass  # the storage banner says the disk refuses; the accounts already there work
        await self.reload_accounts()
        await self._offer_open_shift()

    async def reload_accounts(self) -> None:
        """Read the sign-in list again (a manager added, renamed or disabled a cashier)."""
        accounts = await self.session.till.staff.accounts(Role.CASHIER)
        active = [a for a in accounts if a.active]
        self._active = frozenset(a.name.casefold() for a in active)
        self.view.sign_in.set_accounts([(a.name, a.has_pin) for a in active])
        self.accounts_loaded.emit()

    def _reread_if_shown(self) -> None:
        # Only for the page that lists them, and one read at a time; the list is left as it is
        # when nothing changed (SignInPage.set_accounts), so a name picked or a PIN being
        # typed stays where it is.
        if self._rereading or not self.prepared.done():
            return
        if self.view.pages.currentWidget() is not self.view.sign_in:
            return
        self._rereading = True
        spawn(self._reread_accounts(), name="accounts again")

    async def _reread_accounts(self) -> None:
        try:
            await self.reload_accounts()
        except StorageProblem:
            pass  # the storage banner says the disk refuses; the list stays as it was
        finally:
            self._rereading = False

    async def after_manager_mode(self) -> None:
        """Manager mode ended: the sign-in list read again, then :meth:`end_if_disabled`. An
        account added, disabled or given a PIN from the command line (``stamps-pos cashier``)
        or another till on the same data is in the list by then: a new till's cashiers added
        so stayed out of it, its "No cashier accounts yet" sending the manager to manager mode
        and back for nothing, until a restart."""
        await self.reload_accounts()
        await self.end_if_disabled()

    async def end_if_disabled(self) -> None:
        """Manager mode ended: if it disabled the cashier signed in, their shift closed with
        their account, and the till goes back to the sign-in page. Left on the cashier's page,
        Dewi went on redeeming into a shift she could not sign in to again. Renamed, her name is
        gone from the list too, but her shift is open under the new one: she carries on (closed,
        it was left to nobody and she was sent to the sign-in page)."""
        cashier = self.session.cashier
        if cashier is None or self._active is None or cashier.casefold() in self._active:
            return
        if await self.session.follow_rename():
            self.view.sign_in.renamed(cashier, self.session.cashier or cashier)
            return
        await self.close_shift()

    # -- signing in and out ------------------------------------------------------------------

    def sign_in(self, name: str, pin: str = "") -> None:
        """Check ``name``'s PIN against their account and start (or carry on) their shift."""
        secret = Secret(pin) if pin else None
        del pin
        spawn(self._sign_in(name, secret), name="sign in")

    async def _sign_in(self, name: str, pin: Secret | None) -> None:
        await asyncio.shield(self.prepared)
        try:
            account = await self.session.till.staff.sign_in(Role.CASHIER, name, pin)
        except StaffRefused as exc:
            reason = words(exc.said)
            self.view.sign_in.show_error(reason)
            # The list may be older than the account: a PIN given, the account disabled, from
            # the command line or another till on the same data. Read as it is, the page shows
            # the PIN field the refusal asks for (it said "type it" with no field to type in).
            await self.reload_accounts()
            self.sign_in_refused.emit(reason)
            return
        finally:
            del pin
        carrying_on = self.session.cashier == account.name
        try:
            shift = await self.session.sign_in(account.name)
        except StorageProblem as problem:
            # The shift is written: on a full disk the page stayed as it was, without a word.
            reason = at_sign_in(problem)
            self.view.sign_in.show_error(reason)
            self.sign_in_refused.emit(reason)
            return
        if not carrying_on:
            self.redemption.clear_shift()
            # A shift left open before a restart comes back with what it did (none: a new one).
            await self.redemption.take_up_shift(shift.id)
        self.view.sign_in.set_locked(None)
        self.view.sign_in.set_note("")
        self.view.show_cashier()
        self.signed_in.emit(account.name)

    async def _offer_open_shift(self, *, pick: bool = True) -> None:
        # After a restart, or a shift closed while a colleague's stays open: whose shift is
        # still open, so they pick up where they were.
        shifts = await self.session.till.shift_record.open_shifts()
        self.view.sign_in.set_open_shifts(s.cashier for s in shifts)
        self.view.sign_in.set_note("")
        if not shifts:
            return
        last = shifts[-1]
        if pick:
            self.view.sign_in.select_cashier(last.cashier)
        if len(shifts) == 1:
            note = self.tr(
                "{cashier}'s shift is still open since {time}: signing in continues it."
            ).format(cashier=last.cashier, time=local_time_text(last.opened_at))
        else:
            # Every one, not the last alone: with Dewi's and Rina's open, the page named Rina's
            # and Dewi, back from her break, read that signing in continued someone else's.
            each = self.tr("{cashier}'s since {time}")
            note = self.tr(
                "Shifts still open on this till: {shifts}. Signing in as one of them continues "
                "theirs."
            ).format(
                shifts=", ".join(
                    each.format(cashier=s.cashier, time=local_time_text(s.opened_at))
                    for s in shifts
                )
            )
        self.view.sign_in.set_note(note)

    async def close_shift(self) -> None:
        """End the shift and go back to the sign-in page."""
        closing = self.session.cashier
        await self.session.sign_out()
        self.redemption.clear_shift()
        self.view.member_search.clear()
        self.view.invoice_field.clear()
        if closing is not None:
            self.view.sign_in.shift_closed(closing)
        self.view.show_sign_in()
        # A colleague's shift left open (Dewi on her break) is said, as after a restart.
        await self._offer_open_shift(pick=False)

    # -- the summary -------------------------------------------------------------------------

    def _summary_page(self) -> ShiftSummaryView:
        # The page is built when a shift first closes, not at the window's start: wired then.
        page = self.view.summary
        if not self._summary_wired:
            page.back_requested.connect(self.view.show_cashier)
            page.export_csv_requested.connect(self.ask_export)
            page.close_shift_confirmed.connect(lambda: spawn(self.close_shift()))
            self._summary_wired = True
        return page

    async def show_summary(self) -> None:
        """Shift → Close shift: show the summary page, from the cashier's own page only."""
        shift = self.session.shift
        if shift is None or not self.view.is_showing_shift():
            # At the lock the shift is the cashier who stepped away's: its summary, with its
            # members' names, led whoever stood there on to their page by "Back to the till",
            # signed in as them. From manager mode it is no manager's to close either.
            return
        asked_on = self.view.pages.currentWidget()
        summary = await self.session.till.shift_record.shift_summary(shift.id)
        now = self.session.shift
        if self.view.pages.currentWidget() is not asked_on or now is None or now.id != shift.id:
            # The read was slow and the till moved on (it locked, or another cashier signed in):
            # the summary, its members' names and its Close shift button, is no longer the
            # cashier's to see here.
            return
        self.summary = summary
        data = summary_data(summary)
        self._summary_page().set_summary(data)
        self.view.show_summary()
        self.summary_shown.emit(data)

    async def follow_summary(self) -> None:
        """The till changed while the shift's summary is up: its counts read again. It stayed
        as it was read: "NOT CONFIRMED 1: a manager must check them before the day closes"
        over a redemption the status bar and the shift's list said was confirmed by then."""
        shown, shift = self.summary, self.session.shift
        if shown is None or shift is None or shown.shift.id != shift.id:
            return
        page = self.view.summary
        if self.view.pages.currentWidget() is not page:
            return
        summary = await self.session.till.shift_record.shift_summary(shift.id)
        now = self.session.shift
        if self.view.pages.currentWidget() is not page or now is None or now.id != shift.id:
            return  # the shift closed, or the page went, while it was read
        self.summary = summary
        page.set_summary(summary_data(summary))

    def ask_export(self) -> None:
        """Export CSV: ask where, then write the shift's redemptions and refusals there."""
        cashier = self.session.cashier or "shift"
        day = clock.now().astimezone().strftime("%Y-%m-%d")
        suggested = export_folder.suggest(f"stamps-pos-{cashier}-{day}.csv")

        def chosen(path: Path) -> None:
            spawn(self.export_csv(path), name="export CSV")

        self.ask_path(self.view, suggested, chosen)

    async def export_csv(self, path: Path) -> Path | None:
        """Write the shift's CSV to ``path`` (``None``, and the status bar says why, when it
        could not be written there)."""
        shift = self.session.shift
        if shift is None:
            raise RuntimeError("no shift is open")
        till = self.session.till
        if not await write_csv(
            self.view.status, path, lambda: till.shift_record.export_shift(shift.id, path)
        ):
            return None
        # As the day's and the audit log's exports say: the save dialog closed, and nothing on
        # the summary told the cashier the CSV was written, nor where.
        self.view.status.show_note(self.tr("Written to {path}").format(path=path), 8000)
        self.exported.emit(path)
        return path

    # -- the slip ----------------------------------------------------------------------------

    def print_slip(self) -> None:
        """Print the slip of the result on screen (a PDF in the data folder without a printer)."""
        result = self.view.result_panel.result()
        receipt = self.redemption.last_receipt
        if result is None or result.kind not in ("confirmed", "accepted_offline"):
            return
        outcome: OutcomeKind = "confirmed" if result.kind == "confirmed" else "accepted_offline"
        member = self.session.member
        config = self.session.till.config
        slip = SlipData(
            store=config.store_code or str(config.store),
            cashier=self.session.cashier or "",
            member=member.name if member else "",
            outcome=outcome,
            when_text=full_moment_text(receipt.created_at if receipt else clock.now()),
            lines=(result.headline,),
            redemption_id=result.redemption_id,
            voucher_code=result.voucher_code,
            invoice_number=self.redemption.on_screen_invoice,
            answered=receipt.answered if receipt else False,
        )
        name = receipt.entry_id if receipt else clock.now().strftime("%Y%m%d-%H%M%S")
        where = print_slip(
            slip,
            pdf_path=config.data_dir / SLIPS_FOLDER / f"{name}.pdf",
            use_printer=self.use_printer,
        )
        self.view.status.show_note(self.tr("Slip sent to {where}").format(where=where), 8000)
        self.slip_printed.emit(where)
