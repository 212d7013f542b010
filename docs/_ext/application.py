"""The application chapter, computed while the book builds.

When a build starts, this extension trains the chapter's two networks on
the breast-cancer data (:func:`dnn_textbook.data.load_breast_cancer_split`)
with :func:`dnn_textbook.L_layer_model`, silently. Then:

* the role ``:result:`deep_test``` writes a number of that run into the
  text (an accuracy, a cost, a time), in the edition's number format, so
  the text always states what this build computed;
* the directive ``.. cost-curves::`` draws the two cost curves with
  matplotlib (no display) as an inline SVG whose text stays text, with the
  translated words of its bullet list (see :mod:`label_list`) and the
  edition's decimal separator.

Two checks turn into build warnings (so, with ``-W``, errors): a word of
the figure that a French or Ukrainian build did not translate (a missing
or fuzzy catalog entry), and a run in which the deeper network does better
on the test set, which the chapter's last paragraph says it does not.
"""

from __future__ import annotations

import io
import time
from functools import cache
from html import escape

import label_list
import numpy as np
from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger(__name__)

MODELS = {"shallow": [30, 7, 1], "deep": [30, 20, 7, 5, 1]}
LEARNING_RATE, ITERATIONS, SEED = 0.0075, 2500, 1
LABELS = ["title", "x", "y", "shallow", "deep"]
BUILD = {"language": "en"}  # one edition per build: set when the build starts


@cache
def results() -> dict:
    """Train both models once per build; every number the chapter quotes."""
    from dnn_textbook import L_layer_model, predict
    from dnn_textbook.data import load_breast_cancer_split

    train_x, train_y, test_x, test_y = load_breast_cancer_split()
    out = {
        "train_examples": train_x.shape[1],
        "test_examples": test_x.shape[1],
        "iterations": ITERATIONS,
        "learning_rate": LEARNING_RATE,
    }
    for name, dims in MODELS.items():
        start = time.perf_counter()
        parameters, costs = L_layer_model(
            train_x,
            train_y,
            dims,
            LEARNING_RATE,
            ITERATIONS,
            print_cost=False,
            rng=np.random.default_rng(SEED),
            scale="xavier",
        )
        out[f"{name}_seconds"] = time.perf_counter() - start
        out[f"{name}_costs"] = costs
        out[f"{name}_final_cost"] = costs[-1]
        out[f"{name}_train"] = float(np.mean(predict(train_x, parameters) == train_y))
        out[f"{name}_test"] = float(np.mean(predict(test_x, parameters) == test_y))
    return out


def decimal_comma(language: str) -> bool:
    return language in ("fr", "uk")


def formatted(key: str, language: str) -> str:
    value = results()[key]
    comma = decimal_comma(language)
    if key.endswith(("_train", "_test")):
        text = f"{100 * value:.1f}"
        text = text.replace(".", ",") if comma else text
        return f"{text}\u00a0%" if comma else f"{text}%"
    if key.endswith("_seconds"):
        text = f"{value:.2f}"
        unit = "с" if language == "uk" else "s"
        return (text.replace(".", ",") if comma else text) + "\u00a0" + unit
    if isinstance(value, float):
        text = f"{value:.4g}"
        return text.replace(".", ",") if comma else text
    return str(value)


def result_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    language = inliner.document.settings.env.config.language
    try:
        return [nodes.inline(rawtext, formatted(text, language), classes=["result"])], []
    except KeyError:
        message = inliner.reporter.error(f"unknown result {text!r}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]


def plot(labels: dict) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    plt.rcParams["svg.fonttype"] = "none"  # text stays text
    data = results()
    fig, ax = plt.subplots(figsize=(7, 4))
    for name, style in (("shallow", "-"), ("deep", "--")):
        costs = data[f"{name}_costs"]
        ax.plot(np.arange(len(costs)), costs, style, label=labels[name])
    ax.set_title(labels["title"])
    ax.set_xlabel(labels["x"])
    ax.set_ylabel(labels["y"])
    if decimal_comma(BUILD["language"]):
        ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _: f"{y:g}".replace(".", ",")))
    ax.legend()
    ax.grid(alpha=0.3)
    fig.tight_layout()
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None})
    plt.close(fig)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]


def figure(labels: dict) -> str:
    title = escape(labels["title"], quote=True)
    return f'<figure class="cost-curves" role="img" aria-label="{title}">{plot(labels)}</figure>'


def start(app):
    BUILD["language"] = app.config.language


def check(app, doctree, docname):
    """Warn before the figure is drawn (label_list draws it at priority 500)."""
    if app.builder.format != "html":
        return
    for node in doctree.findall(label_list.label_list):
        if node["kind"] != "cost-curves":
            continue
        if app.config.language != "en":
            for paragraph in node.findall(nodes.paragraph):
                if not paragraph.get("translated"):
                    logger.warning(
                        "cost curves: %r is not translated into %s",
                        paragraph.astext(),
                        app.config.language,
                        location=paragraph,
                    )
        data = results()
        if data["deep_test"] > data["shallow_test"]:
            logger.warning(
                "the chapter says the deeper network does no better on the test "
                "set, but this run gives %.4f against %.4f: revise the text",
                data["deep_test"],
                data["shallow_test"],
                location=node,
            )


def setup(app):
    app.add_role("result", result_role)
    app.setup_extension("label_list")
    label_list.register(app, "cost-curves", LABELS, figure)
    app.connect("builder-inited", start)
    app.connect("doctree-resolved", check, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
