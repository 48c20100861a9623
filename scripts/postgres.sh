#!/usr/bin/env bash
# Start Debian's PostgreSQL on loopback and make sure the test role exists.
# Prints the DATABASE_URL to use on stdout, and nothing else there: what the
# PostgreSQL tools print (such as "Removed stale pid file.") goes to stderr.
# Exits non-zero when PostgreSQL cannot run.
#   scripts/postgres.sh running   exit 0 if the cluster is online already
#   scripts/postgres.sh stop      stop the cluster (what the tests started, they stop)
set -eu
role=ressursbanken
db=${PG_DATABASE:-ressursbanken}
port=${PG_PORT:-5432}

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
online() { pg_lsclusters -h 2>/dev/null | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; }
case "${1:-}" in
  running) online; exit ;;
  stop) if online; then pg_ctlcluster --skip-systemctl-redirect "$version" main stop >&2; fi; exit 0 ;;
esac
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$version main$"; then
  pg_createcluster "$version" main --port "$port" >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
  pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }
for _ in $(seq 1 30); do
  as_postgres "psql -p $port -tAc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
as_postgres "psql -p $port -tAc \"select 1 from pg_roles where rolname='$role'\"" | grep -q 1 ||
  as_postgres "psql -p $port -qc \"create role $role login createdb password '$role'\"" >&2
echo "postgres://$role:$role@127.0.0.1:$port/$db"
