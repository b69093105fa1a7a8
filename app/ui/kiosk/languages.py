"""The languages the kiosk offers: English, the source, and each one whose compiled translation
(``stamps_pos_<code>.qm``) ships with this till."""

from __future__ import annotations

from app.ui.language import CATALOGUE, LOCALES, translation_file


def available_languages() -> list[str]:
    """``["en", "id", …]``: English first, then the languages there is a ``.qm`` for (and that
    the window knows how to write dates in)."""
    folder = translation_file("en").parent
    found = sorted(
        path.stem.removeprefix(f"{CATALOGUE}_")
        for path in folder.glob(f"{CATALOGUE}_*.qm")
        if path.is_file() and path.stem.removeprefix(f"{CATALOGUE}_") in LOCALES
    )
    return ["en", *(code for code in found if code != "en")]
