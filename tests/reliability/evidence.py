"""Reading a run's outcome: the till's outbox against the server's ledger, counted in the table's
columns (:data:`~tests.reliability.table.LEGEND` says what each means).

The sandbox's ledger (``GET /_sandbox/ledger``) is the truth: one line per effect applied, with
the ``Idempotency-Key`` it came with, which is the till's entry id.
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx

from app.core.domain import EntryStatus, OperationKind
from app.core.storage.tables import OutboxEntry
from app.sandbox import SandboxServer

from .table import Tally

#: What a till believes never reached the server, for good.
NOT_APPLIED = (EntryStatus.REJECTED, EntryStatus.VOIDED, EntryStatus.EXPIRED, EntryStatus.DISMISSED)
UNSETTLED = (EntryStatus.UNKNOWN, EntryStatus.QUEUED, EntryStatus.SENDING)
TRACEBACK = "Traceback (most recent call last)"
#: The worker's last-resort catches: a bug, whatever the server did.
LAST_RESORT = re.compile(
    r"unexpected failure sending entry|sync worker round failed|could not record the outcome"
    r"|a change subscriber failed"
)


def ledger(server: SandboxServer) -> list[dict[str, Any]]:
    """Every effect the sandbox applied, in order."""
    answer = httpx.get(f"{server.url}/_sandbox/ledger", timeout=30)
    answer.raise_for_status()
    lines: list[dict[str, Any]] = answer.json()["entries"]
    return lines


def judge(
    entries: Iterable[OutboxEntry],
    lines: Iterable[Mapping[str, Any]],
    accepted: Iterable[str] = (),
) -> Tally:
    """Count ``entries`` (the outbox at the end of a run) against ``lines`` (the server's
    ledger): missing, false, doubled, phantom and unknown. ``accepted`` are the ids the till
    said it had queued."""
    tally = Tally()
    held = {e.id: e for e in entries}
    by_key: dict[str | None, list[Mapping[str, Any]]] = defaultdict(list)
    for line in lines:
        by_key[line["idempotency_key"]].append(line)

    for entry_id in sorted(set(accepted)):
        if entry_id not in held and entry_id not in by_key:
            tally.note(
                "missing", f"{entry_id} was accepted; neither the outbox nor the server has it"
            )

    for key, applied in by_key.items():
        if key is None or key not in held:
            tally.note("phantom", f"{len(applied)} ledger line(s) for key {key!r}", len(applied))
        elif len(applied) > 1:
            tally.note("doubled", f"{key} applied {len(applied)} times", len(applied) - 1)
    refunds = Counter(line["redemption_id"] for line in lines if line["kind"] == "cancel")
    for rid, count in refunds.items():
        if count > 1:
            tally.note("doubled", f"redemption {rid} refunded {count} times", count - 1)

    for e in held.values():
        applied = by_key.get(e.id, [])
        if e.status == EntryStatus.SYNCED and not _proven(e, applied, held):
            tally.note("false", f"{_say(e)} is synced; the ledger has {applied}")
        elif e.status in NOT_APPLIED and applied:
            tally.note("false", f"{_say(e)} is {e.status}; the server applied it")
        elif e.status in UNSETTLED:
            tally.note("unknown", f"{_say(e)} is left {e.status}")
    return tally


def _proven(e: OutboxEntry, applied: list[Mapping[str, Any]], held: Mapping[str, Any]) -> bool:
    """Whether the ledger shows what a synced entry says happened."""
    if not applied:
        return False
    if e.kind == OperationKind.CANCEL:
        target = held.get(e.cancels) if e.cancels else None
        wanted = target.server_redemption_id if target is not None else None
        return any(x["kind"] == "cancel" and x["redemption_id"] == wanted for x in applied)
    if e.server_redemption_id is None:  # reconciled or marked applied: the key is on the ledger
        return True
    return any(x["redemption_id"] == e.server_redemption_id for x in applied)


def _say(e: OutboxEntry) -> str:
    return f"{e.kind} {e.id} ({e.lane}, server id {e.server_redemption_id})"


def tracebacks(paths: Iterable[Path]) -> Tally:
    """Tracebacks and last-resort catches in these files (a command's output, the till's log)."""
    tally = Tally()
    for path in paths:
        if not path.is_file():
            continue
        for number, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
            if TRACEBACK in line or LAST_RESORT.search(line):
                tally.note("unhandled", f"{path.name}:{number}: {line[:300]}")
    return tally


def till_logs(data_dir: Path) -> list[Path]:
    """The till's log files in its data folder."""
    return sorted((data_dir / "logs").glob("stamps-pos.log*"))


class LogWatch(logging.Handler):
    """While in its ``with`` block, keeps what the till logged that no code handled: a record
    with a traceback, or one of the worker's last-resort catches."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.caught: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.exc_info or LAST_RESORT.search(message):
            self.caught.append(f"{record.name}: {message}")

    def __enter__(self) -> LogWatch:
        logging.getLogger("app").addHandler(self)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        logging.getLogger("app").removeHandler(self)

    def tally(self) -> Tally:
        """One ``unhandled`` for each record kept."""
        tally = Tally()
        for line in self.caught:
            tally.note("unhandled", line[:300])
        return tally
