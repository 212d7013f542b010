"""Gradient checking: it passes right gradients and catches wrong ones."""

import numpy as np
import pytest

from dnn_textbook import L_model_backward, L_model_forward, gradient_check
from dnn_textbook.gradient_checking import relative_difference


def network(seed=0):
    rng = np.random.default_rng(seed)
    parameters = {
        "W1": rng.standard_normal((4, 3)),
        "b1": rng.standard_normal((4, 1)),
        "W2": rng.standard_normal((1, 4)),
        "b2": rng.standard_normal((1, 1)),
    }
    return parameters, rng.standard_normal((3, 6)), np.array([[1, 0, 1, 1, 0, 0]])


def test_right_gradients_pass_and_wrong_ones_fail():
    parameters, X, Y = network()
    acts = ["tanh", "sigmoid"]
    AL, caches = L_model_forward(X, parameters, acts)
    grads = L_model_backward(AL, Y, caches, acts)
    assert gradient_check(parameters, grads, X, Y, acts) < 1e-7
    assert gradient_check(parameters, None, X, Y, acts) < 1e-7
    grads["db2"] = grads["db2"] * 1.01
    assert gradient_check(parameters, grads, X, Y, acts) > 1e-5


def test_float32_network_is_checked_in_float64():
    parameters, X, Y = network(1)
    p32 = {k: v.astype(np.float32) for k, v in parameters.items()}
    assert gradient_check(p32, None, X.astype(np.float32), Y, ["tanh", "sigmoid"]) < 1e-7


def test_relative_difference():
    assert relative_difference(np.array([3.0, 4.0]), np.array([3.0, 4.0])) == 0.0
    assert relative_difference(np.array([1.0]), np.array([-1.0])) == 1.0
    assert relative_difference(np.zeros(2), np.zeros(2)) == 0.0


def test_missing_gradient_is_named():
    parameters, X, Y = network()
    with pytest.raises(ValueError, match="gradients has no db1"):
        gradient_check(parameters, {"dW1": np.zeros((4, 3))}, X, Y)


def test_the_default_epsilon_is_the_documented_one():
    """The default nudge is 1e-7, as the docstring says, and it is what a call without it uses.

    A ReLU unit 1.5e-7 from its kink: nudged by 1e-7 it stays on one side and the check
    passes; nudged by 2e-7 it crosses the kink and the check fails.
    """
    import inspect

    assert "epsilon : float, default 1e-7" in inspect.getdoc(gradient_check)
    X, Y = np.array([[1.0], [1.0]]), np.array([[1.0]])
    parameters = {
        "W1": np.array([[1.0, -1.0]]),
        "b1": np.array([[1.5e-7]]),
        "W2": np.array([[2.0]]),
        "b2": np.array([[0.0]]),
    }
    assert gradient_check(parameters, None, X, Y, epsilon=1e-7) < 1e-7
    assert gradient_check(parameters, None, X, Y, epsilon=2e-7) > 1e-3
    assert gradient_check(parameters, None, X, Y) < 1e-7
