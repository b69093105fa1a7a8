"""A Stamps-compatible server for the demo and the tests. It imports nothing of ``app.core``:
it is an independent reading of the docs, so a bug in the client cannot hide in shared code."""

from app.sandbox.data import DEMO_TOKEN, MERCHANT_ID
from app.sandbox.embedded import SandboxServer
from app.sandbox.faults import FaultConfig
from app.sandbox.server import Sandbox, create_app

__all__ = ["DEMO_TOKEN", "MERCHANT_ID", "FaultConfig", "Sandbox", "SandboxServer", "create_app"]
