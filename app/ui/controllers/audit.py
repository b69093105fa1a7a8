"""Manager mode's audit log: the filters checked, the lines read through ``till.audit``, and the
CSV export (UTC times, as ``stamps-pos audit --csv`` writes it)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog

from app.core.services import AuditFilter, AuditLine, Till, clock, say
from app.ui.controllers.audit_words import action_words, audit_row
from app.ui.controllers.changes import TillChanges
from app.ui.controllers.csv_path import PathAsker, ask_save_path, export_folder, write_csv
from app.ui.controllers.history import local_midnight
from app.ui.controllers.manager_mode import ManagerModeController
from app.ui.controllers.tasks import LatestOnly, spawn
from app.ui.main_window import CashierWindowView
from app.ui.manager.audit import AuditQuery
from app.ui.wording import words

WHO_MAX = 40
ENTRY_MAX = 64
#: The newest lines a page holds; how many more match is said under it (the CSV has them all).
LINES_SHOWN = 5000


def _bad_characters(text: str) -> bool:
    return any(not ch.isprintable() or ch in '<>&"`{}[]\\' for ch in text)


class AuditController(QObject):
    """``rows_shown(list[TableRow])`` after each read; ``exported(Path)`` after an export."""

    rows_shown = Signal(object)
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
        self.audit = view.manager.audit
        self.ask_path: PathAsker = ask_save_path
        self.wanted: AuditFilter | None = None
        self.lines: list[AuditLine] = []
        self._reading = LatestOnly("audit")
        self.audit.query_requested.connect(self.show)
        self.audit.export_requested.connect(self.ask_export)
        changes.changed.connect(self.refresh)

    def refresh(self) -> None:
        """Read the lines shown again (only while manager mode's page is up)."""
        if self.wanted is not None and self.view.pages.currentWidget() is self.view.manager:
            self._reading.start(self.load(self.wanted))

    async def load_choices(self) -> None:
        """The action filter's choices: every action the log holds."""
        actions = await self.till.audit.actions()
        self.audit.set_actions([(action, action_words(action)) for action in actions])

    def show(self, query: AuditQuery) -> None:
        """Check the filters; read the lines they describe, or say beside a field what is wrong."""
        wanted = self.check(query)
        if wanted is not None:
            self.wanted = wanted
            self._reading.start(self.load(wanted))

    def check(self, query: AuditQuery) -> AuditFilter | None:
        """The filter ``query`` describes, or ``None`` with the reasons shown."""
        errors: dict[str, str] = {}
        who, entry = query.who.strip(), query.entry_id.strip()
        # Said beside "Show", away from the fields: each names its field (both refused read as
        # one sentence twice).
        too_long = {
            "who": self.tr("“Who” is longer than {limit} characters."),
            "entry": self.tr("“Entry” is longer than {limit} characters."),
        }
        not_in_any = {
            "who": self.tr("“Who”: no name holds these characters."),
            "entry": self.tr("“Entry”: no entry id holds these characters."),
        }
        for field, text, limit in (("who", who, WHO_MAX), ("entry", entry, ENTRY_MAX)):
            if len(text) > limit:
                errors[field] = too_long[field].format(limit=limit)
            elif _bad_characters(text):
                errors[field] = not_in_any[field]
        if query.since > query.until:
            errors["dates"] = self.tr("“From” is after “To”: pick a day on or before it.")
        if errors:
            self.audit.show_errors(errors)
            return None
        return AuditFilter(
            since=local_midnight(query.since),
            until=local_midnight(query.until + timedelta(days=1)),
            who=who or None,
            action=query.action or None,
            entry_id=entry or None,
            limit=LINES_SHOWN,
        )

    async def load(self, wanted: AuditFilter) -> None:
        """Read and show the lines ``wanted`` describes, newest first."""
        self.lines = await self.till.audit.lines(wanted)
        more = 0
        if wanted.limit is not None and len(self.lines) >= wanted.limit:
            more = await self.till.audit.count(wanted) - len(self.lines)
        base_url = self.till.config.base_url
        rows = [audit_row(line, base_url=base_url) for line in reversed(self.lines)]
        self.audit.set_rows(
            rows, more, why_none=await self._named_no_one(wanted) if not rows else ""
        )
        self.rows_shown.emit(rows)

    async def _named_no_one(self, wanted: AuditFilter) -> str:
        """Why nothing matched when "Who" names no one, or "Entry" no entry, this till's records
        know (``""`` otherwise): "No line matches." for Rina typed "Rna" reads as a day she did
        nothing. The command line's `audit --who` and `--entry` say the same."""
        if wanted.who and not await self.till.on_record.actor(wanted.who):
            return words(say("records.no_one_named", name=wanted.who))
        if wanted.entry_id and not await self.till.on_record.entry(wanted.entry_id):
            return words(say("decision.no_entry", entry_id=wanted.entry_id))
        return ""

    def ask_export(self) -> None:
        """ "Export CSV…": ask where, then write the lines the filters show."""
        day = clock.now().astimezone().strftime("%Y-%m-%d")
        suggested = export_folder.suggest(f"stamps-pos-audit-{day}.csv")

        def chosen(path: Path) -> None:
            spawn(self.export_csv(path), name="export audit")

        asked = self.ask_path(self.view, self.tr("Export the audit log"), suggested, chosen)
        if isinstance(asked, QDialog):  # the manager's: it closes with manager mode
            self.mode.own(asked)

    async def export_csv(self, path: Path) -> Path | None:
        """Write the lines the filters describe to ``path`` (read afresh); ``None``, and the
        status bar says why, when it could not be written there."""
        if not await write_csv(
            self.view.status, path, lambda: self.till.manager.export_audit_log(self.wanted, path)
        ):
            return None
        self.refresh()  # the export's own line
        self.view.status.show_note(self.tr("Audit log written to {path}").format(path=path), 8000)
        self.exported.emit(path)
        return path
