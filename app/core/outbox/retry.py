"""When to try again: full-jitter exponential backoff, never sooner than the server asks.

The server's ``Retry-After`` is read once, by the client
(:func:`app.core.stamps.parsing.parse_retry_after`), and reaches :meth:`RetryPolicy.delay` in
seconds.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

#: 2**MAX_EXPONENT × base is far past any cap; beyond it the exponent stops growing.
MAX_EXPONENT = 32


@dataclass(frozen=True)
class RetryPolicy:
    """``random(0, min(cap, base·2^attempts))`` seconds, and at least ``Retry-After``.

    ``random`` returns a float in [0, 1); tests inject a fixed one.
    """

    base: float = 1.0
    cap: float = 300.0
    random: Callable[[], float] = field(default=random.random, compare=False)

    def ceiling(self, attempts: int) -> float:
        """The largest delay after ``attempts`` attempts."""
        return float(min(self.cap, self.base * 2 ** min(max(attempts, 0), MAX_EXPONENT)))

    def delay(self, attempts: int, retry_after: float | None = None) -> float:
        """Seconds to wait before the next attempt, after ``attempts`` attempts so far."""
        jitter = self.random() * self.ceiling(attempts)
        if retry_after is not None and retry_after > 0:
            return max(jitter, retry_after)
        return jitter
