"""The till, through ``app.core.services``, against another server written from the same docs
(tests/support/other_reading.py): each rewriting the docs allow, one at a time and all
together, and a cashier's whole round on it (members found three ways, the offer, a reward, a
cart, a voucher, a deduction, a voucher code, a promo code, a PIN, a cancel), a redemption
made offline and sent when the server is back, one found applied in the member's feed, a
catalogue of many pages, and the kiosk. What the till says each time must be true of what the
server holds."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.config import load_settings
from app.core import clock
from app.core.clock import ManualClock
from app.core.domain import EntryStatus
from app.core.services import (
    Explained,
    ManagersExist,
    Receipt,
    RuntimeOptions,
    Sale,
    Secret,
    Till,
    Verdict,
    english,
    open_till,
)
from app.core.services.config import TillConfig
from app.core.services.kiosk import Kiosk
from app.core.services.refusals import PinRequired

from ...support.docs_server import MERCHANT, STORE, Canned, DocsServer
from ...support.network import AMPLE_TIMEOUTS, TEST_RECONNECT_SPREAD
from ...support.other_reading import READINGS, other_reading

pytestmark = pytest.mark.integration

AYU = "ayu@contoh.co.id"  # 250 stamps, voucher 1 (VC-ABC, Rp 200)
AYU_MEMBER_ID, AYU_PHONE = "RRROWO5U51", "+628555756061"
BUDI = "budi@contoh.co.id"  # 40 stamps, PIN 123456
WAIT = 10.0
MANAGER, MANAGER_PIN = "Wayan", Secret("246810")
REDEEM_REWARD = "/api/v2/redemptions/redeem-reward"
REDEEM_CART = "/api/v2/redemptions/redeem-multiple-rewards"
CANCEL = "/api/redemptions/cancel"


@pytest.fixture(params=[*READINGS, "all"])
def server(request: pytest.FixtureRequest) -> Iterator[DocsServer]:
    names = () if request.param == "all" else (request.param,)
    with DocsServer(reshape=other_reading(*names)) as running:
        yield running


@pytest.fixture
def other_server() -> Iterator[DocsServer]:
    """The other reading with every rewriting at once."""
    with DocsServer(reshape=other_reading()) as running:
        yield running


@asynccontextmanager
async def opened(
    server: DocsServer,
    tmp_path: Path,
    options: RuntimeOptions | None = None,
    *,
    kiosk: bool = False,
) -> AsyncIterator[Till]:
    """A till (a kiosk's, with ``kiosk``) on ``server``, with a manager to cancel."""
    settings = load_settings(
        tmp_path / "none.toml",
        base_url=server.url,
        merchant=MERCHANT,
        store=STORE,
        store_code="RDG-KMG",
        data_dir=tmp_path / "till",
        **AMPLE_TIMEOUTS,
    )
    token = Secret(server.token)
    options = dataclasses.replace(options or RuntimeOptions(), token_source=lambda: token)
    async with open_till(settings.till_config(kiosk=kiosk), token, options) as running:
        with contextlib.suppress(ManagersExist):  # a till opened again keeps its manager
            await running.staff.add_first_manager(MANAGER, MANAGER_PIN)
        yield running


@pytest.fixture
async def till(server: DocsServer, tmp_path: Path) -> AsyncIterator[Till]:
    async with opened(server, tmp_path) as running:
        yield running


async def test_a_cashiers_round_is_told_as_the_server_holds_it(
    till: Till, server: DocsServer
) -> None:
    by_email = await till.lookup.find_member(AYU)
    for other in (AYU_MEMBER_ID, AYU_PHONE):
        assert (await till.lookup.find_member(other)).server_id == by_email.server_id
    ayu = by_email
    assert ayu.stamps == 250 and ayu.live and ayu.balance == 0

    offer = await till.lookup.offer(
        ayu
    )  # every reward the server lists, Mee Goreng priced in money
    assert {r.id for r in offer.rewards} == {5, 6, 8, 9, 11} and offer.rewards_unread == 0
    assert [v.id for v in offer.vouchers] == [1] and offer.vouchers_unread == 0

    reward = await till.redeemer.redeem(
        await till.catalogue.reward_order(ayu, 9), ayu, Sale("Dewi")
    )
    told = await till.wait(reward.entry_id, WAIT)
    assert told.verdict is Verdict.CONFIRMED, told
    assert told.stamps_remaining == 249 == server.member(AYU).stamps  # type: ignore[union-attr]
    assert told.server_redemption_id in server.redemptions

    cart = await till.catalogue.cart_order(ayu, [("A009", 2, None)])
    told = await till.wait((await till.redeemer.redeem(cart, ayu, Sale("Dewi"))).entry_id, WAIT)
    assert told.verdict is Verdict.CONFIRMED, told
    assert told.stamps_remaining == 247

    order, facts = await till.catalogue.deduct_order(ayu, 1, 50)
    receipt = await till.redeemer.redeem(order, ayu, Sale("Dewi"), voucher=facts)
    assert (await till.wait(receipt.entry_id, WAIT)).verdict is Verdict.CONFIRMED

    code = await till.catalogue.code_order(ayu, "VC-ABC")
    told = await till.wait((await till.redeemer.redeem(code, ayu, Sale("Dewi"))).entry_id, WAIT)
    assert told.verdict is Verdict.CONFIRMED, told

    promo = await till.catalogue.promo_order(ayu, "PROMOCODE")
    sale = Sale("Dewi", invoice_number="INV-77")
    told = await till.wait((await till.redeemer.redeem(promo, ayu, sale)).entry_id, WAIT)
    assert told.verdict is Verdict.CONFIRMED, told

    budi = await till.lookup.find_member(BUDI)
    offered = await till.lookup.offer(budi)  # none of his own: "none", not "could not be read"
    assert not offered.vouchers and offered.vouchers_problem is None
    assert (await till.lookup.members_named("Nobody Here")).members == ()
    order = await till.catalogue.reward_order(budi, 9)
    with pytest.raises(PinRequired):
        await till.redeemer.redeem(order, budi, Sale("Dewi"))
    request_id = await till.redeemer.authorize_pin(budi, Secret("123456"))
    pinned = await till.redeemer.redeem(order, budi, Sale("Dewi"), request_id=request_id)
    told = await till.wait(pinned.entry_id, WAIT)
    assert told.verdict is Verdict.CONFIRMED, told
    assert server.member(BUDI).stamps == 39  # type: ignore[union-attr]

    await till.manager.enter(MANAGER, MANAGER_PIN)
    cancel = await till.manager.cancel(reward.entry_id)
    told = await till.wait(cancel.entry_id, WAIT)
    assert told.verdict is Verdict.CONFIRMED, told
    redeemed = await till.wait(reward.entry_id, WAIT)
    assert server.redemptions[redeemed.server_redemption_id]["status"] == "Canceled"  # type: ignore[index]
    assert server.member(AYU).stamps == 248  # type: ignore[union-attr]


async def test_a_redemption_made_offline_is_confirmed_once_the_server_is_back(
    other_server: DocsServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = other_server
    made = TillConfig.outbox_policy
    monkeypatch.setattr(
        TillConfig,
        "outbox_policy",
        lambda config: dataclasses.replace(made(config), reconnect_spread=TEST_RECONNECT_SPREAD),
    )
    port = int(server.url.rsplit(":", 1)[1])
    async with opened(server, tmp_path, RuntimeOptions(probe_interval=0.1)) as till:
        ayu = await till.lookup.find_member(AYU)
        await till.lookup.offer(ayu)  # the catalogue the till remembers
        server.stop()
        cached = await till.lookup.find_member(AYU_MEMBER_ID)
        assert not cached.live and cached.stamps == 250
        order = await till.catalogue.reward_order(cached, 9)
        receipt = await till.redeemer.redeem(order, cached, Sale("Dewi"))
        assert receipt.verdict is Verdict.ACCEPTED_OFFLINE and receipt.provisional
        assert server.member(AYU).stamps == 250  # type: ignore[union-attr]

        server.start(port)
        told = receipt
        for _ in range(20):  # each wait ends with an attempt; those that never arrived retry
            told = await till.wait(receipt.entry_id, WAIT)
            if told.verdict is not Verdict.ACCEPTED_OFFLINE:
                break
        assert told.verdict is Verdict.CONFIRMED, told
        assert told.stamps_remaining == 249 == server.member(AYU).stamps  # type: ignore[union-attr]
        assert len(server.redemptions) == 1


async def test_a_long_catalogue_is_read_to_its_last_page(
    other_server: DocsServer, tmp_path: Path
) -> None:
    server = other_server
    # the rewards list pages by per_page and last_reward_id: 250 more rewards, ids out of order
    for n in range(250):
        pk = 1000 + (n * 7919) % 250  # every id once, not in order
        server.rewards.append({**server.rewards[3], "id": pk, "code": f"L{pk}", "name": f"№ {pk}"})
    async with opened(server, tmp_path) as till:
        ayu = await till.lookup.find_member(AYU)
        offer = await till.lookup.offer(ayu)
        assert len(offer.rewards) == 255 and offer.rewards_problem is None
        last = server.rewards[-1]["id"]
        told = await till.wait(
            (
                await till.redeemer.redeem(
                    await till.catalogue.reward_order(ayu, last), ayu, Sale("D")
                )
            ).entry_id,
            WAIT,
        )
        assert told.verdict is Verdict.CONFIRMED, told


async def test_a_redemption_whose_answer_failed_is_found_applied_in_the_feed(
    other_server: DocsServer, tmp_path: Path
) -> None:
    # applied, then answered 500: not confirmed, until the member's activity shows it
    server = other_server
    async with opened(server, tmp_path) as till:
        ayu = await till.lookup.find_member(AYU)
        order = await till.catalogue.reward_order(ayu, 9)
        server.answer_next(REDEEM_REWARD, 500, "<h1>Server Error (500)</h1>", apply=True)
        receipt = await till.redeemer.redeem(order, ayu, Sale("Dewi"))
        told = await till.wait(receipt.entry_id, WAIT)
        assert told.verdict is Verdict.NOT_CONFIRMED, told
        assert len(server.redemptions) == 1

        # the worker reads the feed as the entry turns unknown, or this look does
        changed = asyncio.Event()
        till.outbox.add_listener(changed.set)
        try:
            async with asyncio.timeout(WAIT):
                while True:
                    changed.clear()
                    await till.worker.reconcile_due()
                    told = await till.outcome(receipt.entry_id)
                    if told.verdict is not Verdict.NOT_CONFIRMED:
                        break
                    await changed.wait()
        finally:
            till.outbox.remove_listener(changed.set)
        # the feed's line is status 1, Created: it stands (it read "cancelled" when the docs
        # server wrote 2, Canceled, for every redemption it made)
        assert told.verdict is Verdict.CONFIRMED, told


async def test_the_kiosk_serves_a_card_and_a_pin_as_the_server_holds_them(
    other_server: DocsServer, tmp_path: Path
) -> None:
    server = other_server
    async with opened(server, tmp_path, kiosk=True) as till:
        kiosk = Kiosk(till)
        ayu = await kiosk.identify(AYU_MEMBER_ID, typed=False)  # her card, scanned
        offer = await kiosk.offer(ayu)
        assert offer.stamps == 250 and not offer.some_unread
        assert {r.id for r in offer.rewards} >= {5, 6, 9}
        told = await kiosk.wait(await kiosk.redeem(ayu, 9, None))
        assert told.verdict is Verdict.CONFIRMED, told
        assert server.member(AYU).stamps == 249  # type: ignore[union-attr]

        budi = await kiosk.identify("+628122223333", typed=True)  # his phone: he has a PIN
        request_id = await kiosk.authorize(budi, Secret("123456"))  # answered "OK"
        told = await kiosk.wait(await kiosk.redeem(budi, 9, request_id))
        assert told.verdict is Verdict.CONFIRMED, told
        assert server.member(BUDI).stamps == 39  # type: ignore[union-attr]


async def test_a_voucher_code_of_digits_written_as_a_number_is_that_code(tmp_path: Path) -> None:
    # the docs type a code as text; 20261203 can be written one way only, so it is "20261203":
    # the voucher read "could not be read", and was not offered
    with DocsServer(reshape=other_reading("codes as numbers")) as server:
        server.vouchers[0]["code"] = "20261203"
        async with opened(server, tmp_path) as till:
            ayu = await till.lookup.find_member(AYU)
            offer = await till.lookup.offer(ayu)
            assert offer.vouchers_unread == 0 and offer.vouchers_problem is None
            assert [(v.id, v.code) for v in offer.vouchers] == [(1, "20261203")]
            order, facts = await till.catalogue.deduct_order(ayu, 1, 50)
            receipt = await till.redeemer.redeem(order, ayu, Sale("Dewi"), voucher=facts)
            told = await till.wait(receipt.entry_id, WAIT)
            assert told.verdict is Verdict.CONFIRMED, told
            assert told.voucher_code == "20261203"  # the slip's code, answered as a number
            code = await till.catalogue.code_order(ayu, "20261203")
            told = await till.wait(
                (await till.redeemer.redeem(code, ayu, Sale("Dewi"))).entry_id, WAIT
            )
            assert told.verdict is Verdict.CONFIRMED, told


@pytest.fixture
def docs_server() -> Iterator[DocsServer]:
    """The docs server as it reads: its error objects as the docs write them."""
    with DocsServer() as running:
        yield running


ACTIVITIES = "/api/v3/activities/"
#: The longest wait between two looks at an unknown entry's feed (OutboxPolicy.reconcile_cap).
RECONCILE_CAP = 1800.0
WIB = timezone(timedelta(hours=7))


def _feed_errors(path: str, answer: Canned) -> Canned:
    """activity_api's ``error_messages``: the server could not put every line in its answer."""
    if path != ACTIVITIES or not isinstance(answer.body, dict):
        return answer
    return dataclasses.replace(
        answer, body={**answer.body, "error_messages": ["Activity 2590001 could not be read"]}
    )


MINUTE = "%d-%m-%Y %H:%M"


@pytest.mark.parametrize(
    ("minute", "written", "feed_errors", "said"),
    [
        (-2, MINUTE, False, "exception.not_found"),
        (-1, MINUTE, False, None),
        (1, MINUTE, False, None),
        (2, MINUTE, False, "exception.not_found"),
        # the day alone cannot be placed in the window: not "not in the member's activity",
        # on which a manager would send it again, when the line may be this very redemption
        (0, "%Y-%m-%d", False, "exception.feed_unreadable"),
        # nor can a feed that says some of its lines could not be given (error_messages)
        (-2, MINUTE, True, "exception.feed_unreadable"),
    ],
    ids=[
        "minute before the window",
        "first minute",
        "last minute",
        "minute after",
        "day",
        "error_messages",
    ],
)
async def test_a_feed_line_written_in_jakartas_time_is_placed_at_the_windows_edges(
    tmp_path: Path, minute: int, written: str, feed_errors: bool, said: str | None
) -> None:
    # The attempt is sent at T (hh:mm:30 on a clock moved by hand, near the real time): its
    # window is T - 60 s to T + 60 s (the clock skew each side). The feed writes its line to
    # the minute, in Jakarta's time, with no zone, as the docs' other dates: "hh:mm-1" may be
    # from hh:mm-1:59, inside; "hh:mm-2" is wholly before. Read as UTC it was 7 h off, and
    # read as its minute's first second the first minute fell outside.
    sent_at = datetime.now(UTC).replace(second=30, microsecond=0)
    line_at = (sent_at + timedelta(minutes=minute)).astimezone(WIB)
    moved = ManualClock(sent_at)
    with (
        clock.installed(moved),
        DocsServer(reshape=_feed_errors if feed_errors else None) as docs_server,
    ):
        async with opened(docs_server, tmp_path) as till:
            ayu = await till.lookup.find_member(AYU)
            order = await till.catalogue.reward_order(ayu, 9)
            docs_server._record(docs_server.member(AYU), "Es Teh Manis — gratis!", 1, 2)  # type: ignore[arg-type]
            docs_server.activities[0]["created"] = line_at.strftime(written)
            docs_server.answer_next(REDEEM_REWARD, 500, "<h1>Server Error (500)</h1>")
            receipt = await till.redeemer.redeem(order, ayu, Sale("Dewi"))
            told = await till.wait(receipt.entry_id, WAIT)
            assert told.verdict is Verdict.NOT_CONFIRMED, told
            # the look comes after every line was made: a feed that dates a line after the
            # look itself is stamped by another clock, and proves nothing either way
            moved.advance(180)
            async with asyncio.timeout(WAIT):  # until a look at the feed has been written
                while told.verdict is Verdict.NOT_CONFIRMED:
                    asked = len(docs_server.sent(ACTIVITIES))
                    await till.worker.reconcile_due()
                    told = await till.outcome(receipt.entry_id)
                    if len(docs_server.sent(ACTIVITIES)) > asked:
                        break
                    moved.advance(RECONCILE_CAP)  # the worker looked first: the next is due
            waiting = {e.row.entry_id: e.said.id for e in await till.history.exceptions()}
    assert (told.verdict is Verdict.CONFIRMED) is (said is None), told
    assert waiting.get(receipt.entry_id) == said  # what a manager is told of it


async def test_a_reward_code_of_digits_written_as_a_number_is_redeemed_by_it(
    tmp_path: Path,
) -> None:
    # the cart's example writes a reward's code as a number ("code": 1): such a reward was
    # left out of the catalogue as unreadable, and no cart could name it
    with DocsServer(reshape=other_reading("codes as numbers")) as server:
        server.rewards[3]["code"] = 9009  # Es Teh Manis, 1 stamp: held as it is written
        async with opened(server, tmp_path) as till:
            ayu = await till.lookup.find_member(AYU)
            offer = await till.lookup.offer(ayu)
            assert offer.rewards_unread == 0 and 9 in {r.id for r in offer.rewards}
            cart = await till.catalogue.cart_order(ayu, [("9009", 2, None)])
            told = await till.wait(
                (await till.redeemer.redeem(cart, ayu, Sale("Dewi"))).entry_id, WAIT
            )
            assert told.verdict is Verdict.CONFIRMED, told
            assert server.member(AYU).stamps == 248  # type: ignore[union-attr]


@pytest.mark.parametrize("catalogue", ["live", "remembered"])
async def test_a_reward_code_written_as_a_number_is_sent_back_as_one_after_a_restart(
    tmp_path: Path, catalogue: str
) -> None:
    # The cart's example writes "code": 1, and the till read it so, but sent "code": "1" back:
    # a server that compares codes as it wrote them answered "Reward not found". The cart is
    # queued as the line goes, the till is closed and opened again, and it goes from the disk.
    with DocsServer() as server:
        server.rewards[3]["code"] = 1  # Es Teh Manis, 1 stamp
        port = int(server.url.rsplit(":", 1)[1])
        async with opened(server, tmp_path) as till:
            ayu = await till.lookup.find_member(AYU)
            await till.lookup.offer(ayu)  # the catalogue the till remembers
            if catalogue == "remembered":
                server.stop()
                ayu = await till.lookup.find_member(AYU)
                assert not ayu.live
            cart = await till.catalogue.cart_order(ayu, [("1", 2, None), ("A006", 1, None)])
            server.stop()
            receipt = await till.redeemer.redeem(cart, ayu, Sale("Dewi"))
        assert server.sent(REDEEM_CART) == []
        server.start(port)
        async with opened(server, tmp_path) as till:
            told = receipt
            for _ in range(20):  # each wait ends with an attempt; those that never arrived retry
                told = await till.wait(receipt.entry_id, WAIT)
                if told.status in (EntryStatus.SYNCED, EntryStatus.REJECTED):
                    break
        assert told.verdict is Verdict.CONFIRMED, told
        sent = server.sent(REDEEM_CART)
        assert [[line["code"] for line in body["rewards"]] for body in sent] == [[1, "A006"]]
        assert server.member(AYU).stamps == 250 - 2 - 20  # type: ignore[union-attr]


# --- what the server said, said to the cashier ---------------------------------------------------


@pytest.mark.parametrize("path", [REDEEM_REWARD, CANCEL])
async def test_a_2xx_naming_no_redemption_is_not_confirmed_in_the_servers_words(
    docs_server: DocsServer, tmp_path: Path, path: str
) -> None:
    # a 200 of nothing but "errors": it proves nothing, and the cashier is told what it said,
    # cleaned of a terminal's escapes and a right-to-left override, and cut short
    said = "Out of \u202estock\x1b[2J " + "and more " * 40
    async with opened(docs_server, tmp_path) as till:
        ayu = await till.lookup.find_member(AYU)
        receipt = await till.redeemer.redeem(
            await till.catalogue.reward_order(ayu, 9), ayu, Sale("Dewi")
        )
        if path == CANCEL:
            assert (await till.wait(receipt.entry_id, WAIT)).verdict is Verdict.CONFIRMED
            await till.manager.enter(MANAGER, MANAGER_PIN)
        docs_server.answer_next(path, 200, {"errors": {"__all__": said}})
        if path == CANCEL:
            receipt = await till.manager.cancel(receipt.entry_id)
        told = await till.wait(receipt.entry_id, WAIT)
        assert told.verdict is Verdict.NOT_CONFIRMED, told
        assert told.details is not None
        words = english(told.details)
        # quoted as the server's, and no longer than a line of the panel holds
        assert "“Out of stock and more" in words and "\u202e" not in words and "\x1b" not in words
        assert len(words) < 300 and words.endswith("…”")


async def _said(till: Till, call: str) -> str:
    """What the till tells the cashier when ``call`` is answered with a refusal."""
    try:
        if call == "lookup":
            await till.lookup.find_member(AYU)
            raise AssertionError("the lookup was not refused")
        ayu = await till.lookup.find_member(AYU)
        if call == "voucher":
            await till.catalogue.code_order(ayu, "VC-ABC")
        elif call == "promo":
            await till.catalogue.promo_order(ayu, "PROMOCODE")
        elif call == "PIN":
            await till.redeemer.authorize_pin(await till.lookup.find_member(BUDI), Secret("123456"))
        elif call == "redeem":
            order = await till.catalogue.reward_order(ayu, 9)
            return _details(
                await till.wait((await till.redeemer.redeem(order, ayu, Sale("D"))).entry_id)
            )
        else:
            order = await till.catalogue.reward_order(ayu, 9)
            made = await till.redeemer.redeem(order, ayu, Sale("D"))
            assert (await till.wait(made.entry_id, WAIT)).verdict is Verdict.CONFIRMED
            await till.manager.enter(MANAGER, MANAGER_PIN)
            return _details(await till.wait((await till.manager.cancel(made.entry_id)).entry_id))
    except Explained as refused:
        return english(refused.message)
    raise AssertionError(f"{call} was not refused")


def _details(told: Receipt) -> str:
    assert told.verdict is Verdict.REFUSED, told
    assert told.details is not None
    return english(told.details)


#: Each call the till makes that a server can refuse with a 400, and where.
REFUSABLE = {
    "lookup": "/api/v2/memberships/details",
    "voucher": "/api/vouchers/validate",
    "promo": "/api/promo-codes/validate",
    "PIN": "/api/redemptions/authorize",
    "redeem": REDEEM_REWARD,
    "cancel": CANCEL,
}


@pytest.mark.parametrize("call", REFUSABLE)
@pytest.mark.parametrize(
    "body",
    [
        {"non_field_errors": ["Voucher already used", "Store closed"]},  # Django REST's own
        {"voucher_code": ["Voucher already used"], "store": ["Store closed"]},  # by field
        {"errors": {"non_field_errors": ["Voucher already used", "Store closed"]}},
    ],
    ids=["non_field_errors", "fields", "errors.non_field_errors"],
)
async def test_a_refusal_in_django_rests_shapes_says_why(
    docs_server: DocsServer, tmp_path: Path, call: str, body: dict[str, object]
) -> None:
    async with opened(docs_server, tmp_path) as till:
        docs_server.answer_next(REFUSABLE[call], 400, body)
        words = await _said(till, call)
    assert "without saying why" not in words
    assert "Voucher already used" in words and "Store closed" in words


@pytest.mark.parametrize(
    "body",
    [
        {"errors": {"pin": "Invalid PIN, 2 attempt(s) left"}},
        {"status": "ok", "errors": {"pin": "Invalid PIN, 2 attempt(s) left"}},
    ],
    ids=["errors alone", "ok beside errors"],
)
async def test_a_pin_answered_2xx_with_errors_is_unchecked_in_the_servers_words(
    docs_server: DocsServer, tmp_path: Path, body: dict[str, object]
) -> None:
    # it vouches for nothing: the PIN is not taken, and the cashier reads what the server said
    # (it read "answered in a form this till cannot read")
    async with opened(docs_server, tmp_path) as till:
        docs_server.answer_next(REFUSABLE["PIN"], 200, body)
        words = await _said(till, "PIN")
    assert "“Invalid PIN, 2 attempt(s) left”" in words and "Nothing was redeemed" in words
