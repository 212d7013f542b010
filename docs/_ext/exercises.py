"""Exercises at the end of a chapter, each with its answer hidden until opened.

Two directives::

    .. exercise::

       The question, in prose, math and literal blocks.

       .. answer::

          The answer, with doctests that check its numbers.

``exercise`` makes an admonition titled "Exercise 1", "Exercise 2" ...,
numbered per chapter, with the anchor ``#exercise-1`` ...; ``answer`` is
sphinx-design's ``dropdown`` titled "Answer", closed: a ``<details>``
element, which needs no script, works from ``file://`` and opens from the
keyboard (Tab to its summary, then Enter or Space).

The two labels are interface strings: they come from the project's
``sphinx.po`` (listed in ``_templates/interface-strings.html``), not from
the page catalogs, and are marked untranslatable there so that no page
catalog repeats them. The question and the answer are the page's own text,
extracted and translated like the rest of it. A doctest inside an answer
runs with the page's other examples (pytest-doctestplus ``--doctest-rst``).

sphinx-exercise was tried first and set aside: it turns ``numfig`` on for
the whole book (every named table gains a "Table 1" caption), gives every
exercise the same ``id="exercise-content"``, hides solutions with
sphinx-togglebutton's script rather than ``<details>``, and requires
sphinx-book-theme, a second theme, on a furo site.
"""

from docutils import nodes
from sphinx.locale import _
from sphinx.util.docutils import SphinxDirective
from sphinx_design.dropdown import DropdownDirective


class Exercise(SphinxDirective):
    """A numbered exercise: an admonition with the class ``exercise``."""

    has_content = True

    def run(self):
        number = self.env.new_serialno("exercise") + 1
        node = nodes.admonition(classes=["exercise"], ids=[f"exercise-{number}"])
        self.set_source_info(node)
        # No source: a title the directive writes is not a message of the page.
        title = nodes.title("", f"{_('Exercise')} {number}")
        title["translatable"] = False
        node += title
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


class Answer(DropdownDirective):
    """The answer of the exercise it sits in, closed until the reader opens it."""

    optional_arguments = 0

    def run(self):
        self.arguments = [str(_("Answer"))]
        self.options.setdefault("class-container", []).append("answer")
        result = super().run()
        for rubric in result[0].findall(nodes.rubric):
            rubric["translatable"] = False
            break
        return result


def setup(app):
    app.setup_extension("sphinx_design")
    app.add_directive("exercise", Exercise)
    app.add_directive("answer", Answer)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
