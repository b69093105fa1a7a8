"""Whatever the server sends, the reader answers with a parsed model or a taxonomy error."""

from __future__ import annotations

import asyncio
import contextlib
import json
from datetime import UTC, datetime
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from app.core.stamps import StampsClient, errors, parsing
from app.core.stamps.models import (
    ActivitiesResponse,
    MemberDetailsResponse,
    RedemptionResponse,
    RewardsResponse,
)

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
