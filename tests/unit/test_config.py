"""Settings: the TOML file, the environment over it, and a clear message for each bad value."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.config import ConfigError, default_config_file, load_settings
from app.core.domain import Channel
from app.core.messages import english

from ..support.bad_input import BAD_SETTINGS, SettingCase


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_the_toml_file_in_the_config_folder() -> None:
    write(default_config_file(), 'merchant = 7\nstore = 32\nlanes = 8\nauth = "bearer"\n')
    settings = load_settings()
    assert (settings.merchant, settings.store, settings.lanes, settings.auth) == (
        7,
        32,
        8,
        "bearer",
    )


def test_defaults_follow_the_design_table() -> None:
    settings = load_settings(merchant=1, store=2)
    assert settings.base_url == "https://stamps.co.id"
    assert settings.auth == "token"
    assert settings.idempotency == "unknown"
    assert settings.key_window_hours == 24
    assert settings.lanes == 4
    # settled redemptions and the audit log: a year and a month (architecture.md §6)
    assert settings.outbox_retention_days == 400
    assert settings.till_config().outbox_retention_days == 400
    assert settings.terminal
    assert settings.effective_channel() is Channel.POS
    assert settings.effective_channel(kiosk=True) is Channel.KIOSK


def test_a_retry_after_counts_for_an_hour_at_most_unless_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert load_settings(merchant=1, store=2).retry_after_cap == 3600
    monkeypatch.setenv("STAMPS_POS_RETRY_AFTER_CAP", "600")
    assert load_settings(merchant=1, store=2).retry_after_cap == 600
    for bad in ("0", "-5", "1e308", "nan"):
        monkeypatch.setenv("STAMPS_POS_RETRY_AFTER_CAP", bad)
        with pytest.raises(ConfigError, match="retry_after_cap"):
            load_settings(merchant=1, store=2)


def test_a_window_checks_a_quiet_line_every_30_seconds_unless_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The heartbeat (architecture §4): seconds of quiet before the window's till pings; 0: never.
    assert load_settings(merchant=1, store=2).till_config().heartbeat == 30
    write(default_config_file(), "merchant = 7\nstore = 32\nheartbeat = 0\n")
    assert load_settings().till_config().heartbeat == 0
    monkeypatch.setenv("STAMPS_POS_HEARTBEAT", "120")
    assert load_settings().till_config().heartbeat == 120


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("heartbeat = 2", "0 \\(never\\), or from 5 to 3600 seconds"),
        ("heartbeat = 3601", "0 \\(never\\), or from 5 to 3600 seconds"),
        ("heartbeat = -30", "0 \\(never\\), or from 5 to 3600 seconds"),
        ("heartbeat = 30.5", "whole number"),
        ("heartbeat = true", "whole number"),
        ('heartbeat = "30"', "write heartbeat = 30"),
    ],
)
def test_a_heartbeat_that_would_flood_the_server_or_never_come_is_refused(
    written: str, said: str
) -> None:
    write(default_config_file(), f"merchant = 7\nstore = 32\n{written}\n")
    with pytest.raises(ConfigError, match=rf"setting 'heartbeat'.*{said}"):
        load_settings()


@pytest.mark.parametrize("written", ["nan", "inf", "-inf"])
def test_a_timeout_of_nan_or_inf_in_the_file_is_not_a_number(written: str) -> None:
    # TOML has nan and inf; "must be at most 60" would send the manager the wrong way for nan.
    write(default_config_file(), f"merchant = 7\nstore = 32\nlookup_timeout = {written}\n")
    with pytest.raises(ConfigError, match=r"lookup_timeout.*Type a number"):
        load_settings()


def test_environment_overrides_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    write(default_config_file(), "merchant = 7\nstore = 32\nlanes = 8\n")
    monkeypatch.setenv("STAMPS_POS_LANES", "2")
    monkeypatch.setenv("STAMPS_POS_CHANNEL", "3")
    settings = load_settings()
    assert settings.lanes == 2
    assert settings.channel is Channel.KIOSK


def test_config_file_can_be_named_by_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = write(tmp_path / "till-3.toml", "merchant = 9\nstore = 4\n")
    monkeypatch.setenv("STAMPS_POS_CONFIG", str(other))
    assert load_settings().merchant == 9


def test_missing_required_setting_names_it_and_its_variable() -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings()
    message = str(caught.value)
    assert "setting 'merchant' is required: set STAMPS_POS_MERCHANT or 'merchant' in" in message
    assert "setting 'store' is required: set STAMPS_POS_STORE or 'store' in" in message


def test_a_settings_file_that_is_not_there_is_said_with_the_missing_settings(
    tmp_path: Path,
) -> None:
    # `stamps-pos --config pos.tomll history` said only that 'merchant' was required "in
    # pos.tomll", and the manager opened pos.toml, which had it.
    typo = tmp_path / "pos.tomll"
    write(tmp_path / "pos.toml", "merchant = 14\nstore = 32\n")
    with pytest.raises(ConfigError) as caught:
        load_settings(typo)
    assert str(caught.value).splitlines()[-1] == f"the settings file {typo} does not exist"
    # A file that is there and lacks one says only what it lacks.
    there = write(tmp_path / "till.toml", "merchant = 14\n")
    with pytest.raises(ConfigError) as caught:
        load_settings(there)
    assert "does not exist" not in str(caught.value)


def test_a_bad_value_from_the_environment_names_the_variable_not_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "setting 'merchant' (STAMPS_POS_MERCHANT or 'merchant' in pos.toml)": the manager opened
    # the file, found merchant = 14, and was left to guess that a unit's variable said 14x.
    written = write(tmp_path / "pos.toml", "merchant = 14\nstore = 32\n")
    monkeypatch.setenv("STAMPS_POS_MERCHANT", "14x")
    with pytest.raises(ConfigError) as caught:
        load_settings(written)
    assert str(caught.value) == (
        f"setting 'merchant' (from STAMPS_POS_MERCHANT, which overrides 'merchant' in "
        f"{written}): Type a whole number, in the digits 0–9 only (at most 19 of them)."
    )


@pytest.mark.parametrize("name", ["card_prefixes", "invoice_prefixes", "voucher_prefixes"])
def test_prefixes_written_as_a_toml_list_are_refused_saying_what_to_write(
    tmp_path: Path, name: str
) -> None:
    # Under a real till's file: card_prefixes = ["KR24", "7014"] read "This must be text.",
    # and the manager was left to guess that one quoted text was wanted.
    written = write(
        tmp_path / "pos.toml", f'merchant = 14\nstore = 32\n{name} = ["KR24", "7014"]\n'
    )
    with pytest.raises(ConfigError) as caught:
        load_settings(written)
    assert str(caught.value) == (
        f"setting '{name}' (STAMPS_POS_{name.upper()} or '{name}' in {written}): Write the "
        'prefixes as one text split by commas, in quotes ("KR, 7014"), not as a list.'
    )
    assert [reason.id for reason in caught.value.refused.values()] == ["setting.prefixes_one_text"]


def test_each_refused_setting_comes_with_the_settings_dialogs_words_for_the_window() -> None:
    # The window's cannot-start page shows these in its language (app/ui/cannot_start.py).
    write(default_config_file(), 'merchant = "seven"\n')
    with pytest.raises(ConfigError) as caught:
        load_settings()
    assert {name: why.id for name, why in caught.value.refused.items()} == {
        "merchant": "setting.whole_number",
        "store": "setting.required",
    }


@pytest.mark.parametrize(
    ("line", "setting"),
    [
        ("lanes = 0", "lanes"),
        ('auth = "basic"', "auth"),
        ('idempotency = "maybe"', "idempotency"),
        ("channel = 12", "channel"),
        ("key_window_hours = -1", "key_window_hours"),
        ('merchant = "seven"', "merchant"),
    ],
)
def test_invalid_value_is_refused_naming_the_setting(line: str, setting: str) -> None:
    base = "" if setting == "merchant" else "merchant = 7\n"
    write(default_config_file(), f"{base}store = 32\n{line}\n")
    with pytest.raises(ConfigError, match=rf"setting '{setting}'"):
        load_settings()


def test_the_windows_language_is_the_systems_unless_set(monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings(merchant=1, store=2).language == "auto"
    write(default_config_file(), 'merchant = 7\nstore = 32\nlanguage = "ID"\n')
    assert load_settings().language == "id"
    monkeypatch.setenv("STAMPS_POS_LANGUAGE", " en ")
    assert load_settings().language == "en"


@pytest.mark.parametrize("line", ['language = "fr"', 'language = ""', "language = 1"])
def test_a_language_the_window_does_not_speak_is_refused_with_the_choices(line: str) -> None:
    write(default_config_file(), f"merchant = 7\nstore = 32\n{line}\n")
    with pytest.raises(ConfigError, match=r"setting 'language'.*id \(Bahasa Indonesia\), en"):
        load_settings()


def test_unknown_key_in_the_file_is_refused() -> None:
    write(default_config_file(), "merchant = 7\nstore = 32\nlane = 3\n")
    with pytest.raises(ConfigError, match=r"'lane' in .* is not a setting"):
        load_settings()


@pytest.mark.parametrize(
    ("line", "setting", "said"),
    [
        ("store = -1", "store", "This must be more than 0."),
        ('base_url = "https://stamps .co.id"', "base_url", "Type one web address in ASCII"),
        ('language = "fr"', "language", "Pick id (Bahasa Indonesia), en (English) or auto"),
        ('store = "abc"', "store", "Type a whole number, in the digits 0–9 only"),
        ("colour = 3", "colour", "This is not a setting of stamps-pos."),
        ("lookup_timeout = nan", "lookup_timeout", "Type a number"),
        # the audit log keeps 90 days whatever is set: fewer would promise what it cannot do
        ("outbox_retention_days = 30", "outbox_retention_days", "This must be at least 90."),
    ],
)
def test_the_command_line_refuses_a_setting_in_the_words_the_window_shows(
    line: str, setting: str, said: str
) -> None:
    # The window's cannot-start page reads `refused`; `stamps-pos doctor`, `member` and `gui`
    # print the text: a shop must not read "Input should be greater than 0" in one and "This
    # must be more than 0." in the other.
    store = "" if setting == "store" else "store = 32\n"
    write(default_config_file(), f"merchant = 7\n{store}{line}\n")
    with pytest.raises(ConfigError) as refusal:
        load_settings()
    window_says = english(refusal.value.refused[setting])
    assert window_says.startswith(said)
    assert f"'{setting}' " in str(refusal.value)
    assert str(refusal.value).endswith(f": {window_says}")


def test_broken_toml_names_the_file() -> None:
    path = write(default_config_file(), "merchant = \n")
    with pytest.raises(ConfigError, match=f"{path}.*not valid TOML"):
        load_settings()


def test_token_in_the_file_is_refused_without_echoing_it() -> None:
    write(default_config_file(), 'merchant = 7\nstore = 32\ntoken = "s3cr3t-token"\n')
    with pytest.raises(ConfigError) as caught:
        load_settings()
    assert "never kept in the settings file" in str(caught.value)
    assert "s3cr3t-token" not in str(caught.value)


@pytest.mark.parametrize(
    "url", ["http://stamps.co.id", "ftp://stamps.co.id", "stamps.co.id", "http://10.0.0.5:8800"]
)
def test_base_url_must_be_https_unless_loopback(url: str) -> None:
    with pytest.raises(ConfigError, match="setting 'base_url'"):
        load_settings(merchant=1, store=2, base_url=url)


@pytest.mark.parametrize(
    ("url", "left_out"),
    [
        ("https://stamps.co.id/api", "/api"),
        ("https://stamps.co.id/api/", "/api"),
        ("https://stamps.co.id/api/v2", "/api/v2"),
        ("http://127.0.0.1:8800/proxy/API/v1/", "/API/v1"),
    ],
)
def test_a_base_url_that_ends_in_the_api_path_is_refused_saying_what_to_leave_out(
    url: str, left_out: str
) -> None:
    # Seen: base_url "http://127.0.0.1:18953/api" sent /api/api/v2/…, and every member lookup
    # said "No member matches" (the server's 404): the docs' examples begin that way.
    with pytest.raises(ConfigError) as caught:
        load_settings(merchant=1, store=2, base_url=url)
    assert caught.value.refused["base_url"].id == "setting.address_api_path"
    assert f"Leave out {left_out}: the till adds /api/v2/… itself" in str(caught.value)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8800",
        "http://localhost:9000/",
        "http://[::1]:8800",
        "https://x.id",
        "https://proxy.example/stamps",  # a proxy's own prefix
        "https://x.id/apis",
    ],
)
def test_loopback_http_and_any_https_are_accepted(url: str) -> None:
    assert load_settings(merchant=1, store=2, base_url=url).base_url == url.rstrip("/")


@pytest.mark.parametrize(
    "case", BAD_SETTINGS, ids=[f"{c.variable}={c.value[:24]!r}" for c in BAD_SETTINGS]
)
def test_every_bad_value_is_refused_naming_its_setting(
    case: SettingCase, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STAMPS_POS_MERCHANT", "14")
    monkeypatch.setenv("STAMPS_POS_STORE", "32")
    monkeypatch.setenv(case.variable, case.value)
    with pytest.raises(ConfigError) as caught:
        load_settings()
    message = str(caught.value)
    assert f"setting '{case.names}'" in message
    assert "s3cret" not in message and "token@" not in message  # credentials never echoed
    assert "\x1b" not in message and "\udce9" not in message


@pytest.mark.parametrize(
    ("line", "setting"),
    [
        ("store = 9223372036854775808", "store"),
        ("lanes = true", "lanes"),
        ("merchant = 1.5", "merchant"),
        ('data_dir = ""', "data_dir"),
        ('terminal = "till\\u0000one"', "terminal"),
    ],
)
def test_bad_values_in_the_file_are_refused_too(line: str, setting: str) -> None:
    base = "" if setting == "merchant" else "merchant = 7\n"
    base += "" if setting == "store" else "store = 32\n"
    write(default_config_file(), f"{base}{line}\n")
    with pytest.raises(ConfigError, match=rf"setting '{setting}'"):
        load_settings()


@pytest.mark.parametrize("value", ["5", "true", "[1]", "1979-05-27"])
def test_a_data_dir_that_is_not_text_in_the_file_is_refused_in_the_tills_words(value: str) -> None:
    # Seen: `data_dir = 5` said "Input is not a valid path for <class 'pathlib.Path'>".
    write(default_config_file(), f"merchant = 7\nstore = 32\ndata_dir = {value}\n")
    with pytest.raises(ConfigError) as caught:
        load_settings()
    assert caught.value.refused["data_dir"].id == "setting.folder_needed"
    assert "Name a folder" in str(caught.value)
    assert "class" not in str(caught.value) and "Input" not in str(caught.value)


@pytest.mark.parametrize(
    ("terminal", "why"),
    [
        ("kasir-1" + "\u0301" * 30, "field.mark_stack"),  # a "zalgo" name
        ("\u3164", "field.hidden_characters"),  # a Hangul filler: a letter that draws nothing
        ("kasir\u2800", "field.hidden_characters"),  # the Braille blank
        ("kasir\ue000", "field.hidden_characters"),  # a private-use character
    ],
)
def test_a_terminal_that_draws_over_its_lines_or_draws_nothing_is_refused(
    terminal: str, why: str
) -> None:
    # The terminal names each line of the audit log, End of day and the CSVs: "kasir-1" with 30
    # accents drew a bar over the rows above it, and a Hangul filler left the column blank, a
    # till nobody could tell from another; a manager's names already refuse both.
    for setting in ("terminal", "store_code"):
        with pytest.raises(ConfigError) as caught:
            load_settings(merchant=7, store=32, **{setting: terminal})
        assert caught.value.refused[setting].id == why


def test_a_data_dir_that_names_a_file_is_refused(tmp_path: Path) -> None:
    a_file = write(tmp_path / "not-a-folder", "")
    with pytest.raises(ConfigError, match=r"setting 'data_dir'.*not a folder"):
        load_settings(merchant=1, store=2, data_dir=a_file)


def test_a_data_dir_that_is_a_link_to_nothing_is_refused_as_such(tmp_path: Path) -> None:
    # It was taken, then the start said it named "a file, not a folder".
    link = tmp_path / "data"
    link.symlink_to(tmp_path / "gone")
    with pytest.raises(ConfigError, match=r"setting 'data_dir'.*link to a folder that is not"):
        load_settings(merchant=1, store=2, data_dir=link)


@pytest.mark.parametrize(
    "content",
    [
        b"\xff\xfe\x00m\x00e\x00r\x00c\x00h\x00a\x00n\x00t",
        bytes(range(256)),
        b"store = 'caf\xe9'\n",
    ],
    ids=["utf-16", "binary", "latin-1"],
)
def test_a_settings_file_that_is_not_text_is_refused(content: bytes) -> None:
    path = default_config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    with pytest.raises(ConfigError, match=f"{path}.*not UTF-8 text"):
        load_settings()


def test_a_settings_file_that_is_a_folder_is_refused() -> None:
    default_config_file().mkdir(parents=True)
    with pytest.raises(ConfigError, match="cannot be read"):
        load_settings()


def test_the_largest_ids_the_server_can_give_are_accepted() -> None:
    settings = load_settings(merchant=2**63 - 1, store="9223372036854775807")
    assert settings.merchant == settings.store == 2**63 - 1


def test_a_data_dir_is_taken_from_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert load_settings(merchant=1, store=2, data_dir="~/till").data_dir == tmp_path / "till"


# A number or a yes/no in quotes is TOML text. Read as the number it spells, a typo such as
# `merchant = "14 "` or a value pasted from a spreadsheet would be taken silently; the file says
# what to write instead. The environment has only text, so its numbers stay accepted.
QUOTED = [
    ('merchant = "14"', "merchant", "merchant = 14"),
    ('store = "32"', "store", "store = 32"),
    ('lanes = "4"', "lanes", "lanes = 4"),
    ('channel = "2"', "channel", "channel = 2"),
    ('pin_timeout = "900"', "pin_timeout", "pin_timeout = 900"),
    ('idle_lock_minutes = "0"', "idle_lock_minutes", "idle_lock_minutes = 0"),
    ('connect_timeout = "3.5"', "connect_timeout", "connect_timeout = 3.5"),
    ('key_window_hours = "24"', "key_window_hours", "key_window_hours = 24"),
    ('offline_allow_codes = "true"', "offline_allow_codes", "offline_allow_codes = true"),
]


@pytest.mark.parametrize(("line", "setting", "fix"), QUOTED, ids=[q[1] for q in QUOTED])
def test_a_number_in_quotes_in_the_file_is_refused_saying_what_to_write(
    line: str, setting: str, fix: str
) -> None:
    base = "" if setting == "merchant" else "merchant = 7\n"
    base += "" if setting == "store" else "store = 32\n"
    path = write(default_config_file(), f"# the till at the door\n{base}{line}\n")
    number = 2 + base.count("\n")
    with pytest.raises(ConfigError) as caught:
        load_settings()
    message = str(caught.value)
    assert "\n" not in message
    assert f"setting '{setting}'" in message
    assert f"{path}, line {number}" in message
    assert f"write {fix}" in message


def test_a_whole_number_setting_written_as_a_decimal_is_refused() -> None:
    write(default_config_file(), "merchant = 7\nstore = 32\nlanes = 4.0\n")
    with pytest.raises(ConfigError, match=r"setting 'lanes'.*whole number"):
        load_settings()


@pytest.mark.parametrize(
    ("variable", "value", "setting", "expected"),
    [
        ("STAMPS_POS_LANES", "4", "lanes", 4),
        ("STAMPS_POS_CONNECT_TIMEOUT", "3.5", "connect_timeout", 3.5),
        ("STAMPS_POS_OFFLINE_ALLOW_CODES", "true", "offline_allow_codes", True),
    ],
)
def test_the_environments_text_still_sets_numbers_and_yes_or_no(
    variable: str, value: str, setting: str, expected: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(default_config_file(), 'merchant = 7\nstore = 32\nlanes = "4"\n')
    monkeypatch.setenv(variable, value)
    monkeypatch.setenv("STAMPS_POS_LANES", "4")  # the file's quoted lanes does not count
    assert getattr(load_settings(), setting) == expected
