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


#: What a look that read the member's activity at 06:40 found: three lines, none alike.
READ_AT_0640 = {
    "checked_at": "2026-12-01T06:40:00+00:00",
    "since": "2026-12-01T06:38:00+00:00",
    "until": "2026-12-01T06:39:30+00:00",
    "expected": {"name": "Croissant Mentega", "stamps": 15, "store": 32},
    "lines_read": 3,
    "candidates": [],
    "result": "not_found",
}
UNREACHABLE = "ConnectionFailed: could not reach the Stamps server (ConnectError: refused)"


def _hm(moment: datetime) -> str:
    return moment.strftime("%H.%M")


def test_a_failed_look_is_told_apart_from_the_last_look_that_read_the_feed() -> None:
    # "Lines read: 3. Lines that match: 0." stood beside "Why it could not be read": a manager
    # read one look that both read the feed and could not
    evidence = {
        "checked_at": "2026-12-01T06:42:00+00:00",
        "result": "feed_unreadable",
        "error": UNREACHABLE,
        "checks": 2,
        "look_before": READ_AT_0640,
    }
    said = evidence_text(evidence, english, base_url="", when=_hm, store_codes={32: "RDG-KMG"})
    assert said.splitlines() == [
        "Looked at it 2 times, last at 06.42.",
        "Why it could not be read: The Stamps server could not be reached.",
        "The last look that read it, at 06.40, found:",
        "  Lines looked for: made between 06.38 and 06.39.",
        "  Looked for: Croissant Mentega, 15 stamps, store RDG-KMG.",
        "  Lines read: 3.",
        "  Lines that match: 0.",
    ]


def test_a_record_that_merged_the_two_looks_tells_the_findings_as_an_earlier_looks() -> None:
    # kept before the till told them apart: the time of the look that read the feed is lost
    merged = {**READ_AT_0640, "checked_at": "2026-12-01T06:42:00+00:00", "checks": 2}
    merged |= {"result": "feed_unreadable", "error": UNREACHABLE}
    said = evidence_text(merged, english, base_url="", when=_hm).splitlines()
    assert said[:3] == [
        "Looked at it 2 times, last at 06.42.",
        "Why it could not be read: The Stamps server could not be reached.",
        "An earlier look that read it found:",
    ]
    assert "  Lines read: 3." in said and "Lines read: 3." not in said
