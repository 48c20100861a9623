#!/usr/bin/env bash
# Install the Debian packages a target needs, when missing.
# Usage: scripts/system-deps.sh run|test|production|security
#   production: what make production-local, test-production and bench-web run (PostgreSQL,
#   Java and Maven for OpenSearch, Redis, Varnish, nginx, Node.js for s3rver, wrk, APy)
#   security: what make security runs (Debian's wapiti and sqlmap)
# Outside CI a package that cannot be installed is reported and the tests that need it skip;
# with CI=true it is a failure.
set -u
profile=${1:-run}

venv_pkgs=(python3-venv)
run_pkgs=(gettext fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 apertium-nno-nob)
test_pkgs=(postgresql chromium apertium-apy khal poppler-utils maven openjdk-17-jre-headless unzip curl)
production_pkgs=(postgresql maven openjdk-17-jre-headless unzip curl redis-server varnish nginx nodejs wrk apertium-apy)
# npm comes with some builds of nodejs; Debian's own nodejs needs its npm package.
command -v npm >/dev/null || production_pkgs+=(npm)
security_pkgs=(wapiti sqlmap openssl curl)

wanted=("${run_pkgs[@]}")
[ "$profile" = venv ] && wanted=("${venv_pkgs[@]}")
[ "$profile" = test ] && wanted+=("${test_pkgs[@]}")
[ "$profile" = production ] && wanted+=("${production_pkgs[@]}")
[ "$profile" = security ] && wanted+=("${security_pkgs[@]}")

missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing Debian packages: ${missing[*]}"
if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else sudo="none"; fi
if [ "$sudo" != none ]; then
  export DEBIAN_FRONTEND=noninteractive
  if $sudo apt-get install -y --no-install-recommends "${missing[@]}" >/tmp/ressursbanken-apt.log 2>&1 ||
     { $sudo apt-get update >/dev/null 2>&1 && $sudo apt-get install -y --no-install-recommends "${missing[@]}" >/tmp/ressursbanken-apt.log 2>&1; }; then
    exit 0
  fi
  tail -5 /tmp/ressursbanken-apt.log
fi
msg="could not install Debian packages: ${missing[*]} (run as root: apt-get install ${missing[*]})"
if [ "${CI:-}" = true ]; then
  echo "FAIL: $msg" >&2
  exit 1
fi
echo "WARNING: $msg; tests that need them will be skipped." >&2
exit 0
