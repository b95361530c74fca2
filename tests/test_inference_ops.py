"""The pipeline's thinc ops give thinc's own maxout, value for value, and the pipeline uses them."""

from __future__ import annotations

import numpy
import pytest
from thinc.api import NumpyOps

from bot.core.local.inference_ops import InferenceOps
from bot.core.local.nlp import load_nlp

REFERENCE = NumpyOps(use_blis=False)
OPS = InferenceOps()


def _ties(rng: numpy.random.Generator, shape: tuple[int, ...], dtype: str) -> numpy.ndarray:
    """Small integers, so that many rows have two or three equal best pieces."""
    return rng.integers(-2, 3, size=shape).astype(dtype)


@pytest.mark.parametrize("pieces", [2, 3, 4, 7])
@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("draw", ["normal", "ties"])
def test_maxout_matches_thinc(pieces: int, dtype: str, draw: str) -> None:
    rng = numpy.random.default_rng(pieces)
    shape = (257, 96, pieces)
    X = rng.standard_normal(shape).astype(dtype) if draw == "normal" else _ties(rng, shape, dtype)

    best, which = OPS.maxout(X)
    want_best, want_which = REFERENCE.maxout(X)

    assert best.dtype == want_best.dtype and which.dtype == want_which.dtype == numpy.int32
    assert numpy.array_equal(best, want_best)
    assert numpy.array_equal(which, want_which)  # ties go to the first piece


def test_maxout_on_a_strided_view_and_on_no_rows() -> None:
    X = numpy.random.default_rng(1).standard_normal((40, 96, 6)).astype("float32")[::2, :, ::2]
    for got, want in zip(OPS.maxout(X), REFERENCE.maxout(numpy.ascontiguousarray(X)), strict=True):
        assert numpy.array_equal(got, want)
    best, which = OPS.maxout(numpy.zeros((0, 96, 3), dtype="float32"))
    assert best.shape == which.shape == (0, 96)


def test_the_pipeline_runs_on_these_ops() -> None:
    nlp = load_nlp()
    layers = [layer for _, pipe in nlp.pipeline if hasattr(pipe, "model") for layer in pipe.model.walk()]
    # spaCy builds a transition model's output layer under `use_ops("cpu")` on purpose; its
    # parse loop reads that layer's weights directly, so the layer's ops never run at inference.
    ours = [layer for layer in layers if layer.name != "linear"]
    assert sum(layer.name == "maxout" for layer in ours) >= 10  # both tok2vecs
    assert {type(layer.ops) for layer in ours} == {InferenceOps}
