"""Help → About: which Stamps POS this is, for the person on the phone to support."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app import DISPLAY_NAME, version
from app.ui.resources import icon


class AboutDialog(QDialog):
    """The name, the version (the package's, as ``stamps-pos --version`` prints it) and what it
    runs on; the text can be selected and pasted into a support ticket. Opened with ``open()``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About {name}").format(name=DISPLAY_NAME))
        logo = QLabel()
        logo.setPixmap(icon("app").pixmap(64, 64))
        title = QLabel(DISPLAY_NAME)
        title.setProperty("role", "heading")
        self.version_label = QLabel(self.tr("Version {version}").format(version=version()))
        self.version_label.setObjectName("aboutVersion")
        purpose = QLabel(self.tr("The loyalty till for shops on the Stamps platform."))
        purpose.setWordWrap(True)
        self.runtime_label = QLabel(
            self.tr("Python {python} · Qt {qt} (PySide6 {pyside}) · {platform}").format(
                python=platform.python_version(),
                qt=qVersion(),
                pyside=PySide6.__version__,
                platform=QGuiApplication.platformName(),
            )
        )
        self.runtime_label.setObjectName("aboutRuntime")
        for label in (self.version_label, self.runtime_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        text = QVBoxLayout()
        text.setSpacing(6)
        for widget in (title, self.version_label, purpose, self.runtime_label):
            text.addWidget(widget)
        heading = QHBoxLayout()
        heading.setSpacing(16)
        heading.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        heading.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(buttons)
        self.resize(460, 200)
