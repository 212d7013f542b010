"""The contributor's two commands, with nothing but Python >= 3.10 to start from.

    python3 dev.py site       build the book in three languages into _build/site/
    python3 dev.py test       run every test (unit, doctests, catalogs, site, browser)
    python3 dev.py catalogs   extract the English messages and update locales/

Each command first makes sure that .venv exists with the project and its
[docs,test] extras installed. ``test`` also installs, as root on Debian, the
tools the checks call: msgfmt, Hunspell with French and Ukrainian
dictionaries, and Chromium.
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


def ensure_venv() -> None:
    stamp = VENV / ".installed"
    if not PYTHON.exists():
        print("Creating .venv, the project's own Python environment (first run only).", flush=True)
        venv.create(VENV, with_pip=True)
    if not stamp.exists() or stamp.stat().st_mtime < (ROOT / "pyproject.toml").stat().st_mtime:
        fresh = not stamp.exists()
        print(
            ("Installing" if fresh else "pyproject.toml changed: updating")
            + " the project and what it needs to build and test the book into .venv\n"
            "(numpy, Sphinx and its extensions, matplotlib, scikit-learn, pytest, selenium,"
            " axe-core...).\n"
            + (
                "This first run downloads about 200 MB and takes 1 to 2 minutes on a good"
                " connection (pip prints\nnothing until it is done); later runs skip it."
                if fresh
                else "This takes from a few seconds to a minute or two."
            ),
            flush=True,
        )
        start = time.monotonic()
        if run(PYTHON, "-m", "pip", "install", "-q", "-e", ".[docs,test]") != 0:
            sys.exit("pip install failed")
        print(f"Installed in {time.monotonic() - start:.0f} s.", flush=True)
        stamp.touch()


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
    return run(PYTHON, ROOT / "docs" / "build_site.py")


def test() -> int:
    ensure_venv()
    ensure_debian_tools()
    code = run(PYTHON, "-m", "pytest", *sys.argv[2:])
    if code == 5:
        print("pytest collected no tests: that is a failure")
        return 1
    return code


def catalogs() -> int:
    ensure_venv()
    return run(PYTHON, ROOT / "docs" / "i18n.py")  # in .venv, where Sphinx and Babel are


if __name__ == "__main__":
    commands = {"site": site, "test": test, "catalogs": catalogs}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    sys.exit(commands[sys.argv[1]]())
