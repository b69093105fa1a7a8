"""Where the API token lives: the environment, else the system keyring, else a 0600 file.

A headless till or CI may have no keyring backend, or a D-Bus with no secret service that makes a
keyring call block; every keyring call therefore runs in a daemon thread with a short deadline and
falls back to the file when it does not answer. The token is never written to the settings file,
the database or a log, and :class:`Secret` keeps it out of ``repr()`` and tracebacks.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

TOKEN_ENV = "STAMPS_POS_TOKEN"  # noqa: S105 - the variable name, not a token
KEYRING_SERVICE = "stamps-pos"
KEYRING_USER = "api-token"
KEYRING_DEADLINE_S = 2.0

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
    """No token could be found or stored."""


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
    from_env = os.environ.get(TOKEN_ENV, "").strip()
    if from_env:
        return Secret(from_env)

    def from_keyring() -> str | None:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, KEYRING_USER) if _keyring_usable() else None

    stored = _with_deadline(from_keyring, deadline)
    if stored:
        return Secret(stored)
    path = token_file(config_dir)
    try:
        text = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise CredentialsError(f"token file {path} cannot be read: {exc.strerror}") from None
    return Secret(text) if text else None


def store_token(token: Secret, config_dir: Path, *, deadline: float = KEYRING_DEADLINE_S) -> str:
    """Keep the token in the keyring, else in a 0600 file. Returns where it went, for the user."""
    value = token.reveal().strip()
    if not value or any(ch.isspace() for ch in value):
        raise CredentialsError("a token is one word with no spaces")

    def to_keyring() -> bool:
        import keyring

        if not _keyring_usable():
            return False
        keyring.set_password(KEYRING_SERVICE, KEYRING_USER, value)
        return True

    if _with_deadline(to_keyring, deadline):
        return "the system keyring"
    config_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = token_file(config_dir)
    # Create with 0600 from the start: no moment where another user could read it.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(value + "\n")
    os.chmod(path, 0o600)
    return str(path)
