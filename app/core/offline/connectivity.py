"""Is the server reachable? Derived from the outcomes of real requests, from a cheap probe while
it is not, and from a heartbeat while it is but nothing has proved it for a while.

``ONLINE``: the last answer was a proper one. ``DEGRADED``: the server answers, but with server
errors, not in time, or refusing the till's API token (or the till holds a token no request can
carry: nothing of the network is known, and waiting for it would never end); and while the outbox's
last send went unanswered, whatever pings answer, until a send is answered. ``OFFLINE``:
connections are not being made. Listeners hear every change; the sync worker wakes the entries
that never arrived when the state turns ``ONLINE`` (architecture §3).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from enum import StrEnum
from typing import Protocol

from app.core import clock
from app.core.domain import Outcome

log = logging.getLogger(__name__)

SKEW_WARNING = timedelta(minutes=2)
#: Statuses by which the server turns a request away unapplied and asks for it again (408: it
#: timed out reading it; 429: too many requests): it is there and working, so no outage.
TURNED_AWAY = frozenset({408, 429})
#: The longest wait between two probes while the till is not online (seconds). Doubling to a
#: minute kept the bar "Offline" (and redemptions queued as offline) 20 to 60 s after the line
#: came back; a ping is one small request per till, so ten seconds costs the server nothing.
PROBE_CAP = 10.0


class Connectivity(StrEnum):
    """The three states the status bar shows."""

    ONLINE = "online"
    DEGRADED = "degraded"
    OFFLINE = "offline"


Listener = Callable[[Connectivity, Connectivity], None]
#: Asks the server once: the state its answer proves, or ``None`` when no answer came.
Probe = Callable[[], Awaitable[Connectivity | None]]
#: Asks the server once and records what its answer, or its silence, proves (the heartbeat's).
Check = Callable[[], Awaitable[None]]


class Report(Protocol):
    """What a request proved of the network, and when it left (the monitor's ``report``)."""

    def __call__(
        self, outcome: Outcome | None, *, sent_at: float, status_code: int | None = None
    ) -> None: ...


class ConnectivityMonitor:
    """Keeps the connectivity state: while it is not online, probes the server; while it is and
    nothing has proved it for a heartbeat, checks.

    ``probe`` answers ``ONLINE`` when the server answered properly (``/api/ping``), ``DEGRADED``
    when it answered but will not serve the till (it refuses the API token: the server is there,
    so the till is not offline), and ``None`` when no answer came (the state stays). The probe
    interval doubles until the till is online again, from ``probe_interval`` up to ``probe_cap``
    (:data:`PROBE_CAP`), never below ``probe_interval``.

    While online, ``heartbeat`` seconds without a proof (0: never) run ``check``
    (:meth:`Line.check_connectivity`), so a line that drops while nobody redeems shows before
    the next customer's lookup waits for it. Every proof resets the wait, and no check goes out
    while ``busy()`` says a request is on its way: its own answer will say.
    """

    def __init__(
        self,
        probe: Probe,
        *,
        probe_interval: float = 5.0,
        probe_cap: float = PROBE_CAP,
        initial: Connectivity = Connectivity.ONLINE,
        heartbeat: float = 0.0,
        check: Check | None = None,
        busy: Callable[[], bool] | None = None,
    ) -> None:
        self._probe = probe
        self._check = check
        self._heartbeat = heartbeat
        self._busy = busy or (lambda: False)
        self._interval = probe_interval
        # a till set to probe slower than the cap (a storm test: once a minute) keeps its pace
        self._cap = max(probe_cap, probe_interval)
        self._state = initial
        #: Whether an answer (or a connection that failed) has shown the state: until then it is
        #: the start's belief, which lets the first request go out but proves nothing.
        self.proven = False
        #: When the state was last proved, or last checked (a check that broke proves nothing,
        #: and is not tried again before another heartbeat).
        self._quiet_since = clock.monotonic()
        #: When an answer last proved the till online (clock.monotonic): a request sent before
        #: it that ends unanswered says nothing of the line as it is since.
        self._answered_at: float | None = None
        #: A redemption's send went unanswered (timed out, a server error) and none has been
        #: answered since: the pings answering meanwhile turned the bar back to a green "Online"
        #: within seconds, while every send timed out for minutes. Only a send answered (or
        #: nothing left to send: :meth:`forget_failed_sends`) makes the till online again.
        self._sends_failing = False
        #: When the request that last took the till off line left (clock.monotonic): an answer
        #: to one sent before it may have come in before the line went and been read only now.
        self._failed_at: float | None = None
        self._listeners: list[Listener] = []
        self._wake = asyncio.Event()
        #: Set to probe at once, not at the next turn of the back-off: a doubtful answer came.
        self._find_out = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self.skew: timedelta | None = None
        self._clock_listeners: list[Callable[[], None]] = []

    @property
    def state(self) -> Connectivity:
        """The current state."""
        return self._state

    @property
    def online(self) -> bool:
        """True unless the till is offline (a degraded server still takes requests)."""
        return self._state is not Connectivity.OFFLINE

    def heard_within(self, seconds: float) -> bool:
        """Whether an answer proved the till online less than ``seconds`` ago."""
        return (
            self._state is Connectivity.ONLINE
            and self._answered_at is not None
            and clock.monotonic() - self._answered_at < seconds
        )

    @property
    def heartbeat(self) -> float:
        """Seconds online without a proof before the server is checked; 0: never."""
        return self._heartbeat if self._check is not None else 0.0

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(old, new)`` on every change; returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def subscribe_clock(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call ``listener()`` when the till's clock starts or stops disagreeing with the
        server's (:attr:`clock_skewed`); returns a function that unsubscribes."""
        self._clock_listeners.append(listener)
        return lambda: self._clock_listeners.remove(listener)

    def report(
        self,
        outcome: Outcome | None,
        *,
        sent_at: float,
        status_code: int | None = None,
    ) -> None:
        """Record what a real request proved. ``None`` or ``APPLIED``/``REFUSED`` mean the server
        answered; a connection that was never made means offline; the rest, degraded.

        ``sent_at`` (clock.monotonic, taken just before the request left): every report comes
        from a request, and says when. One that failed after an answer made the till online
        since it left changes nothing: a request sent into a hang, on a connection the outage
        killed, ends at its read timeout seconds after the line is back, and turned the bar from
        Online to Degraded while the line worked. An answer proves the line whenever it left.
        A request the server turned away to be sent again (:data:`TURNED_AWAY`) is answered too:
        a 408 read "Degraded — slow or failing" of a server that had only timed out reading it.

        An answer to a request that left before the one that took the till off line proves
        nothing of the line since: its bytes may have come in before the line went and been read
        after (the worker's feed read, answered as the line dropped, turned the till online again
        after a lookup had failed). The state stays, and a probe goes out at once to find out."""
        if outcome in (None, Outcome.APPLIED, Outcome.REFUSED) or status_code in TURNED_AWAY:
            self._answered(sent_at)
        elif self._stale(sent_at):
            log.info("connectivity: online; a request sent before the last answer went unanswered")
        else:
            self._failed_at = sent_at if self._failed_at is None else max(sent_at, self._failed_at)
            if outcome is Outcome.NEVER_ARRIVED and status_code is None:
                self._set(Connectivity.OFFLINE)
            else:
                self._set(Connectivity.DEGRADED)

    @property
    def sends_failing(self) -> bool:
        """True while the last send of a redemption went unanswered by a server that is there."""
        return self._sends_failing

    def report_send(
        self, outcome: Outcome | None, *, sent_at: float, status_code: int | None = None
    ) -> None:
        """:meth:`report` for a send of the outbox: one the server did not answer while it is
        there keeps the till degraded until a send is answered, whatever the pings say."""
        answered = outcome in (None, Outcome.APPLIED, Outcome.REFUSED)
        if answered or status_code in TURNED_AWAY:
            self._sends_failing = False
        elif not (outcome is Outcome.NEVER_ARRIVED and status_code is None) and not self._stale(
            sent_at
        ):  # an outage is "Offline"; a send lost to one that ended proves nothing (see report)
            self._sends_failing = True
        self.report(outcome, sent_at=sent_at, status_code=status_code)

    def forget_failed_sends(self) -> None:
        """Nothing is left to send (the entry that failed was cancelled or dismissed): the
        server's answers to pings are the truth again."""
        self._sends_failing = False

    def _stale(self, sent_at: float) -> bool:
        """Whether a request that failed left before an answer made the till online."""
        return (
            self._state is Connectivity.ONLINE
            and self._answered_at is not None
            and sent_at < self._answered_at
        )

    def _doubtful(self, sent_at: float) -> bool:
        """Whether an answer is to a request older than the one that took the till off line."""
        return (
            self._state is not Connectivity.ONLINE
            and self._failed_at is not None
            and sent_at < self._failed_at
        )

    def prove(self, state: Connectivity, *, sent_at: float | None = None) -> None:
        """Record the state a check of the server's own proved (:meth:`Line.check_connectivity`);
        ``sent_at`` is when its ping left (else now). An Online proof from a ping older than the
        failure that took the till off line is checked, as an answer is (:meth:`report`)."""
        at = clock.monotonic() if sent_at is None else sent_at
        if state is Connectivity.ONLINE:
            self._answered(at)
            return
        self._failed_at = at if self._failed_at is None else max(at, self._failed_at)
        self._set(state)

    def _answered(self, sent_at: float) -> None:
        """An answer to a request that left at ``sent_at``: the till online, unless the request
        is older than the failure that took it off line (:meth:`_doubtful`: then a probe finds
        out at once). The line is proven from when the request left, not from when its answer
        was read: an answer read after a later request left, come in before the line went, made
        that request's failure look older than it (``_stale``), to be ignored, and the till
        stayed Online with no line (seen in CI)."""
        if self._doubtful(sent_at):
            log.info("connectivity: %s kept; an answer to an older request, probing", self._state)
            self._find_out.set()
            return
        self._answered_at = sent_at
        self._set(Connectivity.ONLINE)

    def note_server_date(self, header: str | None) -> None:
        """Compare the server's ``Date`` header with the till's clock; warn beyond two minutes."""
        if not header:
            return
        try:
            server_time: datetime = parsedate_to_datetime(header)
        except (TypeError, ValueError):
            return
        if server_time.tzinfo is None:
            return
        was_skewed = self.clock_skewed
        self.skew = clock.now() - server_time
        if abs(self.skew) > SKEW_WARNING:
            log.warning(
                "the till's clock is %+.0f s off the server's; check the time settings",
                self.skew.total_seconds(),
            )
        if self.clock_skewed != was_skewed:
            for listener in list(self._clock_listeners):
                listener()

    @property
    def clock_skewed(self) -> bool:
        """True when the last server ``Date`` was more than two minutes off."""
        return self.skew is not None and abs(self.skew) > SKEW_WARNING

    def start(self) -> None:
        """Start probing (and the heartbeat) in the background, on the running loop."""
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run(), name="connectivity")

    async def stop(self) -> None:
        """Stop probing and the heartbeat: a check on its way is cancelled with them."""
        if self._task is not None:
            await clock.cancel_and_wait(self._task)
            self._task = None

    def _set(self, new: Connectivity) -> None:
        if new is Connectivity.ONLINE and self._sends_failing:
            new = Connectivity.DEGRADED  # a ping or a lookup answered; redemptions are not
        self._quiet_since = clock.monotonic()
        old, self._state = self._state, new
        first_proof, self.proven = not self.proven, True
        if old is new and not first_proof:
            return  # (the first proof is heard even when it confirms the belief: it is news)
        if old is new:
            log.info("connectivity: %s, proved", new)
        else:
            log.info("connectivity: %s -> %s", old, new)
        self._wake.set()
        for listener in list(self._listeners):
            listener(old, new)

    async def _run(self) -> None:
        delay = self._interval
        while True:
            if self._state is Connectivity.ONLINE:
                delay = self._interval
                await self._keep_watch()
                continue
            await clock.wait_event(self._find_out, delay)
            self._find_out.clear()
            if self.state is Connectivity.ONLINE:  # a real request got through meanwhile
                continue
            left = clock.monotonic()  # the probe's ping leaves
            try:
                proved = await self._probe()
            except Exception:  # a probe that fails for any reason is "not yet"
                log.debug("connectivity probe failed", exc_info=True)
                proved = None
            if proved is Connectivity.ONLINE:
                # A pong is an answer: a request that left into the outage before the ping and
                # ends unanswered after it is lost to the line as it was (:meth:`report`).
                # Taken as a bare state, it dated no return of the line, and the hang's read
                # timeout turned the bar Degraded again for a probe's wait while the line worked.
                self._answered(left)
            elif proved is not None:
                self._set(proved)
            if proved is not Connectivity.ONLINE:
                delay = min(self._cap, delay * 2)

    async def _keep_watch(self) -> None:
        """While online: wait for a change, or for a heartbeat of quiet and then check once."""
        self._wake.clear()
        if self._heartbeat <= 0 or self._check is None:
            await self._wake.wait()
            return
        quiet_for = clock.monotonic() - self._quiet_since
        if quiet_for < self._heartbeat:
            await clock.wait_event(self._wake, self._heartbeat - quiet_for)
            return
        if self._busy():
            # A lookup or the drain is talking to the server; what it meets will be reported.
            await clock.wait_event(self._wake, self._heartbeat)
            return
        self._quiet_since = clock.monotonic()
        try:
            await self._check()
        except Exception:  # a check that fails for a reason of its own proves nothing
            log.warning("the connectivity heartbeat failed", exc_info=True)
