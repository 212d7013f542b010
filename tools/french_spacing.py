"""Put the French non-breaking spaces into the French catalogs.

French typesetting puts a no-break space before « : » (U+00A0), a narrow
no-break space before « ; ? ! » (U+202F) and a no-break space inside « »,
so that a line never starts with a colon or a closing guillemet. This script
makes that change in every msgstr of ``locales/fr``, outside the spans that
must stay byte-identical to the English: math, code, roles, URLs, HTML and
format placeholders. Entries identical to their msgid but for the decimal
comma between digits (display equations, signatures) are left alone: they are
math or code as a whole. It prints the number of entries changed.

    python3 tools/french_spacing.py [--check]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NBSP, NNBSP = "\u00a0", "\u202f"

# spans that are not French prose: math, roles, literals, URLs, HTML, formats
PROTECTED = re.compile(
    r":math:`[^`]*`|\{math\}`[^`]*`|(?<![\\$])\$[^$\n]+\$"
    r"|:[a-z]+(?::[a-z]+)?:`[^`]*`|``[^`]*``|(?<![`:])`[^`]+`(?!`)"
    r"|https?://[^\s)>\]]+|<[^<>]*>|&#?\w+;|%\([a-z_]+\)s|\$\{\w+\}"
)


DECIMAL_COMMA = re.compile(r"(?<=\d)\{,\}(?=\d)")  # 0{,}5, the French 0.5 in math


def is_verbatim(string: str, english: str) -> bool:
    """Whether a msgstr is its msgid but for the decimal comma: an equation or a signature."""
    return DECIMAL_COMMA.sub(".", string) == english


def fix_prose(text: str) -> str:
    text = re.sub(r"[ \u00a0\u202f]*:(?![/\w])", NBSP + ":", text)  # not 'http:' nor '12:30'
    text = re.sub(r"(?<=\S)[ \u00a0\u202f]*([;?!])", NNBSP + r"\1", text)
    text = re.sub(r"«[ \u00a0\u202f]*", "«" + NBSP, text)
    text = re.sub(r"[ \u00a0\u202f]*»", NBSP + "»", text)
    return text


def fix(text: str) -> str:
    """``text`` with French spacing in its prose, its protected spans untouched."""
    spans = PROTECTED.findall(text)
    masked = PROTECTED.sub("\ue000", text)  # one private-use character per span
    parts = fix_prose(masked).split("\ue000")
    return "".join(p + s for p, s in zip(parts, [*spans, ""], strict=True))


def main() -> int:
    from babel.messages.pofile import read_po, write_po

    sys.path.insert(0, str(ROOT / "docs"))
    from i18n import drop_false_formats

    check = "--check" in sys.argv
    changed = 0
    for po in sorted((ROOT / "locales" / "fr" / "LC_MESSAGES").glob("*.po")):
        with po.open("rb") as f:
            catalog = read_po(f)
        touched = False
        for message in catalog:
            if not message.id or not message.string:
                continue
            if isinstance(message.string, str) and is_verbatim(message.string, message.id):
                continue
            if isinstance(message.string, tuple):  # plural forms (the library's messages)
                new = tuple(fix(form) for form in message.string)
            else:
                new = fix(message.string)
            if new != message.string:
                changed += 1
                touched = True
                print(f"{po.name}: {message.string!r}\n{' ' * len(po.name)}  {new!r}")
                message.string = new
        if touched and not check:
            drop_false_formats(catalog, po)  # Babel's guesses, which msgfmt would check
            with po.open("wb") as f:
                write_po(f, catalog, width=76)
    print(f"{changed} entries {'to change' if check else 'changed'}")
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
