"""The PINs a headless manager action reads from standard input (``app/cli/manager_sign_in.py``)."""

from __future__ import annotations

import argparse
import getpass
import io
import os
import signal

import pytest

from app.cli.common import EXIT_INTERRUPTED, EXIT_USAGE, Stop
from app.cli.manager_sign_in import ManagerPins, refusal_exit
from app.cli.running import run
from app.core.services import MemberNeeded, NewPinNeeded, say


class _Zeros(io.RawIOBase):
    """``/dev/zero``: bytes for ever, never a line end."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        buffer[:] = b"\0" * len(buffer)
        return len(buffer)


def pins(data: bytes | io.RawIOBase) -> ManagerPins:
    raw = io.BytesIO(data) if isinstance(data, bytes) else data
    return ManagerPins(io.TextIOWrapper(io.BufferedReader(raw), "utf-8", "surrogateescape"))


@pytest.mark.timeout(30)
def test_a_stream_with_no_line_end_is_refused_without_reading_it_all() -> None:
    # `stamps-pos cashier add --manager Wayan Rina < /dev/zero` read until memory ran out and
    # ended in a MemoryError's traceback.
    with pytest.raises(Stop) as stop:
        pins(_Zeros()).read("the acting manager's PIN")
    assert stop.value.code == EXIT_USAGE
    assert "longer than any PIN" in str(stop.value)
    assert "\0" not in str(stop.value)


def test_a_pin_piped_from_a_file_saved_with_a_byte_order_mark_is_the_pin() -> None:
    # Notepad's "UTF-8 with BOM": the mark made Wayan's right PIN a wrong one, counted
    # towards his lock.
    read = pins(b"\xef\xbb\xbf246810\r\n2580\n")
    assert read.read("the acting manager's PIN").reveal() == "246810"
    assert read.read("the new PIN").reveal() == "2580"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_ctrl_c_at_a_pin_prompt_on_the_tills_loop_stops_the_command_saying_nothing_changed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # asyncio's Ctrl-C only cancelled the command's task, which the prompt's read never saw: the
    # manager pressed it again, or typed the PIN and the command went on to its change. Then it
    # said "what it had already done stands" of a command that had done nothing.
    def prompt(text: str) -> str:
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C at the prompt…
        return "246810"  # …then the PIN, typed anyway

    monkeypatch.setattr(getpass, "getpass", prompt)
    went_on: list[str] = []

    async def body() -> int:
        ManagerPins(_Terminal()).read("the acting manager's PIN")
        went_on.append("the change")
        return 0

    assert run(argparse.Namespace(command="cashier add"), body) == EXIT_INTERRUPTED
    assert went_on == []
    assert capsys.readouterr().err == (
        "stamps-pos cashier add: stopped by Ctrl-C while it waited for the acting manager's PIN; "
        "nothing was changed\n"
    )


@pytest.mark.parametrize(
    ("refusal", "said"),
    [
        (
            MemberNeeded(say("manager.member_needed", server_id=999999)),
            "Redemption 999999 was not made on this till: say whose it is (the member's email, "
            "member ID, phone or card number) to cancel it: give --user",
        ),
        (
            NewPinNeeded(say("manager.member_pin_again")),
            "The member's PIN authorised this redemption once: ask for their PIN again to send "
            "it: give --member-pin-stdin",
        ),
    ],
    ids=["cancel-elsewhere", "retry-pin"],
)
def test_a_refusal_that_asks_for_an_option_names_it_in_one_sentence(
    refusal: Exception, said: str
) -> None:
    # `stamps-pos cancel --server-id 999999` said "… to cancel it.: give --user".
    stop = refusal_exit(refusal)
    assert (stop.code, stop.message) == (EXIT_USAGE, said)
