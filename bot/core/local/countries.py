"""Countries, their other names, demonyms and capitals: `data/countries.json` merged with pycountry.

The data file holds what pycountry lacks (the short names news copy uses, demonyms, capitals); pycountry
adds the ISO names ("Russian Federation", "Republic of Türkiye"). Territories are left out on purpose:
the actors field lists states, and territories are places.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field

DATA_FILE = "countries.json"


class CountryRecord(BaseModel):
    """One line of `data/countries.json` (the file's schema)."""

    model_config = ConfigDict(extra="forbid")

    code: str = Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 (XK for Kosovo)")
    name: str = Field(min_length=2, description="the short English name used in news copy")
    aliases: list[str] = Field(default_factory=list, description="other names and abbreviations")
    demonyms: list[str] = Field(default_factory=list, description="adjective and people forms")
    capitals: list[str] = Field(default_factory=list, description="seat of government, all spellings")
    ruler: bool = Field(True, description="false when the name is also a common given name or state")
    lookup_only: list[str] = Field(
        default_factory=list, description="aliases too ambiguous to force as entities in the parse"
    )


@dataclass(frozen=True, slots=True)
class Country:
    """A state with every name we recognise for it."""

    code: str
    name: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lookup key: accents removed, curly apostrophes straightened, casefolded, "the " dropped."""
    s = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace("\u0131", "i"))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold().strip()
    return s[4:] if s.startswith("the ") else s


@lru_cache(maxsize=16384)
def _key(text: str) -> str:
    # Short all-capital forms ("US", "UK") must keep their case: "us" is a pronoun.
    bare = text.replace(".", "")
    return text if bare.isupper() and len(bare) <= 4 else fold(text)


class CountryIndex:
    """Look-ups from a surface form (name, demonym or capital) to its Country."""

    def __init__(self, records: list[CountryRecord]) -> None:
        self.countries = [_with_iso_names(r) for r in records]
        self._names: dict[str, Country] = {}
        self._demonyms: dict[str, Country] = {}
        self._capitals: dict[str, Country] = {}
        self._ruler: list[str] = []
        for record, country in zip(records, self.countries, strict=True):
            for name in country.names:
                self._names.setdefault(_key(name), country)
                if record.ruler and name not in record.lookup_only:
                    self._ruler.append(name)
            for demonym in country.demonyms:
                self._demonyms.setdefault(_key(demonym), country)
            for capital in country.capitals:
                self._capitals.setdefault(_key(capital), country)

    def by_name(self, text: str) -> Country | None:
        """The country called `text` ("Russia", "the U.S.", "Türkiye", "Turkey"), if any."""
        return self._names.get(_lookup_key(text))

    def by_demonym(self, text: str) -> Country | None:
        """The country of a demonym ("Pakistani", "Emirati"), if any."""
        return self._demonyms.get(_lookup_key(text))

    def by_capital(self, text: str) -> Country | None:
        """The country whose seat of government is `text` ("Ankara", "Moscow"), if any."""
        return self._capitals.get(_lookup_key(text))

    def ruler_names(self) -> list[str]:
        """Names safe to force as GPE entities before the statistical NER runs."""
        return list(self._ruler)


@lru_cache(maxsize=16384)
def _lookup_key(text: str) -> str:
    return _key(_bare(text))


def _bare(text: str) -> str:
    text = text.strip()
    for suffix in ("'s", "\u2019s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text


def _with_iso_names(record: CountryRecord) -> Country:
    names = [record.name, *record.aliases, *_iso_names(record.code)]
    unique = tuple(dict.fromkeys(n for n in names if n))
    return Country(
        code=record.code,
        name=record.name,
        names=unique,
        demonyms=tuple(record.demonyms),
        capitals=tuple(record.capitals),
    )


def _iso_names(code: str) -> list[str]:
    import pycountry

    entry = pycountry.countries.get(alpha_2=code)
    if entry is None:
        return []
    found = [getattr(entry, attr, "") for attr in ("name", "common_name", "official_name")]
    # "Korea, Republic of" style inverted names never appear in running text.
    return [n for n in found if n and "," not in n and "(" not in n]


def load_records() -> list[CountryRecord]:
    """Every record of the data file, validated against the schema."""
    raw = resources.files("bot.core").joinpath("data", DATA_FILE).read_text(encoding="utf-8")
    return [CountryRecord.model_validate(item) for item in json.loads(raw)]


@lru_cache(maxsize=1)
def country_index() -> CountryIndex:
    """The process-wide country index."""
    return CountryIndex(load_records())
