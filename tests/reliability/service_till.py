"""A till that enqueues through the service, as the window does, for the crash matrix to kill.

Run as ``python tests/reliability/service_till.py COUNT SEED FIRST LAST MANAGER`` with the till's
settings in the environment and the manager's PIN on standard input. It opens the till with its
sync worker running (the window's way: sending while the cashier goes on), then redeems reward 5
for COUNT members drawn from the generated members FIRST..LAST, and now and then has the manager
cancel one of its own redemptions. After each step the till has confirmed it prints one line,
flushed at once, so a kill leaves the test knowing exactly what the till had accepted:

    queued ENTRY_ID
    cancel TARGET_ID CARRIER_ID STATUS

Not killed, it drains its queue (``Till.sync``) and exits.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import sys

from app.config import load_settings
from app.core.services import (
    DecisionRefused,
    ManagersExist,
    RuntimeOptions,
    Sale,
    Secret,
    open_till,
)
from app.sandbox.data import extra_member_email

REWARD_ID = 5
CANCEL_SHARE = 0.2


def say(line: str) -> None:
    """``line`` in one write: unbuffered (the test sets ``PYTHONUNBUFFERED``), ``print`` writes
    each word apart, and a kill between them left "queued" without its id."""
    sys.stdout.write(f"{line}\n")
    sys.stdout.flush()


async def main(count: int, seed: int, first: int, last: int, manager: str) -> None:
    rng = random.Random(seed)
    config = load_settings().till_config()
    token = Secret(os.environ["STAMPS_POS_TOKEN"])
    pin = Secret(sys.stdin.readline().strip())
    async with open_till(config, token, RuntimeOptions(start_worker=True)) as till:
        with contextlib.suppress(ManagersExist):  # the test, or an earlier round, added them
            await till.staff.add_first_manager(manager, pin)
        await till.manager.enter(manager, pin)
        mine: list[str] = []
        for _ in range(count):
            member = await till.lookup.find_member(extra_member_email(rng.randint(first, last)))
            order = await till.catalogue.reward_order(member, REWARD_ID)
            receipt = await till.redeemer.redeem(order, member, Sale(cashier="service"))
            say(f"queued {receipt.entry_id}")
            mine.append(receipt.entry_id)
            if rng.random() < CANCEL_SHARE:
                target = rng.choice(mine)
                mine.remove(target)
                try:
                    carrier = await till.manager.cancel(target)
                except DecisionRefused:  # voided already by the test's own cancels
                    continue
                say(f"cancel {target} {carrier.entry_id} {carrier.status.value}")
        await till.sync(60)


if __name__ == "__main__":
    count, seed, first, last = (int(a) for a in sys.argv[1:5])
    asyncio.run(main(count, seed, first, last, sys.argv[5]))
