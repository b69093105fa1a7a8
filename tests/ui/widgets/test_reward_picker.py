"""Picking rewards: greyed ones cannot be picked; quantities, flexible stamps and the cart."""

from __future__ import annotations

from itertools import pairwise

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QStyle
from pytestqt.qtbot import QtBot

from app.ui.viewmodels import RewardCardData
from app.ui.widgets.reward_picker import MOST_TYPED_QTY, TILES_A_TURN, RewardPicker
from app.ui.widgets.reward_tile import RewardTile

from ...support.screens import inside_the_frame, window_in
from ...support.tooltips import shown_tooltip

REWARDS = [
    RewardCardData("coffee", "Free Kopi Susu", 10),
    RewardCardData("croissant", "Butter Croissant", 25),
    RewardCardData("flex", "Pay with stamps", 5, flexible=True),
    RewardCardData("tumbler", "Tumbler", 500, available=False, reason="Needs 500 stamps"),
]


@pytest.fixture
def picker(qtbot: QtBot) -> RewardPicker:
    picker = RewardPicker()
    qtbot.addWidget(picker)
    picker.resize(560, 640)
    picker.set_rewards(REWARDS)
    picker.set_available_stamps(120)
    picker.show()
    qtbot.waitExposed(picker)
    return picker


def click(qtbot: QtBot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_clicking_a_reward_picks_it(qtbot: QtBot, picker: RewardPicker):
    with qtbot.waitSignal(picker.reward_chosen) as chosen:
        click(qtbot, picker.tile("croissant"))
    assert chosen.args == ["croissant"]
    assert picker.selected().id == "croissant"
    assert picker.tile("croissant").property("selected") == "true"


def test_an_unavailable_reward_is_greyed_with_its_reason_and_cannot_be_picked(
    qtbot: QtBot, picker: RewardPicker
):
    tile = picker.tile("tumbler")
    assert not tile.isEnabled()
    assert tile.reason_label.isVisible()
    assert "Needs 500 stamps" in tile.reason_label.text()

    with qtbot.assertNotEmitted(picker.reward_chosen):
        click(qtbot, tile)
        picker.select_reward("tumbler")
    assert picker.selected() is None


def test_the_keyboard_picks_a_reward_too(qtbot: QtBot, picker: RewardPicker):
    picker.focus_first_tile()
    with qtbot.waitSignal(picker.reward_chosen) as chosen:
        qtbot.keyClick(picker.tile("coffee"), Qt.Key.Key_Return)
    assert chosen.args == ["coffee"]


def test_redeem_now_sends_the_quantity(qtbot: QtBot, picker: RewardPicker):
    picker.select_reward("coffee")
    picker.qty_spin.setValue(3)
    with qtbot.waitSignal(picker.redeem_requested) as request:
        click(qtbot, picker.redeem_button)
    assert request.args == ["coffee", 3, None]


def test_a_flexible_reward_asks_for_stamps_not_a_quantity(qtbot: QtBot, picker: RewardPicker):
    picker.select_reward("flex")
    assert picker.stamps_spin.isVisible()
    assert not picker.qty_spin.isVisible()
    assert picker.stamps_spin.value() == 5  # starts at the least the reward takes
    picker.stamps_spin.setValue(40)
    with qtbot.waitSignal(picker.redeem_requested) as request:
        click(qtbot, picker.redeem_button)
    assert request.args == ["flex", 1, 40]


def test_enter_in_the_quantity_redeems_now_as_typed(qtbot: QtBot, picker: RewardPicker):
    # Enter presses the primary button, as in the voucher and promo code fields; it did nothing.
    picker.focus_first_tile()
    qtbot.keyClick(picker.tile("coffee"), Qt.Key.Key_Return)
    qtbot.waitUntil(picker.qty_spin.hasFocus)
    qtbot.keyClick(picker.qty_spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(picker.qty_spin, "3")  # typed, not yet taken by the spin box
    with qtbot.waitSignal(picker.redeem_requested) as request:
        qtbot.keyClick(picker.qty_spin, Qt.Key.Key_Return)
    assert request.args == ["coffee", 3, None]

    picker.select_reward("flex")
    qtbot.keyClick(picker.stamps_spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(picker.stamps_spin, "40")
    with qtbot.waitSignal(picker.redeem_requested) as request:
        qtbot.keyClick(picker.stamps_spin, Qt.Key.Key_Enter)
    assert request.args == ["flex", 1, 40]


@pytest.mark.parametrize("typed", ["150000", "100000", "3", "1000000"])
def test_the_stamps_box_sends_the_stamps_as_typed(
    qtbot: QtBot, picker: RewardPicker, typed: str
) -> None:
    # Under Xvfb: "150000" typed became 15000 (the box stopped at 100,000 and dropped the
    # "0"), and "3" for a reward of at least 5 became 5. The till refuses what it will not
    # send, in words; the box changes nothing typed.
    picker.select_reward("flex")
    qtbot.keyClicks(picker.stamps_spin, typed)
    with qtbot.waitSignal(picker.redeem_requested) as request:
        qtbot.keyClick(picker.stamps_spin, Qt.Key.Key_Enter)
    assert request.args == ["flex", 1, int(typed)]
    assert picker.stamps_spin.text() == f"{typed} stamps"


def test_enter_in_the_quantity_with_nothing_picked_does_nothing(qtbot: QtBot, picker: RewardPicker):
    with qtbot.assertNotEmitted(picker.redeem_requested, wait=50):
        qtbot.keyClick(picker.qty_spin, Qt.Key.Key_Return)


def test_the_cart_totals_its_lines_and_is_redeemed_as_one(qtbot: QtBot, picker: RewardPicker):
    picker.select_reward("coffee")
    picker.qty_spin.setValue(2)
    click(qtbot, picker.add_button)
    picker.select_reward("croissant")
    click(qtbot, picker.add_button)
    picker.select_reward("coffee")
    click(qtbot, picker.add_button)  # same reward again: its quantity goes up
    picker.select_reward("flex")
    picker.stamps_spin.setValue(30)
    click(qtbot, picker.add_button)

    cart = picker.cart
    assert cart.list.count() == 3
    assert cart.total() == 3 * 10 + 25 + 30
    assert cart.total_label.text() == "Total 85 stamps"

    with qtbot.waitSignal(picker.cart_submitted) as submitted:
        picker.submit_cart()
    assert submitted.args == [[("coffee", 3, None), ("croissant", 1, None), ("flex", 1, 30)]]


def test_a_reward_of_one_stamp_is_said_in_the_singular(qtbot: QtBot, picker: RewardPicker):
    picker.set_rewards(
        [
            RewardCardData("sticker", "Sticker", 1),
            RewardCardData("flex", "Pay with stamps", 1, flexible=True),
        ]
    )
    costs = [tile.findChild(QLabel, "rewardCost").text() for tile in picker.tiles()]
    assert costs == ["1 stamp", "from 1 stamp"]
    picker.select_reward("sticker")
    click(qtbot, picker.add_button)
    assert _read(picker.cart.list.item(0).text()) == "1 × Sticker — 1 stamp"
    assert picker.cart.total_label.text() == "Total 1 stamp"
    picker.select_reward("flex")
    picker.stamps_spin.setValue(1)
    click(qtbot, picker.add_button)
    assert _read(picker.cart.list.item(1).text()) == "Pay with stamps — 1 stamp"
    picker.set_available_stamps(1)
    assert picker.cart.total_label.text().replace("\n", " — ") == "Total 2 stamps — member has 1"
    picker.cart.list.setCurrentRow(1)
    click(qtbot, picker.cart.remove_button)
    picker.set_available_stamps(0)
    assert picker.cart.total_label.text().replace("\n", " — ") == "Total 1 stamp — member has 0"


def test_a_cart_over_the_members_stamps_cannot_be_redeemed(qtbot: QtBot, picker: RewardPicker):
    picker.set_available_stamps(30)
    picker.select_reward("croissant")
    picker.qty_spin.setValue(2)
    click(qtbot, picker.add_button)

    assert not picker.cart.redeem_button.isEnabled()
    assert "member has 30" in picker.cart.total_label.text()
    assert picker.cart.total_label.property("over") == "true"
    with qtbot.assertNotEmitted(picker.cart_submitted):
        picker.submit_cart()


@pytest.mark.parametrize("size", [(1366, 768), (1093, 614), (1024, 768)])
def test_a_cart_over_the_members_stamps_says_so_whole(
    qtbot: QtBot, language: str, size: tuple[int, int]
):
    # "Total 375 stamps — m" in red beside the buttons at 1366×768: what the member has was cut.
    window = window_in(qtbot, "06-cart", size)
    cart = window.reward_picker.cart
    redeem = cart.redeem_button.mapTo(window, QPoint(0, 0))
    cart.add("tumbler", "Tumbler", 1, 300)
    QApplication.processEvents()
    label = cart.total_label
    assert label.property("over") == "true"
    assert "120" in label.text() and "375" in label.text()
    metrics = label.fontMetrics()
    room = label.contentsRect()
    lines = label.text().split("\n")
    assert max(metrics.horizontalAdvance(line) for line in lines) <= room.width(), lines
    assert len(lines) * metrics.lineSpacing() <= room.height() + metrics.leading(), lines
    assert cart.redeem_button.mapTo(window, QPoint(0, 0)) == redeem


def test_an_empty_cart_beside_a_balance_below_zero_is_over_nothing(picker: RewardPicker):
    # A server's "stamps": -5: the empty cart read, in red, "Total 0 stamps — member has -5".
    picker.set_available_stamps(-5)
    assert picker.cart.total_label.text() == "Total 0 stamps"
    assert picker.cart.total_label.property("over") == "false"


def test_an_empty_cart_does_nothing_and_remove_drops_a_line(qtbot: QtBot, picker: RewardPicker):
    with qtbot.assertNotEmitted(picker.cart_submitted):
        picker.submit_cart()
    picker.select_reward("coffee")
    click(qtbot, picker.add_button)
    picker.cart.list.setCurrentRow(0)
    click(qtbot, picker.cart.remove_button)
    assert picker.cart.lines() == []


def test_delete_on_a_picked_line_of_the_cart_removes_it(qtbot: QtBot, picker: RewardPicker):
    # Under X: a line picked in the cart with the arrows, and Delete did nothing; only Tab to
    # "Remove" and Space took it out.
    for reward in ("coffee", "croissant"):
        picker.select_reward(reward)
        click(qtbot, picker.add_button)
    cart = picker.cart
    cart.list.setFocus()
    qtbot.waitUntil(cart.list.hasFocus)
    cart.list.setCurrentRow(1)
    qtbot.keyClick(cart.list, Qt.Key.Key_Delete)
    assert cart.lines() == [("coffee", 1, None)]
    cart.list.setCurrentRow(0)
    qtbot.keyClick(cart.list, Qt.Key.Key_Delete)
    assert cart.lines() == []
    assert not cart.remove_button.isEnabled()


def test_new_rewards_replace_the_grid_but_keep_the_cart(qtbot: QtBot, picker: RewardPicker):
    picker.select_reward("coffee")
    click(qtbot, picker.add_button)
    picker.set_rewards(REWARDS[:2])
    assert [tile.reward.id for tile in picker.tiles()] == ["coffee", "croissant"]
    assert picker.cart.lines() == [("coffee", 1, None)]


def test_long_names_are_shortened_not_cut_off(qtbot: QtBot, picker: RewardPicker):
    picker.set_rewards([RewardCardData("long", "Tumbler Limited Edition Stainless Steel " * 2, 9)])
    qtbot.waitUntil(lambda: "\n" in picker.tile("long").name_label.text())
    label: QLabel = picker.tile("long").name_label
    lines = label.text().split("\n")
    assert len(lines) == 2 and lines[1].endswith("…")


#: The demo's rewards with the longest names (app/sandbox/data.py).
DEMO_NAMES = [
    "Es Kopi Susu Gula Aren",
    "Croissant Mentega",
    "Kopi Tubruk Toraja",
    "Upgrade ke Ukuran Large",
    "Voucher Diskon Rp 25.000",
]


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_a_picked_reward_s_name_is_read_whole_in_the_selection_bar(
    qtbot: QtBot, language: str, size: tuple[int, int]
):
    # "Croissant Me…" and "Es Kopi Susu …" beside the buttons at 1366×768, with room for a
    # second line: the name wraps onto it before it is shortened.
    window = window_in(qtbot, "04-member-found", size)
    picker = window.reward_picker
    picker.set_rewards([RewardCardData(f"r{n}", name, 5) for n, name in enumerate(DEMO_NAMES)])
    for n, name in enumerate(DEMO_NAMES):
        picker.select_reward(f"r{n}")
        QApplication.processEvents()
        shown = picker.selected_label.displayed_text()
        assert picker.selected_label.isVisible()  # a narrow page marks the picked tile alone
        assert shown.replace("\n", " ").replace("\u00a0", " ") == name, (shown, size)


#: The demo's flexible rewards: the name beside a box of stamps, and in the cart with them.
FLEXIBLE_NAMES = ["Potongan Belanja Fleksibel", "Donasi Stamps untuk Panti Asuhan"]
#: The screens a shop has, under a title bar: the till's, a laptop's, 1366×768 at a desktop
#: scale of 125%, a 1024×600 netbook, and a full HD monitor.
SHOP_SCREENS = [(1366, 768), (1280, 720), (1093, 614), (1024, 600), (1920, 1080)]


def _beside_its_stamps(picker: RewardPicker) -> None:
    """The picked reward's name fills the row up to its stamps box, on the box's line."""
    name, box = picker.selected_label, picker.stamps_spin
    words = name.fontMetrics().boundingRect(
        name.contentsRect(), Qt.TextFlag.TextWordWrap, _read(name.displayed_text())
    )
    assert name.visibleRegion().boundingRect() == name.rect()
    assert name.geometry().right() < box.geometry().left()
    assert words.top() >= 0 and name.mapTo(picker, words.bottomLeft()).y() >= box.y()
    assert name.mapTo(picker, words.topLeft()).y() <= box.geometry().bottom()


def _words_whole(label: QLabel) -> bool:
    """A wrapping label shows all its lines, none of its words past its edge."""
    metrics = label.fontMetrics()
    widest = max(metrics.horizontalAdvance(word) for word in label.text().split())
    return widest <= label.width() and label.heightForWidth(label.width()) <= label.height()


@pytest.mark.parametrize("size", SHOP_SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_flexible_reward_s_name_is_read_whole_beside_its_stamps_and_in_the_cart(
    qtbot: QtBot, language: str, size: tuple[int, int]
):
    # Seen under X at 1366×768: beside the stamps box the flexible reward read "Poto…", and
    # the cashier could not tell which reward the stamps went to; at 1024 px its cart line ran
    # under a sideways scroll bar. The name has a line of its own under the row, wrapped,
    # taking its height from the cart's list ("Redeem now" holds still under the pointer); a
    # cart line wraps too. On a narrow page whose buttons share the quantity's line (1024 and
    # 1093 px) the name and the stamps box are on the line above the buttons; where the
    # buttons have a line of their own the name is in the row, beside its stamps box.
    window = window_in(qtbot, "04-member-found", inside_the_frame(size))
    picker = window.reward_picker
    picker.set_rewards(
        [RewardCardData(f"f{n}", name, 10, flexible=True) for n, name in enumerate(FLEXIBLE_NAMES)]
    )
    settle()
    redeem_now = picker.redeem_button.mapTo(window, QPoint(0, 0))
    for n, name in enumerate(FLEXIBLE_NAMES):
        picker.select_reward(f"f{n}")
        settle()
        assert picker.redeem_button.mapTo(window, QPoint(0, 0)) == redeem_now
        in_row = picker.selected_label.displayed_text()
        assert "…" not in in_row, (in_row, size)
        under = picker.findChild(QLabel, "rewardPickedName")
        assert under is not None
        if picker.selected_label.isVisible() and window.columns.is_narrow:
            assert _read(in_row.replace("\n", " ")) == name and under.isHidden(), size
            _beside_its_stamps(picker)
        else:
            assert under.text() == name and _words_whole(under), size
            assert under.visibleRegion().boundingRect() == under.rect()
        picker.add_selected_to_cart()
    settle()
    cart = picker.cart.list
    assert not cart.horizontalScrollBar().isVisible()
    for row in range(cart.count()):
        item = cart.item(row)
        place = cart.visualItemRect(item)
        assert place.right() < cart.viewport().width(), item.text()
        wrapped = cart.fontMetrics().boundingRect(
            QRect(0, 0, place.width(), 10_000), Qt.TextFlag.TextWordWrap, item.text()
        )
        assert wrapped.height() <= place.height(), item.text()


def _read(text: str) -> str:
    """Words as a person reads them: a no-break space is a space."""
    return text.replace("\u00a0", " ")


def _drawn_lines(cart: QListWidget, row: int) -> list[str]:
    """A cart line's words as the list wraps them at its width, line by line."""
    item = cart.item(row)
    margin = cart.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, cart) + 1
    width = cart.visualItemRect(item).width() - 2 * margin
    layout = QTextLayout(item.text(), cart.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(item.text()[line.textStart() : line.textStart() + line.textLength()])
    layout.endLayout()
    return lines


def test_a_wrapped_cart_line_keeps_its_stamps_with_their_unit(
    qtbot: QtBot, language: str, picker: RewardPicker
):
    # Seen under X at 1024×600: "1 × Donasi Stamps untuk Panti Asuhan — 1" on one line and
    # "stamp" alone on the next. A number keeps its unit, as "Rp" keeps its amount.
    cart = picker.cart
    cart.add("donasi", "Donasi Stamps untuk Panti Asuhan Kasih", 1, 1)
    cart.add("flex", "Potongan Belanja Fleksibel Akhir Pekan", 1, 5, 1)
    wrapped = 0
    for width in range(200, 480, 4):
        cart.resize(width, cart.height())
        settle()
        for row in range(cart.list.count()):
            lines = _drawn_lines(cart.list, row)
            wrapped += len(lines) > 1
            for this, after in pairwise(lines):
                apart = this.rstrip()[-1:].isdigit() and after[:1].isalpha()
                assert not apart, (width, lines)
    assert wrapped  # the lines were read wrapped, at some width


def settle() -> None:
    """Every layout request delivered, as by the frame the cashier sees."""
    for _ in range(8):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    QApplication.processEvents()


@pytest.mark.parametrize("size", [(1366, 768), (1093, 614), (1024, 768)])
def test_a_currency_and_its_amount_are_read_on_one_line(
    qtbot: QtBot, language: str, size: tuple[int, int]
):
    # "Voucher Diskon Rp" on a tile's first line and "25.000" on its second.
    window = window_in(qtbot, "04-member-found", size)
    picker = window.reward_picker
    picker.set_rewards([RewardCardData(f"r{n}", name, 5) for n, name in enumerate(DEMO_NAMES)])
    QApplication.processEvents()
    shown = {f"tile {n}": picker.tile(f"r{n}").name_label.text() for n in range(len(DEMO_NAMES))}
    for n in range(len(DEMO_NAMES)):
        picker.select_reward(f"r{n}")
        QApplication.processEvents()
        shown[f"picked {n}"] = picker.selected_label.displayed_text()
    apart = [words for words in shown.values() if "Rp\n" in words.replace(" \n", "\n")]
    assert apart == []
    assert "Rp\u00a025.000" in shown["tile 4"]  # wrapped before "Rp", if anywhere


def test_a_name_longer_than_two_lines_is_shortened_on_the_second(
    qtbot: QtBot, picker: RewardPicker
):
    name = "Tumbler Limited Edition Stainless Steel " * 3
    picker.set_rewards([RewardCardData("long", name.strip(), 9)])
    picker.select_reward("long")
    QApplication.processEvents()
    lines = picker.selected_label.displayed_text().split("\n")
    assert len(lines) == 2 and lines[1].endswith("…") and name.startswith(lines[0])
    assert picker.selected_label.toolTip() == name.strip()


@pytest.mark.qt_log_ignore("does not support raise")  # the offscreen platform's tooltip
def test_the_tooltip_of_a_two_thousand_character_name_fits_the_screen_and_says_why(
    qtbot: QtBot, picker: RewardPicker
):
    # A tooltip wraps at spaces only: one word of 2,000 characters was a 13,000 px line, the
    # reason the reward cannot be picked beyond the screen's edge.
    long_name = "Panjang" * 290
    picker.set_rewards(
        [RewardCardData("long", long_name, 500, available=False, reason="Needs 500 stamps")]
    )
    tip = shown_tooltip(qtbot, picker.tile("long"))
    assert tip.width() <= QApplication.primaryScreen().availableGeometry().width()
    assert tip.text().startswith("PanjangPanjang") and tip.text().endswith("Needs 500 stamps")


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)])
def test_the_amount_sits_inside_its_box_as_a_fields_words_do(
    qtbot: QtBot, language: str, size: tuple[int, int]
):
    """The number in "Qty" and "stamps" stood against the box's left border; now as far in as
    the invoice's words are in theirs, and the largest amount still whole (both languages, the
    till's screen and the narrow one)."""
    window = window_in(qtbot, "05-rewards", size)  # a flexible reward: the stamps box shown
    field = window.invoice_field.field
    field.setCursorPosition(0)
    field_inset = field.cursorRect().x()
    picker = window.reward_picker
    for spin, widest in ((picker.stamps_spin, 99_999), (picker.qty_spin, MOST_TYPED_QTY)):
        spin.setVisible(True)
        spin.setMaximum(widest)
        spin.setValue(widest)
        edit = spin.lineEdit()
        edit.setCursorPosition(0)
        assert edit.mapTo(spin, edit.cursorRect().topLeft()).x() == field_inset, spin.objectName()
        room = edit.contentsRect().width() - edit.textMargins().left()
        assert edit.fontMetrics().horizontalAdvance(spin.text()) < room, spin.text()
    assert picker.redeem_button.isVisible()
    assert window.width() <= size[0]


def _on_screen(picker: RewardPicker) -> list[tuple[str, str, str, bool]]:
    """Each tile the cashier sees, in grid order: its name, cost, reason (empty when none
    shows) and whether it can be picked."""
    QApplication.processEvents()  # the tiles laid out and their words fitted
    shown = [tile for tile in picker.findChildren(RewardTile) if tile.isVisibleTo(picker)]
    where = {tile: tile.mapTo(picker, QPoint(0, 0)) for tile in shown}
    seen = []
    for tile in sorted(shown, key=lambda tile: (where[tile].y(), where[tile].x())):
        reason = tile.reason_label.text() if tile.reason_label.isVisibleTo(picker) else ""
        seen.append(
            (
                tile.name_label.text().replace("\n", " "),
                tile.cost_label.text(),
                reason.replace("\n", " "),
                tile.isEnabled(),
            )
        )
    return seen


def test_the_next_customers_rewards_show_their_own_state(qtbot: QtBot, picker: RewardPicker):
    # The picker keeps its tiles from one customer to the next (built anew, they took most of
    # the time to an offer on screen): nothing of the last customer's may stay on them.
    picker.focus_first_tile()
    picker.select_reward("coffee")
    picker.set_rewards([])  # the next member is being read
    assert _on_screen(picker) == []
    assert picker.tiles() == []

    picker.set_rewards(
        [
            RewardCardData("coffee", "Free Kopi Susu", 10, available=False, reason="Blocked"),
            RewardCardData("tumbler", "Tumbler", 500),
            RewardCardData("croissant", "Butter Croissant", 1),
        ]
    )
    assert _on_screen(picker) == [
        ("Free Kopi Susu", "10 stamps", "Blocked", False),
        ("Tumbler", "500 stamps", "", True),
        ("Butter Croissant", "1 stamp", "", True),
    ]
    assert picker.selected() is None
    assert picker.tile("tumbler").toolTip() == "Tumbler"
    assert picker.tile("coffee").toolTip() == "Free Kopi Susu — Blocked"
    assert all(tile.property("selected") == "false" for tile in picker.tiles())

    with qtbot.waitSignal(picker.reward_chosen) as chosen:
        click(qtbot, picker.tile("tumbler"))  # the tile the tumbler came to
    assert chosen.args == ["tumbler"]
    with qtbot.assertNotEmitted(picker.reward_chosen):
        click(qtbot, picker.tile("coffee"))


def test_fewer_rewards_leave_no_tile_behind(qtbot: QtBot, picker: RewardPicker):
    picker.set_rewards(REWARDS[:1])
    assert _on_screen(picker) == [("Free Kopi Susu", "10 stamps", "", True)]
    assert [tile.reward.id for tile in picker.tiles()] == ["coffee"]
    picker.focus_first_tile()
    qtbot.keyClick(picker.tile("coffee"), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not None
    assert QApplication.focusWidget() not in picker._kept  # no hidden tile takes the keyboard

    picker.set_rewards(REWARDS)
    assert [seen[0] for seen in _on_screen(picker)] == [r.name for r in REWARDS]


def test_a_click_on_a_tile_half_out_of_sight_picks_it(qtbot: QtBot, picker: RewardPicker):
    # The press scrolls the tile into sight, so it moves under the pointer before the release:
    # the click was lost, and the cashier had to click the tile a second time.
    picker.set_rewards([RewardCardData(f"r{n}", f"Reward {n}", 10) for n in range(9)])
    picker.resize(560, 500)
    area = picker._scroll.viewport()
    tile = picker.tiles()[3]  # the second row's first: its top in sight, its foot below

    def half_in_sight() -> bool:
        top = tile.mapTo(area, QPoint(0, 0)).y()
        return 0 < top < area.height() < top + tile.height()

    qtbot.waitUntil(half_in_sight)
    top = tile.mapTo(area, QPoint(0, 0)).y()
    pointer = tile.mapToGlobal(QPoint(tile.width() // 2, (area.height() - top) // 2))
    qtbot.mousePress(tile, Qt.MouseButton.LeftButton, pos=tile.mapFromGlobal(pointer))
    assert tile.mapTo(area, QPoint(0, 0)).y() < top  # scrolled up, whole in sight
    with qtbot.waitSignal(picker.reward_chosen) as chosen:
        qtbot.mouseRelease(tile, Qt.MouseButton.LeftButton, pos=tile.mapFromGlobal(pointer))
    assert chosen.args == ["r3"]
    assert picker.selected().id == "r3"


def _words_cut(tile) -> list[str]:
    """The tile's shown words that do not have the room they need inside its border."""
    labels = (tile.name_label, tile.cost_label, tile.reason_label)
    return [
        label.objectName()
        for label in labels
        if label.isVisible()
        and (
            label.height() < label.sizeHint().height()
            or not tile.contentsRect().contains(label.geometry())
        )
    ]


def test_compact_tiles_are_shorter_with_every_word_whole_and_a_new_tile_comes_compact(
    qtbot: QtBot, picker: RewardPicker
):
    full = picker.tile("coffee").height()
    picker.set_compact(True)
    cake = RewardCardData(
        "cake",
        "Birthday Cake Slice With Extra Cream",
        40,
        available=False,
        reason="Not for this member's level today",
    )
    picker.set_rewards([*REWARDS, cake])
    picker.tile("croissant").setFocus()  # the keyboard's border is the thickest
    qtbot.waitUntil(lambda: picker.tile("croissant").hasFocus())
    QApplication.processEvents()
    # One height for all, whatever their names and reasons: tiles that read as a grid.
    assert len({tile.height() for tile in picker.tiles()}) == 1
    for tile in picker.tiles():
        assert tile.height() < full, tile.objectName()
        assert _words_cut(tile) == [], tile.objectName()
    assert picker.tile("cake").reason_label.text().startswith("Not for")
    picker.set_compact(False)
    QApplication.processEvents()
    assert {tile.height() for tile in picker.tiles()} == {full}


#: A store's catalogue as a server that ignores paging may send it, in one answer.
BIG = [RewardCardData(number, f"Reward {number}", 1 + number % 9) for number in range(1, 5001)]


def test_a_big_catalogue_leaves_the_window_answering_while_its_tiles_come(
    qtbot: QtBot, picker: RewardPicker
):
    # 5,000 tiles made at once held the window frozen for seconds: a key or a click waited.
    answered: list[int] = []
    QTimer.singleShot(0, lambda: answered.append(len(picker.tiles())))
    picker.set_rewards(BIG)
    qtbot.waitUntil(lambda: bool(answered))
    assert answered[0] < len(BIG)  # the event loop turned before the last tile came
    qtbot.waitUntil(lambda: not picker.building(), timeout=120_000)
    assert [tile.reward.id for tile in picker.tiles()] == [reward.id for reward in BIG]

    last = picker.tile(5000)
    picker._scroll.ensureWidgetVisible(last)
    with qtbot.waitSignal(picker.reward_chosen) as chosen:
        click(qtbot, last)
    assert chosen.args == [5000]
    with qtbot.waitSignal(picker.redeem_requested) as request:
        click(qtbot, picker.redeem_button)
    assert request.args == [5000, 1, None]


def test_the_arrows_reach_tiles_still_to_come(qtbot: QtBot, picker: RewardPicker):
    picker.set_rewards(BIG)
    made = picker.tiles()
    assert len(made) < len(BIG)
    made[-1].setFocus()
    qtbot.keyClick(made[-1], Qt.Key.Key_Down)
    below = BIG[len(made) - 1 + picker.columns()]
    assert QApplication.focusWidget() is picker.tile(below.id)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert picker.selected() == below


def test_the_same_offer_read_again_stays_where_the_grid_was_scrolled(
    qtbot: QtBot, picker: RewardPicker
):
    # After a redemption the member's offer is read again: the tiles past the first turn's,
    # hidden until their turn, had made the grid shorter and scrolled it back up.
    picker.set_rewards(BIG[:300])
    qtbot.waitUntil(lambda: not picker.building(), timeout=60_000)
    picker.tile(200).setFocus()
    qtbot.waitUntil(lambda: picker._scroll.verticalScrollBar().value() > 0)
    where = picker._scroll.verticalScrollBar().value()
    picker.set_rewards(BIG[:300])
    QApplication.processEvents()
    assert picker._scroll.verticalScrollBar().value() == where
    assert QApplication.focusWidget() is picker.tile(200)


class _HiddenTiles(QObject):
    """Counts the tiles told they are hidden, while installed on the application."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide and isinstance(watched, RewardTile):
            self.count += 1
        return False


def _in_sight(picker: RewardPicker) -> list[RewardTile]:
    """The tiles the cashier can see: shown, and not cut away by the grid around them."""
    QApplication.processEvents()
    return [
        tile
        for tile in picker.findChildren(RewardTile)
        if tile.isVisibleTo(picker) and not tile.visibleRegion().isEmpty()
    ]


@pytest.mark.parametrize("next_offer", ["after the grid is hidden", "while it is hidden"])
def test_a_big_grid_emptied_goes_out_of_sight_at_once_and_hides_its_tiles_a_few_at_a_time(
    qtbot: QtBot, picker: RewardPicker, next_offer: str
):
    # The next member read while 5,000 rewards showed: every tile was hidden in the one call,
    # a tenth of a second of the GUI thread (tests/bench/bench_tiles.py).
    many = BIG[:1500]
    picker.set_rewards(many)
    qtbot.waitUntil(lambda: not picker.building(), timeout=120_000)
    picker.tile(100).setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is picker.tile(100))
    hidden = _HiddenTiles()
    QApplication.instance().installEventFilter(hidden)
    try:
        picker.set_rewards([])
    finally:
        QApplication.instance().removeEventFilter(hidden)
    assert hidden.count <= 10 * TILES_A_TURN  # a few blocks' worth, not 1,500
    assert _in_sight(picker) == []  # none of the last customer's rewards to see meanwhile
    assert picker.empty_text() and picker._empty.isVisible()
    assert not isinstance(QApplication.focusWidget(), RewardTile)  # no key reaches one
    assert picker.tiles() == []

    if next_offer == "after the grid is hidden":
        qtbot.waitUntil(lambda: not picker._scroll.isVisible(), timeout=30_000)
        assert not any(tile.isVisibleTo(picker) for tile in picker.findChildren(RewardTile))
    picker.set_rewards(REWARDS)
    assert [seen[0] for seen in _on_screen(picker)] == [r.name for r in REWARDS]
    assert [tile.reward.id for tile in _in_sight(picker)] == [r.id for r in REWARDS]
    assert picker._scroll.height() > picker.tile("coffee").height()  # the grid has its room


#: The largest count a server's 64-bit integer holds: wider than a tile in the till's type.
LONGEST_COUNT = 9_223_372_036_854_775_807


@pytest.mark.parametrize("compact", [False, True])
@pytest.mark.parametrize("flexible", [False, True])
def test_a_price_wider_than_its_tile_is_read_whole_never_cut(
    qtbot: QtBot, picker: RewardPicker, compact: bool, flexible: bool
):
    # Seen: a reward of 9223372036854775807 stamps read "9.223.372.036.85" on its tile, a
    # wrong price with nothing to say it was cut.
    dear = RewardCardData("dear", "Emas", LONGEST_COUNT, flexible=flexible)
    picker.set_rewards([dear, *REWARDS[:1]])
    tile = picker.tile("dear")
    tile.set_compact(compact)
    cost = tile.cost_label
    said = f"{'from ' if flexible else ''}9.223.372.036.854.775.807 stamps"

    def whole() -> bool:
        lines = cost.text().split("\n")
        room = cost.contentsRect().width()
        fits = all(cost.fontMetrics().horizontalAdvance(line) <= room for line in lines)
        return fits and " ".join(lines) == said

    qtbot.waitUntil(whole)
    # an ordinary price keeps the till's type, on one line
    coffee = picker.tile("coffee").cost_label
    assert coffee.text() == "10 stamps"
    assert coffee.font().pixelSize() > cost.font().pixelSize()
