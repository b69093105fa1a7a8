"""The Stamps API client: authentication, request and response models, and the error taxonomy."""

from app.core.stamps.auth import AuthStyle
from app.core.stamps.client import REQUEST_MODELS, StampsClient
from app.core.stamps.results import RedemptionResult

__all__ = ["REQUEST_MODELS", "AuthStyle", "RedemptionResult", "StampsClient"]
