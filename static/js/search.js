// search.js: the search box, over the static index of internal/search (its
// doc.go describes the files and the ranking). Loads nothing until used;
// builds results with DOM calls, never HTML strings.
(() => {
  'use strict';
  const input = document.getElementById('search-q');
  const box = document.getElementById('search-results');
  const form = input && input.form;
  if (!form || !box || !window.fetch) return;

  const LIMIT = 20, MAX_TERMS = 8, MIN_PREFIX = 2;
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

  // search resolves to the best results for q.
  async function search(q) {
    const meta = await get(dir + 'meta.json');
    const keys = meta.keySet || (meta.keySet = new Set(meta.shards));
    let ts = terms(q);
    let prefix = ts.length > 0 && q.toLowerCase().endsWith(ts[ts.length - 1]);
    if (ts.length > MAX_TERMS) { ts = ts.slice(0, MAX_TERMS); prefix = false; }
    const lists = await Promise.all(ts.map(async (t, i) => {
      // A term's shard has the longest key that begins it.
      const cps = [...t];
      let n = cps.length;
      while (n > 0 && !keys.has(cps.slice(0, n).join(''))) n--;
      const shard = n ? await get(shardFile(cps.slice(0, n).join(''))) : {};
      let names = own(shard, t) ? [t] : [];
      if (prefix && i === ts.length - 1 && cps.length >= MIN_PREFIX) {
        names = own(shard, t + '*') ? [t + '*']
          : Object.keys(shard).filter((k) => k.startsWith(t) && !k.endsWith('*'));
      }
      const scores = new Map();
      let complete = true;
      for (const k of names) {
        const a = shard[k];
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
    let docs = new Set();
    if (filters.length) {
      docs = [...filters[0].scores.keys()].filter((d) => filters.every((f) => f.scores.has(d)));
    } else {
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

  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    e.className = cls;
    e.textContent = text || '';
    return e;
  };
  const status = el('div', 'search-status');
  status.setAttribute('role', 'status');
  status.hidden = true;
  box.after(status);
  let options = [], active = -1, seq = 0;

  const say = (text, visible) => {
    status.textContent = text;
    status.hidden = !text;
    status.classList.toggle('visually-hidden', !visible);
  };
  function open(yes) {
    box.hidden = !yes || !options.length;
    status.hidden = !yes || !status.textContent;
    input.setAttribute('aria-expanded', String(!box.hidden));
    if (box.hidden) select(-1);
  }
  function select(i) {
    if (options[active]) options[active].setAttribute('aria-selected', 'false');
    active = i;
    if (i < 0) return input.removeAttribute('aria-activedescendant');
    options[i].setAttribute('aria-selected', 'true');
    input.setAttribute('aria-activedescendant', options[i].id);
    options[i].scrollIntoView({ block: 'nearest' });
  }
  // highlight appends text to parent, marking the query words where a word starts.
  function highlight(parent, text, ts) {
    const re = new RegExp('(?<![\\p{L}\\p{N}])(?:' +
      ts.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') + ')', 'giu');
    let at = 0;
    for (const m of text.matchAll(re)) {
      if (!m[0]) continue;
      parent.append(text.slice(at, m.index), el('mark', '', m[0]));
      at = m.index + m[0].length;
    }
    parent.append(text.slice(at));
    return parent;
  }
  function render(q, { hits, more, ts }) {
    // A search that lands after the reader moved with the arrows keeps
    // their choice when it is still among the results.
    const was = options[active] && options[active].href;
    select(-1);
    options = [];
    const groups = new Map(); // by section, in order of each one's best result
    for (const h of hits) groups.set(h.section, [...(groups.get(h.section) || []), h]);
    box.replaceChildren(...[...groups].map(([name, hs]) => {
      const g = el('div', 'search-group');
      g.setAttribute('role', 'group');
      g.setAttribute('aria-label', name);
      g.append(el('div', 'search-group-title', name));
      g.lastChild.setAttribute('aria-hidden', 'true');
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
    else say('No results for “' + q.trim() + '”', true);
    open(true);
    const keep = was ? options.findIndex((o) => o.href === was) : -1;
    if (keep >= 0) select(keep);
  }
  async function run() {
    const q = input.value, n = ++seq;
    if (!terms(q).length) {
      options = [];
      box.replaceChildren();
      say('', false);
      return open(false);
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
    const n = options.length, down = e.key === 'ArrowDown';
    if ((down || e.key === 'ArrowUp') && n) {
      e.preventDefault();
      open(true);
      select(((active < 0 && !down ? 0 : active) + (down ? 1 : -1) + n) % n);
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
