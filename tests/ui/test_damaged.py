"""The damaged database's page: what it still holds, counted as a manager reads it."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.ui.damaged import DamagedDatabaseView


@pytest.mark.parametrize(
    ("entries", "said"),
    [
        (1, "It still holds 1 queued, sending or unknown redemption. Once it is set aside, add it"),
        (3, "It still holds 3 queued, sending or unknown redemptions. Once it is set aside, add"),
    ],
)
def test_the_redemptions_it_still_holds_are_counted(qtbot: QtBot, entries: int, said: str) -> None:
    page = DamagedDatabaseView()
    qtbot.addWidget(page)
    lines = [f"entry {n}" for n in range(entries)]
    page.set_damage("/data/stamps-pos.db", "page 7 is damaged", lines, True, ask_manager=True)
    assert page.entries_title.text().startswith(said)
