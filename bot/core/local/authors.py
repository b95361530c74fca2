"""Views that are not attributed with a speech verb: opinion authors and interviewees.

An opinion or analysis piece (a label such as "Opinion" or "Analysis" near the top, or a "views
expressed are her own" note, plus a "By ..." byline) makes its author an expert: the thesis sentence
and the closing sentence are the author's own words. A Q&A interview ("Q: ..." / "A: ...") makes the
interviewee, named in the introduction, the speaker of every answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from bot.core.local.reported import lower_first, third_person
from bot.core.local.roles import title_before
from bot.core.local.speaker_tokens import EntLabel, SpeakerNP
from bot.core.local.speakers import apposed_name, parse_np

_LABEL_RE = re.compile(
    r"(?:(?:guest|expert|news)\s+)?(?:opinion|analysis|commentary|comment|op-ed|viewpoint|perspective|column|"
    r"editorial|essay)"
    r"\b(?:\s*[|:\-\u2013\u2014]|\s*$)",
    re.I,
)
_VIEWS_RE = re.compile(
    r"\bviews expressed (?:here |in this \w+ )?are (?:his|her|their|the author['\u2019]s|the writer['\u2019]s) own",
    re.I,
)
_BYLINE_RE = re.compile(r"(?:By|BY)\s+([^\n|]{3,160})")
_THESIS_RE = re.compile(
    r"\b(?:(?:[Tt]his|[Mm]y|[Tt]he) (?:analysis|article|column|essay|piece|paper|commentary|report) "
    r"(?:argues|contends|suggests|makes the case|concludes)|I (?:would )?(?:argue|contend|maintain)|"
    r"[Mm]y (?:argument|view|point|contention|case)(?: (?:in|here|in this) [\w ]{0,20}?)? is)\b"
)
_TRAILER_RE = re.compile(
    r"(?:notes|references|sources|footnotes|correction|editor['\u2019]s note)\b|\[\d+\]", re.I
)
_Q_RE = re.compile(r"(?:Q|Question)\s*[:.\u2014\u2013-]\s+")
_INTRO_RE = re.compile(
    r"(?:interview with|spoke (?:to|with)|talked (?:to|with)|sat down with|interviewed|conversation with)\s+"
)
_INTRO_STOP_RE = re.compile(r"[,.;:()\n]|\s(?:who|about|on|in|at|for|during|after)\s")
_SENTENCE_END_RE = re.compile(r"[.!?](?:[\"'\u201d\u2019)\]]*)(?=\s+[A-Z\"'\u201c\u2018]|\s*$)")
_HEAD_PARAS = 6
# A capitalised run of up to six words: a title and a name ("Brigadier General Jane Roe").
_TITLED_NAME_RE = re.compile(r"(?:[A-Z][\w'\u2019.\-]*[ \u00a0]){1,5}[A-Z][\w'\u2019\-]*")
# A headline that makes a claim rather than naming a topic ("X is a slogan, not a strategy").
_CLAIM_VERB_RE = re.compile(
    r"\b(?:is|are|was|were|will|won't|must|should|can|cannot|can't|could|needs?|has|have|isn't|aren't|means?|"
    r"makes?|does|doesn't|do|don't)\b",
    re.I,
)


@dataclass(slots=True)
class AuthorView:
    """A speaker whose words are the article's own text rather than attributed quotes."""

    speaker: SpeakerNP
    role: str | None = None
    affiliation: str | None = None
    thesis: str | None = None  # a summary already in reported form
    spans: list[tuple[int, int]] = field(default_factory=list)  # verbatim words of the speaker


def _sentences(text: str, a: int, b: int) -> list[tuple[int, int]]:
    out, start = [], a
    for m in _SENTENCE_END_RE.finditer(text, a, b):
        out.append((start, m.end()))
        start = m.end()
        while start < b and text[start].isspace():
            start += 1
    if start < b and text[start:b].strip():
        out.append((start, b))
    return out


def _byline(
    text: str, paras: list[tuple[int, int]], label: EntLabel
) -> tuple[int, SpeakerNP, str | None] | None:
    for k, (a, b) in enumerate(paras[:_HEAD_PARAS]):
        m = _BYLINE_RE.match(text, a, b)
        if not m:
            continue
        name_end = m.start(1) + len(re.split(r",|\s+and\s+|\s+\|", m.group(1))[0].rstrip())
        if re.fullmatch(
            r"[A-Z][A-Z'\u2019\-. ]+ [A-Z][A-Z'\u2019\-.]+", text[m.start(1) : name_end]
        ):
            np = SpeakerNP(
                m.start(1), name_end, "person", text[m.start(1) : name_end]
            )  # "By JANE ROE"
        else:
            np = parse_np(text, m.start(1), name_end, label)
        rest = text[name_end:b].strip(" ,|")
        if np is not None and np.kind == "person":
            return k, np, rest or None
    return _bare_byline(text, paras, label)


def _bare_byline(
    text: str, paras: list[tuple[int, int]], label: EntLabel
) -> tuple[int, SpeakerNP, str | None] | None:
    """A labelled piece whose byline is the author's name alone on its line, without "By"."""
    for k, (a, b) in enumerate(paras[1:_HEAD_PARAS], 1):
        if b - a > 60 or text[b - 1] in ".:?!":
            continue
        np = apposed_name(text, a, b, label)
        if np is not None and np.start == a and np.end == b and not np.role:
            return k, np, None
    return None


def opinion_author(
    text: str,
    paras: list[tuple[int, int]],
    label: EntLabel,
    proper: Callable[[int], bool | None] | None = None,
) -> AuthorView | None:
    """The author of an opinion or analysis piece, with their thesis, or None for news."""
    labelled = any(b - a < 60 and _LABEL_RE.match(text, a, b) for a, b in paras[:_HEAD_PARAS])
    if not (labelled or _VIEWS_RE.search(text)):
        return None
    found = _byline(text, paras, label)
    if found is None:
        return None
    k, np, rest = found
    body = [
        (a, b)
        for a, b in paras[k + 1 :]
        if b - a >= 40
        and text[b - 1] in ".!?\"'\u201d\u2019"
        and not _is_trailer(text, a, b, np.name)
    ]
    if not body:
        return None
    role, affiliation = _split_byline(rest)
    view = AuthorView(np, role or _bio(text, paras, np.name), affiliation)
    thesis = _thesis_sentence(text, body)
    if thesis:
        view.spans.append(thesis)
        argued = _THESIS_RE.sub(
            lambda _m: f"{np.name} argues", text[thesis[0] : thesis[1]], count=1
        )
        # "My argument is simple: the model ..." -> "X argues that the model ..."
        argued = re.sub(r"argues,?\s+(?:\w+\s*)?:\s*", "argues that ", argued, count=1)
        view.thesis = argued[argued.index(np.name) :]
    last = _closing(text, body[-1])
    view.spans += [span for span in last if span not in view.spans]
    if view.thesis is None:
        title = _title(text, paras[: k + 1])
        if title and _CLAIM_VERB_RE.search(title):
            at = text.find(title)
            first_is_name = proper(at) if proper and at >= 0 else None
            # an opinion headline states the thesis
            view.thesis = f"{np.name} argues that {lower_first(title, first_is_name)}"
        elif last:
            s, e = last[0]
            first_is_name = proper(s) if proper else None
            view.thesis = (
                f"{np.name} writes that {lower_first(third_person(text[s:e], None), first_is_name)}"
            )
    return view


_SHORT_CLOSER_WORDS = 6


def _closing(text: str, para: tuple[int, int]) -> list[tuple[int, int]]:
    """The closing sentence, taken with the one before when it only completes it ("... is not a
    strategy. It is a hope.")."""
    sentences = _sentences(text, *para)
    if len(sentences) >= 2 and len(text[slice(*sentences[-1])].split()) <= _SHORT_CLOSER_WORDS:
        return [(sentences[-2][0], sentences[-1][1])]
    return sentences[-1:]


def _thesis_sentence(text: str, body: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first "This analysis argues ..." / "I argue ..." sentence of the body."""
    for a, b in body:
        for s, e in _sentences(text, a, b):
            if _THESIS_RE.search(text, s, e):
                return s, e
    return None


def _split_byline(rest: str | None) -> tuple[str | None, str | None]:
    """(role, affiliation) from the byline after the name: ", Senior Fellow, Harcourt Institute"."""
    if not rest:
        return None, None
    parts = [p.strip() for p in rest.split(",") if p.strip()]
    if not parts or re.search(r"\d", parts[0]):
        return None, None
    return parts[0], (parts[-1] if len(parts) > 1 else None)


def _bio(text: str, paras: list[tuple[int, int]], name: str) -> str | None:
    for a, b in paras:
        m = re.match(re.escape(name) + r" is (?:an? |the )(.+?)(?: who\b|[.,;]|$)", text[a:b])
        if m:
            return m.group(1).strip()
    return None


def _is_trailer(text: str, a: int, b: int, name: str) -> bool:
    chunk = text[a:b]
    return bool(_TRAILER_RE.match(chunk)) or chunk.startswith(name) or bool(_VIEWS_RE.search(chunk))


def _title(text: str, head: list[tuple[int, int]]) -> str | None:
    for a, b in head:
        chunk = text[a:b].strip()
        if (
            20 <= len(chunk) <= 200
            and not chunk.isupper()  # a publisher's name in capitals, not the headline
            and not _LABEL_RE.match(chunk)
            and not _BYLINE_RE.match(chunk)
            and chunk[-1] not in ".:"
        ):
            return chunk
    return None


def interviewee(text: str, paras: list[tuple[int, int]], label: EntLabel) -> AuthorView | None:
    """The person answering a Q&A interview, with every answer paragraph as their words."""
    np = _interviewee_named(text, paras, label)
    if np is None:
        return None
    surname = np.name.split()[-1]
    answer_re = re.compile(
        r"(?:A|Answer|"
        + re.escape(np.name)
        + "|"
        + re.escape(surname)
        + r")\s*[:.\u2014\u2013-]\s+"
    )
    questions = [k for k, (a, b) in enumerate(paras) if _is_question(text, a, b, answer_re)]
    if len(questions) < 2:
        return None
    view = AuthorView(np, role=np.role)
    answering = False
    for k, (a, b) in enumerate(paras):
        if k in questions:
            answering = True
            continue
        m = answer_re.match(text, a, b)
        if answering or m:
            view.spans.append((m.end() if m else a, b))
    return view if view.spans else None


def _interviewee_named(
    text: str, paras: list[tuple[int, int]], label: EntLabel
) -> SpeakerNP | None:
    """The person an introduction says was interviewed ("We spoke to General Jane Roe, ...")."""
    for a, b in paras[:_HEAD_PARAS]:
        for m in _INTRO_RE.finditer(text, a, b):
            stop = _INTRO_STOP_RE.search(text, m.end(), b)
            np = parse_np(text, m.end(), stop.start() if stop else b, label)
            if np is not None and np.kind == "person":
                return np
    return _introduced_before_questions(text, paras, label)


def _introduced_before_questions(
    text: str, paras: list[tuple[int, int]], label: EntLabel
) -> SpeakerNP | None:
    """In a Q&A ("Q: ..." turns), the first titled person the introduction names ("Brigadier General
    Jane Roe, deputy chief of ..., ... We met her at ...")."""
    labelled = [k for k, (a, b) in enumerate(paras) if _Q_RE.match(text, a, b)]
    # Unlabelled turns: short paragraphs that end in a question, at least three of them.
    plain = [k for k, (a, b) in enumerate(paras) if _plain_question(text, a, b)]
    turns = labelled if len(labelled) >= 2 else plain if len(plain) >= 3 else []
    if not turns:
        return None
    first_q = turns[0]
    for a, b in paras[: min(first_q, _HEAD_PARAS)]:
        for m in _TITLED_NAME_RE.finditer(text, a, b):
            np = parse_np(text, m.start(), m.end(), label)
            if np is None or np.kind != "person" or label(np.start, np.end) != "PERSON":
                continue
            if np.role:
                return np
            title = title_before(text, np.start)  # "Admiral (ret.) Lin Cheng-wei"
            if title is not None:
                return replace(np, role=title.text)
    return None


def _is_question(text: str, a: int, b: int, answer_re: re.Pattern[str]) -> bool:
    """A "Q: ..." paragraph, or a short paragraph that is one question and not an answer."""
    if _Q_RE.match(text, a, b):
        return True
    if answer_re.match(text, a, b) or text[a] in "\"'\u201c\u2018":
        return False
    return _plain_question(text, a, b)


def _plain_question(text: str, a: int, b: int) -> bool:
    """A short paragraph ending in a question, with at most two sentences of lead-in before it
    ("The boat was due last November. It is at sea again. Will the navy have it this year?")."""
    body = text[a:b].rstrip()
    if not body.endswith("?") or len(body) > 300 or body[:1] in "\"'\u201c\u2018":
        return False
    return len(_SENTENCE_END_RE.findall(text, a, a + len(body) - 1)) <= 2
