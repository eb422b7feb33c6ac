// A box that scrolls sideways (a wide table, a long formula or code line) fades out at the edge
// where more is hidden, so that a reader on a phone sees that it continues. The stylesheet's
// shadows alone were covered by the tables' own cell backgrounds. The classes are set from the
// box's scroll position, on load, on scroll and when the window is resized.
function bookScrollCue() {
  const selector = [".bd-article .pst-scrollable-table-container",
                    ".bd-article div.cell_output .output.text_html",
                    ".bd-article div.math", ".bd-article mjx-container[display='true']",
                    ".bd-article div.highlight pre"].join(", ");
  const update = (box) => {
    const hidden = box.scrollWidth - box.clientWidth;
    box.classList.toggle("book-more-right", hidden > 2 && box.scrollLeft < hidden - 2);
    box.classList.toggle("book-more-left", hidden > 2 && box.scrollLeft > 2);
  };
  const boxes = Array.from(document.querySelectorAll(selector));
  boxes.forEach((box) => {
    update(box);
    box.addEventListener("scroll", () => update(box), {passive: true});
  });
  window.addEventListener("resize", () => boxes.forEach(update));
}
window.addEventListener("load", () => {
  bookScrollCue();
  // MathJax typesets after load: look again once it is done
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) {
    MathJax.startup.promise.then(bookScrollCue);
  }
});
