"""The language of the library's messages: English, French or Ukrainian.

Every sentence the library shows a learner (the text of an error, a
warning, the progress line of training) is written in English in the code,
inside ``_()``, with named placeholders for what changes::

    raise ValueError(_("{name} contains NaN or inf").format(name=name))

``_()`` looks the English sentence up in the ``dnn_textbook`` gettext
domain when the message is made, not when the module is imported, so a
change of language applies at once. A sentence that depends on a count
goes through ``ngettext``, since French and Ukrainian do not make plurals
as English does (Ukrainian has three forms: 1 рядок, 2 рядки, 5 рядків).

The language is the one :func:`set_language` chose or, if it chose none,
the one of the variables ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES`` and
``LANG``, the first one set, read as Python's :mod:`gettext` reads them. A
language without a catalog gives English, with no error (:func:`set_language`
warns, once for each such language).

The compiled catalogs ship inside the package, in
``locale/<language>/LC_MESSAGES/dnn_textbook.mo``. Their sources are
``locales/<language>/LC_MESSAGES/dnn_textbook.po`` in the repository;
``python3 dev.py catalogs`` extracts the sentences and compiles both.
"""

from __future__ import annotations

import gettext
import re
import warnings
from pathlib import Path

__all__ = ["DOMAIN", "LOCALE_DIR", "ngettext", "set_language"]

DOMAIN = "dnn_textbook"
LOCALE_DIR = Path(__file__).with_name("locale")

_chosen: list[str] | None = None  # set_language's choice; None: the environment's


def set_language(language: str | None) -> None:
    """Choose the language of the library's messages.

    Call it once, for example at the top of a notebook. Without it, the
    messages follow the system's language (the variables ``LANGUAGE``,
    ``LC_ALL``, ``LC_MESSAGES`` and ``LANG``).

    >>> import numpy as np
    >>> from dnn_textbook import linear_forward
    >>> A_prev, W, b = np.ones((4, 2)), np.ones((1, 5)), np.zeros((1, 1))
    >>> set_language("fr")
    >>> linear_forward(A_prev, W, b)
    Traceback (most recent call last):
    ...
    ValueError: W a la forme (1, 5), mais A_prev a 4 lignes
    >>> set_language("uk")
    >>> linear_forward(A_prev, W, b)
    Traceback (most recent call last):
    ...
    ValueError: W має форму (1, 5), а A_prev має 4 рядки
    >>> set_language("en")

    Parameters
    ----------
    language : str or None
        ``"en"``, ``"fr"`` or ``"uk"``. A locale name works too, with an
        underscore or a hyphen: ``"fr_FR.UTF-8"``, ``"fr-FR"``, ``"uk_UA"``,
        ``"uk-UA"``; ``"ua"`` is taken for ``"uk"``, the code of Ukrainian.
        A language without a catalog gives English, with a warning (once
        for each such value); ``None`` goes back to the system's language.

    Raises
    ------
    TypeError
        If ``language`` is neither a string nor None.
    """
    global _chosen
    if language is None:
        _chosen = None
        return
    if not isinstance(language, str):
        raise TypeError(
            _(
                "language must be a string such as 'fr' or 'uk', or None, "
                "got {value} of type {type}"
            ).format(value=repr(language), type=type(language).__name__)
        )
    code = _UA.sub("uk", language.strip().replace("-", "_"))
    _chosen = [code]
    if (
        language not in _warned
        and not _ENGLISH.match(code)
        and gettext.find(DOMAIN, LOCALE_DIR, languages=[code]) is None
    ):
        _warned.add(language)
        warnings.warn(
            _(
                "the library has no messages in the language {language}: they stay in English "
                "(available: en, fr, uk)"
            ).format(language=repr(language)),
            UserWarning,
            stacklevel=2,
        )


_UA = re.compile(r"^ua(?=$|[_.@])", re.IGNORECASE)  # "ua", "ua_UA": Ukrainian is "uk"
_ENGLISH = re.compile(r"^(en($|[_.@])|C$|C\.|POSIX$)", re.IGNORECASE)  # English: no catalog needed
_warned: set[str] = set()  # the unknown languages already warned about


def _translation() -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=_chosen, fallback=True)


def language() -> str:
    """The code of the language the messages are shown in: ``"en"``, ``"fr"`` or ``"uk"``."""
    info: object = getattr(_translation(), "info", dict)()
    code = info.get("language", "en") if isinstance(info, dict) else "en"
    return code if code in ("fr", "uk") else "en"


def _(message: str) -> str:
    """The message in the chosen language (English if it has no translation)."""
    return _translation().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The message for the count ``n``, in the chosen language."""
    return _translation().ngettext(singular, plural, n)
