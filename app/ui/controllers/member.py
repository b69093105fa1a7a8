"""Finding the member: type-ahead suggestions by name or any identifier (live, else from the
till's memory), Enter or a chosen suggestion looks them up, a scan anywhere is tried as a member
first; and the member card. One customer at a time: a lookup that finds nobody clears the last
one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from app.core.services import (
    Connectivity,
    CredentialsRefused,
    Member,
    MemberNotFound,
    NotOnline,
    Offer,
    format_rupiah,
    level_words,
    say,
)
from app.ui.controllers.session import CashierSession
from app.ui.controllers.tasks import LatestOnly, spawn
from app.ui.main_window import CashierWindowView
from app.ui.viewmodels import MemberCardData, MemberSuggestion
from app.ui.widgets.scanned_keys import typed_with_shift_held
from app.ui.wording import words

#: Fewer characters than this match too many members to be worth a round trip.
MIN_SUGGESTION_QUERY = 3


def card_data(
    member: Member, projected_stamps: int | None = None, *, pin_blocked: bool = False
) -> MemberCardData:
    """The member card's values for ``member`` (stamps projected when known; ``pin_blocked``
    when the till knows the PIN is blocked since the member was read)."""
    stamps = member.stamps if projected_stamps is None else projected_stamps
    balance = format_rupiah(int(member.balance)) if member.balance else ""
    return MemberCardData(
        name=member.name,
        level=words(level) if (level := level_words(member)) else "",
        stamps=stamps,
        balance_text=balance,
        pin_protected=member.protected_redemption,
        pin_blocked=member.pin_is_blocked or pin_blocked,
        blocked=member.is_blocked or not member.redemption_allowed,
        cached_as_of=None if member.live else member.fetched_at,
        # Projected only when this till's waiting redemptions change it: an offline copy with
        # nothing queued is the balance as of its time ("Offline copy — as of"), not a projection.
        # An unknown balance is not projected from anything.
        projected=stamps is not None and stamps != member.stamps,
    )


def is_name(query: str) -> bool:
    """Whether what was typed reads as a name rather than an identifier: no digit, no ``@``
    (emails, member IDs, phones and card numbers all have one)."""
    text = query.strip()
    return bool(text) and "@" not in text and not any(ch.isdigit() for ch in text)


def suggestion_row(member: Member) -> MemberSuggestion:
    """A member as a type-ahead row: the name to recognise, what tells two Budis apart, and what
    to look them up by."""
    detail = " · ".join(p for p in (member.email, member.phone) if p)
    return MemberSuggestion(label=member.name, detail=detail, value=member.lookup)


class MemberController(QObject):
    """Drives :class:`MemberSearch` and :class:`MemberCard`.

    ``lookup_finished(Member | None)`` fires after each lookup, found or not (tests wait on it).
    ``unmatched_scan`` is called with a scanned string no member answers to, while a member is
    on screen (the cashier window routes it to the voucher-code flow); ``voucher_code`` with a
    code of the store's voucher format typed into the search (never looked up as a member).
    """

    lookup_finished = Signal(object)
    suggestions_shown = Signal(list)

    def __init__(
        self,
        view: CashierWindowView,
        session: CashierSession,
        *,
        unmatched_scan: Callable[[str], None] | None = None,
        voucher_code: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.session = session
        self.unmatched_scan = unmatched_scan
        self.voucher_code = voucher_code
        self._suggest = LatestOnly("member suggestions")
        self._lookup = session.lookup
        self._said_while_typing = False
        #: The search says the server refuses the till's token (until the next lookup, or the
        #: token works again: :meth:`token_works`).
        self._said_token_refused = False
        #: The search says a scan was not read (until the next scan read, or lookup).
        self._said_not_read = False
        #: The search says the card is the till's copy because the server's answer could not be
        #: read (until the next lookup, or the server read for the member on screen).
        self._said_copy_shown = False
        #: What the search said could not be looked up with the server out of reach (until the
        #: next lookup, or the line is back: :meth:`line_changed`).
        self._said_unreachable: str | None = None

        search = view.member_search
        search.edited.connect(self._typed_on)
        search.query_changed.connect(self.suggest)
        search.lookup_requested.connect(self.look_up)
        search.suggestion_chosen.connect(self._chosen)
        search.dismissed.connect(self._dismissed)
        session.member_changed.connect(self._show_member)
        # A shift opened or closed: the counter changes hands, and a lookup still on its way is
        # the last cashier's. (Answered after Dewi closed her shift, it put Ayu on the page
        # behind the sign-in, where Rina found her as she opened hers.)
        session.cashier_changed.connect(lambda _cashier: self._typed_on())
        session.offer_loaded.connect(self._show_offer)

    # -- actions -----------------------------------------------------------------------------

    def suggest(self, query: str) -> None:
        """Type-ahead: replace any suggestion lookup still running with one for ``query``."""
        if len(query.strip()) < MIN_SUGGESTION_QUERY:
            self._suggest.cancel()
            self.view.member_search.hide_suggestions()
            return
        self._suggest.start(self._suggestions(query))

    def look_up(self, query: str) -> None:
        """Find the member answering to ``query`` and put them on screen; a name is searched
        for, and looked up when one member has it."""
        self._suggest.cancel()
        # Hide, not clear: this may run inside the list's own handler of the chosen item.
        self.view.member_search.suggestions.hide()
        if self.voucher_code is not None and self.session.formats.is_voucher(query):
            # A voucher's code by the store's format, typed where the card goes: asked as a
            # member, it came back "No member matches" and the customer on screen was cleared.
            # The search says again who is on screen (or nothing), and the code is a code.
            member = self.session.member
            self.view.member_search.field.setText(member.name if member is not None else "")
            self.view.member_search.field.selectAll()
            self.voucher_code(query.strip())
            return
        self._lookup.start(self._look_up(query, scanned=False))

    def scanned(self, code: str, *, into_code: Callable[[str], None] | None = None) -> None:
        """A scan: a member identifier first, else ``into_code`` (the code field the cursor
        waited in takes what no member answers to, even when the server cannot be asked), else
        (with a member on screen) a voucher code. The suggestions of what was typed before it
        close: left open under the scanned member, one click would put another customer on
        screen."""
        self._suggest.cancel()
        self.view.member_search.hide_suggestions()
        self._lookup.start(self._look_up(code, scanned=True, into_code=into_code))

    def not_read(self, code: str) -> None:
        """A scan that cannot be a card, an ID or a code (its scanner is set for another
        keyboard layout, or Shift was held as it typed): said, and nobody looked up, the
        customer on screen left there."""
        self._suggest.cancel()
        self.view.member_search.hide_suggestions()
        if typed_with_shift_held(code):
            said = self.tr("Card not read (“{code}”): let go of Shift, then scan it again.")
        else:
            said = self.tr(
                "Card not read (“{code}”): the scanner's keyboard layout is not the till's."
            )
        self.scan_not_read(said.format(code=code))

    def scan_not_read(self, said: str) -> None:
        """Say under the search why a scan was not read: the cashier looks there for the card's
        member, and a note in the status bar alone went unseen."""
        self.view.member_search.set_message(said)
        self._said_not_read = True

    def scan_read(self) -> None:
        """A scan was read: what the search said of one that was not goes."""
        if self._said_not_read:
            self.view.member_search.set_message("")
            self._said_not_read = False

    def clear(self) -> None:
        """The next customer: nobody on screen, the search empty."""
        self._suggest.cancel()
        self._lookup.cancel()
        self.view.member_search.clear()
        self.session.set_member(None)
        self.view.focus_member_search()

    def token_works(self) -> None:
        """The queue's pause for the till's token lifted: the search's word that the server
        refuses the token goes with the banner's (it stayed over a till that worked again)."""
        if self._said_token_refused:
            self.view.member_search.set_message("")
            self._said_token_refused = False
            self._said_while_typing = False

    def line_changed(self) -> None:
        """The till's state changed: back online, the search's word that the server cannot be
        reached is out of date (it stayed under a green "Online" until the next lookup). It says
        the line is back, and how to look the same customer up again."""
        query = self._said_unreachable
        if query is None or self.session.till.connectivity is not Connectivity.ONLINE:
            return
        self._said_unreachable = None
        search = self.view.member_search
        if search.field.text().strip() != query:
            return  # the field has moved on since (its own words stand)
        search.set_message(
            self.tr("The Stamps server answers again: press Enter to look up “{query}”.").format(
                query=query
            ),
            error=False,
        )

    def _typed_on(self) -> None:
        # The cashier has moved on (or the shift has) from what was looked up (or scanned): its
        # answer, late, would say "No member matches …" under the new query, or put up a
        # customer nobody wants now over the one being served. The type-ahead starts afresh
        # once they pause.
        self._said_unreachable = None
        self._lookup.cancel()
        self._suggest.cancel()

    def _dismissed(self) -> None:
        # Esc over the suggestions gives up the name being typed: left in the field ("Budi
        # Santoso" over Ayu's rewards), it said someone was served who was not. The search
        # says again who is, selected to be typed over; with nobody on screen what was typed
        # claims nobody, and stays to be looked up.
        self._suggest.cancel()
        member = self.session.member
        if member is not None:
            search = self.view.member_search
            search.field.setText(member.name)
            search.field.selectAll()
            search.set_message("")

    # -- work --------------------------------------------------------------------------------

    async def _suggestions(self, query: str) -> None:
        search = self.view.member_search
        try:
            found = await self.session.till.lookup.suggestions(query)
        except (MemberNotFound, NotOnline) as exc:
            # No member could answer to it (a hidden character), or the server refuses the
            # till's token (the queue paused for it: no outage, so no list from the till's
            # copy): said while the cashier types, rather than a list, and said no more once
            # the next suggestions come.
            search.hide_suggestions()
            search.set_message(words(exc.message))
            self._said_while_typing = True
            self._said_token_refused = isinstance(exc, CredentialsRefused)
            return
        rows = [suggestion_row(m) for m in found.members]
        if search.text().strip() != query.strip():
            return  # the cashier has typed on (or pressed Enter) since
        if found.note is not None:
            # matches the server listed and the till could not read: left out without a word,
            # the cashier looked on for a member the server had found
            search.set_message(words(found.note), error=False)
            self._said_while_typing = True
        elif self._said_while_typing:
            search.set_message("")
            self._said_while_typing = False
        search.set_suggestions(rows)
        self.suggestions_shown.emit(rows)

    async def _look_up(
        self, query: str, *, scanned: bool, into_code: Callable[[str], None] | None = None
    ) -> None:
        search = self.view.member_search
        self._said_while_typing = False  # what the lookup says stands until the next one
        self._said_token_refused = False
        self._said_not_read = False
        self._said_copy_shown = False
        self._said_unreachable = None
        search.set_message(self.tr("Looking up…"), error=False)
        if scanned:
            # What is being looked up, where the last customer's name was: a scan never lands
            # in the field, and under X "Ayu Pratiwi" read "Looking up…" beside her card and
            # her Redeem while the next customer's card was asked about on a slow line.
            search.field.setText(query.strip())
        member: Member | None = None
        try:
            if is_name(query) and not scanned:
                member = await self._by_name(query)
                if member is None:
                    # Several to pick from: nobody on screen until one is picked. The list hid
                    # Ayu's card, her rewards stayed, and "Redeem now" redeemed for her while
                    # the cashier looked for the next customer among three names.
                    self.session.set_member(None)
                    self.lookup_finished.emit(None)
                    return
            else:
                member = await self.session.till.lookup.find_member(query)
        except (MemberNotFound, NotOnline) as exc:
            if into_code is None and self._their_code(query, exc):
                into_code = self.unmatched_scan
            if scanned and into_code is not None:
                # Not a member: a code, for the customer on screen, whose name the search says
                # again.
                search.set_message("")
                served = self.session.member
                search.field.setText(served.name if served is not None else "")
                search.field.selectAll()
                into_code(query)
            else:
                search.set_message(words(exc.message))
                self._said_token_refused = isinstance(exc, CredentialsRefused)
                if isinstance(exc, NotOnline) and not self._said_token_refused:
                    self._said_unreachable = query.strip()
                if scanned:
                    # What was read, where the last customer's name was: it said "Ayu Pratiwi"
                    # over "this till has not seen KR24000128" and an empty card.
                    search.field.setText(query.strip())
                    search.field.selectAll()
                self.session.set_member(None)  # nobody on screen rather than the last customer
                self._after_scan(scanned)
        else:
            # why a copy is shown with the server answering: the bar alone did not say
            self._said_copy_shown = member.answer_unread
            search.set_message(
                words(say("member.copy_answer_unread", query=query.strip()))
                if member.answer_unread
                else "",
                error=False,
            )
            search.field.setText(member.name)
            # Selected, as F2 leaves it: the next customer's name typed replaces it, where with
            # the cursor at its end it was added to it ("Budi Santosoayu") and found nobody.
            search.field.selectAll()
            self.session.set_member(member)
            self._after_scan(scanned)
        self.lookup_finished.emit(member)

    def _their_code(self, query: str, unknown: Exception) -> bool:
        """Whether a scan no member was found for is the voucher code of the customer on screen.
        The server said no member has it: their code. The server could not be asked: the till
        cannot tell the next customer's card it has not seen from a code (which it could not
        check either), so only a code of their own vouchers is one. (Offline, Putri's card
        scanned after Budi was refused as Budi's voucher code, on his shift's record, with Budi
        left on screen for her.)"""
        member, offer = self.session.member, self.session.offer
        if member is None or self.session.formats.is_card(query):
            return False  # a card by the store's format is never a code
        if not isinstance(unknown, NotOnline):
            return True
        code = query.strip()
        return (
            offer is not None
            and offer.member is member
            and any(voucher.code == code for voucher in offer.vouchers)
        )

    def _after_scan(self, scanned: bool) -> None:
        # A scan comes wherever the keyboard is: on a reward tile, the tiles went with the last
        # customer and Qt dropped the keyboard on the empty cart, where a name typed next was
        # lost. Another customer (or nobody) on screen: the cursor waits in the search, as
        # after every other change of member, with the name selected to be typed over.
        if scanned:
            self.view.focus_member_search()

    async def _by_name(self, name: str) -> Member | None:
        """The one member with this name, looked up; else the list to pick from (``None``)."""
        named = await self.session.till.lookup.members_named(name)
        found = named.members
        if not found:
            # "No member matches" is not true of matches the server listed unreadably
            raise MemberNotFound(named.note or say("member.not_found", query=name))
        if len(found) == 1 and not named.unread:  # one read, others not: the cashier picks
            return await self.session.till.lookup.find_member(found[0].lookup)
        rows = [suggestion_row(m) for m in found]
        search = self.view.member_search
        search.set_suggestions(rows)
        said = words(say("member.pick_one", count=len(found), query=name))
        if named.note is not None:
            said = f"{said} {words(named.note)}"
        search.set_message(said, error=False)
        self.suggestions_shown.emit(rows)
        return None

    def _chosen(self, suggestion: object) -> None:
        if isinstance(suggestion, MemberSuggestion) and suggestion.value is not None:
            self.look_up(str(suggestion.value))

    # -- the card ----------------------------------------------------------------------------

    def refresh_card(self) -> None:
        """Show the member on screen again, as the till now knows them (their PIN blocked)."""
        member, offer = self.session.member, self.session.offer
        if offer is not None and offer.member is member:
            self._show_offer(offer)
        elif member is not None:
            self._show_member(member)

    def _show_member(self, member: Member | None) -> None:
        if self._said_copy_shown and member is not None and member.live:
            # Read from the server since (the line came back): the card dropped "Offline copy"
            # and the search still said the copy was shown, not the server's word.
            self.view.member_search.set_message("")
            self._said_copy_shown = False
        self.view.member_card.set_member(self._card(member) if member else None)
        if member is not None:
            spawn(self._show_projected(member))

    async def _show_projected(self, member: Member) -> None:
        # The offer brings the projection too, but it may wait on the network; this is local.
        projected = await self.session.till.lookup.projected_stamps(member)
        if self.session.member is member:
            self.view.member_card.set_member(self._card(member, projected))

    def _show_offer(self, offer: Offer) -> None:
        if self.session.member is not offer.member:
            return
        self.view.member_card.set_member(self._card(offer.member, offer.projected_stamps))

    def _card(self, member: Member, projected: int | None = None) -> MemberCardData:
        pin_blocked = self.session.till.redeemer.pin_blocked(member)
        return card_data(member, projected, pin_blocked=pin_blocked)
