"""A fetch ends on its deadline however slowly a server sends, and a page cut short is never stored."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from core.errors import FetchError
from core.fetch import fetch_url
from core.importer import import_sources
from core.store import Store
from import_samples import KESTREL, page
from local_server import Handler, Site, serve

pytestmark = pytest.mark.slow  # deadlines of a second that must run out

ARTICLE = page(KESTREL)


class _Slow(Handler):
    """Drips its answer, cuts it short or breaks off a chunk, as a hostile or failing server would."""

    def _drip(self, data: bytes) -> None:
        for byte in data:
            if self.site.stop.wait(0.2):
                return
            self.wfile.write(bytes([byte]))

    def answer(self) -> None:
        if self.path == "/drip-body":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(ARTICLE)))
            self.end_headers()
            self._drip(ARTICLE[:40])
        elif self.path == "/drip-head":
            self._drip(b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + b"x" * 40)
        elif self.path == "/short":
            self.send(200, ARTICLE[:10], length=1000)
        elif self.path == "/flaky":
            # Cut short the first time, whole after: a retry must not be taken for a second copy.
            first = sum(path == "/flaky" for path, _ in self.site.requests) == 1
            self.send(200, ARTICLE[: len(ARTICLE) - 100] if first else ARTICLE, length=len(ARTICLE))
        elif self.path == "/chunk-cut":
            self.protocol_version = "HTTP/1.1"
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Transfer-Encoding", "chunked")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b"%x\r\n" % 1000 + ARTICLE[:200])
            self.close_connection = True
        else:
            self.send(404, b"")


@pytest.fixture
def site() -> Iterator[Site]:
    with serve(_Slow) as running:
        yield running


def test_a_body_dripped_a_byte_at_a_time_stops_at_the_deadline(site: Site) -> None:
    with pytest.raises(FetchError, match="the page did not finish loading within 1 seconds"):
        fetch_url(f"{site.url}/drip-body", timeout=1)


def test_headers_dripped_a_byte_at_a_time_stop_at_the_deadline(site: Site) -> None:
    with pytest.raises(FetchError, match="the site did not answer within 1 seconds"):
        fetch_url(f"{site.url}/drip-head", timeout=1)


def test_a_body_shorter_than_its_length_is_a_failure(site: Site) -> None:
    with pytest.raises(FetchError, match=r"the page arrived incomplete \(10 bytes of 1000 bytes"):
        fetch_url(f"{site.url}/short")


def test_a_chunked_body_that_breaks_off_is_a_failure(site: Site) -> None:
    with pytest.raises(FetchError, match="the page arrived incomplete"):
        fetch_url(f"{site.url}/chunk-cut")


def test_a_page_cut_short_stores_nothing_and_a_good_retry_imports_it(site: Site, store: Store) -> None:
    address = f"{site.url}/flaky"
    [cut] = import_sources(store, [address])
    assert cut.outcome is None and cut.error is not None and "arrived incomplete" in cut.error
    assert store.article_count() == 0
    [retry] = import_sources(store, [address])
    assert retry.outcome is not None and not retry.outcome.already_imported and retry.outcome.added
    assert store.article(retry.outcome.article_id or 0).text.rstrip().endswith("Work starts in September.")
