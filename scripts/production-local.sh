#!/usr/bin/env bash
# The production tier on loopback, from a fresh clone: every service real, on this
# checkout's own ports (scripts/lib/services.sh), data under var/production/.
#
#   Varnish (the site's URL) → nginx → gunicorn a, gunicorn b → PostgreSQL, OpenSearch,
#   Redis, s3rver, apertium-apy; the task worker beside them.
#
#   scripts/production-local.sh start   start everything, migrate, load the demo content,
#                                       collectstatic; print the site's URL
#   scripts/production-local.sh stop    stop everything this started (also half-started)
#   scripts/production-local.sh url     print the site's URL if it is up (exit 1 if not)
set -euo pipefail
. "$(dirname "$0")/lib/services.sh"
scripts=$ROOT/scripts

manage() { (cd "$ROOT" && .venv/bin/python manage.py "$@"); }

start() {
  [ -x "$ROOT/.venv/bin/python" ] || die "no virtual environment (make install)"
  local started=$SECONDS
  "$scripts/postgres-server.sh" start >/dev/null
  "$scripts/search-engine.sh" start >/dev/null || die "OpenSearch did not start (scripts/search-engine.sh start)"
  "$scripts/redis.sh" start >/dev/null
  "$scripts/s3.sh" start >/dev/null
  "$scripts/apertium.sh" start >/dev/null
  set -a; . <("$scripts/production-env.sh"); set +a

  log "migrate, collectstatic, load_demo, update_index"
  manage migrate --noinput -v 0
  manage collectstatic --noinput -v 0
  # The demo's many saves run their tasks at once here (indexing, no purges: nothing is
  # cached yet), instead of queueing thousands for the worker.
  # Bulk jobs, not requests: they may wait longer for the search engine than a page does.
  # load_demo refuses plain production settings (its accounts have a known password).
  DJANGO_SETTINGS_MODULE=resourcebank.settings.production_demo TASKS_BACKEND=immediate \
    FRONTEND_CACHE_URL='' SEARCH_TIMEOUT=60 manage load_demo -v 0
  SEARCH_TIMEOUT=60 manage update_index -v 0 >/dev/null

  "$scripts/worker.sh" start >/dev/null
  "$scripts/gunicorn.sh" start a >/dev/null
  "$scripts/gunicorn.sh" start b >/dev/null
  "$scripts/nginx.sh" start >/dev/null
  local url; url=$("$scripts/varnish.sh" start)
  curl -fsS -o /dev/null "$url/nb/" || die "the site does not answer on $url/nb/"
  log "up in $((SECONDS - started)) s: $url/nb/ (admin: $url/admin/, demo logins from load_demo: redaktor, medlem, ... / ${DEMO_PASSWORD:-ressursbanken-demo})"
  echo "$url"
}

stop() {
  local rc=0 step
  for step in "varnish.sh stop" "nginx.sh stop" "gunicorn.sh stop b" "gunicorn.sh stop a" \
    "worker.sh stop" "apertium.sh stop" "s3.sh stop" "redis.sh stop" "search-engine.sh stop" "postgres-server.sh stop"; do
    # shellcheck disable=SC2086
    "$scripts"/$step >&2 || { log "$step failed"; rc=1; }
  done
  log "stopped"
  return $rc
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) "$scripts/varnish.sh" url ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
