"""A user name and password in an address: sent to that site only, and never shown, logged or stored."""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator

import pytest

from core.addresses import without_credentials
from core.errors import DealsError, FetchError
from core.fetch import fetch_url
from core.importer import import_sources, import_text, prepare
from core.store import Store
from import_samples import KESTREL, NORTHWIND_CONTRACT, page
from local_server import Handler, Site, serve


class _Site(Handler):
    """Pages behind a login, a redirect anywhere (?to=), and a page that shows nothing of the request."""

    def answer(self) -> None:
        parts = urllib.parse.urlsplit(self.path)
        if parts.path == "/auth":
            expected = "Basic Ym9iOnMzY3JldCFwYXNz"  # bob:s3cret!pass
            if self.headers.get("Authorization") == expected:
                self.send(200, page(KESTREL))
            else:
                self.send(401, b"<html><body>Log in first</body></html>")
        elif parts.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", dict(urllib.parse.parse_qsl(parts.query))["to"])
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif parts.path == "/page":
            self.send(200, page(KESTREL))
        else:
            self.send(404, b"")


@pytest.fixture
def site() -> Iterator[Site]:
    with serve(_Site) as running:
        yield running


@pytest.fixture
def other() -> Iterator[Site]:
    with serve(_Site) as running:
        yield running


def test_a_login_in_the_address_is_sent_to_its_site_and_never_shown(site: Site, store: Store) -> None:
    address = f"http://bob:s3cret%21pass@127.0.0.1:{site.port}/auth"
    doc = fetch_url(address)
    assert doc.url == f"{site.url}/auth" and "Kestrel" in doc.text
    names: list[str] = []
    [result] = import_sources(store, [address], progress=lambda done, total, name: names.append(name))
    assert result.source == f"{site.url}/auth" and result.outcome is not None
    assert store.article(result.outcome.article_id or 0).url == f"{site.url}/auth"
    assert all("s3cret" not in name and "bob" not in name for name in names)


@pytest.mark.parametrize("path", ["/missing", "/redirect?to=file:///etc/passwd", "/auth"])
def test_a_login_in_the_address_is_kept_out_of_every_error(site: Site, path: str) -> None:
    with pytest.raises(FetchError) as failure:
        fetch_url(f"http://bob:wrong-secret@127.0.0.1:{site.port}{path}")
    assert "wrong-secret" not in str(failure.value) and "bob" not in str(failure.value)


@pytest.mark.parametrize("address", ["ftp://bob:wrong-secret@127.0.0.1/a.txt", "http://bob:wrong-secret@/a",
                                     "gopher://bob:wrong-secret@127.0.0.1/"])
def test_a_login_in_an_address_that_is_refused_is_not_shown(address: str, store: Store) -> None:
    with pytest.raises(DealsError) as failure:
        prepare(address)
    assert "wrong-secret" not in str(failure.value)
    [result] = import_sources(store, [address])
    assert "wrong-secret" not in result.source and "wrong-secret" not in (result.error or "")


def test_the_login_is_not_sent_to_another_site(site: Site, other: Site) -> None:
    target = urllib.parse.quote(f"{other.url}/page")
    fetch_url(f"http://bob:s3cret@127.0.0.1:{site.port}/redirect?to={target}",
              internal=lambda address, port: False)
    [(_, headers)] = other.requests
    assert "Authorization" not in headers
    assert site.requests[-1][1].get("Authorization")


def test_a_pasted_articles_address_is_stored_without_its_login(store: Store) -> None:
    result = import_text(store, NORTHWIND_CONTRACT, url="https://bob:wrong-secret@news.example/calder")
    assert result.outcome is not None and "wrong-secret" not in result.source
    assert store.article(result.outcome.article_id or 0).url == "https://news.example/calder"


@pytest.mark.parametrize("address, shown", [
    ("http://bob:secret@news.example/a@b", "http://news.example/a@b"),
    ("https://bob@news.example:8443/?q=a@b#c@d", "https://news.example:8443/?q=a@b#c@d"),
    ("http://a:b@c@news.example/", "http://news.example/"),
    ("https://news.example/a", "https://news.example/a"),
    ("notes/a@b.txt", "notes/a@b.txt"),
])
def test_an_address_is_shown_without_its_login(address: str, shown: str) -> None:
    assert without_credentials(address) == shown
