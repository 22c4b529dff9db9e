// Comparisons. On a section's comparison page (compare/<section>/) the
// reader ticks two pages, or the address names them (?a=<slug>&b=<slug>),
// and this script sets them side by side as the pre-rendered comparison
// pages do (same markup, same order, the same "Moving from A to B" gap),
// computed from the profiles the page lists. Without it, ticking two shows
// their two profiles side by side (CSS :has), so no pair is out of reach.
// On the 404 page it sends an address of a comparison that is no longer
// pre-rendered (<section>/<a>/vs/<b>/) to the section's comparison page.
// internal/site/compare.go (Profile, Compare, split, gap) holds the same
// rules; change both together.
(function () {
  "use strict";
  var base = document.documentElement.getAttribute("data-base") || "/";
  if (document.body.classList.contains("kind-404")) {
    redirect();
    return;
  }
  var page = document.querySelector(".cmp-page");
  if (!page) return;
  var result = page.querySelector(".cmp-result");
  var boxes = {};
  var order = []; // the ticked slugs, first ticked first
  page.classList.add("cmp-js");
  page.querySelectorAll(".profile input[type=checkbox]").forEach(function (box) {
    boxes[box.value] = box;
    box.checked = false;
    box.addEventListener("change", function () {
      order = order.filter(function (s) { return s !== box.value; });
      if (box.checked) order.push(box.value);
      while (order.length > 2) boxes[order.shift()].checked = false;
      show(true);
    });
  });
  var params = new URLSearchParams(location.search);
  ["a", "b"].forEach(function (k) {
    var slug = params.get(k);
    if (slug && boxes[slug] && order.indexOf(slug) < 0) {
      order.push(slug);
      boxes[slug].checked = true;
    }
  });
  show(order.length === 2);

  // show renders the comparison of the two ticked pages, if two are, and
  // puts them in the address.
  function show(scroll) {
    var q = order.length ? "?a=" + encodeURIComponent(order[0]) + (order[1] ? "&b=" + encodeURIComponent(order[1]) : "") : "";
    history.replaceState(null, "", location.pathname + q);
    result.textContent = "";
    if (order.length < 2) return;
    var a = profile(order[0]), b = profile(order[1]);
    render(a, b, compare(a, b));
    if (scroll) result.scrollIntoView({ block: "start" });
  }

  // profile reads a page's profile from the page.
  function profile(slug) {
    var sec = boxes[slug].closest(".profile");
    return {
      slug: slug,
      title: sec.querySelector(".profile-title").textContent,
      url: sec.getAttribute("data-url"),
      summary: sec.getAttribute("data-summary"),
      fields: Array.prototype.map.call(sec.querySelectorAll("[data-field]"), function (div) {
        var scale = div.getAttribute("data-scale");
        return {
          field: div.getAttribute("data-field"),
          label: div.querySelector("dt").textContent,
          decl: Number(div.getAttribute("data-decl")),
          scale: scale ? scale.split("|") : [],
          items: Array.prototype.map.call(div.querySelectorAll("li"), function (li) {
            var a = li.querySelector("a");
            return { title: (a || li.querySelector("span")).textContent, url: a ? a.getAttribute("href") : "", q: li.getAttribute("data-q") || "" };
          })
        };
      })
    };
  }

  // compare is site.Compare on two profiles: each relation either has, in
  // declaration order, then each list, a's before b's; and the gap.
  function compare(a, b) {
    var fields = a.fields.concat(b.fields).map(function (f, i) { return [f, i]; });
    var rank = function (f) { return f.decl < 0 ? Infinity : f.decl; };
    fields.sort(function (x, y) { return rank(x[0]) - rank(y[0]) || x[1] - y[1]; });
    var seen = {}, out = { rows: [], gap: [] };
    fields.forEach(function (fi) {
      var f = fi[0];
      if (seen[f.field]) return;
      seen[f.field] = true;
      var row = split(itemsOf(a, f.field), itemsOf(b, f.field));
      row.field = f.field;
      row.label = f.label;
      out.rows.push(row);
      var g = gap(f.scale, row);
      if (g.length) out.gap.push({ label: f.label, items: g });
    });
    return out;
  }

  function itemsOf(p, field) {
    for (var i = 0; i < p.fields.length; i++) if (p.fields[i].field === field) return p.fields[i].items;
    return [];
  }

  // split sorts two lists into the shared items (in a's order) and each
  // side's own, with the qualifier each side gives (qa, qb).
  function split(a, b) {
    var key = function (it) { return it.url ? "u" + it.url : "t" + it.title; };
    var inB = {}, inA = {}, row = { shared: [], onlyA: [], onlyB: [] };
    b.forEach(function (it) { inB[key(it)] = it.q; });
    a.forEach(function (it) {
      inA[key(it)] = true;
      var k = key(it);
      if (Object.prototype.hasOwnProperty.call(inB, k)) row.shared.push({ title: it.title, url: it.url, qa: it.q, qb: inB[k] });
      else row.onlyA.push({ title: it.title, url: it.url, qa: it.q, qb: "" });
    });
    b.forEach(function (it) {
      if (!inA[key(it)]) row.onlyB.push({ title: it.title, url: it.url, qa: "", qb: it.q });
    });
    return row;
  }

  // gap is what b has higher than a on the scale, highest first.
  function gap(scale, row) {
    if (!scale.length) return [];
    var rank = function (q) { return scale.indexOf(q); };
    var out = row.shared.filter(function (it) { return it.qa !== "" && rank(it.qb) > rank(it.qa); })
      .concat(row.onlyB.filter(function (it) { return rank(it.qb) > rank(it.qa); }));
    return out.sort(function (x, y) {
      return rank(y.qb) - rank(x.qb) || (rank(y.qb) - rank(y.qa)) - (rank(x.qb) - rank(x.qa));
    });
  }

  // render writes the comparison into the result, in compare.html's markup.
  function render(a, b, c) {
    var swap = el("a", { href: "?a=" + encodeURIComponent(b.slug) + "&b=" + encodeURIComponent(a.slug) }, "Swap sides");
    swap.addEventListener("click", function (e) {
      e.preventDefault();
      order.reverse();
      show(false);
    });
    result.append(
      el("h2", { class: "cmp-title" }, a.title + " and " + b.title),
      el("div", { class: "versus" }, card(a, "vs-a"), card(b, "vs-b")),
      el("div", { class: "compare-bar" }, el("p", { class: "swap" }, swap)));
    if (c.gap.length) {
      var sec = el("section", { class: "cmp gap" }, el("h2", {}, "Moving from " + a.title + " to " + b.title),
        el("p", { class: "panel-note" }, "What " + b.title + " needs at a higher level than " + a.title + " has it, highest first."));
      c.gap.forEach(function (g) {
        sec.append(el("h3", {}, g.label + " ", el("span", { class: "count" }, String(g.items.length))),
          el("ul", { class: "gap-list" }, g.items.map(function (it) {
            return el("li", {}, el("a", { href: it.url }, it.title), " ", el("span", { class: "qual" }, (it.qa || "none") + " → " + it.qb));
          })));
      });
      result.append(sec);
    }
    c.rows.forEach(function (r) {
      var col = function (cls, title, items) {
        return el("div", { class: cls }, el("h3", {}, title + " ", el("span", { class: "count" }, String(items.length))), chips(items));
      };
      result.append(el("section", { class: "cmp", "data-field": r.field }, el("h2", {}, r.label),
        el("div", { class: "cmp-cols" }, col("cmp-a", "Only " + a.title, r.onlyA), col("cmp-both", "Both", r.shared), col("cmp-b", "Only " + b.title, r.onlyB))));
    });
  }

  function card(p, cls) {
    return el("a", { class: "vs-card " + cls, href: p.url }, el("strong", {}, p.title), p.summary ? el("span", {}, p.summary) : null);
  }

  function chips(items) {
    if (!items.length) return el("p", { class: "none" }, "None");
    return el("ul", { class: "chips" }, items.map(function (it) {
      var q = it.qa && it.qb && it.qa !== it.qb ? it.qa + " / " + it.qb : it.qa || it.qb;
      return el("li", {}, it.url ? el("a", { href: it.url }, it.title) : el("span", {}, it.title), q ? " " : null, q ? el("span", { class: "qual" }, q) : null);
    }));
  }

  // el makes an element with attributes and children (strings, elements,
  // arrays of them; null is skipped).
  function el(tag, attrs, _) {
    var e = document.createElement(tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    var add = function (kid) {
      if (kid == null) return;
      if (Array.isArray(kid)) kid.forEach(add);
      else e.append(kid);
    };
    Array.prototype.slice.call(arguments, 2).forEach(add);
    return e;
  }

  // redirect sends <section>/<a>/vs/[<b>/] to the comparison page.
  function redirect() {
    var path = location.pathname;
    if (path.indexOf(base) !== 0) return;
    var m = /^([^/]+)\/([^/]+)\/vs\/(?:([^/]+)\/?)?$/.exec(path.slice(base.length));
    if (!m) return;
    location.replace(base + "compare/" + m[1] + "/?a=" + m[2] + (m[3] ? "&b=" + m[3] : ""));
  }
})();
