r"""The backward step of one layer.

The backward step of layer :math:`l` receives :math:`dA^{[l]}`, the
derivative of the cost with respect to the layer's activations, and
returns three things: :math:`dW^{[l]}` and :math:`db^{[l]}`, which the
update needs, and :math:`dA^{[l-1]}`, which it hands to the layer before.
It reads :math:`A^{[l-1]}`, :math:`W^{[l]}` and :math:`Z^{[l]}` from the
cache that the forward step of the same layer left.

For one example the four equations are

.. math::

   dz^{[l]} = da^{[l]} \odot g^{[l]\prime}(z^{[l]}), \quad
   dW^{[l]} = dz^{[l]}\, a^{[l-1]\top}, \quad
   db^{[l]} = dz^{[l]}, \quad
   da^{[l-1]} = W^{[l]\top} dz^{[l]}

and the doctest checks them against the vectorized functions below, one
example at a time, with :math:`m = 1`:

>>> a_prev, W, b = np.array([[1.0], [2.0]]), np.array([[0.5, -0.25]]), np.array([[1.0]])
>>> z = W @ a_prev + b
>>> da = np.array([[3.0]])
>>> dz = da * (z > 0)
>>> da_prev, dW, db = linear_activation_backward(da, Cache(a_prev, W, b, z), "relu")
>>> np.array_equal(dW, dz @ a_prev.T), np.array_equal(db, dz)
(True, True)
>>> np.array_equal(da_prev, W.T @ dz)
True

Put the first and the last equation together, one layer up, and the
derivative flows from layer :math:`l+1` down to layer :math:`l`:

.. math::

   dz^{[l]} = W^{[l+1]\top} dz^{[l+1]} \odot g^{[l]\prime}(z^{[l]})

The doctest runs two layers (tanh, then a linear output) and compares
:math:`dz^{[1]}` from the recurrence with a centred finite difference of
the output with respect to :math:`z^{[1]}`:

>>> W2 = np.array([[2.0, -1.0]])
>>> z1 = np.array([[0.5], [-0.25]])
>>> out = lambda z: (W2 @ np.tanh(z)).item()
>>> dz2 = np.array([[1.0]])
>>> dz1 = (W2.T @ dz2) * tanh_derivative(z1)
>>> h = 1e-6
>>> fd = [(out(z1 + h * e) - out(z1 - h * e)) / (2 * h) for e in np.eye(2)[:, :, None]]
>>> np.allclose(dz1.ravel(), fd)
True
"""

from __future__ import annotations

import numpy as np

from . import _checks
from .activations import _activation_backward, get_activation, tanh_derivative  # noqa: F401
from .forward import Cache

__all__ = ["linear_activation_backward", "linear_backward"]


def linear_backward(
    dZ, cache: Cache, *, compute_dA_prev: bool = True, layer: int | None = None
) -> tuple[np.ndarray | None, np.ndarray, np.ndarray]:
    r"""The backward step through the linear part of layer l.

    The cost averages the losses of :math:`m` examples, so the gradients
    of the parameters carry a factor :math:`1/m`:

    .. math::

       dW^{[l]} = \frac{1}{m}\, dZ^{[l]} A^{[l-1]\top}

    >>> A_prev = np.array([[1.0, 2.0], [3.0, 4.0]])
    >>> W, b, dZ = np.array([[1.0, -1.0]]), np.array([[0.5]]), np.array([[1.0, 2.0]])
    >>> dA_prev, dW, db = linear_backward(dZ, Cache(A_prev, W, b, Z=None))

    By hand, :math:`dZ A^\top = [[1 + 4, 3 + 8]] = [[5, 11]]`, and
    :math:`m = 2` halves it:

    >>> dW
    array([[2.5, 5.5]])

    The bias gradient sums :math:`dZ` over the examples, the columns:

    .. math::

       db^{[l]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[l](i)}

    In numpy that is ``np.sum(dZ, axis=1, keepdims=True) / m``; by hand,
    :math:`(1 + 2) / 2 = 1.5`:

    >>> db
    array([[1.5]])

    The gradient handed to the previous layer has no :math:`1/m`: each
    column still belongs to one example.

    .. math::

       dA^{[l-1]} = W^{[l]\top} dZ^{[l]}

    >>> dA_prev
    array([[ 1.,  2.],
           [-1., -2.]])

    The vectorized :math:`dW^{[l]}` is the mean of the single-example
    gradients :math:`dz^{(i)} a^{(i)\top}`:

    >>> rng = np.random.default_rng(1)
    >>> A_prev, dZ = rng.random((5, 4)), rng.random((2, 4))
    >>> _, dW, db = linear_backward(dZ, Cache(A_prev, rng.random((2, 5)), None, None))
    >>> per_example = [dZ[:, [i]] @ A_prev[:, [i]].T for i in range(4)]
    >>> np.allclose(dW, np.mean(per_example, axis=0))
    True

    Parameters
    ----------
    dZ : ndarray of shape (n[l], m)
        Gradient of the cost with respect to :math:`Z^{[l]}`.
    cache : Cache
        ``(A_prev, W, b, Z)`` from the forward step of layer l.
    compute_dA_prev : bool, default True
        Set to False for layer 1: :math:`dA^{[0]}` is never used.
    layer : int, optional
        The layer's number l, used only in error messages.

    Returns
    -------
    dA_prev : ndarray of shape (n[l-1], m), or None
        Gradient with respect to :math:`A^{[l-1]}`; None if not asked for.
    dW : ndarray of shape (n[l], n[l-1])
        Gradient with respect to :math:`W^{[l]}`.
    db : ndarray of shape (n[l], 1)
        Gradient with respect to :math:`b^{[l]}`.
    """
    A_prev, W, b, Z = _checks.cache(cache, layer, with_Z=False)
    dZ = _checks.matrix(dZ, "dZ")
    _checks.dZ_shape(dZ, (W.shape[0], A_prev.shape[1]), layer)
    return _linear_backward(dZ, Cache(A_prev, W, b, Z), compute_dA_prev)


def _linear_backward(
    dZ: np.ndarray, cache: Cache, compute_dA_prev: bool
) -> tuple[np.ndarray | None, np.ndarray, np.ndarray]:
    """dA[l-1], dW[l] and db[l], trusting what the entrance checked."""
    A_prev, W = cache.A_prev, cache.W
    m = A_prev.shape[1]
    # dW[l] = (1/m) dZ[l] A[l-1]ᵀ  and  db[l] = (1/m) Σ_i dZ[l](i);
    # the 1/m scales the smaller matrix: dZ[l] (n[l], m) or dW[l] (n[l], n[l-1])
    if m < A_prev.shape[0]:
        dZ_over_m = dZ / m
        dW = dZ_over_m @ A_prev.T
        db = np.add.reduce(dZ_over_m, axis=1, keepdims=True)  # np.sum, without its wrapper
    else:
        dW = dZ @ A_prev.T
        dW /= m
        db = np.add.reduce(dZ, axis=1, keepdims=True)  # np.sum, without its wrapper
        db /= m
    # dA[l-1] = W[l]ᵀ dZ[l]
    dA_prev = W.T @ dZ if compute_dA_prev else None
    return dA_prev, dW, db


def linear_activation_backward(
    dA, cache: Cache, activation: str, *, compute_dA_prev: bool = True,
    layer: int | None = None,
) -> tuple[np.ndarray | None, np.ndarray, np.ndarray]:
    r"""The whole backward step of layer l: through g, then the linear part.

    .. math::

       dZ^{[l]} = dA^{[l]} \odot g^{[l]\prime}(Z^{[l]})

    With a sigmoid at :math:`Z = 0` the slope is :math:`1/4`, so
    :math:`dZ = dA / 4`; here :math:`dA = [[4, 8]]` gives
    :math:`dZ = [[1, 2]]`, the same :math:`dZ` as in
    :func:`linear_backward`:

    >>> A_prev = np.array([[1.0, 2.0], [3.0, 4.0]])
    >>> cache = Cache(A_prev, np.array([[1.0, -1.0]]), np.array([[0.5]]), np.zeros((1, 2)))
    >>> dA_prev, dW, db = linear_activation_backward(np.array([[4.0, 8.0]]), cache, "sigmoid")
    >>> dW, db
    (array([[2.5, 5.5]]), array([[1.5]]))

    Parameters
    ----------
    dA : ndarray of shape (n[l], m)
        Gradient of the cost with respect to :math:`A^{[l]}`.
    cache : Cache
        ``(A_prev, W, b, Z)`` from the forward step of layer l.
    activation : str
        The activation used by the forward step of layer l.
    compute_dA_prev : bool, default True
        Set to False for layer 1: :math:`dA^{[0]}` is never used.
    layer : int, optional
        The layer's number l, used only in error messages.

    Returns
    -------
    dA_prev, dW, db : ndarray
        As in :func:`linear_backward`.
    """
    get_activation(activation, layer)
    cache = Cache(*_checks.cache(cache, layer))
    dA = _checks.matrix(dA, "dA")
    _checks.dA_shape(dA, cache.Z, layer)
    return _linear_activation_backward(dA, cache, activation, compute_dA_prev)


def _linear_activation_backward(
    dA: np.ndarray, cache: Cache, activation: str, compute_dA_prev: bool
) -> tuple[np.ndarray | None, np.ndarray, np.ndarray]:
    """The whole backward step of layer l, trusting what the entrance checked."""
    # dZ[l] = dA[l] ⊙ g[l]'(Z[l])
    dZ = _activation_backward(dA, cache.Z, activation)
    return _linear_backward(dZ, cache, compute_dA_prev)
