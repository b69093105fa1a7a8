"""The translations in git are whole and current: every source text of the window (its ``tr()``
calls, the core's message templates, the Qt strings it shows) has an entry in each ``.ts``, with a
finished, non-empty translation whose placeholders are the source's; ``make translations`` keeps
what is translated, brings new texts in and drops gone ones; the compiled ``.qm`` translates.

A failure names each text: a new string added without ``make translations``, or left
untranslated, is listed by its context and source.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from app.core.messages import CONTEXT, SINGULAR, TEMPLATES

from ..support.languages import TS_FILES, entries, translation_tool

translations = translation_tool()


def _named(keys: Iterable[tuple[str, str, str]]) -> str:
    return "\n".join(f"  [{c}] {s!r}" + (f" ({d})" if d else "") for c, s, d in sorted(keys))


def placeholders(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The ``{name}`` fields (the window's) and ``%1`` arguments (Qt's) ``text`` fills in."""
    fields = frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)
    return fields, frozenset(re.findall(r"%\d", text))


@pytest.fixture(params=TS_FILES, ids=lambda path: path.stem)
def ts_file(request: pytest.FixtureRequest) -> Path:
    return Path(request.param)


def test_there_is_an_indonesian_translation() -> None:
    assert [path.name for path in TS_FILES] == ["stamps_pos_id.ts"]


def test_the_ts_holds_every_source_text_and_no_other(ts_file: Path, tmp_path: Path) -> None:
    refreshed = tmp_path / ts_file.name
    refreshed.write_bytes(ts_file.read_bytes())
    translations.update(refreshed, generated=tmp_path / "sources.py")

    committed, current = entries(ts_file), entries(refreshed)
    new, gone = current.keys() - committed.keys(), committed.keys() - current.keys()
    assert not new, (
        f"not in {ts_file.name} (run `make translations`, then translate):\n{_named(new)}"
    )
    assert not gone, f"in {ts_file.name} but no longer in the source:\n{_named(gone)}"


def test_every_entry_is_translated_with_the_sources_placeholders(ts_file: Path) -> None:
    untranslated, mismatched = [], []
    for key, message in entries(ts_file).items():
        translation = message.find("translation")
        if translation is None or translation.get("type"):
            untranslated.append(key)
            continue
        # A count's words ("%n", tr(text, "", n)) are held in one form per plural of the
        # language, each to be translated; any other message's in the translation itself.
        forms = [form.text for form in translation.findall("numerusform")]
        texts = forms if message.get("numerus") == "yes" else [translation.text]
        if not texts or not all((text or "").strip() for text in texts):
            untranslated.append(key)
            continue
        for text in texts:
            assert text is not None
            try:
                same = placeholders(text) == placeholders(key[1])
            except ValueError:  # a stray brace: str.format would fail on it
                same = False
            if not same:
                mismatched.append((*key[:2], f"translated {text!r}"))
    assert not untranslated, f"untranslated or unfinished:\n{_named(untranslated)}"
    assert not mismatched, f"placeholders differ from the source's:\n{_named(mismatched)}"


def test_every_context_is_one_qt_looks_words_up_in(ts_file: Path) -> None:
    # lupdate names a context after the class a tr() call is written in, or after the object it
    # is called on ("view.tr(...)" gives "view"); Qt looks the words up in the class of the object
    # at run time, so such an entry is never found and the window stays English.
    contexts = {context for context, _, _ in entries(ts_file)}
    wrong = sorted(c for c in contexts if c != CONTEXT and not re.fullmatch(r"[A-Z]\w*", c))
    assert not wrong, (
        f"contexts Qt never looks up (call tr() on self, or QCoreApplication.translate with a "
        f"class's name): {wrong}"
    )


def test_every_message_of_the_core_is_in_the_ts(ts_file: Path) -> None:
    found = entries(ts_file)
    every = [*TEMPLATES.items(), *((i, singular) for i, (_, singular) in SINGULAR.items())]
    missing = {
        (CONTEXT, template, message_id)
        for message_id, template in every
        if (CONTEXT, template, message_id) not in found
    }
    assert not missing, f"messages without an entry:\n{_named(missing)}"


def test_no_text_hedges_a_count_with_s_in_brackets(ts_file: Path) -> None:
    # "1 reward(s)": English says "1 reward" and "2 rewards" (a unit, "Read timeout (s)", is
    # seconds, not a plural).
    hedged = {key for key in entries(ts_file) if re.search(r"\w\(s\)", key[1])}
    assert not hedged, f"counts with (s):\n{_named(hedged)}"


def test_the_stamps_dashboard_has_one_name_in_indonesian() -> None:
    # Under X: "Send again" sent the manager to the member's activity "di dasbor Stamps", and
    # "Mark applied" beside it to "dashboard Stamps", the word the 26 other texts use: two
    # places, to a manager told to look in one.
    (indonesian,) = TS_FILES
    other = {
        key
        for key, message in entries(indonesian).items()
        if "dashboard" in key[1] and "dasbor" in (message.findtext("translation") or "")
    }
    assert not other, f"the dashboard called 'dasbor':\n{_named(other)}"


def test_paused_is_said_one_way_in_indonesian() -> None:
    # Under X: the kiosk, offline, told the customer "Penukaran sedang dihentikan" (stopped),
    # twice over, where every other pause of the till is "dijeda": a pause is for a while.
    (indonesian,) = TS_FILES
    other = {
        key
        for key, message in entries(indonesian).items()
        if "paused" in key[1] and "dijeda" not in (message.findtext("translation") or "")
    }
    assert not other, f"'paused' not said 'dijeda':\n{_named(other)}"


def test_settings_in_manager_mode_is_named_one_way_in_indonesian() -> None:
    # Under X: the banner of a refused token sent the manager to "Pengaturan mode manajer",
    # and the note under it to "Pengaturan di mode manajer", the words of the other texts.
    (indonesian,) = TS_FILES
    other = {
        key
        for key, message in entries(indonesian).items()
        if "Settings in manager mode" in key[1]
        and "Pengaturan di mode manajer" not in (message.findtext("translation") or "")
    }
    assert not other, f"'Settings in manager mode' said otherwise:\n{_named(other)}"


def test_make_translations_keeps_what_is_translated(tmp_path: Path) -> None:
    sources = tmp_path / "ui"
    sources.mkdir()
    (sources / "panel.py").write_text(
        "from PySide6.QtWidgets import QWidget\n\n\n"
        "class Panel(QWidget):\n"
        "    def words(self) -> list[str]:\n"
        '        return [self.tr("Keep me"), self.tr("New text")]\n',
        encoding="utf-8",
    )
    ts = tmp_path / "stamps_pos_id.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="id" sourcelanguage="en">\n<context>\n'
        "    <name>Panel</name>\n"
        "    <message><source>Keep me</source><translation>Simpan saya</translation></message>\n"
        "    <message><source>Gone</source><translation>Hilang</translation></message>\n"
        "</context>\n</TS>\n",
        encoding="utf-8",
    )

    translations.update(ts, window_sources=sources, generated=tmp_path / "sources.py")

    found = entries(ts)
    kept = found[("Panel", "Keep me", "")].find("translation")
    assert kept is not None and kept.text == "Simpan saya" and not kept.get("type")
    new = found[("Panel", "New text", "")].find("translation")
    assert new is not None and new.get("type") == "unfinished"
    assert ("Panel", "Gone", "") not in found
    blocked = ("messages", TEMPLATES["policy.member_blocked"], "policy.member_blocked")
    assert blocked in found
    assert ("QPlatformTheme", "Cancel", "") in found


def test_the_compiled_translation_speaks_indonesian(ts_file: Path, tmp_path: Path) -> None:
    qm = tmp_path / ts_file.with_suffix(".qm").name
    translations.build(ts_file, qm)
    translator = QTranslator()
    assert translator.load(str(qm))

    blocked = TEMPLATES["policy.member_blocked"]
    assert translator.translate(CONTEXT, blocked, "policy.member_blocked") == (
        "Member ini diblokir. Minta member menghubungi toko."
    )
    assert translator.translate("QPlatformTheme", "Cancel") == "Batal"
    assert translator.translate("SyncStatusBar", "Check again") == "Periksa lagi"


def test_a_rebuilt_translation_leaves_a_running_window_its_words(
    ts_file: Path, tmp_path: Path
) -> None:
    # A kiosk ran in Indonesian while `make qm` rebuilt the file with one more message: its
    # translator, which maps the file it loaded, read the new bytes at the old places, and every
    # word looked up afterwards came out English ("Please ask at the counter" over the buttons'
    # "Selesai", "Hi, Ayu!"; seen under Xvfb). The build now puts a new file in its place, so the
    # one mapped stays as it was until the window starts again.
    qm = tmp_path / ts_file.with_suffix(".qm").name
    translations.build(ts_file, qm)
    translator = QTranslator()
    assert translator.load(str(qm))
    empty = TEMPLATES["field.empty"]
    assert translator.translate(CONTEXT, empty, "field.empty") == "Ini tidak boleh kosong."
    text = ts_file.read_text(encoding="utf-8")
    first = text.index("<message>")
    shorter = tmp_path / "shorter.ts"  # one message fewer: every other one moves
    shorter.write_text(text[:first] + text[text.index("</message>", first) + 10 :], "utf-8")
    translations.build(shorter, qm)
    assert translator.translate(CONTEXT, empty, "field.empty") == "Ini tidak boleh kosong."
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([qm.name, shorter.name])
