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
