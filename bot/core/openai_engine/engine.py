"""The OpenAI engine: prompt -> structured reply -> (one re-ask if invalid) -> Briefing -> grounding."""

from __future__ import annotations

import asyncio
import json
import re
import time
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from openai import AsyncOpenAI
from pydantic import BaseModel, ValidationError

from bot.core.article import Article
from bot.core.errors import ConfigError, EngineError
from bot.core.grounding import ground
from bot.core.local.dates import find_published
from bot.core.models import Briefing, EngineName, Provenance
from bot.core.openai_engine.budget import fit_article
from bot.core.openai_engine.calls import ModelCaller, Usage
from bot.core.openai_engine.client import build_client
from bot.core.openai_engine.convert import to_briefing
from bot.core.openai_engine.pricing import cost_usd
from bot.core.openai_engine.requests import chat_messages, chat_request
from bot.core.openai_engine.retry import Sleep
from bot.core.openai_engine.schema import RESPONSE_MODELS, ReplyBriefing, strict_schema
from bot.core.openai_engine.tokens import (
    TOKENS_PER_MESSAGE,
    count_messages,
    count_tokens,
    encoding,
    is_exact_for,
)
from bot.core.prompts import PROMPTS_DIR, PromptTemplate, load_prompt
from bot.core.settings import Settings

# Share of the free context the article may fill: a little headroom where our count is exact
# (o200k models: only the provider's schema rendering is unknown), more where it is an estimate.
MARGIN_EXACT = 0.95
MARGIN_ESTIMATE = 0.85
_FENCE = re.compile(r"\A\s*```(?:json)?\s*\n(.*)\n\s*```\s*\Z", re.DOTALL)
_ARTICLE_CLOSE = re.compile(r"</\s*article\s*>", re.IGNORECASE)


class InvalidReplyError(Exception):
    """The reply was not JSON matching the response model; `detail` is what the model is told."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


@dataclass(frozen=True, slots=True)
class PromptOverhead:
    """Prompt tokens a briefing request costs before any article text is added."""

    system: int
    schema: int
    user_template: int

    @property
    def total(self) -> int:
        """All of it."""
        return self.system + self.schema + self.user_template


class OpenAIEngine:
    """Briefs with any OpenAI-compatible chat-completions server."""

    name: EngineName = "openai"

    def __init__(
        self,
        settings: Settings,
        *,
        client: AsyncOpenAI | None = None,
        sleep: Sleep = asyncio.sleep,
        prompts_dir: Path = PROMPTS_DIR,
    ) -> None:
        self.settings = settings
        self.prompt = load_prompt("briefing", prompts_dir)
        self.repair = load_prompt("repair", prompts_dir)
        self.response_model = _response_model(self.prompt)
        self.schema = strict_schema(self.response_model)
        self.schema_json = json.dumps(self.schema, separators=(",", ":"), ensure_ascii=False)
        self.caller = ModelCaller(client or build_client(settings), settings, sleep)

    @property
    def prompt_id(self) -> str:
        """`briefing@<version>` from the template's front matter."""
        return self.prompt.id

    @property
    def model(self) -> str | None:
        """The configured model name."""
        return self.settings.openai_model

    async def aclose(self) -> None:
        """Close the HTTP client's connections."""
        await self.caller.client.close()

    async def brief(self, article: Article) -> Briefing:
        """One grounded briefing; at most one validation re-ask, all attempts counted."""
        started = time.monotonic()
        usage = Usage()
        await asyncio.to_thread(encoding)  # the first load takes about a second: keep it off the loop
        published = article.published or find_published(article.text)
        budget = self._article_budget(article)
        fitted = fit_article(article.text, budget, count_tokens)
        messages = self._messages(self.prompt, _user_values(article, fitted.text, published))
        content = await self.caller.complete(self._request(messages, self.prompt), usage, started)
        try:
            reply = self._parse(content)
        except InvalidReplyError as exc:
            reply = await self._reask(content, exc, usage, started)
        provenance = self._provenance(usage, fitted.truncated)
        briefing = ground(to_briefing(reply, article, published, provenance), article.text)
        elapsed_ms = int((time.monotonic() - started) * 1000)
        return briefing.model_copy(
            update={"provenance": briefing.provenance.model_copy(update={"elapsed_ms": elapsed_ms})}
        )

    def _provenance(self, usage: Usage, truncated: bool) -> Provenance:
        model = self.settings.openai_model
        return Provenance(
            engine="openai",
            model=model,
            prompt=self.prompt.id,
            tokens_in=usage.tokens_in,
            tokens_out=usage.tokens_out,
            tokens_cached=usage.tokens_cached,
            attempts=usage.requests,
            cost_usd=cost_usd(
                model, usage.tokens_in, usage.tokens_out, usage.tokens_cached, self.settings.openai_price_table
            ),
            truncated=truncated,
        )

    async def _reask(
        self, bad: str, exc: InvalidReplyError, usage: Usage, started: float
    ) -> ReplyBriefing:
        """The one re-ask: only the bad reply and the validation error, not the article again."""
        values = {"bad_output": bad[:20_000], "error": exc.detail}
        messages = self._messages(self.repair, values)
        content = await self.caller.complete(self._request(messages, self.repair), usage, started)
        try:
            return self._parse(content)
        except InvalidReplyError as again:
            raise EngineError(
                f"The model's reply did not match the briefing structure, even after one correction: "
                f"{again.detail.splitlines()[0]}"
            ) from again

    def _parse(self, content: str) -> ReplyBriefing:
        fenced = _FENCE.match(content)
        raw = fenced.group(1) if fenced else content
        try:
            return ReplyBriefing.model_validate_json(raw)
        except ValidationError as exc:
            raise InvalidReplyError(_validation_summary(exc)) from exc

    def _messages(self, prompt: PromptTemplate, values: dict[str, str]) -> list[dict[str, str]]:
        return chat_messages(prompt, self.settings, self.schema_json, values)

    def _request(self, messages: list[dict[str, str]], prompt: PromptTemplate) -> dict[str, Any]:
        return chat_request(prompt, self.settings, self.schema, "briefing", messages)

    @cached_property
    def overhead(self) -> PromptOverhead:
        """Prompt tokens spent on instructions, schema and framing, without any article text."""
        system = count_messages([{"role": "system", "content": self.prompt.render("system")}])
        if self.settings.openai_structured_mode == "json_schema":
            schema = count_tokens(self.schema_json)
        else:
            schema = count_tokens("\n\n" + self.prompt.render("schema", schema=self.schema_json))
        user = self.prompt.render("user", **_user_values(Article(text=""), "", None))
        return PromptOverhead(system=system, schema=schema, user_template=TOKENS_PER_MESSAGE + count_tokens(user))

    def _article_budget(self, article: Article) -> int:
        s = self.settings
        room = s.openai_context_tokens - s.openai_max_output_tokens - self.overhead.total
        room -= count_tokens(" ".join(filter(None, [article.title, article.site])))
        margin = MARGIN_EXACT if is_exact_for(s.openai_model) else MARGIN_ESTIMATE
        return max(256, int(room * margin))


def _user_values(article: Article, text: str, published: object) -> dict[str, str]:
    # A closing delimiter inside the article must not end the data block early.
    return {
        "title": article.title or "(none)",
        "site": article.site or "(unknown)",
        "published": str(published) if published else "(unknown)",
        "article": _ARTICLE_CLOSE.sub("[/article]", text),
    }


def _validation_summary(exc: ValidationError, limit: int = 8) -> str:
    lines = []
    for err in exc.errors()[:limit]:
        where = ".".join(str(p) for p in err["loc"]) or "(reply)"
        lines.append(f"{where}: {err['msg']}")
    more = exc.error_count() - limit
    if more > 0:
        lines.append(f"... and {more} more error(s)")
    return "\n".join(lines)


def _response_model(prompt: PromptTemplate) -> type[BaseModel]:
    model = RESPONSE_MODELS.get(prompt.meta.response_model or "")
    if model is not ReplyBriefing:
        raise ConfigError(f"Prompt {prompt.id} must use the 'briefing' response model.")
    return model
