"""The one way every redemption goes: PIN when the member needs it, enqueue through the till,
wait for the outcome, show it, and keep following it until it settles."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.services import (
    INVOICE,
    CatalogueUnavailable,
    CodeRefused,
    HistoryRow,
    InvalidOrder,
    Member,
    Message,
    OperationKind,
    Order,
    PinBlocked,
    PinRejected,
    PinRequired,
    Receipt,
    Refused,
    Sale,
    Secret,
    ShiftRow,
    StorageProblem,
    Verdict,
    VoucherFacts,
    clock,
    recorded_what,
)
from app.ui.controllers.session import CashierSession
from app.ui.controllers.storage import fact_for
from app.ui.controllers.tasks import spawn
from app.ui.dates import time_text
from app.ui.dialogs.pin_dialog import PinDialog
from app.ui.main_window import CashierWindowView
from app.ui.viewmodels import CounterRefusalKey, OutcomeKind, RedemptionRowData, ResultData
from app.ui.wording import words

#: A builder turns the member on screen into an order (and the voucher's facts, for a voucher).
OrderBuilder = Callable[[Member], Awaitable[tuple[Order, VoucherFacts | None]]]
#: What of the page an order was made of (a code field's text, the cart's lines), read again
#: to tell whether the cashier has changed it since.
MadeOf = Callable[[], object]

#: How each of the till's verdicts looks on screen (the shift's list uses the same).
KIND_OF: dict[Verdict, OutcomeKind] = {
    Verdict.CONFIRMED: "confirmed",
    Verdict.ACCEPTED_OFFLINE: "accepted_offline",
    Verdict.NOT_CONFIRMED: "not_confirmed",
    Verdict.REFUSED: "refused",
    Verdict.NOT_REDEEMED: "not_redeemed",
    # never sent, so nothing was redeemed: no refusal was made of them (a cancel the server
    # confirmed reads the same, show_undone)
    Verdict.CANCELLED: "not_redeemed",
    Verdict.EXPIRED: "not_redeemed",
    # closed by a manager: a dismissed unknown may have been applied, so never "Refused"
    Verdict.CLOSED: "closed",
}
#: Outcomes that may still change: the till keeps following them.
_OPEN = (Verdict.NOT_CONFIRMED, Verdict.ACCEPTED_OFFLINE)
#: What the list follows: those, and a refusal until a manager decides on it (sent again, the
#: panel and the row follow the redemption sent, :meth:`Till.outcome`). Refusals wait on the
#: "Needs a manager" badge, so few are followed at a time.
_FOLLOWED = (*_OPEN, Verdict.REFUSED)


def result_data(receipt: Receipt, what: str) -> ResultData:
    """A result panel's values for a receipt headed ``what``: the till's own words for it (the
    cashier's panel, and a manager's "Send again", say a verdict alike)."""
    return ResultData(
        kind=KIND_OF[receipt.verdict],
        headline=what,
        details=words(receipt.details) if receipt.details else "",
        redemption_id=(
            str(receipt.server_redemption_id) if receipt.server_redemption_id is not None else None
        ),
        voucher_code=receipt.voucher_code,
        what_to_do=words(receipt.what_to_do),
        provisional=receipt.provisional,
        gives=receipt.gives,
        answered=receipt.answered,
    )


def counter_row(row: ShiftRow) -> RedemptionRowData:
    """The shift's list's row for a customer turned away at the counter (a row of the shift's
    record with no entry): refused or not redeemed, with why in the words the panel said."""
    assert row.refusal_id is not None
    return RedemptionRowData(
        entry_id=CounterRefusalKey(row.refusal_id),
        time_text=time_text(row.time),
        member=row.member,
        what=words(recorded_what(row.what)),
        status=KIND_OF[row.status],
        reason=words(row.reason) if row.reason else "",
    )


@dataclass(frozen=True)
class _Asking:
    """What the till asks for on the panel (``result``), and what of the page its cause was
    (``made_of``, which read ``was`` then)."""

    result: ResultData
    made_of: MadeOf
    was: object


@dataclass
class _Followed:
    """A redemption of this shift, as its row describes it."""

    member: str
    what: str
    time_text: str
    verdict: Verdict | None = None
    #: Accepted offline: its row, once not confirmed, says the reward went over then.
    provisional: bool = False
    #: Accepted while the server answered (a 429, a 408: ``Receipt.answered``): its row does not
    #: say offline.
    answered: bool = False


class RedemptionController(QObject):
    """Runs :meth:`redeem` for the rewards, vouchers and promo controllers, and owns the result
    panel and the shift's redemptions list.

    ``result_shown(ResultData | None)`` fires whenever the result panel changes;
    ``rows_refreshed()`` after the followed rows were brought up to date; ``receipt_ready(Receipt)``
    when a redemption's wait ends; ``refused(ResultData)`` when the till refused before anything
    was queued; ``pin_blocked()`` when that refusal was the member's PIN, blocked (the card says
    so).
    """

    result_shown = Signal(object)
    pin_blocked = Signal()
    rows_refreshed = Signal()
    receipt_ready = Signal(object)
    refused = Signal(object)
    #: A redemption of the customer on screen was queued (their sale taken, its invoice too).
    queued = Signal()
    #: A redemption began (``True``) or its result is in (``False``): :attr:`busy` changed.
    busy_changed = Signal(bool)

    def __init__(self, view: CashierWindowView, session: CashierSession) -> None:
        super().__init__(view)
        self.view = view
        self.session = session
        self.till = session.till
        self.pin_dialog: PinDialog | None = None
        self._busy = False
        #: The customer the redemption under way is for has left the counter (another member
        #: found, Esc, the lock): nothing more of it is queued or shown (:meth:`_customer_left`).
        self._gone = False
        self.on_screen: str | None = None
        self.on_screen_what = ""
        #: The invoice number the redemption on screen was sent with: its slip's, whatever the
        #: field holds since (the next customer's receipt, scanned before the slip is asked for).
        self.on_screen_invoice: str | None = None
        self.last_receipt: Receipt | None = None
        self._followed: dict[str, _Followed] = {}
        self._refreshing = False
        self._dirty = False
        self._backed_out: asyncio.Event | None = None
        #: The redemption whose own wait runs while the panel reads "Working on it…": its row
        #: says "Sending…" until the wait ends. It read "NOT CONFIRMED" for those seconds, while
        #: the panel told the cashier the till was still sending it.
        self._sending: str | None = None
        #: ...and the panel says it waits behind the member's earlier redemption: so does the
        #: row ("Sending…" beside a panel that said nothing of it was being sent).
        self._sending_behind = False
        #: While the panel counts the time to its redemption's next attempt, the receipt is read
        #: again each second: the count is the outbox's next attempt, never one true once.
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._count_down)
        self._counting = False
        #: What the till asks for on the panel, put away once its cause is gone (:meth:`ask`).
        self._asking: _Asking | None = None
        #: "Still being looked up" on the panel, put away as the lookup ends.
        self._waits_for_lookup: ResultData | None = None
        self._unsubscribe = self.till.subscribe(self._till_changed)
        session.member_changed.connect(lambda _member: self.recheck_asking())
        view.invoice_field.invoice_changed.connect(lambda _text: self.recheck_asking())
        # Esc reaches back_out through the window's own handler (CashierWindow.back), which asks
        # it first: heard here too, the wait was left and the window's handler, finding no wait,
        # went on to clear the customer, whose result then left the panel with them.
        session.customer_left.connect(self._customer_left)

    def close(self) -> None:
        """Stop listening to the till (the window is closing)."""
        self._countdown.stop()
        self._unsubscribe()

    @property
    def busy(self) -> bool:
        """Whether a redemption is under way (its PIN, its enqueue or its wait): a next order is
        turned away until its result is in."""
        return self._busy

    @busy.setter
    def busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    @property
    def left_behind(self) -> bool:
        """Whether the customer the last redemption was for left the counter before it ended:
        nothing after it (the code field, the cursor) is theirs any more."""
        return self._gone

    # -- the flow ----------------------------------------------------------------------------

    async def redeem(
        self,
        kind: OperationKind,
        what: Message,
        build: OrderBuilder,
        made_of: MadeOf | None = None,
    ) -> Receipt | None:
        """Build the order for the member on screen, take their PIN if needed, enqueue it and
        show what became of it, headed by the order's own words (``what`` until it is built).
        Returns the receipt, or ``None`` when nothing was enqueued, or the customer it was for
        has left since (what comes after it on screen, a cart emptied, is the next one's).

        ``made_of``: what of the page the order is built from; when the till asks for something
        to be put right first, the asking goes once the cashier has changed it (:meth:`ask`)."""
        member = self.session.member
        if member is None:
            self.refuse_without_member(what)
            return None
        if self.busy:
            return None
        if self.session.looking_up:
            self._refuse_while_looking_up(what)
            return None
        self.busy = True
        self._gone = False
        try:
            receipt = await self._redeem(member, kind, what, build, made_of)
        finally:
            self.busy = False
        return None if self._gone else receipt

    def ask(self, result: ResultData, made_of: MadeOf) -> None:
        """``result``, what the till asks for (on the panel now), stays there only while its
        cause does: once ``made_of()`` reads otherwise than now (the member found, the code or
        the cart changed), the panel is put back to none (:meth:`recheck_asking`). Left up, it
        said "Not sent — the till needs something first" beside what it had asked for."""
        self._asking = _Asking(result, made_of, made_of())

    def recheck_asking(self) -> None:
        """The page changed: put the asking on the panel away if its cause is gone."""
        asking = self._asking
        if asking is None:
            return
        if self.view.result_panel.result() is not asking.result:
            self._asking = None  # another result since: not this asking's to put away
        elif asking.made_of() != asking.was:
            self._asking = None
            self.show(None)

    def refuse_without_member(self, what: Message) -> None:
        """Say that ``what`` needs the member on screen first: nothing was sent. It goes once
        a member is."""
        result = self.asks_first(words(what), self.tr("Find the member first (F2)."))
        self.show(result)
        self.ask(result, lambda: self.session.member is None)

    def _refuse_while_looking_up(self, what: Message) -> None:
        """Say that nothing of ``what`` was sent: the next member is being looked up. Started,
        it waited on the lookup, and the customer it was for left as the next one came: the
        panel's "Checking with the till…" went without a word. Nothing goes on the shift's
        list (nobody was turned away); the words go as the lookup ends (:meth:`lookup_ended`)."""
        result = self.asks_first(
            words(what),
            self.tr("The next member is still being looked up: nothing was redeemed."),
            self.tr("Redeem once the member you serve is on screen."),
        )
        self.show(result)
        self._waits_for_lookup = result

    def lookup_ended(self, _member: object = None) -> None:
        """The member search's lookup ended: what it said of it goes (another customer found
        took it with them already; the same one found again may now be redeemed for)."""
        waited, self._waits_for_lookup = self._waits_for_lookup, None
        if waited is not None and self.view.result_panel.result() is waited:
            self.show(None)

    async def _redeem(
        self,
        member: Member,
        kind: OperationKind,
        what: Message,
        build: OrderBuilder,
        made_of: MadeOf | None,
    ) -> Receipt | None:
        headline = words(what)
        self.show(ResultData("working", headline, self.tr("Checking with the till…")))
        invoice = self.view.invoice_field
        sale = self.session.sale(invoice.sale_text())
        try:
            try:
                # The invoice number first: one the cashier cannot have meant sends nothing,
                # not even the code to be validated.
                sale = sale.checked()
                order, voucher = await build(member)
                if self._gone:
                    return None  # the code was checked for a customer who is no longer here
                what, headline = order.description, words(order.description)
                receipt = await self._enqueue(member, order, voucher, sale)
            except (InvalidOrder, CatalogueUnavailable) as exc:
                if self._gone:
                    return None  # nothing was asked for them: the order was dropped, not refused
                if not exc.asks_first:
                    # A customer turned away goes on the shift's record; a field the cashier
                    # puts right a second later (an invoice number typed wrong) is no refusal.
                    await self.till.redeemer.record_refusal(
                        member, sale, kind=kind, what=what, reason=exc.message, verdict=exc.verdict
                    )
                    await self._list_refusals(sale.shift_id)
                result = self._refuse(
                    headline, exc.message, exc.verdict, exc.what_to_do, asks=exc.asks_first
                )
                wrong_invoice = isinstance(exc, CodeRefused) and exc.field is INVOICE
                if wrong_invoice:
                    invoice.set_required(True)  # the field to put right
                    invoice.focus()
                if exc.asks_first:
                    # Its cause: the invoice number typed wrong, or what the order was made of.
                    cause = invoice.sale_text if wrong_invoice else made_of
                    if cause is not None:
                        self.ask(result, cause)
                return None
            except Refused as exc:  # the till has put it on the shift's record
                await self._list_refusals(sale.shift_id)
                if self._gone:
                    return None
                self._show_member_read(exc.member_read)
                self._refuse(headline, exc.message, exc.verdict, exc.what_to_do)
                if isinstance(exc, PinBlocked):  # the card says so, not "PIN required" still
                    self.pin_blocked.emit()
                return None
        except StorageProblem as problem:
            # The disk filled (or went read-only) since the banner last looked: nothing was
            # queued, so nothing will be sent. Not redeemed (the server refused nothing), said in
            # the till's words; the banner follows.
            if self._gone:
                return None
            result = ResultData(
                kind="not_redeemed",
                headline=headline,
                details=fact_for(problem),
                what_to_do=self.tr(
                    "Nothing was redeemed, and nothing will be sent: redeem it again once the "
                    "till can save. Tell the customer why."
                ),
            )
            self.show(result)
            self.refused.emit(result)
            return None
        if receipt is None:  # the PIN dialog was cancelled
            if not self._gone:
                self.show(None)
            return None

        working, behind = "", False
        if receipt.verdict is not Verdict.ACCEPTED_OFFLINE:
            # Esc from here on leaves the wait, which starts after the read below: the worker
            # may send it meanwhile, and an Esc pressed then did nothing.
            self._backed_out = asyncio.Event()
            try:
                # Read before anything of it is shown: whether it is sent now or waits its turn.
                working, behind = await self._working_words(receipt.entry_id)
            except BaseException:
                self._backed_out = None
                raise
        self._followed[receipt.entry_id] = _Followed(
            member=member.name,
            what=headline,
            time_text=time_text(receipt.created_at),
        )
        waits = not self._gone and receipt.verdict is not Verdict.ACCEPTED_OFFLINE
        self._sending = receipt.entry_id if waits else None
        self._sending_behind = waits and behind
        self._upsert_row(receipt.entry_id, receipt.verdict, receipt.provisional, receipt.answered)
        if self._gone:  # queued as they left: the shift's list follows it, the panel is not theirs
            self._backed_out = None
            return receipt
        self.queued.emit()
        self.on_screen = receipt.entry_id
        self.on_screen_what = headline
        self.on_screen_invoice = sale.invoice_number
        if waits:  # accepted offline is answered at once
            self._put(ResultData("working", headline, working))
        # The result goes on the panel (and the row) as the wait ends and the redemption stops
        # being busy, in one step: nothing shown as done while a next order would still be turned
        # away, nor as not confirmed while the panel still says it is being sent.
        try:
            done = await self._wait_unless_backed_out(receipt)
        finally:
            self._stop_sending()
        self._settle(done)
        self.receipt_ready.emit(done)
        if done.verdict in (Verdict.CONFIRMED, Verdict.ACCEPTED_OFFLINE, Verdict.NOT_CONFIRMED):
            self.session.balance_changed(done.lane, done.stamps_remaining)
        elif done.verdict is Verdict.REFUSED:
            self.session.read_again(done.lane)
        return done

    async def _working_words(self, entry_id: str) -> tuple[str, bool]:
        """What the panel says while the wait for entry ``entry_id`` runs: that it waits behind
        the member's earlier redemption, when it does (nothing of it is being sent: it read
        "Sending to Stamps…" for the whole wait), else that it is being sent; and whether it
        waits so (its row says the same)."""
        try:
            now = await self.till.receipt(entry_id)
        except (KeyError, StorageProblem):
            now = None  # read again by the wait, which says what became of it
        said = now.details if now is not None else None
        if said is not None and said.id.startswith("receipt.detail.behind"):
            return words(said), True
        return self.tr("Sending to Stamps…"), False

    def _refuse(
        self, headline: str, reason: Message, verdict: Verdict, todo: Message, *, asks: bool = False
    ) -> ResultData:
        # In the look of a receipt with the same verdict: what the offline rules would not take
        # reads "Not redeemed" whether or not it was queued before the till knew. ``todo`` is the
        # receipt's words too, but where they would be false (a code the server left unchecked
        # was not judged by the offline rules). What the till asks to be put right first
        # (``asks``: an empty cart, a code typed wrong) was refused by no server.
        result = ResultData(
            kind="asks_first" if asks else KIND_OF[verdict],
            headline=headline,
            details=words(reason),
            what_to_do=words(todo),
        )
        self.show(result)
        self.refused.emit(result)
        return result

    async def _list_refusals(self, shift_id: int | None) -> None:
        """The shift's list takes the refusals at the counter it does not list yet: the one about
        to be shown (its customer gone meanwhile, too: the summary counts it), listed before the
        panel says it, so the two never disagree. Read back from the record, not made up from
        the panel: the list says what the summary, End of day and the CSV will say of it, and a
        refusal is listed once whatever lists it."""
        if shift_id is None:
            return
        try:
            rows = await self.till.shift_record.shift_refusals(shift_id)
        except StorageProblem:
            return  # the storage banner says why; the summary reads the record whole
        model = self.view.redemptions_model
        if self.session.shift is None or self.session.shift.id != shift_id:
            return  # the shift closed meanwhile: its list is gone with it
        for row in rows:  # oldest first: each goes on top
            shown = counter_row(row)
            if model.find(shown.entry_id) is None:
                model.upsert(shown)

    def back_out(self) -> bool:
        """Esc while a redemption is being sent: stop waiting for the server on screen. The entry
        stays in the outbox and in the shift's list, followed until it settles; the panel says
        what is known. True if there was a wait to leave."""
        if self._backed_out is None or self._backed_out.is_set():
            return False
        self._backed_out.set()
        return True

    async def _wait_unless_backed_out(self, queued: Receipt) -> Receipt:
        entry_id = queued.entry_id
        if self._backed_out is None:
            self._backed_out = asyncio.Event()
        # the worker may have tried it already: what it knows is what the receipt says
        waiting = asyncio.ensure_future(self.till.answer(queued))
        backing = asyncio.ensure_future(self._backed_out.wait())
        try:
            await asyncio.wait({waiting, backing}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            self._backed_out = None
            backing.cancel()
        if waiting.done():
            return waiting.result()
        await clock.cancel_and_wait(waiting)
        return await self.till.receipt(entry_id)

    async def _enqueue(
        self, member: Member, order: Order, voucher: VoucherFacts | None, sale: Sale
    ) -> Receipt | None:
        try:
            receipt = await self.till.redeemer.redeem(order, member, sale, voucher=voucher)
        except PinRequired as required:
            approval = required.approval  # the policy has passed: not asked twice
            self._show_member_read(required.member_read)
        else:
            self._show_member_read(receipt.member_read)
            return receipt
        if self._gone:
            return None  # no PIN pad for a customer who has left
        # The policy has passed; the member's PIN is the last check, and only the server makes it.
        # No details: what the panel says for this look (the pad, nothing sent yet) is all of it.
        self.show(ResultData("waiting_pin", words(order.description)))
        request_id = await self._ask_pin(member, order, sale)
        if request_id is None:
            return None
        return await self.till.redeemer.redeem(
            order, member, sale, voucher=voucher, request_id=request_id, approval=approval
        )

    def _show_member_read(self, member: Member | None) -> None:
        """The till read the member again on the way (the balance they were looked up with fell
        short of the cost): the card shows the balance the order was judged by, not the one
        the cashier was told was not enough."""
        if member is not None and not self._gone:
            self.session.read_by_the_till(member)

    def _customer_left(self, _member: Member) -> None:
        # The next customer must not see (or be handed a slip for) the last one's result, nor
        # type a PIN for the last one's redemption. A redemption under way for the last one
        # lets go of the screen as they leave: not yet queued (a voucher code being checked),
        # it never is; queued, the shift's list follows it, and the panel waits for nothing.
        # (Held on: Ayu's code was sent after Esc, and her reward's "Confirmed. Hand over the
        # reward." came up under the next customer's card.)
        if self.pin_dialog is not None:
            self.pin_dialog.reject()
        if self.busy:
            self._gone = True
            self._stop_sending()  # the panel no longer speaks for it: its row does
            if self._backed_out is not None:
                self._backed_out.set()
        if self.view.result_panel.result() is not None:
            self.show(None)
        else:
            self.on_screen = None
            self.last_receipt = None

    def show_undone(self, row: HistoryRow) -> None:
        """``row``'s redemption stands undone now (a manager's cancel the server confirmed, or
        voided before it was sent): while the result panel shows it, it says so. It said
        "Confirmed. Hand over the reward." for a redemption a manager had just cancelled, with
        the customer still at the counter."""
        if row.entry_id != self.on_screen or self.busy:
            return
        self.last_receipt = None  # nothing of it to print a slip for
        self._put(
            ResultData(
                kind="not_redeemed",
                headline=self.on_screen_what,
                details=words(row.standing),
                what_to_do=self.tr(
                    "A manager cancelled this redemption: nothing of it stands, and its stamps "
                    "are the member's again."
                ),
            )
        )

    # -- the PIN -----------------------------------------------------------------------------

    async def _ask_pin(self, member: Member, order: Order, sale: Sale) -> str | None:
        """Open the PIN dialog; the authorised request id, or ``None`` when cancelled."""
        dialog = PinDialog(member.name, self.view)
        self.pin_dialog = dialog
        outcome: asyncio.Future[str | None] = asyncio.get_running_loop().create_future()

        def submitted(pin: str) -> None:
            # The PIN goes straight into the call; nothing here keeps it.
            spawn(
                self._authorize(dialog, member, order, sale, Secret(pin), outcome),
                name="authorize PIN",
            )

        def cancelled() -> None:
            if not outcome.done():
                outcome.set_result(None)

        dialog.pin_submitted.connect(submitted)
        dialog.rejected.connect(cancelled)
        dialog.open()
        try:
            return await outcome
        finally:
            self.pin_dialog = None
            dialog.hide()
            dialog.deleteLater()

    async def _authorize(
        self,
        dialog: PinDialog,
        member: Member,
        order: Order,
        sale: Sale,
        pin: Secret,
        outcome: asyncio.Future[str | None],
    ) -> None:
        try:
            request_id = await self.till.redeemer.authorize_pin_for(order, member, sale, pin)
        except PinRejected as exc:
            if not outcome.done():
                dialog.show_failure(words(exc.message), exc.attempts_left)
            # on the shift's record now (a manager sees the wrong PINs typed on an account):
            # the shift's list says it too, as the summary will
            await self._list_refusals(sale.shift_id)
            return
        except Refused as exc:  # offline, the server failing, the member's lane is busy, or
            # the PIN blocked (the wrong one that left no attempt): no PIN typed now can help
            if not outcome.done():
                outcome.set_exception(exc)
                dialog.reject()
            return
        finally:
            del pin
        if outcome.done():
            # The pad was closed while the server checked the PIN (Esc, its close box, the
            # customer gone): the order went with it, and so did the pad, which this answer
            # reached deleted (the crash dialog).
            return
        outcome.set_result(request_id)
        dialog.accept()

    # -- showing -----------------------------------------------------------------------------

    def show(self, result: ResultData | None) -> None:
        """Put ``result`` on the result panel, in place of the redemption it showed: that one,
        still followed in the shift's list, no longer puts what becomes of it on the panel. (It
        did: a refusal of the next order was replaced by the earlier one's "Confirmed. Hand
        over the reward." as the network came back.)"""
        self.on_screen = None
        self.last_receipt = None
        self._put(result)

    def _put(self, result: ResultData | None) -> None:
        """Put ``result`` on the panel, for the redemption on screen (:attr:`on_screen`)."""
        self.view.result_panel.set_result(result)
        self.result_shown.emit(result)
        self._follow_countdown()

    @staticmethod
    def asks_first(headline: str, reason: str, what_to_do: str = "") -> ResultData:
        """A result panel for what the till needs before it sends anything (``reason``): in
        no outcome's look, its words saying nothing was sent (the panel's own, unless
        ``what_to_do`` says more)."""
        return ResultData(
            kind="asks_first", headline=headline, details=reason, what_to_do=what_to_do
        )

    def result_for(self, receipt: Receipt, what: str) -> ResultData:
        """The result panel's values for a receipt: the till's own words for it."""
        return result_data(receipt, what)

    def _settle(self, receipt: Receipt) -> None:
        if receipt.entry_id in self._followed:
            self._upsert_row(
                receipt.entry_id, receipt.verdict, receipt.provisional, receipt.answered
            )
            if receipt.verdict not in _FOLLOWED:
                del self._followed[receipt.entry_id]
        if receipt.entry_id == self.on_screen:
            self.last_receipt = receipt
            self._put(self.result_for(receipt, self.on_screen_what))

    def _reshow(self, receipt: Receipt) -> None:
        result = self.result_for(receipt, self.on_screen_what)
        self.last_receipt = receipt
        if result != self.view.result_panel.result():
            self._put(result)
        else:
            self._follow_countdown()

    def _follow_countdown(self) -> None:
        receipt = self.last_receipt
        counts = (
            receipt is not None
            and receipt.entry_id == self.on_screen
            and receipt.sends_again_at is not None
        )
        if not counts:
            self._countdown.stop()
        elif not self._countdown.isActive():
            self._countdown.start()

    def _count_down(self) -> None:
        if self.on_screen is None or self.busy or self._counting:
            return
        self._counting = True
        spawn(self._read_again(self.on_screen), name="count down")

    async def _read_again(self, entry_id: str) -> None:
        """The panel's redemption as the outbox has it now: its count to the next attempt
        anew, or, changed meanwhile, brought up to date as any change is."""
        try:
            receipt = await self.till.outcome(entry_id)
        finally:
            self._counting = False
        shown = self.last_receipt
        if entry_id != self.on_screen or self.busy or shown is None:
            return
        if (receipt.verdict, receipt.provisional, receipt.answered) == (
            shown.verdict,
            shown.provisional,
            shown.answered,
        ):
            self._reshow(receipt)
        else:
            self._till_changed()

    def _stop_sending(self) -> None:
        """The redemption's own wait is over (or no longer on the panel): its row says what is
        known of it, whatever ends the wait (an error too: a row left "Sending…" would never
        change while its verdict did not)."""
        entry_id, self._sending = self._sending, None
        self._sending_behind = False
        followed = self._followed.get(entry_id) if entry_id is not None else None
        if entry_id is not None and followed is not None and followed.verdict is not None:
            self._upsert_row(entry_id, followed.verdict, followed.provisional, followed.answered)

    def _upsert_row(
        self, entry_id: str, verdict: Verdict, provisional: bool, answered: bool = False
    ) -> None:
        self.view.redemptions_model.upsert(self._row(entry_id, verdict, provisional, answered))

    def _row(
        self, entry_id: str, verdict: Verdict, provisional: bool, answered: bool = False
    ) -> RedemptionRowData:
        """The list's row for a followed entry, now ``verdict``."""
        followed = self._followed[entry_id]
        followed.verdict = verdict
        followed.provisional = provisional
        followed.answered = answered
        model = self.view.redemptions_model
        number = model.find(entry_id)
        # A manager's cancel, once it shows on the row, stays there (app/ui/controllers/
        # shift_cancels.py follows it).
        shown = model.row_data(number) if number is not None else None
        return RedemptionRowData(
            entry_id=entry_id,
            time_text=followed.time_text,
            member=followed.member,
            what=followed.what,
            status=KIND_OF[verdict],
            cancel_text=shown.cancel_text if shown else "",
            cancel_kind=shown.cancel_kind if shown else None,
            provisional=provisional,
            answered=answered,
            sending=entry_id == self._sending,
            behind=entry_id == self._sending and self._sending_behind,
        )

    def clear_shift(self) -> None:
        """A new shift starts with an empty list and nothing followed."""
        self._followed.clear()
        self.on_screen = None
        self.on_screen_what = ""
        self.on_screen_invoice = None
        self.last_receipt = None
        self.view.redemptions_model.set_rows([])
        self.show(None)

    async def take_up_shift(self, shift_id: int) -> None:
        """List what the shift already did, as it stands now (a shift left open before a
        restart), and follow what may still change: a redemption that was being sent when the
        window closed is on the cashier's screen until it settles, as it was before."""
        model = self.view.redemptions_model
        # Listed in one insertion, newest first: a shift of hundreds added a row at a time had
        # the list measure its rows again at each, and held the window for seconds.
        taken_up: dict[Hashable, RedemptionRowData] = {}
        for row in await self.till.shift_record.shift_rows(shift_id):
            if row.entry_id is None:
                # refused before anything was queued: listed as the panel said it, settled
                shown = counter_row(row)
                if model.find(shown.entry_id) is None:
                    taken_up[shown.entry_id] = shown
                continue
            self._followed[row.entry_id] = _Followed(
                member=row.member,
                what=words(recorded_what(row.what)),
                time_text=time_text(row.time),
            )
            # (one a manager sent again reads as that went: ShiftRecord.shift_rows follows it)
            shown = self._row(row.entry_id, row.status, row.provisional)
            if model.find(row.entry_id) is not None:
                model.upsert(shown)
            else:
                taken_up[row.entry_id] = shown
            if row.status not in _FOLLOWED:
                del self._followed[row.entry_id]
        model.add_rows(list(reversed(taken_up.values())))
        # It may have moved while the rows were read: the next change, or this, catches it.
        self._till_changed()

    # -- following ---------------------------------------------------------------------------

    def _till_changed(self) -> None:
        if not self._followed:
            return
        if self._refreshing:
            self._dirty = True
            return
        self._refreshing = True
        spawn(self._refresh_followed(), name="follow redemptions")

    async def _refresh_followed(self) -> None:
        try:
            self._dirty = True
            while self._dirty:
                self._dirty = False
                for entry_id in list(self._followed):
                    # (a manager's "Send again" of it is followed in its place)
                    receipt = await self.till.outcome(entry_id)
                    if entry_id not in self._followed:
                        continue
                    followed = self._followed[entry_id]
                    if (receipt.verdict, receipt.provisional, receipt.answered) != (
                        followed.verdict,
                        followed.provisional,
                        followed.answered,
                    ):
                        on_screen = entry_id == self.on_screen
                        if on_screen and self.busy:
                            # Its own wait is still running and puts the result up as it ends,
                            # in the step the till takes orders again: shown here first, the
                            # panel would say done while a next order is still turned away.
                            self._upsert_row(
                                entry_id, receipt.verdict, receipt.provisional, receipt.answered
                            )
                            continue
                        self._settle(receipt)
                        # The member's card takes what the server confirmed, whichever of their
                        # redemptions the panel shows (session: the last customer's changes
                        # nothing). While a redemption's own wait runs, that wait updates it.
                        if not self.busy and receipt.verdict is Verdict.CONFIRMED:
                            self.session.balance_changed(receipt.lane, receipt.stamps_remaining)
                        elif not self.busy and receipt.verdict is Verdict.REFUSED:
                            self.session.read_again(receipt.lane)
                    elif entry_id == self.on_screen and not self.busy:
                        # The same verdict, said anew: what the last attempt met (a 500, a
                        # pause, a sign-in page) replaces "Sending…" under it. Seen: a panel
                        # that read "Sending to the Stamps server…" while the server failed
                        # every attempt for minutes.
                        self._reshow(receipt)
        finally:
            self._refreshing = False
        self.rows_refreshed.emit()
