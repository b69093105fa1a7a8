"""The till's logic. Nothing below this package imports Qt: it runs headless and in plain pytest."""

import sys

# httpx imports its own command line (``httpx._main``: click, rich, pygments) whenever those are
# installed — click comes with uvicorn, which the sandbox needs — and falls back to a stub when
# that import fails. The till never runs httpx's command line, and that import was 40 % of
# httpx's import time on a till's start (issue 15, docs/performance.md). A ``None`` entry in
# ``sys.modules`` makes exactly that one import fail, so httpx takes its stub.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
