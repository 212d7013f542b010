"""The French and Ukrainian catalogs: complete, fresh, faithful to math and code, spelled.

They are also typeset as each language prints (French spacing, the decimal
comma in math; see docs/TRANSLATING.md), keep to the glossary docs/terms.csv,
and say one English message the same way in every catalog of a language.

The freshness check extracts the English messages again, in a copy of the
project, and updates the copy's catalogs: nothing may change, so no English
sentence is waiting for its translation.
"""

from __future__ import annotations

import csv
import gettext
import os
import re
import shutil
import string
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "docs"))
sys.path.insert(0, str(ROOT / "tools"))
from french_spacing import fix as french_spacing  # noqa: E402
from i18n import (  # noqa: E402
    LIBRARY_DOMAIN,
    PYTHON_FORMATS,
    TRANSLATIONS,
    display_math,
    library_catalog_paths,
    true_formats,
    update_catalogs,
)

LOCALES = ROOT / "locales"
CATALOGS = sorted(LOCALES.glob("*/LC_MESSAGES/*.po"))
IN_CI = os.environ.get("CI") == "true"

MATH = re.compile(r":math:`[^`]*`|\{math\}`[^`]*`|(?<![\\$])\$[^$\n]+\$")
ROLES = re.compile(r":[a-z]+(?::[a-z]+)?:`[^`]*`|``[^`]*``|(?<![`:])`[^`]+`(?!`)")
SIGNATURE = re.compile(r"\\ \\\(.*\\\)")  # autosummary: name\ \(args\)
SYMBOLS = {"NaN", "inf", "None", "True", "False", "numpy", "float", "dict", "ndarray"}
NAMES = re.compile(r"Read the Docs|GitHub|Sphinx|Furo|@?pradyunsg|Python|JavaScript")
DICTIONARIES = {"fr": "fr_FR", "uk": "uk_UA"}


def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        if IN_CI:
            pytest.fail(f"{tool} is missing: python3 dev.py test installs it")
        pytest.skip(f"{tool} is not installed")
    return path


def entries(po: Path, plural_forms: bool = False):
    """The messages of a catalog. A message with plural forms (the library's) gives
    its forms one per line, unless ``plural_forms``: then a tuple of forms."""
    with po.open("rb") as f:
        messages = [m for m in read_po(f) if m.id]
    if not plural_forms:
        for m in messages:
            if m.pluralizable:
                m.id = "\n".join(m.id)
                m.string = "\n".join(m.string) if all(m.string) else ""
    return messages


@pytest.fixture(scope="session")
def fresh_copy(tmp_path_factory):
    """A copy of the project whose catalogs were extracted and updated again."""
    root = tmp_path_factory.mktemp("fresh")
    for name in ("docs", "dnn_textbook", "locales"):
        shutil.copytree(
            ROOT / name, root / name, ignore=shutil.ignore_patterns("_build", "__pycache__", "*.mo")
        )
    pot_dir = update_catalogs(root)
    return root, pot_dir


@pytest.fixture(scope="session")
def equations(fresh_copy):
    root, pot_dir = fresh_copy
    return display_math(pot_dir.parent / "doctrees-gettext")


def test_there_are_catalogs_for_every_page(fresh_copy):
    _, pot_dir = fresh_copy
    pages = sorted(p.stem for p in pot_dir.glob("*.pot"))
    assert len(pages) >= 10
    assert LIBRARY_DOMAIN not in pages  # the library's messages are no page of the book
    for lang in TRANSLATIONS:
        book = sorted(p.stem for p in (LOCALES / lang / "LC_MESSAGES").glob("*.po"))
        assert book == sorted([*pages, LIBRARY_DOMAIN])


def placeholders(text: str) -> Counter:
    return Counter(field for _, field, _, _ in string.Formatter().parse(text) if field is not None)


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_library_messages_keep_their_placeholders(lang):
    """Each message of the library: translated, not fuzzy, with the same {placeholders}."""
    po, _ = library_catalog_paths(ROOT, lang)
    messages = entries(po, plural_forms=True)
    assert messages, "the library has no message to translate"
    for m in messages:
        assert not m.fuzzy and all(m.string if m.pluralizable else [m.string]), m.id
        for english in m.id if m.pluralizable else [m.id]:
            for translation in m.string if m.pluralizable else [m.string]:
                assert placeholders(translation) == placeholders(english), (m.id, translation)


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_the_package_ships_the_compiled_catalogs_of_today(lang, fresh_copy):
    """The committed .mo holds what the .po holds: compiled again, it reads the same."""
    root, _ = fresh_copy
    committed, fresh = (library_catalog_paths(r, lang)[1] for r in (ROOT, root))
    assert committed.exists(), "run python3 dev.py catalogs"
    with committed.open("rb") as a, fresh.open("rb") as b:
        ours, theirs = gettext.GNUTranslations(a), gettext.GNUTranslations(b)
    del ours._catalog[""], theirs._catalog[""]  # headers: the Babel version may differ
    assert ours._catalog == theirs._catalog, f"{committed.name}: run python3 dev.py catalogs"
    assert [ours.plural(n) for n in range(200)] == [theirs.plural(n) for n in range(200)]


def content(po: Path) -> tuple:
    """What a catalog says: its language, plural rule and every entry (text,
    flags, locations, comments), not the name, version or dates of the tool
    that wrote it."""
    with po.open("rb") as f:
        catalog = read_po(f)
    header = (str(catalog.locale), catalog.plural_forms)
    return header, [
        (m.context, m.id, m.string, sorted(m.flags), m.locations, m.previous_id, m.auto_comments)
        for m in catalog
        if m.id
    ]


def test_catalogs_are_fresh(fresh_copy):
    root, _ = fresh_copy
    for po in CATALOGS:
        copy = root / po.relative_to(ROOT)
        assert content(copy) == content(po), (
            f"{po.relative_to(ROOT)} is not up to date: run python3 dev.py catalogs"
        )


def test_freshness_ignores_the_tool_that_wrote_the_catalog(tmp_path):
    po = CATALOGS[0]
    text = po.read_text(encoding="utf-8")
    other = tmp_path / po.name
    other.write_text(
        re.sub(r"Generated-By: Babel [^\\]*", "Generated-By: Babel 99.0", text).replace(
            "POT-Creation-Date: 2026", "POT-Creation-Date: 1999"
        ),
        encoding="utf-8",
    )
    assert other.read_text(encoding="utf-8") != text
    assert content(other) == content(po)
    changed = tmp_path / "changed.po"
    changed.write_text(text.replace('msgstr "', 'msgstr "x', 2), encoding="utf-8")
    assert content(changed) != content(po)


def msgfmt_check(po: Path) -> subprocess.CompletedProcess:
    """``msgfmt --check`` on the catalog itself, as a translator's tool runs it."""
    return subprocess.run(
        [need("msgfmt"), "--check", "--statistics", "-o", os.devnull, str(po)],
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize("po", CATALOGS, ids=lambda p: f"{p.parts[-3]}/{p.name}")
def test_msgfmt_check_and_complete(po):
    """Babel marks every message with ``{…}`` or ``%`` as a Python format, math too
    (``\\frac{1}{2}``), and msgfmt then rejects the French ``0{,}5`` as a broken
    placeholder. A page of the book is never formatted by Python: its catalog has
    no such mark (docs/i18n.py, ``true_formats``), and test_math_and_code_are_kept
    checks its math and code byte for byte instead. The library's messages and
    Sphinx's own strings keep theirs, which msgfmt checks."""
    result = msgfmt_check(po)
    assert result.returncode == 0, result.stderr
    assert "fuzzy" not in result.stderr and "untranslated" not in result.stderr, result.stderr
    for m in entries(po):
        assert m.string and not m.fuzzy, f"untranslated or fuzzy: {m.id!r}"


def format_flags(po: Path) -> set[str]:
    """The Python format flags written in the file ``po`` (Babel adds them on reading)."""
    text = po.read_text(encoding="utf-8")
    return {
        flag.strip()
        for line in text.splitlines()
        if line.startswith("#,")
        for flag in line[2:].split(",")
        if flag.strip() in PYTHON_FORMATS
    }


def test_updating_the_catalogs_puts_no_false_format_back(fresh_copy):
    """``python3 dev.py catalogs`` writes no Python format flag on the book's pages,
    so the updated catalogs still pass msgfmt --check."""
    root, _ = fresh_copy
    for lang in TRANSLATIONS:
        for po in sorted((root / "locales" / lang / "LC_MESSAGES").glob("*.po")):
            assert format_flags(po) <= true_formats(po), po.name
            result = msgfmt_check(po)
            assert result.returncode == 0, f"{lang}/{po.name}: {result.stderr}"
    assert format_flags(root / "locales" / "fr" / "LC_MESSAGES" / f"{LIBRARY_DOMAIN}.po")


def test_the_math_of_the_pages_would_fail_msgfmt_as_a_python_format(tmp_path):
    """Why the flags go: with the mark Babel puts on it, the French decimal comma
    of a page's math is rejected."""
    po = tmp_path / "page.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        "#, python-brace-format\n"
        'msgid ":math:`\\\\alpha = 0.0075`"\n'
        'msgstr ":math:`\\\\alpha = 0{,}0075`"\n',
        encoding="utf-8",
    )
    assert msgfmt_check(po).returncode != 0
    unmarked = po.read_text(encoding="utf-8").replace("#, python-brace-format\n", "")
    po.write_text(unmarked, encoding="utf-8")
    assert msgfmt_check(po).returncode == 0


DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")
DECIMAL_COMMA = re.compile(r"(?<=\d)\{,\}(?=\d)")  # 0{,}5: LaTeX's comma without a space


def with_decimal_points(text: str) -> str:
    """A message whose inline math has its decimal commas read as points."""
    return MATH.sub(lambda span: DECIMAL_COMMA.sub(".", span.group()), text)


def inline_math(text: str) -> list[str]:
    return MATH.findall(with_decimal_points(text))


def comma_in_equations(po: Path) -> bool:
    """Whether the display equations of ``po`` take the decimal comma: in French and
    Ukrainian, but not on a MyST page, where a changed ``$$`` block renders as
    ``\\[::\\]`` (executablebooks/MyST-Parser#980): there it stays the English."""
    return po.parts[-3] in TRANSLATIONS and not (ROOT / "docs" / f"{po.stem}.md").exists()


@pytest.mark.parametrize("po", CATALOGS, ids=lambda p: f"{p.parts[-3]}/{p.name}")
def test_math_and_code_are_kept(po, equations):
    """Math is the English math, but for the decimal separator between digits: in a
    display equation too, where 0{,}5 read as 0.5 gives the English bytes."""
    for m in entries(po):
        if m.id in equations:
            english = DECIMAL_COMMA.sub(".", m.string) if comma_in_equations(po) else m.string
            assert english == m.id, f"display equation changed: {m.id!r} -> {m.string!r}"
        string = with_decimal_points(m.string)
        assert Counter(MATH.findall(string)) == Counter(MATH.findall(m.id)), m.id
        assert Counter(ROLES.findall(string)) == Counter(ROLES.findall(m.id)), m.id


@pytest.mark.parametrize("po", CATALOGS, ids=lambda p: f"{p.parts[-3]}/{p.name}")
def test_math_has_the_decimal_comma(po, equations):
    """0{,}5 in French and Ukrainian math, as their textbooks print it (TRANSLATING.md)."""
    equations_left = []
    for m in entries(po):
        if m.id in equations:
            if comma_in_equations(po) and DECIMAL_POINT.search(m.string):
                equations_left.append(m.string)
            continue
        if m.string == m.id:
            continue  # signatures: the English bytes
        points = [span for span in MATH.findall(m.string) if DECIMAL_POINT.search(span)]
        assert points == [], f"write 0{{,}}5, not 0.5, in {po.name}: {m.string!r}"
    assert equations_left == [], (
        f"{len(equations_left)} display equations of {po.name} keep a decimal point: "
        "write 0{,}5, as in the prose and the inline math:\n" + "\n\n".join(equations_left)
    )


def test_display_equation_check_allows_only_the_decimal_comma():
    english = r"J = -\frac{1}{2}\bigl(\log 0.5 + \log(1 - 0.5)\bigr) \approx 0.6931"
    french = r"J = -\frac{1}{2}\bigl(\log 0{,}5 + \log(1 - 0{,}5)\bigr) \approx 0{,}6931"
    assert DECIMAL_COMMA.sub(".", french) == english and not DECIMAL_POINT.search(french)
    assert DECIMAL_COMMA.sub(".", french.replace("J =", "J=")) != english  # nothing else
    assert DECIMAL_COMMA.sub(".", r"[0{,} 1]") != r"[0. 1]"  # a list stays a list
    assert comma_in_equations(LOCALES / "fr" / "LC_MESSAGES" / "worked_example.po")
    assert not comma_in_equations(LOCALES / "fr" / "LC_MESSAGES" / "performance.po")  # MyST
    assert not comma_in_equations(LOCALES / "en" / "LC_MESSAGES" / "worked_example.po")


def test_math_check_allows_only_the_decimal_separator():
    assert inline_math(r":math:`\alpha = 0{,}0075`") == [r":math:`\alpha = 0.0075`"]
    assert inline_math(r":math:`[0{,} 1]`") != [r":math:`[0, 1]`"]  # a list stays a list
    assert inline_math(r":math:`3{,}0001`") != [r":math:`3.0002`"]


FRENCH = sorted((LOCALES / "fr" / "LC_MESSAGES").glob("*.po"))


@pytest.mark.parametrize("po", FRENCH, ids=lambda p: p.name)
def test_french_spacing(po):
    """A no-break space before : and inside « », a narrow one before ; ? ! (outside code)."""
    wrong = [
        m.string for m in entries(po) if m.string != m.id and french_spacing(m.string) != m.string
    ]
    assert wrong == [], f"run python3 tools/french_spacing.py: {wrong}"


def test_french_spacing_leaves_code_math_and_urls_alone():
    text = (
        "Note : voir ``a : b`` et :math:`f : x \\mapsto y` ; « cas » ? "
        "Oui ! https://example.org/a?b=1:2 et 12:30"
    )
    assert french_spacing(text) == (
        "Note\u00a0: voir ``a : b`` et :math:`f : x \\mapsto y`\u202f; «\u00a0cas\u00a0»\u202f? "
        "Oui\u202f! https://example.org/a?b=1:2 et 12:30"
    )
    assert french_spacing("Copié!") == "Copié\u202f!"  # no space at all is wrong too


def prose(text: str) -> str:
    """A message without its math, roles, literals, signatures and parameter names."""
    text = ROLES.sub(" ", SIGNATURE.sub(" ", MATH.sub(" ", text)))
    text = re.sub(r"\*\*[^*]+\*\* \(\*.*?\*\) --", " ", text)  # napoleon's **name** (*type*) --
    return re.sub(r"^\*[^*].*?\* --", " ", text)  # napoleon's *type* -- of a single return


def words_to_check(text: str, names: str = "") -> str:
    """The words of a message for the spell checker, with symbols and names masked.

    ``names``: text whose words are names from the code, kept as they are (for
    the library's messages, the English message: ``rng`` stays ``rng``).
    """
    text = NAMES.sub(" ", prose(text))
    text = re.sub(r"<[^>]+>|%\([a-z_]+\)s|%s|&#\d+;|\$?\{\w*\}", " ", text)  # html, formats
    code = set(re.findall(r"\w+", names))
    text = re.sub(r"\([^()]*[\[\]][^()]*\)", " ", text)  # shapes like (n[l], m)
    text = re.sub(r"\(\s*[\w-]+(?:\s*,\s*[\w-]+)+\s*\)", " ", text)  # (m, height, width)
    words = []
    for word in re.findall(r"[\w'’ʼ-]+", text):
        word = word.strip("'’-")
        if (
            not word
            or word in SYMBOLS
            or word in code
            or re.search(r"[\d_]|[a-z][A-Z]|^[A-Z]{2,}$", word)
            or re.fullmatch(r"[A-Za-z]|d[A-Za-z]{1,2}", word)
        ):
            continue  # identifiers, numbers, symbols such as dA, db, NaN, W
        words.append(word)
    return "\n".join(words)


def unknown_words(lang: str, text: str) -> list[str]:
    """The words of ``text`` that neither Hunspell's dictionary nor our word list knows."""
    hunspell = need("hunspell")
    dictionary = DICTIONARIES[lang]
    if not Path(f"/usr/share/hunspell/{dictionary}.dic").exists():
        if IN_CI:
            pytest.fail(f"the Hunspell dictionary {dictionary} is missing")
        pytest.skip(f"no Hunspell dictionary {dictionary}")
    wordlist = ROOT / "docs" / "spelling" / f"{lang}.txt"
    result = subprocess.run(
        [hunspell, "-d", dictionary, "-p", str(wordlist), "-l"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    )
    return sorted(set(result.stdout.split()))


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_spelling(lang, equations):
    text = "\n".join(
        words_to_check(m.string, m.id if po.stem == LIBRARY_DOMAIN else "")
        for po in CATALOGS
        if po.parts[-3] == lang
        for m in entries(po)
        if m.id not in equations
    )
    unknown = unknown_words(lang, text)
    wordlist = ROOT / "docs" / "spelling" / f"{lang}.txt"
    size = len(wordlist.read_text(encoding="utf-8").split())
    print(f"{lang}: {len(text.split())} words checked, word list of {size}")
    assert unknown == [], f"unknown {lang} words (fix, or add to {wordlist.name}): {unknown}"


def misspelled_in_french(text: str) -> list[str]:
    """What Hunspell's French dictionary alone (no word list) flags in ``text``."""
    result = subprocess.run(
        [need("hunspell"), "-d", "fr_FR", "-l"], input=text, capture_output=True, text=True
    )
    return result.stdout.split()


def test_spell_checker_splits_words_at_no_break_spaces():
    text = "Copié\u202f! La chaîne\u00a0: «\u00a0mot\u00a0» ; fin\u202f?"
    assert words_to_check(text).split("\n") == ["Copié", "La", "chaîne", "mot", "fin"]
    assert misspelled_in_french("chaîne\u00a0: propagtion\n") == ["propagtion"]


def test_spell_checker_catches_a_misspelling():
    assert misspelled_in_french("propagation propagtion\n") == ["propagtion"]


GLOSSARY = {
    # English term in a message -> the stems its translation must contain
    "backward propagation": {"fr": ["rétropropagation"], "uk": ["зворотн"]},
    "forward propagation": {"fr": ["vers l'avant"], "uk": ["прям"]},
    "activation function": {
        "fr": ["fonction d'activation", "fonctions d'activation"],
        "uk": ["активаційн"],
    },
    "learning rate": {"fr": ["taux d'apprentissage"], "uk": ["швидк"]},
    "gradient descent": {"fr": ["descente de gradient"], "uk": ["градієнтн"]},
    "gradient checking": {"fr": ["vérification du gradient"], "uk": ["перевірк"]},
    "element-wise": {"fr": ["élément par élément"], "uk": ["поелементн"]},
    "cache": {"fr": ["cache"], "uk": ["кеш"]},
    "layer": {"fr": ["couche"], "uk": ["шар"]},
    "loss": {"fr": ["perte"], "uk": ["втрат"]},
    "default": {"fr": ["par défaut"], "uk": ["за замовчуванням"]},
    "optional": {"fr": ["facultati"], "uk": ["необов'язков"]},
    "reference": {"fr": ["référence"], "uk": ["еталонн"]},
    "recurrence": {"fr": ["récurrence"], "uk": ["рекурентн"]},
    "building blocks": {"fr": ["briques"], "uk": ["структурн"]},
    "lecture": {"fr": ["leçon"], "uk": ["лекці"]},
    "course": {"fr": ["cours"], "uk": ["курс"]},
}
TERMS = ROOT / "docs" / "terms.csv"


def test_the_glossary_test_keeps_to_the_terms_table():
    """Every term the catalogs are checked for is a row of the glossary's table."""
    with TERMS.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert all(row["en"] and row["fr"] and row["uk"] for row in rows)
    for term in GLOSSARY:
        assert any(row["en"].startswith(term) for row in rows), term


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_translations_keep_to_the_glossary(lang):
    """Every catalog, the interface's sphinx.po included (issue 19: « paquets
    optionnels » got through there, where the glossary says « facultatif »)."""
    problems = []
    checked = set()
    for po in CATALOGS:
        if po.parts[-3] != lang:
            continue
        checked.add(po.name)
        for m in entries(po):
            english = re.sub(r"\bapi reference\b", " ", prose(m.id).lower())
            for term, stems in GLOSSARY.items():
                if re.search(rf"\b{term}\b", english) and not any(
                    s in m.string.lower().replace("’", "'") for s in stems[lang]
                ):
                    problems.append(f"{po.name}: {term!r} in {m.id[:60]!r}")
    assert {"sphinx.po", "glossary.po", "dnn_textbook.po"} <= checked, checked
    assert problems == []


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_one_message_one_translation(lang):
    """A message that appears in several catalogs is translated the same way in each."""
    seen: dict[str, tuple[str, str]] = {}
    problems = []
    for po in CATALOGS:
        if po.parts[-3] != lang:
            continue
        for m in entries(po):
            first = seen.setdefault(m.id, (po.name, m.string))
            if first[1] != m.string:
                problems.append(f"{m.id[:60]!r}: {first[0]} and {po.name} differ")
    assert problems == []
