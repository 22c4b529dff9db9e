// The search page (search/?q=) of search.js: the full results, with chips
// that filter them by section and, where a section declares a field
// (search_filter in its _index.md), by that field, all kept in the URL so
// that it can be shared. search.js imports it on the search page only.

// chips returns a group of toggle buttons, one per [value, label], the current one pressed.
function chips(el, name, list, current, pick) {
  const g = el('div', 'search-chips');
  g.setAttribute('role', 'group');
  g.setAttribute('aria-label', name);
  for (const [value, label] of list) {
    const b = el('button', 'search-chip', label);
    b.type = 'button';
    b.setAttribute('aria-pressed', String(value === current));
    b.addEventListener('click', () => pick(value));
    g.append(b);
  }
  return g;
}

// renderPage shows the search page's results: up to PAGE_LIMIT, filtered by
// section and, where the section declares one, by a field, as the URL says.
export async function renderPage(kit, q, r, match, current) {
  const { page, base, LIMIT, PAGE_LIMIT, details, best, passages, marked, el, summary, suggest, say, run } = kit;
  const params = new URLSearchParams(location.search);
  params.set('q', q);
  const hits = await details(r.meta, r.hits.slice(0, PAGE_LIMIT), 0, match);
  if (!current()) return;
  const count = (list, key) => list.reduce((m, h) => m.set(key(h), (m.get(key(h)) || 0) + 1), new Map());
  const secs = count(hits, (h) => h.key);
  const want = secs.has(params.get('section')) ? params.get('section') : '';
  const shown = hits.filter((h) => !want || h.key === want);
  const sec = r.meta.sections.find(([k]) => k === want);
  const field = want && sec[2] ? count(shown, (h) => h.filter) : new Map();
  const value = field.has(params.get('filter')) ? params.get('filter') : '';
  const list = shown.filter((h) => !value || h.filter === value);
  for (const [k, v] of [['section', want], ['filter', value]]) if (v) params.set(k, v); else params.delete(k);
  history.replaceState(null, '', '?' + params);
  await Promise.all(list.slice(0, LIMIT * 2).map(async (h) => {
    try { Object.assign(h, best(await passages(h.path), match(h))); } catch (e) { /* the summary stands in */ }
  }));
  if (!current()) return;
  const redo = (k, v) => { const u = new URLSearchParams(location.search); if (v) u.set(k, v); else u.delete(k); if (k === 'section') u.delete('filter'); history.replaceState(null, '', '?' + u); run(); };
  const parts = [el('h2', 'search-page-count', summary(q, r, r.hits.length) + (r.hits.length > PAGE_LIMIT ? ' (the first ' + PAGE_LIMIT + ' below)' : ''))];
  if (secs.size > 1 || want) {
    parts.push(chips(el, 'Filter by section', [['', 'All ' + hits.length], ...r.meta.sections.filter(([k]) => secs.has(k))
      .map(([k, t]) => [k, t + ' ' + secs.get(k)])], want, (v) => redo('section', v)));
  }
  if (field.size > 1 || value) {
    parts.push(chips(el, 'Filter by ' + sec[2].toLowerCase(), [['', 'Any ' + sec[2].toLowerCase()],
      ...[...field].sort().map(([v, c]) => [v, (v || 'None') + ' ' + c])], value, (v) => redo('filter', v)));
  }
  const ol = el('ol', 'search-page-results');
  for (const h of list) {
    const li = el('li', 'search-page-result');
    const a = el('a');
    a.href = base + h.path;
    a.append(marked('span', 'search-title', h.title, match(h)));
    li.append(a, el('span', 'search-page-section', h.section + (h.filter ? ' · ' + h.filter : '')));
    li.append(marked('p', 'search-snippet', h.text || h.snippet, match(h)));
    if (h.subs && h.subs.length) {
      const ul = el('ul', 'search-page-subs');
      for (const s of h.subs) { const sa = el('a'); sa.href = base + h.path + '#' + s.id; sa.append(marked('span', '', s.heading, match(h))); ul.append(el('li')); ul.lastChild.append(sa); }
      li.append(ul);
    }
    ol.append(li);
  }
  parts.push(ol);
  if (!r.hits.length) { const hp = el('div', 'search-help'); await suggest(r, hp); parts.push(hp); }
  if (!current()) return;
  page.replaceChildren(...parts);
  page.hidden = false;
  say(summary(q, r, list.length), false);
}
