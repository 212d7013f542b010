"""Interface strings in every edition, where Sphinx or a theme ship none.

Two pieces of the interface live in JavaScript and are not translated by
the page catalogs:

* the search page's messages, which Sphinx reads from a ``sphinx.js`` file
  that it ships for some languages only (not for Ukrainian): for those, this
  extension writes ``_static/translations.js`` from the project's own
  ``sphinx.po``;
* sphinx-copybutton's tooltips, which it keeps in a table of languages:
  this extension adds the edition's language to that table, again from the
  project's ``sphinx.po``.

The strings themselves are listed in ``_templates/interface-strings.html``
so that the gettext builder extracts them.
"""

import json
from importlib.resources import files
from pathlib import Path

SEARCH = [
    "Search Results",
    "Searching",
    "Preparing search...",
    "Hide Search Matches",
    ", in ",
    "Your search did not match any documents. Please make sure that all words are "
    "spelled correctly and that you've selected enough categories.",
]
FOUND_ONE = "Search finished, found one page matching the search query."
FOUND_MANY = "Search finished, found ${resultCount} pages matching the search query."
COPYBUTTON = {
    "copy": "Copy",
    "copy_to_clipboard": "Copy to clipboard",
    "copy_success": "Copied!",
    "copy_failure": "Failed to copy",
}


def needs_translations_js(app) -> bool:
    return app.config.language != "en" and app.builder._get_translations_js() is None


def add_scripts(app):
    if app.builder.format != "html":
        return
    if needs_translations_js(app):
        app.add_js_file("translations.js")
    # A copybutton template with the edition's tooltips, placed after the
    # extension's own static folder so that it replaces it.
    gettext = app.translator.gettext
    upstream = files("sphinx_copybutton") / "_static" / "copybutton.js_t"
    messages = {key: gettext(text) for key, text in COPYBUTTON.items()}
    entry = f"{json.dumps(app.config.language)}: {json.dumps(messages, ensure_ascii=False)},"
    template = upstream.read_text(encoding="utf-8").replace(
        "const messages = {", f"const messages = {{\n  {entry}", 1
    )
    folder = Path(app.doctreedir) / "copybutton-static"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "copybutton.js_t").write_text(template, encoding="utf-8")
    app.config.html_static_path.append(str(folder))


def write_translations_js(app, exception):
    if exception is not None or app.builder.format != "html" or not needs_translations_js(app):
        return
    gettext = app.translator.gettext
    messages = {text: gettext(text) for text in SEARCH}
    # One plural form for every count: the translation is written so that it
    # reads right for any number.
    messages[FOUND_ONE] = [gettext(FOUND_ONE), gettext(FOUND_MANY), gettext(FOUND_MANY)]
    data = {"locale": app.config.language, "messages": messages, "plural_expr": "n == 1 ? 0 : 1"}
    target = Path(app.outdir) / "_static" / "translations.js"
    target.write_text(
        f"Documentation.addTranslations({json.dumps(data, ensure_ascii=False)});\n",
        encoding="utf-8",
    )


def setup(app):
    app.connect("builder-inited", add_scripts, priority=900)
    app.connect("build-finished", write_translations_js)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
