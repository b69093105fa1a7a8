"""The settings dialog's file: each setting checked as the till checks its file, refused field by
field, nothing written on a refusal, comments kept, the environment's settings left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.config import load_settings
from app.core.services import say
from app.settings_file import Refusal, SettingsFile, edited

FILE = """\
# Kopi Senja, till 2: set up by Wayan
merchant = 14
store = 32
lanes = 4   # two cores
base_url = "http://127.0.0.1:8000"
"""


@pytest.fixture
def settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SettingsFile:
    for name in ("LANES", "STORE", "MERCHANT", "BASE_URL", "READ_TIMEOUT", "SCANNER_PREFIX"):
        monkeypatch.delenv(f"STAMPS_POS_{name}", raising=False)
    path = tmp_path / "settings.toml"
    path.write_text(FILE, encoding="utf-8")
    return SettingsFile(path)


def test_a_good_change_is_written_keeping_comments_and_order(settings_file: SettingsFile) -> None:
    current = load_settings(settings_file.path)
    saved = settings_file.save(
        {"lanes": "8", "store_code": "RDG-KMG", "offline_allow_codes": True}, current
    )
    text = settings_file.path.read_text(encoding="utf-8")
    assert text.startswith("# Kopi Senja, till 2: set up by Wayan\nmerchant = 14\nstore = 32\n")
    assert "lanes = 8\n" in text and 'store_code = "RDG-KMG"\n' in text
    assert "offline_allow_codes = true\n" in text
    reread = load_settings(settings_file.path)
    assert (reread.lanes, reread.store_code, reread.offline_allow_codes) == (8, "RDG-KMG", True)
    assert set(saved.changed) == {"lanes", "store_code", "offline_allow_codes"}


def test_each_bad_value_is_refused_with_its_reason_and_nothing_is_written(
    settings_file: SettingsFile,
) -> None:
    current = load_settings(settings_file.path)
    with pytest.raises(Refusal) as refused:
        settings_file.save(
            {
                "lanes": "1_0",
                "read_timeout": "ten",
                "base_url": "http://stamps.co.id",
                "scanner_prefix": "<b>",
                "terminal": "till\x1b[2J",
            },
            current,
        )
    reasons = refused.value.reasons
    assert {name: reason.id for name, reason in reasons.items()} == {
        "lanes": "setting.whole_number",
        "read_timeout": "setting.number",
        "base_url": "setting.address_plain_http",
        "terminal": "field.hidden_characters",
    }  # markup-like is not a problem for a scanner's prefix
    assert "loopback address" in str(reasons["base_url"])
    assert "lanes: Type a whole number" in str(refused.value)  # the log's English
    assert settings_file.path.read_text(encoding="utf-8") == FILE
    assert list(settings_file.path.parent.iterdir()) == [settings_file.path]  # no leftovers
    assert settings_file.check({"lanes": "16"}) == {}


REFUSALS = [
    ({"lanes": "65"}, "This must be at most 64."),
    ({"lanes": "0"}, "This must be at least 1."),
    ({"read_timeout": "0"}, "This must be at least 0.1."),
    ({"connect_timeout": "0.0000001"}, "This must be at least 0.1."),
    ({"merchant": ""}, "This setting is required."),
    ({"terminal": "x" * 65}, "This is longer than 64 characters."),
    ({"auth": "basic"}, "Pick one of: token, bearer, body."),
    ({"channel": "10"}, "Pick one of: 1, 2, 3, 4, 5, 6, 7, 8, 9."),
    ({"offline_allow_codes": "maybe"}, "This is yes or no (true or false)."),
    ({"base_url": "stamps.co.id"}, "Type a web address such as https://stamps.co.id."),
    (
        {"base_url": "https://a:b@stamps.co.id"},
        "Leave out the user name and password: the till sends its token in a header.",
    ),
    (
        {"base_url": "https://stamps.co.id:99999"},
        "This is not a valid web address (is the port a number from 1 to 65535?).",
    ),
    ({"base_url": "https://stamps.co.id/?a=1"}, "Leave out the query (?…) and the fragment (#…)."),
    (
        {"data_dir": "relative/folder"},
        "Type an absolute path: a relative one would depend on the folder the till was started in.",
    ),
    ({"scanner_prefix": "a b"}, "This cannot hold spaces."),
    ({"invoice_prefixes": "INV 00, STR"}, "This cannot hold spaces."),
    ({"voucher_prefixes": "RINDANG-, SALDO AYU"}, "This cannot hold spaces."),
    (
        {"card_prefixes": "KR, <b>"},
        "Type prefixes of letters, digits, “-”, “/” and “.”, at most 8 characters each, "
        "split by commas (KR, 7014).",
    ),
    ({"heartbeat": "3"}, "Type 0 (never), or from 5 to 3600 seconds."),
    (
        {"language": "fr"},
        "Pick id (Bahasa Indonesia), en (English) or auto (the system's language).",
    ),
]


@pytest.mark.parametrize(("changes", "said"), REFUSALS)
def test_each_kind_of_refusal_has_the_tills_own_words(
    settings_file: SettingsFile, changes: dict[str, str], said: str
) -> None:
    reasons = settings_file.check(changes)
    assert [str(reason) for reason in reasons.values()] == [said]
    assert not any(reason.id == "setting.refused" for reason in reasons.values())


def test_a_required_setting_cannot_be_emptied(settings_file: SettingsFile) -> None:
    assert settings_file.check({"merchant": ""}) == {"merchant": say("setting.required")}


def test_a_setting_the_till_was_started_with_says_so(settings_file: SettingsFile) -> None:
    fixed = SettingsFile(settings_file.path, {"base_url": "http://127.0.0.1:9"})
    assert fixed.check({"base_url": "http://127.0.0.1:10"}) == {"base_url": say("setting.fixed")}


def test_a_setting_fixed_by_the_environment_is_locked(
    settings_file: SettingsFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STAMPS_POS_LANES", "2")
    assert settings_file.locked_by("lanes") == "STAMPS_POS_LANES"
    assert settings_file.locked_by("store") is None
    with pytest.raises(Refusal, match="STAMPS_POS_LANES"):
        settings_file.save({"lanes": "8"}, load_settings(settings_file.path))
    fixed = SettingsFile(settings_file.path, {"base_url": "http://127.0.0.1:9"})
    assert fixed.locked_by("base_url") == "started with it"


def test_a_missing_file_is_made_and_a_default_removes_the_key(tmp_path: Path) -> None:
    path = tmp_path / "conf" / "settings.toml"
    settings = SettingsFile(path, {"merchant": 14, "store": 32})
    assert settings.check({"idle_lock_minutes": "15"}) == {}
    current = load_settings(path, merchant=14, store=32)
    settings.save({"idle_lock_minutes": "15", "scanner_terminator": "tab"}, current)
    assert (
        path.read_text(encoding="utf-8") == 'idle_lock_minutes = 15\nscanner_terminator = "tab"\n'
    )
    settings.save({"idle_lock_minutes": None}, current)
    assert path.read_text(encoding="utf-8") == 'scanner_terminator = "tab"\n'


@pytest.mark.parametrize("blocked", ["conf", "conf/deeper"], ids=["itself", "a parent"])
def test_a_settings_folder_that_is_a_file_is_named(tmp_path: Path, blocked: str) -> None:
    # The dialog said "cannot be written: File exists": which file?
    (tmp_path / "conf").write_text("")
    settings = SettingsFile(tmp_path / blocked / "settings.toml", {"merchant": 14, "store": 32})
    assert settings.check({"idle_lock_minutes": "15"})[""] == say(
        "setting.file_unwritable.not_a_folder",
        path=str(tmp_path / blocked / "settings.toml"),
        file=str(tmp_path / "conf"),
    )


def test_editing_replaces_only_flat_keys() -> None:
    text = "a = 1\n# a = 2\n[table]\na = 3\n"
    assert edited(text, {"a": "9", "b": '"x"'}) == 'a = 9\n# a = 2\nb = "x"\n[table]\na = 3\n'


def test_a_number_quoted_by_hand_in_the_file_is_refused_saying_what_to_write(
    settings_file: SettingsFile,
) -> None:
    settings_file.path.write_text(FILE.replace("store = 32", 'store = "32"'), encoding="utf-8")
    reasons = settings_file.check({"lanes": "8"})
    assert {name: str(reason) for name, reason in reasons.items()} == {
        "store": "The settings file has this in quotes, which makes it text: write store = 32."
    }


def test_a_value_pasted_with_spaces_around_it_is_saved_without_them(
    settings_file: SettingsFile,
) -> None:
    # A server address copied from an e-mail with its trailing space was refused as holding
    # spaces, and a terminal's name kept the space it was pasted with.
    current = load_settings(settings_file.path)
    settings_file.save(
        {"base_url": "  http://127.0.0.1:9000/ \t", "terminal": " Kasir 2 "}, current
    )
    reread = load_settings(settings_file.path)
    assert (reread.base_url, reread.terminal) == ("http://127.0.0.1:9000", "Kasir 2")
