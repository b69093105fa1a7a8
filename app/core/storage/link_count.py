"""How many names a file open on a descriptor has left, asked before every commit.

``os.fstat`` lets go of the GIL for its system call, and the writer thread then waits to take
it back from the event loop's: measured in one process against the same writer without it
(``tests/bench/cpu_ab.py enqueue``), an ``os.fstat`` before each commit cost the writer
33-57 µs of CPU an enqueue, a system call that keeps the GIL none. On Linux the count is read
with ``statx`` called through ``ctypes.PyDLL``, which keeps the GIL (15-20 µs, most of it the
call's own cost); elsewhere, or if the C library has no ``statx``, ``os.fstat``. The call never
waits on a network: ``AT_STATX_DONT_SYNC`` answers from what the kernel has.
"""

from __future__ import annotations

import ctypes
import os
import sys

_AT_EMPTY_PATH = 0x1000  # the descriptor itself, no path
_AT_STATX_DONT_SYNC = 0x4000  # what the kernel holds, no round trip to a file server
_STATX_NLINK = 0x4
#: ``struct statx``: ``stx_mask`` (u32) at 0, ``stx_nlink`` (u32) at 16, on every architecture.
_NLINK_AT = 16
_SIZE = 256  # struct statx is 256 bytes


def _load_statx() -> ctypes._CFuncPtr | None:  # type: ignore[name-defined]
    if not sys.platform.startswith("linux"):
        return None
    try:
        statx = ctypes.PyDLL(None).statx  # PyDLL: called with the GIL held
    except (AttributeError, OSError):  # a C library older than glibc 2.28, or none to load
        return None
    statx.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_uint, ctypes.c_void_p]
    statx.restype = ctypes.c_int
    return statx


_STATX = _load_statx()


class LinkCount:
    """The link count of the file open on ``descriptor`` (0: deleted, or renamed over)."""

    def __init__(self, descriptor: int) -> None:
        self._descriptor = descriptor
        # each its own: two databases' writer threads may ask at once
        self._buffer = ctypes.create_string_buffer(_SIZE)
        self._mask = ctypes.c_uint32.from_buffer(self._buffer, 0)
        self._nlink = ctypes.c_uint32.from_buffer(self._buffer, _NLINK_AT)

    def count(self) -> int:
        flags = _AT_EMPTY_PATH | _AT_STATX_DONT_SYNC
        if (
            _STATX is not None
            and _STATX(self._descriptor, b"", flags, _STATX_NLINK, self._buffer) == 0
            and self._mask.value & _STATX_NLINK
        ):
            return self._nlink.value
        return os.fstat(self._descriptor).st_nlink
