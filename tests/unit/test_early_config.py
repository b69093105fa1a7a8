"""What is read of the settings before the window's first frame: the language, as the settings
themselves will read it."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.config import load_settings
from app.early_config import language_setting


@pytest.mark.parametrize(
    ("in_file", "in_env", "expected"),
    [
        (None, None, "auto"),
        ('"id"', None, "id"),
        ('" EN "', None, "en"),
        ('"id"', "en", "en"),  # the environment over the file, as for every setting
        (None, " ID", "id"),
        ('"auto"', None, "auto"),
    ],
)
def test_the_window_s_language_is_the_one_the_settings_will_have(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    in_file: str | None,
    in_env: str | None,
    expected: str,
) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text(
        "merchant = 1\nstore = 2\n" + (f"language = {in_file}\n" if in_file else ""),
        encoding="utf-8",
    )
    if in_env is not None:
        monkeypatch.setenv("STAMPS_POS_LANGUAGE", in_env)
    assert language_setting(settings) == expected
    assert load_settings(settings).language == expected


@pytest.mark.parametrize("text", ['language = "fr"\n', "language = 3\n", "not toml [\n", "\xff"])
def test_a_language_the_settings_refuse_starts_the_window_in_auto(
    tmp_path: Path, text: str
) -> None:
    # The validation that follows refuses the settings and names what is wrong.
    settings = tmp_path / "settings.toml"
    settings.write_bytes(text.encode("latin-1"))
    assert language_setting(settings) == "auto"


def test_the_environment_s_name_is_matched_in_any_case(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("stamps_pos_language", "id")
    assert language_setting(tmp_path / "none.toml") == "id"
