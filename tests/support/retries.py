"""The sync worker's retries, held back for a test that reads an entry between two attempts
(shared by the integration and UI tests)."""

from __future__ import annotations

import pytest

from app.core.outbox.retry import RetryPolicy
from app.core.services.config import TillConfig


@pytest.fixture
def no_retry_meanwhile(monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker's next try after a failed or unanswered attempt comes ten minutes later at
    the soonest: a test that reads an entry between attempts reads the same thing on a loaded
    machine. (The first retry is drawn in [0, 2) s, and came before a slow test read its
    receipt.) Connectivity coming back still wakes an entry that never arrived, within the
    outbox's reconnect spread. Use it before the fixture that opens the till."""

    def patient(config: TillConfig) -> RetryPolicy:
        return RetryPolicy(base=600.0, retry_after_cap=config.retry_after_cap)

    monkeypatch.setattr(TillConfig, "retry_policy", patient)
