"""The server's words as the till may show them: no control characters, no field-name prefixes.

Every string the server sends enters the till through :mod:`~app.core.stamps.parsing`, which
cleans it here before anything reads it, so nothing a server says can clear a terminal, fake a
coloured "Confirmed" line, reorder text with bidi controls, or split a log line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Terminal escape sequences, removed whole (the ESC alone would leave "[2J" behind): CSI
# ("ESC [ … final"), OSC ("ESC ] … BEL or ESC \\") and the two-character escapes.
_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
# Line and tab breaks become one space: a message is one line.
_BREAKS = re.compile(r"[\t\n\v\f\r\x85\u2028\u2029]+")
# Every other C0/C1 control character, the invisible marks that reorder text (bidi), and the
# invisible ones that pad it (zero-width space, word joiner, BOM, tags...): "Ayu" and "Ay\u200bu"
# would look like one member on screen, as would "Ayu" and "Ayu\u3164" (the Hangul fillers and the
# Braille blank are letters to Unicode and draw nothing). The zero-width joiners (U+200C, U+200D)
# stay: emoji and some scripts need them.
_INVISIBLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u061c\u115f\u1160\u180e\u200b\u200e\u200f\u202a-\u202e"
    "\u2060-\u206f\u2800\u3164\ufeff\uffa0\ufff9-\ufffb\U000e0000-\U000e007f]"
)
# A lone surrogate (JSON may spell one, "\\ud800"): no UTF-8 can hold it, so it would fail the
# first log line, database row or label it reached.
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Combining marks kept on one letter. Vietnamese and Thai stack two or three; a "zalgo" name
#: stacks dozens, drawn over the lines above and below it (on the slip, the date and the cashier).
MARKS_PER_LETTER = 4
#: The most of the server's words a screen quotes in a line of its own: a sentence, not a page.
QUOTED = 160
# "voucher_code: …", "Voucher_code: …", "__all__: …", "rewards[1].code: …"
_FIELD_PREFIX = re.compile(r"\s*([A-Za-z_]\w*)((?:\.\w+|\[\d+\])*)\s*:\s+(?=\S)", re.ASCII)


def clean(text: str) -> str:
    """``text`` without escape sequences, control characters or invisible padding; line breaks
    become spaces, a lone surrogate the replacement character, and a letter keeps at most
    :data:`MARKS_PER_LETTER` combining marks."""
    if text.isascii() and text.isprintable():
        return text  # the common case, and nothing to do
    text = _ESCAPES.sub("", text)
    text = _BREAKS.sub(" ", text)
    text = _SURROGATE.sub("\ufffd", text)
    return _without_mark_stacks(_INVISIBLE.sub("", text))


def _without_mark_stacks(text: str) -> str:
    kept: list[str] = []
    run = 0
    for ch in text:
        run = run + 1 if unicodedata.category(ch) in ("Mn", "Me") else 0
        if run <= MARKS_PER_LETTER:
            kept.append(ch)
    return "".join(kept)


def without_field_prefix(text: str, fields: Iterable[str]) -> str:
    """``text`` without a leading ``field: `` naming one of ``fields`` (any case), or any name
    spelt like a field (``voucher_code``); "Note: …" or "Error: …" are left as they are."""
    match = _FIELD_PREFIX.match(text)
    if match is None:
        return text
    name = match.group(1).lower()
    if "_" in name or name in {f.lower().split(".", 1)[0] for f in fields}:
        return text[match.end() :]
    return text


def quoted(text: str) -> str:
    """``text`` cut to :data:`QUOTED` characters, at a word where it can be, with "…" to say
    so; ``text`` itself when it is short enough."""
    if len(text) <= QUOTED:
        return text
    cut = text[: QUOTED - 1]
    word = cut.rsplit(" ", 1)[0]
    return (word if len(word) > QUOTED // 2 else cut).rstrip(" .,;:") + "…"
