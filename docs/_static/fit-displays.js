/* Wide displayed equations fit the text column (issue 20).
 *
 * MathJax 3 cannot break a displayed equation into lines, and the widest
 * equations of the book (the worked example's matrices) are wider than the
 * text column even on a desktop. Each one is therefore scaled down, once
 * MathJax has typeset it and again whenever the window changes, to the
 * column's width, but never below SMALLEST_PX letters: on a phone, what is
 * still too wide at that size scrolls sideways inside its own block, which
 * Tab can then reach. languages.css wraps long code lines instead.
 */
(() => {
  const SMALLEST_PX = 11;

  function fit() {
    for (const math of document.querySelectorAll('mjx-container[display="true"]')) {
      // furo's wrapper scrolls sideways what overflows the column
      const box = math.closest(".math-wrapper") || math.parentElement;
      if (math.dataset.fontSize === undefined) math.dataset.fontSize = math.style.fontSize;
      math.style.fontSize = math.dataset.fontSize;
      const natural = math.firstElementChild.getBoundingClientRect().width;
      const room = box.clientWidth;
      if (natural > room) {
        const size = parseFloat(getComputedStyle(math).fontSize);
        const scale = Math.max(SMALLEST_PX / size, (room - 1) / natural);
        math.style.fontSize = `${size * scale}px`;
      }
      if (box.scrollWidth > box.clientWidth + 1) box.tabIndex = 0;
      else box.removeAttribute("tabindex");
    }
  }

  const ready = window.MathJax && MathJax.startup && MathJax.startup.promise;
  if (!ready) return;
  ready.then(() => {
    fit();
    let pending = 0;
    window.addEventListener("resize", () => {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(fit);
    });
  });
})();
