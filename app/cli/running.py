"""Running a headless command: the till it works on, and turning a :class:`Stop` into an exit."""

from __future__ import annotations

import argparse
import asyncio
import signal
import threading
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Any

from app.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_TERMINATED,
    EXIT_USAGE,
    Stop,
    report_failure,
    settings_and_token,
    token_source,
)
from app.cli.database import refuse_damaged, start_new_database
from app.core.services import (
    DatabaseDamaged,
    DatabaseTooNew,
    RuntimeOptions,
    StorageProblem,
    Till,
    open_till,
)


@asynccontextmanager
async def till_for(args: argparse.Namespace, *, worker: bool) -> AsyncIterator[Till]:
    """The till of the settings ``args`` name, its sync worker running when ``worker``.

    A damaged database is refused (its readable entries listed), or with
    ``--accept-new-database`` moved aside and replaced by a new one.
    """
    settings, token = settings_and_token(args)
    config = settings.till_config()
    # A one-shot command may end while its worker is sending an entry queued earlier (say, one
    # accepted offline that waits behind it): that request is given its time rather than cut.
    options = RuntimeOptions(
        start_worker=worker,
        token_source=token_source(args),
        close_grace=config.connect_timeout + config.read_timeout,
    )
    async with AsyncExitStack() as stack:
        try:
            till = await stack.enter_async_context(open_till(config, token, options))
        except DatabaseTooNew as exc:
            raise Stop(EXIT_USAGE, str(exc)) from None
        except DatabaseDamaged as damage:
            if not args.accept_new_database:
                raise refuse_damaged(args, damage) from None
            start_new_database(damage)
            till = await stack.enter_async_context(open_till(config, token, options))
        yield till


class Terminated(Exception):
    """The command was stopped by SIGTERM (see :func:`_stoppable`)."""


#: What stopped the command running now, once a signal has: ``(its name, the exit code)``.
_stopped_by: list[tuple[str, int]] = []


def stopped_by() -> tuple[str, int]:
    """The signal that stopped the command, as a person names it, and its exit code: Ctrl-C
    (``asyncio.run`` cancels the command's task for it) unless SIGTERM did."""
    return _stopped_by[-1] if _stopped_by else ("Ctrl-C", EXIT_INTERRUPTED)


async def _stoppable(body: Callable[[], Coroutine[Any, Any, int]]) -> int:
    """``body``, stopped by SIGTERM as by Ctrl-C: its task cancelled, so the till closes as it
    does then, and the command says where it stopped. Left to its default, SIGTERM ended the
    process on the spot, saying nothing (``sync`` without ``--once`` sets its own handler)."""
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()

    def terminate() -> None:
        _stopped_by.append(("SIGTERM", EXIT_TERMINATED))
        if task is not None:
            task.cancel()

    # Signals reach the main thread alone: a command a test runs on another keeps its default.
    handles = threading.current_thread() is threading.main_thread()
    before = signal.getsignal(signal.SIGTERM)
    if handles:
        loop.add_signal_handler(signal.SIGTERM, terminate)
    try:
        return await body()
    except asyncio.CancelledError:
        if _stopped_by:
            raise Terminated from None
        raise
    finally:
        if handles:
            loop.remove_signal_handler(signal.SIGTERM)
            signal.signal(signal.SIGTERM, before)  # a test's process keeps its own


def run(args: argparse.Namespace, body: Callable[[], Coroutine[Any, Any, int]]) -> int:
    """Run ``body`` on a fresh event loop; a :class:`Stop` or a disk that refuses prints its
    message (one line) and exits, and so does a stop by Ctrl-C or SIGTERM."""
    _stopped_by.clear()
    try:
        return asyncio.run(_stoppable(body))
    except Terminated:
        report_failure(args.command, "stopped by SIGTERM; what it had already done stands")
        return EXIT_TERMINATED
    except Stop as stop:
        report_failure(args.command, stop.message)
        return stop.code
    except StorageProblem as problem:  # a full or read-only disk, found on the way
        report_failure(args.command, problem.sentence)
        return EXIT_USAGE
    except KeyboardInterrupt:  # said, so that a script's log shows why it ended
        report_failure(args.command, "stopped by Ctrl-C; what it had already done stands")
        return EXIT_INTERRUPTED
