"""Every label of the till shows its text as typed.

A QLabel left to itself guesses: text that looks like HTML (``<b>``, ``<font size=7>``, ``<img>``)
is drawn as rich text. Much of what the till shows comes from the server or from people (a
member's name and level, a reward's name, a refusal's reason, a manager's note), so a guess there
lets them restyle the window or draw what they like. No label of the till means markup (the
printed slip builds its own document, escaping what it puts in), so every one is made plain when
it is polished, through the application's style: once per label, with no event filter to pay on
every event.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtWidgets import QApplication, QLabel, QProxyStyle

#: The longest run without a space a label shows whole: the longest code the till accepts, and
#: longer than the ids and most emails a person reads, copies or compares. A word-wrapped label
#: cannot break a longer one, so a 2,000-character name from the server made its dialog as wide
#: as the name.
LONGEST_WORD = 64
_LONG_WORD = re.compile(rf"\S{{{LONGEST_WORD + 1},}}")


def short_words(text: str) -> str:
    """``text`` with each run of more than :data:`LONGEST_WORD` characters without a space shown
    by its start and end around "…"."""
    return _LONG_WORD.sub(lambda word: f"{word.group()[:40]}…{word.group()[-16:]}", text)


#: A currency and the amount after it: "Rp 25.000", "IDR 25000".
_AMOUNT = re.compile(r"\b(Rp|IDR)\.? (?=\d)")


def amounts_whole(text: str) -> str:
    """``text`` with a no-break space between a currency and its amount, so a line never ends
    on "Rp" with the amount on the next ("Voucher Diskon Rp / 25.000" on a reward's tile). For
    the screen only: the server's name as sent and stored keeps its own space."""
    return _AMOUNT.sub(lambda amount: amount.group()[:-1] + "\u00a0", text)


#: Where a label as narrow as a kiosk's tile may break a word it cannot wrap at a space.
_UNBROKEN = 16


def wrappable(text: str, *, longer_than: int = _UNBROKEN) -> str:
    """:func:`short_words`, with a break opportunity (a zero-width space) every
    ``_UNBROKEN`` characters of a run without a space of more than ``longer_than``: a
    word-wrapped label draws such a word cut at its edges (a kiosk's tile: centred and cut at
    both ends; the result panel: its lines cut in half). For the screen only: the text a
    person could copy keeps no invisible characters."""

    def broken(run: re.Match[str]) -> str:
        word = run.group()
        if len(word) <= longer_than:
            return word
        shown = short_words(word)
        return "\u200b".join(shown[i : i + _UNBROKEN] for i in range(0, len(shown), _UNBROKEN))

    return re.sub(r"\S+", broken, text)


class PlainTextLabels(QProxyStyle):
    """The application's style, with every label set to plain text as it is polished (tooltips
    are labels too)."""

    def polish(self, target: Any) -> Any:  # Qt overloads it: a widget, a palette, the app
        # Here, not at the top: the window's first frame is painted without Qt's enums (app.py)
        from PySide6.QtCore import Qt

        if isinstance(target, QLabel) and target.textFormat() is Qt.TextFormat.AutoText:
            target.setTextFormat(Qt.TextFormat.PlainText)
        return super().polish(target)  # the palette overload returns the polished palette

    @staticmethod
    def install(app: QApplication) -> None:
        """Wrap ``app``'s style (once). Labels made before are polished again, so they too."""
        if not isinstance(app.style(), PlainTextLabels):
            app.setStyle(PlainTextLabels())
