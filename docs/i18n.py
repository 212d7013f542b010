"""Keep the French and Ukrainian catalogs in step with the English source.

``update_catalogs`` extracts every message of the book with Sphinx's gettext
builder (the docstrings of the library included, since the chapters pull
them in with autodoc) and merges them into ``locales/<lang>/LC_MESSAGES``
with sphinx-intl. A changed English sentence becomes a fuzzy entry, which
the tests report until a translator has reviewed it.

The library's own messages (its errors, warnings and progress line) have
their own gettext domain, ``dnn_textbook``: Babel's extractor reads them
from the ``_()`` and ``ngettext()`` calls in the code into
``locales/<lang>/LC_MESSAGES/dnn_textbook.po``, beside the book's catalogs
(no page of the book has that name), and compiles each catalog into the
package, ``dnn_textbook/locale/<lang>/LC_MESSAGES/dnn_textbook.mo``, so
that every install finds it.

Babel marks every message whose English holds ``{…}`` or ``%`` as a Python
format string (``python-brace-format``, ``python-format``), math included
(``\\frac{1}{m}``), and msgfmt then rejects the decimal comma ``0{,}5`` of
French and Ukrainian math as a broken placeholder. Only the library formats
its messages (``str.format``), and Sphinx its interface strings (``%``): every
other flag is taken off whenever a catalog is written (``true_formats``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

TRANSLATIONS = ("fr", "uk")
LIBRARY_DOMAIN = "dnn_textbook"  # the library's messages; also the package's name
INTERFACE_DOMAIN = "sphinx"  # Sphinx's and the theme's strings (_templates/interface-strings.html)
PYTHON_FORMATS = frozenset({"python-format", "python-brace-format"})


def true_formats(po: Path) -> frozenset[str]:
    """The Python format flags that are true of the messages of catalog ``po``.

    The library formats its messages with ``str.format``, and Sphinx formats
    its own strings (``%s (in module %s)``) with ``%``: there a flag lets msgfmt
    catch a placeholder lost in translation. A page of the book is never
    formatted by Python; its math and code are checked byte for byte by
    tests/test_catalogs.py instead.
    """
    if po.stem == LIBRARY_DOMAIN:
        return PYTHON_FORMATS
    if po.stem == INTERFACE_DOMAIN:
        return frozenset({"python-format"})  # ${resultCount} is JavaScript's
    return frozenset()


def drop_false_formats(catalog, po: Path) -> bool:
    """Take off the Python format flags that Babel guessed wrongly; whether any was on."""
    false = PYTHON_FORMATS - true_formats(po)
    changed = False
    for message in catalog:
        if message.id and message.flags & false:
            message.flags -= false
            changed = True
    return changed


def extract(root: Path, pot_dir: Path) -> None:
    # -E: read every page again; a page's autosummary quotes docstrings of
    # other files, which an incremental build would not notice changing.
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "gettext",
            "-E",
            "-q",
            "-W",
            "--keep-going",
            "-d",
            str(pot_dir.parent / "doctrees-gettext"),
            str(root / "docs"),
            str(pot_dir),
        ],
        check=True,
    )


def update_catalogs(root: Path, locales: Path | None = None) -> Path:
    """Extract the messages and update ``locales`` (default: root/locales)."""
    locales = locales or root / "locales"
    pot_dir = root / "_build" / "gettext"
    extract(root, pot_dir)
    languages = [arg for lang in TRANSLATIONS for arg in ("-l", lang)]
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx_intl",
            "update",
            "-p",
            str(pot_dir),
            "-d",
            str(locales),
            *languages,
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    tidy_book_catalogs(locales)
    update_library_catalogs(root, locales)
    return pot_dir


def library_catalog_paths(root: Path, lang: str, locales: Path | None = None) -> tuple[Path, Path]:
    """The library's catalog of ``lang`` (.po, in locales/) and its compiled form (.mo)."""
    po = (locales or root / "locales") / lang / "LC_MESSAGES" / f"{LIBRARY_DOMAIN}.po"
    mo = root / "dnn_textbook" / "locale" / lang / "LC_MESSAGES" / f"{LIBRARY_DOMAIN}.mo"
    return po, mo


def extract_library_messages(root: Path):
    """The library's messages as a Babel catalog template (no line numbers kept)."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    template = Catalog(project="dnn_textbook", domain=LIBRARY_DOMAIN, fuzzy=False)
    found = extract_from_dir(
        root / "dnn_textbook",
        keywords={"_": None, "ngettext": (1, 2)},
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        template.add(
            message,
            None,
            [(f"dnn_textbook/{filename}", lineno)],
            auto_comments=comments,
            context=context,
        )
    return template


def new_library_catalog(lang: str):
    from babel.messages.catalog import Catalog

    name = {"fr": "French", "uk": "Ukrainian"}[lang]
    catalog = Catalog(
        locale=lang,
        domain=LIBRARY_DOMAIN,
        project="dnn_textbook",
        copyright_holder="dnn_textbook contributors",
        last_translator="dnn_textbook contributors",
        language_team=name,
        fuzzy=False,
        header_comment=(
            f"# {name} translations of the messages of the dnn_textbook library.\n"
            "# Copyright (C) YEAR, dnn_textbook contributors\n"
            "# This file is distributed under the same license as the "
            "dnn_textbook package.\n#"
        ),
    )
    catalog.version, catalog.msgid_bugs_address = "", ""  # as in the book's catalogs
    catalog.revision_date = catalog.creation_date
    return catalog


def update_library_catalogs(root: Path, locales: Path | None = None) -> None:
    """Extract the library's messages, update its catalogs, compile them into the package."""
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po, write_po

    template = extract_library_messages(root)
    for lang in TRANSLATIONS:
        po, mo = library_catalog_paths(root, lang, locales)
        if po.exists():
            with po.open("rb") as f:
                catalog = read_po(f, locale=lang)
        else:
            catalog = new_library_catalog(lang)
        catalog.update(template, update_creation_date=False)
        text, compiled = io.BytesIO(), io.BytesIO()
        write_po(text, catalog, width=76, ignore_obsolete=True, include_lineno=False)
        write_mo(compiled, catalog)  # fuzzy entries left out: they stay in English
        write_if_changed(po, text.getvalue())
        write_if_changed(mo, compiled.getvalue())


def write_if_changed(path: Path, data: bytes) -> None:
    if not path.exists() or path.read_bytes() != data:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def tidy_book_catalogs(locales: Path) -> None:
    """Remove the entries whose English source is gone (sphinx-intl keeps them),
    and the Python format flags that Babel puts on the book's messages."""
    from babel.messages.pofile import read_po, write_po

    for po in locales.glob("*/LC_MESSAGES/*.po"):
        if po.stem == LIBRARY_DOMAIN:
            continue  # update_library_catalogs writes it
        with po.open("rb") as f:
            catalog = read_po(f)
        if drop_false_formats(catalog, po) or catalog.obsolete:
            with po.open("wb") as f:
                write_po(f, catalog, width=76, ignore_obsolete=True)


def display_math(doctrees: Path) -> set[str]:
    """The text of every display equation, read from the gettext build's doctrees.

    These messages stay the English in every language, but for the decimal
    comma of French and Ukrainian (``0{,}5``, docs/TRANSLATING.md), which the
    catalog tests allow and nothing else.
    """
    import pickle

    from docutils import nodes

    sys.path.insert(0, str(Path(__file__).parent / "_ext"))  # nodes of our extensions
    equations = set()
    for path in doctrees.glob("*.doctree"):
        doctree = pickle.loads(path.read_bytes())
        equations.update(node.astext() for node in doctree.findall(nodes.math_block))
    return equations


if __name__ == "__main__":
    update_catalogs(Path(__file__).resolve().parents[1])
