"""The till's memory of what it has seen online: members, their vouchers, the store's rewards.

Offline, it answers what the server would have, "as of" when it was fetched. Online lookups
refresh it; a confirmed redemption refreshes the member's stamps through the outbox's balance row,
written in the same transaction as the entry (the newer of the two wins here).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.sqlite import insert
from sqlmodel import Session

from app.core import clock
from app.core.domain import Member
from app.core.offline.identifiers import keys_for, prefix_reading, readings
from app.core.storage.cache_tables import MEMBER_KEYS, MEMBERS, REWARDS, VOUCHERS
from app.core.storage.tables import BALANCES
from app.core.storage.writer import Database

SUGGESTION_LIMIT = 8


@dataclass(frozen=True)
class CachedVoucher:
    """One of a member's vouchers as last seen."""

    id: int
    code: str | None
    name: str | None
    value: int | None
    is_active: bool
    start_date: str | None
    end_date: str | None
    template_id: int | None
    fetched_at: datetime


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


class AmbiguousMember(LookupError):
    """What was typed matches more than one cached member; ask for something more precise."""


class MemberCache:
    """Members, vouchers and rewards on the till's database."""

    def __init__(self, db: Database) -> None:
        self.db = db

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

        await self.db.write(write)

    async def find(self, text: str) -> Member | None:
        """The cached member who answers to ``text`` (any identifier), as of when fetched.

        Raises :class:`AmbiguousMember` when the readings of ``text`` match several members.
        """
        candidates = readings(text)
        if not candidates:
            return None

        def read(session: Session) -> list[dict[str, Any]]:
            query = (
                sa.select(
                    MEMBERS,
                    BALANCES.c.stamps.label("synced_stamps"),
                    BALANCES.c.updated_at.label("synced_at"),
                )
                .join(MEMBER_KEYS, MEMBER_KEYS.c.server_id == MEMBERS.c.server_id)
                .outerjoin(BALANCES, BALANCES.c.lane == sa.literal("member:") + MEMBERS.c.server_id)
                .where(MEMBER_KEYS.c.key.in_(candidates))
            )
            return [dict(r._mapping) for r in session.execute(query)]

        rows = {row["server_id"]: row for row in await self.db.read(read)}
        if not rows:
            return None
        if len(rows) > 1:
            raise AmbiguousMember(
                f"{len(rows)} cached members match that; use the email or the member ID"
            )
        return _member(next(iter(rows.values())))

    async def suggest(self, text: str, limit: int = SUGGESTION_LIMIT) -> list[Member]:
        """Members whose name or an identifier starts with what was typed (type-ahead offline)."""
        prefix = prefix_reading(text)
        name_prefix = text.strip().lower()
        if len(prefix) < 2 and len(name_prefix) < 2:
            return []

        def read(session: Session) -> list[dict[str, Any]]:
            by_key = (
                sa.select(MEMBER_KEYS.c.server_id)
                .where(MEMBER_KEYS.c.key >= prefix, MEMBER_KEYS.c.key < prefix + "\uffff")
                .order_by(MEMBER_KEYS.c.key)
                .limit(limit)
            )
            by_name = (
                sa.select(MEMBERS.c.server_id)
                .where(
                    MEMBERS.c.name_key >= name_prefix, MEMBERS.c.name_key < name_prefix + "\uffff"
                )
                .order_by(MEMBERS.c.name_key)
                .limit(limit)
            )
            ids = [r[0] for r in session.execute(by_name)] + [r[0] for r in session.execute(by_key)]
            unique = list(dict.fromkeys(ids))[:limit]
            if not unique:
                return []
            query = sa.select(MEMBERS).where(MEMBERS.c.server_id.in_(unique))
            found = {r.server_id: dict(r._mapping) for r in session.execute(query)}
            return [found[i] for i in unique if i in found]

        return [_member(row) for row in await self.db.read(read)]

    async def purge(self, not_seen_for: timedelta) -> int:
        """Forget members not seen for ``not_seen_for`` (their keys and vouchers go with them)."""
        cutoff = clock.now() - not_seen_for

        def write(session: Session) -> int:
            result = session.execute(sa.delete(MEMBERS).where(MEMBERS.c.seen_at < cutoff))
            return int(result.rowcount or 0)  # type: ignore[attr-defined]

        return await self.db.write(write)

    # --- vouchers and rewards -------------------------------------------------------------------

    async def remember_vouchers(self, server_id: str, vouchers: list[CachedVoucher]) -> None:
        """Replace a member's cached vouchers with the list just fetched."""

        def write(session: Session) -> None:
            session.execute(sa.delete(VOUCHERS).where(VOUCHERS.c.server_id == server_id))
            if vouchers:
                session.execute(
                    insert(VOUCHERS).prefix_with("OR REPLACE"),
                    [{**v.__dict__, "server_id": server_id} for v in vouchers],
                )

        await self.db.write(write)

    async def vouchers(self, server_id: str) -> list[CachedVoucher]:
        """A member's vouchers as last fetched."""

        def read(session: Session) -> list[CachedVoucher]:
            query = sa.select(VOUCHERS).where(VOUCHERS.c.server_id == server_id)
            return [
                CachedVoucher(**{k: v for k, v in r._mapping.items() if k != "server_id"})
                for r in session.execute(query.order_by(VOUCHERS.c.id))
            ]

        return await self.db.read(read)

    async def remember_rewards(self, store: int, rewards: list[CachedReward]) -> None:
        """Replace the store's cached catalogue with the list just fetched."""

        def write(session: Session) -> None:
            session.execute(sa.delete(REWARDS).where(REWARDS.c.store == store))
            if rewards:
                session.execute(insert(REWARDS), [{**r.__dict__, "store": store} for r in rewards])

        await self.db.write(write)

    async def rewards(self, store: int) -> list[CachedReward]:
        """The store's rewards as last fetched."""

        def read(session: Session) -> list[CachedReward]:
            query = sa.select(REWARDS).where(REWARDS.c.store == store).order_by(REWARDS.c.id)
            return [
                CachedReward(**{k: v for k, v in r._mapping.items() if k != "store"})
                for r in session.execute(query)
            ]

        return await self.db.read(read)


def _member(row: dict[str, Any]) -> Member:
    stamps, fetched_at = row["stamps"], row["fetched_at"]
    synced_at = row.get("synced_at")
    if synced_at is not None and synced_at > fetched_at and row.get("synced_stamps") is not None:
        # A redemption confirmed after the lookup told us the newer balance.
        stamps, fetched_at = row["synced_stamps"], synced_at
    return Member(
        server_id=row["server_id"],
        name=row["name"],
        email=row["email"],
        phone=row["phone"],
        member_ids=tuple(row["member_ids"] or ()),
        card_number=row["card_number"],
        level=row["level"],
        stamps=stamps,
        balance=row["balance"],
        is_blocked=row["is_blocked"],
        redemption_allowed=row["redemption_allowed"],
        protected_redemption=row["protected_redemption"],
        pin_is_blocked=row["pin_is_blocked"],
        fetched_at=fetched_at,
        live=False,
    )
