"""A reward's tile says why the member cannot have it, with the count said as a count: a reward
of one stamp "Needs 1 stamp", not "Needs 1 stamps"."""

from __future__ import annotations

import pytest

from app.ui.controllers.rewards import short_of

from ...support.languages import speaking


@pytest.mark.parametrize(
    ("cost", "stamps", "said"),
    [
        (1, 0, "Needs 1 stamp; member has 0"),
        (20, 0, "Needs 20 stamps; member has 0"),
        (20, 1, "Needs 20 stamps; member has 1"),
    ],
)
def test_a_reward_out_of_reach_says_what_it_needs(cost: int, stamps: int, said: str) -> None:
    assert short_of(cost, stamps) == said


def test_in_indonesian_both_counts_read_alike() -> None:
    with speaking("id"):
        assert short_of(1, 0) == short_of(2, 0).replace("2", "1")
