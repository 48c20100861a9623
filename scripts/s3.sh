#!/usr/bin/env bash
# An S3-compatible server for the production tier on loopback: s3rver (npm, pinned in
# tools/s3rver/package-lock.json, installed with `npm ci`), files under
# var/production/s3/. It creates the bucket (S3_BUCKET, default "ressursbanken") at start.
# Its keys are s3rver's fixed ones, S3RVER / S3RVER.
#
#   scripts/s3.sh start   start it (idempotent) and print its URL (S3_ENDPOINT_URL)
#   scripts/s3.sh stop    stop it
#   scripts/s3.sh url     print its URL if it is running (exit 1 if not)
set -euo pipefail
. "$(dirname "$0")/lib/services.sh"

tool=$ROOT/tools/s3rver
dir=$VAR/s3
pidfile=$dir/s3rver.pid
bucket=${S3_BUCKET:-ressursbanken}
url="http://127.0.0.1:$S3_PORT"

healthy() { curl -fsS -o /dev/null "$url/$bucket/?max-keys=0" 2>/dev/null; }

launch() {
  need node nodejs
  need npm npm
  port_free "$S3_PORT"
  if [ ! -x "$tool/node_modules/.bin/s3rver" ] || [ "$tool/package-lock.json" -nt "$tool/node_modules/.package-lock.json" ]; then
    log "installing s3rver (npm ci in tools/s3rver)"
    (cd "$tool" && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
  mkdir -p "$dir/data"
  log "starting s3rver on $url with the bucket $bucket"
  nohup "$tool/node_modules/.bin/s3rver" --directory "$dir/data" --address 127.0.0.1 \
    --port "$S3_PORT" --no-vhost-buckets --configure-bucket "$bucket" \
    >"$dir/s3rver.log" 2>&1 </dev/null &
  echo $! >"$pidfile"
  wait_for 20 healthy || { tail -20 "$dir/s3rver.log" >&2; die "s3rver did not answer; see $dir/s3rver.log"; }
}

service_main "$@"
