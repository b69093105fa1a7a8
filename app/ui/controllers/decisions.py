"""A redemption's details and the manager's decisions on it: cancel (by entry or by the server's
id), send again (with the member's PIN again for a PIN member), mark applied, dismiss.

"Send again" waits for the new redemption's first answer as the cashier's redemptions do, and
says it in the dialog that sent it, in the result panel's looks, as ``stamps-pos outbox retry``
prints it; the window goes on meanwhile, and the manager may close the dialog (the status bar
then says the answer). While the dialog waits for that first answer manager mode does not end
under the manager watching it; after it, the usual idle time runs. When manager mode ends, a
decision not yet taken (and a member's PIN asked for it) closes, and so do the details opened
from manager mode's lists (those the cashier opened from the shift's list are the cashier's and
stay); a retry already sent stays and follows its answer: it offers only Close, so nothing more
can be done from it. Back on the lock (manager mode entered at the sign-in page) it closes too,
as the lock closes everything (app/ui/controllers/lock.py). A PIN member's PIN is checked before
the retry is queued, and a pad closed while it is checked queues nothing.

Every decision goes through ``till.manager``, which refuses it without a manager in manager mode,
whoever calls: the methods :meth:`cancel`, :meth:`cancel_by_server_id`, :meth:`retry` (with
:meth:`authorise_retry`),
:meth:`mark_applied` and :meth:`dismiss` are the controller's own way in, and the dialogs only
collect what they need. A refused value is said beside its field and nothing is written.
"""

from __future__ import annotations

import asyncio
import re

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.core.services import (
    EntryStatus,
    FieldRefused,
    MemberNeeded,
    MemberNotFound,
    NewPinNeeded,
    PinRejected,
    Receipt,
    Refused,
    RetryAuthorised,
    Secret,
    StaffRefused,
    StorageProblem,
    Till,
    Verdict,
    check_note,
)
from app.ui.controllers.changes import TillChanges
from app.ui.controllers.counter_words import counter_details
from app.ui.controllers.details_words import details_data
from app.ui.controllers.held_cancels import HeldCancels
from app.ui.controllers.manager_mode import ManagerModeController
from app.ui.controllers.manager_words import identifier_refusal, in_local_time
from app.ui.controllers.redemption import KIND_OF, result_data
from app.ui.controllers.storage import fact_for, not_written
from app.ui.controllers.tasks import LatestOnly, spawn
from app.ui.dialogs.pin_dialog import PinDialog
from app.ui.main_window import CashierWindowView
from app.ui.manager.decisions import CancelByServerIdDialog, DecisionDialog
from app.ui.manager.details import DetailsData, EntryDetailsDialog
from app.ui.viewmodels import CounterRefusalKey, ResultData
from app.ui.widgets.result_panel import outcome_title
from app.ui.wording import words

#: A server's redemption id as typed: ASCII digits only (no "1_0", no full-width digits).
_DIGITS = re.compile(r"[0-9]+", re.ASCII)
#: The till's refusals of a server redemption id typed with a decision: said beside the field.
SERVER_ID_REFUSALS = frozenset({"manager.server_id", "manager.server_id_taken"})
#: Answers that may still change: a retry's dialog follows them, as the cashier's panel does.
_OPEN = (Verdict.NOT_CONFIRMED, Verdict.ACCEPTED_OFFLINE)
#: A cancel still to be answered: the status bar says only that it was queued.
_IN_FLIGHT = (EntryStatus.QUEUED, EntryStatus.SENDING)


def _reason(exc: StaffRefused | Refused | MemberNotFound) -> str:
    """A refusal in the window's words."""
    return words(in_local_time(exc.said)) if isinstance(exc, StaffRefused) else words(exc.message)


class DecisionsController(QObject):
    """Opens an entry's details (``details_shown(DetailsData)``) and takes the manager's
    decisions on it. ``decided(Receipt)`` after each one the till took; ``refused(str)`` with
    the reason when it refused one."""

    details_shown = Signal(object)
    decided = Signal(object)
    refused = Signal(str)

    def __init__(
        self,
        view: CashierWindowView,
        till: Till,
        mode: ManagerModeController,
        changes: TillChanges,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.till = till
        self.mode = mode
        self.details: EntryDetailsDialog | None = None
        self._reading = LatestOnly("details")
        self._asking = LatestOnly("decision")
        # Whether the details on screen were opened from manager mode's lists: they go with it.
        self._managers_details = False
        self.dialog: DecisionDialog | CancelByServerIdDialog | None = None
        self.pin_dialog: PinDialog | None = None
        # The retry on screen whose answer may still change: its dialog and its receipt.
        self._following: tuple[DecisionDialog, Receipt] | None = None
        changes.changed.connect(self.refresh)
        # A cancel still waiting after its first answer: its end is said when it comes.
        self.held_cancels = HeldCancels(till, changes, self)
        self.held_cancels.settled.connect(self._say_cancel)
        mode.left.connect(self._mode_ended)
        mode.watch_form(self._being_typed)
        view.redemptions.activated.connect(self._shift_row_activated)
        # Manager mode's page is built when first wanted: its lists are heard from then.
        view.manager_built.connect(self._hear_manager_page)

    def _hear_manager_page(self) -> None:
        page = self.view.manager
        page.history.open_requested.connect(self._open_managers_details)
        page.history.refusal_requested.connect(lambda key: self.open_refusal(key, managers=True))
        page.history.cancel_by_server_id_requested.connect(self.ask_cancel_by_server_id)
        page.exceptions.open_requested.connect(self._open_managers_details)
        page.exceptions.decision_requested.connect(self.ask)

    # -- the details -------------------------------------------------------------------------

    def open_details(self, entry_id: str) -> None:
        """Show ``entry_id``'s details (from the shift's list)."""
        self._open(entry_id, managers=False)

    def _open_managers_details(self, entry_id: str) -> None:
        self._open(entry_id, managers=True)

    def _open(self, entry_id: str, *, managers: bool) -> None:
        # The row opened last is the one shown, over the page it was opened from: read slowly,
        # the row before's details took the place of the one just opened, and details opened as
        # the till locked came up over the sign-in page, for whoever came to the counter next.
        asked_on = self.view.pages.currentWidget()
        self._reading.start(self.show_details(entry_id, managers=managers, asked_on=asked_on))

    async def show_details(
        self, entry_id: str, *, managers: bool = False, asked_on: QWidget | None = None
    ) -> DetailsData | None:
        """Read and show an entry's details (``managers``: from manager mode's lists, so they
        close with it); ``None`` if there is no such entry, or if ``asked_on``, the page they
        were opened from, is no longer shown once they are read."""
        found = await self.till.history.details(entry_id)
        if found is None:
            return None
        if asked_on is not None and self.view.pages.currentWidget() is not asked_on:
            return None
        return self._put_details(
            details_data(found, base_url=self.till.config.base_url), managers=managers
        )

    def open_refusal(self, refusal_id: int, *, managers: bool) -> None:
        """Show a customer turned away at the counter in the details (from the shift's list,
        or the History's when ``managers``)."""
        asked_on = self.view.pages.currentWidget()
        self._reading.start(self.show_refusal(refusal_id, managers=managers, asked_on=asked_on))

    async def show_refusal(
        self, refusal_id: int, *, managers: bool = False, asked_on: QWidget | None = None
    ) -> DetailsData | None:
        """Read and show a refusal at the counter's details: what the till stored, no decision
        (nothing was queued); ``None`` as :meth:`show_details`."""
        found = await self.till.shift_record.refusal_at_the_counter(refusal_id)
        if found is None:
            return None
        if asked_on is not None and self.view.pages.currentWidget() is not asked_on:
            return None
        return self._put_details(counter_details(found), managers=managers)

    def _put_details(self, data: DetailsData, *, managers: bool) -> DetailsData:
        if self.details is None:
            self.details = EntryDetailsDialog(self.view)
            self.details.decision_requested.connect(self.ask)
            self.details.finished.connect(self._details_closed)
        self._managers_details = self._managers_details or managers
        self.details.set_details(data)
        if not self.details.isVisible():
            self.details.open()
        self.details_shown.emit(data)
        return data

    def refresh(self) -> None:
        """The till changed: the open details follow their entry, and a retry's dialog its
        answer."""
        if self.details is not None and self.details.isVisible() and self.details.entry_id:
            spawn(self._refresh_details(self.details), name="details")
        if self._following is not None:
            spawn(self._follow_retry(), name="follow retry")

    async def _refresh_details(self, dialog: EntryDetailsDialog) -> None:
        found = await self.till.history.details(dialog.entry_id)
        # Closed while it was read (a lock, manager mode's end): it does not come back.
        if found is not None and self.details is dialog:
            data = details_data(found, base_url=self.till.config.base_url)
            dialog.set_details(data)
            self.details_shown.emit(data)

    def _details_closed(self, _result: int) -> None:
        if self.details is not None:
            self.details.deleteLater()
        self.details = None
        self._managers_details = False

    def _shift_row_activated(self, index: object) -> None:
        current = self.view.redemptions.currentIndex()
        if current.isValid():
            entry_id = self.view.redemptions_model.row_data(current.row()).entry_id
            if isinstance(entry_id, CounterRefusalKey):
                self.open_refusal(entry_id.refusal_id, managers=False)
            else:
                self.open_details(str(entry_id))

    # -- asking ------------------------------------------------------------------------------

    def ask(self, decision: str, entry_id: str) -> None:
        """A manager picked ``decision`` for ``entry_id``: a manager in manager mode first, then
        the decision's dialog. The one picked last is the one asked."""
        self._asking.start(self._ask(decision, entry_id))

    async def _ask(self, decision: str, entry_id: str) -> None:
        why = self.tr("A manager decides on a redemption.")
        if not await self.mode.ensure(why):
            return
        asked_on = self.view.pages.currentWidget()  # manager mode's page, now it is in
        found = await self.till.history.details(entry_id)
        if found is None or not self._still_asked_on(asked_on):
            return
        what = details_data(found, base_url=self.till.config.base_url).what
        self._close_decision()
        dialog = DecisionDialog(
            decision,
            what,
            self._parent(),
            may_be_applied=found.row.status is EntryStatus.UNKNOWN,
            pin_of=(found.contact.name or found.row.member) if found.needs_pin else "",
            replaceable=found.row.kind.spends_a_voucher,
        )
        dialog.decided.connect(
            lambda note, replacement, server_id: spawn(
                self._decide(dialog, decision, entry_id, note, replacement, server_id),
                name="decide",
            )
        )
        dialog.finished.connect(lambda _r: self._forget(dialog))
        self.dialog = dialog
        dialog.open()

    def _still_asked_on(self, page: QWidget | None) -> bool:
        """Whether a decision asked on ``page`` may still open once its details are read: read
        slowly, one picked before came after the one picked last and took its place, and one
        asked as manager mode ended opened over the cashier's page, or the lock, for whoever
        came to the till next."""
        return self.mode.manager is not None and self.view.pages.currentWidget() is page

    def ask_cancel_by_server_id(self) -> None:
        """ "Cancel by server id…": a redemption made on another till."""
        # One decision asked at a time: a decision's details read slowly must not close it.
        self._asking.start(self._ask_by_server_id())

    async def _ask_by_server_id(self) -> None:
        if not await self.mode.ensure(self.tr("A manager cancels a redemption.")):
            return
        self._close_decision()
        dialog = CancelByServerIdDialog(self._parent())
        dialog.decided.connect(
            lambda server_id, member, replacement, note: spawn(
                self._decide_by_server_id(dialog, server_id, member, replacement, note),
                name="cancel by server id",
            )
        )
        dialog.finished.connect(lambda _r: self._forget(dialog))
        self.dialog = dialog
        dialog.open()

    def _parent(self) -> QWidget:
        return self.details if self.details is not None else self.view

    def _forget(self, dialog: QObject) -> None:
        if self.dialog is dialog:
            self.dialog = None
        if self._following is not None and self._following[0] is dialog:
            self._following = None
        dialog.deleteLater()

    def _being_typed(self) -> bool:
        # A decision not yet sent, or the member's PIN pad it asked for: closed with manager
        # mode, what the manager typed next went into the cashier's page (the note, "Seen on
        # dashboard", became the invoice number of the next redemption). A retry sent is only
        # watched.
        dialog = self.dialog
        sent = isinstance(dialog, DecisionDialog) and dialog.sent
        return (dialog is not None and not sent) or self.pin_dialog is not None

    def _mode_ended(self, _reason: str) -> None:
        dialog = self.dialog
        # Manager mode entered at the sign-in page ends back on it: the till is locked (or no
        # shift is open), and a lock leaves nothing of an entry on screen.
        on_the_lock = self.view.pages.currentWidget() is self.view.sign_in
        if isinstance(dialog, DecisionDialog) and dialog.sent and not on_the_lock:
            # Sent: it can take no action any more, and the manager may be watching its answer
            # come in, which would otherwise be found only in the history.
            if self._managers_details and dialog.parent() is self.details:
                self._stand_alone(dialog)
            dialog.manager_mode_ended()
        else:
            self._close_decision()
        if self.details is not None and self._managers_details:
            # A member's name and contact, their redemption's attempts: the manager's, not the
            # next person's at the counter.
            self.details.reject()

    def _stand_alone(self, dialog: DecisionDialog) -> None:
        """Move a retry opened over the manager's details onto the window: the details close
        with manager mode, and a dialog goes with the one it was opened over."""
        where = dialog.geometry()
        dialog.setParent(self.view, dialog.windowFlags())
        dialog.setGeometry(where)
        dialog.open()  # a window moved to another parent is hidden

    def _close_decision(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        if self.pin_dialog is not None:
            self.pin_dialog.reject()

    # -- deciding ----------------------------------------------------------------------------

    async def _decide(
        self,
        dialog: DecisionDialog,
        decision: str,
        entry_id: str,
        note: str,
        replacement: bool,
        server_id: str = "",
    ) -> None:
        receipt: Receipt | None
        if decision == "mark_applied":
            refusal = self._server_id_refusal(server_id, required=False)
            if refusal:
                # The note's reason too, as the cancel by server id's form says each field's: one
                # field per try made the manager save again to hear of the next.
                try:
                    check_note(note)
                except FieldRefused as exc:
                    dialog.show_note_error(words(exc.said))
                dialog.show_server_id_error(refusal)  # last: the keyboard goes to the first
                return
        try:
            if decision == "cancel":
                receipt = await self.cancel(entry_id, replacement_voucher=replacement, note=note)
            elif decision == "retry":
                receipt = await self._retry_asking_pin(dialog, entry_id, note)
            elif decision == "mark_applied":
                typed = server_id.strip()
                receipt = await self.mark_applied(
                    entry_id, note=note, server_id=int(typed) if typed else None
                )
            else:
                receipt = await self.dismiss(entry_id, note=note)
        except FieldRefused as exc:
            if self._still_open(dialog, words(exc.said)):
                dialog.show_note_error(words(exc.said))
            return
        except StorageProblem as problem:
            self._not_written(dialog, decision, problem)
            return
        except (StaffRefused, Refused, MemberNotFound) as exc:
            reason = _reason(exc)
            if not self._still_open(dialog, reason):
                pass
            elif isinstance(exc, StaffRefused) and exc.said.id in SERVER_ID_REFUSALS:
                dialog.show_server_id_error(reason)  # another redemption has it: beside it
            else:
                dialog.show_refusal(reason)
            self.refused.emit(reason)
            return
        if receipt is None:  # the member's PIN was not given: nothing was sent
            return
        if decision == "retry":
            self._done(decision, receipt)
            if self.dialog is dialog:  # closed meanwhile: its answer is in the history
                await self._answer_retry(dialog, receipt)
            return
        if self.dialog is dialog:
            dialog.accept()
        self._done(decision, receipt)

    def _not_written(
        self,
        dialog: DecisionDialog | CancelByServerIdDialog,
        decision: str,
        problem: StorageProblem,
    ) -> None:
        """The disk refused the decision (full, read-only, held by another program): nothing of it
        was written, said in the dialog that asked it, its button back. (It reached the crash
        hook, which leaves a full disk to the banner: the button stayed grey and the dialog said
        nothing, so the manager could not tell the cancel had not been made.)"""
        then = ""
        if decision == "cancel":
            then = self.tr("Nothing was cancelled: cancel it again once the till can save.")
        reason = not_written(fact_for(problem), then)
        if self._still_open(dialog, reason):
            dialog.show_refusal(reason)
        self.refused.emit(reason)

    def _still_open(self, dialog: QObject, refusal: str) -> bool:
        """Whether ``dialog`` is still up to say ``refusal``; if it was closed while the till
        decided (Cancel, Esc), the status bar says it. (The answer reached the deleted dialog,
        and the crash dialog came up.)"""
        if self.dialog is dialog:
            return True
        self.view.status.show_note(refusal, 10_000)
        return False

    async def _answer_retry(self, dialog: DecisionDialog, queued: Receipt) -> None:
        """Wait for a retry's first answer as a cashier's redemption waits for its own (the
        till's usual wait; "not confirmed" past it), and say it: in the dialog while the
        manager keeps it open, in the status bar either way."""
        what = dialog.what
        dialog.show_sent(ResultData("working", what, self.tr("Sending to Stamps…")))
        # The manager watches it come in (the wait may outlast the idle time with long
        # timeouts): manager mode holds until it has come or the dialog is closed.
        release = self.till.manager.hold()
        dialog.finished.connect(lambda _result: release())
        try:
            answer = await self.till.answer(queued)
        finally:
            release()
        if self.dialog is dialog:  # not closed meanwhile
            dialog.show_result(result_data(answer, what))
            if answer.verdict in _OPEN:
                self._following = (dialog, answer)
        outcome = outcome_title(
            KIND_OF[answer.verdict],
            provisional=answer.provisional,
            gives=answer.gives,
            answered=answer.answered,
        )
        self.view.status.show_note(self.tr("Sent again: {outcome}").format(outcome=outcome), 10_000)
        # It may have moved on while the answer was being shown.
        if self._following is not None:
            await self._follow_retry()

    async def _follow_retry(self) -> None:
        """The till changed: the retry on screen shows where it stands now, as the cashier's
        panel follows a redemption that is not confirmed or accepted offline."""
        if self._following is None:
            return
        dialog, shown = self._following
        receipt = await self.till.receipt(shown.entry_id)
        following = self._following
        if following is None or following[0] is not dialog:
            return  # closed (or another retry sent) while it was read
        if receipt.verdict is following[1].verdict:
            return  # nothing new, or another read showed it first
        self._following = (dialog, receipt) if receipt.verdict in _OPEN else None
        dialog.show_result(result_data(receipt, dialog.what))

    async def _retry_asking_pin(
        self, dialog: DecisionDialog, entry_id: str, note: str
    ) -> Receipt | None:
        try:
            return await self.retry(entry_id, note=note)
        except NewPinNeeded:
            pass
        found = await self.till.history.details(entry_id)
        if self.dialog is not dialog:
            # Closed while the member's name was read (Go back, manager mode's end): no pad
            # over a dialog deleted meanwhile (the crash dialog), and nothing sent for it.
            return None
        name = (found.contact.name or found.contact.user) if found is not None else ""
        pin_dialog = PinDialog(name, dialog)
        self.pin_dialog = pin_dialog
        # The PIN is checked first and the retry queued after, once the pad is known to be still
        # up: a pad closed while the server checked the PIN queues nothing, as the manager who
        # closed it believes (it was queued once the PIN was taken, and sent).
        outcome: asyncio.Future[RetryAuthorised | None] = asyncio.get_running_loop().create_future()
        checking = False

        async def submitted(pin: Secret) -> None:
            nonlocal checking
            checking = True
            try:
                authorised = await self.authorise_retry(entry_id, pin)
            except PinRejected as exc:
                if not outcome.done():  # the pad is still up to say it
                    pin_dialog.show_failure(words(exc.message), exc.attempts_left)
                return
            except (Refused, StaffRefused, MemberNotFound) as exc:
                if not outcome.done():
                    outcome.set_exception(exc)
                    pin_dialog.reject()
                return
            finally:
                checking = False
                del pin
            if outcome.done():
                return  # the pad closed while the server checked the PIN: nothing is queued
            outcome.set_result(authorised)
            pin_dialog.accept()

        def closed(_result: int) -> None:
            if not outcome.done():
                outcome.set_result(None)
                if checking:
                    self.view.status.show_note(
                        self.tr(
                            "Not sent again: the member's PIN pad was closed while their PIN "
                            "was checked."
                        ),
                        10_000,
                    )
            self.pin_dialog = None
            pin_dialog.deleteLater()

        pin_dialog.pin_submitted.connect(
            lambda pin: spawn(submitted(Secret(pin)), name="member PIN")
        )
        pin_dialog.finished.connect(closed)
        pin_dialog.open()
        authorised = await outcome
        if authorised is None:
            if self.dialog is dialog:  # still up (not closed with the pad)
                dialog.busy(False)
            return None
        return await self.retry(entry_id, note=note, authorised=authorised)

    async def _decide_by_server_id(
        self,
        dialog: CancelByServerIdDialog,
        server_id: str,
        member: str,
        replacement: bool,
        note: str,
    ) -> None:
        errors = self.check_server_id_form(server_id, member, note)
        if errors:
            dialog.show_errors(errors)
            return
        try:
            receipt = await self.cancel_by_server_id(
                int(server_id.strip()),
                member=member.strip() or None,
                replacement_voucher=replacement,
                note=note,
            )
        except FieldRefused as exc:
            if self._still_open(dialog, words(exc.said)):
                dialog.show_errors({"note": words(exc.said)})
            return
        except StorageProblem as problem:
            self._not_written(dialog, "cancel", problem)
            return
        except (StaffRefused, Refused, MemberNotFound) as exc:
            reason = _reason(exc)
            if not self._still_open(dialog, reason):
                pass
            elif isinstance(exc, MemberNeeded | MemberNotFound):
                dialog.show_errors({"member": reason})
            else:
                dialog.show_refusal(reason)
            self.refused.emit(reason)
            return
        if self.dialog is dialog:
            dialog.accept()
        self._done("cancel", receipt)

    def check_server_id_form(self, server_id: str, member: str, note: str) -> dict[str, str]:
        """Why the cancel-by-server-id form is refused, field by field (empty: it may go)."""
        errors: dict[str, str] = {}
        server_id_error = self._server_id_refusal(server_id, required=True)
        if server_id_error:
            errors["server_id"] = server_id_error
        member_error = identifier_refusal(member)
        if member_error:
            errors["member"] = member_error
        if note.strip():
            try:
                check_note(note)
            except FieldRefused as exc:
                errors["note"] = words(exc.said)
        return errors

    def _server_id_refusal(self, server_id: str, *, required: bool) -> str:
        """Why a typed server redemption id cannot be used ("": it can, or it was left blank
        where it may be)."""
        text = server_id.strip()
        if not text:
            return self.tr("Type the id the Stamps server gave the redemption.") if required else ""
        if not _DIGITS.fullmatch(text):
            return self.tr("A server redemption id is a whole number, 0-9 only.")
        if len(text) > 19 or not 0 < int(text) < 2**63:
            # "0" is written with 0-9 only: saying so again read as a riddle
            return self.tr(
                "A server redemption id runs from 1 to 9223372036854775807: no redemption has"
                " this one."
            )
        return ""

    def _done(self, decision: str, receipt: Receipt) -> None:
        notes = {
            "retry": self.tr("Sent again as a new redemption, linked to the first."),
            "mark_applied": self.tr("Marked applied."),
            "dismiss": self.tr("Dismissed."),
        }
        said = self._cancel_note(receipt) if decision == "cancel" else notes[decision]
        self.view.status.show_note(said, 10_000)
        self.decided.emit(receipt)
        self.refresh()
        if decision == "cancel" and receipt.status in _IN_FLIGHT:
            self.held_cancels.follow(receipt)
            spawn(self._answer_cancel(receipt), name="cancel's answer")

    def _cancel_note(self, receipt: Receipt) -> str:
        """What the status bar says of a cancel: only that it was queued while no attempt at it
        has ended, else its receipt's words (refused with the server's reason, confirmed, not
        confirmed). "Cancel made" stood there after a cancel the server had refused."""
        if receipt.status in _IN_FLIGHT and receipt.attempts == 0:
            return self.tr(
                "Cancel queued: the till sends it to the Stamps server; the redemption's row "
                "shows how it ends."
            )
        known = receipt.details if receipt.details is not None else receipt.what_to_do
        return self.tr("{outcome}: {known}").format(
            outcome=words(receipt.headline), known=words(known)
        )

    async def _answer_cancel(self, queued: Receipt) -> None:
        """Wait for a cancel's first answer as a retry's is waited for (the till's usual wait),
        and say it in the status bar; the redemption's row goes on following it after."""
        answer = await self.till.answer(queued)
        if answer.status in _IN_FLIGHT and answer.attempts == 0:
            return  # nothing more is known: "queued" stands
        if self.held_cancels.told(answer):  # its end was not said meanwhile
            self._say_cancel(answer)

    def _say_cancel(self, receipt: Receipt) -> None:
        """The status bar says how a cancel stands, in its receipt's words."""
        self.view.status.show_note(self._cancel_note(receipt), 10_000)

    # -- the decisions (each needs a manager in manager mode: till.manager says so) ----------

    async def cancel(
        self, entry_id: str, *, replacement_voucher: bool = False, note: str | None = None
    ) -> Receipt:
        """Cancel a redemption of this till."""
        return await self.till.manager.cancel(
            entry_id, replacement_voucher=replacement_voucher, note=note
        )

    async def cancel_by_server_id(
        self,
        server_id: int,
        *,
        member: str | None = None,
        replacement_voucher: bool = False,
        note: str | None = None,
    ) -> Receipt:
        """Cancel the redemption the server knows as ``server_id``."""
        return await self.till.manager.cancel_by_server_id(
            server_id, member=member, replacement_voucher=replacement_voucher, note=note
        )

    async def authorise_retry(self, entry_id: str, member_pin: Secret) -> RetryAuthorised:
        """Have the server check the member's PIN for sending ``entry_id`` again; nothing is
        queued until :meth:`retry` is given the answer."""
        return await self.till.manager.authorise_retry(entry_id, member_pin)

    async def retry(
        self,
        entry_id: str,
        *,
        note: str,
        member_pin: Secret | None = None,
        authorised: RetryAuthorised | None = None,
    ) -> Receipt:
        """Send a rejected or unknown entry again, as a new linked entry."""
        return await self.till.manager.retry(
            entry_id, note=note, member_pin=member_pin, authorised=authorised
        )

    async def mark_applied(
        self, entry_id: str, *, note: str, server_id: int | None = None
    ) -> Receipt:
        """The manager has seen on the server that an unknown entry was applied (``server_id``:
        the redemption id the dashboard shows, when the manager gave it)."""
        return await self.till.manager.mark_applied(entry_id, note=note, server_id=server_id)

    async def dismiss(self, entry_id: str, *, note: str) -> Receipt:
        """Close a rejected or unknown entry with a note."""
        return await self.till.manager.dismiss(entry_id, note=note)
