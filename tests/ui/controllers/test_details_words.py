"""A redemption's details as a manager reads them: the kind in words, and a status that agrees with
the banner in every state the details can show (queued, sending, confirmed, accepted offline, not
confirmed, refused, cancelled, cancel pending, voided, marked applied, dismissed), in English and
in Bahasa Indonesia."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.core.outbox.claim import NEEDS_DASHBOARD
from app.core.services import (
    AttemptLine,
    CancelState,
    EntryDetails,
    EntryStatus,
    FoldedAttempts,
    HistoryRow,
    ManagerDecision,
    MemberContact,
    OperationKind,
    Verdict,
    say,
)
from app.core.services.manager_decision import holding
from app.ui.controllers.day import standing_words
from app.ui.controllers.details_words import details_data
from app.ui.controllers.manager_words import status_words
from app.ui.manager.details import EntryDetailsDialog
from app.ui.widgets.member_card import local_time_text

from ...support.languages import speaking

MADE = datetime(2026, 12, 25, 7, 2, tzinfo=UTC)
ASKED = MADE + timedelta(minutes=30)
SETTLED = ASKED + timedelta(minutes=1)
APPLIED = AttemptLine(1, MADE, MADE + timedelta(seconds=1), "applied", 200, None)
LOST = AttemptLine(
    1,
    MADE,
    MADE + timedelta(seconds=20),
    "ambiguous",
    None,
    "ResponseLost: no answer from the Stamps server (ReadTimeout)",
)
REFUSED = AttemptLine(1, MADE, MADE + timedelta(seconds=1), "refused", 400, None)


def row(
    status: EntryStatus,
    verdict: Verdict,
    headline: str,
    *,
    kind: OperationKind = OperationKind.REWARD,
    **changes: Any,
) -> HistoryRow:
    base = HistoryRow(
        entry_id="e-1",
        seq=1,
        created_at=MADE,
        kind=kind,
        status=status,
        verdict=verdict,
        headline=say(headline),
        cashier="Rina",
        terminal="till-1",
        user="ayu@example.com",
        lane="member:1",
        description="Es Kopi Susu",
        server_redemption_id=None,
        invoice=None,
        stamps=20,
        rupiah=0,
        provisional=False,
        reconciled=False,
        note=None,
        last_error=None,
    )
    return dataclasses.replace(base, **changes)


def details(entry: HistoryRow, decision: ManagerDecision | None = None) -> EntryDetails:
    """``entry``'s details with ``decision`` its latest, as the till reads them: the row holds
    the decision only while it is what settled the entry (``holding``)."""
    if decision is not None:
        entry = dataclasses.replace(entry, decision=holding(decision, entry.status))
    return EntryDetails(
        row=entry,
        payload={},
        evidence=None,
        contact=MemberContact("ayu@example.com", "Ayu Pratiwi"),
        audit=(),
        retry_of=None,
        retried_as=(),
        cancels=(),
        needs_pin=False,
        decision=decision,
    )


def cancelled(status: EntryStatus, headline: str, **changes: Any) -> HistoryRow:
    return row(
        EntryStatus.SYNCED,
        Verdict.CONFIRMED,
        "receipt.confirmed",
        server_redemption_id=2031,
        attempts=(APPLIED,),
        cancel=CancelState("c-1", status, say(headline), False, "Dewi", ASKED, **changes),
    )


def facts(entry: EntryDetails) -> dict[str, str]:
    return dict(details_data(entry).facts)


def test_the_kind_is_in_words_not_the_value_stored() -> None:
    kinds = {
        OperationKind.REWARD: "Reward",
        OperationKind.MULTI: "Cart of several rewards",
        OperationKind.VOUCHER: "Voucher",
        OperationKind.DEDUCT: "Amount from a balance voucher",
        OperationKind.CODE: "Voucher code",
        OperationKind.PROMO: "Promo code",
        OperationKind.CANCEL: "Cancellation",
    }
    for kind, shown in kinds.items():
        entry = row(EntryStatus.SYNCED, Verdict.CONFIRMED, "receipt.confirmed", kind=kind)
        assert facts(details(entry))["Kind"] == shown


@pytest.mark.parametrize(("lines", "shown"), [(1, "Reward"), (3, "Cart of 3 rewards")])
def test_a_cart_is_named_by_what_it_holds(lines: int, shown: str) -> None:
    # Three Croissants put in the cart and redeemed with F9 read "Several rewards".
    entry = row(
        EntryStatus.SYNCED, Verdict.CONFIRMED, "receipt.confirmed", kind=OperationKind.MULTI,
        lines=lines,
    )  # fmt: skip
    assert facts(details(entry))["Kind"] == shown


def test_queued_says_not_sent_yet() -> None:
    data = details_data(details(row(EntryStatus.QUEUED, Verdict.NOT_CONFIRMED, "receipt.waiting")))
    assert data.standing == "Waiting to send — do not hand over yet"
    assert dict(data.facts)["Status"] == "Queued: not sent yet"


@pytest.mark.parametrize(
    "attempt",
    [
        LOST,
        # a 500, and a network's sign-in page answering 200: answers, which proved nothing
        AttemptLine(1, MADE, MADE, "ambiguous", 500, "ServerError: 500 Internal Server Error"),
        AttemptLine(
            1,
            MADE,
            MADE,
            "ambiguous",
            200,
            "WebPageAnswer: a web page answered, not the Stamps server (200 OK)",
        ),
    ],
)
def test_queued_after_an_ambiguous_send_says_not_confirmed(attempt: AttemptLine) -> None:
    entry = row(
        EntryStatus.QUEUED, Verdict.NOT_CONFIRMED, "receipt.not_confirmed", attempts=(attempt,)
    )
    data = details_data(details(entry))
    assert data.standing.startswith("NOT CONFIRMED")
    assert dict(data.facts)["Status"] == (
        "Not confirmed: sent, and nothing showed whether it went through; the till sends it again"
    )


def test_sending_says_it_is_on_its_way() -> None:
    entry = row(EntryStatus.SENDING, Verdict.NOT_CONFIRMED, "receipt.not_confirmed")
    assert facts(details(entry))["Status"] == "Being sent to the Stamps server"


def test_confirmed_says_the_server_confirmed_it() -> None:
    entry = row(
        EntryStatus.SYNCED,
        Verdict.CONFIRMED,
        "receipt.confirmed",
        server_redemption_id=2031,
        attempts=(APPLIED,),
    )
    data = details_data(details(entry))
    assert (data.standing, dict(data.facts)["Status"]) == ("Confirmed", "Confirmed by the server")
    assert dict(data.facts)["Server redemption id"] == "2031"


def test_accepted_offline_says_it_waits_to_send() -> None:
    entry = row(
        EntryStatus.QUEUED, Verdict.ACCEPTED_OFFLINE, "receipt.accepted_offline", provisional=True
    )
    data = details_data(details(entry))
    assert data.standing == "Accepted offline — will sync"
    assert dict(data.facts)["Status"] == "Accepted offline: waiting to send"
    assert dict(data.facts)["Accepted offline"] == "yes"


def test_accepted_after_a_429_does_not_say_offline() -> None:
    # the server answered "slow down": a manager must not read it as an outage
    entry = row(
        EntryStatus.QUEUED,
        Verdict.ACCEPTED_OFFLINE,
        "receipt.accepted_offline.slowed",
        provisional=True,
        answered=True,
    )
    data = details_data(details(entry))
    facts_said = dict(data.facts)
    assert data.standing == "Accepted — will sync"
    assert facts_said["Status"] == (
        "Accepted: the Stamps server answered but applied nothing yet; waiting to send"
    )
    assert facts_said["Accepted before the server's answer"] == (
        "yes: the Stamps server answered but applied nothing yet"
    )
    assert "Accepted offline" not in facts_said
    sending = dataclasses.replace(entry, status=EntryStatus.SENDING)
    assert "offline" not in facts(details(sending))["Status"]


@pytest.mark.parametrize(
    ("status", "verdict"),
    [(EntryStatus.SYNCED, Verdict.CONFIRMED), (EntryStatus.REJECTED, Verdict.REFUSED)],
)
def test_accepted_after_a_408_and_settled_since_says_why_it_was_accepted(
    status: EntryStatus, verdict: Verdict
) -> None:
    # Confirmed (or refused) since: it read "Accepted offline: yes", an outage there was not.
    entry = row(status, verdict, f"receipt.{verdict.value}", provisional=True, answered=True)
    facts_said = facts(details(entry))
    assert "Accepted offline" not in facts_said
    assert facts_said["Accepted before the server's answer"] == (
        "yes: the Stamps server had asked for it again; the till was not offline"
    )


def test_unknown_says_not_confirmed_and_a_manager_checks() -> None:
    entry = row(
        EntryStatus.UNKNOWN,
        Verdict.NOT_CONFIRMED,
        "receipt.not_confirmed",
        attempts=(LOST,),
        last_error="ResponseLost: no answer from the Stamps server (ReadTimeout)",
    )
    shown = facts(details(entry))
    assert shown["Status"] == (
        "Not confirmed: the till could not prove whether the server applied it"
    )
    assert shown["Last error"] == (
        "It was sent but no answer came back: the server may have applied it."
    )


def test_refused_gives_the_servers_reason_in_words_not_the_record() -> None:
    entry = row(
        EntryStatus.REJECTED,
        Verdict.REFUSED,
        "receipt.refused",
        attempts=(REFUSED,),
        last_error="ValidationFailed: insufficient stamps",
        reason=say("server.refused", reason="insufficient stamps"),
    )
    data = details_data(details(entry))
    shown = dict(data.facts)
    assert (data.standing, shown["Status"]) == (
        "Refused",
        "Refused by the server: nothing was redeemed",
    )
    assert shown["Why"] == "The Stamps server refused it: insufficient stamps"
    assert "Last error" not in shown


def test_cancelled_later_reads_cancelled_with_who_when_and_what_it_was() -> None:
    entry = cancelled(EntryStatus.SYNCED, "cancel.done", settled_at=SETTLED, note="wrong reward")
    data = details_data(details(entry))
    shown = dict(data.facts)
    assert data.standing == "Cancelled"
    assert shown["Cancel note"] == "wrong reward"
    assert shown["Status"] == "Cancelled: the Stamps server confirmed the cancel"
    assert shown["Cancel asked"] == f"{local_time_text(ASKED)} by Dewi"
    assert shown["Cancel confirmed"] == local_time_text(SETTLED)
    assert shown["Before the cancel"] == "Confirmed by the server"
    assert "Confirmed by the server" not in (shown["Status"], data.standing)


def test_cancel_pending_says_the_redemption_stands_until_it_is_sent() -> None:
    data = details_data(details(cancelled(EntryStatus.QUEUED, "cancel.pending")))
    shown = dict(data.facts)
    assert data.standing == "Cancel pending"
    assert shown["Status"] == "Cancel pending: not sent to the Stamps server yet"
    assert shown["Cancel asked"] == f"{local_time_text(ASKED)} by Dewi"
    assert "Cancel confirmed" not in shown


def test_a_refused_cancel_says_why_and_that_the_redemption_stands() -> None:
    entry = cancelled(
        EntryStatus.REJECTED,
        "cancel.refused_silently",
        reason=say("server.refused", reason="already cancelled"),
    )
    shown = facts(details(entry))
    assert shown["Status"] == "Cancel refused: the redemption still stands"
    assert shown["Why the cancel was refused"] == (
        "The Stamps server refused it: already cancelled"
    )


def test_a_cancel_refused_for_want_of_its_redemption_does_not_say_it_stands() -> None:
    # redemption_api §6's 404, "Cannot find redemption of the requested redemption id": there
    # is no redemption by that id on the server, which "the redemption still stands" denied
    why = say("server.refused", reason="Redemption 9999 not found")
    by_server_id = row(
        EntryStatus.REJECTED,
        Verdict.REFUSED,
        "receipt.cancel.refused",
        kind=OperationKind.CANCEL,
        last_error="NotFound: Redemption 9999 not found",
        reason=why,
    )
    assert facts(details(by_server_id))["Status"] == (
        "Cancel refused: the Stamps server has no redemption by this id"
    )
    own = cancelled(
        EntryStatus.REJECTED, "cancel.refused_silently", reason=why, no_such_redemption=True
    )
    shown = facts(details(own))
    assert shown["Status"] == "Cancel refused: the Stamps server has no redemption by this id"
    assert shown["Why the cancel was refused"] == (
        "The Stamps server refused it: Redemption 9999 not found"
    )


def test_voided_before_it_was_sent_names_the_manager_and_their_note_only() -> None:
    entry = row(
        EntryStatus.VOIDED,
        Verdict.CANCELLED,
        "receipt.cancelled",
        note="cancelled by Dewi before it was sent: wrong reward",
    )
    decision = ManagerDecision("void", "Dewi", ASKED, "wrong reward")
    data = details_data(details(entry, decision))
    shown = dict(data.facts)
    assert data.standing == "Cancelled"
    assert shown["Status"] == "Cancelled before it was sent: nothing was redeemed"
    assert shown["Cancelled"] == f"{local_time_text(ASKED)} by Dewi"
    assert shown["Manager's note"] == "wrong reward"


def test_voided_by_the_offline_rules_says_not_redeemed_and_why() -> None:
    entry = row(
        EntryStatus.VOIDED,
        Verdict.NOT_REDEEMED,
        "receipt.not_redeemed",
        note="voided: offline policy",
        reason=say("policy.too_costly_offline", limit=10, cost=20),
    )
    shown = facts(details(entry))
    assert shown["Status"] == "Not redeemed: the till's offline rules did not allow it"
    assert shown["Why"] == "Offline, one redemption may cost at most 10 stamps; this costs 20."
    assert "Manager's note" not in shown


def test_a_pin_that_ran_out_says_so_and_a_kiosk_entry_not_sent_in_time_says_that() -> None:
    pin = row(
        EntryStatus.EXPIRED,
        Verdict.EXPIRED,
        "receipt.expired",
        last_error="authorisation expired",
    )
    kiosk = row(
        EntryStatus.EXPIRED,
        Verdict.EXPIRED,
        "receipt.expired.kiosk",
        last_error="not sent within the kiosk's bound",
        kiosk=True,
    )
    pin_data, kiosk_data = details_data(details(pin)), details_data(details(kiosk))
    assert pin_data.standing == "PIN authorisation ran out"
    assert dict(pin_data.facts)["Status"] == "PIN authorisation ran out: nothing was redeemed"
    assert dict(pin_data.facts)["Last error"] == (
        "The member's PIN authorisation ran out before it could be sent: nothing was redeemed."
    )
    # Seen in manager mode: a kiosk's redemption its worker never sent, which may have had no
    # PIN at all, read "PIN authorisation ran out" in its status and its last error.
    shown = dict(kiosk_data.facts)
    assert kiosk_data.standing == "Not redeemed: not sent in time"
    assert shown["Status"] == (
        "Not sent in time: the kiosk told the customer to ask at the counter; nothing was redeemed"
    )
    assert shown["Last error"] == (
        "Not sent in time: the kiosk could not send it while its customer was there, and told "
        "them to ask at the counter. It will never be sent: nothing was redeemed."
    )
    assert not any("PIN" in value for _, value in kiosk_data.facts)
    with speaking("id"):
        indonesian = dict(details_data(details(kiosk)).facts)
    assert indonesian["Status"] != shown["Status"]
    assert indonesian["Galat terakhir"] != shown["Last error"]
    assert not any("PIN" in value for value in indonesian.values())


def test_the_days_standings_and_the_status_filter_tell_a_kiosk_from_a_pin() -> None:
    assert standing_words("expired") == "PIN ran out"
    assert standing_words("not_sent_in_time") == "Not sent in time"
    assert standing_words("not_redeemed") == "Not redeemed"
    # One status holds both: its word in the history's filter and the audit names neither.
    assert "PIN" not in status_words(EntryStatus.EXPIRED)
    with speaking("id"):
        assert standing_words("not_sent_in_time") == "Tidak terkirim tepat waktu"
        assert "PIN" not in status_words(EntryStatus.EXPIRED)


def test_marked_applied_says_a_manager_did_not_the_server() -> None:
    entry = row(
        EntryStatus.SYNCED, Verdict.CONFIRMED, "receipt.confirmed", note="seen on the dashboard"
    )
    decision = ManagerDecision("mark_applied", "Dewi", ASKED, "seen on the dashboard")
    data = details_data(details(entry, decision))
    shown = dict(data.facts)
    assert data.standing == "Marked applied by a manager"
    assert shown["Status"] == "Marked applied by a manager: the Stamps server never confirmed it"
    assert shown["Marked applied"] == f"{local_time_text(ASKED)} by Dewi"
    assert shown["Manager's note"] == "seen on the dashboard"


def test_dismissed_names_the_manager_and_their_note() -> None:
    entry = row(EntryStatus.DISMISSED, Verdict.CLOSED, "receipt.closed", note="told the member")
    decision = ManagerDecision("dismiss", "Dewi", ASKED, "told the member")
    data = details_data(details(entry, decision))
    shown = dict(data.facts)
    assert data.standing == "Closed by a manager"
    assert shown["Status"] == "Dismissed by a manager: the till does not send it again"
    assert shown["Dismissed"] == f"{local_time_text(ASKED)} by Dewi"


def test_a_cancel_by_server_id_says_who_asked_and_where_it_stands() -> None:
    entry = row(
        EntryStatus.QUEUED,
        Verdict.NOT_CONFIRMED,
        "receipt.cancel.waiting",
        kind=OperationKind.CANCEL,
        cashier="Dewi",
        stamps=0,
    )
    shown = facts(details(entry))
    assert shown["Asked by"] == "Dewi · till-1"
    assert shown["Kind"] == "Cancellation"
    assert shown["Status"] == "Cancel pending: not sent to the Stamps server yet"


def test_the_dialog_shows_the_cancelled_rows_under_the_cancelled_banner(qtbot: QtBot) -> None:
    dialog = EntryDetailsDialog()
    qtbot.addWidget(dialog)
    dialog.set_details(
        details_data(details(cancelled(EntryStatus.SYNCED, "cancel.done", settled_at=SETTLED)))
    )
    assert dialog.standing.text() == "Cancelled"
    assert dialog.fact("Status") == "Cancelled: the Stamps server confirmed the cancel"
    assert dialog.fact("Kind") == "Reward"


@pytest.mark.parametrize(
    ("entry", "decision"),
    [
        (cancelled(EntryStatus.SYNCED, "cancel.done", settled_at=SETTLED), None),
        (cancelled(EntryStatus.QUEUED, "cancel.pending"), None),
        (
            row(EntryStatus.SYNCED, Verdict.CONFIRMED, "receipt.confirmed", note="ok"),
            ManagerDecision("mark_applied", "Dewi", ASKED, "ok"),
        ),
        (row(EntryStatus.QUEUED, Verdict.NOT_CONFIRMED, "receipt.waiting"), None),
        (row(EntryStatus.UNKNOWN, Verdict.NOT_CONFIRMED, "receipt.not_confirmed"), None),
    ],
)
def test_in_indonesian_the_kind_and_the_status_rows_are_translated(
    entry: HistoryRow, decision: ManagerDecision | None
) -> None:
    english = details_data(details(entry, decision))
    with speaking("id"):
        indonesian = details_data(details(entry, decision))
    assert len(english.facts) == len(indonesian.facts)
    for (label, value), (_, value_id) in zip(english.facts, indonesian.facts, strict=True):
        if label in ("Kind", "Status", "Cancel asked", "Marked applied", "Before the cancel"):
            assert value_id != value, (label, value)
    assert indonesian.standing != english.standing


def test_the_audit_trail_says_none_in_words_not_pythons_none() -> None:
    entry = cancelled(EntryStatus.SYNCED, "cancel.done", settled_at=SETTLED)
    audit = ({"at": ASKED, "who": "Dewi", "action": "cancel", "detail": {"note": None}},)
    data = details_data(dataclasses.replace(details(entry), audit=audit))
    assert data.trail == (f"{local_time_text(ASKED)}  Dewi  cancel  (note: none)",)


#: Failures as the till records them, and an English word of each record that must not reach an
#: Indonesian screen.
RECORDS = [
    ("lease ran out (crash or kill mid-attempt)", "lease"),
    ("ResponseLost: no answer from the Stamps server (ReadTimeout)", "ResponseLost"),
    ("ServerError: 500 Internal Server Error", "ServerError"),
    ("ConnectionFailed: could not reach the Stamps server (ConnectError)", "ConnectError"),
    ("ValueError", "ValueError"),
]


@pytest.mark.parametrize(("record", "word"), RECORDS, ids=[w for _, w in RECORDS])
def test_in_indonesian_an_error_reads_as_words_not_as_recorded(record: str, word: str) -> None:
    # Seen by hand: "Galat terakhir: lease ran out (crash or kill mid-attempt)", and the same in
    # the attempts' "Galat" column, after a till was killed mid-attempt.
    attempt = AttemptLine(1, MADE, None, "ambiguous", None, record)
    entry = row(
        EntryStatus.UNKNOWN,
        Verdict.NOT_CONFIRMED,
        "receipt.not_confirmed",
        attempts=(attempt,),
        last_error=record,
    )
    english = details_data(details(entry))
    with speaking("id"):
        indonesian = details_data(details(entry))
    for data in (english, indonesian):
        assert word not in dict(data.facts)["Last error" if data is english else "Galat terakhir"]
        assert word not in data.attempts[0].cells[5]
    assert dict(indonesian.facts)["Galat terakhir"] != dict(english.facts)["Last error"]
    assert indonesian.attempts[0].cells[5] == dict(indonesian.facts)["Galat terakhir"]


def test_what_the_server_said_beside_a_confirmation_is_quoted_as_it_said_it() -> None:
    entry = row(
        EntryStatus.SYNCED,
        Verdict.CONFIRMED,
        "receipt.confirmed",
        server_redemption_id=2031,
        attempts=(APPLIED,),
        last_error="voucher 88 already used",
    )
    assert facts(details(entry))["Last error"] == (
        "The Stamps server also said: voucher 88 already used"
    )


def test_a_redemption_found_in_the_activity_says_why_it_was_unconfirmed_in_words() -> None:
    entry = row(
        EntryStatus.SYNCED,
        Verdict.CONFIRMED,
        "receipt.confirmed",
        reconciled=True,
        attempts=(LOST,),
        last_error="ServerError: 500 Internal Server Error",
    )
    assert facts(details(entry))["Last error"] == (
        "The Stamps server failed while handling it: the server may have applied it."
    )


def test_in_indonesian_the_line_found_in_the_activity_reads_as_words_not_a_dict() -> None:
    # Seen by hand: "ditemukan di aktivitas member (baris: {'store': 32, 'name': 'Croissant
    # Mentega', 'stamps': 15, 'created': '2026-12-01T10:22:18+00:00', 'redemption_id': None, …})"
    line = {
        "store": 32,
        "name": "Croissant Mentega",
        "stamps": 15,
        "created": "2026-12-25T07:02:30+00:00",
        "redemption_id": None,
        "channel": "POS",
    }
    audit = ({"at": ASKED, "who": "sync", "action": "reconciled", "detail": {"line": line}},)
    entry = row(EntryStatus.SYNCED, Verdict.CONFIRMED, "receipt.confirmed", reconciled=True)
    english = details_data(dataclasses.replace(details(entry), audit=audit)).trail[0]
    made_at = local_time_text(MADE + timedelta(seconds=30))
    with speaking("id"):
        indonesian = details_data(dataclasses.replace(details(entry), audit=audit)).trail[0]
        made_at_id = local_time_text(MADE + timedelta(seconds=30))
    for text, when in ((english, made_at), (indonesian, made_at_id)):
        assert "{" not in text and "': " not in text and "None" not in text
        assert "Croissant Mentega" in text and when in text
    assert "stamps" in english and "stamps" not in indonesian


@pytest.mark.parametrize("language", ["en", "id"])
def test_an_attempt_refused_by_a_server_asking_for_https_reads_as_that(language: str) -> None:
    # The entry waits on a paused queue; the manager opens it: its last error and the attempt
    # say what the server said and the https address to set, not that the token is refused.
    record = "CredentialsRejected: Please use https instead of http"
    attempt = AttemptLine(1, MADE, MADE + timedelta(seconds=1), "never_arrived", 403, record)
    entry = row(
        EntryStatus.QUEUED,
        Verdict.NOT_CONFIRMED,
        "receipt.waiting",
        attempts=(attempt,),
        last_error=record,
    )
    with speaking(language):
        data = details_data(details(entry), base_url="http://127.0.0.1:8000")
    shown = [v for _, v in data.facts] + [data.attempts[0].cells[5]]
    said = [text for text in shown if "Please use https instead of http" in text]
    assert len(said) == 2, shown  # the last error and the attempt
    for text in said:
        assert "https://127.0.0.1" in text
        assert "API token" not in text and "token API" not in text


@pytest.mark.parametrize(
    ("entry", "never"),
    [
        (
            row(EntryStatus.VOIDED, Verdict.CANCELLED, "receipt.cancelled"),
            ("none (never sent)", "tidak ada (tidak pernah dikirim)"),
        ),
        (
            row(EntryStatus.EXPIRED, Verdict.EXPIRED, "receipt.expired"),
            ("none (never sent)", "tidak ada (tidak pernah dikirim)"),
        ),
        (
            # the offline rules voided it once an attempt proved it never arrived
            row(EntryStatus.VOIDED, Verdict.NOT_REDEEMED, "receipt.not_redeemed", attempts=(LOST,)),
            ("none (not redeemed)", "tidak ada (tidak ditukar)"),
        ),
        (
            row(EntryStatus.REJECTED, Verdict.REFUSED, "receipt.refused", attempts=(REFUSED,)),
            ("none (refused)", "tidak ada (ditolak)"),
        ),
        (
            # refused, then dismissed by a manager
            row(EntryStatus.DISMISSED, Verdict.CLOSED, "receipt.closed", attempts=(REFUSED,)),
            ("none (refused)", "tidak ada (ditolak)"),
        ),
        (
            # unknown, then sent again (or dismissed): the server may have applied it, and its
            # id is on the dashboard, never coming to this entry
            row(EntryStatus.DISMISSED, Verdict.CLOSED, "receipt.closed", attempts=(LOST,)),
            ("not known: a manager closed it", "tidak diketahui: manajer menutupnya"),
        ),
    ],
)
def test_a_redemption_that_will_never_have_a_server_id_does_not_say_none_yet(
    entry: HistoryRow, never: tuple[str, str]
) -> None:
    # "none yet" promised a server id to a redemption voided before it was sent
    assert facts(details(entry))["Server redemption id"] == never[0]
    with speaking("id"):
        indonesian = details_data(details(entry)).facts
    assert [value for _, value in indonesian if value == never[1]] == [never[1]]
    queued = row(EntryStatus.QUEUED, Verdict.NOT_CONFIRMED, "receipt.waiting")
    assert facts(details(queued))["Server redemption id"] == "none yet"


def test_a_redemption_marked_applied_and_then_cancelled_was_confirmed_by_a_manager() -> None:
    decision = ManagerDecision("mark_applied", "Dewi", ASKED, "seen on the dashboard")
    entry = row(
        EntryStatus.SYNCED,
        Verdict.CONFIRMED,
        "receipt.confirmed.by_manager",
        cancel=CancelState("c-1", EntryStatus.REJECTED, say("cancel.refused_silently"), False),
        decision=decision,
    )
    shown = facts(details(entry, decision))
    assert shown["Before the cancel"] == (
        "Confirmed by a manager: the Stamps server never confirmed it"
    )


@pytest.mark.parametrize(
    ("entry", "unknown"),
    [
        (
            # Wayan saw it on the dashboard and marked it applied: no server id came with that
            row(
                EntryStatus.SYNCED,
                Verdict.CONFIRMED,
                "receipt.confirmed.by_manager",
                attempts=(LOST,),
                decision=ManagerDecision("mark_applied", "Wayan", ASKED, "seen on the dashboard"),
            ),
            (
                "not known: a manager marked it applied",
                "tidak diketahui: manajer menandainya diproses",
            ),
        ),
        (
            # matched to a line of the member's activity, which named no redemption id
            row(
                EntryStatus.SYNCED,
                Verdict.CONFIRMED,
                "receipt.confirmed",
                attempts=(LOST,),
                reconciled=True,
            ),
            (
                "not known: confirmed from the member's activity",
                "tidak diketahui: dikonfirmasi dari aktivitas member",
            ),
        ),
    ],
)
def test_a_redemption_confirmed_without_a_server_id_says_why_there_is_none(
    entry: HistoryRow, unknown: tuple[str, str]
) -> None:
    # "none yet" read as if the till still waited for the server's answer
    decision = entry.decision
    assert facts(details(entry, decision))["Server redemption id"] == unknown[0]
    with speaking("id"):
        indonesian = details_data(details(entry, decision)).facts
    assert [value for _, value in indonesian if value == unknown[1]] == [unknown[1]]


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_redemption_found_cancelled_in_the_activity_does_not_read_confirmed(
    language: str,
) -> None:
    # Its answer was lost and a manager cancelled it on the dashboard before the feed was read:
    # the details said "Confirmed: found in the member's activity" of what no longer stands.
    entry = row(
        EntryStatus.SYNCED,
        Verdict.CANCELLED,
        "receipt.cancelled.on_server",
        reconciled=True,
        attempts=(LOST,),
        line_status="cancelled",
    )
    with speaking(language):
        status = dict(details_data(details(entry)).facts)
    said = {
        "en": ("Status", "Cancelled on the Stamps server", "Server redemption id"),
        "id": ("Status", "Dibatalkan di server Stamps", "ID penukaran di server"),
    }[language]
    assert status[said[0]].startswith(said[1])
    assert "dikonfirmasi" not in status[said[2]] and "confirmed" not in status[said[2]]


@pytest.mark.parametrize(
    ("line_status", "said"),
    [
        (
            "unread",
            "Counted as confirmed: found in the member's activity, with a status the till does "
            "not know",
        ),
        # reconciled before the till kept what the line said: it read plain "Confirmed…"
        (
            "not_kept",
            "Counted as confirmed: found in the member's activity before the till kept its status",
        ),
    ],
)
def test_a_status_the_till_does_not_know_is_said_not_read_as_confirmed(
    line_status: str, said: str
) -> None:
    entry = row(
        EntryStatus.SYNCED,
        Verdict.CONFIRMED,
        "receipt.confirmed",
        reconciled=True,
        attempts=(LOST,),
        line_status=line_status,
    )
    assert facts(details(entry))["Status"] == said


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "none: the redemption was confirmed without one; cancel it on the Stamps dashboard"),
        ("id", "tidak ada: penukarannya dikonfirmasi tanpa ID; batalkan lewat dashboard Stamps"),
    ],
)
def test_a_cancel_the_till_never_sent_does_not_wait_for_a_server_id(
    language: str, said: str
) -> None:
    # The cancel's own details said "Server redemption id: none yet", as if an answer would
    # bring one: its redemption was confirmed without one, and it will never be sent.
    cancel = row(
        EntryStatus.REJECTED,
        Verdict.REFUSED,
        "cancel.needs_dashboard",
        kind=OperationKind.CANCEL,
        last_error=NEEDS_DASHBOARD,
    )
    with speaking(language):
        shown = dict(details_data(details(cancel)).facts)
    assert said in shown.values()


def test_a_cancel_the_till_never_sent_agrees_with_the_historys_row() -> None:
    # "Cancel refused: the redemption still stands" and "Why the cancel was refused" said the
    # server refused a cancel the till never sent: its redemption has no server id, and the
    # history's row reads "Cancel not sent: cancel it on the Stamps dashboard".
    entry = row(
        EntryStatus.SYNCED,
        Verdict.CONFIRMED,
        "receipt.confirmed",
        reconciled=True,
        cancel=CancelState(
            "c-1",
            EntryStatus.REJECTED,
            say("cancel.needs_dashboard"),
            False,
            "Wayan",
            ASKED,
            reason=say("decision.needs_dashboard"),
            needs_dashboard=True,
        ),
    )
    data = details_data(details(entry))
    shown = dict(data.facts)
    assert data.standing == "Cancel not sent: cancel it on the Stamps dashboard"
    assert shown["Status"] == (
        "Cancel not sent: the redemption stands until it is cancelled on the Stamps dashboard"
    )
    assert "Why the cancel was refused" not in shown
    assert "cancel it on the Stamps dashboard" in shown["Why the cancel was not sent"]
    assert shown["Before the cancel"] == "Confirmed: found in the member's activity"


@pytest.mark.parametrize(
    ("language", "sent", "counted"),
    [
        (
            "en",
            # numbers as written in Indonesia, in English too (en_ID)
            "1.204 times; 1.181 of them never reached the Stamps server and are counted, not "
            "listed",
            "Counted, not listed: 1.181 attempts like this, first to last",
        ),
        (
            "id",
            "1.204 kali; 1.181 di antaranya tidak pernah sampai ke server Stamps dan dihitung, "
            "tidak dicantumkan satu per satu",
            "Dihitung, tidak dicantumkan: 1.181 percobaan seperti ini, dari yang pertama sampai "
            "yang terakhir",
        ),
    ],
)
def test_an_entry_retried_for_days_says_how_many_tries_and_lists_the_rest_in_one_line(
    qtbot: QtBot, language: str, sent: str, counted: str
) -> None:
    # 1,204 tries over four days offline: the first 3 and the last 20 listed, the 1,181 between
    # them (none reached the server) counted in one line where their numbers are missing.
    def unsent(number: int) -> AttemptLine:
        at = MADE + timedelta(minutes=5 * (number - 1))
        return AttemptLine(number, at, at + timedelta(seconds=3), "never_arrived", None, None)

    listed = (*map(unsent, (1, 2, 3)), *map(unsent, range(1_185, 1_205)))
    folded = FoldedAttempts(
        "never_arrived", 1_181, unsent(4).started_at, unsent(1_184).ended_at or MADE
    )
    entry = row(
        EntryStatus.QUEUED,
        Verdict.NOT_CONFIRMED,
        "receipt.waiting",
        attempts=listed,
        tries=1_204,
        folded=(folded,),
    )
    with speaking(language):
        dialog = EntryDetailsDialog()
        qtbot.addWidget(dialog)
        dialog.set_details(details_data(details(entry)))
        label = "Sent" if language == "en" else "Dikirim"
        assert dialog.fact(label) == sent
        shown = [r.cells[0] for r in dialog.attempts_model.rows()]
        assert shown == ["1", "2", "3", "…", *map(str, range(1_185, 1_205))]
        assert dialog.attempts_model.rows()[3].cells[5] == counted
        # every attempt listed: no such fact (as before)
        few = dataclasses.replace(entry, attempts=listed[:3], tries=3, folded=())
        assert label not in dict(details_data(details(few)).facts)


@pytest.mark.parametrize(
    ("attempt", "english", "indonesian"),
    [
        (APPLIED, "applied by the server", "diproses oleh server"),
        (
            REFUSED,
            "refused by the server: nothing applied",
            "ditolak oleh server: tidak ada yang diproses",
        ),
        (
            dataclasses.replace(REFUSED, outcome="never_arrived", status_code=None),
            "never reached the server: nothing applied",
            "tidak sampai ke server: tidak ada yang diproses",
        ),
        (
            LOST,
            "no clear answer: not known whether it was applied",
            "tidak ada jawaban yang jelas: tidak diketahui apakah sudah diproses",
        ),
    ],
)
def test_an_attempts_outcome_says_what_it_means_for_the_redemption(
    attempt: AttemptLine, english: str, indonesian: str
) -> None:
    # The attempts read "Outcome: ambiguous", the outbox's own word, which told a manager
    # nothing of whether the reward may have gone through.
    entry = details(
        row(
            EntryStatus.UNKNOWN, Verdict.NOT_CONFIRMED, "receipt.not_confirmed", attempts=(attempt,)
        )
    )
    assert details_data(entry).attempts[0].cells[3] == english
    with speaking("id"):
        assert details_data(entry).attempts[0].cells[3] == indonesian
