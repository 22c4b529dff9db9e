// search.js: the search box, over the static index of internal/search (its
// doc.go describes the files and the ranking). Loads nothing until used;
// builds results with DOM calls, never HTML strings. On the search page
// (search/?q=) it shows the full results, with filters, in the page.
(() => {
  'use strict';
  const input = document.getElementById('search-q');
  const box = document.getElementById('search-results');
  const form = input && input.form;
  if (!form || !box || !window.fetch) return;
  // The stemmer (search/stem.js) comes with the first search.
  let stem, fold, edits, STOP, stemmer;
  const ready = () => stemmer || (stemmer = import(dir + 'stem.js')
    .then((m) => { ({ stem, fold, edits, STOP } = m); }, (e) => { stemmer = null; throw e; }));
  const LIMIT = 10, PAGE_LIMIT = 50, PASSAGES = 5, PAUSE = 150, MAX_TERMS = 8, MIN_PREFIX = 2;
  const base = document.documentElement.dataset.base || '/';
  const dir = base + 'search/';
  // The tokenizer of internal/search/tokenize.go.
  const WORD = /[\p{L}\p{N}](?:\+\+|#)(?![\p{L}\p{N}\p{M}])|[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
  const tokens = (s) => [...s.matchAll(WORD)].map((m) => m[0].toLowerCase()).filter((t) => [...t].length <= 32);
  const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  const stems = new Map();
  const stemOf = (t) => { let s = stems.get(t); if (s === undefined) stems.set(t, s = stem(t)); return s; };

  const files = new Map();
  // forms holds the form of a term that has one, taken out of its entry:
  // the word of the site that stands for it.
  const forms = new Map(), formOf = (k) => forms.get(k) || k;
  const get = (path) => {
    if (!files.has(path)) {
      files.set(path, fetch(path).then((r) => {
        if (!r.ok) throw new Error(path + ': ' + r.status);
        return r.json();
      }).then((o) => {
        if (path.startsWith(dir + 't/')) for (const k in o) if (typeof o[k][0] === 'string') forms.set(k, o[k].shift());
        return o;
      }).catch((e) => { files.delete(path); throw e; }));
    }
    return files.get(path);
  };
  const shardFile = (key) => dir + 't/' + [...key].map((c) =>
    /[a-z0-9]/.test(c) ? c : '_' + c.codePointAt(0).toString(16) + '_').join('') + '.json';
  // shard resolves to the shard that holds term t: the one with the longest key that begins it.
  async function shard(meta, t) {
    const keys = meta.keySet || (meta.keySet = new Set(meta.shards));
    const cps = [...t];
    let n = cps.length;
    while (n > 0 && !keys.has(cps.slice(0, n).join(''))) n--;
    return n ? get(shardFile(cps.slice(0, n).join(''))) : {};
  }
  // near lists the terms of sh within max edits of s, nearest first, then by pages.
  const near = (sh, s, max) => Object.keys(sh).filter((k) => !k.endsWith('*'))
    .map((k) => ({ k, d: edits(s, k, max), df: sh[k][0] })).filter((c) => c.d <= max)
    .sort((x, y) => x.d - y.d || y.df - x.df || (x.k < y.k ? -1 : 1));
  const idf = (n, df) => Math.round(1000 * Math.log(1 + (n - df + 0.5) / (df + 0.5)));
  // merge unites entries, keeping each page's best score (a value's low
  // byte) and its names (the rest), and weighs them by the idf of their
  // pages (of the largest df, if one is a sample).
  function merge(entries, n) {
    const scores = new Map(), names = new Map();
    let df = 0, complete = true;
    for (const a of entries) {
      df = Math.max(df, a[0]);
      complete = complete && a[0] === (a.length - 1) / 2;
      for (let j = 1, doc = 0; j < a.length; j += 2) {
        doc += a[j];
        if (!(scores.get(doc) >= (a[j + 1] & 255))) scores.set(doc, a[j + 1] & 255);
        names.set(doc, names.get(doc) | a[j + 1] >> 8);
      }
    }
    return { scores, names, complete, w: idf(n, complete ? scores.size : df) };
  }

  // search resolves to the ranked pages for q (see internal/search/doc.go, Queries).
  async function search(q) {
    const [meta] = await Promise.all([get(dir + 'meta.json'), ready()]);
    let ts = tokens(q);
    let prefix = ts.length > 0 && q.toLowerCase().endsWith(ts[ts.length - 1]);
    const words = ts.filter((t) => !STOP.has(t));
    if (words.length) {
      if (STOP.has(ts[ts.length - 1])) prefix = false;
      ts = words;
    }
    if (ts.length > MAX_TERMS) { ts = ts.slice(0, MAX_TERMS); prefix = false; }
    const fixes = [];
    const lists = await Promise.all(ts.map(async (t, i) => {
      const s = stemOf(t), sh = await shard(meta, s);
      const exact = own(sh, s) ? [sh[s]] : [], entries = [];
      let part = false;
      if (prefix && i === ts.length - 1 && [...t].length >= MIN_PREFIX) {
        const f = fold(t), ph = await shard(meta, f), w = fold(formOf(s));
        // A word still short of its term's form ("tabl" of "table") is a
        // prefix, though its term still counts for the names.
        part = w !== f && w.startsWith(f);
        if (own(ph, f + '*')) entries.push(ph[f + '*']);
        else for (const k of Object.keys(ph)) if (k.startsWith(f) && !k.endsWith('*') && k !== s) entries.push(ph[k]);
      }
      const len = [...t].length;
      if (!exact.length && !entries.length && len >= 5 && !STOP.has(t)) {
        const c = near(sh, s, len >= 8 ? 2 : 1)[0];
        if (c) {
          exact.push(sh[c.k]);
          fixes.push([t, c.k]);
        }
      }
      return { exact: merge(exact, meta.docs), all: merge(exact.concat(entries), meta.docs), part };
    }));
    // A page's count of words matched, of those matched exactly (not only
    // as a prefix; ex has bit i for word i; a sample, which may leave out
    // pages it has, is not counted), of those in a name of n terms
    // (names[n-1]), and its score.
    const byDoc = new Map();
    lists.forEach(({ exact, all, part }, i) => {
      for (const [doc, s] of all.scores) {
        const h = byDoc.get(doc) || { doc, matched: 0, exact: 0, ex: 0, names: [0, 0, 0, 0, 0, 0, 0, 0], score: 0 };
        const x = exact.scores.get(doc);
        h.matched++;
        if (x === undefined || part) h.score += all.w * s;
        else { h.exact += exact.complete; h.ex |= 1 << i; h.score += exact.w * x; }
        if (x !== undefined) h.names.forEach((c, b) => { h.names[b] += exact.names.get(doc) >> b & 1; });
        byDoc.set(doc, h);
      }
    });
    // A page is named by the query if n words are in names of n terms.
    for (const h of byDoc.values()) h.named = h.names.reduce((m, c, b) => c > b ? b + 1 : m, 0);
    const hits = [...byDoc.values()].sort((a, b) => b.matched - a.matched || b.exact - a.exact || b.named - a.named ||
      b.score - a.score || a.doc - b.doc);
    return { meta, hits, ts, prefix, fixes };
  }
  // row resolves to page doc's entry in the page table: row doc / buckets of bucket doc % buckets.
  const row = async (meta, doc) => {
    const e = (await get(dir + 'd/' + doc % meta.buckets + '.json'))[Math.floor(doc / meta.buckets)];
    const sec = meta.sections[e[2]];
    return { path: e[0], title: e[1], section: sec[1], key: sec[0], snippet: e[3], filter: e[4] || '' };
  };
  // passages resolves to the sections of the page at path (internal/search/passages.go).
  const passages = (path) => get(dir + 'x/' + ([...path.replace(/\/$/, '')].map((c) => /[a-z0-9-]/.test(c) ? c
    : c === '/' ? '.' : '_' + c.codePointAt(0).toString(16) + '_').join('') || '_') + '.json');
  // matcher returns, for a hit, a test of whether a word of the text counts
  // as a query word: the last word's prefix counts where the hit matched
  // it only as a prefix.
  function matcher({ ts, prefix, fixes }) {
    const want = new Set(ts.map(stemOf)), n = ts.length - 1;
    for (const [, to] of fixes) want.add(to);
    const last = prefix && [...ts[n]].length >= MIN_PREFIX ? fold(ts[n]) : null;
    return (h) => h.match || (h.match = (w) => {
      const t = fold(w.toLowerCase()), s = stemOf(t);
      return want.has(s) || (last !== null && !(h.ex >> n & 1) && (t.startsWith(last) || s.startsWith(last))) ? s : null;
    });
  }
  // words lists the words of text with their places, and which query word each is.
  const words = (text, match) => [...text.matchAll(WORD)].map((m) => ({ at: m.index, end: m.index + m[0].length, q: match(m[0]) }));
  const MAX_PASSAGE = 240;
  // best picks from sections the passage of one or two sentences with the most
  // distinct query words, then the most matches; and the sections that match.
  function best(sections, match) {
    let top = null;
    const subs = [];
    sections.forEach(([id, heading, text], si) => {
      const sents = text.split(/(?<=[.!?:])\s+|\n+/).filter((s) => s.trim());
      const scored = sents.map((s) => ({ s, ws: words(s, match).filter((w) => w.q) }));
      let found = new Set();
      for (let i = 0; i < scored.length; i++) {
        const pair = scored[i].s.length < MAX_PASSAGE / 2 && i + 1 < scored.length ? [scored[i], scored[i + 1]] : [scored[i]];
        const ws = pair.flatMap((p) => p.ws);
        const distinct = new Set(ws.map((w) => w.q)).size;
        ws.forEach((w) => found.add(w.q));
        const score = distinct * 1000 + Math.min(ws.length, 999);
        if (ws.length && (!top || score > top.score)) top = { score, text: pair.map((p) => p.s).join(' ') };
      }
      words(heading, match).forEach((w) => w.q && found.add(w.q));
      if (id && found.size) subs.push({ id, heading, n: found.size, si });
    });
    subs.sort((a, b) => b.n - a.n || a.si - b.si);
    return { text: top ? clip(top.text, match) : '', subs: subs.slice(0, 3) };
  }
  // clip shortens text to about MAX_PASSAGE characters around its first match.
  function clip(text, match) {
    if (text.length <= MAX_PASSAGE) return text;
    const first = words(text, match).find((w) => w.q);
    let from = first ? Math.max(0, first.at - 60) : 0;
    if (from > 0) from = text.indexOf(' ', from) + 1 || from;
    let to = Math.min(text.length, from + MAX_PASSAGE);
    if (to < text.length) to = text.lastIndexOf(' ', to) > from ? text.lastIndexOf(' ', to) : to;
    return (from > 0 ? '… ' : '') + text.slice(from, to) + (to < text.length ? ' …' : '');
  }
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    e.textContent = text || '';
    return e;
  };
  // marked returns an element of text with the query words in <mark>.
  function marked(tag, cls, text, match) {
    const e = el(tag, cls);
    let at = 0;
    for (const w of words(text, match)) {
      if (!w.q) continue;
      e.append(text.slice(at, w.at), el('mark', '', text.slice(w.at, w.end)));
      at = w.end;
    }
    e.append(text.slice(at));
    return e;
  }
  // details resolves to the page table entries of hits and, for the first n, their passages.
  function details(meta, hits, n, match) {
    return Promise.all(hits.map(async (h, i) => {
      Object.assign(h, await row(meta, h.doc));
      if (i < n) {
        try { Object.assign(h, best(await passages(h.path), match(h))); } catch (e) { /* the summary stands in */ }
      }
      return h;
    }));
  }
  const page = location.pathname.startsWith(dir) ? document.getElementById('search-page') : null;
  const status = el('div', 'search-status');
  status.setAttribute('role', 'status');
  status.hidden = true;
  box.after(status);
  const help = el('div', 'search-help');
  help.hidden = true;
  status.after(help);
  let options = [], active = -1, seq = 0;

  const say = (text, visible) => {
    if (status.textContent !== text) status.textContent = text; // the same words are not announced again
    status.hidden = !text;
    status.classList.toggle('visually-hidden', !visible);
  };
  function open(yes) {
    box.hidden = !yes || !options.length;
    status.hidden = !yes || !status.textContent;
    help.hidden = !yes || !help.childNodes.length;
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
  const link = (href, text) => { const a = el('a', '', text); a.href = href; return a; };
  const queryURL = (q) => dir + '?q=' + encodeURIComponent(q);
  // summary says how many results there are, and what a correction changed.
  const fixed = (r) => r.fixes.length ? 'Showing results for ' + r.fixes.map(([from, to]) => '“' + formOf(to) + '” instead of “' + from + '”').join(', ') : '';
  function summary(q, r, n) {
    return (n ? n + (n === 1 ? ' result' : ' results') : 'No results for “' + q.trim() + '”') +
      (r.fixes.length ? '. ' + fixed(r) : '');
  }
  // suggest fills help with the nearest words to the query's and the section lists.
  async function suggest(r, into) {
    const seen = new Set(), near2 = [];
    for (const t of r.ts) {
      if ([...t].length < 3 || STOP.has(t)) continue;
      const s = stemOf(t);
      for (const c of near(await shard(r.meta, s), s, 2).slice(0, 3)) {
        const w = formOf(c.k);
        if (!seen.has(w)) { seen.add(w); near2.push(w); }
      }
    }
    const p = el('p', '', near2.length ? 'Nearest words: ' : '');
    near2.forEach((w, i) => p.append(i ? ', ' : '', link(queryURL(w), w)));
    const s = el('p', '', 'Browse ');
    r.meta.sections.filter(([k]) => k).forEach(([k, title], i) => s.append(i ? ', ' : '', link(base + k + '/', title)));
    into.replaceChildren(...(near2.length ? [p] : []), s);
  }
  function option(href, cls) {
    const a = el('a', 'search-option' + cls);
    a.id = 'search-opt-' + options.length;
    a.href = href;
    a.tabIndex = -1;
    a.setAttribute('role', 'option');
    a.setAttribute('aria-selected', 'false');
    options.push(a);
    return a;
  }
  function render(q, r, hits, match) {
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
        const a = option(base + h.path, '');
        a.append(marked('span', 'search-title', h.title, match(h)));
        if (h.text || h.snippet) a.append(marked('span', 'search-snippet', h.text || h.snippet, match(h)));
        g.append(a);
        for (const s of h.subs || []) {
          const o = option(base + h.path + '#' + s.id, ' search-sub');
          o.append(marked('span', '', s.heading, match(h)));
          g.append(o);
        }
      }
      return g;
    }));
    if (r.fixes.length && hits.length) {
      box.prepend(el('div', 'search-fix', fixed(r)));
      box.firstChild.setAttribute('aria-hidden', 'true'); // the status says it
    }
    say(summary(q, r, r.hits.length), !r.hits.length);
    help.replaceChildren();
    if (!r.hits.length) suggest(r, help).then(() => open(true), () => {});
    open(true);
    const keep = was ? options.findIndex((o) => o.href === was) : -1;
    if (keep >= 0) select(keep);
  }
  async function run() {
    const q = input.value, n = ++seq;
    if (!tokens(q).length) {
      options = [];
      box.replaceChildren();
      help.replaceChildren();
      say('', false);
      if (page) page.hidden = true;
      return open(false);
    }
    try {
      const r = await search(q);
      if (n !== seq) return;
      const match = matcher(r);
      // The search page shows the full results in the page, and the
      // dropdown as every page does.
      if (page) {
        const m = await import(dir + 'page.js');
        await m.renderPage({ page, base, LIMIT, PAGE_LIMIT, details, best, passages, marked, el, summary, suggest, say, run }, q, r, match, () => n === seq);
        if (n !== seq) return;
      }
      // Passages come once typing pauses, so keystrokes fetch no passages.
      const hits = await details(r.meta, r.hits.slice(0, LIMIT), 0, match);
      if (n !== seq) return;
      render(q, r, hits, match);
      await new Promise((ok) => setTimeout(ok, PAUSE));
      if (n !== seq || !hits.length) return;
      await details(r.meta, hits, PASSAGES, match);
      if (n === seq) render(q, r, hits, match);
      if (!r.hits.length) {
        await suggest(r, help);
        if (n === seq) open(true);
      }
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
    } else if (e.key === 'Enter' && page) {
      e.preventDefault();
      run();
    } else if (e.key === 'Escape') {
      if (!box.hidden || !status.hidden || !help.hidden) {
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
