"""Waking the sync worker when another process queues an entry.

The outbox's listeners hear this process's writes only. A cancel ``stamps-pos cancel`` queued
while the window was open, and left waiting (its own attempt never arrived), was sent by the
window's worker only at its idle look, up to ``OutboxPolicy.idle_recheck`` (30 s) later.

The till's change watch (:mod:`app.core.services.changes`) hears every commit of another
connection, this process's own writer's included (a member cached, a claim, an answer), so a
notice alone proves nothing new to send: woken by each, the worker would wake again on the writes
of its own rounds. What proves new work is a new newest entry (every redemption, cancel and
manager's resend is a new entry): read once per notice (one row, on the index of ``seq``), the
worker is woken only when it has changed. This process's own entries change it too; they woke
the worker already, and one more round finds nothing to do.

What the other process does with its entry after that (its own attempt, which failed) makes no
new entry: the worker, woken while that attempt was out, sees another process's claim and looks
again within ``OutboxPolicy.foreign_recheck`` (``SyncWorker._next_delay``).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

import sqlalchemy as sa

from app.core.storage.problems import StorageProblem

log = logging.getLogger(__name__)


class QueuedElsewhere:
    """Calls ``wake()`` when the queue's newest entry (``newest()``, its id) is not the one of
    the last look. :meth:`heard` is the change watch's subscriber; the looks run through
    ``in_background`` one at a time (a notice heard during a look makes one more look, after
    it, so a commit the look may have read too early is read again)."""

    def __init__(
        self,
        newest: Callable[[], Awaitable[str | None]],
        wake: Callable[[], None],
        in_background: Callable[[Coroutine[Any, Any, object]], None],
    ) -> None:
        self._newest = newest
        self._wake = wake
        self._in_background = in_background
        # None: the first look wakes the worker when anything is queued. An entry committed
        # between the worker's first claim and that look would otherwise be taken as seen.
        self._seen: str | None = None
        self._looking = False
        self._again = False

    def heard(self) -> None:
        """The database changed: look at the queue's newest entry (soon, on the loop)."""
        if self._looking:
            self._again = True
            return
        self._looking = True
        self._in_background(self._look())

    async def _look(self) -> None:
        try:
            while True:
                self._again = False
                try:
                    newest = await self._newest()
                except (StorageProblem, sa.exc.DBAPIError) as exc:  # a locked or refusing
                    # disk: the next notice looks again, and the idle look is still there
                    log.warning("cannot read the queue's newest entry: %s", exc)
                    return
                if newest != self._seen:
                    self._seen = newest
                    if newest is not None:
                        self._wake()
                if not self._again:
                    return
        finally:
            self._looking = False
