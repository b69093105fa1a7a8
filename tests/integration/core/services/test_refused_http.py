"""A 403 that is not about the token: over plain http the server answers "Please use https
instead of http" (testing.rst §5). The paused queue says what the server said and points to
https, not to a new token that would not help; the token is in none of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.config import Settings
from app.core.credentials import Secret
from app.core.messages import english
from app.core.services.refusals import CredentialsRefused
from app.core.services.runtime import RuntimeOptions, open_till
from app.core.services.till import Sale

from ....support.cli import TillCli
from ....support.docs_server import DocsServer, docs_server
from ....support.network import settings_on

pytestmark = pytest.mark.integration

__all__ = ["docs_server"]

REDEEM = "/api/v2/redemptions/redeem-reward"
PING = "/api/ping"


def _refuse_http(server: DocsServer, path: str) -> None:
    # the server echoes the request's token beside its words: it must not reach any message
    said = {"detail": f"Please use https instead of http (token {server.token})"}
    server.answer_next(path, 403, said)


def _settings(server: DocsServer, tmp_path: Path) -> Settings:
    return settings_on(server.url, tmp_path, store_code="RDG-KMG")


def test_sync_says_what_the_server_said_and_points_to_https(
    docs_server: DocsServer, tmp_path: Path
) -> None:
    cli = TillCli(_settings(docs_server, tmp_path), tmp_path)
    cli.env["STAMPS_POS_TOKEN"] = docs_server.token
    queued = cli("redeem", "reward", "--user", "ayu@contoh.co.id", "--reward", "9", "--queue-only")
    assert queued.returncode == 3, queued.stderr
    _refuse_http(docs_server, REDEEM)
    _refuse_http(docs_server, PING)

    paused = cli("sync", "--once", "--timeout", "5")

    assert paused.returncode == 4, paused.stdout + paused.stderr
    assert "Please use https instead of http" in paused.stderr
    assert "https://127.0.0.1" in paused.stderr
    # not sent to set a new token that would not help
    assert "refuses this till's API token" not in paused.stderr
    assert docs_server.token not in paused.stdout + paused.stderr


async def test_a_queue_paused_by_a_server_asking_for_https_says_so(
    docs_server: DocsServer, tmp_path: Path
) -> None:
    config = _settings(docs_server, tmp_path).till_config()
    token = docs_server.token
    options = RuntimeOptions(token_source=lambda: Secret(token))
    async with open_till(config, Secret(token), options) as till:
        ayu = await till.lookup.find_member("ayu@contoh.co.id")
        order = await till.catalogue.reward_order(ayu, 9)
        _refuse_http(docs_server, REDEEM)
        _refuse_http(docs_server, PING)  # the ping that judges the refusal
        queued = await till.redeemer.redeem(order, ayu, Sale("Dewi"))
        told = await till.answer(queued)
        # the cashier's result beside the banner does not blame the token either
        assert told.details is not None and "plain http" in english(told.details)
        assert "API token" not in english(told.details) + english(told.what_to_do)

        status = await till.status()
        assert status.paused
        banner = english(till.line.why_paused(status))
        assert "Please use https instead of http" in banner
        assert "https://127.0.0.1" in banner
        assert "API token" in banner and "would not help" in banner
        assert "refuses this till's API token" not in banner

        _refuse_http(docs_server, PING)  # "Check again", still over http
        checked = await till.line.resume_after_credentials_change()
        assert checked is not None
        again = english(checked)
        assert "Please use https instead of http" in again and "https://127.0.0.1" in again
        assert "refuses this till's API token" not in again

        said = [banner, again, status.paused_reason or ""]
        said += [str(a.error) for a in await till.attempts(queued.entry_id)]
        assert not any(token in text for text in said)


DETAILS = "/api/v2/memberships/details"
AUTHORIZE = "/api/redemptions/authorize"


async def test_a_lookup_and_a_pin_check_refused_over_http_say_so(
    docs_server: DocsServer, tmp_path: Path
) -> None:
    # The cashier meets the refusal first, before anything is queued: they are not sent to ask
    # for a new token that would not help either.
    config = _settings(docs_server, tmp_path).till_config()
    token = docs_server.token
    options = RuntimeOptions(start_worker=False, token_source=lambda: Secret(token))
    async with open_till(config, Secret(token), options) as till:
        budi = await till.lookup.find_member("budi@contoh.co.id")
        _refuse_http(docs_server, DETAILS)
        _refuse_http(docs_server, PING)
        with pytest.raises(CredentialsRefused) as lookup:
            await till.lookup.find_member("ayu@contoh.co.id")

        _refuse_http(docs_server, AUTHORIZE)
        _refuse_http(docs_server, PING)
        with pytest.raises(CredentialsRefused) as pin_check:
            await till.redeemer.authorize_pin(budi, Secret("123456"))

    for refused in (lookup.value, pin_check.value):
        said = english(refused.message)
        assert "Please use https instead of http" in said
        assert "https://127.0.0.1" in said
        assert "refuses this till's API token" not in said
        assert token not in said
