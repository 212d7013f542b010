"""The built site: three editions side by side, offline, with the same code everywhere.

The site is built once per test session (the ``site`` fixture of
``conftest.py``), exactly as ``python3 dev.py site`` builds it (``-W -n
--keep-going``: a warning fails the build), then read as files and, at the
end, opened in headless Chromium from ``file://`` with no network.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

import dnn_textbook

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "docs"))
sys.path.insert(0, str(ROOT / "docs" / "_ext"))
from build_site import LANGUAGES  # noqa: E402

IN_CI = os.environ.get("CI") == "true"
TRANSLATED = [lang for lang in LANGUAGES if lang != "en"]
# Words that are the same in the translation as in English.
SAME = {
    "dnn_textbook",
    "English",
    "Français",
    "Українська",
    "Notation",
    "Index",
    "Menu",
    "Notes",
    "module",
    "ReLU",
    "Furo",
    "Sphinx",
    "@pradyunsg",
    "Copyright",
}


class Page(HTMLParser):
    """What a test needs from a page: code, assets, links, language, chrome text."""

    def __init__(self, path: Path):
        super().__init__()
        self.lang, self.pre, self.assets, self.switcher, self.chrome = None, [], [], {}, []
        self._article = self._pre = self._switcher = 0
        self._skip = 0
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "article":
            self._article += 1
        if tag == "pre":
            self._pre += 1
            self.pre.append("")
        if tag == "nav" and "lang-switcher" in a.get("class", ""):
            self._switcher = 1
        if self._switcher and tag == "a":
            self.switcher[a["lang"]] = a["href"]
        if tag == "script" and a.get("src"):
            self.assets.append(a["src"])
        if tag == "link" and a.get("href") and a.get("rel") in ("stylesheet", "preload", "icon"):
            self.assets.append(a["href"])
        if tag in ("img", "source", "iframe") and a.get("src"):
            self.assets.append(a["src"])
        if not self._article:
            self.chrome += [a[k] for k in ("aria-label", "title", "placeholder") if a.get(k)]

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
        if tag == "article":
            self._article -= 1
        if tag == "pre":
            self._pre -= 1
        if tag == "nav":
            self._switcher = 0

    def handle_data(self, data):
        if self._pre:
            self.pre[-1] += data
        if not self._article and not self._skip and data.strip():
            self.chrome.append(data.strip())


def pages(site: Path, lang: str) -> list[str]:
    return sorted(str(p.relative_to(site / lang)) for p in (site / lang).rglob("*.html"))


def test_every_page_exists_in_all_three_editions(site):
    english = pages(site, "en")
    assert {"index.html", "forward.html", "backward.html", "search.html"} <= set(english)
    for lang in TRANSLATED:
        assert pages(site, lang) == english
    assert (site / "index.html").exists()


def strings_masked(code: str) -> str:
    """Code with its string literals (docstrings, printed words) as ``""``, and 0,5 as 0.5."""
    import io
    import tokenize

    code = re.sub(r"(?<=\d),(?=\d)", ".", code)  # the expected outputs' decimal separator

    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(code).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return code
    return tokenize.untokenize(
        (kind, '""' if kind == tokenize.STRING else text) for kind, text, *_ in tokens
    )


# The exercises' stubs carry docstrings, and their code the words it prints and
# the language it sets, in the edition's language (docs/_ext/exercise_notebooks.py).
TRANSLATED_STRINGS = {"build_it_yourself.html"}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_code_is_identical_in_every_edition(site, lang):
    for name in pages(site, "en"):
        english, other = Page(site / "en" / name), Page(site / lang / name)
        if name in TRANSLATED_STRINGS:
            assert [strings_masked(c) for c in other.pre] == [
                strings_masked(c) for c in english.pre
            ], name
            assert other.pre != english.pre, name
            continue
        assert other.pre == english.pre, name
    assert sum(len(Page(site / "en" / n).pre) for n in pages(site, "en")) > 50


def test_no_remote_asset(site):
    for path in site.rglob("*.html"):
        for asset in Page(path).assets:
            assert not re.match(r"(https?:)?//", asset), f"{path}: {asset}"
    for css in site.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", css.read_text(encoding="utf-8")), css


@pytest.mark.parametrize("lang", LANGUAGES)
def test_html_lang_and_switcher_lead_to_the_same_page(site, lang):
    for name in pages(site, lang):
        page = Page(site / lang / name)
        assert page.lang == lang, name
        assert set(page.switcher) == set(LANGUAGES) - {lang}, name
        for other, href in page.switcher.items():
            target = (site / lang / name).parent / href
            assert target.resolve() == (site / other / name).resolve(), (name, href)
            assert target.exists()


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_english_interface_text(site, lang):
    english_chrome = set()
    for name in pages(site, "en"):
        english_chrome.update(Page(site / "en" / name).chrome)
    for name in pages(site, lang):
        left = {s.removesuffix(" - dnn_textbook") for s in Page(site / lang / name).chrome}
        left &= {s.removesuffix(" - dnn_textbook") for s in english_chrome}
        left = {
            s
            for s in left
            if s not in SAME
            and re.search(r"[A-Za-z]{2}", s)
            and s.split(".")[0].removesuffix("()") not in dnn_textbook.__all__
            and not re.fullmatch(r"[\w.]+\(\)|dnn_textbook[\w.]*|[\w.]*_[\w.]*", s)
        }
        assert not left, f"{lang}/{name}: English left in the interface: {sorted(left)}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_search_and_copy_messages_are_translated(site, lang):
    text = (site / lang / "_static" / "translations.js").read_text(encoding="utf-8")
    messages = json.loads(text[text.index("(") + 1 : text.rindex(")")])["messages"]
    for message in ("Search Results", "Searching", "Preparing search..."):
        assert messages[message] not in ("", message), message
    copybutton = (site / lang / "_static" / "copybutton.js").read_text(encoding="utf-8")
    assert {"fr": "Copier", "uk": "Копіювати"}[lang] in copybutton


@pytest.mark.parametrize("lang", TRANSLATED)
def test_footer_is_translated(site, lang):
    for name in pages(site, lang):
        text = (site / lang / name).read_text(encoding="utf-8")
        footer = text[text.index('<div class="copyright">') :]
        footer = footer[: footer.index("</div>")]
        assert "contributors" not in footer and "Copyright" not in footer, (name, footer)
        assert {"fr": "contributeurs", "uk": "автори"}[lang] in footer, (name, footer)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_signatures_show_defaults_as_written(site, lang):
    """``dtype=np.float64``, not the repr ``<class 'numpy.float64'>``."""
    for name in pages(site, lang):
        text = (site / lang / name).read_text(encoding="utf-8")
        assert "&lt;class" not in text and "<class '" not in text, name
    assert "dtype=np.float64" in re.sub(
        r"<[^>]+>", "", (site / lang / "training.html").read_text(encoding="utf-8")
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_scrolling_regions_and_captions_are_accessible(site, lang):
    """Static half of the axe-core test below: it runs where Chromium is missing."""
    for name in pages(site, lang):
        text = (site / lang / name).read_text(encoding="utf-8")
        for tag in re.findall(r"<pre\b[^>]*>", text):
            assert 'tabindex="0"' in tag, (name, tag)
        for tag in re.findall(r"<[^>]*\brole=\"heading\"[^>]*>", text):
            assert "aria-level=" in tag, (name, tag)
    for tag in re.findall(
        r'<div class="table-wrapper[^>]*>',
        (site / lang / "performance.html").read_text(encoding="utf-8"),
    ):
        assert 'tabindex="0"' in tag, tag


@pytest.mark.parametrize("lang", LANGUAGES)
def test_diagram_lies_inside_its_viewbox(site, lang):
    """Every label of the chain diagram, the lowest one included, is inside the drawing."""
    text = (site / lang / "putting_together.html").read_text(encoding="utf-8")
    svg = re.search(r'<figure class="lecture-diagram".*?</figure>', text, re.S).group()
    width, height = map(float, re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg).groups())
    labels = re.findall(r'<text x="([\d.]+)" y="([\d.]+)" font-size="(\d+)"', svg)
    assert len(labels) > 20
    for x, y, size in labels:
        # the baseline is y: the letters rise by about a size above it, and descend a
        # quarter of it below
        assert float(size) <= float(y) <= height - float(size) / 4, (x, y, size, height)
        assert 0 <= float(x) <= width
    assert re.search(r"<text [^>]*>← \w", svg), "the backward title is missing"


def test_first_run_says_what_it_installs(tmp_path, monkeypatch, capsys):
    """dev.py's first run is a long pip install: it says so before it starts,
    and how long it took. The site installs the docs extra only, the tests add
    theirs; both at the versions pinned in constraints.txt."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("dev", ROOT / "dev.py")
    dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev)
    (tmp_path / ".venv").mkdir()
    monkeypatch.setattr(dev, "VENV", tmp_path / ".venv")
    monkeypatch.setattr(dev, "PYTHON", Path(sys.executable))  # exists: no venv is made
    commands = []
    monkeypatch.setattr(dev, "run", lambda *command, **kwargs: commands.append(command) or 0)
    dev.ensure_venv()
    out = capsys.readouterr().out
    assert "pip" in str(commands[0]) and "install" in commands[0]
    assert commands[0][-1] == ".[docs]" and ROOT / "constraints.txt" in commands[0]
    assert "Installing" in out and "first run" in out and "minute" in out, out
    assert re.search(r"Set-up took \d+ s", out), out
    dev.ensure_venv()  # now installed: silent
    assert capsys.readouterr().out == "" and len(commands) == 1
    dev.ensure_venv("docs,test")  # the test command adds its tools
    assert commands[1][-1] == ".[docs,test]" and ROOT / "constraints.txt" in commands[1]
    assert "pytest" in capsys.readouterr().out


def test_constraints_pin_every_development_tool():
    """Every package of the docs and test extras has one exact version in
    constraints.txt, so that a release upstream changes nothing on its own."""
    import tomllib

    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"not an exact pin: {line}"
            pins[re.sub(r"[-_.]+", "-", name).lower()] = version
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = extras["optional-dependencies"]["docs"] + extras["optional-dependencies"]["test"]
    for requirement in wanted:
        name = re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9_.-]+", requirement)[0]).lower()
        assert name in pins, f"{name} is not pinned in constraints.txt: run python3 dev.py lock"
    assert "numpy" in pins and "numpy>=1.26" in extras["dependencies"]


# A real browser, offline, from file://


def chromium():
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not path or not driver:
        if IN_CI:
            pytest.fail("chromium and chromedriver are missing: python3 dev.py test installs them")
        pytest.skip("chromium is not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = path
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1300,900",
    ):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(driver), options=options)


@pytest.fixture(scope="module")
def browser():
    driver = chromium()
    yield driver
    driver.quit()


def wait_for(browser, script, seconds=20):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, seconds).until(lambda b: b.execute_script(script))


MATH_PAGES = [
    "index",
    "notation",
    "forward",
    "backward",
    "putting_together",
    "gradient_checking",
    "training",
    "glossary",
]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_browser_shows_typeset_math_and_the_diagram(site, browser, lang):
    for name in MATH_PAGES:
        browser.get((site / lang / f"{name}.html").as_uri())
        count = wait_for(browser, "return document.querySelectorAll('mjx-container').length")
        assert count > 0, name
        text = browser.execute_script("return document.querySelector('article').innerText")
        assert "\\(" not in text and "\\[" not in text and ":math:" not in text, name
    browser.get((site / lang / "putting_together.html").as_uri())
    labels = browser.execute_script(
        "return [...document.querySelectorAll('.lecture-diagram svg text')].map(t => t.textContent)"
    )
    assert len(labels) > 20
    layer = {"en": "layer 1", "fr": "couche 1", "uk": "шар 1"}[lang]
    assert layer in labels


def search(browser, site, lang, query) -> list[str]:
    """The pages that the edition's search page lists for ``query``."""
    browser.get((site / lang / "search.html").as_uri() + f"?q={query}")
    status = wait_for(
        browser, "const s = document.querySelector('.search-summary');return s && s.innerText"
    )
    assert {"en": "Search finished", "fr": "Recherche terminée", "uk": "Пошук завершено"}[
        lang
    ] in status
    return browser.execute_script(
        "return [...document.querySelectorAll('ul.search li a')].map(a => a.href)"
    )


@pytest.mark.parametrize(
    "lang, query", [("en", "cache"), ("fr", "rétropropagation"), ("uk", "кеш")]
)
def test_browser_search_finds_pages(site, browser, lang, query):
    assert search(browser, site, lang, query)


def test_ukrainian_search_finds_other_word_forms(site, browser):
    """Ukrainian has no Sphinx stemmer: the project's own (docs/_ext) is used."""
    from ukrainian_search import stem

    assert {stem(w) for w in ("кеш", "кешу", "кеші", "кешів")} == {"кеш"}
    assert stem("Зворотного") == stem("зворотне") == "зворотн"
    backward = (site / "uk" / "backward.html").as_uri()
    for query in ("кешів", "кешу", "зворотного"):
        found = search(browser, site, "uk", query)
        assert any(href.startswith(backward) for href in found), (query, found)


@pytest.mark.parametrize("start, target", [("en", "fr"), ("fr", "uk"), ("uk", "en")])
def test_browser_switcher_keeps_the_page(site, browser, start, target):
    from selenium.webdriver.common.by import By

    browser.get((site / start / "backward.html").as_uri())
    browser.find_element(By.CSS_SELECTOR, f".lang-switcher a[lang='{target}']").click()
    wait_for(browser, f"return document.documentElement.lang === '{target}'")
    assert browser.current_url == (site / target / "backward.html").as_uri()


DIAGRAM = """
const figure = document.querySelector('.lecture-diagram'), svg = figure.querySelector('svg');
const box = svg.viewBox.baseVal, labels = [...svg.querySelectorAll('text')];
const scale = svg.getBoundingClientRect().width / box.width;
return {
  smallest: scale * Math.min(...labels.map(t => parseFloat(t.getAttribute('font-size')))),
  scrolls: figure.scrollWidth > figure.clientWidth,
  tabindex: figure.tabIndex,
  name: figure.getAttribute('aria-label'),
  outside: labels.filter(t => {
    const b = t.getBBox();
    return b.x < box.x || b.y < box.y || b.x + b.width > box.x + box.width
      || b.y + b.height > box.y + box.height;
  }).map(t => t.textContent),
};
"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_browser_diagram_is_whole_and_readable_on_a_phone(site, browser, lang):
    """Every label inside the drawing; on a 400 px screen, letters of 10 px and a scrollbar."""
    page = (site / lang / "putting_together.html").as_uri()
    browser.get(page)
    desktop = browser.execute_script(DIAGRAM)
    assert desktop["outside"] == [] and not desktop["scrolls"], desktop
    browser.set_window_size(400, 900)
    try:
        browser.get(page)
        phone = browser.execute_script(DIAGRAM)
    finally:
        browser.set_window_size(1300, 900)
    assert phone["outside"] == [], phone
    assert phone["smallest"] >= 9.5, phone  # 5 px before, squeezed into the column
    assert phone["scrolls"] and phone["tabindex"] == 0 and phone["name"], phone


def test_browser_switcher_keeps_the_search_query(site, browser):
    from selenium.webdriver.common.by import By

    found = search(browser, site, "fr", "cache")
    browser.find_element(By.CSS_SELECTOR, ".lang-switcher a[lang='uk']").click()
    wait_for(browser, "return document.documentElement.lang === 'uk'")
    assert browser.current_url == (site / "uk" / "search.html").as_uri() + "?q=cache"
    assert (
        browser.find_element(By.CSS_SELECTOR, "input[name='q']").get_attribute("value") == "cache"
    )
    assert found


@pytest.mark.parametrize("lang, query", [("en", "cache"), ("fr", "cache"), ("uk", "кеш")])
def test_browser_search_shows_excerpts_and_no_title_twice(site, browser, lang, query):
    """From file://, where the search page may not fetch the pages it found."""
    search(browser, site, lang, query)
    wait_for(browser, "return document.querySelectorAll('ul.search li p.context').length > 3")
    results = browser.execute_script(
        "return [...document.querySelectorAll('ul.search li')].map(li => ["
        "li.querySelector('a').innerText, li.querySelector('p.context')?.innerText])"
    )
    titles = [title for title, _ in results]
    assert len(titles) == len(set(titles)), titles
    glossary = {"en": "Glossary", "fr": "Glossaire", "uk": "Глосарій"}[lang]
    term, excerpt = next((t, e) for t, e in results if t.startswith(f"{glossary} > "))
    assert excerpt and len(excerpt) > 40, (term, excerpt)  # the term's definition
    pages_with_excerpts = [e for _, e in results if e]
    assert len(pages_with_excerpts) >= len(results) - 5, results  # API objects have none


def axe_source() -> str:
    from importlib.resources import files

    return (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")


AXE = """
const [context, done] = arguments;
axe.run(context, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']},
                  resultTypes: ['violations']})
  .then(r => done(r.violations.map(v => `${v.id} (${v.impact}): ${v.help}; `
                  + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
  .catch(e => done([`axe failed: ${e}`]));
"""


def test_browser_axe_finds_no_wcag_violation(site, browser):
    """axe-core's WCAG 2 A and AA rules on every page of every edition (and a search).

    The code blocks and the typeset math are the same in every edition (the
    tests above compare them): axe checks them in English only, which halves
    the time the translated pages take (color-contrast reads every coloured
    token). The static test above checks that every code block is focusable.
    """
    import time

    axe = axe_source()
    browser.set_script_timeout(120)
    start, violations, count = time.perf_counter(), {}, 0
    for lang in LANGUAGES:
        for name in pages(site, lang):
            url = (site / lang / name).as_uri()
            browser.get(url + ("?q=cache" if name == "search.html" else ""))
            if name == "search.html":
                wait_for(
                    browser,
                    "const s = document.querySelector('.search-summary');return s && s.innerText",
                )
            browser.execute_script(axe)
            context = (
                {"exclude": [["pre"], ["mjx-container"]]}
                if lang != "en"
                else {"include": [["html"]]}
            )
            found = browser.execute_async_script(AXE, context)
            count += 1
            if found:
                violations[f"{lang}/{name}"] = found
    print(f"axe-core: {count} pages in {time.perf_counter() - start:.0f} s")
    assert count == len(LANGUAGES) * len(pages(site, "en"))
    assert not violations, json.dumps(violations, indent=1, ensure_ascii=False)
