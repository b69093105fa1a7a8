"""Backoff bounds and Retry-After."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.outbox import RetryPolicy


@given(attempts=st.integers(min_value=0, max_value=10_000), r=st.floats(0, 1, exclude_max=True))
def test_full_jitter_stays_within_its_ceiling(attempts: int, r: float) -> None:
    policy = RetryPolicy(random=lambda: r)
    delay = policy.delay(attempts)
    assert 0 <= delay <= min(300.0, 2.0 ** min(attempts, 32))
    assert delay <= 300.0


@pytest.mark.parametrize(
    ("attempts", "ceiling"), [(0, 1), (1, 2), (4, 16), (8, 256), (9, 300), (99, 300)]
)
def test_ceiling_doubles_to_the_cap(attempts: int, ceiling: float) -> None:
    assert RetryPolicy().ceiling(attempts) == ceiling
    assert RetryPolicy(random=lambda: 0.999999).delay(attempts) == pytest.approx(ceiling, rel=1e-5)
    assert RetryPolicy(random=lambda: 0.0).delay(attempts) == 0.0


def test_retry_after_is_a_floor() -> None:
    policy = RetryPolicy(random=lambda: 0.5)
    assert policy.delay(1, retry_after=30) == 30
    assert policy.delay(20, retry_after=30) == 150  # the jitter is longer: keep it
    assert policy.delay(1, retry_after=0) == 1


@pytest.mark.parametrize("asked", [3600.0, 3601.0, 86400.0 * 365, 1e308, float("inf")])
def test_retry_after_is_capped(asked: float) -> None:
    # a server asking for 1e308 s (or a year) gets an hour, the setting's default
    policy = RetryPolicy(random=lambda: 0.5)
    assert policy.delay(1, retry_after=asked) == 3600.0
    assert RetryPolicy(random=lambda: 0.5, retry_after_cap=60).delay(1, retry_after=asked) == 60


@given(
    attempts=st.integers(min_value=0, max_value=10_000),
    asked=st.none() | st.floats(allow_nan=False),
)
def test_a_delay_is_always_a_finite_time(attempts: int, asked: float | None) -> None:
    delay = RetryPolicy().delay(attempts, retry_after=asked)
    assert 0 <= delay <= 3600.0
    assert timedelta(seconds=delay)  # never an OverflowError where the outbox uses it
