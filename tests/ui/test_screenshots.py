"""``python -m app.ui.screenshots`` renders every state at the till's size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from app.ui.screenshots import STATES, main


def test_every_state_is_rendered_at_1366_by_768(qapp, tmp_path: Path, capsys):
    assert main([str(tmp_path)]) == 0

    written = sorted(tmp_path.glob("*.png"))
    assert [path.stem for path in written] == sorted(STATES)
    for path in written:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1366, 768), path.name
    assert capsys.readouterr().out.count(".png") == len(STATES)


def test_usage(capsys):
    assert main([]) == 2
    assert "usage" in capsys.readouterr().err
