"""Alphabetical order in the reader's language, for the glossary page.

The glossary's definitions and its table of terms are written in English
order. Translated, "backward propagation" becomes « rétropropagation » and
«зворотне поширення» but stays where the English letter b put it. This
extension sorts both again in each edition's own order:

* French: letters without their accents and case first (é sorts as e), then
  the accents, then the case; spaces and apostrophes before letters.
* Ukrainian: the Ukrainian alphabet, а б в г ґ д е є ж з и і ї й к …; the
  apostrophe does not count; Latin terms (dA, dZ) after the Cyrillic ones.
* English: letters without case.
"""

from __future__ import annotations

import unicodedata

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

UKRAINIAN = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
APOSTROPHES = "'’ʼ"


def sort_key(text: str, language: str) -> tuple:
    """A key that orders words as a dictionary of ``language`` does."""
    text = " ".join(text.split())
    if language == "uk":
        letters = [c for c in text.casefold() if c not in APOSTROPHES]
        primary = tuple(_ukrainian(c) for c in letters)
        return primary, text.swapcase()  # then lower case before upper case
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    primary = tuple((1, c) if c.isalnum() else (0, "") for c in bare.casefold())
    accents = unicodedata.normalize("NFD", text.casefold())
    return primary, accents, text.swapcase()


def _ukrainian(c: str) -> tuple[int, int | str]:
    if c in UKRAINIAN:
        return 2, UKRAINIAN.index(c)
    if c.isalnum():
        return 3, c  # digits and Latin letters after the Cyrillic ones
    return 0, 0  # a space first: "кеш" before "кешування"


class SortGlossary(SphinxTransform):
    """Sort the terms of every ``glossary`` after their translation."""

    default_priority = 900  # after sphinx.transforms.i18n.Locale (20)

    def apply(self, **kwargs):
        language = self.config.language or "en"
        for glossary in self.document.findall(addnodes.glossary):
            for items in glossary.findall(nodes.definition_list):
                entries = list(items.children)
                entries.sort(key=lambda item: sort_key(_term(item), language))
                items.children = []
                items.extend(entries)


def _term(item: nodes.Node) -> str:
    term = next(item.findall(nodes.term), None)
    return term.astext() if term is not None else ""


def setup(app):
    app.add_transform(SortGlossary)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
