"""Integration tests of the Stamps sandbox (app/sandbox) over live HTTP."""
