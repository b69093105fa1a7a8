"""Money and channel values as a cashier reads them."""

from __future__ import annotations

import pytest

from app.core.domain import Channel, format_rupiah


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


def test_channels_match_the_api_numbering() -> None:
    assert (Channel.POS, Channel.KIOSK, Channel.GOFOOD) == (2, 3, 9)
