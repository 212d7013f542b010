"""Keep the French and Ukrainian catalogs in step with the English source.

``update_catalogs`` extracts every message of the book with Sphinx's gettext
builder (the docstrings of the library included, since the chapters pull
them in with autodoc) and merges them into ``locales/<lang>/LC_MESSAGES``
with sphinx-intl. A changed English sentence becomes a fuzzy entry, which
the tests report until a translator has reviewed it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

TRANSLATIONS = ("fr", "uk")


def extract(root: Path, pot_dir: Path) -> None:
    # -E: read every page again; a page's autosummary quotes docstrings of
    # other files, which an incremental build would not notice changing.
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "gettext",
            "-E",
            "-q",
            "-W",
            "--keep-going",
            "-d",
            str(pot_dir.parent / "doctrees-gettext"),
            str(root / "docs"),
            str(pot_dir),
        ],
        check=True,
    )


def update_catalogs(root: Path, locales: Path | None = None) -> Path:
    """Extract the messages and update ``locales`` (default: root/locales)."""
    locales = locales or root / "locales"
    pot_dir = root / "_build" / "gettext"
    extract(root, pot_dir)
    languages = [arg for lang in TRANSLATIONS for arg in ("-l", lang)]
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx_intl",
            "update",
            "-p",
            str(pot_dir),
            "-d",
            str(locales),
            *languages,
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    drop_obsolete(locales)
    return pot_dir


def drop_obsolete(locales: Path) -> None:
    """Remove the entries whose English source is gone (sphinx-intl keeps them)."""
    from babel.messages.pofile import read_po, write_po

    for po in locales.glob("*/LC_MESSAGES/*.po"):
        with po.open("rb") as f:
            catalog = read_po(f)
        if catalog.obsolete:
            with po.open("wb") as f:
                write_po(f, catalog, width=76, ignore_obsolete=True)


def display_math(doctrees: Path) -> set[str]:
    """The text of every display equation, read from the gettext build's doctrees.

    These messages must stay identical in every language: Sphinx then keeps
    the equation as it is.
    """
    import pickle

    from docutils import nodes

    sys.path.insert(0, str(Path(__file__).parent / "_ext"))  # nodes of our extensions
    equations = set()
    for path in doctrees.glob("*.doctree"):
        doctree = pickle.loads(path.read_bytes())
        equations.update(node.astext() for node in doctree.findall(nodes.math_block))
    return equations
