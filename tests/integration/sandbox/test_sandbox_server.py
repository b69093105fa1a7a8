"""The embedding API and the command line: ports, URLs, start/stop, ``main(argv)``."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from app.cli import main as cli_main
from app.sandbox import Sandbox, SandboxServer, create_app
from app.sandbox.cli import main

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[3]


def test_port_zero_gets_a_real_port_and_url():
    with SandboxServer(port=0, token="t-123") as server:
        assert server.port != 0
        assert server.url == f"http://127.0.0.1:{server.port}"
        assert server.token == "t-123"
        r = httpx.post(f"{server.url}/api/ping", headers={"Authorization": "Token t-123"})
        assert r.status_code == 200
    with pytest.raises(httpx.ConnectError):
        httpx.post(f"{server.url}/api/ping", timeout=1)


def test_a_busy_port_fails_to_start():
    with SandboxServer() as first:
        second = SandboxServer(port=first.port)
        with pytest.raises(OSError, match="in use"):
            second.start()
        second.stop()


def test_stop_is_safe_twice_and_before_start():
    server = SandboxServer()
    server.stop()
    server = SandboxServer().start()
    server.stop()
    server.stop()
    with pytest.raises(RuntimeError, match="starts once"):
        server.start()


async def test_control_endpoints_refuse_other_hosts():
    app = create_app(Sandbox())
    sent: list[dict[str, object]] = []

    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": "/_sandbox/ledger",
        "raw_path": b"/_sandbox/ledger",
        "query_string": b"",
        "root_path": "",
        "headers": [],
        "client": ("192.0.2.7", 40000),
        "server": ("192.0.2.1", 8800),
    }
    await app(scope, receive, send)  # type: ignore[arg-type]
    assert sent[0]["status"] == 403


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--error-rate", "2"], "expected a probability from 0 to 1, got '2'"),
        # Seen: "invalid _rate value: 'abc'", and a traceback (OverflowError) for a port past
        # 65535; --extra-members 99999999999 built members until the memory ran out.
        (["--error-rate", "abc"], "expected a probability from 0 to 1, got 'abc'"),
        (["--port", "99999"], "expected a port from 0 to 65535, got '99999'"),
        (["--port", "-1"], "expected a port from 0 to 65535, got '-1'"),
        (["--extra-members", "99999999999"], "expected a count from 0 to 100000"),
        (["--extra-rewards", "-1"], "expected a count from 0 to 100000, got '-1'"),
        # Seen: "invalid literal for int() with base 10: 'abc'".
        (["--error-statuses", "abc"], "expected statuses such as 500,503, got 'abc'"),
        # Seen: "invalid int value: 'abc'" under a usage block, where stamps-pos says one line.
        (["--latency-ms", "abc"], "argument --latency-ms: expected milliseconds, got 'abc'"),
        (["--trickle-ms", "1.5"], "argument --trickle-ms: expected milliseconds, got '1.5'"),
        (["--seed", "x"], "argument --seed: expected a whole number, got 'x'"),
        (["--bogus"], "unrecognized arguments: --bogus"),
    ],
)
def test_main_rejects_bad_options_saying_what_it_expected(
    capsys: pytest.CaptureFixture[str], argv: list[str], said: str
):
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    # one line, as stamps-pos says its own refusals: no usage block, no traceback
    [line] = err.splitlines()
    assert line.startswith("stamps-pos sandbox: ") and said in line
    assert line.endswith(" (see stamps-pos sandbox --help)")


def test_main_rejects_faults_that_do_not_add_up(capsys: pytest.CaptureFixture[str]):
    assert main(["--error-rate", "0.6", "--drop-rate", "0.6"]) == 2
    assert main(["--error-statuses", "200"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "error_statuses must be HTTP error or redirect statuses" in err


@pytest.mark.parametrize("command", [main, lambda argv: cli_main(["sandbox", *argv])])
def test_main_reports_a_busy_port_as_a_usage_error_saying_what_to_do(
    capsys: pytest.CaptureFixture[str], command: Callable[[list[str]], int]
):
    # It exited 1, which stamps-pos keeps for a refusal; a place that cannot be used is 2. And
    # it said only "Address already in use", not whose port nor what to do.
    with SandboxServer() as running:
        assert command(["--port", str(running.port)]) == 2
    out, err = capsys.readouterr()
    # On stderr, in the system's words without Python's "[Errno 98]".
    assert out == ""
    port = running.port
    assert err == (
        f"stamps-pos sandbox: cannot listen on 127.0.0.1:{port}: Address already in use: another "
        f"program (another sandbox, perhaps) listens on port {port}; stop it, or give another "
        "port with --port N (--port 0 picks a free one)\n"
    )


@pytest.mark.parametrize(
    ("make", "why"),
    [
        (lambda p: p.write_text("merchant = 14\n"), "file is not a database"),
        (lambda p: p.mkdir(), "unable to open database file"),
        (
            lambda p: p.parent.joinpath("file").write_text("") or None,
            "file is a file, not a folder",
        ),
    ],
    ids=["not-a-database", "a-folder", "under-a-file"],
)
def test_a_state_file_the_sandbox_cannot_use_is_a_usage_error_not_a_traceback(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    make: Callable[[Path], object],
    why: str,
):
    # `sandbox --state settings.toml` (a file named by mistake) ended in sqlite3's traceback,
    # "DatabaseError: file is not a database", exit 1.
    state = tmp_path / "state.db"
    make(state)
    if why.endswith("not a folder"):
        state = tmp_path / "file" / "state.db"
    assert main(["--port", "0", "--state", str(state)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"stamps-pos sandbox: --state {state} cannot be used: ")
    assert why in err and "Traceback" not in err
    assert len(err.splitlines()) == 1


def _another_programs_database(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(path)) as db, db:
        db.execute("CREATE TABLE outbox_entries (id TEXT PRIMARY KEY)")
        db.execute("INSERT INTO outbox_entries VALUES ('queued-redemption')")


def _a_snapshot_of(world: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        with contextlib.closing(sqlite3.connect(path)) as db, db:
            db.execute("CREATE TABLE snapshot (id INTEGER PRIMARY KEY, saved_at TEXT, world TEXT)")
            db.execute("INSERT INTO snapshot VALUES (1, '', ?)", (world,))

    return make


@pytest.mark.parametrize(
    ("make", "why"),
    [
        (
            _another_programs_database,
            "it is another program's database (its tables: outbox_entries)",
        ),
        (_a_snapshot_of("{"), "its snapshot is not a sandbox's world"),
        (_a_snapshot_of("[]"), "its snapshot is not a sandbox's world"),
        (_a_snapshot_of('{"members": 5}'), "its snapshot is not a sandbox's world"),
        (_a_snapshot_of("null"), "its snapshot is not a sandbox's world"),
    ],
    ids=["the-tills-database", "cut-short", "a-list", "no-merchant", "null"],
)
def test_a_state_file_of_another_program_or_a_broken_world_is_refused_and_left_as_it_was(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    make: Callable[[Path], None],
    why: str,
):
    # `sandbox --state …/stamps-pos.db` (the till's own database, named by mistake) served,
    # and wrote its `snapshot` table into the till's database; a snapshot cut short or edited
    # by hand ended in a JSONDecodeError, KeyError or TypeError traceback, exit 1.
    state = tmp_path / "state.db"
    make(state)
    before = state.read_bytes()
    assert main(["--port", "0", "--state", str(state)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"stamps-pos sandbox: --state {state} cannot be used: {why}")
    assert "Traceback" not in err and len(err.splitlines()) == 1
    assert state.read_bytes() == before


def test_cli_serves_until_sigterm(tmp_path: Path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.sandbox", "--port", "0", "--token", "cli-token",
         "--state", str(tmp_path / "s.sqlite3"), "--seed", "1", "--latency-ms", "1"],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()  # blocks until the server prints that it is ready
        assert "serving at http://127.0.0.1:" in first
        url = first.strip().rsplit(" ", 1)[1]
        assert "cli-token" in proc.stdout.readline()
        # What a till set up on it needs: the stores' codes, and who the PIN member is.
        assert proc.stdout.readline() == (
            "  merchant: 14, stores 32 (Kemang, RDG-KMG) and 33 (Braga, RDG-BRG)\n"
        )
        assert proc.stdout.readline() == (
            "  try:      customer@stamps.co.id; budi.santoso@contoh.co.id (member 123) has "
            "PIN 123456\n"
        )
        r = httpx.post(f"{url}/api/ping", headers={"Authorization": "Token cli-token"})
        assert r.json()["pong"]["merchant_id"] == 14
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()
    assert (tmp_path / "s.sqlite3").exists()
