"""A throwaway HTTP server on 127.0.0.1 for tests, with the requests it saw and a stop signal for slow handlers."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Site:
    """A running server: its address, port, what it was asked for and a flag its slow handlers watch."""

    url: str
    port: int
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)


class Handler(BaseHTTPRequestHandler):
    """A base that records each request on its Site and keeps the test output quiet."""

    site: Site

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class names it so
        pass

    def do_GET(self) -> None:
        self.site.requests.append((self.path, dict(self.headers.items())))
        try:
            self.answer()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first, as the deadline tests mean it to

    def answer(self) -> None:
        raise NotImplementedError

    def send(self, code: int, body: bytes, ctype: str = "text/html; charset=utf-8", length: int | None = None,
             **headers: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(handler: type[Handler]) -> Iterator[Site]:
    """Run `handler` on a free port of 127.0.0.1 until the block ends."""
    site = Site("", 0)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), type(handler.__name__, (handler,), {"site": site}))
    httpd.daemon_threads = True
    site.port = int(httpd.server_address[1])
    site.url = f"http://127.0.0.1:{site.port}"
    # shutdown() waits for serve_forever to look up from select(); the default half second, once per test, adds up.
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.stop.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join()
