"""The kiosk's use-cases: a customer redeems on their own at a counter terminal (docs/kiosk.md).

The kiosk is a till with nobody behind it, so it is stricter than the cashier's window:

- it works only online, and refuses before anything is queued when the server cannot be reached
  or refuses the till's API token; nothing personal comes from the cache, whatever the till
  remembers;
- a typed phone number (anyone can type a neighbour's) identifies only a member whose PIN the
  server then checks; a scanned card or member QR is the member's own;
- a member with a redemption still waiting is sent to the counter, never allowed a second;
- one PIN authorises one redemption, sent on channel 3 (Kiosk).

Its refusals are messages in the customer's words (``kiosk.*``), never the till's technical ones.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from app.core.credentials import Secret
from app.core.domain import Channel, EntryStatus, OperationKind
from app.core.messages import Explained, Message, say
from app.core.offline.connectivity import Connectivity
from app.core.offline.policy import Refusal
from app.core.services.catalogue import CatalogueUnavailable
from app.core.services.members import (
    LookupRefused,
    Member,
    MemberNotFound,
    member_identifier,
)
from app.core.services.offer import OfferedReward, unnamed_reward
from app.core.services.orders import InvalidOrder
from app.core.services.receipts import Receipt, Verdict
from app.core.services.refusals import (
    CredentialsRefused,
    NotOnline,
    PinBlocked,
    PinRejected,
    Refused,
)
from app.core.services.till import Sale, Till
from app.core.storage.problems import StorageProblem

log = logging.getLogger(__name__)

#: Who the kiosk's entries are recorded as (the shift's and the history's "cashier").
KIOSK_CASHIER = "Kiosk"
#: What a kiosk result's QR code starts with; the rest is the entry's id.
QR_PREFIX = "STAMPS-KIOSK:"
#: How long an answer from the server vouches for the line when a customer opens the phone
#: keypad (seconds): older, a ping asks before they type (:meth:`Kiosk.line_holds`).
HEARD_RECENTLY = 5.0
#: A kiosk entry still holds the member's stamps while it is in one of these.
_WAITING = (EntryStatus.QUEUED, EntryStatus.SENDING, EntryStatus.UNKNOWN)
#: What the on-screen keypad can type: a phone number, perhaps with its country's "+".
_PHONE = re.compile(r"\+?\d{6,15}")
#: What a lookup the server answered in a form the till could not read says (lookup.py): no
#: outage, so the customer is sent to the counter rather than told redemptions are paused.
_ANSWER_UNREAD = frozenset(
    {"member.unreadable", "member.unreadable_copy_held_back", "member.server_said"}
)


class KioskRefused(Explained):
    """The kiosk will not go on with this customer; ``message`` says, in their words, what to
    do instead (scan the card, try again, ask at the counter)."""


class KioskPaused(KioskRefused):
    """The Stamps server cannot be reached, or refuses the till's API token: redemptions are
    paused, and nothing is queued."""


class KioskPinRejected(KioskRefused):
    """The server refused the PIN; ``attempts_left`` when it said how many remain."""

    def __init__(self, message: Message, attempts_left: int | None) -> None:
        super().__init__(message)
        self.attempts_left = attempts_left


@dataclass(frozen=True)
class KioskOffer:
    """What the kiosk shows an identified member: their first name (``""`` when the server gave
    none), their balance and the rewards they can afford now (fixed-price ones: the kiosk has no
    stamps field)."""

    first_name: str
    stamps: int
    rewards: tuple[OfferedReward, ...]
    #: Whether the server listed rewards the till could not read (left out: the member may
    #: afford one the screen does not show, so "collect more stamps" would not be true).
    some_unread: bool = False
    #: Whether a fixed-price reward the server listed costs more than the balance, so that more
    #: stamps would get the member one. Without one (the store lists no reward, or only flexible
    #: ones the kiosk cannot offer) "collect more stamps" would not be true.
    short_of_stamps: bool = False


def first_name(name: str) -> str:
    """The first word of a member's name: all the kiosk ever shows of who they are."""
    words = name.split()
    return words[0] if words else ""


def names_their_card(member: Member, scanned: str) -> bool:
    """Whether ``scanned`` is the member's card number or one of their Member IDs (what a card
    or a member QR holds), not another of the identifiers the server finds them by."""
    held = {held.casefold() for held in (member.card_number, *member.member_ids) if held}
    return member_identifier(scanned).casefold() in held


def greeting_name(member: Member) -> str:
    """The first word of the member's name, or ``""`` when the server gave no name: the till
    then names them by their email, phone or Member ID (a partial registration has no name,
    customer_api §17), none of which a kiosk may show to whoever stands behind them."""
    stand_ins = {member.email, member.phone, member.server_id, *member.member_ids}
    return "" if member.name in stand_ins else first_name(member.name)


def reference_of(entry_id: str) -> str:
    """A short reference for a person to read out ("K-9A8057"): the end of the entry's id, its
    random part (UUIDv7)."""
    return "K-" + entry_id.replace("-", "")[-6:].upper()


def qr_payload(entry_id: str) -> str:
    """What a kiosk result's QR code holds: the till finds the redemption by it."""
    return QR_PREFIX + entry_id


def entry_id_in(code: str) -> str | None:
    """The entry id a scanned kiosk QR code holds, or ``None`` when it is no kiosk code."""
    text = code.strip()
    if not text.upper().startswith(QR_PREFIX):
        return None
    entry_id = text[len(QR_PREFIX) :].strip().lower()
    return entry_id or None


class Kiosk:
    """The self-service flow over one :class:`Till`: identify, the PIN, the offer, one
    redemption. The window reaches the till through this alone (and :class:`Handover` at the
    cashier's till)."""

    def __init__(self, till: Till) -> None:
        self.till = till
        #: The queue waits for a new API token (the database says so; another process may pause
        #: or lift it: :meth:`refresh`).
        self._queue_paused = False
        #: The server refused the till's token on one of the kiosk's own calls (a lookup, a PIN);
        #: until a check finds a token it takes. That refusal pauses the queue too, unless the
        #: disk would not write the pause: then this is what still knows.
        self._token_refused_here = False
        #: The names of the rewards last offered, by id: a refusal of one is recorded under the
        #: name the customer chose, even when the catalogue no longer has it.
        self._offered_names: dict[int, str] = {}

    @property
    def paused(self) -> bool:
        """Whether redemptions are paused: the server cannot be reached, it refuses the till's
        API token (a manager must set a new one; the cashier's till says so in red), or the disk
        refuses the till's writes (nothing could be queued)."""
        return (
            self.till.connectivity is Connectivity.OFFLINE
            or self.token_refused
            or self.till.storage_problem is not None
        )

    @property
    def token_refused(self) -> bool:
        """Whether, as far as the kiosk last knew, the server refuses the till's API token."""
        return self._queue_paused or self._token_refused_here

    async def refresh(self) -> bool:
        """Read again whether the queue waits for a new token; returns :attr:`paused`. (The
        disk is the till's one watch's to ask, on the window's timer: :meth:`recheck_disk`.)"""
        self._queue_paused = (await self.till.status()).paused
        return self.paused

    async def recheck_disk(self) -> bool:
        """Whether the disk refuses the till's writes, asked again: the file system's free
        space while it took them, a write tried while it refused. The kiosk has no storage
        banner of its own to ask: on a disk already full a customer was shown their rewards,
        chose, and only then was turned away (a PIN member after typing their PIN); and once
        turned away at the card, nothing was written that would find the space freed. The
        till's one look (:class:`~app.core.services.disk_watch.DiskWatch`), joined when its
        timer's is under way."""
        await self.till.disk.look()
        return self.till.storage_problem is not None

    async def check_token(self) -> bool:
        """Try the token the till finds now (a manager may have set one): a queue paused for it
        resumes when the server takes it (:meth:`Line.resume_after_credentials_change`), and a
        refusal met on a lookup is asked again with a ping. Returns :attr:`paused`."""
        outcome = await self.till.line.resume_after_credentials_change()
        if outcome is not None:
            if outcome.id == "queue.resumed":
                self._token_refused_here = False
        elif self._token_refused_here:  # nothing paused in the queue: ask the server itself
            accepted = await self.till.line.token_accepted()
            if accepted is not None:
                self._token_refused_here = not accepted
        return await self.refresh()

    async def recheck_line(self) -> bool:
        """While the till believes it offline, ask the server once whether the line is back;
        returns :attr:`paused`. A customer at the screen is worth a ping: the probe's own wait
        doubles through an outage up to a minute, and until it looks again every card would be
        turned away as paused by a kiosk that never tried. A line still down costs a refused
        connection, or the till's short wait for a check (:meth:`Line.check_line_now`): a line
        that hung held the customer for the whole connect and read timeouts."""
        await self.till.line.check_line_now()
        return self.paused

    async def line_holds(self) -> bool:
        """Whether a phone number the customer starts typing now could be looked up: ``False``
        when redemptions are paused, or the server does not answer a ping. Asked only when the
        till has not heard from the server for :data:`HEARD_RECENTLY` seconds: the heartbeat
        finds a line that dropped up to half a minute late, and a customer who tapped "Enter
        phone number" meanwhile typed every digit before being told the kiosk was paused (a
        card is refused at once: its lookup meets the line). A refused token is an answer, and
        pauses the queue (:meth:`refresh` reads it)."""
        if self.paused:
            return not await self.recheck_line()
        if self.till.heard_within(HEARD_RECENTLY):
            return True
        try:
            if not await self.till.line.answers():
                return False
            return not await self.refresh()
        except Exception:  # a check that fails for a reason of its own proves nothing
            log.warning("the line check as the phone keypad opened failed", exc_info=True)
            return not self.paused

    def _require_online(self) -> None:
        if self.paused:
            raise KioskPaused(say("kiosk.paused"))

    def _token_was_refused(self) -> KioskPaused:
        self._token_refused_here = True
        return KioskPaused(say("kiosk.paused"))

    async def identify(self, code: str, *, typed: bool) -> Member:
        """The member a scanned card or member QR (``typed`` false), or a phone number typed on
        the keypad (``typed`` true), names. A typed number is refused in the same words whether
        or not it is a member's, unless that member has a PIN: it is not proof of who stands
        here. Raises :class:`KioskRefused` (:class:`KioskPaused` offline, or while the server
        refuses the till's token and a fresh check says it still does)."""
        await self.recheck_line()
        await self.recheck_disk()
        if self.token_refused and self.till.connectivity is not Connectivity.OFFLINE:
            await self.check_token()  # a customer is here: worth one ping to know
        self._require_online()
        text = code.strip()
        if typed and not _PHONE.fullmatch(text):
            raise KioskRefused(say("kiosk.scan_card"))
        if "@" in text:  # no email on the kiosk: it is no proof of who stands here
            raise KioskRefused(say("kiosk.scan_card"))
        try:
            member = await self.till.lookup.find_member(text)
        except CredentialsRefused:
            raise self._token_was_refused() from None
        except NotOnline as exc:
            if exc.message.id in _ANSWER_UNREAD:
                # the server answered, unreadably: nothing is paused (the next card may read),
                # as a PIN it answered so is "could not check", not "paused"
                raise KioskRefused(say("kiosk.lookup_trouble")) from None
            raise KioskPaused(say("kiosk.paused")) from None
        except LookupRefused:  # the till's settings, not the card: the counter fares no better
            raise KioskPaused(say("kiosk.paused")) from None
        except MemberNotFound:
            raise KioskRefused(say("kiosk.scan_card" if typed else "kiosk.not_found")) from None
        if not member.live:  # the server failed and the cache answered: nothing from memory
            if member.answer_unread:
                raise KioskRefused(say("kiosk.lookup_trouble"))
            raise KioskPaused(say("kiosk.paused"))
        # The lookup's copy into the cache is the first write a disk filled since may refuse:
        # nothing could be queued for them, so nothing of theirs is shown.
        self._require_online()
        # A scan proves the card only when it is the card: the server also finds a member by
        # their phone or primary key, which anyone may print as a barcode or send from a
        # keyboard as fast as a scanner; taken as a card, a neighbour's phone number showed their
        # rewards, to redeem, with no PIN asked (seen under Xvfb).
        if (typed or not names_their_card(member, text)) and not member.protected_redemption:
            raise KioskRefused(say("kiosk.scan_card"))
        if member.is_blocked or not member.redemption_allowed or member.pin_is_blocked:
            raise KioskRefused(say("kiosk.ask_counter"))
        if await self.waiting(member):
            raise await self._turned_away(member, say("what.kiosk_identify"))
        return member

    async def waiting(self, member: Member) -> bool:
        """Whether a redemption of the member's still waits (queued, being sent, or unknown)."""
        return bool(await self.till.outbox.entries(_WAITING, lane=member.lane))

    async def authorize(self, member: Member, pin: Secret) -> str:
        """Have the server check the member's PIN; the request id it now vouches for, good for
        one redemption. Raises :class:`KioskPinRejected`, or :class:`KioskRefused`.

        Asked as the counter asks it (:meth:`Redeemer.authorize_pin_for`), so a refusal other
        than a wrong PIN is on the till's record under the kiosk's name, and the end of day
        counts it: the kiosk has no shift. The till checks itself that it is online (and records
        it); only a token the server refuses, as far as the kiosk knows, is turned away first."""
        if self.token_refused:
            raise KioskPaused(say("kiosk.paused"))
        was_offline = self.till.connectivity is Connectivity.OFFLINE
        try:
            return await self.till.redeemer.authorize_pin_for(None, member, self._sale(), pin)
        except PinBlocked:
            # No attempt left (the server has blocked the PIN): the pad has nothing more to
            # offer this customer.
            raise KioskRefused(say("kiosk.ask_counter")) from None
        except PinRejected as exc:
            if exc.attempts_left == 0 or exc.message.id != "pin.wrong":
                # refused for what typing again cannot mend
                raise KioskRefused(say("kiosk.ask_counter")) from None
            raise KioskPinRejected(say("kiosk.pin_wrong"), exc.attempts_left) from None
        except CredentialsRefused:
            raise self._token_was_refused() from None
        except NotOnline:
            if was_offline:
                raise KioskPaused(say("kiosk.paused")) from None
            raise KioskRefused(say("kiosk.pin_trouble")) from None
        except Refused:
            raise KioskRefused(say("kiosk.waiting")) from None
        except StorageProblem as problem:
            # a full or read-only disk refused the till's record of a PIN it could not check:
            # nothing could be queued for them anyway, and the pad must not wait for ever
            log.warning("kiosk PIN check cut short by the disk: %s", problem)
            raise KioskPaused(say("kiosk.paused")) from None

    async def offer(self, member: Member) -> KioskOffer:
        """The member's first name, balance and the rewards they can afford, live only."""
        self._require_online()
        offer = await self.till.lookup.offer(member)
        if offer.rewards_as_of is not None or offer.rewards_problem is not None:
            raise KioskPaused(say("kiosk.paused"))
        self._offered_names = {reward.id: reward.name for reward in offer.rewards}
        stamps = offer.projected_stamps
        if stamps is None:
            # The server gave no balance: "You have 0 stamps" would be false, and no reward can be
            # judged affordable. The counter can still redeem their vouchers and codes.
            raise KioskRefused(say("kiosk.ask_counter"))
        # A reward the server gave no name is "#9000" to a customer, who cannot tell what they
        # would redeem: left out, as one the till could not read (the counter has its code).
        nameless = [
            reward
            for reward in offer.rewards
            if not reward.flexible and reward.name == unnamed_reward(reward.id)
        ]
        affordable = tuple(
            reward
            for reward in offer.rewards
            if not reward.flexible
            and reward.redeemable is not False
            and reward.stamps <= stamps
            and reward not in nameless
        )
        return KioskOffer(
            greeting_name(member),
            stamps,
            affordable,
            some_unread=offer.rewards_unread > 0 or bool(nameless),
            short_of_stamps=any(
                not reward.flexible and reward.stamps > stamps for reward in offer.rewards
            ),
        )

    async def redeem(self, member: Member, reward_id: int, request_id: str | None) -> Receipt:
        """Queue one reward for ``member`` on the kiosk's channel (``request_id`` from
        :meth:`authorize` when they have a PIN) and return its receipt, queued. Refused before
        anything is queued when the server cannot be reached or refuses the till's token (a
        fresh read: another process may have paused the queue), or something of theirs waits."""
        await self.recheck_disk()
        await self.refresh()
        self._require_online()
        what = say("what.reward", name=self._offered_names.get(reward_id, f"#{reward_id}"))
        if await self.waiting(member):
            raise await self._turned_away(member, what)
        try:
            order = await self.till.catalogue.reward_order(member, reward_id)
            return await self.till.redeemer.redeem(
                order, member, self._sale(), request_id=request_id
            )
        except InvalidOrder as exc:
            raise await self._turned_away(
                member, what, exc.message, exc.verdict, told=say("kiosk.refused")
            ) from None
        except (NotOnline, CatalogueUnavailable):
            # CatalogueUnavailable: the catalogue, read again at the confirm, failed with nothing
            # remembered; the server is in trouble, and the counter can still serve them.
            raise KioskPaused(say("kiosk.paused")) from None
        except StorageProblem as problem:
            # a full or read-only disk: nothing was queued; the customer is sent to the counter
            # (the till's banner and log say why), never shown the till's error report
            log.warning("kiosk redemption not queued: %s", problem)
            raise KioskPaused(say("kiosk.paused")) from None
        except Refused as exc:
            if exc.refusal is Refusal.KIOSK_OFFLINE:  # the till went offline meanwhile
                raise KioskPaused(say("kiosk.paused")) from None
            if exc.refusal in (Refusal.NOT_ENOUGH_STAMPS, Refusal.SHORT_OF_STAMPS):
                raise KioskRefused(say("kiosk.not_enough")) from None
            raise KioskRefused(say("kiosk.refused")) from None

    async def _turned_away(
        self,
        member: Member,
        what: Message,
        reason: Message | None = None,
        verdict: Verdict = Verdict.REFUSED,
        *,
        told: Message | None = None,
    ) -> KioskRefused:
        """The refusal the customer is told (``told``), once it is on the till's record as the
        counter's refusals are: the kiosk turned a customer away itself, before the till was
        asked, and the end of day counts it (docs/kiosk.md). Without ``reason``, for a
        redemption of theirs still waiting: refused, as the counter's PIN check refuses a busy
        lane (a rule that holds online too, architecture §4)."""
        try:
            await self.till.redeemer.record_refusal(
                member,
                self._sale(),
                kind=OperationKind.REWARD,
                what=what,
                reason=reason or say("pin.lane_busy_at_kiosk"),
                verdict=verdict,
            )
        except StorageProblem as problem:
            # a full or read-only disk: the customer still hears why, not the till's error report
            log.warning("kiosk refusal not recorded: %s", problem)
        return KioskRefused(told or say("kiosk.waiting"))

    @staticmethod
    def _sale() -> Sale:
        """The kiosk's sale: no cashier but its own name, no shift, the kiosk's channel."""
        return Sale(cashier=KIOSK_CASHIER, channel=Channel.KIOSK)

    async def wait(self, queued: Receipt) -> Receipt:
        """The receipt of ``queued`` (from :meth:`redeem`) once the server answers or its first
        attempt ends, or as it stands after the till's usual wait.

        The attempt is counted from the queued receipt, not from when the wait begins: a refused
        connection ends the worker's first attempt within milliseconds, often before the wait's
        first read, and a wait that took that attempt as already known waited for the next one,
        the customer watching "working" until the retry (or the whole wait, seen in CI)."""
        return await self.till.wait(queued.entry_id, seen=queued.attempts)
