"""What a read the server refused, or answered in a form the till cannot read, says of the line
(the status bar): a 4xx in the server's own words is an answer, and the line is up; a 200 that
says only an error, or a page something else answered with, is not, whichever read met it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from app.core import clock
from app.core.credentials import Secret
from app.core.offline.connectivity import Connectivity
from app.core.services.members import Member, MemberNotFound
from app.core.services.refusals import NotOnline
from app.core.services.runtime import open_till
from app.core.services.till import Till
from app.core.stamps.errors import StampsError

from ....support.docs_server import DocsServer, docs_server
from ....support.network import settings_on

pytestmark = pytest.mark.integration

__all__ = ["docs_server"]

AYU = "ayu@contoh.co.id"
DETAILS = "/api/v2/memberships/details"
#: what a 200 carrying only the server's error says (architecture §1: ReadRefused)
ONLY_AN_ERROR = {"errors": {"__all__": "Something went wrong"}}
#: a proxy's own page in front of the server
PROXY_404 = "<html><body><h1>404 Not Found</h1><hr>nginx</body></html>"


@asynccontextmanager
async def _till_online(tmp_path: Path, server: DocsServer) -> AsyncIterator[tuple[Till, Member]]:
    """A till that has seen Ayu and whose bar reads Online, proved by a ping."""
    settings = settings_on(server.url, tmp_path)
    async with open_till(settings.till_config(), Secret(server.token)) as till:
        ayu = await till.lookup.find_member(AYU)
        await till.line.check_connectivity()
        assert till.monitor.state is Connectivity.ONLINE
        yield till, ayu


@pytest.mark.parametrize(
    ("status", "body", "words"),
    [
        (400, {"detail": "member not found in this merchant"}, "member not found in this merchant"),
        # a 404 in the API's own JSON is the server's word too
        (404, {"detail": "Not found."}, "No member matches"),
    ],
    ids=["400", "404-json"],
)
async def test_a_lookup_turned_down_in_the_server_s_words_leaves_the_bar_online(
    tmp_path: Path, docs_server: DocsServer, status: int, body: dict[str, Any], words: str
) -> None:
    async with _till_online(tmp_path, docs_server) as (till, _):
        for _ in range(3):  # each reading of the query (as typed, case turned round)
            docs_server.answer_next(DETAILS, status, body)
        with pytest.raises(MemberNotFound) as nobody:
            await till.lookup.find_member("KR24000123")
        assert words in str(nobody.value)
        assert till.monitor.state is Connectivity.ONLINE


@pytest.mark.parametrize("status", [404, 400])
async def test_a_proxy_s_page_is_not_the_server_saying_nobody_matches(
    tmp_path: Path, docs_server: DocsServer, status: int
) -> None:
    # A proxy's "404 Not Found" page read "No member matches “ayu@contoh.co.id”" of Ayu, with
    # the bar "Online": the cashier turned away a member the till's copy knew.
    async with _till_online(tmp_path, docs_server) as (till, ayu):
        page = PROXY_404.replace("404 Not Found", f"{status} Bad Request")
        docs_server.answer_next(DETAILS, status, page)
        copy = await till.lookup.find_member(AYU)
        assert (copy.user, copy.live) == (ayu.user, False)
        assert till.monitor.state is Connectivity.DEGRADED
        docs_server.answer_next(DETAILS, status, page)
        with pytest.raises(NotOnline) as unseen:
            await till.lookup.find_member("someone.new@contoh.co.id")
        assert "web page" in str(unseen.value) and "No member matches" not in str(unseen.value)


async def test_the_type_ahead_takes_a_200_of_only_an_error_for_no_answer(
    tmp_path: Path, docs_server: DocsServer
) -> None:
    # A lookup met with it read "Degraded"; the type-ahead's same answer kept "Online".
    async with _till_online(tmp_path, docs_server) as (till, ayu):
        docs_server.answer_next("/api/memberships/suggestions", 200, ONLY_AN_ERROR)
        found = await till.lookup.suggestions("Ni Luh")
        assert found.from_copy and [m.user for m in found.members] == [ayu.user]
        assert till.monitor.state is Connectivity.DEGRADED


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/vouchers/by-merchant-group", ONLY_AN_ERROR),
        ("/api/v3/activities/", ONLY_AN_ERROR),
        ("/api/vouchers/by-merchant-group", PROXY_404),
        ("/api/v3/activities/", PROXY_404),
    ],
    ids=["vouchers-200", "activity-200", "vouchers-404-page", "activity-404-page"],
)
async def test_every_read_takes_a_200_of_only_an_error_or_a_page_for_no_answer(
    tmp_path: Path, docs_server: DocsServer, path: str, body: object
) -> None:
    async with _till_online(tmp_path, docs_server) as (till, ayu):
        # The bar's changes, as they came: the offer reads the rewards beside the vouchers, and
        # a rewards answer read after the vouchers' (a request that left before it) sends a
        # probe, whose answer may turn the bar back to Online before the offer returns (seen
        # in a loaded CI run). What the cashier saw is the bar turning Degraded.
        seen: list[Connectivity] = []
        till.monitor.subscribe(lambda _, new: seen.append(new))
        docs_server.answer_next(path, 404 if isinstance(body, str) else 200, body)
        if "vouchers" in path:
            offer = await till.lookup.offer(ayu)
            assert not offer.vouchers and offer.vouchers_problem is not None
        else:  # the reconciliation's read of the member's activity
            since = clock.now() - timedelta(days=1)
            with pytest.raises(StampsError):
                await till.worker.transport.member_activity(ayu.user, since=since)
        assert seen[:1] == [Connectivity.DEGRADED]


async def test_the_heartbeat_s_ping_answered_with_a_proxy_s_page_is_not_online(
    tmp_path: Path, docs_server: DocsServer
) -> None:
    # The probe read a ping's "404 Not Found" page as "Degraded"; the heartbeat read the same
    # page as "Online", and the bar said so while every lookup met the page.
    async with _till_online(tmp_path, docs_server) as (till, _):
        docs_server.answer_next("/api/ping", 404, PROXY_404)
        await till.line.check_connectivity()
        assert till.monitor.state is Connectivity.DEGRADED
