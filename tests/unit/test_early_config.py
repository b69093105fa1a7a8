"""What is read of the settings before the window's first frame: the language, as the settings
themselves will read it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.config import load_settings
from app.early_config import ConfigError, language_setting, read_settings_file


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


@pytest.mark.timeout(30)
def test_a_settings_file_that_is_a_pipe_is_refused_at_once(tmp_path: Path) -> None:
    # A pipe no one writes to blocked the till's start for ever.
    path = tmp_path / "settings.toml"
    os.mkfifo(path)
    with pytest.raises(ConfigError, match=r"is not a regular file \(a pipe or a socket\)"):
        read_settings_file(path)


def test_a_settings_file_larger_than_any_settings_is_refused_unread(tmp_path: Path) -> None:
    # --config /dev/zero read until memory ran out; a log named by mistake was read whole.
    path = tmp_path / "settings.toml"
    path.write_bytes(b"merchant = 14\n" + b"#" * (2 << 20) + b"\n")
    with pytest.raises(ConfigError, match=r"is larger than 1 MiB: it is not a settings file"):
        read_settings_file(path)


def test_a_settings_file_saved_with_a_byte_order_mark_is_told_so(tmp_path: Path) -> None:
    # Notepad's "UTF-8 with BOM": tomllib said only "Invalid statement (at line 1, column 1)".
    path = tmp_path / "settings.toml"
    path.write_bytes(b"\xef\xbb\xbfmerchant = 14\r\nstore = 32\r\n")
    with pytest.raises(ConfigError, match=r"starts with a byte order mark.*without BOM"):
        read_settings_file(path)


@pytest.mark.parametrize("opened", ["[", "{a = ", "[{b = "])
def test_a_settings_file_nested_deeper_than_python_reads_is_refused(
    tmp_path: Path, opened: str
) -> None:
    # `a = [[[[…]]]]` 5,000 deep: tomllib recursed until Python gave up, and every command
    # (doctor included) ended in a RecursionError's traceback.
    closing = {"[": "]", "{a = ": "}", "[{b = ": "}]"}[opened]
    path = tmp_path / "settings.toml"
    path.write_text("merchant = 14\nx = " + opened * 5000 + "1" + closing * 5000 + "\n")
    with pytest.raises(ConfigError, match=r"is nested too deeply to be a settings file"):
        read_settings_file(path)


@pytest.mark.parametrize(
    ("text", "said", "where"),
    [
        (
            "merchant = 14\nmerchant = = 14\n",
            "is not valid TOML at line 2, column 12: Invalid value",
            {"line": 2, "column": 12, "reason": "Invalid value"},
        ),
        (
            "merchant = [\n",
            "is not valid TOML where it ends: Invalid value",
            {"reason": "Invalid value"},
        ),
    ],
    ids=["at-a-line", "at-the-end"],
)
def test_a_settings_file_that_is_not_toml_says_where_in_the_message_s_own_words(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    text: str,
    said: str,
    where: dict[str, str | int],
) -> None:
    # The position was tomllib's English inside {reason} ("… (at line 2, column 12)"), which a
    # window could not say in its language; tomllib's text as it came stays in the log.
    settings = tmp_path / "settings.toml"
    settings.write_text(text, encoding="utf-8")
    caplog.set_level("INFO")
    with pytest.raises(ConfigError) as refused:
        read_settings_file(settings)
    assert str(refused.value) == f"settings file {settings} {said}"
    assert refused.value.said is not None
    assert dict(refused.value.said.params) == {"path": str(settings), **where}
    assert "(at " not in str(refused.value)
    assert "Invalid value (at " in caplog.text


@pytest.mark.parametrize(
    ("text", "name", "first", "again"),
    [
        (
            'base_url = "https://stamps.co.id"\nmerchant = 14\nbase_url = "http://x"\n',
            "base_url",
            1,
            3,
        ),
        ("merchant = 14\nstore = 33\n\n  merchant=15\n", "merchant", 1, 4),
        ('"store" = 33\nmerchant = 14\nstore = 32\n', "store", 1, 3),
    ],
    ids=["appended-below", "indented-no-spaces", "quoted-key"],
)
def test_a_setting_written_twice_is_named_with_both_its_lines(
    tmp_path: Path, text: str, name: str, first: int, again: int
) -> None:
    # A manager who adds `base_url = …` at the end of the file, the old line still above it, was
    # told only "not valid TOML at line 3, column 22: Cannot overwrite a value".
    settings = tmp_path / "settings.toml"
    settings.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as refused:
        read_settings_file(settings)
    assert str(refused.value) == (
        f"settings file {settings} sets '{name}' twice, on lines {first} and {again}: keep the "
        "one the till should use and delete the other"
    )
    assert refused.value.said is not None
    assert refused.value.said.id == "start.settings_set_twice"
