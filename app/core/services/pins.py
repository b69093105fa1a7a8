"""Managers' and cashiers' PINs: the rule a new PIN must meet, and how it is kept
(docs/manager-mode.md, "People and PINs").

The rule: digits only (a digit of another script, such as the full-width ``２`` an input method
types, is read as its ASCII digit: it is the digit the person pressed); a manager's PIN has 6 to 8
digits (it cancels redemptions and changes accounts), a cashier's 4 to 8 (typed at every sign-in).
One digit repeated (``000000``) and a straight run up or down (``123456``, ``9876``) are refused:
they are the first a guesser tries.

A PIN is kept only as a salted scrypt hash, checked in constant time. Scrypt's cost (below) is
paid on every sign-in; the lockout after five wrong PINs (:mod:`app.core.services.staff`) is what
stops guessing at the till.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import unicodedata
from dataclasses import dataclass
from itertools import pairwise

from app.core.credentials import Secret
from app.core.messages import say
from app.core.services.fields import FieldRefused

#: (fewest, most) digits, by role.
PIN_LENGTHS = {"manager": (6, 8), "cashier": (4, 8)}
#: Longer than any PIN: a sign-in with more is wrong without hashing megabytes.
PIN_INPUT_MAX = 64
SALT_BYTES = 16
HASH_BYTES = 32


@dataclass(frozen=True)
class ScryptCost:
    """Scrypt's work factors: ``n`` (CPU and memory), ``r`` (block size), ``p`` (parallelism)."""

    n: int
    r: int
    p: int

    @property
    def memory(self) -> int:
        """Bytes scrypt needs, with room to spare (OpenSSL refuses less than it needs)."""
        return 128 * self.r * self.n * (self.p + 1) + 1024 * 1024


#: 2**15 × 8 × 128 bytes = 32 MiB and about 0.1 s per check on a till's CPU: a sign-in does not
#: feel slow, and someone holding a copy of the database pays the same 0.1 s per guess on every
#: account (salted: no guess serves two accounts). An 8-digit PIN space cannot be made safe
#: offline by any cost a till can afford; the 0600 database file is that defence.
DEFAULT_COST = ScryptCost(n=2**15, r=8, p=1)


def typed_digits(pin: Secret) -> Secret:
    """``pin`` with each decimal digit of another script (full-width ``２４６``, Arabic-Indic)
    as its ASCII digit, the one the person meant; anything else is left for the checks."""
    text = pin.reveal()
    if text.isascii():
        return pin
    return Secret("".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text))


def could_be_pin(pin: Secret) -> bool:
    """Whether ``pin`` could be anyone's PIN: digits only (of any script, as :func:`typed_digits`
    reads them) and no more than the longest PIN has. Letters, or 10,000 characters pasted
    into a PIN field, are no guess at a PIN: a sign-in refuses them as such, without counting a
    wrong PIN towards the lock."""
    longest = max(most for _, most in PIN_LENGTHS.values())
    if len(pin.reveal()) > longest:
        return False
    digits = typed_digits(pin).reveal()
    return digits.isascii() and digits.isdigit()


def fits_role(pin: Secret, role: str) -> bool:
    """Whether ``pin`` (one :func:`could_be_pin` takes) has as many digits as a PIN of ``role``
    may: five digits are no manager's PIN, as no PIN of another length was ever kept for one
    (:func:`check_new_pin`)."""
    fewest, most = PIN_LENGTHS[role]
    return fewest <= len(typed_digits(pin).reveal()) <= most


def same_pin(pin: Secret, again: Secret) -> bool:
    """Whether a new PIN typed twice is one PIN: ``２５８０`` and ``2580`` are."""
    return hmac.compare_digest(
        typed_digits(pin).reveal().encode("utf-8", "surrogatepass"),
        typed_digits(again).reveal().encode("utf-8", "surrogatepass"),
    )


def check_new_pin(pin: Secret, role: str, field: str = "PIN") -> None:
    """Refuse a new PIN that breaks the rule for ``role`` (``manager`` or ``cashier``)."""
    fewest, most = PIN_LENGTHS[role]
    digits = typed_digits(pin).reveal()
    if not digits:
        raise FieldRefused(field, "is required", say("field.pin_required"))
    if not (digits.isascii() and digits.isdigit()):
        raise FieldRefused(field, "must be digits only", say("field.pin_digits"))
    if not fewest <= len(digits) <= most:
        raise FieldRefused(
            field,
            f"must have {fewest} to {most} digits for a {role}",
            say("field.pin_length_manager", fewest=fewest, most=most)
            if role == "manager"
            else say("field.pin_length_cashier", fewest=fewest, most=most),
        )
    if len(set(digits)) == 1:
        raise FieldRefused(
            field,
            "is one digit repeated: choose one that is harder to guess",
            say("field.pin_repeated"),
        )
    steps = {int(b) - int(a) for a, b in pairwise(digits)}
    if steps in ({1}, {-1}):
        raise FieldRefused(
            field,
            "is a straight run of digits: choose one that is harder to guess",
            say("field.pin_run"),
        )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(pin: str, salt: bytes, cost: ScryptCost) -> bytes:
    return hashlib.scrypt(
        pin.encode("utf-8"),
        salt=salt,
        n=cost.n,
        r=cost.r,
        p=cost.p,
        maxmem=cost.memory,
        dklen=HASH_BYTES,
    )


def hash_pin(pin: Secret, cost: ScryptCost = DEFAULT_COST) -> str:
    """``scrypt$n$r$p$salt$hash`` for ``pin`` under a fresh random salt. The cost is stored with
    the hash, so a later change of :data:`DEFAULT_COST` still checks old PINs."""
    salt = os.urandom(SALT_BYTES)
    derived = _derive(typed_digits(pin).reveal(), salt, cost)
    return f"scrypt${cost.n}${cost.r}${cost.p}${_b64(salt)}${_b64(derived)}"


def pin_matches(pin: Secret, stored: str) -> bool:
    """Whether ``pin`` is the PIN ``stored`` was made from; compared in constant time. A PIN
    longer than :data:`PIN_INPUT_MAX` or a hash this code cannot read never matches."""
    if len(pin.reveal()) > PIN_INPUT_MAX:
        return False
    typed = typed_digits(pin).reveal()
    try:
        scheme, n, r, p, salt, expected = stored.split("$")
        if scheme != "scrypt":
            return False
        cost = ScryptCost(int(n), int(r), int(p))
        derived = _derive(typed, base64.b64decode(salt), cost)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(derived, base64.b64decode(expected))
