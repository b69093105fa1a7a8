"""The audit log as a manager reads it: filtered, and exported to CSV.

Every manager action and every sign-in is written to ``audit_log`` by the transaction that does
it (the outbox's decisions, :mod:`app.core.services.staff`); the table refuses updates and
deletes. This module only reads it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TextIO

import sqlalchemy as sa
from sqlmodel import Session

from app.core.services.csv_export import write_csv
from app.core.storage.tables import AUDIT
from app.core.storage.writer import Database

AUDIT_LIMIT = 5000
#: The lines a CSV reads at a time: the file is written as the log is read, so a year of a
#: till's log (some 100,000 lines) is never held whole.
EXPORT_PAGE = 1000
CSV_HEADER = ("time (UTC)", "who", "action", "terminal", "entry", "detail")


@dataclass(frozen=True)
class AuditLine:
    """One audit row: who did what, when, on which terminal, to which entry."""

    at: datetime
    who: str
    action: str
    terminal: str
    entry_id: str | None
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AuditFilter:
    """Which lines: ``since`` ≤ at < ``until``, who (any case), one action, one entry; the
    newest ``limit`` of them (``None``: every one, as a CSV wants them)."""

    since: datetime | None = None
    until: datetime | None = None
    who: str | None = None
    action: str | None = None
    entry_id: str | None = None
    limit: int | None = AUDIT_LIMIT


class AuditLog:
    """Reading one till's audit log."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def lines(self, wanted: AuditFilter | None = None) -> list[AuditLine]:
        """The lines ``wanted`` asks for, oldest first (the last ``limit`` of them)."""
        wanted = wanted or AuditFilter()

        def read(session: Session) -> list[AuditLine]:
            query = _matching(session, sa.select(AUDIT), wanted).order_by(AUDIT.c.id.desc())
            if wanted.limit is not None:
                query = query.limit(wanted.limit)
            newest = query.subquery()
            rows = session.execute(sa.select(newest).order_by(newest.c.id)).all()
            return [
                AuditLine(r.at, r.who, r.action, r.terminal, r.entry_id, r.detail or {})
                for r in rows
            ]

        return await self.db.read(read)

    async def write_csv(
        self, wanted: AuditFilter | None, target: Callable[[], AbstractContextManager[TextIO]]
    ) -> int:
        """Write the lines ``wanted`` describes (the newest ``limit``, or every one), oldest first,
        as CSV to the stream ``target`` opens; returns how many. One read on a reader thread: the
        file is written there, :data:`EXPORT_PAGE` lines at a time, from one snapshot of the log,
        so neither the whole log nor the file is held in memory and the loop's thread waits for
        neither."""
        wanted = wanted or AuditFilter()

        def read(session: Session) -> int:
            with target() as stream:
                return write_audit_csv(stream, _oldest_first(session, wanted))

        return await self.db.read(read)

    async def count(self, wanted: AuditFilter | None = None) -> int:
        """How many lines ``wanted`` describes, whatever its ``limit``: a page that shows the
        newest says how many more there are (a year of a till's log is about 100,000)."""
        wanted = wanted or AuditFilter()

        def read(session: Session) -> int:
            query = _matching(session, sa.select(sa.func.count()).select_from(AUDIT), wanted)
            found: int = session.execute(query).scalar_one()
            return found

        return await self.db.read(read)

    async def actions(self) -> list[str]:
        """Every action the log holds, for a filter's choices."""

        def read(session: Session) -> list[str]:
            query = sa.select(AUDIT.c.action).distinct().order_by(AUDIT.c.action)
            return list(session.execute(query).scalars())

        return await self.db.read(read)


def _matching(session: Session, query: sa.Select[Any], wanted: AuditFilter) -> sa.Select[Any]:
    """``query`` narrowed to the lines ``wanted`` describes (its limit aside)."""
    if wanted.since is not None:
        query = query.where(AUDIT.c.at >= wanted.since)
    if wanted.until is not None:
        query = query.where(AUDIT.c.at < wanted.until)
    if wanted.who is not None:
        names = [
            name
            for name in session.execute(sa.select(AUDIT.c.who).distinct()).scalars()
            if name.casefold() == wanted.who.strip().casefold()
        ]
        query = query.where(AUDIT.c.who.in_(names))
    if wanted.action is not None:
        query = query.where(AUDIT.c.action == wanted.action)
    if wanted.entry_id is not None:
        query = query.where(AUDIT.c.entry_id == wanted.entry_id)
    return query


def _oldest_first(session: Session, wanted: AuditFilter) -> Iterator[AuditLine]:
    """The lines ``wanted`` describes, oldest first, read a page at a time after the last one's
    id (the id is the table's key: each page is one indexed range)."""
    query = _matching(session, sa.select(AUDIT), wanted)
    after = 0
    if wanted.limit is not None:  # from the oldest of the newest ``limit``
        oldest = session.execute(
            query.with_only_columns(AUDIT.c.id)
            .order_by(AUDIT.c.id.desc())
            .offset(wanted.limit - 1)
            .limit(1)
        ).scalar()
        after = 0 if oldest is None else oldest - 1
    while True:
        rows = session.execute(
            query.where(AUDIT.c.id > after).order_by(AUDIT.c.id).limit(EXPORT_PAGE)
        ).all()
        for r in rows:
            yield AuditLine(r.at, r.who, r.action, r.terminal, r.entry_id, r.detail or {})
        if len(rows) < EXPORT_PAGE:
            return
        after = rows[-1].id


def write_audit_csv(stream: TextIO, lines: Iterable[AuditLine]) -> int:
    """The lines as CSV (times in UTC, ISO 8601; detail as JSON); returns the rows written."""
    return write_csv(
        stream,
        CSV_HEADER,
        (
            (
                line.at.isoformat(),
                line.who,
                line.action,
                line.terminal,
                line.entry_id,
                json.dumps(line.detail, ensure_ascii=False, sort_keys=True) if line.detail else "",
            )
            for line in lines
        ),
    )
