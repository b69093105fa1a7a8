"""Choosing rewards: a grid of the store's rewards, quantity or stamps, redeem now or by cart."""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStyle,
    QStyleOptionSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.ui.plain_text import short_words
from app.ui.viewmodels import RewardCardData
from app.ui.widgets.elided_label import ElidedLabel
from app.ui.widgets.focus_in_sight import FocusInSight
from app.ui.widgets.properties import set_style_property
from app.ui.widgets.reward_cart import RewardCart
from app.ui.widgets.reward_tile import RewardTile

COLUMNS = 3
#: Tiles a row on a narrow page (1024 px): three are wider than the middle column there.
NARROW_COLUMNS = 2
MAX_QTY = 99
#: The most the quantity box takes as typed: a digit more than any quantity the till sends, so
#: "150" stays 150 (and the till refuses it, saying why) where a box stopping at 99 dropped the
#: "0" and "15" went to the server. Any number typed longer is cut to one still over 99.
MOST_TYPED_QTY = 999
#: The most the stamps box takes as typed: two digits more than the till sends (100,000), so
#: "150000" stays 150000 and is refused in words (a box stopping at 100,000 dropped the "0" and
#: sent 15000). Two, not one: a number typed longer is cut to its first seven digits, never to
#: six that the till would take ("1000000" read as 100000).
MOST_TYPED_STAMPS = 9_999_999
#: The largest amount of stamps the box is wide enough to show whole: one over the most sent.
WIDEST_STAMPS = 999_999
#: Tiles made (or given their reward, and placed) in one turn of the event loop: about 20 ms
#: of the GUI thread, and the first turn's fill the grid's first screens. Made all at once,
#: 5,000 rewards held the window frozen for seconds (docs/performance.md).
TILES_A_TURN = 30
#: Blocks of tiles hidden in one turn of the event loop while a big grid is emptied (a few
#: milliseconds): hidden at once, 5,000 tiles held the GUI thread a tenth of a second as the
#: next member was read.
BLOCKS_HIDDEN_A_TURN = 8
#: The most a widget may be (Qt's QWIDGETSIZE_MAX): the grid's height given back.
_ANY_HEIGHT = 16_777_215
#: Between tiles, across and down.
GRID_SPACING = 10
#: Around the tab's parts (top and bottom) and between them: the usual, and on a short screen
#: (compact tiles). At 1024×600 under a title bar the narrow middle needed 9 px more than the
#: page had: the page scrolled, its scroll bar cutting the Promo tab ("Promo (F").
SPACING, SHORT_SPACING = 8, 5
MARGIN, SHORT_MARGIN = 8, 4
#: Where each arrow key moves the keyboard in the grid: (rows, columns).
_ARROW_STEPS = {
    Qt.Key.Key_Left: (0, -1),
    Qt.Key.Key_Right: (0, 1),
    Qt.Key.Key_Up: (-1, 0),
    Qt.Key.Key_Down: (1, 0),
}
#: How far a field's words sit from its left edge: the style sheet's border and padding
#: (till.qss, "QLineEdit, QSpinBox"). A spin box's number ignores that padding.
FIELD_INSET = 12


def _fit_amount_box(spin: QSpinBox, widest: int) -> None:
    """Set the number in from the border as a field's words are, and the box just wide enough
    for ``widest`` with its words ("Qty 99", "99999 stamps", in the window's language).

    The style sheet's padding does not reach the spin box's own line edit, so the number stood
    against the border; its text margin moves it. The width follows the words, not a fixed 120
    px that the margin would have left too narrow (Bahasa Indonesia's words are longer)."""
    spin.ensurePolished()  # the style sheet's font, to measure the words in
    spin.lineEdit().setTextMargins(FIELD_INSET, 0, 0, 0)
    words = spin.prefix() + str(widest) + spin.suffix()
    text = spin.fontMetrics().horizontalAdvance(words)
    buttons = spin.style().subControlRect(
        QStyle.ComplexControl.CC_SpinBox,
        _spin_option(spin),
        QStyle.SubControl.SC_SpinBoxUp,
        spin,
    )
    # The inset on the left, as much again on the right before the arrows, and the border.
    spin.setFixedWidth(FIELD_INSET + text + FIELD_INSET + buttons.width() + 2)


def _set_columns(block: QGridLayout, columns: int) -> None:
    # Equal columns: tiles of one width read as a grid, whatever their names; every block
    # alike, so the columns of one block run on in the next.
    for column in range(COLUMNS):
        block.setColumnStretch(column, 1 if column < columns else 0)


def _spin_option(spin: QSpinBox) -> QStyleOptionSpinBox:
    option = QStyleOptionSpinBox()
    option.initFrom(spin)
    option.frame = True
    option.subControls = QStyle.SubControl.SC_All
    return option


class RewardPicker(QWidget):
    """The rewards tab: pick a tile, set quantity (or stamps for a flexible reward), then
    "Redeem now" (or Enter in the amount) or "Add to cart".

    Signals: ``reward_chosen(id)`` when a tile is picked; ``redeem_requested(id, qty, stamps|None)``
    for a single reward; ``cart_submitted(list[(id, qty, stamps|None)])`` for the cart;
    ``tiles_placed`` when the first tiles came, for the window to put them in its Tab order
    (:meth:`focus_order`; the picker puts those made later after them); ``keyboard_left``
    when a tile had the keyboard and the tiles that came leave no reward the member can have
    to take it (the window puts it elsewhere).
    """

    reward_chosen = Signal(object)
    redeem_requested = Signal(object, int, object)
    cart_submitted = Signal(list)
    tiles_placed = Signal()
    keyboard_left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rewards: dict[Hashable, RewardCardData] = {}
        self._order: list[RewardCardData] = []  # the rewards to show, in grid order
        self._tiles: list[RewardTile] = []  # those shown so far, in grid order
        self._kept: list[RewardTile] = []  # every tile made, those shown first
        # The grid is a column of blocks, each a grid of one turn's tiles: a turn's tiles are
        # laid out in their own block, where one grid of them all measured every tile again
        # for each turn's (a third of a second a turn at 5,000 rewards).
        self._blocks: list[QGridLayout] = []
        self._hosts: list[QWidget] = []  # the widget of each block
        self._cells: dict[RewardTile, tuple[int, int]] = {}  # where its block holds each tile
        # The rest of the tiles are made a few a turn of the event loop (TILES_A_TURN).
        self._more = QTimer(self)
        self._more.setSingleShot(True)
        self._more.setInterval(0)
        self._more.timeout.connect(self._next_tiles)
        # An emptied grid's blocks are hidden a few a turn, out of sight meanwhile (_empty_grid).
        self._emptying: list[QWidget] = []
        self._hide_more = QTimer(self)
        self._hide_more.setSingleShot(True)
        self._hide_more.setInterval(0)
        self._hide_more.timeout.connect(self._hide_blocks)
        self._selected: RewardCardData | None = None
        self._columns = COLUMNS
        self._compact = False
        self._narrow = False
        self._packed = False  # the selection's line packed on a narrow page (_arrange)
        self._arranged: tuple[bool, bool] | None = None  # (narrow, packed) as laid out
        self._busy = False

        self._grid_host = QWidget()
        self._grid_host.setObjectName("rewardGridHost")
        self._grid = QVBoxLayout(self._grid_host)
        self._grid.setContentsMargins(4, 4, 4, 4)
        self._grid.setSpacing(GRID_SPACING)
        # The host's minimum size follows the tiles, so the scroll area scrolls rather than
        # squeezing rows of tiles into each other.
        self._grid.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        # Tiles keep their height at the top; the spare room goes below them.
        self._grid.addStretch(1)
        self._empty = QLabel(self.tr("No rewards to show. Find a member first (F2)."))
        self._empty.setObjectName("rewardsEmpty")
        self._empty.setProperty("role", "muted")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)

        # Above the tiles: rewards the server listed that the till could not read (left out).
        self._note = QLabel()
        self._note.setObjectName("rewardNote")
        self._note.setProperty("role", "muted")
        self._note.setWordWrap(True)
        self._note.hide()

        self._scroll = scroll = QScrollArea()
        scroll.setObjectName("rewardGrid")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._grid_host)
        # The tiles take the keyboard, not the area around them: focused, it showed nothing,
        # and a Tab seemed lost between the tabs and the first reward.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The tile the keyboard is on in sight, however it came (an arrow key, F3, a click).
        FocusInSight(scroll)

        # The selection bar: what the next click of "Redeem now" / "Add to cart" will take.
        self.selected_label = ElidedLabel(self.tr("Pick a reward"), lines=2)
        self.selected_label.setObjectName("rewardSelected")
        self.selected_label.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        self.selected_label.installEventFilter(self)  # its width is the line's under it
        # A flexible reward's name on a line of its own under the row, wrapped: beside the
        # stamps box and the buttons it read "Poto…" at 1366×768, and the cashier must know
        # which reward the stamps go to. On a narrow page whose line is the amount and the
        # buttons (_arrange), the name and the stamps box come above that line, over the
        # grid's foot: beside the buttons the box cut their words ("dd to ca" at 1024 px).
        self.picked_name = QLabel()
        self.picked_name.setObjectName("rewardPickedName")
        self.picked_name.setWordWrap(True)
        self.picked_name.hide()
        self.qty_spin = QSpinBox()
        self.qty_spin.setObjectName("rewardQty")
        self.qty_spin.setRange(1, MOST_TYPED_QTY)
        self.qty_spin.setPrefix(self.tr("Qty "))
        self.qty_spin.setAccessibleName(self.tr("Quantity"))
        self.stamps_spin = QSpinBox()
        self.stamps_spin.setObjectName("rewardStamps")
        self.stamps_spin.setSuffix(self.tr(" stamps"))
        self.stamps_spin.setAccessibleName(self.tr("Stamps to use"))
        self.stamps_spin.hide()
        # Wide enough for the most the till sends (99): a box a digit wider for the 999 it takes
        # as typed left the picked reward's name a line short at 1366 px ("Voucher Diskon Rp
        # 2…"); a quantity over 99 is refused in words anyway. The stamps box shows six digits,
        # so "150000" reads whole beside the words that refuse it.
        for spin, widest in ((self.qty_spin, MAX_QTY), (self.stamps_spin, WIDEST_STAMPS)):
            _fit_amount_box(spin, widest)
            # Enter in the amount is "Redeem now", as Enter in a code field presses its button.
            spin.installEventFilter(self)
        self.add_button = QPushButton(self.tr("Add to cart"))
        self.add_button.setObjectName("rewardAddToCart")
        self.add_button.clicked.connect(self.add_selected_to_cart)
        self.redeem_button = QPushButton(self.tr("Redeem now"))
        self.redeem_button.setObjectName("rewardRedeemNow")
        self.redeem_button.setProperty("role", "primary")
        self.redeem_button.clicked.connect(self.redeem_selected)

        # One line: what and how many, then the buttons side by side. On a narrow page what
        # was picked goes under the line (set_narrow): the buttons' words were cut squeezed
        # beside it, and on a line of their own under it they left the grid one row of tiles
        # at 1024×600.
        self._chosen = chosen = QHBoxLayout()
        chosen.setSpacing(8)
        chosen.addWidget(self.selected_label, 1)
        chosen.addWidget(self.stamps_spin)
        chosen.addWidget(self.qty_spin)
        self._buttons = buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.add_button, 1)
        buttons.addWidget(self.redeem_button, 1)
        self._selection = selection = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        selection.setSpacing(SPACING)
        selection.addLayout(chosen, 1)
        selection.addLayout(buttons)

        self.cart = RewardCart()
        self.cart.cart_submitted.connect(self.cart_submitted)
        self.cart.remove_button.clicked.connect(self._removed)

        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        layout.addWidget(self._note)
        layout.addWidget(self._empty, 1)
        layout.addWidget(scroll, 1)
        layout.addLayout(selection)
        # The picked flexible reward's name (and on a packed page its stamps box beside it).
        self._under = under = QHBoxLayout()
        under.setSpacing(8)
        under.addWidget(self.picked_name, 1)
        layout.addLayout(under)
        layout.addWidget(self.cart)
        self.set_rewards([])

    # -- public API --------------------------------------------------------------------------

    def set_rewards(self, rewards: list[RewardCardData]) -> None:
        """Show these rewards (in order); clears the selection but keeps the cart. A tile that
        had the keyboard hands it to the same reward's tile (else the first the member can
        have).

        The tiles are kept from one call to the next, each given the reward of its place (a
        store's rewards are the same for every customer); those not wanted now are hidden.
        Built anew for each member, they took most of the time between the member found and
        their offer shown (docs/performance.md). The first :data:`TILES_A_TURN` are shown at
        once, the rest a turn of the event loop at a time (:meth:`building`)."""
        # Asked of the application, not of each tile: 5,000 tiles asked took 10 ms.
        focused = QApplication.focusWidget()
        on = (
            focused.reward.id
            if isinstance(focused, RewardTile) and focused in self._cells
            else None
        )
        in_sight = self._blocks_in_sight()
        self._order = list(rewards)
        self._rewards = {reward.id: reward for reward in rewards}
        self._tiles = []  # first: the selection's look is taken off no tile of the last list
        self._select(None)
        if rewards:
            self._stop_emptying()
        else:
            self._empty_grid(focused)
        # Tiles past the first turn's stay in their places, hidden until their turn comes
        # (taken out of the grid one by one, 5,000 cost a second): none shows the last
        # customer's reward, or a reward the store no longer offers.
        # Those in sight are filled at once (the same member's offer read again after a
        # redemption): hidden, the grid was shorter and scrolled back up a hundred rewards.
        filled_now = max(1, min(in_sight, -(-len(rewards) // TILES_A_TURN)))
        if rewards:
            for host in self._hosts[filled_now:]:
                host.hide()
        for tile in self._kept[len(rewards) : TILES_A_TURN]:
            tile.hide()
        self._empty.setVisible(not rewards)
        if rewards or not self._emptying:
            self._scroll.setVisible(bool(rewards))
        if not rewards:
            # The next customer's rewards start at the first: scrolled on where the last
            # customer's had been left, Budi's opened on the third row, his first rewards
            # out of sight.
            self._scroll.verticalScrollBar().setValue(0)
        self._make_tiles_to(filled_now * TILES_A_TURN - 1)
        if self.building():
            self._more.start()
        if on is not None:
            self._keep_keyboard_on(on)

    def _empty_grid(self, focused: QWidget | None) -> None:
        """Take the tiles out of sight at once, and hide them a few blocks a turn.

        Hidden at once (the grid itself, or every block), a grid of 5,000 tiles told each tile
        and word of theirs, a tenth of a second of the GUI thread as the next member was read
        (``tests/bench/bench_tiles.py``). The grid is squeezed to no height instead, which
        tells no tile anything; its blocks are hidden behind that, :data:`BLOCKS_HIDDEN_A_TURN`
        a turn, and then the grid itself, at no cost by then."""
        shown = [host for host in self._hosts[1:] if not host.isHidden()]
        if len(shown) <= BLOCKS_HIDDEN_A_TURN:
            # A grid of a few blocks: hidden first, the blocks under it are hidden at no cost.
            self._scroll.hide()
            for host in shown:
                host.hide()
            return
        self._scroll.setMinimumHeight(0)
        self._scroll.setMaximumHeight(0)
        self._scroll.verticalScrollBar().setValue(0)
        if isinstance(focused, RewardTile) and focused in self._cells:
            # No key may reach a tile out of sight: the keyboard goes where the grid hidden
            # sent it, the first thing after the tiles that takes it (the cart).
            self._keyboard_past_the_tiles(focused)
        self._emptying = shown
        self._hide_more.start()

    def _keyboard_past_the_tiles(self, focused: RewardTile) -> None:
        after = self._kept[-1].nextInFocusChain()
        while (
            after is not None
            and after is not focused
            and (
                isinstance(after, RewardTile)
                or not after.isVisible()
                or not after.isEnabled()
                or not after.focusPolicy() & Qt.FocusPolicy.TabFocus
            )
        ):
            after = after.nextInFocusChain()
        if after is None or after is focused:
            focused.clearFocus()
        else:
            after.setFocus(Qt.FocusReason.TabFocusReason)

    def _hide_blocks(self) -> None:
        """A turn's worth of an emptied grid's blocks hidden; the grid itself after the last."""
        turn, self._emptying = (
            self._emptying[:BLOCKS_HIDDEN_A_TURN],
            self._emptying[BLOCKS_HIDDEN_A_TURN:],
        )
        for host in turn:
            host.hide()
        if self._emptying:
            self._hide_more.start()
            return
        self._scroll.hide()
        self._scroll.setMaximumHeight(_ANY_HEIGHT)
        self._keep_a_row()

    def _stop_emptying(self) -> None:
        """Rewards to show again before an emptied grid's blocks were all hidden: the grid back
        to its height (the blocks not wanted now are hidden as ever)."""
        if not self._emptying and self._scroll.maximumHeight() == _ANY_HEIGHT:
            return
        self._hide_more.stop()
        self._emptying = []
        self._scroll.setMaximumHeight(_ANY_HEIGHT)
        self._keep_a_row()

    def emptying(self) -> bool:
        """Whether an emptied grid's blocks are still being hidden (out of sight already)."""
        return bool(self._emptying)

    def _blocks_in_sight(self) -> int:
        """How many blocks of tiles, from the first, reach into the grid's view."""
        if not self._scroll.isVisible():
            return 0
        bottom = self._scroll.verticalScrollBar().value() + self._scroll.viewport().height()
        return sum(1 for host in self._hosts if host.isVisible() and host.y() < bottom)

    def set_narrow(self, narrow: bool) -> None:
        """Two tiles a row and the selection packed (:meth:`_arrange`) on a narrow page, or
        three tiles and the picked reward's name in the selection's line."""
        columns = NARROW_COLUMNS if narrow else COLUMNS
        self.cart.set_narrow(narrow)
        self._narrow = narrow
        for button in (self.add_button, self.redeem_button):
            set_style_property(button, "tight", "true" if narrow else "false")
        self._arrange()
        if columns != self._columns:
            self._columns = columns
            # Placed again from the first, a turn's worth at a time as they were made.
            self._tiles = []
            for block in self._blocks:
                _set_columns(block, columns)
            self._next_tiles()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """The selection's line on a narrow page: the quantity and the buttons, where their
        words fit side by side (packed), a flexible reward's name and stamps box above the
        line; else what was picked and its amount, the buttons on a line of their own (819
        px). Two lines of it left the grid one row of tiles at 1024×600."""
        packed = self._narrow and self._packed_fits()
        if self._arranged == (self._narrow, packed):
            return
        self._packed, self._arranged = packed, (self._narrow, packed)
        self._selection.setDirection(
            QBoxLayout.Direction.TopToBottom
            if self._narrow and not packed
            else QBoxLayout.Direction.LeftToRight
        )
        self.selected_label.setVisible(not packed)
        # Packed, the buttons take the line's width beside the quantity, and keep it while
        # a flexible reward hides the quantity: "Redeem now" holds still under the pointer.
        self._selection.setStretchFactor(self._chosen, 0 if packed else 1)
        self._selection.setStretchFactor(self._buttons, 1 if packed else 0)
        policy = self.qty_spin.sizePolicy()
        policy.setRetainSizeWhenHidden(packed)
        self.qty_spin.setSizePolicy(policy)
        if packed != (self._under.indexOf(self.stamps_spin) >= 0):
            (self._chosen if packed else self._under).removeWidget(self.stamps_spin)
            if packed:
                self._under.addWidget(self.stamps_spin)
            else:
                self._chosen.insertWidget(1, self.stamps_spin)
        # Above the line when packed, its height the grid's; under it otherwise, the cart's.
        self._layout.removeItem(self._under)
        above = self._layout.indexOf(self.cart) - (1 if packed else 0)
        self._layout.insertLayout(above, self._under)
        self._place_name()

    def _packed_fits(self) -> bool:
        """Whether the quantity and both buttons' words fit on one line of the tab."""
        self.add_button.ensurePolished()
        self.redeem_button.ensurePolished()
        needed = (
            self.qty_spin.width()
            + self._selection.spacing()
            + self.add_button.sizeHint().width()
            + self._buttons.spacing()
            + self.redeem_button.sizeHint().width()
        )
        return needed <= self._layout.contentsRect().width()

    def set_compact(self, compact: bool) -> None:
        """Compact tiles (no picture) on a short screen, or the tiles with their pictures: the
        window says which as the screen's height calls for, not as a member or a banner
        comes, so the tiles never change under the cashier's eyes."""
        self._compact = compact
        for tile in self._kept:
            tile.set_compact(compact)
        self._keep_a_row()
        # Less room between the tab's parts too: nothing a cashier reads is smaller.
        spacing, margin = (SHORT_SPACING, SHORT_MARGIN) if compact else (SPACING, MARGIN)
        self._layout.setContentsMargins(MARGIN, margin, MARGIN, margin)
        self._layout.setSpacing(spacing)
        self._selection.setSpacing(spacing)

    def _keep_a_row(self) -> None:
        # On a short screen the grid asks for a whole row of tiles, names and costs, and the
        # page scrolls before it is any shorter: the member column's least height had been
        # keeping that room by chance, and a card that kept less left a strip of the tiles.
        least = 0
        if self._compact and self._kept:
            margins = self._grid.contentsMargins()
            least = self._kept[0].minimumHeight() + margins.top() + margins.bottom()
        self._scroll.setMinimumHeight(least)

    def set_empty_text(self, text: str) -> None:
        """What the tab says while it shows no rewards (no member yet, reading, or why not)."""
        self._empty.setText(text)

    def set_note(self, text: str) -> None:
        """A line above the rewards shown (``""`` hides it): what is missing from them."""
        self._note.setText(text)
        self._note.setVisible(bool(text))

    def note(self) -> str:
        """The line above the rewards, or ``""`` while it is hidden."""
        return self._note.text() if not self._note.isHidden() else ""

    def empty_text(self) -> str:
        """What the tab says instead of rewards, or ``""`` while it shows some."""
        return self._empty.text() if not self._empty.isHidden() else ""

    def set_available_stamps(self, stamps: int | None) -> None:
        """The member's stamps, to stop a cart that costs more (``None``: no member)."""
        self.cart.set_available_stamps(stamps)

    def set_busy(self, busy: bool) -> None:
        """A redemption is under way: "Redeem now" and "Redeem cart" grey until its result is in,
        then light again as the pick and the cart allow (lit, a press did nothing)."""
        self._busy = busy
        self.redeem_button.setEnabled(self._selected is not None and not busy)
        self.cart.set_busy(busy)

    def tiles(self) -> list[RewardTile]:
        """The tiles shown so far, in grid order (for focus and tests)."""
        return list(self._tiles)

    def building(self) -> bool:
        """Whether tiles are still to come (a turn of the event loop at a time)."""
        return len(self._tiles) < len(self._order)

    def columns(self) -> int:
        """Tiles a row, as the grid shows them now."""
        return self._columns

    def focus_order(self) -> list[QWidget]:
        """What Tab visits here, in order: the tiles as the grid shows them, the amount, "Add to
        cart", "Redeem now", then the cart (Qt skips what is greyed or hidden)."""
        cart = self.cart
        return [
            *self._kept,  # in grid order; those not shown now are hidden, and Tab passes by
            self.stamps_spin,
            self.qty_spin,
            self.add_button,
            self.redeem_button,
            cart.list,
            cart.remove_button,
            cart.redeem_button,
        ]

    def tile(self, reward_id: Hashable) -> RewardTile:
        """The tile of one reward (made now if its turn has not come)."""
        index = next(i for i, reward in enumerate(self._order) if reward.id == reward_id)
        self._make_tiles_to(index)
        return self._tiles[index]

    def select_reward(self, reward_id: Hashable) -> None:
        """Pick a reward as if its tile were clicked (ignored when unavailable)."""
        reward = self._rewards.get(reward_id)
        if reward is None or not reward.available:
            return
        self._select(reward)
        self.reward_chosen.emit(reward_id)
        amount = self.stamps_spin if reward.flexible else self.qty_spin
        amount.setFocus()
        # Selected, to be typed over: with the cursor before the "1", "2" typed made it 21.
        amount.selectAll()

    def selected(self) -> RewardCardData | None:
        """The reward in the selection bar."""
        return self._selected

    def add_selected_to_cart(self) -> None:
        """Put the selected reward, with its quantity or stamps, in the cart."""
        reward = self._selected
        if reward is None:
            return
        qty, stamps = self._amounts(reward)
        self.cart.add(reward.id, reward.name, qty, reward.stamps_cost, stamps)
        self._select(None)

    def redeem_selected(self) -> None:
        """Emit ``redeem_requested`` for the selected reward alone."""
        reward = self._selected
        if reward is None:
            return
        qty, stamps = self._amounts(reward)
        self.redeem_requested.emit(reward.id, qty, stamps)

    def submit_cart(self) -> None:
        """The F9 key: redeem the cart if it can be."""
        self.cart.submit()

    def focus_first_tile(self) -> bool:
        """Put keyboard focus on the first reward the member can have; False when there is none
        (the keyboard stays where it was)."""
        index = next((i for i, reward in enumerate(self._order) if reward.available), None)
        if index is None:
            return False
        self._make_tiles_to(index)
        self._tiles[index].setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def _keep_keyboard_on(self, reward_id: Hashable) -> None:
        # The member's rewards are read again as the queue moves on: the tile with the keyboard
        # went and Qt left the keyboard nowhere, where Enter picked nothing and a name typed was
        # lost. With no reward the member can have left, the window's own focus rules apply
        # (keyboard_left): the keyboard stayed on the old tile, deleted a moment later, and was
        # then nowhere. Qt shows a tile a moment after it is laid out, and a hidden tile takes
        # no keyboard.
        index = next(
            (i for i, r in enumerate(self._order) if r.id == reward_id and r.available), None
        )
        if index is not None:
            self._make_tiles_to(index)
            self._tiles[index].setFocus(Qt.FocusReason.OtherFocusReason)
        elif not self.focus_first_tile():
            self.keyboard_left.emit()

    def _removed(self) -> None:
        # After the cart's own handler: its last line gone, "Remove" and "Redeem cart" went grey
        # and Qt passed the keyboard out of the tab, to the shift's list. The next thing to do
        # is pick another reward.
        if not self.cart.lines():
            self.focus_first_tile()

    # -- view --------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.selected_label and event.type() == QEvent.Type.Resize:
            self._place_name()
            return False
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, RewardTile):
            # Shift+Tab from the amount lands on the last tile, which may be scrolled away.
            self._scroll.ensureWidgetVisible(watched)
            return False
        if (
            isinstance(watched, RewardTile)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in _ARROW_STEPS
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            # A grid is walked with the arrows (Tab still walks it in order): unhandled, they
            # only scrolled the grid, the keyboard staying on its tile.
            self._move_from(watched, _ARROW_STEPS[Qt.Key(event.key())])
            return True
        if (
            watched in (self.qty_spin, self.stamps_spin)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            assert isinstance(watched, QSpinBox)
            watched.interpretText()  # what was typed, not the value before it
            self.redeem_selected()
            return True
        return super().eventFilter(watched, event)

    def _move_from(self, tile: RewardTile, step: tuple[int, int]) -> None:
        """The keyboard to the next tile the member can have, ``step`` (rows, columns) away;
        at the grid's edge it stays."""
        rows, columns = step
        delta = rows * self._columns + columns
        index = self._tiles.index(tile) + delta
        while 0 <= index < len(self._order):
            if self._order[index].available:
                # Arrowed past the tiles made so far: the next are made now.
                self._make_tiles_to(index)
                self._tiles[index].setFocus(Qt.FocusReason.OtherFocusReason)
                return
            index += delta

    def _next_tiles(self) -> None:
        """A turn's worth of tiles, then the rest at the event loop's next turn: the window
        answers a key or a click between them however many rewards the store has."""
        self._make_tiles_to(len(self._tiles) + TILES_A_TURN - 1)
        if self.building():
            self._more.start()

    def _make_tiles_to(self, last: int) -> None:
        """Make, fill and place the tiles up to the ``last`` reward (in grid order)."""
        start = len(self._tiles)
        stop = min(last + 1, len(self._order))
        if start >= stop:
            return
        first_made = not self._kept
        made = []
        while len(self._kept) < stop:
            tile = RewardTile(self._order[len(self._kept)])
            tile.set_compact(self._compact)
            tile.chosen.connect(self.select_reward)
            tile.installEventFilter(self)  # scrolled into sight as the keyboard reaches it
            self._kept.append(tile)
            made.append(tile)
            if len(self._kept) == 1:
                self._keep_a_row()
        for index in range(start, stop):
            tile, reward = self._kept[index], self._order[index]
            if tile.reward != reward:
                tile.show_reward(reward)
            chosen = self._selected is not None and reward.id == self._selected.id
            set_style_property(tile, "selected", "true" if chosen else "false")
            block = self._block(index // TILES_A_TURN)
            place = index % TILES_A_TURN
            cell = (place // self._columns, place % self._columns)
            if self._cells.get(tile) != cell:
                if tile in self._cells:
                    block.removeWidget(tile)
                block.addWidget(tile, *cell)
                self._cells[tile] = cell
            tile.show()
            self._hosts[index // TILES_A_TURN].show()
            self._tiles.append(tile)
        if stop == len(self._order):
            # The last block's tiles past the last reward: a longer list's, before.
            for tile in self._kept[stop : -(-stop // TILES_A_TURN) * TILES_A_TURN]:
                tile.hide()
        if first_made:
            self.tiles_placed.emit()
        elif made:
            self._chain(made)

    def _chain(self, made: list[RewardTile]) -> None:
        """Tiles made after the window chained the others in its Tab order: each after the
        one before, the amount after the last. The window chaining every tile again for each
        turn's took seconds at 5,000 (Qt moves each tile in its chain). A tile keeps its place
        in the chain from one customer to the next; those hidden, Tab passes by."""
        before = self._kept[len(self._kept) - len(made) - 1]
        for tile in made:
            QWidget.setTabOrder(before, tile)
            before = tile
        QWidget.setTabOrder(before, self.stamps_spin)

    def _block(self, number: int) -> QGridLayout:
        """The grid of the ``number``th turn's tiles, made when first wanted."""
        while len(self._blocks) <= number:
            host = QWidget()
            block = QGridLayout(host)
            block.setContentsMargins(0, 0, 0, 0)
            block.setSpacing(GRID_SPACING)
            _set_columns(block, self._columns)
            self._grid.insertWidget(len(self._blocks), host)
            self._blocks.append(block)
            self._hosts.append(host)
        return self._blocks[number]

    def _place_name(self) -> None:
        """The picked reward's name in the row, or under it: a flexible reward's (beside its
        stamps box and the buttons the row has no room for it), and on a narrow page any."""
        name = self._selected.name if self._selected is not None else ""
        under = (
            self._selected is not None
            and self._selected.flexible
            and (self._packed or not self._narrow)
        )
        self.selected_label.setText("" if under else name or self.tr("Pick a reward"))
        self.picked_name.setText(short_words(name) if under else "")
        self.picked_name.setVisible(under)
        # Its line takes its height from the cart's list (which scrolls), not from the tiles:
        # "Redeem now" moved 27 px up under the pointer aimed at it as the line came.
        line = 0
        if under and not self._packed:
            self.picked_name.ensurePolished()
            width = self._layout.contentsRect().width()
            line = self.picked_name.heightForWidth(width) + self._layout.spacing()
        self.cart.lend_height(line)

    def _amounts(self, reward: RewardCardData) -> tuple[int, int | None]:
        if reward.flexible:
            return 1, self.stamps_spin.value()
        return self.qty_spin.value(), None

    def _select(self, reward: RewardCardData | None) -> None:
        self._selected = reward
        for tile in self._tiles:  # those still to come are drawn so when they come
            chosen = reward is not None and tile.reward.id == reward.id
            set_style_property(tile, "selected", "true" if chosen else "false")
        has = reward is not None
        flexible = reward is not None and reward.flexible
        self.add_button.setEnabled(has)
        self.redeem_button.setEnabled(has and not self._busy)
        self.qty_spin.setEnabled(has and not flexible)
        self.qty_spin.setValue(1)
        self.stamps_spin.setVisible(flexible)
        self.qty_spin.setVisible(not flexible)
        self._place_name()
        if reward is None:
            return
        if reward.flexible:
            # From 1, not from the reward's least: "3" typed for a reward of at least 5 was
            # sent as 5. The till refuses what is under its least or over the most, in words.
            self.stamps_spin.setRange(1, MOST_TYPED_STAMPS)
            self.stamps_spin.setValue(max(1, reward.stamps_cost))
