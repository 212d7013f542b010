"""The application chapter, computed while the book builds.

When a build starts, this extension trains the chapter's two networks on
the breast-cancer data (:func:`dnn_textbook.data.load_breast_cancer_split`)
with the loop of :func:`dnn_textbook.L_layer_model`, silently, run step
by step so that it can note two moments: the end of the course's budget
of iterations, and the first iteration at which the training cost is
below a stated target. Then:

* the role ``:result:`deep_test``` writes a number of that run into the
  text (an accuracy, a cost, a time), in the edition's number format, so
  the text always states what this build computed;
* the directive ``.. cost-curves::`` draws the two cost curves and the
  target with matplotlib (no display) as an inline SVG whose text stays
  text, with the translated words of its bullet list (see
  :mod:`label_list`) and the edition's decimal separator.

Checks turn into build warnings (so, with ``-W``, errors): a word of the
figure that a French or Ukrainian build did not translate (a missing or
fuzzy catalog entry), and a run that contradicts the chapter's text: a
network that never reaches the target, a deeper network that is not the
one still learning at the end of the budget, or a deeper network that
does better on the test set at the target.
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
TARGET, MAX_ITERATIONS = 0.08, 8000  # train until the cost is below TARGET
LABELS = ["title", "x", "y", "shallow", "deep", "target"]
BUILD = {"language": "en"}  # one edition per build: set when the build starts


def accuracy(X, Y, parameters) -> float:
    from dnn_textbook import predict

    return float(np.mean(predict(X, parameters) == Y))


@cache
def results() -> dict:
    """Train both models once per build; every number the chapter quotes."""
    from dnn_textbook import (
        L_model_backward,
        L_model_forward,
        compute_cost,
        initialize_parameters_deep,
        update_parameters,
    )
    from dnn_textbook.data import load_breast_cancer_split

    train_x, train_y, test_x, test_y = load_breast_cancer_split()
    out = {
        "train_examples": train_x.shape[1],
        "test_examples": test_x.shape[1],
        "iterations": ITERATIONS,
        "learning_rate": LEARNING_RATE,
        "target": TARGET,
    }
    for name, dims in MODELS.items():
        start = time.perf_counter()
        # The loop of L_layer_model, with the same initialization.
        parameters = initialize_parameters_deep(dims, np.random.default_rng(SEED), scale="xavier")
        costs = []
        for i in range(MAX_ITERATIONS + 1):
            AL, caches = L_model_forward(train_x, parameters)
            cost = compute_cost(AL, train_y)
            if i % 100 == 0:
                costs.append(cost)
            if i == ITERATIONS:  # after the course's budget of updates
                out[f"{name}_seconds"] = time.perf_counter() - start
                out[f"{name}_final_cost"] = cost
                out[f"{name}_drop"] = costs[(ITERATIONS - 500) // 100] - cost
                out[f"{name}_train"] = accuracy(train_x, train_y, parameters)
                out[f"{name}_test"] = accuracy(test_x, test_y, parameters)
            if cost < TARGET and f"{name}_target_iterations" not in out:
                out[f"{name}_target_iterations"] = i
                out[f"{name}_target_train"] = accuracy(train_x, train_y, parameters)
                out[f"{name}_target_test"] = accuracy(test_x, test_y, parameters)
            if i >= ITERATIONS and f"{name}_target_iterations" in out:
                break
            grads = L_model_backward(AL, train_y, caches)
            parameters = update_parameters(parameters, grads, LEARNING_RATE)
        out[f"{name}_costs"] = costs
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
    if key.endswith(("_cost", "_drop")):
        text = f"{value:.3f}"
        return text.replace(".", ",") if comma else text
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
    # 4.8 in (461 px) wide: on a phone it shrinks to the column with letters of 10 px
    fig, ax = plt.subplots(figsize=(4.8, 3.2))
    for name, style in (("shallow", "-"), ("deep", "--")):
        costs = data[f"{name}_costs"]
        ax.plot(np.arange(len(costs)), costs, style, label=labels[name])
    ax.axhline(TARGET, linestyle=":", color="grey", label=labels["target"])
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
    BUILD["labels"] = labels  # the chapter's notebook draws the curves with them
    title = escape(labels["title"], quote=True)
    return f'<figure class="cost-curves" role="img" aria-label="{title}">{plot(labels)}</figure>'


TRAIN = f"""\
import numpy as np
from dnn_textbook import L_layer_model, predict
from dnn_textbook.data import load_breast_cancer_split

train_x, train_y, test_x, test_y = load_breast_cancer_split()
costs = {{}}
for name, dims in {MODELS!r}.items():
    parameters, costs[name] = L_layer_model(
        train_x, train_y, dims, learning_rate={LEARNING_RATE}, num_iterations={ITERATIONS},
        print_cost=False, rng=np.random.default_rng({SEED}), scale="xavier",
    )
    train = float(np.mean(predict(train_x, parameters) == train_y))
    test = float(np.mean(predict(test_x, parameters) == test_y))
    print(f"{{name}} {{dims}}: train accuracy {{train:.3f}}, test accuracy {{test:.3f}}")"""

PLOT = f"""\
%matplotlib inline
import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter

fig, ax = plt.subplots(figsize=(7, 4))
for name, style in (("shallow", "-"), ("deep", "--")):
    ax.plot(np.arange(len(costs[name])), costs[name], style, label=labels[name])
ax.axhline({TARGET}, linestyle=":", color="grey", label=labels["target"])
ax.set_title(labels["title"])
ax.set_xlabel(labels["x"])
ax.set_ylabel(labels["y"])
ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _: f"{{y:g}}".replace(".", labels["point"])))
ax.legend()
ax.grid(alpha=0.3)
plt.show()"""


def notebook_cells() -> list[tuple[str, str, list[str]]]:
    """The chapter's experiment in its notebook: (source, expected output, tags) of each cell.

    The first cell trains both networks for the course's budget and prints
    their accuracies, the output this build computed; the second draws the
    cost curves inline with the figure's translated words, given on its
    first line (the only line that differs between editions).
    """
    data = results()
    printed = "".join(
        f"{name} {dims}: train accuracy {data[f'{name}_train']:.3f}, "
        f"test accuracy {data[f'{name}_test']:.3f}\n"
        for name, dims in MODELS.items()
    )
    labels = {key: BUILD["labels"][key] for key in LABELS}
    labels["point"] = "," if decimal_comma(BUILD["language"]) else "."
    return [
        (TRAIN, printed, []),
        (f"labels = {labels!r}\n{PLOT}", "", ["edition-labels"]),
    ]


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
        for problem in contradictions(results()):
            logger.warning("%s: revise the text", problem, location=node)


def contradictions(data: dict) -> list[str]:
    """What in this run contradicts the chapter's text."""
    problems = []
    for name in MODELS:
        if f"{name}_target_iterations" not in data:
            problems.append(
                f"the {name} network never reaches the cost {TARGET} in {MAX_ITERATIONS} iterations"
            )
    if (
        data["deep_final_cost"] <= data["shallow_final_cost"]
        or data["deep_drop"] <= data["shallow_drop"]
    ):
        problems.append(
            "the chapter says the deeper network is the one still learning after "
            f"{ITERATIONS} iterations, but this run gives final costs "
            f"{data['deep_final_cost']:.4f} (deep) and "
            f"{data['shallow_final_cost']:.4f} (shallow), drops "
            f"{data['deep_drop']:.4f} and {data['shallow_drop']:.4f}"
        )
    if data.get("deep_target_test", 0) > data.get("shallow_target_test", 1):
        problems.append(
            "the chapter says the deeper network does no better on the test set "
            f"at the target cost, but this run gives {data['deep_target_test']:.4f} "
            f"against {data['shallow_target_test']:.4f}"
        )
    return problems


def setup(app):
    app.add_role("result", result_role)
    app.setup_extension("label_list")
    label_list.register(app, "cost-curves", LABELS, figure)
    app.connect("builder-inited", start)
    app.connect("doctree-resolved", check, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
