"""``make package``'s check of the build it just made: it holds nothing of the machine that built
it nor of the project's development, and the frozen program prints its version, passes ``doctor
--json`` against a sandbox it serves itself, and opens its window offscreen. Prints the build's
size and the window's start time; exits non-zero when any step fails.

    .venv/bin/python packaging/smoke.py dist/stamps-pos
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
TOKEN = "sandbox-demo-token"  # the sandbox's own demo token: nothing secret
# Modules a shop's till never runs, which the build would take from the development virtualenv
# it is made in: the test tools, and what only they and the build tools import.
DEVELOPMENT_ONLY = (
    "tests",
    "pytest",
    "_pytest",
    "hypothesis",
    "respx",
    "pytestqt",
    "mypy",
    "ruff",
    "importlinter",
    "PyInstaller",
    "setuptools",
    "rich",
    "pygments",
    "markdown_it",
)
MERCHANT, STORE = "14", "32"
WINDOW_UP = "the cashier window is up"
WINDOW_TIMEOUT = 120.0


class Failed(Exception):
    """A step of the check failed; the message says which and why."""


def main(argv: list[str]) -> int:
    """Check the build folder ``argv[0]``."""
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    build = Path(argv[0]).resolve()
    program = build / PROJECT["name"]
    try:
        if not program.is_file():
            raise Failed(f"no program at {program}")
        check_contents(build, program)
        check_version(program)
        with (
            tempfile.TemporaryDirectory(prefix="stamps-pos-smoke-") as folder,
            ServedSandbox(program, Path(folder)) as url,
        ):
            env = till_environment(url, Path(folder))
            check_doctor(program, env)
            started = check_window(program, env, Path(folder))
    except Failed as exc:
        print(f"make package: FAILED: {exc}", file=sys.stderr)
        return 1
    # PyInstaller links the Qt libraries into place: count each file once, as du does
    files = [p for p in build.rglob("*") if p.is_file() and not p.is_symlink()]
    size = sum(p.stat().st_size for p in files)
    print(
        f"make package: {build} passed: its contents, --version, doctor --json, "
        "the window offscreen"
    )
    print(f"  size   {size / 1e6:.0f} MB in {len(files)} files")
    print(f"  start  {started:.2f} s from launch to the cashier window (offscreen)")
    return 0


def run(
    program: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The frozen program, to its end."""
    return subprocess.run(
        [str(program), *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def check_contents(build: Path, program: Path) -> None:
    """The build names no folder of the machine it was made on (the source tree, its
    virtualenv), which a shop's till does not have and should not learn; and its program's
    archive holds none of :data:`DEVELOPMENT_ONLY`."""
    leaks = files_naming_source_tree(build)
    if leaks:
        raise Failed(f"these files of the build name {ROOT}:\n  " + "\n  ".join(leaks))
    found = sorted(
        {name.split(".")[0] for name in archived_modules(program)} & set(DEVELOPMENT_ONLY)
    )
    if found:
        raise Failed("the build carries what only development needs: " + ", ".join(found))
    print(f"ok  contents: nothing names {ROOT}, no test or build tools")


def files_naming_source_tree(build: Path) -> list[str]:
    """The files of ``build`` (relative to it) whose bytes hold the source tree's path."""
    source_tree = str(ROOT).encode()
    return sorted(
        str(path.relative_to(build))
        for path in build.rglob("*")
        if path.is_file() and not path.is_symlink() and source_tree in path.read_bytes()
    )


def archived_modules(program: Path) -> list[str]:
    """The names of the Python modules in the frozen program's archive (PYZ)."""
    # PyInstaller is in the virtualenv whenever make package runs this
    from PyInstaller.archive.readers import CArchiveReader, ZlibArchiveReader

    executable = CArchiveReader(str(program))
    [name] = [name for name in executable.toc if name.endswith(".pyz")]
    with tempfile.TemporaryDirectory(prefix="stamps-pos-smoke-") as folder:
        pyz = Path(folder) / name
        pyz.write_bytes(executable.extract(name))
        return list(ZlibArchiveReader(str(pyz)).toc)


def check_version(program: Path) -> None:
    """``--version`` says the version pyproject.toml declares."""
    done = run(program, "--version")
    expected = f"{PROJECT['name']} {PROJECT['version']}"
    if done.returncode != 0 or done.stdout.strip() != expected:
        raise Failed(
            f"--version said {done.stdout.strip()!r} (exit {done.returncode}); "
            f"expected {expected!r}\n{done.stderr}"
        )
    print(f"ok  --version: {expected}")


class ServedSandbox:
    """The build's own ``sandbox`` command on a free loopback port, until the block ends."""

    def __init__(self, program: Path, folder: Path) -> None:
        self.program = program
        self.log = folder / "sandbox.log"
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> str:
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                [str(self.program), "sandbox", "--port", "0", "--token", TOKEN],
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            for line in self.log.read_text(encoding="utf-8", errors="replace").splitlines():
                if "serving at " in line:
                    return line.split("serving at ", 1)[1].strip()
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        raise Failed(f"the build's sandbox did not start:\n{self.log.read_text(errors='replace')}")

    def __exit__(self, *exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def till_environment(url: str, folder: Path) -> dict[str, str]:
    """A till on the sandbox, with its own settings file, data folder and no keyring."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("STAMPS_POS_")}
    env.update(
        STAMPS_POS_BASE_URL=url,
        STAMPS_POS_TOKEN=TOKEN,
        STAMPS_POS_MERCHANT=MERCHANT,
        STAMPS_POS_STORE=STORE,
        STAMPS_POS_DATA_DIR=str(folder / "data"),
        STAMPS_POS_CONFIG=str(folder / "settings.toml"),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    return env


def check_doctor(program: Path, env: dict[str, str]) -> None:
    """``doctor --json`` passes (exit 0, ``ok``) and says the build's version."""
    done = run(program, "doctor", "--json", env=env)
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        raise Failed(
            f"doctor --json printed no JSON (exit {done.returncode}):\n{done.stdout}{done.stderr}"
        ) from None
    failed = [
        f"{c['name']}: {c['detail']} (fix: {c['fix']})"
        for c in report["checks"]
        if c["status"] == "fail"
    ]
    if done.returncode != 0 or not report["ok"] or failed:
        raise Failed("doctor --json found problems:\n  " + "\n  ".join(failed))
    if report["version"] != PROJECT["version"]:
        raise Failed(f"doctor says version {report['version']}")
    print(f"ok  doctor --json: {len(report['checks'])} checks passed against the build's sandbox")


def check_window(program: Path, env: dict[str, str], folder: Path) -> float:
    """The window opens offscreen on the sandbox (its log says so); returns the seconds from
    launch to that line. The window is then ended."""
    log = folder / "data" / "logs" / "stamps-pos.log"
    started = time.monotonic()
    window = subprocess.Popen(
        [str(program), "gui"],
        env=env | {"QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        while time.monotonic() - started < WINDOW_TIMEOUT:
            if log.exists() and WINDOW_UP in log.read_text(encoding="utf-8", errors="replace"):
                took = time.monotonic() - started
                print("ok  the window opened offscreen on the build's sandbox")
                return took
            if window.poll() is not None:
                output = window.stdout.read().decode(errors="replace") if window.stdout else ""
                raise Failed(f"the window's process ended (exit {window.returncode}):\n{output}")
            time.sleep(0.05)
        raise Failed(f"no window within {WINDOW_TIMEOUT:.0f} s")
    finally:
        if window.poll() is None:
            window.send_signal(signal.SIGTERM)
            try:
                window.wait(timeout=15)
            except subprocess.TimeoutExpired:
                window.kill()
                window.wait()
        if window.stdout:
            window.stdout.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
