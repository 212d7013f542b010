"""The notebooks a learner gets without building the book (issue 27, section 2).

``python -m dnn_textbook.notebooks --lang uk DEST`` writes the notebooks of an
edition, shipped inside the package like the compiled messages. They must be
the ones the site build makes, in every edition, or they would go stale:
``python3 dev.py site`` copies them, and the test below compares.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from test_site import LANGUAGES

import dnn_textbook
from dnn_textbook import notebooks

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "dnn_textbook" / "notebooks"
FOLDERS = ("_exercises", "_notebooks")
#: The application chapter says how long its training took on the machine that built it.
TIMING = re.compile(r"\d+[.,]\d+(?=[ \u00a0\u202f]?[sс]\b)")


def without_timings(path: Path) -> str:
    return TIMING.sub("…", path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_shipped_notebooks_are_the_ones_the_site_build_makes(site, lang):
    for folder in FOLDERS:
        built = {p.name: p for p in (site / lang / folder).glob("*.ipynb")}
        shipped = {p.name: p for p in (SHIPPED / lang / folder).glob("*.ipynb")}
        assert built and set(shipped) == set(built), f"{lang}/{folder}: run python3 dev.py site"
        for name, path in built.items():
            assert without_timings(shipped[name]) == without_timings(path), (
                f"{lang}/{folder}/{name} is stale: run python3 dev.py site and commit"
            )


def run(*args, language="en", cwd=None):
    env = dict(os.environ, LANGUAGE=language, LC_ALL="C.UTF-8")
    return subprocess.run(
        [sys.executable, "-m", "dnn_textbook.notebooks", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
    )


def test_the_command_writes_the_notebooks_of_the_language(tmp_path):
    result = run("--lang", "uk", str(tmp_path / "mine"))
    assert result.returncode == 0, result.stderr
    written = sorted(str(p.relative_to(tmp_path / "mine")) for p in tmp_path.rglob("*.ipynb"))
    assert "build_it_yourself.ipynb" in written
    assert {"exercises/forward.ipynb", "chapters/forward.ipynb"} <= set(written)
    assert len(written) == len(notebooks.notebooks("uk"))
    main = nbformat.read(tmp_path / "mine" / "build_it_yourself.ipynb", as_version=4)
    assert main.metadata["dnn_textbook"] == {"exercises": "build_it_yourself", "language": "uk"}
    assert "dnn_textbook.set_language('uk')" in main.cells[3].source + main.cells[2].source
    chapter = nbformat.read(tmp_path / "mine" / "chapters" / "backward.ipynb", as_version=4)
    assert chapter.metadata["dnn_textbook"]["language"] == "uk"
    assert f"Wrote {len(written)} notebooks into" in result.stdout
    assert "build_it_yourself.ipynb" in result.stdout.splitlines()[-1]


def test_the_command_never_replaces_a_learners_notebook(tmp_path):
    assert run("--lang", "fr", str(tmp_path)).returncode == 0
    mine = tmp_path / "build_it_yourself.ipynb"
    mine.write_text("my work", encoding="utf-8")
    result = run("--lang", "fr", str(tmp_path), language="uk")
    assert result.returncode == 2
    assert mine.read_text(encoding="utf-8") == "my work"
    assert "вже існує" in result.stderr or "уже існує" in result.stderr, result.stderr
    assert "--force" in result.stderr
    assert run("--lang", "fr", "--force", str(tmp_path)).returncode == 0
    assert mine.read_text(encoding="utf-8") != "my work"


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "there are no notebooks in the language 'de'; the languages are en, fr, uk"),
        ("fr", "il n'y a pas de notebooks dans la langue 'de'\u202f; les langues sont en, fr, uk"),
        ("uk", "блокнотів мовою 'de' немає; є такі мови: en, fr, uk"),
    ],
)
def test_an_unknown_language_is_named_in_the_librarys_language(tmp_path, language, words):
    result = run("--lang", "de", str(tmp_path), language=language)
    assert result.returncode == 2
    assert result.stderr.strip() == f"python -m dnn_textbook.notebooks: {words}"
    assert not any(tmp_path.iterdir())


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "Write the notebooks of the book in one language into a folder"),
        ("fr", "Écrit dans un dossier les notebooks du livre dans une langue"),
        ("uk", "Записує в теку блокноти підручника однією мовою"),
    ],
)
def test_the_help_is_in_the_librarys_language(language, words):
    result = run("--help", language=language)
    assert result.returncode == 0
    text = re.sub(r"\s+", " ", result.stdout)
    assert words in text and "--lang" in text and "--force" in text


def test_other_spellings_of_a_language_are_understood():
    assert notebooks.notebooks("uk-UA") == notebooks.notebooks("ua") == notebooks.notebooks("uk")
    assert set(notebooks.notebooks("fr_FR")) == set(notebooks.notebooks("en"))


def test_the_notebooks_ship_in_the_package_data():
    import tomllib

    with (ROOT / "pyproject.toml").open("rb") as f:
        data = tomllib.load(f)["tool"]["setuptools"]["package-data"]
    assert data["dnn_textbook.notebooks"] == ["*/_exercises/*.ipynb", "*/_notebooks/*.ipynb"]
    for lang in LANGUAGES:
        assert (SHIPPED / lang / "_exercises" / "build_it_yourself.ipynb").exists()
    assert dnn_textbook.__file__  # the package imports with them beside it


# The learner's way in: the README and the front page of each edition


def test_the_readme_starts_with_the_learners_three_steps():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", readme, flags=re.MULTILINE)
    assert headings[0] == "Learn with it: three steps"
    assert headings.index("Contributing") > 0
    steps = readme.split("## Learn with it: three steps", 1)[1].split("\n## ", 1)[0]
    assert "pip install . jupyter matplotlib" in steps
    assert "python -m dnn_textbook.notebooks --lang en my_notebooks" in steps
    assert "jupyter lab my_notebooks/build_it_yourself.ipynb" in steps
    assert "dev.py" not in steps
    assert "https://dnn-textbook.github.io/dnn_textbook/" in readme.split("## ", 1)[0]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_front_page_starts_with_the_learners_steps_in_its_language(site, lang):
    from bs4 import BeautifulSoup

    page = BeautifulSoup((site / lang / "index.html").read_text(encoding="utf-8"), "html.parser")
    sections = page.select("article section section")
    first = sections[0]
    code = " ".join(pre.get_text() for pre in first.find_all("pre"))
    assert f"python -m dnn_textbook.notebooks --lang {lang} my_notebooks" in code
    assert "pip install . jupyter matplotlib" in code
    assert "build_it_yourself.ipynb" in first.get_text()
    assert "dev.py" not in first.get_text()
    # "pip install dnn_textbook" only with the caveat that it is not released yet
    for pre in page.find_all("pre"):
        if pre.get_text().strip() == "pip install dnn_textbook":
            before = pre.find_previous("p").get_text()
            assert "PyPI" in before, before
