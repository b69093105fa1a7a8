"""The cart: several rewards redeemed together as one all-or-nothing redemption."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.services import format_count
from app.ui import shortcuts
from app.ui.viewmodels import CartLine
from app.ui.widgets.properties import set_style_property

#: The list's height: three lines, or two on a narrow page.
WIDE_LIST_HEIGHT = 124
NARROW_LIST_HEIGHT = 84
#: Its least, while a banner across the window takes room from the page: one line, the rest a
#: scroll away.
ONE_LINE_HEIGHT = 44


@dataclass
class _Line:
    reward_id: Hashable
    name: str
    qty: int
    stamps_each: int
    flexible_stamps: int | None

    @property
    def cost(self) -> int:
        # A flexible reward costs the stamps the member chose; a fixed one qty × its price.
        if self.flexible_stamps is not None:
            return self.flexible_stamps
        return self.qty * self.stamps_each


class RewardCart(QWidget):
    """Lines of (reward, quantity, stamps), the total, and "Redeem cart".

    ``cart_submitted`` carries ``list[(reward id, qty, stamps | None)]``. When the member's
    stamps are known (``set_available_stamps``) a cart that costs more cannot be submitted.
    """

    cart_submitted = Signal(list)
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines: list[_Line] = []
        self._available: int | None = None
        self._busy = False

        title = QLabel(self.tr("Cart"))
        title.setProperty("role", "heading")
        self.list = QListWidget()
        self.list.setObjectName("cartList")
        self.list.setAccessibleName(self.tr("Cart"))
        # Room for three lines: the grid above needs the height more than an empty cart does.
        # Fewer while a banner across the window takes its height from the page (give_height):
        # the list scrolls, where the tiles and "Redeem now" above it would have moved.
        self._list_height = WIDE_LIST_HEIGHT
        self._given = 0
        self._lent = 0  # to the picked reward's name, on its line above the cart
        self.list.setFixedHeight(WIDE_LIST_HEIGHT)
        # A line wraps at the list's width: at 1024 px "Donasi Stamps untuk Panti Asuhan — 1
        # stamp" ran under a sideways scroll bar, its stamps out of sight.
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)

        self.total_label = QLabel()
        self.total_label.setObjectName("cartTotal")
        self._total_text = ""
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("cartRemove")
        self.remove_button.clicked.connect(self.remove_selected)
        # Delete on a picked line removes it as "Remove" does (its handlers after it too): Tab to
        # the button and Space was the only way, and Delete there did nothing (seen under X).
        remove_line = QShortcut(shortcuts.REMOVE_FROM_CART, self.list)
        remove_line.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_line.activated.connect(self._remove_by_key)
        self.redeem_button = QPushButton(self.tr("Redeem cart (F9)"))
        self.redeem_button.setObjectName("cartRedeem")
        self.redeem_button.setProperty("role", "primary")
        self.redeem_button.clicked.connect(self.submit)

        # The total beside the buttons; on a narrow page beside the title (set_narrow).
        self._header = QHBoxLayout()
        self._header.addWidget(title)
        self._footer = QHBoxLayout()
        self._footer.addWidget(self.total_label, 1)
        self._footer.addWidget(self.remove_button)
        self._footer.addWidget(self.redeem_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(self._header)
        layout.addWidget(self.list)
        layout.addLayout(self._footer)
        self._refresh()

    # -- public API --------------------------------------------------------------------------

    def add(
        self,
        reward_id: Hashable,
        name: str,
        qty: int,
        stamps_each: int,
        flexible_stamps: int | None = None,
    ) -> None:
        """Add a line; a fixed reward already in the cart gets its quantity raised instead."""
        if flexible_stamps is None:
            for line in self._lines:
                if line.reward_id == reward_id and line.flexible_stamps is None:
                    line.qty += qty
                    self._refresh()
                    return
        self._lines.append(_Line(reward_id, name, qty, stamps_each, flexible_stamps))
        self._refresh()

    def _remove_by_key(self) -> None:
        if self.remove_button.isEnabled():
            self.remove_button.click()

    def remove_selected(self) -> None:
        """Drop the selected line."""
        row = self.list.currentRow()
        if 0 <= row < len(self._lines):
            del self._lines[row]
            self._refresh()

    def clear(self) -> None:
        """Empty the cart."""
        self._lines.clear()
        self._refresh()

    def set_available_stamps(self, stamps: int | None) -> None:
        """The member's (possibly projected) stamps; ``None`` when no member is on screen."""
        self._available = stamps
        self._refresh()

    def set_busy(self, busy: bool) -> None:
        """A redemption is under way: "Redeem cart" greys until its result is in (pressed, it
        did nothing, yet stayed lit)."""
        self._busy = busy
        self.redeem_button.setEnabled(self.can_submit() and not busy)

    def set_tight(self, tight: bool) -> None:
        """On a tight page (819 px: 1024×768 at a desktop scale of 125%) "Remove" gives up some
        of its padding (till.qss): beside it "Tukar keranjang (F9)" was 4 px short of its words."""
        set_style_property(self.remove_button, "tight", "true" if tight else "false")

    def set_narrow(self, narrow: bool) -> None:
        """On a narrow page (two tiles a row, the selection on two lines) the total goes up
        beside the title, the buttons share the line below the list, and the list shows two
        lines: the grid keeps room for its tiles. Else the till's wide arrangement."""
        if narrow == (self._header.indexOf(self.total_label) >= 0):
            return
        (self._footer if narrow else self._header).removeWidget(self.total_label)
        if narrow:
            self._header.addWidget(self.total_label, 1, Qt.AlignmentFlag.AlignRight)
        else:
            self._footer.insertWidget(0, self.total_label, 1)
        for button in (self.remove_button, self.redeem_button):
            self._footer.setStretchFactor(button, 1 if narrow else 0)
        self._list_height = NARROW_LIST_HEIGHT if narrow else WIDE_LIST_HEIGHT
        self.give_height(self._given)
        self._fit_total()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_total()

    def _fit_total(self) -> None:
        """The total on one line where its row has room for it; over the member's balance and
        wider than that, the member's part on a second line: "Total 375 stamps — m" was cut
        beside the buttons at 1366×768, and the cashier must read what the member has. Two
        lines of the total's type are no taller than the buttons beside it."""
        text = self._total_text
        label = self.total_label
        label.ensurePolished()  # the style sheet's size and bold
        if " — " in text and label.fontMetrics().horizontalAdvance(text) > self._total_room():
            text = text.replace(" — ", "\n", 1)
        if label.text() != text:
            label.setText(text)

    def _total_room(self) -> int:
        """The width the total's row leaves it: the cart's, less what else is on that row."""
        row = self._header if self._header.indexOf(self.total_label) >= 0 else self._footer
        others = [
            item.widget()
            for index in range(row.count())
            if (item := row.itemAt(index)) is not None and item.widget() is not self.total_label
        ]
        beside = [widget for widget in others if widget is not None and not widget.isHidden()]
        taken = sum(widget.sizeHint().width() for widget in beside)
        return self.width() - taken - row.spacing() * len(beside)

    def give_height(self, pixels: int) -> int:
        """Make the list up to ``pixels`` shorter than its usual height, down to one line (0:
        its usual height again); returns how much it gave."""
        self._given = max(0, pixels)
        return self._fit_list()

    def lend_height(self, pixels: int) -> None:
        """Make the list ``pixels`` shorter still (down to one line) while a line above the
        cart takes them (0: no more): what is above that line stays where it was."""
        self._lent = max(0, pixels)
        self._fit_list()

    def _fit_list(self) -> int:
        given = min(self._given, self._list_height - ONE_LINE_HEIGHT)
        lent = min(self._lent, self._list_height - ONE_LINE_HEIGHT - given)
        self.list.setFixedHeight(self._list_height - given - lent)
        return given

    def lines(self) -> list[CartLine]:
        """The cart as ``(reward id, qty, stamps | None)`` tuples."""
        return [(line.reward_id, line.qty, line.flexible_stamps) for line in self._lines]

    def total(self) -> int:
        """The stamps the whole cart costs."""
        return sum(line.cost for line in self._lines)

    def can_submit(self) -> bool:
        """Whether "Redeem cart" would do anything."""
        return bool(self._lines) and not self._over_balance()

    def submit(self) -> None:
        """Emit ``cart_submitted`` with the lines (no-op when empty or over the balance).

        The cart is kept: the controller clears it once the redemption is accepted, so a refusal
        leaves the cashier's work on screen.
        """
        if self.can_submit():
            self.cart_submitted.emit(self.lines())

    # -- view --------------------------------------------------------------------------------

    def _over_balance(self) -> bool:
        # An empty cart is over nothing: beside a balance below zero it read, in red,
        # "Total 0 stamps — member has -5".
        return bool(self._lines) and self._available is not None and self.total() > self._available

    def _refresh(self) -> None:
        self.list.clear()
        for line in self._lines:
            if line.flexible_stamps is not None:
                text = _unit_held(
                    self.tr("{name} — {stamps} stamp")
                    if line.flexible_stamps == 1
                    else self.tr("{name} — {stamps} stamps")
                ).format(name=line.name, stamps=format_count(line.flexible_stamps))
            else:
                text = _unit_held(
                    self.tr("{qty} × {name} — {stamps} stamp")
                    if line.cost == 1
                    else self.tr("{qty} × {name} — {stamps} stamps")
                ).format(qty=line.qty, name=line.name, stamps=format_count(line.cost))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, line.reward_id)
            self.list.addItem(item)
        total = self.total()
        if self._over_balance() and self._available is not None:
            text = (
                self.tr("Total {total} stamp — member has {available}")
                if total == 1
                else self.tr("Total {total} stamps — member has {available}")
            ).format(total=format_count(total), available=format_count(self._available))
        elif total == 1:
            text = self.tr("Total {total} stamp").format(total=format_count(total))
        else:
            text = self.tr("Total {total} stamps").format(total=format_count(total))
        self._total_text = text
        set_style_property(self.total_label, "over", "true" if self._over_balance() else "false")
        self._fit_total()
        self.redeem_button.setEnabled(self.can_submit() and not self._busy)
        self.remove_button.setEnabled(bool(self._lines))
        self.changed.emit()


def _unit_held(line: str) -> str:
    """A cart line's words with a no-break space between the stamps and their unit, as "Rp"
    has with its amount (``amounts_whole``): a wrapped line ended on "1" with "stamp" alone on
    the next. For the screen only; a translation that puts no space there is left as it is."""
    return line.replace("{stamps} ", "{stamps}\u00a0")
