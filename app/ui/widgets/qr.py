"""QR codes drawn by Qt: segno computes the modules, a QPainter fills them."""

from __future__ import annotations

import segno
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel

QUIET_ZONE = 4  # modules of white border a scanner needs around the code
#: A phone still reads a code drawn on a screen with modules this small.
SMALLEST_MODULE_PX = 2


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
    modules, down to :data:`SMALLEST_MODULE_PX`, never cut.

    At 1366x768 a confirmed voucher code's two-line name, two lines of what to do and its code
    made the result panel grow, and "This shift" moved 39 px under the cashier.
    """

    def __init__(self, module_px: int) -> None:
        super().__init__()
        self.module_px = module_px
        #: Asks for no room of its own: the code fills what the words around it leave.
        self.yields = False

    def sizeHint(self) -> QSize:
        return QSize(0, 0) if self.yields else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        return QSize(0, 0) if self.yields else super().minimumSizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        picture = self.pixmap()
        if picture.isNull():
            super().paintEvent(event)
            return
        modules = max(1, picture.width() // self.module_px)
        room = min(self.contentsRect().width(), self.contentsRect().height())
        module_px = min(self.module_px, room // modules)
        if module_px < SMALLEST_MODULE_PX:
            return  # no code rather than one no phone reads; the id is written above it
        side = modules * module_px
        target = QRect(0, 0, side, side)
        target.moveCenter(self.contentsRect().center())
        painter = QPainter(self)
        painter.drawPixmap(target, picture)
        painter.end()
