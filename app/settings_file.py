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
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from app.config import ENV_PREFIX, ConfigError, Settings, read_settings_file, settings_from

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
    """The changes were not written: ``reasons`` by setting name (``""`` for the file itself)."""

    def __init__(self, reasons: dict[str, str]) -> None:
        super().__init__("; ".join(f"{name or 'file'}: {why}" for name, why in reasons.items()))
        self.reasons = reasons


class SettingsFile:
    """The settings file at ``path`` as the window edits it. ``fixed`` are values given when the
    till started (the demo's), which the file cannot change."""

    def __init__(self, path: Path, fixed: Mapping[str, Any] | None = None) -> None:
        self.path = path
        self.fixed = dict(fixed or {})

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

    def check(self, changes: Mapping[str, FormValue]) -> dict[str, str]:
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
            raise Refusal({name: "is not a setting of stamps-pos" for name in unknown})
        locked = {
            name: f"is set by {self.locked_by(name)}" for name in changes if self.locked_by(name)
        }
        if locked:
            raise Refusal(locked)
        try:
            before = self.path.read_text(encoding="utf-8") if self.path.exists() else ""
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            text = edited(before, {name: _toml(name, value) for name, value in changes.items()})
            return _write_temporary(self.path, text)
        except UnicodeDecodeError:
            raise Refusal({"": f"{self.path} is not UTF-8 text"}) from None
        except OSError as exc:
            raise Refusal({"": f"{self.path} cannot be written: {exc.strerror}"}) from None

    def _check(self, candidate: Path) -> Settings:
        """The settings ``candidate`` makes, read as the till reads its file; else
        :class:`Refusal`."""
        try:
            return settings_from(candidate, **self.fixed)
        except ConfigError as exc:
            raise Refusal({"": str(exc)}) from None
        except ValidationError as exc:
            raise Refusal(_reasons(exc)) from None


def _reasons(exc: ValidationError) -> dict[str, str]:
    reasons: dict[str, str] = {}
    for error in exc.errors():
        name = ".".join(str(part) for part in error["loc"]) or ""
        if error["type"] == "missing":
            reason = "is required"
        elif error["type"] == "extra_forbidden":
            reason = "is not a setting of stamps-pos"
        else:
            reason = str(error["msg"]).removeprefix("Value error, ")
        reasons.setdefault(name, reason)
    return reasons


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
    # json.dumps escapes quotes, backslashes and control characters as TOML's basic strings do.
    return json.dumps(value, ensure_ascii=False)


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
