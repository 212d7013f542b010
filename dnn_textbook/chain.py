r"""The L-layer chain: forward boxes left to right, backward boxes back.

The forward pass starts from :math:`A^{[0]} = X` and calls the forward
step of each layer in turn; each step hands its :math:`A^{[l]}` to the
next and keeps its cache. The default architecture is the lecture's:
:math:`L - 1` layers LINEAR→RELU, then LINEAR→SIGMOID.

The backward pass walks the caches in reverse, and each backward step
hands :math:`dA^{[l-1]}` to the layer before. It starts, as in the
lecture, from the seed :math:`dA^{[L]} = -Y/A^{[L]} + (1-Y)/(1-A^{[L]})`,
the derivative of each example's loss with respect to the output. The
first equation of layer :math:`L` turns the seed into
:math:`dZ^{[L]} = dA^{[L]} \odot \sigma'(Z^{[L]})`, and from there every
layer takes the same four equations. The last step, layer 1, would
produce :math:`dA^{[0]}`, the derivative with respect to the input:
nothing uses it, so it is not computed unless asked for.

For a sigmoid output and the cross-entropy loss, the product
:math:`dA^{[L]} \odot \sigma'(Z^{[L]})` simplifies to
:math:`A^{[L]} - Y` (:ref:`loss-and-seed` shows the cancellation). This
is a shortcut that follows from the lecture's route, not a different
method: it skips the seed and starts one equation later, at
:math:`dZ^{[L]}`. :func:`L_model_backward` takes the lecture's route
with ``fused=False`` and the shortcut with ``fused=True``. The shortcut
is the default, because the two agree in exact arithmetic but not when
the sigmoid saturates: there :math:`A^{[L]}` rounds to 0 or 1, the
seed must be clipped so as not to divide by zero, and the gradient is
lost, while :math:`A^{[L]} - Y` stays right.

The lecture's three-layer example: ReLU, ReLU, sigmoid, with layer
sizes ``[4, 3, 2, 1]`` and :math:`m = 6` examples. The weights are
simply drawn at random here; :ref:`training-initialization` explains
how to scale them for training.

>>> rng = np.random.default_rng(0)
>>> dims = [4, 3, 2, 1]
>>> parameters = {}
>>> for l in (1, 2, 3):
...     parameters[f"W{l}"] = rng.standard_normal((dims[l], dims[l - 1]))
...     parameters[f"b{l}"] = np.zeros((dims[l], 1))
>>> X = rng.standard_normal((4, 6))
>>> Y = np.array([[1, 0, 1, 1, 0, 0]])
>>> AL, caches = L_model_forward(X, parameters)
>>> AL.shape, len(caches)
((1, 6), 3)

Each cache holds :math:`A^{[l-1]}`, :math:`W^{[l]}`, :math:`b^{[l]}`
and :math:`Z^{[l]}`. Their shapes, layer by layer, are
:math:`(n^{[l-1]}, m)`, :math:`(n^{[l]}, n^{[l-1]})`,
:math:`(n^{[l]}, 1)` and :math:`(n^{[l]}, m)`:

>>> for l, cache in enumerate(caches, start=1):
...     print(l, cache.A_prev.shape, cache.W.shape, cache.b.shape,
...           cache.Z.shape)
1 (4, 6) (3, 4) (3, 1) (3, 6)
2 (3, 6) (2, 3) (2, 1) (2, 6)
3 (2, 6) (1, 2) (1, 1) (1, 6)

The caches link the layers: layer 1 reads :math:`X`, and each later
layer reads the ReLU of the :math:`Z` before it.

>>> np.array_equal(caches[0].A_prev, X)
True
>>> np.array_equal(caches[1].A_prev, np.maximum(caches[0].Z, 0))
True
>>> np.array_equal(caches[2].A_prev, np.maximum(caches[1].Z, 0))
True

The backward pass on the lecture's route starts from the seed. The
gradients it returns hold :math:`dA^{[2]}` and :math:`dA^{[1]}`, the
values handed down the chain, but not the seed: ``"dA3"`` belongs to no
layer's update. The backward step's equations rebuild both from the
seed, layer by layer:

>>> from dnn_textbook.activations import sigmoid_derivative
>>> from dnn_textbook.loss import seed_dAL
>>> grads = L_model_backward(AL, Y, caches, fused=False)
>>> grads["dA2"].shape, grads["dA1"].shape, "dA3" in grads
((2, 6), (3, 6), False)
>>> dA3 = seed_dAL(AL, Y)
>>> dZ3 = dA3 * sigmoid_derivative(caches[2].Z)
>>> np.allclose(grads["dA2"], parameters["W3"].T @ dZ3)
True
>>> dZ2 = grads["dA2"] * (caches[1].Z > 0)
>>> np.allclose(grads["dA1"], parameters["W2"].T @ dZ2)
True
>>> np.allclose(grads["dW3"], dZ3 @ caches[2].A_prev.T / 6)
True

The shortcut: :math:`dZ^{[3]}` is :math:`A^{[3]} - Y`, and the default
``fused=True`` starts there and returns the same gradients:

>>> np.allclose(dZ3, AL - Y)
True
>>> shortcut = L_model_backward(AL, Y, caches)
>>> all(np.allclose(shortcut[k], grads[k]) for k in grads)
True

The worked example after this chapter follows every number of a network
of this kind, and checks the gradients against finite differences of
the cost.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Sequence

import numpy as np

from . import _checks
from ._i18n import _, ngettext
from .activations import _TRUSTED_G, get_activation
from .backward import _linear_activation_backward, _linear_backward
from .forward import Cache, _linear_activation_forward
from .loss import _fused_dZL, _seed_dAL
from .types import ArrayLike, ArraysByName, FloatArray, Gradients

__all__ = ["L_model_backward", "L_model_forward", "default_activations"]


def default_activations(L: int) -> list[str]:
    """The lecture's choice: ReLU for layers 1 to L-1, sigmoid for layer L.

    >>> default_activations(3)
    ['relu', 'relu', 'sigmoid']
    """
    return ["relu"] * (L - 1) + ["sigmoid"]


@functools.cache
def _default_activations(L: int) -> tuple[str, ...]:
    return tuple(default_activations(L))


def _activations(activations: Sequence[str] | None, L: int) -> tuple[str, ...]:
    if activations is None:
        return _default_activations(L)
    if isinstance(activations, str):
        raise TypeError(_("activations must be a list with one name per layer, not a string"))
    activations = tuple(activations)
    if len(activations) != L:
        raise ValueError(
            ngettext(
                "activations names {count} layer but the network has {L}",
                "activations names {count} layers but the network has {L}",
                len(activations),
            ).format(count=len(activations), L=L)
        )
    for l, name in enumerate(activations, start=1):
        get_activation(name, layer=l)
    return activations


class _ForwardCaches(list[Cache]):
    """The caches of one forward pass, as :func:`L_model_forward` returns them.

    A list like any other, which also remembers the A[L] it came with and
    its own items, so that :func:`L_model_backward` can tell that both are
    still the ones the forward pass made.
    """

    __slots__ = ("AL", "built")

    def __init__(self, caches: list[Cache], AL: FloatArray) -> None:
        super().__init__(caches)
        self.AL, self.built = AL, tuple(caches)

    def unchanged(self, AL: object) -> tuple[FloatArray, list[Cache]] | None:
        """This pass's A[L] and caches, if AL is its A[L] and no cache was replaced.

        The caches chain, and A[L] has the shape of the last Z: all were made
        from checked inputs. (An array can change in place, but not its shape.)
        """
        if (
            AL is self.AL
            and len(self) == len(self.built)
            and all(map(operator.is_, self, self.built))  # the same objects, not equal arrays
        ):
            return self.AL, self
        return None


def L_model_forward(
    X: ArrayLike, parameters: ArraysByName, activations: Sequence[str] | None = None
) -> tuple[FloatArray, list[Cache]]:
    r"""Forward propagation through all L layers.

    .. math::

       A^{[0]} = X, \qquad A^{[l]} = g^{[l]}\bigl(W^{[l]} A^{[l-1]} + b^{[l]}\bigr),
       \quad l = 1, \dots, L

    Two identity layers compose to one linear map, which gives an
    independent check:

    >>> X = np.array([[1.0, 2.0]])
    >>> parameters = {"W1": np.array([[2.0]]), "b1": np.array([[1.0]]),
    ...               "W2": np.array([[3.0]]), "b2": np.array([[-1.0]])}
    >>> AL, caches = L_model_forward(X, parameters, ["identity", "identity"])
    >>> AL
    array([[ 8., 14.]])
    >>> 3 * (2 * X + 1) - 1
    array([[ 8., 14.]])

    Parameters
    ----------
    X : array_like of shape (n[0], m)
        The input, one column per example.
    parameters : dict
        ``"W1"``, ``"b1"``, ..., ``"WL"``, ``"bL"``.
    activations : list of str, optional
        One activation name per layer; by default
        :func:`default_activations`.

    Returns
    -------
    AL : ndarray of shape (n[L], m)
        :math:`A^{[L]}`, the output.
    caches : list of Cache
        One cache per layer, layer 1 first.
    """
    X, layers = _checks.network(X, parameters)
    activations = _activations(activations, len(layers))
    AL, caches = _L_model_forward(X, layers, activations)
    return AL, _ForwardCaches(caches, AL)


def _L_model_forward(
    X: FloatArray, layers: list[tuple[FloatArray, FloatArray]], activations: tuple[str, ...]
) -> tuple[FloatArray, list[Cache]]:
    """The forward pass, trusting X, the (W[l], b[l]) and the activations checked."""
    A = X
    caches: list[Cache] = []
    with np.errstate(invalid="ignore", over="ignore"):  # a NaN is explained, not warned
        for l, (W, b) in enumerate(layers, start=1):
            A, cache = _linear_activation_forward(A, W, b, _TRUSTED_G[activations[l - 1]], l)
            caches.append(cache)
    return A, caches


def L_model_backward(
    AL: ArrayLike,
    Y: ArrayLike,
    caches: Sequence[Cache],
    activations: Sequence[str] | None = None,
    *,
    fused: bool = True,
    compute_dA0: bool = False,
) -> Gradients:
    r"""Backward propagation through all L layers, from the output down to layer 1.

    For :math:`l = L, \dots, 1` the backward step of layer :math:`l`
    turns :math:`dA^{[l]}` into :math:`dW^{[l]}`, :math:`db^{[l]}` and
    :math:`dA^{[l-1]}`. The output layer must be a sigmoid, since the
    cross-entropy and its seed need an output between 0 and 1; any other
    output activation is refused. ``fused`` chooses how layer :math:`L`
    starts:

    * ``fused=False``, the lecture's route: the pass forms the seed
      :math:`dA^{[L]} = -Y/A^{[L]} + (1-Y)/(1-A^{[L]})`, and the first
      equation of layer :math:`L` turns it into
      :math:`dZ^{[L]} = dA^{[L]} \odot \sigma'(Z^{[L]})`;
    * ``fused=True`` (the default), the shortcut that follows from it:
      with a sigmoid output that product is :math:`A^{[L]} - Y`, so the
      pass starts from :math:`dZ^{[L]} = A^{[L]} - Y` and never forms
      :math:`dA^{[L]}`.

    Away from saturation of the sigmoid, both routes give the same
    gradients:

    >>> rng = np.random.default_rng(2)
    >>> X, Y = rng.standard_normal((3, 5)), np.array([[0, 1, 1, 0, 1]])
    >>> parameters = {"W1": rng.standard_normal((4, 3)) / 2,
    ...               "b1": np.zeros((4, 1)),
    ...               "W2": rng.standard_normal((1, 4)) / 2,
    ...               "b2": np.zeros((1, 1))}
    >>> AL, caches = L_model_forward(X, parameters)
    >>> seeded = L_model_backward(AL, Y, caches, fused=False)
    >>> fused = L_model_backward(AL, Y, caches)
    >>> all(np.allclose(fused[k], seeded[k]) for k in seeded)
    True
    >>> with_dA0 = L_model_backward(AL, Y, caches, compute_dA0=True)
    >>> "dA0" in fused, "dA0" in with_dA0
    (False, True)

    A tanh output layer is refused, on either route:

    >>> AL, caches = L_model_forward(X, parameters, ["relu", "tanh"])
    >>> L_model_backward(AL, Y, caches, ["relu", "tanh"], fused=False)
    Traceback (most recent call last):
    ...
    ValueError: layer 2: the output activation is 'tanh', but the cross-entropy cost...

    Parameters
    ----------
    AL : array_like of shape (1, m)
        :math:`A^{[L]}` from :func:`L_model_forward`.
    Y : array_like of shape (1, m)
        The labels, 0 or 1.
    caches : list of Cache
        From :func:`L_model_forward` (or the course's caches
        ``((A_prev, W, b), Z)``, one per layer).
    activations : list of str, optional
        The same activations as the forward pass.
    fused : bool, default True
        Start from the shortcut :math:`dZ^{[L]} = A^{[L]} - Y`; with
        False, from the seed :math:`dA^{[L]}`, as the lecture does.
    compute_dA0 : bool, default False
        Also compute :math:`dA^{[0]}`, the gradient with respect to X.

    Returns
    -------
    dict
        ``"dW1"``, ``"db1"``, ..., ``"dWL"``, ``"dbL"`` and ``"dA1"``,
        ..., ``"dA{L-1}"`` (and ``"dA0"`` if asked for).
    """
    # Caches straight from L_model_forward, with its A[L], were built from checked
    # inputs: their shapes need no second look. Y is new here, and the values of
    # A[L] could have been changed in place: both are checked.
    trusted = caches.unchanged(AL) if type(caches) is _ForwardCaches else None
    if trusted is None:
        AL = _checks.output(AL)
        checked = _checks.caches(caches, AL, Cache)
    else:
        AL, checked = trusted
    activations = _activations(activations, len(checked))
    _checks.output_activation(activations[-1], len(checked))
    Y = _checks.labels(Y, AL)
    _checks.probabilities(AL)
    return _L_model_backward(AL, Y, checked, activations, fused, compute_dA0)


def _L_model_backward(
    AL: FloatArray,
    Y: FloatArray,
    caches: list[Cache],
    activations: tuple[str, ...],
    fused: bool,
    compute_dA0: bool,
) -> Gradients:
    """The backward pass, trusting A[L], Y, the caches and the activations checked."""
    L = len(caches)
    grads: Gradients = {}
    need_dA_prev = L > 1 or compute_dA0
    if fused:
        # dZ[L] = A[L] - Y
        dA_prev, dW, db = _linear_backward(_fused_dZL(AL, Y), caches[-1], need_dA_prev)
    else:
        # dA[L] = -Y/A + (1 - Y)/(1 - A), then dZ[L] = dA[L] ⊙ σ'(Z[L])
        dA_prev, dW, db = _linear_activation_backward(
            _seed_dAL(AL, Y), caches[-1], "sigmoid", need_dA_prev
        )
    grads[f"dW{L}"], grads[f"db{L}"] = dW, db
    for l in range(L - 1, 0, -1):
        assert dA_prev is not None  # asked for, since layer l exists
        grads[f"dA{l}"] = dA_prev
        dA_prev, dW, db = _linear_activation_backward(
            dA_prev, caches[l - 1], activations[l - 1], l > 1 or compute_dA0
        )
        grads[f"dW{l}"], grads[f"db{l}"] = dW, db
    if compute_dA0:
        assert dA_prev is not None  # asked for
        grads["dA0"] = dA_prev
    return grads
