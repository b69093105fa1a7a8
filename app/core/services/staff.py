"""The till's people: managers and cashiers by name, their PINs, sign-in and lockout.

Every sign-in, failed or not, and every change to an account is written to the audit log in the
transaction that makes it (who, what, when, which terminal). Five wrong PINs lock an account for
five minutes; the count and the lock are in the database, so a restart does not reset them. The
PIN rule and the hashing are in :mod:`app.core.services.pins`; names are checked by
:func:`app.core.services.fields.check_name`.

Account changes here take the acting manager's name; the window and the command line reach them
through :class:`app.core.services.manager_mode.ManagerMode`, which checks a manager is signed in.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlmodel import Session

from app.core import clock
from app.core.credentials import Secret
from app.core.messages import Message, english, say
from app.core.outbox.decisions import audit
from app.core.services.fields import FieldRefused, check_name, name_key
from app.core.services.held_counts import HeldCounts, Uncounted
from app.core.services.pins import (
    DEFAULT_COST,
    PIN_LENGTHS,
    ScryptCost,
    check_new_pin,
    could_be_pin,
    fits_role,
    hash_pin,
    pin_matches,
)
from app.core.storage.problems import StorageProblem
from app.core.storage.staff_tables import STAFF, StaffAccount
from app.core.storage.tables import AUDIT, SHIFTS
from app.core.storage.writer import Database

#: Wrong PINs in a row that lock an account, and for how long.
T = TypeVar("T")

log = logging.getLogger(__name__)

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=5)
#: The audit action that marks the one-time import of ``cashiers.txt``.
IMPORTED = "cashiers_imported"


class Role(StrEnum):
    """Who an account belongs to."""

    MANAGER = "manager"
    CASHIER = "cashier"


@dataclass(frozen=True)
class Account:
    """An account as lists and forms show it: never its PIN hash."""

    name: str
    role: Role
    active: bool
    has_pin: bool
    locked_until: datetime | None


@dataclass(frozen=True)
class ImportResult:
    """What an import of cashier names did: names added, and lines skipped with the reason."""

    added: tuple[str, ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()
    already_imported: bool = False


class StaffRefused(Exception):
    """The till will not do this for this person: ``said`` says why (a window translates it),
    ``message`` is its English (the command line prints it)."""

    def __init__(self, said: Message) -> None:
        super().__init__(english(said))
        self.said = said
        self.message = english(said)


class NoSuchAccount(StaffRefused):
    """No account of that role has that name."""


class AccountDisabled(StaffRefused):
    """The account exists but a manager has disabled it."""


class AccountExists(StaffRefused):
    """An account of that role already has that name."""


class PinNeeded(StaffRefused):
    """The account has a PIN and none was typed."""


class NotAPin(StaffRefused):
    """What was typed as the PIN cannot be the account's (letters, too long, or a length its
    role's PINs never have: five digits for a manager): no attempt is counted."""


class WrongPin(StaffRefused):
    """The PIN does not match; ``attempts_left`` before the account locks."""

    def __init__(self, said: Message, attempts_left: int) -> None:
        super().__init__(said)
        self.attempts_left = attempts_left


class LockedOut(StaffRefused):
    """Too many wrong PINs: the account is locked until ``until``."""

    def __init__(self, said: Message, until: datetime) -> None:
        super().__init__(said)
        self.until = until


class LastManager(StaffRefused):
    """Disabling this manager would leave the till with none."""


class ManagersExist(StaffRefused):
    """A manager already exists: the next one is added by a manager."""


@dataclass
class _Check:
    """What a sign-in found, carried from the read to the write that records it."""

    account_id: int
    pin_hash: str | None
    matched: bool


@dataclass
class _Recorded:
    outcome: str
    attempts_left: int = 0
    until: datetime | None = None
    account: Account | None = field(default=None)


def _account(row: StaffAccount) -> Account:
    return Account(
        name=row.name,
        role=Role(row.role),
        active=row.active,
        has_pin=row.pin_hash is not None,
        locked_until=row.locked_until,
    )


def _find(session: Session, role: Role, name: str) -> StaffAccount | None:
    return (
        session.execute(
            sa.select(StaffAccount).where(
                STAFF.c.role == role.value, STAFF.c.name_key == name_key(name)
            )
        )
        .scalars()
        .first()
    )


def _shorten_lock(session: Session, account_id: int, until: datetime) -> None:
    account = session.get(StaffAccount, account_id)
    if account is not None and account.locked_until is not None and account.locked_until > until:
        account.locked_until = until
        session.add(account)


def _minutes(delta: timedelta) -> int:
    return max(1, -(-int(delta.total_seconds()) // 60))


def _locked_message(name: str, until: datetime, now: datetime) -> Message:
    return say("staff.locked", name=name, count=MAX_FAILURES, minutes=_minutes(until - now))


def _no_such(role: Role, name: str | None = None) -> NoSuchAccount:
    if name is None:
        return NoSuchAccount(
            say("staff.no_manager") if role is Role.MANAGER else say("staff.no_cashier")
        )
    if role is Role.MANAGER:
        return NoSuchAccount(say("staff.no_manager_named", name=name))
    return NoSuchAccount(say("staff.no_cashier_named", name=name))


def _exists(role: Role, name: str, *, disabled: bool = False) -> AccountExists:
    if role is Role.MANAGER:
        said = say(
            "staff.manager_exists_disabled" if disabled else "staff.manager_exists", name=name
        )
    else:
        said = say(
            "staff.cashier_exists_disabled" if disabled else "staff.cashier_exists", name=name
        )
    return AccountExists(said)


#: The ends of a line as an editor counts them: ``str.splitlines`` also ends one at a form
#: feed, a file separator or U+2028, which made "Rina\u2028Wati" two cashiers and moved every
#: line number after it.
_LINE_END = re.compile(r"\r\n|\r|\n")


def read_cashiers_file(path: Path) -> dict[int, str]:
    """The names in a ``cashiers.txt`` by their line in the file (as an editor numbers them, so
    a skipped one can be found): one a line, blank lines and ``#`` comments skipped, a byte
    order mark at the start no part of the first (Windows' Notepad writes one). Raises
    :class:`StaffRefused` when the file cannot be read as UTF-8 text."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise StaffRefused(say("staff.file_unreadable", path=str(path), reason=reason)) from None
    except UnicodeDecodeError:
        raise StaffRefused(say("staff.file_not_text", path=str(path))) from None
    return {
        number: line.strip()
        for number, line in enumerate(_LINE_END.split(text), start=1)
        if line.strip() and line[0] != "#"
    }


class Staff:
    """The accounts of one till's database, and sign-in against them.

    ``terminal`` goes into every audit row; ``cost`` is scrypt's for new PINs (tests may lower it;
    a stored hash keeps the cost it was made with).
    """

    def __init__(self, db: Database, terminal: str, cost: ScryptCost = DEFAULT_COST) -> None:
        self.db = db
        self.terminal = terminal
        self.cost = cost
        #: Wrong PINs a disk that refused every write could not count, by account: the lock
        #: holds all the same (:meth:`_unrecorded`), and across a restart and for another
        #: process on the same database (:attr:`_held`, read at every sign-in); this memory is
        #: all there is where that file cannot be made.
        self._uncounted: dict[int, Uncounted] = {}
        self._held = HeldCounts(db.path)
        self._held_prepared = False

    # --- reading ----------------------------------------------------------------------------

    async def accounts(self, role: Role) -> list[Account]:
        """Every account of ``role``, disabled ones too, by name."""

        def read(session: Session) -> list[Account]:
            rows = session.execute(
                sa.select(StaffAccount).where(STAFF.c.role == role.value).order_by(STAFF.c.name_key)
            ).scalars()
            return [_account(row) for row in rows]

        return await self.db.read(read)

    async def names(self, role: Role) -> list[str]:
        """The names that can sign in (active accounts), by name: the sign-in list."""
        return [a.name for a in await self.accounts(role) if a.active]

    async def cashier_on_record(self, name: str) -> str:
        """The cashier a redemption named ``name`` is recorded under (``--cashier``): the
        account's own spelling of it. :class:`NoSuchAccount` when this till has cashier
        accounts and none is named so, :class:`AccountDisabled` for a disabled one; a till with
        none keeps the name as given (its redemptions are not made by account).
        ``--cashier Rina`` went on the record of a till with no Rina."""
        accounts = await self.accounts(Role.CASHIER)
        if not accounts:
            return name
        key = name_key(name)
        found = next((a for a in accounts if name_key(a.name) == key), None)
        if found is None:
            raise _no_such(Role.CASHIER, name)
        if not found.active:
            raise AccountDisabled(say("staff.disabled", name=found.name))
        return found.name

    async def has_manager(self) -> bool:
        """Whether any manager account exists (the window asks for the first one when not)."""

        def read(session: Session) -> bool:
            found = session.execute(
                sa.select(STAFF.c.id).where(STAFF.c.role == Role.MANAGER.value).limit(1)
            ).first()
            return found is not None

        return await self.db.read(read)

    # --- signing in -------------------------------------------------------------------------

    async def sign_in(self, role: Role, name: str, pin: Secret | None) -> Account:
        """Check ``name``'s PIN and return the account, or raise a :class:`StaffRefused`.

        A cashier account without a PIN signs in without one (the store does not use cashier
        PINs for it). Every outcome is audited; a wrong PIN counts towards the lock, a missing PIN
        and what cannot be the account's PIN (letters, too long, a length its role's PINs never
        have) do not.
        """
        now = clock.now()
        try:
            clean = check_name(name)
        except FieldRefused:
            # Not a name at all (a PIN typed into the name field?): audited, but not its text.
            await self._audit_failure("?", role, "not a name", now)
            raise _no_such(role) from None
        row = await self.db.read(lambda s: _find(s, role, clean))
        if row is None or row.id is None:
            await self._audit_failure(clean, role, "no such account", now)
            raise _no_such(role, clean)
        if not row.active:
            await self._audit_failure(row.name, role, "account disabled", now)
            raise AccountDisabled(say("staff.disabled", name=row.name))
        if row.locked_until is not None and row.locked_until > now + LOCKOUT:
            # locked under a clock moved back since: no lock lasts longer than one from now
            # (else a manager waits hours, or years, for the clock to catch up)
            account_id, row.locked_until = row.id, now + LOCKOUT
            await self.db.write(lambda s: _shorten_lock(s, account_id, now + LOCKOUT))
        if row.locked_until is not None and row.locked_until > now:
            await self._audit_failure(row.name, role, "locked", now, action="sign_in_locked")
            raise LockedOut(_locked_message(row.name, row.locked_until, now), row.locked_until)
        typed = pin.reveal() if pin is not None else ""
        if row.pin_hash is not None and not typed:
            await self._audit_failure(row.name, role, "no PIN typed", now)
            raise PinNeeded(say("staff.pin_needed", name=row.name))
        if row.pin_hash is not None and pin is not None and not could_be_pin(pin):
            # Letters, or a page pasted into the field, guess at no PIN: counted, they locked a
            # manager out (the kiosk's and the member's pads take digits only).
            await self._audit_failure(row.name, role, "not a PIN", now)
            raise NotAPin(say("staff.not_a_pin"))
        if row.pin_hash is not None and pin is not None and not fits_role(pin, role.value):
            # Five digits cannot be a manager's PIN (every PIN kept was checked against its
            # role's lengths when it was set): a slip of a finger, not a guess, so not counted.
            # The lengths are no secret (they are said when a PIN is set); every PIN of a
            # length the role allows is checked and counted, so no guess escapes the lock.
            await self._audit_failure(row.name, role, "not a PIN of this length", now)
            fewest, most = PIN_LENGTHS[role.value]
            raise NotAPin(say(f"staff.pin_length.{role.value}", fewest=fewest, most=most))
        matched = row.pin_hash is None or (
            pin is not None and await asyncio.to_thread(pin_matches, pin, row.pin_hash)
        )
        check = _Check(row.id, row.pin_hash, matched)
        if not self._held_prepared:
            await asyncio.to_thread(self._held.prepare)
            self._held_prepared = True
        shared = await asyncio.to_thread(self._held.read)
        if shared is not None and not self._held.behind:
            self._uncounted = shared  # a run the disk filled, or another process counting now
        held = self._uncounted.get(check.account_id)
        if held is not None and held.locked_until is not None and held.locked_until > now:
            # locked while the disk was full, and space freed since: the lock still holds
            raise LockedOut(_locked_message(row.name, held.locked_until, now), held.locked_until)
        try:
            recorded = await self.db.write(lambda s: self._record(s, role, check, now))
        except StorageProblem as refusal:
            unrecorded = functools.partial(
                self._unrecorded, row=row, check=check, now=now, refusal=refusal
            )
            recorded = await asyncio.to_thread(self._count, unrecorded)
        else:
            if check.account_id in self._uncounted:
                # the database counts again: what the full disk held is its no more
                await asyncio.to_thread(self._count, lambda c: c.pop(check.account_id, None))
        if recorded.outcome == "ok":
            assert recorded.account is not None
            return recorded.account
        if recorded.outcome == "changed":
            raise WrongPin(say("staff.pin_changed", name=row.name), MAX_FAILURES)
        if recorded.outcome == "locked":
            assert recorded.until is not None
            raise LockedOut(_locked_message(row.name, recorded.until, now), recorded.until)
        left = recorded.attempts_left
        raise WrongPin(
            say("staff.wrong_pin", name=row.name, left=left, minutes=_minutes(LOCKOUT)), left
        )

    def _record(self, session: Session, role: Role, check: _Check, now: datetime) -> _Recorded:
        """Write what a sign-in proved, re-reading the account under the write lock."""
        account = session.get(StaffAccount, check.account_id)
        assert account is not None  # accounts are never deleted
        detail: dict[str, Any] = {"role": role.value}
        if account.locked_until is not None and account.locked_until > now:
            # another sign-in locked it while this PIN was being checked
            audit(
                session,
                now,
                who=account.name,
                action="sign_in_locked",
                terminal=self.terminal,
                entry_id=None,
                **detail,
            )
            return _Recorded("locked", until=account.locked_until)
        if account.pin_hash != check.pin_hash:
            return _Recorded("changed")
        if account.locked_until is not None:  # the lock has run out: a fresh count
            account.locked_until = None
            account.failed_attempts = 0
        account.updated_at = now
        if check.matched:
            account.failed_attempts = 0
            session.add(account)
            audit(
                session,
                now,
                who=account.name,
                action="sign_in",
                terminal=self.terminal,
                entry_id=None,
                **detail,
            )
            return _Recorded("ok", account=_account(account))
        account.failed_attempts += 1
        if account.failed_attempts >= MAX_FAILURES:
            account.failed_attempts = 0
            account.locked_until = now + LOCKOUT
            detail["locked_until"] = account.locked_until.isoformat()
        session.add(account)
        audit(
            session,
            now,
            who=account.name,
            action="sign_in_failed",
            terminal=self.terminal,
            entry_id=None,
            reason="wrong PIN",
            **detail,
        )
        if account.locked_until is not None:
            return _Recorded("locked", until=account.locked_until)
        return _Recorded("wrong", attempts_left=MAX_FAILURES - account.failed_attempts)

    def _count(self, change: Callable[[dict[int, Uncounted]], T]) -> T:
        """Make ``change`` to the wrong PINs held beside the database as they are now, under the
        file's lock (another process on the same database counts too), or to this process's
        memory where the file cannot be used. File I/O: call it off the event loop."""
        with self._held.changing(self._uncounted) as shared:
            counts = self._uncounted if shared is None else shared
            result = change(counts)
        self._uncounted = counts
        return result

    def _unrecorded(
        self,
        counts: dict[int, Uncounted],
        row: StaffAccount,
        check: _Check,
        now: datetime,
        refusal: StorageProblem,
    ) -> _Recorded:
        """What a sign-in proved, on a disk that refuses to record it (full, read-only): the
        day the disk fills, a manager must still reach History, Exceptions, the audit log and
        End of day, which only read. A right PIN signs in, its audit line lost (said in the log
        instead); a wrong one is counted here and locks as on disk, so a full disk is no way
        round the lock."""
        assert row.id is not None
        held = counts.setdefault(row.id, Uncounted(row.failed_attempts))
        if held.locked_until is not None and held.locked_until > now:
            return _Recorded("locked", until=held.locked_until)
        if held.locked_until is not None:  # the lock has run out: a fresh count
            held.failed, held.locked_until = 0, None
        if check.matched:
            del counts[row.id]
            log.warning("%s signed in; the audit log could not record it: %s", row.name, refusal)
            return _Recorded("ok", account=_account(row))
        held.failed += 1
        log.warning("a wrong PIN for %s; the audit log could not record it", row.name)
        if held.failed >= MAX_FAILURES:
            held.failed, held.locked_until = 0, now + LOCKOUT
            return _Recorded("locked", until=held.locked_until)
        return _Recorded("wrong", attempts_left=MAX_FAILURES - held.failed)

    async def _audit_failure(
        self, who: str, role: Role, reason: str, now: datetime, action: str = "sign_in_failed"
    ) -> None:
        try:
            await self.db.write(
                lambda s: audit(
                    s,
                    now,
                    who=who,
                    action=action,
                    terminal=self.terminal,
                    entry_id=None,
                    role=role.value,
                    reason=reason,
                )
            )
        except StorageProblem as refusal:  # the sign-in is refused all the same
            log.warning(
                "a refused sign-in (%s); the audit log could not record it: %s", reason, refusal
            )

    async def audit_action(self, who: str, action: str, **detail: Any) -> None:
        """Record an action of ``who`` that changes nothing in this database (a setting)."""
        now = clock.now()
        await self.db.write(
            lambda s: audit(
                s, now, who=who, action=action, terminal=self.terminal, entry_id=None, **detail
            )
        )

    async def audit_left(self, name: str, reason: str) -> None:
        """Record that ``name`` left manager mode, and why (left, idle, another signed in)."""
        now = clock.now()
        await self.db.write(
            lambda s: audit(
                s,
                now,
                who=name,
                action="manager_mode_left",
                terminal=self.terminal,
                entry_id=None,
                reason=reason,
            )
        )

    # --- changing accounts ------------------------------------------------------------------

    async def _new_hash(self, role: Role, pin: Secret | None, field: str = "PIN") -> str | None:
        if pin is None:
            if role is Role.MANAGER:
                raise FieldRefused(
                    field, "is required: a manager always has one", say("field.manager_pin")
                )
            return None
        check_new_pin(pin, role.value, field)
        return await asyncio.to_thread(hash_pin, pin, self.cost)

    async def add_first_manager(self, name: str, pin: Secret) -> Account:
        """The till's first manager, who needs no manager to add them; refused once any manager
        exists (:class:`ManagersExist`)."""
        clean = check_name(name)
        pin_hash = await self._new_hash(Role.MANAGER, pin)
        now = clock.now()

        def write(session: Session) -> Account:
            if session.execute(
                sa.select(STAFF.c.id).where(STAFF.c.role == Role.MANAGER.value).limit(1)
            ).first():
                raise ManagersExist(say("staff.managers_exist"))
            return self._insert(session, clean, clean, Role.MANAGER, pin_hash, now, first=True)

        return await self.db.write(write)

    async def add(self, acting: str, role: Role, name: str, pin: Secret | None) -> Account:
        """A new account of ``role``; a cashier's PIN may be ``None`` (no PIN at sign-in)."""
        clean = check_name(name)
        pin_hash = await self._new_hash(role, pin)
        now = clock.now()
        return await self.db.write(lambda s: self._insert(s, acting, clean, role, pin_hash, now))

    def _insert(
        self,
        session: Session,
        acting: str,
        name: str,
        role: Role,
        pin_hash: str | None,
        now: datetime,
        **detail: Any,
    ) -> Account:
        existing = _find(session, role, name)
        if existing is not None:
            raise _exists(role, existing.name, disabled=not existing.active)
        row = StaffAccount(
            role=role.value,
            name=name,
            name_key=name_key(name),
            pin_hash=pin_hash,
            created_at=now,
            updated_at=now,
        )
        session.add(row)
        audit(
            session,
            now,
            who=acting,
            action=f"{role.value}_added",
            terminal=self.terminal,
            entry_id=None,
            name=name,
            pin=pin_hash is not None,
            **detail,
        )
        return _account(row)

    async def rename(self, acting: str, role: Role, name: str, new_name: str) -> Account:
        """Give an account a new name. Past entries and closed shifts keep the name they were
        made under; a cashier's open shift takes the new one, to be carried on under it."""
        clean = check_name(new_name, "new name")
        now = clock.now()

        def write(session: Session) -> Account:
            row = self._existing(session, role, name)
            clash = _find(session, role, clean)
            if clash is not None and clash.id != row.id:
                raise _exists(role, clash.name)
            old, row.name, row.name_key, row.updated_at = row.name, clean, name_key(clean), now
            session.add(row)
            if role is Role.CASHIER:
                _rename_open_shifts(session, old, clean)
            audit(
                session,
                now,
                who=acting,
                action=f"{role.value}_renamed",
                terminal=self.terminal,
                entry_id=None,
                name=old,
                new_name=clean,
            )
            return _account(row)

        return await self.db.write(write)

    async def set_active(self, acting: str, role: Role, name: str, active: bool) -> Account:
        """Disable an account (it can no longer sign in) or enable it again. The last active
        manager cannot be disabled: the till would have nobody to run manager mode."""
        now = clock.now()

        def write(session: Session) -> Account:
            row = self._existing(session, role, name)
            if row.active == active:
                return _account(row)
            if not active and role is Role.MANAGER:
                others = session.execute(
                    sa.select(sa.func.count()).where(
                        STAFF.c.role == Role.MANAGER.value, STAFF.c.active, STAFF.c.id != row.id
                    )
                ).scalar_one()
                if others == 0:
                    raise LastManager(say("staff.last_manager", name=row.name))
            row.active, row.updated_at = active, now
            session.add(row)
            verb = "enabled" if active else "disabled"
            detail: dict[str, Any] = {"name": row.name}
            if not active and role is Role.CASHIER:
                detail["shifts_closed"] = _close_shifts(session, row.name, now)
            audit(
                session,
                now,
                who=acting,
                action=f"{role.value}_{verb}",
                terminal=self.terminal,
                entry_id=None,
                **detail,
            )
            return _account(row)

        return await self.db.write(write)

    async def set_pin(self, acting: str, role: Role, name: str, pin: Secret | None) -> Account:
        """Set or reset an account's PIN (``None`` removes a cashier's); clears its lock."""
        pin_hash = await self._new_hash(role, pin, "new PIN")
        now = clock.now()

        def write(session: Session) -> Account:
            row = self._existing(session, role, name)
            row.pin_hash, row.failed_attempts, row.locked_until = pin_hash, 0, None
            row.updated_at = now
            session.add(row)
            action = f"{role.value}_pin_{'set' if pin_hash else 'removed'}"
            audit(
                session,
                now,
                who=acting,
                action=action,
                terminal=self.terminal,
                entry_id=None,
                name=row.name,
            )
            return _account(row)

        return await self.db.write(write)

    def _existing(self, session: Session, role: Role, name: str) -> StaffAccount:
        try:
            clean = check_name(name)
        except FieldRefused:
            raise _no_such(role) from None
        row = _find(session, role, clean)
        if row is None:
            raise _no_such(role, clean)
        return row

    async def import_cashiers(
        self, names: Mapping[int, str] | Iterable[str], *, who: str, once: bool = False
    ) -> ImportResult:
        """Add a cashier account, without a PIN, for each new name; names already there, and
        names that are not valid, are skipped with the reason. An invalid name is said by its
        line: its key in ``names`` (:func:`read_cashiers_file`), else its place in the list.

        With ``once`` (the window's import of ``cashiers.txt`` at start) nothing happens if an
        import was ever made: the file seeds the accounts, it is not their source.
        """
        checked: list[str] = []
        skipped: list[tuple[str, str]] = []
        numbered = names.items() if isinstance(names, Mapping) else enumerate(names, start=1)
        for number, raw in numbered:
            try:
                checked.append(check_name(raw))
            except FieldRefused as exc:
                # the text is not stored: it failed the rules that make a name safe to show
                skipped.append((f"line {number}", exc.reason))
        now = clock.now()

        def write(session: Session) -> ImportResult:
            if (
                once
                and session.execute(
                    sa.select(AUDIT.c.id).where(AUDIT.c.action == IMPORTED).limit(1)
                ).first()
            ):
                return ImportResult(already_imported=True)
            added: list[str] = []
            # The names taken read once, not a query per name (each flushed every account added
            # before it) and a set of those added made again for each: a file of 20,000 names
            # took 73 s, one of 100,000 half an hour, the manager's PIN typed and nothing said.
            taken = set(
                session.execute(
                    sa.select(STAFF.c.name_key).where(STAFF.c.role == Role.CASHIER.value)
                ).scalars()
            )
            for name in checked:
                key = name_key(name)
                if key in taken:
                    skipped.append((name, "already a cashier"))
                    continue
                taken.add(key)
                session.add(
                    StaffAccount(
                        role=Role.CASHIER.value,
                        name=name,
                        name_key=key,
                        created_at=now,
                        updated_at=now,
                    )
                )
                added.append(name)
            audit(
                session,
                now,
                who=who,
                action=IMPORTED,
                terminal=self.terminal,
                entry_id=None,
                added=added,
                skipped=len(skipped),
            )
            return ImportResult(tuple(added), tuple(skipped))

        return await self.db.write(write)


def _close_shifts(session: Session, cashier: str, now: datetime) -> int:
    """Close ``cashier``'s open shifts, in the transaction that disables them; how many. A shift
    ends only when its cashier closes it, and a disabled cashier cannot sign in to: left open,
    it held manager mode's day on the day it began. Their redemptions stay theirs."""
    still_open = (SHIFTS.c.cashier == cashier) & SHIFTS.c.closed_at.is_(None)
    ids = session.execute(sa.select(SHIFTS.c.id).where(still_open)).scalars().all()
    if ids:
        session.execute(sa.update(SHIFTS).where(SHIFTS.c.id.in_(ids)).values(closed_at=now))
    return len(ids)


def _rename_open_shifts(session: Session, old: str, new: str) -> None:
    """The open shifts of a cashier renamed go on under ``new``: found by their cashier's name,
    they were left open under one nobody could sign in as, and the cashier started another."""
    still_open = (SHIFTS.c.cashier == old) & SHIFTS.c.closed_at.is_(None)
    session.execute(sa.update(SHIFTS).where(still_open).values(cashier=new))
