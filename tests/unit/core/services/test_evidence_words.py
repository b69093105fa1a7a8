"""What the Exceptions say of a look at the member's activity that failed: words about that look,
never about the redemption a manager is deciding on."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.core.messages import english
from app.core.services.evidence_words import evidence_text

#: What the words of a failed send say of its request, false of a redemption whose answer never
#: came when said of a failed look at the feed: it was sent, and may well stand.
SAID_OF_A_SEND = ("was not sent", "nothing was applied", "sent again", "may have applied")


def _why(record: str, base_url: str = "https://stamps.co.id") -> str:
    evidence = {"checked_at": "2026-12-01T06:42:16+00:00", "result": "feed_unreadable"}
    said = evidence_text(
        {**evidence, "error": record}, english, base_url=base_url, when=datetime.isoformat
    )
    return said.splitlines()[-1]


@pytest.mark.parametrize(
    "record",
    [
        "ConnectionFailed: could not reach the Stamps server (ConnectError: refused)",
        "ResponseLost: no whole answer from the Stamps server within 13 s",
        "AnswerTooLarge: the Stamps server's answer is larger than 1,000,000 bytes",
        "ServerError: 500 Internal Server Error",
        "RateLimited: Request was throttled.",
        "RequestTimedOut: 408 Request Timeout",
        "RequestRefused: You do not have permission to perform this action.",
        "Forbidden: 403 Forbidden",
        "CredentialsRejected: Invalid token",
        "AccessTokenUnavailable: could not obtain an access token: 502 Bad Gateway",
        "MalformedResponse: the member's activity could not be read back to the time",
    ],
)
def test_a_failed_look_at_the_feed_says_nothing_of_the_redemption(record: str) -> None:
    # "Why it could not be read: The Stamps server could not be reached: it was not sent." was
    # said under a redemption that was sent, and may stand
    why = _why(record)
    assert why.startswith("Why it could not be read: "), why
    assert not any(words in why for words in SAID_OF_A_SEND), why


def test_the_feed_refused_in_the_servers_words_is_quoted() -> None:
    assert _why("ReadRefused: User not found") == (
        "Why it could not be read: The Stamps server would not give it, and said: “User not found”"
    )
