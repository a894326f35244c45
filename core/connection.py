"""HTTP connections to addresses checked beforehand, with one deadline for the whole exchange."""

from __future__ import annotations

import http.client
import io
import ipaddress
import socket
import ssl
import time
from typing import TYPE_CHECKING

from core.addresses import IPAddress, address_literal

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer


class Clock:
    """The one deadline of a whole fetch; every wait gets what is left of it."""

    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds

    def remaining(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            raise TimeoutError("the fetch ran out of time")
        return left


class TimedReader(io.RawIOBase):
    """A socket's bytes, each wait cut to the time the fetch has left.

    A time-out per read is not enough: a server that sends one byte a second never lets one expire.
    """

    def __init__(self, sock: socket.socket, clock: Clock) -> None:
        super().__init__()
        self._sock, self._clock = sock, clock

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        self._sock.settimeout(self._clock.remaining())
        return self._sock.recv_into(buffer)


class Response(http.client.HTTPResponse):
    """A response whose status line, headers and body all arrive within the fetch's deadline."""

    def __init__(self, sock: socket.socket, clock: Clock) -> None:
        super().__init__(sock, method="GET")
        self.fp.close()
        self.fp = io.BufferedReader(TimedReader(sock, clock))


class PinnedConnection(http.client.HTTPConnection):
    """A connection to the addresses that were checked, so that a second look-up cannot swap them.

    The Host header and, over https, the certificate check and SNI still use the host name.
    """

    def __init__(self, host: str, port: int, addresses: list[IPAddress], tls: ssl.SSLContext | None,
                 clock: Clock) -> None:
        super().__init__(host, port)
        self.default_port = 443 if tls is not None else 80
        self._addresses, self._tls, self._clock = addresses, tls, clock

    def connect(self) -> None:
        error: OSError = OSError("no address to connect to")
        for address in self._addresses:
            family = socket.AF_INET6 if address.version == 6 else socket.AF_INET
            sock = socket.socket(family, socket.SOCK_STREAM)
            try:
                sock.settimeout(self._clock.remaining())
                sock.connect((str(address), self.port))
                if self._tls is not None:
                    sock = self._tls.wrap_socket(sock, server_hostname=self.host)
            except OSError as exc:
                sock.close()
                if isinstance(exc, (TimeoutError, ssl.SSLError)):
                    raise
                error = exc
                continue
            self.sock = sock
            return
        raise error


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address a host stands for; "2130706433" and its kin are read as addresses, not looked up."""
    literal = address_literal(host)
    if literal is not None:
        return [literal]
    found: list[IPAddress] = []
    for family, _, _, _, sockaddr in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
        if family in (socket.AF_INET, socket.AF_INET6):
            address = ipaddress.ip_address(str(sockaddr[0]).split("%")[0])
            if address not in found:
                found.append(address)
    return found
