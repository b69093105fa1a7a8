"""Where a manager's CSV export goes: a save dialog opened with ``open()`` (never a nested
``exec()``: the loop keeps syncing). A test replaces a controller's ``ask_path``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

#: ``ask(parent, title, suggested, chosen)``: ask where to save; ``chosen(path)`` once picked.
PathAsker = Callable[[QWidget, str, Path, Callable[[Path], None]], object]


def ask_save_path(
    parent: QWidget, title: str, suggested: Path, chosen: Callable[[Path], None]
) -> QFileDialog:
    """A save dialog for a CSV file, suggesting ``suggested``."""
    dialog = QFileDialog(
        parent,
        title,
        str(suggested),
        QCoreApplication.translate("ShiftController", "CSV files (*.csv)"),
    )
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix("csv")
    dialog.fileSelected.connect(lambda name: chosen(Path(name)))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
