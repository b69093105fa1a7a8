"""``stamps-pos token set``: a token that cannot be sent is refused, and a refusal or a failure
never costs the till the token it had."""

from __future__ import annotations

from pathlib import Path

import pytest

from ...support.cli import run_cli


@pytest.fixture
def config(tmp_path: Path) -> Path:
    return tmp_path / "config" / "settings.toml"


def token_set(config: Path, stdin: bytes) -> tuple[int, str, str]:
    done = run_cli(["token", "set"], env={"STAMPS_POS_CONFIG": str(config)}, stdin=stdin)
    assert not done.traceback, done.stderr
    return done.returncode, done.stdout, done.stderr


def test_the_token_is_stored_in_a_private_file(config: Path) -> None:
    code, out, _ = token_set(config, b"good-token\n")
    assert code == 0
    assert (config.parent / "token").read_text() == "good-token\n"
    assert "good-token" not in out


@pytest.mark.parametrize(
    "line",
    [
        *(b"caf\xe9\n", "café\n".encode(), b"\n", b"", b"tok\x00en\n", b"tok\x1b[2Jen\n"),
        *(b"a b\n", b"x" * 70_000 + b"\n"),
    ],
    ids=["latin-1", "utf-8", "empty-line", "nothing", "nul", "escape", "space", "huge"],
)
def test_a_token_that_cannot_be_sent_is_refused_and_the_old_one_kept(
    config: Path, line: bytes
) -> None:
    assert token_set(config, b"good-token\n")[0] == 0
    code, out, err = token_set(config, line)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("stamps-pos token set: ")
    for echo in ("caf", "tok\x1b", "tok\x00", "xxxxxxxx", "a b"):
        assert echo not in err  # the refused token is never shown
    assert (config.parent / "token").read_text() == "good-token\n"


def test_a_token_piped_from_a_file_saved_with_a_byte_order_mark_is_the_token(
    config: Path,
) -> None:
    # Notepad's "UTF-8 with BOM" (or PowerShell's pipe) put EF BB BF before the token: the
    # till refused a good token as holding "letters outside ASCII", which it did not show.
    code, _, err = token_set(config, b"\xef\xbb\xbfgood-token\r\n")
    assert (code, err) == (0, "")
    assert (config.parent / "token").read_text() == "good-token\n"
