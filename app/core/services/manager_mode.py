"""Manager mode: who is in it, for how long, and everything a manager may do from it.

A manager enters with their name and PIN (:class:`~app.core.services.staff.Staff` checks it, with
the lockout, and audits it) and leaves on request or after :data:`IDLE_LIMIT` seconds without a
manager action. Every action here first asks :meth:`ManagerMode.require`, so none can be taken
without a manager signed in, whatever calls it; each is audited under that manager's name. While
the manager watches an answer they asked for come in (a retry's first answer, at most the till's
usual wait), :meth:`ManagerMode.hold` keeps manager mode from ending under them.

The window and the command line reach it as ``till.manager``; the command line enters, acts and
leaves in one command.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from app.core import clock
from app.core.credentials import Secret
from app.core.domain import Channel, OperationKind
from app.core.messages import say
from app.core.outbox.claim import needs_dashboard
from app.core.outbox.decisions import authorised_by_pin
from app.core.outbox.errors import OutboxError
from app.core.services.audit_log import AuditFilter
from app.core.services.csv_export import CSV_EXPORTED, csv_file, write_csv_file
from app.core.services.day_summary import local_day, write_summary_csv
from app.core.services.fields import check_note
from app.core.services.receipts import Receipt
from app.core.services.staff import Account, ImportResult, Role, Staff, StaffRefused
from app.core.storage.problems import StorageProblem

if TYPE_CHECKING:
    from app.core.services.till import Till
    from app.core.storage.tables import OutboxEntry

log = logging.getLogger(__name__)

#: Seconds without a manager action after which manager mode ends by itself.
IDLE_LIMIT = 120.0


@dataclass(frozen=True)
class Manager:
    """The manager in manager mode, and since when."""

    name: str
    entered_at: datetime


class ManagerRequired(StaffRefused):
    """The action needs a manager in manager mode, and none is (or they left, or went idle)."""


class DecisionRefused(StaffRefused):
    """The outbox will not take this decision on this entry; the message says why."""


class NewPinNeeded(StaffRefused):
    """Sending this redemption again needs the member's PIN again: an authorisation is used once."""


@dataclass(frozen=True)
class RetryAuthorised:
    """A member's PIN checked by the server for sending ``entry_id`` again: the ``request_id`` it
    now vouches for, and ``expires_at``, when an entry queued for it stops being sent (the
    authorisation runs out). Nothing is queued for it yet, and it holds no PIN."""

    entry_id: str
    request_id: str
    expires_at: datetime | None


class MemberNeeded(StaffRefused):
    """A redemption made elsewhere is cancelled in its member's lane: say who the member is."""


def _refused(exc: OutboxError) -> DecisionRefused:
    """The outbox's refusal in the manager's words."""
    if exc.said is not None:
        return DecisionRefused(exc.said)
    return DecisionRefused(say("decision.refused", reason=str(exc)))


def _note(text: str | None, *, required: bool) -> str | None:
    """The note checked; an optional note left blank is no note."""
    if not required and (text is None or not text.strip()):
        return None
    return check_note(text or "")


class ManagerMode:
    """The till's manager mode (one at a time); see the module's docstring."""

    def __init__(self, till: Till, staff: Staff, idle_limit: float = IDLE_LIMIT) -> None:
        self.till = till
        self.staff = staff
        self.idle_limit = idle_limit
        self._manager: Manager | None = None
        self._last_action = 0.0
        # What holds the current session open (see hold()); a new session starts with none.
        self._holds: set[object] = set()
        self._listeners: list[Callable[[Manager | None], None]] = []

    # --- entering and leaving ---------------------------------------------------------------

    @property
    def current(self) -> Manager | None:
        """The manager in manager mode, or ``None`` (nobody, or they went idle)."""
        if self._manager is None or self._idle():
            return None
        return self._manager

    def _idle(self) -> bool:
        if self._holds:
            return False
        return clock.monotonic() - self._last_action > self.idle_limit

    def add_listener(self, callback: Callable[[Manager | None], None]) -> None:
        """Call ``callback(manager or None)`` when a manager enters or manager mode ends."""
        if callback not in self._listeners:
            self._listeners.append(callback)

    def remove_listener(self, callback: Callable[[Manager | None], None]) -> None:
        """Stop calling ``callback``."""
        if callback in self._listeners:
            self._listeners.remove(callback)

    def _tell(self) -> None:
        for callback in list(self._listeners):
            callback(self._manager)

    async def enter(self, name: str, pin: Secret) -> Manager:
        """Sign ``name`` in to manager mode with their PIN. Whoever was in it leaves first, so a
        failed attempt never leaves the previous manager's session open at an unattended till."""
        if self._manager is not None:
            await self.leave("another manager signed in")
        account = await self.staff.sign_in(Role.MANAGER, name, pin)
        self._manager = Manager(account.name, clock.now())
        self._last_action = clock.monotonic()
        self._holds.clear()
        self._tell()
        return self._manager

    async def leave(self, reason: str = "left") -> None:
        """End manager mode (audited with ``reason``); nothing happens when nobody is in it."""
        manager, self._manager = self._manager, None
        if manager is None:
            return
        if self._idle():
            reason = "idle"
        self._holds.clear()
        try:
            await self.staff.audit_left(manager.name, reason)
        except StorageProblem as refusal:  # out all the same: a full disk keeps nobody in
            log.warning(
                "%s left manager mode; the audit log could not record it: %s", manager.name, refusal
            )
        self._tell()

    def touch(self) -> None:
        """The manager did something (the window calls this on input in manager screens)."""
        if self.current is not None:
            self._last_action = clock.monotonic()

    def hold(self) -> Callable[[], None]:
        """Keep manager mode from ending by itself until the returned ``release`` is called: the
        manager is watching an answer they asked for come in, which may take longer than the
        idle time. Released, the idle time starts again from then, so a manager who walked away
        still leaves nothing open for long. Holds nothing when nobody is in manager mode, and
        only the session it was taken in (a release after that, or a second one, does
        nothing)."""
        if self.current is None:
            return lambda: None
        token = object()
        self._holds.add(token)

        def release() -> None:
            if token in self._holds:
                self._holds.discard(token)
                self._last_action = clock.monotonic()

        return release

    def require(self) -> Manager:
        """The manager in manager mode, their idle time restarted; :class:`ManagerRequired` when
        there is none, or when they left it idle for longer than :attr:`idle_limit`."""
        manager = self._manager
        if manager is None:
            raise ManagerRequired(say("manager.required"))
        if self._idle():
            raise ManagerRequired(say("manager.idle_ended", minutes=int(self.idle_limit // 60)))
        self._last_action = clock.monotonic()
        return manager

    # --- accounts ---------------------------------------------------------------------------

    async def add_manager(self, name: str, pin: Secret) -> Account:
        """Add a manager with their PIN."""
        return await self.staff.add(self.require().name, Role.MANAGER, name, pin)

    async def add_cashier(self, name: str, pin: Secret | None = None) -> Account:
        """Add a cashier, with a PIN or (a store without cashier PINs) without one."""
        return await self.staff.add(self.require().name, Role.CASHIER, name, pin)

    async def rename(self, role: Role, name: str, new_name: str) -> Account:
        """Rename an account."""
        return await self.staff.rename(self.require().name, role, name, new_name)

    async def disable(self, role: Role, name: str) -> Account:
        """Disable an account; the last active manager cannot be disabled."""
        return await self.staff.set_active(self.require().name, role, name, False)

    async def enable(self, role: Role, name: str) -> Account:
        """Enable a disabled account again."""
        return await self.staff.set_active(self.require().name, role, name, True)

    async def set_pin(self, role: Role, name: str, pin: Secret | None) -> Account:
        """Set or reset an account's PIN (and lift its lock); ``None`` removes a cashier's."""
        return await self.staff.set_pin(self.require().name, role, name, pin)

    async def import_cashiers(self, names: Mapping[int, str] | Iterable[str]) -> ImportResult:
        """Add cashiers (without PINs) from a list of names, such as ``cashiers.txt``."""
        return await self.staff.import_cashiers(names, who=self.require().name)

    # --- the settings -----------------------------------------------------------------------

    async def settings_changed(self, names: Iterable[str]) -> None:
        """Audit that the manager changed these settings (their names only: the values stay in
        the settings file, and the API token in its store)."""
        manager = self.require()
        changed = sorted(names)
        try:
            await self.staff.audit_action(manager.name, "settings_changed", settings=changed)
        except StorageProblem as refusal:
            # The settings and the token are saved already, in their own folder: a full disk
            # must not hide that from the manager (the save stopped here, its outcome unsaid).
            log.warning(
                "%s changed the settings %s; the audit log could not record it: %s",
                manager.name,
                ", ".join(changed),
                refusal,
            )

    # --- the outbox -------------------------------------------------------------------------

    async def cancel(
        self, entry_id: str, *, replacement_voucher: bool = False, note: str | None = None
    ) -> Receipt:
        """Cancel a redemption of this till (architecture §3): voided if no attempt can have reached
        the server, else a cancel entry, sent once the redemption is confirmed."""
        manager = self.require()
        clean = _note(note, required=False)
        if replacement_voucher:
            found = await self.till.outbox.get(entry_id)
            kind = OperationKind(found.kind) if found is not None else None
            if kind is not None and kind is not OperationKind.CANCEL and not kind.spends_a_voucher:
                # The server's replacement replaces the voucher a redemption spent: a promo code
                # or a reward spent none, and "replaced" would promise the member a voucher.
                raise DecisionRefused(say("manager.no_voucher_to_replace"))
        try:
            entry = await self.till.outbox.cancel(
                entry_id,
                replacement_voucher,
                who=manager.name,
                terminal=self.till.config.terminal,
                note=clean,
            )
        except OutboxError as exc:
            raise _refused(exc) from None
        self.till.worker.wake()
        return await self.till.receipt(entry)

    async def cancel_by_server_id(
        self,
        server_id: int,
        *,
        member: str | None = None,
        replacement_voucher: bool = False,
        note: str | None = None,
    ) -> Receipt:
        """Cancel the redemption the server knows as ``server_id``.

        Made on this till: cancelled as its entry. Made elsewhere: ``member`` (their email, member
        ID, phone or card) is looked up, online or in the cache, for the lane the cancel waits in;
        without it, :class:`MemberNeeded`.
        """
        manager = self.require()
        if server_id <= 0:
            raise DecisionRefused(say("manager.server_id"))
        clean = _note(note, required=False)
        local = await self.till.outbox.local_redemption(server_id)
        if local is not None:
            return await self.cancel(local.id, replacement_voucher=replacement_voucher, note=clean)
        if member is None or not member.strip():
            raise MemberNeeded(say("manager.member_needed", server_id=server_id))
        found = await self.till.lookup.find_member(member)
        try:
            entry = await self.till.outbox.cancel_by_server_id(
                server_id,
                replacement_voucher,
                lane=found.lane,
                # the feed a cancel is reconciled by takes "email/mobile number"
                user=found.contact or "",
                who=manager.name,
                terminal=self.till.config.terminal,
                note=clean,
            )
        except OutboxError as exc:
            raise _refused(exc) from None
        self.till.worker.wake()
        return await self.till.receipt(entry)

    async def retry_needs_pin(self, entry_id: str) -> bool:
        """Whether retrying the entry needs its member's PIN again; :class:`DecisionRefused` when
        it cannot be retried at all. Read only: ask it before asking the member for their PIN."""
        self.require()
        return authorised_by_pin((await self._retryable(entry_id)).payload)

    async def _retryable(self, entry_id: str) -> OutboxEntry:
        try:
            entry = await self.till.outbox.retryable(entry_id)
        except OutboxError as exc:
            raise _refused(exc) from None
        if needs_dashboard(entry):
            # never sent, for want of a server id: sent again, it is held and ended so again
            raise DecisionRefused(say("decision.needs_dashboard"))
        return entry

    async def authorise_retry(self, entry_id: str, member_pin: Secret) -> RetryAuthorised:
        """Have the server check the member's PIN for sending ``entry_id`` again, and queue
        nothing: :meth:`retry` with the answer queues it. Split so that a PIN pad closed while
        the server checks the PIN queues nothing: the manager who closed it believes nothing was
        sent, and only they can tell, once the answer is in, whether the pad is still open.

        The entry is checked first, so the member types their PIN, and the server counts it, only
        for an entry that can be retried (:class:`DecisionRefused` otherwise, and for one its
        member's PIN did not authorise). The PIN is used for the check alone: what is returned
        holds the request id the server now vouches for, never the PIN.
        """
        self.require()
        entry = await self._retryable(entry_id)
        if not authorised_by_pin(entry.payload):
            raise DecisionRefused(say("decision.not_by_pin"))
        member = await self.till.lookup.find_member(entry.user)
        request_id = await self.till.redeemer.authorize_pin(member, member_pin)
        # The authorisation's time runs from the server's answer, not from the queueing.
        kiosk = self.till.config.channel is Channel.KIOSK
        return RetryAuthorised(
            entry_id, request_id, self.till.redeemer.send_by(request_id, kiosk=kiosk)
        )

    async def retry(
        self,
        entry_id: str,
        *,
        note: str,
        member_pin: Secret | None = None,
        authorised: RetryAuthorised | None = None,
    ) -> Receipt:
        """Send a rejected or unknown entry again, as a new linked entry.

        A redemption the member's PIN authorised needs that PIN again (:class:`NewPinNeeded`
        without it): either ``authorised``, what :meth:`authorise_retry` returned for this entry
        (the window, whose PIN pad may close while the PIN is checked), or ``member_pin``, checked
        here first as :meth:`authorise_retry` checks it (the command line, which has no pad to
        close). The till asks the server to authorise a new request only once it has seen the
        entry can be retried (a member's PIN is checked for nothing else).

        The new entry is this till's: the manager decided it here, with the member in front of
        them. It is sent on this till's channel, for the store its settings name now (one the
        settings had wrong was refused again after it was put right), and bound as this till
        bounds what it queues, so the till's own rules judge it; a kiosk's redemption retried
        at the counter is no longer the kiosk's, whose customer had gone (docs/kiosk.md).
        """
        manager = self.require()
        clean = _note(note, required=True)
        entry = await self._retryable(entry_id)
        channel = self.till.config.channel
        kiosk = channel is Channel.KIOSK
        request_id: str | None = None
        expires_at = self.till.redeemer.send_by(None, kiosk=kiosk)
        if authorised_by_pin(entry.payload):
            if authorised is None:
                if member_pin is None:
                    raise NewPinNeeded(say("manager.member_pin_again"))
                authorised = await self.authorise_retry(entry_id, member_pin)
            elif authorised.entry_id != entry_id:
                raise ValueError("a member's PIN authorises the retry it was checked for only")
            request_id, expires_at = authorised.request_id, authorised.expires_at
        try:
            new = await self.till.outbox.retry(
                entry_id,
                who=manager.name,
                terminal=self.till.config.terminal,
                note=clean,
                request_id=request_id,
                expires_at=expires_at,
                channel=channel,
                store=self.till.config.store,
            )
        except OutboxError as exc:
            raise _refused(exc) from None
        self.till.worker.wake()
        return await self.till.receipt(new)

    async def export_audit_log(self, wanted: AuditFilter | None, path: Path) -> int:
        """Write the audit lines ``wanted`` describes to ``path`` as CSV; returns how many. The
        file holds members' names and managers' notes: the export is audited (who, where, how
        many lines), after the file is written, so a file not written leaves no line. It holds
        every line the filters describe: the page shows only the newest (``limit``), and a
        year's export cut there silently left out all but its last weeks."""
        manager = self.require()
        everything = replace(wanted or AuditFilter(), limit=None)
        count = await self.till.audit.write_csv(everything, lambda: csv_file(path))
        await self._exported(manager, "audit_log", path, count)
        return count

    async def export_day(
        self, what: Literal["summary", "redemptions"], day: date, path: Path
    ) -> int:
        """Write ``day``'s summary CSV, or its redemptions and refusals in the shift CSV's format
        (members' names), to ``path``; audited as :meth:`export_audit_log` is."""
        manager = self.require()
        since, until = local_day(day)
        if what == "summary":
            summary = (await self.till.shift_record.day(since, until)).summary
            count = await asyncio.to_thread(
                write_csv_file, path, lambda stream: write_summary_csv(stream, summary, day)
            )
        else:
            count = await self.till.shift_record.export_day(since, until, path)
        await self._exported(manager, f"day_{what}", path, count)
        return count

    async def _exported(self, manager: Manager, export: str, path: Path, rows: int) -> None:
        try:
            await self.staff.audit_action(
                manager.name, CSV_EXPORTED, export=export, file=str(path), rows=rows
            )
        except StorageProblem as refusal:
            # The file is written, to another disk: the day the till's disk fills is the day a
            # manager carries the day away on a USB stick. Only its audit line is lost.
            log.warning(
                "%s exported %s to %s; the audit log could not record it: %s",
                manager.name,
                export,
                path,
                refusal,
            )

    async def mark_applied(
        self, entry_id: str, *, note: str, server_id: int | None = None
    ) -> Receipt:
        """The manager has seen on the server that an unknown entry was applied; ``server_id``,
        the redemption id the dashboard shows, lets the till cancel it itself later (the outbox
        refuses one that is not above zero, or that another redemption has)."""
        return await self._settle(
            self.till.outbox.mark_applied, entry_id, note, server_redemption_id=server_id
        )

    async def dismiss(self, entry_id: str, *, note: str) -> Receipt:
        """Close a rejected or unknown entry with a note."""
        return await self._settle(self.till.outbox.dismiss, entry_id, note)

    async def _settle(
        self,
        decide: Callable[..., Awaitable[OutboxEntry]],
        entry_id: str,
        note: str,
        **decision: Any,
    ) -> Receipt:
        """One of the outbox's closing decisions, by the manager in, with a required note."""
        manager = self.require()
        clean = _note(note, required=True)
        assert clean is not None
        try:
            entry = await decide(
                entry_id,
                who=manager.name,
                terminal=self.till.config.terminal,
                note=clean,
                **decision,
            )
        except OutboxError as exc:
            raise _refused(exc) from None
        return await self.till.receipt(entry)
