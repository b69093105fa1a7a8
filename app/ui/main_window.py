"""The cashier's window, laid out for a 1366×768 till: member on the left, what to redeem in the
middle, the result and the shift's redemptions on the right, the sync state along the bottom."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING

# Not the Qt namespace here: creating it costs 15 ms, which the first frame does without (the
# methods that bind keys and focus import it; they run after that frame).
from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QIcon, QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.resources import icon

if TYPE_CHECKING:
    from app.ui.damaged import DamagedDatabaseView
    from app.ui.dialogs.about_dialog import AboutDialog
    from app.ui.dialogs.keyboard_help import KeyboardHelpDialog
    from app.ui.first_manager import FirstManagerView
    from app.ui.manager.page import ManagerPageView
    from app.ui.shift_summary import ShiftSummaryView

LEFT_WIDTH = 330
RIGHT_WIDTH = 420
#: The narrowest the member and result columns get (a 1024 px screen): the member's name and
#: stamps still on one line each, the result's banner words on at most three.
LEFT_NARROWEST = 250
RIGHT_NARROWEST = 320
#: And on a tight page (1024×768 at a desktop scale of 125%: 819 px), in a smaller type.
LEFT_TIGHTEST = 200
RIGHT_TIGHTEST = 230
#: The middle's width for its tabs with their icons (545 px in English), three tiles a row and
#: the selection on one line (501 px, a cart shown); below it the page is narrow
#: (app/ui/widgets/cashier_columns.py). And the narrowest it gets, two tiles a row.
MIDDLE_ROOMY = 550
MIDDLE_NARROWEST = 380
#: The least the middle takes, two tiles a row (a tight page: the sides gave all they could).
MIDDLE_TIGHTEST = 316
#: The cashier page's margins, and the spacing between its columns.
PAGE_MARGIN = 12
#: A window shorter than this has compact reward tiles (no picture). At a desktop scale of 125%
#: 1366×768 and 1024×768 give 614 px (less a title bar), where the grid is shorter than a tile
#: with its picture and each tile's cost was out of sight until scrolled to. At 100% they give
#: 768 px, or about 700 under a title bar and a taskbar: the grid has room for whole tiles,
#: which keep their pictures. Measured: a tile with its picture is 176 px, and the grid has
#: that from a window 642 px high at 1024 px wide (624 px at 1280); 660 keeps some room over.
COMPACT_TILES_BELOW = 660
#: The least height of the result panel: a confirmed redemption's banner, reward, stamps left,
#: "Hand over the reward.", its ID on two lines beside the QR code and "Print slip" under them.
#: Its 3:2 share of a 1024×600 window's column (under a title bar) left "Print slip" cut; the
#: shift's list below, which scrolls anyway, gives the difference.
RESULT_LEAST_HEIGHT = 300


class StartingPage(QWidget):
    """What the window shows from its first frame until the till is open: that it is starting.

    Nothing else is on screen meanwhile (no menu, no sync state): none of it would be true yet.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startingPage")
        logo = QLabel()
        logo.setPixmap(icon("app").pixmap(72, 72))
        self.title = QLabel(self.tr("Stamps POS"))
        self.title.setProperty("role", "title")
        self.text = QLabel(self.tr("Starting…"))
        self.text.setObjectName("startingText")
        self.text.setProperty("role", "muted")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for label in (logo, self.title, self.text):
            # Centred between stretches, not by an alignment flag: no Qt namespace (see above).
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(label)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addStretch(1)


class CashierWindowView(QMainWindow):
    """The till's main window: its pages (sign-in, cashier, shift summary, manager mode, the
    first manager's setup, a damaged database) under the storage banner and above the always
    visible :class:`SyncStatusBar`.

    It lays out and binds keys; it decides nothing. Controllers reach the widgets as attributes
    (``member_search``, ``member_card``, ``invoice_field``, ``reward_picker``, ``voucher_panel``,
    ``promo_panel``, ``result_panel``, ``redemptions``, ``status``, ``sign_in``, ``summary``,
    ``manager``, ``first_manager``, ``damaged``, ``storage_banner``) and listen to their signals
    and to this window's: ``back_requested`` (Esc with nothing left to close),
    ``lock_requested`` (Shift → Lock the till, F12),
    ``close_shift_requested`` (Shift → Close shift), ``manager_requested`` (Manager → Manager
    mode, F8), ``leave_manager_requested`` (Manager → Leave manager mode) and ``manager_built``
    (manager mode's page was just built: see :attr:`manager`).

    A start shows the sign-in page, then the cashier's: the other pages (``summary``,
    ``manager``, ``first_manager``, ``damaged``) are built the first time they are wanted.
    """

    back_requested = Signal()
    lock_requested = Signal()
    close_shift_requested = Signal()
    manager_requested = Signal()
    leave_manager_requested = Signal()
    manager_built = Signal()

    REWARDS_TAB, VOUCHERS_TAB, PROMO_TAB = range(3)

    def __init__(self, parent: QWidget | None = None, *, starting: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("cashierWindow")
        self.setWindowTitle(self.tr("Stamps POS"))
        self.setWindowIcon(icon("app"))
        self.help_dialog: KeyboardHelpDialog | None = None
        self.about_dialog: AboutDialog | None = None
        # The starting page first, the till's pages behind it once built: one window throughout.
        self.starting_page = StartingPage()
        self.frame = QStackedWidget()
        self.frame.addWidget(self.starting_page)
        self.setCentralWidget(self.frame)
        self.resize(1366, 768)
        self.is_built = False
        if not starting:
            self.build()
            self.show_sign_in()

    def build(self) -> None:
        """Build the till's pages, menus and keys behind the starting page, which stays up until
        a page is shown. ``starting=True`` leaves this for later: the window is then made of
        PySide6 alone and paints at once, and its pages' modules are imported here."""
        from app.ui.sign_in import SignInView
        from app.ui.widgets.short_screen import PagesThatScroll
        from app.ui.widgets.status_bar import SyncStatusBar
        from app.ui.widgets.storage_banner import StorageBanner

        # Built in place, from the window down. Under the till's style sheet a widget that joins
        # a window is styled again with everything below it; built apart and then put together
        # (page into stack, stack into content, content into the window), every widget was
        # styled once per step, and the pages took twice as long to build. Each part joins in the
        # order it did when put together, which keeps the keyboard's Tab order as it was.
        self.storage_banner = StorageBanner()
        # On a screen smaller than a page (a desktop scale of 125% or 150%) the page scrolls and
        # the window keeps to the screen (app/ui/widgets/short_screen.py).
        self._scroll = scroll = PagesThatScroll()
        self.pages = scroll.pages
        self.content = QWidget()
        self._content = layout = QVBoxLayout(self.content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(scroll, 1)
        # Across the bottom with the sync state's banners, above them (the gravest: nothing can
        # be saved). Across the top it pushed the whole page down, and back up as the disk came
        # back, under the cashier's finger; here the cashier's page lends it its height as it
        # does theirs (banners_height).
        layout.addWidget(self.storage_banner)
        self.frame.addWidget(self.content)

        self.sign_in = SignInView()
        self.pages.addWidget(self.sign_in)
        self.cashier_page = self._build_cashier_page()  # into the stack as it is built
        # The pages a start does not show are built when first wanted (see manager, summary,
        # first_manager, damaged): most shifts never open manager mode, a shift's summary
        # comes at its end, most starts find a manager and a whole database.
        self._manager: ManagerPageView | None = None
        self._summary: ShiftSummaryView | None = None
        self._can_save = True  # (the storage banner is down)
        self._first_manager: FirstManagerView | None = None
        self._damaged: DamagedDatabaseView | None = None
        self.status = SyncStatusBar()
        layout.addWidget(self.status)
        self.status.lend_note_room(self._note_room)
        # A note on a line of its own moves no page: each keeps its height under it.
        scroll.lend_height(self.status.note_line_height)
        self._lend_banners_room()

        self._build_menus()
        self._bind_keys()
        self._set_tab_order()
        # Until a page is shown: its menus would act on a till that is not open yet.
        self.menuBar().setVisible(self.frame.currentWidget() is self.content)
        self.is_built = True
        self._fit_tiles_to_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.is_built:
            self._fit_tiles_to_height()

    def _fit_tiles_to_height(self) -> None:
        # By the window's height alone, which only the screen changes: a banner or a member's
        # card coming leaves the tiles as they are.
        self.reward_picker.set_compact(self.height() < COMPACT_TILES_BELOW)

    # -- pages -------------------------------------------------------------------------------

    def _show_page(self, page: QWidget) -> None:
        self.status.set_note_room_up(page is self.cashier_page)
        # The Manager menu says what is true: in manager mode it offers leaving, not entering
        # (F8 too; it only showed the page already up).
        in_manager_mode = page is self._manager
        self.manager_action.setEnabled(not in_manager_mode)
        self.leave_manager_action.setEnabled(in_manager_mode)
        # The Shift menu too: locking and closing act on the cashier's shift on screen, and did
        # nothing from the sign-in page (the lock itself), manager mode or the first start,
        # offered all the same, F12 shown beside it.
        on_shift = page is self.cashier_page or (
            self._summary is not None and page is self._summary
        )
        self.lock_action.setEnabled(on_shift)
        self.close_shift_action.setEnabled(on_shift)
        self.pages.setCurrentWidget(page)
        if self.frame.currentWidget() is not self.content:  # the first page: the till is open
            self.frame.setCurrentWidget(self.content)
            self.menuBar().setVisible(True)

    def show_sign_in(self) -> None:
        """The sign-in page (start of a shift)."""
        self._show_page(self.sign_in)
        self._cashier_keys_enabled(False)
        self.sign_in.cashiers.setFocus()

    def show_cashier(self) -> None:
        """The till itself, with the cursor in member search."""
        self._show_page(self.cashier_page)
        self._cashier_keys_enabled(True)
        self.focus_member_search()

    def show_summary(self) -> None:
        """The shift summary (closing a shift)."""
        self._show_page(self.summary)
        self._cashier_keys_enabled(False)
        self.summary.close_button.setFocus()

    @property
    def summary(self) -> ShiftSummaryView:
        """The shift summary's page, built the first time it is wanted (a shift closing)."""
        if self._summary is None:
            from app.ui.shift_summary import ShiftSummaryView

            self._summary = ShiftSummaryView()
            self._summary.close_button.setEnabled(self._can_save)
            self.pages.addWidget(self._summary)
        return self._summary

    @property
    def built_summary(self) -> ShiftSummaryView | None:
        """The shift summary's page if it was built (``None`` builds nothing)."""
        return self._summary

    @property
    def first_manager(self) -> FirstManagerView:
        """The first manager's setup page, built the first time it is wanted (a till without a
        manager)."""
        if self._first_manager is None:
            from app.ui.first_manager import FirstManagerView

            self._first_manager = FirstManagerView()
            self.pages.addWidget(self._first_manager)
        return self._first_manager

    @property
    def built_first_manager(self) -> FirstManagerView | None:
        """The first manager's setup page if it was built (``None`` builds nothing)."""
        return self._first_manager

    @property
    def damaged(self) -> DamagedDatabaseView:
        """A damaged database's page, built the first time it is wanted."""
        if self._damaged is None:
            from app.ui.damaged import DamagedDatabaseView

            self._damaged = DamagedDatabaseView()
            self.pages.addWidget(self._damaged)
        return self._damaged

    @property
    def manager(self) -> ManagerPageView:
        """Manager mode's page, built the first time anything wants it (manager mode opened, a
        controller, a test); ``manager_built`` says so, at once, to whoever wires it. A
        cashier's start does not wait for it: most shifts never open manager mode."""
        if self._manager is None:
            from app.ui.manager.page import ManagerPageView

            self._manager = ManagerPageView()
            self.pages.addWidget(self._manager)
            self.manager_built.emit()
        return self._manager

    @property
    def built_manager(self) -> ManagerPageView | None:
        """Manager mode's page if it was built (without building it)."""
        return self._manager

    def is_showing_manager(self) -> bool:
        """Whether manager mode's page is the one up (without building it)."""
        return self._manager is not None and self.pages.currentWidget() is self._manager

    def is_showing_shift(self) -> bool:
        """Whether a page of the cashier's shift is up: the till itself or the shift's summary
        (the pages the idle lock guards; without building the summary)."""
        current = self.pages.currentWidget()
        return current is self.cashier_page or (
            self._summary is not None and current is self._summary
        )

    def show_manager(self) -> None:
        """Manager mode's page."""
        self._show_page(self.manager)
        self._cashier_keys_enabled(False)
        self.manager.tabs.setFocus()

    def show_page(self, page: QWidget) -> None:
        """Back to ``page`` (the one manager mode replaced)."""
        if page is self.cashier_page:
            self.show_cashier()
        elif page is self._summary:
            self.show_summary()
        elif page is self.sign_in:
            self.show_sign_in()
        else:
            self._show_page(page)
            self._cashier_keys_enabled(False)

    def show_first_manager(self) -> None:
        """The first manager's setup (a till without a manager)."""
        self._show_page(self.first_manager)
        self._cashier_keys_enabled(False)
        self.first_manager.focus()

    def show_damaged(self) -> None:
        """A damaged database, waiting for a manager's decision."""
        self._show_page(self.damaged)
        self._cashier_keys_enabled(False)
        self.damaged.name_edit.setFocus()

    def banners_height(self) -> int:
        """How much of the pages' height the banners across the bottom take now (a full disk,
        paused, a stalled lane, a wrong clock) at the window's width."""
        return self._banner_room.lent()

    def _lend_banners_room(self) -> None:
        from app.ui.widgets.banner_room import BannerRoom, height_in

        content, storage_banner, status = self._content, self.storage_banner, self.status

        def banners_height(width: int) -> int:
            return height_in(content, storage_banner, width) + status.banners_height(width)

        # What the cashier aims at holds still as a banner comes or goes: its height comes from
        # what scrolls or is empty (app/ui/widgets/banner_room.py).
        self._banner_room = BannerRoom(
            self.cashier_page,
            banners_height,
            across=self.content,
            page_layout=self._page_layout,
            cart=self.reward_picker.cart,
            right=self._right_column,
            result=self.result_panel,
            shift_list=self.redemptions,
            left=self._left_column,
            card=self.member_card,
            invoice=self.invoice_field,
            shown=self._scroll,
        )

    def set_storage_problem(self, sentence: str) -> None:
        """While the disk refuses writes (``sentence``; ``""``: it can save), the banner says so
        and what redeems is greyed (and the shift summary's "Close shift"): nothing can be
        queued, and a reward picked would be a promise the till cannot keep. The rest only
        reads, and stays: looking members up, the shift's list, the menus and manager mode
        (History, Exceptions, the audit log, End of day, exports to another disk), which the
        day the disk fills a manager needs most."""
        self.storage_banner.set_problem(sentence)
        self._can_save = not sentence
        self.tabs.setEnabled(self._can_save)
        if self._summary is not None:
            # Its close is written to the shift's log: pressed, it did nothing at all. The
            # summary and its CSV (to another disk) only read, and stay.
            self._summary.close_button.setEnabled(self._can_save)

    # -- the function keys -------------------------------------------------------------------

    def focus_member_search(self) -> None:
        """F2."""
        self.member_search.focus()

    def show_rewards(self) -> None:
        """F3."""
        self.tabs.setCurrentIndex(self.REWARDS_TAB)
        self.reward_picker.focus_first_tile()

    def show_vouchers(self) -> None:
        """F4."""
        from PySide6.QtCore import Qt

        self.tabs.setCurrentIndex(self.VOUCHERS_TAB)
        self.voucher_panel.code_field.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_promo(self) -> None:
        """F5."""
        from PySide6.QtCore import Qt

        self.tabs.setCurrentIndex(self.PROMO_TAB)
        self.promo_panel.code_field.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_rewards_tab(self) -> None:
        """The Rewards tab, as each customer first sees it; the keyboard stays where it is."""
        self.tabs.setCurrentIndex(self.REWARDS_TAB)

    def open_vouchers_tab(self) -> None:
        """The Vouchers tab; the keyboard stays where it is."""
        self.tabs.setCurrentIndex(self.VOUCHERS_TAB)

    def focus_open_tab(self) -> None:
        """The keyboard to the open tab, where its F-key (F3, F4, F5) would put it."""
        {
            self.REWARDS_TAB: self.show_rewards,
            self.VOUCHERS_TAB: self.show_vouchers,
            self.PROMO_TAB: self.show_promo,
        }.get(self.tabs.currentIndex(), self.focus_member_search)()

    def focus_invoice(self) -> None:
        """F6."""
        self.invoice_field.focus()

    def redeem_cart(self) -> None:
        """F9: show the rewards tab and submit its cart."""
        self.tabs.setCurrentIndex(self.REWARDS_TAB)
        self.reward_picker.submit_cart()

    def back_out(self) -> None:
        """Esc: close the suggestion list if open, else ask the controller to step back."""
        if self.member_search.suggestions.isVisible():
            self.member_search.dismiss()
            return
        self.back_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter on a button of a page that does not press it itself (the sign-in's "Start
        # shift", the cashier page's "Print slip", "Redeem now", the cart's, the sync row's):
        # a window is no dialog, so Qt's buttons take Space only, and Enter, which the keyboard
        # help says confirms, did nothing (walked under Xvfb).
        from app.ui.widgets.enter_presses import press_focused_button

        if not press_focused_button(self, event):
            super().keyPressEvent(event)

    def open_keyboard_help(self) -> None:
        """Help → Keyboard (F1), non-modal."""
        if self.help_dialog is None:
            from app.ui.dialogs.keyboard_help import KeyboardHelpDialog

            self.help_dialog = KeyboardHelpDialog(self)
        self.help_dialog.open()

    def open_about(self) -> None:
        """Help → About: the version, for support."""
        if self.about_dialog is None:
            from app.ui.dialogs.about_dialog import AboutDialog

            self.about_dialog = AboutDialog(self)
        self.about_dialog.open()

    # -- building ----------------------------------------------------------------------------

    def _build_cashier_page(self) -> QWidget:
        from app.ui.widgets.cashier_columns import CashierColumns, SideColumn
        from app.ui.widgets.invoice_field import InvoiceField
        from app.ui.widgets.member_card import MemberCard
        from app.ui.widgets.member_search import MemberSearch
        from app.ui.widgets.promo_panel import PromoPanel
        from app.ui.widgets.redemptions_table import ShiftRedemptionsModel, ShiftRedemptionsView
        from app.ui.widgets.result_panel import ResultPanel
        from app.ui.widgets.reward_picker import RewardPicker
        from app.ui.widgets.voucher_panel import VoucherPanel
        from app.ui.widgets.words_to_search import WordsToSearch

        # In the stack first, then each column filled before the next joins (see build).
        page = QWidget()
        page.setObjectName("cashierPage")
        self.pages.addWidget(page)
        self._page_layout = layout = QHBoxLayout(page)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        layout.setSpacing(PAGE_MARGIN)

        left = SideColumn(LEFT_WIDTH, LEFT_NARROWEST, LEFT_TIGHTEST)
        layout.addWidget(left)
        self._left_column = left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(12)
        self.member_search = MemberSearch()
        left_layout.addWidget(self.member_search)
        self.member_card = MemberCard()
        left_layout.addWidget(self.member_card)
        self.invoice_field = InvoiceField()
        left_layout.addWidget(self.invoice_field)
        # The room under the invoice, empty most of a shift: a passing note too long for the
        # sync row shows here while this page is up (SyncStatusBar.lend_note_room), whole,
        # where the cashier looks. Under the row it took a line from the page, which moved
        # under the cashier's finger as the note came and went; here it takes nothing the page
        # asked for.
        note_room = QWidget()
        note_room.setObjectName("noteRoom")
        note_room.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self._note_room = QVBoxLayout(note_room)
        self._note_room.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._note_room.setContentsMargins(0, 0, 0, 0)
        self._note_room.addStretch(1)
        left_layout.addWidget(note_room, 1)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("redeemTabs")
        layout.addWidget(self.tabs, 1)
        self.reward_picker = RewardPicker()
        self.reward_picker.tiles_placed.connect(self._set_tab_order)
        # The rewards read again left the member none to have: the keyboard, on the tile that
        # went, to the member search, where the next customer's name or card finds them.
        self.reward_picker.keyboard_left.connect(self.focus_member_search)
        self.tabs.addTab(self.reward_picker, icon("reward"), self.tr("Rewards (F3)"))
        self.voucher_panel = VoucherPanel()
        self.tabs.addTab(self.voucher_panel, icon("voucher"), self.tr("Vouchers (F4)"))
        self.promo_panel = PromoPanel()
        self.tabs.addTab(self.promo_panel, self.tr("Promo (F5)"))

        right = SideColumn(RIGHT_WIDTH, RIGHT_NARROWEST, RIGHT_TIGHTEST)
        layout.addWidget(right)
        self._right_column = right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(8)
        self.result_panel = ResultPanel()
        # The panel's height is its share of the column, whatever it shows: a QR code or a long
        # reason appearing must not push the shift's list (and its rows) down.
        self.result_panel.take_a_share()
        self.result_panel.setMinimumHeight(RESULT_LEAST_HEIGHT)
        right_layout.addWidget(self.result_panel, 3)
        shift_title = QLabel(self.tr("This shift"))
        shift_title.setObjectName("shiftTitle")
        shift_title.setProperty("role", "heading")
        right_layout.addWidget(shift_title)
        self.redemptions_model = ShiftRedemptionsModel(self)
        self.redemptions = ShiftRedemptionsView(self.redemptions_model)
        right_layout.addWidget(self.redemptions, 2)
        self.columns = CashierColumns(
            page,
            left,
            self.tabs,
            right,
            narrowest_middle=MIDDLE_NARROWEST,
            tightest_middle=MIDDLE_TIGHTEST,
            roomy=MIDDLE_ROOMY,
            gaps=4 * PAGE_MARGIN,
        )
        self.columns.narrowed.connect(self._narrow_cashier_page)
        self.columns.tightened.connect(self._tighten_cashier_page)
        # A name typed on a button, a tile, a list or an amount goes to the member search.
        self._words_to_search = WordsToSearch(self.member_search, page)
        self._words_to_search.watch(
            page,
            self.member_search.suggestions,
            self.voucher_panel.table,
            self.reward_picker.cart.list,
            self.redemptions,
            self.reward_picker.qty_spin,
            self.reward_picker.stamps_spin,
        )
        return page

    def _narrow_cashier_page(self, narrow: bool) -> None:
        # What the middle and the shift's list show on a narrow screen (cashier_columns.py).
        from app.ui.widgets.properties import set_style_property

        # The tabs lose their icons and some padding: all three fit, none behind an arrow.
        set_style_property(self.tabs.tabBar(), "narrow", "true" if narrow else "false")
        for index, name in ((self.REWARDS_TAB, "reward"), (self.VOUCHERS_TAB, "voucher")):
            self.tabs.setTabIcon(index, QIcon() if narrow else icon(name))
        self.reward_picker.set_narrow(narrow)
        self.voucher_panel.set_narrow(narrow)
        self.redemptions.set_narrow(narrow)

    def _tighten_cashier_page(self, tight: bool) -> None:
        # What takes a smaller type on a tight page (cashier_columns.py): the tabs' words, the
        # member's stamps, the result's banner (and its icon goes); the cart's "Remove" takes
        # less padding.
        from app.ui.widgets.properties import set_style_property

        set_style_property(self.tabs.tabBar(), "tight", "true" if tight else "false")
        self.member_card.set_tight(tight)
        self.result_panel.set_tight(tight)
        self.reward_picker.cart.set_tight(tight)
        self.voucher_panel.set_tight(tight)

    def _build_menus(self) -> None:
        from app.ui import shortcuts

        shift = self.menuBar().addMenu(self.tr("&Shift"))
        # A cashier stepping away locks the till at once, not after its idle minutes (F12: no
        # key of the cashier's page, nor one a scanner sends).
        self.lock_action = QAction(self.tr("Lock the till"), self)
        self.lock_action.setShortcut(shortcuts.LOCK)
        self.lock_action.triggered.connect(self.lock_requested)
        shift.addAction(self.lock_action)
        self.addAction(self.lock_action)
        self.close_shift_action = QAction(self.tr("Close shift…"), self)
        self.close_shift_action.triggered.connect(self.close_shift_requested)
        shift.addAction(self.close_shift_action)
        for action in (self.lock_action, self.close_shift_action):
            action.setEnabled(False)  # until a shift's page is up (_show_page)
        manager = self.menuBar().addMenu(self.tr("&Manager"))
        self.manager_action = QAction(self.tr("Manager mode…"), self)
        # F8: not a key the cashier's page uses (F1–F6, F9).
        self.manager_action.setShortcut(shortcuts.MANAGER_MODE)
        self.manager_action.triggered.connect(self.manager_requested)
        manager.addAction(self.manager_action)
        self.leave_manager_action = QAction(self.tr("Leave manager mode"), self)
        self.leave_manager_action.triggered.connect(self.leave_manager_requested)
        self.leave_manager_action.setEnabled(False)
        manager.addAction(self.leave_manager_action)
        # F8 works on every page, the sign-in page included (a till without cashiers yet).
        self.addAction(self.manager_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.keyboard_action = QAction(self.tr("Keyboard"), self)
        self.keyboard_action.setShortcut(shortcuts.KEYBOARD_HELP)
        self.keyboard_action.triggered.connect(self.open_keyboard_help)
        help_menu.addAction(self.keyboard_action)
        self.about_action = QAction(self.tr("About Stamps POS"), self)
        self.about_action.triggered.connect(self.open_about)
        help_menu.addAction(self.about_action)
        # Menu actions only fire from the window's own shortcut map when they are in the window.
        self.addAction(self.keyboard_action)

    def _bind_keys(self) -> None:
        from PySide6.QtCore import Qt

        from app.ui import shortcuts

        bindings: list[tuple[QKeySequence, Callable[[], None]]] = [
            (shortcuts.FIND_MEMBER, self.focus_member_search),
            (shortcuts.REWARDS, self.show_rewards),
            (shortcuts.VOUCHERS, self.show_vouchers),
            (shortcuts.PROMO_CODE, self.show_promo),
            (shortcuts.INVOICE, self.focus_invoice),
            (shortcuts.REDEEM_CART, self.redeem_cart),
            (shortcuts.BACK_OUT, self.back_out),
        ]
        self._cashier_shortcuts: list[QShortcut] = []
        for key, action in bindings:
            shortcut = QShortcut(key, self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(action)
            self._cashier_shortcuts.append(shortcut)

    def _cashier_keys_enabled(self, enabled: bool) -> None:
        # On the sign-in and summary pages the function keys would act on a hidden till.
        for shortcut in self._cashier_shortcuts:
            shortcut.setEnabled(enabled)

    def _set_tab_order(self) -> None:
        # The order a cashier fills a redemption in (docs/architecture.md, §5): who, the sale's
        # invoice, what to redeem, then the result and the shift. Again whenever the rewards
        # change: new tiles join the end of Qt's chain, after the status bar.
        voucher, promo, status = self.voucher_panel, self.promo_panel, self.status
        chain = [
            self.member_search.field,
            self.member_search.suggestions,
            self.invoice_field.field,
            self.tabs,  # its tab bar: the tabs' own focus
            *self.reward_picker.focus_order(),
            # As the Vouchers tab shows them, top to bottom: the code, then the buttons over the
            # member's list, then the list (Tab went to the list first, the code last).
            voucher.code_field,
            voucher.code_button,
            voucher.whole_button,
            voucher.redeem_button,
            voucher.table,
            promo.code_field,
            promo.redeem_button,
            self.result_panel.print_button,
            self.redemptions,
            status.check_again,
            status.exceptions,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
