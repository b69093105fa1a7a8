"""The result panel: outcomes that cannot be mistaken for each other, and work under way that
looks like none of them."""

from __future__ import annotations

from dataclasses import replace

import pytest
import segno
from PySide6.QtGui import QColor, QImage, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from app.ui.viewmodels import OUTCOME_KINDS, ResultData
from app.ui.widgets.qr import QUIET_ZONE
from app.ui.widgets.result_panel import ResultPanel

from ...support.screens import window_in

WORDS = {
    "confirmed": "Confirmed",
    "accepted_offline": "Accepted offline — will sync",
    "not_confirmed": "NOT CONFIRMED — do not hand over yet",
    "refused": "Refused",
    "not_redeemed": "Not redeemed",
    "closed": "Closed by a manager",
    "working": "Working on it…",
    "waiting_pin": "Waiting for the PIN",
}
BANNER_COLOURS = {
    "confirmed": "#1e7e34",
    "accepted_offline": "#0b6e8a",
    "not_confirmed": "#f59e0b",
    "refused": "#c62828",
    "not_redeemed": "#6d1b1b",
    "closed": "#d5dbe2",
    "working": "#46525e",
    "waiting_pin": "#46525e",
}
UNDER_WAY = ("working", "waiting_pin")


@pytest.fixture
def panel(qtbot: QtBot) -> ResultPanel:
    panel = ResultPanel()
    qtbot.addWidget(panel)
    panel.resize(420, 420)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def result(kind, **values) -> ResultData:
    return ResultData(kind=kind, headline="2 × Free coffee for Budi", **values)


def banner_colour(panel: ResultPanel) -> str:
    image = panel.banner.grab().toImage()
    # A corner away from the icon and the text: the banner's own fill.
    return QColor(image.pixel(image.width() - 4, image.height() // 2)).name()


@pytest.mark.parametrize("kind", [*OUTCOME_KINDS, *UNDER_WAY])
def test_each_outcome_has_its_own_words_and_colour(qtbot: QtBot, panel: ResultPanel, kind):
    panel.set_result(result(kind, redemption_id="RD-1"))

    assert panel.title.text() == WORDS[kind]
    assert banner_colour(panel) == BANNER_COLOURS[kind]
    assert "Redemption ID: RD-1" in panel.reference.words_shown()


def test_the_looks_are_all_different_and_work_under_way_borrows_none(
    qtbot: QtBot, panel: ResultPanel
):
    looks = set()
    for kind in OUTCOME_KINDS:
        panel.set_result(result(kind))
        looks.add((panel.title.text(), banner_colour(panel)))
    assert len(looks) == len(OUTCOME_KINDS)
    outcome_colours = {colour for _, colour in looks}
    for kind in UNDER_WAY:  # waiting for the PIN is not amber "do not hand over"
        panel.set_result(result(kind))
        assert banner_colour(panel) not in outcome_colours


def test_the_headline_passed_in_cannot_replace_the_outcome_words(qtbot, panel: ResultPanel):
    panel.set_result(ResultData("not_confirmed", headline="Confirmed"))
    assert panel.title.text().startswith("NOT CONFIRMED")


@pytest.mark.parametrize("kind", OUTCOME_KINDS)
def test_a_qr_code_only_for_a_confirmed_result(qtbot: QtBot, panel: ResultPanel, kind):
    panel.set_result(result(kind, redemption_id="RD-20391", voucher_code="VC-1"))
    assert panel.has_qr() == (kind == "confirmed")
    assert "Voucher code: VC-1" in panel.reference.words_shown()


def lines_drawn(label: QLabel) -> list[str]:
    """The lines ``label`` draws its words on at its width, as Qt wraps them, without the
    invisible marks that steer where they break."""
    width = label.contentsRect().width() - 2 * label.margin()
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    lines = []
    for paragraph in label.text().split("\n"):
        layout = QTextLayout(paragraph, label.font())
        layout.setTextOption(option)
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            lines.append(paragraph[line.textStart() : line.textStart() + line.textLength()])
        layout.endLayout()
    return [line.replace("\u200b", "").replace("\u2060", "").strip() for line in lines]


@pytest.mark.parametrize("size", [(1366, 768), (1093, 614)])
def test_a_voucher_code_that_fits_a_line_is_read_on_one(
    qtbot: QtBot, language: str, size: tuple[int, int]
):
    # Qt wraps after a hyphen as after a space: "Voucher code: SALDO-" over "AYU-150K" at
    # 1366×768, a code cut in two that fits whole on a line of its own.
    window = window_in(qtbot, "14-confirmed", size)
    panel = window.result_panel
    panel.set_result(
        result("confirmed", redemption_id="RD-20391-8841", voucher_code="SALDO-AYU-150K")
    )
    QApplication.processEvents()
    lines = lines_drawn(panel.reference)
    assert any(line.endswith("SALDO-AYU-150K") for line in lines), lines
    assert any(line.endswith("RD-20391-8841") for line in lines), lines


def test_no_qr_without_a_reference(qtbot: QtBot, panel: ResultPanel):
    panel.set_result(result("confirmed"))
    assert not panel.has_qr()


def test_not_confirmed_tells_the_cashier_to_keep_the_reward_back(qtbot, panel: ResultPanel):
    panel.set_result(result("not_confirmed"))
    assert "Keep the reward back" in panel.what_to_do.text()
    assert not panel.print_button.isVisible()


@pytest.mark.parametrize(
    ("gives", "title"),
    [
        ("deduct", "NOT CONFIRMED — do not take it off the bill yet"),
        ("voucher", "NOT CONFIRMED — do not apply the voucher yet"),
        ("promo", "NOT CONFIRMED — do not apply the promo yet"),
        ("reward", "NOT CONFIRMED — do not hand over yet"),
    ],
)
def test_not_confirmed_says_not_to_give_what_the_order_gives(
    qtbot, panel: ResultPanel, gives: str, title: str
):
    # A deduction or a promo hands nothing over: "do not hand over yet" sent the cashier looking
    # for goods that are not there.
    panel.set_result(result("not_confirmed", gives=gives))
    assert panel.title.text() == title


def test_print_slip_is_offered_for_results_the_till_stands_behind(qtbot, panel: ResultPanel):
    panel.set_result(result("accepted_offline"))
    with qtbot.waitSignal(panel.print_requested):
        panel.print_button.click()


def test_clearing_shows_the_idle_panel(qtbot: QtBot, panel: ResultPanel):
    panel.set_result(result("refused", details="Expired"))
    panel.set_result(None)
    assert panel.title.text() == "No redemption yet"
    assert not panel.has_qr()
    assert panel.property("outcome") == "none"


def _icon_image(panel: ResultPanel) -> QImage:
    return panel.banner_icon.pixmap().toImage()


def test_not_confirmed_after_acceptance_offline_has_an_icon_of_its_own(qtbot, panel: ResultPanel):
    # Handed over when the till accepted it offline, not confirmed since: the raised hand says
    # "stop, do not hand over" (too late now), and the tick says confirmed (not true yet).
    looks = {}
    for kind in ("confirmed", "accepted_offline", "not_confirmed"):
        panel.set_result(result(kind))
        looks[kind] = _icon_image(panel)
    panel.set_result(result("not_confirmed", provisional=True))
    handed_over = _icon_image(panel)
    assert not handed_over.isNull()
    for kind, image in looks.items():
        assert handed_over != image, kind


def test_a_refusal_with_one_very_long_word_is_read_whole(qtbot: QtBot) -> None:
    # The server's reason, with a word of 300 characters in it, was laid out for the word's
    # width and drawn in the panel's: its lines cut in half, top and bottom, unreadable.
    panel = ResultPanel()
    qtbot.addWidget(panel)
    panel.resize(420, 380)
    reason = "The Stamps server refused it: code " + "Z" * 300 + " is not valid here."
    panel.set_result(ResultData("refused", "Voucher code NOSUCHCODE1", reason))
    panel.show()
    qtbot.waitExposed(panel)
    details = panel.details
    qtbot.waitUntil(lambda: details.width() < 420)
    assert details.minimumSizeHint().width() <= details.width()
    assert details.height() >= details.heightForWidth(details.width())
    assert details.text().startswith("The Stamps server refused it: code ZZZZ")
    assert details.text().endswith("is not valid here.")


#: The smallest module a phone reads off a counter screen (app/ui/widgets/qr.py says why).
READABLE_MODULE_PX = 3


def dark_extent(picture: QImage) -> int:
    """How wide the dark modules of a QR code drawn in ``picture`` span, in pixels."""
    columns = [
        x
        for x in range(picture.width())
        if any(picture.pixelColor(x, y).lightness() < 128 for y in range(picture.height()))
    ]
    return columns[-1] - columns[0] + 1 if columns else 0


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_qr_code_is_never_smaller_than_a_phone_reads(
    qtbot: QtBot, size: tuple[int, int], language: str
) -> None:
    # Seen at 1366x768: a confirmed voucher's code drawn at 58 px (2 px a module), which a
    # phone would not read; at 1024x768, the smallest screen the till fits, no code at all.
    window = window_in(qtbot, "14-confirmed", size)
    panel = window.result_panel
    shown = panel.result()
    assert shown is not None
    panel.set_result(
        replace(
            shown,
            headline="Voucher code RINDANG-100K-7H2K (Diskon Rp 100.000)",
            voucher_code="RINDANG-100K-7H2K",
        )
    )
    QApplication.processEvents()
    assert panel.has_qr()
    code = segno.make("RINDANG-100K-7H2K", error="m", micro=False)
    modules = code.symbol_size(scale=1, border=0)[0]
    drawn = panel.qr.grab().toImage()
    assert dark_extent(drawn) >= modules * READABLE_MODULE_PX
    # its quiet zone kept round it, in the label's room
    side = (modules + 2 * QUIET_ZONE) * READABLE_MODULE_PX
    assert min(drawn.width(), drawn.height()) >= side
