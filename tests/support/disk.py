"""Broken disks for the storage tests: a page garbled where a marker sits, a folder mounted
read-only, a tiny file system that fills up. The mounts need root (the tests run as root here);
where mounting is not allowed, those tests are skipped, and the same faults are injected in
process by the unit tests."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

PAGE = 4096


def damage_page_holding(db_path: Path, marker: bytes, *, at: int = 0) -> int:
    """Garble the header of the page that holds ``marker`` (the database closed: its log
    checkpointed into the file); returns the page number."""
    data = db_path.read_bytes()
    offset = data.index(marker)
    page = offset // PAGE
    with db_path.open("r+b") as handle:
        handle.seek(page * PAGE + at)
        handle.write(b"\xff" * 16)
    return page


def damage_last_page(db_path: Path) -> None:
    """Garble the header of the file's last page."""
    size = db_path.stat().st_size
    with db_path.open("r+b") as handle:
        handle.seek(size - PAGE)
        handle.write(b"\xff" * 16)


def _mount(*args: str) -> bool:
    if shutil.which("mount") is None:
        return False
    done = subprocess.run(["mount", *args], capture_output=True, check=False)  # noqa: S607
    return done.returncode == 0


@contextlib.contextmanager
def mounted_read_only(folder: Path, at: Path) -> Iterator[Path]:
    """``folder`` seen read-only at ``at`` (a bind mount): writes there fail with EROFS, for
    root too, while ``folder`` itself stays writable."""
    at.mkdir(parents=True, exist_ok=True)
    if not _mount("--bind", str(folder), str(at)):
        pytest.skip("cannot mount here (needs root and mount)")
    try:
        if not _mount("-o", "remount,bind,ro", str(at)):
            pytest.skip("cannot remount read-only here")
        yield at
    finally:
        subprocess.run(["umount", str(at)], capture_output=True, check=False)  # noqa: S607


@contextlib.contextmanager
def small_disk(at: Path, size: str = "2m") -> Iterator[Path]:
    """A tmpfs of ``size`` mounted at ``at``, to fill up for real (ENOSPC)."""
    at.mkdir(parents=True, exist_ok=True)
    if not _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(at)):
        pytest.skip("cannot mount a tmpfs here (needs root and mount)")
    try:
        yield at
    finally:
        subprocess.run(["umount", str(at)], capture_output=True, check=False)  # noqa: S607


def fill(disk: Path) -> Path:
    """Fill ``disk`` to the last byte; returns the filler, whose removal frees the space."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for chunk in (1 << 16, 1 << 12, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * chunk)
    finally:
        os.close(fd)
    return filler


#: How a folder is made one the till cannot write in, and the kind of refusal each gives
#: (app/core/written_files.py, ``folder_refusal``).
UNWRITABLE = {"chmod": "not_allowed", "read-only disk": "read_only"}


@contextlib.contextmanager
def unwritable_folder(folder: Path, way: str) -> Iterator[Path]:
    """``folder`` as the till finds it when it cannot write there, made so ``way`` (a key of
    :data:`UNWRITABLE`): ``chmod`` 555 (skipped for root, whom a mode does not stop), or a
    read-only disk (:func:`mounted_read_only`: root only). Writable again afterwards."""
    folder.mkdir(parents=True, exist_ok=True)
    if way != "chmod":
        with mounted_read_only(folder, folder.with_name(f"{folder.name}-ro")) as seen:
            yield seen
        return
    if os.geteuid() == 0:
        pytest.skip("a folder's mode does not stop root")
    folder.chmod(0o555)
    try:
        yield folder
    finally:
        folder.chmod(0o755)
