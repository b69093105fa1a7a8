"""A till that cannot start says why on the screen, not only on stderr.

Started from its menu entry, the window's stderr goes nowhere a manager can see: a till with no
settings, or settings it refuses, would flash its window and be gone. Whatever stops ``gui`` (or
``gui --kiosk``) before the till opens is shown instead on one page: what is wrong, in the
window's language (each refused setting in the settings dialog's words; any other reason as the
core's message the command line printed in English, or as printed when no message says it),
where the settings file is, and the command that checks the till (or, when another window
holds the till, that window). Its one button closes it; the
command then exits as before (status 2, the same line on stderr).

Made of PySide6 and the core's message words alone: the reason is known by now, and nothing of
the till (its database, its HTTP client) is needed to say it.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.wording import words

if TYPE_CHECKING:
    from app.core.services import Message

#: The page's text column at most this wide: lines a person reads whole, even full screen.
COLUMN_WIDTH = 820


@dataclass(frozen=True)
class StartRefusal:
    """Why the window cannot start. ``reason``: what the command line prints after
    ``stamps-pos gui:`` (its lines as they are); ``settings``: each refused setting by name
    (``""`` for the file as a whole) and why, when the reason is the settings; ``settings_file``:
    the file the till read (or looked for); ``doctor``: the command that checks this till;
    ``said``: the reason as the core's message, shown in the window's language (``None``: a
    reason no message says, shown as it is); ``lines``: the settings file's line of a refused
    setting, where the command line names it (the manager goes to that line)."""

    reason: str
    settings_file: Path
    doctor: str = "stamps-pos doctor"
    settings: Mapping[str, Message] = field(default_factory=dict)
    said: Message | None = None
    lines: Mapping[str, int] = field(default_factory=dict)


def _file_is_there(path: Path) -> bool:
    try:
        return path.exists()
    except (OSError, ValueError):  # a name too long, a NUL: opening it said why already
        return True


class CannotStartPage(QWidget):
    """The page a till that cannot start shows: a title, the reason, the settings file, what to
    run, and Close (``closed`` once it is closed, however)."""

    closed = Signal()

    def __init__(self, refusal: StartRefusal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cannotStartPage")
        self.setWindowTitle(self.tr("Stamps POS cannot start"))
        self.title = self._label(self.tr("Stamps POS cannot start"), "cannotStartTitle", "title")
        if refusal.settings:
            lead = self.tr("These settings are missing or refused:")
            lines = [
                self._refused(refusal, name, words(why)) for name, why in refusal.settings.items()
            ]
        else:
            lead = self.tr("The till stopped before it opened:")
            reason = refusal.reason if refusal.said is None else words(refusal.said)
            lines = [line.strip() for line in reason.splitlines() if line.strip()]
        self.lead = self._label(lead, "cannotStartLead", "heading")
        self.reason = self._label("\n".join(lines), "cannotStartReason", "error")
        # Selectable: a manager may copy a path or a setting's name into a terminal.
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        place = str(refusal.settings_file)
        self.settings_file = self._label(
            self.tr("Settings file: {path}").format(path=place)
            if _file_is_there(refusal.settings_file)
            else self.tr("Settings file: {path} (there is no file there yet)").format(path=place),
            "cannotStartSettingsFile",
        )
        self.settings_file.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.doctor = self._label(self._what_to_do(refusal), "cannotStartDoctor", "muted")
        self.doctor.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("cannotStartClose")
        self.close_button.setProperty("role", "primary")
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.close)
        self._lay_out()

    def _refused(self, refusal: StartRefusal, name: str, why: str) -> str:
        """One refused setting: its name, the file and line that set it when known, and why."""
        line = refusal.lines.get(name)
        if not name:
            return why
        if line is None:
            return f"{name}: {why}"
        return self.tr("{name} ({path}, line {line}): {why}").format(
            name=name, path=refusal.settings_file, line=line, why=why
        )

    def _what_to_do(self, refusal: StartRefusal) -> str:
        """The next step: for a till another window holds, that window (doctor checks settings,
        the token and the folder, all fine, and sent the manager there for nothing)."""
        said = refusal.said.id if refusal.said is not None else None
        if said == "start.second_window":
            return self.tr(
                "Another Stamps POS window already has this till open: switch to it (look for it "
                "in the taskbar), or close it first, then start Stamps POS again."
            )
        if said == "start.second_kiosk":
            return self.tr(
                "Another Stamps POS kiosk already has this till open: use that one, or close it "
                "first, then start the kiosk again."
            )
        return self.tr(
            "Fix this, then start Stamps POS again. To check the settings, the API token and "
            "the data folder, run in a terminal: {command}"
        ).format(command=refusal.doctor)

    @staticmethod
    def _label(text: str, name: str, role: str | None = None) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)  # paths and settings are shown as typed
        label.setWordWrap(True)
        if role is not None:
            label.setProperty("role", role)
        return label

    def _lay_out(self) -> None:
        column = QWidget()
        column.setMaximumWidth(COLUMN_WIDTH)
        inner = QVBoxLayout(column)
        inner.setSpacing(14)
        for label in (self.title, self.lead, self.reason, self.settings_file, self.doctor):
            inner.addWidget(label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        inner.addSpacing(8)
        inner.addLayout(buttons)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 100)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def shown_text(self) -> str:
        """Every word the page shows, top to bottom (what a test or a screen reader reads)."""
        return "\n".join(
            widget.text()
            for widget in (
                self.title,
                self.lead,
                self.reason,
                self.settings_file,
                self.doctor,
                self.close_button,
            )
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        event.accept()
        self.closed.emit()


def show_cannot_start(
    refusal: StartRefusal, *, language: str | None = None, kiosk: bool = False
) -> None:
    """Show ``refusal`` until it is closed, in ``language`` (a ``language`` setting; ``None``
    leaves the application's as it is); ``kiosk``: full screen, as the kiosk would have
    been, and still closed by its button (no customer is at a kiosk that never opened)."""
    from app.ui.app import create_application, fit_to_screen, paint_first_frame

    # The window's own QApplication when it got that far (made again as it was: the kiosk's
    # settings may have stopped it before it was made).
    app = create_application(language=language)
    # What the till's start left on screen (a kiosk's locked view) must not cover the page.
    for window in app.topLevelWidgets():
        if window.isVisible():
            window.hide()
    page = CannotStartPage(refusal)
    maximized = False
    if kiosk:
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            page.setGeometry(screen.geometry())
        page.setWindowState(Qt.WindowState.WindowFullScreen)
    else:
        page.resize(1366, 768)  # where the cashier's window was (main_window.py), as large
        maximized = fit_to_screen(page)
    done = QEventLoop()
    page.closed.connect(done.quit)
    if maximized:
        page.showMaximized()
    else:
        page.show()
    page.activateWindow()
    page.close_button.setFocus()
    # Ask for the keyboard again once it is painted, so Enter closes it: on an X server with
    # no window manager the first ask can come before the window is mapped (app.run does so).
    with _interruptible():
        paint_first_frame(page)
        page.activateWindow()
        # Closed already, while its first frame was awaited: there is nothing to wait for.
        if page.isVisible():
            done.exec()
    page.deleteLater()


@contextlib.contextmanager
def _interruptible() -> Iterator[None]:
    """Ctrl-C in the terminal ends the page at once: Qt's loop gives Python's handler no chance
    to run, and nothing is left to clean up (the till never opened)."""
    previous = signal.signal(signal.SIGINT, signal.SIG_DFL)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
