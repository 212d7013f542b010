"""TeX as a reader reads it in plain text: ``A^{[l-1]}`` becomes ``A[l-1]``.

The search page shows a few lines of each page found, as plain text: the
typeset math of the page is not there, only its TeX source, which a learner
should not have to read (``A^{[l-1]}``, ``\\hat{y}``). :func:`plain` writes it
the way the library's messages and the diagram write the symbols: ``A[l-1]``,
``ŷ``, ``dW[l] = 1/m dZ[l] A[l-1]ᵀ``, a matrix as ``[1 0; 0 1]``.
"""

from __future__ import annotations

import re
import unicodedata

SYMBOLS = {
    "alpha": "α",
    "beta": "β",
    "gamma": "γ",
    "delta": "δ",
    "Delta": "Δ",
    "epsilon": "ε",
    "varepsilon": "ε",
    "theta": "θ",
    "lambda": "λ",
    "mu": "μ",
    "sigma": "σ",
    "partial": "∂",
    "top": "ᵀ",
    "prime": "′",
    "odot": "⊙",
    "cdot": "·",
    "times": "×",
    "approx": "≈",
    "pm": "±",
    "le": "≤",
    "leq": "≤",
    "ge": "≥",
    "geq": "≥",
    "neq": "≠",
    "infty": "∞",
    "sum": "Σ",
    "dots": "…",
    "ldots": "…",
    "cdots": "⋯",
    "lVert": "‖",
    "rVert": "‖",
    "|": "‖",
    "to": "→",
    "in": "∈",
    "mid": "|",
    "ell": "ℓ",
    "{": "{",
    "}": "}",
    "%": "%",
    "_": "_",
}
OPERATORS = set("⊙·×≈±≤≥≠→∈|")
SPACES = {",", ";", ":", "!", " ", "quad", "qquad", "enspace"}
DROPPED = {"left", "right", "bigl", "bigr", "Bigl", "Bigr", "big", "Big", "displaystyle"}
FRACTIONS = {"frac", "tfrac", "dfrac"}
TEXT = {"text", "mathrm", "operatorname", "mathbf", "mathit", "boldsymbol"}
CALLIGRAPHIC = {"L": "ℒ", "J": "𝒥"}
SUPERSCRIPTS = str.maketrans("0123456789+-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻")
COMMAND = re.compile(r"\\([A-Za-z]+|.)")


def plain(tex: str) -> str:
    """``tex`` as plain text, on one line."""
    text, _ = _convert(tex, 0, None)
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _convert(s: str, i: int, end: str | None) -> tuple[str, int]:
    """Convert ``s[i:]`` up to the closing ``end`` (``}``), or to its end."""
    out = []
    while i < len(s):
        c = s[i]
        if end is not None and c == end:
            return "".join(out), i + 1
        if c == "\\":
            piece, i = _command(s, i)
            out.append(piece)
        elif c in "^_":
            arg, i = _argument(s, i + 1)
            out.append(_superscript(arg) if c == "^" else _subscript(arg))
        elif c == "{":
            piece, i = _convert(s, i + 1, "}")
            out.append(piece)
        elif c == "~":
            out.append(" ")
            i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out), i


def _argument(s: str, i: int) -> tuple[str, int]:
    """A command's argument: a group ``{…}``, a command, or one character."""
    while i < len(s) and s[i] == " ":
        i += 1
    if i >= len(s):
        return "", i
    if s[i] == "{":
        return _convert(s, i + 1, "}")
    if s[i] == "\\":
        return _command(s, i)
    return s[i], i + 1


def _command(s: str, i: int) -> tuple[str, int]:
    match = COMMAND.match(s, i)
    if match is None:
        return "", i + 1
    name, i = match.group(1), match.end()
    if name in FRACTIONS:
        numerator, i = _argument(s, i)
        denominator, i = _argument(s, i)
        return f"{_grouped(numerator)}/{_grouped(denominator)}", i
    if name == "sqrt":
        arg, i = _argument(s, i)
        return "√" + _grouped(arg), i
    if name == "hat":
        arg, i = _argument(s, i)
        return arg + "\u0302", i
    if name == "mathcal":
        arg, i = _argument(s, i)
        return CALLIGRAPHIC.get(arg, arg), i
    if name in TEXT:
        return _argument(s, i)
    if name == "begin":
        environment, i = _argument(s, i)
        close = f"\\end{{{environment}}}"
        stop = s.find(close, i)
        stop = len(s) if stop < 0 else stop
        return _matrix(s[i:stop]), stop + len(close)
    if name == "\\":
        return "; ", i
    if name in SPACES:
        return " ", i
    if name in DROPPED:
        return "", i
    if name in SYMBOLS:
        rest = s[i:].lstrip(" ")
        # TeX swallows the spaces after \partial: ∂J, not ∂ J; but α = 1 keeps its own
        if name.isalpha() and SYMBOLS[name] not in OPERATORS and rest[:1].isalnum():
            i = len(s) - len(rest)
        return SYMBOLS[name], i
    return name, i  # \log, \tanh, \max: the name itself, and the space after it


def _matrix(body: str) -> str:
    rows = [row for row in body.split("\\\\") if row.strip()]
    cells = [" ".join(plain(cell) for cell in row.split("&")) for row in rows]
    return "[" + "; ".join(cells) + "]"


def _grouped(text: str) -> str:
    text = text.strip()
    return text if re.fullmatch(r"[\w.\[\]′ᵀ⁰¹²³⁴⁵⁶⁷⁸⁹ℒ]+|\(.*\)", text) else f"({text})"


def _superscript(text: str) -> str:
    text = text.strip()
    if text.startswith(("[", "(")) or text in ("ᵀ", "′", "′′"):
        return text  # A[l-1], a[l](i), Wᵀ, g′: as the book writes them in prose
    if re.fullmatch(r"[0-9+-]+", text):
        return text.translate(SUPERSCRIPTS)
    return "^" + _grouped(text) if len(text) > 1 else "^" + text


def _subscript(text: str) -> str:
    text = text.strip()
    return "_" + (text if len(text) == 1 else _grouped(text))
