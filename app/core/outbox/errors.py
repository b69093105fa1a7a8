"""The outbox's own errors; their messages are safe to show a cashier or a manager."""

from __future__ import annotations

from app.core.messages import Message, english


class OutboxError(Exception):
    """An outbox request that cannot be done; the message is safe to show.

    Given a :class:`~app.core.messages.Message`, ``said`` keeps it for a screen that translates
    (``str()`` is its English); given plain text (a programming error's), ``said`` is ``None``.
    """

    def __init__(self, message: Message | str) -> None:
        if isinstance(message, Message):
            super().__init__(english(message))
            self.said: Message | None = message
        else:
            super().__init__(message)
            self.said = None


class ForbiddenPayload(OutboxError, ValueError):
    """A payload carried a PIN or a token."""


class StaleClaim(Exception):
    """The claim's lease can no longer cover a whole attempt (the process was paused between the
    claim and the send): the request was not sent."""


class StoppedBeforeSending(Exception):
    """The till stopped (it closed, or its worker was stopped) while the request was still being
    connected: not a byte of it had been written, so it was not sent."""
