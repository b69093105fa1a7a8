"""The till's log: what is masked, one line per event with its entry id, rotating files in the
data folder, and stderr when the folder cannot be written."""

from __future__ import annotations

import asyncio
import errno
import io
import logging
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core import log_file, logs

TOKEN = "s3cr3t-T0ken-4f9a8b7c6d5e"
ENTRY_ID = "0192f3a8-7c1e-7d2a-9b3c-4d5e6f708192"


@pytest.fixture(autouse=True)
def _clean_logging() -> Iterator[None]:
    yield
    logs.stop()


def record(message: str, *args: object, exc: BaseException | None = None) -> logging.LogRecord:
    exc_info = (type(exc), exc, exc.__traceback__) if exc is not None else None
    return logging.LogRecord("app.test", logging.INFO, __file__, 1, message, args, exc_info)


def formatted(rec: logging.LogRecord) -> str:
    logs.RedactionFilter().filter(rec)
    return logs.OneLineFormatter().format(rec)


# --- redaction ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"Authorization: Token {TOKEN}",
        f"authorization=Bearer {TOKEN}",
        f"{{'authorization': 'Token {TOKEN}', 'accept': 'application/json'}}",
        f'{{"Authorization": "Bearer {TOKEN}"}}',
        f"curl -H 'Authorization: Token {TOKEN}' https://stamps.co.id/api/ping",
        f"GET /api/rewards/?merchant=14&token={TOKEN}&store=32",
        f"body: token={TOKEN}&user=5",
        f'{{"token": "{TOKEN}", "user": 5}}',
        f"{{'token': '{TOKEN}'}}",
        f"access_token: {TOKEN}",
        f"refresh_token={TOKEN}",
        f"sent Token {TOKEN} to the server",
    ],
)
def test_credentials_are_masked_wherever_they_appear(text: str) -> None:
    masked = logs.redact(text)
    assert TOKEN not in masked
    assert logs.MASK in masked


def test_a_jwt_is_masked() -> None:
    jwt = "eyJhbGciOiJIUzI1NiJ9.eyJtZXJjaGFudCI6MTR9.c2lnbmF0dXJlLWhlcmU"
    assert jwt not in logs.redact(f"got {jwt} back")


@pytest.mark.parametrize(
    "text",
    [
        '{"user": 5, "pin": "123456"}',
        "{'pin': '123456'}",
        "pin=123456",
        "PIN: 123456",
        "the customer typed PIN 123456",
    ],
)
def test_a_pin_is_masked(text: str) -> None:
    assert "123456" not in logs.redact(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("member customer@stamps.co.id not found", "customer@stamps.co.id"),
        ("GET /api/v2/memberships/details?user=budi.santoso%40contoh.co.id", "budi.santoso"),
        ("phone 081210000006", "081210000006"),
        ("phone +6281210000006", "6281210000006"),
        ("user=6281210000006&merchant=14", "6281210000006"),
        ("user=%2B6281210000006", "6281210000006"),
    ],
)
def test_member_emails_and_phone_numbers_are_masked(text: str, secret: str) -> None:
    assert secret not in logs.redact(text)


@pytest.mark.parametrize(
    "text",
    [
        f"attempt 1: ambiguous -> queued (entry {ENTRY_ID})",
        "pin_timeout=900 lanes=4",
        "3 PIN attempts left",
        "tokens are refreshed every 24 h",
        "POST /api/v2/redemptions/redeem-reward -> 200 (12 ms)",
        "card 70140000000006, reward 1, 250 stamps",
        "0192f3a8-7c1e-7d2a-9b3c-081234567890",
    ],
)
def test_ordinary_lines_are_left_alone(text: str) -> None:
    assert logs.redact(text) == text


def test_the_token_is_masked_by_value_once_known() -> None:
    logs.keep_secret(TOKEN)
    try:
        assert logs.redact(f"server echoed {TOKEN}!") == f"server echoed {logs.MASK}!"
    finally:
        logs.forget_secrets()
    assert TOKEN in logs.redact(f"server echoed {TOKEN}!")


def test_the_filter_masks_the_arguments_and_the_traceback() -> None:
    try:
        raise RuntimeError(f"request failed: Authorization: Token {TOKEN}")
    except RuntimeError as exc:
        rec = record("sending %s", f"token={TOKEN}", exc=exc)
    line = formatted(rec)
    assert TOKEN not in line
    assert "RuntimeError: request failed" in line
    assert "Traceback" in line


# --- one line per event ---------------------------------------------------------------------


def test_a_record_is_one_line_whatever_it_holds() -> None:
    try:
        raise ValueError("first line\nsecond line")
    except ValueError as exc:
        rec = record("server said:\r\n%s\x1b[2J", "two\nlines", exc=exc)
    line = formatted(rec)
    assert "\n" not in line and "\r" not in line and "\x1b" not in line
    assert "server said: | two | lines\\x1b[2J" in line
    assert "ValueError: first line | second line" in line


@pytest.mark.parametrize(
    "breaker", ["\x85", "\u2028", "\u2029", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"]
)
def test_no_line_break_of_any_kind_forges_a_second_line(breaker: str) -> None:
    # Python's splitlines (a support script, an editor) breaks a line at each of these too
    line = formatted(record("member %s", f"Ayu{breaker}2026-12-01T00:00:00.000Z ERROR forged"))
    assert len(line.splitlines()) == 1
    assert "member Ayu" in line and "forged" in line


def test_a_c1_control_is_shown_not_obeyed() -> None:
    # U+009B is the one-character CSI: "\x9b2J" clears an 8-bit terminal that tails the log
    line = formatted(record("member %s", "Ayu\x9b2J\x9d0;title\x07"))
    assert not any(0x80 <= ord(ch) <= 0x9F for ch in line)
    assert "Ayu\\x9b2J\\x9d0;title\\x07" in line


def test_a_lone_surrogate_does_not_lose_the_line(tmp_path: Path) -> None:
    stderr = io.StringIO()
    logs.start(0, stderr)
    path = logs.to_folder(tmp_path / "data")
    # To the till's own handlers only: pytest's log capture would carry the surrogate into the
    # test report, which pytest-xdist cannot send between processes.
    ours = [
        h
        for h in logging.getLogger().handlers
        if any(isinstance(f, logs.RedactionFilter) for f in h.filters)
    ]
    logger = logging.getLogger("app.test.surrogate")
    logger.propagate = False
    for handler in ours:
        logger.addHandler(handler)
    try:
        logger.error("member %s", "Ayu\ud800")
    finally:
        for handler in ours:
            logger.removeHandler(handler)
        logger.propagate = True
    logs.stop()
    assert stderr.getvalue().count("member Ayu\\ud800") == 1  # the line, not a traceback
    assert "Logging error" not in stderr.getvalue()
    assert path.read_text(encoding="utf-8").splitlines()[-1].endswith("member Ayu\\ud800")


def test_the_line_names_its_entry() -> None:
    rec = logging.LogRecord(
        "app.core.outbox.outbox", logging.INFO, __file__, 1, "queued %s", ("reward",), None
    )
    rec.entry_id = ENTRY_ID
    line = formatted(rec)
    assert f"app.core.outbox.outbox entry={ENTRY_ID}: queued reward" in line
    assert line.split(" ")[0].endswith("Z")  # UTC


def test_lines_inside_about_entry_name_it_and_lines_after_do_not() -> None:
    with logs.about_entry(ENTRY_ID):
        inside = formatted(record("POST /api/ping -> 200"))
    after = formatted(record("idle"))
    assert f"entry={ENTRY_ID}" in inside
    assert "entry=" not in after


async def test_a_task_s_entry_stays_in_that_task() -> None:
    async def send() -> str:
        logs.set_entry(ENTRY_ID)
        await asyncio.sleep(0)
        return formatted(record("POST /api/v2/redemptions/redeem-reward -> 200"))

    line = await asyncio.create_task(send())
    assert f"entry={ENTRY_ID}" in line
    assert "entry=" not in formatted(record("the worker's own line"))


# --- files and stderr -----------------------------------------------------------------------


def test_the_log_goes_to_a_private_file_in_the_data_folder(tmp_path: Path) -> None:
    stderr = io.StringIO()
    logs.start(0, stderr)
    path = logs.to_folder(tmp_path / "data")
    assert path == tmp_path / "data" / "logs" / "stamps-pos.log"
    logging.getLogger("app.test").info("queued reward", extra=logs.entry(ENTRY_ID))
    logs.stop()
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and lines[0].endswith(f"app.test entry={ENTRY_ID}: queued reward")
    assert stderr.getvalue() == ""  # info is for the file; stderr has errors only


def test_the_files_rotate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(log_file, "MAX_BYTES", 2_000)
    logs.start(0, io.StringIO())
    path = logs.to_folder(tmp_path)
    assert path is not None
    for n in range(400):
        logging.getLogger("app.test").info("line %d %s", n, "x" * 40)
    logs.stop()
    files = sorted(p.name for p in path.parent.iterdir())
    assert files == [
        "stamps-pos.log",
        *(f"stamps-pos.log.{n}" for n in range(1, log_file.BACKUPS + 1)),
    ]
    assert all(p.stat().st_size <= 2_000 for p in path.parent.iterdir())
    assert "line 399" in path.read_text(encoding="utf-8")


def test_a_folder_that_cannot_be_written_sends_the_log_to_stderr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(self: log_file.FolderLog) -> io.TextIOWrapper:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(log_file.FolderLog, "_open", read_only)
    stderr = io.StringIO()
    logs.start(0, stderr)
    assert logs.to_folder(tmp_path) is None
    logging.getLogger("app.test").info("queued reward")
    assert "queued reward" in stderr.getvalue()


def test_a_data_folder_that_is_a_file_sends_the_log_to_stderr(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("", encoding="utf-8")
    stderr = io.StringIO()
    logs.start(0, stderr)
    assert logs.to_folder(not_a_folder) is None
    logging.getLogger("app.test").warning("still said")
    assert "still said" in stderr.getvalue()


class FullDisk(io.StringIO):
    """A log file on a disk that fills up, then gets space back."""

    full = True

    def write(self, text: str) -> int:
        if FullDisk.full:
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().write(text)


def test_a_full_disk_sends_lines_to_stderr_and_the_file_resumes_when_space_returns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written: list[FullDisk] = []

    def opener(self: log_file.FolderLog) -> FullDisk:
        written.append(FullDisk())
        return written[-1]

    stderr = io.StringIO()
    logs.start(0, stderr)
    monkeypatch.setattr(log_file.FolderLog, "_open", opener)
    assert logs.to_folder(tmp_path) is not None
    logger = logging.getLogger("app.test")
    FullDisk.full = True
    logger.info("first while full")
    logger.info("second while full")
    FullDisk.full = False
    logger.info("space again")
    said = stderr.getvalue()
    assert said.count("No space left on device") == 1
    assert "first while full" in said and "second while full" in said
    assert "space again" not in said
    assert "space again" in written[-1].getvalue()


def test_stop_takes_away_exactly_what_start_added(tmp_path: Path) -> None:
    root = logging.getLogger()
    before = (list(root.handlers), root.level, logging.getLogger("httpx").level)
    logs.start(0, io.StringIO())
    logs.to_folder(tmp_path)
    assert len(root.handlers) == len(before[0]) + 2
    logs.stop()
    assert (list(root.handlers), root.level, logging.getLogger("httpx").level) == before


def test_verbosity_sets_what_reaches_stderr() -> None:
    for verbosity, shown in [
        (0, {"ERROR"}),
        (1, {"INFO", "ERROR"}),
        (2, {"DEBUG", "INFO", "ERROR"}),
    ]:
        stderr = io.StringIO()
        logs.start(verbosity, stderr)
        logger = logging.getLogger("app.test")
        logger.debug("DEBUG")
        logger.info("INFO")
        logger.error("ERROR")
        logs.stop()
        assert {
            word for word in ("DEBUG", "INFO", "ERROR") if f": {word}" in stderr.getvalue()
        } == shown
