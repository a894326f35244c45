"""Web addresses into Documents: http and https only, with a time-out, a size cap and a few redirects at most.

Nothing in a page is run and nothing it links to is loaded; the page's HTML goes to the same
reader as an .html file.
"""

from __future__ import annotations

import dataclasses
import http.client
import ipaddress
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from email.message import Message
from typing import IO, NoReturn

from core.errors import FetchError, InputError
from core.extract.text import Document, read_bytes, read_html

DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_REDIRECTS = 5

USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) DealTracker/0.1"
_ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,application/pdf;q=0.7,*/*;q=0.1"
_CHUNK = 64 * 1024

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_TEXT_TYPES = frozenset({"text/plain", "text/markdown"})
_PDF_TYPES = frozenset({"application/pdf", "application/x-pdf"})
# Servers label downloads of any kind with these; the bytes decide.
_UNKNOWN_TYPES = frozenset({"", "application/octet-stream", "binary/octet-stream", "application/unknown"})


def fetch_url(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
) -> Document:
    """Fetch a page and read its article; the Document's `url` is the address after redirects.

    Raises FetchError (or InputError for a page without an article) with a one-line reason.
    """
    address = _checked(url)
    redirects = _Redirects(address, max_redirects)
    handlers: list[urllib.request.BaseHandler] = [redirects]
    if _is_loopback(address):
        # A proxy cannot reach this machine's own addresses; ask them directly.
        handlers.append(urllib.request.ProxyHandler({}))
    opener = urllib.request.build_opener(*handlers)
    request = urllib.request.Request(address, headers={
        "User-Agent": USER_AGENT,
        "Accept": _ACCEPT,
        "Accept-Language": "en;q=1.0, *;q=0.5",
        "Accept-Encoding": "identity",
    })
    # The socket time-out bounds each wait; the deadline stops a server that trickles bytes forever.
    deadline = time.monotonic() + 3 * timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            final = response.geturl()
            headers: Message = response.headers
            kind = _kind(headers, final)
            length = headers.get("Content-Length", "").strip()
            if length.isdigit() and int(length) > max_bytes:
                raise _failure(final, f"the page is {_size(int(length))}, over the {_size(max_bytes)} limit")
            data = _read_capped(response, final, max_bytes, deadline, timeout)
    except (FetchError, InputError):
        raise
    except urllib.error.HTTPError as exc:
        _http_error(redirects.current, exc)
    except urllib.error.URLError as exc:
        _network_error(redirects.current, exc.reason, timeout)
    except (OSError, http.client.HTTPException) as exc:
        _network_error(redirects.current, exc, timeout)
    except ValueError as exc:
        raise _failure(url, f"it is not a valid web address ({exc})") from None
    data = _decoded(data, headers.get("Content-Encoding", ""), final, max_bytes)
    return _document(data, kind, headers, final)


def is_web_address(text: str) -> bool:
    """Whether an import source names an address (any scheme, so that file: and ftp: are refused here)."""
    scheme = urllib.parse.urlsplit(text.strip()).scheme.lower()
    # "C:\\notes.txt" has a one-letter "scheme": a Windows drive, not an address.
    if len(scheme) < 2:
        return False
    return text.strip().lower().startswith(f"{scheme}://") or scheme in _SCHEMES_WITHOUT_SLASHES


_SCHEMES_WITHOUT_SLASHES = frozenset({"javascript", "data", "mailto", "about", "file", "blob", "vbscript"})


def _checked(url: str) -> str:
    """The address as urllib can send it; anything but http(s) with a host is refused."""
    text = url.strip()
    parts = urllib.parse.urlsplit(text)
    scheme = parts.scheme.lower()
    shown = text if len(text) <= 80 else text[:77] + "..."
    if not scheme:
        raise _failure(shown, "it is not a web address (it should start with http:// or https://)")
    if scheme not in ("http", "https"):
        raise _failure(shown, f"only http and https addresses can be imported, not {scheme}:")
    if not parts.hostname:
        raise _failure(shown, "the address has no host name")
    try:
        host = parts.hostname.encode("idna").decode("ascii")
    except UnicodeError:
        raise _failure(shown, "the host name is not valid") from None
    netloc = host if ":" not in host else f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        raise _failure(shown, "the port number is not valid") from None
    if port is not None:
        netloc += f":{port}"
    if "@" in parts.netloc:
        netloc = parts.netloc.rpartition("@")[0] + "@" + netloc
    # Quote what a person pasted (spaces, accents) but keep escapes the address already has.
    path = urllib.parse.quote(parts.path or "/", safe="/%:@!$&'()*+,;=~-._")
    query = urllib.parse.quote(parts.query, safe="/%:@!$&'()*+,;=?~-._")
    return urllib.parse.urlunsplit((scheme, netloc, path, query, ""))


def _is_loopback(url: str) -> bool:
    host = urllib.parse.urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows at most `limit` redirects, to http(s) only, and names a loop as a loop."""

    def __init__(self, url: str, limit: int) -> None:
        super().__init__()
        self.limit = limit
        self.seen = [url]

    @property
    def current(self) -> str:
        return self.seen[-1]

    def http_error_302(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: http.client.HTTPMessage
    ) -> IO[bytes] | None:
        # urllib itself would refuse file: but follow ftp:; refuse both, in our words.
        target = headers.get("Location") or headers.get("URI") or ""
        scheme = urllib.parse.urlsplit(urllib.parse.urljoin(req.full_url, target)).scheme.lower()
        if target and scheme not in ("http", "https"):
            fp.close()
            raise _failure(self.seen[0], f"it redirects to a {scheme}: address; only http and https are followed")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def redirect_request(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str,
        headers: http.client.HTTPMessage, newurl: str,
    ) -> urllib.request.Request | None:
        problem = None
        if newurl in self.seen:
            problem = "the page redirects in a loop"
        elif len(self.seen) > self.limit:
            problem = f"it redirects more than {self.limit} times"
        if problem is not None:
            fp.close()
            raise _failure(self.seen[0], problem)
        self.seen.append(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _kind(headers: Message, url: str) -> str:
    """What the server says it sends: "html", "text", "pdf" or "unknown"; refuse anything else."""
    raw = headers.get("Content-Type", "")
    ctype = raw.split(";")[0].strip().lower()
    if ctype in _HTML_TYPES:
        return "html"
    if ctype in _TEXT_TYPES:
        return "text"
    if ctype in _PDF_TYPES:
        return "pdf"
    if ctype in _UNKNOWN_TYPES:
        return "unknown"
    raise _failure(url, f"it is not a web page or an article (the server sends {ctype})")


def _read_capped(response: IO[bytes], url: str, max_bytes: int, deadline: float, timeout: float) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while chunk := response.read(_CHUNK):
        total += len(chunk)
        if total > max_bytes:
            raise _failure(url, f"the page is over the {_size(max_bytes)} limit")
        if time.monotonic() > deadline:
            raise _failure(url, f"the page did not finish loading in {3 * timeout:g} seconds")
        chunks.append(chunk)
    return b"".join(chunks)


def _decoded(data: bytes, encoding: str, url: str, max_bytes: int) -> bytes:
    """The body without a gzip or deflate layer that a server added although we asked for none."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return data
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise _failure(url, f"the server sends it compressed as {encoding}, which is not supported")
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 32)  # 32: a gzip or zlib header, whichever it is
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error:
        raise _failure(url, "the server sent a damaged compressed page") from None
    if len(out) > max_bytes:
        raise _failure(url, f"the page is over the {_size(max_bytes)} limit")
    return out


def _document(data: bytes, kind: str, headers: Message, url: str) -> Document:
    if not data.strip():
        raise _failure(url, "the page is empty")
    if kind == "unknown":
        head = data[:1024].lstrip().lower()
        if b"%PDF-" in data[:1024]:
            kind = "pdf"
        elif head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
            kind = "html"
        else:
            raise _failure(url, "it is not a web page or an article (the server does not say what it is)")
    if kind == "html":
        charset = headers.get_content_charset()
        page: str | bytes = data
        if charset:
            try:
                page = data.decode(charset)
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong header is common; the page's own <meta> or a guess decides
        return read_html(page, url=url)
    document = read_bytes(data, name=url, suffix=".pdf" if kind == "pdf" else ".txt")
    return dataclasses.replace(document, url=url)


def _http_error(url: str, exc: urllib.error.HTTPError) -> NoReturn:
    exc.close()
    code = exc.code
    if code in (404, 410):
        reason = f"the page was not found (HTTP {code})"
    elif code in (401, 403):
        reason = f"the site refused access to the page (HTTP {code})"
    elif code == 429:
        reason = "the site is refusing requests for now; try again later (HTTP 429)"
    elif 500 <= code < 600:
        reason = f"the site had a problem answering (HTTP {code} {exc.reason})"
    else:
        reason = f"the site answered HTTP {code} {exc.reason}"
    raise _failure(url, reason) from None


def _network_error(url: str, reason: object, timeout: float) -> NoReturn:
    if isinstance(reason, TimeoutError):
        text = f"the site did not answer within {timeout:g} seconds"
    elif isinstance(reason, socket.gaierror):
        text = "the site's name could not be found (check the address and the network)"
    elif isinstance(reason, ConnectionRefusedError):
        text = "the site refused the connection"
    elif isinstance(reason, ssl.SSLCertVerificationError):
        text = f"the site's security certificate is not valid ({reason.verify_message})"
    elif isinstance(reason, ssl.SSLError):
        text = "a secure connection could not be made"
    elif isinstance(reason, (ConnectionError, http.client.HTTPException)):
        text = "the connection broke off before the page arrived"
    elif isinstance(reason, OSError):
        text = f"the network failed ({reason.strerror or reason})"
    else:
        text = f"the network failed ({reason})"
    raise _failure(url, text) from None


def _failure(url: str, reason: str) -> FetchError:
    return FetchError(f"Could not fetch {url}: {' '.join(reason.split())}")


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MB"
    if count >= 1024:
        return f"{count / 1024:.0f} KB"
    return f"{count} bytes"
