"""Where a fetch may go: the address rule over given addresses, and redirects between two local servers.

No request leaves this machine: addresses outside it are only ever handed to the rule as values, and every
redirect a server here sends points at 127.0.0.1 in one spelling or another.
"""

from __future__ import annotations

import ipaddress
import socket
import urllib.parse
from collections.abc import Iterator

import pytest

from core.addresses import (
    REFUSED_NAME, REFUSED_REDIRECT, IPAddress, address_literal, is_internal, refusal, typed_permission,
)
from core.errors import FetchError
from core.fetch import fetch_url
from import_samples import KESTREL, page
from local_server import Handler, Site, serve

SECRET = b"<html><body><article><p>" + b"The internal payroll service lists every salary here. " * 5 + \
    b"</p></article></body></html>"


class _Outside(Handler):
    """The page a user asked for: it redirects wherever ?to= says, or shows what it was sent."""

    def answer(self) -> None:
        parts = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(parts.query))
        if parts.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", query["to"])
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif parts.path == "/article":
            self.send(200, page(KESTREL))
        elif parts.path == "/host":
            self.send(200, f"Seen by the server\n\nThe request named the host {self.headers['Host']}.".encode(),
                      "text/plain")
        else:
            self.send(404, b"")


class _Inside(Handler):
    """A service inside the network that no page may make us reach."""

    def answer(self) -> None:
        self.send(200, SECRET)


@pytest.fixture(scope="module")
def outside() -> Iterator[Site]:
    with serve(_Outside) as site:
        yield site


@pytest.fixture
def inside() -> Iterator[Site]:
    with serve(_Inside) as site:
        yield site


def _ip(text: str) -> IPAddress:
    return ipaddress.ip_address(text)


@pytest.mark.parametrize("address", [
    "169.254.169.254", "10.0.0.1", "192.168.1.1", "172.16.0.1", "0.0.0.0", "127.0.0.1", "127.8.9.10",
    "100.64.0.1", "224.0.0.251", "240.0.0.1", "255.255.255.255",
    "::1", "::", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "fe80::1", "fc00::1", "ff02::1", "2002:7f00:1::",
])
def test_addresses_inside_a_machine_or_network_are_internal(address: str) -> None:
    assert is_internal(_ip(address))


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:93.184.216.34"])
def test_addresses_on_the_internet_are_not(address: str) -> None:
    assert not is_internal(_ip(address))


@pytest.mark.parametrize("host", ["2130706433", "0x7f000001", "0177.0.0.1", "127.1", "0x7f.1", "127.0.0.1"])
def test_every_spelling_of_an_ipv4_address_is_read_as_that_address(host: str) -> None:
    assert address_literal(host) == _ip("127.0.0.1")


@pytest.mark.parametrize("host", ["news.example", "localhost", "1.2.3.4 x", "", "deadbeef"])
def test_a_name_is_not_an_address(host: str) -> None:
    assert address_literal(host) is None


def test_a_page_may_not_lead_inside_however_the_address_is_spelled() -> None:
    for host, address in [("metadata.example", "169.254.169.254"), ("10.0.0.1", "10.0.0.1"),
                          ("2130706433", "127.0.0.1"), ("[::ffff:127.0.0.1]", "::ffff:127.0.0.1"),
                          ("router.example", "192.168.1.1"), ("0.0.0.0", "0.0.0.0"), ("fe80::1", "fe80::1")]:
        assert refusal(host, 80, [_ip(address)], None, redirected=True) == REFUSED_REDIRECT


def test_one_internal_address_among_public_ones_refuses_the_host() -> None:
    both = [_ip("93.184.216.34"), _ip("10.0.0.1")]
    assert refusal("news.example", 443, both, None, redirected=True) == REFUSED_REDIRECT
    assert refusal("news.example", 443, both[:1], None, redirected=True) is None


def test_a_name_the_user_typed_that_leads_inside_is_refused_but_a_typed_address_is_allowed() -> None:
    assert refusal("intranet.example", 80, [_ip("10.1.2.3")], typed_permission("intranet.example", 80),
                   redirected=False) == REFUSED_NAME
    for host, address in [("10.1.2.3", "10.1.2.3"), ("localhost", "127.0.0.1"), ("2130706433", "127.0.0.1")]:
        assert refusal(host, 8080, [_ip(address)], typed_permission(host, 8080), redirected=False) is None


def test_a_typed_internal_address_allows_its_own_host_and_port_only() -> None:
    permission = typed_permission("192.168.1.20", 8080)
    router = [_ip("192.168.1.20")]
    assert refusal("192.168.1.20", 8080, router, permission, redirected=True) is None
    assert refusal("192.168.1.20", 22, router, permission, redirected=True) == REFUSED_REDIRECT
    assert refusal("192.168.1.1", 8080, [_ip("192.168.1.1")], permission, redirected=True) == REFUSED_REDIRECT
    assert refusal("localhost", 8080, [_ip("127.0.0.1")], permission, redirected=True) == REFUSED_REDIRECT


@pytest.mark.parametrize("spelling", ["127.0.0.1", "localhost", "2130706433", "0x7f.1", "[::ffff:127.0.0.1]",
                                      "0.0.0.0"])
def test_a_redirect_to_another_local_port_is_refused_before_connecting(
    outside: Site, inside: Site, spelling: str
) -> None:
    target = f"http://{spelling}:{inside.port}/payroll"
    with pytest.raises(FetchError, match=f"Could not fetch {outside.url}/redirect.*: {REFUSED_REDIRECT}$"):
        fetch_url(f"{outside.url}/redirect?to={urllib.parse.quote(target)}")
    assert inside.requests == []


def test_a_public_page_that_redirects_inside_is_refused(outside: Site, inside: Site) -> None:
    # The rule under test calls the first server public and the second internal, as a news site and a
    # service on the user's network would be.
    def internal(address: IPAddress, port: int) -> bool:
        return port == inside.port

    target = urllib.parse.quote(f"{inside.url}/payroll")
    with pytest.raises(FetchError, match=REFUSED_REDIRECT):
        fetch_url(f"{outside.url}/redirect?to={target}", internal=internal)
    assert inside.requests == []
    # The same rule lets the page redirect to itself.
    same = urllib.parse.quote(f"{outside.url}/article")
    assert "Kestrel" in fetch_url(f"{outside.url}/redirect?to={same}", internal=internal).text


def test_a_typed_local_address_may_redirect_on_its_own_host_and_port(outside: Site) -> None:
    doc = fetch_url(f"{outside.url}/redirect?to=/article")
    assert doc.url == f"{outside.url}/article" and "Kestrel" in doc.text


def test_a_typed_name_that_leads_inside_is_refused(outside: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    # A link whose name points at this machine; the look-up is faked, and answers with loopback only.
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: [
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", outside.port))])
    before = len(outside.requests)
    with pytest.raises(FetchError, match="refused: its name leads to a private or internal address"):
        fetch_url(f"http://pointed-home.example:{outside.port}/article")
    assert len(outside.requests) == before


def test_the_connection_goes_to_the_address_that_was_checked(outside: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    # A name server that answers a public address first and an internal one after: the fetch must not look
    # twice. Here 127.0.0.1 plays the public address and ::1 (where nothing listens) the internal one.
    answers = iter(["127.0.0.1"])
    asked: list[str] = []

    def lookup(host: str, port: int, *args: object, **kwargs: object) -> list[tuple[object, ...]]:
        asked.append(host)
        address = next(answers, "::1")
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        return [(family, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", lookup)
    doc = fetch_url(f"http://news.example:{outside.port}/host",
                    internal=lambda address, port: address != ipaddress.ip_address("127.0.0.1"))
    assert f"named the host news.example:{outside.port}" in doc.text
    assert asked == ["news.example"]
