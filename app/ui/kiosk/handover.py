"""At the cashier's till: the QR code of a kiosk result, scanned, opens that redemption as the till
knows it (confirmed or not, in the till's own words and colours), and "Mark handed over" records
who gave the reward, once, in the audit log."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.core.services import (
    Handover,
    HandoverRefused,
    KioskRedemption,
    Verdict,
    recorded_what,
)
from app.ui.controllers.session import CashierSession
from app.ui.controllers.tasks import spawn
from app.ui.dates import moment_text
from app.ui.plain_text import short_words
from app.ui.resources import style_sheet
from app.ui.widgets.form import make_room
from app.ui.widgets.properties import set_style_property
from app.ui.wording import words

#: The till's look for each verdict (the result panel's colours, till.qss).
_LOOK = {
    Verdict.CONFIRMED: "confirmed",
    Verdict.ACCEPTED_OFFLINE: "accepted_offline",
    Verdict.NOT_CONFIRMED: "not_confirmed",
    Verdict.NOT_REDEEMED: "not_redeemed",
    Verdict.CLOSED: "closed",
}


class KioskHandoverDialog(QDialog):
    """One kiosk redemption for the cashier: reference, member, reward, where it stands, what to
    do, and who handed it over. ``hand_over_requested()`` on "Mark handed over"."""

    hand_over_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskHandover")
        self.setWindowTitle(self.tr("Kiosk redemption"))
        self.setMinimumWidth(520)
        self.setStyleSheet(style_sheet("kiosk"))
        self.title = QLabel()
        self.title.setObjectName("kioskHandoverTitle")
        self.title.setProperty("role", "title")
        self.standing = QLabel()
        self.standing.setObjectName("kioskHandoverStanding")
        self.standing.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setObjectName("kioskHandoverFacts")
        self.facts.setWordWrap(True)
        self.todo = QLabel()
        self.todo.setObjectName("kioskHandoverTodo")
        self.todo.setWordWrap(True)
        self.handed = QLabel()
        self.handed.setObjectName("kioskHandoverHanded")
        self.handed.setWordWrap(True)
        self.refusal = QLabel()
        self.refusal.setObjectName("kioskHandoverRefusal")
        self.refusal.setProperty("role", "error")
        self.refusal.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.hand_over = buttons.addButton(
            self.tr("Mark handed over"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.hand_over.setObjectName("kioskHandoverMark")
        self.hand_over.setProperty("role", "primary")
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        self.hand_over.clicked.connect(self.hand_over_requested)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        for part in (self.title, self.standing, self.facts, self.todo, self.handed, self.refusal):
            layout.addWidget(part)
        layout.addWidget(buttons)
        self.refusal.hide()

    def show_redemption(self, found: KioskRedemption) -> None:
        """Show ``found`` as it stands now."""
        receipt = found.receipt
        self.title.setText(self.tr("Kiosk {reference}").format(reference=found.reference))
        set_style_property(self.standing, "outcome", _LOOK.get(receipt.verdict, "refused"))
        self.standing.setText(words(receipt.headline))
        facts = [
            self.tr("Member: {name}").format(name=found.member_name or "—"),
            self.tr("Reward: {what}").format(
                what=words(recorded_what(found.what)) if found.what else "—"
            ),
            self.tr("Made at: {time}").format(time=moment_text(receipt.created_at)),
        ]
        if receipt.details is not None:
            facts.append(words(receipt.details))
        self.facts.setText(short_words("\n".join(facts)))  # a name may be one very long word
        self.todo.setText(words(receipt.what_to_do))
        if found.handed_over_by is not None and found.handed_over_at is not None:
            self.handed.setText(
                self.tr("Handed over by {who} at {time}.").format(
                    who=found.handed_over_by, time=moment_text(found.handed_over_at)
                )
            )
            self.handed.show()
        else:
            self.handed.hide()
        self.hand_over.setVisible(found.handed_over_by is None)
        self.hand_over.setEnabled(found.may_hand_over)
        self.refusal.hide()
        # The dialog opened before the till had read the redemption: it grows to what it says.
        make_room(self)

    def show_refusal(self, text: str) -> None:
        """Why the till will not show it or mark it."""
        self.refusal.setText(text)
        self.refusal.show()
        self.hand_over.setEnabled(False)
        make_room(self)


class KioskPickup(QObject):
    """Opens the :class:`KioskHandoverDialog` for a scanned kiosk QR code and marks the reward
    handed over in the name of the cashier signed in. ``shown(KioskRedemption | None)`` once the
    dialog shows what the till found (``None``: a refusal)."""

    shown = Signal(object)

    def __init__(self, parent: QWidget, session: CashierSession) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.handover = Handover(session.till)
        self.session = session
        self.dialog: KioskHandoverDialog | None = None
        self._code = ""

    @staticmethod
    def is_kiosk_code(code: str) -> bool:
        """Whether a scan is a kiosk result's QR code."""
        return Handover.is_kiosk_code(code)

    def open(self, code: str) -> None:
        """Show the redemption the scanned ``code`` names."""
        if self.dialog is None:
            dialog = KioskHandoverDialog(self.parent_widget)
            dialog.hand_over_requested.connect(lambda: spawn(self.mark(), name="hand over"))
            dialog.finished.connect(self._forget)
            self.dialog = dialog
        self._code = code
        self.dialog.open()
        spawn(self.load(), name="kiosk redemption")

    async def load(self) -> None:
        """Read the redemption and show it."""
        dialog = self.dialog
        if dialog is None:
            return
        try:
            found = await self.handover.find(self._code)
        except HandoverRefused as refused:
            if self.dialog is not dialog:
                return  # closed while it was read (a lock closes it)
            dialog.title.setText(self.tr("Kiosk redemption"))
            dialog.standing.clear()
            dialog.facts.clear()
            dialog.todo.clear()
            dialog.handed.hide()
            dialog.hand_over.hide()
            dialog.show_refusal(words(refused.message))
            self.shown.emit(None)
            return
        if self.dialog is not dialog:
            return
        dialog.show_redemption(found)
        self.shown.emit(found)

    async def mark(self) -> None:
        """Record the reward as handed over by the cashier signed in."""
        dialog = self.dialog
        cashier = self.session.cashier
        if dialog is None or not cashier:
            return
        dialog.hand_over.setEnabled(False)
        try:
            found = await self.handover.mark_handed_over(self._code, cashier)
        except HandoverRefused as refused:
            if self.dialog is dialog:
                dialog.show_refusal(words(refused.message))
            return
        if self.dialog is not dialog:
            return  # marked; closed meanwhile (a lock): the audit log has it
        dialog.show_redemption(found)
        self.shown.emit(found)

    def _forget(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
