"""The till's PySide6 user interface: app boot, windows, views and widgets.

Views lay out widgets and emit signals; controllers (wired later to ``app.core.services``) act on
them. Nothing here is imported by ``app.core``.
"""

import os

# qasync picks the first Qt binding it can import unless told which one; setting this before any
# module of the package imports qasync makes the choice explicit (PyQt may also be installed).
os.environ["QT_API"] = "pyside6"
