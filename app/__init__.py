"""Stamps POS: an offline-capable loyalty till for the Stamps platform."""

__version__ = "0.1.0"
APP_NAME = "stamps-pos"
