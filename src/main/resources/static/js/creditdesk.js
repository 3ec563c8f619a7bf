// htmx requests carry the CSRF token the page was rendered with.
document.addEventListener("htmx:configRequest", (event) => {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) event.detail.headers[header.content] = token.content;
});

// A select marked data-autosubmit submits its form when changed (no inline handlers: the
// Content-Security-Policy allows scripts from this site only).
document.addEventListener("change", (event) => {
  const target = event.target;
  if (target instanceof HTMLSelectElement && target.hasAttribute("data-autosubmit") && target.form) {
    target.form.submit();
  }
});
// A form that writes much (a daily run, a rescoring) asks first: data-confirm holds the question.
document.addEventListener("submit", (event) => {
  const question = event.target.getAttribute && event.target.getAttribute("data-confirm");
  if (question && !window.confirm(question)) event.preventDefault();
}, true);
