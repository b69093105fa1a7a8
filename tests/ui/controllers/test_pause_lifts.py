"""The pause lifts in the window: a token the server refuses pauses the queue and says so; the
token a manager sets meanwhile (another process: ``stamps-pos token set``) is found by "Check
again" (or the till's own timer) and the queue drains."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from app.config import Settings
from app.core.credentials import Secret
from app.core.outbox import Outbox
from app.core.services.receipts import Verdict
from app.core.services.runtime import RuntimeOptions
from app.sandbox import DEMO_TOKEN
from app.ui.cashier_window import CashierWindow

from ...support.sandbox import SandboxControl
from .conftest import WAIT_MS, find_member, redeem, run_async

pytestmark = pytest.mark.integration


def _revoked(
    make_cashier: Callable[..., CashierWindow], settings: Settings
) -> tuple[dict[str, Secret], CashierWindow]:
    """A cashier's window whose till holds a token the server no longer takes, and where the
    till finds its token (``kept["token"]``: what a manager's `stamps-pos token set` changes)."""
    kept = {"token": Secret("revoked-token")}
    cashier = make_cashier(
        settings,
        options=RuntimeOptions(token_source=lambda: kept["token"]),
        token="revoked-token",
    )
    return kept, cashier


def test_a_refused_token_pauses_and_the_new_one_found_by_check_again_drains_the_queue(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    till_settings: Settings,
    sandbox: SandboxControl,
) -> None:
    kept = {"token": Secret(DEMO_TOKEN)}  # the keyring or token file, as another process sees it
    cashier = make_cashier(
        till_settings, options=RuntimeOptions(token_source=lambda: kept["token"])
    )
    view, status = cashier.view, cashier.status
    find_member(qtbot, cashier, "customer@stamps.co.id")

    kept["token"] = Secret("revoked-token")  # the token is changed on the server's side…
    with qtbot.waitSignal(status.credentials_checked, timeout=WAIT_MS):
        status.check_credentials()  # …and the till's timer picks up what is kept now
    picker = view.reward_picker
    picker.select_reward(1)
    receipt = redeem(qtbot, cashier, picker.redeem_button.click)
    assert receipt.verdict is Verdict.NOT_CONFIRMED
    result = view.result_panel.result()
    assert result is not None and "refuses this till's API token" in result.details
    qtbot.waitUntil(
        lambda: view.status.credentials_banner.isVisibleTo(view.status), timeout=WAIT_MS
    )
    # the server's own words, quoted
    assert view.status.summary_text().startswith(
        "Sync is paused: the Stamps server refuses this till's API token. It said: “Invalid token”."
    )

    kept["token"] = Secret(DEMO_TOKEN)  # a manager ran `stamps-pos token set`
    with qtbot.waitSignal(status.credentials_checked, timeout=WAIT_MS) as checked:
        view.status.check_again.click()
    assert checked.args == ["The API token works again: sync has resumed."]
    qtbot.waitUntil(
        lambda: view.redemptions_model.row_data(0).status == "confirmed", timeout=WAIT_MS
    )
    qtbot.waitUntil(
        lambda: not view.status.credentials_banner.isVisibleTo(view.status), timeout=WAIT_MS
    )
    assert [e["idempotency_key"] for e in sandbox.ledger()] == [receipt.entry_id]


def test_a_pause_lifted_by_another_process_sends_the_queue_with_the_token_it_set(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    till_settings: Settings,
    sandbox: SandboxControl,
) -> None:
    kept = {"token": Secret(DEMO_TOKEN)}
    cashier = make_cashier(
        till_settings, options=RuntimeOptions(token_source=lambda: kept["token"])
    )
    view, status, till = cashier.view, cashier.status, cashier.session.till
    find_member(qtbot, cashier, "customer@stamps.co.id")
    kept["token"] = Secret("revoked-token")
    with qtbot.waitSignal(status.credentials_checked, timeout=WAIT_MS):
        status.check_credentials()
    picker = view.reward_picker
    picker.select_reward(1)
    receipt = redeem(qtbot, cashier, picker.redeem_button.click)
    qtbot.waitUntil(
        lambda: view.status.credentials_banner.isVisibleTo(view.status), timeout=WAIT_MS
    )

    # `stamps-pos token set`, in another process, stores the new token and lifts the pause in
    # the shared database; the window hears of it only by reading the queue again.
    kept["token"] = Secret(DEMO_TOKEN)

    async def token_set_elsewhere() -> None:  # its own connection, as another process has
        other = await Outbox.open(till.config.database_path, till.config.outbox_policy())
        try:
            await other.resume_after_credentials_change(who="token set")
        finally:
            await other.close()

    run_async(qtbot, token_set_elsewhere())
    status.refresh()
    qtbot.waitUntil(
        lambda: view.redemptions_model.row_data(0).status == "confirmed", timeout=WAIT_MS
    )
    assert not (run_async(qtbot, till.status())).paused
    assert [e["idempotency_key"] for e in sandbox.ledger()] == [receipt.entry_id]


def test_the_type_ahead_under_a_refused_token_says_so_instead_of_suggesting(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    till_settings: Settings,
    sandbox: SandboxControl,
) -> None:
    # The type-ahead used to answer from the till's copy, as if the server were only away, and
    # say nothing; the lookup after it said the server refuses the till. It says so as typed.
    _, cashier = _revoked(make_cashier, till_settings)
    search = cashier.view.member_search
    qtbot.keyClicks(search.field, "Pratiwi")
    qtbot.waitUntil(
        lambda: "refuses this till's API token" in search.message_text(), timeout=WAIT_MS
    )
    assert not search.suggestions.isVisible()
    qtbot.waitUntil(
        lambda: cashier.view.status.credentials_banner.isVisibleTo(cashier.view.status),
        timeout=WAIT_MS,
    )


def test_the_searchs_word_of_a_refused_token_goes_when_the_new_token_works(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    till_settings: Settings,
    sandbox: SandboxControl,
) -> None:
    # The token changed on the server, Budi looked up: "The Stamps server refuses this till's
    # API token…" under the search. A manager set the new one, the banner went, the queue sent;
    # the search still said the server refuses the till, over a till that worked.
    kept, cashier = _revoked(make_cashier, till_settings)
    view, status, search = cashier.view, cashier.status, cashier.view.member_search
    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS):
        cashier.member.look_up("budi.santoso@contoh.co.id")
    assert "refuses this till's API token" in search.message_text()

    kept["token"] = Secret(DEMO_TOKEN)  # a manager ran `stamps-pos token set`
    with qtbot.waitSignal(status.credentials_checked, timeout=WAIT_MS):
        view.status.check_again.click()
    qtbot.waitUntil(
        lambda: not view.status.credentials_banner.isVisibleTo(view.status), timeout=WAIT_MS
    )
    qtbot.waitUntil(lambda: search.message_text() == "", timeout=WAIT_MS)


def test_the_tills_own_check_of_a_still_refused_token_does_not_say_the_pause_twice(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    till_settings: Settings,
    sandbox: SandboxControl,
) -> None:
    # Seen under X, the token changed on the server: half a minute after the banner came, the
    # till's own check put "The Stamps server still refuses this till's API token… A manager
    # must set the new token…" under "Sync is paused: the Stamps server refuses this till's API
    # token… A manager must set the new token…", and "Checking…" every half minute after. The
    # check's answer is for whoever pressed "Check again".
    _, cashier = _revoked(make_cashier, till_settings)
    view, status = cashier.view, cashier.status
    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS):
        cashier.member.look_up("customer@stamps.co.id")
    qtbot.waitUntil(
        lambda: view.status.credentials_banner.isVisibleTo(view.status), timeout=WAIT_MS
    )

    with qtbot.waitSignals([status.credentials_checked, status.refreshed], timeout=WAIT_MS):
        status.recheck()  # the till's timer, while paused
    assert view.status.credentials_note.text() == ""
    assert "still refuses" not in view.status.summary_text()

    view.status.check_again.click()  # a manager asks: told what the check found
    qtbot.waitUntil(lambda: "still refuses" in view.status.credentials_note.text(), timeout=WAIT_MS)


def test_a_pause_lifted_by_another_process_with_nothing_queued_leaves_degraded_at_once(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    till_settings: Settings,
    sandbox: SandboxControl,
) -> None:
    # Seen under X: the token changed on the server, Budi's lookup refused, nothing queued; a
    # manager ran `stamps-pos token set`. The banner went, and the bar said "Degraded — slow or
    # failing" for most of a minute more, until the probe's next ping: a manager reads that as
    # the fix not having worked.
    kept, cashier = _revoked(make_cashier, till_settings)
    view, status, till = cashier.view, cashier.status, cashier.session.till
    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS):
        cashier.member.look_up("budi.santoso@contoh.co.id")
    qtbot.waitUntil(
        lambda: view.status.credentials_banner.isVisibleTo(view.status), timeout=WAIT_MS
    )
    assert view.status.summary_text().startswith("Sync is paused")

    kept["token"] = Secret(DEMO_TOKEN)

    async def token_set_elsewhere() -> None:
        other = await Outbox.open(till.config.database_path, till.config.outbox_policy())
        try:
            await other.resume_after_credentials_change(who="token set")
        finally:
            await other.close()

    run_async(qtbot, token_set_elsewhere())
    with qtbot.waitSignal(status.credentials_checked, timeout=WAIT_MS):
        status.refresh()  # the window reads the queue running again, and takes up the token
    qtbot.waitUntil(lambda: view.status.summary_text().startswith("Online"), timeout=2000)
