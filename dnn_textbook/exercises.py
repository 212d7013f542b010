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

A function that raises ``NotImplementedError`` is "not written yet"; any
other exception is part of the verdict, with its type, its message and the
shapes of the inputs of the case. The exercises that call other exercises
(``L_model_forward`` calls ``linear_activation_forward`` in the notebook)
are called as they are, with the helpers of their notebook:
:mod:`dnn_textbook.course_helpers` gives the course's ``sigmoid``,
``relu``, ``sigmoid_backward`` and ``relu_backward``.
"""

from __future__ import annotations

import copy
import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from . import _exercise_cases as cases
from . import _exercise_run as runner
from ._i18n import _, ngettext

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
    key: Mistake(meaning, section, cases.SECTIONS[section])
    for key, (meaning, section) in cases.MEANINGS.items()
}


class Example(NamedTuple):
    """The first case of an exercise, worked by hand: what to call, and what to see."""

    args: tuple[Any, ...]  #: the arguments, in the order of the course's signature
    expected: Any  #: the outputs; for initialize_parameters_deep, their shapes


@dataclass(frozen=True)
class CaseReport:
    """One line of a report: a case, its inputs, and what came back."""

    label: str
    inputs: str
    passed: bool
    detail: str


@dataclass(frozen=True)
class CheckResult:
    """What :func:`~dnn_textbook.exercises.check` found: passed, mistakes, and the report."""

    exercise: str
    cases: tuple[CaseReport, ...]
    mistakes: tuple[str, ...]
    notes: tuple[str, ...] = ()

    @property
    def passed(self) -> bool:
        """True when every case gives what was expected."""
        return all(case.passed for case in self.cases)

    def _mistake_lines(self) -> list[tuple[str, str, str]]:
        return [(key, _(MISTAKES[key].meaning), _(MISTAKES[key].title)) for key in self.mistakes]

    def _summary(self) -> str:
        n, ok = len(self.cases), sum(case.passed for case in self.cases)
        summary = ngettext("{name}: {ok} of {n} case passes", "{name}: {ok} of {n} cases pass", n)
        return summary.format(name=self.exercise, ok=ok, n=n)

    def __str__(self) -> str:
        lines = [self._summary(), ""]
        for i, case in enumerate(self.cases, start=1):
            mark = "✓" if case.passed else "✗"
            head = _("case {i}, {label}").format(i=i, label=case.label)
            lines.append(f"  {mark} " + _("{case}: {detail}").format(case=head, detail=case.detail))
        for key, meaning, title in self._mistake_lines():
            lines += ["", _("Mistake {id}: {meaning}").format(id=key, meaning=meaning)]
            lines.append("  " + _("See the section: {title}").format(title=title))
        lines += [""] + [_("Note: {note}").format(note=note) for note in self.notes]
        return "\n".join(lines).rstrip()

    def _repr_html_(self) -> str:
        e = html.escape
        rows = "".join(
            f"<tr><td>{'✓' if c.passed else '✗'}</td><td>{i}</td><td>{e(c.label)}</td>"
            f"<td><code>{e(c.inputs)}</code></td><td>{e(c.detail)}</td></tr>"
            for i, c in enumerate(self.cases, start=1)
        )
        head = "".join(
            f"<th>{e(h)}</th>" for h in ("", "#", _("case"), _("inputs"), _("what came back"))
        )
        out = [f"<p><strong>{e(self._summary())}</strong></p>"]
        out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        for key, meaning, title in self._mistake_lines():
            doc, anchor = MISTAKES[key].section
            link = f'<a href="../{doc}.html#{anchor}">{e(title)}</a>'
            label = e(_("Mistake {id}:").format(id=key))
            out.append(f"<p><strong>{label}</strong> {e(meaning)} {link}</p>")
        out += [f"<p>{e(_('Note: {note}').format(note=note))}</p>" for note in self.notes]
        return "\n".join(out)

    def raise_for_failure(self) -> None:
        """Raise :class:`AssertionError` with the report when a case fails."""
        if not self.passed:
            raise AssertionError(str(self))


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
    if name == "initialize_parameters_deep":
        from ._exercise_init import check_initialization

        return check_initialization(fn)
    return _check(name, fn)


def _exercise(name: str) -> str:
    if name not in EXERCISES:
        raise ValueError(
            _("{name!r} is not an exercise; the exercises are: {names}").format(
                name=name, names=", ".join(EXERCISES)
            )
        )
    return name


def _check(name: str, fn: Callable[..., Any]) -> CheckResult:
    all_cases = cases.cases(name)
    reports: list[CaseReport] = []
    got_all: list[Any] = []
    notes: list[str] = []
    for case in all_cases:
        got = runner.run(fn, case.args)
        expected = runner.expected_outputs(name, case)
        wrong = None
        if name == "L_model_backward":
            renamed = runner.dA_keys_of_2017(got, len(case.args[2]))
            if renamed is not got:
                if not notes:
                    notes.append(
                        _(
                            "your grads keep dA[l-1] under the key 'dA' + str(l), as the 2017 "
                            "notebook did; today's notebook uses 'dA' + str(l - 1). "
                            "Both are accepted."
                        )
                    )
                # reported under the learner's keys, recognised under today's
                wrong = runner.verdict(name, got, runner.dA_keys_as_2017(expected), case.args)
                got = renamed
        got_all.append(got)
        if wrong is None:
            wrong = runner.verdict(name, got, expected, case.args)
        inputs = ", ".join(
            f"{n} {runner.shapes(v)}" for n, v in zip(runner.INPUTS[name], case.args, strict=True)
        )
        label = _(case.label).format(**case.fill)
        reports.append(CaseReport(label, inputs, wrong is None, wrong or _("as expected")))
    mistakes: list[str] = []
    if not all(report.passed for report in reports):
        mistakes = runner.recognised(name, all_cases, got_all)
    return CheckResult(name, tuple(reports), tuple(mistakes), tuple(notes))
