"""The Briefing contract (see shared/design/briefing.md). JSON names are the field names here."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ActorKind = Literal["person", "organization", "country", "group", "other"]
Precision = Literal["day", "month", "week", "quarter", "half", "year", "decade", "range", "unknown"]
EngineName = Literal["local", "openai"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """Character offsets into the stored article text: text[start:end]."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Quote(_Model):
    """A quotation. When `verbatim` is true, `text == article[start:end]` exactly."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    verbatim: bool = True


class KeyPoint(_Model):
    """One finding, with the sentences that support it."""

    text: str
    evidence: list[Span] = Field(default_factory=list)


class Actor(_Model):
    """A person, organisation, country or group that takes part in the story."""

    name: str
    kind: ActorKind = "other"
    role: str | None = None
    affiliation: str | None = None
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)


class System(_Model):
    """A weapon, platform, sensor, software or named programme."""

    name: str
    category: str | None = None
    aliases: list[str] = Field(default_factory=list)
    origin: str | None = None
    in_register: bool = False
    mentions: list[Span] = Field(default_factory=list)


class DatedEvent(_Model):
    """A date reference as written, normalised at its own precision."""

    text: str
    value: str | None = None
    precision: Precision = "unknown"
    relative: bool = False
    event: str | None = None
    mentions: list[Span] = Field(default_factory=list)


class ExpertView(_Model):
    """Who said what: a summary in reported form plus verified quotes."""

    speaker: str
    role: str | None = None
    affiliation: str | None = None
    summary: str = ""
    quotes: list[Quote] = Field(default_factory=list)
    named: bool = True


class Source(_Model):
    """Where the article came from and what exactly was analysed."""

    url: str | None = None
    title: str | None = None
    site: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None
    fetched_at: datetime | None = None
    content_sha256: str
    extractor: str = "plain"
    chars: int = 0


class Provenance(_Model):
    """How the briefing was made and what it cost."""

    engine: EngineName
    model: str | None = None
    prompt: str | None = None
    tokens_in: int = 0
    tokens_out: int = 0
    tokens_cached: int = 0
    attempts: int = 0
    cost_usd: float | None = None
    elapsed_ms: int = 0
    quotes_demoted: int = 0
    items_dropped: int = 0
    truncated: bool = False
    fallback_reason: str | None = None


class Briefing(_Model):
    """A structured, checkable summary of one article."""

    title: str
    bluf: str
    key_points: list[KeyPoint] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    systems: list[System] = Field(default_factory=list)
    dates: list[DatedEvent] = Field(default_factory=list)
    expert_views: list[ExpertView] = Field(default_factory=list)
    source: Source
    provenance: Provenance
