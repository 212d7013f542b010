"""Types: the promise of py.typed, checked by mypy --strict.

The library must type-check cleanly, and so must ``typing_examples.py``: the
calls a learner writes (lists for arrays, ``dtype=np.float32``,
``compute_dA_prev=False``), with the types a checker must infer for them.
Pyright's view (``pyright --verifytypes dnn_textbook``) is measured by hand:
it downloads Node.js on first use, and the tests stay offline.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_strict_is_clean():
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "dnn_textbook", "tests/typing_examples.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
