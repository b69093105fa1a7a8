"""What the till's records know of a name a manager filters by: a typo is told apart from
someone who did nothing in the span, and someone who has left is still known."""

from __future__ import annotations

from app.core.credentials import Secret
from app.core.services.on_record import OnRecord
from app.core.services.staff import Role, Staff

MGR_PIN = Secret("246810")


async def test_someone_with_audit_lines_and_no_account_is_known(staff: Staff) -> None:
    # An auditor asks for Wayan, a manager's helper whose account is gone from the list (renamed
    # since): his lines are on record, so `audit --who Wayan` is no typo.
    records = OnRecord(staff.db)
    await staff.add_first_manager("Dewi", MGR_PIN)
    await staff.add("Dewi", Role.CASHIER, "Rina", None)
    await staff.audit_action("Wayan", "settings_changed")
    assert await records.actor("wayan")  # his line, any case
    assert await records.actor("RINA")  # an account with no line of her own
    assert await records.actor("Dewi")
    assert not await records.actor("Rna")
    await staff.rename("Dewi", Role.CASHIER, "Rina", "Rina Putri")
    assert await records.cashier("rina putri")
    assert not await records.cashier("Rna")
