"""Build the three editions side by side: _build/site/{en,fr,uk} and a root page.

    python docs/build_site.py [--out DIR] [--lang en fr uk] [--ship]

Each edition is built from scratch (``-E``: the API table quotes docstrings
of other files) with ``-W -n --keep-going`` (a warning fails the build),
and its own doctree folder. With ``--ship`` (``python3 dev.py site``), the
notebooks of each edition, its chapters and its exercises, are also copied
into the package, ``dnn_textbook/notebooks/<lang>/``, where
``python -m dnn_textbook.notebooks`` finds them; a test checks that the
copies are what the build makes.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
from html import escape
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
LANGUAGES = {"en": "English", "fr": "Français", "uk": "Українська"}
WELCOME = {
    "en": "Forward and backward propagation: the textbook",
    "fr": "Propagation vers l'avant et rétropropagation : le manuel",
    "uk": "Пряме та зворотне поширення: підручник",
}


def build_language(lang: str, out: Path) -> tuple[float, str]:
    """Build one edition; return (seconds, warnings and errors printed)."""
    start = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "html",
            "-E",
            "-W",
            "-n",
            "--keep-going",
            "-q",
            "-D",
            f"language={lang}",
            "-d",
            str(out.parent / "doctrees" / lang),
            str(DOCS),
            str(out / lang),
        ],
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"the {lang} edition failed:\n{result.stderr}")
    return seconds, result.stderr


SHIPPED = ROOT / "dnn_textbook" / "notebooks"
NOTEBOOK_FOLDERS = ("_exercises", "_notebooks")


#: The application chapter says how long its training took on the machine that built it.
TIMING = re.compile(r"\d+[.,]\d+(?=[ \u00a0\u202f]?[sс]\b)")


def ship_notebooks(out: Path, lang: str, package: Path = SHIPPED) -> None:
    """Copy the edition's notebooks into the package, replacing the copies there.

    A copy that differs only by the training's timings is kept: building the
    site leaves a clean work tree.
    """
    for folder in NOTEBOOK_FOLDERS:
        target = package / lang / folder
        built = {p.name: p for p in (out / lang / folder).glob("*.ipynb")}
        if target.exists():
            for old in target.glob("*.ipynb"):
                if old.name not in built:
                    old.unlink()
        target.mkdir(parents=True, exist_ok=True)
        for name, notebook in sorted(built.items()):
            new, kept = notebook.read_text(encoding="utf-8"), target / name
            if kept.exists() and TIMING.sub("…", kept.read_text(encoding="utf-8")) == TIMING.sub(
                "…", new
            ):
                continue
            shutil.copyfile(notebook, kept)


def write_root_page(out: Path) -> None:
    links = "\n".join(
        f'    <li><a href="{code}/index.html" lang="{code}" hreflang="{code}">{name}</a>'
        f' <span lang="{code}">— {escape(WELCOME[code])}</span></li>'
        for code, name in LANGUAGES.items()
    )
    (out / "index.html").write_text(
        f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>dnn_textbook</title>
  <style>
    body {{ font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto;
           padding: 0 1rem; line-height: 1.6; }}
    li {{ margin: 0.5rem 0; font-size: 1.2rem; }}
  </style>
</head>
<body>
  <h1>dnn_textbook</h1>
  <ul>
{links}
  </ul>
</body>
</html>
""",
        encoding="utf-8",
    )


def build_site(
    out: Path = ROOT / "_build" / "site", langs=tuple(LANGUAGES), ship: bool = False
) -> dict:
    """Build the editions into ``out``; return {language: (seconds, stderr)}."""
    out.mkdir(parents=True, exist_ok=True)
    report = {lang: build_language(lang, out) for lang in langs}
    write_root_page(out)
    if ship:
        for lang in langs:
            ship_notebooks(out, lang)
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "site")
    parser.add_argument("--lang", nargs="+", default=list(LANGUAGES), choices=list(LANGUAGES))
    parser.add_argument(
        "--ship", action="store_true", help="copy the notebooks into dnn_textbook/notebooks/"
    )
    args = parser.parse_args()
    try:
        report = build_site(args.out, args.lang, args.ship)
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return 1
    for lang, (seconds, _) in report.items():
        print(f"{lang}: built in {seconds:.1f} s")
    print(f"open {args.out / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
