"""Checks of what a learner passes in, with errors in the lecture's terms.

Private: the public functions call these so that a wrong shape or a bad
value is reported with the layer and the symbols of the lecture, instead
of an error from deep inside numpy.
"""

from __future__ import annotations

import numpy as np


def as_float_array(x, name: str) -> np.ndarray:
    """Return ``x`` as a float array: integers and booleans become float64."""
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


def labels(Y, AL: np.ndarray) -> np.ndarray:
    """Check that Y has shape (1, m) like AL and holds only 0 and 1."""
    Y = as_float_array(Y, "Y")
    if Y.ndim != 2 or Y.shape[0] != 1:
        raise ValueError(f"Y must have shape (1, m), got {Y.shape}")
    if Y.shape != AL.shape:
        raise ValueError(f"Y has shape {Y.shape} but A[L] has shape {AL.shape}")
    if Y.shape[1] == 0:
        raise ValueError("m = 0: Y holds no examples")
    if not ((Y == 0) | (Y == 1)).all():
        raise ValueError("Y must hold only 0 and 1 (binary classification labels)")
    return Y.astype(AL.dtype, copy=False)  # 0 and 1 are exact in float32 too


def layer_shapes(A_prev: np.ndarray, W: np.ndarray, b: np.ndarray, layer: int | None) -> None:
    """Check that W[l], b[l] and A[l-1] chain, and that there are examples."""
    if W.shape[1] == A_prev.shape[0] and b.shape == (W.shape[0], 1) and A_prev.shape[1]:
        return
    W_name, b_name, A_name, _ = symbols(layer)
    where = prefix(layer)
    if W.shape[1] != A_prev.shape[0]:
        raise ValueError(
            f"{where}{W_name} has shape {W.shape} but {A_name} has {A_prev.shape[0]} rows"
        )
    if b.shape != (W.shape[0], 1):
        raise ValueError(
            f"{where}{b_name} has shape {b.shape} but must be ({W.shape[0]}, 1) "
            f"to match {W_name} of shape {W.shape}"
        )
    raise ValueError(f"{where}m = 0: {A_name} has no examples (shape {A_prev.shape})")


def not_finite(
    A_prev: np.ndarray, W: np.ndarray, b: np.ndarray, Z: np.ndarray, layer: int | None
) -> None:
    """Explain why the sum of Z[l] is not finite: which input holds NaN or inf."""
    if np.isfinite(Z).all():
        return  # only the sum overflowed: Z itself is fine
    W_name, b_name, A_name, Z_name = symbols(layer)
    for name, a in ((A_name, A_prev), (W_name, W), (b_name, b)):
        if not np.all(np.isfinite(a)):
            raise ValueError(f"{prefix(layer)}{name} contains NaN or inf")
    raise ValueError(f"{prefix(layer)}{Z_name} overflowed: its inputs are finite but too large")


def layer_count(parameters) -> int:
    """Number of layers L of a parameters dictionary, checking its keys."""
    if not isinstance(parameters, dict):
        raise TypeError(
            f"parameters must be a dict with keys W1, b1, ..., got "
            f"{type(parameters).__name__}"
        )
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
