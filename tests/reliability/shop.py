"""The shop the reliability scenarios run: the demo merchant's store 32, reward 5 (5 stamps) for
the sandbox's generated members (10,000 stamps each, so none runs dry), and a till's settings as
the environment or as :class:`Settings`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from app.config import Settings, load_settings
from app.core.domain import OperationKind
from app.core.outbox import Outbox
from app.core.storage.tables import OutboxEntry
from app.sandbox import DEMO_TOKEN
from app.sandbox.data import EXTRA_MEMBER_FIRST_ID, extra_member_email

MERCHANT, STORE, STORE_CODE = 14, 32, "RDG-KMG"
REWARD_ID, REWARD_NAME, REWARD_STAMPS, CHANNEL_POS = 5, "Upgrade ke Ukuran Large", 5, 2
TERMINAL = "till-reliability"
MANAGER, MANAGER_PIN = "Dewi", "246810"


def lane_of(member: int) -> str:
    """The lane of generated member ``member`` (1-based): the server's id for them."""
    return f"member:{EXTRA_MEMBER_FIRST_ID + member - 1}"


def till_env(
    url: str,
    data_dir: Path,
    home: Path,
    idempotency: str,
    **settings: Any,
) -> dict[str, str]:
    """A till process's environment: the settings in ``STAMPS_POS_*`` variables (no settings
    file), ``settings`` added as ``STAMPS_POS_<NAME>``."""
    env = {
        **os.environ,
        "PYTHONUNBUFFERED": "1",
        "STAMPS_POS_BASE_URL": url,
        "STAMPS_POS_TOKEN": DEMO_TOKEN,
        "STAMPS_POS_MERCHANT": str(MERCHANT),
        "STAMPS_POS_STORE": str(STORE),
        "STAMPS_POS_STORE_CODE": STORE_CODE,
        "STAMPS_POS_TERMINAL": TERMINAL,
        "STAMPS_POS_DATA_DIR": str(data_dir),
        "STAMPS_POS_IDEMPOTENCY": idempotency,
        "STAMPS_POS_CONFIG": str(home / "settings.toml"),  # never created: the environment only
    }
    env.update({f"STAMPS_POS_{name.upper()}": str(value) for name, value in settings.items()})
    return env


def till_settings(
    url: str, data_dir: Path, idempotency: str, *, terminal: str = TERMINAL, **settings: Any
) -> Settings:
    """The same till's settings, for a till in the test's own process."""
    return load_settings(
        base_url=url,
        merchant=MERCHANT,
        store=STORE,
        store_code=STORE_CODE,
        data_dir=data_dir,
        idempotency=idempotency,
        terminal=terminal,
        **settings,
    )


async def enqueue_reward(
    outbox: Outbox, member: int, cashier: str, terminal: str = TERMINAL
) -> OutboxEntry:
    """Queue reward 5 for generated member ``member`` (1-based) straight into ``outbox``, with
    the payload the till's own order would carry."""
    email = extra_member_email(member)
    return await outbox.enqueue(
        OperationKind.REWARD,
        {"user": email, "store": STORE, "channel": CHANNEL_POS, "reward": REWARD_ID, "qty": 1},
        lane=lane_of(member),
        user=email,
        cashier=cashier,
        terminal=terminal,
        reward_name=REWARD_NAME,
        stamps=REWARD_STAMPS,
    )
