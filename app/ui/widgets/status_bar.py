"""The always-visible sync state along the bottom of the till (architecture §5)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.ui.resources import icon
from app.ui.viewmodels import StatusData
from app.ui.widgets.elided_label import ElidedLabel
from app.ui.widgets.flow_layout import FlowLayout
from app.ui.widgets.properties import set_style_property

#: Where a path may break across lines: after each separator (a zero-width space; a path has no
#: spaces of its own to wrap at, and one wider than the line would widen the window), and after
#: a hyphen or an underscore in a name: a slip's file is named by its entry's id, and
#: "0193a7c2-5d1e-7b44-9f0a-2c6e8d4b1a37.pdf" ran past the note's edge on every screen.
_BREAKS = str.maketrans({"/": "/\u200b", "\\": "\\\u200b", "-": "-\u200b", "_": "_\u200b"})


def breakable(text: str) -> str:
    """``text`` as a word-wrapped label may break it: a path between its folders too."""
    return text.translate(_BREAKS)


def age_text(seconds: float) -> str:
    """An age the cashier reads at a glance: ``45 s``, ``3 min``, ``2 h 5 min``."""
    whole = int(seconds)
    if whole < 60:
        return QCoreApplication.translate("SyncStatusBar", "{n} s").format(n=whole)
    minutes = whole // 60
    if minutes < 60:
        return QCoreApplication.translate("SyncStatusBar", "{n} min").format(n=minutes)
    return QCoreApplication.translate("SyncStatusBar", "{h} h {m} min").format(
        h=minutes // 60, m=minutes % 60
    )


class _SyncStateItems:
    """The sync state's words and badges in a row that wraps: the bar's own, and the bar's
    measure of itself at its busiest."""

    def __init__(self, bar: QWidget) -> None:
        self.connectivity_icon = QLabel()
        self.connectivity_icon.setPixmap(icon("offline").pixmap(24, 24))
        self.connectivity = QLabel()
        self.connectivity.setObjectName("connectivity")
        set_style_property(self.connectivity, "state", "degraded")  # with a border: the widest
        self.queued = QLabel()
        self.queued.setObjectName("queuedCount")
        self.unknown = QLabel()
        self.unknown.setObjectName("unknownCount")
        set_style_property(self.unknown, "alert", "unknown")
        self.failed = QLabel()
        self.failed.setObjectName("failedCount")
        set_style_property(self.failed, "alert", "failed")
        self.dashboard = QLabel()
        self.dashboard.setObjectName("dashboardCount")
        set_style_property(self.dashboard, "alert", "dashboard")
        self.oldest = QLabel()
        self.oldest.setObjectName("oldestQueued")
        self.exceptions = QPushButton()
        self.exceptions.setObjectName("exceptionBadge")
        connection = QWidget()
        beside = QHBoxLayout(connection)
        beside.setContentsMargins(0, 0, 12, 0)
        beside.setSpacing(6)
        beside.addWidget(self.connectivity_icon)
        beside.addWidget(self.connectivity)
        self.state = QWidget(bar)
        # In the middle of the height kept for the busiest state (SyncStatusBar), level with
        # the cashier's name, when it takes fewer lines.
        self.flow = FlowLayout(self.state, spacing=6, middle=True)
        for widget in (
            connection,
            self.queued,
            self.unknown,
            self.failed,
            self.dashboard,
            self.oldest,
        ):
            self.flow.addWidget(widget)
        self.flow.addWidget(self.exceptions)


class SyncStatusBar(QFrame):
    """Online/degraded/offline, counts of queued, not confirmed (each entry in one of them: "not
    confirmed" whether it is sent again or waits for a manager) and failed entries (and of cancels
    only the Stamps dashboard can make, while there are any), the age of the oldest entry still
    to be sent; a red banner when the queue is paused for credentials, an amber one when a
    lane has stalled and another when the till's clock is wrong. Counts of not confirmed and failed
    turn coloured only when non-zero, so colour on this bar always means something needs looking
    at. The paused banner has "Check again" (``check_again_requested``): the till then tries the
    token it finds now.
    """

    check_again_requested = Signal()
    exceptions_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatusBar")

        items = _SyncStateItems(self)
        self.connectivity_icon = items.connectivity_icon
        self.connectivity = items.connectivity
        self.queued = items.queued
        self.unknown = items.unknown
        self.failed = items.failed
        self.dashboard = items.dashboard
        self.dashboard.hide()
        self.oldest = items.oldest
        # Redemptions waiting for a manager's decision (rejected or unknown): a badge that opens
        # manager mode's exceptions; hidden while there are none.
        self.exceptions = items.exceptions
        self.exceptions.clicked.connect(self.exceptions_requested)
        self.exceptions.hide()
        # The sync state at its busiest, never shown: the height the real one keeps (see
        # _reserve_busiest_row), measured with the style sheet's own padding and bold.
        self._busiest = _SyncStateItems(self)
        self._busiest.state.hide()
        self.cashier = QLabel()
        self.cashier.setObjectName("cashierName")
        self.cashier.setProperty("role", "muted")
        # Never squeezed: the other end of the row wraps instead.
        self.cashier.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        # A passing note ("Slip sent to …") is read whole. In the bar's own row when it fits
        # there, so the page above does not move for it; otherwise on a line of its own,
        # wrapped (a path between its folders): a retry's answer or a path cut short with "…"
        # was read by nobody. On the cashier's page that line is in the room under the invoice
        # (lend_note_room), where it takes no height from what the cashier aims at; on the
        # other pages, or longer than that room, it is under the row, the page giving up that
        # line while the note lasts.
        self.note = ElidedLabel()
        self.note.setObjectName("statusNote")
        self.note.setProperty("role", "muted")
        self.note.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.note.installEventFilter(self)
        self.note_line = QLabel()
        self.note_line.setObjectName("statusNoteLine")
        self.note_line.setProperty("role", "muted")
        self.note_line.setWordWrap(True)
        self.note_line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.note_line.setContentsMargins(8, 0, 8, 4)  # under the row's own right end
        self.note_line.hide()
        # The same, lent to the cashier's page (lend_note_room), in a block of the bar's colour.
        self.page_note = QLabel()
        self.page_note.setObjectName("pageNote")
        self.page_note.setProperty("role", "muted")
        self.page_note.setWordWrap(True)
        self.page_note.hide()
        self._note_room: QWidget | None = None
        self._note_room_up = False
        self._note = ""
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.timeout.connect(lambda: self._set_note(""))

        # why, in the core's words (the server's own quoted): not always the token
        self.credentials_text = QLabel()
        self.credentials_text.setObjectName("credentialsText")
        self.credentials_text.setWordWrap(True)
        self.credentials_note = QLabel()
        self.credentials_note.setObjectName("credentialsNote")
        self.credentials_note.setWordWrap(True)
        self.check_again = QPushButton(self.tr("Check again"))
        self.check_again.setObjectName("credentialsCheckAgain")
        self.check_again.clicked.connect(self.check_again_requested)
        self.credentials_banner = QFrame()
        self.credentials_banner.setObjectName("credentialsBanner")
        banner = QHBoxLayout(self.credentials_banner)
        banner.setContentsMargins(8, 4, 8, 4)
        words = QVBoxLayout()
        words.setSpacing(0)
        words.addWidget(self.credentials_text)
        words.addWidget(self.credentials_note)
        banner.addLayout(words, 1)
        # At the banner's foot, which stays above the row: the note under the words ("Checking…",
        # the server's answer) grows the banner upward, and the button just pressed stays
        # under the finger.
        banner.addWidget(self.check_again, 0, Qt.AlignmentFlag.AlignBottom)
        self.stall_alert = QLabel()
        self.stall_alert.setObjectName("stallAlert")
        self.stall_alert.setWordWrap(True)
        # A wrong clock puts the wrong day on End of day and wrong times on slips: a manager
        # sets it. A line of its own, so it hides neither the pause nor a stalled lane.
        self.clock_alert = QLabel()
        self.clock_alert.setObjectName("clockAlert")
        self.clock_alert.setWordWrap(True)

        # The sync state wraps onto a second line where the row is too narrow for it (a slow
        # server, every count and the badge, in Bahasa Indonesia, at 1024 px), rather than
        # pushing the window wider than the screen.
        self.sync_state = items.state
        self.sync_state.setObjectName("syncState")

        self._row = row = QHBoxLayout()
        row.setContentsMargins(8, 4, 8, 4)
        row.setSpacing(6)
        row.addWidget(self.sync_state)
        row.addWidget(self.note, 1)
        row.addWidget(self.cashier)

        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.credentials_banner)
        layout.addWidget(self.stall_alert)
        layout.addWidget(self.clock_alert)
        layout.addLayout(row)
        layout.addWidget(self.note_line)
        self.set_status(StatusData("checking"))

    def set_status(self, status: StatusData) -> None:
        """Show ``status``."""
        words = {
            "checking": self.tr("Checking the Stamps server…"),
            "online": self.tr("Online"),
            "degraded": self.tr("Degraded — slow or failing"),
            "offline": self.tr("Offline — redemptions will sync later"),
        }
        said, look = words[status.connectivity], str(status.connectivity)
        if status.paused_for_credentials and status.connectivity in ("online", "degraded"):
            # The server answers (it refuses the till's token, or plain http): "Degraded — slow
            # or failing" sent the cashier to the network beside a banner that said otherwise.
            # Nothing syncs meanwhile: never Online's green, whatever the line does.
            said, look = self._paused_words()[status.paused_why or "token"], "paused"
        self.connectivity.setText(said)
        self.connectivity_icon.setPixmap(icon(status.connectivity).pixmap(24, 24))
        set_style_property(self.connectivity, "state", look)

        self.queued.setText(self.tr("Queued {n}").format(n=status.queued))
        self.unknown.setText(self.tr("Not confirmed {n}").format(n=status.not_confirmed))
        self.failed.setText(self.tr("Failed {n}").format(n=status.failed))
        set_style_property(self.unknown, "alert", "unknown" if status.not_confirmed else "none")
        # What each count holds: an entry is in one of them, as its card reads.
        self.queued.setToolTip(
            self.tr(
                "Redemptions waiting to be sent that cannot have reached the Stamps server yet."
            )
        )
        self.unknown.setToolTip(
            self.tr(
                "Redemptions that may have reached the Stamps server without an answer: the till "
                "sends them again, or a manager decides. Hand nothing of them over yet."
            )
        )
        set_style_property(self.failed, "alert", "failed" if status.failed else "none")
        # A cancel the till never sent (its redemption has no server id) is no failure to send
        # again: "Failed" sent a manager to retry it. Its own count, shown only while there is one.
        self.dashboard.setText(self.tr("Cancel on dashboard {n}").format(n=status.dashboard))
        self.dashboard.setToolTip(
            self.tr(
                "Cancels the till could not send: the redemption has no server id, so a manager "
                "cancels it on the Stamps dashboard."
            )
        )
        self.dashboard.setVisible(status.dashboard > 0)

        # the oldest of what is still to be sent: an entry being sent again has waited too
        if status.oldest_queued_age_s is not None:
            self.oldest.setText(
                self.tr("oldest {age}").format(age=age_text(status.oldest_queued_age_s))
            )
            self.oldest.show()
        else:
            self.oldest.hide()

        self.credentials_banner.setVisible(status.paused_for_credentials)
        self.credentials_text.setText(status.paused_text)
        self.credentials_note.setText(status.credentials_note)
        self.credentials_note.setVisible(bool(status.credentials_note))
        self.stall_alert.setVisible(bool(status.stalled_lane_alert))
        self.stall_alert.setText(status.stalled_lane_alert or "")
        self.clock_alert.setVisible(bool(status.clock_alert))
        self.clock_alert.setText(status.clock_alert)
        self.setAccessibleName(self.summary_text())

    def _paused_words(self) -> dict[str, str]:
        """The sync state's words while the queue is paused, by why (``StatusData.paused_why``)."""
        return {
            "token": self.tr("Sync paused — API token refused"),
            "https": self.tr("Sync paused — the server refuses http"),
            "token_unusable": self.tr("Sync paused — API token unusable"),
        }

    def banners_height(self, width: int) -> int:
        """How tall the banners shown now are (paused, stalled, clock) across ``width`` pixels:
        the height they take from the page above."""
        from app.ui.widgets.banner_room import height_in

        banners = (self.credentials_banner, self.stall_alert, self.clock_alert)
        return sum(height_in(self._layout, banner, width) for banner in banners)

    def set_exceptions(self, count: int) -> None:
        """How many redemptions wait for a manager's decision (0 hides the badge)."""
        self.exceptions.setText(self.tr("Needs a manager: {n}").format(n=count))
        self.exceptions.setToolTip(
            self.tr("Redemptions the server refused or nobody can prove: a manager decides (F8).")
        )
        self.exceptions.setVisible(count > 0)
        self.setAccessibleName(self.summary_text())

    def show_note(self, text: str, milliseconds: int = 6000) -> None:
        """A passing note in the bar, whole, gone after ``milliseconds``."""
        self._set_note(text)
        self._note_timer.start(milliseconds)

    def note_text(self) -> str:
        """The passing note as shown, or ``""``."""
        return self._note

    def _set_note(self, text: str) -> None:
        self._note = text
        self._place_note()

    def _place_note(self) -> None:
        """In the row if it fits in the room the row has left, else in the page's room for it if
        it fits there, else on a line of its own under the row."""
        text = self._note
        room = self.note.contentsRect().width()
        # No note is in no line: a row squeezed to nothing has less than no room (its padding).
        in_row = not text or self.note.fontMetrics().horizontalAdvance(text) <= room
        self.note.setText(text if in_row else "")
        self.page_note.setText("" if in_row else breakable(text))
        on_page = not in_row and self._fits_note_room()
        self.page_note.setVisible(on_page)
        under = not in_row and not on_page
        self.note_line.setText(breakable(text) if under else "")
        self.note_line.setVisible(under)

    def _fits_note_room(self) -> bool:
        room = self._note_room
        if room is None or not self._note_room_up:
            return False
        return self.page_note.heightForWidth(room.width()) <= room.height()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The row's room for the note changed (the window, a count, the badge): look again.
        if watched in (self.note, self._note_room) and event.type() == QEvent.Type.Resize:
            self._place_note()
        return False

    def note_line_height(self) -> int:
        """The height the note's line of its own under the row takes now (0 while the note is
        in the row, on the cashier's page or gone), at the bar's width: asked as the window lays
        out, before the bar has its new height."""
        if self.note_line.isHidden():
            return 0
        return self.note_line.heightForWidth(self.width())

    def lend_note_room(self, room: QBoxLayout) -> None:
        """A note too long for the row shows at the top of ``room`` (the cashier's page's, where
        it moves nothing) while :meth:`set_note_room_up` says the page is up and the note fits
        in the room's height; otherwise under the row."""
        room.insertWidget(0, self.page_note)
        self._note_room = self.page_note.parentWidget()
        assert self._note_room is not None  # a layout on a widget: the room itself
        self._note_room.installEventFilter(self)

    def set_note_room_up(self, up: bool) -> None:
        """Whether the page with the note's room is the one shown."""
        self._note_room_up = up
        self._place_note()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reserve_busiest_row()

    def _reserve_busiest_row(self) -> None:
        """Keep the sync state as tall as it is at its busiest at this width (offline, every
        count in the hundreds, the oldest entry a day old, the manager's badge): at 1024 px that
        is two lines, and the second coming and going with the network, which the heartbeat
        changes while the till is idle, moved the page."""
        busiest = self._busiest
        busiest.state.ensurePolished()  # the style sheet's bold and padding, never shown
        longest = max(
            (
                self.tr("Checking the Stamps server…"),
                self.tr("Online"),
                self.tr("Degraded — slow or failing"),
                self.tr("Offline — redemptions will sync later"),
                *self._paused_words().values(),
            ),
            key=busiest.connectivity.fontMetrics().horizontalAdvance,
        )
        busiest.connectivity.setText(longest)
        busiest.queued.setText(self.tr("Queued {n}").format(n=999))
        busiest.unknown.setText(self.tr("Not confirmed {n}").format(n=999))
        busiest.failed.setText(self.tr("Failed {n}").format(n=999))
        busiest.dashboard.setText(self.tr("Cancel on dashboard {n}").format(n=99))
        busiest.oldest.setText(self.tr("oldest {age}").format(age=age_text(23 * 3600 + 59 * 60)))
        busiest.exceptions.setText(self.tr("Needs a manager: {n}").format(n=99))
        # As wide as the row lets it be (all but the row's margins and spacing and the
        # cashier's name), on as many lines as that width takes.
        margins, row = self._row.contentsMargins(), self._row
        room = self.width() - margins.left() - margins.right() - 2 * row.spacing()
        room -= self.cashier.sizeHint().width()
        flow = busiest.flow
        width = max(min(flow.sizeHint().width(), room), flow.minimumSize().width())
        self.sync_state.setMinimumHeight(flow.heightForWidth(width))

    def set_cashier(self, name: str | None) -> None:
        """The signed-in cashier, shown at the right end."""
        self.cashier.setText(self.tr("Cashier: {name}").format(name=name) if name else "")
        self._reserve_busiest_row()  # the name's width is the sync state's room

    def summary_text(self) -> str:
        """Everything the bar says, as one line (for screen readers and tests)."""
        parts = [
            label.text()
            for label in (
                self.credentials_text,
                self.credentials_note,
                self.stall_alert,
                self.clock_alert,
                self.connectivity,
                self.queued,
                self.unknown,
                self.failed,
                self.dashboard,
                self.oldest,
                self.exceptions,
            )
            if label.isVisibleTo(self) and label.text()
        ]
        return " · ".join(parts)
