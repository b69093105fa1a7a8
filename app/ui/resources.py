"""One way to find a bundled file (style sheets, icons, translations), whatever the install.

``resources/`` is kept at the top of the source tree. A built till carries it inside the package
as ``app/resources/``: a wheel (setup.py's build step copies it there) and the PyInstaller build
(packaging/stamps-pos.spec puts it at the same place under its ``_MEIPASS``), so both find it
beside ``app/__init__``. A checkout or an editable install has no such folder and reads the
source tree's, next to ``app/``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

import app

_PACKAGE = Path(app.__file__).resolve().parent


@cache
def resources_root() -> Path:
    """The ``resources/`` folder: inside the installed package, else the source tree's."""
    shipped = _PACKAGE / "resources"
    return shipped if shipped.is_dir() else _PACKAGE.parent / "resources"


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
    """The text of ``resources/styles/<name>.qss``, its ``url(icons/...)`` made absolute: Qt
    reads a relative one from the working directory, not beside the style sheet."""
    text = asset(f"styles/{name}.qss").read_text(encoding="utf-8")
    return text.replace("url(icons/", f"url({resources_root().as_posix()}/icons/")
