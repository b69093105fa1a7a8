"""What a manager may type into a name or a note, checked the same way for the window and the CLI.

A refusal is a :class:`FieldRefused` naming the field and the reason, so a form can show it beside
the field; nothing is written after a refusal. Names end up in lists, the audit log, CSV files and
the window's labels: control and formatting characters (a right-to-left override, a zero-width
space), blanks Unicode calls letters, accents stacked past any language's, markup and over-long
values are refused rather than cleaned, so what is stored is exactly
what the manager saw.
"""

from __future__ import annotations

import re
import unicodedata

from app.core.messages import Message, say
from app.core.stamps.server_text import MARKS_PER_LETTER as MARKS_PER_LETTER

NAME_MAX = 40
NOTE_MAX = 500
#: Characters that read as markup in a label or a report; an apostrophe (Ma'ruf) is a name's.
MARKUP = frozenset('<>&"`{}[]\\')
#: What reads as a tag in a note; a note keeps quotes, brackets and "&" (sentences have them).
NOTE_MARKUP = frozenset("<>")
_SPACES = re.compile(r"\s+")


class FieldRefused(ValueError):
    """A value typed into ``field`` cannot be used. ``reason`` says why in English, after the
    field's name (the command line's "note is required: say why"); ``said`` says it as a sentence
    of its own, for a form to show beside the field in the window's language."""

    def __init__(self, field: str, reason: str, said: Message) -> None:
        super().__init__(f"{field} {reason}")
        self.field = field
        self.reason = reason
        self.said = said


_HIDDEN = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
#: Blanks Unicode files as letters or symbols: each draws nothing, so "Dewi" and "Dewi\u3164"
#: would be two accounts that read alike (Hangul fillers, the Braille blank).
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
_MARKS = frozenset({"Mn", "Me"})
_ZWJ = "\u200d"
#: What may come just before a joiner inside an emoji: a pictograph, a skin tone, or the
#: variation selector that asks for the emoji form (U+FE0F).
_BEFORE_JOINER = frozenset({"So", "Sk", "Mn"})
#: Alphabets that share letter shapes: a Cyrillic "е" or a Greek "υ" in a Latin name reads as the
#: Latin letter, so "Dеwi" would be a second Dewi nobody can tell apart. A name keeps to one of
#: them; other alphabets (Arabic, Javanese, the Chinese characters) may stand beside Latin.
_LOOK_ALIKE_ALPHABETS = frozenset({"LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "COPTIC"})


def first_hidden(
    text: str, *, allow_newlines: bool = False, allow_emoji: bool = False
) -> str | None:
    """The first control, formatting or invisible character of ``text`` (a right-to-left
    override, a zero-width space, a line break unless ``allow_newlines``), or ``None``: what a
    field refuses, for the names and notes here and the cashier's codes (codes.py) alike."""
    for index, char in enumerate(text):
        if allow_newlines and char in "\n\t":
            continue
        if allow_emoji and char == _ZWJ and _joins_emoji(text, index):
            continue
        if unicodedata.category(char) in _HIDDEN or char in _BLANK_LETTERS:
            return char
    return None


def is_mark(char: str) -> bool:
    """Whether ``char`` is a combining mark, drawn on the letter before it (an accent)."""
    return unicodedata.category(char) in _MARKS


def stacks_marks(text: str) -> bool:
    """Whether ``text`` stacks more than :data:`MARKS_PER_LETTER` combining marks on a letter:
    Vietnamese and Thai need two or three; dozens (a "zalgo" name) draw over the lines above and
    below it, in a list, on the slip, in a report."""
    run = 0
    for char in text:
        run = run + 1 if is_mark(char) else 0
        if run > MARKS_PER_LETTER:
            return True
    return False


def _stacked(field: str) -> FieldRefused:
    return FieldRefused(
        field,
        f"has more than {MARKS_PER_LETTER} accents stacked on one letter",
        say("field.mark_stack", limit=MARKS_PER_LETTER),
    )


def _hidden_characters(text: str, *, allow_newlines: bool, allow_emoji: bool = False) -> bool:
    return first_hidden(text, allow_newlines=allow_newlines, allow_emoji=allow_emoji) is not None


def _joins_emoji(text: str, index: int) -> bool:
    # A zero-width joiner between two parts of an emoji (👨‍👩‍👧) is part of what the manager
    # sees; anywhere else it hides in the text.
    if index == 0 or index + 1 >= len(text):
        return False
    before, after = text[index - 1], text[index + 1]
    return unicodedata.category(before) in _BEFORE_JOINER and unicodedata.category(after) == "So"


def check_name(text: str, field: str = "name") -> str:
    """A person's name as it will be stored: trimmed, inner spaces collapsed, NFC.

    Refused: empty, over :data:`NAME_MAX` characters, control or invisible characters, markup-like
    characters, a name without a letter (a PIN typed into the name field must not be stored
    or logged as a name), and one that reads as another's: Latin, Cyrillic or Greek letters
    mixed, or styled letters (mathematical, full-width).
    """
    if not isinstance(text, str):
        raise FieldRefused(field, "must be text", say("field.not_text"))
    if _hidden_characters(text, allow_newlines=False):
        raise _hidden(field)
    if stacks_marks(text):  # as typed: composing takes one mark into its letter
        raise _stacked(field)
    name = _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()
    if not name:
        raise FieldRefused(field, "is empty", say("field.empty"))
    if len(name) > NAME_MAX:
        raise _too_long(field, NAME_MAX)
    bad = " ".join(sorted({c for c in name if c in MARKUP}))
    if bad:
        raise FieldRefused(field, f"may not contain {bad}", say("field.markup", characters=bad))
    if not any(c.isalpha() for c in name):
        raise FieldRefused(field, "must contain a letter", say("field.no_letter"))
    if _reads_as_other_letters(name):
        raise FieldRefused(
            field, "mixes alphabets or styled letters that look alike", say("field.look_alike")
        )
    return name


def _reads_as_other_letters(name: str) -> bool:
    # A styled letter (a mathematical bold "𝐃", a full-width "Ｄ") is a plain one to the eye but
    # not to the accounts' key; a mix of alphabets that share shapes reads as one alphabet.
    alphabets = set()
    for char in name:
        if not char.isalpha():
            continue
        plain = unicodedata.normalize("NFKC", char)
        if plain != char and plain.isascii():
            return True
        alphabets.add(unicodedata.name(char, "").split(" ", 1)[0])
    return len(alphabets & _LOOK_ALIKE_ALPHABETS) > 1


def _hidden(field: str) -> FieldRefused:
    return FieldRefused(
        field, "contains a control or invisible character", say("field.hidden_characters")
    )


def _too_long(field: str, limit: int) -> FieldRefused:
    return FieldRefused(
        field, f"is longer than {limit} characters", say("field.too_long", limit=limit)
    )


def name_key(name: str) -> str:
    """The form two names are compared in: ``Ayu`` and ``AYU`` are one person."""
    return name.casefold()


def check_note(text: str, field: str = "note") -> str:
    """A manager's note on a decision: required, trimmed, at most :data:`NOTE_MAX` characters, no
    control characters but line breaks, tabs and the joiners inside an emoji, no tag-like ``<``
    or ``>`` (refused, never cleaned). It is shown as plain text, never as markup."""
    if not isinstance(text, str):
        raise FieldRefused(field, "must be text", say("field.not_text"))
    if _hidden_characters(text, allow_newlines=True, allow_emoji=True):
        raise _hidden(field)
    if stacks_marks(text):
        raise _stacked(field)
    note = unicodedata.normalize("NFC", text).strip()
    if not note:
        raise FieldRefused(field, "is required: say why", say("field.note_required"))
    if len(note) > NOTE_MAX:
        raise _too_long(field, NOTE_MAX)
    bad = " ".join(sorted({c for c in note if c in NOTE_MARKUP}))
    if bad:
        raise FieldRefused(field, f"may not contain {bad}", say("field.markup", characters=bad))
    return note
