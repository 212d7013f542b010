"""The exercises of the course as notebooks, made from the page "Build it yourself".

The page ``build_it_yourself`` holds, for each function of the course's
programming exercise, what to write and a stub. Four directives carry what
is not ordinary prose; their bodies are paragraphs, which the gettext
builder extracts and each edition translates:

``.. exercise-setup::``
    the cell that imports numpy, the course's helpers and the checker, and
    chooses the language of the checker's reports;
``.. exercise-stub:: <name>``
    the function with the course's signature, the body's paragraphs as its
    docstring and ``raise NotImplementedError``, then the cell that calls
    ``check("<name>", <name>)``;
``.. exercise-expected:: <name>``
    the body's sentence, then the outputs of the hand-worked case
    (:func:`dnn_textbook.exercises.example`) as numpy prints them, with a
    decimal point in every edition (a decimal comma inside ``[[0,5 0,5]]``
    would read as two numbers), then a cell that calls the learner's
    function on the same case and prints what it returns, in the same
    format, so that the two can be compared line by line;
``.. exercise-training::``
    the loop that trains a network with the learner's functions, with the
    words it prints (a bullet list); it checks the functions first, and
    only says which are not written yet while they are stubs; it stops,
    and says the usual cause, when the cost becomes NaN or inf, as
    ``L_layer_model`` does, and it plots the cost inline;
``.. exercise-intro:: <chapter>``
    the introduction of a chapter's notebook, in place of the page's;
``.. exercise-words::``
    the other words the cells use (a bullet list): the comment of a stub,
    and what the cell after an expected output prints.

Under each exercise, the notebook names the section of the book that
derives its equations, as a link to the book's public address
(``[project.urls] Documentation`` in ``pyproject.toml``) in the edition's
language. A relative link would work only inside the built site; the
learner downloads or moves the notebook, or gets it from
``python -m dnn_textbook.notebooks``. The link's text is the section's
name, so that it can be found in any copy of the book.

When the HTML builder has resolved the page (already translated), this
extension writes, inside the edition, ``_exercises/build_it_yourself.ipynb``
(the whole page, in the course's order) and one notebook per chapter that
has functions to write, ``_exercises/<chapter>.ipynb``: the page's
introduction, its set-up, the chapter's exercises and the exercises they
call. Then it replaces each directive by what the notebook shows, so the
page has the same stubs and text. Each page with a notebook of exercises
links it (``_templates/page.html``; the words come from ``sphinx.po``).
"""

from __future__ import annotations

import copy
import json
import re
import textwrap
from pathlib import Path

import nbformat
import tomllib
from docutils import nodes
from docutils.parsers.rst import Directive
from nbformat import v4
from notebooks import Notebook, escape

PAGE = "build_it_yourself"
FOLDER = "_exercises"

#: The course's signature of each exercise, and the names of what it returns.
SIGNATURES = {
    "initialize_parameters_deep": (("layer_dims",), ("parameters",)),
    "linear_forward": (("A", "W", "b"), ("Z", "cache")),
    "linear_activation_forward": (("A_prev", "W", "b", "activation"), ("A", "cache")),
    "L_model_forward": (("X", "parameters"), ("AL", "caches")),
    "compute_cost": (("AL", "Y"), ("cost",)),
    "linear_backward": (("dZ", "cache"), ("dA_prev", "dW", "db")),
    "linear_activation_backward": (("dA", "cache", "activation"), ("dA_prev", "dW", "db")),
    "L_model_backward": (("AL", "Y", "caches"), ("grads",)),
    "update_parameters": (("parameters", "grads", "learning_rate"), ("parameters",)),
}
#: The chapters that derive the exercises, in reading order.
CHAPTERS = {
    "forward": ("linear_forward", "linear_activation_forward"),
    "backward": ("linear_backward", "linear_activation_backward"),
    "putting_together": ("L_model_forward", "compute_cost", "L_model_backward"),
    "training": ("initialize_parameters_deep", "update_parameters"),
}
#: The exercises that an exercise calls, in the course's notebook.
CALLS = {
    "linear_activation_forward": ("linear_forward",),
    "L_model_forward": ("linear_activation_forward",),
    "linear_activation_backward": ("linear_backward",),
    "L_model_backward": ("linear_activation_backward",),
}
#: The section of the book that derives each exercise's equations.
SECTIONS = {
    "initialize_parameters_deep": ("training", "initialization"),
    "linear_forward": ("forward", "the-forward-step-of-a-layer"),
    "linear_activation_forward": ("forward", "the-forward-step-of-a-layer"),
    "L_model_forward": ("putting_together", "the-chain-of-layers"),
    "compute_cost": ("putting_together", "the-loss-and-the-seed-of-the-backward-pass"),
    "linear_backward": ("backward", "the-vectorized-step"),
    "linear_activation_backward": ("backward", "the-four-equations"),
    "L_model_backward": ("putting_together", "the-chain-of-layers"),
    "update_parameters": ("training", "gradient-descent"),
}
LINK = "Download this chapter's exercises as a Jupyter notebook"
LINK_PAGE = "Download these exercises as a Jupyter notebook"

SETUP = """\
import copy

import numpy as np

import dnn_textbook
from dnn_textbook.course_helpers import relu, relu_backward, sigmoid, sigmoid_backward
from dnn_textbook.exercises import check, example

dnn_textbook.set_language({language!r})"""

TRAINING = """\
from dnn_textbook.data import load_breast_cancer_split
from dnn_textbook.exercises import EXERCISES

not_written = [name for name in EXERCISES if not check(name, globals()[name]).passed]
if not_written:
    print({missing}, ", ".join(not_written))
else:
    train_x, train_y, test_x, test_y = load_breast_cancer_split()
    parameters = initialize_parameters_deep([30, 7, 1])
    costs = []
    for i in range(2000):
        AL, caches = L_model_forward(train_x, parameters)
        cost = compute_cost(AL, train_y)
        if not np.isfinite(cost):
            print({diverged}, i)
            print({cause})
            break
        if i % 100 == 0:
            costs.append(cost)
        if i % 500 == 0:
            print({cost}, i, cost)
        grads = L_model_backward(AL, train_y, caches)
        parameters = update_parameters(parameters, grads, 0.05)
    else:
        AL, caches = L_model_forward(test_x, parameters)
        print({accuracy}, float(np.mean((AL > 0.5) == test_y)))

    import matplotlib.pyplot as plt

    plt.plot(range(0, 100 * len(costs), 100), costs)
    plt.xlabel({iteration})
    plt.ylabel({cost_label})
    plt.show()"""


class exercise_setup(nodes.General, nodes.Element):  # noqa: N801 (docutils node names)
    """The set-up cell."""


class exercise_stub(nodes.General, nodes.Element):  # noqa: N801
    """A stub: its paragraphs are the docstring."""


class exercise_expected(nodes.General, nodes.Element):  # noqa: N801
    """What the hand-worked case gives: a sentence, then the outputs."""


class exercise_training(nodes.General, nodes.Element):  # noqa: N801
    """The training loop: the words it prints, as a bullet list."""


class exercise_intro(nodes.General, nodes.Element):  # noqa: N801
    """The introduction of a chapter's notebook."""


class exercise_words(nodes.General, nodes.Element):  # noqa: N801
    """The words of the added cells, as a bullet list."""


def directive(node_class, named: bool, known=SIGNATURES):
    class ExerciseDirective(Directive):
        has_content = True
        required_arguments = 1 if named else 0

        def run(self):
            node = node_class()
            node.source, node.line = self.state_machine.get_source_and_line(self.lineno)
            if named:
                name = self.arguments[0]
                if name not in known:
                    raise self.error(f"unknown exercise or chapter {name!r}")
                node["name"] = name
            self.state.nested_parse(self.content, self.content_offset, node)
            return [node]

    return ExerciseDirective


# The code and the text of each directive


def words(doctree) -> list[str]:
    """The translated words of ``.. exercise-words::``, in order."""
    node = next(iter(doctree.findall(exercise_words)))
    return [" ".join(item.astext().split()) for item in node.findall(nodes.list_item)]


def quoted(text: str) -> str:
    """A Python string as the edition writes it: repr() would show a no-break space as \\xa0."""
    return json.dumps(text, ensure_ascii=False)


def stub(node, comment: str = "YOUR CODE HERE") -> str:
    name = node["name"]
    params, _ = SIGNATURES[name]
    # Sphinx's smart quotes make "relu" “relu”: a docstring keeps Python's quotes
    straight = str.maketrans({"“": '"', "”": '"', "„": '"', "…": "..."})
    paragraphs = [p.astext().translate(straight) for p in node.findall(nodes.paragraph)]
    lines = []
    for number, text in enumerate(paragraphs):
        # only ASCII spaces: a French no-break space keeps « : » on its line
        text = re.sub(r"[ \t\n]+", " ", text).strip()
        wrapped = textwrap.wrap(text, 75, break_on_hyphens=False)
        lines += ([""] if number else []) + wrapped
    doc = "\n".join(("    " + line) if line else "" for line in lines).replace('"""', r"\"\"\"")
    return (
        f"def {name}({', '.join(params)}):\n"
        f'    """{doc.lstrip()}\n    """\n'
        f"    # {comment}\n"
        "    raise NotImplementedError"
    )


def check_call(name: str) -> str:
    return f'check("{name}", {name})'


def shown(label: str, value) -> list[str]:
    """What ``print(label, "=", value)`` prints: numpy's own format, in every edition."""
    if isinstance(value, dict):
        return [line for key, item in value.items() for line in shown(key, item)]
    return f"{label} = {value}".splitlines()


def expected(name: str) -> str:
    """The outputs of the hand-worked case, as the cell after it prints the learner's."""
    from dnn_textbook.exercises import example

    outputs = example(name).expected
    _, names = SIGNATURES[name]
    if name == "initialize_parameters_deep":
        return "\n".join(f"{key}: {shape}" for key, shape in outputs.items())
    values = outputs if len(names) > 1 else (outputs,)
    lines = []
    for label, value in zip(names, values, strict=True):
        if label in ("cache", "caches"):
            continue  # what the backward pass reads, checked by check()
        lines += shown(label, value)
    return "\n".join(lines)


def yours(name: str, not_written: str, returns: str) -> str:
    """The cell that calls the learner's function on the hand-worked case and prints it."""
    _, names = SIGNATURES[name]
    call = f'{", ".join(names)} = {name}(*example("{name}").args)'
    lines = [
        "try:",
        f"    {call}",
        "except NotImplementedError:",
        f"    print({quoted(not_written)})",
    ]
    lines += ["else:", f"    print({quoted(returns)})"]
    for label in names:
        if label in ("cache", "caches"):
            continue
        if name == "initialize_parameters_deep":
            lines += [
                f"    for key, value in {label}.items():",
                '        print(f"{key}: {value.shape}")',
            ]
        elif label in ("grads", "parameters"):
            lines += [f"    for key, value in {label}.items():", '        print(key, "=", value)']
        else:
            lines.append(f'    print("{label} =", {label})')
    return "\n".join(lines)


def training(node) -> str:
    texts = [" ".join(item.astext().split()) for item in node.findall(nodes.list_item)]
    missing, cost, accuracy, diverged, cause, iteration, cost_label = map(quoted, texts)
    return TRAINING.format(
        missing=missing,
        cost=cost,
        accuracy=accuracy,
        diverged=diverged,
        cause=cause,
        iteration=iteration,
        cost_label=cost_label,
    )


def book_address(app) -> str:
    """The edition's address in the published book, from pyproject.toml."""
    pyproject = Path(app.confdir).parent / "pyproject.toml"
    with pyproject.open("rb") as f:
        base = tomllib.load(f)["project"]["urls"]["Documentation"]
    return f"{base.rstrip('/')}/{app.config.language}/"


def section_link(app, name: str) -> str:
    """The section that derives the exercise, by name, linked at the book's address."""
    import dnn_textbook
    from dnn_textbook._i18n import _
    from dnn_textbook.exercises import MISTAKES

    doc, anchor = SECTIONS[name]
    # the section's name as the checker's reports give it, in the edition's language
    (title,) = {m.title for m in MISTAKES.values() if m.section == (doc, anchor)}
    dnn_textbook.set_language(app.config.language)
    try:
        title = _(title)
    finally:
        dnn_textbook.set_language("en")
    return f"[{title}]({book_address(app)}{doc}.html#{anchor})"


# The notebooks


class ExerciseNotebook(Notebook):
    """The cells of the page, or of a chapter's part of it."""

    words: list[str] = []  # the words of exercise-words: comment, not written, returns, section

    def block(self, node, level: int):
        language = self.app.config.language
        comment, not_written, returns = self.words[:3]
        if isinstance(node, exercise_setup):
            self.exercise_cell(SETUP.format(language=language), "setup")
        elif isinstance(node, exercise_stub):
            self.add(f"{escape(self.words[3])} {section_link(self.app, node['name'])}")
            self.exercise_cell(stub(node, comment), "exercise", node["name"])
            self.exercise_cell(check_call(node["name"]), "check", node["name"])
        elif isinstance(node, exercise_expected):
            self.body(node, level)
            self.add(f"```\n{expected(node['name'])}\n```")
            self.exercise_cell(yours(node["name"], not_written, returns), "yours", node["name"])
        elif isinstance(node, exercise_training):
            self.exercise_cell(training(node), "training")
        elif isinstance(node, exercise_intro | exercise_words):
            pass
        else:
            super().block(node, level)

    def exercise_cell(self, source: str, tag: str, name: str | None = None):
        self.flush()
        cell = v4.new_code_cell(source)
        cell.metadata["tags"] = [tag]
        if name:
            cell.metadata["dnn_textbook"] = {"exercise": name}
        self.cells.append(cell)

    def notebook(self, doctree, title: str, part: str) -> nbformat.NotebookNode:
        self.body(doctree, 1)
        self.flush()
        notebook = v4.new_notebook()
        notebook.cells = [v4.new_markdown_cell(f"# {title}"), *self.cells]
        for number, cell in enumerate(notebook.cells):  # the same ids in every build
            cell.id = f"exercises-{part.replace('_', '-')}-{number}"
        notebook.metadata = {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
            "dnn_textbook": {"exercises": part, "language": self.app.config.language},
        }
        nbformat.validate(notebook)
        return notebook


def needed(chapter: str) -> list[str]:
    """The chapter's exercises and those they call, in the course's order."""
    names, todo = set(), list(CHAPTERS[chapter])
    while todo:
        name = todo.pop()
        if name not in names:
            names.add(name)
            todo += CALLS.get(name, ())
    return [name for name in SIGNATURES if name in names]


def part(doctree, chapter: str):
    """The page with the chapter's introduction, its set-up and the sections of its exercises."""
    names = needed(chapter)
    page = copy.deepcopy(doctree)
    top = next(iter(page.findall(nodes.section)))
    # the chapter's own introduction replaces the page's paragraphs
    (intro,) = [n for n in page.findall(exercise_intro) if n["name"] == chapter]
    first = next(i for i, c in enumerate(top.children) if not isinstance(c, nodes.title))
    end = next(i for i, c in enumerate(top.children) if isinstance(c, nodes.section))
    paragraphs = [c.deepcopy() for c in intro.children]
    del top[first:end]
    for offset, paragraph in enumerate(paragraphs):
        top.insert(first + offset, paragraph)
    for section in [c for c in top.children if isinstance(c, nodes.section)]:
        if any(True for _ in section.findall(exercise_setup)):
            continue
        stubs = [s["name"] for s in section.findall(exercise_stub)]
        if not (stubs and stubs[0] in names):
            top.remove(section)
    return page


def write_notebooks(app, doctree, docname):
    if app.builder.format != "html" or docname != PAGE:
        return
    out = Path(app.outdir) / FOLDER
    out.mkdir(parents=True, exist_ok=True)
    title = app.env.titles[PAGE].astext()
    notebooks = {PAGE: (doctree, title)}
    for chapter in CHAPTERS:
        chapter_title = app.env.titles[chapter].astext()
        colon = "\u00a0: " if app.config.language == "fr" else ": "
        notebooks[chapter] = (part(doctree, chapter), title + colon + chapter_title)
    for name, (tree, heading) in notebooks.items():
        writer = ExerciseNotebook(app, PAGE, [])
        writer.words = words(doctree)
        notebook = writer.notebook(tree, heading, name)
        nbformat.write(notebook, out / f"{name}.ipynb")
    show_on_page(doctree, app.config.language)


def python(source: str) -> nodes.literal_block:
    block = nodes.literal_block(source, source)
    block["language"] = "python"
    return block


def show_on_page(doctree, language: str):
    """Each directive as the notebook shows it: code blocks and the expected outputs."""
    comment, not_written, returns = words(doctree)[:3]
    for node in list(doctree.findall(exercise_intro)) + list(doctree.findall(exercise_words)):
        node.parent.remove(node)
    for node in list(doctree.findall(exercise_setup)):
        node.replace_self(python(SETUP.format(language=language)))
    for node in list(doctree.findall(exercise_stub)):
        node.replace_self(python(stub(node, comment) + "\n\n\n" + check_call(node["name"])))
    for node in list(doctree.findall(exercise_expected)):
        text = expected(node["name"])
        block = nodes.literal_block(text, text)
        node.replace_self(
            [*node.children, block, python(yours(node["name"], not_written, returns))]
        )
    for node in list(doctree.findall(exercise_training)):
        node.replace_self(python(training(node)))


def front_page_language(app, doctree, docname):
    """The front page's command writes the notebooks of the edition: ``--lang fr`` in French."""
    if docname != "index" or app.config.language == "en":
        return
    for block in list(doctree.findall(nodes.literal_block)):
        text = block.astext()
        if "dnn_textbook.notebooks --lang en" in text:
            text = text.replace("--lang en", f"--lang {app.config.language}")
            new = nodes.literal_block(text, text, **block.attributes)
            block.replace_self(new)


def page_context(app, pagename, templatename, context, doctree):
    if app.builder.format != "html" or pagename not in (PAGE, *CHAPTERS):
        return
    context["exercises"] = context["pathto"](f"{FOLDER}/{pagename}.ipynb", 1)
    context["exercises_name"] = (
        f"{pagename}_exercises.ipynb" if pagename != PAGE else f"{PAGE}.ipynb"
    )
    context["exercises_page"] = pagename == PAGE  # the link's words: LINK_PAGE, else LINK


def setup(app):
    app.add_node(exercise_setup)
    app.add_node(exercise_stub)
    app.add_node(exercise_expected)
    app.add_node(exercise_training)
    app.add_node(exercise_intro)
    app.add_node(exercise_words)
    app.add_directive("exercise-setup", directive(exercise_setup, False))
    app.add_directive("exercise-stub", directive(exercise_stub, True))
    app.add_directive("exercise-expected", directive(exercise_expected, True))
    app.add_directive("exercise-training", directive(exercise_training, False))
    app.add_directive("exercise-intro", directive(exercise_intro, True, CHAPTERS))
    app.add_directive("exercise-words", directive(exercise_words, False))
    app.connect("doctree-resolved", write_notebooks, priority=700)
    app.connect("doctree-resolved", front_page_language)
    app.connect("html-page-context", page_context)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
