"""What a cashier types that no one could have meant (a hidden character, a value too long) is
refused by the till before anything is queued or sent, and the shift's record keeps the refusal
without the hidden character."""

from __future__ import annotations

import contextlib
import csv
import re
from pathlib import Path

import pytest

from app.core.messages import say
from app.core.services.codes import CodeRefused
from app.core.services.members import MemberNotFound
from app.core.services.till import Sale, Till

from ....support.sandbox import SandboxControl

pytestmark = pytest.mark.integration

AYU = "customer@stamps.co.id"


@pytest.mark.parametrize(
    ("invoice", "reason"),
    [
        ("INV\u202e1", "invisible or control character (U+202E)"),
        ("INV-" + "9" * 61, "longer than 64 characters"),
    ],
)
async def test_an_invoice_number_with_a_hidden_character_or_too_long_queues_nothing(
    till: Till, sandbox: SandboxControl, invoice: str, reason: str
) -> None:
    member = await till.lookup.find_member(AYU)
    order = await till.catalogue.reward_order(member, 1)
    with pytest.raises(CodeRefused, match=r"^The invoice number .*" + re.escape(reason)):
        await till.redeemer.redeem(order, member, Sale("Dewi", invoice_number=invoice))
    assert await till.outbox.entries() == []
    assert sandbox.ledger() == []


async def test_an_invoice_number_is_sent_trimmed_and_composed(till: Till) -> None:
    member = await till.lookup.find_member(AYU)
    order = await till.catalogue.reward_order(member, 1)
    receipt = await till.redeemer.redeem(
        order, member, Sale("Dewi", invoice_number=" INV-Sa\u0301li ")
    )
    entry = await till.outbox.get(receipt.entry_id)
    assert entry is not None and entry.payload["invoice_number"] == "INV-Sáli"


async def test_the_shift_keeps_a_refused_invoice_without_its_hidden_character(
    till: Till, tmp_path: Path
) -> None:
    shift = await till.shift_record.open_shift("Dewi")
    sale = Sale("Dewi", shift.id, invoice_number="INV\u202e1")
    member = await till.lookup.find_member(AYU)
    order = await till.catalogue.reward_order(member, 1)
    with pytest.raises(CodeRefused) as refused:
        await till.redeemer.redeem(order, member, sale)
    # A release before recorded it as a refusal; read back, it is a field put right, no row.
    await till.redeemer.record_refusal(
        member, sale, kind=order.kind, what=order.description, reason=refused.value.message
    )
    # Any refusal recorded with the sale's invoice as typed keeps the character out too.
    await till.redeemer.record_refusal(
        member,
        sale,
        kind=order.kind,
        what=order.description,
        reason=say("order.reward_not_offered", reward="Kopi"),
    )
    path = await till.shift_record.export_shift(shift.id, tmp_path / "shift.csv")
    text = path.read_text(encoding="utf-8")
    assert "\u202e" not in text
    [row] = list(csv.DictReader(text.splitlines()))
    assert row["status"] == "refused" and row["invoice"] == ""
    assert row["reason"] == "That reward (Kopi) is not offered at this store."


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("KR2400\u200b0006", "invisible or control character (U+200B)"),
        ("Ayu\u202e", "invisible or control character (U+202E)"),
        ("a" * 250 + "@x.id", "longer than 254 characters"),
    ],
)
async def test_a_member_search_no_member_could_answer_to_is_said_so_and_not_sent(
    till: Till, monkeypatch: pytest.MonkeyPatch, query: str, reason: str
) -> None:
    asked: list[str] = []

    async def never(text: str, *_: object, **__: object) -> object:
        asked.append(text)
        raise AssertionError("sent to the server")

    monkeypatch.setattr(till.client, "member_details", never)
    monkeypatch.setattr(till.client, "suggestions", never)
    for look_up in (till.lookup.find_member, till.lookup.suggestions):
        with pytest.raises(MemberNotFound) as refused:
            await look_up(query)
        said = str(refused.value)
        assert said.startswith("This cannot be a member's email, member ID, phone or card number")
        assert reason in said
        assert "No member matches" not in said
    assert asked == []


@pytest.mark.parametrize(
    "query", ["KR24000006", "+6281210000006", "customer@stamps.co.id", "Ṣàlí", "王", "Ma'ruf A-B"]
)
async def test_a_cashiers_usual_search_is_still_asked(
    till: Till, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    asked: list[str] = []
    details, suggestions = till.client.member_details, till.client.suggestions

    async def member_details(text: str) -> object:
        asked.append(text)
        return await details(text)

    async def suggest(text: str) -> object:
        asked.append(text)
        return await suggestions(text)

    monkeypatch.setattr(till.client, "member_details", member_details)
    monkeypatch.setattr(till.client, "suggestions", suggest)
    with contextlib.suppress(MemberNotFound):  # the server's answer: asked all the same
        await till.lookup.find_member(query)
    await till.lookup.suggestions(query)
    assert asked[0] == asked[-1] == query
