"""Every text a cashier can see in a window and its dialogs, in widget order: labels, buttons,
menus, tooltips, placeholders, table headers and cells, tabs, spin box affixes, window titles and
screen-reader names (tests/ui/test_every_word_translated.py and the live flows in Indonesian)."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QWidget,
)


def plain(text: str) -> str:
    """``text`` as shown: a menu's ``&`` mnemonic marks gone."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def _item_texts(view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    if isinstance(view, QListWidget):
        for row in range(view.count()):
            item = view.item(row)
            yield f"item {row}", item.text()
            yield f"item {row} tooltip", item.toolTip()
        return
    if isinstance(view, QTableWidget):
        for column in range(view.columnCount()):
            header = view.horizontalHeaderItem(column)
            yield f"header {column}", header.text() if header else ""
        for row in range(view.rowCount()):
            for column in range(view.columnCount()):
                cell = view.item(row, column)
                if cell is not None:
                    yield f"cell {row},{column}", cell.text()
                    yield f"cell {row},{column} tooltip", cell.toolTip()
        return
    model = view.model()
    if model is None:
        return
    for column in range(model.columnCount()):
        yield f"header {column}", str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role, name in (
                (Qt.ItemDataRole.DisplayRole, "cell"),
                (Qt.ItemDataRole.ToolTipRole, "cell tooltip"),
            ):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield f"{name} {row},{column}", value


def _widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    yield "tooltip", widget.toolTip()
    yield "screen-reader name", widget.accessibleName()
    if widget.isWindow():
        yield "window title", widget.windowTitle()
    if isinstance(widget, QLabel) and not widget.pixmap():
        yield "label", widget.text()
    elif isinstance(widget, QAbstractButton):
        yield "button", widget.text()
    elif isinstance(widget, QLineEdit):
        yield "placeholder", widget.placeholderText()
    elif isinstance(widget, QAbstractSpinBox):
        yield "special value", widget.specialValueText()
        if isinstance(widget, QSpinBox):
            yield "prefix", widget.prefix()
            yield "suffix", widget.suffix()
    elif isinstance(widget, QTabWidget):
        for tab in range(widget.count()):
            yield f"tab {tab}", widget.tabText(tab)
            yield f"tab {tab} tooltip", widget.tabToolTip(tab)
    elif isinstance(widget, QAbstractItemView):
        yield from _item_texts(widget)


def menu_texts(actions: list[QAction], path: str) -> Iterator[tuple[str, str]]:
    """The words of a menu bar's (or a menu's) actions and their submenus', by position."""
    for number, action in enumerate(actions):
        if action.isSeparator():
            continue
        where = f"{path} > {number}"
        yield f"menu {where}", action.text()
        yield f"menu {where} tooltip", action.toolTip()
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield from menu_texts(menu.actions(), where)


def visible_texts(window: QMainWindow) -> list[tuple[str, str]]:
    """``(where, text)`` for every text the cashier can see in ``window`` and its dialogs, in
    widget order."""
    found: list[tuple[str, str]] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        name = widget.objectName() or type(widget).__name__
        for kind, text in _widget_texts(widget):
            if plain(text):
                found.append((f"{name} {kind}", plain(text)))
    found.extend(
        (where, plain(text))
        for where, text in menu_texts(window.menuBar().actions(), "")
        if plain(text)
    )
    return found
