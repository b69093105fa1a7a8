"""The one build step pyproject.toml cannot say: ship ``resources/`` inside the package.

``resources/`` (style sheets, icons, translations) stays at the top of the source tree, where the
project's tools and the translators find it; a wheel (and so any installed till) carries it as
``app/resources/``, which is where ``app/ui/resources.py`` looks first. An editable install reads
the source tree's folder in place, so nothing is copied for one.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
#: What a till reads at run time; the translators' .ts sources stay in the source tree.
SHIPPED = ("*.qss", "*.svg", "*.png", "*.qm")


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


setup(cmdclass={"build_py": BuildWithResources})
