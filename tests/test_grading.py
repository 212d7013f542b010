"""The grader on a class: each learner's verdicts, the files the lecturer gets, isolation.

The class (:mod:`grading_class`) holds right and wrong submissions, the
course's and the book's notebooks, the library's solution imported, tricks
that must never pass, functions that loop, exit, allocate 50 GB, fork,
print without end or write files, and files that cannot be read. It is
graded once for the module; the report is then written in each language.
"""

from __future__ import annotations

import csv
import hashlib
import html
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from grading_class import make_class

from dnn_textbook import set_language
from dnn_textbook.exercises import EXERCISES, MISTAKES, check
from dnn_textbook.exercises.grading import command, sandbox
from dnn_textbook.exercises.grading.grading import VERDICTS, Limits

SEED = 20250
LANGUAGES = ("en", "fr", "uk")


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def workers_alive() -> list[str]:
    """The grader's worker processes still running (their command line names sandbox.py)."""
    alive = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                line = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if sandbox.__file__ in line:
                alive.append(f"{entry.name}: {line}")
    return alive


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("class")
    expected = make_class(folder)
    before = snapshot(folder)
    set_language("en")
    grades = command.grade_all([folder], SEED, Limits(seconds=3), "en", jobs=2, progress=False)
    out = tmp_path_factory.mktemp("grades")
    run = {"seed": SEED, "seconds": 3.0, "memory": Limits.memory}
    for lang in LANGUAGES:
        set_language(lang)
        command.write(grades, out / lang, run, lang)
    set_language("en")
    return {
        "folder": folder,
        "expected": expected,
        "before": before,
        "grades": grades,
        "out": out,
        "alive": workers_alive(),
    }


def test_the_class_has_at_least_15_learners(graded):
    assert len(graded["grades"]) >= 15 == 15
    assert {g.learner for g in graded["grades"]} == set(graded["expected"])


def test_each_learner_gets_the_expected_verdicts(graded):
    wrong = {}
    for grade in graded["grades"]:
        expected = graded["expected"][grade.learner]
        if expected == "error":
            if grade.error is None:
                wrong[grade.learner] = "read, but it cannot be"
            continue
        assert grade.error is None, (grade.learner, grade.error)
        for name in EXERCISES:
            want = expected[name]
            verdict, mistakes = grade.exercises[name]["verdict"], grade.exercises[name]["mistakes"]
            allowed, _, ids = want.partition(":")
            if verdict not in allowed.split("|") or (ids and ids not in mistakes):
                wrong[f"{grade.learner}/{name}"] = (verdict, mistakes, want)
    assert not wrong, json.dumps(wrong, indent=1)


def test_one_mistake_costs_one_exercise(graded):
    ben = next(g for g in graded["grades"] if g.learner == "ben_mistakes")
    assert ben.total == len(EXERCISES) - 2
    assert "The mistake is in linear_backward" in ben.feedback
    assert "db-no-keepdims" in ben.feedback and "backward.html#" in ben.feedback


def test_outputs_copied_from_the_published_cases_pass_check_but_not_the_grader(graded):
    source = (graded["folder"] / "sam_copied_outputs.py").read_text(encoding="utf-8")
    start = source.index("def compute_cost")
    namespace: dict = {}
    exec(source[start : source.index("\ndef ", start + 1)], namespace)
    assert check("compute_cost", namespace["compute_cost"]).passed
    sam = next(g for g in graded["grades"] if g.learner == "sam_copied_outputs")
    assert sam.exercises["compute_cost"]["verdict"] == "failed"
    assert "hidden: m = " in sam.feedback  # the hidden cases of compute_cost fail


def test_no_worker_is_left_and_the_submissions_are_unchanged(graded):
    assert graded["alive"] == []
    assert snapshot(graded["folder"]) == graded["before"]
    assert not Path("/tmp/owned.txt").exists()


def test_feedback_speaks_the_language_of_the_notebooks_edition(graded):
    feedback = graded["out"] / "en" / "feedback"
    assert "Retour pour chloe_not_written" in (feedback / "chloe_not_written.txt").read_text(
        encoding="utf-8"
    )
    assert "dmytro_book_uk" in (text := (feedback / "dmytro_book_uk.txt").read_text("utf-8"))
    assert "зараховано" in text
    assert (feedback / "ada_right.txt").read_text(encoding="utf-8").startswith("Feedback for")
    unread = {g.learner for g in graded["grades"] if g.error}
    assert {p.stem for p in feedback.iterdir()} == set(graded["expected"]) - unread


@pytest.mark.parametrize("lang", LANGUAGES)
def test_csv_imports_as_a_gradebook(graded, lang):
    with (graded["out"] / lang / "grades.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["learner", *EXERCISES, "total"]
    assert len(rows) == len(graded["expected"])
    for row in rows:
        assert int(row["total"]) == sum(int(row[n]) for n in EXERCISES)
        assert all(row[n] in ("0", "1") for n in EXERCISES)
    by_name = {row["learner"]: row for row in rows}
    assert by_name["ada_right"]["total"] == str(len(EXERCISES))
    assert by_name["pia_broken_notebook"]["total"] == "0"


def test_json_for_scripts(graded):
    data = json.loads((graded["out"] / "en" / "grades.json").read_text(encoding="utf-8"))
    assert data["seed"] == SEED
    for learner in data["learners"]:
        assert {"learner", "file", "exercises"} <= set(learner)
        if graded["expected"][learner["learner"]] == "error":
            assert learner["error"]
            continue
        assert "error" not in learner
        for found in learner["exercises"].values():
            assert found["verdict"] in VERDICTS
            assert all(m in MISTAKES for m in found["mistakes"])


WORDS = {
    "en": ("Grades of the class", "passed", "timed out", "uses the library's solution"),
    "fr": (
        "Notes de la classe",
        "réussi",
        "délai dépassé",
        "utilise la solution de la bibliothèque",
    ),
    "uk": ("Оцінки групи", "зараховано", "перевищено час", "використовує розв’язок бібліотеки"),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_html_report_in_each_language(graded, lang):
    text = (graded["out"] / lang / "report.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in text
    for word in WORDS[lang]:
        word = html.escape(word)
        assert word in text, word
    assert "<script" not in text and "src=" not in text and "@import" not in text
    assert f"/{lang}/backward.html#" in text  # the mistakes link the edition's sections
    if lang == "fr":
        assert "\u202f%" in text  # 50 %, with a narrow no-break space
    for name in EXERCISES:
        assert f"<code>{name}</code>" in text


def test_the_command_names_an_unreadable_file_and_grades_the_others(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / "zoe.py").write_text(
        "import numpy as np\n"
        "def linear_forward(A, W, b):\n    return np.dot(W, A) + b, (A, W, b)\n",
        encoding="utf-8",
    )
    (folder / "yann.ipynb").write_text("{not json", encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "dnn_textbook.grade",
            str(folder),
            "--out",
            str(tmp_path / "out"),
            "--lang",
            "fr",
            "--seconds",
            "3",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, LANGUAGE="en"),
    )
    assert done.returncode == 0, done.stderr
    assert "yann.ipynb" in done.stderr and "JSON" in done.stderr
    assert "2 travaux notés sur 2" in done.stderr  # the progress line, in French
    rows = (tmp_path / "out" / "grades.csv").read_text(encoding="utf-8").splitlines()
    assert rows[2].startswith("zoe,0,1,")
    assert (tmp_path / "out" / "report.html").exists()
    assert (tmp_path / "out" / "feedback" / "zoe.txt").exists()


# The report in a real browser: no overflow at 1280 and 390 px, no accessibility violation


@pytest.fixture(scope="module")
def browser():
    from test_site import chromium

    driver = chromium()
    yield driver
    driver.quit()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_browser_report_fits_and_passes_axe(graded, browser, lang):
    from test_site import AXE, axe_source

    url = (graded["out"] / lang / "report.html").as_uri()
    browser.set_script_timeout(120)
    for width in (1280, 390):
        browser.set_window_size(width, 900)
        browser.get(url)
        inner = browser.execute_script("return window.innerWidth")
        overflow = browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, (lang, width, inner, overflow)
        browser.execute_script(axe_source())
        found = browser.execute_async_script(AXE, {"include": [["html"]]})
        assert not found, (lang, width, found)
