"""What a learner handed in: their function definitions and imports, and nothing else.

A submission is a notebook (``.ipynb``: the book's exercise notebooks of
any edition, the course's notebook of any version) or a ``.py`` file, or a
folder of them, named after the learner. :func:`read` keeps, from each
code cell, its top-level ``def``, ``class``, ``import`` and
``from ... import`` statements and its constants (``EPSILON = 1e-8``), in
order, so that a later definition replaces an earlier one as in the
notebook. Nothing else runs: a cell that trains for an hour, prints, or
patches something at top level is left out. IPython's ``%`` and ``!``
lines are not Python: they are left out too. A block that is not valid
Python is kept aside, with its error, so the functions it held are graded
"failed" with the error named, and the rest is graded.

>>> source = '''
... import numpy as np
... def linear_forward(A, W, b):
...     return np.dot(W, A) + b, (A, W, b)
... parameters = train(for_an_hour=True)
... '''
>>> kept = extract([source])
>>> print(kept.code)
import numpy as np
def linear_forward(A, W, b):
    return np.dot(W, A) + b, (A, W, b)
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..._i18n import _

SUFFIXES = (".ipynb", ".py")


class UnreadableError(Exception):
    """A submission that cannot be read: not UTF-8, not JSON, not a notebook."""


@dataclass(frozen=True)
class Extracted:
    """The learner's definitions and imports, as one source, and the blocks left aside."""

    code: str
    #: the functions defined, with their ``def`` node (for the template and callee checks)
    functions: dict[str, ast.FunctionDef] = field(default_factory=dict)
    #: function name -> the syntax error of the block that held it
    broken: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Submission:
    """One learner's work: who, which file, what it defines, in which language."""

    learner: str
    file: str
    extracted: Extracted | None
    language: str | None = None  # the edition of the book's notebook, if it says
    error: str | None = None  # why it cannot be read


def find(paths: list[Path]) -> list[tuple[str, list[Path]]]:
    """The learners and their files, each learner named after a file or a folder.

    A file is one learner (named after the file). A folder is a class when
    it is the only one given or holds folders: each of its entries is a
    learner, a file or a folder of files. Otherwise a folder is one
    learner, whose notebooks and ``.py`` files are read in name order.
    """
    found: list[tuple[str, list[Path]]] = []
    for path in paths:
        if not path.is_dir():
            found.append((path.stem, [path]))
            continue
        entries = sorted(
            p for p in path.iterdir() if not p.name.startswith(".") and not _results(p)
        )
        learners = [p for p in entries if p.is_dir() or p.suffix in SUFFIXES]
        if len(paths) == 1 or any(p.is_dir() for p in learners):
            for entry in learners:
                files = _files(entry) if entry.is_dir() else [entry]
                found.append((entry.name if entry.is_dir() else entry.stem, files))
        else:
            found.append((path.name, _files(path)))
    return found


def _results(path: Path) -> bool:
    """A folder of the grader's results (grades.csv in it), left in the class's folder."""
    return path.is_dir() and (path / "grades.csv").exists()


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in SUFFIXES)


def read(learner: str, files: list[Path]) -> Submission:
    """The submission of ``learner``, from their files (a notebook, a .py, or several)."""
    names = ", ".join(str(f) for f in files)
    if not files:
        return Submission(learner, names, None, error=_("no notebook and no .py file"))
    sources: list[str] = []
    language = None
    try:
        for path in files:
            cells, found = _sources(path)
            sources += cells
            language = language or found
    except UnreadableError as error:
        return Submission(learner, names, None, error=str(error))
    return Submission(learner, names, extract(sources), language)


def _sources(path: Path) -> tuple[list[str], str | None]:
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise UnreadableError(
            _("{file} is not UTF-8 text (byte {at})").format(file=path.name, at=error.start)
        ) from None
    except OSError as error:
        said = _("{file} cannot be read: {error}").format(file=path.name, error=error)
        raise UnreadableError(said) from None
    if path.suffix == ".py":
        return [text], None
    try:
        notebook = json.loads(text)
    except ValueError as error:
        raise UnreadableError(
            _("{file} is not JSON, so not a notebook: {error}").format(file=path.name, error=error)
        ) from None
    found = notebook.get("cells") if isinstance(notebook, dict) else None
    if isinstance(notebook, dict) and isinstance(notebook.get("worksheets"), list):
        # nbformat 3, as some copies of the course's first notebooks still are
        sheets = [sheet for sheet in notebook["worksheets"] if isinstance(sheet, dict)]
        found = [cell for sheet in sheets for cell in sheet.get("cells", [])]
    if not isinstance(found, list):
        raise UnreadableError(
            _("{file} is JSON but not a notebook (no cells)").format(file=path.name)
        )
    cells = []
    for cell in found:
        if isinstance(cell, dict) and cell.get("cell_type") == "code":
            source = cell.get("source", cell.get("input", ""))
            cells.append("".join(map(str, source)) if isinstance(source, list) else str(source))
    metadata = notebook.get("metadata")
    book = metadata.get("dnn_textbook") if isinstance(metadata, dict) else None
    language = book.get("language") if isinstance(book, dict) else None
    return cells, (language if language in ("en", "fr", "uk") else None)


_MAGIC = re.compile(r"^\s*[%!]")
_DEF = re.compile(r"^def\s+(\w+)", re.MULTILINE)


def extract(sources: list[str]) -> Extracted:
    """The top-level definitions and imports of the sources (cells, or files), in order."""
    kept: list[str] = []
    functions: dict[str, ast.FunctionDef] = {}
    broken: dict[str, str] = {}
    for source in sources:
        source = "\n".join("" if _MAGIC.match(line) else line for line in source.splitlines())
        for block, error in _blocks(source):
            if error:
                for name in _DEF.findall(block):
                    broken[name] = error
                    functions.pop(name, None)
                continue
            for node in ast.parse(block).body:
                if isinstance(
                    node, ast.FunctionDef | ast.ClassDef | ast.Import | ast.ImportFrom
                ) or (_constant(node)):
                    if isinstance(node, ast.ImportFrom) and node.module == "__future__":
                        continue
                    start = min(
                        [d.lineno for d in getattr(node, "decorator_list", [])] + [node.lineno]
                    )
                    lines = block.splitlines()[start - 1 : node.end_lineno]
                    text = "\n".join(lines)
                    tree = ast.parse(text).body[0]  # re-parsed where it will run
                    if isinstance(tree, ast.FunctionDef):
                        broken.pop(tree.name, None)
                        functions[tree.name] = tree
                    kept.append(text)
    code = "\n".join(kept)
    # line numbers of the code as it runs, for the reports
    functions = {
        node.name: node for node in ast.parse(code).body if isinstance(node, ast.FunctionDef)
    }
    return Extracted(code, functions, broken)


def _constant(node: ast.stmt) -> bool:
    """``EPSILON = 1e-8``: a name given a literal value, which computes nothing."""
    if not isinstance(node, ast.Assign) or not all(isinstance(t, ast.Name) for t in node.targets):
        return False
    try:
        ast.literal_eval(node.value)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False
    return True


def _blocks(source: str) -> list[tuple[str, str | None]]:
    """The source as one block, or, when it is not valid Python, as its top-level blocks.

    A block starts at each line that starts at column 0 and is not a
    comment, a decorator's ``def``, or ``else``/``except``/``finally``.
    """
    try:
        ast.parse(source)
        return [(source, None)]
    except (SyntaxError, ValueError):
        pass
    blocks: list[list[str]] = [[]]
    for line in source.splitlines():
        starts = line[:1] not in ("", " ", "\t", "#", ")", "]", "}")
        follows = re.match(r"(else|elif|except|finally)\b", line)
        if starts and not follows and blocks[-1] and not blocks[-1][-1].startswith("@"):
            blocks.append([])
        blocks[-1].append(line)
    found: list[tuple[str, str | None]] = []
    for lines in blocks:
        block = "\n".join(lines)
        try:
            ast.parse(block)
            found.append((block, None))
        except (SyntaxError, ValueError) as error:
            where = getattr(error, "lineno", None) or 1
            message = getattr(error, "msg", str(error))
            found.append((block, _("line {line}: {message}").format(line=where, message=message)))
    return found
