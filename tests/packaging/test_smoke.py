"""make package's check of its build (packaging/smoke.py) refuses a build that names the source
tree it was made from, as an editable install's metadata does (``direct_url.json``)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _smoke() -> ModuleType:
    spec = importlib.util.spec_from_file_location("smoke", ROOT / "packaging" / "smoke.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("smoke", module)
    spec.loader.exec_module(module)
    return module


def test_a_file_naming_the_source_tree_is_found(tmp_path: Path) -> None:
    info = tmp_path / "_internal" / "stamps_pos-0.1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Name: stamps-pos\nVersion: 0.1.0\n", encoding="utf-8")
    (info / "direct_url.json").write_text(
        json.dumps({"dir_info": {"editable": True}, "url": f"file://{ROOT}"}), encoding="utf-8"
    )
    (tmp_path / "stamps-pos").write_bytes(b"\x7fELF" + str(ROOT).encode() + b"\x00")

    assert _smoke().files_naming_source_tree(tmp_path) == [
        "_internal/stamps_pos-0.1.0.dist-info/direct_url.json",
        "stamps-pos",
    ]


def test_a_build_without_the_source_tree_passes(tmp_path: Path) -> None:
    info = tmp_path / "_internal" / "stamps_pos-0.1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Name: stamps-pos\nVersion: 0.1.0\n", encoding="utf-8")
    (tmp_path / "VERSION").write_text("stamps-pos 0.1.0\n", encoding="utf-8")

    assert _smoke().files_naming_source_tree(tmp_path) == []
