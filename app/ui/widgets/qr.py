"""QR codes drawn by Qt: segno computes the modules, a QPainter fills them."""

from __future__ import annotations

import segno
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel

QUIET_ZONE = 4  # modules of white border a scanner needs around the code
#: The smallest module a phone reliably reads off a counter screen. Those are 85-100 dpi
#: (1024x768 at 15", 1366x768 at 15.6"), so 3 px is 0.76-0.9 mm a module: about twice the
#: 0.4 mm smallest module printed retail codes are held to, the rest for a screen's pixel grid,
#: glare and a phone held at arm's length. At 2 px a till's code (21 modules and the quiet zone,
#: 29 in all) was 58 px, about 15 mm: phones hunted for focus and gave up.
SMALLEST_MODULE_PX = 3


def qr_image(data: str, *, module_px: int = 6) -> QImage:
    """A black-on-white QR code of ``data``, ``module_px`` pixels per module, with a quiet zone.

    Error correction "M" survives a scuffed slip; segno picks the smallest version that fits.
    """
    code = segno.make(data, error="m", micro=False)
    rows = list(code.matrix_iter(scale=1, border=QUIET_ZONE))
    size = len(rows) * module_px
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    black = QColor("black")
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(QRect(x * module_px, y * module_px, module_px, module_px), black)
    painter.end()
    return image


class QrLabel(QLabel):
    """A label for a QR code from :func:`qr_image`. One that ``yields`` gives up room before the
    panel around it grows: with less height than the code, it draws it with smaller whole-pixel
    modules, down to :data:`SMALLEST_MODULE_PX` (the room it asks for at least, quiet zone
    included: what is around it gives way first), never cut.

    At 1366x768 a confirmed voucher code's two-line name, two lines of what to do and its code
    made the result panel grow, and "This shift" moved 39 px under the cashier.
    """

    def __init__(self, module_px: int) -> None:
        super().__init__()
        self.module_px = module_px
        #: Asks for no room of its own: the code fills what the words around it leave.
        self.yields = False

    def minimumSizeHint(self) -> QSize:
        if not self.yields:
            return super().minimumSizeHint()
        side = self._modules() * SMALLEST_MODULE_PX
        return QSize(side, side)

    def drawn_side(self) -> int:
        """The side in pixels of the code as drawn in the room the label has (0: none drawn)."""
        modules = self._modules()
        if not modules:
            return 0
        room = min(self.contentsRect().width(), self.contentsRect().height())
        module_px = min(self.module_px, room // modules)
        # no code rather than one no phone reads; the id is written beside it
        return modules * module_px if module_px >= SMALLEST_MODULE_PX else 0

    def _modules(self) -> int:
        picture = self.pixmap()
        return 0 if picture.isNull() else max(1, picture.width() // self.module_px)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.pixmap().isNull():
            super().paintEvent(event)
            return
        side = self.drawn_side()
        if not side:
            return
        picture = self.pixmap()
        target = QRect(0, 0, side, side)
        target.moveCenter(self.contentsRect().center())
        painter = QPainter(self)
        painter.drawPixmap(target, picture)
        painter.end()
