"""``stamps-pos manager ...`` and ``stamps-pos cashier ...``: the till's accounts, headless.

``list`` shows names only and needs no PIN. Adding the till's first manager needs no manager;
every other change is a manager action: ``--manager NAME`` with that manager's PIN on standard
input, then the new PIN when the command sets one.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from app import APP_NAME
from app.cli.common import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, Stop
from app.cli.manager_sign_in import REFUSALS, ManagerPins, acting_manager, refusal_exit
from app.cli.running import run, till_for
from app.config import default_config_file
from app.core.services import (
    Account,
    FieldRefused,
    Role,
    Secret,
    StaffRefused,
    Till,
    check_name,
    english,
    read_cashiers_file,
    say,
)

CASHIERS_FILE = "cashiers.txt"
_DONE = {
    "add": "added {role} {account}",
    "rename": "renamed the {role}: now {account}",
    "disable": "disabled {role} {account}",
    "enable": "enabled {role} {account}",
    "reset-pin": "changed the PIN of {role} {account}",
}


def _role(args: argparse.Namespace) -> Role:
    return Role(args.command.split()[0])


def _describe(account: Account) -> str:
    state = [] if account.active else ["disabled"]
    if account.role is Role.CASHIER and not account.has_pin:
        state.append("no PIN")
    return account.name + (f"  ({', '.join(state)})" if state else "")


def accounts_list(args: argparse.Namespace) -> int:
    """``stamps-pos manager|cashier list``: names (and whether disabled), nothing else."""
    role = _role(args)

    async def body() -> int:
        async with till_for(args, worker=False) as till:
            accounts = await till.staff.accounts(role)
        if args.json:
            print(json.dumps([{"name": a.name, "active": a.active} for a in accounts]))
            return EXIT_OK
        if not accounts:
            print(f"no {role.value}s yet")
        for account in accounts:
            print(_describe(account))
        return EXIT_OK

    return run(args, body)


def account_change(args: argparse.Namespace) -> int:
    """``stamps-pos manager|cashier add|rename|disable|enable|reset-pin|import ...``."""
    role = _role(args)
    action = args.command.split()[1]

    async def body() -> int:
        pins = ManagerPins()
        async with till_for(args, worker=False) as till:
            account: Account | None
            if role is Role.MANAGER and action == "add" and not await till.staff.has_manager():
                account = await _first_manager(till, args, pins)
            elif role is Role.MANAGER and action == "add" and not args.manager:
                raise await _first_manager_there(till, args.name)
            else:
                async with acting_manager(till, args, pins):
                    account = await _change(till, args, role, action, pins)
        if account is not None:
            print(_DONE[action].format(role=role.value, account=_describe(account)))
        return EXIT_OK

    return run(args, body)


async def _first_manager_there(till: Till, name: str) -> Stop:
    """``manager add NAME`` without ``--manager`` on a till that has its first manager: the
    README's step 3 run again (a setup script run twice) was told only that this is a manager
    action, as if no manager had been added. Manager names are no secret (``manager list``)."""
    for account in await till.staff.accounts(Role.MANAGER):
        if account.name.casefold() == name.casefold():
            return Stop(EXIT_REFUSED, english(say("staff.manager_exists", name=account.name)))
    return Stop(
        EXIT_USAGE,
        f"this till has its first manager already (`{APP_NAME} manager list`), so adding another "
        "is a manager action: give --manager NAME and that manager's PIN on standard input, "
        "then the new manager's PIN",
    )


async def _first_manager(till: Till, args: argparse.Namespace, pins: ManagerPins) -> Account:
    pin = pins.read(f"{_whose(args.name)}'s new PIN", confirm=True)
    try:
        return await till.staff.add_first_manager(args.name, pin)
    except REFUSALS as exc:
        raise refusal_exit(exc) from None


def _new_pin(args: argparse.Namespace, pins: ManagerPins) -> Secret | None:
    if getattr(args, "no_pin", False):
        return None
    return pins.read(f"{_whose(args.name)}'s new PIN", confirm=True)


def _whose(name: str) -> str:
    """``name`` as the till will keep it, to ask for its PIN by: quoted as typed, "Rina " read
    "Rina 's new PIN must come…". A name the till refuses is said before any PIN is asked."""
    try:
        return check_name(name)
    except FieldRefused as exc:
        raise refusal_exit(exc) from None


async def _change(
    till: Till, args: argparse.Namespace, role: Role, action: str, pins: ManagerPins
) -> Account | None:
    mode = till.manager
    try:
        if action == "add":
            pin = _new_pin(args, pins)
            if role is Role.MANAGER:
                assert pin is not None  # a manager always has one: --no-pin is a cashier's
                return await mode.add_manager(args.name, pin)
            return await mode.add_cashier(args.name, pin)
        if action == "rename":
            return await mode.rename(role, args.name, args.new_name)
        if action == "disable":
            return await mode.disable(role, args.name)
        if action == "enable":
            return await mode.enable(role, args.name)
        if action == "reset-pin":
            return await mode.set_pin(role, args.name, _new_pin(args, pins))
        await _import(till, args)
        return None
    except REFUSALS as exc:
        raise refusal_exit(exc) from None


async def _import(till: Till, args: argparse.Namespace) -> None:
    if args.file:
        path = Path(args.file)
    else:
        config = Path(args.config) if args.config else default_config_file()
        path = config.parent / CASHIERS_FILE
    try:
        names = read_cashiers_file(path)
    except StaffRefused as exc:  # no such file, or not text: the command was given a bad file
        raise Stop(EXIT_USAGE, exc.message) from None
    if not names:
        raise Stop(EXIT_USAGE, f"{path} holds no names (one a line)")
    result = await till.manager.import_cashiers(names)
    for name in result.added:
        print(f"added {name}")
    for what, why in result.skipped:
        print(f"skipped {what}: {why}")
