"""Managers' and cashiers' PINs: the rule for a new one, and the salted scrypt hash."""

from __future__ import annotations

import pytest

from app.core.credentials import Secret
from app.core.services.fields import FieldRefused
from app.core.services.pins import (
    DEFAULT_COST,
    PIN_INPUT_MAX,
    ScryptCost,
    check_new_pin,
    hash_pin,
    pin_matches,
)

CHEAP = ScryptCost(n=2**4, r=8, p=1)


@pytest.mark.parametrize(
    ("role", "pin"),
    [("manager", "246810"), ("manager", "90817263"), ("cashier", "2580"), ("cashier", "13579")],
)
def test_a_pin_that_meets_the_rule_is_accepted(role: str, pin: str) -> None:
    check_new_pin(Secret(pin), role)


@pytest.mark.parametrize(
    ("role", "pin", "reason"),
    [
        ("manager", "", "required"),
        ("manager", "2468", "6 to 8 digits"),
        ("manager", "246813579", "6 to 8 digits"),
        ("cashier", "258", "4 to 8 digits"),
        ("cashier", "25a0", "digits only"),
        ("cashier", "２５８a", "digits only"),
        ("cashier", "0000", "one digit repeated"),
        ("manager", "123456", "straight run"),
        ("manager", "987654", "straight run"),
    ],
)
def test_a_weak_or_malformed_pin_is_refused(role: str, pin: str, reason: str) -> None:
    with pytest.raises(FieldRefused) as refused:
        check_new_pin(Secret(pin), role)
    assert reason in refused.value.reason
    if pin:
        assert pin not in str(refused.value)


def test_the_hash_is_salted_and_checks_only_its_pin() -> None:
    one, two = hash_pin(Secret("246810"), CHEAP), hash_pin(Secret("246810"), CHEAP)
    assert one != two  # a fresh salt each time
    assert "246810" not in one
    assert pin_matches(Secret("246810"), one) and pin_matches(Secret("246810"), two)
    assert not pin_matches(Secret("246811"), one)
    assert not pin_matches(Secret(""), one)


def test_a_pin_typed_in_full_width_digits_is_kept_as_the_ascii_pin() -> None:
    # An input method in full-width mode types ２５８０ for 2580 into a PIN field.
    check_new_pin(Secret("２５８０"), "cashier")
    stored = hash_pin(Secret("２５８０"), CHEAP)
    assert pin_matches(Secret("2580"), stored)
    assert pin_matches(Secret("٢٥٨٠"), stored)
    assert not pin_matches(Secret("２５８１"), stored)


def test_the_default_cost_is_stored_with_the_hash_and_still_checks() -> None:
    stored = hash_pin(Secret("246810"))
    scheme, n, r, p, _salt, _hash = stored.split("$")
    assert (scheme, int(n), int(r), int(p)) == ("scrypt", DEFAULT_COST.n, DEFAULT_COST.r, 1)
    assert pin_matches(Secret("246810"), stored)


@pytest.mark.parametrize(
    "stored", ["", "bcrypt$x", "scrypt$16$8$1$not base64!$x", "scrypt$a$b$c$d$e"]
)
def test_an_unreadable_hash_matches_nothing(stored: str) -> None:
    assert not pin_matches(Secret("246810"), stored)


def test_an_absurdly_long_pin_is_wrong_without_hashing_it() -> None:
    stored = hash_pin(Secret("246810"), CHEAP)
    assert not pin_matches(Secret("2" * (PIN_INPUT_MAX + 1)), stored)
