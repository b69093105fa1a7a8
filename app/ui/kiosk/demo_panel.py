"""The kiosk demo's panel (``stamps-pos demo --kiosk`` only): cut the network and make the
server fail, as the cashier's Demo menu does.

A kiosk shows no menu bar, and its lock swallows every key a scanner does not type, so the
faults are not a shortcut (one the lock let through only in the demo would be a hole in the one
rule the lock keeps, and a key nobody sees is a feature nobody finds). They are a small window
of their own, on top of the kiosk in its top-right corner (the top-left is the manager's way
out), folded to one button until it is opened, its controls then in rows beside that button:
what the panel does is the demo's sandbox's, never the kiosk's till, which finds the line down
or the server failing as it would in a shop. The kiosk leaves a strip across its top as tall as
the panel, folded or not (``KioskWindowView.leave_room_above``): over the screens, the folded
button covered the result's heading and the opened panel the QR code the cashier scans. Only the
demo builds it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QRect, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QWidget,
)

from app.ui.demo import DemoControls, DemoDriver, Fault, fault_choices
from app.ui.kiosk.lockdown import CORNER_PX

#: Room left between the panel and the screen's edge.
MARGIN_PX = 8
#: The server's behaviours side by side in a row of the opened panel.
FAULTS_A_ROW = 2


class KioskDemoPanel(QWidget):
    """The demo's faults beside the kiosk, on ``controls``; ``placed`` once it took its place
    again, folded, opened or in another language (the kiosk's strip follows its height)."""

    placed = Signal()

    def __init__(self, controls: DemoControls) -> None:
        flags = (
            Qt.WindowType.Tool
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.WindowDoesNotAcceptFocus  # the kiosk keeps the scanner's keys
        )
        super().__init__(None, flags)
        self.setObjectName("kioskDemoPanel")
        self.setStyleSheet(
            "#kioskDemoPanel { background: #fff8e1; border: 2px solid #b26a00; }"
            "#kioskDemoPanel QLabel, #kioskDemoPanel QCheckBox, #kioskDemoPanel QRadioButton,"
            " #kioskDemoPanel QPushButton { font-size: 12px; }"
            "#kioskDemoPanel QPushButton { min-height: 0; padding: 4px 10px; }"
            "QLabel#demoDone { color: #5d4037; }"
        )
        self.controls = controls
        self._layout = layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(12)

        # Opened, its controls beside the button, two behaviours a row, in a smaller type than
        # the till's: the strip the kiosk leaves the panel stays short enough, and the panel
        # narrow enough beside the manager's corner, for every kiosk screen under it at
        # 1024x768 (they fit 614 px).
        self.body = QWidget()
        self._grid = body = QGridLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setHorizontalSpacing(12)
        body.setVerticalSpacing(2)
        self.cut = QCheckBox()
        self.reset = QPushButton()
        self.faults = QButtonGroup(self)
        self.fault_buttons: dict[Fault, QRadioButton] = {}
        for fault, _text in fault_choices():
            button = QRadioButton()
            button.setChecked(fault == "none")
            self.faults.addButton(button)
            self.fault_buttons[fault] = button
        self.done = QLabel()
        self.done.setObjectName("demoDone")
        self.done.setWordWrap(True)
        self._arrange(FAULTS_A_ROW)
        for widget in self.body.findChildren(QWidget):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.body, 1)
        self.body.hide()
        self.toggle = QPushButton()
        self.toggle.setCheckable(True)
        self.toggle.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.toggle.toggled.connect(self._unfold)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        self.driver = DemoDriver(
            controls,
            cut=self.cut,
            no_fault=self.fault_buttons["none"],
            busy=lambda busy: self.body.setEnabled(not busy),
            say=self.done.setText,
        )
        self.cut.toggled.connect(self.driver.network)
        for fault, button in self.fault_buttons.items():
            button.clicked.connect(lambda _checked=False, f=fault: self.driver.fault(f))
        self.reset.clicked.connect(self.driver.reset)
        self._screen: QRect | None = None
        self.retranslate()

    def retranslate(self) -> None:
        """The panel's words in the language installed now: the kiosk's, which the customer
        picks on welcome (a shop owner is shown the demo in theirs)."""
        title = QCoreApplication.translate("KioskDemoPanel", "Demo controls")
        self.setWindowTitle(title)
        self.toggle.setText(title)
        self.cut.setText(QCoreApplication.translate("DemoMenu", "Cut the network"))
        self.reset.setText(QCoreApplication.translate("DemoMenu", "Reset the shop"))
        for fault, text in fault_choices():
            self.fault_buttons[fault].setText(text)
        last = self.driver.last_done
        if last is not None:
            self.done.setText(last())
        else:
            self.done.setText(
                QCoreApplication.translate(
                    "KioskDemoPanel", "Not on a real kiosk: only the demo shows this."
                )
            )
        if self._screen is not None:
            self.place(self._screen)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _arrange(self, a_row: int) -> None:
        """The controls in the grid: the server's behaviours ``a_row`` a row."""
        grid = self._grid
        for widget in (self.cut, self.reset, *self.fault_buttons.values(), self.done):
            grid.removeWidget(widget)
        grid.addWidget(self.cut, 0, 0)
        grid.addWidget(self.reset, 0, 1, Qt.AlignmentFlag.AlignLeft)
        for index, button in enumerate(self.fault_buttons.values()):
            grid.addWidget(button, 1 + index // a_row, index % a_row)
        rows = 1 + (len(self.fault_buttons) + a_row - 1) // a_row
        grid.addWidget(self.done, rows, 0, 1, 2)

    def place(self, screen: QRect) -> None:
        """Put the panel in the top-right corner of ``screen`` (the kiosk's), clear of the
        manager's corner: where two behaviours a row beside the button are wider than that
        (a standing screen), one a row, and then under the button if still too wide."""
        self._screen = screen
        room = screen.width() - CORNER_PX - 2 * MARGIN_PX
        for a_row, beside in ((FAULTS_A_ROW, True), (1, True), (1, False)):
            self._arrange(a_row)
            direction = QBoxLayout.Direction.LeftToRight
            if not beside:  # the button stays on top, where the demo's hand found it
                direction = QBoxLayout.Direction.BottomToTop
            self._layout.setDirection(direction)
            self._layout.activate()
            if self.sizeHint().width() <= room:
                break
        self.adjustSize()
        self.resize(self.sizeHint())
        self.move(screen.right() - self.width() - MARGIN_PX, screen.top() + MARGIN_PX)
        self.placed.emit()

    def room_above(self) -> int:
        """The strip the kiosk leaves across its top for the panel as it is now."""
        return self.sizeHint().height() + 2 * MARGIN_PX

    def _unfold(self, open_: bool) -> None:
        self.body.setVisible(open_)
        if self._screen is not None:
            self.place(self._screen)
        else:
            self.adjustSize()
