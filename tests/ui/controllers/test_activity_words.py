"""What reconciliation read in a member's activity, as the audit log's table says it."""

from __future__ import annotations

from typing import Any

import pytest

from app.ui.controllers.activity_words import feed_line_text

from ...support.languages import speaking

CROISSANT: dict[str, Any] = {"name": "Croissant Mentega", "stamps": 15, "redemption_id": None}


@pytest.mark.parametrize(
    ("said", "language", "words"),
    [
        ({"line_status": "cancelled", "status": 2}, "en", "cancelled on the Stamps server since"),
        ({"line_status": "unread", "status": 3}, "en", "a status the till does not know (3)"),
        ({"line_status": "unread", "status": None}, "en", "with no status"),
        ({"line_status": "cancelled", "status": 2}, "id", "server Stamps"),
        # recorded before the till kept what the line said: it read as one that stands
        ({}, "en", "its status not kept (found before this till kept it)"),
        ({}, "id", "statusnya tidak tersimpan"),
    ],
)
def test_a_feed_line_says_what_it_said_of_the_redemption(
    qapp: object, said: dict[str, Any], language: str, words: str
) -> None:
    # The audit log's "found in the member's activity" read the same of a redemption the
    # server had cancelled since as of one that stands.
    with speaking(language):
        text = feed_line_text({**CROISSANT, **said})
    assert text.startswith("Croissant Mentega")
    assert words in text


def test_a_feed_line_that_stands_says_nothing_more(qapp: object) -> None:
    stands = feed_line_text({**CROISSANT, "line_status": "stands", "status": 1})
    not_kept = feed_line_text(CROISSANT)
    assert not_kept.startswith(stands) and not_kept != stands
