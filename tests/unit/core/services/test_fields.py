"""What a manager may type as a name or a note: refusals say which field and why."""

from __future__ import annotations

import pytest

from app.core.services.fields import (
    MARKS_PER_LETTER,
    NAME_MAX,
    NOTE_MAX,
    FieldRefused,
    check_name,
    check_note,
)


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


@pytest.mark.parametrize(
    "emoji",
    [
        "\U0001f468\u200d\U0001f469\u200d\U0001f467",  # family: three people joined
        "\U0001f469\U0001f3fd\u200d\U0001f4bb",  # woman technologist, medium skin tone
        "\U0001f3f3\ufe0f\u200d\U0001f308",  # rainbow flag
    ],
)
def test_a_note_keeps_an_emoji_whose_parts_a_joiner_holds_together(emoji: str) -> None:
    # Seen by hand: "told her 👨‍👩‍👧" was refused as "a control or invisible character" that the
    # manager could not see, let alone remove: the joiner inside the emoji is a part of it.
    assert check_note(f"told her {emoji} ok") == f"told her {emoji} ok"


@pytest.mark.parametrize(
    "typed",
    [
        "ok\u200d",  # a joiner joining nothing
        "o\u200dk",  # between letters: hidden, not part of an emoji
        "\U0001f44d\u200d",
        "\u200d\U0001f44d",
        "\U0001f468\u200d\u200d\U0001f469",
    ],
)
def test_a_joiner_outside_an_emoji_is_still_refused(typed: str) -> None:
    with pytest.raises(FieldRefused, match="control or invisible"):
        check_note(typed)


@pytest.mark.parametrize(
    "typed",
    [
        "Dewi\u3164",  # Hangul filler: a letter to Unicode, blank on screen
        "Dewi\u2800",  # Braille blank
        "De\u115fwi",
        "Dewi\uffa0",
    ],
)
def test_a_blank_that_unicode_calls_a_letter_is_refused_in_a_name(typed: str) -> None:
    # "Dewi" and "Dewiㅤ" (U+3164) were two cashiers the People page and the sign-in list showed
    # alike; the till's other fields already refuse what draws nothing.
    with pytest.raises(FieldRefused, match="control or invisible"):
        check_name(typed)


@pytest.mark.parametrize("check", [check_name, check_note], ids=["name", "note"])
def test_accents_stacked_past_any_language_s_are_refused(check: object) -> None:
    # "Dewi" with 30 acute accents on its i was stored: a mark of accents drawn up over the
    # line above it on the People page, the slip and History (the server's words keep 4).
    with pytest.raises(FieldRefused, match="accents stacked") as refused:
        check("Dewi" + "\u0301" * (MARKS_PER_LETTER + 1))  # type: ignore[operator]
    assert refused.value.said.id == "field.mark_stack"
    assert check("Nguy\u1ec5\u0300n Th\u1ecb")  # Vietnamese: at most two on a letter  # type: ignore[operator]


@pytest.mark.parametrize(
    "typed",
    [
        "D\u0435wi",  # a Cyrillic "е" in a Latin name
        "Ag\u03c5s",  # a Greek upsilon for the "u"
        "\U0001d403\U0001d41e\U0001d430\U0001d422",  # mathematical bold "Dewi"
        "\uff24\uff45\uff57\uff49",  # full-width "Dewi"
    ],
)
def test_a_name_that_reads_as_another_s_in_other_letters_is_refused(typed: str) -> None:
    # A second cashier "Dеwi" (its "е" Cyrillic) was added beside Dewi: the People page and the
    # sign-in list showed two Dewis nobody could tell apart (seen under Xvfb).
    with pytest.raises(FieldRefused, match="alphabets") as refused:
        check_name(typed)
    assert refused.value.said.id == "field.look_alike"


@pytest.mark.parametrize(
    "typed",
    ["Дмитрий", "Σοφία", "王小明", "Kenji 山田", "メアリー", "Lee 이민호", "ꦱꦿꦶ", "Hana Ali علي"],
)
def test_a_name_in_one_alphabet_or_latin_with_east_asian_letters_is_kept(typed: str) -> None:
    assert check_name(typed) == typed
