"""The Qt binding must not leak Python's singletons away.

PySide6 6.12.0 under CPython 3.11 drops a reference to ``None`` on every Qt call that returns
nothing; a busy shift (the status bar alone refreshes constantly) runs the count down to zero and
the interpreter aborts with ``none_dealloc``. Found by ``make bench``; this test keeps an upgrade
from bringing it back."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

CALLS = 2000


def test_void_qt_calls_keep_none_true_and_false_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    for _ in range(CALLS):
        label.setText("Rp 100.000")
        label.setObjectName("stamps")
        label.setEnabled(True)
        label.setVisible(False)
    after = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    # Other code may take or drop a few references meanwhile; a leak loses one per call.
    drift = [a - b for a, b in zip(after, before, strict=True)]
    assert all(abs(d) < CALLS // 10 for d in drift), drift
