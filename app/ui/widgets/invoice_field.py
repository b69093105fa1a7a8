"""The sale's invoice number, typed or scanned from the main POS receipt."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from app.ui.widgets.properties import set_style_property

#: Generous on purpose, as a form's fields are (widgets/form.py): the till's own check refuses
#: an invoice number longer than 64 characters and says so. At 64 here, a paste or a wrong
#: barcode of 10,000 characters was cut to its first 64 without a word and sent as the sale's
#: invoice number.
MAX_INVOICE_LENGTH = 1000


class InvoiceField(QWidget):
    """Label and line edit for the invoice number; ``set_required(True)`` marks it when a promo
    code needs it. Emits ``invoice_changed(text)`` as it changes, ``entered`` on Enter in it."""

    invoice_changed = Signal(str)
    entered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self.tr("Invoice no. (F6)"))
        self.label.setProperty("role", "heading")
        self.field = QLineEdit()
        self.field.setObjectName("invoiceField")
        self.field.setPlaceholderText(self.tr("Type or scan the receipt"))
        self.field.setMaxLength(MAX_INVOICE_LENGTH)
        self.field.setAccessibleName(self.tr("Invoice number"))
        self.label.setBuddy(self.field)
        self.field.textChanged.connect(lambda text: self.invoice_changed.emit(text.strip()))
        self.field.returnPressed.connect(self.entered)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.label)
        layout.addWidget(self.field)

    def text(self) -> str:
        """The invoice number, trimmed."""
        return self.field.text().strip()

    def set_text(self, text: str) -> None:
        """Fill the field (e.g. from a scan routed here by the controller)."""
        self.field.setText(text.strip())

    def clear(self) -> None:
        """Empty the field for the next sale."""
        self.field.clear()
        self.set_required(False)

    def set_required(self, required: bool) -> None:
        """Mark the field as needed before the cashier can go on."""
        set_style_property(self.field, "required", "true" if required else "false")

    def focus(self) -> None:
        """Cursor in the field, text selected."""
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
