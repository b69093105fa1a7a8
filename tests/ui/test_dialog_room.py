"""Every dialog opens with its fields whole on a short screen.

Qt gives a window that sizes itself at most two thirds of its screen's height: 409 px on
1366×768 at a desktop scale of 125% (1093×614 to Qt), less than "Add a cashier" needs, and its
Name and "PIN again" fields opened cut at their foot. The offscreen platform's own screen is
800×800 (533 px: room for every dialog), so the dialogs are opened in a till started on the
screens a counter has (the platform's ``configfile``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QScrollArea, QWidget

SHORT_SCREENS = [(1093, 614), (1024, 600)]


def cut(dialog: QWidget) -> list[str]:
    """The fields and buttons of ``dialog`` not seen whole, or squeezed under their height (a
    scroll area's are left out: brought into sight as they are reached)."""
    found = []
    for widget in dialog.findChildren(QWidget):
        if not isinstance(widget, (QLineEdit, QAbstractButton)) or not widget.isVisible():
            continue
        parent, scrolled = widget.parentWidget(), False
        while parent is not None and parent is not dialog:
            scrolled = scrolled or isinstance(parent, QScrollArea)
            parent = parent.parentWidget()
        seen = widget.visibleRegion().boundingRect()
        if not scrolled and (
            seen != widget.rect() or widget.height() < widget.minimumSizeHint().height()
        ):
            found.append(f"{widget.objectName()}: {seen} of {widget.size()}")
    return found


def report() -> None:
    """Opens every manager dialog in each language on this process's screen over a till's
    window as large as the screen, and prints what is cut (run by the test below)."""
    from app.ui.app import create_application

    from ..support.languages import LANGUAGES, speaking
    from .manager.test_dialogs_keyboard import CASES

    app = create_application(language="en")
    till = QWidget()
    till.setGeometry(app.primaryScreen().availableGeometry())
    till.show()
    problems = {}
    for language in LANGUAGES:
        with speaking(language):
            for case, (make, _stops) in CASES.items():
                dialog = make()
                dialog.setParent(till, dialog.windowFlags())
                dialog.show()
                app.processEvents()
                screen = dialog.screen().availableGeometry()
                why = cut(dialog)
                if dialog.frameGeometry().height() > screen.height():
                    why.append(f"taller than the screen: {dialog.frameGeometry()}")
                if why:
                    problems[f"{language} {case}"] = why
                dialog.close()
                dialog.deleteLater()
    print(json.dumps(problems))


@pytest.mark.parametrize("screen", SHORT_SCREENS)
def test_every_manager_dialog_opens_whole_on_a_short_screen(
    tmp_path: Path, screen: tuple[int, int]
) -> None:
    width, height = screen
    config = tmp_path / "screen.json"
    shape = {"name": "till", "x": 0, "y": 0, "width": width, "height": height}
    config.write_text(json.dumps({"screens": [{**shape, "logicalDpiX": 96, "logicalDpiY": 96}]}))
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run(
        [sys.executable, "-c", "from tests.ui.test_dialog_room import report; report()"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {}


def test_cut_sees_a_field_cut_at_its_foot(qtbot) -> None:
    # The measure itself: a field a dialog is too short for is reported.
    from .manager.test_dialogs_keyboard import CASES, opened

    dialog = opened(qtbot, CASES["add a cashier"][0]())
    dialog.resize(dialog.width(), 250)
    QApplication.processEvents()
    assert cut(dialog) != []
