#!/usr/bin/env bash
# One gunicorn instance of the production tier on loopback (two sync workers, production
# settings from scripts/production-env.sh, DEBUG off). make production-local runs two,
# "a" and "b", behind nginx.
#
#   scripts/gunicorn.sh start a|b   start it (idempotent) and print its URL
#   scripts/gunicorn.sh stop a|b    stop it gracefully (requests under way finish)
#   scripts/gunicorn.sh url a|b     print its URL if it is running (exit 1 if not)
set -euo pipefail
. "$(dirname "$0")/lib/services.sh"

instance=${2:-}
case "$instance" in
  a) port=$GUNICORN_A_PORT ;;
  b) port=$GUNICORN_B_PORT ;;
  *) echo "usage: $0 start|stop|url a|b" >&2; exit 2 ;;
esac
dir=$VAR/gunicorn-$instance
pidfile=$dir/gunicorn.pid
url="http://127.0.0.1:$port"

healthy() { curl -sS -o /dev/null -H 'Host: 127.0.0.1' "$url/nb/" 2>/dev/null; }

start() {
  if pid_alive "$pidfile" && healthy; then echo "$url"; return 0; fi
  [ -x "$ROOT/.venv/bin/gunicorn" ] || die "no virtual environment (make install)"
  port_busy "$port" && die "something else listens on 127.0.0.1:$port; stop it or set PRODUCTION_PORT_BASE"
  mkdir -p "$dir"
  set -a; . <("$ROOT/scripts/production-env.sh"); set +a
  log "starting gunicorn $instance on $url"
  (cd "$ROOT" && .venv/bin/gunicorn resourcebank.wsgi:application --name "ressursbanken-$instance" \
    --bind "127.0.0.1:$port" --workers "${GUNICORN_WORKERS:-2}" --worker-class sync \
    --timeout 120 --graceful-timeout 30 --forwarded-allow-ips 127.0.0.1 \
    --pid "$pidfile" --daemon --access-logfile "$dir/access.log" --error-logfile "$dir/error.log")
  wait_for 60 healthy || { tail -30 "$dir/error.log" >&2; die "gunicorn $instance did not answer; see $dir/error.log"; }
  echo "$url"
}

case "${1:-}" in
  start) start ;;
  stop) pid_stop "$pidfile" 40 ;;
  url) if pid_alive "$pidfile" && healthy; then echo "$url"; else exit 1; fi ;;
  *) echo "usage: $0 start|stop|url a|b" >&2; exit 2 ;;
esac
