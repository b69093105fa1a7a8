"""A second Stamps server, written from the contract alone (/work/shared/seeds and
stamps-api-docs), not from our sandbox: the till is checked against a reading of the API that is
not ours.

It answers every endpoint the till uses, in the ways the docs allow and our sandbox does not:
optional fields left out, unknown fields added, keys in another order, the nullable fields the
docs show as ``null`` sent as ``null``, ids the docs show as strings (``user.id: "454"``) as
strings, empty lists, long Indonesian, emoji and right-to-left names, the error bodies exactly
as each page shows them (a 400 whose ``errors`` is a list of objects, a 403 of ``detail`` alone,
a 500 as an HTML line), paging where documented (rewards ``per_page``/``last_*_id``, activities
``older_than`` by 20). What no page shows is never invented.

A test can put a one-off answer in front of any path (:meth:`DocsServer.answer_next`): a status,
headers (``Retry-After``), a body and a delay (a slow answer). Everything else is the world
below, kept in memory: members, rewards, vouchers, the redemptions made and the activity feed
they leave. ``reshape`` rewrites every answer of that world before it leaves, for another
reading of the same docs (tests/support/other_reading.py).

    with DocsServer() as server:
        server.url            # http://127.0.0.1:PORT
        server.answer_next("/api/v2/redemptions/redeem-reward", 200, {"errors": {...}})
"""

from __future__ import annotations

import contextlib
import http.server
import json
import socket
import threading
import time
from collections import defaultdict, deque
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from app.core.stamps.client import StampsClient

TOKEN = "docs-server-token-7f3a"
MERCHANT, STORE = 14, 32

#: Names no sandbox member has: long Indonesian, emoji, Arabic (right to left) and combining marks.
LONG_NAME = (
    "Ni Luh Putu Ayu Kadek Sri Wahyuningsih Setyaningrum Prawirodirjo 🌺🌴 نور الهدى Dewi Ṣaraswatī"
)
RTL_REWARD = "قهوة مجانية ☕ Kopi Susu Gula Aren Ukuran Besar Sekali untuk Dibawa Pulang 🥤"


@dataclass
class Canned:
    """One answer a test put in front of a path."""

    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    #: whether the request still does what it asks (a 200 after applying, a 500 after applying)
    apply: bool = False


@dataclass
class DocsMember:
    """A member as the details page shows one."""

    pk: str  # the docs show ``user.id`` as a string: "454"
    name: str | None
    email: str | None
    phone: str | None
    member_ids: list[str]
    stamps: int
    level: int = 100
    level_text: str | None = "Blue"
    has_pin: bool = False
    pin: str | None = None
    protected_redemption: bool = False
    is_blocked: bool = False
    #: ``membership.primary_card.number`` (its first Member ID when not given): customer_api §1
    #: shows the card "A5MHG" beside the Member ID "RRROWO5U51", and member details' ``user``
    #: takes neither a card nor its number
    card: str | None = None

    def knows(self, user: str) -> bool:
        return user in (self.pk, self.email, self.phone, *self.member_ids)


def _members() -> list[DocsMember]:
    return [
        DocsMember(
            "454",
            LONG_NAME,
            "ayu@contoh.co.id",
            "+628555756061",
            ["RRROWO5U51"],
            stamps=250,
            level=0,
            level_text="Emas 🥇 ذهبي",
            card="A5MHG",
        ),
        # no email, no Member ID, no name: partial registration (customer_api §17 shows nulls)
        DocsMember("620", None, None, "+628111000620", [], stamps=0, level_text=None),
        DocsMember(
            "777",
            "Budi Santoso",
            "budi@contoh.co.id",
            "+628122223333",
            ["70140000000123"],
            stamps=40,
            has_pin=True,
            pin="123456",
            protected_redemption=True,
        ),
    ]


def _rewards() -> list[dict[str, Any]]:
    # the keys in the order reward_api §1 shows them, nulls where it shows nulls
    def reward(pk: int, name: str, stamps: int, kind: int = 3, **more: Any) -> dict[str, Any]:
        return {
            "stamps_to_redeem": stamps,
            "image_url": "http://foo.com",
            "landscape_url": None,
            "id": pk,
            "membership": "Blue",
            "name": name,
            "description": "reward description",
            "price": None,
            "extra_data": {},
            "merchant_code": None,
            "redeemable": True,
            "is_visible": True,
            "terms": "",
            "code": f"A{pk:03d}",
            "type": kind,
            **more,
        }

    return [
        reward(6, "Mee Goreng", 20, extra_data={"SKU": "A001SKU"}, price=15000),
        reward(5, RTL_REWARD, 60),
        reward(8, "Nasi Lemak", 120, membership="Silver", redeemable=False),
        reward(9, "Es Teh Manis — gratis!", 1),
        reward(11, "Poin fleksibel", 1, kind=5),
    ]


def _vouchers() -> list[dict[str, Any]]:
    # voucher_api §3, with the template's extra_data null as its first voucher has it
    return [
        {
            "id": 1,
            "code": "VC-ABC",
            "is_active": True,
            "quantity": 1,
            "value": 200,
            "notes": "",
            "start_date": "2022-03-28",
            "end_date": "2099-04-28",
            "constraint": {"channels": [1, 2, 3, 4]},
            "template": {
                "id": 1,
                "name": "Voucher Kejutan Maret 🎁 قسيمة",
                "type": 1,
                "short_description": "Get 50% off on your next purchase",
                "picture_url": "foo.png",
                "landscape_picture_url": "foo_landscape.png",
                "merchant_id": 1,
                "merchant_code": "M-ABC",
                "extra_data": None,
            },
        }
    ]


class DocsServer:
    """The contract's server on a free loopback port, in a thread, for the length of a ``with``."""

    def __init__(
        self,
        token: str = TOKEN,
        reshape: Callable[[str, Canned], Canned] | None = None,
        *,
        code_member: str = "identifier",
    ) -> None:
        self.token = token
        self.reshape = reshape
        #: Where by-voucher-code looks for the member: the parameter table and the JSON example
        #: name it ``identifier``, seed 000's curl example ``user`` (a server written from that).
        self.code_member = code_member
        #: Whether the suggestions search the members' cards' numbers too ("a list of possible
        #: member matches" for any query: a server may, the docs do not say)
        self.cards_in_suggestions = False
        self.members = _members()
        self.rewards = _rewards()
        self.vouchers = _vouchers()
        self.redemptions: dict[int, dict[str, Any]] = {}
        self.activities: list[dict[str, Any]] = []
        self.requests: list[tuple[str, str, dict[str, Any]]] = []
        self._canned: dict[str, deque[Canned]] = defaultdict(deque)
        self._lock = threading.Lock()
        self._next_id = 2001
        self._server: http.server.ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        #: the connections open now (a client keeps them alive between requests)
        self.connections: set[socket.socket] = set()

    # --- the test's handles ---------------------------------------------------------------------

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def answer_next(
        self,
        path: str,
        status: int,
        body: Any,
        *,
        headers: dict[str, str] | None = None,
        delay: float = 0.0,
        apply: bool = False,
    ) -> None:
        """The next request to ``path`` gets this answer (``body``: JSON, or ``str`` sent as
        HTML); ``apply`` makes the request do its work first, as a server that answers badly
        after applying does."""
        with self._lock:
            self._canned[path].append(Canned(status, body, headers or {}, delay, apply))

    def member(self, user: str) -> DocsMember | None:
        return next((m for m in self.members if m.knows(user)), None)

    def sent(self, path: str) -> list[dict[str, Any]]:
        """The bodies (or queries) of the requests to ``path``, oldest first."""
        return [payload for _, p, payload in self.requests if p == path]

    # --- serving --------------------------------------------------------------------------------

    def __enter__(self) -> DocsServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self, port: int = 0) -> DocsServer:
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", port), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, the connections a client keeps open cut too: the network is down,
        and :meth:`start` on the same port brings it back with the same world."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join()
        with self._lock:
            for connection in self.connections:
                with contextlib.suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)

    # --- answering ------------------------------------------------------------------------------

    def handle(
        self, method: str, path: str, payload: dict[str, Any], authorization: str | None
    ) -> tuple[Canned, bool]:
        """The answer to one request, and whether to send it at all (a canned one may not)."""
        if (method, path) == ("POST", "/_docs/next"):
            # for trying the till by hand from another process: the same as answer_next
            self.answer_next(**payload)
            return Canned(204, ""), True
        with self._lock:
            self.requests.append((method, path, payload))
            canned = self._canned[path].popleft() if self._canned[path] else None
        if canned is not None and not canned.apply:
            return canned, True
        if not self._authorised(authorization, payload):
            if authorization is None and "token" not in payload:
                return Canned(
                    403, {"detail": "Authentication credentials were not provided."}
                ), True
            return Canned(401, {"detail": "Invalid token"}), True
        route = _ROUTES.get((method, path))
        if route is None:
            if path == "/api/500":
                return Canned(500, "Server error - 500"), True
            return Canned(404, "<h1>Not Found</h1>"), True
        with self._lock:
            answer = route(self, payload)
        if self.reshape is not None:
            answer = self.reshape(path, answer)
        return (canned if canned is not None else answer), True

    def _authorised(self, authorization: str | None, payload: dict[str, Any]) -> bool:
        if authorization is not None:
            scheme, _, value = authorization.partition(" ")
            return scheme in ("Token", "Bearer") and value == self.token
        return payload.get("token") == self.token  # seed 003: the token in the body

    def _new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def _record(self, member: DocsMember, name: str, stamps: int, channel: int | None) -> int:
        pk = self._new_id()
        self.redemptions[pk] = {"member": member.pk, "stamps": stamps, "status": "Created"}
        self.activities.insert(
            0,
            {
                # activity_api §1: ``created`` as unix seconds, the channel as a word
                "id": 2590000 + pk,
                "type": 1,
                "created": int(time.time()),
                "notes": "",
                "merchant": {"id": MERCHANT, "name": "Kopi Kenangan Mantan"},
                "store": {"name": "RDG-KMG", "display_name": "Toko Rawamangun"},
                "redemption": {
                    "stamps": stamps,
                    "name": name,
                    "status": 1,  # activity_api's status codes: 1 Created, 2 Canceled, 3 Open
                    "channel": {3: "Kiosk"}.get(channel or 2, "POS"),
                },
                "member": member.pk,
            },
        )
        return pk


def _membership(member: DocsMember) -> dict[str, Any]:
    # a redemption answer's membership (redemption_api §1 D): "status" is the level number
    return {
        "tags": [],
        "status": member.level,
        "stamps": member.stamps,
        "balance": 0,
        "referral_code": "9121682",
        "start_date": "2016-07-25",
        "created": "2016-07-25",
    }


def _refused(message: str, field_name: str = "__all__", code: str = "invalid_data") -> Canned:
    # the error shape customer_api §1 and the authorize example show
    return Canned(
        400,
        {
            "errors": {field_name: message},
            "error_message": message,
            "error_code": code,
            "detail": f"{field_name}: {message}",
        },
    )


def _missing(field_name: str) -> Canned:
    # reward_api §1: "errors" as a list of objects
    return Canned(
        400,
        {
            "detail": "Your transaction cannot be completed due to the following error(s)",
            "errors": [{field_name: "This field is required"}],
        },
    )


def _user_of(server: DocsServer, payload: dict[str, Any], key: str = "user") -> DocsMember | Canned:
    user = payload.get(key)
    if user in (None, ""):
        return _missing(key)
    member = server.member(str(user))
    return member if member is not None else _refused("User not found")


def _ping(server: DocsServer, payload: dict[str, Any]) -> Canned:
    return Canned(200, {"pong": {"merchant_id": MERCHANT, "merchant": "Kopi ☕ Kenangan مقهى"}})


def _access_token(server: DocsServer, payload: dict[str, Any]) -> Canned:
    return Canned(200, {"access_token": server.token})


def _details(server: DocsServer, payload: dict[str, Any]) -> Canned:
    found = _user_of(server, payload)
    if isinstance(found, Canned):
        return found
    m = found
    return Canned(
        200,
        {
            # user before membership, unknown keys everywhere, nulls as customer_api §1 and §17 show
            "tags": [],
            "user": {
                "wedding_date": None,
                "id_number": None,
                "site_activity": {"id": 1, "registration_method": "API"},
                "religion": 1,
                "name": m.name,
                "email": m.email,
                "phone": m.phone,
                "gender": None,
                "birthday": None,
                "picture_url": None,
                "address": None,
                "id": m.pk,
                "member_ids": m.member_ids,
                "has_pin": m.has_pin,
                "pin_is_blocked": False,
                "protected_redemption": m.protected_redemption,
                "is_active": True,
                "registration_status": "Partial" if m.name is None else "Full",
            },
            "membership": {
                "primary_card": {
                    "id": 7,
                    "number": m.card or (m.member_ids[0] if m.member_ids else None),
                    "is_active": True,
                    "activated_time": None,
                },
                "redemption_allowed": True,
                "allow_whatsapp_marketing": True,
                "created": "2022-10-18",
                "start_date": "2022-10-18",
                "referral_code": "7J2K1",
                "is_blocked": m.is_blocked,
                "balance": 0,
                "stamps_owed": 0,
                "stamps": m.stamps,
                "member_status": "Active",
                "level": m.level,
                **({"level_text": m.level_text} if m.level_text is not None else {}),
                "tags": [],
            },
        },
    )


def details_with(server: DocsServer, user: str, **membership: Any) -> dict[str, Any]:
    """The details page's answer for ``user`` with ``membership``'s fields written over its
    own (``is_blocked="true"``: a value in a shape the docs do not show), for
    :meth:`DocsServer.answer_next`."""
    answer = _details(server, {"user": user})
    body: dict[str, Any] = json.loads(json.dumps(answer.body))
    body["membership"].update(membership)
    return body


def _suggestions(server: DocsServer, payload: dict[str, Any]) -> Canned:
    query = str(payload.get("query", "")).lower()
    found = [
        {
            "membership": m.level_text,
            "email": m.email,
            "stamps": m.stamps,
            "id": int(m.pk),  # suggestions show the id as a number
            "name": m.name,
            "phone": m.phone,
            "address": "Baker Street 221B",
            "gender": 2,
            "member_ids": m.member_ids,
        }
        for m in server.members
        if query
        and any(
            query in (v or "").lower()
            for v in (m.name, m.email, m.phone, *m.member_ids, *_cards(server, m))
        )
    ]
    return Canned(200, {"suggestions": found})


def _cards(server: DocsServer, member: DocsMember) -> tuple[str, ...]:
    return (member.card,) if server.cards_in_suggestions and member.card else ()


def _page(items: list[dict[str, Any]], after: Any, per_page: Any) -> list[dict[str, Any]]:
    # ids are not in order (the docs list 6, 5, 8, 7): "after" is a position in the list
    start = 0
    if after not in (None, ""):
        ids = [str(i["id"]) for i in items]
        start = ids.index(str(after)) + 1 if str(after) in ids else len(items)
    size = int(per_page) if per_page not in (None, "") else len(items)
    return items[start : start + size]


def _rewards_list(server: DocsServer, payload: dict[str, Any]) -> Canned:
    body: dict[str, Any] = {
        "rewards": _page(server.rewards, payload.get("last_reward_id"), payload.get("per_page")),
        "vouchers": [],
    }
    user = payload.get("user")
    if user:
        member = server.member(str(user))
        if member is None:
            return _refused("User not found")
        body["vouchers"] = _page(
            [
                {
                    "id": 10,
                    "name": "10 Year celebration promo",
                    "code": "P010",
                    "landscape_url": "foo-landscape.png",
                    "image_url": "foo.png",
                    "type": "promotion 1",
                    "expires_on": "24-01-2099 00:00",
                    "terms": "sign up at stamps and get Free product A",
                    "quantity": 2,
                    "extra_data": {},
                    "constraint": {"channels": [1, 2, 3, 4, 5, 6]},
                }
            ],
            payload.get("last_voucher_id"),
            payload.get("per_page"),
        )
        body["customer"] = {
            "id": int(member.pk),
            "stamps": member.stamps,
            "membership_status": member.level_text,
        }
    return Canned(200, body)


def _member_vouchers(server: DocsServer, payload: dict[str, Any]) -> Canned:
    found = _user_of(server, payload)
    if isinstance(found, Canned):
        return found
    mine = server.vouchers if found.pk == "454" else []
    # voucher_api §3: the vouchers "to be queried for" the channel given, each naming its own
    channel = payload.get("channel")
    if channel not in (None, ""):
        mine = [v for v in mine if int(channel) in v.get("constraint", {}).get("channels", [])]
    return Canned(200, {"vouchers": mine})


def _validate_voucher(server: DocsServer, payload: dict[str, Any]) -> Canned:
    code = payload.get("voucher_code")
    voucher = next((v for v in server.vouchers if v["code"] == code), None)
    if voucher is None:
        return _refused("Voucher not found", "voucher_code", "invalid_voucher")
    return Canned(
        200,
        {
            "is_redeemable": True,
            "user": {"email": "ayu@contoh.co.id", "name": LONG_NAME, "phone": "+628555756061"},
            "voucher": {
                "extra_data": {"discount": 1000},
                "id": voucher["id"],
                "name": voucher["template"]["name"],
                "value": voucher["value"],
                "start_date": voucher["start_date"],
                "end_date": voucher["end_date"],
                "validity": "Regular",
            },
        },
    )


def _validate_promo(server: DocsServer, payload: dict[str, Any]) -> Canned:
    if payload.get("promo_code") != "PROMOCODE":
        return _refused("Promo code not found", "promo_code", "invalid_promo_code")
    return Canned(
        200,
        {
            "promo_code": {
                "id": 1,
                "merchant_id": 1,
                "code": "PROMOCODE",
                "name": "Promo Lebaran 🌙 عيد",
                "description": "",
                "start_date": "2024-05-12",
                "end_date": "2099-06-14",
                "is_active": True,
                "extra_data": {},
                "constraint": {
                    "start_time": "00:00",
                    "end_time": "23:59",
                    "registration_statuses": [],
                    "redeemable_in_all_merchants": True,
                    "redeemable_in_all_stores": True,
                    "max_usage_per_person": 7,
                    "max_daily_usage_per_person": 1,
                },
            }
        },
    )


def _redeem_reward(server: DocsServer, payload: dict[str, Any]) -> Canned:
    found = _user_of(server, payload)
    if isinstance(found, Canned):
        return found
    reward = next((r for r in server.rewards if r["id"] == payload.get("reward")), None)
    if reward is None:
        return _refused("Reward not found", "reward")
    stamps = int(payload.get("stamps") or reward["stamps_to_redeem"]) * int(payload.get("qty") or 1)
    if stamps > found.stamps:
        return _refused("Insufficient stamps", "reward", "insufficient_stamps")
    found.stamps -= stamps
    pk = server._record(found, reward["name"], stamps, payload.get("channel"))
    return Canned(
        200,
        {
            # membership first, no voucher (the reward is not a voucher), extra keys
            "membership": _membership(found),
            "redemption": {
                "extra_data": payload.get("extra_data") or {},
                "stamps_used": stamps,
                "reward": reward["name"],
                "id": pk,
            },
            "reward": {
                "type": "reward",
                "code": reward["code"],
                "extra_data": {},
                "stamps_to_redeem": reward["stamps_to_redeem"],
                "name": reward["name"],
                "id": reward["id"],
            },
        },
    )


def _redeem_many(server: DocsServer, payload: dict[str, Any]) -> Canned:
    found = _user_of(server, payload)
    if isinstance(found, Canned):
        return found
    lines = payload.get("rewards") or []
    total, names = 0, []
    for line in lines:
        # the example sends the code as a number, the catalogue shows it as "A001": either
        reward = next((r for r in server.rewards if line.get("code") in (r["id"], r["code"])), None)
        if reward is None:
            return _refused("Reward not found", "rewards")
        total += int(line.get("stamps") or reward["stamps_to_redeem"]) * int(line.get("qty") or 1)
        names.append(reward["name"])
    if total > found.stamps:
        return _refused("Insufficient stamps", "rewards", "insufficient_stamps")
    found.stamps -= total
    pk = server._record(found, ", ".join(names), total, payload.get("channel"))
    return Canned(
        200,
        {
            "redemption": {"id": pk, "reward": names[0] if names else "", "stamps_used": total},
            "membership": {
                "level": found.level,
                "level_text": found.level_text,
                "status": "Active",
                "stamps": found.stamps,
                "balance": 0,
                "is_blocked": False,
                "referral_code": "7LXJ7",
                "start_date": "2022-09-16",
                "created": "2022-09-16",
            },
        },
    )


def _redeem_voucher(server: DocsServer, payload: dict[str, Any]) -> Canned:
    found = _user_of(server, payload)
    if isinstance(found, Canned):
        return found
    voucher = next((v for v in server.vouchers if v["id"] == payload.get("voucher")), None)
    if voucher is None or not voucher["is_active"]:
        return _refused("Voucher not found", "voucher", "invalid_voucher")
    if "value" in payload:
        if payload["value"] > voucher["value"]:
            return _refused("Insufficient voucher value", "value")
        voucher["value"] -= payload["value"]
    else:
        voucher["is_active"] = False
    pk = server._record(found, voucher["template"]["name"], 0, payload.get("channel"))
    return Canned(
        200,
        {
            "redemption": {"id": pk, "reward": voucher["template"]["name"], "stamps_used": 0},
            "membership": _membership(found),
            "voucher": {
                "id": voucher["id"],
                "name": voucher["template"]["name"],
                "code": voucher["code"],
                "type": "voucher",
            },
        },
    )


def _by_code(server: DocsServer, payload: dict[str, Any]) -> Canned:
    found = _user_of(server, payload, server.code_member)
    if isinstance(found, Canned):
        return found
    pk = server._record(found, f"Voucher {payload.get('voucher_code')}", 0, None)
    return Canned(
        200,
        {
            "redemption": {"id": pk, "status": "Created"},
            "customer": {
                "id": int(found.pk),
                "status": found.level_text,
                "stamps_remaining": found.stamps,
            },
        },
    )


def _promo(server: DocsServer, payload: dict[str, Any]) -> Canned:
    found = _user_of(server, payload)
    if isinstance(found, Canned):
        return found
    pk = server._record(found, "Promo Lebaran 🌙 عيد", 0, payload.get("channel"))
    return Canned(
        200,
        {
            "redemption": {
                "id": pk,
                "reward": "Promo Lebaran 🌙 عيد",
                "stamps_used": 0,
                "extra_data": {},
            },
            "user": {
                "id": found.pk,
                "name": found.name,
                "gender": "male",
                "address": None,
                "is_active": True,
                "email": found.email,
                "phone": found.phone,
                "picture_url": None,
                "birthday": None,
            },
            "membership": {
                "tags": [],
                "level": found.level,
                "stamps": found.stamps,
                "balance": 0,
                "referral_code": "9121682",
                "start_date": "2016-07-25",
                "created": "2016-07-25",
            },
        },
    )


def _cancel(server: DocsServer, payload: dict[str, Any]) -> Canned:
    redemption = server.redemptions.get(payload.get("id"))  # type: ignore[arg-type]
    if redemption is None:
        return Canned(404, {"detail": "Not found."})
    member = server.member(redemption["member"])
    assert member is not None
    if redemption["status"] != "Canceled":
        redemption["status"] = "Canceled"
        member.stamps += redemption["stamps"]
        for line in server.activities:
            if line["id"] == 2590000 + payload["id"]:
                line["redemption"]["status"] = 2  # Canceled, in the feed too
    return Canned(
        200,
        {
            "redemption": {"id": payload["id"], "status": "Canceled"},
            "customer": {
                "status": member.level_text,
                "id": int(member.pk),
                "stamps_remaining": member.stamps,
            },
        },
    )


def _authorize(server: DocsServer, payload: dict[str, Any]) -> Canned:
    found = _user_of(server, payload)
    if isinstance(found, Canned):
        return found
    if payload.get("pin") != found.pin:
        return Canned(
            400,
            {
                "detail": "pin: Invalid PIN, 2 attempt(s) left",
                "errors": {"pin": "Invalid PIN, 2 attempt(s) left"},
                "error_code": "invalid_pin",
                "error_message": "pin: Invalid PIN, 2 attempt(s) left",
            },
        )
    return Canned(200, {"status": "ok"})


def _activities(server: DocsServer, payload: dict[str, Any]) -> Canned:
    found = _user_of(server, payload)
    if isinstance(found, Canned):
        return found
    mine = [
        {k: v for k, v in a.items() if k != "member"}
        for a in server.activities
        if a["member"] == found.pk
    ]
    older = payload.get("older_than")
    if older not in (None, ""):
        mine = [a for a in mine if a["id"] < int(older)]
    return Canned(200, {"activities": mine[:20]})


_ROUTES = {
    ("POST", "/api/ping"): _ping,
    ("POST", "/api/auth/get-access-token/"): _access_token,
    ("GET", "/api/v2/memberships/details"): _details,
    ("GET", "/api/memberships/suggestions"): _suggestions,
    ("GET", "/api/rewards/"): _rewards_list,
    ("GET", "/api/vouchers/by-merchant-group"): _member_vouchers,
    ("GET", "/api/vouchers/validate"): _validate_voucher,
    ("GET", "/api/promo-codes/validate"): _validate_promo,
    ("POST", "/api/v2/redemptions/redeem-reward"): _redeem_reward,
    ("POST", "/api/v2/redemptions/redeem-multiple-rewards"): _redeem_many,
    ("POST", "/api/v2/redemptions/redeem-voucher"): _redeem_voucher,
    ("POST", "/api/vouchers/deduct-value"): _redeem_voucher,
    ("POST", "/api/redemptions/by-voucher-code"): _by_code,
    ("POST", "/api/v3/redemptions/redeem-promo-code"): _promo,
    ("POST", "/api/redemptions/cancel"): _cancel,
    ("POST", "/api/redemptions/authorize"): _authorize,
    ("GET", "/api/v3/activities/"): _activities,
}


def _handler_for(server: DocsServer) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def setup(self) -> None:
            super().setup()
            with server._lock:
                server.connections.add(self.connection)

        def finish(self) -> None:
            with server._lock:
                server.connections.discard(self.connection)
            super().finish()

        def _serve(self) -> None:
            url = urlsplit(self.path)
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if self.command == "GET":
                payload: dict[str, Any] = {k: v[-1] for k, v in parse_qs(url.query).items()}
            else:
                try:
                    payload = json.loads(raw or b"{}")
                except ValueError:
                    payload = {}
            answer, _ = server.handle(
                self.command, url.path, payload, self.headers.get("Authorization")
            )
            if answer.delay:
                time.sleep(answer.delay)
            if isinstance(answer.body, str):
                data, kind = answer.body.encode(), "text/html; charset=utf-8"
            else:
                data, kind = (
                    json.dumps(answer.body, ensure_ascii=False).encode(),
                    "application/json",
                )
            self.send_response(answer.status)
            self.send_header("Content-Type", kind)
            self.send_header("Vary", "Accept")
            self.send_header("Allow", f"{self.command}, OPTIONS")
            for name, value in answer.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = _serve

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def docs_server() -> Iterator[DocsServer]:
    """A fresh docs server of the test's own."""
    with DocsServer() as server:
        yield server


@pytest.fixture
async def docs_client(docs_server: DocsServer) -> AsyncIterator[StampsClient]:
    """The till's client on the docs server (token auth, ample timeouts)."""
    async with StampsClient(
        base_url=docs_server.url,
        token=docs_server.token,
        merchant=MERCHANT,
        store=STORE,
        connect_timeout=5.0,
        read_timeout=30.0,
    ) as client:
        yield client


def serve_forever(port: int = 0) -> None:
    """``python -m tests.support.docs_server [PORT]``: serve until killed, for trying the till
    by hand (its token is :data:`TOKEN`)."""
    server = DocsServer().start(port)
    print(server.url, flush=True)
    try:
        threading.Event().wait()
    finally:
        server.stop()


if __name__ == "__main__":
    import sys

    serve_forever(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
