// Theme: follows prefers-color-scheme until the reader chooses with the
// toggle; the choice is remembered. Loaded in <head> without defer, so the
// theme and the "js" class (which shows the toggle) are set before the first
// paint: no flash, no layout shift.
(function () {
  var root = document.documentElement, key = "rolesite-theme";
  var media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function stored() { try { return localStorage.getItem(key); } catch (e) { return null; } }
  function apply(t) {
    if (t === "dark" || t === "light") root.setAttribute("data-theme", t);
    else root.removeAttribute("data-theme");
  }
  function dark() {
    var t = root.getAttribute("data-theme");
    return t ? t === "dark" : !!(media && media.matches);
  }
  apply(stored());
  root.classList.add("js");
  document.addEventListener("DOMContentLoaded", function () {
    var b = document.getElementById("theme-toggle");
    if (!b) return;
    function sync() {
      var d = dark();
      b.setAttribute("aria-pressed", d ? "true" : "false");
      b.title = d ? "Switch to the light theme" : "Switch to the dark theme";
    }
    sync();
    b.addEventListener("click", function () {
      var next = dark() ? "light" : "dark";
      apply(next);
      try { localStorage.setItem(key, next); } catch (e) {}
      sync();
    });
    // Another tab chose, or the system scheme changed while no choice is stored.
    window.addEventListener("storage", function (e) { if (e.key === key) { apply(e.newValue); sync(); } });
    if (media && media.addEventListener) media.addEventListener("change", sync);
  });
})();
