"""Which network addresses a fetch may reach, and web addresses shown without a user name or password."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# Whether a resolved address and port lie inside the user's machine or network. The port plays no part in
# the real rule; fetch_url takes the rule as an argument so that a test can call one of two local servers
# "public" and the other "internal" without any request leaving the machine.
Internal = Callable[[IPAddress, int], bool]
# The host name and port that the user typed as an address of their own machine or network, if they did.
Permission = tuple[str, int] | None

REFUSED_REDIRECT = "refused: the page redirects to a private or internal address"
REFUSED_NAME = ("refused: its name leads to a private or internal address "
                "(type the address itself, such as http://192.168.1.20/, to import from your own network)")


def is_internal(address: IPAddress) -> bool:
    """Loopback, private, link-local, shared, unspecified, multicast or reserved: anything but the internet."""
    if isinstance(address, ipaddress.IPv6Address):
        # ::ffff:127.0.0.1 and 6to4's 2002:7f00:1:: reach the IPv4 address inside them.
        if address.ipv4_mapped is not None:
            return is_internal(address.ipv4_mapped)
        if address.sixtofour is not None and is_internal(address.sixtofour):
            return True
    return (address.is_loopback or address.is_private or address.is_link_local or address.is_unspecified
            or address.is_multicast or address.is_reserved or not address.is_global)


def internal_endpoint(address: IPAddress, port: int) -> bool:
    """The rule fetch_url uses unless told otherwise: the address decides, whatever the port."""
    return is_internal(address)


def address_literal(host: str) -> IPAddress | None:
    """The address a host written as an address stands for, in any form the system accepts.

    "2130706433", "0x7f000001", "0177.0.0.1" and "127.1" are all 127.0.0.1; the parsing is the C library's,
    the same that would otherwise connect, and never asks a name server.
    """
    try:
        return ipaddress.ip_address(host.strip("[]").split("%")[0])
    except ValueError:
        pass
    if not host or not all(c.isalnum() or c == "." for c in host):
        return None
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        return None


def names_itself(host: str) -> bool:
    """Whether a typed host is an address or this machine's own name, so that the user asked for that machine."""
    name = host.lower().rstrip(".")
    return address_literal(name) is not None or name == "localhost" or name.endswith(".localhost")


def typed_permission(host: str, port: int) -> Permission:
    """What a typed address allows beyond the internet: its own host and port, when it names a machine itself.

    A name that merely resolves to an internal address (a link someone sent) gives no such permission.
    """
    return (host.lower(), port) if names_itself(host) else None


def refusal(host: str, port: int, addresses: Sequence[IPAddress], permission: Permission, *,
            redirected: bool, internal: Internal = internal_endpoint) -> str | None:
    """Why a fetch may not connect to `host` resolved to `addresses`, or None when it may.

    An internal address is allowed only on the host and port the user typed; one internal address among
    public ones refuses them all, since the connection could go to any of them.
    """
    if not addresses:
        return "the site's name could not be found (check the address and the network)"
    if not any(internal(address, port) for address in addresses):
        return None
    if permission is not None and permission == (host.lower(), port):
        return None
    return REFUSED_REDIRECT if redirected else REFUSED_NAME


def without_credentials(url: str) -> str:
    """The address with any "user:password@" taken out, for messages and the stored source."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    end = min((i for i in (rest.find("/"), rest.find("?"), rest.find("#")) if i >= 0), default=len(rest))
    authority = rest[:end]
    if "@" not in authority:
        return url
    return scheme + sep + authority.rpartition("@")[2] + rest[end:]
