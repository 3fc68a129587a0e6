#!/usr/bin/env bash
# Import benchmark: `import wxr` of a generated WordPress export of 10,000 posts and 100,000
# comments (POSTS=N COMMENTS=M to change; bench/wxr-generate.py writes it), into a fresh SQLite
# data folder and then again into the same one (the second run should find everything unchanged),
# and the same two runs on PostgreSQL when it can be started (SKIP_POSTGRES=1 to leave it out).
# Each run is timed with /usr/bin/time -v (wall time, peak resident memory) and bounded by
# TIMEOUT seconds (1800). The import's own summary is checked against what the generator wrote;
# a mismatch, a problem line or a timeout fails the script, after the table is written. Release,
# ReadyToRun build (APP_DIR=folder to use one already published). Prints a table and writes it to
# docs/benchmarks-import.md. The aim (issue 6): under 60 s and under 500 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
[[ -x /usr/bin/time ]] || { apt-get update -q && apt-get install -y -q time; }

POSTS=${POSTS:-10000}
COMMENTS=${COMMENTS:-100000}
TIMEOUT=${TIMEOUT:-1800}
AIM_SECONDS=60
AIM_MB=500
WORK=$(mktemp -d)
PGDB=dateline_bench_import
export PGPASSWORD=dateline
PSQL=(env PGOPTIONS='-c client_min_messages=warning' psql -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -U dateline)
POSTGRES=
cleanup() {
  [[ -n $POSTGRES ]] && "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $PGDB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if [[ -n ${APP_DIR:-} ]]; then
  APP=(dotnet "$APP_DIR/Dateline.dll")
else
  # Compiled ahead of time (ReadyToRun), as a production install would be: the command is short
  # enough that compiling EF Core's and the app's code at run time is seconds of it.
  dotnet publish src/Dateline -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$WORK/app" -nologo -v quiet
  APP=(dotnet "$WORK/app/Dateline.dll")
fi

EXPORT=$WORK/export.xml
t0=$(date +%s.%N)
python3 bench/wxr-generate.py "$EXPORT" --posts "$POSTS" --comments "$COMMENTS"
GENERATED=$(printf '%.0f' "$(echo "$(date +%s.%N) - $t0" | bc)")
COUNTS=$EXPORT.counts.json
count() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2], d))' "$COUNTS" "$1"; }
want_posts=$(count 'expected["articles_added"]')
want_comments=$(count 'expected["comments_added"]')
want_status=$(count '", ".join(f"{v:,} {k}" for k, v in sorted(expected["articles_by_status"].items()) if v)')
FILE_MB=$(( $(stat -c %s "$EXPORT") / 1048576 ))

fmt() { sed -E ':a; s/([0-9])([0-9]{3})($|,)/\1,\2\3/; ta' <<<"$1"; } # 10000 -> 10,000

ROWS=()
FAILED=()
# run_import DATABASE RUN DATA-DIR [VAR=VALUE…]: one timed import; appends a row to ROWS and sets OUTCOME.
run_import() {
  local database=$1 run=$2 data=$3; shift 3
  local tag=${database,,}-${run%% *}
  local out=$WORK/$tag.out err=$WORK/$tag.err timing=$WORK/$tag.time rc=0
  echo "[bench] $database, $run run: importing $POSTS posts and $COMMENTS comments …" >&2
  ( cd "$WORK" && env "$@" /usr/bin/time -v -o "$timing" timeout "$TIMEOUT" "${APP[@]}" import wxr "$EXPORT" --data "$data" >"$out" 2>"$err" ) || rc=$?
  cp "$err" "${TMPDIR:-/tmp}/dateline-import-bench-$tag.log"
  local seconds mb
  seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2, p, ":"); s=0; for (i=1; i<=n; i++) s=s*60+p[i]; printf "%.1f", s}' "$timing")
  mb=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$timing")
  if ((rc == 124)) || grep -q 'Command exited with non-zero status 124' "$timing"; then
    ROWS+=("| $database | $run | timed out | | > $TIMEOUT | | $mb (so far) | no |")
    FAILED+=("$database $run run: timed out after $TIMEOUT s")
    OUTCOME=timeout
    return
  fi
  if ((rc != 0)); then
    echo "[bench] $database $run run failed (exit $rc):" >&2; tail -20 "$err" >&2; cat "$out" >&2
    ROWS+=("| $database | $run | failed (exit $rc) | | $seconds | | $mb | no |")
    FAILED+=("$database $run run: exit $rc")
    OUTCOME=failed
    return
  fi
  cat "$out" >&2
  # "articles: 10,000 added, 0 updated, 0 unchanged (…)"
  local a c
  read -r -a a < <(sed -nE 's/^articles: ([0-9,]+) added, ([0-9,]+) updated, ([0-9,]+) unchanged.*/\1 \2 \3/p' "$out" | tr -d ,) || true
  read -r -a c < <(sed -nE 's/^comments: ([0-9,]+) added, ([0-9,]+) updated, ([0-9,]+) unchanged.*/\1 \2 \3/p' "$out" | tr -d ,) || true
  local problems expected got
  problems=$(sed -nE 's/^problems: ([0-9,]+);.*/\1/p' "$out" | tr -d ,)
  if [[ $run == first* ]]; then
    expected="$want_posts 0 0 / $want_comments 0 0 / 0"
  else
    expected="0 0 $want_posts / 0 0 $want_comments / 0"
  fi
  got="${a[*]:-?} / ${c[*]:-?} / ${problems:-?}"
  if [[ $got != "$expected" ]]; then
    echo "[bench] MISMATCH on $database, $run run: articles added/updated/unchanged, comments added/updated/unchanged, problems:" >&2
    echo "[bench]   expected $expected" >&2
    echo "[bench]   got      $got" >&2
    FAILED+=("$database $run run: expected $expected, got $got")
  fi
  if [[ $run == first* ]] && ! grep -q "($want_status)" "$out"; then
    echo "[bench] MISMATCH on $database: articles by status should be ($want_status)" >&2
    FAILED+=("$database $run run: articles by status are not ($want_status)")
  fi
  local posts comments aim=no
  if [[ $run == first* ]]; then posts="$(fmt "${a[0]:-0}") added"; comments="$(fmt "${c[0]:-0}") added"
  else posts="$(fmt "${a[2]:-0}") unchanged"; comments="$(fmt "${c[2]:-0}") unchanged"; fi
  awk -v s="$seconds" -v m="$mb" -v S=$AIM_SECONDS -v M=$AIM_MB 'BEGIN {exit !(s < S && m < M)}' && aim=yes
  local own
  own=$(sed -nE 's/^problems: .*done in ([0-9.,]+) s$/\1/p' "$out" | tr -d ,)
  ROWS+=("| $database | $run | $posts | $comments | $seconds | ${own:-?} | $mb | $aim |")
  OUTCOME=ok
}

# SQLite: a fresh data folder, then the same import again.
mkdir -p "$WORK/sqlite"
run_import SQLite "first (empty database)" "$WORK/sqlite"
[[ $OUTCOME == ok ]] && run_import SQLite "second (same file again)" "$WORK/sqlite"
SQLITE_MB=$(du -sm "$WORK/sqlite" | cut -f1)
rm -rf "$WORK/sqlite"

# PostgreSQL: a database of its own, created here and dropped at the end.
PG_NOTE=
if [[ -n ${SKIP_POSTGRES:-} ]]; then
  PG_NOTE="PostgreSQL was left out (SKIP_POSTGRES)."
elif bash .ci/services.sh >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p 5432; then
  POSTGRES=1
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $PGDB WITH (FORCE)" -c "CREATE DATABASE $PGDB" >/dev/null
  pg=(Dateline__Database__Provider=Postgres "ConnectionStrings__Dateline=Host=127.0.0.1;Port=5432;Username=dateline;Password=dateline;Database=$PGDB")
  mkdir -p "$WORK/pg"
  run_import PostgreSQL "first (empty database)" "$WORK/pg" "${pg[@]}"
  [[ $OUTCOME == ok ]] && run_import PostgreSQL "second (same file again)" "$WORK/pg" "${pg[@]}"
  PG_NOTE="PostgreSQL $("${PSQL[@]}" -d postgres -tAc 'SHOW server_version' | cut -d' ' -f1), default settings, on the same machine; the database took $("${PSQL[@]}" -d postgres -tAc "SELECT pg_size_pretty(pg_database_size('$PGDB'))")."
else
  PG_NOTE="PostgreSQL could not be started here (.ci/services.sh), so it was left out."
fi

cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
memory=$(awk '/^MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
status_mix=$(count '", ".join(f"{v:,} {k}" for k, v in sorted(posts_by_status.items()))')
comment_mix=$(count '", ".join(f"{comments_by_status.get(k, 0):,} {n}" for k, n in [("1", "approved"), ("0", "held"), ("spam", "spam"), ("trash", "trash")])')
replies=$(count 'f"{replies:,} replies ({replies_to_later:,} to a comment later in the file), {pingbacks:,} pingbacks"')
words=$(count 'f"{words // posts:,}"')
table=$(cat <<MD
# Import benchmark

$(date -u +%Y-%m-%dT%H:%MZ), commit $commit, on $(nproc) cores ($cpu), $memory of memory, Release build compiled ahead of time (ReadyToRun).

\`dateline import wxr\` of a generated WordPress export (\`bench/wxr-generate.py\`, ${FILE_MB} MB,
generated in $GENERATED s): $(fmt "$POSTS") posts ($status_mix; about $words words each, 5 authors, 20
categories, 200 tags, a featured image on some) and $(fmt "$COMMENTS") comments spread unevenly over the
published posts ($comment_mix; $replies). The first run imports into an empty database; the second
imports the same file again and should change nothing. Seconds are wall time for the whole command
(start, migrations, both passes over the file), "of which importing" the time the command itself
reports for the import; peak MB is the maximum resident set size. Seconds and MB are from
\`/usr/bin/time -v\`. The aim: under $AIM_SECONDS s and under $AIM_MB MB. SQLite's data folder ended at $SQLITE_MB MB.
$PG_NOTE

| database | run | posts | comments | seconds | of which importing | peak MB | aim met? |
| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |
$(printf '%s\n' "${ROWS[@]}")

Run it again with \`bench/import.sh\` (\`POSTS=N COMMENTS=M\` for another size, \`TIMEOUT=s\` per run).
MD
)
echo "$table"
echo "$table" > docs/benchmarks-import.md
if ((${#FAILED[@]})); then
  printf '[bench] FAILED: %s\n' "${FAILED[@]}" >&2
  exit 1
fi
