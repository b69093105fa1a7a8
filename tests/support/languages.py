"""The window's languages for tests: English (the source text) and every translation in git.

A language is listed from its ``.ts`` (in git), not its ``.qm`` (built by ``make``): a missing or
stale ``.qm`` is built as ``make`` builds it, so a test never runs in English unnoticed.
"""

from __future__ import annotations

import contextlib
import importlib.util
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

from app.ui.language import CATALOGUE, translation_file
from app.ui.language import install as install_language

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
TS_FILES = sorted(TRANSLATIONS.glob(f"{CATALOGUE}_*.ts"))
TRANSLATED = [path.stem.removeprefix(f"{CATALOGUE}_") for path in TS_FILES]
LANGUAGES = ["en", *TRANSLATED]

Key = tuple[str, str, str]  # context, source, disambiguation


def ts_file(language: str) -> Path:
    """The translation source of ``language`` in git."""
    return TRANSLATIONS / f"{CATALOGUE}_{language}.ts"


def translation_tool() -> ModuleType:
    """packaging/translations.py (``make translations``, and the one way a ``.ts`` is built)."""
    path = ROOT / "packaging" / "translations.py"
    spec = importlib.util.spec_from_file_location("translations", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@contextlib.contextmanager
def speaking(language: str) -> Iterator[None]:
    """The window in ``language`` for the block (its translator and locale), English after."""
    if language != "en":
        tool, source, built = translation_tool(), ts_file(language), translation_file(language)
        if tool.is_stale(source, built):
            tool.build(source, built)
    assert install_language(language) == language
    try:
        yield
    finally:
        install_language("en")


def entries(ts_file: Path) -> dict[Key, ET.Element]:
    """Each ``<message>`` of a ``.ts`` by (context, source, disambiguation)."""
    found: dict[Key, ET.Element] = {}
    # The project's own file, in git: nothing untrusted is parsed.
    for context in ET.parse(ts_file).getroot().iter("context"):  # noqa: S314
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            found[key] = message
    return found
