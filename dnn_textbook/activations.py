r"""Activation functions :math:`g` and their derivatives :math:`g'`.

Each layer applies an activation function :math:`g^{[l]}` element by
element: :math:`a^{[l]} = g^{[l]}(z^{[l]})` for one example, and
:math:`A^{[l]} = g^{[l]}(Z^{[l]})` for the batch, entry by entry. Five
are available, by name:

>>> sorted(ACTIVATIONS)
['identity', 'leaky_relu', 'relu', 'sigmoid', 'tanh']

This module also holds their derivatives :math:`g^{[l]\prime}`. Only the
backward step uses them, so the book presents them in the chapter on
backward propagation.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

import numpy as np

from . import _checks
from ._i18n import _
from .types import Activation, ArrayLike, FloatArray

__all__ = [
    "ACTIVATIONS",
    "activation_backward",
    "get_activation",
    "identity",
    "identity_derivative",
    "leaky_relu",
    "leaky_relu_derivative",
    "relu",
    "relu_backward",
    "relu_derivative",
    "sigmoid",
    "sigmoid_backward",
    "sigmoid_derivative",
    "tanh",
    "tanh_derivative",
]


def sigmoid(Z: ArrayLike) -> FloatArray:
    r"""The sigmoid, for the output unit of binary classification.

    .. math::

       \sigma(z) = \frac{1}{1 + e^{-z}}

    >>> float(sigmoid(np.array(0.0)))
    0.5
    >>> z = np.array([-1.0, 2.0])
    >>> np.allclose(sigmoid(z), 1 / (1 + np.exp(-z)))
    True

    The formula as written overflows :math:`e^{-z}` for large negative
    :math:`z`: numpy then gives :math:`+\infty`, and
    :math:`1/(1 + \infty) = 0` is the right limit. The code keeps the
    formula and silences numpy's overflow warning, so none is raised:

    >>> sigmoid(np.array([-1e4, 1e4]))
    array([0., 1.])
    """
    Z = _checks.as_float_array(Z, "Z")
    with np.errstate(over="ignore"):  # e^{-z} = inf gives σ(z) = 0, as it should
        return _sigmoid(Z)


def _sigmoid(Z: FloatArray) -> FloatArray:
    """σ(Z), trusting Z and leaving numpy's overflow warning to the caller."""
    # σ(z) = 1 / (1 + e^{-z})
    E = np.exp(-Z)
    E += 1
    return 1 / E


def sigmoid_derivative(Z: ArrayLike) -> FloatArray:
    r"""The derivative of the sigmoid, written with the sigmoid itself.

    .. math::

       \sigma'(z) = \sigma(z)\,\bigl(1 - \sigma(z)\bigr)

    At :math:`z = 0` the sigmoid is 1/2, so the slope is 1/4:

    >>> float(sigmoid_derivative(np.array(0.0)))
    0.25
    >>> z, h = np.array([-3.0, 0.5, 2.0]), 1e-6
    >>> np.allclose(sigmoid_derivative(z),
    ...             (sigmoid(z + h) - sigmoid(z - h)) / (2 * h))
    True
    """
    Z = _checks.as_float_array(Z, "Z")
    S = sigmoid(Z)
    # σ'(z) = σ(z) (1 - σ(z))
    D = 1 - S
    D *= S
    return D


def relu(Z: ArrayLike) -> FloatArray:
    r"""The rectified linear unit, the usual choice for hidden layers.

    .. math::

       \operatorname{relu}(z) = \max(0, z)

    >>> relu(np.array([-2.0, 0.0, 3.0]))
    array([0., 0., 3.])
    """
    Z = _checks.as_float_array(Z, "Z")
    return np.maximum(Z, 0)


def relu_derivative(Z: ArrayLike) -> FloatArray:
    r"""The slope of the ReLU: 1 where :math:`z > 0`, else 0.

    .. math::

       \operatorname{relu}'(z) = \begin{cases} 1 & z > 0 \\ 0 & z \le 0 \end{cases}

    At :math:`z = 0` the ReLU has no derivative; the code takes 0 there.

    >>> z, h = np.array([-2.0, 0.5, 3.0]), 1e-6
    >>> relu_derivative(z)
    array([0., 1., 1.])
    >>> np.allclose(relu_derivative(z), (relu(z + h) - relu(z - h)) / (2 * h))
    True
    """
    Z = _checks.as_float_array(Z, "Z")
    return (Z > 0).astype(Z.dtype)


def tanh(Z: ArrayLike) -> FloatArray:
    r"""The hyperbolic tangent, a zero-centred S-shaped activation.

    .. math::

       \tanh(z) = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}

    >>> z = np.array([-0.5, 0.0, 1.5])
    >>> np.allclose(tanh(z), (np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z)))
    True
    """
    Z = _checks.as_float_array(Z, "Z")
    return np.tanh(Z)


def tanh_derivative(Z: ArrayLike) -> FloatArray:
    r"""The derivative of tanh, written with tanh itself.

    .. math::

       \tanh'(z) = 1 - \tanh^2(z)

    >>> float(tanh_derivative(np.array(0.0)))
    1.0
    >>> z, h = np.array([-1.0, 0.25, 2.0]), 1e-6
    >>> np.allclose(tanh_derivative(z), (tanh(z + h) - tanh(z - h)) / (2 * h))
    True
    """
    Z = _checks.as_float_array(Z, "Z")
    T = np.tanh(Z)
    return 1 - T * T


def leaky_relu(Z: ArrayLike, alpha: float = 0.01) -> FloatArray:
    r"""The leaky ReLU: a small slope :math:`\alpha` instead of 0 for z < 0.

    .. math::

       \operatorname{leaky}(z) = \max(\alpha z, z), \quad 0 < \alpha < 1

    >>> leaky_relu(np.array([-2.0, 4.0]), alpha=0.25)
    array([-0.5,  4. ])
    """
    Z = _checks.as_float_array(Z, "Z")
    return np.where(Z > 0, Z, alpha * Z)


def leaky_relu_derivative(Z: ArrayLike, alpha: float = 0.01) -> FloatArray:
    r"""The slope of the leaky ReLU: 1 where :math:`z > 0`, else alpha.

    .. math::

       \operatorname{leaky}'(z) = \begin{cases} 1 & z > 0 \\ \alpha & z \le 0 \end{cases}

    >>> z, h = np.array([-2.0, 0.5]), 1e-6
    >>> leaky_relu_derivative(z, alpha=0.25)
    array([0.25, 1.  ])
    >>> np.allclose(leaky_relu_derivative(z),
    ...             (leaky_relu(z + h) - leaky_relu(z - h)) / (2 * h))
    True
    """
    Z = _checks.as_float_array(Z, "Z")
    return np.where(Z > 0, 1, alpha).astype(Z.dtype)


def identity(Z: ArrayLike) -> FloatArray:
    r"""The identity: the layer stays linear, :math:`g(z) = z`.

    >>> identity(np.array([-1.5, 2.0]))
    array([-1.5,  2. ])
    """
    Z = _checks.as_float_array(Z, "Z")
    return Z


def identity_derivative(Z: ArrayLike) -> FloatArray:
    r"""The slope of the identity, :math:`g'(z) = 1` everywhere.

    >>> identity_derivative(np.array([-1.5, 2.0]))
    array([1., 1.])
    """
    Z = _checks.as_float_array(Z, "Z")
    return np.ones_like(Z)


#: Every activation function by its name, as ``name -> (g, g')``. The
#: table is read-only, so that no code can change it under the library.
#:
#: :meta hide-value:
ACTIVATIONS: Mapping[str, Activation] = MappingProxyType(
    {
        "identity": (identity, identity_derivative),
        "leaky_relu": (leaky_relu, leaky_relu_derivative),
        "relu": (relu, relu_derivative),
        "sigmoid": (sigmoid, sigmoid_derivative),
        "tanh": (tanh, tanh_derivative),
    }
)

#: g by name as the loops call it, on a Z that the entrance checked.
_TRUSTED_G: dict[str, Callable[[FloatArray], FloatArray]] = {
    **{name: g for name, (g, _) in ACTIVATIONS.items()},
    "sigmoid": _sigmoid,
    "relu": lambda Z: np.maximum(Z, 0),
}


def get_activation(name: str, layer: int | None = None) -> Activation:
    """Look up ``(g, g')`` by name, or say which names exist.

    >>> get_activation("softmax")
    Traceback (most recent call last):
    ...
    ValueError: unknown activation 'softmax'; valid: identity, leaky_relu, relu, sigmoid, tanh
    """
    try:
        return ACTIVATIONS[name]
    except (KeyError, TypeError):
        raise ValueError(
            _checks.prefix(layer)
            + _("unknown activation {name}; valid: {valid}").format(
                name=repr(name), valid=", ".join(sorted(ACTIVATIONS))
            )
        ) from None


def activation_backward(dA: ArrayLike, Z: ArrayLike, name: str) -> FloatArray:
    r"""The first equation of the backward step, for any activation.

    .. math::

       dZ^{[l]} = dA^{[l]} \odot g^{[l]\prime}(Z^{[l]})

    For the ReLU, the gradient passes where :math:`Z > 0` and stops
    elsewhere:

    >>> dA, Z = np.array([[0.5, -2.0, 4.0]]), np.array([[1.0, 3.0, -1.0]])
    >>> activation_backward(dA, Z, "relu")
    array([[ 0.5, -2. ,  0. ]])
    """
    dA, Z = _checks.as_float_array(dA, "dA"), _checks.as_float_array(Z, "Z")
    get_activation(name)
    return _activation_backward(dA, Z, name)


def _activation_backward(dA: FloatArray, Z: FloatArray, name: str) -> FloatArray:
    """dZ[l], trusting dA[l], Z[l] and the name that the entrance checked."""
    if name == "relu":
        # dZ[l] = dA[l] ⊙ relu'(Z[l]): relu'(Z[l]) is 1 where Z[l] > 0, else 0. It is
        # made as a new float array, then multiplied by dA[l] in place: quicker than
        # dA * (Z > 0), whose product converts the booleans on the fly, on every layer
        # that fits in the processor's cache (measured: a fifth to two fifths).
        dZ = (Z > 0).astype(dA.dtype)
        dZ *= dA
        return dZ
    # dZ[l] = dA[l] ⊙ g[l]'(Z[l]), in the new array that g' returns
    dZ = ACTIVATIONS[name][1](Z)
    dZ *= dA
    return dZ


def relu_backward(dA: ArrayLike, Z: ArrayLike) -> FloatArray:
    """dZ for a ReLU layer, as the course's helper of the same name.

    >>> relu_backward(np.array([[2.0, 2.0]]), np.array([[-1.0, 1.0]]))
    array([[0., 2.]])
    """
    return activation_backward(dA, Z, "relu")


def sigmoid_backward(dA: ArrayLike, Z: ArrayLike) -> FloatArray:
    """dZ for a sigmoid layer, as the course's helper of the same name.

    >>> sigmoid_backward(np.array([[4.0]]), np.array([[0.0]]))
    array([[1.]])
    """
    return activation_backward(dA, Z, "sigmoid")
