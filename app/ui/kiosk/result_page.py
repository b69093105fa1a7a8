"""The result, large: what was redeemed, a QR code and a short reference to show the cashier, and
"Done". Confirmed is green; not confirmed is amber and says to ask at the counter (the cashier's
till shows the same redemption from the QR code); not redeemed is red."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QLabel, QVBoxLayout

from app.ui.kiosk.pages import KioskPage, button, density, label
from app.ui.plain_text import amounts_whole, wrappable
from app.ui.widgets.properties import set_style_property
from app.ui.widgets.qr import qr_image

ResultKind = Literal["confirmed", "not_confirmed", "refused"]
#: A phone held up to the cashier's scanner, or the scanner held to the screen: large modules;
#: a little smaller on a short screen (about 300 px for a kiosk's code), where the words need room.
QR_MODULE_PX = {"roomy": 10, "compact": 8, "short": 6}


@dataclass(frozen=True)
class KioskResultData:
    """What the result screen shows. ``details``: the stamps left, or why (customer words)."""

    kind: ResultKind
    what: str
    details: str
    reference: str
    qr: str


class KioskResultPage(KioskPage):
    """The result of the customer's redemption; ``done()`` on "Done"."""

    done = Signal()

    def __init__(self) -> None:
        super().__init__("kioskResult")
        self.banner = QFrame()
        self.banner.setObjectName("kioskResultBanner")
        banner_layout = QVBoxLayout(self.banner)
        banner_layout.setContentsMargins(24, 24, 24, 24)
        self.title = label("kioskResultTitle", "kioskTitle")
        banner_layout.addWidget(self.title)
        self.what = label("kioskResultWhat", "kioskHeading")
        self.details = label("kioskResultDetails")
        self.qr = QLabel()
        self.qr.setObjectName("kioskResultQr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.show_cashier = label("kioskResultShowCashier", "kioskHeading")
        self.reference = label("kioskResultReference")
        self.done_button = button("kioskResultDone", "kioskPrimary")
        self.done_button.clicked.connect(self.done)
        # Standing, the QR code sits under the words; lying, beside them (resizeEvent).
        words = QVBoxLayout()
        words.setSpacing(24)
        words.addStretch(1)
        words.addWidget(self.what)
        words.addWidget(self.details)
        words.addWidget(self.show_cashier)
        words.addWidget(self.reference)
        words.addStretch(1)
        self.body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.body.setSpacing(24)
        self.body.addLayout(words, 1)
        self.body.addWidget(self.qr, 1)
        self.column.addWidget(self.banner)
        self.column.addLayout(self.body, 1)
        self.column.addWidget(self.done_button)
        self._result: KioskResultData | None = None
        self._module_px = QR_MODULE_PX["roomy"]
        self.retranslate()

    def retranslate(self) -> None:
        self.done_button.setText(self.tr("Done"))

    def show_result(self, result: KioskResultData) -> None:
        """Show ``result``; the banner's words are fixed by its kind, so nothing else can make a
        not-confirmed result read like a confirmed one."""
        self._result = result
        titles = {
            "confirmed": self.tr("Redeemed!"),
            "not_confirmed": self.tr("Please ask at the counter"),
            "refused": self.tr("Not redeemed"),
        }
        prompts = {
            "confirmed": self.tr("Show this to the cashier"),
            "not_confirmed": self.tr("Show this to the cashier"),
            "refused": self.tr("Please ask at the counter"),
        }
        for widget in (self, self.banner, self.title):
            set_style_property(widget, "outcome", result.kind)
        self.title.setText(titles[result.kind])
        # the server's words (a reward's name, a refusal's reason) in a column beside the code
        self.what.setText(wrappable(amounts_whole(result.what)))  # "Rp" with its amount
        self.details.setText(wrappable(result.details))
        self.details.setVisible(bool(result.details))
        self.show_cashier.setText(prompts[result.kind])
        self.reference.setText(self.tr("Reference {reference}").format(reference=result.reference))
        self._draw_qr()
        self.qr.setAccessibleName(self.tr("QR code for the cashier"))

    def fit(self, size: QSize) -> None:
        super().fit(size)
        module_px = QR_MODULE_PX[density(size)]
        if module_px != self._module_px:
            self._module_px = module_px
            self._draw_qr()

    def _draw_qr(self) -> None:
        if self._result is not None:
            image = qr_image(self._result.qr, module_px=self._module_px)
            self.qr.setPixmap(QPixmap.fromImage(image))

    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        self.body.setDirection(
            QBoxLayout.Direction.LeftToRight
            if size.width() > size.height()
            else QBoxLayout.Direction.TopToBottom
        )
        super().resizeEvent(event)

    def result(self) -> KioskResultData | None:
        """The result on screen."""
        return self._result

    def clear(self) -> None:
        """Forget the result (the next customer must not see it)."""
        self._result = None
        for text in (self.title, self.what, self.details, self.show_cashier, self.reference):
            text.clear()
        self.qr.clear()
