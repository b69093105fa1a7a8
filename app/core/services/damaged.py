"""A damaged database found at start, as a manager sees it before anything is moved: what it
still holds and who may decide to set it aside (docs/manager-mode.md).

The window asks a manager to confirm; the damaged file's own managers vouch where their rows can
still be read, else the till's first manager is set up first. Nothing here changes the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.core.credentials import Secret
from app.core.messages import Message, say
from app.core.services.fields import FieldRefused, check_name, name_key
from app.core.services.pins import PIN_LENGTHS, could_be_pin, fits_role, pin_matches
from app.core.storage.problems import DatabaseDamaged
from app.core.storage.salvage import readable_managers, readable_unsettled


@dataclass(frozen=True)
class SalvagedEntry:
    """A queued, sending or unknown entry read from a damaged database, its values as they were
    read: damage may leave any of them odd (a kind or status the till does not know, a time that
    is not one: ``made`` is then ``None``)."""

    entry_id: str
    made: datetime | None
    kind: str
    status: str
    user: str


@dataclass(frozen=True)
class DamagedDatabase:
    """What a damaged database still shows: its readable queued, sending and unknown entries
    (``complete`` false when damage hid some rows), the problems its check found, and whether any
    of its managers can still be read (they vouch for setting it aside)."""

    path: Path
    problems: tuple[str, ...]
    entries: tuple[SalvagedEntry, ...]
    complete: bool
    has_managers: bool


def _made(value: Any) -> datetime | None:
    """A stored time (UTC, as the database keeps it), or ``None`` when it is not one."""
    try:
        made = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return made.replace(tzinfo=UTC) if made.tzinfo is None else made


def _salvaged(row: dict[str, Any]) -> SalvagedEntry:
    return SalvagedEntry(
        entry_id=str(row.get("id") or ""),
        made=_made(row.get("created_at")),
        kind=str(row.get("kind") or ""),
        status=str(row.get("status") or ""),
        user=str(row.get("user") or ""),
    )


def look_at_damaged(damage: DatabaseDamaged) -> DamagedDatabase:
    """Read what can be read of the damaged database (slow on a big file: run it off the loop)."""
    unsettled, complete = readable_unsettled(damage.path)
    return DamagedDatabase(
        path=damage.path,
        problems=tuple(damage.problems),
        entries=tuple(_salvaged(row) for row in unsettled),
        complete=complete,
        has_managers=bool(readable_managers(damage.path)),
    )


def not_a_managers_pin(pin: Secret) -> Message | None:
    """Why ``pin`` cannot be a manager's PIN (letters, more than 8 characters, a length no
    manager's PIN has), as manager sign-in says it (``Staff.sign_in``); ``None`` when it could
    be one. The window refuses such a PIN without counting it towards its wait: five pastes
    into the field made the manager who had to decide wait five minutes."""
    if not could_be_pin(pin):
        return say("staff.not_a_pin")
    if not fits_role(pin, "manager"):
        fewest, most = PIN_LENGTHS["manager"]
        return say("staff.pin_length.manager", fewest=fewest, most=most)
    return None


def manager_vouches(path: Path, name: str, pin: Secret) -> bool:
    """Whether ``name`` is an active manager of the damaged database at ``path`` and ``pin`` is
    theirs (a scrypt check: run it off the loop). The file cannot count wrong PINs; the window
    limits the tries itself."""
    try:
        key = name_key(check_name(name))
    except FieldRefused:
        return False
    stored = readable_managers(path).get(key)
    return stored is not None and pin_matches(pin, stored)
