"""The exercise notebooks of the built site: linked, run as shipped, run with solutions.

Each edition has ``_exercises/build_it_yourself.ipynb`` (every exercise, in
the course's order, then training) and one notebook per chapter with
functions to write. Each is executed in a fresh kernel twice: as shipped,
where every check must say "not written yet" and the notebook reach its
end; and with the course's solutions (``exercise_solutions.py``) put into
the stub cells, where every check must pass and the training print an
accuracy. The solutions exist only in the tests, never in a notebook.
"""

from __future__ import annotations

import ast
import html
import inspect
import os
import re
from concurrent.futures import ThreadPoolExecutor

import exercise_solutions
import nbformat
import pytest
from test_catalogs import unknown_words, words_to_check
from test_notebooks import masked
from test_site import LANGUAGES, TRANSLATED

from dnn_textbook.exercises import EXERCISES

FOLDER = "_exercises"
CHAPTERS = {
    "forward": {"linear_forward", "linear_activation_forward"},
    "backward": {"linear_backward", "linear_activation_backward"},
    "putting_together": {"L_model_forward", "compute_cost", "L_model_backward"},
    "training": {"initialize_parameters_deep", "update_parameters"},
}
PAGE = "build_it_yourself"
LINK_TEXT = {
    "en": (
        "Download this chapter's exercises as a Jupyter notebook",
        "Download these exercises as a Jupyter notebook",
    ),
    "fr": (
        "Télécharger les exercices de ce chapitre en notebook Jupyter",
        "Télécharger ces exercices en notebook Jupyter",
    ),
    "uk": (
        "Завантажити вправи розділу як блокнот Jupyter",
        "Завантажити ці вправи як блокнот Jupyter",
    ),
}


def exercise_notebooks(site, lang):
    return {p.stem: p for p in sorted((site / lang / FOLDER).glob("*.ipynb"))}


def tags(cell) -> list[str]:
    return cell.metadata.get("tags", [])


def exercise(cell) -> str | None:
    return cell.metadata.get("dnn_textbook", {}).get("exercise")


def with_solutions(notebook):
    """The notebook with each stub replaced by the course's solution."""
    solved = nbformat.from_dict(notebook)
    for cell in solved.cells:
        if "exercise" in tags(cell):
            cell.source = inspect.getsource(getattr(exercise_solutions, exercise(cell)))
    return solved


def printed_words(source: str) -> list[str]:
    """The words the training cell prints, in order: not written yet, cost, accuracy."""
    calls = [
        node
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") == "print"
        and isinstance(node.args[0], ast.Constant)
    ]
    return [node.args[0].value for node in sorted(calls, key=lambda node: node.lineno)]


def not_written(lang: str) -> str:
    """The checker's verdict on a stub, in the edition's language."""
    import dnn_textbook
    from dnn_textbook._i18n import _

    dnn_textbook.set_language(lang)
    try:
        return _("not written yet (it raises NotImplementedError)")
    finally:
        dnn_textbook.set_language("en")


@pytest.fixture(scope="session")
def exercise_runs(site, tmp_path_factory):
    """{(lang, name, solved): (notebook as run, error or None)}, run to the end without errors."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    jobs = [
        (lang, name, path, solved)
        for lang in LANGUAGES
        for name, path in exercise_notebooks(site, lang).items()
        for solved in (False, True)
    ]
    workdir = tmp_path_factory.mktemp("exercises")
    env = dict(os.environ, LANGUAGE="en", LC_ALL="C.UTF-8")

    def run(job):
        lang, name, path, solved = job
        notebook = nbformat.read(path, as_version=4)
        if solved:
            notebook = with_solutions(notebook)
        client = NotebookClient(
            notebook,
            timeout=300,
            kernel_name="python3",
            allow_errors=False,
            resources={"metadata": {"path": workdir}},
        )
        try:
            client.execute(env=env)
            error = None
        except CellExecutionError as stopped:
            error = str(stopped)[:2000]
        return (lang, name, solved), (notebook, error)

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(run, jobs))


def test_every_edition_has_the_exercise_notebooks(site):
    for lang in LANGUAGES:
        found = exercise_notebooks(site, lang)
        assert set(found) == {PAGE, *CHAPTERS}, lang
        for name, path in found.items():
            notebook = nbformat.read(path, as_version=4)
            nbformat.validate(notebook)
            assert notebook.metadata["dnn_textbook"] == {"exercises": name, "language": lang}
            written = {exercise(c) for c in notebook.cells if "exercise" in tags(c)}
            if name == PAGE:
                assert len(written) == 9
                assert any("training" in tags(c) for c in notebook.cells)
            else:
                assert CHAPTERS[name] <= written, name  # with the exercises they call
            # every stub is followed by its check
            cells = notebook.cells
            for i, cell in enumerate(cells):
                if "exercise" in tags(cell):
                    assert "raise NotImplementedError" in cell.source
                    name_ = exercise(cell)
                    assert cell.source.startswith(f"def {name_}(")
                    assert cells[i + 1].source == f'check("{name_}", {name_})'


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_chapter_pages_link_their_exercises(site, lang):
    found = exercise_notebooks(site, lang)
    linked = set()
    for page in (site / lang).glob("*.html"):
        text = page.read_text(encoding="utf-8")
        match = re.search(r'<p class="exercise-link"><a [^>]*href="([^"]+)"[^>]*>([^<]+)</a>', text)
        if match:
            href, words = match.groups()
            assert html.unescape(words) == LINK_TEXT[lang][page.stem == PAGE], page.name
            assert (page.parent / href).resolve() == found[page.stem].resolve()
            linked.add(page.stem)
    assert linked == set(found)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_as_shipped_every_check_says_not_written_yet(exercise_runs, lang):
    verdict = html.escape(not_written(lang))
    for (edition, name, solved), (notebook, error) in sorted(exercise_runs.items()):
        if edition != lang or solved:
            continue
        assert error is None, f"{lang}/{name} stopped:\n{error}"
        for cell in notebook.cells:
            if "check" in tags(cell):
                shown = "".join(o.get("data", {}).get("text/html", "") for o in cell.outputs)
                rows = re.findall(r"<tr><td>(.)</td>.*?</tr>", shown)
                assert rows and set(rows) == {"✗"}, f"{lang}/{name}: {cell.source}"
                assert shown.count(verdict) == len(rows), f"{lang}/{name}: {cell.source}"
            if "training" in tags(cell):
                printed = "".join(o.get("text", "") for o in cell.outputs)
                missing, _, accuracy = printed_words(cell.source)
                assert printed.startswith(missing), printed
                assert all(name in printed for name in EXERCISES), printed
                assert accuracy not in printed


@pytest.mark.parametrize("lang", LANGUAGES)
def test_with_the_solutions_every_check_passes_and_the_network_trains(exercise_runs, lang):
    trained = 0
    for (edition, name, solved), (notebook, error) in sorted(exercise_runs.items()):
        if edition != lang or not solved:
            continue
        assert error is None, f"{lang}/{name} stopped:\n{error}"
        for cell in notebook.cells:
            if "check" in tags(cell):
                shown = "".join(o.get("data", {}).get("text/html", "") for o in cell.outputs)
                rows = re.findall(r"<tr><td>(.)</td>.*?</tr>", shown)
                assert rows and set(rows) == {"✓"}, f"{lang}/{name}: {cell.source}\n{shown}"
            if "training" in tags(cell):
                printed = "".join(o.get("text", "") for o in cell.outputs)
                missing, cost, label = printed_words(cell.source)
                assert missing not in printed and printed.count(cost) == 4, printed
                assert float(printed.rsplit(label, 1)[1]) > 0.9, printed
                trained += 1
        assert "raise NotImplementedError" not in str(
            [c.source for c in notebook.cells if "exercise" in tags(c)]
        )
    assert trained == 1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_expected_outputs_use_the_editions_decimal_separator(site, lang):
    notebook = nbformat.read(exercise_notebooks(site, lang)[PAGE], as_version=4)
    blocks = [
        block
        for c in notebook.cells
        if c.cell_type == "markdown"
        for block in re.findall(r"```\n(.*?)\n```", c.source, flags=re.S)
        if re.match(r"\w+ = ", block)
    ]
    text = "\n".join(blocks)
    assert len(blocks) == 8  # every exercise but the initialization, which shows shapes
    assert ("cost = 0,693147" if lang in TRANSLATED else "cost = 0.693147") in text
    wrong = r"\d\.\d" if lang in TRANSLATED else r"\d,\d"
    assert not re.search(wrong, text), text


def prose(notebook) -> str:
    return "\n\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")


def docstrings(notebook) -> str:
    return "\n\n".join(
        re.search(r'"""(.*?)"""', c.source, flags=re.S).group(1)
        for c in notebook.cells
        if "exercise" in tags(c)
    )


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_text_is_in_the_editions_language(site, lang):
    """No English sentence left in the prose or the docstrings (fails until translated)."""
    english = nbformat.read(exercise_notebooks(site, "en")[PAGE], as_version=4)
    other = nbformat.read(exercise_notebooks(site, lang)[PAGE], as_version=4)

    def sentences(text):
        return {
            p.strip()
            for p in re.split(r"\n\s*\n", masked(text))
            if len(re.findall(r"\b[A-Za-z]{3,}\b", re.sub(r"`[^`]*`", " ", p))) >= 3
        }

    for part in (prose, docstrings):
        left = sentences(part(english)) & sentences(part(other))
        assert not left, f"English left in the {lang} exercises:\n" + "\n".join(sorted(left))


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_text_spelling(site, lang):
    notebook = nbformat.read(exercise_notebooks(site, lang)[PAGE], as_version=4)
    text = words_to_check(masked(prose(notebook) + "\n\n" + docstrings(notebook)))
    unknown = unknown_words(lang, text)
    assert unknown == [], f"unknown {lang} words in the exercise notebooks: {unknown}"
