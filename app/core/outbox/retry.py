"""When to try again: full-jitter exponential backoff, never sooner than the server asks, and
never later than the till is willing to wait on its word.

The server's ``Retry-After`` is read once, by the client
(:func:`app.core.stamps.parsing.parse_retry_after`), and reaches :meth:`RetryPolicy.delay` in
seconds.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field

#: 2**MAX_EXPONENT × base is far past any cap; beyond it the exponent stops growing.
MAX_EXPONENT = 32
#: The longest a ``Retry-After`` is honoured by default: an hour (the ``retry_after_cap`` setting).
RETRY_AFTER_CAP = 3600.0


@dataclass(frozen=True)
class RetryPolicy:
    """``random(0, min(cap, base·2^attempts))`` seconds, and at least ``Retry-After``, which
    counts for no more than ``retry_after_cap`` (a server asking for ``1e308`` s gets an hour).

    ``random`` returns a float in [0, 1); tests inject a fixed one.
    """

    base: float = 1.0
    cap: float = 300.0
    retry_after_cap: float = RETRY_AFTER_CAP
    random: Callable[[], float] = field(default=random.random, compare=False)

    def ceiling(self, attempts: int) -> float:
        """The largest delay after ``attempts`` attempts."""
        return float(min(self.cap, self.base * 2 ** min(max(attempts, 0), MAX_EXPONENT)))

    def delay(self, attempts: int, retry_after: float | None = None) -> float:
        """Seconds to wait before the next attempt, after ``attempts`` attempts so far."""
        jitter = self.random() * self.ceiling(attempts)
        if retry_after is not None and not math.isnan(retry_after) and retry_after > 0:
            return max(jitter, min(retry_after, self.retry_after_cap))
        return jitter
