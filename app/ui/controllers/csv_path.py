"""Where a manager's CSV export goes: a save dialog opened with ``open()`` (never a nested
``exec()``: the loop keeps syncing). A test replaces a controller's ``ask_path``."""

from __future__ import annotations

import errno
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from app.core.services import StaffRefused
from app.ui.controllers.storage import not_written
from app.ui.wording import words

if TYPE_CHECKING:
    from app.core.services import OwnFile
    from app.ui.widgets.status_bar import SyncStatusBar

#: ``ask(parent, title, suggested, chosen)``: ask where to save; ``chosen(path)`` once picked.
PathAsker = Callable[[QWidget, str, Path, Callable[[Path], None]], object]

#: How long the status bar says a CSV was not written: longer than a "Written to", since the
#: manager has something left to do.
NOT_WRITTEN_MS = 20000


class ExportFolder:
    """Where the next CSV's save dialog opens: the folder the last CSV was written to in this
    run of the window, any export's (the audit log's, the day's, the shift's), else the home.
    Each dialog opened in the home, and a manager saving to a USB stick walked back to it
    every time."""

    def __init__(self) -> None:
        self.last: Path | None = None

    def suggest(self, name: str) -> Path:
        """The file ``name`` in the folder the dialog should open in."""
        return (self.last or Path.home()) / name

    def written(self, path: Path) -> None:
        """A CSV was written to ``path``: the next dialog opens beside it."""
        self.last = path.parent


class TillsOwnFiles:
    """The files of the till running in this window (its settings, database, log, token),
    which no CSV is written onto: the save dialog's "Replace it?" was all that stood between a
    manager's slip of the mouse and the till's database written over with a CSV."""

    def __init__(self) -> None:
        self._own: list[OwnFile] = []

    def keep_off(self, settings: Path | None, data_dir: Path) -> None:
        """The till whose settings file is ``settings`` and whose data folder is ``data_dir``
        runs in this window: its files are no place for a CSV."""
        from app.core.services import tills_own_files
        from app.early_config import default_config_file

        self._own = tills_own_files(settings or default_config_file(), data_dir)

    def refusal(self, path: Path) -> str | None:
        """Why no CSV is written at ``path`` (one of the till's own files), or ``None``."""
        from app.core.services import which_own_file

        if which_own_file(path, self._own) is None:
            return None
        fact = QCoreApplication.translate(
            "ShiftController",
            "{path} is one of the till's own files (its settings, database, log or token), and a "
            "CSV written there would break the till.",
        ).format(path=path)
        return not_written(fact, _pick_another_place())


#: One each for the window's run, shared by every export (not a setting: the next start opens
#: in the home again).
export_folder = ExportFolder()
own_files = TillsOwnFiles()


async def write_csv(
    status: SyncStatusBar, path: Path, write: Callable[[], Awaitable[object]]
) -> bool:
    """Whether ``write()`` wrote the CSV a manager picked at ``path``; when not, the status bar
    says why: one of the till's own files (nothing written), a place the till could not write
    (:func:`csv_not_written`), or manager mode ended while the place was picked. Every export of
    the window (the audit log's, the day's, the shift's) goes through here, so none of them
    forgets the till's own files."""
    if (refused := own_files.refusal(path)) is not None:
        status.show_note(refused, NOT_WRITTEN_MS)
        return False
    try:
        await write()
    except OSError as exc:
        status.show_note(csv_not_written(path, exc), NOT_WRITTEN_MS)
        return False
    except StaffRefused as exc:
        status.show_note(words(exc.said), NOT_WRITTEN_MS)
        return False
    export_folder.written(path)
    return True


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


def csv_not_written(path: Path, error: OSError) -> str:
    """What a manager reads when the CSV could not be written where they picked (a folder that
    is not there, one the till may not write to, a full disk, a USB stick pulled out): nothing
    of the till failed, so no crash dialog, just another place to pick. Which of them, when the
    system says: a full disk read "the folder is missing or read-only, or the disk is full"."""
    from app.core.services import folder_refusal, missing_folder

    refusal = folder_refusal(path, error)
    kind, folder = refusal if refusal is not None else ("", path.parent)
    then = _pick_another_place()
    if kind == "full":
        fact = QCoreApplication.translate("ShiftController", "{path}: its disk is full.")
        then = QCoreApplication.translate(
            "ShiftController", "Free some space on it, or export again and pick another place."
        )
    elif kind == "read_only":
        fact = QCoreApplication.translate("ShiftController", "{path}: its disk is read-only.")
    elif kind == "not_allowed":
        fact = QCoreApplication.translate(
            "ShiftController", "{path}: the till may not write in {folder}."
        )
    elif error.errno == errno.ENOENT and (missing := missing_folder(path)) is not None:
        folder = missing
        fact = QCoreApplication.translate(
            "ShiftController", "{path}: the folder {folder} is not there (a USB stick taken out?)."
        )
    else:
        fact = QCoreApplication.translate(
            "ShiftController",
            "the till cannot write {path} (the folder is missing or read-only, or the disk is "
            "full).",
        )
    return not_written(fact.format(path=path, folder=folder), then)


def _pick_another_place() -> str:
    return QCoreApplication.translate("ShiftController", "Export again and pick another place.")
