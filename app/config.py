"""The till's settings: a TOML file in the platform's config folder, overridden by ``STAMPS_POS_*``
environment variables (DESIGN.md §2).

The API token is deliberately not a setting: it never sits in the TOML file. See
:mod:`app.core.credentials` for where it lives.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import tomllib
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import platformdirs
from pydantic import Field, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from app import APP_NAME
from app.core.domain import Channel

ENV_PREFIX = "STAMPS_POS_"
CONFIG_ENV = ENV_PREFIX + "CONFIG"


class ConfigError(Exception):
    """A setting is missing or invalid. The message names the setting and where it came from."""


def default_config_file() -> Path:
    """``settings.toml`` in the platform's config folder, or ``$STAMPS_POS_CONFIG``."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME)) / "settings.toml"


def default_data_dir() -> Path:
    """The platform's data folder for the app."""
    return Path(platformdirs.user_data_dir(APP_NAME))


def is_loopback_host(host: str) -> bool:
    """True for ``localhost`` and addresses in 127.0.0.0/8 or ``::1``."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class Settings(BaseSettings):
    """Every setting of the till, validated. Field names are the TOML keys; the environment
    variable of each is ``STAMPS_POS_`` + its name in capitals."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="forbid", frozen=True)

    base_url: str = "https://stamps.co.id"
    auth: Literal["token", "bearer", "body"] = "token"
    merchant: int = Field(gt=0)
    store: int = Field(gt=0)
    terminal: str = Field(default_factory=socket.gethostname, min_length=1, max_length=64)
    channel: Channel | None = None
    data_dir: Path = Field(default_factory=default_data_dir)
    idempotency: Literal["honoured", "unknown"] = "unknown"
    key_window_hours: float = Field(default=24, gt=0, le=24 * 30)
    lanes: int = Field(default=4, ge=1, le=64)
    connect_timeout: float = Field(default=3.0, gt=0, le=60)
    read_timeout: float = Field(default=10.0, gt=0, le=300)
    pin_timeout: int = Field(default=900, ge=30, le=3600)
    # Added to 2 × (connect + read timeout) for how long a claimed entry is held before another
    # worker may take it back after a crash.
    lease_margin: float = Field(default=30.0, ge=1.0, le=600)
    # The longest a server's Retry-After is waited (s): a server asking for more gets this.
    retry_after_cap: float = Field(default=3600.0, gt=0, le=86400)
    # The store's code as the activity feed names it; without it a redemption whose answer was
    # lost cannot be proven from the feed, and stays for a manager to decide.
    store_code: str | None = Field(default=None, min_length=1, max_length=64)
    # The offline policy's limits (DESIGN.md §4) and how long the cache keeps a member.
    offline_member_max_age_hours: float = Field(default=24, gt=0, le=24 * 30)
    offline_max_stamps_per_redemption: int = Field(default=100, ge=0)
    offline_max_stamps_per_outage: int = Field(default=1_000, ge=0)
    offline_max_redemptions_per_outage: int = Field(default=50, ge=0)
    offline_max_voucher_value: int = Field(default=250_000, ge=0)
    offline_allow_codes: bool = False
    cache_retention_days: int = Field(default=90, ge=1, le=3650)

    @field_validator("base_url")
    @classmethod
    def _https_unless_loopback(cls, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("must be an http(s) URL such as https://stamps.co.id")
        if parts.scheme == "http" and not is_loopback_host(parts.hostname):
            raise ValueError("plain http:// is accepted for loopback hosts only; use https://")
        return value.rstrip("/")

    def effective_channel(self, *, kiosk: bool = False) -> Channel:
        """The channel to send: the setting when given, else POS (Kiosk in kiosk mode)."""
        if self.channel is not None:
            return self.channel
        return Channel.KIOSK if kiosk else Channel.POS

    @property
    def database_path(self) -> Path:
        """The outbox database inside the data folder."""
        return self.data_dir / "stamps-pos.db"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Environment beats the file; nothing is read from a .env or a secrets folder.
        toml_file = _CONFIG_FILE_IN_USE or default_config_file()
        return init_settings, env_settings, TomlConfigSettingsSource(settings_cls, toml_file)


# Set only for the duration of load_settings(), so the source above reads the file it was asked to.
_CONFIG_FILE_IN_USE: Path | None = None


def _read_toml(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"settings file {path} is not valid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"settings file {path} cannot be read: {exc.strerror}") from None


def load_settings(config_file: Path | None = None, **overrides: Any) -> Settings:
    """Read and validate the settings; raise :class:`ConfigError` naming each bad setting."""
    global _CONFIG_FILE_IN_USE
    path = config_file or default_config_file()
    data = _read_toml(path)
    if "token" in data:
        raise ConfigError(
            f"settings file {path}: the API token is never kept in the settings file; remove it "
            f"and set {ENV_PREFIX}TOKEN or run `stamps-pos token set`"
        )
    _CONFIG_FILE_IN_USE = path
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        raise ConfigError(_describe(exc, path)) from None
    finally:
        _CONFIG_FILE_IN_USE = None


def _describe(exc: ValidationError, path: Path) -> str:
    lines = []
    for error in exc.errors():
        name = ".".join(str(part) for part in error["loc"]) or "settings"
        where = f"{ENV_PREFIX}{name.upper()} or '{name}' in {path}"
        if error["type"] == "missing":
            lines.append(f"setting '{name}' is required: set {where}")
        elif error["type"] == "extra_forbidden":
            lines.append(f"'{name}' in {path} is not a setting of stamps-pos")
        else:
            message = error["msg"].removeprefix("Value error, ")
            lines.append(f"setting '{name}' ({where}): {message}")
    return "\n".join(lines)
