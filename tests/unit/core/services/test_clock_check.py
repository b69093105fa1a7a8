"""Whether the till's clock can be trusted, as the window's bar and ``stamps-pos sync`` say it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.core.services.clock_check import ClockFault, ClockWarning, clock_warning


@pytest.mark.parametrize(
    ("skew", "behind", "warning"),
    [
        (None, None, None),  # no answer yet, nothing recorded
        (timedelta(seconds=119), None, None),  # within two minutes of the server's
        (timedelta(seconds=-119), 59.0, None),  # a minute's slack for what was recorded
        (-timedelta(hours=3, minutes=5), None, ClockWarning(ClockFault.BEHIND, 11100.0)),
        (timedelta(minutes=3), None, ClockWarning(ClockFault.AHEAD, 180.0)),
        (None, 3900.0, ClockWarning(ClockFault.MOVED_BACK, 3900.0)),
        # both: the server's clock says by how much, which is what the manager sets right
        (-timedelta(hours=2), 3900.0, ClockWarning(ClockFault.BEHIND, 7200.0)),
        (timedelta(seconds=10), 3900.0, ClockWarning(ClockFault.MOVED_BACK, 3900.0)),
    ],
)
def test_the_clock_is_warned_of_only_beyond_its_slack(
    skew: timedelta | None, behind: float | None, warning: ClockWarning | None
) -> None:
    assert clock_warning(skew, behind) == warning


@pytest.mark.parametrize(
    ("seconds", "minutes"),
    [(61.0, 1), (89.0, 1), (90.0, 2), (269.0, 4), (270.0, 5), (299.0, 5), (11_129.0, 185)],
)
def test_a_wrong_clock_is_said_to_the_nearest_minute(seconds: float, minutes: int) -> None:
    # 299 s behind read "4 min": a minute short of what to set the clock forward by.
    assert ClockWarning(ClockFault.BEHIND, seconds).minutes == minutes
