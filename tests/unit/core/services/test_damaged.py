"""A damaged database at start: what it still holds is listed, and only one of its own managers
(with their PIN) vouches for setting it aside; nothing about it is changed by looking."""

from __future__ import annotations

import asyncio
from pathlib import Path

from app.core.credentials import Secret
from app.core.domain import OperationKind
from app.core.outbox import Outbox, OutboxPolicy
from app.core.services.damaged import look_at_damaged, manager_vouches
from app.core.services.staff import Role, Staff
from app.core.storage.problems import DatabaseDamaged

from ....support.disk import damage_page_holding
from .conftest import CHEAP, TERMINAL


async def fill(db_path: Path) -> None:
    """Two managers (one disabled) and forty queued entries."""
    outbox = await Outbox.open(db_path, OutboxPolicy())
    staff = Staff(outbox.db, TERMINAL, CHEAP)
    await staff.add_first_manager("Dewi", Secret("246810"))
    await staff.add("Dewi", Role.MANAGER, "Wayan", Secret("135792"))
    await staff.set_active("Dewi", Role.MANAGER, "Wayan", False)
    for number in range(40):
        await outbox.enqueue(
            OperationKind.REWARD,
            {"user": "m1", "reward": 1, "store": 7, "invoice_number": f"INV-MARK-{number:03}"},
            lane="member:1",
            user="m1",
            cashier="Rina",
            terminal=TERMINAL,
            stamps=10,
        )
    await outbox.close()


def test_the_damaged_files_entries_are_listed_and_its_manager_vouches(db_path: Path) -> None:
    asyncio.run(fill(db_path))
    damage_page_holding(db_path, b"INV-MARK-039")
    before = db_path.read_bytes()

    found = look_at_damaged(DatabaseDamaged(db_path, ["page 7 is damaged"]))

    assert found.problems == ("page 7 is damaged",)
    assert 0 < len(found.entries) < 40 and not found.complete
    assert {(e.kind, e.status, e.user) for e in found.entries} == {("reward", "queued", "m1")}
    assert all(e.made is not None and e.made.tzinfo is not None for e in found.entries)
    assert found.has_managers
    assert manager_vouches(db_path, "dewi", Secret("246810"))
    assert not manager_vouches(db_path, "Dewi", Secret("246811"))
    assert not manager_vouches(db_path, "Wayan", Secret("135792"))  # disabled
    assert not manager_vouches(db_path, "<Dewi>", Secret("246810"))
    assert db_path.read_bytes() == before


def test_a_file_that_is_no_database_has_nothing_and_nobody(tmp_path: Path) -> None:
    path = tmp_path / "till.db"
    path.write_bytes(b"\0" * 4096)
    found = look_at_damaged(DatabaseDamaged(path, ["not a database"]))
    assert (found.entries, found.has_managers) == ((), False)
    assert not manager_vouches(path, "Dewi", Secret("246810"))
