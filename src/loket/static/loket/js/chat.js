/* The visitor's chat (docs/chat-protocol.md). No framework: the page works in three steps (start, session, end);
   user text only ever goes into textContent. The conversation's token lives in sessionStorage, so a reload or a
   lost connection resumes the same conversation and its place in the queue. */
(function () {
  "use strict";
  var root = document.querySelector("[data-chat]");
  if (!root) return;
  var S = JSON.parse(document.getElementById("lk-chat-strings").textContent);
  var STORE = "loket-chat";
  var $ = function (selector) { return root.querySelector(selector); };
  var fmt = function (text, values) {
    return text.replace(/%\((\w+)\)s/g, function (_, key) { return String(values[key]); });
  };

  var saved = null;
  try { saved = JSON.parse(sessionStorage.getItem(STORE) || "null"); } catch (e) { saved = null; }
  var chat = saved || { token: null, websocket: null, lastSeq: 0 };
  var status = null, agentName = "", socket = null, retry = 0, resumed = false, queued = [];
  var pending = {}; // client_id -> list item, until the server acknowledges it
  var typingSentAt = 0, typingStop = null, typingShown = null, reconnecting = false;

  function save() { try { sessionStorage.setItem(STORE, JSON.stringify(chat)); } catch (e) { /* private mode */ } }
  function forget() { try { sessionStorage.removeItem(STORE); } catch (e) { /* ignore */ } }

  function show(step) {
    root.querySelectorAll("[data-step]").forEach(function (section) { section.hidden = section.dataset.step !== step; });
  }

  // --- Starting ---------------------------------------------------------------------------------------------

  var startForm = $("[data-start-form]"), startError = $("[data-start-error]");

  function emailUrl() {
    var params = new URLSearchParams();
    var topic = startForm.elements.topic.value, name = startForm.elements.name.value.trim();
    var lines = [];
    if (startForm.elements.message.value.trim()) lines.push(startForm.elements.message.value.trim());
    root.querySelectorAll(".lk-chat__message--visitor .lk-chat__text").forEach(function (p) {
      if (lines.indexOf(p.textContent) === -1) lines.push(p.textContent);
    });
    var draft = $("[data-text]").value.trim();
    if (draft) lines.push(draft);
    if (topic) params.set("topic", topic);
    if (name) params.set("name", name);
    if (lines.length) params.set("message", lines.join("\n\n"));
    var query = params.toString();
    return root.dataset.emailUrl + (query ? "?" + query : "");
  }

  function startFailed(text, withEmail) {
    startError.textContent = "";
    var p = document.createElement("p");
    p.textContent = text + " ";
    if (withEmail) {
      var a = document.createElement("a");
      a.href = emailUrl();
      a.textContent = root.dataset.emailLabel || document.querySelector("[data-email-switch]").textContent.trim();
      p.appendChild(a);
    }
    startError.appendChild(p);
    startError.hidden = false;
    startError.focus();
  }

  startForm.addEventListener("submit", function (event) {
    if ($("[data-unavailable]")) return; // closed: the form goes to the e-mail form with what was typed
    event.preventDefault();
    var topicError = $("[data-error-for=topic]");
    topicError.hidden = true;
    startError.hidden = true;
    if (!startForm.elements.topic.value) {
      topicError.textContent = startForm.elements.topic.options[0].textContent;
      topicError.hidden = false;
      startForm.elements.topic.setAttribute("aria-invalid", "true");
      startForm.elements.topic.focus();
      return;
    }
    startForm.elements.topic.removeAttribute("aria-invalid");
    var button = $("[data-start-button]");
    button.disabled = true;
    fetch(root.dataset.api, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        topic: Number(startForm.elements.topic.value),
        name: startForm.elements.name.value.trim(),
        email: startForm.elements.email.value.trim(),
        message: startForm.elements.message.value.trim(),
        source_url: root.dataset.source || "",
        language: root.dataset.language
      })
    }).then(function (response) {
      return response.json().then(function (body) { return { status: response.status, body: body }; });
    }).then(function (result) {
      button.disabled = false;
      if (result.status === 201) {
        chat = { token: result.body.token, websocket: result.body.websocket, lastSeq: 0 };
        save();
        enterSession();
      } else {
        startFailed(result.body.detail || S.error, result.status === 409 || result.status === 429);
      }
    }).catch(function () {
      button.disabled = false;
      startFailed(S.error, true);
    });
  });

  // --- The session ------------------------------------------------------------------------------------------

  var log = $("[data-log]"), statusLine = $("[data-status]"), estimateLine = $("[data-estimate]");
  var connection = $("[data-connection]"), typingLine = $("[data-typing]");
  var compose = $("[data-compose]"), text = $("[data-text]"), composeError = $("[data-compose-error]");

  function enterSession() {
    show("session");
    statusLine.textContent = S.determining;
    if (document.activeElement === document.body || startForm.contains(document.activeElement)) {
      $("[data-session-title]").focus(); // the start form is gone: keep the keyboard user's place
    }
    connect();
  }

  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN && (resumed || frame.type === "resume")) {
      socket.send(JSON.stringify(frame));
    } else if (frame.type !== "typing") {
      queued.push(frame);
    }
  }

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + chat.websocket);
    resumed = false;
    socket.addEventListener("open", function () {
      send({ type: "resume", token: chat.token, last_seq: chat.lastSeq });
    });
    socket.addEventListener("message", function (event) { receive(JSON.parse(event.data)); });
    socket.addEventListener("close", function (event) {
      socket = null;
      if (event.code === 4404 || !chat.token) return;
      reconnecting = true;
      connection.textContent = S.reconnecting;
      var delay = Math.min(30000, 500 * Math.pow(2, retry++)) * (0.5 + Math.random() / 2);
      setTimeout(connect, delay);
    });
  }

  function setStatus(next) {
    status = next;
    var waiting = status === "waiting";
    $("[data-queue]").hidden = !waiting;
    $("[data-leave-label]").textContent = waiting ? S.leave_queue : S.end_chat;
  }

  function showPosition(position, estimate) {
    statusLine.textContent = position ? fmt(S.position, { position: position }) : S.determining;
    if (!estimate) estimateLine.textContent = position ? S.no_estimate : "";
    else if (estimate.low === 0) estimateLine.textContent = fmt(S.estimate_short, estimate);
    else estimateLine.textContent = fmt(S.estimate, estimate);
  }

  function timeOf(iso) {
    var date = iso ? new Date(iso) : new Date();
    return date.toLocaleTimeString(document.documentElement.lang, { hour: "2-digit", minute: "2-digit" });
  }

  function messageItem(author, name, body, at) {
    var item = document.createElement("li");
    item.className = "lk-chat__message lk-chat__message--" + author;
    var meta = document.createElement("p");
    meta.className = "lk-chat__meta";
    meta.textContent = (author === "visitor" ? S.you : author === "agent" ? (name || S.agent) : S.service) + " · " + timeOf(at);
    var p = document.createElement("p");
    p.className = "lk-chat__text";
    p.textContent = body;
    item.appendChild(meta);
    item.appendChild(p);
    if (author === "visitor") {
      var mark = document.createElement("span");
      mark.className = "lk-chat__mark";
      item.appendChild(mark);
    }
    return item;
  }

  function addMessage(frame) {
    if (frame.seq <= chat.lastSeq) return;
    if (frame.seq > chat.lastSeq + 1) { send({ type: "resume", token: chat.token, last_seq: chat.lastSeq }); return; }
    chat.lastSeq = frame.seq;
    save();
    var item = pending[frame.client_id] && frame.author === "visitor" ? pending[frame.client_id] : null;
    if (item) delete pending[frame.client_id];
    else { item = messageItem(frame.author, frame.name, frame.text, frame.at); log.appendChild(item); }
    item.dataset.seq = frame.seq;
    var mark = item.querySelector(".lk-chat__mark");
    if (mark) mark.textContent = S.delivered;
    log.scrollTop = log.scrollHeight;
    if (frame.author === "agent") { typingLine.textContent = ""; markRead(); }
  }

  function markRead() {
    if (document.visibilityState === "visible" && chat.lastSeq) send({ type: "read", seq: chat.lastSeq });
  }
  document.addEventListener("visibilitychange", markRead);

  function showRead(seq) {
    log.querySelectorAll(".lk-chat__message--visitor").forEach(function (item) {
      if (Number(item.dataset.seq) <= seq) item.querySelector(".lk-chat__mark").textContent = S.read;
    });
  }

  function end(ending) {
    setStatus("ended");
    show("end");
    var reasons = { "left-queue": S.left, gone: S.gone };
    $("[data-end-reason]").textContent = reasons[ending] || "";
    $("[data-end-title]").focus();
  }

  function receive(frame) {
    switch (frame.type) {
      case "state":
        resumed = true;
        retry = 0;
        if (reconnecting) { connection.textContent = S.connected; reconnecting = false; }
        queued.splice(0).forEach(send);
        Object.keys(pending).forEach(function (id) {
          send({ type: "message", text: pending[id].querySelector(".lk-chat__text").textContent, client_id: id });
        });
        agentName = frame.agent || "";
        if (frame.status === "ended") { end(frame.ending); if (frame.rated) $("[data-rate-form]").hidden = true; }
        else {
          setStatus(frame.status);
          if (frame.status === "waiting") showPosition(frame.position, frame.estimate);
          if (frame.read_seq) setTimeout(function () { showRead(frame.read_seq); });
        }
        break;
      case "position":
        if (status === "waiting") showPosition(frame.position, frame.estimate);
        break;
      case "message": addMessage(frame); break;
      case "started":
        agentName = frame.agent_name;
        setStatus("active");
        statusLine.textContent = fmt(S.started, { name: agentName });
        text.focus();
        break;
      case "requeued":
        setStatus("waiting");
        statusLine.textContent = S.requeued;
        estimateLine.textContent = "";
        break;
      case "ended": end(frame.ending); break;
      case "typing":
        if (frame.author !== "agent") break;
        typingLine.textContent = frame.active ? fmt(S.typing, { name: agentName || S.agent }) : "";
        clearTimeout(typingShown);
        typingShown = setTimeout(function () { typingLine.textContent = ""; }, 8000);
        break;
      case "read": if (frame.author === "agent") showRead(frame.seq); break;
      case "ack":
        if (pending[frame.client_id]) pending[frame.client_id].querySelector(".lk-chat__mark").textContent = S.delivered;
        break;
      case "ok":
        if (frame["for"] === "rate") { $("[data-rate-form]").hidden = true; $("[data-rate-done]").textContent = S.thanks; }
        if (frame["for"] === "transcript") {
          $("[data-transcript-done]").textContent = fmt(S.transcript_sent, { email: $("#lk-chat-email").value });
        }
        break;
      case "resync": send({ type: "resume", token: chat.token, last_seq: chat.lastSeq }); break;
      case "error": showError(frame); break;
    }
  }

  function showError(frame) {
    if (frame.code === "unknown-conversation") {
      forget();
      chat = { token: null, websocket: null, lastSeq: 0 };
      show("start");
      startFailed(S.unknown, false);
      return;
    }
    var target = status === "ended" ? (frame.code === "bad-email" || frame.code === "rate-limited" && $("#lk-chat-email").value
      ? $("[data-transcript-error]") : $("[data-rate-error]")) : composeError;
    if (frame.ref && pending[frame.ref]) { pending[frame.ref].remove(); delete pending[frame.ref]; }
    target.textContent = frame.detail;
    target.hidden = false;
  }

  // --- Writing ----------------------------------------------------------------------------------------------

  function clientId() {
    return (window.crypto && crypto.randomUUID) ? crypto.randomUUID() : String(Date.now()) + Math.random();
  }

  compose.addEventListener("submit", function (event) {
    event.preventDefault();
    var body = text.value.trim();
    composeError.hidden = true;
    if (!body) return;
    var id = clientId();
    var item = messageItem("visitor", "", body, null);
    item.querySelector(".lk-chat__mark").textContent = S.sending;
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
    pending[id] = item;
    send({ type: "message", text: body, client_id: id });
    send({ type: "typing", active: false });
    typingSentAt = 0;
    text.value = "";
  });

  text.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      compose.requestSubmit();
    }
  });

  text.addEventListener("input", function () {
    var now = Date.now();
    if (now - typingSentAt > 3000) { send({ type: "typing", active: true }); typingSentAt = now; }
    clearTimeout(typingStop);
    typingStop = setTimeout(function () { send({ type: "typing", active: false }); typingSentAt = 0; }, 4000);
  });

  $("[data-leave]").addEventListener("click", function () {
    if (status === "active" && !window.confirm(S.confirm_end)) return;
    send({ type: "leave" });
  });

  var emailSwitch = $("[data-email-switch]");
  ["focus", "mouseover", "click"].forEach(function (name) {
    emailSwitch.addEventListener(name, function () { emailSwitch.href = emailUrl(); });
  });

  // --- The end ----------------------------------------------------------------------------------------------

  $("[data-rate-form]").addEventListener("submit", function (event) {
    event.preventDefault();
    var chosen = event.target.querySelector("input[name=score]:checked");
    var error = $("[data-rate-error]");
    error.hidden = true;
    if (!chosen) { error.textContent = event.target.querySelector("legend").textContent; error.hidden = false; return; }
    send({ type: "rate", score: Number(chosen.value), comment: event.target.elements.comment.value });
  });

  $("[data-transcript-form]").addEventListener("submit", function (event) {
    event.preventDefault();
    $("[data-transcript-error]").hidden = true;
    send({ type: "transcript", email: event.target.elements.email.value.trim() });
  });

  $("[data-restart]").addEventListener("click", function (event) {
    event.preventDefault();
    forget();
    if (socket) socket.close();
    chat = { token: null, websocket: null, lastSeq: 0 };
    location.reload();
  });

  if (chat.token) enterSession();
})();
