/* Search results with excerpts, offline too (docs/_ext/search_excerpts.py).
 *
 * Sphinx's searchtools.js fetches each page found to show the lines around the
 * words; from file:// a browser refuses that fetch. search-pages.js holds the
 * text of every page: a request for one of them is answered from there.
 * An index entry found (a glossary term) is named after its page: "Glossary > cache".
 */
(() => {
  const data = window.searchPages;
  if (!data || typeof Search === "undefined") return;
  const root = document.documentElement.dataset.content_root || "";
  const suffix = DOCUMENTATION_OPTIONS.FILE_SUFFIX;

  const nativeFetch = window.fetch.bind(window);
  window.fetch = (resource, options) => {
    if (typeof resource === "string" && resource.startsWith(root)
        && resource.endsWith(suffix)) {
      const doc = resource.slice(root.length, resource.length - suffix.length);
      if (Object.hasOwn(data.pages, doc)) {
        return Promise.resolve(new Response(data.pages[doc],
          { headers: { "Content-Type": "text/html; charset=utf-8" } }));
      }
    }
    return nativeFetch(resource, options);
  };

  const performSearch = Search._performSearch;
  Search._performSearch = (...args) => {
    const results = performSearch(...args);
    for (const result of results) {
      // [docname, title, anchor, descr, score, filename, kind]
      const term = result[6] === "index" && data.terms[result[0] + result[2]];
      if (term) result[1] = `${result[1]} > ${term}`;
    }
    return results;
  };
})();
