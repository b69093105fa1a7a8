"""``python -m app.ui.screenshots`` renders every state at the till's size, in English or, with
``SCREENSHOT_LANG=id``, in Bahasa Indonesia."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from app.ui import language
from app.ui.screenshots import LANGUAGE_ENV, STATES, main

from ..support.languages import speaking


def test_every_state_is_rendered_at_1366_by_768(
    qapp, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.delenv(LANGUAGE_ENV, raising=False)
    assert main([str(tmp_path)]) == 0

    written = sorted(tmp_path.glob("*.png"))
    assert [path.stem for path in written] == sorted(STATES)
    for path in written:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1366, 768), path.name
    assert capsys.readouterr().out.count(".png") == len(STATES)
    assert language.current() == "en"


def test_screenshot_lang_id_renders_them_in_indonesian(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    with speaking("id"):  # its .qm built, as make builds it first
        pass
    monkeypatch.setenv(LANGUAGE_ENV, "id")
    try:
        assert main([str(tmp_path)]) == 0
        assert language.current() == "id"
    finally:
        language.install("en")

    assert {path.stem for path in tmp_path.glob("*.png")} == set(STATES)


def test_usage(capsys, monkeypatch: pytest.MonkeyPatch):
    assert main([]) == 2
    assert "usage" in capsys.readouterr().err
    monkeypatch.setenv(LANGUAGE_ENV, "fr")
    assert main(["out"]) == 2
    assert "SCREENSHOT_LANG must be en or id, not 'fr'" in capsys.readouterr().err
