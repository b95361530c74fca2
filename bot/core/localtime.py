"""Times of day and time zones as people type them, checked once with a sentence on failure."""

from __future__ import annotations

import re
from datetime import time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.core.errors import InputError

_CLOCK = re.compile(r"^\s*(\d{1,2})(?::(\d{2}))?\s*([ap]\.?m\.?)?\s*$", re.IGNORECASE)


def zone(name: str) -> ZoneInfo:
    """The IANA time zone called `name`, or InputError with an example of a good one."""
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError) as err:
        raise InputError(
            f"Unknown time zone {name!r}; use an IANA name such as Europe/London or "
            "America/New_York."
        ) from err


def parse_time(text: str) -> time:
    """'08:30', '8:30', '20:05', '8 am' or '8:30pm' as a time of day; InputError otherwise."""
    match = _CLOCK.match(text)
    hour, minute = (int(match[1]), int(match[2] or 0)) if match else (99, 0)
    if match and match[3]:
        hour = hour % 12 + (12 if match[3].lower().startswith("p") else 0) if hour <= 12 else 99
    if hour > 23 or minute > 59:
        raise InputError(f"{text.strip()!r} is not a time of day; write it like 08:30 or 18:00.")
    return time(hour, minute)
