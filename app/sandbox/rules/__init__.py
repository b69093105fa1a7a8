"""The redemption rules: what a real Stamps server checks and changes for each POST.

Each applied effect lands in the member's activity feed and in the ledger with the request's
``Idempotency-Key``. ``OPERATIONS`` maps each endpoint to its rule.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.sandbox.rules.cancel import cancel
from app.sandbox.rules.pin import authorize
from app.sandbox.rules.rewards import redeem_multiple, redeem_reward
from app.sandbox.rules.vouchers import deduct_value, redeem_by_code, redeem_promo, redeem_voucher
from app.sandbox.state import SandboxState

Operation = Callable[[SandboxState, dict[str, Any], str | None], dict[str, Any]]

OPERATIONS: dict[str, Operation] = {
    "/api/v2/redemptions/redeem-reward": redeem_reward,
    "/api/v2/redemptions/redeem-voucher": redeem_voucher,
    "/api/vouchers/deduct-value": deduct_value,
    "/api/redemptions/by-voucher-code": redeem_by_code,
    "/api/v3/redemptions/redeem-promo-code": redeem_promo,
    "/api/v2/redemptions/redeem-multiple-rewards": redeem_multiple,
    "/api/redemptions/cancel": cancel,
    "/api/redemptions/authorize": authorize,
}
