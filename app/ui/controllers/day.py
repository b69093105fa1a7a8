"""Manager mode's end of day: ``till.shift_record.day`` for the day picked (every shift of it,
the refusals made before anything was queued included), shown and exported as CSV."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog

from app.core.services import (
    DayRecord,
    SummaryLine,
    Till,
    format_count,
    format_rupiah,
    local_day,
    standing_name,
)
from app.ui.controllers.changes import TillChanges
from app.ui.controllers.csv_path import PathAsker, ask_save_path, export_folder, write_csv
from app.ui.controllers.manager_mode import ManagerModeController
from app.ui.controllers.manager_words import kind_words
from app.ui.controllers.tasks import LatestOnly, spawn
from app.ui.main_window import CashierWindowView
from app.ui.widgets.member_card import local_time_text
from app.ui.widgets.rows_table import TableRow
from app.ui.wording import words


def standing_words(standing: str) -> str:
    """A summary's standing, as a manager reads it (as ``stamps-pos summary`` says it)."""
    return words(standing_name(standing))


#: Where a line spent no voucher's worth (rewards, promo codes): a reward has no Rupiah value,
#: and "Rp 0" read as vouchers worth nothing.
NO_AMOUNT = "—"


def _amounts(line: SummaryLine) -> tuple[str, str, str]:
    rupiah = format_rupiah(line.rupiah) if line.rupiah else NO_AMOUNT
    return str(line.count), format_count(line.stamps), rupiah


class DayController(QObject):
    """``day_shown(DayRecord)`` after a day is read; ``exported(Path)`` after an export."""

    day_shown = Signal(object)
    exported = Signal(object)

    def __init__(
        self,
        view: CashierWindowView,
        till: Till,
        changes: TillChanges,
        mode: ManagerModeController,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.till = till
        self.mode = mode
        self.page = view.manager.day
        self.ask_path: PathAsker = ask_save_path
        self.record: DayRecord | None = None
        self._reading = LatestOnly("day")
        self.page.day_requested.connect(self.show)
        self.page.export_summary_requested.connect(lambda: self.ask_export("summary"))
        self.page.export_rows_requested.connect(lambda: self.ask_export("rows"))
        self.shown_day: date | None = None
        #: The day last asked for, shown or still being read: what a change reads again, as the
        #: history and the audit log read again the filters last asked for. (The day shown: a
        #: change while the day picked was read put the day before's totals under its date.)
        self.wanted_day: date | None = None
        changes.changed.connect(self.refresh)

    def refresh(self) -> None:
        """Read the day last asked for again (only while manager mode's page is up)."""
        if self.wanted_day is not None and self.view.pages.currentWidget() is self.view.manager:
            self._reading.start(self.load(self.wanted_day))

    def show(self, day: date) -> None:
        """Read and show ``day``."""
        self.wanted_day = day
        self._reading.start(self.load(day))

    async def load(self, day: date) -> DayRecord:
        """Read ``day`` (local midnight to midnight) and show it."""
        since, until = local_day(day)
        record = await self.till.shift_record.day(since, until)
        self.record = record
        self.shown_day = day
        summary = record.summary
        totals = [
            TableRow(
                key=(line.kind, line.standing),
                cells=(kind_words(line.kind), standing_words(line.standing), *_amounts(line)),
            )
            for line in summary.totals()
        ]
        per_cashier = [
            TableRow(
                key=(line.cashier, line.terminal, line.kind, line.standing),
                cells=(
                    line.cashier,
                    line.terminal,
                    kind_words(line.kind),
                    standing_words(line.standing),
                    *_amounts(line),
                ),
            )
            for line in summary.lines
        ]
        shifts = [
            TableRow(
                key=shift.id,
                cells=(
                    shift.cashier,
                    shift.terminal,
                    local_time_text(shift.opened_at),
                    local_time_text(shift.closed_at) if shift.closed_at else self.tr("open"),
                ),
            )
            for shift in record.shifts
        ]
        self.page.set_day(totals, per_cashier, shifts)
        self.page.set_refused_at_the_counter(len(record.refused_at_the_counter))
        self.day_shown.emit(record)
        return record

    def ask_export(self, what: str) -> None:
        """Ask where, then write the day's summary (``summary``) or its rows (``rows``)."""
        day = self.page.picked()
        name = "summary" if what == "summary" else "redemptions"
        suggested = export_folder.suggest(f"stamps-pos-{name}-{day.isoformat()}.csv")

        def chosen(path: Path) -> None:
            spawn(self.export_csv(what, day, path), name="export day")

        asked = self.ask_path(self.view, self.tr("Export the day"), suggested, chosen)
        if isinstance(asked, QDialog):  # the manager's: it closes with manager mode
            self.mode.own(asked)

    async def export_csv(self, what: str, day: date, path: Path) -> Path | None:
        """Write ``day``'s summary CSV (``summary``) or its rows in the shift CSV's format
        (``None``, and the status bar says why, when it could not be written there)."""
        if not await write_csv(
            self.view.status,
            path,
            lambda: self.till.manager.export_day(
                "redemptions" if what == "rows" else "summary", day, path
            ),
        ):
            return None
        self.view.status.show_note(self.tr("Written to {path}").format(path=path), 8000)
        self.exported.emit(path)
        return path
