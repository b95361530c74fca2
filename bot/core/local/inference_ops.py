"""thinc ops for running the spaCy pipeline: numpy's BLAS and a vectorised maxout.

Each tok2vec layer ends in a maxout over three pieces. thinc's CPU kernel takes the maximum with a
branch per value, and on real activations those branches are unpredictable: the maxouts cost about
a fifth of the whole tok2vec, as much as four of its matrix products. Comparing whole piece arrays
gives the same maximum and the same argmax (the first piece wins a tie), about five times faster.

Matrix products go through numpy's BLAS, not thinc's default BLIS: the BLIS in the `blis` wheel ran
the tok2vec products ~3x slower on the AMD EPYC here (it falls back to its generic kernel), while
numpy's OpenBLAS picks its kernel for the CPU it finds.
"""

from __future__ import annotations

from typing import Any

import numpy
from thinc.api import NumpyOps, registry

NAME = "briefbot_numpy"
# The argmax is built in int8, so the piece index must fit.
_MAX_PIECES = 127


@registry.ops(NAME)
class InferenceOps(NumpyOps):
    """NumpyOps with a maxout that compares whole arrays instead of branching per value."""

    name = NAME

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("use_blis", False)
        super().__init__(*args, **kwargs)

    def maxout(self, X: Any) -> tuple[Any, Any]:
        """Per row and output, the best of the last axis's pieces and the index of the first best."""
        if X.ndim != 3 or not 1 < X.shape[2] <= _MAX_PIECES or X.dtype.kind != "f":
            return super().maxout(X)
        pieces = numpy.ascontiguousarray(numpy.moveaxis(X, 2, 0))
        best = pieces[0].copy()
        which = numpy.zeros(best.shape, dtype=numpy.int8)
        for p in range(1, len(pieces)):
            # A piece takes over only where it is strictly greater, so the last piece to take over
            # is the largest index that did: the argmax with ties to the first, as in thinc.
            gained = pieces[p] > best
            numpy.maximum(which, gained.view(numpy.int8) * numpy.int8(p), out=which)
            numpy.maximum(best, pieces[p], out=best)
        return best, which.astype(numpy.int32)
