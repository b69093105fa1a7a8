"""Credentials the sandbox accepts: the static token (``Authorization: Token <t>``), a JWT it
signed itself (``Authorization: Bearer <jwt>``), and the legacy ``token`` field in the JSON body
of the POSTs seed 003 documents it for (``server.LEGACY_BODY``). A ``token`` in a query string is
not a credential: the docs never put one in a URL.

Answers follow the docs: no credentials at all is 403 "Authentication credentials were not
provided." (customer_api.rst, reward_api.rst); a wrong or expired token is 401 "Invalid token"
(testing.rst).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from typing import Any

from app.sandbox.errors import ApiError, fields_error
from app.sandbox.state import as_int

JWT_LIFETIME = 24 * 3600

NOT_PROVIDED = ApiError(403, {"detail": "Authentication credentials were not provided."})


def invalid(detail: str = "Invalid token") -> ApiError:
    return ApiError(401, {"detail": detail})


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Credentials:
    """Checks a request's credentials against the one static token of the sandbox merchant."""

    def __init__(self, token: str, merchant_id: int) -> None:
        self.token = token
        self.merchant_id = merchant_id
        # Derived from the token, so JWTs survive a restart of a persistent sandbox.
        self._key = hashlib.sha256(b"stamps-sandbox-jwt:" + token.encode()).digest()

    def issue_jwt(self, now: float) -> str:
        header = {"typ": "JWT", "alg": "HS256"}
        payload = {
            "token_type": "access",
            "exp": int(now) + JWT_LIFETIME,
            "iat": int(now),
            "jti": secrets.token_hex(16),
            "user_id": 1,
            "merchant_id": self.merchant_id,
        }
        signing_input = (
            _b64(json.dumps(header, separators=(",", ":")).encode())
            + "."
            + _b64(json.dumps(payload, separators=(",", ":")).encode())
        )
        signature = hmac.new(self._key, signing_input.encode(), hashlib.sha256).digest()
        return signing_input + "." + _b64(signature)

    def verify_jwt(self, jwt: str, now: float) -> dict[str, Any]:
        try:
            header_b64, payload_b64, signature_b64 = jwt.split(".")
            signing_input = f"{header_b64}.{payload_b64}".encode()
            expected = hmac.new(self._key, signing_input, hashlib.sha256).digest()
            if not hmac.compare_digest(expected, _unb64(signature_b64)):
                raise invalid("Invalid token")
            header = json.loads(_unb64(header_b64))
            payload: dict[str, Any] = json.loads(_unb64(payload_b64))
        except (ValueError, UnicodeDecodeError):
            raise invalid("Invalid token") from None
        if header.get("alg") != "HS256" or payload.get("merchant_id") != self.merchant_id:
            raise invalid("Invalid token")
        if int(payload.get("exp", 0)) <= now:
            raise invalid("Token has expired")
        return payload

    def check(self, authorization: str | None, legacy_token: object, now: float) -> None:
        """Raise the documented 401/403 unless the request carries valid credentials. The header
        wins when both are present."""
        if authorization:
            scheme, _, value = authorization.strip().partition(" ")
            value = value.strip()
            if scheme.lower() == "token" and value:
                if not hmac.compare_digest(value.encode(), self.token.encode()):
                    raise invalid()
                return
            if scheme.lower() == "bearer" and value:
                self.verify_jwt(value, now)
                return
            raise invalid("Invalid token header")
        if legacy_token in (None, ""):
            raise NOT_PROVIDED
        if not hmac.compare_digest(str(legacy_token).encode(), self.token.encode()):
            raise invalid()

    def exchange(self, data: dict[str, Any], now: float) -> dict[str, str]:
        """POST /api/auth/get-access-token/: ``{token, crm_merchant_id}`` → ``{access_token}``."""
        missing = {
            f: "This field is required." for f in ("token", "crm_merchant_id") if not data.get(f)
        }
        if missing:
            raise fields_error(missing)
        if not hmac.compare_digest(str(data["token"]).encode(), self.token.encode()):
            raise invalid()
        if as_int(data["crm_merchant_id"], "crm_merchant_id") != self.merchant_id:
            raise ApiError(403, {"detail": "You do not have access to this merchant."})
        return {"access_token": self.issue_jwt(now)}
