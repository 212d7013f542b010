r"""The forward step of one layer.

Layer :math:`l` is a box with one input and one output: it takes the
activations :math:`A^{[l-1]}` of the layer before it and returns its own
activations :math:`A^{[l]}`. The step has a linear part,
:func:`linear_forward`, which computes :math:`Z^{[l]}`;
:func:`linear_activation_forward` adds the activation :math:`g^{[l]}` on
top and is the whole step.

On the way the step keeps a cache for the backward step of the same
layer: :math:`A^{[l-1]}`, :math:`W^{[l]}`, :math:`b^{[l]}` and
:math:`Z^{[l]}`. The backward step needs three of them:
:math:`A^{[l-1]}` for :math:`dW^{[l]}`, :math:`W^{[l]}` for
:math:`dA^{[l-1]}`, and :math:`Z^{[l]}` for the derivative of
:math:`g^{[l]}`. It never reads :math:`b^{[l]}`; the lecture keeps it
with :math:`W^{[l]}` so that no function has to pass the parameters
around, and the book follows it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import NamedTuple

import numpy as np

from . import _checks
from .activations import get_activation
from .types import ArrayLike, FloatArray

__all__ = ["Cache", "linear_activation_forward", "linear_forward"]


class Cache(NamedTuple):
    """What the forward step of layer l keeps for its backward step."""

    #: :math:`A^{[l-1]}`, the input of the layer, shape ``(n[l-1], m)``;
    #: the backward step reads it to form :math:`dW^{[l]}`.
    A_prev: FloatArray
    #: :math:`W^{[l]}`, shape ``(n[l], n[l-1])``; the backward step reads
    #: it to form :math:`dA^{[l-1]}`.
    W: FloatArray
    #: :math:`b^{[l]}`, shape ``(n[l], 1)``; kept with :math:`W^{[l]}`, as
    #: in the lecture, but no backward equation reads it.
    b: FloatArray
    #: :math:`Z^{[l]}`, the linear output, shape ``(n[l], m)``; the
    #: backward step reads it to evaluate :math:`g^{[l]\prime}(Z^{[l]})`.
    Z: FloatArray


def linear_forward(
    A_prev: ArrayLike, W: ArrayLike, b: ArrayLike, *, layer: int | None = None
) -> tuple[FloatArray, Cache]:
    r"""The linear part of the forward step of layer l.

    For one example, a column :math:`a^{[l-1]}`:

    .. math::

       z^{[l]} = W^{[l]} a^{[l-1]} + b^{[l]}

    >>> A_prev = np.array([[1.0, 2.0], [3.0, 4.0]])
    >>> W, b = np.array([[0.5, -1.0]]), np.array([[0.25]])
    >>> Z, cache = linear_forward(A_prev, W, b)

    By hand, the first example gives :math:`0.5 - 3 + 0.25 = -2.25` and
    the second :math:`1 - 4 + 0.25 = -2.75`:

    >>> Z
    array([[-2.25, -2.75]])

    The vectorized form stacks the :math:`m` examples as columns. The bias
    :math:`b^{[l]}` has a single column; numpy broadcasts it to all
    :math:`m` columns:

    .. math::

       Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}

    Column :math:`i` of the result is the single-example step applied to
    column :math:`i` of :math:`A^{[l-1]}`:

    >>> rng = np.random.default_rng(0)
    >>> A_prev, W, b = rng.random((3, 5)), rng.random((2, 3)), rng.random((2, 1))
    >>> Z, cache = linear_forward(A_prev, W, b)
    >>> loop = [W @ A_prev[:, [i]] + b for i in range(5)]
    >>> np.allclose(Z, np.hstack(loop))
    True
    >>> cache.A_prev is A_prev, cache.Z is Z
    (True, True)

    Parameters
    ----------
    A_prev : array_like of shape (n[l-1], m)
        Activations of the previous layer; :math:`A^{[0]} = X`.
    W : array_like of shape (n[l], n[l-1])
        Weights of layer l.
    b : array_like of shape (n[l], 1)
        Biases of layer l.
    layer : int, optional
        The layer's number l, used only in error messages.

    Returns
    -------
    Z : ndarray of shape (n[l], m)
        The linear output.
    cache : Cache
        ``(A_prev, W, b, Z)`` for the backward step.

    Raises
    ------
    ValueError
        If the shapes do not chain, m = 0, or an input holds NaN or inf.
    """
    A_prev = _checks.matrix(A_prev, "A_prev")
    W = _checks.matrix(W, "W")
    b = _checks.as_float_array(b, "b")  # a 1-D b is reported by layer_shapes
    _checks.layer_shapes(A_prev.shape, W, b, layer)
    with np.errstate(invalid="ignore", over="ignore"):  # a NaN is explained, not warned
        Z = _linear_forward(A_prev, W, b, layer)
    return Z, Cache(A_prev, W, b, Z)


def _linear_forward(
    A_prev: FloatArray, W: FloatArray, b: FloatArray, layer: int | None
) -> FloatArray:
    """Z[l], trusting the shapes and types that the entrance checked."""
    # Z[l] = W[l] A[l-1] + b[l], with b broadcast to every column, added in place.
    # np.dot, the course's spelling, is as fast as @ here and quicker on tiny layers;
    # the backward step keeps @, which is faster with the transposed W[l]ᵀ.
    Z: FloatArray = np.dot(W, A_prev)
    Z += b
    # A NaN or inf in A_prev, W or b always reaches Z, so one number tells, cheaply,
    # whether to look for it and explain (with a ValueError): the sum of the squares
    # of Z, finite exactly when every entry is (or it overflowed: then Z is looked at).
    # np.vdot sums them in BLAS, twice as fast as a numpy sum, and never warns.
    if not math.isfinite(np.vdot(Z, Z)):
        _checks.not_finite(A_prev, W, b, Z, layer)
    return Z


def linear_activation_forward(
    A_prev: ArrayLike, W: ArrayLike, b: ArrayLike, activation: str, *, layer: int | None = None
) -> tuple[FloatArray, Cache]:
    r"""The whole forward step of layer l: the linear part, then g.

    .. math::

       A^{[l]} = g^{[l]}(Z^{[l]})

    With a ReLU, negative entries of :math:`Z^{[l]}` become 0:

    >>> A_prev = np.array([[1.0, 2.0], [3.0, 4.0]])
    >>> W, b = np.array([[0.5, -1.0], [1.0, 0.0]]), np.array([[0.25], [0.0]])
    >>> A, cache = linear_activation_forward(A_prev, W, b, "relu")
    >>> cache.Z
    array([[-2.25, -2.75],
           [ 1.  ,  2.  ]])
    >>> A
    array([[0., 0.],
           [1., 2.]])

    Parameters
    ----------
    A_prev, W, b : array_like
        As in :func:`linear_forward`.
    activation : str
        One of ``"relu"``, ``"sigmoid"``, ``"tanh"``, ``"leaky_relu"``,
        ``"identity"``.
    layer : int, optional
        The layer's number l, used only in error messages.

    Returns
    -------
    A : ndarray of shape (n[l], m)
        The activations of layer l.
    cache : Cache
        ``(A_prev, W, b, Z)`` for the backward step.
    """
    g, _ = get_activation(activation, layer)
    Z, cache = linear_forward(A_prev, W, b, layer=layer)
    return g(Z), cache


def _linear_activation_forward(
    A_prev: FloatArray,
    W: FloatArray,
    b: FloatArray,
    g: Callable[[FloatArray], FloatArray],
    layer: int,
) -> tuple[FloatArray, Cache]:
    """The whole step of layer l, trusting what the entrance checked."""
    Z = _linear_forward(A_prev, W, b, layer)
    # A[l] = g[l](Z[l])
    return g(Z), Cache(A_prev, W, b, Z)
