"""The outbox: enqueue, claim and transitions, the sync worker, retry policy, reconciliation.

Every redemption and cancellation is an entry here first; the :class:`SyncWorker` sends it
(architecture §3).
"""

from app.core.outbox.claim import Claimed
from app.core.outbox.errors import ForbiddenPayload, OutboxError
from app.core.outbox.outbox import Outbox, check_payload
from app.core.outbox.policy import OutboxPolicy, key_vouches
from app.core.outbox.remote import ActivityRecord, OutboxTransport, SubmitResult
from app.core.outbox.retry import RetryPolicy
from app.core.outbox.status import OutboxStatus
from app.core.outbox.transitions import NextState, next_state
from app.core.outbox.worker import SyncWorker

__all__ = [
    "ActivityRecord",
    "Claimed",
    "ForbiddenPayload",
    "NextState",
    "Outbox",
    "OutboxError",
    "OutboxPolicy",
    "OutboxStatus",
    "OutboxTransport",
    "RetryPolicy",
    "SubmitResult",
    "SyncWorker",
    "check_payload",
    "key_vouches",
    "next_state",
]
