"""make package's check of its build (packaging/smoke.py) refuses a build that names the source
tree it was made from, as an editable install's metadata does (``direct_url.json``); one that
lacks a module the till imports late or by name, which breaks a shop's till at the first F8
rather than in any test run from the source tree; and one that lacks a file the till reads (a
migration, a translation, an icon, the CA certificates)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

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


# Modules only imported late (inside a function) or by their name in a string, as they are now:
# the command line's commands, a name of app.core.services' and the pages built on demand.
LOADED_ON_DEMAND = (
    "app.cli.gui_commands",
    "app.cli.till_commands",
    "app.cli.staff_commands",
    "app.cli.manager_commands",
    "app.cli.doctor",
    "app.cli.support_bundle",
    "app.sandbox.cli",
    "app.core.services.diagnostics",
    "app.core.services.history_filter",
    "app.core.outbox.status",
    "app.ui.controllers.manager_page",
    "app.ui.manager.page",
    "app.ui.shift_summary",
    "app.ui.first_manager",
    "app.ui.damaged",
    "app.ui.cannot_start",
    "app.ui.kiosk.boot",
    "alembic.command",
    "keyring.backends.fail",
)


@pytest.fixture(scope="module")
def late_imports() -> list[str]:
    return _smoke().late_imports(ROOT / "app")


def test_the_modules_loaded_on_demand_are_found_by_reading_the_code(
    late_imports: list[str],
) -> None:
    assert set(LOADED_ON_DEMAND) <= set(late_imports)


def test_the_migrations_are_left_to_the_files_check(late_imports: list[str]) -> None:
    assert not [name for name in late_imports if ".migrations" in name]


def test_a_build_lacking_a_module_loaded_on_demand_is_refused(
    late_imports: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    smoke = _smoke()
    archive = [name for name in late_imports if name != "app.ui.manager.page"]
    monkeypatch.setattr(smoke, "archived_modules", lambda program: archive)

    with pytest.raises(smoke.Failed, match=r"\n  app\.ui\.manager\.page$"):
        smoke.check_late_imports(tmp_path, tmp_path / "stamps-pos")


def test_a_build_with_every_module_loaded_on_demand_passes(
    late_imports: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    smoke = _smoke()
    monkeypatch.setattr(smoke, "archived_modules", lambda program: late_imports)

    smoke.check_late_imports(tmp_path, tmp_path / "stamps-pos")


def test_a_build_lacking_a_file_the_till_reads_is_refused(tmp_path: Path) -> None:
    smoke = _smoke()
    wanted = smoke.missing_run_time_files(tmp_path)
    for name in wanted:
        (tmp_path / "_internal" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "_internal" / name).write_bytes(b"")
    newest = sorted((ROOT / "app/core/storage/migrations/versions").glob("0*.py"))[-1]
    (tmp_path / "_internal" / newest.relative_to(ROOT)).unlink()
    (tmp_path / "_internal/app/resources/translations/stamps_pos_id.qm").unlink()

    assert smoke.missing_run_time_files(tmp_path) == [
        str(newest.relative_to(ROOT)),
        str(Path("app/resources/translations/stamps_pos_id.qm")),
    ]
    assert {
        "certifi/cacert.pem",
        "app/core/storage/migrations/env.py",
        "app/resources/icons/app.svg",
        "app/resources/styles/till.qss",
    } <= set(wanted)
