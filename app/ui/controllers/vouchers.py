"""The vouchers tab: the member's vouchers (redeem one, deduct from a dynamic one) and voucher
codes, typed or scanned."""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date

from PySide6.QtCore import QCoreApplication, Signal

from app.core import clock
from app.core.domain import format_rupiah
from app.core.offline.policy import VoucherFacts
from app.core.services.catalogue import CatalogueUnavailable, voucher_facts
from app.core.services.members import Member
from app.core.services.orders import DeductOrder, InvalidOrder, Order, VoucherOrder
from app.core.stamps.models import VoucherInfo
from app.ui.controllers.base import OrderController
from app.ui.controllers.redemption import RedemptionController
from app.ui.controllers.session import CashierSession, Offer
from app.ui.controllers.tasks import spawn
from app.ui.main_window import CashierWindowView
from app.ui.viewmodels import VoucherRowData


def _day_text(day: date | None) -> str:
    return day.strftime("%d %b %Y") if day else ""


class VouchersController(OrderController):
    """Fills the :class:`VoucherPanel` and redeems vouchers, deductions and codes.

    ``vouchers_shown(list[VoucherRowData])`` fires when the list is filled.
    """

    vouchers_shown = Signal(list)

    def __init__(
        self,
        view: CashierWindowView,
        session: CashierSession,
        redemption: RedemptionController,
    ) -> None:
        super().__init__(view, session, redemption)
        self._member_id: str | None = None
        panel = view.voucher_panel
        panel.voucher_redeem_requested.connect(
            lambda voucher_id: spawn(self.redeem_voucher(voucher_id))
        )
        panel.deduct_requested.connect(
            lambda voucher_id, value: spawn(self.deduct(voucher_id, value))
        )
        panel.code_entered.connect(self.use_code)
        session.member_changed.connect(self._member_changed)
        session.offer_loaded.connect(self._show_offer)

    def _member_changed(self, member: Member | None) -> None:
        server_id = member.server_id if member else None
        if server_id != self._member_id:
            self.view.voucher_panel.set_vouchers([])
            self.view.voucher_panel.clear_code()
        self._member_id = server_id

    def _show_offer(self, offer: Offer) -> None:
        rows = [self.row(v, v.id in offer.dynamic_vouchers) for v in offer.vouchers]
        self.view.voucher_panel.set_vouchers(rows)
        self.vouchers_shown.emit(rows)

    def row(self, voucher: VoucherInfo, dynamic: bool) -> VoucherRowData:
        """One voucher as its row shows it."""
        facts = voucher_facts(voucher)
        name = voucher.name or (voucher.template.name if voucher.template else None)
        value = int(voucher.value) if voucher.value is not None else None
        # The end date is what the cashier checks; a start date only matters while it is ahead.
        today = clock.now().astimezone().date()
        start, end = facts.start_date, facts.end_date
        if start and start > today:
            dates = self.tr("from {start}").format(start=_day_text(start))
        elif end:
            dates = self.tr("until {end}").format(end=_day_text(end))
        else:
            dates = ""
        return VoucherRowData(
            id=voucher.id,
            name=name or self.tr("Voucher {id}").format(id=voucher.id),
            code=voucher.code or "",
            value_text=format_rupiah(value) if value is not None else "—",
            dates_text=dates,
            dynamic=dynamic,
            remaining_text=(
                self.tr("{value} left").format(value=format_rupiah(value))
                if dynamic and value is not None
                else ""
            ),
            remaining_value=value if dynamic else None,
        )

    # -- redeeming ---------------------------------------------------------------------------

    async def redeem_voucher(self, voucher_id: Hashable) -> None:
        """Redeem one of the member's vouchers whole."""
        catalogue = self.session.catalogue

        async def build(member: Member) -> tuple[Order, VoucherFacts | None]:
            number = _voucher_number(voucher_id)
            try:
                return await catalogue.voucher_order(member, number)
            except CatalogueUnavailable:
                voucher = self._offered(member, number)
                value = int(voucher.value) if voucher.value is not None else None
                order = VoucherOrder(number, self._name(number), value)
                return order, voucher_facts(voucher)

        await self.redemption.redeem(self._name(voucher_id), build)

    async def deduct(self, voucher_id: Hashable, value: int) -> None:
        """Take ``value`` rupiah from one of the member's dynamic vouchers."""
        catalogue = self.session.catalogue

        async def build(member: Member) -> tuple[Order, VoucherFacts | None]:
            number = _voucher_number(voucher_id)
            try:
                return await catalogue.deduct_order(member, number, value)
            except CatalogueUnavailable:
                voucher = self._offered(member, number)
                left = voucher.value
                if left is not None and value > left:
                    raise InvalidOrder(
                        self.tr("{name} has only {left} left").format(
                            name=self._name(number), left=format_rupiah(int(left))
                        )
                    ) from None
                order = DeductOrder(number, self._name(number), value)
                return order, voucher_facts(voucher)

        what = self.tr("{value} from {name}").format(
            value=format_rupiah(value), name=self._name(voucher_id)
        )
        await self.redemption.redeem(what, build)

    def use_code(self, code: str) -> None:
        """A voucher code typed, or scanned with a member on screen: validate it, then redeem."""
        spawn(self.redeem_code(code))

    async def redeem_code(self, code: str) -> None:
        """Validate ``code`` online and redeem it for the member on screen."""
        catalogue = self.session.catalogue
        self.view.show_vouchers()
        self.view.voucher_panel.code_field.setText(code)

        async def build(member: Member) -> tuple[Order, VoucherFacts | None]:
            return await catalogue.code_order(member, code), None

        receipt = await self.redemption.redeem(
            self.tr("Voucher code {code}").format(code=code), build
        )
        if receipt is not None:
            self.view.voucher_panel.clear_code()

    def _offered(self, member: Member, voucher_id: int) -> VoucherInfo:
        # Offline, the voucher list on screen (read online for this member) stands in for the
        # server's; the offline policy then decides whether it may be used.
        offer = self.session.offer
        if offer is None or offer.member.server_id != member.server_id:
            raise CatalogueUnavailable(
                self.tr("the vouchers cannot be read while the till is offline")
            )
        for voucher in offer.vouchers:
            if voucher.id == voucher_id:
                return voucher
        raise InvalidOrder(self.tr("That voucher is not one of this member's vouchers"))

    def _name(self, voucher_id: Hashable) -> str:
        offer = self.session.offer
        for voucher in offer.vouchers if offer else []:
            if voucher.id == voucher_id:
                template = voucher.template.name if voucher.template else None
                return voucher.name or template or voucher.code or str(voucher_id)
        return self.tr("Voucher {id}").format(id=voucher_id)


def _voucher_number(voucher_id: Hashable) -> int:
    if isinstance(voucher_id, int):
        return voucher_id
    raise InvalidOrder(
        QCoreApplication.translate(
            "VouchersController", "That voucher is not one of this member's vouchers"
        )
    )
