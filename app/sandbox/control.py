"""The control endpoints under ``/_sandbox/``: for tests and demos, never for the till.

They answer only requests from loopback, need no token, and are never faulted:

- ``POST /_sandbox/reset``: demo data afresh, keys, ledger, clock and faults back to defaults
  (``{"extra_rewards": N}``: N generated rewards in this world, so the catalogue pages)
- ``GET /_sandbox/ledger``: every applied effect in order
- ``GET|POST /_sandbox/faults``: read or change the fault settings (partial JSON object);
  the answer also counts the requests ``held`` waits at its gate (``holding``)
- ``GET|POST /_sandbox/idempotency``: ``{"enabled": bool}``
- ``GET|POST /_sandbox/clock``: ``{"advance": seconds}`` moves sandbox time forward;
  ``{"hold": true}`` stops it where it stands (``advance`` still moves it), ``{"hold": false}``
  lets it run on from there
"""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

if TYPE_CHECKING:
    from app.sandbox.server import Sandbox

_LOOPBACK = ("127.", "::1", "::ffff:127.")


def _from_loopback(request: Request) -> bool:
    host = request.client.host if request.client else ""
    return host.startswith(_LOOPBACK)


async def _body(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if not raw.strip():
        return {}
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise ValueError("expected a JSON object")
    return data


def routes(sandbox: Sandbox) -> list[BaseRoute]:
    def guarded(handler: Any) -> Any:
        async def endpoint(request: Request) -> Response:
            if not _from_loopback(request):
                return JSONResponse({"detail": "Control endpoints answer loopback only."}, 403)
            try:
                return JSONResponse(await handler(request))
            except (ValueError, TypeError, KeyError) as exc:
                return JSONResponse({"detail": str(exc)}, 400)

        return endpoint

    async def reset(request: Request) -> dict[str, Any]:
        options = await _body(request)
        unknown = set(options) - {"extra_rewards", "stamps_unknown", "ids_carry_on"}
        if unknown:
            raise ValueError(f"unknown reset options: {sorted(unknown)}")
        extra = options.get("extra_rewards")
        if extra is not None and (
            isinstance(extra, bool) or not isinstance(extra, int) or not 0 <= extra <= 10_000
        ):
            raise ValueError("extra_rewards must be a whole number from 0 to 10000")
        # members the server gives no balance for (``"stamps": null``), by id
        hidden = options.get("stamps_unknown", [])
        if not isinstance(hidden, list) or not all(
            isinstance(m, int) and not isinstance(m, bool) for m in hidden
        ):
            raise ValueError("stamps_unknown must be a list of member ids")
        carry_on = options.get("ids_carry_on", False)
        if not isinstance(carry_on, bool):
            raise ValueError("ids_carry_on must be true or false")
        sandbox.reset(extra, stamps_unknown=hidden, ids_carry_on=carry_on)
        return {"status": "ok"}

    async def ledger(request: Request) -> dict[str, Any]:
        return {"entries": [dataclasses.asdict(e) for e in sandbox.state.world.ledger]}

    async def faults(request: Request) -> dict[str, Any]:
        if request.method == "POST":
            sandbox.faults.configure(**await _body(request))
        return {
            "config": dataclasses.asdict(sandbox.faults.config),
            "injected": list(sandbox.faults.injected),
            "holding": sandbox.faults.holding,
        }

    async def idempotency(request: Request) -> dict[str, Any]:
        if request.method == "POST":
            sandbox.keys.enabled = bool((await _body(request))["enabled"])
        return {"enabled": sandbox.keys.enabled, "keys": len(sandbox.state.world.idempotency)}

    async def clock(request: Request) -> dict[str, Any]:
        if request.method == "POST":
            body = await _body(request)
            seconds = float(body.get("advance", 0))
            if seconds < 0:
                raise ValueError("the sandbox clock only moves forward")
            if "hold" in body:
                if not isinstance(body["hold"], bool):
                    raise ValueError("hold is true or false")
                sandbox.state.hold(body["hold"])
            sandbox.state.advance(seconds)
        state = sandbox.state
        return {"now": state.now(), "offset": state.world.clock_offset, "held": state.held}

    return [
        Route("/_sandbox/reset", guarded(reset), methods=["POST"]),
        Route("/_sandbox/ledger", guarded(ledger), methods=["GET"]),
        Route("/_sandbox/faults", guarded(faults), methods=["GET", "POST"]),
        Route("/_sandbox/idempotency", guarded(idempotency), methods=["GET", "POST"]),
        Route("/_sandbox/clock", guarded(clock), methods=["GET", "POST"]),
    ]
