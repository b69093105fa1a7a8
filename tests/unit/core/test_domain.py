"""Money and channel values as a cashier reads them; a member as each endpoint names them."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from app.core.domain import (
    Channel,
    Member,
    MissingIdentifier,
    OperationKind,
    format_count,
    format_rupiah,
)


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (100_000, "Rp 100.000"),
        (0, "Rp 0"),
        (250, "Rp 250"),
        (1_250_000, "Rp 1.250.000"),
        (-5_000, "-Rp 5.000"),
    ],
)
def test_rupiah_groups_thousands_with_dots(amount: int, text: str) -> None:
    assert format_rupiah(amount) == text


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (Decimal("150000"), "Rp 150.000"),
        (Decimal("150000.00"), "Rp 150.000"),
        (Decimal("150000.5"), "Rp 150.000,50"),
        (Decimal("1250000.75"), "Rp 1.250.000,75"),
        (Decimal("0.125"), "Rp 0,125"),
        (Decimal("-5000.5"), "-Rp 5.000,50"),
    ],
)
def test_rupiah_with_decimals_uses_a_comma(amount: Decimal, text: str) -> None:
    assert format_rupiah(amount) == text


@pytest.mark.parametrize(
    ("count", "text"), [(0, "0"), (999, "999"), (1_000, "1.000"), (1_250_000, "1.250.000")]
)
def test_a_count_of_stamps_groups_thousands_with_dots(count: int, text: str) -> None:
    assert format_count(count) == text


def test_channels_match_the_api_numbering() -> None:
    assert (Channel.POS, Channel.KIOSK, Channel.GOFOOD) == (2, 3, 9)


# --- who the member is, to each endpoint ------------------------------------------------------


def member(**fields: object) -> Member:
    values: dict[str, object] = {
        "server_id": "454",
        "name": "Wisesi",
        "email": "wisesi@contoh.co.id",
        "phone": "+628555756061",
        "member_ids": ("RRROWO5U51",),
        "card_number": None,
        "level": "Silver",
        "stamps": 10,
        "balance": None,
        "is_blocked": False,
        "redemption_allowed": True,
        "protected_redemption": False,
        "pin_is_blocked": False,
        "fetched_at": datetime(2026, 11, 25, tzinfo=UTC),
    }
    values.update(fields)
    return Member(**values)  # type: ignore[arg-type]


REDEMPTIONS = [k for k in OperationKind if k not in (OperationKind.CODE, OperationKind.CANCEL)]


@pytest.mark.parametrize("kind", REDEMPTIONS)
def test_redemptions_take_the_email_else_the_member_id(kind: OperationKind) -> None:
    # redemption_api.rst: user is "customer's email or Member ID"
    assert member().identifier_for(kind) == "wisesi@contoh.co.id"
    assert member(email=None).identifier_for(kind) == "RRROWO5U51"
    assert member().user == "wisesi@contoh.co.id"


def test_a_voucher_code_takes_the_email_else_the_phone() -> None:
    # by-voucher-code's identifier is "email or phone"; so is the activity feed's user
    assert member().identifier_for(OperationKind.CODE) == "wisesi@contoh.co.id"
    no_email = member(email=None)
    assert no_email.identifier_for(OperationKind.CODE) == "+628555756061"
    assert no_email.contact == "+628555756061"


@pytest.mark.parametrize("kind", REDEMPTIONS)
def test_the_primary_key_is_never_sent_where_it_is_not_allowed(kind: OperationKind) -> None:
    phone_only = member(email=None, member_ids=())
    assert phone_only.user is None
    with pytest.raises(MissingIdentifier) as caught:
        phone_only.identifier_for(kind)
    assert "Wisesi" in str(caught.value)
    assert "email or Member ID" in str(caught.value)
    assert "454" not in str(caught.value)


def test_a_member_with_neither_email_nor_phone_cannot_redeem_a_code() -> None:
    card_only = member(email=None, phone=None)
    assert card_only.contact is None
    with pytest.raises(MissingIdentifier, match="email or phone"):
        card_only.identifier_for(OperationKind.CODE)


def test_pin_and_details_take_anything_the_member_has() -> None:
    # authorize and member details accept email, Member ID, mobile number or primary key
    assert member().lookup == "wisesi@contoh.co.id"
    assert member(email=None).lookup == "RRROWO5U51"
    assert member(email=None, member_ids=()).lookup == "+628555756061"
    assert member(email=None, member_ids=(), phone=None).lookup == "454"
