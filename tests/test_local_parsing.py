"""Paragraph-batched parsing gives one Doc per article, exact to the character."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from bot.core.local.dateforms import scan
from bot.core.local.nlp import load_nlp
from bot.core.local.parsing import dated_span, joined, paragraphs, parse_many, with_lead_in

ARTICLES = sorted((Path(__file__).parents[1] / "eval" / "dev2" / "articles").glob("*.txt"))


@given(st.text(alphabet=st.sampled_from("ab .!?\"\u201d\n\t "), max_size=200))
def test_pieces_join_back_to_the_text(text: str) -> None:
    assert "".join(paragraphs(text)) == text


def test_splits_only_where_a_sentence_ends() -> None:
    text = "Title\nThe minister\nsaid on Tuesday.\nNext one.\n\nA heading\n\nLast"
    assert paragraphs(text) == [
        "Title\nThe minister\nsaid on Tuesday.\n",
        "Next one.\n\n",
        "A heading\n\n",
        "Last",
    ]


def test_lead_in_is_the_end_of_the_piece_before() -> None:
    pieces = ["First sentence of the article is long enough.\n\n", "Second.\n"]
    (first, at0), (second, at1) = with_lead_in(pieces)
    assert (first, at0) == (pieces[0], 0)
    assert second[at1:] == "Second.\n"
    assert pieces[0].endswith(second[:at1])
    assert not second[:at1].startswith(" ")


@pytest.mark.parametrize("path", ARTICLES[:4], ids=lambda p: p.stem)
def test_joined_doc_matches_the_article(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    doc = next(parse_many(load_nlp(), [text]))
    whole = load_nlp()(text)
    assert doc.text == text
    assert [t.text for t in doc] == [t.text for t in whole]
    assert doc.has_annotation("DEP") and doc.has_annotation("TAG")
    # Paragraphs parsed apart still find (nearly) the same people.
    people = {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"}
    whole_people = {(e.start_char, e.end_char) for e in whole.ents if e.label_ == "PERSON"}
    assert len(people ^ whole_people) <= max(1, len(whole_people) // 10)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("Ab .\n\u201c\u201d"), max_size=60), max_size=4))
def test_many_texts_come_back_in_order(texts: list[str]) -> None:
    docs = list(parse_many(load_nlp(), texts, batch_size=3))
    assert [d.text for d in docs] == texts


_ATTRS = ["ORTH", "SPACY", "NORM", "TAG", "HEAD", "DEP", "SENT_START", "ENT_IOB", "ENT_TYPE"]


def _reference(parts: list[tuple[Doc, int]]) -> Doc:
    """What spaCy's own API builds: each piece cut with Span.as_doc, then Doc.from_docs."""
    cut = []
    for doc, at in parts:
        start = next(t.i for t in doc if t.idx == at)
        cut.append(doc[start:].as_doc())
    return Doc.from_docs(cut, ensure_whitespace=False)


def _same(a: Doc, b: Doc) -> None:
    assert a.text == b.text
    assert (a.to_array(_ATTRS) == b.to_array(_ATTRS)).all()
    assert [(e.start, e.end, e.label_) for e in a.ents] == [(e.start, e.end, e.label_) for e in b.ents]
    assert [s.start for s in a.sents] == [s.start for s in b.sents]


def test_cut_heads_and_entities_match_spacy_as_doc() -> None:
    nlp = load_nlp()
    doc = nlp("The Defence Minister of the United Nations Security Council said that it would rain in Paris.")
    crossing = [t for t in doc if t.text in ("that", "Nations", "said", "rain")]
    for token in crossing:  # heads into the lead-in, and an entity that began in it
        parts = [(nlp("Intro.\n"), 0), (doc, token.idx)]
        _same(joined(parts), _reference(parts))


@pytest.mark.parametrize("path", ARTICLES[:3], ids=lambda p: p.stem)
def test_joined_matches_spacy_on_articles(path: Path) -> None:
    nlp = load_nlp()
    pieces = with_lead_in(paragraphs(path.read_text(encoding="utf-8")))
    parts = [(doc, at) for doc, (_text, at) in zip(nlp.pipe(t for t, _ in pieces), pieces, strict=True)]
    _same(joined(parts), _reference(parts))


def test_only_paragraphs_with_a_date_get_dependencies() -> None:
    text = (
        "Navy tests new drone\n\nThe minister said the boat was fast. She left early.\n\n"
        "On 3 March 2025 the ship sailed to Oslo, officials said.\n\nAnalysts agreed with her."
    )
    doc = next(parse_many(load_nlp(), [text]))
    dated = range(text.index("On 3 March"), text.index("Analysts"))
    assert [t.text for t in doc if t.dep_] == [t.text for t in doc if t.idx in dated]
    assert dated_span(doc, text.index("3 March"), text.index(" the ship")) is not None
    assert dated_span(doc, text.index("minister"), text.index(" said")) is None


@pytest.mark.parametrize("path", ARTICLES[:3], ids=lambda p: p.stem)
def test_dated_paragraphs_parse_as_in_the_full_pipeline(path: Path) -> None:
    """The parser reads each doc's tok2vec output, so parsing only some docs changes nothing in them."""
    nlp = load_nlp()
    text = path.read_text(encoding="utf-8")
    doc = next(parse_many(nlp, [text]))
    pieces = with_lead_in(paragraphs(text))
    full = joined([(d, at) for d, (_t, at) in zip(nlp.pipe(t for t, _ in pieces), pieces, strict=True)])

    starts = [raw.core_start for raw in scan(text)]
    offset, expected = 0, set()
    for chunk, at in pieces:
        end = offset + len(chunk) - at
        if any(offset <= s < end for s in starts):
            expected |= {t.i for t in doc if offset <= t.idx < end}
        offset = end
    assert expected and len(expected) < len(doc)
    assert {t.i for t in doc if t.dep_} == expected
    assert [(t.head.i, t.dep_) for t in doc if t.dep_] == [(full[i].head.i, full[i].dep_) for i in sorted(expected)]
    assert [t.tag_ for t in doc] == [t.tag_ for t in full]
