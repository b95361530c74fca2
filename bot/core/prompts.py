"""Prompt templates: one file each in `prompts/`, TOML front matter between `+++` lines, then sections.

A file looks like::

    +++
    name = "briefing"
    version = 1
    description = "..."
    temperature = 0.2
    response_model = "briefing"
    variables = ["article", "schema"]
    +++
    --- system ---
    Stable instructions...
    --- user ---
    <article>
    {{ article }}
    </article>

Sections are `system` and `user` (required) and `schema` (optional: sent only in JSON mode). The
loader rejects unknown front-matter keys, unknown sections, and placeholders that differ from the
declared `variables`; rendering rejects missing and unknown values. Substitution is a single pass, so
braces inside a value (an article, say) are never expanded.
"""

from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.core.errors import ConfigError


def _prompts_dir() -> Path:
    """The checkout's prompts/ (editable installs), else the copy a wheel installs under sys.prefix."""
    checkout = Path(__file__).resolve().parents[2] / "prompts"
    return checkout if checkout.is_dir() else Path(sys.prefix) / "share" / "briefbot" / "prompts"


PROMPTS_DIR = _prompts_dir()
SECTIONS = ("system", "schema", "user")
_REQUIRED_SECTIONS = ("system", "user")
_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
_SECTION_LINE = re.compile(r"^--- ([a-z]+) ---[ \t]*$", re.MULTILINE)
_FRONT = re.compile(r"\A\+\+\+[ \t]*\n(.*?)\n\+\+\+[ \t]*\n(.*)\Z", re.DOTALL)


class PromptMeta(BaseModel):
    """A template's front matter."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=r"^[a-z][a-z0-9_-]*$")
    version: int = Field(ge=1)
    description: str
    temperature: float = Field(ge=0, le=2)
    response_model: str | None = None
    variables: list[str]


@dataclass(frozen=True, slots=True)
class PromptTemplate:
    """A validated prompt template."""

    meta: PromptMeta
    sections: dict[str, str]
    path: Path

    @property
    def id(self) -> str:
        """`name@version`: recorded on every briefing and part of the cache key."""
        return f"{self.meta.name}@{self.meta.version}"

    def render(self, section: str, **values: str) -> str:
        """One section with its placeholders filled; every value must be declared, none missing."""
        if section not in self.sections:
            raise ConfigError(f"Prompt {self.id} has no '{section}' section.")
        unknown = sorted(set(values) - set(self.meta.variables))
        if unknown:
            raise ConfigError(f"Prompt {self.id} has no variable(s) {', '.join(unknown)}.")
        body = self.sections[section]
        missing = sorted(set(_PLACEHOLDER.findall(body)) - set(values))
        if missing:
            raise ConfigError(f"Prompt {self.id} needs a value for {', '.join(missing)}.")
        return _PLACEHOLDER.sub(lambda m: values[m.group(1)], body)


def parse_prompt(source: str, path: Path) -> PromptTemplate:
    """Parse and validate one template file's text; raises ConfigError naming the file."""
    match = _FRONT.match(source.replace("\r\n", "\n"))
    if match is None:
        raise ConfigError(f"{path.name}: a prompt must start with TOML front matter between +++ lines.")
    try:
        meta = PromptMeta.model_validate(tomllib.loads(match.group(1)))
    except (tomllib.TOMLDecodeError, ValidationError) as exc:
        raise ConfigError(f"{path.name}: invalid front matter: {_first_line(exc)}") from exc
    sections = _split_sections(match.group(2), path)
    used = {name for body in sections.values() for name in _PLACEHOLDER.findall(body)}
    declared = set(meta.variables)
    if used != declared:
        detail = []
        if used - declared:
            detail.append(f"undeclared {', '.join(sorted(used - declared))}")
        if declared - used:
            detail.append(f"unused {', '.join(sorted(declared - used))}")
        raise ConfigError(f"{path.name}: variables do not match the body ({'; '.join(detail)}).")
    if path.stem != meta.name:
        raise ConfigError(f"{path.name}: the file name must be the prompt name '{meta.name}'.")
    return PromptTemplate(meta=meta, sections=sections, path=path)


def _split_sections(body: str, path: Path) -> dict[str, str]:
    parts = _SECTION_LINE.split(body)
    if parts[0].strip():
        raise ConfigError(f"{path.name}: text before the first '--- section ---' line.")
    sections: dict[str, str] = {}
    for name, text in zip(parts[1::2], parts[2::2], strict=True):
        if name not in SECTIONS or name in sections:
            raise ConfigError(f"{path.name}: unknown or repeated section '{name}'.")
        sections[name] = text.strip("\n")
    for name in _REQUIRED_SECTIONS:
        if not sections.get(name, "").strip():
            raise ConfigError(f"{path.name}: the '{name}' section is missing or empty.")
    return sections


def _first_line(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        err = exc.errors()[0]
        return f"{'.'.join(str(part) for part in err['loc']) or 'front matter'}: {err['msg']}"
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def load_prompt_file(path: Path) -> PromptTemplate:
    """Load one template file."""
    try:
        source = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"Cannot read prompt file {path}: {exc.strerror or exc}.") from exc
    return parse_prompt(source, path)


@cache
def load_prompt(name: str, directory: Path = PROMPTS_DIR) -> PromptTemplate:
    """The template `<directory>/<name>.md`, loaded once per process."""
    return load_prompt_file(directory / f"{name}.md")


def all_prompt_files(directory: Path = PROMPTS_DIR) -> list[Path]:
    """Every template file in the prompts directory."""
    return sorted(directory.glob("*.md"))
