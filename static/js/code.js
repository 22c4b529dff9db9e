// Code blocks: a bar above each block with its language and a button that
// copies the code. Only an enhancement: without this script the code is
// there as it is, and without a clipboard (an insecure origin) the button
// is left out.
//
// The dev server updates an open page in place and then sends
// rolesite:patched: the blocks it put in get their bar then.
(function () {
  enhance(document);
  document.addEventListener("rolesite:patched", function () { enhance(document); });

  // enhance gives a bar to every block under root that has none yet.
  function enhance(root) {
    root.querySelectorAll("div.code").forEach(function (block) {
      if (block.querySelector(":scope > .code-bar")) return;
      if (!navigator.clipboard) {
        if (block.getAttribute("data-lang")) label(block);
        return;
      }
      copyButton(block);
    });
  }

  // copyButton adds the bar with a button copying the block's code.
  function copyButton(block) {
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
  }

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
