"""The course's functions, each with one switch: the mistakes it makes.

Written as the course's notebook writes them (its signatures, its cache
layout ``((A_prev, W, b), Z)``), each takes ``mistakes``: with
``mistakes=()`` it is right; with a mistake's id it makes just that mistake,
the reference with one edit (``1/m`` dropped, ``keepdims`` dropped,
:math:`\\sigma'` replaced by :math:`\\sigma`...). The checker runs each
variant on the same cases as the learner's function and names the mistake
whose outputs the learner's function reproduces, however it was written
(then, if none does, each pair of mistakes; then each mistake made at one
place only, such as ``"hidden-sigmoid@1"``: see :func:`.mistakes.at`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from ..types import FloatArray
from .mistakes import at, mistake_id


def _layer(l: int, L: int) -> tuple[str, ...]:
    """The names of layer ``l`` of ``L`` for :func:`at`: its number, and ``"L"`` for the last."""
    return (str(l), "L") if l == L else (str(l),)


def _sigmoid(Z: FloatArray) -> FloatArray:
    return np.asarray(1 / (1 + np.exp(-Z)))


def linear_forward(A: Any, W: Any, b: Any, mistakes: tuple[str, ...] = ()) -> Any:
    if "forward-no-bias" in mistakes:
        Z = np.dot(W, A)
    elif "forward-elementwise" in mistakes:
        Z = W * A + b
    elif "b-flattened" in mistakes:  # added along the rows: it raises unless m = n[l] or m = 1
        Z = np.dot(W, A) + b.ravel()
    else:
        Z = np.dot(W, A) + b
    return Z, (A, W, b)


def linear_activation_forward(
    A_prev: Any, W: Any, b: Any, activation: str, mistakes: tuple[str, ...] = ()
) -> Any:
    mistakes = at(mistakes, activation)
    Z, linear_cache = linear_forward(A_prev, W, b, mistakes)
    if "activation-swapped" in mistakes:
        activation = "relu" if activation == "sigmoid" else "sigmoid"
    if "activation-missing" in mistakes:
        A = Z.copy()
    elif activation == "sigmoid":
        A = _sigmoid(Z)
    else:
        A = np.maximum(0, Z)
    return A, (linear_cache, A if "cache-holds-A" in mistakes else Z)


def L_model_forward(X: Any, parameters: Any, mistakes: tuple[str, ...] = ()) -> Any:
    L = len(parameters) // 2
    caches = []
    A = X
    for l in range(1, L + 1):
        if _skipped(l, L, mistakes):
            continue
        made = at(mistakes, *_layer(l, L))
        if l < L:
            activation = "sigmoid" if "hidden-sigmoid" in made else "relu"
        else:
            activation = "relu" if "output-relu" in made else "sigmoid"
        W, b = parameters["W" + str(l)], parameters["b" + str(l)]
        A, cache = linear_activation_forward(A, W, b, activation, made)
        caches.append(cache)
    if "caches-wrong" in mistakes:  # never appended
        caches = []
    elif "caches-wrong:last" in mistakes:  # overwritten: only the last cache is kept
        caches = caches[-1:]
    elif "caches-wrong:reversed" in mistakes:
        caches = caches[::-1]
    return A, caches


def _skipped(l: int, L: int, mistakes: tuple[str, ...]) -> bool:
    """Whether the loop over the hidden layers misses layer ``l``: range(1, L - 1), range(2, L)."""
    if l == L:
        return False
    if "loop-off-by-one" in mistakes:
        return l == L - 1
    return "loop-off-by-one:first" in mistakes and l == 1


def compute_cost(AL: Any, Y: Any, mistakes: tuple[str, ...] = ()) -> Any:
    m = Y.shape[1]
    first, second = Y * np.log(AL), (1 - Y) * np.log(1 - AL)
    if "cost-wrong-log" in mistakes:  # log(a) in both terms: invisible at a = 0.5
        second = (1 - Y) * np.log(AL)
    if "cost-missing-term" in mistakes:
        second = 0 * second
    elif "cost-missing-term:y" in mistakes:
        first = 0 * first
    total = float(np.sum(first + second))
    sign = 1 if "cost-sign" in mistakes else -1
    cost = sign * total / (1 if "cost-no-mean" in mistakes else m)
    if "cost-not-scalar" in mistakes:
        return np.array([[cost]])
    if "cost-not-scalar:1-d" in mistakes:
        return np.array([cost])
    return cost


def linear_backward(dZ: Any, cache: Any, mistakes: tuple[str, ...] = ()) -> Any:
    A_prev, W, b = cache
    m = A_prev.shape[0 if "m-from-rows" in mistakes else 1]
    m_dW = 1 if "dW-no-1/m" in mistakes else m
    if "floor-division" in mistakes or "floor-division:dW" in mistakes:
        m_dW = np.inf  # (1 // m) * ... is 0 for every m > 1
    if "dW-no-transpose" in mistakes:
        dW = np.dot(dZ, A_prev) / m_dW
    elif "dW-no-transpose:swapped" in mistakes:
        dW = np.dot(A_prev, dZ.T) / m_dW
    else:
        dW = np.dot(dZ, A_prev.T) / m_dW
    axis: int | None = 0 if any(v.startswith("db-wrong-axis") for v in mistakes) else 1
    keepdims = not {"db-no-keepdims", "db-wrong-axis:flat", "db-wrong-axis:all"} & set(mistakes)
    if "db-wrong-axis:all" in mistakes:
        axis = None
    m_db = 1 if "db-no-1/m" in mistakes else m
    if "floor-division" in mistakes or "floor-division:db" in mistakes:
        m_db = np.inf
    db = np.sum(dZ, axis=axis, keepdims=keepdims) / m_db
    if "db-no-keepdims:squeezed" in mistakes:  # a number when n[l] = 1
        db = np.squeeze(np.sum(dZ, axis=1, keepdims=True)) / m_db
    dA_prev = np.dot(W if "dA-prev-no-transpose" in mistakes else W.T, dZ)
    if "dA-prev-with-1/m" in mistakes:
        dA_prev = dA_prev / m
    return dA_prev, dW, db


def linear_activation_backward(
    dA: Any, cache: Any, activation: str, mistakes: tuple[str, ...] = ()
) -> Any:
    linear_cache, Z = cache
    if "activation-swapped" in mistakes:
        activation = "relu" if activation == "sigmoid" else "sigmoid"
    if activation == "relu":
        if np.shape(dA) != np.shape(Z):  # as the course's relu_backward, which raises there
            raise ValueError("dA and Z differ in shape")
        dZ = dA * (Z > 0)
        if "relu-prime-wrong" in mistakes:
            dZ = dA * np.maximum(0, Z)
        elif "relu-prime-wrong:dA" in mistakes:
            dZ = np.where(dA > 0, dA, 0.0)
        elif "relu-prime-wrong:inverted" in mistakes:
            dZ = dA * (Z <= 0)
        elif "relu-prime-wrong:Z" in mistakes:
            dZ = dA * Z
    else:
        s = _sigmoid(Z)
        dZ = dA * s * (1 - s)
        if "sigmoid-prime-wrong" in mistakes:
            dZ = dA * s
        elif "sigmoid-prime-wrong:1-s" in mistakes:
            dZ = dA * (1 - s)
        elif "sigmoid-prime-wrong:of-Z" in mistakes:
            dZ = dA * Z * (1 - Z)
        elif "g-prime-of-A" in mistakes:
            a = _sigmoid(s)
            dZ = dA * a * (1 - a)
    if "g-prime-missing" in mistakes or "g-prime-missing:" + activation in mistakes:
        dZ = dA
    elif "dZ-no-dA" in mistakes or "dZ-no-dA:" + activation in mistakes:  # dZ = g'(Z)
        dZ = dZ / np.where(dA == 0, 1, dA)
    return linear_backward(dZ, linear_cache, mistakes)


def L_model_backward(AL: Any, Y: Any, caches: Any, mistakes: tuple[str, ...] = ()) -> Any:
    grads: dict[str, Any] = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    dAL = _seed(AL, Y, mistakes)
    dA = dAL
    for l in reversed(range(1, L + 1)):
        if _skipped(l, L, mistakes):
            continue
        made = at(mistakes, *_layer(l, L))
        if l < L:
            activation = "sigmoid" if "hidden-sigmoid" in made else "relu"
            if "chain-seed-everywhere" in made:
                dA = dAL
            elif "chain-broken" in made:  # every hidden layer reads the output layer's dA_prev
                dA = grads["dA" + str(L - 1)]
        else:
            activation = "relu" if "output-relu" in made else "sigmoid"
            if "seed-is-dZ" in mistakes:  # A[L] - Y is dZ[L]: through the sigmoid's slope again
                dA = AL - Y
        dA, dW, db = linear_activation_backward(
            dA, caches[_cache_read(l, L, made)], activation, made
        )
        # a hidden layer's keys one off: dA[l-1] under "dA" + str(l), or dW[l] under "dW" + str(l-1)
        shift = 1 if l < L and "grads-key-off-by-one:dW" in made else 0
        grads["dW" + str(l - shift)], grads["db" + str(l - shift)] = dW, db
        grads["dA" + str(l if l < L and "grads-key-off-by-one" in made else l - 1)] = dA
    return grads


def _seed(AL: Any, Y: Any, mistakes: tuple[str, ...]) -> Any:
    """The seed dA[L] = -(Y / A[L] - (1 - Y) / (1 - A[L])), or a variant of it."""
    right = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    variants = {
        "seed-sign": -right,
        "seed-sign:first": np.divide(Y, AL) + np.divide(1 - Y, 1 - AL),
        "seed-sign:second": -(np.divide(Y, AL) + np.divide(1 - Y, 1 - AL)),
        "seed-missing-term": -np.divide(Y, AL),
        "seed-missing-term:1-y": np.divide(1 - Y, 1 - AL),
        "seed-is-AL": AL,
        "seed-with-1/m": right / AL.shape[1],
    }
    for variant, seed in variants.items():
        if variant in mistakes:
            return seed
    return right


def _cache_read(l: int, L: int, mistakes: tuple[str, ...]) -> int:
    """The index of the cache that layer ``l``'s backward step reads: ``l - 1`` when right."""
    if "cache-off-by-one:reversed" in mistakes:  # the list not reversed: layer L reads caches[0]
        return L - l
    if "cache-off-by-one:hidden-reversed" in mistakes and l < L:  # caches[L-2-l], 0-based l
        return L - 1 - l
    if l == L:
        return L - 2 if "cache-off-by-one:output" in mistakes else L - 1
    if "cache-off-by-one" in mistakes:
        return l
    return l - 2 if "cache-off-by-one:before" in mistakes else l - 1


def update_parameters(
    parameters: Any, grads: Any, learning_rate: float, mistakes: tuple[str, ...] = ()
) -> Any:
    L = len(parameters) // 2
    skipped = {
        "update-skips-layer": {L},
        "update-skips-layer:first": {1},
        "update-skips-layer:only-last": set(range(1, L)),  # the update outside the loop
    }
    updated = {}
    for l in range(1, L + 1):
        W, b = parameters["W" + str(l)], parameters["b" + str(l)]
        if any(l in skipped[variant] for variant in skipped if variant in mistakes):
            updated["W" + str(l)], updated["b" + str(l)] = W.copy(), b.copy()
            continue
        for key in ("W", "b"):
            sign = -1 if "update-sign" in at(mistakes, key) else 1
            sign = 0 if key == "b" and "update-b-missing" in mistakes else sign
            value = parameters[key + str(l)]
            updated[key + str(l)] = value - sign * learning_rate * grads["d" + key + str(l)]
    return updated


REFERENCES: dict[str, Callable[..., Any]] = {
    "linear_forward": linear_forward,
    "linear_activation_forward": linear_activation_forward,
    "L_model_forward": L_model_forward,
    "compute_cost": compute_cost,
    "linear_backward": linear_backward,
    "linear_activation_backward": linear_activation_backward,
    "L_model_backward": L_model_backward,
    "update_parameters": update_parameters,
}

_FORWARD = ("forward-no-bias", "forward-elementwise", "b-flattened")
_ACTIVATION = ("activation-swapped", "activation-missing", "cache-holds-A")
_BACKWARD = (
    "dW-no-1/m",
    "dW-no-transpose",
    "dW-no-transpose:swapped",
    "db-no-1/m",
    "db-no-keepdims",
    "db-wrong-axis",
    "db-wrong-axis:flat",
    "db-wrong-axis:all",
    "dA-prev-no-transpose",
    "dA-prev-with-1/m",
    "db-no-keepdims:squeezed",
    "m-from-rows",
    "floor-division",
    "floor-division:dW",
    "floor-division:db",
)
_SLOPES = (
    "activation-swapped",
    "g-prime-missing",
    "g-prime-missing:relu",
    "g-prime-missing:sigmoid",
    "g-prime-of-A",
    "sigmoid-prime-wrong",
    "sigmoid-prime-wrong:1-s",
    "sigmoid-prime-wrong:of-Z",
    "relu-prime-wrong",
    "relu-prime-wrong:dA",
    "relu-prime-wrong:inverted",
    "relu-prime-wrong:Z",
    "dZ-no-dA",
    "dZ-no-dA:relu",
    "dZ-no-dA:sigmoid",
)
_LAYERS = ("output-relu", "hidden-sigmoid")

#: The variants each exercise is compared with: its own mistakes and those of the steps it calls.
VARIANTS: dict[str, tuple[str, ...]] = {
    "initialize_parameters_deep": (
        "init-zeros",
        "init-transposed",
        "init-no-scale",
        "init-rand",
        "init-b-not-zero",
    ),
    "linear_forward": _FORWARD,
    "linear_activation_forward": _FORWARD + _ACTIVATION,
    "L_model_forward": _FORWARD
    + _ACTIVATION
    + _LAYERS
    + (
        "caches-wrong",
        "caches-wrong:last",
        "caches-wrong:reversed",
        "loop-off-by-one",
        "loop-off-by-one:first",
    ),
    "compute_cost": (
        "cost-no-mean",
        "cost-sign",
        "cost-missing-term",
        "cost-missing-term:y",
        "cost-not-scalar",
        "cost-not-scalar:1-d",
        "cost-wrong-log",
    ),
    "linear_backward": _BACKWARD,
    "linear_activation_backward": _BACKWARD + _SLOPES,
    # W dZ and dZ A_prev do not fit the shapes of a chain that ends with one unit: they raise
    "L_model_backward": tuple(v for v in _BACKWARD if "no-transpose" not in v)
    + _SLOPES
    + _LAYERS
    + (
        "seed-sign",
        "seed-sign:first",
        "seed-sign:second",
        "seed-missing-term",
        "seed-missing-term:1-y",
        "seed-is-AL",
        "seed-is-dZ",
        "seed-with-1/m",
        "chain-seed-everywhere",
        "chain-broken",
        "cache-off-by-one",
        "cache-off-by-one:before",
        "cache-off-by-one:output",
        "cache-off-by-one:reversed",
        "cache-off-by-one:hidden-reversed",
        "loop-off-by-one",
        "loop-off-by-one:first",
        "grads-key-off-by-one",
        "grads-key-off-by-one:dW",
    ),
    "update_parameters": (
        "update-sign",
        "update-skips-layer",
        "update-skips-layer:first",
        "update-skips-layer:only-last",
        "update-b-missing",
    ),
}

#: The places where a mistake may be made alone (see :func:`at`): the layers, the activations,
#: the parameters.
PLACES: dict[str, tuple[str, ...]] = {
    "linear_activation_forward": ("sigmoid", "relu"),
    "L_model_forward": ("1", "2", "L"),
    "L_model_backward": ("1", "2", "L"),
    "update_parameters": ("W", "b"),
}

#: The step each exercise calls: its mistakes are the exercise's too.
CALLS = {
    "linear_activation_forward": "linear_forward",
    "L_model_forward": "linear_activation_forward",
    "linear_activation_backward": "linear_backward",
    "L_model_backward": "linear_activation_backward",
}


def own_mistakes(exercise: str) -> set[str]:
    """The ids of the mistakes of the exercise itself, not of the step it calls."""
    called = VARIANTS.get(CALLS.get(exercise, ""), ())
    return {mistake_id(v) for v in VARIANTS[exercise] if v not in called}
