"""The async Stamps API client: one method per endpoint, and :meth:`StampsClient.submit` for the
outbox.

Every failure leaves as a :mod:`~app.core.stamps.errors` class whose ``outcome`` says what the
attempt proves (architecture §3). A 401 or 403 is never taken at its word: the client refreshes a
JWT once (bearer style), then asks ``/api/ping`` whether the credentials or only this request were
refused.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from decimal import Decimal
from types import TracebackType
from typing import Any, Self, TypeVar

import httpx
from pydantic import BaseModel, SecretStr, ValidationError

from app.core import clock
from app.core.domain import Channel, OperationKind, Outcome
from app.core.stamps import endpoints, errors, exchange, parsing
from app.core.stamps.auth import AccessTokenCache, AuthStyle
from app.core.stamps.endpoints import Endpoint
from app.core.stamps.exchange import checked_base_url, drop_unfollowable_location
from app.core.stamps.models import (
    AccessTokenRequest,
    AccessTokenResponse,
    ActivitiesQuery,
    ActivitiesResponse,
    Activity,
    AuthorizeRequest,
    AuthorizeResponse,
    CancelRedemptionRequest,
    DeductValueRequest,
    ListedReward,
    MemberDetailsQuery,
    MemberDetailsResponse,
    MemberVouchersQuery,
    MemberVouchersResponse,
    MultiRewardRedemptionRequest,
    PingResponse,
    PromoCodeRedemptionRequest,
    PromoValidationQuery,
    PromoValidationResponse,
    RedemptionResponse,
    RewardRedemptionRequest,
    RewardsQuery,
    RewardsResponse,
    RewardsVoucher,
    StampsRequest,
    SuggestionsQuery,
    SuggestionsResponse,
    UnreadItem,
    VoucherCodeRedemptionRequest,
    VoucherRedemptionRequest,
    VoucherValidationQuery,
    VoucherValidationResponse,
)
from app.core.stamps.reading import AnswerReader
from app.core.stamps.redaction import install_httpx_redaction, scrub
from app.core.stamps.results import RedemptionResult
from app.core.stamps.server_text import quoted

__all__ = ["OPERATION_ENDPOINTS", "REQUEST_MODELS", "RedemptionResult", "StampsClient"]

logger = logging.getLogger("app.core.stamps")

M = TypeVar("M", bound=BaseModel)
R = TypeVar("R", bound=StampsRequest)

_OPERATION_MODELS: dict[OperationKind, type[StampsRequest]] = {
    OperationKind.REWARD: RewardRedemptionRequest,
    OperationKind.MULTI: MultiRewardRedemptionRequest,
    OperationKind.VOUCHER: VoucherRedemptionRequest,
    OperationKind.DEDUCT: DeductValueRequest,
    OperationKind.CODE: VoucherCodeRedemptionRequest,
    OperationKind.PROMO: PromoCodeRedemptionRequest,
    OperationKind.CANCEL: CancelRedemptionRequest,
}

#: The request model of each outbox operation; an entry's payload is this model's JSON.
REQUEST_MODELS: dict[OperationKind, type[BaseModel]] = dict(_OPERATION_MODELS)

#: Where each outbox operation is sent.
OPERATION_ENDPOINTS: dict[OperationKind, Endpoint] = {
    OperationKind.REWARD: endpoints.REDEEM_REWARD,
    OperationKind.MULTI: endpoints.REDEEM_MULTIPLE_REWARDS,
    OperationKind.VOUCHER: endpoints.REDEEM_VOUCHER,
    OperationKind.DEDUCT: endpoints.DEDUCT_VALUE,
    OperationKind.CODE: endpoints.REDEEM_VOUCHER_CODE,
    OperationKind.PROMO: endpoints.REDEEM_PROMO_CODE,
    OperationKind.CANCEL: endpoints.CANCEL_REDEMPTION,
}

#: Activities per page of the feed (activity_api.rst).
ACTIVITY_PAGE = 20
#: Rewards (and vouchers) asked for per page of the catalogue, and the most pages read.
REWARDS_PAGE = 100
REWARDS_PAGES = 10
DEFAULT_CONNECT_TIMEOUT = 3.0
DEFAULT_READ_TIMEOUT = 10.0
USER_AGENT = "stamps-pos"
_AUTH_FAILURES = (401, 403)
# An Idempotency-Key is an opaque token in a header: visible ASCII, no separators that could
# split the header.
_IDEMPOTENCY_KEY = re.compile(r"[\x21-\x7e]{1,255}")
# What an API token can be to go in a header: visible ASCII, nothing else.
_SENDABLE_TOKEN = re.compile(r"[\x21-\x7e]+")
#: How a refused (or failed) JWT fetch begins its message; what follows is the server's.
ACCESS_TOKEN_REFUSED = "could not obtain an access token: "  # noqa: S105 - words, no token
UNSENDABLE_CREDENTIALS = (
    "the API token cannot be sent: it holds a character a request header cannot carry (a space, "
    "an accent, a control character or a line break); set it again"
)


#: An authorisation's status that is a plain word, as "ok" is.
_A_WORD = re.compile(r"[A-Za-z_]{1,40}")
#: Words a server may answer a right PIN with instead of the documented "ok": not taken as a
#: confirmation (only "ok" vouches for the request id), and never told as a refusal ("The PIN
#: was not accepted: success" sent the customer to type a right PIN again).
_SUCCESS_WORDS = frozenset(
    {"success", "successful", "succeeded", "approved", "authorized", "authorised", "accepted"}
    | {"valid", "verified", "true", "yes", "done"}
)


def _build(model: type[R], data: Mapping[str, Any] | R) -> R:
    """``data`` validated as ``model``; :class:`~errors.InvalidRequest` names bad fields only."""
    if isinstance(data, model):
        return data
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise errors.InvalidRequest(
            f"invalid {model.__name__}: {parsing.validation_summary(exc)}"
        ) from None


def _a_web_page(response: httpx.Response) -> bool:
    """Whether ``response`` is a web page (HTML, not JSON): the API's own refusal is JSON, and
    a proxy's relabelled JSON is still the server's."""
    try:
        json.loads(response.content)
    except ValueError:
        return parsing.is_web_page(response)
    return False


def _carried_credentials(response: httpx.Response) -> tuple[str, ...]:
    """The token or JWT the request of ``response`` carried (its ``Authorization`` header, the
    legacy style's body ``token``), to be masked in what the server said about it."""
    try:
        request = response.request
    except RuntimeError:  # a response made by hand, with no request
        return ()
    carried: list[str] = []
    _, _, credential = request.headers.get("Authorization", "").partition(" ")
    if credential.strip():
        carried.append(credential.strip())
    try:
        content = request.content
    except httpx.RequestNotRead:  # a streamed body: the till never sends one
        content = b""
    if request.method == "POST" and b'"token"' in content:
        try:
            sent = json.loads(content)
        except ValueError:
            sent = None
        if isinstance(sent, dict) and isinstance(sent.get("token"), str) and sent["token"]:
            carried.append(sent["token"])
    return tuple(carried)


def _require_proof(result: RedemptionResult, request: StampsRequest, status: int) -> None:
    """A 2xx proves an application only when it names the redemption (architecture §3); a cancel's
    answer must name the redemption it was asked to cancel, and not call it anything but
    cancelled ("Created" with "Redemption cannot be canceled" beside it read "Cancel
    confirmed"). Anything else proves nothing."""
    named = result.names_redemption
    standing = None
    if named and isinstance(request, CancelRedemptionRequest):
        named = result.redemption_id == request.id
        standing = _not_cancelled(result.redemption_status) if named else None
    if named and standing is None:
        return
    if standing is not None:
        # it named the redemption, so "named no redemption" would not be true: it said no
        said = f": {quoted(result.errors)}" if result.errors else ""
        raise errors.MalformedResponse(
            f"the server answered {status} but said the redemption is {quoted(standing)}{said}",
            status_code=status,
        )
    if result.errors:
        # its own words, for the cashier beside "not confirmed": what it believes stays the same
        raise errors.UnprovenAnswer(quoted(result.errors), status_code=status)
    what = "another redemption" if result.names_redemption else "no redemption"
    raise errors.MalformedResponse(
        f"the server answered {status} but named {what}", status_code=status
    )


#: What a cancel's answer calls the redemption it cancelled (redemption_api §6: "Canceled").
_CANCELLED = frozenset({"canceled", "cancelled"})


def _not_cancelled(status: str | None) -> str | None:
    """The status a cancel's answer gives its redemption when that is not "Canceled" (the
    answer says in words the redemption still stands: "Created"), else ``None``. A status the
    answer leaves out, or gives as no text, says nothing either way: the id proves the cancel."""
    if status is None or status.strip().lower() in _CANCELLED:
        return None
    return status.strip() or None


def _whole_feed_page(page: ActivitiesResponse, raw: Mapping[str, Any]) -> None:
    """Raise unless ``page`` of the member's activity says it gave all its lines
    (:meth:`StampsClient.redemptions_since`)."""
    if page.error_messages not in (None, "", [], {}):
        raise errors.MalformedResponse(
            "the member's activity says some of it could not be given",
            status_code=200,
            json_object=True,
        )
    said = parsing.error_body_of(raw)
    if said.message:
        # {"activities": [], "detail": "User not found"}: an empty list the server did not vouch
        # for read "not in the member's activity"
        raise errors.ReadRefused(
            said.message,
            status_code=200,
            detail=said.message,
            error_code=said.error_code,
            field_errors=said.field_errors,
        )


class StampsClient:
    """The till's connection to the Stamps API.

    One instance per till, sharing one ``httpx.AsyncClient`` (pass ``http`` to supply your own, e.g.
    with a mock transport; it is then yours to close). ``merchant`` and ``store`` fill the query
    parameters of the catalogue and validation calls; redemption requests name their store
    themselves. ``channel``, when given, is sent with every request model that has a channel and
    does not set one.
    """

    def __init__(
        self,
        *,
        base_url: str,
        token: str | SecretStr,
        merchant: int,
        store: int,
        auth: AuthStyle | str = AuthStyle.TOKEN,
        connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
        read_timeout: float = DEFAULT_READ_TIMEOUT,
        http: httpx.AsyncClient | None = None,
        channel: Channel | None = None,
        on_server_date: Callable[[str | None], None] | None = None,
        user_agent: str = USER_AGENT,
    ) -> None:
        self._base_url = checked_base_url(base_url)
        self._auth = AuthStyle(auth)
        self._token = token if isinstance(token, SecretStr) else SecretStr(token)
        if not self._token.get_secret_value().strip():
            raise ValueError("the Stamps API token is empty")
        for name, value in (("merchant", merchant), ("store", store)):
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise ValueError(f"{name} must be a positive integer id")
        if connect_timeout <= 0 or read_timeout <= 0:
            raise ValueError("timeouts must be positive")
        self.merchant = merchant
        self.store = store
        self.user_agent = user_agent
        self.channel = Channel(channel) if channel is not None else None
        #: Called with the ``Date`` header of every answer (the till checks its clock with it).
        self.on_server_date = on_server_date
        self._timeouts = (connect_timeout, read_timeout)
        self._timeout = httpx.Timeout(
            connect=connect_timeout, read=read_timeout, write=read_timeout, pool=connect_timeout
        )
        # httpx's read timeout is per read: a body trickling a byte a second never trips it.
        self._deadline = connect_timeout + read_timeout
        self._token_sendable = bool(_SENDABLE_TOKEN.fullmatch(self._token.get_secret_value()))
        # How many times the token was replaced: a refusal is judged only under the token the
        # refused request carried (another request may take up a new one while it travels).
        self._token_changes = 0
        self._in_flight = 0
        self._owns_http = http is None
        self._http = http or httpx.AsyncClient(timeout=self._timeout)
        hooks = self._http.event_hooks
        if drop_unfollowable_location not in hooks["response"]:
            self._http.event_hooks = {
                **hooks,
                "response": [*hooks["response"], drop_unfollowable_location],
            }
        self._tokens = AccessTokenCache(self._fetch_access_token)
        # large answers are read off the event loop (the window's GUI thread)
        self._reader = AnswerReader()
        install_httpx_redaction()

    def __repr__(self) -> str:
        return (
            f"StampsClient(base_url={self._base_url!r}, auth={self._auth.value!r}, "
            f"merchant={self.merchant}, store={self.store}, token={self._token!r})"
        )

    def use_token(self, token: str | SecretStr) -> bool:
        """Send ``token`` from now on (a manager set a new one); ``True`` when it differs from
        the one in use. A JWT fetched with the old token is dropped with it."""
        secret = token if isinstance(token, SecretStr) else SecretStr(token)
        if not secret.get_secret_value().strip():
            raise ValueError("the Stamps API token is empty")
        if secret.get_secret_value() == self._token.get_secret_value():
            return False
        self._token = secret
        self._token_sendable = bool(_SENDABLE_TOKEN.fullmatch(secret.get_secret_value()))
        self._token_changes += 1
        self._tokens.forget()
        return True

    def trying(self, token: str | SecretStr) -> StampsClient:
        """A client like this one (the server, merchant, store, timeouts, connections) that sends
        ``token`` instead: a token a manager typed is put to the server before the till uses
        it, and this client's own token is left as it is. Closing it leaves the connections."""
        connect_timeout, read_timeout = self._timeouts
        return StampsClient(
            base_url=self._base_url,
            token=token,
            merchant=self.merchant,
            store=self.store,
            auth=self._auth,
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
            http=self._http,
            channel=self.channel,
            user_agent=self.user_agent,
        )

    @property
    def token_changes(self) -> int:
        """How many times :meth:`use_token` replaced the token: a caller that reads it before a
        request and after its refusal knows whether the refusal was of the token in use now."""
        return self._token_changes

    @property
    def in_flight(self) -> int:
        """How many requests are on their way to the server now (answered, failed or cancelled,
        they are not): the till's heartbeat sends no ping while one is."""
        return self._in_flight

    @property
    def base_url(self) -> str:
        """The server's base URL, without a trailing slash."""
        return self._base_url

    @property
    def auth(self) -> AuthStyle:
        """The auth style in use."""
        return self._auth

    async def aclose(self) -> None:
        """Close the HTTP client, when this instance created it, and let the reader thread go."""
        self._reader.close()
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    # --- the outbox's entry point ---------------------------------------------------------------

    async def submit(
        self, kind: OperationKind, payload: Mapping[str, Any], *, idempotency_key: str
    ) -> RedemptionResult:
        """Send one outbox entry: ``payload`` is validated as ``REQUEST_MODELS[kind]`` and sent with
        ``idempotency_key`` as its ``Idempotency-Key``."""
        try:
            operation = OperationKind(kind)
        except ValueError:
            raise errors.InvalidRequest("unknown operation kind") from None
        model = _OPERATION_MODELS[operation]
        request = _build(model, payload)
        return await self._redeem(operation, request, idempotency_key)

    # --- redemptions ----------------------------------------------------------------------------

    async def redeem_reward(
        self,
        request: RewardRedemptionRequest | Mapping[str, Any],
        idempotency_key: str | None = None,
    ) -> RedemptionResult:
        """POST /api/v2/redemptions/redeem-reward."""
        return await self._redeem(
            OperationKind.REWARD, _build(RewardRedemptionRequest, request), idempotency_key
        )

    async def redeem_rewards(
        self,
        request: MultiRewardRedemptionRequest | Mapping[str, Any],
        idempotency_key: str | None = None,
    ) -> RedemptionResult:
        """POST /api/v2/redemptions/redeem-multiple-rewards (a cart, all or nothing)."""
        return await self._redeem(
            OperationKind.MULTI, _build(MultiRewardRedemptionRequest, request), idempotency_key
        )

    async def redeem_voucher(
        self,
        request: VoucherRedemptionRequest | Mapping[str, Any],
        idempotency_key: str | None = None,
    ) -> RedemptionResult:
        """POST /api/v2/redemptions/redeem-voucher."""
        return await self._redeem(
            OperationKind.VOUCHER, _build(VoucherRedemptionRequest, request), idempotency_key
        )

    async def deduct_value(
        self,
        request: DeductValueRequest | Mapping[str, Any],
        idempotency_key: str | None = None,
    ) -> RedemptionResult:
        """POST /api/vouchers/deduct-value."""
        return await self._redeem(
            OperationKind.DEDUCT, _build(DeductValueRequest, request), idempotency_key
        )

    async def redeem_voucher_code(
        self,
        request: VoucherCodeRedemptionRequest | Mapping[str, Any],
        idempotency_key: str | None = None,
    ) -> RedemptionResult:
        """POST /api/redemptions/by-voucher-code."""
        return await self._redeem(
            OperationKind.CODE, _build(VoucherCodeRedemptionRequest, request), idempotency_key
        )

    async def redeem_promo_code(
        self,
        request: PromoCodeRedemptionRequest | Mapping[str, Any],
        idempotency_key: str | None = None,
    ) -> RedemptionResult:
        """POST /api/v3/redemptions/redeem-promo-code."""
        return await self._redeem(
            OperationKind.PROMO, _build(PromoCodeRedemptionRequest, request), idempotency_key
        )

    async def cancel_redemption(
        self,
        request: CancelRedemptionRequest | Mapping[str, Any],
        idempotency_key: str | None = None,
    ) -> RedemptionResult:
        """POST /api/redemptions/cancel."""
        return await self._redeem(
            OperationKind.CANCEL, _build(CancelRedemptionRequest, request), idempotency_key
        )

    async def authorize(
        self,
        user: str,
        pin: str | SecretStr,
        request_id: str,
        timeout: int,  # noqa: ASYNC109 - the API's own parameter: how long the authorisation lasts
    ) -> AuthorizeResponse:
        """POST /api/redemptions/authorize: the member's PIN vouches for ``request_id``.

        Never retried here: each failed attempt costs the member one of their PIN attempts.
        """
        request = _build(
            AuthorizeRequest,
            {"user": user, "pin": pin, "request_id": request_id, "timeout": timeout},
        )
        secret = (request.pin.get_secret_value(),)
        parsed, raw, status = await self._call(
            endpoints.AUTHORIZE, AuthorizeResponse, body=request.to_json(), secrets=secret
        )
        said = parsing.error_body_of(raw).message
        word = parsed.status.strip().lower()
        if not said and _A_WORD.fullmatch(word) and word != "ok" and word not in _SUCCESS_WORDS:
            # an answer in a word of its own ("denied"): the server checked the PIN and refused
            # it, which the cashier is told as such, not as a server that did not answer
            raise errors.ValidationFailed(
                f"the server refused the PIN: {parsed.status}",
                status_code=status,
                detail=parsed.status,
            )
        if said:
            # an "ok" beside errors does not vouch for the request id: what it said is told
            raise errors.UnprovenAnswer(
                quoted(scrub(said, self._secrets(secret))), status_code=status
            )
        if not parsed.ok:
            # only {"status": "ok"} vouches for the request id: "denied", a blank does not
            raise errors.MalformedResponse(
                f"the server answered {status} but did not confirm the PIN", status_code=status
            )
        return parsed

    # --- members, catalogue, validation -------------------------------------------------------

    async def member_details(self, user: str) -> MemberDetailsResponse:
        """GET /api/v2/memberships/details: a member by email, member ID, phone or id."""
        query = _build(MemberDetailsQuery, {"user": user, "merchant": self.merchant})
        return await self._get(endpoints.MEMBER_DETAILS, MemberDetailsResponse, query)

    async def suggestions(self, query: str) -> SuggestionsResponse:
        """GET /api/memberships/suggestions: members matching what the cashier typed."""
        params = _build(SuggestionsQuery, {"query": query, "merchant": self.merchant})
        return await self._get(endpoints.SUGGESTIONS, SuggestionsResponse, params)

    async def activities(self, user: str, older_than: int | None = None) -> ActivitiesResponse:
        """GET /api/v3/activities/: a page of 20; the last page's ``oldest_id`` goes back."""
        page, _ = await self._activity_page(user, older_than)
        return page

    async def redemptions_since(
        self, user: str, since: datetime, *, max_pages: int = 10
    ) -> list[Activity]:
        """The member's redemption activities created at or after ``since``, newest first.

        Pages back through the feed (20 a page) until a page reaches past ``since`` or runs out,
        reading at most ``max_pages`` pages. Activities without a readable time are kept: when
        reconciling, a candidate left out is worse than one looked at.

        Each activity is kept once, by its id: a feed that repeats lines (one that ignores
        ``older_than``, or reads it as "this one and older") must not show one redemption twice,
        which would let it account for two entries.

        What reconciliation reads as "not in the member's activity" must be the whole feed back
        to ``since``, or a manager sends again a redemption that is on a page the till did not
        read. So each of these is :class:`~errors.MalformedResponse` (``ReadRefused`` in the
        server's words for the second), not the lines read so far:

        - a page whose ``error_messages`` says something ("errors encountered when parsing
          data"): a line it could not give may be the very one looked for;
        - a page that says an error beside its lines (``detail``, ``errors``...): the server
          says it did not give the feed, whatever list it sent with it;
        - a full page that brings nothing new (the paging link leads back to itself), or
          ``max_pages`` pages that never reach ``since``: the rest was never read;
        - two lines under one id that say different things: the feed contradicts itself.
        """
        found: list[Activity] = []
        seen: dict[int, Activity] = {}
        older_than: int | None = None
        for _ in range(max_pages):
            page, raw = await self._activity_page(user, older_than)
            _whole_feed_page(page, raw)
            fresh = 0
            for activity in page.activities:
                known = seen.get(activity.id)
                if known is not None:
                    if known != activity:
                        raise errors.MalformedResponse(
                            "the member's activity gives two different lines the same id",
                            status_code=200,
                            json_object=True,
                        )
                    continue
                seen[activity.id] = activity
                fresh += 1
                # a line written to the minute may be from any second of it: kept if one is late
                # enough
                span = activity.created_span
                if activity.is_redemption and (span is None or span[0] + span[1] > since):
                    found.append(activity)
            times = [a.created_at for a in page.activities if a.created_at is not None]
            older_than = page.oldest_id
            if (
                older_than is None
                or len(page.activities) < ACTIVITY_PAGE
                or (times and min(times) < since)
            ):
                return found
            if not fresh:
                break
        raise errors.MalformedResponse(
            "the member's activity could not be read back to the time of the redemption",
            status_code=200,
            json_object=True,
        )

    async def _activity_page(
        self, user: str, older_than: int | None
    ) -> tuple[ActivitiesResponse, dict[str, Any]]:
        """A page of the member's activity, and its body as the server wrote it."""
        query = _build(ActivitiesQuery, {"user": user, "older_than": older_than})
        parsed, raw, _ = await self._call(
            endpoints.ACTIVITIES, ActivitiesResponse, params=query.to_json()
        )
        return parsed, raw

    async def rewards(
        self, user: str | None = None, channel: Channel | None = None
    ) -> RewardsResponse:
        """GET /api/rewards/: the rewards redeemable at this store on ``channel`` (else the
        client's own, when set; with a member, ``redeemable`` for them, and their vouchers),
        every page of it.

        The endpoint pages rewards and vouchers apart (``per_page``, ``last_reward_id``,
        ``last_voucher_id``): pages of :data:`REWARDS_PAGE` are read until neither list fills
        one, at most :data:`REWARDS_PAGES` of them. A page that brings nothing new ends the
        reading, so a server that ignores the paging is read once.
        """
        rewards: dict[int, ListedReward] = {}
        vouchers: dict[int, RewardsVoucher] = {}
        unread: list[UnreadItem] = []
        customer = None
        after: dict[str, int | None] = {"last_reward_id": None, "last_voucher_id": None}
        more = False
        for _ in range(REWARDS_PAGES):
            query = _build(
                RewardsQuery,
                {
                    "merchant": self.merchant,
                    "store": self.store,
                    "user": user,
                    # reward_api §1 queries the rewards (and vouchers) for a channel: the till's
                    "channel": channel or self.channel,
                    "only_redeemable_in_this_store": True,
                    "per_page": REWARDS_PAGE,
                    **after,
                },
            )
            page = await self._get(endpoints.REWARDS, RewardsResponse, query)
            customer = customer or page.customer
            before = len(rewards) + len(vouchers)
            rewards.update((r.id, r) for r in page.rewards if r.id not in rewards)
            vouchers.update((v.id, v) for v in page.vouchers if v.id not in vouchers)
            unread.extend(u for u in page.unread if u.id is None or u not in unread)
            # an item the till could not read still filled its page: there may be more
            full = any(
                len(listed) + len(page.unread_in(name)) >= REWARDS_PAGE
                for name, listed in (("rewards", page.rewards), ("vouchers", page.vouchers))
            )
            if not full or len(rewards) + len(vouchers) == before:
                break
            if page.rewards:
                after["last_reward_id"] = page.rewards[-1].id
            if page.vouchers:
                after["last_voucher_id"] = page.vouchers[-1].id
        else:
            more = True
            logger.warning("the store offers more than %d pages of rewards", REWARDS_PAGES)
        listing = RewardsResponse(
            rewards=list(rewards.values()),
            vouchers=list(vouchers.values()),
            customer=customer,
            unread=tuple(unread),
        )
        # The cashier is told (Offer.rewards_cut_note): a reward past the last page read is
        # not on the till, and only a log line said so.
        return listing.with_more_offered() if more else listing

    async def member_vouchers(
        self, user: str, channel: Channel | None = None
    ) -> MemberVouchersResponse:
        """GET /api/vouchers/by-merchant-group: the member's vouchers usable on ``channel``, else
        on the client's own channel when set (voucher_api §3 queries them for a channel, as its
        example does with ``channel=2``: asked without, a voucher for the mobile app alone was
        offered at the counter)."""
        query = _build(MemberVouchersQuery, {"user": user, "channel": channel or self.channel})
        return await self._get(endpoints.MEMBER_VOUCHERS, MemberVouchersResponse, query)

    async def validate_voucher(
        self,
        code: str,
        user: str | None = None,
        transaction_value: int | Decimal | None = None,
    ) -> VoucherValidationResponse:
        """GET /api/vouchers/validate: whether ``code`` can be redeemed at this store (by this
        member, for a sale of ``transaction_value``, when given).

        ``merchant`` is the merchant id, although the parameter table calls it "the voucher
        template ID": a scanned code's template is unknown until it is validated.
        """
        query = _build(
            VoucherValidationQuery,
            {
                "voucher_code": code,
                "merchant": self.merchant,
                "store": self.store,
                "user": user,
                "transaction_value": transaction_value,
            },
        )
        return await self._get(endpoints.VALIDATE_VOUCHER, VoucherValidationResponse, query)

    async def validate_promo(
        self, code: str, user: str | None = None, channel: Channel | None = None
    ) -> PromoValidationResponse:
        """GET /api/promo-codes/validate, on ``channel`` (else the client's own, when set)."""
        query = _build(
            PromoValidationQuery,
            {
                "promo_code": code,
                "store": self.store,
                "channel": channel or self.channel,
                "user": user,
            },
        )
        return await self._get(endpoints.VALIDATE_PROMO, PromoValidationResponse, query)

    # --- credentials ----------------------------------------------------------------------------

    async def ping(self, *, believed: bool | None = None) -> PingResponse:
        """POST /api/ping: whether the credentials work, and whose they are.

        A 401 or 403 here is itself the proof: :class:`~errors.CredentialsRejected`.
        ``believed``: whether the till believes itself online, for the connectivity's own ping,
        logged only when it says something new (:func:`~app.core.stamps.exchange.exchange`).
        """
        parsed, _, _ = await self._call(endpoints.PING, PingResponse, believed=believed)
        return parsed

    async def get_access_token(self) -> AccessTokenResponse:
        """POST /api/auth/get-access-token/: a fresh JWT for the static token (bearer style)."""
        request = AccessTokenRequest(token=self._token, crm_merchant_id=self.merchant)
        parsed, _, _ = await self._call(
            endpoints.ACCESS_TOKEN, AccessTokenResponse, body=request.to_json()
        )
        return parsed

    # --- plumbing -------------------------------------------------------------------------------

    async def _fetch_access_token(self) -> SecretStr:
        return (await self.get_access_token()).access_token

    async def _redeem(
        self, kind: OperationKind, request: StampsRequest, idempotency_key: str | None
    ) -> RedemptionResult:
        if self.channel is not None and getattr(request, "channel", False) is None:
            request = request.model_copy(update={"channel": self.channel})
        parsed, raw, status = await self._call(
            OPERATION_ENDPOINTS[kind],
            RedemptionResponse,
            body=request.to_json(),
            idempotency_key=idempotency_key,
        )
        result = RedemptionResult.from_response(kind, parsed, raw, self._secrets())
        _require_proof(result, request, status)
        return result

    async def _get(self, endpoint: Endpoint, model: type[M], query: StampsRequest) -> M:
        parsed, _, _ = await self._call(endpoint, model, params=query.to_json())
        return parsed

    def _secrets(self, extra: Iterable[str] = ()) -> tuple[str, ...]:
        jwt = self._tokens.peek()
        held = (jwt.get_secret_value(),) if jwt is not None else ()
        return (self._token.get_secret_value(), *held, *extra)

    async def _call(
        self,
        endpoint: Endpoint,
        model: type[M],
        *,
        body: dict[str, Any] | None = None,
        params: dict[str, Any] | None = None,
        idempotency_key: str | None = None,
        secrets: Iterable[str] = (),
        believed: bool | None = None,
    ) -> tuple[M, dict[str, Any], int]:
        """The answer read as ``model``, its raw body and its status; any failure raised as its
        taxonomy error."""
        if idempotency_key is not None and not _IDEMPOTENCY_KEY.fullmatch(idempotency_key):
            raise errors.InvalidRequest(
                "the idempotency key must be 1-255 visible ASCII characters"
            )
        extra = tuple(secrets)
        sent_under = self._token_changes
        response = await self._send(
            endpoint, body, params, idempotency_key, extra, believed=believed
        )
        if response.status_code in _AUTH_FAILURES:
            if endpoint.confirms_credentials:
                # ping's refusal is the proof, but of the static token only with a fresh JWT
                response, _ = await self._with_a_fresh_jwt(
                    endpoint, response, body, params, idempotency_key, extra, sent_under
                )
                if response.status_code in _AUTH_FAILURES:
                    raise self._refusal_of_the_credentials(response, extra)
            else:
                response = await self._recover_auth(
                    endpoint, response, body, params, idempotency_key, extra, sent_under
                )
        parsed, raw = await self._reader.interpret(
            response,
            model,
            now=clock.now(),
            secrets=self._secrets(extra),
            # the token exchange's answer is the JWT itself (not stored, not shown)
            mask_answer=endpoint.authenticated,
            read_only=endpoint.method == "GET",
        )
        return parsed, raw, response.status_code

    async def _recover_auth(
        self,
        endpoint: Endpoint,
        refused: httpx.Response,
        body: dict[str, Any] | None,
        params: dict[str, Any] | None,
        idempotency_key: str | None,
        extra: tuple[str, ...],
        sent_under: int,
    ) -> httpx.Response:
        """After a 401/403: refresh the JWT and retry once (bearer), then let ``/api/ping`` judge.

        Returns the retry's answer when it is not an auth failure; raises otherwise. A request
        refused under a token replaced since (``sent_under`` is :attr:`token_changes` when it
        left) is :class:`~errors.CredentialsReplaced`: a ping now would judge another token, and
        a ping that takes the new one would call the refusal this request's own.
        """
        refused, sent_under = await self._with_a_fresh_jwt(
            endpoint, refused, body, params, idempotency_key, extra, sent_under
        )
        if refused.status_code not in _AUTH_FAILURES:
            return refused
        if self._token_changes != sent_under:
            raise self._error(refused, extra, errors.CredentialsReplaced)
        logger.info("%d on %s: asking /api/ping", refused.status_code, endpoint.name)
        try:
            pong: httpx.Response | None = await self._send(endpoint=endpoints.PING, extra=extra)
        except errors.StampsError:
            pong = None
        if pong is not None and pong.status_code in _AUTH_FAILURES and not _a_web_page(pong):
            raise self._error(refused, extra, errors.CredentialsRejected)
        if pong is not None and 200 <= pong.status_code < 300:
            raise self._error(refused, extra, errors.RequestRefused)
        # Ping could not tell: the 401/403 stays unconfirmed.
        raise self._error(refused, extra)

    async def _with_a_fresh_jwt(
        self,
        endpoint: Endpoint,
        refused: httpx.Response,
        body: dict[str, Any] | None,
        params: dict[str, Any] | None,
        idempotency_key: str | None,
        extra: tuple[str, ...],
        sent_under: int,
    ) -> tuple[httpx.Response, int]:
        """In the bearer style, the answer to the request sent again with a fresh JWT (the one
        it carried may be all the server refused); otherwise ``refused`` itself. With it, the
        :attr:`token_changes` the answer's request left under."""
        if self._auth is not AuthStyle.BEARER or not endpoint.authenticated:
            return refused, sent_under
        logger.info("%d on %s: refreshing the access token", refused.status_code, endpoint.name)
        used = refused.request.headers.get("Authorization", "").removeprefix("Bearer ")
        # the JWT is fetched with the token in use now: the request goes again under it
        sent_under = self._token_changes
        try:
            await self._tokens.refresh(SecretStr(used) if used else None)
        except errors.StampsError as exc:
            raise self._token_failure(exc) from None
        return await self._send(endpoint, body, params, idempotency_key, extra), sent_under

    def _error(
        self,
        response: httpx.Response,
        extra: tuple[str, ...],
        cls: type[errors.ApiError] | None = None,
    ) -> errors.ApiError:
        # the credential the refused request carried too: the token may have been replaced
        # since, and a server that echoes what it refused would echo the old one
        secrets = (*self._secrets(extra), *_carried_credentials(response))
        return parsing.api_error(response, now=clock.now(), secrets=secrets, cls=cls)

    def _refusal_of_the_credentials(
        self, response: httpx.Response, extra: tuple[str, ...]
    ) -> errors.StampsError:
        """A ping's 401/403: the proof the server refuses the credentials, unless a web page
        said it (a shop's Wi-Fi login page, a firewall's block page answers every token so)."""
        if _a_web_page(response):
            return errors.WebPageAnswer(
                f"a web page answered, not the Stamps server ({parsing.status_text(response)})",
                status_code=response.status_code,
            )
        return self._error(response, extra, errors.CredentialsRejected)

    def _token_failure(self, exc: errors.StampsError) -> errors.StampsError:
        """A failed JWT fetch, restated for the request that was waiting for it.

        That request never left, so whatever happened to the fetch, its outcome is
        ``never_arrived``: a refused fetch means the credentials (or merchant) are wrong; any
        other failure is :class:`~errors.AccessTokenUnavailable`.
        """
        if exc.outcome is Outcome.NEVER_ARRIVED:
            return exc
        message = f"{ACCESS_TOKEN_REFUSED}{exc.message}"
        if isinstance(exc, errors.ApiError) and exc.outcome is Outcome.REFUSED:
            return errors.CredentialsRejected(
                message,
                status_code=exc.status_code or 400,
                detail=exc.detail,
                error_code=exc.error_code,
                field_errors=exc.field_errors,
            )
        return errors.AccessTokenUnavailable(message, status_code=exc.status_code)

    async def _send(
        self,
        endpoint: Endpoint,
        body: dict[str, Any] | None = None,
        params: dict[str, Any] | None = None,
        idempotency_key: str | None = None,
        extra: tuple[str, ...] = (),
        *,
        believed: bool | None = None,
    ) -> httpx.Response:
        if not self._token_sendable:
            # whatever the style, the token rides in a header somewhere (the legacy style's GETs)
            raise errors.CredentialsUnusable(UNSENDABLE_CREDENTIALS)
        headers = {
            "User-Agent": self.user_agent,
            "Accept": "application/json",
            "Accept-Encoding": exchange.ACCEPT_ENCODING,
        }
        if endpoint.method == "POST":
            headers["Content-Type"] = "application/json"
            if idempotency_key is not None:
                headers["Idempotency-Key"] = idempotency_key
        if endpoint.authenticated:
            if self._auth is AuthStyle.TOKEN:
                headers["Authorization"] = f"Token {self._token.get_secret_value()}"
            elif self._auth is AuthStyle.BEARER:
                try:
                    jwt = await self._tokens.get()
                except errors.StampsError as exc:
                    raise self._token_failure(exc) from None
                headers["Authorization"] = f"Bearer {jwt.get_secret_value()}"
            else:
                # The legacy style puts the token in a POST's body (seed 003). A GET has none, and
                # a credential never goes into a URL (logged by proxies and servers): the header
                # the legacy customer API shows (architecture §1). The POSTs seed 003 does not
                # cover (ping, deduct-value, redeem-promo-code) are documented only with that
                # header: they carry it as well as the body token a legacy server reads.
                if endpoint.method == "POST":
                    body = {**(body or {}), "token": self._token.get_secret_value()}
                if not endpoint.legacy_body:
                    headers["Authorization"] = f"Token {self._token.get_secret_value()}"
        try:
            request = self._http.build_request(
                endpoint.method,
                self._base_url + endpoint.path,
                params=params,
                json=body,
                headers=headers,
                timeout=self._timeout,
            )
        except (TypeError, ValueError) as exc:  # e.g. NaN in extra_data: not JSON
            raise errors.InvalidRequest(
                f"the {endpoint.name} request cannot be encoded ({type(exc).__name__})"
            ) from None
        self._in_flight += 1
        try:
            response = await exchange.exchange(
                self._http,
                request,
                deadline=self._deadline,
                secrets=self._secrets(extra),
                believed=believed,
            )
        finally:
            self._in_flight -= 1
        if self.on_server_date is not None:
            self.on_server_date(response.headers.get("Date"))
        return response
