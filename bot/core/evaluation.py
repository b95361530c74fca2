"""Scores an engine against the labelled development set (gold.jsonl + articles/).

Matching rules (also in the README):
- Names are compared after normalisation: Unicode NFKD with accents removed, casefolded, curly
  quotes and apostrophes made straight, a leading "the " dropped, whitespace collapsed.
- Actors and systems: a prediction matches a gold item when any of its name and aliases equals any
  of the gold item's name and aliases. Each gold item is matched at most once; a second prediction
  for the same gold item is a false positive (mentions must be merged). A prediction that matches
  only an optional gold item is ignored: neither rewarded nor penalised.
- Dates: a prediction matches when the texts overlap (one contains the other, normalised) and the
  values are equal; a gold item with a null value matches on text alone.
- Expert views: the speaker matches the gold name (or an alias of the gold actor of that name, or
  the same surname), and at least one gold quote fragment appears in the view's quotes or summary
  (whitespace and quote marks normalised). A gold expert with no fragments matches on the speaker.
- Recall counts required gold items only. Scores are micro-averaged over all articles.
- quotes_verbatim: the share of all quotes on all briefings for which article[start:end] == text.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from bot.core.article import Article
from bot.core.errors import InputError
from bot.core.models import Briefing

FIELDS = ("actors", "systems", "dates", "expert_views")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u0131": "i"})


def normalise(name: str) -> str:
    """Comparison form of a name or phrase."""
    s = unicodedata.normalize("NFKD", name.translate(_QUOTES))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"\s+", " ", s).strip(" .,;:")
    return s[4:] if s.startswith("the ") else s


@dataclass(slots=True)
class Tally:
    """True positives, false positives and false negatives for one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        """Accumulate another tally into this one."""
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def scores(self) -> dict[str, float]:
        """precision, recall and F1 (1.0 when there is nothing to find and nothing found)."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


@dataclass(slots=True)
class GoldArticle:
    """One line of gold.jsonl with its article text."""

    id: str
    text: str
    published: date | None
    gold: dict[str, Any]


@dataclass(slots=True)
class ArticleScore:
    """Per-article tallies plus what was missed and what was spurious, for debugging rules."""

    id: str
    tallies: dict[str, Tally] = field(default_factory=dict)
    missed: dict[str, list[str]] = field(default_factory=dict)
    spurious: dict[str, list[str]] = field(default_factory=dict)


def load_gold(directory: Path) -> list[GoldArticle]:
    """Read DIR/gold.jsonl and the DIR/articles/ texts it names."""
    gold_path = directory / "gold.jsonl"
    if not gold_path.is_file():
        raise InputError(f"No gold.jsonl in {directory}: expected DIR/gold.jsonl and DIR/articles/.")
    items = []
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        g = json.loads(line)
        text = (directory / "articles" / g["text_file"]).read_text(encoding="utf-8")
        published = date.fromisoformat(g["published"]) if g.get("published") else None
        items.append(GoldArticle(id=g["id"], text=text, published=published, gold=g))
    return items


def as_article(item: GoldArticle) -> Article:
    """The article as a user would paste it: the file text, no metadata."""
    return Article(text=item.text, extractor="plain")


def _names(obj: dict[str, Any]) -> set[str]:
    return {normalise(n) for n in [obj["name"], *obj.get("aliases", [])] if n}


def _match(
    preds: list[Any],
    required: list[dict[str, Any]],
    optional: list[dict[str, Any]],
    same: Callable[[Any, dict[str, Any]], bool],
    label: Callable[[Any], str],
) -> tuple[Tally, list[str], list[str]]:
    """Greedy one-to-one matching of predictions to gold; optional-only matches are ignored."""
    matched_req: set[int] = set()
    matched_opt: set[int] = set()
    tally, spurious = Tally(), []
    for p in preds:
        hit = next((i for i, g in enumerate(required) if i not in matched_req and same(p, g)), None)
        if hit is not None:
            matched_req.add(hit)
            tally.tp += 1
            continue
        opt = next((i for i, g in enumerate(optional) if i not in matched_opt and same(p, g)), None)
        if opt is not None:
            matched_opt.add(opt)
            continue
        tally.fp += 1
        spurious.append(label(p))
    missed = [_gold_label(g) for i, g in enumerate(required) if i not in matched_req]
    tally.fn = len(missed)
    return tally, missed, spurious


def _gold_label(g: dict[str, Any]) -> str:
    return str(g.get("name") or f"{g.get('text')} = {g.get('value')}")


def _entity_same(p: Any, g: dict[str, Any]) -> bool:
    return bool(_names({"name": p.name, "aliases": p.aliases}) & _names(g))


def _date_same(p: Any, g: dict[str, Any]) -> bool:
    a, b = normalise(p.text), normalise(g["text"])
    if not (a in b or b in a):
        return False
    return g["value"] is None or p.value == g["value"]


def _flat(s: str) -> str:
    return re.sub(r"\s+", " ", s.translate(_QUOTES)).strip()


def _expert_matcher(actors: list[dict[str, Any]]) -> Callable[[Any, dict[str, Any]], bool]:
    aliases = {normalise(a["name"]): _names(a) for a in actors}

    def same(p: Any, g: dict[str, Any]) -> bool:
        gname = normalise(g["name"])
        names = aliases.get(gname, {gname})
        speaker = normalise(p.speaker)
        surname_ok = " " in gname and speaker.split()[-1:] == gname.split()[-1:]
        if speaker not in names and not surname_ok:
            return False
        frags = g.get("quote_fragments") or []
        if not frags:
            return True
        said = _flat(" ".join([p.summary, *(q.text for q in p.quotes)]))
        return any(_flat(f) in said for f in frags)

    return same


def score_article(item: GoldArticle, b: Briefing) -> ArticleScore:
    """Tally one briefing against its gold annotation."""
    g = item.gold
    every_actor = g["actors"]["required"] + g["actors"]["optional"]
    plan: dict[str, tuple[list[Any], str, Callable[[Any, dict[str, Any]], bool], Callable[[Any], str]]] = {
        "actors": (b.actors, "actors", _entity_same, lambda p: p.name),
        "systems": (b.systems, "systems", _entity_same, lambda p: p.name),
        "dates": (b.dates, "dates", _date_same, lambda p: f"{p.text} = {p.value}"),
        "expert_views": (b.expert_views, "experts", _expert_matcher(every_actor), lambda p: p.speaker),
    }
    out = ArticleScore(id=item.id)
    for name, (preds, key, same, label) in plan.items():
        tally, missed, spurious = _match(preds, g[key]["required"], g[key]["optional"], same, label)
        out.tallies[name], out.missed[name], out.spurious[name] = tally, missed, spurious
    return out


def quote_counts(text: str, b: Briefing) -> tuple[int, int]:
    """(verbatim quotes, all quotes) on one briefing."""
    quotes = [q for v in b.expert_views for q in v.quotes]
    return sum(1 for q in quotes if q.verbatim and text[q.start : q.end] == q.text), len(quotes)


def summarise_scores(items: Iterable[tuple[GoldArticle, Briefing]]) -> tuple[dict[str, Any], list[ArticleScore]]:
    """The eval report ({field: {precision, recall, f1}}, quotes_verbatim) and per-article detail."""
    totals = {f: Tally() for f in FIELDS}
    verbatim = quotes = 0
    per_article = []
    for item, b in items:
        s = score_article(item, b)
        per_article.append(s)
        for f in FIELDS:
            totals[f].add(s.tallies[f])
        v, n = quote_counts(item.text, b)
        verbatim, quotes = verbatim + v, quotes + n
    report: dict[str, Any] = {f: totals[f].scores() for f in FIELDS}
    report["quotes_verbatim"] = round(verbatim / quotes, 4) if quotes else 1.0
    return report, per_article
