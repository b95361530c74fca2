"""Quotation marks: paragraphs, paired quote spans and a masked copy of the text.

Pairing is positional: a mark can open when it follows a space or an opening bracket and precedes a
non-space, and can close when it follows a non-space and precedes a space or punctuation. Apostrophes
inside words (it's, O'Keeffe, Azerbaijan's) can do neither. A quote never crosses a paragraph break
except by the English convention for long quotes: a paragraph that ends inside a quote and a next
paragraph that opens with a fresh opening mark. Unbalanced marks are dropped rather than guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

DOUBLE = '"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033'
SINGLE = "'\u2018\u2019\u201a\u201b\u2039\u203a"
_OPEN_HINT = "\u201c\u201e\u201f\u00ab\u2018\u201a\u201b\u2039"
_CLOSE_HINT = "\u201d\u00bb\u2019\u203a\u2033"
_LEFT_FREE = "([{<\u2014\u2013-/:;\u2026" + DOUBLE + SINGLE
_RIGHT_FREE = ".,;:!?)]}>\u2014\u2013-/\u2026[" + DOUBLE + SINGLE
# Leading apostrophes of elisions ('90s, 'em, 'til, rock 'n' roll) look like opening marks.
_ELISION_RE = re.compile(
    r"(?:\d0s|\d\ds|\d\d\b|tis\b|twas\b|em\b|til\b|cause\b|n\b|bout\b|round\b)", re.I
)
_BLANK_LINE_RE = re.compile(r"\n[ \t\r\f\v]*\n")
_LIST_START_RE = re.compile(r"\s*(?:[-*\u2022\u2013\u2014]|\d+[.)]|\[|[A-Z][:.]\s)")
_DOUBLE_RE = re.compile("[" + re.escape(DOUBLE) + "]")
_SINGLE_RE = re.compile("[" + re.escape(SINGLE) + "]")
_NON_WORD_RE = re.compile(r"[^\w\n]|_")
_WORD_CHAR_RE = re.compile(r"\w")
MAX_QUOTE_CHARS = 2000
MAX_SINGLE_QUOTE_CHARS = 600
_SOFT_WRAP_MIN = 40
_TERMINAL = ".!?:;)]" + DOUBLE + SINGLE


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One quoted stretch inside one paragraph; `start:end` is the content without its marks."""

    start: int
    end: int
    mark_open: int
    mark_close: int | None  # None when the quote runs on into the next paragraph
    group: int  # parts of one multi-paragraph quote share a group
    double: bool


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blank lines always break; single newlines unless soft-wrapped."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for block_start, block_end in _blocks(text):
        pos = block_start
        start = block_start
        while True:
            nl = text.find("\n", pos, block_end)
            if nl < 0:
                break
            line = text[start:nl] if start == pos else text[pos:nl]
            if not _soft_wrap(line, text[nl + 1 : block_end]):
                spans.append((start, nl))
                start = nl + 1
            pos = nl + 1
        spans.append((start, block_end))
    return [(a, b) for a, b in (_trim(text, a, b) for a, b in spans) if b > a]


def _blocks(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _BLANK_LINE_RE.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def _soft_wrap(line: str, rest: str) -> bool:
    """True when a single newline is a hard wrap inside a sentence rather than a paragraph end."""
    stripped = line.rstrip()
    if len(stripped) < _SOFT_WRAP_MIN or stripped[-1:] in _TERMINAL:
        return False
    return bool(rest.strip()) and not _LIST_START_RE.match(rest)


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _roles(text: str, i: int, lo: int, hi: int) -> tuple[bool, bool]:
    """(can_open, can_close) for the mark at i within the paragraph [lo, hi)."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    can_open = (prev.isspace() or prev in _LEFT_FREE) and not nxt.isspace()
    can_close = (nxt.isspace() or nxt in _RIGHT_FREE) and not prev.isspace()
    if can_open and can_close:
        # Between two punctuation marks: the curly shape decides; a straight mark opens.
        return text[i] not in _CLOSE_HINT, text[i] in _CLOSE_HINT
    return can_open, can_close


def _content(text: str, a: int, b: int) -> tuple[int, int] | None:
    """The trimmed content span between two marks, or None when it holds no words."""
    a, b = _trim(text, a, b)
    while b > a and text[b - 1] in ",\u2014\u2013 ":
        b -= 1
    a, b = _trim(text, a, b)
    if b <= a or not any(ch.isalnum() for ch in text[a:b]):
        return None
    return a, b


class _Scanner:
    """Pairs marks paragraph by paragraph, carrying an open quote over a continuation break."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.quotes: list[QuoteSpan] = []
        self.groups = 0
        self._inside: list[tuple[int, int]] = []

    def run(self) -> list[QuoteSpan]:
        """Double quotes first, then single quotes outside them; drop any run-on quote never closed."""
        paras = paragraphs(self.text)
        for family, double in ((DOUBLE, True), (SINGLE, False)):
            if not double:
                self._inside = sorted((q.mark_open, q.mark_close or q.end) for q in self.quotes)
            pending: int | None = None  # group of a quote left open by the previous paragraph
            for lo, hi in paras:
                if pending is not None and not self._opens_paragraph(lo, hi, family):
                    self._drop(pending)  # the run-on quote never resumed: it was unbalanced
                    pending = None
                pending = self._pair(lo, hi, family, double, pending)
            if pending is not None:
                self._drop(pending)
        self.quotes.sort(key=lambda q: q.start)
        last = {q.group: q for q in self.quotes}
        return [q for q in self.quotes if last[q.group].mark_close is not None]

    def _new_group(self) -> int:
        self.groups += 1
        return self.groups

    def _drop(self, group: int) -> None:
        self.quotes = [q for q in self.quotes if q.group != group]

    def _emit(self, open_at: int, end: int, close: int | None, group: int, double: bool) -> None:
        span = _content(self.text, open_at + 1, end)
        limit = MAX_QUOTE_CHARS if double else MAX_SINGLE_QUOTE_CHARS
        if span and span[1] - span[0] <= limit:
            self.quotes.append(QuoteSpan(span[0], span[1], open_at, close, group, double))

    def _opens_paragraph(self, lo: int, hi: int, family: str) -> bool:
        return lo < hi and self.text[lo] in family and _roles(self.text, lo, lo, hi)[0]

    def _in_double(self, i: int) -> bool:
        k = bisect_right(self._inside, (i, len(self.text) + 1)) - 1
        return k >= 0 and self._inside[k][0] < i < self._inside[k][1]

    def _marks(self, lo: int, hi: int, family: str, double: bool) -> list[tuple[int, bool, bool]]:
        """(position, can_open, can_close) of each usable mark of `family` in [lo, hi)."""
        text, out = self.text, []
        for m in (_DOUBLE_RE if double else _SINGLE_RE).finditer(text, lo, hi):
            i = m.start()
            if not double and self._in_double(i):
                continue
            can_open, can_close = _roles(text, i, lo, hi)
            if not double:
                nxt_ok = i + 1 < hi and text[i + 1].isalnum() and not _ELISION_RE.match(text, i + 1)
                can_open, can_close = can_open and nxt_ok, can_close and text[i] not in _OPEN_HINT
            if can_open or can_close:
                out.append((i, can_open, can_close))
        return out

    def _pair(self, lo: int, hi: int, family: str, double: bool, pending: int | None) -> int | None:
        """Pair the marks of one paragraph; return the group of a quote still open at its end."""
        open_at: int | None = None
        group = -1
        weak: int | None = None
        for i, can_open, can_close in self._marks(lo, hi, family, double):
            if open_at is None:
                if can_open:
                    open_at = i
                    group = pending if (pending is not None and i == lo) else self._new_group()
                continue
            if can_close and not double and weak is None and _plural_possessive(self.text, i, hi):
                weak = i  # "the soldiers' families": a close only if nothing better follows
            elif can_close:
                self._emit(open_at, i, i, group, double)
                open_at, weak = None, None
            elif can_open and double:
                if group == pending:
                    self._drop(group)  # a fresh opening mark: the open quote was never closed
                open_at, group = i, self._new_group()
        if open_at is not None and weak is not None:
            self._emit(open_at, weak, weak, group, double)
            return None
        if open_at is not None:
            self._emit(open_at, hi, None, group, double)
            return group
        return None


def _plural_possessive(text: str, i: int, hi: int) -> bool:
    return text[i - 1] in "sS" and i + 2 < hi and text[i + 1] == " " and text[i + 2].islower()


def find_quotes(text: str) -> list[QuoteSpan]:
    """Every quotation in `text`, in order; multi-paragraph quotes come as parts sharing a group."""
    return _Scanner(text).run()


def mask_quotes(text: str, quotes: list[QuoteSpan]) -> str:
    """`text` with quoted words blanked out (same length), keeping each quote's final . ! or ?."""
    pieces, pos = [], 0
    for q in quotes:
        if q.start < pos:
            continue
        seg = _WORD_CHAR_RE.sub("x", _NON_WORD_RE.sub(" ", text[q.start : q.end]))
        if text[q.end - 1] in ".!?":
            seg = seg[:-1] + text[q.end - 1]
        pieces += [text[pos : q.start], seg]
        pos = q.end
    pieces.append(text[pos:])
    return "".join(pieces)
