"""The sandbox as an ASGI app: the Stamps endpoints of architecture §1 over the state and rules.

:class:`Sandbox` puts the parts together (state, credentials, idempotency keys, faults,
persistence); :func:`create_app` serves it with Starlette, wrapped in the fault middleware.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Route

from app.sandbox import control, rules, shapes, views
from app.sandbox.auth import Credentials
from app.sandbox.data import DEMO_TOKEN
from app.sandbox.errors import ApiError, field_error
from app.sandbox.faults import FaultConfig, FaultInjector, FaultMiddleware
from app.sandbox.idempotency import IdempotencyKeys, fingerprint
from app.sandbox.persistence import SnapshotStore
from app.sandbox.rules import Operation
from app.sandbox.state import SandboxState

View = Callable[[SandboxState, dict[str, str]], dict[str, Any]]

GET_VIEWS: dict[str, View] = {
    "/api/v2/memberships/details": views.member_details,
    "/api/memberships/suggestions": views.suggestions,
    "/api/v3/activities/": views.activities,
    "/api/rewards/": views.rewards,
    "/api/vouchers/by-merchant-group": views.vouchers_by_group,
    "/api/vouchers/validate": views.validate_voucher,
    "/api/promo-codes/validate": views.validate_promo,
}


class Sandbox:
    """Everything one sandbox server holds. Touch it only from the server's event loop (or
    before the server starts)."""

    def __init__(
        self,
        token: str = DEMO_TOKEN,
        *,
        idempotency: bool = True,
        faults: FaultConfig | None = None,
        state_path: str | Path | None = None,
        extra_members: int = 0,
        extra_rewards: int = 0,
    ) -> None:
        self.store = SnapshotStore(state_path) if state_path is not None else None
        saved = self.store.load() if self.store is not None else None
        self.state = SandboxState(saved, extra_members=extra_members, extra_rewards=extra_rewards)
        if self.store is not None:
            self.state.on_change = self.store.save
            if saved is None:
                self.store.save(self.state.world)
        self.credentials = Credentials(token, self.state.world.merchant.id)
        self.idempotency_default = idempotency
        self.keys = IdempotencyKeys(self.state, enabled=idempotency)
        self.faults = FaultInjector(faults)
        # Set on shutdown so requests held by the timeout fault end and the server can stop.
        self.released = asyncio.Event()

    def reset(
        self,
        extra_rewards: int | None = None,
        *,
        stamps_unknown: Iterable[int] = (),
        ids_carry_on: bool = False,
    ) -> None:
        """Demo data afresh, keys and ledger emptied, clock and faults back to their defaults;
        ``extra_rewards`` generated rewards in this world, when given; the members
        ``stamps_unknown`` names answered without a balance; ``ids_carry_on``: the ids handed
        out next follow those handed out before, as for a till that outlives the reset."""
        self.state.reset(extra_rewards, stamps_unknown=stamps_unknown, ids_carry_on=ids_carry_on)
        self.keys.enabled = self.idempotency_default
        self.faults.reset()

    def release_held(self) -> None:
        self.released.set()

    def close(self) -> None:
        if self.store is not None:
            self.store.close()


def _parse_body(raw: bytes) -> dict[str, Any]:
    if not raw.strip():
        return {}
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise field_error("__all__", f"JSON parse error - {exc}") from None
    if not isinstance(data, dict):
        raise field_error("__all__", "JSON parse error - expected an object")
    return data


def _json(status: int, body: Any, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(body, status_code=status, headers=headers)


#: The POSTs whose token-in-body form seed 003 (the legacy style) documents: its six sections.
#: Every other POST (ping, deduct-value, redeem-promo-code) is documented with the
#: ``Authorization`` header alone, so a ``token`` in its body is no credential.
LEGACY_BODY = frozenset(
    {
        "/api/v2/redemptions/redeem-reward",
        "/api/v2/redemptions/redeem-voucher",
        "/api/redemptions/by-voucher-code",
        "/api/redemptions/cancel",
        "/api/redemptions/authorize",
        "/api/v2/redemptions/redeem-multiple-rewards",
    }
)


def _post(sandbox: Sandbox, operation: Operation, path: str) -> Callable[[Request], Any]:
    legacy = path.rstrip("/") in LEGACY_BODY

    async def endpoint(request: Request) -> Response:
        raw = await request.body()
        header = request.headers.get("authorization")
        now = sandbox.state.now()
        if header:  # a bad header is refused before the body is even read as JSON
            sandbox.credentials.check(header, None, now)
        data = _parse_body(raw)
        if not header:
            sandbox.credentials.check(None, data.get("token") if legacy else None, now)
        data.pop("token", None)
        key = request.headers.get("idempotency-key") or None
        print_ = fingerprint(request.method, request.url.path, data)
        if key and sandbox.keys.enabled:
            record = sandbox.keys.replay(key, print_)
            if record is not None:
                return _json(record.status, record.body, {"Idempotent-Replayed": "true"})
        try:
            status, body = 200, operation(sandbox.state, data, key)
        except ApiError as exc:
            status, body = exc.status, exc.body
        if key and sandbox.keys.enabled:
            sandbox.keys.remember(key, print_, status, body)
        return _json(status, body)

    return endpoint


def _get(sandbox: Sandbox, view: View) -> Callable[[Request], Any]:
    async def endpoint(request: Request) -> Response:
        query = dict(request.query_params)
        # The docs never put a credential in a URL: a ``token`` parameter is not read as one.
        query.pop("token", None)
        sandbox.credentials.check(request.headers.get("authorization"), None, sandbox.state.now())
        body = view(sandbox.state, query)
        if view is views.member_details and sandbox.faults.config.member_details_plural:
            body = shapes.plural_member_details(body)
        if view in _LISTINGS and sandbox.faults.config.vouchers_kind_unlisted:
            body = shapes.vouchers_without_kind(body)
        return _json(200, body)

    return endpoint


_LISTINGS = (views.rewards, views.vouchers_by_group)


def _ping(state: SandboxState, data: dict[str, Any], key: str | None) -> dict[str, Any]:
    return views.ping(state)


def _token_exchange(sandbox: Sandbox) -> Callable[[Request], Any]:
    async def endpoint(request: Request) -> Response:
        data = _parse_body(await request.body())
        return _json(200, sandbox.credentials.exchange(data, sandbox.state.now()))

    return endpoint


def _token_check(sandbox: Sandbox) -> Callable[[Request], Any]:
    """POST /api/auth/verify-token/: the payload of a valid bearer token."""

    async def endpoint(request: Request) -> Response:
        scheme, _, token = (request.headers.get("authorization") or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise ApiError(401, {"detail": "A Bearer token is required"})
        return _json(200, sandbox.credentials.verify_jwt(token.strip(), sandbox.state.now()))

    return endpoint


async def _always_500(request: Request) -> Response:
    """testing.rst's /api/500: a server error, as HTML, always."""
    return HTMLResponse("Server error - 500", status_code=500)


async def _always_400(request: Request) -> Response:
    """testing.rst's /api/400: a bad request, as HTML, always."""
    return HTMLResponse("Bad request - 400", status_code=400)


def _routes(path: str, endpoint: Callable[[Request], Any], *methods: str) -> list[BaseRoute]:
    """The path with and without its trailing slash: the docs spell some both ways, and a
    redirect would surprise a client that does not follow them."""
    other = path.rstrip("/") if path.endswith("/") else path + "/"
    return [Route(p, endpoint, methods=list(methods)) for p in (path, other)]


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return _json(exc.status, exc.body)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 405:
        detail = f'Method "{request.method}" not allowed.'
    elif exc.status_code == 404:
        detail = "Not found."
    else:
        detail = str(exc.detail)
    return _json(exc.status_code, {"detail": detail}, dict(exc.headers or {}))


def create_app(sandbox: Sandbox) -> FaultMiddleware:
    """The ASGI app serving ``sandbox``."""
    routes: list[BaseRoute] = []
    for path, operation in rules.OPERATIONS.items():
        routes += _routes(path, _post(sandbox, operation, path), "POST")
    routes += _routes("/api/ping", _post(sandbox, _ping, "/api/ping"), "POST")
    routes += _routes("/api/auth/get-access-token/", _token_exchange(sandbox), "POST")
    routes += _routes("/api/auth/verify-token/", _token_check(sandbox), "POST")
    routes += _routes("/api/500", _always_500, "GET", "POST")
    routes += _routes("/api/400", _always_400, "GET", "POST")
    for path, view in GET_VIEWS.items():
        routes += _routes(path, _get(sandbox, view), "GET")
    routes += control.routes(sandbox)
    app = Starlette(
        routes=routes,
        exception_handlers={ApiError: _api_error, HTTPException: _http_error},
    )
    return FaultMiddleware(app, sandbox.faults, sandbox.released)
