"""PIN authorisation: the member's 6-digit PIN, three attempts, a request_id kept for timeout s."""

from __future__ import annotations

from typing import Any

from app.sandbox.errors import field_error
from app.sandbox.model import PinAuthorization
from app.sandbox.state import SandboxState, as_int, require

PIN_ATTEMPTS = 3


def authorize(state: SandboxState, data: dict[str, Any], key: str | None) -> dict[str, Any]:
    """POST /api/redemptions/authorize: check the member's 6-digit PIN and remember the
    request_id as authorised for ``timeout`` seconds. Three wrong PINs block it."""
    require(data, "user", "pin", "request_id", "timeout")
    member = state.member_or_error(data["user"])
    timeout = as_int(data["timeout"], "timeout", minimum=1)
    pin = data["pin"]
    if not isinstance(pin, str) or len(pin) != 6 or not pin.isdigit():
        raise field_error("pin", "PIN must be a 6 digit string")
    if member.pin is None:
        raise field_error("user", f"{member.name} has no PIN")
    if member.pin_is_blocked:
        raise field_error("pin", "PIN is blocked after too many wrong attempts", "pin_blocked")
    request_id = str(data["request_id"])
    previous = state.world.authorizations.get(request_id)
    if previous is not None and (previous.used or previous.member != member.id):
        raise field_error("request_id", "Request ID has already been used")
    if pin != member.pin:
        member.pin_failures += 1
        left = max(PIN_ATTEMPTS - member.pin_failures, 0)
        member.pin_is_blocked = left == 0
        state.changed()
        raise field_error("pin", f"Invalid PIN, {left} attempt(s) left", "invalid_pin")

    member.pin_failures = 0
    state.world.authorizations[request_id] = PinAuthorization(
        request_id=request_id, member=member.id, expires_at=state.now() + timeout
    )
    state.changed()
    return {"status": "ok"}
