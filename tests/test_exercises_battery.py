"""An independent battery for :func:`dnn_textbook.exercises.check`.

Written from the public docstrings only, as learners would write their
functions: correct solutions in several styles (the course's ``np.dot``,
``@``, ``np.einsum``, loops over the examples or the units, the course's
helpers, the 2017 notebook), each listed mistake written at least twice
(vectorized, and with a loop or ``einsum``), other bugs that are not in the
list, and functions that raise.

A case the checker gets wrong is marked ``xfail(strict=True)`` with what it
does wrong: once the checker is fixed, the strict xfail fails, and the marker
is removed.
"""

import copy

import numpy as np
import pytest

from dnn_textbook import course_helpers as ch
from dnn_textbook import set_language
from dnn_textbook.exercises import MISTAKES, check, example

CASES = []


def case(exercise, style, kind, mistake=None, allowed=(), message=None):
    """Register a learner's function.

    kind: "pass" (correct), "mistake" (must name ``mistake``, and nothing but
    ``mistake`` and ``allowed``), "other" (must fail, naming nothing outside
    ``allowed``), "raises" (must fail and report ``message``).
    """

    def register(fn):
        required = (mistake,) if isinstance(mistake, str) else tuple(mistake or ())
        CASES.append((exercise, style, kind, required, frozenset(allowed), message, fn))
        return fn

    return register


# ----------------------------------------------------------------------------
# The learner's own activations (written as in the course's first week).


def my_sigmoid(Z):
    return 1 / (1 + np.exp(-Z))


def my_relu(Z):
    return np.maximum(0, Z)


# ----------------------------------------------------------------------------
# initialize_parameters_deep(layer_dims) -> parameters


@case("initialize_parameters_deep", "course 2017, randn * 0.01, seed 3", "pass")
def init_course(layer_dims):
    np.random.seed(3)
    parameters = {}
    L = len(layer_dims)
    for l in range(1, L):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@case("initialize_parameters_deep", "course's seed, randn without 0.01", "mistake", "init-no-scale")
def init_unscaled(layer_dims):
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@case("initialize_parameters_deep", "default_rng, no scale", "mistake", "init-no-scale")
def init_unscaled_rng(layer_dims):
    rng = np.random.default_rng(7)
    return {
        f"{k}{l}": rng.standard_normal((n, n_prev)) if k == "W" else np.zeros((n, 1))
        for l, (n_prev, n) in enumerate(zip(layer_dims, layer_dims[1:], strict=False), start=1)
        for k in "Wb"
    }


@case("initialize_parameters_deep", "np.random.rand * 0.01", "mistake", "init-rand")
def init_uniform(layer_dims):
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.rand(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@case("initialize_parameters_deep", "np.random.random_sample, no seed", "mistake", "init-rand")
def init_uniform_sample(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        shape = (layer_dims[l], layer_dims[l - 1])
        parameters["W" + str(l)] = np.random.random_sample(shape) / 50
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@case("initialize_parameters_deep", "randn / sqrt(n[l-1]), f-strings", "pass")
def init_sqrt(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        parameters[f"W{l}"] = np.random.randn(n, n_prev) / np.sqrt(n_prev)
        parameters[f"b{l}"] = np.zeros((n, 1))
    return parameters


@case("initialize_parameters_deep", "default_rng, zip over pairs of sizes", "pass")
def init_rng(layer_dims):
    rng = np.random.default_rng(0)
    parameters = {}
    for l, (n_prev, n) in enumerate(zip(layer_dims[:-1], layer_dims[1:]), start=1):  # noqa: B905
        parameters["W%d" % l] = rng.standard_normal((n, n_prev)) * 0.01  # noqa: UP031
        parameters["b%d" % l] = np.zeros(shape=(n, 1))  # noqa: UP031
    return parameters


@case("initialize_parameters_deep", "He, float32 arrays", "pass")
def init_he_float32(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        W = np.random.randn(n, n_prev) * np.sqrt(2 / n_prev)
        parameters["W" + str(l)] = W.astype(np.float32)
        parameters["b" + str(l)] = np.zeros((n, 1), dtype=np.float32)
    return parameters


@case("initialize_parameters_deep", "one dict comprehension", "pass")
def init_comprehension(layer_dims):
    L = len(layer_dims)
    return {
        key: value
        for l in range(1, L)
        for key, value in (
            (f"W{l}", 0.01 * np.random.randn(layer_dims[l], layer_dims[l - 1])),
            (f"b{l}", np.zeros((layer_dims[l], 1))),
        )
    }


@case("initialize_parameters_deep", "W all zeros", "mistake", "init-zeros")
def init_zeros(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.zeros((layer_dims[l], layer_dims[l - 1]))
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@case(
    "initialize_parameters_deep", "W zeros written with a loop over units", "mistake", "init-zeros"
)
def init_zeros_loop(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        rows = []
        for _ in range(layer_dims[l]):
            rows.append([0.0] * layer_dims[l - 1])
        parameters["W" + str(l)] = np.array(rows)
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@case("initialize_parameters_deep", "randn(n[l-1], n[l])", "mistake", "init-transposed")
def init_transposed(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l - 1], layer_dims[l]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@case("initialize_parameters_deep", "right W, then .T", "mistake", "init-transposed")
def init_transposed_T(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        W = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["W" + str(l)] = W.T
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@case("initialize_parameters_deep", "b random", "mistake", "init-b-not-zero")
def init_b_random(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.random.randn(layer_dims[l], 1) * 0.01
    return parameters


@case("initialize_parameters_deep", "b ones, loop over units", "mistake", "init-b-not-zero")
def init_b_ones(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.array([[1.0] for _ in range(layer_dims[l])])
    return parameters


@case(
    "initialize_parameters_deep",
    "b of shape (n,) (zeros(n))",
    "other",
    allowed={"init-b-not-zero"},
)
def init_b_flat(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros(layer_dims[l])
    return parameters


@case(
    "initialize_parameters_deep",
    "stops one layer short (range(1, L - 1))",
    "other",
    allowed={"update-skips-layer"},
)
def init_short(layer_dims):
    parameters = {}
    L = len(layer_dims)
    for l in range(1, L - 1):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@case("initialize_parameters_deep", "lower-case keys w1, b1", "other")
def init_lower_keys(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["w" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@case("initialize_parameters_deep", "pass left in place", "other")
def init_none(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):  # noqa: B007
        pass
    return parameters


@case(
    "initialize_parameters_deep",
    "W constant 0.01 (np.ones): every unit the same",
    "other",
    allowed={"init-zeros"},
)
def init_constant(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.ones((layer_dims[l], layer_dims[l - 1])) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@case(
    "initialize_parameters_deep",
    "b of the shape (n[l-1], 1)",
    "other",
    allowed={"init-b-not-zero"},
)
def init_b_prev_shape(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l - 1], 1))
    return parameters


@case(
    "initialize_parameters_deep", "b of the shape (1, n[l])", "other", allowed={"init-b-not-zero"}
)
def init_b_row(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((1, layer_dims[l]))
    return parameters


@case("initialize_parameters_deep", "NotImplementedError", "raises", message="not written yet")
def init_not_written(layer_dims):
    raise NotImplementedError


# ----------------------------------------------------------------------------
# linear_forward(A, W, b) -> Z, cache


@case("linear_forward", "course, np.dot", "pass")
def lf_course(A, W, b):
    Z = np.dot(W, A) + b
    cache = (A, W, b)
    return Z, cache


@case("linear_forward", "@", "pass")
def lf_matmul(A, W, b):
    return W @ A + b, (A, W, b)


@case("linear_forward", "einsum", "pass")
def lf_einsum(A, W, b):
    return np.einsum("ij,jk->ik", W, A) + b, (A, W, b)


@case("linear_forward", "loop over examples", "pass")
def lf_loop_examples(A, W, b):
    m = A.shape[1]
    Z = np.zeros((W.shape[0], m))
    for i in range(m):
        Z[:, i : i + 1] = np.dot(W, A[:, i : i + 1]) + b
    return Z, (A, W, b)


@case("linear_forward", "triple loop, list cache", "pass")
def lf_triple_loop(A, W, b):
    n, n_prev = W.shape
    m = A.shape[1]
    Z = np.zeros((n, m))
    for j in range(n):
        for i in range(m):
            s = b[j, 0]
            for k in range(n_prev):
                s += W[j, k] * A[k, i]
            Z[j, i] = s
    return Z, [A, W, b]


@case("linear_forward", "(A^T W^T)^T", "pass")
def lf_transposes(A, W, b):
    return np.dot(A.T, W.T).T + b, (A, W, b)


@case("linear_forward", "computed in float32", "pass")
def lf_float32(A, W, b):
    A, W, b = (x.astype(np.float32) for x in (A, W, b))
    return W @ A + b, (A, W, b)


@case("linear_forward", "np.dot, no b", "mistake", "forward-no-bias")
def lf_no_bias(A, W, b):
    return np.dot(W, A), (A, W, b)


@case("linear_forward", "einsum, no b", "mistake", "forward-no-bias")
def lf_no_bias_einsum(A, W, b):
    return np.einsum("ij,jk->ik", W, A), (A, W, b)


@case("linear_forward", "W * A + b", "mistake", "forward-elementwise")
def lf_elementwise(A, W, b):
    return W * A + b, (A, W, b)


@case("linear_forward", "entry by entry in a double loop", "mistake", "forward-elementwise")
def lf_elementwise_loop(A, W, b):
    Z = np.zeros(W.shape)
    for j in range(W.shape[0]):
        for k in range(W.shape[1]):
            Z[j, k] = W[j, k] * A[j, k] + b[j, 0]
    return Z, (A, W, b)


@case("linear_forward", "np.multiply(W, A) + b", "mistake", "forward-elementwise")
def lf_multiply(A, W, b):
    return np.multiply(W, A) + b, (A, W, b)


@case("linear_forward", "einsum 'ij,ij->ij'", "mistake", "forward-elementwise")
def lf_elementwise_einsum(A, W, b):
    return np.einsum("ij,ij->ij", W, A) + b, (A, W, b)


@case("linear_forward", "W A + 2 b (wrong constant)", "other")
def lf_two_b(A, W, b):
    return np.dot(W, A) + 2 * b, (A, W, b)


@case("linear_forward", "cache in the wrong order (W, A, b)", "other")
def lf_cache_order(A, W, b):
    return np.dot(W, A) + b, (W, A, b)


@case("linear_forward", "returns (cache, Z)", "other")
def lf_swapped_return(A, W, b):
    return (A, W, b), np.dot(W, A) + b


@case("linear_forward", "Z - b", "other", allowed={"forward-no-bias"})
def lf_minus_b(A, W, b):
    return np.dot(W, A) - b, (A, W, b)


@case("linear_forward", "forgets the return", "other")
def lf_no_return(A, W, b):
    Z = np.dot(W, A) + b  # noqa: F841


@case(
    "linear_forward",
    "asserts a square A: fails only when m != n",
    "raises",
    message="AssertionError: A should be square",
)
def lf_asserts(A, W, b):
    assert A.shape[0] == A.shape[1], "A should be square"
    return np.dot(W, A) + b, (A, W, b)


@case("linear_forward", "NotImplementedError", "raises", message="not written yet")
def lf_not_written(A, W, b):
    raise NotImplementedError("write me")


@case(
    "linear_forward",
    "a typo'd name: NameError",
    "raises",
    message="NameError: name 'A_prev' is not defined",
)
def lf_name_error(A, W, b):
    return np.dot(W, A_prev) + b, (A, W, b)  # noqa: F821


# ----------------------------------------------------------------------------
# linear_activation_forward(A_prev, W, b, activation) -> A, cache


@case("linear_activation_forward", "course, with the course's helpers", "pass")
def laf_course(A_prev, W, b, activation):
    if activation == "sigmoid":
        Z, linear_cache = lf_course(A_prev, W, b)
        A, activation_cache = ch.sigmoid(Z)
    elif activation == "relu":
        Z, linear_cache = lf_course(A_prev, W, b)
        A, activation_cache = ch.relu(Z)
    cache = (linear_cache, activation_cache)
    return A, cache


@case("linear_activation_forward", "own sigmoid/relu, @", "pass")
def laf_own(A_prev, W, b, activation):
    Z = W @ A_prev + b
    A = my_sigmoid(Z) if activation == "sigmoid" else my_relu(Z)
    return A, ((A_prev, W, b), Z)


@case("linear_activation_forward", "loops over units and examples, list cache", "pass")
def laf_loops(A_prev, W, b, activation):
    Z = lf_triple_loop(A_prev, W, b)[0]
    A = np.empty_like(Z)
    for j in range(Z.shape[0]):
        for i in range(Z.shape[1]):
            z = Z[j, i]
            if activation == "relu":
                A[j, i] = z if z > 0 else 0.0
            else:
                A[j, i] = 1.0 / (1.0 + np.exp(-z))
    return A, [(A_prev, W, b), Z]


@case("linear_activation_forward", "einsum, tanh form of the sigmoid", "pass")
def laf_tanh(A_prev, W, b, activation):
    Z = np.einsum("ij,jk->ik", W, A_prev) + b
    if activation == "sigmoid":
        A = 0.5 * (1 + np.tanh(Z / 2))
    else:
        A = Z * (Z > 0)
    return A, ((A_prev, W, b), Z)


@case("linear_activation_forward", "helpers swapped", "mistake", "activation-swapped")
def laf_swapped(A_prev, W, b, activation):
    Z, linear_cache = lf_course(A_prev, W, b)
    if activation == "sigmoid":
        A, activation_cache = ch.relu(Z)
    else:
        A, activation_cache = ch.sigmoid(Z)
    return A, (linear_cache, activation_cache)


@case("linear_activation_forward", "swapped, loops", "mistake", "activation-swapped")
def laf_swapped_loop(A_prev, W, b, activation):
    Z = lf_loop_examples(A_prev, W, b)[0]
    A = np.zeros_like(Z)
    for i in range(Z.shape[1]):
        if activation == "relu":
            A[:, i] = 1 / (1 + np.exp(-Z[:, i]))
        else:
            A[:, i] = np.maximum(Z[:, i], 0)
    return A, ((A_prev, W, b), Z)


@case("linear_activation_forward", "A = Z", "mistake", "activation-missing")
def laf_missing(A_prev, W, b, activation):
    Z, linear_cache = lf_course(A_prev, W, b)
    return Z, (linear_cache, Z)


@case("linear_activation_forward", "A = Z.copy() in a loop", "mistake", "activation-missing")
def laf_missing_loop(A_prev, W, b, activation):
    Z = lf_einsum(A_prev, W, b)[0]
    A = np.zeros_like(Z)
    for j in range(Z.shape[0]):
        A[j] = Z[j]
    return A, ((A_prev, W, b), Z)


@case("linear_activation_forward", "A = Z for the sigmoid only", "mistake", "activation-missing")
def laf_missing_sigmoid(A_prev, W, b, activation):
    Z = W @ A_prev + b
    A = Z if activation == "sigmoid" else my_relu(Z)
    return A, ((A_prev, W, b), Z)


@case("linear_activation_forward", "no b, via own linear_forward", "mistake", "forward-no-bias")
def laf_no_bias(A_prev, W, b, activation):
    Z, linear_cache = lf_no_bias(A_prev, W, b)
    A = my_sigmoid(Z) if activation == "sigmoid" else my_relu(Z)
    return A, (linear_cache, Z)


@case("linear_activation_forward", "no b, einsum inline", "mistake", "forward-no-bias")
def laf_no_bias_einsum(A_prev, W, b, activation):
    Z = np.einsum("ij,jk->ik", W, A_prev)
    A = my_sigmoid(Z) if activation == "sigmoid" else my_relu(Z)
    return A, ((A_prev, W, b), Z)


@case(
    "linear_activation_forward", "learner's linear_forward with *", "mistake", "forward-elementwise"
)
def laf_elementwise(A_prev, W, b, activation):
    Z, linear_cache = lf_multiply(A_prev, W, b)
    A = my_sigmoid(Z) if activation == "sigmoid" else my_relu(Z)
    return A, (linear_cache, Z)


@case("linear_activation_forward", "cache in the wrong order (Z, linear_cache)", "other")
def laf_cache_order(A_prev, W, b, activation):
    Z = np.dot(W, A_prev) + b
    A = my_sigmoid(Z) if activation == "sigmoid" else my_relu(Z)
    return A, (Z, (A_prev, W, b))


@case("linear_activation_forward", "returns (cache, A)", "other")
def laf_return_order(A_prev, W, b, activation):
    A, cache = laf_course(A_prev, W, b, activation)
    return cache, A


@case("linear_activation_forward", "cache keeps A instead of Z", "mistake", "cache-holds-A")
def laf_cache_A(A_prev, W, b, activation):
    Z = np.dot(W, A_prev) + b
    A = my_sigmoid(Z) if activation == "sigmoid" else my_relu(Z)
    return A, ((A_prev, W, b), A)


@case("linear_activation_forward", "cache is the linear cache only", "other")
def laf_cache_linear_only(A_prev, W, b, activation):
    Z = np.dot(W, A_prev) + b
    A = my_sigmoid(Z) if activation == "sigmoid" else my_relu(Z)
    return A, (A_prev, W, b)


@case(
    "linear_activation_forward", "sigmoid as 1/(1+exp(Z))", "other", allowed={"activation-swapped"}
)
def laf_sigmoid_sign(A_prev, W, b, activation):
    Z = np.dot(W, A_prev) + b
    A = 1 / (1 + np.exp(Z)) if activation == "sigmoid" else my_relu(Z)
    return A, ((A_prev, W, b), Z)


@case(
    "linear_activation_forward",
    "ValueError for any activation",
    "raises",
    message="ValueError: unknown activation relu",
)
def laf_raises(A_prev, W, b, activation):
    raise ValueError("unknown activation " + activation)


# ----------------------------------------------------------------------------
# L_model_forward(X, parameters) -> AL, caches


@case("L_model_forward", "course, calling linear_activation_forward", "pass")
def lmf_course(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A_prev = A
        A, cache = laf_course(
            A_prev, parameters["W" + str(l)], parameters["b" + str(l)], activation="relu"
        )
        caches.append(cache)
    AL, cache = laf_course(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@case("L_model_forward", "inline @, course helpers, tuple caches", "pass")
def lmf_inline(X, parameters):
    L = len(parameters) // 2
    A, caches = X, ()
    for l in range(1, L + 1):
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        Z = W @ A + b
        A_prev = A
        A, _ = ch.sigmoid(Z) if l == L else ch.relu(Z)
        caches += (((A_prev, W, b), Z),)
    return A, list(caches)


@case("L_model_forward", "loop over examples, one column at a time", "pass")
def lmf_columns(X, parameters):
    L = len(parameters) // 2
    caches = []
    A = X
    for l in range(1, L + 1):
        W, b = parameters["W" + str(l)], parameters["b" + str(l)]
        Z = np.column_stack([W @ A[:, i] + b[:, 0] for i in range(A.shape[1])])
        cache = ((A, W, b), Z)
        A = my_sigmoid(Z) if l == L else my_relu(Z)
        caches.append(cache)
    return A, caches


@case("L_model_forward", "caches as a tuple, A_prev kept by name", "pass")
def lmf_tuple(X, parameters):
    L = len(parameters) // 2
    caches = ()
    A = X
    for l in range(1, L + 1):
        A_prev = A
        act = "sigmoid" if l == L else "relu"
        A, cache = laf_own(A_prev, parameters["W" + str(l)], parameters["b" + str(l)], act)
        caches = caches + (cache,)
    return A, caches


@case("L_model_forward", "recursive", "pass")
def lmf_recursive(X, parameters):
    L = len(parameters) // 2

    def forward(A, l):
        act = "sigmoid" if l == L else "relu"
        A, cache = laf_tanh(A, parameters[f"W{l}"], parameters[f"b{l}"], act)
        if l == L:
            return A, [cache]
        AL, caches = forward(A, l + 1)
        return AL, [cache] + caches

    return forward(X, 1)


@case("L_model_forward", "relu everywhere", "mistake", "output-relu")
def lmf_output_relu(X, parameters):
    L = len(parameters) // 2
    A, caches = X, []
    for l in range(1, L + 1):
        A, cache = laf_course(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    return A, caches


@case("L_model_forward", "relu everywhere, inline einsum", "mistake", "output-relu")
def lmf_output_relu_einsum(X, parameters):
    L = len(parameters) // 2
    A, caches = X, []
    for l in range(1, L + 1):
        W, b = parameters["W" + str(l)], parameters["b" + str(l)]
        Z = np.einsum("ij,jk->ik", W, A) + b
        caches.append(((A, W, b), Z))
        A = np.maximum(Z, 0)
    return A, caches


@case("L_model_forward", "sigmoid everywhere", "mistake", "hidden-sigmoid")
def lmf_hidden_sigmoid(X, parameters):
    L = len(parameters) // 2
    A, caches = X, []
    for l in range(1, L + 1):
        A, cache = laf_course(A, parameters["W" + str(l)], parameters["b" + str(l)], "sigmoid")
        caches.append(cache)
    return A, caches


@case("L_model_forward", "sigmoid everywhere, column loop", "mistake", "hidden-sigmoid")
def lmf_hidden_sigmoid_loop(X, parameters):
    L = len(parameters) // 2
    A, caches = X, []
    for l in range(1, L + 1):
        W, b = parameters["W" + str(l)], parameters["b" + str(l)]
        Z = np.column_stack([W @ A[:, i] + b[:, 0] for i in range(A.shape[1])])
        caches.append(((A, W, b), Z))
        A = my_sigmoid(Z)
    return A, caches


@case(
    "L_model_forward",
    "hidden sigmoid, output relu",
    "mistake",
    "activation-swapped",
    allowed={"output-relu", "hidden-sigmoid"},
)
def lmf_swapped(X, parameters):
    L = len(parameters) // 2
    A, caches = X, []
    for l in range(1, L):
        A, cache = laf_course(A, parameters["W" + str(l)], parameters["b" + str(l)], "sigmoid")
        caches.append(cache)
    A, cache = laf_course(A, parameters["W" + str(L)], parameters["b" + str(L)], "relu")
    caches.append(cache)
    return A, caches


@case("L_model_forward", "learner's laf with no b", "mistake", "forward-no-bias")
def lmf_no_bias(X, parameters):
    L = len(parameters) // 2
    A, caches = X, []
    for l in range(1, L + 1):
        act = "sigmoid" if l == L else "relu"
        A, cache = laf_no_bias(A, parameters["W" + str(l)], parameters["b" + str(l)], act)
        caches.append(cache)
    return A, caches


@case("L_model_forward", "learner's laf with activations swapped", "mistake", "activation-swapped")
def lmf_laf_swapped(X, parameters):
    L = len(parameters) // 2
    A, caches = X, []
    for l in range(1, L + 1):
        act = "sigmoid" if l == L else "relu"
        A, cache = laf_swapped(A, parameters["W" + str(l)], parameters["b" + str(l)], act)
        caches.append(cache)
    return A, caches


@case("L_model_forward", "learner's laf without the activation", "mistake", "activation-missing")
def lmf_laf_missing(X, parameters):
    L = len(parameters) // 2
    A, caches = X, []
    for l in range(1, L + 1):
        act = "sigmoid" if l == L else "relu"
        A, cache = laf_missing_loop(A, parameters["W" + str(l)], parameters["b" + str(l)], act)
        caches.append(cache)
    return A, caches


@case("L_model_forward", "linear output layer (AL = Z[L])", "mistake", "activation-missing")
def lmf_linear_output(X, parameters):
    L = len(parameters) // 2
    A, caches = X, []
    for l in range(1, L):
        A, cache = laf_course(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    W, b = parameters["W" + str(L)], parameters["b" + str(L)]
    Z = W @ A + b
    caches.append(((A, W, b), Z))
    return Z, caches


@case("L_model_forward", "sigmoid for layer 1 only", "mistake", "hidden-sigmoid")
def lmf_first_sigmoid(X, parameters):
    L = len(parameters) // 2
    A, caches = X, []
    for l in range(1, L + 1):
        act = "sigmoid" if l in (1, L) else "relu"
        A, cache = laf_own(A, parameters["W" + str(l)], parameters["b" + str(l)], act)
        caches.append(cache)
    return A, caches


@case("L_model_forward", "returns (caches, AL)", "other")
def lmf_swapped_return(X, parameters):
    AL, caches = lmf_course(X, parameters)
    return caches, AL


@case("L_model_forward", "AL squeezed to (m,)", "other")
def lmf_squeezed(X, parameters):
    AL, caches = lmf_course(X, parameters)
    return AL.ravel(), caches


@case("L_model_forward", "forgets the output layer's cache", "other")
def lmf_missing_cache(X, parameters):
    L = len(parameters) // 2
    A, caches = X, []
    for l in range(1, L):
        A, cache = laf_course(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, _ = laf_course(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    return AL, caches


def _lmf_calling_unwritten_laf():
    def linear_activation_forward(A_prev, W, b, activation):
        raise NotImplementedError

    def L_model_forward(X, parameters):
        L = len(parameters) // 2
        A, caches = X, []
        for l in range(1, L + 1):
            act = "sigmoid" if l == L else "relu"
            A, cache = linear_activation_forward(
                A, parameters["W" + str(l)], parameters["b" + str(l)], act
            )
            caches.append(cache)
        return A, caches

    return L_model_forward


case(
    "L_model_forward",
    "written, but the linear_activation_forward it calls is not",
    "raises",
    message="linear_activation_forward",
)(_lmf_calling_unwritten_laf())


@case("L_model_forward", "L = len(parameters): KeyError", "raises", message="KeyError: 'W4'")
def lmf_keyerror(X, parameters):
    L = len(parameters)
    A, caches = X, []
    for l in range(1, L):
        A, cache = laf_course(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = laf_course(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


# ----------------------------------------------------------------------------
# compute_cost(AL, Y) -> cost


@case("compute_cost", "course, np.dot then np.squeeze (0-d array)", "pass")
def cost_course(AL, Y):
    m = Y.shape[1]
    cost = -1 / m * (np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T))
    cost = np.squeeze(cost)
    return cost


@case("compute_cost", "np.sum, a numpy float", "pass")
def cost_sum(AL, Y):
    m = Y.shape[1]
    return -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m


@case("compute_cost", "loop over examples, python float", "pass")
def cost_loop(AL, Y):
    m = Y.shape[1]
    total = 0.0
    for i in range(m):
        y, a = float(Y[0, i]), float(AL[0, i])
        total += y * np.log(a) + (1 - y) * np.log(1 - a)
    return float(-total / m)


@case("compute_cost", "np.mean, np.multiply, float()", "pass")
def cost_mean(AL, Y):
    logprobs = np.multiply(np.log(AL), Y) + np.multiply(1 - Y, np.log(1 - AL))
    return float(-np.mean(logprobs))


@case("compute_cost", "einsum, clipped AL", "pass")
def cost_einsum(AL, Y):
    AL = np.clip(AL, 1e-15, 1 - 1e-15)
    m = AL.shape[1]
    s = np.einsum("ij,ij->", Y, np.log(AL)) + np.einsum("ij,ij->", 1 - Y, np.log(1 - AL))
    return np.squeeze(-s / m)


@case("compute_cost", "log of the probability of the right label (np.where)", "pass")
def cost_where(AL, Y):
    return float(-np.mean(np.log(np.where(Y == 1, AL, 1 - AL))))


@case("compute_cost", "computed in float32", "pass")
def cost_float32(AL, Y):
    return cost_course(AL.astype(np.float32), Y.astype(np.float32))


@case("compute_cost", "no /m", "mistake", "cost-no-mean")
def cost_no_mean(AL, Y):
    return np.squeeze(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))


@case("compute_cost", "m = AL.shape[0] (= 1), loop", "mistake", "cost-no-mean")
def cost_wrong_m(AL, Y):
    m = AL.shape[0]
    total = 0.0
    for i in range(AL.shape[1]):
        total -= Y[0, i] * np.log(AL[0, i]) + (1 - Y[0, i]) * np.log(1 - AL[0, i])
    return total / m


@case("compute_cost", "no minus", "mistake", "cost-sign")
def cost_sign(AL, Y):
    m = Y.shape[1]
    return np.squeeze(1 / m * (np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)))


@case("compute_cost", "no minus, loop", "mistake", "cost-sign")
def cost_sign_loop(AL, Y):
    m = Y.shape[1]
    total = 0.0
    for i in range(m):
        total += Y[0, i] * np.log(AL[0, i]) + (1 - Y[0, i]) * np.log(1 - AL[0, i])
    return total / m


@case("compute_cost", "only y log a", "mistake", "cost-missing-term")
def cost_missing(AL, Y):
    m = Y.shape[1]
    return float(-np.sum(Y * np.log(AL)) / m)


@case("compute_cost", "only (1-y) log(1-a), einsum", "mistake", "cost-missing-term")
def cost_missing_einsum(AL, Y):
    m = Y.shape[1]
    return float(-np.einsum("ij,ij->", 1 - Y, np.log(1 - AL)) / m)


@case("compute_cost", "np.dot without squeeze: (1, 1)", "mistake", "cost-not-scalar")
def cost_11(AL, Y):
    m = Y.shape[1]
    return -1 / m * (np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T))


@case("compute_cost", "np.mean(axis=1): (1,)", "mistake", "cost-not-scalar")
def cost_1(AL, Y):
    return -np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL), axis=1)


@case("compute_cost", "2 x the cost (equals the sum when m = 2)", "other")
def cost_double(AL, Y):
    return 2 * cost_sum(AL, Y)


@case("compute_cost", "log(AL + 1e-8) against log(0)", "pass")
def cost_epsilon(AL, Y):
    m = Y.shape[1]
    eps = 1e-8
    return float(-np.sum(Y * np.log(AL + eps) + (1 - Y) * np.log(1 - AL + eps)) / m)


@case("compute_cost", "AL and Y swapped in the logs (nan)", "other")
def cost_swapped(AL, Y):
    m = Y.shape[1]
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-np.sum(AL * np.log(Y) + (1 - AL) * np.log(1 - Y)) / m)


@case("compute_cost", "loop adding into a (1, 1) array", "mistake", "cost-not-scalar")
def cost_11_loop(AL, Y):
    m = Y.shape[1]
    total = np.zeros((1, 1))
    for i in range(m):
        total -= Y[:, i : i + 1] * np.log(AL[:, i : i + 1])
        total -= (1 - Y[:, i : i + 1]) * np.log(1 - AL[:, i : i + 1])
    return total / m


@case("compute_cost", "np.log10", "other")
def cost_log10(AL, Y):
    m = Y.shape[1]
    return float(-np.sum(Y * np.log10(AL) + (1 - Y) * np.log10(1 - AL)) / m)


@case("compute_cost", "returns the m losses", "other", allowed={"cost-not-scalar"})
def cost_losses(AL, Y):
    return -(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))


@case("compute_cost", "returns [cost]", "other", allowed={"cost-not-scalar"})
def cost_list(AL, Y):
    return [cost_sum(AL, Y)]


@case(
    "compute_cost",
    "no minus and no mean",
    "mistake",
    ("cost-sign", "cost-no-mean"),
)
def cost_sign_no_mean(AL, Y):
    return float(np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))


@case("compute_cost", "NotImplementedError", "raises", message="not written yet")
def cost_not_written(AL, Y):
    raise NotImplementedError


# ----------------------------------------------------------------------------
# linear_backward(dZ, cache) -> dA_prev, dW, db


@case("linear_backward", "course, np.dot", "pass")
def lb_course(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = 1 / m * np.dot(dZ, A_prev.T)
    db = 1 / m * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@case("linear_backward", "@ and np.mean", "pass")
def lb_matmul(dZ, cache):
    A_prev, W, _ = cache
    return W.T @ dZ, dZ @ A_prev.T / dZ.shape[1], dZ.mean(axis=1, keepdims=True)


@case("linear_backward", "einsum, reshape(-1, 1)", "pass")
def lb_einsum(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.einsum("ik,jk->ij", dZ, A_prev) / m
    db = np.einsum("ik->i", dZ).reshape(-1, 1) / m
    dA_prev = np.einsum("ji,jk->ik", W, dZ)
    return dA_prev, dW, db


@case("linear_backward", "loop over examples, np.outer", "pass")
def lb_loop(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.zeros_like(W)
    db = np.zeros_like(b)
    dA_prev = np.zeros_like(A_prev)
    for i in range(m):
        dW += np.outer(dZ[:, i], A_prev[:, i])
        db[:, 0] += dZ[:, i]
        dA_prev[:, i] = W.T.dot(dZ[:, i])
    return dA_prev, dW / m, db / m


@case("linear_backward", "computed in float32", "pass")
def lb_float32(dZ, cache):
    f = np.float32
    return lb_course(dZ.astype(f), tuple(x.astype(f) for x in cache))


@case("linear_backward", "np.matmul and np.add.reduce", "pass")
def lb_reduce(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    db = np.add.reduce(dZ, axis=1, keepdims=True) / m
    return np.matmul(W.T, dZ), np.matmul(dZ, A_prev.T) / m, db


@case("linear_backward", "no 1/m in dW", "mistake", "dW-no-1/m")
def lb_dW_no_m(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return np.dot(W.T, dZ), np.dot(dZ, A_prev.T), np.sum(dZ, axis=1, keepdims=True) / m


@case("linear_backward", "no 1/m in dW, loop", "mistake", "dW-no-1/m")
def lb_dW_no_m_loop(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.zeros_like(W)
    for i in range(m):
        dW += np.outer(dZ[:, i], A_prev[:, i])
    return W.T @ dZ, dW, dZ.mean(axis=1, keepdims=True)


@case("linear_backward", "no 1/m in db", "mistake", "db-no-1/m")
def lb_db_no_m(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return np.dot(W.T, dZ), np.dot(dZ, A_prev.T) / m, np.sum(dZ, axis=1, keepdims=True)


@case("linear_backward", "no 1/m in db, loop", "mistake", "db-no-1/m")
def lb_db_no_m_loop(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    db = np.zeros_like(b)
    for i in range(m):
        db += dZ[:, i : i + 1]
    return W.T @ dZ, dZ @ A_prev.T / m, db


@case("linear_backward", "np.sum(axis=1) / m", "mistake", "db-no-keepdims")
def lb_no_keepdims(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return np.dot(W.T, dZ), np.dot(dZ, A_prev.T) / m, np.sum(dZ, axis=1) / m


@case("linear_backward", "einsum 'ik->i'", "mistake", "db-no-keepdims")
def lb_no_keepdims_einsum(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, np.einsum("ik->i", dZ) / m


@case("linear_backward", "np.sum(axis=0, keepdims=True)", "mistake", "db-wrong-axis")
def lb_wrong_axis(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return np.dot(W.T, dZ), np.dot(dZ, A_prev.T) / m, np.sum(dZ, axis=0, keepdims=True) / m


@case(
    "linear_backward",
    "sum over units, loop",
    "mistake",
    "db-wrong-axis",
    allowed={"db-no-keepdims"},
)
def lb_wrong_axis_loop(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    db = np.zeros((1, dZ.shape[1]))
    for j in range(dZ.shape[0]):
        db += dZ[j : j + 1, :]
    return W.T @ dZ, dZ @ A_prev.T / m, db / m


@case(
    "linear_backward",
    "np.sum(dZ, axis=0) / m: wrong axis, no keepdims",
    "mistake",
    "db-wrong-axis",
    allowed={"db-no-keepdims"},
)
def lb_axis0(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, np.sum(dZ, axis=0) / m


@case("linear_backward", "dW = A_prev dZ^T / m", "mistake", "dW-no-transpose")
def lb_dW_transposed(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return np.dot(W.T, dZ), np.dot(A_prev, dZ.T) / m, np.sum(dZ, axis=1, keepdims=True) / m


@case("linear_backward", "dW = dZ A_prev / m, einsum", "mistake", "dW-no-transpose")
def lb_dW_no_T(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.einsum("ik,kj->ij", dZ, A_prev) / m
    return W.T @ dZ, dW, np.sum(dZ, axis=1, keepdims=True) / m


@case("linear_backward", "dA_prev = W dZ", "mistake", "dA-prev-no-transpose")
def lb_dA_no_T(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return np.dot(W, dZ), np.dot(dZ, A_prev.T) / m, np.sum(dZ, axis=1, keepdims=True) / m


@case("linear_backward", "dA_prev = W dZ, einsum", "mistake", "dA-prev-no-transpose")
def lb_dA_no_T_einsum(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dA_prev = np.einsum("ij,jk->ik", W, dZ)
    return dA_prev, dZ @ A_prev.T / m, dZ.mean(axis=1, keepdims=True)


@case("linear_backward", "dA_prev = W dZ, loop over examples", "mistake", "dA-prev-no-transpose")
def lb_dA_no_T_loop(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dA_prev = np.zeros(A_prev.shape)
    for i in range(m):
        dA_prev[:, i] = W @ dZ[:, i]
    return dA_prev, dZ @ A_prev.T / m, dZ.mean(axis=1, keepdims=True)


@case("linear_backward", "dA_prev = W^T dZ / m", "mistake", "dA-prev-with-1/m")
def lb_dA_m(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return np.dot(W.T, dZ) / m, np.dot(dZ, A_prev.T) / m, np.sum(dZ, axis=1, keepdims=True) / m


@case("linear_backward", "dA_prev / m, loop over examples", "mistake", "dA-prev-with-1/m")
def lb_dA_m_loop(dZ, cache):
    A_prev, W, b = cache
    dA_prev, dW, db = lb_loop(dZ, cache)
    m = A_prev.shape[1]
    for i in range(m):
        dA_prev[:, i] = dA_prev[:, i] / m
    return dA_prev, dW, db


@case(
    "linear_backward",
    "no 1/m anywhere",
    "mistake",
    ("dW-no-1/m", "db-no-1/m"),
)
def lb_no_m(dZ, cache):
    A_prev, W, b = cache
    return W.T @ dZ, dZ @ A_prev.T, dZ.sum(axis=1, keepdims=True)


@case(
    "linear_backward",
    "1/m everywhere, db without keepdims",
    "mistake",
    ("dA-prev-with-1/m", "db-no-keepdims"),
)
def lb_two_mistakes(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return W.T @ dZ / m, dZ @ A_prev.T / m, dZ.sum(axis=1) / m


@case("linear_backward", "dW and db times 2 / m (equal to no 1/m when m = 2)", "other")
def lb_times_two(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return W.T @ dZ, 2 * dZ @ A_prev.T / m, 2 * dZ.sum(axis=1, keepdims=True) / m


@case("linear_backward", "dA_prev = m W^T dZ", "other")
def lb_dA_times_m(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return m * (W.T @ dZ), dZ @ A_prev.T / m, dZ.sum(axis=1, keepdims=True) / m


@case("linear_backward", "returns (dW, db, dA_prev)", "other")
def lb_order(dZ, cache):
    dA_prev, dW, db = lb_course(dZ, cache)
    return dW, db, dA_prev


@case("linear_backward", "m = dZ.shape[0] (n, not m)", "other")
def lb_wrong_m(dZ, cache):
    A_prev, W, b = cache
    m = dZ.shape[0]
    return np.dot(W.T, dZ), np.dot(dZ, A_prev.T) / m, np.sum(dZ, axis=1, keepdims=True) / m


@case(
    "linear_backward",
    "A_prev, W = cache: ValueError",
    "raises",
    message="ValueError: too many values to unpack",
)
def lb_unpack(dZ, cache):
    A_prev, W = cache
    return W.T @ dZ, dZ @ A_prev.T, dZ


def relu_backward_in_place(dA, Z):
    dZ = dA  # no copy: the caller's dA is changed
    dZ[Z <= 0] = 0
    return dZ


# ----------------------------------------------------------------------------
# linear_activation_backward(dA, cache, activation) -> dA_prev, dW, db


@case("linear_activation_backward", "course, course helpers", "pass")
def lab_course(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = ch.relu_backward(dA, activation_cache)
        dA_prev, dW, db = lb_course(dZ, linear_cache)
    elif activation == "sigmoid":
        dZ = ch.sigmoid_backward(dA, activation_cache)
        dA_prev, dW, db = lb_course(dZ, linear_cache)
    return dA_prev, dW, db


@case("linear_activation_backward", "own slopes, @", "pass")
def lab_own(dA, cache, activation):
    (A_prev, W, b), Z = cache
    if activation == "sigmoid":
        s = my_sigmoid(Z)
        dZ = dA * s * (1 - s)
    else:
        dZ = dA * (Z > 0)
    m = dA.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, dZ.sum(axis=1, keepdims=True) / m


@case("linear_activation_backward", "loops, dZ = np.array(dA, copy=True)", "pass")
def lab_loops(dA, cache, activation):
    linear_cache, Z = cache
    dZ = np.array(dA, copy=True)
    for j in range(Z.shape[0]):
        for i in range(Z.shape[1]):
            if activation == "relu":
                if Z[j, i] <= 0:
                    dZ[j, i] = 0
            else:
                s = 1 / (1 + np.exp(-Z[j, i]))
                dZ[j, i] = dA[j, i] * s * (1 - s)
    return lb_loop(dZ, linear_cache)


@case("linear_activation_backward", "list returned; relu slope at A (the same as at Z)", "pass")
def lab_list_relu_at_A(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        A = np.maximum(0, Z)
        dZ = dA * (A > 0)
    else:
        A = my_sigmoid(Z)
        dZ = dA * A * (1 - A)
    return list(lb_course(dZ, linear_cache))


@case("linear_activation_backward", "relu_backward writes into the given dA", "pass")
def lab_in_place(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = relu_backward_in_place(dA, Z)
    else:
        dZ = ch.sigmoid_backward(dA, Z)
    return lb_course(dZ, linear_cache)


@case("linear_activation_backward", "no slope: dZ = dA", "mistake", "g-prime-missing")
def lab_no_slope(dA, cache, activation):
    linear_cache, Z = cache
    return lb_course(dA, linear_cache)


@case(
    "linear_activation_backward",
    "no slope for the sigmoid only, loop",
    "mistake",
    "g-prime-missing",
)
def lab_no_slope_sigmoid(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = ch.relu_backward(dA, Z)
    else:
        dZ = np.zeros_like(dA)
        for i in range(dA.shape[1]):
            dZ[:, i] = dA[:, i]
    return lb_einsum(dZ, linear_cache)


@case("linear_activation_backward", "no slope for relu only", "mistake", "g-prime-missing")
def lab_no_slope_relu(dA, cache, activation):
    linear_cache, Z = cache
    dZ = dA if activation == "relu" else ch.sigmoid_backward(dA, Z)
    return lb_matmul(dZ, linear_cache)


@case("linear_activation_backward", "sigmoid slope at A = sigmoid(Z)", "mistake", "g-prime-of-A")
def lab_at_A(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "sigmoid":
        A = my_sigmoid(Z)
        dZ = ch.sigmoid_backward(dA, A)
    else:
        dZ = ch.relu_backward(dA, ch.relu(Z)[0])
    return lb_course(dZ, linear_cache)


@case("linear_activation_backward", "sigmoid slope at A, loop", "mistake", "g-prime-of-A")
def lab_at_A_loop(dA, cache, activation):
    linear_cache, Z = cache
    dZ = np.zeros_like(dA)
    for i in range(dA.shape[1]):
        if activation == "sigmoid":
            a = my_sigmoid(Z[:, i])
            s = my_sigmoid(a)
            dZ[:, i] = dA[:, i] * s * (1 - s)
        else:
            dZ[:, i] = dA[:, i] * (Z[:, i] > 0)
    return lb_loop(dZ, linear_cache)


@case("linear_activation_backward", "sigmoid slope s (1 + s)", "mistake", "sigmoid-prime-wrong")
def lab_sig_plus(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "sigmoid":
        s = my_sigmoid(Z)
        dZ = dA * s * (1 + s)
    else:
        dZ = dA * (Z > 0)
    return lb_course(dZ, linear_cache)


@case(
    "linear_activation_backward",
    "sigmoid slope Z (1 - Z), loop",
    "mistake",
    "sigmoid-prime-wrong",
    allowed={"g-prime-of-A"},
)
def lab_sig_Z(dA, cache, activation):
    linear_cache, Z = cache
    dZ = np.zeros_like(dA)
    for i in range(dA.shape[1]):
        if activation == "sigmoid":
            dZ[:, i] = dA[:, i] * Z[:, i] * (1 - Z[:, i])
        else:
            dZ[:, i] = np.where(Z[:, i] > 0, dA[:, i], 0)
    return lb_loop(dZ, linear_cache)


@case(
    "linear_activation_backward",
    "sigmoid slope dA * s (1 - s) missing",
    "mistake",
    "sigmoid-prime-wrong",
)
def lab_sig_s_only(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "sigmoid":
        dZ = dA * my_sigmoid(Z)
    else:
        dZ = dA * (Z > 0)
    return lb_course(dZ, linear_cache)


@case(
    "linear_activation_backward", "sigmoid slope (1 - s), einsum", "mistake", "sigmoid-prime-wrong"
)
def lab_sig_one_minus(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "sigmoid":
        dZ = np.einsum("ij,ij->ij", dA, 1 - my_sigmoid(Z))
    else:
        dZ = ch.relu_backward(dA, Z)
    return lb_einsum(dZ, linear_cache)


@case("linear_activation_backward", "sigmoid written 1/(1+exp(Z)): s(1-s) is the same", "pass")
def lab_sig_sign_same_slope(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "sigmoid":
        s = 1 / (1 + np.exp(Z))
        dZ = dA * s * (1 - s)
    else:
        dZ = ch.relu_backward(dA, Z)
    return lb_matmul(dZ, linear_cache)


@case(
    "linear_activation_backward",
    "sigmoid slope 1 - s**2 (the tanh's, misremembered)",
    "mistake",
    "sigmoid-prime-wrong",
)
def lab_sig_tanh_like(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "sigmoid":
        s = my_sigmoid(Z)
        dZ = dA * (1 - s**2)
    else:
        dZ = ch.relu_backward(dA, Z)
    return lb_course(dZ, linear_cache)


@case(
    "linear_activation_backward", "sigmoid slope s (1 - Z), loop", "mistake", "sigmoid-prime-wrong"
)
def lab_sig_s_one_minus_Z(dA, cache, activation):
    linear_cache, Z = cache
    dZ = np.zeros_like(dA)
    for i in range(dA.shape[1]):
        if activation == "sigmoid":
            dZ[:, i] = dA[:, i] * my_sigmoid(Z[:, i]) * (1 - Z[:, i])
        else:
            dZ[:, i] = dA[:, i] * (Z[:, i] > 0)
    return lb_loop(dZ, linear_cache)


@case("linear_activation_backward", "relu slope np.sign(Z)", "mistake", "relu-prime-wrong")
def lab_relu_sign(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = dA * np.sign(Z)
    else:
        dZ = ch.sigmoid_backward(dA, Z)
    return lb_course(dZ, linear_cache)


@case("linear_activation_backward", "relu mask taken on dA, not Z", "mistake", "relu-prime-wrong")
def lab_relu_mask_dA(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = np.where(dA > 0, dA, 0)
    else:
        dZ = ch.sigmoid_backward(dA, Z)
    return lb_course(dZ, linear_cache)


@case("linear_activation_backward", "relu slope (Z < 0)", "mistake", "relu-prime-wrong")
def lab_relu_inverted(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = dA * (Z < 0)
    else:
        dZ = ch.sigmoid_backward(dA, Z)
    return lb_course(dZ, linear_cache)


@case("linear_activation_backward", "relu slope = Z, loop", "mistake", "relu-prime-wrong")
def lab_relu_Z(dA, cache, activation):
    linear_cache, Z = cache
    dZ = np.zeros_like(dA)
    for j in range(Z.shape[0]):
        for i in range(Z.shape[1]):
            if activation == "relu":
                dZ[j, i] = dA[j, i] * max(Z[j, i], 0)
            else:
                s = my_sigmoid(Z[j, i])
                dZ[j, i] = dA[j, i] * s * (1 - s)
    return lb_loop(dZ, linear_cache)


@case("linear_activation_backward", "backward helpers swapped", "mistake", "activation-swapped")
def lab_swapped(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = ch.sigmoid_backward(dA, Z)
    else:
        dZ = ch.relu_backward(dA, Z)
    return lb_course(dZ, linear_cache)


@case(
    "linear_activation_backward",
    "learner's linear_backward lacks 1/m in dW",
    "mistake",
    "dW-no-1/m",
)
def lab_dW_no_m(dA, cache, activation):
    linear_cache, Z = cache
    back = ch.relu_backward if activation == "relu" else ch.sigmoid_backward
    return lb_dW_no_m(back(dA, Z), linear_cache)


@case(
    "linear_activation_backward",
    "learner's linear_backward: no keepdims",
    "mistake",
    "db-no-keepdims",
)
def lab_no_keepdims(dA, cache, activation):
    linear_cache, Z = cache
    back = ch.relu_backward if activation == "relu" else ch.sigmoid_backward
    return lb_no_keepdims_einsum(back(dA, Z), linear_cache)


@case(
    "linear_activation_backward",
    "relu slope 0.5 where Z > 0",
    "other",
    allowed={"relu-prime-wrong"},
)
def lab_relu_half(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = dA * 0.5 * (Z > 0)
    else:
        dZ = ch.sigmoid_backward(dA, Z)
    return lb_course(dZ, linear_cache)


@case(
    "linear_activation_backward",
    "learner's linear_backward: dA_prev / m",
    "mistake",
    "dA-prev-with-1/m",
)
def lab_dA_m(dA, cache, activation):
    linear_cache, Z = cache
    back = ch.relu_backward if activation == "relu" else ch.sigmoid_backward
    return lb_dA_m_loop(back(dA, Z), linear_cache)


@case("linear_activation_backward", "returns dZ instead of dA_prev", "other")
def lab_returns_dZ(dA, cache, activation):
    linear_cache, Z = cache
    back = ch.relu_backward if activation == "relu" else ch.sigmoid_backward
    dZ = back(dA, Z)
    _, dW, db = lb_course(dZ, linear_cache)
    return dZ, dW, db


@case("linear_activation_backward", "cache unpacked backwards", "raises", message="ValueError")
def lab_unpacked_backwards(dA, cache, activation):
    activation_cache, linear_cache = cache
    back = ch.relu_backward if activation == "relu" else ch.sigmoid_backward
    return lb_course(back(dA, activation_cache), linear_cache)


@case("linear_activation_backward", "NotImplementedError", "raises", message="not written yet")
def lab_not_written(dA, cache, activation):
    raise NotImplementedError()


# ----------------------------------------------------------------------------
# L_model_backward(AL, Y, caches) -> grads


@case("L_model_backward", "course today (dA[L-1] for the output's dA_prev)", "pass")
def lmb_course(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    current_cache = caches[L - 1]
    dA_prev_temp, dW_temp, db_temp = lab_course(dAL, current_cache, "sigmoid")
    grads["dA" + str(L - 1)] = dA_prev_temp
    grads["dW" + str(L)] = dW_temp
    grads["db" + str(L)] = db_temp
    for l in reversed(range(L - 1)):
        current_cache = caches[l]
        dA_prev_temp, dW_temp, db_temp = lab_course(grads["dA" + str(l + 1)], current_cache, "relu")
        grads["dA" + str(l)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp
    return grads


@case("L_model_backward", "notebook 2017 (grads['dA' + str(L)])", "pass")
def lmb_2017(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    current_cache = caches[L - 1]
    grads["dA" + str(L)], grads["dW" + str(L)], grads["db" + str(L)] = lab_course(
        dAL, current_cache, activation="sigmoid"
    )
    for l in reversed(range(L - 1)):
        current_cache = caches[l]
        dA_prev_temp, dW_temp, db_temp = lab_course(grads["dA" + str(l + 2)], current_cache, "relu")
        grads["dA" + str(l + 1)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp
    return grads


@case("L_model_backward", "one loop from L down to 1, own lab, dZ of the output direct", "pass")
def lmb_loop(AL, Y, caches):
    L = len(caches)
    grads = {}
    dA = -(Y / AL - (1 - Y) / (1 - AL))
    for l in range(L, 0, -1):
        act = "sigmoid" if l == L else "relu"
        dA, grads[f"dW{l}"], grads[f"db{l}"] = lab_own(dA, caches[l - 1], act)
        grads[f"dA{l - 1}"] = dA
    return grads


@case("L_model_backward", "dZ[L] = AL - Y directly, then linear_backward", "pass")
def lmb_shortcut(AL, Y, caches):
    L = len(caches)
    grads = {}
    linear_cache, _ = caches[L - 1]
    dA, grads["dW" + str(L)], grads["db" + str(L)] = lb_course(AL - Y, linear_cache)
    grads["dA" + str(L - 1)] = dA
    for l in reversed(range(1, L)):
        dA, grads["dW" + str(l)], grads["db" + str(l)] = lab_course(dA, caches[l - 1], "relu")
        grads["dA" + str(l - 1)] = dA
    return grads


@case("L_model_backward", "notebook 2017 keys, seed without the minus", "mistake", "seed-sign")
def lmb_2017_seed_sign(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)
    grads["dA" + str(L)], grads["dW" + str(L)], grads["db" + str(L)] = lab_course(
        dAL, caches[L - 1], "sigmoid"
    )
    for l in reversed(range(L - 1)):
        dA_prev_temp, dW_temp, db_temp = lab_course(grads["dA" + str(l + 2)], caches[l], "relu")
        grads["dA" + str(l + 1)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp
    return grads


@case(
    "L_model_backward",
    "notebook 2017 keys, caches[l + 1] in the loop",
    "mistake",
    "cache-off-by-one",
)
def lmb_2017_off_by_one(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L)], grads["dW" + str(L)], grads["db" + str(L)] = lab_course(
        dAL, caches[L - 1], "sigmoid"
    )
    for l in reversed(range(L - 1)):
        dA_prev_temp, dW_temp, db_temp = lab_course(grads["dA" + str(l + 2)], caches[l + 1], "relu")
        grads["dA" + str(l + 1)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp
    return grads


@case(
    "L_model_backward",
    "relu for the hidden layers' slope swapped with the output's",
    "mistake",
    "activation-swapped",
    allowed={"output-relu", "hidden-sigmoid"},
)
def lmb_swapped(AL, Y, caches):
    L = len(caches)
    grads = {}
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in range(L, 0, -1):
        act = "relu" if l == L else "sigmoid"
        dA, grads["dW" + str(l)], grads["db" + str(l)] = lab_course(dA, caches[l - 1], act)
        grads["dA" + str(l - 1)] = dA
    return grads


@case("L_model_backward", "learner's lab: db without keepdims", "mistake", "db-no-keepdims")
def lmb_no_keepdims(AL, Y, caches):
    L = len(caches)
    grads = {}
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in range(L, 0, -1):
        act = "sigmoid" if l == L else "relu"
        dA, grads["dW" + str(l)], grads["db" + str(l)] = lab_no_keepdims(dA, caches[l - 1], act)
        grads["dA" + str(l - 1)] = dA
    return grads


@case("L_model_backward", "relu_backward zeroes grads['dA..'] in place", "other")
def lmb_in_place(AL, Y, caches):
    L = len(caches)
    grads = {}
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    dA, grads["dW" + str(L)], grads["db" + str(L)] = lab_course(dAL, caches[L - 1], "sigmoid")
    grads["dA" + str(L - 1)] = dA
    for l in reversed(range(1, L)):
        linear_cache, Z = caches[l - 1]
        dZ = relu_backward_in_place(grads["dA" + str(l)], Z)
        dA, grads["dW" + str(l)], grads["db" + str(l)] = lb_course(dZ, linear_cache)
        grads["dA" + str(l - 1)] = dA
    return grads


@case("L_model_backward", "seed without the minus", "mistake", "seed-sign")
def lmb_seed_sign(AL, Y, caches):
    L = len(caches)
    grads = {}
    dA = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)
    for l in range(L, 0, -1):
        act = "sigmoid" if l == L else "relu"
        dA, grads["dW" + str(l)], grads["db" + str(l)] = lab_course(dA, caches[l - 1], act)
        grads["dA" + str(l - 1)] = dA
    return grads


@case("L_model_backward", "seed (1-Y)/(1-AL) - Y/AL, loops", "mistake", "seed-sign")
def lmb_seed_sign_loop(AL, Y, caches):
    L = len(caches)
    grads = {}
    dA = np.zeros_like(AL)
    for i in range(AL.shape[1]):
        dA[0, i] = Y[0, i] / AL[0, i] - (1 - Y[0, i]) / (1 - AL[0, i])
    for l in range(L, 0, -1):
        act = "sigmoid" if l == L else "relu"
        dA, grads["dW" + str(l)], grads["db" + str(l)] = lab_loops(dA, caches[l - 1], act)
        grads["dA" + str(l - 1)] = dA
    return grads


@case("L_model_backward", "seed -Y/AL", "mistake", "seed-missing-term")
def lmb_seed_missing(AL, Y, caches):
    L = len(caches)
    grads = {}
    dA = -np.divide(Y, AL)
    for l in range(L, 0, -1):
        act = "sigmoid" if l == L else "relu"
        dA, grads["dW" + str(l)], grads["db" + str(l)] = lab_course(dA, caches[l - 1], act)
        grads["dA" + str(l - 1)] = dA
    return grads


@case("L_model_backward", "seed (1-Y)/(1-AL) only, loop", "mistake", "seed-missing-term")
def lmb_seed_missing_loop(AL, Y, caches):
    L = len(caches)
    grads = {}
    dA = np.zeros_like(AL)
    for i in range(AL.shape[1]):
        dA[0, i] = (1 - Y[0, i]) / (1 - AL[0, i])
    for l in range(L, 0, -1):
        act = "sigmoid" if l == L else "relu"
        dA, grads["dW" + str(l)], grads["db" + str(l)] = lab_own(dA, caches[l - 1], act)
        grads["dA" + str(l - 1)] = dA
    return grads


@case("L_model_backward", "caches[l] in the loop (one layer up)", "mistake", "cache-off-by-one")
def lmb_off_by_one(AL, Y, caches):
    L = len(caches)
    grads = {}
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    dA, grads["dW" + str(L)], grads["db" + str(L)] = lab_course(dAL, caches[L - 1], "sigmoid")
    grads["dA" + str(L - 1)] = dA
    for l in range(L - 1, 0, -1):
        dA, grads["dW" + str(l)], grads["db" + str(l)] = lab_course(dA, caches[l], "relu")
        grads["dA" + str(l - 1)] = dA
    return grads


@case("L_model_backward", "output reads caches[L - 2]", "mistake", "cache-off-by-one")
def lmb_off_by_one_output(AL, Y, caches):
    L = len(caches)
    grads = {}
    dAL = -(Y / AL - (1 - Y) / (1 - AL))
    dA, grads["dW" + str(L)], grads["db" + str(L)] = lab_own(dAL, caches[L - 2], "sigmoid")
    grads["dA" + str(L - 1)] = dA
    for l in range(L - 1, 0, -1):
        dA, grads["dW" + str(l)], grads["db" + str(l)] = lab_own(dA, caches[l - 1], "relu")
        grads["dA" + str(l - 1)] = dA
    return grads


@case(
    "L_model_backward",
    "zip(range(L, 0, -1), caches): caches not reversed",
    "mistake",
    "cache-off-by-one",
)
def lmb_zip_not_reversed(AL, Y, caches):
    L = len(caches)
    grads = {}
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l, cache in zip(range(L, 0, -1), caches):  # noqa: B905
        act = "sigmoid" if l == L else "relu"
        dA, grads["dW" + str(l)], grads["db" + str(l)] = lab_course(dA, cache, act)
        grads["dA" + str(l - 1)] = dA
    return grads


@case("L_model_backward", "relu for the output too", "mistake", "output-relu")
def lmb_output_relu(AL, Y, caches):
    L = len(caches)
    grads = {}
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in range(L, 0, -1):
        dA, grads["dW" + str(l)], grads["db" + str(l)] = lab_course(dA, caches[l - 1], "relu")
        grads["dA" + str(l - 1)] = dA
    return grads


@case("L_model_backward", "sigmoid for every layer, loops", "mistake", "hidden-sigmoid")
def lmb_hidden_sigmoid(AL, Y, caches):
    L = len(caches)
    grads = {}
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in range(L, 0, -1):
        dA, grads["dW" + str(l)], grads["db" + str(l)] = lab_loops(dA, caches[l - 1], "sigmoid")
        grads["dA" + str(l - 1)] = dA
    return grads


@case("L_model_backward", "learner's lab without the slope", "mistake", "g-prime-missing")
def lmb_no_slope(AL, Y, caches):
    L = len(caches)
    grads = {}
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in range(L, 0, -1):
        act = "sigmoid" if l == L else "relu"
        dA, grads["dW" + str(l)], grads["db" + str(l)] = lab_no_slope(dA, caches[l - 1], act)
        grads["dA" + str(l - 1)] = dA
    return grads


@case("L_model_backward", "learner's lab: dW without 1/m", "mistake", "dW-no-1/m")
def lmb_dW_no_m(AL, Y, caches):
    L = len(caches)
    grads = {}
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in range(L, 0, -1):
        act = "sigmoid" if l == L else "relu"
        dA, grads["dW" + str(l)], grads["db" + str(l)] = lab_dW_no_m(dA, caches[l - 1], act)
        grads["dA" + str(l - 1)] = dA
    return grads


@case(
    "L_model_backward",
    "learner's linear_backward: W dZ (raises where W is not square)",
    "raises",
    message="not aligned",
)
def lmb_dA_no_T(AL, Y, caches):
    L = len(caches)
    grads = {}
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in range(L, 0, -1):
        linear_cache, Z = caches[l - 1]
        dZ = ch.sigmoid_backward(dA, Z) if l == L else ch.relu_backward(dA, Z)
        dA, grads["dW" + str(l)], grads["db" + str(l)] = lb_dA_no_T(dZ, linear_cache)
        grads["dA" + str(l - 1)] = dA
    return grads


@case("L_model_backward", "seed times 2", "other", allowed={"seed-missing-term"})
def lmb_seed_double(AL, Y, caches):
    L = len(caches)
    grads = {}
    dA = -2 * (np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in range(L, 0, -1):
        act = "sigmoid" if l == L else "relu"
        dA, grads["dW" + str(l)], grads["db" + str(l)] = lab_course(dA, caches[l - 1], act)
        grads["dA" + str(l - 1)] = dA
    return grads


@case(
    "L_model_backward",
    "output's dZ = dAL (sigmoid_backward forgotten)",
    "mistake",
    "g-prime-missing",
)
def lmb_output_no_slope(AL, Y, caches):
    L = len(caches)
    grads = {}
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    linear_cache, _ = caches[L - 1]
    dA, grads["dW" + str(L)], grads["db" + str(L)] = lb_course(dAL, linear_cache)
    grads["dA" + str(L - 1)] = dA
    for l in reversed(range(1, L)):
        dA, grads["dW" + str(l)], grads["db" + str(l)] = lab_course(dA, caches[l - 1], "relu")
        grads["dA" + str(l - 1)] = dA
    return grads


@case(
    "L_model_backward",
    "seed without the minus, and the learner's dW without 1/m",
    "mistake",
    ("seed-sign", "dW-no-1/m"),
)
def lmb_two_mistakes(AL, Y, caches):
    L = len(caches)
    grads = {}
    dA = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)
    for l in range(L, 0, -1):
        act = "sigmoid" if l == L else "relu"
        dA, grads["dW" + str(l)], grads["db" + str(l)] = lab_dW_no_m(dA, caches[l - 1], act)
        grads["dA" + str(l - 1)] = dA
    return grads


@case("L_model_backward", "dW keys one index low (dW0..dW[L-1])", "other")
def lmb_keys_low(AL, Y, caches):
    grads = lmb_course(AL, Y, caches)
    L = len(caches)
    for l in range(1, L + 1):
        grads["dW" + str(l - 1)] = grads.pop("dW" + str(l)) if l == 1 else grads["dW" + str(l)]
    del grads["dW" + str(L)]
    return grads


@case("L_model_backward", "forgets the return", "other")
def lmb_no_return(AL, Y, caches):
    lmb_course(AL, Y, caches)


@case("L_model_backward", "NotImplementedError", "raises", message="not written yet")
def lmb_not_written(AL, Y, caches):
    raise NotImplementedError


# ----------------------------------------------------------------------------
# update_parameters(parameters, grads, learning_rate) -> parameters


@case("update_parameters", "course 2017, in place, range(L) and l + 1", "pass")
def up_course(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(L):
        parameters["W" + str(l + 1)] = (
            parameters["W" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)]
        )
        parameters["b" + str(l + 1)] = (
            parameters["b" + str(l + 1)] - learning_rate * grads["db" + str(l + 1)]
        )
    return parameters


@case("update_parameters", "course today, deepcopy", "pass")
def up_deepcopy(params, grads, learning_rate):
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters[f"W{l}"] -= learning_rate * grads[f"dW{l}"]
        parameters[f"b{l}"] -= learning_rate * grads[f"db{l}"]
    return parameters


@case("update_parameters", "dict comprehension, new dict", "pass")
def up_comprehension(parameters, grads, learning_rate):
    return {k: v - learning_rate * grads["d" + k] for k, v in parameters.items()}


@case("update_parameters", "float32 kept (astype back to the parameter's dtype)", "pass")
def up_float32(parameters, grads, learning_rate):
    new = {}
    for k, v in parameters.items():
        new[k] = (v - learning_rate * grads["d" + k]).astype(v.dtype)
    return new


@case("update_parameters", "computed in float32", "pass")
def up_computed_float32(parameters, grads, learning_rate):
    f = np.float32
    return {
        k: v.astype(f) - f(learning_rate) * grads["d" + k].astype(f) for k, v in parameters.items()
    }


@case("update_parameters", "-= on the given arrays, same dict returned", "pass")
def up_minus_equals(parameters, grads, learning_rate):
    for l in range(1, len(parameters) // 2 + 1):
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)]
    return parameters


@case("update_parameters", "loop over the keys of grads (dA's skipped)", "pass")
def up_over_grads(parameters, grads, learning_rate):
    new = dict(parameters)
    for key, g in grads.items():
        if key.startswith(("dW", "db")):
            new[key[1:]] = parameters[key[1:]] - learning_rate * g
    return new


@case("update_parameters", "plus", "mistake", "update-sign")
def up_plus(parameters, grads, learning_rate):
    return {k: v + learning_rate * grads["d" + k] for k, v in parameters.items()}


@case("update_parameters", "plus, in place loop over entries", "mistake", "update-sign")
def up_plus_loop(parameters, grads, learning_rate):
    parameters = copy.deepcopy(parameters)
    for k in parameters:
        P = parameters[k]
        G = grads["d" + k]
        for idx in np.ndindex(P.shape):
            P[idx] += learning_rate * G[idx]
    return parameters


@case("update_parameters", "range(1, L): skips layer L", "mistake", "update-skips-layer")
def up_skip_last(parameters, grads, learning_rate):
    parameters = copy.deepcopy(parameters)
    L = len(parameters) // 2
    for l in range(1, L):
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)]
    return parameters


@case("update_parameters", "range(L - 1) and l + 1: skips layer L", "mistake", "update-skips-layer")
def up_skip_2017(parameters, grads, learning_rate):
    L = len(parameters) // 2
    new = dict(parameters)
    for l in range(L - 1):
        new["W" + str(l + 1)] = new["W" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)]
        new["b" + str(l + 1)] = new["b" + str(l + 1)] - learning_rate * grads["db" + str(l + 1)]
    return new


@case("update_parameters", "2017 style, minus turned plus", "mistake", "update-sign")
def up_plus_2017(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(L):
        parameters["W" + str(l + 1)] += learning_rate * grads["dW" + str(l + 1)]
        parameters["b" + str(l + 1)] += learning_rate * grads["db" + str(l + 1)]
    return parameters


@case("update_parameters", "updates the W's only", "mistake", "update-b-missing")
def up_W_only(parameters, grads, learning_rate):
    new = dict(parameters)
    for l in range(1, len(parameters) // 2 + 1):
        new["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
    return new


@case("update_parameters", "in place, forgets the return", "other")
def up_no_return(parameters, grads, learning_rate):
    for k in parameters:
        parameters[k] = parameters[k] - learning_rate * grads["d" + k]


@case("update_parameters", "twice the step", "other")
def up_double(parameters, grads, learning_rate):
    return {k: v - 2 * learning_rate * grads["d" + k] for k, v in parameters.items()}


@case("update_parameters", "b goes up the slope, W down", "mistake", "update-sign")
def up_b_plus(parameters, grads, learning_rate):
    new = {}
    for k, v in parameters.items():
        sign = 1 if k.startswith("b") else -1
        new[k] = v + sign * learning_rate * grads["d" + k]
    return new


@case(
    "update_parameters",
    "plus, and the last layer skipped",
    "mistake",
    ("update-sign", "update-skips-layer"),
)
def up_two_mistakes(parameters, grads, learning_rate):
    new = dict(parameters)
    for l in range(1, len(parameters) // 2):
        new[f"W{l}"] = parameters[f"W{l}"] + learning_rate * grads[f"dW{l}"]
        new[f"b{l}"] = parameters[f"b{l}"] + learning_rate * grads[f"db{l}"]
    return new


@case("update_parameters", "hard-coded learning rate 0.01", "other")
def up_hardcoded(parameters, grads, learning_rate):
    return {k: v - 0.01 * grads["d" + k] for k, v in parameters.items()}


@case("update_parameters", "b updated with dW's key typo'd to db for W", "other")
def up_typo(parameters, grads, learning_rate):
    L = len(parameters) // 2
    new = {}
    for l in range(1, L + 1):
        new["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["db" + str(l)]
        new["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return new


@case("update_parameters", "returns grads", "other")
def up_returns_grads(parameters, grads, learning_rate):
    return grads


@case("update_parameters", "KeyError: grads['W1']", "raises", message="KeyError: 'W1'")
def up_keyerror(parameters, grads, learning_rate):
    return {k: v - learning_rate * grads[k] for k, v in parameters.items()}


# ----------------------------------------------------------------------------


# Cases the checker gets wrong today: (exercise, style) -> what it does wrong.
XFAIL: dict[tuple[str, str], str] = {}


def _params():
    for exercise, style, kind, mistake, allowed, message, fn in CASES:
        marks = []
        reason = XFAIL.get((exercise, style))
        if reason:
            marks.append(pytest.mark.xfail(strict=True, reason=reason))
        yield pytest.param(
            exercise,
            kind,
            mistake,
            allowed,
            message,
            fn,
            id=f"{exercise}[{kind}:{'+'.join(mistake)}] {style}",
            marks=marks,
        )


def test_every_listed_mistake_is_written_twice():
    """Here, or by the learners of tests/test_exercises_learners.py."""
    from test_exercises_learners import SUBMISSIONS

    written = {}
    for _, _, _, mistake, _, _, _ in CASES:
        for one in mistake:
            written[one] = written.get(one, 0) + 1
    for _, _, _, expect in SUBMISSIONS:
        for one in expect.get("mistake", ()):
            written[one] = written.get(one, 0) + 1
    assert {k for k in MISTAKES if written.get(k, 0) < 2} == set()


@pytest.mark.parametrize("exercise, kind, mistake, allowed, message, fn", list(_params()))
def test_battery(exercise, kind, mistake, allowed, message, fn):
    result = check(exercise, fn)
    report = str(result)
    if kind == "pass":
        assert result.passed, report
        assert result.mistakes == (), report
        return
    assert not result.passed, report
    assert set(result.mistakes) <= set(MISTAKES), report
    if kind == "mistake":
        assert set(mistake) <= set(result.mistakes), report
        assert set(result.mistakes) <= set(mistake) | allowed, report
        for one in mistake:
            assert f"Mistake {one}:" in report, report
    elif kind == "other":
        assert set(result.mistakes) <= allowed, report
        failing = [c for c in result.cases if not c.passed]
        assert failing and all(c.detail.strip() for c in failing), report
        assert all(c.detail in report for c in failing), report
    else:
        assert result.mistakes == (), report
        assert message in report, report
        if message != "not written yet":
            assert "inputs:" in report, report


def test_a_2017_grads_is_reported_under_the_learners_keys():
    def L_model_backward(AL, Y, caches):
        grads = lmb_2017(AL, Y, caches)
        grads["dA1"] = 2 * grads["dA1"]  # dA[0], under the 2017 key
        return grads

    result = check("L_model_backward", L_model_backward)
    assert not result.passed
    report = str(result)
    assert "grads['dA1']" in report, report
    assert "grads['dA0']" not in report, report


@pytest.mark.parametrize(
    "exercise, fn",
    [
        ("linear_backward", lb_no_keepdims_einsum),
        ("L_model_backward", lmb_2017_off_by_one),
        ("compute_cost", cost_11),
        ("linear_forward", lf_name_error),
    ],
)
def test_the_verdict_does_not_depend_on_the_language(exercise, fn):
    english = check(exercise, fn)
    set_language("fr")
    try:
        french = check(exercise, fn)
    finally:
        set_language("en")
    assert french.mistakes == english.mistakes
    assert [c.passed for c in french.cases] == [c.passed for c in english.cases]
    for one in french.mistakes:
        assert one in str(french)


def test_a_function_that_changes_its_inputs_does_not_change_the_next_check():
    first = check("update_parameters", up_minus_equals)
    again = check("update_parameters", up_minus_equals)
    wrong = check("update_parameters", up_plus)
    assert first.passed and again.passed, str(again)
    assert wrong.mistakes == ("update-sign",), str(wrong)


def test_a_keyboard_interrupt_is_not_a_verdict():
    def linear_backward(dZ, cache):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        check("linear_backward", linear_backward)


def _same(got, expected):
    if isinstance(expected, dict):
        assert set(got) == set(expected)
        for key in expected:
            _same(got[key], expected[key])
    elif isinstance(expected, (tuple, list)):
        assert len(got) == len(expected)
        for one, other in zip(got, expected, strict=True):
            _same(one, other)
    else:
        np.testing.assert_allclose(np.asarray(got, dtype=float), expected, atol=1e-12)


@pytest.mark.parametrize(
    "exercise, solution",
    [
        ("linear_forward", lf_triple_loop),
        ("linear_activation_forward", laf_loops),
        ("L_model_forward", lmf_columns),
        ("compute_cost", cost_loop),
        ("linear_backward", lb_loop),
        ("linear_activation_backward", lab_loops),
        ("L_model_backward", lmb_loop),
        ("update_parameters", up_comprehension),
    ],
)
def test_the_example_shows_what_a_loop_solution_computes(exercise, solution):
    args, expected = example(exercise)
    _same(solution(*copy.deepcopy(args)), expected)


def test_the_example_of_initialize_parameters_deep_gives_the_shapes():
    args, expected = example("initialize_parameters_deep")
    assert {k: v.shape for k, v in init_sqrt(*args).items()} == expected


def test_check_refuses_an_unknown_exercise_and_a_non_callable():
    with pytest.raises(ValueError):
        check("L_model_backwards", lmb_course)
    with pytest.raises(TypeError):
        check("L_model_backward", lmb_course(*example("L_model_backward").args))


def test_every_xfail_names_a_case():
    assert set(XFAIL) <= {(exercise, style) for exercise, style, *_ in CASES}


def test_a_caches_list_one_short_is_not_asked_to_be_a_tuple():
    report = str(check("L_model_forward", lmf_missing_cache))
    assert "got a list of 2" in report, report
    assert "expected a tuple" not in report, report
