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
    parameters = {
        "W1": rng.standard_normal((3, 2)),
        "b1": np.zeros((3, 1)),
        "W2": rng.standard_normal((1, 3)),
        "b2": np.zeros((1, 1)),
    }
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
        (
            ["relu", "softmax"],
            "layer 2: unknown activation 'softmax'; valid: identity, "
            "leaky_relu, relu, sigmoid, tanh",
        ),
        (["relu"], "activations names 1 layer but the network has 2"),
    ],
)
def test_bad_activations(activations, message):
    parameters = {
        "W1": np.ones((2, 2)),
        "b1": np.zeros((2, 1)),
        "W2": np.ones((1, 2)),
        "b2": np.zeros((1, 1)),
    }
    with pytest.raises(ValueError) as error:
        L_model_forward(np.ones((2, 3)), parameters, activations)
    assert str(error.value) == message


def test_missing_parameter_keys():
    with pytest.raises(ValueError, match="missing: b2"):
        L_model_forward(
            np.ones((2, 3)), {"W1": np.ones((2, 2)), "b1": np.zeros((2, 1)), "W2": np.ones((1, 2))}
        )
    with pytest.raises(ValueError, match="missing: W1, b1"):
        L_model_forward(np.ones((2, 3)), {})
    with pytest.raises(TypeError, match="parameters must be a dict"):
        L_model_forward(np.ones((2, 3)), [np.ones((2, 2))])


def test_shape_mismatch_names_the_layer_and_the_shapes():
    parameters = {
        "W1": np.ones((3, 2)),
        "b1": np.zeros((3, 1)),
        "W2": np.ones((4, 5)),
        "b2": np.zeros((4, 1)),
    }
    with pytest.raises(ValueError) as error:
        L_model_forward(np.ones((2, 6)), parameters, ["relu", "sigmoid"])
    assert str(error.value) == "layer 2: W[2] has shape (4, 5) but A[1] has 3 rows"


@pytest.mark.parametrize(
    "where, value, message",
    [
        ("X", np.nan, "layer 1: X (A[0]) contains NaN or inf"),
        ("X", np.inf, "layer 1: X (A[0]) contains NaN or inf"),
        ("W2", np.inf, "layer 2: W[2] contains NaN or inf"),
        ("b1", np.nan, "layer 1: b[1] contains NaN or inf"),
    ],
)
@pytest.mark.filterwarnings("error")  # the ValueError alone, no RuntimeWarning before it
def test_nan_or_inf_is_reported_with_its_layer(where, value, message):
    rng = np.random.default_rng(2)
    parameters = {
        "W1": rng.standard_normal((3, 2)),
        "b1": np.zeros((3, 1)),
        "W2": rng.standard_normal((1, 3)),
        "b2": np.zeros((1, 1)),
    }
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


def two_layers(seed=0):
    rng = np.random.default_rng(seed)
    parameters = {
        "W1": rng.standard_normal((3, 2)),
        "b1": np.zeros((3, 1)),
        "W2": rng.standard_normal((1, 3)),
        "b2": np.zeros((1, 1)),
    }
    return parameters, rng.standard_normal((2, 5)), np.array([[1, 0, 1, 0, 1]])


@pytest.mark.parametrize("output", ["identity", "relu", "tanh", "leaky_relu"])
@pytest.mark.parametrize("fused", [True, False])
def test_an_output_that_is_not_a_sigmoid_is_refused(output, fused):
    parameters, X, Y = two_layers()
    AL, caches = L_model_forward(X, parameters, ["relu", output])
    AL = np.clip(AL, 0.1, 0.9)  # even with A[L] inside (0, 1): the seed assumes a sigmoid
    with pytest.raises(ValueError) as error:
        L_model_backward(AL, Y, caches, ["relu", output], fused=fused)
    assert str(error.value) == (
        f"layer 2: the output activation is '{output}', but the cross-entropy cost and its "
        "seed dA[L] = -Y/A[L] + (1 - Y)/(1 - A[L]) hold only for a sigmoid output, whose "
        "A[L] lies in (0, 1); use 'sigmoid' for layer L = 2"
    )


def test_fused_is_the_default_and_stays_right_when_the_sigmoid_saturates():
    # z = 40: σ(z) rounds to 1, so 1 - A and σ'(z) are 0 and only A - Y keeps dZ = 1
    parameters = {"W1": np.array([[40.0]]), "b1": np.array([[0.0]])}
    X, Y = np.array([[1.0]]), np.array([[0]])
    AL, caches = L_model_forward(X, parameters)
    assert AL.tolist() == [[1.0]]
    default = L_model_backward(AL, Y, caches)
    fused = L_model_backward(AL, Y, caches, fused=True)
    seeded = L_model_backward(AL, Y, caches, fused=False)
    assert default["dW1"].tolist() == fused["dW1"].tolist() == [[1.0]]
    assert seeded["dW1"].tolist() == [[0.0]]


@pytest.mark.parametrize(
    "value, message",
    [
        (
            1.79,
            "A[L] must lie in [0, 1], as the output of a sigmoid does, but its values go from "
            "0.25 to 1.79: the cross-entropy cost and its seed dA[L] are defined only for "
            "probabilities",
        ),
        (
            -0.5,
            "A[L] must lie in [0, 1], as the output of a sigmoid does, but its values go from "
            "-0.5 to 0.25: the cross-entropy cost and its seed dA[L] are defined only for "
            "probabilities",
        ),
        (np.nan, "A[L] contains NaN or inf"),
    ],
)
@pytest.mark.parametrize("fused", [True, False])
def test_an_output_outside_0_1_is_refused(value, message, fused):
    parameters, X, Y = two_layers()
    _, caches = L_model_forward(X, parameters)
    AL = np.full((1, 5), 0.25)
    AL[0, 2] = value
    with pytest.raises(ValueError) as error:
        L_model_backward(AL, Y, caches, fused=fused)
    assert str(error.value) == message


def test_plain_lists_are_accepted():
    parameters, X, Y = two_layers()
    AL, caches = L_model_forward(X, parameters)
    grads = L_model_backward(AL, Y, caches)
    as_lists = {k: v.tolist() for k, v in parameters.items()}
    AL_list, caches_list = L_model_forward(X.tolist(), as_lists)
    np.testing.assert_array_equal(AL_list, AL)
    caches_list = [tuple(a.tolist() for a in c) for c in caches_list]
    grads_list = L_model_backward(AL.tolist(), Y.tolist(), caches_list)
    assert all(np.array_equal(grads_list[k], grads[k]) for k in grads)


def test_caches_that_do_not_come_from_one_forward_pass_are_refused():
    parameters, X, Y = two_layers()
    AL, caches = L_model_forward(X, parameters)
    with pytest.raises(TypeError, match="caches must be the list of caches from L_model_forward"):
        L_model_backward(AL, Y, caches[0])
    _, other = L_model_forward(X[:, :3], parameters)
    with pytest.raises(ValueError) as error:
        L_model_backward(AL, Y, [other[0], caches[1]])
    assert str(error.value) == (
        "layer 2: the cache holds A[1] of shape (3, 5) but the cache of layer 1 holds Z[1] of "
        "shape (3, 3): the caches must come from one forward pass"
    )
    with pytest.raises(ValueError, match=r"A\[L\] has shape \(1, 3\) but the last cache"):
        L_model_backward(AL[:, :3], Y[:, :3], caches)


def test_examples_as_rows_and_a_transposed_W_in_the_chain():
    parameters, X, _ = two_layers()
    with pytest.raises(
        ValueError,
        match=r"layer 1: X \(A\[0\]\) has shape \(5, 2\): it holds "
        r"one example per row.*; pass X\.T",
    ):
        L_model_forward(X.T, parameters)
    parameters["W2"] = parameters["W2"].T
    with pytest.raises(
        ValueError,
        match=r"layer 2: W\[2\] has shape \(3, 1\) but must have "
        r"shape \(n\[2\], n\[1\]\) = \(1, 3\)",
    ):
        L_model_forward(X, parameters)


def test_what_the_forward_pass_made_is_trusted_only_while_unchanged():
    """Caches and A[L] straight from L_model_forward skip their shape checks, not the rest."""
    parameters, X, Y = two_layers()
    AL, caches = L_model_forward(X, parameters)
    trusted = L_model_backward(AL, Y, caches)
    checked = L_model_backward(AL.copy(), Y, list(caches))  # a copy: not the forward's own
    assert all(np.array_equal(trusted[k], checked[k]) for k in checked)
    # Y is new to the backward pass: always checked
    with pytest.raises(ValueError, match="Y must hold only 0 and 1"):
        L_model_backward(AL, Y * 2, caches)
    # A[L] changed in place, the same object: its values are checked again
    changed, same_caches = L_model_forward(X, parameters)
    changed[0, 0] = 1.5
    with pytest.raises(ValueError, match=r"A\[L\] must lie in \[0, 1\]"):
        L_model_backward(changed, Y, same_caches)
    # a cache replaced in the list: checked again
    _, other = L_model_forward(X[:, :3], parameters)
    caches[0] = other[0]
    with pytest.raises(ValueError, match="the caches must come from one forward pass"):
        L_model_backward(AL, Y, caches)
    # an output that is not a sigmoid's: A[L] is checked, whatever its caches
    AL, caches = L_model_forward(X, parameters, ["relu", "identity"])
    AL[0, 0] = 3.0
    with pytest.raises(ValueError, match=r"A\[L\] must lie in \[0, 1\]"):
        L_model_backward(AL, Y, caches)


@pytest.mark.parametrize("label", [np.nan, np.inf, -np.inf, 2.0, 0.5, -1.0, 1e-300, 1e300])
@pytest.mark.filterwarnings("error")  # the ValueError alone, no RuntimeWarning before it
def test_any_label_other_than_0_or_1_is_refused(label):
    parameters, X, Y = two_layers()
    AL, caches = L_model_forward(X, parameters)
    Y = Y.astype(float)
    Y[0, 1] = label
    for call in (lambda: compute_cost(AL, Y), lambda: L_model_backward(AL, Y, caches)):
        with pytest.raises(ValueError, match="Y must hold only 0 and 1"):
            call()


def test_a_negative_zero_label_is_a_zero():
    parameters, X, Y = two_layers()
    AL, caches = L_model_forward(X, parameters)
    minus = np.where(Y == 0, -0.0, 1.0)
    assert compute_cost(AL, minus) == compute_cost(AL, Y)


@pytest.mark.parametrize("L", [1, 2, 3])
@pytest.mark.parametrize("fused", [True, False])
@pytest.mark.parametrize("compute_dA0", [False, True])
def test_layer_1_computes_dA0_only_when_asked(monkeypatch, L, fused, compute_dA0):
    """The product W[1]ᵀ dZ[1] is skipped unless dA0 is asked for; every other dA[l-1] is made.

    The chain's two backward steps are wrapped to record, layer by layer (L first),
    whether each was asked for its dA[l-1].
    """
    import dnn_textbook.chain as chain

    asked = []
    for name in ("_linear_backward", "_linear_activation_backward"):
        step = getattr(chain, name)

        def recording(*args, step=step):
            asked.append(args[-1])
            return step(*args)

        monkeypatch.setattr(chain, name, recording)
    rng = np.random.default_rng(L)
    dims = [3, 4, 2, 1][-(L + 1) :]
    parameters = {}
    for l in range(1, L + 1):
        parameters[f"W{l}"] = rng.standard_normal((dims[l], dims[l - 1]))
        parameters[f"b{l}"] = np.zeros((dims[l], 1))
    X, Y = rng.standard_normal((dims[0], 6)), np.array([[1, 0, 1, 1, 0, 0]])
    AL, caches = L_model_forward(X, parameters)
    grads = L_model_backward(AL, Y, caches, fused=fused, compute_dA0=compute_dA0)
    assert asked == [True] * (L - 1) + [compute_dA0]
    assert ("dA0" in grads) is compute_dA0


@pytest.mark.parametrize("change", ["pop", "append"])
def test_caches_with_one_removed_or_added_are_checked_again(change):
    """The list from L_model_forward, one cache fewer or more: its shapes are looked at again."""
    rng = np.random.default_rng(3)
    parameters = {
        "W1": rng.standard_normal((3, 2)),
        "b1": np.zeros((3, 1)),
        "W2": rng.standard_normal((3, 3)),
        "b2": np.zeros((3, 1)),
        "W3": rng.standard_normal((1, 3)),
        "b3": np.zeros((1, 1)),
    }
    X, Y = rng.standard_normal((2, 5)), np.array([[1, 0, 1, 0, 1]])
    AL, caches = L_model_forward(X, parameters)
    if change == "pop":
        caches.pop()  # two caches left: the last holds Z[2] of shape (3, 5), not A[L]'s
        expected = r"A\[L\] has shape \(1, 5\) but the last cache holds Z\[2\] of shape \(3, 5\)"
    else:
        caches.append(caches[-1])  # a fourth cache, whose A_prev (3, 5) is not Z[3] (1, 5)
        expected = "the caches must come from one forward pass"
    with pytest.raises(ValueError, match=expected):
        L_model_backward(AL, Y, caches)


def test_the_courses_caches_give_the_same_gradients():
    parameters, X, Y = two_layers()
    AL, caches = L_model_forward(X, parameters)
    course = [((c.A_prev, c.W, c.b), c.Z) for c in caches]  # the course's layout
    expected = L_model_backward(AL, Y, caches)
    got = L_model_backward(AL, Y, course)
    assert got.keys() == expected.keys()
    assert all(np.array_equal(got[k], expected[k]) for k in expected)
