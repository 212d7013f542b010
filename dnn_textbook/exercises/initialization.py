"""The check of ``initialize_parameters_deep``: properties, not numbers.

Random numbers differ from one seed, one generator and one scale to the
next, so the check asks what every good initialization has: the keys
``W1``, ``b1``, ... ``WL``, ``bL``; :math:`W^{[l]}` of shape
:math:`(n^{[l]}, n^{[l-1]})`, of floats, not zero, not all equal, of a
moderate size, different from layer to layer; :math:`b^{[l]}` of shape
:math:`(n^{[l]}, 1)` and zero.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from .._i18n import _, ngettext
from . import cases, reference
from . import mistakes as known
from .compare import Raised, run, shapes, verdict
from .report import CaseReport, CheckResult

_LARGE = 10.0  # no usual scale (0.01, 1/sqrt(n), sqrt(2/n)) gives an entry this large


def _problems(parameters: Any, dims: list[int]) -> tuple[str | None, set[str]]:
    """The first problem of the parameters (None if none), and the mistakes recognised."""
    if not isinstance(parameters, Mapping):
        return _("parameters: expected a dict, got {got}").format(
            got=type(parameters).__name__
        ), set()
    found: list[str] = []
    mistakes: set[str] = set()
    seen: dict[tuple[int, ...], tuple[str, Any]] = {}
    for l in range(1, len(dims)):
        n, n_prev = dims[l], dims[l - 1]
        w, b = "W" + str(l), "b" + str(l)
        for key in (w, b):
            if key not in parameters:
                missing = ngettext(
                    "{name}: the key {keys} is missing", "{name}: the keys {keys} are missing", 1
                )
                found.append(missing.format(name="parameters", keys=repr(key)))
        if w not in parameters or b not in parameters:
            continue
        W, B = np.asarray(parameters[w]), np.asarray(parameters[b])
        if W.shape == (n_prev, n) and n != n_prev:
            mistakes.add("init-transposed")
        if W.shape != (n, n_prev):
            found.append(
                _("{name}: expected the shape {e}, got {g}").format(
                    name=w, e=(n, n_prev), g=W.shape
                )
            )
        elif W.dtype.kind != "f":
            found.append(
                _("{name}: expected floats, got the dtype {dtype}").format(name=w, dtype=W.dtype)
            )
        elif not W.any():
            mistakes.add("init-zeros")
            found.append(_("{name} is all zeros").format(name=w))
        elif W.size > 1 and np.all(W == W.flat[0]):
            found.append(
                _("{name}: every entry is {value}; random values make the units differ").format(
                    name=w, value=float(W.flat[0])
                )
            )
        elif np.abs(W).max() > _LARGE:
            found.append(
                _("{name}: an entry is {value}, too large for a first step").format(
                    name=w, value=float(np.abs(W).max())
                )
            )
        elif W.shape in seen and np.array_equal(W, seen[W.shape][1]):
            found.append(
                _("{name} equals {other}: each layer needs its own random values").format(
                    name=w, other=seen[W.shape][0]
                )
            )
        else:
            scale = _scale(W, l, dims)
            if scale:
                mistakes.add(scale)
                found.append(_(known.MEANINGS[scale][0]))
        seen.setdefault(W.shape, (w, W))
        if B.size == n and B.any():
            mistakes.add("init-b-not-zero")
        if B.shape != (n, 1):
            found.append(
                _("{name}: expected the shape {e}, got {g}").format(name=b, e=(n, 1), g=B.shape)
            )
        elif B.any():
            found.append(_("{name}: expected zeros, got nonzero entries").format(name=b))
    return (found[0] if found else None), mistakes


def _scale(W: Any, l: int, dims: list[int]) -> str | None:
    """``init-no-scale`` or ``init-rand`` when W's values show it, else None.

    Exactly, when the learner follows the course (``np.random.seed(3)``, then
    ``np.random.randn`` layer after layer): W is then 100 times the course's.
    Statistically on a large layer otherwise: the standard deviation of
    ``np.random.randn`` is 1, that of 0.01 ``randn`` 0.01, and the usual
    scales :math:`1/\\sqrt{n}`, :math:`\\sqrt{2/n}` are small there too;
    ``np.random.rand`` draws from [0, 1), all positive.
    """
    state = np.random.RandomState(3)
    course = [state.randn(dims[k], dims[k - 1]) for k in range(1, l + 1)][-1]
    if np.allclose(W, course, rtol=1e-6, atol=0):
        return "init-no-scale"
    if W.size >= 1000:
        if W.min() >= 0:
            return "init-rand"
        if W.std() > 0.3:
            return "init-no-scale"
    return None


def check_initialization(fn: Callable[..., Any], seed: int | None = None) -> CheckResult:
    """Run ``fn`` on the cases of ``initialize_parameters_deep`` and judge what it returns."""
    all_cases = cases.cases("initialize_parameters_deep", seed)
    return judge_initialization([run(fn, case.args) for case in all_cases], seed)


def judge_initialization(got_all: list[Any], seed: int | None = None) -> CheckResult:
    """Judge what the learner's ``initialize_parameters_deep`` returned on each case."""
    reports: list[CaseReport] = []
    mistakes: set[str] = set()
    for case, got in zip(cases.cases("initialize_parameters_deep", seed), got_all, strict=True):
        dims = case.args[0]
        wrong = None
        if isinstance(got, Raised):
            wrong = verdict("initialize_parameters_deep", got, None, case.args)
        else:
            wrong, found = _problems(got, dims)
            mistakes |= found
        inputs = f"layer_dims {shapes(dims)}"
        label = cases.label(case, _)
        reports.append(CaseReport(label, inputs, wrong is None, wrong or _("as expected")))
    ordered = tuple(
        key for key in reference.VARIANTS["initialize_parameters_deep"] if key in mistakes
    )
    return CheckResult("initialize_parameters_deep", tuple(reports), ordered)
