"""The till's memory of what it has seen online: members, their vouchers, the store's rewards.

Offline, it answers what the server would have, "as of" when it was fetched. Online lookups
refresh it; a confirmed redemption refreshes the member's stamps through the outbox's balance row,
written in the same transaction as the entry (the newer of the two wins here).

Lookups run on every keystroke and scan, so they have a reader of their own: one thread with a
plain, read-only ``sqlite3`` connection and fixed SQL. Through the ORM session a lookup cost forty
times the query itself (``make bench``).
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects.sqlite import insert
from sqlmodel import Session

from app.core import clock
from app.core.domain import Member
from app.core.offline.identifiers import keys_for, prefix_reading, readings
from app.core.storage.cache_tables import MEMBER_KEYS, MEMBERS, REWARDS, VOUCHERS
from app.core.storage.engine import connect
from app.core.storage.problems import (
    DatabaseLogLost,
    StorageFull,
    StorageReadOnly,
    problem_from,
)
from app.core.storage.writer import Database

SUGGESTION_LIMIT = 8
#: The channel of a catalogue read with none: a copy from before migration 0017 (asked for no
#: channel, the server listed every one's), offered on no channel.
NO_CHANNEL = 0

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class CachedVoucher:
    """One of a member's vouchers as last seen. ``kind_known`` when someone (the listing, the
    rewards list, a validation) said whether it is a ``balance`` voucher; when no one did, it is
    kept as one, its kind unconfirmed."""

    id: int
    code: str | None
    name: str | None
    value: Decimal | None
    is_active: bool
    start_date: str | None
    end_date: str | None
    template_id: int | None
    fetched_at: datetime
    balance: bool = False
    kind_known: bool = False


@dataclass(frozen=True)
class CachedReward:
    """A reward of the store's catalogue as last seen."""

    id: int
    code: str | None
    name: str
    stamps_to_redeem: int | None
    type: int | None
    image_url: str | None
    fetched_at: datetime
    #: The list it was read in was cut at the most the till reads (the store offers more).
    listing_cut: bool = False
    #: the server wrote the code as a number (``"code": 1``): a cart names it back as one
    code_is_number: bool = False

    @property
    def code_as_written(self) -> str | int | None:
        """The code in the form the server wrote it."""
        return int(self.code) if self.code_is_number and self.code is not None else self.code


class AmbiguousMember(LookupError):
    """What was typed matches more than one cached member; ask for something more precise.
    ``count`` is how many."""

    def __init__(self, count: int) -> None:
        super().__init__(f"{count} cached members match")
        self.count = count


_MEMBER_COLUMNS = (
    "m.server_id, m.name, m.email, m.phone, m.member_ids, m.card_number, m.level, m.stamps, "
    "m.balance, m.is_blocked, m.redemption_allowed, m.protected_redemption, m.pin_is_blocked, "
    "m.fetched_at, b.stamps AS synced_stamps, b.updated_at AS synced_at"
)
# Only constants and "?" placeholders are formatted into these; values are always bound.
_FIND_SQL = (
    f"SELECT {_MEMBER_COLUMNS} FROM cached_member_keys k "  # noqa: S608
    "JOIN cached_members m ON m.server_id = k.server_id "
    "LEFT JOIN member_balances b ON b.lane = 'member:' || m.server_id "
    "WHERE k.key IN ({marks}) "
    # the server's primary key, which member details take as the user too: typed online it
    # finds the member, so it does offline
    f"UNION SELECT {_MEMBER_COLUMNS} FROM cached_members m "
    "LEFT JOIN member_balances b ON b.lane = 'member:' || m.server_id "
    "WHERE m.server_id = ?"
)
_PREFIX_KEYS_SQL = (
    "SELECT server_id FROM cached_member_keys WHERE key >= ? AND key < ? ORDER BY key LIMIT ?"
)
_PREFIX_NAMES_SQL = (
    "SELECT server_id FROM cached_members WHERE name_key >= ? AND name_key < ? "
    "ORDER BY name_key LIMIT ?"
)
_BY_IDS_SQL = (
    f"SELECT {_MEMBER_COLUMNS} FROM cached_members m "  # noqa: S608
    "LEFT JOIN member_balances b ON b.lane = 'member:' || m.server_id "
    "WHERE m.server_id IN ({marks})"
)


#: The store's rewards are written whole, in the order the server gave them, into a table they
#: were just deleted from: SQLite's rowids then follow that order. The window lays the tiles out
#: in the order it is given, so read back by id they changed places under the cashier's finger
#: when the network went.
_AS_WRITTEN: sa.ColumnClause[int] = sa.literal_column("rowid")


class _Reader:
    """One thread, one read-only connection: lookups never queue behind the ORM's readers."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cache-reader")
        self._connection: sqlite3.Connection | None = None
        self._read_only = db.read_only

    def _connect(self) -> sqlite3.Connection:
        if self._connection is not None and self._read_only != self._db.read_only:
            # the database opened for writing again (space freed): a read-only connection
            # reads the file as it stood, and missed what was cached since
            self._connection.close()
            self._connection = None
        if self._connection is None:
            self._read_only = self._db.read_only
            con = connect(self._db.path, read_only=self._read_only)
            con.row_factory = sqlite3.Row
            con.execute("PRAGMA query_only=ON")
            self._connection = con
        return self._connection

    def _query(self, sql: str, params: Sequence[Any]) -> list[sqlite3.Row]:
        try:
            return self._connect().execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            problem = problem_from(exc, self._db.path)
            if problem is None:
                raise
            raise problem from exc

    async def query(self, sql: str, params: Sequence[Any]) -> list[sqlite3.Row]:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self._query, sql, params)

    async def close(self) -> None:
        def close() -> None:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

        await asyncio.get_running_loop().run_in_executor(self._executor, close)
        self._executor.shutdown(wait=True)


class MemberCache:
    """Members, vouchers and rewards on the till's database."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._reader = _Reader(db)

    async def close(self) -> None:
        """Close the lookup reader (the database itself belongs to the outbox)."""
        await self._reader.close()

    async def _keep(self, write: Callable[[Session], T], otherwise: T) -> T:
        """Write to the cache; on a disk that is full or read-only, or a database whose log
        another program deleted (nothing is written until the till starts again), ``otherwise``.

        A cache that cannot be written is an older cache, not a failed lookup: the member found
        live is still the member. The database's problem state tells the window about the disk,
        and the outbox refuses what must not be lost.
        """
        try:
            return await self.db.write(write)
        except (StorageFull, StorageReadOnly, DatabaseLogLost) as problem:
            log.warning("the member cache was not updated: %s", problem)
            return otherwise

    # --- members --------------------------------------------------------------------------------

    async def remember(self, member: Member) -> None:
        """Store (or refresh) a member fetched live, with every key they can be found by."""
        keys = keys_for(
            email=member.email,
            phone=member.phone,
            member_ids=member.member_ids,
            card_number=member.card_number,
        )
        now = clock.now()
        row = {
            "server_id": member.server_id,
            "name": member.name,
            "name_key": member.name.lower(),
            "email": member.email,
            "phone": member.phone,
            "member_ids": list(member.member_ids),
            "card_number": member.card_number,
            "level": member.level,
            "stamps": member.stamps,
            "balance": member.balance,
            "is_blocked": member.is_blocked,
            "redemption_allowed": member.redemption_allowed,
            "protected_redemption": member.protected_redemption,
            "pin_is_blocked": member.pin_is_blocked,
            "fetched_at": member.fetched_at,
            "seen_at": now,
        }

        def write(session: Session) -> None:
            upsert = insert(MEMBERS).values(row)
            session.execute(
                upsert.on_conflict_do_update(
                    index_elements=[MEMBERS.c.server_id],
                    set_={k: upsert.excluded[k] for k in row if k != "server_id"},
                )
            )
            # A key now belonging to this member belongs to no one else (a phone number moves).
            session.execute(
                sa.delete(MEMBER_KEYS).where(MEMBER_KEYS.c.server_id == member.server_id)
            )
            if keys:
                session.execute(sa.delete(MEMBER_KEYS).where(MEMBER_KEYS.c.key.in_(sorted(keys))))
                session.execute(
                    insert(MEMBER_KEYS),
                    [{"key": key, "server_id": member.server_id} for key in sorted(keys)],
                )

        await self._keep(write, None)

    async def find(self, text: str) -> Member | None:
        """The cached member who answers to ``text`` (any identifier), as of when fetched.

        Raises :class:`AmbiguousMember` when the readings of ``text`` match several members.
        """
        candidates = readings(text)
        if not candidates:
            return None
        marks = ",".join("?" * len(candidates))
        rows = await self._reader.query(_FIND_SQL.format(marks=marks), [*candidates, text.strip()])
        found = {row["server_id"]: row for row in rows}
        if not found:
            return None
        if len(found) > 1:
            raise AmbiguousMember(len(found))
        return _member(next(iter(found.values())))

    async def member(self, server_id: str) -> Member | None:
        """The cached member with this server id, as of when fetched."""
        rows = await self._reader.query(_BY_IDS_SQL.format(marks="?"), [server_id])
        return _member(rows[0]) if rows else None

    async def suggest(self, text: str, limit: int = SUGGESTION_LIMIT) -> list[Member]:
        """Members whose name or an identifier starts with what was typed (type-ahead offline)."""
        prefix = prefix_reading(text)
        name_prefix = text.strip().lower()
        if len(prefix) < 2 and len(name_prefix) < 2:
            return []
        by_name = await self._reader.query(
            _PREFIX_NAMES_SQL, (name_prefix, name_prefix + "\uffff", limit)
        )
        by_key = await self._reader.query(_PREFIX_KEYS_SQL, (prefix, prefix + "\uffff", limit))
        ids = list(dict.fromkeys([r[0] for r in by_name] + [r[0] for r in by_key]))[:limit]
        if not ids:
            return []
        rows = await self._reader.query(_BY_IDS_SQL.format(marks=",".join("?" * len(ids))), ids)
        found = {row["server_id"]: row for row in rows}
        return [_member(found[i]) for i in ids if i in found]

    async def purge(self, not_seen_for: timedelta) -> int:
        """Forget members not seen for ``not_seen_for`` (their keys and vouchers go with them)."""
        cutoff = clock.now() - not_seen_for

        def write(session: Session) -> int:
            result = session.execute(sa.delete(MEMBERS).where(MEMBERS.c.seen_at < cutoff))
            return int(result.rowcount or 0)  # type: ignore[attr-defined]

        return await self._keep(write, 0)

    # --- vouchers and rewards -------------------------------------------------------------------

    async def remember_vouchers(
        self, server_id: str, channel: int, vouchers: list[CachedVoucher]
    ) -> None:
        """Replace a member's cached vouchers with the list just fetched for ``channel`` (an
        empty list is remembered too: the member has none there). A member the cache does not
        hold is skipped. One list a member: the one last read, whichever channel it was for."""
        now = clock.now()

        def write(session: Session) -> None:
            known = session.execute(
                sa.update(MEMBERS)
                .where(MEMBERS.c.server_id == server_id)
                .values(vouchers_fetched_at=now, vouchers_channel=channel)
            )
            if not getattr(known, "rowcount", 0):
                return  # its vouchers would hang off no member
            session.execute(sa.delete(VOUCHERS).where(VOUCHERS.c.server_id == server_id))
            if vouchers:
                session.execute(
                    insert(VOUCHERS).prefix_with("OR REPLACE"),
                    [{**v.__dict__, "server_id": server_id} for v in vouchers],
                )

        await self._keep(write, None)

    async def remember_kinds(self, server_id: str, kinds: dict[int, bool]) -> None:
        """Note the kinds just confirmed of a member's remembered vouchers (voucher id: whether
        it is a balance voucher), the rest of the copy as it was. A voucher the copy does not
        hold is skipped: its kind comes with the next list."""
        if not kinds:
            return

        def write(session: Session) -> None:
            for voucher_id, balance in kinds.items():
                session.execute(
                    sa.update(VOUCHERS)
                    .where(VOUCHERS.c.server_id == server_id, VOUCHERS.c.id == voucher_id)
                    .values(balance=balance, kind_known=True)
                )

        await self._keep(write, None)

    async def vouchers(self, server_id: str, channel: int) -> list[CachedVoucher] | None:
        """A member's vouchers as last fetched for ``channel``; ``None`` when they were not
        (which says nothing about the member, unlike an empty list). A list read for another
        channel is not this one's: the kiosk's vouchers are not all usable at the counter."""

        def read(session: Session) -> list[CachedVoucher] | None:
            fetched = session.execute(
                sa.select(MEMBERS.c.vouchers_fetched_at, MEMBERS.c.vouchers_channel).where(
                    MEMBERS.c.server_id == server_id
                )
            ).first()
            if fetched is None or fetched[0] is None or fetched[1] != channel:
                return None
            query = sa.select(VOUCHERS).where(VOUCHERS.c.server_id == server_id)
            return [
                CachedVoucher(**{k: v for k, v in r._mapping.items() if k != "server_id"})
                for r in session.execute(query.order_by(VOUCHERS.c.id))
            ]

        return await self.db.read(read)

    async def remember_rewards(self, store: int, channel: int, rewards: list[CachedReward]) -> None:
        """Replace the store's cached catalogue for ``channel`` with the list just fetched (a
        kiosk sharing the data folder keeps its own beside the counter's)."""

        def write(session: Session) -> None:
            # a copy from before migration 0017 (channel 0) is replaced by the first read too
            session.execute(
                sa.delete(REWARDS).where(
                    REWARDS.c.store == store, REWARDS.c.channel.in_((channel, NO_CHANNEL))
                )
            )
            if rewards:
                session.execute(
                    insert(REWARDS),
                    [{**r.__dict__, "store": store, "channel": channel} for r in rewards],
                )

        await self._keep(write, None)

    async def rewards(self, store: int, channel: int) -> list[CachedReward]:
        """The store's rewards as last fetched for ``channel``."""

        def read(session: Session) -> list[CachedReward]:
            query = (
                sa.select(REWARDS)
                .where(REWARDS.c.store == store, REWARDS.c.channel == channel)
                .order_by(_AS_WRITTEN)
            )
            return [
                CachedReward(
                    **{k: v for k, v in r._mapping.items() if k not in ("store", "channel")}
                )
                for r in session.execute(query)
            ]

        return await self.db.read(read)


def _time(value: Any) -> datetime | None:
    """A stored time (naive UTC text, as SQLAlchemy writes it) as an aware UTC datetime."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime.fromisoformat(str(value)).replace(tzinfo=UTC)


def _member(row: sqlite3.Row) -> Member:
    stamps, fetched_at = row["stamps"], _time(row["fetched_at"])
    assert fetched_at is not None
    synced_at = _time(row["synced_at"])
    if synced_at is not None and synced_at > fetched_at and row["synced_stamps"] is not None:
        # A redemption confirmed after the lookup told us the newer balance.
        stamps, fetched_at = row["synced_stamps"], synced_at
    member_ids = json.loads(row["member_ids"]) if row["member_ids"] else []
    return Member(
        server_id=row["server_id"],
        name=row["name"],
        email=row["email"],
        phone=row["phone"],
        member_ids=tuple(member_ids),
        card_number=row["card_number"],
        level=row["level"],
        stamps=stamps,
        balance=row["balance"],
        is_blocked=bool(row["is_blocked"]),
        redemption_allowed=bool(row["redemption_allowed"]),
        protected_redemption=bool(row["protected_redemption"]),
        pin_is_blocked=bool(row["pin_is_blocked"]),
        fetched_at=fetched_at,
        live=False,
    )
