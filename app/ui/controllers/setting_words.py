"""The settings in the manager's words: each setting's group, label and help, as the settings
dialog shows them and the audit log names the settings a manager changed (the file's keys,
``cache_retention_days``, are the till's, not the manager's)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication


def setting_groups() -> dict[str, str]:
    """The settings dialog's tabs, by the group's key."""
    return {
        "server": QCoreApplication.translate("SettingsController", "Server"),
        "till": QCoreApplication.translate("SettingsController", "Till"),
        "offline": QCoreApplication.translate("SettingsController", "Offline limits"),
        "scanner": QCoreApplication.translate("SettingsController", "Scanner"),
        "other": QCoreApplication.translate("SettingsController", "Other"),
    }


def setting_labels() -> dict[str, tuple[str, str, str]]:
    """(group, label, help) by setting; a setting not listed shows under "Other" by its name."""
    return {
        "base_url": (
            "server",
            QCoreApplication.translate("SettingsController", "Server URL"),
            QCoreApplication.translate(
                "SettingsController", "https://, or http:// for this computer."
            ),
        ),
        "auth": (
            "server",
            QCoreApplication.translate("SettingsController", "How the token is sent"),
            "",
        ),
        "merchant": ("server", QCoreApplication.translate("SettingsController", "Merchant id"), ""),
        "store": ("server", QCoreApplication.translate("SettingsController", "Store id"), ""),
        "store_code": (
            "server",
            QCoreApplication.translate("SettingsController", "Store code"),
            QCoreApplication.translate(
                "SettingsController",
                "As the member's activity names the store: needed to prove a lost answer.",
            ),
        ),
        "channel": ("server", QCoreApplication.translate("SettingsController", "Channel"), ""),
        "idempotency": (
            "server",
            QCoreApplication.translate(
                "SettingsController", "Does the server honour Idempotency-Key?"
            ),
            QCoreApplication.translate(
                "SettingsController", "Only “honoured” when the server's operator says so."
            ),
        ),
        "key_window_hours": (
            "server",
            QCoreApplication.translate("SettingsController", "Idempotency key window (hours)"),
            "",
        ),
        "connect_timeout": (
            "server",
            QCoreApplication.translate("SettingsController", "Connect timeout (s)"),
            "",
        ),
        "read_timeout": (
            "server",
            QCoreApplication.translate("SettingsController", "Read timeout (s)"),
            "",
        ),
        "lookup_timeout": (
            "server",
            QCoreApplication.translate("SettingsController", "Member lookup waits (s)"),
            QCoreApplication.translate(
                "SettingsController", "Then the till shows its own copy of the member."
            ),
        ),
        "heartbeat": (
            "server",
            QCoreApplication.translate("SettingsController", "Check a quiet line every (s)"),
            QCoreApplication.translate(
                "SettingsController",
                "0: never. Without an answer for this long, the till asks the server itself.",
            ),
        ),
        "retry_after_cap": (
            "server",
            QCoreApplication.translate("SettingsController", "Longest Retry-After waited (s)"),
            "",
        ),
        "lease_margin": (
            "server",
            QCoreApplication.translate("SettingsController", "Lease margin (s)"),
            "",
        ),
        "lanes": (
            "server",
            QCoreApplication.translate("SettingsController", "Members sent at once"),
            "",
        ),
        "pin_timeout": (
            "server",
            QCoreApplication.translate("SettingsController", "PIN authorisation lasts (s)"),
            "",
        ),
        "terminal": ("till", QCoreApplication.translate("SettingsController", "Terminal name"), ""),
        "data_dir": ("till", QCoreApplication.translate("SettingsController", "Data folder"), ""),
        "idle_lock_minutes": (
            "till",
            QCoreApplication.translate("SettingsController", "Lock after this many idle minutes"),
            QCoreApplication.translate("SettingsController", "0: never."),
        ),
        "language": ("till", QCoreApplication.translate("SettingsController", "Language"), ""),
        "cache_retention_days": (
            "till",
            QCoreApplication.translate("SettingsController", "Forget members not seen for (days)"),
            QCoreApplication.translate(
                "SettingsController", "Data retention: cached members are purged after this."
            ),
        ),
        "outbox_retention_days": (
            "till",
            QCoreApplication.translate(
                "SettingsController", "Keep settled redemptions and the audit log for (days)"
            ),
            QCoreApplication.translate(
                "SettingsController",
                "At least 90. Nothing still waiting for the server or a manager is ever removed.",
            ),
        ),
        "offline_member_max_age_hours": (
            "offline",
            QCoreApplication.translate(
                "SettingsController", "A member read at most this long ago (hours)"
            ),
            "",
        ),
        "offline_max_stamps_per_redemption": (
            "offline",
            QCoreApplication.translate("SettingsController", "Most stamps in one redemption"),
            # 0 refuses every reward offline (policy.py: a cost above the limit): a choice a
            # store may make, which the field took without a word.
            QCoreApplication.translate(
                "SettingsController",
                "0: no reward is redeemed offline (vouchers have their own limit).",
            ),
        ),
        "offline_max_stamps_per_outage": (
            "offline",
            QCoreApplication.translate("SettingsController", "Most stamps in one outage"),
            QCoreApplication.translate("SettingsController", "0: no reward is redeemed offline."),
        ),
        "offline_max_redemptions_per_outage": (
            "offline",
            QCoreApplication.translate("SettingsController", "Most redemptions in one outage"),
            # vouchers are held to their own limits, not the outage's (policy.py)
            QCoreApplication.translate(
                "SettingsController", "0: no reward or code is redeemed offline."
            ),
        ),
        "offline_max_voucher_value": (
            "offline",
            QCoreApplication.translate("SettingsController", "Most a voucher may be worth (Rp)"),
            QCoreApplication.translate(
                "SettingsController", "0: only vouchers with no rupiah value are used offline."
            ),
        ),
        "offline_allow_codes": (
            "offline",
            QCoreApplication.translate(
                "SettingsController", "Take voucher and promo codes offline"
            ),
            "",
        ),
        "scanner_prefix": (
            "scanner",
            QCoreApplication.translate("SettingsController", "What the scanner sends first"),
            QCoreApplication.translate(
                "SettingsController", "Empty when it sends nothing before a code."
            ),
        ),
        "scanner_terminator": (
            "scanner",
            QCoreApplication.translate("SettingsController", "Key that ends a scan"),
            "",
        ),
        "scanner_pace_ms": (
            "scanner",
            QCoreApplication.translate("SettingsController", "Scanner speed (ms a key at most)"),
            QCoreApplication.translate(
                "SettingsController", "People type at 35 ms a key and slower."
            ),
        ),
        "card_prefixes": (
            "scanner",
            QCoreApplication.translate("SettingsController", "Member cards begin with"),
            QCoreApplication.translate(
                "SettingsController",
                "Prefixes split by commas (KR, 7014): scanned anywhere, or typed as a voucher "
                "code, it is looked up as a member. Empty: no rule.",
            ),
        ),
        "invoice_prefixes": (
            "scanner",
            QCoreApplication.translate("SettingsController", "Receipt numbers begin with"),
            QCoreApplication.translate(
                "SettingsController",
                "Prefixes split by commas (INV-): scanned anywhere, it goes into the invoice "
                "number. Empty: no rule.",
            ),
        ),
        "voucher_prefixes": (
            "scanner",
            QCoreApplication.translate("SettingsController", "Voucher codes begin with"),
            QCoreApplication.translate(
                "SettingsController",
                "Prefixes split by commas (RINDANG-): scanned or typed, it is the voucher code of "
                "the member on screen, or waits for the member. Where two rules match, the "
                "longer prefix wins. Empty: no rule.",
            ),
        ),
    }


def setting_names(names: Iterable[str]) -> str:
    """Settings named by their keys, as the dialog labels them (the token too; a key the
    dialog does not know, by itself)."""
    labels = {name: label for name, (_group, label, _help) in setting_labels().items()}
    labels["token"] = QCoreApplication.translate("SettingsDialog", "API token")
    return ", ".join(labels.get(name, name) for name in names)
