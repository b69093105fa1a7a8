"""Where the API token lives: the environment, else the system keyring, else a 0600 file.

A headless till or CI may have no keyring backend, or a D-Bus with no secret service that makes a
keyring call block; every keyring call therefore runs in a daemon thread with a short deadline and
falls back to the file when it does not answer. The token is never written to the settings file,
the database or a log, and :class:`Secret` keeps it out of ``repr()`` and tracebacks.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from app.core.written_files import folder_in_the_way, folder_refusal

TOKEN_ENV = "STAMPS_POS_TOKEN"  # noqa: S105 - the variable name, not a token
KEYRING_SERVICE = "stamps-pos"
KEYRING_USER = "api-token"
KEYRING_DEADLINE_S = 2.0
#: Longer than any token Stamps issues, short enough to travel in one header line.
MAX_TOKEN_LENGTH = 4096
#: The shortest token a manager may set (``token set``, the settings). Every answer the till
#: keeps or shows has the token masked wherever it appears, and a token of one letter masked
#: every "t" of a member's name; a log masks no value shorter than six characters, so a token
#: that short would be written there as it is. Eight printable characters of a real token do
#: not turn up in a name or a reward; the docs' example token has 25, a JWT hundreds.
MIN_TOKEN_LENGTH = 8
#: What a paste or a file may put around a token; anything else is part of it (and refused).
AROUND = " \t\r\n"

log = logging.getLogger(__name__)
T = TypeVar("T")


class Secret:
    """A string that does not show itself: ``repr`` and ``str`` print asterisks."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        """The secret itself, for the one place that must send it."""
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


class CredentialsError(Exception):
    """No token could be found or stored. The message never holds the token itself.

    ``message_id`` and ``fields``: the same words as a message of :mod:`app.core.messages`
    (which this module may not import: the core's layers), so the page a till that cannot start
    shows says them in the window's language; ``None`` for what no start meets (a token typed).
    """

    def __init__(self, text: str, message_id: str | None = None, **fields: str | int) -> None:
        super().__init__(text)
        self.message_id = message_id
        self.fields: dict[str, str | int] = fields


def _refused(text: str, problem: str, place: str | None, **fields: str | int) -> CredentialsError:
    """``text`` refusing a token read from ``place`` (``env``, ``keyring``, ``file``), with the
    id of its message (``token.lines.file``)."""
    if place is None:
        return CredentialsError(text)
    return CredentialsError(text, f"token.{problem}.{place}", **fields)


def check_token(value: str, source: str, place: str | None = None, **where: str) -> str:
    """``value`` if it can be sent as it is, in a header or a JSON body: one word of printable
    ASCII, at most :data:`MAX_TOKEN_LENGTH` long. Else :class:`CredentialsError` naming ``source``
    (where the token came from) and what is wrong, never the token.

    A token the HTTP layer cannot encode would fail every request before it leaves, and the till
    would queue redemptions for ever without a reason a person could read. A value of more than
    one line is no token at all (a file pasted, two tokens), and is said to be so: its first
    line taken for the token would be kept without a word.

    ``place`` (``env``, ``keyring``, ``file``) and ``where`` (the variable, the file's path) give
    the refusal its message's id and fields (:class:`CredentialsError`).
    """
    if not value:
        raise CredentialsError(f"{source} is empty")
    if "\n" in value or "\r" in value:
        raise _refused(
            f"{source} cannot be sent: it holds more than one line, and a token is a single line "
            "(was a file, or two tokens, pasted?)",
            "lines",
            place,
            **where,
        )
    if len(value) > MAX_TOKEN_LENGTH:
        raise _refused(
            f"{source} cannot be sent: it is {len(value)} characters long, and a token is at "
            f"most {MAX_TOKEN_LENGTH}",
            "too_long",
            place,
            length=len(value),
            most=MAX_TOKEN_LENGTH,
            **where,
        )
    if not all("!" <= ch <= "~" for ch in value):
        raise _refused(
            f"{source} holds characters that cannot be sent (spaces, control characters or "
            "letters outside ASCII): a token is one word of printable ASCII",
            "characters",
            place,
            **where,
        )
    return value


def check_new_token(value: str, source: str) -> str:
    """:func:`check_token` for a token a manager sets, at least :data:`MIN_TOKEN_LENGTH` long.

    Only a new token is held to it: a till whose kept token is shorter still starts (refusing
    it would stop the shop over a rule that came after it), and sets a longer one when told."""
    check_token(value, source)
    if len(value) < MIN_TOKEN_LENGTH:
        raise CredentialsError(
            f"{source} is too short to be a token: a token is at least {MIN_TOKEN_LENGTH} "
            "characters (was it cut short when pasted?)"
        )
    return value


def typed_token(text: str) -> Secret:
    """A token as it was typed or pasted, without what a paste or a file puts around it (a
    line's end, spaces); :func:`check_token` says whether what is left can be one."""
    return Secret(text.strip(AROUND))


def _with_deadline(call: Callable[[], T], deadline: float) -> T | None:
    """Run ``call`` in a daemon thread; ``None`` if it raises or does not finish in time."""
    result: list[T] = []

    def run() -> None:
        try:
            result.append(call())
        except Exception as exc:  # any backend failure means "no keyring here"
            log.info("keyring unavailable: %s", type(exc).__name__)

    worker = threading.Thread(target=run, name="keyring-probe", daemon=True)
    worker.start()
    worker.join(deadline)
    if worker.is_alive():
        log.warning("keyring did not answer within %.0f s; using the token file", deadline)
        return None
    return result[0] if result else None


def _keyring_usable() -> bool:
    import keyring
    from keyring.backends import fail

    return not isinstance(keyring.get_keyring(), fail.Keyring)


def keyring_backend(*, deadline: float = KEYRING_DEADLINE_S) -> str | None:
    """The name of the system keyring the token would be kept in, or ``None`` when there is no
    usable one (or it does not answer within ``deadline``): then ``token set`` uses the file."""

    def probe() -> str | None:
        import keyring

        backend = keyring.get_keyring()
        return f"{type(backend).__module__}.{type(backend).__name__}" if _keyring_usable() else None

    return _with_deadline(probe, deadline)


def token_file(config_dir: Path) -> Path:
    """The fallback file that holds the token (mode 0600)."""
    return config_dir / "token"


def load_token(config_dir: Path, *, deadline: float = KEYRING_DEADLINE_S) -> Secret | None:
    """The token from the environment, the keyring or the file, in that order; ``None`` if none."""
    from_env = os.environ.get(TOKEN_ENV, "").strip(AROUND)
    if from_env:
        return Secret(check_token(from_env, TOKEN_ENV, "env", variable=TOKEN_ENV))

    def from_keyring() -> str | None:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, KEYRING_USER) if _keyring_usable() else None

    stored = _with_deadline(from_keyring, deadline)
    if stored:
        return Secret(
            check_token(stored.strip(AROUND), "the token in the system keyring", "keyring")
        )
    return load_token_file(config_dir)


def load_token_file(config_dir: Path) -> Secret | None:
    """The token in ``config_dir``'s token file alone (not the environment's, not the
    keyring's); ``None`` if there is none."""
    path = token_file(config_dir)
    raw = _token_file_bytes(path)
    if raw is None:
        return None
    text = raw.decode("ascii", errors="replace").strip(AROUND)
    return (
        Secret(check_token(text, f"the token in {path}", "file", path=str(path))) if text else None
    )


def keep_off_the_keyring() -> None:
    """This process neither reads nor writes the system keyring from now on: ``store_token``
    keeps the token in its folder's file. For the demo, whose till is thrown away when it ends:
    a token saved in its settings went into the keyring, over the shop's own till's token."""
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]


def _token_file_bytes(path: Path) -> bytes | None:
    """What the token file holds, ``None`` when there is none. Opened without blocking and
    read only if it is a regular file: a pipe nobody writes to held every command for ever (deaf
    to SIGTERM, which waits for the open to return), and a link to a device such as /dev/zero
    was read until the memory ran out."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _unreadable(path, exc) from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise CredentialsError(
                f"token file {path} is not a regular file (a folder, a pipe or a device); "
                "remove it and store the token again with `stamps-pos token set`",
                "token.file_not_regular",
                path=str(path),
            )
        try:
            return handle.read()
        except OSError as exc:
            raise _unreadable(path, exc) from None


def _unreadable(path: Path, exc: OSError) -> CredentialsError:
    return _file_trouble(path, exc, "read", "token.file_unreadable")


def _file_trouble(path: Path, exc: OSError, done: str, message_id: str) -> CredentialsError:
    """The token file ``path`` cannot be ``done`` ("read", "written") for the OS's ``exc``."""
    in_the_way = folder_in_the_way(path)
    if in_the_way is not None:
        # The OS said "File exists" or "Not a directory": the settings folder is a file.
        return CredentialsError(
            f"token file {path} cannot be {done}: {in_the_way} is a file, not a folder",
            f"{message_id}.not_a_folder",
            path=str(path),
            file=str(in_the_way),
        )
    refusal = folder_refusal(path, exc) if done == "written" else None
    if refusal is not None:
        kind, folder = refusal
        return CredentialsError(
            UNSAVED[kind].format(folder=folder), f"{message_id}.{kind}", folder=str(folder)
        )
    reason = str(exc.strerror)
    return CredentialsError(
        f"token file {path} cannot be {done}: {reason}", message_id, path=str(path), reason=reason
    )


#: Why a token was not saved, by :func:`folder_refusal`'s kind: the folder to change and what
#: to do, in the words of ``token.file_unwritable.KIND`` (app/core/messages.py). The token in use
#: is the one kept before, whole: the file is replaced only once the new one is written.
UNSAVED = {
    "read_only": (
        "the token is not saved: the till cannot write in the folder {folder}, which is on a "
        "read-only disk (the token is kept beside the settings file). The token kept before is "
        "unchanged. Make that disk writable, or keep the settings in a folder the till can "
        "write, and store the token again"
    ),
    "not_allowed": (
        "the token is not saved: the till may not write in the folder {folder}, where the token "
        "is kept, beside the settings file. The token kept before is unchanged. Give the user "
        "the till runs as the right to write in that folder, and store the token again"
    ),
    "full": (
        "the token is not saved: the disk of the folder {folder}, where the token is kept, is "
        "full. The token kept before is unchanged. Free some room on that disk, and store the "
        "token again"
    ),
}


def store_token(token: Secret, config_dir: Path, *, deadline: float = KEYRING_DEADLINE_S) -> str:
    """Keep the token in the keyring, else in a 0600 file. Returns where it went, for the user.

    The token is checked first; the file is replaced whole (a temporary file renamed over it), so
    a refused token, a full disk or a crash mid-write leaves the previous token as it was.
    """
    value = check_token(token.reveal().strip(AROUND), "the token")

    def to_keyring() -> bool:
        import keyring

        if not _keyring_usable():
            return False
        keyring.set_password(KEYRING_SERVICE, KEYRING_USER, value)
        return True

    if _with_deadline(to_keyring, deadline):
        return "the system keyring"
    path = token_file(config_dir)
    try:
        _replace_file(path, (value + "\n").encode("ascii"))
    except OSError as exc:
        raise _file_trouble(path, exc, "written", "token.file_unwritable") from None
    return str(path)


def _replace_file(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` atomically, 0600 from the first byte, in a 0700 folder."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    # mkstemp creates the file 0600: there is no moment where another user could read it.
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    # The rename itself must survive a power cut too.
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)
