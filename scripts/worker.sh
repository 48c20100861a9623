#!/usr/bin/env bash
# The background worker of the production tier on loopback: `manage.py db_worker`
# (django-tasks-db) with the settings from scripts/production-env.sh (TASKS_BACKEND=
# database). It runs search indexing, frontend cache purges and the other tasks that
# requests enqueue. Stopping it is graceful: the task under way finishes, queued ones
# wait in the database for the next start.
#
#   scripts/worker.sh start   start it (idempotent); prints the queue it serves
#   scripts/worker.sh stop    stop it
#   scripts/worker.sh url     print the queue if it is running (exit 1 if not)
set -euo pipefail
. "$(dirname "$0")/lib/services.sh"

dir=$VAR/worker
pidfile=$dir/worker.pid
queue="database:default"

start() {
  if pid_alive "$pidfile"; then echo "$queue"; return 0; fi
  [ -x "$ROOT/.venv/bin/python" ] || die "no virtual environment (make install)"
  mkdir -p "$dir"
  set -a; . <("$ROOT/scripts/production-env.sh"); set +a
  log "starting the task worker (manage.py db_worker)"
  cd "$ROOT"
  nohup .venv/bin/python manage.py db_worker --interval 0.2 --no-startup-delay --no-reload \
    -v 1 >>"$dir/worker.log" 2>&1 </dev/null &
  echo $! >"$pidfile"
  sleep 2
  pid_alive "$pidfile" || { tail -20 "$dir/worker.log" >&2; die "the worker stopped at once; see $dir/worker.log"; }
  echo "$queue"
}

case "${1:-}" in
  start) start ;;
  stop) pid_stop "$pidfile" 60 ;;
  url) if pid_alive "$pidfile"; then echo "$queue"; else exit 1; fi ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
