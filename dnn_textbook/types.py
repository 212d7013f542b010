"""The types in the library's signatures, named once.

The chapters call each array by its symbol (``A_prev``, ``W``, ``dZ``); a
signature also says what kind of object it is, with these few names:

* ``ArrayLike``: anything numpy turns into an array, such as an ndarray or
  a list of lists. Every input array may be one.
* ``FloatArray``: a numpy array of floats, float64 or float32. Every array
  the library returns is one.
* ``DTypeLike``: a dtype, such as ``np.float32``.
* ``Parameters`` and ``Gradients``: the dictionaries ``"W1"``, ``"b1"``,
  ... and ``"dW1"``, ``"db1"``, ... that the library returns.
* ``ArraysByName``: what it accepts in their place, any mapping from such
  names to arrays.
* ``Activation``: the pair of functions :math:`(g, g')`.

Type checkers such as mypy and pyright read these names; Python itself
does not check them when it runs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeAlias

import numpy as np
from numpy.typing import ArrayLike, DTypeLike, NDArray

__all__ = [
    "Activation",
    "ArrayLike",
    "ArraysByName",
    "DTypeLike",
    "FloatArray",
    "Gradients",
    "Parameters",
]

FloatArray: TypeAlias = NDArray[np.floating[Any]]
Parameters: TypeAlias = dict[str, FloatArray]
Gradients: TypeAlias = dict[str, FloatArray]
ArraysByName: TypeAlias = Mapping[str, ArrayLike]
Activation: TypeAlias = tuple[Callable[[ArrayLike], FloatArray], Callable[[ArrayLike], FloatArray]]
