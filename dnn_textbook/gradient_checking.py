r"""Gradient checking: is the backward pass right?

Backward propagation is easy to get subtly wrong, and a wrong gradient
often still lowers the cost, only worse. Gradient checking compares every
derivative with a numerical estimate made from the cost alone.

Put all the parameters :math:`W^{[1]}, b^{[1]}, \dots, W^{[L]}, b^{[L]}`
into one long vector :math:`\theta`. Nudge entry :math:`i` by
:math:`\pm\varepsilon` and measure the change of the cost:

.. math::

   d\theta_{\text{approx}}[i] =
   \frac{J(\theta + \varepsilon e_i) - J(\theta - \varepsilon e_i)}{2\varepsilon}

The two-sided difference is much more accurate than the one-sided
:math:`(J(\theta + \varepsilon e_i) - J(\theta)) / \varepsilon`: its
error shrinks like :math:`\varepsilon^2` instead of :math:`\varepsilon`.
For :math:`J(\theta) = \theta^3` at :math:`\theta = 1` the derivative is
3, and with :math:`\varepsilon = 0.01` by hand the two-sided estimate is
:math:`3 + \varepsilon^2 = 3.0001`, the one-sided one
:math:`3 + 3\varepsilon + \varepsilon^2 = 3.0301`:

>>> J, theta, eps = (lambda t: t ** 3), 1.0, 0.01
>>> round((J(theta + eps) - J(theta - eps)) / (2 * eps), 10)
3.0001
>>> round((J(theta + eps) - J(theta)) / eps, 10)
3.0301

The estimate is then compared with the gradient :math:`d\theta` from
backward propagation, relative to their sizes:

.. math::

   \text{difference} = \frac{\lVert d\theta_{\text{approx}} - d\theta \rVert_2}
   {\lVert d\theta_{\text{approx}} \rVert_2 + \lVert d\theta \rVert_2}

By hand, :math:`0.0001 / 6.0001 \approx 1.6666 \times 10^{-5}`:

>>> f"{relative_difference(np.array([3.0001]), np.array([3.0])):.4e}"
'1.6666e-05'

A rule of thumb, with :math:`\varepsilon = 10^{-7}`: a difference near
:math:`10^{-7}` or below means the gradients are right; near
:math:`10^{-5}`, look closer; near :math:`10^{-3}` or above, there is
almost surely a bug. Gradient checking is slow, two forward passes per
parameter: use it to debug, never while training.

A correct backward pass can still fail the check near a kink. ReLU has
no derivative at :math:`z = 0`: its slope is 0 on the left and 1 on the
right, and the library uses 0 at 0 itself. When some :math:`Z^{[l]}`
lies within :math:`\varepsilon` of 0, the two nudged costs fall on
either side of the kink, and the centred difference measures the mean
of the two slopes, which is neither. Below, the hidden unit sits exactly
on the kink, :math:`z = 1 - 1 + 0 = 0`. The backward pass gives 0 for
the two weights and the bias of layer 1; the estimate gives
:math:`-0.5` for each of them and agrees on layer 2. By hand, the
difference is :math:`\sqrt{0.75} / (1 + 0.5) = 1/\sqrt{3} \approx
0.58`:

>>> X, Y = np.array([[1.0], [1.0]]), np.array([[1.0]])
>>> parameters = {"W1": np.array([[1.0, -1.0]]), "b1": np.array([[0.0]]),
...               "W2": np.array([[2.0]]), "b2": np.array([[0.0]])}
>>> round(gradient_check(parameters, None, X, Y), 2)
0.58

Move the unit off the kink, here with :math:`b^{[1]} = 0.5`, and the
same backward pass passes:

>>> parameters["b1"] = np.array([[0.5]])
>>> bool(gradient_check(parameters, None, X, Y) < 1e-7)
True

So when a ReLU network fails the check, look for values of
:math:`Z^{[l]}` close to 0 before looking for a bug, and check again on
other examples, or on fewer, where no unit sits on a kink.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from . import _checks
from ._i18n import _
from .chain import L_model_backward, L_model_forward
from .loss import compute_cost
from .types import ArrayLike, ArraysByName

__all__ = ["gradient_check", "relative_difference"]


def relative_difference(approx: ArrayLike, grad: ArrayLike) -> float:
    """The difference between two gradient vectors, relative to their sizes."""
    approx, grad = np.asarray(approx, dtype=np.float64), np.asarray(grad, dtype=np.float64)
    numerator = np.linalg.norm(approx - grad)
    denominator = np.linalg.norm(approx) + np.linalg.norm(grad)
    return float(numerator / denominator) if denominator else 0.0


def gradient_check(
    parameters: ArraysByName,
    gradients: ArraysByName | None,
    X: ArrayLike,
    Y: ArrayLike,
    activations: Sequence[str] | None = None,
    epsilon: float = 1e-7,
) -> float:
    r"""Compare backward propagation with centred differences of the cost.

    A correct gradient passes; a gradient with one wrong entry does not:

    >>> rng = np.random.default_rng(3)
    >>> X, Y = rng.standard_normal((2, 4)), np.array([[1, 0, 0, 1]])
    >>> parameters = {"W1": rng.standard_normal((3, 2)), "b1": np.zeros((3, 1)),
    ...               "W2": rng.standard_normal((1, 3)), "b2": np.zeros((1, 1))}
    >>> AL, caches = L_model_forward(X, parameters, ["tanh", "sigmoid"])
    >>> grads = L_model_backward(AL, Y, caches, ["tanh", "sigmoid"])
    >>> bool(gradient_check(parameters, grads, X, Y, ["tanh", "sigmoid"]) < 1e-7)
    True
    >>> grads["dW1"][0, 0] += 0.1
    >>> bool(gradient_check(parameters, grads, X, Y, ["tanh", "sigmoid"]) > 1e-3)
    True

    Parameters
    ----------
    parameters : dict
        ``"W1"``, ``"b1"``, ..., ``"WL"``, ``"bL"``.
    gradients : dict or None
        ``"dW1"``, ``"db1"``, ... from
        :func:`~dnn_textbook.chain.L_model_backward`; computed
        here if None.
    X, Y : array_like
        The inputs and labels the cost is measured on.
    activations : list of str, optional
        One activation name per layer.
    epsilon : float, default 1e-7
        The nudge :math:`\varepsilon`.

    Returns
    -------
    float
        The relative difference (see above).
    """
    L = _checks.layer_count(parameters)
    # Centred differences need float64, whatever the dtype of the network.
    theta = {k: np.array(v, dtype=np.float64) for k, v in parameters.items()}
    X = np.asarray(X, dtype=np.float64)
    if gradients is None:
        AL, caches = L_model_forward(X, theta, activations)
        gradients = L_model_backward(AL, Y, caches, activations)

    def J() -> float:
        return compute_cost(L_model_forward(X, theta, activations)[0], Y)

    approx: list[float] = []
    grad: list[float] = []
    for l in range(1, L + 1):
        for name in (f"W{l}", f"b{l}"):
            if "d" + name not in gradients:
                raise ValueError(_("gradients has no {name}").format(name="d" + name))
            p = theta[name]
            for i in np.ndindex(p.shape):
                saved = p[i]
                p[i] = saved + epsilon
                J_plus = J()
                p[i] = saved - epsilon
                J_minus = J()
                p[i] = saved
                # dθ_approx[i] = (J(θ + ε e_i) − J(θ − ε e_i)) / (2ε)
                approx.append((J_plus - J_minus) / (2 * epsilon))
            grad.extend(np.ravel(gradients["d" + name]))
    return relative_difference(np.array(approx), np.array(grad))
