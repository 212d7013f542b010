r"""The loss, the cost, and the seed dA[L] of the backward pass.

For binary classification the output of the network for one example,
:math:`a = a^{[L]} = \hat{y}` (one column of :math:`A^{[L]}`), is a
probability, given by a sigmoid output unit, and the label :math:`y` is
0 or 1. The loss of one example is the cross-entropy

.. math::

   \mathcal{L}(a, y) = -\bigl(y \log a + (1 - y) \log(1 - a)\bigr)

The lecture calls it the loss of logistic regression: the output unit, a
sigmoid of a linear function of :math:`a^{[L-1]}`, is a logistic
regression, and the network is trained with its loss.

A confident right answer costs little, a confident wrong one a lot:
with :math:`a = 0.75`, the loss is :math:`-\log 0.75` if :math:`y = 1`
and :math:`-\log 0.25` if :math:`y = 0`:

>>> AL = np.array([[0.75, 0.75]])
>>> bool(np.isclose(compute_cost(AL, np.array([[1, 1]])), -np.log(0.75)))
True
>>> bool(np.isclose(compute_cost(AL, np.array([[0, 0]])), -np.log(0.25)))
True

The cost averages the loss over the :math:`m` examples:

.. math::

   J = \frac{1}{m} \sum_{i=1}^{m} \mathcal{L}(a^{(i)}, y^{(i)})

>>> AL, Y = np.array([[0.5, 0.75, 0.25]]), np.array([[1, 0, 1]])
>>> losses = [-np.log(0.5), -np.log(0.25), -np.log(0.25)]
>>> bool(np.isclose(compute_cost(AL, Y), sum(losses) / 3))
True

The backward pass starts from the derivative of the loss with respect to
the output. With :math:`\frac{d}{da} \log a = \frac{1}{a}` and
:math:`\frac{d}{da} \log(1 - a) = -\frac{1}{1 - a}`, one line of
calculus gives the seed of the recursion:

.. math::

   da^{[L]} = \frac{\partial \mathcal{L}}{\partial a}
   = -y \cdot \frac{1}{a} - (1 - y) \cdot \frac{-1}{1 - a}
   = -\frac{y}{a} + \frac{1 - y}{1 - a}

It holds for this loss, the cross-entropy, and for an output strictly
between 0 and 1, which a sigmoid output unit gives: at :math:`a = 0` or
:math:`a = 1` one of the fractions divides by zero. A centred finite
difference of :math:`\mathcal{L}` agrees:

>>> a, y, h = 0.75, 1.0, 1e-6
>>> loss = lambda a: -(y * np.log(a) + (1 - y) * np.log(1 - a))
>>> fd = (loss(a + h) - loss(a - h)) / (2 * h)
>>> bool(np.isclose(seed_dAL(np.array([[a]]), np.array([[y]])).item(), fd))
True

Vectorized, the seed is the same formula applied to each column, with
element-wise division:

.. math::

   dA^{[L]} = \left[ -\frac{y^{(1)}}{a^{(1)}} + \frac{1 - y^{(1)}}{1 - a^{(1)}},
   \;\dots,\; -\frac{y^{(m)}}{a^{(m)}} + \frac{1 - y^{(m)}}{1 - a^{(m)}} \right]

>>> AL, Y = np.array([[0.5, 0.75, 0.25]]), np.array([[1.0, 0.0, 1.0]])
>>> loop = [seed_dAL(AL[:, [i]], Y[:, [i]]).item() for i in range(3)]
>>> np.array_equal(seed_dAL(AL, Y), [loop])
True

The seed carries no :math:`1/m`: column :math:`i` is the derivative of
the loss of example :math:`i`, not of the cost, and the backward step
adds the :math:`1/m` when it forms :math:`dW^{[l]}` and
:math:`db^{[l]}`.

The first equation of the backward step of the output layer multiplies
the seed by the slope of the sigmoid,
:math:`\sigma'(z^{[L]}) = a^{[L]}(1 - a^{[L]})`, and most of it
cancels:

.. math::

   dz^{[L]} = da^{[L]} \odot \sigma'(z^{[L]})
   = da^{[L]}\, a^{[L]} (1 - a^{[L]})
   = -y (1 - a^{[L]}) + (1 - y)\, a^{[L]} = a^{[L]} - y

Vectorized, this is the fused :math:`dZ^{[L]} = A^{[L]} - Y`, which
holds for a sigmoid output with the cross-entropy loss only:

>>> dZ_chain = seed_dAL(AL, Y) * AL * (1 - AL)
>>> np.allclose(fused_dZL(AL, Y), dZ_chain)
True
>>> fused_dZL(AL, Y)
array([[-0.5 ,  0.75, -0.75]])

The two routes agree in exact arithmetic, not in floating point. When
the sigmoid saturates, :math:`a^{[L]}` rounds to 1 (at
:math:`z^{[L]} = 40`) or falls below the machine epsilon
:math:`\varepsilon` (at :math:`z^{[L]} = -40`). To avoid dividing by
zero, :func:`seed_dAL` clips :math:`a` into
:math:`[\varepsilon, 1 - \varepsilon]`; the clipped seed, multiplied by
the slope :math:`\sigma'(z^{[L]})`, is then no longer :math:`dz^{[L]}`:
the seed route loses the gradient. With :math:`y = 0` at
:math:`z^{[L]} = 40` and :math:`y = 1` at :math:`z^{[L]} = -40`, the
true :math:`dz^{[L]} = a^{[L]} - y` is 1 and -1 to within
:math:`10^{-17}`:

>>> from dnn_textbook.activations import sigmoid, sigmoid_derivative
>>> ZL, Y = np.array([[40.0, -40.0]]), np.array([[0.0, 1.0]])
>>> AL = sigmoid(ZL)
>>> (seed_dAL(AL, Y) * sigmoid_derivative(ZL)).round(3)
array([[ 0.   , -0.019]])
>>> fused_dZL(AL, Y)
array([[ 1., -1.]])

The fused route never divides by :math:`a` or :math:`1 - a`, so it stays
right. That is why the library's backward pass,
:func:`~dnn_textbook.chain.L_model_backward`, starts by default
(``fused=True``) from :math:`dZ^{[L]} = A^{[L]} - Y` when the output
layer is a sigmoid, rather than from the seed :math:`dA^{[L]}`;
``fused=False`` follows the lecture's route through the seed.
"""

from __future__ import annotations

import math

import numpy as np

from . import _checks
from .types import ArrayLike, FloatArray

__all__ = ["compute_cost", "fused_dZL", "seed_dAL"]


_EPS = {t: np.finfo(t).eps for t in (np.float16, np.float32, np.float64, np.longdouble)}


def _clipped(AL: FloatArray) -> FloatArray:
    # A saturated sigmoid gives exactly 0 or 1, where -y/a or (1 - y)/(1 - a)
    # divides by 0: keep a inside [eps, 1 - eps].
    eps = _EPS[AL.dtype.type]
    return np.minimum(np.maximum(AL, eps), 1 - eps)


def compute_cost(AL: ArrayLike, Y: ArrayLike) -> float:
    r"""The cross-entropy cost :math:`J`, averaged over the m examples.

    With :math:`a = 1/2` the loss is :math:`\log 2` whatever the label:

    >>> AL, Y = np.array([[0.5, 0.5]]), np.array([[1, 0]])
    >>> bool(np.isclose(compute_cost(AL, Y), np.log(2)))
    True

    For an output of exactly 0 or 1 the cross-entropy of a wrong label is
    :math:`+\infty`: :math:`-\log 0`. The library clamps it: where
    :math:`\log a` or :math:`\log(1 - a)` would be :math:`-\infty`, it
    takes :math:`\log \varepsilon` instead, with :math:`\varepsilon` the
    machine epsilon, so the cost is large but finite, with no warning.
    The course's ``compute_cost`` gives ``inf`` or ``nan`` there. Two
    examples, each with the wrong label at a saturated output, give
    :math:`-\log \varepsilon`, about 36 in float64:

    >>> J = compute_cost(np.array([[0.0, 1.0]]), np.array([[1, 0]]))
    >>> bool(np.isclose(J, -np.log(np.finfo(np.float64).eps))), round(J, 2)
    (True, 36.04)

    Parameters
    ----------
    AL : array_like of shape (1, m)
        :math:`A^{[L]}`, the predicted probabilities.
    Y : array_like of shape (1, m)
        The labels, 0 or 1.

    Returns
    -------
    float
        The cost :math:`J`.

    Raises
    ------
    ValueError
        If the shapes differ, m = 0, Y is not 0 or 1, or A[L] lies outside [0, 1].
    """
    AL = _checks.output(AL)
    Y = _checks.labels(Y, AL)
    return _compute_cost(AL, Y)


def _compute_cost(AL: FloatArray, Y: FloatArray) -> float:
    """J, trusting the shapes and the labels that the entrance checked."""
    with np.errstate(divide="ignore", invalid="ignore"):
        log_a, log_1_minus_a = np.log(AL), np.log1p(-AL)
    J = _cross_entropy(Y, log_a, log_1_minus_a)
    if not math.isfinite(J):
        # A value outside [0, 1] has a NaN log: refused. A saturated sigmoid's
        # exact 0 or 1 has log 0 = -inf: take log eps there instead.
        _checks.probabilities(AL)
        log_eps = math.log(_EPS[AL.dtype.type])
        log_a[log_a == -math.inf] = log_eps
        log_1_minus_a[log_1_minus_a == -math.inf] = log_eps
        J = _cross_entropy(Y, log_a, log_1_minus_a)
    return J


def _cross_entropy(Y: FloatArray, log_a: FloatArray, log_1_minus_a: FloatArray) -> float:
    m: int = Y.shape[1]
    # J = -(1/m) Σ (y log a + (1 - y) log(1 - a))
    return -float(np.vdot(Y, log_a) + np.vdot(1 - Y, log_1_minus_a)) / m


def seed_dAL(AL: ArrayLike, Y: ArrayLike) -> FloatArray:
    r"""The seed :math:`dA^{[L]} = -Y/A + (1-Y)/(1-A)`, element-wise.

    It is the derivative of the cross-entropy loss, and holds for any
    output strictly between 0 and 1, whatever activation produced it; the
    sigmoid is needed only for the shortcut :func:`fused_dZL`. An output
    that rounded to exactly 0 or 1 would divide by zero, so :math:`A` is
    first clipped into :math:`[\varepsilon, 1 - \varepsilon]`, with
    :math:`\varepsilon` the machine epsilon of its ``dtype``:

    >>> seed_dAL(np.array([[0.5, 0.25]]), np.array([[1, 0]]))
    array([[-2.        ,  1.33333333]])
    """
    AL = _checks.output(AL)
    Y = _checks.labels(Y, AL)
    _checks.probabilities(AL)
    return _seed_dAL(AL, Y)


def _seed_dAL(AL: FloatArray, Y: FloatArray) -> FloatArray:
    """The seed, trusting that the entrance checked A[L] and Y."""
    A = _clipped(AL)
    # dA[L] = -Y/A + (1 - Y)/(1 - A)
    return -Y / A + (1 - Y) / (1 - A)


def fused_dZL(AL: ArrayLike, Y: ArrayLike) -> FloatArray:
    r"""The fused :math:`dZ^{[L]} = A^{[L]} - Y` of a sigmoid output.

    >>> fused_dZL(np.array([[0.5, 0.25]]), np.array([[1, 0]]))
    array([[-0.5 ,  0.25]])
    """
    AL = _checks.output(AL)
    Y = _checks.labels(Y, AL)
    _checks.probabilities(AL)
    return _fused_dZL(AL, Y)


def _fused_dZL(AL: FloatArray, Y: FloatArray) -> FloatArray:
    """dZ[L] of a sigmoid output, trusting that the entrance checked A[L] and Y."""
    # dZ[L] = A[L] - Y
    return AL - Y
