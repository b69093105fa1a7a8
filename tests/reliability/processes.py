"""A till process the test kills at a moment chosen by what the process has done, not by time.

The test freezes the process (``SIGSTOP``), looks at what it has written (its database, its
output, the sandbox's ledger), and kills it there (``SIGKILL``) when the moment has come, or
lets it go on (``SIGCONT``). Frozen, the process cannot move past the moment between the look
and the kill, so every kill lands exactly where the round wanted it, however loaded the machine.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

#: Seconds a look waits on the process between two looks (``Popen.wait``: a process wait).
LOOK_EVERY = 0.01


class TillProcess:
    """``python ARGV`` with ``env``, its stdout and stderr in ``out``."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        env: Mapping[str, str],
        out: Path,
        stdin: bytes = b"",
    ) -> None:
        self.out = out
        self.started = time.monotonic()
        with out.open("wb") as sink:
            self.proc = subprocess.Popen(
                [sys.executable, *argv],
                env=dict(env),
                stdin=subprocess.PIPE,
                stdout=sink,
                stderr=subprocess.STDOUT,
            )
        assert self.proc.stdin is not None
        with contextlib.suppress(BrokenPipeError):
            self.proc.stdin.write(stdin)
        self.proc.stdin.close()
        self.killed = False
        self.moment: str | None = None  # the state it was killed in

    @property
    def seconds(self) -> float:
        """How long it has run."""
        return time.monotonic() - self.started

    def output(self) -> str:
        """What it printed so far."""
        return self.out.read_text(errors="replace")

    def lines(self) -> list[str]:
        """The whole lines it printed so far. Its output is unbuffered (``PYTHONUNBUFFERED``), so
        a kill can land inside a ``print`` between its words: a last line with no end is one
        cut off there ("queued" without its id, which failed a run with an IndexError)."""
        return self.output().split("\n")[:-1]

    def kill_when(
        self,
        moment: Callable[[], str | None],
        *,
        bound: float,
        meanwhile: Callable[[], None] | None = None,
    ) -> bool:
        """Run the process until ``moment()``, asked while it is frozen, names the state it is in
        (a non-empty string): then kill it there. ``meanwhile`` runs between looks (the test's
        own work alongside the process). Past ``bound`` seconds it is killed anyway (moment
        ``"bound"``). Returns whether it was killed; ``False`` when it ended on its own first.
        """
        deadline = self.started + bound
        while time.monotonic() < deadline:
            try:
                self.proc.wait(timeout=LOOK_EVERY)
            except subprocess.TimeoutExpired:
                pass
            else:
                return False
            if meanwhile is not None:
                meanwhile()
            if not self._freeze():
                continue  # it is ending on its own; the next wait collects it
            try:
                state = moment()
            except sqlite3.OperationalError as exc:
                # frozen in the middle of a WAL operation, holding a lock the look needs
                # (SQLITE_PROTOCOL): not a state to judge; let it run on and look again
                if "locking protocol" not in str(exc):
                    raise
                state = None
            if state:
                self._kill(state)
                return True
            os.kill(self.proc.pid, signal.SIGCONT)
        self._kill("bound")
        return True

    def wait(self, bound: float) -> int:
        """Its exit code, once it ends (killed past ``bound`` seconds)."""
        try:
            return self.proc.wait(timeout=bound)
        except subprocess.TimeoutExpired:
            self._kill("bound")
            return self.proc.wait()

    def close(self) -> None:
        """Kill it if it still runs."""
        if self.proc.poll() is None:
            self._kill("closed")

    def _freeze(self) -> bool:
        """Stop the process and wait until it is stopped; ``False`` if it is ending."""
        try:
            os.kill(self.proc.pid, signal.SIGSTOP)
        except ProcessLookupError:
            return False
        stat = Path(f"/proc/{self.proc.pid}/stat")
        while True:  # the stop is delivered within a scheduling slice
            try:
                state = stat.read_text().rsplit(")", 1)[1].split()[0]
            except (OSError, IndexError):
                return False
            if state in ("T", "t"):
                return True
            if state in ("Z", "X"):
                return False

    def _kill(self, state: str) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        self.killed = True
        self.moment = state


class Peek:
    """Reads a till's database from the test while its processes run (autocommit, no lock held
    between looks)."""

    def __init__(self, database: Path) -> None:
        self.db = sqlite3.connect(database, isolation_level=None, timeout=30)

    def close(self) -> None:
        self.db.close()

    def _number(self, query: str, *parameters: object) -> int:
        return int(self.db.execute(query, parameters).fetchone()[0])

    def last_attempt(self) -> int:
        """The id of the newest attempt row (0 when none)."""
        return self._number("SELECT coalesce(max(id), 0) FROM outbox_attempts")

    def queued(self) -> int:
        """Entries queued."""
        return self._number("SELECT count(*) FROM outbox_entries WHERE status = 'queued'")

    def in_flight(self, after: int) -> list[str]:
        """Entries sending under an attempt newer than attempt ``after`` that has not ended: a
        request of the process being watched, on its way (its claim is committed; its answer is
        not)."""
        rows = self.db.execute(
            "SELECT a.entry_id FROM outbox_attempts a JOIN outbox_entries e ON e.id = a.entry_id"
            " WHERE a.id > ? AND a.ended_at IS NULL AND e.status = 'sending'",
            (after,),
        ).fetchall()
        return [r[0] for r in rows]

    def attempts_since(self, after: int) -> int:
        """Attempt rows written since attempt ``after``."""
        return self._number("SELECT count(*) FROM outbox_attempts WHERE id > ?", after)

    def entries_of(self, cashier: str) -> list[tuple[str, str]]:
        """``(id, status)`` of the entries ``cashier`` made."""
        return [
            (r[0], r[1])
            for r in self.db.execute(
                "SELECT id, status FROM outbox_entries WHERE cashier = ?", (cashier,)
            ).fetchall()
        ]

    def cancels_of(self, target: str) -> list[tuple[str, str]]:
        """``(id, status)`` of what carries a cancel of ``target``: the entry itself once voided,
        or its cancel entries."""
        return [
            (r[0], r[1])
            for r in self.db.execute(
                "SELECT id, status FROM outbox_entries WHERE cancels = ? UNION ALL"
                " SELECT id, status FROM outbox_entries WHERE id = ? AND status = 'voided'",
                (target, target),
            ).fetchall()
        ]
