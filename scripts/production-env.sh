#!/usr/bin/env bash
# The environment of the production tier on loopback (make production-local), one
# KEY=value a line on stdout: the same variables a real deployment sets (README,
# docs/deploy.md), pointed at this checkout's services. Use it as
#   set -a; . <(scripts/production-env.sh); set +a
# The secret key is made once and kept in var/production/secret-key.
set -euo pipefail
. "$(dirname "$0")/lib/services.sh"

mkdir -p "$VAR"
[ -s "$VAR/secret-key" ] || (umask 077 && head -c 48 /dev/urandom | base64 | tr -d '\n/+=' >"$VAR/secret-key")
search_port=$("$ROOT/scripts/search-engine.sh" port opensearch)
site="http://127.0.0.1:$VARNISH_PORT"

cat <<ENV
DJANGO_SETTINGS_MODULE=resourcebank.settings.production
DJANGO_SECRET_KEY=$(cat "$VAR/secret-key")
DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
DJANGO_SECURE_SSL_REDIRECT=false
DJANGO_SECURE_HSTS_SECONDS=0
DJANGO_SECURE_COOKIES=false
TRUSTED_PROXIES=127.0.0.1,::1
DATABASE_URL=postgres://ressursbanken:ressursbanken@127.0.0.1:$POSTGRES_PORT/ressursbanken
SEARCH_BACKEND=opensearch
SEARCH_URL=http://127.0.0.1:$search_port
CACHE_URL=redis://127.0.0.1:$REDIS_PORT/0
SESSION_ENGINE=cache
TASKS_BACKEND=database
FRONTEND_CACHE_URL=$site
MEDIA_STORAGE=s3
S3_BUCKET=${S3_BUCKET:-ressursbanken}
S3_ENDPOINT_URL=http://127.0.0.1:$S3_PORT
S3_REGION=us-east-1
S3_ACCESS_KEY_ID=S3RVER
S3_SECRET_ACCESS_KEY=S3RVER
S3_ADDRESSING_STYLE=path
S3_PUBLIC_MEDIA_URL=$site/media
STATIC_ROOT=$VAR/static
WAGTAILADMIN_BASE_URL=$site
EMAIL_URL=consolemail://
APERTIUM_APY_URL=http://127.0.0.1:$APERTIUM_PORT
APERTIUM_CONCURRENCY=${APERTIUM_PIPES:-2}
LOG_LEVEL=WARNING
ENV
