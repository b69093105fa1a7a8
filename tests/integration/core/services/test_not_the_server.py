"""Something that is not the Stamps server answers at its address. A shop network's Wi-Fi login
page answers every request 200 with HTML: the till must not take it for the server, must serve
the members it knows from its copy, and must tell the cashier what is in the way rather than that
the server cannot be reached."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.credentials import Secret
from app.core.messages import english
from app.core.offline.connectivity import Connectivity
from app.core.services.refusals import NotOnline
from app.core.services.runtime import open_till

from ....support.docs_server import DocsServer, details_with, docs_server
from ....support.network import settings_on
from ....support.odd_servers import LoginPage, serving

pytestmark = pytest.mark.integration

__all__ = ["docs_server"]


async def test_a_wifi_login_page_is_named_to_the_cashier(tmp_path: Path) -> None:
    with serving(LoginPage) as url:
        settings = settings_on(url, tmp_path)
        async with open_till(settings.till_config(), Secret("t0ken-t0ken")) as till:
            with pytest.raises(NotOnline) as unknown:
                await till.lookup.find_member("KR24000006")
            said = str(unknown.value)
            assert "web page" in said and "sign" in said.lower()
            assert "“KR24000006”" in said
            assert till.monitor.state is not Connectivity.ONLINE


async def _unseen_lookup_words(tmp_path: Path, docs_server: DocsServer) -> str:
    """What a lookup of a member the till has never seen says, against ``docs_server``."""
    settings = settings_on(docs_server.url, tmp_path)
    async with open_till(settings.till_config(), Secret(docs_server.token)) as till:
        with pytest.raises(NotOnline) as unknown:
            await till.lookup.find_member("KR24000006")
    return str(unknown.value)


async def test_an_answer_the_till_cannot_read_is_not_called_a_failing_server(
    tmp_path: Path, docs_server: DocsServer
) -> None:
    # A server answering 200 with the member's stamps as a number no count is ("2.5e2"; plain
    # digits, "250", are read): the answer cannot be read; the cashier was told the server "is
    # failing (200)".
    member = {"membership": {"stamps": "2.5e2", "level_text": "Silver"}, "user": {"name": "Ayu"}}
    docs_server.answer_next("/api/v2/memberships/details", 200, member)
    said = await _unseen_lookup_words(tmp_path, docs_server)
    assert "failing" not in said and "(200)" not in said
    assert "could not read" in said and "“KR24000006”" in said


@pytest.mark.parametrize("answered_unreadably", [False, True])
async def test_the_till_s_copy_answers_for_a_failing_server_but_not_for_an_unreadable_answer(
    tmp_path: Path, docs_server: DocsServer, answered_unreadably: bool
) -> None:
    # A server that fails says nothing of the member: the copy answers, as in an outage. One
    # that answers about them in a shape the till cannot read (`"is_blocked": "true"`) may
    # have said what the copy does not know: the copy showed Ayu unblocked.
    settings = settings_on(docs_server.url, tmp_path)
    ayu = "ayu@contoh.co.id"
    async with open_till(settings.till_config(), Secret(docs_server.token)) as till:
        assert (await till.lookup.find_member(ayu)).live
        if answered_unreadably:
            blocked = details_with(docs_server, ayu, is_blocked="true")
            docs_server.answer_next("/api/v2/memberships/details", 200, blocked)
            with pytest.raises(NotOnline) as held_back:
                await till.lookup.find_member(ayu)
            said = str(held_back.value)
            assert "could not read" in said and "saved copy" in said and f"“{ayu}”" in said
        else:
            docs_server.answer_next("/api/v2/memberships/details", 500, {"detail": "Oops"})
            copy = await till.lookup.find_member(ayu)
            assert not copy.live and copy.email == ayu


@pytest.mark.parametrize(
    ("status", "body", "headers", "words"),
    [
        # a 403 the ping shows is not about the token: the server said why, in its words
        (
            403,
            {"detail": "Lookups are closed at this store"},
            {},
            "Lookups are closed at this store",
        ),
        (429, {"message": "Too many lookups, slow down"}, {}, "Too many lookups, slow down"),
        # moved to https: the cashier is told what a manager sets, not that the server fails
        (
            301,
            "",
            {"Location": "https://stamps.example/api/v2/memberships/details"},
            "https://stamps.example",
        ),
        # a network's sign-in page took the request: the manager may have the address right
        (
            302,
            "",
            {"Location": "http://portal.wifi.example/login?next=stamps"},
            "(http://portal.wifi.example), and this till has not seen “KR24000006” before. Call a "
            "manager: the Server URL (base_url) may need to be that address, or a network's "
            "sign-in page is in the way",
        ),
        # a name that only looks like the server's (its "ѕ" Cyrillic): nobody is sent there
        (
            302,
            "",
            {"Location": "https://xn--tamps-g2e.co.id/login"},
            "(https://xn--tamps-g2e.co.id (written \u0455tamps.co.id: not plain ASCII)), whose "
            "name may only look like the Stamps server's, and this till has not seen “KR24000006” "
            "before. Call a manager: do not set the Server URL (base_url) to it",
        ),
        # elsewhere on the same server (the Server URL's path is wrong): it read "failing (302)"
        (
            302,
            "",
            {"Location": "/accounts/login/?next=/api/v2/memberships/details"},
            "another address on the Stamps server",
        ),
    ],
)
async def test_a_lookup_the_server_turned_down_says_what_the_server_said(
    tmp_path: Path,
    docs_server: DocsServer,
    status: int,
    body: object,
    headers: dict[str, str],
    words: str,
) -> None:
    docs_server.answer_next("/api/v2/memberships/details", status, body, headers=headers)
    said = await _unseen_lookup_words(tmp_path, docs_server)
    assert "failing" not in said
    assert words in said and "“KR24000006”" in said


@pytest.mark.parametrize(
    ("status", "body", "words"),
    [
        # the server turned the listing down over the till's settings: no server failing, and
        # "Try again in a moment" would only be tried again
        (
            400,
            {"errors": {"store": "Store 32 not found"}, "error_message": "Store 32 not found"},
            "refused to list them (400: “Store 32 not found”)",
        ),
        (500, {"detail": "Oops"}, "the Stamps server is failing (500)"),
    ],
    ids=["refused", "failing"],
)
async def test_rewards_the_server_refuses_to_list_are_not_called_a_failing_server(
    tmp_path: Path, docs_server: DocsServer, status: int, body: object, words: str
) -> None:
    settings = settings_on(docs_server.url, tmp_path)
    async with open_till(settings.till_config(), Secret(docs_server.token)) as till:
        ayu = await till.lookup.find_member("ayu@contoh.co.id")
        docs_server.answer_next("/api/rewards/", status, body)
        offer = await till.lookup.offer(ayu)
        assert not offer.rewards and offer.rewards_problem is not None
        said = english(offer.rewards_problem)
        assert words in said
        assert ("failing" in said) == (status >= 500)
