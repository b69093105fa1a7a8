"""A member looked up by card at the counter: wall time and requests per lookup, against the
sandbox in its own process, through ``till.lookup.find_member`` as the window calls it.

Member details take no card's number (customer_api §1), so a card the till has never seen costs
a refusal, the suggestions and a read by primary key; a card the till's copy has seen on a member
is asked by that member's primary key first. Three figures, the median of ``--lookups`` each: a
Member ID, a card first seen (each member's once, the copy empty of them), the same cards again.
``--embedded`` runs the sandbox in the till's process, as ``stamps-pos demo`` does, and there
``--latency-ms`` delays each of its answers, as a line to the real server does (the sandbox in
a process of its own delays only redemptions).

    .venv/bin/python tests/bench/bench_card.py [--lookups 20] [--latency-ms 0] [--embedded]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench_support import SandboxProcess

from app.config import load_settings
from app.core.credentials import Secret
from app.core.services.runtime import open_till
from app.sandbox import SandboxServer
from app.sandbox.data import DEMO_TOKEN, EXTRA_MEMBER_FIRST_ID, card_number_of, member_id_of


async def measure(url: str, lookups: int, folder: Path) -> list[tuple[str, float, float]]:
    """(figure, median ms, median requests) for each of the three lookups."""
    settings = load_settings(
        base_url=url,
        merchant=14,
        store=32,
        store_code="RDG-KMG",
        data_dir=folder,
        terminal="bench-card",
        lookup_timeout=30.0,
    )
    sent: list[httpx.Request] = []

    async def count(request: httpx.Request) -> None:
        sent.append(request)

    # the Member IDs' members apart from the cards': a member found once is a card seen
    by_id = [EXTRA_MEMBER_FIRST_ID + n for n in range(lookups)]
    by_card = [EXTRA_MEMBER_FIRST_ID + lookups + n for n in range(lookups)]
    figures: list[tuple[str, float, float]] = []
    async with open_till(settings.till_config(), Secret(DEMO_TOKEN)) as till:
        http = till.client._http  # a bench counts what the till sends
        http.event_hooks = {**http.event_hooks, "request": [count]}
        await till.lookup.find_member(member_id_of(6))  # the connection and the token made

        async def each(name: str, texts: list[str]) -> None:
            wall: list[float] = []
            requests: list[int] = []
            for text in texts:
                sent.clear()
                started = time.perf_counter()
                await find(text)
                wall.append((time.perf_counter() - started) * 1000)
                requests.append(len(sent))
            figures.append((name, statistics.median(wall), statistics.median(requests)))

        find: Callable[[str], Awaitable[object]] = till.lookup.find_member
        await each("Member ID", [member_id_of(pk) for pk in by_id])
        await each("card, first seen", [card_number_of(pk) for pk in by_card])
        await each("card, seen before", [card_number_of(pk) for pk in by_card])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lookups", type=int, default=20)
    parser.add_argument("--latency-ms", type=int, default=0)
    parser.add_argument("--embedded", action="store_true")
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        if args.embedded:
            faults = {"latency_ms": args.latency_ms}
            server = SandboxServer(port=0, extra_members=2 * args.lookups, faults=faults)
            url = stack.enter_context(server).url
        else:
            if args.latency_ms:
                parser.error("--latency-ms needs --embedded")
            url = stack.enter_context(SandboxProcess(2 * args.lookups, 0)).url
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-card-")))
        figures = asyncio.run(measure(url, args.lookups, folder))
    for name, ms, requests in figures:
        print(f"{name:<20} {ms:7.2f} ms  {requests:g} requests  (median of {args.lookups})")


if __name__ == "__main__":
    main()
