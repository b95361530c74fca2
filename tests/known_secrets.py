"""The secrets the test suite hands to the code, in one place: conftest.py fails the session if any
of them reaches a log line.

`DISCORD_TOKEN` is the default token of the Discord stand-in (tests/discord_fake/server.py);
test_logs.py checks the two stay the same.
"""

from __future__ import annotations

DISCORD_TOKEN = "fake-bot-token"
# Shaped like a real bot token (id . timestamp . hmac), for the doctor's shape check.
SHAPED_DISCORD_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GfAkEt.c2VjcmV0LXRlc3QtaG1hYy1icmllZmJvdC0xMjM"
OPENAI_API_KEY = "sk-test-briefbot-7f3a9c"

ALL = (DISCORD_TOKEN, SHAPED_DISCORD_TOKEN, OPENAI_API_KEY)
