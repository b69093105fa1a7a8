"""What of the settings is read before the window's first frame, without pydantic: where the
settings file is, reading it as TOML, the window's language, and the checks the command line's
parser shares with the settings.

:mod:`app.config` validates every setting; it imports pydantic (a third of a second of a till's
start), so the window is shown first and the settings are validated after (docs/performance.md).
Everything here is re-exported by :mod:`app.config`.
"""

from __future__ import annotations

import codecs
import logging
import os
import re
import stat
import tomllib
import unicodedata
from collections.abc import Mapping
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import APP_NAME

if TYPE_CHECKING:
    from app.core.services import Message

ENV_PREFIX = "STAMPS_POS_"
CONFIG_ENV = ENV_PREFIX + "CONFIG"
#: The largest whole number SQLite stores (and the server's ids reach): 2⁶³ − 1.
MAX_WHOLE = 2**63 - 1
#: What the ``language`` setting may say (:mod:`app.ui.language`).
LANGUAGES = ("auto", "id", "en")


class ConfigError(Exception):
    """A setting is missing or invalid. The message names the setting and where it came from;
    ``refused`` holds each refused setting by name and why, in the settings dialog's words (a
    window shows them in its language), and is empty when the file itself cannot be used;
    ``said`` is then the message itself, in the core's words (:func:`file_refused`); ``lines``:
    the line of the settings file that sets a refused setting, where the message names it."""

    def __init__(
        self,
        message: str,
        refused: Mapping[str, Message] | None = None,
        *,
        said: Message | None = None,
        lines: Mapping[str, int] | None = None,
    ) -> None:
        super().__init__(message)
        self.refused: Mapping[str, Message] = dict(refused or {})
        self.said = said
        self.lines: Mapping[str, int] = dict(lines or {})


def file_refused(message_id: str, **params: str | int) -> ConfigError:
    """The settings file cannot be used, as the core's message ``message_id`` says: in English
    for the command line, and in the window's language on its cannot-start page."""
    from app.core.messages import english, say  # only when a file is refused: not at start

    said = say(message_id, **params)
    return ConfigError(english(said), said=said)


def default_config_file() -> Path:
    """``settings.toml`` in the platform's config folder, or ``$STAMPS_POS_CONFIG``."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override)
    import platformdirs  # only when asked: ``--config`` or the variable needs none of it

    return Path(platformdirs.user_config_dir(APP_NAME)) / "settings.toml"


def default_data_dir() -> Path:
    """The platform's data folder for the app."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME))


def unprintable(text: str) -> str | None:
    """What makes ``text`` unfit to show or store as it is, or ``None``: a byte that was not
    UTF-8, or a control or formatting character (escape codes, line breaks, direction marks)."""
    for ch in text:
        category = unicodedata.category(ch)
        if category == "Cs":
            return "is not valid UTF-8"
        if category in ("Cc", "Cf", "Zl", "Zp"):
            return "holds control characters"
    return None


#: A settings file is a few hundred bytes: one larger than this is not one (a device, a log named
#: by mistake), and is refused before it is read into memory.
MAX_SETTINGS_BYTES = 1 << 20


def read_settings_file(path: Path) -> dict[str, Any]:
    """The values the file at ``path`` holds, as TOML reads them (``{}`` when there is no file);
    :class:`ConfigError` when it cannot be read or is not TOML."""
    try:
        data = _settings_bytes(path)
    except FileNotFoundError:  # (exists() would raise for a name too long: opening says why)
        return {}
    except OSError as exc:
        raise file_refused(
            "start.settings_unreadable", path=str(path), reason=str(exc.strerror)
        ) from None
    if data.startswith(codecs.BOM_UTF8):  # Notepad's "UTF-8 with BOM"; TOML has no room for it
        raise file_refused("start.settings_bom", path=str(path))
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise file_refused("start.settings_not_utf8", path=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise _not_toml(path, exc) from None
    except RecursionError:
        # tomllib reads a nested array or table by recursing: `a = [[[…]]]` a few thousand deep
        # ran out of Python's stack, and no setting the till has nests at all.
        raise file_refused("start.settings_nested", path=str(path)) from None


#: Where tomllib's message says the file went wrong: ``Invalid value (at line 2, column 12)`` or
#: ``… (at end of document)``. Python 3.11 keeps the line and column only in the text (3.14 adds
#: attributes), and its wording is the same in every version the till runs on.
_TOML_WHERE = re.compile(
    r"(?P<reason>.+) \(at (?:line (?P<line>\d+), column (?P<column>\d+)|end of document)\)",
    re.DOTALL,
)


def _not_toml(path: Path, exc: tomllib.TOMLDecodeError) -> ConfigError:
    """The refusal of a file that is not TOML, its position in the message's own words (a window
    says "baris 2, kolom 12" where tomllib wrote "at line 2, column 12") and tomllib's reason
    apart, for the window to say in its language where it knows it (app/ui/toml_reasons.py).
    tomllib's text as it came goes to the log."""
    logging.getLogger(__name__).info("settings file %s is not TOML: %s", path, exc)
    where = _TOML_WHERE.fullmatch(str(exc))
    if where is None:
        return file_refused("start.settings_not_toml", path=str(path), reason=str(exc))
    reason = where["reason"]
    if where["line"] is None:
        return file_refused("start.settings_not_toml_at_end", path=str(path), reason=reason)
    if reason == _SET_TWICE:
        twice = _set_twice(path, int(where["line"]))
        if twice is not None:
            name, first = twice
            return file_refused(
                "start.settings_set_twice",
                path=str(path),
                name=name,
                first=first,
                again=int(where["line"]),
            )
    return file_refused(
        "start.settings_not_toml_at",
        path=str(path),
        line=int(where["line"]),
        column=int(where["column"]),
        reason=reason,
    )


#: tomllib's reason for a key given a second value (``merchant = 14`` twice).
_SET_TWICE = "Cannot overwrite a value"

#: A settings line's key: bare or quoted, before its ``=``.
_KEY = re.compile(
    r"""\s*(?:"(?P<quoted>[^"\\]*)"|'(?P<literal>[^']*)'|(?P<bare>[A-Za-z0-9_-]+))\s*="""
)


def _key_on(line: str) -> str | None:
    found = _KEY.match(line)
    if found is None:
        return None
    return found["quoted"] or found["literal"] or found["bare"]


def _set_twice(path: Path, again: int) -> tuple[str, int] | None:
    """The key written again on line ``again`` and the line it was first written on, when that
    is what tomllib refused ("Cannot overwrite a value" names neither): a manager appending
    ``base_url = …`` below the old line is the usual way a file gets there. ``None`` for the
    other ways to earn that reason (a table and a key of one name), said as tomllib says them."""
    with suppress(OSError, UnicodeDecodeError, ConfigError):
        # TOML counts lines at "\n" alone, not at every break splitlines() knows
        lines = _settings_bytes(path).decode("utf-8").split("\n")
        name = _key_on(lines[again - 1]) if 0 < again <= len(lines) else None
        if name is None:
            return None
        for number, line in enumerate(lines[: again - 1], start=1):
            if line.lstrip().startswith("["):
                return None  # a table before it: its keys are not the settings' own
            if _key_on(line) == name:
                return name, number
    return None


def _settings_bytes(path: Path) -> bytes:
    """The file's bytes, at most :data:`MAX_SETTINGS_BYTES`; :class:`ConfigError` for a pipe or
    a socket, or anything larger. Opened without blocking: a pipe nobody writes to would
    otherwise hold the till's start for ever."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(handle.fileno()).st_mode
        if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
            raise file_refused("start.settings_not_a_file", path=str(path))
        data = handle.read(MAX_SETTINGS_BYTES + 1)
    if len(data) > MAX_SETTINGS_BYTES:
        raise file_refused(
            "start.settings_too_large", path=str(path), mib=MAX_SETTINGS_BYTES // (1 << 20)
        )
    return data


def language_setting(config_file: Path | None = None) -> str:
    """The ``language`` setting as :class:`app.config.Settings` reads it (``STAMPS_POS_LANGUAGE``
    over the file's ``language``, any case, spaces around ignored; ``auto`` when neither says),
    for the window's words before the settings are validated.

    A value the settings refuse, or a file that cannot be read, reads as ``auto`` here: the
    validation that follows refuses the settings, naming what is wrong, and the till stops.
    """
    wanted = (ENV_PREFIX + "LANGUAGE").lower()
    # pydantic-settings matches the environment's names in any case, as here.
    value: Any = next((v for k, v in os.environ.items() if k.lower() == wanted), None)
    if value is None:
        try:
            value = read_settings_file(config_file or default_config_file()).get("language")
        except ConfigError:
            value = None
    text = value.strip().lower() if isinstance(value, str) else "auto"
    return text if text in LANGUAGES else "auto"
