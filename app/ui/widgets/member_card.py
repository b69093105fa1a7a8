"""The member on screen: who they are, what they hold, and whether the figures are live."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.core.services import format_count, say
from app.ui.dates import moment_text
from app.ui.resources import icon
from app.ui.viewmodels import MemberCardData
from app.ui.widgets.elided_label import ElidedLabel
from app.ui.widgets.properties import set_style_property
from app.ui.widgets.whole_words_label import WholeWordsLabel
from app.ui.wording import words


def local_time_text(moment: datetime) -> str:
    """A cached time as the cashier reads it: local, day, month and minutes, in the window's
    locale (``25 Nov 14.02``; see :func:`app.ui.dates.moment_text`)."""
    return moment_text(moment)


#: Wider than any badge's words on one line, and room for a badge's margins and padding.
_WIDE, _ROOM = 10_000, 40

#: The card's least height where the page has the room: a member with a badge fits in it.
LEAST_HEIGHT = 220
#: The card's margins (left, top, right, bottom), and on a short page (``MemberCard.set_short``).
_MARGINS, _SHORT_MARGINS = (16, 14, 16, 14), (12, 8, 12, 8)
#: The space between the card's lines, and on a short page.
_SPACING, _SHORT_SPACING = 6, 2

#: No limit on the room the card keeps (``MemberCard.set_most``) until the page says one.
_NO_LIMIT = 1 << 24

#: A member read from the offline copy with waiting redemptions taken from it: the card's
#: fullest (the projection's note and the copy's time), which its room is kept for.
_FROM_THE_COPY = MemberCardData(
    "M",
    "Gold",
    999,
    "Rp 250.000",
    cached_as_of=datetime(2026, 12, 28, 20, 41).astimezone(),
    projected=True,
)


class Badge(QLabel):
    """A badge as wide as its words on one line where the card has the room, and wrapped onto
    more lines where it has not (a 1024 px screen, a longer language). A word-wrapped QLabel
    alone asks for a narrower width than one line and is then laid out one line high: cut."""

    def __init__(self, text: str, badge: str) -> None:
        super().__init__(text)
        self.setProperty("badge", badge)
        self.setWordWrap(True)
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Maximum)  # no wider than its one line
        self.setSizePolicy(policy)

    def sizeHint(self) -> QSize:
        # The narrowest width that keeps one line, as QLabel itself measures it (a style
        # sheet's padding counts more than once there, so the words' own width is not it).
        one_line = self.heightForWidth(_WIDE)
        narrow, wide = 0, self.fontMetrics().horizontalAdvance(self.text()) + 4 * _ROOM
        while wide - narrow > 1:
            middle = (narrow + wide) // 2
            if self.heightForWidth(middle) > one_line:
                narrow = middle
            else:
                wide = middle
        return QSize(wide, one_line)


class MemberCard(QFrame):
    """Shows one member (name, level, stamps, balance) with PIN, blocked and cached badges.

    Offline, the card says the time the cached record was fetched; when this till's waiting
    redemptions take from it, the stamps are the projected balance and the card says so, so the
    cashier never mistakes a projection for the server's figure.
    """

    def __init__(self, parent: QWidget | None = None, *, keeps_room: bool = True) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self._most = _NO_LIMIT
        self._room_width = -1
        self._tight = self._short = False
        self._fullest_heights: dict[tuple[int, bool], int] = {}

        self._icon = QLabel()
        self._icon.setPixmap(icon("member").pixmap(40, 40))
        # "Hendra Gun…" at 1024×600 with the card's room under it: a long name wraps once.
        self._name = ElidedLabel(lines=2, as_needed=True)
        self._name.setObjectName("memberName")
        self._level = QLabel()
        self._level.setObjectName("memberLevel")
        self._level.setProperty("role", "muted")

        # "Stamps: not given by the Stamps server", in the count's large type, is wider than the
        # card: wrapped, not cut; and a count wider than the card alone ("9.223.372.036.85" of
        # a balance of 19 digits) in smaller type, never cut
        self._stamps = WholeWordsLabel()
        self._stamps.setObjectName("memberStamps")
        self._stamps.setWordWrap(True)
        self._projected = QLabel()
        self._projected.setObjectName("memberProjected")
        self._projected.setProperty("role", "muted")
        self._projected.setWordWrap(True)
        # A balance below zero is shown as it came (the till reads it right, and refusing the
        # whole answer would lock the member out of their vouchers), with a line saying it is
        # no misprint (member.below_zero).
        self._below_zero = QLabel()
        self._below_zero.setObjectName("memberBelowZero")
        self._below_zero.setProperty("role", "muted")
        self._below_zero.setWordWrap(True)
        self._balance = WholeWordsLabel()
        self._balance.setObjectName("memberBalance")

        self._pin_badge = Badge(self.tr("PIN required"), "pin")
        self._pin_badge.setObjectName("memberPinBadge")
        self._blocked_badge = Badge(self.tr("BLOCKED — no redemptions"), "blocked")
        self._blocked_badge.setObjectName("memberBlockedBadge")
        self._cached = QLabel()
        self._cached.setObjectName("memberCachedAsOf")
        self._cached.setProperty("badge", "cached")
        self._cached.setWordWrap(True)

        self._placeholder = QLabel(self.tr("No member yet.\nScan a card or search (F2)."))
        self._placeholder.setObjectName("memberPlaceholder")
        self._placeholder.setProperty("role", "muted")
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Its second line is wider than the card at 819 and 911 px (a scaled desktop): it
        # wraps there, rather than lose "Sc" and "(F2)." at its sides.
        self._placeholder.setWordWrap(True)

        header = QHBoxLayout()
        header.setSpacing(10)
        header.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        self._names = names = QVBoxLayout()
        names.setSpacing(2)
        names.addWidget(self._name)
        names.addWidget(self._level)
        header.addLayout(names, 1)

        # One badge a line: side by side, "PIN required" and "BLOCKED — no redemptions" do not
        # fit the member column at 1280 px and less, nor the blocked one alone in Indonesian.
        badges = QVBoxLayout()
        badges.setSpacing(6)
        badges.addWidget(self._pin_badge)
        badges.addWidget(self._blocked_badge)

        self._details = QWidget()
        self._details_layout = details = QVBoxLayout(self._details)
        details.setContentsMargins(0, 0, 0, 0)
        details.setSpacing(6)
        details.addLayout(header)
        details.addWidget(self._stamps)
        details.addWidget(self._projected)
        details.addWidget(self._below_zero)
        details.addWidget(self._balance)
        details.addLayout(badges)
        details.addWidget(self._cached)
        details.addStretch(1)

        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(*_MARGINS)
        layout.addWidget(self._placeholder)
        layout.addWidget(self._details)
        self.set_member(None)
        # As tall as a member from the offline copy makes it, never shown: the room the card
        # keeps at its width, so that the invoice under it stays where it is as members come
        # and go. Grown by them at 1280 px and less, the card moved the invoice 16 px (34 at
        # 1024 px) under the cashier's hand.
        self._fullest: MemberCard | None = None
        if keeps_room:
            self._fullest = MemberCard(self, keeps_room=False)
            self._fullest.setObjectName("memberCardFullest")
            self._fullest.set_member(_FROM_THE_COPY)
            self._fullest.hide()

    def set_most(self, most: int, width: int) -> None:
        """The most the card keeps of the page's height beyond its own words' (the page's
        room for it, ``width`` pixels wide: app/ui/widgets/banner_room.py). Its words are never
        cut: the least height is no more than that."""
        self._most = most
        self._keep_room(width)

    def _keep_room(self, width: int) -> None:
        if self._fullest is None:
            return
        self._fullest.ensurePolished()  # the style sheet's type, never shown
        self._room_width = width
        # Short where the page leaves less than the fullest card takes (1366x768 at a desktop
        # scale of 125%): an offline copy's card took 254 px of the 179 left, and the page
        # scrolled.
        short = self._fullest_height(width) > self._most
        self._fullest.set_short(short)
        self.set_short(short)
        room = max(LEAST_HEIGHT, self._fullest.heightForWidth(width))
        self.setMinimumHeight(max(0, min(room, self._most)))

    def _fullest_height(self, width: int) -> int:
        """The fullest card's height at ``width``, drawn as usual (not short): measured once a
        width and type, as the page asks at each layout."""
        assert self._fullest is not None
        key = (width, self._tight)
        if key not in self._fullest_heights:
            self._fullest.set_short(False)
            self._fullest_heights[key] = self._fullest.heightForWidth(width)
        return self._fullest_heights[key]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.width() != self._room_width:  # a window made wider or narrower
            self._keep_room(self.width())

    def set_tight(self, tight: bool) -> None:
        """The stamps in a smaller type, on a tight page (app/ui/widgets/cashier_columns.py):
        in the till's own they were the member column's widest words."""
        self._tight = tight
        self._stamps_type()
        if self._fullest is not None:
            self._fullest.set_tight(tight)
            self._keep_room(self.width())

    def set_short(self, short: bool) -> None:
        """The card drawn short, on a page with less room than its fullest needs: less margin
        and space between its lines, no icon, the level beside the name, the stamps in their
        smaller type and the notes on the offline copy in theirs. Every line the cashier
        decides by stays: who, the stamps and whether they are projected, the balance, the
        offline copy's time."""
        if short == self._short:
            return
        self._short = short
        self._layout.setContentsMargins(*(_SHORT_MARGINS if short else _MARGINS))
        self._details_layout.setSpacing(_SHORT_SPACING if short else _SPACING)
        self._icon.setVisible(not short)
        across, down = QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.TopToBottom
        self._names.setDirection(across if short else down)
        self._names.setSpacing(8 if short else 2)
        self._names.setStretch(0, 1 if short else 0)  # the name before the level
        for label in (self._projected, self._cached):
            set_style_property(label, "short", "true" if short else "false")
        self._stamps_type()

    def is_short(self) -> bool:
        """Whether the card is drawn short (:meth:`set_short`)."""
        return self._short

    def _stamps_type(self) -> None:
        smaller = self._tight or self._short
        set_style_property(self._stamps, "tight", "true" if smaller else "false")
        self._stamps.restyled()
        for layout in (self._details_layout, self._layout):
            layout.invalidate()  # measured at once on the card never shown

    def set_member(self, member: MemberCardData | None) -> None:
        """Show ``member``, or the "no member yet" placeholder for ``None``."""
        self._placeholder.setVisible(member is None)
        self._details.setVisible(member is not None)
        if member is None:
            self.setAccessibleName(self.tr("No member"))
            return
        self._name.setText(member.name)
        self._level.setText(member.level)
        if member.stamps is None:
            self._stamps.setText(words(say("member.stamps_unknown")))
        else:
            self._stamps.setText(
                (
                    self.tr("{stamps} stamp") if member.stamps == 1 else self.tr("{stamps} stamps")
                ).format(stamps=format_count(member.stamps))
            )
        self._below_zero.setVisible(member.stamps is not None and member.stamps < 0)
        self._below_zero.setText(words(say("member.below_zero")))
        self._projected.setVisible(member.projected)
        self._projected.setText(
            self.tr("Projected: the last balance read, less redemptions not yet in it")
        )
        self._balance.setText(member.balance_text)
        self._balance.setVisible(bool(member.balance_text))
        # A blocked PIN is said as such: "PIN required" read as if the customer could type it.
        self._pin_badge.setText(
            self.tr("PIN blocked") if member.pin_blocked else self.tr("PIN required")
        )
        self._pin_badge.setVisible(member.pin_protected or member.pin_blocked)
        self._blocked_badge.setVisible(member.blocked)
        if member.cached_as_of is None:
            self._cached.hide()
        else:
            self._cached.setText(
                self.tr("Offline copy — as of {time}").format(
                    time=local_time_text(member.cached_as_of)
                )
            )
            self._cached.show()
        self.setAccessibleName(self.tr("Member {name}").format(name=member.name))

    def pin_text(self) -> str:
        """What the PIN badge says (``""`` when hidden)."""
        return self._pin_badge.text() if not self._pin_badge.isHidden() else ""

    def name_text(self) -> str:
        """The member's full name (the label may show it elided)."""
        return self._name.text()

    def level_text(self) -> str:
        """The member's level as shown."""
        return self._level.text()

    def stamps_text(self) -> str:
        """The stamps line as shown."""
        return self._stamps.text()

    def below_zero_text(self) -> str:
        """What the card says of a balance below zero (``""`` when hidden)."""
        return self._below_zero.text() if not self._below_zero.isHidden() else ""

    def projected_text(self) -> str:
        """The note that the balance is projected, as shown, or ``""`` when it is the server's."""
        return self._projected.text() if not self._projected.isHidden() else ""

    def cached_text(self) -> str:
        """The "as of" line as shown, or ``""`` for a live member."""
        return self._cached.text() if not self._cached.isHidden() else ""
