"""The digits a pad holds while someone types them: the customer's PIN pad and the kiosk's keypad
keep them here, and only here.

A Python string cannot be overwritten, so the digits are kept one per slot of a list, and each
slot is overwritten before the list is emptied: after a wipe this object holds no copy of them.
The one string made of them is the one :meth:`DigitBuffer.hand_out` returns, to be sent at once.
"""

from __future__ import annotations

#: What a wiped slot holds before it is dropped.
_WIPED = "\0"


class DigitBuffer:
    """Up to ``limit`` ASCII digits, typed one at a time. ``repr()`` tells only how many."""

    def __init__(self, limit: int) -> None:
        if limit < 1:
            raise ValueError(f"a pad takes at least one digit, not {limit}")
        self.limit = limit
        self._digits: list[str] = []

    def __len__(self) -> int:
        return len(self._digits)

    def __repr__(self) -> str:
        return f"<DigitBuffer {len(self._digits)}/{self.limit} digits>"

    def full(self) -> bool:
        """Whether it holds ``limit`` digits."""
        return len(self._digits) >= self.limit

    def append(self, digit: str) -> bool:
        """Add one digit 0–9; ``False`` (and nothing added) for anything else or when full."""
        if len(digit) != 1 or digit not in "0123456789" or self.full():
            return False
        self._digits.append(digit)
        return True

    def erase(self) -> bool:
        """Remove the last digit; ``False`` when there was none."""
        if not self._digits:
            return False
        self._digits[-1] = _WIPED
        self._digits.pop()
        return True

    def wipe(self) -> None:
        """Forget every digit: each slot overwritten, then the list emptied."""
        for index in range(len(self._digits)):
            self._digits[index] = _WIPED
        self._digits.clear()

    def hand_out(self) -> str:
        """The digits, once: returned and wiped here."""
        text = "".join(self._digits)
        self.wipe()
        return text

    def shown(self) -> str:
        """The digits as typed, for a pad that shows them (a phone number); a PIN's pad shows
        only :func:`len`."""
        return "".join(self._digits)
