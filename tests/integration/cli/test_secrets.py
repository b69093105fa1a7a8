"""The API token and a customer's PIN live in the token store and in memory, nowhere else.

For each auth style (a Token header, a JWT, the token in the body), a whole shift of the
headless till against the sandbox, logging everything (-vv): the token stored, members looked
up, a PIN redemption with a wrong PIN first, a sync, the outbox read, a cancel, doctor, and a
till left running. Then every file the till could have written (its data folder with the
database, WAL and index, its config folder, every log and cache folder under its home), every
byte it printed, and the running till's argv and environment are searched for the token and the
PINs. The running till is also checked for core dumps: off (RLIMIT_CORE 0, PR_SET_DUMPABLE 0).
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from app.sandbox import SandboxServer

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc"),
]

PIN = "123456"  # Budi's, in the sandbox's demo data
WRONG_PIN = "975318"
BUDI = "budi.santoso@contoh.co.id"
MANAGER, MANAGER_PIN = "Dewi", "864213"  # the till's manager, added in the shift below


@dataclass
class Till:
    """A till whose every file lives under ``home``; records everything it printed."""

    home: Path
    env: dict[str, str]
    printed: list[bytes] = field(default_factory=list)

    @property
    def token_store(self) -> Path:
        return self.home / "config" / "stamps-pos" / "token"

    @property
    def database(self) -> Path:
        return self.home / "data" / "stamps-pos" / "stamps-pos.db"

    def __call__(self, *args: str, stdin: str = "") -> subprocess.CompletedProcess[bytes]:
        done = subprocess.run(
            [sys.executable, "-m", "app", *args],
            input=stdin.encode(),
            capture_output=True,
            env=self.env,
            timeout=90,
            check=False,
        )
        self.printed += [done.stdout, done.stderr]
        assert b"Traceback" not in done.stderr, done.stderr.decode()
        return done

    def json(self, *args: str, stdin: str = "") -> dict[str, object]:
        done = self(*args, "--json", stdin=stdin)
        result: dict[str, object] = json.loads(done.stdout)
        return result


@pytest.fixture(params=["token", "bearer", "body"])
def till(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Till, str]]:
    token = f"tok-{secrets.token_hex(16)}"
    home = tmp_path / "home"
    with SandboxServer(port=0, token=token, idempotency=True) as server:
        env = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_STATE_HOME": str(home / "state"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            "STAMPS_POS_BASE_URL": server.url,
            "STAMPS_POS_AUTH": str(request.param),
            "STAMPS_POS_MERCHANT": "14",
            "STAMPS_POS_STORE": "32",
            "STAMPS_POS_STORE_CODE": "RDG-KMG",
            "STAMPS_POS_IDEMPOTENCY": "honoured",
            "STAMPS_POS_TERMINAL": "till-1",
            "QT_QPA_PLATFORM": "offscreen",
        }
        yield Till(home, env), token


def wait_until_open(pid: int, database: Path, timeout: float = 60) -> None:
    """Until the process ``pid`` has the database open: the till is up and running."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            links = [os.readlink(f) for f in Path(f"/proc/{pid}/fd").iterdir()]
        except (FileNotFoundError, ProcessLookupError):
            links = []
        if any(link.startswith(str(database)) for link in links):
            return
        time.sleep(0.05)  # another process's state: nothing to wait on but /proc itself
    raise AssertionError(f"the till (pid {pid}) never opened {database}")


def core_limit(pid: int) -> list[str]:
    line = next(
        line
        for line in Path(f"/proc/{pid}/limits").read_text().splitlines()
        if line.startswith("Max core file size")
    )
    return line.split()[4:6]


def everything_written(home: Path, token_store: Path) -> dict[Path, bytes]:
    return {
        path: path.read_bytes()
        for path in sorted(home.rglob("*"))
        if path.is_file() and path != token_store
    }


def test_the_token_and_the_pins_are_nowhere_but_the_token_store(
    till: tuple[Till, str],
) -> None:
    cli, token = till
    assert cli("token", "set", stdin=f"{token}\n").returncode == 0
    assert cli.token_store.read_text().strip() == token  # the store holds it

    assert cli("-vv", "member", "find", BUDI).returncode == 0
    redeem = ("-vv", "redeem", "reward", "--user", BUDI, "--reward", "1", "--pin-stdin")
    assert cli(*redeem, stdin=f"{WRONG_PIN}\n").returncode == 1
    entry = cli.json(*redeem, stdin=f"{PIN}\n")
    assert entry["status"] == "synced", entry
    assert cli("-vv", "sync", "--once", "--timeout", "30").returncode == 0
    assert cli("-vv", "outbox", "list").returncode == 0
    assert cli("-vv", "outbox", "show", str(entry["id"])).returncode == 0
    assert cli("-vv", "manager", "add", MANAGER, stdin=f"{MANAGER_PIN}\n").returncode == 0
    cancel = ("-vv", "cancel", str(entry["id"]), "--manager", MANAGER)
    assert cli(*cancel, stdin=f"{MANAGER_PIN}\n").returncode == 0
    assert cli("-vv", "doctor").returncode == 0

    running = subprocess.Popen(
        [sys.executable, "-m", "app", "-vv", "sync", "--timeout", "120"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=cli.env,
    )
    try:
        wait_until_open(running.pid, cli.database)
        argv = Path(f"/proc/{running.pid}/cmdline").read_bytes()
        environ = Path(f"/proc/{running.pid}/environ").read_bytes()
        limit = core_limit(running.pid)
    finally:
        # Ctrl-C: whether it lands while the till is still starting or once it runs, the till
        # stops without a traceback
        running.send_signal(signal.SIGINT)
        out, err = running.communicate(timeout=60)
    cli.printed += [out, err]
    assert running.returncode in (0, 130), err.decode()
    assert b"Traceback" not in err
    assert limit == ["0", "0"]  # no core file, and none can be allowed again

    places = {
        **{
            str(p.relative_to(cli.home)): b
            for p, b in everything_written(cli.home, cli.token_store).items()
        },
        "argv": argv,
        "environment": environ,
        "what it printed": b"\n".join(cli.printed),
    }
    assert any(p.endswith("stamps-pos.db") for p in places)
    assert any(b"DEBUG" in b for b in cli.printed)  # it did log everything
    for secret in (token, PIN, WRONG_PIN, MANAGER_PIN):
        leaks = [where for where, content in places.items() if secret.encode() in content]
        assert leaks == [], f"{secret!r} found in {leaks}"


def test_a_running_till_cannot_dump_its_memory(till: tuple[Till, str]) -> None:
    cli, token = till
    probe = (
        "import ctypes, os, resource, sys, threading\n"
        "from app.cli import main\n"
        "database = sys.argv[1]\n"
        "def opened():\n"
        "    for entry in os.scandir('/proc/self/fd'):\n"
        "        try:\n"
        "            if os.readlink(entry.path).startswith(database):\n"
        "                return True\n"
        "        except OSError:  # closed while we looked\n"
        "            pass\n"
        "    return False\n"
        "def watch():\n"
        "    while not opened():\n"
        "        threading.Event().wait(0.05)\n"
        "    print('dumpable', ctypes.CDLL(None).prctl(3, 0, 0, 0, 0), flush=True)\n"
        "    print('core', resource.getrlimit(resource.RLIMIT_CORE), flush=True)\n"
        "threading.Thread(target=watch, daemon=True).start()\n"
        "sys.exit(main(['sync', '--timeout', '3']))\n"
    )
    cli.env["STAMPS_POS_TOKEN"] = token
    done = subprocess.run(
        [sys.executable, "-c", probe, str(cli.database)],
        capture_output=True,
        text=True,
        env=cli.env,
        timeout=90,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "dumpable 0\n" in done.stdout
    assert "core (0, 0)\n" in done.stdout
