"""Towns and cities by name (`data/places.json`, from GeoNames): where things happen, not who acts.

spaCy's small model often tags a town as an organisation ("between Espoo and Tallinn", "the Bergen
firm"). The list holds places of at least 50,000 people; `scripts/build_places.py` writes it.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field, field_validator

from bot.core.errors import ConfigError

DATA_FILE = "places.json"


class PlacesFile(BaseModel):
    """The file's schema: its source and licence, the population floor, and the sorted names."""

    model_config = ConfigDict(extra="forbid")

    source: str = Field(min_length=10)
    min_population: int = Field(ge=1)
    names: list[str] = Field(min_length=1)

    @field_validator("names")
    @classmethod
    def _sorted_and_unique(cls, names: list[str]) -> list[str]:
        if names != sorted(set(names)) or any(not n.strip() or n != n.strip() for n in names):
            raise ValueError("names must be sorted, unique and without surrounding spaces")
        return names


@lru_cache(maxsize=1)
def load_places() -> frozenset[str]:
    """Every place name in the bundled list, as written."""
    raw = resources.files("bot.core").joinpath("data", DATA_FILE).read_text(encoding="utf-8")
    try:
        return frozenset(PlacesFile.model_validate_json(raw).names)
    except ValueError as exc:
        raise ConfigError(f"The bundled place list {DATA_FILE} is invalid: {exc}") from exc


def is_town(name: str) -> bool:
    """True when `name` is exactly a town or city in the list ("Espoo", "El Fasher")."""
    return name in load_places()
