"""``stamps-pos gui`` as a till starts it, in a process of its own: the window's first frame
waits for none of the till's heavy libraries and says it is starting; then the till opens.

Nothing here is timed (make bench measures the start, docs/performance.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

#: What the first frame must not wait for (issue 15): the settings' validation, the HTTP client,
#: the database's libraries, the keyring, the migrations; the event loop (asyncio, with ssl and
#: subprocesses, and qasync), the log file's handlers, the platform's folders (the settings file
#: is named), the Qt namespace's 15 ms of enums.
HEAVY = (
    "pydantic",
    "pydantic_settings",
    "httpx",
    "sqlalchemy",
    "sqlmodel",
    "keyring",
    "alembic",
    "asyncio",
    "qasync",
    "ssl",
    "subprocess",
    "logging.handlers",
    "platformdirs",
    "app.core.services.config",
    "app.ui.dialogs.error_dialog",
)

CHILD = textwrap.dedent(
    """
    import json, linecache, sys
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    qapp = QApplication([sys.argv[0]])  # the window's start reuses it; the filter sees it all
    seen = {}

    class FirstFrame(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and "loaded" not in seen:
                window = obj.window()
                seen["loaded"] = sorted(m for m in HEAVY if m in sys.modules)
                seen["qt_namespace"] = "Qt" in vars(sys.modules["PySide6.QtCore"])
                seen["starting"] = window.frame.currentWidget() is window.starting_page
                seen["text"] = window.starting_page.text.text()
                seen["menu"] = window.menuBar().isVisible()
            return False

    first_frame = FirstFrame()
    qapp.installEventFilter(first_frame)

    import app.cli
    import app.cli.gui_commands as gui_commands

    def up(window):
        view = window.view
        seen["after"] = view.frame.currentWidget() is view.content and view.menuBar().isVisible()
        seen["heartbeat"] = window.till.monitor.heartbeat
        # every label of the open till shows its text as typed, the first frame's too
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QLabel
        seen["markup"] = sorted(
            label.objectName() for label in view.findChildren(QLabel)
            if label.textFormat() is not Qt.TextFormat.PlainText
        )
        # PySide6's __feature__ check reads the source of each module imported after it; the
        # window's Qt set-up switches it off (app/ui/__init__.py): none of the window's modules,
        # nor the till's it loaded, was read.
        seen["read"] = sorted(
            path for path in linecache.cache
            if any(f"/app/{part}/" in path for part in ("ui", "core/outbox", "core/storage"))
            and not path.endswith("/app/ui/__init__.py")
        )
        QTimer.singleShot(0, lambda: close_when_told(view))

    def close_when_told(view):
        # the sync bar's word once the till's check at start has answered (or at once)
        state = view.status.connectivity.property("state")
        if WAIT_FOR_CONNECTIVITY and state == "checking":
            QTimer.singleShot(20, lambda: close_when_told(view))
            return
        seen["connectivity"] = state
        view.close()

    gui_commands._window_up = up
    seen["code"] = app.cli.main(sys.argv[1:])
    print(json.dumps(seen))
    """
)


def start(tmp_path: Path, settings: str, *args: str) -> subprocess.CompletedProcess[str]:
    config = tmp_path / "settings.toml"
    config.write_text(settings, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("STAMPS_POS_")}
    env.update(STAMPS_POS_TOKEN="start-up-test-token", QT_QPA_PLATFORM="offscreen")
    wait = "--wait-for-connectivity" in args
    args = tuple(a for a in args if a != "--wait-for-connectivity")
    script = f"HEAVY = {HEAVY!r}\nWAIT_FOR_CONNECTIVITY = {wait!r}\n" + CHILD
    return subprocess.run(
        [sys.executable, "-c", script, "--config", str(config), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def settings_for(tmp_path: Path, language: str = "en") -> str:
    # A server no one answers at: the till opens offline, as it must be able to.
    return (
        'base_url = "http://127.0.0.1:9"\nmerchant = 14\nstore = 32\n'
        f'data_dir = "{tmp_path / "data"}"\nlanguage = "{language}"\n'
    )


def test_the_first_frame_is_the_window_saying_it_starts_before_the_till_s_libraries_load(
    tmp_path: Path,
) -> None:
    done = start(tmp_path, settings_for(tmp_path), "gui")
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["code"] == 0, done.stderr
    assert seen["loaded"] == []
    assert not seen["qt_namespace"]
    assert seen["starting"] and seen["text"] == "Starting…" and not seen["menu"]
    assert seen["after"]  # the till open: its pages and menus in place of the starting page
    assert seen["markup"] == []
    assert seen["read"] == []


def test_the_sync_bar_says_what_the_server_proved_at_start_not_online(tmp_path: Path) -> None:
    # Nobody answers at the settings' address: the till's check at start finds it, and the bar
    # goes from "Checking the Stamps server…" to offline, never to a guessed "Online".
    done = start(tmp_path, settings_for(tmp_path), "gui", "--wait-for-connectivity")
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["connectivity"] == "offline"


def test_the_windows_till_checks_a_quiet_line_as_the_settings_say(tmp_path: Path) -> None:
    # The heartbeat (architecture §4): the window's till pings after 30 s of quiet unless the
    # settings say otherwise; a one-shot command's till never does (RuntimeOptions' default).
    done = start(tmp_path, settings_for(tmp_path), "gui")
    assert json.loads(done.stdout.strip().splitlines()[-1])["heartbeat"] == 30, done.stderr
    done = start(tmp_path, settings_for(tmp_path) + "heartbeat = 0\n", "gui")
    assert json.loads(done.stdout.strip().splitlines()[-1])["heartbeat"] == 0, done.stderr


def test_the_starting_window_speaks_the_settings_language(tmp_path: Path) -> None:
    done = start(tmp_path, settings_for(tmp_path, "id"), "gui")
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["code"] == 0, done.stderr
    assert seen["text"] != "Starting…"  # in Bahasa Indonesia from the first frame


@pytest.mark.parametrize(
    ("settings", "said"),
    [
        ('merchant = "x"\n', "setting 'merchant'"),
        ("store = 32\n", "setting 'merchant' is required"),
    ],
)
def test_settings_found_wrong_after_the_first_frame_end_the_window_with_exit_2(
    tmp_path: Path, settings: str, said: str
) -> None:
    done = start(tmp_path, settings, "gui")
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["starting"]  # it showed, saying it starts; then it stopped, saying why
    assert seen["code"] == 2, done.stderr
    assert said in done.stderr and "Traceback" not in done.stderr


def test_a_second_window_on_the_same_data_folder_still_stops_with_exit_2(tmp_path: Path) -> None:
    from app.ui.cashier import single_instance

    with single_instance(tmp_path / "data"):  # the first window, holding the data folder
        done = start(tmp_path, settings_for(tmp_path), "gui")
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["code"] == 2, done.stderr
    assert "already open" in done.stderr and "Traceback" not in done.stderr
    assert "after" not in seen  # the till was never opened
