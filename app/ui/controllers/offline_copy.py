"""The note under a tab whose list is the till's copy, not the server's (offline): what the list
is, and as of when. The Rewards tab and the Vouchers tab say it alike."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from PySide6.QtCore import QCoreApplication

from app.ui.dates import moment_text


def offline_copy_note(of: Literal["rewards", "vouchers"], as_of: datetime) -> str:
    """ "Offline copy of …, as of …": ``of`` the store's rewards or the member's vouchers, read
    from the server at ``as_of``. Whole sentences for the translator, not one with a blank."""
    if of == "rewards":
        text = QCoreApplication.translate(
            "OfflineCopy", "Offline copy of the rewards, as of {time}."
        )
    else:
        text = QCoreApplication.translate(
            "OfflineCopy", "Offline copy of this member's vouchers, as of {time}."
        )
    return text.format(time=moment_text(as_of))
