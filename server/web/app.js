// Dossier's search page: the URL holds the whole state (view, query, filters, sort, page,
// granularity), every change is a history entry, and the page is drawn from it by
// render(). Everything shown from the database goes into the DOM as text nodes, never as
// HTML, so article content cannot inject markup.
"use strict";

const PAGE_SIZE = 10;
const FACET_SIZE = 25;
const ACTOR_TYPES = [
  ["person", "People"],
  ["org", "Organisations"],
  ["country", "Countries"],
  ["place", "Places"],
];

// An actor filter is its type and name as listed ("person:Bush"): the name alone may be
// ambiguous (a bare surname beside full names ending with it), the pair never is. Chips
// show the name.
const actorFilter = (type, name) => `${type}:${name}`;
const TYPED_ACTOR = new RegExp(`^(${ACTOR_TYPES.map(([type]) => type).join("|")}):`);
const actorLabel = (filter) => filter.replace(TYPED_ACTOR, "");

// ---- state <-> URL ----

function readState() {
  const p = new URLSearchParams(location.search);
  return {
    view: p.get("view") || "search",
    id: p.get("id") || "",
    q: p.get("q") || "",
    actors: p.getAll("actor"),
    sources: p.getAll("source"),
    from: p.get("from") || "",
    to: p.get("to") || "",
    sort: p.get("sort") || "relevance",
    offset: Math.max(0, parseInt(p.get("offset") || "0", 10) || 0),
    granularity: p.get("granularity") || "month",
  };
}

function urlOf(s) {
  const p = new URLSearchParams();
  if (s.view !== "search") {
    p.set("view", s.view);
    p.set("id", s.id);
  }
  if (s.q) p.set("q", s.q);
  for (const a of s.actors) p.append("actor", a);
  for (const src of s.sources) p.append("source", src);
  if (s.from) p.set("from", s.from);
  if (s.to) p.set("to", s.to);
  if (s.sort !== "relevance") p.set("sort", s.sort);
  if (s.offset > 0) p.set("offset", String(s.offset));
  if (s.granularity !== "month") p.set("granularity", s.granularity);
  const query = p.toString();
  return "/" + (query ? "?" + query : "");
}

// A search state derived from the current one: filters change, so paging restarts.
function searchWith(changes) {
  return Object.assign(readState(), { view: "search", id: "", offset: 0 }, changes);
}

function go(s) {
  history.pushState(null, "", urlOf(s));
  render();
}

window.addEventListener("popstate", render);

// ---- DOM helpers ----

// el("a", {href: "/x", class: "c"}, "text", child...): attributes are set as attributes,
// children are nodes or strings (text nodes).
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === false || v === null || v === undefined) continue;
    node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

// A link to a state of the page: a real href (open in a new tab, keyboard, screen
// readers) whose plain click is a history step.
function link(state, attrs, ...children) {
  const a = el("a", Object.assign({ href: urlOf(state) }, attrs || {}), ...children);
  a.addEventListener("click", (e) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    go(state);
  });
  return a;
}

function svgEl(tag, attrs) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  return node;
}

function setStatus(text) {
  document.getElementById("status").textContent = text;
}

function plural(n, one, many) {
  return n.toLocaleString("en") + " " + (n === 1 ? one : many || one + "s");
}

// Text with the snippet's **marks** as <mark> elements.
function marked(text) {
  const out = [];
  text.split("**").forEach((part, i) => {
    if (part) out.push(i % 2 === 1 ? el("mark", null, part) : part);
  });
  return out;
}

// The words a snippet marked, to mark them in the title too.
function markedWords(snippet) {
  const words = new Set();
  snippet.split("**").forEach((part, i) => {
    if (i % 2 === 1 && part.trim()) words.add(fold(part.trim()));
  });
  return words;
}

function fold(s) {
  return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// `text` with every word whose folded form is in `words` inside <mark>.
function markWords(text, words) {
  if (words.size === 0) return [text];
  const out = [];
  let last = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (!words.has(fold(m[0]))) continue;
    out.push(text.slice(last, m.index), el("mark", null, m[0]));
    last = m.index + m[0].length;
  }
  out.push(text.slice(last));
  return out;
}

async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  let body;
  try {
    body = await response.json();
  } catch (e) {
    throw new Error("HTTP " + response.status);
  }
  if (!response.ok) throw new Error(body.error || "HTTP " + response.status);
  return body;
}

// ---- dates ----

function isoDay(d) {
  return d.toISOString().slice(0, 10);
}

// The first and last day a date bucket covers, as the API's from/to take them.
function bucketRange(bucket) {
  const week = /^(\d{4})-W(\d{2})$/.exec(bucket);
  if (!week) return [bucket, bucket];  // YYYY, YYYY-MM, YYYY-MM-DD: inclusive as they are
  const jan4 = new Date(Date.UTC(+week[1], 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - (jan4.getUTCDay() || 7) + 1 + (+week[2] - 1) * 7);
  const sunday = new Date(monday);
  sunday.setUTCDate(monday.getUTCDate() + 6);
  return [isoDay(monday), isoDay(sunday)];
}

// ---- the timeline (plain SVG) ----

// Bars of [{bucket, count}]; each bar is a keyboard-reachable button calling
// onPick(first, last) with its bucket twice; dragging from one bar to another (mouse or
// pen) picks the buckets between them.
function timelineChart(buckets, undated, label, onPick) {
  let dragFrom = null;  // the bar a drag started on
  const box = el("div", { class: "chart" });
  if (buckets.length === 0) {
    box.append(el("p", { class: "muted" }, "No dated articles."));
  } else {
    const width = 720, height = 140, top = 8, bottom = 22;
    const max = Math.max(...buckets.map((b) => b.count), 1);
    // Bars at most 56 units wide, centred: a few buckets should not look like a wall.
    const step = Math.min(width / buckets.length, 56);
    const left = (width - step * buckets.length) / 2;
    const svg = svgEl("svg", {
      viewBox: `0 0 ${width} ${height}`, class: "bars", role: "group", "aria-label": label,
    });
    buckets.forEach((b, i) => {
      const h = b.count === 0 ? 0 : Math.max(2, ((height - top - bottom) * b.count) / max);
      const g = svgEl("g", {
        class: "bar", tabindex: b.count > 0 ? 0 : -1, role: "button",
        "aria-label": `${b.bucket}: ${plural(b.count, "article")}`, "data-bucket": b.bucket,
      });
      const title = svgEl("title");
      title.textContent = `${b.bucket}: ${plural(b.count, "article")}`;
      g.append(title);
      // A full-height hit area, so short bars are easy to click.
      g.append(svgEl("rect", { x: left + i * step, y: top, width: step,
                               height: height - top - bottom, class: "hit-area" }));
      g.append(svgEl("rect", { x: left + i * step + step * 0.1, y: height - bottom - h,
                               width: Math.max(1, step * 0.8), height: h, class: "fill" }));
      g.addEventListener("pointerdown", () => (dragFrom = i));
      // A drag ends on another bar; a click (same bar) is handled by "click" below.
      g.addEventListener("pointerup", () => {
        if (dragFrom !== null && dragFrom !== i) {
          onPick(buckets[Math.min(dragFrom, i)].bucket, buckets[Math.max(dragFrom, i)].bucket);
        }
        dragFrom = null;
      });
      if (b.count > 0) {
        g.addEventListener("click", () => onPick(b.bucket, b.bucket));
        g.addEventListener("keydown", (e) => {
          if (e.key === "Enter" || e.key === " ") {
            e.preventDefault();
            onPick(b.bucket, b.bucket);
          }
        });
      }
      svg.append(g);
    });
    // First and last labels (and the middle one when there is room).
    const labels = [0, buckets.length - 1];
    if (buckets.length > 4) labels.splice(1, 0, Math.floor(buckets.length / 2));
    for (const i of new Set(labels)) {
      const t = svgEl("text", {
        x: Math.min(width - 2, Math.max(2, left + i * step + step / 2)), y: height - 6,
        "text-anchor": buckets.length === 1 ? "middle"
          : i === 0 ? "start" : i === buckets.length - 1 ? "end" : "middle",
        class: "axis",
      });
      t.textContent = buckets[i].bucket;
      svg.append(t);
    }
    box.append(svg);
  }
  box.append(el("p", { class: "muted undated" }, `Undated: ${plural(undated, "article")}`));
  return box;
}

function granularitySwitch(id, current, onChange) {
  const select = el("select", { id });
  for (const g of ["day", "week", "month", "year"])
    select.append(el("option", { value: g, selected: g === current }, g));
  select.addEventListener("change", () => onChange(select.value));
  return el("label", { class: "granularity" }, "Buckets ", select);
}

// ---- the search view ----

function chipsFor(s) {
  const box = document.getElementById("chips");
  box.replaceChildren();
  const chip = (kind, text, without) =>
    el("li", null, link(without, { class: "chip", "aria-label": `Remove filter ${kind} ${text}` },
                        el("span", { class: "chip-kind" }, kind), " ", text, " ",
                        el("span", { "aria-hidden": "true" }, "×")));
  const list = el("ul", { class: "chip-list" });
  s.actors.forEach((a, i) => list.append(chip("actor", actorLabel(a), searchWith({
    actors: s.actors.filter((_, k) => k !== i) }))));
  s.sources.forEach((src, i) => list.append(chip("source", src, searchWith({
    sources: s.sources.filter((_, k) => k !== i) }))));
  if (s.from || s.to) {
    const range = s.from === s.to ? s.from : `${s.from || "…"} – ${s.to || "…"}`;
    list.append(chip("date", range, searchWith({ from: "", to: "" })));
  }
  if (list.children.length === 0) return;
  box.append(list);
  if (list.children.length > 1)
    box.append(link(searchWith({ actors: [], sources: [], from: "", to: "" }),
                    { class: "clear" }, "Clear all filters"));
}

// One facet: a heading, a filter box over its entries, and a button per entry. An entry's
// `value` is what its filter holds (its name unless given).
function facetSection(id, title, entries, active, onPick) {
  const section = el("section", { class: "facet", "aria-labelledby": id + "-h" });
  section.append(el("h2", { id: id + "-h" }, title));
  if (entries.length === 0) {
    section.append(el("p", { class: "muted" }, "None"));
    return section;
  }
  const filter = el("input", { type: "search", id: id + "-filter", class: "facet-filter",
                               placeholder: "Filter", autocomplete: "off" });
  section.append(el("label", { for: id + "-filter", class: "visually-hidden" },
                    "Filter " + title.toLowerCase()), filter);
  const list = el("ul", { class: "facet-list" });
  for (const e of entries) {
    const value = e.value || e.name;
    const isActive = active.includes(value);
    const button = el("button", { type: "button", class: "facet-entry", "aria-pressed": isActive,
                                  "data-name": e.name, "data-count": e.count },
                      el("span", { class: "facet-name" }, e.name),
                      el("span", { class: "count" }, e.count.toLocaleString("en")));
    button.addEventListener("click", () => onPick(value));
    list.append(el("li", { "data-folded": fold(e.name) }, button));
  }
  filter.addEventListener("input", () => {
    const wanted = fold(filter.value.trim());
    for (const li of list.children) li.hidden = !li.dataset.folded.includes(wanted);
  });
  section.append(list);
  return section;
}

function facetsFor(s, result) {
  const box = document.getElementById("facets");
  box.replaceChildren();
  const actors = (result.facets && result.facets.actor) || [];
  for (const [type, title] of ACTOR_TYPES) {
    const entries = actors.filter((a) => a.type === type)
      .map((a) => Object.assign({ value: actorFilter(a.type, a.name) }, a));
    box.append(facetSection("facet-" + type, title, entries, s.actors, (value) => {
      if (!s.actors.includes(value)) go(searchWith({ actors: [...s.actors, value] }));
    }));
  }
  const sources = ((result.facets && result.facets.source) || []).map((x) => (
    { name: x.source, count: x.count }));
  box.append(facetSection("facet-source", "Sources", sources, s.sources, (name) => {
    if (!s.sources.includes(name)) go(searchWith({ sources: [...s.sources, name] }));
  }));
}

function timelineFor(s, result) {
  const box = document.getElementById("timeline");
  const facets = result.facets || {};
  box.replaceChildren(
    el("div", { class: "timeline-head" }, el("h2", null, "Timeline"),
       granularitySwitch("granularity", s.granularity,
                         (g) => go(Object.assign(readState(), { granularity: g, offset: 0 })))),
    timelineChart(facets.date || [], facets.undated || 0, "Matching articles per " + s.granularity,
                  (first, last) => {
                    go(searchWith({ from: bucketRange(first)[0], to: bucketRange(last)[1] }));
                  }));
}

function actorState(name, type) {
  return { view: "actor", id: `${type}:${name}`, q: "", actors: [], sources: [], from: "", to: "",
           sort: "relevance", offset: 0, granularity: "month" };
}

function docState(id) {
  return { view: "doc", id, q: "", actors: [], sources: [], from: "", to: "",
           sort: "relevance", offset: 0, granularity: "month" };
}

function hitItem(hit) {
  const words = markedWords(hit.snippet || "");
  const meta = el("p", { class: "meta" },
                  el("span", { class: "date" }, hit.date || "undated"),
                  hit.date_source ? el("span", { class: "muted" }, ` (${hit.date_source})`) : null);
  const actors = el("ul", { class: "actor-chips", "aria-label": "Actors" });
  for (const a of hit.actors)
    actors.append(el("li", null, link(actorState(a.name, a.type), { class: "actor-chip " + a.type },
                                      a.name)));
  return el("li", { class: "hit" },
            el("h3", null, link(docState(hit.id), { class: "title" }, markWords(hit.title || hit.id, words))),
            meta, actors,
            el("p", { class: "snippet" }, marked(hit.snippet || "")));
}

function pagerFor(s, result) {
  const box = document.getElementById("pager");
  box.replaceChildren();
  if (result.total <= PAGE_SIZE) return;
  const pages = Math.ceil(result.total / PAGE_SIZE);
  const page = Math.floor(s.offset / PAGE_SIZE) + 1;
  if (page > 1)
    box.append(link(Object.assign({}, s, { offset: s.offset - PAGE_SIZE }), { rel: "prev" }, "← Previous"));
  box.append(el("span", { class: "muted" }, ` Page ${page} of ${pages} `));
  if (page < pages)
    box.append(link(Object.assign({}, s, { offset: s.offset + PAGE_SIZE }), { rel: "next" }, "Next →"));
}

async function renderSearch(s, generation) {
  document.getElementById("q").value = s.q;
  document.getElementById("sort").value = s.sort;
  const p = new URLSearchParams({ q: s.q, facets: "actor,date,source", facet_size: FACET_SIZE,
                                  granularity: s.granularity, sort: s.sort, limit: PAGE_SIZE,
                                  offset: s.offset });
  for (const a of s.actors) p.append("actor", a);
  for (const src of s.sources) p.append("source", src);
  if (s.from) p.set("from", s.from);
  if (s.to) p.set("to", s.to);
  const result = await api("/api/v1/search?" + p);
  if (generation !== current) return;
  chipsFor(s);
  facetsFor(s, result);
  timelineFor(s, result);
  const hits = document.getElementById("hits");
  hits.start = s.offset + 1;
  hits.replaceChildren(...result.hits.map(hitItem));
  pagerFor(s, result);
  const shown = result.hits.length
    ? `${s.offset + 1}–${s.offset + result.hits.length} of ` : "";
  document.getElementById("summary").textContent =
    shown + plural(result.total, "article") + (result.total_exact ? "" : " (estimated)");
  document.title = s.q ? `${s.q} – Dossier` : "Dossier";
}

// ---- the article view ----

// Where the article's actors are named in `text`: each actor's own spelling in this
// article, and a person's family name alone.
function mentionPattern(actors) {
  const byPhrase = new Map();
  for (const a of actors) {
    const phrases = [a.name];
    if (a.type === "person") {
      const family = a.name.split(/\s+/).pop();
      if (family && family.length > 3) phrases.push(family);
    }
    for (const p of phrases) if (!byPhrase.has(fold(p))) byPhrase.set(fold(p), a);
  }
  const phrases = [...byPhrase.keys()].sort((x, y) => y.length - x.length).map(escapeRegExp);
  if (phrases.length === 0) return null;
  return { byPhrase, regexp: new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases.join("|")})(?![\\p{L}\\p{N}])`, "giu") };
}

// A paragraph with the actors' mentions as links to their pages. Matching runs on the
// folded text, which keeps the length of ASCII text; elsewhere it only marks less.
function paragraphWithMentions(text, pattern) {
  const p = el("p");
  if (!pattern) {
    p.append(text);
    return p;
  }
  const folded = fold(text);
  const sameLength = folded.length === text.length;
  const source = sameLength ? folded : text.toLowerCase();
  let last = 0;
  for (const m of source.matchAll(pattern.regexp)) {
    const actor = pattern.byPhrase.get(fold(m[0]));
    if (!actor) continue;
    p.append(text.slice(last, m.index),
             link(actorState(actor.display_name, actor.type),
                  { class: "mention " + actor.type, title: `${actor.display_name} (${actor.type})` },
                  text.slice(m.index, m.index + m[0].length)));
    last = m.index + m[0].length;
  }
  p.append(text.slice(last));
  return p;
}

function safeUrl(url) {
  return /^https?:\/\//i.test(url || "") ? url : null;
}

async function renderDoc(s, generation) {
  const body = await api("/api/v1/documents/" + encodeURIComponent(s.id));
  if (generation !== current) return;
  const d = body.document;
  const view = document.getElementById("doc-view");
  const provenance = d.date ? `${d.date} (date from ${d.date_source})` : "undated";
  const url = safeUrl(d.url);
  const actors = el("ul", { class: "actor-chips" });
  for (const a of d.actors) {
    actors.append(el("li", null, link(actorState(a.display_name, a.type), { class: "actor-chip " + a.type },
                                      a.display_name, el("span", { class: "count" }, String(a.mentions)))));
  }
  const pattern = mentionPattern(d.actors);
  const text = el("div", { class: "text" });
  for (const para of d.text.split(/\n+/)) if (para.trim()) text.append(paragraphWithMentions(para, pattern));
  view.replaceChildren(
    el("p", null, backButton()),
    el("h1", null, d.title || d.id),
    el("p", { class: "meta" }, provenance,
       d.source ? [" · ", link(searchWith({ sources: [d.source], q: "", actors: [], from: "", to: "" }), null, d.source)] : null,
       url ? [" · ", el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank" }, "original")] : null,
       " · ", el("span", { class: "muted" }, d.id)),
    el("h2", { class: "visually-hidden" }, "Actors"), actors,
    el("h2", { class: "visually-hidden" }, "Text"), text);
  document.title = `${d.title || d.id} – Dossier`;
}

function backButton() {
  const b = el("button", { type: "button", class: "back" }, "← Back");
  b.addEventListener("click", () => (history.length > 1 ? history.back() : go(searchWith({}))));
  return b;
}

// ---- the actor view ----

async function renderActor(s, generation) {
  const body = await api(`/api/v1/actors/${encodeURIComponent(s.id)}?granularity=${s.granularity}`);
  if (generation !== current) return;
  const a = body.actor;
  const view = document.getElementById("actor-view");
  const onlyActor = { q: "", actors: [actorFilter(a.type, a.name)], sources: [], from: "", to: "" };
  const coActors = el("ol", { class: "co-actors" });
  for (const c of a.co_actors) {
    coActors.append(el("li", null,
                       link(actorState(c.name, c.type), { class: "actor-chip " + c.type }, c.name),
                       " ", link(searchWith(Object.assign({}, onlyActor, {
                         actors: [actorFilter(a.type, a.name), actorFilter(c.type, c.name)] })),
                                 { class: "count", title: `Articles naming both ${a.name} and ${c.name}` },
                                 plural(c.articles, "article"))));
  }
  const recent = el("ol", { class: "recent" });
  for (const r of a.recent)
    recent.append(el("li", null, el("span", { class: "date" }, r.date || "undated"), " ",
                     link(docState(r.id), null, r.title || r.id)));
  const aliases = a.aliases.map((x) => `${x.name} (${x.articles})`).join(", ");
  view.replaceChildren(
    el("p", null, backButton()),
    el("h1", null, a.name, " ", el("span", { class: "actor-type " + a.type }, a.type)),
    el("p", { class: "meta" }, plural(a.articles, "article"), " · ",
       link(searchWith(onlyActor), null, "search its articles")),
    el("p", { class: "muted" }, "Written as: " + aliases),
    el("section", { "aria-labelledby": "actor-timeline-h", class: "timeline" },
       el("div", { class: "timeline-head" }, el("h2", { id: "actor-timeline-h" }, "Timeline"),
          granularitySwitch("actor-granularity", s.granularity,
                            (g) => go(Object.assign(readState(), { granularity: g })))),
       timelineChart(a.timeline.buckets, a.timeline.undated, `Articles naming ${a.name} per ${s.granularity}`,
                     (first, last) => {
                       go(searchWith(Object.assign({}, onlyActor, {
                         from: bucketRange(first)[0], to: bucketRange(last)[1] })));
                     })),
    el("div", { class: "columns" },
       el("section", { "aria-labelledby": "co-h" }, el("h2", { id: "co-h" }, "Named with"), coActors),
       el("section", { "aria-labelledby": "recent-h" }, el("h2", { id: "recent-h" }, "Latest articles"), recent)));
  document.title = `${a.name} – Dossier`;
}

// ---- drawing ----

let current = 0;  // the latest render; answers to earlier ones are dropped

async function render() {
  const s = readState();
  const generation = ++current;
  document.getElementById("search-view").hidden = s.view !== "search";
  document.getElementById("doc-view").hidden = s.view !== "doc";
  document.getElementById("actor-view").hidden = s.view !== "actor";
  setStatus("Loading…");
  document.body.dataset.state = "loading";
  try {
    if (s.view === "doc") await renderDoc(s, generation);
    else if (s.view === "actor") await renderActor(s, generation);
    else await renderSearch(s, generation);
    if (generation === current) setStatus("");
  } catch (e) {
    if (generation === current) setStatus("Error: " + e.message);
  }
  if (generation === current) {
    document.body.dataset.state = "ready";
    document.body.dataset.render = String(generation);
  }
}

document.getElementById("search-form").addEventListener("submit", (e) => {
  e.preventDefault();
  go(searchWith({ q: document.getElementById("q").value.trim() }));
});
document.getElementById("sort").addEventListener("change", (e) => {
  go(searchWith({ sort: e.target.value }));
});
document.getElementById("home").addEventListener("click", (e) => {
  e.preventDefault();
  go(searchWith({ q: "", actors: [], sources: [], from: "", to: "", sort: "relevance" }));
});

render();
