"""``stamps-pos gui`` as a till starts it, in a process of its own: the window's first frame
waits for none of the till's heavy libraries and says it is starting; then the till opens.

Nothing here is timed (make bench measures the start, docs/performance.md)."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

ROOT = Path(__file__).resolve().parents[2]

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
    from tests.support.cannot_start import PageReader
    page_reader = PageReader()  # a start that stops shows its page: read, then closed
    qapp.installEventFilter(page_reader)

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
    seen["pages"] = page_reader.pages
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
        cwd=ROOT,  # the child reads the cannot-start page with tests/support's reader
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
    [page] = seen["pages"]  # and in the window: a menu launch shows no stderr
    assert page["text"].startswith("Stamps POS cannot start\nThese settings are missing")


def test_a_second_window_on_the_same_data_folder_still_stops_with_exit_2(tmp_path: Path) -> None:
    from app.ui.cashier import single_instance

    with single_instance(tmp_path / "data"):  # the first window, holding the data folder
        done = start(tmp_path, settings_for(tmp_path), "gui")
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["code"] == 2, done.stderr
    assert "already open" in done.stderr and "Traceback" not in done.stderr
    assert "after" not in seen  # the till was never opened
    [page] = seen["pages"]
    assert "already open" in page["text"]


def started(
    tmp_path: Path, settings: str | None, *args: str, **env: str
) -> tuple[subprocess.Popen[str], Path]:
    """``stamps-pos --config FILE ARGS`` started in its own process (``settings`` written to
    FILE, or no file), its cannot-start page to be read and closed by
    tests/support/cannot_start.py; the process and the settings file."""
    config = tmp_path / "settings.toml"
    if settings is not None:
        config.write_text(settings, encoding="utf-8")
    clean = {k: v for k, v in os.environ.items() if not k.startswith("STAMPS_POS_")}
    clean.update(QT_QPA_PLATFORM="offscreen", **env)
    reader = ROOT / "tests" / "support" / "cannot_start.py"
    process = subprocess.Popen(
        [sys.executable, str(reader), "--config", str(config), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=clean,
    )
    return process, config


def finished(
    process: subprocess.Popen[str],
) -> tuple[subprocess.CompletedProcess[str], list[dict[str, object]]]:
    """What a process :func:`started` said and the pages it showed, once it has ended."""
    stdout, stderr = process.communicate(timeout=120)
    done = subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
    return done, json.loads(stdout.strip().splitlines()[-1])["pages"]


def start_stopped(
    tmp_path: Path, settings: str | None, *args: str, **env: str
) -> tuple[subprocess.CompletedProcess[str], list[dict[str, object]], Path]:
    """:func:`started`, run to its end: the process, the pages it showed, the settings file."""
    process, config = started(tmp_path, settings, *args, **env)
    done, pages = finished(process)
    return done, pages, config


TOKEN = "start-up-test-token"


@pytest.mark.parametrize("kiosk", [(), ("--kiosk",)], ids=["cashier", "kiosk"])
def test_a_till_with_no_settings_says_why_on_its_screen_and_still_exits_2(
    tmp_path: Path, kiosk: tuple[str, ...]
) -> None:
    done, pages, config = start_stopped(tmp_path, None, "gui", *kiosk, STAMPS_POS_TOKEN=TOKEN)
    assert done.returncode == 2, done.stderr
    assert "stamps-pos gui: setting 'merchant' is required" in done.stderr  # stderr still
    [page] = pages
    assert page["text"].splitlines() == [
        "Stamps POS cannot start",
        "These settings are missing or refused:",
        "merchant: This setting is required.",
        "store: This setting is required.",
        f"Settings file: {config} (there is no file there yet)",
        "Fix this, then start Stamps POS again. To check the settings, the API token and the "
        f"data folder, run in a terminal: stamps-pos --config {config} doctor",
        "Close",
    ]
    assert page["full_screen"] == bool(kiosk)  # the kiosk's page fills its screen
    assert page["other_windows"] == []  # nothing (a locked kiosk) over it: Close closed it
    assert TOKEN not in done.stdout + done.stderr


@pytest.mark.parametrize("kiosk", [(), ("--kiosk",)], ids=["cashier", "kiosk"])
def test_the_page_speaks_the_settings_language_even_when_the_settings_are_refused(
    tmp_path: Path, kiosk: tuple[str, ...]
) -> None:
    done, pages, _ = start_stopped(
        tmp_path, 'merchant = "abc"\n', "gui", *kiosk, STAMPS_POS_LANGUAGE="id"
    )
    assert done.returncode == 2, done.stderr
    [page] = pages
    lines = page["text"].splitlines()
    assert lines[0] == "Stamps POS tidak dapat dimulai"
    assert "store: Pengaturan ini wajib diisi." in lines
    assert lines[-1] == "Tutup"


@pytest.mark.parametrize("kiosk", [(), ("--kiosk",)], ids=["cashier", "kiosk"])
@pytest.mark.parametrize(
    ("settings", "said"),
    [
        ("merchant = [\n", "is not valid TOML"),
        ('merchant = 14\nstore = 32\ntoken = "x"\n', "the API token is never kept"),
        (
            'merchant = 14\nstore = 32\nbase_url = "http://127.0.0.1:9"\n'
            'data_dir = "/proc/stamps-pos-start-test"\n',
            "the data folder /proc/stamps-pos-start-test cannot be made",
        ),
    ],
    ids=["not-toml", "token-in-file", "data-folder"],
)
def test_what_is_not_a_setting_is_said_in_the_command_lines_words(
    tmp_path: Path, kiosk: tuple[str, ...], settings: str, said: str
) -> None:
    done, pages, _ = start_stopped(tmp_path, settings, "gui", *kiosk, STAMPS_POS_TOKEN=TOKEN)
    assert done.returncode == 2, done.stderr
    assert said in done.stderr and "Traceback" not in done.stderr
    [page] = pages
    assert "The till stopped before it opened:" in page["text"]
    assert said in page["text"]


def test_no_token_is_said_on_the_screen_with_how_to_set_one(tmp_path: Path) -> None:
    done, pages, _ = start_stopped(tmp_path, "merchant = 14\nstore = 32\n", "gui")
    assert done.returncode == 2, done.stderr
    [page] = pages
    assert "no API token: set STAMPS_POS_TOKEN or run `stamps-pos token set`" in page["text"]


@pytest.mark.parametrize(
    ("language", "close"), [("en", "Close"), ("id", "Tutup")], ids=["english", "indonesian"]
)
def test_a_kiosk_on_a_damaged_database_says_the_kiosk_command_that_starts_a_new_one(
    tmp_path: Path, language: str, close: str
) -> None:
    # Run as the kiosk's menu entry runs it, the hint named `stamps-pos --accept-new-database
    # gui ...`: a manager who typed it opened the cashier's window on the kiosk terminal.
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    (data / "stamps-pos.db").write_bytes(b"SQLite format 2\0" + b"\0" * 4080)
    settings = f'merchant = 14\nstore = 32\nbase_url = "http://127.0.0.1:9"\ndata_dir = "{data}"\n'
    done, pages, config = start_stopped(
        tmp_path, settings, "gui", "--kiosk", STAMPS_POS_TOKEN=TOKEN, STAMPS_POS_LANGUAGE=language
    )
    assert done.returncode == 2, done.stderr
    command = f"stamps-pos --config {config} --accept-new-database gui --kiosk"
    assert done.stderr.count(command) == 1  # (not the cashier's `gui ...`)
    [page] = pages
    damaged = "is damaged" if language == "en" else "rusak"  # in the page's language
    assert damaged in page["text"] and command in page["text"]
    assert page["text"].splitlines()[-1] == close


#: Each reason a start stops for, set up in a till whose settings say ``language = "id"`` (or,
#: where the settings file cannot be read, ``STAMPS_POS_LANGUAGE=id``): what stderr says, in
#: English as ever, and what the page says in its place, in Bahasa Indonesia.
REASONS = {
    "not-toml": ("is not valid TOML", "bukan TOML yang sah"),
    "token-in-file": ("the API token is never kept", "token API tidak pernah disimpan"),
    "no-token": ("no API token: set STAMPS_POS_TOKEN", "Belum ada token API: isi STAMPS_POS_TOKEN"),
    "data-folder": ("cannot be made", "tidak bisa dibuat"),
    "read-only": ("is read-only", "hanya-baca"),
    "full": ("is full", "penuh"),
    "newer-database": ("written by a newer version", "ditulis oleh versi yang lebih baru"),
    "second": ("is already open on", "sudah terbuka di"),
}
#: The OS's own reason inside one (its C library's English), and how the page says it.
OS_REASONS = {"data-folder": ("No such file or directory", "berkas atau folder tidak ada")}


def reason_set_up(
    reason: str, tmp_path: Path, stack: contextlib.ExitStack, kiosk: bool
) -> tuple[str, dict[str, str]]:
    """The settings file and the environment of a till that stops for ``reason``; what it
    needs held meanwhile (a mount, another window's lock) is held by ``stack``."""
    from app.ui.cashier import single_instance
    from app.ui.kiosk.boot import KIOSK_LOCK

    from ..support.disk import fill, mounted_read_only, small_disk
    from ..support.previous_release import create_database, stamp_revision

    data = tmp_path / "data"
    env = {"STAMPS_POS_TOKEN": TOKEN}
    if reason == "not-toml":
        return "merchant = [\n", {**env, "STAMPS_POS_LANGUAGE": "id"}
    if reason == "token-in-file":
        return 'merchant = 14\nstore = 32\ntoken = "x"\n', {"STAMPS_POS_LANGUAGE": "id"}
    if reason == "no-token":
        env = {}
    elif reason == "data-folder":
        data = Path("/proc/stamps-pos-start-test")
    elif reason == "read-only":
        (tmp_path / "writable").mkdir()
        data = stack.enter_context(mounted_read_only(tmp_path / "writable", tmp_path / "ro"))
    elif reason == "full":
        # The window takes its lock first: a full disk refuses it, and says the disk is full.
        data = stack.enter_context(small_disk(tmp_path / "disk"))
        fill(data)
    elif reason == "newer-database":
        data.mkdir(mode=0o700)
        create_database(data / "stamps-pos.db")
        stamp_revision(data / "stamps-pos.db", "0099_from_a_newer_release")
    elif reason == "second":
        stack.enter_context(single_instance(data, KIOSK_LOCK if kiosk else "gui.lock"))
    settings = (
        'language = "id"\nmerchant = 14\nstore = 32\nbase_url = "http://127.0.0.1:9"\n'
        f'data_dir = "{data}"\n'
    )
    return settings, env


#: Every reason, for the cashier's window and the kiosk; but a second kiosk shows no page (below).
PAGED = [
    pytest.param(kiosk, reason, id=f"{reason}-{'kiosk' if kiosk else 'cashier'}")
    for reason in REASONS
    for kiosk in [(), ("--kiosk",)]
    if not (kiosk and reason == "second")
]


@pytest.mark.parametrize(("kiosk", "reason"), PAGED)
def test_every_reason_a_start_stops_for_is_said_in_the_shop_s_language(
    tmp_path: Path, kiosk: tuple[str, ...], reason: str
) -> None:
    english, indonesian = REASONS[reason]
    with contextlib.ExitStack() as stack:
        settings, env = reason_set_up(reason, tmp_path, stack, bool(kiosk))
        done, pages, _ = start_stopped(tmp_path, settings, "gui", *kiosk, **env)
    assert done.returncode == 2, done.stderr
    [line] = [line for line in done.stderr.splitlines() if line.startswith("stamps-pos gui: ")]
    assert english in line  # stderr's one line, in English as scripts read it
    [page] = pages
    lines = page["text"].splitlines()
    assert lines[:2] == ["Stamps POS tidak dapat dimulai", "Mesin kasir berhenti sebelum terbuka:"]
    assert indonesian in lines[2], lines[2]
    assert english not in page["text"]
    if reason in OS_REASONS:
        os_english, os_indonesian = OS_REASONS[reason]
        assert os_english in line
        assert os_indonesian in lines[2] and os_english not in page["text"], lines[2]
    assert TOKEN not in done.stdout + done.stderr


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: no stacking
@pytest.mark.parametrize("listening", [True, False], ids=["brought-forward", "no-answer"])
def test_a_second_kiosk_leaves_the_screen_to_the_running_one_and_exits_2(
    qtbot: QtBot, tmp_path: Path, listening: bool
) -> None:
    # An autostart, a double-clicked icon or a watchdog starts the kiosk again: its page
    # covered the running kiosk, for a customer to meet, until someone tapped Close.
    from PySide6.QtWidgets import QWidget

    from app.core.logs import log_file

    running = QWidget()  # the running kiosk's window, hidden behind something else
    qtbot.addWidget(running)
    with contextlib.ExitStack() as stack:
        settings, env = reason_set_up("second", tmp_path, stack, kiosk=True)
        if listening:
            from app.ui.kiosk.boot import listen_for_a_second_kiosk

            stack.callback(listen_for_a_second_kiosk(tmp_path / "data", running).close)
        done, pages, _ = start_stopped(tmp_path, settings, "gui", "--kiosk", **env)
        if listening:
            qtbot.waitUntil(running.isFullScreen)
    assert done.returncode == 2, done.stderr
    assert pages == []  # nothing over the running kiosk, nothing waiting for a tap
    [line] = [line for line in done.stderr.splitlines() if line.startswith("stamps-pos gui: ")]
    assert "another Stamps POS kiosk is already open on" in line
    assert ("brought to the front" in line) is listening
    assert line.removeprefix("stamps-pos gui: ") in log_file(tmp_path / "data").read_text()
    assert not running.isVisible() or listening


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: no stacking
def test_a_kiosk_started_again_before_the_first_one_listens_still_brings_it_to_the_front(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # The running kiosk opens its socket after its first frame: one started again in that first
    # second found no socket, and exited leaving the first wherever a window manager had put it.
    from PySide6.QtWidgets import QWidget

    from app.core.logs import log_file
    from app.ui.kiosk.boot import listen_for_a_second_kiosk

    running = QWidget()  # the starting kiosk's window, its lock taken, its socket not open yet
    qtbot.addWidget(running)
    log = log_file(tmp_path / "data")
    with contextlib.ExitStack() as stack:
        settings, env = reason_set_up("second", tmp_path, stack, kiosk=True)
        second, _ = started(tmp_path, settings, "gui", "--kiosk", **env)
        # The second has found no socket (or, as before, given up and ended) before one opens.
        qtbot.waitUntil(
            lambda: (
                second.poll() is not None
                or (log.exists() and "does not answer yet" in log.read_text())
            ),
            timeout=60_000,
        )
        stack.callback(listen_for_a_second_kiosk(tmp_path / "data", running).close)
        done, pages = finished(second)
        assert done.returncode == 2, done.stderr
        assert pages == []  # nothing over the starting kiosk
        [line] = [line for line in done.stderr.splitlines() if line.startswith("stamps-pos gui: ")]
        assert "brought to the front" in line, line
        qtbot.waitUntil(running.isFullScreen)  # it heard the knock
