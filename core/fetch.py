"""Web addresses into Documents: http and https only, within a deadline, a size cap and a few redirects.

Nothing in a page is run and nothing it links to is loaded; the page's HTML goes to the same reader as an
.html file. Every hop connects to the address that was checked, never to a private one the user did not type.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import datetime
import http.client
import socket
import ssl
import urllib.parse
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from email.message import Message
from email.utils import parsedate_to_datetime
from typing import NoReturn

from core.addresses import Internal, Permission, internal_endpoint, refusal, typed_permission, without_credentials
from core.connection import Clock, PinnedConnection, Response, resolve
from core.errors import FetchError, InputError, RetryLater
from core.extract.html import read_html
from core.extract.text import Document, read_bytes, readable_size

DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_REDIRECTS = 5

USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) DealTracker/0.1"
_ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,application/pdf;q=0.7,*/*;q=0.1"
_CHUNK = 16 * 1024
_REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_TEXT_TYPES = frozenset({"text/plain", "text/markdown"})
_PDF_TYPES = frozenset({"application/pdf", "application/x-pdf"})
# Servers label downloads of any kind with these; the bytes decide.
_UNKNOWN_TYPES = frozenset({"", "application/octet-stream", "binary/octet-stream", "application/unknown"})


@dataclass(frozen=True)
class Fetched:
    """A response as fetch_bytes gives it: the address after redirects, the status (2xx, or 304 to a
    conditional request), the headers, and the body with any gzip layer taken off (b"" for a 304)."""

    url: str
    status: int
    headers: Message
    body: bytes


# What a response's headers and final address are taken as ("html", "text", ...); raises FetchError to refuse it.
KindOf = Callable[[Message, str], str]


def fetch_url(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
    internal: Internal = internal_endpoint,
    typed: str | None = None,
    user_agent: str = USER_AGENT,
) -> Document:
    """Fetch a page and read its article; the Document's `url` is the address after redirects.

    `timeout` bounds the whole fetch: connecting, every redirect, the headers and the last byte.
    `internal` tells which resolved addresses are inside the user's machine or network: those are
    reached only on the host and port the user typed as an address (http://192.168.1.20:8080/).
    `typed` is the address the user typed when `url` is not it (a feed's, for a link in the feed): only
    its host and port may be internal. Raises FetchError (or InputError for a page without an article)
    with a one-line reason.
    """
    fetched, kind = _fetch(url, timeout=timeout, max_bytes=max_bytes, max_redirects=max_redirects,
                           internal=internal, typed=typed, extra={"User-Agent": user_agent}, kind_of=_kind)
    return _document(fetched.body, kind, fetched.headers, fetched.url)


def fetch_bytes(
    url: str,
    *,
    headers: Mapping[str, str] | None = None,
    kind_of: KindOf,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
    internal: Internal = internal_endpoint,
    typed: str | None = None,
) -> Fetched:
    """Fetch a document other than an article (a feed) with the same checks, limits and refusals as fetch_url.

    `headers` go with every hop (User-Agent, Accept, If-None-Match ...); a 304 is returned only when the
    request was conditional. `kind_of` refuses what the caller cannot read before its body is loaded.
    429 and 503 raise RetryLater with the wait the site asked for.
    """
    return _fetch(url, timeout=timeout, max_bytes=max_bytes, max_redirects=max_redirects, internal=internal,
                  typed=typed, extra=dict(headers or {}), kind_of=kind_of)[0]


def _fetch(url: str, *, timeout: float, max_bytes: int, max_redirects: int, internal: Internal,
           typed: str | None, extra: dict[str, str], kind_of: KindOf) -> tuple[Fetched, str]:
    address, login = _checked(url)
    clock = Clock(timeout)
    # A redirect never grants a permission; only the address the user typed does.
    asked = urllib.parse.urlsplit(_checked(typed)[0] if typed else address)
    permission = typed_permission(asked.hostname or "", _port(asked))
    conditional = any(name.lower() in ("if-none-match", "if-modified-since") for name in extra)
    seen = [address]
    try:
        while True:
            login_here = login if _origin(seen[-1]) == _origin(address) else None
            with _exchange(seen, clock, permission, internal, login_here, extra) as response:
                target = _redirect_target(response, seen, max_redirects)
                if target is None:
                    final = seen[-1]
                    headers: Message = response.msg
                    if response.status == 304 and conditional:
                        return Fetched(final, 304, headers, b""), ""
                    if not 200 <= response.status < 300:
                        _http_error(final, response.status, response.reason, headers)
                    kind = kind_of(headers, final)
                    data = _read_body(response, final, max_bytes, timeout)
                    status = response.status
                    break
            seen.append(target)
    except (FetchError, InputError):
        raise
    except (OSError, http.client.HTTPException) as exc:
        _network_error(seen[-1], exc, timeout)
    except ValueError as exc:
        raise _failure(seen[-1], f"it is not a valid web address ({exc})") from None
    data = _decoded(data, headers.get("Content-Encoding", ""), final, max_bytes)
    return Fetched(final, status, headers, data), kind


def is_web_address(text: str) -> bool:
    """Whether an import source names an address (any scheme, so that file: and ftp: are refused here)."""
    scheme = urllib.parse.urlsplit(text.strip()).scheme.lower()
    # "C:\\notes.txt" has a one-letter "scheme": a Windows drive, not an address.
    if len(scheme) < 2:
        return False
    return text.strip().lower().startswith(f"{scheme}://") or scheme in _SCHEMES_WITHOUT_SLASHES


_SCHEMES_WITHOUT_SLASHES = frozenset({"javascript", "data", "mailto", "about", "file", "blob", "vbscript"})


def _checked(url: str) -> tuple[str, str | None]:
    """The address as it can be sent, without its "user:password@", and that login; only http(s) with a host."""
    text = url.strip()
    parts = urllib.parse.urlsplit(text)
    scheme = parts.scheme.lower()
    shown = without_credentials(text)
    shown = shown if len(shown) <= 80 else shown[:77] + "..."
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
    login = None
    if parts.username is not None:
        login = f"{urllib.parse.unquote(parts.username)}:{urllib.parse.unquote(parts.password or '')}"
    # Quote what a person pasted (spaces, accents) but keep escapes the address already has.
    path = urllib.parse.quote(parts.path or "/", safe="/%:@!$&'()*+,;=~-._")
    query = urllib.parse.quote(parts.query, safe="/%:@!$&'()*+,;=?~-._")
    return urllib.parse.urlunsplit((scheme, netloc, path, query, "")), login


def _port(parts: urllib.parse.SplitResult) -> int:
    return parts.port or (443 if parts.scheme == "https" else 80)


def _origin(url: str) -> tuple[str, str, int]:
    parts = urllib.parse.urlsplit(url)
    return parts.scheme, parts.hostname or "", _port(parts)


@contextlib.contextmanager
def _exchange(seen: list[str], clock: Clock, permission: Permission, internal: Internal,
              login: str | None, extra: Mapping[str, str]) -> Iterator[Response]:
    """One GET of the last address seen, on one connection to a checked address; refuses an internal one
    the user did not type, in the name of the address they gave."""
    parts = urllib.parse.urlsplit(seen[-1])
    host, port = parts.hostname or "", _port(parts)
    addresses = resolve(host, port)
    problem = refusal(host, port, addresses, permission, redirected=len(seen) > 1, internal=internal)
    if problem is not None:
        raise _failure(seen[0], problem)
    tls = ssl.create_default_context() if parts.scheme == "https" else None
    connection = PinnedConnection(host, port, addresses, tls, clock)
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": _ACCEPT,
        "Accept-Language": "en;q=1.0, *;q=0.5",
        "Accept-Encoding": "identity",
        "Connection": "close",
        **extra,
    }
    if login is not None:
        headers["Authorization"] = "Basic " + base64.b64encode(login.encode("utf-8")).decode("ascii")
    try:
        connection.request("GET", urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, "")),
                           headers=headers)
        assert connection.sock is not None
        response = Response(connection.sock, clock)
        try:
            response.begin()
            yield response
        finally:
            response.close()
    finally:
        connection.close()


def _redirect_target(response: Response, seen: list[str], limit: int) -> str | None:
    """Where a redirect leads, checked like a typed address; None when the response is the page."""
    location = response.getheader("Location") or response.getheader("URI") or ""
    if response.status not in _REDIRECT_CODES or not location:
        return None
    target = urllib.parse.urljoin(seen[-1], location.strip())
    scheme = urllib.parse.urlsplit(target).scheme.lower()
    if scheme not in ("http", "https"):
        raise _failure(seen[0], f"it redirects to a {scheme}: address; only http and https are followed")
    try:
        target = _checked(target)[0]
    except FetchError:
        raise _failure(seen[0], "it redirects to an address that is not valid") from None
    if target in seen:
        raise _failure(seen[0], "the page redirects in a loop")
    if len(seen) > limit:
        raise _failure(seen[0], f"it redirects more than {limit} times")
    return target


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


def _read_body(response: Response, url: str, max_bytes: int, timeout: float) -> bytes:
    """The whole body or a FetchError: a page cut short is never taken for a shorter page."""
    length = (response.getheader("Content-Length") or "").strip()
    declared = int(length) if length.isdigit() and not response.chunked else None
    if declared is not None and declared > max_bytes:
        raise _failure(url, f"the page is {readable_size(declared)}, over the {readable_size(max_bytes)} limit")
    chunks: list[bytes] = []
    total = 0
    try:
        while chunk := response.read(_CHUNK):
            total += len(chunk)
            if total > max_bytes:
                raise _failure(url, f"the page is over the {readable_size(max_bytes)} limit")
            chunks.append(chunk)
    except TimeoutError:
        raise _failure(url, f"the page did not finish loading within {timeout:g} seconds") from None
    except http.client.IncompleteRead:
        raise _failure(url, "the page arrived incomplete (the connection broke off)") from None
    # http.client ends a body that stops early without a word; the length the server gave tells.
    if declared is not None and total < declared:
        raise _failure(url, f"the page arrived incomplete ({readable_size(total)} of {readable_size(declared)}; "
                            "the connection broke off)")
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
        raise _failure(url, f"the page is over the {readable_size(max_bytes)} limit")
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


def retry_after(headers: Message) -> float | None:
    """Retry-After in seconds from now (it may be a number or an HTTP date); None when absent or unreadable."""
    value = (headers.get("Retry-After") or "").strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, (when - datetime.datetime.now(datetime.UTC)).total_seconds())


def _http_error(url: str, code: int, message: str, headers: Message | None = None) -> NoReturn:
    if code in (404, 410):
        reason = f"the page was not found (HTTP {code})"
    elif code in (401, 403):
        reason = f"the site refused access to the page (HTTP {code})"
    elif code in (429, 503):
        wait = retry_after(headers) if headers is not None else None
        reason = ("the site is refusing requests for now; try again later (HTTP 429)" if code == 429
                  else f"the site is unavailable for now (HTTP 503 {message})")
        raise RetryLater(_failure(url, reason).args[0], status=code, retry_after=wait)
    elif 500 <= code < 600:
        reason = f"the site had a problem answering (HTTP {code} {message})"
    else:
        reason = f"the site answered HTTP {code} {message}"
    raise _failure(url, reason)


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

