"""The built site: three editions side by side, offline, with the same code everywhere.

The site is built once per test session (the ``site`` fixture of
``conftest.py``), exactly as ``python3 dev.py site`` builds it (``-W -n
--keep-going``: a warning fails the build), then read as files and, at the
end, opened in headless Chromium from ``file://`` with no network.
"""

from __future__ import annotations

import functools
import importlib
import json
import os
import re
import shutil
import sys
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest

import dnn_textbook

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "docs"))
sys.path.insert(0, str(ROOT / "docs" / "_ext"))
from build_site import LANGUAGES  # noqa: E402

IN_CI = os.environ.get("CI") == "true"
PUBLIC_NAMES = {
    *dnn_textbook.__all__,
    *importlib.import_module("dnn_textbook.exercises").__all__,
    *importlib.import_module("dnn_textbook.course_helpers").__all__,
}
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


def output_lines(code: str) -> set[int]:
    """The numbers of a doctest's output lines: after a ``>>>``, neither code nor Python's
    ``Traceback (most recent call last):`` line."""
    found, code_seen, in_code = set(), False, False
    for number, line in enumerate(code.split("\n")):
        stripped = line.strip()
        if stripped.startswith(">>>"):
            code_seen = in_code = True
        elif in_code and (stripped.startswith("... ") or stripped == "..."):
            pass
        else:
            in_code = False
            if code_seen and stripped and not stripped.startswith("Traceback (most recent"):
                found.add(number)
    return found


@functools.cache
def library_phrases() -> tuple[str, ...]:
    """Pairs of words (three letters or more) of the library's English messages: a
    line of output that holds one is a message of the library."""
    from babel.messages.pofile import read_po

    with (ROOT / "locales" / "fr" / "LC_MESSAGES" / "dnn_textbook.po").open("rb") as f:
        ids = [i for m in read_po(f) if m.id for i in (m.id if isinstance(m.id, tuple) else [m.id])]
    phrases = set()
    for msgid in ids:
        head = re.split(r"\{[^{}]*\}", msgid)[0]
        if re.fullmatch(r"[A-Z][a-z]{5,}: ", head):  # "Accuracy: {accuracy}"
            phrases.add(head.strip())
        for piece in re.split(r"\{[^{}]*\}", msgid):
            for words in re.findall(r"[A-Za-z][\w'-]+(?: [A-Za-z][\w'-]+)+", piece):
                words = words.split()
                phrases.update(f"{a} {b}" for a, b in pairwise(words) if min(len(a), len(b)) >= 3)
    return tuple(sorted(phrases))


def english_phrases(line: str) -> list[str]:
    return [p for p in library_phrases() if re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", line)]


EXCEPTION_HEAD = re.compile(r"^\s*(?:[^\w\s]+ )?(?:[\w.]+(?:Error|Exception|Warning): )?")


def comments_masked(code: str) -> str:
    return re.sub(r"(?m)^([ \t]*|.*?[ \t]+)# .*$", r"\1#", strings_masked(code))


def outputs_masked(code: str) -> str:
    """A doctest's code, its comments masked, without its outputs."""
    lines = code.splitlines()
    kept = (
        [line for line in lines if line.startswith((">>>", "..."))]
        if code.startswith(">>>")
        else lines
    )
    return re.sub(r"(?m)[ \t]+# .*$", " #", "\n".join(kept))


#: Pages whose code keeps some words of the edition: the front page's command names
#: the edition's language, the stubs' comment is translated, and the checker's
#: example reports are printed in the edition's language (docs/_ext/translated_reports.py).
EDITION_WORDS = {
    "index.html": lambda code: re.sub(r"--lang (en|fr|uk)\b", "--lang ..", code),
    "exercises.html": outputs_masked,
}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_code_is_identical_in_every_edition(site, lang):
    """The code of every block is the same in every edition; only a doctest's output
    line that is one of the library's messages may differ, translated (issue 27):
    the same exception, and no value that the English line does not show."""
    translated = 0
    for name in pages(site, "en"):
        english, other = Page(site / "en" / name), Page(site / lang / name)
        if name in TRANSLATED_STRINGS:
            assert [comments_masked(c) for c in other.pre] == [
                comments_masked(c) for c in english.pre
            ], name
            assert other.pre != english.pre, name
            continue
        if name in EDITION_WORDS:
            assert [EDITION_WORDS[name](c) for c in other.pre] == [
                EDITION_WORDS[name](c) for c in english.pre
            ], name
            continue
        assert len(other.pre) == len(english.pre), name
        for theirs, ours in zip(other.pre, english.pre, strict=True):
            theirs_lines, our_lines = theirs.split("\n"), ours.split("\n")
            assert len(theirs_lines) == len(our_lines), (name, ours[:200])
            outputs = output_lines(ours)
            for number, (a, b) in enumerate(zip(our_lines, theirs_lines, strict=True)):
                if a == b:
                    continue
                where = f"{name}: {a!r} became {b!r}"
                assert number in outputs, f"{where}: not an output line"
                assert english_phrases(a), f"{where}: not a message of the library"
                assert EXCEPTION_HEAD.match(a)[0] == EXCEPTION_HEAD.match(b)[0], where
                values = re.compile(r"\d+|'[^'\s]*'")
                assert set(values.findall(b)) <= set(values.findall(a)), where
                translated += 1
    assert sum(len(Page(site / "en" / n).pre) for n in pages(site, "en")) > 50
    assert translated >= 5, translated


@pytest.mark.parametrize("lang", TRANSLATED)
def test_library_messages_in_doctests_speak_the_editions_language(site, lang):
    """Issue 27: the doctests of the French and Ukrainian pages showed the library's
    errors in English (``ValueError: unknown activation 'softmax'; valid: …``),
    though the library prints them in French and Ukrainian. No output line of a
    code block of these editions holds the words of a library message in English."""
    left = []
    for name in pages(site, lang):
        for code in Page(site / lang / name).pre:
            lines = code.split("\n")
            for number in sorted(output_lines(code)):
                if found := english_phrases(lines[number]):
                    left.append(f"{name}: {lines[number].strip()!r} ({', '.join(found)})")
    assert len(library_phrases()) > 200
    assert not left, f"{lang}: {len(left)} lines in English\n" + "\n".join(left)
    forward = "\n".join(Page(site / lang / "forward.html").pre)
    assert {"fr": "activation inconnue", "uk": "невідома активація"}[lang] in forward


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
    """Every word of the page's chrome (titles, menus, tables of contents) is
    translated, but for the library's names, which are code."""
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
            and s.split(".")[0].removesuffix("()") not in PUBLIC_NAMES
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
    """Static half of the axe-core test below: it runs where Chromium is missing.
    A code block is no Tab stop (issue 27): it wraps and never scrolls (the browser
    tests check that), so Tab need not reach it; a wide table's wrapper scrolls and is."""
    for name in pages(site, lang):
        text = (site / lang / name).read_text(encoding="utf-8")
        for tag in re.findall(r"<pre\b[^>]*>", text):
            assert "tabindex" not in tag, (name, tag)
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
    figure = re.search(r'<figure class="lecture-diagram".*?</figure>', text, re.S).group()
    svgs = re.findall(r"<svg .*?</svg>", figure, re.S)
    assert len(svgs) == 2, "the wide drawing and the phone's"
    for svg in svgs:
        width, height = map(float, re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg).groups())
        labels = re.findall(r'<text x="([\d.]+)" y="([\d.]+)" font-size="(\d+)"', svg)
        assert len(labels) > 20
        for x, y, size in labels:
            # the baseline is y: the letters rise by about a size above it, and descend a
            # quarter of it below
            assert float(size) <= float(y) <= height - float(size) / 4, (x, y, size, height)
            assert 0 <= float(x) <= width
    assert re.search(r"<text [^>]*>← \w", svgs[0]), "the backward title is missing"
    assert re.search(r"<text [^>]*>\w[^<]* ↑</text>", svgs[1]), "the backward title is missing"


def module_blocks(path: Path) -> dict[str, list[str]]:
    """The paragraphs that open each module's part of a page (its docstring), by module."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    blocks = {}
    for start in soup.select('[id^="module-dnn_textbook."]'):
        if start.name == "section":  # the module's own section: its paragraphs
            paragraphs = start.find_all("p", recursive=False)
        else:  # the target sits on the first paragraph of the page's section
            paragraphs = [start, *start.find_next_siblings("p")]
        blocks[start["id"].removeprefix("module-")] = [
            " ".join(p.get_text(" ").split()) for p in paragraphs
        ]
    return blocks


def summary_translations(lang: str) -> dict[str, str]:
    """Every translation that the edition's catalogs give a message, by message."""
    from babel.messages.pofile import read_po

    found = {}
    for po in (ROOT / "locales" / lang / "LC_MESSAGES").glob("*.po"):
        with po.open("rb") as f:
            found.update({m.id: m.string for m in read_po(f) if m.id and m.string})
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_mistake_points_to_a_section_that_exists(site, lang):
    """The checker's reports link each mistake to the section of the book that
    derives the equation (``../<doc>.html#<anchor>`` from ``_exercises/``): the
    section must exist in every edition, under that id, and the exercise
    notebooks must sit one folder below the pages."""
    from dnn_textbook.exercises import MISTAKES

    assert (site / lang / "_exercises" / "build_it_yourself.ipynb").exists()
    for key, mistake in MISTAKES.items():
        doc, anchor = mistake.section
        html = (site / lang / f"{doc}.html").read_text(encoding="utf-8")
        assert f' id="{anchor}"' in html, (key, doc, anchor)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_module_summary_under_a_heading(site, lang):
    """A chapter shows a module's docstring without its one-line summary (issue 20):
    "The forward step of one layer." under "The forward step of a layer" said it
    twice, and "… the seed dA[L] …" showed math as plain text. The API table keeps
    the summaries."""
    import importlib

    chapters = {}
    for rst in (ROOT / "docs").glob("*.rst"):
        for module in re.findall(r"^\.\. automodule:: (\S+)", rst.read_text(), re.M):
            chapters[module] = rst.stem
    assert len(chapters) >= 8, chapters
    translations = summary_translations(lang) if lang != "en" else {}
    for module, page in chapters.items():
        summary = importlib.import_module(module).__doc__.strip().splitlines()[0]
        shown = translations.get(summary, summary)
        paragraphs = module_blocks(site / lang / f"{page}.html")[module]
        english = module_blocks(site / "en" / f"{page}.html")[module]
        assert paragraphs, (lang, page, module)
        assert shown not in paragraphs, f"{lang}/{page}.html, {module}: {shown!r}"
        assert len(paragraphs) == len(english), (lang, page, module)  # one per message
    api = re.sub(r"<[^>]+>", "", (site / lang / "api.html").read_text(encoding="utf-8"))
    notation = importlib.import_module("dnn_textbook.notation").__doc__.splitlines()[0]
    assert translations.get(notation, notation) in api


UKRAINIAN_ALPHABET = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"


def dictionary_order(word: str, lang: str) -> list:
    """How a dictionary in ``lang`` orders ``word``: by its letters first (French:
    without accents or case; Ukrainian: in the alphabet, apostrophe ignored, Latin
    after Cyrillic); a space before any letter."""
    import unicodedata

    word = word.casefold().replace("’", "").replace("'", "")
    if lang == "fr":
        word = "".join(
            c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)
        )
    key = []
    for c in word:
        if c in UKRAINIAN_ALPHABET and lang == "uk":
            key.append((1, UKRAINIAN_ALPHABET.index(c), ""))
        elif c.isalnum():
            key.append((2, 0, c))
        else:
            key.append((0, 0, ""))
    return key


def glossary(site: Path, lang: str) -> tuple[list[str], list[list[str]]]:
    """The glossary page's terms, in order, and its table's rows (en, fr, uk)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((site / lang / "glossary.html").read_text(encoding="utf-8"), "html.parser")
    terms = [dt.get_text(" ").replace("¶", "").strip() for dt in soup.select("dl.glossary dt")]
    rows = [
        [re.sub(r"[ \t\n]+", " ", td.get_text(" ")).strip() for td in tr.select("td")]
        for tr in soup.select("table.term-table tbody tr")
    ]
    return terms, rows


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_is_in_the_order_of_the_editions_language(site, lang):
    """Issue 20: the French and Ukrainian glossaries kept the English order
    (« rétropropagation » third, under b). The terms and the table's rows follow
    the reader's alphabet: French ignoring accents and case, Ukrainian with ґ є і ї."""
    terms, rows = glossary(site, lang)
    column = list(LANGUAGES).index(lang)
    words = [row[column].split(" dans la leçon")[0].split(" у лекції")[0] for row in rows]
    assert len(terms) > 15 and len(rows) > 25
    for listed in (terms, words):
        keys = [dictionary_order(word, lang) for word in listed]
        pairs = pairwise(zip(listed, keys, strict=True))
        wrong = [f"{a} > {b}" for (a, ka), (b, kb) in pairs if ka > kb]
        assert not wrong, f"{lang}: out of order: {wrong}"
    if lang == "fr":
        assert terms.index("propagation vers l’avant") < terms.index("rétropropagation")
        assert words.index("dérivée") < words.index("descente de gradient")  # é as e
    if lang == "uk":
        assert words.index("зміщення") < words.index("ініціалізація") < words.index("кеш")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_gives_the_lectures_own_words(site, lang):
    """Issue 20: where the lecture's French or Ukrainian transcript says another word
    than the book, the table gives it under the book's: « blocs de construction de
    base » for « briques de base », «посів» for «трансляція (broadcasting)»."""
    import csv

    with (ROOT / "docs" / "terms.csv").open(encoding="utf-8") as f:
        table = list(csv.DictReader(f))
    _, rows = glossary(site, lang)
    cells = {row[0]: row for row in rows}
    notes = 0
    for term in table:
        for column, (other, label) in enumerate(
            (("fr", "dans la leçon\u00a0: "), ("uk", "у лекції: ")), start=1
        ):
            cell = cells[term["en"]][column].replace("’", "'")  # smart quotes
            word = term[other].replace("’", "'")
            if term[f"{other}_lecture"]:
                notes += 1
                assert cell == f"{word} {label}{term[other + '_lecture']}", cell
            else:
                assert cell == word, cell
    assert notes >= 5
    assert "dans la leçon\u00a0: blocs de construction de base" in cells["building blocks"][1]
    assert "у лекції: посів" in cells["broadcasting"][2]


class FrenchProse(HTMLParser):
    """The text of a page's article as a French reader sees it, code literals included:
    each code literal, link to code or piece of math is one mark (CODE), so that the
    space between it and the punctuation after it is seen. The drawings' words are
    read too. Code blocks and the glossary table's English and Ukrainian columns are
    left out."""

    CODE = "\ue000"
    SKIPPED = {"pre", "script", "style", "metadata"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.parts, self._open, self._article = [], [], 0
        self.feed(html)
        self.text = re.sub(f"{self.CODE}+", self.CODE, "".join(self.parts))

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag == "article":
            self._article += 1
        if tag in ("br", "img", "wbr", "hr", "input", "meta", "link", "col"):
            return
        skip = tag in self.SKIPPED or {"headerlink", "lang-en", "lang-uk"} & set(classes)
        code = tag in ("code", "kbd") or "math" in classes
        self._open.append((tag, "skip" if skip else "code" if code else ""))

    def handle_endtag(self, tag):
        if tag == "article":
            self._article -= 1
        while self._open and self._open.pop()[0] != tag:
            pass
        if tag in ("p", "li", "dt", "dd", "td", "th", "div", "h1", "h2", "h3", "caption"):
            self.parts.append("\n")

    def handle_data(self, data):
        kinds = {kind for _, kind in self._open}
        if not self._article or "skip" in kinds:
            return
        self.parts.append(self.CODE if "code" in kinds else data)


FRENCH_SPACING = re.compile(
    r"(?P<plain> [:;!?»])"  # a plain space, which a line may break at
    r"|(?P<none>(?<=[^\s\u00a0\u202f])(?::(?!//)|[;!?»])(?=[\s\ue000]|$))"  # no space
    r"|(?P<wide>\u00a0[;!?]|\u202f:)"  # the wrong one: narrow before ; ? !, wide before :
    r"|(?P<open>«(?!\u00a0))"
)


def french_spacing_mistakes(html: str) -> list[str]:
    text = FrenchProse(html).text
    found = []
    for match in FRENCH_SPACING.finditer(text):
        around = text[max(0, match.start() - 45) : match.end() + 15]
        around = " ".join(around.replace(FrenchProse.CODE, "⟨code⟩").split(" "))
        around = around.replace("\u00a0", "⍽").replace("\u202f", "˽").replace("\n", " ")
        found.append(f"{match.lastgroup}: …{around}…")
    return found


def test_french_spacing_check_sees_the_space_after_a_code_literal():
    before = 'une matrice <code class="literal"><span class="pre">(1,</span></code>'
    html = f"<article><p>{before} : il faut</p><p>{before}\u00a0: il faut</p></article>"
    (found,) = french_spacing_mistakes(html)
    assert found.startswith("plain: …une matrice ⟨code⟩ : il faut"), found
    found = french_spacing_mistakes("<article><p>Copié! «mot» ; fin</p></article>")
    assert [f.split(":")[0] for f in found] == ["none", "open", "none", "plain"], found
    ok = "<article><p>Oui\u00a0: «\u00a0mot\u00a0»\u202f; <pre>a : b</pre> http://x</p></article>"
    assert french_spacing_mistakes(ok) == []


def test_french_spacing_in_the_built_pages(site):
    """Issue 19: the catalog test checks each msgstr, but not what the page shows
    around a code literal, a link or math; this test reads the built French pages,
    code literals included (« une matrice ``(1, n[l-1])`` : » with a plain space is
    a mistake), and the colons that Sphinx writes after the fields' names."""
    mistakes = [
        f"{name}: {mistake}"
        for name in pages(site, "fr")
        for mistake in french_spacing_mistakes((site / "fr" / name).read_text(encoding="utf-8"))
    ]
    forward, diagram = (
        FrenchProse((site / "fr" / f"{name}.html").read_text(encoding="utf-8")).text
        for name in ("forward", "putting_together")
    )
    assert "Paramètres" in forward, "the fields' names are read"
    assert "couche 1" in diagram, "the diagram's words are read"
    assert not mistakes, f"{len(mistakes)} places:\n" + "\n".join(mistakes)


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
const figure = document.querySelector('.lecture-diagram');
const svg = [...figure.querySelectorAll('svg')].find(s => s.getBoundingClientRect().width > 0);
const box = svg.viewBox.baseVal, labels = [...svg.querySelectorAll('text')];
const scale = svg.getBoundingClientRect().width / box.width;
return {
  smallest: scale * Math.min(...labels.map(t => parseFloat(t.getAttribute('font-size')))),
  scrolls: figure.scrollWidth > figure.clientWidth,
  right: svg.getBoundingClientRect().right - figure.getBoundingClientRect().right,
  count: labels.length,
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
    """Every label inside the drawing; on a 390 px screen, the layers top to bottom, all
    three in the column (issue 20: the wide drawing showed two), with letters of 10 px."""
    page = (site / lang / "putting_together.html").as_uri()
    browser.get(page)
    desktop = browser.execute_script(DIAGRAM)
    assert desktop["outside"] == [] and not desktop["scrolls"], desktop
    browser.set_window_size(390, 900)
    try:
        browser.get(page)
        phone = browser.execute_script(DIAGRAM)
    finally:
        browser.set_window_size(1300, 900)
    assert phone["outside"] == [] and phone["count"] > 20, phone
    assert phone["smallest"] >= 9.5, phone  # 5 px if the wide one were squeezed in
    assert not phone["scrolls"] and phone["right"] <= 1, phone
    assert phone["tabindex"] == 0 and phone["name"], phone


DISPLAYS = """
// Every display of the page: displayed equations, code blocks, figures. What each
// one shows, in CSS px: how far it runs out of its scrolling box and of the text
// column, and the size of its smallest letters.
const [ready] = arguments;
const column = document.querySelector('article').getBoundingClientRect();
const px = t => {  // the letters' size on screen, turned (the y label) or not
  const m = t.getScreenCTM();
  return Math.hypot(m.a, m.b) * parseFloat(getComputedStyle(t).fontSize);
};
const found = [];
const elements = [
  ...[...document.querySelectorAll('article mjx-container[display="true"]')].map(e => ['math', e,
    e.closest('.math-wrapper') || e.parentElement, parseFloat(getComputedStyle(e).fontSize)]),
  ...[...document.querySelectorAll('article pre')].map(e => ['code', e, e,
    parseFloat(getComputedStyle(e).fontSize)]),
  ...[...document.querySelectorAll('article figure')].filter(e => e.querySelector('svg, img'))
    .map(e => ['figure', e, e,
      Math.min(...[...e.querySelectorAll('svg text')].filter(t => t.getClientRects().length)
        .map(px))]),
];
for (const [kind, element, box, letters] of elements) {
  const rect = element.getBoundingClientRect();
  found.push({kind, text: element.textContent.trim().replace(/\\s+/g, ' ').slice(0, 60),
    hidden: box.scrollWidth - box.clientWidth, past: rect.right - column.right,
    letters, focusable: box.tabIndex === 0});
}
return {displays: found, page: document.documentElement.scrollWidth - window.innerWidth};
"""
SMALLEST_LETTERS = 11  # px: the phone's floor for a displayed equation (fit-displays.js)


def displays(browser, url):
    browser.get(url)
    browser.execute_async_script(
        "const done = arguments[0];"
        "const p = window.MathJax && MathJax.startup && MathJax.startup.promise;"
        "(p || Promise.resolve()).then(() => requestAnimationFrame(() => done()));"
    )
    return browser.execute_script(DISPLAYS, True)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_browser_displays_fit_the_column(site, browser, lang):
    """Issue 20: at 1280 px no equation, code block or figure runs out of the text
    column or hides part of itself behind a scrollbar (the worked example's
    parameters ended at "b[3] = [2"). At 390 px (a phone) code lines wrap, figures
    fit with letters of 9.5 px or more, and an equation shrinks to fit, or is set on
    several lines where it would need letters smaller than SMALLEST_LETTERS. The
    only thing allowed to scroll is an equation that has no line to break at and
    does not fit at that size: it scrolls inside its own block, which Tab reaches.
    The page itself never scrolls sideways."""
    problems, shrunk, scrolled = [], 0, []
    for width in (1280, 390):
        browser.set_window_size(width, 900)
        try:
            for name in pages(site, lang):
                found = displays(browser, (site / lang / name).as_uri())
                if found["page"] > 1:
                    problems.append(f"{width} px {name}: the page scrolls by {found['page']} px")
                for d in found["displays"]:
                    where = f"{width} px {name}, {d['kind']} {d['text']!r}"
                    cut = d["hidden"] > 1 or d["past"] > 1
                    if d["kind"] == "figure" and d["letters"] < 9.5:
                        problems.append(f"{where}: letters of {d['letters']:.1f} px")
                    if d["kind"] == "math" and d["letters"] < SMALLEST_LETTERS - 0.1:
                        problems.append(f"{where}: letters of {d['letters']:.1f} px")
                    if d["kind"] == "math" and width == 390 and cut:
                        if d["past"] > 1 or not d["focusable"]:
                            problems.append(f"{where}: runs {d['past']:.0f} px out")
                        elif d["letters"] > SMALLEST_LETTERS + 0.1:
                            problems.append(f"{where}: scrolls, not shrunk to the floor")
                        else:
                            scrolled.append(where)
                    elif cut:
                        problems.append(
                            f"{where}: {d['hidden']:.0f} px hidden, {d['past']:.0f} px past"
                        )
                    shrunk += d["kind"] == "math"
        finally:
            browser.set_window_size(1300, 900)
    print(f"{lang}: {len(scrolled)} equations scroll at 390 px at their smallest size")
    for where in scrolled:
        print("   ", where)
    assert shrunk > 50
    assert not problems, "\n".join(problems)


def open_page_with_its_answers(browser, url):
    """The page as a reader sees it once MathJax has typeset it, with every answer open."""
    browser.get(url)
    browser.execute_async_script(
        "const done = arguments[0];"
        "const p = window.MathJax && MathJax.startup && MathJax.startup.promise;"
        "(p || Promise.resolve()).then(() => {"
        "  for (const d of document.querySelectorAll('article details')) d.open = true;"
        "  requestAnimationFrame(() => requestAnimationFrame(() => done()));"
        "});"
    )


CODE_LINES = """
// Each line of each code block as the reader sees it: where its first visible
// character is, and where each row that it wraps onto starts.
const lost = [], copied = [], scrolled = [];
const rows = rects => {  // the left end of each row of text, top to bottom
  const found = [];
  for (const r of [...rects].filter(r => r.width > 0).sort((a, b) => a.top - b.top)) {
    const row = found.find(f => Math.abs(f.top - r.top) < r.height / 2);
    if (row) row.left = Math.min(row.left, r.left);
    else found.push({top: r.top, left: r.left});
  }
  return found;
};
for (const pre of document.querySelectorAll('article pre')) {
  if (!pre.getClientRects().length) continue;
  if (pre.scrollWidth > pre.clientWidth + 1) scrolled.push(pre.textContent.slice(0, 60));
  if (pre.innerText.trimEnd() !== pre.textContent.trimEnd())
    copied.push(pre.textContent.slice(0, 60));
  const texts = [], walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
  let node, offset = 0;
  while ((node = walker.nextNode())) { texts.push([node, offset]); offset += node.length; }
  const at = i => {  // the text node and offset of the i-th character of the block
    let k = texts.length - 1;
    while (k > 0 && texts[k][1] > i) k--;
    return [texts[k][0], i - texts[k][1]];
  };
  let start = 0;
  for (const line of pre.textContent.split('\\n')) {
    const first = line.search(/\\S/);
    const code = /^\\s*(?:(?:>>>|\\.\\.\\.) )?\\s*/.exec(line)[0].length;  // after the prompt
    if (first >= 0) {
      const top = i => {  // the row of the line's i-th character
        const range = document.createRange();
        range.setStart(...at(start + i));
        range.setEnd(...at(start + i + 1));
        const r = range.getBoundingClientRect();
        return [r.top, r.height];
      };
      const [lineTop, height] = top(0), [codeTop] = top(code < line.length ? code : first);
      if (Math.abs(codeTop - lineTop) > height / 2)
        lost.push(`${line.trim().slice(0, 50)}: its first row holds no code`);
      const range = document.createRange();
      range.setStart(...at(start + first));
      range.setEnd(...at(start + line.trimEnd().length));
      const [head, ...rest] = rows(range.getClientRects());
      for (const row of rest)
        if (row.left < head.left + 2)
          lost.push(`${line.trim().slice(0, 50)}: a row starts at `
                    + `${Math.round(row.left - head.left)} px`);
    }
    start += line.length + 1;
  }
}
return {lost, copied, scrolled, page: document.documentElement.scrollWidth - window.innerWidth};
"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_browser_code_keeps_its_indentation_on_a_phone(site, browser, lang):
    """Issue 27: at 390 px a long line of code wrapped back to the left margin, so
    that ``train_y, caches)`` looked like a line of its own and Python's indentation
    was lost. Each row a line wraps onto starts to the right of the line's first
    character (a hanging indent), no code block scrolls sideways or makes the page
    do so, and the text a reader copies is the code as written (answers open)."""
    problems, lines = [], 0
    browser.set_window_size(390, 900)
    try:
        for name in pages(site, lang):
            open_page_with_its_answers(browser, (site / lang / name).as_uri())
            found = browser.execute_script(CODE_LINES)
            problems += [f"{name}: {line}" for line in found["lost"]]
            problems += [f"{name}: scrolls sideways: {text!r}" for text in found["scrolled"]]
            problems += [f"{name}: copied text differs: {text!r}" for text in found["copied"]]
            if found["page"] > 1:
                problems.append(f"{name}: the page scrolls sideways by {found['page']} px")
            lines += len(found["lost"])
    finally:
        browser.set_window_size(1300, 900)
    assert not problems, f"{lang}: {len(problems)} problems\n" + "\n".join(problems[:40])


INLINE_MATH = """
// Every inline formula that shows (answers open): is it inside the text column,
// or inside a box of its own that scrolls and that Tab reaches (a wide table's)?
const column = document.querySelector('article').getBoundingClientRect();
const cut = [];
let count = 0;
for (const math of document.querySelectorAll('article mjx-container:not([display="true"])')) {
  const r = math.getBoundingClientRect();
  if (r.width <= 1 || getComputedStyle(math).visibility === 'hidden') continue;
  count++;
  if (r.left >= column.left - 1 && r.right <= column.right + 1) continue;
  let box = math.parentElement;
  while (box && box.tagName !== 'ARTICLE'
         && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
  if (box && box.tagName !== 'ARTICLE' && box.tabIndex >= 0) continue;
  cut.push(`${math.textContent.slice(0, 60)}: ${Math.round(r.right - column.right)} px past`);
}
return {cut, count};
"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_browser_inline_math_is_whole_on_a_phone(site, browser, lang):
    """Issue 27: at 390 px the backward chapter's
    Z = W A[l-1] + b = [[1 - 3 + 2, 2 - 4 + 2]] = [[0, 0]] ran 74 px out of the
    column and was cut. No inline formula of any page (answers open) may run out of
    the text column, unless it sits in a box that scrolls and that Tab reaches."""
    problems, count = [], 0
    browser.set_window_size(390, 900)
    try:
        for name in pages(site, lang):
            open_page_with_its_answers(browser, (site / lang / name).as_uri())
            found = browser.execute_script(INLINE_MATH)
            problems += [f"{name}: {where}" for where in found["cut"]]
            count += found["count"]
    finally:
        browser.set_window_size(1300, 900)
    assert count > 500
    assert not problems, f"{lang}: {len(problems)} formulas cut\n" + "\n".join(problems)


FOCUS = """
const e = document.activeElement;
return {tag: e.tagName.toLowerCase(), cls: e.className && String(e.className),
        answer: e.matches('article details > summary'), inArticle: !!e.closest('article')};
"""


def tabs_to_first_answer(browser, skip_link: bool) -> list[dict]:
    """The elements that Tab stops on, from the top of the page to the first answer."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    stops = []
    if skip_link:  # the first Tab reaches "Skip to content", Enter follows it
        ActionChains(browser).send_keys(Keys.TAB).perform()
        assert "skip" in browser.execute_script(FOCUS)["cls"]
        ActionChains(browser).send_keys(Keys.ENTER).perform()
    while len(stops) < 300:
        ActionChains(browser).send_keys(Keys.TAB).perform()
        stops.append(browser.execute_script(FOCUS))
        if stops[-1]["answer"]:
            break
    return stops


@pytest.mark.parametrize("lang", LANGUAGES)
def test_browser_keyboard_reaches_the_first_answer_soon(site, browser, lang):
    """Issue 27: the first answer of the forward chapter was 117 Tab presses from the
    top of the page, since MathJax put every formula (67 before it) in the Tab order,
    and every code block was a Tab stop too. Only links and buttons stop Tab now
    (code blocks no longer scroll, so Tab need not reach them); the formulas keep
    their MathML for screen readers."""
    url = (site / lang / "forward.html").as_uri()
    open_page = f"location.href = {url!r}"
    browser.get(url)
    wait_for(browser, "return document.querySelectorAll('mjx-container').length > 50")
    browser.execute_async_script(
        "const done = arguments[0]; MathJax.startup.promise.then(() => done());"
    )
    math = browser.execute_script(
        "const all = [...document.querySelectorAll('mjx-container')];"
        "return {count: all.length, inTabOrder: all.filter(m => m.tabIndex >= 0).length,"
        " mathml: document.querySelectorAll('mjx-container mjx-assistive-mml math').length}"
    )
    from_top = tabs_to_first_answer(browser, skip_link=False)
    browser.execute_script(open_page)
    wait_for(browser, "return document.readyState === 'complete'")
    from_content = tabs_to_first_answer(browser, skip_link=True)
    counts = f"{len(from_top)} Tab presses from the top, {len(from_content)} from the content"
    print(f"{lang}: {counts}")
    for stops in (from_top, from_content):
        assert stops[-1]["answer"], stops[-5:]
        others = [s["tag"] for s in stops[:-1] if s["tag"] not in ("a", "button", "input")]
        assert not others, f"{counts}; stops that are not links or buttons: {others}"
    assert len(from_top) <= 40, counts
    assert len(from_content) <= 25, counts
    assert math["inTabOrder"] == 0, math
    assert math["mathml"] >= math["count"] - 5, math  # what a screen reader reads


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


def search_pages(site: Path, lang: str) -> dict[str, str]:
    """The text of every page that the search page's excerpts are cut from."""
    text = (site / lang / "_static" / "search-pages.js").read_text(encoding="utf-8")
    pages = json.loads(text[text.index("=") + 1 :].strip().removesuffix(";"))["pages"]
    return {doc: " ".join(re.sub(r"<[^>]+>", " ", html).split()) for doc, html in pages.items()}


def library_error(call, lang: str) -> str:
    """The last line of the error that ``call`` raises, in ``lang``."""
    dnn_textbook.set_language(lang)
    try:
        call()
    except Exception as error:  # noqa: BLE001
        return f"{type(error).__name__}: {error}"
    finally:
        dnn_textbook.set_language("en")
    raise AssertionError("no error")


@pytest.mark.parametrize("lang", TRANSLATED)
def test_doctest_output_is_translated_as_the_library_speaks(lang):
    """The build's translation of a doctest's output line (docs/_ext/library_messages.py)
    is what the library itself raises in that language: the same sentences, the same
    values, the plural form that the number asks for; code and other lines unchanged."""
    import numpy as np
    from library_messages import load_catalog, translate_block, translate_line

    from dnn_textbook import L_model_forward, get_activation, linear_forward
    from dnn_textbook.exercises import check

    catalog = load_catalog(lang)
    rng = np.random.default_rng(0)
    parameters = dnn_textbook.initialize_parameters_deep([2, 3, 2], rng=rng)
    calls = [
        lambda: get_activation("softmax"),
        lambda: L_model_forward(np.ones((2, 4)), dict(parameters, W2=parameters["W2"].T)),
    ] + [  # English "row" and "rows"; Ukrainian рядок, рядки, рядків
        lambda rows=rows: linear_forward(np.ones((rows, 2)), np.ones((1, 7)), np.zeros((1, 1)))
        for rows in (1, 4, 5)
    ]
    for call in calls:
        english, translated = library_error(call, "en"), library_error(call, lang)
        assert english != translated
        assert translate_line(english, catalog) == translated, english
        assert translate_line("    " + english, catalog) == "    " + translated

    def wrong_db(dZ, cache):
        A_prev, W, b = cache
        m = A_prev.shape[1]
        return np.dot(W.T, dZ), np.dot(dZ, A_prev.T) / m, np.sum(dZ, axis=1) / m

    report = {}
    for language in ("en", lang):
        dnn_textbook.set_language(language)
        report[language] = str(check("linear_backward", wrong_db)).splitlines()[2]
    dnn_textbook.set_language("en")
    assert translate_line(report["en"], catalog) == report[lang]

    # cut short by the doctest's ELLIPSIS: cut at about the same place, never a value
    # the English does not show
    cut = translate_line("ValueError: unknown activation 'softmax'; valid: ...", catalog)
    assert cut.endswith("...") and "softmax" in cut and "identity" not in cut, cut
    code = ">>> get_activation('unknown activation')\n... \narray([[1., 2.]])\n"
    numpy = "ValueError: matmul: Input operand 1 has a mismatch in its core dimension 0..."
    assert translate_block(code + numpy, catalog) == code + numpy


def test_tex_reads_as_plain_text():
    from tex_text import plain

    assert plain(r"A^{[l-1]}, W^{[l]}") == "A[l-1], W[l]"
    assert plain(r"\hat{y} = a^{[L](i)}") == "ŷ = a[L](i)"
    assert plain(r"dW^{[l]} = \tfrac{1}{m}\, dZ^{[l]} A^{[l-1]\top}") == "dW[l] = 1/m dZ[l] A[l-1]ᵀ"
    assert plain(r"g^{[l]\prime}(z) \odot \sigma(z)^2") == "g[l]′(z) ⊙ σ(z)²"
    assert plain(r"\mathcal{L} = -\bigl(y \log a\bigr)") == "ℒ = -(y log a)"
    assert plain(r"\frac{\partial J}{\partial W^{[l]}}") == "(∂J)/(∂W[l])"
    assert plain(r"\alpha = 0{,}0075 \approx \sqrt{2}") == "α = 0,0075 ≈ √2"
    matrix = r"W^{[1]} = \begin{bmatrix} 1 & 0 \\ 1 & -1 \end{bmatrix},\quad b = 0"
    assert plain(matrix) == "W[1] = [1 0; 1 -1], b = 0"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_excerpts_show_math_as_text(site, lang):
    """Issue 20: the search page's excerpts showed the TeX (A^{[l-1]}, \\hat{y}), and
    each chapter's began with the link to its notebook."""
    pages = search_pages(site, lang)
    assert len(pages) > 10
    for doc, text in pages.items():
        tex = re.findall(r".{0,30}(?:\\[A-Za-z]+|[\^_]\{).{0,30}", text)
        assert not tex, f"{lang}/{doc}: TeX in the search excerpts: {tex[:5]}"
        assert "notebook" not in text.split(".")[0].lower(), (lang, doc, text[:120])
    assert "A[l-1]" in pages["backward"] and "dW[l]" in pages["backward"]
    assert "ŷ" in pages["putting_together"]


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
    token); the translated lines of their output are checked as text above.
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
