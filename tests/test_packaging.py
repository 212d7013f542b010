"""Packaging: what a learner gets from ``pip install dnn_textbook``.

The wheel and the sdist are built here as they would be for an upload, but
offline: ``python -m build --no-isolation`` uses the setuptools of this
environment instead of fetching one. Both must carry the license and pass
``twine check --strict``; the sdist holds the library and what builds it,
nothing else (MANIFEST.in says why).
"""

import ast
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

import dnn_textbook

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "dnn_textbook"
MODULES = sorted(p.name for p in PACKAGE.glob("*.py"))
SDIST_TOP = {
    "PKG-INFO",
    "pyproject.toml",
    "setup.cfg",
    "README.md",
    "LICENSE",
    "MANIFEST.in",
    "dnn_textbook",
    "dnn_textbook.egg-info",
}


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    """Build the sdist, then the wheel from the sdist, as ``python -m build`` does."""
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    (out / "build.log").write_text(result.stdout + result.stderr, encoding="utf-8")
    (sdist,) = out.glob("dnn_textbook-*.tar.gz")
    (wheel,) = out.glob("dnn_textbook-*.whl")
    return sdist, wheel


def sdist_names(sdist: Path) -> list[str]:
    with tarfile.open(sdist) as tar:
        names = [m.name for m in tar.getmembers() if m.isfile()]
    # Every member sits under dnn_textbook-<version>/.
    return [name.split("/", 1)[1] for name in names]


def test_both_files_are_named_after_the_one_version(dist):
    for path in dist:
        assert f"dnn_textbook-{dnn_textbook.__version__}" in path.name


def test_the_build_warns_of_no_ignored_package(dist):
    """The catalogs' folders (locale/<lang>/LC_MESSAGES) are packages to Python:
    pyproject.toml lists them, so setuptools does not warn that it would ignore
    them, and their .mo files are in the wheel."""
    log = (dist[0].parent / "build.log").read_text(encoding="utf-8")
    assert "Package would be ignored" not in log, log[-3000:]
    assert "absent from the `packages` configuration" not in log, log[-3000:]
    names = set(zipfile.ZipFile(dist[1]).namelist())
    for lang in ("fr", "uk"):
        assert f"dnn_textbook/locale/{lang}/LC_MESSAGES/dnn_textbook.mo" in names


def test_the_wheel_holds_the_library_typed_and_licensed(dist):
    _, wheel = dist
    names = set(zipfile.ZipFile(wheel).namelist())
    dist_info = f"dnn_textbook-{dnn_textbook.__version__}.dist-info"
    assert {f"dnn_textbook/{m}" for m in MODULES} | {"dnn_textbook/py.typed"} <= names
    assert "dnn_textbook/breast_cancer.csv.gz" in names  # the application's data ships
    for lang in ("en", "fr", "uk"):  # python -m dnn_textbook.notebooks
        assert f"dnn_textbook/notebooks/{lang}/_exercises/build_it_yourself.ipynb" in names
        assert f"dnn_textbook/notebooks/{lang}/_notebooks/backward.ipynb" in names
    assert f"{dist_info}/licenses/LICENSE" in names
    assert not [n for n in names if n.startswith(("tests/", "docs/", "locales/"))]
    metadata = zipfile.ZipFile(wheel).read(f"{dist_info}/METADATA").decode()
    assert "License-Expression: MIT" in metadata
    assert "License-File: LICENSE" in metadata
    assert "Classifier: Typing :: Typed" in metadata
    for url in ("Documentation", "Source", "Issues"):
        assert f"Project-URL: {url}, https://" in metadata
    license_text = zipfile.ZipFile(wheel).read(f"{dist_info}/licenses/LICENSE").decode()
    assert license_text == (ROOT / "LICENSE").read_text(encoding="utf-8")


def test_the_sdist_is_the_library_and_what_builds_it(dist):
    sdist, _ = dist
    names = sdist_names(sdist)
    assert {name.split("/", 1)[0] for name in names} == SDIST_TOP
    library = {n.split("/", 1)[1] for n in names if n.startswith("dnn_textbook/")}
    source = {
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert library == source and "py.typed" in library
    assert "LICENSE" in names


def test_twine_check_strict(dist):
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, dist)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_one_source_for_the_version():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    project = pyproject.split("\n[project]\n", 1)[1].split("\n[", 1)[0]
    assert 'dynamic = ["version"]' in project
    assert not re.search(r"^version\s*=", project, flags=re.MULTILINE)
    assert 'version = { attr = "dnn_textbook.__version__" }' in pyproject
    assert re.fullmatch(r"\d+\.\d+\.\d+", dnn_textbook.__version__)


def test_the_readme_opens_with_the_install_and_its_example_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    # the learner's three steps come first (tests/test_shipped_notebooks.py), then the library
    library = readme.split("\n## The library\n", 1)[1]
    blocks = re.findall(r"^```(\w+)\n(.*?)^```", library, flags=re.MULTILINE | re.DOTALL)
    (language, install), (python, example) = blocks[:2]
    assert language == "sh" and "pip install dnn_textbook" in install
    assert 'pip install "dnn_textbook[data]"' in install
    assert python == "python"
    # before the release, the route from a clone (the same pip, on the folder)
    assert "pip install .  " in readme and "pip wheel --no-deps" in readme
    ast.parse(example)
    result = subprocess.run([sys.executable, "-c", example], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("train accuracy:")


def test_every_public_name_is_exported_and_on_the_api_page():
    from test_docstrings import MODULES

    from dnn_textbook import course_helpers, data, exercises

    # the data loaders are imported on their own: they need optional packages;
    # the exercises' checker and the course's helpers too (the helpers' names are taken)
    own = (data, exercises, course_helpers)
    modules = [module for module in MODULES if module not in own]
    # set_language, the switch of the messages' language, lives in the private _i18n
    public = {name for m in modules for name in getattr(m, "__all__", ())} | {"set_language"}
    assert public == set(dnn_textbook.__all__)
    api = (ROOT / "docs" / "api.rst").read_text(encoding="utf-8")
    listed = set(re.findall(r"^   (?:~\w+\.)?(\w+)$", api, flags=re.MULTILINE))
    assert public <= listed
    assert {name for module in own for name in module.__all__} <= listed


def test_the_module_and_the_function_are_both_reachable():
    import importlib

    module = importlib.import_module("dnn_textbook.gradient_checking")
    assert module.__name__ == "dnn_textbook.gradient_checking"
    assert dnn_textbook.gradient_check is module.gradient_check
