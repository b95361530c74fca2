"""Parses articles paragraph by paragraph and joins each article back into one Doc.

spaCy's parser and NER step every document of a batch together, one transition at a time, so one
900-token article costs ~900 sequential steps while its 30 paragraphs parsed side by side cost ~30
steps of 30 states each. The rules then see one Doc per article, with the same text, tokens,
entities and tags as before: a paragraph break is a sentence break for the model too, and its
tok2vec window (a few tokens) never usefully reached across one.

Only the date rules read dependencies (the tense and event of a date), so the dependency parser
runs only on the paragraphs that hold a date, about half of an article's words. Tokens of the
other paragraphs carry no dependency label (`token.dep_ == ""`); `dated_span` tells the two apart.

Splits are made only where a sentence visibly ends: after a blank line, or after a line break that
follows closing punctuation. A hard-wrapped paragraph ("...the minister\\nsaid on Tuesday") stays
one piece, so its sentence is not cut in two.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from bot.core.errors import EngineError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

PARSER = "parser"
_DATED = "briefbot.dated"  # user_data flag on a chunk whose dependencies the date rules will read
# How many paragraphs spaCy holds in one batch. Larger batches step more states together but keep
# every paragraph's activations alive at once; 64 measured as fast as 256 at lower peak RSS.
PARAGRAPH_BATCH = 64
# Each paragraph is parsed with the last words of the one before in front (then cut off again), so
# the model sees the same few tokens of left context it saw in the whole article: without them,
# paragraph-initial names lost their labels ("Air Marshal ...", "Lestari Ayuningtyas" as ORG).
LEAD_IN_CHARS = 24
# Everything the pipeline sets on a token (tagger, parser, NER, country ruler) and the tokenizer's
# own norms ("n't" -> "not").
_ATTRS = ("SPACY", "NORM", "TAG", "HEAD", "DEP", "SENT_START", "ENT_IOB", "ENT_TYPE")
_IOB_MISSING, _IOB_INSIDE = 0, 1  # spaCy's Token.iob_strings(): "", "I", "O", "B"
_NEWLINES = re.compile(r"\n\s*")
_CLOSERS = frozenset(".!?:;\"'\u201d\u2019)]")


def paragraphs(text: str) -> list[str]:
    """Cut `text` into pieces that join back to exactly `text`, each ending where a sentence ends."""
    pieces: list[str] = []
    start = 0
    for match in _NEWLINES.finditer(text):
        last = match.start() - 1  # the line's last visible character, found without copying it
        while last >= start and text[last] in " \t":
            last -= 1
        blank_line = match.group().count("\n") > 1
        if last >= start and (blank_line or text[last] in _CLOSERS):
            pieces.append(text[start : match.end()])
            start = match.end()
    if start < len(text) or not pieces:
        pieces.append(text[start:])
    return pieces


def with_lead_in(pieces: list[str]) -> list[tuple[str, int]]:
    """Each piece with the end of the piece before it in front, and where the piece itself starts."""
    out = [(pieces[0], 0)] if pieces else []
    for before, piece in zip(pieces, pieces[1:], strict=False):
        tail = before[-LEAD_IN_CHARS:]
        cut = tail.find(" ")
        lead = tail[cut + 1 :] if 0 <= cut < len(tail) - 1 and len(before) > LEAD_IN_CHARS else tail
        out.append((lead + piece, len(lead)))
    return out


def parse_many(nlp: Language, texts: Iterable[str], batch_size: int = PARAGRAPH_BATCH) -> Iterator[Doc]:
    """One Doc per text, in order, parsed as batches of paragraphs across texts."""
    split = [(text, with_lead_in(paragraphs(text))) for text in texts]
    chunks = (
        (chunk, dated)
        for text, pieces in split
        for (chunk, _at), dated in zip(pieces, _dated(text, pieces), strict=True)
    )
    stream = _pipe(nlp, chunks, batch_size)
    for text, pieces in split:
        doc = joined([(next(stream), at) for _chunk, at in pieces])
        if doc.text != text:  # every offset the rules report depends on this
            raise EngineError("The local engine could not rebuild the article from its paragraphs.")
        yield doc


def _dated(text: str, pieces: list[tuple[str, int]]) -> list[bool]:
    """Per piece, whether a date expression starts in it (the lead-in does not count)."""
    from bot.core.local.dateforms import scan

    starts = sorted(raw.core_start for raw in scan(text))
    out: list[bool] = []
    end = 0
    for chunk, at in pieces:
        begin, end = end, end + len(chunk) - at
        out.append(bisect_left(starts, begin) < bisect_left(starts, end))
    return out


def _pipe(nlp: Language, chunks: Iterable[tuple[str, bool]], batch_size: int) -> Iterator[Doc]:
    """`nlp.pipe` over (chunk, dated) pairs, except that the dependency parser only sees dated chunks."""
    docs: Iterator[Doc] = (_make_doc(nlp, chunk, dated) for chunk, dated in chunks)
    for name, component in nlp.pipeline:
        if name == PARSER:
            docs = _parse_dated(component, docs, batch_size)
        elif hasattr(component, "pipe"):
            docs = component.pipe(docs, batch_size=batch_size)
        else:
            docs = map(component, docs)
    return docs


def _parse_dated(parser: Any, docs: Iterator[Doc], batch_size: int) -> Iterator[Doc]:
    """Pass every doc on in order, each batch's dated docs parsed in place first.

    The parser reads the tok2vec output each doc carries (`doc.tensor`), so a doc parsed here gets
    the dependencies it would have got inside `nlp.pipe`."""
    from spacy.util import minibatch

    for batch in minibatch(docs, size=batch_size):
        dated = [doc for doc in batch if doc.user_data.pop(_DATED, False)]
        for _ in parser.pipe(dated, batch_size=batch_size):
            pass
        yield from batch


def _make_doc(nlp: Language, chunk: str, dated: bool) -> Doc:
    doc = nlp.make_doc(chunk)
    if dated:
        doc.user_data[_DATED] = True
    return doc


def dated_span(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens over [start, end) when the parser ran on them (their paragraph holds a date)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0 or not all(t.dep_ for t in span):
        return None
    return span


def covers(doc: Doc | None, text: str) -> bool:
    """True when `doc` was made from `text` (its last token ends where the text ends).

    Cheap on purpose: `Doc.text` rebuilds the whole string from its tokens on every access.
    """
    if doc is None or len(doc) == 0:
        return False
    last = doc[len(doc) - 1]
    return last.idx + len(last.text_with_ws) == len(text)


def joined(parts: list[tuple[Doc, int]]) -> Doc:
    """One Doc from parsed pieces, each without its first `at` characters of lead-in.

    The same Doc as cutting each piece with `Span.as_doc` and joining with `Doc.from_docs`, built in
    one pass over token arrays: those two copy every piece twice and average its token vectors
    (the model has none), which cost more than tokenizing the article.
    """
    from spacy.tokens import Doc

    if len(parts) == 1 and parts[0][1] == 0:
        return parts[0][0]
    import numpy

    words: list[str] = []
    arrays = []
    for doc, at in parts:
        start = _first_token_at(doc, at)
        array = doc.to_array(_ATTRS)[start:]
        if start:
            _cut_heads(doc, start, array)
            _cut_entity(array)
        # Token texts sliced from the piece's text: no Token objects for the whole article.
        text = doc.text
        words.extend(text[i : i + n] for i, n in doc.to_array(["IDX", "LENGTH"])[start:].tolist())
        arrays.append(array)
    array = numpy.concatenate(arrays)
    spaces = array[:, _ATTRS.index("SPACY")].astype(bool).tolist()
    out = Doc(parts[0][0].vocab, words=words, spaces=spaces)
    return out.from_array(_ATTRS, array)


def _first_token_at(doc: Doc, at: int) -> int:
    if at == 0:
        return 0
    start = next((t.i for t in doc if t.idx == at), None)
    if start is None:  # the lead-in ran into the piece's first token; never seen, but stay exact
        raise EngineError("The local engine could not rebuild the article from its paragraphs.")
    return start


def _cut_heads(doc: Doc, start: int, array: Any) -> None:
    """Heads that pointed into the lead-in move to the highest ancestor kept, else to a new root
    shared by the tokens of one old tree (what `Span._fix_dep_copy` does)."""
    import numpy
    from spacy.symbols import dep

    head_col, dep_col = _ATTRS.index("HEAD"), _ATTRS.index("DEP")
    relative = array[:, head_col].view(numpy.int64)
    outside = numpy.flatnonzero(numpy.arange(len(array)) + relative < 0).tolist()
    new_roots: dict[int, int] = {}
    for i in outside:
        token = doc[start + i]
        array[i, dep_col] = dep
        ancestors = [a.i for a in token.ancestors]
        kept = [a for a in ancestors if a >= start]
        if kept:  # the highest one, as spaCy picks it
            array[i, head_col] = _relative(kept[-1] - token.i)
            continue
        root = new_roots.setdefault(ancestors[-1], i)
        array[i, head_col] = _relative(root - i)


def _relative(offset: int) -> Any:
    import numpy

    return numpy.int32(offset).astype(numpy.uint64)


def _cut_entity(array: Any) -> None:
    """An entity that began in the lead-in loses its label in the piece, as `Span.as_doc` does."""
    iob_col, type_col = _ATTRS.index("ENT_IOB"), _ATTRS.index("ENT_TYPE")
    i = 0
    while i < len(array) and array[i, iob_col] == _IOB_INSIDE:
        array[i, iob_col] = _IOB_MISSING
        array[i, type_col] = 0
        i += 1
