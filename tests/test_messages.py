"""The library's messages in English, French and Ukrainian (gettext).

For every kind of mistake a learner can make, the message in French and in
Ukrainian, chosen with ``set_language`` or with the ``LANGUAGE`` variable,
is the catalog's translation, keeps the shapes, numbers and symbols of the
English one, and is not the English one. The wheel, installed in a clean
virtual environment, finds its catalogs with no step from the learner.
"""

from __future__ import annotations

import ast
import json
import os
import re
import string
import subprocess
import sys
import tarfile
import textwrap
import venv
import warnings
import zipfile
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from babel.messages.pofile import read_po

import dnn_textbook

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("fr", "uk")

# Each kind of mistake, as the code a learner would run. The code is run here
# (with set_language) and in a fresh interpreter (with LANGUAGE), so it is text.
P1 = '{"W1": np.ones((1, 2)), "b1": np.zeros((1, 1))}'
G1 = "{'dW1': np.ones((1, 2)), 'db1': np.ones((1, 1))}"
XY = "np.ones((1, 2)), np.array([[1, 0]]), [1, 1]"
MISTAKES = {
    "not numbers": "linear_forward(np.array([['a']]), np.ones((1, 1)), np.zeros((1, 1)))",
    "not 2-D": "linear_forward(np.ones(3), np.ones((1, 3)), np.zeros((1, 1)))",
    "rows": "linear_forward(np.ones((4, 2)), np.ones((1, 5)), np.zeros((1, 1)))",
    "one row": "linear_forward(np.ones((1, 2)), np.ones((1, 5)), np.zeros((1, 1)))",
    "rows, layer 1": (
        'L_model_forward(np.ones((4, 2)), {"W1": np.ones((3, 5)), "b1": np.zeros((3, 1))})'
    ),
    "examples as rows": "linear_forward(np.ones((2, 5)), np.ones((3, 5)), np.zeros((3, 1)))",
    "W transposed": "linear_forward(np.ones((4, 2)), np.ones((4, 3)), np.zeros((3, 1)))",
    "b": "linear_forward(np.ones((2, 2)), np.ones((3, 2)), np.zeros((2, 1)))",
    "m = 0": "linear_forward(np.ones((2, 0)), np.ones((3, 2)), np.zeros((3, 1)))",
    "NaN": "linear_forward(np.array([[np.nan, 1.0]]), np.ones((1, 1)), np.zeros((1, 1)))",
    "overflow": "linear_forward(np.array([[1e308, 1.0]]), np.array([[1e308]]), np.zeros((1, 1)))",
    "parameters type": "L_model_forward(np.ones((2, 1)), [1, 2])",
    "parameters missing": 'L_model_forward(np.ones((2, 1)), {"W1": np.ones((1, 2))})',
    "cache": "linear_backward(np.ones((1, 1)), 'not a cache')",
    "unknown activation": (
        "linear_activation_forward(np.ones((1, 1)), np.ones((1, 1)), np.zeros((1, 1)), 'softmax')"
    ),
    "activations string": f"L_model_forward(np.ones((2, 1)), {P1}, 'relu')",
    "activations count": f"L_model_forward(np.ones((2, 1)), {P1}, ['relu', 'sigmoid'])",
    "A[L] shape": "compute_cost(np.full((2, 2), 0.5), np.ones((2, 2)))",
    "A[L] range": "compute_cost(np.array([[1.79, 0.5]]), np.array([[1, 0]]))",
    "Y 1-D": "compute_cost(np.array([[0.5, 0.5]]), np.array([1, 0]))",
    "Y against A[L]": "compute_cost(np.array([[0.5, 0.5]]), np.array([[1, 0, 1]]))",
    "Y labels": "compute_cost(np.array([[0.5, 0.5]]), np.array([[2, 0]]))",
    "learning rate": f"update_parameters({P1}, {G1}, -1.0)",
    "learning rate type": f"update_parameters({P1}, {G1}, '0.1')",
    "gradient missing": f"update_parameters({P1}, {{'dW1': np.ones((1, 2))}}, 0.1)",
    "iterations": f"L_layer_model({XY}, num_iterations=-1)",
    "iterations type": f"L_layer_model({XY}, num_iterations=2.5)",
    "X rows": "L_layer_model(np.ones((3, 4)), np.ones((1, 4)), [2, 1])",
    "output activation": (
        "L_layer_model(np.ones((1, 2)), np.array([[1, 0]]), [1, 1], activations=['relu'])"
    ),
    "divergence": (
        "L_layer_model(np.array([[3.0, -2.0, 1.0, -1.0]]), np.array([[1, 0, 0, 1]]),"
        " [1, 4, 1], learning_rate=50.0, num_iterations=300, print_cost=False,"
        " rng=np.random.default_rng(0), scale='he')"
    ),
    "scale": "initialize_parameters_deep([2, 1], np.random.default_rng(0), scale=0)",
    "layer_dims": "initialize_parameters_deep([2])",
    "rng type": "initialize_parameters_deep([2, 1], 3)",
    "rng and legacy_seed": (
        "initialize_parameters_deep([2, 1], np.random.default_rng(0), legacy_seed=1)"
    ),
    "gradient check": f"gradient_check({P1}, {{}}, np.ones((2, 1)), np.ones((1, 1)))",
    "images": "dnn_textbook.data.flatten_images(np.ones((2, 3)))",
    "test_fraction": "dnn_textbook.data.load_breast_cancer_split(2.0)",
    "language type": "dnn_textbook.set_language(3)",
    "layer_dims type": "initialize_parameters_deep(5)",
    "layers_dims output": "L_layer_model(np.ones((1, 2)), np.array([[1, 0]]), [1, 2])",
    "Y against X": "L_layer_model(np.ones((1, 2)), np.array([[1, 0, 1]]), [1, 1])",
    "course's predict": f"predict(np.ones((2, 2)), np.array([[1, 0]]), {P1})",
    "progress line": (
        "L_layer_model(np.array([[0.5, -1.0]]), np.array([[1, 0]]), [1, 1],"
        " num_iterations=1, rng=np.random.default_rng(0))"
    ),
}

RUN = """
import contextlib, io, json, sys, warnings
import numpy as np
import dnn_textbook
import dnn_textbook.data
from dnn_textbook import *

def message(code):
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out), warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            exec(code)
    except Exception as error:
        return f"{type(error).__name__}: {error}"
    return "\\n".join([out.getvalue().strip(), *(str(w.message) for w in caught)]).strip()
"""
namespace: dict = {}
exec(RUN, namespace)
message = namespace["message"]

# What a translation must keep: shapes, indexed symbols such as W[2], names
# from the code (A_prev, layers_dims, W1), numbers, quoted values.
KEPT = re.compile(
    r"\([^()]*\d[^()]*\)|\w+\[[^\]]*\]|\w*_\w*|\b[A-Za-z]+\d+\b"
    r"|-?\d+(?:\.\d+)?(?:e[-+]?\d+)?(?!-?D\b)|(?<!\w)'[^'\s]*'"
)  # not the 2 of 2-D


def in_language(lang: str) -> dict[str, str]:
    dnn_textbook.set_language(lang)
    try:
        return {name: message(code) for name, code in MISTAKES.items()}
    finally:
        dnn_textbook.set_language("en")


def from_environment(**variables: str) -> dict[str, str]:
    """The messages of every mistake, in a fresh interpreter with these variables."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
    }
    script = RUN + f"\nprint(json.dumps({{n: message(c) for n, c in {MISTAKES!r}.items()}}))"
    result = subprocess.run(
        [sys.executable, "-c", script],
        env={**env, **variables},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def catalog(lang: str) -> list[str]:
    po = ROOT / "locales" / lang / "LC_MESSAGES" / "dnn_textbook.po"
    with po.open("rb") as f:
        strings = [m.string for m in read_po(f) if m.id]
    return [s for strs in strings for s in (strs if isinstance(strs, tuple) else [strs])]


def as_pattern(translation: str) -> str:
    """A translated message as a regular expression: each placeholder matches any text."""
    return "".join(
        re.escape(literal) + ("(.+?)" if field is not None else "")
        for literal, field, _, _ in string.Formatter().parse(translation)
    )


def is_made_of_translations(text: str, lang: str) -> bool:
    """Whether ``text`` is one translated message, or a prefix ("layer 2: ") and one."""
    pieces = "|".join(as_pattern(t) for t in catalog(lang) if t)
    return re.fullmatch(rf"(?:{pieces})+", text, re.S) is not None


@pytest.fixture(scope="module")
def english():
    return in_language("en")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("mistake", MISTAKES)
def test_each_mistake_is_translated_and_keeps_its_numbers(mistake, lang, english):
    en, translated = english[mistake], in_language(lang)[mistake]
    assert translated != en
    text = translated.split(": ", 1)[1] if re.match(r"\w+Error: ", translated) else translated
    assert is_made_of_translations(text, lang), translated
    assert Counter(KEPT.findall(translated)) == Counter(KEPT.findall(en)), (en, translated)


def test_english_is_the_default_here_and_an_unknown_language_gives_english(english):
    assert english["rng and legacy_seed"] == (
        "ValueError: give either rng or legacy_seed, not both"
    )
    assert english["progress line"].startswith("Cost after iteration 0: 0.647")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the warning of an unknown language: tested below
        for unknown in ("xx", "de", "", "C"):
            assert in_language(unknown) == english


@pytest.mark.parametrize(
    "language, lang",
    [
        ("uk_UA.UTF-8", "uk"),
        ("uk_UA", "uk"),
        ("uk-UA", "uk"),
        ("ua", "uk"),
        ("UA", "uk"),
        ("ua_UA.UTF-8", "uk"),
        ("fr-FR", "fr"),
        ("fr_FR.UTF-8", "fr"),
        ("fr-CA", "fr"),
        ("FR", "fr"),
    ],
)
def test_a_locale_name_works_too(language, lang):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a language the library has: no warning
        dnn_textbook.set_language(language)
        assert message(MISTAKES["rows"]) == in_language(lang)["rows"]


def test_set_language_refuses_what_is_not_a_language_at_the_call():
    dnn_textbook.set_language("fr")
    try:
        french = message(MISTAKES["rows"])
        with pytest.raises(TypeError) as error:
            dnn_textbook.set_language(3)
        assert str(error.value) == (
            "language doit être une chaîne de caractères telle que 'fr' ou 'uk', ou None, "
            "mais vaut 3, de type int"
        )
        assert message(MISTAKES["rows"]) == french  # the choice before stays
    finally:
        dnn_textbook.set_language("en")
    with pytest.raises(TypeError, match="language must be a string such as 'fr' or 'uk'"):
        dnn_textbook.set_language(["fr"])


def test_an_unknown_language_gives_english_and_says_so_once(english):
    for unknown in ("de-test", "xx_test"):
        with pytest.warns(UserWarning) as caught:
            dnn_textbook.set_language(unknown)
        assert [str(w.message) for w in caught] == [
            f"the library has no messages in the language {unknown!r}: they stay in English "
            "(available: en, fr, uk)"
        ]
        assert message(MISTAKES["rows"]) == english["rows"]
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # once for each unknown value
            dnn_textbook.set_language("fr")
            dnn_textbook.set_language(unknown)
        assert message(MISTAKES["rows"]) == english["rows"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # English needs no catalog
        for language in ("en", "en_GB.UTF-8", "en-US", "C", "POSIX"):
            dnn_textbook.set_language(language)
            assert message(MISTAKES["rows"]) == english["rows"]
    dnn_textbook.set_language("en")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_environment_chooses_the_same_translation(lang):
    assert from_environment(LANGUAGE=lang) == in_language(lang)


def test_the_variables_are_read_as_gettext_reads_them(english):
    ukrainian, french = in_language("uk"), in_language("fr")
    assert from_environment(LANG="uk_UA.UTF-8") == ukrainian
    assert from_environment(LC_MESSAGES="fr_FR.UTF-8", LANG="uk_UA.UTF-8") == french
    assert from_environment(LC_ALL="fr_FR.UTF-8", LANG="uk_UA.UTF-8") == french
    assert from_environment(LANGUAGE="uk:fr", LC_ALL="fr_FR.UTF-8") == ukrainian
    assert from_environment(LANGUAGE="de", LANG="C") == english
    assert from_environment() == english


def test_set_language_applies_at_once_and_none_goes_back_to_the_environment(monkeypatch):
    monkeypatch.setenv("LANGUAGE", "uk")
    dnn_textbook.set_language("fr")
    french = message(MISTAKES["progress line"])
    dnn_textbook.set_language(None)
    assert message(MISTAKES["progress line"]) == in_language("uk")["progress line"] != french
    monkeypatch.setenv("LANGUAGE", "fr")  # read at every message, not at import
    dnn_textbook.set_language(None)
    assert message(MISTAKES["progress line"]) == french


def test_the_tests_run_in_english_whatever_the_machine_speaks():
    """The root conftest chooses English: a doctest and a test that read the English line."""
    env = {**os.environ, "LANGUAGE": "uk", "LC_ALL": "uk_UA.UTF-8"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "dnn_textbook/_i18n.py",
            "tests/test_training.py::test_progress_is_printed_every_100_iterations_by_default",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-2000:]


def test_the_book_is_built_in_english_whatever_the_machine_speaks():
    script = textwrap.dedent("""
        import runpy
        runpy.run_path("docs/conf.py")
        from dnn_textbook._i18n import _
        print(_("give either rng or legacy_seed, not both"))
    """)
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        check=True,
        env={**os.environ, "LANGUAGE": "fr"},
        capture_output=True,
        text=True,
    )
    assert result.stdout.strip() == "give either rng or legacy_seed, not both"


# --- The installed package finds its catalogs -------------------------------------------


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built offline with the test environment's setuptools."""
    return build_wheel(ROOT, tmp_path_factory.mktemp("wheel"))


def build_wheel(source: Path, out: Path) -> Path:
    """Build a wheel of ``source`` (a tree or an sdist) into ``out``, offline."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
        + ["--no-index", "-q", "-w", str(out), str(source)],
        check=True,
        capture_output=True,
    )
    (path,) = out.glob("dnn_textbook-*.whl")
    return path


def catalogs_in(names) -> list[str]:
    return sorted(n for n in names if n.endswith(".mo"))


def test_the_wheel_carries_the_compiled_catalogs(wheel):
    with zipfile.ZipFile(wheel) as z:
        assert catalogs_in(z.namelist()) == [
            f"dnn_textbook/locale/{lang}/LC_MESSAGES/dnn_textbook.mo" for lang in LANGUAGES
        ]


def test_the_sdist_carries_them_and_builds_a_wheel_with_them(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from setuptools import build_meta; build_meta.build_sdist(sys.argv[1])",
            str(tmp_path),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (sdist,) = tmp_path.glob("dnn_textbook-*.tar.gz")
    with tarfile.open(sdist) as t:
        assert len(catalogs_in(t.getnames())) == len(LANGUAGES)
    built = build_wheel(sdist, tmp_path)
    with zipfile.ZipFile(built) as z:
        assert len(catalogs_in(z.namelist())) == len(LANGUAGES)


def test_an_installed_wheel_speaks_ukrainian_and_french(wheel, tmp_path):
    """pip install of the wheel into a clean environment (numpy borrowed from this one)."""
    env_dir = tmp_path / "env"
    venv.create(env_dir, with_pip=False)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--no-index",
            "-q",
            str(wheel),
        ],
        check=True,
        capture_output=True,
        # a PYTHONPATH to the source tree would show pip the tree's egg-info as installed
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )
    purelib = "import sysconfig; print(sysconfig.get_path('purelib'))"
    site = subprocess.run(
        [str(python), "-c", purelib], check=True, capture_output=True, text=True
    ).stdout.strip()
    # Only numpy's folder is borrowed: this environment's editable install is not activated.
    (Path(site) / "borrowed_numpy.pth").write_text(str(Path(np.__file__).parents[1]) + "\n")
    code = (
        "import dnn_textbook, numpy as np\n"
        "print(dnn_textbook.__file__)\n"
        "{choice}"
        "try:\n"
        "    dnn_textbook.initialize_parameters_deep([2, 1], np.random.default_rng(0),"
        " legacy_seed=1)\n"
        "except ValueError as error:\n"
        "    print(error)\n"
    )
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "PYTHONPATH")
    }
    runs = {"uk": ({"LANGUAGE": "uk"}, ""), "fr": ({}, "dnn_textbook.set_language('fr')\n")}
    for lang, (variables, choice) in runs.items():
        result = subprocess.run(
            [str(python), "-c", code.format(choice=choice)],
            cwd=tmp_path,
            env={**base, **variables},
            capture_output=True,
            text=True,
            check=True,
        )
        where, printed = result.stdout.splitlines()
        assert Path(where).is_relative_to(env_dir)
        assert printed == in_language(lang)["rng and legacy_seed"].removeprefix("ValueError: ")
        assert printed in catalog(lang)


# --- Every message goes through the catalogs -----------------------------------------


def bare_english(node: ast.expr) -> bool:
    """Whether a message is English text that skips _() (a literal or an f-string)."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and re.search(r"[a-z]{3}", node.value) is not None
    if isinstance(node, ast.BinOp):
        return bare_english(node.left) or bare_english(node.right)
    if isinstance(node, ast.IfExp):
        return bare_english(node.body) or bare_english(node.orelse)
    return False


def test_every_message_of_the_library_goes_through_the_catalogs():
    """No raise, warn or print in the library shows English that _() did not look up."""
    bare = []
    for path in sorted((ROOT / "dnn_textbook").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            call = node.exc if isinstance(node, ast.Raise) else node
            if not isinstance(call, ast.Call) or not call.args:
                continue
            name = getattr(call.func, "id", getattr(call.func, "attr", ""))
            if (isinstance(node, ast.Raise) or name in ("print", "warn")) and bare_english(
                call.args[0]
            ):
                bare.append(f"{path.name}:{node.lineno}")
    assert bare == []
