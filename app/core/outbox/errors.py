"""The outbox's own errors; their messages are safe to show a cashier or a manager."""

from __future__ import annotations


class OutboxError(Exception):
    """An outbox request that cannot be done; the message is safe to show."""


class ForbiddenPayload(OutboxError, ValueError):
    """A payload carried a PIN or a token."""


class StaleClaim(Exception):
    """The claim's lease can no longer cover a whole attempt (the process was paused between the
    claim and the send): the request was not sent."""
