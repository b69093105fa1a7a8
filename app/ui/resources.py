"""One way to find a bundled file (style sheets, icons, translations), from the source tree or a
PyInstaller build."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

_SOURCE_ROOT = Path(__file__).resolve().parents[2]


def resources_root() -> Path:
    """The ``resources/`` folder: under ``sys._MEIPASS`` when frozen, else beside ``app/``."""
    # PyInstaller unpacks data files under _MEIPASS; the spec file puts resources/ there as is.
    frozen_root = getattr(sys, "_MEIPASS", None)
    base = Path(frozen_root) if frozen_root else _SOURCE_ROOT
    return base / "resources"


def asset(path: str) -> Path:
    """The absolute path of ``path`` under ``resources/``, e.g. ``asset("icons/member.svg")``.

    Raises ``FileNotFoundError`` for a missing file, so a typo fails loudly in a test rather than
    showing a blank icon on a till.
    """
    found = resources_root() / path
    if not found.exists():
        raise FileNotFoundError(f"no bundled resource {path!r} under {resources_root()}")
    return found


@cache
def icon(name: str) -> QIcon:
    """The SVG icon ``resources/icons/<name>.svg`` (cached: icons are shared by many widgets)."""
    return QIcon(str(asset(f"icons/{name}.svg")))


def style_sheet(name: str = "till") -> str:
    """The text of ``resources/styles/<name>.qss``."""
    return asset(f"styles/{name}.qss").read_text(encoding="utf-8")
