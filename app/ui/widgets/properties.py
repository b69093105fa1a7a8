"""Style-sheet state on widgets: the theme (``till.qss``) colours widgets by dynamic property."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def set_style_property(widget: QWidget, name: str, value: object) -> None:
    """Set a dynamic property the style sheet selects on, and re-apply the style.

    Qt evaluates property selectors when a widget is polished, not when a property changes, so a
    widget whose state changes must be unpolished and polished again to change colour.
    """
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
