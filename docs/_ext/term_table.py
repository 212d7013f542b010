"""A trilingual table of terms, identical in every edition.

``.. term-table:: terms.csv`` reads a CSV file (columns en, fr, uk) and
builds a table. Its cells carry no source position, so the gettext
builder does not extract them: the table is the fixed reference that the
translations keep to, the same bytes in English, French and Ukrainian.
"""

import csv
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import Directive

HEADERS = {"en": "English", "fr": "Français", "uk": "Українська"}


class TermTable(Directive):
    required_arguments = 1

    def run(self):
        env = self.state.document.settings.env
        path = Path(env.srcdir) / self.arguments[0]
        env.note_dependency(str(path))
        with path.open(encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        columns = list(HEADERS)
        table = nodes.table(classes=["term-table"])
        group = nodes.tgroup(cols=len(columns))
        table += group
        group.extend(nodes.colspec(colwidth=1) for _ in columns)
        head, body = nodes.thead(), nodes.tbody()
        group += head
        group += body
        head += self.row([HEADERS[c] for c in columns], columns)
        for row in rows:
            body += self.row([row[c] for c in columns], columns)
        return [table]

    @staticmethod
    def row(cells, languages):
        row = nodes.row()
        for cell, lang in zip(cells, languages, strict=True):
            entry = nodes.entry()
            # no source and no line: not a message for translation
            entry += nodes.inline(text=cell, classes=[f"lang-{lang}"])
            row += entry
        return row


def setup(app):
    app.add_directive("term-table", TermTable)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
