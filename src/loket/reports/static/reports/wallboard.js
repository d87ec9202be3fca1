// The wallboard's figures, fetched every 15 seconds (until the chat hub pushes them). Without script the page
// shows the figures of when it was loaded.
(function () {
  "use strict";
  var board = document.querySelector("[data-wallboard]");
  if (!board) return;
  function show(figures) {
    board.querySelectorAll("[data-figure]").forEach(function (element) {
      var value = figures[element.getAttribute("data-figure")];
      element.textContent = value === null || value === undefined ? "—" : value + (element.getAttribute("data-unit") || "");
    });
  }
  setInterval(function () {
    fetch(board.getAttribute("data-wallboard"), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (figures) { if (figures) show(figures); })
      .catch(function () { /* the next round tries again */ });
  }, 15000);
})();
