"""Time the grader on a class, against checking the same functions in the same process.

    python benchmarks/bench_grading.py [--learners 200] [--jobs 2]

The class is made here: each learner is the course's solutions (the tests'
``exercise_solutions``) with zero to two of the usual mistakes, as a
``.py`` file. Three ways of judging the same functions are timed in the
same run:

- "check": :func:`dnn_textbook.exercises.check` on each function, one
  after the other, in this process (the published cases only, no isolation);
- "check + hidden": the same with the hidden cases of the run's seed, in
  this process (what the grader judges, without its isolation);
- "grade, --jobs N": the grader, each learner's code in a process of its
  own, N learners at a time.

It prints the time per learner and the ratios: the cost of isolation is
"grade, --jobs 1" over "check + hidden".
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from grading_class import SOLUTIONS, edit, solutions  # noqa: E402

from dnn_textbook import course_helpers, exercises  # noqa: E402
from dnn_textbook.exercises.grading.command import grade_all  # noqa: E402
from dnn_textbook.exercises.grading.grading import Limits  # noqa: E402

# (exercise, text, replacement): one usual mistake each
MISTAKES = [
    ("linear_forward", "np.dot(W, A) + b", "np.dot(W, A)"),
    ("compute_cost", "-(1 / m) * np.sum", "-np.sum"),
    ("linear_backward", "axis=1, keepdims=True", "axis=1"),
    ("linear_backward", "1 / m * np.dot(dZ, A_prev.T)", "np.dot(dZ, A_prev.T)"),
    ("linear_activation_backward", "relu_backward(dA, activation_cache)", "dA"),
    ("update_parameters", '- learning_rate * grads["dW"', '+ learning_rate * grads["dW"'),
    ("L_model_forward", '"relu"\n        )', '"sigmoid"\n        )'),
]


def make(folder: Path, learners: int, seed: int = 0) -> list[Path]:
    draw = random.Random(seed)
    paths = []
    for i in range(learners):
        replaced = {}
        for name, old, new in draw.sample(MISTAKES, draw.choice((0, 0, 1, 2))):
            replaced[name] = edit(name, old, new) if name not in replaced else replaced[name]
        path = folder / f"learner{i:03d}.py"
        path.write_text(solutions(**replaced), encoding="utf-8")
        paths.append(path)
    return paths


def in_process(paths: list[Path], seed: int | None) -> float:
    """Check every function of every learner here, one after the other."""
    sys.modules.setdefault("testCases_v2", types.ModuleType("testCases_v2"))
    sys.modules.setdefault("dnn_utils_v2", course_helpers)
    start = time.perf_counter()
    for path in paths:
        namespace: dict = {"__name__": path.stem}
        exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)
        for name in exercises.EXERCISES:
            if seed is None:
                exercises.check(name, namespace[name])
            else:
                exercises._check(name, namespace[name], seed)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    options = parser.parse_args()
    seed = 12345
    assert SOLUTIONS
    with tempfile.TemporaryDirectory() as folder:
        paths = make(Path(folder), options.learners)
        n = len(paths)
        check = in_process(paths, None)
        hidden = in_process(paths, seed)
        times = {}
        for jobs in sorted({1, options.jobs}):
            start = time.perf_counter()
            grade_all([Path(folder)], seed, Limits(), "en", jobs=jobs, progress=False)
            times[jobs] = time.perf_counter() - start
    print(f"{n} learners, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print(f"{'':24}{'total s':>10}{'ms/learner':>12}{'ratio':>8}")
    rows = [("check", check), ("check + hidden", hidden)]
    rows += [(f"grade, --jobs {jobs}", t) for jobs, t in times.items()]
    for label, t in rows:
        print(f"{label:24}{t:10.2f}{1000 * t / n:12.1f}{t / check:8.2f}")
    print(f"cost of isolation (grade --jobs 1 / check + hidden): {times[1] / hidden:.2f}")
    if options.jobs > 1:
        print(
            f"grade --jobs {options.jobs} / check, one after the other: "
            f"{times[options.jobs] / check:.2f}"
        )


if __name__ == "__main__":
    main()
