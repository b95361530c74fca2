"""The SSRF guard: address classification, vetting every DNS answer, and connecting to it only."""

from __future__ import annotations

import httpcore2
import httpx2
import pytest
from pages_server import PagesServer

from bot.core.errors import BlockedAddressError, FetchError, InputError
from bot.core.ingest.netguard import address_problem, vet_url, vetted_addresses
from bot.core.ingest.transport import GuardedBackend, GuardedTransport

PUBLIC = [
    "8.8.8.8",
    "1.1.1.1",
    "93.184.215.14",
    "100.63.255.255",  # just below carrier-grade NAT
    "100.128.0.0",  # just above it
    "172.32.0.1",  # just above 172.16/12
    "2606:4700:4700::1111",
    "2a00:1450:4001:80b::200e",
    "::ffff:8.8.8.8",  # mapped public IPv4
    "2002:0808:0808::1",  # 6to4 around a public IPv4
    "64:ff9b::808:808",  # NAT64 of a public IPv4
]

REFUSED = [
    ("127.0.0.1", "loopback"),
    ("127.8.9.10", "loopback"),
    ("::1", "loopback"),
    ("10.0.0.5", "private"),
    ("10.255.255.255", "private"),
    ("172.16.0.1", "private"),
    ("172.31.255.254", "private"),
    ("192.168.1.1", "private"),
    ("fd12:3456::1", "private"),
    ("fc00::1", "private"),
    ("169.254.169.254", "cloud metadata"),
    ("169.254.170.2", "cloud metadata"),
    ("fd00:ec2::254", "cloud metadata"),
    ("100.100.100.200", "cloud metadata"),
    ("169.254.1.1", "link-local"),
    ("fe80::1", "link-local"),
    ("224.0.0.1", "multicast"),
    ("239.255.255.250", "multicast"),
    ("ff02::1", "multicast"),
    ("100.64.0.1", "carrier-grade NAT"),
    ("100.127.255.254", "carrier-grade NAT"),
    ("0.0.0.0", "unspecified"),
    ("::", "unspecified"),
    ("240.0.0.1", "reserved"),
    ("255.255.255.255", "reserved"),
    ("192.0.0.8", "non-public"),
    ("192.0.2.10", "private"),  # TEST-NET-1, documentation
    ("198.18.0.1", "private"),  # benchmarking
    ("2001:db8::1", "private"),  # documentation
    ("fec0::1", "non-public"),  # deprecated site-local
    ("0.1.2.3", "private"),  # "this network"
    ("::ffff:10.0.0.1", "private"),  # IPv4-mapped
    ("::ffff:127.0.0.1", "loopback"),
    ("::ffff:169.254.169.254", "cloud metadata"),
    ("::10.0.0.1", "private"),  # IPv4-compatible
    ("2002:a00:1::1", "private"),  # 6to4 around 10.0.0.1
    ("64:ff9b::a9fe:a9fe", "cloud metadata"),  # NAT64 around 169.254.169.254
    ("2001::1", "private"),  # Teredo
]


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_pass(address: str) -> None:
    assert address_problem(address) is None


@pytest.mark.parametrize(("address", "kind"), REFUSED)
def test_non_public_addresses_are_refused(address: str, kind: str) -> None:
    problem = address_problem(address)
    assert problem is not None and kind in problem


@pytest.mark.parametrize("address", ["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"])
def test_allow_loopback_allows_only_loopback(address: str) -> None:
    assert address_problem(address, allow_loopback=True) is None


@pytest.mark.parametrize(
    "address", ["10.0.0.1", "192.168.0.1", "169.254.169.254", "0.0.0.0", "::", "100.64.0.1"]
)
def test_allow_loopback_does_not_allow_other_internal_ranges(address: str) -> None:
    assert address_problem(address, allow_loopback=True) is not None


def fake_dns(table: dict[str, list[str]]):
    """A DNS boundary fake: answers from a table, like getaddrinfo would."""

    async def resolve(host: str, port: int) -> list[str]:
        return table[host]

    return resolve


async def test_one_private_answer_among_public_ones_blocks_the_host() -> None:
    resolve = fake_dns({"news.test": ["93.184.215.14", "10.0.0.7"]})
    with pytest.raises(BlockedAddressError) as info:
        await vetted_addresses(
            "news.test", 80, allow_loopback=False, shown_as="http://news.test/a", resolve=resolve
        )
    assert str(info.value) == (
        "Refusing to fetch http://news.test/a: it points at a private network address."
    )


async def test_vet_url_checks_scheme_then_every_address() -> None:
    with pytest.raises(BlockedAddressError, match="only http and https"):
        await vet_url("gopher://example.org/", allow_loopback=True)
    with pytest.raises(InputError, match="not a valid URL"):
        await vet_url("http://[not-ipv6]/", allow_loopback=True)
    with pytest.raises(InputError, match="impossible port"):
        await vet_url("http://example.org:99999/", allow_loopback=True)
    with pytest.raises(InputError, match="no host name"):
        await vet_url("http:///etc/passwd", allow_loopback=True)
    with pytest.raises(BlockedAddressError, match="loopback"):
        await vet_url("http://localhost:8080/", allow_loopback=False)
    with pytest.raises(BlockedAddressError, match=r"10\.1\.2\.3/: it points at a private"):
        await vet_url("http://10.1.2.3/", allow_loopback=True)
    with pytest.raises(BlockedAddressError, match="loopback"):
        await vet_url("http://2130706433/", allow_loopback=False)  # 127.0.0.1 as one number
    with pytest.raises(BlockedAddressError, match="loopback"):
        await vet_url("http://[::ffff:7f00:1]/", allow_loopback=False)
    parsed = await vet_url("http://127.0.0.1:9/x", allow_loopback=True)
    assert parsed.port == 9


async def test_unresolvable_host_is_a_fetch_error() -> None:
    with pytest.raises(FetchError, match="Could not find the host"):
        await vet_url("http://no-such-host.invalid/", allow_loopback=False)


async def test_backend_refuses_a_rebound_answer_before_connecting() -> None:
    # The first lookup (the per-hop check) saw a public address; the connect-time lookup is
    # what counts, and a private answer there is refused without opening a socket.
    backend = GuardedBackend(allow_loopback=False, resolve=fake_dns({"news.test": ["10.0.0.7"]}))
    with pytest.raises(BlockedAddressError, match="private network address"):
        await backend.connect_tcp("news.test", 80, timeout=5)


async def test_backend_connects_to_the_address_it_vetted() -> None:
    with PagesServer() as server:
        backend = GuardedBackend(
            allow_loopback=True, resolve=fake_dns({"news.test": ["127.0.0.1"]})
        )
        stream = await backend.connect_tcp("news.test", server.port, timeout=5)
        await stream.aclose()
        refusing = GuardedBackend(allow_loopback=False)
        with pytest.raises(BlockedAddressError, match="loopback"):
            await refusing.connect_tcp("127.0.0.1", server.port, timeout=5)
        with pytest.raises(httpcore2.ConnectError):
            await backend.connect_unix_socket("/tmp/anything.sock")


async def test_transport_keeps_the_host_name_in_the_request() -> None:
    with PagesServer() as server:
        server.add("/a.html", "<p>hello</p>")
        transport = GuardedTransport(
            allow_loopback=True, resolve=fake_dns({"news.test": ["127.0.0.1"]})
        )
        async with httpx2.AsyncClient(transport=transport) as client:
            response = await client.get(f"http://news.test:{server.port}/a.html")
        assert response.text == "<p>hello</p>"
        assert server.request_headers["/a.html"]["Host"] == f"news.test:{server.port}"


async def test_transport_ignores_proxy_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://10.9.9.9:3128")
    monkeypatch.setenv("ALL_PROXY", "http://10.9.9.9:3128")
    with PagesServer() as server:
        server.add("/a.html", "<p>direct</p>")
        transport = GuardedTransport(allow_loopback=True)
        async with httpx2.AsyncClient(transport=transport, trust_env=False, timeout=2) as client:
            response = await client.get(server.url("/a.html"))
        assert response.text == "<p>direct</p>"
