#!/usr/bin/env bash
# apertium-apy, the machine translation server (Bokmål ↔ Nynorsk, apertium-nno-nob), for
# the production tier on loopback and for the tests. Its log is under var/production/apy/.
#
# It runs APERTIUM_PIPES pipes per language pair (default 2: one per core of this
# machine; Apertium's disambiguator keeps a core busy per pipe, so more pipes than cores
# buy nothing). The site sends as many requests at once (APERTIUM_CONCURRENCY, set to the
# same number by scripts/production-env.sh). `-u 0` opens another pipe as soon as every
# pipe is busy; `-t` waits as long as the site does (APERTIUM_TIMEOUT). docs/deploy.md.
#
#   scripts/apertium.sh start      start it (idempotent), start its pipes, print its URL
#                                  (APERTIUM_APY_URL)
#   scripts/apertium.sh stop       stop it
#   scripts/apertium.sh url        print its URL if it is running (exit 1 if not)
#   scripts/apertium.sh run PORT   run it in the foreground on PORT (the tests' fixture)
set -euo pipefail
. "$(dirname "$0")/lib/services.sh"

MODES=/usr/share/apertium/modes
PIPES=${APERTIUM_PIPES:-2}
dir=$VAR/apy
pidfile=$dir/apy.pid
url="http://127.0.0.1:$APERTIUM_PORT"

apy_command() {
  echo apertium-apy -p "$1" -i "$PIPES" -u 0 -t "${APERTIUM_TIMEOUT:-60}" "$MODES"
}

healthy() { curl -fsS -o /dev/null "$url/listPairs" 2>/dev/null; }

# Every pipe starts on first use, loading its dictionaries (a second or more): ask each
# pair the site uses (APERTIUM_NYNORSK_STYLE e) for PIPES translations at once, so the
# first page does not wait for that.
warm_up() {
  local pair pids=() pid ok=0
  for pair in "nob|nno_e" "nno|nob"; do
    for _ in $(seq 1 "$PIPES"); do
      curl -fsS -o /dev/null -m 120 --data-urlencode "langpair=$pair" \
        --data-urlencode "q=<p>Hei.</p>" -d format=html "$url/translate" &
      pids+=($!)
    done
  done
  for pid in "${pids[@]}"; do wait "$pid" || ok=1; done
  return $ok
}

launch() {
  need apertium-apy apertium-apy
  [ -f "$MODES/nob-nno_e.mode" ] || die "apertium-nno-nob is not installed (apt-get install apertium-nno-nob)"
  port_free "$APERTIUM_PORT"
  mkdir -p "$dir"
  log "starting apertium-apy on $url ($PIPES pipes per pair)"
  # shellcheck disable=SC2046
  nohup $(apy_command "$APERTIUM_PORT") >"$dir/apy.log" 2>&1 </dev/null &
  echo $! >"$pidfile"
  wait_for 30 healthy || { tail -20 "$dir/apy.log" >&2; die "apertium-apy did not answer; see $dir/apy.log"; }
  warm_up || log "a pipe did not start (see $dir/apy.log); it starts on first use"
}

if [ "${1:-}" = run ]; then
  [ -n "${2:-}" ] || { echo "usage: $0 run PORT" >&2; exit 2; }
  # shellcheck disable=SC2046
  exec $(apy_command "$2")
fi
service_main "$@"
