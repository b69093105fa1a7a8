"""The one table ``make reliability`` prints: per scenario, how many runs, and how many entries
ended in each way the till must never leave one.

Each scenario adds its row (:meth:`Table.add`) when it has its verdicts; the conftest prints the
table at the end of the session, with the legend below it. A column that is not due zero in a
scenario carries a footnote saying why; every other non-zero cell fails its test.
"""

from __future__ import annotations

from dataclasses import dataclass, field

COLUMNS = ("missing", "false", "doubled", "phantom", "unknown", "unhandled")

LEGEND = {
    "runs": "how many times the scenario's unit ran (the list above names each unit)",
    "missing": "an entry the till accepted (enqueue returned, or a command or the service said "
    "queued) that neither the server's ledger nor the outbox holds",
    "false": "an entry the till believes synced that the server never applied (or applied to "
    "another redemption), or one it believes not applied (rejected, voided, expired, "
    "dismissed) that the server applied",
    "doubled": "one entry applied more than once on the server (its key on two ledger lines), "
    "or one redemption refunded twice",
    "phantom": "a ledger line the till holds no entry for (a key it never made)",
    "unknown": "an entry left unsettled at the end: unknown, or still queued or sending after "
    "the final drain",
    "unhandled": "an exception that escaped: a traceback in a command's output or the till's "
    "log, a record the worker logged from its last-resort catch, or an exception out of the "
    "code under test",
}


@dataclass
class Tally:
    """What one run of a scenario counted, column by column, with a line for each count."""

    missing: int = 0
    false: int = 0
    doubled: int = 0
    phantom: int = 0
    unknown: int = 0
    unhandled: int = 0
    details: list[str] = field(default_factory=list)

    def note(self, column: str, what: str, count: int = 1) -> None:
        """Count ``count`` in ``column``, saying ``what``."""
        setattr(self, column, getattr(self, column) + count)
        self.details.append(f"{column}: {what}")

    def __add__(self, other: Tally) -> Tally:
        total = Tally(details=self.details + other.details)
        for column in COLUMNS:
            setattr(total, column, getattr(self, column) + getattr(other, column))
        return total

    def failures(self, allowed: frozenset[str] = frozenset()) -> list[str]:
        """The detail lines of every column not in ``allowed`` (those must read zero)."""
        return [d for d in self.details if d.split(":", 1)[0] not in allowed]


@dataclass
class Row:
    """One scenario's line: its runs and counts summed over its tests, its footnotes."""

    scenario: str
    unit: str
    runs: int = 0
    tally: Tally = field(default_factory=Tally)
    allowed: dict[str, str] = field(default_factory=dict)  # column -> why it need not be zero
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)


class Table:
    """Rows in the order the scenarios ran."""

    def __init__(self) -> None:
        self.rows: dict[str, Row] = {}

    def add(
        self,
        scenario: str,
        *,
        unit: str,
        runs: int,
        tally: Tally,
        seconds: float,
        allowed: dict[str, str] | None = None,
        note: str | None = None,
    ) -> None:
        """Add a run's counts to ``scenario``'s row."""
        row = self.rows.setdefault(scenario, Row(scenario, unit))
        row.runs += runs
        row.tally = row.tally + Tally(**{c: getattr(tally, c) for c in COLUMNS})
        row.allowed.update(allowed or {})
        row.seconds += seconds
        if note:
            row.notes.append(note)

    def render(self) -> str:
        """The table, its footnotes and its legend, as text."""
        footnotes: dict[str, int] = {}  # the same reason, one footnote
        lines: list[list[str]] = [["scenario", "runs", *COLUMNS]]
        for row in self.rows.values():
            cells = [row.scenario, str(row.runs)]
            for column in COLUMNS:
                cell = str(getattr(row.tally, column))
                if column in row.allowed:
                    number = footnotes.setdefault(row.allowed[column], len(footnotes) + 1)
                    cell += f" [{number}]"
                cells.append(cell)
            lines.append(cells)
        widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
        text = []
        for n, line in enumerate(lines):
            text.append(
                "  ".join(
                    cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
                    for i, cell in enumerate(line)
                )
            )
            if n == 0:
                text.append("  ".join("-" * w for w in widths))
        if footnotes:
            text.append("")
        for footnote, number in footnotes.items():
            text.append(f"[{number}] {footnote}")
        text.append("")
        text.append("runs, and the time each scenario took:")
        for row in self.rows.values():
            notes = "; ".join(row.notes)
            text.append(
                f"  {row.scenario}: {row.runs} {row.unit}, {row.seconds:.0f} s"
                + (f" ({notes})" if notes else "")
            )
        text.append("")
        text.append("columns:")
        for column, meaning in LEGEND.items():
            text.append(f"  {column}: {meaning}")
        return "\n".join(text)


#: The session's table; the scenarios add to it, the conftest prints it.
TABLE = Table()
