"""What the model is asked to return: a slimmer sibling of Briefing with text instead of offsets.

Models are bad at counting characters, so the reply carries strings only (quotes as written, names,
dates as written); offsets are found by searching the article, and grounding verifies them. Field
descriptions are part of the instructions: they travel inside the JSON schema.
"""

from __future__ import annotations

from typing import Any

from openai.lib._pydantic import to_strict_json_schema
from pydantic import BaseModel, ConfigDict, Field

from bot.core.models import ActorKind


class _Reply(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ReplyKeyPoint(_Reply):
    """One finding."""

    text: str = Field(description="One finding, one sentence.")
    evidence: list[str] = Field(description="Sentences copied exactly from the article that support it.")


class ReplyActor(_Reply):
    """A participant."""

    name: str = Field(description="Name exactly as written in the article.")
    kind: ActorKind
    role: str | None = Field(description="Role in this story, or null.")
    affiliation: str | None = Field(description="Organisation or country they belong to, or null.")
    aliases: list[str] = Field(description="Other names the article uses for them.")


class ReplySystem(_Reply):
    """A weapon, platform, sensor, software or named programme."""

    name: str = Field(description="Name exactly as written in the article.")
    category: str | None = Field(description="e.g. fighter aircraft, air-defence system, or null.")
    aliases: list[str] = Field(description="Other names the article uses for it.")


class ReplyDate(_Reply):
    """A date reference."""

    text: str = Field(description="The date exactly as written, e.g. 'last Tuesday', '25 September 2024'.")
    event: str | None = Field(description="What happens on that date, or null.")


class ReplyView(_Reply):
    """What one expert or official said."""

    speaker: str = Field(description="Name as written, or a description if unnamed.")
    role: str | None = Field(description="Title or role, or null.")
    affiliation: str | None = Field(description="Organisation, or null.")
    summary: str = Field(description="Their view in reported speech, without quotation marks.")
    quotes: list[str] = Field(description="Their words copied exactly from the article; no paraphrase.")


class ReplyBriefing(_Reply):
    """The model's briefing of one article."""

    title: str = Field(description="The article's headline, else a short factual title.")
    bluf: str = Field(description="Bottom line up front: 1-2 sentences, what happened and why it matters.")
    key_points: list[ReplyKeyPoint] = Field(description="3 to 5 findings.")
    actors: list[ReplyActor]
    systems: list[ReplySystem]
    dates: list[ReplyDate]
    expert_views: list[ReplyView]


class ReplyLeadQuote(_Reply):
    """One quote the digest lead uses."""

    speaker: str = Field(description="The speaker exactly as given with the quote in the stories.")
    text: str = Field(description="The quote copied character for character from the stories' quotes.")


class ReplyDigestLead(_Reply):
    """The model's lead for one digest."""

    lead: str = Field(description="2 to 4 sentences on the most important stories, without quotation marks.")
    quotes: list[ReplyLeadQuote] = Field(description="0 to 2 quotes from the stories that support the lead.")


RESPONSE_MODELS: dict[str, type[BaseModel]] = {"briefing": ReplyBriefing, "digest": ReplyDigestLead}


def strict_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The strict JSON schema structured outputs require (every field required, no extras)."""
    schema = to_strict_json_schema(model)
    _drop_titles(schema)
    return schema


def _drop_titles(node: object) -> None:
    """Remove pydantic's generated `title` keywords: they cost prompt tokens and say nothing."""
    if isinstance(node, dict):
        if isinstance(node.get("title"), str):
            del node["title"]
        for value in node.values():
            _drop_titles(value)
    elif isinstance(node, list):
        for value in node:
            _drop_titles(value)
