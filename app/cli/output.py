"""A command's standard streams, made safe before anything else opens a file.

A stream the shell closed (``>&-``, ``2>&-``, ``<&-``) leaves its descriptor free, and the first
file the command opens takes it: the database, or the log, on descriptor 1, where a write meant
for the output would land. So each closed one is held on the null device for the whole run, and:

- a closed standard output: a command that prints refuses to run, since nothing it did could be
  told (Python would have dropped every line and the command exited 0); the window's commands,
  which print nothing, run as before;
- a standard output that refuses a write (a full disk, ``> /dev/full``): :class:`OutputFailed`,
  which the command line says in one line on stderr, exit 2. A reader that went away
  (``| head``) is still a ``BrokenPipeError``, exit 141;
- a closed standard error: its messages go nowhere. Left as Python leaves it (``None``),
  ``print(file=sys.stderr)`` would write them into the output instead;
- a closed standard input reads as empty (a PIN asked for is then missing, and said so);
- a standard output whose encoding lacks a letter (``LC_ALL=C`` without Python's UTF-8
  coercion, a Latin-1 locale, a Windows code page): the letter is written as a JSON escape
  (``\\u00d1``), which a person can read and a ``--json`` output reads back as the letter.
"""

from __future__ import annotations

import codecs
import io
import os
import sys
from typing import TextIO, cast


class OutputFailed(Exception):
    """The command's output could not be written; ``reason`` is why, in the system's words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


#: Why a closed standard output fails (and the test of it).
CLOSED = "standard output is closed"


class _ClosedOutput(io.TextIOBase):
    """Standard output when the shell closed it: every line written fails."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OutputFailed(CLOSED)


class _CheckedOutput:
    """Standard output, with a write it refuses (other than a reader gone away) raised as
    :class:`OutputFailed`; anything else is the stream's own."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputFailed(exc.strerror or str(exc)) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputFailed(exc.strerror or str(exc)) from None

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


#: The codec error handler that writes a letter the output's encoding lacks as a JSON escape.
JSON_ESCAPE = "stamps-pos-json-escape"


def _json_escape(error: UnicodeError) -> tuple[str, int]:
    """``\\u00d1`` for ``Ñ`` (a surrogate pair for a letter past U+FFFF, as JSON writes it): ASCII,
    so every encoding takes it, and inside a JSON string (which escapes its own backslashes) it
    is the letter again. JSON rather than Python's ``\\xd1`` because ``--json`` must stay JSON."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    escaped = []
    for letter in error.object[error.start : error.end]:
        code = ord(letter)
        if code > 0xFFFF:
            code -= 0x10000
            escaped.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            escaped.append(f"\\u{code:04x}")
    return "".join(escaped), error.end


codecs.register_error(JSON_ESCAPE, _json_escape)


def _takes_every_letter(stream: TextIO) -> bool:
    return codecs.lookup(stream.encoding or "ascii").name in ("utf-8", "utf-16", "utf-32")


def _is_open(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


def _hold(fd: int) -> None:
    """Put the null device on descriptor ``fd`` (free), so no file the command opens gets it."""
    null = os.open(os.devnull, os.O_RDONLY if fd == 0 else os.O_WRONLY)
    if null != fd:
        os.dup2(null, fd)
        os.close(null)


class StandardStreams:
    """What :func:`hold_standard_streams` changed, to be undone by :meth:`restore` (a test runs
    the command line many times in one process)."""

    def __init__(self) -> None:
        self._saved = (sys.stdin, sys.stdout, sys.stderr)
        #: The output's own error handler, when it was replaced (:meth:`restore` puts it back).
        self._errors_before: tuple[io.TextIOWrapper, str | None] | None = None
        closed = [fd for fd in (0, 1, 2) if not _is_open(fd)]
        for fd in closed:
            _hold(fd)
        #: The shell closed standard output: a command that prints must not run.
        self.output_closed = 1 in closed
        if 0 in closed:
            sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115 - for the run
        if 2 in closed:
            sys.stderr = self._null_writer(2)
        if self.output_closed:
            sys.stdout = cast(TextIO, _ClosedOutput())
        elif sys.stdout is not None:
            self._escape_missing_letters(sys.stdout)
            sys.stdout = cast(TextIO, _CheckedOutput(sys.stdout))

    def _escape_missing_letters(self, stream: TextIO) -> None:
        if isinstance(stream, io.TextIOWrapper) and not _takes_every_letter(stream):
            self._errors_before = (stream, stream.errors)
            stream.reconfigure(errors=JSON_ESCAPE)

    @staticmethod
    def _null_writer(fd: int) -> TextIO:
        return open(fd, "w", encoding="utf-8", closefd=False)

    def discard_output(self) -> None:
        """Standard output is closed and the command prints nothing of its own (the window):
        what a library might print goes to the null device, as it went nowhere before."""
        sys.stdout = self._null_writer(1)

    def flush(self) -> None:
        """Write out what the output still holds, so a failure is raised here, inside the
        command, rather than at the interpreter's exit."""
        if sys.stdout is not None:
            sys.stdout.flush()

    def drop_output(self) -> None:
        """The output failed: what it still holds goes to the null device, so the interpreter's
        own flush at exit does not fail a second time."""
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, 1)
        finally:
            os.close(null)

    def restore(self) -> None:
        """The streams as they were before."""
        sys.stdin, sys.stdout, sys.stderr = self._saved
        if self._errors_before:
            stream, errors = self._errors_before
            stream.reconfigure(errors=errors)


def hold_standard_streams() -> StandardStreams:
    """Hold the closed standard streams on the null device and watch the output's writes."""
    return StandardStreams()
