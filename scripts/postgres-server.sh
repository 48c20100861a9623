#!/usr/bin/env bash
# A PostgreSQL server of this checkout's own for the production tier on loopback (Debian's
# postgresql binaries, a cluster under var/production/postgres/, its own port), so that
# starting and stopping it touches no other checkout. (scripts/postgres.sh, used by
# `make test-postgres`, shares Debian's system cluster instead.)
#
#   scripts/postgres-server.sh start [DB]   start it (idempotent), create the role and the
#                                           database DB (default ressursbanken), print its URL
#   scripts/postgres-server.sh stop         stop it
#   scripts/postgres-server.sh url [DB]     print its URL if it is running (exit 1 if not)
set -euo pipefail
. "$(dirname "$0")/lib/services.sh"

role=ressursbanken
db=${2:-ressursbanken}
dir=$VAR/postgres
data=$dir/data
url="postgres://$role:$role@127.0.0.1:$POSTGRES_PORT/$db"

bin_dir() {
  local version
  version=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)
  [ -n "$version" ] && [ -x "/usr/lib/postgresql/$version/bin/postgres" ] ||
    die "PostgreSQL is not installed (apt-get install postgresql)"
  echo "/usr/lib/postgresql/$version/bin"
}

# PostgreSQL refuses to run as root: as root, run it as Debian's postgres user.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

psql_() { as_owner "$(bin_dir)/psql" -h "$dir/run" -p "$POSTGRES_PORT" -U postgres -d postgres -qtAX "$@"; }

running() { [ -f "$data/postmaster.pid" ] && as_owner "$(bin_dir)/pg_ctl" -D "$data" status >/dev/null 2>&1; }

start() {
  local bin; bin=$(bin_dir)
  mkdir -p "$dir/run"
  if [ "$(id -u)" = 0 ]; then
    chown -R postgres: "$dir"
    runuser -u postgres -- test -w "$dir" ||
      die "the postgres user cannot reach $dir (is a parent folder closed to others?)"
  fi
  if [ ! -f "$data/PG_VERSION" ]; then
    log "creating a cluster in $data"
    as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  fi
  if ! running; then
    port_busy "$POSTGRES_PORT" && die "something else listens on 127.0.0.1:$POSTGRES_PORT; stop it or set PRODUCTION_PORT_BASE"
    log "starting PostgreSQL on 127.0.0.1:$POSTGRES_PORT"
    as_owner "$bin/pg_ctl" -D "$data" -l "$dir/postgres.log" -w -t 60 \
      -o "-p $POSTGRES_PORT -k $dir/run -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100" \
      start >&2 || { tail -20 "$dir/postgres.log" >&2; die "PostgreSQL did not start"; }
  fi
  [ "$(psql_ -c "select 1 from pg_roles where rolname='$role'")" = 1 ] ||
    psql_ -c "create role $role login createdb password '$role'"
  [ "$(psql_ -c "select 1 from pg_database where datname='$db'")" = 1 ] ||
    psql_ -c "create database \"$db\" owner $role"
  echo "$url"
}

stop() {
  if [ -f "$data/postmaster.pid" ]; then
    as_owner "$(bin_dir)/pg_ctl" -D "$data" -m fast -w stop >&2 || true
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) if running; then echo "$url"; else exit 1; fi ;;
  *) echo "usage: $0 start|stop|url [database]" >&2; exit 2 ;;
esac
