"""Stamps POS: an offline-capable loyalty till for the Stamps platform."""

from __future__ import annotations

from functools import cache

APP_NAME = "stamps-pos"
DISPLAY_NAME = "Stamps POS"
#: The version of a tree that was never installed (no package metadata to read it from).
UNKNOWN_VERSION = "0+unknown"


@cache
def version() -> str:
    """The installed package's version, from its metadata: the one number ``--version``, the
    About box, the support bundle and the HTTP ``User-Agent`` all show.

    ``pyproject.toml`` is its only source; a wheel, an editable install and a frozen build (whose
    spec copies the metadata) all carry it. Read on first use, not at import: finding the
    metadata walks ``sys.path``, which the window's start-up has no reason to wait for.
    """
    from importlib import metadata  # itself 0.1 s of imports: not before the first frame

    try:
        return metadata.version(APP_NAME)
    except metadata.PackageNotFoundError:
        return UNKNOWN_VERSION


def __getattr__(name: str) -> str:
    # ``app.__version__`` stays available, computed on first use (see version()).
    if name == "__version__":
        return version()
    raise AttributeError(f"module 'app' has no attribute {name!r}")
