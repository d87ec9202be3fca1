/* The agents' workspace and the supervisors' board: a client of docs/chat-protocol.md, "The console's WebSocket".

   One WebSocket carries the agent's availability, the queues, every open chat of theirs (each a pane cloned from a
   <template>, one in front at a time), the e-mail cases of their teams and, for supervisors, the board. A case opens
   in the middle pane as an HTML fragment from the server (/console/cases/REF/?pane=1) whose forms post back there.
   User text only ever goes into textContent. Drafts are kept per conversation in sessionStorage (they survive a reload,
   not the tab, and are wiped at sign-out) until the server has them.
   Nothing here needs a mouse: the shortcuts are in the help dialog (`?`). */
(() => {
  "use strict";
  const root = document.querySelector("[data-console]");
  if (!root) return;
  const json = (id) => JSON.parse(document.getElementById(id).textContent);
  const CONFIG = json("lk-console-config"), S = json("lk-console-strings"), CANNED = json("lk-console-canned");
  const $ = (selector, within) => (within || root).querySelector(selector);
  const $$ = (selector, within) => Array.from((within || root).querySelectorAll(selector));
  const fmt = (text, values) => text.replace(/%\((\w+)\)s/g, (_, key) => String(values[key]));
  const LANG = document.documentElement.lang || "nl";

  const el = (tag, className, text) => {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined && text !== null) element.textContent = text;
    return element;
  };

  // --- Kept in this browser, per person: the sound and the case filter for good (localStorage); drafts, which hold
  // what visitors wrote about, only in this tab (sessionStorage): they survive a reload, not the tab nor a sign-out.
  const PREFIX = "loket.console." + CONFIG.user + ".";
  const keeper = (kind) => {
    const area = () => window[kind]; // (reading it throws where storage is off)
    return {
      get(key) { try { return area().getItem(PREFIX + key); } catch (error) { return null; } },
      set(key, value) {
        try { if (value) area().setItem(PREFIX + key, value); else area().removeItem(PREFIX + key); } catch (error) { /* full or off */ }
      },
      // Keys of this browser's consoles (every person's) that `pick` chooses, removed.
      forget(pick) {
        try {
          const all = Array.from({ length: area().length }, (_, index) => area().key(index));
          all.filter((key) => key && key.startsWith("loket.console.") && pick(key)).forEach((key) => area().removeItem(key));
        } catch (error) { /* off */ }
      },
    };
  };
  const prefs = keeper("localStorage"), store = keeper("sessionStorage");
  const isDraft = (key) => /^loket\.console\.[^.]+\.draft\./.test(key);
  prefs.forget(isDraft); // drafts an older console kept for good
  const signingOut = () => { store.forget(() => true); prefs.forget(isDraft); };

  // --- Time ----------------------------------------------------------------------------------------------------
  const seconds = (iso) => (iso ? Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 1000)) : 0);
  const duration = (total) => {
    total = Math.max(0, Math.round(total));
    if (total < 60) return fmt(S.seconds, { s: total });
    if (total < 3600) return fmt(S.minutes, { m: Math.floor(total / 60) });
    return fmt(S.hours, { h: Math.floor(total / 3600), m: Math.floor((total % 3600) / 60) });
  };
  const clock = (iso) => new Date(iso).toLocaleTimeString(LANG, { hour: "2-digit", minute: "2-digit" });
  const day = (iso) => new Date(iso).toLocaleDateString(LANG, { day: "numeric", month: "short", year: "numeric" });

  // --- State ---------------------------------------------------------------------------------------------------
  let socket = null, retry = 0, reconnecting = false;
  let me = null, teams = [], allTeams = [], queues = {};
  const colleagues = new Map(); // agent id -> agent
  const chats = new Map(); // conversation id -> chat (see openChat)
  const cases = new Map(); // reference -> case summary
  const freshCases = new Set(); // cases that arrived while the workspace was open and were not opened yet
  const pending = new Map(); // client_id -> {chat, kind: "message" | "note", text, ...}: sent again until acknowledged
  const requests = new Map(); // client_id -> {type, conversation, where: "pane" | "board" | "bar"}: errors come back with it as `ref`
  const asked = new Set(); // chats this console asked to close or transfer: their going away is no surprise
  const contexts = new Map(); // "chat:17" | "case:2026-000123" -> context frame
  let front = null; // {kind: "chat", id} | {kind: "case", reference}
  let openCase = null; // the case open in the middle pane (in front or behind a chat), until it is put away
  let caseLoaded = null; // the reference whose fragment is in the case pane
  let board = null;

  const send = (frame) => {
    if (socket && socket.readyState === WebSocket.OPEN) { socket.send(JSON.stringify(frame)); return true; }
    return false;
  };
  const newId = () => (window.crypto && crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());
  // An action (status, close, transfer, watch, join, take, set-status): its error, answered with this `client_id` as
  // `ref`, shows where it was asked (the chat's pane, the board, the bar) instead of on the connection line.
  const request = (frame, where) => {
    const clientId = newId();
    if (!send(Object.assign(frame, { client_id: clientId }))) {
      actionError(where, frame.conversation, S.reconnecting);
      return false;
    }
    actionError(where, frame.conversation, "");
    requests.set(clientId, { type: frame.type, conversation: frame.conversation, where: where });
    if (requests.size > 200) requests.delete(requests.keys().next().value); // answered long ago (only errors answer)
    return true;
  };

  // --- Announcements, sound, title, desktop notices ------------------------------------------------------------
  const announcer = $("[data-announce]"), urgent = $("[data-announce-urgent]"), connection = $("[data-connection]");
  const announce = (text, assertive) => {
    const region = assertive ? urgent : announcer;
    region.textContent = "";
    setTimeout(() => { region.textContent = text; }, 50); // a change, even for the same sentence twice
  };

  const TONES = {
    bell: [[880, 0, 0.5]],
    soft: [[440, 0, 0.7]],
    double: [[660, 0, 0.25], [990, 0.28, 0.35]],
  };
  const soundChoice = $("[data-sound]");
  soundChoice.value = TONES[prefs.get("sound")] || prefs.get("sound") === "off" ? prefs.get("sound") : "bell";
  let audio = null;
  const unlockSound = () => {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!audio && Context) audio = new Context();
    if (audio && audio.state === "suspended") audio.resume();
  };
  ["keydown", "pointerdown"].forEach((type) => document.addEventListener(type, unlockSound, { capture: true, passive: true }));
  const beep = () => {
    const tone = TONES[soundChoice.value];
    if (!audio || !tone) return;
    tone.forEach(([frequency, start, length]) => {
      const oscillator = audio.createOscillator(), gain = audio.createGain(), at = audio.currentTime + start;
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.2, at);
      gain.gain.exponentialRampToValueAtTime(0.001, at + length);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(at);
      oscillator.stop(at + length);
    });
  };
  soundChoice.addEventListener("change", () => { prefs.set("sound", soundChoice.value); unlockSound(); beep(); });

  // The settings fold away with Escape, or when one goes elsewhere.
  const settings = $(".lk-settings");
  settings.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && settings.open) { settings.open = false; $("summary", settings).focus(); }
  });
  document.addEventListener("click", (event) => { if (settings.open && !settings.contains(event.target)) settings.open = false; });
  settings.addEventListener("focusout", (event) => { if (event.relatedTarget && !settings.contains(event.relatedTarget)) settings.open = false; });

  const seen = () => document.visibilityState === "visible" && document.hasFocus();
  const notifications = $("[data-notifications]");
  notifications.hidden = !window.Notification || Notification.permission !== "default";
  notifications.addEventListener("click", () => {
    Notification.requestPermission().then((permission) => {
      notifications.hidden = true;
      if (permission === "granted") announce(S.notifications_on);
    });
  });
  const notify = (title, body, tag, open) => {
    if (!window.Notification || Notification.permission !== "granted" || seen()) return;
    const notice = new Notification(title, { body: body, tag: tag });
    notice.onclick = () => { window.focus(); if (open) open(); notice.close(); };
  };

  const titleTail = " · " + document.title.split(" · ").slice(1).join(" · ");
  const updateTitle = () => {
    let count = freshCases.size;
    chats.forEach((chat) => { count += chat.unread; });
    document.title = (count ? "(" + count + ") " : "") + (currentView === "board" ? S.board : S.workspace) + titleTail;
  };

  // --- The connection ------------------------------------------------------------------------------------------
  function connect() {
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    const opening = new WebSocket(scheme + location.host + CONFIG.websocket);
    let opened = false;
    socket = opening;
    opening.addEventListener("open", () => { opened = true; });
    opening.addEventListener("message", (event) => {
      let frame;
      try { frame = JSON.parse(event.data); } catch (error) { return; }
      if (socket === opening) receive(frame);
    });
    opening.addEventListener("close", (event) => {
      if (socket !== opening) return;
      socket = null;
      setAvailabilityEnabled(false);
      // Signed out (4401: here or everywhere, or the session lapsed): the page leads to the sign-in.
      if (event.code === 4401) { signingOut(); location.reload(); return; }
      if (event.code === 4403) { location.reload(); return; }
      // Refused at the handshake (a browser only says 1006): a lapsed session or lost roles, if the page says so.
      if (!opened) checkSession();
      reconnecting = true;
      connection.textContent = S.reconnecting;
      setTimeout(connect, Math.min(30000, 500 * Math.pow(2, retry++)) * (0.5 + Math.random() / 2));
    });
  }

  async function checkSession() {
    let response;
    try {
      response = await fetch(CONFIG.workspace_url, { credentials: "same-origin", cache: "no-store" });
    } catch (error) {
      return; // the server is away: reconnecting goes on
    }
    const signIn = response.redirected && new URL(response.url).pathname.startsWith(CONFIG.login_url);
    if (signIn) signingOut();
    if (signIn || response.status === 403) location.reload();
  }

  // Signing out here: the drafts go with the session (the form posts on; nothing is held up).
  Array.from(document.querySelectorAll("form")).filter((form) => form.getAttribute("action") === CONFIG.logout_url)
    .forEach((form) => form.addEventListener("submit", signingOut));

  // --- Availability ----------------------------------------------------------------------------------------------
  const availability = $("[data-availability]");
  const setAvailabilityEnabled = (enabled) => { $$("input", availability).forEach((input) => { input.disabled = !enabled; }); };
  let statusRequests = 0; // answers (`agent` or an error) still to come: an older answer must not undo a newer choice
  availability.addEventListener("change", () => {
    const chosen = $("input[name=status]:checked", availability);
    const frame = { type: "status", status: chosen ? chosen.value : "offline", capacity: Number(availability.elements.capacity.value) || 3 };
    if (request(frame, "bar")) statusRequests++;
  });
  availability.addEventListener("submit", (event) => event.preventDefault());

  function showAgent(agent) {
    me = Object.assign(me || {}, agent);
    const radio = $("input[value=" + agent.status + "]", availability);
    if (radio) radio.checked = true;
    availability.elements.capacity.value = agent.capacity;
    $("[data-agent-status]").textContent = fmt(S.agent_status, { status: S[agent.status] || agent.status, capacity: agent.capacity });
  }

  // --- Queues --------------------------------------------------------------------------------------------------
  function showQueues() {
    const list = $("[data-queues]");
    list.textContent = "";
    teams.forEach((team) => {
      const queue = queues[team.id] || queues[String(team.id)] || { waiting: 0, oldest: null };
      const item = el("li", "lk-inbox__queue");
      item.appendChild(el("strong", "", team.name));
      let text = queue.waiting ? fmt(S.waiting, { count: queue.waiting }) : S.nobody_waiting;
      if (queue.waiting && queue.oldest) {
        text += " (" + fmt(S.longest, { minutes: Math.max(0, Math.round((Date.now() / 1000 - queue.oldest) / 60)) }) + ")";
      }
      item.appendChild(el("span", queue.waiting ? "lk-inbox__waiting" : "lk-hint", text));
      list.appendChild(item);
    });
  }

  // --- Chats -----------------------------------------------------------------------------------------------------
  const chatTemplate = $("[data-chat-template]");
  const chatList = $("[data-chat-list]"), chatPanes = $("[data-chats]");

  const option = (value, label) => { const element = el("option", "", label); element.value = value; return element; };
  const cannedText = (answer, language) => (language === "en" ? answer.en : answer.nl);
  const visitorName = (details) => details.visitor_name || S.visitor;

  function fillTransfer(chat) {
    const select = $("[data-transfer]", chat.element);
    const chosen = select.value;
    const teamGroup = $("[data-transfer-teams]", chat.element), agentGroup = $("[data-transfer-agents]", chat.element);
    teamGroup.textContent = "";
    agentGroup.textContent = "";
    (allTeams.length ? allTeams : teams).forEach((team) => teamGroup.appendChild(option("team:" + team.id, team.name)));
    colleagues.forEach((agent) => { // only those who can take it: available (the server checks the room)
      if (agent.status === "available") agentGroup.appendChild(option("agent:" + agent.id, agent.name));
    });
    select.value = chosen;
  }

  function openChat(details, how) {
    let chat = chats.get(details.id);
    if (chat) {
      chat.details = Object.assign(chat.details, details);
      if (how.own && chat.role !== "own") {
        chat.agentRead = chat.lastSeq; // taken over: from now on what the visitor writes is unread until seen
        setRole(chat, "own");
      }
      return chat;
    }
    const element = chatTemplate.content.firstElementChild.cloneNode(true);
    const id = details.id;
    element.id = "lk-chat-" + id;
    chat = {
      id: id, details: details, element: element, log: $("[data-log]", element), text: $("[data-text]", element),
      lastSeq: 0, agentRead: details.agent_read_seq !== undefined && details.agent_read_seq !== null ? details.agent_read_seq : details.last_seq || 0,
      unread: 0, lastVisitorAt: null, lastAgentAt: null, ended: details.status === "ended", role: "own",
      notes: new Set(), typingTimer: null, typingStop: null, item: null,
    };
    chats.set(id, chat);
    const title = $("[data-title]", element);
    title.id = "lk-chat-title-" + id;
    title.textContent = visitorName(details) + " #" + id;
    element.setAttribute("aria-labelledby", title.id);
    $("[data-topic]", element).textContent = details.topic;
    $("[data-language]", element).textContent = (details.language || "").toUpperCase();
    $("[data-answer-to]", element).textContent = fmt(S.answer_to, { name: visitorName(details) });
    chat.log.setAttribute("aria-label", title.textContent);

    // The answer: Enter or Ctrl+Enter sends, `/` opens the canned answers, the draft is kept per conversation.
    const text = chat.text, form = $("[data-compose]", element);
    text.id = "lk-answer-" + id;
    $("[data-text-label]", element).htmlFor = text.id;
    const hint = $("[data-text-hint]", element);
    hint.id = "lk-answer-hint-" + id;
    text.setAttribute("aria-describedby", hint.id);
    const popup = $("[data-canned-popup]", element);
    popup.id = "lk-canned-" + id;
    cannedPicker(text, popup, () => chat.details.language);
    const draftKey = "draft.chat." + id;
    text.value = store.get(draftKey) || "";
    const canned = $("[data-canned]", element);
    CANNED.forEach((answer) => canned.appendChild(option(answer.id, answer.title)));
    canned.addEventListener("change", () => {
      const answer = CANNED.filter((a) => String(a.id) === canned.value)[0];
      if (answer) insertText(text, cannedText(answer, chat.details.language));
      canned.value = "";
      text.focus();
    });
    // Sent, the box is free for the next answer; the saved draft stays until the server has the message (`ack`), and
    // the message shows as "sending…" until then.
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const body = text.value.trim();
      if (!body) return;
      const clientId = newId();
      if (!send({ type: "message", conversation: id, text: body, client_id: clientId })) { showError(chat, S.reconnecting); return; }
      const item = messageItem({ author: "agent", name: S.you, text: body, at: new Date().toISOString() }, chat);
      item.classList.add("lk-chat__message--sending");
      item.dataset.sending = clientId;
      item.appendChild(el("span", "lk-chat__mark", S.sending));
      pending.set(clientId, { chat: chat, kind: "message", text: body, draft: text.value, draftKey: draftKey, item: item, retried: false });
      appendToLog(chat, item, true);
      text.value = "";
      hideError(chat);
    });
    text.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.altKey && !event.isComposing) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
    let typingSentAt = 0;
    text.addEventListener("input", () => {
      store.set(draftKey, text.value);
      if (chat.role !== "own" || chat.ended) return;
      if (Date.now() - typingSentAt > 3000) { send({ type: "typing", conversation: id, active: true }); typingSentAt = Date.now(); }
      clearTimeout(chat.typingStop);
      chat.typingStop = setTimeout(() => { send({ type: "typing", conversation: id, active: false }); typingSentAt = 0; }, 4000);
    });

    // A note for staff.
    const noteForm = $("[data-note-form]", element), noteText = $("[data-note-text]", element);
    noteText.id = "lk-note-" + id;
    $("[data-note-label]", element).htmlFor = noteText.id;
    const noteKey = "draft.note." + id;
    noteText.value = store.get(noteKey) || "";
    if (noteText.value) $("[data-note-box]", element).open = true;
    noteText.addEventListener("input", () => store.set(noteKey, noteText.value));
    noteText.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); noteForm.requestSubmit(); }
    });
    noteForm.addEventListener("submit", (event) => {
      event.preventDefault();
      const body = noteText.value.trim();
      if (!body) return;
      const clientId = newId(), error = $("[data-note-error]", element);
      if (send({ type: "note", conversation: id, text: body, client_id: clientId })) {
        pending.set(clientId, { chat: chat, kind: "note", text: body });
        noteText.value = "";
        store.set(noteKey, "");
        error.hidden = true;
      } else {
        error.textContent = S.reconnecting;
        error.hidden = false;
      }
    });

    // Transfer, close; for supervisors: join, take over, stop watching.
    fillTransfer(chat);
    $("[data-transfer-button]", element).addEventListener("click", () => transfer(chat));
    $("[data-close]", element).addEventListener("click", () => closeChat(chat));
    $("[data-join]", element).addEventListener("click", () => watch(id, "join", "pane")); // joined once `watching` says so
    $("[data-take]", element).addEventListener("click", () => takeOver(chat));
    $("[data-unwatch]", element).addEventListener("click", () => { send({ type: "unwatch", conversation: id }); removeChat(id); });

    chatPanes.appendChild(element);
    addInboxItem(chat);
    setRole(chat, how.own ? "own" : how.role || "watching");
    if (chat.ended) markEnded(chat);
    updateEmpty();
    return chat;
  }

  // A button or box that disappears under the focus: the focus goes to the answer box, or else the pane.
  const hadFocus = (chat) => chat.element.contains(document.activeElement);
  function keepFocus(chat, had) {
    const active = document.activeElement;
    if (!had || chat.element.hidden || (active && chat.element.contains(active) && !active.closest("[hidden]"))) return false;
    if (!$("[data-compose]", chat.element).hidden) chat.text.focus();
    else chat.element.focus();
    return true;
  }

  function setRole(chat, role) {
    const had = hadFocus(chat);
    chat.role = role;
    const element = chat.element, watching = role === "watching", joined = role === "joined";
    $("[data-own-tools]", element).hidden = role !== "own";
    $("[data-supervisor-tools]", element).hidden = role === "own";
    $("[data-join]", element).hidden = !watching;
    $("[data-watching-note]", element).hidden = role === "own";
    $("[data-watching-text]", element).textContent = joined ? S.joined_note : S.watching_note;
    $("[data-compose]", element).hidden = watching || chat.ended;
    element.classList.toggle("lk-chatpane--watching", role !== "own");
    updateInboxItem(chat);
    keepFocus(chat, had);
  }

  function addInboxItem(chat) {
    const item = el("li", "lk-inbox__item");
    const button = el("button", "lk-inbox__open");
    button.type = "button";
    button.dataset.chat = chat.id;
    const name = el("span", "lk-inbox__name"), meta = el("span", "lk-inbox__meta");
    const badge = el("span", "lk-badge lk-badge--unread"), wait = el("span", "lk-inbox__wait"), state = el("span", "lk-inbox__state");
    button.append(name, meta, badge, wait, state);
    button.addEventListener("click", () => show({ kind: "chat", id: chat.id }, "answer"));
    item.appendChild(button);
    chatList.appendChild(item);
    chat.item = { item: item, button: button, name: name, meta: meta, badge: badge, wait: wait, state: state };
  }

  function updateInboxItem(chat) {
    if (!chat.item) return;
    const parts = chat.item;
    parts.name.textContent = visitorName(chat.details);
    parts.meta.textContent = chat.details.topic + " · " + (chat.details.language || "").toUpperCase();
    parts.badge.textContent = chat.unread ? fmt(S.unread, { count: chat.unread }) : "";
    parts.badge.hidden = !chat.unread;
    const waits = !chat.ended && chat.lastVisitorAt && (!chat.lastAgentAt || chat.lastVisitorAt > chat.lastAgentAt);
    parts.wait.textContent = waits ? fmt(S.waits, { time: duration(seconds(chat.lastVisitorAt)) }) : "";
    parts.wait.hidden = !waits;
    parts.state.textContent = chat.ended ? S.ended_short : chat.role === "watching" ? S.watching_short : chat.role === "joined" ? S.joined_short : "";
    parts.state.hidden = !parts.state.textContent;
    parts.item.classList.toggle("lk-inbox__item--unread", chat.unread > 0);
  }

  function removeChat(id) {
    const chat = chats.get(id);
    if (!chat) return;
    const wasFront = front && front.kind === "chat" && front.id === id;
    const hadFocus = chat.element.contains(document.activeElement);
    const position = order().findIndex((entry) => entry.kind === "chat" && entry.id === id);
    chat.element.remove();
    chat.item.item.remove();
    chats.delete(id);
    asked.delete(id);
    clearTimeout(chat.typingTimer);
    clearTimeout(chat.typingStop);
    pending.forEach((value, key) => { if (value.chat === chat) pending.delete(key); });
    store.set("draft.chat." + id, ""); // the chat is no longer this agent's: nothing to come back to
    store.set("draft.note." + id, "");
    updateEmpty();
    updateTitle();
    if (wasFront) {
      const rest = order();
      front = null;
      if (rest.length) show(rest[Math.min(position, rest.length - 1)], hadFocus ? "answer" : undefined);
      else {
        showNothing();
        if (hadFocus) $("#lk-inbox-title").focus();
      }
    }
  }

  function updateEmpty() {
    $("[data-no-chats]").textContent = chats.size ? "" : S.no_chats;
    $("[data-no-chats]").hidden = chats.size > 0;
  }

  function messageItem(frame, chat) {
    const item = el("li", "lk-chat__message lk-chat__message--" + frame.author);
    if (frame.seq) item.dataset.seq = frame.seq;
    const who = frame.author === "visitor" ? visitorName(chat.details) : frame.author === "agent" ? frame.name || S.you : S.system;
    item.appendChild(el("p", "lk-chat__meta", who + " · " + clock(frame.at)));
    item.appendChild(el("p", "lk-chat__text", frame.text));
    return item;
  }

  function addMessage(frame, quiet) {
    const chat = chats.get(frame.conversation);
    if (!chat || frame.seq <= chat.lastSeq) return;
    if (frame.seq > chat.lastSeq + 1) { send({ type: "resume", conversation: chat.id, last_seq: chat.lastSeq }); return; }
    chat.lastSeq = frame.seq;
    // One's own message, shown as "sending…" since it went: that item becomes the message (no second announcement).
    const sending = frame.client_id ? $$("[data-sending]", chat.log).filter((item) => item.dataset.sending === frame.client_id)[0] : null;
    const item = sending || messageItem(frame, chat);
    if (sending) {
      delete item.dataset.sending;
      item.classList.remove("lk-chat__message--sending");
      item.dataset.seq = frame.seq;
      $(".lk-chat__meta", item).textContent = messageItem(frame, chat).firstChild.textContent;
      $(".lk-chat__mark", item).remove();
    }
    if (frame.author === "agent") {
      item.appendChild(el("span", "lk-chat__mark", chat.details.read_seq >= frame.seq ? S.read : S.delivered));
      chat.lastAgentAt = frame.at;
    }
    if (!sending) appendToLog(chat, item);
    else if (item !== chat.log.lastElementChild) appendToLog(chat, item, true); // something came in between
    if (frame.author === "visitor") {
      chat.lastVisitorAt = frame.at;
      $("[data-typing]", chat.element).textContent = "";
      if (frame.seq > chat.agentRead) {
        if (inFront(chat)) markRead(chat);
        else {
          chat.unread += 1;
          if (!quiet) {
            const text = fmt(S.new_message_from, { name: visitorName(chat.details) });
            beep();
            announce(text);
            notify(text, frame.text.slice(0, 120), "loket-chat-" + chat.id, () => show({ kind: "chat", id: chat.id }, "answer"));
          }
        }
      }
    }
    updateInboxItem(chat);
    updateTitle();
  }

  function addNote(frame) {
    const chat = chats.get(frame.conversation);
    if (!chat || chat.notes.has(frame.id)) return;
    chat.notes.add(frame.id);
    const item = el("li", "lk-chat__message lk-chat__message--note");
    item.appendChild(el("p", "lk-chat__meta", S.note + " · " + (frame.name || S.you) + " · " + clock(frame.at)));
    item.appendChild(el("p", "lk-chat__text", frame.text));
    appendToLog(chat, item);
  }

  // The log follows new messages only while one reads its end (or sends something oneself).
  function appendToLog(chat, item, own) {
    const log = chat.log, atEnd = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    log.appendChild(item);
    if (atEnd || own) log.scrollTop = log.scrollHeight;
  }

  function showRead(chat, seq) {
    chat.details.read_seq = Math.max(chat.details.read_seq || 0, seq);
    $$(".lk-chat__message--agent", chat.log).forEach((item) => {
      const mark = $(".lk-chat__mark", item);
      if (mark && Number(item.dataset.seq) <= seq) mark.textContent = S.read;
    });
  }

  function markRead(chat) {
    if (chat.lastSeq > chat.agentRead && chat.role === "own" && !chat.ended) send({ type: "read", conversation: chat.id, seq: chat.lastSeq });
    chat.agentRead = Math.max(chat.agentRead, chat.lastSeq);
    chat.unread = 0;
    updateInboxItem(chat);
    updateTitle();
  }

  const inFront = (chat) => front && front.kind === "chat" && front.id === chat.id && currentView === "work" && seen();

  function markEnded(chat, text) {
    const had = hadFocus(chat);
    chat.ended = true;
    clearTimeout(chat.typingTimer);
    clearTimeout(chat.typingStop);
    chat.element.classList.add("lk-chatpane--ended");
    $("[data-compose]", chat.element).hidden = true;
    $("[data-transfer-button]", chat.element).hidden = true;
    $("[data-transfer]", chat.element).closest("label").hidden = true;
    const ended = $("[data-ended]", chat.element);
    ended.textContent = text || S.chat_ended;
    ended.hidden = false;
    $("[data-typing]", chat.element).textContent = "";
    store.set("draft.chat." + chat.id, "");
    updateInboxItem(chat);
    if (keepFocus(chat, had)) announce(ended.textContent);
  }

  function showError(chat, detail) {
    const error = $("[data-error]", chat.element);
    error.textContent = detail;
    error.hidden = false;
  }
  function hideError(chat) { $("[data-error]", chat.element).hidden = true; }

  // Errors of an action, where it was asked: the chat's pane, the board, or the bar (empty text: none any more).
  function actionError(where, conversation, text) {
    const chat = where === "pane" ? chats.get(conversation) : null;
    const line = chat ? $("[data-action-error]", chat.element) : where === "board" ? $("[data-board-error]") : null;
    if (!line) { if (text) connection.textContent = text; return; }
    line.textContent = text;
    line.hidden = !text;
  }

  function transfer(chat) {
    const target = $("[data-transfer]", chat.element).value.split(":");
    if (target.length !== 2) { $("[data-transfer]", chat.element).focus(); return; }
    const frame = { type: "transfer", conversation: chat.id };
    frame[target[0]] = Number(target[1]);
    if (request(frame, "pane")) asked.add(chat.id);
  }

  function closeChat(chat) {
    if (chat.ended || chat.role !== "own") {
      if (chat.role !== "own" && !chat.ended) send({ type: "unwatch", conversation: chat.id });
      removeChat(chat.id);
      return;
    }
    confirmDialog(fmt(S.confirm_close, { name: visitorName(chat.details) }), S.close).then((yes) => {
      if (yes && request({ type: "close", conversation: chat.id }, "pane")) asked.add(chat.id);
    });
  }

  function takeOver(chat) {
    const agent = board && board.agents.filter((a) => a.id === chat.details.agent)[0];
    const question = fmt(S.confirm_take, { name: visitorName(chat.details), agent: agent ? agent.name : "" });
    confirmDialog(question, S.take).then((yes) => {
      if (yes && request({ type: "take", conversation: chat.id }, "pane")) takenHere.add(chat.id); // then in front, answer box focused
    });
  }

  // A chat that went away without this console asking (a supervisor took it over, moved or closed it): said, politely.
  function lost(chat, sentence) {
    if (!asked.has(chat.id)) announce(fmt(sentence, { name: visitorName(chat.details) }));
    removeChat(chat.id);
  }

  // --- Canned answers: `/` and a few letters in an answer box ----------------------------------------------------
  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

  function insertText(textarea, text, from, to) {
    const start = from !== undefined ? from : textarea.selectionStart, end = to !== undefined ? to : textarea.selectionEnd;
    const before = textarea.value.slice(0, start), after = textarea.value.slice(end);
    const gap = before && !/\s$/.test(before) ? " " : "";
    textarea.value = before + gap + text + after;
    const caret = (before + gap + text).length;
    textarea.setSelectionRange(caret, caret);
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function cannedPicker(textarea, popup, language) {
    let matches = [], active = 0, token = null;
    const isOpen = () => !popup.hidden;
    textarea.setAttribute("aria-controls", popup.id);
    const findToken = () => {
      const caret = textarea.selectionStart;
      if (caret !== textarea.selectionEnd) return null;
      const found = /(^|\s)\/([^\s/]{0,30})$/.exec(textarea.value.slice(0, caret));
      return found ? { start: caret - found[2].length - 1, end: caret, query: found[2] } : null;
    };
    const close = () => {
      popup.hidden = true;
      popup.textContent = "";
      textarea.removeAttribute("aria-activedescendant");
      token = null;
    };
    const highlight = () => {
      $$("[role=option]", popup).forEach((item, index) => item.setAttribute("aria-selected", String(index === active)));
      const current = popup.children[active];
      if (current) {
        textarea.setAttribute("aria-activedescendant", current.id);
        current.scrollIntoView({ block: "nearest" });
      }
    };
    const choose = (index) => {
      const answer = matches[index];
      if (!answer || !token) return;
      const where = token;
      close();
      insertText(textarea, cannedText(answer, language()), where.start, where.end);
      announce(S.canned_inserted);
    };
    const update = () => {
      const found = findToken();
      if (!found || !CANNED.length) { if (isOpen()) close(); return; }
      const query = fold(found.query), wasOpen = isOpen();
      matches = CANNED.filter((answer) => !query || fold(answer.title).includes(query) || fold(cannedText(answer, language())).includes(query)).slice(0, 8);
      if (!matches.length) { if (wasOpen) { close(); announce(S.canned_none); } return; }
      token = found;
      popup.textContent = "";
      matches.forEach((answer, index) => {
        const item = el("li", "lk-canned__option");
        item.id = popup.id + "-" + answer.id;
        item.setAttribute("role", "option");
        item.appendChild(el("span", "lk-canned__title", answer.title));
        item.appendChild(el("span", "lk-canned__preview", cannedText(answer, language()).slice(0, 90)));
        item.addEventListener("mousedown", (event) => event.preventDefault()); // the answer box keeps the focus
        item.addEventListener("click", () => choose(index));
        popup.appendChild(item);
      });
      active = Math.min(active, matches.length - 1);
      if (!wasOpen) active = 0;
      popup.hidden = false;
      highlight();
      if (!wasOpen) announce(fmt(S.canned_count, { count: matches.length }));
    };
    textarea.addEventListener("input", update);
    textarea.addEventListener("click", update);
    textarea.addEventListener("blur", () => { if (isOpen()) close(); });
    textarea.addEventListener("keydown", (event) => {
      if (!isOpen()) return;
      const moves = { ArrowDown: 1, ArrowUp: -1 };
      if (event.key in moves) {
        active = (active + moves[event.key] + matches.length) % matches.length;
        highlight();
      } else if (event.key === "Enter" || event.key === "Tab") {
        choose(active);
      } else if (event.key === "Escape") {
        close();
      } else {
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation(); // not also a send, nor a dialog's Escape
    });
  }

  // --- E-mail cases in the inbox -----------------------------------------------------------------------------------
  const caseFilter = $("[data-case-filter]");
  const chosenFilter = prefs.get("case-filter");
  if (chosenFilter) { const radio = $("input[value=" + chosenFilter + "]", caseFilter); if (radio) radio.checked = true; }
  caseFilter.addEventListener("change", () => { prefs.set("case-filter", $("input:checked", caseFilter).value); showCases(); });
  const isMine = (summary) => summary.assignee && summary.assignee.user === CONFIG.user;

  function showCases() {
    const groups = $("[data-case-groups]"), active = document.activeElement;
    const focused = active && groups.contains(active) && active.dataset.case; // the list is made anew: the focus stays
    const filter = ($("input:checked", caseFilter) || {}).value || "all";
    const all = Array.from(cases.values()).sort((a, b) => (b.updated_at || b.created_at).localeCompare(a.updated_at || a.created_at));
    const counts = { mine: all.filter(isMine).length, unassigned: all.filter((c) => !c.assignee).length, all: all.length };
    Object.keys(counts).forEach((key) => { $("[data-case-count=" + key + "]").textContent = "(" + counts[key] + ")"; });
    const shown = all.filter((c) => filter === "all" || (filter === "mine" ? isMine(c) : !c.assignee));
    $$("[data-case-group]").forEach((group) => {
      const list = $("[data-case-list]", group), inGroup = shown.filter((c) => c.status === group.dataset.caseGroup);
      list.textContent = "";
      inGroup.forEach((summary) => list.appendChild(caseItem(summary)));
      $("[data-case-group-count]", group).textContent = "(" + inGroup.length + ")";
      group.hidden = !inGroup.length;
    });
    const none = $("[data-no-cases]");
    none.hidden = shown.length > 0;
    none.textContent = S.no_cases;
    if (focused) {
      const again = $$("[data-case]", groups).filter((link) => link.dataset.case === focused)[0];
      if (again) again.focus();
      else $("#lk-cases-title").focus(); // closed, or filtered away
    }
  }

  function caseItem(summary) {
    const item = el("li", "lk-inbox__item" + (freshCases.has(summary.reference) ? " lk-inbox__item--unread" : ""));
    const link = el("a", "lk-inbox__open");
    link.href = summary.url || "/console/cases/" + encodeURIComponent(summary.reference) + "/";
    link.dataset.case = summary.reference;
    if (front && front.kind === "case" && front.reference === summary.reference) link.setAttribute("aria-current", "true");
    link.appendChild(el("span", "lk-inbox__name", summary.subject));
    link.appendChild(el("span", "lk-inbox__meta", (summary.name ? summary.name + " · " : "") + summary.topic));
    link.appendChild(el("span", "lk-inbox__meta lk-inbox__reference", summary.reference));
    link.appendChild(el("span", "lk-inbox__meta", summary.assignee ? fmt(S.assigned_to, { name: isMine(summary) ? S.me : summary.assignee.name }) : S.unassigned));
    if (freshCases.has(summary.reference)) link.appendChild(el("span", "lk-badge lk-badge--unread", S.new_case));
    // A mail that names another case without coming from its address: said in words, not by colour alone.
    if (summary.mentions) link.appendChild(el("span", "lk-badge lk-badge--mentions", fmt(S.mentions_case, { reference: summary.mentions })));
    link.addEventListener("click", (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return; // a tab of its own
      event.preventDefault();
      show({ kind: "case", reference: summary.reference }, "title");
    });
    item.appendChild(link);
    return item;
  }

  function caseChanged(frame) {
    const summary = frame.case;
    const known = cases.has(summary.reference);
    if (summary.status === "closed") cases.delete(summary.reference);
    else cases.set(summary.reference, summary);
    if (frame.change === "created" && !known) {
      if (!(front && front.kind === "case" && front.reference === summary.reference)) freshCases.add(summary.reference);
      const text = fmt(S.new_case_about, { subject: summary.subject, topic: summary.topic });
      beep();
      announce(text);
      notify(S.new_case, text, "loket-case-" + summary.reference, () => show({ kind: "case", reference: summary.reference }, "title"));
    }
    if (caseLoaded === summary.reference && frame.change !== "created" && !posting.has(summary.reference) && newerThanShown(summary)) {
      caseNotice(summary.reference);
      if (front && front.kind === "case" && front.reference === summary.reference) {
        announce(frame.change === "reply" ? fmt(S.case_reply, { reference: summary.reference }) : S.case_changed);
      }
    }
    showCases();
    updateTitle();
  }

  // --- A case in the middle pane ------------------------------------------------------------------------------------
  const casePane = $("[data-case-pane]");
  const posting = new Map(); // reference -> this console's posts to it still under way (their own `case` frames are no news)
  const newerThanShown = (summary) => {
    const body = $("[data-case-body]", casePane), shown = body && Date.parse(body.dataset.updated || "");
    return !shown || !summary.updated_at || Date.parse(summary.updated_at) > shown;
  };

  async function loadCase(reference, request, focus) {
    const url = request ? request.url : (cases.get(reference) || {}).url || "/console/cases/" + encodeURIComponent(reference) + "/";
    casePane.setAttribute("aria-busy", "true");
    if (request) posting.set(reference, (posting.get(reference) || 0) + 1);
    let response, html;
    try {
      response = await fetch(request ? request.url : url + "?pane=1", {
        method: request ? "POST" : "GET", body: request ? request.body : undefined, credentials: "same-origin",
      });
      html = await response.text();
    } catch (error) {
      response = null;
    }
    if (request) {
      if (posting.get(reference) > 1) posting.set(reference, posting.get(reference) - 1);
      else posting.delete(reference);
    }
    casePane.removeAttribute("aria-busy");
    if (response && response.redirected && /\/staff\/login\//.test(response.url)) { location.reload(); return false; }
    if (!response || !html.includes("data-case-body")) {
      const problem = $("[data-case-problem]", casePane) || el("p", "lk-notice lk-notice--warning");
      problem.dataset.caseProblem = "";
      problem.setAttribute("role", "alert");
      problem.textContent = S.load_failed;
      casePane.prepend(problem);
      return false;
    }
    if (request && response.ok && request.draft) store.set(request.draft, ""); // sent: the draft is done (also if put away)
    if (openCase !== reference) return false; // put away or another case opened meanwhile
    const parsed = new DOMParser().parseFromString(html, "text/html"); // the server's escaped template
    casePane.textContent = "";
    Array.from(parsed.body.childNodes).forEach((node) => casePane.appendChild(document.importNode(node, true)));
    caseLoaded = reference;
    wireCase(reference);
    const done = $("[data-done]", casePane);
    if (done) announce(done.textContent);
    const invalid = $(".lk-field-error", casePane);
    if (invalid) {
      const field = invalid.parentElement.querySelector("textarea, select");
      if (field) { field.setAttribute("aria-invalid", "true"); field.focus(); }
    } else if (focus === "title") {
      $("[data-case-title]", casePane).focus();
    } else if (focus === "answer") {
      focusAnswer();
    }
    showContext();
    return response.ok;
  }

  function wireCase(reference) {
    const body = $("[data-case-body]", casePane);
    const language = () => body.dataset.language;
    $$("form[data-case-form]", casePane).forEach((form) => {
      const kind = form.dataset.caseForm;
      const textarea = $("textarea", form);
      const key = "draft.case." + reference + "." + kind;
      if (kind === "answer" && textarea) { // first: with the canned answers open, their keys are theirs (not a send)
        textarea.setAttribute("aria-describedby", "lk-case-answer-hint");
        textarea.setAttribute("aria-autocomplete", "list");
        textarea.setAttribute("aria-keyshortcuts", "Alt+A");
        const popup = $("[data-canned-popup]", form);
        if (popup) cannedPicker(textarea, popup, language);
        textarea.dataset.answer = "";
      }
      if (textarea) {
        if (!textarea.value) textarea.value = store.get(key) || "";
        textarea.addEventListener("input", () => store.set(key, textarea.value));
        textarea.addEventListener("keydown", (event) => {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); form.requestSubmit(); }
        });
      }
      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        const data = new FormData(form);
        $$("button", form).forEach((button) => { button.disabled = true; });
        const ok = await loadCase(reference, { url: form.action, body: data, draft: textarea ? key : "" }, "answer");
        if (!ok) $$("button", form).forEach((button) => { button.disabled = false; });
      });
    });
    const select = $("[data-canned-select]", casePane);
    if (select) {
      select.addEventListener("change", () => {
        const answer = CANNED.filter((a) => String(a.id) === select.value)[0];
        const textarea = $("textarea[data-answer]", casePane);
        if (answer && textarea) { insertText(textarea, cannedText(answer, language())); textarea.focus(); }
        select.value = "";
      });
    }
  }

  function caseNotice(reference) {
    if ($("[data-case-changed]", casePane)) return;
    const notice = el("div", "lk-notice");
    notice.dataset.caseChanged = "";
    notice.appendChild(el("p", "", S.case_changed));
    const button = el("button", "lk-button lk-button--secondary lk-button--small", S.show_changes);
    button.type = "button";
    button.addEventListener("click", () => loadCase(reference, null, "title"));
    notice.appendChild(button);
    casePane.prepend(notice);
  }

  // --- What is in front ----------------------------------------------------------------------------------------------
  const order = () => {
    const entries = Array.from(chats.keys()).map((id) => ({ kind: "chat", id: id }));
    if (openCase) entries.push({ kind: "case", reference: openCase });
    return entries;
  };
  const same = (a, b) => a && b && a.kind === b.kind && (a.kind === "chat" ? a.id === b.id : a.reference === b.reference);

  function show(target, focus) {
    if (target.kind === "chat" && !chats.has(target.id)) return; // gone meanwhile (a late desktop notice, say)
    front = target;
    if (currentView !== "work") switchView("work", false);
    $("[data-work-empty]").hidden = true;
    chats.forEach((chat) => {
      const here = target.kind === "chat" && chat.id === target.id;
      chat.element.hidden = !here;
      if (here) chat.item.button.setAttribute("aria-current", "true");
      else chat.item.button.removeAttribute("aria-current");
    });
    casePane.hidden = target.kind !== "case";
    $$("[data-case]").forEach((link) => {
      if (target.kind === "case" && link.dataset.case === target.reference) link.setAttribute("aria-current", "true");
      else link.removeAttribute("aria-current");
    });
    if (target.kind === "chat") {
      const chat = chats.get(target.id);
      chat.log.scrollTop = chat.log.scrollHeight;
      if (seen()) markRead(chat);
      if (focus === "answer" && !$("[data-compose]", chat.element).hidden) chat.text.focus();
      else if (focus) chat.element.focus();
      if (!contexts.has("chat:" + chat.id)) send({ type: "context", conversation: chat.id });
    } else {
      openCase = target.reference;
      freshCases.delete(target.reference);
      showCases();
      updateTitle();
      if (caseLoaded !== target.reference) {
        casePane.textContent = "";
        casePane.appendChild(el("p", "lk-hint", S.loading));
        loadCase(target.reference, null, focus);
      } else if (focus === "title") $("[data-case-title]", casePane).focus();
      else if (focus === "answer") focusAnswer();
      if (!contexts.has("case:" + target.reference)) send({ type: "context", case: target.reference });
    }
    showContext();
  }

  function showNothing() {
    front = null;
    openCase = null;
    chats.forEach((chat) => { chat.element.hidden = true; chat.item.button.removeAttribute("aria-current"); });
    casePane.hidden = true;
    casePane.textContent = "";
    caseLoaded = null;
    $("[data-work-empty]").hidden = false;
    showCases();
    showContext();
  }

  function putCaseAway() {
    openCase = null;
    caseLoaded = null;
    casePane.textContent = "";
    const rest = order();
    if (rest.length) show(rest[0], "answer");
    else { showNothing(); $("#lk-inbox-title").focus(); }
  }

  function move(step) {
    const entries = order();
    if (!entries.length) { announce(S.nothing_open); return; }
    const here = entries.findIndex((entry) => same(entry, front));
    show(entries[(here + step + entries.length) % entries.length], "answer");
  }

  function nextUnread() {
    const entries = Array.from(chats.values());
    const here = front && front.kind === "chat" ? entries.findIndex((chat) => chat.id === front.id) : -1;
    for (let step = 1; step <= entries.length; step++) {
      const chat = entries[(here + step) % entries.length];
      if (chat.unread > 0) { show({ kind: "chat", id: chat.id }, "answer"); return; }
    }
    announce(S.no_unread);
  }

  function focusAnswer() {
    if (front && front.kind === "chat") {
      const chat = chats.get(front.id);
      if (!$("[data-compose]", chat.element).hidden) { chat.text.focus(); return; }
      if (!chat.ended) { $("summary", $("[data-note-box]", chat.element)).focus(); return; }
      chat.element.focus();
      return;
    }
    const answer = $("textarea[data-answer]", casePane);
    if (front && answer) { answer.focus(); return; }
    announce(S.nothing_open);
  }

  // --- The context pane: where the visitor came from, earlier contacts, the knowledge pages ---------------------------
  const contextBox = $("[data-context]"), facts = $("[data-context-facts]");
  const kbLanguage = $("[data-kb-language]");

  function fact(term, value, href) {
    if (!value) return;
    facts.appendChild(el("dt", "", term));
    const definition = el("dd");
    if (href) {
      const link = el("a", "", value);
      link.href = href;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      definition.appendChild(link);
    } else definition.textContent = value;
    facts.appendChild(definition);
  }

  function showContext() {
    facts.textContent = "";
    let frame = null, language = CONFIG.language;
    if (front && front.kind === "chat") {
      const details = chats.get(front.id).details;
      fact(S.name, visitorName(details));
      fact(S.came_from, details.source_url, /^https?:\/\//.test(details.source_url || "") ? details.source_url : null);
      fact(S.topic, details.topic);
      fact(S.language, (details.language || "").toUpperCase());
      fact(S.email, details.visitor_email);
      if (details.started_at || details.created_at) fact(S.started, clock(details.started_at || details.created_at));
      language = details.language;
      frame = contexts.get("chat:" + front.id);
    } else if (front && front.kind === "case") {
      const body = $("[data-case-body]", casePane), summary = cases.get(front.reference) || {};
      const data = body ? body.dataset : {};
      fact(S.name, data.name || summary.name);
      fact(S.topic, data.topic || summary.topic);
      fact(S.language, (data.language || summary.language || "").toUpperCase());
      fact(S.email, data.email);
      language = data.language || summary.language || language;
      frame = contexts.get("case:" + front.reference);
    }
    $("[data-context-empty]").hidden = !!front;
    contextBox.hidden = !front;
    if (language && $$("option", kbLanguage).some((item) => item.value === language)) kbLanguage.value = language;
    const caseList = $("[data-context-cases]"), chatListEarlier = $("[data-context-chats]");
    caseList.textContent = "";
    chatListEarlier.textContent = "";
    if (!front) return;
    if (!frame) { caseList.appendChild(el("li", "lk-hint", S.loading)); return; }
    if (!frame.email) { caseList.appendChild(el("li", "lk-hint", S.no_email)); chatListEarlier.appendChild(el("li", "lk-hint", S.no_email)); return; }
    if (!frame.cases.length) caseList.appendChild(el("li", "lk-hint", S.no_earlier));
    frame.cases.forEach((earlier) => {
      const item = el("li");
      const link = el("a", "", earlier.reference + " " + earlier.subject);
      link.href = earlier.url;
      link.addEventListener("click", (event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        show({ kind: "case", reference: earlier.reference }, "title");
      });
      item.appendChild(link);
      item.appendChild(el("span", "lk-hint", " · " + day(earlier.created_at) + " · " + earlier.status));
      caseList.appendChild(item);
    });
    if (!frame.conversations.length) chatListEarlier.appendChild(el("li", "lk-hint", S.no_earlier));
    frame.conversations.forEach((earlier) => {
      chatListEarlier.appendChild(el("li", "", "#" + earlier.id + " · " + earlier.topic + " · " + day(earlier.created_at) + (earlier.agent ? " · " + earlier.agent : "")));
    });
  }

  // Search the knowledge pages; a result's link goes into the answer being written.
  const kbForm = $("[data-kb-form]"), kbQuery = $("[data-kb-query]"), kbStatus = $("[data-kb-status]"), kbResults = $("[data-kb-results]");
  let searchNumber = 0;
  kbForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const query = kbQuery.value.trim();
    if (!query) return;
    const mine = ++searchNumber;
    kbStatus.textContent = S.searching;
    kbResults.textContent = "";
    let data = null;
    try {
      const response = await fetch(CONFIG.search + "?" + new URLSearchParams({ q: query, language: kbLanguage.value }), {
        credentials: "same-origin", headers: { Accept: "application/json" },
      });
      data = await response.json();
      if (!response.ok) { kbStatus.textContent = data.detail || S.search_failed; return; }
    } catch (error) {
      kbStatus.textContent = S.search_failed;
      return;
    }
    if (mine !== searchNumber) return;
    kbStatus.textContent = data.results.length ? fmt(S.results, { count: data.results.length }) : S.no_results;
    data.results.forEach((result) => {
      const item = el("li", "lk-context__result");
      const link = el("a", "lk-context__result-title", result.title);
      link.href = result.url;
      link.target = "_blank";
      link.rel = "noopener";
      item.appendChild(link);
      item.appendChild(el("p", "lk-context__snippet", result.snippet));
      const insert = el("button", "lk-button lk-button--secondary lk-button--small", S.insert_link);
      insert.type = "button";
      insert.appendChild(el("span", "lk-visually-hidden", " " + fmt(S.insert_link_to, { title: result.title })));
      insert.addEventListener("click", () => {
        const target = front && front.kind === "chat" ? chats.get(front.id).text : $("textarea[data-answer]", casePane);
        if (!target || target.closest("[hidden]")) { announce(S.nothing_open); return; }
        insertText(target, result.title + ": " + result.url);
        target.focus();
        announce(S.link_inserted);
      });
      item.appendChild(insert);
      kbResults.appendChild(item);
    });
  });

  // --- Dialogs -----------------------------------------------------------------------------------------------------
  let returnFocus = null;
  function openDialog(dialog, first) {
    returnFocus = document.activeElement;
    dialog.showModal();
    if (first) first.focus();
  }
  $$("dialog").forEach((dialog) => {
    dialog.addEventListener("close", () => {
      const back = returnFocus;
      returnFocus = null;
      if (back && back.isConnected && !back.closest("[hidden]")) back.focus();
      else focusAnswer();
    });
    $$("[data-dialog-cancel]", dialog).forEach((button) => button.addEventListener("click", () => dialog.close("cancel")));
  });

  const help = $("[data-help]");
  $("[data-help-open]").addEventListener("click", () => openDialog(help, $("[data-help-close]", help)));

  const confirmBox = $("[data-confirm]");
  function confirmDialog(question, yes) {
    $("[data-confirm-text]", confirmBox).textContent = question;
    $("[data-confirm-ok]", confirmBox).textContent = yes;
    confirmBox.returnValue = "";
    openDialog(confirmBox, $("[data-confirm-ok]", confirmBox));
    return new Promise((resolve) => {
      confirmBox.addEventListener("close", () => resolve(confirmBox.returnValue === "ok"), { once: true });
    });
  }

  // --- Views: the workspace and (supervisors) the board -----------------------------------------------------------
  let currentView = root.dataset.view || "work";
  const tabs = $$("[data-tab]");
  function switchView(view, focusTab) {
    if (!tabs.length) return;
    currentView = view;
    tabs.forEach((tab) => {
      const here = tab.dataset.tab === view;
      tab.setAttribute("aria-selected", String(here));
      tab.tabIndex = here ? 0 : -1;
      if (here && focusTab) tab.focus();
    });
    $$("[data-view-panel]").forEach((panel) => { panel.hidden = panel.dataset.viewPanel !== view; });
    $("[data-page-title]").textContent = view === "board" ? S.board : S.workspace;
    const url = view === "board" ? CONFIG.board_url : CONFIG.workspace_url;
    if (location.pathname !== url) history.replaceState(null, "", url);
    updateTitle();
    if (view === "work" && !front && order().length) show(order()[0]);
    else if (view === "work" && front && front.kind === "chat" && seen()) markRead(chats.get(front.id));
  }
  tabs.forEach((tab, index) => {
    tab.addEventListener("click", (event) => { event.preventDefault(); switchView(tab.dataset.tab, true); });
    tab.addEventListener("keydown", (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (!step) return;
      event.preventDefault();
      switchView(tabs[(index + step + tabs.length) % tabs.length].dataset.tab, true);
    });
  });

  // --- The board (supervisors) ----------------------------------------------------------------------------------------
  // Rows kept by key, in the items' order; the row holding the focus never moves (moving it would drop the focus):
  // the others are put around it.
  function rows(body, items, key, build, fill) {
    const existing = new Map($$("tr", body).map((row) => [row.dataset.key, row]));
    const wanted = items.map((item) => {
      const name = String(key(item));
      let row = existing.get(name);
      if (!row) { row = build(item); row.dataset.key = name; }
      existing.delete(name);
      fill(row, item);
      return row;
    });
    existing.forEach((row) => row.remove());
    const still = wanted.filter((row) => row.contains(document.activeElement))[0];
    wanted.forEach((row, index) => {
      if (row === still) return;
      const before = index ? wanted[index - 1].nextSibling : body.firstChild;
      if (row !== before) body.insertBefore(row, before);
    });
  }
  const cells = (row, labels) => labels.map((label) => {
    const cell = el("td");
    cell.dataset.label = label;
    row.appendChild(cell);
    return cell;
  });
  const headers = (body) => $$("th", body.closest("table").tHead).map((th) => th.textContent);
  const actionButton = (label, handler, extra) => {
    const button = el("button", "lk-button lk-button--secondary lk-button--small", label);
    button.type = "button";
    if (extra) button.appendChild(el("span", "lk-visually-hidden", extra));
    button.addEventListener("click", handler);
    return button;
  };

  function showBoard() {
    if (!board || !$("[data-board-teams]")) return;
    $("[data-board-at]").textContent = board.at ? fmt(S.as_of, { time: new Date(board.at).toLocaleTimeString(LANG) }) : "";
    const teamsBody = $("[data-board-teams]");
    rows(teamsBody, board.teams, (team) => team.id, () => {
      const row = el("tr");
      const head = el("th");
      head.scope = "row";
      row.appendChild(head);
      cells(row, headers(teamsBody).slice(1));
      return row;
    }, (row, team) => {
      const [waiting, longest, estimate] = Array.from(row.cells).slice(1);
      row.cells[0].textContent = team.name;
      waiting.textContent = String(team.waiting);
      longest.textContent = team.waiting && team.oldest ? duration(Date.now() / 1000 - team.oldest) : "—";
      estimate.textContent = team.estimate ? fmt(S.estimate, team.estimate) : S.no_estimate;
    });

    const agentsBody = $("[data-board-agents]");
    rows(agentsBody, board.agents, (agent) => agent.id, (agent) => {
      const row = el("tr");
      const head = el("th");
      head.scope = "row";
      row.appendChild(head);
      const [, , , actions] = cells(row, headers(agentsBody).slice(1));
      actions.appendChild(actionButton(S.set_away, () => setStatusOf(agent.id), " " + agent.name));
      return row;
    }, (row, agent) => {
      const [status, load, today, actions] = Array.from(row.cells).slice(1);
      row.cells[0].textContent = agent.name;
      status.textContent = (S[agent.status] || agent.status) + (agent.since ? " · " + fmt(S.since, { time: clock(agent.since) }) : "") + " · " + (agent.connected ? S.connected_yes : S.connected_no);
      load.textContent = fmt(S.load, { open: agent.open, capacity: agent.capacity });
      const spent = agent.today || {};
      today.textContent = fmt(S.today, { available: duration(spent.available || 0), away: duration(spent.away || 0), offline: duration(spent.offline || 0) });
      $("button", actions).hidden = agent.status === "offline" && !agent.open;
    });

    const chatsBody = $("[data-board-chats]");
    $("[data-board-no-chats]").hidden = board.chats.length > 0;
    rows(chatsBody, board.chats, (chat) => chat.id, (chat) => {
      const row = el("tr");
      const head = el("th");
      head.scope = "row";
      row.appendChild(head);
      const [, , , , actions] = cells(row, headers(chatsBody).slice(1));
      const who = " " + (chat.visitor_name || S.visitor) + " #" + chat.id;
      actions.append(
        actionButton(S.watch, () => watch(chat.id, "watch", "board"), who),
        actionButton(S.join, () => watch(chat.id, "join", "board"), who),
        actionButton(S.take, () => takeFromBoard(chat.id), who),
        actionButton(S.move, () => moveToQueue(chat.id), who),
      );
      return row;
    }, (row, chat) => {
      const [topic, agent, length, answer] = Array.from(row.cells).slice(1);
      row.cells[0].textContent = (chat.visitor_name || S.visitor) + " #" + chat.id;
      topic.textContent = chat.topic + " · " + (chat.language || "").toUpperCase();
      agent.textContent = chat.agent_name + ((chat.supervisors || []).length ? " · " + fmt(S.watchers, { count: chat.supervisors.length }) : "");
      length.textContent = duration(seconds(chat.started_at));
      const waits = chat.last_visitor_at && (!chat.last_agent_at || chat.last_visitor_at > chat.last_agent_at);
      answer.textContent = (chat.last_agent_at ? duration(seconds(chat.last_agent_at)) : S.no_answer_yet) + (waits ? " · " + S.visitor_waits : "");
      row.classList.toggle("lk-board__row--waits", !!waits);
    });
  }

  // Between boards, the queues' and agents' changes as they come (docs/chat-protocol.md, `board`).
  function updateBoard(change) {
    if (!board) return;
    if (change.queues) board.teams.forEach((team) => Object.assign(team, change.queues[String(team.id)]));
    if (change.agent) board.agents.forEach((agent) => { if (agent.id === change.agent.id) Object.assign(agent, change.agent); });
    if (currentView === "board") showBoard();
  }

  // Watching or joining: the role changes when `watching` answers (a refused join leaves the chat as it was).
  function watch(id, how, where) {
    if (!request({ type: how, conversation: id }, where)) return;
    pendingWatch.set(id, how);
    if (chats.has(id) && where === "board") show({ kind: "chat", id: id }, "pane");
  }
  const pendingWatch = new Map(); // conversation id -> "watch" | "join", until `watching` (or an error) answers

  function takeFromBoard(id) {
    const chat = board.chats.filter((c) => c.id === id)[0];
    if (!chat) return;
    confirmDialog(fmt(S.confirm_take, { name: chat.visitor_name || S.visitor, agent: chat.agent_name }), S.take).then((yes) => {
      if (yes && request({ type: "take", conversation: id }, "board")) takenHere.add(id);
    });
  }
  const takenHere = new Set(); // chats taken over here (board or pane): in front, answer box focused, once they are ours

  const moveBox = $("[data-move]");
  let moving = null;
  function moveToQueue(id) {
    const select = $("[data-move-team]", moveBox), chat = board.chats.filter((c) => c.id === id)[0];
    moving = id;
    select.textContent = "";
    allTeams.forEach((team) => select.appendChild(option(team.id, team.name)));
    if (chat) select.value = String(chat.team);
    openDialog(moveBox, select);
  }
  if (moveBox) {
    $("[data-move-form]", moveBox).addEventListener("submit", () => {
      if (moving && request({ type: "transfer", conversation: moving, team: Number($("[data-move-team]", moveBox).value) }, "board")) {
        if (chats.has(moving)) asked.add(moving);
      }
      moving = null;
    });
  }

  const statusBox = $("[data-set-status]");
  let settingStatusOf = null;
  function setStatusOf(agentId) {
    const agent = board.agents.filter((a) => a.id === agentId)[0];
    settingStatusOf = agentId;
    $("[data-set-status-title]", statusBox).textContent = agent ? fmt(S.set_status_of, { name: agent.name }) : S.set_status_title;
    const reason = $("[data-set-status-reason]", statusBox);
    reason.value = "";
    reason.removeAttribute("aria-invalid");
    reason.removeAttribute("aria-describedby");
    $("[data-set-status-error]", statusBox).hidden = true;
    openDialog(statusBox, $("input[name=status]:checked", statusBox));
  }
  if (statusBox) {
    $("[data-set-status-form]", statusBox).addEventListener("submit", (event) => {
      const reason = $("[data-set-status-reason]", statusBox), text = reason.value.trim();
      if (!text || text.length > 200) {
        event.preventDefault();
        const error = $("[data-set-status-error]", statusBox);
        error.textContent = S.reason_required;
        error.hidden = false;
        reason.setAttribute("aria-invalid", "true");
        reason.setAttribute("aria-describedby", error.id);
        reason.focus();
        return;
      }
      const status = $("input[name=status]:checked", statusBox).value;
      request({ type: "set-status", agent: settingStatusOf, status: status, reason: text }, "board");
    });
  }

  // --- Keyboard ------------------------------------------------------------------------------------------------------
  const typingInField = (target) => target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  document.addEventListener("keydown", (event) => {
    if (document.querySelector("dialog[open]")) return;
    if (event.altKey && !event.ctrlKey && !event.metaKey) {
      const actions = {
        KeyN: nextUnread,
        KeyJ: () => move(1),
        KeyK: () => move(-1),
        KeyA: focusAnswer,
        KeyS: () => { if (currentView !== "work") switchView("work"); kbQuery.focus(); },
        KeyI: () => { if (currentView !== "work") switchView("work"); $("#lk-inbox-title").focus(); },
        KeyT: () => {
          const chat = front && front.kind === "chat" && chats.get(front.id);
          if (chat && chat.role === "own" && !chat.ended) $("[data-transfer]", chat.element).focus();
          else announce(S.nothing_open);
        },
        KeyW: () => {
          if (front && front.kind === "chat") closeChat(chats.get(front.id));
          else if (front) putCaseAway();
          else announce(S.nothing_open);
        },
        KeyB: () => { if (tabs.length) switchView(currentView === "board" ? "work" : "board", true); },
      };
      const action = actions[event.code];
      if (action) { event.preventDefault(); action(); }
      return;
    }
    if (event.key === "?" && !event.ctrlKey && !event.metaKey && !event.altKey && !typingInField(event.target)) {
      event.preventDefault();
      openDialog(help, $("[data-help-close]", help));
    }
  });

  // Back in front of the agent: what is in front is read.
  const backInFront = () => {
    if (front && front.kind === "chat" && currentView === "work" && seen()) markRead(chats.get(front.id));
  };
  window.addEventListener("focus", backInFront);
  document.addEventListener("visibilitychange", backInFront);

  // Waiting times move on by themselves.
  setInterval(() => chats.forEach(updateInboxItem), 5000);
  setInterval(() => {
    showQueues();
    if (board && currentView === "board") showBoard();
  }, 15000);

  // --- Frames --------------------------------------------------------------------------------------------------------
  function hello(frame) {
    retry = 0;
    if (reconnecting) { connection.textContent = S.connected; reconnecting = false; }
    setAvailabilityEnabled(true);
    statusRequests = 0;
    teams = frame.teams || [];
    allTeams = frame.all_teams || teams;
    colleagues.clear();
    (frame.colleagues || []).forEach((agent) => colleagues.set(agent.id, agent));
    showAgent(frame.agent);
    queues = frame.queues || {};
    showQueues();
    const present = new Set((frame.conversations || []).map((c) => c.id));
    chats.forEach((chat) => {
      if (chat.role === "own" && !present.has(chat.id) && !chat.ended) lost(chat, S.chat_gone);
      else if (chat.role !== "own" && !chat.ended) send({ type: "watch", conversation: chat.id }); // the server forgot who watches
    });
    (frame.conversations || []).forEach((conversation) => {
      const chat = openChat(conversation, { own: true });
      (conversation.messages || []).forEach((message) => addMessage(message, true));
      (conversation.notes || []).forEach(addNote);
      if (conversation.read_seq) showRead(chat, conversation.read_seq);
      updateInboxItem(chat);
    });
    chats.forEach(fillTransfer);
    pending.forEach((waiting, clientId) => { // lost with the old connection, perhaps: the same id stores nothing twice
      if (chats.has(waiting.chat.id)) send({ type: waiting.kind, conversation: waiting.chat.id, text: waiting.text, client_id: clientId });
      else pending.delete(clientId);
    });
    // Drafts of chats that are no longer here (ended or gone while this tab was away) have nothing to come back to.
    store.forget((key) => {
      const found = /\.draft\.(chat|note)\.(\d+)$/.exec(key);
      return key.startsWith(PREFIX) && found && !chats.has(Number(found[2]));
    });
    cases.clear();
    (frame.cases || []).forEach((summary) => cases.set(summary.reference, summary));
    showCases();
    updateEmpty();
    updateTitle();
    if (!front && currentView === "work") {
      const first = order()[0];
      if (first) show(first);
    } else if (front && front.kind === "chat" && !chats.has(front.id)) {
      showNothing();
    }
  }

  function receive(frame) {
    const chat = frame.conversation !== undefined ? chats.get(frame.conversation) : null;
    switch (frame.type) {
      case "hello": hello(frame); break;
      case "agent":
        if (!frame.by) statusRequests = Math.max(0, statusRequests - 1); // (set by a supervisor: no answer to us)
        if (!statusRequests || frame.by) showAgent(frame.agent);
        updateBoard({ agent: frame.agent });
        if (frame.by) {
          connection.textContent = fmt(S.status_set_by, { name: frame.by, status: S[frame.agent.status] || frame.agent.status, reason: frame.reason || "" });
        }
        break;
      case "colleague":
        colleagues.set(frame.agent.id, frame.agent);
        chats.forEach(fillTransfer);
        updateBoard(frame);
        break;
      case "queues": queues = frame.queues; showQueues(); updateBoard(frame); break;
      case "started": {
        // A chat one watches may be started with someone else (after a move back to the queue): not this console's.
        if (frame.details && me && frame.details.agent !== undefined && frame.details.agent !== me.id) {
          if (chat) { Object.assign(chat.details, frame.details); updateInboxItem(chat); }
          break;
        }
        const known = chat && chat.role === "own";
        const started = openChat(frame.details || { id: frame.conversation }, { own: true });
        send({ type: "resume", conversation: frame.conversation, last_seq: started.lastSeq });
        if (!known) {
          const details = started.details;
          const text = fmt(S.new_chat_with, { name: visitorName(details), topic: details.topic });
          beep();
          announce(text, true);
          notify(S.new_chat, text, "loket-chat-" + details.id, () => show({ kind: "chat", id: details.id }, "answer"));
          if (!front && currentView === "work") show({ kind: "chat", id: details.id });
        }
        if (takenHere.delete(frame.conversation)) show({ kind: "chat", id: frame.conversation }, "answer");
        updateTitle();
        break;
      }
      case "watching": {
        const how = pendingWatch.get(frame.conversation) || (chat && chat.role) || "watch";
        pendingWatch.delete(frame.conversation);
        const role = how === "join" || how === "joined" ? "joined" : "watching";
        const watched = openChat(Object.assign({}, frame.details, { agent_read_seq: Infinity }), { role: role });
        if (chat && chat.role !== "own" && chat.role !== role) setRole(watched, role);
        (frame.messages || []).forEach((message) => addMessage(message, true));
        (frame.notes || []).forEach(addNote);
        if (frame.details && frame.details.read_seq) showRead(watched, frame.details.read_seq);
        if (!chat) show({ kind: "chat", id: frame.conversation }, how === "join" ? "answer" : "pane");
        break;
      }
      case "message": addMessage(frame); break;
      case "note": addNote(frame); break;
      case "typing":
        if (frame.author === "visitor" && chat && !chat.ended) {
          const line = $("[data-typing]", chat.element), now = frame.active ? S.typing : "";
          if (line.textContent !== now) line.textContent = now; // (the same sentence again is announced again)
          clearTimeout(chat.typingTimer);
          chat.typingTimer = setTimeout(() => { line.textContent = ""; }, 8000);
        }
        break;
      case "read": if (frame.author === "visitor" && chat) showRead(chat, frame.seq); break;
      case "ended":
        if (!chat) break;
        if (frame.ending === "agent" && chat.role === "own") lost(chat, S.chat_closed);
        else markEnded(chat, frame.ending === "agent" ? S.chat_ended : S.ended);
        break;
      case "requeued": case "removed":
        if (!chat) break;
        if (chat.role !== "own" && frame.type === "requeued") send({ type: "unwatch", conversation: chat.id });
        if (chat.role === "own" || frame.type === "requeued") lost(chat, frame.type === "requeued" ? S.chat_requeued : S.chat_gone);
        break;
      case "ack": {
        const waiting = pending.get(frame.client_id);
        pending.delete(frame.client_id);
        if (!waiting) break;
        if (waiting.kind === "note") { $("[data-note-error]", waiting.chat.element).hidden = true; break; }
        hideError(waiting.chat);
        if (store.get(waiting.draftKey) === waiting.draft) store.set(waiting.draftKey, ""); // (unless more was typed since)
        if (frame.seq <= waiting.chat.lastSeq && waiting.item.dataset.sending) waiting.item.remove(); // shown already, another way
        break;
      }
      case "case": caseChanged(frame); break;
      case "context":
        contexts.set(frame.conversation !== null && frame.conversation !== undefined ? "chat:" + frame.conversation : "case:" + frame.case, frame);
        showContext();
        break;
      case "board": board = frame; showBoard(); break;
      case "resync": // events were missed (started, ended, cases…): a new connection's hello has everything
        if (socket) socket.close(4000, "resync");
        break;
      case "error": {
        const waiting = frame.ref && pending.get(frame.ref), asking = frame.ref && requests.get(frame.ref);
        if (waiting && frame.code === "server-error" && !waiting.retried) { // once more, with the same id
          waiting.retried = true;
          send({ type: waiting.kind, conversation: waiting.chat.id, text: waiting.text, client_id: frame.ref });
        } else if (waiting) {
          pending.delete(frame.ref);
          if (waiting.kind === "note") {
            const error = $("[data-note-error]", waiting.chat.element);
            error.textContent = frame.detail;
            error.hidden = false;
          } else {
            if (waiting.item) waiting.item.remove();
            const box = waiting.chat.text;
            if (!box.value.trim()) { box.value = waiting.draft; store.set(waiting.draftKey, box.value); } // back where it was
            showError(waiting.chat, frame.detail);
          }
        } else if (asking) {
          requests.delete(frame.ref);
          if (asking.type === "status") {
            statusRequests = Math.max(0, statusRequests - 1);
            if (!statusRequests && me) showAgent(me); // the choice did not take: show what is
          }
          if (asking.type === "watch" || asking.type === "join") pendingWatch.delete(asking.conversation);
          if (asking.type === "take") takenHere.delete(asking.conversation);
          if (asking.type === "close" || asking.type === "transfer") asked.delete(asking.conversation);
          actionError(asking.where, asking.conversation, frame.detail);
        } else {
          connection.textContent = frame.detail;
        }
        break;
      }
      default: break;
    }
  }

  showCases();
  updateEmpty();
  switchView(currentView, false);
  connect();
})();
