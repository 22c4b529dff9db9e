// Theme: follows prefers-color-scheme unless the reader chose with the toggle;
// the choice is remembered. Runs in <head> so the page never flashes.
(function () {
  var root = document.documentElement, key = "rolesite-theme";
  function stored() { try { return localStorage.getItem(key); } catch (e) { return null; } }
  function dark() {
    var t = root.getAttribute("data-theme");
    return t ? t === "dark" : window.matchMedia("(prefers-color-scheme: dark)").matches;
  }
  var t = stored();
  if (t === "dark" || t === "light") root.setAttribute("data-theme", t);
  document.addEventListener("DOMContentLoaded", function () {
    var b = document.getElementById("theme-toggle");
    if (!b) return;
    function sync() {
      var d = dark();
      b.setAttribute("aria-pressed", d ? "true" : "false");
      b.title = d ? "Switch to the light theme" : "Switch to the dark theme";
    }
    b.hidden = false;
    sync();
    b.addEventListener("click", function () {
      var next = dark() ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { localStorage.setItem(key, next); } catch (e) {}
      sync();
    });
  });
})();
