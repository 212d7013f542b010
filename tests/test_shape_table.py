"""The shape table of "Putting it together" agrees with the library's arrays.

The chapter's doctest prints each row from the arrays the library makes;
this test reads the table itself from the page, so a row edited by hand
(or a library change of shapes) cannot go unnoticed.
"""

import re
from pathlib import Path

import numpy as np

from dnn_textbook import (
    L_model_backward,
    L_model_forward,
    relu_derivative,
    seed_dAL,
    sigmoid_derivative,
)

PAGE = Path(__file__).resolve().parents[1] / "docs" / "putting_together.rst"
COLUMNS = ["W", "b", "Z", "A", "dZ", "dW", "db", "dA"]


def table_rows() -> dict[int, list[tuple[int, int] | None]]:
    text = PAGE.read_text(encoding="utf-8")
    block = text[text.index(":name: shape-table") :]
    block = block[: block.index("\n\n", block.index("* - 0"))]
    rows = {}
    for row in re.split(r"^   \* - ", block, flags=re.MULTILINE)[2:]:
        cells = [c.strip() for c in re.split(r"^     - ?", row, flags=re.MULTILINE)]
        shapes = [re.search(r"\((\d+), (\d+)\)", c) for c in cells[1:]]
        rows[int(cells[0])] = [tuple(map(int, s.groups())) if s else None for s in shapes]
    return rows


def library_rows(dims, m) -> dict[int, list[tuple[int, int] | None]]:
    L = len(dims) - 1
    parameters = {}
    for l in range(1, L + 1):
        parameters[f"W{l}"] = np.zeros((dims[l], dims[l - 1]))
        parameters[f"b{l}"] = np.zeros((dims[l], 1))
    X, Y = np.zeros((dims[0], m)), np.zeros((1, m))
    AL, caches = L_model_forward(X, parameters)
    grads = L_model_backward(AL, Y, caches, fused=False)  # the lecture's route
    A = [c.A_prev for c in caches] + [AL]
    dA = dict(grads, **{f"dA{L}": seed_dAL(AL, Y)})
    rows = {0: [None, None, None, A[0].shape, None, None, None, None]}
    for l in range(1, L + 1):
        c = caches[l - 1]
        g_prime = sigmoid_derivative if l == L else relu_derivative
        dZ = dA[f"dA{l}"] * g_prime(c.Z)
        rows[l] = [
            c.W.shape,
            c.b.shape,
            c.Z.shape,
            A[l].shape,
            dZ.shape,
            grads[f"dW{l}"].shape,
            grads[f"db{l}"].shape,
            dA[f"dA{l}"].shape,
        ]
    assert "dA0" not in grads
    return rows


def test_the_page_table_is_the_library_shapes():
    rows = table_rows()
    assert sorted(rows) == [0, 1, 2, 3, 4]
    assert all(len(r) == len(COLUMNS) for r in rows.values())
    assert rows == library_rows([12288, 20, 7, 5, 1], 209)
