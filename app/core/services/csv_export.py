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
from collections.abc import Callable, Iterable, Sequence
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


def write_csv_file(path: Path, write: Callable[[TextIO], int]) -> int:
    """Open ``path`` for a CSV and ``write`` it there; returns the rows written. Run it off the
    loop's thread: a USB stick is slow. :class:`OSError` when the till cannot write there."""
    with path.open("w", encoding="utf-8", newline="") as stream:
        return write(stream)
