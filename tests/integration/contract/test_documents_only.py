"""The till, through ``app.core.services``, against a server that knows only what the documents
say (tests/support/docs_server.py), where our sandbox had read more into them: the two readings
of by-voucher-code's member, and what a PIN member's voucher code needs."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.services import Sale, Verdict
from app.core.services.members import MemberNotFound
from app.core.services.refusals import NotOnline

from ...support.docs_server import DocsServer
from .test_other_reading import opened  # a till on a documents-only server

pytestmark = pytest.mark.integration

AYU = "ayu@contoh.co.id"
BUDI = "budi@contoh.co.id"  # protected_redemption, PIN 123456
WAIT = 10.0
BY_CODE = "/api/redemptions/by-voucher-code"
AUTHORIZE = "/api/redemptions/authorize"


@pytest.mark.parametrize("reading", ["identifier", "user"])
async def test_a_voucher_code_is_redeemed_by_a_server_of_either_reading(
    tmp_path: Path, reading: str
) -> None:
    # redemption_api §4 names the member "identifier" in its table and JSON example, and "user"
    # in its curl example (seed 000 has no table, only the two examples): a server written from
    # the curl answered 400 "user: This field is required" to every voucher code the till sent
    with DocsServer(code_member=reading) as server:
        async with opened(server, tmp_path) as till:
            ayu = await till.lookup.find_member(AYU)
            order = await till.catalogue.code_order(ayu, "VC-ABC")
            receipt = await till.redeemer.redeem(order, ayu, Sale("Dewi"))
            told = await till.wait(receipt.entry_id, WAIT)
            assert told.verdict is Verdict.CONFIRMED, told
            [sent] = server.sent(BY_CODE)
            assert sent[reading] == AYU


async def test_a_pin_members_voucher_code_asks_no_pin_the_endpoint_does_not_take(
    tmp_path: Path,
) -> None:
    # by-voucher-code takes no request_id (its table: token, identifier, voucher_code,
    # voucher_template, store), so no PIN check can vouch for it: the till asked Budi's PIN,
    # had the server check it for a request id, and sent the code without that id
    with DocsServer() as server:
        async with opened(server, tmp_path) as till:
            budi = await till.lookup.find_member(BUDI)
            assert budi.protected_redemption
            order = await till.catalogue.code_order(budi, "VC-ABC")
            receipt = await till.redeemer.redeem(order, budi, Sale("Dewi"))
            told = await till.wait(receipt.entry_id, WAIT)
            assert told.verdict is Verdict.CONFIRMED, told
            [sent] = server.sent(BY_CODE)
            assert "request_id" not in sent
            assert server.sent(AUTHORIZE) == []


AYU_CARD = "A5MHG"  # her primary_card.number; her Member ID is RRROWO5U51
DETAILS = "/api/v2/memberships/details"


async def test_a_card_member_details_do_not_take_is_found_through_the_suggestions(
    tmp_path: Path,
) -> None:
    # customer_api §1: details' user is "email, Member ID, mobile number or primary key ID",
    # never a card's number, and a documents-only server said "User not found" of Ayu's card.
    # Its suggestions take any query: the match is read by its primary key, and taken for the
    # card its details name.
    with DocsServer() as server:
        server.cards_in_suggestions = True
        async with opened(server, tmp_path) as till:
            ayu = await till.lookup.find_member(AYU_CARD)
            assert (ayu.email, ayu.card_number, ayu.live) == (AYU, AYU_CARD, True)
            assert server.sent(DETAILS)[-1]["user"] == "454"  # her primary key
            # a suggestion is a possible match only: one whose details do not name the card
            # is not taken for it
            with pytest.raises(MemberNotFound, match="If it is a card's number"):
                await till.lookup.find_member("A5MH")


async def test_a_card_the_server_cannot_look_up_is_said_so_with_what_to_ask_for(
    tmp_path: Path,
) -> None:
    with DocsServer() as server:  # suggestions that search no card
        async with opened(server, tmp_path) as till:
            with pytest.raises(MemberNotFound) as refused:
                await till.lookup.find_member(AYU_CARD)
            assert str(refused.value) == (
                "No member matches “A5MHG”: User not found. If it is a card's number: the "
                "Stamps server finds a "
                "member by email, Member ID, phone or account number, not by every card's "
                "number. Ask for the member's email, phone or Member ID."
            )
            # what cannot be a card is said not found as the server said it
            with pytest.raises(MemberNotFound, match="User not found"):
                await till.lookup.find_member("nobody@contoh.co.id")


def _asked_since(server: DocsServer, before: int) -> list[tuple[str, str]]:
    """The paths asked since the ``before``-th request, and the member each details read named."""
    return [(path, str(sent.get("user", ""))) for _, path, sent in server.requests[before:]]


async def test_a_card_the_till_has_seen_on_a_member_is_found_in_one_request(
    tmp_path: Path,
) -> None:
    # Details take no card's number, so every scan of a regular's card cost a refusal, the
    # suggestions and a read by key: four requests here (the card is asked in two cases). The
    # till's copy knows whose card it is once it has seen them: it asks by their key first.
    with DocsServer() as server:
        server.cards_in_suggestions = True
        async with opened(server, tmp_path) as till:
            await till.lookup.find_member(AYU)  # her details name her card
            for _ in range(2):
                before = len(server.requests)
                ayu = await till.lookup.find_member(AYU_CARD)
                assert (ayu.email, ayu.card_number, ayu.live) == (AYU, AYU_CARD, True)
                assert _asked_since(server, before) == [(DETAILS, "454")]
            # a card first seen through the suggestions is known the next time as well
            budi = server.member("777")
            assert budi is not None
            budi.card = "B7J2K"
            assert (await till.lookup.find_member("B7J2K")).email == BUDI
            before = len(server.requests)
            assert (await till.lookup.find_member("B7J2K")).email == BUDI
            assert _asked_since(server, before) == [(DETAILS, "777")]
            # what the details take as it is (a Member ID) is asked as it is
            before = len(server.requests)
            assert (await till.lookup.find_member("RRROWO5U51")).email == AYU
            assert _asked_since(server, before) == [(DETAILS, "RRROWO5U51")]


async def test_a_card_moved_or_replaced_is_never_taken_for_the_member_it_was_seen_on(
    tmp_path: Path,
) -> None:
    # The till's copy says whose card it was; only the details read now say whose it is.
    with DocsServer() as server:
        server.cards_in_suggestions = True
        ayu, budi = server.member("454"), server.member("777")
        assert ayu is not None and budi is not None
        async with opened(server, tmp_path) as till:
            await till.lookup.find_member(AYU)
            ayu.card, budi.card = "Q9NEW", AYU_CARD  # her card given to Budi, a new one to her
            moved = await till.lookup.find_member(AYU_CARD)
            assert (moved.email, moved.card_number) == (BUDI, AYU_CARD)
            assert (await till.lookup.find_member("Q9NEW")).email == AYU
            budi.card = "Z7OTHER"  # and replaced: nobody carries it now
            with pytest.raises(MemberNotFound, match="If it is a card's number"):
                await till.lookup.find_member(AYU_CARD)
            # the till's copy learnt it as well: offline it is nobody's, not Budi's nor Ayu's
            server.stop()
            with pytest.raises(NotOnline):
                await till.lookup.find_member(AYU_CARD)
            assert (await till.lookup.find_member("Z7OTHER")).email == BUDI


async def test_offline_a_card_seen_only_through_the_suggestions_finds_its_member(
    tmp_path: Path,
) -> None:
    with DocsServer() as server:
        server.cards_in_suggestions = True
        async with opened(server, tmp_path) as till:
            await till.lookup.find_member(AYU_CARD)  # never looked up otherwise
            server.stop()
            ayu = await till.lookup.find_member(AYU_CARD.lower())
            assert (ayu.email, ayu.card_number, ayu.live) == (AYU, AYU_CARD, False)
