"""The till's people and settings in the window: cashiers sign in against their accounts (the
lockout said in words), the idle lock keeps the shift, the first manager is set up on a real
start, every account form refuses bad values beside the field and writes nothing, the settings
dialog checks each value as the settings file does, the storage banner comes and goes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from app.config import Settings, load_settings
from app.core.clock import ManualClock, installed
from app.core.credentials import Secret
from app.core.services import AuditFilter, Role, RuntimeOptions, StorageFull, load_token_file
from app.core.stamps.errors import CredentialsRejected
from app.sandbox import DEMO_TOKEN
from app.settings_file import SettingsFile
from app.ui.cashier_window import CashierWindow
from app.ui.controllers.settings import setting_fields
from app.ui.controllers.tasks import spawn
from app.ui.main_window import CashierWindowView
from app.ui.manager.people import AccountDialog
from app.ui.manager.settings_dialog import SettingsDialog
from app.ui.options import WindowOptions

from ...support.disk import UNWRITABLE, unwritable_folder
from ...support.languages import speaking
from ...support.sandbox import SandboxControl
from .conftest import WAIT_MS, find_member, redeem, run_async

pytestmark = pytest.mark.integration

MANAGER, PIN = "Wayan", "246810"
AYU = "customer@stamps.co.id"


def add_manager(qtbot: QtBot, window: CashierWindow) -> None:
    run_async(qtbot, window.till.staff.add_first_manager(MANAGER, Secret(PIN)))


def enter(qtbot: QtBot, window: CashierWindow) -> None:
    assert run_async(qtbot, window.mode.sign_in(MANAGER, Secret(PIN))) is not None


def test_a_cashier_with_a_pin_signs_in_with_it_and_five_wrong_ones_lock_in_words(
    qtbot: QtBot, make_cashier: Callable[..., CashierWindow], till_settings: Settings
) -> None:
    window = make_cashier(till_settings, signed_in=None)
    add_manager(qtbot, window)
    enter(qtbot, window)
    run_async(qtbot, window.people.add(Role.CASHIER, "Sari", Secret("2580")))
    run_async(qtbot, window.mode._leave("left"))
    sign_in = window.view.sign_in
    qtbot.waitUntil(lambda: sign_in.cashiers.count() == 3, timeout=WAIT_MS)  # Dewi, Rina, Sari
    sign_in.select_cashier("Sari")
    assert sign_in.pin_shown() and not sign_in.pin_field.isHidden()
    sign_in.select_cashier("Dewi")
    assert not sign_in.pin_shown()  # Dewi's account has no PIN
    sign_in.select_cashier("Sari")
    reasons = []
    for _ in range(5):
        sign_in.pin_field.setText("1111")
        with qtbot.waitSignal(window.shift.sign_in_refused, timeout=WAIT_MS) as refused:
            sign_in.submit()
        reasons.append(refused.args[0])
        assert sign_in.pin_field.text() == ""
    assert reasons[0] == "Wrong PIN for Sari: 4 more wrong PINs lock the account for 5 minutes."
    assert reasons[3] == "Wrong PIN for Sari: 1 more wrong PIN locks the account for 5 minutes."
    assert reasons[-1] == "Sari is locked after 5 wrong PINs; try again in 5 minutes."
    sign_in.pin_field.setText("2580")  # even the right PIN, while locked
    with qtbot.waitSignal(window.shift.sign_in_refused, timeout=WAIT_MS) as refused:
        sign_in.submit()
    assert "locked" in refused.args[0]
    assert window.session.cashier is None
    assert window.view.pages.currentWidget() is sign_in


def test_the_till_locks_after_its_idle_time_and_the_shift_carries_on(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    find_member(qtbot, cashier, AYU)
    cashier.view.reward_picker.select_reward(1)
    redeem(qtbot, cashier, cashier.view.reward_picker.redeem_button.click)
    shift = cashier.session.shift
    clock = ManualClock()
    with installed(clock):
        cashier.lock.touch()
        clock.advance(9 * 60)
        assert not cashier.lock.check()
        clock.advance(61)
        with qtbot.waitSignal(cashier.lock.locked, timeout=WAIT_MS):
            assert cashier.lock.check()
    view = cashier.view
    assert view.pages.currentWidget() is view.sign_in
    assert view.sign_in.title.text() == "The till is locked"
    assert "Dewi's shift carries on" in view.sign_in.note.text()
    assert cashier.session.member is None  # the customer is gone from the screen
    assert view.sign_in.cashiers.currentItem().text() == "Dewi"
    with qtbot.waitSignal(cashier.shift.signed_in, timeout=WAIT_MS):
        view.sign_in.submit()
    assert cashier.session.shift == shift
    assert view.redemptions_model.rowCount() == 1  # the shift's list is still there


def test_a_real_start_without_a_manager_sets_one_up_first_refusing_each_bad_field(
    qtbot: QtBot, open_running_till: Callable[..., object], till_settings: Settings
) -> None:
    till = open_running_till(till_settings)
    view = CashierWindowView()
    window = CashierWindow(
        view, till, use_printer=False, options=WindowOptions(ask_first_manager=True)
    )
    qtbot.addWidget(view, before_close_func=lambda _v: window.close())
    view.show()
    qtbot.waitUntil(lambda: window.is_ready, timeout=WAIT_MS)
    page = view.first_manager
    assert view.pages.currentWidget() is page
    cases = [
        ("", "246810", "246810", page.name, page.name, "This cannot be empty."),
        ("<b>Wayan</b>", "246810", "246810", page.name, page.name, "not allowed: < >"),
        ("12345", "246810", "246810", page.name, page.name, "A name needs at least one letter."),
        ("Wayan", "123456", "123456", page.pin, page.pin, "straight run"),
        ("Wayan", "1234", "1234", page.pin, page.pin, "6 to 8 digits"),
        ("Wayan", "24681O", "24681O", page.pin, page.pin, "digits only"),
        # both PINs were emptied: typing again starts at "PIN", not under it
        ("Wayan", "246810", "246811", page.again, page.pin, "The two PINs differ"),
    ]
    for name, pin, again, field, cursor, words in cases:
        result = run_async(qtbot, window.first_manager.create(name, Secret(pin), Secret(again)))
        assert result is None
        assert words in field.error_text(), (name, field.objectName())
        # the cursor waits in the field to type again, not in the one after it
        qtbot.waitUntil(cursor.control.hasFocus, timeout=WAIT_MS)
        assert not run_async(qtbot, till.staff.has_manager())
    # Typed once with the input method in full-width mode: the same digits, the same PIN (it
    # read "The two PINs differ").
    full_width = PIN.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    account = run_async(
        qtbot, window.first_manager.create("Wayan", Secret(full_width), Secret(PIN))
    )
    assert account is not None and account.name == "Wayan", page.again.error_text()
    assert view.pages.currentWidget() is view.sign_in
    assert run_async(qtbot, till.staff.has_manager())


def test_account_forms_refuse_bad_values_beside_the_field_and_write_nothing(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    add_manager(qtbot, cashier)
    enter(qtbot, cashier)
    people = cashier.people
    before = run_async(qtbot, cashier.till.audit.lines(AuditFilter()))
    refusals = {
        ("add", "x" * 41, "", ""): ("name", "longer than 40"),
        ("add", "Ri\u202ena", "", ""): ("name", "control or invisible"),
        ("add", "{{Rina}}", "", ""): ("name", "not allowed"),
        ("add", "Sari", "0000", "0000"): ("pin", "One digit repeated"),
        ("add", "Sari", "25", "25"): ("pin", "4 to 8 digits"),
        ("add", "Sari", "2580", "2581"): ("again", "The two PINs differ"),
        ("add", "rina", "", ""): ("", "There is already a cashier named Rina."),
    }
    for (change, name, pin, again), (field, words) in refusals.items():
        dialog = AccountDialog(change, "cashier")
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        people.dialog = dialog
        dialog.again_edit.setFocus()  # Return pressed in the last field
        qtbot.waitUntil(dialog.again_edit.hasFocus, timeout=WAIT_MS)
        errors = people.check_form(Role.CASHIER, change, name, Secret(pin), Secret(again))
        if errors:
            dialog.show_errors(errors)
        else:
            run_async(
                qtbot,
                people._submit(dialog, Role.CASHIER, change, "", name, Secret(pin), Secret(again)),
            )
        shown = {"name": dialog.name, "pin": dialog.pin, "again": dialog.again}
        text = shown[field].error_text() if field else dialog.refusal.text()
        assert words in text, (name, field, text)
        # The cursor waits where typing starts again: both PINs were emptied, so two that
        # differ are typed again from "PIN"; a name already taken is the name's to change.
        cursor = {"name": "name", "pin": "pin", "again": "pin", "": "name"}[field]
        qtbot.waitUntil(shown[cursor].control.hasFocus, timeout=WAIT_MS)
        dialog.close()
    assert run_async(qtbot, cashier.till.audit.lines(AuditFilter())) == before
    # A good one is written, shown, audited and offered at sign-in.
    dialog = AccountDialog("add", "cashier")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(people.changed, timeout=WAIT_MS):
        run_async(
            qtbot,
            people._submit(
                dialog, Role.CASHIER, "add", "", "Ma'ruf", Secret("2580"), Secret("2580")
            ),
        )
    names = [row.key for row in cashier.view.manager.people.tables["cashier"].rows_model.rows()]
    assert "Ma'ruf" in names
    qtbot.waitUntil(
        lambda: (
            "Ma'ruf"
            in [
                cashier.view.sign_in.cashiers.item(n).text()
                for n in range(cashier.view.sign_in.cashiers.count())
            ]
        ),
        timeout=WAIT_MS,
    )
    # The last active manager cannot be disabled: said, not done.
    with qtbot.waitSignal(people.refused, timeout=WAIT_MS) as refused:
        people.ask("manager", "disable", MANAGER)
    assert refused.args[0] == "Wayan is the only active manager: add another manager first."
    assert cashier.view.manager.people.refusal.text() == refused.args[0]


def test_a_new_pin_for_a_cashier_does_not_invite_an_empty_one(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # Seen: "A new PIN for Rina" said to leave it empty for a cashier who signs in with their
    # name alone, and an empty one was refused with "Type a PIN.": that is "Remove PIN"'s.
    add_manager(qtbot, cashier)
    enter(qtbot, cashier)

    def hint(change: str, name: str = "") -> str:
        dialog = AccountDialog(change, "cashier", name)
        qtbot.addWidget(dialog)
        label = dialog.findChild(QLabel, "accountHint")
        assert label is not None
        return label.text()

    assert "leave it empty" in hint("add")  # adding one without a PIN is what it says
    said = hint("set_pin", "Rina")
    assert "leave it empty" not in said and '"Remove PIN"' in said
    errors = cashier.people.check_form(Role.CASHIER, "set_pin", "", Secret(""), Secret(""))
    assert list(errors) == ["pin"]


def test_setting_a_pin_says_it_was_done_as_every_change_of_an_account_does(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # Seen: "Set PIN…", Save, and nothing on screen changed (the PIN column said "yes" before as
    # after); only the audit knew it was done.
    add_manager(qtbot, cashier)
    enter(qtbot, cashier)
    people = cashier.people
    status = cashier.view.status

    def change(change: str, role: Role, name: str, new_name: str = "", pin: str = "") -> str:
        dialog = AccountDialog(change, role.value, name)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(people.changed, timeout=WAIT_MS):
            run_async(
                qtbot,
                people._submit(dialog, role, change, name, new_name, Secret(pin), Secret(pin)),
            )
        return status.note_text()

    assert change("set_pin", Role.MANAGER, MANAGER, pin="135792") == "Wayan's new PIN is saved."
    assert change("set_pin", Role.CASHIER, "Rina", pin="2580") == "Rina's new PIN is saved."
    assert change("add", Role.CASHIER, "", "Sari") == "Sari is added."
    assert change("rename", Role.CASHIER, "Sari", "Sarah") == "Sari is now called Sarah."
    for asked, said in (
        ("remove_pin", "Rina's PIN is removed."),
        ("disable", "Rina is disabled."),
        ("enable", "Rina is enabled."),
    ):
        with qtbot.waitSignal(people.changed, timeout=WAIT_MS):
            people.ask("cashier", asked, "Rina")
        assert status.note_text() == said
    with speaking("id"):
        assert change("set_pin", Role.CASHIER, "Dewi", pin="2580") == "PIN baru Dewi tersimpan."


def test_settings_are_checked_as_the_file_is_and_saved_whole_with_the_token_kept_apart(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    till_settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for variable in ("LANES", "READ_TIMEOUT", "IDLE_LOCK_MINUTES", "TOKEN"):
        monkeypatch.delenv(f"STAMPS_POS_{variable}", raising=False)
    folder = tmp_path / "config"
    folder.mkdir()
    path = folder / "settings.toml"
    path.write_text(
        "# till 1\n"
        f'base_url = "{till_settings.base_url}"\n'
        f"merchant = {till_settings.merchant}\nstore = {till_settings.store}\n"
        f'data_dir = "{till_settings.data_dir}"\n'
        'terminal = "till-1"\nidempotency = "honoured"\n',
        encoding="utf-8",
    )
    settings = load_settings(path)
    monkeypatch.setenv("STAMPS_POS_CACHE_RETENTION_DAYS", "30")
    window = keeping_its_token_in(qtbot, make_cashier(till_settings), settings, folder)
    dialog = settings_opened(qtbot, window)
    # A setting fixed by the environment is locked, and says by what.
    assert not dialog.controls["cache_retention_days"].isEnabled()
    note = dialog.findChild(type(dialog.outcome), "setting_cache_retention_daysNote")
    assert note is not None and "STAMPS_POS_CACHE_RETENTION_DAYS" in note.text()
    # The window's language is one of the settings, its choices in words.
    language = dialog.controls["language"]
    assert isinstance(language, QComboBox)
    assert [language.itemText(n) for n in range(language.count())] == [
        "The computer's language",
        "Bahasa Indonesia",
        "English",
    ]
    before = path.read_bytes()
    refused = run_async(
        qtbot,
        window.settings.save(
            {"lanes": "1_0", "read_timeout": "ten", "idle_lock_minutes": "-1"}, Secret("a b")
        ),
    )
    assert refused is None
    assert dialog.error_of("lanes") == (
        "Type a whole number, in the digits 0–9 only (at most 19 of them)."
    )
    assert dialog.error_of("read_timeout") == (
        "Type a number, in the digits 0–9 with at most one “.”."
    )
    assert (
        dialog.error_of("idle_lock_minutes")
        == "Type a whole number, in the digits 0–9 only (at most 19 of them)."
    )
    assert "printable ASCII" in dialog.error_of("token")
    # In Bahasa Indonesia, the same refusals in the till's Indonesian words.
    with speaking("id"):
        run_async(
            qtbot,
            window.settings.save({"lanes": "65", "base_url": "http://stamps.co.id"}, Secret("")),
        )
        assert dialog.error_of("lanes") == "Harus paling banyak 64."
        assert dialog.error_of("base_url").startswith("http:// biasa hanya untuk komputer ini")
    assert path.read_bytes() == before  # nothing written on a refusal
    assert not (folder / "token").exists()
    changed = run_async(
        qtbot,
        window.settings.save(
            {"lanes": "2", "idle_lock_minutes": "3", "language": "id"}, Secret(DEMO_TOKEN)
        ),
    )
    assert changed == ("lanes", "idle_lock_minutes", "language", "token")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# till 1\n") and "lanes = 2\n" in text
    assert 'language = "id"\n' in text
    assert DEMO_TOKEN not in text  # the token is never in the settings file
    assert (folder / "token").read_text(encoding="ascii").strip() == DEMO_TOKEN
    assert (folder / "token").stat().st_mode & 0o777 == 0o600
    assert window.lock.minutes == 3  # the idle lock takes effect at once
    assert "Restart Stamps POS for these to take effect: Members sent at once, Language." in (
        dialog.outcome.text()
    )
    lines = run_async(qtbot, window.till.audit.lines(AuditFilter(action="settings_changed")))
    assert lines[-1].who == MANAGER
    assert lines[-1].detail["settings"] == ["idle_lock_minutes", "lanes", "language", "token"]


def settings_opened(qtbot: QtBot, window: CashierWindow) -> SettingsDialog:
    """The manager's Settings dialog, opened in ``window`` (a manager in manager mode)."""
    window.settings.open()
    qtbot.waitUntil(lambda: window.settings.dialog is not None, timeout=WAIT_MS)
    dialog = window.settings.dialog
    assert dialog is not None
    return dialog


def keeping_its_token_in(
    qtbot: QtBot, window: CashierWindow, settings: Settings, folder: Path
) -> CashierWindow:
    """``window``, its settings file and token file in ``folder``, a manager in manager mode."""
    window.settings.settings = settings
    window.settings.file = SettingsFile(folder / "settings.toml")
    window.settings.token_folder = folder
    add_manager(qtbot, window)
    enter(qtbot, window)
    return window


@pytest.fixture
def token_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where a test's settings keep the token (not made yet), with no ``STAMPS_POS_TOKEN`` to
    stand in for a token saved there."""
    monkeypatch.delenv("STAMPS_POS_TOKEN", raising=False)
    return tmp_path / "config"


def token_refused(qtbot: QtBot, dialog: SettingsDialog, token: str) -> str:
    """What ``dialog`` says beside the token field once ``token`` typed there is saved and
    refused."""
    dialog.token_edit.setText(token)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error_of("token") != "", timeout=WAIT_MS)
    return dialog.error_of("token")


def test_a_token_pasted_with_a_second_line_is_refused_and_one_line_alone_is_the_token(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    till_settings: Settings,
    token_folder: Path,
) -> None:
    # The rule of `stamps-pos token set`: a token is one line. A file, or two tokens, pasted
    # into the field is not one; a line's end after the token (a copy from a terminal) is fine.
    folder = token_folder
    folder.mkdir()
    window = keeping_its_token_in(qtbot, make_cashier(till_settings), till_settings, folder)
    dialog = settings_opened(qtbot, window)
    assert token_refused(qtbot, dialog, "first-token\r\nsecond-token") == (
        "A token is a single line, and this holds more than one (was a file, or two tokens, "
        "pasted?)."
    )
    assert "first-token" not in dialog.error_of("token")
    assert not (folder / "token").exists()  # nothing stored
    dialog.token_edit.setText(DEMO_TOKEN + "\r\n")
    dialog.submit()
    qtbot.waitUntil(lambda: (folder / "token").exists(), timeout=WAIT_MS)
    assert (folder / "token").read_text(encoding="ascii") == DEMO_TOKEN + "\n"
    assert dialog.error_of("token") == ""


def test_a_token_too_short_to_keep_out_of_what_the_till_shows_is_refused(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    till_settings: Settings,
    token_folder: Path,
) -> None:
    # A token of one letter was taken: every "t" of what the server answered (a member's
    # name, a reward's) was masked where the till kept or showed it.
    folder = token_folder
    folder.mkdir()
    window = keeping_its_token_in(qtbot, make_cashier(till_settings), till_settings, folder)
    dialog = settings_opened(qtbot, window)
    assert token_refused(qtbot, dialog, "t") == (
        "A token is at least 8 characters: this one is shorter (was it cut short when pasted?)."
    )
    assert not (folder / "token").exists()  # nothing stored


def token_saving_window(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    settings: Settings,
    folder: Path,
    *,
    token: str = DEMO_TOKEN,
) -> CashierWindow:
    """A window whose till reads its token where the settings keep it (the sandbox's until one
    is saved), holding ``token`` now, its settings file written as ``settings``; a manager in
    manager mode."""
    folder.mkdir()
    (folder / "settings.toml").write_text(
        f'base_url = "{settings.base_url}"\n'
        f"merchant = {settings.merchant}\nstore = {settings.store}\n"
        f'data_dir = "{settings.data_dir}"\nterminal = "{settings.terminal}"\n',
        encoding="utf-8",
    )
    kept = RuntimeOptions(token_source=lambda: load_token_file(folder) or Secret(token))
    window = make_cashier(settings, options=kept, token=token)
    return keeping_its_token_in(qtbot, window, settings, folder)


def token_question(qtbot: QtBot, window: CashierWindow) -> QMessageBox:
    """The question Save asks before a token the server did not take is saved."""
    qtbot.waitUntil(lambda: window.settings.token_question is not None, timeout=WAIT_MS)
    box = window.settings.token_question
    assert box is not None and box.isVisible()
    return box


@pytest.mark.parametrize(
    ("token", "verdict"),
    [
        (DEMO_TOKEN, "Saved. The server accepts the new token."),
        ("not-the-sandbox-token", "Saved. The server refuses the new token: the queue will pause"),
    ],
    ids=["accepted", "refused, saved anyway"],
)
def test_a_token_saved_is_checked_with_the_server_and_its_verdict_said(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    till_settings: Settings,
    token_folder: Path,
    token: str,
    verdict: str,
) -> None:
    # Under Xvfb: a wrong token saved said "Saved. The new token is in use." unchecked, and the
    # queue paused at the next send.
    folder = token_folder
    window = token_saving_window(qtbot, make_cashier, till_settings, folder)
    dialog = settings_opened(qtbot, window)
    dialog.token_edit.setText(token)
    dialog.submit()
    if token != DEMO_TOKEN:
        token_question(qtbot, window).findChild(QPushButton, "settingsTokenSaveAnyway").click()
    qtbot.waitUntil(lambda: dialog.outcome.text().startswith("Saved."), timeout=WAIT_MS)
    assert dialog.outcome.text().startswith(verdict)
    assert token not in dialog.outcome.text()
    assert (folder / "token").read_text(encoding="ascii").strip() == token


@pytest.mark.parametrize(
    ("server", "asked", "beside"),
    [
        (
            "answers",
            "The Stamps server refuses this API token. Saved, it pauses the till's sync at its "
            "next send, until a token the server takes is saved. Save it anyway?",
            "The Stamps server refuses this token: it was not saved, nor was anything else. "
            "Check it and type it again.",
        ),
        (
            "fails",
            "The Stamps server did not answer, so this API token could not be checked. If it is "
            "wrong, the till's sync pauses at its next send. Save it anyway?",
            "Not saved, nor was anything else: the server did not answer, so the token could not "
            "be checked. Save it again when the till is online.",
        ),
    ],
    ids=["refused", "not checked"],
)
def test_a_token_the_server_did_not_take_is_saved_only_when_the_manager_says_so(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    till_settings: Settings,
    sandbox: SandboxControl,
    token_folder: Path,
    server: str,
    asked: str,
    beside: str,
) -> None:
    # Under Xvfb: Wayan typed a token with a letter wrong and pressed Save: it was saved, the
    # dialog said the server refused it, and the till's whole queue paused at its next send.
    folder = token_folder
    window = token_saving_window(qtbot, make_cashier, till_settings, folder)
    dialog = settings_opened(qtbot, window)
    if server == "fails":
        sandbox.faults(error_rate=1.0, error_statuses=[503])
    dialog.controls["idle_lock_minutes"].setText("7")
    dialog.token_edit.setText("mistyped-token-42")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    box = token_question(qtbot, window)
    assert box.text() == asked
    assert "mistyped-token-42" not in box.text()
    assert box.defaultButton() is box.findChild(QPushButton, "settingsTokenDontSave")
    qtbot.keyClick(box, Qt.Key.Key_Return)  # the default: the token is not saved
    qtbot.waitUntil(lambda: dialog.error_of("token") != "", timeout=WAIT_MS)
    assert dialog.error_of("token") == beside
    assert not (folder / "token").exists()
    assert "idle_lock" not in (folder / "settings.toml").read_text(encoding="utf-8")
    assert window.lock.minutes != 7
    assert dialog.token_edit.text() == "mistyped-token-42"  # to mend, not to type again
    # the keyboard back in it, not on Close (30 s: the window system's activation on a loaded
    # machine)
    qtbot.waitUntil(dialog.token_edit.hasFocus, timeout=WAIT_MS)
    assert dialog.save_button.isEnabled()
    assert not dialog.outcome.isVisible()


def test_the_sync_a_new_token_resumes_is_credited_to_the_manager_who_saved_it(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    till_settings: Settings,
    token_folder: Path,
) -> None:
    # The audit log read "till: sync resumed" after Wayan saved the token that lifted the pause.
    folder = token_folder
    window = token_saving_window(qtbot, make_cashier, till_settings, folder, token="revoked-token")
    refused = CredentialsRejected("401 Unauthorized", status_code=401)
    assert run_async(qtbot, window.till.outbox.pause_for_credentials(refused, who="till"))
    dialog = settings_opened(qtbot, window)
    dialog.token_edit.setText(DEMO_TOKEN)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.outcome.text().startswith("Saved."), timeout=WAIT_MS)
    assert dialog.outcome.text() == "Saved. The API token works again: sync has resumed."
    lines = run_async(qtbot, window.till.audit.lines(AuditFilter(action="resumed")))
    assert [line.who for line in lines] == [MANAGER]


def test_a_token_that_cannot_be_stored_is_said_in_the_window_s_language(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    till_settings: Settings,
    token_folder: Path,
) -> None:
    # No keyring, and a folder where the token file should be: the file cannot be written.
    # The reason beside the field stayed English in an Indonesian window.
    folder = token_folder
    (folder / "token").mkdir(parents=True)
    (folder / "token" / "in-the-way").write_text("", encoding="ascii")
    window = keeping_its_token_in(qtbot, make_cashier(till_settings), till_settings, folder)
    with speaking("id"):
        said = token_refused(qtbot, settings_opened(qtbot, window), DEMO_TOKEN)
    assert said == f"Berkas token {folder / 'token'} tidak dapat ditulis: itu sebuah folder"
    assert DEMO_TOKEN not in said


@pytest.mark.parametrize("way", UNWRITABLE)
def test_a_token_the_settings_folder_cannot_take_names_the_folder_in_the_window_s_language(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    till_settings: Settings,
    token_folder: Path,
    way: str,
) -> None:
    # Beside the field: "Berkas token …/token tidak dapat ditulis: Sistem berkas hanya-baca",
    # naming no folder and nothing to do.
    with unwritable_folder(token_folder, way) as folder:
        window = keeping_its_token_in(qtbot, make_cashier(till_settings), till_settings, folder)
        with speaking("id"):
            said = token_refused(qtbot, settings_opened(qtbot, window), DEMO_TOKEN)
    assert said.startswith("Token tidak disimpan: ") and f"folder {folder}" in said
    assert "lalu simpan token lagi" in said and DEMO_TOKEN not in said


def test_the_restart_line_lists_every_setting_saved_this_run_that_waits_for_it(
    qtbot: QtBot,
    cashier: CashierWindow,
    till_settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Seen under Xvfb: "Forget members not seen for" saved, then "Most stamps in one
    # redemption": the line named only the second, as if the first no longer waited.
    for variable in ("LANES", "LANGUAGE", "IDLE_LOCK_MINUTES"):
        monkeypatch.delenv(f"STAMPS_POS_{variable}", raising=False)
    cashier.settings.settings = till_settings
    cashier.settings.file = SettingsFile(
        tmp_path / "settings.toml", till_settings.model_dump(exclude_defaults=True)
    )
    add_manager(qtbot, cashier)
    enter(qtbot, cashier)
    dialog = settings_opened(qtbot, cashier)
    started_lanes = str(till_settings.lanes)

    def save(values: dict[str, str | bool | None]) -> str:
        run_async(qtbot, cashier.settings.save(values, Secret("")))
        return dialog.outcome.text()

    assert save({"lanes": "3"}) == (
        "Saved. Restart Stamps POS for these to take effect: Members sent at once."
    )
    assert save({"language": "id", "idle_lock_minutes": "4"}) == (
        "Saved. Restart Stamps POS for these to take effect: Members sent at once, Language."
    )
    # nothing new, and still the two to restart for
    assert save({}) == (
        "Nothing was changed. "
        "Restart Stamps POS for these to take effect: Members sent at once, Language."
    )
    # saved back to what the till runs with, it waits for nothing
    assert save({"lanes": started_lanes}) == (
        "Saved. Restart Stamps POS for these to take effect: Language."
    )


def test_the_demo_does_not_ask_for_a_restart_that_would_forget_what_was_saved(
    qtbot: QtBot,
    cashier: CashierWindow,
    till_settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Seen under Xvfb in `stamps-pos demo`: Language saved, "Restart Stamps POS for these to
    # take effect"; restarted, the demo's new folder had no such setting (nor the day's sales).
    monkeypatch.delenv("STAMPS_POS_LANGUAGE", raising=False)
    cashier.settings.settings = till_settings
    cashier.settings.file = SettingsFile(
        tmp_path / "settings.toml",
        till_settings.model_dump(exclude_defaults=True),
        throwaway=True,
    )
    add_manager(qtbot, cashier)
    enter(qtbot, cashier)
    dialog = settings_opened(qtbot, cashier)
    run_async(qtbot, cashier.settings.save({"language": "id"}, Secret("")))
    assert dialog.outcome.text() == (
        "Saved. These take effect only when the till starts: Language. The demo forgets its "
        "settings when it ends; start it with them instead (for Bahasa Indonesia: "
        "STAMPS_POS_LANGUAGE=id)."
    )


@pytest.mark.parametrize(
    ("setting", "english", "indonesian"),
    [
        (
            "offline_max_stamps_per_redemption",
            "0: no reward is redeemed offline (vouchers have their own limit).",
            "0: tidak ada hadiah yang ditukar saat offline (voucher punya batasnya sendiri).",
        ),
        (
            "offline_max_stamps_per_outage",
            "0: no reward is redeemed offline.",
            "0: tidak ada hadiah yang ditukar saat offline.",
        ),
        (
            "offline_max_redemptions_per_outage",
            "0: no reward or code is redeemed offline.",
            "0: tidak ada hadiah atau kode yang ditukar saat offline.",
        ),
        (
            "offline_max_voucher_value",
            "0: only vouchers with no rupiah value are used offline.",
            "0: saat offline hanya voucher tanpa nilai rupiah yang dipakai.",
        ),
    ],
)
def test_each_offline_limit_says_what_0_does(
    qtbot: QtBot,
    till_settings: Settings,
    tmp_path: Path,
    setting: str,
    english: str,
    indonesian: str,
) -> None:
    # Seen under Xvfb: 0 saved without a word, as if it meant "no limit"; it refuses what the
    # limit holds offline (app/core/offline/policy.py), as the idle lock's "0: never." says its own.
    for language, said in (("en", english), ("id", indonesian)):
        with speaking(language):
            fields = setting_fields(till_settings, SettingsFile(tmp_path / "settings.toml"))
            dialog = SettingsDialog(fields, None)
        qtbot.addWidget(dialog)
        note = dialog.findChild(QLabel, f"setting_{setting}Note")
        assert note is not None and note.text() == said


@pytest.mark.parametrize(
    ("language", "named"),
    [
        (
            "en",
            ["POS (the default)", "1 Stamps app", "2 POS", "3 Kiosk", "6 iOS app", "8 GrabFood"],
        ),
        (
            "id",
            [
                "POS (bawaan)",
                "1 Aplikasi Stamps",
                "2 POS",
                "3 Kios",
                "6 Aplikasi iOS",
                "8 GrabFood",
            ],
        ),
    ],
)
def test_the_channel_choices_are_named_in_the_window_s_language(
    qtbot: QtBot, till_settings: Settings, tmp_path: Path, language: str, named: list[str]
) -> None:
    # Seen in Indonesian: "1 Mobile App", "6 Ios", "7 Call Center", the enum's names title-cased.
    with speaking(language):
        fields = setting_fields(till_settings, SettingsFile(tmp_path / "settings.toml"))
        dialog = SettingsDialog(fields, None)
    qtbot.addWidget(dialog)
    choice = dialog.findChild(QComboBox, "setting_channelInput")
    assert choice is not None
    shown = [choice.itemText(row) for row in range(choice.count())]
    assert len(shown) == 10
    assert [text for text in shown if text in named] == named


def test_the_settings_check_says_whether_the_url_and_the_token_work(
    qtbot: QtBot, cashier: CashierWindow, till_settings: Settings, tmp_path: Path
) -> None:
    cashier.settings.settings = till_settings
    cashier.settings.file = SettingsFile(
        tmp_path / "settings.toml", till_settings.model_dump(exclude_defaults=True)
    )
    good = run_async(qtbot, cashier.settings.check({}, Secret(DEMO_TOKEN)))
    assert good == f"The server at {till_settings.base_url} answers and takes the token."
    bad = run_async(qtbot, cashier.settings.check({}, Secret("not-the-token")))
    assert bad == f"The server at {till_settings.base_url} answers, but refuses this token."


@pytest.mark.parametrize("found_by", ["a write refused", "the file system"])
def test_a_full_disk_greys_redeeming_keeps_reading_and_lets_go_by_itself(
    qtbot: QtBot,
    cashier: CashierWindow,
    sandbox: SandboxControl,
    monkeypatch: pytest.MonkeyPatch,
    found_by: str,
) -> None:
    db = cashier.till.outbox.db

    def pages() -> int:
        return int(
            db.write_sync(lambda s: s.connection().exec_driver_sql("PRAGMA page_count").scalar())
        )

    def cap(count: int) -> None:
        db.write_sync(lambda s: s.connection().exec_driver_sql(f"PRAGMA max_page_count = {count}"))

    view = cashier.view
    with qtbot.waitSignal(cashier.storage.changed, timeout=WAIT_MS) as changed:
        if found_by == "a write refused":
            cap(pages())  # the disk is full from now on
            spawn(cashier.till.check_storage())
        else:
            # filled by something else while nobody redeemed: said before the cashier
            # promises a reward, not by the redemption the disk refuses
            monkeypatch.setattr("app.core.storage.writer.free_bytes", lambda _: 4096)
            cashier.storage.check()
    assert "is full" in changed.args[0]
    assert view.storage_banner.text() == changed.args[0]
    assert not view.tabs.isEnabled()  # nothing that redeems
    # what only reads: members looked up, the shift's list, the menus and manager mode
    assert view.member_search.isEnabled() and view.pages.isEnabled()
    assert view.redemptions.isEnabled() and view.menuBar().isEnabled()
    assert view.manager_action.isEnabled()
    # a shift's close is written: pressed, it did nothing at all; its summary only reads
    assert not view.summary.close_button.isEnabled() and view.summary.export_button.isEnabled()

    if found_by == "a write refused":
        cap(1_000_000)  # space returns: the controller's own check lets go
    else:
        monkeypatch.undo()
    with qtbot.waitSignal(cashier.storage.changed, timeout=WAIT_MS) as changed:
        cashier.storage.check()
    assert changed.args[0] == ""
    assert view.storage_banner.isHidden() and view.tabs.isEnabled()
    assert view.summary.close_button.isEnabled()


def test_a_log_deleted_under_the_window_greys_redeeming_and_asks_for_a_restart(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    db = cashier.till.outbox.db
    run_async(qtbot, cashier.till.check_storage())  # (a write made: the till holds its log)
    for suffix in ("-wal", "-shm"):  # a cleaning script, an antivirus
        db.path.with_name(db.path.name + suffix).unlink()
    view = cashier.view
    with qtbot.waitSignal(cashier.storage.changed, timeout=WAIT_MS) as changed:
        cashier.storage.check()
    assert "close the till and open it again" in changed.args[0]
    assert "tries again by itself" not in changed.args[0]  # it would not
    assert view.storage_banner.text() == changed.args[0]
    assert not view.tabs.isEnabled() and not view.summary.close_button.isEnabled()
    assert view.member_search.isEnabled() and view.redemptions.isEnabled()
    # the next look does not lift it: a write would go where no other program reads it
    run_async(qtbot, cashier.till.check_storage())
    assert not view.storage_banner.isHidden() and not view.tabs.isEnabled()


class Asked:
    """A question box up: its buttons clicked by their words."""

    def __init__(self, box: QMessageBox) -> None:
        self.box = box

    def button_labelled(self, text: str) -> None:
        [button] = [b for b in self.box.buttons() if b.text() == text]
        button.click()


def disable_asked(qtbot: QtBot, cashier: CashierWindow, name: str) -> Asked:
    """People → Disable on a cashier whose shift is open: the question it asks first."""
    cashier.people.ask("cashier", "disable", name)
    qtbot.waitUntil(lambda: cashier.people.confirm is not None, timeout=WAIT_MS)
    assert cashier.people.confirm is not None
    return Asked(cashier.people.confirm)


def test_disabling_a_cashier_whose_shift_is_open_asks_first(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # Seen under Xvfb: the status bar grew a line, the People page moved up under the pointer,
    # and a click aimed at Rename disabled Dewi, closing her open shift (Enable does not
    # reopen it).
    add_manager(qtbot, cashier)
    enter(qtbot, cashier)
    asked = disable_asked(qtbot, cashier, "Dewi")
    assert asked.box.defaultButton().text() == "Go back"
    assert "Dewi's shift is open on this till" in asked.box.text()
    asked.button_labelled("Go back")
    qtbot.waitUntil(lambda: cashier.people.confirm is None, timeout=WAIT_MS)
    [account] = [
        a for a in run_async(qtbot, cashier.till.staff.accounts(Role.CASHIER)) if a.name == "Dewi"
    ]
    assert account.active
    assert [s.cashier for s in run_async(qtbot, cashier.till.shift_record.open_shifts())] == [
        "Dewi"
    ]


def test_the_cashier_disabled_while_signed_in_is_signed_out_when_manager_mode_ends(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # Wayan disabled Dewi (F8, People) while she was signed in: manager mode gave her page back
    # and she went on redeeming into a shift she could never sign in to again, nor close.
    add_manager(qtbot, cashier)
    enter(qtbot, cashier)
    people = cashier.people
    with qtbot.waitSignal(people.changed, timeout=WAIT_MS):
        disable_asked(qtbot, cashier, "Dewi").button_labelled("Disable and close the shift")
    with qtbot.waitSignal(cashier.session.cashier_changed, timeout=WAIT_MS) as changed:
        run_async(qtbot, cashier.mode._leave("left"))
    assert changed.args == [None]
    view = cashier.view
    assert view.pages.currentWidget() is view.sign_in
    assert [view.sign_in.cashiers.item(n).text() for n in range(view.sign_in.cashiers.count())] == [
        "Rina"
    ]
    assert run_async(qtbot, cashier.till.shift_record.open_shifts()) == []


def test_the_token_s_reason_goes_when_the_token_field_is_emptied(
    qtbot: QtBot, till_settings: Settings, tmp_path: Path
) -> None:
    # Emptied, the field means "unchanged" and holds nothing to fix, yet the
    # reason for the token typed before stayed beside it until Save.
    fields = setting_fields(till_settings, SettingsFile(tmp_path / "settings.toml"))
    dialog = SettingsDialog(fields, None)
    qtbot.addWidget(dialog)
    dialog.token_edit.setText("two words")
    dialog.show_errors({"token": "A token is one word of printable ASCII."})
    dialog.token_edit.setText("two word")  # mending it: the reason stays until Save
    assert dialog.error_of("token") == "A token is one word of printable ASCII."
    dialog.token_edit.clear()
    assert dialog.error_of("token") == ""


def rename(qtbot: QtBot, window: CashierWindow, name: str, new_name: str) -> None:
    """People → Rename… a cashier, Save."""
    dialog = AccountDialog("rename", "cashier", name)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(window.people.changed, timeout=WAIT_MS):
        run_async(
            qtbot,
            window.people._submit(
                dialog, Role.CASHIER, "rename", name, new_name, Secret(""), Secret("")
            ),
        )


def test_the_cashier_renamed_while_signed_in_carries_on_when_manager_mode_ends(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # Seen under Xvfb: Wayan renamed Dewi "Dewi Lestari" (F8, People) while she was signed in;
    # leaving manager mode took her name for a disabled one's, closed the shift the rename had
    # carried on and put the till back on the sign-in page.
    add_manager(qtbot, cashier)
    enter(qtbot, cashier)
    shift = cashier.session.shift
    assert shift is not None
    rename(qtbot, cashier, "Dewi", "Dewi Lestari")
    with qtbot.waitSignal(cashier.session.cashier_changed, timeout=WAIT_MS) as changed:
        run_async(qtbot, cashier.mode._leave("left"))
    assert changed.args == ["Dewi Lestari"]
    view = cashier.view
    assert view.pages.currentWidget() is view.cashier_page
    assert view.status.cashier.text() == "Cashier: Dewi Lestari"
    [still_open] = run_async(qtbot, cashier.till.shift_record.open_shifts())
    assert (still_open.id, still_open.cashier) == (shift.id, "Dewi Lestari")
    # What she redeems next is hers under her new name, in the same shift.
    assert cashier.session.sale(None).cashier == "Dewi Lestari"


def test_the_cashier_renamed_at_the_lock_reads_so_on_it(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # Seen under Xvfb: Rina locked the till (F12), Wayan renamed her "Rina Wulan" from the
    # lock's F8; back at the lock it read "Rina locked the till", picked Agus, and its button
    # offered Rina Wulan to "Start shift" where signing in carries hers on.
    add_manager(qtbot, cashier)
    cashier.lock.lock(idle=False)
    view = cashier.view
    assert view.pages.currentWidget() is view.sign_in
    enter(qtbot, cashier)
    rename(qtbot, cashier, "Dewi", "Dewi Lestari")
    with qtbot.waitSignal(cashier.session.cashier_changed, timeout=WAIT_MS):
        run_async(qtbot, cashier.mode._leave("left"))
    page = view.sign_in
    assert view.pages.currentWidget() is page
    assert page.title.text() == "The till is locked"
    assert page.note.text() == "Dewi Lestari locked the till. Their shift carries on: sign in."
    assert page.cashiers.currentItem().text() == "Dewi Lestari"
    assert page.start_button.text() == "Continue shift"


def test_the_cashier_disabled_at_the_lock_leaves_no_lock_behind(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # Seen under Xvfb: Dewi locked the till (F12), Wayan disabled her from the lock's F8; back
    # at the page it still read "The till is locked" with nobody's shift left to carry on.
    add_manager(qtbot, cashier)
    cashier.lock.lock(idle=False)
    enter(qtbot, cashier)
    with qtbot.waitSignal(cashier.people.changed, timeout=WAIT_MS):
        disable_asked(qtbot, cashier, "Dewi").button_labelled("Disable and close the shift")
    with qtbot.waitSignal(cashier.session.cashier_changed, timeout=WAIT_MS):
        run_async(qtbot, cashier.mode._leave("left"))
    page = cashier.view.sign_in
    assert cashier.view.pages.currentWidget() is page
    qtbot.waitUntil(lambda: page.note.text() == "", timeout=WAIT_MS)  # her shift closed
    assert page.title.text() == "Start your shift"
    assert page.start_button.text() == "Start shift"


def test_an_account_change_the_full_disk_refuses_is_said_where_it_was_asked(
    qtbot: QtBot, cashier: CashierWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Seen under X: with the data folder's disk full, "Add…" a cashier, Save: Save greyed and
    # stayed so, the form saying nothing; the manager could not tell Sari was not added.
    add_manager(qtbot, cashier)
    enter(qtbot, cashier)
    people = cashier.people
    db = cashier.till.outbox.db

    async def full(fn: object, *, raw: bool) -> object:
        raise StorageFull("database or disk is full", db.path)

    monkeypatch.setattr(db, "_write", full)
    dialog = AccountDialog("add", Role.CASHIER.value, "")
    qtbot.addWidget(dialog)
    run_async(
        qtbot,
        people._submit(dialog, Role.CASHIER, "add", "", "Sari", Secret("3691"), Secret("3691")),
    )
    said = dialog.refusal.text()
    assert not dialog.refusal.isHidden() and said.startswith("Not written:") and "full" in said
    assert "Nothing was changed: do it again once the till can save." in said
    assert dialog.confirm.isEnabled()
    with qtbot.waitSignal(people.refused, timeout=WAIT_MS) as refused:
        people.ask("cashier", "disable", "Rina")
    assert str(refused.args[0]).startswith("Not written:")
    shown = cashier.view.manager.people.refusal
    assert shown.text() == refused.args[0] and not shown.isHidden()
    monkeypatch.undo()
    names = [a.name for a in run_async(qtbot, cashier.till.staff.accounts(Role.CASHIER))]
    assert "Sari" not in names


def test_a_token_saved_on_a_full_disk_is_said_saved_and_the_pause_lifts_once_it_can_save(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    till_settings: Settings,
    token_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Seen under X: the token revoked (sync paused), the data folder's disk full, Wayan typed the
    # new token and pressed Save: the token was stored (its folder is on another disk), but the
    # dialog said nothing at all, as if Save had not been pressed. The audit line the disk
    # refused ended the save before its outcome.
    folder = token_folder
    window = token_saving_window(qtbot, make_cashier, till_settings, folder, token="revoked-token")
    refused = CredentialsRejected("401 Unauthorized", status_code=401)
    assert run_async(qtbot, window.till.outbox.pause_for_credentials(refused, who="till"))
    dialog = settings_opened(qtbot, window)
    db = window.till.outbox.db
    write = db._write

    async def full(fn: object, *, raw: bool) -> object:
        raise StorageFull("database or disk is full", db.path)

    monkeypatch.setattr(db, "_write", full)
    dialog.token_edit.setText(DEMO_TOKEN)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.outcome.text().startswith("Saved."), timeout=WAIT_MS)
    said = dialog.outcome.text()
    assert "is full" in said and "Sync resumes by itself once the till can save." in said
    assert (folder / "token").read_text(encoding="ascii").strip() == DEMO_TOKEN
    assert dialog.token_edit.text() == "" and dialog.save_button.isEnabled()
    monkeypatch.setattr(db, "_write", write)  # space again: the till's own check lifts the pause
    run_async(qtbot, window.till.line.resume_after_credentials_change())
    assert not run_async(qtbot, window.till.outbox.status()).paused
