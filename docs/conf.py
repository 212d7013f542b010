"""Sphinx configuration: one source, three editions (en, fr, uk).

Build one edition with ``sphinx-build -D language=fr``; ``build_site.py``
builds all three side by side.
"""

import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))
sys.path.insert(0, str(DOCS / "_ext"))

import dnn_textbook  # noqa: E402

# What the library prints while the book builds is English, whatever the machine's
# language: the editions translate the text around it, from the catalogs.
dnn_textbook.set_language("en")

project = "dnn_textbook"
author = "dnn_textbook contributors"
copyright = "2026, dnn_textbook contributors"

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.napoleon",
    "sphinx.ext.mathjax",
    "myst_parser",
    "sphinx_copybutton",
    "lecture_diagram",
    "library_figures",
    "offline_mathjax",
    "term_table",
    "interface_i18n",
    "ukrainian_search",
    "search_excerpts",
    "module_summary",
    "french_fields",
    "accessibility",
    "application",
    "notebooks",
    "mistake_table",
    "exercises",
    "exercise_notebooks",
    "library_messages",
    "code_lines",
    "translated_reports",
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "spelling", "TRANSLATING.md", "Thumbs.db", ".DS_Store"]
templates_path = ["_templates"]
root_doc = "index"

# Languages: the English source is the truth; the catalogs live in ../locales.
language = "en"
locale_dirs = [str(DOCS.parent / "locales")]
gettext_compact = False
gettext_location = False
gettext_uuid = False
gettext_additional_targets = []  # doctest and literal blocks stay untranslated
LANGUAGES = {"en": "English", "fr": "Français", "uk": "Українська"}

# Library pages
autodoc_member_order = "bysource"
autodoc_typehints = "none"
# Defaults as the source writes them: dtype=np.float64, not <class 'numpy.float64'>.
autodoc_preserve_defaults = True
# Members in the order of the source, which is the order of the lecture (a module's
# __all__ is sorted by name).
autodoc_default_options = {"members": True, "ignore-module-all": True}
autosummary_generate = False
napoleon_google_docstring = False
napoleon_numpy_docstring = True
napoleon_use_rtype = False
# One message per parameter, "**name** (*type*) -- description", so that the type
# ("ndarray of shape (n[l], m)") is translated with its description.
napoleon_use_param = False
napoleon_preprocess_types = False
add_module_names = False

myst_enable_extensions = ["dollarmath"]
myst_heading_anchors = 3

nitpicky = True
# Figures (and the one captioned table) are numbered on their page: the text names a
# figure with :numref:, "Fig. 2" in English, from sphinx.po in French and Ukrainian.
numfig = True

# HTML
html_theme = "furo"
html_title = "dnn_textbook"
html_static_path = ["_static"]
html_css_files = ["languages.css"]
# fit-inline.js and fit-displays.js run after MathJax (all deferred, in this order)
html_js_files = [
    "lang-switcher.js",
    ("fit-inline.js", {"defer": "defer"}),
    ("fit-displays.js", {"defer": "defer"}),
]
# MathJax's menu puts every formula in the Tab order: a keyboard reader tabbed through
# 67 formulas before the forward chapter's first answer (issue 27). Out of it; the
# menu still opens with a right click, and screen readers still read each formula
# from its assistive MathML.
mathjax3_config = {
    "options": {"menuOptions": {"settings": {"inTabOrder": False, "assistiveMml": True}}}
}
html_sidebars = {
    "**": [
        "sidebar/brand.html",
        "sidebar/lang-switcher.html",
        "sidebar/search.html",
        "sidebar/scroll-start.html",
        "sidebar/navigation.html",
        "sidebar/scroll-end.html",
    ]
}
html_context = {"languages": LANGUAGES}
html_copy_source = False
html_show_sourcelink = False
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
