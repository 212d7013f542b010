"""The contributor's commands, with nothing but Python >= 3.10 to start from.

    python3 dev.py site       build the book in three languages into _build/site/,
                              and copy its notebooks into dnn_textbook/notebooks/
    python3 dev.py test       run every test (unit, doctests, catalogs, site, browser)
    python3 dev.py catalogs   extract the English messages and update locales/
    python3 dev.py lock       refresh constraints.txt from the newest releases

``site`` makes sure that .venv holds the project with its [docs] extra,
what the book needs and nothing more; ``test`` adds the [test] extra and, as
root on Debian, the tools the checks call: msgfmt, Hunspell with French and
Ukrainian dictionaries, and Chromium. Every development tool is installed at
the version that constraints.txt pins, so that a release upstream changes
nothing until ``lock`` is run on purpose (then run ``test`` with the new pins
before committing them). The library itself still asks only for numpy>=1.26.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"
DEBIAN = {
    "msgfmt": "gettext",
    "hunspell": "hunspell",
    "chromium": "chromium",
    "chromedriver": "chromium-driver",
}
DICTIONARIES = {
    "/usr/share/hunspell/fr_FR.dic": "hunspell-fr",
    "/usr/share/hunspell/uk_UA.dic": "hunspell-uk",
}


def run(*command, **kwargs) -> int:
    print("+", " ".join(map(str, command)), flush=True)
    return subprocess.run([str(c) for c in command], cwd=ROOT, **kwargs).returncode


CONSTRAINTS = ROOT / "constraints.txt"
WHAT = {
    "docs": "numpy, Sphinx and its extensions, matplotlib",
    "docs,test": "the test tools: pytest, hypothesis, selenium, axe-core, nbclient, mypy, ruff",
}


def ensure_venv(extras: str = "docs") -> None:
    """Install the project with ``extras`` into .venv, at the pinned versions.

    ``test`` installs "docs,test"; the site needs only "docs". A stamp per set
    of extras remembers the install until pyproject.toml or constraints.txt
    changes.
    """
    start = time.monotonic()
    if not PYTHON.exists():
        print("Creating .venv, the project's own Python environment (first run only).", flush=True)
        venv.create(VENV, with_pip=True)
    stamp = VENV / f".installed-{extras.replace(',', '-')}"
    newest = max((ROOT / "pyproject.toml").stat().st_mtime, CONSTRAINTS.stat().st_mtime)
    if stamp.exists() and stamp.stat().st_mtime >= newest:
        return
    print(
        f"Installing the project and {WHAT[extras]} into .venv at the versions pinned in"
        " constraints.txt.\n"
        + (
            "The first run downloads what it needs and takes a minute or two on a good"
            " connection (pip prints\nnothing until it is done); later runs skip it."
            if not stamp.exists()
            else "pyproject.toml or constraints.txt changed: this takes a few seconds to a minute."
        ),
        flush=True,
    )
    command = [PYTHON, "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    if run(*command, "-c", CONSTRAINTS, "-e", f".[{extras}]") != 0:
        sys.exit("pip install failed")
    print(f"Set-up took {time.monotonic() - start:.0f} s.", flush=True)
    stamp.touch()


def lock() -> int:
    """Write constraints.txt from a new venv with the newest releases of everything."""
    folder = ROOT / "_build" / "lock-venv"
    shutil.rmtree(folder, ignore_errors=True)
    venv.create(folder, with_pip=True)
    python = folder / BIN.name / "python"
    if run(python, "-m", "pip", "install", "-q", "-e", ".[docs,test]") != 0:
        return 1
    frozen = subprocess.run(
        [python, "-m", "pip", "freeze", "--all", "--exclude-editable"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    pins = sorted((line for line in frozen if not line.startswith("pip==")), key=str.lower)
    CONSTRAINTS.write_text(
        "# The versions that dev.py installs for the site and the tests.\n"
        "# Made by `python3 dev.py lock` (the newest releases, for Python"
        f" {sys.version_info.major}.{sys.version_info.minor});\n"
        "# run `python3 dev.py test` with them before committing a new lock.\n"
        + "".join(f"{pin}\n" for pin in pins),
        encoding="utf-8",
    )
    shutil.rmtree(folder)
    print(f"constraints.txt: {len(pins)} pins")
    return 0


def ensure_debian_tools() -> None:
    missing = [pkg for tool, pkg in DEBIAN.items() if shutil.which(tool) is None]
    missing += [pkg for path, pkg in DICTIONARIES.items() if not Path(path).exists()]
    if not missing:
        return
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        print(
            f"Installing with apt-get the Debian tools the checks use: {' '.join(missing)}\n"
            "(first run only; a few minutes when Chromium is among them).",
            flush=True,
        )
        run("apt-get", "update", "-qq", env=env)
        if run("apt-get", "install", "-y", "-qq", *missing, env=env) == 0:
            return
    print(f"missing Debian packages: {' '.join(missing)} (the checks that need them will fail)")


def site() -> int:
    ensure_venv()
    return run(PYTHON, ROOT / "docs" / "build_site.py", "--ship")


def test() -> int:
    ensure_venv("docs,test")
    ensure_debian_tools()
    code = run(PYTHON, "-m", "pytest", *sys.argv[2:])
    if code == 5:
        print("pytest collected no tests: that is a failure")
        return 1
    return code


def catalogs() -> int:
    ensure_venv()  # Sphinx, sphinx-intl and Babel come with the docs extra
    return run(PYTHON, ROOT / "docs" / "i18n.py")  # in .venv, where Sphinx and Babel are


if __name__ == "__main__":
    commands = {"site": site, "test": test, "catalogs": catalogs, "lock": lock}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    sys.exit(commands[sys.argv[1]]())
