"""How a window runs, beside the till's own configuration: whether it may ask for the first
manager, the accounts a throwaway till starts with, the idle lock and the scanner, and the
settings file a manager may change (``stamps-pos gui`` and ``demo`` build it)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # pydantic's: loaded with the settings, after the window's first frame
    from app.config import Settings
    from app.core.services import Secret, TokenSource
    from app.settings_file import SettingsFile


@dataclass(frozen=True)
class StaffSeed:
    """The accounts a throwaway till starts with (the demo's): its first manager with their PIN,
    and cashiers, each with a PIN or none. Planted only on a database without a manager."""

    manager: str
    manager_pin: Secret
    cashiers: tuple[tuple[str, Secret | None], ...] = ()


@dataclass(frozen=True)
class WindowOptions:
    """``ask_first_manager``: a real start, which sets up the first manager when there is none
    (the demo, the screenshots and the tests never ask); ``ask_about_damage``: a damaged
    database waits for a manager's decision in the window (else it is refused). ``settings``
    and ``settings_file`` let a manager change the settings; ``token_folder`` is where
    ``stamps-pos token set`` keeps the token (the dialog keeps it there too), ``token_source``
    reads it from there."""

    ask_first_manager: bool = False
    ask_about_damage: bool = False
    seed: StaffSeed | None = None
    idle_lock_minutes: int = 10
    scanner_prefix: str = ""
    scanner_terminator: Literal["enter", "tab", "either"] = "either"
    scanner_pace_ms: int = 32
    card_prefixes: str = ""
    invoice_prefixes: str = ""
    voucher_prefixes: str = ""
    settings: Settings | None = None
    settings_file: SettingsFile | None = None
    token_folder: Path | None = None
    token_source: TokenSource | None = None

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        settings_file: SettingsFile | None,
        *,
        token_folder: Path | None = None,
        token_source: TokenSource | None = None,
        ask_first_manager: bool = False,
        ask_about_damage: bool = False,
        seed: StaffSeed | None = None,
    ) -> WindowOptions:
        """The window's options from the till's settings."""
        return cls(
            ask_first_manager=ask_first_manager,
            ask_about_damage=ask_about_damage,
            seed=seed,
            idle_lock_minutes=settings.idle_lock_minutes,
            scanner_prefix=settings.scanner_prefix,
            scanner_terminator=settings.scanner_terminator,
            scanner_pace_ms=settings.scanner_pace_ms,
            card_prefixes=settings.card_prefixes,
            invoice_prefixes=settings.invoice_prefixes,
            voucher_prefixes=settings.voucher_prefixes,
            settings=settings,
            settings_file=settings_file,
            token_folder=token_folder,
            token_source=token_source,
        )
