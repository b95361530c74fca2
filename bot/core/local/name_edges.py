"""Where a name really starts and ends, read from the tokens around the entity the model tagged.

The small model often stops a name one word short: it drops a leading given name ("Putri" in
"By Putri Anggraini Siregar"), a second surname ("Ruiz", "Ospina"), the half of a hyphenated surname
after the hyphen ("Lindgren" + "-Obi"), or a company's legal-form prefix ("PT", "PJSC"). It also tags
a person's full name as a nationality now and then. These rules read only token tags and shapes.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from bot.core.local.countries import CountryIndex

# Legal-form words written before a company's name ("PT PAL Indonesia", "PJSC Aeroflot").
COMPANY_PREFIXES = frozenset(
    {"PT", "PJSC", "JSC", "OJSC", "CJSC", "OAO", "ZAO", "PAO", "OOO", "AO", "TOV"}
)
_MAX_ADDED = 2


def entity_edges(
    ent: Span, index: CountryIndex, is_title: Callable[[str], bool]
) -> tuple[int, int, str]:
    """(start_char, end_char, label) of the name behind `ent`, widened where the model fell short.

    `is_title` is a predicate telling title and rank words ("General", "Shri"), never part of a name.
    """
    label = ent.label_
    start, end = ent.start, ent.end
    if label == "NORP" and _reads_as_person(ent, index):
        label = "PERSON"
    if label == "PERSON":
        start = _widen_left(ent, is_title, index)
        end = _widen_right(ent, is_title, index)
    if start > 0 and label in {"ORG", "GPE", "PERSON", "NORP"}:
        prev = ent.doc[start - 1]
        if prev.text in COMPANY_PREFIXES and prev.whitespace_ == " " and not prev.ent_type_:
            start, end, label = start - 1, ent.end, "ORG"  # "PT" + "Samudra Karya": a company
    doc = ent.doc
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), label


def _reads_as_person(ent: Span, index: CountryIndex) -> bool:
    """A "nationality" of two or more capitalised words, none a demonym: a person's name."""
    words = [t.text for t in ent if not t.is_space]
    if len(words) < 2 or not all(w[:1].isupper() and not w.isupper() for w in words):
        return False
    return not any(index.by_demonym(w) or index.by_name(w) for w in words)


def _name_word(tok: Token, is_title: Callable[[str], bool], index: CountryIndex) -> bool:
    """An untagged proper noun in title case that is not a title, country or function word."""
    text = tok.text
    if tok.ent_type_ or tok.tag_ != "NNP" or tok.is_stop or len(text) < 2:
        return False
    if not (
        text[0].isupper() and any(c.islower() for c in text[1:]) and text.replace("-", "").isalpha()
    ):
        return False
    if is_title(text):
        return False
    return index.by_name(text) is None and index.by_demonym(text) is None


def _widen_left(ent: Span, is_title: Callable[[str], bool], index: CountryIndex) -> int:
    doc = ent.doc
    start = ent.start
    for _ in range(_MAX_ADDED):
        if start == 0:
            break
        prev = doc[start - 1]
        if prev.whitespace_ != " " or not _name_word(prev, is_title, index):
            break
        start -= 1
    return start


def _widen_right(ent: Span, is_title: Callable[[str], bool], index: CountryIndex) -> int:
    doc = ent.doc
    end = ent.end
    added = 0
    while end < len(doc) and added < _MAX_ADDED:
        last = doc[end - 1]
        nxt = doc[end]
        if nxt.text == "-" and not last.whitespace_ and not nxt.whitespace_ and end + 1 < len(doc):
            tail = doc[end + 1]
            if tail.text[:1].isupper() and tail.text.isalpha() and not tail.ent_type_:
                end += 2  # "Lindgren" + "-Obi": the second half of a hyphenated surname
                added += 1
                continue
            break
        if last.whitespace_ != " " or not _name_word(nxt, is_title, index):
            break
        end += 1
        added += 1
    return end
