"""The exercises' checker: right solutions pass, each mistake is named, the rest is reported.

Every mistake function below is written by hand, as a learner would write it
(some with loops, some with einsum), with just one mistake; none is taken from
the checker's own table of variants.
"""

import math
import re
from pathlib import Path

import exercise_solutions as sol
import numpy as np
import pytest

import dnn_textbook
from dnn_textbook import _i18n
from dnn_textbook.course_helpers import relu, relu_backward, sigmoid, sigmoid_backward
from dnn_textbook.exercises import EXERCISES, MISTAKES, cases, check, example, mistakes, reference
from dnn_textbook.exercises.compare import difference

ROOT = Path(__file__).resolve().parents[1]


# ---------------------------------------------------------------- one mistake each


def init_zeros(layer_dims):
    return {
        k: np.zeros((layer_dims[l], layer_dims[l - 1] if k[0] == "W" else 1))
        for l in range(1, len(layer_dims))
        for k in ("W" + str(l), "b" + str(l))
    }


def init_transposed(layer_dims):
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l - 1], layer_dims[l]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def init_no_scale(layer_dims):  # the course's seed and randn, without * 0.01
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def init_rand(layer_dims):  # uniform on [0, 1), all positive
    np.random.seed(3)
    return {
        k: np.random.rand(layer_dims[l], layer_dims[l - 1]) * 0.01
        if k[0] == "W"
        else np.zeros((layer_dims[l], 1))
        for l in range(1, len(layer_dims))
        for k in ("W" + str(l), "b" + str(l))
    }


def init_b_not_zero(layer_dims):
    rng = np.random.default_rng(1)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) * 0.01
        parameters[f"b{l}"] = rng.standard_normal((layer_dims[l], 1)) * 0.01
    return parameters


def forward_no_bias(A, W, b):  # a loop over the examples
    Z = np.zeros((W.shape[0], A.shape[1]))
    for i in range(A.shape[1]):
        Z[:, i] = W @ A[:, i]
    return Z, (A, W, b)


def forward_elementwise(A, W, b):
    return W * A + b, (A, W, b)


def activation_swapped(A_prev, W, b, activation):
    Z, linear_cache = sol.linear_forward(A_prev, W, b)
    A, activation_cache = relu(Z) if activation == "sigmoid" else sigmoid(Z)
    return A, (linear_cache, activation_cache)


def activation_missing(A_prev, W, b, activation):
    Z = np.einsum("ij,jk->ik", W, A_prev) + b
    return Z, ((A_prev, W, b), Z)


def _chain(X, parameters, hidden, output):
    caches, A, L = [], X, len(parameters) // 2
    for l in range(1, L):
        A, cache = sol.linear_activation_forward(
            A, parameters["W" + str(l)], parameters["b" + str(l)], hidden
        )
        caches.append(cache)
    AL, cache = sol.linear_activation_forward(A, parameters[f"W{L}"], parameters[f"b{L}"], output)
    return AL, caches + [cache]


def output_relu(X, parameters):
    return _chain(X, parameters, "relu", "relu")


def hidden_sigmoid(X, parameters):
    return _chain(X, parameters, "sigmoid", "sigmoid")


def cost_no_mean(AL, Y):  # a loop over the examples
    return -sum(
        y * math.log(a) + (1 - y) * math.log(1 - a) for a, y in zip(AL[0], Y[0], strict=True)
    )


def cost_sign(AL, Y):
    return float(np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))


def cost_missing_term(AL, Y):
    return np.squeeze(-np.sum(Y * np.log(AL)) / Y.shape[1])


def cost_not_scalar(AL, Y):
    m = Y.shape[1]
    return -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m


def dW_no_1_over_m(dZ, cache):
    A_prev, W, b = cache
    dW = np.einsum("ik,jk->ij", dZ, A_prev)
    return W.T @ dZ, dW, dZ.mean(axis=1, keepdims=True)


def db_no_1_over_m(dZ, cache):
    A_prev, W, b = cache
    db = np.zeros((dZ.shape[0], 1))
    for i in range(dZ.shape[1]):
        db[:, 0] += dZ[:, i]
    return W.T @ dZ, dZ @ A_prev.T / A_prev.shape[1], db


def db_no_keepdims(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return np.dot(W.T, dZ), np.dot(dZ, A_prev.T) / m, np.sum(dZ, axis=1) / m


def db_wrong_axis(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return np.dot(W.T, dZ), np.dot(dZ, A_prev.T) / m, np.sum(dZ, axis=0, keepdims=True) / m


def dW_no_transpose(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return np.dot(W.T, dZ), np.dot(dZ, A_prev) / m, np.sum(dZ, axis=1, keepdims=True) / m


def dA_prev_no_transpose(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return np.dot(W, dZ), np.dot(dZ, A_prev.T) / m, np.sum(dZ, axis=1, keepdims=True) / m


def dA_prev_with_1_over_m(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return np.dot(W.T, dZ) / m, np.dot(dZ, A_prev.T) / m, np.sum(dZ, axis=1, keepdims=True) / m


def g_prime_missing(dA, cache, activation):
    linear_cache, activation_cache = cache
    return sol.linear_backward(dA, linear_cache)


def g_prime_of_A(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        return sol.linear_backward(relu_backward(dA, relu(Z)[0]), linear_cache)
    return sol.linear_backward(sigmoid_backward(dA, sigmoid(Z)[0]), linear_cache)


def sigmoid_prime_wrong(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        return sol.linear_backward(relu_backward(dA, Z), linear_cache)
    return sol.linear_backward(dA * (1 / (1 + np.exp(-Z))), linear_cache)


def relu_prime_wrong(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "sigmoid":
        return sol.linear_backward(sigmoid_backward(dA, Z), linear_cache)
    dZ = np.zeros_like(dA)
    for (i, j), z in np.ndenumerate(Z):
        dZ[i, j] = dA[i, j] * max(z, 0.0)
    return sol.linear_backward(dZ, linear_cache)


def _backward(AL, Y, caches, dAL, offset=0):
    grads, L = {}, len(caches)
    grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = sol.linear_activation_backward(
        dAL, caches[L - 1], "sigmoid"
    )
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = sol.linear_activation_backward(
            grads[f"dA{l + 1}"], caches[l + offset], "relu"
        )
        grads[f"dA{l}"], grads[f"dW{l + 1}"], grads[f"db{l + 1}"] = dA_prev, dW, db
    return grads


def seed_sign(AL, Y, caches):
    return _backward(AL, Y, caches, np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))


def seed_missing_term(AL, Y, caches):
    return _backward(AL, Y, caches, -np.divide(Y, AL))


def cache_off_by_one(AL, Y, caches):
    return _backward(AL, Y, caches, -(Y / AL - (1 - Y) / (1 - AL)), offset=1)


def update_sign(parameters, grads, learning_rate):
    return {k: v + learning_rate * grads["d" + k] for k, v in parameters.items()}


def update_skips_layer(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L):
        parameters[f"W{l}"] = parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        parameters[f"b{l}"] = parameters[f"b{l}"] - learning_rate * grads[f"db{l}"]
    return parameters


ONE_MISTAKE = {
    "init-zeros": ("initialize_parameters_deep", init_zeros),
    "init-transposed": ("initialize_parameters_deep", init_transposed),
    "init-b-not-zero": ("initialize_parameters_deep", init_b_not_zero),
    "init-no-scale": ("initialize_parameters_deep", init_no_scale),
    "init-rand": ("initialize_parameters_deep", init_rand),
    "forward-no-bias": ("linear_forward", forward_no_bias),
    "forward-elementwise": ("linear_forward", forward_elementwise),
    "activation-swapped": ("linear_activation_forward", activation_swapped),
    "activation-missing": ("linear_activation_forward", activation_missing),
    "output-relu": ("L_model_forward", output_relu),
    "hidden-sigmoid": ("L_model_forward", hidden_sigmoid),
    "cost-no-mean": ("compute_cost", cost_no_mean),
    "cost-sign": ("compute_cost", cost_sign),
    "cost-missing-term": ("compute_cost", cost_missing_term),
    "cost-not-scalar": ("compute_cost", cost_not_scalar),
    "dW-no-1/m": ("linear_backward", dW_no_1_over_m),
    "db-no-1/m": ("linear_backward", db_no_1_over_m),
    "db-no-keepdims": ("linear_backward", db_no_keepdims),
    "db-wrong-axis": ("linear_backward", db_wrong_axis),
    "dW-no-transpose": ("linear_backward", dW_no_transpose),
    "dA-prev-no-transpose": ("linear_backward", dA_prev_no_transpose),
    "dA-prev-with-1/m": ("linear_backward", dA_prev_with_1_over_m),
    "g-prime-missing": ("linear_activation_backward", g_prime_missing),
    "g-prime-of-A": ("linear_activation_backward", g_prime_of_A),
    "sigmoid-prime-wrong": ("linear_activation_backward", sigmoid_prime_wrong),
    "relu-prime-wrong": ("linear_activation_backward", relu_prime_wrong),
    "seed-sign": ("L_model_backward", seed_sign),
    "seed-missing-term": ("L_model_backward", seed_missing_term),
    "cache-off-by-one": ("L_model_backward", cache_off_by_one),
    "update-sign": ("update_parameters", update_sign),
    "update-skips-layer": ("update_parameters", update_skips_layer),
}


def test_the_issue_s_mistakes_are_all_known_and_each_has_a_function_here():
    """Each mistake has a function here, or a learner of tests/test_exercises_learners.py."""
    from test_exercises_learners import SUBMISSIONS

    learners = {one for _, _, _, expect in SUBMISSIONS for one in expect.get("mistake", ())}
    assert set(ONE_MISTAKE) | learners == set(MISTAKES)
    assert len(MISTAKES) == 46


@pytest.mark.parametrize("mistake", sorted(ONE_MISTAKE))
def test_a_function_with_one_mistake_fails_and_gets_its_id(mistake):
    name, fn = ONE_MISTAKE[mistake]
    result = check(name, fn)
    assert not result.passed
    assert result.mistakes == (mistake,), str(result)
    report = str(result)
    assert f"Mistake {mistake}: " in report
    assert MISTAKES[mistake].title in report
    with pytest.raises(AssertionError, match=re.escape(mistake)):
        result.raise_for_failure()


# ------------------------------------------------------------- right, written otherwise


def init_he(layer_dims):
    rng = np.random.default_rng(0)
    return {
        k: (
            rng.standard_normal((layer_dims[l], layer_dims[l - 1])) / np.sqrt(layer_dims[l - 1])
            if k[0] == "W"
            else np.zeros((layer_dims[l], 1))
        )
        for l in range(1, len(layer_dims))
        for k in ("W" + str(l), "b" + str(l))
    }


def init_float32(layer_dims):
    np.random.seed(1)
    parameters = {}
    for l in range(1, len(layer_dims)):
        W = np.random.randn(layer_dims[l], layer_dims[l - 1]) * np.sqrt(2 / layer_dims[l - 1])
        parameters[f"W{l}"] = W.astype(np.float32)
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1), dtype=np.float32)
    return parameters


def forward_matmul(A, W, b):
    return W @ A + b, (A, W, b)


def forward_einsum(A, W, b):
    return np.einsum("ij,jk->ik", W, A) + b, (A, W, b)


def forward_loop(A, W, b):
    Z = np.empty((W.shape[0], A.shape[1]))
    for i in range(A.shape[1]):
        Z[:, i] = W @ A[:, i] + b[:, 0]
    return Z, (A, W, b)


def forward_float32(A, W, b):
    return (np.dot(W, A) + b).astype(np.float32), (A, W, b)


def activation_inline(A_prev, W, b, activation):
    Z = W @ A_prev + b
    A = np.maximum(Z, 0) if activation == "relu" else 1 / (1 + np.exp(-Z))
    return A, ((A_prev, W, b), Z)


def activation_with_own_forward(A_prev, W, b, activation):
    Z, linear_cache = forward_loop(A_prev, W, b)
    A = np.where(Z > 0, Z, 0.0) if activation == "relu" else np.exp(Z) / (1 + np.exp(Z))
    return A, (linear_cache, Z)


def activation_tuple_of_lists(A_prev, W, b, activation):
    Z, linear_cache = sol.linear_forward(A_prev, W, b)
    A, activation_cache = {"relu": relu, "sigmoid": sigmoid}[activation](Z)
    return A, [linear_cache, activation_cache]


def model_while(X, parameters):
    caches, A, l, L = [], X, 1, len(parameters) // 2
    while l < L:
        A, cache = activation_inline(A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
        caches.append(cache)
        l += 1
    AL, cache = activation_inline(A, parameters[f"W{L}"], parameters[f"b{L}"], "sigmoid")
    return AL, caches + [cache]


def model_activations_list(X, parameters):
    L = len(parameters) // 2
    caches, A = [], X
    for l, g in enumerate(["relu"] * (L - 1) + ["sigmoid"], start=1):
        A, cache = activation_with_own_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], g)
        caches.append(cache)
    return A, tuple(caches)


def cost_float(AL, Y):
    return float(-np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))


def cost_loop(AL, Y):
    m = Y.shape[1]
    total = 0.0
    for i in range(m):
        a, y = AL[0, i], Y[0, i]
        total += -(y * math.log(a) + (1 - y) * math.log(1 - a))
    return total / m


def cost_dot_squeezed(AL, Y):
    m = Y.shape[1]
    cost = -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m
    return np.squeeze(cost)


def backward_matmul(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, dZ.sum(axis=1, keepdims=True) / m


def backward_einsum(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.einsum("ik,jk->ij", dZ, A_prev) / m
    return np.einsum("ji,jk->ik", W, dZ), dW, np.mean(dZ, axis=1, keepdims=True)


def backward_loop(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW, db = np.zeros(W.shape), np.zeros(b.shape)
    dA_prev = np.zeros(A_prev.shape)
    for i in range(m):
        dW += np.outer(dZ[:, i], A_prev[:, i]) / m
        db[:, 0] += dZ[:, i] / m
        dA_prev[:, i] = W.T @ dZ[:, i]
    return dA_prev, dW, db


def backward_float32(dZ, cache):
    return tuple(x.astype(np.float32) for x in sol.linear_backward(dZ, cache))


def activation_backward_inline(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = dA * (Z > 0)
    else:
        s = 1 / (1 + np.exp(-Z))
        dZ = dA * s * (1 - s)
    return backward_matmul(dZ, linear_cache)


def activation_backward_where(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = np.where(Z > 0, dA, 0.0)
    else:
        A = sigmoid(Z)[0]
        dZ = dA * A * (1 - A)  # sigma'(Z) written with A = sigma(Z): right
    return backward_loop(dZ, linear_cache)


def activation_backward_einsum(dA, cache, activation):
    (A_prev, W, b), Z = cache
    dZ = relu_backward(dA, Z) if activation == "relu" else sigmoid_backward(dA, Z)
    return backward_einsum(dZ, (A_prev, W, b))


def model_backward_2017(AL, Y, caches):
    grads, L = {}, len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L)], grads["dW" + str(L)], grads["db" + str(L)] = (
        sol.linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    )
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = sol.linear_activation_backward(
            grads["dA" + str(l + 2)], caches[l], "relu"
        )
        grads["dA" + str(l + 1)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = (
            dA_prev,
            dW,
            db,
        )
    return grads


def model_backward_fused(AL, Y, caches):
    grads, L = {}, len(caches)
    dZ = AL - Y  # the seed times sigma'(Z[L]), in one step
    grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = backward_einsum(dZ, caches[-1][0])
    for l in range(L - 1, 0, -1):
        dA_prev, dW, db = activation_backward_inline(grads[f"dA{l}"], caches[l - 1], "relu")
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = dA_prev, dW, db
    return grads


def model_backward_own_helpers(AL, Y, caches):
    return _backward(AL, Y, caches, -(Y / AL - (1 - Y) / (1 - AL)))


def update_in_place(parameters, grads, learning_rate):
    for key in parameters:
        parameters[key] -= learning_rate * grads["d" + key]
    return parameters


def update_new_dict(parameters, grads, learning_rate):
    return {k: v - learning_rate * grads["d" + k] for k, v in parameters.items()}


def update_float32(parameters, grads, learning_rate):
    return {
        k: (v - learning_rate * grads["d" + k]).astype(np.float32) for k, v in parameters.items()
    }


RIGHT = {
    "initialize_parameters_deep": [sol.initialize_parameters_deep, init_he, init_float32],
    "linear_forward": [forward_matmul, forward_einsum, forward_loop, forward_float32],
    "linear_activation_forward": [
        activation_inline,
        activation_with_own_forward,
        activation_tuple_of_lists,
    ],
    "L_model_forward": [model_while, model_activations_list, sol.L_model_forward],
    "compute_cost": [cost_float, cost_loop, cost_dot_squeezed],
    "linear_backward": [backward_matmul, backward_einsum, backward_loop, backward_float32],
    "linear_activation_backward": [
        activation_backward_inline,
        activation_backward_where,
        activation_backward_einsum,
    ],
    "L_model_backward": [model_backward_2017, model_backward_fused, model_backward_own_helpers],
    "update_parameters": [update_in_place, update_new_dict, update_float32],
}
RIGHT_CASES = [(name, fn) for name, fns in RIGHT.items() for fn in fns]


@pytest.mark.parametrize("name", EXERCISES)
def test_the_course_s_solution_passes(name):
    result = check(name, sol.SOLUTIONS[name])
    assert result.passed, str(result)
    assert result.mistakes == ()
    result.raise_for_failure()
    assert str(result).count("✓") == len(cases.cases(name)) >= 3


@pytest.mark.parametrize("name, fn", RIGHT_CASES, ids=[f.__name__ for _, f in RIGHT_CASES])
def test_a_right_function_written_otherwise_passes(name, fn):
    result = check(name, fn)
    assert result.passed, str(result)
    assert result.mistakes == ()


def test_the_2017_dA_keys_are_accepted_with_a_note():
    report = str(check("L_model_backward", model_backward_2017))
    assert "Note: " in report and "2017" in report
    assert "2017" not in str(check("L_model_backward", sol.L_model_backward))


# ------------------------------------------------------------- stubs, errors, the rest


@pytest.mark.parametrize("name", EXERCISES)
def test_a_stub_is_not_written_yet(name):
    def stub(*args):
        raise NotImplementedError

    result = check(name, stub)
    assert not result.passed and result.mistakes == ()
    assert str(result).count("not written yet") == len(cases.cases(name))


def test_another_exception_is_reported_with_its_type_message_and_input_shapes():
    def broken(dZ, cache):
        raise ValueError("shapes (2,3) and (2,2) not aligned")

    report = str(check("linear_backward", broken))
    assert "raised ValueError: shapes (2,3) and (2,2) not aligned" in report
    assert "(inputs: dZ (2, 2), cache ((3, 2), (2, 3), (2, 1)))" in report


def test_unrelated_wrong_code_gets_the_first_differing_entry_and_no_mistake_id():
    def plus_one(A, W, b):
        return np.dot(W, A) + b + 1, (A, W, b)

    result = check("linear_forward", plus_one)
    assert not result.passed and result.mistakes == ()
    assert "Z[0, 0]: expected 1.0, got 2.0 (shape (3, 2), dtype float64)" in str(result)


def test_a_wrong_return_shape_is_named():
    def no_cache(A, W, b):
        return np.dot(W, A) + b

    assert "expected a tuple of 2, got an array of shape (3, 2)" in str(
        check("linear_forward", no_cache)
    )


def test_a_wrong_name_lists_the_exercises_and_a_non_function_is_a_type_error():
    with pytest.raises(ValueError, match="linear_backward, linear_activation_backward"):
        check("linear_backwards", sol.linear_backward)
    with pytest.raises(TypeError, match="check needs a function"):
        check("linear_backward", "def linear_backward(dZ, cache): ...")


def test_check_keeps_the_random_state_and_the_inputs_of_its_cases():
    np.random.seed(0)
    expected = np.random.rand()
    np.random.seed(0)
    check("initialize_parameters_deep", sol.initialize_parameters_deep)
    check("update_parameters", update_in_place)
    assert np.random.rand() == expected
    assert check("update_parameters", sol.update_parameters).passed


def test_the_html_table_links_the_section_of_the_book():
    html = check("linear_backward", db_no_keepdims)._repr_html_()
    assert html.count("<tr>") == 1 + len(cases.cases("linear_backward"))
    # an address that works wherever the notebook was opened, downloaded or moved
    book = "https://dnn-textbook.github.io/dnn_textbook/"
    assert f'<a href="{book}en/backward.html#the-vectorized-step">' in html
    assert "db-no-keepdims" in html


# ------------------------------------------------------------- the cases themselves


def test_the_first_case_is_the_worked_example_worked_by_hand():
    args, expected = example("linear_backward")
    dA_prev, dW, db = expected
    np.testing.assert_array_equal(db, [[-0.25], [0.0]])
    assert example("compute_cost").expected == pytest.approx(math.log(2))
    assert example("initialize_parameters_deep") == (([5, 4, 3],), {
        "W1": (4, 5), "b1": (4, 1), "W2": (3, 4), "b2": (3, 1)})  # fmt: skip
    for name in EXERCISES[1:]:
        args, expected = example(name)
        assert difference(expected, sol.SOLUTIONS[name](*args), name) is None


def _library_cache(cache):
    (A_prev, W, b), Z = cache
    return dnn_textbook.Cache(A_prev, W, b, Z)


@pytest.mark.parametrize("name", EXERCISES[1:])
def test_every_case_s_expected_values_agree_with_the_library(name):
    """The expected outputs, by hand or by the course's formulas, against the library's code."""
    for case in cases.cases(name):
        args = case.args
        want = case.expected if case.expected is not None else reference.REFERENCES[name](*args)
        if name == "linear_forward":
            np.testing.assert_allclose(want[0], dnn_textbook.linear_forward(*args)[0])
        elif name == "linear_activation_forward":
            np.testing.assert_allclose(want[0], dnn_textbook.linear_activation_forward(*args)[0])
        elif name == "L_model_forward":
            AL, caches = dnn_textbook.L_model_forward(*args)
            np.testing.assert_allclose(want[0], AL)
            for mine, theirs in zip(want[1], caches, strict=True):
                np.testing.assert_allclose(mine[1], theirs.Z)
        elif name == "compute_cost":
            assert want == pytest.approx(dnn_textbook.compute_cost(*args))
        elif name == "linear_backward":
            dZ, (A_prev, W, b) = args
            got = dnn_textbook.linear_backward(dZ, dnn_textbook.Cache(A_prev, W, b, dZ))
            for mine, theirs in zip(want, got, strict=True):
                np.testing.assert_allclose(mine, theirs)
        elif name == "linear_activation_backward":
            dA, cache, g = args
            got = dnn_textbook.linear_activation_backward(dA, _library_cache(cache), g)
            for mine, theirs in zip(want, got, strict=True):
                np.testing.assert_allclose(mine, theirs)
        elif name == "L_model_backward":
            AL, Y, caches = args
            got = dnn_textbook.L_model_backward(
                AL, Y, [_library_cache(c) for c in caches], compute_dA0=True
            )
            assert set(got) <= set(want)
            for key, value in got.items():
                np.testing.assert_allclose(want[key], value, atol=1e-12)
        elif name == "update_parameters":
            got = dnn_textbook.update_parameters(*args)
            for key, value in got.items():
                np.testing.assert_allclose(want[key], value)


def test_the_cases_tell_every_variant_from_the_right_answer_and_from_each_other():
    from dnn_textbook.exercises.compare import Raised, run, same

    for name in EXERCISES[1:]:
        all_cases = cases.cases(name)
        right = [run(reference.REFERENCES[name], c.args) for c in all_cases]
        outs = {
            v: [run(reference.REFERENCES[name], c.args + ((v,),)) for c in all_cases]
            for v in reference.VARIANTS[name]
        }
        for variant, out in outs.items():
            assert any(
                not isinstance(o, Raised) and not (same(o, r) and same(r, o))
                for o, r in zip(out, right, strict=True)
            ), (
                name,
                variant,
            )
            for other, out2 in outs.items():
                if mistakes.mistake_id(other) != mistakes.mistake_id(variant):
                    assert not all(
                        same(a, b) and same(b, a) for a, b in zip(out, out2, strict=True)
                    ), (
                        variant,
                        other,
                    )


def _slug(title):
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def test_every_section_a_mistake_points_to_exists_in_the_book():
    for doc, anchor in {m.section for m in MISTAKES.values()}:
        text = (ROOT / "docs" / f"{doc}.rst").read_text(encoding="utf-8")
        titles = re.findall(r"^(.+)\n[-=~^]{3,}$", text, flags=re.MULTILINE)
        assert anchor in {_slug(t) for t in titles}, (doc, anchor)
        title = mistakes.SECTIONS[(doc, anchor)]
        assert title.split(": ", 1)[1] in titles and title.split(": ", 1)[0] in titles


def test_every_sentence_of_a_report_goes_through_the_catalog(monkeypatch):
    """With a translation that marks what it translates, no line of a report is left unmarked."""

    class Marked:
        def gettext(self, message):
            return "§" + message

        def ngettext(self, singular, plural, n):
            return "§" + (singular if n == 1 else plural)

    monkeypatch.setattr(_i18n, "_translation", lambda: Marked())
    for name, fn in (
        ("linear_backward", db_no_keepdims),
        ("L_model_backward", model_backward_2017),
    ):
        result = check(name, fn)
        for line in filter(None, str(result).splitlines()):
            assert "§" in line, line
        assert "§" in result._repr_html_()
    with pytest.raises(ValueError, match="§"):
        check("nope", sol.linear_forward)


# ------------------------------------------------------------- beyond one function, one mistake


def test_two_mistakes_at_once_are_both_named():
    def no_1_over_m(dZ, cache):  # neither dW nor db divides by m
        A_prev, W, b = cache
        return W.T @ dZ, dZ @ A_prev.T, dZ.sum(axis=1, keepdims=True)

    assert check("linear_backward", no_1_over_m).mistakes == ("dW-no-1/m", "db-no-1/m")


def test_a_mistake_in_one_branch_only_is_named():
    def sigmoid_without_slope(dA, cache, activation):
        linear_cache, Z = cache
        dZ = relu_backward(dA, Z) if activation == "relu" else dA
        return sol.linear_backward(dZ, linear_cache)

    result = check("linear_activation_backward", sigmoid_without_slope)
    assert result.mistakes == ("g-prime-missing",)
    assert "✓ case 1" in str(result) and "✗ case 2" in str(result)


def test_a_mistake_of_a_step_is_named_in_the_exercise_that_calls_it():
    def L_model_backward(AL, Y, caches):  # calls a linear_backward that forgets keepdims
        grads, L = {}, len(caches)
        dA = -(Y / AL - (1 - Y) / (1 - AL))
        for l in reversed(range(L)):
            linear_cache, Z = caches[l]
            dZ = sigmoid_backward(dA, Z) if l == L - 1 else relu_backward(dA, Z)
            dA, grads[f"dW{l + 1}"], grads[f"db{l + 1}"] = db_no_keepdims(dZ, linear_cache)
            grads[f"dA{l}"] = dA
        return grads

    assert check("L_model_backward", L_model_backward).mistakes == ("db-no-keepdims",)

    def L_model_forward(X, parameters):  # calls a linear_forward without b
        A, caches, L = X, [], len(parameters) // 2
        for l in range(1, L + 1):
            W, b = parameters[f"W{l}"], parameters[f"b{l}"]
            Z, linear_cache = forward_no_bias(A, W, b)
            A, activation_cache = sigmoid(Z) if l == L else relu(Z)
            caches.append((linear_cache, activation_cache))
        return A, caches

    assert check("L_model_forward", L_model_forward).mistakes == ("forward-no-bias",)


def test_skipping_the_first_layer_is_skipping_a_layer_too():
    def update(parameters, grads, learning_rate):
        L = len(parameters) // 2
        for l in range(1, L):  # the keys of l + 1: layer 1 is never updated
            parameters["W" + str(l + 1)] -= learning_rate * grads["dW" + str(l + 1)]
            parameters["b" + str(l + 1)] -= learning_rate * grads["db" + str(l + 1)]
        return parameters

    assert check("update_parameters", update).mistakes == ("update-skips-layer",)


def test_a_wrong_cost_of_another_kind_gets_no_mistake_id():
    def squared_error(AL, Y):
        return float(np.mean((AL - Y) ** 2))

    result = check("compute_cost", squared_error)
    assert not result.passed and result.mistakes == ()
    assert "cost: expected 0.693147, got 0.25" in str(result)


@pytest.mark.parametrize("index", range(len(cases.cases("L_model_backward"))))
def test_the_expected_gradients_agree_with_finite_differences(index):
    """dW, db and dA0 of each case, against the change of the cost when one entry is nudged."""
    AL, Y, caches = cases.cases("L_model_backward")[index].args
    want = cases.cases("L_model_backward")[index].expected or reference.L_model_backward(
        AL, Y, caches
    )
    X = caches[0][0][0]
    values = {"X": X.copy()}
    for l, ((_, W, b), _) in enumerate(caches, start=1):
        values[f"W{l}"], values[f"b{l}"] = W.copy(), b.copy()

    def cost(nudged):
        parameters = {k: v for k, v in nudged.items() if k != "X"}
        return reference.compute_cost(reference.L_model_forward(nudged["X"], parameters)[0], Y)

    h = 1e-6
    for name, value in values.items():
        grad = want["dA0" if name == "X" else "d" + name]
        m = X.shape[1] if name == "X" else 1  # dA0 is m times the derivative of the cost
        for i in np.ndindex(value.shape):
            plus, minus = dict(values), dict(values)
            plus[name], minus[name] = value.copy(), value.copy()
            plus[name][i] += h
            minus[name][i] -= h
            estimate = m * (cost(plus) - cost(minus)) / (2 * h)
            assert estimate == pytest.approx(grad[i], abs=1e-6), (name, i)


def test_a_report_in_french_or_ukrainian_is_made_without_error():
    for language in ("fr", "uk"):
        dnn_textbook.set_language(language)
        try:
            result = check("linear_backward", db_no_keepdims)
        finally:
            dnn_textbook.set_language("en")
        assert result.mistakes == ("db-no-keepdims",)
        assert "(2, 1)" in str(result) and "db-no-keepdims" in result._repr_html_()


def _relu_layer_with(dZ_of):
    def linear_activation_backward(dA, cache, activation):
        linear_cache, Z = cache
        dZ = dZ_of(dA, Z) if activation == "relu" else sigmoid_backward(dA, Z)
        return sol.linear_backward(dZ, linear_cache)

    return linear_activation_backward


@pytest.mark.parametrize(
    "dZ_of",
    [
        lambda dA, Z: np.where(Z > 0, 0.0, dA),  # the slope inverted
        lambda dA, Z: dA * Z,  # Z taken for the slope
        lambda dA, Z: np.where(dA > 0, dA, 0.0),  # dA clipped, not Z
    ],
)
def test_other_wrong_slopes_of_relu_are_named_too(dZ_of):
    assert check("linear_activation_backward", _relu_layer_with(dZ_of)).mistakes == (
        "relu-prime-wrong",
    )


def test_the_slope_of_the_sigmoid_taken_with_Z_for_s_is_named():
    def linear_activation_backward(dA, cache, activation):
        linear_cache, Z = cache
        dZ = relu_backward(dA, Z) if activation == "relu" else dA * Z * (1 - Z)
        return sol.linear_backward(dZ, linear_cache)

    assert check("linear_activation_backward", linear_activation_backward).mistakes == (
        "sigmoid-prime-wrong",
    )


def test_the_cache_of_the_layer_before_is_a_cache_off_by_one_too():
    def L_model_backward(AL, Y, caches):
        grads, L = {}, len(caches)
        dAL = -(Y / AL - (1 - Y) / (1 - AL))
        grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = sol.linear_activation_backward(
            dAL, caches[L - 1], "sigmoid"
        )
        for l in reversed(range(L - 1)):
            grads[f"dA{l}"], grads[f"dW{l + 1}"], grads[f"db{l + 1}"] = (
                sol.linear_activation_backward(grads[f"dA{l + 1}"], caches[l - 1], "relu")
            )
        return grads

    result = check("L_model_backward", L_model_backward)
    assert result.mistakes == ("cache-off-by-one",)
    assert "raised" in str(result)  # where the wrong cache does not fit


def test_a_cost_without_the_mean_and_not_squeezed_gets_both_ids():
    def compute_cost(AL, Y):
        return -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T))

    assert check("compute_cost", compute_cost).mistakes == ("cost-no-mean", "cost-not-scalar")


def test_a_cost_without_the_minus_and_without_the_mean_gets_both_ids():
    def compute_cost(AL, Y):
        return float(np.sum(Y * np.log(AL)) + np.sum((1 - Y) * np.log(1 - AL)))

    assert check("compute_cost", compute_cost).mistakes == ("cost-no-mean", "cost-sign")


def test_a_mistake_made_in_one_layer_only_is_named():
    def L_model_forward(X, parameters):  # the output layer forgets its sigmoid
        A, caches, L = X, [], len(parameters) // 2
        for l in range(1, L + 1):
            W, b = parameters[f"W{l}"], parameters[f"b{l}"]
            Z = W @ A + b
            caches.append(((A, W, b), Z))
            A = Z if l == L else np.maximum(0, Z)
        return A, caches

    assert check("L_model_forward", L_model_forward).mistakes == ("activation-missing",)


def test_a_mistake_made_for_one_parameter_only_is_named():
    def update_parameters(parameters, grads, learning_rate):
        return {
            k: v - learning_rate * grads["d" + k]
            if k[0] == "W"
            else v + learning_rate * grads["d" + k]
            for k, v in parameters.items()
        }

    assert check("update_parameters", update_parameters).mistakes == ("update-sign",)


def test_the_sigmoid_in_one_hidden_layer_is_hidden_sigmoid_not_activations_swapped():
    def L_model_forward(X, parameters):
        A, caches, L = X, [], len(parameters) // 2
        for l in range(1, L + 1):
            A, cache = sol.linear_activation_forward(
                A, parameters[f"W{l}"], parameters[f"b{l}"], "sigmoid" if l in (1, L) else "relu"
            )
            caches.append(cache)
        return A, caches

    assert check("L_model_forward", L_model_forward).mistakes == ("hidden-sigmoid",)


def test_the_caches_read_in_the_forward_order_are_a_cache_off_by_one():
    def L_model_backward(AL, Y, caches):
        grads, L = {}, len(caches)
        dA = -(Y / AL - (1 - Y) / (1 - AL))
        for l, cache in zip(range(L, 0, -1), caches, strict=True):
            activation = "sigmoid" if l == L else "relu"
            dA, grads[f"dW{l}"], grads[f"db{l}"] = sol.linear_activation_backward(
                dA, cache, activation
            )
            grads[f"dA{l - 1}"] = dA
        return grads

    assert check("L_model_backward", L_model_backward).mistakes == ("cache-off-by-one",)


@pytest.mark.parametrize(
    "activation, dZ_of",
    [
        ("sigmoid", lambda dA, Z: dA * sigmoid(Z)[0] * (1 + sigmoid(Z)[0])),
        ("sigmoid", lambda dA, Z: dA * (1 - sigmoid(Z)[0] ** 2)),
        ("relu", lambda dA, Z: dA * np.sign(Z)),
    ],
)
def test_any_wrong_slope_is_named_from_the_dZ_the_outputs_imply(activation, dZ_of):
    def linear_activation_backward(dA, cache, g):
        linear_cache, Z = cache
        if g == activation:
            return sol.linear_backward(dZ_of(dA, Z), linear_cache)
        return sol.linear_activation_backward(dA, cache, g)

    result = check("linear_activation_backward", linear_activation_backward)
    assert result.mistakes == (activation + "-prime-wrong",)


def test_a_wrong_linear_step_after_a_wrong_slope_names_no_slope():
    def linear_activation_backward(dA, cache, activation):
        (A_prev, W, b), Z = cache
        dZ = dA * np.sign(Z) if activation == "relu" else sigmoid_backward(dA, Z)
        return W.T @ dZ, dZ @ A_prev.T / A_prev.shape[1], dZ.sum(axis=1, keepdims=True) / 2

    assert check("linear_activation_backward", linear_activation_backward).mistakes == ()


def test_a_stub_called_by_a_written_function_is_named():
    def linear_activation_forward(A_prev, W, b, activation):
        raise NotImplementedError

    def L_model_forward(X, parameters):
        return linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")

    report = str(check("L_model_forward", L_model_forward))
    assert "linear_activation_forward, which it calls, is not written yet" in report
    assert "inputs: X (2, 2)" in report


def test_an_exception_without_a_message_is_reported_by_its_type():
    def linear_backward(dZ, cache):
        return {}["dW"]

    report = str(check("linear_backward", linear_backward))
    assert "raised KeyError: 'dW' (inputs:" in report

    def linear_forward(A, W, b):
        raise KeyError

    report = str(check("linear_forward", linear_forward))
    assert "raised KeyError (inputs: A (2, 2)" in report and ":  (" not in report


def test_a_wrong_entry_of_a_2017_grads_is_reported_under_the_learner_s_key():
    def L_model_backward(AL, Y, caches):
        grads = model_backward_2017(AL, Y, caches)
        grads["dA1"] = -grads["dA1"]  # dA[0], under the 2017 key
        return grads

    report = str(check("L_model_backward", L_model_backward))
    assert "grads['dA1'][0, 0]: expected -0.5, got 0.5" in report, report
    assert "grads['dA0']" not in report, report


def test_a_list_too_short_is_asked_to_be_a_list():
    def L_model_forward(X, parameters):
        AL, caches = sol.L_model_forward(X, parameters)
        return AL, caches[:-1]

    report = str(check("L_model_forward", L_model_forward))
    assert "caches: expected a list of 3, got a list of 2" in report, report


def test_an_entry_by_entry_loop_that_returns_where_W_times_A_raises_is_forward_elementwise():
    def linear_forward(A, W, b):
        Z = np.zeros(W.shape)
        for j in range(W.shape[0]):
            for k in range(W.shape[1]):
                Z[j, k] = W[j, k] * A[j, k] + b[j, 0]
        return Z, (A, W, b)

    assert check("linear_forward", linear_forward).mistakes == ("forward-elementwise",)


def test_einsum_broadcasting_W_dZ_where_np_dot_raises_is_dA_prev_no_transpose():
    def linear_backward(dZ, cache):
        A_prev, W, b = cache
        m = A_prev.shape[1]
        dA_prev = np.einsum("ij,jk->ik", W, dZ)  # broadcasts a size-1 axis of W
        return dA_prev, dZ @ A_prev.T / m, dZ.mean(axis=1, keepdims=True)

    assert check("linear_backward", linear_backward).mistakes == ("dA-prev-no-transpose",)


def test_a_function_right_where_the_variant_cannot_compute_does_not_make_that_mistake():
    def linear_forward(A, W, b):  # W * A + b only where the shapes are square
        Z = W @ A + b
        return (W * A + b if W.shape == A.shape else Z), (A, W, b)

    assert check("linear_forward", linear_forward).mistakes == ()


def test_a_float_is_printed_with_its_point_and_an_int_without():
    assert difference(1.05, 1.0, "cost") == "cost: expected 1.05, got 1.0"
    assert difference(1.05, 1, "cost") == "cost: expected 1.05, got 1"

    def linear_forward(A, W, b):
        return (W @ A + b).astype(int) + 1, (A, W, b)

    report = str(check("linear_forward", linear_forward))
    assert "Z[0, 0]: expected 1.0, got 2 (shape (3, 2), dtype int64)" in report, report


def test_a_key_missing_from_the_initial_parameters_is_named_with_the_parameters():
    def initialize_parameters_deep(layer_dims):
        parameters = sol.initialize_parameters_deep(layer_dims)
        del parameters["b1"]
        return parameters

    report = str(check("initialize_parameters_deep", initialize_parameters_deep))
    assert "parameters: the key 'b1' is missing" in report, report


def test_the_right_values_in_another_order_are_told_so():
    def linear_backward(dZ, cache):
        dA_prev, dW, db = sol.linear_backward(dZ, cache)
        return dW, db, dA_prev

    report = str(check("linear_backward", linear_backward))
    assert "the right values, in another order: the course returns dA_prev, dW, db" in report
