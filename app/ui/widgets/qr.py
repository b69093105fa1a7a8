"""QR codes drawn by Qt: segno computes the modules, a QPainter fills them."""

from __future__ import annotations

import segno
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter

QUIET_ZONE = 4  # modules of white border a scanner needs around the code


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
