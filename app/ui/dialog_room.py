"""Every dialog opens as tall as its words need, within the till's room.

A window Qt sizes itself (a dialog that sets no size of its own) is never made more than two
thirds of its screen's height: on 1366×768 at a desktop scale of 125% (1093×614 to Qt) that is
409 px, and "Add a cashier", which needs 432, opened with its Name and "PIN again" fields cut at
their foot. The till's window is the bound that matters (:func:`till_room`), not a share of
the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QDialog

from app.ui.widgets.till_room import till_room


def needed_size(dialog: QDialog) -> QSize:
    """The size ``dialog``'s words need at the width it has (wider only where its hint is):
    wrapped labels counted at that width."""
    layout = dialog.layout()
    if layout is not None:
        layout.activate()
    width = max(dialog.width(), dialog.sizeHint().width(), dialog.minimumWidth())
    if layout is not None and layout.hasHeightForWidth():
        height = layout.totalHeightForWidth(width)
    else:
        height = dialog.sizeHint().height()
    return QSize(width, height)


class DialogRoom(QObject):
    """The application's event filter that grows a dialog being shown to the size its words
    need (:func:`needed_size`), no larger than :func:`till_room`; it never shrinks one."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        app.installEventFilter(self)

    @classmethod
    def install(cls, app: QApplication) -> DialogRoom:
        """The application's one ``DialogRoom``, made the first time."""
        existing = app.findChild(cls)
        return existing if existing is not None else cls(app)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The class first: this filter sees every event of every object. Before the dialog's
        # own show (which centres it over its parent at the size it has then).
        if (
            isinstance(event, QShowEvent)
            and isinstance(watched, QDialog)
            and not event.spontaneous()
            and watched.isWindow()
        ):
            wanted = needed_size(watched).boundedTo(till_room(watched))
            grown = watched.size().expandedTo(wanted)
            if grown != watched.size():
                watched.resize(grown)
        return False
