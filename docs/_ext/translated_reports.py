"""The checker's example reports in the edition's language.

The chapter "Checking your own functions" shows what the checker prints, in
doctests of the module :mod:`dnn_textbook.exercises`. Those doctests run in
English, as tests; a French or Ukrainian reader should see the report that the
library prints in their language, since the notebooks set it. In those
editions, each doctest block of the page that prints a report is run again,
with the library's language set to the edition's, and its outputs are replaced
by what it printed. The comments of its code come from the page's directive
``.. report-comments::`` (a bullet list: the English comment, then, in the
next item, nothing but its place in the list, so the catalog translates it).
"""

from __future__ import annotations

import contextlib
import doctest
import io

from docutils import nodes
from docutils.parsers.rst import Directive

PAGE = "exercises"
#: The comments of the examples' code, in English, in the order of the directive's list.
COMMENTS = ("keepdims=True forgotten",)


class report_comments(nodes.General, nodes.Element):  # noqa: N801 (docutils node names)
    """The translated comments; the page does not show them."""


class ReportComments(Directive):
    has_content = True

    def run(self):
        node = report_comments()
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


def rerun(text: str, language: str, comments: dict[str, str], namespace: dict) -> str | None:
    """The doctest ``text`` with the outputs it gives in ``language``; None if it fails.

    ``namespace`` is shared by the blocks of the page, run in order, as doctest does.
    """
    import dnn_textbook

    examples = doctest.DocTestParser().get_examples(text)
    lines = []
    dnn_textbook.set_language(language)
    try:
        for example in examples:
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                code = compile(example.source, "<report>", "single")
                exec(code, namespace)  # noqa: S102 (the book's own doctest)
            source = example.source.rstrip("\n").split("\n")
            for number, line in enumerate(source):
                for english, translated in comments.items():
                    line = line.replace(f"# {english}", f"# {translated}")
                lines.append(("... " if number else ">>> ") + line)
            lines += out.getvalue().rstrip("\n").split("\n") if out.getvalue() else []
    except Exception:  # noqa: BLE001 (keep the English block rather than break the build)
        return None
    finally:
        dnn_textbook.set_language("en")
    return "\n".join(lines)


def translate_reports(app, doctree, docname):
    if app.builder.format != "html":  # the gettext builder extracts the comments
        return
    nodes_ = list(doctree.findall(report_comments))
    for node in nodes_:
        node.parent.remove(node)
    language = app.config.language
    if docname != PAGE or language == "en":
        return
    items = [" ".join(i.astext().split()) for n in nodes_ for i in n.findall(nodes.list_item)]
    comments = dict(zip(COMMENTS, items, strict=False))
    namespace: dict = {}
    for block in list(doctree.findall(nodes.doctest_block)):
        text = block.astext()
        new = rerun(text, language, comments, namespace)
        if new and new != text and "check(" in text and "print(" in text:
            block.replace_self(nodes.doctest_block(new, new, **block.attributes))


def setup(app):
    app.add_node(report_comments)
    app.add_directive("report-comments", ReportComments)
    app.connect("doctree-resolved", translate_reports)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
