"""The L-layer chain: gradients against finite differences, loop against vectorized."""

import numpy as np
import pytest
from hypothesis import assume, given, settings
from strategies import networks

from dnn_textbook import L_model_backward, L_model_forward, compute_cost

KINKED = {"relu", "leaky_relu"}


def numerical_gradients(parameters, activations, X, Y, h=1e-5):
    """Centred differences of the cost, written independently of the library's check.

    The five-point centred stencil has an error of order h**4, so h can stay
    large enough for rounding not to matter, and small enough not to cross a
    kink of the ReLU.
    """
    theta = {k: v.copy() for k, v in parameters.items()}

    def J():
        return compute_cost(L_model_forward(X, theta, activations)[0], Y)

    approx = {}
    for name, p in theta.items():
        d = np.zeros_like(p)
        for i in np.ndindex(p.shape):
            saved = p[i]
            values = []
            for step in (-2, -1, 1, 2):
                p[i] = saved + step * h
                values.append(J())
            p[i] = saved
            d[i] = (values[0] - 8 * values[1] + 8 * values[2] - values[3]) / (12 * h)
        approx["d" + name] = d
    return approx


def far_from_kinks(caches, activations, margin=2e-3):
    return all(
        name not in KINKED or np.min(np.abs(c.Z)) > margin
        for c, name in zip(caches, activations, strict=True)
    )


@settings(deadline=None)
@given(networks())
@pytest.mark.parametrize("fused", [True, False])
def test_every_gradient_matches_centred_differences(fused, net):
    parameters, activations, X, Y = net
    AL, caches = L_model_forward(X, parameters, activations)
    assume(far_from_kinks(caches, activations))
    # Near a saturated sigmoid, 1 - A keeps few digits and the cost, hence the
    # finite difference, is noisy: the analytic A - Y is then the better of the two.
    assume(np.all((AL > 0.01) & (AL < 0.99)))
    grads = L_model_backward(AL, Y, caches, activations, fused=fused)
    approx = numerical_gradients(parameters, activations, X, Y)
    keys = sorted(approx)
    g = np.concatenate([grads[k].ravel() for k in keys])
    a = np.concatenate([approx[k].ravel() for k in keys])
    assume(np.linalg.norm(g) > 1e-6)
    difference = np.linalg.norm(g - a) / (np.linalg.norm(g) + np.linalg.norm(a))
    assert difference < 1e-7


@settings(deadline=None)
@given(networks())
def test_vectorized_equals_the_per_example_loop(net):
    parameters, activations, X, Y = net
    m = X.shape[1]
    AL, caches = L_model_forward(X, parameters, activations)
    grads = L_model_backward(AL, Y, caches, activations)
    per_example = []
    for i in range(m):
        ALi, ci = L_model_forward(X[:, [i]], parameters, activations)
        np.testing.assert_allclose(ALi, AL[:, [i]], rtol=1e-12, atol=1e-15)
        per_example.append(L_model_backward(ALi, Y[:, [i]], ci, activations))
    for key in grads:
        if key.startswith("dA"):
            looped = np.hstack([g[key] for g in per_example])
        else:
            looped = np.mean([g[key] for g in per_example], axis=0)
        np.testing.assert_allclose(grads[key], looped, rtol=1e-9, atol=1e-12)


@settings(deadline=None)
@given(networks(dtype=np.float32))
def test_float32_is_kept_end_to_end(net):
    parameters, activations, X, Y = net
    AL, caches = L_model_forward(X, parameters, activations)
    assert AL.dtype == np.float32
    assert all(c.Z.dtype == np.float32 for c in caches)
    grads = L_model_backward(AL, Y, caches, activations, fused=False, compute_dA0=True)
    assert {g.dtype for g in grads.values()} == {np.dtype(np.float32)}


def test_dA0_is_computed_only_when_asked():
    rng = np.random.default_rng(0)
    parameters = {"W1": rng.standard_normal((3, 2)), "b1": np.zeros((3, 1)),
                  "W2": rng.standard_normal((1, 3)), "b2": np.zeros((1, 1))}
    X, Y = rng.standard_normal((2, 5)), np.array([[1, 0, 1, 0, 1]])
    AL, caches = L_model_forward(X, parameters)
    assert "dA0" not in L_model_backward(AL, Y, caches)
    grads = L_model_backward(AL, Y, caches, compute_dA0=True)
    np.testing.assert_allclose(
        grads["dA0"], parameters["W1"].T @ (grads["dA1"] * (caches[0].Z > 0))
    )


def test_the_caches_are_passed_along():
    rng = np.random.default_rng(1)
    parameters = {f"W{l}": rng.standard_normal((2, 2)) for l in (1, 2, 3)}
    parameters.update({f"b{l}": np.zeros((2, 1)) for l in (1, 2)}, b3=np.zeros((2, 1)))
    parameters["W3"], parameters["b3"] = rng.standard_normal((1, 2)), np.zeros((1, 1))
    X = rng.standard_normal((2, 4))
    AL, caches = L_model_forward(X, parameters)
    assert caches[0].A_prev is X
    assert np.array_equal(caches[1].A_prev, np.maximum(caches[0].Z, 0))
    assert caches[2].W is parameters["W3"]


@pytest.mark.parametrize(
    "activations, message",
    [
        (["relu", "softmax"], "layer 2: unknown activation 'softmax'; valid: identity, "
         "leaky_relu, relu, sigmoid, tanh"),
        (["relu"], "activations names 1 layers but the network has 2"),
    ],
)
def test_bad_activations(activations, message):
    parameters = {"W1": np.ones((2, 2)), "b1": np.zeros((2, 1)),
                  "W2": np.ones((1, 2)), "b2": np.zeros((1, 1))}
    with pytest.raises(ValueError) as error:
        L_model_forward(np.ones((2, 3)), parameters, activations)
    assert str(error.value) == message


def test_missing_parameter_keys():
    with pytest.raises(ValueError, match="missing: b2"):
        L_model_forward(np.ones((2, 3)), {"W1": np.ones((2, 2)), "b1": np.zeros((2, 1)),
                                          "W2": np.ones((1, 2))})
    with pytest.raises(ValueError, match="missing: W1, b1"):
        L_model_forward(np.ones((2, 3)), {})
    with pytest.raises(TypeError, match="parameters must be a dict"):
        L_model_forward(np.ones((2, 3)), [np.ones((2, 2))])


def test_shape_mismatch_names_the_layer_and_the_shapes():
    parameters = {"W1": np.ones((3, 2)), "b1": np.zeros((3, 1)),
                  "W2": np.ones((4, 5)), "b2": np.zeros((4, 1))}
    with pytest.raises(ValueError) as error:
        L_model_forward(np.ones((2, 6)), parameters, ["relu", "sigmoid"])
    assert str(error.value) == "layer 2: W[2] has shape (4, 5) but A[1] has 3 rows"


@pytest.mark.parametrize("where, value, message", [
    ("X", np.nan, "layer 1: X (A[0]) contains NaN or inf"),
    ("X", np.inf, "layer 1: X (A[0]) contains NaN or inf"),
    ("W2", np.inf, "layer 2: W[2] contains NaN or inf"),
    ("b1", np.nan, "layer 1: b[1] contains NaN or inf"),
])
@pytest.mark.filterwarnings("error")  # the ValueError alone, no RuntimeWarning before it
def test_nan_or_inf_is_reported_with_its_layer(where, value, message):
    rng = np.random.default_rng(2)
    parameters = {"W1": rng.standard_normal((3, 2)), "b1": np.zeros((3, 1)),
                  "W2": rng.standard_normal((1, 3)), "b2": np.zeros((1, 1))}
    X = rng.standard_normal((2, 4))
    target = X if where == "X" else parameters[where]
    target[0, 0] = value
    with pytest.raises(ValueError) as error:
        L_model_forward(X, parameters, ["tanh", "sigmoid"])
    assert str(error.value) == message


def test_integer_input_is_promoted_to_float64():
    parameters = {"W1": np.array([[1, 2]]), "b1": np.array([[0]])}
    AL, caches = L_model_forward(np.array([[1, 0], [0, 1]]), parameters, ["identity"])
    assert AL.dtype == np.float64 and caches[0].W.dtype == np.float64
    grads = L_model_backward(np.array([[0.5, 0.5]]), np.array([[1, 0]]), caches, ["sigmoid"])
    assert grads["dW1"].dtype == np.float64
