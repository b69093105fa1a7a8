"""CSV files a manager opens in a spreadsheet: the audit log, the end-of-day summary and the
shift's record.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula to a
spreadsheet; a name, a note or a server's message could start that way, so such a cell is written
with a leading apostrophe (OWASP's "CSV injection" advice). Numbers are written as numbers. Text
made only of digits (an invoice ``000123``, a card a member is known by) is written as it is: a
spreadsheet that opens the file as numbers drops its zeros, but an apostrophe would stay in it,
visible, and in every program that reads the file (an invoice ``'000123`` matches no receipt);
import it as text to keep the zeros.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import TextIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: The audit action of a CSV written: each file holds members' names (and the audit log's, the
#: managers' notes), so who wrote which, where and how many rows is on record.
CSV_EXPORTED = "csv_exported"


def cell(value: object) -> str | int | float:
    """One value as a safe CSV cell: ``None`` empty, numbers as they are, text defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return value
    if isinstance(value, Decimal):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_csv(stream: TextIO, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write ``header`` and ``rows`` to ``stream``; returns the number of rows written."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(header)
    count = 0
    for row in rows:
        writer.writerow([cell(value) for value in row])
        count += 1
    return count


@contextmanager
def csv_file(path: Path) -> Iterator[TextIO]:
    """``path`` opened for a CSV that is written whole or not at all: the rows go to a file
    beside it, which takes its place only once all of them are on the disk. A disk that fills,
    or a Ctrl-C, leaves ``path`` as it was (yesterday's summary, or nothing), never a CSV cut
    short that a manager would take for the whole day. :class:`OSError` when the till cannot
    write there.

    ``/dev/stdout``, a pipe or another file that is not a plain one is written as it is; so is a
    file in a folder that takes no new file (the till may write the file, not beside it)."""
    if path.exists() and not path.is_file():  # followed as open() follows it: /dev/stdout
        with path.open("w", encoding="utf-8", newline="") as stream:
            yield stream
        return
    target = path.resolve()  # a link's file is replaced, not the link
    partial = target.with_name(f".{target.name}.partial")
    try:
        handle = partial.open("w", encoding="utf-8", newline="")
    except PermissionError:
        with path.open("w", encoding="utf-8", newline="") as stream:
            yield stream
        return
    try:
        with handle as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def write_csv_file(path: Path, write: Callable[[TextIO], int]) -> int:
    """Write a CSV to ``path`` with ``write``, whole or not at all (:func:`csv_file`); returns
    the rows written. Run it off the loop's thread: a USB stick is slow. :class:`OSError` when
    the till cannot write there."""
    with csv_file(path) as stream:
        return write(stream)
