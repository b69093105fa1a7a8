"""A scriptable fake Stamps server on ``httpx.MockTransport``, and the docs fixtures."""

from __future__ import annotations

import base64
import json
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

DOCS = Path(__file__).resolve().parents[3] / "fixtures" / "stamps_docs"
BASE_URL = "https://stamps.test"
TOKEN = "tok-9f8e7d6c5b4a-SECRET"
PIN = "482913"

Answer = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]


def doc(name: str) -> dict[str, Any]:
    """One fixture of ``tests/fixtures/stamps_docs``."""
    data: dict[str, Any] = json.loads((DOCS / f"{name}.json").read_text(encoding="utf-8"))
    return data


def reply(status: int = 200, body: Any = None, **headers: str) -> httpx.Response:
    """A JSON answer (``body`` is JSON-encoded unless it is bytes)."""
    if isinstance(body, bytes):
        return httpx.Response(status, content=body, headers=headers)
    return httpx.Response(status, json=body if body is not None else {}, headers=headers)


def make_jwt(lifetime: int = 86_400, marker: str = "a") -> str:
    """An unsigned JWT whose ``exp - iat`` is ``lifetime`` (the client reads only that)."""

    def part(data: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    claims = {"token_type": "access", "iat": 1_700_000_000, "exp": 1_700_000_000 + lifetime}
    return f"{part({'typ': 'JWT', 'alg': 'HS256'})}.{part(claims)}.sig-{marker}"


class FakeStamps:
    """Answers by path from queued answers (the last one repeats) and records every request.

    An answer is a response, an exception to raise (a network failure), or a function of the
    request.
    """

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self._answers: dict[str, list[Answer]] = defaultdict(list)

    def on(self, path: str, *answers: Answer) -> FakeStamps:
        """Queue ``answers`` for ``path``."""
        self._answers[path].extend(answers)
        return self

    def calls(self, path: str) -> list[httpx.Request]:
        """The requests made to ``path``."""
        return [r for r in self.requests if r.url.path == path]

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        queue = self._answers.get(request.url.path)
        if not queue:
            return reply(404, {"detail": "Not found."})
        answer = queue.pop(0) if len(queue) > 1 else queue[0]
        if isinstance(answer, Exception):
            raise answer
        if callable(answer) and not isinstance(answer, httpx.Response):
            return answer(request)
        return answer


def body_of(request: httpx.Request) -> Any:
    """The JSON body a request carried (``None`` when it had none)."""
    return json.loads(request.content) if request.content else None
