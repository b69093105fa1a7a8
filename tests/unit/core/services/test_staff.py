"""Managers and cashiers: accounts, sign-in with a PIN, the lockout, and the audit trail."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from app.core.clock import ManualClock
from app.core.credentials import Secret
from app.core.services.fields import FieldRefused
from app.core.services.staff import (
    AccountDisabled,
    AccountExists,
    LastManager,
    LockedOut,
    ManagersExist,
    NoSuchAccount,
    NotAPin,
    PinNeeded,
    Role,
    Staff,
    StaffRefused,
    WrongPin,
    read_cashiers_file,
)
from app.core.storage import AuditEvent
from app.core.storage.problems import disk_full
from app.core.storage.shift_log import ShiftLog

from .conftest import TERMINAL, StaffFactory

MGR_PIN = Secret("246810")
CASHIER_PIN = Secret("2580")


async def audit_actions(staff: Staff) -> list[tuple[str, str]]:
    rows = await staff.db.read(
        lambda s: list(s.execute(sa.select(AuditEvent).order_by(sa.column("id"))).scalars())
    )
    assert all(r.terminal == TERMINAL for r in rows)
    return [(r.who, r.action) for r in rows]


async def five_wrong_pins(staff: Staff, role: Role, name: str) -> None:
    """Five wrong PINs in a row for ``name``: the account locks."""
    for _ in range(5):
        with pytest.raises(StaffRefused):
            await staff.sign_in(role, name, Secret("000001" if role is Role.MANAGER else "9999"))


async def test_the_first_manager_needs_no_manager_and_there_is_only_one_first(
    staff: Staff,
) -> None:
    assert not await staff.has_manager()
    account = await staff.add_first_manager("  Ayu  ", MGR_PIN)
    assert (account.name, account.role, account.has_pin) == ("Ayu", Role.MANAGER, True)
    assert await staff.has_manager()
    with pytest.raises(ManagersExist):
        await staff.add_first_manager("Budi", Secret("135790"))
    assert await staff.names(Role.MANAGER) == ["Ayu"]
    assert await audit_actions(staff) == [("Ayu", "manager_added")]


async def test_a_manager_signs_in_with_their_pin_and_it_is_audited(staff: Staff) -> None:
    await staff.add_first_manager("Ayu", MGR_PIN)
    account = await staff.sign_in(Role.MANAGER, "ayu", Secret("246810"))
    assert account.name == "Ayu"
    with pytest.raises(WrongPin) as wrong:
        await staff.sign_in(Role.MANAGER, "Ayu", Secret("246811"))
    assert wrong.value.attempts_left == 4
    assert "246811" not in wrong.value.message
    with pytest.raises(NoSuchAccount, match="no manager named Budi"):
        await staff.sign_in(Role.MANAGER, "Budi", MGR_PIN)
    with pytest.raises(NoSuchAccount):
        await staff.sign_in(Role.MANAGER, "246810", MGR_PIN)  # a PIN typed as the name
    assert await audit_actions(staff) == [
        ("Ayu", "manager_added"),
        ("Ayu", "sign_in"),
        ("Ayu", "sign_in_failed"),
        ("Budi", "sign_in_failed"),
        ("?", "sign_in_failed"),
    ]
    details = await staff.db.read(
        lambda s: [r.detail for r in s.execute(sa.select(AuditEvent)).scalars()]
    )
    assert "246810" not in str(details) and "246811" not in str(details)


async def test_five_wrong_pins_lock_the_account_for_five_minutes_across_a_restart(
    open_staff: StaffFactory, clock: ManualClock
) -> None:
    staff = await open_staff()
    await staff.add_first_manager("Ayu", MGR_PIN)
    for left in (4, 3, 2):
        with pytest.raises(WrongPin) as wrong:
            await staff.sign_in(Role.MANAGER, "Ayu", Secret("000001"))
        assert wrong.value.attempts_left == left
    restarted = await open_staff()  # the count survives a restart
    with pytest.raises(WrongPin) as wrong:
        await restarted.sign_in(Role.MANAGER, "Ayu", Secret("000001"))
    assert wrong.value.attempts_left == 1
    with pytest.raises(LockedOut) as locked:
        await restarted.sign_in(Role.MANAGER, "Ayu", Secret("000001"))
    assert locked.value.until == clock.now() + timedelta(minutes=5)
    assert "try again in 5 minutes." in locked.value.message

    clock.advance(4 * 60 + 59)
    again = await open_staff()  # so does the lock
    with pytest.raises(LockedOut, match=r"in 1 minute\.$"):
        await again.sign_in(Role.MANAGER, "Ayu", MGR_PIN)  # even the right PIN
    clock.advance(1)
    assert (await again.sign_in(Role.MANAGER, "Ayu", MGR_PIN)).name == "Ayu"
    actions = [action for _, action in await audit_actions(again)]
    assert actions == ["manager_added", *["sign_in_failed"] * 5, "sign_in_locked", "sign_in"]


def full_disk(staff: Staff, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every write refused, as the writer refuses one on a full disk."""

    async def refused(*_: object, **__: object) -> object:
        raise disk_full(staff.db.path)

    monkeypatch.setattr(staff.db, "_write", refused)


async def test_on_a_full_disk_a_manager_still_signs_in_to_read_and_wrong_pins_still_lock(
    staff: Staff, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    await staff.add_first_manager("Ayu", MGR_PIN)
    await staff.add("Ayu", Role.CASHIER, "Rina", None)
    full_disk(staff, monkeypatch)
    # the day the disk fills a manager needs History, the audit log and End of day most
    assert (await staff.sign_in(Role.MANAGER, "Ayu", MGR_PIN)).name == "Ayu"
    assert (await staff.sign_in(Role.CASHIER, "Rina", None)).name == "Rina"
    with pytest.raises(NoSuchAccount):  # a refusal is still the refusal, not "disk full"
        await staff.sign_in(Role.MANAGER, "Budi", MGR_PIN)
    for left in (4, 3, 2, 1):  # counted without the disk: a full disk is no way round the lock
        with pytest.raises(WrongPin) as wrong:
            await staff.sign_in(Role.MANAGER, "Ayu", Secret("000001"))
        assert wrong.value.attempts_left == left
    with pytest.raises(LockedOut):
        await staff.sign_in(Role.MANAGER, "Ayu", Secret("000001"))
    with pytest.raises(LockedOut):
        await staff.sign_in(Role.MANAGER, "Ayu", MGR_PIN)  # even the right PIN
    clock.advance(5 * 60)
    assert (await staff.sign_in(Role.MANAGER, "Ayu", MGR_PIN)).name == "Ayu"
    # nothing of it could be written: the audit log is as the disk left it
    assert await audit_actions(staff) == [("Ayu", "manager_added"), ("Ayu", "cashier_added")]


async def test_wrong_pins_a_full_disk_would_not_count_still_lock_after_a_restart(
    open_staff: StaffFactory, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Counted in memory alone, closing the window and starting it again gave a guesser five
    # more tries each time, and forgot the lock earned.
    staff = await open_staff()
    await staff.add_first_manager("Ayu", MGR_PIN)
    assert (await staff.sign_in(Role.MANAGER, "Ayu", MGR_PIN)).name == "Ayu"
    full_disk(staff, monkeypatch)
    for left in (4, 3):
        with pytest.raises(WrongPin) as wrong:
            await staff.sign_in(Role.MANAGER, "Ayu", Secret("000001"))
        assert wrong.value.attempts_left == left
    again = await open_staff()  # a restart, the disk still full
    full_disk(again, monkeypatch)
    for left in (2, 1):
        with pytest.raises(WrongPin) as wrong:
            await again.sign_in(Role.MANAGER, "Ayu", Secret("000002"))
        assert wrong.value.attempts_left == left
    with pytest.raises(LockedOut):
        await again.sign_in(Role.MANAGER, "Ayu", Secret("000003"))
    third = await open_staff()  # and again: the lock holds, whether the disk is full or not
    with pytest.raises(LockedOut, match=r"in 5 minutes\.$"):
        await third.sign_in(Role.MANAGER, "Ayu", MGR_PIN)
    full_disk(third, monkeypatch)
    with pytest.raises(LockedOut):
        await third.sign_in(Role.MANAGER, "Ayu", MGR_PIN)
    clock.advance(5 * 60)
    assert (await third.sign_in(Role.MANAGER, "Ayu", MGR_PIN)).name == "Ayu"


async def test_two_processes_on_a_full_disk_count_wrong_pins_together(
    open_staff: StaffFactory, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The window and a command on one database each kept the counts they read at their first
    # sign-in and overwrote the file with them: each erased the other's wrong PINs.
    window = await open_staff()
    await window.add_first_manager("Ayu", MGR_PIN)
    await window.add("Ayu", Role.MANAGER, "Wayan", Secret("135790"))
    command = await open_staff()
    full_disk(window, monkeypatch)
    full_disk(command, monkeypatch)
    with pytest.raises(WrongPin):
        await command.sign_in(Role.MANAGER, "Wayan", Secret("000001"))
    for guesser, left in ((window, 4), (command, 3), (window, 2), (command, 1)):
        with pytest.raises(WrongPin) as wrong:
            await guesser.sign_in(Role.MANAGER, "Ayu", Secret("000001"))
        assert wrong.value.attempts_left == left
    with pytest.raises(LockedOut):  # the fifth, whichever process it is typed at
        await window.sign_in(Role.MANAGER, "Ayu", Secret("000001"))
    with pytest.raises(WrongPin) as wrong:  # the other's counts are not written over
        await command.sign_in(Role.MANAGER, "Wayan", Secret("000001"))
    assert wrong.value.attempts_left == 3
    restarted = await open_staff()  # nor the lock the window earned
    full_disk(restarted, monkeypatch)
    with pytest.raises(LockedOut):
        await restarted.sign_in(Role.MANAGER, "Ayu", MGR_PIN)


async def test_wrong_pins_the_held_file_refuses_still_lock_in_memory(
    staff: Staff, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A copy-on-write disk, full: the file was made but takes no write. Each sign-in reading the
    # file afresh must not read the counts it could not take back to nothing.
    await staff.add_first_manager("Ayu", MGR_PIN)
    assert (await staff.sign_in(Role.MANAGER, "Ayu", MGR_PIN)).name == "Ayu"  # the file made
    full_disk(staff, monkeypatch)
    monkeypatch.setattr("app.core.services.held_counts._write", lambda _fd, _counts: False)
    for left in (4, 3, 2, 1):
        with pytest.raises(WrongPin) as wrong:
            await staff.sign_in(Role.MANAGER, "Ayu", Secret("000001"))
        assert wrong.value.attempts_left == left
    with pytest.raises(LockedOut):
        await staff.sign_in(Role.MANAGER, "Ayu", Secret("000001"))


async def test_what_cannot_be_a_pin_is_refused_as_such_without_costing_an_attempt(
    staff: Staff,
) -> None:
    # 10,000 letters pasted into manager sign-in's PIN field counted as a wrong PIN (seen under
    # Xvfb): five such pastes locked the manager out.
    await staff.add_first_manager("Ayu", MGR_PIN)
    for typed in ("a" * 10_000, "abcdef", "2468１０x", "246810246"):
        with pytest.raises(NotAPin, match="digits only"):
            await staff.sign_in(Role.MANAGER, "Ayu", Secret(typed))
    with pytest.raises(WrongPin) as wrong:
        await staff.sign_in(Role.MANAGER, "Ayu", Secret("000001"))
    assert wrong.value.attempts_left == 4
    assert (await staff.sign_in(Role.MANAGER, "Ayu", Secret("２４６８１０"))).name == "Ayu"
    rows = await staff.db.read(lambda s: list(s.execute(sa.select(AuditEvent)).scalars()))
    assert [(r.detail or {}).get("reason") for r in rows].count("not a PIN") == 4


async def test_a_pin_of_a_length_no_pin_of_the_role_has_costs_no_attempt_and_says_the_lengths(
    staff: Staff,
) -> None:
    # Five digits typed at manager sign-in counted as a wrong PIN ("4 more wrong PINs lock…"),
    # though no manager's PIN has five: a slip of a finger, not a guess.
    await staff.add_first_manager("Ayu", MGR_PIN)
    await staff.add("Ayu", Role.CASHIER, "Rina", CASHIER_PIN)
    for typed in ("24681", "2", "２４６８１"):
        with pytest.raises(NotAPin, match=r"^A manager's PIN has 6 to 8 digits\."):
            await staff.sign_in(Role.MANAGER, "Ayu", Secret(typed))
    with pytest.raises(NotAPin, match=r"^A cashier's PIN has 4 to 8 digits\."):
        await staff.sign_in(Role.CASHIER, "Rina", Secret("258"))
    # every length a PIN of the role may have is checked and counted: no guess escapes the lock
    for left, typed in ((4, "00000001"), (3, "0000001"), (2, "000001")):
        with pytest.raises(WrongPin) as wrong:
            await staff.sign_in(Role.MANAGER, "Ayu", Secret(typed))
        assert wrong.value.attempts_left == left
    with pytest.raises(WrongPin):
        await staff.sign_in(Role.CASHIER, "Rina", Secret("2468"))
    # once locked, a short PIN says the lock, as any PIN does: nothing to learn past it
    await five_wrong_pins(staff, Role.MANAGER, "Ayu")
    with pytest.raises(LockedOut):
        await staff.sign_in(Role.MANAGER, "Ayu", Secret("24681"))
    rows = await staff.db.read(lambda s: list(s.execute(sa.select(AuditEvent)).scalars()))
    reasons = [(r.detail or {}).get("reason") for r in rows]
    assert reasons.count("not a PIN of this length") == 4
    assert "24681" not in str([r.detail for r in rows])


async def test_after_a_lock_runs_out_the_count_starts_again(
    staff: Staff, clock: ManualClock
) -> None:
    await staff.add_first_manager("Ayu", MGR_PIN)
    await five_wrong_pins(staff, Role.MANAGER, "Ayu")
    clock.advance(5 * 60)
    with pytest.raises(WrongPin) as wrong:
        await staff.sign_in(Role.MANAGER, "Ayu", Secret("000001"))
    assert wrong.value.attempts_left == 4


async def test_a_clock_moved_back_does_not_lock_a_manager_out_for_longer_than_a_lock(
    staff: Staff, clock: ManualClock
) -> None:
    await staff.add_first_manager("Ayu", MGR_PIN)
    await five_wrong_pins(staff, Role.MANAGER, "Ayu")
    clock.set_wall(clock.now() - timedelta(hours=2))  # a cashier "fixes" the clock
    with pytest.raises(LockedOut) as locked:
        await staff.sign_in(Role.MANAGER, "Ayu", MGR_PIN)
    assert "try again in 5 minutes." in locked.value.message  # not 125
    clock.advance(5 * 60)
    assert (await staff.sign_in(Role.MANAGER, "Ayu", MGR_PIN)).name == "Ayu"


async def test_a_success_resets_the_count(staff: Staff) -> None:
    await staff.add_first_manager("Ayu", MGR_PIN)
    for _ in range(4):
        with pytest.raises(WrongPin):
            await staff.sign_in(Role.MANAGER, "Ayu", Secret("000001"))
    await staff.sign_in(Role.MANAGER, "Ayu", MGR_PIN)
    with pytest.raises(WrongPin) as wrong:
        await staff.sign_in(Role.MANAGER, "Ayu", Secret("000001"))
    assert wrong.value.attempts_left == 4


async def test_the_lockout_is_per_account(staff: Staff) -> None:
    await staff.add_first_manager("Ayu", MGR_PIN)
    await staff.add("Ayu", Role.CASHIER, "Rina", CASHIER_PIN)
    await five_wrong_pins(staff, Role.CASHIER, "Rina")
    with pytest.raises(LockedOut):
        await staff.sign_in(Role.CASHIER, "Rina", CASHIER_PIN)
    assert (await staff.sign_in(Role.MANAGER, "Ayu", MGR_PIN)).name == "Ayu"


async def test_cashier_accounts_add_rename_disable_and_pins(staff: Staff) -> None:
    await staff.add_first_manager("Ayu", MGR_PIN)
    await staff.add("Ayu", Role.CASHIER, "Rina", None)
    await staff.add("Ayu", Role.CASHIER, "Wayan", CASHIER_PIN)
    with pytest.raises(AccountExists):
        await staff.add("Ayu", Role.CASHIER, "RINA", None)
    # no PIN on the account: signs in without one
    assert (await staff.sign_in(Role.CASHIER, "Rina", None)).name == "Rina"
    with pytest.raises(PinNeeded):
        await staff.sign_in(Role.CASHIER, "Wayan", None)
    await staff.set_pin("Ayu", Role.CASHIER, "Rina", Secret("1357"))
    with pytest.raises(WrongPin):
        await staff.sign_in(Role.CASHIER, "Rina", Secret("2468"))
    assert (await staff.sign_in(Role.CASHIER, "Rina", Secret("1357"))).has_pin

    renamed = await staff.rename("Ayu", Role.CASHIER, "rina", "Rina Wati")
    assert renamed.name == "Rina Wati"
    with pytest.raises(AccountExists):
        await staff.rename("Ayu", Role.CASHIER, "Rina Wati", "wayan")
    await staff.set_active("Ayu", Role.CASHIER, "Wayan", False)
    with pytest.raises(AccountDisabled):
        await staff.sign_in(Role.CASHIER, "Wayan", CASHIER_PIN)
    assert await staff.names(Role.CASHIER) == ["Rina Wati"]
    assert [(a.name, a.active) for a in await staff.accounts(Role.CASHIER)] == [
        ("Rina Wati", True),
        ("Wayan", False),
    ]
    await staff.set_active("Ayu", Role.CASHIER, "Wayan", True)
    assert (await staff.sign_in(Role.CASHIER, "Wayan", CASHIER_PIN)).name == "Wayan"
    actions = [a for who, a in await audit_actions(staff) if who == "Ayu"]
    assert actions == [
        "manager_added",
        "cashier_added",
        "cashier_added",
        "cashier_pin_set",
        "cashier_renamed",
        "cashier_disabled",
        "cashier_enabled",
    ]


async def test_a_refused_change_writes_nothing(staff: Staff) -> None:
    await staff.add_first_manager("Ayu", MGR_PIN)
    before = await audit_actions(staff)
    with pytest.raises(FieldRefused):
        await staff.add("Ayu", Role.CASHIER, "<script>", None)
    with pytest.raises(FieldRefused, match="4 to 8 digits"):
        await staff.add("Ayu", Role.CASHIER, "Rina", Secret("12"))
    with pytest.raises(FieldRefused, match="a manager always has one"):
        await staff.add("Ayu", Role.MANAGER, "Budi", None)
    with pytest.raises(NoSuchAccount):
        await staff.set_pin("Ayu", Role.CASHIER, "Nobody", CASHIER_PIN)
    assert await staff.accounts(Role.CASHIER) == []
    assert await audit_actions(staff) == before


async def test_the_last_active_manager_cannot_be_disabled(staff: Staff) -> None:
    await staff.add_first_manager("Ayu", MGR_PIN)
    with pytest.raises(LastManager):
        await staff.set_active("Ayu", Role.MANAGER, "Ayu", False)
    await staff.add("Ayu", Role.MANAGER, "Budi", Secret("135790"))
    await staff.set_active("Budi", Role.MANAGER, "Ayu", False)
    with pytest.raises(AccountDisabled):
        await staff.sign_in(Role.MANAGER, "Ayu", MGR_PIN)
    with pytest.raises(LastManager):
        await staff.set_active("Budi", Role.MANAGER, "Budi", False)
    # a disabled manager still counts as existing: the first-manager door stays shut
    with pytest.raises(ManagersExist):
        await staff.add_first_manager("Eve", Secret("135790"))


async def test_a_reset_pin_lifts_the_lock(staff: Staff) -> None:
    await staff.add_first_manager("Ayu", MGR_PIN)
    await staff.add("Ayu", Role.CASHIER, "Rina", CASHIER_PIN)
    await five_wrong_pins(staff, Role.CASHIER, "Rina")
    await staff.set_pin("Ayu", Role.CASHIER, "Rina", Secret("1357"))
    assert (await staff.sign_in(Role.CASHIER, "Rina", Secret("1357"))).locked_until is None


async def test_cashiers_txt_is_imported_once(staff: Staff, tmp_path: Path) -> None:
    path = tmp_path / "cashiers.txt"
    path.write_text("# the store's cashiers\nRina\n\nWayan\n<b>bold</b>\nrina\n", encoding="utf-8")
    names = read_cashiers_file(path)
    first = await staff.import_cashiers(names, who="cashiers.txt", once=True)
    assert first.added == ("Rina", "Wayan")
    assert [reason for _, reason in first.skipped] == ["may not contain < >", "already a cashier"]
    assert all(not a.has_pin for a in await staff.accounts(Role.CASHIER))
    path.write_text("Putri\n", encoding="utf-8")
    second = await staff.import_cashiers(read_cashiers_file(path), who="cashiers.txt", once=True)
    assert second.already_imported and second.added == ()
    assert await staff.names(Role.CASHIER) == ["Rina", "Wayan"]


async def test_a_cashiers_file_saved_by_notepad_keeps_its_first_name(
    staff: Staff, tmp_path: Path
) -> None:
    # Windows' Notepad saves UTF-8 with a byte order mark: the first name was skipped as
    # "contains a control or invisible character", the one cashier nobody could find why.
    path = tmp_path / "cashiers.txt"
    path.write_bytes("Rina\r\nWayan\r\n".encode("utf-8-sig"))
    result = await staff.import_cashiers(read_cashiers_file(path), who="Sari")
    assert result.added == ("Rina", "Wayan") and result.skipped == ()


async def test_a_skipped_name_is_named_by_its_line_in_the_file(
    staff: Staff, tmp_path: Path
) -> None:
    # Counted among the names, line 5 was "line 2": past the comment and the blank lines, the
    # manager looked at the wrong line. A line separator inside a name is no new line to an
    # editor, nor to the count: "Rina\u2028Wati" was two cashiers.
    path = tmp_path / "cashiers.txt"
    path.write_text(
        "# the store's cashiers\n\nBudi\n\nBad\x1bName\nRina\u2028Wati\n", encoding="utf-8"
    )
    result = await staff.import_cashiers(read_cashiers_file(path), who="Sari")
    assert result.added == ("Budi",)
    assert [line for line, _ in result.skipped] == ["line 5", "line 6"]


async def test_a_long_cashiers_file_is_imported_in_a_few_reads_not_one_per_name(
    staff: Staff,
) -> None:
    # A query per name, each flushing every account added before it, and the added names
    # made a set again for each: 20,000 names took 73 s and 100,000 about half an hour, the
    # manager's PIN typed and nothing said. Counted in statements, not seconds.
    await staff.import_cashiers(["Rina"], who="Sari")
    names = [
        f"Kasir {chr(97 + n // 26 // 26 % 26)}{chr(97 + n // 26 % 26)}{chr(97 + n % 26)}"
        for n in range(2000)
    ]
    reads: list[str] = []

    def read(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            reads.append(statement)

    engine = staff.db._write_engine
    sa.event.listen(engine, "before_cursor_execute", read)
    try:
        result = await staff.import_cashiers([*names, "RINA", names[0].upper()], who="Sari")
    finally:
        sa.event.remove(engine, "before_cursor_execute", read)
    assert len(result.added) == 2000
    assert result.skipped == (
        ("RINA", "already a cashier"),
        (names[0].upper(), "already a cashier"),
    )
    assert len(reads) < 10


def test_an_unreadable_cashiers_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(StaffRefused, match="cannot be read"):
        read_cashiers_file(tmp_path / "missing.txt")
    bad = tmp_path / "latin1.txt"
    bad.write_bytes(b"Jos\xe9\n")
    with pytest.raises(StaffRefused, match="not UTF-8"):
        read_cashiers_file(bad)


@pytest.mark.parametrize("typed", ["２４６８１０", "٢٤٦٨١٠", "24６８10"])
async def test_a_pin_typed_in_another_script_s_digits_is_that_pin(staff: Staff, typed: str) -> None:
    # An input method left in full-width mode types ２４６８１０ for 246810 (seen under Xvfb):
    # the till read it as a wrong PIN and counted it towards Wayan's lock, though he typed his
    # PIN. A digit is a digit in any script; what is kept is ASCII either way.
    await staff.add_first_manager("Wayan", MGR_PIN)
    account = await staff.sign_in(Role.MANAGER, "Wayan", Secret(typed))
    assert account.name == "Wayan"
    await staff.add("Wayan", Role.CASHIER, "Dewi", Secret("２５８０"))
    assert (await staff.sign_in(Role.CASHIER, "Dewi", CASHIER_PIN)).name == "Dewi"
    assert await audit_actions(staff) == [
        ("Wayan", "manager_added"),
        ("Wayan", "sign_in"),
        ("Wayan", "cashier_added"),
        ("Dewi", "sign_in"),
    ]


async def test_disabling_a_cashier_closes_the_shift_they_can_no_longer_close(
    staff: Staff,
) -> None:
    # A shift ends only when its cashier closes it (another cashier's sign-in leaves it open):
    # a disabled cashier cannot sign in to close theirs, and it stayed open for good, holding
    # manager mode's day on the day it began.
    await staff.add_first_manager("Ayu", MGR_PIN)
    await staff.add("Ayu", Role.CASHIER, "Dewi", None)
    await staff.add("Ayu", Role.CASHIER, "Rina", None)
    shifts = ShiftLog(staff.db)
    await shifts.open("Dewi", TERMINAL)
    rina = await shifts.open("Rina", TERMINAL)
    await staff.set_active("Ayu", Role.CASHIER, "dewi", False)
    assert [s.id for s in await shifts.open_shifts(TERMINAL)] == [rina.id]
    await staff.set_active("Ayu", Role.CASHIER, "Dewi", True)  # enabled again: a new shift
    assert [s.cashier for s in await shifts.open_shifts(TERMINAL)] == ["Rina"]


async def test_a_cashier_renamed_mid_shift_carries_the_same_shift_on(staff: Staff) -> None:
    # Shifts are found by their cashier's name: renamed, Dewi signed in as "Dewi Lestari" to a
    # new shift, and the one she had open was left open under a name nobody could sign in as.
    await staff.add_first_manager("Ayu", MGR_PIN)
    await staff.add("Ayu", Role.CASHIER, "Dewi", None)
    shifts = ShiftLog(staff.db)
    before = await shifts.open("Dewi", TERMINAL)
    await staff.set_active("Ayu", Role.CASHIER, "Dewi", True)  # no change: nothing moves
    await staff.rename("Ayu", Role.CASHIER, "Dewi", "Dewi Lestari")
    after = await shifts.open("Dewi Lestari", TERMINAL)
    assert after.id == before.id
    assert [s.cashier for s in await shifts.open_shifts(TERMINAL)] == ["Dewi Lestari"]


async def test_the_cashier_a_redemption_is_recorded_under_is_an_account_of_the_till(
    staff: Staff,
) -> None:
    # `stamps-pos redeem --cashier Rina` went on the record of a till that had no Rina.
    assert await staff.cashier_on_record("Rina") == "Rina"  # no accounts: the name as given
    await staff.add_first_manager("Ayu", MGR_PIN)
    await staff.add("Ayu", Role.CASHIER, "Dewi", None)
    await staff.add("Ayu", Role.CASHIER, "Wayan", None)
    await staff.set_active("Ayu", Role.CASHIER, "Wayan", False)
    assert await staff.cashier_on_record("dewi") == "Dewi"
    with pytest.raises(NoSuchAccount):
        await staff.cashier_on_record("Rina")
    with pytest.raises(AccountDisabled):
        await staff.cashier_on_record("Wayan")
