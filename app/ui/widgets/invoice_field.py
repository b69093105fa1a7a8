"""The sale's invoice number, typed or scanned from the main POS receipt."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from app.ui.widgets.elided_label import ElidedLabel
from app.ui.widgets.fitting_hint import FittingHint
from app.ui.widgets.properties import set_style_property

#: Generous on purpose, as a form's fields are (widgets/form.py): the till's own check refuses
#: an invoice number longer than 64 characters and says so. At 64 here, a paste or a wrong
#: barcode of 10,000 characters was cut to its first 64 without a word and sent as the sale's
#: invoice number.
MAX_INVOICE_LENGTH = 1000


class InvoiceField(QWidget):
    """Label and line edit for the invoice number; ``set_required(True)`` marks it when a promo
    code needs it. Emits ``invoice_changed(text)`` as it changes, ``entered`` on Enter in it,
    and ``given`` once a whole number is in (after ``entered``, or a receipt scanned in:
    ``set_text``).
    Under the field, whose sale the number is for (``set_owner``): the member on screen, or
    the next customer, whose redemptions alone it goes with."""

    invoice_changed = Signal(str)
    entered = Signal()
    #: Whose the number is was said again (``set_owner``): whether it is this sale's may differ.
    owner_changed = Signal()
    #: The till asked for this sale's number (``set_required(True)``).
    asked_for = Signal()
    #: A whole number was given: Enter in the field (heard after ``entered``), or a scan.
    given = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self.tr("Invoice no. (F6)"))
        self.label.setProperty("role", "heading")
        self.field = QLineEdit()
        self.field.setObjectName("invoiceField")
        # The heading above says what number; on a scaled desktop (819 or 911 px) the hint
        # says only how it comes.
        FittingHint(self.field, [self.tr("Type or scan the receipt"), self.tr("Type or scan")])
        self.field.setMaxLength(MAX_INVOICE_LENGTH)
        self.field.setAccessibleName(self.tr("Invoice number"))
        self.label.setBuddy(self.field)
        self.field.textChanged.connect(lambda text: self.invoice_changed.emit(text.strip()))
        self.field.returnPressed.connect(self.entered)
        self.field.returnPressed.connect(self.given)
        #: Whether the till asked for this number for the customer on screen (a promo, a
        #: refused invoice): what is typed then is theirs, until the field is emptied.
        self.asked = False
        self._for_next = False
        self.owner = ElidedLabel()
        self.owner.setObjectName("invoiceOwner")
        self.owner.setProperty("role", "muted")
        # Shown only while there is a number: its line comes from the empty room under the
        # field, and nothing the cashier aims at is below it (kept always, it took from that
        # room what the banners borrow, and the invoice moved up as they came at 1024 px).
        self.owner.hide()
        # What a key would change of it (Enter: this sale's), when the till asks for this sale's
        # number: a line of its own that wraps, as a name at the end of the owner's line was cut.
        self.offer = QLabel()
        self.offer.setObjectName("invoiceOffer")
        self.offer.setProperty("role", "muted")
        self.offer.setWordWrap(True)
        self.offer.hide()
        self._offer = ""
        self._next_step = ""

        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.label)
        layout.addWidget(self.field)
        layout.addWidget(self.owner)
        layout.addWidget(self.offer)

    def text(self) -> str:
        """The invoice number, trimmed."""
        return self.field.text().strip()

    def sale_text(self) -> str:
        """The invoice number of a sale to the member on screen: none while the number waits
        for the next customer (it would be theirs on the last one's redemption)."""
        return "" if self._for_next else self.text()

    def set_owner(self, words: str, *, for_next: bool, offer: str = "") -> None:
        """Say whose the number is (``words``, ``""`` for nobody's) and whether it waits for
        the next customer; ``offer``, under it, what the cashier may do about it."""
        self.owner.setText(words)
        self.owner.setVisible(bool(words))
        self._offer = offer
        self._show_offer()
        self._for_next = for_next
        self.owner_changed.emit()

    def set_next_step(self, words: str) -> None:
        """Say under the field what Enter in it does next (``""``: nothing to say), on the
        offer's line when it has no offer of its own."""
        self._next_step = words
        self._show_offer()

    def _show_offer(self) -> None:
        text = self._offer or self._next_step
        self.offer.setText(text)
        self.offer.setVisible(bool(text))

    def fullest_height(self, width: int) -> int:
        """How tall the field is at ``width`` pixels with both lines under it shown (whose
        number it is, and what Enter does): the room the page keeps for it."""
        height = self.heightForWidth(width) if self.hasHeightForWidth() else -1
        if height < 0:
            height = self.sizeHint().height()
        spacing = self._layout.spacing()
        for line in (self.owner, self.offer):
            if line.isHidden():
                line.ensurePolished()  # the style sheet's type
                height += spacing + line.fontMetrics().height()
        return height

    def waits_for_next(self) -> bool:
        """Whether the number in the field is the next customer's, not this sale's."""
        return self._for_next

    def set_text(self, text: str) -> None:
        """Fill the field (e.g. from a scan routed here by the controller)."""
        text = text.strip()
        if text == self.field.text():
            # The same receipt scanned again is entered again, and its owner decided anew: a
            # promo's asking for the invoice took a number kept for the next customer only once
            # it changed, and scanning that receipt again, as the till asked, left the promo
            # refused for want of an invoice number shown in the field.
            self.invoice_changed.emit(text)
        else:
            self.field.setText(text)
        self.given.emit()

    def clear(self) -> None:
        """Empty the field for the next sale."""
        self.field.clear()
        self.set_required(False)
        self.asked = False

    def set_required(self, required: bool) -> None:
        """Mark the field as needed before the cashier can go on."""
        if required:
            self.asked = True
            self.asked_for.emit()
        set_style_property(self.field, "required", "true" if required else "false")

    def focus(self) -> None:
        """Cursor in the field, text selected."""
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
