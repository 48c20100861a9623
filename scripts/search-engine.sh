#!/usr/bin/env bash
# A real OpenSearch for the tests, on loopback, run as an unprivileged user.
#
#   scripts/search-engine.sh start   start it (idempotent) and print its URL
#   scripts/search-engine.sh stop    stop it
#   scripts/search-engine.sh url     print its URL if it is running (exit 1 if not)
#
# The engine is OpenSearch's integration-test distribution from Maven Central
# (org.opensearch.distribution.integ-test-zip:opensearch, fetched with mvn), which
# runs on the machine's Java 17. That zip carries only the transport module, so the
# analysis-common module (org.opensearch.plugin:analysis-common, the same version:
# the "norwegian" stemmer, stop, pattern_replace and n-gram filters) is added as a
# module. Single node, 127.0.0.1, no security plugin, 512 MB heap. Everything lives
# under var/search-engine/ (gitignored).
set -euo pipefail
cd "$(dirname "$0")/.."

version=${OPENSEARCH_VERSION:-2.19.1}
# One port per checkout, so parallel checkouts do not collide.
port=${SEARCH_ENGINE_PORT:-$((9200 + $(printf '%s' "$PWD" | cksum | cut -d' ' -f1) % 400))}
base=$PWD/var/search-engine
home=$base/opensearch-$version
pidfile=$base/opensearch.pid
url="http://127.0.0.1:$port"
run_user=${SEARCH_ENGINE_USER:-ressursbanken-search}

log() { echo "search-engine: $*" >&2; }

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

healthy() { curl -fsS "$url/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; }

fetch() {
  local repo=${MAVEN_REPO:-$HOME/.m2/repository}
  local zip=$repo/org/opensearch/distribution/integ-test-zip/opensearch/$version/opensearch-$version.zip
  local jar=$repo/org/opensearch/plugin/analysis-common/$version/analysis-common-$version.jar
  if [ ! -f "$zip" ] || [ ! -f "$jar" ]; then
    command -v mvn >/dev/null || { log "mvn is not installed (apt-get install maven)"; return 1; }
    log "fetching OpenSearch $version with mvn"
    mvn -B -q dependency:get -Dtransitive=false \
      -Dartifact="org.opensearch.distribution.integ-test-zip:opensearch:$version:zip" >&2
    mvn -B -q dependency:get -Dtransitive=false \
      -Dartifact="org.opensearch.plugin:analysis-common:$version" >&2
  fi
  mkdir -p "$base"
  rm -rf "$home.tmp" && mkdir -p "$home.tmp"
  unzip -q "$zip" -d "$home.tmp"
  mv "$home.tmp/opensearch-$version" "$home" && rmdir "$home.tmp"
  mkdir -p "$home/modules/analysis-common"
  cp "$jar" "$home/modules/analysis-common/"
  cat >"$home/modules/analysis-common/plugin-descriptor.properties" <<PROPS
description=Adds "built in" analyzers to OpenSearch.
version=$version
name=analysis-common
classname=org.opensearch.analysis.common.CommonAnalysisPlugin
java.version=11
opensearch.version=$version
extended.plugins=
has.native.controller=false
PROPS
}

java_home() {
  if [ -n "${OPENSEARCH_JAVA_HOME:-}" ]; then echo "$OPENSEARCH_JAVA_HOME"; return; fi
  local java; java=$(command -v java) || { log "Java is not installed (apt-get install openjdk-17-jre-headless)"; return 1; }
  dirname "$(dirname "$(readlink -f "$java")")"
}

start() {
  if running && healthy; then echo "$url"; return 0; fi
  if healthy; then
    # Not ours: our tests would write into an engine we did not start (and whose data
    # may be gone), so stop here rather than fail later with timeouts.
    log "something else already answers on $url; stop it or set SEARCH_ENGINE_PORT"
    return 1
  fi
  [ -d "$home" ] || fetch
  local jhome; jhome=$(java_home)
  mkdir -p "$base/data" "$base/logs"
  local as_user=()
  if [ "$(id -u)" = 0 ]; then
    # OpenSearch refuses to run as root: use a system user without a login.
    id "$run_user" >/dev/null 2>&1 ||
      useradd --system --no-create-home --shell /usr/sbin/nologin "$run_user"
    chown -R "$run_user:" "$base"
    as_user=(runuser -u "$run_user" --)
  fi
  log "starting OpenSearch $version on $url"
  "${as_user[@]}" env OPENSEARCH_JAVA_HOME="$jhome" OPENSEARCH_PATH_CONF="$home/config" \
    OPENSEARCH_JAVA_OPTS="-Xms512m -Xmx512m" \
    "$home/bin/opensearch" -d -p "$pidfile" \
    -E cluster.name=ressursbanken-test -E node.name=test \
    -E discovery.type=single-node -E network.host=127.0.0.1 \
    -E http.port="$port" -E transport.port=$((port + 1000)) \
    -E path.data="$base/data" -E path.logs="$base/logs" \
    -E action.auto_create_index=true -E cluster.routing.allocation.disk.threshold_enabled=false \
    >"$base/start.log" 2>&1 || { cat "$base/start.log" >&2; return 1; }
  for _ in $(seq 1 90); do
    if [ -f "$pidfile" ] && ! running; then break; fi
    if running && healthy; then echo "$url"; return 0; fi
    sleep 1
  done
  log "OpenSearch did not become healthy; see $base/logs/"
  tail -20 "$base/start.log" >&2 || true
  return 1
}

stop() {
  if running; then
    kill "$(cat "$pidfile")"
    for _ in $(seq 1 30); do running || break; sleep 1; done
  fi
  rm -f "$pidfile"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) if running && healthy; then echo "$url"; else exit 1; fi ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
