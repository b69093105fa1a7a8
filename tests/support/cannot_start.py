"""The window's cannot-start page (app/ui/cannot_start.py) read and closed as a manager would:
its words recorded when it shows, then its Close button clicked.

In a test's process, install :class:`PageReader` on the QApplication. Run as a script, it runs
``stamps-pos`` with the arguments given and prints, as its last line, JSON of the exit code and
each page it showed (what a test of a real ``stamps-pos gui`` process asserts on)."""

from __future__ import annotations

import json
import sys
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

PAGE = "cannotStartPage"


class PageReader(QObject):
    """Records what each cannot-start page shows (``pages``), then clicks its Close."""

    def __init__(self) -> None:
        super().__init__()
        self.pages: list[dict[str, Any]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.objectName() == PAGE
        ):
            app = QApplication.instance()
            assert isinstance(app, QApplication)
            others = [
                w.objectName() or type(w).__name__
                for w in app.topLevelWidgets()
                if w is not watched and w.isVisible()
            ]
            self.pages.append(
                {
                    "text": watched.shown_text(),  # type: ignore[attr-defined]
                    "full_screen": watched.isFullScreen(),
                    "title": watched.windowTitle(),
                    "other_windows": others,
                }
            )
            button = watched.close_button  # type: ignore[attr-defined]
            QTimer.singleShot(0, button.click)
        return False


def main() -> int:
    qapp = QApplication([sys.argv[0]])  # the window's start reuses it; the reader sees it all
    reader = PageReader()
    qapp.installEventFilter(reader)
    import app.cli

    code = app.cli.main(sys.argv[1:])
    print(json.dumps({"code": code, "pages": reader.pages}))
    return code


if __name__ == "__main__":
    sys.exit(main())
