"""Waking the sync worker when another process queues an entry.

The outbox's listeners hear this process's writes only. A cancel ``stamps-pos cancel`` queued
while the window was open, and left waiting (its own attempt never arrived), was sent by the
window's worker only at its idle look, up to ``OutboxPolicy.idle_recheck`` (30 s) later.

The till's change watch (:mod:`app.core.services.changes`) hears every commit of another
connection, this process's own writer's included (a member cached, a claim, an answer), so a
notice alone proves nothing new to send: woken by each, the worker would wake again on the
writes of its own rounds. What proves new work is the queue's newest ``seq`` having grown (every
redemption, cancel and manager's resend is a new entry): read once per notice (the largest
primary key, a look at the index), the worker is woken only when it has. This process's own
entries make it grow too; they woke the worker already, and one more round finds nothing to do.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

import sqlalchemy as sa

from app.core.storage.problems import StorageProblem

log = logging.getLogger(__name__)


class QueuedElsewhere:
    """Calls ``wake()`` when the queue's newest entry (``newest()``, its ``seq``) is newer than
    at the last look. :meth:`heard` is the change watch's subscriber; the looks run through
    ``in_background`` one at a time (a notice heard during a look makes one more look)."""

    def __init__(
        self,
        newest: Callable[[], Awaitable[int]],
        wake: Callable[[], None],
        in_background: Callable[[Coroutine[Any, Any, object]], None],
    ) -> None:
        self._newest = newest
        self._wake = wake
        self._in_background = in_background
        # 0: the first look wakes the worker when anything is queued. An entry committed
        # between the worker's first claim and that look would otherwise be taken as seen.
        self._seen = 0
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
                if newest > self._seen:
                    self._seen = newest
                    self._wake()
                if not self._again:
                    return
        finally:
            self._looking = False
