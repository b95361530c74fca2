"""Suite-wide fixtures. `no_secret_in_logs` watches every log record of the whole session (DEBUG and
up, discord.py's and httpx2's included) and fails the session if one carries a test secret.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from known_secrets import ALL as TEST_SECRETS


class SecretWatch(logging.Handler):
    """Formats every record as a log line would be and keeps the lines that hold a test secret.

    Checking on emit (rather than storing every line) keeps the suite fast and its memory flat.
    """

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        self.records = 0
        self.leaks: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records += 1
        line = self.format(record)
        if any(secret in line for secret in TEST_SECRETS):
            self.leaks.append(line[:500])


@pytest.fixture(scope="session", autouse=True)
def no_secret_in_logs() -> Iterator[SecretWatch]:
    """Every log line of the session is checked for the test token and API key."""
    root = logging.getLogger()
    watch = SecretWatch()
    previous = root.level
    root.addHandler(watch)
    root.setLevel(logging.DEBUG)
    try:
        yield watch
    finally:
        root.removeHandler(watch)
        root.setLevel(previous)
    if watch.leaks:
        shown = "\n".join(watch.leaks[:5])
        pytest.fail(f"{len(watch.leaks)} log line(s) carried a test secret:\n{shown}", pytrace=False)
