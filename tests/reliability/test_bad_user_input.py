"""Bad user input: every argument of every command and every setting, fed hostile values, against
a till whose outbox already holds entries.

Three sources of cases, each run through the real entry point (``app.cli.main``) on a fresh copy
of one till's database (queued redemptions, a manager), with a server that does not answer:

- the tables of ``tests/support/bad_input.py`` (the command lines and settings the unit tests
  refuse one by one), here against a till with a queue, and each setting both from the
  environment and from ``settings.toml``;
- every option and positional argument the parser has (walked from ``build_parser``), each with
  every kind of hostile value: empty, blank, huge, wrongly typed, unicode digits and text, right
  to left, not UTF-8, SQL-like, markup-like, format strings, escape codes, line breaks, NUL;
- every setting of :class:`Settings` with every TOML type it is not (a boolean, a list, a
  table, a date, a string, a float, a negative or 2⁶³), and keys that are not settings.

The verdict, per case: a value the till refuses is refused in one clear line (exit 2, naming
what was wrong, shorter than 400 characters, with no escape code, carriage return or NUL of the
value echoed), and a value it takes as text (a SQL-like cashier's name is a name) ends with a
documented exit code and the same care for what it prints. In both, no traceback, and the
outbox holds exactly the entries it held: nothing enqueued, nothing lost.

``make reliability`` runs every generated command line; ``make test`` a seeded sample of them
(the seed is printed with the table), and every setting case.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import random
import shutil
import sqlite3
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from app.cli import main
from app.cli.parser import build_parser
from app.config import Settings
from app.core import clock
from app.core.outbox import Outbox, OutboxPolicy
from app.core.services import Secret, Staff
from app.core.storage.tables import ENTRIES
from app.sandbox import DEMO_TOKEN

from ..support.bad_input import BAD_ARGUMENTS, BAD_SETTINGS, HUGE, NOT_UTF8, TOO_BIG
from .conftest import LONG
from .shop import MANAGER, MANAGER_PIN, MERCHANT, STORE, TERMINAL, enqueue_reward
from .table import TABLE, Tally

SEED = 20261130
SAMPLE = None if LONG else 100  # generated command lines run by make test (all: about 2,000)
QUEUED = 3  # redemptions the till holds before each case
#: Exit codes the command line documents (parser epilog): done, refused, usage, not confirmed,
#: paused; 5 (not built) is no answer to a value.
DOCUMENTED = {0, 1, 2, 3, 4}
NEVER_ECHOED = ("\x1b", "\r", "\x00", "\u202e")

#: Hostile values for any argument: (kind, value). A number's place also gets WRONG_NUMBERS.
HOSTILE = [
    ("empty", ""),
    ("blank", "   "),
    ("huge", "a" * 70_000),
    ("huge number", HUGE),
    ("2**63", TOO_BIG),
    ("negative", "-1"),
    ("wrong type", "ten"),
    ("decimal", "1.5"),
    ("arabic-indic digits", "١٢"),
    ("full-width digits", "１２"),
    ("unicode text", "Dewi ✓ 名前 سلام"),
    ("right-to-left override", "abc\u202edef"),
    ("not UTF-8", NOT_UTF8),
    ("SQL-like", "'; DROP TABLE outbox_entries; --"),
    ("SQL-like", "1 OR 1=1"),
    ("markup-like", "<script>alert(1)</script>"),
    ("markup-like", "<b>**bold**</b> &amp; [x](y)"),
    ("format string", "%s%n{0}${HOME}"),
    ("escape codes", "\x1b[2J\x1b[32mConfirmed"),
    ("line break", "INV-1\nINV-2"),
    ("carriage return", "INV-1\rINV-2"),
    ("bell and backspace", "ok\x07\x08\x08"),
]
# No NUL: a command line cannot carry one (execve ends each argument at it); the settings file's
# NUL is among the table's cases.
#: The required arguments of each command, filled with good values (the placeholders name the
#: till's own entry and files, set per case).
GOOD = {
    "member find": {"query": "budi@contoh.co.id"},
    "redeem reward": {"--user": "budi@contoh.co.id", "--reward": "5"},
    "redeem multi": {"--user": "budi@contoh.co.id", "--reward": "KR-1:1"},
    "redeem voucher": {"--user": "budi@contoh.co.id", "--voucher": "20"},
    "redeem deduct": {"--user": "budi@contoh.co.id", "--voucher": "20", "--value": "1000"},
    "redeem code": {"--user": "budi@contoh.co.id", "--code": "KOPI-123"},
    "redeem promo": {"--user": "budi@contoh.co.id", "--code": "NGOPIPAGI", "--invoice": "I-1"},
    "cancel": {"entry_id": "{entry}", "--manager": MANAGER},
    "outbox show": {"entry_id": "{entry}"},
    "outbox export": {"file": "{dir}/export.db"},
    "outbox import": {"file": "{dir}/missing.db"},
    "outbox retry": {"entry_id": "{entry}", "--note": "n", "--manager": MANAGER},
    "outbox mark-applied": {"entry_id": "{entry}", "--note": "n", "--manager": MANAGER},
    "outbox dismiss": {"entry_id": "{entry}", "--note": "n", "--manager": MANAGER},
    "cashier rename": {"name": "Sari", "new_name": "Sari W"},
    "cashier import": {"file": "{dir}/missing.csv", "--manager": MANAGER},
    "support-bundle": {"out": "{dir}/bundle.zip"},
}
NAMED = {"name": "Sari", "--manager": MANAGER}  # manager and cashier commands


@dataclass(frozen=True)
class Case:
    """One command line, what it feeds (``where``: the argument and the kind of value)."""

    argv: list[str]
    where: str
    stdin: bytes = f"{MANAGER_PIN}\n".encode()
    env: dict[str, str] = field(default_factory=dict)
    toml: bytes | None = None
    mentions: str = ""  # a refusal must say this

    def __repr__(self) -> str:
        return f"Case({self.where})"


def _arguments(parser: argparse.ArgumentParser, path: list[str]) -> Iterator[tuple[str, ...]]:
    """(command, argument) for every argument that takes a value, under ``path``."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _arguments(sub, [*path, name])
        elif action.nargs != 0 and not isinstance(action, argparse._HelpAction):
            name = action.option_strings[-1] if action.option_strings else action.dest
            yield " ".join(path), name


def _command_line(command: str, argument: str, value: str) -> list[str]:
    """``command`` with its required arguments good and ``argument`` set to ``value``."""
    filled = dict(
        GOOD.get(command, NAMED if command.split()[:1] in (["manager"], ["cashier"]) else {})
    )
    filled[argument] = value
    argv = command.split() if command else []
    positional = [v for k, v in filled.items() if not k.startswith("-")]
    for key, given in filled.items():
        if key.startswith("-"):
            argv += [key, given]
    if argument == "--timeout":
        argv.append("--once")
    if command == "":  # --config: any command after it
        argv += ["outbox", "list"]
    return [*argv, "--", *positional] if positional else argv


def generated_command_lines() -> list[Case]:
    """Every argument of every command, with every hostile value."""
    cases = []
    for command, argument in _arguments(build_parser({}), []):
        for kind, value in HOSTILE:
            argv = _command_line(command, argument, value)
            cases.append(Case(argv, f"{command} {argument}: {kind}".strip()))
    return cases


def table_command_lines() -> list[Case]:
    """The command lines of tests/support/bad_input.py: each must be refused."""
    return [
        Case(
            c.argv, f"table: {' '.join(c.argv)!r:.60} ({c.mentions})", c.stdin, mentions=c.mentions
        )
        for c in BAD_ARGUMENTS
    ]


_QUEUE = ["redeem", "reward", "--user", "budi@contoh.co.id", "--reward", "5", "--queue-only"]


def _toml_string(value: str) -> bytes:
    """``value`` as a TOML basic string; a lone surrogate (not UTF-8) as the raw byte it was."""
    text = json.dumps(value, ensure_ascii=False)  # JSON's escapes are TOML's for these values
    return text.encode("utf-8", "surrogateescape")


def setting_cases() -> list[Case]:
    """The table's settings from the environment and from the file, and every setting with
    every TOML type it is not; each must be refused, naming the setting (or the file)."""
    cases = []
    for c in BAD_SETTINGS:
        name = c.variable.removeprefix("STAMPS_POS_").lower()
        cases.append(Case(_QUEUE, f"env {c.variable}={c.value[:20]!r}", env={c.variable: c.value}))
        line = f"{name} = ".encode() + _toml_string(c.value)
        cases.append(Case(_QUEUE, f"file {name} = {c.value[:20]!r}", toml=line))
    wrong = {
        "a boolean": "true",
        "a list": "[1, 2]",
        "a table": "{ a = 1 }",
        "a date": "1979-05-27T07:32:00Z",
        "a string": '"ten"',
        "a quoted number": '"10"',
        "a float": "1.5",
        "negative": "-1",
        "2**63": TOO_BIG,
        "a huge string": '"' + "9" * 70_000 + '"',
        "SQL-like": '"\'; DROP TABLE outbox_entries; --"',
        "markup-like": '"<script>alert(1)</script>"',
        "not a number": "nan",
    }
    for name, info in Settings.model_fields.items():
        kind = str(info.annotation)
        for what, value in wrong.items():
            if _fits(name, kind, what):
                continue
            cases.append(Case(_QUEUE, f"file {name}: {what}", toml=f"{name} = {value}".encode()))
    for key in ("'; DROP TABLE outbox_entries; --", "<script>", "stör", "store "):
        line = f"{json.dumps(key, ensure_ascii=False)} = 1".encode()
        cases.append(Case(_QUEUE, f"file: a key that is no setting ({key!r})", toml=line))
    cases.append(Case(_QUEUE, "file: not UTF-8", toml=b'terminal = "caf\xe9"\n'))
    cases.append(Case(_QUEUE, "file: not TOML", toml=b"<settings><store>32</store></settings>"))
    return cases


FREE_TEXT = ("terminal", "store_code")
#: Text a setting takes only short and without spaces (a scanner's prefix): a plain word fits.
SHORT_TEXT = ("scanner_prefix", "card_prefixes", "invoice_prefixes", "voucher_prefixes")


def _fits(name: str, kind: str, what: str) -> bool:
    """Whether a TOML value of ``what`` type is a fair value of a setting of type ``kind``: a
    boolean where one is due, a float where a decimal is, any short text where free text is
    (the terminal's and the store code's names: a SQL-like name is a name), a plain word where
    short text is (the scanner's prefix)."""
    if name in FREE_TEXT and what in ("a string", "a quoted number", "SQL-like", "markup-like"):
        return True
    if name in SHORT_TEXT and what in ("a string", "a quoted number"):
        return True
    return (what == "a float" and "float" in kind) or (what == "a boolean" and "bool" in kind)


# --- the till under it -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One till's database: queued redemptions and a manager, copied for each case."""
    path = tmp_path_factory.mktemp("bad-user-input") / "template.db"

    def wait_out_a_backoff(session: Any) -> None:
        # Not due for a day: a case's own till (its worker starts with the command) never claims
        # one. A claimed entry is in flight, and a manager's cancel of it is then rightly a cancel
        # entry instead of a void (architecture §3): which of the two a case met would depend on
        # how soon the worker's first pass came on a loaded machine.
        session.execute(sa.update(ENTRIES).values(next_attempt_at=clock.now() + timedelta(days=1)))

    async def fill() -> None:
        outbox = await Outbox.open(path, OutboxPolicy())
        try:
            for member in range(1, QUEUED + 1):
                await enqueue_reward(outbox, member, "Sari")
            await outbox.db.write(wait_out_a_backoff)
            await Staff(outbox.db, TERMINAL).add_first_manager(MANAGER, Secret(MANAGER_PIN))
        finally:
            await outbox.close()

    asyncio.run(fill())
    return path


def _entries(database: Path) -> list[tuple[str, str]]:
    """The outbox's entries: (id, status), read without the till's code."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        return sorted(db.execute("SELECT id, status FROM outbox_entries").fetchall())


@dataclass
class Verdict:
    """What one case did."""

    code: int
    out: str
    err: str
    before: list[tuple[str, str]]
    after: list[tuple[str, str]]


def _run(case: Case, template: Path, work: Path, monkeypatch: pytest.MonkeyPatch) -> Verdict:
    """``case`` on a fresh copy of the template till, in-process, as ``stamps-pos`` would."""
    if work.exists():
        shutil.rmtree(work)
    data = work / "data"
    data.mkdir(parents=True, mode=0o700)
    shutil.copyfile(template, data / "stamps-pos.db")
    config = work / "settings.toml"
    before = _entries(data / "stamps-pos.db")
    entry = before[0][0]
    env = {
        "STAMPS_POS_MERCHANT": str(MERCHANT),
        "STAMPS_POS_STORE": str(STORE),
        "STAMPS_POS_TOKEN": DEMO_TOKEN,
        "STAMPS_POS_BASE_URL": "http://127.0.0.1:9",  # nothing answers: nothing can be sent
        "STAMPS_POS_DATA_DIR": str(data),
        "STAMPS_POS_CONFIG": str(config),
        "STAMPS_POS_CONNECT_TIMEOUT": "0.5",
        "STAMPS_POS_READ_TIMEOUT": "0.5",
    }
    if case.toml is not None:  # the file's settings, the environment out of its way
        text = case.toml.decode("utf-8", "replace")
        required = b"".join(
            f"{name} = {value}\n".encode()
            for name, value in (("merchant", MERCHANT), ("store", STORE))
            if not text.startswith(f"{name} =")
        )
        config.write_bytes(required + case.toml + b"\n")
        for name in Settings.model_fields:  # the file's, not the environment's
            if text.startswith(f"{name} ="):
                env.pop(f"STAMPS_POS_{name.upper()}", None)
        env.pop("STAMPS_POS_MERCHANT", None)
        env.pop("STAMPS_POS_STORE", None)
    env.update(case.env)
    argv = [a.replace("{entry}", entry).replace("{dir}", str(work)) for a in case.argv]
    out, err = io.StringIO(), io.StringIO()
    with monkeypatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        patch.chdir(work)
        patch.setattr(sys, "stdout", out)
        patch.setattr(sys, "stderr", err)
        patch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(case.stdin)))
        try:
            code = main(argv)
        except SystemExit as exited:  # argparse's way out
            code = exited.code if isinstance(exited.code, int) else 2
    database = data / "stamps-pos.db"
    after = _entries(database) if database.exists() else []
    return Verdict(code, out.getvalue(), err.getvalue(), before, after)


def judge(case: Case, verdict: Verdict, *, must_refuse: bool) -> Tally:
    """The case's counts: ``unhandled`` for a traceback or an exit code no one documents,
    ``missing`` for an entry gone, ``phantom`` for one enqueued, ``false`` for a refusal that
    is unclear (not one line, not naming what was wrong, echoing what a terminal obeys)."""
    tally = Tally()
    said = f"{case.where}: exit {verdict.code}, stderr {verdict.err[:200]!r}"
    if "Traceback (most recent call last)" in verdict.err + verdict.out:
        tally.note("unhandled", said)
    if verdict.code not in DOCUMENTED:
        tally.note("unhandled", f"undocumented exit code; {said}")
    gone = set(verdict.before) - set(verdict.after)
    added = {i for i, _ in verdict.after} - {i for i, _ in verdict.before}
    if any(i not in {j for j, _ in verdict.after} for i, _ in gone):
        tally.note("missing", f"entries gone; {said}")
    if added:
        tally.note("phantom", f"{len(added)} entries enqueued; {said}", len(added))
    if must_refuse and verdict.code != 2:
        tally.note("false", f"not refused; {said}")
    if verdict.code == 2:  # a refusal: one line on stderr (other outcomes print on stdout)
        lines = verdict.err.splitlines()
        if len(lines) != 1 or len(verdict.err) >= 400:
            tally.note("false", f"not one short line; {said}")
        if case.mentions and case.mentions not in verdict.err:
            tally.note("false", f"does not say {case.mentions!r}; {said}")
    if any(c in verdict.err + verdict.out for c in NEVER_ECHOED):
        tally.note("false", f"echoes a control character; {said}")
    return tally


# --- the tests ---------------------------------------------------------------------------------


@dataclass
class Results:
    """A group's counts, added to the table when the group is done."""

    scenario: str
    tally: Tally = field(default_factory=Tally)
    runs: int = 0
    started: float = field(default_factory=time.monotonic)


@pytest.fixture(scope="module")
def results() -> Iterator[dict[str, Results]]:
    groups: dict[str, Results] = {}
    yield groups
    for group in groups.values():
        TABLE.add(
            group.scenario,
            unit="cases",
            runs=group.runs,
            tally=group.tally,
            seconds=time.monotonic() - group.started,
            note=NOTES.get(group.scenario),
        )


def _sample(cases: list[Case]) -> list[Case]:
    if SAMPLE is None or len(cases) <= SAMPLE:
        return cases
    return random.Random(SEED).sample(cases, SAMPLE)


GENERATED = generated_command_lines()
NOTES = {
    "bad user input: every argument": (
        f"{len(GENERATED)} generated command lines"
        + ("" if SAMPLE is None else f", {SAMPLE} of them drawn with seed {SEED}")
        + "; exit 2 or a documented code for a value taken as text; no new entry"
    ),
    "bad user input: the table's command lines": "tests/support/bad_input.py, each refused",
    "bad user input: settings": "environment and settings.toml, each refused naming its setting",
}


def _check(
    scenario: str,
    case: Case,
    must_refuse: bool,
    template: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    results: dict[str, Results],
) -> None:
    verdict = _run(case, template, tmp_path / "case", monkeypatch)
    tally = judge(case, verdict, must_refuse=must_refuse)
    group = results.setdefault(scenario, Results(scenario))
    group.runs += 1
    group.tally += tally
    assert not tally.details, tally.details


@pytest.mark.parametrize("case", _sample(GENERATED), ids=repr)
def test_every_argument_with_a_hostile_value_is_refused_cleanly_or_taken_as_text(
    case: Case,
    template: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    results: dict[str, Results],
) -> None:
    scenario = "bad user input: every argument"
    _check(scenario, case, False, template, tmp_path, monkeypatch, results)


@pytest.mark.parametrize("case", table_command_lines(), ids=repr)
def test_the_tables_command_lines_are_refused_on_a_till_with_a_queue(
    case: Case,
    template: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    results: dict[str, Results],
) -> None:
    scenario = "bad user input: the table's command lines"
    _check(scenario, case, True, template, tmp_path, monkeypatch, results)


@pytest.mark.parametrize("case", setting_cases(), ids=repr)
def test_every_setting_with_a_hostile_value_is_refused_before_anything_is_queued(
    case: Case,
    template: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    results: dict[str, Results],
) -> None:
    _check("bad user input: settings", case, True, template, tmp_path, monkeypatch, results)
