"""The digest lead the openai engine writes: from the stored briefings only, its quotes verified.

The model sees each story's title, BLUF, actors, systems and the verbatim quotes already on its
cards (never article text). Every quote it returns must equal, after grounding's normalisation, one
of those stored quotes; verified ones are shown with the stored speaker and wording, the rest are
dropped and counted. When the model fails (after the caller's retries, or with an unusable reply)
the extractive lead is used: a digest degrades, it is never dropped.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openai import AsyncOpenAI
from pydantic import ValidationError

from bot.core.digest import Story, extractive_lead
from bot.core.errors import EngineError
from bot.core.models import Briefing
from bot.core.openai_engine.calls import ModelCaller, Usage
from bot.core.openai_engine.client import build_client
from bot.core.openai_engine.engine import OpenAIEngine
from bot.core.openai_engine.fallback import FallbackEngine
from bot.core.openai_engine.requests import chat_messages, chat_request
from bot.core.openai_engine.retry import Sleep
from bot.core.openai_engine.schema import ReplyDigestLead, strict_schema
from bot.core.openai_engine.tokens import count_messages
from bot.core.prompts import PROMPTS_DIR, load_prompt
from bot.core.render.text import one_line
from bot.core.settings import Settings
from bot.core.textmatch import normalise, strip_edges

log = logging.getLogger(__name__)
MAX_STORIES = 6
MAX_QUOTES_PER_STORY = 3
MAX_LEAD_QUOTES = 2
MAX_NAMES = 8
_FENCE = re.compile(r"\A\s*```(?:json)?\s*\n(.*)\n\s*```\s*\Z", re.DOTALL)
_DOUBLE_QUOTES = re.compile(r"[\"\u201c\u201d\u201e\u00ab\u00bb]")


@dataclass(frozen=True, slots=True)
class CardQuote:
    """A verbatim quote stored on a card, with its speaker as the card names them."""

    speaker: str
    text: str


@dataclass(frozen=True, slots=True)
class WrittenLead:
    """The lead, how many model quotes were kept and dropped, and what the model calls cost."""

    text: str
    quotes_kept: int = 0
    quotes_dropped: int = 0
    requests: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    fallback_reason: str | None = None


def card_quotes(story: Story, briefings: Mapping[int, Briefing]) -> list[CardQuote]:
    """The verified quotes on the story's cards, in card order, each wording once."""
    seen: set[str] = set()
    found: list[CardQuote] = []
    for briefing_id in story.briefing_ids:
        briefing = briefings.get(briefing_id)
        views = briefing.expert_views if briefing is not None else []
        for view in views:
            for quote in view.quotes:
                key = _key(quote.text)
                if quote.verbatim and key and key not in seen:
                    seen.add(key)
                    found.append(CardQuote(speaker=one_line(view.speaker), text=one_line(quote.text)))
    return found


def stories_payload(stories: list[Story], briefings: Mapping[int, Briefing]) -> list[dict[str, Any]]:
    """What the model is given per story: the card's summary fields and verified quotes only."""
    return [
        {
            "title": s.title,
            "bluf": s.bluf,
            "actors": s.actors[:MAX_NAMES],
            "systems": s.systems[:MAX_NAMES],
            "quotes": [
                {"speaker": q.speaker, "text": q.text}
                for q in card_quotes(s, briefings)[:MAX_QUOTES_PER_STORY]
            ],
        }
        for s in stories
    ]


class OpenAIDigestLead:
    """Writes a digest's lead with the model, through the same retrying, token-counting caller."""

    def __init__(
        self,
        settings: Settings,
        *,
        client: AsyncOpenAI | None = None,
        sleep: Sleep = asyncio.sleep,
        prompts_dir: Path = PROMPTS_DIR,
    ) -> None:
        self.settings = settings
        self.prompt = load_prompt("digest", prompts_dir)
        self.schema = strict_schema(ReplyDigestLead)
        self.schema_json = json.dumps(self.schema, separators=(",", ":"), ensure_ascii=False)
        self._owns_client = client is None  # a client shared with the engine is the engine's to close
        self.caller = ModelCaller(client or build_client(settings), settings, sleep)

    @property
    def prompt_id(self) -> str:
        """`digest@<version>` from the template's front matter."""
        return self.prompt.id

    async def aclose(self) -> None:
        """Close the HTTP client's connections, unless the engine it came from owns them."""
        if self._owns_client:
            await self.caller.client.close()

    async def write(self, stories: list[Story], briefings: Mapping[int, Briefing]) -> WrittenLead:
        """The lead for these ranked stories; the extractive lead when the model cannot give one."""
        if not stories:
            return WrittenLead(text=extractive_lead(stories))
        usage = Usage()
        chosen = stories[:MAX_STORIES]
        messages = self._fitted_messages(chosen, briefings)
        try:
            content = await self.caller.complete(self._request(messages), usage, time.monotonic())
            reply = _parse(content)
        except (EngineError, ValidationError) as exc:
            reason = exc.message if isinstance(exc, EngineError) else "the reply did not match the lead structure"
            log.warning("digest lead: using the extractive lead: %s", reason)
            return WrittenLead(
                text=extractive_lead(stories), requests=usage.requests, tokens_in=usage.tokens_in,
                tokens_out=usage.tokens_out, fallback_reason=reason,
            )
        return self._verified(reply, chosen, briefings, stories, usage)

    def _verified(
        self, reply: ReplyDigestLead, chosen: list[Story], briefings: Mapping[int, Briefing],
        stories: list[Story], usage: Usage,
    ) -> WrittenLead:
        stored = {_key(q.text): q for s in chosen for q in card_quotes(s, briefings)}
        kept: list[CardQuote] = []
        for quote in reply.quotes:
            match = stored.get(_key(quote.text))
            if match is not None and match not in kept and len(kept) < MAX_LEAD_QUOTES:
                kept.append(match)
        dropped = len(reply.quotes) - len(kept)
        if dropped:
            log.info("digest lead: dropped %d quote(s) not found on the cards", dropped)
        # Quotation marks in the model's own sentences would present unverified words as a quote.
        lead = " ".join(_DOUBLE_QUOTES.sub("", reply.lead).split()) or extractive_lead(stories)
        shown = [f"{q.speaker}: \u201c{q.text}\u201d" for q in kept]
        return WrittenLead(
            text=" ".join([lead, *shown]), quotes_kept=len(kept), quotes_dropped=dropped,
            requests=usage.requests, tokens_in=usage.tokens_in, tokens_out=usage.tokens_out,
        )

    def _fitted_messages(
        self, stories: list[Story], briefings: Mapping[int, Briefing]
    ) -> list[dict[str, str]]:
        """The request's messages, with the lowest-ranked stories left out until they fit."""
        room = self.settings.openai_context_tokens - self.settings.openai_max_output_tokens
        count = len(stories)
        messages = self._messages(stories_payload(stories[:count], briefings))
        while count > 1 and count_messages(messages) > room:
            count -= 1
            messages = self._messages(stories_payload(stories[:count], briefings))
        return messages

    def _messages(self, payload: list[dict[str, Any]]) -> list[dict[str, str]]:
        # "</" escaped as JSON allows: a stored title cannot close the data block early.
        data = json.dumps(payload, ensure_ascii=False, indent=1).replace("</", "<\\/")
        return chat_messages(self.prompt, self.settings, self.schema_json, {"stories": data})

    def _request(self, messages: list[dict[str, str]]) -> dict[str, Any]:
        return chat_request(self.prompt, self.settings, self.schema, "digest_lead", messages)


def digest_lead_for(engine: object) -> OpenAIDigestLead | None:
    """A lead writer sharing the openai engine's settings and client, or None for any other engine."""
    primary = engine.primary if isinstance(engine, FallbackEngine) else engine
    if not isinstance(primary, OpenAIEngine):
        return None
    return OpenAIDigestLead(primary.settings, client=primary.caller.client, sleep=primary.caller.sleep)


def _key(text: str) -> str:
    """A quote as grounding compares it: edges stripped, then normalised."""
    return normalise(strip_edges(text))


def _parse(content: str) -> ReplyDigestLead:
    fenced = _FENCE.match(content)
    return ReplyDigestLead.model_validate_json(fenced.group(1) if fenced else content)
