"""Why an entry waits for a manager and what reconciliation found in the member's activity, as
the command line prints them.

``stamps-pos exceptions`` and ``stamps-pos outbox show`` print them alike, in the sentences of the
window's Exceptions pane (the core's one builder, :func:`evidence_text`), in English and on the
till's clock: a manager deciding on an entry from either command reads what the window shows.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.cli.common import local_time, one_line
from app.core.services import (
    ExceptionItem,
    HistoryRow,
    TillConfig,
    english,
    evidence_text,
    told_when,
)


def named(row: HistoryRow) -> str:
    """Another redemption of the member, as the evidence names it: as the window's pane does
    (the member, what it was, when, who made it), with its id, which the command line takes."""
    what = row.description or row.counted_kind
    return f"{row.member}, {what}, {local_time(row.created_at)}, {row.cashier} ({row.entry_id})"


def store_codes(config: TillConfig) -> dict[int, str]:
    """The evidence names this store by the code the sign-in page shows, as the window does."""
    return {config.store: config.store_code} if config.store_code else {}


def reason_said(item: ExceptionItem) -> str:
    """Why ``item`` waits for a manager, as the window's pane says it: a moment on the till's
    clock ("since 2026-12-05 13.30"), as the evidence under it, not the record's UTC stamp."""
    return one_line(english(told_when(item.said, local_time)))


def evidence_said(
    item: ExceptionItem, *, base_url: str = "", store_codes: Mapping[int, str] | None = None
) -> list[str]:
    """The evidence of ``item``, a line each, as the window's Exceptions pane says it (it
    printed the record's keys and values, the store by its number): why a look failed in the
    words the till's ``base_url`` takes, a store of ``store_codes`` by its code."""
    said = evidence_text(
        item.evidence,
        english,
        base_url=base_url,
        when=local_time,
        named={other.entry_id: named(other) for other in item.others},
        store_codes=store_codes,
    )
    return [one_line(line) for line in said.splitlines()]
