"""The cases of the exercises: the worked example's numbers first, then cases of every shape.

The worked example's hand-worked numbers come first, then cases with
:math:`m \\ne n`, non-square :math:`W`, mixed signs, so that two different
mistakes never give the same outputs. Grading draws its hidden cases with
``seed``: the same shapes, new values, so that outputs copied from the
published cases fail.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np

from ..types import FloatArray
from .mistakes import _
from .reference import L_model_backward, L_model_forward


class Case(NamedTuple):
    """One case: a label, the arguments, and the expected outputs when worked by hand."""

    label: str
    args: tuple[Any, ...]
    expected: Any = None  # None: the reference's outputs on args
    fill: dict[str, Any] = {}  # the placeholders' values; a (label, fill) pair is a label too


def label(case: Case, translate: Any) -> str:
    """The case's label, translated with ``translate`` and filled."""
    fill = {
        key: translate(value[0]).format(**value[1]) if isinstance(value, tuple) else value
        for key, value in case.fill.items()
    }
    return str(translate(case.label).format(**fill))


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


def _random(seed: int, *shape: int, draw: int | None = None) -> FloatArray:
    """Values with mixed signs, rounded to two decimals, none 0; ``draw`` for hidden cases."""
    rng = np.random.default_rng(seed if draw is None else [seed, draw])
    values = np.round(rng.uniform(-2, 2, shape), 2)
    return np.where(values == 0, 0.5, values)


def _zeros(Z: FloatArray) -> FloatArray:
    """``Z`` with every third entry 0."""
    Z = Z.copy()
    Z.flat[::3] = 0.0
    return Z


def _network(
    seed: int, dims: list[int], m: int, draw: int | None = None
) -> tuple[FloatArray, FloatArray, dict[str, FloatArray]]:
    parameters = {}
    for l in range(1, len(dims)):
        parameters["W" + str(l)] = _random(seed + l, dims[l], dims[l - 1], draw=draw)
        parameters["b" + str(l)] = _random(seed + 10 * l, dims[l], 1, draw=draw) / 2
    Y = (_random(seed + 99, dims[-1], m, draw=draw) > 0).astype(float)
    Y[0, :2] = (1.0, 0.0)
    return _random(seed, dims[0], m, draw=draw), Y, parameters


def _backward_case(label: str, seed: int, dims: list[int], m: int, draw: int | None) -> Case:
    X, Y, parameters = _network(seed, dims, m, draw)
    AL, caches = L_model_forward(X, parameters)
    return Case(label, (AL, Y, caches))


def _update_case(
    label: str, seed: int, dims: list[int], learning_rate: float, draw: int | None
) -> Case:
    X, Y, parameters = _network(seed, dims, 4, draw)
    AL, caches = L_model_forward(X, parameters)
    return Case(label, (parameters, L_model_backward(AL, Y, caches), learning_rate))


def cases(exercise: str, seed: int | None = None) -> list[Case]:
    """The cases of one exercise, the worked example's first; with ``seed``, hidden ones too.

    The hidden cases have the shapes of the published ones and values drawn
    with ``seed``: a grade can be reproduced from the seed, and outputs
    copied from the published cases fail them.
    """
    published = _cases(exercise, None)
    if seed is None:
        return published
    hidden = [case for case in _cases(exercise, seed) if case.expected is None]
    # a label that names a case ("the Z of case 4") names its hidden twin among the hidden ones
    twin = [i for i, case in enumerate(published, start=1) if case.expected is None]
    number = {i: len(published) + k for k, i in enumerate(twin, start=1)}
    return published + [
        case._replace(
            label=_("hidden: {label}"),
            fill={"label": (case.label, {k: number.get(v, v) for k, v in case.fill.items()})},
        )
        for case in hidden
    ]


def _cases(exercise: str, draw: int | None) -> list[Case]:
    def r(seed: int, *shape: int) -> FloatArray:
        return _random(seed, *shape, draw=draw)

    if exercise == "initialize_parameters_deep":
        if draw is not None:  # hidden: sizes drawn for the run
            dims = [int(n) for n in np.random.default_rng([1, draw]).integers(2, 9, size=4)]
            return [Case(f"L = {len(dims) - 1}", (dims,))]
        return (
            [Case(_("the course's example"), ([5, 4, 3],))]
            + [Case(f"L = {len(dims) - 1}", (dims,)) for dims in ([2, 3, 1], [3, 3, 3, 1], [4, 1])]
            # large enough for the scale of W to show: 0.01 N(0, 1), not N(0, 1)
            + [Case(_("a large layer"), ([300, 200, 1],))]
        )
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
            Case(f"{dims}, m = {m}", _network(seed, dims, m, draw)[::2])
            for seed, dims, m in (
                (20, [4, 3, 2, 1], 5),
                (30, [3, 2, 1], 4),
                (40, [2, 2, 2, 1], 2),
                (50, [3, 1], 4),  # one layer: the output layer's step is the only one
                (60, [3, 4, 3, 2, 2, 1], 3),  # five layers
            )
        ]
    if exercise == "compute_cost":
        if draw is not None:  # hidden: probabilities and labels drawn for the run
            rng = np.random.default_rng([2, draw])
            drawn = []
            for m in (4, 3):
                labels = rng.integers(0, 2, (1, m))
                labels[0, :2] = (1, 0)
                AL = np.round(rng.uniform(0.05, 0.95, (1, m)), 2)
                drawn.append(Case(f"m = {m}", (AL, labels.astype(float))))
            return drawn
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
        return (
            [
                Case(_LAYER, (dA2, ((A1, W2, b2), Z2), "relu"), (dA1, dW2, db2), {"l": 2}),
                Case(_LAYER, (dA3, ((A2, W3, b3), Z3), "sigmoid"), (dA2, dW3, db3), {"l": 3}),
            ]
            + [
                Case(
                    f"{g}, n[l] = {n}, n[l-1] = {n_prev}, m = {m}",
                    (
                        r(s, n, m),
                        (
                            (r(s + 1, n_prev, m), r(s + 2, n, n_prev), r(s + 3, n, 1)),
                            r(s + 4, n, m),
                        ),
                        g,
                    ),
                )
                for s, g, n, n_prev, m in (
                    (60, "relu", 3, 4, 5),
                    (70, "sigmoid", 2, 3, 4),
                    (80, "relu", 3, 3, 2),
                )
            ]
            + [
                # Z = 0 exactly in some entries: the slope of ReLU there is 0, as in the course
                Case(
                    _("relu, Z = 0 in some entries"),
                    (
                        r(90, 3, 4),
                        ((r(91, 4, 4), r(92, 3, 4), r(93, 3, 1)), _zeros(r(94, 3, 4))),
                        "relu",
                    ),
                ),
                # case 4 again with another dA: a slope that depends on dA is no slope
                Case(
                    _("sigmoid, the Z of case {i} with another dA"),
                    (
                        r(75, 2, 4),
                        ((r(71, 3, 4), r(72, 2, 3), r(73, 2, 1)), r(74, 2, 4)),
                        "sigmoid",
                    ),
                    fill={"i": 4},
                ),
            ]
        )
    if exercise == "L_model_backward":
        return [
            Case(_WORKED, (A3, Y, CACHES), GRADS),
            _backward_case("[4, 3, 2, 1], m = 5", 90, [4, 3, 2, 1], 5, draw),
            _backward_case("[3, 2, 1, 1], m = 4", 100, [3, 2, 1, 1], 4, draw),
            # one unit in every layer, so that the cache of any layer fits any other
            _backward_case("[1, 1, 1, 1], m = 3", 130, [1, 1, 1, 1], 3, draw),
            # one layer, and five: a chain right only for L = 2 or 3 fails here
            _backward_case("[3, 1], m = 4", 140, [3, 1], 4, draw),
            _backward_case("[3, 4, 3, 2, 2, 1], m = 3", 150, [3, 4, 3, 2, 2, 1], 3, draw),
        ]
    if exercise == "update_parameters":
        expected = {k: v - 0.1 * GRADS["d" + k] for k, v in PARAMETERS.items()}
        return [
            Case(_WORKED, (PARAMETERS, GRADS, 0.1), expected),
            _update_case("[3, 2, 2, 1], learning_rate = 0.05", 110, [3, 2, 2, 1], 0.05, draw),
            _update_case("[4, 3, 1], learning_rate = 1.2", 120, [4, 3, 1], 1.2, draw),
        ]
    raise KeyError(exercise)
