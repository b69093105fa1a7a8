"""A Stamps server that is not the sandbox: it speaks the documented contract (seed 000,
reference/stamps-api-docs) as another implementation might, for walking the kiosk against it.

Unlike the sandbox it leaves out every optional field it may (no ``membership`` after a
redemption, no ``customer`` on the rewards list, no ``level_text``), adds fields the docs do not
name, ignores the rewards list's paging, and can be told (:class:`Behaviour`) to answer a
redemption, a member lookup or a PIN's check 200 with an error body, to answer slowly (near the
till's timeouts, or past them), to leave names out, and to list 0 or 200 rewards.

    python -m tests.support.other_stamps --port 19016 --rewards 200 --redeem error-200

Members: card ``OTHER0001`` or phone ``+6281200000001`` (Sari, no PIN, 300 stamps) and card
``OTHER0002`` or phone ``+6281200000002`` (Joko, PIN ``654321``, 80 stamps). ``posts`` counts
the redemptions that reached it, by their Idempotency-Key.
"""

from __future__ import annotations

import argparse
import http.server
import json
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.config import Settings, load_settings

from .network import AMPLE_TIMEOUTS

#: How a redemption is answered: ``ok``; ``error-200`` (200, ``errors`` and no redemption);
#: ``slow`` (``ok`` after ``delay`` seconds); ``refused`` (400 in the documented shape).
REDEEM_ANSWERS = ("ok", "error-200", "slow", "refused")


@dataclass
class Behaviour:
    """What this server does differently; changed by a test while it serves."""

    rewards: int = 3
    redeem: str = "ok"
    #: Seconds before a slow answer (redemption; and every read when ``slow_reads``).
    delay: float = 9.0
    slow_reads: bool = False
    #: The PIN's authorisation answered after ``delay`` seconds too.
    slow_pin: bool = False
    #: A 200 with an error body on the PIN's authorisation instead of its 400.
    pin_error_200: bool = False
    #: Members and rewards without their (optional) names.
    nameless: bool = False
    #: A 200 with an error body and no member for every member lookup.
    details_error_200: bool = False
    posts: Counter[str] = field(default_factory=Counter)
    next_id: int = 7000


MEMBERS = {
    "OTHER0001": {"id": 501, "name": "Sari Wulandari", "stamps": 300, "pin": None},
    "OTHER0002": {"id": 502, "name": "Joko", "stamps": 80, "pin": "654321"},
}
PHONES = {
    "+6281200000001": "OTHER0001",
    "081200000001": "OTHER0001",
    "+6281200000002": "OTHER0002",
    "081200000002": "OTHER0002",
}


def find(user: str) -> tuple[str, dict[str, Any]] | None:
    card = PHONES.get(user, user)
    for key, member in MEMBERS.items():
        if card == key or user == str(member["id"]):
            return key, member
    return None


def member_details(user: str) -> tuple[int, dict[str, Any]]:
    found = find(user)
    if found is None:
        return 400, {"detail": "User not found", "errors": {"__all__": "User not found"}}
    card, m = found
    return 200, {
        "membership": {
            "stamps": m["stamps"],
            "is_blocked": False,
            "redemption_allowed": True,
            "primary_card": {"number": card},
            "loyalty_tier_color": "#aa00ff",  # not in the docs
        },
        "user": {
            "id": str(m["id"]),
            "name": m["name"],
            "member_ids": [card],
            "has_pin": m["pin"] is not None,
            "pin_is_blocked": False,
            "protected_redemption": m["pin"] is not None,
            "favourite_drink": "kopi susu",  # not in the docs
        },
    }


def rewards(count: int) -> dict[str, Any]:
    listed = [
        {
            "id": 9000 + n,
            "name": f"Reward number {n} " + ("with a long name " * (n % 3)),
            "stamps_to_redeem": 10 + (n * 7) % 400,
            "code": f"OT{n:03d}",
            "type": 3,
            "redeemable": True,
            "seasonal": n % 2 == 0,  # not in the docs
        }
        for n in range(count)
    ]
    return {"rewards": listed, "vouchers": []}


class OtherStamps(http.server.BaseHTTPRequestHandler):
    behaviour = Behaviour()
    protocol_version = "HTTP/1.1"

    def _answer(self, status: int, body: Any) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        if self.behaviour.slow_reads:
            time.sleep(self.behaviour.delay)  # the server's pace, in its own thread
        if url.path == "/api/v2/memberships/details":
            status, member = member_details(query.get("user", ""))
            if self.behaviour.details_error_200:
                status, member = 200, {"detail": "Try again later", "errors": {"user": "Busy"}}
            if self.behaviour.nameless and "user" in member:
                del member["user"]["name"]
            self._answer(status, member)
        elif url.path == "/api/rewards/":
            listed = rewards(self.behaviour.rewards)
            if self.behaviour.nameless:
                for reward in listed["rewards"]:
                    del reward["name"]
            self._answer(200, listed)
        elif url.path == "/api/v3/activities/":
            self._answer(200, {"activities": []})
        else:
            self._answer(404, {"detail": "Not found."})

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
        path = urllib.parse.urlsplit(self.path).path
        b = self.behaviour
        if path == "/api/ping":
            self._answer(200, {"pong": {"merchant": "Other", "merchant_id": 14}, "v": 2})
        elif path == "/api/redemptions/authorize":
            self._authorize(body)
        elif path == "/api/v2/redemptions/redeem-reward":
            b.posts[self.headers.get("Idempotency-Key", "")] += 1
            self._redeem(body)
        else:
            self._answer(404, {"detail": "Not found."})

    def _authorize(self, body: dict[str, Any]) -> None:
        if self.behaviour.slow_pin:
            time.sleep(self.behaviour.delay)
        found = find(str(body.get("user", "")))
        if found is not None and found[1]["pin"] == body.get("pin"):
            self._answer(200, {"status": "ok", "valid_until": "later"})
        elif self.behaviour.pin_error_200:
            self._answer(200, {"detail": "Invalid PIN", "errors": {"pin": "Invalid PIN"}})
        else:
            self._answer(
                400,
                {
                    "detail": "pin: Invalid PIN, 2 attempt(s) left",
                    "errors": {"pin": "Invalid PIN, 2 attempt(s) left"},
                    "error_code": "invalid_pin",
                    "error_message": "pin: Invalid PIN, 2 attempt(s) left",
                },
            )

    def _redeem(self, body: dict[str, Any]) -> None:
        b = self.behaviour
        if b.redeem == "slow":
            time.sleep(b.delay)
        if b.redeem == "error-200":
            self._answer(200, {"errors": {"reward": "Reward is out of stock"}})
        elif b.redeem == "refused":
            self._answer(
                400, {"detail": "Reward is out of stock", "errors": [{"reward": "Out of stock"}]}
            )
        else:
            b.next_id += 1
            self._answer(
                200,
                {
                    "redemption": {"id": b.next_id, "reward": "a reward", "stamps_used": 0},
                    "served_by": "other",  # not in the docs
                },
            )

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serving(behaviour: Behaviour, port: int = 0) -> Iterator[str]:
    """This server on ``port`` (a free one by default) with ``behaviour``; yields its URL."""
    handler = type("Serving", (OtherStamps,), {"behaviour": behaviour})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@contextmanager
def a_till_on(behaviour: Behaviour, data_dir: Path, terminal: str) -> Iterator[Settings]:
    """A till's settings (merchant 14, store 32, ample timeouts) pointed at this server with
    ``behaviour``, serving while the block runs."""
    with serving(behaviour) as url:
        yield load_settings(
            base_url=url,
            merchant=14,
            store=32,
            data_dir=data_dir,
            terminal=terminal,
            **AMPLE_TIMEOUTS,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--rewards", type=int, default=3)
    parser.add_argument("--redeem", choices=REDEEM_ANSWERS, default="ok")
    parser.add_argument("--delay", type=float, default=9.0)
    parser.add_argument("--slow-reads", action="store_true")
    parser.add_argument("--slow-pin", action="store_true")
    parser.add_argument("--pin-error-200", action="store_true")
    parser.add_argument("--nameless", action="store_true")
    parser.add_argument("--details-error-200", action="store_true")
    args = parser.parse_args()
    behaviour = Behaviour(
        rewards=args.rewards,
        redeem=args.redeem,
        delay=args.delay,
        slow_reads=args.slow_reads,
        slow_pin=args.slow_pin,
        pin_error_200=args.pin_error_200,
        nameless=args.nameless,
        details_error_200=args.details_error_200,
    )
    with serving(behaviour, args.port) as url:
        print(f"serving {url}", flush=True)
        threading.Event().wait()


if __name__ == "__main__":
    main()
