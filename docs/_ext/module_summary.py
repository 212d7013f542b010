"""A chapter shows a module's docstring without its one-line summary.

A module's docstring opens with a one-line summary ("The forward step of one
layer."), which ``help()`` and the API table need. On a chapter page,
``automodule`` would print it as a stand-alone sentence right under the
section's heading, which already says the same, in plain text where the rest
of the page typesets its math (``dA[L]``). This extension drops that first
paragraph from what ``automodule`` renders; the API table (``autosummary``)
still quotes it.
"""


def drop_summary(app, what, name, obj, options, lines):
    # automodule passes its options (at least autodoc_default_options); autosummary,
    # which quotes the summary in the API table, passes none.
    given = vars(options) if hasattr(options, "__dict__") else dict(options)
    if what != "module" or not given:
        return
    end = lines.index("") if "" in lines else len(lines)
    del lines[: end + 1]


def setup(app):
    app.connect("autodoc-process-docstring", drop_summary)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
