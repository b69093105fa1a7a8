"""The kiosk end to end against a live sandbox, as a customer meets it: a card scanned, the PIN
first for a member who has one, a phone number only for such a member, the result with its QR
code, and what happens offline, when the server does not confirm, and when something waits."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.config import Settings
from app.core.credentials import Secret
from app.core.domain import Channel, EntryStatus
from app.core.services import (
    Handover,
    KioskPaused,
    Member,
    Offer,
    OfferedReward,
    StorageFull,
    Verdict,
    failure_words,
    qr_payload,
    reference_of,
)
from app.core.services import kiosk as kiosk_service
from app.core.services.runtime import RuntimeOptions
from app.core.services.till import Sale, Till
from app.core.storage.problems import disk_full
from app.sandbox import DEMO_TOKEN
from app.ui.controllers import tasks
from app.ui.kiosk.window import KioskWindow
from app.ui.wording import words

from ...support.languages import speaking
from ...support.network import Network
from ...support.sandbox import SandboxControl
from .conftest import AYU, AYU_CARD, AYU_ID, BUDI, BUDI_CARD, WAIT_MS, run_async, visible_words

pytestmark = pytest.mark.integration


def _page(kiosk: KioskWindow) -> str:
    return kiosk.view.current_page().objectName()


def _wait_page(qtbot: QtBot, kiosk: KioskWindow, name: str) -> None:
    qtbot.waitUntil(lambda: _page(kiosk) == name, timeout=WAIT_MS)


def _type_on(qtbot: QtBot, keypad_owner: object, digits: str) -> None:
    keypad = keypad_owner
    for digit in digits:
        keypad.press(digit)  # type: ignore[attr-defined]


def _redeem_first_tile(qtbot: QtBot, kiosk: KioskWindow, reward_id: int = 1) -> None:
    view = kiosk.view
    tile = next(t for t in view.rewards.tiles() if t.objectName() == f"kioskTile{reward_id}")
    tile.click()
    _wait_page(qtbot, kiosk, "kioskConfirm")
    with qtbot.waitSignal(kiosk.flow.result_ready, timeout=WAIT_MS):
        view.confirm.yes.click()


def test_a_card_shows_the_first_name_and_affordable_rewards_then_redeems_on_the_kiosk_channel(
    qtbot: QtBot, kiosk: KioskWindow, sandbox: SandboxControl
) -> None:
    view = kiosk.view
    kiosk.flow.scanned(AYU_CARD)
    _wait_page(qtbot, kiosk, "kioskRewards")

    assert view.rewards.hello.text() == "Hi, Ayu!"
    assert "Pratiwi" not in visible_words(view)  # only the first name
    assert view.rewards.balance.text() == "You have 250 stamps"
    names = [t.accessibleName().split(", ")[0] for t in view.rewards.tiles()]
    assert "Es Kopi Susu Gula Aren" in names
    assert "Potongan Belanja Fleksibel" not in names  # a flexible reward needs a stamps field
    offer = kiosk.flow.offer
    assert offer is not None and all(r.stamps <= 250 for r in offer.rewards)

    _redeem_first_tile(qtbot, kiosk)
    assert view.confirm.question.text() == "Redeem Es Kopi Susu Gula Aren for 20 stamps?"
    _wait_page(qtbot, kiosk, "kioskResult")
    result = view.result.result()
    assert result is not None and result.kind == "confirmed"
    assert view.result.title.text() == "Redeemed!"
    assert view.result.show_cashier.text() == "Show this to the cashier"
    assert result.details == "You have 230 stamps left."
    receipt = kiosk.flow.receipt
    assert receipt is not None and receipt.verdict is Verdict.CONFIRMED
    assert result.qr == qr_payload(receipt.entry_id)
    assert view.result.reference.text() == f"Reference {reference_of(receipt.entry_id)}"
    assert not view.result.qr.pixmap().isNull()
    assert sandbox.stamps(AYU) == 230
    entry = run_async(qtbot, kiosk.till.outbox.get(receipt.entry_id))
    assert entry is not None and entry.payload["channel"] == 3
    assert entry.cashier == "Kiosk"

    view.result.done_button.click()  # Done: gone at once
    assert _page(kiosk) == "kioskWelcome"
    assert kiosk.flow.member is None and kiosk.flow.receipt is None
    assert view.result.result() is None and view.rewards.hello.text() == ""


def test_a_pin_member_types_the_pin_before_anything_of_theirs_shows(
    qtbot: QtBot, kiosk: KioskWindow, sandbox: SandboxControl
) -> None:
    view = kiosk.view
    kiosk.flow.scanned(BUDI_CARD)
    _wait_page(qtbot, kiosk, "kioskPin")
    shown = visible_words(view)
    assert "Budi" not in shown and "180" not in shown
    assert view.rewards.hello.text() == "" and kiosk.flow.offer is None

    pad = view.pin.pad
    for digit in "111111":
        pad.press_digit(digit)
    pad.submit()
    # While the server checks it the pad says so: grey keys and empty dots alone, for the
    # whole read timeout on a line that hangs, look like a PIN thrown away.
    assert pad.busy() and pad.prompt_text() == "Checking your PIN…"
    qtbot.waitUntil(lambda: pad.attempts_text() != "", timeout=WAIT_MS)
    assert _page(kiosk) == "kioskPin"
    assert "Budi" not in visible_words(view)
    assert view.pin.pad._prompt.text() == "That PIN is not right. Please try again."

    for digit in "123456":
        pad.press_digit(digit)
    pad.submit()
    _wait_page(qtbot, kiosk, "kioskRewards")
    assert view.rewards.hello.text() == "Hi, Budi!"
    assert kiosk.flow.request_id is not None

    _redeem_first_tile(qtbot, kiosk)
    _wait_page(qtbot, kiosk, "kioskResult")
    assert kiosk.flow.receipt is not None
    assert kiosk.flow.receipt.verdict is Verdict.CONFIRMED
    assert kiosk.flow.request_id is None  # one PIN, one redemption
    assert sandbox.stamps(BUDI) == 160


def test_a_phone_number_is_taken_only_for_a_member_with_a_pin(
    qtbot: QtBot, kiosk: KioskWindow, sandbox: SandboxControl
) -> None:
    view = kiosk.view
    view.welcome.phone.click()
    assert _page(kiosk) == "kioskPhone"
    _type_on(qtbot, view.phone.keypad, "081210000006")  # Ayu: no PIN
    assert view.phone.keypad.shown_text() == "081210000006"
    view.phone.keypad.submit()
    _wait_page(qtbot, kiosk, "kioskNotice")
    assert view.notice.heading.text() == "Please scan your card"
    no_pin = view.notice.text.text()
    assert "Ayu" not in visible_words(view)
    assert kiosk.flow.member is None

    view.notice.ok.click()
    view.welcome.phone.click()
    _type_on(qtbot, view.phone.keypad, "081299999999")  # nobody's: the same words, no hint
    view.phone.keypad.submit()
    _wait_page(qtbot, kiosk, "kioskNotice")
    assert view.notice.text.text() == no_pin

    view.notice.ok.click()
    view.welcome.phone.click()
    _type_on(qtbot, view.phone.keypad, "081310000123")  # Budi has a PIN
    view.phone.keypad.submit()
    _wait_page(qtbot, kiosk, "kioskPin")
    assert "Budi" not in visible_words(view)
    assert sandbox.stamps(BUDI) == 180


def test_a_card_scanned_over_the_last_customers_rewards_is_the_next_customers(
    qtbot: QtBot, kiosk: KioskWindow, sandbox: SandboxControl
) -> None:
    # Ayu walked away from her rewards; Budi scans his card. Before, the scan was dropped
    # without a word and its keys kept Ayu's name and stamps up for another minute, her tiles
    # one tap from a redemption for whoever stood there.
    view = kiosk.view
    kiosk.flow.scanned(AYU_CARD)
    _wait_page(qtbot, kiosk, "kioskRewards")

    kiosk.flow.scanned(BUDI_CARD)
    _wait_page(qtbot, kiosk, "kioskPin")
    assert "Ayu" not in visible_words(view) and view.rewards.hello.text() == ""
    assert kiosk.flow.member is not None and kiosk.flow.member.email == BUDI

    # The same over the question she left: nothing of hers is redeemed or kept.
    view.pin.pad.cancelled.emit()
    kiosk.flow.scanned(AYU_CARD)
    _wait_page(qtbot, kiosk, "kioskRewards")
    view.rewards.tiles()[0].click()
    _wait_page(qtbot, kiosk, "kioskConfirm")
    kiosk.flow.scanned(BUDI_CARD)
    _wait_page(qtbot, kiosk, "kioskPin")
    assert kiosk.flow.chosen is None and view.confirm.question.text() == ""
    assert sandbox.stamps(AYU) == 250


@pytest.mark.parametrize("affordable", [True, False])
def test_rewards_the_till_could_not_read_send_the_customer_to_the_counter(
    qtbot: QtBot, kiosk: KioskWindow, monkeypatch: pytest.MonkeyPatch, affordable: bool
) -> None:
    # The server listed a reward the till could not read: the counter's tab says so, and the
    # kiosk left it out without a word (and "Collect more stamps!" with no tile, where the
    # customer may afford the one not shown).
    read = kiosk.till.lookup.offer

    async def with_one_unread(member: Member) -> Offer:
        offer = await read(member)
        return replace(offer, rewards=offer.rewards if affordable else (), rewards_unread=1)

    monkeypatch.setattr(kiosk.till.lookup, "offer", with_one_unread)
    view = kiosk.view
    kiosk.flow.scanned(AYU_CARD)
    _wait_page(qtbot, kiosk, "kioskRewards")
    assert view.rewards.unread.isVisibleTo(view.rewards)
    assert view.rewards.unread.text() == "Some rewards could not be shown. Ask at the counter."
    assert bool(view.rewards.tiles()) is affordable
    assert not view.rewards.empty.isVisibleTo(view.rewards)
    view.rewards.done_button.click()
    assert not view.rewards.unread.isVisibleTo(view.rewards)  # the next customer starts clean


@pytest.mark.parametrize(
    "left_out", [{"name": ""}, {"name": "", "email": None}], ids=["no-name", "no-name-nor-email"]
)
def test_a_member_the_server_gave_no_name_is_not_greeted_by_their_email_or_phone(
    qtbot: QtBot, kiosk: KioskWindow, sandbox: SandboxControl, left_out: dict[str, object]
) -> None:
    # A partial registration has no name (customer_api §17): the till names such a member by
    # their email or phone, and the kiosk greeted them with it in its largest type ("Hi,
    # OTHER0001!" under Xvfb against a server that gave no name), for anyone behind to read.
    sandbox.change_member(AYU_ID, **left_out)
    kiosk.flow.scanned(AYU_CARD)
    _wait_page(qtbot, kiosk, "kioskRewards")
    assert kiosk.view.rewards.hello.text() == "Hi!"
    shown = visible_words(kiosk.view)
    assert AYU not in shown and "6281210000006" not in shown
    assert kiosk.view.rewards.balance.text() == "You have 250 stamps"


@pytest.mark.parametrize("name", ["", "   "], ids=["empty", "spaces"])
def test_a_reward_the_server_gave_no_name_is_left_to_the_counter(
    qtbot: QtBot, kiosk: KioskWindow, sandbox: SandboxControl, name: str
) -> None:
    # Its tile said "#9000" and its question "Redeem #9000 for 10 stamps?" (seen under Xvfb
    # against a server that left reward names out): a customer cannot tell what that is.
    view = kiosk.view
    kiosk.flow.scanned(AYU_CARD)
    _wait_page(qtbot, kiosk, "kioskRewards")
    assert "kioskTile1" in [tile.objectName() for tile in view.rewards.tiles()]
    view.rewards.done_button.click()
    _wait_page(qtbot, kiosk, "kioskWelcome")

    sandbox.change_reward(1, name=name)
    kiosk.flow.scanned(AYU_CARD)
    _wait_page(qtbot, kiosk, "kioskRewards")
    assert "kioskTile1" not in [tile.objectName() for tile in view.rewards.tiles()]
    assert "#1" not in visible_words(view)
    assert view.rewards.unread.isVisibleTo(view.rewards)
    assert view.rewards.unread.text() == "Some rewards could not be shown. Ask at the counter."


def test_the_spaces_around_a_reward_s_name_are_not_shown(
    qtbot: QtBot, kiosk: KioskWindow, sandbox: SandboxControl
) -> None:
    # "Redeem Reward number 0  for 10 stamps?": the server's trailing space doubled the one the
    # question puts after the name (seen under Xvfb against a server that is not the sandbox).
    sandbox.change_reward(1, name="  Es Kopi Susu  ")
    kiosk.flow.scanned(AYU_CARD)
    _wait_page(qtbot, kiosk, "kioskRewards")
    tile = next(t for t in kiosk.view.rewards.tiles() if t.objectName() == "kioskTile1")
    tile.click()
    _wait_page(qtbot, kiosk, "kioskConfirm")
    assert kiosk.view.confirm.question.text() == "Redeem Es Kopi Susu for 20 stamps?"


#: What the store lists for Ayu (250 stamps), and what the page says with no tile to show.
NO_TILE = {
    "nothing-listed": ((), "No reward can be redeemed at this kiosk. Please ask at the counter."),
    "only-flexible": (
        (OfferedReward(1, "A1", "Tambah saldo", 10, flexible=True),),
        "No reward can be redeemed at this kiosk. Please ask at the counter.",
    ),
    "too-dear": (
        (OfferedReward(1, "A1", "Tumbler", 400, flexible=False, redeemable=False),),
        "You cannot redeem a reward here yet. Collect more stamps!",
    ),
}


@pytest.mark.parametrize("listed", list(NO_TILE))
def test_collect_more_stamps_is_said_only_when_more_stamps_would_get_a_reward(
    qtbot: QtBot, kiosk: KioskWindow, monkeypatch: pytest.MonkeyPatch, listed: str
) -> None:
    # A store that lists no reward (seen under Xvfb against a server that is not the sandbox)
    # told a member with stamps to collect more: no number of stamps gets one here.
    read = kiosk.till.lookup.offer
    rewards, said = NO_TILE[listed]

    async def listing(member: Member) -> Offer:
        return replace(await read(member), rewards=rewards)

    monkeypatch.setattr(kiosk.till.lookup, "offer", listing)
    view = kiosk.view
    kiosk.flow.scanned(AYU_CARD)
    _wait_page(qtbot, kiosk, "kioskRewards")
    assert view.rewards.tiles() == []
    assert view.rewards.empty.isVisibleTo(view.rewards)
    assert view.rewards.empty.text() == said


@pytest.mark.parametrize(
    "code", ["+6281210000006", "081210000006", "6"], ids=["phone", "local-phone", "primary-key"]
)
def test_a_scan_that_is_not_a_card_identifies_only_a_member_with_a_pin(
    qtbot: QtBot, kiosk: KioskWindow, code: str
) -> None:
    # The server finds a member by their phone or primary key too: sent as a scanner sends it
    # (a barcode anyone may print, or a keyboard as fast), a neighbour's phone number showed
    # their rewards, to redeem, with no PIN asked; typed on the keypad it is refused.
    kiosk.flow.scanned(code)
    qtbot.waitUntil(lambda: _page(kiosk) in ("kioskNotice", "kioskRewards"), timeout=WAIT_MS)
    assert kiosk.view.notice.text.text() == (
        "For your security, please scan your member card, or ask at the counter."
    )
    assert "Ayu" not in visible_words(kiosk.view)
    assert kiosk.flow.member is None

    kiosk.view.notice.ok.click()
    kiosk.flow.scanned("+6281310000123")  # Budi's phone: his PIN is the proof, as typed
    _wait_page(qtbot, kiosk, "kioskPin")


def test_a_kiosk_result_s_qr_code_scanned_at_the_kiosk_is_sent_to_the_cashier(
    qtbot: QtBot, kiosk: KioskWindow
) -> None:
    # "Show this to the cashier": held to the kiosk's own scanner instead, the code was looked
    # up as a card, "We could not find that card. Please try again…". It is the cashier's,
    # whatever the shop's formats, and over a last customer's rewards the next one's.
    kiosk.flow.scanned(AYU_CARD)
    _wait_page(qtbot, kiosk, "kioskRewards")
    kiosk.flow.scanned(qr_payload("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"))
    _wait_page(qtbot, kiosk, "kioskNotice")
    assert kiosk.view.notice.text.text() == (
        "This code is for the cashier. Please show it at the counter."
    )
    assert "Ayu" not in visible_words(kiosk.view) and kiosk.flow.member is None


@pytest.mark.parametrize("code", [AYU_CARD, "KR24000006", "kr24000006"])
def test_a_card_or_member_id_scanned_still_identifies_a_member_without_a_pin(
    qtbot: QtBot, kiosk: KioskWindow, code: str
) -> None:
    kiosk.flow.scanned(code)
    _wait_page(qtbot, kiosk, "kioskRewards")
    assert kiosk.view.rewards.hello.text() == "Hi, Ayu!"


def test_a_blocked_member_is_sent_to_the_counter(
    qtbot: QtBot, kiosk: KioskWindow, sandbox: SandboxControl
) -> None:
    kiosk.flow.scanned("70140000000124")  # Hendra, blocked
    _wait_page(qtbot, kiosk, "kioskNotice")
    assert kiosk.view.notice.heading.text() == "Please ask at the counter"
    assert "Hendra" not in visible_words(kiosk.view)


def test_offline_the_kiosk_is_paused_and_shows_nothing_from_the_cache(
    qtbot: QtBot,
    make_kiosk: Callable[..., KioskWindow],
    network: Network,
    network_settings: Settings,
) -> None:
    kiosk = make_kiosk(network_settings)
    view = kiosk.view
    # Ayu is remembered from an earlier visit: the cache knows her.
    kiosk.flow.scanned(AYU_CARD)
    _wait_page(qtbot, kiosk, "kioskRewards")
    view.rewards.done_button.click()
    network.down()

    kiosk.flow.scanned(AYU_CARD)
    _wait_page(qtbot, kiosk, "kioskNotice")
    assert view.notice.heading.text() == "Redemptions are paused"
    assert view.notice.text.text() == (
        "Redemptions are paused right now. Please ask at the counter."
    )
    assert "Ayu" not in visible_words(view) and "250" not in visible_words(view)
    assert kiosk.flow.member is None
    assert run_async(qtbot, kiosk.till.receipts()) == []  # refused before anything was queued

    view.notice.ok.click()
    assert view.welcome.paused.isVisibleTo(view)  # welcome says it at once now

    # Nor does the phone keypad take twelve digits only to say it then.
    view.welcome.phone.click()
    _wait_page(qtbot, kiosk, "kioskNotice")
    assert view.notice.heading.text() == "Redemptions are paused"

    # Once the line is back, the next tap finds it, whatever welcome last knew.
    view.notice.ok.click()
    network.up()
    view.welcome.phone.click()
    _wait_page(qtbot, kiosk, "kioskPhone")


@pytest.mark.parametrize("line", ["dropped", "holds"])
def test_the_phone_keypad_asks_a_line_not_heard_from_lately_while_the_customer_types(
    qtbot: QtBot,
    make_kiosk: Callable[..., KioskWindow],
    network: Network,
    network_settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    line: str,
) -> None:
    # The heartbeat finds a dropped line up to 30 s late: a customer who tapped "Enter phone
    # number" meanwhile typed every digit and only then read that the kiosk was paused.
    kiosk = make_kiosk(network_settings)
    view = kiosk.view
    kiosk.flow.scanned(AYU_CARD)  # the till has heard from the server...
    _wait_page(qtbot, kiosk, "kioskRewards")
    view.rewards.done_button.click()
    monkeypatch.setattr(kiosk_service, "HEARD_RECENTLY", 0.0, raising=False)  # ...not lately
    if line == "dropped":
        network.down()

    view.welcome.phone.click()
    assert _page(kiosk) == "kioskPhone"  # the keypad is not held up for the question
    _type_on(qtbot, view.phone.keypad, "0812")
    if line == "holds":
        qtbot.waitUntil(lambda: not tasks._running, timeout=WAIT_MS)  # the ping answered
        assert _page(kiosk) == "kioskPhone" and view.phone.keypad.entered_count() == 4
        assert not view.welcome.paused.isVisibleTo(view)
        return
    _wait_page(qtbot, kiosk, "kioskNotice")  # before the number is whole, as a card is told
    assert view.notice.heading.text() == "Redemptions are paused"
    assert view.notice.text.text() == (
        "Redemptions are paused right now. Please ask at the counter."
    )
    assert view.phone.keypad.entered_count() == 0  # their digits are not kept behind it
    view.notice.ok.click()
    assert view.welcome.paused.isVisibleTo(view)


@pytest.mark.parametrize("page", ["kioskPhone", "kioskRewards", "kioskConfirm"])
def test_the_line_lost_while_a_customer_chooses_pauses_the_kiosk_at_once(
    qtbot: QtBot,
    make_kiosk: Callable[..., KioskWindow],
    network: Network,
    network_settings: Settings,
    page: str,
) -> None:
    # Ayu's rewards stayed on screen with the line gone: she chose one, confirmed, and only then
    # read that redemptions were paused.
    kiosk = make_kiosk(network_settings)
    view = kiosk.view
    kiosk.flow.scanned(AYU_CARD)
    _wait_page(qtbot, kiosk, "kioskRewards")
    if page == "kioskConfirm":
        next(t for t in view.rewards.tiles() if t.objectName() == "kioskTile1").click()
        _wait_page(qtbot, kiosk, "kioskConfirm")
    if page == "kioskPhone":  # the next customer types their number: half of it, so far
        view.rewards.done_button.click()
        view.welcome.phone.click()
        _type_on(qtbot, view.phone.keypad, "081234")
        assert _page(kiosk) == "kioskPhone"
    network.down()
    run_async(qtbot, kiosk.till.line.check_connectivity())  # what the till's own watch finds
    _wait_page(qtbot, kiosk, "kioskNotice")
    assert view.phone.keypad.entered_count() == 0
    assert view.notice.heading.text() == "Redemptions are paused"
    assert "Ayu" not in visible_words(view) and kiosk.flow.member is None
    assert run_async(qtbot, kiosk.till.receipts()) == []


@pytest.mark.parametrize("typed", ["", "12"], ids=["untouched", "begun"])
def test_the_line_lost_while_a_pin_pad_is_up_pauses_the_kiosk_at_once(
    qtbot: QtBot,
    make_kiosk: Callable[..., KioskWindow],
    network: Network,
    network_settings: Settings,
    typed: str,
) -> None:
    # Redemptions paused while Budi's PIN pad was up (a full disk under Xvfb; the line, the
    # token alike): the pad stayed, he typed his whole PIN, and only then read "paused".
    kiosk = make_kiosk(network_settings)
    view = kiosk.view
    kiosk.flow.scanned(BUDI_CARD)
    _wait_page(qtbot, kiosk, "kioskPin")
    for digit in typed:
        view.pin.pad.press_digit(digit)
    network.down()
    run_async(qtbot, kiosk.till.line.check_connectivity())  # what the till's own watch finds
    _wait_page(qtbot, kiosk, "kioskNotice")
    assert view.notice.heading.text() == "Redemptions are paused"
    assert kiosk.flow.member is None and view.pin.pad.entered_count() == 0


@pytest.mark.usefixtures("no_retry_meanwhile")  # judged on the first attempt, not a retry
def test_a_redemption_the_server_never_got_is_not_redeemed_and_takes_nothing(
    qtbot: QtBot,
    make_kiosk: Callable[..., KioskWindow],
    network: Network,
    network_settings: Settings,
) -> None:
    kiosk = make_kiosk(network_settings)
    view = kiosk.view
    kiosk.flow.scanned(AYU_CARD)
    _wait_page(qtbot, kiosk, "kioskRewards")
    network.down()  # the kiosk still believes it is online: it sends, and is refused a line
    _redeem_first_tile(qtbot, kiosk)
    _wait_page(qtbot, kiosk, "kioskResult")

    result = view.result.result()
    receipt = kiosk.flow.receipt
    assert result is not None and receipt is not None
    assert receipt.verdict is Verdict.NOT_REDEEMED
    assert result.kind == "refused"  # red
    assert view.result.banner.property("outcome") == "refused"
    assert view.result.title.text() == "Not redeemed"
    assert result.details == (
        "Your redemption did not go through, and nothing was taken from your stamps."
    )
    assert view.result.show_cashier.text() == "Please ask at the counter"
    assert result.reference == reference_of(receipt.entry_id)

    # The customer has gone to the counter; when the server is back, nothing is sent.
    network.up()
    run_async(qtbot, kiosk.till.sync(10))
    assert network.ledger() == []


def test_a_refused_token_pauses_the_kiosk_and_welcome_says_so_until_a_new_one_works(
    qtbot: QtBot,
    make_kiosk: Callable[..., KioskWindow],
    till_settings: Settings,
    sandbox: SandboxControl,
) -> None:
    kept = {"token": Secret("not-the-token")}  # where the till finds its token
    options = RuntimeOptions(token_source=lambda: kept["token"])
    kiosk = make_kiosk(till_settings, options=options, token="not-the-token")
    view = kiosk.view
    kiosk.flow.scanned(AYU_CARD)
    _wait_page(qtbot, kiosk, "kioskNotice")
    assert view.notice.heading.text() == "Redemptions are paused"
    view.notice.ok.click()
    assert view.welcome.paused.isVisibleTo(view)  # as when offline, before anyone tries

    kept["token"] = Secret(DEMO_TOKEN)  # a manager ran `stamps-pos token set`
    kiosk.recheck()  # what the kiosk's timer does while paused
    qtbot.waitUntil(lambda: not view.welcome.paused.isVisibleTo(view), timeout=WAIT_MS)
    kiosk.flow.scanned(AYU_CARD)
    _wait_page(qtbot, kiosk, "kioskRewards")


def test_a_queue_paused_for_the_token_shows_on_welcome_at_once(
    qtbot: QtBot,
    make_kiosk: Callable[..., KioskWindow],
    open_running_till: Callable[..., Till],
    till_settings: Settings,
    sandbox: SandboxControl,
) -> None:
    # Lookups went through; then the server took a new token, and the next send was refused.
    colleague = open_running_till(till_settings, RuntimeOptions(start_worker=False))
    ayu = run_async(qtbot, colleague.lookup.find_member(AYU))
    order = run_async(qtbot, colleague.catalogue.reward_order(ayu, 1))
    kiosk = make_kiosk(till_settings, token="not-the-token")
    view = kiosk.view
    assert not view.welcome.paused.isVisibleTo(view)
    run_async(qtbot, kiosk.till.redeemer.redeem(order, ayu, Sale("Kiosk", channel=Channel.KIOSK)))
    qtbot.waitUntil(lambda: view.welcome.paused.isVisibleTo(view), timeout=WAIT_MS)
    assert run_async(qtbot, kiosk.till.status()).paused
    with pytest.raises(KioskPaused):  # nothing more is queued behind the pause
        run_async(qtbot, kiosk.kiosk.redeem(ayu, 2, None))


@pytest.mark.usefixtures("no_retry_meanwhile")  # the entry is read between attempts
def test_not_confirmed_shows_ask_at_the_counter_with_a_reference_and_the_entry_is_on_the_till(
    qtbot: QtBot, kiosk: KioskWindow, sandbox: SandboxControl
) -> None:
    view = kiosk.view
    kiosk.flow.scanned(AYU_CARD)
    _wait_page(qtbot, kiosk, "kioskRewards")
    sandbox.faults(applied_then_500_rate=1.0, scope="redemptions")
    _redeem_first_tile(qtbot, kiosk)
    _wait_page(qtbot, kiosk, "kioskResult")

    result = view.result.result()
    receipt = kiosk.flow.receipt
    assert result is not None and receipt is not None
    assert result.kind == "not_confirmed"
    assert view.result.title.text() == "Please ask at the counter"
    assert result.reference == reference_of(receipt.entry_id)
    assert "ask at the counter" in result.details
    # The till has it like any other entry, and finds it by the QR code.
    on_till = run_async(qtbot, kiosk.till.receipts())
    assert [r.entry_id for r in on_till] == [receipt.entry_id]
    assert on_till[0].verdict is Verdict.NOT_CONFIRMED
    found = run_async(qtbot, Handover(kiosk.till).find(result.qr))
    assert found.receipt.entry_id == receipt.entry_id and not found.may_hand_over

    # The same member, back at once, is sent to the counter: something of theirs waits.
    view.result.done_button.click()
    kiosk.flow.scanned(AYU_CARD)
    _wait_page(qtbot, kiosk, "kioskNotice")
    assert view.notice.text.text() == (
        "Your last redemption is still being processed. Please ask at the counter."
    )
    entries = run_async(qtbot, kiosk.till.receipts())
    assert len(entries) == 1 and entries[0].status in (EntryStatus.QUEUED, EntryStatus.UNKNOWN)


SAID = "The redemption could not be completed, please try again"


@pytest.mark.parametrize(
    ("fault", "recorded"),
    [
        ({"errors_only_rate": 1.0}, f"It said: “{SAID}”"),
        ({"timeout_rate": 1.0}, "no answer came back"),
    ],
    ids=["a 200 naming no redemption", "a timeout"],
)
def test_an_answer_that_proves_nothing_is_not_confirmed_and_the_till_records_what_was_said(
    qtbot: QtBot,
    make_kiosk: Callable[..., KioskWindow],
    till_settings: Settings,
    sandbox: SandboxControl,
    fault: dict[str, float],
    recorded: str,
) -> None:
    # The customer is told to ask at the counter, never "redeemed", and not in the server's
    # words (they are the cashier's to read): the cashier reads them from the QR code, and a
    # manager in the entry's details.
    kiosk = make_kiosk(till_settings.model_copy(update={"read_timeout": 1.0}))
    view = kiosk.view
    kiosk.flow.scanned(AYU_CARD)
    _wait_page(qtbot, kiosk, "kioskRewards")
    sandbox.faults(scope="redemptions", **fault)
    _redeem_first_tile(qtbot, kiosk)
    _wait_page(qtbot, kiosk, "kioskResult")

    result = view.result.result()
    receipt = kiosk.flow.receipt
    assert result is not None and receipt is not None
    assert result.kind == "not_confirmed"
    shown = visible_words(view)
    assert shown.startswith("Please ask at the counter")
    assert "Redeemed" not in shown and SAID not in shown
    assert result.details == (
        "We could not confirm your redemption yet. Please ask at the counter and show them this "
        "reference."
    )
    found = run_async(qtbot, Handover(kiosk.till).find(result.qr))
    assert not found.may_hand_over
    assert recorded in words(found.receipt.details)
    details = run_async(qtbot, kiosk.till.history.details(receipt.entry_id))
    assert details is not None and details.row.kiosk
    said = failure_words(details.row.last_error)
    assert said is not None and (SAID in words(said)) is ("errors_only_rate" in fault)


def test_a_full_disk_pauses_the_kiosk_for_the_customer_instead_of_an_error(
    qtbot: QtBot, kiosk: KioskWindow, sandbox: SandboxControl, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The disk fills while a customer is choosing: nothing can be queued, and a customer must see
    # the kiosk's own words, never the till's error report.
    view = kiosk.view
    kiosk.flow.scanned(AYU_CARD)
    _wait_page(qtbot, kiosk, "kioskRewards")
    db = kiosk.till.outbox.db

    async def full(fn: object, *, raw: bool) -> object:
        raise StorageFull("database or disk is full", db.path)

    monkeypatch.setattr(db, "_write", full)
    tile = next(t for t in view.rewards.tiles() if t.objectName() == "kioskTile1")
    tile.click()
    _wait_page(qtbot, kiosk, "kioskConfirm")
    view.confirm.yes.click()
    _wait_page(qtbot, kiosk, "kioskNotice")
    assert view.notice.text.text() == (
        "Redemptions are paused right now. Please ask at the counter."
    )
    assert sandbox.ledger() == [] and not kiosk.flow.busy


def test_a_disk_already_full_turns_the_customer_away_at_the_card_and_welcome_says_paused(
    qtbot: QtBot, kiosk: KioskWindow, sandbox: SandboxControl, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Seen under X on a full tmpfs: Ayu's rewards were shown, she chose one and confirmed, and
    # only then read that redemptions were paused (Budi would have typed his PIN for nothing).
    view = kiosk.view
    db = kiosk.till.outbox.db
    write = db._submit

    def refused(fn: object, raw: bool) -> Future[object]:
        future: Future[object] = Future()
        future.set_exception(disk_full(db.path))  # as SQLite's SQLITE_FULL is turned
        return future

    monkeypatch.setattr(db, "_submit", refused)
    for _ in range(2):  # the first finds it out (her copy for the cache), the second knows
        kiosk.flow.scanned(AYU_CARD)
        _wait_page(qtbot, kiosk, "kioskNotice")
        assert view.notice.heading.text() == "Redemptions are paused"
        assert "Ayu" not in visible_words(view) and kiosk.flow.member is None
        view.notice.ok.click()
        assert view.welcome.paused.isVisibleTo(view)
    assert sandbox.ledger() == []

    # Space freed: the till's one look at the disk finds it, and the next card is served.
    monkeypatch.setattr(db, "_submit", write)
    kiosk.disk.look()
    qtbot.waitUntil(lambda: not view.welcome.paused.isVisibleTo(view), timeout=WAIT_MS)
    kiosk.flow.scanned(AYU_CARD)
    _wait_page(qtbot, kiosk, "kioskRewards")


def test_looks_at_a_full_disk_asked_at_once_try_one_write(
    qtbot: QtBot, kiosk: KioskWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The kiosk asked the disk on its own (at its look, at every change of the till, before each
    # lookup) besides the window's watch: on a full disk each ask tries a 64 KB write.
    db = kiosk.till.outbox.db

    def refused(fn: object, raw: bool) -> Future[object]:
        future: Future[object] = Future()
        future.set_exception(disk_full(db.path))
        return future

    monkeypatch.setattr(db, "_submit", refused)
    monkeypatch.setattr("app.core.storage.writer.free_bytes", lambda _: 4096)
    assert run_async(qtbot, kiosk.kiosk.recheck_disk())  # found full by the file system
    tried: list[str] = []
    check_writes = db.check_writes

    async def counted() -> object:
        tried.append("write")
        return await check_writes()

    monkeypatch.setattr(db, "check_writes", counted)
    both = asyncio.gather(kiosk.kiosk.recheck_disk(), kiosk.kiosk.recheck_disk())

    assert run_async(qtbot, both) == [True, True]  # a customer's lookup, and a look meanwhile
    assert tried == ["write"]
    assert kiosk.view.welcome.paused.isVisibleTo(kiosk.view)


def test_a_pin_unchecked_on_a_full_disk_pauses_the_kiosk_not_the_pad(
    qtbot: QtBot, kiosk: KioskWindow, sandbox: SandboxControl, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Seen under X on a full tmpfs: the disk filled while Budi typed his PIN and the server
    # failed its check; the pad said "Checking your PIN…" with its keys off until the idle
    # minute forgot him. The refusal the till records for a PIN it could not check was the
    # write the disk refused, and nothing turned it into the kiosk's words.
    view = kiosk.view
    kiosk.flow.scanned(BUDI_CARD)
    _wait_page(qtbot, kiosk, "kioskPin")
    db = kiosk.till.outbox.db

    def refused(fn: object, raw: bool) -> Future[object]:
        future: Future[object] = Future()
        future.set_exception(disk_full(db.path))
        return future

    monkeypatch.setattr(db, "_submit", refused)
    sandbox.faults(error_rate=1.0)
    pad = view.pin.pad
    for digit in "123456":
        pad.press_digit(digit)
    pad.submit()
    _wait_page(qtbot, kiosk, "kioskNotice")
    assert view.notice.heading.text() == "Redemptions are paused"
    assert "Budi" not in visible_words(view) and kiosk.flow.member is None
    assert sandbox.ledger() == []


def test_the_language_a_customer_chose_stays_until_they_are_done(
    qtbot: QtBot, kiosk: KioskWindow, sandbox: SandboxControl
) -> None:
    # Before, a mistyped phone number's notice, or "Back", put the kiosk back in its own
    # language: Ayu, told in Bahasa Indonesia to scan her card, got her rewards in English.
    view = kiosk.view

    def welcome_says() -> str:
        QApplication.processEvents()  # a change of language reaches the window as an event
        return view.welcome.title.text()

    with speaking("en"):  # the kiosk's own language again after the test
        view.welcome.languages["id"].click()
        qtbot.waitUntil(lambda: welcome_says() == "Selamat datang", timeout=WAIT_MS)
        view.welcome.phone.click()
        view.phone.back_button.click()
        assert _page(kiosk) == "kioskWelcome" and welcome_says() == "Selamat datang"

        view.welcome.phone.click()
        _type_on(qtbot, view.phone.keypad, "081299999999")  # nobody's
        view.phone.keypad.submit()
        _wait_page(qtbot, kiosk, "kioskNotice")
        assert view.notice.heading.text() == "Silakan pindai kartu Anda"
        view.notice.ok.click()
        assert _page(kiosk) == "kioskWelcome" and welcome_says() == "Selamat datang"

        view.welcome.phone.click()
        _type_on(qtbot, view.phone.keypad, "081299999999")
        view.phone.keypad.submit()
        _wait_page(qtbot, kiosk, "kioskNotice")
        kiosk.flow.scanned(AYU_CARD)  # what the notice asked for
        _wait_page(qtbot, kiosk, "kioskRewards")
        QApplication.processEvents()
        assert view.rewards.done_button.text() == "Selesai"

        # Done: the customer has gone, and the next one meets the kiosk's own language.
        view.rewards.done_button.click()
        qtbot.waitUntil(lambda: welcome_says() == "Welcome", timeout=WAIT_MS)
