"""``stamps-pos token set``: a token that cannot be sent is refused, and a refusal or a failure
never costs the till the token it had."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.credentials import Secret, store_token

from ...support.cli import run_cli


@pytest.fixture
def config(tmp_path: Path) -> Path:
    return tmp_path / "config" / "settings.toml"


def token_set(config: Path, stdin: bytes) -> tuple[int, str, str]:
    done = run_cli(["token", "set"], env={"STAMPS_POS_CONFIG": str(config)}, stdin=stdin)
    assert not done.traceback, done.stderr
    return done.returncode, done.stdout, done.stderr


def token_kept(config: Path) -> None:
    """The token the till has before the test, stored as `token set` stores it (in this
    process: a command's start-up costs a second, and the command itself is tested above)."""
    store_token(Secret("good-token"), config.parent)
    assert (config.parent / "token").read_text() == "good-token\n"


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
    token_kept(config)
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


@pytest.mark.parametrize(
    "given",
    [b"abc\r\ndef", b"first-token\nsecond-token\n", b"\xef\xbb\xbffirst-token\r\n\r\nsecond"],
    ids=["crlf-then-more", "two-tokens", "a-file-with-a-blank-line"],
)
def test_a_second_line_is_no_token_and_nothing_is_stored(config: Path, given: bytes) -> None:
    # "abc\r\ndef" stored "abc": the first line was taken for the token without a word.
    token_kept(config)
    code, out, err = token_set(config, given)
    assert (code, out) == (2, "")
    assert err == (
        "stamps-pos token set: the token cannot be sent: it holds more than one line, and a "
        "token is a single line (was a file, or two tokens, pasted?)\n"
    )
    assert (config.parent / "token").read_text() == "good-token\n"


@pytest.mark.parametrize("given", [b"new-token\r\n", b"new-token\n", b"new-token\n\n  \n"])
def test_a_line_s_end_alone_after_the_token_is_fine(config: Path, given: bytes) -> None:
    code, _, err = token_set(config, given)
    assert (code, err) == (0, "")
    assert (config.parent / "token").read_text() == "new-token\n"


def test_a_token_too_short_to_be_masked_in_answers_is_refused(config: Path) -> None:
    # A token of one letter masked every "t" of the answers the till keeps and shows (a
    # member's name read "Pu***i"), and a log masks nothing that short.
    token_kept(config)
    code, out, err = token_set(config, b"t\n")
    assert (code, out) == (2, "")
    assert "at least 8 characters" in err and "cut short" in err
    assert (config.parent / "token").read_text() == "good-token\n"


def token_set_kept_open(config: Path, given: bytes) -> subprocess.CompletedProcess[bytes]:
    """``token set`` fed ``given`` by a writer that keeps its pipe open (never closes it)."""
    env = {**os.environ, "STAMPS_POS_CONFIG": str(config)}
    env.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    read, write = os.pipe()
    try:
        os.write(write, given)
        return subprocess.run(
            [sys.executable, "-m", "app", "token", "set"],
            stdin=read,
            capture_output=True,
            env=env,
            timeout=60,  # (it waited for ever for the pipe's end)
            check=False,
        )
    finally:
        os.close(read)
        os.close(write)


def test_a_writer_that_keeps_its_pipe_open_is_not_waited_for(config: Path) -> None:
    done = token_set_kept_open(config, b"new-token\n")
    assert done.returncode == 0, done.stderr
    assert (config.parent / "token").read_text() == "new-token\n"
    refused = token_set_kept_open(config, b"other-token\nsecond-token\n")
    assert refused.returncode == 2
    assert b"more than one line" in refused.stderr
    assert (config.parent / "token").read_text() == "new-token\n"


def token_set_at_a_terminal(config: Path, pasted: bytes | None) -> tuple[int, bytes, bytes]:
    """``token set`` at a terminal (a pseudo-terminal), ``pasted`` once it asks (``None``:
    Ctrl-C instead): its exit code, its stderr and what the terminal echoed."""
    import pty
    import select

    env = {**os.environ, "STAMPS_POS_CONFIG": str(config)}
    terminal, line = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "token", "set"],
        stdin=line,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
    )
    os.close(line)
    try:
        assert process.stderr is not None
        asked = b""
        while b"API token: " not in asked:  # the prompt shows once the echo is off
            chunk = os.read(process.stderr.fileno(), 100)
            assert chunk, asked
            asked += chunk
        if pasted is None:
            process.send_signal(signal.SIGINT)
        else:
            os.write(terminal, pasted)
        code = process.wait(timeout=60)
        said = asked + process.stderr.read()
        echoed = b""
        while select.select([terminal], [], [], 0)[0]:
            try:
                echoed += os.read(terminal, 1024)
            except OSError:  # the other side is closed
                break
        return code, said, echoed
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stderr.close()  # type: ignore[union-attr]
        os.close(terminal)


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX terminal")
def test_at_a_terminal_a_pasted_second_line_is_refused_too(config: Path) -> None:
    code, said, echoed = token_set_at_a_terminal(config, b"first-token\r\nsecond-token")
    assert code == 2, said
    assert b"more than one line" in said
    assert b"first-token" not in said + echoed and b"second-token" not in said + echoed
    assert not (config.parent / "token").exists()
    code, said, echoed = token_set_at_a_terminal(config, b"new-token\r\n")
    assert code == 0, said
    assert b"new-token" not in echoed
    assert (config.parent / "token").read_text() == "new-token\n"


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX terminal")
def test_ctrl_c_at_the_token_prompt_says_nothing_was_changed(config: Path) -> None:
    # It said "what it had already done stands": the manager could not tell whether the token
    # kept before was still there.
    token_kept(config)
    code, said, _ = token_set_at_a_terminal(config, None)
    assert code == 130
    assert said.decode().splitlines()[-1] == (
        "stamps-pos token set: stopped by Ctrl-C while it waited for the token; nothing was changed"
    )
    assert (config.parent / "token").read_text() == "good-token\n"


@pytest.mark.parametrize("blocked", ["config", "config/deeper"], ids=["itself", "a parent"])
def test_a_settings_folder_that_is_a_file_is_named(tmp_path: Path, blocked: str) -> None:
    # It said "cannot be written: File exists" (or "Not a directory"): which file, and why?
    (tmp_path / "config").write_text("")
    config = tmp_path / blocked / "settings.toml"
    code, out, err = token_set(config, b"good-token\n")
    assert code == 2 and out == ""
    assert f"{tmp_path / 'config'} is a file, not a folder" in err, err


@pytest.mark.parametrize(
    "argv",
    [
        ["token", "set", "tok-given-as-an-argument"],
        ["token", "set", "--token", "tok-given-as-an-argument"],
        ["token", "tok-given-as-an-argument"],
    ],
    ids=["after-set", "as-an-option", "instead-of-set"],
)
def test_a_token_given_as_an_argument_is_refused_without_repeating_it(
    config: Path, argv: list[str]
) -> None:
    # `stamps-pos token set TOKEN` is what a manager tries first. The refusal printed the token
    # back ("unrecognized arguments: TOKEN"), into a terminal's scrollback or a script's log.
    token_kept(config)
    done = run_cli(argv, env={"STAMPS_POS_CONFIG": str(config)})
    assert not done.traceback, done.stderr
    assert done.returncode == 2
    assert "tok-given-as-an-argument" not in done.stdout + done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "standard input" in done.stderr
    assert (config.parent / "token").read_text() == "good-token\n"
