"""The page a till that cannot start shows: its words in each language, the settings' own words
for what they refuse, where the settings file is, what to run, and a Close that closes."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

import app.ui.cannot_start
from app.cli import main
from app.cli.common import Stop, settings_and_token
from app.config import ConfigError, load_settings
from app.core.services import english as english_words
from app.core.services import say
from app.ui.cannot_start import CannotStartPage, StartRefusal, show_cannot_start

from ..support.cannot_start import PageReader
from ..support.languages import speaking


def refused_settings(tmp_path: Path) -> tuple[StartRefusal, Path]:
    config = tmp_path / "settings.toml"
    config.write_text('merchant = "abc"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(config)
    doctor = f"stamps-pos --config {config} doctor"
    return StartRefusal(str(caught.value), config, doctor, caught.value.refused), config


def test_refused_settings_are_named_in_the_settings_own_words(qtbot: QtBot, tmp_path: Path) -> None:
    refusal, config = refused_settings(tmp_path)
    page = CannotStartPage(refusal)
    qtbot.addWidget(page)
    assert page.shown_text() == "\n".join(
        [
            "Stamps POS cannot start",
            "These settings are missing or refused:",
            "merchant: Type a whole number, in the digits 0–9 only (at most 19 of them).\n"
            "store: This setting is required.",
            f"Settings file: {config}",
            "Fix this, then start Stamps POS again. To check the settings, the API token and the "
            f"data folder, run in a terminal: stamps-pos --config {config} doctor",
            "Close",
        ]
    )
    assert page.windowTitle() == "Stamps POS cannot start"


@pytest.mark.parametrize(("language", "line"), [("en", "line 2"), ("id", "baris 2")])
def test_a_setting_stderr_names_by_its_line_is_named_by_file_and_line_on_the_page(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str, line: str
) -> None:
    # stderr said "setting 'merchant' (bad.toml, line 2)"; the page said "merchant: …" alone,
    # and the manager searched the file for the quotes it means.
    config = tmp_path / "bad.toml"
    config.write_text('store = 33\nmerchant = "14"\n', encoding="utf-8")
    shown: list[StartRefusal] = []
    monkeypatch.setattr(
        app.ui.cannot_start, "show_cannot_start", lambda refusal, **kwargs: shown.append(refusal)
    )
    assert main(["--config", str(config), "gui"]) == 2
    [refusal] = shown
    with speaking(language):
        page = CannotStartPage(refusal)
        qtbot.addWidget(page)
        assert page.reason.text().startswith(f"merchant ({config}, {line}): ")
        assert "merchant = 14" in page.reason.text()


def test_in_indonesian_the_page_and_the_settings_words_are_indonesian(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with speaking("id"):
        refusal, config = refused_settings(tmp_path)
        page = CannotStartPage(refusal)
        qtbot.addWidget(page)
        assert page.title.text() == "Stamps POS tidak dapat dimulai"
        assert page.reason.text() == (
            "merchant: Ketik bilangan bulat, hanya dengan angka 0–9 (paling banyak 19 angka).\n"
            "store: Pengaturan ini wajib diisi."
        )
        assert page.settings_file.text() == f"Berkas pengaturan: {config}"
        assert f"stamps-pos --config {config} doctor" in page.doctor.text()
        assert page.close_button.text() == "Tutup"


@pytest.mark.parametrize("language", ["en", "id"])
def test_no_word_of_the_page_is_left_in_english_when_translated(
    qtbot: QtBot, tmp_path: Path, language: str
) -> None:
    said = say("start.no_token", variable="STAMPS_POS_TOKEN")
    refusal = StartRefusal(english_words(said), tmp_path / "none.toml", said=said)
    english = CannotStartPage(refusal)
    qtbot.addWidget(english)
    with speaking(language):
        page = CannotStartPage(refusal)
        qtbot.addWidget(page)
        pairs = zip(english.shown_text().splitlines(), page.shown_text().splitlines(), strict=True)
    for source, shown in pairs:
        assert (shown != source) == (language != "en"), shown
    if language == "id":  # the fix itself, as the manager types it, is the same
        assert "STAMPS_POS_TOKEN" in page.reason.text()
        assert "`stamps-pos token set`" in page.reason.text()


def test_a_reason_no_message_says_is_shown_as_the_command_line_says_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with speaking("id"):
        page = CannotStartPage(StartRefusal("a reason of its own", tmp_path / "none.toml"))
        qtbot.addWidget(page)
        assert page.reason.text() == "a reason of its own"
        assert page.lead.text() == "Mesin kasir berhenti sebelum terbuka:"


def test_a_reason_that_is_not_a_setting_is_the_command_lines_words_line_by_line(
    qtbot: QtBot, tmp_path: Path
) -> None:
    missing = tmp_path / "none.toml"
    refusal = StartRefusal(
        "The till's database /data/stamps-pos.db was written by a newer version\n"
        "Install that version again.",
        missing,
    )
    page = CannotStartPage(refusal)
    qtbot.addWidget(page)
    assert page.lead.text() == "The till stopped before it opened:"
    assert page.reason.text() == (
        "The till's database /data/stamps-pos.db was written by a newer version\n"
        "Install that version again."
    )
    assert page.settings_file.text() == (f"Settings file: {missing} (there is no file there yet)")
    assert page.doctor.text().endswith("run in a terminal: stamps-pos doctor")


@pytest.mark.parametrize(
    ("message_id", "step"),
    [
        ("start.second_window", "Another Stamps POS window already has this till open"),
        ("start.second_kiosk", "Another Stamps POS kiosk already has this till open"),
    ],
)
def test_a_till_another_window_holds_points_to_that_window_not_to_doctor(
    qtbot: QtBot, tmp_path: Path, message_id: str, step: str
) -> None:
    # The page for a second window said to run `stamps-pos doctor`, which finds nothing wrong.
    said = say(message_id, folder=str(tmp_path))
    page = CannotStartPage(StartRefusal(english_words(said), tmp_path / "none.toml", said=said))
    qtbot.addWidget(page)
    assert page.doctor.text().startswith(step)
    assert "doctor" not in page.shown_text()


@pytest.mark.parametrize("kiosk", [False, True])
def test_the_page_shows_over_what_the_start_left_and_its_close_ends_it(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, kiosk: bool
) -> None:
    # A kiosk view that refuses to close stood for the locked kiosk: it must not cover the page.
    left = QWidget()
    qtbot.addWidget(left)
    left.show()
    reader = PageReader()
    qapp.installEventFilter(reader)
    try:
        show_cannot_start(
            StartRefusal("no API token", tmp_path / "none.toml"), language=None, kiosk=kiosk
        )
    finally:
        qapp.removeEventFilter(reader)
    # It returned: the reader's click on Close ended it.
    [page] = reader.pages
    assert page["full_screen"] is kiosk
    assert page["other_windows"] == []
    assert not left.isVisible()


def test_ctrl_c_is_not_swallowed_while_the_page_waits(qtbot: QtBot, tmp_path: Path) -> None:
    import signal

    seen: list[object] = []

    def look() -> None:
        seen.append(signal.getsignal(signal.SIGINT))
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, CannotStartPage):
                widget.close_button.click()

    before = signal.getsignal(signal.SIGINT)
    QTimer.singleShot(0, look)
    show_cannot_start(StartRefusal("no API token", tmp_path / "none.toml"))
    assert seen == [signal.SIG_DFL]  # Ctrl-C ends the page (nothing of the till to clean up)
    assert signal.getsignal(signal.SIGINT) is before


def _token_file_of_two_lines(folder: Path) -> None:
    (folder / "token").write_text("first-token\nsecond-token\n", encoding="ascii")


def _unsendable_token_file(folder: Path) -> None:
    (folder / "token").write_bytes(b"caf\xe9\n")


def _unreadable_token_file(folder: Path) -> None:
    (folder / "token").symlink_to(folder / "token")  # a loop: cannot be opened, even as root


@pytest.mark.parametrize(
    ("make", "english", "indonesian"),
    [
        (
            _token_file_of_two_lines,
            "cannot be sent: it holds more than one line",
            "lebih dari satu baris",
        ),
        (
            _unsendable_token_file,
            "holds characters that cannot be sent",
            "karakter yang tidak dapat dikirim",
        ),
        (_unreadable_token_file, "cannot be read: Too many levels", "tidak dapat dibaca"),
    ],
)
def test_a_token_the_start_cannot_use_is_said_in_the_windows_language(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make: Callable[[Path], None],
    english: str,
    indonesian: str,
) -> None:
    # It stayed English on an Indonesian page, where every other reason is translated. stderr's
    # line (the Stop's message) is as it was, and neither says the token.
    monkeypatch.delenv("STAMPS_POS_TOKEN", raising=False)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    config = tmp_path / "settings.toml"
    config.write_text(
        f'merchant = 1\nstore = 7\ndata_dir = "{tmp_path / "data"}"\n', encoding="utf-8"
    )
    make(tmp_path)
    with pytest.raises(Stop) as stopped:
        settings_and_token(argparse.Namespace(config=str(config)))
    stop = stopped.value
    assert english in stop.message and stop.message.startswith(("the token in", "token file"))
    assert stop.said is not None and english_words(stop.said) == stop.message
    refusal = StartRefusal(stop.message, config, said=stop.said)
    with speaking("id"):
        page = CannotStartPage(refusal)
        qtbot.addWidget(page)
        assert indonesian in page.reason.text()
        assert str(tmp_path / "token") in page.reason.text()
        assert "first-token" not in page.shown_text() and "second-token" not in page.shown_text()


@pytest.mark.parametrize(
    ("text", "indonesian"),
    [
        (
            "merchant = 14\nmerchant = = 14\n",
            "bukan TOML yang sah di baris 2, kolom 12: Nilai tidak sah",
        ),
        ("merchant = [\n", "bukan TOML yang sah di bagian akhirnya: Nilai tidak sah"),
        ('merchant = "14\n', "di baris 1, kolom 15: Karakter '\\n' tidak diizinkan"),
    ],
    ids=["at-a-line", "at-the-end", "with-a-character"],
)
def test_a_settings_file_that_is_not_toml_is_said_where_in_the_window_s_language(
    qtbot: QtBot, tmp_path: Path, text: str, indonesian: str
) -> None:
    # The page said "… bukan TOML yang sah: Invalid value (at line 2, column 12)": tomllib's
    # English, position and all, on an Indonesian page.
    config = tmp_path / "settings.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(config)
    refusal = StartRefusal(str(caught.value), config, said=caught.value.said)
    with speaking("id"):
        page = CannotStartPage(refusal)
        qtbot.addWidget(page)
        assert indonesian in page.reason.text()
        assert "line" not in page.reason.text() and "Invalid" not in page.reason.text()
