"""The outbox: enqueue, claim and transitions, the sync worker, retry policy, reconciliation.

Every redemption and cancellation is an entry here first; the :class:`SyncWorker` sends it
(DESIGN.md §3).
"""

from app.core.outbox.claim import Claimed
from app.core.outbox.errors import ForbiddenPayload, OutboxError
from app.core.outbox.outbox import Outbox, OutboxStatus, check_payload
from app.core.outbox.policy import OutboxPolicy, key_vouches
from app.core.outbox.retry import RetryPolicy
from app.core.outbox.transitions import Decision, decide
from app.core.outbox.transport import ActivityRecord, OutboxTransport, SubmitResult
from app.core.outbox.worker import SyncWorker

__all__ = [
    "ActivityRecord",
    "Claimed",
    "Decision",
    "ForbiddenPayload",
    "Outbox",
    "OutboxError",
    "OutboxPolicy",
    "OutboxStatus",
    "OutboxTransport",
    "RetryPolicy",
    "SubmitResult",
    "SyncWorker",
    "check_payload",
    "decide",
    "key_vouches",
]
