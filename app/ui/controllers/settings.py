"""The settings dialog's behaviour: the fields from the settings themselves, each change checked
by the settings file's own rules (``app/settings_file.py``), the file replaced whole only when all
pass, the token kept where ``stamps-pos token set`` keeps it, and what needs a restart said.

A new token is put to the server before anything is saved: one it refuses, or one it could not be
asked about, is saved only when the manager says so ("Don't save" the default), since a wrong
token pauses the whole till's sync at its next send.

Only a manager in manager mode saves (``till.manager.require()`` first, the change audited by
name); "Check" tries the URL and credentials typed, without saving anything.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, get_args

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.config import Settings
from app.core.services import (
    MAX_TOKEN_LENGTH,
    MIN_TOKEN_LENGTH,
    TOKEN_ENV,
    Channel,
    Connectivity,
    CredentialsError,
    Message,
    Secret,
    StaffRefused,
    StorageProblem,
    Till,
    TokenSource,
    check_token,
    diagnostics,
    say,
    store_token,
    typed_token,
)
from app.settings_file import FormValue, Refusal, SettingsFile
from app.ui.controllers.lock import IdleLock
from app.ui.controllers.manager_mode import ManagerModeController
from app.ui.controllers.setting_words import setting_groups, setting_labels
from app.ui.controllers.storage import fact_for
from app.ui.controllers.tasks import spawn
from app.ui.main_window import CashierWindowView
from app.ui.manager.settings_dialog import SettingField, SettingsDialog
from app.ui.widgets.scanner_filter import ScannerFilter
from app.ui.wording import words

#: Settings the window applies at once; every other one needs a restart.
LIVE = frozenset(
    {
        "idle_lock_minutes",
        "scanner_prefix",
        "scanner_terminator",
        "scanner_pace_ms",
        "card_prefixes",
        "invoice_prefixes",
        "voucher_prefixes",
    }
)


def _in_words(reasons: Mapping[str, Message]) -> dict[str, str]:
    """Reasons by setting, in the window's language."""
    return {name: words(reason) for name, reason in reasons.items()}


def _choices(name: str, annotation: Any) -> tuple[tuple[str, str], ...]:
    if name == "channel":
        names = _channel_names()
        named = [(str(c.value), f"{c.value} {names[c]}") for c in Channel]
        return (("", QCoreApplication.translate("SettingsController", "POS (the default)")), *named)
    values = [arg for arg in get_args(annotation) if isinstance(arg, str)]
    said = _choice_words()
    return tuple((value, said.get((name, value), value)) for value in values)


def _channel_names() -> dict[Channel, str]:
    """Each of the API's channels by its name, in the window's language (the enum's own names,
    title-cased, read "6 Ios", "7 Call Center" on an Indonesian till)."""
    return {
        Channel.MOBILE_APP: QCoreApplication.translate("SettingsController", "Stamps app"),
        Channel.POS: QCoreApplication.translate("SettingsController", "POS"),
        Channel.KIOSK: QCoreApplication.translate("SettingsController", "Kiosk"),
        Channel.WEB: QCoreApplication.translate("SettingsController", "Web"),
        Channel.ANDROID: QCoreApplication.translate("SettingsController", "Android app"),
        Channel.IOS: QCoreApplication.translate("SettingsController", "iOS app"),
        Channel.CALL_CENTER: QCoreApplication.translate("SettingsController", "Call centre"),
        Channel.GRABFOOD: QCoreApplication.translate("SettingsController", "GrabFood"),
        Channel.GOFOOD: QCoreApplication.translate("SettingsController", "GoFood"),
    }


def _choice_words() -> dict[tuple[str, str], str]:
    """The words a choice shows (the file keeps the value itself)."""
    return {
        ("auth", "token"): QCoreApplication.translate(
            "SettingsController", "token (Authorization: Token …)"
        ),
        ("auth", "bearer"): QCoreApplication.translate(
            "SettingsController", "bearer (Authorization: Bearer …)"
        ),
        ("auth", "body"): QCoreApplication.translate("SettingsController", "in the request body"),
        ("idempotency", "honoured"): QCoreApplication.translate("SettingsController", "honoured"),
        ("idempotency", "unknown"): QCoreApplication.translate("SettingsController", "not known"),
        ("scanner_terminator", "enter"): QCoreApplication.translate("SettingsController", "Enter"),
        ("scanner_terminator", "tab"): QCoreApplication.translate("SettingsController", "Tab"),
        ("scanner_terminator", "either"): QCoreApplication.translate(
            "SettingsController", "Enter or Tab"
        ),
        ("language", "auto"): QCoreApplication.translate(
            "SettingsController", "The computer's language"
        ),
        ("language", "id"): "Bahasa Indonesia",
        ("language", "en"): "English",
    }


def setting_fields(settings: Settings, file: SettingsFile) -> list[SettingField]:
    """Every setting, as the dialog shows it, in the order of the groups."""
    labels = setting_labels()
    order = list(setting_groups())
    fields = []
    for name, info in Settings.model_fields.items():
        group, label, help_text = labels.get(name, ("other", name, ""))
        value = getattr(settings, name)
        is_flag = info.annotation is bool
        choices = _choices(name, info.annotation)
        text: str | bool
        if is_flag:
            text = bool(value)
        elif value is None:
            text = ""
        elif isinstance(value, Channel):
            text = str(value.value)
        else:
            text = str(value)
        fields.append(
            SettingField(
                name=name,
                label=label,
                group=setting_groups()[group],
                value=text,
                help=help_text,
                choices=choices,
                flag=is_flag,
                locked_by=file.locked_by(name),
            )
        )
    fields.sort(
        key=lambda f: order.index(next(k for k, v in setting_groups().items() if v == f.group))
    )
    return fields


class SettingsController(QObject):
    """Opens the settings dialog (a manager first) and saves it. ``saved(tuple[str, ...])`` with
    the settings changed; ``refused(dict)`` with the reasons; ``checked(str)`` after "Check"."""

    saved = Signal(object)
    refused = Signal(object)
    checked = Signal(str)

    def __init__(
        self,
        view: CashierWindowView,
        till: Till,
        mode: ManagerModeController,
        *,
        settings: Settings | None,
        file: SettingsFile | None,
        token_folder: Path | None,
        token_source: TokenSource | None,
        lock: IdleLock,
        scanner: ScannerFilter | None,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.till = till
        self.mode = mode
        self.settings = settings
        self.file = file
        self.token_folder = token_folder
        self.token_source = token_source
        self.lock = lock
        self.scanner = scanner
        self.dialog: SettingsDialog | None = None
        #: The question asked before a token the server refused (or was not asked about) is
        #: saved, while it is open.
        self.token_question: QMessageBox | None = None
        #: What each setting saved this run that needs a restart held when the till started:
        #: the restart line lists every one still changed, not only the last save's.
        self.started_with: dict[str, object] = {}
        view.manager.settings_requested.connect(self.open)

    def open(self) -> None:
        """Manager mode's "Settings…"."""
        spawn(self._open(), name="settings")

    async def _open(self) -> None:
        if self.settings is None or self.file is None:
            self.view.status.show_note(self.tr("This till's settings cannot be changed here."))
            return
        if not await self.mode.ensure(self.tr("A manager changes the settings.")):
            return
        token_locked = TOKEN_ENV if os.environ.get(TOKEN_ENV) else None
        dialog = SettingsDialog(setting_fields(self.settings, self.file), token_locked, self.view)
        dialog.save_requested.connect(
            lambda values, token: spawn(self.save(values, typed_token(token)), name="save settings")
        )
        dialog.check_requested.connect(
            lambda values, token: spawn(
                self.check(values, typed_token(token)), name="check settings"
            )
        )
        dialog.finished.connect(lambda _r: self._forget(dialog))
        self.dialog = dialog
        dialog.open()
        self.mode.own(dialog)

    def _forget(self, dialog: SettingsDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    async def save(self, values: Mapping[str, FormValue], token: Secret) -> tuple[str, ...] | None:
        """Check and write ``values`` and the ``token`` typed (``""``: unchanged); the names of
        the settings changed, or ``None`` when refused (the reasons beside the fields)."""
        dialog = self.dialog
        try:
            manager = self.till.manager.require()
        except StaffRefused as exc:
            self._refuse({"": words(exc.said)})
            return None
        if self.settings is None or self.file is None:
            self._refuse({"": self.tr("This till's settings cannot be changed here.")})
            return None
        errors: dict[str, str] = {}
        if token.reveal():
            problem = self.token_refusal(token)
            if problem:
                errors["token"] = problem
        if values:
            try:
                pending = await asyncio.to_thread(self.file.check, dict(values))
            except OSError as exc:
                pending = {"": self.file.unwritable(exc)}
            errors.update(_in_words(pending))
        if errors:
            self._refuse(errors)
            return None
        if token.reveal():
            refusal = await self._token_kept(token)
            if refusal:
                # Nothing of the form is saved: what else was changed waits beside it, for the
                # manager to save once the token is mended (or the field emptied).
                self._refuse({"token": refusal})
                return None
        changed: tuple[str, ...] = ()
        if values:
            try:
                result = await asyncio.to_thread(self.file.save, dict(values), self.settings)
            except Refusal as refusal:
                self._refuse(_in_words(refusal.reasons))
                return None
            self._remember_started(result.changed)
            self.settings = result.settings
            changed = result.changed
        if token.reveal():
            try:
                await asyncio.to_thread(store_token, token, self._token_folder())
            except CredentialsError as exc:
                # In the window's language, as the cannot-start page says a token's trouble
                said = words(say(exc.message_id, **exc.fields)) if exc.message_id else None
                self._refuse({"token": said or self.token_refusal(token) or str(exc)})
                return None
            changed = (*changed, "token")
        if changed:
            await self.till.manager.settings_changed(changed)
        self._apply_live(changed)
        outcome = await self._after(changed, manager.name)
        if dialog is not None:
            for name in changed:
                if name != "token":
                    dialog.opened_with(name, dialog.value_of(name))
            dialog.token_edit.clear()
            dialog.show_outcome(outcome)
        self.saved.emit(changed)
        return changed

    def _remember_started(self, changed: tuple[str, ...]) -> None:
        assert self.settings is not None
        for name in changed:
            if name not in LIVE and name not in self.started_with:
                self.started_with[name] = getattr(self.settings, name)

    def awaiting_restart(self) -> list[str]:
        """The settings saved this run that take effect at the next start (a setting saved back
        to what the till started with no longer waits)."""
        assert self.settings is not None
        return [
            name
            for name, started in self.started_with.items()
            if getattr(self.settings, name) != started
        ]

    def _token_folder(self) -> Path:
        if self.token_folder is not None:
            return self.token_folder
        assert self.file is not None
        return self.file.path.parent

    def _refuse(self, errors: dict[str, str]) -> None:
        if self.dialog is not None:
            self.dialog.show_errors(errors)
        self.refused.emit(errors)

    def _apply_live(self, changed: tuple[str, ...]) -> None:
        assert self.settings is not None
        if "idle_lock_minutes" in changed:
            self.lock.set_minutes(self.settings.idle_lock_minutes)
        if self.scanner is not None and LIVE & set(changed):
            self.scanner.prefix = self.settings.scanner_prefix
            self.scanner.scan_pace_ms = float(self.settings.scanner_pace_ms)
            self.scanner.set_terminators(self.settings.scanner_terminator)

    async def _token_kept(self, token: Secret) -> str:
        """Ask the server about ``token`` before it is saved; ``""`` to save it (the server takes
        it, or the manager said to save it anyway), else why it was not."""
        if self.dialog is not None:
            self.dialog.show_progress(self.tr("Asking the Stamps server about the new token…"))
        accepted = await self.till.line.would_accept(token)
        if self.dialog is not None:
            self.dialog.show_outcome("")
        try:
            # The answer may take the request's whole timeout: manager mode may have ended.
            self.till.manager.require()
        except StaffRefused as exc:
            return words(exc.said)
        if accepted:
            return ""
        if accepted is False:
            title = self.tr("The server refuses this token")
            said = self.tr(
                "The Stamps server refuses this API token. Saved, it pauses the till's sync at "
                "its next send, until a token the server takes is saved. Save it anyway?"
            )
            kept_back = self.tr(
                "The Stamps server refuses this token: it was not saved, nor was anything else. "
                "Check it and type it again."
            )
        else:
            title = self.tr("The token could not be checked")
            said = self.tr(
                "The Stamps server did not answer, so this API token could not be checked. If "
                "it is wrong, the till's sync pauses at its next send. Save it anyway?"
            )
            kept_back = self.tr(
                "Not saved, nor was anything else: the server did not answer, so the token "
                "could not be checked. Save it again when the till is online."
            )
        if await self._asked_to_save_anyway(title, said):
            return ""
        return kept_back

    async def _asked_to_save_anyway(self, title: str, said: str) -> bool:
        """Ask the manager; ``True`` for "Save it anyway". Enter, Esc, or the question closed
        with manager mode, keep the token out."""
        parent: QWidget = self.dialog if self.dialog is not None else self.view
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, said, QMessageBox.StandardButton.NoButton, parent
        )
        box.setObjectName("settingsTokenQuestion")
        anyway = box.addButton(self.tr("Save it anyway"), QMessageBox.ButtonRole.DestructiveRole)
        anyway.setObjectName("settingsTokenSaveAnyway")
        keep_out = box.addButton(self.tr("Don't save"), QMessageBox.ButtonRole.RejectRole)
        keep_out.setObjectName("settingsTokenDontSave")
        box.setDefaultButton(keep_out)
        box.setEscapeButton(keep_out)
        answer: asyncio.Future[bool] = asyncio.get_running_loop().create_future()

        def answered(_result: int) -> None:
            if not answer.done():
                answer.set_result(box.clickedButton() is anyway)

        box.finished.connect(answered)
        self.token_question = box
        box.open()
        self.mode.own(box)
        try:
            return await answer
        finally:
            if self.token_question is box:
                self.token_question = None
            box.deleteLater()

    async def _after(self, changed: tuple[str, ...], manager: str) -> str:
        parts = [self.tr("Saved.") if changed else self.tr("Nothing was changed.")]
        if "token" in changed:
            # The manager who saved the token lifted the pause: the audit log said "till".
            try:
                outcome = await self.till.line.resume_after_credentials_change(who=manager)
            except StorageProblem as problem:
                # The pause is kept on the disk, which refused its lifting: the till's own check
                # lifts it once it can save.
                parts.append(fact_for(problem))
                parts.append(self.tr("Sync resumes by itself once the till can save."))
            else:
                parts.append(words(outcome) if outcome is not None else await self._token_verdict())
        # Every setting still waiting, an earlier save's too: the last save's alone read as if
        # nothing else needed the restart.
        restart = self.awaiting_restart()
        if restart:
            assert self.settings is not None and self.file is not None
            fields = setting_fields(self.settings, self.file)
            names = ", ".join(f.label for f in fields if f.name in restart)
            if self.file.throwaway:
                # The demo's folder goes when it ends: restarted as asked, it came back in
                # English with none of the day's redemptions.
                parts.append(
                    self.tr(
                        "These take effect only when the till starts: {names}. The demo forgets "
                        "its settings when it ends; start it with them instead (for Bahasa "
                        "Indonesia: STAMPS_POS_LANGUAGE=id)."
                    ).format(names=names)
                )
            else:
                parts.append(
                    self.tr("Restart Stamps POS for these to take effect: {names}.").format(
                        names=names
                    )
                )
        return " ".join(parts)

    async def _token_verdict(self) -> str:
        """What the server says of the token just saved (the queue was not paused for one): "The
        new token is in use." was said of a wrong token the till had never sent, and the queue
        paused at the next send. Offline, nothing is asked and nothing is claimed."""
        if self.till.connectivity is Connectivity.OFFLINE:
            return self.tr(
                "The new token is in use, not checked: the till is offline. The server is asked "
                "at the next send."
            )
        accepted = await self.till.line.token_accepted()
        if accepted:
            return self.tr("The server accepts the new token.")
        if accepted is False:
            return self.tr(
                "The server refuses the new token: the queue will pause at the next send. Check "
                "the token and save it again."
            )
        return self.tr(
            "The new token is in use, not checked: the server did not answer. It is asked again "
            "at the next send."
        )

    async def check(self, values: Mapping[str, FormValue], token: Secret) -> str:
        """Try the server with the settings and token typed (the stored token when none is);
        what was found, in words. Nothing is saved."""
        assert self.file is not None and self.settings is not None
        try:
            candidate = await asyncio.to_thread(self.file.preview, dict(values))
        except Refusal as refusal:
            self._refuse(_in_words(refusal.reasons))
            return self._checked("")
        use = token if token.reveal() else self.till_token()
        if use is None:
            return self._checked(self.tr("There is no API token to try: type one."))
        problem = self.token_refusal(use)
        if problem:
            self._refuse({"token": problem})
            return self._checked("")
        config = candidate.till_config()
        checks = await diagnostics.check_server(config, use)
        failed = [c for c in checks if c.status is diagnostics.Status.FAIL]
        url = config.base_url
        if not failed:
            text = self.tr("The server at {url} answers and takes the token.").format(url=url)
        elif failed[0].name == "credentials":
            text = self.tr("The server at {url} answers, but refuses this token.").format(url=url)
        elif failed[0].name == "merchant":
            text = self.tr("The token works, but for another merchant: {detail}").format(
                detail=failed[0].detail
            )
        else:
            text = self.tr("The server at {url} cannot be reached: {detail}").format(
                url=url, detail=failed[0].detail
            )
        return self._checked(text)

    def token_refusal(self, token: Secret) -> str:
        """Why ``token`` cannot be sent or set (the rules of ``stamps-pos token set``), or
        ``""``."""
        try:
            check_token(token.reveal(), "the token")
        except CredentialsError:
            if "\n" in token.reveal() or "\r" in token.reveal():
                # Its first line is not taken for the token: this was not one.
                return self.tr(
                    "A token is a single line, and this holds more than one (was a file, or two "
                    "tokens, pasted?)."
                )
            if len(token.reveal()) > MAX_TOKEN_LENGTH:
                return self.tr("A token is at most {limit} characters.").format(
                    limit=MAX_TOKEN_LENGTH
                )
            return self.tr(
                "A token is one word of printable ASCII: no spaces, control characters or "
                "letters outside ASCII."
            )
        if len(token.reveal()) < MIN_TOKEN_LENGTH:  # (check_new_token's rule, in words)
            return self.tr(
                "A token is at least {least} characters: this one is shorter (was it cut short "
                "when pasted?)."
            ).format(least=MIN_TOKEN_LENGTH)
        return ""

    def till_token(self) -> Secret | None:
        """The token the till would use now (read where it is kept)."""
        return self.token_source() if self.token_source is not None else None

    def _checked(self, text: str) -> str:
        if self.dialog is not None:
            self.dialog.show_check(text)
        self.checked.emit(text)
        return text
