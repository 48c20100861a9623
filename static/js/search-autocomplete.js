// Title suggestions for every search box (progressive enhancement).
// Without JavaScript the search forms are plain GET forms to /<lang>/sok/.
(function () {
  "use strict";
  var boxes = document.querySelectorAll('form[role="search"] input[name="q"]');
  boxes.forEach(function (input, index) {
    var form = input.form;
    var url = input.getAttribute("data-autocomplete-url") ||
      (form.getAttribute("action") || "").replace(/\/?$/, "/") + "autocomplete/";
    var list = document.createElement("datalist");
    list.id = "search-suggestions-" + index;
    input.setAttribute("list", list.id);
    input.insertAdjacentElement("afterend", list);
    var timer = null;
    var controller = null;
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      var query = input.value.trim();
      if (query.length < 2) { list.replaceChildren(); return; }
      timer = window.setTimeout(function () {
        if (controller) { controller.abort(); }
        controller = new AbortController();
        fetch(url + "?q=" + encodeURIComponent(query.slice(0, 200)), {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
          signal: controller.signal
        }).then(function (response) {
          return response.ok ? response.json() : { results: [] };
        }).then(function (data) {
          list.replaceChildren.apply(list, data.results.map(function (result) {
            var option = document.createElement("option");
            option.value = result.title;
            option.label = result.type;
            return option;
          }));
        }).catch(function () { /* offline or aborted: no suggestions */ });
      }, 150);
    });
  });
})();
