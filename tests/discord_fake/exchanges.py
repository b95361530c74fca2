"""What happened to one interaction: its callback, the original response, follow-ups, timings."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

EPHEMERAL = 1 << 6
LOADING = 1 << 7


@dataclass
class Exchange:
    """One interaction the stand-in dispatched, and every answer the bot gave to it."""

    payload: dict[str, Any]
    sent_at: float = field(default_factory=time.perf_counter)
    callback_type: int | None = None
    callback_at: float | None = None
    callback_data: dict[str, Any] = field(default_factory=dict)
    original: dict[str, Any] | None = None
    original_deleted: bool = False
    followups: list[dict[str, Any]] = field(default_factory=list)
    contents: list[str] = field(default_factory=list)
    card_at: float | None = None

    @property
    def token(self) -> str:
        """The interaction token the bot answers with."""
        return self.payload["token"]

    @property
    def loading(self) -> bool:
        """Deferred and not yet answered: the next follow-up edits the original."""
        return bool(self.original and self.original["flags"] & LOADING and not self.original_deleted)

    @property
    def deferred_ephemeral(self) -> bool:
        """The callback asked for an ephemeral (private) response."""
        return bool(self.callback_data.get("flags", 0) & EPHEMERAL)

    def messages(self) -> list[dict[str, Any]]:
        """The original (unless deleted) and every follow-up, in order."""
        first = [self.original] if self.original and not self.original_deleted else []
        return first + self.followups

    def visible_text(self) -> str:
        """All content and embed text of this exchange's messages, for assertions."""
        parts: list[str] = []
        for msg in self.messages():
            parts.append(msg.get("content") or "")
            for embed in msg.get("embeds") or []:
                parts.append(str(embed))
        return "\n".join(parts)

    def private_text(self) -> str | None:
        """The content of the first answer only the user sees, once there is one."""
        for msg in self.messages():
            if msg["flags"] & EPHEMERAL and not msg["flags"] & LOADING and msg.get("content"):
                return msg["content"]
        return None

    def card(self) -> dict[str, Any] | None:
        """The first message of this exchange that carries an embed."""
        for msg in self.messages():
            if msg.get("embeds"):
                return msg
        return None

    def note_message(self, msg: dict[str, Any]) -> None:
        """Remembers when the first embed arrived (the load test's 'card delivered')."""
        if msg.get("embeds") and self.card_at is None:
            self.card_at = time.perf_counter()
