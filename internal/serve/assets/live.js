// rolesite live reload: served by the dev server only, never part of a
// built site. See internal/serve/doc.go for the events.
(() => {
  "use strict";
  const me = document.currentScript;
  if (!me || !window.EventSource) return;
  const base = me.src.replace(/live\.js([?#].*)?$/, "");
  let token = me.dataset.token, es, wait = 500, styled = false;

  const connect = () => {
    es = new EventSource(base + "events");
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

  connect();
})();
