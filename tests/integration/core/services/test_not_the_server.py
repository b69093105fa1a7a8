"""Something that is not the Stamps server answers at its address. A shop network's Wi-Fi login
page answers every request 200 with HTML: the till must not take it for the server, must serve
the members it knows from its copy, and must tell the cashier what is in the way rather than that
the server cannot be reached."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.config import load_settings
from app.core.credentials import Secret
from app.core.offline.connectivity import Connectivity
from app.core.services.refusals import NotOnline
from app.core.services.runtime import open_till

from ....support.network import AMPLE_TIMEOUTS
from ....support.odd_servers import LoginPage, serving

pytestmark = pytest.mark.integration


async def test_a_wifi_login_page_is_named_to_the_cashier(tmp_path: Path) -> None:
    with serving(LoginPage) as url:
        settings = load_settings(
            tmp_path / "none.toml",
            base_url=url,
            merchant=14,
            store=32,
            data_dir=tmp_path / "till",
            **AMPLE_TIMEOUTS,
        )
        async with open_till(settings.till_config(), Secret("t0ken-t0ken")) as till:
            with pytest.raises(NotOnline) as unknown:
                await till.find_member("KR24000006")
            said = str(unknown.value)
            assert "web page" in said and "sign" in said.lower()
            assert "“KR24000006”" in said
            assert till.monitor.state is not Connectivity.ONLINE
