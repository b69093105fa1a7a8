"""Reading a member from the server's answer (app/core/services/members.py)."""

from __future__ import annotations

from typing import Any

import pytest

from app.core.messages import english
from app.core.services.members import (
    LookupRefused,
    MemberNotFound,
    card_only,
    level_number,
    level_words,
    member_from_details,
    member_query,
    not_found,
)
from app.core.stamps.models import MemberDetailsResponse


def details(user_id: Any) -> MemberDetailsResponse:
    return MemberDetailsResponse.model_validate(
        {
            "membership": {"stamps": 250, "is_blocked": False},
            "user": {"id": user_id, "name": "Ayu", "email": "ayu@x.co"},
        }
    )


@pytest.mark.parametrize("user_id", [6, "6"])
def test_the_server_s_id_is_the_member_s_lane(user_id: Any) -> None:
    member = member_from_details("ayu@x.co", details(user_id))
    assert member.server_id == "6"
    assert member.lane == "member:6"


@pytest.mark.parametrize("user_id", [None, "", "   "])
def test_an_answer_without_a_usable_id_finds_nobody(user_id: Any) -> None:
    # A blank id would be every such member's lane and cache row: one member's redemptions
    # queued behind another's, and one's new balance read as the other's.
    with pytest.raises(MemberNotFound):
        member_from_details("ayu@x.co", details(user_id))


@pytest.mark.parametrize("name", ["   ", "\u3000\u2003", "\t \u00a0"])
def test_a_name_of_only_spaces_is_no_name(name: str) -> None:
    # A member the server named "   " showed as nobody: a blank name on the member card, the
    # slip and the history, where the email would have said who it was.
    answer = MemberDetailsResponse.model_validate(
        {
            "membership": {"stamps": 250},
            "user": {"id": 6, "name": name, "email": " ", "phone": "+6281210000006"},
        }
    )
    member = member_from_details("KR24000006", answer)
    assert member.name == "+6281210000006"
    assert member.email is None


def _membership(**fields: Any) -> MemberDetailsResponse:
    return MemberDetailsResponse.model_validate(
        {"membership": {"stamps": 250, **fields}, "user": {"id": 6, "email": "ayu@x.co"}}
    )


@pytest.mark.parametrize(
    ("membership", "said", "number"),
    [
        ({"level": 100, "level_text": "Blue"}, "Blue", None),
        # customer_api §12: ``level`` is the level's number; without its name, the number
        ({"level": 2}, "Level 2", 2),
        ({"level": 0}, "Level 0", 0),
        # the redemption examples carry the level as ``status`` (number) and ``status_text``
        ({"status": 100, "status_text": "Blue"}, "Blue", None),
        ({"status": 200}, "Level 200", 200),
        # "Active" is the member's standing, not a level
        ({"status": "Active"}, None, None),
        ({}, None, None),
    ],
)
def test_a_level_reads_by_its_name_else_by_its_number(
    membership: dict[str, Any], said: str | None, number: int | None
) -> None:
    member = member_from_details("ayu@x.co", _membership(**membership))
    words = level_words(member)
    assert (english(words) if words else None) == said
    assert level_number(member) == number  # what `member find --json` gives a script


@pytest.mark.parametrize(
    "name",
    ["Ayu 👩\u200d💻", "Putri 👨\u200d👩\u200d👧"],
    ids=["emoji with a joiner", "family emoji"],
)
def test_a_name_the_server_gave_is_searched_as_shown(name: str) -> None:
    # The search field shows the member found by name; Enter looks them up again by it. A
    # joiner inside an emoji was refused as an invisible character, with
    # the member still on screen.
    assert member_query(name) == name


def test_a_joiner_on_its_own_is_still_refused() -> None:
    with pytest.raises(MemberNotFound) as refused:
        member_query("Ayu\u200dPratiwi")
    assert "U+200D" in english(refused.value.message)


@pytest.mark.parametrize(
    ("fields", "refused_over_settings"),
    [
        ({"__all__": "User not found"}, False),  # the docs' own
        ({"user": "User not found"}, False),
        ({"detail": "__all__: User not found"}, False),
        ({"non_field_errors": "Invalid data"}, False),
        ({"merchant": "Merchant not found"}, True),
        ({"store": "Store 33 not found"}, True),
    ],
)
def test_a_lookup_refused_over_a_field_other_than_the_member_is_the_tills_settings(
    fields: dict[str, str], refused_over_settings: bool
) -> None:
    said = not_found("KR24000006", next(iter(fields.values())), fields)
    assert isinstance(said, LookupRefused) is refused_over_settings
    text = english(said.message)
    assert ("No member matches" in text) is not refused_over_settings
    key = next(iter(fields))
    assert f"{key}:" not in text or not refused_over_settings  # the API's key is no word


@pytest.mark.parametrize(
    ("member_ids", "card", "scanned", "only_a_card"),
    [
        (["KR24000006"], "70140000000006", "7014-0000-0000-06", True),  # as a scanner types it
        (["KR24000006"], "A5MHG", "a5mhg", True),
        (["KR24000006"], "70140000000006", "kr24000006", False),  # details take a Member ID
        (["A5MHG"], "A5MHG", "A5MHG", False),  # a card that is their Member ID too
        (["KR24000006"], None, "70140000000006", False),
        (["KR24000006"], "70140000000006", "70140000000007", False),
    ],
)
def test_a_card_s_number_is_told_from_a_member_id_details_take_as_it_is(
    member_ids: list[str], card: str | None, scanned: str, only_a_card: bool
) -> None:
    answer = MemberDetailsResponse.model_validate(
        {
            "membership": {"stamps": 250, "primary_card": {"number": card} if card else None},
            "user": {"id": 6, "name": "Ayu", "member_ids": member_ids},
        }
    )
    assert card_only(member_from_details("ayu@x.co", answer), scanned) is only_a_card
