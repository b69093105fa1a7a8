"""The X11 library check that runs before the window: which platform is checked, what a missing
library is reported as, and that the window's commands stop cleanly, leaving nothing behind."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from app.cli import main, qt_libraries
from app.cli.qt_libraries import (
    XCB_LIBRARIES,
    MissingLibrary,
    install_command,
    missing_libraries,
    qt_platform,
    window_blocker,
)

#: What the xcb plugin links that python3 and make already bring on Debian (libc6, libstdc++6,
#: libgcc-s1, zlib1g and what apt itself depends on): never worth a check.
ALWAYS_THERE = {
    "libc.so.6",
    "libm.so.6",
    "libdl.so.2",
    "libpthread.so.0",
    "librt.so.1",
    "libstdc++.so.6",
    "libgcc_s.so.1",
    "libz.so.1",
    "libzstd.so.1",
    "liblzma.so.5",
    "liblz4.so.1",
    "libcap.so.2",
    "libgcrypt.so.20",
    "libgpg-error.so.0",
    "libsystemd.so.0",
    "libexpat.so.1",
    "libmd.so.0",
    "libpcre2-8.so.0",
    "libffi.so.8",
}


def fake_loader(absent: set[str], needs: dict[str, str] | None = None) -> Callable[[str], object]:
    """A dlopen that fails for ``absent`` and for a library whose dependency (``needs``) is."""

    def load(soname: str) -> object:
        culprit = soname if soname in absent else None
        dependency = (needs or {}).get(soname)
        if culprit is None and dependency in absent:
            culprit = dependency
        if culprit is not None:
            raise OSError(f"{culprit}: cannot open shared object file: No such file or directory")
        return object()

    return load


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "xcb"),
        ({"DISPLAY": ":0"}, "xcb"),
        ({"QT_QPA_PLATFORM": "offscreen"}, "offscreen"),
        ({"QT_QPA_PLATFORM": "xcb"}, "xcb"),
        ({"QT_QPA_PLATFORM": "xcb:nograb"}, "xcb"),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, "wayland"),
        ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, "wayland"),
        ({"XDG_SESSION_TYPE": "wayland"}, "wayland"),
        ({"XDG_SESSION_TYPE": "x11", "DISPLAY": ":0"}, "xcb"),
        ({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, "xcb"),
    ],
)
def test_the_platform_is_the_one_qt_will_try_first(environ: dict[str, str], expected: str) -> None:
    assert qt_platform(environ, "linux") == expected


def test_other_systems_are_not_checked() -> None:
    assert qt_platform({}, "darwin") == ""
    assert window_blocker({}, fake_loader(set(XCB_LIBRARIES)), "win32") is None


def test_nothing_is_missing_when_every_library_opens() -> None:
    assert missing_libraries(fake_loader(set())) == []


def test_each_library_is_opened_once() -> None:
    opened: list[str] = []
    missing_libraries(lambda soname: opened.append(soname))
    assert opened == list(XCB_LIBRARIES)


def test_a_missing_library_is_named_with_its_package() -> None:
    missing = missing_libraries(fake_loader({"libxcb-cursor.so.0"}))
    assert missing == [MissingLibrary("libxcb-cursor.so.0", "libxcb-cursor0")]


def test_a_library_that_fails_for_a_missing_dependency_reports_the_dependency_once() -> None:
    load = fake_loader(
        {"libxcb-util.so.1"},
        needs={"libxcb-cursor.so.0": "libxcb-util.so.1", "libxcb-image.so.0": "libxcb-util.so.1"},
    )
    assert missing_libraries(load) == [MissingLibrary("libxcb-util.so.1", "libxcb-util1")]


@pytest.mark.parametrize(
    "message",
    [
        "libxcb-icccm.so.4: cannot open shared object file: No such file or directory",
        "Failed to load dynlib/dll 'libxcb-icccm.so.4'. Most likely this dynlib/dll was not "
        "found when the application was frozen.",
    ],
)
def test_the_loader_s_message_names_the_library_in_a_build_and_out_of_one(message: str) -> None:
    def load(soname: str) -> object:
        if soname == "libxcb-icccm.so.4":
            raise OSError(message)
        return object()

    assert missing_libraries(load) == [MissingLibrary("libxcb-icccm.so.4", "libxcb-icccm4")]


def test_a_library_outside_the_table_is_named_without_a_package() -> None:
    load = fake_loader({"libweird.so.3"}, needs={"libGL.so.1": "libweird.so.3"})
    assert missing_libraries(load) == [MissingLibrary("libweird.so.3", None)]
    assert install_command([MissingLibrary("libweird.so.3", None)]) is None


def test_one_apt_command_installs_every_missing_package() -> None:
    missing = [
        MissingLibrary("libxcb-keysyms.so.1", "libxcb-keysyms1"),
        MissingLibrary("libxcb-icccm.so.4", "libxcb-icccm4"),
    ]
    command = "apt install libxcb-icccm4 libxcb-keysyms1"
    assert install_command(missing, as_root=False) == "sudo " + command
    assert install_command(missing, as_root=True) == command


@pytest.mark.parametrize("platform", ["offscreen", "wayland", "minimal"])
def test_offscreen_and_wayland_are_never_blocked(platform: str) -> None:
    everything_missing = fake_loader(set(XCB_LIBRARIES))
    assert window_blocker({"QT_QPA_PLATFORM": platform}, everything_missing, "linux") is None


def test_xcb_with_every_library_and_a_display_opens() -> None:
    assert window_blocker({"DISPLAY": ":0"}, fake_loader(set()), "linux") is None


def test_xcb_without_a_display_is_said_before_qt_aborts_on_it() -> None:
    message = window_blocker({}, fake_loader(set()), "linux")
    assert message is not None and "DISPLAY" in message


def test_xcb_is_blocked_with_the_library_and_the_command() -> None:
    message = window_blocker(
        {"DISPLAY": ":0"}, fake_loader({"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}), "linux"
    )
    assert message is not None
    assert "libxcb-icccm.so.4" in message and "libxcb-keysyms.so.1" in message
    assert "apt install libxcb-icccm4 libxcb-keysyms1" in message


def _plugin() -> Path:
    spec = importlib.util.find_spec("PySide6")
    assert spec is not None and spec.submodule_search_locations
    return Path(spec.submodule_search_locations[0]) / "Qt/plugins/platforms/libqxcb.so"


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("ldd") is None, reason="ldd is Linux's"
)
def test_the_table_covers_every_system_library_the_installed_plugin_links() -> None:
    """A PySide6 upgrade that links something new fails here, not on a till."""
    plugin = _plugin()
    listed = subprocess.run(
        [str(shutil.which("ldd")), str(plugin)],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    ).stdout
    qt_folder = str(plugin.parents[2])
    system: set[str] = set()
    for line in listed.splitlines():
        name, _, where = line.strip().partition(" => ")
        if not where or qt_folder in where:  # the vDSO, the loader, Qt's own libraries
            continue
        system.add(name)
    assert system, listed
    assert system - ALWAYS_THERE <= set(XCB_LIBRARIES)
    assert "libxcb-cursor.so.0" in system


# --- the window's commands ------------------------------------------------------------------


@pytest.fixture
def no_window(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """xcb with two libraries missing; a window or a sandbox started would fail the test; the
    temporary folder is one the test can look into."""
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setattr(
        qt_libraries, "_load", fake_loader({"libxcb-icccm.so.4", "libxcb-keysyms.so.1"})
    )

    def must_not_run(*args: object, **kwargs: object) -> int:
        raise AssertionError("the window was started")

    import app.sandbox
    import app.ui.cashier

    monkeypatch.setattr(app.ui.cashier, "run_cashier", must_not_run)
    monkeypatch.setattr(app.sandbox, "SandboxServer", must_not_run)
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    return temp


@pytest.mark.parametrize("command", [["demo"], ["gui"], []])
def test_the_window_s_commands_stop_with_exit_2_and_leave_nothing_behind(
    command: list[str], no_window: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(command) == 2
    err = capsys.readouterr().err
    assert "libxcb-icccm.so.4" in err
    assert "apt install libxcb-icccm4 libxcb-keysyms1" in err
    # one line that reads as one: "lacks:; libxcb-icccm.so.4", "with:; apt install" it read
    assert ":;" not in err and "install them with: apt install" in err.replace("sudo ", "")
    assert "lacks: libxcb-icccm.so.4" in err
    assert "Traceback" not in err
    assert list(no_window.iterdir()) == []
