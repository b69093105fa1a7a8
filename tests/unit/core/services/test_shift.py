"""The shift's CSV as a manager opens it in a spreadsheet."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from app.core.services.receipts import Verdict
from app.core.services.shift import ShiftRow, csv_text


def _row(**changes: object) -> ShiftRow:
    values: dict[str, object] = {
        "time": datetime(2026, 12, 1, 9, 30, tzinfo=UTC),
        "cashier": "Dewi",
        "member": "Ayu Lestari",
        "kind": "reward",
        "what": "Free Coffee",
        "stamps": 5,
        "rupiah": Decimal(0),
        "invoice": "INV-1",
        "status": Verdict.CONFIRMED,
        "server_redemption_id": 77,
        "reason": None,
        "entry_id": "e-1",
    }
    values.update(changes)
    return ShiftRow(**values)  # type: ignore[arg-type]


def _cells(text: str) -> dict[str, str]:
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 1
    return rows[0]


def test_a_name_or_reward_from_the_server_that_reads_as_a_formula_is_written_as_text() -> None:
    # The member's name and the reward's name come from the server; the invoice from the
    # cashier. A spreadsheet runs a cell that starts with "=", "+", "-" or "@".
    text = csv_text(
        [
            _row(
                member='=HYPERLINK("http://evil.example","Ayu")',
                what="+cmd|' /C calc'!A0",
                invoice="@SUM(1+1)",
                cashier="-Dewi",
            )
        ]
    )
    cells = _cells(text)
    assert cells["member"] == '\'=HYPERLINK("http://evil.example","Ayu")'
    assert cells["what"] == "'+cmd|' /C calc'!A0"
    assert cells["invoice"] == "'@SUM(1+1)"
    assert cells["cashier"] == "'-Dewi"


def test_numbers_and_plain_text_are_written_as_they_are() -> None:
    cells = _cells(csv_text([_row(rupiah=Decimal("150000.50"), stamps=12)]))
    assert cells["member"] == "Ayu Lestari"
    assert cells["stamps"] == "12"
    assert cells["rupiah"] == "150000.50"
    assert cells["time"] == "2026-12-01T09:30:00+00:00"
    assert cells["server_redemption_id"] == "77"


def test_an_invoice_or_a_card_of_digits_is_written_as_the_till_has_it() -> None:
    # Not marked up for one program: an apostrophe stays in the text for every other reader
    # (an invoice "'000123" matches no receipt in the books).
    cells = _cells(csv_text([_row(invoice="000123", member="70140000000123")]))
    assert cells["invoice"] == "000123"
    assert cells["member"] == "70140000000123"
    assert cells["stamps"] == "5"


@pytest.mark.usefixtures("in_jakarta")
def test_times_are_the_till_s_local_time_with_its_offset() -> None:
    # A sale at 16.30 in Jakarta read 09:30 in the spreadsheet: the time was UTC's.
    cells = _cells(csv_text([_row(time=datetime(2026, 12, 1, 9, 30, 15, 277940, tzinfo=UTC))]))
    assert cells["time"] == "2026-12-01T16:30:15+07:00"
