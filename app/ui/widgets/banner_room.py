"""The room the banners across the bottom of the window take from the cashier's page.

A banner (a full disk, paused, a stalled lane, a wrong clock) makes the page shorter. Laid out
by Qt alone, the page shrank what stretches: the reward tiles, the result panel and the shift's
list, and "Redeem now" moved up under the cashier's next click. :class:`BannerRoom` gives the
banners their height from what scrolls or is empty, in this order: the page's bottom margin, the
cart's list (down to one line), the room under the invoice and the shift's list; what is above
them holds still. Only what they cannot give (every banner at once on a 1024 px screen) comes
from the tiles' area, which scrolls too, and from the member card's room kept for an offline
copy's lines (the invoice under it moves up by that).

It also says how much of the left column the member card may keep (``MemberCard.set_most``):
what the column leaves beside the member search and the invoice with both its lines, so that a
line coming under the invoice never moves it, nor makes the page scroll on a scaled desktop.

It sets sizes and stretch factors as the page is resized, before its layout places anything, so
the page is laid out once, by Qt, at the new height: no second layout of each column.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractScrollArea, QBoxLayout, QWidget

from app.ui.widgets.invoice_field import InvoiceField
from app.ui.widgets.member_card import MemberCard
from app.ui.widgets.reward_cart import RewardCart


def height_in(layout: QBoxLayout, widget: QWidget, width: int) -> int:
    """How tall ``layout`` makes ``widget`` (a banner) at ``width`` pixels, 0 while hidden: what
    it takes from the page above it."""
    item = layout.itemAt(layout.indexOf(widget))
    if item is None or item.isEmpty():
        return 0
    if item.hasHeightForWidth():
        return item.heightForWidth(width)
    return item.sizeHint().height()


class BannerRoom(QObject):
    """Lends the banners their height from the cashier's ``page``.

    ``banners_height(width)`` is their height now at ``width`` pixels, the window's content's
    width (``across``). ``page_layout`` holds the columns side by side (its bottom margin gives
    first); ``cart`` gives from its list; in ``right`` (the right column), ``result`` keeps the
    height it has without the banners and ``shift_list`` gives. The left column (``left``) gives
    from the room under the invoice by itself, that room being the only thing there that
    stretches, and then from the room ``card`` keeps beyond its words; ``invoice`` is under it.

    The window keeps it (no Qt parent), and it keeps nothing of the window itself: a Qt child
    holding a way back to its window would keep every window ever built alive (Python's
    collector does not see the references Qt's ownership makes).
    """

    def __init__(
        self,
        page: QWidget,
        banners_height: Callable[[int], int],
        *,
        across: QWidget,
        page_layout: QBoxLayout,
        cart: RewardCart,
        right: QBoxLayout,
        result: QWidget,
        shift_list: QWidget,
        left: QBoxLayout,
        card: MemberCard,
        invoice: InvoiceField,
        shown: QAbstractScrollArea,
    ) -> None:
        super().__init__()
        self._page = page
        self._banners_height = banners_height
        self._across = across
        self._page_layout = page_layout
        self._margin = page_layout.contentsMargins().bottom()
        self._cart = cart
        self._right = right
        self._result = result
        self._shift_list = shift_list
        self._result_share = right.stretch(right.indexOf(result))
        self._list_share = right.stretch(right.indexOf(shift_list))
        self._left = left
        self._card = card
        self._invoice = invoice
        self._shown = shown
        page.installEventFilter(self)
        # A window made shorter leaves a page that scrolls as tall as it was: the room is said
        # again from the screen's, before the page is fitted to it.
        shown.installEventFilter(self)
        # A line under the invoice (or the search's message) coming or going: the card's room
        # is said again before the column is laid out anew.
        column = left.parentWidget()
        assert column is not None
        column.installEventFilter(self)

    def lent(self) -> int:
        """The banners' height now, at the window's width."""
        return self._banners_height(self._across.width())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Before the page's layout handles the same resize (an event filter runs first): the
        # sizes set here are the ones it lays out with.
        if watched is self._page and event.type() == QEvent.Type.Resize:
            self._lend(self.lent())
        elif event.type() == (
            QEvent.Type.Resize if watched is self._shown else QEvent.Type.LayoutRequest
        ):
            # The screen's room changed (the page may stay as tall, scrolling), or a line in
            # the member column came or went.
            self._keep_card_room(self.lent())
        return False

    def _lend(self, lent: int) -> None:
        margins = self._page_layout.contentsMargins()
        from_margin = min(lent, self._margin)
        if margins.bottom() != self._margin - from_margin:
            margins.setBottom(self._margin - from_margin)
            self._page_layout.setContentsMargins(margins)
        rest = lent - from_margin
        self._cart.give_height(rest)
        # The columns' height without the banners (the page is already as short as they make it).
        column = self._page.height() + lent - margins.top() - self._margin
        self._keep_card_room(lent)
        self._hold_result(column, rest)

    def _keep_card_room(self, lent: int) -> None:
        """Let the card keep what the left column leaves beside the search and the invoice, in
        the height the screen shows of the page (``shown``; a page taller than that scrolls):
        with both the invoice's lines without the banners (they come as the cashier types),
        and with what is there now under the banners (``lent``: the room they take gives
        first)."""
        shown = self._shown.maximumViewportSize().height()
        top = self._page_layout.contentsMargins().top()
        now = shown - top - self._page_layout.contentsMargins().bottom()
        column = shown + lent - top - self._margin
        width = self._column_width()
        fullest = column - self._beside_card(width, fullest=True)
        self._card.set_most(min(fullest, now - self._beside_card(width)), width)

    def _column_width(self) -> int:
        # As the page's columns decided it (SideColumn: its widest), which may be before the
        # column is laid out at it.
        column = self._left.parentWidget()
        assert column is not None
        return min(column.maximumWidth(), max(column.width(), column.minimumSizeHint().width()))

    def _beside_card(self, width: int, *, fullest: bool = False) -> int:
        """The height of the left column's other parts and its spacing; ``fullest``: with both
        lines under the invoice."""
        left = self._left
        total, parts = 0, 0
        for index in range(left.count()):
            item = left.itemAt(index)
            if item is None or item.isEmpty():
                continue
            parts += 1
            widget = item.widget()
            if widget is self._card or left.stretch(index):
                continue  # the card itself, and the room under the invoice that gives
            if fullest and widget is self._invoice:
                total += self._invoice.fullest_height(width)
            elif item.hasHeightForWidth():
                total += item.heightForWidth(width)
            else:
                total += item.sizeHint().height()
        return total + left.spacing() * max(0, parts - 1)

    def _hold_result(self, column: int, lent: int) -> None:
        """Share the right column, ``column`` pixels tall without the banners and ``lent``
        shorter now, so that the result is as tall as without them and the shift's list gives
        their height: stretch factors in pixels, the result's height and the list's, which Qt's
        layout gives exactly while the list can go that short."""
        right = self._right
        fixed = sum(self._fixed_heights()) + right.spacing() * max(0, self._visible_items() - 1)
        shared = column - fixed
        if shared <= 0 or lent <= 0:
            self._set_shares(self._result_share, self._list_share)
            return
        # Rounded as Qt rounds a share (qGeomCalc: to the nearest, halves up).
        shares = self._result_share + self._list_share
        result = (2 * shared * self._result_share + shares) // (2 * shares)
        self._set_shares(result, max(1, shared - lent - result))

    def _set_shares(self, result: int, shift_list: int) -> None:
        right = self._right
        right.setStretch(right.indexOf(self._result), result)
        right.setStretch(right.indexOf(self._shift_list), shift_list)

    def _fixed_heights(self) -> Iterable[int]:
        right = self._right
        for index in range(right.count()):
            item = right.itemAt(index)
            if item is None or item.isEmpty() or right.stretch(index):
                continue
            yield item.sizeHint().height()

    def _visible_items(self) -> int:
        right = self._right
        return sum(
            1
            for index in range(right.count())
            if (item := right.itemAt(index)) and not item.isEmpty()
        )
