"""Checks of what a learner passes in, with errors in the lecture's terms.

Private: the public functions call these at their entrance, once, so that a
wrong shape or a bad value is reported with the layer and the symbols of the
lecture, instead of an error from deep inside numpy. The loops inside (layer
after layer, iteration after iteration) then trust what was checked.

Every message is built here, in one place.
"""

from __future__ import annotations

import math
from numbers import Integral, Real

import numpy as np


class NotFiniteError(ValueError):
    """A NaN or an inf reached Z[l]: raised by the forward step of layer l."""


def as_float_array(x, name: str) -> np.ndarray:
    """Return ``x`` as a float array: lists become arrays, integers and booleans float64."""
    if type(x) is np.ndarray and x.dtype.kind == "f":
        return x  # the common case, without a numpy call
    a = np.asarray(x)
    if a.dtype.kind in "biu":
        return a.astype(np.float64)
    if a.dtype.kind != "f":
        raise TypeError(f"{name} must be an array of numbers, got dtype {a.dtype}")
    return a


def matrix(x, name: str) -> np.ndarray:
    """Return ``x`` as a 2-D float array (one column per example)."""
    a = as_float_array(x, name)
    if a.ndim != 2:
        raise ValueError(
            f"{name} must be a 2-D array with one column per example, "
            f"got shape {a.shape}"
        )
    return a


def symbols(layer: int | None) -> tuple[str, str, str, str]:
    """The names of W, b, A_prev and Z in messages, with the layer if known."""
    if layer is None:
        return "W", "b", "A_prev", "Z"
    a_prev = "X (A[0])" if layer == 1 else f"A[{layer - 1}]"
    return f"W[{layer}]", f"b[{layer}]", a_prev, f"Z[{layer}]"


def prefix(layer: int | None) -> str:
    return "" if layer is None else f"layer {layer}: "


def examples_as_rows(name: str, code: str, shape: tuple[int, ...], n_rows: str, n: int) -> str:
    """The message for an input that holds its examples as rows."""
    return (
        f"{name} has shape {shape}: it holds one example per row, but the library wants "
        f"one column per example, shape ({n_rows}, m) = ({n}, {shape[0]}); pass {code}.T"
    )


def layer_shapes(
    A_shape: tuple[int, ...], W: np.ndarray, b: np.ndarray | None, layer: int | None
) -> None:
    """Check that W[l], b[l] and A[l-1] (of shape ``A_shape``) chain, and that m > 0.

    ``b`` is None where it is not used (the backward step).
    """
    b_shape = (W.shape[0], 1) if b is None else b.shape
    if W.shape[1] == A_shape[0] and b_shape == (W.shape[0], 1) and A_shape[1]:
        return
    W_name, b_name, A_name, _ = symbols(layer)
    where = prefix(layer)
    n, n_prev = ("n[l]", "n[l-1]") if layer is None else (f"n[{layer}]", f"n[{layer - 1}]")
    if W.shape[1] != A_shape[0]:
        if A_shape[1] == W.shape[1] and b_shape == (W.shape[0], 1):
            code = "A_prev" if layer != 1 else "X"
            raise ValueError(where + examples_as_rows(A_name, code, A_shape, n_prev, W.shape[1]))
        if W.shape[0] == A_shape[0] and (b is None or b_shape == (W.shape[1], 1)):
            raise ValueError(
                f"{where}{W_name} has shape {W.shape} but must have shape ({n}, {n_prev}) = "
                f"({W.shape[1]}, {W.shape[0]}), one row per unit of the layer: "
                f"it looks transposed"
            )
        raise ValueError(
            f"{where}{W_name} has shape {W.shape} but {A_name} has {A_shape[0]} rows"
        )
    if b_shape != (W.shape[0], 1):
        raise ValueError(
            f"{where}{b_name} has shape {b_shape} but must be ({W.shape[0]}, 1) "
            f"to match {W_name} of shape {W.shape}"
        )
    raise ValueError(f"{where}m = 0: {A_name} has no examples (shape {tuple(A_shape)})")


def not_finite(
    A_prev: np.ndarray, W: np.ndarray, b: np.ndarray, Z: np.ndarray, layer: int | None
) -> None:
    """Explain why the sum of Z[l] is not finite: which input holds NaN or inf."""
    if np.isfinite(Z).all():
        return  # only the sum overflowed: Z itself is fine
    W_name, b_name, A_name, Z_name = symbols(layer)
    for name, a in ((A_name, A_prev), (W_name, W), (b_name, b)):
        if not np.all(np.isfinite(a)):
            raise NotFiniteError(f"{prefix(layer)}{name} contains NaN or inf")
    raise NotFiniteError(f"{prefix(layer)}{Z_name} overflowed: its inputs are finite but too large")


def layer_count(parameters) -> int:
    """Number of layers L of a parameters dictionary, checking its keys."""
    if not isinstance(parameters, dict):
        raise TypeError(
            f"parameters must be a dict with keys W1, b1, ..., got "
            f"{type(parameters).__name__}"
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
        f"{kind}{l}" for l in range(1, L + 1) for kind in "Wb"
        if f"{kind}{l}" not in parameters
    ]
    if L == 0 or missing:
        raise ValueError(
            "parameters must hold W1, b1, ..., WL, bL; missing: "
            + (", ".join(missing) or "W1, b1")
        )
    return L


def _is_matrix(a) -> bool:
    return type(a) is np.ndarray and a.ndim == 2 and a.dtype.kind == "f"


def network(X, parameters) -> tuple[np.ndarray, list[tuple[np.ndarray, np.ndarray]]]:
    """Check X and every W[l], b[l] once: converted, and chaining layer after layer.

    Returns X and the list of ``(W[l], b[l])``, l = 1 ... L, as float arrays.
    """
    L = layer_count(parameters)
    X = matrix(X, "X")
    layers = []
    n_prev, m = X.shape
    for l in range(1, L + 1):
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        if not (_is_matrix(W) and _is_matrix(b) and W.shape[1] == n_prev
                and b.shape == (W.shape[0], 1) and m):
            W = matrix(W, f"W{l}")
            b = as_float_array(b, f"b{l}")  # a 1-D b is named by layer_shapes
            layer_shapes((n_prev, m), W, b, l)
        layers.append((W, b))
        n_prev = W.shape[0]
    return X, layers


def cache(cache, layer: int | None, with_Z: bool = True) -> tuple:
    """Check a cache (A_prev, W, b, Z): arrays whose shapes chain.

    Returns ``(A_prev, W, b, Z)`` converted to float arrays (b as given;
    Z as given if ``with_Z`` is false: the linear backward step needs
    neither b nor Z).
    """
    try:
        A_prev, W, b, Z = cache
    except (TypeError, ValueError):
        where = "the cache" if layer is None else f"the cache of layer {layer}"
        raise TypeError(
            f"{where} must be a Cache (A_prev, W, b, Z) from the forward step"
        ) from None
    if (_is_matrix(A_prev) and _is_matrix(W) and W.shape[1] == A_prev.shape[0]
            and (not with_Z or _is_matrix(Z) and Z.shape == (W.shape[0], A_prev.shape[1]))):
        return A_prev, W, b, Z
    A_prev = matrix(A_prev, "A_prev")
    W = matrix(W, "W")
    layer_shapes(A_prev.shape, W, None, layer)
    if with_Z:
        Z = matrix(Z, "Z")
        expected = (W.shape[0], A_prev.shape[1])
        if Z.shape != expected:
            raise ValueError(
                f"{prefix(layer)}{symbols(layer)[3]} in the cache has shape {Z.shape} but "
                f"the cache's W and A_prev give {expected}"
            )
    return A_prev, W, b, Z


def caches(caches, AL: np.ndarray, make) -> list:
    """Check the caches of L_model_backward: one per layer, from one forward pass.

    ``make`` builds a cache from converted arrays (the Cache named tuple).
    """
    if type(caches) not in (list, tuple) or not caches or type(caches[0]) is np.ndarray:
        raise TypeError("caches must be the list of caches from L_model_forward, one per layer")
    checked = []
    Z_prev = None
    for l, c in enumerate(caches, start=1):
        try:
            A_prev, W, _, Z = c
        except (TypeError, ValueError):
            A_prev = W = Z = None
        if not (type(A_prev) is type(W) is type(Z) is np.ndarray
                and A_prev.dtype.kind == W.dtype.kind == Z.dtype.kind == "f"
                and A_prev.ndim == 2 and W.shape[1] == A_prev.shape[0]
                and Z.shape == (W.shape[0], A_prev.shape[1])):
            c = make(*cache(c, l))
            A_prev, Z = c[0], c[3]
        if Z_prev is not None and A_prev.shape != Z_prev.shape:
            raise ValueError(
                f"layer {l}: the cache holds A[{l - 1}] of shape {A_prev.shape} but the cache "
                f"of layer {l - 1} holds Z[{l - 1}] of shape {Z_prev.shape}: the caches must "
                f"come from one forward pass"
            )
        checked.append(c)
        Z_prev = Z
    if AL.shape != Z_prev.shape:
        raise ValueError(
            f"A[L] has shape {AL.shape} but the last cache holds Z[{len(caches)}] of shape "
            f"{Z_prev.shape}"
        )
    return checked


def dZ_shape(dZ: np.ndarray, shape: tuple[int, int], layer: int | None) -> None:
    """Check that dZ[l] has the shape (n[l], m) of Z[l]."""
    if dZ.shape != shape:
        name = "dZ" if layer is None else f"dZ[{layer}]"
        raise ValueError(
            f"{prefix(layer)}{name} has shape {dZ.shape} but must be {shape}: "
            f"one row per unit, one column per example"
        )


def dA_shape(dA: np.ndarray, Z: np.ndarray, layer: int | None) -> None:
    """Check that dA[l] has the shape of Z[l] (and of A[l])."""
    if dA.shape != Z.shape:
        name = "dA" if layer is None else f"dA[{layer}]"
        z_name = "Z" if layer is None else f"Z[{layer}]"
        raise ValueError(
            f"{prefix(layer)}{name} has shape {dA.shape} but {z_name} has shape {Z.shape}"
        )


def output(AL) -> np.ndarray:
    """Check the shape of A[L]: one row, the probability of each example."""
    AL = matrix(AL, "AL")
    if AL.shape[0] != 1:
        raise ValueError(f"A[L] must have shape (1, m) for binary classification, got {AL.shape}")
    return AL


def probabilities(AL: np.ndarray) -> None:
    """Refuse an A[L] outside [0, 1]: the cross-entropy needs probabilities."""
    low, high = np.minimum.reduce(AL, axis=None), np.maximum.reduce(AL, axis=None)
    if low >= 0 and high <= 1:
        return
    if not (math.isfinite(low) and math.isfinite(high)):
        raise ValueError("A[L] contains NaN or inf")
    raise ValueError(
        f"A[L] must lie in [0, 1], as the output of a sigmoid does, but its values go "
        f"from {low:.6g} to {high:.6g}: the cross-entropy cost and its seed dA[L] are "
        f"defined only for probabilities"
    )


def labels(Y, AL: np.ndarray) -> np.ndarray:
    """Check that Y has shape (1, m) like AL and holds only 0 and 1."""
    Y = as_float_array(Y, "Y")
    if Y.ndim != 2 or Y.shape[0] != 1:
        hint = ""
        if Y.ndim == 2 and Y.shape[1] == 1 and Y.shape[0] > 1:
            hint = ": one column per example; pass Y.T"
        elif Y.ndim == 1:
            hint = ": one column per example; pass Y.reshape(1, -1)"
        raise ValueError(f"Y must have shape (1, m), got {Y.shape}{hint}")
    if Y.shape != AL.shape:
        raise ValueError(f"Y has shape {Y.shape} but A[L] has shape {AL.shape}")
    if Y.shape[1] == 0:
        raise ValueError("m = 0: Y holds no examples")
    # y (1 - y) is 0 for y = 0 and y = 1 only (and NaN for NaN)
    if np.count_nonzero(Y * (1 - Y)):
        raise ValueError("Y must hold only 0 and 1 (binary classification labels)")
    return Y.astype(AL.dtype, copy=False)  # 0 and 1 are exact in float32 too


def output_activation(name: str, L: int) -> None:
    """The seed and the cost assume a sigmoid output: refuse any other."""
    if name != "sigmoid":
        raise ValueError(
            f"layer {L}: the output activation is {name!r}, but the cross-entropy cost "
            f"and its seed dA[L] = -Y/A[L] + (1 - Y)/(1 - A[L]) hold only for a sigmoid "
            f"output, whose A[L] lies in (0, 1); use 'sigmoid' for layer L = {L}"
        )


def learning_rate(alpha) -> float:
    """The learning rate α: a positive, finite number."""
    if not isinstance(alpha, Real) or isinstance(alpha, bool):
        raise TypeError(
            f"learning_rate must be a number, the step size α, got {alpha!r} "
            f"of type {type(alpha).__name__}"
        )
    if not (alpha > 0 and math.isfinite(alpha)):
        raise ValueError(
            f"learning_rate must be positive and finite: it is the step size α of "
            f"W[l] := W[l] - α dW[l], got {alpha!r}"
        )
    return alpha


def count(value, name: str, minimum: int) -> int:
    """A whole number at least ``minimum``, such as num_iterations or print_every."""
    if not isinstance(value, Integral) or isinstance(value, bool):
        raise TypeError(
            f"{name} must be a whole number, got {value!r} of type {type(value).__name__}"
        )
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}")
    return int(value)


def diverged(first: float, last: float, iteration: int, learning_rate: float) -> str | None:
    """The warning to give when the cost ends above its start, or is not finite."""
    if math.isfinite(last) and last <= first:
        return None
    if math.isfinite(last):
        went = (f"the cost went up from {first:.6g} at iteration 0 to {last:.6g} "
                f"at iteration {iteration}")
    else:
        went = f"the cost became NaN or inf at iteration {iteration}"
    return (
        f"gradient descent diverged: {went}; the learning rate α = {learning_rate} "
        f"is probably too large, try a smaller one"
    )
