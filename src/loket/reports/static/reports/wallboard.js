// The wallboard's figures, live: the wallboard's socket (/ws/wallboard/, docs/chat-protocol.md) sends them as soon as
// something changes. While it cannot connect, the figures are fetched every 15 seconds and the socket is tried again.
// The status line says which (in words, for screen readers too). Without script the page shows the figures of when
// it was loaded, and says so.
(function () {
  "use strict";
  var board = document.querySelector("[data-wallboard]");
  var status = document.querySelector("[data-wallboard-status]");
  if (!board || !status) return;
  var POLL_EVERY = 15000;
  var RETRY_MAX = 60000;
  var longest = null; // {seconds, at}: the longest wait counts on between two frames
  var poller = null;
  var retry = 2000;
  var state = "";

  function say(name) {
    if (state === name) return; // a live region speaks only when the state changes
    state = name;
    status.textContent = status.getAttribute("data-" + name);
  }

  function text(element, value) {
    return value === null || value === undefined ? "—" : value + (element.getAttribute("data-unit") || "");
  }

  function show(figures) {
    board.querySelectorAll("[data-figure]").forEach(function (element) {
      var name = element.getAttribute("data-figure");
      if (name in figures) element.textContent = text(element, figures[name]);
    });
    if ("longest_wait" in figures) {
      longest = figures.longest_wait === null ? null : { seconds: figures.longest_wait, at: Date.now() };
    }
  }

  setInterval(function () {
    if (longest === null) return;
    var element = board.querySelector('[data-figure="longest_wait"]');
    element.textContent = text(element, longest.seconds + Math.floor((Date.now() - longest.at) / 1000));
  }, 1000);

  function poll() {
    fetch(board.getAttribute("data-wallboard"), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (response.status === 401) location.reload(); // the session ended: the page leads to the sign-in
        return response.ok ? response.json() : null;
      })
      .then(function (figures) { if (figures) show(figures); })
      .catch(function () { /* the next round tries again */ });
  }

  function fallBack() {
    say("polling");
    if (poller === null) {
      poll();
      poller = setInterval(poll, POLL_EVERY);
    }
    setTimeout(connect, retry);
    retry = Math.min(retry * 2, RETRY_MAX);
  }

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var socket;
    try {
      socket = new WebSocket(scheme + location.host + board.getAttribute("data-socket"));
    } catch (error) {
      fallBack();
      return;
    }
    // Connected, yet no figures (the board is not being made): fetched once all the same.
    var quiet = setTimeout(poll, POLL_EVERY);
    socket.addEventListener("message", function (event) {
      var frame = JSON.parse(event.data);
      if (frame.type !== "wallboard") return;
      clearTimeout(quiet);
      show(frame);
      say("live");
      retry = 2000;
      if (poller !== null) {
        clearInterval(poller);
        poller = null;
      }
    });
    socket.addEventListener("close", function (event) {
      clearTimeout(quiet);
      if (event.code === 4401) {
        location.reload(); // signed out (or no longer allowed): the page leads to the sign-in, saying why
        return;
      }
      fallBack();
    });
  }

  say("connecting");
  connect();
})();
