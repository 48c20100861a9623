# Varnish in front of Ressursbanken (rendered by scripts/varnish.sh: @NAME@ is filled in).
#
# - Caches only what the application says it may (Cache-Control max-age/s-maxage or
#   Expires on the response); a response without any of them is not cached.
# - Never caches a response that sets a cookie, nor anything asked with a session (or
#   pending messages) cookie: a logged-in reader's pages are theirs alone.
# - Vary is honoured and passed through, so one variant never reaches another request.
# - PURGE (Wagtail's frontend cache, HTTPBackend) is accepted only from loopback and
#   the addresses in the "purgers" list; it drops the path on every host name (a PURGE
#   of a path under /api/ drops every API response).
# - X-Cache (HIT, MISS or PASS) and Age on every response say where it came from.
vcl 4.1;

backend default {
    .host = "@BACKEND_HOST@";
    .port = "@BACKEND_PORT@";
    .connect_timeout = 2s;
    .first_byte_timeout = 120s;
    .between_bytes_timeout = 60s;
}

acl purgers {
    "127.0.0.1";
    "::1";
@PURGERS@
}

sub vcl_recv {
    unset req.http.X-Cache;
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "PURGE is not allowed from this address"));
        }
        # A page has the same path whatever host name reached it, so drop the path on
        # every host (Wagtail names the site's own host, which need not be the one
        # readers use). A path ending in "*" drops everything under it: the site purges
        # "/*" when content changes, because menus, listings, feeds and search results
        # on many pages show what changed.
        if (req.url ~ "\*$") {
            ban("obj.http.x-url ~ ^" + regsub(req.url, "\*$", ""));
        } else {
            ban("obj.http.x-url == " + req.url);
        }
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin)(/|$)" || req.http.Authorization) {
        return (pass);
    }
    # A session or pending messages: the page is personal. Never from the cache.
    if (req.http.Cookie ~ "(^|;)\s*(@SESSION_COOKIE@|messages)=") {
        return (pass);
    }
    # Other cookies (analytics and the like) do not change a page: drop all but Django's
    # CSRF and language cookies, which a response that depends on them names in Vary.
    if (req.http.Cookie) {
        set req.http.Cookie = regsuball(req.http.Cookie, "(^|;)(?!\s*(csrftoken|django_language)=)[^;]*", "");
        set req.http.Cookie = regsub(req.http.Cookie, "^;\s*", "");
        if (req.http.Cookie ~ "^\s*$") {
            unset req.http.Cookie;
        }
    }
    return (hash);
}

sub vcl_hit {
    set req.http.X-Cache = "HIT";
}

sub vcl_miss {
    set req.http.X-Cache = "MISS";
}

sub vcl_pass {
    set req.http.X-Cache = "PASS";
}

sub vcl_backend_response {
    # For PURGE's ban (and lurker-friendly: matched against the object alone).
    set beresp.http.x-url = bereq.url;
    if (bereq.uncacheable) {
        return (deliver);
    }
    if (beresp.http.Set-Cookie) {
        # Hit-for-miss: later requests go to the backend too, never to this response.
        set beresp.uncacheable = true;
        set beresp.ttl = 60s;
        return (deliver);
    }
    if (beresp.http.Cache-Control ~ "(?i)(private|no-cache|no-store)"
        || (!beresp.http.Cache-Control && !beresp.http.Expires)
        || beresp.http.Vary == "*") {
        set beresp.uncacheable = true;
        set beresp.ttl = 60s;
        return (deliver);
    }
    set beresp.grace = 30s;
}

sub vcl_deliver {
    unset resp.http.x-url;
    set resp.http.X-Cache = req.http.X-Cache;
    if (!resp.http.X-Cache) {
        set resp.http.X-Cache = "MISS";
    }
}
