"""``stamps-pos outbox export FILE`` and ``outbox import FILE``: carry a till's unsettled
entries to another till (a dead till's, a damaged database's), keeping their ids.

Neither needs the API token: they only read and write databases. Export only reads, so it works
on a read-only data folder and on a database kept aside as damaged.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Callable
from pathlib import Path

from app.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    Stop,
    counted,
    may_write,
    not_the_tills_own,
    one_line,
    report_failure,
)
from app.cli.database import refuse_damaged, start_new_database
from app.cli.manager_sign_in import ManagerPins
from app.config import ConfigError, Settings, load_settings
from app.core.services import (
    DatabaseDamaged,
    ExportUnreadable,
    ImportedEntry,
    ImportReport,
    Secret,
    StaffRefused,
    StorageProblem,
    export_entries,
    import_into,
    read_export,
    why_not_written,
)


def _settings(args: argparse.Namespace) -> Settings:
    try:
        return load_settings(Path(args.config) if args.config else None)
    except ConfigError as exc:
        raise Stop(EXIT_USAGE, str(exc)) from None


def _guarded(args: argparse.Namespace, run: Callable[[], int]) -> int:
    try:
        return run()
    except Stop as stop:
        report_failure(args.command, stop.message)
        return stop.code
    except StorageProblem as problem:
        report_failure(args.command, problem.sentence)
        return EXIT_USAGE


def outbox_export(args: argparse.Namespace) -> int:
    """Write the queued, sending and unknown entries (and what they depend on) to FILE."""

    def run() -> int:
        source = Path(args.database) if args.database else _settings(args).database_path
        destination = Path(args.file)
        not_the_tills_own(args.file, args.config, source=args.database)
        may_write(args.file, args.replace)
        if args.database:
            _readable(source)
        try:
            summary = export_entries(source, destination, replace=args.replace)
        except FileExistsError:  # made since it was checked
            may_write(args.file, replace=False)
            raise
        except DatabaseDamaged as damaged:
            if not args.database:
                raise
            raise Stop(
                EXIT_USAGE, f"{source} cannot be exported: {damaged.first_problem}"
            ) from None
        except OSError as exc:
            raise Stop(EXIT_USAGE, why_not_written(destination, exc)) from None
        counts = ", ".join(f"{n} {status}" for status, n in sorted(summary.by_status.items()))
        print(
            f"exported {counted(summary.total, 'entry', 'entries')} ({counts or 'none'}) to "
            f"{one_line(str(destination))}"
        )
        if not summary.complete:
            print(f"{one_line(str(source))} is damaged: the file holds what could be read of it")
        return EXIT_OK

    return _guarded(args, run)


def _readable(source: Path) -> None:
    """``--database FILE`` that cannot be read, said of the file the manager named, as ``outbox
    import`` says it: a path typed wrong read "The till's database FILE cannot be used", and a
    file that is no database "is damaged…; it must be moved aside and a new one started", of a
    file that is not the till's and with nothing to start."""
    try:
        with source.open("rb"):
            pass
    except OSError as exc:
        raise Stop(EXIT_USAGE, f"{source} cannot be read: {exc.strerror}") from None


def outbox_import(args: argparse.Namespace) -> int:
    """Add the entries of FILE (an export, or a database file) to this till, keeping their ids:
    a manager's decision (``--manager`` and their PIN on standard input), audited."""

    def run() -> int:
        settings = _settings(args)
        source = Path(args.file)
        try:
            entries = read_export(source)
        except ExportUnreadable as exc:
            raise Stop(EXIT_USAGE, f"{source} cannot be imported: {exc}") from None
        except OSError as exc:
            raise Stop(EXIT_USAGE, f"{source} cannot be read: {exc.strerror}") from None
        pin = ManagerPins().read("the acting manager's PIN")
        report = asyncio.run(_import(args, settings, entries, pin, str(source)))
        _print_report(report)
        return EXIT_REFUSED if report.refused else EXIT_OK

    return _guarded(args, run)


async def _import(
    args: argparse.Namespace,
    settings: Settings,
    entries: list[ImportedEntry],
    pin: Secret,
    source: str,
) -> ImportReport:
    path, terminal = settings.database_path, settings.terminal

    async def run() -> ImportReport:
        try:
            return await import_into(
                path, entries, manager=args.manager, pin=pin, terminal=terminal, source=source
            )
        except StaffRefused as exc:
            raise Stop(EXIT_REFUSED, exc.message) from None

    try:
        return await run()
    except DatabaseDamaged as damage:
        if not args.accept_new_database:
            raise refuse_damaged(args, damage) from None
        start_new_database(damage)
        return await run()


def _print_report(report: ImportReport) -> None:
    print(
        f"added {len(report.added)}, already on this till {len(report.already_here)}, "
        f"refused {len(report.refused)}"
    )
    for entry_id in report.added:
        print(f"  added    {entry_id}")
    for entry_id, reason in report.refused:
        print(f"  refused  {entry_id}: {one_line(reason)}")
