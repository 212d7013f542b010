"""Packaging: ruff is clean, the wheel carries py.typed and every module."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_is_clean():
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    paths = [p for p in ("dnn_textbook", "tests", "benchmarks", "docs", "tools")
             if (ROOT / p).exists()]
    result = subprocess.run([ruff, "check", *paths],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_wheel_contents(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                    str(tmp_path), str(ROOT)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("dnn_textbook-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "dnn_textbook/py.typed" in names
    for module in ["notation", "activations", "forward", "backward", "chain", "loss",
                   "initialization", "gradient_check", "training"]:
        assert f"dnn_textbook/{module}.py" in names
