"""The table of the mistakes that the exercises' checker names, built from its own table.

``.. mistake-table::`` writes one row per entry of
:data:`dnn_textbook.exercises.MISTAKES`: the id, what it means in the
lecture's words, and a link to the section of the book that derives the
right equation. The rows come from the code, so the page and the checker
cannot disagree. Their words are the checker's own messages, translated with
the library's catalog of the edition's language (the reports a learner sees
in that language say the same), not with the page's catalog.
"""

import gettext

from docutils import nodes
from docutils.parsers.rst import Directive

from dnn_textbook._i18n import DOMAIN, LOCALE_DIR
from dnn_textbook.exercises import MISTAKES
from dnn_textbook.exercises.mistakes import TABLE_HEADERS


class MistakeTable(Directive):
    def run(self):
        language = self.state.document.settings.env.config.language
        tr = gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True).gettext
        table = nodes.table(classes=["mistake-table"])
        group = nodes.tgroup(cols=len(TABLE_HEADERS))
        table += group
        group.extend(nodes.colspec(colwidth=w) for w in (2, 5, 3))
        head, body = nodes.thead(), nodes.tbody()
        group += head
        group += body
        head += self.row([nodes.inline(text=tr(h)) for h in TABLE_HEADERS])
        for key, mistake in MISTAKES.items():
            doc, anchor = mistake.section
            link = nodes.reference(text=tr(mistake.title), refuri=f"{doc}.html#{anchor}")
            meaning = nodes.inline(text=tr(mistake.meaning))
            body += self.row([nodes.literal(text=key), meaning, link])
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
