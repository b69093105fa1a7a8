"""One version, from the package metadata, wherever the till shows it."""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

import pytest

import app
from app.cli import main

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def test_the_version_is_the_installed_package_s_which_is_pyproject_s() -> None:
    declared = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"]
    assert app.version() == metadata.version("stamps-pos") == declared
    assert app.__version__ == app.version()


def test_dash_dash_version_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out == f"stamps-pos {app.version()}\n"


def test_a_tree_that_was_never_installed_says_its_version_is_unknown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def not_installed(name: str) -> str:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", not_installed)
    app.version.cache_clear()
    try:
        assert app.version() == app.UNKNOWN_VERSION
    finally:
        app.version.cache_clear()
