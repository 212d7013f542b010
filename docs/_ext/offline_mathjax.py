"""Serve MathJax from the built site itself, so math renders with no network.

The ``sphinx-mathjax-offline`` package ships MathJax 3. Only the files a
page needs are copied: the ``tex-chtml.js`` component and its web fonts
(about 1.6 MB per edition instead of 24 MB).
"""

import importlib.util
import shutil
from pathlib import Path

FILES = ["tex-chtml.js", "output/chtml/fonts/woff-v2", "a11y/assistive-mml.js"]


def mathjax_source() -> Path:
    spec = importlib.util.find_spec("sphinx-mathjax-offline")
    if spec is None or spec.origin is None:
        raise RuntimeError("MathJax not found: pip install sphinx-mathjax-offline")
    return Path(spec.origin).parent / "static" / "mathjax"


def copy_mathjax(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    source, target = mathjax_source(), Path(app.outdir) / "_static" / "mathjax"
    for name in FILES:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name, dirs_exist_ok=True)
        else:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source / name, target / name)


def setup(app):
    app.config.mathjax_path = "mathjax/tex-chtml.js"
    app.connect("build-finished", copy_mathjax)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
