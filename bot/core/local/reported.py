"""One-sentence summaries of a view in reported form, built from the speaker's own words.

The preferred source is the article's own reported-speech clause ("X noted that ..."), which is
already in reported form. Failing that, the first sentence of the speaker's first quote is turned
into reported speech: first-person pronouns become third-person ones, and no quotation marks remain.
"""

from __future__ import annotations

import re

from bot.core.local.masked_sentences import split_sentences

_MAX_CHARS = 400
_LOWER_STARTS = frozenset(
    """the a an it this that these those there their its his her our we i they he she some most many every
    each both no nobody nothing now today in on at for if when but and so yes you your one two three
    what why how our""".split()
)
_SAID = {"told": "said", "tells": "says", "tell": "said", "telling": "said", "added": "said", "adds": "says",
         "adding": "said", "saying": "said", "noting": "noted", "warning": "warned", "arguing": "argued",
         "stressing": "stressed", "insisting": "insisted", "explaining": "explained", "according to": "said",
         "in the words of": "said", "put it": "said", "puts it": "says",
         "emphasising": "emphasised", "emphasizing": "emphasized", "say": "said"}  # fmt: skip
_SUBJECT = {"m": ("he", "him", "his", "his", "himself"), "f": ("she", "her", "her", "hers", "herself"),
            None: ("they", "them", "their", "theirs", "themselves"), "n": ("it", "it", "its", "its", "itself")}  # fmt: skip
_FIRST_PERSON_RE = re.compile(
    r"\b(?:I['\u2019](?:m|ve|d|ll)|[Ww]e['\u2019](?:re|ve|d|ll)|I|[Ww]e|[Mm]e|[Uu]s|[Mm]y|[Oo]ur|[Mm]ine|[Oo]urs|"
    r"[Mm]yself|[Oo]urselves)\b(?:\s+(\w+))?"
)
_AGREE_SINGULAR = {
    "am": "is",
    "have": "has",
    "do": "does",
    "don't": "doesn't",
    "don\u2019t": "doesn\u2019t",
    "are": "is",
    "were": "was",
}
_AGREE_PLURAL = {"am": "are", "was": "were"}
_PRESENT_VERBS = frozenset(
    """think believe hope expect know want see understand agree remember admit hear say feel mean need like
    worry fear doubt suspect guess suppose accept assume insist argue suggest disagree regret wish""".split()
)


def reported_verb(verb: str) -> str:
    """A speech verb fit to open a summary ("told" -> "said")."""
    return _SAID.get(verb, verb)


def lower_first(clause: str, proper: bool | None = None) -> str:
    """Lower-case the first word unless it is a name (`proper`, else guessed from a word list)."""
    first = re.match(r"[A-Za-z]+", clause)
    if not first or first.group() == "I" or first.group().isupper() and len(first.group()) > 1:
        return clause
    common = first.group().lower() in _LOWER_STARTS if proper is None else not proper
    return clause[0].lower() + clause[1:] if common else clause


def finish(sentence: str) -> str:
    """One tidy sentence: single spaces, capped length, a final full stop."""
    s = re.sub(r"\s+", " ", sentence).strip(" ,;:\u2014\u2013-")
    if len(s) > _MAX_CHARS:
        s = s[:_MAX_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"
    return s if s.rstrip("\"'\u201d\u2019)")[-1:] in ".!?\u2026" else s + "."


def first_sentence(quote: str, min_words: int = 4) -> str:
    """The first sentence of a quote with at least `min_words` words (else the first one)."""
    sentences = split_sentences(quote.strip()) or [quote.strip()]
    return next((s for s in sentences if len(s.split()) >= min_words), sentences[0])


def third_person(sentence: str, gender: str | None, organisation: bool = False) -> str:
    """Turn first-person speech into reported speech about the speaker (I -> he, we -> they)."""
    key = "n" if organisation else gender

    def swap(m: re.Match[str]) -> str:
        """One first-person word (and the verb after a subject) in third person."""
        word, nxt = m.group(0).split()[0], m.group(1)
        low = word.lower().replace("\u2019", "'")
        plural = low.startswith(("we", "us", "our")) and not organisation
        subj, obj, det, pron, refl = _SUBJECT[None if plural else key]
        mapped = {"i": subj, "we": subj, "me": obj, "us": obj, "my": det, "our": det, "mine": pron,
                  "ours": pron, "myself": refl, "ourselves": refl}.get(low)  # fmt: skip
        if mapped is None:  # a contraction: I'm, we've, ...
            base, tail = low.split("'", 1)
            mapped = (
                subj
                + "'"
                + (
                    {"m": "s", "ve": "s"}.get(tail, tail)
                    if subj in ("he", "she", "it")
                    else {"m": "re"}.get(tail, tail)
                )
            )
        if word[0].isupper() and m.start() == 0:
            mapped = mapped.capitalize()
        if nxt is None:
            return mapped
        return f"{mapped} {_agree(nxt, low in ('i', 'we'), subj)}"

    return _FIRST_PERSON_RE.sub(swap, sentence)


def _agree(verb: str, is_subject: bool, subj: str) -> str:
    if not is_subject:
        return verb
    low = verb.lower()
    if subj == "they":
        return _AGREE_PLURAL.get(low, verb)
    if low in _AGREE_SINGULAR:
        return _AGREE_SINGULAR[low]
    if low in _PRESENT_VERBS:
        return verb[:-1] + "ies" if low.endswith("y") else verb + "s"
    return verb
