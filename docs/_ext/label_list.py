"""Figures drawn at build time, with their words taken from the page itself.

A directive registered here holds a bullet list of the figure's words::

    .. lecture-diagram::

       * Forward propagation
       * layer

The list items are ordinary paragraphs: the gettext builder extracts them
and Sphinx translates them in each edition. Once the page is translated
(``doctree-resolved``), the HTML builder replaces the list with what the
directive's drawing function makes of those words, so a figure speaks the
reader's language. Other builders keep the node, which lets the gettext
builder see the words; they do not render it.
"""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes
from docutils.parsers.rst import Directive

DRAWINGS: dict[str, tuple[list[str], Callable[[dict], str]]] = {}


class label_list(nodes.General, nodes.Element):  # noqa: N801 (docutils node names)
    """Holds the words of a figure until the page is translated."""


def register(app, name: str, keys: list[str], draw: Callable[[dict], str]) -> None:
    """Add the directive ``name``; ``draw(labels)`` returns the figure's HTML."""

    class LabelDirective(Directive):
        has_content = True

        def run(self):
            node = label_list(kind=name)
            self.state.nested_parse(self.content, self.content_offset, node)
            return [node]

    DRAWINGS[name] = (keys, draw)
    app.add_directive(name, LabelDirective)


def draw_figures(app, doctree, docname):
    if app.builder.format != "html":
        return
    for node in list(doctree.findall(label_list)):
        keys, draw = DRAWINGS[node["kind"]]
        words = [item.astext().strip() for item in node.findall(nodes.list_item)]
        if len(words) != len(keys):
            raise ValueError(f"{node['kind']} needs {len(keys)} labels: {', '.join(keys)}")
        html = draw(dict(zip(keys, words, strict=True)))
        node.replace_self(nodes.raw("", html, format="html"))


def skip(self, node):
    raise nodes.SkipNode


def setup(app):
    app.add_node(label_list, **{fmt: (skip, None) for fmt in ("latex", "text", "man", "texinfo")})
    app.connect("doctree-resolved", draw_figures)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
