#!/usr/bin/env bash
# make security: attack the site with scanners no one here wrote.
#
# Serves the production settings (resourcebank.settings.scan: production plus static files
# from the apps and the demo content) with gunicorn over TLS on a free loopback port, then:
#   1. Django's deploy checks under production settings (--fail-level WARNING);
#   2. Debian's wapiti, anonymous and logged in as the demo member;
#   3. Debian's sqlmap on the search, filter and calendar-feed parameters.
# Fails on any wapiti vulnerability or anomaly and on any injection sqlmap finds. Every
# process it starts is stopped at the end, failed or not. Reports land in var/security/.
# Budget: about five minutes. wapiti's --max-scan-time bounds its crawl and
# --max-attack-time each module, so one run lasts at most SCAN_SECONDS plus
# ATTACK_SECONDS per module; sqlmap runs at level 1 and risk 1.
set -euo pipefail
cd "$(dirname "$0")/.."

VAR=var/security
PY=.venv/bin/python
SCAN_SECONDS=${SCAN_SECONDS:-30}
ATTACK_SECONDS=${ATTACK_SECONDS:-6}
# Every wapiti module that needs no outside service, except blindsql (time-based payloads
# that take minutes here; sqlmap tests blind injection on the same parameters).
WAPITI_MODULES=${WAPITI_MODULES:-backup,cookieflags,crlf,csp,csrf,exec,file,htaccess,http_headers,methods,permanentxss,redirect,sql,xss}

for tool in wapiti sqlmap openssl curl; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (scripts/system-deps.sh security)" >&2; exit 1; }
done

started=$(date +%s)
pids=()
cleanup() {
  local status=$?
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  echo "make security: $(( $(date +%s) - started )) s"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

rm -rf "$VAR"
mkdir -p "$VAR/media"
port=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="https://127.0.0.1:$port"
secret=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')
demo_password=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(18))')

echo "== Django deploy checks (production settings)"
DJANGO_SETTINGS_MODULE=resourcebank.settings.production DJANGO_SECRET_KEY="$secret" \
  DATABASE_URL="sqlite:///$PWD/$VAR/deploy-check.sqlite3" DJANGO_ALLOWED_HOSTS=ressursbanken.example.org \
  "$PY" manage.py check --deploy --fail-level WARNING

export DJANGO_SETTINGS_MODULE=resourcebank.settings.scan
export DJANGO_SECRET_KEY="$secret"
export DATABASE_URL="sqlite:///$PWD/$VAR/db.sqlite3"
export DJANGO_ALLOWED_HOSTS=127.0.0.1
export MEDIA_ROOT="$PWD/$VAR/media"
export WAGTAILADMIN_BASE_URL="$base"
export DEMO_PASSWORD="$demo_password"
export EMAIL_URL="consolemail://"

echo "== Site with the demo content on $base"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 \
  -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
  -keyout "$VAR/key.pem" -out "$VAR/cert.pem" 2>/dev/null
cache=var/security-cache  # SCAN_REUSE_DB=1 (for working on this script): reuse the demo database
if [ "${SCAN_REUSE_DB:-}" = 1 ] && [ -f "$cache/db.sqlite3" ]; then
  cp "$cache/db.sqlite3" "$VAR/db.sqlite3"
  cp -r "$cache/media/." "$VAR/media/"
  demo_password=$(cat "$cache/password")
  export DEMO_PASSWORD="$demo_password"
else
  "$PY" manage.py migrate --noinput -v 0
  "$PY" manage.py load_demo --skip-nynorsk -v 0 2>"$VAR/load_demo.log" || { cat "$VAR/load_demo.log" >&2; exit 1; }
  if [ "${SCAN_REUSE_DB:-}" = 1 ]; then
    rm -rf "$cache" && mkdir -p "$cache"
    cp "$VAR/db.sqlite3" "$cache/" && cp -r "$VAR/media" "$cache/" && echo "$demo_password" >"$cache/password"
  fi
fi
.venv/bin/gunicorn resourcebank.wsgi:application --bind "127.0.0.1:$port" --workers 3 --timeout 60 \
  --certfile "$VAR/cert.pem" --keyfile "$VAR/key.pem" \
  --access-logfile "$VAR/access.log" --error-logfile "$VAR/gunicorn.log" 2>"$VAR/django.log" &
pids+=($!)
for _ in $(seq 60); do
  curl -ksf -o /dev/null "$base/nb/" && break
  sleep 0.5
done
curl -ksf -o /dev/null "$base/nb/" || { echo "FAIL: the site did not start" >&2; cat "$VAR/gunicorn.log" >&2; exit 1; }

echo "== Logged in as the demo member"
# Through the site's login form, as a browser does (CSRF token and Referer).
"$PY" scripts/security_summary.py login "$base" medlem "$demo_password" "$VAR/member-cookies.json" \
  || { echo "FAIL: the member could not log in" >&2; exit 1; }

# The three scans run side by side (each waits on the server most of the time).
wapiti_run() {  # name, extra options...
  local name=$1
  shift
  /usr/bin/python3 scripts/wapiti.py -u "$base/nb/" --scope folder -m "$WAPITI_MODULES" --level 1 -d 2 \
    --max-links-per-page 12 --max-files-per-dir 6 --max-parameters 12 \
    --max-scan-time "$SCAN_SECONDS" --max-attack-time "$ATTACK_SECONDS" -t 8 \
    -x "$base/nb/logg-ut/" -x "$base/nn/logg-ut/" -x "$base/admin/*" \
    -H "Referer: $base/nb/" --flush-session --store-session "$VAR/wapiti-$name-session" \
    --store-config "$VAR/wapiti-config-$name" --no-bugreport -v 1 -f json -o "$VAR/wapiti-$name.json" \
    "$@" >"$VAR/wapiti-$name.log" 2>&1
}

sqlmap_targets=(
  "$base/nb/sok/?q=valg&type=kampanje&malgruppe=tillitsvalgte&tema=valgkamp&malform=nb&side=1"
  "$base/nb/skolering/?q=styre&malgruppe=tillitsvalgte&tema=organisasjon&format=digital&fylke=vestland&arrangor=fylke&fra=2026-01-01&til=2026-12-31"
  "$base/nb/kampanjer/?merkedag=8-mars&malgruppe=medlemmer&side=1"
  "$base/nb/skolering/kalender/fylke/vestland*/"
  "$base/nb/skolering/kalender/malgruppe/tillitsvalgte*/"
)
sqlmap_run() {
  local target
  for target in "${sqlmap_targets[@]}"; do
    sqlmap -u "$target" --batch --level 1 --risk 1 --flush-session --disable-coloring \
      --output-dir "$PWD/$VAR/sqlmap" --timeout 15 --retries 1 --threads 2 >>"$VAR/sqlmap.log" 2>&1 || return 1
  done
}

echo "== wapiti (anonymous and as the member; $WAPITI_MODULES) and sqlmap (search, filter and feed parameters)"
scans_started=$(date +%s)
wapiti_run anonymous &
anonymous_pid=$!
wapiti_run member -c "$VAR/member-cookies.json" &
member_pid=$!
sqlmap_run &
sqlmap_pid=$!
pids+=("$anonymous_pid" "$member_pid" "$sqlmap_pid")
failed=0
for scan in anonymous member sqlmap; do
  pid_name="${scan}_pid"
  if ! wait "${!pid_name}"; then
    echo "FAIL: $scan stopped with an error (var/security/*$scan*.log):" >&2
    tail -15 "$VAR"/*"$scan"*.log >&2
    failed=1
  fi
done
echo "  $(wc -l <"$VAR/access.log") requests in $(( $(date +%s) - scans_started )) s"
[ "$failed" = 0 ] || exit 1

findings=0
echo "== wapiti, anonymous"
"$PY" scripts/security_summary.py wapiti "$VAR/wapiti-anonymous.json" || findings=1
echo "== wapiti, logged in as the member"
"$PY" scripts/security_summary.py wapiti "$VAR/wapiti-member.json" || findings=1
echo "== sqlmap"
"$PY" scripts/security_summary.py sqlmap "$VAR/sqlmap.log" "${#sqlmap_targets[@]}" || findings=1
[ "$findings" = 0 ] || { echo "FAIL: the scanners found something (reports in $VAR/)" >&2; exit 1; }
echo "make security: 0 findings from wapiti and sqlmap"
