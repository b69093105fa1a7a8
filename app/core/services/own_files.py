"""The till's own files, which no export may be written onto.

A command that writes a file the manager names (``audit --csv``, ``summary --csv``, ``outbox
export``, ``support-bundle``) wrote wherever it was told: onto the settings file's path before
the file was made (the next start read a CSV as its settings), and, with ``--replace``, onto the
database, its journal, the log or the token. A name is the till's own when it is one of these
files by its path with every symlink followed, or, where both are there, by the file itself (a
hard link is another name of the same inode).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from app.core.credentials import token_file
from app.core.logs import LOG_FOLDER
from app.core.services.config import DATABASE_NAME
from app.core.services.upkeep import NOTE, SLIPS_FOLDER

#: What SQLite keeps beside the database while it is open (or after a crash): writing over one
#: loses or corrupts what it holds.
DATABASE_COMPANIONS = ("-wal", "-shm", "-journal")
#: The cashiers' names, read once beside the settings file (``app/ui/cashier.py``).
CASHIERS_FILE = "cashiers.txt"


@dataclass(frozen=True)
class OwnFile:
    """One of the till's files (or, with ``folder``, every file in the folder ``path`` whose
    name ends with ``ending``), and what it is, as a refusal names it ("the till's database")."""

    path: Path
    what: str
    folder: bool = False
    ending: str = ""


def tills_own_files(
    config_file: Path, data_dir: Path, *, also: Iterable[OwnFile] = ()
) -> list[OwnFile]:
    """The files the till whose settings are ``config_file`` and whose data folder is
    ``data_dir`` keeps, whether they are there yet or not; ``also``: more (an export's source
    database)."""
    folder = config_file.parent
    database = data_dir / DATABASE_NAME
    return [
        OwnFile(config_file, "the till's settings file"),
        OwnFile(token_file(folder), "the till's API token file"),
        OwnFile(folder / CASHIERS_FILE, "the till's list of cashiers"),
        *database_files(database, "the till's database"),
        OwnFile(data_dir / LOG_FOLDER, "the till's log", folder=True),
        OwnFile(data_dir / SLIPS_FOLDER, "the till's shift slips", folder=True),
        OwnFile(data_dir / NOTE, "the till's upkeep note"),
        # written over, the window's (or the kiosk's) lock lets a second one open on the database
        OwnFile(data_dir, "a lock file of the till", folder=True, ending=".lock"),
        *also,
    ]


def database_files(database: Path, what: str) -> list[OwnFile]:
    """A database file and the journals SQLite keeps beside it."""
    return [
        OwnFile(database, what),
        *(
            OwnFile(database.with_name(database.name + end), f"{what}'s journal")
            for end in DATABASE_COMPANIONS
        ),
    ]


def which_own_file(path: Path, own: Iterable[OwnFile]) -> OwnFile | None:
    """The one of ``own`` that ``path`` names (through a symlink or a hard link too), if one
    does."""
    target = _resolved(path)
    for candidate in own:
        if candidate.folder:
            if target.name.endswith(candidate.ending) and _inside(target, candidate.path):
                return candidate
        elif _same(path, target, candidate.path):
            return candidate
    return None


def _resolved(path: Path) -> Path:
    try:
        return Path(os.path.realpath(path))
    except OSError:  # a loop of symlinks: the writing says why
        return path.absolute()


def _same(path: Path, target: Path, own: Path) -> bool:
    try:
        if path.exists() and own.exists():
            return os.path.samefile(path, own)
    except OSError:
        pass
    if target == _resolved(own):
        return True
    try:  # not there yet: the same name in the same folder, however that folder is reached
        return target.name == own.name and os.path.samefile(target.parent, own.parent)
    except OSError:
        return False


def _inside(target: Path, folder: Path) -> bool:
    try:
        return os.path.samefile(target.parent, folder)
    except OSError:
        return target.parent == _resolved(folder)
