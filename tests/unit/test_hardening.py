"""A till holds its API token and, for a moment, a customer's PIN: a core dump of it would hold
them too. Every command turns core dumps off for its own process before it does anything."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")

PR_GET_DUMPABLE = 3
PROBE = f"""
import ctypes, json, resource, sys
libc = ctypes.CDLL(None)
try:  # a parent (another in-process test's main()) may have lowered it: raise it where allowed
    resource.setrlimit(resource.RLIMIT_CORE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
except (ValueError, OSError):
    soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
    resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))
hard = resource.getrlimit(resource.RLIMIT_CORE)[1]
def state():
    return [resource.getrlimit(resource.RLIMIT_CORE), libc.prctl({PR_GET_DUMPABLE}, 0, 0, 0, 0)]
before = state()
from app.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps({{"hard": hard, "before": before, "after": state()}}))
"""


def probe(argv: list[str]) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
        capture_output=True,
        text=True,
        input="",
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


@pytest.mark.parametrize(
    "argv",
    [["doctor"], ["outbox", "list"], ["token", "set"], ["redeem", "reward"], ["--version"]],
)
def test_every_command_turns_core_dumps_off_first(argv: list[str]) -> None:
    seen = probe(argv)
    # the probe could dump when the command started (unless the test process that started it
    # already ran a command in-process and lowered the hard limit, which a child cannot raise)
    assert seen["before"] == [[seen["hard"], seen["hard"]], 1]
    # off for good: the hard limit too, so nothing later in the process can raise it again
    assert seen["after"] == [[0, 0], 0]


def test_forbidding_twice_is_harmless() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from app.hardening import forbid_core_dumps as f; f(); f(); print('ok')",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "ok\n", "")
