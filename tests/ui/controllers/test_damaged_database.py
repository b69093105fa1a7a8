"""A damaged database at the window's start: what it still holds is listed, only one of its own
managers (with their PIN) decides to set it aside, five wrong PINs make the page wait, and with no
manager readable the first-manager setup comes first. Nothing is moved by looking."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.core.clock import ManualClock, installed
from app.core.credentials import Secret
from app.core.domain import OperationKind
from app.core.outbox import Outbox, OutboxPolicy
from app.core.services import DatabaseDamaged, SalvagedEntry
from app.core.services.pins import ScryptCost
from app.core.services.staff import Staff
from app.core.storage import migrate
from app.ui.controllers.damaged import DamagedDatabaseController, SetAsideDecision, entry_words
from app.ui.controllers.tasks import spawn
from app.ui.main_window import CashierWindowView
from app.ui.widgets.member_card import local_time_text

from ...support.disk import damage_page_holding
from ...support.languages import speaking
from .conftest import WAIT_MS, run_async

CHEAP = ScryptCost(n=2**4, r=8, p=1)


async def _fill(path: Path, *, manager: bool) -> None:
    outbox = await Outbox.open(path, OutboxPolicy())
    if manager:
        await Staff(outbox.db, "till-1", CHEAP).add_first_manager("Wayan", Secret("246810"))
    for number in range(40):
        await outbox.enqueue(
            OperationKind.REWARD,
            {"user": "m1", "reward": 1, "store": 7, "invoice_number": f"INV-MARK-{number:03}"},
            lane="member:1",
            user="m1",
            cashier="Rina",
            terminal="till-1",
            stamps=10,
        )
    await outbox.close()


def damaged(qtbot: QtBot, tmp_path: Path, *, manager: bool) -> Path:
    path = tmp_path / "till.db"
    migrate(path)
    run_async(qtbot, _fill(path, manager=manager))
    damage_page_holding(path, b"INV-MARK-039")
    return path


@pytest.fixture
def view(qtbot: QtBot) -> CashierWindowView:
    window = CashierWindowView()
    qtbot.addWidget(window)
    window.show()
    return window


def test_one_of_its_managers_decides_and_wrong_pins_make_the_page_wait(
    qtbot: QtBot, qasync_loop: asyncio.AbstractEventLoop, view: CashierWindowView, tmp_path: Path
) -> None:
    path = damaged(qtbot, tmp_path, manager=True)
    before = path.read_bytes()
    controller = DamagedDatabaseController(view)
    clock = ManualClock()
    with installed(clock):
        task = spawn(controller.decide(DatabaseDamaged(path, ["page 7 is damaged"])))
        qtbot.waitUntil(lambda: view.pages.currentWidget() is view.damaged, timeout=WAIT_MS)
        page = view.damaged
        lines = page.entries.toPlainText().splitlines()
        assert 0 < len(lines) < 40
        assert all(" ·  Reward  ·  Queued  ·  m1  ·  " in line for line in lines)
        assert "Some of its rows could not be read." in page.entries_title.text()
        assert "stamps-pos outbox import" in page.entries_title.text()
        assert page.problem.text() == "page 7 is damaged"
        for _ in range(5):
            page.name_edit.setText("Wayan")
            page.pin_edit.setText("111111")
            with qtbot.waitSignal(controller.refused, timeout=WAIT_MS) as refused:
                page.submit()
            assert refused.args[0].startswith("That is not a manager of this till")
            assert page.pin_edit.text() == ""
        page.pin_edit.setText("246810")  # right, but five wrong ones came first
        with qtbot.waitSignal(controller.refused, timeout=WAIT_MS) as refused:
            page.submit()
        assert refused.args[0] == "Too many wrong PINs: try again in 5 minutes."
        clock.advance(241)
        with qtbot.waitSignal(controller.refused, timeout=WAIT_MS) as refused:
            page.submit()
        assert refused.args[0] == "Too many wrong PINs: try again in 1 minute."
        clock.advance(60)
        page.pin_edit.setText("246810")
        page.submit()
        qtbot.waitUntil(task.done, timeout=WAIT_MS)
    decision = task.result()
    assert isinstance(decision, SetAsideDecision) and decision.manager == "Wayan"
    assert decision.pin == Secret("246810")
    assert path.read_bytes() == before  # deciding moves nothing: the start does, afterwards


@pytest.mark.parametrize(
    ("language", "not_a_pin", "five_digits"),
    [
        (
            "en",
            "Not a PIN: a PIN is digits only, 8 at most. Not counted as a wrong one.",
            "A manager's PIN has 6 to 8 digits. Not counted as a wrong one.",
        ),
        (
            "id",
            "Bukan PIN: PIN hanya angka, paling banyak 8. Tidak dihitung sebagai PIN salah.",
            "PIN manajer terdiri dari 6 sampai 8 angka. Tidak dihitung sebagai PIN salah.",
        ),
    ],
)
def test_what_cannot_be_a_managers_pin_is_said_so_and_not_counted(
    qtbot: QtBot,
    qasync_loop: asyncio.AbstractEventLoop,
    view: CashierWindowView,
    tmp_path: Path,
    language: str,
    not_a_pin: str,
    five_digits: str,
) -> None:
    # As manager sign-in (Staff.sign_in): letters, a page pasted, five digits guess at no
    # manager's PIN. Counted, five of them made the manager deciding wait five minutes.
    path = damaged(qtbot, tmp_path, manager=True)
    controller = DamagedDatabaseController(view)
    with speaking(language), installed(ManualClock()):
        task = spawn(controller.decide(DatabaseDamaged(path, ["page 7 is damaged"])))
        qtbot.waitUntil(lambda: view.pages.currentWidget() is view.damaged, timeout=WAIT_MS)
        page = view.damaged
        typed = [("abcdef", not_a_pin), ("2468" * 100, not_a_pin), ("24681", five_digits)]
        for pin, said in typed * 2:
            page.name_edit.setText("Wayan")
            page.pin_edit.setText(pin)
            with qtbot.waitSignal(controller.refused, timeout=WAIT_MS) as refused:
                page.submit()
            assert refused.args[0] == said
            assert page.refusal.text() == said
        page.pin_edit.setText("246810")  # six refused, none counted: no wait
        page.submit()
        qtbot.waitUntil(task.done, timeout=WAIT_MS)
    assert task.result() == SetAsideDecision("Wayan", Secret("246810"))


def test_what_the_damaged_database_holds_reads_in_words_in_either_language() -> None:
    made = datetime(2026, 11, 30, 6, 10, tzinfo=UTC)
    entry = SalvagedEntry("0199-a", made, "voucher", "unknown", "budi@example.co.id")
    assert entry_words(entry) == (
        f"{local_time_text(made)}  ·  Voucher  ·  Not confirmed  ·  budi@example.co.id  ·  0199-a"
    )
    with speaking("id"):
        assert entry_words(entry) == (
            f"{local_time_text(made)}  ·  Voucher  ·  Belum dikonfirmasi  ·  "
            "budi@example.co.id  ·  0199-a"
        )
        odd = SalvagedEntry("0199-b", None, "teleport", "lost", "m1")
        assert entry_words(odd) == "waktu tidak terbaca  ·  teleport  ·  lost  ·  m1  ·  0199-b"


def test_with_no_manager_readable_the_first_manager_is_set_up_first(
    qtbot: QtBot, qasync_loop: asyncio.AbstractEventLoop, view: CashierWindowView, tmp_path: Path
) -> None:
    path = damaged(qtbot, tmp_path, manager=False)
    controller = DamagedDatabaseController(view)
    task = spawn(controller.decide(DatabaseDamaged(path, ["it is not a database"])))
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.first_manager, timeout=WAIT_MS)
    first = view.first_manager
    assert first.title.text() == "First, this till's manager"
    first.name_edit.setText("Wayan")
    first.pin_edit.setText("246810")
    first.again_edit.setText("246811")
    first.submit()
    assert first.again.error_text() == "The two PINs differ: type the same PIN twice."
    assert view.pages.currentWidget() is view.first_manager
    first.pin_edit.setText("246810")
    first.again_edit.setText("246810")
    first.submit()
    assert view.pages.currentWidget() is view.damaged
    assert view.damaged.name.isHidden()  # the person just set up confirms
    view.damaged.confirm_button.click()
    qtbot.waitUntil(task.done, timeout=WAIT_MS)
    assert task.result() == SetAsideDecision("Wayan", Secret("246810"))


def test_leaving_it_decides_nothing(
    qtbot: QtBot, qasync_loop: asyncio.AbstractEventLoop, view: CashierWindowView, tmp_path: Path
) -> None:
    path = damaged(qtbot, tmp_path, manager=True)
    controller = DamagedDatabaseController(view)
    task = spawn(controller.decide(DatabaseDamaged(path, ["damaged"])))
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.damaged, timeout=WAIT_MS)
    view.damaged.quit_button.click()
    qtbot.waitUntil(task.done, timeout=WAIT_MS)
    assert task.result() is None
