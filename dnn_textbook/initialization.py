r"""Initialization: where the parameters start.

The weights must start random: if every unit of a layer started with the
same weights, they would compute the same thing and receive the same
gradient, and stay equal for ever. The biases may start at zero. Layer
:math:`l` draws

.. math::

   W^{[l]} = s^{[l]} \cdot N^{[l]}, \qquad b^{[l]} = 0

where :math:`N^{[l]}` has shape ``(n[l], n[l-1])`` with independent
standard normal entries and :math:`s^{[l]}` is the scale. Three scales
are offered:

* ``scale=0.01``: the course's step-by-step exercise, :math:`s = 0.01`;
* ``"xavier"``: the course's application, :math:`s^{[l]} = \sqrt{1/n^{[l-1]}}`;
* ``"he"``: for ReLU layers, :math:`s^{[l]} = \sqrt{2/n^{[l-1]}}`.

A word on the name ``"xavier"``. The course calls the scale
:math:`\sqrt{1/n^{[l-1]}}` Xavier initialization, and the library keeps
the course's name. The research literature calls this scale LeCun's.
The initialization of Glorot and Bengio, the Xavier of the name, draws
with the spread :math:`\sqrt{2/(n^{[l-1]} + n^{[l]})}`, which looks at
the size of the layer as well as at its input. The two scales agree
only when a layer has as many units as inputs:

>>> n_prev, n = 400, 300
>>> lecun, glorot = np.sqrt(1 / n_prev), np.sqrt(2 / (n_prev + n))
>>> round(float(lecun), 4), round(float(glorot), 4)
(0.05, 0.0535)
>>> bool(np.isclose(np.sqrt(1 / n), np.sqrt(2 / (n + n))))
True

With many draws, the spread of the weights is the scale:

>>> rng = np.random.default_rng(0)
>>> p = initialize_parameters_deep([400, 300], rng, scale="he")
>>> round(float(p["W1"].std() / np.sqrt(2 / 400)), 2)
1.0
>>> bool(np.all(p["b1"] == 0))
True

To reproduce the course's published numbers, ``legacy_seed=s`` draws
what the course draws after ``np.random.seed(s)``: ``randn(n[l],
n[l-1])`` times the scale, layer by layer, :math:`W^{[1]}` first. It
draws them from its own ``np.random.RandomState(s)``, so numpy's global
generator, which your own code may use, is left untouched. The course's
exercise (seed 3, dimensions ``[5, 4, 3]``, scale 0.01) starts with these
weights:

>>> p = initialize_parameters_deep([5, 4, 3], legacy_seed=3)
>>> p["W1"][0]
array([ 0.01788628,  0.0043651 ,  0.00096497, -0.01863493, -0.00277388])

Two defaults, from two exercises of the course. Called on its own,
:func:`initialize_parameters_deep` uses ``scale=0.01``, as the course's
step-by-step exercise does. The training function
:func:`~dnn_textbook.training.L_layer_model` uses ``"xavier"``, as the
course's application does. So the two do not start from the same
weights unless ``scale`` is given. The difference matters in a deep
network. Each ReLU layer multiplies the spread of :math:`Z` by about
:math:`s \sqrt{n^{[l-1]}/2}`: with :math:`s = 0.01` and 500 units that
is :math:`0.01 \sqrt{250} \approx 0.16`, so three layers further the
spread is about :math:`0.16^3 \approx 0.004` of what it was, and the
gradients shrink in the same way. With ``"he"`` the factor is 1:

>>> from dnn_textbook import L_model_forward
>>> X = np.random.default_rng(1).standard_normal((500, 100))
>>> def spread_ratio(scale):
...     p = initialize_parameters_deep([500] * 5, np.random.default_rng(0),
...                                    scale=scale)
...     _, caches = L_model_forward(X, p, ["relu"] * 4)
...     return float(caches[3].Z.std() / caches[0].Z.std())
>>> f"{spread_ratio(0.01):.0e}", round(spread_ratio("he"), 1)
('4e-03', 1.0)

The small scale is harmless for checking shapes and numbers on a small
network; for training a deep one, pass ``scale`` explicitly.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any, Literal

import numpy as np

from ._i18n import _
from .types import DTypeLike, FloatArray, Parameters

__all__ = ["initialize_parameters_deep"]


def _scaled(N: FloatArray, scale: float | str, n_prev: int) -> FloatArray:
    # The course's formulas, in its order of operations, so that legacy_seed gives
    # its exact numbers.
    if scale == "xavier":
        return N / math.sqrt(n_prev)
    if scale == "he":
        return N * math.sqrt(2 / n_prev)
    return N * float(scale)


def _check_scale(scale: float | str) -> None:
    if scale in ("xavier", "he"):
        return
    if isinstance(scale, (int, float)) and not isinstance(scale, bool) and scale > 0:
        return
    raise ValueError(
        _("scale must be a positive number, 'xavier' or 'he', got {scale}").format(
            scale=repr(scale)
        )
    )


def _layer_sizes(layer_dims: Any, name: str) -> list[Any]:
    """``layer_dims`` as a list, or a TypeError that says what it must be."""
    try:
        if isinstance(layer_dims, (str, bytes)):
            raise TypeError
        return list(layer_dims)
    except TypeError:
        raise TypeError(
            _(
                "{name} must be a list of layer sizes such as [5, 4, 1]: n[0] inputs, then the "
                "number of units of each layer; got {value} of type {type}"
            ).format(name=name, value=repr(layer_dims), type=type(layer_dims).__name__)
        ) from None


def initialize_parameters_deep(
    layer_dims: Sequence[int],
    rng: np.random.Generator | None = None,
    *,
    scale: float | Literal["xavier", "he"] = 0.01,
    legacy_seed: int | None = None,
    dtype: DTypeLike = np.float64,
) -> Parameters:
    r"""Random weights and zero biases for the layers ``layer_dims``.

    >>> p = initialize_parameters_deep([3, 2, 1], np.random.default_rng(0))
    >>> {k: v.shape for k, v in p.items()}
    {'W1': (2, 3), 'b1': (2, 1), 'W2': (1, 2), 'b2': (1, 1)}

    Parameters
    ----------
    layer_dims : sequence of int
        ``[n[0], n[1], ..., n[L]]``: the input size, then each layer's.
    rng : numpy.random.Generator, optional
        The source of randomness; pass ``np.random.default_rng(seed)`` for
        reproducible results. If omitted (and no ``legacy_seed``), the
        weights come from numpy's global generator, as in the course:
        ``np.random.seed(s)`` before the call makes them reproducible, and
        gives the numbers of ``legacy_seed=s``.
    scale : float or {"xavier", "he"}, default 0.01
        The factor :math:`s^{[l]}` (see above). The default is the
        course's step-by-step one, not the ``"xavier"`` of
        :func:`~dnn_textbook.training.L_layer_model`.
    legacy_seed : int, optional
        Reproduce the course exactly: draw what ``np.random.seed(legacy_seed)``
        would give, from a private ``np.random.RandomState(legacy_seed)``;
        ``rng`` must then be omitted.
    dtype : numpy dtype, default float64
        The dtype of the parameters, float64 or float32.

    Returns
    -------
    dict
        ``"W1"``, ``"b1"``, ..., ``"WL"``, ``"bL"``.

    Raises
    ------
    ValueError
        If a dimension is not a positive integer, or the scale is unknown.
    TypeError
        If ``layer_dims`` is not a list, or ``rng`` is not a numpy Generator.
    """
    dims = _layer_sizes(layer_dims, "layer_dims")
    if len(dims) < 2 or not all(isinstance(n, (int, np.integer)) and n > 0 for n in dims):
        raise ValueError(
            _(
                "layer_dims must list at least two positive integers [n[0], ..., n[L]], got {dims}"
            ).format(dims=dims)
        )
    _check_scale(scale)
    if legacy_seed is not None and rng is not None:
        raise ValueError(_("give either rng or legacy_seed, not both"))
    if rng is not None and not isinstance(rng, np.random.Generator):
        raise TypeError(
            _(
                "rng must be a numpy.random.Generator such as np.random.default_rng(0), got {type}"
            ).format(type=type(rng).__name__)
        )
    # With legacy_seed, the course's draws come from a generator of our own: numpy's
    # global generator, which the learner's code may use, is left as it was. With
    # neither, the draws come from numpy's global generator, as in the course, so
    # that np.random.seed(s) makes them reproducible.
    draw: Callable[[tuple[int, int]], FloatArray]
    if rng is not None:
        draw = rng.standard_normal
    elif legacy_seed is not None:
        draw = np.random.RandomState(legacy_seed).standard_normal
    else:
        draw = np.random.standard_normal
    parameters: Parameters = {}
    for l in range(1, len(dims)):
        N = draw((dims[l], dims[l - 1]))
        # W[l] = s[l] · N[l],  b[l] = 0
        parameters[f"W{l}"] = _scaled(N, scale, dims[l - 1]).astype(dtype, copy=False)
        parameters[f"b{l}"] = np.zeros((dims[l], 1), dtype=dtype)
    return parameters
