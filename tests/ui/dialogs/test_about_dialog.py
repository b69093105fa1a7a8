"""Help → About says the same version as ``stamps-pos --version``."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import version
from app.ui.dialogs.about_dialog import AboutDialog
from app.ui.main_window import CashierWindowView


def test_the_about_box_shows_the_version_the_command_line_prints(qtbot: QtBot) -> None:
    printed = subprocess.run(
        [sys.executable, "-m", "app", "--version"], capture_output=True, text=True, check=True
    ).stdout.split()[-1]
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert printed == version()
    assert dialog.version_label.text() == f"Version {printed}"
    assert "Qt 6." in dialog.runtime_label.text()


def test_help_about_opens_it_without_blocking(qtbot: QtBot) -> None:
    window = CashierWindowView()
    qtbot.addWidget(window)
    window.show()
    window.about_action.trigger()
    assert window.about_dialog is not None
    qtbot.waitUntil(window.about_dialog.isVisible)
    assert QApplication.activeModalWidget() in (None, window.about_dialog)
    window.about_dialog.reject()
