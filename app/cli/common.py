"""What every command shares: the exit codes, the way a command stops with a message, and
reading the settings and the token (cheaply: the window's command must not load the outbox)."""

from __future__ import annotations

import argparse
import re
import signal
import sys
import threading
import unicodedata
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app import APP_NAME
from app.early_config import ConfigError, default_config_file

if TYPE_CHECKING:
    from app.config import Settings
    from app.core.services import Message, Secret, TokenSource

# The core's modules load in the functions that use them: ``stamps-pos gui`` imports this module
# before the window's first frame, which waits for none of them (docs/performance.md).

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_NOT_CONFIRMED, EXIT_PAUSED, EXIT_NOT_BUILT = range(6)
#: Stopped by Ctrl-C (a shell's 128 + SIGINT), and by SIGTERM (128 + SIGTERM).
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143
#: The output's reader went away before the command finished printing (a shell's 128 + SIGPIPE).
EXIT_BROKEN_PIPE = 141


class Stop(Exception):
    """End the command with this exit code after printing ``message`` to stderr. ``refused``:
    the settings refused, by name, in words the window shows in its language (the window's
    command shows them on its page: app/ui/cannot_start.py); ``said``: ``message`` as the
    core's message, which that page shows in its language too (``None``: as it is); ``lines``:
    the settings file's line of a refused setting, where ``message`` names it (the page too)."""

    def __init__(
        self,
        code: int,
        message: str,
        refused: Mapping[str, Message] | None = None,
        *,
        said: Message | None = None,
        lines: Mapping[str, int] | None = None,
    ):
        super().__init__(message)
        self.code = code
        self.message = message
        self.refused: Mapping[str, Message] = dict(refused or {})
        self.said = said
        self.lines: Mapping[str, int] = dict(lines or {})

    @classmethod
    def saying(cls, code: int, said: Message) -> Stop:
        """Stop with ``said``: its English on stderr, its words in the window's language."""
        from app.core.services import english

        return cls(code, english(said), said=said)


@contextmanager
def waiting_for(what: str) -> Iterator[None]:
    """While the command waits for ``what`` (a PIN, the token) and has changed nothing yet:
    Ctrl-C stops it at once, saying so (exit 130).

    On the till's loop, asyncio's own Ctrl-C only cancels the command's task, which a prompt's
    read never sees: the first Ctrl-C was lost, and a PIN typed after it went on to its change.
    And "what it had already done stands", the words of a stop mid-way, told a manager who had
    done nothing that something might have been done."""
    on_main = threading.current_thread() is threading.main_thread()  # signals reach it alone
    before = signal.signal(signal.SIGINT, signal.default_int_handler) if on_main else None
    try:
        yield
    except KeyboardInterrupt:
        raise Stop(
            EXIT_INTERRUPTED, f"stopped by Ctrl-C while it waited for {what}; nothing was changed"
        ) from None
    finally:
        if on_main:
            signal.signal(signal.SIGINT, signal.SIG_DFL if before is None else before)


#: A run of more characters than this without a space (a value quoted back: a 70 KB name) is
#: shown by its start and end, so a refusal stays one line a person can read; a real path fits.
LONGEST_WORD = 160
_LONG_WORD = re.compile(rf"\S{{{LONGEST_WORD + 1},}}")


def _shortened(word: re.Match[str]) -> str:
    text = word.group()
    return f"{text[:100]}…{text[-40:]} ({len(text)} characters)"


def lines_joined(text: str) -> str:
    """``text``'s lines on one: joined with "; ", or a space after one that ends a sentence
    (each refused setting ends with its full stop: "; " after it read ".;") or introduces what
    follows (the missing libraries and the command that installs them: "lacks:; libxcb…")."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return "".join(
        line + ("" if i == len(lines) - 1 else " " if line.endswith((".", "!", "?", ":")) else "; ")
        for i, line in enumerate(lines)
    )


def one_line(text: str) -> str:
    """``text`` safe to print on one terminal line: its lines joined (:func:`lines_joined`), a
    very long run without a space shortened, and control characters, bytes that were not UTF-8
    and the like shown as escapes instead of obeyed."""
    joined = lines_joined(text)
    joined = _LONG_WORD.sub(_shortened, joined)
    return "".join(
        ch.encode("unicode_escape", "backslashreplace").decode("ascii")
        if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp")
        else ch
        for ch in joined
    )


def local_time(when: datetime) -> str:
    """``when`` as the till's clock on the wall shows it, to the minute: every listing a person
    reads side by side (``history``, ``outbox list``) says the same time of one entry."""
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def counted(count: int, thing: str, things: str | None = None) -> str:
    """``1 attempt``, ``2 attempts``: a count and what it counts, singular or plural."""
    return f"{count} {thing if count == 1 else things or thing + 's'}"


REPLACE_HELP = "write over FILE if it is there already (without it, a file there is refused)"


def may_write(name: str, replace: bool) -> None:
    """The one rule for a file a command writes on request (``audit --csv``, ``summary --csv``,
    ``outbox export``, ``support-bundle``): a file already there is refused, exit 2, unless
    ``--replace`` says to write over it (a manager's script that writes day.csv every evening
    says so once; a name typed wrong never clobbers last month's export). ``-`` (standard
    output), ``/dev/stdout``, a pipe or a device are written as they are. Checked before
    anything is read, so a refusal costs nothing."""
    if name == "-":
        return
    path = Path(name)
    try:
        if path.is_dir():
            raise Stop(EXIT_USAGE, f"{name} is a folder: name a file in it")
        there = path.is_file()
    except OSError:  # a folder on the way that cannot be searched: the writing says why
        return
    if there and not replace:
        raise Stop(
            EXIT_USAGE,
            f"{name} exists already: name a new file, or add --replace to write over it",
        )


def not_the_tills_own(name: str, config: str | None, *, source: str | None = None) -> None:
    """Refuse (exit 2) to write the file ``name`` when it is one of the till's own (``config``:
    the settings file given, else the default's): its settings file (there yet or not), token,
    cashiers' list, database and journals, log, slips or locks;
    ``source``: a database read for the file (``outbox export --database``), its journals too.
    ``--replace`` does not lift it: it says to write over an export, not over the till. Checked
    with :func:`may_write`, before anything is read."""
    if name == "-":
        return
    from app.config import ConfigError, default_data_dir, load_settings
    from app.core.services import database_files, tills_own_files, which_own_file

    settings_file = Path(config) if config else default_config_file()
    try:
        data_dir = load_settings(settings_file).data_dir
    except ConfigError:  # the command says what is wrong with them; its folder is the default
        data_dir = default_data_dir()
    also = database_files(Path(source), "the database it reads") if source else []
    own = which_own_file(Path(name), tills_own_files(settings_file, data_dir, also=also))
    if own is not None:
        raise Stop(EXIT_USAGE, f"{name} is {own.what}: name another file")


def report_failure(command: str, message: str) -> None:
    """The one line a failed command prints: ``stamps-pos COMMAND: message`` on stderr."""
    print(f"{APP_NAME} {command}: {one_line(message)}", file=sys.stderr)


def config_folder(args: argparse.Namespace) -> Path:
    """The folder of the settings file in use: the token file and ``cashiers.txt`` live there."""
    return (Path(args.config) if args.config else default_config_file()).parent


def token_source(args: argparse.Namespace) -> TokenSource:
    """Reads the API token afresh where it is kept, each time it is called (a running till
    picks up a token another process set); a token that cannot be read counts as none."""
    from app.core.services import CredentialsError, load_token

    folder = config_folder(args)

    def read() -> Secret | None:
        try:
            return load_token(folder)
        except CredentialsError:
            return None

    return read


def settings_and_token(
    args: argparse.Namespace, *, log_fallback: bool = False
) -> tuple[Settings, Secret]:
    """The settings (``--config`` or the default file) and the API token, or :class:`Stop`.

    The log goes to the data folder from here on; ``log_fallback`` (the window) sends its lines
    to stderr when the folder cannot take them, where a headless command keeps stderr for its
    own one-line answer."""
    from app.config import load_settings  # pydantic: the window reads it after its first frame
    from app.core.services import TOKEN_ENV, CredentialsError, load_token, logs, say

    config = Path(args.config) if args.config else None
    try:
        settings = load_settings(config)
        token = load_token(config_folder(args))
    except ConfigError as exc:
        raise Stop(EXIT_USAGE, str(exc), exc.refused, said=exc.said, lines=exc.lines) from None
    except CredentialsError as exc:
        # stderr's line as it was; the page says it in the window's language
        said = say(exc.message_id, **exc.fields) if exc.message_id else None
        raise Stop(EXIT_USAGE, str(exc), said=said) from None
    if token is None:
        raise Stop.saying(EXIT_USAGE, say("start.no_token", variable=TOKEN_ENV))
    logs.keep_secret(token.reveal())
    logs.to_folder(settings.data_dir, fallback=log_fallback)
    return settings, token
