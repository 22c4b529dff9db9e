// search.js: the site search box. It queries the static index that
// internal/search writes (its doc.go describes the files and the ranking)
// and shows the best results under the box, grouped by section. It loads
// nothing until the box is first used, fetches only files under the site's
// base path, and builds the results with DOM calls, never HTML strings.
(() => {
  'use strict';
  const input = document.getElementById('search-q');
  const box = document.getElementById('search-results');
  const form = input && input.form;
  if (!form || !box || !window.fetch) return;

  const LIMIT = 20; // results shown
  const MAX_TERMS = 8; // query words used
  const MIN_PREFIX = 2; // shortest last word matched as a prefix
  const base = document.documentElement.dataset.base || '/';
  const dir = base + 'search/';
  // The tokenizer of internal/search/tokenize.go.
  const WORD = /[\p{L}\p{N}](?:\+\+|#)(?![\p{L}\p{N}\p{M}])|[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
  const terms = (s) => [...s.matchAll(WORD)].map((m) => m[0].toLowerCase()).filter((t) => [...t].length <= 32);
  const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

  const files = new Map();
  const get = (path) => {
    if (!files.has(path)) {
      files.set(path, fetch(path).then((r) => {
        if (!r.ok) throw new Error(path + ': ' + r.status);
        return r.json();
      }).catch((e) => { files.delete(path); throw e; }));
    }
    return files.get(path);
  };
  const shardFile = (key) => dir + 't/' + [...key].map((c) =>
    /[a-z0-9]/.test(c) ? c : '_' + c.codePointAt(0).toString(16) + '_').join('') + '.json';

  // search returns the best results for q: {doc, matched, score, path, title, section, snippet}.
  async function search(q) {
    const meta = await get(dir + 'meta.json');
    const keys = meta.keySet || (meta.keySet = new Set(meta.shards));
    let ts = terms(q);
    let prefix = ts.length > 0 && q.toLowerCase().endsWith(ts[ts.length - 1]);
    if (ts.length > MAX_TERMS) { ts = ts.slice(0, MAX_TERMS); prefix = false; }
    const lists = await Promise.all(ts.map(async (t, i) => {
      const cps = [...t];
      let key = null;
      for (let n = cps.length; n > 0 && key === null; n--) {
        if (keys.has(cps.slice(0, n).join(''))) key = cps.slice(0, n).join('');
      }
      const shard = key === null ? {} : await get(shardFile(key));
      let names = own(shard, t) ? [t] : [];
      if (prefix && i === ts.length - 1 && cps.length >= MIN_PREFIX) {
        names = own(shard, t + '*') ? [t + '*']
          : Object.keys(shard).filter((n) => n.startsWith(t) && !n.endsWith('*'));
      }
      const scores = new Map();
      let complete = true;
      for (const n of names) {
        const a = shard[n];
        if (a[0] !== (a.length - 1) / 2) complete = false;
        for (let j = 1, doc = 0; j < a.length; j += 2) {
          doc += a[j];
          if (!(scores.get(doc) >= a[j + 1])) scores.set(doc, a[j + 1]);
        }
      }
      return { scores, complete };
    }));
    // Complete lists are ANDed; a sampled list (a very common term) only adds score.
    const filters = lists.filter((l) => l.complete).sort((a, b) => a.scores.size - b.scores.size);
    let docs;
    if (filters.length) {
      docs = [...filters[0].scores.keys()].filter((d) => filters.every((f) => f.scores.has(d)));
    } else {
      docs = new Set();
      for (const l of lists) for (const d of l.scores.keys()) docs.add(d);
    }
    const hits = [];
    for (const doc of docs) {
      let matched = 0, score = 0;
      for (const l of lists) {
        const s = l.scores.get(doc);
        if (s !== undefined) { matched++; score += s; }
      }
      hits.push({ doc, matched, score });
    }
    hits.sort((a, b) => b.matched - a.matched || b.score - a.score || a.doc - b.doc);
    const top = hits.slice(0, LIMIT);
    await Promise.all(top.map(async (h) => {
      const e = (await get(dir + 'd/' + Math.floor(h.doc / meta.chunk) + '.json'))[h.doc % meta.chunk];
      Object.assign(h, { path: e[0], title: e[1], section: meta.sections[e[2]][1], snippet: e[3] });
    }));
    return { hits: top, more: hits.length > LIMIT, ts };
  }

  // The user interface.
  const status = document.createElement('div');
  status.className = 'search-status';
  status.setAttribute('role', 'status');
  status.hidden = true;
  box.after(status);
  let options = [];
  let active = -1;
  let seq = 0;

  const say = (text, visible) => {
    status.textContent = text;
    status.hidden = !text;
    status.classList.toggle('visually-hidden', !visible);
  };
  const open = (yes) => {
    box.hidden = !yes || options.length === 0;
    status.hidden = !yes || !status.textContent;
    input.setAttribute('aria-expanded', String(!box.hidden));
    if (box.hidden) select(-1);
  };
  function select(i) {
    if (active >= 0 && options[active]) options[active].setAttribute('aria-selected', 'false');
    active = i;
    if (i < 0) { input.removeAttribute('aria-activedescendant'); return; }
    options[i].setAttribute('aria-selected', 'true');
    input.setAttribute('aria-activedescendant', options[i].id);
    options[i].scrollIntoView({ block: 'nearest' });
  }
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    e.className = cls;
    if (text) e.textContent = text;
    return e;
  };
  // highlight appends text to parent with the query words at word starts marked.
  function highlight(parent, text, ts) {
    const esc = ts.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const re = new RegExp('(?<![\\p{L}\\p{N}])(?:' + esc.join('|') + ')', 'giu');
    let at = 0;
    for (const m of ts.length ? text.matchAll(re) : []) {
      if (!m[0]) continue;
      parent.append(text.slice(at, m.index), el('mark', '', m[0]));
      at = m.index + m[0].length;
    }
    parent.append(text.slice(at));
    return parent;
  }
  function render(q, { hits, more, ts }) {
    select(-1);
    options = [];
    const groups = new Map();
    for (const h of hits) {
      if (!groups.has(h.section)) groups.set(h.section, []);
      groups.get(h.section).push(h);
    }
    box.replaceChildren(...[...groups].map(([name, hs]) => {
      const g = el('div', 'search-group');
      g.setAttribute('role', 'group');
      g.setAttribute('aria-label', name);
      const head = el('div', 'search-group-title', name);
      head.setAttribute('aria-hidden', 'true');
      g.append(head);
      for (const h of hs) {
        const a = el('a', 'search-option');
        a.id = 'search-opt-' + options.length;
        a.href = base + h.path;
        a.tabIndex = -1;
        a.setAttribute('role', 'option');
        a.setAttribute('aria-selected', 'false');
        a.append(highlight(el('span', 'search-title'), h.title, ts));
        if (h.snippet) a.append(highlight(el('span', 'search-snippet'), h.snippet, ts));
        g.append(a);
        options.push(a);
      }
      return g;
    }));
    const n = hits.length;
    if (n) say(n + (more ? '+' : '') + (n === 1 ? ' result' : ' results'), false);
    else say(q.trim() ? 'No results for “' + q.trim() + '”' : '', true);
    open(true);
  }
  async function run() {
    const q = input.value;
    const n = ++seq;
    if (!terms(q).length) {
      options = [];
      box.replaceChildren();
      say('', false);
      open(false);
      return;
    }
    try {
      const r = await search(q);
      if (n === seq) render(q, r);
    } catch (e) {
      if (n === seq) say('Search is not available right now.', true);
    }
  }

  input.addEventListener('focus', () => {
    get(dir + 'meta.json').catch(() => {});
    if (options.length) open(true);
  });
  input.addEventListener('input', run);
  input.addEventListener('keydown', (e) => {
    const n = options.length;
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && n) {
      e.preventDefault();
      open(true);
      select(((active < 0 && e.key === 'ArrowUp' ? 0 : active) + (e.key === 'ArrowDown' ? 1 : -1) + n) % n);
    } else if (e.key === 'Enter' && active >= 0 && !box.hidden) {
      e.preventDefault();
      location.href = options[active].href;
    } else if (e.key === 'Escape') {
      if (!box.hidden || !status.hidden) {
        e.preventDefault();
        open(false);
        say('', false);
      } else if (input.value) {
        input.value = '';
        run();
      }
    }
  });
  form.addEventListener('focusout', (e) => {
    if (!form.contains(e.relatedTarget)) open(false);
  });
  document.addEventListener('keydown', (e) => {
    const t = e.target;
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented ||
      t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
    e.preventDefault();
    input.focus();
    input.select();
  });

  // The search page, opened with ?q=, shows the results at once.
  const q = new URLSearchParams(location.search).get('q');
  if (q && location.pathname.startsWith(dir)) {
    input.value = q;
    run();
  }
})();
