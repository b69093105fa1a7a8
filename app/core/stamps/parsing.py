"""Reading the server's answers: success bodies into models, everything else into the taxonomy.

Nothing the server sends may crash the reader: bodies can be HTML, empty, truncated JSON or JSON of
the wrong shape, and each of those becomes a :mod:`~app.core.stamps.errors` class. Messages are
built from the server's own words and the status only, and scrubbed of the till's secrets.
"""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from app.core.stamps import errors
from app.core.stamps.models.common import StampsRequest
from app.core.stamps.redaction import mask_secrets, scrub
from app.core.stamps.server_text import clean, quoted, without_field_prefix

M = TypeVar("M", bound=BaseModel)

#: Longest server text put in a message; an error page is not a message.
MAX_TEXT = 300
#: Field names that stand for "the whole request" rather than one field.
GENERAL_FIELDS = frozenset({"__all__", "info", "non_field_errors", "detail"})
_MAX_DEPTH = 4


def _wire_names() -> frozenset[str]:
    from app.core.stamps.models import requests  # noqa: F401 - defines the request models

    models, names = list(StampsRequest.__subclasses__()), set[str]()
    while models:
        model = models.pop()
        models.extend(model.__subclasses__())
        names.update(model.model_fields)
    return frozenset(names)


#: Every parameter name the till sends: a server message starting with one names that field.
WIRE_NAMES = _wire_names()


@dataclass(frozen=True)
class ErrorBody:
    """What could be read from an error answer's body."""

    detail: str | None = None
    error_code: str | None = None
    error_message: str | None = None
    field_errors: dict[str, str] = field(default_factory=dict)

    @property
    def message(self) -> str | None:
        """``error_message``, else ``detail``, else the first field error; a sentence, without
        the ``field: `` the server may put in front of it.

        The field errors ``detail`` does not already say follow it: reward_api §1's ``detail`` is
        a preamble alone ("Your transaction cannot be completed due to the following…") with
        the reasons in ``errors``, and a refusal must say why."""
        known = (*self.field_errors, *GENERAL_FIELDS, *WIRE_NAMES)
        if self.error_message:
            return without_field_prefix(self.error_message, known)
        if self.detail:
            said = without_field_prefix(self.detail, known)
            unsaid = [t for t in dict.fromkeys(self.field_errors.values()) if t not in said]
            if not unsaid:
                return said
            return f"{said.rstrip(' .:')}: {'; '.join(unsaid)}"[:MAX_TEXT]
        # every reason, not the first: a Django REST refusal lists each field's apart
        return "; ".join(dict.fromkeys(self.field_errors.values()))[:MAX_TEXT] or None


def _text(value: object) -> str | None:
    if isinstance(value, str):
        text = value.strip()
    elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        text = "; ".join(v.strip() for v in value)
    else:
        return None
    return text[:MAX_TEXT] or None


def _field_errors(value: object, prefix: str = "", depth: int = 0) -> dict[str, str]:
    if depth > _MAX_DEPTH:
        return {}
    found: dict[str, str] = {}
    text = _text(value)
    if text is not None:
        found[prefix or "__all__"] = text
    elif isinstance(value, Mapping):
        for key, item in value.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            for k, v in _field_errors(item, name, depth + 1).items():
                found.setdefault(k, v)
    elif isinstance(value, list):
        for item in value:
            for k, v in _field_errors(item, prefix, depth + 1).items():
                found.setdefault(k, v)
    return found


class Abandoned(Exception):
    """The reading of an answer was given up: the request it answers was cancelled while the
    answer was read on another thread (:mod:`~app.core.stamps.reading`)."""


def _load_json(
    content: bytes, secrets: tuple[str, ...] = (), abandoned: threading.Event | None = None
) -> object:
    """The decoded JSON with every string cleaned (:func:`~server_text.clean`) and ``secrets``
    masked in it, or raises ``ValueError``: deep nesting, ``NaN``, ``Infinity`` and numbers too
    big for a float count as unreadable. Once ``abandoned`` is set, raises :class:`Abandoned`."""
    try:
        data = json.loads(content, parse_constant=_no_constant, parse_float=_finite)
        secrets = tuple(s for s in secrets if s)
        if _nothing_to_clean(content, secrets):
            _unless_abandoned(abandoned)
            return data
        return _cleaned(data, secrets, abandoned)
    except RecursionError as exc:
        raise ValueError("JSON nested too deeply") from exc


#: Past this many brackets an answer is walked whatever it holds: the walk is also what finds
#: one nested too deeply (a ``RecursionError``), and a large one is walked off the loop anyway.
_UNWALKED_BRACKETS = 64


def _nothing_to_clean(content: bytes, secrets: tuple[str, ...]) -> bool:
    """Whether :func:`_cleaned` would hand ``content``'s JSON back unchanged: printable ASCII
    without a backslash (so every string is a piece of ``content`` as written, and
    :func:`~server_text.clean` leaves printable ASCII alone), no secret anywhere in it, and
    little nesting. Most of the till's answers are that, and walking them cost the drain three
    times their decoding (36 µs of a 50 µs read)."""
    if (
        not content.isascii()
        or b"\\" in content
        or content.count(b"{") + content.count(b"[") > _UNWALKED_BRACKETS
    ):
        return False
    text = content.decode("ascii")
    return text.isprintable() and not any(secret in text for secret in secrets)


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("a number out of range")
    return value


def _cleaned(value: object, secrets: tuple[str, ...], abandoned: threading.Event | None) -> object:
    if isinstance(value, str):
        return mask_secrets(clean(value), secrets)
    if isinstance(value, dict):
        # an object at a time (a reward, a voucher): the walk is most of a large answer's
        # reading, and a cancelled one stops here rather than after the whole body
        if abandoned is not None and abandoned.is_set():
            raise Abandoned
        return {
            _cleaned(k, secrets, abandoned): _cleaned(v, secrets, abandoned)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_cleaned(v, secrets, abandoned) for v in value]
    return value


def _unless_abandoned(abandoned: threading.Event | None) -> None:
    if abandoned is not None and abandoned.is_set():
        raise Abandoned


def read_error_body(content: bytes) -> ErrorBody:
    """Read any of the documented error shapes from ``content``; anything else reads as empty."""
    try:
        data = _load_json(content)
    except ValueError:
        return ErrorBody()
    return error_body_of(data)


def read_error_answer(response: httpx.Response) -> ErrorBody:
    """A non-2xx answer's documented error fields, else the words of the common shapes the
    docs do not show: a ``message`` or ``error`` (a web framework's or a gateway's default, the
    words alone or in an object with a ``message``), or one short line of plain text.

    A server other than Stamps' own says why in one of these, and the cashier was told it
    "refused it without saying why". A web page, a longer text or an object of codes stays
    unread: the status says more than they would."""
    body = read_error_body(response.content)
    if body.message is not None:
        return body
    said = _undocumented_words(response)
    return replace(body, detail=said) if said else body


def _undocumented_words(response: httpx.Response) -> str | None:
    try:
        data = _load_json(response.content)
    except ValueError:
        return _plain_line(response)
    if not isinstance(data, Mapping):
        return None
    for key in ("message", "error"):
        value = data.get(key)
        if isinstance(value, Mapping):
            value = value.get("message")
        if text := _text(value):
            return text
    by_field = [
        text
        for key, value in data.items()
        if key not in ERROR_FIELDS and isinstance(value, list) and (text := _text(value))
    ]
    return "; ".join(dict.fromkeys(by_field))[:MAX_TEXT] or None


def _plain_line(response: httpx.Response) -> str | None:
    kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if kind != "text/plain":
        return None
    try:
        text = clean(response.content.decode("utf-8")).strip()
    except UnicodeDecodeError:
        return None
    # the body's line breaks are spaces by now: one line is a sentence, more a page
    if len(text) > MAX_TEXT or len(response.content.strip().splitlines()) != 1:
        return None
    return text or None


def error_body_of(data: object) -> ErrorBody:
    """The error fields of an already decoded body (an error answer, or the ``errors`` a 2xx
    may carry beside its result); anything that is not an object reads as empty."""
    if not isinstance(data, Mapping):
        return ErrorBody()
    fields = _field_errors(data.get("errors")) if "errors" in data else {}
    # Django REST's own shape for a reason that is no one field's, beside or without ``errors``
    if (general := _text(data.get("non_field_errors"))) is not None:
        fields.setdefault("non_field_errors", general)
    return ErrorBody(
        detail=_text(data.get("detail")),
        error_code=_text(data.get("error_code")),
        error_message=_text(data.get("error_message")),
        field_errors=fields,
    )


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """``Retry-After`` in seconds from now (delta-seconds or HTTP date); ``None`` if unreadable."""
    if value is None:
        return None
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        pass
    else:
        return max(0.0, seconds) if seconds == seconds and seconds != float("inf") else None
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:  # RFC 9110 dates are GMT even when the zone is missing
        when = when.replace(tzinfo=now.tzinfo)
    return max(0.0, (when - now).total_seconds())


def error_class_for(status: int) -> type[errors.ApiError]:
    """The taxonomy class of a non-2xx status, before any ``/api/ping`` confirmation."""
    by_status: dict[int, type[errors.ApiError]] = {
        400: errors.ValidationFailed,
        401: errors.Unauthorized,
        403: errors.Forbidden,
        404: errors.NotFound,
        405: errors.MethodNotAllowed,
        408: errors.RequestTimedOut,
        409: errors.Conflict,
        429: errors.RateLimited,
        503: errors.ServiceUnavailable,
    }
    if status in by_status:
        return by_status[status]
    if 300 <= status < 400:
        return errors.Redirected
    if 400 <= status < 500:
        return errors.ClientError
    # 5xx, and statuses no server should send (1xx, 2xx here, 6xx): it may have been applied.
    return errors.ServerError


def status_text(response: httpx.Response) -> str:
    """``"502 Bad Gateway"``: the status and its reason phrase."""
    reason = httpx.codes.get_reason_phrase(response.status_code) or "Unexpected status"
    return f"{response.status_code} {reason}"


def api_error(
    response: httpx.Response,
    *,
    now: datetime,
    secrets: Iterable[str] = (),
    cls: type[errors.ApiError] | None = None,
) -> errors.ApiError:
    """The taxonomy error for a non-2xx ``response`` (``cls`` overrides the status's class)."""
    secrets = tuple(secrets)
    body = read_error_answer(response)

    def clean(text: str | None) -> str | None:
        return scrub(text, secrets) if text else None

    detail = clean(body.message)
    moved_to = redirect_origin(response)
    message = detail or status_text(response)
    if moved_to and not detail:
        message = f"{message}, to {origin_as_read(moved_to)}"
    return (cls or error_class_for(response.status_code))(
        message,
        status_code=response.status_code,
        detail=detail,
        error_code=clean(body.error_code),
        field_errors={k: scrub(v, secrets) for k, v in body.field_errors.items()},
        retry_after=parse_retry_after(response.headers.get("Retry-After"), now),
        moved_to=moved_to,
    )


def redirect_origin(response: httpx.Response) -> str | None:
    """Where a 3xx sends the till: the origin of its ``Location`` (``https://host:port``), never
    its path or query, which may carry a token or a member's details; ``None`` for any other
    answer or a ``Location`` that is no http or https address. The till does not follow it (a
    redemption is never re-sent to an address the server picks); the manager sets ``base_url``."""
    location = response.headers.get("Location")
    if not 300 <= response.status_code < 400 or not location:
        return None
    try:
        asked: httpx.URL | None = response.url
    except RuntimeError:  # a response made by hand, with no request
        asked = None
    try:
        target = asked.join(location) if asked else httpx.URL(location)
    except (httpx.InvalidURL, UnicodeError, ValueError):
        return None
    if target.scheme not in ("http", "https") or not target.host:
        return None
    origin = _origin(target)
    # elsewhere on the same server (a path moved): base_url's origin is right, the hint is not
    return None if asked is not None and origin == _origin(asked) else origin


def _origin(url: httpx.URL) -> str:
    # the host as it goes on the wire: a look-alike name ("ѕtamps.co.id", its "ѕ" Cyrillic) is
    # its punycode, never the Unicode that reads as the real server's
    default = {"http": 80, "https": 443}.get(url.scheme)
    port = f":{url.port}" if url.port not in (None, default) else ""
    return f"{url.scheme}://{url.raw_host.decode('ascii')}{port}"


def origin_as_read(origin: str) -> str:
    """``origin`` (as :func:`redirect_origin` names it) for a person: a host that is not plain
    ASCII is its punycode (``xn--…``) with its Unicode beside, so a look-alike of the Stamps
    server's name can be told from it."""
    letters = host_not_plain_ascii(origin)
    return origin if letters is None else f"{origin} (written {letters}: not plain ASCII)"


def host_not_plain_ascii(origin: str) -> str | None:
    """The host of ``origin`` in the letters it was written in, when they are not plain ASCII
    (a name that may only look like the Stamps server's); ``None`` when they are."""
    try:
        url = httpx.URL(origin)
    except (httpx.InvalidURL, UnicodeError, ValueError):
        return None
    return None if url.host == url.raw_host.decode("ascii") else url.host


def is_web_page(response: httpx.Response) -> bool:
    """Whether ``response``, which is not JSON, is HTML: a web page, where the API answers JSON.
    Said so by its ``Content-Type``, or by its first bytes when a proxy labels its own error
    page ``application/json`` (it read "not JSON", which sends nobody to the network)."""
    kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if kind in ("text/html", "application/xhtml+xml"):
        return True
    start = response.content[:_SNIFFED].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith(_HTML_STARTS)


#: How much of a body is looked at for a page's opening, and the openings of an HTML page.
_SNIFFED = 512
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<title")


def json_body(
    response: httpx.Response,
    secrets: Iterable[str] = (),
    abandoned: threading.Event | None = None,
) -> dict[str, Any]:
    """The JSON object of a 2xx answer, with ``secrets`` masked in its strings, or
    :class:`~errors.MalformedResponse` (:class:`Abandoned` once ``abandoned`` is set).

    The body decides, not its ``Content-Type``: a proxy that labels the API's JSON
    ``text/html`` passes on the server's own answer, which the endpoint's model then checks
    like any other (a wrong shape proves nothing). A web page never parses as JSON, so it is
    never read as an answer: it is :class:`~errors.WebPageAnswer`, by its label or its first
    bytes (architecture §1)."""
    try:
        data = _load_json(response.content, tuple(secrets), abandoned)
    except ValueError:
        if is_web_page(response):
            # what a shop's Wi-Fi login page (a captive portal) answers to every request
            raise errors.WebPageAnswer(
                f"a web page answered, not the Stamps server ({status_text(response)})",
                status_code=response.status_code,
            ) from None
        raise errors.MalformedResponse(
            f"the server accepted the request but its answer is not JSON ({status_text(response)})",
            status_code=response.status_code,
        ) from None
    if not isinstance(data, dict):
        raise errors.MalformedResponse(
            "the server accepted the request but its answer is not a JSON object",
            status_code=response.status_code,
        )
    return data


#: What an error answer carries (the docs' error examples, and Django REST's
#: ``non_field_errors``): a 2xx of these alone, saying something, is a refusal where nothing
#: is applied.
ERROR_FIELDS = frozenset({"detail", "errors", "error_code", "error_message", "non_field_errors"})


def validation_summary(error: ValidationError) -> str:
    """The fields a :class:`ValidationError` names and what is wrong with each; never the values."""
    parts = []
    for item in error.errors(include_input=False, include_url=False, include_context=False):
        where = ".".join(str(p) for p in item["loc"]) or "body"
        parts.append(f"{where} ({item['type']})")
    return ", ".join(parts[:10]) + (" …" if len(parts) > 10 else "")


def into_model(model: type[M], data: Mapping[str, Any], *, status_code: int) -> M:
    """``data`` read as ``model``, or :class:`~errors.MalformedResponse` naming the bad fields."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise errors.MalformedResponse(
            f"the server's answer does not fit {model.__name__}: {validation_summary(exc)}",
            status_code=status_code,
            json_object=True,
        ) from None
    except RecursionError:
        raise errors.MalformedResponse(
            f"the server's answer does not fit {model.__name__}: nested too deeply",
            status_code=status_code,
        ) from None


def interpret(
    response: httpx.Response,
    model: type[M],
    *,
    now: datetime,
    secrets: Iterable[str] = (),
    mask_answer: bool = True,
    read_only: bool = False,
    abandoned: threading.Event | None = None,
) -> tuple[M, dict[str, Any]]:
    """A 2xx answer as ``(model, raw body)``; any other answer raised as its taxonomy error.

    ``secrets`` are masked in what the answer says: a 2xx's raw body is stored (an outbox entry's
    response) and its strings are cached and shown, so a server echoing the token must not put it
    there. ``mask_answer`` false leaves a 2xx as it came, for the one answer that is itself a
    credential (the token exchange's JWT).

    401 and 403 come out as :class:`~errors.Unauthorized` / :class:`~errors.Forbidden`: telling bad
    credentials from a refused request takes a ping, which is the client's job.

    ``read_only`` marks a call that applies nothing (a GET): a 2xx whose body is only an error
    object is then the server's refusal, :class:`~errors.ReadRefused` in its own words, and a
    4xx that is a web page :class:`~errors.WebPageAnswer` (a proxy's, not the server's words).

    ``abandoned``, set from another thread, stops the reading at its next step with
    :class:`Abandoned` (a large answer read off the event loop, whose request was cancelled).
    """
    secrets = tuple(secrets)
    _unless_abandoned(abandoned)  # given up while it waited for the thread
    if 200 <= response.status_code < 300:
        data = json_body(response, secrets if mask_answer else (), abandoned)
        said = error_body_of(data)
        if read_only and said.message and set(data) <= ERROR_FIELDS:
            # Every field of a read's answer is optional somewhere, so ``{"errors": …}`` alone
            # would read as an empty catalogue, no vouchers, nobody found, and be cached as such.
            raise errors.ReadRefused(
                said.message,
                status_code=response.status_code,
                detail=said.message,
                error_code=said.error_code,
                field_errors=said.field_errors,
            )
        _unless_abandoned(abandoned)
        try:
            return into_model(model, data, status_code=response.status_code), data
        except errors.MalformedResponse:
            if said.message and set(data) <= ERROR_FIELDS:
                # nothing but the server's words where a result was due (a PIN's check): it
                # proves nothing, and says why in its own words, not "a form the till cannot read"
                raise errors.UnprovenAnswer(
                    quoted(said.message), status_code=response.status_code
                ) from None
            raise
    if read_only and _refused_by_a_page(response):
        # A proxy's or a front's page ("404 Not Found", nginx) is not the server turning the
        # read down: a member lookup said "No member matches" of Ayu, and the bar stayed Online.
        raise errors.WebPageAnswer(
            f"a web page answered, not the Stamps server ({status_text(response)})",
            status_code=response.status_code,
        )
    raise api_error(response, now=now, secrets=secrets)


def _refused_by_a_page(response: httpx.Response) -> bool:
    """A 4xx that is a web page: the API refuses in JSON (its ``detail``, ``errors``,
    ``error_message``), so a page is something else answering for it. 401 and 403 are the
    client's to judge by a ping, and a 408 or 429 turns the request away whoever says it."""
    status = response.status_code
    return 400 <= status < 500 and status not in (401, 403, 408, 429) and is_web_page(response)
