"""The practice material agrees with the chapters (issue 27, section 1).

The exercise notebooks are tested in ``test_exercise_notebooks.py``; these
tests read the sources of the answers and the derivation exercises, and check
the claims they make against numpy and the checker.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

import dnn_textbook.loss

DOCS = Path(__file__).resolve().parents[1] / "docs"


def exercises(page: str) -> list[str]:
    """The exercises of a page, each with its answer, as source text."""
    text = (DOCS / f"{page}.rst").read_text(encoding="utf-8")
    return [re.sub(r"\s+", " ", part) for part in text.split(".. exercise::")[1:]]


def test_forward_exercise_2_says_what_numpy_does_with_a_flat_bias():
    W, A_prev = np.ones((3, 2)), np.ones((2, 4))  # n[l] = 3, m = 4
    with pytest.raises(ValueError):
        W @ A_prev + np.zeros(3)  # m != n[l]: it raises
    A_square = np.ones((2, 3))  # m = n[l] = 3: the right shape, wrong values
    Z = W @ A_square + np.array([1.0, 2.0, 3.0])
    assert Z.shape == (3, 3) and Z[:, 0].tolist() == [3.0, 3.0, 3.0]
    assert (W @ np.ones((2, 1)) + np.zeros(3)).shape == (3, 3)  # m = 1: (n[l], n[l])
    answer = next(e for e in exercises("forward") if "linear_forward(A_prev, W, b)" in e)
    assert "is added to every row instead" not in answer
    assert "raises an error when :math:`m \\ne n^{[l]}`" in answer
    assert "when :math:`m = 1` it is an ``(n[l], n[l])`` matrix" in answer


def test_putting_together_exercise_2_runs_the_lectures_route():
    answer = next(e for e in exercises("putting_together") if "every equation of one" in e)
    backward = answer.split("Backward, from the seed", 1)[1]
    assert backward.index(r"dZ^{[3]} = dA^{[3]} \odot \sigma'(Z^{[3]})") < backward.index(
        "simplify to :math:`dZ^{[3]} = A^{[3]} - Y`"
    )


def test_putting_together_exercise_4_does_not_call_the_2017_keys_a_mistake():
    import exercise_solutions

    from dnn_textbook.exercises import check

    def L_model_backward(AL, Y, caches):  # the 2017 notebook's keys, one index higher
        grads = exercise_solutions.L_model_backward(AL, Y, caches)
        return {(f"dA{int(k[2:]) + 1}" if k.startswith("dA") else k): v for k, v in grads.items()}

    assert check("L_model_backward", L_model_backward).passed
    answer = next(e for e in exercises("putting_together") if "range(1, L)" in e)
    assert "off by one" not in answer
    assert "the 2017 notebook stored it under" in answer and "accepts both" in answer


def test_the_training_needs_no_data_extra():
    page = (DOCS / "build_it_yourself.rst").read_text(encoding="utf-8")
    assert "data extra" not in page and "[data]" not in page


def test_the_backward_chapter_asks_for_three_derivations_with_answers():
    derivations = [e for e in exercises("backward") if "Derive" in e.split(".. answer::")[0]]
    assert len(derivations) == 3
    assert all(".. answer::" in e for e in derivations)
    first, mean, seed = derivations
    assert "da^{[l-1]} = W^{[l]\\top} dz^{[l]}" in first and "entry by entry" in first
    assert "db^{[l]} = \\frac{1}{m} \\sum_{i=1}^{m} dz^{[l](i)}" in mean
    assert "seed" in seed and "a - y" in seed


def test_the_loss_is_named_the_lectures_logistic_regression_loss_once():
    doc = " ".join(dnn_textbook.loss.__doc__.split())
    assert "The lecture calls it the loss of logistic regression" in doc
