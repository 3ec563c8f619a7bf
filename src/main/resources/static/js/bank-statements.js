// Bank statement page: a file dropped on the drop zone is put in the form's file input and uploaded.
document.addEventListener("DOMContentLoaded", () => {
  const zone = document.getElementById("drop-zone");
  const input = document.getElementById("statement-file");
  const form = document.getElementById("upload-form");
  if (!zone || !input || !form) return;
  const stop = (event) => {
    event.preventDefault();
    event.stopPropagation();
  };
  ["dragenter", "dragover"].forEach((type) =>
    zone.addEventListener(type, (event) => {
      stop(event);
      zone.classList.add("dragging");
    }));
  ["dragleave", "drop"].forEach((type) =>
    zone.addEventListener(type, (event) => {
      stop(event);
      zone.classList.remove("dragging");
    }));
  zone.addEventListener("drop", (event) => {
    const files = event.dataTransfer && event.dataTransfer.files;
    if (!files || files.length === 0) return;
    input.files = files;
    form.requestSubmit();
  });
});
