"""What importing the till costs its start: httpx's own command line (click, rich, pygments) is
not imported with it. A fresh interpreter, as a till starts."""

from __future__ import annotations

import subprocess
import sys

_PROBE = """
import sys
import app.core.stamps
import httpx

assert sys.modules.get("httpx._main") is None, "httpx imported its command line"
loaded = [name for name in ("rich", "pygments") if name in sys.modules]
assert not loaded, f"imported with the client: {loaded}"
assert httpx.AsyncClient is not None
print("ok")
"""


def test_the_client_imports_without_httpx_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
