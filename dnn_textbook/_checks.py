"""Checks of what a learner passes in, with errors in the lecture's terms.

Private: the public functions call these at their entrance, once, so that a
wrong shape or a bad value is reported with the layer and the symbols of the
lecture, instead of an error from deep inside numpy. The loops inside (layer
after layer, iteration after iteration) then trust what was checked.

Every message is built here, in one place.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping
from numbers import Integral, Real
from typing import Any, TypeVar

import numpy as np

from ._i18n import _, ngettext
from .types import ArrayLike, ArraysByName, FloatArray

T = TypeVar("T", bound=tuple[Any, ...])  # the Cache named tuple


class NotFiniteError(ValueError):
    """A NaN or an inf reached Z[l]: raised by the forward step of layer l."""


def as_float_array(x: ArrayLike, name: str) -> FloatArray:
    """Return ``x`` as a float array: lists become arrays, integers and booleans float64."""
    if type(x) is np.ndarray and x.dtype.kind == "f":
        return x  # the common case, without a numpy call
    a = np.asarray(x)
    if a.dtype.kind in "biu":
        return a.astype(np.float64)
    if a.dtype.kind != "f":
        raise TypeError(
            _("{name} must be an array of numbers, got dtype {dtype}").format(
                name=name, dtype=a.dtype
            )
        )
    return a


def matrix(x: ArrayLike, name: str) -> FloatArray:
    """Return ``x`` as a 2-D float array (one column per example)."""
    if type(x) is np.ndarray and x.ndim == 2 and x.dtype.kind == "f":
        return x  # the common case, without a numpy call
    a = as_float_array(x, name)
    if a.ndim != 2:
        raise ValueError(
            _("{name} must be a 2-D array with one column per example, got shape {shape}").format(
                name=name, shape=a.shape
            )
        )
    return a


def symbols(layer: int | None) -> tuple[str, str, str, str]:
    """The names of W, b, A_prev and Z in messages, with the layer if known."""
    if layer is None:
        return "W", "b", "A_prev", "Z"
    a_prev = "X (A[0])" if layer == 1 else f"A[{layer - 1}]"
    return f"W[{layer}]", f"b[{layer}]", a_prev, f"Z[{layer}]"


def prefix(layer: int | None) -> str:
    return "" if layer is None else _("layer {layer}: ").format(layer=layer)


def examples_as_rows(name: str, code: str, shape: tuple[int, ...], n_rows: str, n: int) -> str:
    """The message for an input that holds its examples as rows."""
    return _(
        "{name} has shape {shape}: it holds one example per row, but the library wants "
        "one column per example, shape ({n_rows}, m) = ({n}, {m}); pass {code}.T"
    ).format(name=name, shape=shape, n_rows=n_rows, n=n, m=shape[0], code=code)


def layer_shapes(
    A_shape: tuple[int, ...], W: FloatArray, b: FloatArray | None, layer: int | None
) -> None:
    """Check that W[l], b[l] and A[l-1] (of shape ``A_shape``) chain, and that m > 0.

    ``b`` is None where it is not used (the backward step).
    """
    b_shape = (W.shape[0], 1) if b is None else b.shape
    if W.shape[1] == A_shape[0] and b_shape == (W.shape[0], 1) and A_shape[1]:
        return
    W_name, b_name, A_name = symbols(layer)[:3]
    where = prefix(layer)
    n, n_prev = ("n[l]", "n[l-1]") if layer is None else (f"n[{layer}]", f"n[{layer - 1}]")
    if W.shape[1] != A_shape[0]:
        if A_shape[1] == W.shape[1] and b_shape == (W.shape[0], 1):
            code = "A_prev" if layer != 1 else "X"
            raise ValueError(where + examples_as_rows(A_name, code, A_shape, n_prev, W.shape[1]))
        if W.shape[0] == A_shape[0] and (b is None or b_shape == (W.shape[1], 1)):
            raise ValueError(
                where
                + _(
                    "{W} has shape {shape} but must have shape ({n}, {n_prev}) = "
                    "({rows}, {columns}), one row per unit of the layer: it looks transposed"
                ).format(
                    W=W_name, shape=W.shape, n=n, n_prev=n_prev, rows=W.shape[1], columns=W.shape[0]
                )
            )
        raise ValueError(
            where
            + ngettext(
                "{W} has shape {shape} but {A} has {rows} row",
                "{W} has shape {shape} but {A} has {rows} rows",
                A_shape[0],
            ).format(W=W_name, shape=W.shape, A=A_name, rows=A_shape[0])
        )
    if b_shape != (W.shape[0], 1):
        raise ValueError(
            where
            + _(
                "{b} has shape {shape} but must be ({rows}, 1) to match {W} of shape {W_shape}"
            ).format(b=b_name, shape=b_shape, rows=W.shape[0], W=W_name, W_shape=W.shape)
        )
    raise ValueError(
        where
        + _("m = 0: {A} has no examples (shape {shape})").format(A=A_name, shape=tuple(A_shape))
    )


def not_finite(
    A_prev: FloatArray, W: FloatArray, b: FloatArray, Z: FloatArray, layer: int | None
) -> None:
    """Explain why the sum of squares of Z[l] is not finite: which input holds NaN or inf."""
    if np.isfinite(Z).all():
        return  # only the sum of squares overflowed: Z itself is fine
    W_name, b_name, A_name, Z_name = symbols(layer)
    for name, a in ((A_name, A_prev), (W_name, W), (b_name, b)):
        if not np.all(np.isfinite(a)):
            raise NotFiniteError(prefix(layer) + _("{name} contains NaN or inf").format(name=name))
    raise NotFiniteError(
        prefix(layer) + _("{Z} overflowed: its inputs are finite but too large").format(Z=Z_name)
    )


def layer_count(parameters: ArraysByName) -> int:
    """Number of layers L of a parameters dictionary, checking its keys."""
    if not isinstance(parameters, Mapping):
        raise TypeError(
            _("parameters must be a dict with keys W1, b1, ..., got {type}").format(
                type=type(parameters).__name__
            )
        )
    L = len(parameters) // 2
    for l in range(1, L + 1):
        if f"W{l}" not in parameters or f"b{l}" not in parameters:
            break
    else:
        if L and len(parameters) == 2 * L:
            return L
    L = sum(1 for key in parameters if key[:1] == "W" and key[1:].isdigit())
    missing = [
        f"{kind}{l}" for l in range(1, L + 1) for kind in "Wb" if f"{kind}{l}" not in parameters
    ]
    if L == 0 or missing:
        raise ValueError(
            _("parameters must hold W1, b1, ..., WL, bL; missing: {missing}").format(
                missing=", ".join(missing) or "W1, b1"
            )
        )
    return L


@functools.cache
def parameter_names(L: int) -> tuple[tuple[str, str], ...]:
    """("W1", "b1"), ..., ("WL", "bL"): made once for each L."""
    return tuple((f"W{l}", f"b{l}") for l in range(1, L + 1))


def network(
    X: ArrayLike, parameters: ArraysByName
) -> tuple[FloatArray, list[tuple[FloatArray, FloatArray]]]:
    """Check X and every W[l], b[l] once: converted, and chaining layer after layer.

    Returns X and the list of ``(W[l], b[l])``, l = 1 ... L, as float arrays.
    """
    X = matrix(X, "X")
    if type(parameters) is not dict:
        layer_count(parameters)  # raises the TypeError
    layers: list[tuple[FloatArray, FloatArray]] = []
    n_prev, m = X.shape
    for l, (W_name, b_name) in enumerate(parameter_names(len(parameters) // 2), start=1):
        W, b = parameters.get(W_name), parameters.get(b_name)
        if not (
            type(W) is type(b) is np.ndarray
            and b.shape[1:] == (1,)
            and W.shape == (b.shape[0], n_prev)
            and W.dtype.kind == b.dtype.kind == "f"
            and m
        ):
            if W is None or b is None:
                break
            W = matrix(W, W_name)
            b = as_float_array(b, b_name)  # a 1-D b is named by layer_shapes
            layer_shapes((n_prev, m), W, b, l)
        layers.append((W, b))
        n_prev = W.shape[0]
    if not layers or 2 * len(layers) != len(parameters):
        layer_count(parameters)  # raises with the missing keys
    return X, layers


def course_cache(cache: Any, layer: int | None, with_Z: bool) -> tuple[Any, Any, Any, Any]:
    """(A_prev, W, b, Z) from a cache in the course's layout, or the TypeError.

    The course's forward step caches ``((A_prev, W, b), Z)``, and its linear
    step ``(A_prev, W, b)``, which is enough where Z is not read (the linear
    backward step): both are accepted, so that the course's test cases run
    here too.
    """
    if isinstance(cache, (tuple, list)):
        if len(cache) == 2 and isinstance(cache[0], (tuple, list)) and len(cache[0]) == 3:
            (A_prev, W, b), Z = cache
            return A_prev, W, b, Z
        if len(cache) == 3 and not with_Z:
            A_prev, W, b = cache
            return A_prev, W, b, None
    raise TypeError(
        _("the cache must be a Cache (A_prev, W, b, Z) from the forward step")
        if layer is None
        else _(
            "the cache of layer {layer} must be a Cache (A_prev, W, b, Z) from the forward step"
        ).format(layer=layer)
    ) from None  # not the unpacking's error


def cache(
    cache: Any, layer: int | None, with_Z: bool = True
) -> tuple[FloatArray, FloatArray, Any, Any]:
    """Check a cache (A_prev, W, b, Z): arrays whose shapes chain.

    Returns ``(A_prev, W, b, Z)`` converted to float arrays (b as given;
    Z as given if ``with_Z`` is false: the linear backward step needs
    neither b nor Z).
    """
    try:
        A_prev, W, b, Z = cache
    except (TypeError, ValueError):
        A_prev, W, b, Z = course_cache(cache, layer, with_Z)
    if (
        type(A_prev) is type(W) is np.ndarray
        and A_prev.dtype.kind == W.dtype.kind == "f"
        and A_prev.ndim == 2
        and W.ndim == 2
        and W.shape[1] == A_prev.shape[0]
        and (
            not with_Z
            or type(Z) is np.ndarray
            and Z.dtype.kind == "f"
            and Z.shape == (W.shape[0], A_prev.shape[1])
        )
    ):
        return A_prev, W, b, Z
    A_prev = matrix(A_prev, "A_prev")
    W = matrix(W, "W")
    layer_shapes(A_prev.shape, W, None, layer)
    if with_Z:
        Z = matrix(Z, "Z")
        expected = (W.shape[0], A_prev.shape[1])
        if Z.shape != expected:
            raise ValueError(
                prefix(layer)
                + _(
                    "{Z} in the cache has shape {shape} but the cache's W and A_prev give "
                    "{expected}"
                ).format(Z=symbols(layer)[3], shape=Z.shape, expected=expected)
            )
    return A_prev, W, b, Z


def caches(caches: Any, AL: FloatArray, make: Callable[..., T]) -> list[T]:
    """Check the caches of L_model_backward: one per layer, from one forward pass.

    ``make`` builds a cache from converted arrays (the Cache named tuple).
    """
    if not isinstance(caches, (list, tuple)) or not caches or type(caches[0]) is np.ndarray:
        raise TypeError(_("caches must be the list of caches from L_model_forward, one per layer"))
    checked = []
    Z_prev = None
    for l, c in enumerate(caches, start=1):
        try:
            A_prev, W, _b, Z = c
        except (TypeError, ValueError):
            A_prev = W = Z = None
        if not (
            type(A_prev) is type(W) is type(Z) is np.ndarray
            and A_prev.dtype.kind == W.dtype.kind == Z.dtype.kind == "f"
            and A_prev.ndim == 2
            and W.shape[1] == A_prev.shape[0]
            and Z.shape == (W.shape[0], A_prev.shape[1])
        ):
            c = make(*cache(c, l))
            A_prev, Z = c[0], c[3]
        if Z_prev is not None and A_prev.shape != Z_prev.shape:
            raise ValueError(
                prefix(l)
                + _(
                    "the cache holds A[{previous}] of shape {shape} but the cache of layer "
                    "{previous} holds Z[{previous}] of shape {Z_shape}: the caches must come "
                    "from one forward pass"
                ).format(previous=l - 1, shape=A_prev.shape, Z_shape=Z_prev.shape)
            )
        checked.append(c)
        Z_prev = Z
    assert Z_prev is not None  # caches is not empty
    if AL.shape != Z_prev.shape:
        raise ValueError(
            _("A[L] has shape {shape} but the last cache holds Z[{L}] of shape {Z_shape}").format(
                shape=AL.shape, L=len(caches), Z_shape=Z_prev.shape
            )
        )
    return checked


def dZ_shape(dZ: FloatArray, shape: tuple[int, int], layer: int | None) -> None:
    """Check that dZ[l] has the shape (n[l], m) of Z[l]."""
    if dZ.shape != shape:
        name = "dZ" if layer is None else f"dZ[{layer}]"
        raise ValueError(
            prefix(layer)
            + _(
                "{dZ} has shape {shape} but must be {expected}: one row per unit, one column "
                "per example"
            ).format(dZ=name, shape=dZ.shape, expected=shape)
        )


def dA_shape(dA: FloatArray, Z: FloatArray, layer: int | None) -> None:
    """Check that dA[l] has the shape of Z[l] (and of A[l])."""
    if dA.shape != Z.shape:
        name = "dA" if layer is None else f"dA[{layer}]"
        z_name = "Z" if layer is None else f"Z[{layer}]"
        raise ValueError(
            prefix(layer)
            + _("{dA} has shape {shape} but {Z} has shape {Z_shape}").format(
                dA=name, shape=dA.shape, Z=z_name, Z_shape=Z.shape
            )
        )


def output(AL: ArrayLike) -> FloatArray:
    """Check the shape of A[L]: one row, the probability of each example."""
    AL = matrix(AL, "AL")
    if AL.shape[0] != 1:
        raise ValueError(
            _("A[L] must have shape (1, m) for binary classification, got {shape}").format(
                shape=AL.shape
            )
        )
    return AL


_ONE_BITS = {
    np.dtype(np.float64): (np.uint64, np.float64(1).view(np.uint64)),
    np.dtype(np.float32): (np.uint32, np.float32(1).view(np.uint32)),
}


def probabilities(AL: FloatArray) -> None:
    """Refuse an A[L] outside [0, 1]: the cross-entropy needs probabilities."""
    # For floats of either sign bit clear, the order of the bits read as unsigned
    # integers is the order of the numbers; a negative number or a NaN reads larger
    # than 1.0. One maximum then tells whether every a lies in [0, 1].
    bits = _ONE_BITS.get(AL.dtype)
    if bits is not None and np.maximum.reduce(AL.view(bits[0]), axis=None) <= bits[1]:
        return
    low, high = np.minimum.reduce(AL, axis=None), np.maximum.reduce(AL, axis=None)
    if low >= 0 and high <= 1:
        return  # -0.0 is 0 too
    if not (math.isfinite(low) and math.isfinite(high)):
        raise ValueError(_("{name} contains NaN or inf").format(name="A[L]"))
    raise ValueError(
        _(
            "A[L] must lie in [0, 1], as the output of a sigmoid does, but its values go "
            "from {low} to {high}: the cross-entropy cost and its seed dA[L] are defined "
            "only for probabilities"
        ).format(low=f"{low:.6g}", high=f"{high:.6g}")
    )


def only_0_and_1(Y: FloatArray) -> bool:
    """Whether every y is 0 or 1: as many entries equal 1 as differ from 0.

    Three numpy calls, and no warning for NaN, inf or huge values.
    """
    return bool(np.count_nonzero(Y) == np.count_nonzero(Y == 1))


def labels(Y: ArrayLike, AL: FloatArray) -> FloatArray:
    """Check that Y has shape (1, m) like AL and holds only 0 and 1."""
    Y = as_float_array(Y, "Y")
    if Y.shape == AL.shape and AL.shape[1] and only_0_and_1(Y):
        # the common case: (1, m) like A[L], m > 0, only 0 and 1
        return Y if Y.dtype == AL.dtype else Y.astype(AL.dtype)
    if Y.ndim != 2 or Y.shape[0] != 1:
        code = None
        if Y.ndim == 2 and Y.shape[1] == 1 and Y.shape[0] > 1:
            code = "Y.T"
        elif Y.ndim == 1:
            code = "Y.reshape(1, -1)"
        raise ValueError(
            _("Y must have shape (1, m), got {shape}").format(shape=Y.shape)
            if code is None
            else _(
                "Y must have shape (1, m), got {shape}: one column per example; pass {code}"
            ).format(shape=Y.shape, code=code)
        )
    if Y.shape != AL.shape:
        raise ValueError(
            _("Y has shape {shape} but A[L] has shape {AL_shape}").format(
                shape=Y.shape, AL_shape=AL.shape
            )
        )
    if Y.shape[1] == 0:
        raise ValueError(_("m = 0: Y holds no examples"))
    if not only_0_and_1(Y):
        others = np.unique(Y[(Y != 0) & (Y != 1)])  # sorted, NaN last
        found = ", ".join(f"{float(v):g}" for v in others[:3]) + (
            ", ..." if others.size > 3 else ""
        )
        raise ValueError(
            _(
                "Y must hold only 0 and 1 (binary classification labels), but it also holds {found}"
            ).format(found=found)
        )
    return Y.astype(AL.dtype, copy=False)  # 0 and 1 are exact in float32 too


def output_activation(name: str, L: int) -> None:
    """The seed and the cost assume a sigmoid output: refuse any other."""
    if name != "sigmoid":
        raise ValueError(
            prefix(L)
            + _(
                "the output activation is {name}, but the cross-entropy cost and its seed "
                "dA[L] = -Y/A[L] + (1 - Y)/(1 - A[L]) hold only for a sigmoid output, whose "
                "A[L] lies in (0, 1); use 'sigmoid' for layer L = {L}"
            ).format(name=repr(name), L=L)
        )


def learning_rate(alpha: float) -> float:
    """The learning rate α: a positive, finite number."""
    if not isinstance(alpha, Real) or isinstance(alpha, bool):
        raise TypeError(
            _("learning_rate must be a number, the step size α, got {value} of type {type}").format(
                value=repr(alpha), type=type(alpha).__name__
            )
        )
    if not (alpha > 0 and math.isfinite(alpha)):
        raise ValueError(
            _(
                "learning_rate must be positive and finite: it is the step size α of "
                "W[l] := W[l] - α dW[l], got {value}"
            ).format(value=repr(alpha))
        )
    return alpha


def count(value: int, name: str, minimum: int) -> int:
    """A whole number at least ``minimum``, such as num_iterations or print_every."""
    if not isinstance(value, Integral) or isinstance(value, bool):
        raise TypeError(
            _("{name} must be a whole number, got {value} of type {type}").format(
                name=name, value=repr(value), type=type(value).__name__
            )
        )
    if value < minimum:
        raise ValueError(
            _("{name} must be at least {minimum}, got {value}").format(
                name=name, minimum=minimum, value=value
            )
        )
    return int(value)


def diverged(first: float, last: float, iteration: int, learning_rate: float) -> str | None:
    """The warning to give when the cost ends above its start, or is not finite."""
    if math.isfinite(last) and last <= first:
        return None
    if math.isfinite(last):
        return _(
            "gradient descent diverged: the cost went up from {first} at iteration 0 to "
            "{last} at iteration {iteration}; the learning rate α = {alpha} is probably "
            "too large, try a smaller one"
        ).format(first=f"{first:.6g}", last=f"{last:.6g}", iteration=iteration, alpha=learning_rate)
    return _(
        "gradient descent diverged: the cost became NaN or inf at iteration {iteration}; "
        "the learning rate α = {alpha} is probably too large, try a smaller one"
    ).format(iteration=iteration, alpha=learning_rate)
