"""Finding the member at the counter: the server first, the till's copy when it cannot answer.

What the server could not say is told in its own terms (a web page, a server failing, a slow
answer), and a refusal of the till's token is no outage: the copy never answers for it.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from functools import partial

from app.core import clock
from app.core.domain import Outcome
from app.core.messages import Message, say
from app.core.offline.cache import AmbiguousMember, MemberCache
from app.core.offline.connectivity import Connectivity, ConnectivityMonitor
from app.core.outbox.outbox import Outbox
from app.core.services.catalogue import Catalogue
from app.core.services.config import TillConfig
from app.core.services.line import Line
from app.core.services.members import (
    LookupRefused,
    Member,
    MemberNotFound,
    Suggestions,
    card_only,
    carries_card,
    member_from_details,
    member_identifier,
    member_query,
    not_found,
    suggestion_member,
)
from app.core.services.offer import Offer
from app.core.services.refusals import CredentialsRefused, NotOnline
from app.core.services.refused_words import refusal_words
from app.core.stamps.client import StampsClient
from app.core.stamps.errors import (
    AnswerTooLarge,
    ApiError,
    CredentialsRejected,
    CredentialsReplaced,
    CredentialsUnusable,
    MalformedResponse,
    NetworkError,
    NotFound,
    ReadRefused,
    Redirected,
    ResponseLost,
    StampsError,
    ValidationFailed,
    WebPageAnswer,
    line_outcome,
)
from app.core.stamps.models import MemberDetailsResponse
from app.core.stamps.parsing import host_not_plain_ascii, origin_as_read
from app.core.storage.problems import StorageProblem

#: The suggestions read by their details when a card's number is looked up (a card is one
#: member's: more matches than this are a query that is no card).
CARD_CANDIDATES = 5


class Lookup:
    """The members: one looked up, the type-ahead's suggestions, what the store offers them and
    the stamps they will have once their waiting redemptions are sent."""

    def __init__(
        self,
        *,
        config: TillConfig,
        client: StampsClient,
        cache: MemberCache,
        outbox: Outbox,
        monitor: ConnectivityMonitor,
        catalogue: Catalogue,
        line: Line,
    ) -> None:
        self.config = config
        self.client = client
        self.cache = cache
        self.outbox = outbox
        self.monitor = monitor
        self.catalogue = catalogue
        self._line = line

    async def find_member(self, query: str, *, line_checked: bool = False) -> Member:
        """The member who answers to ``query`` (email, member ID, phone or card number).

        Online first, for at most :attr:`TillConfig.lookup_timeout` seconds (a setting: a slow
        line needs more, a cashier will wait no longer); when the server cannot be reached in
        that time, the member as the till last saw them (``live`` false, "as of" ``fetched_at``).
        Raises :class:`MemberNotFound` when neither knows them, :class:`NotOnline` when the
        server cannot be asked and the cache does not know them. Believed offline, the till
        checks the line (:meth:`Line.check_line_now`) before it says it cannot ask: a customer it
        has not seen was turned away by a till whose line had come back.
        """
        text = member_identifier(query)
        # Why the server could not say, should the till's copy not know them either: a web page
        # answered (a Wi-Fi login page), the server failed, or it was slower than the lookup waits.
        # Only a connection never made is "cannot be reached": the rest would send the cashier to
        # check a network that works.
        unseen = say("member.unknown_offline", query=text)
        asked = self.monitor.state is not Connectivity.OFFLINE
        unread = False  # the server answered in a form the till could not read
        if asked:
            sent_at = clock.monotonic()  # (a reading in another case leaves moments after it)
            # The balance is as of when the request left, not when its answer came: a
            # redemption answered meanwhile may have been applied after the server read it, and
            # only one confirmed after this moment is taken off it (projected_stamps).
            asked_at = clock.now()
            try:
                details = await asyncio.wait_for(self._details(text), self.config.lookup_timeout)
            except ReadRefused as exc:
                # The server answered, in its own words, without saying who it is: no proof
                # that nobody matches (architecture §1), so the till's copy may still know them.
                # A 200 that is only an error is an answer the till cannot read, as a body
                # that fits no model is: not "Online" (the bar was green over the copy).
                self._report(exc, sent_at)
                unseen = self._why_unseen(text, exc)
                unread = True
            except ValidationFailed as exc:  # a 4xx in its words: the line is up, it understood
                self._report(exc, sent_at)
                refused = not_found(text, exc.detail, exc.field_errors)
                if isinstance(refused, LookupRefused):  # the till's request, not the member
                    raise refused from None
                return await self._by_card(text, refused, exc.detail)
            except NotFound as exc:
                self._report(exc, sent_at)
                return await self._by_card(
                    text, MemberNotFound(say("member.not_found", query=text)), None
                )
            except (CredentialsRejected, CredentialsReplaced, CredentialsUnusable) as refused:
                raise await self._member_refusal(refused) from None
            except StampsError as exc:
                self._report(exc, sent_at)
                if _answered_unreadably(exc):
                    # The server answered about them, in a shape the till cannot read: it may
                    # have said what the copy cannot know (blocked since). No outage, so the
                    # copy does not answer for it (it showed Ayu unblocked beside a server that
                    # had just said `"is_blocked": "true"`).
                    raise NotOnline(await self._unreadable_answer(text)) from None
                unseen = self._why_unseen(text, exc)
                unread = isinstance(exc, MalformedResponse) and not isinstance(exc, WebPageAnswer)
            except TimeoutError:
                self.monitor.report(Outcome.AMBIGUOUS, sent_at=sent_at)
                unseen = self._slow(text)
            else:
                self.monitor.report(None, sent_at=sent_at)
                member = member_from_details(text, details, asked_at=asked_at)
                await self.cache.remember(member)
                return member
        try:
            cached = await self.cache.find(text)
        except AmbiguousMember as exc:
            raise MemberNotFound(say("member.ambiguous", count=exc.count, query=text)) from None
        if cached is None:
            if not asked and not line_checked:  # the copy answered for a belief: ask once
                if not await self._line.check_line_now():
                    return await self.find_member(query, line_checked=True)
                unseen = say("member.unknown_line_checked", query=text)
            raise NotOnline(unseen)
        return replace(cached, answer_unread=True) if unread else cached

    async def _by_card(
        self, text: str, not_found_words: MemberNotFound, said: str | None
    ) -> Member:
        """The member whose card's number ``text`` is, found as the docs allow, when member
        details did not know it as ``user``: its table takes "email, Member ID, mobile number or
        primary key ID", not a card's number (``primary_card.number``), so a server written
        from it answers "User not found" to a card scanned. The type-ahead's suggestions take
        any query; each match is read again by its primary key, and taken only when its
        details name the card (``primary_card`` or ``member_ids``): a suggestion is only a
        possible match. Raises ``not_found_words`` for what cannot be a card (an email, words,
        a phone written with its +, no digit at all), and :class:`MemberNotFound` saying that a
        card's number cannot be looked up when no single member carries it, after the server's
        own words (``said``) when it gave some."""
        if not _may_be_card(text):
            raise not_found_words
        asked_at = clock.now()
        sent_at = clock.monotonic()
        try:
            found = await asyncio.wait_for(self._carrying(text), self.config.lookup_timeout)
        except TimeoutError:
            # No answer to who carries it is no proof that nobody does: on a slow line Budi's
            # card read "No member matches" though the server had him. The copy, else why not.
            self.monitor.report(Outcome.AMBIGUOUS, sent_at=sent_at)
            return await self._card_from_copy(text, self._slow(text))
        except NetworkError as lost:
            self._report(lost, sent_at)
            return await self._card_from_copy(text, self._why_unseen(text, lost))
        except StampsError:
            found = []
        if len(found) != 1:
            if said:
                reason = said if said.endswith((".", "!", "?")) else f"{said}."
                raise MemberNotFound(
                    say("member.card_not_found_because", query=text, reason=reason)
                )
            raise MemberNotFound(say("member.card_not_found", query=text))
        member = replace(found[0], fetched_at=asked_at)
        await self.cache.remember(member)
        return member

    async def _card_from_copy(self, card: str, unseen: Message) -> Member:
        """The member the till's copy knows by ``card``, when the server could not say who
        carries it; else :class:`NotOnline` with ``unseen``, why it could not."""
        try:
            cached = await self.cache.find(card)
        except AmbiguousMember as exc:
            raise MemberNotFound(say("member.ambiguous", count=exc.count, query=card)) from None
        if cached is None:
            raise NotOnline(unseen)
        return cached

    async def _carrying(self, card: str) -> list[Member]:
        """The members the server's suggestions for ``card`` hold whose details name it (at
        most :data:`CARD_CANDIDATES` read: a card's number is one member's)."""
        answer = await self._line.asked_under_the_token_kept(lambda: self.client.suggestions(card))
        carrying: list[Member] = []
        for suggestion in answer.suggestions[:CARD_CANDIDATES]:
            details = await self._line.asked_under_the_token_kept(
                partial(self.client.member_details, str(suggestion.id))
            )
            member = member_from_details(card, details)
            if carries_card(member, card) and all(
                m.server_id != member.server_id for m in carrying
            ):
                carrying.append(member)
        return carrying

    async def _details(self, text: str) -> MemberDetailsResponse:
        """The server's details of the member ``text`` names. A card's number the till's copy
        has seen on a member is asked by that member's primary key first: details do not take
        a card's number, and finding it again through the suggestions cost three requests at
        every visit of a regular (a refusal, the suggestions, a read by key) where the key costs
        one. Those details are taken only while they still name the card: one that has moved to
        another member, or been replaced, is looked up as anything else is
        (:meth:`_details_in_any_case`, then :meth:`_by_card`), never taken for its old holder."""
        holder = await self._card_holder_seen(text)
        if holder is not None:
            try:
                details = await self._line.asked_under_the_token_kept(
                    partial(self.client.member_details, holder.server_id)
                )
            except (NotFound, ValidationFailed):
                pass  # gone from the server, or one that takes no key: asked as typed
            else:
                try:
                    now = member_from_details(text, details)
                except MemberNotFound:  # details naming no one: no holder to trust
                    now = None
                if now is not None and carries_card(now, text):
                    return details
                if now is not None:
                    # the copy learns that the card is no longer theirs (offline too)
                    await self.cache.remember(now)
        return await self._details_in_any_case(text)

    async def _card_holder_seen(self, text: str) -> Member | None:
        """The member of the till's copy whose card's number ``text`` is (``None`` when it is
        one of their Member IDs, which details take as they are, or several members' keys)."""
        if not _may_be_card(text):
            return None
        try:
            seen = await self.cache.find(text)
        except AmbiguousMember:
            return None
        except StorageProblem:  # a shortcut, not the answer: the server is asked as before
            return None
        return seen if seen is not None and card_only(seen, text) else None

    def _report(self, failure: StampsError, sent_at: float) -> None:
        """Tell the status bar what a lookup's or the type-ahead's failure proves of the line,
        by one rule (:func:`line_outcome`): a 4xx in the server's words is an answer, a 2xx
        the till could not read or that says only an error is not."""
        self.monitor.report(line_outcome(failure), status_code=failure.status_code, sent_at=sent_at)

    async def _details_in_any_case(self, text: str) -> MemberDetailsResponse:
        """The server's details of the member ``text`` names, read as typed and then in the case
        a person means: a Member ID or card number scanned or typed with Caps Lock on arrives
        with its case turned round ("kr24000006"), and the server matches its case exactly.
        An email is asked once (the server does not mind its case); so is what has no letters,
        and words with spaces between (a name is no Member ID). The last reading's refusal is
        the one raised."""
        one_code = "@" not in text and not any(ch.isspace() for ch in text)
        readings = (
            list(dict.fromkeys((text, text.swapcase(), text.upper()))) if one_code else [text]
        )
        for reading in readings[:-1]:
            try:
                return await self._line.asked_under_the_token_kept(
                    partial(self.client.member_details, reading)
                )
            except (NotFound, ValidationFailed):
                continue
        return await self._line.asked_under_the_token_kept(
            partial(self.client.member_details, readings[-1])
        )

    async def _member_refusal(self, refused: StampsError) -> CredentialsRefused:
        """What a member lookup or the type-ahead says when the till's token is refused under
        the token kept too (the client's ping confirmed it), once the queue is paused for it.

        The server answers and refuses the till: no outage, so nothing is served from memory.
        A token that cannot be sent (:class:`CredentialsUnusable`) says nothing of the network
        either, and only a token set again helps."""
        await self._line.pause_for_credentials(refused)
        if isinstance(refused, CredentialsUnusable):
            return CredentialsRefused(say("member.token_unusable"))
        return CredentialsRefused(
            refusal_words("member.credentials", refused, self.config.base_url)
        )

    def _why_unseen(self, query: str, failure: StampsError) -> Message:
        if isinstance(failure, ReadRefused):
            return say("member.server_said", query=query, said=failure.detail or failure.message)
        if isinstance(failure, WebPageAnswer):
            return say("member.web_page", query=query)
        if isinstance(failure, MalformedResponse):  # it answered: "failing (200)" was false
            return say("member.unreadable", query=query)
        if isinstance(failure, AnswerTooLarge):
            # it answered, past what the till reads (a name of megabytes): "did not answer"
            # sent the cashier to check a line that worked
            return say("member.too_large", query=query)
        if isinstance(failure, ResponseLost):  # the request's own read timeout, a cut answer
            return say("member.no_answer", query=query)
        if isinstance(failure, ApiError) and failure.moved_to:
            # a server moved (to https, most often), or a sign-in page took the request: a
            # manager sets the address or signs the network in, no retry helps
            address = origin_as_read(failure.moved_to)
            if host_not_plain_ascii(failure.moved_to) is not None:
                # a name that only looks like the server's: no manager should be sent there
                return say("member.moved_look_alike", query=query, address=address)
            return say("member.moved", query=query, address=address)
        if isinstance(failure, Redirected):
            # sent elsewhere on the same server: "failing (302)" sent nobody to the address
            return say("member.redirected", query=query)
        if isinstance(failure, ApiError) and failure.detail and _turned_down(failure):
            # it turned the lookup down in its own words: "failing (403)" hid them
            return say("member.server_said", query=query, said=failure.detail)
        if failure.status_code is not None:
            return say("member.server_failing", query=query, status=failure.status_code)
        return say("member.unknown_offline", query=query)

    async def _unreadable_answer(self, query: str) -> Message:
        """What a lookup answered in a form the till cannot read says: that the till's copy is
        held back when it has one (the server may have said what the copy does not know)."""
        try:
            known = await self.cache.find(query) is not None
        except AmbiguousMember:
            known = True
        return say(
            "member.unreadable_copy_held_back" if known else "member.unreadable", query=query
        )

    def _slow(self, query: str) -> Message:
        return say("member.server_slow", query=query, seconds=f"{self.config.lookup_timeout:g}")

    async def knows_card(self, text: str) -> bool:
        """Whether the till's copy holds a member whose card number or Member ID ``text`` is,
        without asking the server: a card a slow scanner typed into a voucher code is the
        next customer's, not a code to send for the one on screen."""
        try:
            member = await self.cache.find(text)
        except AmbiguousMember:
            return False
        return member is not None and carries_card(member, text)

    async def suggestions(self, query: str) -> Suggestions:
        """Members for the type-ahead, by name or any identifier (a free query): the server's
        suggestions online, the cache's offline or when the server fails; and how many matches
        the server listed that the till could not read (left out without a word, the cashier
        searched on for a member the server had found). Suggestions are members as far as they
        are known: look one up to use it. What no member could answer to is
        :class:`MemberNotFound`, as :func:`member_query` says, and is not sent. A server that
        refuses the till's token is :class:`CredentialsRefused`, and pauses the queue, as for
        :meth:`find_member`: it is no outage, so the cache does not answer for it."""
        found, _ = await self._suggestions(query)
        return found

    async def members_named(self, query: str) -> Suggestions:
        """The members a name searched for (Enter, not the type-ahead) answers to, as
        :meth:`suggestions` finds them; but when the server could not answer and the cache knows
        no one, :class:`NotOnline` says why, as :meth:`find_member` does. An empty cache is
        no proof that nobody has the name: "No member matches “Budi”" was said of a member
        with the line down, and sent the cashier to search by the name they had searched."""
        found, unseen = await self._suggestions(query)
        if not found.members and unseen is not None:
            raise NotOnline(unseen)
        return found

    async def _suggestions(self, query: str) -> tuple[Suggestions, Message | None]:
        """:meth:`suggestions`, and why the server did not answer for them (``None`` when it
        did)."""
        if len(query.strip()) < 2:
            return Suggestions(()), None
        text = member_query(query)
        unseen = say("member.unknown_offline", query=text)
        if self.monitor.state is not Connectivity.OFFLINE:
            # What the type-ahead's requests prove goes to the status bar as a lookup's does:
            # a name typed with the line down left it reading "Online", and the next scan
            # waited the lookup's whole wait before the till's copy answered.
            sent_at = clock.monotonic()
            try:
                answer = await asyncio.wait_for(
                    self._line.asked_under_the_token_kept(lambda: self.client.suggestions(text)),
                    self.config.lookup_timeout,
                )
            except (CredentialsRejected, CredentialsReplaced, CredentialsUnusable) as refused:
                raise await self._member_refusal(refused) from None
            except StampsError as exc:
                self._report(exc, sent_at)  # by the lookup's rule: a 200 of errors is no answer
                unseen = self._why_unseen(text, exc)
            except TimeoutError:
                self.monitor.report(Outcome.AMBIGUOUS, sent_at=sent_at)
                unseen = self._slow(text)
            else:
                self.monitor.report(None, sent_at=sent_at)
                found = tuple(suggestion_member(s) for s in answer.suggestions)
                return Suggestions(found, len(answer.unread_in("suggestions"))), None
        return Suggestions(tuple(await self.cache.suggest(text)), from_copy=True), unseen

    async def offer(self, member: Member) -> Offer:
        """What the store offers ``member`` now: rewards and vouchers (live, else as the till last
        saw them) and their projected balance."""
        return await self.catalogue.offer(member, await self.projected_stamps(member))

    async def projected_stamps(
        self, member: Member, *, leaving_out: str | None = None
    ) -> int | None:
        """The member's stamps less what their queued, sending and unknown entries hold and what
        those confirmed since the stamps were read spent (``leaving_out`` one entry, when
        deciding that entry's own fate); ``None`` when the server never gave their stamps."""
        if member.stamps is None:
            return None
        held = await self.outbox.held_stamps(
            member.lane, as_of=member.fetched_at, leaving_out=leaving_out
        )
        return member.stamps - held


def _may_be_card(text: str) -> bool:
    """Whether ``text`` could be a card's number: a digit in it, and no email, a phone written
    with its ``+``, or words with spaces between."""
    return not (
        "@" in text
        or text.startswith("+")
        or any(ch.isspace() for ch in text)
        or not any(ch.isdigit() for ch in text)  # a name, not a card
    )


def _turned_down(failure: ApiError) -> bool:
    """A 4xx: the server looked at the request and said no (its words say why); a 5xx is a
    server failing, whatever its body says."""
    return failure.status_code is not None and 400 <= failure.status_code < 500


def _answered_unreadably(failure: StampsError) -> bool:
    """The server answered 2xx with a JSON object the endpoint's model does not fit: it spoke
    the API's language about what was asked (not a web page, not a cut line), and what it said
    cannot be known."""
    return isinstance(failure, MalformedResponse) and failure.json_object
