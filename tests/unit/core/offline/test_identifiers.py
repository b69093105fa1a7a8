"""Every way a cashier types or scans an identifier reaches the same key."""

from __future__ import annotations

import pytest

from app.core.offline.identifiers import keys_for, normalise_phone, prefix_reading, readings


@pytest.mark.parametrize(
    "typed",
    ["+6281210000006", "6281210000006", "081210000006", "0812-1000-0006", "+62 812 1000 0006"],
)
def test_the_three_phone_forms_are_one_number(typed: str) -> None:
    assert normalise_phone(typed) == "6281210000006"
    assert readings(typed)[0] == "6281210000006"


@pytest.mark.parametrize("typed", ["abc", "12", "+1 (555) 0100-2000-3000-4000", ""])
def test_what_is_not_a_phone_is_not_read_as_one(typed: str) -> None:
    assert normalise_phone(typed) is None


def test_emails_are_case_insensitive_and_codes_upper_case() -> None:
    assert readings(" Customer@Stamps.co.ID ") == ["customer@stamps.co.id"]
    assert readings("kr24000006") == ["KR24000006"]
    assert "70140000000006" in readings("7014 0000 0000 06")


def test_a_member_is_indexed_by_every_identifier() -> None:
    keys = keys_for(
        email="Customer@stamps.co.id",
        phone="+6281210000006",
        member_ids=("KR24000006",),
        card_number="70140000000006",
    )
    assert keys == {"customer@stamps.co.id", "6281210000006", "KR24000006", "70140000000006"}


def test_type_ahead_prefixes_read_like_full_identifiers() -> None:
    assert prefix_reading("0812") == "62812"
    assert prefix_reading("+62812") == "62812"
    assert prefix_reading("kr24") == "KR24"
    assert prefix_reading("Cust@") == "cust@"
