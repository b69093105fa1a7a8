"""tomllib's reasons for a settings file that is not TOML, in the window's language.

The core's message says where the file went wrong in its own words ("at line 2, column 12") and
ends on tomllib's reason ("Invalid value"), which is English whatever the shop's language: an
Indonesian page read "… bukan TOML yang sah: Invalid value (at line 2, column 12)". tomllib's
reasons are a short, fixed list; each is said here in the window's language. A reason not on the
list (a later Python's new wording) stays as tomllib said it. The command line keeps tomllib's
English, word for word.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

#: The core's messages whose ``{reason}`` is tomllib's.
TOML_REASON_MESSAGES = frozenset({"start.settings_not_toml_at", "start.settings_not_toml_at_end"})

#: tomllib's reasons that name the character it stopped at (``Illegal character '\n'``).
_WITH_CHARACTER = re.compile(r"(?P<said>Illegal character|Found invalid character) (?P<char>.+)")


def _said() -> dict[str, str]:
    # Literal calls, so `make translations` finds each one (context "TomlReason").
    return {
        "Invalid value": QCoreApplication.translate("TomlReason", "Invalid value"),
        "Invalid statement": QCoreApplication.translate("TomlReason", "Invalid statement"),
        "Expected newline or end of document after a statement": QCoreApplication.translate(
            "TomlReason", "Expected newline or end of document after a statement"
        ),
        "Cannot overwrite a value": QCoreApplication.translate(
            "TomlReason", "Cannot overwrite a value"
        ),
        "Expected ']' at the end of a table declaration": QCoreApplication.translate(
            "TomlReason", "Expected ']' at the end of a table declaration"
        ),
        "Expected ']]' at the end of an array declaration": QCoreApplication.translate(
            "TomlReason", "Expected ']]' at the end of an array declaration"
        ),
        "Expected '=' after a key in a key/value pair": QCoreApplication.translate(
            "TomlReason", "Expected '=' after a key in a key/value pair"
        ),
        "Invalid initial character for a key part": QCoreApplication.translate(
            "TomlReason", "Invalid initial character for a key part"
        ),
        "Unclosed array": QCoreApplication.translate("TomlReason", "Unclosed array"),
        "Unclosed inline table": QCoreApplication.translate("TomlReason", "Unclosed inline table"),
        "Unescaped '\\' in a string": QCoreApplication.translate(
            "TomlReason", "Unescaped '\\' in a string"
        ),
        "Invalid hex value": QCoreApplication.translate("TomlReason", "Invalid hex value"),
        "Escaped character is not a Unicode scalar value": QCoreApplication.translate(
            "TomlReason", "Escaped character is not a Unicode scalar value"
        ),
        "Unterminated string": QCoreApplication.translate("TomlReason", "Unterminated string"),
        "Invalid date or datetime": QCoreApplication.translate(
            "TomlReason", "Invalid date or datetime"
        ),
        "Illegal character": QCoreApplication.translate("TomlReason", "Illegal character {char}"),
        "Found invalid character": QCoreApplication.translate(
            "TomlReason", "Found invalid character {char}"
        ),
    }


def toml_reason(reason: str) -> str:
    """``reason`` in the window's language when it is one of tomllib's known reasons, else as
    it is."""
    said = _said()
    with_character = _WITH_CHARACTER.fullmatch(reason)
    if with_character is not None:
        return said[with_character["said"]].format(char=with_character["char"])
    return said.get(reason, reason)
