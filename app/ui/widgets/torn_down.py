"""Whether a widget is being torn down: its window closing at the end of a run, Qt still sends
it its last events (a hide, a focus change, a language change) after the Python side has lost
its attributes. A handler that reads them then raised "no attribute …" in the event loop, in
a long test run and in the order its windows happened to go."""

from __future__ import annotations

from PySide6.QtCore import QObject


def torn_down(widget: QObject, attribute: str) -> bool:
    """Whether ``widget`` has lost ``attribute`` (one its constructor sets): a handler then
    does nothing, there being nothing left for it to do."""
    return attribute not in widget.__dict__
