"""Two repairs to the HTML that Sphinx and the theme write, for keyboards and screen readers.

* A region that scrolls sideways (a wide table) must be reachable with the
  keyboard, or a reader without a mouse cannot scroll it (WCAG 2.1.1). Every
  table's scrolling wrapper gets ``tabindex="0"``: Tab stops on it and the
  arrow keys scroll it. The lecture diagram's figure does the same in
  :mod:`lecture_diagram`, and ``fit-displays.js``/``fit-inline.js`` for a
  formula that scrolls. A code block does not: its lines wrap and it never
  scrolls (``code_lines``), so a Tab stop on each of them only lengthened the
  way to the next link (issue 27).
* Sphinx writes a toctree's caption (the sidebar's "Chapters") as
  ``<p class="caption" role="heading">`` without the ``aria-level`` that the
  heading role requires (WCAG 1.3.1): it gets level 2, under the page's title.

The browser tests run axe-core on every page of every edition to keep the
site at zero violations of the WCAG 2 A and AA rules.
"""

import re

TABLE_WRAPPER = re.compile(r'<div class="table-wrapper(?=[\s"])([^>]*)>')
CAPTION = re.compile(r'role="heading"(?![^>]*\baria-level=)')


def focusable_scrollers(html: str) -> str:
    return TABLE_WRAPPER.sub(r'<div class="table-wrapper\1 tabindex="0">', html)


def caption_level(html: str) -> str:
    return CAPTION.sub('role="heading" aria-level="2"', html)


def repair(app, pagename, templatename, context, doctree):
    if context.get("body"):
        context["body"] = caption_level(focusable_scrollers(context["body"]))
    # furo computes its sidebar tree in its own handler, which runs before this one
    if context.get("furo_navigation_tree"):
        context["furo_navigation_tree"] = caption_level(context["furo_navigation_tree"])


def setup(app):
    app.connect("html-page-context", repair, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
