"""End of day's lines in a manager's words (``app/ui/controllers/day.py``): each standing as the
History names it, and no Rupiah where a line has none, in English and in Bahasa Indonesia."""

from __future__ import annotations

import pytest

from app.core.services import SummaryLine
from app.ui.controllers.day import _amounts, standing_words

from ...support.languages import speaking


@pytest.mark.parametrize(
    ("language", "marked", "unknown"),
    [
        ("en", "Confirmed by a manager", "Not confirmed"),
        ("id", "Dikonfirmasi manajer", "Belum dikonfirmasi"),
    ],
)
def test_a_redemption_a_manager_marked_applied_reads_as_history_says_it(
    qapp: object, language: str, marked: str, unknown: str
) -> None:
    # End of day counted it as plain "Confirmed" while History said "Confirmed by a manager".
    with speaking(language):
        assert standing_words("confirmed_by_manager") == marked
        assert standing_words("not_confirmed") == unknown
        assert standing_words("confirmed") != marked


def test_a_line_of_rewards_has_no_rupiah_and_a_voucher_keeps_its_worth(qapp: object) -> None:
    # The Rupiah column said "Rp 0" for rewards, which have no Rupiah value.
    rewards = SummaryLine("", "", "reward", "confirmed", 2, 40, 0)
    assert _amounts(rewards) == ("2", "40", "—")
    deduct = SummaryLine("", "", "deduct", "confirmed", 1, 0, 50_000)
    assert _amounts(deduct)[2] == "Rp 50.000"
