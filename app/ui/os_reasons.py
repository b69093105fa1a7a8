"""The operating system's reasons, in the window's language.

Where a file or folder cannot be used, the core's message ends on the OS's own words
(``exc.strerror``: "Permission denied", "Read-only file system"). Those are the C library's
English whatever the shop's language, so an Indonesian page read "Folder data … tidak dapat
dibuat: Permission denied". The reasons a till meets are a short list: each is known here by its
error number, matched against this system's own words for it (so another C library's wording is
matched too), and said in the window's language. A reason not on the list stays as the OS said
it. The command line's messages stay English, word for word, since scripts read them.
"""

from __future__ import annotations

import errno
import os

from PySide6.QtCore import QCoreApplication

#: The core's messages whose ``{reason}`` is the OS's ``strerror`` (the others quote the server,
#: a settings file or SQLite, which are not translated).
OS_REASON_MESSAGES = frozenset(
    {
        "start.data_folder_not_made",
        "start.settings_unreadable",
        "setting.file_unwritable",
        "storage.cannot_use",
        "staff.file_unreadable",
        "token.file_unreadable",
        "token.file_unwritable",
    }
)


def _said() -> dict[int, str]:
    # Literal calls, so `make translations` finds each one (context "OsReason").
    return {
        errno.EACCES: QCoreApplication.translate("OsReason", "Permission denied"),
        errno.EPERM: QCoreApplication.translate("OsReason", "Operation not permitted"),
        errno.ENOENT: QCoreApplication.translate("OsReason", "No such file or directory"),
        errno.ENOSPC: QCoreApplication.translate("OsReason", "No space left on device"),
        errno.EDQUOT: QCoreApplication.translate("OsReason", "Disk quota exceeded"),
        errno.EROFS: QCoreApplication.translate("OsReason", "Read-only file system"),
        errno.EISDIR: QCoreApplication.translate("OsReason", "Is a directory"),
        errno.ENOTDIR: QCoreApplication.translate("OsReason", "Not a directory"),
        errno.EIO: QCoreApplication.translate("OsReason", "Input/output error"),
        errno.EEXIST: QCoreApplication.translate("OsReason", "File exists"),
        errno.ENOTEMPTY: QCoreApplication.translate("OsReason", "Directory not empty"),
        errno.EMFILE: QCoreApplication.translate("OsReason", "Too many open files"),
        errno.ENAMETOOLONG: QCoreApplication.translate("OsReason", "File name too long"),
        errno.ELOOP: QCoreApplication.translate("OsReason", "Too many levels of symbolic links"),
        errno.EBUSY: QCoreApplication.translate("OsReason", "Device or resource busy"),
        errno.EFBIG: QCoreApplication.translate("OsReason", "File too large"),
    }


def os_reason(reason: str) -> str:
    """``reason`` in the window's language when it is one of the OS's known reasons, else as
    it is."""
    for number, said in _said().items():
        if reason == os.strerror(number):
            return said
    return reason
