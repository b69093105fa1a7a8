"""Error answers in the shapes the Stamps docs show.

The common shape is ``{"detail", "errors": {field: message}, "error_code", "error_message"}``
(customer_api.rst, redemption_api authorize); the rewards list answers a missing parameter with
``{"detail", "errors": [{field: message}]}``; auth and 404 answers carry only ``detail``.
"""

from __future__ import annotations

from typing import Any

REQUIRED = "This field is required."


class ApiError(Exception):
    """An answer other than 2xx that a handler wants sent as is."""

    def __init__(self, status: int, body: dict[str, Any]) -> None:
        super().__init__(body.get("detail", status))
        self.status = status
        self.body = body


def field_error(
    field: str, message: str, code: str = "invalid_data", status: int = 400
) -> ApiError:
    """One field's error. ``__all__`` is the docs' name for an error of the whole request."""
    detail = f"{field}: {message}"
    return ApiError(
        status,
        {
            "detail": detail,
            "errors": {field: message},
            "error_code": code,
            "error_message": message if field == "__all__" else detail,
        },
    )


def fields_error(errors: dict[str, str], code: str = "invalid_data") -> ApiError:
    """Several fields at once, e.g. every missing required parameter of a request."""
    detail = "; ".join(f"{k}: {v}" for k, v in errors.items())
    return ApiError(
        400, {"detail": detail, "errors": errors, "error_code": code, "error_message": detail}
    )


def list_shaped_error(errors: dict[str, str]) -> ApiError:
    """The rewards list's older shape: errors as a list of one-key objects."""
    return ApiError(
        400,
        {
            "detail": "Your transaction cannot be completed due to the following error(s)",
            "errors": [{k: v} for k, v in errors.items()],
        },
    )


def not_found(detail: str = "Not found.") -> ApiError:
    return ApiError(404, {"detail": detail})
