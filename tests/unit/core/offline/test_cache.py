"""The member cache: found by every identifier, "as of" when fetched, purged when stale."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from app.core.clock import ManualClock, installed
from app.core.domain import Channel, Member
from app.core.offline.cache import AmbiguousMember, CachedReward, CachedVoucher, MemberCache
from app.core.storage import Database, migrate
from app.core.storage.problems import DatabaseLogLost

POS = Channel.POS


@pytest.fixture(scope="module")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cache-template") / "template.db"
    migrate(path)
    return path


@pytest.fixture
def clock() -> Iterator[ManualClock]:
    with installed(ManualClock()) as manual:
        assert isinstance(manual, ManualClock)
        yield manual


@pytest.fixture
async def cache(
    tmp_path: Path, template_db: Path, clock: ManualClock
) -> AsyncIterator[MemberCache]:
    path = tmp_path / "data" / "till.db"
    path.parent.mkdir(mode=0o700)
    shutil.copyfile(template_db, path)
    db = Database(path)
    yield MemberCache(db)
    await db.close()


def ayu(clock: ManualClock, **changes: object) -> Member:
    member = Member(
        server_id="6",
        name="Ayu Pratiwi",
        email="customer@stamps.co.id",
        phone="+6281210000006",
        member_ids=("KR24000006",),
        card_number="70140000000006",
        level="Blue",
        stamps=250,
        balance=0.0,
        is_blocked=False,
        redemption_allowed=True,
        protected_redemption=False,
        pin_is_blocked=False,
        fetched_at=clock.now(),
    )
    return replace(member, **changes)


@pytest.mark.parametrize(
    "typed",
    [
        "customer@stamps.co.id",
        "CUSTOMER@STAMPS.CO.ID",
        "KR24000006",
        "kr24000006",
        "70140000000006",
        "+6281210000006",
        "6281210000006",
        "081210000006",
    ],
)
async def test_a_remembered_member_is_found_by_each_identifier(
    cache: MemberCache, clock: ManualClock, typed: str
) -> None:
    await cache.remember(ayu(clock))
    found = await cache.find(typed)
    assert found is not None
    assert found.name == "Ayu Pratiwi"
    assert not found.live
    assert found.fetched_at == clock.now()


async def test_a_cache_a_deleted_log_stops_writing_is_an_older_cache_not_a_failed_lookup(
    cache: MemberCache, clock: ManualClock
) -> None:
    # Seen under X: the database's log deleted under the demo till, the next member looked up
    # (found live) came back as the "unhandled error" window, "Looking up…" left under the
    # search, as the cache could not keep them.
    await cache.remember(ayu(clock))
    path = cache.db.path
    path.with_name(path.name + "-wal").unlink()
    assert isinstance(await cache.db.check_room(), DatabaseLogLost)
    await cache.remember(ayu(clock, stamps=240))  # not kept, and no failure
    found = await cache.find("KR24000006")
    assert found is not None and found.stamps == 250


async def test_a_remembered_member_is_found_by_their_server_id(
    cache: MemberCache, clock: ManualClock
) -> None:
    # Member details take the primary key online, so what found the member there finds them
    # offline too.
    await cache.remember(ayu(clock, server_id="454"))
    found = await cache.find(" 454 ")
    assert found is not None and found.name == "Ayu Pratiwi" and not found.live


async def test_a_server_id_that_is_another_members_card_is_ambiguous(
    cache: MemberCache, clock: ManualClock
) -> None:
    await cache.remember(ayu(clock, server_id="454"))
    await cache.remember(
        ayu(clock, server_id="7", email="b@x.id", phone=None, member_ids=(), card_number="454")
    )
    with pytest.raises(AmbiguousMember):
        await cache.find("454")


async def test_an_unknown_identifier_finds_nobody(cache: MemberCache, clock: ManualClock) -> None:
    await cache.remember(ayu(clock))
    assert await cache.find("nobody@example.com") is None
    assert await cache.find("   ") is None


async def test_refreshing_keeps_the_newest_and_moves_a_reused_phone(
    cache: MemberCache, clock: ManualClock
) -> None:
    await cache.remember(ayu(clock))
    clock.advance(60)
    other = ayu(
        clock, server_id="7", name="Budi", email="budi@x.id", member_ids=("KR7",), card_number=None
    )
    await cache.remember(other)  # the phone number now belongs to Budi
    found = await cache.find("081210000006")
    assert found is not None
    assert found.name == "Budi"
    still = await cache.find("customer@stamps.co.id")
    assert still is not None
    assert still.name == "Ayu Pratiwi"


async def test_two_members_answering_readings_of_one_input_is_ambiguous(
    cache: MemberCache, clock: ManualClock
) -> None:
    await cache.remember(ayu(clock))  # phone +62 812 1000 0006
    # Another member whose card number is what Ayu's phone looks like typed locally.
    card = ayu(
        clock, server_id="7", email="b@x.id", phone=None, member_ids=(), card_number="081210000006"
    )
    await cache.remember(card)
    with pytest.raises(AmbiguousMember):
        await cache.find("081210000006")


async def test_suggestions_by_name_and_identifier_prefix(
    cache: MemberCache, clock: ManualClock
) -> None:
    await cache.remember(ayu(clock))
    await cache.remember(
        ayu(
            clock,
            server_id="7",
            name="Budi Santoso",
            email="budi@x.id",
            phone="+628155",
            member_ids=("KR7",),
            card_number=None,
        )
    )
    assert [m.name for m in await cache.suggest("ay")] == ["Ayu Pratiwi"]
    assert [m.name for m in await cache.suggest("0812")] == ["Ayu Pratiwi"]
    assert [m.name for m in await cache.suggest("budi@")] == ["Budi Santoso"]
    assert {m.name for m in await cache.suggest("kr")} == {"Ayu Pratiwi", "Budi Santoso"}
    assert await cache.suggest("a") == []


async def test_members_not_seen_for_the_retention_are_purged(
    cache: MemberCache, clock: ManualClock
) -> None:
    await cache.remember(ayu(clock))
    await cache.remember_vouchers(
        "6",
        POS,
        [CachedVoucher(20, "BDAY", "Birthday", None, True, None, None, 3, clock.now())],
    )
    clock.advance(timedelta(days=89).total_seconds())
    assert await cache.purge(timedelta(days=90)) == 0
    clock.advance(timedelta(days=2).total_seconds())
    assert await cache.purge(timedelta(days=90)) == 1
    assert await cache.find("customer@stamps.co.id") is None
    assert await cache.vouchers("6", POS) is None


async def test_a_voucher_list_never_read_is_not_an_empty_one(
    cache: MemberCache, clock: ManualClock
) -> None:
    # "This till never read her vouchers" must not read as "she has none" (a refusal would then
    # tell the cashier a voucher is not hers).
    await cache.remember(ayu(clock))
    assert await cache.vouchers("6", POS) is None
    await cache.remember_vouchers("6", POS, [])
    assert await cache.vouchers("6", POS) == []
    await cache.remember(ayu(clock))  # looking her up again keeps what was read
    assert await cache.vouchers("6", POS) == []
    await cache.remember_vouchers("unknown", POS, [])  # no member, nothing to hang a list on
    assert await cache.vouchers("unknown", POS) is None


async def test_vouchers_and_rewards_are_replaced_by_the_latest_list(
    cache: MemberCache, clock: ManualClock
) -> None:
    await cache.remember(ayu(clock))
    first = CachedVoucher(
        20, "BDAY", "Birthday", None, True, "2026-11-01", "2026-12-31", 3, clock.now()
    )
    await cache.remember_vouchers("6", POS, [first, replace(first, id=21, code="X")])
    await cache.remember_vouchers("6", POS, [first])
    assert [v.id for v in await cache.vouchers("6", POS)] == [20]
    reward = CachedReward(1, "KR-001", "Es Kopi", 20, 3, None, clock.now())
    await cache.remember_rewards(32, POS, [reward, replace(reward, id=2, name="Croissant")])
    assert [r.name for r in await cache.rewards(32, POS)] == ["Es Kopi", "Croissant"]
    assert await cache.rewards(33, POS) == []


async def test_rewards_come_back_in_the_servers_order(
    cache: MemberCache, clock: ManualClock
) -> None:
    # The window lays the tiles out in the order it is given: read from the cache in another
    # order than the server's, they changed places when the network went, and a cashier's
    # next tap on the same spot picked another reward.
    await cache.remember(ayu(clock))
    reward = CachedReward(6, "A001", "Mee Goreng", 20, 3, None, clock.now())
    served = [replace(reward, id=i, name=f"reward {i}") for i in (6, 5, 8, 7)]  # the docs' order
    await cache.remember_rewards(32, POS, served)
    assert [r.id for r in await cache.rewards(32, POS)] == [6, 5, 8, 7]
    await cache.remember_rewards(32, POS, served[::-1])
    assert [r.id for r in await cache.rewards(32, POS)] == [7, 8, 5, 6]


async def test_voucher_values_are_kept_as_decimals(cache: MemberCache, clock: ManualClock) -> None:
    await cache.remember(ayu(clock))
    saldo = CachedVoucher(
        12, "SALDO", "Saldo", Decimal("150000.50"), True, None, None, 11, clock.now()
    )
    whole = replace(saldo, id=13, code="W", value=Decimal("50000"))
    none = replace(saldo, id=14, code="N", value=None)
    await cache.remember_vouchers("6", POS, [saldo, whole, none])
    values = {v.id: v.value for v in await cache.vouchers("6", POS)}
    assert values == {12: Decimal("150000.50"), 13: Decimal("50000"), 14: None}
    assert all(isinstance(v, Decimal) for v in values.values() if v is not None)
