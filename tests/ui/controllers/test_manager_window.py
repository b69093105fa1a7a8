"""Manager mode in the window against a live sandbox: entering and leaving it, every decision with
its audit line, the row that follows a cancel (made here or by ``stamps-pos cancel`` in another
process), the exceptions and their badge, and no manager action without a manager."""

from __future__ import annotations

import asyncio
import contextlib
import csv
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.config import Settings
from app.core.clock import ManualClock, installed
from app.core.credentials import Secret
from app.core.domain import EntryStatus
from app.core.messages import say
from app.core.services import (
    AuditFilter,
    ManagerRequired,
    Member,
    OperationKind,
    Receipt,
    Role,
    Sale,
    StaffRefused,
    Till,
)
from app.core.services.receipts import Verdict
from app.sandbox import DEMO_TOKEN
from app.settings_file import SettingsFile
from app.ui.cashier_window import CashierWindow
from app.ui.controllers import audit as audit_controller
from app.ui.controllers import history as history_controller
from app.ui.controllers import tasks
from app.ui.controllers.csv_path import export_folder
from app.ui.controllers.history import local_midnight
from app.ui.controllers.manager_words import what_text
from app.ui.manager.decisions import CancelByServerIdDialog, DecisionDialog
from app.ui.manager.details import DetailsData
from app.ui.manager.exceptions import ExceptionData
from app.ui.manager.history import HistoryView
from app.ui.manager.page import ManagerPageView
from app.ui.viewmodels import CounterRefusalKey
from app.ui.widgets.result_panel import ResultPanel

from ...support.disk import fill, small_disk, unwritable_folder
from ...support.gates import Held
from ...support.sandbox import SandboxControl
from .conftest import WAIT_MS, find_member, manager_goes_idle, redeem, run_async

pytestmark = pytest.mark.integration

AYU = "customer@stamps.co.id"
AGUS = "agus.setiawan@contoh.co.id"
AGUS_ID = 126  # the sandbox's id of him (0 stamps)
MANAGER, PIN = "Wayan", "246810"


def add_manager(qtbot: QtBot, window: CashierWindow) -> None:
    run_async(qtbot, window.till.staff.add_first_manager(MANAGER, Secret(PIN)))


def enter(qtbot: QtBot, window: CashierWindow) -> None:
    with qtbot.waitSignal(window.mode.entered, timeout=WAIT_MS):
        manager = run_async(qtbot, window.mode.sign_in(MANAGER, Secret(PIN)))
    assert manager is not None


def redeem_reward(qtbot: QtBot, window: CashierWindow, user: str = AYU) -> str:
    find_member(qtbot, window, user)
    window.view.reward_picker.select_reward(1)
    receipt = redeem(qtbot, window, window.view.reward_picker.redeem_button.click)
    return receipt.entry_id


def cancel_from_details(qtbot: QtBot, window: CashierWindow) -> None:
    """Cancel the redemption whose details are open, a manager being in, and wait for it to be
    decided."""
    details = window.decisions.details
    assert details is not None
    details.buttons["cancel"].click()
    qtbot.waitUntil(lambda: isinstance(window.decisions.dialog, DecisionDialog), timeout=WAIT_MS)
    dialog = window.decisions.dialog
    assert isinstance(dialog, DecisionDialog)
    with qtbot.waitSignal(window.decisions.decided, timeout=WAIT_MS):
        dialog.confirm.click()


def audit_actions(qtbot: QtBot, window: CashierWindow, entry_id: str | None = None) -> list[str]:
    lines = run_async(qtbot, window.till.audit.lines(AuditFilter(entry_id=entry_id)))
    return [f"{line.who}:{line.action}" for line in lines]


def history_status(window: CashierWindow, entry_id: str) -> str:
    model = window.view.manager.history.model
    number = model.find(entry_id)
    return model.row(number).cells[-1] if number is not None else ""


def test_f8_asks_a_managers_pin_refuses_a_wrong_one_in_words_and_shows_who_is_in(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    add_manager(qtbot, cashier)
    view = cashier.view
    assert view.built_manager is None  # not built at the start: F8 builds it
    view.manager_action.trigger()
    qtbot.waitUntil(lambda: cashier.mode.dialog is not None, timeout=WAIT_MS)
    dialog = cashier.mode.dialog
    assert dialog is not None and dialog.names.currentText() == MANAGER
    qtbot.keyClicks(dialog.pin_field, "135790")
    with qtbot.waitSignal(cashier.mode.sign_in_refused, timeout=WAIT_MS) as refused:
        qtbot.keyClick(dialog.pin_field, Qt.Key.Key_Return)
    assert refused.args[0].startswith("Wrong PIN for Wayan: 4 more wrong PINs lock")
    assert dialog.refusal_text() == refused.args[0] and dialog.pin_field.text() == ""
    assert view.pages.currentWidget() is view.cashier_page
    qtbot.keyClicks(dialog.pin_field, PIN)
    with qtbot.waitSignal(cashier.mode.entered, timeout=WAIT_MS):
        qtbot.keyClick(dialog.pin_field, Qt.Key.Key_Return)
    assert view.pages.currentWidget() is view.manager
    assert view.manager.who.text() == "Manager mode: Wayan"
    assert "2 minutes" in view.manager.ends.text()
    # The Manager menu says what is true: "Manager mode…" stayed enabled in manager mode.
    assert not view.manager_action.isEnabled() and view.leave_manager_action.isEnabled()
    # Leaving puts the cashier's page back, and the audit says so.
    with qtbot.waitSignal(cashier.mode.left, timeout=WAIT_MS):
        view.manager.leave_button.click()
    assert view.pages.currentWidget() is view.cashier_page
    assert view.manager_action.isEnabled() and not view.leave_manager_action.isEnabled()
    assert audit_actions(qtbot, cashier)[-3:] == [
        "Wayan:sign_in_failed",
        "Wayan:sign_in",
        "Wayan:manager_mode_left",
    ]


def test_manager_mode_s_page_is_built_when_first_opened_and_shows_the_shift_at_once(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    add_manager(qtbot, cashier)
    entry_id = redeem_reward(qtbot, cashier)
    # A cashier's shift: redemptions, the badge counted, manager mode's idle check ticking; none
    # of it builds manager mode's page.
    qtbot.waitUntil(lambda: cashier.exceptions.count == 0, timeout=WAIT_MS)
    assert not cashier.mode.check_idle()
    assert cashier.view.built_manager is None
    enter(qtbot, cashier)
    view = cashier.view
    assert view.pages.currentWidget() is view.manager
    # Its controllers came with it: the history lists the redemption, its row opens details.
    qtbot.waitUntil(lambda: history_status(cashier, entry_id) != "", timeout=WAIT_MS)
    with qtbot.waitSignal(cashier.decisions.details_shown, timeout=WAIT_MS) as shown:
        view.manager.history.open_requested.emit(entry_id)
    assert shown.args[0].entry_id == entry_id
    with qtbot.waitSignal(cashier.mode.left, timeout=WAIT_MS):
        view.manager.leave_button.click()
    assert view.pages.currentWidget() is view.cashier_page


def test_a_manager_entering_finds_the_first_tab_with_nothing_of_the_last_session(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # Left on the Exceptions with Ayu in the History's Member and her row picked, manager mode
    # opened on the Exceptions for the next manager, Ayu's name still in the filter.
    add_manager(qtbot, cashier)
    entry_id = redeem_reward(qtbot, cashier)
    enter(qtbot, cashier)
    page = cashier.view.manager
    history, audit = page.history, page.audit
    qtbot.waitUntil(lambda: history_status(cashier, entry_id) != "", timeout=WAIT_MS)
    history.member_edit.setText("ayu")
    history.status.setCurrentIndex(history.status.findData("confirmed"))
    history.table.select_key(entry_id)
    history.show_errors("", "“From” is after “To”: pick a day on or before it.")
    audit.who_edit.setText("Wayan")
    page.tabs.setCurrentIndex(ManagerPageView.EXCEPTIONS)
    with qtbot.waitSignal(cashier.mode.left, timeout=WAIT_MS):
        page.leave_button.click()
    enter(qtbot, cashier)
    assert page.tabs.currentIndex() == ManagerPageView.HISTORY
    assert (history.member_edit.text(), history.status.currentData()) == ("", "")
    assert history.table.current_key() is None and history.range_error.isHidden()
    assert audit.who_edit.text() == ""
    qtbot.waitUntil(lambda: history_status(cashier, entry_id) != "", timeout=WAIT_MS)
    # The status bar's exceptions button still opens manager mode on them.
    with qtbot.waitSignal(cashier.mode.left, timeout=WAIT_MS):
        page.leave_button.click()
    cashier.exceptions.open()
    qtbot.waitUntil(lambda: cashier.mode.dialog is not None, timeout=WAIT_MS)
    dialog = cashier.mode.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.pin_field, PIN)
    with qtbot.waitSignal(cashier.mode.entered, timeout=WAIT_MS):
        qtbot.keyClick(dialog.pin_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.tabs.currentIndex() == ManagerPageView.EXCEPTIONS, timeout=WAIT_MS)


def test_the_audit_log_s_refused_filters_each_name_their_field(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # Said beside "Show", away from the fields, a Who and an Entry refused read as the same
    # sentence twice, and the manager could not tell which to mend.
    add_manager(qtbot, cashier)
    enter(qtbot, cashier)
    audit = cashier.view.manager.audit
    audit.who_edit.setText("Wa<")
    audit.entry_edit.setText("e<")
    audit.submit()
    assert audit.who.error_text() == "“Who”: no name holds these characters."
    assert audit.entry.error_text() == "“Entry”: no entry id holds these characters."
    audit.who_edit.setText("W" * 41)
    audit.entry_edit.setText("")
    audit.submit()
    assert audit.who.error_text() == "“Who” is longer than 40 characters."
    assert audit.entry.error_text() == ""


def test_after_midnight_history_and_end_of_day_open_on_the_day_the_late_shift_began(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # A manager closing Rina's late shift at 00.30 found both on the new day: an empty list and
    # empty totals until they picked the day before.
    add_manager(qtbot, cashier)
    with _rinas_late_shift(qtbot, cashier) as (began, moved):
        moved.advance(2.5 * 3600)  # half past midnight, Rina's shift still open
        enter(qtbot, cashier)
        page = cashier.view.manager
        qtbot.waitUntil(lambda: cashier.day.shown_day is not None, timeout=WAIT_MS)
        assert (cashier.day.shown_day, page.day.picked()) == (began, began)
        wanted = page.history.query()
        assert (wanted.since, wanted.until) == (began, began + timedelta(days=1))
        assert cashier.history.wanted is not None
        assert cashier.history.wanted.since == local_midnight(began)
        shifts = [row.cells[0] for row in page.day.shifts_model.rows()]
        assert "Rina" in shifts


def test_end_of_day_says_apart_what_was_refused_at_the_counter(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # End of day counted it "refused"; the History, holding only what was queued, had no row
    # for it, and nothing said where the count came from.
    add_manager(qtbot, cashier)
    with _rinas_late_shift(qtbot, cashier) as (_, moved):
        shift = next(
            s
            for s in run_async(qtbot, cashier.till.shift_record.open_shifts())
            if s.cashier == "Rina"
        )
        run_async(
            qtbot,
            cashier.till.redeemer.record_refusal(
                None,
                Sale("Rina", shift.id),
                kind=OperationKind.REWARD,
                what=say("what.reward", name="Kopi susu"),
                reason=say("order.reward_not_offered", reward="Kopi susu"),
                stamps=20,
            ),
        )
        # and a promo's invoice number typed too long, on the record as a release before wrote
        # it: the cashier put it right, no customer was turned away, and it is not counted
        run_async(
            qtbot,
            cashier.till.redeemer.record_refusal(
                None,
                Sale("Rina", shift.id),
                kind=OperationKind.PROMO,
                what=say("what.promo", code="NGOPIPAGI"),
                reason=say("code.invoice_too_long", limit=64),
            ),
        )
        moved.advance(3600)
        enter(qtbot, cashier)
        day = cashier.view.manager.day
        qtbot.waitUntil(lambda: cashier.day.shown_day is not None, timeout=WAIT_MS)
        assert [row.cells[2] for row in day.totals_model.rows()] == ["1"]  # counted
        qtbot.waitUntil(lambda: day.at_the_counter.isVisibleTo(day), timeout=WAIT_MS)
        text = day.at_the_counter.text()
        assert "Refused at the counter, before anything was queued: 1." in text
        assert (
            "Counted below; the History and “Export the day's redemptions CSV…” list them" in text
        )
        # The History lists it among the redemptions, marked as such: it had only a count of
        # them, and a manager reconciling the day could read none of them there.
        history = cashier.view.manager.history
        qtbot.waitUntil(lambda: len(history.model.rows()) == 1, timeout=WAIT_MS)
        [row] = history.model.rows()
        assert (row.cells[1], row.cells[3], row.cells[4], row.cells[5]) == (
            "Rina",
            "Kopi susu",
            "20 stamps",
            "",  # no server id: nothing was sent
        )
        assert (row.cells[7], row.kind) == ("Refused at the counter", "refused")
        for status, cashier_name, member, listed in (
            ("refused_at_the_counter", "Rina", "", True),
            ("refused_at_the_counter", "", "Ayu", False),  # of no member: found by none
            # what the server refused once sent: it listed the counter's refusals too
            ("refused", "", "", False),
            ("confirmed", "", "", False),
            ("not_redeemed", "", "", False),
            ("", "Dewi", "", False),
            ("", "", "", True),
        ):
            history.status.setCurrentIndex(history.status.findData(status))
            history.cashier.setCurrentIndex(max(history.cashier.findData(cashier_name), 0))
            history.member_edit.setText(member)
            with qtbot.waitSignal(cashier.history.rows_shown, timeout=WAIT_MS):
                history.submit()
            assert len(history.model.rows()) == int(listed), (status, cashier_name, member)
        # Enter opens what the till stored of it, and no decision: nothing was queued
        history.table.setFocus()
        history.table.selectRow(0)
        with qtbot.waitSignal(cashier.decisions.details_shown, timeout=WAIT_MS) as shown:
            qtbot.keyClick(history.table, Qt.Key.Key_Return)
        details: DetailsData = shown.args[0]
        facts = dict(details.facts)
        assert facts["Why"] == "That reward (Kopi susu) is not offered at this store."
        assert facts["Sent to Stamps"].startswith("no: nothing was queued")
        assert (details.standing, details.allowed) == ("Refused at the counter", frozenset())
        dialog = cashier.decisions.details
        assert dialog is not None and not dialog.attempts.isVisibleTo(dialog)
        # the room the attempts and the trail took is left empty below, not given to the
        # title and the standing (seen under X: each in a band 170 px tall)
        qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
        assert dialog.standing.height() < 2 * dialog.standing.sizeHint().height()
        assert not any(b.isVisibleTo(dialog) for b in dialog.buttons.values())


def test_after_midnight_the_audit_log_opens_from_the_day_the_late_shift_began_to_today(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # The audit log kept the day its page was built on (the machine's): entered at 22.40 in
    # Rina's late shift and again at 00.30, it listed neither the manager's visit of the night
    # nor their sign-in of the new day, where History shows both days.
    add_manager(qtbot, cashier)
    with _rinas_late_shift(qtbot, cashier) as (began, moved):
        moved.advance(40 * 60)
        enter(qtbot, cashier)
        with qtbot.waitSignal(cashier.mode.left, timeout=WAIT_MS):
            cashier.view.manager.leave_button.click()
        moved.advance(110 * 60)  # half past midnight, Rina's shift still open
        enter(qtbot, cashier)
        audit = cashier.view.manager.audit

        def signed_in() -> list[str]:
            rows = audit.model.rows()
            return [row.cells[1] for row in rows if row.cells[2] == "signed in"]

        qtbot.waitUntil(lambda: signed_in() == [MANAGER, MANAGER], timeout=WAIT_MS)
        wanted = audit.query()
        assert (wanted.since, wanted.until) == (began, began + timedelta(days=1))


def test_manager_mode_ends_after_two_minutes_unused_on_the_tills_clock(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    add_manager(qtbot, cashier)
    clock = ManualClock()
    # entered on the manual clock too: its readings are not comparable with the system's, which
    # at a machine's first minutes after boot lie more than two minutes below the manual one's
    with installed(clock):
        enter(qtbot, cashier)
        clock.advance(119)
        assert not cashier.mode.check_idle()  # still in use
        cashier.till.manager.touch()  # a key in manager mode: two more minutes
        clock.advance(119)
        assert cashier.view.pages.currentWidget() is cashier.view.manager
        clock.advance(2)
        with qtbot.waitSignal(cashier.mode.left, timeout=WAIT_MS) as left:
            assert cashier.mode.check_idle()
    assert left.args == ["idle"]
    assert cashier.view.pages.currentWidget() is cashier.view.cashier_page
    lines = run_async(qtbot, cashier.till.audit.lines(AuditFilter(action="manager_mode_left")))
    assert lines[-1].detail["reason"] == "idle"


#: Opens one of the manager's forms; what is then open (``None`` until it is).
FormOpener = Callable[[CashierWindow, Settings, Path], Callable[[], QDialog | None]]


def an_account_form(
    window: CashierWindow, _settings: Settings, _tmp: Path
) -> Callable[[], QDialog | None]:
    """People → add a cashier."""
    window.people.ask("cashier", "add", "")
    return lambda: window.people.dialog


def the_settings(
    window: CashierWindow, settings: Settings, tmp: Path
) -> Callable[[], QDialog | None]:
    """Settings…, over the till's settings file."""
    window.settings.settings = settings
    window.settings.file = SettingsFile(tmp / "settings.toml")
    window.settings.open()
    return lambda: window.settings.dialog


@contextmanager
def _rinas_late_shift(qtbot: QtBot, cashier: CashierWindow) -> Iterator[tuple[date, ManualClock]]:
    """Rina's shift opened at 22.00 two days ago (not the machine's today: the till's clock
    rules), on a clock the test moves on; the day it began and the clock."""
    began = date.today() - timedelta(days=2)
    late = datetime.combine(began, time(22, 0)).astimezone().astimezone(UTC)
    with installed(ManualClock(late)) as moved:
        assert isinstance(moved, ManualClock)
        run_async(qtbot, cashier.till.shift_record.open_shift("Rina"))
        yield began, moved


def _unknown_redemption(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    till_settings: Settings,
    sandbox: SandboxControl,
    **fault: object,
) -> tuple[CashierWindow, str]:
    """A till whose server's keys are not known to be honoured, a redemption the server met with
    ``fault`` (so it is unknown: an exception), and Wayan in manager mode; the window and the
    redemption's entry."""
    settings = till_settings.model_copy(update={"idempotency": "unknown", "store_code": None})
    window = make_cashier(settings)
    add_manager(qtbot, window)
    sandbox.faults(**fault, scope="redemptions")
    entry_id = redeem_reward(qtbot, window)
    sandbox.faults(**{name: 0.0 for name in fault if name.endswith("_rate")})
    enter(qtbot, window)
    return window, entry_id


def _decision_asked(
    qtbot: QtBot, window: CashierWindow, action: str, entry_id: str
) -> DecisionDialog:
    window.decisions.ask(action, entry_id)
    qtbot.waitUntil(lambda: isinstance(window.decisions.dialog, DecisionDialog), timeout=WAIT_MS)
    dialog = window.decisions.dialog
    assert isinstance(dialog, DecisionDialog)
    return dialog


def _decided(
    qtbot: QtBot, window: CashierWindow, action: str, entry_id: str, note: str
) -> DetailsData | None:
    """The manager's ``action`` on the entry, with ``note``, decided; the entry's details then."""
    dialog = _decision_asked(qtbot, window, action, entry_id)
    dialog.note_box.setPlainText(note)
    with qtbot.waitSignal(window.decisions.decided, timeout=WAIT_MS):
        dialog.submit()
    return run_async(qtbot, window.decisions.show_details(entry_id))


def _save_dialog(window: CashierWindow) -> QDialog | None:
    found = [d for d in window.view.findChildren(QFileDialog) if d.isVisible()]
    return found[0] if found else None


def the_audit_log_s_export(
    window: CashierWindow, _settings: Settings, _tmp: Path
) -> Callable[[], QDialog | None]:
    """The audit log's "Export CSV…": where to save it."""
    window.audit.ask_export()
    return lambda: _save_dialog(window)


def the_day_s_export(
    window: CashierWindow, _settings: Settings, _tmp: Path
) -> Callable[[], QDialog | None]:
    """The end of day's export: where to save it."""
    window.day.ask_export("rows")
    return lambda: _save_dialog(window)


@pytest.mark.parametrize(
    "form", [an_account_form, the_settings, the_audit_log_s_export, the_day_s_export]
)
def test_manager_mode_s_end_closes_the_manager_s_forms(
    qtbot: QtBot, cashier: CashierWindow, till_settings: Settings, tmp_path: Path, form: FormOpener
) -> None:
    add_manager(qtbot, cashier)
    enter(qtbot, cashier)
    opened = form(cashier, till_settings, tmp_path)
    qtbot.waitUntil(lambda: opened() is not None, timeout=WAIT_MS)
    dialog = opened()
    assert dialog is not None and dialog.isVisible()
    # The manager walks away from it: manager mode ends after its two minutes, and what the
    # manager had open does not stay over the cashier's page for whoever comes next.
    manager_goes_idle(qtbot, cashier)
    assert cashier.view.pages.currentWidget() is cashier.view.cashier_page
    assert not dialog.isVisible()
    # Only the box that says the form closed (and takes the keys the manager types next).
    notice = cashier.mode.form_closed_notice
    assert [d for d in cashier.view.findChildren(QDialog) if d.isVisible()] == [notice]


def test_no_manager_action_happens_without_a_manager_whoever_calls_the_controllers(
    qtbot: QtBot, cashier: CashierWindow, tmp_path: Path
) -> None:
    add_manager(qtbot, cashier)
    entry_id = redeem_reward(qtbot, cashier)
    before = audit_actions(qtbot, cashier)
    calls = [
        cashier.decisions.cancel(entry_id, note="no manager"),
        cashier.decisions.cancel_by_server_id(2001, member=AYU),
        cashier.decisions.retry(entry_id, note="no manager"),
        cashier.decisions.mark_applied(entry_id, note="no manager"),
        cashier.decisions.dismiss(entry_id, note="no manager"),
        cashier.people.add(Role.CASHIER, "Sari", None),
    ]
    for call in calls:
        with pytest.raises(ManagerRequired):
            run_async(qtbot, call)
    saved = run_async(qtbot, cashier.settings.save({"lanes": "2"}, Secret("")))
    assert saved is None  # refused: and the settings file was not touched
    assert audit_actions(qtbot, cashier) == before
    details = run_async(qtbot, cashier.till.history.details(entry_id))
    assert details is not None and details.row.cancel is None
    assert details.row.verdict is Verdict.CONFIRMED


def test_a_cancel_from_the_shift_list_asks_a_manager_and_the_row_follows_it_to_the_end(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    add_manager(qtbot, cashier)
    entry_id = redeem_reward(qtbot, cashier)
    view = cashier.view
    # Enter on the shift's row opens the details, a cashier's to read.
    view.redemptions.setFocus()
    view.redemptions.selectRow(0)
    with qtbot.waitSignal(cashier.decisions.details_shown, timeout=WAIT_MS) as shown:
        qtbot.keyClick(view.redemptions, Qt.Key.Key_Return)
    data = shown.args[0]
    assert data.entry_id == entry_id and data.allowed == {"cancel"}
    details = cashier.decisions.details
    assert details is not None
    assert details.fact("Server redemption id") == "2001"
    assert details.attempts_model.row(0).cells[3] == "applied by the server"
    # Cancelling needs a manager: the sign-in comes first.
    details.buttons["cancel"].click()
    qtbot.waitUntil(lambda: cashier.mode.dialog is not None, timeout=WAIT_MS)
    assert cashier.mode.dialog is not None
    assert cashier.mode.dialog.why.text() == "A manager decides on a redemption."
    qtbot.keyClicks(cashier.mode.dialog.pin_field, PIN)
    qtbot.keyClick(cashier.mode.dialog.pin_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(cashier.decisions.dialog, DecisionDialog), timeout=WAIT_MS)
    dialog = cashier.decisions.dialog
    assert isinstance(dialog, DecisionDialog)
    assert dialog.replacement.isHidden()  # a reward spent no voucher: none to replace
    qtbot.keyClicks(dialog.note_box, "customer changed her mind")
    with qtbot.waitSignal(cashier.decisions.decided, timeout=WAIT_MS):
        dialog.confirm.click()
    # The cancel is sent and confirmed; every view of the row says so.
    qtbot.waitUntil(lambda: history_status(cashier, entry_id) == "Cancelled", timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: view.redemptions_model.row_data(0).cancel_text == "Cancelled", timeout=WAIT_MS
    )
    qtbot.waitUntil(lambda: details.standing.text() == "Cancelled", timeout=WAIT_MS)
    assert sandbox.stamps(AYU) == 250
    assert audit_actions(qtbot, cashier, entry_id)[-1] == "Wayan:cancel"
    # The manager's note is kept with the decision, and the details say it.
    lines = run_async(qtbot, cashier.till.audit.lines(AuditFilter(entry_id=entry_id)))
    assert "customer changed her mind" in repr(lines[-1])


@pytest.mark.parametrize(
    ("order", "offered"),
    [("promo", False), ("reward", False), ("voucher", True)],
)
def test_a_replacement_voucher_is_offered_only_for_a_redemption_that_spent_a_voucher(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl, order: str, offered: bool
) -> None:
    # The cancel of NGOPIPAGI on an invoice offered "Give the member a replacement voucher":
    # a promo code spends no voucher, and the server's replacement replaces the voucher used.
    add_manager(qtbot, cashier)
    till = cashier.till
    member = run_async(qtbot, till.lookup.find_member(AYU))
    queued = run_async(qtbot, _redeemed(till, member, order, cashier.session.sale("INV-7")))
    assert run_async(qtbot, till.wait(queued.entry_id)).verdict is Verdict.CONFIRMED
    enter(qtbot, cashier)
    cashier.decisions.ask("cancel", queued.entry_id)
    qtbot.waitUntil(lambda: isinstance(cashier.decisions.dialog, DecisionDialog), timeout=WAIT_MS)
    dialog = cashier.decisions.dialog
    assert isinstance(dialog, DecisionDialog)
    assert dialog.replacement.isVisibleTo(dialog) is offered
    if not offered:  # nor does the till send one asked for another way (the command line)
        with pytest.raises(StaffRefused, match="used no voucher"):
            run_async(qtbot, cashier.decisions.cancel(queued.entry_id, replacement_voucher=True))


async def _redeemed(till: Till, member: Member, order: str, sale: Sale) -> Receipt:
    """Ayu's ``order`` (a promo code, a reward or her birthday voucher) queued."""
    catalogue = till.catalogue
    if order == "voucher":
        voucher_order, facts = await catalogue.voucher_order(member, 20)
        return await till.redeemer.redeem(voucher_order, member, sale, voucher=facts)
    made = (
        await catalogue.promo_order(member, "NGOPIPAGI")
        if order == "promo"
        else await catalogue.reward_order(member, 1)
    )
    return await till.redeemer.redeem(made, member, sale)


@pytest.mark.parametrize(
    ("order", "said"),
    [
        ("promo", "Cancel confirmed: The promo redemption no longer stands; it spent no stamps."),
        ("reward", "Cancel confirmed: 250 stamps left."),
        # Seen: Ayu's birthday voucher cancelled read "Cancel confirmed: 250 stamps left."
        (
            "voucher",
            "Cancel confirmed: The voucher redemption no longer stands; it spent no stamps, and "
            "no replacement voucher was asked for.",
        ),
    ],
)
def test_the_status_bar_says_of_a_confirmed_cancel_what_the_member_got_back(
    qtbot: QtBot,
    cashier: CashierWindow,
    sandbox: SandboxControl,
    monkeypatch: pytest.MonkeyPatch,
    order: str,
    said: str,
) -> None:
    # Seen in the demo: NGOPIPAGI on INV-0042 cancelled read "Cancel confirmed: 250 stamps
    # left.", as if stamps had come back from a promo that spent none.
    add_manager(qtbot, cashier)
    till = cashier.till
    member = run_async(qtbot, till.lookup.find_member(AYU))
    queued = run_async(qtbot, _redeemed(till, member, order, cashier.session.sale("INV-0042")))
    assert run_async(qtbot, till.wait(queued.entry_id)).verdict is Verdict.CONFIRMED
    enter(qtbot, cashier)
    status = cashier.view.status
    notes: list[str] = []
    shown = status.show_note
    monkeypatch.setattr(
        status, "show_note", lambda text, ms=6000: (notes.append(text), shown(text, ms))
    )
    cashier.decisions.ask("cancel", queued.entry_id)
    qtbot.waitUntil(lambda: isinstance(cashier.decisions.dialog, DecisionDialog), timeout=WAIT_MS)
    dialog = cashier.decisions.dialog
    assert isinstance(dialog, DecisionDialog)
    with qtbot.waitSignal(cashier.decisions.decided, timeout=WAIT_MS):
        dialog.confirm.click()
    qtbot.waitUntil(
        lambda: bool(notes) and notes[-1].startswith("Cancel confirmed"), timeout=WAIT_MS
    )
    assert notes[-1] == said


def test_a_cancel_by_server_id_says_the_member_s_stamps_not_that_they_came_back(
    qtbot: QtBot,
    cashier: CashierWindow,
    sandbox: SandboxControl,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Seen in manager mode: a redemption made on another till, cancelled by its server id, read
    # "Cancel confirmed: 250 stamps left." The till does not know what it was (a promo or a
    # voucher spends no stamps), so it says the balance as a balance.
    add_manager(qtbot, cashier)
    elsewhere = sandbox.client.post(
        "/api/v2/redemptions/redeem-reward",
        json={"user": AYU, "reward": 1, "store": 32},
        headers={"Authorization": f"Token {DEMO_TOKEN}"},
    )
    elsewhere.raise_for_status()
    server_id = elsewhere.json()["redemption"]["id"]
    enter(qtbot, cashier)
    status = cashier.view.status
    notes: list[str] = []
    shown = status.show_note
    monkeypatch.setattr(
        status, "show_note", lambda text, ms=6000: (notes.append(text), shown(text, ms))
    )
    cashier.view.manager.history.by_server_id.click()
    qtbot.waitUntil(
        lambda: isinstance(cashier.decisions.dialog, CancelByServerIdDialog), timeout=WAIT_MS
    )
    dialog = cashier.decisions.dialog
    assert isinstance(dialog, CancelByServerIdDialog)
    dialog.server_id_edit.setText(str(server_id))
    dialog.member_edit.setText(AYU)
    dialog.confirm.click()
    qtbot.waitUntil(
        lambda: bool(notes) and notes[-1].startswith("Cancel confirmed"), timeout=WAIT_MS
    )
    assert sandbox.stamps(AYU) == 250
    assert notes[-1] == (
        "Cancel confirmed: The redemption no longer stands. The member has 250 stamps now; the "
        "till does not know what the redemption spent."
    )


def test_a_cancel_of_the_redemption_on_screen_ends_its_hand_over_and_gives_back_the_stamps(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    """The cashier redeemed the wrong reward and called the manager, who cancelled it from the
    shift's row with Ayu still at the counter: the panel went on saying "Confirmed. Hand over
    the reward." and the card 230 stamps, where the server had given the 20 back."""
    add_manager(qtbot, cashier)
    redeem_reward(qtbot, cashier)
    view = cashier.view
    panel = view.result_panel
    assert panel.result() is not None and panel.result().kind == "confirmed"
    assert view.member_card.stamps_text().startswith("230")
    enter(qtbot, cashier)
    view.redemptions.selectRow(0)
    with qtbot.waitSignal(cashier.decisions.details_shown, timeout=WAIT_MS):
        qtbot.keyClick(view.redemptions, Qt.Key.Key_Return)
    cancel_from_details(qtbot, cashier)
    qtbot.waitUntil(lambda: sandbox.stamps(AYU) == 250, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: panel.result() is not None and panel.result().kind != "confirmed")
    result = panel.result()
    assert result is not None and result.kind == "not_redeemed"
    assert result.details == "Cancelled"
    assert "cancelled" in result.what_to_do
    assert not panel.print_button.isVisible()
    qtbot.waitUntil(lambda: view.member_card.stamps_text().startswith("250"), timeout=WAIT_MS)


def test_a_redemption_a_manager_cancelled_is_counted_cancelled_in_the_shift_s_summary(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    # Dewi's summary at Close shift counted nothing of the redemption Wayan had cancelled: no
    # longer confirmed, and no line saying where it went, so her drawer was one short.
    add_manager(qtbot, cashier)
    redeem_reward(qtbot, cashier)
    newest = redeem_reward(qtbot, cashier)
    view = cashier.view
    enter(qtbot, cashier)
    view.redemptions.selectRow(0)
    with qtbot.waitSignal(cashier.decisions.details_shown, timeout=WAIT_MS):
        qtbot.keyClick(view.redemptions, Qt.Key.Key_Return)
    cancel_from_details(qtbot, cashier)
    # Settled in the till, not only on the server: the sandbox's balance moved before the till
    # wrote the answer, and a summary read in between counted the redemption confirmed.
    cancel = run_async(qtbot, cashier.till.history.cancels([newest]))[newest]
    assert run_async(qtbot, cashier.till.wait(cancel.entry_id)).status is EntryStatus.SYNCED
    assert sandbox.stamps(AYU) == 230
    with qtbot.waitSignal(cashier.mode.left, timeout=WAIT_MS):
        view.manager.leave_button.click()
    with qtbot.waitSignal(cashier.shift.summary_shown, timeout=WAIT_MS) as shown:
        view.close_shift_action.trigger()
    summary = shown.args[0]
    assert (summary.confirmed, summary.cancelled, summary.stamps_redeemed) == (1, 1, 20)
    assert view.summary.counts["cancelled"].text() == "1"


def test_a_cancel_made_by_the_command_line_shows_in_the_open_window(
    qtbot: QtBot, cashier: CashierWindow, till_settings: Settings, tmp_path: Path
) -> None:
    add_manager(qtbot, cashier)
    entry_id = redeem_reward(qtbot, cashier)
    enter(qtbot, cashier)
    env = {
        "STAMPS_POS_BASE_URL": till_settings.base_url,
        "STAMPS_POS_MERCHANT": str(till_settings.merchant),
        "STAMPS_POS_STORE": str(till_settings.store),
        "STAMPS_POS_STORE_CODE": str(till_settings.store_code),
        "STAMPS_POS_DATA_DIR": str(till_settings.data_dir),
        "STAMPS_POS_TERMINAL": "till-cli",
        "STAMPS_POS_IDEMPOTENCY": "honoured",
        "STAMPS_POS_TOKEN": DEMO_TOKEN,
        "STAMPS_POS_CONFIG": str(tmp_path / "none.toml"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "HOME": str(tmp_path),
        "PATH": "/usr/bin:/bin",
    }
    done = subprocess.run(
        [sys.executable, "-m", "app", "cancel", entry_id, "--manager", MANAGER],
        input=f"{PIN}\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode in (0, 3), done.stderr
    # Another process committed it: the window hears it through the database's change counter.
    qtbot.waitUntil(
        lambda: cashier.view.redemptions_model.row_data(0).cancel_text == "Cancelled",
        timeout=WAIT_MS,
    )
    qtbot.waitUntil(lambda: history_status(cashier, entry_id) == "Cancelled", timeout=WAIT_MS)


def test_cancel_by_server_id_refuses_each_bad_field_beside_it_and_writes_nothing(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    add_manager(qtbot, cashier)
    enter(qtbot, cashier)
    before = audit_actions(qtbot, cashier)
    cashier.view.manager.history.by_server_id.click()
    qtbot.waitUntil(
        lambda: isinstance(cashier.decisions.dialog, CancelByServerIdDialog), timeout=WAIT_MS
    )
    dialog = cashier.decisions.dialog
    assert isinstance(dialog, CancelByServerIdDialog)
    cases = [
        ("", AYU, "", "server_id", "Type the id the Stamps server gave the redemption."),
        ("1_0", AYU, "", "server_id", "A server redemption id is a whole number, 0-9 only."),
        ("٣٤", AYU, "", "server_id", "A server redemption id is a whole number, 0-9 only."),
        # all digits, so "0-9 only" read as a riddle: the id is out of the server's range
        ("0", AYU, "", "server_id", "A server redemption id runs from 1 to 9223372036854775807"),
        ("99999999999999999999", AYU, "", "server_id", "runs from 1 to 9223372036854775807"),
        ("2003", "<b>ayu</b>", "", "member", "no such characters"),
        ("2003", "x" * 300, "", "member", "longer than 254"),
        ("2003", AYU, "bad\x07note", "note", "control or invisible"),
        ("2003", AYU, "n" * 501, "note", "longer than 500"),
        ("2003", AYU, "refund <script>", "note", "These characters are not allowed: < >"),
        ("2003", "", "", "member", "was not made on this till"),
    ]
    for server_id, member, note, field, words in cases:
        dialog.server_id_edit.setText(server_id)
        dialog.member_edit.setText(member)
        dialog.note_box.setPlainText(note)
        dialog.submit()
        fields = {"server_id": dialog.server_id, "member": dialog.member, "note": dialog.note}
        qtbot.waitUntil(lambda f=fields[field]: bool(f.error_text()), timeout=WAIT_MS)
        assert words in fields[field].error_text(), (server_id, member, note)
        assert dialog.confirm.isEnabled()
        qtbot.waitUntil(fields[field].control.hasFocus, timeout=WAIT_MS)  # where to fix it
    assert audit_actions(qtbot, cashier) == before
    rows = run_async(qtbot, cashier.till.history.rows())
    assert rows == []


def test_a_refused_cancel_by_server_id_names_the_id_the_manager_typed(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    # Seen: "Cancel of server redemption ?" for 9999, which the server does not know: the id
    # was read from the server's answer, and a refused cancel has none.
    add_manager(qtbot, cashier)
    enter(qtbot, cashier)
    cancel = run_async(qtbot, cashier.decisions.cancel_by_server_id(9999, member=AYU))
    refused = run_async(qtbot, cashier.till.wait(cancel.entry_id))
    assert refused.status is EntryStatus.REJECTED
    [row] = run_async(qtbot, cashier.till.history.rows())
    assert what_text(row) == "Cancel of server redemption 9999"


def test_the_status_bar_says_a_cancel_was_queued_then_that_the_server_refused_it(
    qtbot: QtBot, cashier: CashierWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Seen under Xvfb: "Cancel made: the redemption's row shows how it ends." stood in the
    # status bar after the server had refused the cancel.
    add_manager(qtbot, cashier)
    enter(qtbot, cashier)
    cashier.view.manager.history.by_server_id.click()
    qtbot.waitUntil(
        lambda: isinstance(cashier.decisions.dialog, CancelByServerIdDialog), timeout=WAIT_MS
    )
    dialog = cashier.decisions.dialog
    assert isinstance(dialog, CancelByServerIdDialog)
    dialog.server_id_edit.setText("9999")  # no redemption of the server's
    dialog.member_edit.setText(AYU)
    status = cashier.view.status
    notes: list[str] = []
    shown = status.show_note
    monkeypatch.setattr(
        status, "show_note", lambda text, ms=6000: (notes.append(text), shown(text, ms))
    )
    with qtbot.waitSignal(cashier.decisions.decided, timeout=WAIT_MS):
        dialog.submit()
    qtbot.waitUntil(lambda: notes[-1].startswith("Cancel refused"), timeout=WAIT_MS)
    # Queued first (unless the answer was in already), never "made"; then what the server said.
    assert notes[0].startswith(("Cancel queued: the till sends it", "Cancel refused"))
    assert (
        notes[-1]
        == status.note_text()
        == ("Cancel refused: The Stamps server refused it: Redemption 9999 not found")
    )


def _spent_elsewhere_once_read(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> Member:
    """Agus read with 100 stamps, then spent to none at another till: what the server holds
    now only the server knows, so his redemption is sent and refused there."""
    sandbox.change_member(AGUS_ID, stamps=100)
    member = run_async(qtbot, cashier.till.lookup.find_member(AGUS))
    sandbox.change_member(AGUS_ID, stamps=0)
    return member


def test_an_exception_is_counted_explained_and_dismissed_only_with_a_note(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    add_manager(qtbot, cashier)
    # Agus's stamps spent at another till after he was looked up: the server refuses after the
    # till queued it (short of a balance it had just read, the till refuses it itself).
    member = _spent_elsewhere_once_read(qtbot, cashier, sandbox)
    order = run_async(qtbot, cashier.till.catalogue.reward_order(member, 1))
    receipt = run_async(
        qtbot, cashier.till.redeemer.redeem(order, member, cashier.session.sale(None))
    )
    run_async(qtbot, cashier.till.wait(receipt.entry_id))
    status = cashier.view.status
    qtbot.waitUntil(lambda: status.exceptions.text() == "Needs a manager: 1", timeout=WAIT_MS)
    assert status.exceptions.isVisibleTo(status)
    # The badge opens manager mode on the exceptions.
    status.exceptions.click()
    qtbot.waitUntil(lambda: cashier.mode.dialog is not None, timeout=WAIT_MS)
    run_async(qtbot, cashier.mode._try(MANAGER, Secret(PIN)))
    page = cashier.view.manager
    qtbot.waitUntil(lambda: page.tabs.currentIndex() == ManagerPageView.EXCEPTIONS, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.exceptions.selected() is not None, timeout=WAIT_MS)
    item = page.exceptions.selected()
    assert item is not None
    assert item.reason.startswith("The Stamps server refused it: Insufficient stamps")
    assert "Agus Setiawan" in item.contact and "agus.setiawan@contoh.co.id" in item.contact
    assert page.exceptions.evidence.isHidden()  # a refusal is its own proof
    assert page.tabs.tabText(ManagerPageView.EXCEPTIONS) == "Exceptions (1)"
    page.exceptions.buttons["dismiss"].click()
    qtbot.waitUntil(lambda: isinstance(cashier.decisions.dialog, DecisionDialog), timeout=WAIT_MS)
    dialog = cashier.decisions.dialog
    assert isinstance(dialog, DecisionDialog)
    dialog.note_box.setPlainText("   ")
    dialog.submit()
    qtbot.waitUntil(lambda: bool(dialog.note.error_text()), timeout=WAIT_MS)
    assert dialog.note.error_text() == "A note is required: say why."
    dialog.note_box.setPlainText("<i>told him</i>")
    dialog.submit()
    qtbot.waitUntil(lambda: "not allowed: < >" in dialog.note.error_text(), timeout=WAIT_MS)
    assert audit_actions(qtbot, cashier, receipt.entry_id) == []
    dialog.note_box.setPlainText("told Agus at the counter")
    with qtbot.waitSignal(cashier.decisions.decided, timeout=WAIT_MS):
        dialog.submit()
    qtbot.waitUntil(lambda: status.exceptions.isHidden(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.exceptions.selected() is None, timeout=WAIT_MS)
    assert audit_actions(qtbot, cashier, receipt.entry_id) == ["Wayan:dismiss"]


def test_dismissing_a_redemption_that_was_sent_never_says_it_was_never_sent(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    till_settings: Settings,
    sandbox: SandboxControl,
) -> None:
    # Seen under Xvfb: Budi's redemption, sent and answered 500 (the server may have applied
    # it), offered "Dismiss it: … It is closed and never sent; say why." It was sent, and
    # dismissing it takes back nothing the server did.
    window, entry_id = _unknown_redemption(
        qtbot, make_cashier, till_settings, sandbox, applied_then_500_rate=1.0
    )
    dialog = _decision_asked(qtbot, window, "dismiss", entry_id)
    about = dialog.about.text()
    assert "never sent;" not in about
    assert "never sends it again" in about
    assert "if the server applied it, it stays applied" in about


@pytest.mark.parametrize(
    ("faults", "warned"),
    [
        ({"applied_then_500_rate": 1.0}, True),  # unknown: it may stand at the server
        ({"error_rate": 1.0, "error_statuses": [400]}, False),  # refused: it does not
    ],
)
def test_sending_again_warns_of_a_double_only_when_the_first_may_stand(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    till_settings: Settings,
    sandbox: SandboxControl,
    faults: dict[str, object],
    warned: bool,
) -> None:
    # Seen under Xvfb (demo --exceptions): Ayu's Es Kopi not confirmed, its activity not read
    # ("the till looks again by itself"); "Send it again" said only that a new redemption goes,
    # linked to this one, and a manager sent what may already stand at the server.
    window, entry_id = _unknown_redemption(qtbot, make_cashier, till_settings, sandbox, **faults)
    dialog = _decision_asked(qtbot, window, "retry", entry_id)
    about = dialog.about.text()
    assert "It is sent as a new redemption" in about
    assert ("the member may get it twice" in about) is warned


def test_the_members_card_reads_the_servers_balance_once_their_unknown_is_dismissed(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    till_settings: Settings,
    sandbox: SandboxControl,
) -> None:
    # Seen under Xvfb: Ayu's Kopi Tubruk went unknown (the server had not taken it) and a
    # manager dismissed it with Ayu at the counter; her card went on reading the balance less
    # those 25 stamps, "Projected", until she was scanned again (the server held 25 more).
    window, entry_id = _unknown_redemption(
        qtbot, make_cashier, till_settings, sandbox, error_rate=1.0, error_statuses=[500]
    )
    card = window.view.member_card
    assert card.stamps_text() == "230 stamps"
    assert card.projected_text()

    _decided(qtbot, window, "dismiss", entry_id, "not on the dashboard")
    qtbot.waitUntil(lambda: card.stamps_text() == "250 stamps", timeout=WAIT_MS)
    assert sandbox.stamps(AYU) == 250
    assert not card.projected_text()


def test_an_unknown_a_manager_dismisses_reads_closed_on_the_cashiers_page_not_refused(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    till_settings: Settings,
    sandbox: SandboxControl,
) -> None:
    # Seen under Xvfb: Ayu's Es Kopi went unknown (a 500) and a manager dismissed it; back on the
    # cashier's page the panel read a red "Refused — See the manager's note." and the row
    # "Refused": the server never refused it, and may have applied it.
    window, entry_id = _unknown_redemption(
        qtbot, make_cashier, till_settings, sandbox, error_rate=1.0, error_statuses=[500]
    )
    _decided(qtbot, window, "dismiss", entry_id, "not on the dashboard")
    panel = window.view.result_panel
    qtbot.waitUntil(lambda: getattr(panel.result(), "kind", None) == "closed", timeout=WAIT_MS)
    assert panel.title.text() == "Closed by a manager"
    assert "if it was applied there, it stays applied" in panel.details.text()
    assert "manager's note is in manager mode's History" in panel.what_to_do.text()
    model = window.view.redemptions_model
    row = model.find(entry_id)
    assert row is not None
    assert model.data(model.index(row, model.STATUS)) == "Closed"


def test_a_redemption_sent_again_reads_sent_again_with_the_managers_own_note(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    till_settings: Settings,
    sandbox: SandboxControl,
) -> None:
    # Seen under Xvfb: the redemption Wayan sent again read "Status: Dismissed by a manager",
    # and its note "retried as 01a234d4-…: Not in the ledger, sent again" (the till's English
    # record, in the Indonesian till too) where Wayan had written "Not in the ledger, sent again".
    window, entry_id = _unknown_redemption(
        qtbot, make_cashier, till_settings, sandbox, error_rate=1.0, error_statuses=[500]
    )
    data = _decided(qtbot, window, "retry", entry_id, "Not in the ledger, sent again")
    assert data is not None
    facts = dict(data.facts)
    assert facts["Status"].startswith("Sent again by a manager")
    assert facts["Sent again"].endswith("by Wayan")
    assert facts["Manager's note"] == "Not in the ledger, sent again"


def test_an_unknown_redemption_marked_applied_must_be_cancelled_on_the_dashboard(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    till_settings: Settings,
    sandbox: SandboxControl,
) -> None:
    window, entry_id = _unknown_redemption(
        qtbot, make_cashier, till_settings, sandbox, applied_then_500_rate=1.0
    )
    data = _decided(
        qtbot, window, "mark_applied", entry_id, "seen on the dashboard: redemption 2001"
    )
    assert data is not None and "cancel" not in data.allowed
    assert "cancel it on the Stamps dashboard" in data.dashboard_only
    assert window.decisions.details is not None
    assert not window.decisions.details.dashboard.isHidden()
    assert audit_actions(qtbot, window, entry_id)[-1] == "Wayan:mark_applied"


def test_marked_applied_with_the_dashboard_s_id_it_is_cancelled_from_the_till(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    till_settings: Settings,
    sandbox: SandboxControl,
) -> None:
    # Marked applied, the till had no server id for it for ever: "Cancel" was refused, the
    # history read "not known: a manager marked it applied", whatever the dashboard showed.
    window, entry_id = _unknown_redemption(
        qtbot, make_cashier, till_settings, sandbox, applied_then_500_rate=1.0
    )
    server_id = sandbox.ledger()[-1]["redemption_id"]
    dialog = _decision_asked(qtbot, window, "mark_applied", entry_id)
    assert dialog.server_id.isVisibleTo(dialog) and dialog.server_id_edit.hasFocus()
    dialog.note_box.setPlainText("seen on the dashboard")
    dialog.server_id_edit.setText("20x1")
    dialog.submit()
    qtbot.waitUntil(lambda: "whole number" in dialog.server_id.error.text(), timeout=WAIT_MS)
    assert dialog.isVisible() and dialog.confirm.isEnabled()
    assert audit_actions(qtbot, window, entry_id) == []  # nothing written
    dialog.server_id_edit.setText(f" {server_id} ")
    with qtbot.waitSignal(window.decisions.decided, timeout=WAIT_MS):
        dialog.submit()
    data = run_async(qtbot, window.decisions.show_details(entry_id))
    assert data is not None and "cancel" in data.allowed and data.dashboard_only == ""
    assert dict(data.facts)["Server redemption id"] == str(server_id)
    assert window.decisions.details is not None
    assert window.decisions.details.dashboard.isHidden()


def test_mark_applied_says_every_refused_field_at_once(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    till_settings: Settings,
    sandbox: SandboxControl,
) -> None:
    # Seen under Xvfb: "-1" and a 10,000-character note were answered with the id's reason
    # alone; the id put right, Save then said the note was too long, one field per try (Cancel
    # by server id says them all at once).
    window, entry_id = _unknown_redemption(
        qtbot, make_cashier, till_settings, sandbox, applied_then_500_rate=1.0
    )
    dialog = _decision_asked(qtbot, window, "mark_applied", entry_id)
    dialog.server_id_edit.setText("-1")
    dialog.note_box.setPlainText("n" * 10_000)
    dialog.submit()
    qtbot.waitUntil(lambda: "whole number" in dialog.server_id.error.text(), timeout=WAIT_MS)
    assert "longer than 500" in dialog.note.error.text()
    assert dialog.server_id_edit.hasFocus()  # the first field to put right
    assert audit_actions(qtbot, window, entry_id) == []  # nothing written


def test_a_redemption_marked_applied_says_its_last_error_in_words_not_as_recorded(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    till_settings: Settings,
    sandbox: SandboxControl,
) -> None:
    # Seen under Xvfb: marked applied after a 500, its details read "Last error: The Stamps
    # server also said: ServerError: 500 Internal Server Error" (the till's record, a class name
    # and English in the Indonesian till too), as if the server had confirmed it with those words.
    window, entry_id = _unknown_redemption(
        qtbot, make_cashier, till_settings, sandbox, applied_then_500_rate=1.0
    )
    before = run_async(qtbot, window.decisions.show_details(entry_id))
    assert before is not None
    data = _decided(qtbot, window, "mark_applied", entry_id, "the ledger has it as 2001")
    assert data is not None
    last_error = dict(data.facts)["Last error"]
    assert "ServerError" not in last_error and "also said" not in last_error
    assert last_error == dict(before.facts)["Last error"]  # as it read while it was unknown


def _export_the_three(
    qtbot: QtBot, cashier: CashierWindow, folder: Path
) -> tuple[Path, Path, Path]:
    """The audit log's, the day's summary's and the day's redemptions' CSVs, exported from
    manager mode into ``folder`` as a manager picks each file; their paths, in that order."""
    audit_path, summary_path, rows_path = (
        folder / "audit.csv",
        folder / "summary.csv",
        folder / "day.csv",
    )
    cashier.audit.ask_path = lambda _w, _t, _s, chosen: chosen(audit_path)
    cashier.day.ask_path = lambda _w, _t, _s, chosen: chosen(
        summary_path if not summary_path.exists() else rows_path
    )
    with qtbot.waitSignal(cashier.audit.exported, timeout=WAIT_MS):
        cashier.view.manager.audit.export_button.click()
    with qtbot.waitSignal(cashier.day.exported, timeout=WAIT_MS):
        cashier.view.manager.day.export_summary.click()
    with qtbot.waitSignal(cashier.day.exported, timeout=WAIT_MS):
        cashier.view.manager.day.export_rows.click()
    return audit_path, summary_path, rows_path


def test_each_export_s_dialog_opens_where_the_last_csv_was_saved(
    qtbot: QtBot, cashier: CashierWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Seen under Xvfb: every export's dialog opened in the home, and the manager saving the
    # day's CSVs to a USB stick walked back to it for each one.
    monkeypatch.setattr(export_folder, "last", None)
    add_manager(qtbot, cashier)
    enter(qtbot, cashier)
    stick = tmp_path / "stick"
    stick.mkdir()
    suggested: list[Path] = []

    def pick(_window: object, _title: str, offered: Path, chosen: Callable[[Path], None]) -> None:
        suggested.append(offered)
        chosen(stick / offered.name)

    cashier.audit.ask_path = pick
    cashier.day.ask_path = pick
    with qtbot.waitSignal(cashier.audit.exported, timeout=WAIT_MS):
        cashier.view.manager.audit.export_button.click()
    with qtbot.waitSignal(cashier.day.exported, timeout=WAIT_MS):
        cashier.view.manager.day.export_summary.click()
    assert suggested[0].parent == Path.home()  # nothing saved yet this run
    assert suggested[1].parent == stick and suggested[1].name.startswith("stamps-pos-summary-")
    # the shift's CSV, at Close shift, opens there too
    offered: list[Path] = []
    cashier.shift.ask_path = lambda _window, path, _chosen: offered.append(path)
    cashier.shift.ask_export()
    assert offered[0].parent == stick


def test_end_of_day_names_a_cart_by_what_it_holds(qtbot: QtBot, cashier: CashierWindow) -> None:
    # Under Xvfb: 3 Croissants put in the cart and redeemed with F9 read "Several rewards" in
    # End of day, beside 2 Croissants redeemed alone as "Reward".
    add_manager(qtbot, cashier)
    find_member(qtbot, cashier, AYU)
    for lines in ([(2, 3, None)], [(2, 1, None), (1, 1, None)]):
        receipt = redeem(qtbot, cashier, lambda lines=lines: tasks.spawn(
            cashier.rewards.redeem_cart(lines)
        ))  # fmt: skip
        assert receipt.verdict is Verdict.CONFIRMED
    enter(qtbot, cashier)
    day = cashier.view.manager.day
    qtbot.waitUntil(lambda: cashier.day.shown_day is not None, timeout=WAIT_MS)
    assert [row.cells[:3] for row in day.totals_model.rows()] == [
        ("Cart of several rewards", "Confirmed", "1"),
        ("Reward", "Confirmed", "1"),
    ]


def test_the_audit_log_and_the_day_export_as_csv_and_read_back(
    qtbot: QtBot, cashier: CashierWindow, tmp_path: Path
) -> None:
    add_manager(qtbot, cashier)
    entry_id = redeem_reward(qtbot, cashier)
    enter(qtbot, cashier)
    audit_path, summary_path, rows_path = _export_the_three(qtbot, cashier, tmp_path)
    with audit_path.open(encoding="utf-8", newline="") as handle:
        audit = list(csv.DictReader(handle))
    assert [(r["who"], r["action"]) for r in audit] == [
        ("cashiers.txt", "cashiers_imported"),
        ("Dewi", "sign_in"),
        ("Wayan", "manager_added"),
        ("Wayan", "sign_in"),
    ]
    assert all(r["time (UTC)"].endswith("+00:00") for r in audit)
    with summary_path.open(encoding="utf-8", newline="") as handle:
        summary = list(csv.DictReader(handle))
    assert [(r["cashier"], r["kind"], r["standing"], r["count"]) for r in summary] == [
        ("Dewi", "reward", "confirmed", "1")
    ]
    # the day it covers is in it, as `stamps-pos summary --csv` writes it, not only in its name
    assert [r["day"] for r in summary] == [cashier.day.page.picked().isoformat()]
    with rows_path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["entry_id"], r["status"]) for r in rows] == [(entry_id, "confirmed")]
    # The day's page shows the same, with Dewi's shift.
    qtbot.waitUntil(lambda: cashier.day.record is not None, timeout=WAIT_MS)
    shifts = cashier.view.manager.day.shifts_model.rows()
    assert [row.cells[0] for row in shifts] == ["Dewi"]


def test_each_csv_export_is_audited_and_the_audit_log_says_it_in_words(
    qtbot: QtBot, cashier: CashierWindow, tmp_path: Path
) -> None:
    # Each file carries members' names out of the till; nothing recorded that it was written.
    add_manager(qtbot, cashier)
    redeem_reward(qtbot, cashier)
    enter(qtbot, cashier)
    audit_path, summary_path, rows_path = _export_the_three(qtbot, cashier, tmp_path)
    lines = run_async(qtbot, cashier.till.audit.lines(AuditFilter(action="csv_exported")))
    assert [(line.who, line.detail) for line in lines] == [
        ("Wayan", {"export": "audit_log", "file": str(audit_path), "rows": 4}),
        ("Wayan", {"export": "day_summary", "file": str(summary_path), "rows": 1}),
        ("Wayan", {"export": "day_redemptions", "file": str(rows_path), "rows": 1}),
    ]
    # the audit tab, shown again, says it as the manager reads the rest
    cashier.view.manager.audit.show_button.click()
    model = cashier.view.manager.audit.model
    qtbot.waitUntil(
        lambda: [row.cells[2] for row in model.rows()].count("exported as CSV") == 3,
        timeout=WAIT_MS,
    )
    said = next(row.cells[5] for row in model.rows() if "day's summary" in row.cells[5])
    assert said == f"what: the day's summary, file: {summary_path}, rows: 1"


def test_an_export_to_a_place_the_till_cannot_write_says_so_and_the_till_carries_on(
    qtbot: QtBot, cashier: CashierWindow, tmp_path: Path
) -> None:
    # Seen under Xvfb: a path typed with a slip ('/mtp/…') or a USB stick pulled out put the
    # crash dialog up ("FileNotFoundError: [Errno 2] …", in English in the Indonesian till) in
    # front of a manager who only had to pick another folder.
    add_manager(qtbot, cashier)
    enter(qtbot, cashier)
    nowhere = tmp_path / "no such folder"
    status = cashier.view.status
    cashier.audit.ask_path = lambda _w, _t, _s, chosen: chosen(nowhere / "audit.csv")
    cashier.day.ask_path = lambda _w, _t, _s, chosen: chosen(nowhere / "day.csv")
    manager = cashier.view.manager
    for button, name in (
        (manager.audit.export_button, "audit.csv"),
        (manager.day.export_summary, "day.csv"),
        (manager.day.export_rows, "day.csv"),
    ):
        status.show_note("")
        button.click()
        qtbot.waitUntil(lambda: "Not written" in status.note_text(), timeout=WAIT_MS)
        assert str(nowhere / name) in status.note_text()
    assert not nowhere.exists()
    assert cashier.view.pages.currentWidget() is cashier.view.manager


def test_no_export_of_the_window_is_written_onto_the_till_s_own_files(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # The save dialog's "Replace it?" was all that stood between a slip of the mouse and the
    # till's database (or its log) written over with a CSV; the command line refuses them.
    add_manager(qtbot, cashier)
    enter(qtbot, cashier)
    database = cashier.till.outbox.db.path
    wal = database.with_name(database.name + "-wal")
    before = database.read_bytes()[:100]
    status = cashier.view.status
    cashier.audit.ask_path = lambda _w, _t, _s, chosen: chosen(database)
    cashier.day.ask_path = lambda _w, _t, _s, chosen: chosen(wal)
    manager = cashier.view.manager
    for button, path in (
        (manager.audit.export_button, database),
        (manager.day.export_summary, wal),
        (manager.day.export_rows, wal),
    ):
        status.show_note("")
        button.click()
        qtbot.waitUntil(lambda: "Not written" in status.note_text(), timeout=WAIT_MS)
        assert status.note_text().startswith(f"Not written: {path} is one of the till's own files")
    assert database.read_bytes()[:100] == before  # still SQLite's, not a CSV's header
    assert cashier.view.pages.currentWidget() is cashier.view.manager


@pytest.mark.parametrize(
    ("place", "says"),
    [
        ("full", "its disk is full. Free some space on it"),
        ("read-only", "its disk is read-only"),
        ("missing", "is not there"),
    ],
)
def test_an_export_that_cannot_be_written_says_which_trouble_it_met(
    qtbot: QtBot, cashier: CashierWindow, tmp_path: Path, place: str, says: str
) -> None:
    # A CSV exported to a full USB stick read "the folder is missing or read-only, or the disk
    # is full", though the system had said which.
    add_manager(qtbot, cashier)
    enter(qtbot, cashier)
    status = cashier.view.status
    with contextlib.ExitStack() as stack:
        if place == "full":
            folder = stack.enter_context(small_disk(tmp_path / "stick", "64k"))
            fill(folder)
        elif place == "read-only":
            folder = stack.enter_context(unwritable_folder(tmp_path / "stick", "read-only disk"))
        else:
            folder = tmp_path / "stick"
        cashier.audit.ask_path = lambda _w, _t, _s, chosen: chosen(folder / "audit.csv")
        cashier.view.manager.audit.export_button.click()
        qtbot.waitUntil(lambda: "Not written" in status.note_text(), timeout=WAIT_MS)
        assert says in status.note_text()
        assert str(folder / "audit.csv") in status.note_text()
        assert "or the disk is full" not in status.note_text()


def test_history_filters_refuse_what_no_member_is_and_find_by_status_and_cashier(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    add_manager(qtbot, cashier)
    entry_id = redeem_reward(qtbot, cashier)
    enter(qtbot, cashier)
    history = cashier.view.manager.history
    qtbot.waitUntil(lambda: history.model.rowCount() == 1, timeout=WAIT_MS)
    history.member_edit.setText("<script>")
    history.submit()
    # The start of a name is searched here too: the refusal named every other way but a name.
    assert history.member.error_text() == "A name, email, ID, phone or card has no such characters."
    history.member_edit.setText(AYU)
    history.status.setCurrentIndex(history.status.findData("refused"))
    with qtbot.waitSignal(cashier.history.rows_shown, timeout=WAIT_MS) as shown:
        history.submit()
    assert shown.args[0] == []
    history.status.setCurrentIndex(history.status.findData("confirmed"))
    history.cashier.setCurrentIndex(history.cashier.findData("Dewi"))
    with qtbot.waitSignal(cashier.history.rows_shown, timeout=WAIT_MS) as shown:
        history.submit()
    assert [row.key for row in shown.args[0]] == [entry_id]
    history.since.setDate(history.until.date().addDays(1))
    history.submit()
    assert history.range_error.text() == "“From” is after “To”: pick a day on or before it."


def history_of_one_redemption(qtbot: QtBot, cashier: CashierWindow) -> HistoryView:
    """A manager added, one reward redeemed, manager mode entered: History, its row shown."""
    add_manager(qtbot, cashier)
    redeem_reward(qtbot, cashier)
    enter(qtbot, cashier)
    history = cashier.view.manager.history
    qtbot.waitUntil(lambda: history.model.rowCount() == 1, timeout=WAIT_MS)
    return history


def test_a_filter_naming_no_one_the_records_know_says_so_instead_of_no_match(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # "No redemption matches." for "Ayy" (Ayu typed wrong) read as a member who redeemed
    # nothing here, and "No line matches." for "Rna" as a day Rina did nothing.
    history = history_of_one_redemption(qtbot, cashier)
    history.member_edit.setText("Ayy")
    with qtbot.waitSignal(cashier.history.rows_shown, timeout=WAIT_MS):
        history.submit()
    assert not history.empty.isHidden()
    assert history.empty.text().startswith("This till has no record of a member answering to")
    assert "Ayy" in history.empty.text()
    # a member the records know, with nothing matching the rest of the filter: no match, said so
    history.member_edit.setText("Ayu")
    history.status.setCurrentIndex(history.status.findData("refused"))
    with qtbot.waitSignal(cashier.history.rows_shown, timeout=WAIT_MS):
        history.submit()
    assert (history.empty.isHidden(), history.empty.text()) == (False, "No redemption matches.")

    audit = cashier.view.manager.audit
    audit.who_edit.setText("Rna")
    with qtbot.waitSignal(cashier.audit.rows_shown, timeout=WAIT_MS):
        audit.submit()
    assert not audit.empty.isHidden()
    assert audit.empty.text().startswith("No one named")
    assert "Rna" in audit.empty.text()
    audit.who_edit.setText("")
    audit.entry_edit.setText("no-such-entry")
    with qtbot.waitSignal(cashier.audit.rows_shown, timeout=WAIT_MS):
        audit.submit()
    assert audit.empty.text() == "There is no outbox entry no-such-entry."
    audit.entry_edit.setText("")
    with qtbot.waitSignal(cashier.audit.rows_shown, timeout=WAIT_MS) as shown:
        audit.submit()
    assert shown.args[0] and audit.empty.isHidden()


def test_the_history_s_status_filter_tells_cancelled_redemptions_from_confirmed_ones(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    # Seen under Xvfb: "Confirmed by the server" listed rows that read "Cancelled" (a cancelled
    # redemption's own status stays synced), and no choice listed the cancelled ones alone.
    add_manager(qtbot, cashier)
    kept = redeem_reward(qtbot, cashier)
    cancelled = redeem_reward(qtbot, cashier)
    view = cashier.view
    enter(qtbot, cashier)
    view.redemptions.selectRow(0)  # the newest: the second
    with qtbot.waitSignal(cashier.decisions.details_shown, timeout=WAIT_MS):
        qtbot.keyClick(view.redemptions, Qt.Key.Key_Return)
    cancel_from_details(qtbot, cashier)
    qtbot.waitUntil(lambda: sandbox.stamps(AYU) == 230, timeout=WAIT_MS)
    history = view.manager.history
    # the till has the cancel's answer too: the page's row follows it to its end
    qtbot.waitUntil(
        lambda: "Cancelled" in [row.cells[-1] for row in history.model.rows()], timeout=WAIT_MS
    )
    for choice, expected in (("cancelled", [cancelled]), ("confirmed", [kept])):
        history.status.setCurrentIndex(history.status.findData(choice))
        with qtbot.waitSignal(cashier.history.rows_shown, timeout=WAIT_MS) as shown:
            history.submit()
        assert [row.key for row in shown.args[0]] == expected, choice
    assert history.status.itemText(history.status.findData("cancelled")) == "Cancelled"
    # named by the words of the rows they list: "Confirmed by a manager" is among "Confirmed"'s
    assert history.status.itemText(history.status.findData("confirmed")) == "Confirmed"


def double_click_row(qtbot: QtBot, table: QAbstractItemView, row: int) -> None:
    index = table.model().index(row, 0)
    table.scrollTo(index)
    centre = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def close_details(qtbot: QtBot, window: CashierWindow) -> None:
    details = window.decisions.details
    assert details is not None and details.isVisible()
    details.close()
    qtbot.waitUntil(lambda: window.decisions.details is None, timeout=WAIT_MS)


def test_a_row_of_this_shift_or_of_the_history_opens_the_same_details_and_a_refused_cancel_shows(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    add_manager(qtbot, cashier)
    entry_id = redeem_reward(qtbot, cashier)
    view = cashier.view
    opened: list[DetailsData] = []
    cashier.decisions.details_shown.connect(opened.append)
    # A double-click on the shift's row, before any manager is in.
    with qtbot.waitSignal(cashier.decisions.details_shown, timeout=WAIT_MS):
        double_click_row(qtbot, view.redemptions, 0)
    close_details(qtbot, cashier)
    enter(qtbot, cashier)
    history = view.manager.history
    qtbot.waitUntil(lambda: history.model.rowCount() == 1, timeout=WAIT_MS)
    with qtbot.waitSignal(cashier.decisions.details_shown, timeout=WAIT_MS):
        double_click_row(qtbot, history.table, 0)
    close_details(qtbot, cashier)
    history.table.setFocus()
    with qtbot.waitSignal(cashier.decisions.details_shown, timeout=WAIT_MS):
        qtbot.keyClick(history.table, Qt.Key.Key_Return)
    assert len(opened) == 3 and opened[0] == opened[1] == opened[2]
    assert opened[0].entry_id == entry_id and "cancel" in opened[0].allowed
    details = cashier.decisions.details
    assert details is not None and details.isVisible()
    # Someone cancelled it on the dashboard meanwhile: the till's cancel is refused, and the
    # row, the shift's list and the open details all end on the server's reason.
    sandbox.client.post(
        "/api/redemptions/cancel",
        json={"id": 2001},
        headers={"Authorization": f"Token {DEMO_TOKEN}"},
    ).raise_for_status()
    cancel_from_details(qtbot, cashier)
    refused = "Cancel refused: Redemption is already canceled"
    qtbot.waitUntil(lambda: history_status(cashier, entry_id).startswith(refused), timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: view.redemptions_model.row_data(0).cancel_text.startswith(refused),
        timeout=WAIT_MS,
    )
    qtbot.waitUntil(lambda: details.standing.text().startswith(refused), timeout=WAIT_MS)
    assert history.model.row(0).kind == "refused"


def test_a_card_scanned_into_the_history_s_member_field_fills_it(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # The field asks for "email, ID, phone or card": a scanned card goes in as typed (the
    # cashier's page, behind manager mode, does not take it).
    add_manager(qtbot, cashier)
    enter(qtbot, cashier)
    history = cashier.view.manager.history
    history.member_edit.setFocus()
    qtbot.waitUntil(history.member_edit.hasFocus, timeout=WAIT_MS)
    with qtbot.assertNotEmitted(cashier.member.lookup_finished, wait=200):
        cashier.scanned("70140000000006")
    assert history.member_edit.text() == "70140000000006"
    assert cashier.session.member is None


def test_a_card_scanned_into_the_history_s_member_field_shows_that_member_s_rows(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # The scanner's Enter is the manager's: the list showed the last member's rows under
    # the card scanned, until Enter was pressed again by hand.
    history = history_of_one_redemption(qtbot, cashier)
    history.member_edit.setFocus()
    qtbot.waitUntil(history.member_edit.hasFocus, timeout=WAIT_MS)
    cashier.scanned("70140000000123")  # Budi's card: he redeemed nothing here
    qtbot.waitUntil(lambda: history.model.rowCount() == 0, timeout=WAIT_MS)
    assert history.member_edit.text() == "70140000000123"


def test_the_keyboard_stays_on_the_button_a_manager_pressed_when_its_dialog_closes(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # "Add…" a cashier, then Esc: the keyboard is back on "Add…", so Space adds the next one,
    # not on the tab bar (where Space does nothing and a name typed is lost).
    add_manager(qtbot, cashier)
    enter(qtbot, cashier)
    page = cashier.view.manager
    page.tabs.setCurrentWidget(page.people)
    button = page.people.buttons[("cashier", "add")]
    button.setFocus()
    qtbot.waitUntil(lambda: cashier.view.focusWidget() is button, timeout=WAIT_MS)
    button.click()
    qtbot.waitUntil(lambda: cashier.people.dialog is not None, timeout=WAIT_MS)
    dialog = cashier.people.dialog
    assert dialog is not None
    dialog.reject()
    assert cashier.view.focusWidget() is button


def test_after_disable_the_keyboard_stays_on_the_list_the_account_was_picked_in(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # Seen under Xvfb: "Disable" greyed with the keyboard on it, and Qt passed the keyboard
    # round to the banner's "Settings…", far from the list the manager was working down.
    add_manager(qtbot, cashier)
    enter(qtbot, cashier)
    page = cashier.view.manager
    page.tabs.setCurrentWidget(page.people)
    table = page.people.tables["cashier"]
    qtbot.waitUntil(lambda: table.rows_model.rowCount() > 0, timeout=WAIT_MS)
    table.select_key("Rina")
    button = page.people.buttons[("cashier", "disable")]
    button.setFocus()
    qtbot.waitUntil(lambda: cashier.view.focusWidget() is button, timeout=WAIT_MS)
    with qtbot.waitSignal(cashier.people.changed, timeout=WAIT_MS):
        button.click()
    assert not button.isEnabled()
    assert cashier.view.focusWidget() is table
    assert table.current_key() == "Rina"


def test_the_exceptions_read_as_manager_mode_opened_do_not_bring_back_one_decided_since(
    qtbot: QtBot,
    cashier: CashierWindow,
    sandbox: SandboxControl,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Manager mode's first reading of the exceptions, slow, came after the one the manager's
    # decision brought: the dismissed exception was listed again, to be decided twice.
    add_manager(qtbot, cashier)
    member = _spent_elsewhere_once_read(qtbot, cashier, sandbox)  # refused by the server
    order = run_async(qtbot, cashier.till.catalogue.reward_order(member, 1))
    receipt = run_async(
        qtbot, cashier.till.redeemer.redeem(order, member, cashier.session.sale(None))
    )
    run_async(qtbot, cashier.till.wait(receipt.entry_id))
    history = cashier.till.history
    read = history.exceptions
    gate = asyncio.Event()
    first: list[bool] = []

    async def slow_first(*args: object, **kwargs: object) -> object:
        found = await read(*args, **kwargs)
        if not first:
            first.append(True)
            await gate.wait()
        return found

    monkeypatch.setattr(history, "exceptions", slow_first)
    enter(qtbot, cashier)  # its reading of the exceptions waits at the gate
    qtbot.waitUntil(lambda: bool(first), timeout=WAIT_MS)
    page = cashier.view.manager

    # The listing the dismissal brings: on a loaded machine the change of the refusal itself
    # may be heard only now, and its listing, read before the dismissal, still holds Agus.
    def without_agus(items: list[ExceptionData]) -> bool:
        return all(item.row.key != receipt.entry_id for item in items)

    with qtbot.waitSignal(cashier.exceptions.listed, timeout=WAIT_MS, check_params_cb=without_agus):
        run_async(qtbot, cashier.decisions.dismiss(receipt.entry_id, note="told Agus"))
    assert page.exceptions.selected() is None
    gate.set()
    qtbot.waitUntil(lambda: not cashier.exceptions._listing.running, timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: not any(t.get_name() == "manager" for t in tasks._running), timeout=WAIT_MS
    )
    assert page.exceptions.selected() is None


def test_end_of_day_read_again_as_the_till_changes_reads_the_day_picked_last(
    qtbot: QtBot, cashier: CashierWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The manager picked the day before; while it was read (slowly), a redemption changed the
    # till, and End of day read again the day shown before: today's totals under yesterday's
    # date.
    add_manager(qtbot, cashier)
    enter(qtbot, cashier)
    qtbot.waitUntil(lambda: cashier.day.shown_day is not None, timeout=WAIT_MS)
    page = cashier.view.manager
    yesterday = page.day.picked() - timedelta(days=1)
    read = cashier.till.shift_record.day
    gate = asyncio.Event()
    held: list[datetime] = []

    async def slow_yesterday(since: datetime, until: datetime) -> object:
        found = await read(since, until)
        if since.date() == yesterday:
            held.append(since)
            await gate.wait()
        return found

    monkeypatch.setattr(cashier.till.shift_record, "day", slow_yesterday)
    page.day.open_on(yesterday)
    page.day.submit()
    qtbot.waitUntil(lambda: bool(held), timeout=WAIT_MS)
    cashier.day.refresh()  # the till changed meanwhile
    gate.set()
    qtbot.waitUntil(lambda: not cashier.day._reading.running, timeout=WAIT_MS)
    assert page.day.picked() == yesterday
    assert cashier.day.shown_day == yesterday


def test_a_manager_pin_checked_after_the_sign_in_closed_leaves_nobody_in_manager_mode(
    qtbot: QtBot, cashier: CashierWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Wayan's PIN was still being checked when the sign-in closed (Cancel, or the till locking):
    # manager mode's page came up anyway, and stayed open for the next F8 without a PIN.
    add_manager(qtbot, cashier)
    checking = Held(monkeypatch, cashier.till.manager, "enter")
    cashier.mode.open()
    qtbot.waitUntil(lambda: cashier.mode.dialog is not None, timeout=WAIT_MS)
    dialog = cashier.mode.dialog
    assert dialog is not None
    dialog.sign_in_requested.emit(MANAGER, PIN)
    qtbot.waitUntil(lambda: bool(checking.calls), timeout=WAIT_MS)
    dialog.reject()
    checking.release()
    qtbot.waitUntil(
        lambda: not any(t.get_name() == "manager sign-in" for t in tasks._running),
        timeout=WAIT_MS,
    )
    assert not cashier.view.is_showing_manager()
    assert cashier.mode.manager is None


def the_box_up(qtbot: QtBot, window: CashierWindow) -> QMessageBox:
    """The box manager mode's end put up over a form it closed, once it is on screen."""
    notice = window.mode.form_closed_notice
    assert notice is not None
    qtbot.waitUntil(notice.isVisible, timeout=WAIT_MS)
    return notice


def keys_go_to(qtbot: QtBot, notice: QMessageBox) -> QWidget:
    """Where the keys typed now go, once the keyboard is on ``notice`` (its button)."""
    qtbot.waitUntil(
        lambda: (focus := QApplication.focusWidget()) is not None and notice.isAncestorOf(focus),
        timeout=WAIT_MS,
    )
    typing_into = QApplication.focusWidget()
    assert typing_into is not None
    return typing_into


def test_a_form_closed_by_manager_mode_ending_takes_the_keys_typed_next(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # Wayan began a cashier's PIN, walked away, came back after manager mode had ended and
    # typed the rest: "135792" landed in the member search and the invoice number, to go out
    # with the next redemption.
    add_manager(qtbot, cashier)
    enter(qtbot, cashier)
    cashier.people.ask("cashier", "add", "")
    qtbot.waitUntil(lambda: cashier.people.dialog is not None, timeout=WAIT_MS)
    form = cashier.people.dialog
    assert form is not None
    qtbot.keyClicks(form.name_edit, "Sari")
    manager_goes_idle(qtbot, cashier)
    notice = the_box_up(qtbot, cashier)
    assert "nothing typed in it was saved" in notice.informativeText()
    typing_into = keys_go_to(qtbot, notice)
    qtbot.keyClicks(typing_into, "135792")
    assert cashier.view.member_search.field.text() == ""
    assert cashier.view.invoice_field.text() == ""
    qtbot.keyClick(typing_into, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cashier.mode.form_closed_notice is None, timeout=WAIT_MS)
    assert "Sari" not in run_async(qtbot, cashier.till.staff.names(Role.CASHIER))


def test_a_card_scanned_over_the_box_of_a_form_closed_is_the_next_customer(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    add_manager(qtbot, cashier)
    enter(qtbot, cashier)
    cashier.people.ask("cashier", "add", "")
    qtbot.waitUntil(lambda: cashier.people.dialog is not None, timeout=WAIT_MS)
    manager_goes_idle(qtbot, cashier)
    the_box_up(qtbot, cashier)
    with qtbot.waitSignal(cashier.session.offer_loaded, timeout=WAIT_MS):
        cashier.scanned("KR24000006")
    assert cashier.mode.form_closed_notice is None  # closed by the scan
    assert cashier.session.member is not None and cashier.session.member.name == "Ayu Pratiwi"


def test_a_decision_closed_by_manager_mode_ending_takes_the_keys_typed_next(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    till_settings: Settings,
    sandbox: SandboxControl,
) -> None:
    # Seen under Xvfb: Wayan began "Mark it applied" on Ayu's unknown cart, typed "200" of its
    # server id, walked away; manager mode ended and the dialog closed with no box. The rest he
    # typed went into the cashier's page: "6" in the member search and his note, "Seen on
    # dashboard", as the invoice number of Ayu's next redemption.
    window, entry_id = _unknown_redemption(
        qtbot, make_cashier, till_settings, sandbox, applied_then_500_rate=1.0
    )
    dialog = _decision_asked(qtbot, window, "mark_applied", entry_id)
    qtbot.keyClicks(dialog.server_id_edit, "200")
    manager_goes_idle(qtbot, window)
    typing_into = keys_go_to(qtbot, the_box_up(qtbot, window))
    qtbot.keyClicks(typing_into, "6 Seen on dashboard")
    assert window.view.member_search.field.text() == "Ayu Pratiwi"
    assert window.view.invoice_field.text() == ""
    assert run_async(qtbot, window.till.receipt(entry_id)).verdict is Verdict.NOT_CONFIRMED


def test_a_retry_sent_when_manager_mode_ends_brings_up_no_box(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    till_settings: Settings,
    sandbox: SandboxControl,
) -> None:
    # A "Send again" already sent stays up with its answer: nothing in it is left to type.
    window, entry_id = _unknown_redemption(
        qtbot, make_cashier, till_settings, sandbox, error_rate=1.0, error_statuses=[500]
    )
    dialog = _decision_asked(qtbot, window, "retry", entry_id)
    dialog.note_box.setPlainText("not in the ledger")
    with qtbot.waitSignal(window.decisions.decided, timeout=WAIT_MS):
        dialog.submit()
    answer = dialog.findChild(ResultPanel)
    assert answer is not None
    qtbot.waitUntil(lambda: answer.title.text() == "Confirmed", timeout=WAIT_MS)
    manager_goes_idle(qtbot, window)
    assert dialog.isVisible()
    assert window.mode.form_closed_notice is None


def test_a_full_page_of_history_says_how_many_older_redemptions_it_leaves_out(
    qtbot: QtBot, cashier: CashierWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A month of a busy till is some 25,000 redemptions; the page held the newest 1,000 and
    # said nothing, so the oldest days shown read as days with nothing redeemed.
    monkeypatch.setattr(history_controller, "ROWS_SHOWN", 2)
    add_manager(qtbot, cashier)
    first = redeem_reward(qtbot, cashier)
    newest = [redeem_reward(qtbot, cashier), redeem_reward(qtbot, cashier)]
    # and a customer turned away at the counter since: a row of the page, newest of all
    shift = cashier.session.shift
    assert shift is not None
    run_async(
        qtbot,
        cashier.till.redeemer.record_refusal(
            None,
            Sale(shift.cashier, shift.id),
            kind=OperationKind.REWARD,
            what=say("what.reward", name="Kopi susu"),
            reason=say("order.reward_not_offered", reward="Kopi susu"),
        ),
    )
    enter(qtbot, cashier)
    history = cashier.view.manager.history
    with qtbot.waitSignal(cashier.history.rows_shown, timeout=WAIT_MS) as shown:
        history.submit()
    keys = [row.key for row in shown.args[0]]
    assert isinstance(keys[0], CounterRefusalKey) and keys[1:] == [newest[1]]
    assert first not in keys
    assert not history.more.isHidden()
    assert history.more.text().startswith("The newest 2 are shown; 2 older ones match too")
    # a filter that fits on the page says nothing more
    history.member_edit.setText("nobody@example.com")
    with qtbot.waitSignal(cashier.history.rows_shown, timeout=WAIT_MS):
        history.submit()
    assert history.more.isHidden()


def test_the_audit_log_says_what_its_page_leaves_out_and_its_csv_holds_every_line(
    qtbot: QtBot, cashier: CashierWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A year's export was cut at the page's 5,000 lines: all but its last weeks left out.
    monkeypatch.setattr(audit_controller, "LINES_SHOWN", 2)
    add_manager(qtbot, cashier)
    enter(qtbot, cashier)
    audit = cashier.view.manager.audit
    with qtbot.waitSignal(cashier.audit.rows_shown, timeout=WAIT_MS) as shown:
        audit.submit()
    assert len(shown.args[0]) == 2
    assert not audit.more.isHidden()
    assert audit.more.text().startswith("The newest 2 lines are shown; 2 older ones match too")
    path = tmp_path / "audit.csv"
    cashier.audit.ask_path = lambda _w, _t, _s, chosen: chosen(path)
    with qtbot.waitSignal(cashier.audit.exported, timeout=WAIT_MS):
        audit.export_button.click()
    with path.open(encoding="utf-8", newline="") as handle:
        written = list(csv.DictReader(handle))
    assert [(r["who"], r["action"]) for r in written] == [
        ("cashiers.txt", "cashiers_imported"),
        ("Dewi", "sign_in"),
        ("Wayan", "manager_added"),
        ("Wayan", "sign_in"),
    ]
