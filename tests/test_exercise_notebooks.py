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
from pathlib import Path

import exercise_solutions
import nbformat
import pytest
from test_catalogs import unknown_words, words_to_check
from test_notebooks import masked
from test_site import LANGUAGES, TRANSLATED

from dnn_textbook.exercises import EXERCISES

ROOT = Path(__file__).resolve().parents[1]
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
    """The words the training cell prints, in order.

    Not written yet, the cost that is no longer a number, its usual cause, the cost
    after an iteration, the accuracy.
    """
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
                missing, _, _, _, accuracy = printed_words(cell.source)
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
                missing, diverged, _, cost, label = printed_words(cell.source)
                assert missing not in printed and printed.count(cost) == 4, printed
                assert diverged not in printed
                assert float(printed.rsplit(label, 1)[1]) > 0.9, printed
                # the cost is drawn inline, under the printed lines
                assert any("image/png" in o.get("data", {}) for o in cell.outputs), cell.outputs
                trained += 1
        assert "raise NotImplementedError" not in str(
            [c.source for c in notebook.cells if "exercise" in tags(c)]
        )
    assert trained == 1


def blocks_of(cell) -> list[str]:
    """The outputs a Markdown cell shows ("your function should return: ...")."""
    if cell.cell_type != "markdown":
        return []
    found = re.findall(r"```\n(.*?)\n```", cell.source, flags=re.S)
    return [block for block in found if re.match(r"\w+(:| =) ", block)]


def expected_blocks(notebook) -> list[str]:
    return [block for cell in notebook.cells for block in blocks_of(cell)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_expected_outputs_print_as_numpy_prints_them(site, lang):
    """A decimal point in every edition: ``[[0,5 0,5]]`` would read as four numbers.

    The decimal comma stays in the prose and the math of the French and Ukrainian
    editions.
    """
    import numpy as np

    from dnn_textbook.exercises import example

    notebook = nbformat.read(exercise_notebooks(site, lang)[PAGE], as_version=4)
    blocks = expected_blocks(notebook)
    text = "\n".join(blocks)
    assert len(blocks) == 9  # the initialization shows shapes
    assert f"cost = {example('compute_cost').expected}" in text
    AL = example("L_model_forward").expected[0]
    assert f"AL = {AL}" in text and str(AL) == str(np.array([[0.5, 0.5]]))
    assert not re.search(r"\d,\d", text), text
    if lang in TRANSLATED:
        assert re.search(r"\d,\d", prose(notebook))  # 0,01: the scale of the weights


def yours_cells(notebook) -> list:
    return [c for c in notebook.cells if "yours" in tags(c)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_expected_output_is_followed_by_the_learners_own(exercise_runs, site, lang):
    """After each "should return", a cell runs the learner's function on the same case.

    As shipped it says "not written yet"; with the course's solutions it prints,
    after one line of words, exactly the lines shown above it.
    """
    for (edition, name, solved), (notebook, error) in sorted(exercise_runs.items()):
        if edition != lang:
            continue
        assert error is None, error
        cells = notebook.cells
        expected_cells = [i for i, c in enumerate(cells) if blocks_of(c)]
        assert expected_cells and len(yours_cells(notebook)) == len(expected_cells), name
        for i in expected_cells:
            block = blocks_of(cells[i])[-1]
            cell = cells[i + 1]
            assert "yours" in tags(cell), f"{lang}/{name}: {cells[i].source}"
            assert f'example("{exercise(cell)}").args' in cell.source
            printed = "".join(o.get("text", "") for o in cell.outputs).rstrip("\n")
            if solved:
                words, got = printed.split("\n", 1)
                assert got == block, f"{lang}/{name}/{exercise(cell)}:\n{got}\n!=\n{block}"
            else:
                assert "\n" not in printed and printed, printed


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


# Issue 27: the practice in the lecture's terms, each notebook its own introduction,
# the section of each exercise linked at the book's address, the training that stops.

#: What the stubs of the backward pass must not say, in each edition: dA and dZ are
#: each example's derivatives, m times the cost's (the notation chapter).
COST_GRADIENT = {"en": "gradient of the cost", "fr": "gradient du coût", "uk": "градієнт вартості"}


def stub_cell(notebook, name):
    return next(c for c in notebook.cells if "exercise" in tags(c) and exercise(c) == name)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_stubs_of_the_backward_step_say_what_dz_and_da_are(site, lang):
    for name, path in exercise_notebooks(site, lang).items():
        notebook = nbformat.read(path, as_version=4)
        for cell in notebook.cells:
            if "exercise" in tags(cell):
                assert COST_GRADIENT[lang] not in cell.source.lower(), f"{lang}/{name}"
        if name in (PAGE, "backward", "putting_together"):
            assert "(dZ = m·∂J/∂Z)" in stub_cell(notebook, "linear_backward").source
            assert "(dA = m·∂J/∂A)" in stub_cell(notebook, "linear_activation_backward").source
    page = nbformat.read(exercise_notebooks(site, lang)[PAGE], as_version=4)
    assert r"dZ^{[l]} = dA^{[l]} \odot g^{[l]\prime}(Z^{[l]})" in prose(page)
    fourth = {"en": "fourth", "fr": "quatrième", "uk": "четверте"}[lang]
    assert fourth not in prose(page).lower()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_chapters_notebook_has_its_own_introduction(site, lang):
    found = exercise_notebooks(site, lang)
    page = nbformat.read(found[PAGE], as_version=4)
    page_intro = page.cells[1].source
    intros = set()
    for chapter, names in CHAPTERS.items():
        notebook = nbformat.read(found[chapter], as_version=4)
        intro = notebook.cells[1].source
        assert intro != page_intro and intro not in page_intro, f"{lang}/{chapter}"
        assert all(f"`{name}`" in intro for name in names), f"{lang}/{chapter}: {intro}"
        assert "nine functions" not in intro
        intros.add(intro)
    assert len(intros) == len(CHAPTERS)
    assert "nine functions" in page_intro or lang != "en"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_above_each_stub_a_link_to_its_section_at_the_books_address(site, lang):
    """The link works wherever the notebook is; its text is the section's name."""
    import tomllib
    from bs4 import BeautifulSoup

    import dnn_textbook
    from dnn_textbook.exercises import MISTAKES

    with (ROOT / "pyproject.toml").open("rb") as f:
        base = tomllib.load(f)["project"]["urls"]["Documentation"].rstrip("/")
    titles = {}
    dnn_textbook.set_language(lang)
    try:
        for mistake in MISTAKES.values():
            titles[mistake.section] = _translated(mistake.title)
    finally:
        dnn_textbook.set_language("en")
    for name, path in exercise_notebooks(site, lang).items():
        cells = nbformat.read(path, as_version=4).cells
        for i, cell in enumerate(cells):
            if "exercise" not in tags(cell):
                continue
            links = re.findall(r"\[([^\]]+)\]\(([^)]+)\)\s*$", cells[i - 1].source)
            assert links, f"{lang}/{name}: no link above {exercise(cell)}"
            text, url = links[-1]
            assert url.startswith(f"{base}/{lang}/"), url
            page, anchor = url[len(f"{base}/{lang}/") :].split("#")
            assert (page.removesuffix(".html"), anchor) in titles, url
            assert text == titles[page.removesuffix(".html"), anchor]
            html_page = (site / lang / page).read_text(encoding="utf-8")
            assert BeautifulSoup(html_page, "html.parser").find(id=anchor), url


def _translated(title: str) -> str:
    from dnn_textbook._i18n import _

    return _(title)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_word_of_a_stub_is_in_the_editions_language(site, lang):
    notebook = nbformat.read(exercise_notebooks(site, lang)[PAGE], as_version=4)
    comments = {
        line.strip()
        for c in notebook.cells
        if "exercise" in tags(c)
        for line in c.source.splitlines()
        if line.strip().startswith("#")
    }
    assert len(comments) == 1, comments
    assert (comments == {"# YOUR CODE HERE"}) == (lang == "en"), comments


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_setup_cell_has_what_pasted_solutions_use(site, lang):
    notebook = nbformat.read(exercise_notebooks(site, lang)[PAGE], as_version=4)
    setup = next(c for c in notebook.cells if "setup" in tags(c))
    assert "import copy" in setup.source.splitlines()


def update_parameters_2020(params, grads, learning_rate):
    parameters = copy.deepcopy(params)  # noqa: F821 (the notebook's setup imports copy)
    L = len(parameters) // 2
    for l in range(L):
        parameters["W" + str(l + 1)] -= learning_rate * grads["dW" + str(l + 1)]
        parameters["b" + str(l + 1)] -= learning_rate * grads["db" + str(l + 1)]
    return parameters


def initialize_parameters_unscaled(layer_dims):
    """Right on the checker's cases, weights 10 000 times too large for the training's network.

    So the test does not depend on what the checker recognises in an initialization.
    """
    np.random.seed(3)  # noqa: F821 (the notebook's setup imports numpy)
    scale = 100 if list(layer_dims) == [30, 7, 1] else 0.01
    parameters = {}
    for l in range(1, len(layer_dims)):
        W = np.random.randn(layer_dims[l], layer_dims[l - 1])  # noqa: F821
        parameters["W" + str(l)] = W * scale
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))  # noqa: F821
    return parameters


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_training_stops_when_the_cost_is_no_longer_a_number(site, lang, tmp_path):
    """As L_layer_model does: it says so, names the usual cause, and prints no accuracy.

    The pasted solutions are the course's, with the 2020 ``update_parameters``
    (``copy.deepcopy``, which the setup cell imports) and weights far too large.
    """
    from nbclient import NotebookClient

    notebook = with_solutions(nbformat.read(exercise_notebooks(site, lang)[PAGE], as_version=4))
    for cell in notebook.cells:
        if exercise(cell) == "update_parameters" and "exercise" in tags(cell):
            cell.source = inspect.getsource(update_parameters_2020).replace("_2020", "")
        if exercise(cell) == "initialize_parameters_deep" and "exercise" in tags(cell):
            source = inspect.getsource(initialize_parameters_unscaled)
            cell.source = source.replace("_unscaled", "_deep")
    client = NotebookClient(notebook, timeout=300, kernel_name="python3")
    client.execute(env=dict(os.environ, LANGUAGE="en", LC_ALL="C.UTF-8"))
    (training,) = [c for c in notebook.cells if "training" in tags(c)]
    printed = "".join(o.get("text", "") for o in training.outputs if o.get("name") == "stdout")
    missing, diverged, cause, _, accuracy = printed_words(training.source)
    assert missing not in printed, printed  # every check passed, the 2020 update included
    assert diverged in printed and cause in printed, printed
    assert accuracy not in printed, printed
    assert any("image/png" in o.get("data", {}) for o in training.outputs)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_checkers_example_report_is_in_the_editions_language(site, lang):
    """The page "Checking your own functions" shows the report the learner will see."""
    from bs4 import BeautifulSoup

    import dnn_textbook
    from dnn_textbook._i18n import _

    page = BeautifulSoup(
        (site / lang / "exercises.html").read_text(encoding="utf-8"), "html.parser"
    )
    code = "\n".join(pre.get_text() for pre in page.find_all("pre"))
    dnn_textbook.set_language(lang)
    try:
        label = _("the worked example, layer {l}").format(l=2)
        case = _("case {i}, {label}").format(i=1, label=label)
    finally:
        dnn_textbook.set_language("en")
    assert f"✗ {case}" in code, code
    if lang != "en":
        assert "✗ case 1, the worked example" not in code
        assert "# keepdims=True forgotten" not in code
