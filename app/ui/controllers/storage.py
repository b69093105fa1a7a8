"""The disk that refuses the till's writes (issue 11): while nothing can be saved the window says
so in one sentence and greys what would redeem, tries the disk again every few seconds, and lets
go by itself once a write works again. Reading what the till holds goes on meanwhile: members,
the shift's list, manager mode. While the disk takes writes, the file system is asked every few
seconds whether it has filled, so the sentence comes before a redemption finds out."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.core.services import DatabaseLogLost, StorageFull, StorageProblem, StorageReadOnly, Till
from app.ui.controllers.disk_watch import DiskWatcher
from app.ui.main_window import CashierWindowView
from app.ui.wording import words


def sentence_for(problem: StorageProblem | None) -> str:
    """The banner's one sentence for ``problem`` (``""`` for none): what is wrong, and that the
    till tries the disk again by itself."""
    if problem is None:
        return ""
    if isinstance(problem, DatabaseLogLost):  # not lifted by itself: the till must restart
        return fact_for(problem)
    again = QCoreApplication.translate("StorageController", "The till tries again by itself.")
    return f"{fact_for(problem)} {again}"


def fact_for(problem: StorageProblem) -> str:
    """What is wrong with the disk, without the banner's "tries again": a redemption it refused
    is not tried again (nothing of it was saved), and a cashier read that as its going later."""
    folder = str(problem.path.parent)

    if isinstance(problem, DatabaseLogLost) and problem.said is not None:
        return words(problem.said)
    if isinstance(problem, StorageFull):
        return QCoreApplication.translate(
            "StorageController",
            "The disk that holds the till's data ({folder}) is full: nothing can be saved, so "
            "nothing can be redeemed, until space is freed.",
        ).format(folder=folder)
    if isinstance(problem, StorageReadOnly):
        return QCoreApplication.translate(
            "StorageController",
            "The till's data folder ({folder}) cannot be written: nothing can be saved, so "
            "nothing can be redeemed, until it can.",
        ).format(folder=folder)
    if problem.said is not None:
        # its own sentence already says the database cannot be used, and why: wrapped in this
        # one, the banner said it twice ("The till's database cannot be used (The till's
        # database … cannot be used: the disk reports an I/O error)"), the inner in English
        return QCoreApplication.translate(
            "StorageController", "{problem}. Nothing can be saved, so nothing can be redeemed."
        ).format(problem=words(problem.said))
    return QCoreApplication.translate(
        "StorageController",
        "The till's database cannot be used ({reason}): nothing can be saved, so nothing can "
        "be redeemed.",
    ).format(reason=problem.sentence)


def not_written(fact: str, then: str = "") -> str:
    """The window's one way of saying something asked for was not written: "Not written:", then
    ``fact`` (why: the disk, the place), then ``then`` (what to do now; by default, for a
    manager's change the disk refused: do it again once the till can save). A manager's change
    and a CSV export say it alike. (For a change, the banner alone said the disk was full; the
    dialog's button greyed and stayed so, saying nothing.)"""
    then = then or QCoreApplication.translate(
        "StorageController", "Nothing was changed: do it again once the till can save."
    )
    return QCoreApplication.translate("StorageController", "Not written: {fact} {then}").format(
        fact=fact, then=then
    )


def at_sign_in(problem: StorageProblem) -> str:
    """Why the disk refused a sign-in (the shift is written), said to whoever stands at the
    sign-in page. A deleted log is not lifted by itself, and its banner beside the page already
    says what happened: the page says what to do now, and that nothing is lost (after an idle
    lock the cashier met the banner's sentence again, and nothing about her shift)."""
    if isinstance(problem, DatabaseLogLost) and problem.rescued:
        return QCoreApplication.translate(
            "StorageController",
            "Nothing saved is lost, but the till cannot save a shift or a redemption until it is "
            "started again: close the till, open it again and sign in. An open shift carries on.",
        )
    if isinstance(problem, DatabaseLogLost):
        return QCoreApplication.translate(
            "StorageController",
            "Do not close the till: what it saved since it was opened is not yet safe in its "
            "database file. Keep this window open and call support.",
        )
    return fact_for(problem)


class StorageController(QObject):
    """Keeps the storage banner true. ``changed(str)`` with the sentence shown (``""``: none).
    The disk is asked by the till's one watch (:class:`DiskWatcher`), which the kiosk shares."""

    changed = Signal(str)

    def __init__(self, view: CashierWindowView, till: Till) -> None:
        super().__init__(view)
        self.view = view
        self.till = till
        self.watcher = DiskWatcher(self, till)
        self.watcher.changed.connect(self.heard)
        self.heard(till.storage_problem)

    def close(self) -> None:
        """Stop listening (the window is closing)."""
        self.watcher.close()

    def heard(self, problem: StorageProblem | None) -> None:
        """The disk refused a write (``problem``), or took one again (``None``)."""
        sentence = sentence_for(problem)
        self.view.set_storage_problem(sentence)
        self.changed.emit(sentence)

    def check(self) -> None:
        """Try the disk again (a write made and removed) while it refuses; the banner follows
        what it finds. While it takes writes, ask the file system whether it has filled since:
        the till heard of a full disk only from a write it refused, the cashier's redemption,
        so the banner came after the cashier had promised the reward."""
        self.watcher.look()
