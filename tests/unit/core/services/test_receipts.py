"""The outcome a cashier sees for each state of an entry: never blurred (architecture §4)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from app.core.domain import AcceptedAs, EntryStatus, OperationKind
from app.core.messages import english
from app.core.services.receipts import (
    Receipt,
    Verdict,
    accepted_to_send_again,
    feed_line_said,
    receipt_for,
    turned_away_words,
    what_the_feed_said,
)
from app.core.storage.tables import Attempt, OutboxEntry

NOW = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)


def entry(status: EntryStatus, **fields: object) -> OutboxEntry:
    values: dict[str, object] = {
        "id": "01a2",
        "seq": 1,
        "kind": "reward",
        "payload": {},
        "lane": "member:6",
        "user": "u@x.id",
        "status": status,
        "cashier": "dewi",
        "terminal": "till-1",
        "created_at": NOW,
        "updated_at": NOW,
    }
    values.update(fields)
    return OutboxEntry(**values)


def confirmed_cancel(*, replaced: bool, last_error: str | None = None) -> OutboxEntry:
    """A cancel of redemption 9 the server confirmed (250 stamps left), a replacement voucher
    asked for with it or not."""
    answer = {"redemption": {"id": 9, "status": "Canceled"}, "customer": {"stamps_remaining": 250}}
    return entry(
        EntryStatus.SYNCED,
        kind="cancel",
        payload={"id": 9, "create_replacement_voucher": replaced},
        response=answer,
        last_error=last_error,
    )


@pytest.mark.parametrize(
    ("status", "provisional", "ambiguous", "verdict"),
    [
        (EntryStatus.SYNCED, False, False, Verdict.CONFIRMED),
        (EntryStatus.SYNCED, True, False, Verdict.CONFIRMED),
        (EntryStatus.QUEUED, True, False, Verdict.ACCEPTED_OFFLINE),
        (EntryStatus.SENDING, True, False, Verdict.ACCEPTED_OFFLINE),
        (EntryStatus.QUEUED, True, True, Verdict.NOT_CONFIRMED),
        (EntryStatus.QUEUED, False, False, Verdict.NOT_CONFIRMED),
        (EntryStatus.SENDING, False, False, Verdict.NOT_CONFIRMED),
        (EntryStatus.UNKNOWN, True, True, Verdict.NOT_CONFIRMED),
        (EntryStatus.REJECTED, False, False, Verdict.REFUSED),
        (EntryStatus.VOIDED, False, False, Verdict.CANCELLED),
        (EntryStatus.EXPIRED, False, False, Verdict.EXPIRED),
        (EntryStatus.DISMISSED, False, False, Verdict.CLOSED),
    ],
)
def test_each_state_has_one_verdict(
    status: EntryStatus, provisional: bool, ambiguous: bool, verdict: Verdict
) -> None:
    receipt = receipt_for(entry(status, provisional=provisional), ambiguous_attempt=ambiguous)
    assert receipt.verdict is verdict


def test_not_confirmed_tells_the_cashier_not_to_hand_over() -> None:
    receipt = receipt_for(entry(EntryStatus.UNKNOWN))
    assert "do not hand over" in str(receipt.headline)
    assert "manager" in str(receipt.what_to_do)
    assert receipt.details is not None and "manager" in str(receipt.details)


def test_a_refusal_gives_the_server_reason_in_its_own_words_without_the_class() -> None:
    receipt = receipt_for(
        entry(EntryStatus.REJECTED, last_error="ValidationFailed: Not enough stamps")
    )
    assert str(receipt.details) == "The Stamps server refused it: Not enough stamps"
    assert "ValidationFailed" not in f"{receipt.headline} {receipt.details} {receipt.what_to_do}"


def test_a_refusal_with_only_a_status_line_says_the_server_gave_no_reason() -> None:
    receipt = receipt_for(entry(EntryStatus.REJECTED, last_error="ClientError: 409 Conflict"))
    assert str(receipt.details) == "The Stamps server refused it without saying why."


def test_a_redemption_voided_by_the_offline_policy_is_not_redeemed_with_the_reason() -> None:
    reason = {"id": "policy.voucher_used_here", "params": {}}
    receipt = receipt_for(entry(EntryStatus.VOIDED, policy_refusal=reason))
    assert receipt.verdict is Verdict.NOT_REDEEMED
    assert str(receipt.headline) == "Not redeemed"
    assert str(receipt.details) == "This voucher was already used on this till."


@pytest.mark.parametrize(
    ("last_error", "ambiguous", "words"),
    [
        ("ConnectionFailed: could not connect", False, "cannot be reached"),
        ("ResponseLost: ReadTimeout", True, "may have gone through"),
        ("ServerError: 502 Bad Gateway", True, "failed while handling it"),
        # a 503 with idempotency unknown is an answer too: the server failed, it did not fall silent
        ("ServiceUnavailable: 503 Service Unavailable", True, "failed while handling it"),
        # a network's sign-in page answered the till: saying "no answer came back" would send
        # the cashier looking for a cable when the Wi-Fi wants a login
        (
            "WebPageAnswer: a web page answered, not the Stamps server (200 OK)",
            True,
            "a web page answered instead of the Stamps server",
        ),
        ("MalformedResponse: 200 OK without a redemption", True, "its answer does not show"),
        # a 302 (a sign-in page, a wrong Server URL): "the server failed" sent nobody to either
        (
            "Redirected: 302 Found, to http://login.wifi.example",
            True,
            "the answer sent the till to another address, which it does not follow: the Server "
            "URL (base_url) may be wrong, or a network's sign-in page is in the way. It may have "
            "gone through",
        ),
        ("AnswerTooLarge: more than 1 MiB", True, "its answer does not show"),
        # a 200 of nothing but "errors": still not confirmed, in the server's own words
        (
            "UnprovenAnswer: Out of stock",
            True,
            "without naming the redemption, so it is not confirmed. It said: “Out of stock”",
        ),
        (None, False, "Sending"),
    ],
)
def test_not_confirmed_says_what_is_known_in_words_not_classes(
    last_error: str | None, ambiguous: bool, words: str
) -> None:
    receipt = receipt_for(
        entry(EntryStatus.QUEUED, last_error=last_error), ambiguous_attempt=ambiguous
    )
    assert receipt.verdict is Verdict.NOT_CONFIRMED
    assert receipt.details is not None and words in str(receipt.details)
    assert "Error" not in str(receipt.details) and "Lost" not in str(receipt.details)


@pytest.mark.parametrize(
    ("last_error", "kind"),
    [
        ("ServerError: 500 Internal Server Error", "reward"),
        ("ServerError: 503 Service Unavailable", "cancel"),
        ("ResponseLost: ReadTimeout", "reward"),
        ("ResponseLost: ReadTimeout", "cancel"),
    ],
)
def test_not_confirmed_never_says_the_server_did_not_answer(last_error: str, kind: str) -> None:
    # A 500 is an answer: "the server has not answered" beside "the server failed while
    # handling it" is a contradiction the cashier reads. What is true in every case is that the
    # server has not confirmed it.
    receipt = receipt_for(
        entry(EntryStatus.QUEUED, kind=kind, last_error=last_error), ambiguous_attempt=True
    )
    assert receipt.verdict is Verdict.NOT_CONFIRMED
    assert "not answered" not in str(receipt.what_to_do)
    assert "has not confirmed" in str(receipt.what_to_do)


def test_a_confirmed_redemption_shows_what_the_server_said_beside_it() -> None:
    receipt = receipt_for(
        entry(
            EntryStatus.SYNCED,
            server_redemption_id=7,
            response={"redemption": {"id": 7}},
            last_error="Receipt printer offline",
        )
    )
    assert receipt.verdict is Verdict.CONFIRMED
    assert "Hand over" in str(receipt.what_to_do)
    assert str(receipt.details) == "The Stamps server also said: Receipt printer offline"


def test_a_reconciled_redemption_says_a_cancel_needs_the_dashboard() -> None:
    receipt = receipt_for(entry(EntryStatus.SYNCED, reconciled=True))
    assert receipt.verdict is Verdict.CONFIRMED
    assert receipt.details is not None and "dashboard" in str(receipt.details)


def test_a_redemption_marked_applied_does_not_pass_the_lost_answer_off_as_the_server_s_words() -> (
    None
):
    # the attempt's answer was lost, then a manager saw it on the dashboard
    lost = "ResponseLost: no answer from the Stamps server (ReadTimeout)"
    receipt = receipt_for(entry(EntryStatus.SYNCED, last_error=lost, note="seen"))
    assert receipt.verdict is Verdict.CONFIRMED
    assert str(receipt.details) == (
        "A manager marked it applied. It has no server id here: a later cancel must be made on "
        "the Stamps dashboard."
    )
    assert "ResponseLost" not in f"{receipt.details} {receipt.what_to_do}"


def test_the_json_form_has_the_documented_keys() -> None:
    response = {
        "redemption": {"id": 9, "voucher": {"code": "ABCD12345"}},
        "membership": {"stamps": 230},
    }
    receipt = receipt_for(entry(EntryStatus.SYNCED, server_redemption_id=9, response=response))
    data = receipt.as_json()
    assert {
        "id",
        "kind",
        "status",
        "attempts",
        "lane",
        "provisional",
        "server_redemption_id",
        "last_error",
    } <= data.keys()
    assert (data["server_redemption_id"], data["voucher_code"], data["stamps_remaining"]) == (
        9,
        "ABCD12345",
        230,
    )


@pytest.mark.parametrize(
    ("status", "last_error", "headline"),
    [
        (EntryStatus.SYNCED, None, "Cancel confirmed"),
        (EntryStatus.REJECTED, "Refused: 400 redemption already cancelled", "Cancel refused"),
        (EntryStatus.UNKNOWN, "ResponseLost: read timeout", "Cancel NOT CONFIRMED"),
        (EntryStatus.QUEUED, "ConnectionFailed: connection refused", "Cancel waiting to send"),
        # queued while the till knew itself offline, never attempted: it read NOT CONFIRMED
        (EntryStatus.QUEUED, None, "Cancel waiting to send"),
        # on its way: it may reach the server before the answer comes
        (EntryStatus.SENDING, None, "Cancel NOT CONFIRMED"),
    ],
)
def test_a_cancel_never_tells_the_cashier_to_hand_over_or_that_nothing_was_redeemed(
    status: EntryStatus, last_error: str | None, headline: str
) -> None:
    receipt = receipt_for(entry(status, kind="cancel", last_error=last_error))
    assert str(receipt.headline) == headline
    said = f"{receipt.headline} {receipt.what_to_do}".lower()
    assert "hand over" not in said and "nothing was redeemed" not in said


def test_a_cancel_the_server_finds_no_redemption_for_does_not_say_the_redemption_stands() -> None:
    # redemption_api §6: "404 Cannot find redemption of the requested redemption id". The
    # server has no redemption by that id: "The redemption still stands on the Stamps server"
    # told the manager the opposite of what it said (a mistyped id of Cancel by server id).
    refused = entry(
        EntryStatus.REJECTED, kind="cancel", last_error="NotFound: Redemption 9999 not found"
    )
    receipt = receipt_for(refused)
    assert str(receipt.headline) == "Cancel refused"
    assert str(receipt.what_to_do) == (
        "The Stamps server has no redemption by this id, so nothing was cancelled: check the "
        "id, and the redemption on the Stamps dashboard."
    )
    # any other refusal: the server knows the redemption and kept it
    kept = entry(
        EntryStatus.REJECTED, kind="cancel", last_error="ValidationFailed: already cancelled"
    )
    assert str(receipt_for(kept).what_to_do) == "The redemption still stands on the Stamps server."


@pytest.mark.parametrize(
    ("cancelled", "last_error", "details"),
    [
        # a promo spent no stamps: the count in the server's answer is not what came back
        (OperationKind.PROMO, None, "The promo redemption no longer stands; it spent no stamps."),
        (
            OperationKind.PROMO,
            "extra note",
            "The promo redemption no longer stands; it spent no stamps. The Stamps server "
            "also said: extra note",
        ),
        (OperationKind.REWARD, None, "250 stamps left."),
        # a cancel by server id of a redemption made elsewhere: what it spent is not known here,
        # and "250 stamps left." read as if stamps had come back from it
        (
            None,
            None,
            "The redemption no longer stands. The member has 250 stamps now; the till does not "
            "know what the redemption spent.",
        ),
        (
            None,
            "extra note",
            "The redemption no longer stands. The member has 250 stamps now; the till does not "
            "know what the redemption spent. The Stamps server also said: extra note",
        ),
        # a voucher spent none either; the contract gives back a replacement when asked for one
        (
            OperationKind.VOUCHER,
            None,
            "The voucher redemption no longer stands; it spent no stamps, and no replacement "
            "voucher was asked for.",
        ),
        (
            OperationKind.CODE,
            "extra note",
            "The voucher redemption no longer stands; it spent no stamps, and no replacement "
            "voucher was asked for. The Stamps server also said: extra note",
        ),
        (
            OperationKind.DEDUCT,
            None,
            "The deduction from the voucher no longer stands; it spent no stamps, and no "
            "replacement voucher was asked for.",
        ),
    ],
)
def test_a_confirmed_cancel_says_what_the_member_got_back_for_the_kind_cancelled(
    cancelled: OperationKind | None, last_error: str | None, details: str
) -> None:
    confirmed = confirmed_cancel(replaced=False, last_error=last_error)
    receipt = receipt_for(confirmed, cancelled=cancelled)
    assert str(receipt.headline) == "Cancel confirmed"
    assert str(receipt.details) == details


@pytest.mark.parametrize(
    ("last_error", "waits", "todo"),
    [
        # its own attempt never arrived: the one case "cannot be reached" is true of
        ("ConnectionFailed: connection refused", {}, "The Stamps server cannot be reached yet"),
        ("RateLimited: 429 Too Many Requests", {}, "The Stamps server asked the till to wait"),
        ("RequestTimedOut: 408 Request Timeout", {}, "The Stamps server asked the till to wait"),
        ("Unauthorized: 401 Unauthorized", {"paused": True}, "Nothing is sent until a manager"),
        (None, {"behind": True}, "It goes after this member's earlier redemption"),
        (None, {"held": True}, "It goes once the till knows the redemption went through"),
        (None, {"behind": True, "held": True}, "It goes after this member's earlier redemption"),
        (None, {}, "Not sent yet: the till sends it by itself"),
    ],
)
def test_a_waiting_cancel_says_why_it_waits_and_unreachable_only_when_it_was(
    last_error: str | None, waits: dict[str, bool], todo: str
) -> None:
    # Seen under X, online: a cancel waiting behind the member's redemption read "Cancel waiting
    # to send — The Stamps server cannot be reached yet".
    cancel = entry(EntryStatus.QUEUED, kind="cancel", last_error=last_error, cancels="r1")
    receipt = receipt_for(cancel, **waits)
    assert str(receipt.headline) == "Cancel waiting to send"
    assert str(receipt.what_to_do).startswith(todo)
    assert "redemption stands until the cancel is sent" in str(receipt.what_to_do).lower()


def test_a_redemption_held_by_a_paused_queue_is_waiting_not_unconfirmed() -> None:
    # The server refused the token (it answered: nothing was applied); the entry stays queued
    # and goes when a manager sets the new token: it is waiting, not in doubt.
    held = entry(EntryStatus.QUEUED, last_error="Unauthorized: 401 Unauthorized")
    receipt = receipt_for(held, paused=True)
    assert receipt.verdict is Verdict.NOT_CONFIRMED  # still: do not hand over
    assert "Waiting to send" in str(receipt.headline)
    assert "has not confirmed" not in str(receipt.what_to_do)
    assert "token" in str(receipt.what_to_do)
    # an earlier attempt that may have arrived keeps the unanswered words
    maybe = receipt_for(held, paused=True, ambiguous_attempt=True)
    assert "NOT CONFIRMED" in str(maybe.headline)
    assert "has not confirmed" in str(maybe.what_to_do)


@pytest.mark.parametrize(
    "response",
    [
        # seed 000 §1-3 examples: membership.stamps; their tables: "membership ... Contains
        # membership id and stamps_remaining"
        {"redemption": {"id": 9}, "membership": {"stamps": 230}},
        {"redemption": {"id": 9}, "membership": {"id": 6, "stamps_remaining": 230}},
        # seed 000 §4 and §6: customer.stamps_remaining; reward_api.rst's customer: stamps
        {"redemption": {"id": 9}, "customer": {"id": 6, "stamps_remaining": 230}},
        {"redemption": {"id": 9}, "customer": {"id": 6, "stamps": 230}},
    ],
)
def test_the_balance_after_is_read_under_either_documented_name(
    response: dict[str, object],
) -> None:
    receipt = receipt_for(entry(EntryStatus.SYNCED, server_redemption_id=9, response=response))
    assert receipt.as_json()["stamps_remaining"] == 230


@pytest.mark.parametrize(
    ("status", "last_error", "paused", "details"),
    [
        (EntryStatus.QUEUED, "ResponseLost: ReadTimeout", False, "may have gone through"),
        (
            EntryStatus.QUEUED,
            "WebPageAnswer: a web page answered, not the Stamps server (200 OK)",
            False,
            "a web page answered instead of the Stamps server",
        ),
        (EntryStatus.QUEUED, "ServerError: 500 Internal Server Error", False, "failed while"),
        (EntryStatus.SENDING, "ResponseLost: ReadTimeout", False, "may have gone through"),
        (EntryStatus.QUEUED, "Unauthorized: 401 Unauthorized", True, "Sync is paused"),
        (EntryStatus.UNKNOWN, "ResponseLost: ReadTimeout", False, "a manager must check it"),
    ],
)
def test_accepted_offline_then_not_confirmed_never_says_to_keep_back_what_was_handed_over(
    status: EntryStatus, last_error: str, paused: bool, details: str
) -> None:
    # The till told the cashier to hand the reward over when it accepted the redemption offline;
    # an ambiguous attempt since makes it not confirmed (true), but the reward has gone: "keep
    # the reward back" would be an order no cashier can follow (architecture §4).
    accepted = entry(status, provisional=True, last_error=last_error)
    receipt = receipt_for(accepted, ambiguous_attempt=True, paused=paused)
    assert receipt.verdict is Verdict.NOT_CONFIRMED
    assert str(receipt.headline) == "NOT CONFIRMED — accepted offline"
    said = f"{receipt.headline} {receipt.what_to_do}"
    assert "do not hand over" not in said.lower() and "keep the reward back" not in said.lower()
    assert "handed over when the till accepted it offline" in str(receipt.what_to_do)
    assert "has not confirmed" in str(receipt.what_to_do)
    assert receipt.details is not None and details in str(receipt.details)


def test_accepted_offline_without_an_ambiguous_attempt_keeps_its_words() -> None:
    receipt = receipt_for(
        entry(EntryStatus.QUEUED, provisional=True, last_error="ConnectionFailed: refused")
    )
    assert receipt.verdict is Verdict.ACCEPTED_OFFLINE
    assert str(receipt.headline) == "Accepted offline — will sync"
    assert str(receipt.what_to_do) == (
        "Hand over the reward; the till sends it when the network is back."
    )


def test_not_confirmed_without_acceptance_offline_still_says_do_not_hand_over() -> None:
    receipt = receipt_for(
        entry(EntryStatus.QUEUED, last_error="ResponseLost: ReadTimeout"), ambiguous_attempt=True
    )
    assert str(receipt.headline) == "NOT CONFIRMED — do not hand over yet"
    assert "Keep the reward back" in str(receipt.what_to_do)


@pytest.mark.parametrize(
    ("over_http", "waits_for", "details"),
    [
        (False, "new API token", "refuses this till's API token"),
        (True, "Server URL to https", "refuses plain http"),
    ],
)
def test_accepted_offline_held_by_a_paused_queue_says_it_waits_for_a_manager(
    over_http: bool, waits_for: str, details: str
) -> None:
    # The network is back and the server answered: it refuses the till's token (or plain http).
    # Nothing was applied, so the entry is still only accepted offline, but "when the network is
    # back" has come and gone: it goes when a manager has set the till right.
    held = entry(EntryStatus.QUEUED, provisional=True, last_error="Unauthorized: 401 Unauthorized")
    receipt = receipt_for(held, paused=True, paused_over_http=over_http)
    assert receipt.verdict is Verdict.ACCEPTED_OFFLINE
    assert "network is back" not in str(receipt.what_to_do)
    assert "Hand over the reward" in str(receipt.what_to_do)
    assert waits_for in str(receipt.what_to_do)
    assert receipt.details is not None and details in str(receipt.details)


#: The server's answer to a redemption it applied.
_ANSWER = {"redemption": {"id": 9}}

# Every state in which a reward's receipt tells the cashier to hand it over or to keep it back:
# (status, provisional, ambiguous attempt, paused, paused over http, last error).
_GIVING_STATES = [
    (EntryStatus.SYNCED, False, False, False, False, None),
    (EntryStatus.QUEUED, True, False, False, False, None),
    (EntryStatus.QUEUED, True, False, True, False, "Unauthorized: 401 Unauthorized"),
    (EntryStatus.QUEUED, True, False, True, True, "Unauthorized: 401 Unauthorized"),
    (EntryStatus.UNKNOWN, False, True, False, False, "ResponseLost: read timeout"),
    (EntryStatus.QUEUED, True, True, False, False, "ResponseLost: read timeout"),
    (EntryStatus.QUEUED, False, False, True, False, "Unauthorized: 401 Unauthorized"),
    (EntryStatus.QUEUED, False, False, True, True, "Unauthorized: 401 Unauthorized"),
]


def _giving_receipt(
    kind: str,
    status: EntryStatus,
    provisional: bool,
    ambiguous: bool,
    paused: bool,
    over_http: bool,
    last_error: str | None,
) -> Receipt:
    """The receipt of an order of ``kind`` in one of :data:`_GIVING_STATES`."""
    return receipt_for(
        entry(
            status,
            kind=kind,
            provisional=provisional,
            last_error=last_error,
            response=_ANSWER if status is EntryStatus.SYNCED else None,
        ),
        ambiguous_attempt=ambiguous,
        paused=paused,
        paused_over_http=over_http,
    )


@pytest.mark.parametrize(
    ("kind", "gives"),
    [
        ("deduct", "off the bill"),
        ("voucher", "voucher"),
        ("code", "voucher"),
        ("promo", "promo"),
    ],
)
@pytest.mark.parametrize(
    ("status", "provisional", "ambiguous", "paused", "over_http", "last_error"), _GIVING_STATES
)
def test_an_order_that_hands_nothing_over_says_what_the_cashier_gives_instead(
    kind: str,
    gives: str,
    status: EntryStatus,
    provisional: bool,
    ambiguous: bool,
    paused: bool,
    over_http: bool,
    last_error: str | None,
) -> None:
    # Rp taken off a balance voucher, a voucher's item or discount, a promo on the invoice:
    # "Hand over the reward" (or "keep the reward back") would send the cashier for goods that
    # are not there.
    receipt = _giving_receipt(kind, status, provisional, ambiguous, paused, over_http, last_error)
    said = f"{receipt.headline} {receipt.what_to_do}"
    assert "reward" not in said.lower() and "hand" not in said.lower()
    assert gives in said


@pytest.mark.parametrize(
    ("status", "provisional", "ambiguous", "paused", "over_http", "last_error"), _GIVING_STATES
)
def test_a_cart_s_receipt_speaks_of_its_rewards(
    status: EntryStatus,
    provisional: bool,
    ambiguous: bool,
    paused: bool,
    over_http: bool,
    last_error: str | None,
) -> None:
    receipt = _giving_receipt(
        "multi", status, provisional, ambiguous, paused, over_http, last_error
    )
    said = f"{receipt.headline} {receipt.what_to_do}"
    assert re.search(r"\breward\b", said) is None  # a cart is several
    assert "rewards" in said or "They were handed over" in said
    assert receipt.gives == "reward"


def test_a_deduction_not_yet_confirmed_says_not_to_take_it_off_the_bill() -> None:
    receipt = receipt_for(entry(EntryStatus.UNKNOWN, kind="deduct"))
    assert str(receipt.headline) == "NOT CONFIRMED — do not take it off the bill yet"
    assert receipt.gives == "deduct"


#: What each kind of order gives, in the words of its receipts once the cashier has given it
#: (accepted offline) and once they may give it now (confirmed later).
_GIVEN = [
    ("reward", "it was handed over", "the reward may be handed over now"),
    ("multi", "they were handed over", "the rewards may be handed over now"),
    ("voucher", "the voucher was applied", "the voucher may be applied now"),
    ("code", "the voucher was applied", "the voucher may be applied now"),
    ("deduct", "the amount was taken off the bill", "the amount may be taken off the bill now"),
    ("promo", "the promo was applied", "the promo may be applied now"),
]
#: The ways a redemption is confirmed: the server's answer, found in the member's activity, or a
#: manager's "Mark applied" (no answer).
_CONFIRMED_BY = [
    {"response": _ANSWER, "server_redemption_id": 9},
    {"reconciled": True},
    {"note": "seen on the dashboard"},
]


@pytest.mark.parametrize("confirmed_by", _CONFIRMED_BY)
@pytest.mark.parametrize(("kind", "given", "may_give"), _GIVEN)
def test_confirmed_after_acceptance_offline_says_it_was_given_then(
    kind: str, given: str, may_give: str, confirmed_by: dict[str, object]
) -> None:
    # The till told the cashier to give it when it accepted it offline, and they did; the server
    # confirms it once the network is back. "Hand over the reward" then asks for a second one.
    receipt = receipt_for(entry(EntryStatus.SYNCED, kind=kind, provisional=True, **confirmed_by))
    assert receipt.verdict is Verdict.CONFIRMED
    todo = str(receipt.what_to_do)
    assert todo.startswith("Nothing more to give: ")
    assert f"{given} when the till accepted it offline" in todo


@pytest.mark.parametrize("confirmed_by", _CONFIRMED_BY[1:])
@pytest.mark.parametrize(("kind", "given", "may_give"), _GIVEN)
def test_confirmed_from_the_activity_or_by_a_manager_says_it_may_be_given_now(
    kind: str, given: str, may_give: str, confirmed_by: dict[str, object]
) -> None:
    # Not confirmed until then, it read "do not hand over yet": the cashier still holds it.
    receipt = receipt_for(entry(EntryStatus.SYNCED, kind=kind, **confirmed_by))
    assert receipt.verdict is Verdict.CONFIRMED
    assert may_give in str(receipt.what_to_do)
    assert receipt.details is not None and "dashboard" in str(receipt.details)


@pytest.mark.parametrize(("kind", "given", "may_give"), _GIVEN)
def test_refused_after_acceptance_offline_does_not_send_the_cashier_to_the_customer(
    kind: str, given: str, may_give: str
) -> None:
    # The server refused it when the network came back: the customer had it and has gone.
    refused = entry(
        EntryStatus.REJECTED,
        kind=kind,
        provisional=True,
        last_error="ValidationFailed: Not enough stamps",
    )
    receipt = receipt_for(refused)
    assert receipt.verdict is Verdict.REFUSED
    assert str(receipt.headline) == "Refused after it was accepted offline"
    todo = str(receipt.what_to_do)
    assert "Nothing was redeemed" not in todo and "customer" not in todo
    assert f"{given} when the till accepted it offline" in todo.lower()
    assert "manager" in todo and "Exceptions" in todo
    assert str(receipt.details) == "The Stamps server refused it: Not enough stamps"


#: A reward of the voucher type, as the sandbox answers it: the voucher it added to the member.
_ISSUED = {
    "redemption": {"id": 9, "reward": "Voucher Diskon Rp 25.000", "stamps_used": 50},
    "voucher": {"id": 31, "name": "Diskon Rp 25.000", "code": "PZ633ECV", "type": "voucher"},
}


def test_a_reward_that_is_a_voucher_says_it_went_to_the_member_s_vouchers() -> None:
    receipt = receipt_for(entry(EntryStatus.SYNCED, response=_ISSUED, server_redemption_id=9))
    assert receipt.voucher_code == "PZ633ECV"
    assert str(receipt.what_to_do) == (
        "The reward is a voucher: it was added to the member's vouchers."
    )


def test_a_cart_with_a_voucher_among_its_rewards_says_so() -> None:
    # redeem-multiple-rewards names the voucher inside its redemption
    answer = {"redemption": {"id": 9, "voucher": {"code": "PZ633ECV"}}}
    receipt = receipt_for(entry(EntryStatus.SYNCED, kind="multi", response=answer))
    assert receipt.voucher_code == "PZ633ECV"
    assert "added to the member's vouchers" in str(receipt.what_to_do)
    assert "Hand over the rewards that are not vouchers" in str(receipt.what_to_do)


def test_a_voucher_reward_confirmed_after_acceptance_offline_gives_nothing_more() -> None:
    receipt = receipt_for(entry(EntryStatus.SYNCED, provisional=True, response=_ISSUED))
    assert str(receipt.what_to_do) == (
        "Nothing more to give: the voucher was added to the member's vouchers."
    )


@pytest.mark.parametrize(
    ("state", "ask", "said"),
    [
        # accepted offline: no answer names the voucher yet
        ({"status": EntryStatus.QUEUED}, {}, "once the till sends it, when the network is back"),
        # the network back to a server that refuses the till: it waits for a manager
        ({"status": EntryStatus.QUEUED}, {"paused": True}, "sets this till's new API token"),
        (
            {"status": EntryStatus.QUEUED},
            {"paused": True, "paused_over_http": True},
            "Server URL to https",
        ),
        # sent, unanswered: nothing was handed over to be kept back or not
        ({"status": EntryStatus.UNKNOWN}, {}, "nothing went over the counter"),
        (
            {"status": EntryStatus.REJECTED, "last_error": "ValidationFailed: Not enough"},
            {},
            "the member does not get it",
        ),
    ],
)
def test_a_voucher_reward_accepted_offline_never_says_to_hand_it_over(
    state: dict[str, object], ask: dict[str, bool], said: str
) -> None:
    # Offline, "Voucher Diskon Rp 25.000" read "Hand over the reward": there was nothing to
    # give, and the voucher exists only once the server has the redemption.
    voucher_reward = entry(provisional=True, issues_voucher=True, **state)  # type: ignore[arg-type]
    todo = str(receipt_for(voucher_reward, **ask).what_to_do)
    assert todo.startswith("The reward is a voucher: nothing")
    assert "Hand over" not in todo and "handed over" not in todo
    assert said in todo


@pytest.mark.parametrize(
    ("state", "ask", "said"),
    [
        ({"status": EntryStatus.QUEUED}, {}, "once the till sends the cart"),
        ({"status": EntryStatus.QUEUED}, {"paused": True}, "sets this till's new API token"),
        (
            {"status": EntryStatus.QUEUED},
            {"paused": True, "paused_over_http": True},
            "Server URL to https",
        ),
        ({"status": EntryStatus.UNKNOWN}, {}, "were handed over when the till accepted it"),
        (
            {"status": EntryStatus.REJECTED, "last_error": "ValidationFailed: Not enough"},
            {},
            "the member does not get its vouchers",
        ),
        (
            {"status": EntryStatus.SYNCED, "response": _ISSUED, "server_redemption_id": 9},
            {},
            "the vouchers were added to the member's vouchers",
        ),
    ],
)
def test_a_cart_with_a_voucher_reward_accepted_offline_hands_over_only_the_others(
    state: dict[str, object], ask: dict[str, bool], said: str
) -> None:
    # Offline, a cart of a croissant and "Voucher Diskon Rp 25.000" read "Hand over the
    # rewards": the voucher is not the cashier's to give.
    cart = entry(kind="multi", provisional=True, issues_voucher=True, **state)  # type: ignore[arg-type]
    todo = str(receipt_for(cart, **ask).what_to_do)
    assert "rewards that are not vouchers" in todo
    assert said in todo


@pytest.mark.parametrize("kind", ["reward", "multi"])
def test_a_voucher_reward_confirmed_after_all_is_not_said_to_be_handed_over(kind: str) -> None:
    # not confirmed, then found in the member's activity: the voucher went to their vouchers
    found = entry(EntryStatus.SYNCED, kind=kind, issues_voucher=True, reconciled=True)
    todo = str(receipt_for(found).what_to_do)
    assert todo.startswith("Confirmed after all")
    assert "added to the member's vouchers" in todo
    assert "the reward may be handed over" not in todo


def test_a_member_s_voucher_redeemed_still_says_to_apply_it() -> None:
    # a voucher's own redemption names the voucher it used, not one it added
    answer = {"redemption": {"id": 9}, "voucher": {"id": 4, "code": "PZ633ECV"}}
    receipt = receipt_for(entry(EntryStatus.SYNCED, kind="voucher", response=answer))
    assert str(receipt.what_to_do) == "Apply the voucher: give its item or discount."


SLOWED = "RateLimited: 429 Too Many Requests"


@pytest.mark.parametrize(
    ("wait", "said"),
    [
        (timedelta(seconds=29.2), "again in 30 s by itself"),
        (timedelta(minutes=59, seconds=30), "again in 60 min by itself"),
        (timedelta(seconds=-3), "again by itself in a moment"),
        (None, "again by itself in a moment"),
    ],
)
def test_a_429_says_when_the_till_sends_it_again(wait: timedelta | None, said: str) -> None:
    due = NOW + wait if wait is not None else None
    waiting = entry(EntryStatus.QUEUED, last_error=SLOWED, next_attempt_at=due)
    words = str(turned_away_words(waiting, NOW))
    assert words.startswith("The Stamps server asked the till to slow down")
    assert words.endswith(said + ".")


def test_a_pin_redemption_the_server_asks_to_slow_down_for_is_no_outage() -> None:
    # A PIN's entry is not judged by the offline rules: it waits, and said "cannot be reached".
    waiting = entry(
        EntryStatus.QUEUED,
        last_error=SLOWED,
        last_outcome="never_arrived",
        attempts=1,
        expires_at=NOW + timedelta(minutes=5),
    )
    receipt = receipt_for(waiting)
    assert receipt.verdict is Verdict.NOT_CONFIRMED
    assert str(receipt.headline) == "Waiting to send — do not hand over yet"
    assert "cannot be reached" not in f"{receipt.details} {receipt.what_to_do}"
    assert "slow down" in str(receipt.details)
    assert str(receipt.what_to_do).startswith("The till sends it again by itself")


TIMED_OUT = "RequestTimedOut: 408 Request Timeout"


def test_a_408_accepted_offline_says_the_server_timed_out_not_the_network() -> None:
    # It read "Hand over the reward; the till sends it when the network is back": the server
    # had answered, timing out waiting for the request, and applied nothing.
    accepted = entry(
        EntryStatus.QUEUED,
        provisional=True,
        last_error=TIMED_OUT,
        attempts=1,
        next_attempt_at=NOW + timedelta(seconds=3),
    )
    receipt = receipt_for(accepted)
    assert receipt.verdict is Verdict.ACCEPTED_OFFLINE
    assert receipt.timed_out and receipt.answered and not receipt.slowed
    assert str(receipt.headline) == "Accepted — will sync"
    assert str(receipt.what_to_do) == "Hand over the reward; the till sends it again by itself."
    words = str(turned_away_words(accepted, NOW))
    assert words == (
        "The Stamps server timed out waiting for the request: nothing was applied. The till "
        "sends it again in 3 s by itself."
    )
    assert "network" not in f"{receipt.details} {receipt.what_to_do}"


def test_a_pin_redemption_the_server_timed_out_waiting_for_is_no_outage() -> None:
    waiting = entry(
        EntryStatus.QUEUED,
        last_error=TIMED_OUT,
        last_outcome="never_arrived",
        attempts=1,
        expires_at=NOW + timedelta(minutes=5),
    )
    receipt = receipt_for(waiting)
    assert str(receipt.headline) == "Waiting to send — do not hand over yet"
    assert "cannot be reached" not in f"{receipt.details} {receipt.what_to_do}"
    assert "timed out waiting for the request" in str(receipt.details)


@pytest.mark.parametrize(
    ("said", "words"),
    [
        (3, "a status the till does not know (3)"),
        ("open", "a status the till does not know (open)"),
        (None, "its line gives no status"),  # it read "a status … (None)"
        ("", "its line gives no status"),
    ],
)
def test_a_feed_line_whose_status_the_till_cannot_read_is_said_as_it_came(
    said: object, words: str
) -> None:
    reconciled = entry(
        EntryStatus.SYNCED,
        reconciled=True,
        evidence={"line_status": "unread", "line_status_said": said},
    )
    told = what_the_feed_said(reconciled)
    assert told is not None and words in english(told)


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ({"status": 2, "line_status": "cancelled"}, "cancelled on the Stamps server since"),
        ({"status": 3, "line_status": "unread"}, "with a status the till does not know (3)"),
        ({"status": None, "line_status": "unread"}, "with no status"),
        ({"status": 1, "line_status": "stands"}, None),
        # recorded before the till kept what it read: it read as standing, though 2 is cancelled
        ({"status": 2}, "its status not kept (found before this till kept it)"),
    ],
)
def test_an_audit_lines_feed_line_says_what_it_said_of_the_redemption(
    line: dict[str, object], said: str | None
) -> None:
    # The audit trail's "found in the member's activity" read the same of a redemption the
    # server had cancelled since as of one that stood.
    found = feed_line_said(line)
    assert (english(found) if found is not None else None) == said


def _attempts(*errors: str | None) -> list[Attempt]:
    """The attempts of an entry, one per ``errors`` (``None``: the one the server applied)."""
    return [
        Attempt(
            entry_id="01a2",
            number=n,
            lease_owner="w",
            started_at=NOW,
            outcome="applied" if error is None else "never_arrived",
            error=error,
        )
        for n, error in enumerate(errors, start=1)
    ]


@pytest.mark.parametrize(
    ("errors", "said"),
    [
        # the server asked for it again (a 408, a 429): never offline
        (("RequestTimedOut: Request Timeout", None), "sent_again"),
        (("RateLimited: slow down", "RequestTimedOut: Request Timeout", None), "sent_again"),
        # accepted with no attempt made (the till knew itself offline), or after one that
        # could not connect: offline it was
        ((None,), "offline"),
        (("ConnectionFailed: refused", "RateLimited: slow down", None), "offline"),
    ],
)
def test_a_redemption_confirmed_after_it_was_accepted_says_why_it_was_accepted(
    errors: tuple[str | None, ...], said: str
) -> None:
    # After a 408 the Confirmed panel read "handed over when the till accepted it offline",
    # though the till never was: the server had asked for the request again.
    confirmed = entry(EntryStatus.SYNCED, provisional=True, response={"redemption": {"id": 3}})
    sent_again = accepted_to_send_again(confirmed, _attempts(*errors))
    receipt = receipt_for(confirmed, sent_again=sent_again)
    assert receipt.what_to_do.id == f"receipt.confirmed.{said}.todo"


@pytest.mark.parametrize(
    ("accepted_as", "said"),
    [("timed_out", "sent_again"), ("slowed", "sent_again"), ("offline", "offline")],
)
@pytest.mark.parametrize(
    ("status", "ambiguous", "words"),
    [
        (EntryStatus.SYNCED, False, "receipt.confirmed.{}.todo"),
        (EntryStatus.QUEUED, True, "receipt.not_confirmed.{}.todo"),
        (EntryStatus.UNKNOWN, True, "receipt.not_confirmed.{}.todo"),
        (EntryStatus.REJECTED, False, "receipt.refused.{}.todo"),
    ],
)
def test_a_redemption_handed_over_before_the_answer_says_why_as_it_recorded(
    accepted_as: str, said: str, status: EntryStatus, ambiguous: bool, words: str
) -> None:
    # Accepted after a 408 or 429, then not confirmed or refused: it read "NOT CONFIRMED —
    # accepted offline", "Refused after it was accepted offline", of a till never offline. Its
    # record says why, whatever its attempts since were: a till offline when it accepted, whose
    # attempts once the line came back were all 408s, read "accepted it to send again".
    attempts_since = "RequestTimedOut: Request Timeout" if accepted_as == "offline" else None
    handed_over = entry(
        status,
        provisional=True,
        accepted_as=accepted_as,
        last_error=attempts_since,
        response={"redemption": {"id": 3}} if status is EntryStatus.SYNCED else None,
    )
    receipt = receipt_for(handed_over, ambiguous_attempt=ambiguous)
    assert receipt.what_to_do.id == words.format(said)
    if status is not EntryStatus.SYNCED:
        assert receipt.headline.id == words.format(said).removesuffix(".todo")
    # every screen that follows it (the panel's banner, the rows, History) reads this
    assert receipt.answered is (said == "sent_again")
    assert ("offline" in str(receipt.headline)) is (said == "offline" and status != "synced")


@pytest.mark.parametrize(
    ("accepted_as", "last_error", "headline", "todo"),
    [
        # accepted offline, turned away by a 429 since: offline it was, the server's wait is next
        ("offline", "RateLimited: slow down", "receipt.accepted_offline", "slowed"),
        (
            "timed_out",
            "RequestTimedOut: Request Timeout",
            "receipt.accepted_offline.timed_out",
            "timed_out",
        ),
        # accepted after a 429, then the line went: still no outage when it was accepted
        ("slowed", "ConnectionFailed: refused", "receipt.accepted_offline.slowed", "timed_out"),
        # before the till recorded it: as its last attempt says, as it read until now
        (None, "RateLimited: slow down", "receipt.accepted_offline.slowed", "slowed"),
    ],
)
def test_one_still_accepted_is_headed_by_why_it_was_accepted(
    accepted_as: str | None, last_error: str, headline: str, todo: str
) -> None:
    accepted = entry(
        EntryStatus.QUEUED, provisional=True, accepted_as=accepted_as, last_error=last_error
    )
    receipt = receipt_for(accepted)
    assert receipt.headline.id == headline
    assert receipt.what_to_do.id == f"receipt.accepted_offline.{todo}.todo"


def test_a_manager_s_send_again_says_why_the_one_it_sends_again_was_accepted() -> None:
    # "Send again" of a redemption accepted after a 408 and refused since: confirmed, the retry
    # said the reward was handed over "when the till accepted it offline".
    retry = entry(EntryStatus.SYNCED, response={"redemption": {"id": 3}})
    receipt = receipt_for(retry, handed_over=True, accepted_as=AcceptedAs.TIMED_OUT)
    assert receipt.what_to_do.id == "receipt.confirmed.sent_again.todo"


@pytest.mark.parametrize(
    ("cancelled", "details"),
    [
        (
            OperationKind.VOUCHER,
            "The voucher redemption no longer stands; it spent no stamps. The member was given "
            "a replacement voucher.",
        ),
        (
            OperationKind.DEDUCT,
            "The deduction from the voucher no longer stands; it spent no stamps. The member was "
            "given a replacement voucher.",
        ),
    ],
)
def test_a_confirmed_cancel_that_asked_for_a_replacement_voucher_says_the_member_has_one(
    cancelled: OperationKind, details: str
) -> None:
    confirmed = confirmed_cancel(replaced=True)
    assert str(receipt_for(confirmed, cancelled=cancelled).details) == details


@pytest.mark.parametrize(
    ("cancelled", "replaced", "todo"),
    [
        (
            OperationKind.REWARD,
            False,
            "The Stamps server cancelled the redemption; the stamps it spent go back to the "
            "member.",
        ),
        (
            OperationKind.MULTI,
            False,
            "The Stamps server cancelled the redemption; the stamps it spent go back to the "
            "member.",
        ),
        (OperationKind.PROMO, False, "The Stamps server cancelled the promo redemption."),
        # Seen: a voucher cancelled without a replacement read "what it took goes back to the
        # member", of a voucher the contract never says comes back.
        (
            OperationKind.VOUCHER,
            False,
            "The Stamps server cancelled the voucher redemption; no replacement voucher was "
            "asked for.",
        ),
        (
            OperationKind.CODE,
            False,
            "The Stamps server cancelled the voucher redemption; no replacement voucher was "
            "asked for.",
        ),
        (
            OperationKind.VOUCHER,
            True,
            "The Stamps server cancelled the voucher redemption and gave the member a "
            "replacement voucher.",
        ),
        (
            OperationKind.DEDUCT,
            False,
            "The Stamps server cancelled the deduction from the voucher; no replacement voucher "
            "was asked for.",
        ),
        (
            OperationKind.DEDUCT,
            True,
            "The Stamps server cancelled the deduction from the voucher and gave the member a "
            "replacement voucher.",
        ),
        (None, False, "The Stamps server cancelled the redemption."),
    ],
)
def test_a_confirmed_cancel_says_only_what_is_known_to_go_back_for_the_kind_cancelled(
    cancelled: OperationKind | None, replaced: bool, todo: str
) -> None:
    confirmed = confirmed_cancel(replaced=replaced)
    receipt = receipt_for(confirmed, cancelled=cancelled)
    assert str(receipt.headline) == "Cancel confirmed"
    assert str(receipt.what_to_do) == todo
