#!/usr/bin/env bash
# Comment benchmark: comment posts per second through the JSON API, and the time to render an
# article with 500 threaded comments (Release build, SQLite, everything on 127.0.0.1, every load
# bounded in time). The page cache is off, so that every request renders the page. Prints a
# table and writes it to docs/benchmarks-comments.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }

PORT=${PORT:-5091}
BASE=http://127.0.0.1:$PORT
WORK=$(mktemp -d)
dotnet publish src/Dateline -c Release -o "$WORK/app" -nologo -v quiet
( cd "$WORK" && Dateline__CommentPostsPerMinute=100000 Dateline__PageCache=false exec dotnet app/Dateline.dll serve --urls "$BASE" --data "$WORK/data" ) >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 150); do curl -fs -o /dev/null "$BASE/healthz" && break; sleep 0.2; done
curl -fs -o /dev/null "$BASE/healthz" || { echo "the server did not start:" >&2; cat "$WORK/server.log" >&2; exit 1; }

KEY=$(dotnet "$WORK/app/Dateline.dll" keys create --name bench --role admin --data "$WORK/data" | tail -1)
auth=(-H "Authorization: Bearer $KEY" -H "Content-Type: application/json")
curl -fs -o /dev/null -X PUT "${auth[@]}" "$BASE/api/newsroom/settings/discussion" \
  --data '{"requirePreviousApproval":false,"floodSeconds":0,"holdLinkCount":0,"minimumSecondsToSubmit":0,"pageSize":500}'
article=$(curl -fs "${auth[@]}" "$BASE/api/newsroom/articles" \
  --data '{"headline":"Benchmark Thread","authors":["Bench"],"bodyMarkdown":"A story with a long conversation.","status":"published"}')
ID=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' <<<"$article")
PAGE=$(python3 -c 'import json,sys,urllib.parse; print(urllib.parse.urlparse(json.load(sys.stdin)["url"]).path)' <<<"$article")

# 500 comments: 100 top-level, each with a chain of four replies (depth 5).
/usr/bin/python3 - "$BASE" "$ID" <<'PY'
import json, sys, urllib.request
base, article = sys.argv[1], sys.argv[2]
def post(body, parent):
    data = json.dumps({"body": body, "name": "Seeder", "email": "seed@example.org", "parentId": parent}).encode()
    request = urllib.request.Request(f"{base}/api/articles/{article}/comments", data, {"Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(request))["id"]
for thread in range(100):
    parent = post(f"Top-level comment {thread} with a few words to render.", None)
    for depth in range(4):
        parent = post(f"Reply {depth} in thread {thread}, answering the comment above.", parent)
PY

count=$(curl -fs "$BASE/api/articles/$ID" | python3 -c 'import json,sys; print(json.load(sys.stdin)["commentCount"])')
wrk -t1 -c1 -d10s --latency "$BASE$PAGE" >"$WORK/render1.txt"
wrk -t2 -c8 -d10s --latency "$BASE$PAGE" >"$WORK/render.txt"
wrk -t1 -c4 -d10s --latency -s bench/post-comment.lua "$BASE/api/articles/$ID/comments" >"$WORK/post.txt"

summary() { # file -> "req/s p50 p99 non-2xx"
  awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$NF} END {printf "%s | %s | %s | %s", rps, p50, p99, (bad==""?0:bad)}' "$1"
}
render1=$(summary "$WORK/render1.txt")
render=$(summary "$WORK/render.txt")
posts=$(summary "$WORK/post.txt")
table=$(cat <<MD
# Comment benchmark

$(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores ($(uname -m)), SQLite, Release build, wrk on the same machine.

| what | requests/s | p50 | p99 | non-2xx |
| --- | --- | --- | --- | --- |
| article page with $count threaded comments, one connection (the server time per page) | $render1 |
| article page with $count threaded comments (8 connections, 10 s, no cache) | $render |
| comment posts through the JSON API (4 connections, 10 s) | $posts |
MD
)
echo "$table"
echo "$table" > docs/benchmarks-comments.md
