"""Words for cashiers: every failure of the client's taxonomy, on every path a cashier meets it
(looking a member up, reading their offer, a voucher code, a redemption, a PIN), and every refusal
of the sandbox, reach the screen as sentences; no class name, no field key, no exception text.

The failures are the real client's: a transport in front of the live sandbox answers the paths
under test the way a failing server (or network) would.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QTableView,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.config import Settings
from app.core import clock
from app.core.services import runtime
from app.core.stamps import errors
from app.ui.cashier_window import CashierWindow
from app.ui.controllers.tasks import spawn

from ...support.sandbox import SandboxControl
from .conftest import WAIT_MS, find_member

pytestmark = pytest.mark.integration

#: Every class of the client's taxonomy, by name; none may reach the screen.
TAXONOMY = {
    cls.__name__
    for cls in vars(errors).values()
    if isinstance(cls, type) and issubclass(cls, errors.StampsError)
}
PYTHON_WORDS = ("Traceback", "Exception", "Error:", "RuntimeError", "KeyError", "ValueError")
#: A field key as a server prefixes its text with (``voucher_code: …``), or Django's ``__all__``.
FIELD_KEY = re.compile(r"(?i)\b[a-z]+_[a-z_]+\s*:|__all__")

DETAILS = "/api/v2/memberships/details"
REWARDS, VOUCHERS = "/api/rewards/", "/api/vouchers/by-merchant-group"
VALIDATE = "/api/vouchers/validate"
REDEEM = "/api/v2/redemptions/redeem-reward"
AUTHORIZE = "/api/redemptions/authorize"
PING = "/api/ping"

HTML_500 = "<html><body><h1>Server Error (500)</h1><pre>Traceback: KeyError</pre></body></html>"
FIELD_400 = {
    "detail": "voucher_code: Voucher not found",
    "errors": {"voucher_code": ["Voucher not found"]},
    "error_code": "invalid_data",
    "error_message": "voucher_code: Voucher not found",
}


def raising(exc: Exception) -> Callable[[httpx.Request], httpx.Response]:
    def fail(request: httpx.Request) -> httpx.Response:
        raise exc

    return fail


def answering(
    status: int, body: object = None, *, html: str | None = None
) -> Callable[[httpx.Request], httpx.Response]:
    def answer(request: httpx.Request) -> httpx.Response:
        if html is not None:
            return httpx.Response(status, text=html, headers={"Content-Type": "text/html"})
        return httpx.Response(status, json=body if body is not None else {"detail": "x"})

    return answer


#: How a failing server (or network) answers, for each class of the taxonomy, and what ping
#: says meanwhile (the 401/403 classes are told apart by it).
FAILURES: dict[str, tuple[Callable[[httpx.Request], httpx.Response], int]] = {
    "ConnectionFailed": (raising(httpx.ConnectError("All connection attempts failed")), 200),
    "ResponseLost": (raising(httpx.RemoteProtocolError("Server disconnected")), 200),
    "ValidationFailed": (answering(400, FIELD_400), 200),
    "Unauthorized": (answering(401, {"detail": "Invalid token."}), 500),
    "Forbidden": (answering(403, {"detail": "You do not have permission."}), 500),
    "RequestRefused": (answering(401, {"detail": "Invalid token."}), 200),
    "CredentialsRejected": (answering(401, {"detail": "Invalid token."}), 401),
    "NotFound": (answering(404, {"detail": "Not found."}), 200),
    "MethodNotAllowed": (answering(405, {"detail": 'Method "POST" not allowed.'}), 200),
    "RequestTimedOut": (answering(408, html="<html>Request Timeout</html>"), 200),
    "RateLimited": (answering(429, {"detail": "Request was throttled."}), 200),
    "ClientError": (answering(422, {"errors": {"__all__": "Reward is not active"}}), 200),
    "Conflict": (answering(409, {"errors": {"__all__": "Duplicate transaction"}}), 200),
    "ServerError": (answering(500, html=HTML_500), 200),
    "ServiceUnavailable": (answering(503, html="<html>503 Service Unavailable</html>"), 200),
    "MalformedResponse": (answering(200, html="<html>not json</html>"), 200),
}


class FailingServer:
    """Forwards to the live sandbox, except the paths in ``failing``, which fail as told."""

    def __init__(self, sandbox_url: str, failure: str) -> None:
        self.sandbox_url = sandbox_url
        self.answer, self.ping_status = FAILURES[failure]
        self.failing: set[str] = set()

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path == PING and self.failing:
            return httpx.Response(self.ping_status, json={"pong": {"merchant_id": 14}})
        if path in self.failing:
            return self.answer(request)
        async with httpx.AsyncClient(base_url=self.sandbox_url) as real:
            forwarded = await real.request(
                request.method,
                str(request.url.copy_with(scheme=None, host=None, port=None)),
                headers=request.headers,
                content=request.content,
            )
            return httpx.Response(
                forwarded.status_code, headers=forwarded.headers, content=forwarded.content
            )


@pytest.fixture
def failing_server(
    request: pytest.FixtureRequest, sandbox: SandboxControl, monkeypatch: pytest.MonkeyPatch
) -> FailingServer:
    server = FailingServer(sandbox.server.url, request.param)
    real_client = runtime.StampsClient

    def client_through_it(**kwargs: object) -> object:
        http = httpx.AsyncClient(transport=httpx.MockTransport(server))
        return real_client(http=http, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(runtime, "StampsClient", client_through_it)
    return server


def visible_text(window: QWidget) -> list[str]:
    """Every piece of text a cashier can read now: labels, buttons, table and list cells, the
    status line, and any dialog open over the window."""
    texts: list[str] = []
    roots = [window, *[w for w in QApplication.topLevelWidgets() if w.isVisible()]]
    for root in roots:
        for widget in [root, *root.findChildren(QWidget)]:
            if not widget.isVisible():
                continue
            if isinstance(widget, QLabel | QAbstractButton):
                texts.append(widget.text())
            if isinstance(widget, QTableWidget):
                texts += [
                    widget.item(r, c).text()
                    for r in range(widget.rowCount())
                    for c in range(widget.columnCount())
                    if widget.item(r, c) is not None
                ]
            elif isinstance(widget, QTableView):
                model = widget.model()
                texts += [
                    str(model.data(model.index(r, c)) or "")
                    for r in range(model.rowCount())
                    for c in range(model.columnCount())
                ]
    return [t for t in texts if t]


def assert_words_for_cashiers(window: QWidget, what: str) -> None:
    screen = "\n".join(visible_text(window))
    for name in TAXONOMY:
        assert name not in screen, f"{what}: the class {name} is on screen:\n{screen}"
    for word in PYTHON_WORDS:
        assert word not in screen, f"{what}: {word!r} is on screen:\n{screen}"
    # the server's text is cleaned of field prefixes in one place, the client (server_text.py)
    field = FIELD_KEY.search(screen)
    assert field is None, f"{what}: the field key {field.group(0)!r} is on screen:\n{screen}"


def until_result(qtbot: QtBot, cashier: CashierWindow, start: Callable[[], object]) -> None:
    """Run ``start`` and wait until the result panel shows its outcome (not work under way)."""
    qtbot.waitUntil(lambda: not cashier.redemption.busy, timeout=WAIT_MS)
    cashier.redemption.show(None)
    start()
    qtbot.waitUntil(
        lambda: (
            getattr(cashier.view.result_panel.result(), "kind", "working")
            not in ("working", "waiting_pin")
        ),
        timeout=WAIT_MS,
    )


@pytest.mark.parametrize("failing_server", sorted(FAILURES), indirect=True)
def test_every_failure_of_the_taxonomy_reaches_the_cashier_in_words(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    till_settings: Settings,
    failing_server: FailingServer,
) -> None:
    cashier = make_cashier(till_settings)
    view, till = cashier.view, cashier.session.till
    field = view.member_search.field

    def back_online() -> None:
        failing_server.failing.clear()
        # what a probe would find: the next step starts online
        till.monitor.report(None, sent_at=clock.monotonic())

    # Looking a member up.
    failing_server.failing = {DETAILS}
    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS):
        qtbot.keyClicks(field, "customer@stamps.co.id")
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert view.member_search.message_text()  # something was said
    assert_words_for_cashiers(view, "member lookup")
    back_online()

    # Reading what she is offered.
    failing_server.failing = {REWARDS, VOUCHERS}
    find_member(qtbot, cashier, "customer@stamps.co.id")
    assert_words_for_cashiers(view, "offer")
    back_online()
    find_member(qtbot, cashier, "customer@stamps.co.id")

    # A voucher code.
    failing_server.failing = {VALIDATE}
    until_result(qtbot, cashier, lambda: cashier.vouchers.use_code("RINDANG-100K-7H2K"))
    assert_words_for_cashiers(view, "voucher code")
    back_online()

    # A redemption.
    failing_server.failing = {REDEEM}
    until_result(qtbot, cashier, lambda: spawn(cashier.rewards.redeem_one(1, 1, None)))
    assert_words_for_cashiers(view, "redemption")
    back_online()

    # A PIN.
    find_member(qtbot, cashier, "budi.santoso@contoh.co.id")
    failing_server.failing = {AUTHORIZE}
    spawn(cashier.rewards.redeem_one(1, 1, None))
    qtbot.waitUntil(lambda: cashier.redemption.pin_dialog is not None, timeout=WAIT_MS)
    dialog = cashier.redemption.pin_dialog
    assert dialog is not None
    for digit in "123456":
        dialog.pad.press_digit(digit)
    dialog.pad.submit()
    qtbot.waitUntil(
        lambda: cashier.redemption.pin_dialog is None or not dialog.pad.busy(), timeout=WAIT_MS
    )
    assert_words_for_cashiers(view, "PIN")
    if cashier.redemption.pin_dialog is not None:
        cashier.redemption.pin_dialog.reject()
    qtbot.waitUntil(lambda: not cashier.redemption.busy, timeout=WAIT_MS)


def test_every_refusal_of_the_sandbox_reaches_the_cashier_in_words(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    view = cashier.view
    field = view.member_search.field
    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS):
        qtbot.keyClicks(field, "nobody@example.com")
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert_words_for_cashiers(view, "unknown member")

    find_member(qtbot, cashier, "agus.setiawan@contoh.co.id")  # no stamps: the server refuses
    until_result(qtbot, cashier, lambda: spawn(cashier.rewards.redeem_one(1, 1, None)))
    assert view.result_panel.result().kind == "refused"  # type: ignore[union-attr]
    assert_words_for_cashiers(view, "not enough stamps")

    find_member(qtbot, cashier, "customer@stamps.co.id")
    for code in ("RINDANG-100K-LAMA", "RINDANG-100K-PAKAI", "NO-SUCH-CODE"):
        until_result(qtbot, cashier, lambda code=code: cashier.vouchers.use_code(code))
        assert view.result_panel.result().kind == "refused"  # type: ignore[union-attr]
        assert view.result_panel.result().details  # type: ignore[union-attr]
        assert_words_for_cashiers(view, code)
    view.invoice_field.set_text("INV-9")
    for promo in ("MERDEKA17", "NO-SUCH-PROMO"):
        until_result(qtbot, cashier, lambda promo=promo: spawn(cashier.promo.redeem(promo)))
        assert view.result_panel.result().kind == "refused"  # type: ignore[union-attr]
        assert_words_for_cashiers(view, promo)

    find_member(qtbot, cashier, "hendra.gunawan@contoh.co.id")  # blocked
    until_result(qtbot, cashier, lambda: spawn(cashier.rewards.redeem_one(1, 1, None)))
    assert_words_for_cashiers(view, "blocked member")

    find_member(qtbot, cashier, "budi.santoso@contoh.co.id")  # a wrong PIN
    spawn(cashier.rewards.redeem_one(1, 1, None))
    qtbot.waitUntil(lambda: cashier.redemption.pin_dialog is not None, timeout=WAIT_MS)
    dialog = cashier.redemption.pin_dialog
    assert dialog is not None
    for digit in "000000":
        dialog.pad.press_digit(digit)
    dialog.pad.submit()
    qtbot.waitUntil(lambda: not dialog.pad.busy(), timeout=WAIT_MS)
    assert_words_for_cashiers(view, "wrong PIN")
    dialog.reject()
    qtbot.waitUntil(lambda: not cashier.redemption.busy, timeout=WAIT_MS)
