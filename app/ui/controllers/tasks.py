"""Running the controllers' coroutines on the qasync loop: kept referenced, errors to the crash
path, and stale work cancelled."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")

# Tasks the loop only holds weakly: a task nobody references can be collected mid-flight.
_running: set[asyncio.Task[Any]] = set()


def _finished(task: asyncio.Task[Any]) -> None:
    _running.discard(task)
    if task.cancelled():
        return
    error = task.exception()
    if error is not None:
        # The one crash path (app/ui/crash.py) is the loop's exception handler.
        task.get_loop().call_exception_handler(
            {"message": f"unhandled error in {task.get_name()}", "exception": error, "task": task}
        )


def spawn(coro: Coroutine[Any, Any, T], *, name: str | None = None) -> asyncio.Task[T]:
    """Run ``coro`` in the background; an error it raises reaches the crash dialog."""
    task = asyncio.ensure_future(coro)
    if name:
        task.set_name(name)
    _running.add(task)
    task.add_done_callback(_finished)
    return task


class LatestOnly:
    """One piece of work at a time, the newest winning: starting another cancels the one before
    (search-as-you-type must not let a slow, stale lookup land after a newer one)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._task: asyncio.Task[Any] | None = None

    def start(self, coro: Coroutine[Any, Any, T]) -> asyncio.Task[T]:
        """Cancel the running one, if any, and start ``coro``."""
        self.cancel()
        task = spawn(coro, name=self.name)
        self._task = task
        return task

    def cancel(self) -> None:
        """Cancel the running one, if any."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = None

    @property
    def running(self) -> bool:
        """Whether work is in progress."""
        return self._task is not None and not self._task.done()
