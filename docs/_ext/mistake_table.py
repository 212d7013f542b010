"""The table of the mistakes that the exercises' checker names, built from its own table.

``.. mistake-table::`` writes one row per entry of
:data:`dnn_textbook.exercises.MISTAKES`: the id, what it means in the
lecture's words, and a link to the section of the book that derives the
right equation. The rows come from the code, so the page and the checker
cannot disagree; like the term table, its cells carry no source position
and stay in English in every edition (the checker's reports translate them).
"""

from docutils import nodes
from docutils.parsers.rst import Directive

from dnn_textbook.exercises import MISTAKES

HEADERS = ("Mistake", "What it means", "The section that derives the equation")


class MistakeTable(Directive):
    def run(self):
        table = nodes.table(classes=["mistake-table"])
        group = nodes.tgroup(cols=len(HEADERS))
        table += group
        group.extend(nodes.colspec(colwidth=w) for w in (2, 5, 3))
        head, body = nodes.thead(), nodes.tbody()
        group += head
        group += body
        head += self.row([nodes.inline(text=h) for h in HEADERS])
        for key, mistake in MISTAKES.items():
            doc, anchor = mistake.section
            link = nodes.reference(text=mistake.title, refuri=f"{doc}.html#{anchor}")
            body += self.row([nodes.literal(text=key), nodes.inline(text=mistake.meaning), link])
        return [table]

    @staticmethod
    def row(cells):
        row = nodes.row()
        for cell in cells:
            entry = nodes.entry()
            paragraph = nodes.paragraph()
            paragraph += cell
            entry += paragraph
            row += entry
        return row


def setup(app):
    app.add_directive("mistake-table", MistakeTable)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
