"""Clause grammar around speech verbs: where a clause starts, where a reported clause begins, and
the subject phrase that opens a sentence.

Used by `speech` (speech events) and by the experts pipeline (sentence subjects as antecedents for
later pronouns and title-only mentions). Word lists are general English, not article-specific.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from bot.core.local.masked_sentences import SentenceIndex
from bot.core.local.quotes import DOUBLE, SINGLE
from bot.core.local.speaker_tokens import TOKEN_RE, EntLabel, SpeakerNP, Token, tokens
from bot.core.local.speaker_words import (
    DETERMINERS,
    FUNCTION_WORDS,
    ORG_WORDS,
    SPEAKER_NOUNS,
    TITLE_WORDS,
)
from bot.core.local.speakers import apposed_name, parse_np, singular

SPEECH_VERBS = """said says say saying told tells tell telling added adds adding noted noting warned warns
warning argued argues arguing concluded concludes stressed stresses stressing emphasised emphasized
emphasises emphasizes emphasising emphasizing insisted insists insisting explained explains explaining
wrote writes cautioned cautions claimed stated observed acknowledged acknowledges admitted admits replied
replies responded recalled recalls predicted predicts suggested indicated indicates announced confirmed
confirms described describes called declared declares asserted asserts maintained maintains contended
countered remarked commented tweeted vowed acknowledge argue warn insist admit concede conceded concedes
stress explain affirmed affirms assured assures reiterated reiterates underlined underscored highlighted
clarified specified opined considered considers believes believed thinks estimated estimates""".split()
# Rebuttals report words only through a quotation ("dismissed the reports as "fabrications"").
REBUTTAL_VERBS = "dismissed dismisses rejected rejects denied denies branded brands".split()
SPEECH_VERBS += REBUTTAL_VERBS
# Verbs of opinion count as speech only with a "that" clause, around the clause ("A, he believes, B")
# or after a quotation: "The minister considered three bids" reports no words.
THAT_ONLY = frozenset("considered considers believes believed thinks estimated estimates".split())
SPEECH_PHRASES = [
    "according to",
    "in the words of",
    "put it",
    "puts it",
    "pointed out",
    "points out",
]
AUX = frozenset(
    """has have had would will also later previously separately privately publicly once then further again
    recently repeatedly consistently often always still since long already subsequently quickly reportedly
    apparently just now too 'd used went continued keep kept on to even""".split()
)
LEADING = frozenset(
    """in on at after before during under from since with without through speaking asked writing responding
    referring commenting addressing meanwhile however separately earlier later still also then now today
    yesterday last back instead elsewhere overall similarly likewise additionally furthermore moreover
    nonetheless nevertheless finally first second third afterwards previously recently notably once following
    despite amid unlike like for by among against across over when while as if although though because
    looking""".split()
)
TOLD_OBJECTS = frozenset(
    "me us him her them reporters journalists lawmakers investors guests delegates".split()
)
NO_CONTENT_START = frozenset(
    "to about by of for with as in on at something nothing so this it's".split()
)
_CONJ_RE = re.compile(
    r"(?:[,;]\s+(?:but|and|while|whereas|although|though|yet)\s+|;\s+|:\s+|\s+but\s+|\s+that\s+)"
)
# "WASHINGTON (Reuters) - ", "SEOUL, Oct 2 (Wire) - ", "KONGSBERG, Norway, June 24 /Newswire/ -- "
_DATELINE_RE = re.compile(
    r"[A-Z\u00c0-\u00de][A-Z\u00c0-\u00de .'\-]{2,40}(?:,[^\n\u2014\u2013]{1,40}?)?\s*(?:\([^)\n]{1,40}\)|/[^/\n]{1,40}/)?"
    r"\s*(?:--|[-\u2014\u2013])\s+"
)
_WORD_RE = re.compile(r"[A-Za-z]+")
# "said, that" is how Slavic and German punctuation carries over into English: the same clause.
_THAT_RE = re.compile(r"(?:,\s*(?:however|in turn|too|also),|,(?=\s*that\s))?\s*((?:[^\s,.;:]+\s+){0,14}?)that\s")
# "said this year that", "said on Monday that": a time phrase between the verb and its clause.
_TIME_WORDS = frozenset(
    """this last next earlier later past on in at during the year week month morning afternoon evening
    night weekend day days weeks months years ago monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december""".split()
)
_THAT_MAX_WORDS = 8
_TOLD_OBJECT_RE = re.compile(r"\s+(\w+)\s+(?=([\w\u2019'\-]+))")
_FIRST_WORD_RE = re.compile(r"\s+([\w\u2019'\-]+)")
# Where or when something was said, between the verb and a clause without "that".
_CHANNEL_RE = re.compile(
    r"\s+(?:in\s+an?\s+(?:[\w-]+\s+){0,2}(?:statement|release|interview|post|briefing|note|letter|message)"
    r"|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|late\s+on\s+\w+day)\s*,?\s"
)
_COMMA_RE = re.compile(r"[,;]")
_THAT_LEADS = LEADING | TOLD_OBJECTS
VerbAt = Callable[[int], "bool | None"]


def clause_start(
    masked: str, s: int, vs: int, closers: list[int], conjunctions: bool = True, fronted: bool = True
) -> int:
    """Where the clause holding offset `vs` begins: after a quote, a conjunction, a fronted phrase.

    With `conjunctions` and `fronted` false, only a quote or a dateline before it is skipped.
    """
    a = s
    k = bisect_left(closers, vs) - 1
    if k >= 0 and closers[k] >= s:
        a = closers[k] + 1
    for m in _CONJ_RE.finditer(masked, a, vs) if conjunctions else ():
        if _inside_appositive(masked, a, m, vs):
            continue
        a = m.end()
    dateline = _DATELINE_RE.match(masked, a, vs)
    if dateline:
        a = dateline.end()  # where the story starts, not a speaker
    for _ in range(2 if fronted else 0):
        while a < vs and masked[a] in " ,\u2014\u2013-":
            a += 1
        first = _WORD_RE.match(masked, a, vs)
        comma = masked.find(",", a, vs)
        if not first or first.group().lower() not in LEADING or comma < 0:
            break
        a = comma + 1
    while a < vs and masked[a] in " ,":
        a += 1
    return a


def _inside_appositive(masked: str, a: int, conj: re.Match[str], vs: int) -> bool:
    """ "The Command, the body that oversees the truce, said": a relative "that" set off by commas
    before the verb belongs to the subject's appositive, not to a new clause."""
    return (
        conj.group().strip() == "that"
        and masked[conj.end() : vs].rstrip().endswith(",")
        and "," in masked[a : conj.start()]
        and "," not in masked[conj.end() : vs].rstrip()[:-1]
    )


def last_comma(masked: str, a: int, b: int) -> int | None:
    """The last comma outside parentheses in masked[a:b]."""
    depth, last = 0, None
    for i in range(a, b):
        ch = masked[i]
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch == "," and depth == 0:
            last = i
    return last


def clause_after(rest: str, verb: str) -> int | None:
    """Offset in `rest` (the text after a speech verb) where the reported clause begins, if any."""
    that = _THAT_RE.match(rest)
    lead = that.group(1).split() if that else []
    if that and (
        not lead
        or len(lead) <= _THAT_MAX_WORDS
        and (lead[0].lower() in _THAT_LEADS or verb.startswith("tel") or verb == "told")
        or all(w.lower() in _TIME_WORDS or w[:1].isdigit() for w in lead)
        or verb == "told"
        and lead[0].lower() in TOLD_OBJECTS
        and lead[1:2] in ([], ["at"], ["in"], ["on"], ["during"], ["after"])
    ):
        return that.end()
    if rest.lstrip().startswith(":"):
        return rest.index(":") + 1
    if verb in ("told", "tells", "tell", "telling"):
        obj = _TOLD_OBJECT_RE.match(rest)
        if not obj or obj.group(1).lower() not in TOLD_OBJECTS or not starts_clause(obj.group(2)):
            return None  # "told reporters after the signing", "told reporters travelling with him"
        return obj.end()
    channel = _CHANNEL_RE.match(rest)  # "said in a statement it had opened ..."
    if channel is not None:
        after = _FIRST_WORD_RE.match(rest, channel.end() - 1)
        if after and starts_clause(after.group(1)) and after.group(1).lower() not in LEADING:
            return after.start(1)
        return None
    first = _FIRST_WORD_RE.match(rest)
    if not first or first.group(1).lower() in LEADING | NO_CONTENT_START:
        return None
    return first.start(1)


def only_adverbial(rest: str) -> bool:
    """ " on Wednesday, as strikes intensified.": nothing after the verb but when, where and asides."""
    head = rest.split(",", 1)[0].strip(" .")
    if not head:
        return True
    first = head.split()[0].lower()
    return (
        len(head) <= 70
        and ";" not in head
        and ":" not in head
        and (first in LEADING or first in TOLD_OBJECTS)
    )


_CLAUSE_STARTERS = frozenset(
    "the a an this these those his her its their our my he she it they we i there some any no all both each "
    "every most many several".split()
)


def starts_clause(word: str) -> bool:
    """Whether a word can open a reported clause ("told reporters the deal ..."), not a modifier."""
    return word.lower() in _CLAUSE_STARTERS or word[:1].isupper() or word[:1].isdigit()


def cut_trailing_pp(masked: str, a: int, b: int) -> int:
    """Cut "said Renata Queiroz in an interview" after the name: a lower-case preposition after a capital."""
    toks = tokens(masked, a, b)
    for i in range(1, len(toks)):
        if (
            toks[i].low
            in ("in", "on", "at", "during", "after", "before", "when", "while", "as", "from", "to")
            and toks[i].text.islower()
            and toks[i - 1].cap
        ):
            return toks[i].start
    return b


def split_commas(masked: str, a: int, b: int) -> list[tuple[int, int]]:
    """Comma-separated segments of masked[a:b], ignoring commas inside parentheses."""
    parts, depth, start = [], 0, a
    for i in range(a, b):
        ch = masked[i]
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch == "," and depth == 0:
            parts.append((start, i))
            start = i + 1
    parts.append((start, b))
    return [p for p in parts if masked[p[0] : p[1]].strip()] or [(a, b)]


def trim(text: str, a: int, b: int) -> tuple[int, int]:
    """[a, b) without surrounding whitespace (and a leading comma)."""
    while a < b and text[a] in " \t\n,":
        a += 1
    while b > a and text[b - 1] in " \t\n":
        b -= 1
    return a, b


def leading_np(
    text: str, masked: str, a: int, b: int, label: EntLabel, verb_at: VerbAt | None = None
) -> SpeakerNP | None:
    """The noun phrase that opens the clause at `a` (the subject of a main clause)."""
    end = min(b, a + 160)  # a subject is a short phrase: never tokenise a whole long sentence
    m = _COMMA_RE.search(masked, a, end)
    if m:
        end = m.start()
    cut = end
    for i, m in enumerate(TOKEN_RE.finditer(masked, a, end)):
        word = m.group()
        if i == 0 or not word.islower():
            continue
        tagged = verb_at(m.start()) if verb_at else None
        low = word.rstrip(".")
        if tagged or (tagged is None and _verbish(low)) or low in AUX:
            cut = m.start()
            break
    np = parse_np(text, a, cut, label)
    if (
        np is not None
        and np.kind in ("person", "surname", "org")
        and not _title_prefix(tokens(text, a, np.start))
    ):
        return None  # "A licence allows transactions with Acme": a name inside, not the subject
    if (
        np is not None
        and np.kind in ("definite", "unnamed")
        and cut == end
        and masked[end : end + 1] == ","
    ):
        m2 = _COMMA_RE.search(masked, end + 1, b)
        if m2:  # "the mayor, Ion Balan, keeps ...": the name in apposition is the subject
            named = apposed_name(text, end + 1, m2.start(), label)
            if named is not None:
                return named
    return np


def _title_prefix(toks: list[Token]) -> bool:
    """Whether the words before a name can all be a title or a determiner ("Energy analyst").

    Right before a capitalised title any plain modifiers may stand ("Former submariner Commander
    Jane Roe"), as long as none is a verb or a preposition that would make the name an object.
    """
    if all(
        t.cap or t.paren or t.low in _PREFIX_WORDS or singular(t.low) in _PREFIX_WORDS for t in toks
    ):
        return True
    return (
        bool(toks)
        and toks[-1].cap
        and toks[-1].low in TITLE_WORDS
        and not any(t.low in _VERB_SET or t.low in FUNCTION_WORDS | LEADING for t in toks)
    )


_VERB_SET = frozenset(SPEECH_VERBS)
_PREFIX_WORDS = (
    TITLE_WORDS
    | SPEAKER_NOUNS
    | DETERMINERS
    | ORG_WORDS
    | frozenset(
        "defence defense military security energy foreign national state senior former retired of the for and de".split()
    )
)


def _verbish(word: str) -> bool:
    """A guess, without a tagger, that a lower-case word is a verb ending the subject phrase."""
    return (
        word in AUX
        or word in _VERB_SET
        or word in ("is", "are", "was", "were", "did", "does", "do", "declined", "gave")
        or (len(word) > 4 and word.endswith(("ed", "es")) and word not in ("retired", "senior"))
    )


def find_subjects(
    text: str, masked: str, sents: SentenceIndex, label: EntLabel, verb_at: VerbAt | None = None
) -> list[SpeakerNP]:
    """The subject phrase opening each sentence, for resolving later pronouns and titles."""
    out = []
    for s, e in sents.spans:
        a = clause_start(masked, s, e, [], conjunctions=False)
        if text[a : a + 1] in DOUBLE + SINGLE:
            continue  # a sentence that opens with a quotation: its first words are the speaker's
        np = leading_np(text, masked, a, e, label, verb_at)
        if np is not None and np.kind in ("person", "surname", "org", "pronoun", "definite"):
            out.append(np)
    return out
