// The site view's page: state from the relay's Server-Sent Events, drawn with textContent only
// (caller names and CRM fields are text, never markup). No inline script: the CSP forbids it.
"use strict";

const STATE_LABEL = { idle: "idle", ringing: "ringing", talking: "talking", dialling: "dialling" };
let clockOffset = 0;  // server time - local time, ms
let source = null;
let chartKey = "";
const tiles = new Map();

const $ = (id) => document.getElementById(id);

function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

function duration(since) {
  if (since === null || since === undefined) return "";
  let s = Math.max(0, Math.floor((Date.now() + clockOffset) / 1000 - since));
  const h = Math.floor(s / 3600); s -= h * 3600;
  const m = Math.floor(s / 60); s -= m * 60;
  const two = (n) => String(n).padStart(2, "0");
  return h ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

function extensionOrder(a, b) {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function tileFor(extension) {
  let tile = tiles.get(extension);
  if (tile) return tile;
  tile = $("tile").content.firstElementChild.cloneNode(true);
  tile.dataset.extension = extension;
  setText(tile.querySelector(".ext"), extension);
  const grid = $("extensions");
  let before = null;
  for (const other of grid.children) {
    if (extensionOrder(other.dataset.extension, extension) > 0) { before = other; break; }
  }
  grid.insertBefore(tile, before);
  tiles.set(extension, tile);
  return tile;
}

function drawRow(row) {
  const tile = tileFor(row.extension);
  const presence = row.online === true ? "online" : row.online === false ? "offline" : "unknown";
  tile.className = `tile ${row.state} ${presence}`;
  tile.querySelector(".dot").title = presence === "unknown" ? "desk not in relay mode"
    : `desk ${presence}`;
  const busy = row.state !== "idle";
  setText(tile.querySelector(".state"),
    STATE_LABEL[row.state] + (row.calls > 1 ? ` +${row.calls - 1}` : ""));
  const who = row.crm_name || row.name || row.number;
  setText(tile.querySelector(".party"), busy ? who : (presence === "offline" ? "desk offline" : ""));
  setText(tile.querySelector(".number"), busy && who !== row.number ? row.number : "");
  tile.querySelector(".clock").dataset.since = busy && row.since !== null ? row.since : "";
  setText(tile.querySelector(".ok"), String(row.answered));
  setText(tile.querySelector(".ko"), String(row.missed));
  setText(tile.querySelector(".out"), String(row.outgoing));
  tile.querySelector(".ok").title = "answered today";
  tile.querySelector(".ko").title = "missed today";
  tile.querySelector(".out").title = "outgoing today";
}

function item(who, when, more, url) {
  const li = document.createElement("li");
  const name = document.createElement("span");
  name.className = "who";
  name.textContent = who;
  if (url && /^https?:\/\//i.test(url)) {
    const link = document.createElement("a");
    link.href = url;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    link.textContent = "Open in CRM";
    name.appendChild(link);
  }
  const time = document.createElement("span");
  time.className = "when";
  if (typeof when === "number") time.dataset.since = when; else time.textContent = when;
  const extra = document.createElement("span");
  extra.className = "more";
  extra.textContent = more;
  li.append(name, time, extra);
  return li;
}

function clockTime(epoch) {
  return new Date(epoch * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

function drawSite(site) {
  setText($("n-online"), String(site.online));
  setText($("n-talking"), String(site.talking));
  setText($("n-waiting"), String(site.waiting_count));
  setText($("n-answered"), String(site.answered_today));
  setText($("n-missed"), String(site.missed_today));
  setText($("n-callback"), String(site.missed_count));
  setText($("waiting-count"), site.waiting_count ? String(site.waiting_count) : "");
  setText($("missed-count"), site.missed_count ? String(site.missed_count) : "");
  const waiting = site.waiting.map((c) => {
    const who = c.crm_name || c.name || c.number;
    const more = [who !== c.number ? c.number : "", c.queue ? `via ${c.queue}` : "",
      `ringing ${c.ringing.join(", ")}`].filter(Boolean).join(" · ");
    return item(who, c.since, more, "");
  });
  $("waiting").replaceChildren(...waiting);
  $("waiting-none").hidden = waiting.length > 0;
  const missed = site.missed.map((m) => {
    const who = m.name || m.number;
    const more = [who !== m.number ? m.number : "",
      m.calls > 1 ? `${m.calls} calls` : "", `rang ${m.extensions.join(", ")}`]
      .filter(Boolean).join(" · ");
    return item(who, clockTime(m.last), more, m.url);
  });
  $("missed").replaceChildren(...missed);
  $("missed-none").hidden = missed.length > 0;
  const ucm = site.relay.ucm;
  const ucmPill = $("link-ucm");
  setText(ucmPill, ucm === "online" ? "UCM linked" : `UCM ${ucm}`);
  ucmPill.className = `pill ${ucm === "online" ? "ok" : "bad"}`;
  ucmPill.title = site.relay.detail || "";
  // Two relays (standby): who leads and who waits, so a supervisor sees a failover happen.
  const nodes = Object.entries(site.relay.nodes || {});
  const relaysPill = $("link-relays");
  relaysPill.hidden = nodes.length === 0;
  setText(relaysPill, "Relays: " + nodes.map(([node, role]) => `${node} ${role}`).join(" · "));
  relaysPill.className = `pill ${nodes.every(([, role]) => role !== "offline") ? "ok" : "bad"}`;
  const crm = site.crm;
  const crmPill = $("link-crm");
  const crmText = crm.last_error ? `CRM: ${crm.waiting} writes waiting`
    : crm.waiting ? `CRM: ${crm.waiting} writes waiting` : crm.lookup ? "CRM lookups on" : "CRM off";
  setText(crmPill, crmText);
  crmPill.className = `pill ${crm.last_error ? "bad" : crm.waiting ? "" : crm.lookup ? "ok" : ""}`;
  crmPill.title = crm.last_error || "";
  setText($("crm-detail"), [crm.index, crm.last_error ? `Last CRM error: ${crm.last_error}` : ""]
    .filter(Boolean).join(" · "));
  const key = JSON.stringify(site.hours);
  if (key !== chartKey) {
    chartKey = key;
    $("chart").src = `/chart.svg?t=${Date.now()}`;
  }
}

function apply(message) {
  clockOffset = message.now * 1000 - Date.now();
  if (message.full) {
    const keep = new Set(message.rows.map((r) => r.extension));
    for (const [extension, tile] of tiles) {
      if (!keep.has(extension)) { tile.remove(); tiles.delete(extension); }
    }
  }
  for (const row of message.rows) drawRow(row);
  if (message.site) drawSite(message.site);
  tick();
}

function tick() {
  for (const element of document.querySelectorAll("[data-since]")) {
    const since = element.dataset.since;
    setText(element, since === "" ? "" : duration(Number(since)));
  }
}

function linkState(text, ok) {
  const pill = $("link-view");
  setText(pill, text);
  pill.className = `pill ${ok ? "ok" : "bad"}`;
}

function connect() {
  source = new EventSource("/api/events");
  source.addEventListener("state", (event) => {
    linkState("live", true);
    apply(JSON.parse(event.data));
  });
  source.onerror = () => {
    linkState("reconnecting…", false);
    if (source.readyState !== EventSource.CLOSED) return;  // the browser retries by itself
    // Refused (no session any more, or a proxy's error page): ask why, then act.
    fetch("/api/state", { credentials: "same-origin", cache: "no-store" }).then((answer) => {
      if (answer.status === 401 || answer.status === 403) {
        window.location.assign("/login");
      } else {
        setTimeout(connect, 3000);
      }
    }, () => setTimeout(connect, 3000));
  };
}

document.addEventListener("DOMContentLoaded", () => {
  connect();
  setInterval(tick, 1000);
});
