"""Deducting part of a balance voucher's value."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.services import format_rupiah
from app.ui.plain_text import short_words
from app.ui.viewmodels import VoucherRowData

#: Without a known remaining value the spin box still needs a ceiling; the server has the last word.
UNBOUNDED_RUPIAH = 2_000_000_000


class DeductDialog(QDialog):
    """Asks how much of a balance voucher to use, showing what remains.

    Opened with ``open()``; on ``accepted`` read :meth:`value`, never more than
    ``most_to_deduct`` (the whole rupiah left). The amount is rupiah, grouped the Indonesian way
    (``100.000``).
    """

    def __init__(self, voucher: VoucherRowData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.voucher = voucher
        self.setWindowTitle(self.tr("Deduct voucher value"))
        self.setObjectName("deductDialog")

        title = QLabel(short_words(voucher.name))  # the server's words: one may be very long
        title.setProperty("role", "heading")
        title.setWordWrap(True)
        remaining = QLabel(voucher.value_text)
        remaining.setObjectName("deductRemaining")

        self.amount = QSpinBox()
        self.amount.setObjectName("deductAmount")
        self.amount.setLocale(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
        self.amount.setGroupSeparatorShown(True)
        self.amount.setPrefix("Rp ")
        # A cashier deducts whole rupiah: at most the whole rupiah left (Rp 150.000,50 left
        # allows Rp 150.000); less than Rp 1 left allows nothing. The box takes more than is
        # left, to say so: bounded by what is left, it dropped the digit that went past it
        # (90000 typed with Rp 80.000 left read Rp 9.000, and Enter deducted that).
        left = voucher.remaining_value
        self.most_to_deduct = UNBOUNDED_RUPIAH if left is None else int(max(left, 0))
        ceiling = self.most_to_deduct
        # It opens with no amount (0, shown as words, not "Rp 1"): opened at Rp 1 and selected,
        # an Enter pressed a moment early deducted Rp 1, and the server confirmed it.
        self.amount.setRange(0, UNBOUNDED_RUPIAH if ceiling >= 1 else 0)
        self.amount.setSpecialValueText(self.tr("Type the amount"))
        self.amount.setValue(0)
        self.amount.setSingleStep(1000)
        self.amount.setAccessibleName(self.tr("Amount to deduct"))
        self.amount.setMinimumWidth(220)

        self.too_much = QLabel(
            self.tr("Only {amount} is left on this voucher.").format(amount=format_rupiah(ceiling))
        )
        self.too_much.setObjectName("deductTooMuch")
        self.too_much.setProperty("role", "error")
        self.too_much.setWordWrap(True)
        self.too_much.hide()

        form = QFormLayout()
        form.addRow(self.tr("Remaining"), remaining)
        form.addRow(self.tr("Deduct"), self.amount)
        form.addRow("", self.too_much)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.deduct = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.deduct.setText(self.tr("Deduct"))
        self.deduct.setEnabled(False)  # until an amount is typed
        self.amount.valueChanged.connect(self._amount_changed)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(title)
        if not voucher.kind_known:
            # Offered as a balance voucher only because no one said otherwise: the cashier
            # should know the server may refuse, and why the till will not deduct offline.
            unsure = QLabel(
                self.tr(
                    "Kind not confirmed: if this is not a balance voucher, the server refuses "
                    "the deduction. Offline, nothing can be deducted from it."
                )
            )
            unsure.setObjectName("deductKindUnconfirmed")
            unsure.setProperty("role", "muted")
            unsure.setWordWrap(True)
            layout.addWidget(unsure)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.amount.setFocus()
        self.amount.selectAll()

    def _fits(self) -> bool:
        return 1 <= self.amount.value() <= self.most_to_deduct

    def _amount_changed(self) -> None:
        self.too_much.setVisible(self.amount.value() > self.most_to_deduct >= 1)
        self.deduct.setEnabled(self._fits())

    def accept(self) -> None:
        """Close with the amount, unless there is nothing to deduct (less than Rp 1 left) or
        it is more than is left."""
        if self._fits():
            super().accept()

    def value(self) -> int:
        """The rupiah to deduct."""
        return self.amount.value()
