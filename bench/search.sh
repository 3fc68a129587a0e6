#!/usr/bin/env bash
# Search benchmark: a generated site of 100,000 published articles (ARTICLES=N to change), on
# SQLite and on PostgreSQL, and the latency of /search over a fixed mix of queries (common,
# middling and rare words, pairs, prefixes, phrases, topic and date filters), one connection at a
# time for latency and four at once for throughput. Release build, everything on 127.0.0.1,
# every load bounded in time. Prints a table and writes it to docs/benchmarks-search.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }
bash .ci/services.sh >/dev/null   # PostgreSQL on 127.0.0.1:5432 with the "dateline" role

N=${ARTICLES:-100000}
PORT=${PORT:-5092}
BASE=http://127.0.0.1:$PORT
WORK=$(mktemp -d)
SERVER=
PGDB=dateline_bench_search
export PGPASSWORD=dateline
PSQL=(psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U dateline)
cleanup() {
  [[ -n $SERVER ]] && kill "$SERVER" 2>/dev/null || true
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $PGDB" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
dotnet publish src/Dateline -c Release -o "$WORK/app" -nologo -v quiet
APP=(dotnet "$WORK/app/Dateline.dll")

start_server() { # sets STARTED: seconds from start to the first 200 (includes indexing what is not indexed)
  local t0=$(date +%s.%N)
  ( cd "$WORK" && exec "${APP[@]}" serve --urls "$BASE" --data "$WORK/data" ) >"$WORK/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 6000); do curl -fs -o /dev/null "$BASE/healthz" && break; sleep 0.1; done
  curl -fs -o /dev/null "$BASE/healthz" || { echo "the server did not start:" >&2; cat "$WORK/server.log" >&2; exit 1; }
  STARTED=$(echo "$(date +%s.%N) - $t0" | bc)
}
stop_server() { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=; }

measure() { # provider -> a table row
  local provider=$1 latency throughput
  start_server >&2
  if [[ $provider == PostgreSQL ]]; then "${PSQL[@]}" -d $PGDB -c 'ANALYZE "Articles", "ArticleSearch", "ArticleTopic", "ArticleAuthor", "Topics", "Authors"' >/dev/null; fi
  # Warm up: the first requests compile queries and fill the database's caches.
  SEARCH_QUERIES=$WORK/queries.lua wrk -t1 -c1 -d15s --timeout 10s -s bench/search.lua "$BASE" >/dev/null
  latency=$(SEARCH_QUERIES=$WORK/queries.lua wrk -t1 -c1 -d20s --timeout 10s -s bench/search.lua "$BASE" | grep '^RESULT')
  throughput=$(SEARCH_QUERIES=$WORK/queries.lua wrk -t2 -c4 -d15s --timeout 10s -s bench/search.lua "$BASE" | grep '^RESULT')
  stop_server
  local failures
  failures=$(grep -c '^fail:' "$WORK/server.log" || true)
  cp "$WORK/server.log" "${TMPDIR:-/tmp}/dateline-search-bench-$provider.log"
  local p50 p95 p99 rps bad errors
  p50=$(sed -E 's/.* p50=([^ ]+).*/\1/' <<<"$latency"); p95=$(sed -E 's/.* p95=([^ ]+).*/\1/' <<<"$latency")
  p99=$(sed -E 's/.* p99=([^ ]+).*/\1/' <<<"$latency"); rps=$(sed -E 's/.* rps=([^ ]+).*/\1/' <<<"$throughput")
  bad=$(( $(sed -E 's/.* non2xx=([0-9]+).*/\1/' <<<"$latency") + $(sed -E 's/.* non2xx=([0-9]+).*/\1/' <<<"$throughput") ))
  errors=$(( $(sed -E 's/.* errors=([0-9]+).*/\1/' <<<"$latency") + $(sed -E 's/.* errors=([0-9]+).*/\1/' <<<"$throughput") ))
  printf '| %s | %s | %s | %s | %s | %s / %s / %s | %s |\n' "$provider" "$p50" "$p95" "$p99" "$rps" "$bad" "$errors" "$failures" "$(printf '%.1f' "$STARTED")"
}

# SQLite: the app makes the schema (any command migrates), the generator fills the tables, and the
# next start indexes every article, as it would after an upgrade.
mkdir -p "$WORK/data"
"${APP[@]}" keys create --name bench --role admin --data "$WORK/data" >/dev/null
python3 bench/search-seed.py sqlite "$WORK/data/dateline.db" "$N" "$WORK/queries.lua"
measure SQLite >"$WORK/sqlite.row"
sqlite_row=$(cat "$WORK/sqlite.row")
rm -rf "$WORK/data"

# PostgreSQL, the same site.
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $PGDB" -c "CREATE DATABASE $PGDB" >/dev/null
export Dateline__Database__Provider=Postgres ConnectionStrings__Dateline="Host=127.0.0.1;Port=5432;Username=dateline;Password=dateline;Database=$PGDB"
mkdir -p "$WORK/data"
"${APP[@]}" keys create --name bench --role admin --data "$WORK/data" >/dev/null
python3 bench/search-seed.py postgres "$N" "$WORK/queries.lua" | "${PSQL[@]}" -d $PGDB >/dev/null
measure PostgreSQL >"$WORK/postgres.row"
postgres_row=$(cat "$WORK/postgres.row")

queries=$(grep -c '"/search' "$WORK/queries.lua")
table=$(cat <<MD
# Search benchmark

$(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores ($(uname -m)), Release build, wrk on the same machine.
A generated site of $N published articles (about 200 words each, Zipf-distributed vocabulary,
50 topics, 300 authors); $queries queries in turn: common, middling and rare words, two-word
queries, four-letter prefixes, phrases, and topic and date-range filters. Latency is over one
connection (p50, p95, p99 in ms); requests/s over four. "Start" is the seconds from starting the
server to its first 200, which includes indexing all $N articles from nothing.

| database | p50 | p95 | p99 | requests/s (4 connections) | non-2xx / socket errors / server errors logged | start (s) |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
$sqlite_row
$postgres_row

Run it again with \`bench/search.sh\` (\`ARTICLES=N\` for another size).
MD
)
echo "$table"
echo "$table" > docs/benchmarks-search.md
