"""The layers hold where import-linter cannot look: the core never imports the ``app`` package
itself (it is every layer's parent), and the window and the command line never reach past the
till by attribute (``till.outbox``…), which no import would show."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[2] / "app"
#: What a Till holds that only the core may use.
TILL_INSIDES = frozenset({"outbox", "client", "worker", "monitor", "cache", "shifts"})


def modules(folder: str) -> list[Path]:
    return sorted((APP / folder).rglob("*.py"))


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", modules("core"), ids=lambda p: str(p.relative_to(APP)))
def test_the_core_imports_nothing_of_the_app_outside_the_core(path: Path) -> None:
    outside = {
        name
        for name in imported(path)
        if (name == "app" or name.startswith("app.")) and not name.startswith("app.core")
    }
    assert outside == set()


@pytest.mark.parametrize(
    "path", [*modules("ui"), *modules("cli")], ids=lambda p: str(p.relative_to(APP))
)
def test_the_window_and_the_command_line_use_the_till_not_its_insides(path: Path) -> None:
    reached = [
        f"line {node.lineno}: .{node.attr}"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute)
        and node.attr in TILL_INSIDES
        and isinstance(node.value, ast.Attribute | ast.Name)
        and (node.value.attr if isinstance(node.value, ast.Attribute) else node.value.id) == "till"
    ]
    assert reached == []
