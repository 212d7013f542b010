"""Every test and every doctest runs in English, whatever the machine's language.

The library's messages follow LANGUAGE, LC_ALL, LC_MESSAGES and LANG, and the
doctests of the book show the English ones; a test that wants another language
says so, and the language goes back to English after it.
"""

import pytest

import dnn_textbook

dnn_textbook.set_language("en")


@pytest.fixture(autouse=True)
def _english_again():
    yield
    dnn_textbook.set_language("en")
