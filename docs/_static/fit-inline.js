/* Inline formulas wider than the text column wrap, as TeX breaks them (issue 27).
 *
 * MathJax 3 sets an inline formula as one unbreakable box, so on a phone a
 * long one (the backward chapter's Z = W A[l-1] + b = [[1 - 3 + 2, 2 - 4 + 2]]
 * = [[0, 0]], 416 px in a 343 px column) ran out of the column and was cut.
 * A formula wider than its line is therefore shown in pieces, cut where TeX
 * may break a formula inside a paragraph: after a relation (=, <, ≈ …) or a
 * + or − at the top level of the formula (not inside braces, brackets or
 * parentheses). The line then wraps between the pieces like words. Screen
 * readers still read the whole formula, once: the original stays in the page,
 * visually hidden, and the pieces are hidden from them. A formula with no
 * place to break that is still too wide scrolls sideways in its own box, which
 * Tab reaches. Done when MathJax has typeset the page, again whenever the
 * window changes size, and when an answer (<details>) opens.
 *
 * Loaded before fit-displays.js: it reads each formula's TeX from MathJax's
 * list before fit-displays.js typesets anything (which empties that list).
 */
(() => {
  const RELATIONS = ["=", "<", ">", "\\approx", "\\le", "\\leq", "\\ge", "\\geq", "\\ne",
    "\\neq", "\\equiv", "\\sim", "\\to", "\\mapsto", "\\in"];
  const BINARY = ["+", "-", "\\pm", "\\cdot", "\\times", "\\odot"];

  // The formula cut after each top-level relation or binary operator; null if it
  // has no such place.
  function pieces(tex) {
    const parts = [];
    let depth = 0, start = 0;
    for (let i = 0; i < tex.length; i++) {
      let token = tex[i];
      if (token === "\\") token = /^\\([a-zA-Z]+|.)/.exec(tex.slice(i))[0];
      if (token === "\\left" || token === "\\begin" || "{([".includes(token)) depth++;
      else if (token === "\\right" || token === "\\end" || "})]".includes(token)) depth--;
      else if (depth === 0 && (RELATIONS.includes(token) || BINARY.includes(token))
               && tex.slice(start, i).trim()) {
        parts.push(tex.slice(start, i + token.length));
        start = i + token.length;
      }
      i += token.length - 1;
    }
    parts.push(tex.slice(start));
    const kept = parts.map((p) => p.trim()).filter(Boolean);
    return depth === 0 && kept.length > 1 ? kept : null;
  }

  function piecesOf(math) {
    if (math.pieces !== undefined) return math.pieces;
    math.pieces = null;
    const parts = pieces(math.dataset.tex || "");
    if (!parts) return null;
    const box = document.createElement("span");
    box.className = "math-pieces";
    box.setAttribute("aria-hidden", "true");
    parts.forEach((tex, i) => {
      const piece = MathJax.tex2chtml(tex, { display: false });
      piece.removeAttribute("tabindex");
      if (i) box.append(" ");
      box.append(piece);
    });
    box.hidden = true;
    math.after(box);
    math.pieces = box;
    return box;
  }

  // The width of the line that holds the formula: its block's content box.
  function room(math) {
    let block = math.parentElement;
    while (block && getComputedStyle(block).display.startsWith("inline")) {
      block = block.parentElement;
    }
    const style = getComputedStyle(block);
    return block.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  }

  function whole(math) {
    math.classList.remove("math-whole", "math-scrolls");
    math.removeAttribute("tabindex");
    math.style.verticalAlign = "";
    if (math.pieces) math.pieces.hidden = true;
  }

  function fit() {
    const all = [...document.querySelectorAll('mjx-container:not([display="true"])')]
      .filter((math) => math.dataset.tex !== undefined && !math.closest(".math-pieces"));
    for (const math of all) whole(math);
    // widths first, then changes: one layout for the whole page
    const wide = all.filter((math) => {
      const width = math.getBoundingClientRect().width;
      return width > 1 && width > room(math) + 0.5;
    });
    for (const math of wide) {
      const box = piecesOf(math);
      if (box) {
        math.classList.add("math-whole"); // still read by screen readers
        box.hidden = false;
      }
    }
    if (wide.some((math) => math.pieces)) {
      MathJax.startup.document.clear();
      MathJax.startup.document.updateDocument(); // the style sheet of the new glyphs
    }
    for (const math of wide) {
      const shown = math.pieces && !math.pieces.hidden ? [...math.pieces.children] : [math];
      if (shown.every((piece) => piece.getBoundingClientRect().width <= room(math) + 0.5)) continue;
      // no place to break, or a piece still too wide: the whole formula scrolls
      whole(math);
      const baseline = document.createElement("span");
      baseline.style.cssText = "display:inline-block;width:0;height:0";
      math.after(baseline);
      const below = math.getBoundingClientRect().bottom - baseline.getBoundingClientRect().bottom;
      baseline.remove();
      math.classList.add("math-scrolls");
      math.style.verticalAlign = `${-below}px`;
      math.tabIndex = 0;
    }
  }

  const ready = window.MathJax && MathJax.startup && MathJax.startup.promise;
  if (!ready) return;
  ready.then(() => {
    for (const item of MathJax.startup.document.math) {
      if (!item.display && item.typesetRoot) item.typesetRoot.dataset.tex = item.math;
    }
    fit();
    let pending = 0;
    const later = () => {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(fit);
    };
    window.addEventListener("resize", later);
    document.addEventListener("toggle", later, true); // an answer opens
  });
})();
