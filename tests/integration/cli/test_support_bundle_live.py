"""``stamps-pos support-bundle`` after a real shift against the sandbox: what is in it, and what
never is (the token, a PIN, a member's email or phone), whatever the logs held."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest

from app import version
from app.config import Settings
from app.core import logs
from app.sandbox import DEMO_TOKEN
from app.sandbox.data import PIN_MEMBER_PIN, build_world

from ..conftest import SandboxControl
from .test_cli_live import Cli

pytestmark = pytest.mark.integration

FOLDER = "stamps-pos-support"


def forbidden() -> dict[str, str]:
    """Every string the bundle must not hold, named for the failure message."""
    found = {"the API token": DEMO_TOKEN, "the PIN": PIN_MEMBER_PIN}
    for member in build_world(0).members.values():
        if member.email:  # a member may have a phone only
            found[f"{member.name}'s email"] = member.email
            found[f"{member.name}'s email, URL-encoded"] = quote(member.email)
        # the national number (+62 8xx… → 8xx…) is in every way of writing the phone
        found[f"{member.name}'s phone"] = member.phone.removeprefix("+62")
    return found


@pytest.fixture
def cli(till_settings: Settings, tmp_path: Path) -> Cli:
    return Cli(till_settings, tmp_path)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def shift(cli: Cli, sandbox: SandboxControl, till_settings: Settings) -> Cli:
    """A shift: a lookup by phone, a PIN redemption, one left unknown by a lost answer; and a
    log line from an older version that wrote secrets in the clear."""
    assert cli("member", "find", "081210000006").returncode == 0
    pin = cli(
        "redeem", "reward", "--user", "budi.santoso@contoh.co.id", "--reward", "1",
        "--pin-stdin", stdin=f"{PIN_MEMBER_PIN}\n",
    )  # fmt: skip
    assert pin.returncode == 0, pin.stderr
    sandbox.faults(applied_then_500_rate=1.0)
    cli.env["STAMPS_POS_IDEMPOTENCY"] = "unknown"
    lost = cli("redeem", "reward", "--user", "customer@stamps.co.id", "--reward", "2")
    assert lost.returncode == 3, lost.stderr
    sandbox.faults(applied_then_500_rate=0.0)
    log = logs.log_file(till_settings.data_dir)
    with log.open("a", encoding="utf-8") as old:
        old.write(
            f"2026-01-01 INFO headers={{'Authorization': 'Token {DEMO_TOKEN}'}} "
            f"user=putri.maharani@contoh.co.id phone=+6281310000123 pin={PIN_MEMBER_PIN}\n"
        )
    return cli


def test_the_bundle_holds_what_support_needs_and_no_secret_nor_personal_data(
    shift: Cli, till_settings: Settings, tmp_path: Path
) -> None:
    database = till_settings.database_path
    before = digest(database)
    out = tmp_path / "bundle.zip"

    done = shift("support-bundle", str(out))

    assert done.returncode == 0, done.stderr
    assert str(out) in done.stdout
    assert digest(database) == before  # the outbox is only read
    with zipfile.ZipFile(out) as bundle:
        files = {
            name.removeprefix(f"{FOLDER}/"): bundle.read(name).decode()
            for name in bundle.namelist()
        }
    assert {"README.txt", "manifest.json", "doctor.json", "settings.json", "queue.json"} <= set(
        files
    )
    assert "logs/stamps-pos.log" in files
    for name, secret in forbidden().items():
        leaks = [file for file, text in files.items() if secret.lower() in text.lower()]
        assert not leaks, f"{name} is in {leaks}"

    manifest = json.loads(files["manifest.json"])
    doctor = json.loads(files["doctor.json"])
    assert manifest["version"] == doctor["version"] == version()
    assert doctor["exit_code"] == 0
    queue = json.loads(files["queue.json"])
    assert queue["summary"]["unknown"] == 1
    [unknown] = queue["unsettled"]
    assert unknown["status"] == "unknown" and "user" not in unknown and "payload" not in unknown
    assert f"entry={unknown['id']}" in files["logs/stamps-pos.log"]
    settings = json.loads(files["settings.json"])
    assert settings["values"]["merchant"] == till_settings.merchant


def test_an_existing_file_is_not_overwritten(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "bundle.zip"
    out.write_bytes(b"keep me")
    done = cli("support-bundle", str(out))
    assert done.returncode == 2
    assert "exists already" in done.stderr and "--replace" in done.stderr
    assert out.read_bytes() == b"keep me"
