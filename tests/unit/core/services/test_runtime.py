"""A till put together from its settings: the parts get the settings that are theirs."""

from __future__ import annotations

from app.config import load_settings
from app.core.services.runtime import retry_policy


def test_the_retry_after_cap_reaches_the_backoff() -> None:
    settings = load_settings(merchant=1, store=2, retry_after_cap=120)
    policy = retry_policy(settings)
    assert policy.retry_after_cap == 120
    assert policy.delay(1, retry_after=1e308) == 120
