"""Starting a shift: the cashier picks their name and types their PIN when their account has one.
The same page is the till's lock screen after it sat idle (the shift carries on after it)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.ui.resources import icon
from app.ui.widgets.numpad import NumpadDigits
from app.ui.widgets.pin_field_guard import EXEMPT_PROPERTY

#: More than any PIN on purpose, as the manager's PIN field takes: the till's own check says "Not
#: a PIN" (not counted as a wrong one). At 8, a ninth digit typed or pasted was dropped without a
#: word and the cashier was signed in on the first eight.
PIN_INPUT_MAX = 64


#: The card's width in one column (twice that side by side), its margins and spacing.
CARD_WIDTH = 460
CARD_MARGINS = (28, 24, 28, 24)
CARD_SPACING = 10
#: The room over "Who are you?", apart from the store's line.
GAP_OVER_LIST = 8


#: Rows the cashier list never shrinks below (fewer cashiers, as many as there are): the one
#: picked and a name either side of it. Under a PIN field and a refusal it shrank to a row and a
#: half, and Agus scrolled out of sight above Rina's "Wrong PIN".
ROWS_IN_SIGHT = 3


class CashierList(QListWidget):
    """The cashiers to pick from, never fewer than :data:`ROWS_IN_SIGHT` rows tall; the one
    picked stays in sight, its neighbours with it, as the list gets shorter. ``pin_field``,
    while the cashier picked has a PIN: a digit typed on the list goes there."""

    pin_field: QLineEdit | None = None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentRowChanged.connect(lambda _row: self._keep_in_sight())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        rows = range(min(self.count(), ROWS_IN_SIGHT))
        tall = sum(self.sizeHintForRow(row) for row in rows) + 2 * self.frameWidth()
        return QSize(hint.width(), max(hint.height(), tall))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Down to Rina, then her PIN: the digits went to the list's own search and were lost,
        # and Enter then asked for the PIN she had typed (seen under Xvfb).
        text = event.text()
        if self.pin_field is not None and len(text) == 1 and text.isdecimal():
            self.pin_field.setFocus()
            self.pin_field.insert(text)
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The PIN field, the lock's note and a refusal come in under the list and take its
        # height: the cashier picked, whose PIN is asked, went out of sight below them.
        self._keep_in_sight()

    def _keep_in_sight(self) -> None:
        picked = self.currentItem()
        if picked is not None:
            # In the middle where the list scrolls: its neighbours in sight, not cut off.
            self.scrollToItem(picked, QListWidget.ScrollHint.PositionAtCenter)


class SignInView(QWidget):
    """Pick list of cashier names, a PIN field for an account that has a PIN, "Start shift".

    Emits ``sign_in_requested(name, pin)`` (``pin`` is ``""`` for an account without one) and
    wipes the PIN field at once; ``show_error`` reports a refusal (a wrong PIN, a lockout).
    ``manager_requested`` is the "Manager mode (F8)" button: with no cashier account yet, that is
    where a manager adds them.
    """

    sign_in_requested = Signal(str, str)
    manager_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInPage")

        self.logo = logo = QLabel()
        logo.setObjectName("signInLogo")
        logo.setPixmap(icon("app").pixmap(72, 72))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(self.tr("Start your shift"))
        self.title.setObjectName("signInTitle")
        self.title.setProperty("role", "title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        # None until the first list is read: an empty first list, compared with an empty {},
        # read "as it was" and never said "No cashier accounts yet" on a new till's first start.
        self._pins: dict[str, bool] | None = None
        self._all_need_pin = False
        # Whose shifts are open on this till (a restart, the lock): signing in carries one on.
        self._open_shifts: frozenset[str] = frozenset()
        # Who locked the till, and how (idle or F12), while this page is the lock.
        self._locked: tuple[str, bool] | None = None
        self.store_label = QLabel()
        self.store_label.setObjectName("signInStore")
        self.store_label.setProperty("role", "muted")
        self.store_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        pick = QLabel(self.tr("Who are you?"))
        pick.setProperty("role", "heading")
        self.cashiers = CashierList()
        self.cashiers.setObjectName("cashierList")
        self.cashiers.setAccessibleName(self.tr("Cashiers"))
        pick.setBuddy(self.cashiers)

        self.pin_label = QLabel(self.tr("Your PIN"))
        self.pin_label.setProperty("role", "heading")
        self.pin_field = QLineEdit()
        self.pin_field.setObjectName("cashierPin")
        self.pin_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_field.setMaxLength(PIN_INPUT_MAX)
        self.pin_field.setAccessibleName(self.tr("Cashier PIN"))
        self.pin_field.setProperty(EXEMPT_PROPERTY, True)
        NumpadDigits(self.pin_field)
        self.pin_label.setBuddy(self.pin_field)

        self.note = QLabel()
        self.note.setObjectName("signInNote")
        self.note.setProperty("role", "muted")
        self.note.setWordWrap(True)
        self.note.hide()

        self.error = QLabel()
        self.error.setObjectName("signInError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()

        self.empty = QLabel(
            self.tr("No cashier accounts yet: a manager adds them in manager mode (F8).")
        )
        self.empty.setObjectName("signInEmpty")
        self.empty.setProperty("role", "muted")
        self.empty.setWordWrap(True)
        self.empty.hide()

        self.unread = QLabel()
        self.unread.setObjectName("signInCashiersUnread")
        self.unread.setProperty("role", "error")
        self.unread.setWordWrap(True)
        self.unread.hide()

        self.start_button = QPushButton(self.tr("Start shift"))
        self.start_button.setObjectName("signInStart")
        self.start_button.setProperty("role", "primary")
        self.start_button.clicked.connect(self.submit)
        self.pin_field.returnPressed.connect(self.submit)
        self.cashiers.itemActivated.connect(lambda _item: self._after_pick())
        self.cashiers.currentRowChanged.connect(lambda _row: self._refresh())
        self.manager_button = QPushButton(self.tr("Manager mode (F8)"))
        self.manager_button.setObjectName("signInManager")
        self.manager_button.clicked.connect(self.manager_requested)

        # Who signs in (the list), then how (the PIN, the words, the buttons): one under the
        # other, or side by side where the page is too short to hold them all with the logo.
        self._heading = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._heading.setSpacing(CARD_SPACING)
        self._heading.addWidget(logo)
        self._heading.addWidget(self.title, 1)
        who = QVBoxLayout()
        who.setSpacing(CARD_SPACING)
        who.addLayout(self._heading)
        who.addWidget(self.store_label)
        who.addSpacing(GAP_OVER_LIST)
        who.addWidget(pick)
        who.addWidget(self.cashiers, 1)
        who.addWidget(self.empty)
        who.addWidget(self.unread)
        how = QVBoxLayout()
        how.setSpacing(CARD_SPACING)
        how.addWidget(self.pin_label)
        how.addWidget(self.pin_field)
        how.addWidget(self.note)
        how.addWidget(self.error)
        how.addStretch(0)  # side by side, the buttons at the foot of the list
        how.addWidget(self.start_button)
        how.addWidget(self.manager_button)

        self._card = card = QFrame()
        card.setProperty("role", "card")
        card.setFixedWidth(CARD_WIDTH)
        self._columns = QBoxLayout(QBoxLayout.Direction.TopToBottom, card)
        self._columns.setContentsMargins(*CARD_MARGINS)
        self._columns.setSpacing(CARD_SPACING)
        self._columns.addLayout(who, 1)
        self._columns.addLayout(how)
        self._side_by_side = False

        self._page_layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(card, 1, Qt.AlignmentFlag.AlignHCenter)
        # The card's words and fields change what it needs (a refusal, the lock's note): the
        # card turns to two columns, or back, as they do.
        card.installEventFilter(self)
        self.set_pin_required(False)

    def set_cashiers(self, names: list[str]) -> None:
        """The cashiers of this store, in the order to show."""
        self.set_accounts([(name, False) for name in names])

    def set_accounts(self, accounts: list[tuple[str, bool]]) -> None:
        """The cashiers who can sign in, in the order to show, each with whether their account
        has a PIN (the PIN field shows for those). The name picked before stays picked, and
        the keyboard where it was: the list is read again after each refusal, and a wrong PIN
        left the cursor nowhere, the next PIN typed into nothing."""
        if (
            self._pins is not None
            and list(self._pins.items()) == list(accounts)
            and self.cashiers.count() == len(accounts)
        ):
            return  # as it was: nothing to move under the cashier's fingers
        typing = self.pin_field.hasFocus()
        picked = self.cashiers.currentItem()
        before = picked.text() if picked is not None else None
        self._pins = dict(accounts)
        self.cashiers.clear()
        self.cashiers.addItems([name for name, _ in accounts])
        self.cashiers.updateGeometry()  # its rows in sight are counted again
        self.empty.setVisible(not accounts)
        if accounts:
            self.cashiers.setCurrentRow(0)
            if before is not None:
                self.select_cashier(before)
        self._refresh()
        if typing:
            (self.pin_field if self.pin_shown() else self.cashiers).setFocus()

    def set_cashiers_unread(self, why: str) -> None:
        """Say that the store's ``cashiers.txt`` was not read, and ``why``: a page that only
        said "No cashier accounts yet" left the manager guessing at a file they had written."""
        self.unread.setText(
            self.tr(
                "{why}. The cashiers it names were not added: fix the file, then start the till "
                "again."
            ).format(why=why)
        )
        self.unread.show()

    def set_locked(self, cashier: str | None, *, idle: bool = True) -> None:
        """The lock screen (``cashier`` whose shift carries on) after the till sat idle, or
        locked by hand (``idle`` false: F12), or the start of a shift again (``None``)."""
        self._locked = None if cashier is None else (cashier, idle)
        if cashier is None:
            self.title.setText(self.tr("Start your shift"))
            return
        self.title.setText(self.tr("The till is locked"))
        self.set_open_shifts([*self._open_shifts, cashier])
        self.select_cashier(cashier)
        if idle:
            note = self.tr("It locked after sitting idle. {cashier}'s shift carries on: sign in.")
        else:
            note = self.tr("{cashier} locked the till. Their shift carries on: sign in.")
        self.set_note(note.format(cashier=cashier))

    def set_open_shifts(self, cashiers: Iterable[str]) -> None:
        """The cashiers whose shift is open on this till: the button says it continues theirs."""
        self._open_shifts = frozenset(name.casefold() for name in cashiers)
        self._refresh()

    def renamed(self, old: str, new: str) -> None:
        """A manager renamed ``old`` ``new``: their open shift, and the lock if it is theirs,
        go by the new name (the lock read "Rina locked the till" and offered Rina Wulan a
        shift to start)."""
        self.set_open_shifts(new if n == old.casefold() else n for n in self._open_shifts)
        if self._locked is not None and self._locked[0].casefold() == old.casefold():
            self.set_locked(new, idle=self._locked[1])

    def shift_closed(self, cashier: str) -> None:
        """``cashier``'s shift is closed: signing in starts a new one (others' carry on). The
        lock was theirs, it is no longer a lock (disabled from the lock page's F8, the page
        still read "The till is locked" over nobody's shift)."""
        self.set_open_shifts(name for name in self._open_shifts if name != cashier.casefold())
        if self._locked is not None and self._locked[0].casefold() == cashier.casefold():
            self.set_locked(None)

    def continues_shift(self) -> bool:
        """Whether signing in as the picked cashier carries on their open shift."""
        item = self.cashiers.currentItem()
        return item is not None and item.text().casefold() in self._open_shifts

    def select_cashier(self, name: str) -> None:
        """Pick ``name`` in the list (the cashier whose shift is still open)."""
        for row in range(self.cashiers.count()):
            if self.cashiers.item(row).text() == name:
                self.cashiers.setCurrentRow(row)
                return

    def set_note(self, text: str) -> None:
        """A line above the button (a shift still open after a restart); ``""`` hides it."""
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def set_store(self, text: str) -> None:
        """The store (and terminal) line under the title."""
        self.store_label.setText(text)

    def set_pin_required(self, required: bool) -> None:
        """Show the PIN field whoever is picked (a store where every cashier has a PIN)."""
        self._all_need_pin = required
        self._refresh()

    def pin_shown(self) -> bool:
        """Whether the picked cashier signs in with a PIN."""
        item = self.cashiers.currentItem()
        return self._all_need_pin or (
            item is not None and (self._pins or {}).get(item.text(), False)
        )

    def show_error(self, message: str) -> None:
        """Say why signing in failed (wrong PIN, locked out…)."""
        self.error.setText(message)
        self.error.show()

    def say_scan_not_read(self) -> None:
        """A card was scanned here (or while the till was starting): no shift is open to take
        it."""
        self.show_error(self.tr("Card not read: sign in first, then scan it again."))

    def submit(self) -> None:
        """Emit ``sign_in_requested`` for the picked cashier, then wipe the PIN field."""
        item = self.cashiers.currentItem()
        if item is None:
            return
        pin = self.pin_field.text() if not self.pin_field.isHidden() else ""
        self.pin_field.clear()
        self.error.hide()
        self.sign_in_requested.emit(item.text(), pin)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and "_page_layout" in self.__dict__:
            self._arrange()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """The card in one column where the page holds it whole, logo and all; else the list
        beside the PIN, the words and the buttons. In one column a refusal's four lines under
        a storage banner at 1024×600 put the logo, then "Start shift", out of sight (the page
        scrolled); the logo used to give way, and the till's page lost its face."""
        area = next(
            (a for a in _ancestors(self) if isinstance(a, QScrollArea)),
            None,
        )
        room = area.viewport().height() if area is not None else self.height()
        self._set_side_by_side(self._one_column_height() > room)

    def _one_column_height(self) -> int:
        """The page's height with the card in one column, as its words are now."""
        width = CARD_WIDTH - CARD_MARGINS[0] - CARD_MARGINS[2]
        shown = [
            widget
            for widget in self._card.findChildren(QWidget)
            if widget.parentWidget() is self._card and not widget.isHidden()
        ]
        height = 0
        for widget in shown:
            hint = widget.minimumSizeHint().height()
            if widget.hasHeightForWidth():
                hint = max(hint, widget.heightForWidth(width))
            height += max(hint, widget.minimumHeight())
        margins = self._page_layout.contentsMargins()
        return (
            height
            + CARD_SPACING * (len(shown) - 1)
            + GAP_OVER_LIST
            + CARD_MARGINS[1]
            + CARD_MARGINS[3]
            + margins.top()
            + margins.bottom()
        )

    def _set_side_by_side(self, on: bool) -> None:
        if on == self._side_by_side:
            return
        self._side_by_side = on
        Direction = QBoxLayout.Direction
        self._columns.setDirection(Direction.LeftToRight if on else Direction.TopToBottom)
        self._columns.setSpacing(2 * CARD_SPACING if on else CARD_SPACING)
        self._card.setFixedWidth(2 * CARD_WIDTH if on else CARD_WIDTH)
        self._columns.setStretch(1, 1 if on else 0)  # halves side by side; under, no height
        # Beside the title, the logo costs the card no line of its own.
        self._heading.setDirection(Direction.LeftToRight if on else Direction.TopToBottom)
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        self.title.setAlignment(left if on else Qt.AlignmentFlag.AlignCenter)
        self.store_label.setAlignment(left if on else Qt.AlignmentFlag.AlignCenter)

    def _after_pick(self) -> None:
        if self.pin_field.isHidden():
            self.submit()
        else:
            self.pin_field.setFocus()

    def _refresh(self) -> None:
        needs_pin = self.pin_shown()
        self.pin_label.setVisible(needs_pin)
        self.pin_field.setVisible(needs_pin)
        self.cashiers.pin_field = self.pin_field if needs_pin else None
        if not needs_pin:
            self.pin_field.clear()
        self.start_button.setEnabled(self.cashiers.currentItem() is not None)
        # Say what the button will do: a shift already open is carried on, not started.
        self.start_button.setText(
            self.tr("Continue shift") if self.continues_shift() else self.tr("Start shift")
        )


def _ancestors(widget: QWidget) -> Iterable[QWidget]:
    parent = widget.parentWidget()
    while parent is not None:
        yield parent
        parent = parent.parentWidget()
