// corridor dashboard: plain JavaScript over the /v1 API. No framework, no external assets.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const $ = (sel) => document.querySelector(sel);
const state = { health: null, cursor: null, filters: {}, coded: new Map() };

// -- small helpers ---------------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG_NS, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") node.textContent = v;
    else if (k === "onclick") node.addEventListener("click", v);
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

async function api(path, options) {
  const resp = await fetch(path, options);
  const body = await resp.json().catch(() => ({}));
  if (!resp.ok) {
    let msg = body.detail;
    if (Array.isArray(msg)) msg = msg.map((d) => `${d.field}: ${d.msg}`).join("; ");
    throw new Error(`${resp.status}: ${msg || resp.statusText}`);
  }
  return body;
}

function actorLabel(a) {
  if (!a) return el("span", { class: "muted", text: "—" });
  return el("span", { title: [a.name, a.text].filter(Boolean).join(" · "), text: a.code });
}

// The evidence sentence with the trigger word marked (offsets are article offsets).
function evidenceCell(ev) {
  const td = el("td");
  const evd = ev.evidence;
  if (!evd || !evd.text) return td;
  const s = ev.trigger.start - evd.start;
  const e = ev.trigger.end - evd.start;
  if (s >= 0 && e <= evd.text.length && s < e) {
    td.append(evd.text.slice(0, s), el("mark", { class: "trigger", text: evd.text.slice(s, e) }), evd.text.slice(e));
  } else {
    td.append(evd.text);
  }
  return td;
}

function eventRow(ev, openArticle) {
  const what = [ev.cameo, ev.plover].filter(Boolean).join(" ");
  return el(
    "tr",
    {},
    el("td", { class: "code", text: ev.date || "" }),
    el("td", { class: "code" }, actorLabel(ev.source)),
    el("td", { class: "code", title: `quad class ${ev.quad_class ?? "?"}, Goldstein ${ev.goldstein ?? "?"}`, text: what }),
    el("td", { class: "code" }, actorLabel(ev.target)),
    evidenceCell(ev),
    el("td", {}, el("a", { href: `#article/${encodeURIComponent(ev.doc_id)}`, class: "article-link", text: "article", onclick: openArticle })),
  );
}

// -- article view ------------------------------------------------------------------------------------

// Spans of a freshly coded article (the corridor/1 JSON with text), in the shape /v1/articles gives.
function spansFromCoded(c) {
  const spans = [];
  for (const a of c.actors) spans.push({ kind: "actor", start: a.start, end: a.end, label: a.code });
  for (const e of c.events) spans.push({ kind: "trigger", start: e.trigger.start, end: e.trigger.end, label: [e.cameo, e.plover].filter(Boolean).join(" ") });
  for (const q of c.quotes) for (const [s, e] of q.spans) spans.push({ kind: "quote", start: s, end: e, label: `${q.kind} quote${q.act && q.act !== "statement" ? ` (${q.act})` : ""}${q.speaker ? " of " + q.speaker.code : ""}${q.confidence != null ? ` (confidence ${q.confidence.toFixed(2)})` : ""}` });
  for (const t of c.times) spans.push({ kind: "time", start: t.start, end: t.end, label: t.value || t.type });
  for (const p of c.places) spans.push({ kind: "place", start: p.start, end: p.end, label: [p.name, p.country].filter(Boolean).join(", ") || "place" });
  return spans;
}

// Cut the text at every span boundary; each piece carries the classes of the spans that cover it.
function renderSpans(container, text, spans) {
  container.replaceChildren();
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].filter((x) => x >= 0 && x <= text.length).sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) { container.append(piece); continue; }
    const kinds = [...new Set(covering.map((s) => "k-" + s.kind))];
    const title = covering.map((s) => `${s.kind}: ${s.label}`).join("\n");
    container.append(el("span", { class: "sp " + kinds.join(" "), title, text: piece }));
  }
}

function showArticle(doc) {
  $("#article-panel").hidden = false;
  $("#article-title").textContent = doc.title || doc.doc_id;
  $("#article-meta").textContent = [doc.doc_id, doc.date, doc.source, `${(doc.events || []).length} events`].filter(Boolean).join(" · ");
  renderSpans($("#article-text"), doc.text || "", doc.spans || []);
  $("#article-panel").scrollIntoView({ behavior: "smooth", block: "start" });
}

async function openArticle(docId) {
  const coded = state.coded.get(docId);
  try {
    if (state.health && state.health.store && !(coded && !coded.stored)) {
      showArticle(await api(`/v1/articles/${encodeURIComponent(docId)}`));
      return;
    }
  } catch (err) {
    if (!coded) { $("#article-meta").textContent = err.message; return; }
  }
  if (coded) showArticle({ ...coded.doc, spans: spansFromCoded(coded.doc) });
}

function onArticleLink(event) {
  event.preventDefault();
  const docId = decodeURIComponent(event.currentTarget.getAttribute("href").slice("#article/".length));
  history.replaceState(null, "", `#article/${encodeURIComponent(docId)}`);
  openArticle(docId);
}

// -- coding a pasted article -------------------------------------------------------------------------

async function codePasted() {
  let text = $("#paste-text").value;
  const m = text.match(/^\s*date\s*[:=]?\s*(\d{4}-\d{2}-\d{2})[ \t]*\r?\n/i);
  if (m) {
    if (!$("#paste-date").value) $("#paste-date").value = m[1];
    text = text.slice(m[0].length);
  }
  const status = $("#paste-status");
  status.className = "muted";
  if (!text.trim()) { status.textContent = "Paste an article first."; return; }
  const store = $("#paste-store").checked;
  const body = { text, date: $("#paste-date").value.trim() || null };
  if ($("#paste-id").value.trim()) body.id = $("#paste-id").value.trim();
  const headers = { "Content-Type": "application/json" };
  if ($("#api-key").value) headers["X-API-Key"] = $("#api-key").value;
  status.textContent = "coding…";
  $("#paste-go").disabled = true;
  try {
    const doc = await api(`/v1/code?include_text=true${store ? "&store=true" : ""}`, { method: "POST", headers, body: JSON.stringify(body) });
    state.coded.set(doc.doc_id, { doc, stored: store });
    const tbody = $("#coded-events tbody");
    tbody.replaceChildren(...doc.events.map((ev) => eventRow({ ...ev, doc_id: doc.doc_id }, onArticleLink)));
    $("#coded-events").hidden = false;
    status.textContent = `${doc.events.length} events, ${doc.actors.length} actors, ${doc.quotes.length} quotes` + (store ? " — saved to the store" : "");
    if (store) await refreshStore();
  } catch (err) {
    status.className = "error";
    status.textContent = err.message;
  } finally {
    $("#paste-go").disabled = false;
  }
}

// -- the store: events, timeline, network ----------------------------------------------------------------

async function loadEvents(append) {
  const params = new URLSearchParams({ limit: "25" });
  for (const [k, v] of Object.entries(state.filters)) if (v) params.set(k, v);
  if (append && state.cursor) params.set("cursor", state.cursor);
  const tbody = $("#events tbody");
  try {
    const page = await api(`/v1/events?${params}`);
    const rows = page.events.map((ev) => eventRow(ev, onArticleLink));
    if (append) tbody.append(...rows); else tbody.replaceChildren(...rows);
    state.cursor = page.next_cursor;
    $("#more").hidden = !page.next_cursor;
  } catch (err) {
    tbody.replaceChildren(el("tr", {}, el("td", { colspan: "6", class: "error", text: err.message })));
  }
}

async function loadDyadPicker() {
  const [{ actors }, { dyads }] = await Promise.all([api("/v1/actors?top=40"), api("/v1/dyads?top=1")]);
  const fill = (select, chosen) => {
    select.replaceChildren(...actors.map((a) => el("option", { value: a.actor, title: a.name, text: `${a.actor} (${a.events})` })));
    if (chosen) select.value = chosen;
  };
  const top = dyads[0];
  fill($("#dyad-a"), top ? top.source : actors[0] && actors[0].actor);
  fill($("#dyad-b"), top ? top.target : actors[1] && actors[1].actor);
}

async function drawTimeline() {
  const svg = $("#timeline");
  const a = $("#dyad-a").value, b = $("#dyad-b").value;
  if (!a || !b) { svg.replaceChildren(el("svg:text", { x: 20, y: 30, text: "No actors in the store yet." })); return; }
  const data = await api(`/v1/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/timeline?freq=${$("#freq").value}`);
  const periods = data.periods;
  const W = 760, H = 220, left = 40, right = 10, mid = 105, half = 80;
  svg.replaceChildren();
  svg.append(el("svg:line", { class: "axis", x1: left, x2: W - right, y1: mid, y2: mid }));
  if (!periods.length) { svg.append(el("svg:text", { x: left, y: 30, text: `No events between ${a} and ${b}.` })); return; }
  const max = Math.max(1, ...periods.map((p) => Math.max(p.cooperation, p.conflict)));
  const step = (W - left - right) / periods.length;
  const bw = Math.max(2, Math.min(40, step * 0.7));
  const points = [];
  periods.forEach((p, i) => {
    const x = left + i * step + (step - bw) / 2;
    const hc = (p.cooperation / max) * half, hk = (p.conflict / max) * half;
    const tip = `${p.period}: ${p.cooperation} cooperation, ${p.conflict} conflict`;
    if (p.cooperation) svg.append(el("svg:rect", { class: "coop", x, y: mid - hc, width: bw, height: hc }, el("svg:title", { text: tip })));
    if (p.conflict) svg.append(el("svg:rect", { class: "conf", x, y: mid, width: bw, height: hk }, el("svg:title", { text: tip })));
    points.push(`${x + bw / 2},${mid - ((p.cooperation - p.conflict) / max) * half}`);
  });
  if (points.length > 1) svg.append(el("svg:path", { class: "net-line", d: "M" + points.join(" L") }));
  const every = Math.ceil(periods.length / 8);
  periods.forEach((p, i) => {
    if (i % every === 0) svg.append(el("svg:text", { x: left + i * step + step / 2, y: H - 6, "text-anchor": "middle", text: p.period }));
  });
  svg.append(el("svg:text", { x: 4, y: mid - half + 4, text: String(max) }));
  svg.append(el("svg:text", { x: 4, y: mid + half, text: String(max) }));
}

// A small force layout (Fruchterman-Reingold): nodes repel, edges pull, gravity keeps components
// together; a fixed number of steps from a seeded start, then the drawing is scaled to fill the box.
function layout(nodes, edges, W, H) {
  const k = 80;
  let seed = 7;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  for (const n of nodes) { n.x = (rand() - 0.5) * 400; n.y = (rand() - 0.5) * 400; }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const steps = 400;
  for (let step = 0; step < steps; step++) {
    const temp = 40 * (1 - step / steps) + 0.5;
    for (const n of nodes) { n.dx = -n.x * 0.4; n.dy = -n.y * 0.4; }
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i], b = nodes[j];
        const dx = a.x - b.x, dy = a.y - b.y;
        const d2 = Math.max(1, dx * dx + dy * dy);
        const f = (k * k) / d2; // repulsion k²/d along the unit vector
        a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
      }
    }
    for (const e of edges) {
      const a = byId.get(e.source), b = byId.get(e.target);
      if (!a || !b || a === b) continue;
      const dx = a.x - b.x, dy = a.y - b.y;
      const f = Math.hypot(dx, dy) / k; // attraction d²/k along the unit vector
      a.dx -= dx * f; a.dy -= dy * f; b.dx += dx * f; b.dy += dy * f;
    }
    for (const n of nodes) {
      const len = Math.max(1e-9, Math.hypot(n.dx, n.dy));
      n.x += (n.dx / len) * Math.min(len, temp);
      n.y += (n.dy / len) * Math.min(len, temp);
    }
  }
  const xs = nodes.map((n) => n.x), ys = nodes.map((n) => n.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min(x1 > x0 ? (W - 140) / (x1 - x0) : Infinity, y1 > y0 ? (H - 60) / (y1 - y0) : Infinity, 3);
  const s = Number.isFinite(scale) ? scale : 1;
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  for (const n of nodes) { n.x = W / 2 - 20 + (n.x - cx) * s; n.y = H / 2 + (n.y - cy) * s; }
  return byId;
}

async function drawNetwork() {
  const svg = $("#network");
  const { nodes, edges } = await api("/v1/network?top=60");
  svg.replaceChildren();
  if (!nodes.length) { svg.append(el("svg:text", { x: 20, y: 30, text: "No events in the store yet." })); return; }
  const byId = layout(nodes, edges, 760, 420);
  const maxEv = Math.max(1, ...edges.map((e) => e.events));
  for (const e of edges) {
    const a = byId.get(e.source), b = byId.get(e.target);
    if (a === b) continue;
    const coop = e.cooperation / Math.max(1, e.cooperation + e.conflict);
    const color = coop >= 0.5 ? "#2f9e44" : "#e03131";
    svg.append(el("svg:line", { class: "edge", x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: color, "stroke-width": 1 + (4 * e.events) / maxEv },
      el("svg:title", { text: `${e.source} → ${e.target}: ${e.events} events (${e.cooperation} cooperation, ${e.conflict} conflict)` })));
  }
  const maxN = Math.max(1, ...nodes.map((n) => n.events));
  for (const n of nodes) {
    const g = el("svg:g", { class: "node", transform: `translate(${n.x},${n.y})` });
    const r = 4 + (8 * n.events) / maxN;
    g.append(el("svg:circle", { r }, el("svg:title", { text: `${n.id}${n.name ? " (" + n.name + ")" : ""}: ${n.events} events` })));
    g.append(el("svg:text", { x: r + 3, y: 4, text: n.id }));
    svg.append(g);
  }
}

async function refreshStore() {
  if (!state.health || !state.health.store) return;
  const stats = await api("/v1/stats");
  $("#stats").textContent = `${stats.counts.articles} articles · ${stats.counts.events} events · ${stats.counts.quotes} quotes`;
  await Promise.all([loadEvents(false), loadDyadPicker().then(drawTimeline), drawNetwork()]);
}

// -- start -------------------------------------------------------------------------------------------

async function start() {
  $("#paste-go").addEventListener("click", codePasted);
  $("#article-close").addEventListener("click", () => { $("#article-panel").hidden = true; history.replaceState(null, "", "#"); });
  $("#more").addEventListener("click", () => loadEvents(true));
  $("#event-filters").addEventListener("submit", (ev) => {
    ev.preventDefault();
    state.filters = Object.fromEntries(new FormData(ev.target).entries());
    loadEvents(false);
  });
  for (const id of ["#dyad-a", "#dyad-b", "#freq"]) $(id).addEventListener("change", () => drawTimeline().catch(() => {}));
  state.health = await api("/healthz");
  $("#key-label").hidden = !state.health.auth;
  if (!state.health.store) {
    $("#store-panels").hidden = true;
    $("#no-store").hidden = false;
    for (const n of document.querySelectorAll(".store-only")) n.hidden = true;
    return;
  }
  await refreshStore();
  if (location.hash.startsWith("#article/")) openArticle(decodeURIComponent(location.hash.slice("#article/".length)));
}

start().catch((err) => { $("#stats").textContent = err.message; });
