"""Every word the core says is a message id with its English template, and every place that says
one gives exactly the template's fields: the catalogue a translation is built on is whole."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from app.core.messages import (
    SINGULAR,
    TEMPLATES,
    Explained,
    Message,
    english,
    fields_of,
    recorded_what,
    say,
)
from app.core.offline.policy import PolicyDecision, Refusal
from app.core.services.receipts import Verdict

APP = Path(__file__).resolve().parents[3] / "app"


@pytest.mark.parametrize("message_id", sorted(TEMPLATES))
def test_each_template_fills_in_its_own_fields(message_id: str) -> None:
    params = {name: f"<{name}>" for name in fields_of(TEMPLATES[message_id])}
    text = english(Message(message_id, params))
    assert "{" not in text and "}" not in text
    assert all(f"<{name}>" in text for name in params)


def test_a_message_with_the_wrong_fields_or_an_unknown_id_fails_where_it_is_made() -> None:
    with pytest.raises(ValueError, match="takes"):
        say("policy.not_enough_stamps", cost=20)
    with pytest.raises(KeyError):
        say("no.such.message")


def _calls_saying_a_message() -> list[tuple[str, str, set[str]]]:
    """Every ``say("id", k=…)`` and ``invalid("id", k=…)`` of the till with a literal id (the
    sandbox, a server of its own, has words of its own)."""
    found = []
    for path in sorted(APP.rglob("*.py")):
        if "sandbox" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            first = node.args[0]
            if name not in ("say", "invalid") or not isinstance(first, ast.Constant):
                continue
            keywords = {k.arg for k in node.keywords if k.arg is not None}
            where = f"{path.relative_to(APP)}:{node.lineno}"
            found.append((where, str(first.value), keywords))
    return found


@pytest.mark.parametrize(
    ("where", "message_id", "keywords"),
    _calls_saying_a_message(),
    # sorted: a set's order changes from one process to the next, and pytest-xdist's workers must
    # collect the same test ids
    ids=lambda v: ",".join(sorted(v)) if isinstance(v, set) else str(v),
)
def test_every_message_the_app_says_has_a_template_taking_what_it_is_given(
    where: str, message_id: str, keywords: set[str]
) -> None:
    assert message_id in TEMPLATES, where
    assert fields_of(TEMPLATES[message_id]) == keywords, where


@pytest.mark.parametrize("refusal", list(Refusal))
def test_every_refusal_of_the_offline_policy_has_its_words(refusal: Refusal) -> None:
    template = TEMPLATES[f"policy.{refusal.value}"]
    decision = PolicyDecision.refuse(refusal, **{name: "1" for name in fields_of(template)})
    assert decision.reason is not None and str(decision.reason)


@pytest.mark.parametrize("verdict", list(Verdict))
def test_every_verdict_has_a_headline_and_what_to_do(verdict: Verdict) -> None:
    assert say(f"receipt.{verdict.value}") and say(f"receipt.{verdict.value}.todo")


def test_an_explained_error_logs_in_english_and_carries_its_message() -> None:
    error = Explained(say("member.not_found", query="KR9"))
    assert str(error) == "No member matches “KR9”. Check it, or search by name."
    assert error.message.id == "member.not_found"


@pytest.mark.parametrize(
    ("message", "said"),
    [
        (
            say("staff.wrong_pin", name="Sari", left=1, minutes=5),
            "Wrong PIN for Sari: 1 more wrong PIN locks the account for 5 minutes.",
        ),
        (
            say("staff.wrong_pin", name="Sari", left=3, minutes=5),
            "Wrong PIN for Sari: 3 more wrong PINs lock the account for 5 minutes.",
        ),
        (
            say("staff.locked", name="Sari", count=5, minutes=1),
            "Sari is locked after 5 wrong PINs; try again in 1 minute.",
        ),
        (
            say("staff.locked", name="Sari", count=5, minutes=4),
            "Sari is locked after 5 wrong PINs; try again in 4 minutes.",
        ),
        (
            say("exception.not_found", lines=1, since="1 Dec 13.10"),
            "Not in the member's activity: 1 line read since 1 Dec 13.10.",
        ),
        (
            say("exception.not_found", lines=0, since="1 Dec 13.10"),
            "Not in the member's activity: 0 lines read since 1 Dec 13.10.",
        ),
        # a confirmed redemption's receipt, when the member has one stamp left
        (say("receipt.stamps_left", stamps=1), "1 stamp left."),
        (say("receipt.stamps_left", stamps=0), "0 stamps left."),
        (
            say("receipt.stamps_left_also_said", stamps=1, said="voucher 88 used"),
            "1 stamp left. The Stamps server also said: voucher 88 used",
        ),
        # the offline limits are a store's settings: one may be 1
        (
            say("policy.too_costly_offline", limit=1, cost=5),
            "Offline, one redemption may cost at most 1 stamp; this costs 5.",
        ),
        (
            say("policy.outage_stamps_cap", total=1, limit=0),
            "This would take offline redemptions to 1 stamp in this outage; the limit is 0.",
        ),
        (
            say("policy.outage_count_cap", count=1),
            "This till has accepted 1 redemption offline, the most allowed in one outage. A "
            "manager can raise the limit.",
        ),
    ],
    ids=lambda v: f"{v.id}:{dict(v.params)}" if isinstance(v, Message) else "",
)
def test_a_count_of_one_is_said_in_the_singular(message: Message, said: str) -> None:
    assert english(message) == said


def test_no_template_hedges_a_count_with_s_in_brackets() -> None:
    # "1 reward(s)": English has a word for one and a word for more.
    hedged = [t for t in (*TEMPLATES.values(), *(s for _, s in SINGULAR.values())) if "(s)" in t]
    assert hedged == []


@pytest.mark.parametrize("message_id", sorted(SINGULAR))
def test_a_singular_form_takes_the_fields_of_its_message(message_id: str) -> None:
    count, template = SINGULAR[message_id]
    assert fields_of(template) == fields_of(TEMPLATES[message_id])
    assert count in fields_of(template)


@pytest.mark.parametrize(
    "message",
    [
        say("what.promo", code="NGOPIPAGI"),
        say("what.code", code="RINDANG-100K-7H2K"),
        say("what.code_named", code="RINDANG-100K-7H2K", name="Diskon Rp 100.000"),
        say("what.deduct", value="Rp 25.000", name="Saldo Hadiah Rindang"),
        say("what.whole_balance", name="Saldo Hadiah Rindang"),
        say("what.voucher", name="Voucher Diskon Rp 25.000"),
        say("what.reward_voucher", name="Voucher Diskon Rp 25.000"),
        say("what.rewards_voucher", qty="2", name="Voucher Diskon Rp 25.000"),
        say("what.kiosk_pin"),
        say("what.kiosk_identify"),
    ],
)
def test_what_a_redemption_was_is_read_back_from_its_english_as_its_message(
    message: Message,
) -> None:
    # The database keeps the English; a screen in Indonesian needs the message to say it.
    assert recorded_what(english(message)) == message


@pytest.mark.parametrize(
    "text", ["Es Kopi Susu Gula Aren", "2 × Croissant Mentega", "Kopi from Bali", "Promo code"]
)
def test_a_rewards_name_is_read_back_as_it_is(text: str) -> None:
    assert recorded_what(text) == say("what.reward", name=text)
