"""The till's logic. Nothing below this package imports Qt: it runs headless and in plain pytest."""
