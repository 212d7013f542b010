"""The book's notebooks in English, French or Ukrainian, without building the book.

From a terminal::

    python -m dnn_textbook.notebooks --lang uk my_notebooks

writes into the folder ``my_notebooks`` the notebooks of the Ukrainian
edition:

* ``build_it_yourself.ipynb``: every function of the course's programming
  exercise to write, each with its check, then the training of a network
  with your own functions;
* ``exercises/<chapter>.ipynb``: the exercises of one chapter only;
* ``chapters/<chapter>.ipynb``: the text of a chapter, with its examples as
  code cells.

They are the notebooks that the book's site build writes into each edition
(``_exercises`` and ``_notebooks``); ``python3 dev.py site`` copies them
here, and a test checks that the copies are what the build makes. Opening
them needs Jupyter (``pip install jupyter``); the training cell also plots
the cost with matplotlib.

A notebook that already exists in the folder is never replaced, since it
may hold your work, unless you ask for it with ``--force``.
"""

from __future__ import annotations

import argparse
import shutil
from collections.abc import Sequence
from pathlib import Path

from .._i18n import _, ngettext

__all__ = ["LANGUAGES", "main", "notebooks", "write"]

HERE = Path(__file__).resolve().parent
LANGUAGES = ("en", "fr", "uk")
#: Where each kind of notebook sits in an edition of the site, and in the folder written.
FOLDERS = {"_exercises": "exercises", "_notebooks": "chapters"}
MAIN = "build_it_yourself.ipynb"


def language_code(language: str) -> str:
    """``"uk"`` for ``"uk"``, ``"uk-UA"``, ``"uk_UA"`` or ``"ua"``; the same for the others."""
    code = language.strip().replace("-", "_").split("_")[0].lower()
    return "uk" if code == "ua" else code


def notebooks(language: str) -> dict[str, Path]:
    """The shipped notebooks of ``language``: {path in the folder written: file in the package}."""
    code = language_code(language)
    if code not in LANGUAGES:
        raise ValueError(
            _(
                "there are no notebooks in the language {language}; the languages are {languages}"
            ).format(language=repr(language), languages=", ".join(LANGUAGES))
        )
    found = {}
    for source, target in FOLDERS.items():
        for path in sorted((HERE / code / source).glob("*.ipynb")):
            name = MAIN if path.name == MAIN else f"{target}/{path.name}"
            found[name] = path
    return found


def write(language: str, folder: str | Path, force: bool = False) -> list[Path]:
    """Write the notebooks of ``language`` into ``folder``; return the files written.

    Raises
    ------
    ValueError
        If there are no notebooks in ``language``.
    FileExistsError
        If a notebook exists already in ``folder`` and ``force`` is false;
        then nothing is written.
    """
    folder = Path(folder)
    files = {folder / name: path for name, path in notebooks(language).items()}
    existing = [target for target in files if target.exists()]
    if existing and not force:
        raise FileExistsError(
            _(
                "{path} exists already, and nothing was written: it may hold your work. "
                "Choose another folder, or add --force to replace the notebooks there."
            ).format(path=existing[0])
        )
    for target, path in files.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    return list(files)


def main(argv: Sequence[str] | None = None) -> int:
    """The command ``python -m dnn_textbook.notebooks``."""
    parser = argparse.ArgumentParser(
        prog="python -m dnn_textbook.notebooks",
        description=_(
            "Write the notebooks of the book in one language into a folder: "
            "build_it_yourself.ipynb, the exercises of each chapter and the chapters."
        ),
    )
    parser.add_argument(
        "--lang",
        default="en",
        help=_("the language of the notebooks: en, fr or uk (default: en)"),
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help=_("replace the notebooks that exist already in the folder"),
    )
    parser.add_argument("folder", help=_("the folder to write them into; it is made if needed"))
    args = parser.parse_args(argv)
    try:
        written = write(args.lang, args.folder, args.force)
    except (ValueError, FileExistsError) as error:
        parser.exit(2, f"{parser.prog}: {error}\n")
    main_notebook = Path(args.folder) / MAIN
    print(
        ngettext(
            "Wrote {count} notebook into {folder}.",
            "Wrote {count} notebooks into {folder}.",
            len(written),
        ).format(count=len(written), folder=args.folder)
    )
    print(_("Start Jupyter (jupyter lab), then open {notebook}.").format(notebook=main_notebook))
    return 0
