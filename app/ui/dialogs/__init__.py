"""Dialogs, each opened with ``open()`` (never a nested ``exec()``) and read from ``finished``."""
