# Shared by the service scripts (scripts/redis.sh, s3.sh, varnish.sh, nginx.sh, gunicorn.sh,
# worker.sh, postgres-server.sh, production-local.sh). Source it; it sets:
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

need() { command -v "$1" >/dev/null || die "$1 is not installed (scripts/system-deps.sh production, or apt-get install $2)"; }
