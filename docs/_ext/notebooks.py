"""Every chapter as a Jupyter notebook, in the edition's language.

When the HTML builder has resolved a chapter's doctree, which Sphinx has
already translated with the edition's catalogs, this extension turns it
into a notebook, ``_notebooks/<chapter>.ipynb`` inside the edition:

* the prose becomes Markdown cells (a new cell at each heading), with the
  math as ``$…$`` and ``$$…$$``; cross-references become the name in code
  font, a link to another chapter's notebook, or a relative link to a page
  of the book;
* each doctest block becomes code cells, without prompts, one cell per
  example that shows an output, with that expected output stored as the
  cell's output, so a reader sees it before running; an expected error is
  stored as the cell raises it in the edition's language, and its cell is
  tagged ``raises-exception``, Jupyter's convention, so that "Run All",
  ``jupyter nbconvert --execute`` and nbclient go on after it;
* a figure drawn at build time (inline SVG) becomes a Markdown image whose
  SVG, with the colours of the book's style sheet, is the cell's
  attachment, so the notebook shows it wherever it is opened; the
  application's cost curves become the cells that train its two networks
  and plot the curves inline (see ``application.notebook_cells``);
* the first cells say what the notebook is, how to install the library
  (released, and from a clone until then), and import the names the
  examples use: a docstring's doctest runs in its module's globals, so the
  names it takes from there are imported explicitly.

The code cells are the same in every edition; only the Markdown, the
setup cell's choice of the library's language (once the library has
``set_language``) and the first line of the plot's cell (its translated
words, tagged ``edition-labels``) differ. The chapters are the documents of the root
toctree, less ``notebook_exclude``. Each chapter page links its notebook
(see ``_templates/page.html``); the interface strings come from the
project's ``sphinx.po``, listed in ``_templates/interface-strings.html``.
"""

from __future__ import annotations

import ast
import base64
import builtins
import doctest
import importlib
import re
import sys
import types
from html import unescape
from pathlib import Path

import nbformat
from docutils import nodes
from nbformat import v4
from sphinx import addnodes
from sphinx.locale import _, admonitionlabels
from sphinx.util import logging

logger = logging.getLogger(__name__)

FOLDER = "_notebooks"
BLOCKS = (
    nodes.bullet_list,
    nodes.enumerated_list,
    nodes.definition_list,
    nodes.field_list,
    nodes.literal_block,
    nodes.table,
    nodes.math_block,
)
EXCLUDE = [
    "index",
    "glossary",
    "api",
    "performance",
    "appendix*",
    "build_it_yourself",
    "grading",  # a page for lecturers, with no example to run
]

INTRO = (
    "This notebook is a chapter of the dnn_textbook book, made from the same text as its "
    "page. Run the cells from top to bottom: each code cell is one of the chapter's "
    "examples, and the output shown under it is the output it should give."
)
NEEDS = "It needs only the library:"
NEEDS_DATA = "It needs the library with its optional data packages:"
SETUP = "The next cell imports the names that the examples use."
SETUP_LANGUAGE = (
    "The next cell imports the names that the examples use and sets the language "
    "of the library's messages."
)
LINK = "Download this chapter as a Jupyter notebook"
FIGURE = "Figure on the chapter's page in the book:"
CLONE = (
    "Until the library is released on PyPI, install it from a clone of its repository, "
    "in the clone's folder:"
)
RAISES = "raises-exception"  # Jupyter's tag for a cell whose error is expected
# A figure drawn at build time takes its colours from the book's style sheet;
# inside a notebook it carries them itself.
SVG_STYLE = (
    "<style>text{font-family:sans-serif;fill:#222}"
    ".box{fill:#f2f2f2;stroke:#555}.arrow{stroke:#555;fill:none}.unused{opacity:.6}"
    "svg{color:#555;background:#fff}</style>"
)


def chapters(app) -> list[str]:
    """The documents of the root toctree, in reading order, less the excluded ones."""
    env = app.env
    order, seen = [], set()

    def visit(doc):
        for child in env.toctree_includes.get(doc, []):
            if child not in seen:
                seen.add(child)
                order.append(child)
                visit(child)

    visit(app.config.root_doc)
    patterns = [
        re.compile(re.escape(p).replace(r"\*", ".*") + "$") for p in app.config.notebook_exclude
    ]
    return [doc for doc in order if not any(p.match(doc.split("/")[-1]) for p in patterns)]


# Markdown text


def escape(text: str) -> str:
    """Prose as Markdown: the characters that would start markup are escaped."""
    text = re.sub(r"\s*\n\s*", " ", text)
    text = re.sub(r"([\\`*$])", r"\\\1", text)
    text = re.sub(r"(?<![\w\\])_|_(?!\w)", r"\_", text)
    text = re.sub(r"<(?=[A-Za-z/!?])", "&lt;", text).replace("](", r"\](")
    return text


def code_span(text: str) -> str:
    text = re.sub(r"\s*\n\s*", " ", text)
    fence = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def display_math(latex: str) -> str:
    """A display equation as Sphinx's MathJax output writes it, between $$."""
    parts = [part.strip() for part in latex.split("\n\n") if part.strip()]
    parts = [rf"\begin{{split}}{p}\end{{split}}" if r"\\" in p else p for p in parts]
    body = r"\\".join(parts)
    if len(parts) > 1:
        body = rf"\begin{{align}}\begin{{aligned}}{body}\end{{aligned}}\end{{align}}"
    return f"$${body}$$"


class Notebook:
    """The cells of one chapter, built by walking its resolved doctree."""

    def __init__(self, app, docname: str, chapters: list[str]):
        self.app, self.docname, self.chapters = app, docname, chapters
        self.cells: list = []
        self.blocks: list[str] = []  # Markdown blocks of the cell being written
        self.module: str | None = None  # the module whose docstrings are being read
        self.examples: list[tuple[str | None, str]] = []  # (module, source) of each cell
        self.attachments: dict = {}
        self.title = ""
        self.trains = False  # whether the notebook trains (it then needs matplotlib)
        self.in_answer = False  # inside an exercise's answer: examples are shown, not run

    # cells

    def flush(self):
        if self.blocks:
            cell = v4.new_markdown_cell("\n\n".join(self.blocks))
            if self.attachments:
                cell.attachments = self.attachments
                self.attachments = {}
            self.cells.append(cell)
            self.blocks = []

    def add(self, block: str):
        if block.strip():
            self.blocks.append(block.rstrip())

    # blocks

    def body(self, node, level: int):
        for child in node.children:
            self.block(child, level)

    def block(self, node, level: int):  # noqa: C901 (one branch per kind of node)
        if isinstance(node, nodes.Element):  # automodule: a section or target with its id
            for name in node.get("ids", []):
                if name.startswith("module-"):
                    self.module = name.removeprefix("module-")
        if isinstance(node, nodes.target):
            return
        if isinstance(
            node,
            (
                nodes.comment,
                nodes.substitution_definition,
                nodes.system_message,
                addnodes.index,
                nodes.pending,
                addnodes.toctree,
            ),
        ):
            return
        if isinstance(node, nodes.section):
            self.flush()
            title = self.inline(node[0]) if isinstance(node[0], nodes.title) else ""
            if level == 1 and not self.title:
                self.title = title  # written in the first cell
            else:
                self.add(f"{'#' * min(level, 6)} {title}")
            self.body(node, level + 1)
            self.flush()
        elif isinstance(node, nodes.title):
            return
        elif isinstance(node, nodes.paragraph):
            # napoleon puts a list of several returns inside a paragraph
            run = []
            for child in [*node.children, None]:
                if child is None or isinstance(child, BLOCKS):
                    text = "".join(self.span(c) for c in run).strip()
                    self.add(re.sub(r"^([#>+-]|\d+[.)])(\s)", r"\\\1\2", text))
                    run = []
                    if child is not None:
                        self.block(child, level)
                else:
                    run.append(child)
        elif isinstance(node, nodes.rubric):
            self.add(f"**{self.inline(node)}**")
        elif isinstance(node, nodes.math_block):
            self.add(display_math(node.astext()))
        elif self.in_answer and isinstance(node, (nodes.doctest_block, nodes.literal_block)):
            self.add(f"```python\n{node.astext().rstrip()}\n```")  # read, not run
        elif isinstance(node, nodes.doctest_block) or (
            isinstance(node, nodes.literal_block) and node.astext().startswith(">>> ")
        ):
            self.doctest(node.astext())  # a MyST page's examples are fenced literal blocks
        elif isinstance(node, nodes.literal_block):
            language = node.get("language", "")
            language = "" if language in ("default", "none", "text") else language
            fence = "````" if "```" in node.astext() else "```"
            self.add(f"{fence}{language}\n{node.astext().rstrip()}\n{fence}")
        elif isinstance(node, (nodes.bullet_list, nodes.enumerated_list)):
            self.add(self.listing(node, level))
        elif isinstance(node, nodes.definition_list):
            for item in node.children:
                terms = [self.inline(t) for t in item.children if isinstance(t, nodes.term)]
                self.add("**" + "**, **".join(terms) + "**")
                for definition in item.findall(nodes.definition):
                    self.quoted(definition, level)
        elif isinstance(node, nodes.field_list):
            for field in node.children:
                self.add(f"**{self.inline(field[0])}**")
                self.body(field[1], level)
        elif isinstance(node, addnodes.desc):
            for child in node.children:
                if isinstance(child, addnodes.desc_signature):
                    self.module = child.get("module") or self.module
                    self.flush()
                    self.add(f"{'#' * min(level, 6)} {code_span(self.signature(child))}")
                elif isinstance(child, addnodes.desc_content):
                    self.body(child, level + 1)
        elif "answer" in node.get("classes", []) or "answer" in node.get("container_classes", []):
            self.answer(node, level)
        elif isinstance(node, nodes.Admonition) and "exercise" in node["classes"]:
            self.flush()  # an exercise is its own cell: its answer's examples stay inside it
            self.add(f"**{self.inline(node[0])}**")
            self.body(node, level)
            self.flush()
        elif isinstance(node, nodes.Admonition):
            label = admonitionlabels.get(node.tagname)
            if isinstance(node[0], nodes.title):
                label = self.inline(node[0])
            self.quoted(node, level, label)
        elif isinstance(node, nodes.table):
            self.add(self.table(node))
        elif isinstance(node, nodes.footnote):
            label = node[0].astext() if isinstance(node[0], nodes.label) else ""
            text = " ".join(self.inline(c) for c in node.children if isinstance(c, nodes.paragraph))
            self.add(f"<sup>{label}</sup> {text}")
        elif isinstance(node, nodes.raw):
            self.figure(node.astext())
        elif isinstance(node, nodes.image):
            self.image(node)
        elif isinstance(node, nodes.figure):
            for image in node.findall(nodes.image):
                self.image(image)
            for drawing in node.findall(nodes.raw):  # a figure drawn from the library
                self.figure(drawing.astext())
            for caption in node.findall(nodes.caption):
                self.add(f"*{self.inline(caption)}*")
        elif isinstance(node, nodes.transition):
            self.add("---")
        elif isinstance(node, nodes.line_block):
            self.add("  \n".join(self.inline(line) for line in node.findall(nodes.line)))
        elif isinstance(node, nodes.TextElement):  # a caption, an attribution ...
            self.add(self.inline(node))
        elif isinstance(node, nodes.Element):
            # containers: compound, container, block_quote, topic, glossary, only ...
            self.body(node, level)

    def answer(self, node, level: int):
        """An exercise's answer, closed as on the page: a ``<details>`` element
        whose Markdown Jupyter renders once it is opened; its examples are shown,
        not run, so that no cell gives the answer away."""
        outer, self.blocks, self.in_answer = self.blocks, [], True
        for child in node.children:
            if isinstance(child, nodes.rubric) or "sd-summary-title" in child.get("classes", []):
                continue
            self.block(child, level)
        inner, self.blocks, self.in_answer = self.blocks, outer, False
        summary = escape(str(_("Answer")))
        self.add(
            f"<details>\n<summary>{summary}</summary>\n\n" + "\n\n".join(inner) + "\n\n</details>"
        )

    def quoted(self, node, level: int, label: str | None = None):
        """The blocks of ``node`` as a Markdown quotation (notes, definitions)."""
        outer, self.blocks = self.blocks, []
        if label:
            self.add(f"**{label}**")
        self.body(node, level)
        inner, self.blocks = self.blocks, outer
        self.add(
            "\n>\n".join(
                "\n".join("> " + line if line else ">" for line in block.split("\n"))
                for block in inner
            )
        )

    def listing(self, node, level: int) -> str:
        lines = []
        for number, item in enumerate(node.children, start=node.get("start", 1)):
            marker = f"{number}. " if isinstance(node, nodes.enumerated_list) else "- "
            outer, self.blocks = self.blocks, []
            self.body(item, level)
            inner, self.blocks = self.blocks, outer
            text = "\n\n".join(inner).split("\n")
            lines.append(marker + text[0])
            lines += [(" " * len(marker) + line) if line else "" for line in text[1:]]
        return "\n".join(lines)

    def table(self, node) -> str:
        rows = []
        for row in node.findall(nodes.row):
            cells = []
            for entry in row.children:
                outer, self.blocks = self.blocks, []
                self.body(entry, 1)
                inner, self.blocks = self.blocks, outer
                cells.append("<br>".join(inner).replace("|", r"\|").replace("\n", " "))
            rows.append("| " + " | ".join(cells) + " |")
        if not rows:
            return ""
        width = rows[0].count(" | ") + 1
        return "\n".join([rows[0], "|" + " --- |" * width, *rows[1:]])

    def figure(self, html: str):
        """A figure drawn at build time (inline SVG), embedded in the notebook.

        The application's cost curves become the cells that train the two
        networks and draw the curves inline; any other figure becomes a
        Markdown image whose SVG is the cell's attachment, with the colours it
        takes on the page, so the notebook shows it wherever it is opened.
        """
        if "<svg" not in html:
            return
        if 'class="cost-curves"' in html and self.training():
            return
        label = re.search(r'aria-label="([^"]*)"', html)
        alt = unescape(label.group(1)) if label else ""
        svg = html[html.index("<svg") : html.rindex("</svg>") + len("</svg>")]
        svg = re.sub(r"(<svg\b[^>]*>)", lambda m: m.group(1) + SVG_STYLE, svg, count=1)
        name = f"figure-{len(self.attachments) + 1}.svg"
        data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
        self.attachments[name] = {"image/svg+xml": data}
        # A[l-1] in an alt text: its brackets escaped, the image's [...] stays whole
        alt = re.sub(r"([\[\]])", r"\\\1", escape(alt).replace("\\](", "]("))
        self.add(f"![{alt}](attachment:{name})")

    def training(self) -> bool:
        """The application's experiment as code cells: train, then plot inline."""
        application = sys.modules.get("application")
        if application is None or not hasattr(application, "notebook_cells"):
            return False
        self.flush()
        for source, output, tags in application.notebook_cells():
            cell = v4.new_code_cell(source)
            if tags:
                cell.metadata["tags"] = tags
            if output:
                cell.outputs = [v4.new_output("stream", name="stdout", text=output)]
            self.cells.append(cell)
        self.trains = True
        return True

    def note(self, label: str, fragment: str = ""):
        gettext = self.app.translator.gettext
        base = "/".join([".."] * (self.docname.count("/") + 1))
        page = f"{base}/{self.docname}{self.app.builder.link_suffix}{fragment}"
        self.add(f"*{escape(gettext(FIGURE))}* [{escape(label) or page}]({page})")

    def image(self, node):
        uri = node.get("uri", "")
        if "://" in uri:
            self.add(f"![{escape(node.get('alt', ''))}]({uri})")
            return
        path = Path(self.app.srcdir) / uri
        mime = {
            ".svg": "image/svg+xml",
            ".png": "image/png",
            ".jpg": "image/jpeg",
            ".jpeg": "image/jpeg",
            ".gif": "image/gif",
        }.get(path.suffix.lower())
        if not mime or not path.exists():
            return
        if mime == "image/svg+xml":
            self.note(node.get("alt", ""))
            return
        name = path.name
        self.attachments[name] = {mime: base64.b64encode(path.read_bytes()).decode("ascii")}
        self.add(f"![{escape(node.get('alt', ''))}](attachment:{name})")

    # inline text

    def signature(self, node) -> str:
        text = "".join(
            child.astext()
            for child in node.children
            if not isinstance(child, (addnodes.index, nodes.target))
        )
        return re.sub(r"\s+", " ", text).strip()

    def inline(self, node) -> str:
        return "".join(self.span(child) for child in node.children).strip()

    def span(self, node) -> str:  # noqa: C901 (one branch per kind of node)
        if isinstance(node, nodes.Text):
            return escape(node.astext())
        if isinstance(node, nodes.math):
            return f"${node.astext().strip()}$"
        if isinstance(node, nodes.literal):
            return code_span(node.astext())
        if isinstance(
            node,
            (
                nodes.target,
                addnodes.index,
                nodes.footnote_reference,
                nodes.comment,
                nodes.system_message,
                nodes.raw,
            ),
        ):
            if isinstance(node, nodes.footnote_reference):
                return f"<sup>{node.astext()}</sup>"
            return ""
        if isinstance(node, nodes.reference):
            return self.link(node)
        inner = self.inline(node) if isinstance(node, nodes.Element) else escape(node.astext())
        if not inner:
            return ""
        if isinstance(node, nodes.emphasis):
            return f"*{inner}*"
        if isinstance(node, nodes.strong):
            return f"**{inner}**"
        if isinstance(node, (nodes.subscript,)):
            return f"<sub>{inner}</sub>"
        if isinstance(node, (nodes.superscript,)):
            return f"<sup>{inner}</sup>"
        return inner

    def link(self, node) -> str:
        """A reference: an API name in code font, a chapter's notebook, or the book's page."""
        if node.get("internal") is not None or node.get("refid"):
            literal = list(node.findall(nodes.literal))
            if literal and node.astext() == literal[0].astext():
                return code_span(literal[0].astext())  # an API cross-reference
            text = self.inline(node)
            if node.get("refid"):
                return text  # a place on this page
            uri = node.get("refuri", "")
            page, _, fragment = uri.partition("#")
            doc = page.removesuffix(self.app.builder.link_suffix)
            base = "/".join([".."] * (self.docname.count("/") + 1))  # from _notebooks/
            if doc in self.chapters and not fragment:
                target = (
                    f"{doc.split('/')[-1]}.ipynb"
                    if "/" not in self.docname
                    else (f"{base}/{FOLDER}/{doc}.ipynb")
                )
            else:
                here = "/".join(self.docname.split("/")[:-1])
                target = f"{base}/{here + '/' if here else ''}{uri}"
            return f"[{text}]({target})"
        uri = node.get("refuri", "")
        text = self.inline(node)
        return f"[{text}]({uri})" if uri else text

    # examples

    def doctest(self, text: str):
        """One doctest block: code cells, each ending at an example that shows output."""
        self.flush()
        examples = doctest.DocTestParser().get_examples(text)
        group: list[doctest.Example] = []
        for example in examples:
            group.append(example)
            if example.want or example.exc_msg:
                self.code(group)
                group = []
        if group:
            self.code(group)

    def code(self, examples: list[doctest.Example]):
        source = "".join(strip_directives(e.source) for e in examples).rstrip("\n")
        last = examples[-1]
        cell = v4.new_code_cell(source)
        if last.exc_msg:
            # Jupyter's convention: "Run All" and nbclient go on after this cell's error
            cell.metadata["tags"] = [RAISES]
            name, _, message = last.exc_msg.rstrip("\n").partition(":")
            cell.outputs = [
                v4.new_output(
                    "error",
                    ename=name.split(".")[-1],
                    evalue=message.strip(),
                    traceback=[
                        "Traceback (most recent call last):",
                        "...",
                        last.exc_msg.rstrip("\n"),
                    ],
                )
            ]
        elif last.want:
            if printed(last.source):
                cell.outputs = [v4.new_output("stream", name="stdout", text=last.want)]
            else:
                cell.outputs = [
                    v4.new_output(
                        "execute_result",
                        execution_count=None,
                        data={"text/plain": last.want.rstrip("\n")},
                    )
                ]
        self.cells.append(cell)
        self.examples.append((self.module, source))

    # the notebook

    def first_cells(self) -> list:
        gettext = self.app.translator.gettext
        imports = setup_imports(self.examples)
        data = any("dnn_textbook.data" in line for line in imports)
        language = self.app.config.language
        import dnn_textbook

        choose = hasattr(dnn_textbook, "set_language")
        package, clone = ('"dnn_textbook[data]"', '".[data]"') if data else ("dnn_textbook", ".")
        extra = " matplotlib" if self.trains else ""
        intro = [
            f"# {self.title}",
            escape(gettext(INTRO)),
            escape(gettext(NEEDS_DATA if data else NEEDS)),
            f"```\npip install {package}{extra}\n```",
            escape(gettext(CLONE)),
            f"```\npip install {clone}{extra}\n```",
            escape(gettext(SETUP_LANGUAGE if choose else SETUP)),
        ]
        setup = ["import dnn_textbook", *imports]
        if choose:
            setup.append(f'dnn_textbook.set_language("{language}")')
        code = v4.new_code_cell("\n".join(setup))
        code.metadata["tags"] = ["setup"]
        return [v4.new_markdown_cell("\n\n".join(intro)), code]

    def build(self, doctree) -> nbformat.NotebookNode:
        self.body(doctree, 1)
        self.flush()
        notebook = v4.new_notebook()
        notebook.cells = self.first_cells() + self.cells
        if "set_language" in notebook.cells[1].source:
            translate_errors(notebook.cells[1].source, self.cells)
        for number, cell in enumerate(notebook.cells):  # the same ids in every build
            cell.id = f"{self.docname.replace('/', '-')}-{number}"
        notebook.metadata = {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
            "dnn_textbook": {"chapter": self.docname, "language": self.app.config.language},
        }
        return notebook


RAISE = """
import json, sys
try:
    exec(compile(sys.stdin.read(), "<cell>", "exec"), {"__name__": "__main__"})
except Exception as error:
    print(json.dumps([type(error).__name__, str(error)]))
"""


def translate_errors(setup: str, cells: list) -> None:
    """Store each error as the library raises it in the edition's language.

    A doctest's expected error is the English message. In a translated edition
    the setup cell chooses the language, so running the cell gives the message
    in that language: each cell that shows an error is run once, in a fresh
    interpreter, after the setup cell, and its output replaced when the same
    exception comes. A cell that needs the cells before it raises something
    else (a NameError) and keeps the English.
    """
    import json
    import subprocess
    import tempfile

    import dnn_textbook

    package_root = str(Path(dnn_textbook.__file__).resolve().parents[1])
    env = {"PYTHONPATH": package_root, "LANGUAGE": "en", "LC_ALL": "C.UTF-8", "PATH": ""}
    for cell in cells:
        error = next((o for o in cell.get("outputs", []) if o.output_type == "error"), None)
        if error is None:
            continue
        with tempfile.TemporaryDirectory() as folder:  # a cell may name a relative path
            run = subprocess.run(
                [sys.executable, "-c", RAISE],
                input=f"{setup}\n{cell.source}\n",
                capture_output=True,
                text=True,
                cwd=folder,
                env=env,
                timeout=120,
            )
        lines = run.stdout.strip().splitlines()
        if run.returncode or not lines:
            continue
        name, message = json.loads(lines[-1])
        if name == error.ename:
            error.evalue = message
            error.traceback[-1] = f"{name}: {message}"


DIRECTIVE = re.compile(r"\s*#\s*doctest:.*$", re.M)


def strip_directives(source: str) -> str:
    return DIRECTIVE.sub("", source)


def printed(source: str) -> bool:
    """Whether an example shows its output by printing rather than by its value."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return True
    last = tree.body[-1] if tree.body else None
    return not isinstance(last, ast.Expr) or (
        isinstance(last.value, ast.Call)
        and isinstance(last.value.func, ast.Name)
        and last.value.func.id == "print"
    )


def used_names(source: str) -> tuple[list[str], set[str]]:
    """The names an example reads, in order of first use, and the names it binds."""
    tree = ast.parse(source)
    loads, stores = [], set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            if isinstance(node.ctx, ast.Load):
                if node.id not in loads:
                    loads.append(node.id)
            else:
                stores.add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            stores.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            stores.add(node.name)
        elif isinstance(node, ast.arg):
            stores.add(node.arg)
    return loads, stores


def setup_imports(examples: list[tuple[str | None, str]]) -> list[str]:
    """Import lines for the names the examples take from their modules' globals.

    A name is imported from where a learner finds it: ``numpy as np``, the
    package ``dnn_textbook`` for its public names, else the module that
    defines it.
    """
    import dnn_textbook

    modules: dict[str, str | None] = {}  # import line -> None
    names: dict[str, list[str]] = {}  # from-module -> names
    bound: set[str] = set()
    for module_name, source in examples:
        loads, stores = used_names(source)
        namespace = vars(importlib.import_module(module_name)) if module_name else {}
        for name in loads:
            if name in bound or hasattr(builtins, name) or name not in namespace:
                continue
            value = namespace[name]
            bound.add(name)
            if isinstance(value, types.ModuleType):
                line = (
                    f"import {value.__name__}"
                    if value.__name__ == name
                    else f"import {value.__name__} as {name}"
                )
                if "." in value.__name__ and value.__name__.rsplit(".", 1)[1] == name:
                    parent, child = value.__name__.rsplit(".", 1)
                    line = f"from {parent} import {child}"
                modules[line] = None
            elif getattr(dnn_textbook, name, None) is value:
                names.setdefault("dnn_textbook", []).append(name)
            else:
                home = getattr(value, "__module__", None)
                if not (home and getattr(sys.modules.get(home), name, None) is value):
                    home = module_name
                names.setdefault(home, []).append(name)
        bound |= stores
    lines = sorted(modules, key=lambda line: (not line.startswith("import numpy"), line))
    for home in sorted(names, key=lambda h: (h != "dnn_textbook", h)):
        listed = ", ".join(names[home])
        line = f"from {home} import {listed}"
        if len(line) > 99:
            line = f"from {home} import (\n    " + ",\n    ".join(names[home]) + ",\n)"
        lines.append(line)
    return lines


# Sphinx


def write_notebook(app, doctree, docname):
    if app.builder.format != "html":
        return
    chapter_list = chapters(app)
    if docname not in chapter_list:
        return
    notebook = Notebook(app, docname, chapter_list).build(doctree)
    nbformat.validate(notebook)
    target = Path(app.outdir) / FOLDER / f"{docname}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, target)


def page_context(app, pagename, templatename, context, doctree):
    if app.builder.format != "html" or pagename not in chapters(app):
        return
    context["notebook"] = context["pathto"](f"{FOLDER}/{pagename}.ipynb", 1)
    context["notebook_name"] = f"{pagename.split('/')[-1]}.ipynb"


def setup(app):
    app.add_config_value("notebook_exclude", EXCLUDE, "env")
    # After the figures are drawn (label_list, priority 500).
    app.connect("doctree-resolved", write_notebook, priority=800)
    app.connect("html-page-context", page_context)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
