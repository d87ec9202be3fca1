// Loket's small enhancements. Every form here works without this script; it only saves a page load.
"use strict";

(() => {
  // After a form's result page loads (a check, a dilemma answer), start reading at the result.
  document.addEventListener("DOMContentLoaded", () => {
    const result = document.querySelector("[data-focus-on-load]");
    if (result) result.focus();
  });

  // A link in an error summary puts the cursor in the field it names (a bare #anchor would only scroll to it), with
  // the field's label in view: the keyboard goes on from there.
  document.addEventListener("click", (event) => {
    const link = event.target.closest(".lk-error-summary a[href^='#']");
    const field = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!field) return;
    event.preventDefault();
    field.focus({ preventScroll: true });
    (field.closest(".lk-field, fieldset") || field).scrollIntoView({ block: "start" });
  });

  // "Was this page useful?": send the answer in the background and swap in the server's new box.
  document.addEventListener("submit", async (event) => {
    const form = event.target.closest("form[data-feedback-form]");
    if (!form) return;
    event.preventDefault();
    const box = form.closest("[data-feedback]");
    const data = new FormData(form);
    if (event.submitter && event.submitter.name) data.append(event.submitter.name, event.submitter.value);
    const buttons = form.querySelectorAll("button");
    buttons.forEach((button) => { button.disabled = true; });
    box.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: data,
        headers: { "X-Requested-With": "fetch" },
        credentials: "same-origin",
      });
      const html = await response.text();
      if (!html.includes("data-feedback")) throw new Error(`unexpected answer ${response.status}`);
      box.outerHTML = html;
      const fresh = document.getElementById("feedback");
      const invalid = fresh.querySelector("[aria-invalid='true']");
      (invalid || fresh.querySelector("#feedback-title")).focus();
    } catch (error) {
      box.removeAttribute("aria-busy");
      buttons.forEach((button) => { button.disabled = false; });
      let alert = box.querySelector("[data-feedback-error]");
      if (!alert) {
        alert = document.createElement("p");
        alert.className = "lk-notice lk-notice--warning";
        alert.setAttribute("role", "alert");
        alert.dataset.feedbackError = "";
        box.prepend(alert);
      }
      alert.textContent = box.dataset.error;
    }
  });
})();
