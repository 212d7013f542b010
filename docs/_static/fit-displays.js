/* Wide displayed equations fit the text column (issue 20).
 *
 * MathJax 3 cannot break a displayed equation into lines, and the widest
 * equations of the book (the worked example's matrices) are wider than the
 * text column even on a desktop. Each one is therefore scaled down, once
 * MathJax has typeset it and again whenever the window changes, to the
 * column's width, but never below SMALLEST_PX letters (again when an answer opens:
 * closed, its equations have no width). One still too wide at
 * that size (on a phone) is set again on several lines, broken where its
 * source breaks its lines: the book's TeX starts each "= …" and each item of a
 * list on a line of its own. Only if that does not fit either does it scroll
 * sideways inside its own block, which Tab can then reach. languages.css wraps
 * long code lines instead.
 */
(() => {
  const SMALLEST_PX = 11;

  // The equation's lines in its source, or null if it has none to break at.
  function sourceLines(tex) {
    tex = tex.trim().replace(/^\\begin\{split\}([\s\S]*)\\end\{split\}$/, "$1");
    const lines = [];
    let depth = 0, start = 0;
    for (let i = 0; i < tex.length; i++) {
      if (tex.startsWith("\\begin", i) || tex[i] === "{") depth++;
      else if (tex.startsWith("\\end", i) || tex[i] === "}") depth--;
      else if (depth === 0 && (tex[i] === "&" || tex.startsWith("\\\\", i))) return null;
      else if (depth === 0 && tex[i] === "\n") {
        lines.push(tex.slice(start, i));
        start = i + 1;
      }
    }
    lines.push(tex.slice(start));
    const kept = lines.map((line) => line.trim()).filter(Boolean);
    return kept.length > 1 ? kept : null;
  }

  function brokenVersion(math) {
    if (math.broken !== undefined) return math.broken;
    math.broken = null;
    const lines = sourceLines(math.dataset.tex || "");
    if (!lines) return null;
    const tex = `\\begin{aligned}&${lines.join("\\\\&\\qquad ")}\\end{aligned}`;
    const broken = MathJax.tex2chtml(tex, { display: true });
    broken.classList.add("broken-lines");
    broken.style.display = "none";
    broken.dataset.fontSize = math.dataset.fontSize;
    math.after(broken);
    MathJax.startup.document.clear();
    MathJax.startup.document.updateDocument(); // the style sheet of the new glyphs
    math.broken = broken;
    return broken;
  }

  // Scale one equation to the room it has; true if it then fits.
  function scale(math, room) {
    math.style.fontSize = math.dataset.fontSize;
    const natural = math.firstElementChild.getBoundingClientRect().width;
    if (natural <= room) return true;
    const size = parseFloat(getComputedStyle(math).fontSize);
    const factor = Math.max(SMALLEST_PX / size, (room - 1) / natural);
    math.style.fontSize = `${size * factor}px`;
    return natural * factor <= room;
  }

  function fit() {
    for (const math of document.querySelectorAll(
      'mjx-container[display="true"]:not(.broken-lines)')) {
      // furo's wrapper scrolls sideways what overflows the column
      const box = math.closest(".math-wrapper") || math.parentElement;
      if (math.broken) math.broken.style.display = "none";
      math.style.display = "";
      if (!scale(math, box.clientWidth)) {
        const broken = brokenVersion(math);
        if (broken) {
          math.style.display = "none";
          broken.style.display = "";
          scale(broken, box.clientWidth);
        }
      }
      if (box.scrollWidth > box.clientWidth + 1) box.tabIndex = 0;
      else box.removeAttribute("tabindex");
    }
  }

  const ready = window.MathJax && MathJax.startup && MathJax.startup.promise;
  if (!ready) return;
  ready.then(() => {
    for (const item of MathJax.startup.document.math) {
      const math = item.typesetRoot;
      if (item.display && math) {
        math.dataset.tex = item.math;
        math.dataset.fontSize = math.style.fontSize;
      }
    }
    fit();
    let pending = 0;
    const later = () => {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(fit);
    };
    window.addEventListener("resize", later);
    // an answer (<details>) that opens shows its equations for the first time
    document.addEventListener("toggle", later, true);
  });
})();
