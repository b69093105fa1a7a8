"""The PINs a headless manager action reads from standard input (``app/cli/manager_sign_in.py``)."""

from __future__ import annotations

import io

import pytest

from app.cli.common import EXIT_USAGE, Stop
from app.cli.manager_sign_in import ManagerPins


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
