"""The window's event loop (app/ui/loop.py): qasync's, whose timers go when they are cancelled.

Every request the till makes is guarded by timeouts that are cancelled a few milliseconds into
their seconds. qasync kept each cancelled one, with the context of the request it guarded,
until it would have fired: a drain held some 1,700 at a time, and the GUI thread's garbage
collections walked all they held.
"""

from __future__ import annotations

import asyncio
import contextvars
import weakref

from app.ui.loop import GuiLoop

REQUEST: contextvars.ContextVar[object] = contextvars.ContextVar("request")


class Request:
    """What a request's context holds (the HTTP client's flight, the entry's log name...)."""


async def _ask(request: Request) -> None:
    REQUEST.set(request)  # in the task's own context, as the worker's lanes set theirs
    await asyncio.wait_for(asyncio.sleep(0), 30)  # answered in time: its 30 s timer cancelled


async def test_a_wait_answered_in_time_leaves_nothing_of_its_request_behind():
    loop = asyncio.get_running_loop()
    assert isinstance(loop, GuiLoop)
    requests = [Request() for _ in range(50)]
    gone = [weakref.ref(request) for request in requests]
    for request in requests:
        await loop.create_task(_ask(request))
    del requests, request
    REQUEST.set(None)  # a context variable remembers the last value it was set to (CPython)
    await asyncio.sleep(0)  # resumed by another callback: the one running now holds the last task

    assert [ref for ref in gone if ref() is not None] == []  # qasync kept all 50 for 30 s


async def test_a_cancelled_timer_never_runs_and_lets_go_of_its_context():
    loop = asyncio.get_running_loop()
    ran: list[str] = []
    context = contextvars.copy_context()
    request = Request()
    context.run(REQUEST.set, request)
    gone = weakref.ref(request)
    handle = loop.call_later(0.01, ran.append, "cancelled", context=context)
    del context, request
    REQUEST.set(None)  # (as above)
    handle.cancel()
    del handle
    assert gone() is None

    later = asyncio.Event()
    loop.call_later(0.05, later.set)
    await asyncio.wait_for(later.wait(), 5)
    assert ran == []


async def test_callbacks_run_in_order_and_timeouts_still_fire():
    loop = asyncio.get_running_loop()
    ran: list[int] = []
    for number in range(5):
        loop.call_soon(ran.append, number)
    handle = loop.call_later(0.02, ran.append, 9)
    assert handle.when() > loop.time()
    await asyncio.sleep(0.05)
    assert ran == [0, 1, 2, 3, 4, 9]

    never = asyncio.Event()
    start = loop.time()
    try:
        async with asyncio.timeout(0.02):
            await never.wait()
    except TimeoutError:
        pass
    else:
        raise AssertionError("the timeout did not fire")
    assert loop.time() - start < 5
