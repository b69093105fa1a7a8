"""What kind of order a redemption counts as, by what it holds.

A cart of one line (three Croissants put in the cart, then F9) is one reward redeemed three
times, as the same order redeemed alone: End of day, the History and their CSVs named it
"Several rewards". Only a cart of several lines counts as a cart. The entry keeps the kind it
was sent as (``multi``: the endpoint and its payload); this is how it is counted and named.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.core.domain import OperationKind


def cart_lines(kind: str, payload: Mapping[str, Any]) -> int | None:
    """How many rewards a cart's entry holds (the lines of its request); ``None`` for any other
    kind, or a payload without its list."""
    if kind != OperationKind.MULTI:
        return None
    rewards = payload.get("rewards")
    return len(rewards) if isinstance(rewards, list) else None


def counted_kind(kind: str, lines: int | None) -> str:
    """The kind a redemption of ``kind`` holding ``lines`` rewards counts as: ``reward`` for a
    cart of one line, ``kind`` itself otherwise."""
    if kind == OperationKind.MULTI and lines == 1:
        return OperationKind.REWARD.value
    return str(kind)
