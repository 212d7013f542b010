"""Grading one learner: their code runs in a worker, the outputs are judged here.

For each exercise, in the course's order, the worker calls the learner's
function on every case, the published ones and the hidden ones drawn from
the run's seed, and sends back what came back; :func:`~.exercises.judge`
compares it with the expected outputs, here, where the learner's code
cannot reach. Then, as :func:`~.exercises.check` does in a notebook, an
exercise that fails and calls another exercise that the learner got wrong
is run again with a right callee in its place: it is graded on its own
code, and its feedback says where the mistake is. Those runs come last,
once every call of the learner's own code is done, since the worker then
holds the right functions.

A verdict is one of :data:`VERDICTS`. A call that does not return in time,
that ends the process or that uses too much memory stops its exercise
there; a new worker takes the remaining exercises.
"""

from __future__ import annotations

import ast
import functools
import inspect
import time
from dataclasses import dataclass
from typing import Any, NamedTuple

from ..._i18n import _
from .. import EXERCISES, cases, judge, reference
from ..compare import Opaque, Raised
from ..initialization import judge_initialization
from ..report import CaseReport, CheckResult
from ..template import only_template_source
from . import sandbox
from .submission import Extracted, Submission
from .worker import DiedError, TimedOutError, Worker

#: The verdicts of an exercise, and what each says.
VERDICTS = {
    "passed": _("passed"),
    "failed": _("failed"),
    "not-written": _("not written"),
    "timed-out": _("timed out"),
    "out-of-memory": _("used too much memory"),
    "crashed": _("crashed the process"),
    "library-solution": _("uses the library's solution"),
}

_SAID = {
    "not-written": _("not written yet: the function is missing or is the course's template"),
    "timed-out": _("did not return within {seconds} s: it was stopped"),
    "out-of-memory": _("used more memory than the limit of {memory}: it was stopped"),
    "crashed": _("ended the process that ran it ({how}): it was stopped"),
    "library-solution": _(
        "calls {name}, the library's own solution: the exercise asks for your own code"
    ),
}


@dataclass(frozen=True)
class Limits:
    """What a learner's function may use: seconds per exercise, bytes of memory."""

    seconds: float = 5.0
    memory: int = 2 * 2**30


class Event(NamedTuple):
    """What stopped a call: ``library`` (its name), ``memory``, ``crashed`` (how)."""

    kind: str
    what: str


@dataclass
class Graded:
    """An exercise's verdict, its result (as :func:`check` gives it) and what stopped it."""

    verdict: str
    result: CheckResult
    said: str | None = None  # why no case could be judged, when none could


@functools.cache
def helpers_source() -> str:
    """The four helpers of the course, as source the worker can run without the library."""
    from ... import course_helpers

    tree = ast.parse(inspect.getsource(course_helpers))
    functions = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
    return "from __future__ import annotations\nimport numpy as np\n\n" + "\n\n".join(
        ast.unparse(node) for node in functions
    )


@functools.cache
def reference_source(callee: str) -> str:
    """The right ``callee`` and the functions it calls, and nothing else of the references.

    The worker gets only what the run with a right callee needs: no
    exercise's own right function is ever in the learner's process.
    """
    tree = ast.parse(inspect.getsource(reference))
    functions = {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)}
    needed, todo = set(), [callee]
    while todo:
        name = todo.pop()
        if name in needed or name not in functions:
            continue
        needed.add(name)
        todo += [n.id for n in ast.walk(functions[name]) if isinstance(n, ast.Name)]
    return (
        "from __future__ import annotations\nimport numpy as np\n\n"
        "def at(mistakes, *places):\n    return ()\n\n"
        + "\n\n".join(ast.unparse(node) for name, node in functions.items() if name in needed)
    )


@functools.lru_cache(maxsize=32)
def _cases(name: str, seed: int) -> list[cases.Case]:
    return cases.cases(name, seed)


@functools.lru_cache(maxsize=32)
def _encoded(name: str, seed: int) -> list[Any]:
    """The inputs of the cases as the worker reads them, made once for the class."""
    return [sandbox.encode(case.args) for case in _cases(name, seed)]


def _stopped(name: str, verdict: str, detail: str) -> Graded:
    """The result of an exercise that no case could judge: one line that says why."""
    case = CaseReport(_("every case"), "", False, detail)
    return Graded(verdict, CheckResult(name, (case,), ()), detail)


class _Run:
    """The worker of one submission, restarted when it dies or is killed."""

    def __init__(self, submission: Submission, limits: Limits) -> None:
        assert submission.extracted is not None
        self.setup = {
            "code": submission.extracted.code,
            "helpers": helpers_source(),
            "exercises": list(EXERCISES),
        }
        self.limits = limits
        self.worker: Worker | None = None
        self.defined: list[str] = []
        self.reference_sent: set[str] = set()

    def start(self) -> None:
        self.worker = Worker(self.setup, self.limits.memory)
        self.reference_sent = set()
        # loading numpy and the learner's imports is not the learner's function: more time
        ready = self.worker.answer(max(20.0, 4 * self.limits.seconds))
        self.defined = [n for n in ready.get("ready", []) if n in EXERCISES]

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.worker = None

    def outputs(self, name: str, seed: int, swap: str | None = None) -> list[Any] | Graded:
        """What the learner's ``name`` gave on each case, or the verdict that stopped it.

        All the cases go in one order, and the answers come back in one
        message: the time limit is for the whole exercise.
        """
        all_cases = _cases(name, seed)
        try:
            if self.worker is None:
                self.start()
            assert self.worker is not None
            if swap and swap not in self.reference_sent:
                self.worker.order({"reference": reference_source(swap)})
                self.reference_sent.add(swap)
            args = _encoded(name, seed)
            self.worker.order({"call": name, "cases": args, "swap": swap})
            got_all = self._answers(len(all_cases))
        except TimedOutError:
            self.stop()
            said = _(_SAID["timed-out"]).format(seconds=f"{self.limits.seconds:g}")
            return _stopped(name, "timed-out", said)
        except DiedError:
            self.stop()
            how = _("the process ended")
            return _stopped(name, "crashed", _(_SAID["crashed"]).format(how=how))
        if any(type(got) is Event and got.kind == "library" for got in got_all):
            self.stop()  # its stub may have been called and caught: start afresh
        return got_all

    def _answers(self, n: int) -> list[Any]:
        assert self.worker is not None
        deadline = time.monotonic() + self.limits.seconds
        library = None
        while True:
            message = self.worker.answer(deadline - time.monotonic())
            if set(message) == {"library"} and isinstance(message["library"], str):
                library = library or message["library"]  # sent by the stub, when called
                continue
            break
        results = message.get("results")
        if not isinstance(results, list) or len(results) != n:
            raise DiedError()
        if library is not None:
            return [Event("library", library)]
        return [_answer(result) for result in results]


def _answer(message: Any) -> Any:
    """One case's answer, as plain data, :class:`Raised`, or the :class:`Event` that stopped it."""
    if not isinstance(message, dict):
        raise DiedError()
    try:
        if "value" in message:
            return sandbox.decode(message["value"], Opaque)
        if "raised" in message:
            kind, text, where, not_written, helper = message["raised"]
            if where is not None:
                where = (str(where[0]), int(where[1]), str(where[2]))
            if helper is not None:
                helper = (str(helper[0]), tuple(helper[1]), tuple(helper[2]))
            return Raised(str(kind), str(text), where, not_written, helper)
    except (ValueError, TypeError, KeyError, IndexError):
        raise DiedError() from None
    if "library" in message:
        return Event("library", str(message["library"]))
    if "memory" in message:
        return Event("memory", "")
    if "crashed" in message:
        return Event("crashed", str(message["crashed"]))
    raise DiedError()


def _special(name: str, got_all: list[Any], limits: Limits) -> Graded | None:
    """The verdict when a call used the library, ran out of memory or ended the process."""
    for got in got_all:
        if type(got) is Event:
            kind, what = got
            if kind == "library":
                said = _(_SAID["library-solution"]).format(name=what)
                return _stopped(name, "library-solution", said)
            if kind == "memory":
                said = _(_SAID["out-of-memory"]).format(memory=f"{limits.memory / 2**30:g} GiB")
                return _stopped(name, "out-of-memory", said)
            return _stopped(name, "crashed", _(_SAID["crashed"]).format(how=what))
    return None


def _judged(name: str, got_all: list[Any], seed: int) -> CheckResult:
    if name == "initialize_parameters_deep":
        return judge_initialization(got_all, seed)
    return judge(name, got_all, seed)


def _calls(node: ast.FunctionDef, callee: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == callee for n in ast.walk(node))


def grade(submission: Submission, seed: int, limits: Limits) -> dict[str, Graded]:
    """The verdict and the result of each exercise of one submission."""
    assert submission.extracted is not None
    extracted = submission.extracted
    run = _Run(submission, limits)
    try:
        try:
            run.start()
        except (TimedOutError, DiedError):  # its imports or definitions never finished
            said = _(_SAID["timed-out"]).format(seconds=f"{limits.seconds:g}")
            return {name: _stopped(name, "timed-out", said) for name in EXERCISES}
        graded = {name: _own(run, extracted, name, seed) for name in EXERCISES}
        for name in EXERCISES:  # the runs with a right callee, once the learner's are done
            graded[name] = _with_right_callee(run, extracted, name, graded, seed)
    finally:
        run.stop()
    return graded


def _own(run: _Run, extracted: Extracted, name: str, seed: int) -> Graded:
    """The exercise run with the learner's own code throughout, callees included."""
    if name in extracted.broken:
        said = _("this function's code is not valid Python: {error}")
        return _stopped(name, "failed", said.format(error=extracted.broken[name]))
    node = extracted.functions.get(name)
    if name not in run.defined or (node and only_template_source(ast.unparse(node))):
        return _stopped(name, "not-written", _(_SAID["not-written"]))
    got = run.outputs(name, seed)
    if isinstance(got, Graded):
        return got
    special = _special(name, got, run.limits)
    if special is not None:
        return special
    result = _judged(name, got, seed)
    return Graded("passed" if result.passed else _failed(result), result)


def _with_right_callee(
    run: _Run, extracted: Extracted, name: str, graded: dict[str, Graded], seed: int
) -> Graded:
    """When the exercise fails and calls a wrong exercise, its own code judged with a right one.

    Its verdict is then that of its own code: one mistake costs one
    exercise. A time-out, a crash or the library's solution that the run
    with a right callee does not cure stays the exercise's verdict.
    """
    own, callee, node = graded[name], reference.CALLS.get(name), extracted.functions.get(name)
    if own.verdict in ("passed", "not-written") or callee is None or node is None:
        return own
    called = graded[callee]
    if called.result.passed or not _calls(node, callee):
        return own
    if called.verdict == "not-written" and callee not in extracted.functions:
        return own  # nothing of the learner's to blame: the callee is missing
    got = run.outputs(name, seed, swap=callee)
    if isinstance(got, Graded) or _special(name, got, run.limits):
        return own
    result = _judged(name, got, seed).blaming(called.result)
    if result.own_passed:
        return Graded("passed", result)
    return Graded("failed", result) if own.verdict == "failed" else own


def _failed(result: CheckResult) -> str:
    """``not-written`` when every case says the function is not written, else ``failed``."""
    said = (
        _("not written yet (it raises NotImplementedError)"),
        _("not written yet: it returns None where the course expects values"),
    )
    if all(not case.passed and case.detail in said for case in result.cases):
        return "not-written"
    return "failed"
