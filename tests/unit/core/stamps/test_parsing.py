"""Whatever the server sends, the reader answers with a parsed model or a taxonomy error."""

from __future__ import annotations

import asyncio
import contextlib
import json
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from app.core.domain import Outcome
from app.core.stamps import StampsClient, errors, parsing
from app.core.stamps.models import (
    ActivitiesResponse,
    MemberDetailsResponse,
    RedemptionResponse,
    RewardsResponse,
)
from app.core.stamps.redaction import MASK

from .helpers import BASE_URL, TOKEN

NOW = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
MODELS: list[type[BaseModel]] = [
    RedemptionResponse,
    MemberDetailsResponse,
    ActivitiesResponse,
    RewardsResponse,
]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "redemption",
                    "membership",
                    "customer",
                    "id",
                    "stamps",
                    "stamps_remaining",
                    "detail",
                    "errors",
                    "error_code",
                    "error_message",
                    "activities",
                    "type",
                    "user",
                    "rewards",
                    "voucher",
                    "info",
                    "reward",
                    "created",
                ]
            )
            | st.text(max_size=8),
            children,
            max_size=5,
        )
    ),
    max_leaves=25,
)
statuses = st.integers(min_value=100, max_value=599)
headers = st.dictionaries(
    st.sampled_from(["Retry-After", "Content-Type"]),
    st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=40),
    max_size=2,
)


def check(model: type[BaseModel], status: int, content: bytes, head: dict[str, str]) -> None:
    response = httpx.Response(status, content=content, headers=head)
    failure: errors.StampsError | None = None
    try:
        parsed, raw = parsing.interpret(response, model, now=NOW, secrets=(TOKEN,))
    except errors.StampsError as exc:
        failure = exc
    if failure is None:
        assert 200 <= status < 300
        assert isinstance(parsed, model)
        assert isinstance(raw, dict)
        return
    assert isinstance(failure.message, str) and failure.message
    if isinstance(failure, errors.ApiError):
        assert failure.status_code == status
        assert all(isinstance(v, str) for v in failure.field_errors.values())
        assert failure.retry_after is None or failure.retry_after >= 0


@given(st.sampled_from(MODELS), statuses, st.binary(max_size=300), headers)
@settings(deadline=None)
def test_arbitrary_bytes(
    model: type[BaseModel], status: int, content: bytes, head: dict[str, str]
) -> None:
    check(model, status, content, head)


@given(st.sampled_from(MODELS), statuses, json_values)
@settings(deadline=None)
def test_arbitrary_json(model: type[BaseModel], status: int, value: Any) -> None:
    check(model, status, json.dumps(value).encode(), {})


@given(st.sampled_from([200, 201, 400, 401, 403, 404, 429, 500, 503]), json_values)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_arbitrary_answers_through_the_client(status: int, value: Any) -> None:
    """The whole client (auth recovery and ping included) lets only the taxonomy out."""

    async def run() -> None:
        def handler(request: httpx.Request) -> httpx.Response:
            return httpx.Response(status, content=json.dumps(value).encode())

        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
            client = StampsClient(
                base_url=BASE_URL, token=TOKEN, merchant=1, store=1, http=http, auth="bearer"
            )
            with contextlib.suppress(errors.StampsError):
                await client.redeem_reward({"user": "u", "reward": 1, "store": 1}, "k")

    asyncio.run(run())


# --- the server's text, as it enters the till ------------------------------------------------

#: Characters no server text may bring to a terminal, a log line or a label.
UNSAFE = {chr(c) for c in range(0x20)} | {chr(c) for c in range(0x7F, 0xA0)}
UNSAFE |= set("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: Nor invisible padding that makes two names look alike, nor a lone surrogate (no UTF-8 has it).
UNSAFE |= set("\u200b\u2060\ufeff\u00ad\U000e0041\ud800\udfff")


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    if isinstance(value, BaseModel):
        return _strings(value.model_dump())
    return []


hostile_text = st.text(
    alphabet=st.sampled_from(
        [
            *("a", " ", ":", "\x1b", "[", "2", "J", "\n", "\r", "\x07", "\u202e", "\u200b"),
            *("\ufeff", "\U000e0041", "\ud800", "\udfff", "\u200d", "\U0001f600"),
        ]
    ),
    max_size=30,
)


@given(st.sampled_from([200, 400, 404, 500]), hostile_text, hostile_text)
@settings(deadline=None)
def test_no_control_character_gets_past_the_reader(status: int, text: str, key: str) -> None:
    body = {
        "detail": text,
        "error_message": text,
        "errors": {key: text, "user": [text]},
        "redemption": {"id": 3, "reward": text},
        "user": {"name": text, "email": text},
        "membership": {"level_text": text},
    }
    response = httpx.Response(status, content=json.dumps(body).encode())
    try:
        parsed, raw = parsing.interpret(response, RedemptionResponse, now=NOW)
    except errors.ApiError as exc:
        seen = [exc.message, exc.detail or "", *exc.field_errors, *exc.field_errors.values()]
    else:
        seen = _strings(parsed) + _strings(raw)
    for text_seen in seen:
        assert not UNSAFE & set(text_seen), repr(text_seen)


def test_a_screen_clearing_detail_reaches_nobody() -> None:
    body = {"detail": "\u001b[2J\u001b[H\u001b[32mConfirmed [synced]\u001b[0m\x07"}
    failure = parsing.api_error(httpx.Response(400, json=body), now=NOW)
    assert failure.message == "Confirmed [synced]"


def test_invisible_padding_goes_and_a_lone_surrogate_shows_as_a_replacement() -> None:
    body = rb'{"user": {"name": "Ay\u200bu\ufeff"}, "redemption": {"id": 3, "reward": "K \ud800"}}'
    _, raw = parsing.interpret(httpx.Response(200, content=body), RedemptionResponse, now=NOW)
    assert raw["user"]["name"] == "Ayu"  # the same name as the member without the padding
    assert raw["redemption"]["reward"] == "K \ufffd"
    raw["redemption"]["reward"].encode()  # a log line, a row and a label can hold it
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # joined by U+200D, kept
    assert (
        parsing.interpret(
            httpx.Response(200, json={"redemption": {"id": 3, "reward": family}}),
            RedemptionResponse,
            now=NOW,
        )[1]["redemption"]["reward"]
        == family
    )


@pytest.mark.parametrize("blank", ["\u3164", "\u115f", "\u1160", "\uffa0", "\u2800"])
def test_a_blank_unicode_files_as_a_letter_goes_like_other_padding(blank: str) -> None:
    # Hangul fillers and the Braille blank draw nothing: a member "Ayu\u3164" read as "Ayu"
    # on screen, another member than the Ayu the cashier meant.
    body = {"user": {"name": f"Ay{blank}u{blank}"}, "redemption": {"id": 3}}
    _, raw = parsing.interpret(httpx.Response(200, json=body), RedemptionResponse, now=NOW)
    assert raw["user"]["name"] == "Ayu"


def test_a_stack_of_combining_marks_is_cut_to_what_a_script_uses() -> None:
    # Sixty accents on one letter are drawn over the lines above and below it: on the slip they
    # hid the date and the cashier. Four a letter is more than Vietnamese or Thai ever stack.
    zalgo = "A" + "\u0301\u0302\u0303\u0304\u0305" * 12 + "yu"
    vietnamese = "Nguye\u0323\u0302n Thi\u0323 Hu\u031bo\u031b\u0300ng"  # decomposed, 2 a letter
    body = {"user": {"name": zalgo}, "redemption": {"id": 3, "reward": vietnamese}}
    _, raw = parsing.interpret(httpx.Response(200, json=body), RedemptionResponse, now=NOW)
    assert raw["user"]["name"] == "A\u0301\u0302\u0303\u0304yu"
    assert raw["redemption"]["reward"] == vietnamese


def test_line_breaks_become_spaces() -> None:
    failure = parsing.api_error(httpx.Response(400, json={"detail": "one\r\ntwo\tthree"}), now=NOW)
    assert failure.message == "one two three"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        pytest.param(
            {
                "detail": "voucher_code: Voucher not found",
                "errors": {"voucher_code": "Voucher not found"},
                "error_code": "invalid_data",
                "error_message": "voucher_code: Voucher not found",
            },
            "Voucher not found",
            id="sandbox-shape",
        ),
        pytest.param({"detail": "Voucher_code: Voucher not found"}, "Voucher not found", id="cap"),
        pytest.param({"detail": "__all__: User not found"}, "User not found", id="all"),
        pytest.param(
            {"detail": "rewards[1].code: Reward KR-9 not found"},
            "Reward KR-9 not found",
            id="nested-field",
        ),
        pytest.param({"errors": {"voucher": ["Used", "Expired"]}}, "Used; Expired", id="field"),
        pytest.param({"detail": "Note: closing at 9"}, "Note: closing at 9", id="not-a-field"),
        pytest.param({"detail": "Error: try later"}, "Error: try later", id="a-word-stays"),
        pytest.param({"detail": "pin:"}, "pin:", id="nothing-after-the-prefix"),
    ],
)
def test_field_prefixes_are_stripped_from_the_message(body: dict[str, Any], message: str) -> None:
    failure = parsing.api_error(httpx.Response(400, json=body), now=NOW)
    assert failure.message == message


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        pytest.param(httpx.Response(400, json={"message": "Reward sold out"}), "Reward sold out"),
        pytest.param(
            httpx.Response(409, json={"error": "Invoice already used"}), "Invoice already used"
        ),
        pytest.param(
            httpx.Response(422, json={"error": {"code": 7, "message": "Store closed"}}),
            "Store closed",
        ),
        pytest.param(
            httpx.Response(
                400,
                headers={"Content-Type": "text/plain; charset=utf-8"},
                content=b"Member blocked\n",
            ),
            "Member blocked",
        ),
    ],
)
def test_the_words_of_an_error_shape_the_docs_do_not_show_are_read(
    answer: httpx.Response, said: str
) -> None:
    # A server other than Stamps' own (a framework's default error, a gateway's) says why in
    # ``message``, ``error`` or a line of plain text: "refused it without saying why" was false.
    failure = parsing.api_error(answer, now=NOW)
    assert (failure.detail, failure.message) == (said, said)


@pytest.mark.parametrize(
    "answer",
    [
        httpx.Response(400, json={"message": {"deep": "no words"}}),
        httpx.Response(400, headers={"Content-Type": "text/plain"}, content=b"one\ntwo\nthree"),
        httpx.Response(502, headers={"Content-Type": "text/html"}, content=b"<h1>Bad</h1>"),
        httpx.Response(400, headers={"Content-Type": "text/plain"}, content=b"x" * 400),
    ],
)
def test_a_page_or_an_object_without_words_is_no_reason(answer: httpx.Response) -> None:
    failure = parsing.api_error(answer, now=NOW)
    assert failure.detail is None
    assert failure.message == parsing.status_text(answer)


@pytest.mark.parametrize(
    ("location", "moved_to"),
    [
        ("https://stamps.co.id/api/ping?token=secret", "https://stamps.co.id"),
        ("https://stamps.example:8443/x", "https://stamps.example:8443"),
        ("HTTP://Stamps.Example:80/", "http://stamps.example"),
        ("/api/v2/ping", None),  # the same server: base_url's origin is right
        ("javascript:alert(1)", None),
        ("http://[::1", None),  # not an address
    ],
)
def test_a_redirect_names_only_the_origin_it_sends_the_till_to(
    location: str, moved_to: str | None
) -> None:
    request = httpx.Request("POST", "http://till.example/api/redemptions")
    answer = httpx.Response(301, headers={"Location": location}, request=request)
    failure = parsing.api_error(answer, now=NOW, secrets=("secret",))
    assert failure.moved_to == moved_to
    assert "secret" not in failure.message and "token" not in failure.message
    assert isinstance(failure, errors.ServerError)  # still "may have gone through"
    assert isinstance(failure, errors.Redirected) and failure.outcome is Outcome.AMBIGUOUS
    if moved_to:
        assert failure.message == f"301 Moved Permanently, to {moved_to}"


def test_a_web_page_answering_for_the_server_is_told_apart_and_proves_nothing() -> None:
    # A shop's Wi-Fi login page answers every request 200 with HTML.
    page = httpx.Response(
        200,
        headers={"Content-Type": "text/html; charset=utf-8"},
        content=b"<html><body>Welcome to CafeWiFi <form>Login</form></body></html>",
    )
    with pytest.raises(errors.WebPageAnswer) as caught:
        parsing.json_body(page)
    assert caught.value.outcome is Outcome.AMBIGUOUS  # a redemption may still have gone through
    assert caught.value.message == "a web page answered, not the Stamps server (200 OK)"
    plain = httpx.Response(200, headers={"Content-Type": "text/plain"}, content=b"ok")
    with pytest.raises(errors.MalformedResponse) as other:
        parsing.json_body(plain)
    assert not isinstance(other.value, errors.WebPageAnswer)


@pytest.mark.parametrize(
    "content_type", ["text/html; charset=utf-8", "text/plain", "application/octet-stream", ""]
)
def test_the_api_s_json_under_another_label_is_still_its_answer(content_type: str) -> None:
    # A proxy that labels every answer text/html passes the server's own JSON on: the body,
    # not the label, is the answer, and the endpoint's model checks its shape as ever.
    body = b'{"redemption": {"id": 3, "status": 1}, "membership": {"stamps": 40}}'
    answer = httpx.Response(200, headers={"Content-Type": content_type}, content=body)
    read, raw = parsing.interpret(answer, RedemptionResponse, now=NOW)
    assert read.redemption is not None and read.redemption.id == 3
    assert read.stamps_remaining == 40 and raw["redemption"]["id"] == 3


@pytest.mark.parametrize(
    ("content_type", "page"),
    [
        ("text/html", b"<html><body>Welcome to CafeWiFi <form>Login</form></body></html>"),
        # a proxy's own error page, labelled as the API's JSON: a web page all the same
        ("application/json", b"\n  <!DOCTYPE html><html><title>502 Proxy Error</title></html>"),
        ("application/json; charset=utf-8", b"<HTML><HEAD><TITLE>Access denied</TITLE>"),
        ("", b"\xef\xbb\xbf<html><body>Sign in to continue</body></html>"),
        # a page that carries the API's JSON in it is still a page: never read as the answer
        ("text/html", b'<html><pre>{"redemption": {"id": 3}}</pre></html>'),
    ],
)
def test_a_web_page_is_never_read_as_an_answer_whatever_its_label(
    content_type: str, page: bytes
) -> None:
    answer = httpx.Response(200, headers={"Content-Type": content_type}, content=page)
    with pytest.raises(errors.WebPageAnswer) as caught:
        parsing.interpret(answer, RedemptionResponse, now=NOW)
    assert caught.value.outcome is Outcome.AMBIGUOUS
    assert caught.value.message == "a web page answered, not the Stamps server (200 OK)"


@pytest.mark.parametrize(
    ("content", "reward"),
    [
        # printable ASCII is read without a walk, unless it holds a secret
        (f'{{"redemption": {{"id": 3, "reward": "said {TOKEN}"}}}}'.encode(), f"said {MASK}"),
        (f'{{"redemption": {{"id": 3, "reward": "Kopi"}}, "{TOKEN}": 1}}'.encode(), "Kopi"),
        # an escape makes a string that is not the answer's bytes as written
        (rb'{"redemption": {"id": 3, "reward": "\u001b[2JKopi\u0007"}}', "Kopi"),
        (rb'{"redemption": {"id": 3, "reward": "Ko\u200bpi"}}', "Kopi"),
        # a line break between fields is not printable, and UTF-8 is not ASCII
        (b'{"redemption": {"id": 3,\n"reward": "Ko\xe2\x80\x8bpi"}}', "Kopi"),
        # nested past what is read without a walk
        (
            b'{"redemption": {"id": 3, "reward": "Kopi"}, "x": ' + b"[" * 80 + b"]" * 80 + b"}",
            "Kopi",
        ),
    ],
)
def test_an_answer_is_cleaned_whether_or_not_it_is_walked(content: bytes, reward: str) -> None:
    _, raw = parsing.interpret(
        httpx.Response(200, content=content), RedemptionResponse, now=NOW, secrets=(TOKEN,)
    )
    assert raw["redemption"]["reward"] == reward
    assert TOKEN not in json.dumps(raw)


def test_a_plain_answer_is_handed_back_as_decoded() -> None:
    content = b'{"redemption": {"id": 3, "reward": "Kopi Susu", "stamps": [1, 2.5, null]}}'
    assert parsing._load_json(content, (TOKEN,)) == json.loads(content)


@pytest.mark.parametrize(
    "location", ["https://xn--tamps-g2e.co.id/login", "https://\u0455tamps.co.id/login"]
)
def test_a_redirect_to_a_look_alike_name_is_named_by_its_punycode(location: str) -> None:
    # its "ѕ" Cyrillic: in Unicode alone it reads as the Stamps server's own name
    request = httpx.Request("GET", "https://stamps.co.id/api/ping")
    answer = httpx.Response(302, headers={"Location": location.encode()}, request=request)
    failure = parsing.api_error(answer, now=NOW)
    assert failure.moved_to == "https://xn--tamps-g2e.co.id"
    assert failure.message == (
        "302 Found, to https://xn--tamps-g2e.co.id (written \u0455tamps.co.id: not plain ASCII)"
    )
