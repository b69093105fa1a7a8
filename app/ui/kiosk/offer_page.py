"""The member's screen: their first name, their stamps, the rewards they can afford as large
tiles (a page of them at a time: no scrolling on a touch screen); and the question before
anything is redeemed."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.core.services import format_count
from app.ui.kiosk.pages import KioskPage, button, density, label
from app.ui.plain_text import amounts_whole, short_words, wrappable

#: Tiles on one page of rewards (three rows of two standing, two rows of three lying).
TILES_PER_PAGE = 6
#: A tile's least size; it grows to share the room the screen has (a short screen's less).
TILE_SIZE = {
    "roomy": QSize(280, 180),
    "compact": QSize(240, 132),
    "short": QSize(240, 132),
}


@dataclass(frozen=True)
class TileData:
    """A reward the member can afford, as its tile shows it."""

    id: int
    name: str
    stamps: int


class KioskRewardsPage(KioskPage):
    """Hello, the balance, and a page of reward tiles. ``picked(reward_id)`` on a tile,
    ``done()`` on "Done", ``turned()`` once "More rewards" or "Previous" put other tiles up."""

    picked = Signal(int)
    done = Signal()
    turned = Signal()

    def __init__(self) -> None:
        super().__init__("kioskRewards")
        self.hello = label("kioskHello", "kioskTitle")
        self.balance = label("kioskBalance", "kioskHeading")
        self.empty = label("kioskNoRewards")
        # Rewards the server listed that the till could not read: the customer may afford one
        # not shown, and the counter's tab says how many (short words here, for a customer).
        self.unread = label("kioskRewardsUnread", "kioskWarning")
        self.unread.hide()
        self.grid_holder = QWidget()
        self.grid = QGridLayout(self.grid_holder)
        self.grid.setSpacing(24)
        self.previous = button("kioskRewardsPrevious")
        self.more = button("kioskRewardsMore")
        self.previous.clicked.connect(lambda: self._turn(-1))
        self.more.clicked.connect(lambda: self._turn(1))
        paging = QHBoxLayout()
        paging.setSpacing(24)
        paging.addWidget(self.previous)
        paging.addWidget(self.more)
        self.done_button = button("kioskRewardsDone")
        self.done_button.clicked.connect(self.done)
        self.column.addWidget(self.hello)
        self.column.addWidget(self.balance)
        self.column.addWidget(self.empty)
        self.column.addWidget(self.unread)
        self.column.addWidget(self.grid_holder, 1)
        self.column.addLayout(paging)
        self.column.addWidget(self.done_button)
        self._tiles: list[TileData] = []
        self._some_unread = False
        self._short_of_stamps = False
        self._page = 0
        self._columns = 2
        self._tile_size = TILE_SIZE["roomy"]
        self.retranslate()

    def retranslate(self) -> None:
        self._say_why_empty()
        self.unread.setText(self.tr("Some rewards could not be shown. Ask at the counter."))
        self.previous.setText(self.tr("Previous"))
        self.more.setText(self.tr("More rewards"))
        self.done_button.setText(self.tr("Done"))

    def _say_why_empty(self) -> None:
        # A store that lists no reward the kiosk can offer: more stamps would not get one.
        self.empty.setText(
            self.tr("You cannot redeem a reward here yet. Collect more stamps!")
            if self._short_of_stamps
            else self.tr("No reward can be redeemed at this kiosk. Please ask at the counter.")
        )

    def show_member(
        self,
        first_name: str,
        stamps: int,
        tiles: list[TileData],
        *,
        some_unread: bool = False,
        short_of_stamps: bool = False,
    ) -> None:
        """Show the member's first name, their stamps and the first page of their tiles;
        ``some_unread`` when the server listed rewards the till could not read;
        ``short_of_stamps`` when more stamps would get the member a reward not shown."""
        self.hello.setText(
            self.tr("Hi, {name}!").format(name=wrappable(first_name))
            if first_name
            else self.tr("Hi!")  # the server gave no name: nothing else of theirs is shown
        )
        self.balance.setText(
            (
                self.tr("You have {count} stamp")
                if stamps == 1
                else self.tr("You have {count} stamps")
            ).format(count=format_count(stamps))
        )
        self._tiles = list(tiles)
        self._some_unread = some_unread
        self._short_of_stamps = short_of_stamps
        self._say_why_empty()
        self._page = 0
        self._lay_out()

    def clear(self) -> None:
        """Forget the member: no name, no balance, no tiles."""
        self.hello.clear()
        self.balance.clear()
        self._tiles = []
        self._some_unread = False
        self._page = 0
        self._lay_out()

    def tiles(self) -> list[QPushButton]:
        """The tiles on screen, in order."""
        found = []
        for index in range(self.grid.count()):
            item = self.grid.itemAt(index)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QPushButton):
                found.append(widget)
        return found

    def fit(self, size: QSize) -> None:
        super().fit(size)
        self.grid.setSpacing(self.column.spacing())
        self._tile_size = TILE_SIZE[density(size)]
        for tile in self.tiles():
            tile.setMinimumSize(self._tile_size)

    def resizeEvent(self, event: QResizeEvent) -> None:
        columns = 3 if event.size().width() > event.size().height() else 2
        if columns != self._columns:
            self._columns = columns
            self._lay_out()
        super().resizeEvent(event)

    def _turn(self, step: int) -> None:
        pages = max(1, -(-len(self._tiles) // TILES_PER_PAGE))
        page = max(0, min(pages - 1, self._page + step))
        if page == self._page:
            return
        self._page = page
        self._lay_out()
        self.turned.emit()

    def _lay_out(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                # Off screen now: deleteLater alone would leave it painted until the loop runs.
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        start = self._page * TILES_PER_PAGE
        shown = self._tiles[start : start + TILES_PER_PAGE]
        for index, tile in enumerate(shown):
            self.grid.addWidget(self._tile(tile), index // self._columns, index % self._columns)
        member = bool(self.hello.text())
        # "Collect more stamps!" is not true of a customer who may afford a reward not shown
        self.empty.setVisible(not self._tiles and member and not self._some_unread)
        self.unread.setVisible(member and self._some_unread)
        self.previous.setVisible(self._page > 0)
        self.more.setVisible(start + TILES_PER_PAGE < len(self._tiles))

    def _tile(self, tile: TileData) -> QPushButton:
        # The words are labels inside the button, so a long reward name wraps instead of being
        # cut at both ends; the button alone takes the touch.
        pushed = QPushButton()
        said = (
            self.tr("{name}\n{count} stamp")
            if tile.stamps == 1
            else self.tr("{name}\n{count} stamps")
        )
        # "Rp" held to its amount: Ayu's tile read "Voucher Diskon Rp" over "25.000"
        shown = wrappable(amounts_whole(tile.name))
        words = said.format(name=shown, count=format_count(tile.stamps))
        spoken = said.format(name=short_words(tile.name), count=format_count(tile.stamps))
        pushed.setAccessibleName(spoken.replace("\n", ", "))
        inside = QVBoxLayout(pushed)
        inside.setContentsMargins(16, 16, 16, 16)
        for line, role in zip(
            words.split("\n", 1), ("kioskTileName", "kioskTileCost"), strict=False
        ):
            text = label(f"{role}{tile.id}", role)
            text.setText(line)
            text.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            inside.addWidget(text)
        pushed.setObjectName(f"kioskTile{tile.id}")
        pushed.setProperty("role", "kioskTile")
        pushed.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        pushed.setAutoDefault(False)
        pushed.setMinimumSize(self._tile_size)
        pushed.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        pushed.clicked.connect(lambda: self.picked.emit(tile.id))
        return pushed


class KioskConfirmPage(KioskPage):
    """ "Redeem Es Kopi Susu for 20 stamps?" ``confirmed()`` on yes, ``back()`` on no."""

    confirmed = Signal()
    back = Signal()

    def __init__(self) -> None:
        super().__init__("kioskConfirm")
        self.question = label("kioskConfirmQuestion", "kioskHeading")
        self.yes = button("kioskConfirmYes", "kioskPrimary")
        self.no = button("kioskConfirmNo")
        self.yes.clicked.connect(self.confirmed)
        self.no.clicked.connect(self.back)
        self.column.addStretch(1)
        self.column.addWidget(self.question)
        self.column.addStretch(1)
        self.column.addWidget(self.yes)
        self.column.addWidget(self.no)
        self.retranslate()

    def retranslate(self) -> None:
        self.yes.setText(self.tr("Yes, redeem"))
        self.no.setText(self.tr("No, go back"))

    def ask(self, name: str, stamps: int) -> None:
        """Ask before redeeming ``name`` for ``stamps`` ("Rp" held to its amount, as on the
        tile: the question read "Voucher Diskon Rp" over "25.000 for 50 stamps?")."""
        self.question.setText(
            (
                self.tr("Redeem {name} for {count} stamp?")
                if stamps == 1
                else self.tr("Redeem {name} for {count} stamps?")
            ).format(name=wrappable(amounts_whole(name)), count=format_count(stamps))
        )
        self.yes.setEnabled(True)

    def clear(self) -> None:
        """Forget the question."""
        self.question.clear()
