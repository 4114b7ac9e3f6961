// Confirmation before destructive actions: <form data-confirm="…"> or <button data-confirm="…">.
document.addEventListener("submit", (event) => {
  const form = event.target;
  const message = (event.submitter && event.submitter.dataset.confirm) || form.dataset.confirm;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
document.addEventListener("htmx:confirm", (event) => {
  const message = event.detail.elt.dataset.confirm;
  if (!message) return;
  event.preventDefault();
  if (window.confirm(message)) event.detail.issueRequest(true);
});
