"""The cashier window's behaviour: one controller per screen area.

Each controller receives the view and the :class:`~app.ui.controllers.session.CashierSession`
(which holds the till) in its constructor, listens to the widgets' signals and calls the services;
the views themselves decide nothing (views lay out, controllers act: docs/architecture.md §5).
"""
