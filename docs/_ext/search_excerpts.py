"""Search results with excerpts, also offline from ``file://``.

Under each result, Sphinx's search page shows the lines of the page around the
words found, which it reads by fetching the page. A browser refuses a page
opened from ``file://`` any fetch of another file, so offline every result
showed its title alone.

This extension writes the text of every page into ``_static/search-pages.js``,
a script that the search page loads like the search index: the page's words,
with the ids of its sections and glossary terms so that a result that points
into a page shows that part (a glossary term, its definition). Its math is
written as plain text (:mod:`tex_text`: ``A[l-1]``, not ``A^{[l-1]}``), and the
links to the chapter's notebooks are left out.
``_static/search-excerpts.js`` serves the search page's requests for a page
from there, offline or not, so the excerpts are the same everywhere. It also
names the index entries among the results: a glossary term found reads
"Glossary > cache", no longer a second "Glossary" beside the page itself.
"""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from tex_text import plain

BLOCKS = {
    "p",
    "li",
    "dt",
    "dd",
    "div",
    "section",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "blockquote",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "dl",
    "ul",
    "ol",
}
MATH_DELIMITERS = re.compile(r"^\s*\\[(\[]|\\[)\]]\s*$")


def page_text(html: str) -> tuple[str, dict[str, str]]:
    """The page's main text as slim HTML (ids kept, nothing else), and its terms' names."""
    soup = BeautifulSoup(html, "html.parser")
    main = soup.find(attrs={"role": "main"})
    if main is None:
        return "", {}
    # the links to the notebooks would open every chapter's excerpt
    for element in main.select(".headerlink, script, style, .notebook-link, .exercise-link"):
        element.decompose()
    for math in main.select(".math"):  # the math as plain text: A[l-1], not A^{[l-1]}
        math.string = plain(MATH_DELIMITERS.sub("", math.get_text()))
    # A glossary term's id is on its <dt>: wrap the term with its definition,
    # so that the excerpt of a result pointing at the term is its definition.
    terms = {}
    for dt in main.find_all("dt", id=True):
        terms[dt["id"]] = " ".join(dt.get_text(" ").split())
        group = soup.new_tag("div", attrs={"id": dt["id"]})
        del dt["id"]
        definition = dt.find_next_sibling()
        dt.wrap(group)
        if definition is not None and definition.name == "dd":
            group.append(definition.extract())
    parts: list[str] = []

    def walk(node):
        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                parts.append(escape(str(child)))
            elif isinstance(child, Tag):
                ident = child.get("id")
                if ident:
                    parts.append(f'<div id="{escape(ident)}">')
                walk(child)
                if ident:
                    parts.append("</div>")
                if child.name in BLOCKS or child.name == "br":
                    parts.append(" ")

    walk(main)
    return re.sub(r"\s+", " ", "".join(parts)).strip(), terms


def write_pages(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    pages, terms = {}, {}
    for docname in sorted(app.env.found_docs):
        path = outdir / app.builder.get_target_uri(docname)
        if not path.is_file():
            continue
        text, names = page_text(path.read_text(encoding="utf-8"))
        pages[docname] = f'<div role="main">{text}</div>'
        terms.update({f"{docname}#{ident}": name for ident, name in names.items()})
    data = json.dumps({"pages": pages, "terms": terms}, ensure_ascii=False)
    (outdir / "_static" / "search-pages.js").write_text(
        f"window.searchPages = {data};\n", encoding="utf-8"
    )


def add_scripts(app, pagename, templatename, context, doctree):
    if pagename == "search":
        # deferred: they run once searchtools.js has defined Search, before it searches
        app.add_js_file("search-pages.js", priority=800, loading_method="defer")
        app.add_js_file("search-excerpts.js", priority=801, loading_method="defer")


def setup(app):
    app.connect("html-page-context", add_scripts)
    app.connect("build-finished", write_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
