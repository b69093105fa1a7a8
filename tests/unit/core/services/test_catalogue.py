"""What the catalogue makes of a voucher the server describes: its value, to the last sen."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from app.core.domain import OperationKind
from app.core.offline.policy import MemberFacts, OfflineLimits, OutageTotals, decide
from app.core.services.catalogue import voucher_facts
from app.core.stamps.models import VoucherInfo

NOW = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)


def test_a_voucher_keeps_its_decimal_value() -> None:
    facts = voucher_facts(VoucherInfo.model_validate({"id": 12, "value": 150000.5}))
    assert facts.value == Decimal("150000.5")


def test_half_a_rupiah_over_the_offline_cap_is_over_it() -> None:
    # truncated to a whole rupiah, Rp 250.000,50 passed the Rp 250.000 cap offline
    voucher = VoucherInfo.model_validate({"id": 12, "value": 250000.5, "is_active": True})
    decision = decide(
        OperationKind.VOUCHER,
        MemberFacts(
            is_blocked=False,
            redemption_allowed=True,
            pin_is_blocked=False,
            protected_redemption=False,
            fetched_at=NOW,
            projected_stamps=0,
        ),
        online=False,
        now=NOW,
        limits=OfflineLimits(max_voucher_value=250_000),
        outage=OutageTotals(),
        voucher=voucher_facts(voucher),
    )
    assert not decision.allowed
    assert "Rp 250.000,50" in decision.reason
