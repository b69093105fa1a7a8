"""Columns of a table that share the width the others leave, none narrower than its heading.

Qt's ``Stretch`` gives stretching columns equal shares, however narrow: at 1024 px the history's
member and redemption each got 122 px, and "Redemption" needs 130, so its heading was cut while
the member's column had room to spare. A heading has no tooltip to carry it, so here each column
gets at least its heading's width and the rest share what is left equally (their cells are
elided, whole in their tooltips). A column may also have a ceiling (its cells' width, or less):
the history's invoice, fitted whole, pushed Status past the table's edge when it was 64
characters, yet a short one needs no equal share. The widths follow the table: its width (a
scroll bar coming or going), the other columns' widths (fitted to new rows), the headings.

On a scaled desktop (1024×768 at 125% is 819 px) even the floors do not fit: the history's
columns needed 914 px in 760. Columns named to give way are hidden, in their order, while the
table's columns need more than its width, and shown again when they fit; each holds words the
row's details also show (the history's server id and cashier), so nothing is out of reach.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView


def share(
    room: int, floors: Sequence[int], ceilings: Sequence[int | None] | None = None
) -> list[int]:
    """Widths for columns with these least widths (``floors``) sharing ``room`` pixels: equal
    shares where a share is at least a column's floor, the floor where it is not, and no more
    than a column's ceiling (``None``: none) where it has one above its floor."""
    widths = list(floors)
    tops = list(ceilings) if ceilings is not None else [None] * len(floors)
    open_columns = set(range(len(floors)))
    left = room
    # The columns whose floor is above an equal share keep their floor; then those whose
    # ceiling is below it keep their ceiling; the others share the rest.
    while open_columns:
        each = left // len(open_columns)
        above = {c for c in open_columns if floors[c] > each}
        if not above:
            below = {c for c in open_columns if (top := tops[c]) is not None and top < each}
            for column in below:
                widths[column] = max(floors[column], tops[column] or 0)
                left -= widths[column]
            open_columns -= below
            if below:
                continue
            spare = left - each * len(open_columns)
            for n, column in enumerate(sorted(open_columns)):
                widths[column] = each + (1 if n < spare else 0)
            break
        for column in above:
            left -= floors[column]
        open_columns -= above
    return widths


class SharedColumns(QObject):
    """Keeps ``columns`` of ``table`` sharing the width its other columns leave (see the
    module's doc); the others keep their own resize modes. Those in ``fitted`` grow no wider
    than their cells need, nor than the width given there (``None``: their cells alone)."""

    def __init__(
        self,
        table: QTableView,
        columns: Sequence[int],
        fitted: Mapping[int, int | None] | None = None,
        give_way: Sequence[int] = (),
    ) -> None:
        super().__init__(table)
        self._table = table
        self._columns = tuple(columns)
        self._fitted = dict(fitted or {})
        self._give_way = tuple(give_way)
        self._fitting = False
        header = table.horizontalHeader()
        for column in self._columns:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        # The header is as wide as the table's viewport: its resize is the viewport's.
        header.installEventFilter(self)
        header.sectionResized.connect(self._other_resized)
        model = table.model()
        model.headerDataChanged.connect(self.fit)
        model.modelReset.connect(self.fit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _other_resized(self, column: int, _old: int, _new: int) -> None:
        if column not in self._columns:
            self.fit()

    def fit(self) -> None:
        """Share the width now (the table does it on its own when something changes)."""
        if self._fitting:
            return
        header = self._table.horizontalHeader()
        self._fitting = True
        try:
            self._hide_what_gives_way()
        finally:
            self._fitting = False
        shown = [c for c in self._columns if not header.isSectionHidden(c)]
        if not shown:
            return
        others = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c not in shown and not header.isSectionHidden(c)
        )
        floors = [header.sectionSizeFromContents(c).width() for c in shown]
        widths = share(header.width() - others, floors, [self._ceiling(c) for c in shown])
        self._fitting = True
        try:
            for column, width in zip(shown, widths, strict=True):
                if header.sectionSize(column) != width:
                    header.resizeSection(column, width)
        finally:
            self._fitting = False

    def _hide_what_gives_way(self) -> None:
        if not self._give_way:
            return
        header = self._table.horizontalHeader()
        # The most columns that fit: the first to give way is the last to come back.
        hidden = list(reversed(self._give_way))
        while hidden and self._least_width(set(hidden[1:])) <= header.width():
            hidden.pop(0)
        for column in self._give_way:
            header.setSectionHidden(column, column in hidden)

    def _least_width(self, hidden: set[int]) -> int:
        """What the columns not in ``hidden`` need: the shared ones their headings, the others
        their cells or headings, as their resize mode would give them."""
        header = self._table.horizontalHeader()
        least = 0
        for column in range(header.count()):
            if column in hidden:
                continue
            heading = header.sectionSizeFromContents(column).width()
            if column in self._columns:
                least += heading
            else:
                least += max(heading, self._table.sizeHintForColumn(column))
        return least

    def _ceiling(self, column: int) -> int | None:
        if column not in self._fitted:
            return None
        cells = self._table.sizeHintForColumn(column)
        most = self._fitted[column]
        return cells if most is None else min(cells, most)
