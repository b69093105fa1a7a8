"""Keeping secrets and personal data out of log lines and error messages.

No request of the till carries its token in a URL (architecture §1), but a URL still carries a
member's email or phone and the search text, and httpx logs every request URL on its own ``httpx``
logger, so redaction has to happen on that logger too, not only on ours. ``token`` stays masked:
a URL from elsewhere (a redirect, a pasted base URL) must not leak one either.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

import httpx

MASK = "**********"

#: Query parameters whose values never reach a log line: the token (a credential), member
#: identifiers and search text (personal data) and voucher codes (worth money).
REDACTED_PARAMS = frozenset({"token", "user", "query", "voucher_code", "identifier"})

_PARAM_IN_TEXT = re.compile(
    r"(?i)([?&;](?:" + "|".join(sorted(REDACTED_PARAMS)) + r")=)[^&#\s\"']*"
)


def redact_url(url: httpx.URL | str) -> str:
    """The path and query of ``url``, with the values of :data:`REDACTED_PARAMS` masked."""
    # a request's URL is parsed already: parsing it again cost 26 µs of every request's CPU
    parsed = url if isinstance(url, httpx.URL) else httpx.URL(url)
    path = parsed.raw_path.decode("ascii", errors="replace")
    return redact_text(path)


def redact_text(text: str) -> str:
    """``text`` with any ``token=…`` (and the other redacted parameters) in a URL masked."""
    return _PARAM_IN_TEXT.sub(lambda m: m.group(1) + MASK, text)


def scrub(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every occurrence of each secret replaced by the mask.

    Used on anything the server sent back before it goes into an exception: a server that echoes a
    request value would otherwise echo the token or the PIN.
    """
    return redact_text(mask_secrets(text, secrets))


def mask_secrets(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every occurrence of each secret replaced by the mask, and nothing else
    changed (for the strings of an answer, which are data, not a URL)."""
    for secret in secrets:
        if secret and secret in text:
            text = text.replace(secret, MASK)
    return text


class UrlRedactingFilter(logging.Filter):
    """Masks redacted query parameters in every record of the logger it is attached to."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record's message in place; never drops a record."""
        try:
            message = record.getMessage()
        except Exception:  # a record with broken arguments: leave it to the handler to report
            return True
        redacted = redact_text(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


def install_httpx_redaction() -> None:
    """Attach :class:`UrlRedactingFilter` to httpx's request logger, once per process."""
    for name in ("httpx", "httpcore"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, UrlRedactingFilter) for f in logger.filters):
            logger.addFilter(UrlRedactingFilter())
