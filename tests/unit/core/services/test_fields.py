"""What a manager may type as a name or a note: refusals say which field and why."""

from __future__ import annotations

import pytest

from app.core.services.fields import NAME_MAX, NOTE_MAX, FieldRefused, check_name, check_note


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Ayu", "Ayu"),
        ("  Putri   Maharani ", "Putri Maharani"),
        ("Ma'ruf", "Ma'ruf"),
        ("Wayan Sudirta-Putra", "Wayan Sudirta-Putra"),
        ("Dewi 2", "Dewi 2"),
        ("Ibu Sri", "Ibu Sri"),
        ("Sæmundur", "Sæmundur"),
        ("Jose\u0301", "José"),  # combining accent, stored composed (NFC)
    ],
)
def test_a_name_is_trimmed_and_kept(typed: str, stored: str) -> None:
    assert check_name(typed) == stored


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", "is empty"),
        ("   ", "is empty"),
        ("x" * (NAME_MAX + 1), f"longer than {NAME_MAX}"),
        ("Ayu\x00", "control or invisible"),
        ("Ayu\nBudi", "control or invisible"),
        ("Ayu\u202eubA", "control or invisible"),  # right-to-left override
        ("Ay\u200bu", "control or invisible"),  # zero-width space
        ("<b>Ayu</b>", "may not contain"),
        ("Ayu & Budi", "may not contain &"),
        ('Ayu "the boss"', 'may not contain "'),
        ("{{Ayu}}", "may not contain"),
        ("123456", "must contain a letter"),
        ("--", "must contain a letter"),
    ],
)
def test_a_bad_name_is_refused_with_the_reason(typed: str, reason: str) -> None:
    with pytest.raises(FieldRefused) as refused:
        check_name(typed, "cashier's name")
    assert refused.value.field == "cashier's name"
    assert reason in refused.value.reason


def test_a_note_keeps_its_lines_but_not_control_characters() -> None:
    assert check_note("  seen on the dashboard\n\tby Ayu ") == "seen on the dashboard\n\tby Ayu"
    with pytest.raises(FieldRefused, match="required"):
        check_note("  \n ")
    with pytest.raises(FieldRefused, match="control"):
        check_note("ok\x1b[31m")
    with pytest.raises(FieldRefused, match=str(NOTE_MAX)):
        check_note("x" * (NOTE_MAX + 1))
    with pytest.raises(FieldRefused, match="may not contain < >"):
        check_note("changed her mind <b>")
    assert check_note('Ayu & Budi said "no" [twice]') == 'Ayu & Budi said "no" [twice]'
