"""The backward step of one layer: the four equations, by hand and by loop."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dnn_textbook import Cache, linear_activation_backward, linear_backward, linear_forward


def test_by_hand():
    A_prev = np.array([[1.0, 2.0], [3.0, 4.0]])
    W, b, dZ = np.array([[1.0, -1.0]]), np.array([[0.5]]), np.array([[1.0, 2.0]])
    dA_prev, dW, db = linear_backward(dZ, Cache(A_prev, W, b, None))
    assert dW.tolist() == [[2.5, 5.5]]
    assert db.tolist() == [[1.5]]
    assert dA_prev.tolist() == [[1.0, 2.0], [-1.0, -2.0]]


def test_per_example_loop_equals_vectorized():
    rng = np.random.default_rng(0)
    A_prev, W, b = rng.standard_normal((4, 7)), rng.standard_normal((3, 4)), rng.random((3, 1))
    Z, cache = linear_forward(A_prev, W, b)
    dA = rng.standard_normal((3, 7))
    dA_prev, dW, db = linear_activation_backward(dA, cache, "tanh")
    dz = [dA[:, [i]] * (1 - np.tanh(Z[:, [i]]) ** 2) for i in range(7)]
    np.testing.assert_allclose(dW, np.mean([dz[i] @ A_prev[:, [i]].T for i in range(7)], 0))
    np.testing.assert_allclose(db, np.mean(dz, axis=0))
    np.testing.assert_allclose(dA_prev, np.hstack([W.T @ d for d in dz]))


def test_dA_prev_can_be_skipped():
    dA_prev, dW, db = linear_backward(
        np.ones((1, 2)),
        Cache(np.ones((3, 2)), np.ones((1, 3)), np.zeros((1, 1)), None),
        compute_dA_prev=False,
    )
    assert dA_prev is None and dW.shape == (1, 3) and db.shape == (1, 1)


def test_float32_kept():
    c = Cache(
        np.ones((3, 2), np.float32),
        np.ones((1, 3), np.float32),
        np.zeros((1, 1), np.float32),
        np.ones((1, 2), np.float32),
    )
    out = linear_activation_backward(np.ones((1, 2), np.float32), c, "sigmoid")
    assert [a.dtype for a in out] == [np.float32] * 3


def test_bad_shapes_name_the_layer():
    c = Cache(np.ones((3, 2)), np.ones((1, 3)), np.zeros((1, 1)), np.ones((1, 2)))
    with pytest.raises(ValueError) as error:
        linear_backward(np.ones((1, 5)), c, layer=2)
    assert str(error.value) == (
        "layer 2: dZ[2] has shape (1, 5) but must be (1, 2): "
        "one row per unit, one column per example"
    )
    with pytest.raises(ValueError, match=r"layer 2: dA\[2\] has shape \(2, 2\) but Z\[2\]"):
        linear_activation_backward(np.ones((2, 2)), c, "relu", layer=2)
    with pytest.raises(ValueError, match="unknown activation 'elu'"):
        linear_activation_backward(np.ones((1, 2)), c, "elu")


def test_plain_lists_are_accepted():
    dA_prev, dW, db = linear_backward(
        [[1.0, 2.0]], Cache([[1.0, 2.0], [3.0, 4.0]], [[1.0, -1.0]], [[0.5]], None)
    )
    assert dW.tolist() == [[2.5, 5.5]] and db.tolist() == [[1.5]]
    cache = Cache([[1.0, 2.0], [3.0, 4.0]], [[1.0, -1.0]], [[0.5]], [[0.0, 0.0]])
    _, dW, db = linear_activation_backward([[4.0, 8.0]], cache, "sigmoid")
    assert dW.tolist() == [[2.5, 5.5]] and db.tolist() == [[1.5]]


@st.composite
def steps(draw, dtype):
    """(dZ, A_prev, W) on either side of the switch between the two places of 1/m.

    The step scales whichever is smaller, dZ (n[l] m numbers) or dW and db
    (n[l] (n[l-1] + 1) numbers), counting a numpy call as a thousand numbers.
    """
    n, n_prev = draw(st.integers(1, 6)), draw(st.integers(1, 6))
    first_large = -(-(n * n_prev + n + 1000) // n)  # the smallest m that scales dW and db
    if draw(st.booleans()):
        m = draw(st.integers(1, first_large - 1))
    else:
        m = draw(st.integers(first_large, first_large + 40))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    return tuple(
        rng.standard_normal(shape).astype(dtype) for shape in ((n, m), (n_prev, m), (n, n_prev))
    )


def per_example(dZ, A_prev, W):
    """dW, db and dA_prev by the single-example equations, one example at a time, in float64."""
    dZ, A_prev, W = (a.astype(np.float64) for a in (dZ, A_prev, W))
    m = dZ.shape[1]
    dW = sum(np.outer(dZ[:, i], A_prev[:, i]) for i in range(m)) / m
    db = sum(dZ[:, [i]] for i in range(m)) / m
    dA_prev = np.column_stack([W.T @ dZ[:, i] for i in range(m)])
    return dW, db, dA_prev


@pytest.mark.parametrize("dtype, rtol", [(np.float64, 1e-11), (np.float32, 1e-4)])
@pytest.mark.parametrize("n, n_prev, m", [(2, 3, 5), (2, 3, 504), (1, 4, 1004), (1, 4, 1005)])
def test_both_places_of_one_over_m_give_the_mean_over_the_examples(n, n_prev, m, dtype, rtol):
    """Each side of the switch, and its edge: 1/m on dZ for (2, 3, 5) and (1, 4, 1004),
    on dW and db for (2, 3, 504) and (1, 4, 1005)."""
    rng = np.random.default_rng(m)
    dZ, A_prev, W = (
        rng.standard_normal(shape).astype(dtype) for shape in ((n, m), (n_prev, m), (n, n_prev))
    )
    check_one_step(dZ, A_prev, W, rtol)


@settings(max_examples=40, deadline=None)
@given(data=st.data())
@pytest.mark.parametrize("dtype, rtol", [(np.float64, 1e-11), (np.float32, 1e-4)])
def test_either_place_of_one_over_m_equals_the_per_example_loop(data, dtype, rtol):
    check_one_step(*data.draw(steps(dtype)), rtol)


def check_one_step(dZ, A_prev, W, rtol):
    """The step against the loop, within rtol of the sum of the magnitudes of the terms."""
    n, m = dZ.shape
    dW_loop, db_loop, dA_prev_loop = per_example(dZ, A_prev, W)
    dA_prev, dW, db = linear_backward(dZ, Cache(A_prev, W, None, None))
    assert dW.shape == W.shape and db.shape == (n, 1) and dA_prev.shape == A_prev.shape
    assert dW.dtype == db.dtype == dA_prev.dtype == dZ.dtype
    dZ, A_prev, W = (np.abs(a.astype(np.float64)) for a in (dZ, A_prev, W))
    assert np.all(np.abs(dW - dW_loop) <= rtol * (dZ @ A_prev.T) / m)
    assert np.all(np.abs(db - db_loop) <= rtol * dZ.sum(axis=1, keepdims=True) / m)
    assert np.all(np.abs(dA_prev - dA_prev_loop) <= rtol * (W.T @ dZ))


def test_a_cache_that_does_not_chain_is_refused():
    with pytest.raises(ValueError, match=r"layer 2: W\[2\] has shape \(1, 4\) but A\[1\] has 3"):
        linear_backward(
            np.ones((1, 2)), Cache(np.ones((3, 2)), np.ones((1, 4)), None, None), layer=2
        )
    with pytest.raises(TypeError, match="must be a Cache"):
        linear_backward(np.ones((1, 2)), (np.ones((3, 2)), np.ones((1, 3))))
    with pytest.raises(ValueError, match=r"Z\[2\] in the cache has shape \(1, 3\)"):
        linear_activation_backward(
            np.ones((1, 3)),
            Cache(np.ones((3, 2)), np.ones((1, 3)), None, np.ones((1, 3))),
            "relu",
            layer=2,
        )


def test_the_courses_caches_are_accepted():
    """((A_prev, W, b), Z) from the course's forward step, (A_prev, W, b) from its linear step."""
    rng = np.random.default_rng(4)
    A_prev, W, b = rng.standard_normal((3, 4)), rng.standard_normal((2, 3)), rng.random((2, 1))
    Z, cache = linear_forward(A_prev, W, b)
    dZ = rng.standard_normal((2, 4))
    expected = linear_backward(dZ, cache)
    for course in ((A_prev, W, b), ((A_prev, W, b), Z), [[A_prev, W, b], Z]):
        got = linear_backward(dZ, course)
        assert all(np.array_equal(g, e) for g, e in zip(got, expected, strict=True))
    expected = linear_activation_backward(dZ, cache, "tanh")
    got = linear_activation_backward(dZ, ((A_prev, W, b), Z), "tanh")
    assert all(np.array_equal(g, e) for g, e in zip(got, expected, strict=True))
    with pytest.raises(TypeError, match="must be a Cache"):  # Z is read here
        linear_activation_backward(dZ, (A_prev, W, b), "tanh")
