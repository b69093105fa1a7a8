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


class SnapshotStore:
    """The ``snapshot`` table of the ``--state`` file: one row, the latest world."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Written from the server's thread, read at start-up from the caller's: serialise both.
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(str(self.path), check_same_thread=False)
        with self._conn:
            self._conn.execute(
                "CREATE TABLE IF NOT EXISTS snapshot ("
                " id INTEGER PRIMARY KEY CHECK (id = 1),"
                " saved_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,"
                " world TEXT NOT NULL)"
            )

    def load(self) -> World | None:
        with self._lock:
            row = self._conn.execute("SELECT world FROM snapshot WHERE id = 1").fetchone()
        return world_from_json(json.loads(row[0])) if row else None

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
