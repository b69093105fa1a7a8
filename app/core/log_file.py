"""The data folder's log file: :class:`FolderLog`, the handler :func:`app.core.logs.to_folder`
installs (a module of its own so that a command that writes no log file does not import
``logging.handlers``, and with it sockets and pickle)."""

from __future__ import annotations

import io
import logging
import os
import sys
from contextlib import suppress
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TextIO

#: One file's size at most, and how many older files are kept beside it.
MAX_BYTES = 2_000_000
BACKUPS = 5


class FolderLog(RotatingFileHandler):
    """The data folder's rotating log (0600). A line that cannot be written there (disk full,
    folder gone read-only) goes to stderr instead, with a note saying why, once; the file is tried
    again for the next line, so logging to it resumes when space returns."""

    def __init__(self, path: Path, fallback: TextIO | None = None, *, echo: bool = True) -> None:
        super().__init__(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
        self.fallback = fallback
        self.echo = echo
        self.failing: str | None = None

    def _open(self) -> io.TextIOWrapper:
        # created 0600 from the start: no moment where another user could read it
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return open(fd, "a", encoding="utf-8")

    def emit(self, record: logging.LogRecord) -> None:
        """Write the record, or hand it to stderr."""
        super().emit(record)
        if self.failing is not None and self.stream is not None:
            self.failing = None  # written again: the next failure is worth a note

    def handleError(self, record: logging.LogRecord) -> None:
        """An ``OSError`` (full, read-only): the line goes to stderr; anything else is a bug in a
        log call and is reported as logging reports it."""
        error = sys.exc_info()[1]
        if not isinstance(error, OSError):
            super().handleError(record)
            return
        self._drop_stream()
        if not self.echo:
            return
        stream = self.fallback or sys.stderr
        reason = error.strerror or type(error).__name__
        with suppress(Exception):
            if self.failing != reason:
                self.failing = reason
                stream.write(
                    f"stamps-pos: cannot write the log {self.baseFilename} ({reason}); "
                    "logging to stderr\n"
                )
            stream.write(self.format(record) + "\n")
            stream.flush()

    def _drop_stream(self) -> None:
        stream, self.stream = self.stream, None
        if stream is not None:
            with suppress(OSError):
                stream.close()
