"""The cases of the exercises, and the mistakes the checker knows.

This module serves :mod:`dnn_textbook.exercises`. It holds three things:

* the course's functions, written as the course's notebook writes them (its
  signatures, its cache layout), each with one switch, ``mistakes``: with
  ``mistakes=()`` it is right; with a mistake's id it makes just that
  mistake, the reference with one edit (``1/m`` dropped, ``keepdims``
  dropped, :math:`\\sigma'` replaced by :math:`\\sigma`...). The checker
  runs each variant on the same cases as the learner's function and names
  the mistake whose outputs the learner's function reproduces, however it
  was written (then, if none does, each pair of mistakes: 1/m forgotten in
  both dW and db is common; then each mistake made at one place only, such
  as ``"hidden-sigmoid@1"``, the sigmoid in layer 1: see :func:`at`);
* the cases of each exercise: the worked example's hand-worked numbers
  first, then cases with :math:`m \\ne n`, non-square :math:`W`, mixed
  signs, so that two different mistakes never give the same outputs;
* what each mistake means, in the lecture's words, and the section of the
  book that derives the right equation.

An id may have several variants (``"db-wrong-axis:all"``): the part before
the colon (or the ``@``) is the id the learner sees.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np

from .types import FloatArray


def _(message: str) -> str:
    """Mark a sentence for the catalog; the checker translates it when it shows it."""
    return message


# ---------------------------------------------------------------- the mistakes

#: The sections of the book that the mistakes point to: (doc, anchor) -> title.
SECTIONS: dict[tuple[str, str], str] = {
    ("forward", "the-forward-step-of-a-layer"): _(
        "Forward propagation: The forward step of a layer"
    ),
    ("forward", "activation-functions"): _("Forward propagation: Activation functions"),
    ("putting_together", "the-chain-of-layers"): _("Putting it together: The chain of layers"),
    ("putting_together", "the-loss-and-the-seed-of-the-backward-pass"): _(
        "Putting it together: The loss and the seed of the backward pass"
    ),
    ("backward", "what-the-backward-pass-computes"): _(
        "Backward propagation: What the backward pass computes"
    ),
    ("backward", "the-four-equations"): _("Backward propagation: The four equations"),
    ("backward", "the-vectorized-step"): _("Backward propagation: The vectorized step"),
    ("backward", "derivatives-of-the-activation-functions"): _(
        "Backward propagation: Derivatives of the activation functions"
    ),
    ("training", "initialization"): _("Training: Initialization"),
    ("training", "gradient-descent"): _("Training: Gradient descent"),
}

#: The columns of the book's table of the mistakes (docs/_ext/mistake_table.py).
TABLE_HEADERS = (_("Mistake"), _("What it means"), _("The section that derives the equation"))

_FWD = ("forward", "the-forward-step-of-a-layer")
_ACT = ("forward", "activation-functions")
_CHAIN = ("putting_together", "the-chain-of-layers")
_LOSS = ("putting_together", "the-loss-and-the-seed-of-the-backward-pass")
_VEC = ("backward", "the-vectorized-step")
_FOUR = ("backward", "the-four-equations")
_ONE_OVER_M = ("backward", "what-the-backward-pass-computes")
_DERIV = ("backward", "derivatives-of-the-activation-functions")

#: id -> (what it means, in the lecture's words; the section that derives the equation).
MEANINGS: dict[str, tuple[str, tuple[str, str]]] = {
    "forward-no-bias": (_("Z = W A_prev forgets the bias: Z = W A_prev + b."), _FWD),
    "forward-elementwise": (
        _("W A_prev is a matrix product (np.dot), not an entry-by-entry product (*)."),
        _FWD,
    ),
    "activation-swapped": (_("ReLU and sigmoid are swapped: each layer uses the other one."), _ACT),
    "activation-missing": (_("The activation is not applied: A = g(Z), not A = Z."), _ACT),
    "output-relu": (
        _("The output layer L uses the sigmoid, not ReLU: A[L] is a probability."),
        _CHAIN,
    ),
    "hidden-sigmoid": (_("The hidden layers 1 to L-1 use ReLU, not the sigmoid."), _CHAIN),
    "cost-no-mean": (_("The cost is the mean of the m losses: it divides by m."), _LOSS),
    "cost-sign": (_("The cost has the wrong sign: J = -(1/m) sum(...), with a minus."), _LOSS),
    "cost-missing-term": (
        _("A term of the cross-entropy is missing: y log(a) + (1 - y) log(1 - a)."),
        _LOSS,
    ),
    "cost-not-scalar": (
        _("The cost is a number, not an array of shape (1, 1) or (1,): np.squeeze it."),
        _LOSS,
    ),
    "dW-no-1/m": (_("dW = (1/m) dZ A_prev^T: the factor 1/m is missing."), _ONE_OVER_M),
    "db-no-1/m": (
        _("db = (1/m) sum over the examples of dZ: the factor 1/m is missing."),
        _ONE_OVER_M,
    ),
    "db-no-keepdims": (
        _("db has lost its column: it has the shape (n, 1) of b, not (n,) (keepdims=True)."),
        _VEC,
    ),
    "db-wrong-axis": (
        _("db sums dZ over the examples, its columns (axis=1), not over the units."),
        _VEC,
    ),
    "dW-no-transpose": (
        _("dW = (1/m) dZ A_prev^T: A_prev is transposed, and comes second."),
        _FOUR,
    ),
    "dA-prev-no-transpose": (_("dA_prev = W^T dZ: W is transposed."), _FOUR),
    "dA-prev-with-1/m": (
        _("dA_prev = W^T dZ has no factor 1/m: it keeps one column per example."),
        _ONE_OVER_M,
    ),
    "g-prime-missing": (_("dZ = dA * g′(Z): the slope g′ of the activation is missing."), _FOUR),
    "g-prime-of-A": (_("g′ is taken at A, not at Z: dZ = dA * g′(Z)."), _FOUR),
    "sigmoid-prime-wrong": (
        _("The slope of the sigmoid is s (1 - s), with s = sigmoid(Z)."),
        _DERIV,
    ),
    "relu-prime-wrong": (_("The slope of ReLU is 1 where Z > 0 and 0 elsewhere."), _DERIV),
    "seed-sign": (
        _("The seed dA[L] = -(Y / A[L] - (1 - Y) / (1 - A[L])) has the wrong sign."),
        _LOSS,
    ),
    "seed-missing-term": (
        _("A term of the seed dA[L] = -(Y / A[L] - (1 - Y) / (1 - A[L])) is missing."),
        _LOSS,
    ),
    "cache-off-by-one": (
        _("Layer l's backward step reads the cache of another layer: caches[l - 1] is layer l's."),
        _CHAIN,
    ),
    "update-sign": (
        _("Gradient descent goes down the slope: W = W - alpha dW, with a minus."),
        ("training", "gradient-descent"),
    ),
    "update-skips-layer": (
        _("A layer is not updated: the loop must run over every layer, 1 to L."),
        ("training", "gradient-descent"),
    ),
    "init-zeros": (
        _("W starts at zero: every unit of a layer then learns the same; W must be random."),
        ("training", "initialization"),
    ),
    "init-transposed": (
        _("W[l] has the shape (n[l], n[l-1]): one row per unit of layer l."),
        ("training", "initialization"),
    ),
    "init-b-not-zero": (
        _("b starts at zero, with the shape (n[l], 1)."),
        ("training", "initialization"),
    ),
}


def mistake_id(variant: str) -> str:
    """The id of a variant: ``"db-wrong-axis:all"``, ``"update-sign@b"`` -> the part before."""
    return variant.split("@")[0].split(":")[0]


def at(mistakes: tuple[str, ...], *places: str) -> tuple[str, ...]:
    """The mistakes made at one place (a layer, an activation, a parameter).

    Those made everywhere, and those confined to one of ``places``:
    ``"hidden-sigmoid@1"`` is the sigmoid in layer 1 only.

    >>> at(("forward-no-bias", "hidden-sigmoid@1", "update-sign@b"), "1")
    ('forward-no-bias', 'hidden-sigmoid')
    """
    made = []
    for variant in mistakes:
        mistake, _, place = variant.partition("@")
        if not place or place in places:
            made.append(mistake)
    return tuple(made)


def _layer(l: int, L: int) -> tuple[str, ...]:
    """The names of layer ``l`` of ``L`` for :func:`at`: its number, and ``"L"`` for the last."""
    return (str(l), "L") if l == L else (str(l),)


# ------------------------------------------------ the course's functions, with one switch


def _sigmoid(Z: FloatArray) -> FloatArray:
    return np.asarray(1 / (1 + np.exp(-Z)))


def linear_forward(A: Any, W: Any, b: Any, mistakes: tuple[str, ...] = ()) -> Any:
    if "forward-no-bias" in mistakes:
        Z = np.dot(W, A)
    elif "forward-elementwise" in mistakes:
        Z = W * A + b
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
    return A, (linear_cache, Z)


def L_model_forward(X: Any, parameters: Any, mistakes: tuple[str, ...] = ()) -> Any:
    L = len(parameters) // 2
    caches = []
    A = X
    for l in range(1, L + 1):
        made = at(mistakes, *_layer(l, L))
        if l < L:
            activation = "sigmoid" if "hidden-sigmoid" in made else "relu"
        else:
            activation = "relu" if "output-relu" in made else "sigmoid"
        W, b = parameters["W" + str(l)], parameters["b" + str(l)]
        A, cache = linear_activation_forward(A, W, b, activation, made)
        caches.append(cache)
    return A, caches


def compute_cost(AL: Any, Y: Any, mistakes: tuple[str, ...] = ()) -> Any:
    m = Y.shape[1]
    first, second = Y * np.log(AL), (1 - Y) * np.log(1 - AL)
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
    m = A_prev.shape[1]
    m_dW = 1 if "dW-no-1/m" in mistakes else m
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
    db = np.sum(dZ, axis=axis, keepdims=keepdims) / (1 if "db-no-1/m" in mistakes else m)
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
    return linear_backward(dZ, linear_cache, mistakes)


def L_model_backward(AL: Any, Y: Any, caches: Any, mistakes: tuple[str, ...] = ()) -> Any:
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    if "seed-sign" in mistakes:
        dAL = -dAL
    elif "seed-missing-term" in mistakes:
        dAL = -np.divide(Y, AL)
    elif "seed-missing-term:1-y" in mistakes:
        dAL = np.divide(1 - Y, 1 - AL)
    dA = dAL
    for l in reversed(range(1, L + 1)):
        made = at(mistakes, *_layer(l, L))
        if l < L:
            activation = "sigmoid" if "hidden-sigmoid" in made else "relu"
        else:
            activation = "relu" if "output-relu" in made else "sigmoid"
        dA, grads["dW" + str(l)], grads["db" + str(l)] = linear_activation_backward(
            dA, caches[_cache_read(l, L, made)], activation, made
        )
        grads["dA" + str(l - 1)] = dA
    return grads


def _cache_read(l: int, L: int, mistakes: tuple[str, ...]) -> int:
    """The index of the cache that layer ``l``'s backward step reads: ``l - 1`` when right."""
    if "cache-off-by-one:reversed" in mistakes:  # the list not reversed: layer L reads caches[0]
        return L - l
    if l == L:
        return L - 2 if "cache-off-by-one:output" in mistakes else L - 1
    if "cache-off-by-one" in mistakes:
        return l
    return l - 2 if "cache-off-by-one:before" in mistakes else l - 1


def update_parameters(
    parameters: Any, grads: Any, learning_rate: float, mistakes: tuple[str, ...] = ()
) -> Any:
    L = len(parameters) // 2
    skipped = (
        L
        if "update-skips-layer" in mistakes
        else 1
        if "update-skips-layer:first" in mistakes
        else 0
    )
    updated = {}
    for l in range(1, L + 1):
        W, b = parameters["W" + str(l)], parameters["b" + str(l)]
        if l == skipped:
            updated["W" + str(l)], updated["b" + str(l)] = W.copy(), b.copy()
            continue
        for key in ("W", "b"):
            sign = -1 if "update-sign" in at(mistakes, key) else 1
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

_FORWARD = ("forward-no-bias", "forward-elementwise")
_ACTIVATION = ("activation-swapped", "activation-missing")
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
)
_LAYERS = ("output-relu", "hidden-sigmoid")

#: The variants each exercise is compared with: its own mistakes and those of the steps it calls.
VARIANTS: dict[str, tuple[str, ...]] = {
    "initialize_parameters_deep": ("init-zeros", "init-transposed", "init-b-not-zero"),
    "linear_forward": _FORWARD,
    "linear_activation_forward": _FORWARD + _ACTIVATION,
    "L_model_forward": _FORWARD + _ACTIVATION + _LAYERS,
    "compute_cost": (
        "cost-no-mean",
        "cost-sign",
        "cost-missing-term",
        "cost-missing-term:y",
        "cost-not-scalar",
        "cost-not-scalar:1-d",
    ),
    "linear_backward": _BACKWARD,
    "linear_activation_backward": _BACKWARD + _SLOPES,
    # W dZ and dZ A_prev do not fit the shapes of a chain that ends with one unit: they raise
    "L_model_backward": tuple(v for v in _BACKWARD if "no-transpose" not in v)
    + _SLOPES
    + _LAYERS
    + (
        "seed-sign",
        "seed-missing-term",
        "seed-missing-term:1-y",
        "cache-off-by-one",
        "cache-off-by-one:before",
        "cache-off-by-one:output",
        "cache-off-by-one:reversed",
    ),
    "update_parameters": ("update-sign", "update-skips-layer", "update-skips-layer:first"),
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


# ------------------------------------------------------------------------ the cases


class Case(NamedTuple):
    """One case: a label, the arguments, and the expected outputs when worked by hand."""

    label: str
    args: tuple[Any, ...]
    expected: Any = None  # None: the reference's outputs on args
    fill: dict[str, Any] = {}  # the values of the placeholders of the label


def _a(*rows: Any) -> FloatArray:
    return np.array(rows, dtype=float)


# The worked example's network (docs/worked_example.rst), and its numbers worked by hand.
X, Y = _a([1, 2], [2, 1]), _a([1, 0])
W1, b1 = _a([1, 0], [0, 1], [1, -1]), _a([0], [1], [0])
W2, b2 = _a([-1, 1, -1], [-1, 1, 1]), _a([0], [0])
W3, b3 = _a([1, -2]), _a([2])
Z1, A1 = _a([1, 2], [3, 2], [-1, 1]), _a([1, 2], [3, 2], [0, 1])
Z2, A2 = _a([2, -1], [2, 1]), _a([2, 0], [2, 1])
Z3, A3 = _a([0, 0]), _a([0.5, 0.5])
dA3, dZ3 = _a([-2, 2]), _a([-0.5, 0.5])
dW3, db3, dA2 = _a([-0.5, -0.25]), _a([0]), _a([-0.5, 0.5], [1, -1])
dZ2 = _a([-0.5, 0], [1, -1])
dW2, db2 = _a([-0.25, -0.75, 0], [-0.5, 0.5, -0.5]), _a([-0.25], [0])
dA1, dZ1 = _a([-0.5, 1], [0.5, -1], [1.5, -1]), _a([-0.5, 1], [0.5, -1], [0, -1])
dW1, db1, dA0 = (
    _a([0.75, 0], [-0.75, 0], [-1, -0.5]),
    _a([0.25], [-0.25], [-0.5]),
    _a([-0.5, 0], [0.5, 0]),
)
PARAMETERS = {"W1": W1, "b1": b1, "W2": W2, "b2": b2, "W3": W3, "b3": b3}
CACHES = [((X, W1, b1), Z1), ((A1, W2, b2), Z2), ((A2, W3, b3), Z3)]
GRADS = {"dA2": dA2, "dW3": dW3, "db3": db3, "dA1": dA1, "dW2": dW2, "db2": db2}
GRADS |= {"dA0": dA0, "dW1": dW1, "db1": db1}  # in the order of the backward pass

_WORKED = _("the worked example")
_LAYER = _("the worked example, layer {l}")


def _random(seed: int, *shape: int) -> FloatArray:
    """Values with mixed signs, rounded to two decimals, none of them 0."""
    values = np.round(np.random.default_rng(seed).uniform(-2, 2, shape), 2)
    return np.where(values == 0, 0.5, values)


def _network(
    seed: int, dims: list[int], m: int
) -> tuple[FloatArray, FloatArray, dict[str, FloatArray]]:
    parameters = {}
    for l in range(1, len(dims)):
        parameters["W" + str(l)] = _random(seed + l, dims[l], dims[l - 1])
        parameters["b" + str(l)] = _random(seed + 10 * l, dims[l], 1) / 2
    Y = (_random(seed + 99, dims[-1], m) > 0).astype(float)
    Y[0, :2] = (1.0, 0.0)
    return _random(seed, dims[0], m), Y, parameters


def _backward_case(label: str, seed: int, dims: list[int], m: int) -> Case:
    X, Y, parameters = _network(seed, dims, m)
    AL, caches = L_model_forward(X, parameters)
    return Case(label, (AL, Y, caches))


def _update_case(label: str, seed: int, dims: list[int], learning_rate: float) -> Case:
    X, Y, parameters = _network(seed, dims, 4)
    AL, caches = L_model_forward(X, parameters)
    return Case(label, (parameters, L_model_backward(AL, Y, caches), learning_rate))


def cases(exercise: str) -> list[Case]:
    """The cases of one exercise, the worked example's first."""
    r = _random
    if exercise == "initialize_parameters_deep":
        return [Case(_("the course's example"), ([5, 4, 3],))] + [
            Case(f"L = {len(dims) - 1}", (dims,)) for dims in ([2, 3, 1], [3, 3, 3, 1], [4, 1])
        ]
    if exercise == "linear_forward":
        return [
            Case(_LAYER, (X, W1, b1), (Z1, (X, W1, b1)), {"l": 1}),
            Case("n[l] = 2, n[l-1] = 3, m = 4", (r(1, 3, 4), r(2, 2, 3), r(3, 2, 1))),
            Case("n[l] = n[l-1] = m = 2", (r(4, 2, 2), r(5, 2, 2), r(6, 2, 1))),
        ]
    if exercise == "linear_activation_forward":
        return [
            Case(_LAYER, (A1, W2, b2, "relu"), (A2, ((A1, W2, b2), Z2)), {"l": 2}),
            Case(_LAYER, (A2, W3, b3, "sigmoid"), (A3, ((A2, W3, b3), Z3)), {"l": 3}),
            Case("relu, m = 4", (r(7, 3, 4), r(8, 2, 3), r(9, 2, 1), "relu")),
            Case("sigmoid, m = 3", (r(10, 4, 3), r(11, 1, 4), r(12, 1, 1), "sigmoid")),
            Case("relu, n[l] = n[l-1] = m = 2", (r(13, 2, 2), r(14, 2, 2), r(15, 2, 1), "relu")),
        ]
    if exercise == "L_model_forward":
        return [Case(_WORKED, (X, PARAMETERS), (A3, CACHES))] + [
            Case(f"{dims}, m = {m}", _network(seed, dims, m)[::2])
            for seed, dims, m in ((20, [4, 3, 2, 1], 5), (30, [3, 2, 1], 4), (40, [2, 2, 2, 1], 2))
        ]
    if exercise == "compute_cost":
        return [
            Case(_WORKED, (A3, Y), float(np.log(2))),
            Case("m = 4", (_a([0.8, 0.1, 0.6, 0.3]), _a([1, 0, 0, 1]))),
            Case("m = 3", (_a([0.9, 0.2, 0.7]), _a([1, 1, 0]))),
        ]
    if exercise == "linear_backward":
        return [
            Case(_LAYER, (dZ2, (A1, W2, b2)), (dA1, dW2, db2), {"l": 2}),
            Case(_LAYER, (dZ3, (A2, W3, b3)), (dA2, dW3, db3), {"l": 3}),
            Case(
                "n[l] = 2, n[l-1] = 3, m = 4",
                (r(50, 2, 4), (r(51, 3, 4), r(52, 2, 3), r(53, 2, 1))),
            ),
            Case(
                "n[l] = n[l-1] = 3, m = 2", (r(54, 3, 2), (r(55, 3, 2), r(56, 3, 3), r(57, 3, 1)))
            ),
        ]
    if exercise == "linear_activation_backward":
        return [
            Case(_LAYER, (dA2, ((A1, W2, b2), Z2), "relu"), (dA1, dW2, db2), {"l": 2}),
            Case(_LAYER, (dA3, ((A2, W3, b3), Z3), "sigmoid"), (dA2, dW3, db3), {"l": 3}),
        ] + [
            Case(
                f"{g}, n[l] = {n}, n[l-1] = {n_prev}, m = {m}",
                (
                    r(s, n, m),
                    ((r(s + 1, n_prev, m), r(s + 2, n, n_prev), r(s + 3, n, 1)), r(s + 4, n, m)),
                    g,
                ),
            )
            for s, g, n, n_prev, m in (
                (60, "relu", 3, 4, 5),
                (70, "sigmoid", 2, 3, 4),
                (80, "relu", 3, 3, 2),
            )
        ]
    if exercise == "L_model_backward":
        return [
            Case(_WORKED, (A3, Y, CACHES), GRADS),
            _backward_case("[4, 3, 2, 1], m = 5", 90, [4, 3, 2, 1], 5),
            _backward_case("[3, 2, 1, 1], m = 4", 100, [3, 2, 1, 1], 4),
            # one unit in every layer, so that the cache of any layer fits any other
            _backward_case("[1, 1, 1, 1], m = 3", 130, [1, 1, 1, 1], 3),
        ]
    if exercise == "update_parameters":
        expected = {k: v - 0.1 * GRADS["d" + k] for k, v in PARAMETERS.items()}
        return [
            Case(_WORKED, (PARAMETERS, GRADS, 0.1), expected),
            _update_case("[3, 2, 2, 1], learning_rate = 0.05", 110, [3, 2, 2, 1], 0.05),
            _update_case("[4, 3, 1], learning_rate = 1.2", 120, [4, 3, 1], 1.2),
        ]
    raise KeyError(exercise)
