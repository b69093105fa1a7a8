"""The till's PySide6 user interface: app boot, windows, views and widgets.

Views lay out widgets and emit signals; controllers (wired later to ``app.core.services``) act on
them. Nothing here is imported by ``app.core``.
"""

import os
import sys
from types import ModuleType

# qasync picks the first Qt binding it can import unless told which one; setting this before any
# module of the package imports qasync makes the choice explicit (PyQt may also be installed).
os.environ["QT_API"] = "pyside6"

import PySide6  # noqa: F401 - the window's and the kiosk's first Qt import is this one


def skip_feature_source_scan(feature: ModuleType | None = None) -> bool:
    """Stop PySide6 reading the source of every module imported after it; ``True`` when done.

    PySide6 replaces ``builtins.__import__`` for its opt-in ``from __feature__ import
    snake_case``; after each import, its hook ``feature_imported`` asks ``_mod_uses_pyside``,
    which reads the module's whole source (``inspect.getsource``) to look for the word
    "PySide6", and files the module as 0 ("uses PySide, no feature selected") or -1 ("ignore").
    The till never selects a feature, so 0 is right for every module, and the reads cost a
    tenth of a second of its start (docs/performance.md). The hook is private: a PySide6
    without it is left as it is (no gain, nothing broken).
    """
    feature = feature or sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _uses_pyside  # type: ignore[attr-defined]
    return True


def _uses_pyside(_module: ModuleType) -> bool:
    return True


skip_feature_source_scan()
