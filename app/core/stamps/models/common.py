"""Building blocks shared by the request and response models.

Every model hides input values in its validation errors (``hide_input_in_errors``): a request can
carry a PIN or a token, and a response can carry a member's personal data, and neither may end up in
an exception message or a log line.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    JsonValue,
    StrictFloat,
    StrictInt,
    StrictStr,
    StringConstraints,
)

from app.core.domain import Channel


class StampsRequest(BaseModel):
    """Base of every request the till sends: unknown fields are refused, values never echoed."""

    # defer_build: each model's validator is built when first used, not when the till's modules
    # load at start (~40 ms for the requests and responses together: docs/performance.md).
    # pydantic >= 2.14 (the project's floor) rebuilds under a lock, so two threads' first uses
    # of one model cannot see it half built.
    model_config = ConfigDict(
        extra="forbid", hide_input_in_errors=True, frozen=True, defer_build=True
    )

    def to_json(self) -> dict[str, Any]:
        """The JSON object (or query) the server receives; unset optional fields are left out."""
        return self.model_dump(mode="json", exclude_none=True)


class StampsResponse(BaseModel):
    """Base of every response model: unknown fields are ignored, values never echoed in errors."""

    model_config = ConfigDict(
        extra="ignore", hide_input_in_errors=True, frozen=True, defer_build=True
    )


def _refuse_bool(value: object) -> object:
    # bool is an int subclass, and pydantic's lax mode would turn True into channel 1.
    if isinstance(value, bool):
        raise ValueError("a channel is a number, not a boolean")
    return value


def _all_finite(value: dict[str, JsonValue]) -> dict[str, JsonValue]:
    # JSON has no NaN or Infinity; httpx would refuse to encode the body only when sending.
    stack: list[object] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, float) and not math.isfinite(item):
            raise ValueError("JSON numbers must be finite")
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return value


#: Free-form JSON object (``extra_data``): anything JSON can carry, and nothing it cannot.
JsonObject = Annotated[dict[str, JsonValue], AfterValidator(_all_finite)]
#: A database id the server hands out: a positive integer, never a string or a boolean.
PositiveId = Annotated[int, Field(strict=True, gt=0)]
#: A positive whole count (quantity, stamps, seconds).
PositiveCount = Annotated[int, Field(strict=True, gt=0)]
#: Free text that must say something (an identifier, a code): not empty, not only spaces.
NonBlank = Annotated[StrictStr, StringConstraints(min_length=1, pattern=r"^\s*\S")]
#: A channel, given as :class:`Channel` or its number.
ChannelNumber = Annotated[Channel, BeforeValidator(_refuse_bool)]
#: A whole number as the server writes it, within what the till's database holds (a signed 64-bit
#: integer): a bigger one makes the answer unreadable instead of crashing whatever stores it.
WireInt = Annotated[int, Field(strict=True, ge=-(2**63), le=2**63 - 1)]
#: A JSON number as the server writes it.
Number = WireInt | Annotated[StrictFloat, Field(allow_inf_nan=False)]

#: An id written as the digits of a positive whole number, as the docs write a member's
#: (``"id": "454"``): no sign, no leading zero, no space, nothing that reads two ways.
_ID_DIGITS = re.compile(r"[1-9][0-9]{0,18}")


def id_in_digits(value: object) -> object:
    """``value``, or the whole number it names when it is a positive id's digits as text."""
    # The docs write ids as numbers on some pages and as text on others (a member's "454", the
    # promo answer's user "123"); a server written from them may name a redemption either way,
    # and "3" names the same redemption as 3. Any other text is left for the int to refuse.
    if isinstance(value, str) and _ID_DIGITS.fullmatch(value):
        return int(value)
    return value


#: The id the server names what it made by: a whole number, or its digits as text.
ServerId = Annotated[WireInt, BeforeValidator(id_in_digits)]

#: The longest whole number read as a code's digits: the till refuses a typed code longer than
#: 64 characters (app/core/services/codes.py), and none longer could be typed to match it.
_CODE_DIGITS = 10**64


def code_text(value: object) -> str | None:
    """A voucher code as the server wrote it, as text: the text itself, or a whole number's
    digits; ``None`` for anything else.

    The docs type a voucher code as text ("VC-ABC"); a server may write one made of digits as
    a JSON number. A whole number reads one way only (JSON writes it with no leading zero, no
    sign, no point), so it is read as its digits: the code the member holds and the cashier
    types. 3.0 or 1e3 could be "3", "3.0" or "1000", and true is no code."""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < _CODE_DIGITS:
        return str(value)
    return None


def _code_in_digits(value: object) -> object:
    # anything but text or a whole number is left for the text to refuse: the voucher is
    # unreadable, never offered under a code it may not have
    return code_text(value) or value


#: A code as the server writes it: text, or a whole number read as its digits.
CodeText = Annotated[StrictStr, BeforeValidator(_code_in_digits)]
#: A money amount the till sends: positive, finite, kept an int when given as one.
PositiveAmount = (
    Annotated[StrictInt, Field(gt=0)] | Annotated[StrictFloat, Field(gt=0, allow_inf_nan=False)]
)
#: A transaction value a validation call may be given: zero or more.
Amount = (
    Annotated[StrictInt, Field(ge=0)]
    | Annotated[StrictFloat, Field(ge=0, allow_inf_nan=False)]
    | Annotated[Decimal, Field(strict=True, ge=0, allow_inf_nan=False)]
)


#: Money written as text that says one amount only: digits, and at most two after a point
#: (``"10000"``, ``"10000.00"``: what a Django REST server writes for a decimal field). Not
#: ``"10.000"``, which a reader in Indonesia takes for ten thousand and a JSON reader for ten,
#: nor ``"10,000"``, ``"1e4"``, ``"-5"`` or a space around the digits.
_MONEY_TEXT = re.compile(r"^[0-9]{1,18}(?:\.[0-9]{1,2})?$")


def _json_decimal(value: object) -> object:
    # A JSON number read as the decimal the server wrote: a float's shortest repr is that text
    # for any value of up to 15 significant digits (more is lost by JSON readers anyway).
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, str):
        # The same amount written as text: the docs show numbers, but "10000" can mean nothing
        # else, and refusing it would make a voucher the member holds unusable at the counter.
        if not _MONEY_TEXT.match(value):
            raise ValueError("a money value is a number")
        number = Decimal(value)
    elif isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("a money value is a JSON number")
    else:
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        raise ValueError("a money value is finite")
    return number


#: A whole number that is none or more, written as its digits: no sign, no leading zero.
_WHOLE_DIGITS = re.compile(r"0|[1-9][0-9]{0,18}")


def _whole_in_digits(value: object) -> object:
    # A count or a type written as the digits of a whole number ("20", as a server that types
    # every field loosely writes a reward's price) can mean nothing else; "020", "2.0" or " 2"
    # is left for the int to refuse.
    if isinstance(value, str) and _WHOLE_DIGITS.fullmatch(value):
        return int(value)
    return value


#: An id a listing names an item by, for the till to send back: a positive whole number, or
#: its digits as text (the docs write a member's id so, ``"id": "454"``; a reward or voucher
#: listed so was left out as unreadable).
ListedId = Annotated[
    Annotated[int, Field(strict=True, gt=0, le=2**63 - 1)], BeforeValidator(id_in_digits)
]
#: A whole count that cannot be less than none (a reward's price in stamps), or its digits.
WireCount = Annotated[
    Annotated[int, Field(strict=True, ge=0, le=2**63 - 1)], BeforeValidator(_whole_in_digits)
]
#: A whole number the server may write as its digits (a reward's type, ``"5"``).
WireDigits = Annotated[WireInt, BeforeValidator(_whole_in_digits)]

#: Money as the server writes it (the voucher docs call a value a float; the same amount as
#: plain digits in a string is read too, :data:`_MONEY_TEXT`), read as a
#: :class:`~decimal.Decimal` so no rupiah or sen is lost or rounded away.
Money = Annotated[Decimal, BeforeValidator(_json_decimal)]
#: What a voucher is worth, as a listing offers it: no voucher is worth less than nothing, and
#: none more than the till's database holds.
VoucherValue = Annotated[Decimal, BeforeValidator(_json_decimal), Field(ge=0, le=2**63 - 1)]
#: A time as the docs show them: ``"DD-MM-YYYY HH:MM"``, ``"YYYY-MM-DD"`` or unix seconds,
#: whole or with a fraction (``1607049764.25``, as a server's ``time.time()`` writes them: a
#: feed of such lines was unreadable, and no redemption was ever found in it).
ApiTime = StrictStr | WireInt | Annotated[StrictFloat, Field(allow_inf_nan=False)]


#: The zone of a time the server writes without one: Western Indonesian Time (Asia/Jakarta).
#: The docs' only times with a zone are +07 (transaction_api's ``created``,
#: ``2013-02-15T13:01:01+07``), and their feed's unix times fall in Jakarta's working day
#: (1607049764 is 09:42 there); Indonesia keeps no summer time, so the offset is fixed and
#: needs no zone database (a Windows till has none). Read as UTC, a feed written in WIB put
#: every line 7 h late, past any attempt's window.
SERVER_ZONE = timezone(timedelta(hours=7), "WIB")

#: The docs' day-first form, with its seconds (and a fraction of one) where a server adds them
#: ("31-12-2026 23:59:59": such a voucher's end left it out as unreadable) and a zone where it
#: gives one, as the year-first form takes them.
_DAY_FIRST = re.compile(
    r"^(\d{1,2})-(\d{1,2})-(\d{4})"
    r"(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$",
    re.IGNORECASE,
)
_YEAR_FIRST = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T\s](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$",
    re.IGNORECASE,
)
_SECOND, _MINUTE, _DAY = timedelta(seconds=1), timedelta(minutes=1), timedelta(days=1)


def _zone(text: str | None) -> tzinfo:
    if text is None:
        return SERVER_ZONE
    if text.upper() == "Z":
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0)))


def api_time_span(value: str | float | None) -> tuple[datetime, timedelta] | None:
    """When a time in any of the docs' formats may have been: its first instant (aware, in
    UTC) and how long it lasts as written (a day for a date alone, a minute for a time to the
    minute, a second otherwise); ``None`` when unreadable. A time written without a zone is
    the server's, :data:`SERVER_ZONE`; one with a zone (``Z``, ``+07``, ``+07:00``) is read in
    it. Seconds and a fraction of one are read where given, the fraction as the second it is in
    (unix seconds too)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            return datetime.fromtimestamp(math.floor(value), UTC), _SECOND
        except (OverflowError, OSError, ValueError):
            return None
    text = value.strip()
    if match := _DAY_FIRST.match(text):
        day, month, year, hour, minute, second, zone = match.groups()
        parts: tuple[str | None, ...] = (year, month, day, hour, minute, second, zone)
    elif match := _YEAR_FIRST.match(text):
        parts = match.groups()
    else:
        return None
    year, month, day, hour, minute, second, zone = parts
    lasts = _DAY if hour is None else _MINUTE if second is None else _SECOND
    try:
        moment = datetime(
            int(year or 0),
            int(month or 0),
            int(day or 0),
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
            tzinfo=_zone(zone),
        )
        return moment.astimezone(UTC), lasts
    except (ValueError, OverflowError):
        return None


def parse_api_time(value: str | float | None) -> datetime | None:
    """Read any of the docs' time formats as an aware UTC datetime (its first instant,
    :func:`api_time_span`); ``None`` when unreadable."""
    span = api_time_span(value)
    return span[0] if span else None


def parse_api_date(value: str | float | None) -> date | None:
    """The calendar day of :func:`parse_api_time`, in the server's zone: ``"2099-04-28"`` is
    that day, not the one before, where UTC's day began."""
    moment = parse_api_time(value)
    return moment.astimezone(SERVER_ZONE).date() if moment else None
