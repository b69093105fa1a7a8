"""Every way a call to the Stamps API can fail, each carrying what it proves about the server.

The outbox decides an entry's fate from :attr:`StampsError.outcome` alone (architecture §3), so the
classification lives here, in one place, and nowhere else. Messages are built only from what the
server said and from the status; no request value (a token, a PIN) is ever put in one.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.core.domain import Outcome


class StampsError(Exception):
    """Base of the taxonomy. ``message`` is safe to show a cashier and to log.

    ``outcome`` is what the failure proves; ``pauses_queue`` marks credentials that are unusable
    (every request would fail alike, so the outbox pauses rather than retrying one by one);
    ``resend_at_once`` marks a request that can go again now, without a backoff, because what
    stopped it has already changed.
    """

    outcome: Outcome = Outcome.AMBIGUOUS
    #: What the failure proves instead when it answers a request sent again under its key after
    #: an attempt that may have been applied; ``None``: the same as :attr:`outcome`.
    outcome_when_resent: Outcome | None = None
    pauses_queue: bool = False
    resend_at_once: bool = False

    def __init__(self, message: str, *, status_code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, status_code={self.status_code})"


# --- the request did not get a readable answer -------------------------------------------------


class NetworkError(StampsError):
    """No HTTP answer was read."""


class ConnectionFailed(NetworkError):
    """The connection was never made (``ConnectError``, ``ConnectTimeout``, ``PoolTimeout``)."""

    outcome = Outcome.NEVER_ARRIVED


class ResponseLost(NetworkError):
    """The request may have been sent but no answer came back (read timeout, reset, protocol
    error after sending, the request's total deadline). The server may or may not have applied
    it."""

    outcome = Outcome.AMBIGUOUS


class AnswerTooLarge(ResponseLost):
    """The answer's body grew past the cap (counted after decompression) and was not read: what
    it said, and so what the server did, is unknown. The server did answer: ``status_code`` is
    the status it answered with, and no screen says it was silent."""


# --- the server answered ------------------------------------------------------------------------


class ApiError(StampsError):
    """The server answered with a status that is not 2xx.

    ``detail`` is the server's own message (``error_message``, else ``detail``, else the first
    field error); ``field_errors`` maps a field to its message; ``error_code`` is the server's code
    when it gives one. Only the documented codes (``invalid_pin``, ``invalid_data``,
    ``invalid_voucher_owner``) may be relied on. ``moved_to`` is the origin (scheme, host, port)
    a 3xx sends the till to: a ``base_url`` that is wrong (plain http, a moved host) says so.
    """

    outcome = Outcome.REFUSED

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        detail: str | None = None,
        error_code: str | None = None,
        field_errors: Mapping[str, str] | None = None,
        retry_after: float | None = None,
        moved_to: str | None = None,
    ) -> None:
        super().__init__(message, status_code=status_code)
        self.detail = detail
        self.error_code = error_code
        self.field_errors: dict[str, str] = dict(field_errors or {})
        self.retry_after = retry_after
        self.moved_to = moved_to

    @property
    def attempts_left(self) -> int | None:
        """For a refused PIN: the PIN attempts the server says are left, when it says so (in a
        400's ``invalid_pin``, as the docs show, or in a refusal of another status)."""
        import re

        text = " ".join([self.detail or "", *self.field_errors.values()])
        match = re.search(r"(\d+)\s+attempt", text)
        return int(match.group(1)) if match else None


class ValidationFailed(ApiError):
    """400: the server refused the request's data (too few stamps, a used voucher, a wrong PIN)."""


class ReadRefused(ValidationFailed):
    """A read (a GET) answered 2xx with nothing but an error object: the server's refusal in its
    own words (architecture §1). Unlike a 400's "User not found", it says nothing of what was
    asked for: not that nobody matches, nor that a catalogue is empty."""


class Unauthorized(ApiError):
    """401 that ``/api/ping`` could not explain (the ping itself failed).

    The answer proves the request was not applied, but not whether the credentials are bad, so
    the entry waits and is sent again rather than being rejected over a passing failure.
    """

    outcome = Outcome.NEVER_ARRIVED


class Forbidden(ApiError):
    """403 that ``/api/ping`` could not explain; handled as :class:`Unauthorized`."""

    outcome = Outcome.NEVER_ARRIVED


class RequestRefused(ApiError):
    """401 or 403 although ``/api/ping`` accepts the credentials: only this request was refused."""


class CredentialsRejected(ApiError):
    """401 or 403 and ``/api/ping`` fails too: the token (or JWT) is wrong. Nothing was applied;
    the whole queue waits until the credentials change."""

    outcome = Outcome.NEVER_ARRIVED
    pauses_queue = True


class CredentialsReplaced(ApiError):
    """401 or 403 for a request sent under an API token the till has replaced since (a manager
    set a new one while it travelled): the refusal proves nothing was applied, and says nothing
    of the token in use now. The request goes again at once under the new token; nothing
    pauses."""

    outcome = Outcome.NEVER_ARRIVED
    resend_at_once = True

    @classmethod
    def instead_of(cls, refused: ApiError) -> CredentialsReplaced:
        """``refused`` (judged under the old token), restated now that the token has changed."""
        return cls(
            refused.message,
            status_code=refused.status_code or 401,
            detail=refused.detail,
            error_code=refused.error_code,
            field_errors=refused.field_errors,
        )


class CredentialsUnusable(StampsError):
    """The API token cannot be sent at all (a character a header cannot carry: non-ASCII, a
    control character, a line break). Nothing left the till; the whole queue waits until the
    token is set again."""

    outcome = Outcome.NEVER_ARRIVED
    pauses_queue = True


class AccessTokenUnavailable(StampsError):
    """The JWT the bearer style needs could not be fetched (the exchange failed, or answered
    something unreadable). The request waiting for it never left the till."""

    outcome = Outcome.NEVER_ARRIVED


class NotFound(ApiError):
    """404: e.g. cancelling a redemption id the server does not know."""


class MethodNotAllowed(ApiError):
    """405: the endpoint does not take this HTTP method."""


class RequestTimedOut(ApiError):
    """408: the server gave up reading the request before acting on it."""

    outcome = Outcome.NEVER_ARRIVED


class RateLimited(ApiError):
    """429: too many requests; ``retry_after`` (seconds) when the server says."""

    outcome = Outcome.NEVER_ARRIVED


class ClientError(ApiError):
    """Any other 4xx answer."""


class Conflict(ClientError):
    """409: a refusal (a server's "already redeemed", an invoice number used before), the first
    time a request is sent. Sent again under its ``Idempotency-Key`` after an attempt that may
    have arrived, it is what the IETF draft the till sends its key by answers while the first
    request "is still being processed": the first may yet be applied, so it proves nothing
    (:attr:`outcome_when_resent`). Taken for a refusal, the till said "Refused" of a redemption
    the server went on to apply, and a manager's "send again" would have applied it twice."""

    outcome_when_resent = Outcome.AMBIGUOUS


class ServerError(ApiError):
    """500, 502, 504 or another 5xx: the server may have applied the request before failing."""

    outcome = Outcome.AMBIGUOUS


class Redirected(ServerError):
    """A 3xx: the answer sends the till to another address, which it does not follow (a
    redemption is never sent again to an address an answer picks; ``moved_to`` is that
    address's origin when it is another server). The Server URL is wrong (an http base_url the
    server sends to https, an old address) or something in the way answers for the server (a
    network's sign-in page). Ambiguous all the same: a front that redirects never hands the
    request to the API, but a server may apply a POST and then send the client to its result."""


class ServiceUnavailable(ServerError):
    """503. The docs group it with the other server errors ("something is wrong on Stamps'
    end") and promise nothing about what was applied: ambiguous. Where the server honours the
    ``Idempotency-Key`` the entry is resent under it, as after any ambiguous attempt; it is never
    taken as "turned away", so a cancel cannot void locally what a server applied before
    answering 503."""


class MalformedResponse(StampsError):
    """A 2xx answer that proves nothing: a body that cannot be read as the endpoint's response,
    or a redemption answer that names no redemption (only ``errors``, empty, ``null``, HTML,
    truncated, numbers out of range).

    The server may or may not have applied the request, so for a redemption it is ambiguous.
    ``json_object`` marks a JSON object the endpoint's model does not fit: something that
    speaks the API's language answered, not a web page or a cut line.
    """

    outcome = Outcome.AMBIGUOUS

    def __init__(
        self, message: str, *, status_code: int | None = None, json_object: bool = False
    ) -> None:
        super().__init__(message, status_code=status_code)
        self.json_object = json_object


class UnprovenAnswer(MalformedResponse):
    """A 2xx redemption or cancel answer that names no redemption (or not the one asked to be
    cancelled) but says something in its ``errors`` ("Out of stock"): it proves nothing, as any
    :class:`MalformedResponse`, and ``message`` is the server's words alone (cleaned, and cut to
    :data:`~app.core.stamps.server_text.QUOTED`), for the cashier to read beside "not
    confirmed". It is always a JSON object (``json_object``): the server's own, answering."""

    def __init__(self, message: str, *, status_code: int | None = None) -> None:
        super().__init__(message, status_code=status_code, json_object=True)


class WebPageAnswer(MalformedResponse):
    """A web page (HTML) answered where the API answers JSON: most often a shop network's login
    page (a captive portal), which answers every address until the computer signs in. A read's
    4xx that is a page (a proxy's "404 Not Found") is one too: the API refuses in JSON, so the
    page is not the server turning the read down (``status_code`` keeps its status)."""


class InvalidRequest(StampsError):
    """The till refused to send a request whose values are not valid (nothing left the till)."""

    outcome = Outcome.NEVER_ARRIVED


def line_outcome(failure: StampsError) -> Outcome:
    """What ``failure`` proves of the line, for the connectivity monitor (the status bar).

    Its :attr:`~StampsError.outcome`, split by status for a refusal: a 4xx answered in the
    server's words is an answer (the line is up and the server understood the till), but a
    refusal in a 2xx (:class:`ReadRefused`: a 200 saying only ``{"errors": …}``) contradicts
    itself, and is as ambiguous as a 2xx the till could not read. The type-ahead counted one as
    an answer, and the bar read "Online" where a lookup of the same answer read "Degraded"."""
    status = failure.status_code
    if failure.outcome is Outcome.REFUSED and status is not None and 200 <= status < 300:
        return Outcome.AMBIGUOUS
    return failure.outcome
