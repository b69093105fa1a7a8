"""The till's line to the server: whether it is there, and whether it takes the till's token.

A ping proves what a belief cannot: the connectivity the status bar shows, a line back before the
monitor's next probe, a token taken up from where it is kept. A refused token pauses the queue
(architecture §3), and a token the server takes lifts the pause.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

from app.core import clock, logs
from app.core.credentials import Secret
from app.core.domain import Outcome
from app.core.messages import Message, say
from app.core.offline.connectivity import Connectivity, ConnectivityMonitor
from app.core.outbox.outbox import IN_FLIGHT, Outbox
from app.core.outbox.status import OutboxStatus
from app.core.outbox.worker import SyncWorker
from app.core.services.config import TillConfig, TokenSource
from app.core.services.refused_words import paused_words, still_refused_words
from app.core.stamps.client import StampsClient
from app.core.stamps.errors import (
    ApiError,
    CredentialsRejected,
    CredentialsReplaced,
    CredentialsUnusable,
    MalformedResponse,
    StampsError,
    line_outcome,
)
from app.core.storage.problems import StorageProblem

log = logging.getLogger(__name__)


#: Who the till's own decisions are recorded as, in the audit log.
TILL = "till"

#: The longest a check of the line made for a cashier waits (seconds, :meth:`Line.check_line_now`):
#: a refused connection answers at once; a line that hangs is worth no more of the customer's
#: time.
LINE_CHECK_WAIT = 2.0

T = TypeVar("T")


class Line:
    """The till's line to the server, and the credentials' pause: the pings, and what a
    refusal of the till's token does to the queue."""

    def __init__(
        self,
        *,
        config: TillConfig,
        client: StampsClient,
        outbox: Outbox,
        worker: SyncWorker,
        monitor: ConnectivityMonitor,
        token_source: TokenSource | None,
        in_background: Callable[[Coroutine[Any, Any, object]], None],
    ) -> None:
        self.config = config
        self.client = client
        self.outbox = outbox
        self.worker = worker
        self.monitor = monitor
        self._token_source = token_source
        self._in_background = in_background

    async def asked_under_the_token_kept(self, ask: Callable[[], Awaitable[T]]) -> T:
        """``ask()``, and once more when the server refused the till's credentials and the token
        in use is another by then: the one where it is kept (a manager ran ``stamps-pos token
        set`` from another process while this one held the old), or one another request took up
        while this one travelled. A ping, a lookup and a PIN check apply nothing, and a 401/403
        proves the server checked nothing (no PIN attempt was spent), so asking again is safe.
        A token no request can carry is tried the same way: it never left the till."""
        carried = self.client.token_changes
        try:
            return await ask()
        except (CredentialsRejected, CredentialsReplaced, CredentialsUnusable):
            if not self.take_up_token() and self.client.token_changes == carried:
                raise
        answer = await ask()
        await self.lift_pause_for_credentials()
        return answer

    async def resume_after_credentials_change(self, *, who: str = TILL) -> Message | None:
        """Lift a credentials pause if the token now works: re-read the token (another process,
        ``stamps-pos token set``, may have changed it), ping with it, and resume the queue on
        success. ``None`` when the queue was not paused (a new token found then is pinged once
        while the till is not online, so a pause lifted elsewhere leaves "degraded" at once);
        else what happened, in words. ``who`` is credited with the resume in the audit log: the
        manager who saved the new token, else the till itself (its start, its timer).

        Run at every start, after ``token set``, from the paused banner's "Check again", and on
        a timer while paused. The token stays in memory: never in the database, nor its hash.
        """
        taken = self.take_up_token()
        if taken is None and (await self.outbox.status()).paused:
            return say("queue.no_token")
        if not (await self.outbox.status()).paused:
            if taken and self.monitor.state is not Connectivity.ONLINE:
                # Lifted elsewhere (`stamps-pos token set`) with a new token: the refusal left
                # the till degraded, and with nothing queued no request said otherwise until
                # the probe's next ping, most of a minute of "Degraded" after the fix.
                await self.token_accepted()
            return None
        sent_at = clock.monotonic()
        try:
            await self.client.ping()
        except CredentialsRejected as refused:
            return still_refused_words(refused, self.config.base_url)
        except CredentialsUnusable:
            # never sent: nothing of the network, and only a token set again helps
            return say("queue.paused.token_unusable")
        except StampsError as exc:
            self.monitor.report(line_outcome(exc), status_code=exc.status_code, sent_at=sent_at)
            return say("queue.check_failed")
        self.monitor.report(None, sent_at=sent_at)
        await self.outbox.resume_after_credentials_change(who=who, terminal=self.config.terminal)
        self.worker.wake()
        return say("queue.resumed")

    def why_paused(self, status: OutboxStatus) -> Message:
        """Why the queue is paused, for the banner and the command line: the server's own words
        when it gave any, and https when the till talks plain http and the server asks for it
        (a new token would not help)."""
        return paused_words(status.paused_reason, self.config.base_url)

    async def check_connectivity(self) -> None:
        """Ask the server once (a ping) and let what it proves set the till's connectivity.

        A till starts believing the server reachable, so that its first request goes out; but
        a belief is not a proof, and the status bar should not say "online" of a server nobody
        has reached (the window checks at start: ``RuntimeOptions.check_at_start``). A pong
        proves online, a refusal of the token what :meth:`probe` makes of it, and a failure
        what a real request meeting it would prove: offline when no connection was made,
        degraded otherwise."""
        await self.answers()

    async def answers(self) -> bool:
        """:meth:`check_connectivity`, and whether the server answered the ping (a refusal of
        the till's token is an answer: the server is there)."""
        sent_at = clock.monotonic()
        proved = await self.probe(report_failure=True)
        if proved is not None:
            self.monitor.prove(proved, sent_at=sent_at)
        return proved is not None

    def check_connectivity_soon(self) -> None:
        """:meth:`check_connectivity` in the background (the till's start does not wait on it).
        A check that fails for a reason of its own proves nothing and leaves the state as it is,
        as the monitor's probe does."""

        async def check() -> None:
            try:
                await self.check_connectivity()
            except Exception:
                log.warning("the connectivity check at start failed", exc_info=True)

        self._in_background(check())

    async def check_line_now(self) -> bool:
        """Whether the till is offline, asked of the server first when it believes so: a ping,
        waited for at most :data:`LINE_CHECK_WAIT` seconds (or the lookup's wait, if shorter).

        The till learns the line is back from the connectivity monitor's probe, whose wait
        doubles through an outage up to a minute: a promo retried 8 s after the line came back
        was refused "only online" again. Before something is refused only because the till is
        offline, this asks; a line still down costs a refused connection, or this wait.
        ``False`` at once, nothing asked, when the till does not believe itself offline."""
        if self.monitor.state is not Connectivity.OFFLINE:
            return False
        try:
            await asyncio.wait_for(
                self.check_connectivity(), min(LINE_CHECK_WAIT, self.config.lookup_timeout)
            )
        except TimeoutError:
            log.info("the line checked for a cashier gave no answer in %.1f s", LINE_CHECK_WAIT)
        except Exception:  # a check that fails for a reason of its own proves nothing
            log.warning("the line check failed", exc_info=True)
        return self.monitor.state is Connectivity.OFFLINE

    async def probe(self, *, report_failure: bool = False) -> Connectivity | None:
        """The connectivity monitor's probe, a ping: ``ONLINE`` when the server takes the till's
        API token, ``DEGRADED`` when it answers and refuses it (or answers with no pong: JSON of
        another shape, a 404; it is there, but nothing shows the token taken), ``None`` when no
        answer came (no
        connection, a timeout, a server error, a web page in the way; ``report_failure``: then
        tell the monitor what it proves, as a real request's failure would).

        A refusal is an answer: the server is there, so the till is not offline, and it learns
        what a send that meets the refusal teaches (architecture §3). After trying the token
        where it is kept (a manager may have set one meanwhile), the queue pauses: nothing
        waiting is sent under the refused token, and the paused banner says why, until a token
        the server takes is set (:meth:`resume_after_credentials_change`). A ping the server
        takes is that proof, so it lifts such a pause too.

        A token no request header can carry (:class:`CredentialsUnusable`) is no outage either:
        nothing left the till, so nothing is known of the network, and waiting for one would
        never end. The queue pauses for it as for a refusal, and the till is ``DEGRADED``: not
        offline, so a lookup says the token must be set again rather than serving the cache.
        """
        sent_at = clock.monotonic()
        try:
            # asked every 30 s online and 10 s offline: the log says what changes, not each ping
            believed = self.monitor.state is Connectivity.ONLINE
            ping = functools.partial(self.client.ping, believed=believed)
            await self.asked_under_the_token_kept(ping)
        except (CredentialsRejected, CredentialsUnusable) as refused:
            await self.pause_for_credentials(refused)
            return Connectivity.DEGRADED
        except StampsError as exc:
            if report_failure:  # told as a real request's failure would be: nothing to add
                # but a ping answered without a pong is no answer, as the probe judges it below:
                # the heartbeat read "Online" while a proxy answered every request with its
                # "404 Not Found" page, and the probe "Degraded" of the same page
                no_pong = _answered_without_a_pong(exc)
                outcome = Outcome.AMBIGUOUS if no_pong else line_outcome(exc)
                self.monitor.report(outcome, status_code=exc.status_code, sent_at=sent_at)
                return None
            if _answered_without_a_pong(exc):
                # The server answered the ping, but with no pong (JSON of another shape, a 404
                # from a server without /api/ping): it is there, so the till is not offline and
                # a lookup asks it (it stayed "Offline" while it answered every ping); but
                # nothing shows its token taken, as a pong would.
                return Connectivity.DEGRADED
            return None
        await self.lift_pause_for_credentials()
        if self.monitor.sends_failing and not await self._anything_to_send():
            self.monitor.forget_failed_sends()  # the send that failed was cancelled or dismissed
        return Connectivity.ONLINE

    async def _anything_to_send(self) -> bool:
        try:
            return await self.outbox.count(IN_FLIGHT) > 0
        except StorageProblem:
            return True  # unknown: the till stays degraded until a send is answered

    async def pause_for_credentials(self, refused: StampsError) -> None:
        """Pause the queue: a ping confirmed the server refuses the till's token (or the token
        cannot be sent at all), whichever request met it first (architecture §3). A refusal
        under a token replaced since proves nothing of the one in use now.

        The till is degraded from here, as the probe finds it (architecture §4): a send that met
        the refusal said so, but a lookup or a PIN check that met it first left the start's
        "online" standing, and the bar read Online in one run and Degraded in the next."""
        if isinstance(refused, CredentialsReplaced):
            return
        self.monitor.prove(Connectivity.DEGRADED)
        try:
            paused = await self.outbox.pause_for_credentials(
                refused, who=TILL, terminal=self.config.terminal
            )
        except StorageProblem as problem:
            # The refusal stands and is told; the next send meets it and pauses then.
            log.warning("sync could not be paused for the refused token: %s", problem)
            return
        if paused:
            log.warning(
                "sync paused: %s",
                "the till's API token holds characters no request can carry"
                if isinstance(refused, CredentialsUnusable)
                else "the server refuses the till's API token",
            )

    async def lift_pause_for_credentials(self) -> None:
        """The server took a token the till took up: what a ping taken proves, so a pause for
        credentials lifts (the queue goes under it) without waiting for the next check."""
        if (await self.outbox.status()).paused:
            await self.outbox.resume_after_credentials_change(
                who=TILL, terminal=self.config.terminal
            )
            self.worker.wake()

    def take_up_token(self) -> bool | None:
        """Use the API token where it is kept now (``stamps-pos token set``, another process, may
        have changed it): ``True`` when it is another than the one in use, ``False`` when it is
        the same (or the till has no place to look), ``None`` when none is kept there."""
        if self._token_source is None:
            return False
        token = self._token_source()
        if token is None:
            return None
        if not self.client.use_token(token.reveal()):
            return False
        log.info("the API token changed; using the new one")
        self.worker.wake()  # what waits (a pause lifted elsewhere) goes with the new one
        return True

    async def token_accepted(self) -> bool | None:
        """Ask the server (a ping) whether it takes the till's API token now: ``False`` when it
        refuses it (or the till cannot send it at all), ``None`` when it did not answer. For a
        refusal met on a lookup whose pause the disk would not write:
        :meth:`resume_after_credentials_change` checks a paused queue."""
        return await self._pinged(self.client.ping)

    async def would_accept(self, token: Secret) -> bool | None:
        """Ask the server (a ping) whether it takes ``token``, before the till uses it: a
        manager's mistyped token, saved, paused the whole queue at its next send. ``False``
        when it refuses it (or it cannot be sent at all), ``None`` when it did not answer. The
        till's own client, and the token it sends, are left as they are."""
        # Typed in the window, it was never loaded as the till's token: masked from now on,
        # whatever a request's failure says of it (a refused one as well).
        logs.keep_secret(token.reveal())

        async def ping() -> None:
            async with self.client.trying(token.reveal()) as trial:
                await trial.ping()

        return await self._pinged(ping)

    async def _pinged(self, ping: Callable[[], Awaitable[object]]) -> bool | None:
        """Whether the server took the token ``ping`` sent: ``False`` refused (or unsendable),
        ``None`` no answer; what the answer proves of the line is reported either way."""
        sent_at = clock.monotonic()
        try:
            await ping()
        except (CredentialsRejected, CredentialsUnusable):
            return False
        except StampsError as exc:
            self.monitor.report(line_outcome(exc), status_code=exc.status_code, sent_at=sent_at)
            return None
        self.monitor.report(None, sent_at=sent_at)
        return True


def _answered_without_a_pong(failure: StampsError) -> bool:
    """The server answered a ping: a 2xx JSON object that is no pong (not a web page, not a cut
    answer), or a 4xx other than the token's refusal (a 404, a 405, a 429)."""
    status = failure.status_code
    if status is None:
        return False
    if isinstance(failure, MalformedResponse):
        return failure.json_object and 200 <= status < 300
    return isinstance(failure, ApiError) and 400 <= status < 500 and status not in (401, 403)
