// rolesite live reload: served by the dev server only, never part of a
// built site. See internal/serve/doc.go for the events.
(() => {
  "use strict";
  const me = document.currentScript;
  if (!me || !window.EventSource) return;
  const base = me.src.replace(/live\.js([?#].*)?$/, "");
  let token = me.dataset.token, es, wait = 500, styled = false;

  const connect = () => {
    es = new EventSource(base + "events?page=" + encodeURIComponent(location.pathname));
    es.onopen = () => { wait = 500; };
    es.onerror = () => {
      // The browser retries by itself unless it gave up (for example on a
      // 503 while the server shuts down): then retry here, backing off.
      if (es.readyState === EventSource.CLOSED) {
        setTimeout(connect, wait);
        wait = Math.min(wait * 2, 8000);
      }
    };
    on("hello", (t) => { if (token && t !== token) location.reload(); token = t; });
    on("reload", () => location.reload());
    on("update", (t) => { token = t; update(location.href, false); });
    on("preview", (n) => update(base + "preview/" + n, true));
    on("css", (t) => { token = t; hide(); restyle(); });
    on("problems", (d) => show(JSON.parse(d)));
    on("ok", () => { if (!hide()) location.reload(); });
  };
  const on = (name, f) => es.addEventListener(name, (e) => f(e.data));

  const restyle = () => {
    for (const old of document.querySelectorAll('link[rel~="stylesheet"]')) {
      const url = new URL(old.href, location.href);
      if (url.origin !== location.origin) continue;
      url.searchParams.set("rolesite", Date.now());
      const fresh = old.cloneNode();
      fresh.href = url.href;
      fresh.onload = fresh.onerror = () => old.remove();
      old.after(fresh);
    }
  };

  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = "rolesite-" + cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const where = (p) => p.path + (p.line > 0 ? ":" + p.line + (p.col > 0 ? ":" + p.col : "") : "") + ": " + p.message;

  const show = (problems) => {
    if (!document.getElementById("__rolesite-overlay")) {
      if (!styled) {
        const css = el("link");
        css.rel = "stylesheet";
        css.href = base + "overlay.css";
        document.head.append(css);
        styled = true;
      }
      const box = el("div", "overlay"), inner = el("div", "box"), close = el("button", "close", "\u00d7"), list = el("ol", "list");
      box.id = "__rolesite-overlay";
      box.setAttribute("role", "alert");
      close.type = "button";
      close.title = "Dismiss";
      close.setAttribute("aria-label", "Dismiss");
      close.onclick = () => box.remove();
      list.id = "__rolesite-problems";
      inner.append(close, el("h1", "title", "Build failed"), list,
        el("p", "note", "Still showing the last good site. This goes away by itself after the next good build."));
      box.append(inner);
      document.body.append(box);
    }
    document.querySelector("#__rolesite-overlay .rolesite-title").textContent = "Build failed";
    document.getElementById("__rolesite-problems").replaceChildren(...problems.map((p) => {
      const li = el("li");
      li.append(el("p", "msg", where(p)));
      if (p.source) li.append(el("pre", "src", p.source));
      return li;
    }));
  };

  // hide removes the overlay; it returns false on the server's own problem
  // page, whose overlay is the page.
  const hide = () => {
    const box = document.getElementById("__rolesite-overlay");
    if (box && box.classList.contains("rolesite-page")) return false;
    if (box) box.remove();
    return true;
  };

  // In-place updates (see doc.go): served is the document as the server
  // sent this page, fetched once at start; fresh the new one.
  let served = null, busy = null, again = null;
  const tokenOf = (doc) => doc.querySelector('script[src*="__rolesite/live.js"]')?.dataset.token;
  const parse = (text) => new DOMParser().parseFromString(text, "text/html");
  const fetchPage = (url) => fetch(url, { cache: "no-store", credentials: "same-origin" })
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(r.status))));
  const ours = (n) => n.id === "__rolesite-overlay" || (n.tagName === "SCRIPT" && /__rolesite\/live\.js/.test(n.src)) ||
    (n.tagName === "LINK" && /__rolesite\/overlay\.css/.test(n.href));
  const kids = (e) => [...e.children].filter((n) => !ours(n));
  const assetsOf = (doc) => [...doc.querySelectorAll("script[src], link[rel~=stylesheet]")].filter((n) => !ours(n))
    .map((n) => n.getAttribute("src") || n.getAttribute("href")).join("\n");
  // onlyElements: the element holds elements and white space, no text.
  const onlyElements = (e) => [...e.childNodes].every((n) => n.nodeType === 1 || (n.nodeType === 3 && !n.data.trim()));
  const sameAttrs = (a, b) => a.attributes.length === b.attributes.length &&
    [...a.attributes].every((x) => b.getAttribute(x.name) === x.value);

  const replace = (olds, news, parent, before, made) => {
    const open = new Set();
    for (const o of olds) for (const d of o.querySelectorAll ? o.querySelectorAll("details[open] > summary") : []) open.add(d.textContent);
    for (const o of olds) if (o.matches && o.matches("details[open]")) open.add(o.querySelector("summary")?.textContent);
    for (const o of olds) o.remove();
    for (const n of news) {
      const e = document.importNode(n, true);
      parent.insertBefore(e, before);
      for (const d of [e, ...e.querySelectorAll("details")]) {
        if (d.tagName === "DETAILS" && open.has(d.querySelector("summary")?.textContent)) d.open = true;
      }
      made.push(e);
    }
  };

  // patch makes live (whose served form was old) show fresh, touching only
  // what changed; made collects the elements put in. It returns false,
  // changing nothing, when root itself would have to be replaced.
  const patch = (live, old, fresh, made, root) => {
    if (old.isEqualNode(fresh)) return true;
    const ls = kids(live), os = kids(old), fs = kids(fresh);
    if (!sameAttrs(old, fresh) || ls.length !== os.length || !onlyElements(old) || !onlyElements(fresh)) {
      if (root) return false;
      replace([live], [fresh], live.parentNode, live.nextSibling, made);
      return true;
    }
    let i = 0, j = 0;
    while (i < os.length && i < fs.length && os[i].isEqualNode(fs[i])) i++;
    while (j < os.length - i && j < fs.length - i && os[os.length - 1 - j].isEqualNode(fs[fs.length - 1 - j])) j++;
    const lm = ls.slice(i, ls.length - j), om = os.slice(i, os.length - j), fm = fs.slice(i, fs.length - j);
    // The same elements in the same order, some changed (a title shows in
    // the header and the panels, not in the text between): patch each, so
    // that the unchanged ones stay as they are.
    if (om.length === fm.length && om.every((o, k) => o.tagName === fm[k].tagName)) {
      om.forEach((o, k) => patch(lm[k], o, fm[k], made, false));
      return true;
    }
    replace(lm, fm, live, ls[ls.length - j] || null, made);
    return true;
  };

  // update fetches url (the page, or a preview of it) and patches the page
  // to show it. A preview that cannot be shown in place is left: the
  // update of the build that made it follows.
  const update = (url, quiet) => {
    if (busy) { again = { url, quiet }; return; }
    const focused = document.activeElement && document.activeElement.id;
    const x = scrollX, y = scrollY;
    const fail = () => { if (!quiet) location.reload(); };
    busy = Promise.all([served || first, fetchPage(url).then(parse)]).then(([old, fresh]) => {
      const made = [];
      if (!old || assetsOf(old) !== assetsOf(fresh) || !sameAttrs(old.documentElement, fresh.documentElement) ||
          !patch(document.body, old.body, fresh.body, made, true)) {
        fail();
        return;
      }
      hide();
      if (document.title !== fresh.title) document.title = fresh.title;
      served = fresh;
      if (focused && !document.activeElement?.id) document.getElementById(focused)?.focus({ preventScroll: true });
      if (scrollX !== x || scrollY !== y) scrollTo(x, y);
      document.dispatchEvent(new CustomEvent("rolesite:patched", { detail: { elements: made } }));
    }).catch(fail).finally(() => {
      busy = null;
      if (again) { const { url, quiet } = again; again = null; update(url, quiet); }
    });
  };

  // The page as served, for the first update: fetched now, and kept only if
  // it is the version the page came from (else an update reloads).
  const first = fetchPage(location.href).then(parse).then((d) => (tokenOf(d) === me.dataset.token ? d : null)).catch(() => null);
  connect();
})();
