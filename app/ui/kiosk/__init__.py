"""Kiosk mode: the self-service window of a counter terminal (docs/kiosk.md).

Views lay out (``view.py``, ``pages.py``, ``offer_page.py``, ``result_page.py``,
``manager_page.py``, ``keypad.py``); controllers act (``flow.py``, ``idle.py``, ``lockdown.py``,
``manager_exit.py``, gathered by ``window.py``); ``boot.py`` starts it. The cashier's till reads a
kiosk result's QR code through ``handover.py``.
"""
