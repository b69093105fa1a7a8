"""The sync worker: an asyncio task that claims entries, sends them and records what happened.

One request per lane at a time, lanes in parallel up to ``OutboxPolicy.lanes``. All waiting is on
the core clock, so a test moves a :class:`~app.core.clock.ManualClock` instead of sleeping.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import math
import secrets
from datetime import datetime, timedelta

from app.core import clock, logs
from app.core.domain import Outcome
from app.core.outbox.claim import Claimed
from app.core.outbox.errors import StaleClaim, StoppedBeforeSending
from app.core.outbox.outbox import Outbox
from app.core.outbox.remote import OutboxTransport, SubmitResult
from app.core.outbox.status import OutboxStatus
from app.core.stamps.errors import MalformedResponse, StampsError
from app.core.stamps.exchange import watching_flight
from app.core.storage.problems import StorageProblem

log = logging.getLogger(__name__)

#: How often the running worker writes again an answer the disk refused (while its lease lasts).
RESAVE_SECONDS = 2.0


class SyncWorker:
    """Sends the outbox's entries through ``transport`` and reconciles the ``unknown`` ones.

    :meth:`start` runs it in the background (the GUI); :meth:`drain` runs it until nothing can move
    (``stamps-pos sync --once``); :meth:`run_once` does one round (tests).
    """

    def __init__(self, outbox: Outbox, transport: OutboxTransport, *, name: str = "") -> None:
        self.outbox = outbox
        self.transport = transport
        self.policy = outbox.policy
        self.name = name or secrets.token_hex(4)
        # Whose claims are this worker's: its name alone is the till's terminal, which the
        # window and a ``stamps-pos`` command on the same till share, and a claim of the other
        # process's taken for its own was not looked at again until the idle recheck (30 s).
        self._claims = f"{self.name}:{secrets.token_hex(4)}"
        self._wake = asyncio.Event()
        #: The lanes' tasks, by a number of their own: each sends one entry after another.
        self._inflight: dict[int, asyncio.Task[None]] = {}
        self._lanes = 0
        self._task: asyncio.Task[None] | None = None
        self._stopping = False
        # the background loop's wait, watched by :attr:`idle`
        self._parked_until: float | None = None
        self._idle = asyncio.Event()
        #: A bounded run's deadline (clock.monotonic): past it, a lane claims nothing more.
        self._claim_until: float | None = None
        #: A lane's answer said the credentials are refused (the queue pauses): no lane sends
        #: the claim it made ahead, until a claim finds the queue running again.
        self._credentials_refused = False
        #: When the network last came back (clock.now): an attempt sent before it and left
        #: unanswered after it was lost to the outage, not to the line as it is now. Forgotten
        #: past ``_back_until`` (clock.monotonic; see :meth:`_reconnect`).
        self._back_at: datetime | None = None
        self._back_until = 0.0
        outbox.add_listener(self.wake)

    # --- control ------------------------------------------------------------------------------

    def start(self) -> None:
        """Run in the background until :meth:`stop`."""
        if self._task is None or self._task.done():
            self._stopping = False
            self.outbox.add_listener(self.wake)
            self._task = asyncio.get_running_loop().create_task(self._run(), name="sync-worker")

    async def stop(self, grace: float = 0.0) -> None:
        """Stop claiming; give requests in flight ``grace`` seconds of clock time, then cancel them.

        A cancelled request's lease is left to run out: whether it reached the server is unknown.
        """
        self._stopping = True
        self.wake()
        if self._task is not None:
            await clock.cancel_and_wait(self._task)
            self._task = None
        if self._inflight and grace > 0:
            done = asyncio.Event()
            pending = list(self._inflight.values())
            gathered = asyncio.gather(*pending, return_exceptions=True)
            gathered.add_done_callback(lambda _: done.set())
            await clock.wait_event(done, grace)
        await clock.cancel_and_wait(*self._inflight.values())
        self._inflight.clear()
        self._idle.set()  # whoever waits in until_idle: the worker is not running any more
        self.outbox.remove_listener(self.wake)

    def wake(self) -> None:
        """Look at the queue now (something was enqueued, a request finished, settings changed)."""
        self._wake.set()

    async def connectivity_restored(self) -> int:
        """The network is back: retry soon the entries whose last attempt never arrived or went
        unanswered without a word from the server, each within ``policy.reconnect_spread``
        seconds (:meth:`Outbox.wake_after_outage`). A disk that refuses the write (full,
        read-only) is said in one line: what waits keeps its backoff, and the worker still looks
        at the queue now."""
        self._back_at = clock.now()
        self._back_until = clock.monotonic() + self.policy.lease_seconds
        try:
            woken = await self.outbox.wake_after_outage()
        except StorageProblem as problem:
            log.warning("the network is back, but the disk refused to wake what waits: %s", problem)
            woken = 0
        self.wake()
        return woken

    async def _lost_to_the_outage(self, claimed: Claimed, outcome: Outcome, error: object) -> None:
        """An attempt sent before the network came back, and left unanswered after (a request
        on a connection the outage killed, ended by its read timeout): it is woken as the
        reconnect woke the others, not left to a backoff grown while the line was down. Seen:
        Ayu's redemptions went 32 s after the till read Online again."""
        back_at = self._reconnect()
        if (
            outcome is not Outcome.AMBIGUOUS
            or getattr(error, "status_code", None) is not None  # the server's own error
            or back_at is None
            or claimed.started_at is None
            or claimed.started_at >= back_at
        ):
            return
        try:
            # within the spread of the reconnect, not of this attempt's end (up to a read
            # timeout later): the till has read Online since then
            await self.outbox.wake_after_outage(back_at=back_at, only=claimed.entry_id)
        except StorageProblem as problem:
            log.warning("the disk refused to wake what the outage left unanswered: %s", problem)

    def _reconnect(self) -> datetime | None:
        """When the network last came back, for as long as an attempt claimed before then can
        still end: a lease (every attempt ends within its claim's). After that the moment says
        nothing of any attempt; kept, it did harm once the wall clock was set back (a till that
        ran fast, put right): every attempt looked sent before it, and each one a hanging server
        left unanswered was woken within that old reconnect's spread instead of backing off."""
        if self._back_at is not None and clock.monotonic() > self._back_until:
            self._back_at = None
        return self._back_at

    @property
    def in_flight(self) -> int:
        """How many of this worker's requests are on their way now."""
        return len(self._inflight)

    @property
    def running(self) -> bool:
        """Whether the background task is running."""
        return self._task is not None and not self._task.done()

    @property
    def idle(self) -> bool:
        """Whether the background loop is waiting with nothing to do before its next look: no
        request in flight, no wake-up pending, and the clock short of the moment it waits for.

        Nothing changes in the outbox of an idle worker until time passes or someone enqueues;
        a test moving a manual clock waits for this (:meth:`until_idle`) before moving it on.
        """
        return (
            self._parked_until is not None
            and not self._inflight
            and not self._wake.is_set()
            and clock.monotonic() < self._parked_until
        )

    async def until_idle(self) -> None:
        """Return once :attr:`idle` holds (at once when it does, or when the worker is not
        running)."""
        while self.running and not self.idle:
            self._idle.clear()
            await self._idle.wait()

    # --- the loop -----------------------------------------------------------------------------

    async def _run(self) -> None:
        while not self._stopping:
            self._wake.clear()
            delay: float | None = self.policy.idle_recheck
            round_began = clock.now()
            try:
                await self._fill_lanes()
                if len(self._inflight) >= self.policy.lanes:
                    # Every lane busy: each answer wakes this, and each lane claims its own next
                    # entry. The reconciliation and the next-due reads (a write and two reads per
                    # answer, on the GUI's loop) wait until a lane frees, as drain() does.
                    delay = None
                else:
                    await self.reconcile_due()
                    delay = await self._next_delay(since=round_began)
            except asyncio.CancelledError:
                raise
            except StorageProblem as problem:  # a full or read-only disk: said once, not a bug
                log.warning(
                    "sync worker round refused by the disk; trying again later: %s", problem
                )
            except Exception:
                log.exception("sync worker round failed; trying again later")
            self._parked_until = clock.monotonic() + (math.inf if delay is None else delay)
            if self.idle:
                self._idle.set()
            try:
                await clock.wait_event(self._wake, delay)
            finally:
                self._parked_until = None

    async def _fill_lanes(self, *, go_on: bool = True) -> int:
        """Claim an entry for each free lane, in one transaction; each is sent by its own task,
        which (``go_on``) goes on with the next entry its result's transaction claims."""
        free = self.policy.lanes - len(self._inflight)
        if self._stopping or free <= 0:
            return 0
        owners = [self._owner() for _ in range(free)]
        claiming = asyncio.ensure_future(self.outbox.claim_batch(owners))
        try:
            batch = await asyncio.shield(claiming)
        except asyncio.CancelledError:
            # Stopped while the claim was being committed: it commits all the same, and what it
            # claimed was never sent (recorded so, not left to a lease that would read it as
            # ambiguous).
            with contextlib.suppress(Exception):
                for unsent in await claiming:
                    await self._not_sent(unsent)
            raise
        if batch:  # nothing is claimed from a paused queue
            self._credentials_refused = False
        loop = asyncio.get_running_loop()
        for entry in batch:
            self._lanes += 1
            task = loop.create_task(self._lane(entry, go_on=go_on))
            self._inflight[self._lanes] = task
            task.add_done_callback(functools.partial(self._finished, self._lanes))
        return len(batch)

    def _owner(self) -> str:
        return f"{self._claims}:{secrets.token_hex(8)}"

    def _finished(self, lane: int, _task: asyncio.Task[None]) -> None:
        self._inflight.pop(lane, None)
        self.wake()

    async def _lane(self, claimed: Claimed, *, go_on: bool) -> None:
        """Send ``claimed``, record its outcome, and (``go_on``) go on with the entry claimed in
        the same transaction, until there is none or the worker stops."""
        if go_on and self.policy.idempotency_honoured:
            await self._lane_ahead(claimed)
            return
        following: Claimed | None = claimed
        while following is not None:
            following = await self._send(following, go_on=go_on)

    async def _lane_ahead(self, claimed: Claimed) -> None:
        """A lane that keeps its next claim one step ahead (idempotency honoured only).

        While a request is on its way, the lane's next entry is already claimed and committed, so
        when the answer comes the next request leaves at once, and the answer's write (with the
        claim after that one) commits while it travels: the commit is off the lane's path. Every
        request still leaves with its claim (lease and ``ambiguous`` attempt) on disk. What this
        widens is a crash's leftovers: an entry claimed ahead and never sent is left to its lease
        like one in flight, and is resent under its key; without that key (``unknown``) it would
        become unknown instead, so that mode keeps the plain order (:meth:`_send`).
        """
        current: Claimed | None = claimed
        ahead: asyncio.Future[Claimed | None] | None = asyncio.ensure_future(self._claim_one())
        try:
            while current is not None:
                outcome, result, error = await self._attempt(current)
                following = _ready(ahead)
                if following is not None and self._may_send_after(error):
                    # the usual case, handed over without a wait (so without a point where a
                    # stop could cut it): the next request leaves now, and this answer and the
                    # claim after it commit meanwhile
                    ahead = asyncio.ensure_future(
                        self._record(current, outcome, result, error, go_on=True)
                    )
                    current = following
                    continue
                turn = asyncio.ensure_future(self._turn(current, outcome, result, error, ahead))
                current, ahead = None, None
                try:
                    current, ahead = await asyncio.shield(turn)
                except asyncio.CancelledError:
                    # Stopped while the answer was handed over: the hand-over goes on, and the
                    # entry it gave this lane to send next has not left.
                    with contextlib.suppress(Exception):
                        unsent, ahead = await turn
                        if unsent is not None:
                            await self._not_sent(unsent)
                    raise
        except asyncio.CancelledError:
            # a request cut off on its way is left to its lease; a claim made ahead was not sent
            if ahead is not None:
                with contextlib.suppress(Exception):
                    unsent = await ahead
                    if unsent is not None:
                        await self._not_sent(unsent)
            raise

    async def _turn(
        self,
        done: Claimed,
        outcome: Outcome,
        result: SubmitResult | None,
        error: BaseException | None,
        ahead: asyncio.Future[Claimed | None] | None,
    ) -> tuple[Claimed | None, asyncio.Future[Claimed | None] | None]:
        """``done`` was answered: returns the entry this lane sends now (its claim committed) and
        the write that claims the one after it, or ``(None, None)`` when the lane stops."""
        following = await ahead if ahead is not None else None
        if following is not None and not self._may_send_after(error):
            # a pause, a stop or the drain's deadline came with this answer: not sent after all
            await self._record(done, outcome, result, error, go_on=False)
            await self._not_sent(following)
            return None, None
        if following is None:
            # nothing claimed ahead (nothing was sendable, or the disk refused the claim): the
            # answer and the next claim in one commit, as the plain order does, then one ahead
            following = await self._record(done, outcome, result, error, go_on=True)
            if following is None:
                return None, None
            return following, asyncio.ensure_future(self._claim_one())
        # the next request leaves now; the answer and the claim after it commit meanwhile
        write = asyncio.ensure_future(self._record(done, outcome, result, error, go_on=True))
        return following, write

    def _may_send_after(self, error: BaseException | None) -> bool:
        if isinstance(error, StampsError) and error.pauses_queue:
            # the other lanes' claims ahead were made before the pause: not sent either, as
            # the plain order would claim nothing once the pause is written
            self._credentials_refused = True
        return not self._credentials_refused and self._may_claim()

    async def _claim_one(self) -> Claimed | None:
        """A lane's claim ahead: committed when this returns; ``None`` when nothing is sendable,
        the lane may claim no more, or the disk refuses (said in the log)."""
        if not self._may_claim():
            return None
        try:
            return await self.outbox.claim(self._owner())
        except StorageProblem as problem:
            log.warning("could not claim ahead: %s", problem)
        except Exception:
            log.exception("could not claim ahead")
        return None

    async def _not_sent(self, claimed: Claimed, why: Exception | None = None) -> None:
        """A claim this lane will not send (``why``: a stale claim unless said): recorded as
        never arrived (the truth), not left to a lease that would read it as ambiguous."""
        try:
            await self.outbox.record(
                claimed, Outcome.NEVER_ARRIVED, error=why if why is not None else StaleClaim()
            )
        except StorageProblem as problem:
            # left to its lease: resent under its key (honoured) once the lease runs out
            log.warning("entry %s was not sent; that was not saved: %s", claimed.entry_id, problem)

    async def _send(self, claimed: Claimed, *, go_on: bool = False) -> Claimed | None:
        """One attempt: the request, then its outcome recorded under the claim's lease (and,
        ``go_on``, the lane's next entry claimed with it: returned)."""
        outcome, result, error = await self._attempt(claimed)
        return await self._record(claimed, outcome, result, error, go_on=go_on)

    async def _attempt(
        self, claimed: Claimed
    ) -> tuple[Outcome, SubmitResult | None, BaseException | None]:
        """The request, and what its answer (or its failure) proves."""
        logs.set_entry(claimed.entry_id)  # this task's lines, the HTTP client's too, name it
        if claimed.lease_until is not None and (
            clock.now() + timedelta(seconds=self.policy.flight_seconds) > claimed.lease_until
        ):
            # Sending now could outlive the lease, or the key's window the claim checked: the
            # request has not left, so this attempt provably never arrived.
            return Outcome.NEVER_ARRIVED, None, StaleClaim()
        try:
            with watching_flight() as flight:
                try:
                    result = await self.transport.submit(
                        claimed.kind, claimed.payload, idempotency_key=claimed.entry_id
                    )
                except asyncio.CancelledError:
                    if flight.never_left:
                        # Stopped while connecting: the truth is on record, not left to a lease
                        # that would read it as ambiguous (and `unknown`, without a key).
                        with contextlib.suppress(Exception):
                            await self._not_sent(claimed, StoppedBeforeSending())
                    raise
        except StampsError as exc:
            return exc.outcome, None, exc
        except Exception as exc:  # a bug proves nothing about the server
            log.exception("unexpected failure sending entry %s", claimed.entry_id)
            return Outcome.AMBIGUOUS, None, exc
        if not result.names_redemption:
            # a 2xx proves an application only when it names the redemption
            return Outcome.AMBIGUOUS, None, _nameless()
        return Outcome.APPLIED, result, None

    async def _record(
        self,
        claimed: Claimed,
        outcome: Outcome,
        result: SubmitResult | None,
        error: BaseException | None,
        *,
        go_on: bool,
    ) -> Claimed | None:
        """Record the outcome, under the claim's lease, and (``go_on``) claim this lane's next
        entry with it (none once the worker stops); returns that claim."""
        owner = self._owner() if go_on and self._may_claim() else None
        write = asyncio.ensure_future(
            self.outbox.record_and_claim(claimed, outcome, result=result, error=error, owner=owner)
        )
        try:
            _, following = await asyncio.shield(write)
        except asyncio.CancelledError:
            # Stopped while the answer was being written: the write goes on, and an entry it
            # claimed was never sent. Left to its lease it would read as ambiguous; it is
            # recorded as never arrived instead (the truth), before this lane stops.
            with contextlib.suppress(Exception):
                _, orphan = await write
                if orphan is not None:
                    await self.outbox.record(orphan, Outcome.NEVER_ARRIVED, error=StaleClaim())
            raise
        except StorageProblem as problem:
            log.warning("the outcome of entry %s was not saved: %s", claimed.entry_id, problem)
            if not await self._saved_once_the_disk_lets(claimed, outcome, result, error):
                # the attempt row stays ambiguous and the lease runs out: the sweep decides later
                return None
            log.info("the outcome of entry %s was saved once the disk let it", claimed.entry_id)
            await self._lost_to_the_outage(claimed, outcome, error)
            return None
        except Exception:
            log.exception("could not record the outcome of entry %s", claimed.entry_id)
            return None
        await self._lost_to_the_outage(claimed, outcome, error)
        if following is not None and self._stopping:  # stopped meanwhile: not sent after all
            await self.outbox.record(following, Outcome.NEVER_ARRIVED, error=StaleClaim())
            return None
        return following

    async def _saved_once_the_disk_lets(
        self,
        claimed: Claimed,
        outcome: Outcome,
        result: SubmitResult | None,
        error: BaseException | None,
    ) -> bool:
        """The disk refused an answer's write (full, or read-only for a moment). Only this worker
        knows what the server said; left to the lease, the attempt reads as ambiguous: resent
        under its key a minute later while the cashier waits, or, without a key, unknown for a
        manager although the server had answered. So the running worker writes it again every
        few seconds while its lease lasts, and a disk freed meanwhile keeps the answer. A drain
        (the command line) does not wait: it says at once that the disk refused."""
        if self._task is None:
            return False
        while not self._stopping and claimed.lease_until is not None:
            left = (claimed.lease_until - clock.now()).total_seconds() - 2 * RESAVE_SECONDS
            if left <= 0:
                return False
            await clock.sleep(min(RESAVE_SECONDS, left))
            try:
                status = await self.outbox.record(claimed, outcome, result=result, error=error)
            except StorageProblem:
                continue
            return status is not None  # None: the lease was lost after all, the answer dropped
        return False

    def _may_claim(self) -> bool:
        return not self._stopping and (
            self._claim_until is None or clock.monotonic() < self._claim_until
        )

    async def reconcile_due(self) -> int:
        """Read the feeds of the ``unknown`` entries due for a check; returns how many matched."""
        matched = 0
        for target in await self.outbox.reconcile_targets():
            if self._stopping:
                break
            since = target.since - timedelta(seconds=self.policy.reconcile_skew)
            with logs.about_entry(target.entry_id):
                try:
                    records = await self.transport.member_activity(target.user, since=since)
                except StampsError as exc:
                    await self.outbox.activity_unreadable(
                        target, f"{type(exc).__name__}: {exc.message}"
                    )
                    continue
                if await self.outbox.apply_activity(target, list(records)):
                    log.info("reconciled: the member's activity shows the redemption")
                    matched += 1
        return matched

    async def _next_delay(self, *, since: datetime | None = None) -> float:
        """Seconds until something is due; sooner while another process has a request in flight,
        since its answer (which frees a lane) sends this process no signal. ``since``: when the
        round's claim looked; what fell due after that was not claimed, and is due now (0 s).
        Asked from now alone, an entry that fell due during the claim was due before "now" and
        after the claim: no wake-up was set for it, and it waited the idle recheck (30 s late,
        seen under the window, whose timers may fire a few milliseconds early)."""
        due = await self.outbox.next_due(after=since)
        delay = self.policy.idle_recheck
        if due is not None:
            delay = max(0.0, min(delay, (due - clock.now()).total_seconds()))
        # (this worker's own claims do not count: a lane may hold one ahead of its request)
        if await self.outbox.sending_count(foreign_to=self._claims):
            delay = min(delay, self.policy.foreign_recheck)
        return delay

    # --- bounded runs -------------------------------------------------------------------------

    async def run_once(self, *, reconcile: bool = True) -> int:
        """One round: claim what can go now (one per free lane), wait for those answers, then
        (unless ``reconcile`` is false) reconcile what is due. Returns how many were sent."""
        sent = await self._fill_lanes(go_on=False)
        if self._inflight:
            await asyncio.gather(*list(self._inflight.values()), return_exceptions=True)
        if reconcile:
            await self.reconcile_due()
        return sent

    async def drain(self, timeout: float) -> OutboxStatus:  # noqa: ASYNC109
        """Run until nothing is pending (queued and not held, or sending), the queue is paused, or
        ``timeout`` seconds of clock time pass; returns the final counts. Raises the
        :class:`~app.core.storage.problems.StorageProblem` of a disk that refuses a claim.

        A lane is refilled as soon as its request is answered, not when the slowest of a round is;
        ``unknown`` entries are reconciled whenever this worker has nothing in flight. Requests in
        flight when the time is up are waited for (their own timeouts bound them).
        """
        deadline = clock.monotonic() + timeout
        self._stopping = False
        self._claim_until = deadline  # a lane goes on to its next entry only before it
        self.outbox.add_listener(self.wake)
        try:
            return await self._drain(deadline)
        finally:
            self._claim_until = None

    async def _drain(self, deadline: float) -> OutboxStatus:
        while True:
            self._wake.clear()
            remaining = deadline - clock.monotonic()
            if remaining > 0:
                try:
                    await self._fill_lanes()
                except StorageProblem:
                    # the disk refuses new claims: the requests already out finish (and are
                    # recorded, if the disk lets them) before the drain says so
                    await asyncio.gather(*list(self._inflight.values()), return_exceptions=True)
                    raise
            if self._inflight:
                if remaining > 0:
                    # an answer (or any change to the outbox) wakes this at once
                    await clock.wait_event(self._wake, remaining)
                    continue
                await asyncio.gather(*list(self._inflight.values()), return_exceptions=True)
            await self.reconcile_due()
            status = await self.outbox.status()
            remaining = deadline - clock.monotonic()
            if status.pending == 0 or status.paused or remaining <= 0:
                return status
            await clock.wait_event(self._wake, min(await self._next_delay(), remaining))


def _ready(ahead: asyncio.Future[Claimed | None] | None) -> Claimed | None:
    """The claim ``ahead`` made, when it is already made (else ``None``: wait for it)."""
    if ahead is None or not ahead.done() or ahead.cancelled() or ahead.exception() is not None:
        return None
    return ahead.result()


def _nameless() -> MalformedResponse:
    return MalformedResponse("the server answered but named no redemption", status_code=200)
