"""Search for the Ukrainian edition: a light stemmer, in Python and in JavaScript.

Sphinx ships no Ukrainian search language, and Snowball has no Ukrainian
stemmer, so the Ukrainian edition would only find the exact word form a
reader types: "кеш" would miss a page that says "кешу" or "кешів".

This stemmer strips one inflectional ending (the longest that leaves a stem
of at least three letters) from each word, when the index is built and when
a reader searches. Both sides read the same list of endings: the JavaScript
is generated from it, so they cannot drift apart. "кешу" and "кешів" become
"кеш"; "зворотного" and "зворотне" become "зворотн".
"""

from __future__ import annotations

import json

from sphinx.search import SearchLanguage

# Endings of nouns, adjectives and verbs; the longest that fits is removed.
ENDINGS = sorted(
    """ються ється ться ся
    ами ями ові еві ого ому ими іми ати ити іти ути ють ять ать уть ить ає ує
    ій ої ою ею єю ах ях ів їв ом ем єм ий их іх им ім ти
    а я о е є и і ї у ю й ь""".split(),
    key=len,
    reverse=True,
)
MIN_STEM = 3

STOPWORDS = frozenset(
    """а але або аж без би бо був була були було в вже від він вона вони воно все
    де для до є ж же з за зі і із й їх її його коли між ми на над не ні о об по
    при про та так там те ти то той тут у це ці цей ця через чи що щоб як який
    яка яке які""".split()
)


def stem(word: str) -> str:
    """The word in lower case, less its longest ending that leaves three letters."""
    word = word.lower()
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


class SearchUkrainian(SearchLanguage):
    lang = "uk"
    language_name = "Ukrainian"
    stopwords = STOPWORDS
    js_stemmer_code = f"""
/** The Ukrainian stemmer of docs/_ext/ukrainian_search.py, the same endings. */
var Stemmer = function () {{
  const endings = {json.dumps(ENDINGS, ensure_ascii=False)};
  this.stemWord = function (w) {{
    w = w.toLowerCase();
    for (const ending of endings) {{
      if (w.endsWith(ending) && w.length - ending.length >= {MIN_STEM}) {{
        return w.slice(0, w.length - ending.length);
      }}
    }}
    return w;
  }};
}};
"""

    def stem(self, word: str) -> str:
        return stem(word)


def setup(app):
    app.add_search_language(SearchUkrainian)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
