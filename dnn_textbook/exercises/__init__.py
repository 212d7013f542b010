"""Check your own functions: one call per exercise of the course.

Write a function of the course's notebook yourself, with the course's
name, signature, return values and cache layout, then hand it to
:func:`check`:

>>> import numpy as np
>>> from dnn_textbook.exercises import check
>>> def linear_forward(A, W, b):
...     Z = np.dot(W, A) + b
...     return Z, (A, W, b)
>>> result = check("linear_forward", linear_forward)
>>> result.passed, result.mistakes
(True, ())

The check runs several cases: the worked example's numbers, worked by
hand, then cases with :math:`m \\ne n` and non-square matrices, where a
missing :math:`1/m` or a missing transpose cannot hide. For each case the
report says what was expected and what came back: the shape, the dtype,
the first entry that differs and its index. When the function makes a
mistake the checker knows, the report names it in the lecture's words and
points to the section of the book that derives the right equation. A
mistake is recognised by what the function computes, not by how it is
written: a loop over the examples and ``np.einsum`` make the same mistakes
as ``np.dot``.

>>> def linear_backward(dZ, cache):
...     A_prev, W, b = cache
...     m = A_prev.shape[1]
...     dW = np.dot(dZ, A_prev.T) / m
...     db = np.sum(dZ, axis=1) / m          # keepdims=True forgotten
...     return np.dot(W.T, dZ), dW, db
>>> result = check("linear_backward", linear_backward)
>>> result.passed, result.mistakes
(False, ('db-no-keepdims',))
>>> print(str(result).splitlines()[2])
  ✗ case 1, the worked example, layer 2: db: expected the shape (2, 1), got (2,)

In Jupyter the result shows itself as a small table; in a script or a test,
``result.raise_for_failure()`` raises an :class:`AssertionError` with the
report. The reports speak the library's language
(:func:`~dnn_textbook.set_language`).

A function that raises ``NotImplementedError``, or that is still the
course's template (``dW = None``, an empty body), is "not written yet"; any
other exception is part of the verdict, with its type, its message, the
shapes of the inputs of the case and the line of the function that raised.
The exercises that call other exercises (``L_model_forward`` calls
``linear_activation_forward`` in the notebook) are called as they are, with
the helpers of their notebook: :mod:`dnn_textbook.course_helpers` gives the
course's ``sigmoid``, ``relu``, ``sigmoid_backward`` and ``relu_backward``.
When the function they call is wrong, the report says so first, then judges
their own code with a right one in its place: a mistake is reported once,
where it is made.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

from .._i18n import _
from . import cases, reference
from . import compare as runner
from .diagnosis import recognised
from .initialization import judge_initialization
from .mistakes import MEANINGS, SECTIONS
from .report import CaseReport, CheckResult
from .template import only_template

# The results are documented here, where a learner meets them.
CaseReport.__module__ = CheckResult.__module__ = __name__

__all__ = [
    "EXERCISES",
    "MISTAKES",
    "CaseReport",
    "CheckResult",
    "Example",
    "Mistake",
    "check",
    "example",
]

#: The exercises, in the course's order.
EXERCISES: tuple[str, ...] = (
    "initialize_parameters_deep",
    "linear_forward",
    "linear_activation_forward",
    "L_model_forward",
    "compute_cost",
    "linear_backward",
    "linear_activation_backward",
    "L_model_backward",
    "update_parameters",
)


class Mistake(NamedTuple):
    """A mistake the checker knows: what it means, and where the book derives the equation."""

    meaning: str  #: in the lecture's words, in English
    section: tuple[str, str]  #: the chapter's doc name and the section's anchor
    title: str  #: the section's title, in English


#: Every mistake the checker can name, by id.
MISTAKES: dict[str, Mistake] = {
    key: Mistake(meaning, section, SECTIONS[section])
    for key, (meaning, section) in MEANINGS.items()
}


class Example(NamedTuple):
    """The first case of an exercise, worked by hand: what to call, and what to see."""

    args: tuple[Any, ...]  #: the arguments, in the order of the course's signature
    expected: Any  #: the outputs; for initialize_parameters_deep, their shapes


def example(name: str) -> Example:
    """The first case of the exercise ``name``, worked by hand.

    A notebook calls the learner's function with ``args`` and prints
    ``expected`` below it ("you should see ...").

    >>> args, expected = example("compute_cost")
    >>> args
    (array([[0.5, 0.5]]), array([[1., 0.]]))
    >>> round(expected, 4)
    0.6931
    """
    first = cases.cases(_exercise(name))[0]
    if name == "initialize_parameters_deep":
        dims = first.args[0]
        shapes = {}
        for l in range(1, len(dims)):
            shapes["W" + str(l)], shapes["b" + str(l)] = (dims[l], dims[l - 1]), (dims[l], 1)
        return Example(copy.deepcopy(first.args), shapes)
    return Example(copy.deepcopy(first.args), copy.deepcopy(runner.expected_outputs(name, first)))


def check(name: str, fn: Callable[..., Any]) -> CheckResult:
    """Run the learner's function ``fn`` on the cases of the exercise ``name``.

    Parameters
    ----------
    name : str
        One of :data:`EXERCISES`, such as ``"linear_backward"``.
    fn : callable
        The learner's function, with the course's signature.

    Returns
    -------
    CheckResult
        ``passed``, ``mistakes`` (the ids of :data:`MISTAKES` it recognised,
        ``()`` when it passed) and the report (``str()``, or a table in
        Jupyter).

    Raises
    ------
    ValueError
        If ``name`` is not an exercise.
    TypeError
        If ``fn`` is not callable.
    """
    name = _exercise(name)
    if not callable(fn):
        raise TypeError(_("check needs a function, got {kind}").format(kind=type(fn).__name__))
    return _check(name, fn)


def _exercise(name: str) -> str:
    if name not in EXERCISES:
        raise ValueError(
            _("{name!r} is not an exercise; the exercises are: {names}").format(
                name=name, names=", ".join(EXERCISES)
            )
        )
    return name


def _check(name: str, fn: Callable[..., Any], seed: int | None = None) -> CheckResult:
    """Check ``fn``; when a function of the course it calls is wrong, judge its own code too.

    The learner's ``L_model_backward`` calls their ``linear_activation_backward``,
    which calls their ``linear_backward``. When a callee is wrong, the caller
    is run again with a right callee in its place: its own code is judged on
    those runs, and the report says first where the mistake is.
    """
    all_cases = cases.cases(name, seed)
    own = judge(name, [runner.run(fn, case.args) for case in all_cases], seed)
    if own.passed:
        return own
    if only_template(fn):
        return own.not_written()
    callee = callee_of(name, fn)
    if callee is None:
        return own
    called = _check(reference.CALLS[name], callee, seed)
    if called.passed:
        return own
    with in_place(fn, reference.CALLS[name], reference.REFERENCES[reference.CALLS[name]]):
        right = judge(name, [runner.run(fn, case.args) for case in all_cases], seed)
    return right.blaming(called)


def callee_of(name: str, fn: Callable[..., Any]) -> Callable[..., Any] | None:
    """The learner's own function of the course that ``fn`` calls by name, if any."""
    callee = reference.CALLS.get(name)
    code = getattr(fn, "__code__", None)
    namespace = getattr(fn, "__globals__", None)
    if callee is None or code is None or not isinstance(namespace, dict):
        return None
    if callee not in _names(code):
        return None
    found = namespace.get(callee)
    return found if callable(found) and found is not fn else None


def _names(code: Any) -> set[str]:
    """The global names a function's code reads, its inner functions and comprehensions included."""
    names = set(code.co_names)
    for const in code.co_consts:
        if hasattr(const, "co_names"):
            names |= _names(const)
    return names


@contextmanager
def in_place(fn: Callable[..., Any], name: str, right: Callable[..., Any]) -> Iterator[None]:
    """Within the block, the global ``name`` that ``fn`` calls is ``right``."""
    namespace = fn.__globals__
    before = namespace[name]
    namespace[name] = right
    try:
        yield
    finally:
        namespace[name] = before


def judge(name: str, got_all: list[Any], seed: int | None = None) -> CheckResult:
    """Compare the learner's outputs of each case (plain data) with the expected ones.

    This is the half of :func:`check` that runs none of the learner's code:
    the grader calls it with the outputs that a process of the learner's own
    sent back.
    """
    if name == "initialize_parameters_deep":
        return judge_initialization(got_all, seed)
    all_cases = cases.cases(name, seed)
    reports: list[CaseReport] = []
    notes: list[str] = []
    got_compared: list[Any] = []
    for case, got in zip(all_cases, got_all, strict=True):
        expected = runner.expected_outputs(name, case)
        wrong = None
        if name == "L_model_backward":
            renamed = runner.dA_keys_of_2017(got, len(case.args[2]))
            if renamed is not got:
                if not notes:
                    notes.append(
                        _(
                            "your grads keep dA[l-1] under the key 'dA' + str(l), as the "
                            "course's notebooks of 2017 did; its notebooks since 2018 (W4A1 "
                            "among them) keep it under 'dA' + str(l - 1), and their tests "
                            "look for the key dA0. Both are accepted here."
                        )
                    )
                # reported under the learner's keys, recognised under today's
                wrong = runner.verdict(name, got, runner.dA_keys_as_2017(expected), case.args)
                got = renamed
        got_compared.append(got)
        if wrong is None:
            wrong = runner.verdict(name, got, expected, case.args)
        inputs = ", ".join(
            f"{n} {runner.shapes(v)}" for n, v in zip(runner.INPUTS[name], case.args, strict=True)
        )
        label = cases.label(case, _)
        reports.append(CaseReport(label, inputs, wrong is None, wrong or _("as expected")))
    mistakes: list[str] = []
    if not all(report.passed for report in reports):
        mistakes = recognised(name, all_cases, got_compared)
    return CheckResult(name, tuple(reports), tuple(mistakes), tuple(notes))
