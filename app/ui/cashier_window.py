"""The cashier window's controllers over one till: what the window does, as opposed to how it
looks (app/ui/main_window.py) and how it starts (app/ui/cashier.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from app.config import Settings
from app.core.services import HistoryRow, Member, ScanFormats, Till, carries_card, shown
from app.ui.controllers.changes import TillChanges
from app.ui.controllers.csv_path import own_files
from app.ui.controllers.decisions import DecisionsController
from app.ui.controllers.exceptions import ExceptionsController
from app.ui.controllers.first_manager import FirstManagerController
from app.ui.controllers.invoice import InvoiceOwner
from app.ui.controllers.lock import IdleLock
from app.ui.controllers.manager_mode import ManagerModeController
from app.ui.controllers.member import MemberController
from app.ui.controllers.promo import PromoController
from app.ui.controllers.redemption import RedemptionController
from app.ui.controllers.rewards import RewardsController
from app.ui.controllers.session import CashierSession
from app.ui.controllers.shift import ShiftController
from app.ui.controllers.shift_cancels import ShiftCancels
from app.ui.controllers.status import StatusController
from app.ui.controllers.storage import StorageController
from app.ui.controllers.tasks import spawn
from app.ui.controllers.vouchers import VouchersController
from app.ui.demo import DemoControls, DemoMenu
from app.ui.kiosk.handover import KioskPickup
from app.ui.main_window import CashierWindowView
from app.ui.options import WindowOptions
from app.ui.widgets.form import FormField
from app.ui.widgets.formats_tie_break import no_code_is_known
from app.ui.widgets.key_repeat import KeyRepeatFilter
from app.ui.widgets.pin_field_guard import NOT_A_PIN_PROPERTY
from app.ui.widgets.scanned_keys import typed_with_shift_held
from app.ui.widgets.scanner_filter import (
    SCAN_FIELD_PROPERTY,
    ScannerFilter,
    anything_could_be_a_card,
    every_enter_is_the_persons,
)

if TYPE_CHECKING:
    from app.ui.controllers.audit import AuditController
    from app.ui.controllers.day import DayController
    from app.ui.controllers.history import HistoryController
    from app.ui.controllers.manager_page import ManagerPage
    from app.ui.controllers.people import PeopleController
    from app.ui.controllers.settings import SettingsController


#: Where text typed at a scanner's pace may be given back (``_could_be_a_card``): fields, and a
#: list picked from by typing its name (the sign-in page's cashiers).
_TYPED_INTO = (QLineEdit, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QAbstractItemView)


def _no_card_holds(text: str) -> bool:
    """Whether ``text`` is plainly no card: words (a space) or a web address."""
    return any(char.isspace() for char in text) or "://" in text


class CashierWindow(QObject):
    """The controllers of one :class:`CashierWindowView` over one :class:`Till`.

    ``demo`` (``make demo`` only) adds the Demo menu that cuts the network and injects faults.
    ``cashiers`` are the names of ``cashiers.txt``, imported as accounts once; ``options`` say
    how the window runs (the first manager's setup, the idle lock, the settings it may change).
    ``drop_cart_asked`` fires when Esc would drop a cart and the cashier is asked first;
    ``ready`` once the accounts are read and the first page decided.
    """

    drop_cart_asked = Signal()
    ready = Signal()

    def __init__(
        self,
        view: CashierWindowView,
        till: Till,
        *,
        cashiers: dict[int, str] | None = None,
        use_printer: bool = True,
        scanner: ScannerFilter | None = None,
        demo: DemoControls | None = None,
        options: WindowOptions | None = None,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.till = till
        self.options = options = options or WindowOptions()
        self.is_ready = False
        self.session = CashierSession(till, self)
        self.session.formats = ScanFormats.read(
            options.card_prefixes, options.invoice_prefixes, options.voucher_prefixes
        )
        self.redemption = RedemptionController(view, self.session)
        self.invoice = InvoiceOwner(view, self.session, self.redemption)
        self.vouchers = VouchersController(view, self.session, self.redemption)
        self.member = MemberController(
            view,
            self.session,
            unmatched_scan=self._unmatched_scan,
            voucher_code=self.vouchers.take_code,
        )
        self.vouchers.card_typed.connect(self._card_typed)
        self.vouchers.member_typed.connect(self._member_typed)
        self.vouchers.code_waits.connect(self._code_waits)
        self.redemption.pin_blocked.connect(self.member.refresh_card)
        self.member.lookup_finished.connect(self.redemption.lookup_ended)
        self.rewards = RewardsController(view, self.session, self.redemption)
        self.promo = PromoController(view, self.session, self.redemption)
        self.promo.card_typed.connect(self._card_typed_as_promo)
        self.promo.member_typed.connect(self._member_typed_as_promo)
        self.status = StatusController(view, self.session)
        self.status.pause_lifted.connect(self.member.token_works)
        self.shift = ShiftController(
            view,
            self.session,
            self.redemption,
            cashiers=cashiers,
            use_printer=use_printer,
            seed=options.seed,
        )
        self.lock = IdleLock(
            view, self.session, self.member, self.redemption, options.idle_lock_minutes
        )
        view.lock_requested.connect(self.lock.lock_asked)
        # No CSV of the window's goes onto the till's own files (the CLI's exports refuse them too).
        own_files.keep_off(
            options.settings_file.path if options.settings_file else None, till.config.data_dir
        )
        # A sign-in is someone at the till: the idle time starts from it, not from the last key
        # before the lock (signed in by a scan or a click the window never saw as a key, the shift
        # page relocked at the lock's next look).
        self.shift.signed_in.connect(lambda _name: self.lock.touch())
        # Manager mode, over the same till and heard changes (this process's and others'): what
        # the cashier's pages use of it now (F8, the badge, a shift row's details), its page's
        # own controllers when that page is built (ManagerPage).
        self.changes = TillChanges(till, self)
        # The line back: a member on screen from the till's copy is read from the server.
        self.changes.changed.connect(self.session.till_changed)
        self.changes.changed.connect(self.member.line_changed)  # and the search's "unreachable"
        # The shift's summary up while its redemptions settle: its counts follow them.
        self.changes.changed.connect(
            lambda: spawn(self.shift.follow_summary(), name="shift summary")
        )
        self.mode = ManagerModeController(view, self.session)
        self.decisions = DecisionsController(view, till, self.mode, self.changes)
        # A manager's decision on a redemption of the member on screen moves what their card
        # holds back: it read "Projected", less an unknown a manager had dismissed, until the
        # member was scanned again.
        self.decisions.decided.connect(lambda receipt: self.session.read_again(receipt.lane))
        self.exceptions = ExceptionsController(view, till, self.changes, self.mode)
        self.shift_cancels = ShiftCancels(view, till, self.changes)
        self.shift_cancels.undone.connect(self._undone)
        self.storage = StorageController(view, till)
        self.kiosk_pickup = KioskPickup(view, self.session)
        self.first_manager = FirstManagerController(view, till)
        self.scanner: ScannerFilter | None = None
        # For the window's whole life, not only while a PIN pad is up: a finger resting on a
        # USB numpad's digit filled Budi's PIN pad with it, for Enter to send as a wrong PIN.
        # No field of the till needs a digit held down to repeat (a held Backspace or arrow
        # still does). Made after the scanner filter (cashier.listening), so it sees a key first.
        self.repeats = KeyRepeatFilter(self)
        self._manager_page: ManagerPage | None = None
        view.manager_built.connect(self._manager_page_built)
        if view.built_manager is not None:  # a view whose page something already wanted
            self._manager_page_built()
        self.mode.entered.connect(lambda _name: spawn(self.manager_entered(), name="manager"))
        self.mode.left.connect(
            lambda _reason: spawn(self.shift.after_manager_mode(), name="accounts after manager")
        )
        self.demo: DemoMenu | None = None
        if demo is not None:
            # A till that trusts no key leaves the menu's failures for a manager (demo_settings).
            exceptions_stay = not till.config.idempotency_honoured
            self.demo = DemoMenu(view, demo, exceptions_stay=exceptions_stay)
        self.drop_cart_dialog: QMessageBox | None = None
        if scanner is not None:
            self.listen_to(scanner)
        self.session.customer_left.connect(self._customer_left)
        view.back_requested.connect(self.back)
        view.invoice_field.entered.connect(self._invoice_entered)
        self._first = spawn(self._first_page(), name="first page")

    def _manager_page_built(self) -> None:
        from app.ui.controllers.manager_page import ManagerPage

        self._manager_page = ManagerPage(self)

    @property
    def manager_page(self) -> ManagerPage:
        """Manager mode's page's controllers (the page built if it was not)."""
        self.view.manager  # noqa: B018 - builds the page, whose signal builds these
        assert self._manager_page is not None
        return self._manager_page

    @property
    def history(self) -> HistoryController:
        """Manager mode's history tab."""
        return self.manager_page.history

    @property
    def audit(self) -> AuditController:
        """Manager mode's audit tab."""
        return self.manager_page.audit

    @property
    def day(self) -> DayController:
        """Manager mode's day tab."""
        return self.manager_page.day

    @property
    def people(self) -> PeopleController:
        """Manager mode's people tab."""
        return self.manager_page.people

    @property
    def settings(self) -> SettingsController:
        """Manager mode's settings."""
        return self.manager_page.settings

    async def _first_page(self) -> None:
        await self.shift.prepared
        if self.options.ask_first_manager:
            await self.first_manager.ask_if_needed()
        self.is_ready = True
        self.ready.emit()

    async def manager_entered(self) -> None:
        """Manager mode's page came up: read what its tabs show, from the days a manager reads
        now (past midnight, the day a late shift still open began: docs/manager-mode.md)."""
        history = self.view.manager.history
        days = await self.till.shift_record.days_to_read()
        history.open_on(days.first, days.today)
        # The audit log too: the days its page was built on are not the till's, after midnight
        # or on a page built the day before.
        self.view.manager.audit.open_on(days.first, days.today)
        self.view.manager.day.open_on(days.first)
        await self.history.load_choices()
        self.history.show(history.query())
        await self.exceptions.read_again()
        await self.audit.load_choices()
        self.audit.show(self.view.manager.audit.query())
        self.day.show(self.view.manager.day.picked())
        await self.people.load()

    def listen_to(self, scanner: ScannerFilter) -> None:
        """Take the scans ``scanner`` reads, and those it takes back from a PIN field."""
        self.scanner = scanner
        scanner.could_be_a_card = self._could_be_a_card
        scanner.enter_is_the_persons = self._enter_is_the_persons
        scanner.names_a_code = self._names_a_code
        scanner.may_become_a_code = self._may_become_a_code
        scanner.scanned.connect(self.scanned)
        scanner.taken_back.connect(self.scan_taken_back)
        scanner.enter_held_back.connect(self._enter_held_back)

    def scan_taken_back(self, widget: QObject) -> None:
        """A card scanned into a PIN field was taken back, not tried as a PIN. On the sign-in
        page it is said as a card scanned anywhere else there is: the card vanished without a
        word while the cursor waited in the cashier's PIN, and was scanned again and again."""
        if widget is self.view.sign_in.pin_field:
            self.view.sign_in.say_scan_not_read()
        elif widget.property(NOT_A_PIN_PROPERTY):
            # The settings' API token: it holds no PIN, and was said to.
            said = self.tr("Card not read, and the token emptied: paste or type the token again.")
            field = widget.parent()
            if isinstance(field, FormField):
                field.set_error(said)
        elif not callable(getattr(widget, "take_back_scan", None)):  # a PIN pad says it itself
            # A manager's PIN field (signing in, a cashier's new PIN): emptied, the digits typed
            # before the card with it, and not a word said why.
            said = self.tr("Card not read, and the PIN emptied: type the PIN again.")
            field = widget.parent()
            if isinstance(field, FormField):
                field.set_error(said)
            else:
                self.view.status.show_note(said)

    def scanned(self, code: str) -> None:
        """A scan, wherever focus was: into the invoice field when the cursor is there, else a
        member identifier first and a voucher code second (architecture §5). With a dialog up, it
        goes only into a field meant for a card, else it is said not read; on a page that serves
        no customer (the sign-in, the first manager's setup, the shift's summary) it is said not
        read. In a filter of manager mode's page its Enter shows the list."""
        view = self.view
        notice = self.mode.form_closed_notice
        if notice is not None and QApplication.activeModalWidget() is notice:
            # A card, not the manager's typing the box is there to catch: the next customer.
            notice.accept()
        if QApplication.activeModalWidget() is None and view.pages.currentWidget() is view.sign_in:
            # Nobody has signed in to serve the customer (or the till locked): said, not lost
            # in the cashier list; the customer scans again once the shift is open.
            view.sign_in.say_scan_not_read()
            return
        if QApplication.activeModalWidget() is not None:
            self._into_dialog(code)
            return
        if view.is_showing_manager():
            self._filter_by_scan(code)
            return
        if view.pages.currentWidget() is not view.cashier_page:
            self._on_another_page()
            return
        if self.redemption.pin_dialog is not None:
            return
        if not code.isascii() or typed_with_shift_held(code):
            # No card, ID, code or receipt holds such letters: a scanner set for one keyboard
            # layout typing on another ("èà&'àààààààà-", Ayu's card on a French one), or a card
            # scanned while the cashier held Shift ("&)!$…"). Tried as the voucher code of the
            # customer on screen, it came back "Refused".
            self.member.not_read(code)
            return
        self.member.scan_read()
        if KioskPickup.is_kiosk_code(
            code
        ):  # a kiosk result's QR: that redemption, wherever focus is
            self.kiosk_pickup.open(code)
            return
        focus = QApplication.focusWidget()
        kind = self.session.formats.kind_of(code)
        if kind == "voucher":
            # A voucher's code by the store's format, wherever the cursor was: the code of the
            # member on screen, not first asked as a member; with nobody there, it waits.
            self.vouchers.take_code(code)
        elif kind == "card" or self._their_card(code):
            # A card, wherever the cursor was: in the invoice number it took the place of the
            # receipt's number the cashier had typed for this sale (the customer on screen
            # scanned again), and in a code field it was no code.
            self.member.scanned(code)
        elif focus is view.invoice_field.field and not self.session.formats.may_be_invoice(code):
            # Not a receipt by the store's format: a promo code scanned twice (the second as
            # the till asked for the invoice) was the invoice number, and the promo went to
            # the server with "NGOPIPAGI" for a receipt, the sale's own still free for another.
            self._not_a_receipt(code)
        elif focus is view.invoice_field.field:
            view.invoice_field.set_text(code)
            # On, as a typed Enter moves it: the scanner's is swallowed, and the customer's card
            # scanned next replaced the receipt's number, nobody found.
            self._invoice_entered()
        elif kind == "invoice":
            # A receipt by the store's format, wherever the cursor was: tried as a member, then
            # as the voucher code of the member on screen, it came back "Refused" on their
            # record. The cursor stays where the cashier had it.
            view.invoice_field.set_text(code)
        elif focus is view.promo_panel.code_field:
            # A member first, as anywhere: the cursor left in a code (F5 or F4, and no code
            # after all) took the next customer's card as a code for the last one, refused on
            # their record (a promo sent with their invoice) while the next customer waited.
            self.member.scanned(code, into_code=self._promo_scanned)
        elif focus is view.voucher_panel.code_field and self.session.member is not None:
            self.member.scanned(code, into_code=self.vouchers.use_code)
        else:
            self.member.scanned(code)

    def _card_typed(self, code: str) -> None:
        # Said where the cashier looks for the card's member, the code emptied (no code) and
        # the cursor in the member search, where the card scanned again finds them.
        self.view.voucher_panel.clear_code()
        said = self.tr(
            "Card not read (“{code}”): it came too slowly for a scan, into the voucher code. "
            "Scan it again."
        )
        self.member.scan_not_read(said.format(code=code))
        self.view.focus_member_search()

    def _card_typed_as_promo(self, code: str) -> None:
        # As into the voucher code (above), said of the promo code it went into.
        self.view.promo_panel.clear()
        said = self.tr(
            "Card not read (“{code}”): it came too slowly for a scan, into the promo code. "
            "Scan it again."
        )
        self.member.scan_not_read(said.format(code=code))
        self.view.focus_member_search()

    def _could_be_a_card(self, typed_into: QWidget, text: str) -> bool:
        # The scanner filter's one question. Where a scan is taken (the cashier's page, a field
        # meant for a card), every burst at a scanner's pace is one: a card scanned with the
        # cursor in any field of the cashier's page is a member lookup. Elsewhere (a dialog's
        # field, the sign-in page, manager mode, the first manager's setup) a scan is only ever
        # said not read, so text no scanner makes is a person's typing, given back to its field.
        if typed_into.property(SCAN_FIELD_PROPERTY) or not self._no_scan_taken_in(typed_into):
            return True
        formats = self.session.formats
        if formats.card:
            return formats.kind_of(text) is not None  # no card, receipt or voucher code
        if typed_into.property(NOT_A_PIN_PROPERTY):
            # The API token, shown as dots: a card typed into it and saved as the token by its
            # Enter would go unseen. With nothing to tell a card by, anything could be one.
            return True
        if self._shows_what_is_typed(typed_into):
            # Safe to give back with no format to tell a card by: a card scanned into a manager's
            # note (or a setting) stays there as text, in sight, for the manager to see and
            # delete, where a note typed fast was swallowed and lost, "Card not read".
            return False
        # Elsewhere (a page's name field, an amount) a card is told only from words (a space)
        # and a web address: "KR24000006" taken as the first manager's name was nearly saved.
        return not _no_card_holds(text)

    def _names_a_code(self, text: str) -> bool:
        # The scanner filter's tie-breaker where timing alone split a burst: the shop's formats.
        return self.session.formats.kind_of(text) is not None

    def _may_become_a_code(self, text: str) -> bool:
        # Asked where a scanner's keys stalled: may the rest still make them a code?
        return self.session.formats.may_begin_a_code(text)

    def _enter_is_the_persons(self, typed_into: QWidget, text: str) -> bool:
        # The scanner filter's second question, of a burst given back. With no card format, a
        # dialog's line field keeps any text in sight (above), a card's too, and Enter there
        # presses the dialog's button: Ayu's card kept in the store code saved the settings with
        # it. Only text no card holds keeps its Enter; anything else waits for a person's.
        if self.session.formats.card or not isinstance(typed_into, QLineEdit):
            return True  # by a format, only what is no card is given back; a note's Enter: a line
        return not self._shows_what_is_typed(typed_into) or _no_card_holds(text)

    def _enter_held_back(self, widget: QObject) -> None:
        said = self.tr(
            "This came at a scanner's pace, so its Enter was not taken: check it, then press "
            "Enter again."
        )
        field = widget.parent() if isinstance(widget, QWidget) else None
        if isinstance(field, FormField):
            field.set_error(said)
        else:
            self.view.status.show_note(said)

    def _no_scan_taken_in(self, widget: QWidget) -> bool:
        if not isinstance(widget, _TYPED_INTO):
            return False  # a question's buttons: its Enter would answer it for the customer
        modal = QApplication.activeModalWidget()
        if modal is not None:
            # only into the dialog's own field: the keyboard may still be in the window under it
            return widget.window() is modal
        return self.view.pages.currentWidget() is not self.view.cashier_page

    @staticmethod
    def _shows_what_is_typed(widget: QWidget) -> bool:
        # A dialog's text field, as typed: not a secret's dots, nor an amount that keeps only a
        # card's digits (its Enter would deduct them).
        if QApplication.activeModalWidget() is None:
            return False
        if isinstance(widget, QLineEdit):
            return widget.echoMode() == QLineEdit.EchoMode.Normal
        return isinstance(widget, (QPlainTextEdit, QTextEdit))

    def _their_card(self, code: str) -> bool:
        # The customer on screen's own card or Member ID: no receipt or code, whatever field
        # the cursor is in.
        member = self.session.member
        return member is not None and carries_card(member, code)

    def _code_waits(self, code: str) -> None:
        # Said where the cashier looks for the member, the cursor there for their card.
        said = self.tr(
            "A voucher needs the member first: voucher code {code} waits in Vouchers (F4) and "
            "is used for the member found next."
        )
        self.view.member_search.set_message(said.format(code=shown(code)), error=False)
        self.view.focus_member_search()

    def _member_typed(self, code: str) -> None:
        # A card number by the store's format, typed where a voucher code goes: looked up as
        # if typed into the member search, where it now stands, the code field emptied.
        self.view.voucher_panel.clear_code()
        self._look_up_typed(code)

    def _member_typed_as_promo(self, code: str) -> None:
        self.view.promo_panel.clear()
        self._look_up_typed(code)

    def _look_up_typed(self, code: str) -> None:
        self.view.member_search.field.setText(code)
        self.view.focus_member_search()
        self.member.look_up(code)

    def formats_changed(self, settings: Settings | None) -> None:
        """The store's prefix rules as the settings now say: in force from the next scan."""
        if settings is not None:
            self.session.formats = settings.scan_formats()

    def _unmatched_scan(self, code: str) -> None:
        # No member has it, the customer on screen: their voucher code, unless this window
        # redeemed it as a promo. A promo scanned twice at once (a scanner's double read) went
        # to the server as a voucher code, "Refused: Voucher not found" over the promo just
        # confirmed; as a promo it is held back, "already went on invoice …", or goes with
        # another sale's invoice.
        if self.promo.was_used(code):
            self.view.show_promo()
            self._promo_scanned(code)
        else:
            self.vouchers.use_code(code)

    def _promo_scanned(self, code: str) -> None:
        self.view.promo_panel.code_field.setText(code)
        self.view.promo_panel.submit()

    def _invoice_entered(self) -> None:
        # The invoice is in: the cursor moves on, else the card scanned next was typed over the
        # invoice and nobody was looked up. To the member search while nobody is on screen,
        # else to the open tab, as its F-key puts it (a reward tile, or the code to type).
        view = self.view
        text = view.invoice_field.text()
        kind = self.session.formats.kind_of(text) if text else None
        if kind == "card" or self._their_card(text):
            # A card a slow scanner typed into the invoice number (Enter, as a scan ends) is a
            # member to look up, as it is scanned anywhere: kept, it went to the server as the
            # sale's invoice number, and nobody was looked up.
            self._card_typed_as_invoice(text)
            return
        if kind is None and text:
            spawn(self._known_card_as_invoice(text), name="invoice a card?")
        if self.session.member is not None:
            view.focus_open_tab()
        if self.session.member is None or view.focusWidget() is view.invoice_field.field:
            view.focus_member_search()  # nobody yet, or no reward the member can have

    async def _known_card_as_invoice(self, text: str) -> None:
        # With no card format to tell it, a card the till has seen is a card, not a receipt.
        if not await self.till.lookup.knows_card(text) or self.view.invoice_field.text() != text:
            return
        if self.promo.waits_for_invoice():
            self._card_not_the_promos_invoice(text)
        else:
            self._card_typed_as_invoice(text)

    def _card_not_the_promos_invoice(self, code: str) -> None:
        # The promo of the customer on screen waits for this sale's receipt (PromoController
        # sends nothing with a card for it): the card is not looked up, or the customer and
        # their promo went with it, and the cashier is told how to serve that member.
        self.view.invoice_field.clear()
        said = self.tr(
            "“{code}” is a member's card, not the invoice: the promo waits for the receipt. To "
            "serve them, F2 and scan again."
        )
        self.member.scan_not_read(said.format(code=code))
        self.view.invoice_field.focus()  # where the receipt goes, as when it was asked for

    def _not_a_receipt(self, code: str) -> None:
        # Said where scans not read are said; the field keeps what it had and the cursor, for
        # the receipt scanned next (or its number typed: the formats judge only scans).
        said = self.tr(
            "Receipt not read (“{code}”): this store's receipts begin {prefixes}. Scan the "
            "receipt, or type its number."
        )
        prefixes = ", ".join(self.session.formats.invoice)
        self.member.scan_not_read(said.format(code=code, prefixes=prefixes))

    def _card_typed_as_invoice(self, code: str) -> None:
        self.view.invoice_field.clear()
        self._look_up_typed(code)

    def _filter_by_scan(self, code: str) -> None:
        # Manager mode's page has no field but its filters (a member, who, an entry), where
        # Enter shows the list: the scanner's Enter is the manager's, or the list went on
        # showing the last member's rows under the card just scanned. A window of its own
        # (a decision's, whose Enter decides nothing) only gets the keys. Elsewhere (a tab, a
        # button, a list, a day) the card vanished without a word.
        focus, page = QApplication.focusWidget(), self.view.built_manager
        if not isinstance(focus, QLineEdit) or focus.isReadOnly():
            self.view.status.show_note(
                self.tr(
                    "Card not read: put the cursor in a filter (Member), or leave manager mode."
                )
            )
            return
        focus.insert(code)  # as typed, without the scanner's Enter: it presses no button
        if page is not None and page.isAncestorOf(focus):
            focus.returnPressed.emit()

    def _on_another_page(self) -> None:
        # No customer is served here (the first manager's setup, the shift's summary), and no
        # field of these pages is for a card: it went into the first manager's name, and from
        # there into the manager saved. (A damaged database's page comes before this window:
        # the start holds a scan made there, and the sign-in page says it was not read.)
        view, page = self.view, self.view.pages.currentWidget()
        if page is view.built_first_manager:
            said = self.tr("Card not read: set up the first manager, then scan it again.")
            view.first_manager.say_scan_not_read(said)
        elif page is not None and page is view.built_summary:
            # The cashier is signed in, their shift still open: "sign in first" sent them to a
            # sign-in that was not there.
            said = self.tr(
                "Card not read: go back to the till first (Back to the till), then scan it again."
            )
        else:
            said = self.tr("Card not read: sign in first, then scan it again.")
        view.status.show_note(said)

    def _into_dialog(self, code: str) -> None:
        # Only a field meant for a card takes it, as typed and without the scanner's Enter (a
        # scan never presses a dialog's button). In a manager's note or a setting it went
        # unseen into what was saved; over a question ("Drop the cart?") or the deduction's
        # amount it vanished without a word, and the customer waited to be found.
        focus = QApplication.focusWidget()
        if (
            isinstance(focus, QLineEdit)
            and not focus.isReadOnly()
            and focus.property(SCAN_FIELD_PROPERTY)
        ):
            focus.insert(code)
            self.member.scan_read()
            return
        said = self.tr("Card not read: finish with the open window, then scan it again.")
        self.view.status.show_note(said)
        if self.view.pages.currentWidget() is self.view.cashier_page:
            # Under the member search too, beside the dialog, where the cashier looks for the
            # card's member: the status bar's note at the screen's foot went unseen.
            self.member.scan_not_read(said)

    def back(self) -> None:
        """Esc with nothing else open: stop waiting on screen for a redemption being sent; else
        the next customer, after asking when that would drop a cart."""
        if self.redemption.back_out():
            return
        if self.view.reward_picker.cart.lines():
            self.ask_drop_cart()
            return
        self.member.clear()

    def ask_drop_cart(self) -> None:
        """Ask before Esc drops a cart the cashier has filled (``open()``, Esc keeps it)."""
        if self.drop_cart_dialog is not None:
            return
        box = QMessageBox(self.view)
        box.setObjectName("dropCartDialog")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Drop the cart?"))
        # The rewards, not the lines: "2 × Kopi" is two.
        count = sum(qty for _, qty, _ in self.view.reward_picker.cart.lines())
        box.setText(
            (
                self.tr("The cart holds {count} reward. Drop it and clear the member?")
                if count == 1
                else self.tr("The cart holds {count} rewards. Drop it and clear the member?")
            ).format(count=count)
        )
        drop = box.addButton(self.tr("Drop it"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep the cart"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        drop.clicked.connect(self.member.clear)
        box.finished.connect(self._forget_drop_cart_dialog)
        self.drop_cart_dialog = box
        box.open()
        self.drop_cart_asked.emit()

    def _forget_drop_cart_dialog(self) -> None:
        if self.drop_cart_dialog is not None:
            self.drop_cart_dialog.deleteLater()
        self.drop_cart_dialog = None

    def _undone(self, row: HistoryRow) -> None:
        # A manager cancelled a redemption of this shift (often the one just made, the customer
        # still here): the panel stops saying "hand over", and the member's balance on screen
        # is read again, from the cancel's answer when the server sent one.
        self.redemption.show_undone(row)
        spawn(self._balance_after(row), name="balance after a cancel")

    async def _balance_after(self, row: HistoryRow) -> None:
        member = self.session.member
        if member is None or member.lane != row.lane:
            return
        stamps = None
        if row.cancel is not None:
            stamps = (await self.till.receipt(row.cancel.entry_id)).stamps_remaining
        self.session.balance_changed(row.lane, stamps)

    def _customer_left(self, _member: Member) -> None:
        # One customer at a time: the last one's promo code must not land on this sale (their
        # invoice number goes too, unless it was entered for the next customer: InvoiceOwner).
        self.view.promo_panel.clear()
        # Nor the tab the last one was served from: left on Vouchers, the next customer's card
        # scanned opened on the vouchers, and their rewards were one F3 away.
        self.view.open_rewards_tab()

    def close(self) -> None:
        """Stop listening to the till (before it closes)."""
        # Closed while the first page is still being decided: those reads must not outlive it.
        self._first.cancel()
        self.shift.prepared.cancel()
        self.shift.close()
        self.status.close()
        self.redemption.close()
        self.lock.close()
        self.mode.close()
        self.changes.close()
        self.storage.close()
        self.repeats.close()
        if self.scanner is not None:
            self.scanner.scanned.disconnect(self.scanned)
            self.scanner.taken_back.disconnect(self.scan_taken_back)
            self.scanner.enter_held_back.disconnect(self._enter_held_back)
            self.scanner.could_be_a_card = anything_could_be_a_card
            self.scanner.enter_is_the_persons = every_enter_is_the_persons
            self.scanner.names_a_code = no_code_is_known
            self.scanner.may_become_a_code = no_code_is_known
