"""Members as a second server written from the contract alone shows them
(tests/support/docs_server.py)."""

from __future__ import annotations

import pytest

from app.core.services.members import member_from_details
from app.core.stamps.client import StampsClient

from ....support.docs_server import docs_client, docs_server

pytestmark = pytest.mark.integration

__all__ = ["docs_client", "docs_server"]


async def test_a_member_without_a_name_or_email_is_shown_by_their_phone(
    docs_client: StampsClient,
) -> None:
    # a partial registration (customer_api §17): name and email null, the phone known
    details = await docs_client.member_details("+628111000620")

    member = member_from_details("+628111000620", details)

    # the server's primary key ("620") means nothing to a cashier or the customer
    assert member.name == "+628111000620"
    assert member.server_id == "620"
