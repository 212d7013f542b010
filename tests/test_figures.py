"""The figures drawn from the library (``docs/_ext/library_figures.py``), in every edition.

Each figure is on its page, named by a link in the text, with alt text in the
edition's language; a French or Ukrainian figure has no English word left and
writes its decimals with a comma; every figure fits the text column at 390 and
1280 px in Chromium; and a figure follows the library: a changed value of the
worked example, or a changed function, changes the drawing.
"""

from __future__ import annotations

import doctest
import re
import sys
from html import unescape
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "docs" / "_ext"))
import library_figures  # noqa: E402
from test_site import LANGUAGES, TRANSLATED, chromium  # noqa: E402

# page -> the anchors of its figures
FIGURES = {
    "forward": ["fig-layer-graph"],
    "backward": ["fig-layer-graph-backward", "fig-activations", "fig-shapes"],
    "putting_together": ["fig-seed"],
    "gradient_checking": ["fig-gradient-check"],
    "worked_example": ["fig-worked-example"],
}
CHAPTERS = [
    "notation",
    "forward",
    "backward",
    "putting_together",
    "training",
    "gradient_checking",
    "worked_example",
    "application",
]
# Names that are the same in every edition (the book keeps « la leaky ReLU » and
# «leaky ReLU», and log is a function), and French words spelled as English ones.
NAMES = {"relu", "tanh", "leaky", "log"}
SAME = {"fr": NAMES | {"cache", "relative", "activation", "page", "axes"}, "uk": NAMES}


def figure_html(site: Path, lang: str, page: str, anchor: str) -> str:
    html = (site / lang / f"{page}.html").read_text(encoding="utf-8")
    match = re.search(rf'<figure[^>]*\bid="{anchor}"[^>]*>.*?</figure>', html, re.S)
    assert match, f"{lang}/{page}: no figure {anchor}"
    return match[0]


def alt_text(figure: str) -> str:
    svg = re.search(r"<svg\b[^>]*>", figure)[0]
    assert 'role="img"' in svg, svg
    return unescape(re.search(r'aria-label="([^"]*)"', svg)[1])


def drawn_text(figure: str) -> list[str]:
    """The words of the drawing: the content of its <text> elements."""
    return [unescape(t).strip() for t in re.findall(r"<text\b[^>]*>(.*?)</text>", figure, re.S)]


def words(texts) -> set[str]:
    return {w.lower() for t in texts for w in re.findall(r"[^\W\d_]{3,}", t)}


ALL = [(page, anchor) for page, anchors in FIGURES.items() for anchor in anchors]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_figure_is_on_its_page_named_in_the_text_with_alt_text(site, lang):
    for page, anchor in ALL:
        figure = figure_html(site, lang, page, anchor)
        assert len(drawn_text(figure)) > 5, (lang, anchor)
        assert len(alt_text(figure)) > 80, (lang, anchor)
        assert "<figcaption>" in figure, (lang, anchor)
        html = (site / lang / f"{page}.html").read_text(encoding="utf-8")
        # a link of the text to the figure, not only the caption's own ¶
        assert re.search(rf'<a class="reference internal" href="#{anchor}"', html), (lang, anchor)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translated_figures_have_no_english_word(site, lang):
    for page, anchor in ALL:
        english = figure_html(site, "en", page, anchor)
        figure = figure_html(site, lang, page, anchor)
        left = words(drawn_text(figure)) & (words(drawn_text(english)) - SAME[lang])
        assert not left, (lang, anchor, left)
        left = words([alt_text(figure)]) & (words([alt_text(english)]) - SAME[lang])
        assert not left, (lang, anchor, "alt text", left)
        assert alt_text(figure) != alt_text(english)


def decimals(texts) -> tuple[list[str], list[str]]:
    text = " ".join(texts)
    return re.findall(r"\d\.\d", text), re.findall(r"\d,\d", text)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translated_figures_write_decimal_commas(site, lang):
    with_decimals = 0
    for page, anchor in ALL:
        points, _ = decimals(drawn_text(figure_html(site, "en", page, anchor)))
        translated_points, commas = decimals(drawn_text(figure_html(site, lang, page, anchor)))
        assert not translated_points, (lang, anchor, translated_points)
        if points:
            with_decimals += 1
            assert commas, (lang, anchor)
    assert with_decimals >= 3  # activations, seed, worked example


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_chapter_opens_with_what_the_reader_will_be_able_to_do(site, lang):
    for page in CHAPTERS:
        html = (site / lang / f"{page}.html").read_text(encoding="utf-8")
        box = re.search(r'<div class="objectives admonition">(.*?)</div>', html, re.S)
        assert box, (lang, page)
        assert 3 <= box[1].count("<li>") <= 5, (lang, page)
        # before the first section of the chapter
        assert html.index('class="objectives admonition"') < html.index(
            "<section", html.index("<section") + 1
        ), (lang, page)


# The figures follow the library


def worked_example_of_the_page() -> dict:
    """X, Y and the parameters, as the doctests of docs/worked_example.rst define them."""
    text = (ROOT / "docs" / "worked_example.rst").read_text(encoding="utf-8")
    namespace: dict = {}
    for example in doctest.DocTestParser().get_examples(text):
        exec(compile(example.source, "worked_example.rst", "exec"), namespace)  # noqa: S102
        if "parameters" in namespace:
            return namespace
    raise AssertionError("the page defines no parameters")


def test_the_worked_example_figure_draws_the_pages_network():
    page = worked_example_of_the_page()
    data = library_figures.WORKED_EXAMPLE
    assert np.array_equal(page["X"], data["X"]) and np.array_equal(page["Y"], data["Y"])
    assert set(page["parameters"]) == set(data["parameters"])
    for name, value in page["parameters"].items():
        assert np.array_equal(value, data["parameters"][name]), name


def labels(name: str) -> dict:
    return {key: f"{key} words" for key in library_figures.FIGURES[name][0]}


def test_a_changed_value_of_the_worked_example_changes_its_figure(monkeypatch):
    before = library_figures.draw("worked-example", labels("worked-example"))
    assert "0.5 | 0.5" in before  # the output, sigma(0) for both examples
    changed = {**library_figures.WORKED_EXAMPLE["parameters"], "b3": [[1.0]]}
    monkeypatch.setitem(library_figures.WORKED_EXAMPLE, "parameters", changed)
    after = library_figures.draw("worked-example", labels("worked-example"))
    assert after != before
    # z = -1 for both examples now: sigma(-1) = 0.269
    assert "0.269 | 0.269" in after and "0.5 | 0.5" not in after
    french = library_figures.draw("worked-example", labels("worked-example"), "fr")
    assert "0,269 | 0,269" in french


def test_a_changed_library_function_changes_its_figure(monkeypatch):
    """The dot at the kink is the value that relu_derivative returns at 0."""
    import dnn_textbook

    words = {**labels("activations"), "taken": "t"}
    before = library_figures.draw("activations", words)
    assert ">t: 0</text>" in before
    monkeypatch.setattr(dnn_textbook, "relu_derivative", lambda Z: (np.asarray(Z) >= 0) * 1.0)
    after = library_figures.draw("activations", words)
    assert ">t: 1</text>" in after


def test_a_text_that_runs_out_of_its_drawing_is_found():
    """The build warns (with -W, fails) where a text runs out of its drawing."""
    import matplotlib.pyplot as plt

    fig, ax = library_figures.canvas(100)
    ax.text(library_figures.WIDTH - 5, 50, "a label that runs far out of the drawing")
    assert library_figures.outside(fig)
    plt.close(fig)


# In Chromium: the figures fit the column


FIT = """
const column = document.querySelector('article').getBoundingClientRect();
return [...document.querySelectorAll('figure.library-figure')].map(f => {
  const svg = f.querySelector('svg'), box = svg.getBoundingClientRect();
  const sizes = [...svg.querySelectorAll('text')].filter(t => t.getClientRects().length)
    .map(t => { const m = t.getScreenCTM();
                return Math.hypot(m.a, m.b) * parseFloat(getComputedStyle(t).fontSize); });
  return {id: f.id, left: box.left - column.left, right: box.right - column.right,
          width: box.width, letters: Math.min(...sizes), count: sizes.length};
});
"""


@pytest.fixture(scope="module")
def browser():
    driver = chromium()
    yield driver
    driver.quit()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_browser_figures_fit_the_column_and_stay_readable(site, browser, lang):
    problems, smallest = [], {}
    for width in (1280, 390):
        browser.set_window_size(width, 900)
        try:
            for page, anchors in FIGURES.items():
                browser.get((site / lang / f"{page}.html").as_uri())
                found = {f["id"]: f for f in browser.execute_script(FIT)}
                assert set(found) == set(anchors), (page, found)
                for anchor, f in found.items():
                    where = f"{width} px {lang}/{page} {anchor}"
                    smallest[width] = min(smallest.get(width, 99), f["letters"])
                    if f["left"] < -1 or f["right"] > 1:
                        problems.append(f"{where}: outside the column {f}")
                    if f["count"] < 5 or f["letters"] < 10.5:
                        problems.append(f"{where}: letters of {f['letters']:.1f} px")
        finally:
            browser.set_window_size(1300, 900)
    print(f"{lang}: smallest letters {smallest[390]:.1f} px (390), {smallest[1280]:.1f} px (1280)")
    assert not problems, "\n".join(problems)
