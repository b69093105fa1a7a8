"""The API token: environment, then keyring, then a 0600 file; never shown."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from app.core import credentials
from app.core.credentials import CredentialsError, Secret, load_token, store_token
from app.core.messages import english, say

from ...support.disk import UNWRITABLE, unwritable_folder


def test_environment_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store_token(Secret("from-file"), tmp_path)
    monkeypatch.setenv("STAMPS_POS_TOKEN", "from-env")
    assert load_token(tmp_path) == Secret("from-env")


def test_without_a_keyring_the_token_goes_to_a_private_file(tmp_path: Path) -> None:
    where = store_token(Secret("abc123"), tmp_path / "cfg")
    path = Path(where)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert load_token(tmp_path / "cfg") == Secret("abc123")


def test_no_token_anywhere_is_none(tmp_path: Path) -> None:
    assert load_token(tmp_path) is None


def test_a_keyring_that_hangs_falls_back_to_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()

    def hanging() -> bool:
        release.wait()  # a D-Bus call that never answers
        return True

    monkeypatch.setattr(credentials, "_keyring_usable", hanging)
    try:
        where = store_token(Secret("abc123"), tmp_path, deadline=0.05)
        assert where == str(tmp_path / "token")
        assert load_token(tmp_path, deadline=0.05) == Secret("abc123")
    finally:
        release.set()


@pytest.mark.parametrize("bad", ["", "   ", "two words"])
def test_a_malformed_token_is_refused(tmp_path: Path, bad: str) -> None:
    with pytest.raises(CredentialsError):
        store_token(Secret(bad), tmp_path)


def test_secret_never_shows_itself() -> None:
    secret = Secret("hunter2-token")
    assert "hunter2" not in repr(secret)
    assert "hunter2" not in str(secret)
    assert "hunter2" not in f"{secret} {[secret]} { ({'t': secret}) }"
    assert secret.reveal() == "hunter2-token"


# A token travels in an HTTP header (or a JSON body): only printable ASCII can be sent as is.
UNSENDABLE = [
    pytest.param("caf\xe9", id="non-ascii"),
    pytest.param("caf\udce9", id="undecodable-byte"),
    pytest.param("tok\x00en", id="nul"),
    pytest.param("tok\x1b[2Jen", id="escape-code"),
    pytest.param("tok\ren", id="carriage-return"),
    pytest.param("tok\nen", id="line-feed"),
    pytest.param("tok\x7fen", id="delete"),
    pytest.param("x" * 70_000, id="huge"),
]


@pytest.mark.parametrize("bad", UNSENDABLE)
def test_a_token_that_cannot_be_sent_is_refused_and_the_old_one_kept(
    tmp_path: Path, bad: str
) -> None:
    store_token(Secret("the-old-token"), tmp_path)
    with pytest.raises(CredentialsError) as caught:
        store_token(Secret(bad), tmp_path)
    assert bad not in str(caught.value)
    assert load_token(tmp_path) == Secret("the-old-token")


@pytest.mark.parametrize("bad", UNSENDABLE)
def test_an_unsendable_token_in_the_environment_is_refused_without_echoing_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bad: str
) -> None:
    if "\x00" in bad:  # the environment cannot hold a NUL: check the file instead
        (tmp_path / "token").write_text(bad, encoding="utf-8", errors="surrogateescape")
    else:
        monkeypatch.setenv("STAMPS_POS_TOKEN", bad)
    with pytest.raises(CredentialsError) as caught:
        load_token(tmp_path)
    assert bad not in str(caught.value)
    assert "cannot be sent" in str(caught.value)


def test_an_unsendable_token_in_the_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "token").write_bytes(b"caf\xe9\n")
    with pytest.raises(CredentialsError, match="cannot be sent"):
        load_token(tmp_path)


@pytest.mark.parametrize("two", ["first-token\r\nsecond-token", "first-token\n\nsecond-token\n"])
def test_two_lines_are_no_token_wherever_they_come_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, two: str
) -> None:
    # A file, or two tokens, pasted: its first line is not taken for the token without a word.
    store_token(Secret("the-old-token"), tmp_path)
    with pytest.raises(CredentialsError) as stored:
        store_token(Secret(two), tmp_path)
    assert load_token(tmp_path) == Secret("the-old-token")
    (tmp_path / "token").write_text(two, encoding="ascii")
    with pytest.raises(CredentialsError) as loaded:
        load_token(tmp_path)
    monkeypatch.setenv("STAMPS_POS_TOKEN", two)
    with pytest.raises(CredentialsError) as from_env:
        load_token(tmp_path)
    for caught in (stored, loaded, from_env):
        said = str(caught.value)
        assert "more than one line" in said and "a token is a single line" in said
        assert "first-token" not in said and "second-token" not in said


def test_a_line_s_end_around_the_token_is_no_part_of_it(tmp_path: Path) -> None:
    store_token(Secret("a-token\r\n"), tmp_path)
    assert load_token(tmp_path) == Secret("a-token")


def test_the_file_is_replaced_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_token(Secret("the-old-token"), tmp_path)

    def fail(*_: object) -> None:
        raise OSError(28, "No space left on device")

    # The disk fills while the new token is written: the old one must still be there, whole.
    monkeypatch.setattr(credentials.os, "fsync", fail)
    with pytest.raises(CredentialsError, match="is full") as caught:
        store_token(Secret("the-new-token"), tmp_path)
    assert caught.value.message_id == "token.file_unwritable.full"
    monkeypatch.undo()
    assert load_token(tmp_path) == Secret("the-old-token")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["token"]  # no temporary file left


def _load_in_a_thread(config_dir: Path) -> list[object]:
    """``load_token(config_dir)``'s result or error, or nothing if it has not ended within 10 s
    (a thread that waits for ever is a daemon: it dies with the test run)."""
    outcome: list[object] = []

    def load() -> None:
        try:
            outcome.append(load_token(config_dir))
        except CredentialsError as exc:
            outcome.append(exc)

    thread = threading.Thread(target=load, daemon=True)
    thread.start()
    thread.join(10)
    return outcome


def test_a_pipe_as_the_token_file_is_refused_at_once(tmp_path: Path) -> None:
    # A pipe nobody writes to held every command for ever, deaf even to SIGTERM.
    os.mkfifo(tmp_path / "token")
    outcome = _load_in_a_thread(tmp_path)
    assert outcome, "load_token waited for a writer that never comes"
    assert isinstance(outcome[0], CredentialsError)
    assert "not a regular file" in str(outcome[0])


def test_a_device_as_the_token_file_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    # A link to /dev/zero grew the process past 20 GB before anything stopped it.
    (tmp_path / "token").symlink_to("/dev/zero")
    outcome = _load_in_a_thread(tmp_path)
    assert outcome and isinstance(outcome[0], CredentialsError)
    assert "not a regular file" in str(outcome[0])


@pytest.mark.parametrize(
    "token", ["first-token\nsecond-token", "x" * (credentials.MAX_TOKEN_LENGTH + 1), "caf\xe9"]
)
@pytest.mark.parametrize("place", ["env", "file"])
def test_a_token_refused_at_the_start_carries_its_message_in_the_same_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, token: str, place: str
) -> None:
    # The window's cannot-start page says it in its language by this id; stderr keeps the text.
    if place == "env":
        monkeypatch.setenv("STAMPS_POS_TOKEN", token)
    else:
        monkeypatch.delenv("STAMPS_POS_TOKEN", raising=False)
        (tmp_path / "token").write_text(token, encoding="latin-1")
    with pytest.raises(CredentialsError) as caught:
        load_token(tmp_path)
    refused = caught.value
    assert refused.message_id is not None and refused.message_id.endswith(f".{place}")
    assert english(say(refused.message_id, **refused.fields)) == str(refused)
    assert "first-token" not in str(refused.fields) and "caf" not in str(refused.fields)


@pytest.mark.parametrize("way", UNWRITABLE)
def test_a_token_the_folder_cannot_take_is_refused_naming_the_folder_and_what_to_do(
    tmp_path: Path, way: str
) -> None:
    # It said "token file …/token cannot be written: Read-only file system", the system's words,
    # and nothing of what to change.
    with (
        unwritable_folder(tmp_path / "settings", way) as folder,
        pytest.raises(CredentialsError) as caught,
    ):
        store_token(Secret("a-new-token-1234"), folder)
    refused = caught.value
    said = str(refused)
    assert said.startswith("the token is not saved: ") and f"folder {folder}" in said
    assert "store the token again" in said and "file system" not in said
    assert "a-new-token-1234" not in said + str(refused.fields)
    assert refused.message_id == f"token.file_unwritable.{UNWRITABLE[way]}"
    assert english(say(refused.message_id, **refused.fields)) == said  # the window's words too
