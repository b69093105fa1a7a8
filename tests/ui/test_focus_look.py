"""Whatever has the keyboard shows it (resources/styles/till.qss, "focus"): a cashier or manager
working by keyboard sees where the next key goes, on every kind of control the till has."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.ui.viewmodels import RewardCardData
from app.ui.widgets.properties import set_style_property
from app.ui.widgets.reward_tile import RewardTile

#: A marker one can see: this many pixels changed, each by at least STRONG in some channel,
#: around a control; Qt's own faint focus rectangle (a dotted line, a tint) falls short.
RING_SHARE = 1.0
STRONG = 60


def _button() -> QWidget:
    return QPushButton("Add to cart")


def _primary() -> QWidget:
    button = QPushButton("Redeem now")
    button.setProperty("role", "primary")
    return button


def _tile() -> QWidget:
    return RewardTile(RewardCardData("coffee", "Free Kopi Susu", 10))


def _chosen_tile() -> QWidget:
    tile = RewardTile(RewardCardData("coffee", "Free Kopi Susu", 10))
    set_style_property(tile, "selected", "true")
    return tile


def _tabs() -> QWidget:
    tabs = QTabWidget()
    for name in ("Rewards (F3)", "Vouchers (F4)", "Promo (F5)"):
        tabs.addTab(QWidget(), name)
    return tabs


def _list() -> QWidget:
    listing = QListWidget()
    listing.addItems(["Agus", "Dewi", "Rina"])
    listing.setCurrentRow(0)
    return listing


def _table() -> QWidget:
    table = QTableWidget(2, 2)
    table.selectRow(0)
    return table


def _combo() -> QWidget:
    combo = QComboBox()
    combo.addItems(["Every status", "Confirmed"])
    return combo


def _spin() -> QWidget:
    return QSpinBox()


def _required_field() -> QWidget:
    field = QLineEdit()
    field.setProperty("required", "true")
    return field


def _date() -> QWidget:
    return QDateEdit(QDate(2026, 12, 1))


def _text() -> QWidget:
    return QPlainTextEdit("Why")


def _check() -> QWidget:
    return QCheckBox("Give the member a replacement voucher")


CONTROLS: dict[str, Callable[[], QWidget]] = {
    "button": _button,
    "primary button": _primary,
    "reward tile": _tile,
    "chosen reward tile": _chosen_tile,
    "tabs": _tabs,
    "list": _list,
    "table": _table,
    "combo box": _combo,
    "spin box": _spin,
    "required field": _required_field,
    "date": _date,
    "text": _text,
    "check box": _check,
}


#: Controls marked by their words rather than a ring: a tab (a ring would read as the tab's
#: own border) and a check box (whose box Qt's style draws).
UNDERLINED = {"tabs", "check box"}


def _strong_changes(before: QImage, after: QImage) -> int:
    changed = 0
    for y in range(before.height()):
        for x in range(before.width()):
            a, b = before.pixelColor(x, y), after.pixelColor(x, y)
            if (
                max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue()))
                >= STRONG
            ):
                changed += 1
    return changed


@pytest.mark.parametrize("kind", CONTROLS)
def test_a_focused_control_is_marked_clearly(qtbot: QtBot, shown, kind: str) -> None:
    page = QWidget()
    page.setObjectName("cashierPage")
    layout = QVBoxLayout(page)
    elsewhere = QLineEdit()
    control = CONTROLS[kind]()
    layout.addWidget(elsewhere)
    layout.addWidget(control)
    page.resize(420, 360)
    shown(page)
    target = control.tabBar() if isinstance(control, QTabWidget) else control
    elsewhere.setFocus()
    qtbot.waitUntil(elsewhere.hasFocus)
    before = target.grab().toImage()

    target.setFocus()
    qtbot.waitUntil(target.hasFocus)
    QApplication.processEvents()
    after = target.grab().toImage()

    assert before.size() == after.size(), "focus must not change a control's size"
    changed = _strong_changes(before, after)
    if kind in UNDERLINED:
        # The current tab's words, a check box's: underlined, 2 px under 100 px of words at least
        assert changed >= 200, (kind, changed)
    else:
        assert changed >= RING_SHARE * 2 * (target.width() + target.height()), (kind, changed)
