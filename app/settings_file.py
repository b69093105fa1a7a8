"""Changing the settings file from the window: each setting checked by the same rules as when the
file is read (:class:`app.config.Settings`), refused field by field, and the file replaced whole.

The file is edited line by line, so a manager's comments and the order of the keys stay as they
were: a changed key's line is replaced, a new key is appended, a key set back to its default is
removed. The candidate is written to a temporary file beside the real one, read back exactly as
the till reads its settings, and renamed over the file only when every setting passes: a refused
value, a full disk or a crash mid-write leave the file as it was.

A setting fixed by an environment variable (``STAMPS_POS_LANES``), or by whoever started the till
(the demo fixes its sandbox's address), cannot be changed here: the file's value would not count.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from app.config import ENV_PREFIX, ConfigError, Settings, read_settings_file, settings_from
from app.core.services import TEMPLATES, Message, english, folder_in_the_way, say

#: A value as a form hands it over: text typed, a choice, a tick; ``None``: back to the default.
FormValue = str | bool | None

_KEY_LINE = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")
_TABLE_LINE = re.compile(r"^\s*\[")


def environment_variable(name: str) -> str:
    """The environment variable that sets ``name``: ``STAMPS_POS_`` and the name in capitals."""
    return ENV_PREFIX + name.upper()


@dataclass(frozen=True)
class Saved:
    """What a save did: the settings now in the file and the names whose value changed."""

    settings: Settings
    changed: tuple[str, ...]


class Refusal(Exception):
    """The changes were not written: ``reasons`` by setting name (``""`` for the file itself),
    each a :class:`Message` the window shows in its language; ``str()`` is English, for logs."""

    def __init__(self, reasons: dict[str, Message]) -> None:
        super().__init__(
            "; ".join(f"{name or 'file'}: {english(why)}" for name, why in reasons.items())
        )
        self.reasons = reasons


class SettingsFile:
    """The settings file at ``path`` as the window edits it. ``fixed`` are values given when the
    till started (the demo's), which the file cannot change; ``throwaway``: the file goes with
    the till when it ends (the demo's folder), so no restart ever reads what was saved."""

    def __init__(
        self, path: Path, fixed: Mapping[str, Any] | None = None, *, throwaway: bool = False
    ) -> None:
        self.path = path
        self.fixed = dict(fixed or {})
        self.throwaway = throwaway

    def locked_by(self, name: str) -> str | None:
        """Why ``name`` cannot be changed here, or ``None``: the environment variable that sets
        it, or ``"started with it"`` for a value the till was started with."""
        variable = environment_variable(name)
        if os.environ.get(variable) is not None:
            return variable
        if name in self.fixed:
            return "started with it"
        return None

    def values(self) -> dict[str, Any]:
        """The values the file itself holds (not the defaults, not the environment's)."""
        return read_settings_file(self.path)

    def save(self, changes: Mapping[str, FormValue], current: Settings) -> Saved:
        """Check ``changes`` with the rest of the settings and, if every one passes, replace the
        file; raise :class:`Refusal` naming each setting refused and why (nothing is written).
        ``current`` are the settings the till runs on: what changed is told against them."""
        candidate = self._candidate(changes)
        try:
            settings = self._check(candidate)
            _replace(candidate, self.path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                candidate.unlink()
            raise
        changed = tuple(
            name for name in changes if getattr(settings, name) != getattr(current, name)
        )
        return Saved(settings, changed)

    def preview(self, changes: Mapping[str, FormValue]) -> Settings:
        """The settings ``changes`` would make, without writing them; :class:`Refusal` naming
        each setting refused (the settings dialog's "Check" tries the URL and token typed)."""
        candidate = self._candidate(changes)
        try:
            return self._check(candidate)
        finally:
            with contextlib.suppress(FileNotFoundError):
                candidate.unlink()

    def check(self, changes: Mapping[str, FormValue]) -> dict[str, Message]:
        """The reasons ``changes`` would be refused, by setting; empty when they would pass.
        Nothing is written (the candidate goes to a temporary file that is removed)."""
        try:
            candidate = self._candidate(changes)
        except Refusal as refusal:
            return refusal.reasons
        try:
            self._check(candidate)
        except Refusal as refusal:
            return refusal.reasons
        finally:
            with contextlib.suppress(FileNotFoundError):
                candidate.unlink()
        return {}

    def _candidate(self, changes: Mapping[str, FormValue]) -> Path:
        """The file as ``changes`` would leave it, written to a temporary file beside it."""
        unknown = [name for name in changes if name not in Settings.model_fields]
        if unknown:
            raise Refusal({name: say("setting.unknown") for name in unknown})
        locked = {name: self._locked(name) for name in changes if self.locked_by(name)}
        if locked:
            raise Refusal(locked)
        try:
            before = self.path.read_text(encoding="utf-8") if self.path.exists() else ""
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            text = edited(before, {name: _toml(name, value) for name, value in changes.items()})
            return _write_temporary(self.path, text)
        except UnicodeDecodeError:
            raise Refusal({"": say("setting.file_not_text", path=str(self.path))}) from None
        except OSError as exc:
            raise Refusal({"": self.unwritable(exc)}) from None

    def unwritable(self, error: OSError) -> Message:
        """Why the file cannot be written, in words (the system's reason as it gave it; a folder
        on the way that is a file, by name: the system said "File exists")."""
        in_the_way = folder_in_the_way(self.path)
        if in_the_way is not None:
            return say(
                "setting.file_unwritable.not_a_folder", path=str(self.path), file=str(in_the_way)
            )
        return say(
            "setting.file_unwritable", path=str(self.path), reason=error.strerror or str(error)
        )

    def _locked(self, name: str) -> Message:
        variable = self.locked_by(name)
        if variable is None or not variable.startswith(ENV_PREFIX):
            return say("setting.fixed")
        return say("setting.locked", variable=variable)

    def _check(self, candidate: Path) -> Settings:
        """The settings ``candidate`` makes, read as the till reads its file; else
        :class:`Refusal`."""
        try:
            return settings_from(candidate, **self.fixed)
        except ConfigError as exc:
            raise Refusal({"": say("setting.file_refused", reason=str(exc))}) from None
        except ValidationError as exc:
            raise Refusal(refusals(exc)) from None


def refusals(exc: ValidationError) -> dict[str, Message]:
    """Each setting ``exc`` refuses, by name, and why (:func:`reason_for`)."""
    reasons: dict[str, Message] = {}
    for error in exc.errors():
        name = ".".join(str(part) for part in error["loc"]) or ""
        reasons.setdefault(name, reason_for(name, error))
    return reasons


#: pydantic's bounds, by error type: the message that says each, and the bound's name.
_BOUNDS = {
    "greater_than": ("setting.more_than", "gt"),
    "greater_than_equal": ("setting.at_least", "ge"),
    "less_than": ("setting.less_than", "lt"),
    "less_than_equal": ("setting.at_most", "le"),
}


def reason_for(name: str, error: ErrorDetails) -> Message:
    """Why setting ``name`` was refused, in the till's words: the settings' own checks name
    their message (:func:`app.config.refused`); pydantic's are told by kind (required, a bound,
    a length, a choice, not a number); anything else is quoted after "This value is refused"."""
    kind = error["type"]
    context = error.get("ctx") or {}
    if kind in TEMPLATES:
        try:
            return Message(kind, {key: str(value) for key, value in context.items()})
        except ValueError:
            pass  # a check that names its message with other values: quoted below
    if kind == "missing":
        return say("setting.required")
    if kind == "extra_forbidden":
        return say("setting.unknown")
    if kind in _BOUNDS:
        message_id, bound = _BOUNDS[kind]
        return say(message_id, limit=_number(context.get(bound, "?")))
    if kind == "string_too_short":
        return say("field.empty")
    if kind == "string_too_long":
        return say("field.too_long", limit=str(context.get("max_length", "?")))
    choices = _choices(name)
    if kind in ("literal_error", "enum") and choices:
        return say("setting.one_of", choices=", ".join(choices))
    if (
        kind.startswith(("int_", "float_", "bool_", "string_")) or kind == "finite_number"
    ) and name in Settings.model_fields:
        return _wrong_type(name)
    return say("setting.refused", reason=str(error["msg"]).removeprefix("Value error, "))


def _number(value: object) -> str:
    """A bound as a person writes it: ``0``, not ``0.0``."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _choices(name: str) -> list[str]:
    """The values a choice setting takes (``[]`` for one that is not a choice)."""
    field = Settings.model_fields.get(name)
    if field is None:
        return []
    found: list[str] = []
    for part in (field.annotation, *get_args(field.annotation)):
        if get_origin(part) is Literal:
            found += [str(value) for value in get_args(part)]
        elif isinstance(part, type) and issubclass(part, Enum):
            found += [str(member.value) for member in part]
    return found


def _wrong_type(name: str) -> Message:
    """A value of the wrong kind for setting ``name``: what kind it must be."""
    annotation = Settings.model_fields[name].annotation
    kinds = {annotation, *get_args(annotation)}
    if bool in kinds:
        return say("setting.yes_or_no")
    if int in kinds:
        return say("setting.whole_number")
    if float in kinds:
        return say("setting.number")
    return say("field.not_text")


def _is_number(name: str) -> bool:
    annotation = Settings.model_fields[name].annotation
    return annotation in (int, float) or name == "channel"


def _toml(name: str, value: FormValue) -> str | None:
    """``value`` as TOML for setting ``name``; ``None`` removes the key (the default then holds).

    A number typed for a number setting is written bare; anything else is written as a string,
    which the setting's own check then refuses with its reason (nothing that is not TOML is ever
    produced from what a person typed)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    text = value.strip()
    if not text:
        return None
    if _is_number(name) and re.fullmatch(r"[0-9]{1,19}(\.[0-9]{1,19})?", text, re.ASCII):
        return text
    # Spaces around a value are a paste's, not the value's (an address copied with its trailing
    # space); json.dumps escapes quotes, backslashes and control characters as TOML's basic
    # strings do.
    return json.dumps(text, ensure_ascii=False)


def edited(text: str, changes: Mapping[str, str | None]) -> str:
    """``text`` (a flat TOML file) with each key of ``changes`` set to its TOML value, or removed
    for ``None``; other lines, comments included, are kept as they were."""
    lines = text.splitlines()
    done: set[str] = set()
    out: list[str] = []
    in_table = False
    for line in lines:
        if _TABLE_LINE.match(line):
            in_table = True
        found = None if in_table else _KEY_LINE.match(line)
        if found is None or found.group(1) not in changes:
            out.append(line)
            continue
        name = found.group(1)
        value = changes[name]
        if value is not None and name not in done:
            out.append(f"{name} = {value}")
        done.add(name)
    added = [
        f"{name} = {value}"
        for name, value in changes.items()
        if name not in done and value is not None
    ]
    if added:
        # New keys go before any table, where the flat settings live.
        first_table = next((i for i, line in enumerate(out) if _TABLE_LINE.match(line)), len(out))
        out[first_table:first_table] = added
    return "\n".join(out) + "\n" if out else ""


def _write_temporary(path: Path, text: str) -> Path:
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".toml")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
        raise
    return Path(name)


def _replace(temporary: Path, path: Path) -> None:
    """Rename ``temporary`` over ``path`` and make the rename itself durable."""
    os.replace(temporary, path)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)
