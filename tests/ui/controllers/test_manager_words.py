"""Manager mode's rows in the window's words (app/ui/controllers/manager_words.py): times are the
till's local time in the window's locale, as everywhere on screen, whatever the core's message
carries for the command line."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot

from app.core.services import (
    EntryStatus,
    ExceptionItem,
    HistoryRow,
    ManagerDecision,
    MemberContact,
    OperationKind,
    Verdict,
    say,
)
from app.ui.controllers.manager_words import exception_data, history_row, in_local_time
from app.ui.wording import words

from ...support.languages import speaking

BASE = "https://stamps.co.id"
#: The history table's member column.
MEMBER_COLUMN = 2


def _unknown_row(at: datetime) -> HistoryRow:
    return HistoryRow(
        entry_id="01a23056-8ae1-701e-92f0-a2a512a28b66",
        seq=1,
        created_at=at,
        kind=OperationKind.REWARD,
        status=EntryStatus.UNKNOWN,
        verdict=Verdict.NOT_CONFIRMED,
        headline=say("receipt.not_confirmed"),
        cashier="Dewi",
        terminal="till-1",
        user="putri.maharani@contoh.co.id",
        lane="member:128",
        description="Croissant Mentega",
        server_redemption_id=None,
        invoice=None,
        stamps=15,
        rupiah=0,
        provisional=False,
        reconciled=False,
        note=None,
        last_error=None,
    )


def test_the_history_names_the_member_and_keeps_the_identifier_sent_in_its_tooltip(
    qtbot: QtBot,
) -> None:
    # Manager mode's history listed Putri by the email the till sent, cut at 1024 px
    # ("putri.maharani@con…"), where the shift's list and the details said "Putri Maharani".
    from dataclasses import replace

    from PySide6.QtCore import Qt

    from app.ui.manager.history import HistoryView

    view = HistoryView()
    qtbot.addWidget(view)
    row = _unknown_row(datetime(2026, 12, 1, 6, 40, tzinfo=UTC))
    view.set_rows([history_row(replace(row, member_name="Putri Maharani")), history_row(row)])
    named, unnamed = (view.model.index(n, MEMBER_COLUMN) for n in (0, 1))
    assert view.model.data(named) == "Putri Maharani"
    tip = view.model.data(named, Qt.ItemDataRole.ToolTipRole)
    assert "Putri Maharani" in tip and "putri.maharani@contoh.co.id" in tip
    # a member the till knows only by the identifier it sent is listed by it, as before
    assert view.model.data(unnamed) == "putri.maharani@contoh.co.id"
    assert view.model.data(unnamed, Qt.ItemDataRole.ToolTipRole) == "putri.maharani@contoh.co.id"


@pytest.mark.usefixtures("in_jakarta")
def test_the_activity_read_since_is_said_in_local_time_not_as_the_stored_utc_stamp() -> None:
    # Seen by hand: "Not in the member's activity: 2 line(s) read since
    # 2026-12-01T06:40:53.983317+00:00." beside a row that says "1 Dec 13.40" in Jakarta.
    since = "2026-12-01T06:40:53.983317+00:00"
    evidence = {"result": "not_found", "lines_read": 2, "since": since}
    item = ExceptionItem(
        row=_unknown_row(datetime(2026, 12, 1, 6, 40, 53, tzinfo=UTC)),
        said=say("exception.not_found", lines=2, since=since),
        evidence=evidence,
        contact=MemberContact("putri.maharani@contoh.co.id", "Putri Maharani"),
        needs_pin=False,
    )
    data = exception_data(item, frozenset({"retry", "mark_applied", "dismiss"}), base_url=BASE)
    assert data.row.cells[0] == "1 Dec 13.40"
    assert data.reason == "Not in the member's activity: 2 lines read since 1 Dec 13.40."
    assert item.reason.endswith(f"since {since}.")  # the command line keeps the exact stamp


def test_in_indonesian_what_the_activity_showed_reads_as_words_not_json() -> None:
    # Seen by hand: the exceptions' "Yang terlihat di aktivitas member" was the evidence as JSON,
    # its keys in English ("lines_read", "result": "not_found", stamps in UTC).
    since = "2026-12-01T06:40:53+00:00"
    evidence = {
        "checked_at": "2026-12-01T06:42:16+00:00",
        "since": since,
        "until": "2026-12-01T06:42:58+00:00",
        "expected": {"store": 32, "name": "Croissant Mentega", "stamps": 15},
        "lines_read": 7,
        "candidates": [
            {
                "store": 32,
                "name": "Croissant Mentega",
                "stamps": 15,
                "created": "2026-12-01T06:41:10+00:00",
                "redemption_id": 2031,
                "channel": "Kiosk",
            }
        ],
        "accounted_by_other_entries": 1,
        "waiting_on": [],
        "rivals": [],
        "result": "not_found",
        "checks": 2,
    }
    item = ExceptionItem(
        row=_unknown_row(datetime(2026, 12, 1, 6, 40, 53, tzinfo=UTC)),
        said=say("exception.not_found", lines=7, since=since),
        evidence=evidence,
        contact=MemberContact("putri.maharani@contoh.co.id", "Putri Maharani"),
        needs_pin=False,
    )
    allowed = frozenset({"retry", "mark_applied", "dismiss"})
    in_english = exception_data(item, allowed, base_url=BASE).evidence
    with speaking("id"):
        shown = exception_data(item, allowed, base_url=BASE).evidence
    assert shown != in_english
    for text in (in_english, shown):
        for raw in ("{", '"', "lines_read", "not_found", "accounted_by", "2026-12-01T", "Kiosk"):
            assert raw not in text, (raw, text)
        assert "Croissant Mentega" in text and "2031" in text


@pytest.mark.parametrize("language", ["en", "id"])
def test_an_activity_refused_over_plain_http_says_what_the_server_said_and_the_https_address(
    language: str,
) -> None:
    # The member's activity could not be read: the server answered 403 "Please use https instead
    # of http" to a till on an http base_url. "Why it could not be read" says so, with the address
    # to set, as the banner, the result panel, doctor and the audit line do: not a refused token,
    # which a manager would replace for nothing.
    record = "CredentialsRejected: Please use https instead of http"
    item = ExceptionItem(
        row=_unknown_row(datetime(2026, 12, 1, 6, 40, 53, tzinfo=UTC)),
        said=say("exception.feed_unreadable"),
        evidence={
            "checked_at": "2026-12-01T06:42:16+00:00",
            "checks": 1,
            "result": "feed_unreadable",
            "error": record,
        },
        contact=MemberContact("putri.maharani@contoh.co.id", "Putri Maharani"),
        needs_pin=False,
    )
    allowed = frozenset({"retry", "mark_applied", "dismiss"})
    with speaking(language):
        shown = exception_data(item, allowed, base_url="http://127.0.0.1:8000").evidence
        secure = exception_data(item, allowed, base_url="https://stamps.co.id").evidence
    why = shown.splitlines()[-1]
    assert why.startswith(
        {"en": "Why it could not be read:", "id": "Mengapa tidak bisa dibaca:"}[language]
    ), why
    assert "“Please use https instead of http”" in why and "https://127.0.0.1" in why
    refused_token = {"en": "refuses this till's API token", "id": "menolak token API"}[language]
    assert refused_token not in why
    assert ("http biasa" if language == "id" else "plain http") in why
    # over https already, the server's words are quoted beside the token it refuses
    assert "Please use https instead of http" in secure and refused_token in secure


def test_a_redemption_marked_applied_reads_confirmed_by_a_manager_in_the_history() -> None:
    # The server never confirmed it: a manager did. It counts as confirmed all the same.
    marked = dataclasses.replace(
        _unknown_row(datetime(2026, 12, 1, 9, 30, tzinfo=UTC)),
        status=EntryStatus.SYNCED,
        verdict=Verdict.CONFIRMED,
        headline=say("receipt.confirmed.by_manager"),
    )
    assert history_row(marked).cells[-1] == "Confirmed by a manager"
    assert history_row(marked).kind == "confirmed"
    with speaking("id"):
        assert history_row(marked).cells[-1] == "Dikonfirmasi manajer"


def test_a_redemption_sent_again_is_not_red_in_the_history() -> None:
    # The new redemption's row carries how it went; the original has nothing left to do.
    at = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
    closed = dataclasses.replace(
        _unknown_row(at),
        status=EntryStatus.DISMISSED,
        verdict=Verdict.CLOSED,
        headline=say("receipt.closed"),
    )
    sent_again = dataclasses.replace(
        closed,
        headline=say("receipt.closed.sent_again"),
        decision=ManagerDecision("retry", "Wayan", at, new_entry="01a2"),
    )
    # dismissed unknown: closed, not refused (the server never refused it, and may have it)
    assert history_row(closed).kind == "closed"
    assert history_row(sent_again).kind is None
    assert history_row(sent_again).cells[-1] == "Sent again by a manager: see the new redemption"


@pytest.mark.usefixtures("in_jakarta")
@pytest.mark.parametrize("language", ["en", "id"])
def test_the_redemptions_the_evidence_names_are_told_by_member_reward_and_time(
    qtbot: QtBot, language: str
) -> None:
    # The pane said "Other unconfirmed redemptions that could own the same lines:
    # 01a23057-02b4-7c3e-9a11-5d2c6f9a8057" where the manager looks for Putri's croissant.
    from app.ui.manager.exceptions import ExceptionsView
    from app.ui.widgets.member_card import local_time_text

    at = datetime(2026, 12, 1, 6, 40, tzinfo=UTC)
    rival = dataclasses.replace(
        _unknown_row(datetime(2026, 12, 1, 6, 41, tzinfo=UTC)),
        entry_id="01a23057-02b4-7c3e-9a11-5d2c6f9a8057",
        member_name="Putri Maharani",
        cashier="Rina",
    )
    waited = dataclasses.replace(
        _unknown_row(datetime(2026, 12, 1, 6, 42, tzinfo=UTC)),
        entry_id="01a23058-77aa-7c3e-9a11-44d0c1b2a3c4",
        status=EntryStatus.QUEUED,
        member_name="Putri Maharani",
        description="Kopi Susu",
        terminal="kiosk-1",
        kiosk=True,
    )
    item = ExceptionItem(
        row=_unknown_row(at),
        said=say("exception.ambiguous", entries=2, lines=1),
        evidence={
            "result": "ambiguous: 2 unknown entries could own 1 line",
            "rivals": [rival.entry_id, "01a23059-0000-7000-8000-000000000000"],
            "waiting_on": [waited.entry_id],
        },
        contact=MemberContact("putri.maharani@contoh.co.id", "Putri Maharani"),
        needs_pin=False,
        others=(rival, waited),
    )
    with speaking(language):
        data = exception_data(item, frozenset({"retry", "dismiss"}), base_url=BASE)
        view = ExceptionsView()
        qtbot.addWidget(view)
        view.set_items([data])
        rival_at, waited_at = (local_time_text(r.created_at) for r in (rival, waited))
    assert rival.entry_id not in data.evidence and waited.entry_id not in data.evidence
    assert f"Putri Maharani, Croissant Mentega, {rival_at}, Rina" in data.evidence
    # a kiosk's redemption by the reference its customer's screen showed
    assert f"Putri Maharani, Kopi Susu, {waited_at}, K-B2A3C4" in data.evidence
    # one the till no longer has is still named, by the only thing known of it
    assert "01a23059-0000-7000-8000-000000000000" in data.evidence
    # the full ids stay a hover away
    tip = view.evidence.toolTip()
    assert rival.entry_id in tip and waited.entry_id in tip
    assert view.evidence.toolTip() == data.evidence_tip


@pytest.mark.usefixtures("in_jakarta")
def test_a_server_id_another_redemption_has_names_when_it_was_made_in_the_tills_time() -> None:
    # The core gives the moment as a UTC stamp; it read "made 2026-12-02 12:19", a clock
    # unlike every other on the screen ("2 Dec 19.19").
    said = say(
        "manager.server_id_taken",
        server_id=2002,
        member="Ayu Pratiwi",
        made="2026-12-02T12:19:30+00:00",
        cashier="Dewi",
    )
    shown = words(in_local_time(said))
    assert "made 2 Dec 19.19 by Dewi" in shown


def test_a_cancel_the_till_never_sent_says_so_and_offers_no_send_again(qtbot: QtBot) -> None:
    # Its redemption was confirmed without a server id (found in the member's activity): the
    # exception read "Cancel of server redemption ?", "Refused by the server", and offered
    # "Send again…", which is held and ended so again. Nobody refused it, and no "?" id exists.
    from app.core.outbox.claim import NEEDS_DASHBOARD
    from app.ui.controllers.manager_words import exception_decisions
    from app.ui.manager.exceptions import ExceptionsView

    cancel = dataclasses.replace(
        _unknown_row(datetime(2026, 12, 1, 6, 40, tzinfo=UTC)),
        kind=OperationKind.CANCEL,
        status=EntryStatus.REJECTED,
        verdict=Verdict.REFUSED,
        headline=say("receipt.cancel.needs_dashboard"),
        description=None,
        last_error=NEEDS_DASHBOARD,
        cancels_what="Croissant Mentega",
    )
    item = ExceptionItem(
        row=cancel,
        said=say("decision.needs_dashboard"),
        evidence=None,
        contact=MemberContact("putri.maharani@contoh.co.id", "Putri Maharani"),
        needs_pin=False,
    )
    data = exception_data(item, exception_decisions(cancel), base_url=BASE)
    view = ExceptionsView()
    qtbot.addWidget(view)
    view.show()
    view.set_items([data])
    *_, what, _offline, status = data.row.cells
    assert what == "Cancel of Croissant Mentega"
    assert status == "Not sent: only the dashboard can cancel"
    assert "Stamps dashboard" in data.reason
    shown = {d for d, button in view.buttons.items() if button.isVisible()}
    assert shown == {"dismiss"}
    # a cancel the server refused is still told so, and may be sent again
    refused = dataclasses.replace(cancel, last_error="HTTP 400: already cancelled")
    assert exception_decisions(refused) == frozenset({"retry", "dismiss"})
    refused_item = dataclasses.replace(item, row=refused)
    assert exception_data(refused_item, frozenset(), base_url=BASE).row.cells[-1] == (
        "Refused by the server"
    )


@pytest.mark.parametrize(
    ("provisional", "answered", "said"),
    [(True, True, "no: accepted to send again"), (True, False, "yes"), (False, False, "no")],
)
def test_the_exceptions_offline_column_says_no_of_one_accepted_after_a_408(
    provisional: bool, answered: bool, said: str
) -> None:
    # One accepted after the server asked for it again (a 408, a 429), refused since, read
    # "yes" under "Offline": an outage there was not.
    from dataclasses import replace

    row = replace(
        _unknown_row(datetime(2026, 12, 1, 6, 40, tzinfo=UTC)),
        status=EntryStatus.REJECTED,
        verdict=Verdict.REFUSED,
        provisional=provisional,
        answered=answered,
    )
    item = ExceptionItem(
        row=row,
        said=say("server.refused_silently"),
        evidence=None,
        contact=MemberContact("putri.maharani@contoh.co.id", "Putri Maharani"),
        needs_pin=False,
    )
    offline_column = 3
    cells = exception_data(item, frozenset(), base_url=BASE).row.cells
    assert cells[offline_column] == said


def test_what_the_activity_showed_names_this_store_by_its_code_not_its_id() -> None:
    # Seen under X (demo --exceptions, Server errors, F8, Exceptions): "Looked for: Croissant
    # Mentega, 15 stamps, store 32." while the sign-in page and everything else say RDG-KMG.
    evidence = {
        "checked_at": "2026-12-01T06:42:16+00:00",
        "expected": {"store": 32, "name": "Croissant Mentega", "stamps": 15},
        "lines_read": 1,
        "candidates": [],
    }
    item = ExceptionItem(
        row=_unknown_row(datetime(2026, 12, 1, 6, 40, 53, tzinfo=UTC)),
        said=say("exception.not_found", lines=1, since="2026-12-01T06:40:53+00:00"),
        evidence=evidence,
        contact=MemberContact("customer@stamps.co.id", "Ayu Pratiwi"),
        needs_pin=False,
    )
    allowed = frozenset({"retry", "mark_applied", "dismiss"})
    shown = exception_data(item, allowed, base_url=BASE, store_codes={32: "RDG-KMG"}).evidence
    assert "Croissant Mentega, 15 stamps, store RDG-KMG." in shown
    assert "store 32" not in shown
    # another store (one the till has no code for) is still told by its id
    elsewhere = exception_data(item, allowed, base_url=BASE, store_codes={33: "RDG-BRG"}).evidence
    assert "store 32" in elsewhere
