"""Finding a member: type-ahead by name, email, phone or member ID, or Enter to look one up."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFocusEvent, QHideEvent, QKeyEvent, QMoveEvent
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsDropShadowEffect,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.plain_text import short_words
from app.ui.resources import icon
from app.ui.viewmodels import MemberSuggestion
from app.ui.widgets.fitting_hint import FittingHint
from app.ui.widgets.form import add_leading_icon
from app.ui.widgets.properties import set_style_property
from app.ui.widgets.torn_down import torn_down
from app.ui.widgets.words_under import list_height

DEBOUNCE_MS = 150
#: The tallest the floating list grows (about four two-line suggestions); more scroll in it.
SUGGESTIONS_MAX_HEIGHT = 240


#: How far the list's shadow spreads over the page under it, in pixels.
SHADOW_BLUR = 12


class MemberSearch(QWidget):
    """A search field with a suggestion list floating under it.

    ``edited`` fires at each change the cashier makes to the field (a key, a paste, the clear
    button); ``query_changed`` once they pause typing (debounced, so a lookup is not started
    per keystroke), and the line under the field empties at the first key (what it said was
    about the query before); ``lookup_requested`` on Enter; ``suggestion_chosen`` with the
    chosen :class:`MemberSuggestion` on a click or Enter in the list. Down arrow moves into the
    list, Esc closes it (:meth:`dismiss`) and emits ``dismissed``; so does the keyboard going
    elsewhere in the window while the list is open or a query is about to be asked.
    """

    edited = Signal()
    query_changed = Signal(str)
    lookup_requested = Signal(str)
    suggestion_chosen = Signal(object)
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None, *, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self._label = QLabel(self.tr("Member (F2)"))
        self._label.setProperty("role", "heading")

        self.field = QLineEdit()
        self.field.setObjectName("memberSearchField")
        self.field.setClearButtonEnabled(True)
        add_leading_icon(self.field, icon("member"))
        # Read whole at 1024 px; on a scaled desktop (819 or 911 px) the column is narrower,
        # and the shorter hint leaves out what a cashier least often types.
        FittingHint(self.field, [self.tr("Name, phone, email, ID"), self.tr("Name, phone, ID")])
        self.field.setAccessibleName(self.tr("Member search"))
        self._label.setBuddy(self.field)

        self.suggestions = QListWidget(self)
        self.suggestions.setObjectName("memberSuggestions")
        self.suggestions.setAccessibleName(self.tr("Member suggestions"))
        # Floats over the page under the field (see _float): in the column's layout it pushed
        # the member card and the invoice field ~195 px down as the cashier typed, from under
        # the pointer. A child widget, not a popup window: the keyboard stays in the field,
        # and a scan while it shows reaches the scanner filter as before.
        self.suggestions.setMaximumHeight(SUGGESTIONS_MAX_HEIGHT)
        self.suggestions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.suggestions.setTextElideMode(Qt.TextElideMode.ElideRight)
        # A shadow under it: over the member card, the card's words cut at its lower edge
        # ("Gold" under the last suggestion) read as part of the list, the list as see-through.
        shadow = QGraphicsDropShadowEffect(self.suggestions)
        shadow.setBlurRadius(SHADOW_BLUR)
        shadow.setOffset(0, SHADOW_BLUR / 3)
        shadow.setColor(QColor(0, 0, 0, 110))
        self.suggestions.setGraphicsEffect(shadow)
        self.suggestions.hide()

        self.message = QLabel()
        self.message.setObjectName("memberSearchMessage")
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # Room for three lines is always kept, so a message coming or going never moves the
        # member card and the invoice field under the cashier's finger; a longer one (a
        # translation, the refused token's) takes the room it needs rather than losing its end.
        self.message.ensurePolished()  # the style sheet's font, not the default one
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing() * 3 + 4)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self._emit_query)

        self.field.textEdited.connect(self._on_text_edited)
        self.field.returnPressed.connect(self._on_return)
        # Clicks only: Enter in the list is handled in eventFilter, because whether a single click
        # also "activates" depends on the platform style and would choose twice.
        self.suggestions.itemClicked.connect(self._choose)
        self.field.installEventFilter(self)
        self.suggestions.installEventFilter(self)
        self._host: QWidget | None = None  # the window the list floats in, once shown

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self._label)
        layout.addWidget(self.field)
        layout.addWidget(self.message)

    # -- public API --------------------------------------------------------------------------

    def set_suggestions(self, suggestions: list[MemberSuggestion]) -> None:
        """Replace the list; an empty list hides it."""
        self.suggestions.clear()
        for suggestion in suggestions:
            text = suggestion.label
            if suggestion.detail:
                # Two lines: the name to recognise, then what tells two Budis apart.
                text = f"{suggestion.label}\n{suggestion.detail}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, suggestion)
            self.suggestions.addItem(item)
        if suggestions:
            # No row looks picked while the keyboard is in the field: Enter there looks the
            # typed text up (a scanner's Enter must), and a first row shown highlighted read as
            # if Enter would pick it. Down puts the keyboard on the first row.
            self.suggestions.setCurrentRow(-1)
            self._float()
        else:
            self.suggestions.hide()

    def set_message(self, text: str, *, error: bool = True) -> None:
        """A line under the field: why a lookup found nobody, or that it is looking (``""``
        hides it)."""
        set_style_property(self.message, "role", "error" if error else "muted")
        self.message.setText(text)
        self.message.setToolTip(
            short_words(text)
        )  # a longer message than three lines reads in full here
        if self.suggestions.isVisible():
            self._place()  # under the line now said, or back under the field

    def message_text(self) -> str:
        """The line under the field as shown, or ``""``."""
        return self.message.text()

    def hide_suggestions(self) -> None:
        """Close the suggestion list (the text stays)."""
        self.suggestions.clear()
        self.suggestions.hide()

    def dismiss(self) -> None:
        """Esc over the suggestions: the list closes, and the query typed is given up (its
        pending type-ahead too, which reopened the list a moment later), the cursor back in
        the field. What the field then says is ``dismissed``'s listener's to decide."""
        self._debounce.stop()
        self.hide_suggestions()
        self.field.setFocus()
        self.dismissed.emit()

    def clear(self) -> None:
        """Empty the field and the list, and forget a pending query."""
        self._debounce.stop()
        self.field.clear()
        self.hide_suggestions()
        self.set_message("")

    def focus(self) -> None:
        """Put the cursor in the field with its text selected, ready to type over."""
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def text(self) -> str:
        """The query as typed, trimmed."""
        return self.field.text().strip()

    # -- behaviour ---------------------------------------------------------------------------

    def _on_text_edited(self, _text: str) -> None:
        # What the line under the field says ("No member matches …", "pick one") is about the
        # query before this one: left up, it read as the answer to what is being typed now.
        self.set_message("")
        self._debounce.start()
        self.edited.emit()

    def _emit_query(self) -> None:
        self.query_changed.emit(self.text())

    def _on_return(self) -> None:
        self._debounce.stop()
        query = self.text()
        if query:
            self.lookup_requested.emit(query)

    def _choose(self, item: QListWidgetItem) -> None:
        suggestion = item.data(Qt.ItemDataRole.UserRole)
        # Hide, not clear: the item is still in use by the view that emitted the click.
        self.suggestions.hide()
        self.field.setFocus()
        self.suggestion_chosen.emit(suggestion)

    def _left(self, reason: Qt.FocusReason) -> None:
        # The cashier went elsewhere in the window (a reward tile clicked, Tab past the list)
        # with a name half typed: the list stayed open over the page, and "Budi" in the field
        # over Ayu's card made the Redeem beside it read as his. Given up as Esc gives it up;
        # the window going to the back (another program, a menu) is no going elsewhere.
        if reason in (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason):
            return
        now = QApplication.focusWidget()
        if now is None or now in (self.field, self.suggestions):
            return
        if self.suggestions.isVisible() or self._debounce.isActive():
            self._debounce.stop()
            self.hide_suggestions()
            self.dismissed.emit()

    def _float(self) -> None:
        """Show the list over the window, under the field, as wide as it and as tall as its
        rows (within the cap and the window)."""
        host = self.window()
        if self.suggestions.parentWidget() is not host:
            # Same window, so the list keeps its place in the tab order (field, list, invoice).
            self.suggestions.setParent(host)
            host.installEventFilter(self)
            self._host = host
        self._place()
        self.suggestions.show()
        self.suggestions.raise_()

    def _torn_down(self) -> bool:
        # While a window is torn down, Qt still sends the search its last events (a hide, the
        # host's resize) after the Python side has lost its attributes: "no attribute
        # 'suggestions'" in the event loop, seen once in a long test run (short_screen.py
        # meets the same).
        return torn_down(self, "suggestions")

    def hideEvent(self, event: QHideEvent) -> None:
        # The list floats in the window, not in this page: it would stay over the next page
        # shown (manager mode, the lock) had it not gone with the search.
        super().hideEvent(event)
        if not self._torn_down():
            self.hide_suggestions()

    def moveEvent(self, event: QMoveEvent) -> None:
        super().moveEvent(event)
        if not self._torn_down() and self.suggestions.isVisible():
            self._place()

    def _place(self) -> None:
        host = self.suggestions.parentWidget()
        if host is None:
            return
        top_left = self.field.mapTo(host, self.field.rect().bottomLeft()) + QPoint(0, 2)
        if self.message.text():
            # Under what is said of the search (matches left out, a list from the till's copy):
            # right under the field, the list covered it and the cashier read only "this search."
            lines = max(self.message.height(), self.message.heightForWidth(self.message.width()))
            said = self.message.mapTo(host, QPoint(0, lines))
            top_left.setY(said.y() + 2)
        frame = 2 * self.suggestions.frameWidth()
        rows = [self.suggestions.sizeHintForRow(row) for row in range(self.suggestions.count())]
        room = min(SUGGESTIONS_MAX_HEIGHT, host.height() - top_left.y())
        span = QRect(top_left, QSize(self.field.width(), room))
        # Over the column the search is in (the member's card, the invoice): its words are
        # covered whole or not at all.
        under = self.parentWidget() or host
        height = list_height(rows, frame, room, span, under, host)
        self.suggestions.setGeometry(top_left.x(), top_left.y(), self.field.width(), height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._torn_down():
            return False
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move) and (
            watched is self._host or watched is self.field
        ):
            if self.suggestions.isVisible():
                self._place()  # the field moved in the window: the list follows it
            return False
        if (
            event.type() == QEvent.Type.FocusOut
            and isinstance(event, QFocusEvent)
            and watched in (self.field, self.suggestions)
        ):
            self._left(event.reason())
            return False
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if watched is self.field and key == Qt.Key.Key_Down and self.suggestions.isVisible():
            if not self.suggestions.selectedItems():
                self.suggestions.setCurrentRow(0)  # picked: focus alone makes it current only
            self.suggestions.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if key == Qt.Key.Key_Escape and self.suggestions.isVisible():
            self.dismiss()
            return True
        if watched is self.suggestions and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            item = self.suggestions.currentItem()
            if item is not None:
                self._choose(item)
            return True
        if (
            watched is self.suggestions
            and key == Qt.Key.Key_Up
            and self.suggestions.currentRow() <= 0
        ):
            self.suggestions.setCurrentRow(-1)  # back in the field, Enter looks the text up
            self.field.setFocus()
            return True
        return False
