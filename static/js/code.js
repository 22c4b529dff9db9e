// Code blocks: a bar above each block with its language and a button that
// copies the code. Only an enhancement: without this script the code is
// there as it is, and without a clipboard (an insecure origin) the button
// is left out.
(function () {
  var blocks = document.querySelectorAll("div.code");
  if (!blocks.length || !navigator.clipboard) {
    blocks.forEach(function (b) { if (b.getAttribute("data-lang")) label(b); });
    return;
  }
  blocks.forEach(function (block) {
    var bar = label(block), code = block.querySelector("code");
    if (!code) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "code-copy";
    button.textContent = "Copy";
    var name = block.getAttribute("data-lang");
    button.setAttribute("aria-label", name ? "Copy the " + name + " code" : "Copy the code");
    var status = document.createElement("span");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(code.textContent).then(function () {
        button.textContent = "Copied";
        status.textContent = "Copied to the clipboard";
      }, function () {
        button.textContent = "Copy failed";
        status.textContent = "Could not copy: select the code and copy it";
      });
      setTimeout(function () { button.textContent = "Copy"; status.textContent = ""; }, 2000);
    });
    bar.appendChild(button);
    bar.appendChild(status);
  });

  // label adds the bar, with the language's name when the block has one.
  function label(block) {
    var bar = document.createElement("div");
    bar.className = "code-bar";
    var name = block.getAttribute("data-lang");
    if (name) {
      var lang = document.createElement("span");
      lang.className = "code-lang";
      lang.textContent = name;
      bar.appendChild(lang);
    }
    block.insertBefore(bar, block.firstChild);
    return bar;
  }
})();
