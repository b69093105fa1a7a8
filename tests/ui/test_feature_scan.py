"""``app.ui`` stops PySide6 reading the source of every module imported after it (its
``__feature__`` check): the till's start does not pay for it (docs/performance.md)."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path
from types import ModuleType

import pytest

import app.ui


def test_a_module_imported_after_the_window_s_qt_set_up_is_not_read_for_pyside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "feature_probe"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    module = package / "counter.py"
    module.write_text("TOTAL = 3\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "feature_probe", raising=False)
    monkeypatch.delitem(sys.modules, "feature_probe.counter", raising=False)

    # What ``from feature_probe.counter import TOTAL`` calls: PySide6's replacement of
    # builtins.__import__, which files the module it returns (here feature_probe.counter).
    counter = __import__("feature_probe.counter", {}, {}, ["TOTAL"])

    assert counter.TOTAL == 3

    assert str(module) not in linecache.cache  # its source was not read
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None:  # what PySide6 gives every module that uses it: no feature selected
        assert feature.pyside_feature_dict["feature_probe.counter"] == 0


def test_a_pyside6_without_the_check_is_left_as_it_is() -> None:
    without = ModuleType("feature")  # a later PySide6 that dropped or renamed the private hook
    assert app.ui.skip_feature_source_scan(without) is False
    assert not hasattr(without, "_mod_uses_pyside")
