"""The redemption slip and finding bundled files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QIcon, QImage, QTextDocument

from app.ui import resources
from app.ui.slip import QR_RESOURCE, SlipData, print_slip, slip_document
from app.ui.widgets.qr import qr_image

SLIP = SlipData(
    store="Kopi Senja Senopati",
    cashier="Rina",
    member="Budi Santoso",
    outcome="confirmed",
    when_text="25 Nov 2026 14:02",
    lines=("2 × Free Kopi Susu — 20 stamps",),
    redemption_id="RD-20391",
    invoice_number="INV-812",
)


def test_without_a_printer_the_slip_is_a_pdf(qapp, tmp_path: Path):
    target = tmp_path / "slips" / "RD-20391.pdf"
    where = print_slip(SLIP, pdf_path=target, use_printer=False)
    assert where == str(target)
    assert target.read_bytes().startswith(b"%PDF")


def test_the_slip_says_the_outcome_and_the_references(qapp):
    text = slip_document(SLIP).toPlainText()
    for expected in ("Confirmed", "Rina", "Budi Santoso", "RD-20391", "INV-812", "Free Kopi Susu"):
        assert expected in text


def test_only_a_confirmed_slip_carries_a_qr_code(qapp):
    def has_qr(slip: SlipData) -> bool:
        document = slip_document(slip)
        image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(QR_RESOURCE))
        return isinstance(image, QImage) and not image.isNull()

    assert has_qr(SLIP)
    offline = SlipData(**{**SLIP.__dict__, "outcome": "accepted_offline"})
    assert not has_qr(offline)
    assert "sent to Stamps automatically" in slip_document(offline).toPlainText()


def test_a_slip_accepted_after_the_server_put_it_off_does_not_say_offline(qapp):
    # a 429 or a 408: the server was there and applied nothing; "offline" spoke of an outage
    answered = SlipData(**{**SLIP.__dict__, "outcome": "accepted_offline", "answered": True})
    text = slip_document(answered).toPlainText()
    assert "Accepted — will sync" in text and "answered but applied nothing yet" in text
    assert "offline" not in text.lower()


def test_slip_text_is_escaped(qapp):
    tricky = SlipData(**{**SLIP.__dict__, "member": "<b>Budi</b> & co"})
    assert "<b>Budi</b> & co" in slip_document(tricky).toPlainText()


def test_a_name_of_two_thousand_characters_still_prints_one_slip(qapp, tmp_path: Path):
    # The server's names have no length limit: printed whole, such a name took eight slips of
    # roll (1.3 m of paper) and pushed the redemption ID and its QR code to the last one.
    long_name = "Panjang" * 290
    slip = SlipData(
        **{**SLIP.__dict__, "store": long_name, "member": long_name, "lines": (long_name,)}
    )
    target = tmp_path / "long.pdf"
    print_slip(slip, pdf_path=target, use_printer=False)
    pages = re.findall(rb"/Type\s*/Page\b(?!s)", target.read_bytes())
    assert len(pages) == 1
    text = slip_document(slip).toPlainText()
    assert "RD-20391" in text
    assert "PanjangPanjang" in text and "…" in text


def test_a_qr_code_is_square_black_on_white_with_a_quiet_zone(qapp):
    image = qr_image("RD-20391", module_px=3)
    assert image.width() == image.height()
    assert image.pixelColor(0, 0).name() == "#ffffff"
    assert image.pixelColor(4 * 3, 4 * 3).name() == "#000000"  # finder pattern corner


def test_assets_are_found_in_the_source_tree():
    assert resources.asset("styles/till.qss").is_file()
    with pytest.raises(FileNotFoundError):
        resources.asset("icons/nope.svg")


@pytest.mark.parametrize(
    "name",
    [
        "app",
        "online",
        "degraded",
        "offline",
        "member",
        "reward",
        "voucher",
        "warning",
        "confirmed",
        "accepted_offline",
        "not_confirmed",
        "refused",
        "pin",
        "blocked",
        "drop_down",
    ],
)
def test_every_icon_renders(qapp, name: str):
    icon = resources.icon(name)
    assert isinstance(icon, QIcon)
    assert not icon.pixmap(32, 32).isNull()


def test_every_image_the_style_sheet_names_is_found_wherever_the_till_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.chdir(tmp_path)  # Qt reads a relative url() from here
    images = re.findall(r"url\(([^)]*)\)", resources.style_sheet())
    assert images  # the drop-downs' arrow
    assert all(Path(image).is_absolute() and Path(image).is_file() for image in images)


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """An ``app`` package folder elsewhere, as a wheel or a frozen build lays it out."""
    folder = tmp_path / "site" / "app"
    folder.mkdir(parents=True)
    monkeypatch.setattr(resources, "_PACKAGE", folder)
    resources.resources_root.cache_clear()
    yield folder
    resources.resources_root.cache_clear()


def test_assets_are_found_inside_an_installed_package(package: Path):
    shipped = package / "resources" / "styles"
    shipped.mkdir(parents=True)
    (shipped / "till.qss").write_text("QWidget {}", encoding="utf-8")
    assert resources.asset("styles/till.qss") == shipped / "till.qss"
    assert resources.style_sheet() == "QWidget {}"


def test_without_a_shipped_folder_the_source_tree_s_is_read(package: Path):
    assert resources.resources_root() == package.parent / "resources"
