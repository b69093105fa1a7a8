"""The redemption slip: a small receipt for the customer, printed or saved as a PDF."""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from app.ui.viewmodels import OutcomeKind
from app.ui.widgets.qr import qr_image
from app.ui.widgets.result_panel import outcome_title

#: An 80 mm thermal roll; the height is generous, a roll printer cuts after the content.
SLIP_WIDTH_MM = 80.0
SLIP_HEIGHT_MM = 160.0
SLIP_MARGIN_MM = 4.0
QR_RESOURCE = "slip://qr.png"
#: The most of a name or a reference the slip prints (two lines of the roll), and of a line of
#: what was redeemed (a cart's rewards, one after another: several lines). The server's names have
#: no limit: a name of 2,000 characters printed whole ran to eight slips of paper.
LONGEST_NAME = 56
LONGEST_LINE = 120

log = logging.getLogger(__name__)


def _shortened(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


@dataclass(frozen=True)
class SlipData:
    """What a slip says. ``lines`` are the redeemed items as the cashier saw them."""

    store: str
    cashier: str
    member: str
    outcome: OutcomeKind
    when_text: str
    lines: tuple[str, ...] = field(default_factory=tuple)
    redemption_id: str | None = None
    voucher_code: str | None = None
    invoice_number: str | None = None
    #: Accepted while the server answered, applying nothing (a 429, a 408): not "offline".
    answered: bool = False


def slip_document(slip: SlipData) -> QTextDocument:
    """The slip laid out as a text document (with a QR code of the reference when confirmed)."""

    def esc(text: str) -> str:
        return html.escape(text, quote=False)

    def said(text: str, most: int = LONGEST_NAME) -> str:  # a name, not the till's own words
        return esc(_shortened(text, most))

    # Literal calls, so that pyside6-lupdate finds each source text (make translations).
    cashier = QCoreApplication.translate("Slip", "Cashier")
    member = QCoreApplication.translate("Slip", "Member")
    document = QTextDocument()
    document.setDocumentMargin(0)
    parts = [
        f"<h3 align='center'>{said(slip.store)}</h3>",
        f"<p align='center'><b>{esc(outcome_title(slip.outcome, answered=slip.answered))}</b></p>",
        f"<p>{esc(slip.when_text)}<br>{esc(cashier)}: {said(slip.cashier)}<br>"
        f"{esc(member)}: {said(slip.member)}</p>",
    ]
    if slip.invoice_number:
        invoice = QCoreApplication.translate("Slip", "Invoice")
        parts.append(f"<p>{esc(invoice)}: {said(slip.invoice_number)}</p>")
    if slip.lines:
        parts.append("<p>" + "<br>".join(said(line, LONGEST_LINE) for line in slip.lines) + "</p>")
    if slip.redemption_id:
        label = QCoreApplication.translate("Slip", "Redemption ID")
        parts.append(f"<p>{esc(label)}: <tt>{said(slip.redemption_id)}</tt></p>")
    if slip.voucher_code:
        label = QCoreApplication.translate("Slip", "Voucher code")
        parts.append(f"<p>{esc(label)}: <tt>{said(slip.voucher_code)}</tt></p>")
    payload = slip.voucher_code or slip.redemption_id
    if slip.outcome == "confirmed" and payload:
        document.addResource(
            QTextDocument.ResourceType.ImageResource, QUrl(QR_RESOURCE), qr_image(payload)
        )
        parts.append(f"<p align='center'><img src='{QR_RESOURCE}' width='120' height='120'></p>")
    if slip.outcome == "accepted_offline":
        note = (
            QCoreApplication.translate(
                "Slip",
                "The Stamps server answered but applied nothing yet; it will be sent to Stamps "
                "automatically.",
            )
            if slip.answered
            else QCoreApplication.translate(
                "Slip", "Recorded offline; it will be sent to Stamps automatically."
            )
        )
        parts.append(f"<p><i>{esc(note)}</i></p>")
    document.setHtml("".join(parts))
    return document


def _slip_printer(printer: QPrinter) -> None:
    layout = QPageLayout(
        QPageSize(QSizeF(SLIP_WIDTH_MM, SLIP_HEIGHT_MM), QPageSize.Unit.Millimeter, "slip"),
        QPageLayout.Orientation.Portrait,
        QMarginsF(SLIP_MARGIN_MM, SLIP_MARGIN_MM, SLIP_MARGIN_MM, SLIP_MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )
    printer.setPageLayout(layout)


def print_slip(
    slip: SlipData,
    *,
    pdf_path: Path,
    printer_name: str | None = None,
    use_printer: bool = True,
) -> str:
    """Print ``slip``; returns where it went: the printer's name, or the PDF's path.

    The named printer (else the system default) is used when ``use_printer`` and one exists;
    otherwise the slip is written to ``pdf_path`` (a till without a printer still gets proof it
    can show or send).
    """
    target: QPrinterInfo | None = None
    if use_printer:
        info = (
            QPrinterInfo.printerInfo(printer_name)
            if printer_name
            else QPrinterInfo.defaultPrinter()
        )
        target = None if info.isNull() else info

    printer = QPrinter(target) if target is not None else QPrinter()
    _slip_printer(printer)
    if target is None:
        pdf_path.parent.mkdir(parents=True, exist_ok=True)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf_path))
    document = slip_document(slip)
    document.setPageSize(printer.pageRect(QPrinter.Unit.Point).size())
    document.print_(printer)
    return target.printerName() if target is not None else str(pdf_path)
