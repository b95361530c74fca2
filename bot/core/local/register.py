"""The systems register: a data file of well-known systems, its schema, and the checks that load it."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

import pycountry
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from bot.core.errors import ConfigError

REGISTER_PATH = Path(__file__).resolve().parent.parent / "data" / "systems.json"

Category = Literal[
    "fighter aircraft", "bomber", "attack aircraft", "trainer aircraft", "transport aircraft",
    "tanker aircraft", "maritime patrol aircraft", "airborne early warning aircraft",
    "reconnaissance aircraft", "electronic warfare aircraft", "helicopter", "tiltrotor", "UAV",
    "loitering munition", "uncrewed vessel", "MLRS", "artillery", "tank", "armoured vehicle",
    "infantry fighting vehicle", "SAM system", "surface-to-air missile", "missile defence system",
    "air-defence gun", "counter-drone system", "directed-energy weapon", "ballistic missile",
    "cruise missile", "hypersonic missile", "anti-ship missile", "air-to-air missile",
    "air-to-surface missile", "anti-tank missile", "anti-radiation missile", "anti-tank weapon",
    "guided rocket", "guided bomb", "bomb", "MANPADS", "torpedo", "nuclear weapon",
    "active protection system", "remote weapon station", "frigate", "destroyer", "corvette", "cruiser",
    "submarine", "aircraft carrier", "amphibious ship", "patrol vessel", "radar", "combat system",
    "command system", "satellite", "satellite constellation", "launch vehicle", "spacecraft",
    "electronic warfare system", "cyber tool", "chip", "AI model", "software", "rifle", "machine gun",
    "defence programme",
]  # fmt: skip

# Short names used in the register for countries whose ISO name is long or historic; each maps to the
# ISO 3166 code that proves it is a real country.
_SHORT_COUNTRY_NAMES = {
    "Russia": "RU", "South Korea": "KR", "North Korea": "KP", "Iran": "IR", "Taiwan": "TW",
    "Syria": "SY", "Vietnam": "VN", "Czech Republic": "CZ", "Soviet Union": "SU", "Venezuela": "VE",
    "Bolivia": "BO", "Moldova": "MD", "Tanzania": "TZ", "Laos": "LA", "Türkiye": "TR", "Turkey": "TR",
}  # fmt: skip


def is_country_name(name: str) -> bool:
    """True for an ISO 3166 country name (short, official or common) or a common short form of one."""
    code = _SHORT_COUNTRY_NAMES.get(name)
    if code is not None:
        return bool(
            pycountry.countries.get(alpha_2=code) or pycountry.historic_countries.get(alpha_2=code)
        )
    return _iso_names().__contains__(name)


@lru_cache(maxsize=1)
def _iso_names() -> frozenset[str]:
    names: set[str] = set()
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(value)
    return frozenset(names)


def variant_key(text: str) -> str:
    """Comparison form of a variant: separators (spaces, hyphens, dashes) unified, apostrophes straight."""
    text = text.replace("\u2019", "'")
    return re.sub(r"[\s\-\u2010\u2011\u2013]+", " ", text).strip()


class RegisterEntry(BaseModel):
    """One known system: canonical name, the other names it goes by, category and origin."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    variants: list[str] = Field(default_factory=list)
    category: Category
    origin: list[str] = Field(min_length=1)
    needs_context: list[str] = Field(default_factory=list)

    @field_validator("origin")
    @classmethod
    def _real_countries(cls, origin: list[str]) -> list[str]:
        unknown = [o for o in origin if not is_country_name(o)]
        if unknown:
            raise ValueError(f"origin {unknown} is not a country name")
        return origin

    @model_validator(mode="after")
    def _context_names_are_variants(self) -> RegisterEntry:
        names = {self.name, *self.variants}
        stray = [c for c in self.needs_context if c not in names]
        if stray:
            raise ValueError(f"needs_context {stray} are not names of {self.name!r}")
        if any(not v.strip() for v in self.variants):
            raise ValueError(f"{self.name!r} has an empty variant")
        return self

    @property
    def all_names(self) -> list[str]:
        """The canonical name first, then every variant."""
        return [self.name, *(v for v in self.variants if v != self.name)]


class SystemsRegister(BaseModel):
    """The whole register: a version and its entries, with names unique across entries."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int = Field(ge=1)
    entries: list[RegisterEntry]

    @model_validator(mode="after")
    def _names_unique(self) -> SystemsRegister:
        owner: dict[str, str] = {}
        for entry in self.entries:
            if entry.name in owner:
                raise ValueError(f"duplicate canonical name {entry.name!r}")
            owner.setdefault(entry.name, entry.name)
        seen: dict[str, str] = {}
        for entry in self.entries:
            for name in entry.all_names:
                key = variant_key(name)
                other = seen.setdefault(key, entry.name)
                if other != entry.name:
                    raise ValueError(f"variant {name!r} is shared by {other!r} and {entry.name!r}")
        return self


def load_register(path: Path | None = None) -> SystemsRegister:
    """The register at `path` (default: the bundled one), validated against its schema."""
    if path is None:
        return _bundled()
    return _load(path)


@lru_cache(maxsize=1)
def _bundled() -> SystemsRegister:
    return _load(REGISTER_PATH)


def _load(path: Path) -> SystemsRegister:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(
            f"The systems register {path} is missing; reinstall the package."
        ) from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"The systems register {path} is not readable JSON: {exc}.") from exc
    try:
        return SystemsRegister.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise ConfigError(
            f"The systems register {path} is invalid at {where}: {first['msg']}."
        ) from exc
