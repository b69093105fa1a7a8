"""The manager's decisions, each asked for in its own dialog with the note it needs: cancel (a
replacement voucher optional, a note optional), send again, mark applied and dismiss (a note
required), and a cancel by the server's redemption id for a redemption made elsewhere.

A refused value is said beside its field, and nothing is written until every field passes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.services import say
from app.ui.plain_text import short_words
from app.ui.viewmodels import ResultData
from app.ui.widgets.form import FormField, focus_first_refused, line_edit, make_room
from app.ui.widgets.result_panel import ResultPanel
from app.ui.widgets.scanner_filter import SCAN_FIELD_PROPERTY
from app.ui.wording import words

#: A note is checked for its length by the till (500); the box takes more so it can say so.
NOTE_INPUT_MAX = 2000
SERVER_ID_INPUT_MAX = 40
MEMBER_INPUT_MAX = 1000


class NoteBox(QPlainTextEdit):
    """A few lines for a manager's note; it stops taking text well past the note's limit.
    ``entered_blank`` when Enter is pressed while nothing is typed yet (it starts no line)."""

    entered_blank = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(96)
        self.textChanged.connect(self._bound)

    def _bound(self) -> None:
        text = self.toPlainText()
        if len(text) > NOTE_INPUT_MAX:
            self.setPlainText(text[:NOTE_INPUT_MAX])
            # Where the manager was typing, not the start: left there, each key after the cut
            # went in front of the note ("nayaW edaM" for "Wayan Made", seen under Xvfb).
            self.moveCursor(QTextCursor.MoveOperation.End)

    def text(self) -> str:
        """What was typed."""
        return self.toPlainText()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in a blank note went in as an empty line: nothing seen, and the note still
        # blank. A line break belongs after words.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.text().strip():
            event.accept()
            self.entered_blank.emit()
            return
        super().keyPressEvent(event)


class _Dialog(QDialog):
    """What every decision dialog shares: a title, what it is about, the fields, a refusal line
    and the two buttons."""

    def __init__(self, title: str, about: str, confirm: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        heading = QLabel(title)
        heading.setProperty("role", "title")
        heading.setWordWrap(True)
        self.about = QLabel(short_words(about))  # it names the redemption: the server's words
        self.about.setObjectName("decisionAbout")
        self.about.setWordWrap(True)
        self.refusal = QLabel()
        self.refusal.setObjectName("decisionRefusal")
        self.refusal.setProperty("role", "error")
        self.refusal.setWordWrap(True)
        self.refusal.hide()
        self.buttons = QDialogButtonBox()
        self.confirm: QPushButton = self.buttons.addButton(
            confirm, QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.confirm.setObjectName("decisionConfirm")
        self.confirm.setProperty("role", "primary")
        # Explicit context: tr() in a base class is looked up in the subclass's at run time.
        self.back = self.buttons.addButton(
            QCoreApplication.translate("DecisionDialog", "Go back"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        self.back.setObjectName("decisionBack")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(24, 20, 24, 20)
        self.body.setSpacing(12)
        self.body.addWidget(heading)
        self.body.addWidget(self.about)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A decision is taken with its button (clicked, or Enter once Tab is on it), never by
        # an Enter in a field or on the tick box that fell through to the dialog's default: a
        # cancel, whose note is optional, went at an Enter meant to tick "replacement voucher".
        # Esc still goes back without acting.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(
            self.focusWidget(), QPushButton
        ):
            event.accept()
            self.entered_in_a_field()
            return
        super().keyPressEvent(event)

    def entered_in_a_field(self) -> None:
        """Overridden: what an Enter that takes no decision says (a field still to fill)."""

    def finish_layout(self) -> None:
        """The refusal and the buttons under the fields. The dialog opens as tall as what it
        shows: room held for every field's reason kept a gap of 150 px above the buttons of
        "Cancel by server id". A reason said pushed the buttons down, and a click aimed at
        "Cancel the redemption" landed in the note (seen under Xvfb): a reason now grows the
        dialog upwards, its buttons staying where they were (make_room)."""
        self.body.addStretch(1)  # what the manager made taller is taken above the buttons
        self.body.addWidget(self.refusal)
        self.body.addWidget(self.buttons)

    def submit(self) -> None:
        """Overridden: hand the fields to the controller."""

    def busy(self, busy: bool) -> None:
        """While the till decides, the buttons wait."""
        self.confirm.setEnabled(not busy)

    def show_refusal(self, reason: str) -> None:
        """The till refused the decision as a whole (``""`` hides it)."""
        self.refusal.setText(reason)
        self.refusal.setVisible(bool(reason))
        if reason:
            make_room(self)
        self.busy(False)


class DecisionDialog(_Dialog):
    """One decision on one entry: ``decision`` is ``cancel``, ``retry``, ``mark_applied`` or
    ``dismiss`` (``may_be_applied``: nothing proved the server did not apply the entry, which a
    dismiss and a retry say;
    ``pin_of``: the member whose PIN a retry asks for, named before the pad opens;
    ``replaceable``: a cancel's redemption spent a voucher, so "replacement voucher" is offered).
    ``decided(note, replacement_voucher, server_id)`` when confirmed (``server_id``, typed only
    for a mark applied, may be blank); the controller then calls :meth:`show_note_error`,
    :meth:`show_server_id_error` or :meth:`show_refusal`, or ``accept()``; for a retry it sent,
    :meth:`show_sent` and then the answer, the dialog staying open until the manager closes it
    (past manager mode's end: :meth:`manager_mode_ended`)."""

    decided = Signal(str, bool, str)

    def __init__(
        self,
        decision: str,
        what: str,
        parent: QWidget | None = None,
        *,
        may_be_applied: bool = False,
        pin_of: str = "",
        replaceable: bool = False,
    ) -> None:
        titles = {
            "cancel": self.tr("Cancel this redemption"),
            "retry": self.tr("Send it again"),
            "mark_applied": self.tr("Mark it applied"),
            "dismiss": self.tr("Dismiss it"),
        }
        explain = {
            "cancel": self.tr(
                "{what}. If it never reached the server it is voided; otherwise a cancel is sent "
                "to the Stamps server and this redemption shows how it ends."
            ),
            # A PIN authorises one request: the member types it again on the pad that opens
            # once this is confirmed (the manager found out only when the pad came up).
            "retry": self.tr(
                "{what}. It is sent as a new redemption, linked to this one, which is closed. "
                "It was made with the member's PIN: {member} types it again on the pad that "
                "opens next."
            )
            if pin_of
            else self.tr(
                "{what}. It is sent as a new redemption, linked to this one, which is closed."
            ),
            "mark_applied": self.tr(
                "{what}. Only when you have seen on the Stamps dashboard that the server applied "
                "it: the till then counts it as confirmed. With the redemption id the dashboard "
                "shows, the till can cancel it later; without it, only the dashboard can."
            ),
            # It was sent (a refusal answered it, or nothing proved what the server did):
            # dismissing stops the till, and takes back nothing the server may have applied.
            "dismiss": self.tr(
                "{what}. The till closes it and never sends it again: if the server applied it, "
                "it stays applied. Say why."
            )
            if may_be_applied
            else self.tr("{what}. The till closes it and never sends it again; say why."),
        }
        confirms = {
            "cancel": self.tr("Cancel the redemption"),
            "retry": self.tr("Send it again"),
            "mark_applied": self.tr("Mark applied"),
            "dismiss": self.tr("Dismiss"),
        }
        about = explain[decision].format(what=what, member=pin_of)
        if decision == "retry" and may_be_applied:
            # Not confirmed: the first may stand at the server. "Send again" said only that a new
            # redemption goes, and a manager sent Ayu's coffee a second time on a feed not read.
            about += " " + self.tr(
                "Nothing proved the server did not apply the first: sent again, the member may "
                "get it twice. Check the member's activity on the Stamps dashboard first."
            )
        super().__init__(
            titles[decision],
            about,
            confirms[decision],
            parent,
        )
        self.setObjectName(f"decision_{decision}")
        self.decision = decision
        self.what = what
        self.sent = False
        self.replacement = QCheckBox(self.tr("Give the member a replacement voucher"))
        self.replacement.setObjectName("decisionReplacement")
        # Only a redemption that spent a voucher has one to replace (a promo code on an invoice,
        # a reward: none), so the tick box is offered for those alone.
        self.replacement.setVisible(decision == "cancel" and replaceable)
        # The id the dashboard shows for it: the one answer the till never got, typed in.
        self.server_id_edit = line_edit(max_length=SERVER_ID_INPUT_MAX)
        self.server_id = FormField(
            self.tr("Server redemption id (from the dashboard)"),
            self.server_id_edit,
            name="markAppliedServerId",
        )
        self.server_id.setVisible(decision == "mark_applied")
        self.note_box = NoteBox()
        self.note_box.entered_blank.connect(self.entered_in_a_field)
        self.note_required = decision != "cancel"
        label = self.tr("Note") if self.note_required else self.tr("Note (optional)")
        self.note = FormField(label, self.note_box, name="decisionNote")
        # A retry's answer, once it is sent, in the cashier's own looks and words.
        self.result_panel = ResultPanel(slips=False)
        self.result_panel.setObjectName("decisionResult")
        self.result_panel.hide()
        # Once manager mode has ended under a retry still followed: why no decision is offered.
        self.ended = QLabel()
        self.ended.setObjectName("decisionEnded")
        self.ended.setWordWrap(True)
        self.ended.hide()
        self.body.addWidget(self.replacement)
        self.body.addWidget(self.server_id)
        self.body.addWidget(self.note)
        self.body.addWidget(self.result_panel)
        self.body.addWidget(self.ended)
        self.finish_layout()
        (self.server_id_edit if decision == "mark_applied" else self.note_box).setFocus()

    def submit(self) -> None:
        """Hand the note (and the replacement choice) to the controller."""
        if self.sent:  # it went: only closing is left, never a second send
            return
        self.note.set_error("")
        self.server_id.set_error("")
        self.show_refusal("")
        self.busy(True)
        self.decided.emit(
            self.note_box.text(), self.replacement.isChecked(), self.server_id_edit.text()
        )

    def entered_in_a_field(self) -> None:
        # The decision still waits for its button, but a note it needs and has not got is said
        # as the button would say it: Enter on a blank note did nothing visible.
        if self.note_required and not self.sent and not self.note_box.text().strip():
            self.show_note_error(words(say("field.note_required")))

    def show_note_error(self, reason: str) -> None:
        """Why the note was refused; nothing was written."""
        self.note.set_error(reason)
        self.busy(False)
        self.note_box.setFocus()

    def show_server_id_error(self, reason: str) -> None:
        """Why the server redemption id was refused; nothing was written."""
        self.server_id.set_error(reason)
        self.busy(False)
        self.server_id_edit.setFocus()

    def show_sent(self, result: ResultData) -> None:
        """The decision was taken and the redemption is on its way: the form gives way to
        ``result`` (then :meth:`show_result` as it moves on), and the only button left closes."""
        self.sent = True
        for widget in (self.note, self.replacement, self.server_id, self.confirm):
            widget.hide()
        self.back.setText(QCoreApplication.translate("DecisionDialog", "Close"))
        self.back.setDefault(True)
        self.back.setFocus()
        self.show_result(result)

    def show_result(self, result: ResultData) -> None:
        """What became of the redemption sent, as the cashier's result panel says it."""
        self.result_panel.set_result(result)
        self.result_panel.show()
        make_room(self)

    def manager_mode_ended(self) -> None:
        """Manager mode ended while the answer is followed: the dialog says it only shows the
        answer now (it offers nothing but Close since it sent)."""
        self.ended.setText(
            self.tr(
                "Manager mode has ended: this window only shows the answer. Sign in again for "
                "any other decision."
            )
        )
        self.ended.show()
        make_room(self)


class CancelByServerIdDialog(_Dialog):
    """A redemption made on another till (or the kiosk), cancelled by the id the Stamps server
    gave it, in its member's queue. ``decided(server_id, member, replacement, note)``."""

    decided = Signal(str, str, bool, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Cancel by server id"),
            self.tr(
                "For a redemption made on another till or the kiosk: the id the Stamps server "
                "gave it, and whose it is (a redemption of this till needs only its id)."
            ),
            self.tr("Cancel the redemption"),
            parent,
        )
        self.setObjectName("cancelByServerId")
        self.server_id_edit = line_edit(max_length=SERVER_ID_INPUT_MAX)
        self.server_id = FormField(
            self.tr("Server redemption id"), self.server_id_edit, name="serverId"
        )
        self.member_edit = line_edit(
            max_length=MEMBER_INPUT_MAX, placeholder=self.tr("email, member ID, phone or card")
        )
        self.member_edit.setProperty(SCAN_FIELD_PROPERTY, True)  # "…or card": scanned in
        self.member = FormField(self.tr("Member"), self.member_edit, name="serverIdMember")
        self.replacement = QCheckBox(self.tr("Give the member a replacement voucher"))
        self.replacement.setObjectName("decisionReplacement")
        self.note_box = NoteBox()
        self.note = FormField(self.tr("Note (optional)"), self.note_box, name="decisionNote")
        for widget in (self.server_id, self.member, self.replacement, self.note):
            self.body.addWidget(widget)
        self.finish_layout()
        self.server_id_edit.setFocus()

    def submit(self) -> None:
        """Hand the fields to the controller."""
        for field in (self.server_id, self.member, self.note):
            field.set_error("")
        self.show_refusal("")
        self.busy(True)
        self.decided.emit(
            self.server_id_edit.text(),
            self.member_edit.text(),
            self.replacement.isChecked(),
            self.note_box.text(),
        )

    def show_errors(self, errors: dict[str, str]) -> None:
        """Reasons by field (``server_id``, ``member``, ``note``); nothing was written."""
        fields = {"server_id": self.server_id, "member": self.member, "note": self.note}
        for name, reason in errors.items():
            fields[name].set_error(reason)
        self.busy(False)
        focus_first_refused(fields.values())
