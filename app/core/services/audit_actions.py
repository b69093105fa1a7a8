"""The actions the till records in its audit log, as stored: a module of their own, so that
the command line's parser (``audit --action``, its help) names them without loading the
storage's libraries (the window's first frame is painted before those load)."""

from __future__ import annotations

#: Every action the till records in its audit log, as stored: a filter for another (``audit
#: --action cancle``) is the caller's mistake, which matched nothing and read as "nothing was
#: done". The window words each one (``app/ui/controllers/audit_words.py``).
AUDIT_ACTIONS = (
    "cancel",
    "cancel_by_server_id",
    "cashier_added",
    "cashier_disabled",
    "cashier_enabled",
    "cashier_pin_removed",
    "cashier_pin_set",
    "cashier_renamed",
    "cashiers_imported",
    "csv_exported",
    "dismiss",
    "handed_over",
    "imported",
    "kiosk_left",
    "late_result_discarded",
    "manager_added",
    "manager_disabled",
    "manager_enabled",
    "manager_mode_left",
    "manager_pin_set",
    "manager_renamed",
    "mark_applied",
    "paused",
    "reconciled",
    "resumed",
    "retry",
    "settings_changed",
    "shift_closed",
    "sign_in",
    "sign_in_failed",
    "sign_in_locked",
    "void",
    "voided: offline policy",
)
