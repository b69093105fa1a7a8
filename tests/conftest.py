"""Fixtures for every test: an isolated environment so no test reads the developer's own settings,
token or keyring; the till's clock in Jakarta for those that read local days."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

# Qt must never try to open a display, whoever runs pytest; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

import pytest


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No ``STAMPS_POS_*`` variable from outside, and the platform folders inside ``tmp_path``."""
    for name in list(os.environ):
        if name.startswith("STAMPS_POS_"):
            monkeypatch.delenv(name)
    home = tmp_path / "home"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")


@pytest.fixture
def in_jakarta(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The till's clock in Western Indonesia (UTC+7), as a till in Jakarta has it."""
    monkeypatch.setenv("TZ", "Asia/Jakarta")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()
