"""Plain values the views display: what a controller hands a widget, with no Qt and no services.

Every field is already in the till's words (text formatted, money as ``Rp 100.000``) except where a
widget needs a number to work with (stamps, a voucher's remaining value in rupiah).
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Literal

#: The ways a redemption can end on screen (architecture §4): three outcomes, refused by the server
#: or the till, not redeemed (the server could not be asked and the offline rules would not take
#: it, before it was queued or after), and closed by a manager (in no outcome's colour: a closed
#: unknown may have been applied, and nothing is left for the till to do).
OutcomeKind = Literal[
    "confirmed", "accepted_offline", "not_confirmed", "refused", "not_redeemed", "closed"
]
OUTCOME_KINDS: tuple[OutcomeKind, ...] = (
    "confirmed",
    "accepted_offline",
    "not_confirmed",
    "refused",
    "not_redeemed",
    "closed",
)
#: What the result panel shows while a redemption is under way: neutral, never an outcome's
#: colour. ``working``: being checked or sent; ``waiting_pin``: the customer types their PIN.
#: ``asks_first``: the till turned it away itself before sending anything, for something the
#: cashier puts right first (the member, the invoice number, a code typed wrong): no outcome,
#: and never the server's red "Refused".
PanelKind = OutcomeKind | Literal["working", "waiting_pin", "asks_first"]

#: ``checking``: the till has not yet heard from the server since it started (nothing proved).
Connectivity = Literal["checking", "online", "degraded", "offline"]
PausedWhy = Literal["", "token", "https", "token_unusable"]


@dataclass(frozen=True)
class MemberCardData:
    """The member on screen.

    ``cached_as_of`` is set when the member comes from the offline cache; ``projected`` when the
    stamps shown are the cached balance minus what the member's pending entries hold;
    ``pin_blocked`` when the member's PIN is blocked (the server said so, or refused it so here).
    """

    name: str
    level: str
    #: ``None``: the server did not give the member's stamps (said so, never shown as 0)
    stamps: int | None
    balance_text: str
    pin_protected: bool = False
    blocked: bool = False
    pin_blocked: bool = False
    cached_as_of: datetime | None = None
    projected: bool = False


@dataclass(frozen=True)
class MemberSuggestion:
    """One type-ahead row: what the cashier reads, and the value handed back when chosen (what
    to look the member up by)."""

    label: str
    detail: str = ""
    value: Hashable | None = None


@dataclass(frozen=True)
class RewardCardData:
    """A reward in the picker. ``flexible`` rewards ask for a number of stamps (at least
    ``stamps_cost``); an unavailable one is shown greyed with its ``reason``."""

    id: Hashable
    name: str
    stamps_cost: int
    flexible: bool = False
    image_path: str | None = None
    available: bool = True
    reason: str | None = None


#: One cart line as the picker hands it over: (reward id, quantity, stamps for a flexible reward).
CartLine = tuple[Hashable, int, int | None]


@dataclass(frozen=True)
class VoucherRowData:
    """One of the member's vouchers. A ``balance`` voucher holds rupiah that are deducted from
    (``remaining_value`` bounds a deduction; ``value_text`` reads "Saldo Rp 115.000"); using it
    up whole is a separate choice. ``usable`` is false when this till already used it, with the
    ``note`` saying so. ``kind_known`` is false when no one confirmed whether it is a balance
    voucher: it is offered as one, and offline nothing is deducted from it."""

    id: Hashable
    name: str
    code: str
    value_text: str
    dates_text: str
    balance: bool = False
    remaining_value: int | Decimal | None = None
    usable: bool = True
    note: str = ""
    kind_known: bool = True


@dataclass(frozen=True)
class ResultData:
    """What became of the cashier's last action (an ``OutcomeKind``), or what is under way."""

    kind: PanelKind
    headline: str
    details: str = ""
    redemption_id: str | None = None
    voucher_code: str | None = None
    what_to_do: str = ""
    #: Accepted offline, so the cashier was told to hand it over: a ``not_confirmed`` result
    #: then says so in its banner rather than "do not hand over yet".
    provisional: bool = False
    #: What the order gives (``Receipt.gives``): a not-confirmed banner says what not to give
    #: yet, "do not take it off the bill yet" for a deduction rather than "do not hand over yet".
    gives: str = "reward"
    #: Accepted while the server answered, applying nothing (it asked the till to slow down, or
    #: timed out waiting for the request: ``Receipt.answered``): its banner does not say
    #: "offline" of a till that is online.
    answered: bool = False


@dataclass(frozen=True)
class StatusData:
    """The always-visible sync state (architecture §5)."""

    connectivity: Connectivity = "online"
    #: Entries to be sent that nothing of can have reached the server yet.
    queued: int = 0
    #: Entries that may have reached the server with nothing to prove it: being sent again
    #: under their key, or waiting for the feed or a manager. Each one's card reads "NOT
    #: CONFIRMED", and it is counted here alone, not under :attr:`queued` too.
    not_confirmed: int = 0
    #: Refused entries a manager may send again (not the cancels only the dashboard can make).
    failed: int = 0
    #: Cancels the till never sent: only the Stamps dashboard can make them.
    dashboard: int = 0
    oldest_queued_age_s: float | None = None
    paused_for_credentials: bool = False
    stalled_lane_alert: str | None = None
    credentials_note: str = ""
    #: Why the queue is paused, in the reader's language (the server's words quoted).
    paused_text: str = ""
    #: Why the queue is paused, in the bar's few words: ``token`` (the server refuses the
    #: till's API token), ``https`` (it refuses plain http), ``token_unusable`` ("" unpaused).
    paused_why: PausedWhy = ""
    #: What is wrong with the till's clock, in the reader's language ("" when it is right).
    clock_alert: str = ""


@dataclass(frozen=True)
class RedemptionRowData:
    """One row of the shift's redemptions list; ``entry_id`` lets a row's status be updated."""

    entry_id: Hashable
    time_text: str
    member: str
    what: str
    status: OutcomeKind
    #: Once a manager cancels it, the cancel's standing ("Cancelled", "Cancel refused: …") and
    #: its colour (``None``: neutral, nothing left to do) speak instead of ``status``.
    cancel_text: str = ""
    cancel_kind: OutcomeKind | None = None
    #: Accepted offline (handed over then): a ``not_confirmed`` row says so, as the panel does.
    provisional: bool = False
    #: Accepted while the server answered (a 429, a 408): not said "offline".
    answered: bool = False
    #: Its own wait still runs, the result panel reading "Working on it…": the row says it is
    #: being sent, in the panel's neutral look, not "NOT CONFIRMED" before the panel does.
    sending: bool = False
    #: ...and the panel says it waits behind the member's earlier redemption: the row says it
    #: waits its turn, not that it is being sent.
    behind: bool = False
    #: Turned away at the counter (its key a :class:`CounterRefusalKey`): why, in the words
    #: the result panel said it.
    reason: str = ""


@dataclass(frozen=True)
class CounterRefusalKey:
    """The key of a list's row for a customer turned away at the counter: no entry was made,
    so the row is its refusal record's (the shift's list, the History)."""

    refusal_id: int


@dataclass(frozen=True)
class RefusalRowData:
    """One redemption the shift did not make: when, for whom, what, and why."""

    time_text: str
    member: str
    what: str
    reason: str


@dataclass(frozen=True)
class ShiftSummaryData:
    """The totals shown when a shift closes; ``refused`` are the server's and the till's
    refusals, ``not_redeemed`` what the offline rules would not take (voided after it could not
    be sent, or refused before it was queued), ``cancelled`` the redemptions whose cancel the
    server confirmed (no longer counted as confirmed, nor their stamps as redeemed),
    ``expired`` those never sent before their PIN's authorisation (or the kiosk's bound) ran
    out, ``closed`` those a manager closed with a note."""

    cashier: str
    started_text: str
    ended_text: str
    confirmed: int = 0
    accepted_offline: int = 0
    not_confirmed: int = 0
    refused: int = 0
    not_redeemed: int = 0
    cancelled: int = 0
    expired: int = 0
    closed: int = 0
    stamps_redeemed: int = 0
    rupiah_text: str = "Rp 0"
    vouchers_used: int = 0
    promo_codes_used: int = 0
    refusals: tuple[RefusalRowData, ...] = ()
