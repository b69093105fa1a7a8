"""A Stamps-compatible server for the demo and the tests. It imports nothing of ``app.core``."""
