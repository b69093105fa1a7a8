"""What the till says when the server refuses its credentials, with the server's own words.

A 401 or 403 that ping confirms pauses the queue (architecture §3), and most often the API token
is wrong. Not always: over plain http the server answers 403 "Please use https instead of http"
(testing.rst §5), and a manager told only that the token is refused would replace a token that
works. So the paused queue's words quote what the server said, when it said anything, and point
to https when the till talks plain http and the server asks for https. The server's words were
cleaned and scrubbed of the token as they were read (``app/core/stamps/parsing.py``).

The same refusal is told the same way wherever it is met: a lookup or a PIN check refused for
the till's credentials, and a manager's screens (an attempt's error, an entry's last error, the
audit line of a pause), which read it from the record.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from app.core.messages import Message, say
from app.core.outbox.transitions import read_error_text
from app.core.stamps.client import ACCESS_TOKEN_REFUSED
from app.core.stamps.errors import ApiError, CredentialsRejected, CredentialsUnusable, StampsError


def https_address(base_url: str) -> str | None:
    """``base_url`` over https (its host, on https's own port: the http port is no guide to
    it), when it is plain http; ``None`` when it is https already."""
    parts = urlsplit(base_url)
    if parts.scheme != "http":
        return None
    host = parts.hostname or ""
    host = f"[{host}]" if ":" in host else host
    return parts._replace(scheme="https", netloc=host).geturl()


def paused_words(reason: str | None, base_url: str) -> Message:
    """Why the queue is paused, from the refusal it recorded (``"<class>: <message>"``)."""
    kind, words = read_error_text(reason)
    if kind == CredentialsUnusable.__name__:
        return say("queue.paused.token_unusable")
    if kind != CredentialsRejected.__name__:
        return say("queue.paused")
    return _refused("queue.paused", _server_said(words), base_url)


def still_refused_words(refused: StampsError, base_url: str) -> Message:
    """What a check of the token found when the server refuses it still."""
    return refusal_words("queue.still_refused", refused, base_url)


def refusal_words(name: str, refused: StampsError, base_url: str) -> Message:
    """Message ``name`` for a refusal of the till's credentials met just now (a lookup, a PIN
    check): ``name.said`` with the server's words, ``name.https`` when it asks for https over
    plain http, ``name`` itself when it said nothing."""
    said = refused.detail if isinstance(refused, ApiError) else None
    return _refused(name, said, base_url)


def recorded_refusal_words(name: str, record: str | None, base_url: str) -> Message:
    """Message ``name`` (as :func:`refusal_words`) for a refusal as the till recorded it
    (``"<class>: <message>"``): an attempt's error, an entry's last error, a pause's reason."""
    _, words = read_error_text(record)
    return _refused(name, _server_said(words), base_url)


def _refused(name: str, said: str | None, base_url: str) -> Message:
    if not said:
        return say(name)
    address = https_address(base_url)
    if address is not None and "https" in said.lower():
        return say(f"{name}.https", said=said, address=address)
    return say(f"{name}.said", said=said)


def _server_said(words: str | None) -> str | None:
    """The server's own words in a recorded refusal: not a bare status line (``401
    Unauthorized``, the till's when the server gave none), nor the till's own preamble."""
    words = (words or "").removeprefix(ACCESS_TOKEN_REFUSED).strip()
    if not words or words[:3].isdigit():
        return None
    return words
