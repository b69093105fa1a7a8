"""The till's use-cases: every cashier and manager action, for the window and the command line.

:class:`Till` is the one object they call. It follows each redemption to its outcome itself (the
wait, the receipts, what the offline policy makes of an attempt that never arrived); the rest is
done by its parts, which the callers reach as they are: :mod:`lookup` (``till.lookup``),
:mod:`line` (``till.line``), :mod:`shift_record` (``till.shift_record``), :mod:`outage`
(``till.outages``) and the order put through, :mod:`redeeming` (``till.redeemer``). Nothing here
sends a redemption or a cancellation itself: the worker does, and the caller waits for the
outcome.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from dataclasses import replace
from datetime import timedelta
from functools import cached_property
from typing import Any

from app.core import clock
from app.core.domain import (
    AcceptedAs,
    Channel,
    EntryStatus,
    OperationKind,
    Outcome,
)
from app.core.offline.cache import MemberCache
from app.core.offline.connectivity import Connectivity, ConnectivityMonitor
from app.core.offline.policy import (
    PolicyDecision,
    Refusal,
    VoucherFacts,
    apply_policy,
    kiosk_offline,
)
from app.core.outbox.outbox import Outbox
from app.core.outbox.status import OutboxStatus
from app.core.outbox.transitions import read_error_text
from app.core.outbox.worker import SyncWorker
from app.core.services.audit_log import AuditLog
from app.core.services.catalogue import Catalogue
from app.core.services.changes import ChangeWatch
from app.core.services.clock_check import ClockWarning, clock_warning
from app.core.services.config import TillConfig, TokenSource
from app.core.services.disk_watch import DiskWatch
from app.core.services.history import FoldedAttempts, History
from app.core.services.line import TILL, Line
from app.core.services.lookup import Lookup
from app.core.services.manager_mode import ManagerMode
from app.core.services.on_record import OnRecord
from app.core.services.outage import Outage, OutageCount
from app.core.services.queued_elsewhere import QueuedElsewhere
from app.core.services.receipts import (
    Receipt,
    Verdict,
    accepted_to_send_again,
    receipt_for,
    recorded_acceptance,
    stored,
)
from app.core.services.redeeming import IN_FLIGHT, Redeemer
from app.core.services.sale import Sale as Sale  # callers import it from here, as before
from app.core.services.shift import (
    OFFLINE_RULES,
)
from app.core.services.shift_record import ShiftRecord
from app.core.services.staff import Staff
from app.core.services.upkeep import Upkeep
from app.core.stamps.client import StampsClient
from app.core.stamps.errors import CredentialsReplaced
from app.core.storage.problems import StorageProblem
from app.core.storage.shift_log import ShiftLog
from app.core.storage.tables import Attempt, OutboxEntry

#: Called on every change the window shows: the queue, connectivity.
ChangeListener = Callable[[], None]


class Till:
    """One till: a client, an outbox with its worker, the connectivity monitor and the policy.

    The window and the command line use it, and only it and the parts it holds: they never
    reach the client, the outbox or the cache themselves. It follows each redemption itself (the
    wait, the receipts, what the offline policy makes of an attempt that never arrived); its
    parts do the rest, called as they are (a method here that only passed a call on would say
    each signature twice): the members :attr:`lookup` (:class:`Lookup`), the line and the
    credentials' pause :attr:`line` (:class:`Line`), the shifts and days :attr:`shift_record`
    (:class:`ShiftRecord`), the outage :attr:`outages` (:class:`OutageCount`), the catalogue
    :attr:`catalogue` and the order put through :attr:`redeemer` (:class:`Redeemer`).
    """

    def __init__(
        self,
        *,
        config: TillConfig,
        client: StampsClient,
        outbox: Outbox,
        worker: SyncWorker,
        monitor: ConnectivityMonitor,
        cache: MemberCache,
        token_source: TokenSource | None = None,
    ) -> None:
        self.config = config
        self.cache = cache
        self.client = client
        self.outbox = outbox
        self.worker = worker
        self.monitor = monitor
        self.limits = config.limits
        self.shifts = ShiftLog(outbox.db)
        self.catalogue = Catalogue(
            client,
            cache,
            outbox,
            allow_codes_offline=self.limits.allow_codes,
            offline=lambda: monitor.state is Connectivity.OFFLINE,
            wait=config.lookup_timeout,
            report=monitor.report,
        )
        self._background: set[asyncio.Task[object]] = set()
        #: The outage the till is in, counted as it accepts redemptions offline.
        self.outages = OutageCount(outbox=outbox, monitor=monitor)
        #: The line to the server and the credentials' pause: the pings, the token, why the
        #: queue is paused.
        self.line = Line(
            config=config,
            client=client,
            outbox=outbox,
            worker=worker,
            monitor=monitor,
            token_source=token_source,
            in_background=self._in_background,
        )
        #: The members: one looked up, the type-ahead, what the store offers them, their stamps
        #: once their waiting redemptions are sent.
        self.lookup = Lookup(
            config=config,
            client=client,
            cache=cache,
            outbox=outbox,
            monitor=monitor,
            catalogue=self.catalogue,
            line=self.line,
        )
        #: Puts a cashier's order through: the PIN checked, the policy decided as it is queued,
        #: the refusals written to the shift's record. Reached as it is, as the other parts are,
        #: not through methods here: they would only say each of its long signatures again.
        self.redeemer = Redeemer(
            config=config,
            client=client,
            outbox=outbox,
            worker=worker,
            monitor=monitor,
            shifts=self.shifts,
            line=self.line,
            outages=self.outages,
            read_member=lambda member: self.lookup.find_member(member.lookup),
        )
        self._listeners: list[ChangeListener] = []
        monitor.subscribe(self._connectivity_changed)
        monitor.subscribe_clock(self._changed)
        outbox.add_listener(self._changed)

    # --- what the window watches ----------------------------------------------------------------

    def subscribe(self, listener: ChangeListener) -> Callable[[], None]:
        """Call ``listener()`` after every change this process makes to the queue, on every
        change of connectivity and when the clock starts or stops disagreeing with the server's;
        returns a function that stops it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    @property
    def connectivity(self) -> Connectivity:
        """Online, degraded or offline, as real requests prove it."""
        return self.monitor.state

    @property
    def connectivity_proven(self) -> bool:
        """Whether anything the server answered (or a connection that failed) has shown the
        connectivity since the till started; until then it is the start's belief."""
        return self.monitor.proven

    def clock_warning(self, status: OutboxStatus | None) -> ClockWarning | None:
        """What is wrong with the till's clock, if anything: more than two minutes off the
        ``Date`` of the server's last answer, or earlier than the last redemption the till
        queued (``status``, :meth:`status`'s). ``None`` when it is right."""
        return clock_warning(self.monitor.skew, status.clock_behind if status else None)

    @property
    def default_wait(self) -> float:
        """How long to wait for a redemption's first answer (:attr:`TillConfig.default_wait`)."""
        return self.config.default_wait

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener()

    # --- what became of a redemption ------------------------------------------------------------

    async def wait(
        self,
        entry_id: str,
        timeout: float | None = None,  # noqa: ASYNC109
        *,
        seen: int | None = None,
    ) -> Receipt:
        """The entry's receipt once it settles or an attempt at it ends, or as it stands after
        ``timeout`` seconds (:attr:`default_wait` when not given).

        An attempt that ends without an answer (a lost response, a server error) is worth telling
        the cashier at once, "not confirmed", even though the worker goes on trying. An attempt
        that provably never arrived is judged by the offline policy at once (:meth:`settle_unsent`):
        accepted offline, or not redeemed, never a long wait in amber.

        ``seen`` is how many attempts the caller already knows the outcome of (its receipt's
        ``attempts``, 0 for one just queued): an attempt after those that has ended counts, even
        one the worker made before the wait began. Without it, the attempts that had ended when
        the wait began are taken as seen.
        """
        changed = asyncio.Event()
        self.outbox.add_listener(changed.set)
        try:
            deadline = clock.monotonic() + (self.default_wait if timeout is None else timeout)
            if seen is None:
                seen = _ended(await self.outbox.attempts(entry_id))
            while True:
                changed.clear()
                receipt = await self.receipt(entry_id)
                if receipt.status not in IN_FLIGHT:
                    return receipt
                attempts = await self.outbox.attempts(entry_id)
                if (
                    _ended(attempts) > seen
                    and attempts[-1].ended_at is not None
                    and not _sent_again_at_once(attempts[-1])
                ):
                    if attempts[-1].outcome == Outcome.NEVER_ARRIVED:
                        judged = await self.settle_unsent(entry_id)
                        if judged.status is EntryStatus.SENDING or (
                            judged.status is EntryStatus.QUEUED
                            and _ended(await self.outbox.attempts(entry_id)) > _ended(attempts)
                        ):
                            # A worker (this till's retry, drawn in [0, 2) s, or another
                            # process's sync) claimed it again before the judgement, and may have
                            # ended that attempt too by now: the latest attempt is followed, and
                            # judged the same way when it ends. Told now, it would be "not
                            # confirmed" about an entry no attempt has reached the server with
                            # (seen in CI on a loaded machine, a 408 retried within the
                            # judgement).
                            seen = _ended(attempts)
                            continue
                        return judged
                    # Read again: the attempt may have ended after the receipt above was read.
                    return await self.receipt(entry_id)
                if receipt.paused:
                    # Nothing goes until a manager sets the credentials right: say so now (the
                    # kiosk's policy refuses it now), not after a wait for no answer.
                    return await self.settle_unsent(entry_id)
                ahead = await self._ahead_of(entry_id)
                if ahead is not None and ahead.last_outcome is not None:
                    # Nothing of this member's leaves before their earlier one, which an attempt
                    # has already failed to settle and which waits for its next try or is on
                    # it: the wait would run out with the same words ("waiting for this
                    # member's earlier redemption"), seen under the demo's faults as 14 s of
                    # "Sending to Stamps…" behind one the server kept turning away (408), and
                    # behind one going unanswered. The receipt keeps following.
                    if (
                        ahead.last_outcome == Outcome.NEVER_ARRIVED
                        and self.monitor.state is Connectivity.OFFLINE
                    ):
                        # The network went down under the earlier one: judged now as a
                        # redemption queued offline is, which this one would have been a
                        # moment later.
                        return await self.settle_unsent(entry_id)
                    return receipt
                remaining = deadline - clock.monotonic()
                if remaining <= 0:
                    return receipt
                await clock.wait_event(changed, remaining)
        finally:
            self.outbox.remove_listener(changed.set)

    async def answer(self, queued: Receipt) -> Receipt:
        """What to tell the cashier about a redemption just queued (``queued``, from
        :meth:`Redeemer.redeem`): at once when the offline policy accepted it, since while the
        network is down a member's later entry is not even tried before their earlier one and a
        wait would last a request's timeouts; else what :meth:`wait` finds. Either way the entry is
        sent when it can be, and its receipt follows."""
        if queued.verdict is Verdict.ACCEPTED_OFFLINE:
            return queued
        return await self.wait(queued.entry_id, seen=queued.attempts)

    async def settle_unsent(self, entry_id: str) -> Receipt:
        """Judge now, by the offline policy, a queued redemption that no attempt can have reached
        the server with (architecture §3, §4): accepted offline (provisional) where the policy
        allows it, else voided, audited "voided: offline policy" and recorded as not redeemed, in
        one transaction. PIN-authorised entries at the counter are left to retry until their
        authorisation runs out. A queue paused for credentials is no outage: the server is there
        and refuses the till, so nothing is judged until a manager has set the token.

        A kiosk's entry (its channel, PIN or not) meets the kiosk's policy, which refuses
        everything, paused queue or not: its customer will not wait for the network or a manager,
        and an entry sent after they have gone may be redeemed twice (docs/kiosk.md). Returns the
        receipt as it then stands."""
        entry = await self.outbox.get(entry_id)
        if entry is None:
            raise KeyError(entry_id)
        if not self._judged_offline(entry) or (
            not self._is_kiosk(entry) and (await self.outbox.status()).paused
        ):
            return await self.receipt(entry)
        decision = await self._decide_unsent(entry)
        if decision.allowed:
            if await self.outbox.accept_unsent_offline(entry_id) is not None:
                self.outages.count_offline(entry.expect_stamps or 0)
        else:
            assert decision.reason is not None
            await self.outbox.void_unsent(
                entry_id,
                reason=stored(decision.reason),
                refusal={
                    "shift_id": entry.shift_id,
                    "cashier": entry.cashier,
                    "terminal": entry.terminal,
                    "lane": entry.lane,
                    "member_name": entry.member_name,
                    "kind": entry.kind,
                    "description": entry.description or entry.kind,
                    "stamps": entry.expect_stamps,
                    "rupiah": entry.rupiah,
                    "invoice": entry.payload.get("invoice_number"),
                    "source": OFFLINE_RULES,
                },
                who=TILL,
                terminal=self.config.terminal,
            )
        return await self.receipt(entry_id)

    def _judged_offline(self, entry: OutboxEntry) -> bool:
        if entry.status != EntryStatus.QUEUED or entry.provisional:
            return False
        if entry.kind == OperationKind.CANCEL:
            return False  # a cancel always waits
        # At the counter a PIN's entry retries while its authorisation lasts: the customer is
        # there. The kiosk's customer is not, by the time it would go.
        return self._is_kiosk(entry) or entry.expires_at is None

    def _is_kiosk(self, entry: OutboxEntry) -> bool:
        """The entry was made on the kiosk's channel, or on a till configured as a kiosk."""
        return entry.payload.get("channel") == Channel.KIOSK or self.config.channel is Channel.KIOSK

    async def _decide_unsent(self, entry: OutboxEntry) -> PolicyDecision:
        if self._is_kiosk(entry):
            return kiosk_offline()
        member = await self.cache.member(entry.lane.removeprefix("member:"))
        if member is None:  # purged from the cache meanwhile: nothing to vouch for them with
            hours = int(self.limits.member_max_age.total_seconds() // 3600)
            return PolicyDecision.refuse(Refusal.MEMBER_TOO_OLD, hours=hours)
        kind = OperationKind(entry.kind)
        voucher: VoucherFacts | None = None
        voucher_id = entry.payload.get("voucher")
        if kind in (OperationKind.VOUCHER, OperationKind.DEDUCT) and isinstance(voucher_id, int):
            voucher = await self.catalogue.remembered_voucher(member, voucher_id, entry.id)
        return apply_policy(
            kind,
            self.redeemer.facts(
                member, await self.lookup.projected_stamps(member, leaving_out=entry.id)
            ),
            online=False,
            now=clock.now(),
            limits=self.limits,
            outage=self.outage.totals,
            stamps=entry.expect_stamps or 0,
            rupiah=entry.rupiah or 0,
            voucher=voucher,
        )

    async def receipt(
        self, entry: OutboxEntry | str, *, status: OutboxStatus | None = None
    ) -> Receipt:
        """The receipt of an entry (or an entry id) as it stands now (``status``: the queue's,
        when the caller has just read it for many entries)."""
        if isinstance(entry, str):
            found = await self.outbox.get(entry)
            if found is None:
                raise KeyError(entry)
            entry = found
        attempts = await self.outbox.attempts(entry.id)
        ambiguous = any(a.outcome == Outcome.AMBIGUOUS and a.ended_at is not None for a in attempts)
        paused = over_http = False
        behind: OutboxEntry | None = None
        # A paused queue holds what it refused and what it never sent (nothing goes until the
        # credentials are set right); an attempt that may have arrived keeps its own words.
        if entry.status in IN_FLIGHT and (
            entry.last_outcome == Outcome.NEVER_ARRIVED or entry.attempts == 0
        ):
            status = status or await self.outbox.status()
            paused = status.paused
            over_http = paused and self.line.why_paused(status).id == "queue.paused.https"
        held = False
        if entry.status == EntryStatus.QUEUED and entry.attempts == 0:
            behind = await self._waits_behind(entry)
            held = entry.cancels is not None and await self._held(entry.cancels)
        accepted = await self._handed_over_before(entry)
        target = None if entry.cancels is None else await self.outbox.get(entry.cancels)
        return receipt_for(
            entry,
            ambiguous_attempt=ambiguous,
            paused=paused,
            paused_over_http=over_http,
            behind=behind is not None,
            # an attempt at the earlier one ended without settling it: it goes again
            behind_a_retry=behind is not None and behind.last_outcome is not None,
            held=held,
            handed_over=accepted is not None,
            sent_again=accepted_to_send_again(entry, attempts),
            # not recorded on the redemption sent again: said offline, as before
            accepted_as=None
            if accepted is None
            else recorded_acceptance(accepted) or AcceptedAs.OFFLINE,
            cancelled=None if target is None else OperationKind(target.kind),
        )

    async def _handed_over_before(self, entry: OutboxEntry) -> OutboxEntry | None:
        """The redemption the till had accepted before the server's answer, whose reward went
        over the counter then, that ``entry`` is a manager's "Send again" of (``None`` when it
        is none): its own receipt said "Hand over the reward" a second time. A retry is not
        provisional itself (a manager sends it online)."""
        seen = {entry.id}
        while entry.depends_on is not None and entry.depends_on not in seen:
            original = await self.outbox.get(entry.depends_on)
            if original is None or original.kind != entry.kind:
                return None  # a cancel depends on its redemption, and is no retry of it
            if original.provisional:
                return original
            seen.add(original.id)
            entry = original
        return None

    async def outcome(self, entry_id: str) -> Receipt:
        """What became of a redemption, as the cashier who made it follows it: its receipt, or,
        once a manager sent it again, the receipt of the redemption sent (the latest), under
        this one's id, time and cashier. The panel read "Refused: see the manager's note" of a
        croissant the manager's "Send again" had just had confirmed."""
        entry = await self.outbox.get(entry_id)
        if entry is None:
            raise KeyError(entry_id)
        receipt = current = await self.receipt(entry)
        seen = {entry_id}
        while entry.status == EntryStatus.DISMISSED:
            again = await self.outbox.sent_again_as(entry)
            if again is None or again.id in seen:
                break
            seen.add(again.id)
            entry, current = again, await self.receipt(again)
        if current is receipt:
            return receipt
        return replace(
            current,
            entry_id=receipt.entry_id,
            created_at=receipt.created_at,
            cashier=receipt.cashier,
        )

    async def _waits_behind(self, entry: OutboxEntry) -> OutboxEntry | None:
        """The earlier entry of the member's lane, still to be answered, that holds this one
        back (DESIGN §3: a lane's entries go one at a time, in order); ``None`` when none does.
        Asked by the claim's own rules: a held cancel, waiting for its redemption, is queued
        and earlier, and holds nothing back; "waiting for the earlier redemption" of it was
        said of an entry being sent."""
        return await self.outbox.waits_behind(entry)

    async def _held(self, redemption_id: str) -> bool:
        """A cancel of redemption ``redemption_id`` is held: it may go only once that redemption
        is synced (the claim's rule)."""
        redemption = await self.outbox.get(redemption_id)
        return redemption is not None and redemption.status != EntryStatus.SYNCED

    async def _ahead_of(self, entry_id: str) -> OutboxEntry | None:
        """The earlier entry of its lane that entry ``entry_id``, queued and never sent, waits
        behind (``None`` when it does not wait so)."""
        entry = await self.outbox.get(entry_id)
        if entry is None or entry.status != EntryStatus.QUEUED or entry.attempts:
            return None
        return await self._waits_behind(entry)

    async def receipts(
        self, status: EntryStatus | None = None, *, newest: int | None = None
    ) -> list[Receipt]:
        """Every entry's receipt (of one status), oldest first; only the ``newest`` so many."""
        entries = await self.outbox.entries((status,) if status else None, newest=newest)
        queue = await self.outbox.status()  # once, not once an entry
        return [await self.receipt(entry, status=queue) for entry in entries]

    async def cancels_after(self, seq: int | None) -> tuple[int, list[Receipt]]:
        """Where the queue stands (its newest entry's ``seq``) and the receipts of the cancels
        queued after ``seq`` (``None``: none): a window learns this way of the cancels another
        process (``stamps-pos cancel``) queued on its database, which its own listeners never
        hear of."""
        newest, cancels = await self.outbox.cancels_after(seq)
        queue = await self.outbox.status() if cancels else None
        return newest, [await self.receipt(entry, status=queue) for entry in cancels]

    async def entry_count(self, status: EntryStatus | None = None) -> int:
        """How many entries the outbox holds (of one status)."""
        return await self.outbox.count((status,) if status else None)

    async def attempts(self, entry_id: str) -> list[Attempt]:
        """An entry's attempts, first to last (``outbox show``)."""
        if await self.outbox.get(entry_id) is None:
            raise KeyError(entry_id)
        return await self.outbox.attempts(entry_id)

    async def folded_attempts(self, entry_id: str) -> list[FoldedAttempts]:
        """The entry's attempts counted, not listed: past its first few and before its last
        ones, proved never to have arrived (``attempts`` lists the others)."""
        return [
            FoldedAttempts(t.outcome, t.count, t.first_started_at, t.last_ended_at)
            for t in await self.outbox.folded_attempts(entry_id)
        ]

    # --- manager mode, and what managers read ----------------------------------------------------

    @cached_property
    def staff(self) -> Staff:
        """Managers and cashiers: accounts, sign-in, lockout."""
        return Staff(self.outbox.db, self.config.terminal)

    @cached_property
    def manager(self) -> ManagerMode:
        """Manager mode: the one way to cancel, retry, mark applied, dismiss or change accounts."""
        return ManagerMode(self, self.staff)

    @cached_property
    def history(self) -> History:
        """This till's redemptions, one entry's details, the exceptions."""
        return History(self.outbox.db)

    @cached_property
    def audit(self) -> AuditLog:
        """The audit log, filtered."""
        return AuditLog(self.outbox.db)

    @cached_property
    def on_record(self) -> OnRecord:
        """Whether a name or an id a manager filters by is one this till's records know."""
        return OnRecord(self.outbox.db)

    @cached_property
    def upkeep(self) -> Upkeep:
        """Forgets, once a day while the till runs (or when ``sync`` finds a round due), the
        members, slips and settled outbox rows kept long enough."""
        retention = timedelta(days=self.config.cache_retention_days)
        return Upkeep(
            self.cache,
            self.config.data_dir,
            retention,
            db=self.outbox.db,
            keep=timedelta(days=self.config.outbox_retention_days),
            # the server has answered, and its Date agrees with the till's clock
            clock_checked=lambda: self.monitor.skew is not None and not self.monitor.clock_skewed,
            check_clock=self.line.check_connectivity,
        )

    @cached_property
    def changes(self) -> ChangeWatch:
        """Tells open views that another process changed the database."""
        return ChangeWatch(self.outbox.db.path)

    # --- the disk -------------------------------------------------------------------------------

    @cached_property
    def disk(self) -> DiskWatch:
        """The one look at the disk that the window's banner and the kiosk's pause share."""
        return DiskWatch(self.outbox.db)

    @property
    def storage_problem(self) -> StorageProblem | None:
        """Why the disk refuses the till's writes now (full, read-only…), or ``None``."""
        return self.outbox.db.problem

    def watch_storage(
        self, listener: Callable[[StorageProblem | None], None]
    ) -> Callable[[], None]:
        """Call ``listener(problem)`` when the disk refuses a write, and ``listener(None)`` when
        writes work again; returns a function that stops it."""
        db = self.outbox.db
        db.add_problem_listener(listener)
        return lambda: db.remove_problem_listener(listener)

    async def check_room(self) -> StorageProblem | None:
        """Whether the disk still has room for what the till saves, from the file system alone
        (cheap enough to ask every few seconds); the problem that stands, or ``None``. A disk
        found full is said to :meth:`watch_storage`'s listeners at once."""
        return await self.outbox.db.check_room()

    async def check_storage(self) -> StorageProblem | None:
        """Try the disk again after it refused (a write made and removed); the problem that
        remains, or ``None`` when the till can save again."""
        return await self.outbox.db.check_writes()

    # --- the queue ------------------------------------------------------------------------------

    async def status(self) -> OutboxStatus:
        """The queue's counts for the status bar (and the end of an outage, once settled)."""
        await self.outages.end_if_settled()
        return await self.outbox.status()

    def start_sync(self) -> None:
        """Send the queue in the background until the till closes, hearing what another process
        queues meanwhile (:meth:`hear_entries_queued_elsewhere`)."""
        self.worker.start()
        self.hear_entries_queued_elsewhere()

    def hear_entries_queued_elsewhere(self) -> None:
        """Wake the running worker when another process queues an entry (a ``stamps-pos
        cancel`` while the window is open), within the change watch's look, not at the worker's
        idle look (:mod:`app.core.services.queued_elsewhere`)."""
        self.changes.subscribe(self._queued_elsewhere.heard)
        self.changes.start()
        self._queued_elsewhere.heard()  # where the queue stands now

    @cached_property
    def _queued_elsewhere(self) -> QueuedElsewhere:
        return QueuedElsewhere(self.outbox.newest_entry, self.worker.wake, self._in_background)

    async def sync(self, timeout: float) -> OutboxStatus:  # noqa: ASYNC109
        """Send until nothing can move, the queue pauses, or ``timeout`` seconds pass."""
        return await self.worker.drain(timeout)

    # --- the line (the rest is :attr:`line`'s) -------------------------------------------------

    def heard_within(self, seconds: float) -> bool:
        """Whether an answer from the server proved the till online less than ``seconds`` ago."""
        return self.monitor.heard_within(seconds)

    # --- the shift and the day (app/core/services/shift_record.py) --------------------------------

    @cached_property
    def shift_record(self) -> ShiftRecord:
        """The shifts of this till and the days they make: opened, closed, read, exported."""
        return ShiftRecord(
            shifts=self.shifts,
            terminal=self.config.terminal,
            history=self.history,
            staff=self.staff,
            outcome=self.outcome,
        )

    # --- the outage (the rest is :attr:`outages`') -----------------------------------------------

    @property
    def outage(self) -> Outage:
        """The outage the till is in (none started when the till is online)."""
        return self.outages.current

    def _connectivity_changed(self, old: Connectivity, new: Connectivity) -> None:
        if new is Connectivity.OFFLINE:
            self.outages.went_offline()
        if new is Connectivity.ONLINE or old is Connectivity.OFFLINE:
            # Only the entries that never arrived wake; server-error backoffs run their course.
            # Out of an outage into "degraded" too: a send cut off as the line went keeps the
            # till degraded whatever the pings say, until a send is answered, and the entry
            # waited out a backoff grown in the outage (a minute, up to five) with the line back.
            self._in_background(self.worker.connectivity_restored())
        self._changed()

    def _in_background(self, work: Coroutine[Any, Any, object]) -> None:
        task = asyncio.get_running_loop().create_task(work)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def close(self) -> None:
        """Let the background work this till started finish (the till is closing)."""
        for task in list(self._background):
            task.cancel()
        await asyncio.gather(*self._background, return_exceptions=True)


def _sent_again_at_once(attempt: Attempt) -> bool:
    """The attempt was refused under a token replaced since: the worker sends the entry again
    now, under the new one, so it is not judged as unsent (nor told as an outage)."""
    kind, _ = read_error_text(attempt.error)
    return kind == CredentialsReplaced.__name__


def _ended(attempts: list[Attempt]) -> int:
    """How many of the entry's attempts have ended: the number of the last that has (they end
    in order), which counts the ones folded away between those listed."""
    return max((a.number for a in attempts if a.ended_at is not None), default=0)
