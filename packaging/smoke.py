"""``make package``'s check of the build it just made: it holds nothing of the machine that built
it nor of the project's development; it holds every module the till imports late or by name and
every file the till reads at run time; and the frozen program prints its version, passes ``doctor
--json`` against a sandbox it serves itself, and opens its window offscreen. Prints the build's
size and the window's start time; exits non-zero when any step fails.

    .venv/bin/python packaging/smoke.py dist/stamps-pos
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
import zipfile
from collections.abc import Iterable, Iterator
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
        check_late_imports(build, program)
        check_run_time_files(build)
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
        "its late imports and run-time files, the window offscreen"
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


def check_late_imports(build: Path, program: Path) -> None:
    """Every module the till imports late (inside a function: manager mode, the shift's summary,
    the damaged database's page...) or by its name in a string (the command line's commands,
    ``app.core.services``' homes) is in the build. PyInstaller finds modules by following imports
    from the program; one it misses breaks a shop's till at its first use (the first F8), which no
    test run from the source tree sees."""
    missing = sorted(set(late_imports(ROOT / "app")) - frozen_modules(build, program))
    if missing:
        raise Failed(
            "the build lacks these modules the till imports late or by name (add them to the "
            "hidden imports of packaging/stamps-pos.spec):\n  " + "\n  ".join(missing)
        )
    print("ok  late imports: every module the till imports late or by name is in the build")


def late_imports(app: Path) -> list[str]:
    """The modules that ``app``'s code imports inside functions, and the ``app.`` modules it
    names in strings (for ``importlib.import_module``), that this Python can import: a module of
    another platform (``msvcrt``) cannot be in a build made here. The migrations are left out:
    the build carries them as files (:func:`check_run_time_files`)."""
    wanted: set[str] = set()
    for path in sorted(app.rglob("*.py")):
        if "migrations" in path.relative_to(app).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        package = ".".join(path.relative_to(app.parent).with_suffix("").parts)
        if path.name != "__init__.py":
            package = package.rpartition(".")[0]
        wanted.update(_imported_in_functions(tree, package))
        wanted.update(
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and node.value.startswith("app.")
            and _is_source_module(app, node.value)
        )
    return sorted(name for name in wanted if _importable(name))


def _imported_in_functions(tree: ast.Module, package: str) -> Iterator[str]:
    """The modules imported inside the functions of ``tree`` (a module of ``package``): for
    ``from X import Y``, X, and X.Y when Y is a module of its own."""
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Import):
                yield from (alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*parent, *([base] if base else [])])
                yield base
                for alias in node.names:
                    if _importable(f"{base}.{alias.name}"):
                        yield f"{base}.{alias.name}"


def _is_source_module(app: Path, name: str) -> bool:
    """Whether ``name`` (``app.x.y``) is a module or package of the source tree."""
    path = app.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _importable(name: str) -> bool:
    """Whether this Python finds a module ``name`` (importing its parent packages to look)."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # a parent that is no package, or cannot be imported here
        return False


def frozen_modules(build: Path, program: Path) -> set[str]:
    """The modules the frozen program can import: those in its archive, the standard library's
    in ``base_library.zip``, the extension modules beside them, and the interpreter's built-in
    ones."""
    internal = build / "_internal"
    base = internal / "base_library.zip"
    standard: Iterable[str] = ()
    if base.is_file():
        with zipfile.ZipFile(base) as archive:
            standard = [
                name.removesuffix(".pyc").replace("/", ".").removesuffix(".__init__")
                for name in archive.namelist()
                if name.endswith(".pyc")
            ]
    extensions = set()
    for path in internal.rglob("*.so") if internal.is_dir() else ():
        parts = path.relative_to(internal).parts
        module = path.name.split(".")[0]
        # lib-dynload's are top-level modules; the others sit in their package's folder
        extensions.add(module if "lib-dynload" in parts else ".".join([*parts[:-1], module]))
    return (
        set(archived_modules(program)) | set(standard) | extensions | set(sys.builtin_module_names)
    )


def check_run_time_files(build: Path) -> None:
    """The files the till reads at run time, not imports, are in the build where it looks for
    them: each migration script (Alembic reads them from a folder), the translations, icons and
    style sheets ``make qm`` and the source tree have, and certifi's bundle of CA certificates
    (every https request checks the server with it)."""
    missing = missing_run_time_files(build)
    if missing:
        raise Failed("the build lacks these files the till reads:\n  " + "\n  ".join(missing))
    print("ok  run-time files: migrations, translations, icons, style sheets, CA certificates")


def missing_run_time_files(build: Path) -> list[str]:
    """The files (relative to the build's ``_internal``) the till reads that the build lacks."""
    migrations = ROOT / "app" / "core" / "storage" / "migrations"
    wanted = [
        str(path.relative_to(ROOT))
        for path in sorted(migrations.rglob("*"))
        if path.is_file() and path.suffix in (".py", ".mako")
    ]
    resources = ROOT / "resources"
    wanted += [
        str(Path("app/resources") / path.relative_to(resources))
        for pattern in ("*.qss", "*.svg", "*.png", "*.qm")
        for path in sorted(resources.rglob(pattern))
    ]
    # each translation's .qm: `make package` builds it from the .ts (the source tree may lack it)
    wanted += [
        str(Path("app/resources") / path.relative_to(resources).with_suffix(".qm"))
        for path in sorted(resources.rglob("*.ts"))
    ]
    wanted.append("certifi/cacert.pem")
    return sorted({name for name in wanted if not (build / "_internal" / name).is_file()})


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
