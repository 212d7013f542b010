"""A class of submissions for the grader's tests and benchmark, and the verdicts each must get.

Each learner is a notebook or a ``.py`` file made here from the course's
solutions (:mod:`exercise_solutions`): right, wrong with named mistakes,
not written, the 2017 notebook's keys, the course's W4A1 template, the
library's solution imported, tricks (an always-equal object, an ndarray
subclass, a patched checker, outputs hard-coded for the published cases)
and functions that never return, end the process, allocate 50 GB, print
without end, fork or write files; and files that cannot be read.
"""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import exercise_solutions

from dnn_textbook.exercises import EXERCISES
from dnn_textbook.exercises.cases import cases
from dnn_textbook.exercises.compare import expected_outputs

HEAD = """import numpy as np
import h5py
import matplotlib.pyplot as plt
from testCases_v2 import *
from dnn_utils_v2 import sigmoid, sigmoid_backward, relu, relu_backward
"""
SOLUTIONS = {name: inspect.getsource(fn) for name, fn in exercise_solutions.SOLUTIONS.items()}


def solutions(**replaced: str) -> str:
    """The course's solutions, with some functions replaced by other source."""
    return HEAD + "\n\n".join(replaced.get(name, SOLUTIONS[name]) for name in EXERCISES) + "\n"


def edit(name: str, old: str, new: str) -> str:
    source = SOLUTIONS[name]
    assert old in source, (name, old)
    return source.replace(old, new)


def notebook(cells: list[str], language: str | None = None) -> str:
    """An .ipynb with code cells and, for the book's editions, the language in its metadata."""
    metadata: dict = {"kernelspec": {"name": "python3", "display_name": "Python 3"}}
    if language:
        metadata["dnn_textbook"] = {"exercises": "build_it_yourself", "language": language}
    return json.dumps(
        {
            "cells": [
                {
                    "cell_type": "code",
                    "metadata": {},
                    "source": c,
                    "outputs": [],
                    "execution_count": None,
                }
                for c in cells
            ],
            "metadata": metadata,
            "nbformat": 4,
            "nbformat_minor": 5,
        }
    )


def book_stub(name: str) -> str:
    params = inspect.signature(exercise_solutions.SOLUTIONS[name]).parameters
    return (
        f"def {name}({', '.join(params)}):\n"
        '    """Write it."""\n    # YOUR CODE HERE\n    raise NotImplementedError'
    )


BOOK_SETUP = """import numpy as np

import dnn_textbook
from dnn_textbook.course_helpers import relu, relu_backward, sigmoid, sigmoid_backward
from dnn_textbook.exercises import check, example

dnn_textbook.set_language('fr')"""

W4A1_TEMPLATE = '''def linear_backward(dZ, cache):
    """
    Implement the linear portion of backward propagation for a single layer (layer l)
    """
    A_prev, W, b = cache
    m = A_prev.shape[1]

    ### START CODE HERE ### (≈ 3 lines of code)
    # dW = ...
    # db = ... sum by the rows of dZ with keepdims=True
    # dA_prev = ...
    # YOUR CODE STARTS HERE


    # YOUR CODE ENDS HERE

    return dA_prev, dW, db
'''
W4A1_NONE = """def compute_cost(AL, Y):
    m = Y.shape[1]
    # (≈ 1 lines of code)
    # cost = ...
    cost = None
    # YOUR CODE ENDS HERE
    cost = np.squeeze(cost)
    return cost
"""

ALL_PASS = {name: "passed" for name in EXERCISES}


def verdicts(**changed: str) -> dict[str, str]:
    return ALL_PASS | changed


def make_class(folder: Path) -> dict[str, dict[str, str] | str]:
    """Write the class into ``folder``; return each learner's verdicts ("error": unreadable)."""
    folder.mkdir(parents=True, exist_ok=True)
    expected: dict[str, dict[str, str] | str] = {}

    def py(learner: str, source: str, verdicts_: dict[str, str] | str) -> None:
        (folder / f"{learner}.py").write_text(source, encoding="utf-8")
        expected[learner] = verdicts_

    def ipynb(learner: str, text: str, verdicts_: dict[str, str] | str) -> None:
        (folder / f"{learner}.ipynb").write_text(text, encoding="utf-8")
        expected[learner] = verdicts_

    py("ada_right", solutions(), ALL_PASS)
    # two mistakes: each costs its own exercise only, not the ones that call it
    wrong = solutions(
        linear_backward=edit("linear_backward", "axis=1, keepdims=True", "axis=1"),
        compute_cost=edit("compute_cost", "-(1 / m) * np.sum", "-np.sum"),
    )
    py(
        "ben_mistakes",
        wrong,
        verdicts(linear_backward="failed:db-no-keepdims", compute_cost="failed:cost-no-mean"),
    )
    # the book's exercise notebook, French edition, as handed out
    cells = [BOOK_SETUP]
    for name in EXERCISES:
        cells += [book_stub(name), f'check("{name}", {name})']
    cells.append("for i in range(10**9):\n    pass  # the training cell: never runs")
    ipynb("chloe_not_written", notebook(cells, "fr"), {n: "not-written" for n in EXERCISES})
    # the book's notebook, Ukrainian edition, with every function written
    cells = [BOOK_SETUP.replace("'fr'", "'uk'")]
    for name in EXERCISES:
        cells += ["%%time\n" + SOLUTIONS[name], f'check("{name}", {name})']
    ipynb("dmytro_book_uk", notebook(cells, "uk"), ALL_PASS)
    # the 2017 notebook keeps dA[l-1] under the key "dA" + str(l)
    keys_2017 = (
        edit(
            "L_model_backward",
            'grads["dA" + str(L - 1)] = dA_prev_temp',
            'grads["dA" + str(L)] = dA_prev_temp',
        )
        .replace(
            'grads["dA" + str(l + 1)], current_cache', 'grads["dA" + str(l + 2)], current_cache'
        )
        .replace('grads["dA" + str(l)] = dA_prev_temp', 'grads["dA" + str(l + 1)] = dA_prev_temp')
    )
    py("emma_2017_keys", solutions(L_model_backward=keys_2017), ALL_PASS)
    # the course's W4A1 notebook: templates left as they are, magics, tests called at top level
    cells = [
        "import numpy as np\nimport h5py\nimport matplotlib.pyplot as plt\n"
        "from testCases import *\nfrom dnn_utils import sigmoid, sigmoid_backward, relu, "
        "relu_backward\nfrom public_tests import *\n\n%matplotlib inline\n%load_ext autoreload\n"
        "%autoreload 2\nplt.rcParams['figure.figsize'] = (5.0, 4.0)\nnp.random.seed(1)",
        SOLUTIONS["linear_forward"],
        "t_A, t_W, t_b = linear_forward_test_case()\n"
        "t_Z, t_linear_cache = linear_forward(t_A, t_W, t_b)\n"
        'print("Z = " + str(t_Z))\nlinear_forward_test(linear_forward)',
        W4A1_TEMPLATE,
        W4A1_NONE,
    ]
    ipynb(
        "farid_w4a1_template",
        notebook(cells),
        {n: ("passed" if n == "linear_forward" else "not-written") for n in EXERCISES},
    )
    # the library's solution, imported: no credit for it, none lost for the functions calling it
    py(
        "gus_library",
        solutions(linear_backward="from dnn_textbook import linear_backward\n"),
        verdicts(linear_backward="library-solution"),
    )
    py(
        "hana_reference",
        solutions(
            update_parameters="from dnn_textbook.exercises.reference import update_parameters\n"
        ),
        verdicts(update_parameters="library-solution"),
    )
    # an object whose == always says yes
    always = """class Yes:
    def __eq__(self, other):
        return True
    def __array__(self, *args, **kwargs):
        import numpy
        return numpy.zeros((3, 2))


def linear_forward(A, W, b):
    return Yes(), (A, W, b)
"""
    py("ines_always_equal", solutions(linear_forward=always), verdicts(linear_forward="failed"))
    subclass = """class Anything(np.ndarray):
    def __eq__(self, other):
        return np.ones(np.shape(other), dtype=bool)


def compute_cost(AL, Y):
    return np.zeros(()).view(Anything)
"""
    py("jon_ndarray_subclass", solutions(compute_cost=subclass), verdicts(compute_cost="failed"))
    patched = """import dnn_textbook.exercises
dnn_textbook.exercises.check = lambda name, fn: None


def linear_forward(A, W, b):
    import builtins
    dnn_textbook.exercises.check = lambda name, fn: None
    np.allclose = lambda *args, **kwargs: True
    np.isclose = lambda *args, **kwargs: True
    builtins.isinstance = lambda *args: True
    return None, None
"""
    # what the patch breaks is the worker of this learner: failed, or crashed, never passed
    py(
        "kim_patched_checker",
        solutions(linear_forward=patched),
        verdicts(linear_forward="failed|crashed"),
    )
    loop = edit(
        "L_model_forward",
        "    caches = []\n",
        "    caches = []\n    while len(caches) < 1:\n        A = X\n",
    )
    py("lea_infinite_loop", solutions(L_model_forward=loop), verdicts(L_model_forward="timed-out"))
    exits = edit("compute_cost", "    m = Y.shape[1]\n", "    import os\n    os._exit(0)\n")
    py("max_os_exit", solutions(compute_cost=exits), verdicts(compute_cost="crashed"))
    huge = edit(
        "update_parameters",
        "    parameters = params.copy()\n",
        "    parameters = params.copy()\n    waste = np.ones((50 * 2**30 // 8,))\n",
    )
    py(
        "nina_huge_allocation",
        solutions(update_parameters=huge),
        verdicts(update_parameters="out-of-memory"),
    )
    flood = edit(
        "linear_forward",
        "    Z = np.dot(W, A) + b\n",
        "    for i in range(2000):\n        print('x' * 200)\n    Z = np.dot(W, A) + b\n",
    )
    py("omar_print_flood", solutions(linear_forward=flood), ALL_PASS)
    ipynb("pia_broken_notebook", notebook([SOLUTIONS["linear_forward"]])[:-40], "error")
    py(
        "quinn_syntax_error",
        solutions(
            linear_backward=edit(
                "linear_backward",
                "def linear_backward(dZ, cache):",
                "def linear_backward(dZ, cache)",
            )
        ),
        verdicts(linear_backward="failed"),
    )
    (folder / "rosa_not_utf8.py").write_bytes(solutions().encode("utf-8") + b"\n# caf\xe9\n")
    expected["rosa_not_utf8"] = "error"
    # outputs copied for every published case: check() passes them, the hidden cases do not
    published = {
        repr(case.args[0].tolist()): expected_outputs("compute_cost", case)
        for case in cases("compute_cost")
    }
    copied = f"""def compute_cost(AL, Y):
    return {published!r}[repr(AL.tolist())]
"""
    py("sam_copied_outputs", solutions(compute_cost=copied), verdicts(compute_cost="failed"))
    cost = edit("compute_cost", "np.log(1 - AL))", "np.log(1 - AL)) + 0.01 * (AL.shape[1] > 3)")
    py("tara_wrong_on_some_shapes", solutions(compute_cost=cost), verdicts(compute_cost="failed"))
    forks = edit(
        "linear_backward",
        "    A_prev, W, b = cache\n",
        "    import os\n    os.fork()\n    A_prev, W, b = cache\n",
    )
    py("uma_fork", solutions(linear_backward=forks), verdicts(linear_backward="failed"))
    writes = edit(
        "compute_cost",
        "    m = Y.shape[1]\n",
        "    m = Y.shape[1]\n    open('grades.csv', 'w').write('1,1,1')\n"
        "    open('../../../../tmp/owned.txt', 'w').write('x')\n",
    )
    py("vic_writes_files", solutions(compute_cost=writes), verdicts(compute_cost="failed"))
    exits = edit(
        "linear_activation_forward",
        "    if activation",
        "    import sys\n    sys.exit(0)\n    if activation",
    )
    py(
        "will_sys_exit",
        solutions(linear_activation_forward=exits),
        verdicts(linear_activation_forward="crashed"),
    )
    # scipy's sigmoid is the learner's own choice: it loads and passes
    scipy = edit(
        "linear_activation_forward",
        "def linear_activation_forward",
        "from scipy.special import expit\n\n\ndef linear_activation_forward",
    )
    py("xena_scipy", solutions(linear_activation_forward=scipy), ALL_PASS)
    # the library reached by importlib, and a kill of the grader: no credit, no harm
    reached = """import importlib


def linear_forward(A, W, b):
    return importlib.import_module("dnn_textbook.forward").linear_forward(A, W, b)


def linear_backward(dZ, cache):
    import os
    os.kill(os.getppid(), 9)
"""
    py(
        "yuri_importlib",
        solutions(linear_forward=reached, linear_backward=reached),
        verdicts(linear_forward="library-solution", linear_backward="failed"),
    )
    # a notebook of nbformat 3, as the course's first notebooks were
    old = {
        "nbformat": 3,
        "nbformat_minor": 0,
        "metadata": {},
        "worksheets": [
            {
                "cells": [
                    {
                        "cell_type": "code",
                        "input": ("import numpy as np\n" + SOLUTIONS["linear_forward"]).splitlines(
                            True
                        ),
                    }
                ]
            }
        ],
    }
    ipynb(
        "zack_nbformat3",
        json.dumps(old),
        {n: ("passed" if n == "linear_forward" else "not-written") for n in EXERCISES},
    )
    return expected
