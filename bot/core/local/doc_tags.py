"""Facts about tokens read once from the spaCy Doc: entity labels, finite verbs, proper nouns.

Everything degrades gracefully: without a tagger the answers are None and callers fall back to
word lists; without entities, labels are empty.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

import numpy as np

from bot.core.local.speaker_tokens import EntLabel

if TYPE_CHECKING:
    from spacy.tokens import Doc

_NAME_ENTS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
)


def entity_labeller(ents: list[tuple[int, int, str]]) -> EntLabel:
    """label(start, end): the entity label covering most of text[start:end], or ""."""
    starts = [s for s, _e, _l in ents]

    def label(a: int, b: int) -> str:
        """The label of the entity overlapping most of [a, b), if it covers at least half."""
        k = bisect_right(starts, b) - 1
        best, best_overlap = "", 0
        while k >= 0 and ents[k][1] > a - 100:
            s, e, lab = ents[k]
            overlap = min(b, e) - max(a, s)
            if overlap > best_overlap:
                best, best_overlap = lab, overlap
            k -= 1
        return best if best_overlap * 2 >= (b - a) else ""

    return label


class TokenTags:
    """Per-token tags read once from the Doc as arrays (the tagger may be absent: then None)."""

    def __init__(self, doc: Doc) -> None:
        from spacy.attrs import ENT_TYPE, IDX, TAG

        strings = doc.vocab.strings
        arr = doc.to_array([IDX, TAG, ENT_TYPE]) if len(doc) else np.zeros((0, 3), dtype="uint64")
        starts = arr[:, 0].astype("int64")
        tags, ents = arr[:, 1], arr[:, 2]
        self.tagged = bool(tags.any())

        def where(values: np.ndarray, names: tuple[str, ...] | frozenset[str]) -> set[int]:
            """Start offsets of the tokens whose value is one of `names`."""
            return set(starts[np.isin(values, [strings.add(n) for n in names])].tolist())

        self.finite = where(tags, ("VBD", "VBZ", "VBP", "MD"))  # token start offsets
        self.nnp = where(tags, ("NNP", "NNPS"))
        self.named = where(ents, _NAME_ENTS)

    def finite_verb(self, offset: int) -> bool | None:
        """Whether the token starting at `offset` is a finite verb (None without a tagger)."""
        return (offset in self.finite) if self.tagged else None

    def proper(self, offset: int) -> bool | None:
        """Whether the token starting at `offset` is a name (None when nothing can tell)."""
        if offset in self.named:
            return True
        return (offset in self.nnp) if self.tagged else None
