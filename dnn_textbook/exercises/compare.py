"""Running the learner's function on a case, and comparing what came back.

:func:`run` calls the learner's function on a copy of a case's inputs and
turns what it returns into plain data (:func:`plain`): arrays, numbers,
strings, lists, tuples and dicts of them, and nothing of the learner's own
types, so that no method the learner wrote runs while the outputs are
compared. An exception is a verdict, not a crash: :class:`Raised` keeps its
type, its message and the line of the learner's function that raised.
:func:`difference` compares the outputs with the expected ones entry by
entry, to a float32's precision. Plain data can cross a process boundary:
the grader runs the learner's code in a process of its own and compares in
its own.
"""

from __future__ import annotations

import copy
import linecache
import os
import sysconfig
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

import numpy as np

from .._i18n import _, ngettext
from . import cases, reference

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
    """What a call gave when it raised, as plain data.

    ``where`` is the learner's line that raised, or that called the helper
    or the numpy function that raised: ``(function, line in the function,
    its text)``. ``not_written`` is set for ``NotImplementedError``: ``""``
    when the learner's function raised it, else the name of the function it
    calls that did. ``helper`` is ``(name, shape of dA, shape of Z)`` when
    the course's ``relu_backward`` or ``sigmoid_backward`` raised.
    """

    kind: str
    message: str
    where: tuple[str, int, str] | None = None
    not_written: str | None = None
    helper: tuple[str, tuple[int, ...], tuple[int, ...]] | None = None
    #: the learner's line that called the function of ``where``, when it is another of theirs
    caller: tuple[str, int, str] | None = None


class Opaque(NamedTuple):
    """An output that is not plain data: an object of the learner's own type, a subclass."""

    kind: str


_HELPERS = ("relu_backward", "sigmoid_backward")
# numpy's own scalar types (np.float64, np.int32, np.bool_, ...): no learner's class is among them
_SCALARS = frozenset(np.sctypeDict.values())
_MAX_ITEMS = 10_000


def plain(value: Any, depth: int = 0, budget: list[int] | None = None) -> Any:
    """``value`` as plain data: no method of the learner's own types is ever called.

    Exact types only (``type(x) is``, which no object can fake): an ndarray of
    numbers (copied), a Python or numpy number, a string, ``None``, and
    lists, tuples and dicts of them. Anything else, an ndarray subclass or an
    object whose ``==`` always says yes among them, becomes :class:`Opaque`.
    """
    budget = [_MAX_ITEMS] if budget is None else budget
    budget[0] -= 1
    kind = type(value)
    if budget[0] < 0 or depth > 8:
        return Opaque("…")
    if value is None or kind in (bool, int, float, str):
        return value
    if kind in _SCALARS:
        number = {"b": bool, "i": int, "u": int, "f": float}.get(np.dtype(kind).kind)
        return number(value) if number else Opaque(kind.__name__)
    if kind is np.ndarray:
        if value.dtype.kind not in "biufcUS" or value.size > 10 * _MAX_ITEMS:
            return Opaque(f"ndarray {value.dtype}")
        return np.array(value, copy=True)
    if kind in (list, tuple):
        items = [plain(item, depth + 1, budget) for item in value if budget[0] >= 0]
        return items if kind is list else tuple(items)
    if kind is dict:
        return {
            (key if type(key) in (str, int) else Opaque(type(key).__name__)): plain(
                item, depth + 1, budget
            )
            for key, item in dict.items(value)
        }
    return Opaque(kind.__name__ if type(kind.__name__) is str else "?")


def run(fn: Callable[..., Any], args: tuple[Any, ...]) -> Any:
    """``fn(*args)`` on a copy of the arguments, as plain data, or :class:`Raised`.

    The random state of numpy is kept: a learner's call of ``np.random.seed``
    changes nothing after it.
    """
    state = np.random.get_state()
    try:
        with np.errstate(all="ignore"):
            return plain(fn(*copy.deepcopy(args)))
    except Exception as error:  # the learner's exception is a verdict
        return raised(error)
    finally:
        np.random.set_state(state)


_NOT_THE_LEARNERS = tuple(
    os.path.normcase(os.path.dirname(os.path.abspath(path))) + os.sep
    for path in (
        np.__file__,
        os.path.dirname(__file__),  # the package dnn_textbook
        sysconfig.get_paths()["stdlib"] + os.sep + "x",
    )
)


def _learners(filename: str) -> bool:
    """Whether a frame's file is the learner's: not numpy's, not the library's, not Python's."""
    return not os.path.normcase(os.path.abspath(filename)).startswith(_NOT_THE_LEARNERS)


def raised(error: BaseException) -> Raised:
    """The plain record of an exception raised by the learner's function."""
    try:
        message = str(error)
    except Exception:
        message = ""
    frames = []
    tb = error.__traceback__
    while tb is not None:
        frames.append((tb.tb_frame, tb.tb_lineno))
        tb = tb.tb_next
    lines, helper = [], None
    for frame, lineno in frames[1:]:  # frames[0] is run()
        code = frame.f_code
        if code.co_name in _HELPERS and helper is None:
            dA, Z = frame.f_locals.get("dA"), frame.f_locals.get("cache", frame.f_locals.get("Z"))
            if type(dA) is np.ndarray and type(Z) is np.ndarray:
                helper = (code.co_name, dA.shape, Z.shape)
        if _learners(code.co_filename) and code.co_name not in _HELPERS:
            text = linecache.getline(code.co_filename, lineno).strip()
            lines.append((code.co_name, lineno - code.co_firstlineno + 1, text))
    where = lines[-1] if lines else None
    callers = [line for line in lines if where and line[0] != where[0]]
    caller = callers[-1] if callers else None
    not_written = None
    if isinstance(error, NotImplementedError):
        names = [frame.f_code.co_name for frame, _lineno in frames]
        # names[0] is run(), names[1] the learner's function, names[-1] the one that raised
        not_written = names[-1] if len(names) > 2 and names[-1] != names[1] else ""
        where = caller = None
    return Raised(type(error).__name__, message, where, not_written, helper, caller)


def expected_outputs(name: str, case: cases.Case) -> Any:
    if case.expected is not None:
        return case.expected
    return run(reference.REFERENCES[name], case.args)


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
    """What came back, in words of the learner's language (never a Python type's name alone)."""
    if got is None:
        return _("None (is the return statement missing?)")
    if isinstance(got, np.ndarray):
        return _("an array of shape {shape}").format(shape=got.shape)
    if isinstance(got, list):
        return ngettext("a list of {n} item", "a list of {n} items", len(got)).format(n=len(got))
    if isinstance(got, tuple):
        return ngettext("a tuple of {n} item", "a tuple of {n} items", len(got)).format(n=len(got))
    if isinstance(got, dict):
        return _("a dict")
    if isinstance(got, str):
        return _("a string")
    if isinstance(got, bool | int | float):
        return _("the number {value}").format(value=_number(got))
    if isinstance(got, Opaque):
        return _("an object of the type {kind}").format(kind=got.kind)
    return type(got).__name__


def _found_keys(got: Mapping[Any, Any]) -> str:
    """The keys a dict has, for a report of missing ones: ``'dw1'`` is not ``'dW1'``."""
    if not got:
        return "; " + _("the dict is empty")
    keys = [repr(key) for key in list(got)[:12]]
    return "; " + _("it has {keys}").format(keys=", ".join(keys) + (", …" if len(got) > 12 else ""))


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
            ).format(name=name, keys=", ".join(map(repr, missing))) + _found_keys(got)
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


def _helper_said(helper: tuple[Any, ...], name: str, inputs: tuple[Any, ...]) -> str:
    """What a course helper's exception means, in the lecture's terms."""
    function, dA, Z = helper
    if name == "L_model_backward":
        shape_of = {l: np.shape(cache[1]) for l, cache in enumerate(inputs[2], start=1)}
        here = [l for l, shape in shape_of.items() if shape == tuple(Z)]
        there = [l for l, shape in shape_of.items() if shape == tuple(dA)]
        if here and there and here[-1] not in there:
            return _(
                "layer {l} got a dA of shape {shape}: the dA of layer {k}, not of layer {l}"
            ).format(l=here[-1], shape=tuple(dA), k=there[-1])
    return _(
        "{function} got a dA of shape {dA} for a Z of shape {Z}: they must be the same"
    ).format(function=function, dA=tuple(dA), Z=tuple(Z))


def _said(got: Raised, name: str, inputs: tuple[Any, ...]) -> str:
    """A sentence for an exception: its type, its message, the inputs, the learner's line."""
    shapes_ = ", ".join(f"{n} {shapes(v)}" for n, v in zip(INPUTS[name], inputs, strict=True))
    if got.not_written == "":
        return _("not written yet (it raises NotImplementedError)")
    if got.not_written:
        return _(
            "{function}, which it calls, is not written yet "
            "(it raises NotImplementedError; inputs: {shapes})"
        ).format(function=got.not_written, shapes=shapes_)
    if got.message:
        text = _("raised {type}: {message} (inputs: {shapes})").format(
            type=got.kind, message=got.message, shapes=shapes_
        )
    else:
        text = _("raised {type} (inputs: {shapes})").format(type=got.kind, shapes=shapes_)
    if got.helper:
        text += "\n      " + _helper_said(got.helper, name, inputs)
    for function, line, code in filter(None, (got.caller, got.where)):
        text += "\n      " + _("in {function}, line {line}: {code}").format(
            function=function, line=line, code=code
        )
    if got.where:
        code = got.where[2]
        if got.kind == "TypeError" and "sum(" in code and "index" in got.message:
            text += "\n      " + _(
                "np.sum's second argument is the axis: add the two terms inside one "
                "np.sum(...), not as two arguments"
            )
    return text


def not_written(got: Any) -> bool:
    """Whether outputs are the template's: None, or nothing but None inside a tuple or a dict."""
    if got is None:
        return True
    if isinstance(got, tuple | list) and got:
        return all(not_written(item) for item in got)
    if isinstance(got, dict) and got:
        return all(not_written(item) for item in got.values())
    return False


def verdict(name: str, got: Any, expected: Any, inputs: tuple[Any, ...]) -> str | None:
    """None when the case passes, else what went wrong, in a sentence."""
    if isinstance(got, Raised):
        return _said(got, name, inputs)
    outputs = OUTPUTS[name]
    if not_written(got) and (got is not None or len(outputs) > 1 or name == "update_parameters"):
        return _("not written yet: it returns None where the course expects values")
    try:
        if len(outputs) == 1:
            return difference(expected, got, outputs[0])
        if _in_another_order(expected, got):
            return _("the right values, in another order: the course returns {names}").format(
                names=", ".join(outputs)
            )
        return difference(expected, got, "", outputs)
    except Exception:  # something numpy cannot compare
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
