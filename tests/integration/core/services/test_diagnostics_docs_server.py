"""``stamps-pos doctor``'s server checks against a second server written from the contract alone
(tests/support/docs_server.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.credentials import Secret
from app.core.services.diagnostics import Check, Status, check_server

from ....support.docs_server import DocsServer, docs_server
from ....support.network import settings_on

pytestmark = pytest.mark.integration

__all__ = ["docs_server"]


async def server_checks(docs_server: DocsServer, tmp_path: Path) -> list[Check]:
    """``doctor``'s server checks of a till set up for ``docs_server`` with its token."""
    config = settings_on(docs_server.url, tmp_path).till_config()
    return await check_server(config, Secret(docs_server.token))


async def test_a_server_that_refuses_plain_http_is_not_blamed_on_the_token(
    docs_server: DocsServer, tmp_path: Path
) -> None:
    # testing.rst §5: the answer to a call over http instead of https
    docs_server.answer_next("/api/ping", 403, {"detail": "Please use https instead of http"})
    checks = await server_checks(docs_server, tmp_path)

    credentials = next(c for c in checks if c.name == "credentials")
    assert credentials.status is Status.FAIL
    assert "Please use https instead of http" in credentials.detail
    assert "https://" in credentials.fix


async def test_a_redirect_to_a_look_alike_name_shows_its_punycode_beside_its_letters(
    docs_server: DocsServer, tmp_path: Path
) -> None:
    # Seen: doctor read "the server sends the till to another address (302):
    # https://ѕtamps.co.id", its "ѕ" Cyrillic: a manager could not tell it from the real server.
    docs_server.answer_next(
        "/api/ping", 302, "", headers={"Location": "https://xn--tamps-g2e.co.id/login?next=/"}
    )
    checks = await server_checks(docs_server, tmp_path)

    server = next(c for c in checks if c.name == "server")
    assert server.status is Status.FAIL
    shown = "https://xn--tamps-g2e.co.id (written \u0455tamps.co.id: not plain ASCII)"
    assert server.detail == f"the server sends the till to another address (302): {shown}"
    # and the till is not sent there: a look-alike is where its token would be stolen
    assert server.fix is not None and "do not set base_url to that address" in server.fix
    assert "xn--" not in server.fix
