"""The reward grid's build for a big catalogue: how long set_rewards holds the GUI thread, and
the longest stall a 5 ms heartbeat sees until the grid is whole, or emptied (its blocks hidden a
few a turn behind it) while the next member is read (docs/performance.md).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_tiles.py [100 1000 5000]
"""

from __future__ import annotations

import itertools
import sys
import time

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app.ui.viewmodels import RewardCardData
from app.ui.widgets.reward_picker import RewardPicker


def _rewards(count: int, greyed: int = 3) -> list[RewardCardData]:
    return [
        RewardCardData(
            id=i,
            name=f"Reward {i}",
            stamps_cost=1 + i % 9,
            available=i % 7 != greyed,
            reason=None if i % 7 != greyed else "Not yet",
        )
        for i in range(1, count + 1)
    ]


def _picker(app: QApplication) -> RewardPicker:
    picker = RewardPicker()
    picker.resize(900, 700)
    # The window puts every tile in its Tab order as they come (MainWindow._set_tab_order).
    picker.tiles_placed.connect(
        lambda: [QWidget.setTabOrder(a, b) for a, b in itertools.pairwise(picker.focus_order())]
    )
    picker.show()
    app.processEvents()
    return picker


def _measure(
    app: QApplication, picker: RewardPicker, rewards: list[RewardCardData]
) -> tuple[float, float, float]:
    count = len(rewards)
    gaps: list[float] = []
    clock = QElapsedTimer()
    beat = QTimer()
    beat.setInterval(5)

    def tick() -> None:
        gaps.append(clock.restart())

    beat.timeout.connect(tick)
    started = time.perf_counter()
    clock.start()
    beat.start()
    picker.set_rewards(rewards)
    call = (time.perf_counter() - started) * 1000
    # Until the grid is whole and laid out: the last tile placed and nothing more queued (or,
    # emptied, its last block hidden: a picker without emptying() hid them all in the call).
    emptying = getattr(picker, "emptying", lambda: False)
    while len(picker.tiles()) < count or picker.building() or emptying():
        app.processEvents()
    app.processEvents()
    whole = (time.perf_counter() - started) * 1000
    beat.stop()
    gaps.append(clock.elapsed())
    return call, whole, max(gaps)


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    counts = [int(a) for a in sys.argv[1:]] or [100, 1000, 5000]
    print("rewards  member  set_rewards ms  whole grid ms  longest stall ms")
    for count in counts:
        picker = _picker(app)
        # The first member's rewards, then the next's (the tiles kept, others greyed), emptied
        # between them while the next member is read, as the window does.
        for member, greyed in (("first", 3), ("next", 4)):
            if member == "next":
                call, whole, stall = _measure(app, picker, [])
                print(f"{count:7d}  {'(empty)':6}  {call:14.1f}  {whole:13.1f}  {stall:16.1f}")
            call, whole, stall = _measure(app, picker, _rewards(count, greyed))
            print(f"{count:7d}  {member:6}  {call:14.1f}  {whole:13.1f}  {stall:16.1f}")
        picker.deleteLater()
        app.processEvents()


if __name__ == "__main__":
    main()
