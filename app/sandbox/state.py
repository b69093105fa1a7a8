"""The sandbox's state: the world, its clock, lookups, and the checks every request shares.

All state is touched only from the server's event loop, and no handler awaits between reading and
writing it, so each request applies atomically without locks.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from typing import Any

from app.sandbox.data import build_world
from app.sandbox.errors import REQUIRED, ApiError, field_error, fields_error
from app.sandbox.model import LedgerEntry, Member, Store, Voucher, World

_PHONE_PREFIXES = ("+62", "62", "0")

#: The world's id counters a reset carries on from, rather than starting again.
_NEVER_REUSED = ("next_redemption_id", "next_activity_id", "next_voucher_id")

# What a member parameter is read as, per the docs' wording of each.
EMAIL, MEMBER_ID, PHONE, PK = "email", "member_id", "phone", "pk"
Accepts = frozenset[str]
#: "email, Member ID, mobile number or primary key ID" (member details, PIN authorisation), and
#: validation's "user identifier"
ANY_IDENTIFIER: Accepts = frozenset({EMAIL, MEMBER_ID, PHONE, PK})
#: "email or Member ID" (every redemption, the rewards, the member's vouchers)
EMAIL_OR_MEMBER_ID: Accepts = frozenset({EMAIL, MEMBER_ID})
#: "email or phone" (by-voucher-code's identifier), "email/mobile number" (the activity feed)
EMAIL_OR_PHONE: Accepts = frozenset({EMAIL, PHONE})


def normalise_phone(text: str) -> str | None:
    """``+62 812-1000-0006``, ``6281210000006`` and ``081210000006`` all become ``6281210000006``;
    anything that does not look like an Indonesian mobile number becomes None."""
    compact = re.sub(r"[\s\-()]", "", text)
    for prefix in _PHONE_PREFIXES:
        if compact.startswith(prefix):
            rest = compact[len(prefix) :]
            if rest.isdigit() and 8 <= len(rest) <= 13 and rest.startswith("8"):
                return "62" + rest
    return None


class SandboxState:
    """The world plus the sandbox clock. ``on_change`` is called after every mutation (it is how
    persistence keeps its snapshot current). ``extra_members`` generated members (and
    ``extra_rewards`` generated rewards) are added to
    the demo data, now and on every reset."""

    def __init__(
        self, world: World | None = None, *, extra_members: int = 0, extra_rewards: int = 0
    ) -> None:
        self._wall: Callable[[], float] = time.time
        self._held_at: float | None = None  # the wall time sandbox time stands still at
        self.extra_members = extra_members
        self.extra_rewards = extra_rewards
        self.world = (
            world if world is not None else build_world(self._wall(), extra_members, extra_rewards)
        )
        self.on_change: Callable[[World], None] = lambda world: None

    # --- time ----------------------------------------------------------------------------

    def now(self) -> float:
        """Sandbox time: the wall clock moved by whatever ``/_sandbox/clock`` added, so tests can
        expire a PIN authorisation or an idempotency key without waiting."""
        wall = self._wall() if self._held_at is None else self._held_at
        return wall + self.world.clock_offset

    def advance(self, seconds: float) -> None:
        self.world.clock_offset += seconds
        self.changed()

    def hold(self, held: bool) -> None:
        """Stop sandbox time where it stands (``advance`` still moves it), or let it run on from
        there. A test that needs two effects in one second of the feed, whose times have second
        precision, holds the clock rather than hoping a loaded machine is quick enough."""
        if held and self._held_at is None:
            self._held_at = self._wall()
        elif not held and self._held_at is not None:
            self.world.clock_offset += self._held_at - self._wall()  # on from where it stood
            self._held_at = None
            self.changed()

    @property
    def held(self) -> bool:
        return self._held_at is not None

    def today(self) -> str:
        return time.strftime("%Y-%m-%d", time.gmtime(self.now()))

    # --- lifecycle -----------------------------------------------------------------------

    def reset(
        self,
        extra_rewards: int | None = None,
        *,
        stamps_unknown: Iterable[int] = (),
        ids_carry_on: bool = False,
    ) -> None:
        """Demo data afresh; ``extra_rewards``, when given, for this world only; the members
        ``stamps_unknown`` names (ids) with no balance, ``"stamps": null``, as a server that
        does not hold one answers (the docs show a membership's stamps only by example).

        ``ids_carry_on`` (the demo's "Reset the shop", whose till keeps its records): the
        redemption, voucher and activity ids go on from where they were. A server never hands
        out an id twice, and a till that kept redemption 2001 from before the reset would
        otherwise cancel someone else's 2001 made after it. A test's reset, whose till starts
        afresh too, starts the ids again, so each test reads the same ids."""
        rewards = self.extra_rewards if extra_rewards is None else extra_rewards
        before = self.world
        self._held_at = None
        self.world = build_world(self._wall(), self.extra_members, rewards)
        if ids_carry_on:
            for counter in _NEVER_REUSED:
                carried_on = max(getattr(self.world, counter), getattr(before, counter))
                setattr(self.world, counter, carried_on)
        for member_id in stamps_unknown:
            member = self.world.members.get(member_id)
            if member is None:
                raise ValueError(f"no member {member_id} to give no balance")
            member.stamps = None
        self.changed()

    def changed(self) -> None:
        self.on_change(self.world)

    # --- lookups -------------------------------------------------------------------------

    def find_member(self, identifier: object, accepts: Accepts = ANY_IDENTIFIER) -> Member | None:
        """The member ``identifier`` names, read only as the kinds ``accepts`` lists: an email, a
        Member ID, a phone in any of its three spellings, a primary key. Never a card's number
        (``primary_card.number``): no ``user`` of the docs takes one for a lookup or a
        redemption ("email, Member ID, mobile number or primary key ID"), and a server written
        from them finds nobody by it; the suggestions' query finds a card (any text)."""
        if identifier is None:
            return None
        text = str(identifier).strip()
        if not text:
            return None
        members = self.world.members.values()
        if EMAIL in accepts:
            lowered = text.lower()
            for m in members:
                if m.email is not None and m.email.lower() == lowered:
                    return m
        if MEMBER_ID in accepts:
            for m in members:
                if text in m.member_ids:
                    return m
        if PHONE in accepts and (phone := normalise_phone(text)) is not None:
            for m in members:
                if normalise_phone(m.phone) == phone:
                    return m
        if PK in accepts and text.isdigit() and len(text) <= 9:
            return self.world.members.get(int(text))
        return None

    def member_or_error(
        self, identifier: object, field: str = "user", accepts: Accepts = ANY_IDENTIFIER
    ) -> Member:
        """The member, or the 400 a server gives for a user it cannot find: a server that looks
        a parameter up only as the kinds it documents finds nobody by any other."""
        if identifier in (None, ""):
            raise field_error(field, REQUIRED)
        member = self.find_member(identifier, accepts)
        if member is None:
            raise field_error(field, "User not found", "user_not_found")
        return member

    def store_or_error(self, value: object) -> Store:
        store_id = as_int(value, "store")
        store = self.world.stores.get(store_id)
        if store is None:
            raise field_error("store", f"Store {store_id} not found")
        return store

    def check_merchant(self, value: object) -> None:
        if as_int(value, "merchant") != self.world.merchant.id:
            raise field_error("merchant", "Merchant not found")

    def voucher_state(self, voucher: Voucher) -> str | None:
        """Why a voucher cannot be used today, as an error code, or None when it can."""
        if voucher.used or (voucher.value is not None and voucher.value <= 0):
            return "voucher_used"
        if not voucher.is_active:
            return "voucher_inactive"
        today = self.today()
        if voucher.end_date < today:
            return "voucher_expired"
        if voucher.start_date > today:
            return "voucher_not_started"
        return None

    # --- effects -------------------------------------------------------------------------

    def record(
        self,
        kind: str,
        key: str | None,
        member: int,
        stamps_delta: int,
        redemption_id: int,
        value_delta: int = 0,
    ) -> None:
        """Append an applied effect to the ledger, the evidence tests read to count effects."""
        self.world.ledger.append(
            LedgerEntry(
                seq=len(self.world.ledger) + 1,
                time=self.now(),
                kind=kind,
                idempotency_key=key,
                member=member,
                stamps_delta=stamps_delta,
                redemption_id=redemption_id,
                value_delta=value_delta,
            )
        )


# --- parameter parsing ---------------------------------------------------------------------


def require(data: dict[str, Any], *fields: str) -> None:
    """400 naming every missing required field at once, as a form would."""
    missing = {f: REQUIRED for f in fields if data.get(f) in (None, "")}
    if missing:
        raise fields_error(missing)


def as_int(value: object, field: str, *, minimum: int | None = None) -> int:
    if isinstance(value, bool):
        raise field_error(field, "A valid integer is required.")
    if value in (None, ""):
        raise field_error(field, REQUIRED)
    try:
        number = int(str(value).strip())
    except ValueError:
        raise field_error(field, "A valid integer is required.") from None
    if minimum is not None and number < minimum:
        raise field_error(field, f"Ensure this value is greater than or equal to {minimum}.")
    return number


def as_bool(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)


def json_object(data: object) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ApiError(400, {"detail": "JSON parse error - expected an object"})
    return data
