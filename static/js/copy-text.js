// "Copy the text" buttons (progressive enhancement): without JavaScript the text stays
// in a read-only field to select and copy by hand, and the button stays hidden.
(function () {
  "use strict";
  if (!navigator.clipboard) { return; }
  document.querySelectorAll("[data-copy-button]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy-button"));
    if (!source) { return; }
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.value).then(function () {
        button.textContent = button.getAttribute("data-copied");
        window.setTimeout(function () { button.textContent = label; }, 2000);
      });
    });
  });
})();
