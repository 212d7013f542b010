"""``python -m dnn_textbook.grade SUBMISSIONS... --out DIR``: grade a class.

Each submission (a notebook, a ``.py`` file, or a folder of them, named
after the learner) is read, run in a worker of its own and judged; with
``--jobs N``, N submissions at a time. A progress line on the standard
error says how many are done and the time left; a summary ends the run.
A submission that cannot be read is named, with the reason, and the
others are graded.
"""

from __future__ import annotations

import argparse
import re
import secrets
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from ..._i18n import _, language, ngettext, set_language
from .. import EXERCISES
from . import class_report, worker
from .class_report import LearnerGrade
from .grading import Limits, grade
from .submission import find, read

_Args = tuple[str, list[Path], int, Limits, str]


def grade_one(
    learner: str, files: list[Path], seed: int, limits: Limits, lang: str
) -> LearnerGrade:
    """Read, run and judge one learner's submission; the feedback in their language."""
    submission = read(learner, files)
    if submission.error is not None:
        return LearnerGrade(learner, submission.file, submission.error, lang)
    own = submission.language or lang
    set_language(own)  # the reports of the cases are written as they are judged
    try:
        graded = grade(submission, seed, limits)
        exercises = {
            name: {"verdict": graded[name].verdict, "mistakes": list(graded[name].result.mistakes)}
            for name in EXERCISES
        }
        text = class_report.feedback(learner, graded, seed, own)
    finally:
        set_language(lang)
    return LearnerGrade(learner, submission.file, None, own, exercises, text)


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name}-{seen[name]}")
    return out


def grade_all(
    paths: list[Path], seed: int, limits: Limits, lang: str, jobs: int = 1, progress: bool = True
) -> list[LearnerGrade]:
    """Every learner's grades, in the order of their names."""
    found = find(paths)
    learners = _unique([learner for learner, _files in found])
    args = [
        (learner, files, seed, limits, lang)
        for learner, (_l, files) in zip(learners, found, strict=True)
    ]
    grades: list[LearnerGrade] = []
    start = time.monotonic()
    worker.ZYGOTE = worker.Zygote()  # the processes that grade fork their workers from it
    try:
        for done, result in enumerate(_results(args, jobs), start=1):
            grades.append(result)
            if progress:
                _progress(done, len(args), time.monotonic() - start)
    finally:
        worker.ZYGOTE.stop()
        worker.ZYGOTE = None
    if progress and args:
        sys.stderr.write("\n")
    return sorted(grades, key=lambda g: g.learner.casefold())


def _results(args: list[_Args], jobs: int) -> Iterator[LearnerGrade]:
    if jobs <= 1:
        for arg in args:
            yield grade_one(*arg)
        return
    # forked, so that they share the zygote
    with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("fork")) as pool:
        yield from pool.map(_star, args)


def _star(arg: _Args) -> LearnerGrade:
    return grade_one(*arg)


def _progress(done: int, total: int, elapsed: float) -> None:
    width = 24
    filled = round(width * done / total)
    left = elapsed / done * (total - done)
    text = ngettext(
        "{done} of {total} submissions graded, about {seconds} s left",
        "{done} of {total} submissions graded, about {seconds} s left",
        done,
    ).format(done=done, total=total, seconds=round(left))
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {text}  ")
    sys.stderr.flush()


def _safe(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name).strip("._") or "learner"


def write(grades: list[LearnerGrade], out: Path, run: dict[str, Any], lang: str) -> None:
    """grades.csv, grades.json, report.html and feedback/<learner>.txt in ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    class_report.write_csv(grades, out / "grades.csv")
    class_report.write_json(grades, out / "grades.json", run)
    (out / "report.html").write_text(class_report.html_report(grades, run, lang), encoding="utf-8")
    folder = out / "feedback"
    folder.mkdir(exist_ok=True)
    for grade_ in grades:
        if grade_.error is None:
            (folder / f"{_safe(grade_.learner)}.txt").write_text(grade_.feedback, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m dnn_textbook.grade",
        description=_("Grade the exercise notebooks of a class, each in a process of its own."),
    )
    parser.add_argument(
        "submissions",
        nargs="+",
        type=Path,
        help=_("notebooks, .py files, or folders (one per learner, or a class)"),
    )
    parser.add_argument("--out", required=True, type=Path, help=_("the folder for the results"))
    parser.add_argument("--lang", default=None, help=_("the language of the report: en, fr, uk"))
    parser.add_argument("--jobs", type=int, default=1, help=_("submissions graded at a time"))
    parser.add_argument(
        "--seconds", type=float, default=Limits.seconds, help=_("the time each function may take")
    )
    parser.add_argument(
        "--memory",
        type=float,
        default=Limits.memory / 2**30,
        help=_("the memory each submission may use, in GiB"),
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=None,
        help=_("the seed of the hidden cases (to grade again the same way)"),
    )
    parser.add_argument("--quiet", action="store_true", help=_("no progress line"))
    options = parser.parse_args(argv)
    if options.lang:
        set_language(options.lang)
    lang = language()
    seed = options.seed if options.seed is not None else secrets.randbelow(2**31)
    limits = Limits(options.seconds, int(options.memory * 2**30))
    start = time.monotonic()
    out = options.out.resolve()
    submissions = [p for p in options.submissions if p.resolve() != out]
    grades = grade_all(submissions, seed, limits, lang, max(1, options.jobs), not options.quiet)
    run = {"seed": seed, "seconds": limits.seconds, "memory": limits.memory}
    write(grades, options.out, run, lang)
    read_ = [g for g in grades if g.error is None]
    print(
        ngettext(
            "{n} submission graded in {seconds} s, into {out}",
            "{n} submissions graded in {seconds} s, into {out}",
            len(grades),
        ).format(n=len(grades), seconds=round(time.monotonic() - start), out=options.out)
    )
    if read_:
        mean = sum(g.total for g in read_) / len(read_)
        print(
            _("mean total: {mean} of {n}; hidden cases drawn with the seed {seed}").format(
                mean=class_report.number(mean, lang, 1), n=len(EXERCISES), seed=seed
            )
        )
    for g in grades:
        if g.error is not None:
            print(
                _("could not read {file}: {error}").format(file=g.file, error=g.error),
                file=sys.stderr,
            )
    return 0
