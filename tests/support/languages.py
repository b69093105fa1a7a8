"""The window's languages for tests: English (the source text) and every translation in git.

A language is listed from its ``.ts`` (in git), not its ``.qm`` (built by ``make``), so a missing
or stale build fails the tests that use it instead of leaving them to run in English unnoticed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from app.ui.language import CATALOGUE, translation_file
from app.ui.language import install as install_language

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
TS_FILES = sorted(TRANSLATIONS.glob(f"{CATALOGUE}_*.ts"))
TRANSLATED = [path.stem.removeprefix(f"{CATALOGUE}_") for path in TS_FILES]
LANGUAGES = ["en", *TRANSLATED]


def ts_file(language: str) -> Path:
    """The translation source of ``language`` in git."""
    return TRANSLATIONS / f"{CATALOGUE}_{language}.ts"


@contextlib.contextmanager
def speaking(language: str) -> Iterator[None]:
    """The window in ``language`` for the block (its translator and locale), English after."""
    if language != "en":
        built, source = translation_file(language), ts_file(language)
        assert built.exists() and built.stat().st_mtime >= source.stat().st_mtime, (
            f"{built.name} is missing or older than {source.name}: run `make qm`"
        )
    assert install_language(language) == language
    try:
        yield
    finally:
        install_language("en")
