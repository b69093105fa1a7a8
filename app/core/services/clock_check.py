"""Whether the till's clock can be trusted (architecture §3, the wall clock): within two minutes
of the Stamps server's ``Date``, and no earlier than the redemptions the till already recorded.
A wrong clock puts the wrong day on End of day, wrong times on slips and the shift's list, and
leaves idempotency windows unmeasurable, so the window's bar and ``stamps-pos sync`` say so;
``stamps-pos doctor`` checks both too."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from app.core.offline.connectivity import SKEW_WARNING
from app.core.outbox.policy import OutboxPolicy

#: How much earlier than the last queued redemption the clock may read before the till says so:
#: the outbox's own tolerance, past which it trusts no idempotency key (architecture §3).
CLOCK_BEHIND_WARNING = OutboxPolicy.clock_tolerance


class ClockFault(StrEnum):
    """What is wrong with the till's clock."""

    #: It reads later than the server's.
    AHEAD = "ahead"
    #: It reads earlier than the server's.
    BEHIND = "behind"
    #: It reads earlier than redemptions the till already recorded (moved back since).
    MOVED_BACK = "moved_back"


@dataclass(frozen=True)
class ClockWarning:
    """The till's clock is wrong: how (``fault``) and by how many ``seconds``."""

    fault: ClockFault
    seconds: float

    @property
    def minutes(self) -> int:
        """By how much, to the nearest whole minute, half a minute up: what a person sets the
        clock by. Cut down to whole minutes, a clock 299 s behind read "4 min", a minute short
        of what to set it forward by. (A warning is always over a minute, so never "0 min".)"""
        return math.floor(self.seconds / 60 + 0.5)


def clock_warning(skew: timedelta | None, clock_behind: float | None) -> ClockWarning | None:
    """What to say of the clock, given its ``skew`` from the server's last ``Date`` (the till's
    minus the server's; ``None`` before any answer) and how many seconds it reads earlier than
    the last redemption the till queued (:attr:`OutboxStatus.clock_behind`); ``None`` when it is
    right. The server's clock comes first when both are off: it says by how much to set it."""
    if skew is not None and abs(skew) > SKEW_WARNING:
        seconds = skew.total_seconds()
        return ClockWarning(ClockFault.AHEAD if seconds > 0 else ClockFault.BEHIND, abs(seconds))
    if clock_behind is not None and clock_behind > CLOCK_BEHIND_WARNING:
        return ClockWarning(ClockFault.MOVED_BACK, clock_behind)
    return None
