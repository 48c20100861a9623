#!/usr/bin/env bash
# Redis (Debian's redis-server) for the production tier on loopback: cache, sessions and
# login throttles. Data under var/production/redis/ (no snapshots: a cache).
#
#   scripts/redis.sh start   start it (idempotent) and print its URL (CACHE_URL)
#   scripts/redis.sh stop    stop it
#   scripts/redis.sh url     print its URL if it is running (exit 1 if not)
set -euo pipefail
. "$(dirname "$0")/lib/services.sh"

dir=$VAR/redis
pidfile=$dir/redis.pid
url="redis://127.0.0.1:$REDIS_PORT/0"

healthy() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; }

launch() {
  need redis-server redis-server
  port_free "$REDIS_PORT"
  mkdir -p "$dir"
  log "starting Redis on 127.0.0.1:$REDIS_PORT"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --protected-mode yes \
    --daemonize yes --pidfile "$pidfile" --dir "$dir" --logfile "$dir/redis.log" \
    --save "" --appendonly no --maxmemory 256mb --maxmemory-policy volatile-lru >&2
  wait_for 10 healthy || { tail -20 "$dir/redis.log" >&2; die "Redis did not answer; see $dir/redis.log"; }
}

service_main "$@"
