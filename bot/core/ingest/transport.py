"""An httpx2 transport that connects only to addresses the SSRF guard has just vetted.

The check and the connection use the same DNS answer: the network backend resolves the host,
vets every address, then opens the socket to one of those IPs. A second lookup by the socket layer
(where DNS rebinding would strike) never happens. The URL, and so the Host header and the TLS
server name (SNI and certificate check), keep the original host name.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

import httpcore2
import httpx2

from bot.core.ingest.netguard import Resolver, system_resolve, vetted_addresses


class GuardedBackend(httpcore2.AsyncNetworkBackend):
    """A network backend whose TCP connections go only to vetted addresses of the host."""

    def __init__(self, *, allow_loopback: bool, resolve: Resolver = system_resolve) -> None:
        self._allow_loopback = allow_loopback
        self._resolve = resolve
        self._backend = httpcore2.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore2.SOCKET_OPTION] | None = None,
    ) -> httpcore2.AsyncNetworkStream:
        """Resolve and vet `host`, then connect to its first reachable vetted address."""
        loop = asyncio.get_running_loop()
        deadline = None if timeout is None else loop.time() + timeout
        try:
            async with asyncio.timeout_at(deadline):
                addresses = await vetted_addresses(
                    host, port, allow_loopback=self._allow_loopback, resolve=self._resolve
                )
        except TimeoutError as err:
            raise httpcore2.ConnectTimeout(f"DNS lookup for {host} timed out") from err
        last_error: Exception | None = None
        for address in addresses:
            remaining = None if deadline is None else max(deadline - loop.time(), 0.001)
            try:
                return await self._backend.connect_tcp(
                    address,
                    port,
                    timeout=remaining,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore2.ConnectError, httpcore2.ConnectTimeout) as err:
                last_error = err
        raise last_error or httpcore2.ConnectError(f"no address to connect to for {host}")

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore2.SOCKET_OPTION] | None = None,
    ) -> httpcore2.AsyncNetworkStream:
        """Unix sockets are never a link's destination."""
        raise httpcore2.ConnectError("unix sockets are not allowed for links")

    async def sleep(self, seconds: float) -> None:
        """Sleep, as the connection pool's retry backoff asks."""
        await self._backend.sleep(seconds)


class GuardedTransport(httpx2.AsyncHTTPTransport):
    """The transport for user links: no proxies from the environment, vetted addresses only."""

    def __init__(
        self,
        *,
        allow_loopback: bool = False,
        resolve: Resolver = system_resolve,
        verify: bool = True,
    ) -> None:
        ssl_context = httpx2.create_ssl_context(verify=verify, trust_env=False)
        super().__init__(verify=ssl_context, trust_env=False)
        # AsyncHTTPTransport has no network_backend parameter, so its pool is rebuilt with ours;
        # request handling and exception mapping stay httpx2's own.
        self._pool = httpcore2.AsyncConnectionPool(
            ssl_context=ssl_context,
            max_connections=10,
            max_keepalive_connections=5,
            keepalive_expiry=5.0,
            network_backend=GuardedBackend(allow_loopback=allow_loopback, resolve=resolve),
        )
