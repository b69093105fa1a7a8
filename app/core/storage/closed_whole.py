"""A database closed whole: the start's page check skipped for a file nothing has touched since.

The ``quick_check`` at every start reads every page of the file. On a till that has run a year
(about 400 MB) that is 0.4 s with the file in the page cache and 3 s after a reboot, which is
when a shop starts its till (docs/performance.md, "A manager's day on a till that has run for a
year"). Almost every start follows a clean close, after which SQLite has folded its write-ahead
log into the file and removed it.

So a clean close leaves a note beside the database (``<name>.closed-whole``): the file's inode,
size and times as the close left them, and when its pages were last really checked. The next
open for writing removes the note (from then on the file changes; a till started read-only
removes it when its storage watch opens the file for writing, and any run removes it when it
reads damage) and skips the page check only
when the file is exactly as the note says, no write-ahead log is left beside it, and the pages
were checked less than :data:`CHECK_EVERY` ago. A crash leaves no note (it was removed
at open), so the start after one always checks; so does a file copied, restored or written by
anything else since (its times or inode differ), and a note that cannot be read. A close killed
while it wrote its note leaves the note half-written under a name of its own
(``<name>.closed-whole.<pid>``): the next open for writing removes it
(:func:`remove_left_writes`).

What is given up: damage that comes without a write, such as a disk's failing sector, is found
at the first start after :data:`CHECK_EVERY` rather than the next one. The header and schema
checks, which cost nothing, still run at every start.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from app.core import clock

log = logging.getLogger(__name__)

#: How long a page check vouches for a file closed whole ever since: a till started every day
#: still reads all its pages once a week.
CHECK_EVERY = 7 * 24 * 3600.0
#: How far back a clean close sets the file's modification time when it was written that
#: recently. Any later write sets it to the present, so the note tells that write apart even
#: where the file system's clock ticks coarsely (every few milliseconds on Linux, every 2 s on
#: FAT); a file last written longer ago is left as it is.
STAMP_BACK_NS = 10 * 1_000_000_000

#: More than a note this till writes ever holds: whatever else sits there is not read whole.
NOTE_BYTES = 1024
#: Seconds after which a note still being written (``<note>.<pid>``) was left by a close that
#: was killed: one is written and renamed in milliseconds.
LEFT_AFTER = 60.0


@dataclass(frozen=True)
class _Stat:
    ino: int
    size: int
    mtime_ns: int
    ctime_ns: int

    @classmethod
    def of(cls, path: Path) -> _Stat:
        stat = path.stat()
        return cls(stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def note_path(db_path: Path) -> Path:
    """Where the note of a clean close of ``db_path`` is kept."""
    return db_path.with_name(f"{db_path.name}.closed-whole")


def vouched(db_path: Path) -> float | None:
    """When the pages of ``db_path`` were last checked, if a clean close vouches for them since
    (``None``: check them now). A till that opens the file for writing then removes the note
    (:func:`forget`): from then on the file changes."""
    try:
        with note_path(db_path).open("rb") as handle:
            text = handle.read(NOTE_BYTES).decode("utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("the note of the database's last close could not be read: %s", exc)
        return None
    return _vouched(db_path, text, clock.now().timestamp())


def _vouched(db_path: Path, text: str, now: float) -> float | None:
    try:
        fields = json.loads(text)
        checked_at = float(fields.pop("checked_at"))
        noted = _Stat(**fields)
    except (ValueError, TypeError, KeyError, AttributeError):
        log.warning("the note of the database's last close is not one this till wrote")
        return None
    if not 0 <= now - checked_at < CHECK_EVERY:  # a clock moved back vouches for nothing
        return None
    if _log_left(db_path):
        return None
    try:
        return checked_at if _Stat.of(db_path) == noted else None
    except OSError:
        return None


def note(db_path: Path, checked_at: float) -> None:
    """Note that the last connection to ``db_path`` closed cleanly, its pages last checked at
    ``checked_at``. Nothing is noted while a write-ahead log is left (another process still has
    the file open); a note that cannot be written only means the next start checks."""
    if _log_left(db_path):
        return
    try:
        stat = db_path.stat()
        # the file system stamps times from the system's clock, not the till's
        if time.time_ns() - stat.st_mtime_ns < STAMP_BACK_NS:
            os.utime(db_path, ns=(stat.st_atime_ns, stat.st_mtime_ns - STAMP_BACK_NS))
        fields = asdict(_Stat.of(db_path)) | {"checked_at": checked_at}
        note = note_path(db_path)
        writing = note.with_name(f"{note.name}.{os.getpid()}")
        try:
            writing.write_text(json.dumps(fields), encoding="utf-8")
            os.replace(writing, note)
        finally:
            with contextlib.suppress(FileNotFoundError):
                writing.unlink()
    except OSError as exc:
        log.info(
            "the database's clean close could not be noted (%s): it is checked next start", exc
        )


def remove_left_writes(db_path: Path) -> int:
    """Remove the notes of ``db_path`` a close killed while it wrote them left behind
    (``<name>.closed-whole.<pid>``): each one's process is gone, or it is older than
    :data:`LEFT_AFTER`. Nothing else read them, and nothing else removed them: a till killed
    so every few weeks for years filled its data folder with them. How many."""
    prefix = f"{note_path(db_path).name}."
    gone = 0
    try:
        names = [entry.name for entry in os.scandir(db_path.parent)]
    except OSError:
        return 0
    for name in names:
        pid = name.removeprefix(prefix)
        if not (name.startswith(prefix) and pid.isdigit()):
            continue
        left = db_path.with_name(name)
        try:
            age = time.time() - left.stat().st_mtime
            if _running(int(pid)) and age < LEFT_AFTER:
                continue  # another process closing the same file this moment
            left.unlink()
            gone += 1
        except OSError as exc:
            log.info("a note left half-written could not be removed (%s)", exc.strerror)
    return gone


def _running(pid: int) -> bool:
    """Whether a process ``pid`` is running (one this till may not signal is)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True


def forget(db_path: Path) -> None:
    """Remove the note: the file is opened for writing, or moved aside."""
    with contextlib.suppress(OSError):
        note_path(db_path).unlink()


def _log_left(db_path: Path) -> bool:
    wal = db_path.with_name(f"{db_path.name}-wal")
    try:
        return wal.stat().st_size > 0
    except FileNotFoundError:
        return False
    except OSError:
        return True
