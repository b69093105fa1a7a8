"""Which of a member's vouchers are balance vouchers, against a server built from the docs alone:
the listing (voucher_api.rst §3) does not say a voucher's kind, so the till asks the validation
endpoint (§2), whose ``validity: "Dynamic"`` marks one; what a list already says is not asked
again; and an answer that never comes leaves the kind unknown, offered as a balance voucher."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.core.domain import Channel
from app.core.offline.cache import MemberCache
from app.core.services.catalogue import Catalogue
from app.core.services.orders import InvalidOrder
from app.core.stamps import StampsClient
from app.core.storage import Database

from ....support.members import ayu

DOCS = Path(__file__).resolve().parents[3] / "fixtures" / "stamps_docs"
LISTING = "/api/vouchers/by-merchant-group"
VALIDATE = "/api/vouchers/validate"
REWARDS = "/api/rewards/"
NOW = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
AYU = ayu(fetched_at=NOW)


def docs_answer(name: str, status: int = 200) -> dict[str, Any]:
    """The body of one of the docs' example answers (``tests/fixtures/stamps_docs``)."""
    fixture = json.loads((DOCS / f"{name}.json").read_text(encoding="utf-8"))
    body: dict[str, Any] = next(r["body"] for r in fixture["responses"] if r["status"] == status)
    return body


def validated(validity: str) -> dict[str, Any]:
    """The docs' validation answer, its voucher's ``validity`` set to ``validity``."""
    body = docs_answer("validate_voucher")
    return {**body, "voucher": {**body["voucher"], "validity": validity}}


Validation = dict[str, Any] | int | Exception  # an answer, a status, or a network failure


class DocsServer:
    """A Stamps server as the docs show it: the listing of §3 (VC-ABC is voucher 1, VC-DEF is
    voucher 2), the rewards list with ``reward_vouchers``, and validation answering each code
    as ``validations`` says. Every request is recorded."""

    def __init__(
        self,
        validations: dict[str, Validation],
        *,
        listing: dict[str, Any] | None = None,
        reward_vouchers: list[dict[str, Any]] | None = None,
        gate: Callable[[], Any] | None = None,
    ) -> None:
        self.validations = validations
        self.listing = listing or docs_answer("member_vouchers")
        self.reward_vouchers = reward_vouchers or []
        self.gate = gate
        self.requests: list[httpx.Request] = []

    def asked(self) -> list[str]:
        """The codes validation was asked about, in order."""
        return [r.url.params["voucher_code"] for r in self.requests if r.url.path == VALIDATE]

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.path == LISTING:
            return httpx.Response(200, json=self.listing)
        if request.url.path == REWARDS:
            return httpx.Response(200, json={"rewards": [], "vouchers": self.reward_vouchers})
        if request.url.path == VALIDATE:
            if self.gate is not None:
                await self.gate()
            answer = self.validations[request.url.params["voucher_code"]]
            if isinstance(answer, Exception):
                raise answer
            if isinstance(answer, int):
                return httpx.Response(answer, json=docs_answer("validate_voucher", 400))
            return httpx.Response(200, json=answer)
        return httpx.Response(404, json={"detail": "Not found."})


@pytest.fixture
async def cache(tmp_path: Path) -> AsyncIterator[MemberCache]:
    db = await Database.open(tmp_path / "till.db")
    cache = MemberCache(db)
    await cache.remember(AYU)
    yield cache
    await cache.close()
    await db.close()


@pytest.fixture
async def catalogue_of(cache: MemberCache) -> AsyncIterator[Callable[[DocsServer], Catalogue]]:
    opened: list[httpx.AsyncClient] = []

    def factory(server: DocsServer) -> Catalogue:
        http = httpx.AsyncClient(transport=httpx.MockTransport(server))
        opened.append(http)
        client = StampsClient(
            http=http,
            base_url="https://stamps.test",
            token="tok-test",
            merchant=14,
            store=32,
            channel=Channel.POS,
        )
        return Catalogue(client, cache)

    yield factory
    for http in opened:
        await http.aclose()


async def test_a_voucher_listed_as_the_docs_show_is_a_balance_one_when_validation_says_dynamic(
    catalogue_of: Callable[[DocsServer], Catalogue], cache: MemberCache
) -> None:
    # Both validations must be on their way before either is answered: they are asked together.
    arrived, both = 0, asyncio.Event()

    async def together() -> None:
        nonlocal arrived
        arrived += 1
        if arrived == 2:
            both.set()
        await asyncio.wait_for(both.wait(), timeout=5)

    server = DocsServer(
        {"VC-ABC": docs_answer("validate_voucher"), "VC-DEF": validated("Fixed")}, gate=together
    )
    catalogue = catalogue_of(server)
    offer = await catalogue.offer(AYU, 250)

    dynamic, ordinary = offer.voucher(1), offer.voucher(2)
    assert dynamic is not None and dynamic.balance and dynamic.kind_known
    assert dynamic.left == 200  # the window offers "Deduct from saldo"
    assert ordinary is not None and not ordinary.balance and ordinary.kind_known
    assert sorted(server.asked()) == ["VC-ABC", "VC-DEF"]
    [remembered_dynamic, remembered_ordinary] = await cache.vouchers("6", Channel.POS) or []
    assert (remembered_dynamic.id, remembered_dynamic.balance) == (1, True)
    assert (remembered_ordinary.id, remembered_ordinary.balance) == (2, False)

    # An order takes the kind the offer just confirmed, and a balance voucher is not used whole.
    server.gate = None
    with pytest.raises(InvalidOrder, match="is a balance voucher"):
        await catalogue.voucher_order(AYU, 1)
    order, facts = await catalogue.deduct_order(AYU, 1, 150)
    assert order.value == 150 and facts.kind_known
    whole, _ = await catalogue.voucher_order(AYU, 2)
    assert not whole.whole_balance
    assert sorted(server.asked()) == ["VC-ABC", "VC-DEF"]  # nothing asked again


@pytest.mark.parametrize(
    "failure",
    [
        503,
        400,  # refused ("not owned by Alice"): says nothing of the kind either
        httpx.ReadTimeout("timed out"),
        httpx.ConnectError("connection refused"),
        validated(""),  # an answer without a validity
    ],
    ids=["503", "refused", "timeout", "connection-refused", "no-validity"],
)
async def test_a_voucher_whose_kind_cannot_be_read_is_offered_as_a_balance_one(
    catalogue_of: Callable[[DocsServer], Catalogue], cache: MemberCache, failure: Validation
) -> None:
    server = DocsServer({"VC-ABC": failure, "VC-DEF": validated("Fixed")})
    catalogue = catalogue_of(server)
    offer = await catalogue.offer(AYU, 250)

    unknown, ordinary = offer.voucher(1), offer.voucher(2)
    assert unknown is not None and unknown.balance and not unknown.kind_known
    assert ordinary is not None and not ordinary.balance and ordinary.kind_known
    # Not used whole unless the cashier chose to, told that what is left would be lost.
    with pytest.raises(InvalidOrder, match="is a balance voucher"):
        await catalogue.voucher_order(AYU, 1)
    order, facts = await catalogue.voucher_order(AYU, 1, whole=True)
    assert order.whole_balance and facts.value == 200
    # The till's copy keeps it as a balance voucher for when the server cannot be asked, and
    # remembers that no one confirmed it.
    remembered = {
        v.id: (v.balance, v.kind_known) for v in await cache.vouchers("6", Channel.POS) or []
    }
    assert remembered == {1: (True, False), 2: (False, True)}


async def test_no_voucher_is_validated_when_the_listing_states_its_kind(
    catalogue_of: Callable[[DocsServer], Catalogue],
) -> None:
    listing = docs_answer("member_vouchers")
    first, second = listing["vouchers"]
    listing = {"vouchers": [{**first, "validity": "DYNAMIC"}, {**second, "validity": "Fixed"}]}
    server = DocsServer({}, listing=listing)  # any validation would fail with a KeyError
    catalogue = catalogue_of(server)
    offer = await catalogue.offer(AYU, 250)

    assert [(v.id, v.balance, v.kind_known) for v in offer.vouchers] == [
        (1, True, True),
        (2, False, True),
    ]
    await catalogue.voucher_order(AYU, 2)
    await catalogue.deduct_order(AYU, 1, 100)
    assert server.asked() == []


async def test_the_rewards_lists_voucher_type_is_no_kind_validation_is_asked(
    catalogue_of: Callable[[DocsServer], Catalogue],
) -> None:
    # reward_api §1 lists a voucher's "type" as "promotion 1", a name, never its validity; the
    # till read a type "Dynamic" (our sandbox's word) as a balance voucher, and VC-DEF, "Fixed"
    # by its validation, was offered as a saldo to deduct from and refused used whole
    server = DocsServer(
        {"VC-ABC": validated("Fixed"), "VC-DEF": validated("Fixed")},
        reward_vouchers=[
            {"id": 1, "name": "Birthday Voucher", "type": "promotion 1"},
            {"id": 2, "name": "Saldo", "type": "Dynamic"},
        ],
    )
    catalogue = catalogue_of(server)
    offer = await catalogue.offer(AYU, 250)

    assert [(v.id, v.balance, v.kind_known) for v in offer.vouchers] == [
        (1, False, True),
        (2, False, True),
    ]
    assert sorted(server.asked()) == ["VC-ABC", "VC-DEF"]
    whole, _ = await catalogue.voucher_order(AYU, 2)
    assert not whole.whole_balance


async def test_a_kind_once_confirmed_is_not_asked_again(
    catalogue_of: Callable[[DocsServer], Catalogue], cache: MemberCache
) -> None:
    server = DocsServer({"VC-ABC": docs_answer("validate_voucher"), "VC-DEF": validated("Fixed")})
    await catalogue_of(server).offer(AYU, 250)
    assert sorted(server.asked()) == ["VC-ABC", "VC-DEF"]
    remembered = {
        v.id: (v.balance, v.kind_known) for v in await cache.vouchers("6", Channel.POS) or []
    }
    assert remembered == {1: (True, True), 2: (False, True)}

    # Every later read of her offer, and every order, takes the kinds the till remembers: the
    # listing still says none, and validation is not asked again (a restart changes nothing).
    again = catalogue_of(server)
    for _ in range(3):
        offer = await again.offer(AYU, 250)
        assert [(v.id, v.balance, v.kind_known) for v in offer.vouchers] == [
            (1, True, True),
            (2, False, True),
        ]
    await again.deduct_order(AYU, 1, 100)
    await again.voucher_order(AYU, 2)
    assert len(server.asked()) == 2
    listings = [r for r in server.requests if r.url.path == LISTING]
    assert len(listings) == 6  # read live each time: only the kinds are remembered


async def test_a_validation_that_failed_is_asked_again_not_remembered_as_a_kind(
    catalogue_of: Callable[[DocsServer], Catalogue], cache: MemberCache
) -> None:
    server = DocsServer({"VC-ABC": 503, "VC-DEF": validated("Fixed")})
    catalogue = catalogue_of(server)
    first = (await catalogue.offer(AYU, 250)).voucher(1)
    assert first is not None and not first.kind_known
    assert sorted(server.asked()) == ["VC-ABC", "VC-DEF"]

    # The order asks once more for its own voucher; the server answers this time, and the offer
    # after it asks nothing.
    server.validations["VC-ABC"] = validated("Fixed")
    order, facts = await catalogue.voucher_order(AYU, 1)
    assert not order.whole_balance and facts.kind_known and facts.value == 200
    assert server.asked()[2:] == ["VC-ABC"]
    remembered = {
        v.id: (v.balance, v.kind_known) for v in await cache.vouchers("6", Channel.POS) or []
    }
    assert remembered == {1: (False, True), 2: (False, True)}
    offer = await catalogue.offer(AYU, 250)
    assert [(v.id, v.balance, v.kind_known) for v in offer.vouchers] == [
        (1, False, True),
        (2, False, True),
    ]
    assert len(server.asked()) == 3


async def test_offline_the_till_s_copy_says_which_kinds_were_never_confirmed(
    catalogue_of: Callable[[DocsServer], Catalogue], cache: MemberCache
) -> None:
    server = DocsServer({"VC-ABC": httpx.ConnectError("refused"), "VC-DEF": validated("Fixed")})
    await catalogue_of(server).offer(AYU, 250)

    offline = Catalogue(catalogue_of(server).client, cache, offline=lambda: True)
    offer = await offline.offer(AYU, 250)
    assert offer.vouchers_as_of is not None
    assert [(v.id, v.balance, v.kind_known) for v in offer.vouchers] == [
        (1, True, False),
        (2, False, True),
    ]
    _, facts = await offline.deduct_order(AYU, 1, 100)
    assert not facts.kind_known
    _, facts = await offline.voucher_order(AYU, 2)
    assert facts.kind_known
    remembered = await offline.remembered_voucher(AYU, 1, leaving_out="none")
    assert remembered is not None and not remembered.kind_known
    assert len(server.asked()) == 2  # offline, nothing is asked


@pytest.mark.parametrize("value", [-25_000, 2**63, "-25000"], ids=["negative", "absurd", "text"])
async def test_a_code_whose_check_gives_a_value_worth_less_than_nothing_is_not_offered(
    catalogue_of: Callable[[DocsServer], Catalogue], value: int | str
) -> None:
    # The listings leave such a voucher out as unreadable; the code's check offered it as a
    # discount of "Rp -25.000" (a sale made dearer, or a total gone wrong).
    body = docs_answer("validate_voucher")
    server = DocsServer({"VC-ABC": {**body, "voucher": {**body["voucher"], "value": value}}})
    with pytest.raises(InvalidOrder) as refused:
        await catalogue_of(server).code_order(AYU, "VC-ABC", template=7)
    words = str(refused.value)
    assert words.startswith("The Stamps server answered the check of voucher code VC-ABC")
    assert "nothing was redeemed" in words
