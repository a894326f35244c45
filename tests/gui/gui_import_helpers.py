"""Helpers for the window's import tests: articles of our own, a dump of every table, a local web server."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from article_files import (  # noqa: F401 (re-exported for the tests here)
    NORTHWIND, NORTHWIND_AGAIN, NORTHWIND_CONTRACT, PUBLISHED, dump, eml, make_pdf, page,
)

KESTREL = """Kestrel Robotics and Harbourline Logistics form joint venture

Kestrel Robotics and Harbourline Logistics agreed on Monday, June 2, 2025, to form a joint venture that will \
automate container terminals in Rotterdam, with each side putting in half of the $300 million cost. Work \
starts in September."""

CALDER = NORTHWIND_CONTRACT


@contextmanager
def web_server(pages: dict[str, bytes]) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 serving `pages` by path (anything else is a 404); yields its base address."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            body = pages.get(self.path)
            if body is None:
                self.send_error(404, "Not Found")
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def wait_for_import(qtbot: Any, window: Any, timeout: int = 30_000) -> list:
    """Wait for the running import to end; its results (SourceResult per source)."""
    with qtbot.waitSignal(window.importer.import_finished, timeout=timeout) as blocker:
        pass
    return blocker.args[0]


def save_shot(widget: Any, name: str) -> None:
    """Keep a picture of `widget` where $DEAL_TRACKER_SHOTS says (to look at by eye); nothing when unset."""
    import os
    from pathlib import Path

    folder = os.environ.get("DEAL_TRACKER_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        assert widget.grab().save(str(Path(folder) / f"{name}.png"))
