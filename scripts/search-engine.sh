#!/usr/bin/env bash
# Real search engines for the tests, on loopback, run as an unprivileged user.
#
#   scripts/search-engine.sh start [ENGINE]   start it (idempotent) and print its URL
#   scripts/search-engine.sh stop [ENGINE]    stop it
#   scripts/search-engine.sh url [ENGINE]     print its URL if it is running (exit 1 if not)
#   scripts/search-engine.sh port [ENGINE]    print the port it runs on in this checkout
#   scripts/search-engine.sh start-all        start both; print "opensearch=URL elasticsearch=URL"
#   scripts/search-engine.sh stop-all         stop both
#
# ENGINE is opensearch (the default) or elasticsearch. Each is the integration-test
# distribution from Maven Central, fetched with mvn, run on the machine's Java 17:
#   - OpenSearch: org.opensearch.distribution.integ-test-zip:opensearch ($OPENSEARCH_VERSION)
#   - Elasticsearch 8: org.elasticsearch.distribution.integ-test-zip:elasticsearch
#     ($ELASTICSEARCH_VERSION), with security off.
# Neither needs the analysis-common module: the Norwegian analysis happens in Python
# (search/analysis.py) and the index only splits pre-analyzed keys on whitespace.
# Single node, 127.0.0.1, 512 MB heap. Everything lives under var/search-engine/ (gitignored),
# or under /var/tmp when run as root (see below).
set -euo pipefail
cd "$(dirname "$0")/.."

command=${1:-}
engine=${2:-opensearch}
# Run as root, the engine runs as $run_user, who must reach its files: a checkout may lie
# under a folder only root can enter (a fresh clone in `mktemp -d`), so they go to /var/tmp.
if [ "$(id -u)" = 0 ]; then
  base=/var/tmp/ressursbanken-search-$(printf '%s' "$PWD" | cksum | cut -d' ' -f1)
else
  base=$PWD/var/search-engine
fi
run_user=${SEARCH_ENGINE_USER:-ressursbanken-search}
# One port pair per checkout, so parallel checkouts do not collide.
base_port=${SEARCH_ENGINE_PORT:-$((9200 + $(printf '%s' "$PWD" | cksum | cut -d' ' -f1) % 400 * 2))}

log() { echo "search-engine: $*" >&2; }

configure() {
  case "$engine" in
    opensearch)
      version=${OPENSEARCH_VERSION:-2.19.1}
      group=org/opensearch/distribution/integ-test-zip/opensearch
      artifact=org.opensearch.distribution.integ-test-zip:opensearch:$version:zip
      name=opensearch
      port=$base_port
      ;;
    elasticsearch)
      version=${ELASTICSEARCH_VERSION:-8.19.21}
      group=org/elasticsearch/distribution/integ-test-zip/elasticsearch
      artifact=org.elasticsearch.distribution.integ-test-zip:elasticsearch:$version:zip
      name=elasticsearch
      port=$((base_port + 1))
      ;;
    *) log "unknown engine $engine (opensearch or elasticsearch)"; exit 2 ;;
  esac
  home=$base/$name-$version
  pidfile=$base/$name.pid
  data=$base/$name-data
  logs=$base/$name-logs
  url="http://127.0.0.1:$port"
}

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile" 2>/dev/null)" 2>/dev/null; }  # the engine removes its pid file as it stops

healthy() { curl -fsS "$url/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; }

fetch() {
  local repo=${MAVEN_REPO:-$HOME/.m2/repository}
  local zip=$repo/$group/$version/$name-$version.zip
  if [ ! -f "$zip" ]; then
    command -v mvn >/dev/null || { log "mvn is not installed (apt-get install maven)"; return 1; }
    log "fetching $name $version with mvn"
    mvn -B -q dependency:get -Dtransitive=false -Dartifact="$artifact" >&2
  fi
  mkdir -p "$base"
  rm -rf "$home.tmp" && mkdir -p "$home.tmp"
  unzip -q "$zip" -d "$home.tmp"
  mv "$home.tmp/$name-$version" "$home" && rmdir "$home.tmp"
}

java_home() {
  if [ -n "${SEARCH_ENGINE_JAVA_HOME:-}" ]; then echo "$SEARCH_ENGINE_JAVA_HOME"; return; fi
  local java; java=$(command -v java) || { log "Java is not installed (apt-get install openjdk-17-jre-headless)"; return 1; }
  dirname "$(dirname "$(readlink -f "$java")")"
}

start() {
  configure
  if running && healthy; then echo "$url"; return 0; fi
  if healthy; then
    # Not ours: our tests would write into an engine we did not start (and whose data
    # may be gone), so stop here rather than fail later with timeouts.
    log "something else already answers on $url; stop it or set SEARCH_ENGINE_PORT"
    return 1
  fi
  [ -d "$home" ] || fetch
  local jhome; jhome=$(java_home)
  mkdir -p "$data" "$logs"
  local as_user=()
  if [ "$(id -u)" = 0 ]; then
    # The engines refuse to run as root: use a system user without a login.
    id "$run_user" >/dev/null 2>&1 ||
      useradd --system --no-create-home --shell /usr/sbin/nologin "$run_user"
    chown -R "$run_user:" "$base"
    as_user=(runuser -u "$run_user" --)
  fi
  local settings=(
    -E cluster.name="ressursbanken-test-$name" -E node.name=test
    -E discovery.type=single-node -E network.host=127.0.0.1
    -E http.port="$port" -E transport.port=$((port + 1000))
    -E path.data="$data" -E path.logs="$logs"
    -E action.auto_create_index=true -E cluster.routing.allocation.disk.threshold_enabled=false
  )
  local env_vars
  if [ "$engine" = opensearch ]; then
    env_vars=(OPENSEARCH_JAVA_HOME="$jhome" OPENSEARCH_PATH_CONF="$home/config"
      OPENSEARCH_JAVA_OPTS="-Xms512m -Xmx512m")
  else
    env_vars=(ES_JAVA_HOME="$jhome" ES_PATH_CONF="$home/config" ES_JAVA_OPTS="-Xms512m -Xmx512m")
    settings+=(-E xpack.security.enabled=false)
  fi
  log "starting $name $version on $url"
  "${as_user[@]}" env "${env_vars[@]}" "$home/bin/$name" -d -p "$pidfile" "${settings[@]}" \
    >"$base/$name-start.log" 2>&1 || { cat "$base/$name-start.log" >&2; return 1; }
  for _ in $(seq 1 120); do
    if [ -f "$pidfile" ] && ! running; then break; fi
    if running && healthy; then echo "$url"; return 0; fi
    sleep 1
  done
  log "$name did not become healthy; see $logs/"
  tail -20 "$base/$name-start.log" >&2 || true
  return 1
}

stop() {
  configure
  if running; then
    kill "$(cat "$pidfile")"
    for _ in $(seq 1 30); do running || break; sleep 1; done
  fi
  rm -f "$pidfile"
}

url() {
  configure
  if running && healthy; then echo "$url"; else return 1; fi
}

case "$command" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  port) configure; echo "$port" ;;
  start-all)
    # Both engines; one that cannot start is left out (the caller decides whether to fail).
    found=()
    for engine in opensearch elasticsearch; do
      if u=$(start); then found+=("$engine=$u"); fi
    done
    echo "${found[*]:-}"
    ;;
  stop-all) for engine in opensearch elasticsearch; do stop; done ;;
  *) echo "usage: $0 start|stop|url|port [opensearch|elasticsearch] | start-all | stop-all" >&2; exit 2 ;;
esac
