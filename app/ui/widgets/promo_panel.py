"""Redeeming a promo code (the server requires an invoice number with it)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.ui.widgets.scanner_filter import WHOLE_CODE_PROPERTY


class PromoPanel(QWidget):
    """The promo tab: a code field and "Redeem promo"; emits ``promo_entered(code)``.

    The invoice number lives in the left column (F6); this panel only reminds the cashier that
    the promo needs it while the sale has none (``set_invoice_missing``), because the controller
    checks and marks the invoice field.
    """

    promo_entered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Promo code"))
        title.setProperty("role", "heading")
        self.code_field = QLineEdit()
        self.code_field.setObjectName("promoCodeField")
        # One whole code, typed or scanned: a scan whose sender stalled is read whole here.
        self.code_field.setProperty(WHOLE_CODE_PROPERTY, True)
        # "code", not "promo code": the heading above says whose, and the longer hint was cut
        # at 1024 px (as the voucher tab's was).
        self.code_field.setPlaceholderText(self.tr("Type or scan a code"))
        self.code_field.setAccessibleName(self.tr("Promo code"))
        title.setBuddy(self.code_field)
        self.redeem_button = QPushButton(self.tr("Redeem promo"))
        self.redeem_button.setObjectName("promoRedeem")
        self.redeem_button.setProperty("role", "primary")
        self.hint = QLabel(self.tr("A promo code needs the invoice number of this sale (F6)."))
        self.hint.setObjectName("promoInvoiceHint")
        self.hint.setProperty("role", "muted")
        self.hint.setWordWrap(True)

        self.code_field.returnPressed.connect(self.submit)
        self.redeem_button.clicked.connect(self.submit)

        row = QHBoxLayout()
        row.addWidget(self.code_field, 1)
        row.addWidget(self.redeem_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)

    def submit(self) -> None:
        """Emit ``promo_entered`` with the trimmed code (nothing for an empty field)."""
        code = self.code_field.text().strip()
        if code:
            self.promo_entered.emit(code)

    def set_invoice_missing(self, missing: bool) -> None:
        """Remind the cashier of the invoice only while this sale has none (``missing``): left
        up once the promo went with it, it read as if the promo still lacked one."""
        self.hint.setVisible(missing)

    def clear(self) -> None:
        """Empty the code field."""
        self.code_field.clear()
