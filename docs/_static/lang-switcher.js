/* The language switcher keeps the reader's place: the search query (?q=...)
 * and the section (#...) go along to the same page in the other edition. */
document.addEventListener("DOMContentLoaded", () => {
  const links = document.querySelectorAll(".lang-switcher a[href]");
  const follow = () => {
    for (const link of links) {
      const page = link.getAttribute("href").split(/[?#]/)[0];
      link.setAttribute("href", page + window.location.search + window.location.hash);
    }
  };
  follow();
  window.addEventListener("hashchange", follow);
});
