/* The agents' chat console (docs/chat-protocol.md, "Console"). One WebSocket carries the agent's availability, the
   queues and all of their open chats; each chat is a pane cloned from a <template>, and user text only ever goes
   into textContent. New chats are hard to miss: a sound, a flashing title and, when allowed, a desktop notice. */
(function () {
  "use strict";
  var root = document.querySelector("[data-console]");
  if (!root) return;
  var S = JSON.parse(document.getElementById("lk-console-strings").textContent);
  var CANNED = JSON.parse(document.getElementById("lk-console-canned").textContent);
  var $ = function (selector) { return root.querySelector(selector); };
  var fmt = function (text, values) {
    return text.replace(/%\((\w+)\)s/g, function (_, key) { return String(values[key]); });
  };
  var socket = null, retry = 0, reconnecting = false, teams = [], colleagues = [];
  var panes = {}; // conversation id -> {element, lastSeq, language, ended}
  var pending = {}; // client_id -> [conversation id, list item]
  var availability = $("[data-availability]"), chats = $("[data-chats]"), connection = $("[data-connection]");

  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) { socket.send(JSON.stringify(frame)); return true; }
    return false;
  }

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + root.dataset.websocket);
    socket.addEventListener("message", function (event) { receive(JSON.parse(event.data)); });
    socket.addEventListener("close", function (event) {
      socket = null;
      setEnabled(false);
      // Signed out (4401: here or everywhere, or the session lapsed) or not allowed: the page sends to the sign-in.
      if (event.code === 4401 || event.code === 4403) { location.reload(); return; }
      reconnecting = true;
      connection.textContent = S.reconnecting;
      setTimeout(connect, Math.min(30000, 500 * Math.pow(2, retry++)) * (0.5 + Math.random() / 2));
    });
  }

  function setEnabled(enabled) {
    availability.querySelectorAll("input").forEach(function (input) { input.disabled = !enabled; });
  }

  // --- Availability -----------------------------------------------------------------------------------------

  var statusRequests = 0; // answers still to come: an older answer must not undo a newer choice
  availability.addEventListener("change", function () {
    var chosen = availability.querySelector("input[name=status]:checked");
    var frame = { type: "status", status: chosen ? chosen.value : "offline", capacity: Number(availability.elements.capacity.value) || 3 };
    if (send(frame)) statusRequests++;
    unlockSound();
  });

  function showAgent(agent) {
    var radio = availability.querySelector("input[value=" + agent.status + "]");
    if (radio) radio.checked = true;
    availability.elements.capacity.value = agent.capacity;
    $("[data-agent-status]").textContent = fmt(S.agent_status, { status: S[agent.status], capacity: agent.capacity });
  }

  function showQueues(queues) {
    root.querySelectorAll("[data-team]").forEach(function (item) {
      var queue = queues[item.dataset.team] || { waiting: 0, oldest: null };
      var text = queue.waiting ? fmt(S.waiting, { count: queue.waiting }) : S.nobody_waiting;
      if (queue.waiting && queue.oldest) {
        text += " (" + fmt(S.longest, { minutes: Math.max(0, Math.round((Date.now() / 1000 - queue.oldest) / 60)) }) + ")";
      }
      item.querySelector("[data-team-count]").textContent = text;
    });
  }

  // --- Panes ------------------------------------------------------------------------------------------------

  function timeOf(iso) {
    return new Date(iso).toLocaleTimeString(document.documentElement.lang, { hour: "2-digit", minute: "2-digit" });
  }

  function option(value, label) {
    var element = document.createElement("option");
    element.value = value;
    element.textContent = label;
    return element;
  }

  function openPane(conversation) {
    var pane = panes[conversation.id];
    if (pane) return pane;
    var element = $("[data-chat-template]").content.firstElementChild.cloneNode(true);
    var id = conversation.id;
    element.id = "lk-chat-" + id;
    element.querySelector("[data-title]").textContent = (conversation.visitor_name || S.visitor) + " #" + id;
    element.querySelector("[data-topic]").textContent = conversation.topic;
    element.querySelector("[data-language]").textContent = conversation.language.toUpperCase();
    if (conversation.source_url) {
      element.querySelector("[data-source]").hidden = false;
      var link = element.querySelector("[data-source-link]");
      link.href = conversation.source_url;
      link.textContent = conversation.source_url;
    }
    var text = element.querySelector("[data-text]");
    text.id = "lk-answer-" + id;
    element.querySelector("[data-text-label]").htmlFor = text.id;
    var canned = element.querySelector("[data-canned]");
    CANNED.forEach(function (answer) { canned.appendChild(option(answer.id, answer.title)); });
    canned.addEventListener("change", function () {
      var answer = CANNED.filter(function (a) { return String(a.id) === canned.value; })[0];
      if (answer) { text.value = (text.value ? text.value + "\n\n" : "") + (conversation.language === "en" ? answer.en : answer.nl); }
      canned.value = "";
      text.focus();
    });
    var teamGroup = element.querySelector("[data-transfer-teams]"), agentGroup = element.querySelector("[data-transfer-agents]");
    teams.forEach(function (team) { teamGroup.appendChild(option("team:" + team.id, team.name)); });
    colleagues.forEach(function (agent) { agentGroup.appendChild(option("agent:" + agent.id, agent.name)); });
    element.querySelector("[data-transfer-button]").addEventListener("click", function () {
      var target = element.querySelector("[data-transfer]").value.split(":");
      if (target.length !== 2) return;
      var frame = { type: "transfer", conversation: id };
      frame[target[0]] = Number(target[1]);
      send(frame);
    });
    element.querySelector("[data-close]").addEventListener("click", function () {
      if (panes[id].ended) { removePane(id); return; }
      if (window.confirm(S.confirm_close)) send({ type: "close", conversation: id });
    });
    element.querySelector("[data-compose]").addEventListener("submit", function (event) {
      event.preventDefault();
      var body = text.value.trim();
      if (!body) return;
      var clientId = (window.crypto && crypto.randomUUID) ? crypto.randomUUID() : String(Date.now()) + Math.random();
      pending[clientId] = [id, null];
      if (send({ type: "message", conversation: id, text: body, client_id: clientId })) text.value = "";
      else delete pending[clientId];
    });
    text.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        element.querySelector("[data-compose]").requestSubmit();
      }
    });
    var typingSentAt = 0, typingStop = null;
    text.addEventListener("input", function () {
      if (Date.now() - typingSentAt > 3000) { send({ type: "typing", conversation: id, active: true }); typingSentAt = Date.now(); }
      clearTimeout(typingStop);
      typingStop = setTimeout(function () { send({ type: "typing", conversation: id, active: false }); typingSentAt = 0; }, 4000);
    });
    chats.appendChild(element);
    pane = panes[id] = { element: element, lastSeq: 0, language: conversation.language, ended: false, typing: null };
    updateEmpty();
    return pane;
  }

  function removePane(id) {
    if (!panes[id]) return;
    panes[id].element.remove();
    delete panes[id];
    updateEmpty();
  }

  function updateEmpty() { $("[data-no-chats]").textContent = Object.keys(panes).length ? "" : S.no_chats; }

  function addMessage(frame) {
    var pane = panes[frame.conversation];
    if (!pane || frame.seq <= pane.lastSeq) return;
    if (frame.seq > pane.lastSeq + 1) { send({ type: "resume", conversation: frame.conversation, last_seq: pane.lastSeq }); return; }
    pane.lastSeq = frame.seq;
    var item = document.createElement("li");
    item.className = "lk-chat__message lk-chat__message--" + frame.author;
    item.dataset.seq = frame.seq;
    var meta = document.createElement("p");
    meta.className = "lk-chat__meta";
    meta.textContent = (frame.author === "visitor" ? S.visitor : frame.author === "agent" ? frame.name || S.you : "Loket") + " · " + timeOf(frame.at);
    var p = document.createElement("p");
    p.className = "lk-chat__text";
    p.textContent = frame.text;
    item.appendChild(meta);
    item.appendChild(p);
    if (frame.author === "agent") {
      var mark = document.createElement("span");
      mark.className = "lk-chat__mark";
      mark.textContent = S.delivered;
      item.appendChild(mark);
    }
    var log = pane.element.querySelector("[data-log]");
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
    if (frame.author === "visitor") {
      pane.element.querySelector("[data-typing]").textContent = "";
      if (document.visibilityState === "visible") send({ type: "read", conversation: frame.conversation, seq: frame.seq });
    }
  }

  function showRead(conversation, seq) {
    var pane = panes[conversation];
    if (!pane) return;
    pane.element.querySelectorAll(".lk-chat__message--agent").forEach(function (item) {
      if (Number(item.dataset.seq) <= seq) item.querySelector(".lk-chat__mark").textContent = S.read;
    });
  }

  function ended(conversation) {
    var pane = panes[conversation];
    if (!pane) return;
    pane.ended = true;
    pane.element.classList.add("lk-console__chat--ended");
    pane.element.querySelector("[data-compose]").hidden = true;
    pane.element.querySelector("[data-typing]").textContent = S.ended;
  }

  // --- Being noticed ----------------------------------------------------------------------------------------

  var audio = null, flashing = null, title = document.title;
  function unlockSound() {
    if (!audio && (window.AudioContext || window.webkitAudioContext)) audio = new (window.AudioContext || window.webkitAudioContext)();
  }
  function beep() {
    if (!audio) return;
    var oscillator = audio.createOscillator(), gain = audio.createGain();
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.2, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.6);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + 0.6);
  }
  function flashTitle(text) {
    clearInterval(flashing);
    var on = false;
    flashing = setInterval(function () { document.title = (on = !on) ? "● " + text : title; }, 1000);
  }
  function stopFlashing() { clearInterval(flashing); document.title = title; }
  window.addEventListener("focus", stopFlashing);
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "visible") stopFlashing(); });

  function announceNewChat(conversation) {
    var text = fmt(S.new_chat_with, { name: conversation.visitor_name || S.visitor, topic: conversation.topic });
    $("[data-announce]").textContent = text;
    beep();
    if (document.visibilityState !== "visible" || !document.hasFocus()) flashTitle(S.new_chat);
    if (window.Notification && Notification.permission === "granted" && document.visibilityState !== "visible") {
      var notice = new Notification(S.new_chat, { body: text, tag: "loket-chat-" + conversation.id });
      notice.onclick = function () { window.focus(); panes[conversation.id] && panes[conversation.id].element.focus(); };
    }
  }

  var notifications = $("[data-notifications]");
  if (!window.Notification || Notification.permission !== "default") notifications.hidden = true;
  notifications.addEventListener("click", function () {
    unlockSound();
    Notification.requestPermission().then(function (permission) {
      notifications.hidden = true;
      if (permission === "granted") connection.textContent = S.notifications_on;
    });
  });

  // --- Frames -----------------------------------------------------------------------------------------------

  function receive(frame) {
    switch (frame.type) {
      case "hello":
        retry = 0;
        if (reconnecting) { connection.textContent = S.connected; reconnecting = false; }
        setEnabled(true);
        statusRequests = 0;
        teams = frame.teams;
        colleagues = frame.colleagues;
        showAgent(frame.agent);
        showQueues(frame.queues);
        frame.conversations.forEach(function (conversation) {
          openPane(conversation);
          conversation.messages.forEach(addMessage);
          if (conversation.read_seq) showRead(conversation.id, conversation.read_seq);
        });
        updateEmpty();
        break;
      case "agent":
        statusRequests = Math.max(0, statusRequests - 1);
        if (!statusRequests) showAgent(frame.agent);
        break;
      case "queues": showQueues(frame.queues); break;
      case "started":
        if (!panes[frame.conversation]) {
          openPane(frame.details);
          send({ type: "resume", conversation: frame.conversation, last_seq: 0 });
          announceNewChat(frame.details);
        }
        break;
      case "message": addMessage(frame); break;
      case "typing":
        if (frame.author === "visitor" && panes[frame.conversation]) {
          var line = panes[frame.conversation].element.querySelector("[data-typing]");
          line.textContent = frame.active ? S.typing : "";
          clearTimeout(panes[frame.conversation].typing);
          panes[frame.conversation].typing = setTimeout(function () { line.textContent = ""; }, 8000);
        }
        break;
      case "read": if (frame.author === "visitor") showRead(frame.conversation, frame.seq); break;
      case "ended":
        if (frame.ending === "agent") removePane(frame.conversation);
        else ended(frame.conversation);
        break;
      case "requeued": case "removed": removePane(frame.conversation); break;
      case "ack": delete pending[frame.client_id]; break;
      case "resync":
        Object.keys(panes).forEach(function (id) { send({ type: "resume", conversation: Number(id), last_seq: panes[id].lastSeq }); });
        break;
      case "error": {
        var target = pending[frame.ref] && panes[pending[frame.ref][0]];
        var error = target ? target.element.querySelector("[data-error]") : connection;
        error.textContent = frame.detail;
        error.hidden = false;
        if (frame.ref) delete pending[frame.ref];
        break;
      }
    }
  }

  updateEmpty();
  connect();
})();
