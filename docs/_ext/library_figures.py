"""The book's figures, drawn while it builds from the library's own functions.

A page places a figure with the directive ``figure-from-library``, names it,
gives its caption, and lists the figure's words::

    .. figure-from-library:: seed
       :name: fig-seed

       The loss and the seed as functions of the output a.

       * The loss and the seed ... (the alt text, first)
       * loss
       * ...

The caption and the list items are ordinary paragraphs: the gettext builder
extracts them into the page's catalog and each edition translates them. The
directive makes a numbered-and-labelled docutils figure (``:ref:`` reaches
it by its ``:name:``) around a :mod:`label_list` node, and once the page is
translated :mod:`label_list` replaces that node with what :func:`draw`
makes of the words: a matplotlib drawing, saved as an inline SVG whose text
stays text (``svg.fonttype = "none"``), in the edition's language and
number format, named for screen readers by the alt text.

Every number in a figure is computed here, at build time, by the library:
the curves by its activations, loss, seed and ``gradient_check``, the
shapes by ``linear_backward``, and the worked example's values by
``L_model_forward`` and ``L_model_backward`` on :data:`WORKED_EXAMPLE`,
the network of ``docs/worked_example.rst`` (a test checks that the two
agree, and another that a changed value changes the figure).

The lecture diagram (:mod:`lecture_diagram`) and the cost curves
(:mod:`application`) use the same :mod:`label_list` mechanism.
"""

from __future__ import annotations

import inspect
import io
import re
from html import escape

import label_list
import numpy as np
from docutils import nodes
from docutils.parsers.rst import Directive, directives
from sphinx.util import logging

logger = logging.getLogger(__name__)

BUILD = {"language": "en"}  # one edition per build: set when the build starts
COMMA = {"fr", "uk"}  # editions that write 0,5

# The network of the worked example (docs/worked_example.rst): its figure is
# computed from these arrays by the library, every time the book is built.
WORKED_EXAMPLE = {
    "X": [[1.0, 2.0], [2.0, 1.0]],
    "Y": [[1.0, 0.0]],
    "parameters": {
        "W1": [[1.0, 0.0], [0.0, 1.0], [1.0, -1.0]],
        "b1": [[0.0], [1.0], [0.0]],
        "W2": [[-1.0, 1.0, -1.0], [-1.0, 1.0, 1.0]],
        "b2": [[0.0], [0.0]],
        "W3": [[1.0, -2.0]],
        "b3": [[2.0]],
    },
}

# Units of the drawings: 1 unit = 1 pt of matplotlib = 1 CSS px at natural size.
# A figure is at most WIDTH units wide, so that on a 390 px phone (a text column
# of about 343 px) it keeps its letters of SMALL units at 11 px or more; on a wide
# screen it grows to at most GROW times that size.
WIDTH, SMALL, NORMAL, GROW = 340, 11, 12, 1.3
INK, MUTED, ACCENT, BLUE = "#1a1a1a", "#5c5c5c", "#a33a00", "#1f4e96"
# Symbols and equations in a serif face, where l and I differ as in the equations;
# words in a sans-serif face. Both have Cyrillic.
MATH = "DejaVu Serif"
CACHE = "#eeeeee"  # the cache's shade
TINT = "#fbe6d6"  # behind the four equations, in the backward chapter
FALLBACK = {"DejaVu Sans": "sans-serif", "DejaVu Serif": "serif"}


# Numbers in the edition's format


def num(x: float, digits: int = 3) -> str:
    """0.25 → "0.25" in English, "0,25" in French and Ukrainian; −, not -."""
    x = float(x)
    if x == 0:
        x = 0.0  # no "−0"
    text = f"{x:.{digits}g}"
    if "e" in text:
        return power_of_ten(x)
    if BUILD["language"] in COMMA:
        text = text.replace(".", ",")
    return text.replace("-", "−")


def power_of_ten(x: float) -> str:
    exponent = int(round(np.log10(abs(x))))
    superscript = str(exponent).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return f"10{superscript}"


def pair(values) -> str:
    """The two examples' values of one unit: "1 | 2"."""
    return " | ".join(num(v) for v in values)


def tick_formatter():
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda x, _: num(round(x, 6)))


# The drawing mechanism


def pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update(
        {
            "svg.fonttype": "none",  # text stays text, in the reader's fonts
            "font.family": "DejaVu Sans",  # Latin and Cyrillic
            "font.size": NORMAL,
            "axes.titlesize": NORMAL,
            "axes.labelsize": NORMAL,
            "xtick.labelsize": SMALL,
            "ytick.labelsize": SMALL,
            "axes.unicode_minus": True,
            "text.color": INK,
            "axes.labelcolor": INK,
            "xtick.color": INK,
            "ytick.color": INK,
            "axes.edgecolor": MUTED,
            "figure.facecolor": "white",
            "savefig.facecolor": "white",
        }
    )
    return plt


def canvas(height: float, width: float = WIDTH):
    """A figure whose axes are its whole surface, in units, y going down."""
    plt = pyplot()
    fig = plt.figure(figsize=(width / 72, height / 72))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    ax.axis("off")
    return fig, ax


def svg(fig, name: str, alt: str) -> str:
    """The figure as inline SVG: ids made unique on the page, sized to the column."""
    plt = pyplot()
    for problem in outside(fig):
        logger.warning("figure %s: %s", name, problem)
    plt.rcParams["svg.hashsalt"] = name
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    text = buffer.getvalue()
    text = text[text.index("<svg") :]
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.S)
    # matplotlib's stylesheet is "*{...}": inline, it would apply to the whole page
    text = re.sub(r"<defs>\s*<style[^>]*>.*?</style>\s*</defs>\s*", "", text, flags=re.S)
    text = re.sub(r'\bid="([^"]+)"', rf'id="{name}-\1"', text)
    text = re.sub(r"url\(#([^)]+)\)", rf"url(#{name}-\1)", text)
    text = re.sub(r'href="#([^"]+)"', rf'href="#{name}-\1"', text)
    for family, generic in FALLBACK.items():
        text = text.replace(f"font-family: '{family}'", f"font-family: '{family}', {generic}")
    width = float(re.search(r'width="([\d.]+)pt"', text)[1])
    text = re.sub(
        r'<svg([^>]*?) width="[\d.]+pt" height="[\d.]+pt"',
        rf'<svg\1 class="library-figure-drawing" role="img" aria-label="{escape(alt)}" '
        rf'style="display: block; width: 100%; max-width: {round(GROW * width)}px; '
        rf'height: auto; margin: 0 auto"',
        text,
        count=1,
    )
    return text


def outside(fig) -> list[str]:
    """The texts that run out of the drawing, measured with matplotlib's own fonts."""
    from matplotlib.text import Text

    fig.canvas.draw()  # places the axis labels
    renderer = fig.canvas.get_renderer()
    width, height = fig.bbox.width, fig.bbox.height
    problems = []
    for text in fig.findobj(Text):
        if not text.get_visible() or not text.get_text().strip():
            continue
        box = text.get_window_extent(renderer)
        if box.x0 < -0.5 or box.y0 < -0.5 or box.x1 > width + 0.5 or box.y1 > height + 0.5:
            problems.append(f"{text.get_text()!r} runs out of the drawing")
    return problems


def box(
    ax,
    x,
    y,
    label,
    width=None,
    height=26,
    color=INK,
    dashed=False,
    weight="normal",
    size=NORMAL,
    face="white",
):
    from matplotlib.patches import FancyBboxPatch

    width = width or max(44, 7.4 * len(label) + 14)
    ax.add_patch(
        FancyBboxPatch(
            (x - width / 2, y - height / 2),
            width,
            height,
            boxstyle="round,pad=0,rounding_size=5",
            linewidth=1.2,
            edgecolor=color,
            facecolor=face,
            linestyle=(0, (4, 3)) if dashed else "-",
        )
    )
    ax.text(
        x, y, label, ha="center", va="center", color=color, size=size, weight=weight, family=MATH
    )
    return width


def circle(ax, x, y, label, color=INK):
    from matplotlib.patches import Circle

    ax.add_patch(Circle((x, y), 12, linewidth=1.2, edgecolor=color, facecolor="white"))
    ax.text(x, y, label, ha="center", va="center", color=color, size=13)


def arrow(ax, start, end, color=INK, dashed=False, shrink=(14, 14), width=1.3):
    ax.annotate(
        "",
        xy=end,
        xytext=start,
        arrowprops=dict(
            arrowstyle="-|>,head_length=0.5,head_width=0.25",
            color=color,
            lw=width,
            linestyle=(0, (4, 3)) if dashed else "-",
            shrinkA=shrink[0],
            shrinkB=shrink[1],
        ),
    )


def eq(ax, x, y, text, **kwargs):
    """Symbols and equations, in the serif face."""
    return ax.text(x, y, text, family=MATH, **kwargs)


def wrap(text: str, width: int) -> str:
    """A long label on several lines of at most ``width`` characters."""
    import textwrap

    return "\n".join(textwrap.wrap(text, width))


def chars(units: float) -> int:
    """How many letters of SMALL size fit in ``units`` (Cyrillic is the widest)."""
    return int(units / (0.62 * SMALL))


def colon() -> str:
    return "\u00a0: " if BUILD["language"] == "fr" else ": "


# 1. One layer as a computational graph


GRAPH_KEYS = [
    "alt",
    "forward",
    "backward",
    "cache",
    "from_next",
    "to_next",
    "to_prev",
    "row_sums",
    "read",
]


def draw_layer_graph(labels: dict, highlight: bool) -> str:
    """Forward on top, from A[l-1], W[l], b[l] to A[l]; the cache in the middle; the
    backward step below, from dA[l] to dZ[l], then dW[l], db[l] and dA[l-1]. What the
    backward step reads from the cache is tagged, dashed like the cache, where it is read."""
    fig, ax = canvas(712)
    fwd = MUTED if highlight else INK
    ink = ACCENT if highlight else BLUE
    # the four equations stand out on a tint (not in bold: DejaVu Serif Bold draws ᵀ as ˢ)
    tint = {"bbox": {"boxstyle": "round,pad=0.2", "facecolor": TINT, "edgecolor": "none"}}
    mark = tint if highlight else {}
    ax.text(4, 14, labels["forward"], size=13, weight="bold", va="center", color=fwd)
    box(ax, 50, 48, "A[l−1]", color=fwd)
    box(ax, 130, 48, "W[l]", color=fwd)
    circle(ax, 90, 100, "×", color=fwd)
    arrow(ax, (50, 48), (90, 100), fwd)
    arrow(ax, (130, 48), (90, 100), fwd)
    box(ax, 230, 100, "b[l]", color=fwd)
    circle(ax, 160, 150, "+", color=fwd)
    arrow(ax, (90, 100), (160, 150), fwd)
    eq(ax, 112, 134, "W[l] A[l−1]", size=SMALL, ha="right", va="center", color=fwd)
    arrow(ax, (230, 100), (160, 150), fwd)
    box(ax, 160, 205, "Z[l]", color=fwd)
    arrow(ax, (160, 150), (160, 205), fwd)
    eq(ax, 150, 178, "Z[l] = W[l] A[l−1] + b[l]", size=SMALL, ha="right", va="center", color=fwd)
    circle(ax, 160, 255, "g", color=fwd)
    arrow(ax, (160, 205), (160, 255), fwd)
    box(ax, 160, 305, "A[l]", color=fwd)
    arrow(ax, (160, 255), (160, 305), fwd)
    eq(ax, 150, 282, "A[l] = g(Z[l])", size=SMALL, ha="right", va="center", color=fwd)
    arrow(ax, (185, 305), (220, 305), fwd, shrink=(0, 0))
    ax.text(224, 305, labels["to_next"], size=SMALL, va="center", color=fwd)
    # The cache: written by the forward step, read by the backward step.
    from matplotlib.patches import FancyBboxPatch

    ax.add_patch(
        FancyBboxPatch(
            (6, 338),
            WIDTH - 12,
            62,
            boxstyle="round,pad=0,rounding_size=5",
            linewidth=1.2,
            edgecolor=INK,
            facecolor=CACHE,
            linestyle=(0, (4, 3)),
        )
    )
    ax.text(14, 352, labels["cache"], size=NORMAL, weight="bold", va="center")
    eq(ax, 14, 370, "(A[l−1], W[l], b[l], Z[l])", size=NORMAL, va="center")
    ax.text(14, 389, labels["read"], size=SMALL, va="center", color=MUTED)
    arrow(ax, (160, 305), (160, 338), INK, dashed=True, shrink=(13, 1))
    # Backward
    ax.text(4, 428, labels["backward"], size=13, weight="bold", va="center")
    box(ax, 60, 465, "dA[l]")
    ax.text(92, 465, labels["from_next"], size=SMALL, va="center", color=MUTED)
    box(ax, 60, 535, "dZ[l]")
    arrow(ax, (60, 465), (60, 535))
    eq(ax, 70, 500, "dZ[l] = dA[l] ⊙ g′(Z[l])", size=SMALL, va="center", color=ink, **mark)
    tag(ax, 250, 500, "Z[l]")
    # the trunk from dZ[l] and the three outputs
    rows = [
        (585, "dW[l]", "dW[l] = 1/m · dZ[l] A[l−1]ᵀ", "A[l−1]"),
        (630, "db[l]", "db[l] = 1/m · Σ dZ[l]", None),
        (675, "dA[l−1]", "dA[l−1] = W[l]ᵀ dZ[l]", "W[l]"),
    ]
    ax.plot([22, 22], [535, 675], color=INK, lw=1.3)
    ax.plot([22, 34], [535, 535], color=INK, lw=1.3)
    for y, name, equation, read in rows:
        arrow(ax, (22, y), (WIDTH - 70, y), shrink=(0, 0))
        eq(ax, 30, y - 10, equation, size=SMALL, va="center", color=ink, **mark)
        box(ax, WIDTH - 36, y, name, width=64)
        if read:
            tag(ax, 232, y - 10, read)
    ax.text(30, 630 + 10, f"({labels['row_sums']})", size=SMALL, va="center", color=MUTED)
    ax.text(
        WIDTH - 4, 675 + 20, labels["to_prev"], size=SMALL, va="center", ha="right", color=MUTED
    )
    return svg(fig, "layer-graph-b" if highlight else "layer-graph-f", labels["alt"])


def tag(ax, x, y, symbol):
    """A symbol read from the cache, dashed and shaded like the cache."""
    box(ax, x, y, symbol, height=18, dashed=True, face=CACHE, size=SMALL)


# 2. The shapes of the vectorized step, to scale


SHAPE_KEYS = ["alt", "examples", "sum", "transpose", "db", "units"]
SHAPES = {"n": 3, "n_prev": 4, "m": 6}  # n[l], n[l-1], m of the drawn layer


def draw_shapes(labels: dict) -> str:
    from dnn_textbook import Cache, linear_backward

    n, n_prev, m = SHAPES["n"], SHAPES["n_prev"], SHAPES["m"]
    rng = np.random.default_rng(0)
    A_prev, W = rng.standard_normal((n_prev, m)), rng.standard_normal((n, n_prev))
    dZ = rng.standard_normal((n, m))
    dA_prev, dW, db = linear_backward(dZ, Cache(A_prev, W, np.zeros((n, 1)), dZ))
    cell = 20
    fig, ax = canvas(540)
    from matplotlib.patches import Rectangle

    def grid(x, y, rows, cols, name, color, highlight_row=None):
        for i in range(rows):
            for j in range(cols):
                face = color + "33" if highlight_row in (None, i) else "white"
                ax.add_patch(
                    Rectangle(
                        (x + j * cell, y + i * cell),
                        cell,
                        cell,
                        facecolor=face,
                        edgecolor=color,
                        lw=0.8,
                    )
                )
        ax.add_patch(
            Rectangle((x, y), cols * cell, rows * cell, fill=False, edgecolor=color, lw=1.8)
        )
        return x + cols * cell, y + rows * cell

    def shape(x, y, rows, cols, ha="center"):
        ax.text(x, y, f"{rows} × {cols}", size=SMALL, ha=ha, va="center", color=MUTED)

    # Row 1: A[l-1] (n[l-1] x m) and its transpose (m x n[l-1])
    ax.text(4, 12, f"A[l−1]{colon()}n[l−1] × m", size=NORMAL, va="center")
    grid(10, 26, *A_prev.shape, "A", BLUE)
    ax.text(
        10 + m * cell + 8,
        26 + n_prev * cell / 2,
        wrap(labels["examples"], chars(WIDTH - (10 + m * cell + 8))),
        size=SMALL,
        va="center",
        color=MUTED,
        linespacing=1.3,
    )
    # the product, laid out as on paper: A[l-1]^T above dW, dZ to the left of dW
    top = 150
    eq(
        ax,
        4,
        top - 14,
        "dW[l] = 1/m · dZ[l] A[l−1]ᵀ",
        size=13,
        va="center",
        color=ACCENT,
    )
    left = 10
    x_t = left + m * cell + 14
    grid(x_t, top, *A_prev.T.shape, "At", BLUE)
    side = x_t + n_prev * cell + 6
    eq(ax, side, top + 10, "A[l−1]ᵀ", size=NORMAL, va="center")
    shape(side, top + 28, *A_prev.T.shape, ha="left")
    eq(ax, side, top + 46, f"n[l−1] = {n_prev}", size=SMALL, va="center", color=MUTED)
    ax.text(
        side,
        top + 58,
        wrap(labels["transpose"], chars(WIDTH - side)),
        size=SMALL,
        va="top",
        color=MUTED,
        linespacing=1.3,
    )
    y_p = top + m * cell + 14
    grid(left, y_p, *dZ.shape, "dZ", ACCENT)
    eq(ax, left, y_p + n * cell + 14, "dZ[l]", size=NORMAL, va="center")
    shape(left + 44, y_p + n * cell + 14, *dZ.shape, ha="left")
    grid(x_t, y_p, *dW.shape, "dW", "#2b7a2b")
    eq(ax, x_t, y_p + n * cell + 14, "dW[l]", size=NORMAL, va="center")
    shape(x_t + 48, y_p + n * cell + 14, *dW.shape, ha="left")
    # the m examples meet and are summed, then divided by m
    ax.annotate(
        "",
        xy=(left + m * cell, y_p - 6),
        xytext=(left, y_p - 6),
        arrowprops=dict(arrowstyle="<->", color=MUTED, lw=1),
    )
    ax.annotate(
        "",
        xy=(x_t - 6, top + m * cell),
        xytext=(x_t - 6, top),
        arrowprops=dict(arrowstyle="<->", color=MUTED, lw=1),
    )
    eq(
        ax,
        left + m * cell / 2,
        y_p - 14,
        f"m = {m}",
        size=SMALL,
        ha="center",
        va="center",
        color=MUTED,
    )
    eq(ax, x_t - 10, top + m * cell / 2, "m", size=SMALL, ha="right", va="center", color=MUTED)
    summed = wrap(labels["sum"], chars(WIDTH - left))
    ax.text(left, y_p + n * cell + 30, summed, size=SMALL, va="top", color=INK, linespacing=1.3)
    # db: the sums of dZ's rows, one column like b
    y_b = y_p + n * cell + 30 + 15 * (summed.count("\n") + 1) + 34
    eq(
        ax,
        4,
        y_b - 14,
        "db[l] = 1/m · Σ dZ[l]",
        size=13,
        va="center",
        color=ACCENT,
    )
    grid(left, y_b, *dZ.shape, "dZ2", ACCENT)
    arrow(
        ax,
        (left + m * cell + 4, y_b + n * cell / 2),
        (left + m * cell + 44, y_b + n * cell / 2),
        ACCENT,
        shrink=(0, 0),
    )
    x_b = left + m * cell + 52
    grid(x_b, y_b, *db.shape, "db", "#2b7a2b")
    eq(ax, x_b + cell + 8, y_b + 10, "db[l]", size=NORMAL, va="center")
    shape(x_b + cell + 8, y_b + 28, *db.shape, ha="left")
    ax.text(
        x_b + cell + 8,
        y_b + 40,
        wrap(labels["db"], chars(WIDTH - x_b - cell - 8)),
        size=SMALL,
        va="top",
        color=MUTED,
        linespacing=1.3,
    )
    ax.text(
        left,
        y_b + n * cell + 14,
        f"n[l] = {n}: {labels['units']}".replace(": ", colon()),
        size=SMALL,
        va="center",
        color=MUTED,
    )
    return svg(fig, "shapes", labels["alt"])


# 3. The activations and their slopes


ACTIVATION_KEYS = ["alt", "sigmoid", "tanh", "relu", "leaky", "slope", "taken"]
LEAKY_ALPHA = 0.1  # drawn with a visible slope; the library's default is 0.01


def draw_activations(labels: dict) -> str:
    import dnn_textbook as d

    plt = pyplot()
    rows = [
        ("sigmoid", d.sigmoid, d.sigmoid_derivative),
        ("tanh", d.tanh, d.tanh_derivative),
        ("relu", d.relu, d.relu_derivative),
        (
            "leaky",
            lambda z: d.leaky_relu(z, LEAKY_ALPHA),
            lambda z: d.leaky_relu_derivative(z, LEAKY_ALPHA),
        ),
    ]
    fig, axes = plt.subplots(4, 2, figsize=(WIDTH / 72, 600 / 72))
    z = np.linspace(-4, 4, 401)
    for (key, g, slope), (left, right) in zip(rows, axes, strict=True):
        left.plot(z, g(z), color=BLUE, lw=1.8)
        kinked = key in ("relu", "leaky")
        if kinked:
            # the slope is drawn on each side of the kink, with the value the library
            # takes at z = 0 marked by a dot
            for side in (z < 0, z > 0):
                right.plot(z[side], slope(z[side]), color=ACCENT, lw=1.8)
            at_zero = float(slope(np.array([0.0]))[0])
            right.plot([0], [at_zero], "o", color=ACCENT, markersize=6)
            right.plot(
                [0], [1.0], "o", markerfacecolor="white", markeredgecolor=ACCENT, markersize=6
            )
            right.annotate(
                wrap(f"{labels['taken']}{colon()}{num(at_zero)}", 12),
                xy=(0, at_zero),
                xytext=(-3.9, 0.5),
                size=SMALL,
                color=ACCENT,
                linespacing=1.2,
                arrowprops=dict(arrowstyle="-", color=ACCENT, lw=0.8),
            )
        else:
            right.plot(z, slope(z), color=ACCENT, lw=1.8)
            peak = float(slope(np.array([0.0]))[0])
            right.plot([0], [peak], "o", color=ACCENT, markersize=5)
            right.annotate(
                num(peak), xy=(0, peak), xytext=(1.0, peak * 0.8), size=SMALL, color=ACCENT
            )
        title = labels[key]
        if key == "leaky":
            title += f", α = {num(LEAKY_ALPHA)}"
        left.set_title(title, size=NORMAL, loc="left")
        for axis in (left, right):
            axis.axhline(0, color=MUTED, lw=0.6)
            axis.axvline(0, color=MUTED, lw=0.6)
            axis.set_xticks([-4, 0, 4])
            axis.xaxis.set_major_formatter(tick_formatter())
            axis.yaxis.set_major_formatter(tick_formatter())
            axis.grid(alpha=0.25)
        right.set_ylim(*((-0.04, 0.32) if key == "sigmoid" else (-0.15, 1.2)))
    axes[0, 0].set_yticks([0, 0.5, 1])
    axes[0, 1].set_yticks([0, 0.25])
    axes[1, 0].set_yticks([-1, 0, 1])
    axes[2, 0].set_yticks([0, 2, 4])
    axes[3, 0].set_yticks([0, 2, 4])
    for right in axes[1:, 1]:
        right.set_yticks([0, 0.5, 1])
    axes[0, 0].text(
        0.0, 1.42, "g(z)", transform=axes[0, 0].transAxes, size=NORMAL, weight="bold", color=BLUE
    )
    axes[0, 1].text(
        0.0,
        1.42,
        f"g′(z){colon()}{labels['slope']}",
        transform=axes[0, 1].transAxes,
        size=NORMAL,
        weight="bold",
        color=ACCENT,
    )
    for axis in axes[-1]:
        axis.set_xlabel("z", size=NORMAL)
    fig.subplots_adjust(left=0.1, right=0.98, top=0.91, bottom=0.08, hspace=0.55, wspace=0.3)
    return svg(fig, "activations", labels["alt"])


# 4. The seed


SEED_KEYS = ["alt", "loss", "seed", "output", "exercise", "unbounded"]
EXERCISE_A = 0.8  # the exercise of docs/putting_together.rst


def draw_seed(labels: dict) -> str:
    from dnn_textbook import compute_cost, seed_dAL

    plt = pyplot()
    a = np.linspace(0.02, 0.98, 193)
    fig, axes = plt.subplots(2, 2, figsize=(WIDTH / 72, 430 / 72), sharex=True)
    for row, y in zip(axes, (1.0, 0.0), strict=True):
        Y = np.full((1, 1), y)
        loss = [compute_cost(np.array([[v]]), Y) for v in a]
        seed = seed_dAL(a[None, :], np.full((1, a.size), y))[0]
        here_loss = compute_cost(np.array([[EXERCISE_A]]), Y)
        here_seed = float(seed_dAL(np.array([[EXERCISE_A]]), Y)[0, 0])
        row[0].plot(a, loss, color=BLUE, lw=1.8)
        row[1].plot(a, seed, color=ACCENT, lw=1.8)
        row[0].plot([EXERCISE_A], [here_loss], "o", color=INK, markersize=5)
        row[1].plot([EXERCISE_A], [here_seed], "o", color=INK, markersize=5)
        row[0].annotate(
            num(here_loss, 2),
            xy=(EXERCISE_A, here_loss),
            xytext=(-6, 8),
            textcoords="offset points",
            ha="right",
            size=SMALL,
        )
        row[1].annotate(
            num(here_seed, 3),
            xy=(EXERCISE_A, here_seed),
            xytext=(-5, -14 if y else 6),
            textcoords="offset points",
            ha="right",
            size=SMALL,
        )
        row[0].set_ylim(0, 4)
        row[1].set_ylim(*((-50, 0) if y else (0, 50)))
        # the wrong end: a near 0 when y = 1, near 1 when y = 0
        wrong = 0.02 if y else 0.98
        row[1].annotate(
            wrap(labels["unbounded"], 11),
            xy=(wrong, -48 if y else 48),
            xytext=(0.5, -30 if y else 30),
            size=SMALL,
            ha="center",
            va="center",
            color=ACCENT,
            arrowprops=dict(arrowstyle="-|>", color=ACCENT, lw=1),
        )
        row[0].text(
            0.04 if not y else 0.96,
            0.9,
            f"y = {int(y)}",
            transform=row[0].transAxes,
            ha="left" if not y else "right",
            va="top",
            size=NORMAL,
            weight="bold",
        )
        for axis in row:
            axis.axvline(EXERCISE_A, color=MUTED, lw=0.8, linestyle=":")
            axis.xaxis.set_major_formatter(tick_formatter())
            axis.yaxis.set_major_formatter(tick_formatter())
            axis.set_xticks([0, 0.5, 1])
            axis.set_xlim(0, 1)
            axis.grid(alpha=0.25)
        row[1].axhline(0, color=MUTED, lw=0.6)
    axes[0, 0].set_title(wrap(f"{labels['loss']} ℒ(a, y)", 18), size=NORMAL, loc="left")
    axes[0, 1].set_title(wrap(f"{labels['seed']} dA[L]", 18), size=NORMAL, loc="left")
    for axis in axes[1]:
        axis.set_xlabel(labels["output"], size=NORMAL)
    fig.text(
        0.02, 0.02, f"{labels['exercise']}{colon()}a = {num(EXERCISE_A)}", size=SMALL, color=MUTED
    )
    fig.subplots_adjust(left=0.11, right=0.97, top=0.88, bottom=0.17, hspace=0.3, wspace=0.4)
    return svg(fig, "seed", labels["alt"])


# 5. Gradient checking


CHECK_KEYS = ["alt", "difference", "truncation", "rounding", "default", "bottom"]


def check_curve() -> tuple[np.ndarray, np.ndarray, float]:
    """gradient_check's relative difference for ε from 10⁻¹² to 10⁻¹, on the network of
    its docstring (tanh then sigmoid: smooth, so no kink spoils the curve)."""
    from dnn_textbook import L_model_backward, L_model_forward, gradient_check

    rng = np.random.default_rng(3)
    X, Y = rng.standard_normal((2, 4)), np.array([[1, 0, 0, 1]])
    parameters = {
        "W1": rng.standard_normal((3, 2)),
        "b1": np.zeros((3, 1)),
        "W2": rng.standard_normal((1, 3)),
        "b2": np.zeros((1, 1)),
    }
    activations = ["tanh", "sigmoid"]
    AL, caches = L_model_forward(X, parameters, activations)
    grads = L_model_backward(AL, Y, caches, activations)
    epsilons = np.logspace(-12, -1, 45)
    differences = np.array(
        [gradient_check(parameters, grads, X, Y, activations, epsilon=e) for e in epsilons]
    )
    default = inspect.signature(gradient_check).parameters["epsilon"].default
    # autodoc_preserve_defaults puts the source text of a default in its place
    default = float(getattr(default, "name", default))
    return epsilons, differences, default


def draw_gradient_check(labels: dict) -> str:
    from matplotlib.ticker import FuncFormatter, LogLocator

    from dnn_textbook import L_model_backward  # noqa: F401 (the library draws it)

    plt = pyplot()
    epsilons, differences, default = check_curve()
    fig, ax = plt.subplots(figsize=(WIDTH / 72, 330 / 72))
    ax.loglog(epsilons, differences, "o-", color=BLUE, lw=1.5, markersize=3)
    at_default = float(np.interp(np.log10(default), np.log10(epsilons), np.log10(differences)))
    ax.plot([default], [10**at_default], "o", color=ACCENT, markersize=8)
    ax.annotate(
        f"{labels['default']}{colon()}ε = {power_of_ten(default)}",
        xy=(default, 10**at_default),
        xytext=(0.03, 0.05),
        textcoords="axes fraction",
        ha="left",
        size=SMALL,
        color=ACCENT,
        arrowprops=dict(arrowstyle="-|>", color=ACCENT, lw=1, shrinkB=5),
    )
    best = int(np.argmin(differences))
    if not (default < epsilons[best] and 10**at_default < 1e-7):
        # docs/gradient_checking.rst says both: revise it if the library changes
        logger.warning(
            "gradient checking: the text says the default ε = %g lies left of the bottom "
            "of the V (ε ≈ %.2g) and gives a difference below 1e-7 (here %.2g)",
            default,
            epsilons[best],
            10**at_default,
        )
    ax.plot([epsilons[best]], [differences[best]], "s", color=INK, markersize=6)
    ax.annotate(
        f"{labels['bottom']}{colon()}ε ≈ {power_of_ten(epsilons[best])}",
        xy=(epsilons[best], differences[best]),
        xytext=(0.97, 0.05),
        textcoords="axes fraction",
        ha="right",
        size=SMALL,
        color=INK,
        arrowprops=dict(arrowstyle="-|>", color=INK, lw=1, shrinkB=5),
    )
    low, high = differences.min() / 300, differences.max() * 5
    ax.set_ylim(low, high)
    ax.set_yticks(
        [10.0**k for k in range(int(np.ceil(np.log10(low))), int(np.floor(np.log10(high))) + 1, 2)]
    )
    fig.text(0.03, 0.075, "← " + labels["rounding"], size=SMALL, ha="left", va="center")
    fig.text(0.97, 0.03, labels["truncation"] + " →", size=SMALL, ha="right", va="center")
    locator = LogLocator(base=10, numticks=20)
    ax.xaxis.set_major_locator(locator)
    ax.set_xticks([1e-12, 1e-9, 1e-6, 1e-3])
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: power_of_ten(x)))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda x, _: power_of_ten(x)))
    ax.xaxis.set_minor_formatter(FuncFormatter(lambda x, _: ""))
    ax.yaxis.set_minor_formatter(FuncFormatter(lambda x, _: ""))
    ax.set_xlabel("ε", size=NORMAL)
    ax.set_title(labels["difference"], size=NORMAL, loc="left")
    ax.grid(alpha=0.25, which="major")
    fig.subplots_adjust(left=0.15, right=0.96, top=0.92, bottom=0.24)
    return svg(fig, "gradient-check", labels["alt"])


# 6. The worked example, numbered


WORKED_KEYS = ["alt", "forward", "backward", "examples"]


def worked_example_values() -> dict:
    """Forward and backward values of the worked example, computed by the library."""
    from dnn_textbook import L_model_backward, L_model_forward

    X = np.array(WORKED_EXAMPLE["X"], dtype=float)
    Y = np.array(WORKED_EXAMPLE["Y"], dtype=float)
    parameters = {k: np.array(v, dtype=float) for k, v in WORKED_EXAMPLE["parameters"].items()}
    AL, caches = L_model_forward(X, parameters)
    grads = L_model_backward(AL, Y, caches)
    A = [X] + [cache.A_prev for cache in caches[1:]] + [AL]
    return {"A": A, "Z": [c.Z for c in caches], "grads": grads, "parameters": parameters, "Y": Y}


def draw_worked_example(labels: dict) -> str:
    values = worked_example_values()
    A, grads = values["A"], values["grads"]
    L = len(A) - 1
    step = 160
    height = 70 + step * L + 70
    fig, ax = canvas(height)
    ax.text(
        4,
        12,
        f"{labels['forward']}{colon()}A[l]  ({labels['examples']})",
        size=SMALL,
        va="center",
        color=BLUE,
    )
    ax.text(
        4, 30, f"{labels['backward']}{colon()}dW[l], db[l]", size=SMALL, va="center", color=ACCENT
    )
    node_w, node_h = 64, 24
    ys = [72 + step * l for l in range(L + 1)]
    xs = []
    for l in range(L + 1):
        count = A[l].shape[0]
        spread = 240 / max(count - 1, 1) if count > 1 else 0
        xs.append([180 + (j - (count - 1) / 2) * min(spread, 120) for j in range(count)])
    # edges first, with dW[l][j, k] on the edge from unit k of layer l-1 to unit j of l
    for l in range(1, L + 1):
        dW = grads[f"dW{l}"]
        for xj in xs[l]:
            for xk in xs[l - 1]:
                ax.plot(
                    [xk, xj],
                    [ys[l - 1] + node_h / 2, ys[l] - node_h / 2],
                    color="#9a9a9a",
                    lw=1,
                    zorder=1,
                )
        for j, xj in enumerate(xs[l]):
            for k, xk in enumerate(xs[l - 1]):
                t = 0.7  # near the unit the edge feeds, where the edges have parted
                x = xk + (xj - xk) * t
                y = ys[l - 1] + node_h / 2 + (ys[l] - ys[l - 1] - node_h) * t
                ax.text(
                    x,
                    y,
                    num(dW[j, k]),
                    size=SMALL,
                    ha="center",
                    va="center",
                    color=ACCENT,
                    zorder=3,
                    bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none"),
                )
    for l in range(L + 1):
        for j, x in enumerate(xs[l]):
            box(ax, x, ys[l], pair(A[l][j]), width=node_w, height=node_h, color=BLUE, size=SMALL)
            if l:
                db = grads[f"db{l}"][j, 0]
                eq(
                    ax,
                    x,
                    ys[l] + node_h / 2 + 10,
                    f"db {num(db)}",
                    size=SMALL,
                    ha="center",
                    va="center",
                    color=ACCENT,
                    zorder=3,
                    bbox=dict(boxstyle="round,pad=0.1", facecolor="white", edgecolor="none"),
                )
        name = "A[0] = X" if l == 0 else f"A[{l}]"
        if l == L:
            name = f"A[{L}] = ŷ"
        eq(ax, 4, ys[l] - 22, name, size=SMALL, va="center", color=BLUE, weight="bold")
    y = ys[L] + 44
    eq(ax, 180, y, f"y = {pair(values['Y'][0])}", size=SMALL, ha="center", va="center")
    return svg(fig, "worked-example", labels["alt"])


# The directive


FIGURES = {
    "layer-graph": (GRAPH_KEYS, lambda labels: draw_layer_graph(labels, False)),
    "layer-graph-backward": (GRAPH_KEYS, lambda labels: draw_layer_graph(labels, True)),
    "shapes": (SHAPE_KEYS, draw_shapes),
    "activations": (ACTIVATION_KEYS, draw_activations),
    "seed": (SEED_KEYS, draw_seed),
    "gradient-check": (CHECK_KEYS, draw_gradient_check),
    "worked-example": (WORKED_KEYS, draw_worked_example),
}


def draw(name: str, labels: dict, language: str = "en") -> str:
    """The SVG of figure ``name`` with ``labels``, in the format of ``language``."""
    previous, BUILD["language"] = BUILD["language"], language
    try:
        return FIGURES[name][1](labels)
    finally:
        BUILD["language"] = previous


class FigureFromLibrary(Directive):
    required_arguments = 1
    has_content = True
    option_spec = {"name": directives.unchanged}

    def run(self):
        name = self.arguments[0]
        if name not in FIGURES:
            raise self.error(f"unknown figure {name!r}: one of {', '.join(FIGURES)}")
        holder = nodes.Element()
        self.state.nested_parse(self.content, self.content_offset, holder)
        paragraphs = [n for n in holder.children if isinstance(n, nodes.paragraph)]
        lists = [n for n in holder.children if isinstance(n, nodes.bullet_list)]
        if len(paragraphs) != 1 or len(lists) != 1:
            raise self.error("figure-from-library: a caption paragraph, then a bullet list")
        figure = nodes.figure(classes=["library-figure", f"library-figure-{name}"])
        drawing = label_list.label_list(kind=f"figure-from-library:{name}")
        drawing += lists[0]
        figure += drawing
        first = paragraphs[0]
        caption = nodes.caption(first.rawsource, "", *first.children)
        caption.source, caption.line = first.source, first.line
        figure += caption
        self.add_name(figure)
        return [figure]


def check(app, doctree, docname):
    """Warn (an error with -W) where a figure's word is not translated."""
    if app.builder.format != "html" or app.config.language == "en":
        return
    for node in doctree.findall(label_list.label_list):
        if not node["kind"].startswith("figure-from-library:"):
            continue
        for paragraph in node.findall(nodes.paragraph):
            if not paragraph.get("translated"):
                logger.warning(
                    "figure %s: %r is not translated into %s",
                    node["kind"],
                    paragraph.astext(),
                    app.config.language,
                    location=paragraph,
                )


def start(app):
    BUILD["language"] = app.config.language


def setup(app):
    app.setup_extension("label_list")
    for name, (keys, drawing) in FIGURES.items():
        label_list.DRAWINGS[f"figure-from-library:{name}"] = (keys, drawing)
    app.add_directive("figure-from-library", FigureFromLibrary)
    app.connect("builder-inited", start)
    app.connect("doctree-resolved", check, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
