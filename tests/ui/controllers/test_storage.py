"""The storage banner's sentence for a database that cannot be used, read as a cashier reads it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.core.storage.problems import StorageProblem, busy, cannot_use, failed
from app.ui.controllers.storage import sentence_for

DATABASE = Path("/var/lib/stamps-pos/stamps-pos.db")


@pytest.mark.parametrize(
    ("problem", "said"),
    [
        (
            failed(DATABASE, "storage.io_error"),
            f"The till's database {DATABASE} cannot be used: the disk reports an I/O error.",
        ),
        (
            cannot_use(DATABASE, "no such table: outbox_entries"),
            f"The till's database {DATABASE} cannot be used: no such table: outbox_entries.",
        ),
        (busy(DATABASE), f"The till's database {DATABASE} is held by another program"),
    ],
    ids=["I/O error", "an error's own words", "busy"],
)
def test_a_database_that_cannot_be_used_is_said_once(
    qapp: QApplication, problem: StorageProblem, said: str
) -> None:
    sentence = sentence_for(problem)
    # (an ext4 disk remounted read-only after an error, seen under X: "The till's database
    # cannot be used (The till's database … cannot be used: the disk reports an I/O error)")
    assert sentence.startswith(said)
    assert sentence.count("cannot be used") <= 1
    assert sentence.endswith(
        "Nothing can be saved, so nothing can be redeemed. The till tries again by itself."
    )
