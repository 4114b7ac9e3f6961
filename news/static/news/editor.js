// A small formatting toolbar for the article body: it only inserts the tags the sanitiser keeps.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".editor-toolbar").forEach((toolbar) => {
    const area = document.getElementById(toolbar.dataset.for);
    if (!area) return;
    toolbar.hidden = false;
    const wrap = (before, after) => {
      const start = area.selectionStart;
      const end = area.selectionEnd;
      const chosen = area.value.slice(start, end);
      area.setRangeText(before + chosen + after, start, end, "select");
      area.focus();
    };
    toolbar.addEventListener("click", (event) => {
      const button = event.target.closest("button");
      if (!button) return;
      if (button.dataset.wrap) {
        const tag = button.dataset.wrap;
        wrap(`<${tag}>`, `</${tag}>`);
      } else if (button.dataset.list) {
        const tag = button.dataset.list;
        const lines = area.value.slice(area.selectionStart, area.selectionEnd).split("\n");
        const items = lines.filter((line) => line.trim()).map((line) => `<li>${line.trim()}</li>`);
        area.setRangeText(`<${tag}>${items.join("")}</${tag}>`, area.selectionStart, area.selectionEnd, "select");
        area.focus();
      } else if (button.dataset.link) {
        const address = window.prompt(button.dataset.prompt, "https://");
        if (address && /^(https?:\/\/|mailto:)/i.test(address)) {
          const safe = address.replace(/"/g, "%22");
          wrap(`<a href="${safe}">`, "</a>");
        }
      }
    });
  });
});
