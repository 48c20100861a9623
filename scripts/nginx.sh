#!/usr/bin/env bash
# nginx (Debian's nginx) as the load balancer of the production tier on loopback, in
# front of the two gunicorn instances (scripts/gunicorn.sh). Its configuration is
# rendered from deploy/nginx/ressursbanken.conf into var/production/nginx/, with its pid,
# logs and temporary files there too.
#
#   scripts/nginx.sh start   start it (idempotent) and print its URL
#   scripts/nginx.sh stop    stop it
#   scripts/nginx.sh url     print its URL if it is running (exit 1 if not)
#
# STATIC_ROOT (collectstatic's folder) and S3_BUCKET come from scripts/production-env.sh.
set -euo pipefail
. "$(dirname "$0")/lib/services.sh"

dir=$VAR/nginx
pidfile=$dir/nginx.pid
url="http://127.0.0.1:$NGINX_PORT"

healthy() { curl -sS -o /dev/null "$url/static/" 2>/dev/null; }

render() {
  local static_root bucket
  static_root=$(sed -n 's/^STATIC_ROOT=//p' <("$ROOT/scripts/production-env.sh"))
  bucket=$(sed -n 's/^S3_BUCKET=//p' <("$ROOT/scripts/production-env.sh"))
  local media
  media="            # The media bucket (s3rver here), its public prefixes only.
            proxy_pass http://127.0.0.1:$S3_PORT/$bucket/\$1;
            proxy_set_header Host 127.0.0.1:$S3_PORT;
            proxy_hide_header x-amz-request-id;
            proxy_hide_header x-amz-id-2;
            add_header Cache-Control \"public, max-age=86400\";"
  fill_template "$ROOT/deploy/nginx/ressursbanken.conf" "$dir/nginx.conf" \
    "DIR=$dir" \
    "LISTEN=127.0.0.1:$NGINX_PORT" \
    "STATIC_ROOT=$static_root" \
    "APP_SERVERS=        server 127.0.0.1:$GUNICORN_A_PORT max_fails=1 fail_timeout=5s;
        server 127.0.0.1:$GUNICORN_B_PORT max_fails=1 fail_timeout=5s;" \
    "MEDIA_LOCATION=$media"
}

launch() {
  need nginx nginx
  port_free "$NGINX_PORT"
  mkdir -p "$dir/tmp"
  render
  # As root, nginx's workers run as www-data: they write its temporary files.
  [ "$(id -u)" = 0 ] && chown -R www-data: "$dir/tmp"
  nginx -t -q -c "$dir/nginx.conf" -p "$dir" -e "$dir/error.log" >&2 || die "nginx refused $dir/nginx.conf"
  log "starting nginx on $url (gunicorn on ports $GUNICORN_A_PORT and $GUNICORN_B_PORT)"
  nginx -c "$dir/nginx.conf" -p "$dir" -e "$dir/error.log" >&2
  wait_for 10 healthy || die "nginx did not answer; see $dir/error.log"
}

service_main "$@"
