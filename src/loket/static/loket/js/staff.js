// Staff pages: the session ends after a while without activity (the server decides). This script tells the server
// when the person is busy on a page that does not reload (the console), warns a few minutes before the end, and goes
// to the sign-in page when the time is up.
"use strict";

(() => {
  const WARN_BEFORE = 5 * 60 * 1000; // show the warning this long before the session ends
  const KEEPALIVE_EVERY = 5 * 60 * 1000; // tell the server at most this often that the person is active

  document.addEventListener("DOMContentLoaded", () => {
    const idle = Number(document.body.dataset.idleSeconds) * 1000;
    const form = document.querySelector("form[data-keepalive]");
    const banner = document.querySelector("[data-timeout]");
    if (!idle || !form || !banner) return;
    const text = banner.querySelector("[data-timeout-text]");
    let deadline = Date.now() + idle;
    let active = false; // anything done since the last keepalive
    let lastKeepalive = Date.now();

    const keepalive = async () => {
      lastKeepalive = Date.now();
      active = false;
      try {
        const response = await fetch(form.action, {
          method: "POST",
          body: new FormData(form),
          credentials: "same-origin",
          headers: { Accept: "application/json" },
        });
        if (response.status === 401 || response.redirected) return signedOut();
        const data = await response.json();
        deadline = Date.now() + data.seconds_left * 1000;
        banner.hidden = true;
      } catch (error) {
        // Offline for a moment: the next activity tries again; the deadline stays as it was.
      }
    };

    // The server ended the session: this page again, which leads to the sign-in with the reason.
    const signedOut = () => location.reload();

    for (const type of ["keydown", "pointerdown", "input", "focusin"]) {
      document.addEventListener(type, () => { active = true; }, { passive: true, capture: true });
    }
    banner.querySelector("[data-timeout-stay]").addEventListener("click", keepalive);

    setInterval(() => {
      const now = Date.now();
      if (now >= deadline) return signedOut();
      if (active && now - lastKeepalive >= KEEPALIVE_EVERY) {
        keepalive();
        return;
      }
      if (deadline - now <= WARN_BEFORE && banner.hidden) {
        const time = new Date(deadline).toLocaleTimeString(document.documentElement.lang, {
          hour: "2-digit", minute: "2-digit", timeZone: document.body.dataset.timeZone || undefined,
        });
        text.textContent = text.dataset.template.replace("{time}", time);
        banner.hidden = false;
      }
    }, 15 * 1000);
  });
})();
