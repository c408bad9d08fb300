"""Read articles from http(s) URLs: bounded in time, size and redirects, and (for URLs
a file handed us) in where they may reach.

A URL is fetched once, streamed up to the per-source byte limit, and refused unless it
is HTML or plain text; trafilatura then keeps the article with its title, date and
site name. Every failure is one line naming the URL (exit 2), never a hang:
- `timeout` is one deadline for the whole fetch (connect, redirects, headers and body
  together): a server trickling a byte a second is cut off at the deadline, not when it
  tires;
- a `Guard` (used for URLs read from a manifest, which a desk did not type) refuses
  loopback, private, link-local, multicast and other non-public addresses, checked on the
  addresses DNS gives and again on every redirect's host, at connect time (so a name that
  re-resolves between check and connect cannot slip through). Environment proxies are
  not used for guarded fetches: through a proxy the address could not be checked.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from checker.errors import InputError

MAX_REDIRECTS = 5
DEFAULT_TIMEOUT_S = 10.0
_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def is_url(item: str) -> bool:
    return "://" in item[:12]


def _resolve(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


@dataclass(frozen=True)
class Guard:
    """Which addresses a fetch may connect to: public ones, and the `allowed` networks
    a desk names (its own CMS, say)."""

    allowed: tuple[Network, ...] = ()
    resolve: Callable[[str, int], list[str]] = field(default=_resolve, compare=False)

    @classmethod
    def allowing(cls, networks: Iterable[str]) -> Guard:
        try:
            return cls(tuple(ipaddress.ip_network(n, strict=False) for n in networks))
        except ValueError as exc:
            raise InputError(f"--allow-url-network: {exc}") from None

    def refusal(self, address: str) -> str | None:
        """Why an address may not be reached, or None."""
        ip: Address = ipaddress.ip_address(address.split("%")[0])
        if isinstance(ip, ipaddress.IPv6Address) and (inner := _embedded_ipv4(ip)):
            ip = inner  # ::ffff:127.0.0.1, 64:ff9b::7f00:1, 2002:7f00:1::1, ::127.0.0.1
        if any(ip in network for network in self.allowed):
            return None
        for kind, hit in (
            ("loopback", ip.is_loopback),
            ("link-local", ip.is_link_local),
            ("multicast", ip.is_multicast),
            ("private", ip.is_private),
            ("non-public", not ip.is_global),
        ):
            if hit:
                return f"{kind} address {ip}"
        return None

    def addresses(self, host: str, port: int) -> list[str]:
        """The host's addresses, all of them checked (one bad answer refuses the host:
        a resolver may hand out a public and a private address in turn)."""
        try:
            found = [host] if _is_ip(host) else self.resolve(host, port)
        except OSError as exc:
            raise _Refused(f"cannot resolve {host} ({exc})") from None
        for address in found:
            reason = self.refusal(address)
            if reason is not None:
                raise _Refused(
                    f"{host} is a {reason}: URLs read from a file may not reach the local "
                    "network (pass --allow-private-urls, or --allow-url-network CIDR, to allow)"
                )
        if not found:
            raise _Refused(f"cannot resolve {host}")
        return found


_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_COMPATIBLE = ipaddress.ip_network("::/96")


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one carries and reaches: IPv4-mapped, NAT64 (64:ff9b::/96),
    6to4 (2002::/16), Teredo's client, and the deprecated IPv4-compatible ::a.b.c.d."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in _NAT64 or (ip in _COMPATIBLE and int(ip) > 1):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


class _Refused(Exception):
    """A connection the guard refused (raised inside httpx, reported as one line)."""


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]").split("%")[0])
    except ValueError:
        return False
    return True


def _guarded_transport(guard: Guard) -> Any:
    """An httpx transport whose every TCP connection goes through `guard` first."""
    import httpcore
    import httpx

    class Backend(httpcore.NetworkBackend):
        def __init__(self) -> None:
            self._inner = httpcore.SyncBackend()

        def connect_tcp(
            self,
            host: str,
            port: int,
            timeout: float | None = None,
            local_address: str | None = None,
            socket_options: Iterable[Any] | None = None,
        ) -> httpcore.NetworkStream:
            address = guard.addresses(host.strip("[]"), port)[0]
            return self._inner.connect_tcp(address, port, timeout, local_address, socket_options)

        def connect_unix_socket(
            self, path: str, timeout: float | None = None, socket_options: Any = None
        ) -> httpcore.NetworkStream:
            raise _Refused("unix sockets are not fetched")

        def sleep(self, seconds: float) -> None:
            self._inner.sleep(seconds)

    transport = httpx.HTTPTransport(trust_env=False)
    # TLS still checks the certificate against the URL's host name (SNI), not the address
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=False), network_backend=Backend()
    )
    return transport


def fetch(
    url: str,
    *,
    max_bytes: int,
    timeout: float = DEFAULT_TIMEOUT_S,
    guard: Guard | None = None,
) -> tuple[bytes, str]:
    """The body (at most `max_bytes`) and its content type, within `timeout` seconds in
    all; with a `guard`, only from addresses it allows."""
    scheme = urlparse(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise InputError(f"{url}: only http and https URLs can be read")
    import httpx

    client = httpx.Client(
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        timeout=httpx.Timeout(timeout),
        headers={"User-Agent": "checker (fact-consistency checker)"},
        **({"transport": _guarded_transport(guard), "trust_env": False} if guard else {}),
    )
    outcome: dict[str, Any] = {}
    done = threading.Event()

    def work() -> None:
        try:
            outcome["value"] = _read(client, url, max_bytes, timeout)
        except BaseException as exc:  # handed to the caller's thread
            outcome["error"] = exc
        finally:
            done.set()

    worker = threading.Thread(target=work, name="checker-fetch", daemon=True)
    started = time.monotonic()
    worker.start()
    if not done.wait(timeout):
        client.close()  # unblocks the worker's read; it ends on its own
        raise InputError(f"{url}: no complete answer within {timeout:g} s")
    client.close()
    if "error" in outcome:
        raise _one_line(url, outcome["error"], timeout, time.monotonic() - started)
    value: tuple[bytes, str] = outcome["value"]
    return value


def _read(client: Any, url: str, max_bytes: int, timeout: float) -> tuple[bytes, str]:
    with client.stream("GET", url) as response:
        if response.status_code >= 400:
            raise InputError(f"{url}: HTTP {response.status_code}")
        content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type and content_type not in _TEXT_TYPES:
            raise InputError(f"{url}: {content_type} is not HTML or text")
        declared = int(response.headers.get("content-length") or 0)
        if declared > max_bytes:
            raise InputError(_too_big(url, declared, max_bytes))
        body = bytearray()
        for chunk in response.iter_bytes():
            body.extend(chunk)
            if len(body) > max_bytes:
                raise InputError(_too_big(url, len(body), max_bytes))
        return bytes(body), content_type


def _one_line(url: str, exc: BaseException, timeout: float, elapsed: float) -> BaseException:
    """Any failure of a fetch as the one-line InputError the user sees."""
    import httpx

    if isinstance(exc, InputError):
        return exc
    cause: BaseException | None = exc
    while cause is not None:  # httpx wraps what the transport raised
        if isinstance(cause, _Refused):
            return InputError(f"{url}: refused: {cause}")
        cause = cause.__cause__ or cause.__context__
    if isinstance(exc, httpx.TooManyRedirects):
        return InputError(f"{url}: more than {MAX_REDIRECTS} redirects")
    if isinstance(exc, httpx.TimeoutException) or elapsed >= timeout:
        return InputError(f"{url}: no complete answer within {timeout:g} s")
    if isinstance(exc, httpx.HTTPError | httpx.InvalidURL | ValueError):
        return InputError(f"{url}: cannot fetch ({type(exc).__name__}: {exc})")
    return exc


def _too_big(url: str, size: int, max_bytes: int) -> str:
    return (
        f"{url}: more than {max_bytes / 1e6:g} MB (got {size / 1e6:.1f} MB; "
        "raise the limit with --max-source-mb)"
    )
