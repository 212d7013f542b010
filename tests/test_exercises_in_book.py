"""The exercises at the end of the chapters, on the built site, in every edition.

Each chapter from the notation to training ends with its exercises
(``docs/_ext/exercises.py``): two to four, numbered from 1 on each page,
each with one answer in a ``<details>`` element that is closed when the
page opens, so that it needs no script, works from ``file://`` and opens
from the keyboard. The worked example keeps the six exercises it had.

The translated editions must show the labels and the text of the
exercises in their own language: those tests pass only once the
translators have filled the new entries of the catalogs (the labels in
``sphinx.po``, the text in each chapter's catalog).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_site import AXE, LANGUAGES, TRANSLATED, axe_source, chromium, wait_for

CHAPTERS = [
    "notation",
    "forward",
    "backward",
    "putting_together",
    "worked_example",
    "gradient_checking",
    "training",
]
HOW_MANY = {name: range(2, 5) for name in CHAPTERS} | {
    "worked_example": range(6, 7),
    "backward": range(7, 8),  # with three derivations (issue 27)
}


class Exercises(HTMLParser):
    """The exercises of a page: label, id, question text, answers (open?, summary, text)."""

    def __init__(self, path: Path):
        super().__init__()
        self.exercises: list[dict] = []
        self.last_section = None  # the id of the last <section> opened
        self._div = 0  # depth of <div> inside the current exercise
        self._title = self._summary = 0
        self._skip_tag, self._skip = None, 0  # code, pre, svg and math are not text
        self._details: dict | None = None
        self.feed(path.read_text(encoding="utf-8"))

    @property
    def current(self):
        return self.exercises[-1] if self._div else None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if self._skip and tag == self._skip_tag:
            self._skip += 1
        elif not self._skip and (tag in ("code", "pre", "svg") or "math" in classes):
            self._skip_tag, self._skip = tag, 1
        if tag == "section":
            self.last_section = a.get("id")
        if tag == "div" and self._div:
            self._div += 1
        elif tag == "div" and {"exercise", "admonition"} <= set(classes):
            self._div = 1
            self.exercises.append(
                {"id": a.get("id"), "label": "", "question": "", "answers": [], "after": None}
            )
            self.exercises[-1]["section"] = self.last_section
        if self.current is None:
            return
        if tag == "p" and "admonition-title" in classes:
            self._title = 1
        if tag == "details":
            self._details = {"open": "open" in a, "first": None, "summary": "", "text": ""}
            self.current["answers"].append(self._details)
        elif self._details is not None and self._details["first"] is None:
            self._details["first"] = tag
        if tag == "summary":
            self._summary = 1

    def handle_endtag(self, tag):
        if self._skip and tag == self._skip_tag:
            self._skip -= 1
        if self.current is None:
            return
        if tag == "div":
            self._div -= 1
        if tag == "p":
            self._title = 0
        if tag == "summary":
            self._summary = 0
        if tag == "details":
            self._details = None

    def handle_data(self, data):
        ex = self.current
        if ex is None:
            return
        if self._title:
            ex["label"] += data
        elif self._summary:
            self._details["summary"] += data
        elif not self._skip and self._details is not None:
            self._details["text"] += data
        elif not self._skip:
            ex["question"] += data


def exercises(site: Path, lang: str, name: str) -> list[dict]:
    return Exercises(site / lang / f"{name}.html").exercises


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_chapter_ends_with_numbered_exercises(site, lang):
    for name in CHAPTERS:
        found = exercises(site, lang, name)
        assert len(found) in HOW_MANY[name], (lang, name, len(found))
        assert {ex["section"] for ex in found} == {"exercises"}, (lang, name)
        label = words(found[0]["label"]).rsplit(" ", 1)[0]
        for number, ex in enumerate(found, start=1):
            assert words(ex["label"]) == f"{label} {number}", (lang, name, ex["label"])
            assert ex["id"] == f"exercise-{number}", (lang, name)
            assert re.search(r"\w{3}", ex["question"]), (lang, name, number)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_exercise_has_one_closed_answer(site, lang):
    for name in CHAPTERS:
        for number, ex in enumerate(exercises(site, lang, name), start=1):
            where = f"{lang}/{name}.html, exercise {number}"
            assert len(ex["answers"]) == 1, where
            answer = ex["answers"][0]
            assert not answer["open"], f"{where}: the answer is open when the page opens"
            # A <summary> as the first child is what the keyboard reaches
            # and what opens the <details>.
            assert answer["first"] == "summary", where
            assert words(answer["summary"]), where
            assert len(words(answer["text"])) > 40, where


def test_the_answer_label_is_the_same_everywhere_in_an_edition(site):
    for lang in LANGUAGES:
        labels = {
            words(ex["answers"][0]["summary"])
            for name in CHAPTERS
            for ex in exercises(site, lang, name)
        }
        assert len(labels) == 1, (lang, labels)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_exercises_are_translated(site, lang):
    """Passes once the translators have filled the catalogs (see the module's docstring)."""
    label = words(exercises(site, "en", "notation")[0]["label"]).rsplit(" ", 1)[0]
    answer = words(exercises(site, "en", "notation")[0]["answers"][0]["summary"])
    left = {}
    for name in CHAPTERS:
        pairs = zip(exercises(site, "en", name), exercises(site, lang, name), strict=True)
        for en, other in pairs:
            english = [
                (words(other["label"]) == words(en["label"]), f"the label {label!r}"),
                (words(other["answers"][0]["summary"]) == answer, f"the label {answer!r}"),
                (words(other["question"]) == words(en["question"]), "a question"),
                (
                    words(other["answers"][0]["text"]) == words(en["answers"][0]["text"]),
                    "an answer",
                ),
            ]
            for same, what in english:
                if same:
                    left.setdefault(name, set()).add(what)
    assert not left, f"{lang}: English left in the exercises: {left}"


# In Chromium, offline, from file://


@pytest.fixture(scope="module")
def browser():
    driver = chromium()
    yield driver
    driver.quit()


HIDDEN = """
return [...document.querySelectorAll('div.exercise details')].map(d => [
  d.open, d.querySelector('.sd-summary-content').checkVisibility()]);
"""


FOCUS_PREVIOUS = """
const all = [...document.querySelectorAll('a[href], [tabindex], summary, button, input')]
  .filter(e => e.tabIndex >= 0 && e.checkVisibility());
const i = all.indexOf(arguments[0]);
// the nearest one before it that takes the focus (a heading's ¶ link is hidden until
// the pointer is on the heading)
for (let k = i - 1; k >= 0; k--) {
  all[k].focus();
  if (document.activeElement === all[k]) break;
}
return i;
"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_browser_answers_open_from_the_keyboard(site, browser, lang):
    """Hidden when the page opens; Tab reaches every answer's summary, Enter opens it."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    for name in CHAPTERS:
        browser.get((site / lang / f"{name}.html").as_uri())
        wait_for(browser, "return document.readyState === 'complete'")
        state = browser.execute_script(HIDDEN)
        assert state and all(s == [False, False] for s in state), (lang, name, state)
        summaries = browser.find_elements(By.CSS_SELECTOR, "div.exercise details > summary")
        is_active = "return document.activeElement === arguments[0]"
        for number, summary in enumerate(summaries, start=1):
            # From the focusable element before it, one Tab reaches the summary;
            # Enter opens it.
            assert browser.execute_script(FOCUS_PREVIOUS, summary) > 0, (lang, name, number)
            browser.switch_to.active_element.send_keys(Keys.TAB)
            assert browser.execute_script(is_active, summary), (lang, name, number)
            summary.send_keys(Keys.ENTER)
            opened = browser.execute_script("return arguments[0].parentElement.open", summary)
            assert opened, (lang, name, number)
        state = browser.execute_script(HIDDEN)
        assert all(s == [True, True] for s in state), (lang, name, state)


def test_browser_axe_finds_no_wcag_violation_in_open_answers(site, browser):
    """The answers are hidden when the page opens, so the site's axe test does not see them."""
    axe = axe_source()
    browser.set_script_timeout(120)
    violations = {}
    for name in CHAPTERS:
        browser.get((site / "en" / f"{name}.html").as_uri())
        wait_for(browser, "return document.querySelectorAll('mjx-container').length > 0")
        browser.execute_script(
            "document.querySelectorAll('div.exercise details').forEach(d => d.open = true)"
        )
        browser.execute_script(axe)
        found = browser.execute_async_script(AXE, {"include": [["#exercises"]]})
        if found:
            violations[name] = found
    assert not violations, violations
