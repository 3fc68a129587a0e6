#!/usr/bin/env bash
# Installs (with apt, when missing) and starts what the tests need, on 127.0.0.1 only:
# PostgreSQL on 5432 with a "dateline" role, Debian's Chromium for browser tests, and an SMTP
# sink on 2525. Idempotent; runs as root with no prompts.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
cd /

packages=(postgresql chromium chromium-driver python3-aiosmtpd fonts-dejavu-core curl)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "[services] installing: ${missing[*]}"
  apt-get update -q
  apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}"
fi

wait_for() {
  local what=$1; shift
  for _ in $(seq 1 150); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "[services] timed out waiting for $what" >&2
  return 1
}

# PostgreSQL: Debian creates cluster <version>/main at install, but nothing starts services here.
pg_version=$(ls /usr/lib/postgresql | sort -V | tail -1)
pg_lsclusters -h | awk -v v="$pg_version" '$1==v && $2=="main"' | grep -q . || pg_createcluster "$pg_version" main
if ! pg_lsclusters -h | awk -v v="$pg_version" '$1==v && $2=="main" {print $4}' | grep -q online; then
  pg_ctlcluster "$pg_version" main start -- -o "-c listen_addresses=127.0.0.1"
fi
wait_for postgres pg_isready -h 127.0.0.1 -p 5432
runuser -u postgres -- psql -qX -v ON_ERROR_STOP=1 -c \
  "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='dateline') THEN CREATE ROLE dateline LOGIN PASSWORD 'dateline' CREATEDB; END IF; END\$\$;"
# Tests drop their databases WITH (FORCE), which must be able to end an autovacuum worker too.
runuser -u postgres -- psql -qX -v ON_ERROR_STOP=1 -c "GRANT pg_signal_backend TO dateline;"
runuser -u postgres -- psql -qXtAc "SELECT 1 FROM pg_database WHERE datname='dateline'" | grep -q 1 \
  || runuser -u postgres -- createdb -O dateline dateline

# SMTP sink: Debian's python3 (another python3 earlier on PATH may lack aiosmtpd).
if ! (exec 3<>/dev/tcp/127.0.0.1/2525) 2>/dev/null; then
  PYTHONUNBUFFERED=1 setsid nohup /usr/bin/python3 -m aiosmtpd -n -l 127.0.0.1:2525 \
    >/tmp/dateline-smtp-sink.log 2>&1 </dev/null &
  wait_for smtp bash -c '(exec 3<>/dev/tcp/127.0.0.1/2525)'
fi

echo "[services] ready: postgres 127.0.0.1:5432, smtp 127.0.0.1:2525, $(/usr/bin/chromium --version 2>/dev/null | grep -v unexpected || echo chromium)"
