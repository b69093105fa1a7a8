"""The till's log: one line per event, the outbox entry it concerns named on it, secrets and
personal data masked, kept in rotating files in the data folder (on stderr when that folder cannot
be written: read-only, full, or not a folder).

Usage, once per process (the command line does it): :func:`start` with the verbosity of stderr,
then :func:`to_folder` once the data folder is known, :func:`stop` at the end. Code that logs about
an entry passes ``extra=entry(entry_id)``, or runs inside :func:`about_entry` (a context variable,
so every line of the task that sends an entry, the HTTP client's included, carries its id).

The masks are for text nobody checked: an exception message that quotes a request, a server that
echoes a header, a URL with ``token=`` in it. The token itself is also masked by value once the
process knows it (:func:`keep_secret`). Member emails and phone numbers never reach a log either
(Indonesia's personal data protection law, UU PDP): a support bundle carries these files.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from app.core.log_file import FolderLog

MASK = "**********"
LOG_FOLDER = "logs"
LOG_FILE = "stamps-pos.log"
#: Loggers that speak at INFO for every request or every database opened; the till logs its own
#: line for each request, and migrate() one for a migration.
CHATTY = ("httpx", "httpcore", "uvicorn.access", "alembic", "qasync")

_current_entry: ContextVar[str | None] = ContextVar("log_entry_id", default=None)


def entry(entry_id: str) -> dict[str, str]:
    """``extra=`` for a log call about one outbox entry."""
    return {"entry_id": entry_id}


@contextmanager
def about_entry(entry_id: str) -> Iterator[None]:
    """Every line logged in this block (and in tasks it starts) names ``entry_id``."""
    token = _current_entry.set(entry_id)
    try:
        yield
    finally:
        _current_entry.reset(token)


def set_entry(entry_id: str | None) -> None:
    """Name ``entry_id`` on every later line of the current task (a task has its own context,
    so this ends with the task)."""
    _current_entry.set(entry_id)


# --- redaction --------------------------------------------------------------------------------

_REDACTIONS: list[tuple[re.Pattern[str], str]] = [
    # an Authorization header in any dress: "Authorization: Token x", {'authorization': 'Bearer x'}
    (
        re.compile(
            r"(?i)(authorization[\"']?\s*[:=]\s*[\"']?\s*(?:(?:token|bearer|basic|jwt)\s+)?)"
            r"[^\s\"',;}\]]+"
        ),
        r"\1" + MASK,
    ),
    # a credential after the auth scheme, wherever it turns up
    (re.compile(r"\b(Token|Bearer)\s+[A-Za-z0-9._~+/=-]{8,}"), r"\1 " + MASK),
    # token=…, access_token: …, "token": "…" (query strings, form bodies, JSON, reprs)
    (
        re.compile(r"(?i)(\b[\w-]*token[\"']?\s*[:=]\s*[\"']?)[^\s\"'&,;}\]]+"),
        r"\1" + MASK,
    ),
    # a JWT (three base64url parts, the first a JSON header)
    (re.compile(r"\beyJ[\w-]+\.[\w-]+\.[\w-]*"), MASK),
    # a PIN: "pin": "123456", pin=123456, PIN 123456
    (re.compile(r"(?i)(\bpin\b[\"']?\s*[:= ]\s*[\"']?)\d{4,8}\b"), r"\1" + MASK),
    # a member's email, plain or URL-encoded
    (re.compile(r"[\w.+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"), "<email>"),
    # an Indonesian mobile number: 08…, 628…, +628…, %2B628…
    (re.compile(r"(?<![\w-])(?:(?:\+|%2B)?62|0)8\d{7,12}(?![\w-])"), "<phone>"),
]

_secrets: set[str] = set()
_secrets_lock = threading.Lock()


def keep_secret(value: str) -> None:
    """Mask ``value`` wherever it appears in a log line from now on (the API token, once
    loaded). Values shorter than six characters would mask ordinary words and are ignored."""
    if len(value) >= 6:
        with _secrets_lock:
            _secrets.add(value)


def forget_secrets() -> None:
    """Drop the values :func:`keep_secret` was given (at the end of a command)."""
    with _secrets_lock:
        _secrets.clear()


def redact(text: str) -> str:
    """``text`` with credentials, PINs, emails and phone numbers masked."""
    with _secrets_lock:
        known = sorted(_secrets, key=len, reverse=True)
    for secret in known:
        text = text.replace(secret, MASK)
    for pattern, replacement in _REDACTIONS:
        text = pattern.sub(replacement, text)
    return text


class RedactionFilter(logging.Filter):
    """Masks every record that reaches the handler it is attached to: the message, the
    traceback and the stack. Attached to handlers, not loggers, so records propagated from any
    library's logger pass through it. Never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record in place."""
        try:
            message = record.getMessage()
        except Exception:  # broken arguments: say so rather than lose the line
            message = f"{record.msg!r} (unformattable arguments)"
        record.msg, record.args = redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        if getattr(record, "entry_id", None) is None:
            setattr(record, "entry_id", _current_entry.get())  # noqa: B010 - LogRecord is open
        return True


# --- one line per event ------------------------------------------------------------------------

# Every line break Python's splitlines() knows (a reader of the file may split on any of them)
_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# The other C0 and C1 controls (U+009B is a CSI of its own) and lone surrogates, which no UTF-8
# file can hold: the handler would drop the whole line for one of them.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x9f\ud800-\udfff]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def one_line(text: str) -> str:
    """``text`` on one line: line breaks become `` | ``, other control characters ``\\xNN`` and
    a lone surrogate ``\\udNNN`` (a server's text cannot forge a line of its own, move a
    terminal's cursor or cost the line its place in the file)."""
    return _CONTROL.sub(_escaped, _BREAKS.sub(" | ", text))


class OneLineFormatter(logging.Formatter):
    """``2026-11-25T03:04:05.678Z INFO [pid] logger entry=…: message | traceback``, in UTC."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s [%(process)d] %(name)s%(entry)s: %(message)s")

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        """ISO 8601 in UTC, to the millisecond."""
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
        return f"{stamp}.{int(record.msecs):03d}Z"

    def format(self, record: logging.LogRecord) -> str:
        """The record on one line."""
        entry_id = getattr(record, "entry_id", None) or _current_entry.get()
        setattr(record, "entry", f" entry={entry_id}" if entry_id else "")  # noqa: B010
        return one_line(super().format(record))


# --- where the lines go ------------------------------------------------------------------------


class _Logs:
    """What :func:`start` installed, so :func:`stop` can take exactly that away again."""

    def __init__(self, stderr: logging.Handler, root_level: int) -> None:
        self.stderr = stderr
        self.folder: FolderLog | None = None
        self.root_level = root_level
        self.chatty_levels = {name: logging.getLogger(name).level for name in CHATTY}


_installed: _Logs | None = None


def _handler(handler: logging.Handler, level: int) -> logging.Handler:
    handler.setLevel(level)
    handler.addFilter(RedactionFilter())
    handler.setFormatter(OneLineFormatter())
    return handler


def start(verbosity: int = 0, stream: TextIO | None = None) -> None:
    """Log to stderr (``stream``): errors only, ``-v`` info, ``-vv`` debug. The root logger
    takes info from here on (debug with ``-vv``), for the file :func:`to_folder` adds."""
    global _installed
    stop()
    level = {0: logging.ERROR, 1: logging.INFO}.get(verbosity, logging.DEBUG)
    root = logging.getLogger()
    stderr = _handler(logging.StreamHandler(stream or sys.stderr), level)
    _installed = _Logs(stderr, root.level)
    root.addHandler(stderr)
    root.setLevel(logging.DEBUG if verbosity >= 2 else logging.INFO)
    if verbosity < 2:
        for name in CHATTY:
            logging.getLogger(name).setLevel(logging.WARNING)


def log_file(data_dir: Path) -> Path:
    """The current log file of the till whose data folder is ``data_dir``."""
    return data_dir / LOG_FOLDER / LOG_FILE


def to_folder(data_dir: Path, *, fallback: bool = True) -> Path | None:
    """Also keep the log in ``data_dir/logs`` (rotating); returns the file, or ``None`` when
    the folder cannot be written, in which case every line goes to stderr instead.

    ``fallback`` false (a headless command, whose stderr is its one-line answer): a line the file
    cannot take is dropped rather than sent to stderr; the command says what is wrong itself.
    """
    if _installed is None:
        start()
    assert _installed is not None
    if _installed.folder is not None:
        if Path(_installed.folder.baseFilename) == log_file(data_dir).absolute():
            return log_file(data_dir)
        _remove(_installed.folder)
        _installed.folder = None
    path = log_file(data_dir)
    try:
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.parent.mkdir(mode=0o700, exist_ok=True)
        from app.core.log_file import FolderLog

        handler = FolderLog(path, fallback=_stream_of(_installed.stderr), echo=fallback)
        handler.stream = handler._open()  # fail here, at start, rather than on the first line
    except OSError:
        # Silently: a command on a read-only folder has its own one-line message to give; the
        # window's lines that would have gone to the file go to stderr from here on.
        if fallback:
            _installed.stderr.setLevel(min(_installed.stderr.level, logging.INFO))
        return None
    _installed.folder = handler
    logging.getLogger().addHandler(_handler(handler, logging.DEBUG))
    return path


def _stream_of(handler: logging.Handler) -> TextIO | None:
    stream: Any = getattr(handler, "stream", None)
    return stream if stream is not None else None


def _remove(handler: logging.Handler) -> None:
    logging.getLogger().removeHandler(handler)
    with suppress(OSError):
        handler.close()


def stop() -> None:
    """Remove and close what :func:`start` and :func:`to_folder` installed; forget the secrets."""
    global _installed
    if _installed is None:
        return
    installed, _installed = _installed, None
    for handler in (installed.folder, installed.stderr):
        if handler is not None:
            _remove(handler)
    logging.getLogger().setLevel(installed.root_level)
    for name, level in installed.chatty_levels.items():
        logging.getLogger(name).setLevel(level)
    forget_secrets()
