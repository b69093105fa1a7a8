"""An attempt's error and an entry's last error, as recorded (``"<class>: <message>"`` or a
sentence of the till's), said in words a manager's screen can translate; the record itself stays
for the log and ``stamps-pos outbox show``."""

from __future__ import annotations

import pytest

from app.core.domain import Outcome
from app.core.messages import english
from app.core.outbox.claim import KIOSK_EXPIRED, LEASE_LOST, NEEDS_DASHBOARD, PIN_EXPIRED
from app.core.outbox.errors import StaleClaim, StoppedBeforeSending
from app.core.services.failures import failure_words, outcome_words
from app.core.stamps import errors


def _every_failure_class() -> list[type[Exception]]:
    found: list[type[Exception]] = []
    waiting: list[type[Exception]] = [errors.StampsError]
    while waiting:
        cls = waiting.pop()
        found.append(cls)
        waiting.extend(cls.__subclasses__())
    return [*found, StaleClaim, StoppedBeforeSending]


@pytest.mark.parametrize(
    ("record", "message_id"),
    [
        (LEASE_LOST, "failure.lease_lost"),
        (PIN_EXPIRED, "failure.pin_expired"),
        (KIOSK_EXPIRED, "failure.kiosk_expired"),
        (NEEDS_DASHBOARD, "decision.needs_dashboard"),
        (
            "ConnectionFailed: could not reach the Stamps server (ConnectError)",
            "failure.unreachable",
        ),
        ("ResponseLost: no answer from the Stamps server (ReadTimeout)", "failure.no_answer"),
        ("ServerError: 500 Internal Server Error", "failure.server_error"),
        ("ServiceUnavailable: 503 Service Unavailable", "failure.server_error"),
        # a 302 is no server failure: the Server URL, or a sign-in page in the way
        ("Redirected: 302 Found, to http://login.wifi.example", "failure.redirected"),
        ("MalformedResponse: the server answered but named no redemption", "failure.unreadable"),
        ("UnprovenAnswer: Out of stock", "failure.unproven"),
        ("CredentialsRejected: 401 Unauthorized", "failure.credentials"),
        ("RateLimited: 429 Too Many Requests", "failure.rate_limited"),
        ("StaleClaim", "failure.stale_claim"),
        ("StoppedBeforeSending", "failure.stopped"),
        ("ValueError", "failure.unexpected"),
        ("the till's record of something new", "failure.unrecognised"),
    ],
)
def test_a_recorded_failure_is_said_in_words(record: str, message_id: str) -> None:
    said = failure_words(record)
    assert said is not None and said.id == message_id


def test_a_refusal_gives_the_servers_own_words_without_the_class() -> None:
    said = failure_words("ValidationFailed: Not enough stamps")
    assert said is not None
    assert english(said) == "The Stamps server refused it: Not enough stamps"
    bare = failure_words("NotFound: 404 Not Found")  # a status line is no reason
    assert bare is not None and bare.id == "server.refused_silently"


def test_nothing_recorded_says_nothing() -> None:
    assert failure_words(None) is None and failure_words("") is None


@pytest.mark.parametrize("cls", _every_failure_class(), ids=lambda cls: cls.__name__)
def test_every_failure_the_till_records_has_its_own_words(cls: type[Exception]) -> None:
    said = failure_words(f"{cls.__name__}: something the till wrote")
    assert said is not None
    assert said.id not in ("failure.unexpected", "failure.unrecognised")
    # only the server's own words are quoted: a refusal's, a refusal of the credentials', and
    # what a 2xx that named no redemption said (an UnprovenAnswer's message is the server's)
    quoted = ("server.refused", "failure.credentials.said", "failure.unproven")
    assert "something the till wrote" not in english(said) or said.id in quoted


HTTP_REFUSED = "CredentialsRejected: Please use https instead of http"


def test_a_refused_token_is_said_with_the_servers_own_words() -> None:
    said = failure_words("CredentialsRejected: Invalid token", base_url="https://stamps.co.id")
    assert said is not None and said.id == "failure.credentials.said"
    assert said.params == {"said": "Invalid token"}


def test_a_server_asking_for_https_over_plain_http_is_not_told_as_a_refused_token() -> None:
    said = failure_words(HTTP_REFUSED, base_url="http://stamps.lan:8000")
    assert said is not None
    text = english(said)
    assert "Please use https instead of http" in text and "https://stamps.lan" in text
    assert "API token" not in text
    # over https already, the server's words are quoted, and no address is made up
    secure = failure_words(HTTP_REFUSED, base_url="https://stamps.lan")
    assert secure is not None and secure.id == "failure.credentials.said"


@pytest.mark.parametrize(
    ("outcome", "said"),
    [
        (Outcome.APPLIED, "applied by the server"),
        (Outcome.REFUSED, "refused by the server: nothing applied"),
        (Outcome.NEVER_ARRIVED, "never reached the server: nothing applied"),
        (Outcome.AMBIGUOUS, "no clear answer: not known whether it was applied"),
    ],
)
def test_an_attempt_s_outcome_is_said_in_words_not_by_the_outbox_s_name(
    outcome: Outcome, said: str
) -> None:
    # `stamps-pos outbox show` printed "outcome ambiguous" where the details said these words
    words = outcome_words(outcome.value)
    assert words is not None and english(words) == said


def test_an_outcome_the_till_does_not_know_is_left_to_the_caller_as_recorded() -> None:
    assert outcome_words("half_applied") is None
