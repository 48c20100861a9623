#!/usr/bin/env bash
# Varnish (Debian's varnish) in front of the production tier on loopback: the HTTP cache
# that Wagtail purges on publish (FRONTEND_CACHE_URL). Its VCL is rendered from
# deploy/varnish/ressursbanken.vcl into var/production/varnish/.
#
#   scripts/varnish.sh start   start it (idempotent) and print the site's URL
#   scripts/varnish.sh stop    stop it
#   scripts/varnish.sh url     print the URL if it is running (exit 1 if not)
#
# Environment: VARNISH_BACKEND (host:port, default this checkout's nginx),
# VARNISH_PURGE_FROM (comma-separated addresses or networks, besides loopback, that may
# PURGE), VARNISH_PORT (default this checkout's), VARNISH_NAME (instance, default "site").
set -euo pipefail
port_wanted=${VARNISH_PORT:-}
. "$(dirname "$0")/lib/services.sh"

port=${port_wanted:-$VARNISH_PORT}
name=${VARNISH_NAME:-site}
dir=$VAR/varnish-$name
pidfile=$dir/varnishd.pid
backend=${VARNISH_BACKEND:-127.0.0.1:$NGINX_PORT}
url="http://127.0.0.1:$port"

healthy() { curl -sS -o /dev/null -X OPTIONS "$url/__varnish_health__" 2>/dev/null; }

render() {
  local purgers="" address net bits
  IFS=',' read -ra extra <<<"${VARNISH_PURGE_FROM:-}"
  for address in "${extra[@]}"; do
    address=$(echo "$address" | tr -d ' ')
    [ -z "$address" ] && continue
    net=${address%/*}
    if [ "$net" != "$address" ]; then bits=${address#*/}; purgers+="    \"$net\"/$bits;"$'\n'
    else purgers+="    \"$address\";"$'\n'; fi
  done
  fill_template "$ROOT/deploy/varnish/ressursbanken.vcl" "$dir/ressursbanken.vcl" \
    "BACKEND_HOST=${backend%:*}" "BACKEND_PORT=${backend##*:}" "PURGERS=${purgers%$'\n'}" \
    "SESSION_COOKIE=${SESSION_COOKIE_NAME:-sessionid}"
}

launch() {
  need varnishd varnish
  port_free "$port"
  mkdir -p "$dir"
  render
  local jail=()
  # As root, varnishd drops its privileges to Debian's varnish and vcache users; as
  # anyone else it runs as that user.
  [ "$(id -u)" = 0 ] || jail=(-j none)
  log "starting Varnish on $url in front of $backend"
  varnishd "${jail[@]}" -a "127.0.0.1:$port" -T none \
    -n "$dir/work" -P "$pidfile" -f "$dir/ressursbanken.vcl" -s malloc,128m \
    -p default_ttl=0 -p default_grace=30 >"$dir/varnishd.log" 2>&1 ||
    { cat "$dir/varnishd.log" >&2; die "varnishd did not start"; }
  wait_for 20 healthy || { cat "$dir/varnishd.log" >&2; die "Varnish did not answer on $url"; }
}

service_main "$@"
