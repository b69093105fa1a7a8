"""Finding the member: type-ahead suggestions, Enter or a chosen suggestion looks them up, a scan
anywhere is tried as a member first; and the member card."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from app.core.domain import format_rupiah
from app.core.services.members import Member, MemberNotFound
from app.core.services.till import NotOnline
from app.core.stamps.errors import StampsError
from app.ui.controllers.session import CashierSession, Offer
from app.ui.controllers.tasks import LatestOnly, spawn
from app.ui.main_window import CashierWindowView
from app.ui.viewmodels import MemberCardData, MemberSuggestion

#: Fewer characters than this match too many members to be worth a round trip.
MIN_SUGGESTION_QUERY = 3


def card_data(member: Member, projected_stamps: int | None = None) -> MemberCardData:
    """The member card's values for ``member`` (stamps projected when known)."""
    stamps = member.stamps if projected_stamps is None else projected_stamps
    balance = format_rupiah(int(member.balance)) if member.balance else ""
    return MemberCardData(
        name=member.name,
        level=member.level or "",
        stamps=stamps,
        balance_text=balance,
        pin_protected=member.protected_redemption,
        blocked=member.is_blocked or not member.redemption_allowed,
        cached_as_of=None if member.live else member.fetched_at,
        projected=stamps != member.stamps or not member.live,
    )


class MemberController(QObject):
    """Drives :class:`MemberSearch` and :class:`MemberCard`.

    ``lookup_finished(Member | None)`` fires after each lookup, found or not (tests wait on it).
    ``unmatched_scan`` is called with a scanned string no member answers to, while a member is
    on screen (the cashier window routes it to the voucher-code flow).
    """

    lookup_finished = Signal(object)
    suggestions_shown = Signal(list)

    def __init__(
        self,
        view: CashierWindowView,
        session: CashierSession,
        *,
        unmatched_scan: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.session = session
        self.unmatched_scan = unmatched_scan
        self._suggest = LatestOnly("member suggestions")
        self._lookup = LatestOnly("member lookup")

        search = view.member_search
        search.query_changed.connect(self.suggest)
        search.lookup_requested.connect(self.look_up)
        search.suggestion_chosen.connect(self._chosen)
        view.back_requested.connect(self.clear)
        session.member_changed.connect(self._show_member)
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
        """Find the member answering to ``query`` and put them on screen."""
        self._suggest.cancel()
        # Hide, not clear: this may run inside the list's own handler of the chosen item.
        self.view.member_search.suggestions.hide()
        self._lookup.start(self._look_up(query, scanned=False))

    def scanned(self, code: str) -> None:
        """A scan: a member identifier first, else (with a member on screen) a voucher code."""
        self._suggest.cancel()
        self._lookup.start(self._look_up(code, scanned=True))

    def clear(self) -> None:
        """Esc with nothing else open: the next customer."""
        self._suggest.cancel()
        self._lookup.cancel()
        self.view.member_search.clear()
        self.view.invoice_field.clear()
        self.session.set_member(None)
        self.view.result_panel.set_result(None)
        self.view.focus_member_search()

    # -- work --------------------------------------------------------------------------------

    async def _suggestions(self, query: str) -> None:
        try:
            answer = await self.session.till.client.suggestions(query)
        except StampsError:
            # Type-ahead is a convenience: offline or failing, Enter still looks the member up.
            return
        rows = [
            MemberSuggestion(
                label=s.name or s.email or str(s.id),
                detail=" · ".join(p for p in (s.email, s.phone) if p),
                value=s.email or (s.member_ids[0] if s.member_ids else str(s.id)),
            )
            for s in answer.suggestions
        ]
        if self.view.member_search.text().strip() != query.strip():
            return  # the cashier has typed on (or pressed Enter) since
        self.view.member_search.set_suggestions(rows)
        self.suggestions_shown.emit(rows)

    async def _look_up(self, query: str, *, scanned: bool) -> None:
        search = self.view.member_search
        search.set_message(self.tr("Looking up…"), error=False)
        member: Member | None = None
        try:
            member = await self.session.till.find_member(query)
        except MemberNotFound as exc:
            if scanned and self.session.member is not None and self.unmatched_scan:
                search.set_message("")
                self.unmatched_scan(query)
            else:
                search.set_message(
                    self.tr("No member matches “{query}”: {reason}.").format(
                        query=query, reason=str(exc)
                    )
                )
        except NotOnline as exc:
            search.set_message(exc.reason)
        else:
            search.set_message("")
            search.field.setText(member.name)
            self.session.set_member(member)
        self.lookup_finished.emit(member)

    def _chosen(self, suggestion: object) -> None:
        if isinstance(suggestion, MemberSuggestion) and suggestion.value is not None:
            self.look_up(str(suggestion.value))

    # -- the card ----------------------------------------------------------------------------

    def _show_member(self, member: Member | None) -> None:
        self.view.member_card.set_member(card_data(member) if member else None)
        if member is not None:
            spawn(self._show_projected(member))

    async def _show_projected(self, member: Member) -> None:
        # The offer brings the projection too, but it waits on the network; this is local.
        projected = await self.session.till.projected_stamps(member)
        if self.session.member is member:
            self.view.member_card.set_member(card_data(member, projected))

    def _show_offer(self, offer: Offer) -> None:
        if self.session.member is not offer.member:
            return
        self.view.member_card.set_member(card_data(offer.member, offer.projected_stamps))
        if offer.problem and not offer.rewards and not offer.vouchers:
            self.view.member_search.set_message(
                self.tr("Rewards and vouchers could not be read: {why}").format(why=offer.problem)
            )
