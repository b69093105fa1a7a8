"""Can Qt open a window here? The system libraries its X11 (xcb) platform plugin loads, checked
before the window is made, so a till that lacks one says which and how to install it instead of
aborting inside Qt (which kills the process before anything can clean up after it).

The table is what ``ldd`` shows for PySide6's ``plugins/platforms/libqxcb.so`` on Debian 12, less
what ``python3`` and ``make`` already bring (libc, libstdc++, zlib, libsystemd...), each with the
Debian package that ships it; tests/unit/cli/test_qt_libraries.py checks it against the installed
plugin, so an upgrade of PySide6 that links something new fails there first. Only xcb is checked:
the offscreen platform needs none of these, and Wayland loads a plugin of its own.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass

#: soname → the Debian/Ubuntu package that provides it. The first group is what Qt's own libraries
#: link (any window, any platform); the rest is what the xcb plugin adds.
XCB_LIBRARIES: dict[str, str] = {
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libpng16.so.16": "libpng16-16",
    "libbrotlidec.so.1": "libbrotli1",
    "libbrotlicommon.so.1": "libbrotli1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11.so.6": "libx11-6",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libbsd.so.0": "libbsd0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}

Loader = Callable[[str], object]


@dataclass(frozen=True)
class MissingLibrary:
    """A library the dynamic linker could not find, and the package that would bring it."""

    soname: str
    package: str | None


def qt_platform(environ: Mapping[str, str] | None = None, system: str | None = None) -> str:
    """The platform plugin Qt will try first: ``QT_QPA_PLATFORM`` when set (its first choice),
    else ``wayland`` in a Wayland session and ``xcb`` otherwise (on Linux); ``""`` elsewhere."""
    env = os.environ if environ is None else environ
    if not (system or sys.platform).startswith("linux"):
        return ""
    requested = env.get("QT_QPA_PLATFORM", "").strip()
    if requested:
        # "wayland;xcb" tries wayland first; "xcb:option=value" passes options to xcb
        return requested.split(";")[0].split(":")[0].strip().lower()
    if env.get("WAYLAND_DISPLAY") or env.get("XDG_SESSION_TYPE", "").lower() == "wayland":
        return "wayland"
    return "xcb"


def _load(soname: str) -> object:
    # In a PyInstaller build, ctypes also looks in the build's own folder, where the libraries
    # of the build machine were collected: those count as there.
    return ctypes.CDLL(soname)


#: A library's file name in a loader's message: glibc's ("libxcb-util.so.1: cannot open shared
#: object file") names the one missing, PyInstaller's ("Failed to load dynlib/dll
#: 'libxcb-icccm.so.4'. ...") the one asked for.
_SONAME = re.compile(r"lib[\w.+-]*?\.so(?:\.\d+)*")


def missing_libraries(load: Loader | None = None) -> list[MissingLibrary]:
    """Open each library of :data:`XCB_LIBRARIES` (one ``dlopen`` each: ``load``) and return the
    ones that are not there, in the table's order.

    A library that is present but needs one that is not fails too; the linker's message names the
    one it could not find (``libxcb-util.so.1: cannot open shared object file``), and that is the
    one reported.
    """
    missing: dict[str, MissingLibrary] = {}
    for soname in XCB_LIBRARIES:
        try:
            (load or _load)(soname)
        except OSError as exc:
            named = _SONAME.search(str(exc))
            name = named.group() if named else soname
            missing.setdefault(name, MissingLibrary(name, XCB_LIBRARIES.get(name)))
    return list(missing.values())


def install_command(missing: list[MissingLibrary], *, as_root: bool | None = None) -> str | None:
    """The one ``apt`` command that installs the packages of ``missing`` (``None`` when no
    package is known for any of them)."""
    packages = sorted({m.package for m in missing if m.package})
    if not packages:
        return None
    root = os.geteuid() == 0 if as_root is None and hasattr(os, "geteuid") else bool(as_root)
    return ("" if root else "sudo ") + "apt install " + " ".join(packages)


def explain(missing: list[MissingLibrary]) -> str:
    """What to tell the person at the till: which libraries, and the command."""
    lines = ["the window cannot open: Qt's X11 platform plugin needs libraries this system lacks:"]
    for library in missing:
        where = f" (package {library.package})" if library.package else ""
        lines.append(f"  {library.soname}{where}")
    command = install_command(missing)
    if command:
        lines.append(f"On Debian or Ubuntu, install them with:\n  {command}")
    else:
        lines.append("Install the packages of your system that provide them.")
    lines.append("Everything but the window works without them.")
    return "\n".join(lines)


def window_blocker(
    environ: Mapping[str, str] | None = None,
    load: Loader | None = None,
    system: str | None = None,
) -> str | None:
    """The reason the window cannot open on this platform, or ``None`` when it can (or when the
    platform is not xcb: offscreen and Wayland are never blocked). Without an X display Qt would
    abort just the same, so that is said too."""
    env = os.environ if environ is None else environ
    if qt_platform(env, system) != "xcb":
        return None
    missing = missing_libraries(load)
    if missing:
        return explain(missing)
    if not env.get("DISPLAY"):
        return (
            "the window cannot open: there is no X display (DISPLAY is not set). Start it from "
            "the desktop, or set QT_QPA_PLATFORM=offscreen for a window nobody sees."
        )
    return None
