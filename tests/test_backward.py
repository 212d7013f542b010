"""The backward step of one layer: the four equations, by hand and by loop."""

import numpy as np
import pytest

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
    dA_prev, dW, db = linear_backward(np.ones((1, 2)), Cache(np.ones((3, 2)), np.ones((1, 3)),
                                                             np.zeros((1, 1)), None),
                                      compute_dA_prev=False)
    assert dA_prev is None and dW.shape == (1, 3) and db.shape == (1, 1)


def test_float32_kept():
    c = Cache(np.ones((3, 2), np.float32), np.ones((1, 3), np.float32),
              np.zeros((1, 1), np.float32), np.ones((1, 2), np.float32))
    out = linear_activation_backward(np.ones((1, 2), np.float32), c, "sigmoid")
    assert [a.dtype for a in out] == [np.float32] * 3


def test_bad_shapes_name_the_layer():
    c = Cache(np.ones((3, 2)), np.ones((1, 3)), np.zeros((1, 1)), np.ones((1, 2)))
    with pytest.raises(ValueError) as error:
        linear_backward(np.ones((1, 5)), c, layer=2)
    assert str(error.value) == ("layer 2: dZ[2] has shape (1, 5) but must be (1, 2): "
                                "one row per unit, one column per example")
    with pytest.raises(ValueError, match=r"layer 2: dA\[2\] has shape \(2, 2\) but Z\[2\]"):
        linear_activation_backward(np.ones((2, 2)), c, "relu", layer=2)
    with pytest.raises(ValueError, match="unknown activation 'elu'"):
        linear_activation_backward(np.ones((1, 2)), c, "elu")


def test_plain_lists_are_accepted():
    dA_prev, dW, db = linear_backward([[1.0, 2.0]], Cache([[1.0, 2.0], [3.0, 4.0]],
                                                          [[1.0, -1.0]], [[0.5]], None))
    assert dW.tolist() == [[2.5, 5.5]] and db.tolist() == [[1.5]]
    cache = Cache([[1.0, 2.0], [3.0, 4.0]], [[1.0, -1.0]], [[0.5]], [[0.0, 0.0]])
    _, dW, db = linear_activation_backward([[4.0, 8.0]], cache, "sigmoid")
    assert dW.tolist() == [[2.5, 5.5]] and db.tolist() == [[1.5]]


@pytest.mark.parametrize("m", [2, 5])  # m < n[l-1] = 3 and m > n[l-1]: both places of 1/m
def test_both_placements_of_one_over_m(m):
    rng = np.random.default_rng(m)
    A_prev, W, dZ = rng.standard_normal((3, m)), rng.standard_normal((2, 3)), rng.random((2, m))
    _, dW, db = linear_backward(dZ, Cache(A_prev, W, None, None))
    np.testing.assert_allclose(dW, dZ @ A_prev.T / m, rtol=1e-14)
    np.testing.assert_allclose(db, dZ.sum(axis=1, keepdims=True) / m, rtol=1e-14)


def test_a_cache_that_does_not_chain_is_refused():
    with pytest.raises(ValueError, match=r"layer 2: W\[2\] has shape \(1, 4\) but A\[1\] has 3"):
        linear_backward(np.ones((1, 2)), Cache(np.ones((3, 2)), np.ones((1, 4)), None, None),
                        layer=2)
    with pytest.raises(TypeError, match="must be a Cache"):
        linear_backward(np.ones((1, 2)), (np.ones((3, 2)), np.ones((1, 3))))
    with pytest.raises(ValueError, match=r"Z\[2\] in the cache has shape \(1, 3\)"):
        linear_activation_backward(np.ones((1, 3)), Cache(np.ones((3, 2)), np.ones((1, 3)),
                                                          None, np.ones((1, 3))), "relu", layer=2)
