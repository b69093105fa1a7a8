"""What a recorded failure means, in words a screen can translate.

An attempt's error and an entry's last error are kept as the till recorded them: ``"<class>:
<message>"`` for a failure of the exchange with the server (app/core/outbox/transitions.py), a
bare class name for anything else, or a sentence of the till's own (a lease that ran out). The
record stays for the log and ``stamps-pos outbox show``; a manager's screen says what it means,
in the window's language. The server's own words in a refusal are quoted as they came.
"""

from __future__ import annotations

from app.core.domain import Outcome
from app.core.messages import Message, say
from app.core.outbox.claim import KIOSK_EXPIRED, LEASE_LOST, NEEDS_DASHBOARD, PIN_EXPIRED
from app.core.outbox.transitions import read_error_text
from app.core.services.receipts import server_words
from app.core.services.refused_words import recorded_refusal_words

#: What each failure the till records means, by its class (app/core/stamps/errors.py and the
#: outbox's own). A class missing here reads as unexpected: a bug, not the server.
_BY_CLASS = {
    "StampsError": "failure.uncertain",
    "NetworkError": "failure.no_answer",
    "ConnectionFailed": "failure.unreachable",
    "ResponseLost": "failure.no_answer",
    "AnswerTooLarge": "failure.answer_too_large",
    "Unauthorized": "failure.not_allowed",
    "Forbidden": "failure.not_allowed",
    "CredentialsRejected": "failure.credentials",
    "CredentialsReplaced": "failure.token_replaced",
    "CredentialsUnusable": "failure.token_unusable",
    "AccessTokenUnavailable": "failure.access_token",
    "RequestTimedOut": "failure.request_timeout",
    "RateLimited": "failure.rate_limited",
    "ServerError": "failure.server_error",
    "ServiceUnavailable": "failure.server_error",
    "Redirected": "failure.redirected",
    "MalformedResponse": "failure.unreadable",
    "UnprovenAnswer": "failure.unreadable",
    "WebPageAnswer": "failure.web_page",
    "InvalidRequest": "failure.invalid_request",
    "StaleClaim": "failure.stale_claim",
    "StoppedBeforeSending": "failure.stopped",
}
#: The server answered and refused: its own words are the reason.
SERVER_REFUSALS = frozenset(
    {
        "ApiError",
        "ValidationFailed",
        "ReadRefused",
        "ClientError",
        # a 409: its words are the server's whether it refused or was still handling a first
        # send (the attempt's outcome beside it says which it proved)
        "Conflict",
        "NotFound",
        "MethodNotAllowed",
        "RequestRefused",
    }
)
#: The till's own sentences.
_SENTENCES = {
    LEASE_LOST: "failure.lease_lost",
    PIN_EXPIRED: "failure.pin_expired",
    KIOSK_EXPIRED: "failure.kiosk_expired",
    NEEDS_DASHBOARD: "decision.needs_dashboard",
}


#: The outcomes an attempt records, each with its words (``outcome.*``).
_OUTCOMES = frozenset(outcome.value for outcome in Outcome)


def outcome_words(outcome: str) -> Message | None:
    """What one attempt proved (architecture §3), as a manager reads it: what it means for the
    redemption, not the outbox's word for it ("outcome ambiguous" told a manager nothing).
    ``None`` for an outcome the till does not know (a newer till's, read from its database):
    the caller shows it as it was recorded."""
    return say(f"outcome.{outcome}") if outcome in _OUTCOMES else None


def failure_words(record: str | None, *, base_url: str = "") -> Message | None:
    """What the recorded failure ``record`` means (``None`` when nothing was recorded).

    A refusal of the till's credentials quotes what the server said, as the paused banner does,
    and says https when the till's ``base_url`` is plain http and the server asks for https:
    a manager told only that the token is refused would replace one that works."""
    if not record:
        return None
    if record in _SENTENCES:
        return say(_SENTENCES[record])
    kind, words = read_error_text(record)
    if kind == "CredentialsRejected":
        return recorded_refusal_words("failure.credentials", record, base_url)
    if kind in SERVER_REFUSALS:
        return server_words(record)
    if kind == "UnprovenAnswer" and words:
        return say("failure.unproven", said=words)
    if kind in _BY_CLASS:
        return say(_BY_CLASS[kind])
    if kind is not None and record == kind:  # a bug: its class alone is recorded
        return say("failure.unexpected")
    return say("failure.unrecognised")
