"""Is this till able to work, and if not, what to do: the checks behind ``stamps-pos doctor`` and
the support bundle. Each check is a :class:`Check` saying ok, warn or fail, with a fix for each
problem. Nothing here changes the till: the database is opened read-only, the data folder is only
written to test that it can be (a file created and removed), and no entry is sent.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import ssl
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import sqlalchemy as sa
from sqlmodel import Session

from app.core.credentials import Secret, keyring_backend
from app.core.messages import english
from app.core.offline.connectivity import SKEW_WARNING, Connectivity, ConnectivityMonitor
from app.core.outbox.status import OutboxStatus, read_status
from app.core.services.clock_check import CLOCK_BEHIND_WARNING
from app.core.services.config import TillConfig
from app.core.services.refused_words import https_address, paused_words
from app.core.stamps.client import StampsClient
from app.core.stamps.errors import (
    ConnectionFailed,
    CredentialsRejected,
    MalformedResponse,
    NetworkError,
    RateLimited,
    RequestTimedOut,
    ServerError,
    StampsError,
    WebPageAnswer,
)
from app.core.stamps.parsing import host_not_plain_ascii, origin_as_read
from app.core.storage.engine import create_engine
from app.core.storage.integrity import check as integrity_problems
from app.core.storage.migrate import DatabaseTooNew, current_revision, head_revision, refuse_unknown
from app.core.storage.problems import StorageProblem, broken_link

#: Exit codes a failed check asks for, as everywhere in the command line.
CONFIGURATION, UNREACHABLE, CREDENTIALS = 2, 3, 4
LOW_SPACE_WARN = 200 * 1024 * 1024
LOW_SPACE_FAIL = 20 * 1024 * 1024
OLD_QUEUED_SECONDS = 3600.0


class Status(StrEnum):
    """How a check came out."""

    OK = "ok"
    WARN = "warn"  # worth knowing; the till works
    FAIL = "fail"  # the till cannot do its job until this is fixed


@dataclass(frozen=True)
class Check:
    """One line of the doctor's report."""

    name: str
    status: Status
    detail: str
    fix: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    #: the exit code this check asks for when it fails
    exit_code: int = 0

    def as_json(self) -> dict[str, Any]:
        """The check as plain JSON values."""
        return asdict(self) | {"status": str(self.status)}


def ok(name: str, detail: str, **data: Any) -> Check:
    """A check that passed."""
    return Check(name, Status.OK, detail, data=data)


def warn(name: str, detail: str, fix: str, **data: Any) -> Check:
    """A check that found something a person should look at; the till still works."""
    return Check(name, Status.WARN, detail, fix, data=data)


def fail(name: str, detail: str, fix: str, code: int = CONFIGURATION, **data: Any) -> Check:
    """A check that found what stops the till, with the exit code it asks for."""
    return Check(name, Status.FAIL, detail, fix, data=data, exit_code=code)


# --- the data folder and the database ---------------------------------------------------------


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def check_data_folder(folder: Path) -> Check:
    """The folder exists (or can be made), is private, can be written, and has room."""
    name = "data folder"
    if not folder.exists():
        parent = next((p for p in folder.parents if p.exists()), None)
        if parent is None or not os.access(parent, os.W_OK | os.X_OK):
            return fail(name, f"{folder} does not exist and cannot be created", _fix_folder(folder))
        return ok(name, f"{folder} (created at the till's first start)", path=str(folder))
    if not folder.is_dir():
        return fail(name, f"{folder} is not a folder", "set data_dir to a folder")
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-"):
            pass
    except OSError as exc:
        return fail(
            name,
            f"{folder} cannot be written: {exc.strerror}",
            _fix_folder(folder),
            path=str(folder),
        )
    free = shutil.disk_usage(folder).free
    mode = _mode(folder)
    data = {"path": str(folder), "mode": f"{mode:o}", "free_bytes": free}
    detail = f"{folder} (mode {mode:o}, {_room(free)} free)"
    if free < LOW_SPACE_FAIL:
        fix = "free some disk space: the queue needs room to grow"
        return fail(name, detail, fix, CONFIGURATION, **data)
    if free < LOW_SPACE_WARN:
        return warn(name, detail, "free some disk space before the disk fills", **data)
    if mode & 0o077:
        return warn(name, detail, f"chmod 700 {folder}: it holds members' data", **data)
    return ok(name, detail, **data)


def _room(free: int) -> str:
    """Free space in the unit that shows it: 10 MB read "0.0 GB free" on a till whose disk was
    nearly full, as if it were full."""
    if free >= 1e9:
        return f"{free / 1e9:.1f} GB"
    if free >= 1e6:
        return f"{free / 1e6:.0f} MB"
    return f"{free / 1e3:.0f} kB"


def _fix_folder(folder: Path) -> str:
    return (
        f"make {folder} a folder the till's user can write (or set data_dir to one), "
        "and check the disk is not mounted read-only"
    )


@contextlib.contextmanager
def _read_only(db_path: Path) -> Iterator[sa.Connection]:
    # As the till reads a folder it cannot write: a plain mode=ro open would try to make the
    # log's index file beside the database, and on a read-only or full disk call a sound
    # database unreadable (and hide its queue).
    engine = create_engine(db_path, immediate=False, read_only=True)
    try:
        with engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()


def check_database(db_path: Path) -> tuple[Check, OutboxStatus | None]:
    """The schema revision against this version's, and the queue's counts, read read-only."""
    name = "database"
    try:
        head = head_revision()
    except Exception as exc:  # Alembic's own error types: the installation itself is broken
        return fail(
            name,
            f"this installation's database migrations cannot be read: {exc}",
            "reinstall Stamps POS",
        ), None
    link = broken_link(db_path)
    if link is not None:
        return fail(
            name, link.sentence, "mount the disk the link points to, or remove the link"
        ), None
    if not db_path.exists():
        return ok(name, f"none yet; created at the till's first start ({db_path})", head=head), None
    # Every page, indexes against their tables: more than the start's quick_check, so a damaged
    # page the till has not read yet is found here first.
    try:
        problems = integrity_problems(db_path, "integrity_check", read_only=True)
    except StorageProblem as exc:
        return fail(name, exc.sentence, "free space or fix the disk, then run doctor again"), None
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        return (
            fail(
                name,
                f"{db_path} is damaged: {problems[0]}{more}",
                "move it aside and start a new one: stamps-pos --accept-new-database outbox list "
                "(its readable entries are listed; `stamps-pos outbox export` keeps them)",
            ),
            None,
        )
    try:
        with _read_only(db_path) as connection:
            revision = current_revision(connection)
            refuse_unknown(db_path, revision)
            status = None
            if revision is not None:
                with Session(bind=connection) as session:
                    status = read_status(session)
    except DatabaseTooNew as exc:
        return fail(name, str(exc), "install the newer version again, or move it aside"), None
    except sa.exc.SQLAlchemyError as exc:
        reason = str(exc.orig) if isinstance(exc, sa.exc.DBAPIError) else type(exc).__name__
        return (
            fail(
                name,
                f"{db_path} cannot be read: {reason}",
                "run `stamps-pos outbox export` on a copy and ask support",
            ),
            None,
        )
    mode = _mode(db_path)
    data = {"path": str(db_path), "revision": revision, "head": head, "mode": f"{mode:o}"}
    if revision is None:
        return warn(name, f"{db_path} has no schema revision", "ask support", **data), None
    state = "up to date" if revision == head else f"migrated to {head} at the next start"
    detail = f"{db_path}, revision {revision} ({state})"
    if mode & 0o077:
        return warn(name, detail, f"chmod 600 {db_path}", **data), status
    return ok(name, detail, **data), status


def check_queue(status: OutboxStatus | None, base_url: str | None = None) -> Check:
    """Pending, unknown, rejected, paused, and the age of the oldest queued entry. Paused over
    plain http (``base_url``) by a server that asks for https, the fix is https, not a token."""
    name = "queue"
    if status is None:
        return ok(name, "nothing to read yet")
    data = queue_summary(status)
    oldest = status.oldest_queued_age
    age = f", oldest queued {_age(oldest)}" if oldest is not None else ""
    # a cancel only the dashboard can make is no refusal to retry (the window's bar says them
    # apart too): counted under "rejected", it sent a manager to `outbox retry` it
    refused = status.rejected - status.dashboard_cancels
    dashboard = (
        f", {status.dashboard_cancels} to cancel on the Stamps dashboard"
        if status.dashboard_cancels
        else ""
    )
    detail = (
        f"{status.pending} pending{age}, {status.unknown} unknown, {refused} rejected{dashboard}"
        f"{', paused' if status.paused else ''}"
    )
    if status.paused:
        why = paused_words(status.paused_reason, base_url or "")
        fix = "store the right token (`stamps-pos token set`)"
        if why.id == "queue.paused.https":
            fix = f"set base_url to {why.params['address']} (the server asks for https)"
        # In the till's words with the server's quoted: the record's own form ("CredentialsRejected:
        # Invalid token") put a class name of the till's code before a support person.
        counts = detail.removesuffix(", paused")
        return fail(
            name,
            f"{counts}. {english(why)}",
            f"{fix}, then `stamps-pos sync --once`",
            CREDENTIALS,
            **data,
        )
    if status.unknown or refused:
        return warn(
            name,
            detail,
            "a manager decides each: `stamps-pos outbox list --status unknown` (and rejected), "
            "then `outbox retry`, `outbox mark-applied` or `outbox dismiss`"
            + ("; " + _DASHBOARD_FIX if status.dashboard_cancels else ""),
            **data,
        )
    if status.dashboard_cancels:
        return warn(name, detail, _DASHBOARD_FIX, **data)
    if oldest is not None and oldest > OLD_QUEUED_SECONDS:
        return warn(name, detail, "is the till online? `stamps-pos sync --once` says why", **data)
    return ok(name, detail, **data)


def check_recorded_times(status: OutboxStatus | None) -> Check:
    """Whether the clock reads earlier than the last redemption the till queued: it was moved
    back since (a dead CMOS battery, a hand "fix"). Seen without the server, so offline too."""
    name = "recorded times"
    behind = status.clock_behind if status is not None else None
    if behind is None or behind <= CLOCK_BEHIND_WARNING:
        return ok(name, "the clock reads later than everything the till recorded")
    return warn(
        name,
        f"the clock reads {_span(behind)} earlier than the last redemption the till queued",
        "was the clock moved back? set the time right and keep it right (on Linux: "
        "timedatectl set-ntp true); an entry whose key the till can no longer vouch for "
        "goes unknown, for a manager",
        clock_behind_seconds=behind,
    )


#: What a manager does of a cancel the till could not send (its redemption has no server id).
_DASHBOARD_FIX = (
    "a manager cancels each redemption a cancel could not reach on the Stamps dashboard "
    "(`stamps-pos outbox list --status rejected` names them)"
)


def queue_summary(status: OutboxStatus) -> dict[str, Any]:
    """The queue's counts as JSON (no entry's content: nothing personal). ``rejected`` keeps
    its meaning, every entry of that status; ``failed`` and ``dashboard_cancels`` split it as
    the window's bar does ("Failed", "Cancel on dashboard")."""
    return {
        "pending": status.pending,
        "queued": status.queued,
        "sending": status.sending,
        "held": status.held,
        "unknown": status.unknown,
        "rejected": status.rejected,
        "failed": status.rejected - status.dashboard_cancels,
        "dashboard_cancels": status.dashboard_cancels,
        "paused": status.paused,
        "paused_reason": status.paused_reason,
        "oldest_queued_seconds": status.oldest_queued_age,
    }


def _age(seconds: float) -> str:
    return f"{_span(seconds)} ago"


def _span(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def check_keyring() -> Check:
    """Whether a system keyring can keep the token (else ``token set`` uses a 0600 file)."""
    backend = keyring_backend()
    if backend is None:
        return ok(
            "keyring", "none usable here; `stamps-pos token set` keeps the token in a 0600 file"
        )
    return ok("keyring", backend, backend=backend)


# --- the server -----------------------------------------------------------------------------


async def check_server(config: TillConfig, token: Secret) -> list[Check]:
    """DNS, TLS, ``/api/ping`` with the credentials, and the clock against the server's."""
    parts = urlsplit(config.base_url)
    host = parts.hostname or ""
    secure = parts.scheme == "https"
    port = parts.port or (443 if secure else 80)
    dns = await _check_dns(host, port, config.connect_timeout)
    if dns.status is Status.FAIL:
        return [dns]
    if not secure:
        return [dns, *await _check_ping(config, token)]
    tls = await _check_tls(host, port, config.connect_timeout)
    if tls.status is Status.FAIL:
        return [dns, tls]
    return [dns, tls, *await _check_ping(config, token)]


async def _check_dns(host: str, port: int, timeout: float) -> Check:  # noqa: ASYNC109
    started = time.perf_counter()
    try:
        found = await asyncio.wait_for(
            asyncio.get_running_loop().getaddrinfo(host, port, type=0), timeout
        )
    except (OSError, TimeoutError) as exc:
        reason = "no answer in time" if isinstance(exc, TimeoutError) else str(exc)
        return fail(
            "dns",
            f"cannot resolve {host}: {reason}",
            "check the network and its DNS server, and base_url",
            UNREACHABLE,
        )
    addresses = sorted({str(info[4][0]) for info in found})
    took = (time.perf_counter() - started) * 1000
    return ok("dns", f"{host}: {', '.join(addresses)} ({took:.0f} ms)", addresses=addresses)


async def _check_tls(host: str, port: int, timeout: float) -> Check:  # noqa: ASYNC109
    context = httpx.create_ssl_context()  # the same trust the till's requests use
    try:
        _, writer = await asyncio.wait_for(
            asyncio.open_connection(host, port, ssl=context, server_hostname=host), timeout
        )
    except ssl.SSLCertVerificationError as exc:
        return fail(
            "tls",
            f"{host}'s certificate is not trusted: {exc.verify_message}",
            "check the clock (certificates are dated); install ca-certificates; a proxy that "
            "inspects TLS needs its CA installed",
            UNREACHABLE,
        )
    except (OSError, TimeoutError) as exc:
        reason = "no answer in time" if isinstance(exc, TimeoutError) else str(exc)
        return fail(
            "tls",
            f"no TLS connection to {host}:{port}: {reason}",
            "check the network or firewall",
            UNREACHABLE,
        )
    tls = writer.get_extra_info("ssl_object")
    version = tls.version() if tls is not None else "?"
    writer.close()
    with contextlib.suppress(OSError, ssl.SSLError):
        await writer.wait_closed()
    return ok("tls", f"{host}: certificate verified ({version})", version=version)


def _server_trouble(failure: StampsError) -> str:
    """What ``/api/ping``'s failure says about the server, as a sentence; the record itself
    (class, status code, the server's words) is the check's ``record``, for support."""
    code = f" ({failure.status_code})" if failure.status_code else ""
    moved_to = getattr(failure, "moved_to", None)
    if moved_to:
        return f"the server sends the till to another address{code}: {origin_as_read(moved_to)}"
    if isinstance(failure, WebPageAnswer):
        return "a web page answered instead of the Stamps server"
    if isinstance(failure, ServerError):
        return f"the Stamps server answers with an error{code}: it is failing, not this till"
    if isinstance(failure, RateLimited):
        return "the Stamps server asks the till to slow down (too many requests)"
    if isinstance(failure, ConnectionFailed):
        return "the Stamps server cannot be reached from this till"
    if isinstance(failure, NetworkError | RequestTimedOut):
        return "the Stamps server did not answer in time"
    if isinstance(failure, MalformedResponse):
        return "the server's answer is not one the Stamps server gives"
    return f"the Stamps server did not answer the till's check as it should{code}"


def _server_fix(failure: StampsError) -> str:
    """What to do when ``/api/ping`` fails, as far as the failure tells."""
    moved_to = getattr(failure, "moved_to", None)
    if moved_to and host_not_plain_ascii(moved_to) is not None:
        # a name that only looks like the server's is where a till's token would be stolen
        return (
            "do not set base_url to that address: its name is not plain ASCII and may only look "
            "like the Stamps server's; ask Stamps support for the till's address"
        )
    if moved_to:
        return (
            f"set base_url to {origin_as_read(moved_to)}, the address the server sends the till to"
        )
    if isinstance(failure, ServerError):
        return (
            "nothing to change on this till: run doctor again in a few minutes; if it lasts, "
            "give Stamps support the detail line"
        )
    if isinstance(failure, WebPageAnswer):
        return (
            "sign this computer in to the network (a Wi-Fi login page answers for the server), "
            "or check base_url"
        )
    return "check the network, base_url, and that the server is up"


def _refused_credentials(config: TillConfig, refused: CredentialsRejected) -> Check:
    """The credentials check when ping is refused, with the server's own words: a 403 over
    plain http is the server refusing http ("Please use https instead of http", testing.rst §5),
    and a manager told only that the token is wrong would replace a token that works."""
    said = f"; it said: {refused.detail}" if refused.detail else ""
    fix = "store the right token: `stamps-pos token set`; check the auth setting"
    secure = https_address(config.base_url)
    if secure is not None:
        fix += f"; if the server asks for https, set base_url to {secure}"
    return fail(
        "credentials",
        f"the server refuses this token ({config.auth} style){said}",
        fix,
        CREDENTIALS,
    )


async def _check_ping(config: TillConfig, token: Secret) -> list[Check]:
    clock_check = ConnectivityMonitor(_never_probed)
    async with StampsClient(
        base_url=config.base_url,
        token=token.reveal(),
        merchant=config.merchant,
        store=config.store,
        auth=config.auth,
        connect_timeout=config.connect_timeout,
        read_timeout=config.read_timeout,
        on_server_date=clock_check.note_server_date,
        user_agent=config.user_agent,
    ) as client:
        started = time.perf_counter()
        try:
            pong = (await client.ping()).pong
        except CredentialsRejected as exc:
            return [_refused_credentials(config, exc)]
        except StampsError as exc:
            return [
                fail(
                    "server",
                    _server_trouble(exc),
                    _server_fix(exc),
                    UNREACHABLE,
                    status_code=exc.status_code,
                    record=f"/api/ping: {type(exc).__name__}: {exc.message}",
                )
            ]
    took = (time.perf_counter() - started) * 1000
    whose = pong.merchant or "the merchant"
    checks = [
        ok(
            "credentials",
            f"accepted for {whose} (id {pong.merchant_id}); /api/ping in {took:.0f} ms",
            merchant_id=pong.merchant_id,
            ping_ms=round(took),
        )
    ]
    if pong.merchant_id is not None and pong.merchant_id != config.merchant:
        checks.append(
            fail(
                "merchant",
                f"the token belongs to merchant {pong.merchant_id}; the settings say "
                f"{config.merchant}",
                "set merchant to the token's, or use this merchant's token",
            )
        )
    checks.append(_clock(clock_check.skew))
    return checks


async def _never_probed() -> Connectivity | None:
    return None


def _clock(skew: Any) -> Check:
    if skew is None:
        return warn(
            "clock", "the server sent no Date header; not compared", "compare the clock by hand"
        )
    seconds = skew.total_seconds()
    detail = f"{seconds:+.0f} s from the server's"
    if abs(skew) > SKEW_WARNING:
        return fail(
            "clock",
            detail,
            "set the time right and keep it right (on Linux: timedatectl set-ntp true): "
            "PIN timeouts, retries and 'as of' times depend on it",
            skew_seconds=seconds,
        )
    return ok("clock", detail, skew_seconds=seconds)


#: What a support bundle says about each entry that is not settled: nothing about the member
#: (no user, lane or payload: a member's email and phone are personal data). A database an older
#: release wrote lacks the later ones (``accepted_as``: migration 0013): they are left out of its
#: rows rather than losing every row to one missing column.
_ENTRY_COLUMNS = (
    "id",
    "seq",
    "kind",
    "status",
    "attempts",
    "provisional",
    "last_outcome",
    "last_error",
    "server_redemption_id",
    "expect_name",
    "expect_stamps",
    "terminal",
    "created_at",
    "updated_at",
    "first_sent_at",
    "accepted_as",
)
UNSETTLED = ("queued", "sending", "unknown", "rejected")


def unsettled_entries(db_path: Path, limit: int = 500) -> list[dict[str, Any]]:
    """The entries a person may have to look at (queued, sending, unknown, rejected), newest
    first, read read-only; an empty list when there is no readable database."""
    if not db_path.exists():
        return []
    marks = ", ".join("?" for _ in UNSETTLED)
    try:
        with _read_only(db_path) as connection:
            present = {
                row[1]
                for row in connection.exec_driver_sql("PRAGMA table_info(outbox_entries)").all()
            }
            columns = [name for name in _ENTRY_COLUMNS if name in present]
            query = (
                f"SELECT {', '.join(columns)} FROM outbox_entries "  # noqa: S608 - fixed names
                f"WHERE status IN ({marks}) ORDER BY seq DESC LIMIT ?"
            )
            rows = connection.exec_driver_sql(query, (*UNSETTLED, limit)).all()
    except sa.exc.SQLAlchemyError:
        return []
    return [dict(zip(columns, row, strict=True)) for row in rows]
