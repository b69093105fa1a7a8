"""Things that answer at the Stamps server's address and are not it: a shop network's Wi-Fi login
page (a captive portal) and a proxy that redirects every request elsewhere. Each serves on a free
loopback port in a thread for the length of a ``with``."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class LoginPage(http.server.BaseHTTPRequestHandler):
    """Every address answers 200 with the network's sign-in page."""

    PAGE = b"<html><body><h1>CafeWiFi</h1><form>Sign in to use the Internet</form></body></html>"
    STATUS = 200

    def _page(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(self.STATUS)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.PAGE)))
        self.end_headers()
        self.wfile.write(self.PAGE)

    do_GET = do_POST = _page

    def log_message(self, *args: object) -> None:
        pass


class LoginRequired(LoginPage):
    """The sign-in page under a 401, as some portals (and a firewall's block page, under 403)
    answer every address: a refusal of no token in particular."""

    STATUS = 401


class Failing(http.server.BaseHTTPRequestHandler):
    """Every address answers 500, as a Stamps server that is down behind its proxy."""

    def _fail(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(500)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_POST = _fail

    def log_message(self, *args: object) -> None:
        pass


def redirecting_to(location: str) -> type[http.server.BaseHTTPRequestHandler]:
    """A proxy that answers every request 301 to ``location`` (plain http sent to https, a
    moved host)."""

    class Redirecting(http.server.BaseHTTPRequestHandler):
        def _elsewhere(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.send_response(301)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_GET = do_POST = _elsewhere

        def log_message(self, *args: object) -> None:
            pass

    return Redirecting


@contextmanager
def serving(handler: type[http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """``handler`` on a free loopback port; yields its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
