"""The headless twins of the cashier's and manager's actions: member find, redeem, cancel, sync
and the outbox commands. Each goes through :mod:`app.core.services`, exactly as the window does."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import logging
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import Any

from app import APP_NAME
from app.cli.common import (
    EXIT_NOT_CONFIRMED,
    EXIT_OK,
    EXIT_PAUSED,
    EXIT_REFUSED,
    EXIT_USAGE,
    Stop,
    counted,
    local_time,
    one_line,
    report_failure,
    token_source,
    waiting_for,
)
from app.cli.evidence import evidence_said, reason_said, store_codes
from app.cli.manager_sign_in import REFUSALS, ManagerPins, acting_manager, refusal_exit
from app.cli.parser import NAME
from app.cli.running import run as _run
from app.cli.running import stopped_by
from app.cli.running import till_for as _till
from app.config import ConfigError, load_settings
from app.core.services import (
    CatalogueUnavailable,
    ClockFault,
    ClockWarning,
    CredentialsRefused,
    DatabaseTooNew,
    EntryStatus,
    Explained,
    FoldedAttempts,
    InvalidOrder,
    Member,
    MemberNotFound,
    Message,
    NoSuchAccount,
    NotOnline,
    OperationKind,
    Order,
    PinRejected,
    PinRequired,
    Receipt,
    Refused,
    RuntimeOptions,
    Sale,
    Secret,
    StaffRefused,
    StorageProblem,
    Till,
    Verdict,
    VoucherFacts,
    counted_kind,
    english,
    failure_words,
    level_number,
    level_words,
    open_till,
    outcome_words,
    say,
)

log = logging.getLogger(__name__)

SYNC_ONCE_TIMEOUT = 300.0

_EXIT_FOR: dict[Verdict, int] = {
    Verdict.CONFIRMED: EXIT_OK,
    Verdict.CANCELLED: EXIT_OK,
    Verdict.CLOSED: EXIT_OK,
    Verdict.ACCEPTED_OFFLINE: EXIT_NOT_CONFIRMED,
    Verdict.NOT_CONFIRMED: EXIT_NOT_CONFIRMED,
    Verdict.REFUSED: EXIT_REFUSED,
    Verdict.NOT_REDEEMED: EXIT_REFUSED,
    Verdict.EXPIRED: EXIT_REFUSED,
}


def _cashier(args: argparse.Namespace) -> str:
    """``--cashier``, else the login name, held to the rule ``--cashier`` is held to (one line of
    printable UTF-8 text, at most 64 characters): it is stored with the entry and shown in the
    history and the shift's CSV. A name that fails is refused, never repeated."""
    if args.cashier:
        return str(args.cashier)
    try:
        login = os.environ.get("USER") or getpass.getuser()
    except (KeyError, OSError):  # no USER, LOGNAME...; a uid without a passwd entry
        raise Stop(
            EXIT_USAGE, "no login name to record as the cashier; pass --cashier NAME"
        ) from None
    try:
        return NAME(login)
    except argparse.ArgumentTypeError as refused:
        raise Stop(
            EXIT_USAGE,
            f"the login name ($USER) cannot be recorded as the cashier: {refused}; "
            "pass --cashier NAME",
        ) from None


async def _on_record(till: Till, cashier: str, *, given: bool) -> str:
    """``--cashier`` (``given``), else the login name, as this till's account spells it: a name
    no account has is refused. The login name went on the record unchecked ("root" among a
    till's cashiers in its history and end of day) while ``--cashier root`` was refused."""
    try:
        return await till.staff.cashier_on_record(cashier)
    except StaffRefused as refused:
        if isinstance(refused, NoSuchAccount) and not given:
            raise Stop(
                EXIT_USAGE,
                f"this till has cashier accounts, and the login name {cashier} is none of them: "
                f"pass --cashier NAME; `{APP_NAME} cashier list` shows this till's cashiers",
            ) from None
        # refused (1), as every name that names no one here is (the README's exit codes): it
        # exited 2, a usage error, where `cashier disable Rna` and `history --cashier Rna` say 1
        raise Stop(
            EXIT_REFUSED,
            f"{english(refused.said)} `{APP_NAME} cashier list` shows this till's cashiers",
        ) from None


def _print_receipt(receipt: Receipt, as_json: bool, extra: dict[str, Any] | None = None) -> None:
    if as_json:
        print(json.dumps(receipt.as_json() | (extra or {}), ensure_ascii=False))
        return
    print(f"{english(receipt.headline)}  [{receipt.status.value}]")
    if receipt.description:
        print(f"  {receipt.description}")
    attempts = counted(receipt.attempts, "attempt")
    print(f"  entry   {receipt.entry_id}  ({receipt.kind.value}, {attempts})")
    if receipt.server_redemption_id is not None:
        print(f"  server redemption id  {receipt.server_redemption_id}")
    if receipt.voucher_code:
        print(f"  voucher code  {receipt.voucher_code}")  # used, or issued by a reward
    if receipt.details is not None:
        print(f"  {english(receipt.details)}")
    print(f"  {english(receipt.what_to_do)}")


def _exit_for(receipt: Receipt, paused: Message | None, command: str) -> int:
    """The exit code for ``receipt``; ``paused``: why the queue is paused, if it is. What is
    said on stderr names ``command``, as every other refusal does ("stamps-pos: Cancel
    refused: …" named none)."""
    if paused is not None and receipt.status in (EntryStatus.QUEUED, EntryStatus.SENDING):
        report_failure(command, english(paused))
        return EXIT_PAUSED
    code = _EXIT_FOR[receipt.verdict]
    if code == EXIT_REFUSED:
        why = receipt.details or receipt.what_to_do
        report_failure(command, f"{english(receipt.headline)}: {english(why)}")
    return code


# --- member find ---------------------------------------------------------------------------------


def member_find(args: argparse.Namespace) -> int:
    """``stamps-pos member find QUERY``."""

    async def body() -> int:
        async with _till(args, worker=False) as till:
            try:
                member = await till.lookup.find_member(args.query)
            except MemberNotFound as exc:
                raise Stop(EXIT_REFUSED, str(exc)) from None
            except CredentialsRefused as exc:
                raise Stop(EXIT_PAUSED, str(exc)) from None
            except NotOnline as exc:
                raise Stop(EXIT_NOT_CONFIRMED, str(exc)) from None
            projected = await till.lookup.projected_stamps(member)
        _print_member(member, projected, args.json)
        return EXIT_OK

    return _run(args, body)


def _print_member(member: Member, projected: int | None, as_json: bool) -> None:
    level = level_words(member)
    data = {
        "id": member.server_id,
        "name": member.name,
        "email": member.email,
        "phone": member.phone,
        "member_ids": list(member.member_ids),
        "card_number": member.card_number,
        # as the plain output and the window say it ("Blue", "Level 2"); the number for a
        # script, when the server gave the level by its number alone
        "level": english(level) if level else None,
        "level_number": level_number(member),
        # null when the server did not give them: unknown, not 0
        "stamps": member.stamps,
        "projected_stamps": projected,
        "is_blocked": member.is_blocked,
        "redemption_allowed": member.redemption_allowed,
        "protected_redemption": member.protected_redemption,
        "pin_is_blocked": member.pin_is_blocked,
        "live": member.live,
        "fetched_at": member.fetched_at.isoformat(),
    }
    if as_json:
        print(json.dumps(data, ensure_ascii=False))
        return
    badges = [
        text
        for flag, text in [
            (member.is_blocked, "BLOCKED"),
            (not member.redemption_allowed, "redemption not allowed"),
            (member.protected_redemption, "PIN-protected"),
            (member.pin_is_blocked, "PIN blocked"),
        ]
        if flag
    ]
    print(
        f"{member.name}  ({english(level) if level else 'no level'})"
        + (f"  [{', '.join(badges)}]" if badges else "")
    )
    if member.stamps is None:
        print(f"  {english(say('member.stamps_unknown'))}")
    else:
        print(
            f"  stamps {member.stamps}"
            + (f" (projected {projected})" if projected != member.stamps else "")
        )
        if member.stamps < 0:  # as the window's card says it: no misprint
            print(f"  {english(say('member.below_zero'))}")
    for label, value in [
        ("email", member.email),
        ("phone", member.phone),
        ("member IDs", ", ".join(member.member_ids) or None),
        ("card", member.card_number),
    ]:
        if value:
            print(f"  {label}  {value}")
    if not member.live:
        print(f"  cached as of {member.fetched_at:%Y-%m-%d %H:%M} UTC")


# --- redeem --------------------------------------------------------------------------------------


async def _order(
    args: argparse.Namespace, till: Till, member: Member
) -> tuple[Order, VoucherFacts | None]:
    """The order the command names, and a voucher's facts when it spends one."""
    what = args.command.split()[1]
    catalogue = till.catalogue
    if what == "voucher":
        return await catalogue.voucher_order(member, args.voucher, whole=args.whole)
    if what == "deduct":
        return await catalogue.deduct_order(member, args.voucher, args.value)
    order: Order
    if what == "reward":
        order = await catalogue.reward_order(member, args.reward, qty=args.qty, stamps=args.stamps)
    elif what == "multi":
        order = await catalogue.cart_order(member, list(args.reward))
    elif what == "code":
        order = await catalogue.code_order(
            member, args.code, args.template, transaction_value=args.transaction_value
        )
    else:
        order = await catalogue.promo_order(member, args.code)
    return order, None


def _read_pin() -> Secret:
    """Six ASCII digits and a line end from standard input, read in bounded bytes; the refusal
    never repeats what was typed."""
    line = sys.stdin.buffer.readline(16).strip(b" \t\r\n")
    if not (len(line) == 6 and line.isdigit()):  # bytes.isdigit() is ASCII 0-9 only
        raise Stop(EXIT_USAGE, "the PIN on standard input must be exactly 6 digits (0-9)")
    return Secret(line.decode("ascii"))


def _asked_for(args: argparse.Namespace) -> tuple[OperationKind, Message]:
    """What the command asked for, in the words of a refusal made before there is an order."""
    what = args.command.split()[1]
    kind = OperationKind(what)
    if what in ("voucher", "deduct"):
        return kind, say("what.voucher", name=f"#{args.voucher}")
    if what in ("code", "promo"):
        return kind, say(f"what.{what}", code=args.code)
    if what == "reward":
        return kind, say("what.reward", name=f"#{args.reward}")
    # counted as what it holds, as the window records it: a cart of one line is a reward
    held = OperationKind(counted_kind(kind, len(args.reward)))
    return held, say("what.cart", items=", ".join(code for code, _, _ in args.reward))


def redeem(args: argparse.Namespace) -> int:
    """``stamps-pos redeem KIND ...``: resolve, check, enqueue, and (unless --queue-only) wait."""
    try:
        cashier = _cashier(args)
        with waiting_for("the member's PIN"):
            pin = _read_pin() if args.pin_stdin else None
    except Stop as stop:
        report_failure(args.command, stop.message)
        return stop.code

    async def body() -> int:
        async with _till(args, worker=not args.queue_only) as till:
            sale = Sale(
                cashier=await _on_record(till, cashier, given=bool(args.cashier)),
                invoice_number=args.invoice,
                channel=args.channel,
            )
            member: Member | None = None
            try:
                with _stopped_by_a_signal("before anything was queued: nothing was redeemed"):
                    member = await till.lookup.find_member(args.user)
                    order, voucher = await _order(args, till, member)
                with _stopped_by_a_signal(
                    "while the redemption was being queued: `stamps-pos outbox list` shows "
                    "whether it was, before you redeem it again"
                ):
                    receipt = await _redeem(till, order, member, sale, voucher, pin)
            except MemberNotFound as exc:
                raise Stop(EXIT_REFUSED, str(exc)) from None
            except CredentialsRefused as exc:
                raise Stop(EXIT_PAUSED, str(exc)) from None
            except PinRejected as exc:
                left = (
                    f" ({counted(exc.attempts_left, 'attempt')} left)"
                    if exc.attempts_left is not None
                    else ""
                )
                raise Stop(EXIT_REFUSED, f"{exc}{left}") from None
            except Refused as exc:  # the till has put it on the shift's record already
                raise Stop(EXIT_REFUSED, str(exc)) from None
            except (InvalidOrder, CatalogueUnavailable) as exc:
                if not exc.asks_first:  # a value to put right is no customer turned away
                    kind, what = _asked_for(args)
                    await till.redeemer.record_refusal(
                        member, sale, kind=kind, what=what, reason=exc.message, verdict=exc.verdict
                    )
                code = EXIT_REFUSED if isinstance(exc, InvalidOrder) else EXIT_NOT_CONFIRMED
                raise Stop(code, str(exc)) from None
            if not args.queue_only:  # queued only: "not confirmed" (3), like any queued entry
                entry = receipt.entry_id
                with _stopped_by_a_signal(
                    f"while waiting for the server's answer: entry {entry} was queued and stands "
                    f"(not confirmed here); `stamps-pos outbox show {entry}` says how it ended, "
                    "and the next `stamps-pos sync` sends it if it was not sent: do not redeem "
                    "it again"
                ):
                    receipt = await till.answer(receipt)
            paused = await _why_paused(till)
        _print_receipt(receipt, args.json)
        return _exit_for(receipt, paused, args.command)

    return _run(args, body)


@contextmanager
def _stopped_by_a_signal(where: str) -> Iterator[None]:
    """Ctrl-C or SIGTERM (the main task cancelled) inside the block: a :class:`Stop` that says
    what the stop left, exit 130 or 143. A bare exit after a redemption was queued reads as
    "nothing happened", and the member's redemption would be made twice."""
    try:
        yield
    except asyncio.CancelledError:
        signal_name, code = stopped_by()
        raise Stop(code, f"stopped by {signal_name} {where}") from None


async def _redeem(
    till: Till,
    order: Order,
    member: Member,
    sale: Sale,
    voucher: VoucherFacts | None,
    pin: Secret | None,
) -> Receipt:
    """The order queued, as the window queues it: the till's own rules first, and only an order
    they pass, for a member whose redemptions need it, has the PIN checked by the server (each
    wrong PIN it sees costs the member one of their attempts)."""
    try:
        receipt = await till.redeemer.redeem(order, member, sale, voucher=voucher)
    except PinRequired as required:
        if pin is None:
            raise Stop(
                EXIT_REFUSED, f"{required} Give it on standard input with --pin-stdin."
            ) from None
        request_id = await till.redeemer.authorize_pin_for(order, member, sale, pin)
        return await till.redeemer.redeem(
            order,
            member,
            sale,
            voucher=voucher,
            request_id=request_id,
            approval=required.approval,
        )
    if pin is not None:  # the window would not have asked: the server is not asked either
        needs_none = (
            "a voucher code needs no PIN"  # by-voucher-code takes no PIN check's request_id
            if member.protected_redemption
            else f"{member.name}'s redemptions need no PIN"
        )
        print(f"{APP_NAME}: {needs_none}: the one given was not checked", file=sys.stderr)
    return receipt


# --- cancel --------------------------------------------------------------------------------------


def cancel(args: argparse.Namespace) -> int:
    """``stamps-pos cancel ENTRY_ID | --server-id N [--user ID] --manager NAME``: a manager's
    cancel, their PIN on standard input."""

    async def body() -> int:
        pins = ManagerPins()
        async with _till(args, worker=True) as till, acting_manager(till, args, pins):
            try:
                if args.entry_id is not None:
                    receipt = await till.manager.cancel(
                        args.entry_id, replacement_voucher=args.replacement_voucher, note=args.note
                    )
                else:
                    receipt = await till.manager.cancel_by_server_id(
                        args.server_id,
                        member=args.user,
                        replacement_voucher=args.replacement_voucher,
                        note=args.note,
                    )
            except REFUSALS as exc:
                raise refusal_exit(exc) from None
            if receipt.status in (EntryStatus.QUEUED, EntryStatus.SENDING):
                receipt = await till.wait(receipt.entry_id, seen=receipt.attempts)
            paused = await _why_paused(till)
        _print_receipt(receipt, args.json)
        return _exit_for(receipt, paused, args.command)

    return _run(args, body)


# --- sync ----------------------------------------------------------------------------------------


def sync(args: argparse.Namespace) -> int:
    """``stamps-pos sync [--once] [--timeout S]``."""

    async def body() -> int:
        async with _till(args, worker=False) as till:
            if args.once:
                timeout = args.timeout or SYNC_ONCE_TIMEOUT
                deadline = asyncio.get_running_loop().time() + timeout
                status = await till.sync(timeout)
                await _upkeep_if_due(till, deadline)
            else:
                stop = asyncio.Event()
                loop = asyncio.get_running_loop()
                for sig in (signal.SIGINT, signal.SIGTERM):
                    loop.add_signal_handler(sig, stop.set)
                till.start_sync()
                # beside the sending, as the window's; cron's hourly sync rounds once a day
                till.upkeep.start(when_due=True)
                with suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), args.timeout)
                status = await till.status()
            clock_warning = till.clock_warning(status)
        # a cancel only the Stamps dashboard can make is no refusal: said apart, as the bar does
        print(
            f"queued {status.queued}, sending {status.sending}, unknown {status.unknown}, "
            f"rejected {status.rejected - status.dashboard_cancels}"
            + (
                f", cancel on dashboard {status.dashboard_cancels}"
                if status.dashboard_cancels
                else ""
            )
            + ("; PAUSED: credentials refused" if status.paused else "")
        )
        if clock_warning is not None:  # said, not failed: the exit code is the queue's
            print(f"{APP_NAME}: warning: {_clock_words(clock_warning)}", file=sys.stderr)
        if status.paused:
            print(f"{APP_NAME}: {english(till.line.why_paused(status))}", file=sys.stderr)
            return EXIT_PAUSED
        # unknown entries are not confirmed either: `sync --once && …` must not read them as done
        settled = status.pending == 0 and status.unknown == 0
        return EXIT_OK if settled else EXIT_NOT_CONFIRMED

    return _run(args, body)


async def _upkeep_if_due(till: Till, deadline: float) -> None:
    """The till's daily upkeep (it forgets what it has kept long enough, folds old attempts)
    when no round was done for a day, after the queue is sent: a store whose till is only ever
    ``sync --once`` from cron never ran it. Cut short at ``--timeout``: what it did stands,
    and the next run goes on."""
    left = deadline - asyncio.get_running_loop().time()
    if left <= 0:
        return
    try:
        await asyncio.wait_for(till.upkeep.round_if_due(), left)
    except TimeoutError:
        log.info("the upkeep round was cut short by --timeout; the next sync goes on with it")


def _clock_words(warning: ClockWarning) -> str:
    """A wrong clock, for whoever reads ``sync``'s output (the window's bar says it too)."""
    minutes = warning.minutes  # to the nearest: 299 s is 5 min
    span = f"{minutes // 60} h {minutes % 60} min" if minutes >= 60 else f"{minutes} min"
    said = {
        ClockFault.BEHIND: f"the till's clock is {span} behind the Stamps server's",
        ClockFault.AHEAD: f"the till's clock is {span} ahead of the Stamps server's",
        ClockFault.MOVED_BACK: (
            f"the till's clock reads {span} earlier than the last redemption it recorded"
        ),
    }[warning.fault]
    return f"{said}; set the time right (on Linux: timedatectl set-ntp true)"


async def _why_paused(till: Till) -> Message | None:
    """Why the queue is paused (the server's words, https when it asks for it), if it is."""
    status = await till.status()
    return till.line.why_paused(status) if status.paused else None


# --- the token -----------------------------------------------------------------------------------


def resume_after_token_change(args: argparse.Namespace) -> Message | None:
    """After ``token set``: lift a credentials pause now if the new token works (the window and
    the next start would too). ``None`` when the till is not set up yet or was not paused."""
    try:
        settings = load_settings(Path(args.config) if args.config else None)
    except ConfigError:
        return None  # no till here yet: nothing can be paused
    token = token_source(args)()
    if token is None:
        return None

    async def body() -> Message | None:
        options = RuntimeOptions(
            start_worker=False, token_source=token_source(args), resume_at_start=False
        )
        async with open_till(settings.till_config(), token, options) as till:
            return await till.line.resume_after_credentials_change()

    try:
        return asyncio.run(body())
    except (DatabaseTooNew, StorageProblem, OSError, Explained):
        return None  # the till says what is wrong with its database when it next opens


# --- outbox --------------------------------------------------------------------------------------


def outbox_list(args: argparse.Namespace) -> int:
    """``stamps-pos outbox list [--status S] [--limit N]``: the newest ``N`` entries, oldest
    first; how many more there are goes to stderr, so ``--json`` stays whole JSON."""

    async def body() -> int:
        async with _till(args, worker=False) as till:
            status = EntryStatus(args.status) if args.status else None
            receipts = await till.receipts(status, newest=args.limit)
            left_out = await till.entry_count(status) - len(receipts) if receipts else 0
        if args.json:
            print(json.dumps([r.as_json() for r in receipts], ensure_ascii=False))
        elif not receipts:
            # As history says it: an empty outbox printed nothing at all, which read as a
            # command that had not run (or whose output was lost).
            print("no outbox entries match")
        else:
            for r in receipts:
                print(_outbox_line(r))
        if left_out > 0:  # after the listing, where a person reads on from
            print(
                f"{args.command}: the newest {len(receipts)} shown, {left_out} older not "
                "(--limit N for more, --status to narrow)",
                file=sys.stderr,
            )
        return EXIT_OK

    return _run(args, body)


def _outbox_line(r: Receipt) -> str:
    """One entry of ``outbox list``: the outbox's own view (its state in brackets, the lane it
    is sent in), in the words ``history`` and the receipt use for what they share: the time on
    the till's clock, the verdict's headline, the member's name."""
    server = (
        "no server id" if r.server_redemption_id is None else f"server {r.server_redemption_id}"
    )
    return one_line(
        f"{r.entry_id}  {local_time(r.created_at)}  {r.kind.value:<7} "
        f"{english(r.headline)}  [{r.status.value}]  {server}  {r.member} ({r.lane})"
    )


def outbox_show(args: argparse.Namespace) -> int:
    """``stamps-pos outbox show ID``: the entry with its attempts."""

    async def body() -> int:
        async with _till(args, worker=False) as till:
            try:
                receipt = await till.receipt(args.entry_id)
                attempts = await till.attempts(args.entry_id)
                folded = await till.folded_attempts(args.entry_id)
            except KeyError:
                # refused (1), as a cancel or a decision on it is and as an unknown member or
                # cashier is: the id is well formed (the parser checked) and names nothing here
                no_entry = english(say("decision.no_entry", entry_id=args.entry_id))
                raise Stop(EXIT_REFUSED, no_entry) from None
            config = till.config
            base_url = config.base_url
            # What the member's activity showed, as `exceptions` and the window's Exceptions
            # print it: for an entry waiting on a manager, this printed none of it.
            waiting = (
                [i for i in await till.history.exceptions() if i.row.entry_id == receipt.entry_id]
                if receipt.status is EntryStatus.UNKNOWN
                else []
            )
        codes = store_codes(config)
        evidence = [
            found
            for item in waiting
            for found in evidence_said(item, base_url=base_url, store_codes=codes)
        ]
        rows = [
            {
                "number": a.number,
                "started_at": a.started_at.isoformat(),
                "ended_at": a.ended_at.isoformat() if a.ended_at else None,
                "outcome": a.outcome,
                "status_code": a.status_code,
                "error": a.error,
                "error_words": _failure_sentence(a.error, base_url),
            }
            for a in attempts
        ]
        extra = {
            "last_error_words": _failure_sentence(receipt.last_error, base_url),
            "evidence": waiting[0].evidence if waiting else None,
            "evidence_words": evidence,
            "attempts_detail": rows,
            # the attempts between the first few and the last ones that never arrived, counted
            "attempts_folded": [
                {
                    "outcome": f.outcome,
                    "count": f.count,
                    "first_started_at": f.first_started_at.isoformat(),
                    "last_ended_at": f.last_ended_at.isoformat(),
                }
                for f in folded
            ],
        }
        _print_receipt(receipt, args.json, extra if args.json else None)
        if not args.json:
            for item in waiting:
                print(f"  reason  {reason_said(item)}")
            if evidence:
                print("  evidence")
                for found in evidence:
                    print(f"    {found}")
            if receipt.attempts > len(attempts):
                print(
                    f"  {counted(len(attempts), 'attempt')} of {receipt.attempts} listed; "
                    "the others never reached the Stamps server and are counted in one line"
                )
            for number, attempt in enumerate(attempts, start=1):
                if folded and attempt.number > number:
                    for line in folded:
                        print(_folded_line(line))
                    folded = []
                failure = _failure_sentence(attempt.error, base_url)
                sentence = failure or _outcome_sentence(attempt.outcome)
                if attempt.ended_at is None:
                    sentence = "under way: no answer yet"
                # the outcome once: "applied by the server" read on both lines of an attempt
                said = failure is None and attempt.ended_at is not None
                outcome = None if said else attempt.outcome
                recorded = _recorded(outcome, attempt.status_code, attempt.error)
                print(_attempt_line(attempt.number, attempt.started_at, sentence))
                if recorded:
                    print(f"      detail: {recorded}")
        return EXIT_OK

    return _run(args, body)


def _folded_line(folded: FoldedAttempts) -> str:
    """Attempts counted, not listed, as one line among the listed ones."""
    first = folded.first_started_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    last = folded.last_ended_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    sentence = _outcome_sentence(folded.outcome)
    return f"  {counted(folded.count, 'more attempt')}, {first} to {last}: {sentence}"


def _failure_sentence(record: str | None, base_url: str) -> str | None:
    """What a recorded failure means, as the window's details say it (``None``: none)."""
    said = failure_words(record, base_url=base_url)
    return english(said) if said is not None else None


def _outcome_sentence(outcome: str) -> str:
    """What one attempt proved, in the words the window's details use (an outcome the till
    does not know, as it was recorded)."""
    said = outcome_words(outcome)
    return english(said) if said is not None else outcome


def _attempt_line(number: int, started_at: datetime, sentence: str) -> str:
    """An attempt as a manager reads it: when, and what its failure means (a sentence, not the
    record: "ServerError: 502 Bad Gateway" told a manager nothing they could act on)."""
    when = started_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    return f"  attempt {number}, {when}: {sentence}"


def _recorded(outcome: str | None, a_code: int | None, error: str | None) -> str:
    """The attempt as the till recorded it, for support: what it proved (in words: "outcome
    ambiguous" was the outbox's word, where the window says what it means; ``None`` when the
    attempt's line says it already), the server's status code and the error as it came.
    Semicolons apart: each part may hold commas and colons. Empty when nothing is left."""
    parts = [] if outcome is None else [_outcome_sentence(outcome)]
    if a_code:
        parts.append(f"HTTP {a_code}")
    if error:
        parts.append(one_line(error))
    return "; ".join(parts)


def _member_pin(pins: ManagerPins) -> Secret:
    """A member's PIN after the manager's: checked for shape first, since every one the server
    sees that is wrong costs the member an attempt."""
    pin = pins.read("the member's PIN")
    digits = pin.reveal()
    # str.isdigit() takes ２ and ٢ too: sent as they are, the server would count them a miss.
    if len(digits) != 6 or not (digits.isascii() and digits.isdigit()):
        raise Stop(EXIT_USAGE, "the member's PIN on standard input must be exactly 6 digits (0-9)")
    return pin


def outbox_decide(args: argparse.Namespace) -> int:
    """``stamps-pos outbox retry | mark-applied [--server-id N] | dismiss ID --note TEXT --manager
    NAME``: a manager's decision, their PIN on standard input (and a PIN member's after it, for
    a retry).

    A retry is sent at once and waited for, like a redemption: a PIN member's authorisation runs
    out if the new entry waits for another process to send it."""
    action = args.command.split()[1]

    async def body() -> int:
        pins = ManagerPins()
        retrying = action == "retry"
        async with _till(args, worker=retrying) as till, acting_manager(till, args, pins):
            try:
                if action == "retry":
                    # the entry's state first: a member types their PIN, and the server counts
                    # it, only for a retry that can happen
                    await till.manager.retry_needs_pin(args.entry_id)
                    member_pin = _member_pin(pins) if args.member_pin_stdin else None
                    receipt = await till.manager.retry(
                        args.entry_id, note=args.note, member_pin=member_pin
                    )
                elif action == "mark-applied":
                    receipt = await till.manager.mark_applied(
                        args.entry_id, note=args.note, server_id=args.server_id
                    )
                else:
                    receipt = await till.manager.dismiss(args.entry_id, note=args.note)
            except REFUSALS as exc:
                raise refusal_exit(exc) from None
            if not retrying:
                _print_receipt(receipt, False)
                return EXIT_OK
            receipt = await till.wait(receipt.entry_id, seen=receipt.attempts)
            paused = await _why_paused(till)
        _print_receipt(receipt, False)
        return _exit_for(receipt, paused, args.command)

    return _run(args, body)
