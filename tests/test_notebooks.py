"""The chapter notebooks of the built site: run, checked against the book, translated.

Every notebook of every edition is executed top to bottom in a fresh
kernel (nbclient, ipykernel), two at a time, and each code cell's output is
compared with the expected output of the doctest example it came from, with
doctest's own checker and the options of the test run (NORMALIZE_WHITESPACE,
ELLIPSIS). The French and Ukrainian notebooks must have the English code
and display math, and Markdown in their own language.
"""

from __future__ import annotations

import base64
import doctest
import os
import re
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from test_catalogs import MATH, unknown_words, words_to_check
from test_site import LANGUAGES, TRANSLATED, Page, chromium

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = {
    "notation",
    "forward",
    "backward",
    "putting_together",
    "gradient_checking",
    "training",
    "application",
}
LINK_TEXT = {
    "en": "Download this chapter as a Jupyter notebook",
    "fr": "Télécharger ce chapitre en notebook Jupyter",
    "uk": "Завантажити розділ як блокнот Jupyter",
}
OPTIONS = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS
WORKERS = 2


def notebooks(site: Path, lang: str) -> dict[str, Path]:
    return {p.stem: p for p in sorted((site / lang / "_notebooks").glob("*.ipynb"))}


def code_cells(notebook) -> list:
    return [c for c in notebook.cells if c.cell_type == "code"]


def is_setup(cell) -> bool:
    return "setup" in cell.metadata.get("tags", [])


def raises(cell) -> bool:
    return "raises-exception" in cell.metadata.get("tags", [])


def markdown(notebook) -> str:
    return "\n\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")


STOPPED: dict[tuple[str, str], str] = {}


@pytest.fixture(scope="session")
def executed(site, tmp_path_factory):
    """Every notebook, as built and after a run in a fresh kernel: {(lang, chapter): (nb, run)}.

    The run is Jupyter's "Run All": an error stops it, unless its cell is
    tagged ``raises-exception``; the error that stopped a run is kept in
    ``STOPPED``.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    jobs = [
        (lang, name, path) for lang in LANGUAGES for name, path in notebooks(site, lang).items()
    ]
    workdir = tmp_path_factory.mktemp("notebooks")
    # The kernel's messages in English unless the setup cell chooses, whatever the locale.
    env = dict(os.environ, LANGUAGE="en", LC_ALL="C.UTF-8")

    def run(job):
        lang, name, path = job
        built = nbformat.read(path, as_version=4)
        notebook = nbformat.read(path, as_version=4)
        client = NotebookClient(
            notebook,
            timeout=300,
            kernel_name="python3",
            allow_errors=False,
            resources={"metadata": {"path": workdir}},
        )
        start = time.perf_counter()
        try:
            client.execute(env=env)
        except CellExecutionError as error:
            STOPPED[lang, name] = str(error)[:2000]
        return (lang, name), (built, notebook, time.perf_counter() - start)

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        results = dict(pool.map(run, jobs))
    print(f"{len(jobs)} notebooks run in {time.perf_counter() - start:.1f} s ({WORKERS} at a time)")
    return results


def test_every_chapter_has_a_notebook_in_every_language(site):
    english = notebooks(site, "en")
    assert CHAPTERS <= set(english)
    for lang in LANGUAGES:
        assert set(notebooks(site, lang)) == set(english)
        for name, path in notebooks(site, lang).items():
            notebook = nbformat.read(path, as_version=4)
            nbformat.validate(notebook)
            assert notebook.metadata["dnn_textbook"] == {"chapter": name, "language": lang}
            assert notebook.cells[0].cell_type == "markdown"
            assert notebook.cells[0].source.startswith("# ")
            assert is_setup(notebook.cells[1])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_chapter_page_links_its_notebook(site, lang):
    names = notebooks(site, lang)
    linked = set()
    for page in (site / lang).glob("*.html"):
        html = page.read_text(encoding="utf-8")
        match = re.search(r'<p class="notebook-link"><a [^>]*href="([^"]+)"[^>]*>([^<]+)</a>', html)
        if match:
            href, text = match.groups()
            assert text == LINK_TEXT[lang], page.name
            assert (page.parent / href).resolve() == names[page.stem].resolve()
            linked.add(page.stem)
    assert linked == set(names)


def notebook_text(cell) -> str:
    """What a code cell shows, as doctest would have seen it."""
    text = ""
    for output in cell.outputs:
        if output.output_type == "error":
            return f"{output.ename}: {output.evalue}\n" if output.evalue else f"{output.ename}\n"
        if output.output_type == "stream" and output.name == "stdout":
            text += output.text
        if output.output_type == "execute_result":
            text += output.data["text/plain"] + "\n"
    return text


def expected_text(cell) -> str:
    """The expected output that the notebook stored from its doctest example."""
    for output in cell.outputs:
        if output.output_type == "error":
            return output.traceback[-1] + "\n"
    return notebook_text(cell)


# numbers, quoted names (not the apostrophe of « l'activation »), W[2], A_prev
TOKENS = re.compile(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?|(?<!\w)'[^']*'|\w+\[\d+\]|\w*_\w+")


def same_facts(want: str, got: str) -> bool:
    """A translated message: the same exception, numbers, shapes, quoted and code names.

    The library's messages and reports (an error, the checker's report, the
    accuracy that predict prints) speak the edition's language in its notebook."""
    kind = re.match(r"\w+(?:Error|Exception|Warning):", want)
    if kind and not got.startswith(kind.group()):
        return False
    # The words around them are translated and may come in another order.
    return not Counter(TOKENS.findall(want.replace("...", " "))) - Counter(TOKENS.findall(got))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_cell_gives_its_expected_output(executed, lang):
    checker = doctest.OutputChecker()
    problems, seconds, cells = [], 0.0, 0
    for (edition, name), (built, run, elapsed) in sorted(executed.items()):
        if edition != lang:
            continue
        seconds += elapsed
        chooses = "set_language" in code_cells(built)[0].source
        for before, after in zip(code_cells(built), code_cells(run), strict=True):
            cells += 1
            got = notebook_text(after)
            if is_setup(before):
                assert got == "", f"{lang}/{name}: the setup cell failed: {got}"
                continue
            want = expected_text(before)
            stderr = "".join(
                o.text for o in after.outputs if o.output_type == "stream" and o.name == "stderr"
            )
            if stderr:
                problems.append(f"{lang}/{name}: {before.source!r} wrote to stderr: {stderr}")
            if checker.check_output(want, got, OPTIONS):
                continue
            if lang != "en" and chooses and same_facts(want, got):
                continue  # the library's message in the edition's language
            problems.append(f"{lang}/{name}: {before.source!r}\nexpected: {want!r}\ngot: {got!r}")
    print(f"{lang}: {cells} code cells run in {seconds:.1f} s of kernel time")
    assert not problems, "\n\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_run_all_reaches_the_end_and_only_the_tagged_cells_raise(executed, lang):
    """Without --allow-errors: each expected error is tagged, and its cell does raise.

    nbclient goes on after a tagged cell that raises, but says nothing when a
    tagged cell does not raise: that is checked here, cell by cell.
    """
    tagged = 0
    for (edition, name), (built, run, _) in sorted(executed.items()):
        if edition != lang:
            continue
        assert (lang, name) not in STOPPED, f"{lang}/{name} stopped:\n{STOPPED[lang, name]}"
        for before, after in zip(code_cells(built), code_cells(run), strict=True):
            stored = any(o.output_type == "error" for o in before.outputs)
            assert raises(before) == stored, f"{lang}/{name}: {before.source!r}"
            raised = [o for o in after.outputs if o.output_type == "error"]
            assert bool(raised) == raises(before), f"{lang}/{name}: {before.source!r}"
            tagged += raises(before)
    assert tagged >= 3  # the wrong grouping, get_activation("softmax"), load_catvnoncat


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_application_notebook_trains_and_plots_inline(executed, lang):
    built, run, seconds = executed[lang, "application"]
    text = "".join(o.text for c in code_cells(run) for o in c.outputs if o.output_type == "stream")
    accuracies = [float(a) for a in re.findall(r"test accuracy (\d\.\d+)", text)]
    assert len(accuracies) == 2 and min(accuracies) > 0.9, text
    images = [
        o
        for c in code_cells(run)
        for o in c.outputs
        if o.output_type == "display_data" and "image/png" in o.data
    ]
    assert len(images) == 1
    assert not any("image/png" in o.get("data", {}) for c in code_cells(built) for o in c.outputs)
    assert seconds < 60
    plot = next(c for c in code_cells(built) if "edition-labels" in c.metadata.get("tags", []))
    assert "%matplotlib inline" in plot.source and "plt.show()" in plot.source


ATTACHED = re.compile(r"!\[(?:[^\]\\]|\\.)*\]\(attachment:([^)]+)\)")  # alt: A\[l\] too


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_figure_is_embedded_not_linked(site, lang):
    svgs = 0
    for name, path in notebooks(site, lang).items():
        notebook = nbformat.read(path, as_version=4)
        for cell in notebook.cells:
            if cell.cell_type != "markdown":
                continue
            names = ATTACHED.findall(cell.source)
            assert sorted(names) == sorted(cell.get("attachments", {})), f"{lang}/{name}"
            for attached in names:
                data = cell.attachments[attached]
                if "image/svg+xml" in data:
                    svg = base64.b64decode(data["image/svg+xml"]).decode("utf-8")
                    assert svg.startswith("<svg") and "<style>" in svg, f"{lang}/{name}"
                    svgs += 1
    # the lecture's diagram (putting_together); the cost curves are drawn by the notebook
    assert svgs >= 1
    page = (site / lang / "putting_together.html").read_text(encoding="utf-8")
    diagram = nbformat.read(notebooks(site, lang)["putting_together"], as_version=4)
    attached = [
        base64.b64decode(d["image/svg+xml"]).decode("utf-8")
        for c in diagram.cells
        for d in c.get("attachments", {}).values()
    ]
    labels = re.findall(r"<text [^>]*>([^<]+)</text>", attached[0])
    assert labels and all(label in page for label in labels)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_first_cell_gives_both_install_routes(site, lang):
    for name, path in notebooks(site, lang).items():
        first = nbformat.read(path, as_version=4).cells[0].source
        blocks = re.findall(r"```\n(.*?)\n```", first, flags=re.S)
        data = "[data]" in first
        extra = " matplotlib" if name == "application" else ""
        if data:
            assert blocks == [
                f'pip install "dnn_textbook[data]"{extra}',
                f'pip install ".[data]"{extra}',
            ]
        else:
            assert blocks == [f"pip install dnn_textbook{extra}", f"pip install .{extra}"], name


def english_code(cell) -> str:
    """A code cell's source, less the translated words: an edition's plot labels, comments.

    The comments of the checker's example on the page "Checking your own functions"
    are in the edition's language (``docs/_ext/translated_reports.py``).
    """
    source = re.sub(r"[ \t]+# [^\n]*$", "", cell.source, flags=re.M)
    if "edition-labels" in cell.metadata.get("tags", []):
        first, _, rest = source.partition("\n")
        assert first.startswith("labels = {"), cell.source
        return rest
    return source


@pytest.mark.parametrize("lang", TRANSLATED)
def test_code_and_display_math_are_the_english_ones(site, lang):
    for name, path in notebooks(site, "en").items():
        english = nbformat.read(path, as_version=4)
        other = nbformat.read(notebooks(site, lang)[name], as_version=4)
        assert [english_code(c) for c in code_cells(other) if not is_setup(c)] == [
            english_code(c) for c in code_cells(english) if not is_setup(c)
        ], name
        setup = [
            line for line in code_cells(other)[0].source.splitlines() if "set_language" not in line
        ]
        assert setup == [
            line
            for line in code_cells(english)[0].source.splitlines()
            if "set_language" not in line
        ], name
        # the same equations, but for the decimal comma of French and Ukrainian (0{,}5)
        equations = re.compile(r"\$\$.*?\$\$", re.S)
        theirs = [re.sub(r"(?<=\d)\{,\}(?=\d)", ".", e) for e in equations.findall(markdown(other))]
        assert theirs == equations.findall(markdown(english)), name
        assert len(markdown(other)) > 0.5 * len(markdown(english)), name


def masked(text: str) -> str:
    """Markdown without math, code, link targets, images and markup characters."""
    text = re.sub(r"\$\$.*?\$\$|```.*?```", " ", text, flags=re.S)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|<su[bp]>[^<]*</su[bp]>|\\(?=\W)", " ", text)
    # napoleon's "**name** (*type*) –" and "*type* –", masked as the catalog check masks them
    text = re.sub(r"\*\*[^*]+\*\* \(\*.*?\*\) –|^\*[^*].*?\* –", " ", text, flags=re.M)
    return MATH.sub(" ", text)


def paragraphs(notebook) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", masked(markdown(notebook)))]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_markdown_has_no_english_sentence(site, lang):
    left = []
    for name, path in notebooks(site, "en").items():
        english = {
            p
            for p in paragraphs(nbformat.read(path, as_version=4))
            if len(re.findall(r"\b[A-Za-z]{3,}\b", re.sub(r"`[^`]*`", " ", p))) >= 3
        }
        other = paragraphs(nbformat.read(notebooks(site, lang)[name], as_version=4))
        left += [f"{name}: {p}" for p in other if p in english]
    assert not left, "English left in the notebooks:\n" + "\n".join(left)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_markdown_spelling(site, lang):
    text = "\n".join(
        words_to_check(masked(markdown(nbformat.read(path, as_version=4))))
        for path in notebooks(site, lang).values()
    )
    unknown = unknown_words(lang, text)
    assert unknown == [], f"unknown {lang} words in the notebooks: {unknown}"


# A real browser, offline, from file://


@pytest.fixture(scope="module")
def browser():
    driver = chromium()
    yield driver
    driver.quit()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_browser_follows_the_notebook_link(site, browser, lang):
    from urllib.parse import unquote, urlparse

    from selenium.webdriver.common.by import By

    browser.get((site / lang / "backward.html").as_uri())
    link = browser.find_element(By.CSS_SELECTOR, ".notebook-link a")
    assert link.is_displayed()
    assert link.text == LINK_TEXT[lang]
    href = link.get_attribute("href")
    assert href.startswith("file://")
    path = Path(unquote(urlparse(href).path))
    assert path.resolve() == (site / lang / "_notebooks" / "backward.ipynb").resolve()
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    assert notebook.metadata["dnn_textbook"]["language"] == lang
    assert Page(site / lang / "backward.html").lang == lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_stored_error_of_the_library_speaks_the_editions_language(executed, lang):
    """Before a cell is run, the error it shows is the one it raises in that language."""
    stored = 0
    for (edition, name), (built, run, _) in sorted(executed.items()):
        if edition != lang:
            continue
        for before, after in zip(code_cells(built), code_cells(run), strict=True):
            error = [o for o in before.outputs if o.output_type == "error"]
            if not error or "..." in error[0].evalue:
                continue  # numpy's own message, cut short by its doctest's ellipsis
            stored += 1
            assert notebook_text(before) == notebook_text(after), f"{lang}/{name}"
    assert stored >= 2  # load_catvnoncat's and get_activation's
