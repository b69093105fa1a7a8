"""What the till does to its own process before anything else: no core dumps.

The process holds the API token, and for a moment a customer's PIN; a core file (or a debugger
attached by the same user) would hold them too. Every command therefore sets ``RLIMIT_CORE`` to 0,
soft and hard, and on Linux marks the process not dumpable (``PR_SET_DUMPABLE`` 0), which also
covers a ``core_pattern`` that pipes to a crash collector and ignores the limit. Where a platform
has neither call, the till starts anyway: these guard the secrets, they are not the till.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

PR_SET_DUMPABLE = 4


def forbid_core_dumps() -> None:
    """Turn core dumps off for this process for good; a no-op where the platform cannot."""
    try:
        import resource
    except ImportError:  # Windows: no core files to speak of
        return
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError) as exc:
        log.warning("could not turn core dumps off: %s", exc)
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
            log.warning("could not mark the process not dumpable (errno %d)", ctypes.get_errno())
