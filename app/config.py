"""The till's settings: a TOML file in the platform's config folder, overridden by ``STAMPS_POS_*``
environment variables (README.md, "Settings").

The API token is deliberately not a setting: it never sits in the TOML file. See
:mod:`app.core.credentials` for where it lives.
"""

from __future__ import annotations

import ipaddress
import os
import re
import socket
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path, PurePath
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import Field, ValidationError, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from app import APP_NAME, version
from app.core.services import (
    MARKS_PER_LETTER,
    TEMPLATES,
    Channel,
    OfflineLimits,
    ScanFormats,
    TillConfig,
    english,
    first_hidden,
    stacks_marks,
)

# Read before the window shows (app/early_config.py), and part of this module's interface.
from app.early_config import CONFIG_ENV as CONFIG_ENV
from app.early_config import ENV_PREFIX as ENV_PREFIX
from app.early_config import LANGUAGES as LANGUAGES
from app.early_config import MAX_WHOLE as MAX_WHOLE
from app.early_config import ConfigError as ConfigError
from app.early_config import default_config_file as default_config_file
from app.early_config import default_data_dir as default_data_dir
from app.early_config import file_refused
from app.early_config import read_settings_file as read_settings_file
from app.early_config import unprintable as unprintable

MAX_URL_LENGTH = 2048
#: The heartbeat's bounds, in seconds (0 turns it off).
MIN_HEARTBEAT, MAX_HEARTBEAT = 5, 3600

# Written numbers are plain ASCII digits: Python's int() would also take "1_0", " +10 " and
# Arabic-Indic or full-width digits, which no one means in a till's settings.
_WHOLE = re.compile(r"[0-9]{1,19}", re.ASCII)
_DECIMAL = re.compile(r"[0-9]{1,19}(\.[0-9]{1,19})?", re.ASCII)
_WHOLE_SETTINGS = (
    "merchant",
    "store",
    "channel",
    "lanes",
    "pin_timeout",
    "offline_max_stamps_per_redemption",
    "offline_max_stamps_per_outage",
    "offline_max_redemptions_per_outage",
    "offline_max_voucher_value",
    "cache_retention_days",
    "outbox_retention_days",
    "idle_lock_minutes",
    "scanner_pace_ms",
    "heartbeat",
)
_DECIMAL_SETTINGS = (
    "key_window_hours",
    "connect_timeout",
    "read_timeout",
    "lookup_timeout",
    "lease_margin",
    "retry_after_cap",
    "offline_member_max_age_hours",
)
_YES_OR_NO_SETTINGS = ("offline_allow_codes",)
#: What the environment may say for yes or no (pydantic's words), and what TOML writes for it.
_YES_OR_NO = {
    **dict.fromkeys(("1", "on", "t", "true", "y", "yes"), "true"),
    **dict.fromkeys(("0", "off", "f", "false", "n", "no"), "false"),
}

_NOT_TEXT = frozenset((*_WHOLE_SETTINGS, *_DECIMAL_SETTINGS, *_YES_OR_NO_SETTINGS))


class QuotedInFile(str):
    """A number's or a yes/no's value as the settings file wrote it: in quotes, so TOML text.

    The environment has only text, so ``STAMPS_POS_MERCHANT=14`` is read as the number it spells;
    in the file, ``merchant = "14"`` is refused with what to write instead (``merchant = 14``): a
    quoted value is where a stray space or a value pasted from a spreadsheet hides."""


class _SettingsFileSource(TomlConfigSettingsSource):
    """The settings file as TOML reads it, the text of a number or yes/no setting marked
    :class:`QuotedInFile` for its check to refuse."""

    def _read_file(self, file_path: Any) -> dict[str, Any]:
        data = super()._read_file(file_path)
        return {
            name: QuotedInFile(value) if name in _NOT_TEXT and isinstance(value, str) else value
            for name, value in data.items()
        }


def refused(message_id: str, **params: Any) -> PydanticCustomError:
    """A setting's value refused: the error's type is ``message_id``, a message of
    :mod:`app.core.messages` that ``params`` fill. Its English template is the error's text, so
    the command line and the log say what the settings dialog and the window's cannot-start page
    say (:func:`app.settings_file.reason_for`), in one wording."""
    return PydanticCustomError(message_id, TEMPLATES[message_id], params)


def _unprintable() -> PydanticCustomError:
    return refused("field.hidden_characters")


def _quoted(name: str | None, bare: str) -> PydanticCustomError:
    return refused("setting.quoted", fix=f"{name} = {bare}")


#: The end of a base URL's path that the till adds itself (``/api``, ``/api/v2``).
_API_PATH = re.compile(r"/api(/v[0-9]+)?/*\Z", re.IGNORECASE)


def is_loopback_host(host: str) -> bool:
    """True for ``localhost`` and addresses in 127.0.0.0/8 or ``::1``."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


#: One prefix of the store's card, receipt or voucher format (``card_prefixes``,
#: ``invoice_prefixes``, ``voucher_prefixes``).
MAX_PREFIX = 8
_PREFIX = re.compile(rf"[A-Za-z0-9./-]{{1,{MAX_PREFIX}}}")


class Settings(BaseSettings):
    """Every setting of the till, validated. Field names are the TOML keys; the environment
    variable of each is ``STAMPS_POS_`` + its name in capitals."""

    # allow_inf_nan=False: TOML has ``nan`` and ``inf`` and the environment can say them; a
    # timeout of nan would otherwise be refused as "at most 60", which it is not.
    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, extra="forbid", frozen=True, allow_inf_nan=False
    )

    base_url: str = "https://stamps.co.id"
    auth: Literal["token", "bearer", "body"] = "token"
    merchant: int = Field(gt=0, le=MAX_WHOLE)
    store: int = Field(gt=0, le=MAX_WHOLE)
    terminal: str = Field(default_factory=socket.gethostname, min_length=1, max_length=64)
    channel: Channel | None = None
    data_dir: Path = Field(default_factory=default_data_dir)
    idempotency: Literal["honoured", "unknown"] = "unknown"
    key_window_hours: float = Field(default=24, gt=0, le=24 * 30)
    lanes: int = Field(default=4, ge=1, le=64)
    # At least a tenth of a second: 0.0000001 was accepted, and every request then failed to
    # connect, read as an outage on a line that was fine.
    connect_timeout: float = Field(default=3.0, ge=0.1, le=60)
    read_timeout: float = Field(default=10.0, ge=0.1, le=300)
    # How long a member lookup (and the reading of their rewards and vouchers) waits for the
    # server before the till answers from its memory: a shop on a slow line gives it more, so
    # its cashiers are not served stale copies.
    lookup_timeout: float = Field(default=3.0, ge=0.1, le=60)
    pin_timeout: int = Field(default=900, ge=30, le=3600)
    # Seconds a window's or kiosk's till, online and quiet, waits before it pings the server, so
    # a line that drops while nobody redeems shows before the next customer (0: never).
    heartbeat: int = 30
    # Added to 2 × (connect + read timeout) for how long a claimed entry is held before another
    # worker may take it back after a crash.
    lease_margin: float = Field(default=30.0, ge=1.0, le=600)
    # The longest a server's Retry-After is waited (s): a server asking for more gets this.
    retry_after_cap: float = Field(default=3600.0, gt=0, le=86400)
    # The store's code as the activity feed names it; without it a redemption whose answer was
    # lost cannot be proven from the feed, and stays for a manager to decide.
    store_code: str | None = Field(default=None, min_length=1, max_length=64)
    # The offline policy's limits (architecture §4) and how long the cache keeps a member.
    offline_member_max_age_hours: float = Field(default=24, gt=0, le=24 * 30)
    offline_max_stamps_per_redemption: int = Field(default=100, ge=0, le=MAX_WHOLE)
    offline_max_stamps_per_outage: int = Field(default=1_000, ge=0, le=MAX_WHOLE)
    offline_max_redemptions_per_outage: int = Field(default=50, ge=0, le=MAX_WHOLE)
    offline_max_voucher_value: int = Field(default=250_000, ge=0, le=MAX_WHOLE)
    offline_allow_codes: bool = False
    cache_retention_days: int = Field(default=90, ge=1, le=3650)
    # How long the outbox's settled entries, the audit log and the refusals are kept: a year and
    # a month, so last year's same month can still be reconciled; never under the 90 days the
    # audit log's trigger keeps whatever is set (architecture §6).
    outbox_retention_days: int = Field(default=400, ge=90, le=36500)
    # The window: minutes untouched before the till locks to the sign-in page (0: never).
    idle_lock_minutes: int = Field(default=10, ge=0, le=480)
    # A keyboard-wedge scanner (architecture §5): what it sends before a code, the key that ends
    # one, and its pace (ms a key at most, on average; people type at 35 and slower). 32, not
    # 25: a scanner at 25 ms a key averages 27 on an idle till and about 30 on a loaded one
    # (xdotool under Xvfb), and was read as typing; the fastest typists average 60 ms and more.
    scanner_prefix: str = Field(default="", max_length=8)
    scanner_terminator: Literal["enter", "tab", "either"] = "either"
    scanner_pace_ms: int = Field(default=32, ge=5, le=34)
    # The store's formats (architecture §5), prefixes split at commas: a member's card number
    # begins with one of ``card_prefixes`` ("KR, 7014"), a receipt's number with one of
    # ``invoice_prefixes`` ("INV-"), a voucher's code with one of ``voucher_prefixes``
    # ("RINDANG-"). A scan of a receipt goes into the invoice number wherever the cursor is, a
    # card number typed into the voucher code looks the member up, and a voucher's code goes
    # to the voucher code of the member on screen (or waits for the member).
    card_prefixes: str = Field(default="", max_length=64)
    invoice_prefixes: str = Field(default="", max_length=64)
    voucher_prefixes: str = Field(default="", max_length=64)
    # The window's language: Bahasa Indonesia, English, or the system's (the command line is
    # always English).
    language: Literal["auto", "id", "en"] = "auto"

    @field_validator(*_WHOLE_SETTINGS, mode="before")
    @classmethod
    def _plain_whole_number(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, bool):
            raise refused("setting.whole_number")
        if isinstance(value, float):  # `lanes = 4.0`: pydantic would take it as 4
            raise refused("setting.whole_number")
        if isinstance(value, str):
            if not _WHOLE.fullmatch(value):
                raise refused(
                    "setting.whole_number",
                )
            if isinstance(value, QuotedInFile):
                raise _quoted(info.field_name, str(int(value)))
            return int(value)
        return value

    @field_validator(*_DECIMAL_SETTINGS, mode="before")
    @classmethod
    def _plain_decimal(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, bool):
            raise refused("setting.number")
        if isinstance(value, str):
            if not _DECIMAL.fullmatch(value):
                raise refused("setting.number")
            if isinstance(value, QuotedInFile):
                raise _quoted(info.field_name, value)
            return float(value)
        return value

    @field_validator(*_YES_OR_NO_SETTINGS, mode="before")
    @classmethod
    def _plain_yes_or_no(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, QuotedInFile):
            meant = _YES_OR_NO.get(value.strip().lower())
            if meant is None:
                raise refused("setting.yes_or_no")
            raise _quoted(info.field_name, meant)
        return value

    @field_validator("heartbeat")
    @classmethod
    def _a_heartbeat(cls, value: int) -> int:
        # Under 5 s a till would ping all day for news a customer's lookup brings anyway (the
        # probe's own first wait is 5 s); past an hour the bar says "Online" of a line long gone.
        if value != 0 and not MIN_HEARTBEAT <= value <= MAX_HEARTBEAT:
            raise refused(
                "setting.heartbeat",
                least=MIN_HEARTBEAT,
                most=MAX_HEARTBEAT,
            )
        return value

    @field_validator("scanner_prefix")
    @classmethod
    def _a_prefix(cls, value: str) -> str:
        if unprintable(value):
            raise _unprintable()
        if any(ch.isspace() for ch in value):
            raise refused("setting.no_spaces")
        return value

    @field_validator("card_prefixes", "invoice_prefixes", "voucher_prefixes", mode="before")
    @classmethod
    def _prefixes_in_one_text(cls, value: Any) -> Any:
        # A TOML list (["KR24", "7014"]) is how a manager writes several of something: it was
        # refused as "This must be text.", which did not say what to write instead.
        if isinstance(value, list | tuple):
            raise refused("setting.prefixes_one_text")
        return value

    @field_validator("card_prefixes", "invoice_prefixes", "voucher_prefixes")
    @classmethod
    def _prefixes(cls, value: str) -> str:
        if unprintable(value) or first_hidden(value):
            raise _unprintable()
        # A space inside one ("INV 00") is no prefix a scanner types; around the commas, fine.
        if any(ch.isspace() for part in value.split(",") for ch in part.strip()):
            raise refused("setting.no_spaces")
        # What a card or a receipt begins with: "<script>" is no prefix of either.
        if not all(_PREFIX.fullmatch(part.strip()) for part in value.split(",") if part.strip()):
            raise refused("setting.prefixes", most=MAX_PREFIX)
        return value

    @field_validator("language", mode="before")
    @classmethod
    def _a_language(cls, value: Any) -> Any:
        # "ID" or " en " mean what they say; anything else is named with the three choices.
        text = value.strip().lower() if isinstance(value, str) else value
        if text not in LANGUAGES:
            raise refused(
                "setting.language",
            )
        return text

    @field_validator("terminal", "store_code")
    @classmethod
    def _printable(cls, value: str | None) -> str | None:
        if value is None:
            return None
        # The terminal names every line of the audit log, End of day and the CSVs: what a
        # manager's names refuse (a blank Unicode calls a letter, accents stacked over the
        # lines around it) would make a till nobody can tell apart, or read.
        if unprintable(value) or first_hidden(value):
            raise _unprintable()
        if stacks_marks(value):
            raise refused("field.mark_stack", limit=MARKS_PER_LETTER)
        if not value.strip():
            raise refused("field.empty")
        return value

    @field_validator("data_dir", mode="before")
    @classmethod
    def _a_folder(cls, value: Any) -> Any:
        # A number, a yes or a list in the file (`data_dir = 5`) was refused in pydantic's words,
        # "Input is not a valid path for <class 'pathlib.Path'>".
        if not isinstance(value, str | PurePath):
            raise refused("setting.folder_needed")
        text = str(value)
        if not text.strip():
            raise refused(
                "setting.folder_needed",
            )
        if unprintable(text):
            raise _unprintable()
        try:
            path = Path(text).expanduser()
        except RuntimeError:  # "~" with no home folder to stand for
            raise refused("setting.no_home") from None
        if not path.is_absolute():
            raise refused(
                "setting.not_absolute",
            )
        try:
            is_file = path.exists() and not path.is_dir()
            dangling = path.is_symlink() and not path.exists()
        except OSError:
            # unreadable here; opening the database will say what is wrong
            is_file = dangling = False
        if dangling:
            # a link to what is not there: the folder cannot be made through it, and the start
            # said it named "a file, not a folder"
            raise refused("setting.dangling_link")
        if is_file:
            raise refused("setting.not_a_folder")
        return path

    @field_validator("base_url")
    @classmethod
    def _https_unless_loopback(cls, value: str) -> str:
        not_web_address = refused("setting.not_web_address")
        if not value:
            raise not_web_address
        if len(value) > MAX_URL_LENGTH:
            raise refused("field.too_long", limit=MAX_URL_LENGTH)
        if not value.isascii() or any(ch.isspace() or not ch.isprintable() for ch in value):
            raise refused(
                "setting.address_characters",
            )
        try:
            parts = urlsplit(value)
            port = parts.port
        except ValueError:
            raise refused(
                "setting.address_invalid",
            ) from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise not_web_address
        if "@" in parts.netloc:
            # httpx would send them as Basic credentials in place of the token, and every log of
            # the URL would print the password.
            raise refused(
                "setting.address_credentials",
            )
        if "?" in value or "#" in value:
            raise refused("setting.address_query")
        if port == 0:
            raise refused("setting.address_port_zero")
        api = _API_PATH.search(parts.path)
        if api:
            # The till adds /api/v2/… itself: "https://stamps.co.id/api", as the docs' examples
            # begin, sent /api/api/v2/…, and every card a cashier scanned was "No member matches"
            # (the server's 404). A proxy's own prefix (/stamps) is still taken.
            raise refused("setting.address_api_path", path=api.group(0).rstrip("/"))
        if parts.scheme == "http" and not is_loopback_host(parts.hostname):
            raise refused(
                "setting.address_plain_http",
            )
        return value.rstrip("/")

    def effective_channel(self, *, kiosk: bool = False) -> Channel:
        """The channel to send: the setting when given, else POS (Kiosk in kiosk mode)."""
        if self.channel is not None:
            return self.channel
        return Channel.KIOSK if kiosk else Channel.POS

    @property
    def database_path(self) -> Path:
        """The till's database inside the data folder."""
        return self.till_config().database_path

    def scan_formats(self) -> ScanFormats:
        """The store's card, receipt and voucher formats (``card_prefixes`` and the rest)."""
        return ScanFormats.read(self.card_prefixes, self.invoice_prefixes, self.voucher_prefixes)

    def till_config(self, *, kiosk: bool = False) -> TillConfig:
        """What the core needs of these settings (it never reads them itself)."""
        return TillConfig(
            base_url=self.base_url,
            merchant=self.merchant,
            store=self.store,
            terminal=self.terminal,
            data_dir=self.data_dir,
            auth=self.auth,
            channel=self.effective_channel(kiosk=kiosk),
            store_code=self.store_code,
            idempotency_honoured=self.idempotency == "honoured",
            key_window_hours=self.key_window_hours,
            lanes=self.lanes,
            connect_timeout=self.connect_timeout,
            read_timeout=self.read_timeout,
            lookup_timeout=self.lookup_timeout,
            pin_timeout=self.pin_timeout,
            heartbeat=self.heartbeat,
            lease_margin=self.lease_margin,
            limits=OfflineLimits(
                member_max_age=timedelta(hours=self.offline_member_max_age_hours),
                max_stamps_per_redemption=self.offline_max_stamps_per_redemption,
                max_stamps_per_outage=self.offline_max_stamps_per_outage,
                max_redemptions_per_outage=self.offline_max_redemptions_per_outage,
                max_voucher_value=self.offline_max_voucher_value,
                allow_codes=self.offline_allow_codes,
            ),
            cache_retention_days=self.cache_retention_days,
            outbox_retention_days=self.outbox_retention_days,
            user_agent=f"{APP_NAME}/{version()}",
            retry_after_cap=self.retry_after_cap,
        )

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
        return init_settings, env_settings, _SettingsFileSource(settings_cls, toml_file)


# Set only for the duration of load_settings(), so the source above reads the file it was asked to.
_CONFIG_FILE_IN_USE: Path | None = None


def settings_from(path: Path, **overrides: Any) -> Settings:
    """The settings the file at ``path`` makes, under the environment and ``overrides``: the one
    validation of :func:`load_settings` and the window's settings dialog. Raises pydantic's
    ``ValidationError`` (each bad setting by name), or :class:`ConfigError` for a file that holds
    the token or cannot be read."""
    global _CONFIG_FILE_IN_USE
    data = read_settings_file(path)
    if "token" in data:
        raise file_refused("start.token_in_settings", path=str(path), variable=ENV_PREFIX + "TOKEN")
    previous, _CONFIG_FILE_IN_USE = _CONFIG_FILE_IN_USE, path
    try:
        return Settings(**overrides)
    finally:
        _CONFIG_FILE_IN_USE = previous


def load_settings(config_file: Path | None = None, **overrides: Any) -> Settings:
    """Read and validate the settings; raise :class:`ConfigError` naming each bad setting."""
    path = config_file or default_config_file()
    try:
        return settings_from(path, **overrides)
    except ValidationError as exc:
        # Here, not at the top: the settings file's module imports this one.
        from app.settings_file import refusals

        lines = _lines_named(exc, path)
        raise ConfigError(_describe(exc, path, lines), refusals(exc), lines=lines) from None


def _lines_named(exc: ValidationError, path: Path) -> dict[str, int]:
    """The line of ``path`` that sets each refused setting whose fix is in that line (a value
    in quotes): stderr and the window's cannot-start page name it."""
    lines = {}
    for error in exc.errors():
        name = ".".join(str(part) for part in error["loc"]) or "settings"
        line = line_of(path, name) if error["type"] == "setting.quoted" else None
        if line is not None:
            lines[name] = line
    return lines


def _describe(exc: ValidationError, path: Path, numbered: Mapping[str, int]) -> str:
    """Each setting ``exc`` refuses, where it is set, and why: in the words the window shows
    (:func:`app.settings_file.reason_for`), in English."""
    # Here, not at the top: the settings file's module imports this one.
    from app.settings_file import reason_for

    lines = []
    for error in exc.errors():
        name = ".".join(str(part) for part in error["loc"]) or "settings"
        why = english(reason_for(name, error))
        where = f"{ENV_PREFIX}{name.upper()} or '{name}' in {path}"
        if error["type"] == "setting.quoted":
            line = numbered.get(name)
            place = f"{path}, line {line}" if line else str(path)
            lines.append(f"setting '{name}' ({place}): {why}")
        elif error["type"] == "missing":
            lines.append(f"setting '{name}' is required: set {where}")  # says what to do
        elif error["type"] == "extra_forbidden":
            lines.append(f"'{name}' in {path}: {why}")
        elif _in_the_environment(f"{ENV_PREFIX}{name.upper()}"):
            # "STAMPS_POS_MERCHANT or 'merchant' in …": the manager opened the file, found
            # merchant = 14 there, and was left to guess that a unit's variable said "14x".
            lines.append(
                f"setting '{name}' (from {ENV_PREFIX}{name.upper()}, which overrides '{name}' "
                f"in {path}): {why}"
            )
        else:
            lines.append(f"setting '{name}' ({where}): {why}")
    if any(error["type"] == "missing" for error in exc.errors()) and not path.exists():
        # A --config typed wrong read "'merchant' is required … in pos.toml", and the manager
        # opened a file that had it: say the file the till read is not there.
        lines.append(f"the settings file {path} does not exist")
    return "\n".join(lines)


def _in_the_environment(variable: str) -> bool:
    """Whether ``variable`` is set, as the settings read it: whatever its letters' case."""
    return any(key.upper() == variable for key in os.environ)


def line_of(path: Path, name: str) -> int | None:
    """The number of the line that sets ``name`` in the settings file at ``path`` (the flat keys
    before any table, where settings live), or ``None``. TOML's reader does not say."""
    key = re.compile(rf"""\s*(?:{re.escape(name)}|"{re.escape(name)}"|'{re.escape(name)}')\s*=""")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("["):
            return None
        if key.match(line):
            return number
    return None
