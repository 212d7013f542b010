r"""Training: gradient descent with the forward and backward passes.

One iteration of training runs the whole chain once: forward
propagation, the cost, backward propagation, and an update of every
parameter against its gradient. The learning rate :math:`\alpha` is a
hyperparameter: it is chosen by the user, not learned.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from typing import Literal, overload

import numpy as np

from . import _checks
from ._i18n import _, ngettext
from .chain import L_model_forward, _activations, _L_model_backward, _L_model_forward
from .initialization import _layer_sizes, initialize_parameters_deep
from .loss import _compute_cost
from .types import ArrayLike, ArraysByName, FloatArray, Gradients, Parameters

__all__ = ["L_layer_model", "predict", "update_parameters"]


def update_parameters(
    parameters: ArraysByName, grads: ArraysByName, learning_rate: float
) -> Parameters:
    r"""One step of gradient descent on every layer.

    .. math::

       W^{[l]} := W^{[l]} - \alpha\, dW^{[l]}, \qquad b^{[l]} := b^{[l]} - \alpha\, db^{[l]}

    By hand, with :math:`\alpha = 0.5`: :math:`1 - 0.5 \cdot 2 = 0` and
    :math:`0.5 - 0.5 \cdot (-1) = 1`:

    >>> parameters = {"W1": np.array([[1.0, 2.0]]), "b1": np.array([[0.5]])}
    >>> grads = {"dW1": np.array([[2.0, 0.0]]), "db1": np.array([[-1.0]])}
    >>> update_parameters(parameters, grads, 0.5)
    {'W1': array([[0., 2.]]), 'b1': array([[1.]])}

    The input dictionary is left unchanged; a new one is returned.

    Parameters
    ----------
    parameters : dict
        ``"W1"``, ``"b1"``, ..., ``"WL"``, ``"bL"``.
    grads : dict
        ``"dW1"``, ``"db1"``, ... of the same shapes.
    learning_rate : float
        The step size :math:`\alpha`.

    Returns
    -------
    dict
        The updated parameters.
    """
    L = _checks.layer_count(parameters)
    learning_rate = _checks.learning_rate(learning_rate)
    arrays: Parameters = {}
    gradients: Gradients = {}
    for l in range(1, L + 1):
        for name in (f"W{l}", f"b{l}"):
            if "d" + name not in grads:
                raise ValueError(
                    _("grads has no {dname} for the parameter {name}").format(
                        dname="d" + name, name=name
                    )
                )
            p = arrays[name] = _checks.as_float_array(parameters[name], name)
            g = gradients["d" + name] = _checks.as_float_array(grads["d" + name], "d" + name)
            if g.shape != p.shape:
                raise ValueError(
                    _("grads: {dname} has shape {shape} but {name} has {p_shape}").format(
                        dname="d" + name, shape=g.shape, name=name, p_shape=p.shape
                    )
                )
    return _update_parameters(arrays, gradients, learning_rate, L)


def _update_parameters(
    parameters: Parameters, grads: Gradients, learning_rate: float, L: int
) -> Parameters:
    """One step of gradient descent, trusting what the entrance checked."""
    updated: Parameters = {}
    for l in range(1, L + 1):
        for name in (f"W{l}", f"b{l}"):
            # W[l] := W[l] − α dW[l]   (and the same for b[l])
            updated[name] = parameters[name] - learning_rate * grads["d" + name]
    return updated


# For type checkers: the library's call, and the course's predict(X, y, parameters).
@overload
def predict(
    X: ArrayLike, parameters: ArraysByName, activations: Sequence[str] | None = ...
) -> FloatArray: ...
@overload
def predict(X: ArrayLike, y: ArrayLike, parameters: ArraysByName, /) -> FloatArray: ...
def predict(
    X: ArrayLike,
    parameters: ArraysByName | ArrayLike,
    activations: Sequence[str] | ArraysByName | None = None,
) -> FloatArray:
    r"""Predict labels: 1 where :math:`A^{[L]} > 0.5`, else 0.

    >>> parameters = {"W1": np.array([[1.0]]), "b1": np.array([[0.0]])}
    >>> predict(np.array([[-2.0, 0.5, 3.0]]), parameters)
    array([[0., 1., 1.]])

    The course's call, ``predict(X, y, parameters)`` with the labels
    second, works too, and does what the course's does: it returns the
    same predictions and prints the accuracy, the fraction of examples
    predicted right (here two of three):

    >>> p = predict(np.array([[-2.0, 0.5, 3.0]]), np.array([[0, 0, 1]]), parameters)
    Accuracy: 0.6666666666666666
    >>> p
    array([[0., 1., 1.]])

    With the library's call nothing is printed; the accuracy is then
    ``np.mean(predict(X, parameters) == y)``.
    """
    if isinstance(activations, Mapping) and not isinstance(parameters, Mapping):
        # the course's predict(X, y, parameters)
        AL, _caches = L_model_forward(X, activations)
        p = (AL > 0.5).astype(AL.dtype)
        y = _checks.labels(parameters, AL)
        print(_("Accuracy: {accuracy}").format(accuracy=float(np.mean(p == y))))
        return p
    AL, _caches = L_model_forward(X, parameters, activations)  # type: ignore[arg-type]
    return (AL > 0.5).astype(AL.dtype)


def L_layer_model(
    X: ArrayLike,
    Y: ArrayLike,
    layers_dims: Sequence[int],
    learning_rate: float = 0.0075,
    num_iterations: int = 3000,
    print_cost: bool = True,
    *,
    activations: Sequence[str] | None = None,
    rng: np.random.Generator | None = None,
    scale: float | Literal["xavier", "he"] = "xavier",
    legacy_seed: int | None = None,
    print_every: int = 100,
) -> tuple[Parameters, list[float]]:
    r"""Train an L-layer network by gradient descent.

    Each iteration runs :func:`~dnn_textbook.chain.L_model_forward`,
    :func:`~dnn_textbook.loss.compute_cost`,
    :func:`~dnn_textbook.chain.L_model_backward` and
    :func:`update_parameters`. The cost is recorded every 100 iterations
    (iteration 0, 100, 200, ...), as in the course.

    A network learns the logical OR of two inputs:

    >>> X = np.array([[0, 0, 1, 1], [0, 1, 0, 1]])
    >>> Y = np.array([[0, 1, 1, 1]])
    >>> parameters, costs = L_layer_model(X, Y, [2, 3, 1], 0.5, 1000, print_cost=False,
    ...                                   rng=np.random.default_rng(0), scale="he")
    >>> predict(X, parameters)
    array([[0., 1., 1., 1.]])
    >>> len(costs), costs[-1] < costs[0]
    (10, True)

    Parameters
    ----------
    X : array_like of shape (n[0], m)
        The training inputs, one column per example.
    Y : array_like of shape (1, m)
        The labels, 0 or 1.
    layers_dims : sequence of int
        ``[n[0], n[1], ..., n[L]]``.
    learning_rate : float, default 0.0075
        :math:`\alpha`.
    num_iterations : int, default 3000
        The number of gradient descent steps.
    print_cost : bool, default True
        Print the cost every ``print_every`` iterations and at the last.
    activations : list of str, optional
        One name per layer; by default ReLU, then a sigmoid output.
    rng : numpy.random.Generator, optional
        For the initialization (see
        :func:`~dnn_textbook.initialization.initialize_parameters_deep`).
    scale : float or {"xavier", "he"}, default "xavier"
        The initialization scale. The default is the course's
        application one, not the 0.01 of
        :func:`~dnn_textbook.initialization.initialize_parameters_deep`
        (see the initialization section).
    legacy_seed : int, optional
        Initialize exactly as the course does with this seed.
    print_every : int, default 100
        How often to print the cost.

    Returns
    -------
    parameters : dict
        The trained parameters.
    costs : list of float
        The cost at iterations 0, 100, 200, ...

    Warns
    -----
    RuntimeWarning
        If the cost ends above where it started, or becomes NaN or inf:
        the learning rate is then probably too large.
    """
    X = _checks.matrix(X, "X")
    dims = _layer_sizes(layers_dims, "layers_dims")
    if dims and X.shape[0] != dims[0]:
        if X.shape[1] == dims[0]:
            raise ValueError(_checks.examples_as_rows("X", "X", X.shape, "n[0]", dims[0]))
        raise ValueError(
            ngettext(
                "X has {rows} row but layers_dims[0] = n[0] = {n0}",
                "X has {rows} rows but layers_dims[0] = n[0] = {n0}",
                X.shape[0],
            ).format(rows=X.shape[0], n0=dims[0])
        )
    if not np.all(np.isfinite(X)):
        raise ValueError(_("{name} contains NaN or inf").format(name="X"))
    learning_rate = _checks.learning_rate(learning_rate)
    num_iterations = _checks.count(num_iterations, "num_iterations", 0)
    print_every = _checks.count(print_every, "print_every", 1)
    parameters = initialize_parameters_deep(
        dims, rng, scale=scale, legacy_seed=legacy_seed, dtype=X.dtype
    )
    L = len(dims) - 1
    activations = _activations(activations, L)
    _checks.output_activation(activations[-1], L)
    # A[L] will have shape (n[L], m) = (1, m): check n[L], and Y against X, before the loop
    if dims[-1] != 1:
        raise ValueError(
            _(
                "layers_dims[-1] = n[L] = {n} but must be 1: the output layer of binary "
                "classification has one unit, whose A[L] is the probability of the label 1"
            ).format(n=dims[-1])
        )
    Y = _checks.as_float_array(Y, "Y")
    if Y.ndim == 2 and Y.shape[0] == 1 and Y.shape[1] != X.shape[1]:
        raise ValueError(
            ngettext(
                "Y has shape {shape} but X has {m} column, one per example (shape {X_shape}): "
                "Y must have shape (1, {m}), one label per example",
                "Y has shape {shape} but X has {m} columns, one per example (shape {X_shape}): "
                "Y must have shape (1, {m}), one label per example",
                X.shape[1],
            ).format(shape=Y.shape, m=X.shape[1], X_shape=X.shape)
        )
    Y = _checks.labels(Y, np.empty((1, X.shape[1]), dtype=X.dtype))
    # Checked once: the loop below runs the trusted steps.
    costs: list[float] = []
    cost, i = float("nan"), 0
    try:
        for i in range(num_iterations):
            layers = [(parameters[f"W{l}"], parameters[f"b{l}"]) for l in range(1, L + 1)]
            AL, caches = _L_model_forward(X, layers, activations)
            cost = _compute_cost(AL, Y)
            grads = _L_model_backward(AL, Y, caches, activations, True, False)
            parameters = _update_parameters(parameters, grads, learning_rate, L)
            if i % 100 == 0:
                costs.append(cost)
            if print_cost and (i % print_every == 0 or i == num_iterations - 1):
                print(_("Cost after iteration {iteration}: {cost}").format(iteration=i, cost=cost))
    except _checks.NotFiniteError:  # a W[l] or a Z[l] overflowed: the descent went astray
        if not costs:
            raise
        cost = float("nan")
    if costs:
        message = _checks.diverged(costs[0], cost, i, learning_rate)
        if message:
            warnings.warn(message, RuntimeWarning, stacklevel=2)
    return parameters, costs
