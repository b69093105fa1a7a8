"""Every argument the command line takes, fed hostile values (tests/support/bad_input.py): each
is refused before the till opens, in one line on stderr, with exit 2 and no traceback."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from app.cli import main

from ...support.bad_input import BAD_ARGUMENTS, NOT_UTF8, ArgumentCase
from ...support.cli import run_cli


@pytest.fixture
def till(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A till whose server does not answer (port 9): an argument that slipped through would
    reach the lookup and end "not confirmed" (3), not 2."""
    data = tmp_path / "data"
    for name, value in {
        "MERCHANT": "14",
        "STORE": "32",
        "TOKEN": "sandbox-demo-token",
        "BASE_URL": "http://127.0.0.1:9",
        "DATA_DIR": str(data),
        "CONFIG": str(tmp_path / "config" / "settings.toml"),
    }.items():
        monkeypatch.setenv(f"STAMPS_POS_{name}", value)
    return data


def run(argv: list[str], stdin: bytes = b"") -> int:
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    try:
        return main(argv)
    except SystemExit as exited:  # argparse's way out
        return int(exited.code or 0)
    finally:
        sys.stdin = sys.__stdin__


@pytest.mark.parametrize(
    "case", BAD_ARGUMENTS, ids=[repr(" ".join(c.argv[:6]))[:60] for c in BAD_ARGUMENTS]
)
def test_a_bad_argument_is_refused_in_one_line_before_the_till_opens(
    case: ArgumentCase, till: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(case.argv, case.stdin) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.splitlines()) == 1, err
    assert case.mentions in err
    assert len(err) < 400
    assert "\x1b" not in err and "\r" not in err
    assert not till.exists()  # no database opened, so nothing queued


@pytest.mark.parametrize(
    ("extra", "says"),
    [
        (["--qty", "0"], "argument --qty: expected a number from 1 to 99, got '0'"),
        (["--qty", "100"], "argument --qty: expected a number from 1 to 99, got '100'"),
        (["--stamps", "100001"], "expected a number from 1 to 100000, got '100001'"),
    ],
    ids=["qty 0", "qty 100", "stamps"],
)
def test_an_amount_out_of_range_is_told_the_tills_own_limit(
    extra: list[str], says: str, till: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `--qty 0` was told "from 1 to 9223372036854775807": the till takes at most 99 of a reward.
    argv = ["redeem", "reward", "--user", "customer@stamps.co.id", "--reward", "1", *extra]
    assert run(argv) == 2
    assert says in capsys.readouterr().err


def test_a_carts_quantity_out_of_range_is_told_the_tills_own_limit(
    till: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["redeem", "multi", "--user", "customer@stamps.co.id", "--reward", "KR-1:0"]) == 2
    assert "expected a number from 1 to 99, got '0'" in capsys.readouterr().err


def test_the_first_bad_pin_leaves_no_trace_of_itself(
    till: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["redeem", "reward", "--user", "budi.santoso@contoh.co.id", "--reward", "1"]
    assert run([*argv, "--pin-stdin"], b"98765\n") == 2
    assert "98765" not in capsys.readouterr().err


def test_bytes_that_are_not_utf8_are_refused_by_the_real_command(till: Path) -> None:
    done = run_cli(["member", "find", b"caf\xe9"], env={})
    assert (done.returncode, done.stdout, done.traceback) == (2, "", False)
    assert done.stderr == "stamps-pos: argument 3 (b'caf\\xe9') is not UTF-8 text\n"
    done = run_cli(["member", "find", NOT_UTF8.encode("utf-8", "surrogateescape")], env={})
    assert done.returncode == 2


def test_a_huge_user_is_refused_by_the_real_command(till: Path) -> None:
    done = run_cli(["redeem", "reward", "--user", "a" * 70_000, "--reward", "1"], env={})
    assert (done.returncode, done.traceback) == (2, False)
    assert done.stderr.startswith("stamps-pos redeem reward: argument --user: is 70000 characters")


def test_a_pin_that_is_not_six_digits_is_refused_by_the_real_command(till: Path) -> None:
    done = run_cli(
        ["redeem", "reward", "--user", "budi.santoso@contoh.co.id", "--reward", "1", "--pin-stdin"],
        env={},
        stdin=b"12\n",
    )
    assert (done.returncode, done.traceback) == (2, False)
    assert done.stderr == (
        "stamps-pos redeem reward: the PIN on standard input must be exactly 6 digits (0-9)\n"
    )


@pytest.mark.parametrize(
    "login",
    ["caf\udce9", "ev\x1b[31mil", "u" * 500, " ", None],
    ids=["not UTF-8", "an escape code", "500 characters", "blank", "no login name at all"],
)
def test_a_cashier_taken_from_the_login_name_is_checked_as_cashier_is(
    login: str | None,
    till: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Without --cashier the redemption is the login's: that name went to the database, the
    # history and the shift's CSV unchecked (escape codes and all), or ended in a traceback.
    for name in ("USER", "LOGNAME", "LNAME", "USERNAME"):
        monkeypatch.delenv(name, raising=False)
    if login is not None:
        monkeypatch.setenv("USER", login)
    else:

        def no_such_user() -> str:
            raise KeyError("getpwuid(): uid not found: 12345")

        monkeypatch.setattr("getpass.getuser", no_such_user)
    argv = ["redeem", "reward", "--user", "customer@stamps.co.id", "--reward", "1"]
    assert run([*argv, "--queue-only"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.splitlines()) == 1, err
    assert err.startswith("stamps-pos redeem reward: ") and "--cashier NAME" in err
    assert "\x1b" not in err and "uuuuu" not in err
    assert not till.exists()  # nothing queued under that name


PROMO = ["redeem", "promo", "--user", "customer@stamps.co.id"]


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (
            [*PROMO, "--code", "PROMO\u202eEVIL😀", "--invoice", "INV-1"],
            "argument --code: The promo code holds an invisible or control character (U+202E); "
            "type or scan it again without it.",
        ),
        (
            [*PROMO, "--code", "NGOPIPAGI", "--invoice", "INV\u200b1"],
            "argument --invoice: The invoice number holds an invisible or control character "
            "(U+200B); type or scan it again without it.",
        ),
        (
            [*PROMO, "--code", "NGOPIPAGI", "--invoice", "I" * 65],
            "argument --invoice: The invoice number is longer than 64 characters.",
        ),
        (
            ["redeem", "code", "--user", "customer@stamps.co.id", "--code", "K" * 65],
            "argument --code: The voucher code is longer than 64 characters.",
        ),
    ],
    ids=["promo code", "invoice number", "long invoice number", "long voucher code"],
)
def test_a_code_is_refused_in_the_words_the_window_shows(
    argv: list[str], said: str, till: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(argv) == 2
    err = capsys.readouterr().err
    assert said in err, err
    assert "\u202e" not in err and "\u200b" not in err
    assert not till.exists()
