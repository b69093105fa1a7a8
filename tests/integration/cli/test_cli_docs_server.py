"""The command line against a second server written from the contract alone
(tests/support/docs_server.py), which answers in ways our sandbox does not."""

from __future__ import annotations

import pytest

from app.cli.common import EXIT_NOT_CONFIRMED

from ...support.docs_server import DocsServer, details_with, docs_server
from .conftest import Cli

pytestmark = pytest.mark.integration

__all__ = ["docs_server"]

NUMBER_ONLY = "+628111000620"  # a partial registration: "level": 100, no "level_text"
NAMED = "budi@contoh.co.id"  # "level": 100, "level_text": "Blue"
AYU = "ayu@contoh.co.id"


@pytest.fixture
def docs_cli(cli: Cli, docs_server: DocsServer) -> Cli:
    cli.env["STAMPS_POS_BASE_URL"] = docs_server.url
    cli.env["STAMPS_POS_TOKEN"] = docs_server.token
    return cli


def test_member_find_json_says_a_level_as_the_plain_output_does_and_keeps_its_number(
    docs_cli: Cli,
) -> None:
    # customer_api §12 sets a level by its number; without its name the window and the plain
    # output say "Level 100", and --json gave the bare digits as the level
    plain = docs_cli("member", "find", NUMBER_ONLY)
    assert plain.returncode == 0 and "(Level 100)" in plain.stdout, plain.stdout
    code, member = docs_cli.json("member", "find", NUMBER_ONLY)
    assert code == 0
    assert (member["level"], member["level_number"]) == ("Level 100", 100)

    code, named = docs_cli.json("member", "find", NAMED)
    assert code == 0
    assert (named["level"], named["level_number"]) == ("Blue", None)


def test_redeem_code_checks_the_voucher_for_the_sale_the_cashier_gives(
    docs_cli: Cli, docs_server: DocsServer
) -> None:
    # voucher_api §2: validation takes the transaction value a voucher may need (a minimum
    # purchase); the till could send it, but nothing let a cashier give one
    done = docs_cli(
        "redeem", "code", "--user", AYU, "--code", "VC-ABC", "--transaction-value", "125000"
    )
    assert done.returncode == 0, done.stderr
    checks = docs_server.sent("/api/vouchers/validate")
    assert checks and {c.get("transaction_value") for c in checks} == {"125000"}
    without = docs_cli("redeem", "code", "--user", AYU, "--code", "VC-ABC")
    assert without.returncode in (0, 1), without.stderr  # the server may refuse it used
    assert "transaction_value" not in docs_server.sent("/api/vouchers/validate")[-1]


def test_redeem_multi_names_a_reward_by_its_code_in_the_form_the_server_wrote_it(
    docs_cli: Cli, docs_server: DocsServer
) -> None:
    # The cart's example writes "code": 1; the command line sent "1", and a server that
    # compares codes as it wrote them answered "Reward not found".
    docs_server.rewards[3]["code"] = 1  # Es Teh Manis, 1 stamp
    done = docs_cli("redeem", "multi", "--user", AYU, "--reward", "1:2", "--reward", "A006")
    assert done.returncode == 0, done.stdout + done.stderr
    [sent] = docs_server.sent("/api/v2/redemptions/redeem-multiple-rewards")
    assert [line["code"] for line in sent["rewards"]] == [1, "A006"]


def test_member_find_does_not_answer_from_the_till_s_copy_what_the_server_said_unreadably(
    docs_cli: Cli, docs_server: DocsServer
) -> None:
    # Ayu looked up once, then the server answers about her with `"is_blocked": "true"`: the
    # till's copy said she was not blocked, where the server may just have said she is
    assert docs_cli("member", "find", AYU).returncode == 0
    blocked = details_with(docs_server, AYU, is_blocked="true")
    docs_server.answer_next("/api/v2/memberships/details", 200, blocked)
    held_back = docs_cli("member", "find", AYU)
    assert held_back.returncode == EXIT_NOT_CONFIRMED, held_back.stdout
    assert "cached as of" not in held_back.stdout and AYU not in held_back.stdout
    assert "could not read" in held_back.stderr and "saved copy" in held_back.stderr


DETAILS = "/api/v2/memberships/details"


def test_member_find_says_stamps_the_server_did_not_give_are_not_known(
    docs_cli: Cli, docs_server: DocsServer
) -> None:
    # The docs show a membership's stamps only by example: `"stamps": null` printed "stamps 0", a
    # balance the server never gave, and --json and the till's copy said 0 too.
    unknown = details_with(docs_server, AYU, stamps=None)
    docs_server.answer_next(DETAILS, 200, unknown)
    plain = docs_cli("member", "find", AYU)
    assert plain.returncode == 0, plain.stderr
    assert "Stamps: not given by the Stamps server" in plain.stdout
    assert "stamps 0" not in plain.stdout
    docs_server.answer_next(DETAILS, 200, unknown)
    code, member = docs_cli.json("member", "find", AYU)
    assert code == 0
    assert (member["stamps"], member["projected_stamps"]) == (None, None)
    # the till's copy keeps "not given", and says it when the server cannot answer
    docs_server.answer_next(DETAILS, 503, {"detail": "Service unavailable"})
    code, cached = docs_cli.json("member", "find", AYU)
    assert code == 0 and cached["live"] is False
    assert (cached["stamps"], cached["projected_stamps"]) == (None, None)


def test_member_find_says_a_balance_below_zero_is_the_server_s_as_the_window_does(
    docs_cli: Cli, docs_server: DocsServer
) -> None:
    # "stamps -5" and nothing else reads as a misprint; the member card says what it is
    docs_server.answer_next(DETAILS, 200, details_with(docs_server, AYU, stamps=-5))
    plain = docs_cli("member", "find", AYU)
    assert plain.returncode == 0, plain.stderr
    assert "stamps -5" in plain.stdout
    assert "Below zero on the Stamps server: no reward can be paid in stamps." in plain.stdout


def test_redeem_voucher_does_not_offer_a_voucher_the_app_alone_may_use(
    docs_cli: Cli, docs_server: DocsServer
) -> None:
    # voucher_api §3 lists a member's vouchers "to be queried for" a channel, and its example
    # asks with channel=2; each voucher names its channels ("constraint"). The till asked
    # without one: a voucher for the mobile app alone was offered at the counter and sent.
    app_only = {
        **docs_server.vouchers[0],
        "id": 3,
        "code": "VC-APP",
        "constraint": {"channels": [1]},
    }
    docs_server.vouchers.append(app_only)
    refused = docs_cli("redeem", "voucher", "--user", AYU, "--voucher", "3", "--invoice", "I-1")
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert docs_server.sent("/api/v2/redemptions/redeem-voucher") == []
    assert {q.get("channel") for q in docs_server.sent("/api/vouchers/by-merchant-group")} == {"2"}


def test_member_find_finds_a_card_the_details_do_not_take_or_says_what_to_ask_for(
    docs_cli: Cli, docs_server: DocsServer
) -> None:
    # customer_api §1's user is "email, Member ID, mobile number or primary key ID": a
    # documents-only server says "User not found" of a card's number (Ayu's A5MHG)
    unknown = docs_cli("member", "find", "A5MHG")
    assert unknown.returncode != 0
    assert "If it is a card's number" in unknown.stderr + unknown.stdout
    assert "Ask for the member's email, phone or Member ID." in unknown.stderr + unknown.stdout
    docs_server.cards_in_suggestions = True  # its type-ahead searches cards: found through it
    code, member = docs_cli.json("member", "find", "A5MHG")
    assert code == 0
    assert member["email"] == AYU
