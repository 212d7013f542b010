r"""The backward step of one layer.

The forward step of layer :math:`l` computed, for one example,
:math:`z^{[l]} = W^{[l]} a^{[l-1]} + b^{[l]}` and then
:math:`a^{[l]} = g^{[l]}(z^{[l]})`. The backward step receives
:math:`da^{[l]}`, the derivative of the example's loss
:math:`\mathcal{L}` with respect to :math:`a^{[l]}`, and goes back
through these two lines with the chain rule, one entry at a time:

* :math:`a^{[l]}_j` depends on :math:`z^{[l]}_j` alone, through
  :math:`g^{[l]}`, so the derivative of :math:`\mathcal{L}` with respect
  to :math:`z^{[l]}_j` is
  :math:`dz^{[l]}_j = da^{[l]}_j \, g^{[l]\prime}(z^{[l]}_j)`;
* :math:`z^{[l]}_j = \sum_k W^{[l]}_{jk} a^{[l-1]}_k + b^{[l]}_j`, so
  the derivative with respect to :math:`W^{[l]}_{jk}` is
  :math:`dz^{[l]}_j a^{[l-1]}_k`, with respect to :math:`b^{[l]}_j` it
  is :math:`dz^{[l]}_j`, and with respect to :math:`a^{[l-1]}_k` it is
  :math:`\sum_j W^{[l]}_{jk} dz^{[l]}_j`, for the reason that follows.

The last derivative is a sum because :math:`a^{[l-1]}_k` does not reach
the loss along one road but along :math:`n^{[l]}` of them: it enters
every :math:`z^{[l]}_j`, each with its own weight
:math:`W^{[l]}_{jk}`. Nudge :math:`a^{[l-1]}_k` by a small
:math:`\delta`. Along the road through :math:`z^{[l]}_j`, the nudge
moves :math:`z^{[l]}_j` by :math:`W^{[l]}_{jk} \delta`, and the loss by
:math:`dz^{[l]}_j W^{[l]}_{jk} \delta`. The roads are taken at the same
time, and for a small nudge their effects add up: this is the chain rule
for a function of several variables. With two inputs and two units
every road can be written down:

.. math::

   da_1 = W_{11}\, dz_1 + W_{21}\, dz_2, \qquad
   da_2 = W_{12}\, dz_1 + W_{22}\, dz_2

Take :math:`W = [[1, 2], [3, 4]]`, no bias, :math:`a = (1, 2)`, so that
:math:`z = W a = (5, 11)`, and the loss
:math:`\mathcal{L} = z_1^2 / 2 + 3 z_2`, whose derivative is
:math:`dz = (z_1, 3) = (5, 3)`. The two sums give
:math:`da_1 = 1 \cdot 5 + 3 \cdot 3 = 14` and
:math:`da_2 = 2 \cdot 5 + 4 \cdot 3 = 22`. The library's backward step
gives the same, and so does a centred difference of the loss written as
a function of :math:`a` alone:

>>> W, a = np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[1.0], [2.0]])
>>> dz = np.array([[5.0], [3.0]])
>>> da, _, _ = linear_backward(dz, Cache(a, W, np.zeros((2, 1)), None))
>>> da
array([[14.],
       [22.]])
>>> def loss(a):
...     z = W @ a
...     return (z[0, 0] ** 2 / 2 + 3 * z[1, 0]).item()
>>> h, e1, e2 = 1e-6, np.array([[1.0], [0.0]]), np.array([[0.0], [1.0]])
>>> [round((loss(a + h * e) - loss(a - h * e)) / (2 * h), 6) for e in (e1, e2)]
[14.0, 22.0]

Written with vectors, these are the four equations of the step, for one
example:

.. math::

   dz^{[l]} = da^{[l]} \odot g^{[l]\prime}(z^{[l]}), \quad
   dW^{[l]} = dz^{[l]}\, a^{[l-1]\top}, \quad
   db^{[l]} = dz^{[l]}, \quad
   da^{[l-1]} = W^{[l]\top} dz^{[l]}

With one example, :math:`m = 1`, the cost is the loss of that example,
:math:`J = \mathcal{L}`: so :math:`dW^{[l]}` and :math:`db^{[l]}` here
are :math:`\partial \mathcal{L} / \partial W^{[l]}` and
:math:`\partial \mathcal{L} / \partial b^{[l]}`, which are
:math:`\partial J / \partial W^{[l]}` and
:math:`\partial J / \partial b^{[l]}` only because :math:`m = 1`. The
vectorized step below takes the mean over :math:`m` examples.

The shapes tell how to write them. :math:`da^{[l]}`, :math:`dz^{[l]}`,
:math:`g^{[l]\prime}(z^{[l]})` and :math:`db^{[l]}` have shape
``(n[l], 1)``, like :math:`b^{[l]}`; :math:`a^{[l-1]}` and
:math:`da^{[l-1]}` have shape ``(n[l-1], 1)``. So :math:`dW^{[l]}`, of
shape ``(n[l], n[l-1])`` like :math:`W^{[l]}`, is the product
``(n[l], 1)`` times ``(1, n[l-1])``: the transpose of
:math:`a^{[l-1]}` is needed. The lecture's board writes
:math:`dz^{[l]} a^{[l-1]}` without it; the book writes it, because
without it the product of two columns is not defined. Likewise
:math:`W^{[l]\top}`, of shape ``(n[l-1], n[l])``, turns
:math:`dz^{[l]}` into a column of :math:`n^{[l-1]}` entries.

The doctest checks the four equations against something independent. A
two-unit tanh layer, with a bias, feeds a sigmoid output unit, and the
loss of the single example is :math:`-\log a^{[2]}`, the cross-entropy
for the label :math:`y = 1`. A centred finite difference,
:math:`(f(x + h) - f(x - h)) / (2h)` for a small :math:`h`, estimates
the derivative of :math:`\mathcal{L}` with respect to each entry,
without any of the equations; ``numgrad`` does that for every entry of
an array:

>>> def numgrad(f, x, h=1e-6):
...     grad = np.zeros_like(x)
...     for j in np.ndindex(x.shape):
...         e = np.zeros_like(x)
...         e[j] = h
...         grad[j] = (f(x + e) - f(x - e)) / (2 * h)
...     return grad
>>> a0 = np.array([[1.0], [2.0]])
>>> W1, b1 = np.array([[0.5, -0.25], [-1.0, 0.5]]), np.array([[0.25], [-0.5]])
>>> W2, b2 = np.array([[1.5, -2.0]]), np.array([[0.5]])
>>> def rest(a1):
...     return -np.log(1 / (1 + np.exp(-(W2 @ a1 + b2)))).item()
>>> from dnn_textbook.forward import linear_activation_forward
>>> a1, cache = linear_activation_forward(a0, W1, b1, "tanh")
>>> cache.Z
array([[ 0.25],
       [-0.5 ]])

At these :math:`z^{[1]}` the slopes of tanh are about 0.94 and 0.79, not
1. The step starts from :math:`da^{[1]}`, itself estimated from the
loss:

>>> da1 = numgrad(rest, a1)
>>> da0, dW1, db1 = linear_activation_backward(da1, cache, "tanh")
>>> dz1 = numgrad(lambda z: rest(np.tanh(z)), cache.Z)
>>> bool(np.allclose(dz1, da1 * (1 - np.tanh(cache.Z) ** 2)))
True
>>> bool(np.allclose(dW1, numgrad(lambda W: rest(np.tanh(W @ a0 + b1)), W1)))
True
>>> bool(np.allclose(db1, numgrad(lambda b: rest(np.tanh(W1 @ a0 + b)), b1)))
True
>>> bool(np.allclose(da0, numgrad(lambda a: rest(np.tanh(W1 @ a + b1)), a0)))
True

.. rubric:: What the cache is for

The backward step reads three of the four items that the forward step
cached, each for one of the four equations:

.. list-table::
   :header-rows: 1

   * - Item of the cache
     - Read by the equation
   * - :math:`A^{[l-1]}` (``A_prev``)
     - :math:`dW^{[l]} = dz^{[l]}\, a^{[l-1]\top}`
   * - :math:`W^{[l]}` (``W``)
     - :math:`da^{[l-1]} = W^{[l]\top} dz^{[l]}`
   * - :math:`Z^{[l]}` (``Z``)
     - :math:`dz^{[l]} = da^{[l]} \odot g^{[l]\prime}(z^{[l]})`
   * - :math:`b^{[l]}` (``b``)
     - none: the lecture keeps it together with :math:`W^{[l]}` by
       convention, and the book follows it

.. rubric:: From one layer to the one before

The last equation, written one layer up, says what layer :math:`l`
receives from layer :math:`l+1`:
:math:`da^{[l]} = W^{[l+1]\top} dz^{[l+1]}`. Substituting it into the
first equation gives the recurrence of the backward pass:

.. math::

   dz^{[l]} = \bigl(W^{[l+1]\top} dz^{[l+1]}\bigr)
   \odot g^{[l]\prime}(z^{[l]})

The brackets matter. :math:`W^{[l+1]\top}`, of shape
``(n[l], n[l+1])``, times :math:`dz^{[l+1]}`, of shape
``(n[l+1], 1)``, gives a column of shape ``(n[l], 1)``, which is
multiplied entry by entry with :math:`g^{[l]\prime}(z^{[l]})`, of the
same shape. Grouped the other way,
:math:`W^{[l+1]\top} \bigl(dz^{[l+1]} \odot g^{[l]\prime}(z^{[l]})\bigr)`
multiplies entry by entry a column of :math:`n^{[l+1]}` entries with a
column of :math:`n^{[l]}` entries. That product means nothing, but numpy
does not always say so: it stops with an error only when the sizes
differ and neither is 1. When :math:`n^{[l+1]} = 1` numpy stretches the
single entry first, and when :math:`n^{[l]} = n^{[l+1]}` it multiplies
the entries pairwise; in both cases the wrong grouping runs, and when
the sizes are equal it returns a column of the right shape and the
wrong values, with no error. With :math:`L = 2` and
:math:`l = 1` the recurrence is last week's equation for a network with
one hidden layer,
:math:`dz^{[1]} = W^{[2]\top} dz^{[2]} * g^{[1]\prime}(z^{[1]})`, where
the product by :math:`W^{[2]\top}` is done first.

The doctest takes the network above, estimates :math:`dz^{[2]}` and
:math:`dz^{[1]}` from the loss alone, and checks the recurrence. Then it
tries the wrong grouping: numpy stretches the single entry of
:math:`dz^{[2]}` to the shape of :math:`g^{[1]\prime}(z^{[1]})`, and the
matrix product fails:

>>> z1 = cache.Z
>>> dz2 = numgrad(lambda z: -np.log(1 / (1 + np.exp(-z))).item(), W2 @ a1 + b2)
>>> bool(np.allclose((W2.T @ dz2) * (1 - np.tanh(z1) ** 2), dz1))
True
>>> W2.T @ (dz2 * (1 - np.tanh(z1) ** 2))
Traceback (most recent call last):
...
ValueError: matmul: Input operand 1 has a mismatch in its core dimension 0...

Here the error came from the matrix product, and only because
:math:`W^{[2]\top}` has one column. The silent case needs two layers of
the same size. Put a second tanh layer of two units, with weights
``V2``, between layer 1 and the sigmoid unit, so that
:math:`n^{[1]} = n^{[2]} = 2`. The right grouping still agrees with the
finite difference; the wrong one runs, returns a column of shape
``(2, 1)``, and is wrong:

>>> V2, V3 = np.array([[1.0, -0.5], [0.25, 1.0]]), np.array([[1.5, -2.0]])
>>> def rest2(z2):
...     return -np.log(1 / (1 + np.exp(-(V3 @ np.tanh(z2))))).item()
>>> dz2 = numgrad(rest2, V2 @ a1)
>>> dz1 = numgrad(lambda z: rest2(V2 @ np.tanh(z)), z1)
>>> slope1 = 1 - np.tanh(z1) ** 2
>>> bool(np.allclose((V2.T @ dz2) * slope1, dz1))
True
>>> wrong = V2.T @ (dz2 * slope1)
>>> wrong.shape, bool(np.allclose(wrong, dz1))
((2, 1), False)
"""

from __future__ import annotations

from typing import Literal, overload

import numpy as np

from . import _checks
from .activations import _activation_backward, get_activation, tanh_derivative  # noqa: F401
from .forward import Cache
from .types import ArrayLike, FloatArray

__all__ = ["linear_activation_backward", "linear_backward"]


# For type checkers: dA_prev is None exactly when compute_dA_prev=False.
@overload
def linear_backward(
    dZ: ArrayLike, cache: Cache, *, compute_dA_prev: Literal[True] = ..., layer: int | None = ...
) -> tuple[FloatArray, FloatArray, FloatArray]: ...
@overload
def linear_backward(
    dZ: ArrayLike, cache: Cache, *, compute_dA_prev: Literal[False], layer: int | None = ...
) -> tuple[None, FloatArray, FloatArray]: ...
@overload
def linear_backward(
    dZ: ArrayLike, cache: Cache, *, compute_dA_prev: bool, layer: int | None = ...
) -> tuple[FloatArray | None, FloatArray, FloatArray]: ...
def linear_backward(
    dZ: ArrayLike, cache: Cache, *, compute_dA_prev: bool = True, layer: int | None = None
) -> tuple[FloatArray | None, FloatArray, FloatArray]:
    r"""The backward step through the linear part of layer l.

    The loss of example :math:`i` alone has the derivative
    :math:`dz^{[l](i)} a^{[l-1](i)\top}` with respect to :math:`W^{[l]}`,
    by the second equation of the step. The cost
    :math:`J` is the mean of the :math:`m` losses, so its derivative
    :math:`dW^{[l]} = \partial J / \partial W^{[l]}` is the mean of these
    contributions. The matrix product :math:`dZ^{[l]} A^{[l-1]\top}` adds
    them up over the columns, and :math:`1/m` turns the sum into a mean:

    .. math::

       dW^{[l]} = \frac{1}{m}\, dZ^{[l]} A^{[l-1]\top}

    >>> A_prev = np.array([[1.0, 2.0], [3.0, 4.0]])
    >>> W, b, dZ = np.array([[1.0, -1.0]]), np.array([[0.5]]), np.array([[1.0, 2.0]])
    >>> dA_prev, dW, db = linear_backward(dZ, Cache(A_prev, W, b, Z=None))

    By hand, :math:`dZ A^\top = [[1 + 4, 3 + 8]] = [[5, 11]]`, and
    :math:`m = 2` halves it:

    >>> dW
    array([[2.5, 5.5]])

    With random numbers, the vectorized :math:`dW^{[l]}` is the mean of
    the single-example contributions
    :math:`dz^{[l](i)} a^{[l-1](i)\top}`:

    >>> rng = np.random.default_rng(1)
    >>> A_prev4, dZ4 = rng.random((5, 4)), rng.random((2, 4))
    >>> _, dW4, _ = linear_backward(dZ4, Cache(A_prev4, rng.random((2, 5)), None, None))
    >>> per_example = [dZ4[:, [i]] @ A_prev4[:, [i]].T for i in range(4)]
    >>> bool(np.allclose(dW4, np.mean(per_example, axis=0)))
    True

    The bias gradient is, in the same way, the mean of the single-example
    :math:`dz^{[l](i)}`:

    .. math::

       db^{[l]} = \frac{1}{m} \sum_{i=1}^{m} dz^{[l](i)}

    By hand, :math:`(1 + 2) / 2 = 1.5`:

    >>> db
    array([[1.5]])

    In numpy the sum is ``np.sum(dZ, axis=1, keepdims=True)``. The
    examples are the columns of :math:`dZ^{[l]}`, and ``axis=1`` runs
    along a row, so it adds up the examples and leaves one number per
    unit. ``keepdims=True`` keeps the result a column of shape
    ``(n[l], 1)``, the shape of :math:`b^{[l]}`. Without it numpy
    returns a flat array of shape ``(n[l],)``, and the update
    :math:`b^{[l]} - \alpha\, db^{[l]}` broadcasts it into a matrix. A
    layer of two units, three examples, and :math:`\alpha = 1`:

    >>> dZ = np.array([[1.0, 2.0, 3.0], [-1.0, 0.0, 4.0]])
    >>> b = np.array([[0.5], [0.25]])
    >>> np.sum(dZ, axis=1, keepdims=True) / 3
    array([[2.],
           [1.]])
    >>> b - np.sum(dZ, axis=1, keepdims=True) / 3
    array([[-1.5 ],
           [-0.75]])
    >>> b - np.sum(dZ, axis=1) / 3
    array([[-1.5 , -0.5 ],
           [-1.75, -0.75]])

    The last result is wrong: a bias of two entries became a
    :math:`2 \times 2` matrix, with no error. The library keeps the
    column:

    >>> _, _, db = linear_backward(dZ, Cache(np.ones((1, 3)), np.ones((2, 1)), b, None))
    >>> db
    array([[2.],
           [1.]])

    The derivative handed to the previous layer has no :math:`1/m`:

    .. math::

       dA^{[l-1]} = W^{[l]\top} dZ^{[l]}

    >>> dA_prev
    array([[ 1.,  2.],
           [-1., -2.]])

    Nothing is summed over the examples here: column :math:`i` of
    :math:`dA^{[l-1]}` is :math:`W^{[l]\top} dz^{[l](i)}`, the derivative
    of the loss of example :math:`i` alone, like the column of
    :math:`dZ^{[l]}` it comes from. As a derivative of the cost it is
    :math:`m` times too large:

    .. math::

       dA^{[l-1]} = m\, \frac{\partial J}{\partial A^{[l-1]}}

    The doctest takes a sigmoid output layer, :math:`l = L = 2`, on
    :math:`m = 4` examples, starts from the seed
    :math:`da^{[2]} = -y/a + (1-y)/(1-a)` of the cross-entropy (derived
    in :ref:`loss-and-seed`), and compares :math:`dA^{[1]}` with a
    centred finite difference of the cost :math:`J` in each entry of
    :math:`A^{[1]}`:

    >>> from dnn_textbook.activations import activation_backward
    >>> A1 = np.array([[1.0, -2.0, 0.5, 3.0], [0.0, 1.0, -1.0, 2.0]])
    >>> W2, b2, Y = np.array([[0.5, -1.0]]), np.array([[0.25]]), np.array([[1.0, 0.0, 0.0, 1.0]])
    >>> def J(A1):
    ...     A2 = 1 / (1 + np.exp(-(W2 @ A1 + b2)))
    ...     return float(np.mean(-Y * np.log(A2) - (1 - Y) * np.log(1 - A2)))
    >>> Z2 = W2 @ A1 + b2
    >>> A2 = 1 / (1 + np.exp(-Z2))
    >>> dZ2 = activation_backward(-Y / A2 + (1 - Y) / (1 - A2), Z2, "sigmoid")
    >>> dA1, dW2, db2 = linear_backward(dZ2, Cache(A1, W2, b2, Z2))
    >>> h, dJ_dA1 = 1e-6, np.zeros((2, 4))
    >>> for j in np.ndindex(2, 4):
    ...     E = np.zeros((2, 4))
    ...     E[j] = h
    ...     dJ_dA1[j] = (J(A1 + E) - J(A1 - E)) / (2 * h)
    >>> bool(np.allclose(dA1, 4 * dJ_dA1)), bool(np.allclose(dA1, dJ_dA1))
    (True, False)
    >>> round(float(np.mean(dA1 / dJ_dA1)), 6)
    4.0

    Parameters
    ----------
    dZ : array_like of shape (n[l], m)
        Column i: the derivative of the loss of example i with respect
        to :math:`z^{[l](i)}`.
    cache : Cache
        ``(A_prev, W, b, Z)`` from the forward step of layer l; only
        ``A_prev`` and ``W`` are read. The course's layouts,
        ``((A_prev, W, b), Z)`` and ``(A_prev, W, b)``, are accepted too.
    compute_dA_prev : bool, default True
        Set to False for layer 1: :math:`dA^{[0]}` is never used.
    layer : int, optional
        The layer's number l, used only in error messages.

    Returns
    -------
    dA_prev : ndarray of shape (n[l-1], m), or None
        Column i: the derivative of the loss of example i with respect
        to :math:`a^{[l-1](i)}`, with no :math:`1/m`; None if not asked
        for.
    dW : ndarray of shape (n[l], n[l-1])
        :math:`\partial J / \partial W^{[l]}`, the gradient of the cost.
    db : ndarray of shape (n[l], 1)
        :math:`\partial J / \partial b^{[l]}`, the gradient of the cost.
    """
    A_prev, W, b, Z = _checks.cache(cache, layer, with_Z=False)
    dZ = _checks.matrix(dZ, "dZ")
    _checks.dZ_shape(dZ, (W.shape[0], A_prev.shape[1]), layer)
    return _linear_backward(dZ, Cache(A_prev, W, b, Z), compute_dA_prev)


def _linear_backward(
    dZ: FloatArray, cache: Cache, compute_dA_prev: bool
) -> tuple[FloatArray | None, FloatArray, FloatArray]:
    """dA[l-1], dW[l] and db[l], trusting what the entrance checked."""
    A_prev, W = cache.A_prev, cache.W
    m = A_prev.shape[1]
    # dW[l] = (1/m) dZ[l] A[l-1]ᵀ  and  db[l] = (1/m) Σ_i dZ[l](i);
    # the 1/m scales either dZ[l] (n[l] m numbers, one numpy call) or dW[l] and db[l]
    # (n[l] (n[l-1] + 1) numbers, two calls), whichever costs less, with a call
    # costing about as much as a thousand numbers
    if dZ.size < W.size + W.shape[0] + 1000:
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


# For type checkers: dA_prev is None exactly when compute_dA_prev=False.
@overload
def linear_activation_backward(
    dA: ArrayLike,
    cache: Cache,
    activation: str,
    *,
    compute_dA_prev: Literal[True] = ...,
    layer: int | None = ...,
) -> tuple[FloatArray, FloatArray, FloatArray]: ...
@overload
def linear_activation_backward(
    dA: ArrayLike,
    cache: Cache,
    activation: str,
    *,
    compute_dA_prev: Literal[False],
    layer: int | None = ...,
) -> tuple[None, FloatArray, FloatArray]: ...
@overload
def linear_activation_backward(
    dA: ArrayLike,
    cache: Cache,
    activation: str,
    *,
    compute_dA_prev: bool,
    layer: int | None = ...,
) -> tuple[FloatArray | None, FloatArray, FloatArray]: ...
def linear_activation_backward(
    dA: ArrayLike,
    cache: Cache,
    activation: str,
    *,
    compute_dA_prev: bool = True,
    layer: int | None = None,
) -> tuple[FloatArray | None, FloatArray, FloatArray]:
    r"""The whole backward step of layer l: through g, then the linear part.

    The first equation of the step, vectorized, gives :math:`dZ^{[l]}`;
    :func:`linear_backward` does the rest:

    .. math::

       dZ^{[l]} = dA^{[l]} \odot g^{[l]\prime}(Z^{[l]})

    A sigmoid at :math:`Z = 0` has slope :math:`1/4`, so
    :math:`dZ = dA / 4`. The inputs are chosen so that the forward step
    gives
    :math:`Z = W A^{[l-1]} + b = [[1 - 3 + 2, 2 - 4 + 2]] = [[0, 0]]`;
    then :math:`dA = [[4, 8]]` gives :math:`dZ = [[1, 2]]`, the
    :math:`dZ` of the example of :func:`linear_backward`, and the same
    gradients:

    >>> from dnn_textbook.forward import linear_forward
    >>> A_prev = np.array([[1.0, 2.0], [3.0, 4.0]])
    >>> Z, cache = linear_forward(A_prev, np.array([[1.0, -1.0]]), np.array([[2.0]]))
    >>> Z
    array([[0., 0.]])
    >>> dA_prev, dW, db = linear_activation_backward(np.array([[4.0, 8.0]]), cache, "sigmoid")
    >>> dW, db
    (array([[2.5, 5.5]]), array([[1.5]]))

    Parameters
    ----------
    dA : array_like of shape (n[l], m)
        Column i: the derivative of the loss of example i with respect
        to :math:`a^{[l](i)}`.
    cache : Cache
        ``(A_prev, W, b, Z)`` from the forward step of layer l, or the
        course's ``((A_prev, W, b), Z)``.
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
    dA: FloatArray, cache: Cache, activation: str, compute_dA_prev: bool
) -> tuple[FloatArray | None, FloatArray, FloatArray]:
    """The whole backward step of layer l, trusting what the entrance checked."""
    # dZ[l] = dA[l] ⊙ g[l]'(Z[l])
    dZ = _activation_backward(dA, cache.Z, activation)
    return _linear_backward(dZ, cache, compute_dA_prev)
