"""An installed till finds its style sheet and icons: the wheel is built (offline, from a copy of
the source tree), installed with ``pip install --no-deps --target`` into a temporary folder, and
the window started offscreen from outside the source tree, with only that folder and the
dependencies on the path."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
SOURCES = (
    "app",
    "resources",
    "packaging",
    "pyproject.toml",
    "setup.py",
    "MANIFEST.in",
    "README.md",
)

# Run in a fresh interpreter with no site processing (so the editable install's finder, which
# maps `app` to the source tree, is not loaded) and the installed copy first on the path.
START_WINDOW = """
import json, sys
from pathlib import Path
import app
from app.ui import resources
from app.ui.app import create_application
from app.ui.main_window import CashierWindowView
qt = create_application(["stamps-pos"], language="id")
window = CashierWindowView()
window.show()
qt.processEvents()
icons = {name: not resources.icon(name).pixmap(32, 32).isNull() for name in ("app", "member")}
print(json.dumps({
    "app": app.__file__,
    "version": app.version(),
    "resources": str(resources.resources_root()),
    "style_applied": "ResultPanel" in qt.styleSheet(),
    "icons": icons,
    "window_icon": not qt.windowIcon().isNull(),
    "painted": not window.grab().isNull(),
    "first_tab": window.tabs.tabText(0),
}))
"""


# pip's build isolation (how `pip wheel .`, as the README gives it, and `python -m build` build)
# runs the build, and every program the build starts, where the virtualenv's packages cannot be
# imported, PySide6 among them, though its scripts (pyside6-lrelease) are still beside the
# interpreter. This stands for it, offline: put on PYTHONPATH, it hides PySide6 from every Python
# process of the build.
ISOLATED_FROM_QT = """
import sys

class _Isolated:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in ("PySide6", "shiboken6"):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, _Isolated())
"""


def _pip(*args: str, cwd: Path, env: dict[str, str] | None = None) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pip", "--disable-pip-version-check", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _source_copy(source: Path) -> Path:
    """A copy of what a wheel is built from, in ``source``."""
    source.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=ignore)
        else:
            shutil.copy2(path, source / name)
    return source


def _wheel(source: Path, dist: Path, env: dict[str, str] | None = None) -> Path:
    """The wheel built from ``source`` into ``dist``, offline."""
    _pip(
        "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(dist), ".",
        cwd=source, env=env,
    )  # fmt: skip
    [wheel] = dist.glob("*.whl")
    return wheel


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the wheel, the folder it was installed into)."""
    work = tmp_path_factory.mktemp("wheel")
    source = _source_copy(work / "source")
    dist, target = work / "dist", work / "site"
    wheel = _wheel(source, dist)
    _pip("install", "--no-deps", "--no-index", "--target", str(target), str(wheel), cwd=work)
    return wheel, target


def test_the_wheel_carries_the_resources_inside_the_package(installed: tuple[Path, Path]) -> None:
    wheel, _ = installed
    assert wheel.name.startswith(f"stamps_pos-{PROJECT['version']}-")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {p.relative_to(ROOT).as_posix() for p in (ROOT / "resources").rglob("*.svg")}
    shipped |= {p.relative_to(ROOT).as_posix() for p in (ROOT / "resources").rglob("*.qss")}
    assert shipped
    assert {f"app/{name}" for name in shipped} <= names
    assert "app/core/storage/migrations/versions/0001_initial.py" in names
    # the Indonesian translation, compiled; its source stays in the source tree
    assert "app/resources/translations/stamps_pos_id.qm" in names
    assert not any(name.endswith(".ts") for name in names)


def test_the_installed_window_starts_offscreen_with_its_style_icons_and_language(
    installed: tuple[Path, Path], tmp_path: Path
) -> None:
    _, target = installed
    dependencies = sysconfig.get_paths()["purelib"]
    done = subprocess.run(
        [sys.executable, "-S", "-c", START_WINDOW],
        capture_output=True,
        text=True,
        cwd=tmp_path,  # outside the source tree
        env={
            "PYTHONPATH": f"{target}:{dependencies}",
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(tmp_path),
            "PATH": "/usr/bin:/bin",
        },
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert Path(seen["app"]).is_relative_to(target)
    assert seen["resources"] == str(target / "app" / "resources")
    assert seen["version"] == PROJECT["version"]  # the installed copy's metadata
    assert seen["style_applied"] and seen["window_icon"] and seen["painted"]
    assert seen["icons"] == {"app": True, "member": True}
    assert seen["first_tab"] == "Hadiah (F3)"  # in Bahasa Indonesia, from the wheel's .qm


def test_a_wheel_built_without_pyside6_at_hand_ships_the_translation_make_built(
    tmp_path: Path,
) -> None:
    built = ROOT / "resources" / "translations" / "stamps_pos_id.qm"
    assert built.is_file(), "run `make qm` first (make test does)"
    source = _source_copy(tmp_path / "source")
    isolated = tmp_path / "isolated"
    isolated.mkdir()
    (isolated / "sitecustomize.py").write_text(ISOLATED_FROM_QT, encoding="utf-8")

    wheel = _wheel(source, tmp_path / "dist", env=os.environ | {"PYTHONPATH": str(isolated)})

    shipped = zipfile.ZipFile(wheel).read("app/resources/translations/stamps_pos_id.qm")
    assert shipped == built.read_bytes()
