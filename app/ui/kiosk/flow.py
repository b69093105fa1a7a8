"""The customer's way through the kiosk: welcome → identify → the PIN (before anything of theirs
is shown) → first name, stamps and affordable rewards → confirm → the result → welcome.

All of it goes through :class:`~app.core.services.Kiosk`; this controller holds one customer at
a time and forgets them whole on :meth:`reset` (Done, the result's thirty seconds, sixty seconds
idle: ``idle.py``) or :meth:`start_over` (back, or a notice's OK: in the language they chose)."""

from __future__ import annotations

from collections.abc import Coroutine
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.core.services import (
    Handover,
    Kiosk,
    KioskOffer,
    KioskPaused,
    KioskPinRejected,
    KioskRefused,
    Member,
    Message,
    OfferedReward,
    Receipt,
    ScanFormats,
    Secret,
    Verdict,
    format_count,
    qr_payload,
    reference_of,
    say,
)
from app.ui import language
from app.ui.controllers.tasks import LatestOnly
from app.ui.kiosk.offer_page import TileData
from app.ui.kiosk.pages import KioskPage
from app.ui.kiosk.result_page import KioskResultData, ResultKind
from app.ui.kiosk.view import KioskWindowView
from app.ui.wording import words

#: How each verdict looks to the customer: only what the server confirmed is green.
_KIND: dict[Verdict, ResultKind] = {
    Verdict.CONFIRMED: "confirmed",
    Verdict.NOT_CONFIRMED: "not_confirmed",
    Verdict.ACCEPTED_OFFLINE: "not_confirmed",
}
#: Never sent (the kiosk's offline policy, its bound): nothing was taken from the member's stamps.
_NEVER_SENT = (Verdict.NOT_REDEEMED, Verdict.EXPIRED)


def stamps_left_words(left: int) -> str:
    """What a confirmed redemption leaves the customer: "You have 1 stamp left."."""
    return (
        QCoreApplication.translate("KioskFlow", "You have {count} stamp left.")
        if left == 1
        else QCoreApplication.translate("KioskFlow", "You have {count} stamps left.")
    ).format(count=format_count(left))


class KioskFlow(QObject):
    """One customer at a time over :class:`Kiosk`. What it holds of them (``member``,
    ``request_id``, ``offer``, ``chosen``, ``receipt``) is ``None`` again after :meth:`reset`.

    ``page_shown(page)`` on every change of screen; ``reset_done()`` once a customer is
    forgotten; ``result_ready(Receipt)`` when a redemption's wait ends.
    """

    page_shown = Signal(object)
    reset_done = Signal()
    result_ready = Signal(object)

    def __init__(self, view: KioskWindowView, kiosk: Kiosk, *, home_language: str) -> None:
        super().__init__(view)
        self.view = view
        self.kiosk = kiosk
        self.home_language = home_language
        self.member: Member | None = None
        self.request_id: str | None = None
        self.offer: KioskOffer | None = None
        self.chosen: OfferedReward | None = None
        self.receipt: Receipt | None = None
        #: A redemption is queued and its answer awaited: nothing may clear the screen now.
        self.busy = False
        #: The shop's formats for its codes (``window.py`` sets the till's): a voucher or a
        #: receipt scanned here is the cashier's, not a card.
        self.formats = ScanFormats()
        self._step = LatestOnly("kiosk step")
        view.welcome.phone_requested.connect(self.ask_phone)
        view.welcome.language_picked.connect(self.pick_language)
        view.phone.entered.connect(lambda number: self._run(self.identify(number, typed=True)))
        view.phone.back.connect(self.start_over)
        view.pin.pad.submitted.connect(self._pin_submitted)
        view.pin.pad.cancelled.connect(self.start_over)
        view.rewards.picked.connect(self.pick)
        view.rewards.done.connect(self.reset)
        # Other tiles are another screen to the customer, and to the tap guard: the second tap
        # of a double tap on "More rewards" lands on "Previous" in its place.
        view.rewards.turned.connect(lambda: self._show(view.rewards))
        view.confirm.confirmed.connect(lambda: self._run(self.redeem()))
        view.confirm.back.connect(lambda: self._show(view.rewards))
        view.result.done.connect(self.reset)
        view.notice.done.connect(self.start_over)
        view.welcome.set_language(language.current())
        self._show(view.welcome)

    # -- the customer's steps -----------------------------------------------------------------

    def scanned(self, code: str) -> None:
        """A card or member QR was scanned: who it names. Over the last customer's result,
        rewards or question it is the next customer's (a card is its holder's, and the last
        customer has most likely walked away): the last is forgotten first. Over a notice it is
        most likely the same customer doing what it said ("please scan your card"): forgotten
        too, but in the language they chose. Not while a PIN is typed (the pad says the card was
        not read) nor while an answer is awaited."""
        view = self.view
        page = view.current_page()
        if page in (view.result, view.rewards, view.confirm) and not self.busy:
            self.reset()
        elif page is view.notice:
            self.start_over()
        elif page not in (view.welcome, view.phone):
            return  # a PIN is being typed, or the server asked: that screen ends by itself
        if self.for_the_cashier(code):
            # A voucher, a receipt or a kiosk result's own QR code held to the kiosk's scanner
            # was looked up as a card: "We could not find that card. Please try again", and
            # the customer was told to scan their voucher again (seen under Xvfb).
            view.notice.set_notice(
                "counter",
                self.tr("This code is for the cashier. Please show it at the counter."),
            )
            self._show(view.notice)
            return
        self._run(self.identify(code, typed=False))

    def scanned_onto_the_pin_pad(self) -> None:
        """A card was scanned while the PIN pad is up, and its keys taken back (which card it
        was is never known: the pad's keys are a PIN's, kept nowhere). On a pad nobody has
        touched since it showed, or since the server said the last PIN was wrong, it is a new
        customer's: the one whose pad it was walked away (a new card is a new customer), and
        the next stood behind "finish the PIN first" with no way to know that Cancel was theirs
        to tap. That pad ends, taking nothing from anyone, and the new customer is asked to
        scan again. A pad someone has begun stays theirs (a stray scan mid-PIN must not take it
        away), and says Cancel is the way out; one whose PIN is being checked goes on saying so."""
        view = self.view
        pad = view.pin.pad
        if view.current_page() is not view.pin:
            return
        if pad.busy():
            view.pin.checking()  # the answer is coming: the line goes on saying so
            return
        if not pad.untouched():
            view.pin.card_not_read()
            return
        self.reset()
        view.notice.set_notice("scan", self.tr("Your card was not read. Please scan it again."))
        self._show(view.notice)

    def for_the_cashier(self, code: str) -> bool:
        """Whether ``code`` is one the kiosk has no use for and the counter has: a kiosk result's
        QR code, or a voucher's or a receipt's by the shop's formats."""
        return Handover.is_kiosk_code(code) or self.formats.kind_of(code) in ("voucher", "invoice")

    def ask_phone(self) -> None:
        """ "Enter phone number" was tapped: the keypad, unless redemptions are paused, which
        is said at once (the number would be refused for it, after twelve digits typed for
        nothing). Welcome's word may be old: while it says paused, the line is asked first.
        Online, the keypad shows at once and, when the till has not heard from the server
        lately, the line is asked meanwhile (:meth:`Kiosk.line_holds`): a line that dropped
        since the last heartbeat turns the customer away as a card would be, not after every
        digit. Their number, or a card, cancels the question (the lookup asks the server)."""
        if self.kiosk.paused:
            self._run(self._phone_unless_paused())
            return
        self._show(self.view.phone)
        self._run(self._paused_unless_line_holds())

    async def _paused_unless_line_holds(self) -> None:
        if not await self.kiosk.line_holds() and self.view.current_page() is self.view.phone:
            self.view.phone.keypad.wipe()
            self.show_notice(say("kiosk.paused"), paused=True)

    async def _phone_unless_paused(self) -> None:
        self._show(self.view.working)
        if await self.kiosk.recheck_line():
            self.show_notice(say("kiosk.paused"), paused=True)
        else:
            self._show(self.view.phone)

    async def identify(self, code: str, *, typed: bool) -> None:
        """Find the member; the PIN first when they have one, else their rewards."""
        self._show(self.view.working)
        try:
            member = await self.kiosk.identify(code, typed=typed)
        except KioskRefused as refused:
            self._refused(refused)
            return
        self.member = member
        if member.protected_redemption:
            self.view.pin.pad.wipe()
            self.view.pin.retranslate()
            self.view.pin.pad.set_attempts_left(None)
            self._show(self.view.pin)
            self.view.pin.pad.setFocus()
            return
        await self._show_offer(member)

    def _pin_submitted(self, pin: str) -> None:
        # The PIN goes straight into the call; nothing here keeps it.
        self.view.pin.checking()
        self._run(self.authorize(Secret(pin)))

    async def authorize(self, pin: Secret) -> None:
        """Have the server check the PIN; its one redemption's request id is kept for it."""
        member = self.member
        if member is None:
            return
        try:
            self.request_id = await self.kiosk.authorize(member, pin)
        except KioskPinRejected as rejected:
            self.view.pin.say(words(rejected.message), rejected.attempts_left)
            return
        except KioskRefused as refused:
            self._refused(refused)
            return
        finally:
            del pin
        self._show(self.view.working)
        await self._show_offer(member)

    async def _show_offer(self, member: Member) -> None:
        try:
            offer = await self.kiosk.offer(member)
        except KioskRefused as refused:
            self._refused(refused)
            return
        self.offer = offer
        tiles = [TileData(r.id, r.name, r.stamps) for r in offer.rewards]
        self.view.rewards.show_member(
            offer.first_name,
            offer.stamps,
            tiles,
            some_unread=offer.some_unread,
            short_of_stamps=offer.short_of_stamps,
        )
        self._show(self.view.rewards)

    def pick(self, reward_id: int) -> None:
        """A tile was tapped: ask before redeeming it."""
        offer = self.offer
        chosen = next((r for r in offer.rewards if r.id == reward_id), None) if offer else None
        if chosen is None:
            return
        self.chosen = chosen
        self.view.confirm.ask(chosen.name, chosen.stamps)
        self._show(self.view.confirm)

    async def redeem(self) -> None:
        """Queue the chosen reward and show what became of it."""
        member, chosen = self.member, self.chosen
        if member is None or chosen is None or self.busy:
            return
        # One PIN, one redemption: the authorisation is spent whatever happens next.
        request_id, self.request_id = self.request_id, None
        self.view.confirm.yes.setEnabled(False)
        self._show(self.view.working)
        self.busy = True
        try:
            try:
                queued = await self.kiosk.redeem(member, chosen.id, request_id)
            except KioskRefused as refused:
                self._refused(refused)
                return
            self.receipt = queued
            done = await self.kiosk.wait(queued)
        finally:
            self.busy = False
        self.receipt = done
        self.view.result.show_result(self._result(done, chosen))
        self._show(self.view.result)
        self.result_ready.emit(done)

    def _result(self, receipt: Receipt, chosen: OfferedReward) -> KioskResultData:
        kind = _KIND.get(receipt.verdict, "refused")
        if kind == "confirmed":
            left = receipt.stamps_remaining
            details = stamps_left_words(left) if left is not None else ""
        elif kind == "not_confirmed":
            details = words(say("kiosk.not_confirmed"))
        elif receipt.verdict in _NEVER_SENT:
            details = words(say("kiosk.not_redeemed"))
        else:
            details = words(say("kiosk.refused"))
        return KioskResultData(
            kind=kind,
            what=chosen.name,
            details=details,
            reference=reference_of(receipt.entry_id),
            qr=qr_payload(receipt.entry_id),
        )

    def paused_meanwhile(self) -> None:
        """Redemptions were paused (the line went, the server refused the till's token, or the
        disk is full) while a customer chose, or typed their phone number or PIN: their rewards
        no longer stay on screen, to be tapped and only then turned away, nor does a pad take
        the rest of a number or PIN that would be (a PIN typed whole on a full disk met
        "paused" only after OK, seen under Xvfb). Not while an answer is awaited (a redemption,
        a PIN being checked): that screen ends by itself."""
        view = self.view
        pages = (view.phone, view.pin, view.rewards, view.confirm)
        if self.busy or view.current_page() not in pages or view.pin.pad.busy():
            return
        view.phone.keypad.wipe()
        view.pin.pad.wipe()
        self._refused(KioskPaused(say("kiosk.paused")))

    # -- leaving -------------------------------------------------------------------------------

    def reset(self) -> None:
        """Forget the customer, on screen and here, and go back to welcome (in the kiosk's own
        language). Not while a redemption's answer is awaited: that screen ends by itself."""
        self._forget(home=True)

    def start_over(self) -> None:
        """As :meth:`reset`, for a customer still at the screen who goes back (the phone
        keypad's "Back", the PIN pad's cancel) or does what a notice said: welcome stays in the
        language they chose. Going back to the kiosk's own, a customer who chose Bahasa
        Indonesia and mistyped their number was answered in English once they scanned."""
        self._forget(home=False)

    def _forget(self, *, home: bool) -> None:
        if self.busy:
            return
        self._step.cancel()
        self.member = None
        self.request_id = None
        self.offer = None
        self.chosen = None
        self.receipt = None
        view = self.view
        view.phone.keypad.wipe()
        view.pin.pad.wipe()
        view.pin.pad.set_busy(False)
        view.rewards.clear()
        view.confirm.clear()
        view.result.clear()
        if home and language.current() != self.home_language:
            self.pick_language(self.home_language)
        self._show(view.welcome)
        # The next customer's card goes to the kiosk even if something took the keyboard away
        # (no one is at a keyboard to click the window back).
        view.activateWindow()
        self.reset_done.emit()

    def pick_language(self, code: str) -> None:
        """Speak ``code`` from now on (until the customer leaves)."""
        language.install(code)
        self.view.welcome.set_language(language.current())

    # -- showing -------------------------------------------------------------------------------

    def _refused(self, refused: KioskRefused) -> None:
        self.member = None
        self.request_id = None
        self.offer = None
        self.show_notice(refused.message, paused=isinstance(refused, KioskPaused))

    def scan_again(self, _code: str = "") -> None:
        """A card scanned while the kiosk was starting, too long ago to act on (boot.py): the
        customer may have gone, so nothing of theirs is shown, but nor is it lost without a
        word. The notice goes back to welcome by itself (idle.py)."""
        if self.view.current_page() is not self.view.welcome:
            return  # someone is already mid-way
        self.view.notice.set_notice(
            "scan",
            self.tr("A card was scanned while the kiosk was starting. Please scan it again."),
        )
        self._show(self.view.notice)

    def show_notice(self, message: Message, *, paused: bool = False) -> None:
        """The notice screen with ``message``, headed by what the customer does next."""
        if paused:
            kind = "paused"
        elif message.id == "kiosk.scan_card":
            kind = "scan"
        else:
            kind = "counter"
        self.view.notice.set_notice(kind, words(message))
        self._show(self.view.notice)

    def _show(self, page: KioskPage) -> None:
        self.view.show_page(page)
        if page is self.view.welcome:
            self.view.welcome.set_paused(self.kiosk.paused)
        self.page_shown.emit(page)

    def _run(self, step: Coroutine[Any, Any, None]) -> None:
        self._step.start(step)
