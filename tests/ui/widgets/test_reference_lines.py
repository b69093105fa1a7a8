"""A result's references, read whole at any width and copied without their breaks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from app.ui.widgets.reference_lines import ReferenceLines


@pytest.mark.parametrize(
    ("server_id", "width"),
    [
        ("9223372036854775807", 120),
        # Kept whole on its line by invisible marks after its hyphens: none pasted.
        ("SALDO-AYU-150K", 400),
    ],
)
def test_a_reference_broken_over_lines_is_copied_whole(
    qtbot: QtBot, server_id: str, width: int
) -> None:
    # Broken where the column beside the QR code is full, the id a cashier copies for support
    # must paste as the id, with no invisible break in it.
    reference = ReferenceLines()
    qtbot.addWidget(reference)
    reference.resize(width, 200)
    reference.show()
    reference.set_references([("Redemption ID:", server_id)])
    assert server_id not in reference.text()  # marked on the screen
    assert reference.toolTip() == f"Redemption ID: {server_id}"
    reference.setSelection(0, len(reference.text()))
    reference.setFocus()
    qtbot.keyClick(reference, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert server_id in QGuiApplication.clipboard().text()
