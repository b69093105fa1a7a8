"""A second kiosk started on the same data folder asks the running one to come to the front.

An autostart, a double-clicked icon or a watchdog starts the kiosk again while one runs: the
second must not cover the first with a page a customer meets (docs/kiosk.md, "Starting"). It
exits; before it does, it knocks on a local socket the running kiosk listens on, named after
the data folder, and the running kiosk raises its window: whoever started the second one sees
the kiosk they wanted.

The running kiosk opens its socket after its first frame, so a second one started in the first
one's first second finds none yet: it knocks again, a little later, for as long as the first
holds the folder's lock and at most :data:`KNOCK_FOR_MS`.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, QThread
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

#: What a second kiosk says on the socket; anything else is read and ignored.
KNOCK = b"front\n"
#: How long a second kiosk waits for the running one to answer at all (it is on this machine).
WAIT_MS = 1000
#: How long a second kiosk keeps knocking while the running one starts (its lock held, its
#: socket not open yet): its first frame, then its event loop, on a slow kiosk's cold disk.
KNOCK_FOR_MS = 10_000
#: The pause between two knocks on a socket that is not there yet.
KNOCK_AGAIN_MS = 50

log = logging.getLogger(__name__)


def door_name(data_dir: Path) -> str:
    """The socket's name for the kiosk on ``data_dir``: one kiosk per folder, as its lock."""
    folder = str(data_dir.expanduser().resolve())
    return "stamps-pos-kiosk-" + hashlib.sha256(folder.encode("utf-8")).hexdigest()[:16]


class FrontDoor(QLocalServer):
    """Listens for a second kiosk's knock and brings ``window`` to the front for it."""

    def __init__(self, data_dir: Path, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.newConnection.connect(self._answer)
        name = door_name(data_dir)
        # Only this user's processes may knock (the socket's file is in the temp folder).
        self.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # A socket left by a kiosk that crashed: this one holds the folder's lock now.
        QLocalServer.removeServer(name)
        self.listening = self.listen(name)

    def _answer(self) -> None:
        while self.hasPendingConnections():
            socket = self.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if KNOCK in bytes(socket.readAll().data()):
            bring_to_front(self._window)
        socket.disconnectFromServer()


def bring_to_front(window: QWidget) -> None:
    """Full screen again and on top, wherever a window manager had put it."""
    window.showFullScreen()
    window.raise_()
    window.activateWindow()


def knock(data_dir: Path, *, still_running: Callable[[], bool]) -> bool:
    """Ask the kiosk running on ``data_dir`` to come to the front; ``True`` when it heard.
    Knocks again while ``still_running()`` (its lock is held) and its socket is not open yet,
    for at most :data:`KNOCK_FOR_MS`."""
    name = door_name(data_dir)
    deadline = QDeadlineTimer(KNOCK_FOR_MS)
    if _knock_once(name):
        return True
    log.info("the running kiosk on %s does not answer yet; knocking again", data_dir)
    while not deadline.hasExpired() and still_running():
        QThread.msleep(KNOCK_AGAIN_MS)
        if _knock_once(name):
            return True
    return False


def _knock_once(name: str) -> bool:
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(WAIT_MS):
        return False
    socket.write(KNOCK)
    heard = socket.waitForBytesWritten(WAIT_MS)
    socket.disconnectFromServer()
    return heard
