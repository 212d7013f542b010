"""The lecture's diagram of forward and backward boxes, drawn at build time.

The page writes the diagram's words as a bullet list inside the directive::

    .. lecture-diagram::

       * Forward propagation
       * Backward propagation
       * layer
       * cache
       * loss
       * not computed
       * sigmoid

Those list items are translated like every other paragraph, and
:mod:`label_list` hands them to :func:`draw` once the page is translated: the
diagram is the same drawing in every edition, as an inline SVG whose labels
are text in the reader's language.
Symbols (A[1], dW[2], ...) are plain text, identical in every language.
"""

from html import escape

import label_list

KEYS = ["forward", "backward", "layer", "cache", "loss", "unused", "sigmoid"]
# The drawing never shrinks below this fraction of its natural size, where its
# smallest letters (11 units) are about 10 px high; a narrower screen scrolls it.
MIN_SCALE = 0.9
# The phone's drawing (draw_narrow) is this many units wide: 11 units make 10 px
# letters on a 390 px screen, whose text column is about 343 px.
NARROW = 384


BUILD = {"language": "en"}  # one edition per build: set when the build starts


def colon() -> str:
    """ ": " after a word; in French with the no-break space before it (« cache : »)."""
    return "\u00a0: " if BUILD["language"] == "fr" else ": "


def start(app):
    BUILD["language"] = app.config.language


def text(x, y, s, size=13, anchor="middle", cls=""):
    return (
        f'<text x="{x}" y="{y}" font-size="{size}" text-anchor="{anchor}" '
        f'class="{cls}">{escape(s)}</text>'
    )


def arrow(x1, y1, x2, y2, cls="arrow", dash=False):
    d = ' stroke-dasharray="4 3"' if dash else ""
    return (
        f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" class="{cls}" stroke-width="1.5"'
        f' marker-end="url(#ld-head)"{d}/>'
    )


def draw(labels: dict) -> str:
    """The 3-layer example: ReLU, ReLU, sigmoid, forward on top, backward below."""
    activations = ["ReLU", "ReLU", labels["sigmoid"]]
    box_w = max(110, 8 * max(len(labels["layer"]) + 2, len(labels["cache"]) + 6))
    gap, top = 70, 40
    # room on the left for "not computed", right-aligned under the first box's
    # input (about 6.5 units a letter at size 11), and no more
    left = max(24, round(6.5 * len(labels["unused"])) - gap + 16)
    fy, by = top + 30, top + 210  # rows of the forward and backward boxes
    box_h = 50
    xs = [left + gap + i * (box_w + gap) for i in range(3)]
    loss_x = xs[2] + box_w + gap
    loss_w = max(70, 8 * len(labels["loss"]) + 20)
    width = loss_x + loss_w + 20
    # Bottom to top: the dW[l], db[l] row, then the backward title, then a margin
    # for the letters' descent; the viewBox ends below all of them.
    grads_y = by + box_h + 56
    backward_y = grads_y + 36
    height = backward_y + 14
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" style="min-width: {round(MIN_SCALE * width)}px" '
        f'role="img" aria-label="{escape(accessible_name(labels))}">',
        '<defs><marker id="ld-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        'fill="currentColor"/></marker></defs>',
        text(left, top - 10, labels["forward"] + " →", 15, "start", "title"),
        text(left, backward_y, "← " + labels["backward"], 15, "start", "title"),
    ]
    for l, x in enumerate(xs, start=1):
        name = f"{labels['layer']} {l}"
        # forward box: A[l-1] in, A[l] out, Z[l] cached
        out.append(f'<rect x="{x}" y="{fy}" width="{box_w}" height="{box_h}" rx="6" class="box"/>')
        out.append(text(x + box_w / 2, fy + 21, name))
        out.append(text(x + box_w / 2, fy + 39, f"W[{l}], b[{l}] · {activations[l - 1]}", 11))
        out.append(arrow(x - gap + 4, fy + box_h / 2, x - 2, fy + box_h / 2))
        out.append(text(x - gap / 2, fy + box_h / 2 - 6, "X" if l == 1 else f"A[{l - 1}]", 12))
        # the cache goes down to the backward box of the same layer
        out.append(arrow(x + box_w / 2, fy + box_h + 2, x + box_w / 2, by - 4, dash=True))
        out.append(
            text(
                x + box_w / 2 + 6,
                (fy + by + box_h) / 2 - 4,
                f"{labels['cache']}{colon()}Z[{l}]",
                12,
                "start",
            )
        )
        out.append(
            text(
                x + box_w / 2 + 6,
                (fy + by + box_h) / 2 + 12,
                f"(A[{l - 1}], W[{l}], b[{l}])",
                11,
                "start",
            )
        )
        # backward box: dA[l] in; dA[l-1], dW[l], db[l] out
        out.append(f'<rect x="{x}" y="{by}" width="{box_w}" height="{box_h}" rx="6" class="box"/>')
        out.append(text(x + box_w / 2, by + 21, name))
        out.append(text(x + box_w / 2, by + 39, f"{activations[l - 1]}′", 11))
        out.append(arrow(x + box_w / 2, by + box_h + 2, x + box_w / 2, by + box_h + 40))
        out.append(text(x + box_w / 2, grads_y, f"dW[{l}], db[{l}]", 12))
        unused = l == 1
        cls = "arrow unused" if unused else "arrow"
        out.append(arrow(x - 2, by + box_h / 2, x - gap + 4, by + box_h / 2, cls, dash=unused))
        label = f"dA[{l - 1}]"
        out.append(text(x - gap / 2, by + box_h / 2 - 6, label, 12, cls="unused" if unused else ""))
        if unused:
            # right-aligned to the box's edge, so that a long translation runs leftwards
            out.append(text(x - 6, by + box_h / 2 + 20, labels["unused"], 11, "end", cls="unused"))
    # output, loss, and the seed dA[3]
    out.append(arrow(xs[2] + box_w + 2, fy + box_h / 2, loss_x - 2, fy + box_h / 2))
    out.append(text(xs[2] + box_w + gap / 2, fy + box_h / 2 - 6, "A[3] = ŷ", 12))
    out.append(
        f'<rect x="{loss_x}" y="{fy}" width="{loss_w}" height="{box_h}" rx="6" class="box"/>'
    )
    out.append(text(loss_x + loss_w / 2, fy + 21, labels["loss"]))
    out.append(text(loss_x + loss_w / 2, fy + 39, "ℒ(ŷ, y)", 11))
    out.append(
        f'<path d="M{loss_x + loss_w / 2},{fy + box_h + 2} L{loss_x + loss_w / 2},'
        f'{by + box_h / 2} L{xs[2] + box_w + 4},{by + box_h / 2}" class="arrow" '
        f'stroke-width="1.5" marker-end="url(#ld-head)"/>'
    )
    out.append(text(xs[2] + box_w + gap / 2 + 4, by + box_h / 2 - 6, "dA[3]", 12))
    out.append("</svg>")
    return "\n".join(out)


def draw_narrow(labels: dict) -> str:
    """The same diagram for a phone: the layers top to bottom, forward on the left,
    backward on the right, the loss at the bottom. It is NARROW units wide, so that
    on a 390 px screen its smallest letters (11 units) are still about 10 px high."""
    activations = ["ReLU", "ReLU", labels["sigmoid"]]
    pad, box_w, box_h, gap = 8, 106, 50, 104
    fx, bx = pad, pad + box_w + gap  # left edges of the forward and backward columns
    fc, bc = fx + box_w / 2, bx + box_w / 2  # their centres
    top = 62  # below the two titles
    step = box_h + 56  # from one layer to the next
    ys = [top + 40 + i * step for i in range(3)]
    loss_y = ys[2] + step
    height = loss_y + box_h + 46
    width = NARROW
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" class="narrow" '
        f'role="img" aria-label="{escape(accessible_name(labels))}">',
        '<defs><marker id="ld-head-n" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        'fill="currentColor"/></marker></defs>',
        text(pad, 22, "↓ " + labels["forward"], 15, "start", "title"),
        text(width - pad, 46, labels["backward"] + " ↑", 15, "end", "title"),
    ]

    def down(x1, y1, x2, y2, cls="arrow", dash=False):
        return arrow(x1, y1, x2, y2, cls, dash).replace("#ld-head)", "#ld-head-n)")

    for l, y in enumerate(ys, start=1):
        name = f"{labels['layer']} {l}"
        mid = y + box_h / 2
        # forward box, its input from above
        out.append(f'<rect x="{fx}" y="{y}" width="{box_w}" height="{box_h}" rx="6" class="box"/>')
        out.append(text(fc, y + 21, name))
        out.append(text(fc, y + 39, f"W[{l}], b[{l}] · {activations[l - 1]}", 11))
        out.append(down(fc, y - step + box_h + 2 if l > 1 else y - 28, fc, y - 2))
        out.append(text(fc + 6, y - 12, "X" if l == 1 else f"A[{l - 1}]", 12, "start"))
        # the cache goes across to the backward box of the same layer
        out.append(down(fx + box_w + 2, mid, bx - 4, mid, dash=True))
        out.append(text(fx + box_w + gap / 2, mid - 6, f"{labels['cache']}{colon()}Z[{l}]", 11))
        out.append(text(fx + box_w + gap / 2, mid + 14, f"(A[{l - 1}], W[{l}], b[{l}])", 11))
        # backward box: dA[l] from below; dA[l-1] up, dW[l] and db[l] to the right
        out.append(f'<rect x="{bx}" y="{y}" width="{box_w}" height="{box_h}" rx="6" class="box"/>')
        out.append(text(bc, y + 21, name))
        out.append(text(bc, y + 39, f"{activations[l - 1]}′", 11))
        out.append(down(bx + box_w + 2, mid, bx + box_w + 16, mid))
        out.append(text(bx + box_w + 19, mid - 3, f"dW[{l}]", 12, "start"))
        out.append(text(bx + box_w + 19, mid + 12, f"db[{l}]", 12, "start"))
        unused = l == 1
        cls = "arrow unused" if unused else "arrow"
        out.append(down(bc, y - 2, bc, y - 28 if unused else y - step + box_h + 4, cls, unused))
        label = f"dA[{l - 1}]"
        out.append(text(bc + 6, y - 12, label, 12, "start", "unused" if unused else ""))
        if unused:
            out.append(text(bc + 6, y - 28, labels["unused"], 11, "start", "unused"))
    # output, loss, and the seed dA[3]
    out.append(down(fc, ys[2] + box_h + 2, fc, loss_y - 2))
    out.append(text(fc + 6, loss_y - 12, "A[3] = ŷ", 12, "start"))
    out.append(f'<rect x="{fx}" y="{loss_y}" width="{box_w}" height="{box_h}" rx="6" class="box"/>')
    out.append(text(fc, loss_y + 21, labels["loss"]))
    out.append(text(fc, loss_y + 39, "ℒ(ŷ, y)", 11))
    out.append(
        f'<path d="M{fx + box_w + 2},{loss_y + box_h / 2} L{bc},{loss_y + box_h / 2} '
        f'L{bc},{ys[2] + box_h + 4}" class="arrow" stroke-width="1.5" '
        f'marker-end="url(#ld-head-n)"/>'
    )
    out.append(text(bc + 6, loss_y - 12, "dA[3]", 12, "start"))
    out.append("</svg>")
    return "\n".join(out)


def accessible_name(labels: dict) -> str:
    return f"{labels['forward']} / {labels['backward']}"


def figure(labels: dict) -> str:
    # Two drawings: the wide one, and the narrow one that a phone shows instead
    # (languages.css). Where neither fits the figure scrolls sideways: tabindex
    # lets a keyboard reach it and scroll it, and it carries the drawing's name.
    name = escape(accessible_name(labels))
    return (
        f'<figure class="lecture-diagram" tabindex="0" aria-label="{name}">\n'
        f"{draw(labels)}\n{draw_narrow(labels)}\n</figure>"
    )


def setup(app):
    app.setup_extension("label_list")
    app.connect("builder-inited", start)
    label_list.register(app, "lecture-diagram", KEYS, figure)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
