"""Running a headless command: the till it works on, and turning a :class:`Stop` into an exit."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from typing import Any

from app import APP_NAME
from app.cli.common import EXIT_USAGE, Stop, settings_and_token
from app.core.services import DatabaseTooNew, RuntimeOptions, Till, open_till


@asynccontextmanager
async def till_for(args: argparse.Namespace, *, worker: bool) -> AsyncIterator[Till]:
    """The till of the settings ``args`` name, its sync worker running when ``worker``."""
    settings, token = settings_and_token(args)
    try:
        async with open_till(settings, token, RuntimeOptions(start_worker=worker)) as till:
            yield till
    except DatabaseTooNew as exc:
        raise Stop(EXIT_USAGE, str(exc)) from None


def run(args: argparse.Namespace, body: Callable[[], Coroutine[Any, Any, int]]) -> int:
    """Run ``body`` on a fresh event loop; a :class:`Stop` prints its message and exits."""
    try:
        return asyncio.run(body())
    except Stop as stop:
        print(f"{APP_NAME} {args.command}: {stop.message}", file=sys.stderr)
        return stop.code
    except KeyboardInterrupt:
        return 130
