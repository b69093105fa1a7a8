"""Reading an answer into its model off the event loop when the answer is large.

The client runs on the window's event loop, the GUI thread. Reading an answer (decoding its JSON,
cleaning and masking every string, validating the model) costs about 45 µs a kilobyte on the
machine it was measured on: a member's details (1–2 KB) a tenth of a millisecond, a 1 MB
catalogue about 50 ms, three frames the window would not paint at a scan. An answer over
:data:`OFF_LOOP_BYTES` is read on the client's reader thread instead. That thread still holds the
GIL while it works, but Python hands it over every switch interval (5 ms), so the GUI thread
paints between slices; ``json.loads`` and the model's validation each keep it for their whole
call (7–8 and 9–11 ms for 1 MB), the cleaning walk in between does not.

A request cancelled while its answer is read there delivers nothing (its await is cancelled),
and its reading stops at the next object of the answer (:class:`~parsing.Abandoned`), so a
till closing does not wait out a body nobody will see.

No garbage collection starts while the thread reads (:class:`CollectorHold`): one started by its
allocations would free whatever unreachable objects it found on that thread, the window's Qt
objects among them, off the GUI thread (``app/ui/cashier.py`` holds it for its loading thread
for the same reason). The collector is given back on the event loop's thread once the reading
has ended, cancelled or not, so the collection it owes runs there.
"""

from __future__ import annotations

import asyncio
import functools
import gc
import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel

from app.core.stamps import parsing

M = TypeVar("M", bound=BaseModel)

#: Answers up to this many bytes are read where they arrive. Below it the hop to the thread and
#: back (about 0.1 ms) is a noticeable share of the reading (32 KB read in about 1.5 ms, a tenth
#: of a frame); every lookup, validation and redemption answer is far below it, a catalogue
#: page of 100 rewards around it, and only a catalogue this large costs the window a frame.
OFF_LOOP_BYTES = 32_000


class CollectorHold:
    """The garbage collector held off while any reading is on the thread, given back (as it was)
    when the last one ends. Taken and given back on the event loop's thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._readings = 0
        self._was_enabled = False

    def hold(self) -> None:
        """One more reading on the thread."""
        with self._lock:
            if self._readings == 0:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._readings += 1

    def release(self) -> None:
        """One reading ended."""
        with self._lock:
            self._readings -= 1
            if self._readings == 0 and self._was_enabled:
                gc.enable()


_COLLECTOR = CollectorHold()


def _release_on(loop: asyncio.AbstractEventLoop) -> None:
    """From the reader thread, as a reading ends: the collector is given back on ``loop``'s
    thread (on this one if the loop has closed meanwhile: nothing is left to paint)."""
    try:
        loop.call_soon_threadsafe(_COLLECTOR.release)
    except RuntimeError:
        _COLLECTOR.release()


class AnswerReader:
    """Reads the client's answers (:func:`~parsing.interpret`): small ones at once on the
    caller's thread, large ones on a thread of its own (one: they share the GIL anyway, and one
    thread at a time contends with the window for it)."""

    def __init__(self, off_loop_bytes: int = OFF_LOOP_BYTES) -> None:
        self.off_loop_bytes = off_loop_bytes
        self._thread: ThreadPoolExecutor | None = None

    async def interpret(
        self,
        response: httpx.Response,
        model: type[M],
        *,
        now: datetime,
        secrets: Iterable[str] = (),
        mask_answer: bool = True,
        read_only: bool = False,
    ) -> tuple[M, dict[str, Any]]:
        """``response`` read as :func:`~parsing.interpret` reads it, with the same result or
        error whichever thread read it."""
        options: dict[str, Any] = {
            "now": now,
            "secrets": tuple(secrets),
            "mask_answer": mask_answer,
            "read_only": read_only,
        }
        if len(response.content) <= self.off_loop_bytes:
            return parsing.interpret(response, model, **options)
        if self._thread is None:
            self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="stamps-reader")
        loop = asyncio.get_running_loop()
        abandoned = threading.Event()
        work = functools.partial(parsing.interpret, response, model, abandoned=abandoned, **options)
        _COLLECTOR.hold()
        try:
            reading = self._thread.submit(work)
        except BaseException:
            _COLLECTOR.release()
            raise
        reading.add_done_callback(lambda _: _release_on(loop))
        try:
            return await asyncio.wrap_future(reading, loop=loop)
        finally:
            # cancelled (or already done): whatever the thread has left of it is given up
            abandoned.set()

    def close(self) -> None:
        """Let the reader thread go without waiting for it: a reading on it or queued for it is
        either abandoned (its request cancelled) or delivered to a caller still waiting. A later
        large answer starts a new thread."""
        if self._thread is not None:
            self._thread.shutdown(wait=False)
            self._thread = None
