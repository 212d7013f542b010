"""The library's messages in a doctest's output, in the edition's language.

The doctests of the book run in English (``conf.py`` sets the library's
language to English, and ``pytest --doctest-plus`` executes the English
source), so their expected output shows the library's errors in English:

    >>> get_activation("softmax")
    Traceback (most recent call last):
    ...
    ValueError: unknown activation 'softmax'; valid: identity, leaky_relu, ...

The library itself speaks French and Ukrainian (``dnn_textbook.set_language``),
and a reader of the French or Ukrainian edition who runs the example sees the
message in that language. So, in those editions, each output line of a
doctest (a line that is neither code, ``>>>``/``...``, nor Python's own
``Traceback (most recent call last):``) that is one of the library's messages
is shown as the library would print it there.

A message is recognised by the English sentences (``msgid``) of the
library's catalog ``locales/<lang>/LC_MESSAGES/dnn_textbook.po``, read as
patterns: ``{name}`` stands for whatever the message put there. A message
made of several sentences (``"layer 2: " + "W[2] has shape …"``) is read
sentence by sentence. The translation (``msgstr``, in the plural form the
number asks for) is filled with the same values. An expected output that the
doctest cuts short with ``...`` (its ELLIPSIS) is cut at about the same point
of the translated sentence, before any value the English does not show.

The code lines are never touched, and the doctests themselves still run the
English source: only what the page shows changes.
"""

from __future__ import annotations

import gettext
import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from docutils import nodes

LOCALES = Path(__file__).resolve().parents[2] / "locales"
PLACEHOLDER = re.compile(r"\{(\w+)(?:![rsa])?(?::[^{}]*)?\}")
# "ValueError: …", "dnn_textbook.exercises.SomeWarning: …", "<doctest>:3: UserWarning: …"
EXCEPTION = re.compile(r"^(?P<head>(?:\S*:\d+: )?[A-Za-z_][\w.]*(?:Error|Exception|Warning): )")
MARK = re.compile(r"^(?P<head>[^\w'\"(\[{<]+)")  # "✗ " before a line of a report
ELLIPSIS = "..."


@dataclass(frozen=True)
class Message:
    """One English sentence of the library, as literal pieces and names."""

    pieces: tuple[str, ...]  # literal text: one more than the names
    names: tuple[str | None, ...]  # the placeholder between two pieces
    translations: tuple[str, ...]  # msgstr, or msgstr[0], msgstr[1], …
    plural_of: str | None  # the name that holds the count, for a plural message
    singular: bool  # this is the msgid of a plural message (not its msgid_plural)

    @classmethod
    def parse(cls, english: str, translations, plural_of=None, singular=False) -> Message:
        pieces, names, start = [], [], 0
        for match in PLACEHOLDER.finditer(english):
            pieces.append(english[start : match.start()])
            names.append(match.group(1))
            start = match.end()
        pieces.append(english[start:])
        return cls(tuple(pieces), tuple(names), tuple(translations), plural_of, singular)


@dataclass(frozen=True, eq=False)  # hashable by identity, for the cache of best()
class Catalog:
    messages: tuple[Message, ...]
    plural: object  # n -> index of the plural form


def count_name(singular: str, plural: str) -> str | None:
    """The placeholder that holds the count: the last one before the two forms differ."""
    pairs = enumerate(zip(singular, plural, strict=False))
    end = next((i for i, (a, b) in pairs if a != b), len(singular))
    names = [m.group(1) for m in PLACEHOLDER.finditer(singular[:end])]
    return names[-1] if names else None


@cache
def load_catalog(lang: str, locales: Path = LOCALES) -> Catalog:
    from babel.messages.pofile import read_po

    path = locales / lang / "LC_MESSAGES" / "dnn_textbook.po"
    with path.open("rb") as f:
        po = read_po(f)
    messages = []
    for entry in po:
        if not entry.id or entry.fuzzy:
            continue
        if isinstance(entry.id, tuple):  # a plural message: both English forms
            strings = tuple(entry.string)
            if not all(strings):
                continue
            counted = count_name(*entry.id)
            messages.append(Message.parse(entry.id[0], strings, counted, singular=True))
            messages.append(Message.parse(entry.id[1], strings, counted, singular=False))
        elif entry.string:
            messages.append(Message.parse(entry.id, (entry.string,)))
    # the longest sentences first: of two readings with the same score, the longer wins
    messages.sort(key=lambda m: -sum(map(len, m.pieces)))
    return Catalog(tuple(messages), gettext.c2py(po.plural_expr))


@dataclass
class Match:
    message: Message
    values: dict[str, str]  # the values shown in the English
    whole: bool  # False: the English stops inside this sentence (doctest's "...")
    shown: int  # how many characters of the English sentence are shown
    words: int = 0  # how many of them are the sentence's own words (not values)


def match_one(message: Message, text: str, start: int, cut: bool) -> Match | None:
    """Read ``message`` in ``text`` from ``start``; ``cut``: the text may stop anywhere.

    A value runs to the first place where the words after it follow. Two names
    side by side (``{name}{index}``) are read as one value, given to the first.
    """
    pieces, names = message.pieces, message.names
    pos, values, words = start, {}, 0  # words: how much literal text was recognised
    if not text.startswith(pieces[0], pos):
        if cut and pieces[0].startswith(text[pos:]) and len(text) - pos >= 8:
            return Match(message, values, False, len(text) - pos, len(text) - pos)
        return None
    pos += len(pieces[0])
    words += len(pieces[0])
    i = 0
    while i < len(names):
        name, j = names[i], i + 1
        while j < len(names) and not pieces[j]:  # names side by side
            values[names[j]] = ""
            j += 1
        after = pieces[j]
        i = j
        if pos >= len(text):
            return Match(message, values, False, pos - start, words) if cut and words >= 8 else None
        if not after:  # a name at the end of the sentence takes the rest
            values[name] = text[pos:]
            return Match(message, values, not cut, len(text) - start, words) if words else None
        found = text.find(after, pos + 1)
        if found < 0:
            if not cut:
                return None
            # the English stops inside the value, or inside the words after it
            for size in range(len(after) - 1, 0, -1):
                if (
                    text.endswith(after[:size])
                    and len(text) - size > pos
                    and (size >= 3 or not after[:size].strip(")]}'\" ,;:"))
                ):
                    values[name] = text[pos : len(text) - size]
                    words += size
                    break
            return Match(message, values, False, len(text) - start, words) if words >= 8 else None
        values[name] = text[pos:found]
        pos = found + len(after)
        words += len(after)
    return Match(message, values, True, pos - start, words) if words else None


def fill(found: Match, catalog: Catalog) -> tuple[str, bool]:
    """The translated sentence, as far as the English shows its values; and whether whole."""
    message = found.message
    if len(message.translations) > 1:
        count = found.values.get(message.plural_of or "", "")
        n = int(count) if count.isdigit() else (1 if message.singular else 2)
        translation = message.translations[min(catalog.plural(n), len(message.translations) - 1)]
    else:
        translation = message.translations[0]
    out, start = [], 0
    for placeholder in PLACEHOLDER.finditer(translation):
        out.append(translation[start : placeholder.start()])
        value = found.values.get(placeholder.group(1))
        if value is None:  # the English does not show it
            return "".join(out).rstrip(), False
        out.append(value)
        start = placeholder.end()
    out.append(translation[start:])
    return "".join(out), True


def shorten(found: Match, translation: str, catalog: Catalog) -> str:
    """Cut the translation at about the share of the sentence the English shows."""
    message = found.message
    english_length = sum(map(len, message.pieces)) + 6 * len(message.names)
    template = max(message.translations, key=len)
    whole_length = len(PLACEHOLDER.sub("x" * 6, template))
    share = min(1.0, found.shown / max(english_length, 1))
    cut = math.ceil(share * whole_length)
    if cut >= len(translation):
        return translation
    after, before = translation.find(" ", cut), translation.rfind(" ", 0, cut)
    spaces = [i for i in (before, after) if i > 0]
    if not spaces:
        return translation
    space = min(spaces, key=lambda i: abs(i - cut))  # the word boundary nearest the share
    while len(translation[:space].rsplit(" ", 1)[-1]) < 3:  # not after a short word ("не")
        following = translation.find(" ", space + 1)
        if following < 0:
            return translation
        space = following
    return translation[:space].rstrip(" ,;:\u00a0\u202f")


def sentence(found: Match, catalog: Catalog) -> tuple[str, int, bool]:
    """The translation of one sentence, its score, and whether it is whole.

    Each value that is itself a message of the library (``case {i}, {label}``
    holds ``the worked example, layer {l}``) is translated too. The score is
    how much English text was recognised as the library's words.
    """
    message = found.message
    score = found.words
    values = dict(found.values)
    for name, value in found.values.items():
        inner = (
            best(value, False, catalog)
            if len(value) < found.shown and re.search(r"[A-Za-z]{2}", value)
            else None
        )
        if inner is not None:
            values[name], inner_score = inner
            score += inner_score
    if score == found.words and score < 4:
        return "", 0, False  # ": " alone is not a message
    filled = Match(message, values, found.whole, found.shown, found.words)
    translated, complete = fill(filled, catalog)
    if not found.whole:
        translated = shorten(found, translated, catalog)
    return translated, score, complete


@lru_cache(maxsize=4096)
def best(text: str, cut: bool, catalog: Catalog) -> tuple[str, int] | None:
    """The translation of ``text`` read as the library's sentences, and its score.

    Of all the readings, the one that recognises the most of the library's own
    words wins: ``{case}: {detail}`` with both values read as messages, rather
    than ``{name}: expected the shape {e}, got {g}`` with the case in the name.
    """
    result = None
    for message in catalog.messages:
        found = match_one(message, text, 0, cut)
        if found is None:
            continue
        translated, score, _ = sentence(found, catalog)
        if not score:
            continue
        if found.whole and found.shown < len(text):
            if not message.pieces[-1]:
                continue
            rest = best(text[found.shown :], cut, catalog)  # the next sentence
            if rest is None:
                continue
            translated, score = translated + rest[0], score + rest[1]
        if result is None or score > result[1]:
            result = (translated, score)
    return result


def translate_message(text: str, catalog: Catalog) -> str | None:
    """The library's message ``text`` (English) in the catalog's language, or None."""
    cut = text.endswith(ELLIPSIS)
    english = text[: -len(ELLIPSIS)] if cut else text
    found = best(english, cut, catalog)
    if found is None:
        return None
    return found[0] + (ELLIPSIS if cut else "")


def translate_line(line: str, catalog: Catalog) -> str:
    """One output line of a doctest, with the library's message translated."""
    stripped = line.strip()
    if not stripped or stripped.startswith((">>>", "... ")) or stripped == "...":
        return line
    if stripped.startswith("Traceback (most recent call last)"):
        return line
    indent = line[: len(line) - len(line.lstrip())]
    head = EXCEPTION.match(stripped) or MARK.match(stripped)
    prefix = head.group("head") if head else ""
    translated = translate_message(stripped[len(prefix) :], catalog)
    return line if translated is None else f"{indent}{prefix}{translated}"


def translate_block(text: str, catalog: Catalog) -> str:
    """A doctest's text with its output lines translated; code lines stay as they are."""
    lines = text.split("\n")
    out, in_code = [], False
    for line in lines:
        stripped = line.lstrip()
        if stripped.startswith(">>>"):
            in_code = True
            out.append(line)
        elif in_code and (stripped.startswith("... ") or stripped == "..."):
            # a continuation of the code (an output line "..." is kept as it is)
            out.append(line)
        else:
            in_code = False
            out.append(translate_line(line, catalog))
    return "\n".join(out)


def is_doctest(node) -> bool:
    return isinstance(node, nodes.doctest_block) or (
        isinstance(node, nodes.literal_block)
        and any(line.lstrip().startswith(">>> ") for line in node.astext().splitlines())
    )


def translate_doctests(app, doctree, docname) -> None:
    lang = app.config.language
    if lang == "en" or not (LOCALES / lang / "LC_MESSAGES" / "dnn_textbook.po").exists():
        return
    catalog = load_catalog(lang)
    for node in list(doctree.findall(is_doctest)):
        if len(node.children) != 1 or not isinstance(node.children[0], nodes.Text):
            continue  # a parsed literal (with markup inside): not a doctest
        text = node.astext()
        translated = translate_block(text, catalog)
        if translated != text:
            node.children[0].parent = None
            node.children = []
            node += nodes.Text(translated)
            node.rawsource = translated


def setup(app):
    # after the notebooks (priority 800), which store the English expected output and
    # run each error in the edition's language themselves
    app.connect("doctree-resolved", translate_doctests, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
