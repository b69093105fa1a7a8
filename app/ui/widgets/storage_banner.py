"""The blocking banner for a disk that refuses the till's writes (full, read-only, failing): one
sentence across the top of the window while nothing can be saved, gone by itself once the till
can save again (issue 11; the controller tries the disk on a timer)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget


class StorageBanner(QFrame):
    """The sentence, and that the till tries again by itself; hidden while the disk is fine."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storageBanner")
        self.sentence = QLabel()
        self.sentence.setObjectName("storageSentence")
        self.sentence.setWordWrap(True)
        layout = QHBoxLayout(self)
        # Two lines at 1024 px, and no taller than the page can lend it there without moving what
        # the cashier aims at (app/ui/widgets/giving_column.py).
        layout.setContentsMargins(14, 5, 14, 5)
        layout.addWidget(self.sentence, 1)
        self.hide()

    def set_problem(self, sentence: str) -> None:
        """Show ``sentence`` (``""`` hides the banner)."""
        self.sentence.setText(sentence)
        self.setVisible(bool(sentence))

    def text(self) -> str:
        """The sentence shown, or ``""``."""
        return self.sentence.text() if not self.isHidden() else ""
