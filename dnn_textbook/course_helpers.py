"""The course's helper functions, with the course's signatures.

The course's notebook gives its learners four helpers, and the solutions
that circulate call them. They differ from the library's functions of the
same names in what they return: the forward helpers return the activation
*and* a cache, which is :math:`Z` itself, and the backward helpers read
:math:`Z` back from that cache. The exercise notebooks import them, so a
solution pasted from the course runs as it is:

>>> import numpy as np
>>> from dnn_textbook.course_helpers import relu, relu_backward
>>> A, activation_cache = relu(np.array([[-1.0, 2.0]]))
>>> A, activation_cache
(array([[0., 2.]]), array([[-1.,  2.]]))
>>> relu_backward(np.array([[5.0, 5.0]]), activation_cache)
array([[0., 5.]])
"""

from __future__ import annotations

import numpy as np

from .types import ArrayLike, FloatArray

__all__ = ["relu", "relu_backward", "sigmoid", "sigmoid_backward"]


def sigmoid(Z: ArrayLike) -> tuple[FloatArray, FloatArray]:
    """The sigmoid :math:`1 / (1 + e^{-Z})` and its cache, :math:`Z`.

    >>> A, cache = sigmoid(np.array([[0.0, np.log(3.0)]]))
    >>> A
    array([[0.5 , 0.75]])
    >>> cache
    array([[0.        , 1.09861229]])
    """
    Z = np.asarray(Z, dtype=float)
    return 1 / (1 + np.exp(-Z)), Z


def relu(Z: ArrayLike) -> tuple[FloatArray, FloatArray]:
    """The ReLU :math:`\\max(0, Z)`, entry by entry, and its cache, :math:`Z`.

    >>> relu(np.array([[-2.0, 0.0, 3.0]]))
    (array([[0., 0., 3.]]), array([[-2.,  0.,  3.]]))
    """
    Z = np.asarray(Z, dtype=float)
    return np.maximum(0, Z), Z


def sigmoid_backward(dA: ArrayLike, cache: ArrayLike) -> FloatArray:
    """:math:`dZ = dA \\odot \\sigma(Z)(1 - \\sigma(Z))`, with :math:`Z` read from the cache.

    At :math:`Z = 0` the slope of the sigmoid is :math:`0.5 \\cdot 0.5 = 0.25`:

    >>> sigmoid_backward(np.array([[4.0, 1.0]]), np.array([[0.0, 0.0]]))
    array([[1.  , 0.25]])
    """
    Z = np.asarray(cache, dtype=float)
    s = 1 / (1 + np.exp(-Z))
    dZ: FloatArray = np.asarray(dA, dtype=float) * s * (1 - s)
    return dZ


def relu_backward(dA: ArrayLike, cache: ArrayLike) -> FloatArray:
    """:math:`dZ = dA` where :math:`Z > 0`, and 0 elsewhere, with :math:`Z` read from the cache.

    >>> relu_backward(np.array([[2.0, 2.0, 2.0]]), np.array([[-1.0, 0.0, 1.0]]))
    array([[0., 0., 2.]])
    """
    dZ = np.array(dA, dtype=float, copy=True)
    dZ[np.asarray(cache) <= 0] = 0
    return dZ
