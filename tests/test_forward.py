"""The forward step of one layer: values, the cache, and bad input."""

import numpy as np
import pytest

from dnn_textbook import Cache, linear_activation_forward, linear_forward


def test_values_by_hand_and_the_cache():
    A_prev = np.array([[1.0, 2.0], [3.0, 4.0]])
    W, b = np.array([[0.5, -1.0]]), np.array([[0.25]])
    Z, cache = linear_forward(A_prev, W, b)
    assert Z.tolist() == [[-2.25, -2.75]]
    assert isinstance(cache, Cache) and cache._fields == ("A_prev", "W", "b", "Z")
    assert cache.A_prev is A_prev and cache.W is W and cache.b is b and cache.Z is Z


def test_activation_is_applied_to_Z():
    A, cache = linear_activation_forward(
        np.array([[1.0, -1.0]]), np.array([[2.0]]), np.array([[0.0]]), "relu"
    )
    assert A.tolist() == [[2.0, 0.0]] and cache.Z.tolist() == [[2.0, -2.0]]


@pytest.mark.parametrize(
    "A_prev, W, b, layer, message",
    [
        (
            np.ones((3, 2)),
            np.ones((4, 5)),
            np.zeros((4, 1)),
            2,
            "layer 2: W[2] has shape (4, 5) but A[1] has 3 rows",
        ),
        (
            np.ones((5, 2)),
            np.ones((4, 5)),
            np.zeros((4,)),
            3,
            "layer 3: b[3] has shape (4,) but must be (4, 1) to match W[3] of shape (4, 5)",
        ),
        (
            np.ones((5, 2)),
            np.ones((4, 5)),
            np.zeros((5, 1)),
            3,
            "layer 3: b[3] has shape (5, 1) but must be (4, 1) to match W[3] of shape (4, 5)",
        ),
        (
            np.ones((5, 0)),
            np.ones((4, 5)),
            np.zeros((4, 1)),
            1,
            "layer 1: m = 0: X (A[0]) has no examples (shape (5, 0))",
        ),
        (
            np.ones((3, 2)),
            np.ones((4, 5)),
            np.zeros((4, 1)),
            None,
            "W has shape (4, 5) but A_prev has 3 rows",
        ),
    ],
)
def test_bad_shapes(A_prev, W, b, layer, message):
    with pytest.raises(ValueError) as error:
        linear_forward(A_prev, W, b, layer=layer)
    assert str(error.value) == message


def test_non_numbers_are_a_type_error():
    with pytest.raises(TypeError, match="A_prev must be an array of numbers"):
        linear_forward(np.array([["a"]]), np.ones((1, 1)), np.zeros((1, 1)))


def test_unknown_activation():
    with pytest.raises(ValueError, match="layer 4: unknown activation 'elu'"):
        linear_activation_forward(np.ones((1, 1)), np.ones((1, 1)), np.ones((1, 1)), "elu", layer=4)


@pytest.mark.filterwarnings("error")  # the ValueError alone, no RuntimeWarning before it
def test_overflow_from_finite_inputs_is_named():
    with pytest.raises(ValueError, match="layer 1: Z\\[1\\] overflowed"):
        linear_forward(np.full((2, 1), 1e308), np.full((1, 2), 10.0), np.zeros((1, 1)), layer=1)


def test_float32_and_integers():
    Z, _ = linear_forward(
        np.ones((2, 3), np.float32), np.ones((1, 2), np.float32), np.zeros((1, 1), np.float32)
    )
    assert Z.dtype == np.float32
    Z, cache = linear_forward(np.ones((2, 3), int), np.ones((1, 2), int), np.zeros((1, 1), int))
    assert Z.dtype == np.float64 and cache.A_prev.dtype == np.float64


def test_plain_lists_are_accepted():
    Z, cache = linear_forward([[1.0, 2.0], [3.0, 4.0]], [[0.5, -1.0]], [[0.25]])
    assert Z.tolist() == [[-2.25, -2.75]] and isinstance(cache.W, np.ndarray)
    A, _ = linear_activation_forward([[1.0, -1.0]], [[2.0]], [[0.0]], "relu")
    assert A.tolist() == [[2.0, 0.0]]


@pytest.mark.parametrize(
    "A_prev, W, b, layer, message",
    [
        (
            np.ones((5, 3)),
            np.ones((4, 3)),
            np.zeros((4, 1)),
            1,
            "layer 1: X (A[0]) has shape (5, 3): it holds one example per row, but the library "
            "wants one column per example, shape (n[0], m) = (3, 5); pass X.T",
        ),
        (
            np.ones((5, 3)),
            np.ones((4, 3)),
            np.zeros((4, 1)),
            2,
            "layer 2: A[1] has shape (5, 3): it holds one example per row, but the library "
            "wants one column per example, shape (n[1], m) = (3, 5); pass A_prev.T",
        ),
        (
            np.ones((3, 5)),
            np.ones((3, 4)),
            np.zeros((4, 1)),
            2,
            "layer 2: W[2] has shape (3, 4) but must have shape (n[2], n[1]) = (4, 3), "
            "one row per unit of the layer: it looks transposed",
        ),
        (
            np.ones((3, 5)),
            np.ones((3, 4)),
            np.zeros((4, 1)),
            None,
            "W has shape (3, 4) but must have shape (n[l], n[l-1]) = (4, 3), "
            "one row per unit of the layer: it looks transposed",
        ),
    ],
)
def test_examples_as_rows_and_a_transposed_W_are_named(A_prev, W, b, layer, message):
    with pytest.raises(ValueError) as error:
        linear_forward(A_prev, W, b, layer=layer)
    assert str(error.value) == message


@pytest.mark.filterwarnings("error")
def test_large_finite_Z_is_not_mistaken_for_an_overflow():
    """The check sums the squares of Z: they overflow at 1e200, Z does not."""
    Z, _ = linear_forward(np.full((2, 3), 1e100), np.full((1, 2), 1e100), np.zeros((1, 1)))
    assert np.all(Z == 2e200)
