"""What the catalogue says when the server fails: a voucher list it could not read is unknown,
never a fact about the member ("voucher 5098 is not one of this member's vouchers" is said only
on the server's word); and what it makes of a voucher's value: to the last sen."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest

from app.core.domain import Channel, EntryStatus, OperationKind
from app.core.messages import english
from app.core.offline.cache import CachedVoucher, MemberCache
from app.core.offline.policy import MemberFacts, OfflineLimits, OutageTotals, apply_policy
from app.core.services.catalogue import Catalogue, CatalogueUnavailable, CodeNotChecked
from app.core.services.orders import InvalidOrder
from app.core.services.receipts import Verdict
from app.core.stamps.errors import (
    AnswerTooLarge,
    ConnectionFailed,
    MalformedResponse,
    NotFound,
    ServiceUnavailable,
    StampsError,
)
from app.core.stamps.models import (
    MemberVouchersResponse,
    RewardsResponse,
    VoucherValidationResponse,
)
from app.core.storage import Database

from ....support.members import ayu

NOW = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
AYU = ayu(fetched_at=NOW)


@dataclass
class FailingServer:
    """A client whose vouchers endpoint fails the given way (or answers the given list)."""

    vouchers_error: StampsError | None = None
    vouchers: list[dict[str, object]] = field(default_factory=list)
    store: int = 32
    channel: Channel | None = Channel.POS

    async def rewards(self, user: str | None = None) -> RewardsResponse:
        return RewardsResponse.model_validate({"rewards": [], "vouchers": []})

    async def member_vouchers(self, user: str) -> MemberVouchersResponse:
        if self.vouchers_error is not None:
            raise self.vouchers_error
        return MemberVouchersResponse.model_validate({"vouchers": self.vouchers})


@pytest.fixture
async def cache(tmp_path: Path) -> AsyncIterator[MemberCache]:
    db = await Database.open(tmp_path / "till.db")
    cache = MemberCache(db)
    await cache.remember(AYU)
    yield cache
    await cache.close()
    await db.close()


@pytest.mark.parametrize(
    "failure",
    [
        ServiceUnavailable("503 Service Unavailable", status_code=503),
        MalformedResponse("the server's answer is not JSON", status_code=200),
    ],
    ids=["503", "garbage"],
)
async def test_vouchers_the_server_could_not_give_and_the_till_never_saw_are_unknown(
    cache: MemberCache, failure: StampsError
) -> None:
    catalogue = Catalogue(FailingServer(vouchers_error=failure), cache)
    with pytest.raises(CatalogueUnavailable) as unknown:
        await catalogue.voucher(AYU, 5098)
    assert "could not be read" in str(unknown.value)
    assert "not one of this member's vouchers" not in str(unknown.value)
    offer = await catalogue.offer(AYU, 250)
    assert offer.vouchers == () and offer.vouchers_problem is not None


async def test_a_voucher_missing_from_the_tills_old_copy_is_not_said_to_be_someone_elses(
    cache: MemberCache,
) -> None:
    await cache.remember_vouchers(
        "6",
        Channel.POS,
        [CachedVoucher(20, "ULTAH", "Kopi Gratis", None, True, None, None, 13, NOW)],
    )
    failing = FailingServer(vouchers_error=ServiceUnavailable("down", status_code=503))
    catalogue = Catalogue(failing, cache)
    with pytest.raises(InvalidOrder) as unknown:
        await catalogue.voucher(AYU, 5098)
    assert str(unknown.value).startswith("The till cannot check voucher 5098 now")
    found, _ = await catalogue.voucher(AYU, 20)  # what the copy has is still served
    assert found.name == "Kopi Gratis"


async def test_on_the_servers_word_a_voucher_is_not_the_members(cache: MemberCache) -> None:
    catalogue = Catalogue(FailingServer(vouchers=[{"id": 20, "code": "ULTAH"}]), cache)
    with pytest.raises(InvalidOrder) as not_hers:
        await catalogue.voucher(AYU, 5098)
    assert str(not_hers.value) == "Voucher 5098 is not one of this member's vouchers."


async def test_one_voucher_the_till_cannot_read_hides_none_of_the_others(
    cache: MemberCache,
) -> None:
    server = FailingServer(
        vouchers=[
            {"id": 12, "value": 150000, "is_active": True},
            {"id": 13, "value": "abc", "is_active": True},
            {"id": 14, "value": "10000", "is_active": True},
        ]
    )
    catalogue = Catalogue(server, cache)
    offer = await catalogue.offer(AYU, 250)
    assert [(v.id, v.value) for v in offer.vouchers] == [(12, 150000), (14, 10000)]
    assert offer.vouchers_problem is None and offer.vouchers_as_of is None
    assert english(offer.vouchers_note).startswith("1 voucher could not be read")  # type: ignore[arg-type]
    # listed by the server, so not "not hers"; unread, so not usable either
    with pytest.raises(InvalidOrder) as unread:
        await catalogue.voucher_order(AYU, 13)
    assert str(unread.value).startswith("Voucher 13 cannot be used here")
    found, facts = await catalogue.voucher(AYU, 14)
    assert found.value == facts.value == Decimal("10000")


async def test_a_reward_the_till_cannot_read_is_left_out_and_said_so(
    cache: MemberCache,
) -> None:
    rewards = {
        "rewards": [
            {"id": 1, "name": "Kaya Bun", "code": "MI0017", "stamps_to_redeem": 2},
            {"id": 2, "name": "Latte", "code": "MI0018", "stamps_to_redeem": "ten"},
        ],
        "vouchers": [],
    }

    class Server(FailingServer):
        async def rewards(self, user: str | None = None) -> RewardsResponse:
            return RewardsResponse.model_validate(rewards)

    catalogue = Catalogue(Server(), cache)
    offer = await catalogue.offer(AYU, 250)
    assert [r.id for r in offer.rewards] == [1] and offer.rewards_problem is None
    assert english(offer.rewards_note).startswith("1 reward could not be read")  # type: ignore[arg-type]
    for order in (catalogue.reward_order(AYU, 2), catalogue.cart_order(AYU, [("MI0018", 1, None)])):
        with pytest.raises(InvalidOrder, match=r"^Reward .* cannot be redeemed here"):
            await order


@pytest.mark.parametrize("offline", [False, True], ids=["live", "remembered"])
@pytest.mark.parametrize("listed", ["in id order", "code first"])
async def test_a_cart_names_the_reward_picked_when_another_s_code_is_its_id(
    cache: MemberCache, listed: str, offline: bool
) -> None:
    # A server that writes codes as digits: Es Kopi's code is 1, Croissant's id. The window's
    # tile (an id) and a code typed (text) each named whichever reward came first in the list.
    rewards = [
        {"id": 1, "name": "Croissant", "code": "CRS", "stamps_to_redeem": 15},
        {"id": 6, "name": "Es Kopi", "code": 1, "stamps_to_redeem": 20},
        {"id": 7, "name": "Big", "code": 2**70, "stamps_to_redeem": 5},
    ]
    if listed == "code first":
        rewards.reverse()

    class Server(FailingServer):
        async def rewards(self, user: str | None = None) -> RewardsResponse:
            return RewardsResponse.model_validate({"rewards": rewards, "vouchers": []})

    await Catalogue(Server(), cache).offer(AYU, 250)  # the copy the till remembers
    catalogue = Catalogue(Server(), cache, offline=lambda: offline)
    order = await catalogue.cart_order(
        AYU, [(1, 1, None), ("1", 2, None), ("7", 1, None), (str(2**70), 1, None)]
    )
    assert [(i.name, i.code, i.qty) for i in order.items] == [
        ("Croissant", "CRS", 1),  # the tile picked
        ("Es Kopi", 1, 2),  # the code typed, sent as the server wrote it
        ("Big", 2**70, 1),  # no reward's code is "7": its id
        ("Big", 2**70, 1),
    ]


@pytest.mark.parametrize("cut", [True, False])
async def test_a_catalogue_cut_at_the_most_the_till_reads_is_said_live_and_offline(
    cache: MemberCache, cut: bool
) -> None:
    listing = RewardsResponse.model_validate(
        {
            "rewards": [{"id": i, "name": f"R{i}", "stamps_to_redeem": 5} for i in range(1, 4)],
            "vouchers": [],
        }
    )

    class Server(FailingServer):
        async def rewards(self, user: str | None = None) -> RewardsResponse:
            return listing.with_more_offered() if cut else listing

    live = await Catalogue(Server(), cache).offer(AYU, 250)
    # Offline, the till's copy of that list says what the live list said: it carried no note,
    # and a cashier looked in vain for a reward past the first 1000.
    copy = await Catalogue(Server(), cache, offline=lambda: True).offer(AYU, 250)
    assert copy.rewards_as_of is not None  # the copy, not the server's list
    for offer in (live, copy):
        assert [r.id for r in offer.rewards] == [1, 2, 3]
        note = offer.rewards_cut_note
        if cut:
            assert note is not None
            assert english(note).startswith("Only the first 3 rewards are shown")
        else:
            assert note is None


async def test_offline_the_counter_offers_no_copy_the_kiosk_read_for_its_own_channel(
    cache: MemberCache,
) -> None:
    # The kiosk may share the counter's data folder (docs/kiosk.md), and each asks the server
    # for its own channel's rewards and vouchers. The copy was kept per store and member only:
    # offline, the counter offered what the kiosk had read for the kiosk (and the other way).
    kiosk_only = RewardsResponse.model_validate(
        {"rewards": [{"id": 7, "name": "Kiosk combo", "stamps_to_redeem": 5}], "vouchers": []}
    )

    class Kiosk(FailingServer):
        async def rewards(self, user: str | None = None) -> RewardsResponse:
            return kiosk_only

    kiosk = Kiosk(vouchers=[{"id": 30, "is_active": True}], channel=Channel.KIOSK)
    live = await Catalogue(kiosk, cache).offer(AYU, 250)
    assert [r.id for r in live.rewards] == [7] and [v.id for v in live.vouchers] == [30]
    counter = await Catalogue(FailingServer(), cache, offline=lambda: True).offer(AYU, 250)
    assert counter.rewards == () and counter.rewards_problem is not None
    assert counter.vouchers == () and counter.vouchers_problem is not None
    # the kiosk's own copy is still its own, offline
    again = await Catalogue(kiosk, cache, offline=lambda: True).offer(AYU, 250)
    assert [r.id for r in again.rewards] == [7] and [v.id for v in again.vouchers] == [30]


async def test_a_voucher_keeps_its_decimal_value(cache: MemberCache) -> None:
    server = FailingServer(vouchers=[{"id": 12, "value": 150000.5, "is_active": True}])
    offer = await Catalogue(server, cache).offer(AYU, 250)
    found, facts = await Catalogue(server, cache).voucher(AYU, 12)
    assert offer.vouchers[0].value == found.value == Decimal("150000.5")
    assert facts.value == Decimal("150000.5")
    # and so does the till's copy of it (the offer kept one), read when the server cannot answer
    server.vouchers_error = ServiceUnavailable("down", status_code=503)
    remembered, _ = await Catalogue(server, cache).voucher(AYU, 12)
    assert remembered.value == Decimal("150000.5")


async def test_half_a_rupiah_over_the_offline_cap_is_over_it(cache: MemberCache) -> None:
    # truncated to a whole rupiah, Rp 250.000,50 passed the Rp 250.000 cap offline
    server = FailingServer(vouchers=[{"id": 12, "value": 250000.5, "is_active": True}])
    _, facts = await Catalogue(server, cache).voucher(AYU, 12)
    decision = apply_policy(
        OperationKind.VOUCHER,
        MemberFacts(
            is_blocked=False,
            redemption_allowed=True,
            pin_is_blocked=False,
            protected_redemption=False,
            fetched_at=NOW,
            projected_stamps=0,
        ),
        online=False,
        now=NOW,
        limits=OfflineLimits(max_voucher_value=250_000),
        outage=OutageTotals(),
        voucher=facts,
    )
    assert not decision.allowed
    assert "Rp 250.000,50" in str(decision.reason)


@dataclass
class AskedServer(FailingServer):
    """A client that notes every code it is asked to validate."""

    asked: list[str] = field(default_factory=list)

    async def validate_promo(self, code: str, *, user: str | None = None) -> object:
        self.asked.append(code)
        raise ServiceUnavailable("503 Service Unavailable", status_code=503)

    async def validate_voucher(self, code: str, **_: object) -> object:
        self.asked.append(code)
        raise ServiceUnavailable("503 Service Unavailable", status_code=503)


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("PROMO\u202eEVIL😀", "invisible or control character (U+202E)"),
        ("X" * 65, "longer than 64 characters"),
    ],
)
async def test_a_code_the_cashier_could_not_have_meant_is_refused_and_never_sent(
    cache: MemberCache, typed: str, reason: str
) -> None:
    server = AskedServer()
    catalogue = Catalogue(server, cache, allow_codes_offline=True)
    with pytest.raises(InvalidOrder, match=r"^The promo code .*" + re.escape(reason)):
        await catalogue.promo_order(AYU, typed)
    with pytest.raises(InvalidOrder, match=r"^The voucher code .*" + re.escape(reason)):
        await catalogue.code_order(AYU, typed, template=7)
    assert server.asked == []


async def test_a_code_is_sent_trimmed_and_composed(cache: MemberCache) -> None:
    server = AskedServer()
    catalogue = Catalogue(server, cache, allow_codes_offline=True)
    order = await catalogue.promo_order(AYU, " KOPI-SA\u0301LI\t")
    assert order.code == server.asked[0] == "KOPI-SÁLI"


@dataclass
class HangingServer(FailingServer):
    """A line that hangs: the code checks are sent and never answered (a proxy that accepts
    and holds), until the test ends."""

    asked: list[str] = field(default_factory=list)

    async def validate_promo(self, code: str, *, user: str | None = None) -> object:
        self.asked.append(code)
        await asyncio.Event().wait()
        raise AssertionError("never answered")

    async def validate_voucher(self, code: str, **_: object) -> object:
        self.asked.append(code)
        await asyncio.Event().wait()
        raise AssertionError("never answered")


@pytest.mark.parametrize("offline_codes", [False, True], ids=["codes online", "codes offline"])
@pytest.mark.parametrize(
    ("tab", "said"),
    [("voucher", "voucher code RINDANG-100K"), ("promo", "promo code RINDANG-100K")],
)
async def test_a_code_checked_on_a_hanging_line_is_said_unchecked_within_the_lookups_wait(
    cache: MemberCache, tab: str, said: str, offline_codes: bool
) -> None:
    # Seen on a line that hangs: member lookups and the lists gave up after the lookup's wait,
    # but "Checking with the till…" stayed over a typed code for the request's whole read
    # timeout. Unanswered, the code is neither refused ("not valid") nor taken on trust: it was
    # not checked, and nothing was redeemed.
    server = HangingServer()
    catalogue = Catalogue(server, cache, allow_codes_offline=offline_codes, wait=0.2)
    check = (
        catalogue.code_order(AYU, "RINDANG-100K", template=7)
        if tab == "voucher"
        else catalogue.promo_order(AYU, "RINDANG-100K")
    )
    async with asyncio.timeout(5):  # a wait run to its end would hang the test for ever
        with pytest.raises(InvalidOrder) as unchecked:
            await check
    assert server.asked == ["RINDANG-100K"]
    words = str(unchecked.value)
    assert f"{said} was not checked" in words and "nothing was redeemed" in words
    assert "0.2 s" in words and "lookup_timeout" in words
    assert unchecked.value.verdict is Verdict.NOT_REDEEMED
    # and what to do next is not the offline rules' "could not be reached": the server was
    todo = english(unchecked.value.what_to_do)
    assert todo.startswith("Nothing was redeemed") and "could not be reached" not in todo


@dataclass
class CheckingServer(FailingServer):
    """A server that answers every voucher code's check with the voucher ``checked``."""

    checked: dict[str, object] = field(default_factory=dict)

    async def validate_voucher(self, code: str, **_: object) -> VoucherValidationResponse:
        return VoucherValidationResponse.model_validate(
            {"is_redeemable": True, "voucher": self.checked}
        )


async def test_a_code_checked_as_another_voucher_is_not_checked(cache: MemberCache) -> None:
    # Asked about RINDANG-10K, the server answered with another code's voucher, worth
    # Rp 500.000: the till offered RINDANG-10K as that voucher, at that value.
    other = {"id": 9, "code": "SALDO-500K", "name": "Saldo 500K", "value": 500000}
    catalogue = Catalogue(CheckingServer(checked=other), cache)
    with pytest.raises(CodeNotChecked, match=r"^The Stamps server answered the check of voucher"):
        await catalogue.code_order(AYU, "RINDANG-10K", template=7)


@pytest.mark.parametrize("written", ["RINDANG-10K", "rindang 10k", None])
async def test_a_code_checked_as_itself_is_offered_at_its_value(
    cache: MemberCache, written: str | None
) -> None:
    # the docs' answer names no code; one written in other capitals or spacing is the same code
    checked = {"id": 9, "code": written, "name": "Diskon 10K", "value": 10000}
    catalogue = Catalogue(CheckingServer(checked=checked), cache)
    order = await catalogue.code_order(AYU, "RINDANG-10K", template=7)
    assert (order.code, order.name, order.value) == ("RINDANG-10K", "Diskon 10K", 10000)


@dataclass
class NotFoundServer(FailingServer):
    """A server answering a code it does not know 404, as a Django view does ("Not found.")."""

    async def validate_promo(self, code: str, *, user: str | None = None) -> object:
        raise NotFound("Not found.", status_code=404, detail="Not found.")

    async def validate_voucher(self, code: str, **_: object) -> object:
        raise NotFound("Not found.", status_code=404, detail="Not found.")


@pytest.mark.parametrize("offline_codes", [False, True], ids=["codes online", "codes offline"])
@pytest.mark.parametrize("tab", ["voucher", "promo"])
async def test_a_code_the_server_answers_not_found_is_refused_in_its_words(
    cache: MemberCache, tab: str, offline_codes: bool
) -> None:
    # The server answered: "codes can only be checked online" was false, and with codes allowed
    # offline the unknown code was taken on trust, to be handed over and refused later.
    catalogue = Catalogue(NotFoundServer(), cache, allow_codes_offline=offline_codes)
    check = (
        catalogue.code_order(AYU, "RINDANG-100K", template=7)
        if tab == "voucher"
        else catalogue.promo_order(AYU, "RINDANG-100K")
    )
    with pytest.raises(InvalidOrder) as refused:
        await check
    assert type(refused.value) is InvalidOrder
    assert str(refused.value) == "The Stamps server refused it: Not found."


@dataclass
class UsedHere:
    """An outbox holding one use of voucher 2 by this till, in the given state."""

    status: EntryStatus
    kind: OperationKind = OperationKind.VOUCHER

    async def entries(self, *, lane: str) -> list[SimpleNamespace]:
        return [
            SimpleNamespace(id="e1", kind=self.kind, status=self.status, payload={"voucher": 2})
        ]


VALENTINE = {"id": 2, "code": "VC-DEF", "quantity": 2, "value": 200, "is_active": True}


@dataclass
class Listing(FailingServer):
    """A server that lists the member's vouchers and cannot say which kind each is."""

    async def validate_voucher(self, code: str, **_: object) -> None:
        raise ServiceUnavailable("503 Service Unavailable", status_code=503)


async def test_a_voucher_the_server_still_lists_after_a_confirmed_use_can_be_used_again(
    cache: MemberCache,
) -> None:
    # The docs' VC-DEF has a quantity of 2: used once here and confirmed, the server still lists
    # it, and its word is the current one. The window said "Already used on this till; waiting
    # to sync" of a use that had synced, and would not let the cashier use the second.
    server = Listing(vouchers=[VALENTINE])
    catalogue = Catalogue(server, cache, UsedHere(EntryStatus.SYNCED))  # type: ignore[arg-type]
    (offered,) = (await catalogue.offer(AYU, 250)).vouchers
    assert not offered.used_here
    waiting = Catalogue(server, cache, UsedHere(EntryStatus.QUEUED))  # type: ignore[arg-type]
    (offered,) = (await waiting.offer(AYU, 250)).vouchers
    assert offered.used_here and offered.use_waiting


async def test_offline_a_voucher_used_here_is_used_whether_or_not_it_synced(
    cache: MemberCache,
) -> None:
    # The till's copy was read before the use: it cannot show what the server did with it.
    await Catalogue(Listing(vouchers=[VALENTINE]), cache).offer(AYU, 250)
    down = FailingServer(vouchers_error=ServiceUnavailable("503", status_code=503))
    for status, waiting in ((EntryStatus.SYNCED, False), (EntryStatus.UNKNOWN, True)):
        catalogue = Catalogue(down, cache, UsedHere(status))  # type: ignore[arg-type]
        (offered,) = (await catalogue.offer(AYU, 250)).vouchers
        assert offered.used_here and offered.use_waiting is waiting


@pytest.mark.parametrize(
    ("failure", "said"),
    [
        (ConnectionFailed("connection refused"), "cannot be reached"),
        (ServiceUnavailable("503 Service Unavailable", status_code=503), "is failing (503)"),
        (MalformedResponse("not JSON", status_code=200), "cannot read"),
        (AnswerTooLarge("larger than 1,000,000 bytes", status_code=200), "cannot read"),
    ],
    ids=["refused", "503", "garbage", "too-large"],
)
async def test_vouchers_never_read_say_why_the_server_could_not_give_them(
    cache: MemberCache, failure: StampsError, said: str
) -> None:
    # "did not answer" was said of a server that answered 503, or answered something else
    catalogue = Catalogue(FailingServer(vouchers_error=failure), cache)
    offer = await catalogue.offer(AYU, 250)
    assert offer.vouchers_problem is not None
    assert said in str(offer.vouchers_problem)
    assert "did not answer" not in str(offer.vouchers_problem)


@dataclass
class UnreadableChecks(FailingServer):
    """A server that answers every code's check with JSON the till cannot read
    (``"is_active": "false"``), or with a body that is no JSON at all (``garbage``)."""

    garbage: bool = False

    def _answer(self) -> MalformedResponse:
        return MalformedResponse("does not fit", status_code=200, json_object=not self.garbage)

    async def validate_promo(self, code: str, *, user: str | None = None) -> object:
        raise self._answer()

    async def validate_voucher(self, code: str, **_: object) -> object:
        raise self._answer()


@pytest.mark.parametrize("allowed_offline", [False, True])
async def test_a_code_check_the_till_cannot_read_is_no_outage_and_no_check(
    cache: MemberCache, allowed_offline: bool
) -> None:
    # it said "codes can only be checked online" with the server answering, or, with codes
    # allowed offline, took on trust a code the server may have said is not active
    catalogue = Catalogue(UnreadableChecks(), cache, allow_codes_offline=allowed_offline)
    with pytest.raises(CodeNotChecked, match=r"^The Stamps server answered the check of promo"):
        await catalogue.promo_order(AYU, "PROMO1")
    with pytest.raises(CodeNotChecked, match=r"^The Stamps server answered the check of voucher"):
        await catalogue.code_order(AYU, "ULTAH", template=13)


async def test_a_code_check_answered_with_no_json_follows_the_offline_rules(
    cache: MemberCache,
) -> None:
    # a Wi-Fi login page or a cut answer: the server may not have been reached at all
    catalogue = Catalogue(UnreadableChecks(garbage=True), cache, allow_codes_offline=True)
    assert (await catalogue.promo_order(AYU, "PROMO1")).code == "PROMO1"


@pytest.mark.parametrize("offline", [False, True], ids=["live", "remembered"])
@pytest.mark.parametrize("named", [6, "1", 1], ids=["tile", "typed", "other tile"])
async def test_a_code_two_rewards_share_is_refused_in_a_cart_naming_both(
    cache: MemberCache, named: str | int, offline: bool
) -> None:
    # One server wrote Es Kopi's code as the text "1" and Croissant's as the number 1: the
    # cart took the first listed without a word, and the server is sent the code alone.
    rewards = [
        {"id": 6, "name": "Es Kopi", "code": "1", "stamps_to_redeem": 20},
        {"id": 1, "name": "Croissant", "code": 1, "stamps_to_redeem": 15},
        {"id": 7, "name": "Roti", "code": "RT", "stamps_to_redeem": 5},
    ]

    class Server(FailingServer):
        async def rewards(self, user: str | None = None) -> RewardsResponse:
            return RewardsResponse.model_validate({"rewards": rewards, "vouchers": []})

    await Catalogue(Server(), cache).offer(AYU, 250)
    catalogue = Catalogue(Server(), cache, offline=lambda: offline)
    with pytest.raises(InvalidOrder) as refused:
        await catalogue.cart_order(AYU, [("RT", 1, None), (named, 1, None)])
    assert english(refused.value.message).startswith(
        "Code 1 is the code of more than one reward at this store: Es Kopi (#6), Croissant (#1)."
    )
    order = await catalogue.cart_order(AYU, [("RT", 1, None)])  # a code of one reward alone
    assert [i.name for i in order.items] == ["Roti"]


async def test_a_cart_names_its_rewards_without_the_spaces_around_their_names(
    cache: MemberCache,
) -> None:
    # "1 × Es Kopi , Roti" on the receipt: the server's name kept its trailing space.
    rewards = [
        {"id": 6, "name": "Es Kopi ", "code": "EK", "stamps_to_redeem": 20},
        {"id": 7, "name": " Roti", "code": "RT", "stamps_to_redeem": 5},
    ]

    class Server(FailingServer):
        async def rewards(self, user: str | None = None) -> RewardsResponse:
            return RewardsResponse.model_validate({"rewards": rewards, "vouchers": []})

    order = await Catalogue(Server(), cache).cart_order(AYU, [("EK", 2, None), (7, 1, None)])
    assert english(order.description) == "2 × Es Kopi, Roti"
