"""Statements for the hot paths: SQLAlchemy Core compiled once, run on the SQLite connection itself.

Going through a Session costs more Python than the statement costs SQLite (make bench: an
enqueue spent three times the raw insert and commit). A :class:`Prepared` statement keeps the
table's definition and its types (times as naive UTC, JSON, decimal text) from the Core statement
it was built from, and drops the rest: no compilation, cache lookup or result wrapping per call.
It runs inside :meth:`Database.write_raw <app.core.storage.writer.Database.write_raw>` (or a
read's connection), in the caller's transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.sqlite import pysqlite
from sqlalchemy.orm import instrumentation, make_transient_to_detached
from sqlalchemy.sql.compiler import SQLCompiler

from app.core.storage.tables import UTCDateTime

#: The dialect the engine uses (``create_engine("sqlite://")``), so values are written as the ORM
#: writes them.
DIALECT = pysqlite.dialect()

Processor = Callable[[Any], Any] | None


class Prepared:
    """One Core statement, compiled for SQLite once; :meth:`rows` runs it with named parameters.

    A parameter the statement fixed itself (a literal status, a ``LIMIT``) keeps its value; the
    named ones must all be given. Rows come back as tuples, each value through its column's type.
    """

    def __init__(self, statement: sa.ClauseElement) -> None:
        compiled = statement.compile(dialect=DIALECT)
        assert isinstance(compiled, SQLCompiler)
        self.sql = compiled.string
        self._fixed: dict[str, Any] = {}
        self._params: list[tuple[str, Processor]] = []
        for name in compiled.positiontup or ():
            bind = compiled.binds[name]
            if bind.expanding:  # an IN list is rendered per call: spell it as OR instead
                raise ValueError(f"a prepared statement cannot expand {name!r}")
            if not bind.required:
                self._fixed[name] = bind.effective_value
            processor: Processor = bind.type.dialect_impl(DIALECT).bind_processor(DIALECT)
            if processor is not None and isinstance(bind.type, UTCDateTime):
                processor = _remembered(processor)
            self._params.append((name, processor))
        columns = getattr(statement, "exported_columns", ())
        self._results: list[Processor] = [
            column.type.dialect_impl(DIALECT).result_processor(DIALECT, None) for column in columns
        ]

    def _values(self, params: Mapping[str, Any]) -> list[Any]:
        values = []
        for name, processor in self._params:
            value = params[name] if name in params else self._fixed[name]
            values.append(value if processor is None or value is None else processor(value))
        return values

    def rows(
        self, connection: sqlite3.Connection, params: Mapping[str, Any]
    ) -> list[tuple[Any, ...]]:
        """Run it; every row it returns, each value as its column's type reads it."""
        cursor = connection.execute(self.sql, self._values(params))
        found = cursor.fetchall()
        if not found or not any(self._results):
            return found
        processors = self._results
        return [
            tuple(
                value if proc is None or value is None else proc(value)
                for proc, value in zip(processors, row, strict=True)
            )
            for row in found
        ]

    def run(self, connection: sqlite3.Connection, params: Mapping[str, Any]) -> int:
        """Run a statement that returns no rows; how many rows it changed."""
        return connection.execute(self.sql, self._values(params)).rowcount


#: :class:`UTCDateTime` values as written, by the time: a claim's or an answer's transaction binds
#: the same few times (its ``now``, a lease's end) a dozen times over, at 5 µs each. A handful
#: is kept (a naive time raises, and is not kept).
_WRITTEN_TIMES: dict[datetime, Any] = {}
_TIMES_KEPT = 8


def _remembered(processor: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def process(value: Any) -> Any:
        written = _WRITTEN_TIMES.get(value, _WRITTEN_TIMES)
        if written is _WRITTEN_TIMES:
            written = processor(value)
            if len(_WRITTEN_TIMES) >= _TIMES_KEPT:
                _WRITTEN_TIMES.clear()
            _WRITTEN_TIMES[value] = written
        return written

    return process


_COLUMN_KEYS: dict[type[Any], tuple[str, ...]] = {}


def _column_keys(model: type[Any]) -> tuple[str, ...]:
    keys = _COLUMN_KEYS.get(model)
    if keys is None:
        sa.orm.configure_mappers()  # what a constructor would do first: attributes instrumented
        keys = _COLUMN_KEYS[model] = tuple(sa.inspect(model).columns.keys())
    return keys


def as_loaded(model: type[Any], values: Mapping[str, Any]) -> Any:
    """An instance of the mapped ``model`` as if loaded from its row: ``values`` for the columns
    given, ``None`` for the rest, detached. The ORM's own loading path, which skips the
    constructor's event per attribute (a tenth of the time, for a row just written)."""
    instance = instrumentation.manager_of_class(model).new_instance()
    state = dict.fromkeys(_column_keys(model))
    state.update(values)
    instance.__dict__.update(state)
    make_transient_to_detached(instance)
    return instance
