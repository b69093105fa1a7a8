"""The reliability suite's settings and its table.

``STAMPS_POS_RELIABILITY=long`` (``make reliability``) runs every scenario at full size; without
it, each runs shortened, as part of ``make test``. Every scenario adds its row to
:data:`~tests.reliability.table.TABLE`, printed at the end of the session.
"""

from __future__ import annotations

import os

import pytest

from .table import TABLE

#: Read when the suite is collected (the autouse fixture of tests/conftest.py removes every
#: ``STAMPS_POS_`` variable from the tests' own environment).
LONG = os.environ.get("STAMPS_POS_RELIABILITY") == "long"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not TABLE.rows:
        return
    size = "full size (make reliability)" if LONG else "shortened (make reliability: full size)"
    terminalreporter.section(f"reliability, {size}")
    terminalreporter.write_line(TABLE.render())
