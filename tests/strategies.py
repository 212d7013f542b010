"""Hypothesis strategies shared by the tests: random networks and data."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from dnn_textbook import ACTIVATIONS

HIDDEN = sorted(ACTIVATIONS)


@st.composite
def networks(draw, dtype=np.float64, max_layers=5, max_width=8, max_m=16):
    """(parameters, activations, X, Y): 1 to 5 layers, widths 1 to 8, m 1 to 16.

    Hidden layers take any activation; the output is a sigmoid, as the
    cross-entropy cost requires.
    """
    L = draw(st.integers(1, max_layers))
    dims = draw(st.lists(st.integers(1, max_width), min_size=L, max_size=L)) + [1]
    activations = draw(st.lists(st.sampled_from(HIDDEN), min_size=L - 1, max_size=L - 1))
    activations.append("sigmoid")
    m = draw(st.integers(1, max_m))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    parameters = {}
    for l in range(1, L + 1):
        scale = np.sqrt(2 / dims[l - 1])
        parameters[f"W{l}"] = (rng.standard_normal((dims[l], dims[l - 1])) * scale).astype(dtype)
        parameters[f"b{l}"] = (rng.standard_normal((dims[l], 1)) * 0.1).astype(dtype)
    X = rng.standard_normal((dims[0], m)).astype(dtype)
    Y = rng.integers(0, 2, size=(1, m)).astype(dtype)
    return parameters, activations, X, Y
