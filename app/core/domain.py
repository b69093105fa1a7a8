"""Value types in the till's own words, shared by every layer of the core."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import IntEnum, StrEnum


class Channel(IntEnum):
    """Where a transaction happened, as the Stamps API numbers channels."""

    MOBILE_APP = 1
    POS = 2
    KIOSK = 3
    WEB = 4
    ANDROID = 5
    IOS = 6
    CALL_CENTER = 7
    GRABFOOD = 8
    GOFOOD = 9

    @classmethod
    def named(cls, said: str | None) -> Channel | None:
        """The channel an activity feed names (``"POS"``, ``"Kiosk"``: the API's channel
        mapping, any case), or ``None`` for a name it does not have."""
        key = "".join(c for c in (said or "").lower() if c.isalnum())
        return _CHANNEL_NAMES.get(key)


#: The API's channel mapping, as a feed writes it, squeezed (lower case, letters and digits only).
_CHANNEL_NAMES = {
    "mobileapp": Channel.MOBILE_APP,
    "pos": Channel.POS,
    "kiosk": Channel.KIOSK,
    "web": Channel.WEB,
    "android": Channel.ANDROID,
    "ios": Channel.IOS,
    "callcenter": Channel.CALL_CENTER,
    "grabfood": Channel.GRABFOOD,
    "gofood": Channel.GOFOOD,
}


class OperationKind(StrEnum):
    """What an outbox entry asks the server to do."""

    REWARD = "reward"
    MULTI = "multi"
    VOUCHER = "voucher"
    DEDUCT = "deduct"
    CODE = "code"
    PROMO = "promo"
    CANCEL = "cancel"

    @property
    def spends_a_voucher(self) -> bool:
        """Whether a redemption of this kind spends one of the member's vouchers: the only kind
        whose cancel can give a replacement voucher (``create_replacement_voucher`` replaces the
        voucher used, redemption_api §6). A reward, a cart or a promo code spends none."""
        return self in (OperationKind.VOUCHER, OperationKind.DEDUCT, OperationKind.CODE)

    @property
    def takes_a_pin(self) -> bool:
        """Whether the endpoint of this kind takes a PIN check's ``request_id`` ("This field is
        needed if PIN authorization is enabled": redeem-reward, redeem-voucher, deduct-value,
        redeem-promo-code, and a cart's items). By-voucher-code lists no ``request_id``, so no
        PIN check can vouch for one: asking the member's PIN for it checked nothing the server
        was told of. A cancel is a manager's, never the member's."""
        return self not in (OperationKind.CODE, OperationKind.CANCEL)


class Outcome(StrEnum):
    """What one attempt proves about the server (architecture §3).

    ``AMBIGUOUS`` is the default: an attempt is only downgraded from it on proof.
    """

    APPLIED = "applied"
    REFUSED = "refused"
    NEVER_ARRIVED = "never_arrived"
    AMBIGUOUS = "ambiguous"


#: The most of one reward an order takes, and the most stamps a flexible reward is given: far
#: beyond any sale, and small enough that what the till stores and sums of an order's stamps stays
#: a 64-bit integer (``--qty 9223372036854775807`` reached SQLite as an overflow). The command
#: line's ``--qty`` stops at the same (app/cli/parser.py); the window's Qty box takes a digit
#: more, so a quantity typed over it is refused as typed, not cut (app/ui/widgets/reward_picker.py).
MOST_OF_A_REWARD = 99
MOST_FLEXIBLE_STAMPS = 100_000


class EntryStatus(StrEnum):
    """The states of an outbox entry (architecture §3)."""

    QUEUED = "queued"
    SENDING = "sending"
    SYNCED = "synced"
    REJECTED = "rejected"
    UNKNOWN = "unknown"
    VOIDED = "voided"
    EXPIRED = "expired"
    DISMISSED = "dismissed"


class AcceptedAs(StrEnum):
    """Why the till accepted a redemption before the server's answer (``OutboxEntry.accepted_as``,
    recorded when it was accepted): its screens say "offline" only of an outage there was."""

    #: The server could not be reached (or the till knew itself offline and sent nothing).
    OFFLINE = "offline"
    #: The server answered 429: it asked the till to slow down, and applied nothing.
    SLOWED = "slowed"
    #: The server answered 408: it timed out waiting for the request, and applied nothing.
    TIMED_OUT = "timed_out"

    @property
    def sent_again(self) -> bool:
        """The server was there and asked for the request again: no outage."""
        return self is not AcceptedAs.OFFLINE


#: States an entry never leaves.
FINAL_STATUSES = frozenset(
    {EntryStatus.SYNCED, EntryStatus.VOIDED, EntryStatus.EXPIRED, EntryStatus.DISMISSED}
)


def format_count(count: int) -> str:
    """A count of stamps the way Indonesia writes a number: ``10.000`` (dots group thousands, in
    either language of the window, as :func:`format_rupiah` does for money)."""
    return f"{count:,}".replace(",", ".")


def format_rupiah(amount: int | Decimal) -> str:
    """Money the way an Indonesian receipt prints it: ``Rp 100.000`` (dots group thousands), and
    ``Rp 150.000,50`` when there is a fraction (a comma before it, at least two digits)."""
    sign = "-" if amount < 0 else ""
    value = abs(Decimal(amount))
    whole = int(value)
    text = f"{whole:,}".replace(",", ".")
    fraction = value - whole
    if fraction:
        digits = format(fraction, "f").partition(".")[2].rstrip("0")
        text += "," + digits.ljust(2, "0")
    return f"{sign}Rp {text}"


class MissingIdentifier(ValueError):
    """The member has none of the identifiers an endpoint accepts; the message says which.
    ``accepts_phone``: the endpoint takes an email or phone number (else an email or Member ID),
    so a screen can say it in its own words."""

    def __init__(self, text: str, *, name: str, accepts_phone: bool) -> None:
        super().__init__(text)
        self.name = name
        self.accepts_phone = accepts_phone


@dataclass(frozen=True)
class Member:
    """What the till knows of a member. ``live`` is false when it comes from the cache, as of
    ``fetched_at``; ``stamps`` is then the cached balance (see the projected balance). ``stamps``
    is ``None`` when the server did not give the balance (the docs show it only by example):
    unknown, never 0."""

    server_id: str
    name: str
    email: str | None
    phone: str | None
    member_ids: tuple[str, ...]
    card_number: str | None
    level: str | None
    stamps: int | None
    balance: float | None
    is_blocked: bool
    redemption_allowed: bool
    protected_redemption: bool
    pin_is_blocked: bool
    fetched_at: datetime
    live: bool = True
    #: The copy stands in for an answer the server gave and the till could not read (a 200 with
    #: only an error in it): not an outage, and the cashier is told why the copy is shown.
    answer_unread: bool = False

    @property
    def user(self) -> str | None:
        """``user`` where the docs take "email or Member ID" (the redemptions, the rewards and the
        member's vouchers): the email, else the first member ID; ``None`` with neither."""
        return self.email or (self.member_ids[0] if self.member_ids else None)

    @property
    def contact(self) -> str | None:
        """The member where the docs take "email or phone": by-voucher-code's ``identifier`` and
        the activity feed's ``user`` ("email/mobile number"); ``None`` with neither."""
        return self.email or self.phone

    @property
    def lookup(self) -> str:
        """The member where anything they have is taken (member details, PIN authorisation:
        "email, Member ID, mobile number or primary key ID")."""
        return self.user or self.phone or self.server_id

    def identifier_for(self, kind: OperationKind) -> str:
        """What to send as the member for an operation of ``kind``; raises
        :class:`MissingIdentifier`, with a sentence a cashier can act on, when the member has
        none of what that endpoint accepts."""
        if kind is OperationKind.CODE:
            found, wanted = self.contact, "an email or phone number"
        else:
            found, wanted = self.user, "an email or Member ID"
        if found is None:
            raise MissingIdentifier(
                f"{self.name} has no {wanted.removeprefix('an ')} on their Stamps account, and the "
                f"server needs {wanted} for this. Add one on the Stamps dashboard, then find the "
                "member again.",
                name=self.name,
                accepts_phone=kind is OperationKind.CODE,
            )
        return found

    @property
    def lane(self) -> str:
        """The outbox lane of this member's entries."""
        return f"member:{self.server_id}"
