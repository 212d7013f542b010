"""Each line of a code block in a box of its own, so that a wrapped line hangs.

A long line of code wraps inside the text column (``languages.css``; issue
20): on a phone, a line of the book is often longer than the 45 or so
characters the column holds. Wrapped as plain text, the rest of the line
started at the left margin, and read like a new line with the indentation of
none (issue 27: ``train_y, caches)`` under ``costs.append(...``).

This extension wraps every line of every ``<pre>`` of a page in
``<span class="line" style="--indent: N">``, where N is the number of
characters before the line's code: its leading spaces, and the ``>>> `` or
``... `` prompt of a doctest. The style sheet gives the line a hanging
indent: a row it wraps onto starts N + 4 characters in, under the code of
the line and one indentation step deeper, as an editor's soft wrap does. On
a phone a deep indentation (34 spaces that align arguments under a
parenthesis) would leave no room for the code: the leading spaces are in a
``<span class="indent">`` that the style sheet narrows to 40 % of the block
at most, and the hang follows it. Neither the indentation nor a doctest's
prompt may end a row: a line's code starts on its first row. The line's own text is unchanged (its
leading spaces stay in it, only narrowed), and the newline stays between
the boxes, so the copy button and a reader's selection copy the code
exactly as it is written.

Why wrap rather than scroll sideways: on a phone nearly every block has a
line wider than the column, and a block that scrolls shows the beginning of
its lines only; the reader must swipe each block back and forth to read one
statement. Wrapped with a hanging indent, the whole statement is on the
screen and the indentation that Python reads is still the one the eye sees.
"""

from __future__ import annotations

import html
import re

PRE = re.compile(r"(<pre\b[^>]*>)(.*?)(</pre>)", re.S)
TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)\b[^>]*>")
HANG = re.compile(r"(?:>>> |\.\.\. )?[ \t]*")  # what comes before a line's code
# a line's leading spaces, after any tags and a doctest's prompt
LEADING = re.compile(r"^((?:<[^>]+>)*(?:(?:&gt;&gt;&gt;|\.\.\.) (?:<[^>]+>)*)?)([ \t]+)")
INDENT = r'\1<span class="indent">\2</span>'


def split_lines(inner: str) -> list[str]:
    """The HTML of a ``<pre>``'s content, cut at each newline; each piece closes the
    elements it opened and reopens the ones it is inside of."""
    lines, current, stack, pos = [], [], [], 0
    for tag in TAG.finditer(inner):
        text = inner[pos : tag.start()]
        pieces = text.split("\n")
        for piece in pieces[:-1]:
            current.append(piece)
            current.extend(f"</{name}>" for name, _ in reversed(stack))
            lines.append("".join(current))
            current = [opening for _, opening in stack]
        current.append(pieces[-1])
        closing, name = tag.group(1), tag.group(2).lower()
        if closing:
            if stack and stack[-1][0] == name:
                stack.pop()
        elif not tag.group(0).endswith("/>"):
            stack.append((name, tag.group(0)))
        current.append(tag.group(0))
        pos = tag.end()
    pieces = inner[pos:].split("\n")
    for piece in pieces[:-1]:
        current.append(piece)
        current.extend(f"</{name}>" for name, _ in reversed(stack))
        lines.append("".join(current))
        current = [opening for _, opening in stack]
    current.append(pieces[-1])
    lines.append("".join(current))
    return lines


def indent(line_html: str) -> int:
    text = html.unescape(re.sub(r"<[^>]+>", "", line_html))
    return len(HANG.match(text).group().expandtabs(8))


def hanging_lines(body: str) -> str:
    def wrap(match: re.Match) -> str:
        opening, inner, closing = match.groups()
        if 'class="line"' in inner:
            return match.group()
        lines = split_lines(inner)
        last = lines.pop() if not re.sub(r"<[^>]+>", "", lines[-1]).strip() else None
        boxed = [
            f'<span class="line" style="--indent: {indent(line)}">'
            f"{LEADING.sub(INDENT, line, 1)}</span>"
            for line in lines
        ]
        return opening + "\n".join(boxed) + ("\n" + last if last is not None else "") + closing

    return PRE.sub(wrap, body)


def add_lines(app, pagename, templatename, context, doctree):
    if context.get("body"):
        context["body"] = hanging_lines(context["body"])


def setup(app):
    app.connect("html-page-context", add_lines, priority=800)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
