"""Another Stamps server written from the same docs: the world of tests/support/docs_server.py
(its members, rewards, vouchers, redemptions and feed), each answer rewritten the other way the
docs leave open. Each rewriting is one :data:`READINGS` entry, named for what it changes, so a
test can take them one at a time (which one a failure comes from) or all together.

    with DocsServer(reshape=other_reading()) as server:         # every rewriting at once
    with DocsServer(reshape=other_reading("ids as text")) as server:

    python -m tests.support.other_reading PORT   # to try the till by hand, token TOKEN

What each rewriting stands on:

- keys in another order, unknown keys: every page's example lists keys as it likes, and the
  response tables list fewer fields than the examples (``Vary: Accept``, no schema).
- optional fields absent rather than null: the examples show ``null`` for what a member has not
  given (``wedding_date``, ``id_number``); a server may as well leave the key out.
- empty lists as null: the same server may say "none" of a list (``tags``, a member's
  vouchers, a search's matches) with ``null``.
- decimals as text: money (a member's ``balance``, a voucher's ``value``, a reward's
  ``price``) as a Django REST server writes a decimal, ``"0.00"``; the docs type none of them.
- ids as text: the docs write a member's id as text in the details and promo answers
  (``"id": "454"``, ``"id": "123"``) and as a number elsewhere; here every id of a redemption
  answer is text, the redemption's own among them (digits only, as the docs' ids are).
- numbers as text: beside the ids, the same server may write every whole number of what the
  till reads before it redeems as its digits: a listed reward's or voucher's id, a reward's
  price in stamps and its type, a member's stamps (details, the catalogue's ``customer``), a
  promo code's id and merchant, the pong's merchant, a feed line's id, type and stamps, a
  search match's stamps (``"stamps_to_redeem": "20"``, ``"id": "6"``).
- ``"OK"``: authorize "Returns ok if successful", without saying in which case.
- codes as numbers: the docs type a voucher's ``code`` as text ("VC-ABC"), and a reward's
  (``"A001"``) but in the cart's example (``"code": 1``); a server may write one made only of
  digits as a JSON number (``"code": 20261203``).
- other date formats: the docs show ``YYYY-MM-DD``, ``DD-MM-YYYY HH:MM`` and unix seconds, each
  on some endpoint; here each date takes another of the three. Text is written in the server's
  wall-clock time, Jakarta's (WIB, +07:00): the docs' one zoned time is ``+07``, their unix
  times fall in Jakarta's working day, and a zone-less text names no other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from typing import Any

from .docs_server import Canned

Rewrite = Callable[[str, Any], Any]

AUTHORIZE = "/api/redemptions/authorize"
#: Every redemption endpoint and cancel: the answers that name a redemption.
REDEMPTION_PATHS = frozenset(
    {
        "/api/v2/redemptions/redeem-reward",
        "/api/v2/redemptions/redeem-multiple-rewards",
        "/api/v2/redemptions/redeem-voucher",
        "/api/vouchers/deduct-value",
        "/api/redemptions/by-voucher-code",
        "/api/v3/redemptions/redeem-promo-code",
        "/api/redemptions/cancel",
    }
)


def _walk(value: Any, on_object: Callable[[dict[str, Any]], dict[str, Any]]) -> Any:
    """``value`` with ``on_object`` applied to every object in it, innermost first."""
    if isinstance(value, dict):
        return on_object({k: _walk(v, on_object) for k, v in value.items()})
    if isinstance(value, list):
        return [_walk(v, on_object) for v in value]
    return value


def keys_reversed(path: str, body: Any) -> Any:
    return _walk(body, lambda o: dict(reversed(o.items())))


def unknown_keys(path: str, body: Any) -> Any:
    # an object the till has never heard of, in every object of the answer
    return _walk(body, lambda o: {"x_trace": {"shard": 3, "region": "id-jkt"}, **o})


def nulls_left_out(path: str, body: Any) -> Any:
    return _walk(body, lambda o: {k: v for k, v in o.items() if v is not None})


def empty_lists_as_null(path: str, body: Any) -> Any:
    return _walk(body, lambda o: {k: None if v == [] else v for k, v in o.items()})


#: Money the docs show as numbers (or only as null) without typing it anywhere.
MONEY = frozenset({"balance", "value", "price"})


def decimals_as_text(path: str, body: Any) -> Any:
    def written(o: dict[str, Any]) -> dict[str, Any]:
        return {
            k: f"{v:.2f}"
            if k in MONEY and isinstance(v, int | float) and not isinstance(v, bool)
            else v
            for k, v in o.items()
        }

    return _walk(body, written)


def ids_as_text(path: str, body: Any) -> Any:
    if path not in REDEMPTION_PATHS:
        return body

    def as_text(o: dict[str, Any]) -> dict[str, Any]:
        pk = o.get("id")
        return {**o, "id": str(pk)} if isinstance(pk, int) and not isinstance(pk, bool) else o

    return {k: as_text(v) if isinstance(v, dict) else v for k, v in body.items()}


#: The reads whose whole numbers "numbers as text" writes as digits, and which numbers.
_NUMBERS_OF = {
    "/api/rewards/": {
        "rewards": ("id", "stamps_to_redeem", "type"),
        "vouchers": ("id",),
        "customer": ("stamps", "stamps_remaining"),
    },
    "/api/vouchers/by-merchant-group": {"vouchers": ("id",)},
    "/api/v2/memberships/details": {"membership": ("stamps", "stamps_remaining", "level")},
    "/api/promo-codes/validate": {"promo_code": ("id", "merchant_id")},
    "/api/ping": {"pong": ("merchant_id",)},
    "/api/v3/activities/": {"activities": ("id", "type", "redemption.stamps")},
    "/api/memberships/suggestions": {"suggestions": ("stamps",)},
}


def numbers_as_text(path: str, body: Any) -> Any:
    def as_text(o: Any, keys: tuple[str, ...]) -> Any:
        if isinstance(o, list):
            return [as_text(item, keys) for item in o]
        if not isinstance(o, dict):
            return o
        # "redemption.stamps": the stamps of the object under "redemption"
        inner = {k.split(".", 1)[0]: (k.split(".", 1)[1],) for k in keys if "." in k}
        return {
            k: str(v)
            if k in keys and isinstance(v, int) and not isinstance(v, bool)
            else as_text(v, inner[k])
            if k in inner
            else v
            for k, v in o.items()
        }

    blocks = _NUMBERS_OF.get(path)
    if not blocks or not isinstance(body, dict):
        return body
    return {k: as_text(v, blocks[k]) if k in blocks else v for k, v in body.items()}


def ok_in_capitals(path: str, body: Any) -> Any:
    if path == AUTHORIZE and body == {"status": "ok"}:
        return {"status": "OK"}
    return body


def codes_as_numbers(path: str, body: Any) -> Any:
    def as_number(o: dict[str, Any]) -> dict[str, Any]:
        code = o.get("code")
        if isinstance(code, str) and code.isascii() and code.isdigit() and code[0] != "0":
            return {**o, "code": int(code)}
        return o

    return _walk(body, as_number)


def _day_first(text: str) -> str:
    # "2099-04-28" -> "28-04-2099 00:00" (reward_api's expires_on)
    year, month, day = text.split("-")
    return f"{day}-{month}-{year} 00:00"


#: Where the server's wall clock is: Jakarta, which keeps no summer time.
WIB = timezone(timedelta(hours=7))


def _unix(text: str) -> int:
    return int(datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=WIB).timestamp())


def dates_otherwise(path: str, body: Any) -> Any:
    def other(o: dict[str, Any]) -> dict[str, Any]:
        changed = dict(o)
        for key in ("start_date", "created"):
            if isinstance(o.get(key), str):
                changed[key] = _day_first(o[key])
        if isinstance(o.get("end_date"), str):
            changed["end_date"] = _unix(o["end_date"])
        if isinstance(o.get("created"), int) and not isinstance(o["created"], bool):
            stamp = datetime.fromtimestamp(o["created"], WIB)
            changed["created"] = stamp.strftime("%d-%m-%Y %H:%M")
        return changed

    return _walk(body, other)


READINGS: dict[str, Rewrite] = {
    "keys reversed": keys_reversed,
    "unknown keys": unknown_keys,
    "nulls left out": nulls_left_out,
    "empty lists as null": empty_lists_as_null,
    "decimals as text": decimals_as_text,
    "ids as text": ids_as_text,
    "numbers as text": numbers_as_text,
    "OK in capitals": ok_in_capitals,
    "codes as numbers": codes_as_numbers,
    "dates otherwise": dates_otherwise,
}


def other_reading(*names: str) -> Callable[[str, Canned], Canned]:
    """A ``reshape`` for :class:`~tests.support.docs_server.DocsServer` applying the named
    rewritings (all of them when none is named) to every JSON answer."""
    chosen = [READINGS[name] for name in names or READINGS]

    def reshape(path: str, answer: Canned) -> Canned:
        if isinstance(answer.body, str):
            return answer  # a web page stays one
        body = answer.body
        for rewrite in chosen:
            body = rewrite(path, body)
        return replace(answer, body=body)

    return reshape


if __name__ == "__main__":
    # ``python -m tests.support.other_reading [PORT]``: the docs server answering every way at
    # once, until killed, for trying the till by hand (its token is docs_server.TOKEN)
    import sys
    import threading

    from .docs_server import DocsServer

    running = DocsServer(reshape=other_reading()).start(
        int(sys.argv[1]) if len(sys.argv) > 1 else 0
    )
    print(running.url, flush=True)
    try:
        threading.Event().wait()
    finally:
        running.stop()
