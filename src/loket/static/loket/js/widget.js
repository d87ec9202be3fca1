/* Loket's chat widget for any site: <script src="https://LOKET/static/loket/js/widget.js" defer
   data-language="nl"></script>. It adds one button and, when opened, a frame with Loket's own chat page; all of it
   inside a shadow root, so the host page's styles and scripts and the widget's cannot touch each other. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.__loketChatWidget) return;
  window.__loketChatWidget = true;
  var origin = new URL(script.src).origin;
  var language = script.dataset.language === "en" ? "en" : "nl";
  var labels = {
    nl: { open: "Chat met ons", close: "Chat sluiten", title: "Chat met de informatiedienst" },
    en: { open: "Chat with us", close: "Close the chat", title: "Chat with the information service" }
  }[language];
  var host = document.createElement("div");
  host.setAttribute("data-loket-chat", "");
  var shadow = host.attachShadow({ mode: "open" });
  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = origin + "/static/loket/css/widget.css";
  var button = document.createElement("button");
  button.type = "button";
  button.className = "launcher";
  button.setAttribute("aria-expanded", "false");
  button.textContent = labels.open;
  var panel = document.createElement("div");
  panel.className = "panel";
  panel.hidden = true;
  var frame = null;
  shadow.append(style, panel, button);

  function open() {
    if (!frame) {
      frame = document.createElement("iframe");
      frame.title = labels.title;
      var path = (language === "en" ? "/en" : "") + "/contact/chat/embed/";
      frame.src = origin + path + "?from=" + encodeURIComponent(location.href);
      panel.appendChild(frame);
    }
    panel.hidden = false;
    button.setAttribute("aria-expanded", "true");
    button.textContent = labels.close;
    frame.focus();
  }

  function close() {
    panel.hidden = true;
    button.setAttribute("aria-expanded", "false");
    button.textContent = labels.open;
    button.focus();
  }

  button.addEventListener("click", function () { if (panel.hidden) open(); else close(); });
  shadow.addEventListener("keydown", function (event) { if (event.key === "Escape" && !panel.hidden) close(); });
  document.body.appendChild(host);
})();
