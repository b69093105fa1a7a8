"""What the server answers, as the docs' examples show it.

The examples disagree between endpoints (``stamps`` or ``stamps_remaining``, ``status`` as a level
number or as a word, ``id`` as a number or a string, dates as ``DD-MM-YYYY HH:MM`` strings or unix
seconds), so fields are optional and unions where the docs vary, and strict where they agree:
a number is never accepted as text or the other way round (but money: ``"10000"`` can mean no
other amount, ``common.Money``). Unknown fields are ignored. In a listing (the catalogue, a
member's vouchers) one item the till cannot read is left out and counted, not the whole list
(:class:`ItemsReadApart`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated, Any, ClassVar

from pydantic import (
    AfterValidator,
    AliasChoices,
    BeforeValidator,
    Field,
    ModelWrapValidatorHandler,
    PrivateAttr,
    SecretStr,
    SkipValidation,
    StrictBool,
    StrictStr,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    model_validator,
)

from app.core.stamps.models.common import (
    ApiTime,
    CodeText,
    ListedId,
    Money,
    ServerId,
    StampsResponse,
    VoucherValue,
    WireCount,
    WireDigits,
    WireInt,
    api_time_span,
    code_text,
    id_in_digits,
    parse_api_time,
)


def _none_as_empty(value: object) -> object:
    # A list the docs show (``tags``, ``member_ids``, a listing's matches, vouchers or
    # activities) may come as null from a server that leaves out what it has not got: null says
    # there are none, and must not make a whole answer unreadable (a confirmed redemption "not
    # confirmed", a member the server found not found, a member with no vouchers "could not
    # be read"). A listing with no list at all (``{}``) still cannot be read.
    return [] if value is None else value


#: A list that a server may send as null for "none".
NullAsEmpty = BeforeValidator(_none_as_empty)


def _unread_if_unfit(value: object, handler: ValidatorFunctionWrapHandler) -> object:
    # A redemption answer proves its redemption by ``redemption`` alone (architecture §1); the
    # member's balance and the user and reward beside it only inform. One of them the till cannot
    # read is left unread (the balance then unknown), not the whole answer: the server's word that
    # it applied the redemption would otherwise become "not confirmed".
    try:
        return handler(value)
    except ValidationError:
        return None


#: A block of a redemption answer that is only information: unreadable, it reads as absent.
Informative = WrapValidator(_unread_if_unfit)


@dataclass(frozen=True)
class UnreadItem:
    """An item of a listing the till could not read (a voucher whose value is "abc"): which
    list it was in, its id when that much could be read, and the fields at fault (never their
    values, which may be a member's data)."""

    list: str
    id: int | None
    code: str | None
    fields: tuple[str, ...]

    def named(self, id_or_code: int | str) -> bool:
        """Whether this is the item a cashier names by its id or its code."""
        if isinstance(id_or_code, int):
            return self.id == id_or_code
        return id_or_code == self.code or (id_or_code.isdigit() and self.id == int(id_or_code))


def _readable_id(item: object) -> int | None:
    value = id_in_digits(item.get("id")) if isinstance(item, dict) else None
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**63:
        return value
    return None


def _readable_code(item: object) -> str | None:
    value = code_text(item.get("code")) if isinstance(item, dict) else None
    return value or None


class ItemsReadApart(StampsResponse):
    """A listing whose items are read one by one when the whole cannot be: one voucher or
    reward the till cannot read is left out of its list and counted in :attr:`unread`, and the
    others stay usable. The answer as a whole is still refused when what is wrong is outside
    the items (a list that is no list, a field beside them).

    :attr:`unread` is the till's own finding: JSON cannot set it (it can hold no
    :class:`UnreadItem`), only a listing built from pages already read, as the catalogue's is.
    """

    #: The lists read item by item, and the model of their items.
    read_apart: ClassVar[dict[str, type[StampsResponse]]] = {}

    unread: Annotated[tuple[UnreadItem, ...], SkipValidation] = ()

    @model_validator(mode="wrap")
    @classmethod
    def _read_items_apart(cls, data: object, handler: ModelWrapValidatorHandler[Any]) -> Any:
        if not isinstance(data, dict):
            return handler(data)
        carried = data.get("unread", ())
        if not isinstance(carried, tuple) or not all(isinstance(u, UnreadItem) for u in carried):
            carried = ()
        data = {**data, "unread": carried}
        try:
            return handler(data)
        except ValidationError:
            pass  # the whole cannot be read: perhaps its items can, one by one
        unread = list(carried)
        for name, model in cls.read_apart.items():
            items = data.get(name)
            if not isinstance(items, list):
                continue  # not a list: nothing to read apart, the answer is refused below
            readable = []
            for item in items:
                try:
                    readable.append(model.model_validate(item))
                except ValidationError as exc:
                    fields = {str(e["loc"][0]) if e["loc"] else "item" for e in exc.errors()}
                    unread.append(
                        UnreadItem(
                            name, _readable_id(item), _readable_code(item), tuple(sorted(fields))
                        )
                    )
            data[name] = readable
        return handler({**data, "unread": tuple(unread)})

    def unread_in(self, name: str) -> tuple[UnreadItem, ...]:
        """The items of the list ``name`` the till could not read."""
        return tuple(u for u in self.unread if u.list == name)


class Membership(StampsResponse):
    """A member's standing at the merchant: level, stamps, balance and flags."""

    id: WireInt | StrictStr | None = None
    tags: Annotated[list[Any], NullAsEmpty] = Field(default_factory=list)
    # ``status`` is the level number in the redemption examples and "Active" in others.
    status: WireInt | StrictStr | None = None
    status_text: StrictStr | None = None
    level: WireDigits | None = None
    level_text: StrictStr | None = None
    member_status: StrictStr | None = None
    # counts, read as their digits too when written as text ("stamps": "250"): one server's
    # members read so could not be looked up at all
    stamps: WireDigits | None = None
    stamps_remaining: WireDigits | None = None
    stamps_owed: WireDigits | None = None
    # Money, which a Django REST server writes as text ("0.00"): read as such it made every
    # member of such a server unreadable. Only shown, so one the till cannot read is unknown.
    balance: Annotated[Money | None, Informative] = None
    is_blocked: StrictBool | None = None
    redemption_allowed: StrictBool | None = None
    # Never used by the till: one it cannot read (a referral code of digits written as a
    # number, 9121682, where the docs write "9121682") is left unread, not the member.
    referral_code: Annotated[StrictStr | None, Informative] = None
    start_date: Annotated[ApiTime | None, Informative] = None
    created: Annotated[ApiTime | None, Informative] = None
    primary_card: dict[str, Any] | None = None

    @property
    def stamps_balance(self) -> int | None:
        """The member's stamps, whichever name the endpoint used for them."""
        return self.stamps if self.stamps is not None else self.stamps_remaining


class Customer(StampsResponse):
    """The short member summary some endpoints return instead of a membership."""

    id: WireInt | StrictStr | None = None
    status: StrictStr | WireInt | None = None
    membership_status: StrictStr | None = None
    stamps_remaining: WireDigits | None = None
    stamps: WireDigits | None = None
    email: StrictStr | None = None

    @property
    def stamps_balance(self) -> int | None:
        """The member's stamps, whichever name the endpoint used for them."""
        return self.stamps_remaining if self.stamps_remaining is not None else self.stamps


class UserInfo(StampsResponse):
    """A member's personal data (only what the till shows or needs to find them again)."""

    id: WireInt | StrictStr | None = None
    name: StrictStr | None = None
    email: StrictStr | None = None
    phone: StrictStr | None = None
    gender: StrictStr | WireInt | None = None
    address: StrictStr | None = None
    birthday: StrictStr | None = None
    is_active: StrictBool | None = None
    member_ids: Annotated[list[StrictStr], NullAsEmpty] = Field(default_factory=list)
    has_pin: StrictBool | None = None
    pin_is_blocked: StrictBool | None = None
    protected_redemption: StrictBool | None = None
    picture_url: StrictStr | None = None


class RewardInfo(StampsResponse):
    """A reward as a redemption answer describes it."""

    id: ServerId | None = None
    name: StrictStr | None = None
    stamps_to_redeem: WireInt | None = None
    extra_data: dict[str, Any] | None = None
    code: CodeText | None = None
    type: StrictStr | WireInt | None = None


class VoucherTemplate(StampsResponse):
    """The template a member's voucher was issued from."""

    id: WireInt | None = None
    name: StrictStr | None = None
    type: WireInt | None = None
    short_description: StrictStr | None = None
    picture_url: StrictStr | None = None
    merchant_id: WireInt | None = None
    merchant_code: StrictStr | None = None
    extra_data: dict[str, Any] | None = None


def _template_by_id(value: object) -> object:
    # The listing endpoints describe the template as an object; a server may name it by id
    # alone inside a redemption answer. A 2xx must not become unreadable over that.
    if isinstance(value, int) and not isinstance(value, bool):
        return {"id": value}
    return value


class VoucherInfo(StampsResponse):
    """A voucher, as any of the redemption, validation and listing endpoints describe it."""

    id: ServerId | None = None
    name: StrictStr | None = None
    code: CodeText | None = None
    type: StrictStr | WireInt | None = None
    is_active: StrictBool | None = None
    quantity: WireInt | None = None
    value: Money | None = None
    notes: StrictStr | None = None
    start_date: ApiTime | None = None
    end_date: ApiTime | None = None
    validity: StrictStr | None = None
    short_description: StrictStr | None = None
    description: StrictStr | None = None
    instructions: StrictStr | None = None
    terms_and_conditions: StrictStr | None = None
    picture_url: StrictStr | None = None
    constraint: dict[str, Any] | None = None
    template: Annotated[VoucherTemplate | None, BeforeValidator(_template_by_id)] = None
    extra_data: dict[str, Any] | None = None


def _readable_time(value: str | float | None) -> str | float | None:
    # A date the till cannot place is no "no end date": offline, an expired voucher would pass.
    # A blank one says no date, as null does: refused, the member's voucher could not be used.
    if isinstance(value, str) and not value.strip():
        return None
    if value is not None and parse_api_time(value) is None:
        raise ValueError("a date in none of the docs' formats")
    return value


#: A voucher's start or end, as a listing gives it: absent, or in one of the docs' formats.
ListedTime = Annotated[ApiTime | None, AfterValidator(_readable_time)]


class ListedVoucher(VoucherInfo):
    """A voucher as a member's listing offers it to be used: named by a positive id, worth
    nothing less than nothing, with dates the till can read (the offline rules check them)."""

    id: ListedId
    value: VoucherValue | None = None
    start_date: ListedTime = None
    end_date: ListedTime = None


class RedemptionInfo(StampsResponse):
    """The redemption the server created (or cancelled).

    Its ``id`` is the proof, a number or its digits as text (:data:`~common.ServerId`);
    ``status``, ``reward``, ``stamps_used`` and ``extra_data`` only inform, as the blocks
    beside it do, and one the till cannot read (a count as text, ``"stamps_used": "2"``) is
    left unread rather than make a named redemption "not confirmed". Its ``voucher`` is the
    customer's (the code the cashier hands over), so it is read strictly: an answer whose
    voucher cannot be read proves nothing.
    """

    id: ServerId | None = None
    status: Annotated[StrictStr | None, Informative] = None
    # A reward's name in most answers; the multi-reward example repeats the key with an object,
    # and a JSON reader keeps the last one.
    reward: Annotated[StrictStr | RewardInfo | None, Informative] = None
    stamps_used: Annotated[WireInt | None, Informative] = None
    extra_data: Annotated[dict[str, Any] | None, Informative] = None
    voucher: VoucherInfo | None = None


class RedemptionResponse(StampsResponse):
    """The answer of every redemption endpoint and of cancel.

    Reward, voucher, deduct and promo answers carry ``membership``; voucher-code and cancel answers
    carry ``customer``; promo answers add ``user``.
    """

    redemption: RedemptionInfo | None = None
    membership: Annotated[Membership | None, Informative] = None
    customer: Annotated[Customer | None, Informative] = None
    reward: Annotated[RewardInfo | None, Informative] = None
    voucher: VoucherInfo | None = None
    user: Annotated[UserInfo | None, Informative] = None

    @property
    def stamps_remaining(self) -> int | None:
        """The member's stamps after the operation, from whichever object the endpoint returned."""
        if self.membership is not None and self.membership.stamps_balance is not None:
            return self.membership.stamps_balance
        if self.customer is not None:
            return self.customer.stamps_balance
        return None


class AuthorizeResponse(StampsResponse):
    """``{"status": "ok"}`` when the PIN was right."""

    status: StrictStr

    @property
    def ok(self) -> bool:
        """Whether the server confirmed the authorisation: "ok" in any case (the docs say it
        "Returns ok if successful", not in which; "OK" read as no confirmation told the
        cashier the server had not answered)."""
        return self.status.strip().lower() == "ok"


class MemberDetailsResponse(StampsResponse):
    """GET /api/v2/memberships/details.

    The response table names the blocks ``memberships`` and ``users``, the example ``membership``
    and ``user``: either spelling is read.
    """

    membership: Membership = Field(validation_alias=AliasChoices("membership", "memberships"))
    user: UserInfo = Field(validation_alias=AliasChoices("user", "users"))
    tags: Annotated[list[Any], NullAsEmpty] = Field(default_factory=list)


class MemberSuggestion(StampsResponse):
    """One type-ahead match."""

    id: WireInt | StrictStr
    name: StrictStr | None = None
    email: StrictStr | None = None
    phone: StrictStr | None = None
    stamps: WireDigits | None = None
    membership: StrictStr | None = None
    address: StrictStr | None = None
    gender: WireInt | StrictStr | None = None
    member_ids: Annotated[list[StrictStr], NullAsEmpty] = Field(default_factory=list)


class SuggestionsResponse(ItemsReadApart):
    """GET /api/memberships/suggestions: one match the till cannot read is left out, not every
    match (a suggestion is looked up before it is used)."""

    read_apart: ClassVar[dict[str, type[StampsResponse]]] = {"suggestions": MemberSuggestion}

    suggestions: Annotated[list[MemberSuggestion], NullAsEmpty]


class ActivityStore(StampsResponse):
    """The store an activity happened at."""

    name: StrictStr | None = None
    display_name: StrictStr | None = None


class ActivityRedemption(StampsResponse):
    """The redemption detail of a type-1 activity: what reconciliation compares."""

    stamps: WireDigits | None = None
    name: StrictStr | None = None
    #: As the feed wrote it: a status the till does not know (3 "Open", a word) still proves
    #: the redemption reached the server, so it never makes the line unreadable.
    status: Any = None
    channel: StrictStr | None = None


class Activity(StampsResponse):
    """One entry of a member's activity feed; only redemptions are read closely.

    Its id, type and stamps are read as their digits when written as text (``"id": "9001"``,
    ``"type": "1"``): a page of such lines was unreadable, and a redemption left "not
    confirmed" was never found in it."""

    id: ServerId
    type: WireDigits
    created: ApiTime | None = None
    notes: StrictStr | None = None
    merchant: dict[str, Any] | None = None
    store: ActivityStore | None = None
    redemption: ActivityRedemption | None = None

    @property
    def created_at(self) -> datetime | None:
        """``created`` as an aware UTC datetime, when readable."""
        return parse_api_time(self.created)

    @property
    def created_span(self) -> tuple[datetime, timedelta] | None:
        """``created``'s first instant and how long it lasts as written (a minute for
        ``"03-12-2026 23:10"``), when readable: the line was made somewhere in it."""
        return api_time_span(self.created)

    @property
    def is_redemption(self) -> bool:
        """Whether this activity is a redemption (type 1)."""
        return self.type == 1


class ActivitiesResponse(StampsResponse):
    """GET /api/v3/activities/: at most 20 activities, newest first."""

    activities: Annotated[list[Activity], NullAsEmpty]
    error_messages: Any = None

    @property
    def oldest_id(self) -> int | None:
        """The ``older_than`` that fetches the next page; ``None`` when this page is empty."""
        return min((a.id for a in self.activities), default=None)


class Reward(StampsResponse):
    """A reward of the store's catalogue (type 5 is a flexible reward).

    Its price is ``stamps_to_redeem`` in the example and ``stamps_required`` in the response table
    (reward_api.rst §1 B): either is read, the example's first.

    Its ``code`` is text in the catalogue's example and a number in the cart's
    (redemption_api's ``"code": 1``): a whole number is read as its digits
    (:data:`~common.CodeText`), and its id, price and type as their digits when written as text
    (``"id": "6"``, ``"stamps_to_redeem": "20"``). Either way the reward was left out of the
    catalogue as unreadable. A code written as a number is named back as one
    (:attr:`code_as_written`): a cart that sent ``"1"`` for ``1`` may be refused by a server that
    compares them as written.
    """

    id: WireInt
    name: StrictStr | None = None
    description: StrictStr | None = None
    stamps_to_redeem: WireInt | None = Field(
        default=None, validation_alias=AliasChoices("stamps_to_redeem", "stamps_required")
    )
    code: CodeText | None = None
    type: WireDigits | None = None
    membership: StrictStr | None = None
    # the docs show only null, and type it nowhere: money as a number or as a decimal's text
    # ("15000.00") is read, and one the till cannot read is left unread (the till prices a
    # reward in stamps alone): written as text, every priced reward was left out
    price: Annotated[Money | None, Informative] = None
    redeemable: StrictBool | None = None
    is_visible: StrictBool | None = None
    image_url: StrictStr | None = None
    extra_data: dict[str, Any] | None = None
    #: the code when the server wrote it as a whole number (``"code": 1``)
    _code_number: int | None = PrivateAttr(default=None)

    @model_validator(mode="wrap")
    @classmethod
    def _keep_a_code_written_as_a_number(
        cls, data: Any, handler: ModelWrapValidatorHandler[Reward]
    ) -> Reward:
        reward = handler(data)
        written = data.get("code") if isinstance(data, dict) else None
        if reward.code is not None and isinstance(written, int) and not isinstance(written, bool):
            reward._code_number = written  # read as its digits (code_text): a whole number
        return reward

    @property
    def code_as_written(self) -> str | int | None:
        """The code in the form the server wrote it: a number stays a number, text stays text
        (:attr:`code` is always its text, as the cashier types and reads it)."""
        return self._code_number if self._code_number is not None else self.code


#: The reward type whose price the member chooses (reward_api: type 5, flexible).
FLEXIBLE_REWARD = 5


class ListedReward(Reward):
    """A reward as the catalogue offers it to be redeemed: named by a positive id, and priced
    in stamps (none or more) unless the member chooses the price (a flexible reward). Without
    a price it would be offered for nothing."""

    id: ListedId
    stamps_to_redeem: WireCount | None = Field(
        default=None, validation_alias=AliasChoices("stamps_to_redeem", "stamps_required")
    )

    @model_validator(mode="after")
    def _priced(self) -> ListedReward:
        if self.stamps_to_redeem is None and self.type != FLEXIBLE_REWARD:
            raise ValueError("a reward without its price in stamps")
        return self


class RewardsVoucher(StampsResponse):
    """A voucher listed beside the rewards."""

    id: ListedId
    name: StrictStr | None = None
    code: CodeText | None = None
    type: StrictStr | WireInt | None = None
    expires_on: ApiTime | None = None
    quantity: WireInt | None = None
    value: VoucherValue | None = None
    constraint: dict[str, Any] | None = None
    extra_data: dict[str, Any] | None = None


class RewardsResponse(ItemsReadApart):
    """GET /api/rewards/."""

    read_apart: ClassVar[dict[str, type[StampsResponse]]] = {
        "rewards": ListedReward,
        "vouchers": RewardsVoucher,
    }

    rewards: Annotated[list[ListedReward], NullAsEmpty]
    vouchers: Annotated[list[RewardsVoucher], NullAsEmpty] = Field(default_factory=list)
    # the member's summary beside the catalogue only informs (the till reads a member's stamps
    # from their details): one it cannot read made the whole catalogue unreadable
    customer: Annotated[Customer | None, Informative] = None
    # The till's own finding, as ``unread`` is: no answer can set it.
    _more_offered: bool = PrivateAttr(default=False)

    @property
    def more_offered(self) -> bool:
        """The server had more rewards than the till reads (its pages ran out first): those
        listed are only the first of the store's."""
        return self._more_offered

    def with_more_offered(self) -> RewardsResponse:
        """This listing, marked as the first part of a longer one."""
        listing = self.model_copy()
        listing._more_offered = True
        return listing


class MemberVouchersResponse(ItemsReadApart):
    """GET /api/vouchers/by-merchant-group."""

    read_apart: ClassVar[dict[str, type[StampsResponse]]] = {"vouchers": ListedVoucher}

    vouchers: Annotated[list[ListedVoucher], NullAsEmpty]


class CheckedVoucher(VoucherInfo):
    """A voucher as a code's check describes it, to be offered as a discount: worth nothing
    less than nothing, nor more than the database holds, as the listings read it."""

    value: VoucherValue | None = None


class VoucherValidationResponse(StampsResponse):
    """GET /api/vouchers/validate. A voucher the till would misread (a value below zero) makes
    the answer unreadable: the code is not checked, and nothing is offered or redeemed."""

    is_redeemable: StrictBool | None = None
    user: UserInfo | None = None
    voucher: CheckedVoucher | None = None


class PromoCode(StampsResponse):
    """A promo code and its constraints.

    The till acts on ``is_active`` alone (a code the server says is inactive is refused); the
    rest only informs, so one field it cannot read is left unread rather than make the check
    unreadable and the code unusable (its id or merchant as text, ``"id": "1"``, or its code
    as a number, ``"code": 2024``, read as its digits)."""

    id: Annotated[ServerId | None, Informative] = None
    merchant_id: Annotated[ServerId | None, Informative] = None
    code: Annotated[CodeText | None, Informative] = None
    name: Annotated[StrictStr | None, Informative] = None
    description: Annotated[StrictStr | None, Informative] = None
    start_date: Annotated[ApiTime | None, Informative] = None
    end_date: Annotated[ApiTime | None, Informative] = None
    is_active: StrictBool | None = None
    extra_data: Annotated[dict[str, Any] | None, Informative] = None
    constraint: Annotated[dict[str, Any] | None, Informative] = None


class PromoValidationResponse(StampsResponse):
    """GET /api/promo-codes/validate."""

    promo_code: PromoCode


class Pong(StampsResponse):
    """The merchant the credentials belong to.

    The pong is the proof that the server takes the token; what it says of the merchant only
    informs (``stamps-pos doctor`` compares the id with the settings'). An id written as its
    digits (``"14"``) is read, and a field the till cannot read is left unread, not the pong:
    unreadable, the till stayed "Degraded" against a server that took its token."""

    merchant: Annotated[StrictStr | None, Informative] = None
    merchant_id: Annotated[ServerId | None, Informative] = None


class PingResponse(StampsResponse):
    """POST /api/ping: the credentials work."""

    pong: Pong


def _sendable(token: SecretStr) -> SecretStr:
    # a JWT is visible ASCII; anything else could not go in the Authorization header
    value = token.get_secret_value()
    if not value or not all("!" <= ch <= "~" for ch in value):
        raise ValueError("an access token is visible ASCII characters")
    return token


class AccessTokenResponse(StampsResponse):
    """POST /api/auth/get-access-token/: a JWT, kept as a secret so it never shows in a repr."""

    access_token: Annotated[SecretStr, AfterValidator(_sendable)]
