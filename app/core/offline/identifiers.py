"""How a cashier's input becomes the keys the member cache is indexed by.

Every identifier is stored normalised, in one namespace: emails lower-case, phones as ``62…``
(``+62812…``, ``62812…`` and ``0812…`` are one number), member IDs and card numbers upper-case with
spaces and dashes removed. A lookup tries every reading of what was typed.
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s\-().]")
_PHONE = re.compile(r"^\+?\d{6,15}$")


def normalise_phone(text: str) -> str | None:
    """An Indonesian phone number as ``62…`` digits, or ``None`` if it does not look like one."""
    compact = _SEPARATORS.sub("", text)
    if not _PHONE.match(compact):
        return None
    digits = compact.lstrip("+")
    if digits.startswith("62"):
        return digits
    if digits.startswith("0"):
        return "62" + digits[1:]
    if digits.startswith("8"):  # typed without the leading 0
        return "62" + digits
    return None


def normalise_code(text: str) -> str:
    """A member ID or card number: upper-case, without spaces or dashes."""
    return _SEPARATORS.sub("", text).upper()


def keys_for(
    *,
    email: str | None,
    phone: str | None,
    member_ids: tuple[str, ...],
    card_number: str | None,
) -> set[str]:
    """Every key a member is found by."""
    keys: set[str] = set()
    if email:
        keys.add(email.strip().lower())
    if phone and (normalised := normalise_phone(phone)):
        keys.add(normalised)
    for code in (*member_ids, card_number or ""):
        if code.strip():
            keys.add(normalise_code(code))
    return keys


def readings(text: str) -> list[str]:
    """The keys what a cashier typed or scanned may be, most likely first."""
    raw = text.strip()
    if not raw:
        return []
    if "@" in raw:
        return [raw.lower()]
    found: list[str] = []
    phone = normalise_phone(raw)
    if phone:
        found.append(phone)
    code = normalise_code(raw)
    if code and code not in found:
        found.append(code)
    return found


def prefix_reading(text: str) -> str:
    """The key prefix for type-ahead: what is typed so far, normalised the same way."""
    raw = text.strip()
    if "@" in raw or any(ch.isalpha() for ch in raw):
        return raw.lower() if "@" in raw else normalise_code(raw)
    compact = _SEPARATORS.sub("", raw).lstrip("+")
    if compact.startswith("0"):
        return "62" + compact[1:]
    return compact
