// Clean excerpts on the search page. Sphinx 7.4's searchtools.js (Search.htmlToText) makes each
// result's excerpt from the text of the fetched page's [role="main"] element. On this theme that
// element also holds the page's header buttons (excerpts ended in "…Binder"), its contents panel
// and its previous/next links, and the formulas are still TeX source there (MathJax typesets them
// only in a browser window: excerpts showed "\(x_{ij}\)"). The replacement reads the article
// only; leaves out display formulas, buttons, navigation and cell outputs; writes an inline
// formula as plain text (x_ri, Σ_i s_i, α ≥ 0); and joins the whitespace. The excerpt is centred
// on the word as typed (Sphinx looks for the stemmed word, and "entropi" is not in "entropy").
function bookExcerptRemoved() {
  return [
    ".headerlink", "script", "style", "noscript", "template",
    "div.math", "mjx-container", ".MathJax",               // display formulas
    ".bd-header-article", ".article-header-buttons", "button", // launch / download buttons
    ".prev-next-footer", ".bd-sidebar-secondary", ".bd-footer-content", "nav",
    ".cell_output", ".tag_hide-input .cell_input", "details.hide > summary",
    ".glossary-index",                                     // the glossary's A-Z bar
  ].join(", ");
}

const BOOK_TEX_SYMBOLS = {
  alpha: "α", beta: "β", gamma: "γ", delta: "δ", epsilon: "ε", varepsilon: "ε", zeta: "ζ",
  eta: "η", theta: "θ", kappa: "κ", lambda: "λ", mu: "μ", nu: "ν", xi: "ξ", pi: "π", rho: "ρ",
  sigma: "σ", tau: "τ", phi: "φ", varphi: "φ", chi: "χ", psi: "ψ", omega: "ω", Gamma: "Γ",
  Delta: "Δ", Theta: "Θ", Lambda: "Λ", Pi: "Π", Sigma: "Σ", Phi: "Φ", Omega: "Ω",
  sum: "Σ", prod: "Π", cdot: "·", times: "×", le: "≤", leq: "≤", ge: "≥", geq: "≥", ne: "≠",
  neq: "≠", approx: "≈", in: "∈", infty: "∞", pm: "±", to: "→", propto: "∝", setminus: "∖",
  otimes: "⊗", circ: "∘", dots: "…", ldots: "…", cdots: "…", top: "ᵀ", sqrt: "√",
  lvert: "|", rvert: "|", lVert: "‖", rVert: "‖", lfloor: "⌊", rfloor: "⌋",
};

function bookTexToText(tex) {
  let text = tex.replace(/^\s*\\\(|\\\)\s*$/g, "");
  text = text.replace(/\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, "($1)/($2)");
  text = text.replace(/\\[,;:! ]|\\quad|\\qquad/g, " ");
  text = text.replace(/\\([A-Za-z]+)/g, (whole, name) => {
    if (name in BOOK_TEX_SYMBOLS) return BOOK_TEX_SYMBOLS[name];
    if (/^(ln|log|exp|max|min|lim|det|sin|cos)$/.test(name)) return name;
    return "";  // \bar, \hat, \mathrm, \text, \left, \big, ...: keep only their argument
  });
  return text.replace(/[{}]/g, "").replace(/\s+/g, " ").trim();
}

function bookExcerptText(htmlString, anchor) {
  const page = new DOMParser().parseFromString(htmlString, "text/html");
  page.querySelectorAll(bookExcerptRemoved()).forEach((element) => element.remove());
  page.querySelectorAll(".math").forEach((element) => {
    element.replaceWith(page.createTextNode(bookTexToText(element.textContent)));
  });
  const main = page.querySelector('[role="main"]');
  if (!main) return "";
  const article = main.querySelector("article") || main;
  const part = (anchor && article.querySelector(anchor)) || article;
  // textContent runs block elements together ("Table</p><p>The"): a space after each block.
  part.querySelectorAll("p, li, dt, dd, h1, h2, h3, h4, h5, h6, td, th, div, pre, caption")
    .forEach((element) => element.append(" "));
  return part.textContent.replace(/\s+/g, " ").trim();
}

function bookSearchSummary(htmlText, keywords, anchor) {
  const text = Search.htmlToText(htmlText, anchor);
  if (text === "") return null;
  const lower = text.toLowerCase();
  const typed = (new URLSearchParams(window.location.search).get("q") || "")
    .toLowerCase().split(/\s+/).filter((word) => word);
  const found = (words) => words.map((word) => lower.indexOf(word.toLowerCase()))
    .filter((position) => position > -1);
  const position = [...found(typed), ...found([...keywords]), 0][0];
  const start = Math.max(position - 120, 0);
  const summary = document.createElement("p");
  summary.classList.add("context");
  summary.textContent = (start === 0 ? "" : "...") + text.substr(start, 240).trim()
    + (start + 240 < text.length ? "..." : "");
  return summary;
}

document.addEventListener("DOMContentLoaded", () => {
  // Search is searchtools.js's global (only on search.html); this listener runs before its own.
  if (typeof Search !== "undefined" && Search.htmlToText && Search.makeSearchSummary) {
    Search.htmlToText = bookExcerptText;
    Search.makeSearchSummary = bookSearchSummary;
  }
});
