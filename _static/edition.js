// The header button to the other edition keeps the reader's place: it adds the id of the
// section in view by position (s-1, s-2, ...; the same in both editions, see book_extension.py).
document.addEventListener("DOMContentLoaded", () => {
  const link = document.querySelector("a.btn-edition-switch");
  if (!link) return;
  link.removeAttribute("target");  // the other edition replaces this page, in the same tab
  link.addEventListener("click", (event) => {
    let target = null;
    const wanted = decodeURIComponent(window.location.hash.slice(1));
    let node = wanted ? document.getElementById(wanted) : null;
    if (!node) {  // no anchor: the last section whose top has scrolled past
      const sections = Array.from(document.querySelectorAll("article section[id]"));
      node = sections.filter((s) => s.getBoundingClientRect().top <= 80).pop() || null;
    }
    while (node && !(node.tagName === "SECTION")) node = node.parentElement;
    if (node) {
      // Sphinx writes a section's extra ids as empty spans just before it.
      const ids = [node.id];
      for (let prev = node.previousElementSibling; prev && prev.tagName === "SPAN" && prev.id;
           prev = prev.previousElementSibling) ids.push(prev.id);
      target = ids.find((id) => /^s-\d+$/.test(id)) || null;
    }
    if (target) {
      event.preventDefault();
      window.location.href = link.getAttribute("href").split("#")[0] + "#" + target;
    }
  });
});
