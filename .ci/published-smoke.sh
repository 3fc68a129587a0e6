#!/usr/bin/env bash
# Publishes the app as a server would run it (Release), starts it on an empty data folder and
# checks what only a published app does: the fingerprinted static files are served as immutable
# (a build revalidates them), their plain names are not, and a fresh database is set up at start.
# Prints one line; exits non-zero on a failure.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
port=5398
server=
cleanup() {
  if [[ -n $server ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "published smoke check: FAILED: $*" >&2; [[ -f $work/server.log ]] && tail -20 "$work/server.log" >&2; exit 1; }

dotnet publish src/Dateline -c Release -o "$work/app" -nologo -v quiet >"$work/publish.log" 2>&1 || { cat "$work/publish.log" >&2; fail "dotnet publish"; }
dotnet "$work/app/Dateline.dll" serve --urls "http://127.0.0.1:$port" --data "$work/data" >"$work/server.log" 2>&1 &
server=$!
base=http://127.0.0.1:$port
for _ in $(seq 1 600); do
  curl -fs -o "$work/home.html" "$base/" && break
  kill -0 "$server" 2>/dev/null || fail "the server stopped during its start"
  sleep 0.1
done
[[ -s $work/home.html ]] || fail "no 200 from / within 60 s"

css=$(grep -o 'href="/css/site\.[a-z0-9]*\.css"' "$work/home.html" | head -1 | cut -d'"' -f2)
[[ -n $css ]] || fail "the home page links no fingerprinted stylesheet"
lasting=$(curl -fsS -o /dev/null -D - "$base$css" | tr -d '\r' | grep -i '^cache-control:' || true)
grep -qi 'immutable' <<<"$lasting" && grep -qi 'max-age=31536000' <<<"$lasting" \
  || fail "$css answered '$lasting', not a year's immutable"
plain=$(curl -fsS -o /dev/null -D - "$base/css/site.css" | tr -d '\r' | grep -i '^cache-control:' || true)
grep -qi 'immutable' <<<"$plain" && fail "/css/site.css answered '$plain': a plain name must be revalidated"
grep -q 'fail:' "$work/server.log" && fail "the server logged a failure"

echo "published smoke check: passed ($css: ${lasting#*: })"
