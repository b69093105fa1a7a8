"""What the store offers a member, as the cashier sees it: the rewards to pick, the member's
vouchers with what is left of them, and the notes on what could not be read.

:class:`Catalogue` reads them from the server or the till's copy and builds them here; the
window, the kiosk and the offline policy read them (architecture §4).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from app.core.messages import Message, say
from app.core.offline.policy import VoucherFacts
from app.core.services.members import Member
from app.core.stamps.models import Reward, VoucherInfo
from app.core.stamps.models.common import parse_api_date

FLEXIBLE = 5  # the reward type whose price the member chooses
#: A voucher's use by this till: redeemed whole, rupiah its waiting deductions hold, and whether
#: a use waits to sync.
VoucherUse = tuple[bool, Decimal, bool]


@dataclass(frozen=True)
class OfferedReward:
    """A reward of the store as a cashier picks it. ``redeemable`` is the server's word for this
    member (``None`` when it did not say, as from the cache)."""

    id: int
    code: str | None
    name: str
    stamps: int
    flexible: bool
    redeemable: bool | None = None
    image_url: str | None = None


@dataclass(frozen=True)
class OfferedVoucher:
    """One of the member's vouchers as the cashier sees it.

    A ``balance`` voucher (the API's "dynamic" value) holds rupiah that are deducted from;
    ``left`` is its value less what this till's waiting deductions hold. ``used_here`` when this
    till has already redeemed it and the list shown cannot say so: the use waits to sync
    (``use_waiting``), or the list is the till's copy, read before the use was confirmed. A use
    confirmed before a live list was read is in the server's word already: a voucher it still
    lists (its ``quantity`` was more than one) can be used again.

    ``kind_known`` is false when neither the listing, the rewards list nor a validation said
    which kind it is: it is then offered as a balance voucher, so it is never used whole without
    the cashier being told what would be lost; offline, nothing is deducted from it (it may be an
    ordinary voucher, which the server would refuse to deduct from).
    """

    id: int
    name: str
    code: str | None
    value: Decimal | None
    balance: bool
    left: Decimal | None
    start_date: date | None
    end_date: date | None
    active: bool
    used_here: bool = False
    kind_known: bool = True
    use_waiting: bool = False


@dataclass(frozen=True)
class Offer:
    """What the store offers the member on screen, live or as last seen.

    ``rewards_as_of`` / ``vouchers_as_of`` are set when that part comes from the cache (the time
    it was read); ``rewards_problem`` / ``vouchers_problem`` say why a part could not be read at
    all (it is then empty); ``rewards_unread`` / ``vouchers_unread`` count the items the server
    listed that the till could not read, left out of a part read otherwise.
    """

    member: Member
    #: ``None``: the server did not give the member's stamps, so no reward's price can be judged
    projected_stamps: int | None
    rewards: tuple[OfferedReward, ...] = ()
    vouchers: tuple[OfferedVoucher, ...] = ()
    rewards_as_of: datetime | None = None
    vouchers_as_of: datetime | None = None
    rewards_problem: Message | None = None
    vouchers_problem: Message | None = None
    rewards_unread: int = 0
    vouchers_unread: int = 0
    #: The store has more rewards than the till reads: ``rewards`` are only the first of them.
    rewards_cut: bool = False

    @property
    def rewards_cut_note(self) -> Message | None:
        """What the cashier is told when the store's rewards were more than the till reads."""
        if not self.rewards_cut:
            return None
        return say("catalogue.rewards_cut", count=len(self.rewards))

    @property
    def rewards_note(self) -> Message | None:
        """What the cashier is told of rewards the server listed and the till could not read
        (left out: nothing unreadable is offered)."""
        if not self.rewards_unread:
            return None
        return say("catalogue.rewards_some_unread", count=self.rewards_unread)

    @property
    def vouchers_note(self) -> Message | None:
        """What the cashier is told of vouchers the server listed and the till could not read."""
        if not self.vouchers_unread:
            return None
        return say("catalogue.vouchers_some_unread", count=self.vouchers_unread)

    def reward(self, reward_id: int) -> OfferedReward | None:
        """One reward of the offer."""
        return next((r for r in self.rewards if r.id == reward_id), None)

    def voucher(self, voucher_id: int) -> OfferedVoucher | None:
        """One voucher of the offer."""
        return next((v for v in self.vouchers if v.id == voucher_id), None)


def voucher_name(voucher: VoucherInfo) -> str:
    """What to call a voucher: its own name, else its template's (member voucher lists often name
    only the template), else its code or number."""
    if voucher.name:
        return voucher.name
    if voucher.template is not None and voucher.template.name:
        return voucher.template.name
    return voucher.code or f"#{voucher.id}"


def voucher_facts(voucher: OfferedVoucher) -> VoucherFacts:
    """What the offline policy needs of a voucher: a balance voucher is worth what is left."""
    return VoucherFacts(
        is_active=voucher.active,
        start_date=voucher.start_date,
        end_date=voucher.end_date,
        value=voucher.left if voucher.balance else voucher.value,
        used_on_this_till=voucher.used_here,
        kind_known=voucher.kind_known,
    )


def unnamed_reward(reward_id: int) -> str:
    """What a reward the server gave no name is called: its id, as the cashier can look it up."""
    return f"#{reward_id}"


def reward_name(reward: Reward) -> str:
    """The reward's name as the server gave it, without the spaces around it (they doubled the
    space in the kiosk's "Redeem Es Kopi  for 20 stamps?"); a name of spaces alone is no name."""
    return (reward.name or "").strip() or unnamed_reward(reward.id)


def offered_reward(reward: Reward) -> OfferedReward:
    """A reward of the store's list as the cashier picks it."""
    return OfferedReward(
        id=reward.id,
        code=reward.code,
        name=reward_name(reward),
        stamps=reward.stamps_to_redeem or 0,
        flexible=reward.type == FLEXIBLE,
        redeemable=reward.redeemable,
        image_url=reward.image_url,
    )


def offered_voucher(
    voucher: VoucherInfo,
    balance: bool,
    use: VoucherUse | None,
    kind_known: bool = True,
) -> OfferedVoucher:
    """One of the member's vouchers as the cashier sees it: a balance voucher's ``left`` is
    its value less what this till's waiting deductions hold (``use``)."""
    assert voucher.id is not None
    used, held, waiting = use or (False, Decimal(0), False)
    value = voucher.value
    left = max(Decimal(0), value - held) if balance and value is not None else None
    return OfferedVoucher(
        id=voucher.id,
        name=voucher_name(voucher),
        code=voucher.code,
        value=value,
        balance=balance,
        left=left,
        start_date=parse_api_date(voucher.start_date),
        end_date=parse_api_date(voucher.end_date),
        active=voucher.is_active is not False,
        used_here=used,
        kind_known=kind_known,
        use_waiting=used and waiting,
    )
