"""Connectivity follows real request outcomes, and a probe brings it back online."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import timedelta
from email.utils import format_datetime

import pytest

from app.core import clock
from app.core.clock import ManualClock
from app.core.domain import Outcome
from app.core.offline.connectivity import Connectivity, ConnectivityMonitor

from ....support.cancelling import stop_cancelled_after


@pytest.fixture
def manual() -> Iterator[ManualClock]:
    with clock.installed(ManualClock()) as installed:
        assert isinstance(installed, ManualClock)
        yield installed


class ScriptedProbe:
    """A probe whose answers the test sets (``None``: no answer); counts its calls."""

    def __init__(self) -> None:
        self.answer: Connectivity | None = None
        self.calls = 0

    async def __call__(self) -> Connectivity | None:
        self.calls += 1
        return self.answer


@asynccontextmanager
async def running(monitor: ConnectivityMonitor) -> AsyncIterator[ConnectivityMonitor]:
    """``monitor`` started, and stopped again however the test ends."""
    monitor.start()
    try:
        yield monitor
    finally:
        await monitor.stop()


async def settle(manual: ManualClock, sleepers: int = 1) -> None:
    """Let the loop run until the monitor is waiting on the clock again."""
    for _ in range(50):
        await asyncio.sleep(0)
        if manual.sleepers >= sleepers:
            return
    raise AssertionError("the monitor never went back to waiting")


@pytest.mark.parametrize(
    ("outcome", "status", "state"),
    [
        (Outcome.NEVER_ARRIVED, None, Connectivity.OFFLINE),
        (Outcome.NEVER_ARRIVED, 503, Connectivity.DEGRADED),
        # turned away to be sent again: the server answered (a 408 read "Degraded")
        (Outcome.NEVER_ARRIVED, 408, Connectivity.ONLINE),
        (Outcome.NEVER_ARRIVED, 429, Connectivity.ONLINE),
        (Outcome.AMBIGUOUS, None, Connectivity.DEGRADED),
        (Outcome.AMBIGUOUS, 502, Connectivity.DEGRADED),
        (Outcome.REFUSED, 400, Connectivity.ONLINE),
        (Outcome.APPLIED, 200, Connectivity.ONLINE),
    ],
)
def test_state_follows_what_a_request_proved(
    outcome: Outcome, status: int | None, state: Connectivity
) -> None:
    monitor = ConnectivityMonitor(ScriptedProbe(), initial=Connectivity.DEGRADED)
    monitor.report(outcome, status_code=status, sent_at=clock.monotonic())
    assert monitor.state is state


def test_listeners_hear_each_change_once() -> None:
    monitor = ConnectivityMonitor(ScriptedProbe())
    heard: list[tuple[Connectivity, Connectivity]] = []
    monitor.subscribe(lambda old, new: heard.append((old, new)))
    monitor.report(Outcome.NEVER_ARRIVED, sent_at=clock.monotonic())
    monitor.report(Outcome.NEVER_ARRIVED, sent_at=clock.monotonic())
    monitor.report(Outcome.APPLIED, sent_at=clock.monotonic())
    assert heard == [
        (Connectivity.ONLINE, Connectivity.OFFLINE),
        (Connectivity.OFFLINE, Connectivity.ONLINE),
    ]


def test_nothing_is_proven_until_an_answer_or_a_silence_says_so() -> None:
    # A till starts believing the server reachable, so its first request goes out; but nothing
    # has proved it yet, and the status bar must not say "Online" on that belief alone.
    monitor = ConnectivityMonitor(ScriptedProbe())
    heard: list[tuple[Connectivity, Connectivity]] = []
    monitor.subscribe(lambda old, new: heard.append((old, new)))
    assert monitor.state is Connectivity.ONLINE and not monitor.proven
    # the first answer proves the state it was already in
    monitor.report(Outcome.APPLIED, sent_at=clock.monotonic())
    assert monitor.proven
    assert heard == [(Connectivity.ONLINE, Connectivity.ONLINE)]  # listeners hear the proof
    monitor.report(Outcome.APPLIED, sent_at=clock.monotonic())
    assert len(heard) == 1

    silent = ConnectivityMonitor(ScriptedProbe())
    silent.prove(Connectivity.OFFLINE)  # a check at start that could not connect
    assert silent.proven and silent.state is Connectivity.OFFLINE


def test_heard_within_counts_from_the_last_answer_while_online(manual: ManualClock) -> None:
    # what the kiosk asks before a customer types a phone number: older, a ping goes first
    monitor = ConnectivityMonitor(ScriptedProbe())
    assert not monitor.heard_within(5.0)  # the start's belief is no answer
    monitor.report(None, sent_at=clock.monotonic())
    assert monitor.heard_within(5.0)
    manual.advance(5.0)
    assert not monitor.heard_within(5.0)
    monitor.report(Outcome.APPLIED, sent_at=clock.monotonic())
    monitor.report(Outcome.NEVER_ARRIVED, sent_at=clock.monotonic())  # then the line dropped
    assert not monitor.heard_within(5.0)


async def test_probe_backs_off_and_brings_the_till_back_online(manual: ManualClock) -> None:
    probe = ScriptedProbe()
    monitor = ConnectivityMonitor(probe, probe_interval=5, probe_cap=20)
    async with running(monitor):
        monitor.report(Outcome.NEVER_ARRIVED, sent_at=clock.monotonic())
        await settle(manual)
        manual.advance(5)
        await settle(manual)
        assert probe.calls == 1
        manual.advance(9)  # the next probe waits 10 s, not 5
        await asyncio.sleep(0)
        assert probe.calls == 1
        manual.advance(1)
        await settle(manual)
        assert probe.calls == 2
        probe.answer = Connectivity.ONLINE
        manual.advance(20)
        for _ in range(20):
            await asyncio.sleep(0)
        assert monitor.state is Connectivity.ONLINE


async def test_a_long_outage_is_probed_every_ten_seconds_at_most(manual: ManualClock) -> None:
    """Through a long outage the probe's wait stops growing at ten seconds: the bar says
    "Online" at most ten seconds after the line is back, where a minute's wait kept it
    "Offline" (and redemptions queued as offline) for up to a minute."""
    probe = ScriptedProbe()
    monitor = ConnectivityMonitor(probe)  # the till's own pace: 5 s, then doubling
    async with running(monitor):
        monitor.report(Outcome.NEVER_ARRIVED, sent_at=clock.monotonic())
        await settle(manual)
        for _ in range(30):  # five minutes and more of outage
            manual.advance(10)
            await settle(manual)
        assert monitor.state is Connectivity.OFFLINE
        probe.answer = Connectivity.ONLINE  # the line comes back
        manual.advance(10)
        for _ in range(20):
            await asyncio.sleep(0)
        assert monitor.state is Connectivity.ONLINE


@pytest.mark.parametrize("interval", [60.0, 120.0])
async def test_a_till_set_to_probe_slower_than_the_cap_keeps_its_pace(
    manual: ManualClock, interval: float
) -> None:
    probe = ScriptedProbe()
    monitor = ConnectivityMonitor(probe, probe_interval=interval)
    async with running(monitor):
        monitor.report(Outcome.NEVER_ARRIVED, sent_at=clock.monotonic())
        await settle(manual)
        for calls in (1, 2):
            manual.advance(interval - 1)
            await asyncio.sleep(0)
            assert probe.calls == calls - 1
            manual.advance(1)
            await settle(manual)
            assert probe.calls == calls


async def test_a_server_that_answers_and_refuses_the_till_is_no_outage(
    manual: ManualClock,
) -> None:
    """A probe the server answers with a refusal (the till's API token) proves it is there: the
    till is no longer offline, though not online either, and the probe goes on asking, backing
    off, until the server takes the till again."""
    probe = ScriptedProbe()
    monitor = ConnectivityMonitor(probe, probe_interval=5, probe_cap=20)
    heard: list[Connectivity] = []
    monitor.subscribe(lambda old, new: heard.append(new))
    async with running(monitor):
        monitor.report(Outcome.NEVER_ARRIVED, sent_at=clock.monotonic())
        await settle(manual)
        probe.answer = Connectivity.DEGRADED
        manual.advance(5)
        await settle(manual)
        assert monitor.state is Connectivity.DEGRADED
        assert monitor.online  # the server is there: nothing is judged as in an outage
        manual.advance(9)  # the next probe waits 10 s, not 5
        await asyncio.sleep(0)
        assert probe.calls == 1
        manual.advance(1)
        await settle(manual)
        assert probe.calls == 2
        assert monitor.state is Connectivity.DEGRADED
        probe.answer = Connectivity.ONLINE
        manual.advance(20)
        for _ in range(20):
            await asyncio.sleep(0)
        assert monitor.state is Connectivity.ONLINE
        assert heard == [Connectivity.OFFLINE, Connectivity.DEGRADED, Connectivity.ONLINE]


async def test_a_probe_without_an_answer_changes_nothing(manual: ManualClock) -> None:
    """No answer (a 5xx, a timeout, a web page: the till's probe says ``None``) keeps the till
    where it was: offline stays offline."""
    probe = ScriptedProbe()
    monitor = ConnectivityMonitor(probe, probe_interval=5)
    async with running(monitor):
        monitor.report(Outcome.NEVER_ARRIVED, sent_at=clock.monotonic())
        await settle(manual)
        for _ in range(3):
            manual.advance(60)
            await settle(manual)
        assert probe.calls == 3
        assert monitor.state is Connectivity.OFFLINE


async def test_no_probing_while_online(manual: ManualClock) -> None:
    probe = ScriptedProbe()
    monitor = ConnectivityMonitor(probe, probe_interval=5)
    async with running(monitor):
        await asyncio.sleep(0)
        manual.advance(3600)
        await asyncio.sleep(0)
        assert probe.calls == 0


def test_clock_skew_beyond_two_minutes_is_warned(
    manual: ManualClock, caplog: pytest.LogCaptureFixture
) -> None:
    monitor = ConnectivityMonitor(ScriptedProbe())
    monitor.note_server_date(format_datetime(manual.now() - timedelta(seconds=90), usegmt=True))
    assert not monitor.clock_skewed
    with caplog.at_level(logging.WARNING):
        monitor.note_server_date(format_datetime(manual.now() + timedelta(minutes=3), usegmt=True))
    assert monitor.clock_skewed
    assert "clock is -180 s off" in caplog.text


def test_an_unreadable_date_header_is_ignored() -> None:
    monitor = ConnectivityMonitor(ScriptedProbe())
    monitor.note_server_date("yesterday-ish")
    assert monitor.skew is None


def test_listeners_hear_when_the_clock_starts_and_stops_disagreeing(manual: ManualClock) -> None:
    # The window's bar says so at once, and takes it back at the next answer that agrees.
    monitor = ConnectivityMonitor(ScriptedProbe())
    heard: list[bool] = []
    monitor.subscribe_clock(lambda: heard.append(monitor.clock_skewed))
    monitor.note_server_date(format_datetime(manual.now(), usegmt=True))
    assert heard == []  # right from the start: nothing to say
    monitor.note_server_date(format_datetime(manual.now() + timedelta(hours=3), usegmt=True))
    monitor.note_server_date(format_datetime(manual.now() + timedelta(hours=2), usegmt=True))
    assert heard == [True]  # skewed once, however often it is seen
    monitor.note_server_date(format_datetime(manual.now(), usegmt=True))
    assert heard == [True, False]


# --- the heartbeat: a quiet till that believes itself online checks (architecture §4) ------------


class ScriptedCheck:
    """The heartbeat's check (``Line.check_connectivity``): proves what the test sets on the
    monitor, as the ping's answer would; counts its calls. ``hold`` keeps it waiting, as a ping
    does on the network."""

    def __init__(self, monitor: ConnectivityMonitor | None = None) -> None:
        self.monitor = monitor
        self.proves: Connectivity | None = Connectivity.ONLINE
        self.calls = 0
        self.hold: asyncio.Event | None = None
        self.cancelled = False

    async def __call__(self) -> None:
        self.calls += 1
        if self.hold is not None:
            try:
                await self.hold.wait()
            except asyncio.CancelledError:
                self.cancelled = True
                raise
        if self.monitor is not None and self.proves is not None:
            self.monitor.prove(self.proves)


def watched(
    check: ScriptedCheck, *, heartbeat: float = 30, busy: list[bool] | None = None
) -> ConnectivityMonitor:
    talking = busy if busy is not None else [False]
    monitor = ConnectivityMonitor(
        ScriptedProbe(), heartbeat=heartbeat, check=check, busy=lambda: talking[0]
    )
    check.monitor = monitor
    return monitor


async def test_a_quiet_till_finds_the_line_gone_within_one_heartbeat(manual: ManualClock) -> None:
    # Nobody redeems; the line drops. The bar must not say "Online" until the next customer.
    check = ScriptedCheck()
    monitor = watched(check)
    async with running(monitor):
        await settle(manual)
        manual.advance(29)
        await settle(manual)
        assert check.calls == 0  # not before a heartbeat of quiet
        check.proves = Connectivity.OFFLINE
        manual.advance(1)
        await settle(manual)
        assert check.calls == 1
        assert monitor.state is Connectivity.OFFLINE


async def test_a_line_that_holds_is_checked_once_a_heartbeat(manual: ManualClock) -> None:
    check = ScriptedCheck()
    monitor = watched(check)
    async with running(monitor):
        for _ in range(4):
            await settle(manual)
            manual.advance(30)
        await settle(manual)
        assert check.calls == 4
        assert monitor.state is Connectivity.ONLINE


async def test_a_real_answer_resets_the_wait(manual: ManualClock) -> None:
    check = ScriptedCheck()
    monitor = watched(check)
    async with running(monitor):
        for _ in range(6):  # a lookup every 20 s: the requests prove the line, no ping needed
            await settle(manual)
            manual.advance(20)
            monitor.report(None, sent_at=clock.monotonic())
        await settle(manual)
        assert check.calls == 0
        manual.advance(30)
        await settle(manual)
        assert check.calls == 1  # quiet again for a heartbeat


async def test_no_ping_while_a_request_is_out(manual: ManualClock) -> None:
    # A lookup or the drain is talking to the server: its own answer will say, so no ping joins it.
    check = ScriptedCheck()
    busy = [True]
    monitor = watched(check, busy=busy)
    async with running(monitor):
        for _ in range(5):
            await settle(manual)
            manual.advance(30)
        await settle(manual)
        assert check.calls == 0
        busy[0] = False
        manual.advance(30)
        await settle(manual)
        assert check.calls == 1


async def test_a_heartbeat_of_zero_sends_nothing(manual: ManualClock) -> None:
    check = ScriptedCheck()
    monitor = watched(check, heartbeat=0)
    async with running(monitor):
        await asyncio.sleep(0)
        for _ in range(10):
            manual.advance(3600)
            await asyncio.sleep(0)
        assert check.calls == 0


async def test_no_heartbeat_while_offline_or_degraded(manual: ManualClock) -> None:
    # The probe asks then (with its backoff); the heartbeat is for a till that believes itself
    # online.
    check = ScriptedCheck()
    monitor = watched(check)
    async with running(monitor):
        monitor.report(Outcome.NEVER_ARRIVED, sent_at=clock.monotonic())
        for _ in range(5):
            await settle(manual)
            manual.advance(60)
        await settle(manual)
        assert check.calls == 0


async def test_a_check_that_fails_is_not_retried_at_once(
    manual: ManualClock, caplog: pytest.LogCaptureFixture
) -> None:
    # A check that breaks for a reason of its own proves nothing; it waits a heartbeat again
    # rather than spinning.
    class Broken(ScriptedCheck):
        async def __call__(self) -> None:
            self.calls += 1
            raise RuntimeError("disk says no")

    check = Broken()
    monitor = watched(check)
    async with running(monitor):
        await settle(manual)
        with caplog.at_level(logging.DEBUG):
            manual.advance(30)
            await settle(manual)
        for _ in range(20):
            await asyncio.sleep(0)
        assert check.calls == 1
        assert monitor.state is Connectivity.ONLINE
        manual.advance(30)
        await settle(manual)
        assert check.calls == 2


async def test_closing_stops_the_heartbeat_mid_check(manual: ManualClock) -> None:
    check = ScriptedCheck()
    check.hold = asyncio.Event()
    monitor = watched(check)
    monitor.start()
    await settle(manual)
    manual.advance(30)
    for _ in range(20):
        await asyncio.sleep(0)
    assert check.calls == 1  # the ping is on the network
    await monitor.stop()
    assert check.cancelled  # not left running after the till closed
    manual.advance(3600)
    for _ in range(20):
        await asyncio.sleep(0)
    assert check.calls == 1
    assert manual.sleepers == 0


@pytest.mark.parametrize("steps", range(1, 5))  # (at 0 the stop never began)
async def test_a_stop_cancelled_as_it_waits_stays_cancelled(
    manual: ManualClock, steps: int
) -> None:
    # The window's close stops the monitor; were the close itself cancelled meanwhile (Ctrl-C
    # twice, a timeout around it), the stop waiting for the monitor's task took that cancellation
    # in as the task's own and the close went on as if never cancelled.
    monitor = watched(ScriptedCheck())
    monitor.start()
    await settle(manual)
    await stop_cancelled_after(steps, monitor.stop)


def test_an_answer_lost_on_a_request_sent_before_the_server_last_answered_leaves_it_online(
    manual: ManualClock,
) -> None:
    # Seen behind a proxy that hung and came back with its connections dead: a lookup made the
    # bar read Online, and Ayu's resend, sent on a dead connection before the line came back,
    # ended at its read timeout 7 s later and turned the bar Degraded for 5 s more, the line
    # working all along. A newer answer says more of the line than an older request's silence.
    monitor = ConnectivityMonitor(ScriptedProbe(), initial=Connectivity.DEGRADED)
    sent = clock.monotonic()  # the resend leaves into the hang
    manual.advance(3)
    monitor.report(None, sent_at=clock.monotonic())  # the line is back: a lookup is answered
    manual.advance(7)
    monitor.report(Outcome.AMBIGUOUS, sent_at=sent)  # the resend's read timeout
    assert monitor.state is Connectivity.ONLINE
    # a request sent since the server last answered still tells
    monitor.report(Outcome.AMBIGUOUS, sent_at=clock.monotonic())
    assert monitor.state is Connectivity.DEGRADED


async def test_a_request_sent_before_the_probe_found_the_line_back_is_lost_to_the_outage(
    manual: ManualClock,
) -> None:
    # The same hang as above, the line found back by the probe's pong rather than an answer:
    # the resend's read timeout turned the bar Degraded again for a probe's wait.
    probe = ScriptedProbe()
    monitor = ConnectivityMonitor(probe, probe_interval=5, probe_cap=10)
    async with running(monitor):
        monitor.report(Outcome.AMBIGUOUS, sent_at=clock.monotonic())  # the line hangs
        await settle(manual)
        resend = clock.monotonic()  # Ayu's resend leaves into the hang
        probe.answer = Connectivity.ONLINE
        manual.advance(5)
        for _ in range(50):
            await asyncio.sleep(0)
            if monitor.state is Connectivity.ONLINE:
                break
        assert monitor.state is Connectivity.ONLINE
        manual.advance(7)
        monitor.report(Outcome.AMBIGUOUS, sent_at=resend)  # its read timeout
        assert monitor.state is Connectivity.ONLINE


async def test_sends_that_time_out_keep_the_till_degraded_though_pings_answer(
    manual: ManualClock,
) -> None:
    """Every send of a redemption timed out while the pings answered: each ping turned the bar
    back to a green "Online" within seconds, for minutes on end. Until a send is answered, an
    answered ping or lookup leaves the till degraded."""
    probe = ScriptedProbe()
    probe.answer = Connectivity.ONLINE
    monitor = ConnectivityMonitor(probe, probe_interval=5, probe_cap=10)
    async with running(monitor):
        monitor.report_send(Outcome.AMBIGUOUS, sent_at=clock.monotonic())
        await settle(manual)
        for _ in range(3):  # thirty seconds of pings answered
            manual.advance(10)
            await settle(manual)
        assert probe.calls >= 3
        monitor.report(None, sent_at=clock.monotonic())  # a lookup answered
        assert monitor.state is Connectivity.DEGRADED and monitor.sends_failing
        monitor.report_send(None, sent_at=clock.monotonic())  # a send got through
        assert monitor.state is Connectivity.ONLINE and not monitor.sends_failing


@pytest.mark.parametrize(
    ("outcome", "status", "failing"),
    [
        (Outcome.NEVER_ARRIVED, None, False),  # an outage: "Offline" says it
        (Outcome.NEVER_ARRIVED, 429, False),  # turned away to be sent again: answered
        (Outcome.NEVER_ARRIVED, 503, True),
        (Outcome.AMBIGUOUS, None, True),
    ],
)
def test_which_sends_keep_the_till_degraded(
    outcome: Outcome, status: int | None, failing: bool
) -> None:
    monitor = ConnectivityMonitor(ScriptedProbe())
    monitor.report_send(outcome, status_code=status, sent_at=clock.monotonic())
    monitor.prove(Connectivity.ONLINE)
    assert monitor.sends_failing is failing
    assert (monitor.state is Connectivity.ONLINE) is not failing


def test_nothing_left_to_send_lets_the_pings_speak_again() -> None:
    monitor = ConnectivityMonitor(ScriptedProbe())
    monitor.report_send(Outcome.AMBIGUOUS, sent_at=clock.monotonic())
    monitor.forget_failed_sends()
    monitor.prove(Connectivity.ONLINE)
    assert monitor.state is Connectivity.ONLINE


async def test_an_answer_to_a_request_older_than_the_failure_is_checked_not_believed(
    manual: ManualClock,
) -> None:
    # Seen in CI: the worker's feed read left, was answered as the line dropped, and was read
    # only after a lookup sent later had failed to connect; it turned the till Online again and
    # the next redemptions were sent as online with no line. Its bytes may have come in before
    # the line went: the state stays, and a probe goes out at once to find out.
    probe = ScriptedProbe()
    monitor = ConnectivityMonitor(probe, probe_interval=5, probe_cap=10)
    async with running(monitor):
        feed_read = clock.monotonic()
        manual.advance(1)
        monitor.report(Outcome.NEVER_ARRIVED, sent_at=clock.monotonic())  # the lookup
        await settle(manual)
        assert monitor.state is Connectivity.OFFLINE
        monitor.report(None, sent_at=feed_read)  # the older request's answer, read now
        assert monitor.state is Connectivity.OFFLINE
        assert not monitor.heard_within(5.0)
        probe.answer = Connectivity.ONLINE
        for _ in range(50):  # the probe goes without waiting out the back-off
            await asyncio.sleep(0)
            if monitor.state is Connectivity.ONLINE:
                break
        assert probe.calls == 1
        assert monitor.state is Connectivity.ONLINE
        # a request that left after the failure is believed at once
        monitor.report(Outcome.NEVER_ARRIVED, sent_at=clock.monotonic())
        manual.advance(1)
        monitor.report(Outcome.APPLIED, sent_at=clock.monotonic())
        assert monitor.state is Connectivity.ONLINE


async def test_a_request_that_left_before_an_answer_was_read_still_takes_the_till_off_line(
    manual: ManualClock,
) -> None:
    # Seen in CI: the worker's feed read was answered as the line dropped, and its answer read
    # only after a lookup had left into the outage; the lookup's failure then looked older than
    # the answer and was ignored, and the till stayed Online with no line.
    probe = ScriptedProbe()
    monitor = ConnectivityMonitor(probe, probe_interval=5, probe_cap=10)
    async with running(monitor):
        feed_read = clock.monotonic()
        manual.advance(1)
        lookup = clock.monotonic()
        manual.advance(1)
        monitor.report(None, sent_at=feed_read)  # its answer, read after the lookup left
        assert monitor.state is Connectivity.ONLINE
        monitor.report(Outcome.NEVER_ARRIVED, sent_at=lookup)
        assert monitor.state is Connectivity.OFFLINE


async def test_a_ping_answered_before_the_failure_does_not_make_the_till_online(
    manual: ManualClock,
) -> None:
    # The same for a check of the server's own (the heartbeat's ping): its pong, read after a
    # lookup sent later had failed to connect, is checked, not believed.
    probe = ScriptedProbe()
    monitor = ConnectivityMonitor(probe, probe_interval=5, probe_cap=10)
    async with running(monitor):
        ping = clock.monotonic()
        manual.advance(1)
        monitor.report(Outcome.NEVER_ARRIVED, sent_at=clock.monotonic())  # the lookup
        await settle(manual)
        monitor.prove(Connectivity.ONLINE, sent_at=ping)
        assert monitor.state is Connectivity.OFFLINE
        monitor.prove(Connectivity.ONLINE, sent_at=clock.monotonic())  # a ping sent after it
        assert monitor.state is Connectivity.ONLINE
