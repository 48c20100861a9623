// A county site's trainings and success stories from Ressursbanken's API alone.
// No inline script, no innerHTML: it runs under a strict Content-Security-Policy and
// writes every text from the API as text.
(function () {
    "use strict";

    var main = document.getElementById("county-site");
    var params = new URLSearchParams(window.location.search);
    var api = (params.get("api") || main.dataset.api || window.location.origin).replace(/\/$/, "");
    var county = params.get("county") || main.dataset.county;
    var locale = params.get("locale") || main.dataset.locale || "nb";
    var dateFormat = new Intl.DateTimeFormat(locale, {
        weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit",
        timeZone: "Europe/Oslo"
    });

    function get(path, query) {
        var url = new URL(api + "/api/v2/" + path);
        Object.keys(query).forEach(function (key) { url.searchParams.set(key, query[key]); });
        return fetch(url.toString(), { headers: { Accept: "application/json" } }).then(function (response) {
            if (!response.ok) { throw new Error(path + ": " + response.status); }
            return response.json();
        });
    }

    function element(tag, text, className) {
        var node = document.createElement(tag);
        if (text) { node.textContent = text; }
        if (className) { node.className = className; }
        return node;
    }

    function link(href, text) {
        var node = element("a", text);
        node.href = href;
        return node;
    }

    function show(kind, items, render, empty) {
        var list = main.querySelector('[data-list="' + kind + '"]');
        var status = main.querySelector('[data-status="' + kind + '"]');
        list.replaceChildren.apply(list, items.map(render));
        status.textContent = items.length ? "" : empty;
        status.hidden = items.length > 0;
    }

    function failed(kind) {
        return function () {
            main.querySelector('[data-status="' + kind + '"]').textContent =
                "Ressursbanken svarer ikke akkurat nå. Prøv igjen senere.";
        };
    }

    main.querySelector("[data-source]").href = api + "/" + locale + "/";

    get("counties/", { locale: locale, limit: 100 }).then(function (data) {
        var match = data.items.filter(function (item) { return item.slug === county; })[0];
        if (match) { main.querySelector("[data-county-name]").textContent = match.name; }
    }).catch(function () { /* the heading keeps its generic words */ });

    get("training-events/", { county: county, upcoming: "true", locale: locale, limit: 50 })
        .then(function (data) {
            show("trainings", data.items, function (event) {
                var item = element("li");
                item.appendChild(link(event.package.html_url, event.title));
                var when = dateFormat.format(new Date(event.start));
                var where = event.place || event.online_url;
                item.appendChild(element("span", when + (where ? " · " + where : ""), "meta"));
                if (event.cancelled) { item.appendChild(element("strong", "Avlyst")); }
                else if (event.signup_url) { item.appendChild(link(event.signup_url, "Meld deg på")); }
                return item;
            }, "Ingen skoleringer er planlagt i fylket ennå.");
        })
        .catch(failed("trainings"));

    get("stories/", { county: county, locale: locale, limit: 10 })
        .then(function (data) {
            show("stories", data.items, function (story) {
                var item = element("li");
                item.appendChild(link(story.meta.html_url, story.title));
                if (story.summary) { item.appendChild(element("span", story.summary, "meta")); }
                return item;
            }, "Ingen gode eksempler fra fylket ennå.");
        })
        .catch(failed("stories"));
}());
