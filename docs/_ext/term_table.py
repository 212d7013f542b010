"""A trilingual table of terms, the same words in every edition.

``.. term-table:: terms.csv`` reads a CSV file (columns en, fr, uk) and
builds a table. Its cells carry no source position, so the gettext
builder does not extract them: the table is the fixed reference that the
translations keep to, the same words in English, French and Ukrainian.
Each edition lists the rows in its own alphabetical order, by its own column
(:mod:`collation`).

Where the lecture's transcript in a language uses another word than the book
(columns fr_lecture, uk_lecture), the cell says so under the book's word, in
that column's language: « dans la leçon : blocs de construction de base »,
«у лекції: посів». A learner goes from the lecture's words to the book's here.
"""

import csv
from pathlib import Path

from collation import sort_key
from docutils import nodes
from docutils.parsers.rst import Directive

HEADERS = {"en": "English", "fr": "Français", "uk": "Українська"}
# "in the lecture:", in the language of the column it is written in
IN_THE_LECTURE = {"fr": "dans la leçon\u00a0: ", "uk": "у лекції: "}


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
        language = env.config.language or "en"
        order = language if language in HEADERS else "en"
        rows.sort(key=lambda row: sort_key(row[order], language))
        for row in rows:
            lecture = {c: row.get(f"{c}_lecture") or "" for c in columns}
            body += self.row([row[c] for c in columns], columns, lecture)
        return [table]

    @staticmethod
    def row(cells, languages, lecture=None):
        row = nodes.row()
        for cell, lang in zip(cells, languages, strict=True):
            entry = nodes.entry()
            # no source and no line: not a message for translation
            entry += nodes.inline(text=cell, classes=[f"lang-{lang}"])
            if lecture and lecture[lang]:
                note = nodes.inline(classes=["in-the-lecture", f"lang-{lang}"])
                note += nodes.Text(IN_THE_LECTURE[lang] + lecture[lang])
                entry += nodes.inline(text=" ")
                entry += note
            row += entry
        return row


def setup(app):
    app.setup_extension("collation")
    app.add_directive("term-table", TermTable)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
