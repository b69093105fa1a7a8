"""The result of the cashier's last action, in one of four looks that cannot be confused."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.ui.plain_text import LONGEST_WORD, wrappable
from app.ui.resources import icon
from app.ui.viewmodels import PanelKind, ResultData
from app.ui.widgets.properties import set_style_property
from app.ui.widgets.qr import QrLabel, qr_image
from app.ui.widgets.reference_lines import ReferenceLines
from app.ui.widgets.result_words import ResultWords

QR_MODULE_PX = 4
#: The panel's margin around its banner and words, in pixels.
_MARGIN = 12


def outcome_title(
    kind: PanelKind, *, provisional: bool = False, gives: str = "reward", answered: bool = False
) -> str:
    """The banner words of an outcome. They are fixed here, not passed in, so no caller can make
    a not-confirmed result read like a confirmed one. ``provisional``: it was accepted offline,
    and handed over then (architecture §4), so a not-confirmed one says that, not "do not hand
    over yet". ``gives``: what the order gives (``ResultData.gives``), which a not-confirmed one
    says not to give yet. ``answered``: accepted while the server answered, applying nothing (a
    429 asking the till to slow down, a 408), on a till that is online: not "offline"."""
    if kind == "accepted_offline" and answered:
        return QCoreApplication.translate("ResultPanel", "Accepted — will sync")
    if kind == "not_confirmed" and provisional and answered:
        return QCoreApplication.translate("ResultPanel", "NOT CONFIRMED — accepted to send again")
    if kind == "not_confirmed" and provisional:
        return QCoreApplication.translate("ResultPanel", "NOT CONFIRMED — accepted offline")
    if kind == "not_confirmed" and gives != "reward":
        held_back = {
            "voucher": QCoreApplication.translate(
                "ResultPanel", "NOT CONFIRMED — do not apply the voucher yet"
            ),
            "deduct": QCoreApplication.translate(
                "ResultPanel", "NOT CONFIRMED — do not take it off the bill yet"
            ),
            "promo": QCoreApplication.translate(
                "ResultPanel", "NOT CONFIRMED — do not apply the promo yet"
            ),
        }
        if gives in held_back:
            return held_back[gives]
    titles = {
        "confirmed": QCoreApplication.translate("ResultPanel", "Confirmed"),
        "accepted_offline": QCoreApplication.translate(
            "ResultPanel", "Accepted offline — will sync"
        ),
        "not_confirmed": QCoreApplication.translate(
            "ResultPanel", "NOT CONFIRMED — do not hand over yet"
        ),
        "refused": QCoreApplication.translate("ResultPanel", "Refused"),
        "not_redeemed": QCoreApplication.translate("ResultPanel", "Not redeemed"),
        "closed": QCoreApplication.translate("ResultPanel", "Closed by a manager"),
        "working": QCoreApplication.translate("ResultPanel", "Working on it…"),
        "waiting_pin": QCoreApplication.translate("ResultPanel", "Waiting for the PIN"),
        "asks_first": QCoreApplication.translate(
            "ResultPanel", "Not sent — the till needs something first"
        ),
    }
    return titles[kind]


def default_what_to_do(kind: PanelKind, *, provisional: bool = False) -> str:
    """What the cashier does next, when the controller has nothing more specific."""
    if kind == "not_confirmed" and provisional:
        return QCoreApplication.translate(
            "ResultPanel",
            "It was handed over when the till accepted it offline; the till is finding out "
            "whether the Stamps server has it.",
        )
    advice = {
        "confirmed": QCoreApplication.translate("ResultPanel", "Hand over the reward."),
        "accepted_offline": QCoreApplication.translate(
            "ResultPanel", "Hand over the reward. The till sends it when the network is back."
        ),
        "not_confirmed": QCoreApplication.translate(
            "ResultPanel",
            "Keep the reward back until this turns green, or ask a manager.",
        ),
        "refused": QCoreApplication.translate(
            "ResultPanel", "Do not hand over. Tell the customer the reason above."
        ),
        "not_redeemed": QCoreApplication.translate(
            "ResultPanel", "Do not hand over. Tell the customer the reason above."
        ),
        "closed": QCoreApplication.translate(
            "ResultPanel",
            "Nothing more to do at the till. The manager's note is in manager mode's History.",
        ),
        "working": QCoreApplication.translate("ResultPanel", "A moment: nothing to hand over yet."),
        "waiting_pin": QCoreApplication.translate(
            "ResultPanel", "The customer types their PIN on the pad. Nothing is sent before."
        ),
        "asks_first": QCoreApplication.translate(
            "ResultPanel",
            "Nothing was sent to Stamps and nothing was redeemed. Put right what is said "
            "above, then redeem again.",
        ),
    }
    return advice[kind]


#: The icon of each look (``resources/icons/<name>.svg``).
_ICONS: dict[PanelKind, str] = {
    "confirmed": "confirmed",
    "accepted_offline": "accepted_offline",
    "not_confirmed": "not_confirmed",
    "refused": "refused",
    "not_redeemed": "refused",
    "closed": "closed",
    "working": "working",
    "waiting_pin": "pin",
    "asks_first": "warning",
}
#: Not confirmed, but handed over when the till accepted it offline: the raised hand ("stop, do
#: not hand over") would ask for what cannot be done now, and a tick would claim too much.
_HANDED_OVER_ICON = "not_confirmed_offline"


class ResultPanel(QFrame):
    """Shows a :class:`ResultData`: a coloured banner with the outcome's fixed words and icon,
    the headline and details, what to do, the redemption id and voucher code as text, a QR code
    for a confirmed result, and "Print slip" (``print_requested``).

    Colour comes from the ``outcome`` property and ``till.qss``; words and icon differ too, so
    the outcome still reads on a monochrome screen or to a colour-blind cashier.

    ``slips=False`` never offers "Print slip": a panel outside the cashier's screen has no
    customer's sale to print one for.
    """

    print_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, slips: bool = True) -> None:
        super().__init__(parent)
        self._result: ResultData | None = None
        self._slips = slips
        self._tight = False

        self.banner = QFrame()
        self.banner.setObjectName("resultBanner")
        self.banner.setMinimumHeight(64)
        self.banner_icon = QLabel()
        self.banner_icon.setObjectName("resultIcon")
        self.banner_icon.setFixedSize(36, 36)
        self.title = QLabel()
        self.title.setObjectName("resultHeadline")
        self.title.setWordWrap(True)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(12, 8, 12, 8)
        banner_layout.setSpacing(10)
        banner_layout.addWidget(self.banner_icon)
        banner_layout.addWidget(self.title, 1)

        self.headline = QLabel()
        self.headline.setObjectName("resultSubject")
        self.headline.setProperty("role", "heading")
        self.headline.setWordWrap(True)
        self.details = QLabel()
        self.details.setObjectName("resultDetails")
        self.details.setWordWrap(True)
        self.what_to_do = QLabel()
        self.what_to_do.setObjectName("resultWhatToDo")
        self.what_to_do.setWordWrap(True)
        self.reference = ReferenceLines()
        self.reference.setObjectName("resultReference")
        self.qr = QrLabel(QR_MODULE_PX)
        self.qr.setObjectName("resultQr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.print_button = QPushButton(self.tr("Print slip"))
        self.print_button.setObjectName("resultPrint")
        self.print_button.clicked.connect(self.print_requested)
        self._print_offered = False
        # "Print slip" beside the QR code, in a slot that keeps the button's room whether it is
        # there or not, so the words need the same height either way; or, where they need more
        # than the panel has (a cart of three at 1024x600: its names on three lines), pinned
        # under them (_foot), whole: at the words' foot it was cut in half, a scroll away.
        self._print_slot = QWidget()
        slot = QHBoxLayout(self._print_slot)
        slot.setContentsMargins(0, 0, 0, 0)
        slot.addStretch(1)
        slot.addWidget(self.print_button)
        self._foot = QWidget()
        self._foot.setObjectName("resultFoot")
        self._foot.hide()

        # Everything under the banner, which scrolls where the panel takes a share of its
        # column (take_a_share) and the words need more: the banner stays in sight.
        body = QWidget()
        body.setObjectName("resultBody")
        words = QVBoxLayout(body)
        words.setContentsMargins(0, 0, 0, 0)
        words.setSpacing(8)
        self.body = ResultWords(body)
        # The words keep the room of the scroll bar on their right, shown or not, so they are
        # as wide either way (the QR code beside the references is decided for that width);
        # that room is taken from the panel's right margin.
        bar = self.body.bar_room()
        self._right = max(0, _MARGIN - bar)
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(_MARGIN, _MARGIN, self._right, _MARGIN)
        layout.setSpacing(8)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, _MARGIN - self._right, 0)
        top.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(self.body, 1)
        foot = QHBoxLayout(self._foot)
        foot.setContentsMargins(0, 0, _MARGIN - self._right, 0)
        foot.addStretch(1)
        layout.addWidget(self._foot)
        words.addWidget(self.headline)
        words.addWidget(self.details)
        words.addWidget(self.what_to_do)
        # The QR code beside the references it encodes and "Print slip", not under them: at
        # 1024x768 a confirmed voucher's words left the code under them no room, and a code
        # smaller than a phone reads (qr.py) is no code. It takes the height the words leave.
        self.reference.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        beside_code = QVBoxLayout()
        beside_code.setSpacing(8)
        beside_code.addWidget(self.reference)
        beside_code.addStretch(1)
        beside_code.addWidget(self._print_slot)
        self._codes = codes = QHBoxLayout()
        codes.setSpacing(12)
        codes.addLayout(beside_code, 1)
        codes.addWidget(self.qr)
        words.addLayout(codes, 1)
        self.set_result(None)

    # -- public API --------------------------------------------------------------------------

    def set_tight(self, tight: bool) -> None:
        """The banner's words in a smaller type, on a tight page
        (app/ui/widgets/cashier_columns.py): in the till's own they made the column's least
        width. The icon beside them goes too: at 819 px "CONFIRMED" and "DIKONFIRMASI", words
        that cannot break, ran past the banner's edge beside it; the colour and the words say
        the outcome without it. "Print slip" says "Print", its whole words in its tooltip."""
        self._tight = tight
        self._title_type(smaller=tight)
        self.banner_icon.setVisible(not tight)
        # Beside the QR code at its smallest, "Cetak bukti" was cut to "etak buk" at 819 px.
        whole = self.tr("Print slip")
        self.print_button.setText(self.tr("Print", "the slip, on a tight page") if tight else whole)
        self.print_button.setToolTip(whole if tight else "")

    def set_result(self, result: ResultData | None) -> None:
        """Show ``result``; ``None`` shows the idle panel."""
        self._result = result
        self.body.verticalScrollBar().setValue(0)  # a new result is read from its first line
        outcome = result.kind if result else "none"
        for widget in (self, self.banner, self.title):
            set_style_property(widget, "outcome", outcome)
        if result is None:
            self.title.setText(self.tr("No redemption yet"))
            self.banner_icon.clear()
            for label in (self.headline, self.what_to_do):
                label.clear()
                label.hide()
            self.reference.set_references([])
            self.reference.hide()
            self._show_text(
                self.details, self.tr("The result of each redemption shows here, in colour.")
            )
            self.qr.clear()
            self.qr.hide()
            self._print_offered = False
            self.setAccessibleName(self.tr("Result: none"))
            self._tell_height()
            self._fit_words()
            return

        title = outcome_title(
            result.kind,
            provisional=result.provisional,
            gives=result.gives,
            answered=result.answered,
        )
        self.title.setText(title)
        handed_over = result.kind == "not_confirmed" and result.provisional
        name = _HANDED_OVER_ICON if handed_over else _ICONS[result.kind]
        self.banner_icon.setPixmap(icon(name).pixmap(36, 36))
        # The server's words (a reward's name, a refusal's reason): a word the panel cannot
        # wrap had its lines drawn cut in half. Codes and ids a cashier reads are shorter.
        self._show_text(self.headline, wrappable(result.headline, longer_than=LONGEST_WORD))
        self._show_text(self.details, wrappable(result.details, longer_than=LONGEST_WORD))
        advice = result.what_to_do or default_what_to_do(
            result.kind, provisional=result.provisional
        )
        self._show_text(self.what_to_do, advice)
        references = self._references(result)
        self.reference.set_references(references)
        self.reference.setVisible(bool(references))
        self._show_qr(result)
        # A slip is proof for the customer: only for outcomes the till stands behind.
        self._print_offered = self._slips and result.kind in ("confirmed", "accepted_offline")
        self.setAccessibleName(self.tr("Result: {title}").format(title=title))
        self._tell_height()
        self._fit_words()

    def result(self) -> ResultData | None:
        """The result on screen."""
        return self._result

    def take_a_share(self) -> None:
        """Take the height the layout gives, whatever is shown: a QR code or a long reason
        appearing must not push what is below the panel down. Its words scroll under the
        banner where they need more (never cut); the QR code takes what they leave."""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.qr.yields = True
        self.body.set_scrolls(True)

    def has_qr(self) -> bool:
        """Whether a QR code is showing."""
        return not self.qr.isHidden() and not self.qr.pixmap().isNull()

    # -- view --------------------------------------------------------------------------------

    def _references(self, result: ResultData) -> list[tuple[str, str]]:
        references = []
        if result.redemption_id:
            references.append((self.tr("Redemption ID:"), result.redemption_id))
        if result.voucher_code:
            references.append((self.tr("Voucher code:"), result.voucher_code))
        return references

    def _show_qr(self, result: ResultData) -> None:
        # Only a confirmed redemption has a server reference worth scanning; a QR on anything
        # else would look like proof that it went through.
        payload = result.voucher_code or result.redemption_id
        if result.kind != "confirmed" or not payload:
            self.qr.clear()
            self.qr.hide()
            return
        self.qr.setPixmap(QPixmap.fromImage(qr_image(payload, module_px=QR_MODULE_PX)))
        self.qr.setAccessibleName(self.tr("QR code of {payload}").format(payload=payload))
        self._fit_qr()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_words()
        self._fit_qr()

    def _title_type(self, *, smaller: bool) -> None:
        set_style_property(self.title, "tight", "true" if smaller else "false")

    def _tell_height(self) -> None:
        """Where the panel is as tall as its words (a manager's "Send again" dialog), the layout
        it sits in reads the new words' height now: the dialog grew for the answer before it
        ("Sending…"), and a confirmed one, its id and QR code, scrolled in 80 px (seen under X).
        Where they scroll in a share of the page (the cashier's), the page stays as it is."""
        if self.body.scrolls():
            return
        self.body.words_changed()
        self.updateGeometry()

    def _fit_words(self) -> None:
        """Where the words scroll (take_a_share) and need more than the panel's height, the
        banner's words take the smaller type of a tight page, leaving the rest a line or two
        more in sight: at 1093x614 in Indonesian the banner of a not-confirmed result took
        three lines, and what to do, under it, was more than the room left."""
        if not self.body.scrolls() or self.width() <= 0:
            self._pin_print(False)
            return
        self._title_type(smaller=self._tight)
        margins = self._layout.contentsMargins()
        banner_width = self.width() - 2 * _MARGIN
        banner = max(self.banner.minimumHeight(), self.banner.heightForWidth(banner_width))
        words = self.body.words_height(self._words_width())
        need = margins.top() + margins.bottom() + banner + self._layout.spacing() + words
        self._title_type(smaller=self._tight or need > self.height())
        if need > self.height():  # with the smaller banner, measured again
            banner = max(self.banner.minimumHeight(), self.banner.heightForWidth(banner_width))
            need = margins.top() + margins.bottom() + banner + self._layout.spacing() + words
        self._pin_print(need > self.height())

    def _pin_print(self, pinned: bool) -> None:
        """ "Print slip", where offered: under the words (``pinned``) or beside the QR code. Its
        slot there keeps its room either way, so the words' height, and this choice, stay put."""
        button, offered = self.print_button, self._print_offered
        home = self._foot if pinned else self._print_slot
        if button.parentWidget() is not home:
            away = self._print_slot if pinned else self._foot
            away_layout, home_layout = away.layout(), home.layout()
            assert away_layout is not None and home_layout is not None
            away_layout.removeWidget(button)
            home_layout.addWidget(button)
        self._print_slot.setMinimumHeight(button.sizeHint().height())
        self._print_slot.setVisible(offered)
        self._foot.setVisible(offered and pinned)
        button.setVisible(offered)

    def _fit_qr(self) -> None:
        """The QR code beside the references where both fit, at its smallest at least; else
        the references alone, read whole (the code is in them, in words). At 819 px a 64
        character voucher code's QR, too wide to be drawn, kept its room, and the references
        beside it read "Redemptio"."""
        if self.qr.pixmap().isNull():
            return
        room = self._words_width() - self._codes.spacing() - self.qr.minimumSizeHint().width()
        self.qr.setVisible(room >= self.reference.least_width())

    def _words_width(self) -> int:
        # The panel's width less its margins and the scroll bar's room (ResultWords).
        return self.width() - _MARGIN - self._right - self.body.bar_room()

    @staticmethod
    def _show_text(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))
