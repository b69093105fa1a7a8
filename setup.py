"""The one build step pyproject.toml cannot say: ship ``resources/`` inside the package.

``resources/`` (style sheets, icons, translations) stays at the top of the source tree, where the
project's tools and the translators find it; a wheel (and so any installed till) carries it as
``app/resources/``, which is where ``app/ui/resources.py`` looks first. An editable install reads
the source tree's folder in place, so nothing is copied for one.

A translation is shipped compiled: each ``.ts`` is built into the wheel's ``.qm`` with Qt's
``pyside6-lrelease`` when the build can run it (PySide6 installed, as in ``make`` and a build
without isolation); otherwise the ``.qm`` that ``make`` built beside the ``.ts`` is taken, if it
is not older than the ``.ts``. A build in pip's isolation (``pip wheel .``, ``python -m build``)
still finds the virtualenv's ``pyside6-lrelease`` beside the interpreter, but it cannot run there
(the isolation hides PySide6 from it too), so the tool is tried before it is trusted. With
neither, the build stops and says so: a wheel without its translation would quietly show an
Indonesian shop an English till.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path
from types import ModuleType

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
#: What a till reads at run time; the translators' .ts sources stay in the source tree, and their
#: .qm are built (see translate()), never copied stale.
SHIPPED = ("*.qss", "*.svg", "*.png")


def _translations() -> ModuleType:
    # packaging/translations.py is the one way a .ts is compiled (make uses it too); it needs
    # nothing beyond the standard library to load.
    path = ROOT / "packaging" / "translations.py"
    spec = importlib.util.spec_from_file_location("stamps_pos_translations", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def runs(tool: Path) -> bool:
    """Whether ``tool`` runs in this build. Found is not enough: in pip's build isolation the
    virtualenv's ``pyside6-lrelease`` is found beside the interpreter, then fails to import
    PySide6, which the isolation hides."""
    try:
        # the build's own Qt tool, as packaging/translations.py runs it
        done = subprocess.run(  # noqa: S603
            [str(tool), "-version"], capture_output=True, timeout=60, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def translate(ts_file: Path, qm_file: Path) -> None:
    """Build ``qm_file`` from ``ts_file`` where ``pyside6-lrelease`` runs, else take the ``.qm``
    that ``make`` built beside the ``.ts`` if it is current; else stop and say why."""
    translations = _translations()
    lrelease = translations.qt_tool("pyside6-lrelease")
    if lrelease is not None and runs(lrelease):
        translations.build(ts_file, qm_file, lrelease=lrelease)
        return
    built = ts_file.with_suffix(".qm")
    if not translations.is_stale(ts_file, built):
        qm_file.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, qm_file)
        return
    raise SystemExit(
        f"{ts_file.name} needs compiling and pyside6-lrelease cannot run in this build: run "
        "`make qm` first, or build with PySide6 installed (pip wheel --no-build-isolation)"
    )


class BuildWithResources(build_py):
    """``build_py``, then ``resources/`` copied to ``app/resources/`` in the build."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        source = ROOT / "resources"
        target = Path(self.build_lib) / "app" / "resources"
        for path in sorted(source.rglob("*")):
            if path.is_file() and any(path.match(pattern) for pattern in SHIPPED):
                destination = target / path.relative_to(source)
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, destination)
            elif path.is_file() and path.suffix == ".ts":
                translate(path, (target / path.relative_to(source)).with_suffix(".qm"))


setup(cmdclass={"build_py": BuildWithResources})
