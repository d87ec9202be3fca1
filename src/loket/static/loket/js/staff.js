// Staff pages: the session ends after a while without activity (the server decides). This script tells the server
// when the person is busy on a page that does not reload (the console, an editor's page), warns a few minutes before
// the end, and reloads when the time is up (the server then leads to the sign-in, saying why).
// On Loket's own staff pages the settings, the banner and a form with the CSRF token are in the page; in Wagtail's
// admin only this script's tag carries the settings, and the banner is made here.
"use strict";

(() => {
  const WARN_BEFORE = 5 * 60 * 1000; // show the warning this long before the session ends
  const KEEPALIVE_EVERY = 5 * 60 * 1000; // tell the server at most this often that the person is active
  const script = document.currentScript;

  const cookie = (name) => {
    const found = document.cookie.split("; ").find((pair) => pair.startsWith(`${name}=`));
    return found ? decodeURIComponent(found.slice(name.length + 1)) : "";
  };

  const makeBanner = (settings) => {
    const banner = document.createElement("div");
    banner.setAttribute("role", "alert");
    banner.hidden = true;
    Object.assign(banner.style, {
      position: "fixed", insetInline: "0", top: "0", zIndex: "1000", padding: "0.75rem 1rem", display: "flex",
      gap: "1rem", alignItems: "center", justifyContent: "center", background: "#fff4d6",
      borderBottom: "3px solid #b7791f", color: "#1d2430", font: "inherit",
    });
    const text = document.createElement("p");
    text.dataset.timeoutText = "";
    text.dataset.template = settings.warning;
    text.style.margin = "0";
    const stay = document.createElement("button");
    stay.type = "button";
    stay.className = "button";
    stay.dataset.timeoutStay = "";
    stay.textContent = settings.stay;
    banner.append(text, stay);
    document.body.prepend(banner);
    return banner;
  };

  document.addEventListener("DOMContentLoaded", () => {
    const settings = { ...document.body.dataset, ...(script ? script.dataset : {}) };
    const idle = Number(settings.idleSeconds) * 1000;
    const form = document.querySelector("form[data-keepalive]");
    const url = form ? form.action : settings.keepaliveUrl;
    const banner = document.querySelector("[data-timeout]") || (settings.warning ? makeBanner(settings) : null);
    if (!idle || !url || !banner) return;
    const text = banner.querySelector("[data-timeout-text]");
    let deadline = Date.now() + idle;
    let active = false; // anything done since the last keepalive
    let lastKeepalive = Date.now();

    // The server ended the session: this page again, which leads to the sign-in with the reason.
    const signedOut = () => location.reload();

    const keepalive = async () => {
      lastKeepalive = Date.now();
      active = false;
      try {
        const response = await fetch(url, {
          method: "POST",
          body: form ? new FormData(form) : null,
          credentials: "same-origin",
          headers: { Accept: "application/json", "X-CSRFToken": cookie("csrftoken") },
        });
        if (response.status === 401 || response.redirected) return signedOut();
        const data = await response.json();
        deadline = Date.now() + data.seconds_left * 1000;
        banner.hidden = true;
      } catch (error) {
        // Offline for a moment: the next activity tries again; the deadline stays as it was.
      }
    };

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
          hour: "2-digit", minute: "2-digit", timeZone: settings.timeZone || undefined,
        });
        text.textContent = text.dataset.template.replace("{time}", time);
        banner.hidden = false;
      }
    }, 15 * 1000);
  });
})();
