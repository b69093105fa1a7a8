"""The kiosk against a Stamps server that is not the sandbox (tests/support/other_stamps.py): one
that leaves optional fields out, adds its own, ignores the rewards list's paging and answers a
redemption 200 without naming it. Nothing says "Redeemed!" but a 2xx that names the redemption."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.config import Settings
from app.ui.kiosk.window import KioskWindow

from ...support.other_stamps import Behaviour, a_till_on
from .conftest import WAIT_MS

pytestmark = pytest.mark.integration

SARI_CARD = "OTHER0001"  # no PIN, 300 stamps


@pytest.fixture
def other() -> Behaviour:
    return Behaviour()


@pytest.fixture
def other_settings(other: Behaviour, tmp_path: Path) -> Iterator[Settings]:
    with a_till_on(other, tmp_path / "till", "kiosk-1") as settings:
        yield settings


def _page(kiosk: KioskWindow) -> str:
    return kiosk.view.current_page().objectName()


@pytest.mark.parametrize(
    ("answer", "title"),
    [
        ("ok", "Redeemed!"),
        ("error-200", "Please ask at the counter"),
        ("refused", "Not redeemed"),
    ],
)
def test_a_redemption_is_called_redeemed_only_when_the_server_named_it(
    qtbot: QtBot,
    make_kiosk: Callable[..., KioskWindow],
    other_settings: Settings,
    other: Behaviour,
    answer: str,
    title: str,
) -> None:
    other.redeem = answer
    kiosk = make_kiosk(other_settings)
    kiosk.flow.scanned(SARI_CARD)
    qtbot.waitUntil(lambda: _page(kiosk) == "kioskRewards", timeout=WAIT_MS)
    assert kiosk.view.rewards.hello.text() == "Hi, Sari!"
    assert kiosk.view.rewards.balance.text() == "You have 300 stamps"
    kiosk.view.rewards.tiles()[0].click()
    qtbot.waitUntil(lambda: _page(kiosk) == "kioskConfirm", timeout=WAIT_MS)
    with qtbot.waitSignal(kiosk.flow.result_ready, timeout=WAIT_MS):
        kiosk.view.confirm.yes.click()
    assert kiosk.view.result.title.text() == title
    assert sum(other.posts.values()) == 1


@pytest.mark.parametrize("listed", [0, 200])
def test_a_store_listing_no_reward_or_200_of_them_at_once_is_shown_a_page_at_a_time(
    qtbot: QtBot,
    make_kiosk: Callable[..., KioskWindow],
    other_settings: Settings,
    other: Behaviour,
    listed: int,
) -> None:
    other.rewards = listed
    kiosk = make_kiosk(other_settings)
    kiosk.flow.scanned(SARI_CARD)
    qtbot.waitUntil(lambda: _page(kiosk) == "kioskRewards", timeout=WAIT_MS)
    rewards = kiosk.view.rewards
    assert len(rewards.tiles()) == min(listed, 6)
    assert rewards.more.isVisibleTo(rewards) is (listed > 6)
    assert rewards.empty.isVisibleTo(rewards) is (listed == 0)


@pytest.mark.parametrize("seen_before", [False, True])
def test_a_lookup_answered_200_with_an_error_body_sends_the_customer_to_the_counter(
    qtbot: QtBot,
    make_kiosk: Callable[..., KioskWindow],
    other_settings: Settings,
    other: Behaviour,
    seen_before: bool,
) -> None:
    # "Try again later" under a 200 read "Redemptions are paused": the server answered, and
    # nothing is paused; the card could not be looked up, as a PIN so answered is not checked.
    kiosk = make_kiosk(other_settings)
    view = kiosk.view
    if seen_before:
        kiosk.flow.scanned(SARI_CARD)
        qtbot.waitUntil(lambda: _page(kiosk) == "kioskRewards", timeout=WAIT_MS)
        view.rewards.done_button.click()
    other.details_error_200 = True
    kiosk.flow.scanned(SARI_CARD)
    qtbot.waitUntil(lambda: _page(kiosk) == "kioskNotice", timeout=WAIT_MS)
    assert view.notice.heading.text() == "Please ask at the counter"
    assert view.notice.text.text() == "We could not look up your card. Please ask at the counter."
    assert kiosk.flow.member is None
