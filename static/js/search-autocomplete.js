// Title suggestions for every search box (progressive enhancement): a combobox whose
// suggestions are pages. Choosing one (a click, or the arrow keys and Enter) opens that page;
// Enter with no suggestion chosen searches as before. Without JavaScript the search forms are
// plain GET forms to /<lang>/sok/. The list uses Designsystemet's suggestion styles
// (u-datalist, u-option inside .ds-search); its words come from the template
// (data-suggestions-status on the input's form), so they are translated with the page.
(function () {
  "use strict";
  var boxes = document.querySelectorAll('form[role="search"] input[name="q"]');
  boxes.forEach(function (input, index) {
    var form = input.form;
    var url = input.getAttribute("data-autocomplete-url") ||
      (form.getAttribute("action") || "").replace(/\/?$/, "/") + "autocomplete/";
    var statusText = form.getAttribute("data-suggestions-status") || "";
    var listId = "search-suggestions-" + index;
    var list = document.createElement("u-datalist");
    list.id = listId;
    list.setAttribute("role", "listbox");
    if (input.labels && input.labels.length) {
      list.setAttribute("aria-label", input.labels[0].textContent.trim());
    }
    list.hidden = true;
    var status = document.createElement("span");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.insertAdjacentElement("afterend", list);
    form.appendChild(status);

    var options = [];
    var active = -1;
    var timer = null;
    var controller = null;

    function setActive(next) {
      if (active >= 0 && options[active]) {
        options[active].removeAttribute("data-activedescendant");
        options[active].setAttribute("aria-selected", "false");
      }
      active = next;
      if (active >= 0 && options[active]) {
        options[active].setAttribute("data-activedescendant", "");
        options[active].setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", options[active].id);
        options[active].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function close() {
      setActive(-1);
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }

    function open() {
      if (!options.length) { return; }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function go(option) {
      window.location.assign(option.getAttribute("data-url"));
    }

    function show(results) {
      setActive(-1);
      options = results.map(function (result, position) {
        var option = document.createElement("u-option");
        option.id = listId + "-" + position;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-url", result.url);
        if (result.lang) { option.setAttribute("lang", result.lang); }
        var title = document.createElement("span");
        title.className = "suggestion__title";
        title.textContent = result.title;
        var type = document.createElement("span");
        type.className = "suggestion__type";
        type.textContent = result.type;
        option.append(title, type);
        // Keep the focus in the field while a pointer chooses.
        option.addEventListener("mousedown", function (event) { event.preventDefault(); });
        option.addEventListener("click", function () { go(option); });
        return option;
      });
      list.replaceChildren.apply(list, options);
      status.textContent = options.length ? statusText.replace("{count}", options.length) : "";
      if (options.length && document.activeElement === input) { open(); } else { close(); }
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      var query = input.value.trim();
      if (query.length < 2) { show([]); return; }
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
          show(data.results.filter(function (result) { return result.url; }));
        }).catch(function () { /* offline or aborted: no suggestions */ });
      }, 150);
    });

    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && options.length) {
        event.preventDefault();
        open();
        setActive(Math.min(active + 1, options.length - 1));
      } else if (event.key === "ArrowUp" && !list.hidden) {
        event.preventDefault();
        setActive(active - 1);
      } else if (event.key === "Enter" && !list.hidden && active >= 0) {
        event.preventDefault();
        go(options[active]);
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault();
        close();
      }
    });

    input.addEventListener("blur", close);
  });
})();
