"""SSRF guard: which addresses a link may reach, and resolving a host to vetted addresses only.

A link is fetched only when EVERY address its host resolves to is public: one private answer in
the set would let a crafted DNS record steer the connection inside the network.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Awaitable, Callable
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address, ip_network

import httpx2

from bot.core.errors import BlockedAddressError, FetchError, InputError

IPAddress = IPv4Address | IPv6Address
Resolver = Callable[[str, int], Awaitable[list[str]]]

ALLOWED_SCHEMES = ("http", "https")

METADATA_ADDRESSES = frozenset(
    ip_address(a)
    for a in (
        "169.254.169.254",  # AWS, GCP, Azure, OpenStack, DigitalOcean...
        "169.254.170.2",  # AWS ECS task metadata
        "100.100.100.200",  # Alibaba Cloud
        "fd00:ec2::254",  # AWS over IPv6
    )
)
CARRIER_GRADE_NAT = ip_network("100.64.0.0/10")
NAT64 = ip_network("64:ff9b::/96")
# Special-purpose blocks that the stdlib (3.11) still calls global.
_NOT_PUBLIC: tuple[IPv4Network | IPv6Network, ...] = (
    ip_network("0.0.0.0/8"),
    ip_network("192.0.0.0/24"),
    ip_network("fec0::/10"),
    ip_network("100::/64"),
    ip_network("2001::/23"),
    ip_network("2001:db8::/32"),
)


def _embedded_ipv4(ip: IPv6Address) -> IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, 6to4, NAT64, compatible), if any."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in NAT64 or (int(ip) >> 32 == 0 and int(ip) > 1):
        return IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def address_problem(ip: IPAddress | str, *, allow_loopback: bool = False) -> str | None:
    """Why `ip` may not be contacted, as a phrase ("a private network address"), or None."""
    ip = ip_address(ip) if isinstance(ip, str) else ip
    if isinstance(ip, IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner is not None:
            return address_problem(inner, allow_loopback=allow_loopback)
    if ip in METADATA_ADDRESSES:
        return "a cloud metadata address"
    if ip.is_unspecified:
        return "an unspecified address"
    if ip.is_loopback:
        return None if allow_loopback else "a loopback address (this machine)"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if ip in CARRIER_GRADE_NAT:
        return "a carrier-grade NAT address"
    if ip.is_reserved:
        return "a reserved address"
    if ip.is_private:
        return "a private network address"
    if not ip.is_global or any(ip in net for net in _NOT_PUBLIC if net.version == ip.version):
        return "a non-public address"
    return None


async def system_resolve(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for host:port, in its order, without duplicates."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    seen: dict[str, None] = {}
    for _family, _type, _proto, _canon, sockaddr in infos:
        seen.setdefault(str(sockaddr[0]).split("%", 1)[0], None)
    return list(seen)


async def vetted_addresses(
    host: str,
    port: int,
    *,
    allow_loopback: bool,
    shown_as: str | None = None,
    resolve: Resolver = system_resolve,
) -> list[str]:
    """Resolve host and return its addresses; BlockedAddressError if any one is refused."""
    shown = shown_as or host
    try:
        addresses = await resolve(host, port)
    except (socket.gaierror, UnicodeError) as err:
        raise FetchError(
            f"Could not find the host {host} for {shown} (DNS lookup failed)."
        ) from err
    if not addresses:
        raise FetchError(f"Could not find the host {host} for {shown} (no addresses).")
    for address in addresses:
        problem = address_problem(address, allow_loopback=allow_loopback)
        if problem is not None:
            raise BlockedAddressError(f"Refusing to fetch {shown}: it points at {problem}.")
    return addresses


def parse_link(url: str | httpx2.URL) -> httpx2.URL:
    """The link as a URL, refusing anything that is not an absolute http(s) link with a host."""
    try:
        parsed = url if isinstance(url, httpx2.URL) else httpx2.URL(url.strip())
    except httpx2.InvalidURL as err:
        raise InputError(f"That link is not a valid URL: {url}.") from err
    if parsed.scheme not in ALLOWED_SCHEMES:
        raise BlockedAddressError(
            f"Refusing to fetch {url}: only http and https links are fetched."
        )
    if not parsed.raw_host:
        raise InputError(f"That link has no host name: {url}.")
    if parsed.port is not None and not 0 < parsed.port < 65536:
        raise InputError(f"That link has an impossible port number: {url}.")
    return parsed


def default_port(url: httpx2.URL) -> int:
    """The port a URL connects to."""
    return url.port or (443 if url.scheme == "https" else 80)


async def vet_url(
    url: str | httpx2.URL, *, allow_loopback: bool, resolve: Resolver = system_resolve
) -> httpx2.URL:
    """Check a link's scheme and every address its host resolves to; return it parsed."""
    parsed = parse_link(url)
    await vetted_addresses(
        parsed.raw_host.decode("ascii"),
        default_port(parsed),
        allow_loopback=allow_loopback,
        shown_as=str(parsed),
        resolve=resolve,
    )
    return parsed
