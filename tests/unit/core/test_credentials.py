"""The API token: environment, then keyring, then a 0600 file; never shown."""

from __future__ import annotations

import stat
import threading
from pathlib import Path

import pytest

from app.core import credentials
from app.core.credentials import CredentialsError, Secret, load_token, store_token


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
