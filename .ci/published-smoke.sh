#!/usr/bin/env bash
# Publishes the app as a server would run it (Release), starts it on an empty data folder and
# checks what only a published app does: the fingerprinted static files are served as immutable
# (a build revalidates them), their plain names are not, and a fresh database is set up at start.
# Prints one line; exits non-zero on a failure.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
server=
cleanup() {
  if [[ -n $server ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "published smoke check: FAILED: $*" >&2; [[ -f $work/server.log ]] && tail -20 "$work/server.log" >&2; exit 1; }
get() { curl -fsS --max-time 20 "$@"; }
command -v curl >/dev/null || fail "curl is missing"

dotnet publish src/Dateline -c Release -o "$work/app" -nologo -v quiet >"$work/publish.log" 2>&1 || { cat "$work/publish.log" >&2; fail "dotnet publish"; }
# Port 0: the system picks a free one, so that nothing already listening is tested instead.
ASPNETCORE_ENVIRONMENT=Production dotnet "$work/app/Dateline.dll" serve --urls "http://127.0.0.1:0" --data "$work/data" >"$work/server.log" 2>&1 &
server=$!
base=
deadline=$((SECONDS + 60))
while ((SECONDS < deadline)); do
  kill -0 "$server" 2>/dev/null || fail "the server stopped during its start"
  base=$(grep -o 'Now listening on: http://127\.0\.0\.1:[0-9]*' "$work/server.log" | head -1 | sed 's/^Now listening on: //' || true)
  if [[ -n $base ]] && curl -fs --max-time 5 -o "$work/home.html" "$base/"; then break; fi
  sleep 0.1
done
[[ -s $work/home.html ]] || fail "no 200 from / within 60 s"
kill -0 "$server" 2>/dev/null || fail "the server stopped"

css=$(grep -o 'href="/css/site\.[a-z0-9]*\.css"' "$work/home.html" | head -1 | cut -d'"' -f2 || true)
[[ -n $css ]] || fail "the home page links no fingerprinted stylesheet"
lasting=$(get -o /dev/null -D - "$base$css" | tr -d '\r' | grep -i '^cache-control:' || true)
grep -qi 'immutable' <<<"$lasting" && grep -qi 'max-age=31536000' <<<"$lasting" \
  || fail "$css answered '$lasting', not a year's immutable"
headers=$(get -o /dev/null -D - "$base/css/site.css") || fail "/css/site.css was not served"
plain=$(tr -d '\r' <<<"$headers" | grep -i '^cache-control:' || true)
if grep -qi 'immutable' <<<"$plain"; then fail "/css/site.css answered '$plain': a plain name must be revalidated"; fi
if grep -qE '^(fail|crit):' "$work/server.log"; then fail "the server logged a failure"; fi

echo "published smoke check: passed ($css: ${lasting#*: })"
