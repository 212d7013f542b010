"""French spacing in what Sphinx itself writes: « Paramètres : », not « Paramètres: ».

Sphinx's HTML writer ends the name of each field of a docstring (Parameters,
Returns, Raises …) with ``<span class="colon">:</span>``. The catalogs cannot
reach that colon; in the French edition it gets the no-break space before it
that French typography puts before every colon (docs/TRANSLATING.md).
"""

COLON = '<span class="colon">:</span>'


def french_colon(app, pagename, templatename, context, doctree):
    if app.config.language == "fr" and context.get("body"):
        context["body"] = context["body"].replace(COLON, '<span class="colon">\u00a0:</span>')


def setup(app):
    app.connect("html-page-context", french_colon)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
