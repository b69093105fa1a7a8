"""Keeping the sandbox's state across restarts: one JSON snapshot of the world in SQLite.

The world is small (a demo merchant), so rewriting it whole after each change is simpler than a
schema and still fast; the write commits before the answer leaves, so a sandbox killed after
answering still has what it answered.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

from app.sandbox.model import World, world_from_json, world_to_json


class StateUnusable(Exception):
    """A ``--state`` file that is no sandbox's: why, in words for the command line."""


def _refuse_other_tables(conn: sqlite3.Connection) -> None:
    """Raise :class:`StateUnusable` for a database that holds tables of another program: the
    till's own ``stamps-pos.db``, named by mistake, was served from and given a ``snapshot``
    table beside its queue."""
    names = [
        str(row[0])
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not str(row[0]).startswith("sqlite_") and row[0] != "snapshot"
    ]
    if names:
        # A table's name is the file's to choose: shown escaped if it holds control characters.
        shown = [name if name.isprintable() else ascii(name) for name in sorted(names)[:3]]
        more = ", …" if len(names) > 3 else ""
        raise StateUnusable(
            f"it is another program's database (its tables: {', '.join(shown)}{more})"
        )


class SnapshotStore:
    """The ``snapshot`` table of the ``--state`` file: one row, the latest world."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Written from the server's thread, read at start-up from the caller's: serialise both.
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(str(self.path), check_same_thread=False)
        try:
            _refuse_other_tables(self._conn)
            with self._conn:
                self._conn.execute(
                    "CREATE TABLE IF NOT EXISTS snapshot ("
                    " id INTEGER PRIMARY KEY CHECK (id = 1),"
                    " saved_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,"
                    " world TEXT NOT NULL)"
                )
        except BaseException:
            self._conn.close()
            raise

    def load(self) -> World | None:
        """The world saved last, or ``None`` in a new file. :class:`StateUnusable` (the file
        closed) for a snapshot the sandbox cannot read: cut short, or edited by hand."""
        with self._lock:
            row = self._conn.execute("SELECT world FROM snapshot WHERE id = 1").fetchone()
        if row is None:
            return None
        try:
            return world_from_json(json.loads(row[0]))
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
            self.close()
            raise StateUnusable(
                "its snapshot is not a sandbox's world (cut short, or edited by hand)"
            ) from exc

    def save(self, world: World) -> None:
        text = json.dumps(world_to_json(world), ensure_ascii=False, separators=(",", ":"))
        with self._lock, self._conn:
            self._conn.execute(
                "INSERT OR REPLACE INTO snapshot (id, saved_at, world)"
                " VALUES (1, CURRENT_TIMESTAMP, ?)",
                (text,),
            )

    def close(self) -> None:
        with self._lock:
            self._conn.close()
