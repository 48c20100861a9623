# Shared by the service scripts (scripts/redis.sh, s3.sh, varnish.sh, nginx.sh, gunicorn.sh,
# worker.sh, postgres-server.sh, apertium.sh, production-local.sh). Source it; it sets:
#   ROOT        the checkout
#   VAR         $ROOT/var/production (data, logs, pids; gitignored)
#   PORT_BASE   the first of this checkout's ten ports, so parallel checkouts do not collide
# and the port of each service. Override the block with PRODUCTION_PORT_BASE.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
VAR=$ROOT/var/production
PORT_BASE=${PRODUCTION_PORT_BASE:-$((20000 + ($(printf '%s' "$ROOT" | cksum | cut -d' ' -f1) % 400) * 10))}
VARNISH_PORT=$PORT_BASE            # the site's address: Varnish, in front
NGINX_PORT=$((PORT_BASE + 1))      # the load balancer behind it
GUNICORN_A_PORT=$((PORT_BASE + 2)) # two application servers
GUNICORN_B_PORT=$((PORT_BASE + 3))
REDIS_PORT=$((PORT_BASE + 4))
S3_PORT=$((PORT_BASE + 5))
POSTGRES_PORT=$((PORT_BASE + 6))
# 7 to 9: make bench-web's own servers
APERTIUM_PORT=$((PORT_BASE + 4000)) # apertium-apy: the block's twin above 24000 (the blocks end at 23999)

log() { echo "$(basename "$0" .sh): $*" >&2; }
die() { log "$*"; exit 1; }

# pid_alive FILE: the process named in FILE runs.
pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# pid_stop FILE [SECONDS]: TERM the process in FILE, wait for it to go (KILL after SECONDS).
pid_stop() {
  local file=$1 wait=${2:-30} pid
  if pid_alive "$file"; then
    pid=$(cat "$file")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 $((wait * 5))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      log "process $pid did not stop in ${wait}s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$file"
}

# port_busy PORT: something listens on 127.0.0.1:PORT.
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_for SECONDS COMMAND...: run COMMAND every 0.2 s until it succeeds.
wait_for() {
  local seconds=$1; shift
  for _ in $(seq 1 $((seconds * 5))); do "$@" && return 0; sleep 0.2; done
  return 1
}

# fill_template TEMPLATE OUT KEY=VALUE...: write TEMPLATE to OUT with each @KEY@ replaced
# by its VALUE (deploy/nginx's and deploy/varnish's templates).
fill_template() {
  python3 - "$@" <<'PY'
import sys
template, out, *pairs = sys.argv[1:]
text = open(template).read()
for pair in pairs:
    key, _, value = pair.partition("=")
    text = text.replace(f"@{key}@", value)
open(out, "w").write(text)
PY
}

need() { command -v "$1" >/dev/null || die "$1 is not installed (scripts/system-deps.sh production, or apt-get install $2)"; }

# The scripts of one service (redis.sh, s3.sh, nginx.sh, varnish.sh) set `pidfile` and
# `url`, define `healthy` (it answers) and `launch` (start it and wait until it is
# healthy), and end with
#   service_main "$@"
# which gives them their commands: start (idempotent; prints $url), stop and url.
service_running() { pid_alive "$pidfile" && healthy; }

# port_free PORT: die unless 127.0.0.1:PORT is free.
port_free() {
  if port_busy "$1"; then die "something else listens on 127.0.0.1:$1; stop it or set PRODUCTION_PORT_BASE"; fi
}

service_main() {
  case "${1:-}" in
    start)
      if ! service_running; then launch; fi
      echo "$url"
      ;;
    stop) pid_stop "$pidfile" 10 ;;
    url) if service_running; then echo "$url"; else exit 1; fi ;;
    *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
  esac
}
