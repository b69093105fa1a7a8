"""Manager mode's dialogs walked with the keyboard: Tab in reading order (top to bottom, left to
right, the buttons last), Esc goes back without acting, and Enter does the default only where a
manager expects it: a decision goes with its button, never with an Enter in a field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from app.config import Settings
from app.settings_file import SettingsFile
from app.ui.controllers.details_words import details_data
from app.ui.controllers.settings import setting_fields
from app.ui.manager.decisions import CancelByServerIdDialog, DecisionDialog
from app.ui.manager.details import EntryDetailsDialog
from app.ui.manager.people import AccountDialog
from app.ui.manager.settings_dialog import SettingsDialog
from app.ui.manager.sign_in_dialog import ManagerSignInDialog
from app.ui.screenshots import _details

from ...support.keyboard import focus_name, reversed_walk, walk_both_ways


def opened(qtbot: QtBot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def details() -> EntryDetailsDialog:
    dialog = EntryDetailsDialog()
    dialog.set_details(details_data(_details()))  # confirmed: "Cancel redemption…" offered
    return dialog


def settings() -> SettingsDialog:
    till = Settings(
        base_url="https://stamps.co.id",
        merchant=14,
        store=32,
        store_code="JKT-01",
        terminal="POS-1",
        data_dir=Path("/var/lib/stamps-pos"),
    )
    return SettingsDialog(setting_fields(till, SettingsFile(Path("/nonexistent/s.toml"))), None)


CASES: dict[str, tuple[Callable[[], QDialog], list[str]]] = {
    "details": (  # opened on "Close" (Enter closes), the attempts and trail before the buttons
        details,
        ["detailsAttempts", "detailsTrail", "details_cancel", "detailsClose"],
    ),
    "cancel": (
        lambda: DecisionDialog("cancel", "Voucher ULTAH-AYU-6", replaceable=True),
        ["decisionConfirm", "decisionBack", "decisionReplacement", "decisionNoteInput"],
    ),
    "dismiss": (
        lambda: DecisionDialog("dismiss", "Kopi Susu"),
        ["decisionConfirm", "decisionBack", "decisionNoteInput"],
    ),
    "by server id": (
        CancelByServerIdDialog,
        [
            "serverIdMemberInput",
            "decisionReplacement",
            "decisionNoteInput",
            "decisionConfirm",
            "decisionBack",
            "serverIdInput",
        ],
    ),
    "add a cashier": (
        lambda: AccountDialog("add", "cashier"),
        [
            "accountPinInput",
            "accountPinAgainInput",
            "accountSave",
            "accountBack",
            "accountNameInput",
        ],
    ),
    "rename": (
        lambda: AccountDialog("rename", "cashier", "Rina"),
        ["accountSave", "accountBack", "accountNameInput"],
    ),
    "set a PIN": (
        lambda: AccountDialog("set_pin", "manager", "Wayan"),
        ["accountPinAgainInput", "accountSave", "accountBack", "accountPinInput"],
    ),
    "manager sign-in": (  # opened on the PIN: the name is picked already
        lambda: ManagerSignInDialog(["Wayan", "Made"]),
        ["managerSignInEnter", "managerSignInCancel", "managerNameInput", "managerPinInput"],
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_tab_walks_a_dialog_in_reading_order(qtbot: QtBot, case: str) -> None:
    make, stops = CASES[case]
    dialog = opened(qtbot, make())
    start = QApplication.focusWidget()
    assert isinstance(start, QWidget)
    forth, back = walk_both_ways(qtbot, start, stops)
    assert forth == stops
    assert back == reversed_walk(start, stops)
    assert focus_name(start) == stops[-1]
    assert dialog.isVisible()


def test_tab_walks_the_settings_from_the_token_to_the_groups_settings(qtbot: QtBot) -> None:
    # The token and its "Check", the group's tab, then its settings (not the page around them).
    dialog = opened(qtbot, settings())
    stops = ["settingsCheck", "settingsTabs.tabBar", "setting_base_urlInput", "setting_authInput"]
    forth, back = walk_both_ways(qtbot, dialog.token_edit, stops)
    assert forth == stops
    assert back[:3] == ["setting_base_urlInput", "settingsTabs.tabBar", "settingsCheck"]


@pytest.mark.parametrize("case", [*CASES, "settings"])
def test_escape_goes_back_without_acting(qtbot: QtBot, case: str) -> None:
    make = settings if case == "settings" else CASES[case][0]
    dialog = opened(qtbot, make())
    acted: list[object] = []
    for signal in ("decided", "submitted", "sign_in_requested", "save_requested",
                   "check_requested", "decision_requested"):  # fmt: skip
        if hasattr(dialog, signal):
            getattr(dialog, signal).connect(lambda *args: acted.append(args))
    with qtbot.waitSignal(dialog.finished) as closed:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert closed.args == [QDialog.DialogCode.Rejected]
    assert acted == []


def test_enter_on_the_replacement_tick_box_does_not_cancel(qtbot: QtBot) -> None:
    dialog = opened(qtbot, DecisionDialog("cancel", "Voucher ULTAH-AYU-6", replaceable=True))
    decided: list[object] = []
    dialog.decided.connect(lambda *args: decided.append(args))
    dialog.replacement.setFocus()
    qtbot.waitUntil(dialog.replacement.hasFocus)
    qtbot.keyClick(dialog.replacement, Qt.Key.Key_Return)
    assert decided == [] and dialog.isVisible()
    # Its button, reached with Tab, takes it: the decision is a key on the button.
    qtbot.keyClick(dialog.replacement, Qt.Key.Key_Tab)  # the note
    qtbot.keyClick(dialog.note_box, Qt.Key.Key_Tab)
    assert dialog.confirm.hasFocus()
    with qtbot.waitSignal(dialog.decided):
        qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)


@pytest.mark.parametrize("decision", ["dismiss", "retry", "mark_applied"])
def test_enter_with_the_note_a_decision_needs_still_blank_says_it_is_required(
    qtbot: QtBot, decision: str
) -> None:
    # Enter in the blank note started an empty line, and in the server id nothing at all: the
    # manager closing the case saw nothing, while the button says the note is required.
    dialog = opened(qtbot, DecisionDialog(decision, "Kopi Susu"))
    decided: list[object] = []
    dialog.decided.connect(lambda *args: decided.append(args))
    start = QApplication.focusWidget()
    assert start is (dialog.server_id_edit if decision == "mark_applied" else dialog.note_box)
    qtbot.keyClick(start, Qt.Key.Key_Return)
    assert dialog.note.error.text() == "A note is required: say why."
    assert dialog.note.error.isVisible() and dialog.note_box.hasFocus()
    assert dialog.note_box.text() == "" and decided == [] and dialog.isVisible()
    # Once there are words, Enter breaks the line, and the decision still waits for its button.
    qtbot.keyClicks(dialog.note_box, "Double scan")
    qtbot.keyClick(dialog.note_box, Qt.Key.Key_Return)
    assert dialog.note_box.text() == "Double scan\n" and decided == []


def test_enter_in_a_blank_optional_note_says_nothing_and_does_not_cancel(qtbot: QtBot) -> None:
    dialog = opened(qtbot, DecisionDialog("cancel", "Kopi Susu"))
    decided: list[object] = []
    dialog.decided.connect(lambda *args: decided.append(args))
    qtbot.keyClick(dialog.note_box, Qt.Key.Key_Return)
    assert dialog.note.error.isHidden() and dialog.note_box.text() == ""
    assert decided == [] and dialog.isVisible()


def test_enter_in_the_server_id_does_not_cancel(qtbot: QtBot) -> None:
    dialog = opened(qtbot, CancelByServerIdDialog())
    decided: list[object] = []
    dialog.decided.connect(lambda *args: decided.append(args))
    qtbot.keyClicks(dialog.server_id_edit, "2030")
    qtbot.keyClick(dialog.server_id_edit, Qt.Key.Key_Return)
    assert decided == [] and dialog.isVisible()


def test_enter_after_the_managers_name_goes_to_the_pin_and_checks_nothing(qtbot: QtBot) -> None:
    dialog = opened(qtbot, ManagerSignInDialog(["Wayan", "Made"]))
    asked: list[object] = []
    dialog.sign_in_requested.connect(lambda *args: asked.append(args))
    dialog.names.setFocus()
    qtbot.waitUntil(dialog.names.hasFocus)
    qtbot.keyClick(dialog.names, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.pin_field.hasFocus)
    assert asked == []  # an empty PIN would have counted as a wrong one
    qtbot.keyClicks(dialog.pin_field, "246810")
    with qtbot.waitSignal(dialog.sign_in_requested) as signed:
        qtbot.keyClick(dialog.pin_field, Qt.Key.Key_Return)
    assert signed.args == ["Wayan", "246810"]


@pytest.mark.parametrize(
    ("case", "button"), [("details", "details_cancel"), ("settings", "settingsSave")]
)
def test_shift_tab_from_the_buttons_scrolls_to_the_setting_or_table_it_comes_to(
    qtbot: QtBot, case: str, button: str
) -> None:
    # Under Xvfb: Shift+Tab from "Cancel redemption…" put the keyboard on the audit trail, below
    # the fold of the details, and nothing scrolled to it: the focus was nowhere to be seen.
    make = settings if case == "settings" else CASES[case][0]
    dialog = opened(qtbot, make())
    start = next(w for w in dialog.findChildren(QWidget) if w.objectName() == button)
    start.setFocus()
    qtbot.waitUntil(start.hasFocus)
    qtbot.keyClick(start, Qt.Key.Key_Backtab)

    landed = QApplication.focusWidget()
    areas = [a for a in dialog.findChildren(QScrollArea) if a.widget().isAncestorOf(landed)]
    assert len(areas) == 1, focus_name(landed)
    scroll = areas[0]
    assert scroll.verticalScrollBar().maximum() > 0  # the case: there is a fold to be below
    top_left = landed.mapTo(scroll.viewport(), QPoint(0, 0))
    assert scroll.viewport().rect().contains(top_left), focus_name(landed)


def test_escape_after_a_change_asks_before_the_settings_go(qtbot: QtBot) -> None:
    # Under Xvfb: a setting changed, Esc, and the settings were gone with the change unsaved
    # and not a word said. Esc now asks; Enter or Esc again keeps what was typed.
    dialog = opened(qtbot, settings())
    saved: list[object] = []
    dialog.save_requested.connect(lambda *args: saved.append(args))
    field = next(
        control
        for control in dialog.controls.values()
        if isinstance(control, QLineEdit) and control.isEnabled() and control.isVisible()
    )
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.selectAll()
    qtbot.keyClicks(field, "RDG-KMG")

    for keep in (Qt.Key.Key_Escape, Qt.Key.Key_Return):
        qtbot.keyClick(field, Qt.Key.Key_Escape)
        assert dialog.isVisible()
        box = getattr(dialog, "leave_box", None)
        assert box is not None
        qtbot.waitUntil(lambda box=box: QApplication.activeWindow() is box)
        assert focus_name(QApplication.focusWidget()) == "settingsKeepEditing"
        qtbot.keyClick(QApplication.focusWidget(), keep)
        qtbot.waitUntil(field.hasFocus)  # back where the manager was typing
        assert dialog.isVisible() and field.text() == "RDG-KMG"

    qtbot.keyClick(field, Qt.Key.Key_Escape)
    qtbot.waitUntil(
        lambda: dialog.leave_box is not None and QApplication.activeWindow() is dialog.leave_box
    )
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert focus_name(QApplication.focusWidget()) == "settingsLeaveWithoutSaving"
    with qtbot.waitSignal(dialog.finished) as closed:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert closed.args == [QDialog.DialogCode.Rejected]
    assert saved == []
