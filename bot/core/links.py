"""Link normalisation: one spelling per article address, so a link shared twice is seen as one."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}
# Click and campaign trackers: they say who shared a link, never which article it is.
_TRACKERS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga", "ref_src"}
)


def _tracker(name: str) -> bool:
    lowered = name.lower()
    return lowered.startswith("utm_") or lowered in _TRACKERS


def normalise_url(url: str) -> str:
    """The URL with scheme and host lowercased, and the fragment, default port, tracking
    parameters (utm_*, fbclid, gclid...) and trailing slash dropped; other query parameters are
    kept, sorted. Text that is not an absolute URL comes back stripped, otherwise unchanged."""
    raw = url.strip()
    try:
        parts = urlsplit(raw)
        port = parts.port
        host = parts.hostname
    except ValueError:
        return raw
    if not parts.scheme or not host:
        return raw
    scheme = parts.scheme.lower()
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and _DEFAULT_PORTS.get(scheme) != port:
        netloc += f":{port}"
    if parts.username is not None:
        # Credentials change who fetches, not what is fetched; keep them rather than guess.
        userinfo = parts.username + (f":{parts.password}" if parts.password is not None else "")
        netloc = f"{userinfo}@{netloc}"
    path = parts.path.rstrip("/")
    params = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _tracker(k)]
    query = urlencode(sorted(params), doseq=True)
    return urlunsplit((scheme, netloc, path, query, ""))


def jump_url(guild_id: int, channel_id: int, message_id: int) -> str:
    """The link Discord opens at one message: https://discord.com/channels/guild/channel/message."""
    return f"https://discord.com/channels/{guild_id}/{channel_id}/{message_id}"
