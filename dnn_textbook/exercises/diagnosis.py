"""Naming the mistake: which variant of the reference gives the learner's outputs.

One mistake, else two, else one made at one place only (one layer, one
activation, one parameter), else a wrong slope of any form, read back from
the learner's outputs (:func:`wrong_slopes`). A mistake is named only when
its outputs are the learner's on every case where it computes something.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from . import cases, reference
from .compare import Raised, expected_outputs, run, same
from .mistakes import mistake_id


def agrees(variant: Any, got: Any, right: Any) -> bool:
    """Whether the learner's outputs of a case are the variant's.

    Where the variant cannot compute the case (its shapes do not fit, and it
    raises), the case does not tell, as long as the learner is wrong there
    too: an entry-by-entry loop or einsum's broadcasting may return
    something where ``W * A`` or ``np.dot`` raises.
    """
    if isinstance(variant, Raised):
        return not same(got, right)
    return same(variant, got)


def recognised(name: str, all_cases: list[cases.Case], got_all: list[Any]) -> list[str]:
    """The ids of the variant whose outputs are the learner's.

    One mistake, else two, else one made at one place only, else a wrong slope.
    """
    right = [expected_outputs(name, c) for c in all_cases]

    def matches(variant: tuple[str, ...]) -> bool:
        out = [run(reference.REFERENCES[name], c.args + (variant,)) for c in all_cases]
        return all(agrees(o, g, r) for o, g, r in zip(out, got_all, right, strict=True)) and any(
            not isinstance(o, Raised) and not (same(o, r) and same(r, o))
            for o, r in zip(out, right, strict=True)
        )

    variants = reference.VARIANTS[name]
    found = [mistake_id(v) for v in variants if matches((v,))]
    if found:
        return list(dict.fromkeys(found))
    for i, first in enumerate(variants):
        for second in variants[i + 1 :]:
            ids = [mistake_id(first), mistake_id(second)]
            if ids[0] != ids[1] and matches((first, second)):
                return ids
    return made_at_one_place(name, matches) or wrong_slopes(name, all_cases, got_all)


def made_at_one_place(name: str, matches: Callable[[tuple[str, ...]], bool]) -> list[str]:
    """The ids of a mistake made at one place only: one layer, one activation, one parameter.

    When mistakes of the exercise and of the step it calls compute the same
    there (the sigmoid in layer 1 is also the activations swapped in layer
    1), the exercise's own is named.
    """
    found = [
        mistake_id(v)
        for place in reference.PLACES.get(name, ())
        for v in reference.VARIANTS[name]
        if matches((v + "@" + place,))
    ]
    own = [one for one in found if one in reference.own_mistakes(name)]
    return list(dict.fromkeys(own or found))


def wrong_slopes(name: str, all_cases: list[cases.Case], got_all: list[Any]) -> list[str]:
    """For ``linear_activation_backward``: the activations whose slope g′ is wrong.

    The learner's dZ is read back from their dA_prev = W^T dZ (W^T has full
    column rank in every case); when their dW, db and dA_prev are the right
    linear step of that dZ, dZ / dA is the slope they took. It is a slope
    only if it depends on Z alone (two cases share their Z, with another
    dA); when it is not g′(Z), the slope of g is wrong, however it was
    written.
    """
    if name != "linear_activation_backward":
        return []
    wrong: set[str] = set()
    slopes: dict[bytes, Any] = {}  # the slope dZ / dA the learner took, by the Z it was taken at
    for case, got in zip(all_cases, got_all, strict=True):
        linear_cache, Z = case.args[1]
        activation = case.args[2]
        dZ = _dZ_read_back(got, linear_cache[1])
        if dZ is None or not same(got, reference.linear_backward(dZ, linear_cache)):
            return []
        slope = dZ / case.args[0]  # no entry of dA is 0 in these cases
        if not np.allclose(slopes.setdefault(Z.tobytes(), slope), slope, rtol=1e-4, atol=1e-6):
            return []  # not a function of Z: the factor dA is not dA * g'(Z)'s
        if not same(got, expected_outputs(name, case)):
            wrong.add(activation + "-prime-wrong")
    return sorted(wrong)


def _dZ_read_back(got: Any, W: Any) -> Any:
    """The dZ whose W^T dZ is the learner's dA_prev, or None when there is none."""
    if not isinstance(got, tuple | list) or len(got) != 3 or not isinstance(got[0], np.ndarray):
        return None
    try:
        dZ = np.linalg.lstsq(W.T, got[0].astype(float), rcond=None)[0]
    except (TypeError, ValueError, np.linalg.LinAlgError):
        return None
    return dZ
