"""Running the learner's function on the cases, and comparing what came back.

This module serves :mod:`dnn_textbook.exercises`: it calls the learner's
function on a copy of each case's inputs (an exception is a verdict, not a
crash), compares its outputs with the expected ones entry by entry, to a
float32's precision, and finds the variant of the reference, with one
mistake or two, or one made at one place only, whose outputs the learner's
function reproduces; for a wrong slope of any form, it reads the learner's
dZ back from their outputs (:func:`wrong_slopes`).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

import numpy as np

from . import _exercise_cases as cases
from ._i18n import _, ngettext

# The names of each exercise's inputs and outputs, as the course names them.
INPUTS = {
    "initialize_parameters_deep": ("layer_dims",),
    "linear_forward": ("A", "W", "b"),
    "linear_activation_forward": ("A_prev", "W", "b", "activation"),
    "L_model_forward": ("X", "parameters"),
    "compute_cost": ("AL", "Y"),
    "linear_backward": ("dZ", "cache"),
    "linear_activation_backward": ("dA", "cache", "activation"),
    "L_model_backward": ("AL", "Y", "caches"),
    "update_parameters": ("parameters", "grads", "learning_rate"),
}
OUTPUTS: dict[str, tuple[str, ...]] = {
    "linear_forward": ("Z", "cache"),
    "linear_activation_forward": ("A", "cache"),
    "L_model_forward": ("AL", "caches"),
    "compute_cost": ("cost",),
    "linear_backward": ("dA_prev", "dW", "db"),
    "linear_activation_backward": ("dA_prev", "dW", "db"),
    "L_model_backward": ("grads",),
    "update_parameters": ("parameters",),
}
_RTOL, _ATOL = 1e-4, 1e-6  # float32 results pass too


# ------------------------------------------------------------------ running the cases


class Raised(NamedTuple):
    """What a call gave when it raised: the exception."""

    error: BaseException


def run(fn: Callable[..., Any], args: tuple[Any, ...]) -> Any:
    """``fn(*args)`` on a copy of the arguments, or ``Raised(error)``; keeps the random state."""
    state = np.random.get_state()
    try:
        with np.errstate(all="ignore"):
            return fn(*copy.deepcopy(args))
    except Exception as error:  # the learner's exception is a verdict
        return Raised(error)
    finally:
        np.random.set_state(state)


def expected_outputs(name: str, case: cases.Case) -> Any:
    if case.expected is not None:
        return case.expected
    return run(cases.REFERENCES[name], case.args)


def shapes(value: Any) -> str:
    """The shapes of an input, for a report: ``(2, 3)``, ``((3, 4), (2, 3), (2, 1))``."""
    if isinstance(value, np.ndarray):
        return str(value.shape)
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {shapes(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        inner = ", ".join(shapes(v) for v in value)
        return f"[{inner}]" if isinstance(value, list) else f"({inner})"
    return repr(value)


def _number(x: Any) -> str:
    """A number for a report, to 6 digits; a float keeps its point (1.0, not 1)."""
    try:
        text = f"{float(x):.6g}"
    except (TypeError, ValueError):
        return repr(x)
    whole = text.lstrip("-").isdigit()
    return text + ".0" if whole and not isinstance(x, int | np.integer | np.bool_) else text


def _kind(got: Any) -> str:
    if got is None:
        return _("None (is the return statement missing?)")
    if isinstance(got, np.ndarray):
        return _("an array of shape {shape}").format(shape=got.shape)
    if isinstance(got, tuple | list):
        return _("a {kind} of {n}").format(kind=type(got).__name__, n=len(got))
    return type(got).__name__


def difference(expected: Any, got: Any, name: str, names: tuple[str, ...] = ()) -> str | None:
    """None when ``got`` is ``expected`` (to a float32's precision), else the first difference."""
    if isinstance(expected, Mapping):
        if not isinstance(got, Mapping):
            return _("{name}: expected a dict, got {got}").format(name=name, got=_kind(got))
        missing = [key for key in expected if key not in got]
        if missing:
            return ngettext(
                "{name}: the key {keys} is missing",
                "{name}: the keys {keys} are missing",
                len(missing),
            ).format(name=name, keys=", ".join(map(repr, missing)))
        for key, value in expected.items():
            found = difference(value, got[key], f"{name}[{key!r}]")
            if found:
                return found
        return None
    if isinstance(expected, tuple | list):
        n = len(expected)
        if not isinstance(got, tuple | list) or len(got) != n:
            if isinstance(expected, list):
                return _("{name}: expected a list of {n}, got {got}").format(
                    name=name, n=n, got=_kind(got)
                )
            return _("{name}: expected a tuple of {n}, got {got}").format(
                name=name or ", ".join(names), n=n, got=_kind(got)
            )
        for i, (e, g) in enumerate(zip(expected, got, strict=True)):
            found = difference(e, g, names[i] if names else f"{name}[{i}]")
            if found:
                return found
        return None
    if isinstance(expected, float):
        ok = isinstance(got, float | int | np.number) or (
            isinstance(got, np.ndarray) and got.shape == ()
        )
        if not ok:
            return _("{name}: expected a number, got {got}").format(name=name, got=_kind(got))
        if not np.isclose(float(got), expected, rtol=_RTOL, atol=_ATOL):
            return _("{name}: expected {e}, got {g}").format(
                name=name, e=_number(expected), g=_number(got)
            )
        return None
    if not isinstance(got, np.ndarray):
        return _("{name}: expected an array, got {got}").format(name=name, got=_kind(got))
    if got.shape != np.shape(expected):
        return _("{name}: expected the shape {e}, got {g}").format(
            name=name, e=np.shape(expected), g=got.shape
        )
    if got.dtype.kind not in "fiub":
        return _("{name}: expected numbers, got the dtype {dtype}").format(
            name=name, dtype=got.dtype
        )
    close = np.isclose(got.astype(float), expected, rtol=_RTOL, atol=_ATOL)
    if close.all():
        return None
    index = tuple(int(i) for i in np.argwhere(~close)[0])
    return _("{name}{index}: expected {e}, got {g} (shape {shape}, dtype {dtype})").format(
        name=name,
        index=list(index),
        e=_number(np.asarray(expected)[index]),
        g=_number(got[index]),
        shape=got.shape,
        dtype=got.dtype,
    )


def same(a: Any, b: Any) -> bool:
    if isinstance(a, Raised) or isinstance(b, Raised):
        return isinstance(a, Raised) and isinstance(b, Raised)
    try:
        return difference(a, b, "") is None
    except Exception:
        return False


def _in_another_order(expected: Any, got: Any) -> bool:
    """Whether ``got`` holds the expected outputs, each once, but not in their order."""
    if not isinstance(got, tuple | list) or len(got) != len(expected) or same(expected, got):
        return False
    return all(
        sum(same(e, g) for g in got) == 1 and sum(same(e, other) for other in expected) == 1
        for e in expected
    )


def _not_written(error: NotImplementedError, shapes_: str) -> str:
    """ "Not written yet", naming the function the learner's calls when that one raised."""
    frames = []
    tb = error.__traceback__
    while tb is not None:
        frames.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    # frames[0] is run(), frames[1] the learner's function, frames[-1] the one that raised
    if len(frames) > 2 and frames[-1] != frames[1]:
        return _(
            "{function}, which it calls, is not written yet "
            "(it raises NotImplementedError; inputs: {shapes})"
        ).format(function=frames[-1], shapes=shapes_)
    return _("not written yet (it raises NotImplementedError)")


def verdict(name: str, got: Any, expected: Any, inputs: tuple[Any, ...]) -> str | None:
    """None when the case passes, else what went wrong, in a sentence."""
    if isinstance(got, Raised):
        error = got.error
        shapes_ = ", ".join(f"{n} {shapes(v)}" for n, v in zip(INPUTS[name], inputs, strict=True))
        if isinstance(error, NotImplementedError):
            return _not_written(error, shapes_)
        if not str(error):
            return _("raised {type} (inputs: {shapes})").format(
                type=type(error).__name__, shapes=shapes_
            )
        return _("raised {type}: {message} (inputs: {shapes})").format(
            type=type(error).__name__, message=error, shapes=shapes_
        )
    outputs = OUTPUTS[name]
    try:
        if len(outputs) == 1:
            return difference(expected, got, outputs[0])
        if _in_another_order(expected, got):
            return _("the right values, in another order: the course returns {names}").format(
                names=", ".join(outputs)
            )
        return difference(expected, got, "", outputs)
    except Exception:  # something numpy cannot compare, such as an array of objects
        return _("{name}: what came back cannot be compared with numbers: {got}").format(
            name=", ".join(outputs), got=_kind(got)
        )


def dA_keys_of_2017(grads: Any, L: int) -> Any:
    """grads with the 2017 notebook's dA keys (dA{l} holds dA[l-1]) renamed as today's."""
    if not isinstance(grads, Mapping) or "dA0" in grads or "dA" + str(L) not in grads:
        return grads
    return _dA_keys_moved(grads, -1)


def dA_keys_as_2017(grads: Any) -> Any:
    """Today's grads with the dA keys of the 2017 notebook, to report under the learner's keys."""
    return _dA_keys_moved(grads, 1) if isinstance(grads, Mapping) else grads


def _dA_keys_moved(grads: Mapping[Any, Any], step: int) -> dict[Any, Any]:
    renamed = {}
    for key, value in grads.items():
        if isinstance(key, str) and key.startswith("dA") and key[2:].isdigit():
            renamed["dA" + str(int(key[2:]) + step)] = value
        else:
            renamed[key] = value
    return renamed


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
        out = [run(cases.REFERENCES[name], c.args + (variant,)) for c in all_cases]
        return all(agrees(o, g, r) for o, g, r in zip(out, got_all, right, strict=True)) and any(
            not isinstance(o, Raised) and not same(o, r) for o, r in zip(out, right, strict=True)
        )

    variants = cases.VARIANTS[name]
    found = [cases.mistake_id(v) for v in variants if matches((v,))]
    if found:
        return list(dict.fromkeys(found))
    for i, first in enumerate(variants):
        for second in variants[i + 1 :]:
            ids = [cases.mistake_id(first), cases.mistake_id(second)]
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
        cases.mistake_id(v)
        for place in cases.PLACES.get(name, ())
        for v in cases.VARIANTS[name]
        if matches((v + "@" + place,))
    ]
    own = [one for one in found if one in cases.own_mistakes(name)]
    return list(dict.fromkeys(own or found))


def wrong_slopes(name: str, all_cases: list[cases.Case], got_all: list[Any]) -> list[str]:
    """For ``linear_activation_backward``: the activations whose slope g′ is wrong.

    The learner's dZ is read back from their dA_prev = W^T dZ (W^T has full
    column rank in every case); when their dW, db and dA_prev are the right
    linear step of that dZ, and that dZ is not dA * g′(Z), the slope of g is
    wrong, however it was written.
    """
    if name != "linear_activation_backward":
        return []
    wrong: set[str] = set()
    for case, got in zip(all_cases, got_all, strict=True):
        if same(got, expected_outputs(name, case)):
            continue
        linear_cache, activation = case.args[1][0], case.args[2]
        dZ = _dZ_read_back(got, linear_cache[1])
        if dZ is None or not same(got, cases.linear_backward(dZ, linear_cache)):
            return []
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
