"""fetch_url against a real HTTP server on 127.0.0.1: good pages, every refusal, and nothing but loopback."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from core.errors import FetchError, InputError
from core.fetch import fetch_url, is_web_address
from import_samples import make_pdf

ARTICLE_PAGE = """<!doctype html>
<html><head>
<meta charset="utf-8">
<title>Harbourline signs port robotics contract | Quayside Journal</title>
<meta property="og:site_name" content="Quayside Journal">
<meta property="article:published_time" content="2025-05-14T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/markets">Markets</a> <a href="javascript:alert(1)">Menu</a></nav>
<script>document.title = "changed by a script";</script>
<article>
<h1>Harbourline signs port robotics contract</h1>
<p>Harbourline Logistics has signed a $300 million contract with Kestrel Robotics to automate
its container terminal in Rotterdam, the two companies said on Wednesday, May 14, 2025.</p>
<p>Under the agreement Kestrel will supply forty autonomous straddle carriers and the software
that schedules them, with the first machines arriving early next year. Harbourline chief executive
Ines Vandermeer said the contract would cut waiting times for ships by a third.</p>
<p>Kestrel Robotics, which is based in Eindhoven, said the order was the largest in its history
and that it would hire two hundred engineers to deliver it.</p>
</article>
<footer>Copyright Quayside Journal. All rights reserved.</footer>
</body></html>
"""

PLAIN_ARTICLE = (
    "Fernhill Water agrees to buy Copperleaf Pumps\n\n"
    "Fernhill Water said on Monday that it agreed to buy Copperleaf Pumps, a maker of irrigation "
    "pumps based in Adelaide, for A$120 million. The purchase is expected to close in September."
)

NO_ARTICLE_PAGE = """<!doctype html><html><head><title>Markets</title></head><body>
<nav><a href="/a">Energy</a> <a href="/b">Tech</a> <a href="/c">Deals</a></nav>
<ul><li><a href="/1">Login</a></li><li><a href="/2">Subscribe</a></li></ul>
</body></html>"""

HUGE = 20 * 1024 * 1024


class _Handler(BaseHTTPRequestHandler):
    release: threading.Event

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class names it so
        pass

    def _send(self, code: int, body: bytes, ctype: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, target: str) -> None:
        self.send_response(302)
        self.send_header("Location", target)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        path = self.path
        try:
            if path == "/article":
                self._send(200, ARTICLE_PAGE.encode())
            elif path == "/plain":
                self._send(200, PLAIN_ARTICLE.encode(), "text/plain; charset=utf-8")
            elif path == "/agent":
                self._send(200, (self.headers.get("User-Agent") or "").encode(), "text/plain")
            elif path == "/missing":
                self._send(404, b"<html><body>Not found</body></html>")
            elif path == "/gone":
                self._send(410, b"")
            elif path == "/broken":
                self._send(500, b"<html><body>Oops</body></html>")
            elif path == "/huge":
                self._stream_huge(with_length=True)
            elif path == "/huge-unannounced":
                self._stream_huge(with_length=False)
            elif path == "/loop":
                self._redirect("/loop")
            elif path.startswith("/hop/"):
                self._redirect(f"/hop/{int(path.rsplit('/', 1)[1]) + 1}")
            elif path == "/moved":
                self._redirect("/moved-again")
            elif path == "/moved-again":
                self._redirect("/article")
            elif path == "/to-file":
                self._redirect("file:///etc/passwd")
            elif path == "/slow":
                self.release.wait(10)
                self._send(200, ARTICLE_PAGE.encode())
            elif path == "/release.pdf":
                self._send(200, make_pdf(["Fernhill Water agrees to buy Copperleaf Pumps",
                                          "Fernhill Water said on Monday it agreed to buy Copperleaf Pumps."]),
                           "application/pdf")
            elif path == "/image":
                self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(2000), "image/png")
            elif path == "/download":
                self._send(200, bytes(range(256)) * 20, "application/octet-stream")
            elif path == "/no-article":
                self._send(200, NO_ARTICLE_PAGE.encode())
            else:
                self._send(404, b"")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first, as the time-out and size tests mean it to

    def _stream_huge(self, *, with_length: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        if with_length:
            self.send_header("Content-Length", str(HUGE))
        self.end_headers()
        chunk = b"<p>" + b"words " * 10_000 + b"</p>\n"
        sent = 0
        while sent < HUGE:
            self.wfile.write(chunk)
            sent += len(chunk)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    release = threading.Event()
    handler = type("Handler", (_Handler,), {"release": release})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    release.set()
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def test_a_good_page_gives_its_article_text_and_metadata(server: str) -> None:
    doc = fetch_url(f"{server}/article")
    assert doc.url == f"{server}/article"
    assert doc.title == "Harbourline signs port robotics contract"
    assert doc.publisher == "Quayside Journal"
    assert doc.published == "2025-05-14"
    assert "Kestrel Robotics to automate" in doc.text
    assert "Copyright" not in doc.text and "alert" not in doc.text and "changed by a script" not in doc.text


def test_redirects_are_followed_and_the_final_address_is_kept(server: str) -> None:
    doc = fetch_url(f"{server}/moved")
    assert doc.url == f"{server}/article"
    assert "Harbourline" in doc.text


def test_plain_text_is_an_article_too(server: str) -> None:
    doc = fetch_url(f"{server}/plain")
    assert doc.url == f"{server}/plain"
    assert doc.title == "Fernhill Water agrees to buy Copperleaf Pumps"
    assert "Copperleaf Pumps" in doc.text


def test_a_pdf_is_read_by_its_text_layer(server: str) -> None:
    doc = fetch_url(f"{server}/release.pdf")
    assert doc.url == f"{server}/release.pdf" and "agreed to buy Copperleaf Pumps" in doc.text


def test_a_normal_user_agent_is_sent(server: str) -> None:
    doc = fetch_url(f"{server}/agent")
    assert doc.text.startswith("Mozilla/5.0") and "DealTracker" in doc.text


@pytest.mark.parametrize("path, code", [("/missing", 404), ("/gone", 410)])
def test_a_missing_page_is_not_found(server: str, path: str, code: int) -> None:
    with pytest.raises(FetchError, match=f"not found \\(HTTP {code}\\)"):
        fetch_url(server + path)


def test_a_server_error_names_the_status(server: str) -> None:
    with pytest.raises(FetchError, match="HTTP 500"):
        fetch_url(f"{server}/broken")


def test_a_20_mb_page_is_refused_by_its_length(server: str) -> None:
    with pytest.raises(FetchError, match="20.0 MB, over the 10.0 MB limit"):
        fetch_url(f"{server}/huge")


def test_a_20_mb_page_without_a_length_stops_at_the_cap(server: str) -> None:
    with pytest.raises(FetchError, match="over the 1.0 MB limit"):
        fetch_url(f"{server}/huge-unannounced", max_bytes=1024 * 1024)


def test_a_redirect_loop_is_named(server: str) -> None:
    with pytest.raises(FetchError, match="redirects in a loop"):
        fetch_url(f"{server}/loop")


def test_more_than_five_redirects_are_refused(server: str) -> None:
    with pytest.raises(FetchError, match="more than 5 times"):
        fetch_url(f"{server}/hop/1")
    with pytest.raises(FetchError, match="more than 1 times"):
        fetch_url(f"{server}/moved", max_redirects=1)


def test_a_redirect_to_another_scheme_is_not_followed(server: str) -> None:
    with pytest.raises(FetchError, match="redirects to a file: address"):
        fetch_url(f"{server}/to-file")


def test_a_slow_server_times_out(server: str) -> None:
    with pytest.raises(FetchError, match="did not answer within 0.5 seconds"):
        fetch_url(f"{server}/slow", timeout=0.5)


def test_an_image_is_not_an_article(server: str) -> None:
    with pytest.raises(FetchError, match="not a web page .*image/png"):
        fetch_url(f"{server}/image")


def test_unlabelled_binary_data_is_not_an_article(server: str) -> None:
    with pytest.raises(FetchError, match="not a web page"):
        fetch_url(f"{server}/download")


def test_a_page_with_no_article_says_so(server: str) -> None:
    with pytest.raises(InputError, match="no article text"):
        fetch_url(f"{server}/no-article")


@pytest.mark.parametrize("url, scheme", [
    ("file:///etc/passwd", "file"), ("ftp://127.0.0.1/article.txt", "ftp"),
    ("javascript:alert(1)", "javascript"), ("data:text/html,<p>hi</p>", "data"),
])
def test_other_schemes_are_refused(url: str, scheme: str) -> None:
    with pytest.raises(FetchError, match=f"only http and https .* not {scheme}:"):
        fetch_url(url)
    assert is_web_address(url)


def test_paths_are_not_web_addresses() -> None:
    assert not is_web_address("notes/article.txt")
    assert not is_web_address("C:\\articles\\deal.txt")
    assert is_web_address("https://example.com/a")


def test_an_address_without_a_host_is_refused() -> None:
    with pytest.raises(FetchError, match="no host name"):
        fetch_url("http:///article")


def test_a_refused_connection_is_named() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError, match="refused the connection"):
        fetch_url(f"http://127.0.0.1:{port}/article")


def test_an_unknown_host_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_such_host(*args: object, **kwargs: object) -> object:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    # No real name look-up: the test stays on this machine.
    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    with pytest.raises(FetchError, match="name could not be found"):
        fetch_url("http://no-such-host.invalid/article")
