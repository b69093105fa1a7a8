"""An audit line in the window's words (app/ui/controllers/audit_words.py): what the core wrote
in its own English, as Python values or as UTC stamps reads, in Bahasa Indonesia, as words."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QCoreApplication

from app.core.services import AuditLine
from app.ui.controllers import audit_words
from app.ui.controllers.audit_words import audit_row

from ...support.languages import speaking

#: The till's Stamps server, over https as a till's should be.
BASE_URL = "https://stamps.co.id"

#: Audit lines as the till writes them (app/core), and English a record holds that must not
#: reach an Indonesian screen: keys, the till's own reasons, Python's dicts, lists and stamps.
AUDITED = [
    ("manager_added", {"name": "Wayan", "pin": True, "first": True}, ["first"]),
    ("sign_in_failed", {"role": "cashier", "reason": "no such account"}, ["account"]),
    ("sign_in_failed", {"role": "cashier", "reason": "account disabled"}, ["disabled"]),
    ("sign_in_failed", {"role": "cashier", "reason": "no PIN typed"}, ["typed"]),
    ("sign_in_failed", {"role": "manager", "reason": "not a name"}, ["not a name"]),
    ("sign_in_locked", {"role": "manager", "reason": "locked"}, ["locked"]),
    (
        "sign_in_failed",
        {"role": "manager", "reason": "wrong PIN", "locked_until": "2026-12-01T06:45:00+00:00"},
        ["locked_until", "2026-12-01T"],
    ),
    ("manager_mode_left", {"reason": "idle"}, ["idle"]),
    ("manager_mode_left", {"reason": "another manager signed in"}, ["another"]),
    ("manager_mode_left", {"reason": "back to the kiosk"}, ["back"]),
    ("manager_mode_left", {"reason": "command finished"}, ["command"]),
    ("settings_changed", {"settings": ["lanes", "language"]}, ["['", "changed"]),
    ("cashiers_imported", {"added": ["Dewi", "Rina"], "skipped": 1}, ["['"]),
    ("paused", {"reason": "CredentialsRejected: 401 Unauthorized"}, ["CredentialsRejected"]),
    ("resumed", {"reason": "CredentialsRejected: 401 Unauthorized"}, ["CredentialsRejected"]),
    (
        "late_result_discarded",
        {"outcome": "never_arrived", "error": "ConnectionFailed: could not reach (x)"},
        ["never_arrived", "ConnectionFailed"],
    ),
    ("imported", {"from": "till-3.json", "status": "queued"}, ["queued"]),
    ("voided: offline policy", {}, ["offline policy"]),
    ("handed_over", {"reference": "K-7Q2M"}, []),
    (
        "shift_closed",
        {"shift": 7, "opened_at": "2026-12-01T01:00:00+00:00"},
        ["closed", "opened", "2026-12-01T"],
    ),
]


@pytest.mark.usefixtures("in_jakarta")
@pytest.mark.parametrize(
    ("action", "detail", "english"),
    AUDITED,
    ids=[f"{a}-{i}" for i, (a, _, _) in enumerate(AUDITED)],
)
def test_in_indonesian_an_audit_line_reads_as_words(
    action: str, detail: dict[str, object], english: list[str]
) -> None:
    line = AuditLine(
        datetime(2026, 12, 1, 6, 40, tzinfo=UTC), "Wayan", action, "till-1", None, detail
    )
    in_english = audit_row(line, base_url=BASE_URL).cells
    with speaking("id"):
        said = audit_row(line, base_url=BASE_URL).cells
    shown = f"{said[2]}  {said[5]}"
    assert not [word for word in english if word in shown], shown
    for python in ("{", "[", "['", "None", "True", "False"):
        assert python not in f"{in_english[2]}  {in_english[5]}" and python not in shown
    if "locked_until" in detail:
        assert "1 Des 13.45" in shown  # the till's local time, in the window's locale
    if "opened_at" in detail:
        assert "1 Des 08.00" in shown


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_pause_for_a_server_asking_for_https_reads_as_that(language: str) -> None:
    # Over plain http the server answers 403 "Please use https instead of http": the audit line
    # says what it said and the address to set, as the paused banner does, not a refused token.
    reason = "CredentialsRejected: Please use https instead of http"
    line = AuditLine(
        datetime(2026, 12, 1, 6, 40, tzinfo=UTC),
        "till",
        "paused",
        "till-1",
        None,
        {"reason": reason},
    )
    with speaking(language):
        shown = audit_row(line, base_url="http://127.0.0.1:8000").cells[5]
        token = audit_row(line, base_url="https://stamps.co.id").cells[5]
    assert "Please use https instead of http" in shown and "https://127.0.0.1" in shown
    refused_token = {"en": "refuses this till's API token", "id": "menolak token API"}[language]
    assert refused_token not in shown
    assert "http biasa" in shown if language == "id" else "plain http" in shown
    # over https the server's words are quoted beside the token it refuses
    assert "Please use https instead of http" in token and refused_token in token


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_failure_nested_in_the_details_names_https_as_everywhere_else(language: str) -> None:
    # The same 403 one level down (a detail holding a dictionary: an attempt, a retry's answer)
    # read as a refused token: a manager would replace a token that works.
    said = "CredentialsRejected: Please use https instead of http"
    line = AuditLine(
        datetime(2026, 12, 1, 6, 40, tzinfo=UTC),
        "till",
        "late_result_discarded",
        "till-1",
        None,
        {"outcome": "rejected", "attempt": {"error": said}},
    )
    with speaking(language):
        shown = audit_row(line, base_url="http://127.0.0.1:8000").cells[5]
    assert "Please use https instead of http" in shown and "https://127.0.0.1" in shown
    refused_token = {"en": "refuses this till's API token", "id": "menolak token API"}[language]
    assert refused_token not in shown
    assert "http biasa" in shown if language == "id" else "plain http" in shown


def test_changed_settings_are_named_by_the_labels_the_manager_saved_them_under() -> None:
    # Seen under Xvfb: "settings: cache_retention_days, idle_lock_minutes", the settings file's
    # keys, where the dialog the manager had just saved said "Forget members not seen for (days)".
    line = AuditLine(
        datetime(2026, 12, 1, 6, 40, tzinfo=UTC),
        "Wayan",
        "settings_changed",
        "till-1",
        None,
        {"settings": ["cache_retention_days", "idle_lock_minutes", "token"]},
    )
    assert audit_row(line, base_url=BASE_URL).cells[5] == (
        "settings: Forget members not seen for (days), Lock after this many idle minutes, API token"
    )
    with speaking("id"):
        assert audit_row(line, base_url=BASE_URL).cells[5] == (
            "pengaturan: Lupakan member yang tidak muncul selama (hari), "
            "Kunci setelah menganggur sekian menit, Token API"
        )


class CountedTranslations:
    """``QCoreApplication`` as audit_words sees it, counting the words it translates."""

    calls = 0

    @classmethod
    def translate(cls, context: str, text: str, *args: object) -> str:
        cls.calls += 1
        return QCoreApplication.translate(context, text, *args)


def test_a_page_of_audit_lines_is_worded_without_translating_every_word_for_each_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A page is 5,000 lines: each one translated every action's and detail's words again,
    # some 300,000 look-ups and 0.4 s of the GUI thread.
    monkeypatch.setattr(audit_words, "QCoreApplication", CountedTranslations)
    at = datetime(2026, 12, 1, 6, 45, tzinfo=UTC)
    line = AuditLine(at, "Wayan", "sign_in", "till-1", None, {"role": "manager"})
    with speaking("id"):
        rows = [audit_row(line, base_url=BASE_URL) for _ in range(1000)]
    assert CountedTranslations.calls < 1000
    assert {row.cells[2] for row in rows} == {"masuk"}
    assert {row.cells[5] for row in rows} == {"peran: manajer"}
    # words made in one language are not said in another
    assert audit_row(line, base_url=BASE_URL).cells[2] == "signed in"


def test_a_resume_says_what_it_was_paused_for_not_a_reason_to_resume() -> None:
    # Seen under Xvfb: a wrong token saved and the right one saved back; the audit log read
    # "sync resumed — reason: The Stamps server refuses this till's API token … sync waits for a
    # new token", as if it resumed because the token was refused.
    detail = {"reason": "CredentialsRejected: 401 Unauthorized"}
    at = datetime(2026, 12, 1, 6, 40, tzinfo=UTC)
    resumed = audit_row(AuditLine(at, "till", "resumed", "till-1", None, detail), base_url=BASE_URL)
    paused = audit_row(AuditLine(at, "till", "paused", "till-1", None, detail), base_url=BASE_URL)
    assert paused.cells[5].startswith("reason: ")
    assert resumed.cells[5].startswith("it was paused for: ")
    assert resumed.cells[5].removeprefix("it was paused for: ") == paused.cells[5].removeprefix(
        "reason: "
    )


@pytest.mark.parametrize(
    ("who", "in_indonesian"),
    [("till", "mesin kasir"), ("sync", "sinkronisasi"), ("settings", "pengaturan")],
)
def test_the_till_s_own_parts_are_named_in_the_window_s_language(
    who: str, in_indonesian: str
) -> None:
    # Seen under Xvfb in Indonesian: "till" stood under "Siapa" beside "sinkronisasi berjalan
    # lagi", the one English word of the audit page. People keep their names.
    line = AuditLine(datetime(2026, 12, 1, 6, 40, tzinfo=UTC), who, "resumed", "till-1", None)
    assert audit_row(line, base_url=BASE_URL).cells[1] == who
    with speaking("id"):
        assert audit_row(line, base_url=BASE_URL).cells[1] == in_indonesian
        person = AuditLine(line.at, "Wayan", "sign_in", "till-1", None, {"role": "manager"})
        assert audit_row(person, base_url=BASE_URL).cells[1] == "Wayan"


def test_every_action_the_till_records_has_the_window_s_words() -> None:
    # ``stamps-pos audit --action`` takes these, and only these: the window words each one.
    from app.core.services import AUDIT_ACTIONS

    assert set(audit_words._action_names()) == set(AUDIT_ACTIONS)
