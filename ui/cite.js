// Citation chips: a click (or Enter) on [n] opens, highlights and focuses the source card in the sources panel.
(() => {
  const calm = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  function reveal(id) {
    const target = document.getElementById(id);
    if (!target) return false;
    const folded = target.closest("details");
    if (folded) folded.open = true;
    document.querySelectorAll(".kb-is-target").forEach((el) => el.classList.remove("kb-is-target"));
    target.classList.add("kb-is-target");
    target.scrollIntoView({ block: "center", behavior: calm ? "auto" : "smooth" });
    target.focus({ preventScroll: true });
    return true;
  }
  document.addEventListener("click", (event) => {
    const link = event.target.closest ? event.target.closest("a.kb-chip, a[data-jump]") : null;
    if (!link) return;
    const id = link.dataset.jump || (link.getAttribute("href") || "").slice(1);
    if (reveal(id)) event.preventDefault();
  });
})();
